/* test-core.c — values, staff validation and rate look-up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pcn-core.h"

static void
test_date_parse (void)
{
  static const struct {
    const char *text;
    const char *iso;   /* NULL: refused */
  } cases[] = {
    { "2026-04-01", "2026-04-01" },
    { "01/04/2026", "2026-04-01" },
    { " 29/02/2024 ", "2024-02-29" },
    { "31/02/2026", NULL },
    { "29/02/2025", NULL },
    { "2026-13-01", NULL },
    { "2026-4-1", NULL },
    { "1/4/2026", NULL },
    { "04/01/26", NULL },
    { "", NULL },
    { "tomorrow", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate d;
      gboolean ok = pcn_date_parse (cases[i].text, &d, &error);

      if (cases[i].iso)
        {
          g_autofree char *iso = NULL;
          g_assert_no_error (error);
          g_assert_true (ok);
          iso = pcn_date_to_iso (&d);
          g_assert_cmpstr (iso, ==, cases[i].iso);
        }
      else
        {
          g_assert_false (ok);
          g_assert_error (error, PCN_CORE_ERROR, *cases[i].text ? PCN_CORE_ERROR_INVALID
                                                                : PCN_CORE_ERROR_REQUIRED);
        }
    }
}

static void
test_financial_year (void)
{
  GDate d, first, last;
  g_autofree char *name = pcn_financial_year_name (2026);
  g_autofree char *name99 = pcn_financial_year_name (2099);
  int y = 0;

  g_assert_cmpstr (name, ==, "2026/27");
  g_assert_cmpstr (name99, ==, "2099/00");

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 31, G_DATE_MARCH, 2027);
  g_assert_cmpint (pcn_financial_year_of (&d), ==, 2026);
  g_date_set_dmy (&d, 1, G_DATE_APRIL, 2027);
  g_assert_cmpint (pcn_financial_year_of (&d), ==, 2027);

  pcn_financial_year_bounds (2024, &first, &last);
  g_assert_cmpint (g_date_days_between (&first, &last), ==, 364);  /* 2025 is not leap */
  pcn_financial_year_bounds (2023, &first, &last);
  g_assert_cmpint (g_date_days_between (&first, &last), ==, 365);  /* Feb 2024 is */

  g_assert_true (pcn_financial_year_parse ("2026", &y, NULL));
  g_assert_cmpint (y, ==, 2026);
  g_assert_true (pcn_financial_year_parse ("2025/26", &y, NULL));
  g_assert_cmpint (y, ==, 2025);
  g_assert_false (pcn_financial_year_parse ("2025/27", &y, NULL));
  g_assert_false (pcn_financial_year_parse ("26", &y, NULL));
}

