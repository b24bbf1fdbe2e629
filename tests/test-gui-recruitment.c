/* test-gui-recruitment.c — the Recruitment page: the year's budget loads
 * off the main thread, a post added through the dialog (a refused WTE
 * first, which writes nothing) moves the headroom by exactly the ledger's
 * difference and redraws the chart, whose table keeps its 12 months; and
 * the window's sidebar opens the page on the sample PCN (ui suite).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pcn-budget-month.h"
#include "pcn-demo.h"
#include "pcn-post-dialog-private.h"
#include "pcn-post-row.h"
#include "pcn-post-row-practice.h"
#include "pcn-recruitment-page-private.h"
#include "pcn-store.h"
#include "pcn-window-private.h"

#define YEAR 2025
#define ALLOCATION_PENCE G_GINT64_CONSTANT (50000000)   /* £500,000 */

typedef gboolean (*Condition) (gpointer data);

typedef struct
{
  char               *dir;
  char               *path;
  PcnStore           *store;
  GtkWindow          *window;
  PcnRecruitmentPage *page;
  GDate               as_at;
  guint               loads;
} Fixture;

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
page_has_loaded (gpointer data)
{
  Fixture *f = data;

  return _pcn_recruitment_page_get_n_loads (f->page) > f->loads &&
         !_pcn_recruitment_page_is_loading (f->page);
}

static void
wait_for_load (Fixture *f)
{
  spin_until (page_has_loaded, f);
  f->loads = _pcn_recruitment_page_get_n_loads (f->page);
}

static gboolean
post_dialog_is_gone (gpointer data)
{
  Fixture *f = data;

  return _pcn_recruitment_page_get_post_dialog (f->page) == NULL;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);

  f->dir = g_dir_make_tmp ("test-gui-recruitment-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "pcn.db", NULL);
  f->store = pcn_store_open (f->path, &error);
  g_assert_no_error (error);

  pcn_network_set_name (network, "Test PCN");
  pcn_network_set_list_size (network, 40000);
  g_ptr_array_add (practices, pcn_practice_new ("Riverside Surgery"));
  g_ptr_array_add (practices, pcn_practice_new ("Hilltop Practice"));
  pcn_store_create_network (f->store, network, practices, &error);
  g_assert_no_error (error);
  pcn_store_set_allocation (f->store, YEAR, ALLOCATION_PENCE, &error);
  g_assert_no_error (error);

  g_date_clear (&f->as_at, 1);
  g_date_set_dmy (&f->as_at, 1, G_DATE_JUNE, YEAR);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = g_object_ref_sink (g_object_new (PCN_TYPE_RECRUITMENT_PAGE, NULL));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  pcn_recruitment_page_set_as_at (f->page, &f->as_at);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  unused)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  gtk_window_destroy (f->window);
  spin_idle ();
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->store);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_assert_no_errno (g_rmdir (f->dir));
  g_free (f->path);
  g_free (f->dir);
}

static PcnLedger *
compute_ledger (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PcnLedger *ledger = pcn_store_compute_ledger (f->store, YEAR, &f->as_at, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (ledger);
  return ledger;
}

static void
assert_headroom_shown (Fixture   *f,
                       PcnLedger *ledger)
{
  gint64 headroom = pcn_ledger_get_headroom (ledger);
  g_autofree char *expected = pcn_money_format (headroom >= 0 ? headroom : -headroom);

  g_assert_cmpstr (gtk_label_get_text (_pcn_recruitment_page_get_headroom_label (f->page)), ==,
                   expected);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (_pcn_recruitment_page_get_headroom_label (f->page)),
                                           headroom >= 0 ? "success" : "error"));
  g_assert_cmpstr (gtk_label_get_text (_pcn_recruitment_page_get_headroom_title (f->page)), ==,
                   headroom >= 0 ? "Headroom" : "Overspend");
}

