/* pcn-window.c — the main window
 *
 * Opens one database off the main thread and shows, in turn: a loading
 * page, an error page when the file is refused, the welcome page when the
 * database has no PCN yet, and then the sidebar of pages.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-create-dialog.h"
#include "pcn-claims-page.h"
#include "pcn-demo.h"
#include "pcn-induction-page.h"
#include "pcn-overview-page.h"
#include "pcn-vision-page.h"
#include "pcn-rates-page.h"
#include "pcn-recruitment-page.h"
#include "pcn-supervision-page.h"
#include "pcn-team-page.h"
#include "pcn-welcome-page.h"
#include "pcn-window-private.h"
#include "pcn-workforce-resources.h"

#define PCN_SCHEMA_ID "org.pcnworkforce.PcnWorkforce"
#define SAMPLE_STAFF 0 /* the hand-written sample */

struct _PcnWindow
{
  AdwApplicationWindow  parent_instance;

  /* template */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkStack             *start_stack;
  GtkSpinner           *spinner;
  AdwStatusPage        *error_status;
  PcnWelcomePage       *welcome_page;
  AdwLeaflet           *leaflet;
  AdwWindowTitle       *sidebar_title;
  GtkListBox           *sidebar_list;
  GtkListBoxRow        *overview_row;
  GtkListBoxRow        *vision_row;
  GtkListBoxRow        *team_row;
  GtkListBoxRow        *recruitment_row;
  GtkListBoxRow        *induction_row;
  GtkListBoxRow        *claims_row;
  GtkListBoxRow        *supervision_row;
  GtkListBoxRow        *rates_row;
  AdwWindowTitle       *content_title;
  GtkRevealer          *sample_revealer;
  GtkStack             *content_stack;
  PcnOverviewPage      *overview_page;
  PcnVisionPage        *vision_page;
  PcnTeamPage          *team_page;
  PcnRecruitmentPage   *recruitment_page;
  PcnInductionPage     *induction_page;
  PcnClaimsPage        *claims_page;
  PcnSupervisionPage   *supervision_page;
  PcnRatesPage         *rates_page;

  GSettings            *settings;
  GCancellable         *cancellable;
  PcnStore             *store;
  PcnNetwork           *network;
  char                 *path;
  /* The user's own database, to return to from the sample. */
  char                 *own_path;
  char                 *error_text;
  GtkWindow            *create_dialog;
  GtkNativeDialog      *chooser;
  GDate                 as_at;
  guint                 busy : 1;
  guint                 is_sample : 1;
  guint                 chooser_is_backup : 1;
};

G_DEFINE_FINAL_TYPE (PcnWindow, pcn_window, ADW_TYPE_APPLICATION_WINDOW)

typedef struct
{
  char     *path;
  GDate     as_at;
  gboolean  sample;
} OpenData;

typedef struct
{
  PcnStore   *store;
  PcnNetwork *network;
} OpenResult;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
open_result_free (OpenResult *result)
{
  g_clear_object (&result->store);
  g_clear_object (&result->network);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenResult, open_result_free)

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, PCN_SCHEMA_ID, TRUE);
  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed; the window size is not kept",
               PCN_SCHEMA_ID);
      return NULL;
    }
  return g_settings_new_full (schema, NULL, NULL);
}

static char *
sample_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pcn-workforce", "sample.db", NULL);
}

static void
show_toast (PcnWindow  *self,
            const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_actions (PcnWindow *self)
{
  gboolean has_store = self->store != NULL && !self->busy;
  gboolean has_network = has_store && self->network != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.backup", has_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.create-network",
                                 has_store && self->network == NULL && !self->is_sample);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.explore-sample", !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.leave-sample",
                                 self->is_sample && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", has_network);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-sidebar", has_network);
}

static void
set_busy (PcnWindow *self,
          gboolean   busy)
{
  self->busy = !!busy;
  gtk_spinner_set_spinning (self->spinner, busy);
  update_actions (self);
}

