/* test-ledger.c — posts, ARRS rules, allocation, the budget ledger, rule
 * checks, turnover and vacancies, with figures worked by hand.
 *
 * Rates, roles, rules and allocation rates come from the shipped reference
 * data (resources/data/arrs-reference.json), so the figures below are the
 * real published ones. On-costs are the defaults: employer NI 13.80% +
 * pension 14.38% = 28.18%, so a salary costs × 1.2818.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <json-glib/json-glib.h>
#include <string.h>

#include "pcn-core.h"

static GPtrArray *ref_rates;       /* PcnRate */
static GPtrArray *ref_roles;       /* PcnRole */
static GPtrArray *ref_rules;       /* PcnRule */
static GPtrArray *ref_allocation;  /* PcnAllocationRate */

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
  ref_allocation = pcn_allocation_rates_parse (text, (gssize) len, &error);
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

  pcn_staff_set_id (s, id);
  pcn_staff_set_name (s, name);
  pcn_staff_set_role_code (s, role);
  pcn_staff_set_wte (s, wte);
  pcn_staff_set_start_date (s, start);
  pcn_staff_set_end_date (s, end);
  pcn_staff_set_annual_salary (s, salary);
  return s;
}

static PcnPost *
make_post (gint64      id,
           const char *title,
           const char *role,
           int         wte,
           const char *start,
           gint64      annual_cost)
{
  PcnPost *p = pcn_post_new ();

  pcn_post_set_id (p, id);
  pcn_post_set_title (p, title);
  pcn_post_set_role_code (p, role);
  pcn_post_set_wte (p, wte);
  pcn_post_set_start_date (p, start);
  pcn_post_set_annual_cost (p, annual_cost);
  pcn_post_set_status (p, PCN_POST_STATUS_APPROVED, "2024-01-10");
  return p;
}

static GPtrArray *
new_objects (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static void
input_init (PcnLedgerInput *in,
            int             year,
            GPtrArray      *staff,
            GPtrArray      *posts)
{
  pcn_ledger_input_init (in, year);
  in->rates = ref_rates;
  in->rules = ref_rules;
  in->roles = ref_roles;
  in->staff = staff;
  in->posts = posts;
  in->list_size = 50000;
}

/* The checks with this rule id (prefix) and subject name (NULL: any). */
static guint
count_checks (PcnLedger        *ledger,
              const char       *rule_prefix,
              PcnCheckSeverity  severity,
              const char       *subject_name)
{
  GPtrArray *checks = pcn_ledger_get_checks (ledger);
  guint n = 0;

  for (guint i = 0; i < checks->len; i++)
    {
      PcnCheck *c = g_ptr_array_index (checks, i);

      if (g_str_has_prefix (c->rule_id, rule_prefix) && c->severity == severity &&
          (subject_name == NULL || g_strcmp0 (c->subject_name, subject_name) == 0))
        {
          g_assert_cmpstr (c->year_name, ==, pcn_ledger_get_year_name (ledger));
          g_assert_nonnull (strstr (c->message, c->year_name));
          n++;
        }
    }
  return n;
}

static PcnCheck *
find_check (PcnLedger  *ledger,
            const char *rule_prefix)
{
  GPtrArray *checks = pcn_ledger_get_checks (ledger);

  for (guint i = 0; i < checks->len; i++)
    {
      PcnCheck *c = g_ptr_array_index (checks, i);
      if (g_str_has_prefix (c->rule_id, rule_prefix))
        return c;
    }
  return NULL;
}

/* Allocation */

static void
test_allocation (void)
{
  static const struct {
    int         year;
    gint64      weighted;
    gint64      pence;        /* -1: refused */
    const char *formula;
  } cases[] = {
    /* 30,000 × £26.631 = £798,930.000 → £798,930.00 (NHSE's own example) */
    { 2025, 30000, 79893000, "30,000 weighted patients × £26.631 = £798,930.00" },
    /* 45,123 × £22.671 = £1,022,983.533 → £1,022,983.53 */
    { 2023, 45123, 102298353, "45,123 weighted patients × £22.671 = £1,022,983.53" },
    /* 5 × £22.671 = £113.355 → half up → £113.36 */
    { 2023, 5, 11336, "5 weighted patients × £22.671 = £113.36" },
    /* 2024/25: main sum 40,000 × £22.894 = £915,760.00, plus the ring-fenced
     * GP sum 40,000 × £1.303 = £52,120.00 for October to March (the £1.303
     * is already the half-year amount: × ~63m weighted patients = the £82m
     * national pot for Oct–Mar, so it is not halved); total £967,880.00 */
    { 2024, 40000, 96788000,
      "40,000 weighted patients × £22.894 = £915,760.00; plus the ring-fenced GP sum for "
      "2024-10-01 to 2025-03-31: 40,000 × £1.303 = £52,120.00; total £967,880.00" },
    /* 2026/27: no per-head figure in the sources */
    { 2026, 30000, -1, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *formula = NULL;
      gint64 pence = 0;
      gboolean ok = pcn_allocation_compute (ref_allocation, cases[i].year, cases[i].weighted,
                                            &pence, &formula, &error);

      if (cases[i].pence < 0)
        {
          g_assert_false (ok);
          g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN);
          g_assert_nonnull (strstr (error->message, "2026/27"));
          continue;
        }
      g_assert_no_error (error);
      g_assert_true (ok);
      g_assert_cmpint (pence, ==, cases[i].pence);
      g_assert_cmpstr (formula, ==, cases[i].formula);
    }

  {
    g_autoptr(GError) error = NULL;
    gint64 pence = 0;

    g_assert_false (pcn_allocation_compute (ref_allocation, 2025, 0, &pence, NULL, &error));
    g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED);
  }
}

/* Rules from the reference data */

