/* test-export-claim.c — the claim, back-pay and workforce plan workbooks:
 * read back with openpyxl (export-check.py: values, formulas, formats,
 * cached results; export-claim-check.py: the native charts), and
 * recalculated with LibreOffice headless, whose totals must equal the
 * core's to the penny. The LibreOffice part is skipped when soffice is not
 * installed (Debian: libreoffice-calc-nogui).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <xlsxwriter.h>

#include "pcn-export.h"

#define HYPERLINK_NAME "=HYPERLINK(\"http://x\",\"y\")"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  fixture->dir = g_build_filename (g_get_user_data_dir (), "export", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fixture->dir, 0700), ==, 0);
  fixture->path = g_build_filename (fixture->dir, "book.xlsx", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

/* Runs a helper script: its JSON, or NULL after g_test_skip() when it exits
 * with 77 (openpyxl or soffice missing). */
static JsonObject *
run_script (const char *script_name,
            const char *arg1,
            const char *arg2,
            const char *arg3)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, script_name, NULL);
  const char *python = g_getenv ("PYTHON3");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { python != NULL ? python : "/usr/bin/python3", script, arg1, arg2, arg3,
                         NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    {
      g_test_skip (error->message);
      return NULL;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_autofree char *why = g_strdup_printf ("%s: openpyxl or soffice missing", script_name);

      g_test_skip (why);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", script_name, error->message, err);
  if (g_getenv ("EXPORT_CHECK_DUMP") != NULL)
    g_printerr ("%s\n", out);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
read_back (const char *path)
{
  return run_script ("export-check.py", path, NULL, NULL);
}

/* LibreOffice's recalculated values, sheet → cell → value. */
static JsonObject *
recalculate (const char *path,
             const char *dir)
{
  return run_script ("export-claim-check.py", "recalc", path, dir);
}

static JsonObject *
get_cell (JsonObject *sheet,
          const char *ref)
{
  JsonObject *cells = json_object_get_object_member (sheet, "cells");

  return json_object_has_member (cells, ref) ? json_object_get_object_member (cells, ref) : NULL;
}

static void
assert_text (JsonObject *sheet,
             const char *ref,
             const char *expected)
{
  JsonObject *cell = get_cell (sheet, ref);

  if (cell == NULL)
    g_error ("%s is empty, expected “%s”", ref, expected);
  g_assert_cmpstr (json_object_get_string_member (cell, "data_type"), ==, "s");
  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, expected);
}

static void
assert_number (JsonObject *sheet,
               const char *ref,
               double      expected,
               const char *number_format)
{
  JsonObject *cell = get_cell (sheet, ref);

  if (cell == NULL)
    g_error ("%s is empty, expected %g", ref, expected);
  g_assert_cmpstr (json_object_get_string_member (cell, "data_type"), ==, "n");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cell, "value"), expected, 1e-9);
  if (number_format != NULL)
    g_assert_cmpstr (json_object_get_string_member (cell, "number_format"), ==, number_format);
}

static void
assert_formula (JsonObject *sheet,
                const char *ref,
                const char *formula,
                gint64      cached_pence)
{
  JsonObject *cell = get_cell (sheet, ref);

  if (cell == NULL)
    g_error ("%s is empty, expected %s", ref, formula);
  g_assert_cmpstr (json_object_get_string_member (cell, "data_type"), ==, "f");
  if (formula != NULL)
    g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, formula);
  g_assert_cmpint ((gint64) llround (json_object_get_double_member (cell, "cached") * 100), ==,
                   cached_pence);
}

static void
assert_date (JsonObject *sheet,
             const char *ref,
             const char *iso)
{
  JsonObject *cell = get_cell (sheet, ref);
  g_autofree char *expected = g_strconcat (iso, "T00:00:00", NULL);

  g_assert_nonnull (cell);
  g_assert_cmpstr (json_object_get_string_member (cell, "data_type"), ==, "d");
  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, expected);
}

/* A recalculated money cell, in pence. */
static gint64
recalculated_pence (JsonObject *book,
                    const char *sheet,
                    const char *ref)
{
  JsonObject *cells = json_object_get_object_member (book, sheet);

  if (!json_object_has_member (cells, ref))
    g_error ("%s!%s is empty after recalculation", sheet, ref);
  return (gint64) llround (json_object_get_double_member (cells, ref) * 100);
}

