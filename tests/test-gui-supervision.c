/* test-gui-supervision.c — the Supervision page: a clinical pharmacist
 * whose last clinical supervision was 40 days ago shows Overdue; logging a
 * session through the dialog (a future date first, refused with the field
 * marked and nothing written) turns it Up to date and moves the per-role
 * table and the stacked chart; the integration grid lists the most at risk
 * first; the window's sidebar opens the page (ui suite).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pcn-supervision-log-dialog-private.h"
#include "pcn-supervision-page-private.h"
#include "pcn-supervision-rows.h"
#include "pcn-store.h"
#include "pcn-window-private.h"

typedef gboolean (*Condition) (gpointer data);

typedef struct
{
  char               *dir;
  char               *path;
  PcnStore           *store;
  GtkWindow          *window;
  PcnSupervisionPage *page;
  GDate               as_at;
  gint64              asha;
  gint64              ben;
  guint               loads;
} Fixture;

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

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
page_has_loaded (gpointer data)
{
  Fixture *f = data;

  return _pcn_supervision_page_get_n_loads (f->page) > f->loads &&
         !_pcn_supervision_page_is_loading (f->page);
}

static void
wait_for_load (Fixture *f)
{
  spin_until (page_has_loaded, f);
  f->loads = _pcn_supervision_page_get_n_loads (f->page);
}

static gboolean
log_dialog_is_gone (gpointer data)
{
  Fixture *f = data;

  return _pcn_supervision_page_get_log_dialog (f->page) == NULL;
}

static gint64
add_staff (PcnStore   *store,
           const char *name,
           const char *role,
           const char *practices)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaff) s = pcn_staff_new ();
  g_autoptr(GPtrArray) sessions = pcn_sessions_parse (practices, NULL);

  pcn_staff_set_name (s, name);
  pcn_staff_set_role_code (s, role);
  pcn_staff_set_start_date (s, "2024-01-01");
  pcn_staff_set_wte (s, 1000);
  pcn_staff_set_sessions (s, sessions);
  g_assert_true (pcn_store_add_staff (store, s, &error));
  g_assert_no_error (error);
  return pcn_staff_get_id (s);
}

static void
assign (PcnStore           *store,
        gint64              staff_id,
        PcnSupervisionKind  kind,
        const char         *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnSupervisorAssignment) a = pcn_supervisor_assignment_new ();

  a->staff_id = staff_id;
  a->kind = kind;
  a->supervisor = g_strdup (name);
  a->profession = g_strdup ("GP");
  a->minutes_per_week = 60;
  a->practice = g_strdup ("Riverside Surgery");
  a->from_date = g_strdup ("2024-01-01");
  g_assert_true (pcn_store_assign_supervisor (store, a, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PcnSupervisionSession) session = pcn_supervision_session_new ();
  GDate last;

  f->dir = g_dir_make_tmp ("test-gui-supervision-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "pcn.db", NULL);
  f->store = pcn_store_open (f->path, &error);
  g_assert_no_error (error);

  pcn_network_set_name (network, "Test PCN");
  pcn_network_set_list_size (network, 40000);
  g_ptr_array_add (practices, pcn_practice_new ("Riverside Surgery"));
  g_ptr_array_add (practices, pcn_practice_new ("Hilltop Practice"));
  g_ptr_array_add (practices, pcn_practice_new ("Meadow Health Centre"));
  pcn_store_create_network (f->store, network, practices, &error);
  g_assert_no_error (error);
  pcn_store_set_gp_hourly_rate (f->store, 12000, &error);
  g_assert_no_error (error);

  g_date_clear (&f->as_at, 1);
  g_date_set_dmy (&f->as_at, 1, G_DATE_JUNE, 2025);

  /* A clinical pharmacist (monthly clinical supervision) with a named
   * clinical and clinic supervisor, last supervised 40 days ago. */
  f->asha = add_staff (f->store, "Asha Patel", "CP", "Riverside Surgery");
  assign (f->store, f->asha, PCN_SUPERVISION_KIND_CLINICAL, "Dr Rao");
  assign (f->store, f->asha, PCN_SUPERVISION_KIND_CLINIC, "Dr Lee");
  last = f->as_at;
  g_date_subtract_days (&last, 40);
  session->staff_id = f->asha;
  session->date = pcn_date_to_iso (&last);
  session->kind = PCN_SUPERVISION_KIND_CLINICAL;
  session->supervisor = g_strdup ("Dr Rao");
  session->minutes = 60;
  g_assert_true (pcn_store_log_supervision (f->store, session, &f->as_at, &error));
  g_assert_no_error (error);
  pcn_store_set_integration_answer (f->store, f->asha, PCN_INTEGRATION_SYSTEM_ACCESS,
                                    PCN_ANSWER_YES, &error);
  g_assert_no_error (error);
  pcn_store_set_integration_answer (f->store, f->asha, PCN_INTEGRATION_JOB_PLAN,
                                    PCN_ANSWER_YES, &error);
  g_assert_no_error (error);

  /* A link worker over three sites with nobody named: the most at risk. */
  f->ben = add_staff (f->store, "Ben Cole", "SPLW",
                      "Riverside Surgery;Hilltop Practice;Meadow Health Centre");

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = g_object_ref_sink (g_object_new (PCN_TYPE_SUPERVISION_PAGE, NULL));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  pcn_supervision_page_set_as_at (f->page, &f->as_at);
  gtk_window_present (f->window);
}