static void
test_rules_parse (void)
{
  static const struct {
    const char *role;
    const char *group;
    gint64      list;
    const char *date;
    int         cap;
  } caps[] = {
    { "AP", "Direct patient care", 80000, "2023-06-01", 3 },    /* 3 if ≤ 99,999 */
    { "AP", "Direct patient care", 99999, "2023-06-01", 3 },
    { "AP", "Direct patient care", 100000, "2023-06-01", 6 },   /* 6 if ≥ 100,000 */
    { "AP", "Direct patient care", 120000, "2024-06-01", -1 },  /* caps removed 2024/25 */
    { "DTL", "Admin/non-clinical", 50000, "2024-06-01", 1 },    /* one per PCN */
    { "EPN", "Nurse", 80000, "2024-06-01", 1 },
    { "EPN", "Nurse", 120000, "2024-06-01", 2 },
    { "EPN", "Nurse", 80000, "2025-06-01", -1 },                /* "remove hiring caps" 2025/26 */
    { "CP", "Direct patient care", 50000, "2024-06-01", -1 },
    { "MHP", "Direct patient care", 50000, "2023-06-01", -1 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bad = NULL;
  PcnRule *rule = NULL;
  GDate d;

  g_assert_cmpuint (ref_rules->len, ==, 27);
  for (guint i = 0; i < G_N_ELEMENTS (caps); i++)
    {
      g_assert_true (pcn_date_from_iso (caps[i].date, &d));
      g_assert_cmpint (pcn_rules_cap_for (ref_rules, caps[i].role, caps[i].group, caps[i].list,
                                          &d, NULL), ==, caps[i].cap);
    }

  g_assert_true (pcn_date_from_iso ("2023-06-01", &d));
  g_assert_cmpint (pcn_rules_cap_for (ref_rules, "AP", "Direct patient care", 80000, &d, &rule),
                   ==, 3);
  g_assert_cmpstr (rule->id, ==, "cap:AP:2023-04-01");
  g_assert_cmpint (pcn_rules_arrs_share_percent (ref_rules, "MHP", &d, &rule), ==, 50);
  g_assert_cmpstr (rule->id, ==, "funding_share:MHP:2021-04-01");
  g_assert_cmpint (pcn_rules_arrs_share_percent (ref_rules, "CP", &d, NULL), ==, 100);
  g_assert_null (pcn_rules_prior_employment (ref_rules, "GPN_NEW", &d));

  g_assert_true (pcn_date_from_iso ("2024-04-01", &d));
  g_assert_cmpint (pcn_rules_arrs_share_percent (ref_rules, "MHP", &d, NULL), ==, 100);

  g_assert_true (pcn_date_from_iso ("2025-05-01", &d));
  rule = pcn_rules_prior_employment (ref_rules, "GPN_NEW", &d);
  g_assert_nonnull (rule);
  g_assert_cmpint (rule->months, ==, 12);
  for (guint i = 0; i < 4; i++)
    {
      const char *roles[] = { "GPN_NEW", "GPN_EXP", "HCSW", "CONSULTANT_NURSE" };
      g_assert_nonnull (pcn_rules_prior_employment (ref_rules, roles[i], &d));
    }
  g_assert_null (pcn_rules_prior_employment (ref_rules, "CP", &d));

  bad = pcn_rules_parse ("{\"rules\": [{\"role\": \"AP\"}]}", -1, &error);
  g_assert_null (bad);
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE);
  g_clear_error (&error);
  bad = pcn_rules_parse ("not json", -1, &error);
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE);
  g_clear_error (&error);
  bad = pcn_rules_parse ("[]", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (bad->len, ==, 0);
}

/* Month arithmetic */

static void
test_days_in_post (void)
{
  static const struct {
    const char *start;
    const char *end;
    int         month_index;
    int         days;
    int         dim;
  } cases[] = {
    /* June 2025 has 30 days; starting on the 15th: 15th..30th = 16 days */
    { "2025-06-15", NULL, 2, 16, 30 },
    /* leaver on the 10th of September (30 days): 1st..10th = 10 days */
    { "2024-01-01", "2025-09-10", 5, 10, 30 },
    /* February 2026: 28 days */
    { "2024-01-01", NULL, 10, 28, 28 },
    /* February 2024 (2023/24): 29 days */
    { "2020-01-01", NULL, 10, 29, 29 },
    /* started and left within the month: 3rd..20th of January = 18 */
    { "2026-01-03", "2026-01-20", 9, 18, 31 },
    /* not yet started, already left */
    { "2025-07-01", NULL, 2, 0, 30 },
    { "2020-01-01", "2025-05-31", 2, 0, 30 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate start, end;
      int dim = 0;
      int year = i == 3 ? 2023 : (i == 1 ? 2025 : 2025);

      g_assert_true (pcn_date_from_iso (cases[i].start, &start));
      g_date_clear (&end, 1);
      if (cases[i].end)
        g_assert_true (pcn_date_from_iso (cases[i].end, &end));
      g_assert_cmpint (pcn_days_in_post (year, cases[i].month_index, &start,
                                         cases[i].end ? &end : NULL, &dim),
                       ==, cases[i].days);
      g_assert_cmpint (dim, ==, cases[i].dim);
    }
}

static void
test_month_cost (void)
{
  /* 2025/26, CP national maximum £66,972 a year. */
  static const struct {
    const char *what;
    int         wte;
    const char *start;
    const char *end;
    gint64      salary;
    int         month_index;
    gint64      actual;       /* -1: none */
    int         days;
    gint64      cost;
    gint64      max;
    gint64      claim;
  } cases[] = {
    /* Full month, capped: £55,000 × 1.2818 = £70,499 a year, /12 =
     * £5,874.9166… → £5,874.92; maximum £66,972 / 12 = £5,581.00. */
    { "full month, capped", 1000, "2024-01-01", NULL, 5500000, 0, -1, 30,
      587492, 558100, 558100 },
    /* Part month at the start, WTE 0.6: starts 15 June (30-day month),
     * 16 days. Salary £30,000 for the 0.6: × 1.2818 = £38,454 × 16/30 / 12
     * = £1,709.0666… → £1,709.07. Maximum £66,972 × 0.6 = £40,183.20
     * × 16/30 / 12 = £1,785.92 exactly. Claim the lesser: £1,709.07. */
    { "start on the 15th, WTE 0.6", 600, "2025-06-15", NULL, 3000000, 2, -1, 16,
      170907, 178592, 170907 },
    /* Part month at the end: leaves on 10 September, 10 of 30 days, no
     * salary known so the maximum is assumed: £66,972 × 10/30 / 12 =
     * £1,860.333… → £1,860.33. */
    { "leaver on the 10th", 1000, "2024-01-01", "2025-09-10", -1, 5, -1, 10,
      186033, 186033, 186033 },
    /* A leaver mid-month at WTE 0.6 on 20 January (31 days): 20 days,
     * salary £30,000: £38,454 × 20/31 / 12 = £2,067.4193… → £2,067.42;
     * maximum £40,183.20 × 20/31 / 12 = £2,160.3870… → £2,160.39. */
    { "leaver mid-month, WTE 0.6", 600, "2024-01-01", "2026-01-20", 3000000, 9, -1, 20,
      206742, 216039, 206742 },
    /* A payroll figure replaces the estimate: £5,000.00 in April, under
     * the £5,581.00 maximum. */
    { "actual payroll figure", 1000, "2024-01-01", NULL, 5500000, 0, 500000, 30,
      500000, 558100, 500000 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PcnStaff) s = make_staff (7, "Pat", "CP", cases[i].wte, cases[i].start,
                                          cases[i].end, cases[i].salary);
      g_autoptr(GArray) actuals = g_array_new (FALSE, FALSE, sizeof (PcnActualCost));
      PcnLedgerInput in;
      PcnMonthCost mc;

      g_test_message ("%s", cases[i].what);
      input_init (&in, 2025, NULL, NULL);
      if (cases[i].actual >= 0)
        {
          PcnActualCost a = { 7, cases[i].month_index, cases[i].actual };
          g_array_append_val (actuals, a);
          in.actuals = actuals;
        }
      pcn_ledger_staff_month (&in, s, cases[i].month_index, &mc);
      g_assert_cmpint (mc.days_in_post, ==, cases[i].days);
      g_assert_cmpint (mc.cost_pence, ==, cases[i].cost);
      g_assert_cmpint (mc.max_pence, ==, cases[i].max);
      g_assert_cmpint (mc.claim_pence, ==, cases[i].claim);
      g_assert_cmpint (mc.annual_max_pence, ==, 6697200);
      g_assert_cmpint (mc.share_percent, ==, 100);
      g_assert_false (mc.no_rate);
      g_assert_true (mc.cost_is_estimate == (cases[i].actual < 0));
    }

  /* The primitives on their own. */
  g_assert_cmpint (pcn_pro_rata_max (6697200, 600, 16, 30), ==, 178592);
  g_assert_cmpint (pcn_apply_share (416667, 50), ==, 208334);  /* 208,333.5 → half up */
  {
    PcnOnCosts oc;
    pcn_on_costs_init_default (&oc);
    g_assert_cmpint (oc.employer_ni_bp, ==, 1380);
    g_assert_cmpint (oc.employer_pension_bp, ==, 1438);
    g_assert_cmpint (pcn_cost_estimate (5500000, &oc, 0, 30, 30), ==, 587492);
  }
}

/* The ledger */

static void
test_rate_change (void)
{
  /* CP national, full time, no salary (the maximum is assumed), 2024/25:
   * April–September £62,340 a year → £5,195.00 a month;
   * from 1 October 2024 £65,838 → £5,486.50 a month.
   * Year: 6 × £5,195.00 + 6 × £5,486.50 = £31,170.00 + £32,919.00 = £64,089.00. */
  g_autoptr(GPtrArray) staff = new_objects ();
  g_autoptr(PcnLedger) ledger = NULL;
  PcnLedgerInput in;

  g_ptr_array_add (staff, make_staff (1, "Chris", "CP", 1000, "2020-01-01", NULL, -1));
  input_init (&in, 2024, staff, NULL);
  ledger = pcn_ledger_compute (&in);

  for (guint m = 0; m < 12; m++)
    {
      const PcnLedgerMonth *lm = pcn_ledger_get_month (ledger, m);
      g_assert_cmpint (lm->in_post_pence, ==, m < 6 ? 519500 : 548650);
      g_assert_cmpint (lm->planned_pence, ==, 0);
      g_assert_cmpint (lm->total_pence, ==, lm->in_post_pence);
    }
  g_assert_cmpint (pcn_ledger_get_month (ledger, 0)->month, ==, 4);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 0)->year, ==, 2024);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 11)->month, ==, 3);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 11)->year, ==, 2025);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 5)->cumulative_pence, ==, 3117000);
  g_assert_cmpint (pcn_ledger_get_forecast (ledger), ==, 6408900);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 11)->cumulative_pence, ==, 6408900);
  g_assert_false (pcn_ledger_has_allocation (ledger));
  g_assert_cmpuint (pcn_ledger_get_checks (ledger)->len, ==, 0);
}