/* The chart's series values are the ledger's months, and so is the table. */
static void
assert_chart_matches (Fixture   *f,
                      PcnLedger *ledger)
{
  PcnChart *chart = _pcn_recruitment_page_get_chart (f->page);
  GListModel *months = _pcn_recruitment_page_get_months (f->page);
  GtkColumnView *table = _pcn_recruitment_page_get_months_view (f->page);
  g_autofree char *summary = pcn_chart_dup_summary (chart);

  g_assert_cmpuint (g_list_model_get_n_items (months), ==, 12);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))),
                    ==, 12);
  g_assert_cmpuint (pcn_chart_get_n_categories (chart), ==, 12);
  g_assert_cmpuint (pcn_chart_get_n_series (chart), ==, 4);

  for (guint i = 0; i < 12; i++)
    {
      const PcnLedgerMonth *month = pcn_ledger_get_month (ledger, i);
      g_autoptr(PcnBudgetMonth) item = g_list_model_get_item (months, i);

      g_assert_cmpint (pcn_budget_month_get_in_post (item), ==, month->in_post_pence);
      g_assert_cmpint (pcn_budget_month_get_planned (item), ==, month->planned_pence);
      g_assert_cmpint (pcn_budget_month_get_cumulative (item), ==, month->cumulative_pence);
      g_assert_cmpfloat (pcn_chart_series_get_value (pcn_chart_get_series (chart, 0), i), ==,
                         (double) month->in_post_pence);
      g_assert_cmpfloat (pcn_chart_series_get_value (pcn_chart_get_series (chart, 1), i), ==,
                         (double) month->planned_pence);
      g_assert_cmpfloat (pcn_chart_series_get_value (pcn_chart_get_series (chart, 2), i), ==,
                         (double) month->cumulative_pence);
      g_assert_cmpfloat (pcn_chart_series_get_value (pcn_chart_get_series (chart, 3), i), ==,
                         (double) pcn_ledger_get_allocation (ledger));
    }

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                       GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
}

static int
role_position (AdwComboRow *row,
               const char  *code)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PcnRole) role = g_list_model_get_item (model, i);

      if (g_strcmp0 (pcn_role_get_code (role), code) == 0)
        return (int) i;
    }
  return -1;
}

static void
set_text (PcnPostDialog *dialog,
          const char    *field,
          const char    *text)
{
  gtk_editable_set_text (GTK_EDITABLE (_pcn_post_dialog_get_row (dialog, field)), text);
}

static guint
count_posts (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) posts = pcn_store_list_posts (f->store, &error);

  g_assert_no_error (error);
  return posts->len;
}