/* Reference data: the CP rate in force in January 2024 (£62,340, national,
 * 1 July 2023 – 31 March 2024) and an MHP rate entered by the user. */
static GPtrArray *
make_rates (void)
{
  GPtrArray *rates = g_ptr_array_new_with_free_func (g_object_unref);
  PcnRate *rate;

  rate = pcn_rate_new ("CP", "national", "2023-07-01", 6234000);
  pcn_rate_set_effective_to (rate, "2024-03-31");
  pcn_rate_set_source (rate, "=Pulse, July 2023");   /* looks like a formula */
  g_ptr_array_add (rates, rate);
  rate = pcn_rate_new ("CP", "national", "2024-04-01", 6234000);
  g_ptr_array_add (rates, rate);
  rate = pcn_rate_new ("MHP", "national", "2023-04-01", 5600000);
  pcn_rate_set_effective_to (rate, "2024-03-31");
  pcn_rate_set_user_entered (rate, TRUE);
  pcn_rate_set_source (rate, "ICB letter");
  g_ptr_array_add (rates, rate);
  return rates;
}

static GPtrArray *
make_roles (void)
{
  GPtrArray *roles = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (roles, pcn_role_new ("CP", "Clinical pharmacist"));
  g_ptr_array_add (roles, pcn_role_new ("MHP", "Mental health practitioner"));
  return roles;
}

/* The MHP 50% share from the shipped rules. */
static GPtrArray *
load_rules (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "data",
                                                 "arrs-reference.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *rules;
  gsize len;

  g_assert_true (g_file_get_contents (path, &text, &len, &error));
  rules = pcn_rules_parse (text, (gssize) len, &error);
  g_assert_no_error (error);
  return rules;
}

static PcnStaff *
make_staff (gint64      id,
            const char *name,
            const char *payroll_id,
            const char *role,
            int         wte,
            const char *start,
            const char *end,
            gint64      salary)
{
  PcnStaff *s = pcn_staff_new ();

  pcn_staff_set_id (s, id);
  pcn_staff_set_name (s, name);
  pcn_staff_set_payroll_id (s, payroll_id);
  pcn_staff_set_role_code (s, role);
  pcn_staff_set_wte (s, wte);
  pcn_staff_set_start_date (s, start);
  pcn_staff_set_end_date (s, end);
  pcn_staff_set_annual_salary (s, salary);
  return s;
}

static void
add_actual (GArray *actuals,
            gint64  id,
            int     month_index,
            gint64  pence)
{
  PcnActualCost a = { id, month_index, pence };

  g_array_append_val (actuals, a);
}

static PcnNetwork *
make_network (void)
{
  PcnNetwork *network = pcn_network_new ();

  pcn_network_set_name (network, "Riverside PCN");
  pcn_network_set_ods_code (network, "U12345");
  return network;
}

/* January 2024 (31 days), with figures as in test-claim.c:
 *   row 12 Asha   CP FT, payroll £6,000        max 519,500  claim 519,500
 *   row 13 =HYP…  CP 0.4, estimate 213,633     max 207,800  claim 207,800
 *   row 14 Cara   CP from the 15th, £3,200     max 284,887  claim 284,887
 *                 (6,234,000 × 17 ÷ 372 = 284,887.10)
 *   row 15 Dev    CP to the 10th, £1,500       max 167,581  claim 150,000
 *                 (62,340,000 ÷ 372 = 167,580.65)
 *   row 16 Ida    MHP 50%, payroll 333,333p    max 466,667  claim 166,667
 *                 (333,333 × 50% = 166,666.5: half a penny up)
 *   row 17 Zed    no rate (role XYZ)           max —        claim 0
 *   row 18 Jo     CP, not claimable            max 519,500  claim 0
 * Total 1,328,854p. */
