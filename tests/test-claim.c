/* test-claim.c — the monthly ARRS claim, claim months and back-pay, with
 * figures worked by hand.
 *
 * Rates, roles and rules come from the shipped reference data
 * (resources/data/arrs-reference.json): clinical pharmacist (CP), national:
 *   1 Jul 2023 – 31 Mar 2024  £62,340      1 Oct 2024 – 31 Mar 2025  £65,838
 *   1 Apr 2024 – 30 Sep 2024  £62,340      1 Apr 2025 – 31 Mar 2026  £66,972
 * The reference data has no figure for mental health practitioners (MHP):
 * the no-rate case. For the shared-funding case the test enters one.
 *
 *   max   = annual × WTE × days in post ÷ days in month ÷ 12, half a penny up
 *   claim = min (actual, max) × ARRS share, half a penny up
 *
 * On-costs are the defaults (NI 13.80% + pension 14.38%): an estimate is
 * salary × 1.2818 × days ÷ days in month ÷ 12.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "pcn-core.h"

static GPtrArray *ref_rates;   /* PcnRate */
static GPtrArray *ref_roles;   /* PcnRole */
static GPtrArray *ref_rules;   /* PcnRule */

static void
load_reference (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "data",
                                                 "arrs-reference.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *a;
  gsize len;

  g_assert_true (g_file_get_contents (path, &text, &len, &error));
  g_assert_no_error (error);

  ref_rules = pcn_rules_parse (text, (gssize) len, &error);
  g_assert_no_error (error);

  g_assert_true (json_parser_load_from_data (parser, text, (gssize) len, &error));
  root = json_node_get_object (json_parser_get_root (parser));

  ref_roles = g_ptr_array_new_with_free_func (g_object_unref);
  a = json_object_get_array_member (root, "roles");
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);
      PcnRole *role = pcn_role_new (json_object_get_string_member (o, "code"),
                                    json_object_get_string_member (o, "name"));

      pcn_role_set_staff_group (role, json_object_get_string_member (o, "staff_group"));
      pcn_role_set_available_from (role, json_object_get_string_member (o, "available_from"));
      g_ptr_array_add (ref_roles, role);
    }

  ref_rates = g_ptr_array_new_with_free_func (g_object_unref);
  a = json_object_get_array_member (root, "rates");
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);
      PcnRate *rate = pcn_rate_new (json_object_get_string_member (o, "role"),
                                    json_object_get_string_member (o, "area"),
                                    json_object_get_string_member (o, "from"),
                                    json_object_get_int_member (o, "annual_pence"));

      if (!json_object_get_null_member (o, "to"))
        pcn_rate_set_effective_to (rate, json_object_get_string_member (o, "to"));
      pcn_rate_set_source (rate, json_object_get_string_member (o, "source"));
      g_ptr_array_add (ref_rates, rate);
    }
}

static PcnStaff *
make_staff (gint64      id,
            const char *name,
            const char *role,
            int         wte,
            const char *start,
            const char *end,
            gint64      salary)
{
  PcnStaff *s = pcn_staff_new ();
  g_autofree char *payroll = g_strdup_printf ("P%03" G_GINT64_FORMAT, id);

  pcn_staff_set_id (s, id);
  pcn_staff_set_name (s, name);
  pcn_staff_set_payroll_id (s, payroll);
  pcn_staff_set_role_code (s, role);
  pcn_staff_set_wte (s, wte);
  pcn_staff_set_start_date (s, start);
  pcn_staff_set_end_date (s, end);
  pcn_staff_set_annual_salary (s, salary);
  return s;
}

static void
add_actual (GArray *actuals,
            gint64  staff_id,
            int     month_index,
            gint64  pence)
{
  PcnActualCost a = { staff_id, month_index, pence };

  g_array_append_val (actuals, a);
}

static void
init_input (PcnClaimInput *in,
            GPtrArray     *staff,
            GArray        *actuals)
{
  pcn_claim_input_init (in);
  in->rates = ref_rates;
  in->rules = ref_rules;
  in->roles = ref_roles;
  in->staff = staff;
  in->actuals = actuals;
}