static void
test_money (void)
{
  static const struct {
    const char *text;
    gint64 pence;  /* -1: refused */
  } cases[] = {
    { "1234.5", 123450 },
    { "£1,234.50", 123450 },
    { "65838", 6583800 },
    { "0.01", 1 },
    { ".5", 50 },
    { "798,930", 79893000 },
    { "1.234", -1 },
    { "-5", -1 },
    { "12x", -1 },
    { "", -1 },
    { "£", -1 },
    { ",100", -1 },
    { "1.2.3", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 p = -7;
      gboolean ok = pcn_money_parse (cases[i].text, &p, NULL);

      g_assert_cmpint (ok, ==, cases[i].pence >= 0);
      g_assert_cmpint (p, ==, ok ? cases[i].pence : -7);
    }

  {
    g_autofree char *a = pcn_money_format (6583800);
    g_autofree char *b = pcn_money_format (5);
    g_autofree char *c = pcn_money_format (123456789);
    g_autofree char *d = pcn_money_format_plain (-150);
    g_assert_cmpstr (a, ==, "£65,838.00");
    g_assert_cmpstr (b, ==, "£0.05");
    g_assert_cmpstr (c, ==, "£1,234,567.89");
    g_assert_cmpstr (d, ==, "-1.50");
  }
}

static void
test_wte (void)
{
  static const struct {
    const char *text;
    int milli;  /* -1: refused */
  } cases[] = {
    { "1", 1000 }, { "1.0", 1000 }, { "0.6", 600 }, { "0.125", 125 }, { ".4", 400 },
    { "0", -1 }, { "1.5", -1 }, { "abc", -1 }, { "0.0001", -1 }, { "", -1 }, { "-0.5", -1 },
    { "1.001", -1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int m = -7;
      gboolean ok = pcn_wte_parse (cases[i].text, &m, NULL);
      g_assert_cmpint (ok, ==, cases[i].milli >= 0);
      g_assert_cmpint (m, ==, ok ? cases[i].milli : -7);
    }

  {
    g_autofree char *a = pcn_wte_format (600);
    g_autofree char *b = pcn_wte_format (1000);
    g_autofree char *c = pcn_wte_format (125);
    g_autofree char *d = pcn_wte_format (750);
    g_assert_cmpstr (a, ==, "0.6");
    g_assert_cmpstr (b, ==, "1.0");
    g_assert_cmpstr (c, ==, "0.125");
    g_assert_cmpstr (d, ==, "0.75");
  }
}

static void
test_area_ods_formula (void)
{
  PcnArea a;
  g_autofree char *code = NULL;

  g_assert_true (pcn_area_parse ("outer_london", &a, NULL));
  g_assert_cmpint (a, ==, PCN_AREA_OUTER_LONDON);
  g_assert_true (pcn_area_parse ("Inner-London", &a, NULL));
  g_assert_cmpint (a, ==, PCN_AREA_INNER_LONDON);
  g_assert_false (pcn_area_parse ("london", &a, NULL));
  g_assert_true (pcn_rate_area_is_valid ("london"));

  g_assert_true (pcn_ods_code_normalize (" u12345 ", &code, NULL));
  g_assert_cmpstr (code, ==, "U12345");
  g_assert_false (pcn_ods_code_normalize ("U1-2345", &code, NULL));

  g_assert_true (pcn_text_looks_like_formula ("=HYPERLINK(\"http://x\",\"y\")"));
  g_assert_true (pcn_text_looks_like_formula ("+44 20"));
  g_assert_false (pcn_text_looks_like_formula ("Jane = Smith"));
}

static GPtrArray *
make_roles (void)
{
  GPtrArray *roles = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (roles, pcn_role_new ("CP", "Clinical pharmacist"));
  g_ptr_array_add (roles, pcn_role_new ("SPLW", "Social prescribing link worker"));
  g_ptr_array_add (roles, pcn_role_new ("GP", "General practitioner"));
  return roles;
}

static PcnStaff *
make_good_staff (void)
{
  PcnStaff *s = pcn_staff_new ();
  g_autoptr(GPtrArray) sessions = pcn_sessions_parse ("Riverside Surgery=4; Hill Practice", NULL);

  pcn_staff_set_name (s, "Priya Shah");
  pcn_staff_set_role_code (s, "CP");
  pcn_staff_set_start_date (s, "2025-09-15");
  pcn_staff_set_wte (s, 600);
  pcn_staff_set_sessions (s, sessions);
  return s;
}

static void
test_sessions (void)
{
  g_autoptr(GPtrArray) s = pcn_sessions_parse ("A=2; B ;C = 10", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) bad = NULL;

  g_assert_cmpuint (s->len, ==, 3);
  g_assert_cmpint (((PcnSession *) s->pdata[0])->sessions, ==, 2);
  g_assert_cmpint (((PcnSession *) s->pdata[1])->sessions, ==, -1);
  g_assert_cmpstr (((PcnSession *) s->pdata[2])->practice, ==, "C");
  text = pcn_sessions_format (s);
  g_assert_cmpstr (text, ==, "A=2; B; C=10");

  bad = pcn_sessions_parse ("A=11", &error);
  g_assert_null (bad);
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  bad = pcn_sessions_parse ("A;a", &error);
  g_assert_null (bad);
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_DUPLICATE);
}

static void
test_staff_validate (void)
{
  g_autoptr(GPtrArray) roles = make_roles ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new ();
  static const struct {
    const char *field;
    const char *value;
    const char *bad_field;   /* NULL: valid */
  } cases[] = {
    { "name", "", "name" },
    { "name", "Line\nbreak", "name" },
    { "name", "=HYPERLINK(\"http://x\",\"y\")", NULL },
    { "role", "XYZ", "role" },
    { "role", "Clinical pharmacist", NULL },
    { "end", "2025-09-14", "end_date" },
    { "end", "2025-09-15", NULL },
    { "reason-only", "Relocated", "leaving_reason" },
    { "practice", "Elsewhere", "practices" },
  };

  g_ptr_array_add (practices, (gpointer) "Riverside Surgery");
  g_ptr_array_add (practices, (gpointer) "Hill Practice");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PcnStaff) s = make_good_staff ();
      g_autoptr(GError) error = NULL;
      const char *field = NULL;
      gboolean ok;

      if (g_str_equal (cases[i].field, "name"))
        pcn_staff_set_name (s, cases[i].value);
      else if (g_str_equal (cases[i].field, "role"))
        pcn_staff_set_role_code (s, cases[i].value);
      else if (g_str_equal (cases[i].field, "end"))
        pcn_staff_set_end_date (s, cases[i].value);
      else if (g_str_equal (cases[i].field, "reason-only"))
        pcn_staff_set_leaving_reason (s, cases[i].value);
      else if (g_str_equal (cases[i].field, "practice"))
        {
          g_autoptr(GPtrArray) ss = pcn_sessions_parse (cases[i].value, NULL);
          pcn_staff_set_sessions (s, ss);
        }

      ok = pcn_staff_validate (s, roles, practices, &field, &error);
      if (cases[i].bad_field == NULL)
        {
          g_assert_no_error (error);
          g_assert_true (ok);
        }
      else
        {
          g_assert_false (ok);
          g_assert_nonnull (error);
          g_assert_cmpstr (field, ==, cases[i].bad_field);
        }
    }

  /* WTE out of range */
  {
    g_autoptr(PcnStaff) s = make_good_staff ();
    const char *field = NULL;

    pcn_staff_set_wte (s, 0);
    g_assert_false (pcn_staff_validate (s, roles, practices, &field, NULL));
    g_assert_cmpstr (field, ==, "wte");
  }
}

