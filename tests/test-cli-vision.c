/* test-cli-vision.c — `pcnw` vision commands as a user runs them: report
 * vision --format json with exactly the CLI.md keys and the right values
 * after vision set, objective add, objective link, buyin set and skills
 * set; bad input refused with nothing changed; export vision writing a
 * workbook; rolecard set and export role-cards read back with openpyxl.
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

/* Adds a planned post straight into the store (pcnw has no post add). */
static gint64
add_post (Fixture    *f,
          const char *title,
          const char *role)
{
  g_autoptr(PcnStore) store = open_db (f->db);
  g_autoptr(PcnPost) post = pcn_post_new ();
  g_autoptr(GError) error = NULL;

  pcn_post_set_title (post, title);
  pcn_post_set_role_code (post, role);
  pcn_post_set_wte (post, 1000);
  pcn_post_set_start_date (post, "2026-09-01");
  pcn_post_set_status (post, PCN_POST_STATUS_APPROVED, "2026-05-01");
  g_assert_true (pcn_store_add_post (store, post, &error));
  g_assert_no_error (error);
  return pcn_post_get_id (post);
}

static JsonObject *
report (Fixture *f)
{
  g_auto(Result) r = { 0 };

  run_pcnw (&r, f, "report", "vision", "--format", "json");
  assert_ok (&r);
  return parse_object (r.out);
}

static void
assert_members (JsonObject         *object,
                const char * const *names)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      if (!json_object_has_member (object, names[i]))
        g_error ("missing key %s", names[i]);
    }
}

static void
set_up_pcn (Fixture *f)
{
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };

  run_pcnw (&r1, f, "init", "--name", "Test Valley PCN", "--list-size", "30000");
  assert_ok (&r1);
  run_pcnw (&r2, f, "practice", "add", "--name", "Millbrook Surgery");
  assert_ok (&r2);
  run_pcnw (&r3, f, "practice", "add", "--name", "Abbey Fields");
  assert_ok (&r3);
}

static void
test_report_json (Fixture       *f,
                  gconstpointer  data)
{
  static const char * const top[] = { "objectives", "unlinked_posts", "practices", "skills", NULL };
  static const char * const objective_keys[] = { "title", "measure", "posts", NULL };
  static const char * const practice_keys[] = { "name", "agreed", NULL };
  static const char * const skill_keys[] = { "skill", "count", "roles", "suggested_wte", NULL };
  g_auto(Result) vision = { 0 };
  g_auto(Result) o1 = { 0 };
  g_auto(Result) o2 = { 0 };
  g_auto(Result) link = { 0 };
  g_auto(Result) buyin = { 0 };
  g_auto(Result) skills = { 0 };
  g_autoptr(JsonObject) root = NULL;
  g_autofree char *cp_text = NULL;
  JsonArray *objectives, *posts, *unlinked, *practices, *skill_list, *roles;
  JsonObject *o, *p, *s = NULL;
  gint64 cp, para;

  set_up_pcn (f);
  cp = add_post (f, "CP – Millbrook", "CP");
  para = add_post (f, "Paramedic – Abbey", "PARAMEDIC");
  cp_text = g_strdup_printf ("%" G_GINT64_FORMAT, cp);

  run_pcnw (&vision, f, "vision", "set", "--statement", "Care closer to home", "--purpose", "Free GP time");
  assert_ok (&vision);
  run_pcnw (&o1, f, "objective", "add", "--title", "Safer use of medicines", "--measure", "Reviews done",
            "--target", "80%", "--owner", "Lead pharmacist", "--review", "31/12/2026");
  assert_ok (&o1);
  run_pcnw (&o2, f, "objective", "add", "--title", "Same-day access", "--measure", "Seen the same day");
  assert_ok (&o2);
  run_pcnw (&link, f, "objective", "link", "--objective", "1", "--post", cp_text);
  assert_ok (&link);
  run_pcnw (&buyin, f, "buyin", "set", "--practice", "millbrook surgery", "--agreed", "yes",
            "--date", "2026-02-01", "--by", "Dr Jones");
  assert_ok (&buyin);
  /* 189 in 73 days at 30 minutes a CP: 0.3 WTE (test-store-vision.c). */
  run_pcnw (&skills, f, "skills", "set", "--skill", "Medication review", "--count", "189",
            "--from", "2026-01-01", "--to", "2026-03-14");
  assert_ok (&skills);

  root = report (f);
  assert_members (root, top);

  objectives = json_object_get_array_member (root, "objectives");
  g_assert_cmpuint (json_array_get_length (objectives), ==, 2);
  o = json_array_get_object_element (objectives, 0);
  assert_members (o, objective_keys);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Safer use of medicines");
  g_assert_cmpstr (json_object_get_string_member (o, "measure"), ==, "Reviews done");
  posts = json_object_get_array_member (o, "posts");
  g_assert_cmpuint (json_array_get_length (posts), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (posts, 0), "id"), ==, cp);
  o = json_array_get_object_element (objectives, 1);
  g_assert_cmpstr (json_object_get_string_member (o, "title"), ==, "Same-day access");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "posts")), ==, 0);

  unlinked = json_object_get_array_member (root, "unlinked_posts");
  g_assert_cmpuint (json_array_get_length (unlinked), ==, 1);
  g_assert_cmpint (json_object_get_int_member (json_array_get_object_element (unlinked, 0), "id"), ==, para);

  practices = json_object_get_array_member (root, "practices");
  g_assert_cmpuint (json_array_get_length (practices), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      p = json_array_get_object_element (practices, i);
      assert_members (p, practice_keys);
      if (g_strcmp0 (json_object_get_string_member (p, "name"), "Millbrook Surgery") == 0)
        g_assert_true (json_object_get_boolean_member (p, "agreed"));
      else
        {
          g_assert_cmpstr (json_object_get_string_member (p, "name"), ==, "Abbey Fields");
          g_assert_false (json_object_get_boolean_member (p, "agreed"));
        }
    }

  skill_list = json_object_get_array_member (root, "skills");
  g_assert_cmpuint (json_array_get_length (skill_list), ==, 8);
  for (guint i = 0; i < json_array_get_length (skill_list); i++)
    {
      assert_members (json_array_get_object_element (skill_list, i), skill_keys);
      if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (skill_list, i), "skill"),
                     "Medication review") == 0)
        s = json_array_get_object_element (skill_list, i);
    }
  g_assert_nonnull (s);
  g_assert_cmpint (json_object_get_int_member (s, "count"), ==, 189);
  roles = json_object_get_array_member (s, "roles");
  g_assert_cmpuint (json_array_get_length (roles), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (roles, 0), ==, "CP");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (s, "suggested_wte"), 0.3, 1e-9);
}