static void
update_titles (PcnWindow *self)
{
  const char *name = self->network ? pcn_network_get_name (self->network) : NULL;
  const char *subtitle = self->is_sample ? _("Sample PCN — not your data") : NULL;
  GtkStackPage *page;

  if (name != NULL)
    {
      /* Translators: the window title; %s is the PCN's name */
      g_autofree char *title = g_strdup_printf (_("%s — PCN Workforce"), name);
      gtk_window_set_title (GTK_WINDOW (self), title);
      adw_window_title_set_title (self->sidebar_title, name);
    }
  else
    {
      gtk_window_set_title (GTK_WINDOW (self), _("PCN Workforce"));
      adw_window_title_set_title (self->sidebar_title, _("PCN Workforce"));
    }
  adw_window_title_set_subtitle (self->sidebar_title, subtitle);

  if (gtk_stack_get_visible_child (self->content_stack) != NULL)
    {
      page = gtk_stack_get_page (self->content_stack,
                                 gtk_stack_get_visible_child (self->content_stack));
      adw_window_title_set_title (self->content_title, gtk_stack_page_get_title (page));
    }
  adw_window_title_set_subtitle (self->content_title, subtitle);
  gtk_revealer_set_reveal_child (self->sample_revealer, self->is_sample);
}

/* ------------------------------------------------------------ pages */

static void
apply_as_at (PcnWindow *self)
{
  pcn_overview_page_set_as_at (self->overview_page, &self->as_at);
  pcn_vision_page_set_as_at (self->vision_page, &self->as_at);
  pcn_rates_page_set_as_at (self->rates_page, &self->as_at);
  pcn_recruitment_page_set_as_at (self->recruitment_page, &self->as_at);
  pcn_induction_page_set_as_at (self->induction_page, &self->as_at);
  pcn_claims_page_set_as_at (self->claims_page, &self->as_at);
  pcn_supervision_page_set_as_at (self->supervision_page, &self->as_at);
  pcn_team_page_set_as_at (self->team_page, &self->as_at);
}

static GtkWidget *
add_page (PcnWindow  *self,
          GType       type,
          const char *name,
          const char *title)
{
  GtkWidget *page = g_object_new (type, NULL);

  gtk_stack_add_titled (self->content_stack, page, name, title);
  return page;
}

/* The pages are built on first use rather than with the window: the first
 * frame (the "Opening…" page) then never waits for eight page templates. */
static void
ensure_pages (PcnWindow *self)
{
  if (self->overview_page != NULL)
    return;

  self->overview_page = PCN_OVERVIEW_PAGE (add_page (self, PCN_TYPE_OVERVIEW_PAGE,
                                                     "overview", _("Overview")));
  self->vision_page = PCN_VISION_PAGE (add_page (self, PCN_TYPE_VISION_PAGE,
                                                 "vision", _("Vision and strategy")));
  self->team_page = PCN_TEAM_PAGE (add_page (self, PCN_TYPE_TEAM_PAGE, "team", _("Team")));
  self->recruitment_page = PCN_RECRUITMENT_PAGE (add_page (self, PCN_TYPE_RECRUITMENT_PAGE,
                                                           "recruitment", _("Recruitment")));
  self->induction_page = PCN_INDUCTION_PAGE (add_page (self, PCN_TYPE_INDUCTION_PAGE,
                                                       "induction", _("Induction")));
  self->supervision_page = PCN_SUPERVISION_PAGE (add_page (self, PCN_TYPE_SUPERVISION_PAGE,
                                                           "supervision", _("Supervision")));
  self->claims_page = PCN_CLAIMS_PAGE (add_page (self, PCN_TYPE_CLAIMS_PAGE,
                                                 "claims", _("Claims")));
  self->rates_page = PCN_RATES_PAGE (add_page (self, PCN_TYPE_RATES_PAGE,
                                               "rates", _("ARRS rates")));
  apply_as_at (self);
}

static void
clear_page_stores (PcnWindow *self)
{
  if (self->overview_page == NULL)
    return;
  pcn_overview_page_set_store (self->overview_page, NULL);
  pcn_vision_page_set_store (self->vision_page, NULL);
  pcn_team_page_set_store (self->team_page, NULL);
  pcn_recruitment_page_set_store (self->recruitment_page, NULL);
  pcn_induction_page_set_store (self->induction_page, NULL);
  pcn_claims_page_set_store (self->claims_page, NULL);
  pcn_supervision_page_set_store (self->supervision_page, NULL);
  pcn_rates_page_set_store (self->rates_page, NULL);
}