static void
test_staff_status (void)
{
  g_autoptr(PcnStaff) s = make_good_staff ();
  GDate d;

  pcn_date_parse ("2025-09-14", &d, NULL);
  g_assert_cmpint (pcn_staff_get_status (s, &d), ==, PCN_STAFF_STATUS_STARTING);
  pcn_date_parse ("2025-09-15", &d, NULL);
  g_assert_cmpint (pcn_staff_get_status (s, &d), ==, PCN_STAFF_STATUS_IN_POST);

  pcn_staff_set_end_date (s, "2026-03-31");
  pcn_date_parse ("2026-03-31", &d, NULL);
  g_assert_cmpint (pcn_staff_get_status (s, &d), ==, PCN_STAFF_STATUS_IN_POST);
  pcn_date_parse ("2026-04-01", &d, NULL);
  g_assert_cmpint (pcn_staff_get_status (s, &d), ==, PCN_STAFF_STATUS_LEFT);
}

static void
test_staff_leaver (void)
{
  g_autoptr(PcnStaff) s = make_good_staff ();
  const char *field = NULL;

  g_assert_false (pcn_staff_validate_leaver (s, "2025-09-01", "Relocated", &field, NULL));
  g_assert_cmpstr (field, ==, "end_date");
  g_assert_false (pcn_staff_validate_leaver (s, "2026-01-31", "", &field, NULL));
  g_assert_cmpstr (field, ==, "leaving_reason");
  g_assert_false (pcn_staff_validate_leaver (s, "31/02/2026", "Relocated", &field, NULL));
  g_assert_cmpstr (field, ==, "end_date");
  g_assert_true (pcn_staff_validate_leaver (s, "31/01/2026", "Relocated", &field, NULL));
  /* validation never changes the person */
  g_assert_null (pcn_staff_get_end_date (s));
}

static PcnRate *
rate (const char *role,
      const char *area,
      const char *from,
      const char *to,
      gint64      pence,
      gboolean    user)
{
  PcnRate *r = pcn_rate_new (role, area, from, pence);

  pcn_rate_set_effective_to (r, to);
  pcn_rate_set_user_entered (r, user);
  return r;
}

static gint64
find (GPtrArray  *rates,
      const char *role,
      PcnArea     area,
      const char *date)
{
  GDate d;
  PcnRate *r;

  g_assert_true (pcn_date_parse (date, &d, NULL));
  r = pcn_rates_find (rates, role, area, &d);
  return r ? pcn_rate_get_annual (r) : -1;
}

static void
test_rates_find (void)
{
  g_autoptr(GPtrArray) rates = g_ptr_array_new_with_free_func (g_object_unref);

  /* figures from ../shared/domain/arrs-rate-variants.csv */
  g_ptr_array_add (rates, rate ("CP", "national", "2024-04-01", "2024-09-30", 6234000, FALSE));
  g_ptr_array_add (rates, rate ("CP", "national", "2024-10-01", "2025-03-31", 6583800, FALSE));
  g_ptr_array_add (rates, rate ("CP", "outer-london", "2024-10-01", "2025-03-31", 7318900, FALSE));
  g_ptr_array_add (rates, rate ("CP", "national", "2025-04-01", "2026-03-31", 6697200, FALSE));
  g_ptr_array_add (rates, rate ("GP", "london", "2024-10-01", "2025-03-31", 9523300, FALSE));

  g_assert_cmpint (find (rates, "CP", PCN_AREA_NATIONAL, "2024-09-30"), ==, 6234000);
  g_assert_cmpint (find (rates, "CP", PCN_AREA_NATIONAL, "2024-10-01"), ==, 6583800);
  g_assert_cmpint (find (rates, "CP", PCN_AREA_OUTER_LONDON, "2024-10-01"), ==, 7318900);
  /* no inner London figure given and never the national one */
  g_assert_cmpint (find (rates, "CP", PCN_AREA_INNER_LONDON, "2024-10-01"), ==, -1);
  g_assert_cmpint (find (rates, "GP", PCN_AREA_INNER_LONDON, "2024-12-01"), ==, 9523300);
  /* before any figure, after the last period ends: no rate known */
  g_assert_cmpint (find (rates, "CP", PCN_AREA_NATIONAL, "2024-03-31"), ==, -1);
  g_assert_cmpint (find (rates, "CP", PCN_AREA_NATIONAL, "2026-04-01"), ==, -1);
  g_assert_cmpint (find (rates, "SPLW", PCN_AREA_NATIONAL, "2025-06-01"), ==, -1);

  /* a user correction from the same date wins; a user rate is open-ended */
  g_ptr_array_add (rates, rate ("CP", "national", "2025-04-01", NULL, 7000000, TRUE));
  g_assert_cmpint (find (rates, "CP", PCN_AREA_NATIONAL, "2025-06-01"), ==, 7000000);
  g_assert_cmpint (find (rates, "CP", PCN_AREA_NATIONAL, "2026-06-01"), ==, 7000000);
}