static PcnClaim *
make_claim (GPtrArray **out_rates,
            GPtrArray **out_staff)
{
  g_autoptr(GPtrArray) roles = make_roles ();
  g_autoptr(GPtrArray) rules = load_rules ();
  g_autoptr(GArray) actuals = g_array_new (FALSE, FALSE, sizeof (PcnActualCost));
  g_autoptr(GError) error = NULL;
  GPtrArray *rates = make_rates ();
  GPtrArray *staff = g_ptr_array_new_with_free_func (g_object_unref);
  PcnClaimInput in;
  PcnStaff *jo;
  PcnClaim *claim;

  g_ptr_array_add (staff, make_staff (1, "Asha", "P001", "CP", 1000, "2020-01-01", NULL, 4500000));
  g_ptr_array_add (staff, make_staff (2, HYPERLINK_NAME, "-007", "CP", 400, "2020-01-01", NULL,
                                      2000000));
  g_ptr_array_add (staff, make_staff (3, "Cara", "P003", "CP", 1000, "2024-01-15", NULL, 4000000));
  g_ptr_array_add (staff, make_staff (4, "Dev", NULL, "CP", 1000, "2020-01-01", "2024-01-10",
                                      4000000));
  g_ptr_array_add (staff, make_staff (5, "Ida", "P005", "MHP", 1000, "2023-05-01", NULL, 4000000));
  g_ptr_array_add (staff, make_staff (6, "Zed", "P006", "XYZ", 1000, "2020-01-01", NULL, 4200000));
  jo = make_staff (7, "Jo", "P007", "CP", 1000, "2020-01-01", NULL, 4000000);
  pcn_staff_set_claimable (jo, FALSE);
  g_ptr_array_add (staff, jo);
  add_actual (actuals, 1, 9, 600000);
  add_actual (actuals, 3, 9, 320000);
  add_actual (actuals, 4, 9, 150000);
  add_actual (actuals, 5, 9, 333333);

  pcn_claim_input_init (&in);
  in.rates = rates;
  in.rules = rules;
  in.roles = roles;
  in.staff = staff;
  in.actuals = actuals;
  in.include_not_claimable = TRUE;
  claim = pcn_claim_compute (&in, 2024, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pcn_claim_get_total_claim (claim), ==, 1328854);
  *out_rates = rates;
  *out_staff = staff;
  return claim;
}