static void
test_planned_january (void)
{
  /* 2025/26, pharmacy technician national maximum £43,352.
   * Post A starts 1 January 2026, no cost given → the maximum:
   *   £43,352 / 12 = £3,612.666… → £3,612.67 for each of Jan, Feb, Mar.
   * Post B starts 15 January 2026, expected cost £36,000 (with on-costs):
   *   January, 17 of 31 days: cost £36,000 × 17/31 / 12 = £1,645.1612… →
   *   £1,645.16; maximum £43,352 × 17/31 / 12 = £1,981.1505… → £1,981.15;
   *   claim £1,645.16. February and March: £3,000.00 each (under £3,612.67).
   * Planned: Jan £5,257.83, Feb £6,612.67, Mar £6,612.67; year £18,483.17.
   * Post C is withdrawn and post D in post (counted through its staff):
   * neither is planned spend. */
  g_autoptr(GPtrArray) posts = new_objects ();
  g_autoptr(PcnLedger) ledger = NULL;
  PcnPost *c, *d;
  PcnLedgerInput in;
  GPtrArray *lines;

  g_ptr_array_add (posts, make_post (1, "PT north", "PT", 1000, "2026-01-01", -1));
  g_ptr_array_add (posts, make_post (2, "PT south", "PT", 1000, "2026-01-15", 3600000));
  c = make_post (3, "PT east", "PT", 1000, "2025-05-01", -1);
  pcn_post_set_status (c, PCN_POST_STATUS_WITHDRAWN, "2025-04-20");
  g_ptr_array_add (posts, c);
  d = make_post (4, "PT west", "PT", 1000, "2025-05-01", -1);
  pcn_post_set_status (d, PCN_POST_STATUS_IN_POST, "2025-05-01");
  g_ptr_array_add (posts, d);

  input_init (&in, 2025, NULL, posts);
  ledger = pcn_ledger_compute (&in);

  for (guint m = 0; m < 9; m++)
    g_assert_cmpint (pcn_ledger_get_month (ledger, m)->total_pence, ==, 0);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 9)->planned_pence, ==, 525783);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 10)->planned_pence, ==, 661267);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 11)->planned_pence, ==, 661267);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 11)->in_post_pence, ==, 0);
  g_assert_cmpint (pcn_ledger_get_forecast (ledger), ==, 1848317);

  lines = pcn_ledger_get_lines (ledger);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpint (((PcnLedgerLine *) g_ptr_array_index (lines, 0))->total_pence, ==, 1083801);
  g_assert_cmpint (((PcnLedgerLine *) g_ptr_array_index (lines, 1))->total_pence, ==, 764516);
  g_assert_cmpint (((PcnLedgerLine *) g_ptr_array_index (lines, 1))->kind, ==,
                   PCN_CHECK_SUBJECT_POST);
}

static void
test_leaver_and_starter (void)
{
  /* 2025/26 CP national £66,972 (£5,581.00 a month full time).
   * Alex, WTE 0.6 at the maximum, leaves 10 September 2025:
   *   April–August 5 × (£66,972 × 0.6 / 12 = £3,348.60) = £16,743.00;
   *   September 10/30: £40,183.20 × 10/30 / 12 = £1,116.20.
   * Sam starts 15 June 2025 full time, at the maximum:
   *   June 16/30: £66,972 × 16/30 / 12 = £2,976.5333… → £2,976.53;
   *   July–March 9 × £5,581.00 = £50,229.00.
   * June: £3,348.60 + £2,976.53 = £6,325.13; September £1,116.20 + £5,581.00
   * = £6,697.20; year £16,743.00 + £1,116.20 + £2,976.53 + £50,229.00 =
   * £71,064.73. */
  g_autoptr(GPtrArray) staff = new_objects ();
  g_autoptr(PcnLedger) ledger = NULL;
  PcnLedgerInput in;

  g_ptr_array_add (staff, make_staff (1, "Alex", "CP", 600, "2021-03-01", "2025-09-10", -1));
  g_ptr_array_add (staff, make_staff (2, "Sam", "CP", 1000, "2025-06-15", NULL, -1));
  input_init (&in, 2025, staff, NULL);
  ledger = pcn_ledger_compute (&in);

  g_assert_cmpint (pcn_ledger_get_month (ledger, 0)->in_post_pence, ==, 334860);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 2)->in_post_pence, ==, 632513);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 5)->in_post_pence, ==, 669720);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 6)->in_post_pence, ==, 558100);
  g_assert_cmpint (pcn_ledger_get_forecast (ledger), ==, 7106473);
}