static void
test_add_post (Fixture       *f,
               gconstpointer  unused)
{
  g_autoptr(PcnLedger) before = NULL;
  g_autoptr(PcnLedger) after = NULL;
  g_autofree char *summary_before = NULL;
  g_autofree char *summary_after = NULL;
  g_autofree char *allocation = pcn_money_format (ALLOCATION_PENCE);
  g_autoptr(PcnPostRow) row = NULL;
  PcnPostDialog *dialog;
  GtkWidget *wte_row;
  int cp;

  pcn_recruitment_page_set_store (f->page, f->store);
  g_assert_true (_pcn_recruitment_page_is_loading (f->page));
  wait_for_load (f);

  g_assert_cmpint (_pcn_recruitment_page_get_year (f->page), ==, YEAR);
  g_assert_nonnull (g_strrstr (gtk_label_get_text (_pcn_recruitment_page_get_allocation_label (f->page)),
                               allocation));
  before = compute_ledger (f);
  g_assert_cmpint (pcn_ledger_get_headroom (before), ==, ALLOCATION_PENCE);
  assert_headroom_shown (f, before);
  assert_chart_matches (f, before);
  summary_before = pcn_chart_dup_summary (_pcn_recruitment_page_get_chart (f->page));
  g_assert_cmpuint (g_list_model_get_n_items (_pcn_recruitment_page_get_posts (f->page)), ==, 0);

  /* Ctrl+N's action opens the dialog. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recruitment.add-post", NULL);
  g_assert_true (PCN_IS_POST_DIALOG (_pcn_recruitment_page_get_post_dialog (f->page)));
  dialog = PCN_POST_DIALOG (_pcn_recruitment_page_get_post_dialog (f->page));

  cp = role_position (ADW_COMBO_ROW (_pcn_post_dialog_get_row (dialog, "role")), "CP");
  g_assert_cmpint (cp, >=, 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (_pcn_post_dialog_get_row (dialog, "role")), cp);
  set_text (dialog, "title", "Clinical pharmacist – Riverside");
  set_text (dialog, "band", "7");
  set_text (dialog, "start_date", "2026-01-01");
  set_text (dialog, "annual_cost", "60,000");
  set_text (dialog, "services", "structured_medication_reviews");
  pcn_post_row_practice_set_active (PCN_POST_ROW_PRACTICE (_pcn_post_dialog_get_practice (dialog,
                                                                                         "Riverside Surgery")),
                                    TRUE);

  /* A WTE over 1 is refused: the field is marked, nothing is written. */
  set_text (dialog, "wte", "1.5");
  wte_row = _pcn_post_dialog_get_row (dialog, "wte");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "post.save", NULL);
  g_assert_false (_pcn_post_dialog_is_busy (dialog));
  g_assert_nonnull (_pcn_post_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (wte_row, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (wte_row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_false (gtk_widget_has_css_class (_pcn_post_dialog_get_row (dialog, "start_date"),
                                            "error"));
  spin_idle ();
  g_assert_cmpuint (count_posts (f), ==, 0);
  g_assert_true (_pcn_recruitment_page_get_post_dialog (f->page) == GTK_WINDOW (dialog));

  /* Good values: saved off the main thread, the dialog closes, the page
   * works the budget out again. */
  set_text (dialog, "wte", "1.0");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "post.save", NULL);
  g_assert_null (_pcn_post_dialog_get_error (dialog));
  g_assert_false (gtk_widget_has_css_class (wte_row, "error"));
  g_assert_true (_pcn_post_dialog_is_busy (dialog));
  spin_until (post_dialog_is_gone, f);
  wait_for_load (f);
  g_assert_cmpuint (count_posts (f), ==, 1);

  /* The headroom moved by exactly the ledger's difference: a planned
   * January start costs three months of the post. */
  after = compute_ledger (f);
  g_assert_cmpint (pcn_ledger_get_forecast (after), >, pcn_ledger_get_forecast (before));
  g_assert_cmpint (pcn_ledger_get_headroom (before) - pcn_ledger_get_headroom (after), ==,
                   pcn_ledger_get_forecast (after) - pcn_ledger_get_forecast (before));
  g_assert_cmpint (pcn_ledger_get_month (after, 9)->planned_pence, >, 0);   /* January */
  g_assert_cmpint (pcn_ledger_get_month (after, 8)->planned_pence, ==, 0);  /* December */
  assert_headroom_shown (f, after);
  assert_chart_matches (f, after);
  summary_after = pcn_chart_dup_summary (_pcn_recruitment_page_get_chart (f->page));
  g_assert_cmpstr (summary_after, !=, summary_before);

  /* The post list: one planned post; the filter hides it under "In post". */
  g_assert_cmpuint (g_list_model_get_n_items (_pcn_recruitment_page_get_posts (f->page)), ==, 1);
  row = g_list_model_get_item (_pcn_recruitment_page_get_shown_posts (f->page), 0);
  g_assert_cmpint (pcn_post_row_get_kind (row), ==, PCN_POST_ROW_PLANNED);
  g_assert_cmpstr (pcn_post_get_role_code (pcn_post_row_get_post (row)), ==, "CP");
  g_assert_cmpint (pcn_post_get_wte (pcn_post_row_get_post (row)), ==, 1000);
  g_assert_cmpint (pcn_post_get_annual_cost (pcn_post_row_get_post (row)), ==, 6000000);
  g_assert_cmpuint (pcn_post_get_sessions (pcn_post_row_get_post (row))->len, ==, 1);
  _pcn_recruitment_page_set_filter (f->page, 2);
  g_assert_cmpuint (g_list_model_get_n_items (_pcn_recruitment_page_get_shown_posts (f->page)), ==, 0);
  _pcn_recruitment_page_set_filter (f->page, 1);
  g_assert_cmpuint (g_list_model_get_n_items (_pcn_recruitment_page_get_shown_posts (f->page)), ==, 1);
  _pcn_recruitment_page_set_filter (f->page, 0);
}

static gboolean
row_is_worked_out (gpointer data)
{
  const char *subtitle = adw_action_row_get_subtitle (data);

  return subtitle != NULL && g_strcmp0 (subtitle, "Working it out…") != 0;
}

/* Latest start and the what-if uplift give the core's answers and write
 * nothing. */
static void
test_tools (Fixture       *f,
            gconstpointer  unused)
{
  g_autoptr(PcnLedgerData) data = NULL;
  g_autoptr(PcnLedger) ledger = NULL;
  g_autoptr(PcnLedger) uplifted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *unspent_text = NULL;
  g_autofree char *forecast_text = NULL;
  AdwComboRow *role_row;
  AdwActionRow *result_row;
  PcnUplift uplift = { 300, 6 };  /* 3% from October */
  gint64 cost = 0, unspent = 0;
  int month = -1, cp;

  pcn_recruitment_page_set_store (f->page, f->store);
  wait_for_load (f);

  role_row = _pcn_recruitment_page_get_latest_role_row (f->page);
  cp = role_position (role_row, "CP");
  g_assert_cmpint (cp, >=, 0);
  adw_combo_row_set_selected (role_row, cp);
  result_row = _pcn_recruitment_page_get_latest_result_row (f->page);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recruitment.latest-start", NULL);
  spin_until (row_is_worked_out, result_row);

  data = pcn_store_load_ledger_data (f->store, YEAR, &f->as_at, &error);
  g_assert_no_error (error);
  ledger = pcn_ledger_compute (&data->input);
  g_assert_true (pcn_ledger_latest_start (&data->input, ledger, "CP", 1000, -1,
                                          &month, &cost, &unspent, &error));
  g_assert_no_error (error);
  unspent_text = pcn_money_format (unspent);
  g_assert_nonnull (g_strrstr (adw_action_row_get_subtitle (result_row), unspent_text));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (result_row), "error"));

  /* What if pay rose 3% from October? */
  gtk_spin_button_set_value (_pcn_recruitment_page_get_uplift_spin (f->page), 3.0);
  adw_combo_row_set_selected (_pcn_recruitment_page_get_uplift_month_row (f->page), 6);
  result_row = _pcn_recruitment_page_get_uplift_result_row (f->page);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recruitment.what-if", NULL);
  spin_until (row_is_worked_out, result_row);
  uplifted = pcn_store_compute_ledger (f->store, YEAR, &f->as_at, &uplift, &error);
  g_assert_no_error (error);
  forecast_text = pcn_money_format (pcn_ledger_get_forecast (uplifted));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (result_row), forecast_text));
  g_assert_cmpuint (count_posts (f), ==, 0);
}