static void
show_page (PcnWindow  *self,
           const char *name)
{
  GtkListBoxRow *row;

  ensure_pages (self);
  if (g_strcmp0 (name, "overview") == 0)
    row = self->overview_row;
  else if (g_strcmp0 (name, "vision") == 0)
    row = self->vision_row;
  else if (g_strcmp0 (name, "rates") == 0)
    row = self->rates_row;
  else if (g_strcmp0 (name, "supervision") == 0)
    row = self->supervision_row;
  else if (g_strcmp0 (name, "recruitment") == 0)
    row = self->recruitment_row;
  else if (g_strcmp0 (name, "induction") == 0)
    row = self->induction_row;
  else if (g_strcmp0 (name, "claims") == 0)
    row = self->claims_row;
  else
    row = self->team_row;

  /* The Team page may have recorded a leaver (a post falls vacant) or
   * changed staff since the budget was worked out. */
  if (row == self->recruitment_row &&
      gtk_stack_get_visible_child (self->content_stack) != GTK_WIDGET (self->recruitment_page) &&
      pcn_recruitment_page_get_store (self->recruitment_page) != NULL)
    pcn_recruitment_page_reload (self->recruitment_page);
  /* Payroll figures, staff and rates may have changed elsewhere too. */
  if (row == self->claims_row &&
      gtk_stack_get_visible_child (self->content_stack) != GTK_WIDGET (self->claims_page) &&
      pcn_claims_page_get_store (self->claims_page) != NULL)
    pcn_claims_page_reload (self->claims_page);

  gtk_list_box_select_row (self->sidebar_list, row);
  gtk_stack_set_visible_child_name (self->content_stack, gtk_widget_get_name (GTK_WIDGET (row)));
  update_titles (self);
  adw_leaflet_set_visible_child_name (self->leaflet, "content");
}

static void
show_error (PcnWindow  *self,
            const char *path,
            GError     *error)
{
  g_autofree char *text = NULL;

  /* Translators: %1$s is a file name, %2$s why it cannot be opened */
  text = g_strdup_printf (_("%1$s\n\n%2$s"), path, error->message);
  g_free (self->error_text);
  self->error_text = g_strdup (error->message);
  adw_status_page_set_description (self->error_status, text);
  gtk_stack_set_visible_child_name (self->start_stack, "error");
  gtk_stack_set_visible_child_name (self->main_stack, "start");
}

static void
apply_store (PcnWindow  *self,
             PcnStore   *store,
             PcnNetwork *network,
             const char *path,
             gboolean    sample)
{
  /* @path may be self->path itself: copy it before freeing that. */
  g_autofree char *path_copy = g_strdup (path);

  path = path_copy;
  g_set_object (&self->store, store);
  g_set_object (&self->network, network);
  g_free (self->path);
  self->path = g_strdup (path);
  self->is_sample = !!sample;
  g_clear_pointer (&self->error_text, g_free);

  if (!sample)
    {
      g_free (self->own_path);
      self->own_path = g_strdup (path);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-database", path);
    }

  if (network == NULL)
    {
      clear_page_stores (self);
      gtk_stack_set_visible_child_name (self->start_stack, "welcome");
      gtk_stack_set_visible_child_name (self->main_stack, "start");
    }
  else
    {
      ensure_pages (self);
      pcn_rates_page_set_area (self->rates_page, pcn_network_get_area (network));
      pcn_rates_page_set_store (self->rates_page, store);
      const char *start_page = g_getenv ("PCN_START_PAGE");

      pcn_team_page_set_store (self->team_page, store);
      pcn_overview_page_set_store (self->overview_page, store);
      pcn_vision_page_set_store (self->vision_page, store);
      pcn_recruitment_page_set_store (self->recruitment_page, store);
      pcn_induction_page_set_store (self->induction_page, store);
      pcn_claims_page_set_store (self->claims_page, store);
      pcn_supervision_page_set_store (self->supervision_page, store);
      gtk_stack_set_visible_child_name (self->main_stack, "main");
      /* PCN_START_PAGE (undocumented, for screenshots): the page to open on. */
      show_page (self, start_page != NULL ? start_page : "overview");
    }
  update_titles (self);
}

