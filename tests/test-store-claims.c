/* test-store-claims.c — claims in the store: the month's claim from stored
 * figures, submitting (snapshot and lock), reopening with a reason in the
 * audit log, claimed to date, payroll cost import all or none, back-pay
 * after a back-dated rate correction, and migrating a schema 3 file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pcn-store.h"
#include "pcn-store-private.h"

/* May 2025: 31 days, in 2025/26, with reference rates for CP and PT. */
#define YEAR  2025
#define MONTH 5

static char *
test_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static PcnStore *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  PcnStore *store = pcn_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
create_network (PcnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);

  pcn_network_set_name (network, "Riverside PCN");
  pcn_network_set_ods_code (network, "U12345");
  pcn_network_set_list_size (network, 52000);
  pcn_network_set_weighted_list_size (network, 55000);
  pcn_network_set_area (network, PCN_AREA_NATIONAL);
  g_ptr_array_add (practices, pcn_practice_new ("Elm Surgery"));
  g_assert_true (pcn_store_create_network (store, network, practices, &error));
  g_assert_no_error (error);
}

static PcnStaff *
add_staff (PcnStore   *store,
           const char *name,
           const char *payroll_id,
           const char *role,
           int         wte,
           gint64      salary_pence)
{
  g_autoptr(GError) error = NULL;
  PcnStaff *s = pcn_staff_new ();

  pcn_staff_set_name (s, name);
  pcn_staff_set_payroll_id (s, payroll_id);
  pcn_staff_set_role_code (s, role);
  pcn_staff_set_start_date (s, "2024-06-01");
  pcn_staff_set_wte (s, wte);
  pcn_staff_set_annual_salary (s, salary_pence);
  g_assert_true (pcn_store_add_staff (store, s, &error));
  g_assert_no_error (error);
  return s;
}

/* Ann: CP, full time, payroll £7,000 in May (above the maximum, so the
 * claim is the maximum). Bob: PT, half time, no payroll figure (an
 * estimate from salary). */
static PcnStore *
open_sample (const char  *name,
             PcnStaff   **out_ann,
             PcnStaff   **out_bob)
{
  g_autofree char *path = test_path (name);
  g_autoptr(GError) error = NULL;
  PcnStore *store = open_ok (path);
  g_autoptr(PcnStaff) ann = NULL;
  g_autoptr(PcnStaff) bob = NULL;

  create_network (store);
  ann = add_staff (store, "Ann Smith", "A1", "CP", 1000, 5500000);
  bob = add_staff (store, "Bob Jones", "B2", "PT", 500, 3000000);
  g_assert_true (pcn_store_set_actual_cost (store, pcn_staff_get_id (ann), "2025-05", 700000,
                                            &error));
  g_assert_no_error (error);
  if (out_ann != NULL)
    *out_ann = g_steal_pointer (&ann);
  if (out_bob != NULL)
    *out_bob = g_steal_pointer (&bob);
  return store;
}

static PcnClaimLine *
find_line (PcnClaim   *claim,
           const char *name)
{
  GPtrArray *lines = pcn_claim_get_lines (claim);

  for (guint i = 0; i < lines->len; i++)
    {
      PcnClaimLine *line = g_ptr_array_index (lines, i);

      if (g_strcmp0 (line->name, name) == 0)
        return line;
    }
  return NULL;
}

static gint64
round_div (gint64 a,
           gint64 b)
{
  return (a * 2 + b) / (2 * b);
}

/* ------------------------------------------------------------ compute */