static const PcnClaimLine *
find_line (PcnClaim   *claim,
           const char *name)
{
  GPtrArray *lines = pcn_claim_get_lines (claim);

  for (guint i = 0; i < lines->len; i++)
    {
      const PcnClaimLine *line = g_ptr_array_index (lines, i);

      if (g_strcmp0 (line->name, name) == 0)
        return line;
    }
  return NULL;
}

static void
assert_line (PcnClaim         *claim,
             const char       *name,
             int               days_in_post,
             int               days_in_month,
             gint64            actual,
             gboolean          estimate,
             gint64            annual_max,
             gint64            max,
             int               share,
             gint64            claim_pence,
             PcnClaimWarnings  warnings)
{
  const PcnClaimLine *line = find_line (claim, name);

  if (line == NULL)
    g_error ("no claim line for %s", name);
  g_assert_cmpint (line->days_in_post, ==, days_in_post);
  g_assert_cmpint (line->days_in_month, ==, days_in_month);
  g_assert_cmpint (line->actual_pence, ==, actual);
  g_assert_cmpint (line->actual_is_estimate, ==, estimate);
  g_assert_cmpint (line->annual_max_pence, ==, annual_max);
  g_assert_cmpint (line->max_pence, ==, max);
  g_assert_cmpint (line->share_percent, ==, share);
  g_assert_cmpint (line->claim_pence, ==, claim_pence);
  g_assert_cmpint (line->warnings, ==, warnings);
  if (annual_max >= 0)
    {
      g_assert_nonnull (line->rate);
      g_assert_cmpint (pcn_rate_get_annual (line->rate), ==, annual_max);
    }
  else
    g_assert_null (line->rate);
}

static gint64
sum_lines (PcnClaim *claim)
{
  GPtrArray *lines = pcn_claim_get_lines (claim);
  gint64 total = 0;

  for (guint i = 0; i < lines->len; i++)
    total += ((const PcnClaimLine *) g_ptr_array_index (lines, i))->claim_pence;
  return total;
}

/* September 2024 (30 days) and October 2024 (31 days, the CP rate rises on
 * the 1st from £62,340 to £65,838). */
