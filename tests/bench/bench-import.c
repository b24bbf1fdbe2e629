/* bench-import.c — importing 10,000 staff must take under a second
 *
 * Two measurements of the same generated file, each into a fresh database:
 *   in-process   pcn_staff_csv_parse + pcn_store_import_staff
 *   pcnw         `pcnw import staff FILE.csv` as a subprocess (start-up,
 *                opening the database, parsing and the transaction)
 * Fails when either import takes a second or more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "pcn-store.h"

#define N_ROWS 10000
#define LIMIT_USEC G_USEC_PER_SEC

static const char * const practice_names[] = {
  "Riverside Surgery", "Hillview Medical Centre", "Abbey Road Practice",
  "Canal Street Health Centre", "Oakwood Family Practice",
};

static GString *
make_csv (void)
{
  static const char * const roles[] = {
    "CP", "Social prescribing link worker", "PT", "HWBC", "CC", "FCP_PHYSIO", "MHP", "PARAMEDIC",
  };
  GString *csv = g_string_new ("name,payroll_id,role,start_date,end_date,leaving_reason,wte,"
                               "band,annual_salary,employer,practices,claimable\n");

  for (guint i = 0; i < N_ROWS; i++)
    {
      gboolean leaver = i % 10 == 0;

      g_string_append_printf (csv,
                              "\"Person %05u, %s\",P%05u,%s,%02u/%02u/2024,%s,%s,0.%u,%u,"
                              "\"£%u,%03u.00\",%s,\"%s=%u;%s\",%s\n",
                              i, (i % 2) ? "Ann" : "Bob", i, roles[i % G_N_ELEMENTS (roles)],
                              1 + i % 28, 1 + i % 12,
                              leaver ? "2026-03-31" : "", leaver ? "Moved away" : "",
                              1 + i % 9, 4 + i % 5, 25 + i % 30, i % 1000,
                              practice_names[i % 5], practice_names[i % 5], 1 + i % 9,
                              practice_names[(i + 1) % 5], (i % 7) ? "yes" : "no");
    }
  return csv;
}

static PcnStore *
create_store (const char *path)
{
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  store = pcn_store_open (path, &error);
  g_assert_no_error (error);

  pcn_network_set_name (network, "Benchmark PCN");
  pcn_network_set_list_size (network, 60000);
  for (guint i = 0; i < G_N_ELEMENTS (practice_names); i++)
    g_ptr_array_add (practices, pcn_practice_new (practice_names[i]));
  pcn_store_create_network (store, network, practices, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

static gint64
bench_in_process (const char *dir,
                  GString    *csv)
{
  g_autofree char *path = g_build_filename (dir, "in-process.db", NULL);
  g_autoptr(PcnStore) store = create_store (path);
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(PcnStaffCsv) parsed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 begin, parsed_at, end;

  begin = g_get_monotonic_time ();

  roles = pcn_store_list_roles (store, &error);
  g_assert_no_error (error);
  practices = pcn_store_list_practices (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < practices->len; i++)
    g_ptr_array_add (names, (gpointer) pcn_practice_get_name (g_ptr_array_index (practices, i)));

  parsed = pcn_staff_csv_parse ("bench.csv", csv->str, csv->len, roles, names, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (parsed->staff->len, ==, N_ROWS);
  parsed_at = g_get_monotonic_time ();

  pcn_store_import_staff (store, parsed->staff, parsed->lines, "bench.csv", &error);
  g_assert_no_error (error);
  end = g_get_monotonic_time ();

  g_assert_cmpint (pcn_store_count_staff (store, &error), ==, N_ROWS);
  g_assert_no_error (error);

  g_print ("in-process: parse %.1f ms + store %.1f ms = %.1f ms\n",
           (parsed_at - begin) / 1000.0, (end - parsed_at) / 1000.0, (end - begin) / 1000.0);
  return end - begin;
}

static int
run (const char * const *argv)
{
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;

  process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                               G_SUBPROCESS_FLAGS_STDERR_PIPE, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, NULL, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    {
      g_printerr ("%s %s %s: failed: %s\n", argv[2], argv[3], argv[4], err);
      return -1;
    }
  return 0;
}

static gint64
bench_pcnw (const char *dir,
            const char *csv_path)
{
  const char *pcnw = g_getenv ("PCNW");
  g_autofree char *db = g_build_filename (dir, "pcnw.db", NULL);
  const char *init[] = { pcnw, "--db", db, "init", "--name", "Benchmark PCN",
                         "--list-size", "60000", NULL };
  const char *import[] = { pcnw, "--db", db, "import", "staff", csv_path, NULL };
  gint64 begin, end;

  if (pcnw == NULL)
    {
      g_print ("pcnw: PCNW is not set, skipped\n");
      return 0;
    }

  if (run (init) != 0)
    return -1;
  for (guint i = 0; i < G_N_ELEMENTS (practice_names); i++)
    {
      const char *add[] = { pcnw, "--db", db, "practice", "add", "--name", practice_names[i],
                            NULL };

      if (run (add) != 0)
        return -1;
    }

  begin = g_get_monotonic_time ();
  if (run (import) != 0)
    return -1;
  end = g_get_monotonic_time ();

  g_print ("pcnw import staff: %.1f ms\n", (end - begin) / 1000.0);
  return end - begin;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      g_remove (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *csv_path = NULL;
  gint64 in_process, via_pcnw;
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");

  dir = g_dir_make_tmp ("pcn-bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", dir, TRUE);

  csv = make_csv ();
  csv_path = g_build_filename (dir, "staff-10k.csv", NULL);
  g_file_set_contents (csv_path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  g_print ("import-10k: %u rows, %zu bytes\n", N_ROWS, csv->len);

  in_process = bench_in_process (dir, csv);
  via_pcnw = bench_pcnw (dir, csv_path);

  if (in_process >= LIMIT_USEC)
    {
      g_printerr ("FAIL: the in-process import took %.0f ms (limit %.0f ms)\n",
                  in_process / 1000.0, LIMIT_USEC / 1000.0);
      ok = FALSE;
    }
  if (via_pcnw < 0 || via_pcnw >= LIMIT_USEC)
    {
      g_printerr ("FAIL: pcnw import staff %s\n",
                  via_pcnw < 0 ? "failed" : "took a second or more");
      ok = FALSE;
    }

  remove_dir (dir);
  return ok ? 0 : 1;
}