static void
test_claim_workbook (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(PcnClaim) claim = make_claim (&rates, &staff);
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(GError) error = NULL;
  static const gint64 max[] = { 519500, 207800, 284887, 167581, 466667, 0, 519500 };
  static const gint64 claimed[] = { 519500, 207800, 284887, 150000, 166667, 0, 0 };
  JsonObject *sheet, *rates_sheet;
  JsonArray *sheets;

  g_assert_true (pcn_export_claim (fixture->path, network, claim, 80000000, 2500000, &error));
  g_assert_no_error (error);

  book = read_back (fixture->path);
  if (book == NULL)
    return;
  sheets = json_object_get_array_member (book, "sheets");
  g_assert_cmpuint (json_array_get_length (sheets), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (sheets, 0), ==, "Claim");
  g_assert_cmpstr (json_array_get_string_element (sheets, 1), ==, "Rates used");
  sheet = json_object_get_object_member (book, "Claim");

  /* Header block */
  assert_text (sheet, "A1", "Riverside PCN — ARRS claim for January 2024");
  assert_text (sheet, "C2", "U12345");
  assert_date (sheet, "C3", "2024-01-01");
  assert_text (sheet, "C4", "2023/24");
  assert_number (sheet, "C5", 800000, NULL);
  assert_number (sheet, "C6", 25000, NULL);
  assert_formula (sheet, "C7", "=L19", 1328854);
  assert_formula (sheet, "C8", "=C5-C6-C7", 80000000 - 2500000 - 1328854);
  g_assert_nonnull (strstr (json_object_get_string_member (get_cell (sheet, "C5"), "number_format"),
                            "£"));

  /* Table */
  {
    static const char * const titles[] = {
      "Name", "Payroll ID", "Role", "WTE", "Days in post", "Days in month", "Annual maximum",
      "Actual cost", "Estimate", "ARRS share", "Maximum", "Claim", "Warnings",
    };

    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        char ref[8];

        g_snprintf (ref, sizeof ref, "%c11", 'A' + i);
        assert_text (sheet, ref, titles[i]);
        g_assert_true (json_object_get_boolean_member (get_cell (sheet, ref), "bold"));
      }
  }
  assert_text (sheet, "A12", "Asha");
  assert_text (sheet, "B12", "P001");
  assert_text (sheet, "C12", "Clinical pharmacist");
  assert_number (sheet, "D12", 1, "0.0##");
  assert_number (sheet, "E12", 31, NULL);
  assert_number (sheet, "F12", 31, NULL);
  assert_number (sheet, "G12", 62340, NULL);
  assert_number (sheet, "H12", 6000, NULL);
  assert_text (sheet, "I12", "No");
  assert_number (sheet, "J12", 1, "0%");
  assert_formula (sheet, "K12", "=ROUND(ROUND(G12*100,0)*ROUND(D12*1000,0)*E12/(F12*12000),0)/100",
                  519500);
  assert_formula (sheet, "L12", "=ROUND(ROUND(MIN(H12,K12)*100,0)*ROUND(J12*100,0)/100,0)/100",
                  519500);
  /* Formula-looking text stays text */
  assert_text (sheet, "A13", HYPERLINK_NAME);
  assert_text (sheet, "B13", "-007");
  assert_number (sheet, "D13", 0.4, NULL);
  assert_text (sheet, "I13", "Yes");
  g_assert_nonnull (strstr (json_object_get_string_member (get_cell (sheet, "M13"), "value"),
                            "estimated"));
  assert_number (sheet, "E14", 17, NULL);
  assert_number (sheet, "E15", 10, NULL);
  g_assert_null (get_cell (sheet, "B15"));
  assert_number (sheet, "J16", 0.5, "0%");
  /* No rate: the annual maximum is empty, the maximum comes to 0 */
  g_assert_null (get_cell (sheet, "G17"));
  g_assert_nonnull (strstr (json_object_get_string_member (get_cell (sheet, "M17"), "value"),
                            "No maximum known"));
  /* Not claimable: 0, as a value */
  assert_number (sheet, "L18", 0, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (max); i++)
    {
      char ref[8];

      g_snprintf (ref, sizeof ref, "K%u", 12 + i);
      assert_formula (sheet, ref, NULL, max[i]);
      g_snprintf (ref, sizeof ref, "L%u", 12 + i);
      if (i != 6)
        assert_formula (sheet, ref, NULL, claimed[i]);
    }

  /* Totals */
  assert_text (sheet, "A19", "Total");
  assert_formula (sheet, "L19", "=SUM(L12:L18)", 1328854);
  assert_formula (sheet, "K19", "=SUM(K12:K18)", pcn_claim_get_total_max (claim));
  assert_formula (sheet, "H19", "=SUM(H12:H18)", pcn_claim_get_total_actual (claim));
  g_assert_true (json_object_get_boolean_member (get_cell (sheet, "L19"), "bold"));

  /* Sign-off */
  assert_text (sheet, "A24", "Prepared by");
  assert_text (sheet, "A26", "Clinical director");
  assert_text (sheet, "H24", "Date");

  /* Set-up */
  g_assert_cmpstr (json_object_get_string_member (sheet, "freeze_panes"), ==, "B12");
  g_assert_cmpstr (json_object_get_string_member (sheet, "auto_filter"), ==, "A11:M18");
  g_assert_cmpstr (json_object_get_string_member (sheet, "orientation"), ==, "landscape");
  g_assert_true (json_object_get_boolean_member (sheet, "fit_to_page"));
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_width"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_height"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (sheet, "print_title_rows"), ==, "$11:$11");
  g_assert_cmpstr (json_object_get_string_member (sheet, "footer"), ==, "Page &P of &N");

  /* Rates used: the CP and MHP rates, once each */
  rates_sheet = json_object_get_object_member (book, "Rates used");
  assert_text (rates_sheet, "A3", "Role");
  assert_text (rates_sheet, "A4", "Clinical pharmacist");
  assert_text (rates_sheet, "B4", "CP");
  assert_text (rates_sheet, "C4", "National (outside London)");
  assert_date (rates_sheet, "D4", "2023-07-01");
  assert_date (rates_sheet, "E4", "2024-03-31");
  assert_number (rates_sheet, "F4", 62340, NULL);
  assert_text (rates_sheet, "G4", "No");
  assert_text (rates_sheet, "H4", "=Pulse, July 2023");
  assert_text (rates_sheet, "A5", "Mental health practitioner");
  assert_text (rates_sheet, "G5", "Yes");
  g_assert_null (get_cell (rates_sheet, "A6"));
  g_assert_cmpstr (json_object_get_string_member (rates_sheet, "auto_filter"), ==, "A3:I5");
}

/* A formula whose cached result is wrong: if LibreOffice gives 2, it
 * recalculated on load rather than trusting the cache. */