static void
test_claim_months (void)
{
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) actuals = g_array_new (FALSE, FALSE, sizeof (PcnActualCost));
  g_autoptr(PcnClaim) sep = NULL;
  g_autoptr(PcnClaim) oct = NULL;
  g_autoptr(GError) error = NULL;
  PcnClaimInput in;

  /* Full time all year; payroll £4,800 in September, £6,000 in October. */
  g_ptr_array_add (staff, make_staff (1, "Asha", "CP", 1000, "2023-01-09", NULL, 4500000));
  add_actual (actuals, 1, 5, 480000);
  add_actual (actuals, 1, 6, 600000);
  /* WTE 0.4, salary £20,000 (for the 0.4), no payroll figure: estimates. */
  g_ptr_array_add (staff, make_staff (2, "Ben", "CP", 400, "2022-06-01", NULL, 2000000));
  /* Starts on 15 October; payroll £3,200. */
  g_ptr_array_add (staff, make_staff (3, "Cara", "CP", 1000, "2024-10-15", NULL, 4000000));
  add_actual (actuals, 3, 6, 320000);
  /* Leaves on 10 October; payroll £1,500. */
  g_ptr_array_add (staff, make_staff (4, "Dev", "CP", 1000, "2021-02-01", "2024-10-10", 4000000));
  add_actual (actuals, 4, 6, 150000);
  /* No rate known for mental health practitioners in the reference data. */
  g_ptr_array_add (staff, make_staff (5, "Eve", "MHP", 1000, "2024-01-01", NULL, 4200000));
  /* GP: not in the scheme before 1 October 2024. */
  g_ptr_array_add (staff, make_staff (6, "Finn", "GP", 1000, "2024-09-01", NULL, 7000000));
  add_actual (actuals, 6, 5, 600000);
  add_actual (actuals, 6, 6, 600000);
  /* A payroll figure for someone else's month is not used. */
  add_actual (actuals, 2, 4, 1);

  init_input (&in, staff, actuals);

  sep = pcn_claim_compute (&in, 2024, 9, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pcn_claim_get_financial_year (sep), ==, 2024);
  g_assert_cmpint (pcn_claim_get_month_index (sep), ==, 5);
  g_assert_cmpstr (pcn_claim_get_financial_year_name (sep), ==, "2024/25");
  g_assert_cmpstr (pcn_claim_get_month_key (sep), ==, "2024-09");

  /* Asha, September: £62,340 ÷ 12 = £5,195.00; payroll £4,800 is less. */
  assert_line (sep, "Asha", 30, 30, 480000, FALSE, 6234000, 519500, 100, 480000, 0);
  /* Ben, September: max 6,234,000 × 0.4 ÷ 12 = 207,800p (£2,078.00);
   * estimate 2,000,000 × 1.2818 ÷ 12 = 213,633.33 → 213,633p, over the
   * maximum, so the claim is the maximum. */
  assert_line (sep, "Ben", 30, 30, 213633, TRUE, 6234000, 207800, 100, 207800,
               PCN_CLAIM_WARNING_ESTIMATE);
  /* Cara has not started; Finn's role is not yet reimbursable. */
  g_assert_null (find_line (sep, "Cara"));
  g_assert_null (find_line (sep, "Finn"));
  /* Dev: full month, estimate 4,000,000 × 1.2818 ÷ 12 = 427,266.67 →
   * 427,267p, under the maximum. */
  assert_line (sep, "Dev", 30, 30, 427267, TRUE, 6234000, 519500, 100, 427267,
               PCN_CLAIM_WARNING_ESTIMATE);
  /* Eve: no rate, claims 0; the estimate is still shown. 4,200,000 ×
   * 1.2818 ÷ 12 = 448,630p. */
  assert_line (sep, "Eve", 30, 30, 448630, TRUE, -1, -1, 100, 0,
               PCN_CLAIM_WARNING_ESTIMATE | PCN_CLAIM_WARNING_NO_RATE);
  g_assert_cmpuint (pcn_claim_get_lines (sep)->len, ==, 4);
  /* 480,000 + 207,800 + 427,267 + 0 */
  g_assert_cmpint (pcn_claim_get_total_claim (sep), ==, 1115067);
  g_assert_cmpint (pcn_claim_get_total_claim (sep), ==, sum_lines (sep));
  g_assert_cmpint (pcn_claim_get_total_actual (sep), ==, 480000 + 213633 + 427267 + 448630);
  g_assert_cmpint (pcn_claim_get_total_max (sep), ==, 519500 + 207800 + 519500);
  g_assert_cmpuint (pcn_claim_count_warnings (sep, PCN_CLAIM_WARNING_NO_RATE), ==, 1);
  g_assert_cmpuint (pcn_claim_count_warnings (sep, PCN_CLAIM_WARNING_ESTIMATE), ==, 3);
  /* One rate used (CP national from 1 Apr 2024). */
  g_assert_cmpuint (pcn_claim_get_rates_used (sep)->len, ==, 1);
  g_assert_cmpstr (pcn_rate_get_effective_from (g_ptr_array_index (pcn_claim_get_rates_used (sep), 0)),
                   ==, "2024-04-01");

  oct = pcn_claim_compute (&in, 2024, 10, &error);
  g_assert_no_error (error);
  /* Asha, October, the new rate from the 1st: 6,583,800 ÷ 12 = 548,650p;
   * payroll £6,000 is more, so the claim is the maximum. */
  assert_line (oct, "Asha", 31, 31, 600000, FALSE, 6583800, 548650, 100, 548650, 0);
  /* Ben: 6,583,800 × 0.4 ÷ 12 = 219,460p; the estimate 213,633p is less. */
  assert_line (oct, "Ben", 31, 31, 213633, TRUE, 6583800, 219460, 100, 213633,
               PCN_CLAIM_WARNING_ESTIMATE);
  /* Cara starts on the 15th: 17 days. 6,583,800 × 17 ÷ 31 ÷ 12 =
   * 111,924,600 ÷ 372 = 300,872.58 → 300,873p; payroll 320,000p. */
  assert_line (oct, "Cara", 17, 31, 320000, FALSE, 6583800, 300873, 100, 300873, 0);
  /* Dev leaves on the 10th: 10 days. 65,838,000 ÷ 372 = 176,983.87 →
   * 176,984p; payroll 150,000p is less. */
  assert_line (oct, "Dev", 10, 31, 150000, FALSE, 6583800, 176984, 100, 150000, 0);
  /* Finn, GP from 1 October 2024 (reference: £92,462 national): 9,246,200
   * ÷ 12 = 770,516.67 → 770,517p; payroll 600,000p. */
  assert_line (oct, "Finn", 31, 31, 600000, FALSE, 9246200, 770517, 100, 600000, 0);
  /* 548,650 + 213,633 + 300,873 + 150,000 + 0 + 600,000 */
  g_assert_cmpint (pcn_claim_get_total_claim (oct), ==, 1813156);
  g_assert_cmpint (pcn_claim_get_total_claim (oct), ==, sum_lines (oct));
  /* CP from 1 Oct 2024 and GP from 1 Oct 2024. */
  g_assert_cmpuint (pcn_claim_get_rates_used (oct)->len, ==, 2);
}

