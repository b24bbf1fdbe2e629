/* test-cli-supervision.c — `pcnw` supervision and integration commands as
 * a user runs them: assign, log, end, cost, integration set, the two
 * reports' JSON keys (CLI.md), --as-at transitions, training add, list,
 * done and remove, and bad input that exits 1 or 2 with nothing changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "pcn-store.h"

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  /* Under G_TEST_OPTION_ISOLATE_DIRS the data dir is this test's own,
   * removed after the test passes. */
  f->dir = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  f->db = g_build_filename (f->dir, "pcn.db", NULL);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->db);
  g_free (f->dir);
}

static char *
fixture_path (Fixture    *f,
              const char *name)
{
  return g_build_filename (f->dir, name, NULL);
}

/* Runs pcnw --db DB --as-at AS_AT ARGS… (NULL-terminated). */
static void
run_pcnw_with_db (Result     *r,
                  const char *db,
                  const char *as_at,
                  const char *first,
                  ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autoptr(GError) error = NULL;
  const char *pcnw = g_getenv ("PCNW");
  int wait_status = 0;
  va_list args;

  g_assert_nonnull (pcnw);
  g_ptr_array_add (argv, (gpointer) pcnw);
  if (db != NULL)
    {
      g_ptr_array_add (argv, (gpointer) "--db");
      g_ptr_array_add (argv, (gpointer) db);
    }
  g_ptr_array_add (argv, (gpointer) "--as-at");
  g_ptr_array_add (argv, (gpointer) as_at);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Keep the child inside this test's isolated directories. */
  envp = g_environ_setenv (envp, "HOME", g_get_home_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  envp = g_environ_setenv (envp, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &r->out, &r->err, &wait_status, &error);
  g_assert_no_error (error);

  g_test_message ("pcnw %s…: stdout:\n%s\nstderr:\n%s", first, r->out, r->err);
  g_assert_true (WIFEXITED (wait_status));
  r->status = WEXITSTATUS (wait_status);

  /* A sanitizer report is a failure whatever the exit status. */
  g_assert_null (strstr (r->err, "Sanitizer"));
  g_assert_null (strstr (r->err, "runtime error:"));
  g_assert_null (strstr (r->err, "CRITICAL"));
  g_assert_null (strstr (r->err, "WARNING"));
}

#define run_pcnw(r, f, ...) run_pcnw_with_db ((r), (f)->db, "2025-04-10", __VA_ARGS__, NULL)
#define run_pcnw_at(r, f, at, ...) run_pcnw_with_db ((r), (f)->db, (at), __VA_ARGS__, NULL)

static void
assert_ok (Result *r)
{
  if (r->status != 0)
    g_test_message ("stderr: %s", r->err);
  g_assert_cmpint (r->status, ==, 0);
}

static PcnStore *
open_db (const char *path)
{
  g_autoptr(GError) error = NULL;
  PcnStore *store = pcn_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static JsonObject *
parse_object (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

/* A PCN with one practice, a clinical pharmacist and a link worker. */
static void
set_up_pcn (Fixture *f)
{
  g_autofree char *csv = fixture_path (f, "staff.csv");
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };

  run_pcnw (&r1, f, "init", "--name", "Test Valley PCN", "--list-size", "30000");
  assert_ok (&r1);
  run_pcnw (&r2, f, "practice", "add", "--name", "Millbrook Surgery");
  assert_ok (&r2);
  write_file (csv, "name,payroll_id,role,start_date,wte,practices\n"
                   "Asha Patel,P1,CP,2025-01-01,1,Millbrook Surgery\n"
                   "Ben Okafor,P2,SPLW,2025-01-01,1,Millbrook Surgery\n");
  run_pcnw (&r3, f, "import", "staff", csv);
  assert_ok (&r3);
}

/* Asha's clinical supervision as at @as_at: status and next due. */
static void
assert_asha (Fixture    *f,
             const char *as_at,
             const char *status,
             const char *next_due)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonArray *people, *kinds;
  JsonObject *asha = NULL;

  run_pcnw_at (&r, f, as_at, "report", "supervision", "--format", "json");
  assert_ok (&r);
  root = parse_object (r.out);
  g_assert_cmpstr (json_object_get_string_member (root, "as_at"), ==, as_at);
  people = json_object_get_array_member (root, "people");
  for (guint i = 0; i < json_array_get_length (people); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (people, i), "name"),
                   "Asha Patel") == 0)
      asha = json_array_get_object_element (people, i);
  g_assert_nonnull (asha);
  g_assert_cmpstr (json_object_get_string_member (asha, "role"), ==, "CP");
  kinds = json_object_get_array_member (asha, "kinds");
  for (guint i = 0; i < json_array_get_length (kinds); i++)
    {
      JsonObject *k = json_array_get_object_element (kinds, i);

      g_assert_true (json_object_has_member (k, "last"));
      if (g_strcmp0 (json_object_get_string_member (k, "kind"), "clinical") != 0)
        continue;
      g_assert_cmpstr (json_object_get_string_member (k, "status"), ==, status);
      if (next_due)
        g_assert_cmpstr (json_object_get_string_member (k, "next_due"), ==, next_due);
      return;
    }
  g_assert_not_reached ();
}