static void
test_cap_breach (void)
{
  /* Advanced practitioners in 2023/24: at most 3 for a list of 99,999 or
   * fewer, 6 for 100,000 or more (rule cap:AP:2023-04-01). Counted over
   * staff in post and planned posts at each month end. */
  static const struct {
    gint64 list_size;
    int    n_staff;
    int    n_posts;      /* planned from January 2024 */
    guint  errors;
  } cases[] = {
    { 80000, 4, 0, 1 },   /* 4 > 3: the latest starter is flagged */
    { 80000, 3, 0, 0 },
    { 80000, 3, 1, 1 },   /* the planned post makes 4 from January */
    { 120000, 6, 0, 0 },  /* 6 ≤ 6 */
    { 120000, 7, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) staff = new_objects ();
      g_autoptr(GPtrArray) posts = new_objects ();
      g_autoptr(PcnLedger) ledger = NULL;
      PcnLedgerInput in;
      PcnCheck *check;

      for (int s = 0; s < cases[i].n_staff; s++)
        {
          g_autofree char *name = g_strdup_printf ("AP %d", s + 1);
          g_autofree char *start = g_strdup_printf ("2022-%02d-01", s + 1);
          g_ptr_array_add (staff, make_staff (s + 1, name, "AP", 1000, start, NULL, -1));
        }
      for (int p = 0; p < cases[i].n_posts; p++)
        g_ptr_array_add (posts, make_post (p + 1, "New AP", "AP", 1000, "2024-01-01", -1));

      input_init (&in, 2023, staff, posts);
      in.list_size = cases[i].list_size;
      ledger = pcn_ledger_compute (&in);
      g_assert_cmpuint (count_checks (ledger, "cap:AP:2023-04-01", PCN_CHECK_ERROR, NULL), ==,
                        cases[i].errors);
      if (cases[i].errors == 0)
        continue;

      check = find_check (ledger, "cap:AP");
      g_assert_cmpstr (check->year_name, ==, "2023/24");
      if (cases[i].n_posts > 0)
        {
          g_assert_cmpint (check->subject, ==, PCN_CHECK_SUBJECT_POST);
          g_assert_cmpstr (check->subject_name, ==, "New AP");
        }
      else
        {
          g_autofree char *last = g_strdup_printf ("AP %d", cases[i].n_staff);
          g_assert_cmpint (check->subject, ==, PCN_CHECK_SUBJECT_STAFF);
          g_assert_cmpstr (check->subject_name, ==, last);
        }
      /* No 2023/24 AP rate is known: each AP also gets the no-rate warning. */
      g_assert_cmpuint (count_checks (ledger, "rate:AP", PCN_CHECK_WARNING, NULL), ==,
                        (guint) (cases[i].n_staff + cases[i].n_posts));
    }

  /* One digital and transformation lead per PCN, still in 2024/25 (the
   * 2024/25 removal of caps was for direct patient care roles). */
  {
    g_autoptr(GPtrArray) staff = new_objects ();
    g_autoptr(PcnLedger) ledger = NULL;
    PcnLedgerInput in;

    g_ptr_array_add (staff, make_staff (1, "Dana", "DTL", 1000, "2023-01-01", NULL, -1));
    g_ptr_array_add (staff, make_staff (2, "Eli", "DTL", 500, "2024-09-01", NULL, -1));
    input_init (&in, 2024, staff, NULL);
    ledger = pcn_ledger_compute (&in);
    g_assert_cmpuint (count_checks (ledger, "cap:DTL:2022-10-01", PCN_CHECK_ERROR, "Eli"), ==, 1);
    g_assert_cmpuint (count_checks (ledger, "cap:", PCN_CHECK_ERROR, NULL), ==, 1);
  }

  /* Enhanced practice nurses 2024/25: 1 per PCN, 2 from a list of 100,000. */
  for (guint big = 0; big < 2; big++)
    {
      g_autoptr(GPtrArray) staff = new_objects ();
      g_autoptr(PcnLedger) ledger = NULL;
      PcnLedgerInput in;

      g_ptr_array_add (staff, make_staff (1, "Fran", "EPN", 1000, "2024-04-01", NULL, -1));
      g_ptr_array_add (staff, make_staff (2, "Gene", "EPN", 1000, "2024-05-01", NULL, -1));
      input_init (&in, 2024, staff, NULL);
      in.list_size = big ? 120000 : 80000;
      ledger = pcn_ledger_compute (&in);
      g_assert_cmpuint (count_checks (ledger, "cap:EPN:2024-04-01", PCN_CHECK_ERROR, "Gene"), ==,
                        big ? 0 : 1);
    }
}

static void
test_not_eligible (void)
{
  /* A new-to-general-practice nurse enters the scheme on 1 April 2025: in
   * 2024/25 the role is not reimbursable and nothing is counted; in 2025/26
   * June–March is 10 × (£43,352 / 12 = £3,612.666… → £3,612.67) = £36,126.70. */
  g_autoptr(GPtrArray) staff = new_objects ();
  g_autoptr(PcnLedger) ledger = NULL;
  g_autoptr(PcnLedger) next = NULL;
  PcnLedgerInput in;
  PcnCheck *check;

  g_ptr_array_add (staff, make_staff (1, "Hana", "GPN_NEW", 1000, "2024-06-01", NULL, -1));
  input_init (&in, 2024, staff, NULL);
  ledger = pcn_ledger_compute (&in);
  g_assert_cmpint (pcn_ledger_get_forecast (ledger), ==, 0);
  g_assert_cmpuint (count_checks (ledger, "eligibility:GPN_NEW:available_from", PCN_CHECK_ERROR,
                                  "Hana"), ==, 1);
  check = find_check (ledger, "eligibility:");
  g_assert_nonnull (strstr (check->message, "New to general practice nurse"));
  /* the months before entry are not "no rate" months */
  g_assert_cmpuint (count_checks (ledger, "rate:", PCN_CHECK_WARNING, NULL), ==, 0);

  /* Hana started 1 June 2024, so in 2025/26 she is counted from April:
   * 12 × £3,612.67 = £43,352.04, with no check. */
  input_init (&in, 2025, staff, NULL);
  next = pcn_ledger_compute (&in);
  g_assert_cmpint (pcn_ledger_get_forecast (next), ==, 4335204);
  g_assert_cmpuint (pcn_ledger_get_checks (next)->len, ==, 0);
}

static void
test_overrun (void)
{
  /* 2025/26 allocation £100,000.00; two clinical pharmacists full time at
   * the maximum: 2 × 12 × £5,581.00 = £133,944.00; headroom −£33,944.00. */
  g_autoptr(GPtrArray) staff = new_objects ();
  g_autoptr(PcnLedger) ledger = NULL;
  PcnLedgerInput in;
  PcnCheck *check;

  g_ptr_array_add (staff, make_staff (1, "Ira", "CP", 1000, "2022-01-01", NULL, -1));
  g_ptr_array_add (staff, make_staff (2, "Jo", "CP", 1000, "2022-01-01", NULL, -1));
  input_init (&in, 2025, staff, NULL);
  in.allocation_pence = 10000000;
  ledger = pcn_ledger_compute (&in);

  g_assert_cmpint (pcn_ledger_get_forecast (ledger), ==, 13394400);
  g_assert_cmpint (pcn_ledger_get_headroom (ledger), ==, -3394400);
  g_assert_cmpuint (count_checks (ledger, "allocation", PCN_CHECK_ERROR, NULL), ==, 1);
  check = find_check (ledger, "allocation");
  g_assert_cmpint (check->subject, ==, PCN_CHECK_SUBJECT_NONE);
  g_assert_nonnull (strstr (check->message, "£133,944.00"));
  g_assert_nonnull (strstr (check->message, "£33,944.00"));
  /* errors come first */
  g_assert_cmpint (((PcnCheck *) g_ptr_array_index (pcn_ledger_get_checks (ledger), 0))->severity,
                   ==, PCN_CHECK_ERROR);

  /* Within the allocation: no check, positive headroom. */
  {
    g_autoptr(PcnLedger) ok = NULL;
    in.allocation_pence = 20000000;
    ok = pcn_ledger_compute (&in);
    g_assert_cmpint (pcn_ledger_get_headroom (ok), ==, 6605600);
    g_assert_cmpuint (count_checks (ok, "allocation", PCN_CHECK_ERROR, NULL), ==, 0);
  }
}