static void
write_control (const char *path)
{
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Control");

  worksheet_write_formula_num (ws, 0, 0, "=1+1", NULL, 0);
  g_assert_cmpint (workbook_close (wb), ==, LXW_NO_ERROR);
}

static void
test_claim_recalculated (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(PcnClaim) claim = make_claim (&rates, &staff);
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(JsonObject) control = NULL;
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *control_path = g_build_filename (fixture->dir, "control.xlsx", NULL);
  g_autofree char *work = g_build_filename (fixture->dir, "lo", NULL);
  GPtrArray *lines = pcn_claim_get_lines (claim);

  write_control (control_path);
  control = recalculate (control_path, work);
  if (control == NULL)
    return;
  g_assert_cmpint (recalculated_pence (control, "Control", "A1"), ==, 200);

  g_assert_true (pcn_export_claim (fixture->path, network, claim, 80000000, 2500000, &error));
  g_assert_no_error (error);
  book = recalculate (fixture->path, work);
  g_assert_nonnull (book);

  /* Every line, the total and the header: exactly the core's pence. */
  for (guint i = 0; i < lines->len; i++)
    {
      const PcnClaimLine *line = g_ptr_array_index (lines, i);
      char ref[8];

      g_snprintf (ref, sizeof ref, "K%u", 12 + i);
      g_assert_cmpint (recalculated_pence (book, "Claim", ref), ==, MAX (line->max_pence, 0));
      g_snprintf (ref, sizeof ref, "L%u", 12 + i);
      g_assert_cmpint (recalculated_pence (book, "Claim", ref), ==, line->claim_pence);
    }
  g_assert_cmpint (recalculated_pence (book, "Claim", "L19"), ==, pcn_claim_get_total_claim (claim));
  g_assert_cmpint (recalculated_pence (book, "Claim", "K19"), ==, pcn_claim_get_total_max (claim));
  g_assert_cmpint (recalculated_pence (book, "Claim", "C7"), ==, pcn_claim_get_total_claim (claim));
  g_assert_cmpint (recalculated_pence (book, "Claim", "C8"), ==,
                   80000000 - 2500000 - pcn_claim_get_total_claim (claim));
}

static void
test_claim_empty (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rates = make_rates ();
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(PcnClaim) claim = NULL;
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *sheet;
  PcnClaimInput in;

  pcn_claim_input_init (&in);
  in.rates = rates;
  claim = pcn_claim_compute (&in, 2024, 1, &error);
  g_assert_no_error (error);
  /* Allocation not known */
  g_assert_true (pcn_export_claim (fixture->path, network, claim, -1, 0, &error));
  g_assert_no_error (error);
  book = read_back (fixture->path);
  if (book == NULL)
    return;
  sheet = json_object_get_object_member (book, "Claim");
  assert_text (sheet, "C5", "Not known");
  assert_text (sheet, "C8", "Not known");
  assert_number (sheet, "L12", 0, NULL);
  g_assert_cmpstr (json_object_get_string_member (sheet, "auto_filter"), ==, "A11:M11");
}

static void
test_claim_failure (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(PcnClaim) claim = make_claim (&rates, &staff);
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "claim.xlsx", NULL);

  g_assert_false (pcn_export_claim (path, network, claim, -1, 0, &error));
  g_assert_error (error, PCN_EXPORT_ERROR, PCN_EXPORT_ERROR_IO);
}

/* The back-pay of test-claim.c: CP £66,972 → £68,000 from 1 April 2025,
 * April to July; 5 × 8,567p + 4,569p = 47,404p. */