static void
remove_db (const char *dir,
           const char *path)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
  g_assert_no_errno (g_rmdir (dir));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  unused)
{
  gtk_window_destroy (f->window);
  spin_idle ();
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->store);
  remove_db (f->dir, f->path);
  g_free (f->path);
  g_free (f->dir);
}

/* The shown position of @staff_id's row of @kind. */
static guint
find_status_row (Fixture            *f,
                 gint64              staff_id,
                 PcnSupervisionKind  kind)
{
  GListModel *shown = _pcn_supervision_page_get_shown_status (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PcnSupervisionStatusRow) row = g_list_model_get_item (shown, i);

      if (pcn_staff_get_id (pcn_supervision_status_row_get_staff (row)) == staff_id &&
          pcn_supervision_status_row_get_kind (row) == kind)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static PcnSupervisionStatus
status_shown (Fixture            *f,
              gint64              staff_id,
              PcnSupervisionKind  kind)
{
  guint pos = find_status_row (f, staff_id, kind);
  g_autoptr(PcnSupervisionStatusRow) row = NULL;

  g_assert_cmpuint (pos, !=, GTK_INVALID_LIST_POSITION);
  row = g_list_model_get_item (_pcn_supervision_page_get_shown_status (f->page), pos);
  return pcn_supervision_status_row_get_status (row);
}

static guint
cp_role_index (Fixture *f)
{
  GListModel *roles = _pcn_supervision_page_get_roles (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (roles); i++)
    {
      g_autoptr(PcnSupervisionRoleRow) row = g_list_model_get_item (roles, i);

      if (pcn_supervision_role_row_get_count (row, PCN_SUPERVISION_STATUS_UP_TO_DATE) +
          pcn_supervision_role_row_get_count (row, PCN_SUPERVISION_STATUS_DUE_SOON) +
          pcn_supervision_role_row_get_count (row, PCN_SUPERVISION_STATUS_OVERDUE) > 0)
        return i;
    }
  g_assert_not_reached ();
}

/* The chart's four stacked series are the table's counts, role by role. */
static void
assert_chart_matches (Fixture *f)
{
  PcnChart *chart = _pcn_supervision_page_get_chart (f->page);
  GListModel *roles = _pcn_supervision_page_get_roles (f->page);
  GtkColumnView *table = _pcn_supervision_page_get_roles_view (f->page);
  g_autofree char *summary = pcn_chart_dup_summary (chart);
  guint n = g_list_model_get_n_items (roles);

  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))), ==, n);
  g_assert_cmpuint (pcn_chart_get_n_categories (chart), ==, n);
  g_assert_cmpuint (pcn_chart_get_n_series (chart), ==, PCN_SUPERVISION_N_STATUSES);
  for (guint s = 0; s < PCN_SUPERVISION_N_STATUSES; s++)
    {
      PcnChartSeries *series = pcn_chart_get_series (chart, s);

      g_assert_cmpstr (pcn_chart_series_get_stack_group (series), ==, "people");
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PcnSupervisionRoleRow) row = g_list_model_get_item (roles, i);

          g_assert_cmpfloat (pcn_chart_series_get_value (series, i), ==,
                             (double) pcn_supervision_role_row_get_count (row, s));
        }
    }
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
}

static guint
count_sessions (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = pcn_store_list_supervision_sessions (f->store, f->asha, &error);

  g_assert_no_error (error);
  return sessions->len;
}