static void
test_transitions (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  g_auto(Result) r4 = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonArray *roles;

  set_up_pcn (f);
  /* Nobody named yet. */
  assert_asha (f, "2025-01-15", "no_supervisor", "2025-02-01");

  run_pcnw_at (&r1, f, "2025-01-01", "supervision", "assign", "--staff", "Asha Patel", "--kind", "clinical",
               "--supervisor", "Dr Jones", "--profession", "GP", "--minutes-per-week", "60",
               "--practice", "millbrook surgery");
  assert_ok (&r1);
  /* Never supervised: due 31 days after the start. */
  assert_asha (f, "2025-01-15", "up_to_date", "2025-02-01");
  assert_asha (f, "2025-02-02", "overdue", "2025-02-01");

  run_pcnw (&r2, f, "supervision", "log", "--staff", "P1", "--kind", "clinical", "--supervisor", "Dr Jones",
            "--date", "10/03/2025", "--minutes", "45", "--group");
  assert_ok (&r2);
  assert_asha (f, "2025-04-02", "up_to_date", "2025-04-10");
  assert_asha (f, "2025-04-03", "due_soon", "2025-04-10");
  assert_asha (f, "2025-04-10", "due_soon", "2025-04-10");   /* on the due date */
  assert_asha (f, "2025-04-11", "overdue", "2025-04-10");    /* a day after */

  /* The supervisor is removed: no supervisor the day after. */
  run_pcnw (&r3, f, "supervision", "end", "--staff", "Asha Patel", "--kind", "clinical",
            "--supervisor", "Dr Jones", "--date", "2025-04-10");
  assert_ok (&r3);
  assert_asha (f, "2025-04-10", "due_soon", "2025-04-10");
  assert_asha (f, "2025-04-11", "no_supervisor", "2025-04-10");

  run_pcnw_at (&r4, f, "2025-04-11", "report", "supervision", "--format", "json");
  assert_ok (&r4);
  root = parse_object (r4.out);
  roles = json_object_get_array_member (root, "roles");
  g_assert_cmpuint (json_array_get_length (roles), ==, 2);
  for (guint i = 0; i < json_array_get_length (roles); i++)
    {
      JsonObject *role = json_array_get_object_element (roles, i);

      g_assert_true (json_object_has_member (role, "role"));
      g_assert_true (json_object_has_member (role, "up_to_date"));
      g_assert_true (json_object_has_member (role, "due_soon"));
      g_assert_true (json_object_has_member (role, "overdue"));
      g_assert_cmpint (json_object_get_int_member (role, "no_supervisor"), ==, 1);
    }
}

