/* pcn-application.c — the PCN Workforce application
 *
 * Parses --db and --as-at (as pcnw does, CLI.md), opens a window per
 * database, and owns the application-wide actions: quit, about.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "pcn-application.h"
#include "pcn-window.h"

struct _PcnApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (PcnApplication, pcn_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "db", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The database (default: the last one opened)"), N_("FILE") },
  { "as-at", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("Compute every due date and status as at this date"), N_("YYYY-MM-DD") },
  { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Open the sample PCN (kept in its own file, made on first use)"), NULL },
  { NULL }
};

PcnApplication *
pcn_application_new (void)
{
  return g_object_new (PCN_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "resource-base-path", RESOURCE_BASE,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       NULL);
}

static void
on_first_frame_painted_cb (GdkFrameClock *clock,
                           GApplication  *app)
{
  /* The benchmark (tests/bench/bench-first-frame.c) reads this line. */
  printf ("first-frame %" G_GINT64_FORMAT "\n", g_get_real_time ());
  fflush (stdout);
  g_signal_handlers_disconnect_by_func (clock, on_first_frame_painted_cb, app);
  g_application_quit (app);
}

static void
on_window_realize_cb (GtkWidget    *window,
                      GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect_object (clock, "after-paint",
                           G_CALLBACK (on_first_frame_painted_cb), app, 0);
}

static PcnWindow *
find_window_for (PcnApplication *self,
                 const char     *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (!PCN_IS_WINDOW (l->data))
        continue;
      if (path == NULL || g_strcmp0 (pcn_window_get_path (l->data), path) == 0)
        return l->data;
    }
  return NULL;
}

static int
pcn_application_handle_local_options (GApplication *app,
                                      GVariantDict *options)
{
  const char *as_at = NULL;

  if (g_variant_dict_lookup (options, "as-at", "&s", &as_at))
    {
      g_autoptr(GError) error = NULL;
      GDate date;

      if (!pcn_date_parse (as_at, &date, &error))
        {
          /* Translators: %s is the reason the date was refused */
          g_printerr (_("--as-at: %s\n"), error->message);
          return 2;
        }
    }

  return G_APPLICATION_CLASS (pcn_application_parent_class)->handle_local_options (app, options);
}

static int
pcn_application_command_line (GApplication            *app,
                              GApplicationCommandLine *cmdline)
{
  PcnApplication *self = PCN_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autofree char *path = NULL;
  const char *db = NULL;
  const char *as_at = NULL;
  PcnWindow *window;
  GDate date;

  if (g_variant_dict_lookup (options, "db", "^&ay", &db) && db[0] != '\0')
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (cmdline, db);
      path = g_file_get_path (file);
    }

  window = find_window_for (self, path);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return 0;
    }

  window = pcn_window_new (self);
  g_date_clear (&date, 1);
  if (g_variant_dict_lookup (options, "as-at", "&s", &as_at) &&
      pcn_date_parse (as_at, &date, NULL))
    pcn_window_set_as_at (window, &date);

  if (g_getenv ("PCN_BENCH_EXIT_AFTER_FIRST_FRAME") != NULL)
    g_signal_connect_object (window, "realize", G_CALLBACK (on_window_realize_cb), self, 0);

  gtk_window_present (GTK_WINDOW (window));
  /* Opens off the main thread: the first frame never waits for SQLite. */
  if (path == NULL && g_variant_dict_contains (options, "sample"))
    pcn_window_open_sample (window);
  else
    pcn_window_open_database (window, path);

  return 0;
}

static void
pcn_application_activate (GApplication *app)
{
  PcnWindow *window = find_window_for (PCN_APPLICATION (app), NULL);

  if (window == NULL)
    {
      window = pcn_window_new (PCN_APPLICATION (app));
      gtk_window_present (GTK_WINDOW (window));
      pcn_window_open_database (window, NULL);
      return;
    }
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing the windows (not g_application_quit) lets them save their size. */
  for (GList *l = g_list_copy (windows), *it = l; it; it = it->next)
    {
      gtk_window_destroy (it->data);
      if (it->next == NULL)
        g_list_free (l);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *parent = gtk_application_get_active_window (app);
  static const char *developers[] = { "PCN Workforce contributors", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-name", _("PCN Workforce"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("PCN Workforce contributors"),
                        "developers", developers,
                        "comments", _("Recruit, integrate and keep the staff of your Primary Care "
                                      "Network funded by the Additional Roles Reimbursement "
                                      "Scheme, and write the returns your commissioner needs."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
};

static void
pcn_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *about_accels[] = { "F1", NULL };

  G_APPLICATION_CLASS (pcn_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.about", about_accels);
}

static void
pcn_application_class_init (PcnApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->handle_local_options = pcn_application_handle_local_options;
  app_class->command_line = pcn_application_command_line;
  app_class->activate = pcn_application_activate;
  app_class->startup = pcn_application_startup;
}

static void
pcn_application_init (PcnApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep your PCN’s ARRS team recruited, "
                                              "integrated and funded."));
}