static void
test_bad_input (Fixture       *f,
                gconstpointer  data)
{
  g_auto(Result) skill = { 0 };
  g_auto(Result) date = { 0 };
  g_auto(Result) order = { 0 };
  g_auto(Result) practice = { 0 };
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) node_before = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonNode) node_after = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *text_before = NULL;
  g_autofree char *text_after = NULL;

  set_up_pcn (f);
  before = report (f);

  /* An unknown skill: exit 1, the known skills named, nothing changed. */
  run_pcnw (&skill, f, "skills", "set", "--skill", "dentistry", "--count", "5",
            "--from", "2026-01-01", "--to", "2026-01-31");
  g_assert_cmpint (skill.status, ==, 1);
  g_assert_nonnull (strstr (skill.err, "--skill"));
  g_assert_nonnull (strstr (skill.err, "medication_review"));

  /* A date that is not a date is an option that does not parse: exit 2,
   * naming the option. */
  run_pcnw (&date, f, "objective", "add", "--title", "Access", "--measure", "Seen", "--review", "2026-02-30");
  g_assert_cmpint (date.status, ==, 2);
  g_assert_nonnull (strstr (date.err, "--review"));

  /* A period ending before it starts: refused by the rules, exit 1. */
  run_pcnw (&order, f, "skills", "set", "--skill", "ltc_review", "--count", "5",
            "--from", "2026-02-01", "--to", "2026-01-01");
  g_assert_cmpint (order.status, ==, 1);

  /* A practice that is not a member: exit 1. */
  run_pcnw (&practice, f, "buyin", "set", "--practice", "Nowhere", "--agreed", "yes");
  g_assert_cmpint (practice.status, ==, 1);
  g_assert_nonnull (strstr (practice.err, "--practice"));

  after = report (f);
  json_node_set_object (node_before, before);
  json_node_set_object (node_after, after);
  json_generator_set_root (gen, node_before);
  text_before = json_generator_to_data (gen, NULL);
  json_generator_set_root (gen, node_after);
  text_after = json_generator_to_data (gen, NULL);
  g_assert_cmpstr (text_after, ==, text_before);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (after, "objectives")), ==, 0);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "strategy.xlsx");
  g_auto(Result) vision = { 0 };
  g_auto(Result) r = { 0 };
  g_auto(Result) missing = { 0 };
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  set_up_pcn (f);
  run_pcnw (&vision, f, "vision", "set", "--statement", "=SUM(A1:A2)");
  assert_ok (&vision);
  run_pcnw (&r, f, "export", "vision", "--output", path);
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, path));
  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 2);
  g_assert_true (memcmp (contents, "PK", 2) == 0);

  /* --output is required: a usage error. */
  run_pcnw (&missing, f, "export", "vision");
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "--output"));
}

/* The workbook at @path described by export-check.py (openpyxl), or NULL
 * after skipping the test when openpyxl is missing. */