static void
test_integration (Fixture       *f,
                  gconstpointer  data)
{
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  g_auto(Result) r4 = { 0 };
  g_auto(Result) r5 = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonArray *people, *flags;
  JsonObject *first;
  gboolean sole = FALSE;

  set_up_pcn (f);
  run_pcnw (&r1, f, "integration", "set", "--staff", "Ben Okafor", "--indicator", "job_plan", "--value", "no");
  assert_ok (&r1);
  run_pcnw (&r2, f, "integration", "set", "--staff", "Asha Patel", "--indicator", "home_team",
            "--value", "Millbrook clinical team");
  assert_ok (&r2);
  run_pcnw (&r3, f, "integration", "set", "--staff", "Asha Patel", "--indicator", "sites", "--value", "yes");
  g_assert_cmpint (r3.status, ==, 2);
  run_pcnw (&r4, f, "integration", "set", "--staff", "Asha Patel", "--indicator", "job_plan", "--value", "maybe");
  g_assert_cmpint (r4.status, ==, 2);

  run_pcnw (&r5, f, "report", "integration", "--format", "json");
  assert_ok (&r5);
  root = parse_object (r5.out);
  people = json_object_get_array_member (root, "people");
  g_assert_cmpuint (json_array_get_length (people), ==, 2);
  first = json_array_get_object_element (people, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Ben Okafor");
  g_assert_cmpint (json_object_get_int_member (first, "score"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (first, "max_score"), ==, 9);
  flags = json_object_get_array_member (first, "flags");
  for (guint i = 0; i < json_array_get_length (flags); i++)
    if (g_strcmp0 (json_array_get_string_element (flags, i), "sole_profession") == 0)
      sole = TRUE;
  g_assert_true (sole);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = NULL;
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  g_auto(Result) r4 = { 0 };
  g_auto(Result) r5 = { 0 };
  g_auto(Result) r6 = { 0 };
  g_auto(Result) r7 = { 0 };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) assignments = NULL;

  set_up_pcn (f);
  /* A future date (as at 10 April): refused, exit 1. */
  run_pcnw (&r1, f, "supervision", "log", "--staff", "Asha Patel", "--kind", "clinical",
            "--supervisor", "Dr Jones", "--date", "2025-04-11", "--minutes", "45");
  g_assert_cmpint (r1.status, ==, 1);
  g_assert_nonnull (strstr (r1.err, "--date"));
  g_assert_nonnull (strstr (r1.err, "future"));
  /* Negative and zero minutes: exit 1. */
  run_pcnw (&r2, f, "supervision", "log", "--staff", "Asha Patel", "--kind", "clinical",
            "--supervisor", "Dr Jones", "--date", "2025-04-01", "--minutes", "-30");
  g_assert_cmpint (r2.status, ==, 1);
  g_assert_nonnull (strstr (r2.err, "--minutes"));
  run_pcnw (&r3, f, "supervision", "log", "--staff", "Asha Patel", "--kind", "clinical",
            "--supervisor", "Dr Jones", "--date", "2025-04-01", "--minutes", "0");
  g_assert_cmpint (r3.status, ==, 1);
  /* An unknown kind, like any option that does not parse: exit 2. */
  run_pcnw (&r4, f, "supervision", "log", "--staff", "Asha Patel", "--kind", "weekly",
            "--supervisor", "Dr Jones", "--date", "2025-04-01", "--minutes", "30");
  g_assert_cmpint (r4.status, ==, 2);
  g_assert_nonnull (strstr (r4.err, "--kind"));
  run_pcnw (&r5, f, "supervision", "assign", "--staff", "Asha Patel", "--kind", "pastoral",
            "--supervisor", "Dr Jones");
  g_assert_cmpint (r5.status, ==, 2);
  /* Unknown person or practice: exit 1. */
  run_pcnw (&r6, f, "supervision", "assign", "--staff", "Nobody", "--kind", "clinical", "--supervisor", "Dr Jones");
  g_assert_cmpint (r6.status, ==, 1);
  run_pcnw (&r7, f, "supervision", "assign", "--staff", "Asha Patel", "--kind", "clinical",
            "--supervisor", "Dr Jones", "--practice", "Elsewhere");
  g_assert_cmpint (r7.status, ==, 1);
  g_assert_nonnull (strstr (r7.err, "--practice"));

  /* Nothing changed. */
  store = open_db (f->db);
  sessions = pcn_store_list_supervision_sessions (store, -1, NULL);
  assignments = pcn_store_list_supervisor_assignments (store, -1, NULL);
  g_assert_cmpuint (sessions->len, ==, 0);
  g_assert_cmpuint (assignments->len, ==, 0);
}

static void
test_cost_and_export (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *xlsx = fixture_path (f, "status.xlsx");
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *head = NULL;

  set_up_pcn (f);
  run_pcnw (&r1, f, "supervision", "assign", "--staff", "Asha Patel", "--kind", "clinical",
            "--supervisor", "Dr Jones", "--minutes-per-week", "45");
  assert_ok (&r1);
  /* £95.50 an hour, 45 minutes a week: 45 × 52 × 9,550 ÷ 720 = 31,037.5 → 31,038p. */
  run_pcnw (&r2, f, "supervision", "cost", "--rate", "95.50", "--month", "2025-04", "--format", "json");
  assert_ok (&r2);
  root = parse_object (r2.out);
  g_assert_cmpint (json_object_get_int_member (root, "gp_hourly_pence"), ==, 9550);
  g_assert_cmpint (json_object_get_int_member (root, "planned_cost_pence"), ==, 31038);
  g_assert_cmpint (json_object_get_int_member (root, "planned_minutes"), ==, 195);

  run_pcnw (&r3, f, "export", "status", "--output", xlsx);
  assert_ok (&r3);
  g_assert_true (g_file_get_contents (xlsx, &head, NULL, NULL));
  g_assert_true (head[0] == 'P' && head[1] == 'K');
}

/* The status of training item @id as at @as_at, from `training list --format json`. */
static void
assert_training_status (Fixture    *f,
                        const char *as_at,
                        gint64      id,
                        const char *status)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonObject) root = NULL;
  JsonArray *items;

  run_pcnw_at (&r, f, as_at, "training", "list", "--staff", "P1", "--format", "json");
  assert_ok (&r);
  root = parse_object (r.out);
  g_assert_cmpstr (json_object_get_string_member (root, "as_at"), ==, as_at);
  items = json_object_get_array_member (root, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      g_assert_cmpstr (json_object_get_string_member (item, "name"), ==, "Asha Patel");
      if (json_object_get_int_member (item, "id") != id)
        continue;
      g_assert_cmpstr (json_object_get_string_member (item, "status"), ==, status);
      return;
    }
  g_assert_not_reached ();
}

