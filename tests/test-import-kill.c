/* test-import-kill.c — `pcnw import staff` killed with SIGKILL at random
 * points leaves a sound database holding all or none of each import.
 *
 * Each batch is a CSV of BATCH_ROWS people whose payroll IDs start with the
 * batch's own prefix, so a batch can succeed whatever happened to the ones
 * before it. Batch 0 runs to completion first and its duration sets the
 * window the kills are spread over: at least 0–150 ms, and one and a half
 * times a whole import, so kills land in start-up, parsing, the inserts and
 * the commit, and some imports finish first. Batch 41 runs to completion
 * after the kills, to show the database is still writable. Afterwards the
 * database must pass PRAGMA integrity_check and foreign_key_check, and hold
 * either every row of a batch (with its host practices) or none of them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gio/gio.h>
#include <signal.h>
#include <sqlite3.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SANITIZED 1
# endif
#endif

/* Under AddressSanitizer pcnw runs many times slower: fewer, smaller
 * batches keep the test within its timeout. */
#ifdef SANITIZED
# define N_BATCHES  12
# define BATCH_ROWS 300
#else
# define N_BATCHES  40
# define BATCH_ROWS 2000
#endif
#define MIN_WINDOW  150000  /* microseconds */
#define LAST_BATCH  (N_BATCHES + 1)

typedef enum
{
  OUTCOME_DONE,     /* exited 0 before the kill */
  OUTCOME_KILLED,   /* died of SIGKILL */
} Outcome;

typedef struct
{
  char *dir;
  char *db;
  char *stderr_path;
} Fixture;

static const char *
get_pcnw (void)
{
  const char *pcnw = g_getenv ("PCNW");

  if (pcnw == NULL)
    g_error ("PCNW is not set: run this test with meson test");
  return pcnw;
}

/* Runs pcnw to completion; returns its exit status and stdout/stderr. */
static int
run_pcnw (Fixture     *fixture,
          char       **out_stdout,
          char       **out_stderr,
          const char  *first_arg,
          ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  va_list args;

  g_ptr_array_add (argv, (gpointer) get_pcnw ());
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, fixture->db);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_newv ((const char * const *) argv->pdata,
                               G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE,
                               &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &out, &err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  if (out_stdout)
    *out_stdout = g_steal_pointer (&out);
  if (out_stderr)
    *out_stderr = g_steal_pointer (&err);
  return g_subprocess_get_exit_status (process);
}

static char *
write_batch (Fixture *fixture,
             guint    batch)
{
  g_autoptr(GString) csv = g_string_new ("name,payroll_id,role,start_date,wte,band,"
                                         "annual_salary,employer,practices,claimable\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("batch-%02u.csv", batch);
  char *path = g_build_filename (fixture->dir, name, NULL);

  for (guint i = 0; i < BATCH_ROWS; i++)
    g_string_append_printf (csv,
                            "\"Person %u, batch %u\",B%02u-%05u,%s,01/%02u/2025,0.%u,7,"
                            "\"£%u,500.00\",Riverside Surgery,\"Riverside Surgery=%u%s\",%s\n",
                            i, batch, batch, i, (i % 2) ? "CP" : "SPLW", 1 + i % 12, 1 + i % 9,
                            30 + i % 20, 1 + i % 5, (i % 3) ? ";Hillview Medical Centre" : "",
                            (i % 4) ? "yes" : "no");

  g_file_set_contents (path, csv->str, csv->len, &error);
  g_assert_no_error (error);
  return path;
}

/* Spawns `pcnw import staff` and kills it after @delay microseconds. */
static Outcome
import_and_kill (Fixture    *fixture,
                 const char *csv_path,
                 gulong      delay)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_subprocess_launcher_set_stderr_file_path (launcher, fixture->stderr_path);
  process = g_subprocess_launcher_spawn (launcher, &error, get_pcnw (), "--db", fixture->db,
                                         "import", "staff", csv_path, NULL);
  g_assert_no_error (error);

  g_usleep (delay);
  g_subprocess_send_signal (process, SIGKILL);  /* a no-op once it has exited */
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);

  if (g_subprocess_get_if_signaled (process))
    {
      g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGKILL);
      return OUTCOME_KILLED;
    }

  if (g_subprocess_get_exit_status (process) != 0)
    {
      g_autofree char *err = NULL;

      g_file_get_contents (fixture->stderr_path, &err, NULL, NULL);
      g_error ("pcnw import staff %s exited %d: %s", csv_path,
               g_subprocess_get_exit_status (process), err ? err : "");
    }
  return OUTCOME_DONE;
}

