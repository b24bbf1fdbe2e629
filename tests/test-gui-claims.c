/* test-gui-claims.c — the Claims page (ui suite): the month before "today"
 * loads off the main thread with the lines and total of
 * pcn_store_compute_claim(); a payroll figure entered through the page's
 * dialog (a bad "12x" refused with the field marked and nothing written,
 * then a good one) turns the line from estimate to actual; submitting locks
 * the month (editing disabled, the store refuses a payroll figure);
 * reopening needs a reason, which the audit log keeps; the claim exported
 * through the page's export code is an xlsx whose total is the claim's;
 * and the window's sidebar opens the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <string.h>

#include "pcn-claim-line-item.h"
#include "pcn-claims-page-private.h"
#include "pcn-demo.h"
#include "pcn-store.h"
#include "pcn-window-private.h"

/* "Today" is 1 June 2025: the page opens on May 2025 (31 days, 2025/26,
 * with reference rates for CP). */
#define YEAR  2025
#define MONTH 5
#define REASON "Payroll corrected Ann's May pay"

typedef gboolean (*Condition) (gpointer data);

typedef struct
{
  char          *dir;
  char          *path;
  PcnStore      *store;
  GtkWindow     *window;
  PcnClaimsPage *page;
  GDate          as_at;
  gint64         ann_id;
  guint          loads;
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

  return _pcn_claims_page_get_n_loads (f->page) > f->loads &&
         !_pcn_claims_page_is_loading (f->page) &&
         !_pcn_claims_page_is_busy (f->page);
}

static void
wait_for_load (Fixture *f)
{
  spin_until (page_has_loaded, f);
  f->loads = _pcn_claims_page_get_n_loads (f->page);
}

static gint64
add_staff (PcnStore   *store,
           const char *name,
           const char *payroll_id,
           const char *role,
           int         wte,
           gint64      salary_pence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaff) staff = pcn_staff_new ();

  pcn_staff_set_name (staff, name);
  pcn_staff_set_payroll_id (staff, payroll_id);
  pcn_staff_set_role_code (staff, role);
  pcn_staff_set_start_date (staff, "2024-06-01");
  pcn_staff_set_wte (staff, wte);
  pcn_staff_set_annual_salary (staff, salary_pence);
  g_assert_true (pcn_store_add_staff (store, staff, &error));
  g_assert_no_error (error);
  return pcn_staff_get_id (staff);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);

  f->dir = g_dir_make_tmp ("test-gui-claims-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "pcn.db", NULL);
  f->store = pcn_store_open (f->path, &error);
  g_assert_no_error (error);

  pcn_network_set_name (network, "Riverside PCN");
  pcn_network_set_ods_code (network, "U12345");
  pcn_network_set_list_size (network, 52000);
  pcn_network_set_weighted_list_size (network, 55000);
  pcn_network_set_area (network, PCN_AREA_NATIONAL);
  g_ptr_array_add (practices, pcn_practice_new ("Elm Surgery"));
  g_assert_true (pcn_store_create_network (f->store, network, practices, &error));
  g_assert_no_error (error);

  /* Two people with salaries and no payroll figures: both estimates, the
   * CP rate from the shipped reference data. */
  f->ann_id = add_staff (f->store, "Ann Smith", "A1", "CP", 1000, 5500000);
  add_staff (f->store, "Bob Jones", "B2", "PT", 500, 3000000);

  g_date_clear (&f->as_at, 1);
  g_date_set_dmy (&f->as_at, 1, G_DATE_JUNE, YEAR);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = g_object_ref_sink (g_object_new (PCN_TYPE_CLAIMS_PAGE, NULL));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  pcn_claims_page_set_as_at (f->page, &f->as_at);
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

static PcnClaim *
compute_claim (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PcnClaim *claim = pcn_store_compute_claim (f->store, YEAR, MONTH, TRUE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (claim);
  return claim;
}

/* The page's lines and total are the store's claim, line by line. */
static void
assert_page_matches_store (Fixture *f)
{
  g_autoptr(PcnClaim) claim = compute_claim (f);
  GPtrArray *lines = pcn_claim_get_lines (claim);
  GListModel *shown = _pcn_claims_page_get_lines (f->page);
  g_autofree char *total = pcn_money_format (pcn_claim_get_total_claim (claim));
  const char *label = gtk_label_get_text (_pcn_claims_page_get_total_label (f->page));
  gint64 sum = 0;

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, lines->len);
  for (guint i = 0; i < lines->len; i++)
    {
      PcnClaimLine *expected = g_ptr_array_index (lines, i);
      g_autoptr(PcnClaimLineItem) item = g_list_model_get_item (shown, i);
      const PcnClaimLine *line = pcn_claim_line_item_get_line (item);

      g_assert_cmpstr (line->name, ==, expected->name);
      g_assert_cmpint (line->days_in_post, ==, expected->days_in_post);
      g_assert_cmpint (line->actual_pence, ==, expected->actual_pence);
      g_assert_cmpint (line->actual_is_estimate, ==, expected->actual_is_estimate);
      g_assert_cmpint (line->max_pence, ==, expected->max_pence);
      g_assert_cmpint (line->claim_pence, ==, expected->claim_pence);
      g_assert_cmpint (line->warnings, ==, expected->warnings);
      sum += line->claim_pence;
    }
  g_assert_cmpint (sum, ==, pcn_claim_get_total_claim (claim));
  g_assert_nonnull (strstr (label, total));
}

static guint
find_line (Fixture    *f,
           const char *name)
{
  GListModel *shown = _pcn_claims_page_get_lines (f->page);

  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(PcnClaimLineItem) item = g_list_model_get_item (shown, i);

      if (g_strcmp0 (pcn_claim_line_item_get_line (item)->name, name) == 0)
        return i;
    }
  g_assert_not_reached ();
  return 0;
}