static void
test_rate_validate (void)
{
  g_autoptr(GPtrArray) roles = make_roles ();
  g_autoptr(PcnRate) good = rate ("CP", "national", "2026-04-01", NULL, 6900000, TRUE);
  g_autoptr(PcnRate) zero = rate ("CP", "national", "2026-04-01", NULL, 0, TRUE);
  g_autoptr(PcnRate) area = rate ("CP", "wales", "2026-04-01", NULL, 100, TRUE);
  g_autoptr(PcnRate) role = rate ("ZZ", "national", "2026-04-01", NULL, 100, TRUE);
  g_autoptr(PcnRate) to = rate ("CP", "national", "2026-04-01", "2026-03-01", 100, TRUE);
  const char *field = NULL;

  g_assert_true (pcn_rate_validate (good, roles, &field, NULL));
  g_assert_false (pcn_rate_validate (zero, roles, &field, NULL));
  g_assert_cmpstr (field, ==, "annual");
  g_assert_false (pcn_rate_validate (area, roles, &field, NULL));
  g_assert_cmpstr (field, ==, "area");
  g_assert_false (pcn_rate_validate (role, roles, &field, NULL));
  g_assert_cmpstr (field, ==, "role");
  g_assert_false (pcn_rate_validate (to, roles, &field, NULL));
  g_assert_cmpstr (field, ==, "to");
}

static void
test_roles_find (void)
{
  g_autoptr(GPtrArray) roles = make_roles ();

  g_assert_cmpstr (pcn_role_get_code (pcn_roles_find (roles, "cp")), ==, "CP");
  g_assert_cmpstr (pcn_role_get_code (pcn_roles_find (roles, "SOCIAL prescribing link worker")),
                   ==, "SPLW");
  g_assert_null (pcn_roles_find (roles, "Pharmacist"));
}

static void
test_network_validate (void)
{
  g_autoptr(PcnNetwork) n = pcn_network_new ();
  g_autoptr(PcnPractice) p = pcn_practice_new ("A;B");
  const char *field = NULL;

  g_assert_false (pcn_network_validate (n, &field, NULL));
  g_assert_cmpstr (field, ==, "name");
  pcn_network_set_name (n, "Riverside PCN");
  g_assert_false (pcn_network_validate (n, &field, NULL));
  g_assert_cmpstr (field, ==, "list_size");
  pcn_network_set_list_size (n, 52000);
  g_assert_true (pcn_network_validate (n, &field, NULL));
  pcn_network_set_ods_code (n, "U!");
  g_assert_false (pcn_network_validate (n, &field, NULL));
  g_assert_cmpstr (field, ==, "ods");

  g_assert_false (pcn_practice_validate (p, &field, NULL));
  g_assert_cmpstr (field, ==, "name");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/date/parse", test_date_parse);
  g_test_add_func ("/core/financial-year", test_financial_year);
  g_test_add_func ("/core/money", test_money);
  g_test_add_func ("/core/wte", test_wte);
  g_test_add_func ("/core/area-ods-formula", test_area_ods_formula);
  g_test_add_func ("/core/sessions", test_sessions);
  g_test_add_func ("/core/staff/validate", test_staff_validate);
  g_test_add_func ("/core/staff/status", test_staff_status);
  g_test_add_func ("/core/staff/leaver", test_staff_leaver);
  g_test_add_func ("/core/rates/find", test_rates_find);
  g_test_add_func ("/core/rates/validate", test_rate_validate);
  g_test_add_func ("/core/roles/find", test_roles_find);
  g_test_add_func ("/core/network/validate", test_network_validate);

  return g_test_run ();
}