static gboolean
window_is_ready (gpointer data)
{
  return !_pcn_window_is_busy (data);
}

static gboolean
window_page_has_loaded (gpointer data)
{
  PcnRecruitmentPage *page = _pcn_window_get_recruitment_page (data);

  return _pcn_recruitment_page_get_n_loads (page) > 0 && !_pcn_recruitment_page_is_loading (page);
}

/* The sidebar's Recruitment entry (Ctrl+2) shows the sample's six posts
 * with its checks. */
static void
test_window (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-gui-recruitment-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pcn.db", NULL);
  g_autoptr(GError) error = NULL;
  PcnRecruitmentPage *page;
  PcnWindow *window;
  GDate as_at;

  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_JUNE, YEAR);
  {
    g_autoptr(PcnStore) store = pcn_store_open (path, &error);

    g_assert_no_error (error);
    pcn_demo_fill (store, 0, &as_at, &error);
    g_assert_no_error (error);
  }

  window = g_object_ref (pcn_window_new (NULL));
  pcn_window_set_as_at (window, &as_at);
  gtk_window_present (GTK_WINDOW (window));
  pcn_window_open_database (window, path);
  spin_until (window_is_ready, window);
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "overview");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "recruitment");
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "recruitment");
  page = _pcn_window_get_recruitment_page (window);
  spin_until (window_page_has_loaded, window);
  g_assert_cmpuint (g_list_model_get_n_items (_pcn_recruitment_page_get_posts (page)), ==, 6);
  g_assert_nonnull (gtk_widget_get_first_child (GTK_WIDGET (_pcn_recruitment_page_get_checks_list (page))));
  g_assert_cmpuint (g_list_model_get_n_items (_pcn_recruitment_page_get_months (page)), ==, 12);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "rates");
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "rates");

  gtk_window_destroy (GTK_WINDOW (window));
  spin_idle ();
  g_assert_finalize_object (window);

  {
    static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
        g_remove (file);
      }
    g_assert_no_errno (g_rmdir (dir));
  }
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

  g_test_add ("/gui/recruitment/add-post", Fixture, NULL,
              fixture_set_up, test_add_post, fixture_tear_down);
  g_test_add ("/gui/recruitment/tools", Fixture, NULL,
              fixture_set_up, test_tools, fixture_tear_down);
  g_test_add_func ("/gui/recruitment/window", test_window);

  return g_test_run ();
}