static void
test_backpay_workbook (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GPtrArray) old_rates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) new_rates = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_claim_month_free);
  g_autoptr(GArray) actuals = g_array_new (FALSE, FALSE, sizeof (PcnActualCost));
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(PcnBackpay) backpay = NULL;
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(JsonObject) recalculated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *work = g_build_filename (fixture->dir, "lo", NULL);
  JsonObject *sheet;
  PcnClaimInput in;

  g_ptr_array_add (old_rates, pcn_rate_new ("CP", "national", "2025-04-01", 6697200));
  g_ptr_array_add (new_rates, pcn_rate_new ("CP", "national", "2025-04-01", 6800000));
  g_ptr_array_add (staff, make_staff (1, "Mo", "P001", "CP", 1000, "2022-01-01", NULL, 5000000));
  g_ptr_array_add (staff, make_staff (2, "Ola", "P002", "CP", 400, "2022-01-01", NULL, 2000000));
  g_ptr_array_add (staff, make_staff (3, "@Nia", "+44", "CP", 1000, "2025-06-15", NULL, 5000000));
  for (int m = 0; m < 4; m++)
    {
      add_actual (actuals, 1, m, 700000);
      add_actual (actuals, 3, m, 700000);
    }
  for (int m = 4; m <= 7; m++)
    g_ptr_array_add (months, pcn_claim_month_new (2025, m));

  pcn_claim_input_init (&in);
  in.staff = staff;
  in.actuals = actuals;
  backpay = pcn_claim_backpay (&in, old_rates, new_rates, months, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pcn_backpay_get_total_difference (backpay), ==, 47404);

  g_assert_true (pcn_export_backpay (fixture->path, network, backpay,
                                     "CP maximum corrected from 1 April 2025", &error));
  g_assert_no_error (error);
  book = read_back (fixture->path);
  if (book == NULL)
    return;
  sheet = json_object_get_object_member (book, "Back pay");
  assert_text (sheet, "A1", "Riverside PCN — ARRS back-pay claim");
  assert_text (sheet, "C3", "April 2025 to July 2025");
  assert_text (sheet, "C4", "CP maximum corrected from 1 April 2025");
  assert_text (sheet, "A7", "Name");
  assert_text (sheet, "K7", "Difference");
  /* Mo, April */
  assert_text (sheet, "A8", "Mo");
  assert_date (sheet, "D8", "2025-04-01");
  assert_number (sheet, "G8", 66972, NULL);
  assert_number (sheet, "H8", 68000, NULL);
  assert_number (sheet, "I8", 5581, NULL);
  assert_number (sheet, "J8", 5666.67, NULL);
  assert_formula (sheet, "K8", "=ROUND((J8-I8)*100,0)/100", 8567);
  /* Nia, June: 16 days */
  assert_text (sheet, "A11", "@Nia");
  assert_text (sheet, "B11", "+44");
  assert_number (sheet, "F11", 16, NULL);
  assert_formula (sheet, "K11", NULL, 4569);
  /* Totals */
  assert_formula (sheet, "I14", "=SUM(I8:I13)", pcn_backpay_get_total_claimed (backpay));
  assert_formula (sheet, "J14", "=SUM(J8:J13)", pcn_backpay_get_total_claimable (backpay));
  assert_formula (sheet, "K14", "=SUM(K8:K13)", 47404);
  assert_text (sheet, "A16", "Prepared by");
  g_assert_cmpstr (json_object_get_string_member (sheet, "freeze_panes"), ==, "B8");
  g_assert_cmpstr (json_object_get_string_member (sheet, "auto_filter"), ==, "A7:K13");
  g_assert_cmpstr (json_object_get_string_member (sheet, "print_title_rows"), ==, "$7:$7");

  recalculated = recalculate (fixture->path, work);
  if (recalculated == NULL)
    return;
  g_assert_cmpint (recalculated_pence (recalculated, "Back pay", "K14"), ==, 47404);
  g_assert_cmpint (recalculated_pence (recalculated, "Back pay", "K11"), ==, 4569);
}