static void
open_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(OpenResult) result = g_new0 (OpenResult, 1);
  GError *error = NULL;

  result->store = pcn_store_open (data->path, &error);
  if (result->store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result->network = pcn_store_get_network (result->store, &error);
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (result->network == NULL && data->sample)
    {
      if (!pcn_demo_fill (result->store, SAMPLE_STAFF, &data->as_at, &error))
        {
          g_task_return_error (task, error);
          return;
        }
      result->network = pcn_store_get_network (result->store, &error);
      if (result->network == NULL)
        {
          if (error == NULL)
            error = g_error_new_literal (PCN_STORE_ERROR, PCN_STORE_ERROR_NO_NETWORK,
                                         _("The sample PCN could not be made"));
          g_task_return_error (task, error);
          return;
        }
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) open_result_free);
}

static void
on_open_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  PcnWindow *self = PCN_WINDOW (object);
  OpenData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(OpenResult) opened = NULL;
  g_autoptr(GError) error = NULL;

  opened = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (opened == NULL)
    {
      /* A refused file is a situation the page explains, not a fault. */
      g_message ("Cannot open %s: %s", data->path, error->message);
      g_clear_object (&self->store);
      g_clear_object (&self->network);
      g_clear_pointer (&self->path, g_free);
      self->is_sample = FALSE;
      clear_page_stores (self);
      show_error (self, data->path, error);
      update_actions (self);
      return;
    }

  apply_store (self, opened->store, opened->network, data->path, data->sample);
  update_actions (self);
}

static void
open_path (PcnWindow  *self,
           const char *path,
           gboolean    sample)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->as_at = self->as_at;
  data->sample = sample;

  gtk_stack_set_visible_child_name (self->start_stack, "loading");
  gtk_stack_set_visible_child_name (self->main_stack, "start");
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, on_open_done_cb, NULL);
  g_task_set_source_tag (task, open_path);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_worker);
}

/* ------------------------------------------------------------ actions */

static void
on_network_created_cb (PcnCreateDialog *dialog,
                       PcnNetwork      *network,
                       PcnWindow       *self)
{
  g_autofree char *message = NULL;

  if (self->store == NULL)
    return;
  apply_store (self, self->store, network, self->path, self->is_sample);
  update_actions (self);
  /* Translators: %s is the PCN's name */
  message = g_strdup_printf (_("%s created"), pcn_network_get_name (network));
  show_toast (self, message);
}

static void
create_network_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PcnWindow *self = PCN_WINDOW (widget);
  PcnCreateDialog *dialog;

  if (self->store == NULL)
    return;
  if (self->create_dialog != NULL)
    {
      gtk_window_present (self->create_dialog);
      return;
    }

  dialog = pcn_create_dialog_new (self->store);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (self));
  g_signal_connect_object (dialog, "created", G_CALLBACK (on_network_created_cb), self, 0);
  self->create_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->create_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
explore_sample_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PcnWindow *self = PCN_WINDOW (widget);
  g_autofree char *path = sample_path ();

  open_path (self, path, TRUE);
}

/**
 * pcn_window_open_sample:
 *
 * Opens the sample PCN, in its own file apart from the user's data, making
 * it from the demo data when it does not exist yet.
 */
void
pcn_window_open_sample (PcnWindow *self)
{
  g_autofree char *path = sample_path ();

  g_return_if_fail (PCN_IS_WINDOW (self));
  open_path (self, path, TRUE);
}

static void
leave_sample_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PcnWindow *self = PCN_WINDOW (widget);

  pcn_window_open_database (self, self->own_path);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PcnWindow *self = PCN_WINDOW (widget);

  if (gtk_stack_get_visible_child (self->main_stack) != GTK_WIDGET (self->leaflet))
    return;
  show_page (self, g_variant_get_string (param, NULL));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PcnWindow *self = PCN_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static gpointer
backup_func (PcnStore  *store,
             gpointer   data,
             GError   **error)
{
  if (!pcn_store_backup (store, data, error))
    return NULL;
  return g_strdup (data);
}

static void
on_backup_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PcnWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = NULL;
  g_autofree char *message = NULL;

  dest = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (error != NULL)
    {
      g_warning ("Backup failed: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Backup failed: %s"), error->message);
    }
  else
    {
      g_autofree char *base = g_path_get_basename (dest);
      /* Translators: %s is the backup's file name */
      message = g_strdup_printf (_("Backed up to %s"), base);
    }
  show_toast (self, message);
}