static void
test_log_session (Fixture       *f,
                  gconstpointer  unused)
{
  PcnChart *chart = _pcn_supervision_page_get_chart (f->page);
  PcnSupervisionLogDialog *dialog;
  GtkWidget *date_row, *minutes_row;
  g_autofree char *summary_before = NULL;
  g_autofree char *summary_after = NULL;
  g_autofree char *as_at_iso = pcn_date_to_iso (&f->as_at);
  GDate tomorrow = f->as_at;
  g_autofree char *tomorrow_iso = NULL;
  guint cp, pos;

  pcn_supervision_page_set_store (f->page, f->store);
  g_assert_true (_pcn_supervision_page_is_loading (f->page));
  wait_for_load (f);

  /* Asha: clinical overdue (due 31 days after the last session), clinic
   * up to date (frequency not known); Ben: no supervisor. */
  g_assert_cmpint (status_shown (f, f->asha, PCN_SUPERVISION_KIND_CLINICAL), ==,
                   PCN_SUPERVISION_STATUS_OVERDUE);
  g_assert_cmpint (status_shown (f, f->asha, PCN_SUPERVISION_KIND_CLINIC), ==,
                   PCN_SUPERVISION_STATUS_UP_TO_DATE);
  cp = cp_role_index (f);
  g_assert_cmpfloat (pcn_chart_series_get_value (pcn_chart_get_series (chart, PCN_SUPERVISION_STATUS_OVERDUE), cp),
                     ==, 1.0);
  g_assert_cmpfloat (pcn_chart_series_get_value (pcn_chart_get_series (chart, PCN_SUPERVISION_STATUS_UP_TO_DATE), cp),
                     ==, 0.0);
  assert_chart_matches (f);
  summary_before = pcn_chart_dup_summary (chart);

  /* The filters: overdue only shows Asha's clinical row. */
  _pcn_supervision_page_set_filters (f->page, 0, 0, 1 + PCN_SUPERVISION_STATUS_OVERDUE);
  g_assert_cmpuint (g_list_model_get_n_items (_pcn_supervision_page_get_shown_status (f->page)), ==, 1);
  _pcn_supervision_page_set_filters (f->page, 0, 0, 0);
  g_assert_cmpuint (g_list_model_get_n_items (_pcn_supervision_page_get_shown_status (f->page)), ==,
                    g_list_model_get_n_items (_pcn_supervision_page_get_status_rows (f->page)));

  /* Nothing selected: no session to log. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "supervision.log", NULL);
  g_assert_null (_pcn_supervision_page_get_log_dialog (f->page));
  pos = find_status_row (f, f->asha, PCN_SUPERVISION_KIND_CLINICAL);
  _pcn_supervision_page_select_status (f->page, pos);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "supervision.log", NULL);
  g_assert_true (PCN_IS_SUPERVISION_LOG_DIALOG (_pcn_supervision_page_get_log_dialog (f->page)));
  dialog = PCN_SUPERVISION_LOG_DIALOG (_pcn_supervision_page_get_log_dialog (f->page));
  date_row = _pcn_supervision_log_dialog_get_row (dialog, "date");
  minutes_row = _pcn_supervision_log_dialog_get_row (dialog, "minutes");

  /* Defaults: the as-at date, the row's kind and its named supervisor. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, as_at_iso);
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (_pcn_supervision_log_dialog_get_row (dialog, "kind"))),
                    ==, PCN_SUPERVISION_KIND_CLINICAL);
  g_assert_false (gtk_widget_get_visible (_pcn_supervision_log_dialog_get_row (dialog, "other")));

  /* A future date is refused: the field is marked, nothing is written. */
  g_date_add_days (&tomorrow, 1);
  tomorrow_iso = pcn_date_to_iso (&tomorrow);
  gtk_editable_set_text (GTK_EDITABLE (date_row), tomorrow_iso);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "log.save", NULL);
  g_assert_false (_pcn_supervision_log_dialog_is_busy (dialog));
  g_assert_nonnull (_pcn_supervision_log_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (date_row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  spin_idle ();
  g_assert_cmpuint (count_sessions (f), ==, 1);
  g_assert_true (_pcn_supervision_page_get_log_dialog (f->page) == GTK_WINDOW (dialog));

  /* Minutes not above zero are refused too, on their own field. */
  gtk_editable_set_text (GTK_EDITABLE (date_row), as_at_iso);
  gtk_editable_set_text (GTK_EDITABLE (minutes_row), "0");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "log.save", NULL);
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  g_assert_true (gtk_widget_has_css_class (minutes_row, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (minutes_row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  spin_idle ();
  g_assert_cmpuint (count_sessions (f), ==, 1);

  /* The as-at date, 60 minutes: written off the main thread, the dialog
   * closes and the page works it out again. */
  gtk_editable_set_text (GTK_EDITABLE (minutes_row), "60");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "log.save", NULL);
  g_assert_null (_pcn_supervision_log_dialog_get_error (dialog));
  g_assert_false (gtk_widget_has_css_class (minutes_row, "error"));
  g_assert_true (_pcn_supervision_log_dialog_is_busy (dialog));
  spin_until (log_dialog_is_gone, f);
  wait_for_load (f);
  g_assert_cmpuint (count_sessions (f), ==, 2);

  g_assert_cmpint (status_shown (f, f->asha, PCN_SUPERVISION_KIND_CLINICAL), ==,
                   PCN_SUPERVISION_STATUS_UP_TO_DATE);
  cp = cp_role_index (f);
  g_assert_cmpfloat (pcn_chart_series_get_value (pcn_chart_get_series (chart, PCN_SUPERVISION_STATUS_OVERDUE), cp),
                     ==, 0.0);
  g_assert_cmpfloat (pcn_chart_series_get_value (pcn_chart_get_series (chart, PCN_SUPERVISION_STATUS_UP_TO_DATE), cp),
                     ==, 1.0);
  assert_chart_matches (f);
  summary_after = pcn_chart_dup_summary (chart);
  g_assert_cmpstr (summary_before, !=, summary_after);

  /* The session's hour shows in the supervisor load. */
  g_assert_cmpuint (g_list_model_get_n_items (_pcn_supervision_page_get_supervisors (f->page)), ==, 2);
}

static void
test_integration (Fixture       *f,
                  gconstpointer  unused)
{
  GListModel *shown;
  g_autoptr(PcnIntegrationRow) first = NULL;
  int last_score = -1;

  pcn_supervision_page_set_store (f->page, f->store);
  wait_for_load (f);
  _pcn_supervision_page_show_view (f->page, "integration");

  shown = _pcn_supervision_page_get_shown_integration (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 2);
  first = g_list_model_get_item (shown, 0);
  g_assert_cmpstr (pcn_staff_get_name (pcn_integration_row_get_check (first)->staff), ==, "Ben Cole");
  g_assert_cmpint (pcn_integration_row_get_check (first)->met[PCN_INTEGRATION_FEW_SITES], ==,
                   PCN_ANSWER_NO);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PcnIntegrationRow) row = g_list_model_get_item (shown, i);

      g_assert_cmpint (pcn_integration_row_get_score (row), >=, last_score);
      last_score = pcn_integration_row_get_score (row);
    }
  /* Name, role, score and one column per indicator. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (_pcn_supervision_page_get_integration_view (f->page))),
                    ==, 3 + PCN_INTEGRATION_N_INDICATORS);
}

static gboolean
window_is_ready (gpointer data)
{
  return !_pcn_window_is_busy (data) &&
         g_strcmp0 (_pcn_window_get_page_name (data), "loading") != 0;
}

/* The sidebar's Supervision entry (Ctrl+4) opens the page. */
static void
test_window (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-gui-supervision-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pcn.db", NULL);
  g_autoptr(GError) error = NULL;
  PcnWindow *window;

  {
    g_autoptr(PcnStore) store = pcn_store_open (path, &error);
    g_autoptr(PcnNetwork) network = pcn_network_new ();
    g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);

    g_assert_no_error (error);
    pcn_network_set_name (network, "Test PCN");
    pcn_network_set_list_size (network, 40000);
    g_ptr_array_add (practices, pcn_practice_new ("Riverside Surgery"));
    pcn_store_create_network (store, network, practices, &error);
    g_assert_no_error (error);
  }

  window = g_object_ref (pcn_window_new (NULL));
  gtk_window_present (GTK_WINDOW (window));
  pcn_window_open_database (window, path);
  spin_until (window_is_ready, window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "supervision");
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "supervision");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rates");
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "rates");

  gtk_window_destroy (GTK_WINDOW (window));
  spin_idle ();
  g_assert_finalize_object (window);
  remove_db (dir, path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  /* As test-gui-window.c: gtk_test_init() in GTK 4.8 drops its options,
   * so isolate the XDG dirs here, keeping the system's MIME database. */
  for (guint i = 0; g_get_system_data_dirs ()[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (g_get_system_data_dirs ()[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();

  g_test_add ("/gui/supervision/log-session", Fixture, NULL,
              fixture_set_up, test_log_session, fixture_tear_down);
  g_test_add ("/gui/supervision/integration", Fixture, NULL,
              fixture_set_up, test_integration, fixture_tear_down);
  g_test_add_func ("/gui/supervision/window", test_window);

  return g_test_run ();
}