static void
test_plan_workbook (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GPtrArray) rates = make_rates ();
  g_autoptr(GPtrArray) roles = make_roles ();
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(PcnLedger) ledger = NULL;
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(JsonObject) charts = NULL;
  g_autoptr(JsonObject) recalculated = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *work = g_build_filename (fixture->dir, "lo", NULL);
  PcnLedgerInput in;
  PcnPost *post;
  PcnStaff *s;
  JsonObject *plan, *sheet;
  JsonArray *kinds;

  s = make_staff (1, "Asha", "P001", "CP", 1000, "2020-01-01", NULL, 4500000);
  pcn_staff_set_role_name (s, "Clinical pharmacist");
  g_ptr_array_add (staff, s);
  /* Leaves at the end of September */
  s = make_staff (2, "Ben", "P002", "CP", 600, "2020-01-01", "2024-09-30", 2500000);
  pcn_staff_set_role_name (s, "Clinical pharmacist");
  g_ptr_array_add (staff, s);
  /* A planned CP post from 1 October, 0.8 WTE at the maximum */
  post = pcn_post_new ();
  pcn_post_set_id (post, 1);
  pcn_post_set_role_code (post, "CP");
  pcn_post_set_wte (post, 800);
  pcn_post_set_start_date (post, "2024-10-01");
  pcn_post_set_status (post, PCN_POST_STATUS_APPROVED, "2024-03-01");
  g_ptr_array_add (posts, post);

  pcn_ledger_input_init (&in, 2024);
  in.allocation_pence = 15000000;
  in.rates = rates;
  in.roles = roles;
  in.staff = staff;
  in.posts = posts;
  ledger = pcn_ledger_compute (&in);

  g_assert_true (pcn_export_plan (fixture->path, network, ledger, staff, posts, &error));
  g_assert_no_error (error);

  book = read_back (fixture->path);
  if (book == NULL)
    return;
  plan = json_object_get_object_member (book, "Plan");
  assert_text (plan, "A1", "Riverside PCN — ARRS workforce plan 2024/25");
  assert_text (plan, "B3", "2024/25");
  assert_number (plan, "B4", 150000, NULL);
  assert_formula (plan, "B5", "='Monthly ledger'!D14", pcn_ledger_get_forecast (ledger));
  assert_formula (plan, "B6", "=B4-B5", pcn_ledger_get_headroom (ledger));
  assert_text (plan, "A10", "Role");
  assert_text (plan, "C9", "Q1 (to 30 June)");
  assert_text (plan, "C10", "WTE in post");
  assert_text (plan, "D10", "WTE planned");
  /* CP: 1.6 on 1 April and at the end of Q1; Ben gone by the end of Q2's
   * last day? He leaves on 30 September, so still in post then; gone by
   * 31 December, when the planned post counts. */
  assert_text (plan, "A11", "Clinical pharmacist");
  assert_number (plan, "B11", 1.6, NULL);
  assert_number (plan, "C11", 1.6, NULL);
  assert_number (plan, "D11", 0, NULL);
  assert_number (plan, "E11", 1.6, NULL);
  assert_number (plan, "G11", 1.0, NULL);
  assert_number (plan, "H11", 0.8, NULL);
  assert_number (plan, "J11", 0.8, NULL);
  assert_formula (plan, "J12", "=SUM(J11)", 80);
  assert_formula (plan, "K12", "=SUM(K11)", pcn_ledger_get_forecast (ledger));

  sheet = json_object_get_object_member (book, "Monthly ledger");
  assert_text (sheet, "A1", "Month");
  assert_date (sheet, "A2", "2024-04-01");
  assert_formula (sheet, "D2", "=B2+C2", pcn_ledger_get_month (ledger, 0)->total_pence);
  assert_formula (sheet, "E3", "=E2+D3", pcn_ledger_get_month (ledger, 1)->cumulative_pence);
  assert_formula (sheet, "E13", NULL, pcn_ledger_get_forecast (ledger));
  assert_number (sheet, "F13", 150000, NULL);
  assert_formula (sheet, "D14", "=SUM(D2:D13)", pcn_ledger_get_forecast (ledger));

  /* Two native charts on the ledger sheet */
  charts = run_script ("export-claim-check.py", "charts", fixture->path, NULL);
  g_assert_nonnull (charts);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (charts, "chart_parts")),
                    ==, 2);
  kinds = json_object_get_array_member (charts, "kinds");
  g_assert_cmpuint (json_array_get_length (kinds), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (kinds, 0), ==, "barChart");
  g_assert_cmpstr (json_array_get_string_element (kinds, 1), ==, "lineChart");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (charts, "per_sheet"),
                                               "Monthly ledger"), ==, 2);

  recalculated = recalculate (fixture->path, work);
  if (recalculated == NULL)
    return;
  g_assert_cmpint (recalculated_pence (recalculated, "Monthly ledger", "D14"), ==,
                   pcn_ledger_get_forecast (ledger));
  g_assert_cmpint (recalculated_pence (recalculated, "Plan", "B6"), ==,
                   pcn_ledger_get_headroom (ledger));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/export/claim/contents", test_claim_workbook);
  ADD ("/export/claim/recalculated", test_claim_recalculated);
  ADD ("/export/claim/empty", test_claim_empty);
  ADD ("/export/claim/failure", test_claim_failure);
  ADD ("/export/backpay/contents", test_backpay_workbook);
  ADD ("/export/plan/contents", test_plan_workbook);

#undef ADD

  return g_test_run ();
}