static void
exec_check (sqlite3    *db,
            const char *sql,
            const char *expect_first)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));

  rc = sqlite3_step (stmt);
  if (expect_first == NULL)
    {
      if (rc != SQLITE_DONE)
        g_error ("%s: expected no rows, got “%s”", sql, sqlite3_column_text (stmt, 0));
    }
  else
    {
      g_assert_cmpint (rc, ==, SQLITE_ROW);
      g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, expect_first);
    }
  sqlite3_finalize (stmt);
}

/* payroll ID prefix "Bnn" → rows (and host-practice rows) of that batch */
static void
count_batches (sqlite3 *db,
               guint   *rows,
               guint   *practice_rows)
{
  const char *sql =
    "SELECT substr (s.payroll_id, 2, 2), count (DISTINCT s.id), count (p.id) "
    "FROM staff s LEFT JOIN staff_practice p ON p.staff_id = s.id "
    "WHERE s.payroll_id LIKE 'B%' GROUP BY 1";
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint batch = (guint) g_ascii_strtoull ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);

      g_assert_cmpuint (batch, <=, LAST_BATCH);
      rows[batch] = (guint) sqlite3_column_int (stmt, 1);
      practice_rows[batch] = (guint) sqlite3_column_int (stmt, 2);
    }
  g_assert_cmpint (rc, ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
}

static guint
expected_practice_rows (void)
{
  guint n = 0;

  for (guint i = 0; i < BATCH_ROWS; i++)
    n += (i % 3) ? 2 : 1;
  return n;
}

