/* bench-ledger.c — the year's ledger for 5,000 posts and staff (2,500 of
 * each), with every rule check, must take under 50 ms
 *
 * The reference rates, roles and rules are the shipped ones. Staff and
 * posts are spread over 12 roles (capped ones included, so the cap check
 * runs), part-time and full-time, with leavers, starters, salaries, payroll
 * figures for a quarter of the staff, and planned posts starting through
 * the year. The year is 2024/25, which has the October rate change, and
 * most roles have no rate that year, so thousands of checks are written.
 * Prints the median of 15 runs; fails when the median is 50 ms or more.
 *
 *   bench-ledger [N_STAFF N_POSTS]     other sizes, for comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <json-glib/json-glib.h>
#include <locale.h>

#include "pcn-core.h"

static guint n_staff = 2500;
static guint n_posts = 2500;
#define N_RUNS 15
#define LIMIT_USEC (50 * G_USEC_PER_SEC / 1000)

static GPtrArray *rates, *roles, *rules;

static gboolean
load_reference (void)
{
  const char *srcdir = g_getenv ("G_TEST_SRCDIR");
  g_autofree char *path = g_build_filename (srcdir ? srcdir : "tests", "..", "resources", "data",
                                            "arrs-reference.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *a;
  gsize len;

  if (!g_file_get_contents (path, &text, &len, &error) ||
      !(rules = pcn_rules_parse (text, (gssize) len, &error)) ||
      !json_parser_load_from_data (parser, text, (gssize) len, &error))
    {
      g_printerr ("bench-ledger: %s: %s\n", path, error->message);
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  roles = g_ptr_array_new_with_free_func (g_object_unref);
  a = json_object_get_array_member (root, "roles");
  for (guint i = 0; i < json_array_get_length (a); i++)
    {
      JsonObject *o = json_array_get_object_element (a, i);
      PcnRole *role = pcn_role_new (json_object_get_string_member (o, "code"),
                                    json_object_get_string_member (o, "name"));

      pcn_role_set_staff_group (role, json_object_get_string_member (o, "staff_group"));
      pcn_role_set_available_from (role, json_object_get_string_member (o, "available_from"));
      g_ptr_array_add (roles, role);
    }

  rates = g_ptr_array_new_with_free_func (g_object_unref);
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
      g_ptr_array_add (rates, rate);
    }
  return TRUE;
}

static const char * const role_codes[] = {
  "CP", "PT", "SPLW", "CC", "AP", "MHP", "GP", "EPN", "DTL", "FCP_PHYSIO", "HWBC", "PARAMEDIC",
};

static void
make_people (GPtrArray *staff,
             GPtrArray *posts,
             GArray    *actuals)
{
  for (guint i = 0; i < n_staff; i++)
    {
      PcnStaff *s = pcn_staff_new ();
      g_autofree char *name = g_strdup_printf ("Person %05u", i);
      g_autofree char *start = g_strdup_printf ("%04u-%02u-%02u", 2019 + i % 6, 1 + i % 12,
                                                1 + i % 28);

      pcn_staff_set_id (s, i + 1);
      pcn_staff_set_name (s, name);
      pcn_staff_set_role_code (s, role_codes[i % G_N_ELEMENTS (role_codes)]);
      pcn_staff_set_wte (s, i % 3 == 0 ? 600 : 1000);
      pcn_staff_set_start_date (s, start);
      if (i % 10 == 0)
        {
          g_autofree char *end = g_strdup_printf ("2024-%02u-%02u", 5 + i % 7, 1 + i % 28);
          pcn_staff_set_end_date (s, end);
          pcn_staff_set_leaving_reason (s, "Relocation");
        }
      if (i % 2 == 0)
        pcn_staff_set_annual_salary (s, 3000000 + (i % 40) * 100000);
      if (i % 4 == 0)
        for (int m = 0; m < 6; m++)
          {
            PcnActualCost a = { i + 1, m, 350000 + (i % 50) * 1000 };
            g_array_append_val (actuals, a);
          }
      g_ptr_array_add (staff, s);
    }

  for (guint i = 0; i < n_posts; i++)
    {
      PcnPost *p = pcn_post_new ();
      g_autofree char *start = g_strdup_printf ("%04u-%02u-%02u", i % 2 ? 2024 : 2025,
                                                i % 2 ? 4 + i % 9 : 1 + i % 3, 1 + i % 28);

      pcn_post_set_id (p, i + 1);
      pcn_post_set_role_code (p, role_codes[(i * 7) % G_N_ELEMENTS (role_codes)]);
      pcn_post_set_wte (p, i % 4 == 0 ? 500 : 1000);
      pcn_post_set_start_date (p, start);
      pcn_post_set_status (p, PCN_POST_STATUS_APPROVED, "2024-02-01");
      if (i % 3 == 0)
        pcn_post_set_annual_cost (p, 4000000 + (i % 20) * 100000);
      if (i % 50 == 0)
        pcn_post_set_status (p, PCN_POST_STATUS_WITHDRAWN, "2024-03-01");
      g_ptr_array_add (posts, p);
    }
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) actuals = g_array_new (FALSE, FALSE, sizeof (PcnActualCost));
  gint64 times[N_RUNS];
  gint64 uplift_time, latest_time, t0;
  gint64 median;
  PcnLedgerInput in;
  guint n_lines = 0, n_checks = 0;
  gint64 forecast = 0;

  setlocale (LC_ALL, "");
  if (argc == 3)
    {
      n_staff = (guint) g_ascii_strtoull (argv[1], NULL, 10);
      n_posts = (guint) g_ascii_strtoull (argv[2], NULL, 10);
    }
  if (!load_reference ())
    return 1;
  make_people (staff, posts, actuals);

  pcn_ledger_input_init (&in, 2024);
  in.list_size = 80000;
  in.allocation_pence = G_GINT64_CONSTANT (150000000000);
  in.rates = rates;
  in.rules = rules;
  in.roles = roles;
  in.staff = staff;
  in.posts = posts;
  in.actuals = actuals;

  for (int r = 0; r < N_RUNS; r++)
    {
      g_autoptr(PcnLedger) ledger = NULL;

      t0 = g_get_monotonic_time ();
      ledger = pcn_ledger_compute (&in);
      times[r] = g_get_monotonic_time () - t0;
      n_lines = pcn_ledger_get_lines (ledger)->len;
      n_checks = pcn_ledger_get_checks (ledger)->len;
      forecast = pcn_ledger_get_forecast (ledger);
    }
  qsort (times, N_RUNS, sizeof times[0], compare_gint64);
  median = times[N_RUNS / 2];

  {
    g_autoptr(PcnLedger) base = pcn_ledger_compute (&in);
    g_autoptr(PcnLedger) what_if = NULL;
    int month;
    gint64 cost, unspent;

    t0 = g_get_monotonic_time ();
    what_if = pcn_ledger_what_if_uplift (&in, 300, 6);
    uplift_time = g_get_monotonic_time () - t0;

    t0 = g_get_monotonic_time ();
    pcn_ledger_latest_start (&in, base, "CP", 1000, -1, &month, &cost, &unspent, NULL);
    latest_time = g_get_monotonic_time () - t0;
  }

  g_print ("ledger 2024/25: %u staff + %u posts → %u lines, %u checks, forecast %" G_GINT64_FORMAT
           " pence\n", n_staff, n_posts, n_lines, n_checks, forecast);
  g_print ("ledger + checks: median %.2f ms over %d runs (min %.2f, max %.2f); limit %.0f ms\n",
           median / 1000.0, N_RUNS, times[0] / 1000.0, times[N_RUNS - 1] / 1000.0,
           LIMIT_USEC / 1000.0);
  g_print ("what-if uplift: %.2f ms; latest start: %.2f ms\n",
           uplift_time / 1000.0, latest_time / 1000.0);

  g_ptr_array_unref (rates);
  g_ptr_array_unref (roles);
  g_ptr_array_unref (rules);

  if (median >= LIMIT_USEC)
    {
      g_printerr ("bench-ledger: FAIL: median %.2f ms is over %.0f ms\n",
                  median / 1000.0, LIMIT_USEC / 1000.0);
      return 1;
    }
  return 0;
}