/* February 2024 has 29 days; a start on the 15th gives 15 of them. */
static void
test_claim_leap_february (void)
{
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) actuals = g_array_new (FALSE, FALSE, sizeof (PcnActualCost));
  g_autoptr(PcnClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  PcnClaimInput in;

  g_ptr_array_add (staff, make_staff (1, "Gita", "CP", 1000, "2024-02-15", NULL, 4500000));
  add_actual (actuals, 1, 10, 300000);  /* February is month 10 of 2023/24 */
  g_ptr_array_add (staff, make_staff (2, "Hal", "CP", 1000, "2020-02-15", NULL, 4500000));
  add_actual (actuals, 2, 10, 600000);
  init_input (&in, staff, actuals);

  claim = pcn_claim_compute (&in, 2024, 2, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pcn_claim_get_financial_year (claim), ==, 2023);
  g_assert_cmpint (pcn_claim_get_month_index (claim), ==, 10);
  /* 6,234,000 × 15 ÷ 29 ÷ 12 = 93,510,000 ÷ 348 = 268,706.90 → 268,707p */
  assert_line (claim, "Gita", 15, 29, 300000, FALSE, 6234000, 268707, 100, 268707, 0);
  /* A whole month is a twelfth, however long: 519,500p */
  assert_line (claim, "Hal", 29, 29, 600000, FALSE, 6234000, 519500, 100, 519500, 0);
  g_assert_cmpint (pcn_claim_get_total_claim (claim), ==, 268707 + 519500);
}

/* Mental health practitioners in 2023/24: the PCN claims 50% (the
 * funding_share rule). From April 2024, 100%. The rates here are entered
 * by the user (the reference data has none). */
static void
test_claim_shared_funding (void)
{
  g_autoptr(GPtrArray) rates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) actuals = g_array_new (FALSE, FALSE, sizeof (PcnActualCost));
  g_autoptr(PcnClaim) jan = NULL;
  g_autoptr(PcnClaim) apr = NULL;
  g_autoptr(GError) error = NULL;
  PcnRate *rate;
  PcnClaimInput in;

  rate = pcn_rate_new ("MHP", "national", "2023-04-01", 5600000);
  pcn_rate_set_effective_to (rate, "2024-03-31");
  pcn_rate_set_user_entered (rate, TRUE);
  g_ptr_array_add (rates, rate);
  rate = pcn_rate_new ("MHP", "national", "2024-04-01", 5800000);
  pcn_rate_set_user_entered (rate, TRUE);
  g_ptr_array_add (rates, rate);

  g_ptr_array_add (staff, make_staff (1, "Ida", "MHP", 1000, "2023-05-01", NULL, 4000000));
  add_actual (actuals, 1, 9, 333333);   /* January 2024 */
  add_actual (actuals, 1, 0, 333333);   /* April 2024 (next year's index 0) */
  init_input (&in, staff, actuals);
  in.rates = rates;

  /* January 2024: max 5,600,000 ÷ 12 = 466,666.67 → 466,667p; payroll
   * 333,333p is less; × 50% = 166,666.5 → 166,667p (half a penny up). */
  jan = pcn_claim_compute (&in, 2024, 1, &error);
  g_assert_no_error (error);
  assert_line (jan, "Ida", 31, 31, 333333, FALSE, 5600000, 466667, 50, 166667, 0);
  g_assert_cmpint (pcn_claim_get_total_claim (jan), ==, 166667);

  /* April 2024, a new financial year: 100%. The January payroll figure
   * (index 9) is not April's (index 0 of 2024/25) — both are in the array,
   * and the claim picks the one for its month. */
  apr = pcn_claim_compute (&in, 2024, 4, &error);
  g_assert_no_error (error);
  /* 5,800,000 ÷ 12 = 483,333.33 → 483,333p; payroll 333,333p */
  assert_line (apr, "Ida", 30, 30, 333333, FALSE, 5800000, 483333, 100, 333333, 0);
}