static void
test_kill (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *last_csv = NULL;
  g_autofree char *first_csv = NULL;
  Outcome outcomes[LAST_BATCH + 1];
  guint rows[LAST_BATCH + 1] = { 0 };
  guint practice_rows[LAST_BATCH + 1] = { 0 };
  guint n_killed = 0, n_done = 0, n_present = 0, listed = 0;
  gint64 begin, window;
  sqlite3 *db = NULL;
  int status;

  fixture.dir = g_dir_make_tmp ("pcn-import-kill-XXXXXX", &error);
  g_assert_no_error (error);
  fixture.db = g_build_filename (fixture.dir, "pcn.db", NULL);
  fixture.stderr_path = g_build_filename (fixture.dir, "stderr.txt", NULL);

  status = run_pcnw (&fixture, NULL, &err, "init", "--name", "Kill Test PCN",
                     "--list-size", "12000", NULL);
  if (status == 2 || !g_file_test (fixture.db, G_FILE_TEST_EXISTS))
    {
      /* pcnw does not offer the Foundation commands yet. */
      g_autofree char *why =
        g_strdup_printf ("pcnw init is not implemented yet (exit %d: %s)", status, err);

      g_test_skip (why);
      goto out;
    }
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&err, g_free);

  status = run_pcnw (&fixture, NULL, &err, "practice", "add", "--name", "Riverside Surgery", NULL);
  g_assert_cmpstr (err, ==, "");
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&err, g_free);
  status = run_pcnw (&fixture, NULL, &err, "practice", "add", "--name", "Hillview Medical Centre",
                     NULL);
  g_assert_cmpint (status, ==, 0);
  g_clear_pointer (&err, g_free);

  first_csv = write_batch (&fixture, 0);
  begin = g_get_monotonic_time ();
  status = run_pcnw (&fixture, NULL, &err, "import", "staff", first_csv, NULL);
  if (status != 0)
    g_error ("the first import exited %d: %s", status, err);
  g_clear_pointer (&err, g_free);
  window = MAX (MIN_WINDOW, (g_get_monotonic_time () - begin) * 3 / 2);
  g_test_message ("an import of %u rows takes %.0f ms; killing within 0-%.0f ms",
                  BATCH_ROWS, (g_get_monotonic_time () - begin) / 1000.0, window / 1000.0);

  for (guint batch = 1; batch <= N_BATCHES; batch++)
    {
      g_autofree char *csv = write_batch (&fixture, batch);
      gulong delay = (gulong) g_test_rand_int_range (0, (gint32) window);

      outcomes[batch] = import_and_kill (&fixture, csv, delay);
      if (outcomes[batch] == OUTCOME_KILLED)
        n_killed++;
      else
        n_done++;
    }
  g_test_message ("%u imports killed, %u finished first", n_killed, n_done);

  /* The database is still usable: one more import, left to finish. */
  last_csv = write_batch (&fixture, LAST_BATCH);
  status = run_pcnw (&fixture, NULL, &err, "import", "staff", last_csv, NULL);
  if (status != 0)
    g_error ("import after the kills exited %d: %s", status, err);
  g_clear_pointer (&err, g_free);

  g_assert_cmpint (sqlite3_open_v2 (fixture.db, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  exec_check (db, "PRAGMA integrity_check", "ok");
  exec_check (db, "PRAGMA foreign_key_check", NULL);
  count_batches (db, rows, practice_rows);
  sqlite3_close (db);

  g_assert_cmpuint (rows[0], ==, BATCH_ROWS);
  g_assert_cmpuint (practice_rows[0], ==, expected_practice_rows ());
  g_assert_cmpuint (rows[LAST_BATCH], ==, BATCH_ROWS);
  g_assert_cmpuint (practice_rows[LAST_BATCH], ==, expected_practice_rows ());
  for (guint batch = 1; batch <= N_BATCHES; batch++)
    {
      if (rows[batch] != 0 && rows[batch] != BATCH_ROWS)
        g_error ("batch %u holds %u of its %u rows", batch, rows[batch], BATCH_ROWS);
      if (rows[batch] != 0)
        {
          g_assert_cmpuint (practice_rows[batch], ==, expected_practice_rows ());
          n_present++;
        }
      if (outcomes[batch] == OUTCOME_DONE)
        g_assert_cmpuint (rows[batch], ==, BATCH_ROWS);
    }
  g_test_message ("%u of %u killed or finished imports are in the database",
                  n_present, N_BATCHES);

  /* And pcnw reads it back. */
  status = run_pcnw (&fixture, &out, &err, "list", "staff", "--format", "tsv", NULL);
  g_assert_cmpint (status, ==, 0);
  {
    g_auto(GStrv) lines = g_strsplit (out, "\n", -1);

    for (guint i = 0; lines[i]; i++)
      if (*lines[i] != '\0' && strstr (lines[i], "payroll_id") == NULL)
        listed++;
  }
  g_assert_cmpuint (listed, ==, (n_present + 2) * BATCH_ROWS);

out:
  if (fixture.dir != NULL)
    {
      g_autoptr(GFile) dir = g_file_new_for_path (fixture.dir);
      g_autoptr(GFileEnumerator) children =
        g_file_enumerate_children (dir, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      GFile *child;

      while (children != NULL &&
             g_file_enumerator_iterate (children, NULL, &child, NULL, NULL) && child != NULL)
        g_file_delete (child, NULL, NULL);
      g_file_delete (dir, NULL, NULL);
    }
  g_free (fixture.dir);
  g_free (fixture.db);
  g_free (fixture.stderr_path);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/import/kill", test_kill);

  return g_test_run ();
}