static void
backup_to (PcnWindow  *self,
           const char *dest)
{
  if (self->store == NULL)
    return;
  if (g_strcmp0 (dest, self->path) == 0)
    {
      show_toast (self, _("Choose another file: a backup cannot replace the database itself"));
      return;
    }
  pcn_store_run_async (self->store, backup_func, g_strdup (dest), g_free, g_free,
                       self->cancellable, on_backup_done_cb, g_object_ref (self));
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        PcnWindow       *self)
{
  gboolean is_backup = self->chooser_is_backup;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    path = g_file_get_path (file);

  if (self->chooser == chooser)
    g_clear_object (&self->chooser);

  if (path == NULL)
    return;

  if (is_backup)
    backup_to (self, path);
  else
    pcn_window_open_database (self, path);
}

static void
run_chooser (PcnWindow            *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept,
             const char           *suggested_name,
             gboolean              is_backup)
{
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action, accept, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("PCN Workforce databases"));
  gtk_file_filter_add_pattern (filter, "*.db");
  gtk_file_filter_add_pattern (filter, "*.sqlite");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("All files"));
  gtk_file_filter_add_pattern (filter, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);

  if (suggested_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested_name);

  self->chooser_is_backup = !!is_backup;
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, 0);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  run_chooser (PCN_WINDOW (widget), _("Open a PCN Database"), GTK_FILE_CHOOSER_ACTION_OPEN,
               _("_Open"), NULL, FALSE);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  /* A new name: pcn_store_open creates it; an existing file is only
   * opened (and refused untouched when it is not a PCN database). */
  run_chooser (PCN_WINDOW (widget), _("Create a New PCN Database"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Create"), _("pcn.db"), FALSE);
}

static void
backup_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PcnWindow *self = PCN_WINDOW (widget);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  /* Translators: the suggested backup file name; %s is today's date */
  g_autofree char *name = g_strdup_printf (_("pcn-backup-%s.db"), date);

  if (self->store == NULL)
    return;
  run_chooser (self, _("Back Up the Database"), GTK_FILE_CHOOSER_ACTION_SAVE,
               _("_Back Up"), name, TRUE);
}

/* ------------------------------------------------------------ signals */

static void
on_sidebar_row_activated_cb (GtkListBox    *list,
                             GtkListBoxRow *row,
                             PcnWindow     *self)
{
  show_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

/* ------------------------------------------------------------ GObject */

static void
pcn_window_dispose (GObject *object)
{
  PcnWindow *self = PCN_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  if (self->create_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->create_dialog),
                                    (gpointer *) &self->create_dialog);
      gtk_window_destroy (self->create_dialog);
      self->create_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_WINDOW);
  /* The pages went with the content stack. */
  self->overview_page = NULL;
  self->vision_page = NULL;
  self->team_page = NULL;
  self->recruitment_page = NULL;
  self->induction_page = NULL;
  self->supervision_page = NULL;
  self->claims_page = NULL;
  self->rates_page = NULL;
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->network);

  G_OBJECT_CLASS (pcn_window_parent_class)->dispose (object);
}

static void
pcn_window_finalize (GObject *object)
{
  PcnWindow *self = PCN_WINDOW (object);

  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->own_path, g_free);
  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (pcn_window_parent_class)->finalize (object);
}

static void
pcn_window_class_init (PcnWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_window_dispose;
  object_class->finalize = pcn_window_finalize;

  /* Referencing the bundle keeps its object file, whose constructor
   * registers it, in the link of programs using this static library. */
  (void) pcn_workforce_get_resource ();

  g_type_ensure (PCN_TYPE_WELCOME_PAGE);
  g_type_ensure (PCN_TYPE_OVERVIEW_PAGE);
  g_type_ensure (PCN_TYPE_VISION_PAGE);
  g_type_ensure (PCN_TYPE_TEAM_PAGE);
  g_type_ensure (PCN_TYPE_RECRUITMENT_PAGE);
  g_type_ensure (PCN_TYPE_INDUCTION_PAGE);
  g_type_ensure (PCN_TYPE_CLAIMS_PAGE);
  g_type_ensure (PCN_TYPE_SUPERVISION_PAGE);
  g_type_ensure (PCN_TYPE_RATES_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pcn-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, start_stack);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, error_status);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, sidebar_title);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, sidebar_list);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, overview_row);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, vision_row);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, team_row);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, recruitment_row);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, induction_row);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, claims_row);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, supervision_row);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, rates_row);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, content_title);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, sample_revealer);
  gtk_widget_class_bind_template_child (widget_class, PcnWindow, content_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_sidebar_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "win.create-network", NULL,
                                   create_network_action);
  gtk_widget_class_install_action (widget_class, "win.explore-sample", NULL,
                                   explore_sample_action);
  gtk_widget_class_install_action (widget_class, "win.leave-sample", NULL, leave_sample_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL,
                                   open_database_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.backup", NULL, backup_action);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.open-database", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, GDK_CONTROL_MASK,
                                       "win.backup", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "overview");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_V, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.show-page", "s", "vision");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "team");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "recruitment");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "induction");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "supervision");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_5, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "claims");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_9, GDK_CONTROL_MASK,
                                       "win.show-page", "s", "rates");
}