static void
test_training (Fixture       *f,
               gconstpointer  data)
{
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  g_auto(Result) r4 = { 0 };
  g_auto(Result) r5 = { 0 };
  g_auto(Result) r6 = { 0 };
  g_auto(Result) r7 = { 0 };
  g_auto(Result) r8 = { 0 };
  g_auto(Result) r9 = { 0 };
  g_auto(Result) r10 = { 0 };
  g_auto(Result) r11 = { 0 };
  g_auto(Result) r12 = { 0 };
  g_autoptr(JsonObject) root = NULL;
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) items = NULL;
  PcnTrainingItem *bls;

  set_up_pcn (f);
  /* Basic life support, done and expiring on 31 May 2025. */
  run_pcnw (&r1, f, "training", "add", "--staff", "Asha Patel", "--name", "Basic life support",
            "--completed", "2024-05-31", "--due", "2025-05-31");
  assert_ok (&r1);
  /* The CPPE pathway, not done, deadline 30 June 2025 (by payroll ID). */
  run_pcnw (&r2, f, "training", "add", "--staff", "P1", "--name", "CPPE pathway", "--due", "30/06/2025");
  assert_ok (&r2);
  run_pcnw (&r3, f, "training", "list", "--format", "json");
  assert_ok (&r3);
  root = parse_object (r3.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "items")), ==, 2);

  /* --as-at moves: 10 April both current; 1 May BLS expiring; 1 June BLS
   * expired, the pathway expiring; 1 July the pathway missing. */
  assert_training_status (f, "2025-04-10", 1, "current");
  assert_training_status (f, "2025-04-10", 2, "current");
  assert_training_status (f, "2025-05-01", 1, "expiring");
  assert_training_status (f, "2025-05-31", 1, "expiring");
  assert_training_status (f, "2025-06-01", 1, "expired");
  assert_training_status (f, "2025-06-01", 2, "expiring");
  assert_training_status (f, "2025-07-01", 2, "missing");

  /* Done on 1 June with no expiry given: current for good. */
  run_pcnw_at (&r4, f, "2025-07-01", "training", "done", "--id", "2", "--date", "2025-06-01");
  assert_ok (&r4);
  assert_training_status (f, "2025-07-01", 2, "current");

  /* Bad input, nothing changed: a date that does not parse is a usage
   * error (2); a completion in the future, an unknown person or id is
   * refused (1); an id that is not a number is a usage error (2). */
  run_pcnw (&r5, f, "training", "add", "--staff", "Asha Patel", "--name", "Safeguarding", "--due", "2025-13-01");
  g_assert_cmpint (r5.status, ==, 2);
  g_assert_nonnull (strstr (r5.err, "--due"));
  run_pcnw (&r6, f, "training", "add", "--staff", "Asha Patel", "--name", "Safeguarding", "--completed", "soon");
  g_assert_cmpint (r6.status, ==, 2);
  g_assert_nonnull (strstr (r6.err, "--completed"));
  run_pcnw (&r7, f, "training", "add", "--staff", "Asha Patel", "--name", "Safeguarding",
            "--completed", "2025-04-11");
  g_assert_cmpint (r7.status, ==, 1);
  g_assert_nonnull (strstr (r7.err, "--completed"));
  run_pcnw (&r8, f, "training", "add", "--staff", "Nobody", "--name", "Safeguarding");
  g_assert_cmpint (r8.status, ==, 1);
  g_assert_nonnull (strstr (r8.err, "--staff"));
  run_pcnw (&r9, f, "training", "done", "--id", "1", "--date", "2025-02-30");
  g_assert_cmpint (r9.status, ==, 2);
  run_pcnw (&r10, f, "training", "done", "--id", "99");
  g_assert_cmpint (r10.status, ==, 1);
  g_assert_nonnull (strstr (r10.err, "--id"));
  run_pcnw (&r11, f, "training", "remove", "--id", "one");
  g_assert_cmpint (r11.status, ==, 2);

  store = open_db (f->db);
  items = pcn_store_list_training_items (store, -1, NULL);
  g_assert_cmpuint (items->len, ==, 2);
  bls = g_ptr_array_index (items, 0);
  if (bls->id != 1)
    bls = g_ptr_array_index (items, 1);
  g_assert_cmpstr (bls->completed_on, ==, "2024-05-31");
  g_assert_cmpstr (bls->due_date, ==, "2025-05-31");
  g_clear_object (&store);
  g_clear_pointer (&items, g_ptr_array_unref);

  run_pcnw (&r12, f, "training", "remove", "--id", "1");
  assert_ok (&r12);
  store = open_db (f->db);
  items = pcn_store_list_training_items (store, -1, NULL);
  g_assert_cmpuint (items->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/cli/supervision/transitions", Fixture, NULL, fixture_set_up, test_transitions, fixture_tear_down);
  g_test_add ("/cli/supervision/integration", Fixture, NULL, fixture_set_up, test_integration, fixture_tear_down);
  g_test_add ("/cli/supervision/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/cli/training/add-list-done", Fixture, NULL, fixture_set_up, test_training, fixture_tear_down);
  g_test_add ("/cli/supervision/cost-export", Fixture, NULL, fixture_set_up, test_cost_and_export,
              fixture_tear_down);

  return g_test_run ();
}