static void
test_compute (void)
{
  g_autoptr(PcnStore) store = open_sample ("compute.db", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnClaim) claim = NULL;
  g_autoptr(PcnClaimData) data = NULL;
  PcnClaimLine *ann, *bob;
  gint64 sum = 0;

  claim = pcn_store_compute_claim (store, YEAR, MONTH, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pcn_claim_get_month_key (claim), ==, "2025-05");
  g_assert_cmpstr (pcn_claim_get_financial_year_name (claim), ==, "2025/26");
  g_assert_cmpuint (pcn_claim_get_lines (claim)->len, ==, 2);

  ann = find_line (claim, "Ann Smith");
  g_assert_nonnull (ann);
  g_assert_cmpint (ann->days_in_post, ==, 31);
  g_assert_cmpint (ann->days_in_month, ==, 31);
  g_assert_cmpint (ann->actual_pence, ==, 700000);
  g_assert_false (ann->actual_is_estimate);
  g_assert_cmpint (ann->annual_max_pence, >, 0);
  g_assert_cmpint (ann->max_pence, ==, round_div (ann->annual_max_pence, 12));
  g_assert_cmpint (ann->claim_pence, ==, MIN (ann->actual_pence, ann->max_pence));

  bob = find_line (claim, "Bob Jones");
  g_assert_nonnull (bob);
  g_assert_true (bob->actual_is_estimate);
  g_assert_true (bob->warnings & PCN_CLAIM_WARNING_ESTIMATE);
  g_assert_cmpint (bob->max_pence, ==, round_div (bob->annual_max_pence * 500, 12 * 1000));
  g_assert_cmpint (bob->claim_pence, ==, MIN (bob->actual_pence, bob->max_pence));

  for (guint i = 0; i < pcn_claim_get_lines (claim)->len; i++)
    sum += ((PcnClaimLine *) g_ptr_array_index (pcn_claim_get_lines (claim), i))->claim_pence;
  g_assert_cmpint (pcn_claim_get_total_claim (claim), ==, sum);

  data = pcn_store_load_claim (store, YEAR, MONTH, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pcn_claim_get_total_claim (data->claim), ==, sum);
  g_assert_cmpint (data->state->status, ==, PCN_CLAIM_STATUS_OPEN);
  g_assert_cmpint (data->claimed_before_pence, ==, 0);
  g_assert_cmpint (data->claimed_to_date_pence, ==, 0);
  g_assert_cmpint (data->allocation_pence, >, 0);
  g_assert_cmpstr (pcn_network_get_name (data->network), ==, "Riverside PCN");

  g_assert_null (pcn_store_compute_claim (store, YEAR, 13, FALSE, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
}

static void
test_no_network (void)
{
  g_autofree char *path = test_path ("empty.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;

  g_assert_null (pcn_store_compute_claim (store, YEAR, MONTH, FALSE, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NO_NETWORK);
}

/* ------------------------------------------------------ submit / lock */

static void
test_submit_locks (void)
{
  g_autoptr(PcnStaff) ann = NULL;
  g_autoptr(PcnStore) store = open_sample ("submit.db", &ann, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnClaim) claim = NULL;
  g_autoptr(PcnClaimMonth) state = NULL;
  g_autoptr(GPtrArray) snapshot = NULL;
  g_autoptr(GPtrArray) months = NULL;
  g_autoptr(GArray) costs = NULL;
  PcnClaimSnapshotLine *snap;
  PcnClaimLine *line;

  claim = pcn_store_compute_claim (store, YEAR, MONTH, FALSE, &error);
  g_assert_no_error (error);

  g_assert_true (pcn_store_submit_claim (store, YEAR, MONTH, "10/06/2025", &error));
  g_assert_no_error (error);

  state = pcn_store_get_claim_month (store, YEAR, MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state->status, ==, PCN_CLAIM_STATUS_SUBMITTED);
  g_assert_true (pcn_claim_month_is_locked (state));
  g_assert_cmpstr (state->submitted_on, ==, "2025-06-10");
  g_assert_cmpint (state->total_claim_pence, ==, pcn_claim_get_total_claim (claim));

  /* The snapshot is the claim as submitted. */
  snapshot = pcn_store_list_claim_snapshot (store, YEAR, MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (snapshot->len, ==, pcn_claim_get_lines (claim)->len);
  snap = g_ptr_array_index (snapshot, 0);
  line = g_ptr_array_index (pcn_claim_get_lines (claim), 0);
  g_assert_cmpstr (snap->name, ==, line->name);
  g_assert_cmpstr (snap->payroll_id, ==, line->payroll_id);
  g_assert_cmpstr (snap->role_code, ==, line->role_code);
  g_assert_cmpint (snap->staff_id, ==, pcn_staff_get_id (line->staff));
  g_assert_cmpint (snap->wte, ==, line->wte);
  g_assert_cmpint (snap->days_in_post, ==, line->days_in_post);
  g_assert_cmpint (snap->actual_pence, ==, line->actual_pence);
  g_assert_cmpint (snap->max_pence, ==, line->max_pence);
  g_assert_cmpint (snap->annual_max_pence, ==, line->annual_max_pence);
  g_assert_cmpstr (snap->rate_effective_from, ==, pcn_rate_get_effective_from (line->rate));
  g_assert_cmpint (snap->claim_pence, ==, line->claim_pence);

  /* Locked: the month's payroll figures and a second submission. */
  g_assert_false (pcn_store_set_actual_cost (store, pcn_staff_get_id (ann), "2025-05", 1,
                                             &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "May 2025"));
  g_assert_nonnull (strstr (error->message, "reopen"));
  g_clear_error (&error);
  g_assert_false (pcn_store_submit_claim (store, YEAR, MONTH, "2025-06-11", &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);

  costs = pcn_store_list_actual_costs (store, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (costs->len, ==, 1);
  g_assert_cmpint (g_array_index (costs, PcnActualCost, 0).pence, ==, 700000);

  /* Other months stay open. */
  g_assert_true (pcn_store_set_actual_cost (store, pcn_staff_get_id (ann), "2025-06", 650000,
                                            &error));
  g_assert_no_error (error);

  /* Claimed to date: May counts for June, not for May itself. */
  g_assert_cmpint (pcn_store_claimed_to_date (store, YEAR, MONTH, &error), ==, 0);
  g_assert_cmpint (pcn_store_claimed_to_date (store, YEAR, 6, &error), ==,
                   state->total_claim_pence);
  g_assert_cmpint (pcn_store_claimed_to_date (store, YEAR + 1, 4, &error), ==, 0);
  g_assert_no_error (error);
  months = pcn_store_list_claim_months (store, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (months->len, ==, 1);

  /* A bad date is refused before anything is written. */
  g_assert_false (pcn_store_submit_claim (store, YEAR, 6, "2025-02-30", &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "date: "));
}

static void
test_reopen (void)
{
  g_autoptr(PcnStaff) ann = NULL;
  g_autoptr(PcnStore) store = open_sample ("reopen.db", &ann, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnClaimMonth) state = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  guint reasons = 0;

  /* Open months cannot be reopened; a reason is required. */
  g_assert_false (pcn_store_reopen_claim (store, YEAR, MONTH, "why", &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pcn_store_submit_claim (store, YEAR, MONTH, "2025-06-10", &error));
  g_assert_no_error (error);
  g_assert_false (pcn_store_reopen_claim (store, YEAR, MONTH, "  ", &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED);
  g_clear_error (&error);

  g_assert_true (pcn_store_reopen_claim (store, YEAR, MONTH, "Payroll corrected Ann's May pay",
                                         &error));
  g_assert_no_error (error);
  state = pcn_store_get_claim_month (store, YEAR, MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state->status, ==, PCN_CLAIM_STATUS_OPEN);
  g_assert_null (state->submitted_on);
  g_assert_cmpstr (state->reopen_reason, ==, "Payroll corrected Ann's May pay");

  /* Editable again. */
  g_assert_true (pcn_store_set_actual_cost (store, pcn_staff_get_id (ann), "2025-05", 690000,
                                            &error));
  g_assert_no_error (error);

  /* Submitted and reopened again with the same reason: logged both times. */
  g_assert_true (pcn_store_submit_claim (store, YEAR, MONTH, "2025-06-12", &error));
  g_assert_true (pcn_store_reopen_claim (store, YEAR, MONTH, "Payroll corrected Ann's May pay",
                                         &error));
  g_assert_no_error (error);

  audit = pcn_store_list_audit (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      PcnAuditEntry *e = g_ptr_array_index (audit, i);

      if (g_strcmp0 (e->table_name, "claim_month") == 0 &&
          g_strcmp0 (e->field, "reopen_reason") == 0)
        {
          g_assert_cmpstr (e->new_value, ==, "Payroll corrected Ann's May pay");
          reasons++;
        }
    }
  g_assert_cmpuint (reasons, ==, 2);
}

/* ------------------------------------------------------------ import */

static GPtrArray *
parse_costs (const char *csv)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = pcn_costs_csv_parse ("costs.csv", csv, strlen (csv), &error);

  g_assert_no_error (error);
  return rows;
}

static guint
count_costs (PcnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) costs = pcn_store_list_actual_costs (store, YEAR, &error);

  g_assert_no_error (error);
  return costs->len;
}

static void
test_import_all_or_none (void)
{
  g_autoptr(PcnStaff) ann = NULL;
  g_autoptr(PcnStore) store = open_sample ("import.db", &ann, NULL);
  g_autoptr(PcnStaff) twin1 = add_staff (store, "Sam Lee", "S1", "PT", 1000, 3000000);
  g_autoptr(PcnStaff) twin2 = add_staff (store, "Sam Lee", "S2", "PT", 1000, 3000000);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  g_autoptr(GPtrArray) good = NULL;
  g_autoptr(GArray) costs = NULL;

  g_assert_cmpuint (count_costs (store), ==, 1);

  g_assert_true (pcn_store_submit_claim (store, YEAR, 4, "2025-05-10", &error));
  g_assert_no_error (error);

  bad = parse_costs ("payroll_id,name,month,amount\n"
                     "B2,,2025-06,1000\n"          /* fine */
                     "Z9,,2025-06,1000\n"          /* unknown payroll ID */
                     ",sam lee,2025-06,1000\n"     /* ambiguous name */
                     ",Nobody,2025-06,1000\n"      /* unknown name */
                     "A1,Bob Jones,2025-06,1000\n" /* payroll ID of someone else */
                     "A1,,2025-04,1000\n"          /* locked month */
                     ",bob jones,2025-06,5\n");    /* B2 again: duplicate */
  g_assert_false (pcn_store_import_costs (store, bad, "costs.csv", &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "costs.csv:3: payroll_id: "));
  g_assert_nonnull (strstr (error->message, "Z9"));
  g_assert_nonnull (strstr (error->message, "costs.csv:4: name: 2 staff members are called"));
  g_assert_nonnull (strstr (error->message, "costs.csv:5: name: no staff member"));
  g_assert_nonnull (strstr (error->message, "costs.csv:6: name: "));
  g_assert_nonnull (strstr (error->message, "costs.csv:7: month: The claim for April 2025"));
  g_assert_nonnull (strstr (error->message, "costs.csv:8: Bob Jones’s cost for 2025-06 is on line 2"));
  g_assert_null (strstr (error->message, "costs.csv:2:"));
  g_clear_error (&error);
  g_assert_cmpuint (count_costs (store), ==, 1);

  good = parse_costs ("payroll_id,name,month,amount\n"
                      "B2,,2025-06,1000\n"
                      "S2,Sam Lee,2025-06,\"£2,000.10\"\n"
                      ",ann smith,2025-05,6500\n");   /* replaces Ann's May figure */
  g_assert_true (pcn_store_import_costs (store, good, "costs.csv", &error));
  g_assert_no_error (error);
  costs = pcn_store_list_actual_costs (store, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (costs->len, ==, 3);
  for (guint i = 0; i < costs->len; i++)
    {
      PcnActualCost *c = &g_array_index (costs, PcnActualCost, i);

      if (c->staff_id == pcn_staff_get_id (ann))
        g_assert_cmpint (c->pence, ==, 650000);
      else if (c->staff_id == pcn_staff_get_id (twin2))
        g_assert_cmpint (c->pence, ==, 200010);
      else
        g_assert_cmpint (c->pence, ==, 100000);
    }
}

/* ----------------------------------------------------------- back-pay */

static void
test_backpay_after_rate_correction (void)
{
  g_autoptr(PcnStore) store = open_sample ("backpay.db", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnClaim) before = NULL;
  g_autoptr(PcnClaim) after = NULL;
  g_autoptr(PcnBackpay) backpay = NULL;
  g_autoptr(PcnRate) rate = NULL;
  PcnClaimLine *ann_before, *ann_after;
  PcnBackpayLine *line;

  before = pcn_store_compute_claim (store, YEAR, MONTH, FALSE, &error);
  g_assert_no_error (error);
  ann_before = find_line (before, "Ann Smith");
  g_assert_true (pcn_store_submit_claim (store, YEAR, MONTH, "2025-06-10", &error));
  g_assert_no_error (error);

  /* Nothing changed yet. */
  backpay = pcn_store_compute_backpay (store, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pcn_backpay_get_lines (backpay)->len, ==, 0);
  g_clear_pointer (&backpay, pcn_backpay_unref);

  /* The CP maximum is raised back to 1 April 2025 (£72,000 a year). */
  rate = pcn_rate_new ("CP", "national", "2025-04-01", 7200000);
  pcn_rate_set_source (rate, "Corrected rates, August 2025");
  g_assert_true (pcn_store_set_rate (store, rate, &error));
  g_assert_no_error (error);

  after = pcn_store_compute_claim (store, YEAR, MONTH, FALSE, &error);
  g_assert_no_error (error);
  ann_after = find_line (after, "Ann Smith");
  g_assert_cmpint (ann_after->annual_max_pence, ==, 7200000);
  g_assert_cmpint (ann_after->claim_pence, ==, MIN (700000, round_div (7200000, 12)));

  backpay = pcn_store_compute_backpay (store, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pcn_backpay_get_lines (backpay)->len, ==, 1);
  line = g_ptr_array_index (pcn_backpay_get_lines (backpay), 0);
  g_assert_cmpstr (line->name, ==, "Ann Smith");
  g_assert_cmpint (line->year, ==, YEAR);
  g_assert_cmpint (line->month, ==, MONTH);
  g_assert_cmpint (line->old_annual_max_pence, ==, ann_before->annual_max_pence);
  g_assert_cmpint (line->new_annual_max_pence, ==, 7200000);
  g_assert_cmpint (line->claimed_pence, ==, ann_before->claim_pence);
  g_assert_cmpint (line->claimable_pence, ==, ann_after->claim_pence);
  g_assert_cmpint (line->difference_pence, ==, ann_after->claim_pence - ann_before->claim_pence);
  g_assert_cmpint (pcn_backpay_get_total_difference (backpay), ==, line->difference_pence);

  /* An open (never submitted) month is not back-pay. */
  g_clear_pointer (&backpay, pcn_backpay_unref);
  g_assert_true (pcn_store_reopen_claim (store, YEAR, MONTH, "resubmit with new rates", &error));
  backpay = pcn_store_compute_backpay (store, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pcn_backpay_get_lines (backpay)->len, ==, 0);
}

/* ---------------------------------------------------------- migration */

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_migrate_from_3 (void)
{
  g_autofree char *path = test_path ("v3.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnStaff) ann = NULL;
  g_autoptr(GArray) costs = NULL;
  g_autoptr(PcnClaimMonth) state = NULL;

  /* A file as schema 3 made it: staff and a payroll figure (written with
   * SQL, as the schema 3 release did, since today's call checks claim
   * months, which that schema has not got). */
  store = _pcn_store_open_at_version (path, 3, &error);
  g_assert_no_error (error);
  create_network (store);
  ann = add_staff (store, "Ann Smith", "A1", "CP", 1000, 5500000);
  g_assert_true (_pcn_store_exec (store,
                                  "INSERT INTO payroll_cost (staff_id, month, amount_pence) "
                                  "SELECT id, '2025-05', 700000 FROM staff WHERE payroll_id = 'A1'",
                                  &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 3);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'claim_month'"),
                   ==, 0);

  store = open_ok (path);
  costs = pcn_store_list_actual_costs (store, YEAR, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (costs->len, ==, 1);
  g_assert_cmpint (g_array_index (costs, PcnActualCost, 0).pence, ==, 700000);
  g_assert_cmpint (pcn_store_count_staff (store, &error), ==, 1);

  state = pcn_store_get_claim_month (store, YEAR, MONTH, &error);
  g_assert_no_error (error);
  g_assert_cmpint (state->status, ==, PCN_CLAIM_STATUS_OPEN);
  g_assert_true (pcn_store_submit_claim (store, YEAR, MONTH, "2025-06-10", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), >=, 4);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM claim_line"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM audit_log WHERE table_name = 'claim_month'"),
                   ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/claims/compute", test_compute);
  g_test_add_func ("/store/claims/no-network", test_no_network);
  g_test_add_func ("/store/claims/submit-locks", test_submit_locks);
  g_test_add_func ("/store/claims/reopen-reason-audited", test_reopen);
  g_test_add_func ("/store/claims/import-costs-all-or-none", test_import_all_or_none);
  g_test_add_func ("/store/claims/backpay-after-rate-correction",
                   test_backpay_after_rate_correction);
  g_test_add_func ("/store/claims/migrate-from-3", test_migrate_from_3);
  return g_test_run ();
}