static void
pcn_window_init (PcnWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pcn_date_set_today (&self->as_at);

  self->settings = settings_new_if_installed ();
  if (self->settings != NULL)
    {
      g_settings_bind (self->settings, "window-width", self, "default-width",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-height", self, "default-height",
                       G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (self->settings, "window-maximized", self, "maximized",
                       G_SETTINGS_BIND_DEFAULT);
    }

  gtk_list_box_select_row (self->sidebar_list, self->overview_row);
  update_titles (self);
  update_actions (self);
}

/* ------------------------------------------------------------ public */

PcnWindow *
pcn_window_new (PcnApplication *application)
{
  return g_object_new (PCN_TYPE_WINDOW, "application", application, NULL);
}

void
pcn_window_set_as_at (PcnWindow   *self,
                      const GDate *as_at)
{
  g_return_if_fail (PCN_IS_WINDOW (self));
  g_return_if_fail (as_at != NULL && g_date_valid (as_at));

  self->as_at = *as_at;
  if (self->overview_page != NULL)
    apply_as_at (self);
}

void
pcn_window_open_database (PcnWindow  *self,
                          const char *path)
{
  g_autofree char *chosen = NULL;

  g_return_if_fail (PCN_IS_WINDOW (self));

  if (path == NULL && self->settings != NULL)
    {
      chosen = g_settings_get_string (self->settings, "last-database");
      if (chosen[0] == '\0')
        g_clear_pointer (&chosen, g_free);
    }
  if (path == NULL && chosen == NULL)
    chosen = pcn_store_default_path ();
  if (path == NULL)
    path = chosen;

  open_path (self, path, FALSE);
}

const char *
pcn_window_get_path (PcnWindow *self)
{
  g_return_val_if_fail (PCN_IS_WINDOW (self), NULL);
  return self->path;
}

PcnStore *
pcn_window_get_store (PcnWindow *self)
{
  g_return_val_if_fail (PCN_IS_WINDOW (self), NULL);
  return self->store;
}

const char *
_pcn_window_get_page_name (PcnWindow *self)
{
  g_return_val_if_fail (PCN_IS_WINDOW (self), NULL);

  if (gtk_stack_get_visible_child (self->main_stack) == GTK_WIDGET (self->leaflet))
    return gtk_stack_get_visible_child_name (self->content_stack);
  return gtk_stack_get_visible_child_name (self->start_stack);
}

gboolean
_pcn_window_is_busy (PcnWindow *self)
{
  return self->busy;
}

gboolean
_pcn_window_is_sample (PcnWindow *self)
{
  return self->is_sample;
}

GtkWindow *
_pcn_window_get_create_dialog (PcnWindow *self)
{
  return self->create_dialog;
}

PcnVisionPage *
_pcn_window_get_vision_page (PcnWindow *self)
{
  ensure_pages (self);
  return self->vision_page;
}

PcnOverviewPage *
_pcn_window_get_overview_page (PcnWindow *self)
{
  ensure_pages (self);
  return self->overview_page;
}

PcnRatesPage *
_pcn_window_get_rates_page (PcnWindow *self)
{
  ensure_pages (self);
  return self->rates_page;
}

PcnRecruitmentPage *
_pcn_window_get_recruitment_page (PcnWindow *self)
{
  ensure_pages (self);
  return self->recruitment_page;
}

PcnInductionPage *
_pcn_window_get_induction_page (PcnWindow *self)
{
  ensure_pages (self);
  return self->induction_page;
}

PcnClaimsPage *
_pcn_window_get_claims_page (PcnWindow *self)
{
  ensure_pages (self);
  return self->claims_page;
}

const char *
_pcn_window_get_error_text (PcnWindow *self)
{
  return self->error_text;
}