/* Not claimable, no cost at all, and the prior-employment rule. */
static void
test_claim_not_claimable (void)
{
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PcnClaim) claim = NULL;
  g_autoptr(PcnClaim) all = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  PcnStaff *s;
  PcnClaimInput in;

  s = make_staff (1, "Jo", "CP", 1000, "2023-01-01", NULL, 4000000);
  pcn_staff_set_claimable (s, FALSE);
  g_ptr_array_add (staff, s);
  /* No payroll figure and no salary. */
  g_ptr_array_add (staff, make_staff (2, "Kai", "CP", 1000, "2023-01-01", NULL, -1));
  /* A new-to-general-practice nurse employed by a member practice in the
   * 12 months before starting: excluded from 1 April 2025. */
  s = make_staff (3, "Lin", "GPN_NEW", 1000, "2025-05-01", NULL, 3500000);
  pcn_staff_set_prior_employment_12m (s, TRUE);
  g_ptr_array_add (staff, s);
  init_input (&in, staff, NULL);

  claim = pcn_claim_compute (&in, 2025, 6, &error);
  g_assert_no_error (error);
  g_assert_null (find_line (claim, "Jo"));
  g_assert_null (find_line (claim, "Lin"));
  /* Kai: max 6,697,200 ÷ 12 = 558,100p, but nothing to claim against. */
  assert_line (claim, "Kai", 30, 30, 0, TRUE, 6697200, 558100, 100, 0,
               PCN_CLAIM_WARNING_NO_COST);
  g_assert_cmpint (pcn_claim_get_total_claim (claim), ==, 0);

  in.include_not_claimable = TRUE;
  all = pcn_claim_compute (&in, 2025, 6, &error);
  g_assert_no_error (error);
  /* Listed, flagged, claiming nothing: 4,000,000 × 1.2818 ÷ 12 = 427,267p */
  assert_line (all, "Jo", 30, 30, 427267, TRUE, 6697200, 558100, 100, 0,
               PCN_CLAIM_WARNING_ESTIMATE | PCN_CLAIM_WARNING_NOT_CLAIMABLE);
  g_assert_nonnull (find_line (all, "Lin"));
  g_assert_true (find_line (all, "Lin")->warnings & PCN_CLAIM_WARNING_NOT_CLAIMABLE);
  g_assert_cmpint (find_line (all, "Lin")->claim_pence, ==, 0);
  g_assert_cmpint (pcn_claim_get_total_claim (all), ==, 0);

  text = pcn_claim_warnings_describe (PCN_CLAIM_WARNING_ESTIMATE | PCN_CLAIM_WARNING_NOT_CLAIMABLE);
  g_assert_nonnull (strstr (text, "Not claimable"));
  g_assert_nonnull (strstr (text, "; "));
}

static void
test_claim_errors (void)
{
  g_autoptr(GError) error = NULL;
  PcnClaim *claim;
  PcnClaimInput in;

  init_input (&in, NULL, NULL);
  claim = pcn_claim_compute (&in, 2025, 13, &error);
  g_assert_null (claim);
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);

  in.rates = NULL;
  claim = pcn_claim_compute (&in, 2025, 4, &error);
  g_assert_null (claim);
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED);
  g_clear_error (&error);

  /* No staff: an empty claim. */
  in.rates = ref_rates;
  claim = pcn_claim_compute (&in, 2025, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pcn_claim_get_lines (claim)->len, ==, 0);
  g_assert_cmpint (pcn_claim_get_total_claim (claim), ==, 0);
  pcn_claim_unref (claim);
}