static const PcnClaimLine *
shown_line (Fixture    *f,
            const char *name)
{
  g_autoptr(PcnClaimLineItem) item = g_list_model_get_item (_pcn_claims_page_get_lines (f->page),
                                                            find_line (f, name));

  /* The page's store holds the item; the line lives as long as it does. */
  return pcn_claim_line_item_get_line (item);
}

static PcnClaimEntryDialog *
open_dialog (Fixture    *f,
             const char *action)
{
  PcnClaimEntryDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), action, NULL));
  dialog = _pcn_claims_page_get_dialog (f->page);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
set_text (PcnClaimEntryDialog *dialog,
          const char          *text)
{
  gtk_editable_set_text (GTK_EDITABLE (pcn_claim_entry_dialog_get_row (dialog)), text);
}

static gboolean
reason_in_audit_log (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = pcn_store_list_audit (f->store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      PcnAuditEntry *e = g_ptr_array_index (audit, i);

      if (g_strcmp0 (e->field, "reopen_reason") == 0 && g_strcmp0 (e->new_value, REASON) == 0)
        return TRUE;
    }
  return FALSE;
}

static gboolean
export_has_finished (gpointer data)
{
  Fixture *f = data;

  return _pcn_claims_page_get_n_exports (f->page) > 0 && !_pcn_claims_page_is_busy (f->page);
}

/* With openpyxl: the cached value of the claim column on the "Total" row of
 * sheet "Claim", in pounds; NULL (skipped) without it. */
