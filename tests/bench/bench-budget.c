/* bench-budget.c — the year's budget ledger through the store: a
 * `pcnw demo --staff 5000` database plus 5,000 generated posts
 *
 * Times, separately and as medians of 15 runs:
 *   load     pcn_store_load_ledger_data(): network, allocation, rates,
 *            rules, roles, 5,000 staff, 5,006 posts, payroll figures and
 *            on-costs, in one read transaction
 *   ledger   pcn_ledger_compute() on what was loaded (with every check)
 *   total    pcn_store_compute_ledger(), the two together
 * Fails when the ledger computation itself takes 50 ms or more; the load
 * time is reported, not limited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>

#include "pcn-demo.h"
#include "pcn-store.h"

#define N_STAFF 5000
#define N_POSTS 5000
#define N_RUNS 15
#define LIMIT_USEC (50 * G_USEC_PER_SEC / 1000)

static const char * const role_codes[] = {
  "CP", "PT", "SPLW", "CC", "AP", "MHP", "GP", "EPN", "DTL", "FCP_PHYSIO", "HWBC", "PARAMEDIC",
};

static const char * const practices[] = {
  "Riverside Medical Centre", "Castle Street Health Centre", "Millbrook Surgery",
};

static GPtrArray *
make_posts (int year)
{
  GPtrArray *posts = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < N_POSTS; i++)
    {
      PcnPost *p = pcn_post_new ();
      g_autofree char *start = g_strdup_printf ("%04d-%02u-%02u", i % 2 ? year : year + 1,
                                                i % 2 ? 4 + i % 9 : 1 + i % 3, 1 + i % 28);
      g_autofree char *title = g_strdup_printf ("Post %05u", i);
      g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_session_free);

      g_ptr_array_add (sessions, pcn_session_new (practices[i % G_N_ELEMENTS (practices)], 5));
      pcn_post_set_title (p, title);
      pcn_post_set_role_code (p, role_codes[(i * 7) % G_N_ELEMENTS (role_codes)]);
      pcn_post_set_wte (p, i % 4 == 0 ? 500 : 1000);
      pcn_post_set_start_date (p, start);
      pcn_post_set_sessions (p, sessions);
      pcn_post_set_status (p, PCN_POST_STATUS_APPROVED, "2024-02-01");
      if (i % 3 == 0)
        pcn_post_set_annual_cost (p, 4000000 + (i % 20) * 100000);
      if (i % 50 == 0)
        pcn_post_set_status (p, PCN_POST_STATUS_WITHDRAWN, "2024-03-01");
      g_ptr_array_add (posts, p);
    }
  return posts;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return x < y ? -1 : x > y;
}

static gint64
median (gint64 *times)
{
  qsort (times, N_RUNS, sizeof times[0], compare_gint64);
  return times[N_RUNS / 2];
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  gint64 load[N_RUNS], compute[N_RUNS], total[N_RUNS];
  gint64 t0, fill_time;
  guint n_lines = 0, n_checks = 0, n_posts = 0, n_staff = 0;
  gint64 forecast = 0;
  GDate today;
  int year;

  setlocale (LC_ALL, "");
  /* A fixed "today" so every run builds the same database. */
  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 1, G_DATE_JUNE, 2025);
  year = pcn_financial_year_of (&today);

  dir = g_dir_make_tmp ("bench-budget-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("bench-budget: %s\n", error->message);
      return 1;
    }
  path = g_build_filename (dir, "pcn.db", NULL);

  t0 = g_get_monotonic_time ();
  store = pcn_store_open (path, &error);
  posts = make_posts (year);
  if (store == NULL ||
      !pcn_demo_fill (store, N_STAFF, &today, &error) ||
      !pcn_store_add_posts (store, posts, &error))
    {
      g_printerr ("bench-budget: %s\n", error->message);
      return 1;
    }
  fill_time = g_get_monotonic_time () - t0;

  for (int r = 0; r < N_RUNS; r++)
    {
      g_autoptr(PcnLedgerData) data = NULL;
      g_autoptr(PcnLedger) ledger = NULL;
      g_autoptr(PcnLedger) direct = NULL;

      t0 = g_get_monotonic_time ();
      data = pcn_store_load_ledger_data (store, year, &today, &error);
      load[r] = g_get_monotonic_time () - t0;
      if (data == NULL)
        {
          g_printerr ("bench-budget: %s\n", error->message);
          return 1;
        }

      t0 = g_get_monotonic_time ();
      ledger = pcn_ledger_compute (&data->input);
      compute[r] = g_get_monotonic_time () - t0;

      t0 = g_get_monotonic_time ();
      direct = pcn_store_compute_ledger (store, year, &today, NULL, &error);
      total[r] = g_get_monotonic_time () - t0;
      if (direct == NULL)
        {
          g_printerr ("bench-budget: %s\n", error->message);
          return 1;
        }

      n_staff = data->input.staff->len;
      n_posts = data->input.posts->len;
      n_lines = pcn_ledger_get_lines (ledger)->len;
      n_checks = pcn_ledger_get_checks (ledger)->len;
      forecast = pcn_ledger_get_forecast (ledger);
      g_assert (forecast == pcn_ledger_get_forecast (direct));
    }

  g_print ("budget %d/%02d: %u staff + %u posts → %u lines, %u checks, forecast %"
           G_GINT64_FORMAT " pence (database filled in %.0f ms)\n",
           year, (year + 1) % 100, n_staff, n_posts, n_lines, n_checks, forecast,
           fill_time / 1000.0);
  g_print ("load (store): median %.2f ms over %d runs\n", median (load) / 1000.0, N_RUNS);
  g_print ("ledger + checks: median %.2f ms over %d runs; limit %.0f ms\n",
           median (compute) / 1000.0, N_RUNS, LIMIT_USEC / 1000.0);
  g_print ("pcn_store_compute_ledger (load + ledger): median %.2f ms\n", median (total) / 1000.0);

  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);

    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }

  if (median (compute) >= LIMIT_USEC)
    {
      g_printerr ("bench-budget: FAIL: the ledger took %.2f ms, over %.0f ms\n",
                  median (compute) / 1000.0, LIMIT_USEC / 1000.0);
      return 1;
    }
  return 0;
}