static gpointer
copy_object (gconstpointer src,
             gpointer      user_data)
{
  return g_object_ref ((gpointer) src);
}

static void
test_mhp_share (void)
{
  /* No MHP maximum is published in the sources, so the PCN enters its
   * ICB's figure: here £50,000 a year from 1 April 2023.
   * Salary £40,000: × 1.2818 = £51,272 / 12 = £4,272.666… → £4,272.67;
   * maximum £50,000 / 12 = £4,166.666… → £4,166.67; the lesser £4,166.67.
   * 2023/24 (funding_share:MHP:2021-04-01, ARRS 50%): £2,083.335 → half up
   *   £2,083.34 a month, £25,000.08 a year, with a warning.
   * 2024/25 (funding_share:MHP:2024-04-01, 100%): £4,166.67 a month,
   *   £50,000.04 a year, no warning. */
  g_autoptr(GPtrArray) staff = new_objects ();
  g_autoptr(GPtrArray) rates = g_ptr_array_copy (ref_rates, copy_object, NULL);
  g_autoptr(PcnRate) mhp = pcn_rate_new ("MHP", "national", "2023-04-01", 5000000);
  g_autoptr(PcnLedger) y2023 = NULL;
  g_autoptr(PcnLedger) y2024 = NULL;
  PcnLedgerInput in;
  PcnCheck *check;

  pcn_rate_set_user_entered (mhp, TRUE);
  g_ptr_array_add (rates, g_object_ref (mhp));
  g_ptr_array_add (staff, make_staff (1, "Kim", "MHP", 1000, "2022-04-01", NULL, 4000000));

  input_init (&in, 2023, staff, NULL);
  in.rates = rates;
  y2023 = pcn_ledger_compute (&in);
  g_assert_cmpint (pcn_ledger_get_month (y2023, 0)->in_post_pence, ==, 208334);
  g_assert_cmpint (pcn_ledger_get_forecast (y2023), ==, 2500008);
  g_assert_cmpuint (count_checks (y2023, "funding_share:MHP:2021-04-01", PCN_CHECK_WARNING,
                                  "Kim"), ==, 1);
  check = find_check (y2023, "funding_share:");
  g_assert_nonnull (strstr (check->message, "50%"));
  g_assert_cmpint (((PcnLedgerLine *) g_ptr_array_index (pcn_ledger_get_lines (y2023), 0))
                   ->share_percent, ==, 50);

  input_init (&in, 2024, staff, NULL);
  in.rates = rates;
  y2024 = pcn_ledger_compute (&in);
  g_assert_cmpint (pcn_ledger_get_month (y2024, 0)->in_post_pence, ==, 416667);
  g_assert_cmpint (pcn_ledger_get_forecast (y2024), ==, 5000004);
  g_assert_cmpuint (pcn_ledger_get_checks (y2024)->len, ==, 0);
}

static void
test_prior_employment (void)
{
  /* 2025/26: a new ARRS GPN_EXP, HCSW (or GPN_NEW, consultant nurse) who was
   * employed by the PCN or a member practice in the previous 12 months is
   * not reimbursable. Without the flag, Lee (GPN_EXP £53,319, from 1 June
   * 2025) counts 10 × (£53,319 / 12 = £4,443.25) = £44,432.50. */
  static const struct {
    const char *role;
    gboolean    flag;
    gboolean    post;
    gint64      forecast;
    guint       errors;
  } cases[] = {
    { "GPN_EXP", FALSE, FALSE, 4443250, 0 },
    { "GPN_EXP", TRUE, FALSE, 0, 1 },
    /* HCSW £32,159 / 12 = £2,679.9166… → £2,679.92 × 10 = £26,799.20 */
    { "HCSW", FALSE, TRUE, 2679920, 0 },
    { "HCSW", TRUE, TRUE, 0, 1 },
    /* The rule does not cover clinical pharmacists: £5,581.00 × 10 */
    { "CP", TRUE, FALSE, 5581000, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) staff = new_objects ();
      g_autoptr(GPtrArray) posts = new_objects ();
      g_autoptr(PcnLedger) ledger = NULL;
      PcnLedgerInput in;

      if (cases[i].post)
        {
          PcnPost *p = make_post (1, "Lee", cases[i].role, 1000, "2025-06-01", -1);
          pcn_post_set_prior_employment_12m (p, cases[i].flag);
          g_ptr_array_add (posts, p);
        }
      else
        {
          PcnStaff *s = make_staff (1, "Lee", cases[i].role, 1000, "2025-06-01", NULL, -1);
          gboolean flag = FALSE;

          g_object_set (s, "prior-employment-12m", cases[i].flag, NULL);
          g_object_get (s, "prior-employment-12m", &flag, NULL);
          g_assert_true (flag == cases[i].flag);
          g_ptr_array_add (staff, s);
        }
      input_init (&in, 2025, staff, posts);
      ledger = pcn_ledger_compute (&in);
      g_assert_cmpint (pcn_ledger_get_forecast (ledger), ==, cases[i].forecast);
      g_assert_cmpuint (count_checks (ledger, "prior_employment:", PCN_CHECK_ERROR, "Lee"), ==,
                        cases[i].errors);
    }
}

static void
test_no_rate (void)
{
  /* No national rate is known for a dietitian in 2025/26 (only a low-
   * confidence outer-London one): the line contributes 0 with a warning. */
  g_autoptr(GPtrArray) staff = new_objects ();
  g_autoptr(PcnLedger) ledger = NULL;
  PcnLedgerInput in;
  PcnCheck *check;
  PcnMonthCost mc;

  g_ptr_array_add (staff, make_staff (1, "Mo", "DIETITIAN", 1000, "2024-01-01", NULL, 4000000));
  input_init (&in, 2025, staff, NULL);
  ledger = pcn_ledger_compute (&in);
  g_assert_cmpint (pcn_ledger_get_forecast (ledger), ==, 0);
  g_assert_cmpuint (count_checks (ledger, "rate:DIETITIAN", PCN_CHECK_WARNING, "Mo"), ==, 1);
  check = find_check (ledger, "rate:");
  g_assert_nonnull (strstr (check->message,
                            "no rate known for this role and year — enter it from your ICB’s "
                            "rate list"));
  g_assert_true (((PcnLedgerLine *) g_ptr_array_index (pcn_ledger_get_lines (ledger), 0))
                 ->no_rate);

  pcn_ledger_staff_month (&in, g_ptr_array_index (staff, 0), 0, &mc);
  g_assert_true (mc.no_rate);
  g_assert_cmpint (mc.max_pence, ==, -1);
  g_assert_cmpint (mc.claim_pence, ==, 0);
  g_assert_cmpint (mc.cost_pence, ==, 427267);  /* £40,000 × 1.2818 / 12 = £4,272.666… */

  /* Outer London had only a low-confidence third-party figure, which the
   * reference data does not ship: still no rate known, never the national. */
  in.area = PCN_AREA_OUTER_LONDON;
  pcn_ledger_staff_month (&in, g_ptr_array_index (staff, 0), 0, &mc);
  g_assert_true (mc.no_rate);
  g_assert_cmpint (mc.claim_pence, ==, 0);
}