static JsonObject *
read_workbook (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "export-check.py", NULL);
  const char *python = g_getenv ("PYTHON3");
  const char *argv[] = { python != NULL ? python : "/usr/bin/python3", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    {
      g_test_skip (error->message);
      return NULL;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("python3 cannot import openpyxl");
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("export-check.py failed: %s\n%s", error->message, err);
  return parse_object (out);
}

static const char *
workbook_text (JsonObject *book,
               const char *sheet,
               const char *ref)
{
  JsonObject *cells = json_object_get_object_member (json_object_get_object_member (book, sheet), "cells");
  JsonObject *c;

  if (!json_object_has_member (cells, ref))
    return NULL;
  c = json_object_get_object_member (cells, ref);
  g_assert_cmpstr (json_object_get_string_member (c, "data_type"), ==, "s");
  return json_object_get_string_member (c, "value");
}

/* rolecard set then export role-cards --role: the texts come back, as
 * text; an unknown role is refused (exit 1) with nothing changed; a
 * rolecard set with no text is a usage error. */
static void
test_role_cards (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = fixture_path (f, "cards.xlsx");
  g_autofree char *all_path = fixture_path (f, "all-cards.xlsx");
  g_autofree char *bad_path = fixture_path (f, "bad.xlsx");
  g_auto(Result) set = { 0 };
  g_auto(Result) clear = { 0 };
  g_auto(Result) unknown = { 0 };
  g_auto(Result) nothing = { 0 };
  g_auto(Result) r = { 0 };
  g_auto(Result) all = { 0 };
  g_auto(Result) bad = { 0 };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(JsonObject) all_book = NULL;

  set_up_pcn (f);
  run_pcnw (&set, f, "rolecard", "set", "--role", "cp", "--does", "=SUM(A1:A2) reviews medicines",
            "--supervised-by", "Dr Patel, lead GP", "--referral", "Book via the CP clinic on EMIS");
  assert_ok (&set);
  run_pcnw (&clear, f, "rolecard", "set", "--role", "Clinical pharmacist", "--does-not", "");
  assert_ok (&clear);

  store = open_db (f->db);
  before = pcn_store_list_role_cards (store, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  run_pcnw (&unknown, f, "rolecard", "set", "--role", "NOT_A_ROLE", "--does", "anything");
  g_assert_cmpint (unknown.status, ==, 1);
  g_assert_nonnull (strstr (unknown.err, "--role"));
  run_pcnw (&nothing, f, "rolecard", "set", "--role", "CP");
  g_assert_cmpint (nothing.status, ==, 2);
  run_pcnw (&bad, f, "export", "role-cards", "--output", bad_path, "--role", "NOT_A_ROLE");
  g_assert_cmpint (bad.status, ==, 1);
  g_assert_false (g_file_test (bad_path, G_FILE_TEST_EXISTS));

  store = open_db (f->db);
  after = pcn_store_list_role_cards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      PcnRoleCard *a = g_ptr_array_index (before, i);
      PcnRoleCard *b = g_ptr_array_index (after, i);

      g_assert_cmpstr (a->role_code, ==, b->role_code);
      g_assert_cmpstr (a->does, ==, b->does);
      g_assert_cmpstr (a->does_not, ==, b->does_not);
      g_assert_cmpstr (a->supervised_by, ==, b->supervised_by);
      g_assert_cmpstr (a->how_to_refer, ==, b->how_to_refer);
    }

  run_pcnw (&r, f, "export", "role-cards", "--output", path, "--role", "CP");
  assert_ok (&r);
  g_assert_nonnull (strstr (r.out, path));
  run_pcnw (&all, f, "export", "role-cards", "--output", all_path);
  assert_ok (&all);

  book = read_workbook (path);
  if (book == NULL)
    return;
  g_assert_cmpstr (workbook_text (book, "Role cards", "A1"), ==, "Test Valley PCN");
  g_assert_cmpstr (workbook_text (book, "Role cards", "A4"), ==, "Clinical pharmacist");
  g_assert_cmpstr (workbook_text (book, "Role cards", "B5"), ==, "=SUM(A1:A2) reviews medicines");
  g_assert_cmpstr (workbook_text (book, "Role cards", "B6"), ==, "Not yet written");
  g_assert_cmpstr (workbook_text (book, "Role cards", "B7"), ==, "Dr Patel, lead GP");
  g_assert_cmpstr (workbook_text (book, "Role cards", "B8"), ==, "Book via the CP clinic on EMIS");
  g_assert_null (workbook_text (book, "Role cards", "A10"));   /* only the one role */

  /* Every role: the second block starts after the first. */
  all_book = read_workbook (all_path);
  g_assert_cmpstr (workbook_text (all_book, "Role cards", "A4"), ==, "Clinical pharmacist");
  g_assert_nonnull (workbook_text (all_book, "Role cards", "A10"));
  g_assert_cmpstr (workbook_text (all_book, "Role cards", "A11"), ==, "What they do");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/cli/vision/report-json", Fixture, NULL, fixture_set_up, test_report_json, fixture_tear_down);
  g_test_add ("/cli/vision/bad-input", Fixture, NULL, fixture_set_up, test_bad_input, fixture_tear_down);
  g_test_add ("/cli/vision/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/cli/vision/role-cards", Fixture, NULL, fixture_set_up, test_role_cards, fixture_tear_down);
  return g_test_run ();
}