static char *
read_total_cell (const char *path)
{
  const char *script =
    "import sys\n"
    "try:\n"
    "    import openpyxl\n"
    "except ImportError:\n"
    "    sys.exit(77)\n"
    "ws = openpyxl.load_workbook(sys.argv[1], data_only=True)['Claim']\n"
    "rows = list(ws.iter_rows(values_only=True))\n"
    "header = next(r for r in rows if 'Claim' in r and 'Name' in r)\n"
    "col = header.index('Claim')\n"
    "total = next(r for r in rows if r[0] == 'Total')\n"
    "print('%.2f' % total[col])\n";
  const char *python = g_getenv ("PYTHON3");
  const char *argv[] = { python != NULL ? python : "/usr/bin/python3", "-c", script, path, NULL };
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    {
      if (g_error_matches (error, G_SPAWN_EXIT_ERROR, 77))
        return NULL;
      g_assert_no_error (error);
    }
  return g_strstrip (g_steal_pointer (&out));
}

static void
test_month (Fixture       *f,
            gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnClaim) claim = NULL;
  g_autofree char *xlsx = g_build_filename (f->dir, "claim-2025-05.xlsx", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *cell = NULL;
  g_autofree char *expected_cell = NULL;
  PcnClaimEntryDialog *dialog;
  GtkWidget *row;
  const PcnClaimLine *ann;
  int year = 0, month = 0;
  gsize length = 0;

  /* Loads the month before "today", as the store computes it. */
  pcn_claims_page_set_store (f->page, f->store);
  wait_for_load (f);
  _pcn_claims_page_get_month (f->page, &year, &month);
  g_assert_cmpint (year, ==, YEAR);
  g_assert_cmpint (month, ==, MONTH);
  g_assert_cmpuint (g_list_model_get_n_items (_pcn_claims_page_get_lines (f->page)), ==, 2);
  assert_page_matches_store (f);
  ann = shown_line (f, "Ann Smith");
  g_assert_true (ann->actual_is_estimate);
  g_assert_true (ann->warnings & PCN_CLAIM_WARNING_ESTIMATE);
  g_assert_cmpint (ann->max_pence, >, 0);

  /* A payroll figure through the dialog: "12x" is refused, the field is
   * marked and nothing is written. */
  _pcn_claims_page_select_line (f->page, find_line (f, "Ann Smith"));
  g_assert_true (gtk_widget_get_sensitive (_pcn_claims_page_get_edit_button (f->page)));
  dialog = open_dialog (f, "claims.edit-cost");
  row = pcn_claim_entry_dialog_get_row (dialog);
  set_text (dialog, "12x");
  g_assert_false (pcn_claim_entry_dialog_accept (dialog));
  g_assert_true (gtk_widget_has_css_class (row, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_nonnull (pcn_claim_entry_dialog_get_error (dialog));
  g_assert_true (_pcn_claims_page_get_dialog (f->page) == dialog);
  spin_idle ();
  claim = compute_claim (f);
  for (guint i = 0; i < pcn_claim_get_lines (claim)->len; i++)
    g_assert_true (((PcnClaimLine *) g_ptr_array_index (pcn_claim_get_lines (claim), i))->actual_is_estimate);
  g_clear_pointer (&claim, pcn_claim_unref);

  /* A good one is saved off the main thread; the line shows the actual. */
  set_text (dialog, "£4,000.00");
  g_assert_false (gtk_widget_has_css_class (row, "error"));
  g_assert_true (pcn_claim_entry_dialog_accept (dialog));
  g_assert_null (_pcn_claims_page_get_dialog (f->page));
  g_assert_true (_pcn_claims_page_is_busy (f->page));
  wait_for_load (f);
  ann = shown_line (f, "Ann Smith");
  g_assert_false (ann->actual_is_estimate);
  g_assert_cmpint (ann->actual_pence, ==, 400000);
  g_assert_false (ann->warnings & PCN_CLAIM_WARNING_ESTIMATE);
  assert_page_matches_store (f);

  /* Submit (the date defaults to "today"): the month is locked. */
  dialog = open_dialog (f, "claims.submit");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (pcn_claim_entry_dialog_get_row (dialog))),
                   ==, "01/06/2025");
  g_assert_true (pcn_claim_entry_dialog_accept (dialog));
  wait_for_load (f);
  g_assert_true (pcn_claim_month_is_locked (_pcn_claims_page_get_data (f->page)->state));
  g_assert_cmpstr (_pcn_claims_page_get_data (f->page)->state->submitted_on, ==, "2025-06-01");
  g_assert_true (g_str_has_prefix (gtk_label_get_text (_pcn_claims_page_get_status_label (f->page)),
                                   "Submitted on"));
  g_assert_false (gtk_widget_get_sensitive (_pcn_claims_page_get_edit_button (f->page)));
  gtk_widget_activate_action (GTK_WIDGET (f->page), "claims.edit-cost", NULL);
  g_assert_null (_pcn_claims_page_get_dialog (f->page));
  g_assert_false (pcn_store_set_actual_cost (f->store, f->ann_id, "2025-05", 500000, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Reopen: a reason is required and kept in the audit log. */
  dialog = open_dialog (f, "claims.reopen");
  g_assert_false (pcn_claim_entry_dialog_accept (dialog));
  g_assert_true (gtk_widget_has_css_class (pcn_claim_entry_dialog_get_row (dialog), "error"));
  set_text (dialog, REASON);
  g_assert_true (pcn_claim_entry_dialog_accept (dialog));
  wait_for_load (f);
  g_assert_false (pcn_claim_month_is_locked (_pcn_claims_page_get_data (f->page)->state));
  g_assert_true (reason_in_audit_log (f));
  g_assert_nonnull (strstr (gtk_label_get_text (_pcn_claims_page_get_status_label (f->page)),
                            REASON));
  g_assert_true (gtk_widget_get_sensitive (_pcn_claims_page_get_edit_button (f->page)));

  /* Export the claim through the page's export code. */
  _pcn_claims_page_export_to (f->page, PCN_CLAIMS_EXPORT_CLAIM, xlsx);
  g_assert_true (_pcn_claims_page_is_busy (f->page));
  spin_until (export_has_finished, f);
  g_assert_null (_pcn_claims_page_get_export_error (f->page));
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 2);
  g_assert_cmpmem (contents, 2, "PK", 2);

  claim = compute_claim (f);
  cell = read_total_cell (xlsx);
  if (cell == NULL)
    g_test_message ("openpyxl not available: the total cell is not checked");
  else
    {
      gint64 total = pcn_claim_get_total_claim (claim);

      expected_cell = g_strdup_printf ("%" G_GINT64_FORMAT ".%02d", total / 100, (int) (total % 100));
      g_assert_cmpstr (cell, ==, expected_cell);
    }
  g_remove (xlsx);
}

static gboolean
window_is_ready (gpointer data)
{
  return !_pcn_window_is_busy (data);
}

static gboolean
window_page_has_loaded (gpointer data)
{
  PcnClaimsPage *page = _pcn_window_get_claims_page (data);

  return _pcn_claims_page_get_n_loads (page) > 0 && !_pcn_claims_page_is_loading (page);
}

/* The sidebar's Claims entry (Ctrl+5) shows the sample's claim. */
static void
test_window (void)
{
  g_autofree char *dir = g_dir_make_tmp ("test-gui-claims-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "pcn.db", NULL);
  g_autoptr(GError) error = NULL;
  PcnClaimsPage *page;
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

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "claims");
  g_assert_cmpstr (_pcn_window_get_page_name (window), ==, "claims");
  page = _pcn_window_get_claims_page (window);
  spin_until (window_page_has_loaded, window);
  g_assert_nonnull (_pcn_claims_page_get_data (page));
  g_assert_cmpuint (g_list_model_get_n_items (_pcn_claims_page_get_lines (page)), >, 0);

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

  g_test_add ("/gui/claims/month", Fixture, NULL, fixture_set_up, test_month, fixture_tear_down);
  g_test_add_func ("/gui/claims/window", test_window);

  return g_test_run ();
}