static void
test_claim_month_state (void)
{
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_claim_month_free);
  g_autoptr(PcnClaimMonth) copy = NULL;
  g_autoptr(GError) error = NULL;
  PcnClaimMonth *apr, *may, *jun, *old;
  PcnClaimStatus status;

  apr = pcn_claim_month_new (2025, 4);
  may = pcn_claim_month_new (2025, 5);
  jun = pcn_claim_month_new (2025, 6);
  old = pcn_claim_month_new (2025, 3);  /* March 2025: last year */
  g_ptr_array_add (months, apr);
  g_ptr_array_add (months, may);
  g_ptr_array_add (months, jun);
  g_ptr_array_add (months, old);

  g_assert_false (pcn_claim_month_is_locked (apr));
  g_assert_true (pcn_claim_month_check_editable (apr, &error));
  g_assert_no_error (error);

  g_assert_false (pcn_claim_month_submit (apr, "2025-13-01", 100000, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pcn_claim_month_submit (apr, "2025-05-06", 100000, &error));
  g_assert_no_error (error);
  g_assert_true (pcn_claim_month_submit (may, "2025-06-05", 200000, &error));
  g_assert_true (pcn_claim_month_submit (old, "2025-04-04", 5, &error));
  g_assert_no_error (error);
  g_assert_true (pcn_claim_month_is_locked (apr));
  g_assert_cmpstr (pcn_claim_status_to_string (apr->status), ==, "submitted");

  /* Locked: a change is refused, and so is a second submission. */
  g_assert_false (pcn_claim_month_check_editable (apr, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "6 May 2025"));
  g_clear_error (&error);
  g_assert_false (pcn_claim_month_submit (apr, "2025-05-07", 1, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Claimed to date: April and May of 2025/26 (not March of 2024/25, not
   * June, which is open). */
  g_assert_cmpint (pcn_claim_months_claimed_before (months, 2025, 6), ==, 300000);
  g_assert_cmpint (pcn_claim_months_claimed_before (months, 2025, 5), ==, 100000);
  g_assert_cmpint (pcn_claim_months_claimed_to_date (months, 2025, 5), ==, 300000);
  g_assert_cmpint (pcn_claim_months_claimed_to_date (months, 2026, 3), ==, 300000);
  g_assert_cmpint (pcn_claim_months_claimed_to_date (months, 2025, 3), ==, 5);
  g_assert_cmpint (pcn_claim_allocation_remaining (1000000, 300000), ==, 700000);
  g_assert_cmpint (pcn_claim_allocation_remaining (200000, 300000), ==, -100000);
  g_assert_cmpint (pcn_claim_allocation_remaining (-1, 300000), ==, 0);

  /* Reopening needs a reason. */
  g_assert_false (pcn_claim_month_reopen (apr, "  ", &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (pcn_claim_month_reopen (jun, "why", &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pcn_claim_month_reopen (apr, " payroll corrected ", &error));
  g_assert_no_error (error);
  g_assert_false (pcn_claim_month_is_locked (apr));
  g_assert_null (apr->submitted_on);
  g_assert_cmpstr (apr->reopen_reason, ==, "payroll corrected");
  g_assert_cmpint (pcn_claim_months_claimed_to_date (months, 2025, 5), ==, 200000);

  copy = pcn_claim_month_copy (may);
  g_assert_cmpstr (copy->submitted_on, ==, "2025-06-05");
  g_assert_cmpint (copy->total_claim_pence, ==, 200000);

  g_assert_true (pcn_claim_status_parse ("Submitted", &status, &error));
  g_assert_cmpint (status, ==, PCN_CLAIM_STATUS_SUBMITTED);
  g_assert_false (pcn_claim_status_parse ("done", &status, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
}

/* The CP maximum for 2025/26 corrected upward from 1 April 2025 (as in
 * August 2025): £66,972 → £68,000 (a user-entered correction wins over the
 * reference figure from the same date), for April to July. */
static void
test_claim_backpay (void)
{
  g_autoptr(GPtrArray) new_rates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) actuals = g_array_new (FALSE, FALSE, sizeof (PcnActualCost));
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_claim_month_free);
  g_autoptr(PcnBackpay) backpay = NULL;
  g_autoptr(GError) error = NULL;
  static const struct { const char *name; int month; gint64 claimed, claimable; } expected[] = {
    /* Mo, full time, payroll £7,000 a month (over both maxima):
     * 6,697,200 ÷ 12 = 558,100p then; 6,800,000 ÷ 12 = 566,666.67 →
     * 566,667p now; 8,567p a month. */
    { "Mo", 4, 558100, 566667 },
    { "Mo", 5, 558100, 566667 },
    { "Mo", 6, 558100, 566667 },
    /* Nia starts on 15 June: 16 of 30 days. 6,697,200 × 16 ÷ 360 =
     * 297,653.33 → 297,653p then; 6,800,000 × 16 ÷ 360 = 302,222.22 →
     * 302,222p now: 4,569p. */
    { "Nia", 6, 297653, 302222 },
    { "Mo", 7, 558100, 566667 },
    { "Nia", 7, 558100, 566667 },
  };
  GPtrArray *lines;
  PcnClaimInput in;
  PcnRate *rate;

  for (guint i = 0; i < ref_rates->len; i++)
    g_ptr_array_add (new_rates, g_object_ref (g_ptr_array_index (ref_rates, i)));
  rate = pcn_rate_new ("CP", "national", "2025-04-01", 6800000);
  pcn_rate_set_user_entered (rate, TRUE);
  pcn_rate_set_source (rate, "ARRS portal revision, August 2025");
  g_ptr_array_add (new_rates, rate);

  g_ptr_array_add (staff, make_staff (1, "Mo", "CP", 1000, "2022-01-01", NULL, 5000000));
  /* Ola, WTE 0.4, estimate under both maxima: 2,000,000 × 1.2818 ÷ 12 =
   * 213,633p against 223,240p then and 226,667p now — no change. */
  g_ptr_array_add (staff, make_staff (2, "Ola", "CP", 400, "2022-01-01", NULL, 2000000));
  g_ptr_array_add (staff, make_staff (3, "Nia", "CP", 1000, "2025-06-15", NULL, 5000000));
  for (int m = 0; m < 4; m++)
    {
      add_actual (actuals, 1, m, 700000);
      add_actual (actuals, 3, m, 700000);
    }
  for (int m = 4; m <= 7; m++)
    {
      PcnClaimMonth *cm = pcn_claim_month_new (2025, m);

      g_assert_true (pcn_claim_month_submit (cm, "2025-08-01", 1, NULL));
      g_ptr_array_add (months, cm);
    }

  init_input (&in, staff, actuals);
  backpay = pcn_claim_backpay (&in, ref_rates, new_rates, months, &error);
  g_assert_no_error (error);

  lines = pcn_backpay_get_lines (backpay);
  g_assert_cmpuint (lines->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < lines->len; i++)
    {
      const PcnBackpayLine *line = g_ptr_array_index (lines, i);

      g_assert_cmpstr (line->name, ==, expected[i].name);
      g_assert_cmpint (line->year, ==, 2025);
      g_assert_cmpint (line->month, ==, expected[i].month);
      g_assert_cmpint (line->claimed_pence, ==, expected[i].claimed);
      g_assert_cmpint (line->claimable_pence, ==, expected[i].claimable);
      g_assert_cmpint (line->difference_pence, ==, expected[i].claimable - expected[i].claimed);
      g_assert_cmpint (line->old_annual_max_pence, ==, 6697200);
      g_assert_cmpint (line->new_annual_max_pence, ==, 6800000);
    }
  /* 5 × 8,567 + 4,569 = 47,404p */
  g_assert_cmpint (pcn_backpay_get_total_difference (backpay), ==, 47404);
  g_assert_cmpint (pcn_backpay_get_total_claimed (backpay), ==, 5 * 558100 + 297653);
  g_assert_cmpint (pcn_backpay_get_total_claimable (backpay), ==, 5 * 566667 + 302222);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  load_reference ();

  g_test_add_func ("/claim/months", test_claim_months);
  g_test_add_func ("/claim/leap-february", test_claim_leap_february);
  g_test_add_func ("/claim/shared-funding", test_claim_shared_funding);
  g_test_add_func ("/claim/not-claimable", test_claim_not_claimable);
  g_test_add_func ("/claim/errors", test_claim_errors);
  g_test_add_func ("/claim/month-state", test_claim_month_state);
  g_test_add_func ("/claim/backpay", test_claim_backpay);

  status = g_test_run ();
  g_clear_pointer (&ref_rates, g_ptr_array_unref);
  g_clear_pointer (&ref_roles, g_ptr_array_unref);
  g_clear_pointer (&ref_rules, g_ptr_array_unref);
  return status;
}
