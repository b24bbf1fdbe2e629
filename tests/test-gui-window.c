/* test-gui-window.c — the window: first run, the create dialog, the sample
 * PCN and the ARRS rates page, driven as a person would (ui suite).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pcn-create-dialog-private.h"
#include "pcn-rate-dialog-private.h"
#include "pcn-rates-page-private.h"
#include "pcn-store.h"
#include "pcn-window-private.h"

typedef gboolean (*Condition) (gpointer data);


static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main context until @cond holds (or fails after 30 s). */
static void
spin_until (Condition cond,
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, on_timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
spin_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
window_is_ready (gpointer data)
{
  return !_pcn_window_is_busy (data);
}

static gboolean
create_dialog_is_gone (gpointer data)
{
  return _pcn_window_get_create_dialog (data) == NULL;
}

static gboolean
rate_dialog_is_gone (gpointer data)
{
  return _pcn_rates_page_get_rate_dialog (data) == NULL;
}

static gboolean
rates_are_loaded (gpointer data)
{
  return !_pcn_rates_page_is_loading (data) &&
         g_list_model_get_n_items (_pcn_rates_page_get_rates (data)) > 0;
}

static char *
make_temp_db (const char *name)
{
  g_autofree char *dir = g_dir_make_tmp ("pcn-gui-XXXXXX", NULL);

  g_assert_nonnull (dir);
  return g_build_filename (dir, name, NULL);
}

/* Removes the database, its WAL files, and the folder make_temp_db made. */
static void
remove_db (const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *dir = g_path_get_dirname (path);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
  g_assert_no_errno (g_rmdir (dir));
}

static PcnWindow *
open_window (const char *path,
             const char *as_at)
{
  PcnWindow *window = g_object_ref (pcn_window_new (NULL));
  GDate date;

  g_assert_true (pcn_date_parse (as_at, &date, NULL));
  pcn_window_set_as_at (window, &date);
  gtk_window_present (GTK_WINDOW (window));
  pcn_window_open_database (window, path);
  g_assert_true (_pcn_window_is_busy (window));
  spin_until (window_is_ready, window);
  return window;
}

static void
close_window (PcnWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  spin_idle ();
  g_assert_finalize_object (window);
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static PcnNetwork *
read_network (const char *path)
{
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PcnNetwork *network;

  store = pcn_store_open (path, &error);
  g_assert_no_error (error);
  network = pcn_store_get_network (store, &error);
  g_assert_no_error (error);
  return network;
}

/* First run on an empty database: welcome page, a refused list size that
 * writes nothing, then a good PCN with two practices and the Team page. */
static void
test_first_run (void)
{
  g_autofree char *path = make_temp_db ("pcn.db");
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GError) error = NULL;
  PcnCreateDialog *dialog;
  GtkWindow *dialog_ptr;
  AdwEntryRow *list_size;
  PcnWindow *window;

  window = open_window (path, "2024-06-01");
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "welcome");
  g_assert_cmpstr (pcn_window_get_path (window), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.create-network", NULL);
  dialog_ptr = _pcn_window_get_create_dialog (window);
  g_assert_true (PCN_IS_CREATE_DIALOG (dialog_ptr));
  dialog = PCN_CREATE_DIALOG (dialog_ptr);
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (_pcn_create_dialog_get_entry (dialog, "name")),
                                   GTK_ACCESSIBLE_ROLE_TEXT_BOX);

  set_text (_pcn_create_dialog_get_entry (dialog, "name"), "Riverside PCN");
  set_text (_pcn_create_dialog_get_entry (dialog, "ods"), "u12345");
  list_size = _pcn_create_dialog_get_entry (dialog, "list_size");

  /* Not a number: refused by the parser, marked, nothing written. */
  set_text (list_size, "lots");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "create.submit", NULL);
  g_assert_false (_pcn_create_dialog_is_busy (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (list_size), "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (list_size), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_nonnull (_pcn_create_dialog_get_error (dialog));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (_pcn_create_dialog_get_entry (dialog, "name")),
                                            "error"));

  /* A number out of range: refused by core validation. */
  set_text (list_size, "0");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "create.submit", NULL);
  g_assert_false (_pcn_create_dialog_is_busy (dialog));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (list_size), "error"));
  g_assert_nonnull (strstr (_pcn_create_dialog_get_error (dialog), "list size"));
  spin_idle ();
  network = read_network (path);
  g_assert_null (network);

  /* A bad practice list size marks that practice's row. */
  set_text (list_size, "45,000");
  set_text (_pcn_create_dialog_get_entry (dialog, "weighted_list_size"), "47000");
  adw_combo_row_set_selected (_pcn_create_dialog_get_area_row (dialog), PCN_AREA_OUTER_LONDON);
  set_text (_pcn_create_dialog_get_practice_entry (dialog, 0, "name"), "Riverside Surgery");
  set_text (_pcn_create_dialog_get_practice_entry (dialog, 0, "ods"), "y01234");
  set_text (_pcn_create_dialog_get_practice_entry (dialog, 0, "list_size"), "-5");
  set_text (_pcn_create_dialog_get_practice_entry (dialog, 1, "name"), "Hillview Practice");
  set_text (_pcn_create_dialog_get_practice_entry (dialog, 1, "list_size"), "9000");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "create.submit", NULL);
  g_assert_false (_pcn_create_dialog_is_busy (dialog));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (list_size), "error"));
  g_assert_true (gtk_widget_has_css_class (
    GTK_WIDGET (_pcn_create_dialog_get_practice_entry (dialog, 0, "list_size")), "error"));
  network = read_network (path);
  g_assert_null (network);

  /* Good values: written off the main thread, the dialog closes and the
   * window shows the Overview. */
  set_text (_pcn_create_dialog_get_practice_entry (dialog, 0, "list_size"), "12000");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "create.submit", NULL);
  g_assert_null (_pcn_create_dialog_get_error (dialog));
  g_assert_true (_pcn_create_dialog_is_busy (dialog));
  spin_until (create_dialog_is_gone, window);
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "overview");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Riverside PCN — PCN Workforce");

  store = pcn_store_open (path, &error);
  g_assert_no_error (error);
  network = pcn_store_get_network (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (network);
  g_assert_cmpstr (pcn_network_get_name (network), ==, "Riverside PCN");
  g_assert_cmpstr (pcn_network_get_ods_code (network), ==, "U12345");
  g_assert_cmpint (pcn_network_get_list_size (network), ==, 45000);
  g_assert_cmpint (pcn_network_get_weighted_list_size (network), ==, 47000);
  g_assert_cmpint (pcn_network_get_area (network), ==, PCN_AREA_OUTER_LONDON);
  practices = pcn_store_list_practices (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (practices->len, ==, 2);
  g_assert_cmpstr (pcn_practice_get_name (g_ptr_array_index (practices, 0)), ==, "Hillview Practice");
  g_assert_cmpint (pcn_practice_get_list_size (g_ptr_array_index (practices, 0)), ==, 9000);
  g_assert_cmpstr (pcn_practice_get_name (g_ptr_array_index (practices, 1)), ==, "Riverside Surgery");
  g_assert_cmpstr (pcn_practice_get_ods_code (g_ptr_array_index (practices, 1)), ==, "Y01234");

  /* Ctrl+2's action shows the rates page. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rates");
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "rates");

  close_window (window);
  remove_db (path);
}

/* "Explore a sample PCN" opens its own file and never touches the real one. */
static void
test_sample (void)
{
  g_autofree char *path = make_temp_db ("pcn.db");
  g_autofree char *sample = g_build_filename (g_get_user_data_dir (), "pcn-workforce",
                                              "sample.db", NULL);
  g_autoptr(PcnNetwork) real = NULL;
  PcnWindow *window;

  window = open_window (path, "2026-05-01");
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "welcome");
  g_assert_false (g_file_test (sample, G_FILE_TEST_EXISTS));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.explore-sample", NULL);
  g_assert_true (_pcn_window_is_busy (window));
  spin_until (window_is_ready, window);
  g_assert_true (_pcn_window_is_sample (window));
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "overview");
  g_assert_cmpstr (pcn_window_get_path (window), ==, sample);
  g_assert_true (g_file_test (sample, G_FILE_TEST_EXISTS));

  real = read_network (path);
  g_assert_null (real);

  /* Back to your own PCN: still empty, so the welcome page again. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.leave-sample", NULL);
  spin_until (window_is_ready, window);
  g_assert_false (_pcn_window_is_sample (window));
  g_assert_cmpstr (pcn_window_get_path (window), ==, path);
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "welcome");

  close_window (window);
  remove_db (path);
}

/* A file that is not a database is refused with its message, untouched. */
static void
test_refused (void)
{
  g_autofree char *path = make_temp_db ("notes.db");
  g_autofree char *after = NULL;
  const char *text = "These are my notes, not a database.\n";
  PcnWindow *window;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  window = open_window (path, "2024-06-01");
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "error");
  g_assert_nonnull (_pcn_window_get_error_text (window));
  g_assert_null (pcn_window_get_store (window));
  g_assert_true (g_file_get_contents (path, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, text);

  close_window (window);
  remove_db (path);
}

static PcnRate *
find_rate (GListModel *rates,
           const char *role,
           const char *area,
           const char *from)
{
  for (guint i = 0; i < g_list_model_get_n_items (rates); i++)
    {
      g_autoptr(PcnRate) rate = g_list_model_get_item (rates, i);

      if (g_strcmp0 (pcn_rate_get_role_code (rate), role) == 0 &&
          g_strcmp0 (pcn_rate_get_area (rate), area) == 0 &&
          g_strcmp0 (pcn_rate_get_effective_from (rate), from) == 0)
        return rate;
    }
  return NULL;
}

static gboolean
model_has_role (GListModel *roles,
                const char *code)
{
  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(PcnRole) role = g_list_model_get_item (roles, i);
      if (g_strcmp0 (pcn_role_get_code (role), code) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
rates_page_has_user_rate (gpointer data)
{
  return !_pcn_rates_page_is_loading (data) &&
         find_rate (_pcn_rates_page_get_rates (data), "SPLW", "national", "2024-04-01") != NULL;
}

/* The rates page lists the known figures and the roles with none, and a
 * rate entered through the dialog is saved and listed. */
static void
test_rates (void)
{
  g_autofree char *path = make_temp_db ("pcn.db");
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) saved = NULL;
  g_autoptr(GError) error = NULL;
  PcnRatesPage *page;
  PcnRate *cp;
  GtkWindow *dialog;
  GtkWidget *from;
  PcnWindow *window;
  gboolean found = FALSE;

  {
    g_autoptr(PcnStore) store = pcn_store_open (path, &error);
    g_assert_no_error (error);
    pcn_network_set_name (network, "Valley PCN");
    pcn_network_set_list_size (network, 52000);
    g_ptr_array_add (practices, pcn_practice_new ("Valley Surgery"));
    g_assert_true (pcn_store_create_network (store, network, practices, &error));
    g_assert_no_error (error);
  }

  window = open_window (path, "2024-11-15");
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "overview");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rates");
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "rates");

  page = _pcn_window_get_rates_page (window);
  g_assert_cmpint (_pcn_rates_page_get_year (page), ==, 2024);
  spin_until (rates_are_loaded, page);

  cp = find_rate (_pcn_rates_page_get_rates (page), "CP", "national", "2024-10-01");
  g_assert_nonnull (cp);
  g_assert_cmpint (pcn_rate_get_annual (cp), ==, 6583800);
  {
    g_autofree char *money = pcn_money_format (pcn_rate_get_annual (cp));
    g_assert_cmpstr (money, ==, "£65,838.00");
  }
  g_assert_false (model_has_role (_pcn_rates_page_get_missing (page), "CP"));
  g_assert_true (model_has_role (_pcn_rates_page_get_missing (page), "SPLW"));
  /* Not in the scheme until 2025/26: not "missing" in 2024/25. */
  g_assert_false (model_has_role (_pcn_rates_page_get_missing (page), "GPN_NEW"));

  /* "Enter rate…" on the social prescribing link worker's row. */
  gtk_widget_activate_action (GTK_WIDGET (page), "rates.enter-rate", "s", "SPLW");
  dialog = _pcn_rates_page_get_rate_dialog (page);
  g_assert_true (PCN_IS_RATE_DIALOG (dialog));
  from = _pcn_rate_dialog_get_row (PCN_RATE_DIALOG (dialog), "from");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (from)), ==, "2024-04-01");

  gtk_editable_set_text (GTK_EDITABLE (from), "31/02/2024");
  set_text (ADW_ENTRY_ROW (_pcn_rate_dialog_get_row (PCN_RATE_DIALOG (dialog), "annual")),
            "£38,500.00");
  set_text (ADW_ENTRY_ROW (_pcn_rate_dialog_get_row (PCN_RATE_DIALOG (dialog), "source")),
            "ICB rate list, April 2024");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "rate.save", NULL);
  g_assert_false (_pcn_rate_dialog_is_busy (PCN_RATE_DIALOG (dialog)));
  g_assert_true (gtk_widget_has_css_class (from, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (from), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);

  gtk_editable_set_text (GTK_EDITABLE (from), "01/04/2024");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "rate.save", NULL);
  g_assert_false (gtk_widget_has_css_class (from, "error"));
  g_assert_true (_pcn_rate_dialog_is_busy (PCN_RATE_DIALOG (dialog)));
  spin_until (rate_dialog_is_gone, page);
  spin_until (rates_page_has_user_rate, page);
  g_assert_false (model_has_role (_pcn_rates_page_get_missing (page), "SPLW"));

  saved = pcn_store_list_rates (pcn_window_get_store (window), 2024, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < saved->len; i++)
    {
      PcnRate *rate = g_ptr_array_index (saved, i);
      if (g_strcmp0 (pcn_rate_get_role_code (rate), "SPLW") == 0)
        {
          g_assert_true (pcn_rate_get_user_entered (rate));
          g_assert_cmpint (pcn_rate_get_annual (rate), ==, 3850000);
          g_assert_cmpstr (pcn_rate_get_area (rate), ==, "national");
          g_assert_cmpstr (pcn_rate_get_source (rate), ==, "ICB rate list, April 2024");
          found = TRUE;
        }
    }
  g_assert_true (found);

  close_window (window);
  remove_db (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  /* Isolated XDG dirs (the sample database lands in the user data dir)
   * hide the shared MIME database, without which gdk-pixbuf cannot load
   * an SVG icon: keep the system's. gtk_test_init() in GTK 4.8 drops its
   * options, so do its work here with ISOLATE_DIRS. */
  for (guint i = 0; g_get_system_data_dirs ()[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (g_get_system_data_dirs ()[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();

  g_test_add_func ("/gui/window/first-run", test_first_run);
  g_test_add_func ("/gui/window/sample", test_sample);
  g_test_add_func ("/gui/window/refused", test_refused);
  g_test_add_func ("/gui/window/rates", test_rates);

  return g_test_run ();
}