static void
test_latest_start (void)
{
  /* 2025/26 allocation £100,000.00. One clinical pharmacist full time at the
   * maximum all year: £66,972.00 → headroom £33,028.00.
   * A new full-time pharmacy technician at the maximum costs £3,612.67 a
   * month (£43,352 / 12 = £3,612.666…). Starting on the 1st of month m, it
   * costs (12 − m) × £3,612.67:
   *   from June (10 months)  £36,126.70 > £33,028.00 — overspends;
   *   from July (9 months)   £32,514.03 ≤ £33,028.00 — fits.
   * Latest start: July; unspent £33,028.00 − £32,514.03 = £513.97. */
  g_autoptr(GPtrArray) staff = new_objects ();
  g_autoptr(PcnLedger) ledger = NULL;
  g_autoptr(GError) error = NULL;
  PcnLedgerInput in;
  int month = -1;
  gint64 cost = 0, unspent = 0;

  g_ptr_array_add (staff, make_staff (1, "Nat", "CP", 1000, "2022-01-01", NULL, -1));
  input_init (&in, 2025, staff, NULL);
  in.allocation_pence = 10000000;
  ledger = pcn_ledger_compute (&in);
  g_assert_cmpint (pcn_ledger_get_headroom (ledger), ==, 3302800);

  g_assert_true (pcn_ledger_latest_start (&in, ledger, "PT", 1000, -1, &month, &cost, &unspent,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (month, ==, 3);
  g_assert_cmpint (cost, ==, 3251403);
  g_assert_cmpint (unspent, ==, 51397);

  /* Half time at an expected £20,000 a year: £1,666.67 a month (under the
   * £1,806.33 pro-rata maximum); 12 months £20,000.04 fits from April,
   * leaving £33,028.00 − £20,000.04 = £13,027.96. */
  g_assert_true (pcn_ledger_latest_start (&in, ledger, "PT", 500, 2000000, &month, &cost,
                                          &unspent, &error));
  g_assert_cmpint (month, ==, 0);
  g_assert_cmpint (cost, ==, 2000004);
  g_assert_cmpint (unspent, ==, 1302796);

  /* A GP full time (£105,882 / 12 = £8,823.50 a month): 3 months =
   * £26,470.50 fits, 4 = £35,294.00 does not → January, £6,557.50 unspent. */
  g_assert_true (pcn_ledger_latest_start (&in, ledger, "GP", 1000, -1, &month, &cost, &unspent,
                                          &error));
  g_assert_cmpint (month, ==, 9);
  g_assert_cmpint (unspent, ==, 655750);

  /* No national dietitian rate for 2025/26. */
  g_assert_false (pcn_ledger_latest_start (&in, ledger, "DIETITIAN", 1000, -1, &month, &cost,
                                           &unspent, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN);
  g_clear_error (&error);

  /* No headroom left. */
  {
    g_autoptr(PcnLedger) full = NULL;
    in.allocation_pence = 6697200;
    full = pcn_ledger_compute (&in);
    g_assert_false (pcn_ledger_latest_start (&in, full, "PT", 1000, -1, &month, &cost, &unspent,
                                             &error));
    g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  }
}

static void
test_uplift (void)
{
  /* 2025/26, CP full time on £50,000: × 1.2818 = £64,090 / 12 =
   * £5,340.8333… → £5,340.83 a month, under the £5,581.00 maximum; the year
   * £64,089.96.
   * What if pay rose 3% from October? £64,090 × 1.03 = £66,012.70 / 12 =
   *   £5,501.0583… → £5,501.06 for October–March: 6 × £5,340.83 +
   *   6 × £5,501.06 = £32,044.98 + £33,006.36 = £65,051.34.
   * 5% from October: £64,090 × 1.05 / 12 = £5,607.875 → £5,607.88, above the
   *   maximum, so £5,581.00: £32,044.98 + £33,486.00 = £65,530.98. */
  g_autoptr(GPtrArray) staff = new_objects ();
  g_autoptr(PcnLedger) base = NULL;
  g_autoptr(PcnLedger) three = NULL;
  g_autoptr(PcnLedger) five = NULL;
  PcnLedgerInput in;

  g_ptr_array_add (staff, make_staff (1, "Oli", "CP", 1000, "2022-01-01", NULL, 5000000));
  input_init (&in, 2025, staff, NULL);
  base = pcn_ledger_compute (&in);
  three = pcn_ledger_what_if_uplift (&in, 300, 6);
  five = pcn_ledger_what_if_uplift (&in, 500, 6);

  g_assert_cmpint (pcn_ledger_get_forecast (base), ==, 6408996);
  g_assert_cmpint (pcn_ledger_get_month (three, 5)->total_pence, ==, 534083);
  g_assert_cmpint (pcn_ledger_get_month (three, 6)->total_pence, ==, 550106);
  g_assert_cmpint (pcn_ledger_get_forecast (three), ==, 6505134);
  g_assert_cmpint (pcn_ledger_get_month (five, 6)->total_pence, ==, 558100);
  g_assert_cmpint (pcn_ledger_get_forecast (five), ==, 6553098);
  /* the input is unchanged */
  g_assert_cmpint (in.uplift_bp, ==, 0);
  g_assert_cmpint (pcn_staff_get_annual_salary (g_ptr_array_index (staff, 0)), ==, 5000000);
}

/* Posts */

static void
test_post (void)
{
  g_autoptr(PcnPost) post = pcn_post_new ();
  g_autoptr(PcnStaff) holder = make_staff (42, "Pia", "CP", 1000, "2025-03-03", NULL, -1);
  g_autoptr(GPtrArray) practices = g_ptr_array_new ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status = NULL;
  const char *purposes[] = { "EHCH", "SMR", NULL };
  const char *field = NULL;
  PcnPostStatus st;
  PcnEmployerModel model;
  PcnPostFunding funding;

  g_ptr_array_add (practices, (gpointer) "Elm Surgery");
  g_ptr_array_add (practices, (gpointer) "Oak Practice");

  /* defaults */
  g_assert_cmpint (pcn_post_get_wte (post), ==, 1000);
  g_assert_cmpint (pcn_post_get_annual_cost (post), ==, -1);
  g_assert_cmpint (pcn_post_get_funding (post), ==, PCN_POST_FUNDING_ARRS);
  g_assert_cmpint (pcn_post_get_status (post), ==, PCN_POST_STATUS_PROPOSED);
  g_assert_cmpint (pcn_post_get_time_to_fill_days (post), ==, -1);

  /* validation, field by field */
  g_assert_false (pcn_post_validate (post, ref_roles, practices, &field, &error));
  g_assert_cmpstr (field, ==, "role");
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED);
  g_clear_error (&error);

  pcn_post_set_role_code (post, "XX");
  g_assert_false (pcn_post_validate (post, ref_roles, practices, &field, &error));
  g_assert_cmpstr (field, ==, "role");
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN);
  g_clear_error (&error);

  g_object_set (post, "role-code", "CP", "wte", 0, NULL);
  g_assert_false (pcn_post_validate (post, ref_roles, practices, &field, &error));
  g_assert_cmpstr (field, ==, "wte");
  g_clear_error (&error);

  pcn_post_set_wte (post, 600);
  g_assert_false (pcn_post_validate (post, ref_roles, practices, &field, &error));
  g_assert_cmpstr (field, ==, "start_date");
  g_clear_error (&error);

  pcn_post_set_start_date (post, "2025-02-30");
  g_assert_false (pcn_post_validate (post, ref_roles, practices, &field, &error));
  g_assert_cmpstr (field, ==, "start_date");
  g_clear_error (&error);

  pcn_post_set_start_date (post, "2025-03-01");
  sessions = pcn_sessions_parse ("Elm Surgery=3; Ash House=2", NULL);
  pcn_post_set_sessions (post, sessions);
  g_assert_false (pcn_post_validate (post, ref_roles, practices, &field, &error));
  g_assert_cmpstr (field, ==, "practices");
  g_clear_error (&error);
  g_ptr_array_unref (sessions);
  sessions = pcn_sessions_parse ("Elm Surgery=3; Oak Practice=2", NULL);
  pcn_post_set_sessions (post, sessions);

  {
    const char *bad[] = { "SMR", "SMR", NULL };
    const char *mixed[] = { "SMR", PCN_POST_PURPOSE_CORE, NULL };

    pcn_post_set_purposes (post, bad);
    g_assert_false (pcn_post_validate (post, ref_roles, practices, &field, &error));
    g_assert_cmpstr (field, ==, "purposes");
    g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_DUPLICATE);
    g_clear_error (&error);
    pcn_post_set_purposes (post, mixed);
    g_assert_false (pcn_post_validate (post, ref_roles, practices, &field, &error));
    g_assert_cmpstr (field, ==, "purposes");
    g_clear_error (&error);
  }
  pcn_post_set_purposes (post, purposes);

  pcn_post_set_annual_cost (post, 200000000);
  g_assert_false (pcn_post_validate (post, ref_roles, practices, &field, &error));
  g_assert_cmpstr (field, ==, "annual_cost");
  g_clear_error (&error);
  pcn_post_set_annual_cost (post, 4000000);

  /* the pipeline: dates must not go backwards */
  pcn_post_set_status (post, PCN_POST_STATUS_APPROVED, "2024-11-01");
  pcn_post_set_status (post, PCN_POST_STATUS_ADVERTISED, "2024-10-15");
  g_assert_false (pcn_post_validate (post, ref_roles, practices, &field, &error));
  g_assert_cmpstr (field, ==, "status_date");
  g_clear_error (&error);
  pcn_post_set_status (post, PCN_POST_STATUS_ADVERTISED, "2024-11-18");
  pcn_post_set_status (post, PCN_POST_STATUS_INTERVIEWING, "2024-12-09");
  pcn_post_set_status (post, PCN_POST_STATUS_OFFERED, "2024-12-16");
  g_assert_true (pcn_post_validate (post, ref_roles, practices, &field, &error));
  g_assert_no_error (error);
  g_assert_true (pcn_post_is_planned (post));

  /* filled: 18 November 2024 → 3 March 2025 = 12 + 31 + 31 + 28 + 2 = 105 days */
  pcn_post_fill (post, holder);
  g_assert_cmpint (pcn_post_get_status (post), ==, PCN_POST_STATUS_IN_POST);
  g_assert_cmpstr (pcn_post_get_status_date (post, PCN_POST_STATUS_IN_POST), ==, "2025-03-03");
  g_assert_cmpint (pcn_post_get_staff_id (post), ==, 42);
  g_assert_cmpint (pcn_post_get_time_to_fill_days (post), ==, 105);
  g_assert_false (pcn_post_is_planned (post));
  g_assert_true (pcn_post_validate (post, ref_roles, practices, &field, &error));

  /* the holder leaves on 20 August 2025: vacant from the 21st */
  pcn_post_mark_vacant (post, "2025-08-20");
  g_assert_cmpint (pcn_post_get_status (post), ==, PCN_POST_STATUS_APPROVED);
  g_assert_cmpint (pcn_post_get_staff_id (post), ==, 0);
  g_assert_cmpstr (pcn_post_get_vacant_since (post), ==, "2025-08-21");
  g_assert_null (pcn_post_get_start_date (post));
  g_assert_cmpint (pcn_post_get_time_to_fill_days (post), ==, -1);
  g_assert_false (pcn_post_is_planned (post));
  g_assert_true (pcn_post_validate (post, ref_roles, practices, &field, &error));

  /* a copy is equal and independent */
  {
    g_autoptr(PcnPost) copy = pcn_post_copy (post);
    g_autofree char *text = pcn_post_dup_practices_text (copy);

    g_assert_cmpstr (text, ==, "Elm Surgery=3; Oak Practice=2");
    g_assert_cmpstr (pcn_post_get_purposes (copy)[1], ==, "SMR");
    g_assert_cmpstr (pcn_post_get_vacant_since (copy), ==, "2025-08-21");
    pcn_post_set_wte (copy, 1000);
    g_assert_cmpint (pcn_post_get_wte (post), ==, 600);
  }

  /* staff with a post not in post is refused */
  pcn_post_set_staff_id (post, 3);
  g_assert_false (pcn_post_validate (post, ref_roles, practices, &field, &error));
  g_assert_cmpstr (field, ==, "staff_id");
  g_clear_error (&error);

  /* enum identifiers */
  g_assert_true (pcn_post_status_parse ("In-Post", &st, NULL));
  g_assert_cmpint (st, ==, PCN_POST_STATUS_IN_POST);
  g_assert_false (pcn_post_status_parse ("hired", &st, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pcn_employer_model_parse ("nhs_trust_subcontract", &model, NULL));
  g_assert_cmpint (model, ==, PCN_EMPLOYER_MODEL_NHS_TRUST_SUBCONTRACT);
  g_assert_cmpstr (pcn_employer_model_to_string (PCN_EMPLOYER_MODEL_VOLUNTARY_SUBCONTRACT), ==,
                   "voluntary_subcontract");
  g_assert_true (pcn_post_funding_parse ("other", &funding, NULL));
  g_assert_cmpint (funding, ==, PCN_POST_FUNDING_OTHER);
  g_assert_cmpstr (pcn_post_status_to_string (PCN_POST_STATUS_WITHDRAWN), ==, "withdrawn");

  /* GObject properties for binding */
  g_object_get (post, "status", &st, NULL);
  g_assert_cmpint (st, ==, PCN_POST_STATUS_APPROVED);
  g_object_get (post, "status-date", &status, NULL);
  g_assert_cmpstr (status, ==, "2024-11-01");
}

static void
on_notify_cb (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;
  (*count)++;
}

static void
test_post_notify (void)
{
  g_autoptr(PcnPost) post = pcn_post_new ();
  guint count = 0;

  g_signal_connect (post, "notify::wte", G_CALLBACK (on_notify_cb), &count);
  pcn_post_set_wte (post, 500);
  pcn_post_set_wte (post, 500);
  g_object_set (post, "wte", 500, NULL);
  g_assert_cmpuint (count, ==, 1);
}

/* Turnover and vacancies */

static void
test_turnover (void)
{
  /* As at 31 March 2025: the 12 months from 1 April 2024.
   *          start        end          in post 1 Apr 24  31 Mar 25  left
   *   A CP   2022-01-01   —            yes               yes        —
   *   B CP   2023-05-01   2024-09-30   yes               no         yes
   *   C CP   2024-10-01   —            no                yes        —
   *   D SPLW 2021-01-01   2025-01-10   yes               no         yes
   *   E SPLW 2020-01-01   —            yes               yes        —
   *   F SPLW 2024-06-01   2024-12-31   no                no         yes
   *   G PT   2019-01-01   2024-03-31   no (left before)  no         no
   * Everyone: 3 leavers ÷ ((4 + 3) ÷ 2 = 3.5) = 85.714…% → 8,571 bp.
   * CP: 1 ÷ ((2 + 2) ÷ 2) = 50% → 5,000 bp.
   * SPLW: 2 ÷ ((2 + 1) ÷ 2 = 1.5) = 133.33…% → 13,333 bp. */
  static const struct {
    const char *role, *start, *end;
  } people[] = {
    { "CP", "2022-01-01", NULL },
    { "CP", "2023-05-01", "2024-09-30" },
    { "CP", "2024-10-01", NULL },
    { "SPLW", "2021-01-01", "2025-01-10" },
    { "SPLW", "2020-01-01", NULL },
    { "SPLW", "2024-06-01", "2024-12-31" },
    { "PT", "2019-01-01", "2024-03-31" },
  };
  g_autoptr(GPtrArray) staff = new_objects ();
  g_autoptr(GPtrArray) t = NULL;
  PcnTurnover *all, *cp, *splw;
  GDate as_at, start;

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    g_ptr_array_add (staff, make_staff (i + 1, "X", people[i].role, 1000, people[i].start,
                                        people[i].end, -1));
  g_assert_true (pcn_date_from_iso ("2025-03-31", &as_at));
  pcn_turnover_period (&as_at, &start);
  g_assert_cmpint (g_date_get_year (&start), ==, 2024);
  g_assert_cmpint (g_date_get_month (&start), ==, 4);
  g_assert_cmpint (g_date_get_day (&start), ==, 1);

  t = pcn_turnover_compute (staff, &as_at);
  g_assert_cmpuint (t->len, ==, 3);  /* everyone, CP, SPLW (PT had no one) */
  all = g_ptr_array_index (t, 0);
  cp = g_ptr_array_index (t, 1);
  splw = g_ptr_array_index (t, 2);

  g_assert_null (all->role_code);
  g_assert_cmpint (all->headcount_start, ==, 4);
  g_assert_cmpint (all->headcount_end, ==, 3);
  g_assert_cmpint (all->leavers, ==, 3);
  g_assert_cmpint (all->rate_bp, ==, 8571);

  g_assert_cmpstr (cp->role_code, ==, "CP");
  g_assert_cmpint (cp->leavers, ==, 1);
  g_assert_cmpint (cp->rate_bp, ==, 5000);

  g_assert_cmpstr (splw->role_code, ==, "SPLW");
  g_assert_cmpint (splw->headcount_start, ==, 2);
  g_assert_cmpint (splw->headcount_end, ==, 1);
  g_assert_cmpint (splw->leavers, ==, 2);
  g_assert_cmpint (splw->rate_bp, ==, 13333);
}

static void
test_vacancies (void)
{
  /* A 0.6 WTE CP post whose holder's last day was 20 August 2024: vacant
   * from 21 August; as at 30 November 2024 that is 11 + 30 + 31 + 30 = 102
   * days, 3 whole months (21 Aug → 21 Nov).
   * Underspend (national CP maximum × 0.6):
   *   August 11/31 at £62,340: £37,404 × 11/31 / 12 = £1,106.0322… → £1,106.03
   *   September at £62,340: £37,404 / 12 = £3,117.00
   *   October at £65,838 (the 1 October rise): £39,502.80 / 12 = £3,291.90
   *   November: £3,291.90
   *   total £10,806.83 */
  g_autoptr(GPtrArray) posts = new_objects ();
  g_autoptr(GPtrArray) vacancies = NULL;
  PcnPost *vacant = make_post (9, "CP east", "CP", 600, "2023-01-01", -1);
  PcnPost *filled = make_post (10, "CP west", "CP", 1000, "2023-01-01", -1);
  PcnVacancy *v;
  GDate as_at;

  pcn_post_set_status (vacant, PCN_POST_STATUS_IN_POST, "2023-01-01");
  pcn_post_set_staff_id (vacant, 5);
  pcn_post_mark_vacant (vacant, "2024-08-20");
  pcn_post_set_status (filled, PCN_POST_STATUS_IN_POST, "2023-01-01");
  g_ptr_array_add (posts, vacant);
  g_ptr_array_add (posts, filled);

  g_assert_true (pcn_date_from_iso ("2024-11-30", &as_at));
  vacancies = pcn_vacancies_compute (posts, ref_rates, ref_rules, PCN_AREA_NATIONAL, &as_at);
  g_assert_cmpuint (vacancies->len, ==, 1);
  v = g_ptr_array_index (vacancies, 0);
  g_assert_cmpint (v->post_id, ==, 9);
  g_assert_cmpstr (v->vacant_since, ==, "2024-08-21");
  g_assert_cmpint (v->days_vacant, ==, 102);
  g_assert_cmpint (v->months_vacant, ==, 3);
  g_assert_cmpint (v->underspend_pence, ==, 1080683);
  g_assert_false (v->no_rate);

  /* A vacant post does not count as planned spend until it has a new
   * expected start. */
  g_assert_false (pcn_post_is_planned (vacant));
  pcn_post_set_start_date (vacant, "2025-01-06");
  g_assert_true (pcn_post_is_planned (vacant));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  load_reference ();

  g_test_add_func ("/ledger/allocation", test_allocation);
  g_test_add_func ("/ledger/rules/parse", test_rules_parse);
  g_test_add_func ("/ledger/month/days-in-post", test_days_in_post);
  g_test_add_func ("/ledger/month/cost", test_month_cost);
  g_test_add_func ("/ledger/year/rate-change", test_rate_change);
  g_test_add_func ("/ledger/year/planned-january", test_planned_january);
  g_test_add_func ("/ledger/year/leaver-and-starter", test_leaver_and_starter);
  g_test_add_func ("/ledger/checks/cap", test_cap_breach);
  g_test_add_func ("/ledger/checks/not-eligible", test_not_eligible);
  g_test_add_func ("/ledger/checks/overrun", test_overrun);
  g_test_add_func ("/ledger/checks/mhp-share", test_mhp_share);
  g_test_add_func ("/ledger/checks/prior-employment", test_prior_employment);
  g_test_add_func ("/ledger/checks/no-rate", test_no_rate);
  g_test_add_func ("/ledger/latest-start", test_latest_start);
  g_test_add_func ("/ledger/uplift", test_uplift);
  g_test_add_func ("/ledger/post/fields", test_post);
  g_test_add_func ("/ledger/post/notify", test_post_notify);
  g_test_add_func ("/ledger/turnover", test_turnover);
  g_test_add_func ("/ledger/vacancies", test_vacancies);

  ret = g_test_run ();

  g_ptr_array_unref (ref_rates);
  g_ptr_array_unref (ref_roles);
  g_ptr_array_unref (ref_rules);
  g_ptr_array_unref (ref_allocation);
  return ret;
}
