/* test-cli-induction.c — `pcnw` induction commands as a user runs them:
 * induction list (the CLI.md JSON keys, overdue as --as-at crosses a due
 * date, the --practice filter), induction tick (done; twice, before the
 * start or N/A without a reason refused with nothing changed), report
 * induction (keys, --practice), a host practice added later issuing its
 * list, and export induction.
 *
 * The store issues checklists on its own only for people starting within
 * six months of the real date, so every date here is relative to today.
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
  GDate start;   /* Asha's and Ben's start date: 20 days before today */
  char *today;
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

/* @start plus @days, as YYYY-MM-DD. */
static char *
day (const GDate *start,
     int          days)
{
  GDate d = *start;

  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return pcn_date_to_iso (&d);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  GDate today;

  f->dir = g_build_filename (g_get_user_data_dir (), "cli", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->dir, 0700), ==, 0);
  f->db = g_build_filename (f->dir, "pcn.db", NULL);
  pcn_date_set_today (&today);
  f->today = pcn_date_to_iso (&today);
  f->start = today;
  g_date_subtract_days (&f->start, 20);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->db);
  g_free (f->dir);
  g_free (f->today);
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
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, (gpointer) db);
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

  g_assert_null (strstr (r->err, "Sanitizer"));
  g_assert_null (strstr (r->err, "runtime error:"));
  g_assert_null (strstr (r->err, "CRITICAL"));
  g_assert_null (strstr (r->err, "WARNING"));
}

#define run_pcnw(r, f, ...) run_pcnw_with_db ((r), (f)->db, (f)->today, __VA_ARGS__, NULL)
#define run_pcnw_at(r, f, at, ...) run_pcnw_with_db ((r), (f)->db, (at), __VA_ARGS__, NULL)

static void
assert_ok (Result *r)
{
  if (r->status != 0)
    g_test_message ("stderr: %s", r->err);
  g_assert_cmpint (r->status, ==, 0);
}

static void
write_file (const char *path,
            const char *text)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

/* A PCN with two practices: Asha (CP) hosted at Millbrook, Ben (SPLW) at
 * Oak Lane, both starting 20 days ago, so both have checklists. */
static void
set_up_pcn (Fixture *f)
{
  g_autofree char *csv_path = g_build_filename (f->dir, "staff.csv", NULL);
  g_autofree char *start = pcn_date_to_iso (&f->start);
  g_autofree char *csv = NULL;
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  g_auto(Result) r4 = { 0 };

  run_pcnw (&r1, f, "init", "--name", "Test Valley PCN", "--list-size", "30000");
  assert_ok (&r1);
  run_pcnw (&r2, f, "practice", "add", "--name", "Millbrook Surgery");
  assert_ok (&r2);
  run_pcnw (&r3, f, "practice", "add", "--name", "Oak Lane");
  assert_ok (&r3);
  csv = g_strdup_printf ("name,payroll_id,role,start_date,wte,practices\n"
                         "Asha Patel,P1,CP,%s,1,Millbrook Surgery\n"
                         "Ben Okafor,P2,SPLW,%s,1,Oak Lane\n",
                         start, start);
  write_file (csv_path, csv);
  run_pcnw (&r4, f, "import", "staff", csv_path);
  assert_ok (&r4);
}

/* `induction list --staff WHO --format json` as at @as_at (transfer full). */
static JsonArray *
list_items (Fixture    *f,
            const char *as_at,
            const char *who)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;

  run_pcnw_at (&r, f, as_at, "induction", "list", "--staff", who, "--format", "json");
  assert_ok (&r);
  root = parse (r.out);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  return json_array_ref (json_node_get_array (root));
}

static JsonObject *
find_item (JsonArray *items,
           gint64     id)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (json_object_get_int_member (json_array_get_object_element (items, i), "id") == id)
      return json_array_get_object_element (items, i);
  g_assert_not_reached ();
  return NULL;
}

/* The first PCN-list item of @items due on @due, not yet ticked. */
static gint64
find_open_due (JsonArray  *items,
               const char *due)
{
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *o = json_array_get_object_element (items, i);

      if (g_strcmp0 (json_object_get_string_member (o, "checklist"), "pcn") == 0 &&
          g_strcmp0 (json_object_get_string_member (o, "due"), due) == 0 &&
          g_strcmp0 (json_object_get_string_member (o, "status"), "open") == 0)
        return json_object_get_int_member (o, "id");
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_list_keys_and_overdue (Fixture       *f,
                            gconstpointer  data)
{
  static const char * const keys[] = {
    "id", "checklist", "practice", "section", "text", "owner", "due", "status", "overdue",
  };
  /* The tick's details, which the list adds to CLI.md's keys. */
  static const char * const extras[] = { "done_by", "done_on", "na_reason", "note" };
  g_autofree char *week_1 = day (&f->start, 6);
  g_autofree char *week_1_after = day (&f->start, 7);
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(JsonArray) on_day = NULL;
  g_autoptr(JsonArray) after = NULL;
  gboolean seen_pcn = FALSE, seen_practice = FALSE;
  gint64 id;

  set_up_pcn (f);
  items = list_items (f, f->today, "Asha Patel");
  g_assert_cmpuint (json_array_get_length (items), >, 0);
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *o = json_array_get_object_element (items, i);
      g_autoptr(GList) members = json_object_get_members (o);
      const char *checklist;

      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (o, keys[k]));
      for (GList *l = members; l != NULL; l = l->next)
        g_assert_true (g_strv_contains (keys, l->data) || g_strv_contains (extras, l->data));
      g_assert_true (JSON_NODE_HOLDS_VALUE (json_object_get_member (o, "overdue")));
      g_assert_cmpint (json_node_get_value_type (json_object_get_member (o, "overdue")), ==, G_TYPE_BOOLEAN);
      g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "open");
      checklist = json_object_get_string_member (o, "checklist");
      if (g_strcmp0 (checklist, "pcn") == 0)
        {
          seen_pcn = TRUE;
          g_assert_true (json_object_get_null_member (o, "practice"));
        }
      else
        {
          g_assert_cmpstr (checklist, ==, "practice");
          g_assert_cmpstr (json_object_get_string_member (o, "practice"), ==, "Millbrook Surgery");
          seen_practice = TRUE;
        }
    }
  g_assert_true (seen_pcn);
  g_assert_true (seen_practice);

  /* A week-1 item is due on start + 6 days: not overdue that day, overdue the next. */
  id = find_open_due (items, week_1);
  on_day = list_items (f, week_1, "P1");
  g_assert_false (json_object_get_boolean_member (find_item (on_day, id), "overdue"));
  after = list_items (f, week_1_after, "P1");
  g_assert_true (json_object_get_boolean_member (find_item (after, id), "overdue"));
  g_assert_cmpstr (json_object_get_string_member (find_item (after, id), "status"), ==, "open");
}

static void
test_tick (Fixture       *f,
           gconstpointer  data)
{
  g_autofree char *start = pcn_date_to_iso (&f->start);
  g_autofree char *week_1 = day (&f->start, 6);
  g_autofree char *done_on = day (&f->start, 2);
  g_autofree char *before_start = day (&f->start, -1);
  g_autofree char *id_text = NULL;
  g_autofree char *other_text = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_autoptr(JsonArray) again = NULL;
  g_auto(Result) tick = { 0 };
  g_auto(Result) twice = { 0 };
  g_auto(Result) early = { 0 };
  g_auto(Result) na_missing = { 0 };
  g_auto(Result) na_empty = { 0 };
  g_auto(Result) unknown = { 0 };
  JsonObject *o;
  gint64 id, other;

  set_up_pcn (f);
  items = list_items (f, f->today, "Asha Patel");
  id = find_open_due (items, week_1);
  other = find_open_due (items, start);   /* a day-1 item */
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  other_text = g_strdup_printf ("%" G_GINT64_FORMAT, other);

  run_pcnw (&tick, f, "induction", "tick", "--staff", "Asha Patel", "--item", id_text,
            "--by", "Jo Manager", "--date", done_on);
  assert_ok (&tick);
  after = list_items (f, f->today, "Asha Patel");
  o = find_item (after, id);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "done");
  g_assert_false (json_object_get_boolean_member (o, "overdue"));
  g_assert_cmpstr (json_object_get_string_member (o, "done_by"), ==, "Jo Manager");
  g_assert_cmpstr (json_object_get_string_member (o, "done_on"), ==, done_on);

  /* Twice: refused, nothing changed. */
  run_pcnw (&twice, f, "induction", "tick", "--staff", "Asha Patel", "--item", id_text,
            "--by", "Someone Else", "--date", f->today);
  g_assert_cmpint (twice.status, ==, 1);
  /* Before the start (an item due on day 1): refused. */
  run_pcnw (&early, f, "induction", "tick", "--staff", "P1", "--item", other_text,
            "--by", "Jo Manager", "--date", before_start);
  g_assert_cmpint (early.status, ==, 1);
  /* --na needs a reason: a missing value is a usage error, an empty one refused. */
  run_pcnw (&na_missing, f, "induction", "tick", "--staff", "P1", "--item", other_text,
            "--by", "Jo Manager", "--na");
  g_assert_cmpint (na_missing.status, ==, 2);
  run_pcnw (&na_empty, f, "induction", "tick", "--staff", "P1", "--item", other_text,
            "--by", "Jo Manager", "--na", "");
  g_assert_cmpint (na_empty.status, ==, 1);
  /* Ben's item is not on Asha's list. */
  run_pcnw (&unknown, f, "induction", "tick", "--staff", "P2", "--item", other_text,
            "--by", "Jo Manager");
  g_assert_cmpint (unknown.status, ==, 1);

  again = list_items (f, f->today, "Asha Patel");
  o = find_item (again, id);
  g_assert_cmpstr (json_object_get_string_member (o, "done_by"), ==, "Jo Manager");
  g_assert_cmpstr (json_object_get_string_member (o, "done_on"), ==, done_on);
  o = find_item (again, other);
  g_assert_cmpstr (json_object_get_string_member (o, "status"), ==, "open");
  g_assert_true (json_object_get_null_member (o, "done_by"));
  g_assert_true (json_object_get_boolean_member (o, "overdue"));
}

/* `report induction --format json [--practice P]` (transfer full). */
static JsonObject *
report (Fixture    *f,
        const char *practice)
{
  g_auto(Result) r = { 0 };
  g_autoptr(JsonNode) root = NULL;

  if (practice != NULL)
    run_pcnw (&r, f, "report", "induction", "--format", "json", "--practice", practice);
  else
    run_pcnw (&r, f, "report", "induction", "--format", "json");
  assert_ok (&r);
  root = parse (r.out);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (root));
  return json_object_ref (json_node_get_object (root));
}

static JsonObject *
find_starter (JsonObject *root,
              const char *name)
{
  JsonArray *starters = json_object_get_array_member (root, "starters");

  for (guint i = 0; i < json_array_get_length (starters); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (starters, i), "name"),
                   name) == 0)
      return json_array_get_object_element (starters, i);
  return NULL;
}

static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  static const char * const starter_keys[] = { "name", "payroll_id", "start_date", "checklists" };
  static const char * const checklist_keys[] = {
    "checklist", "practice", "items_total", "items_done", "items_na", "items_overdue", "next_due",
  };
  g_autofree char *start = pcn_date_to_iso (&f->start);
  g_autofree char *week_1 = day (&f->start, 6);
  g_autofree char *id_text = NULL;
  g_autoptr(JsonObject) all = NULL;
  g_autoptr(JsonObject) oak = NULL;
  g_autoptr(JsonArray) items = NULL;
  g_auto(Result) tick = { 0 };
  JsonObject *asha, *ben;
  JsonArray *checklists;
  guint n_pcn = 0;

  set_up_pcn (f);
  items = list_items (f, f->today, "Asha Patel");
  for (guint i = 0; i < json_array_get_length (items); i++)
    if (g_strcmp0 (json_object_get_string_member (json_array_get_object_element (items, i), "checklist"),
                   "pcn") == 0)
      n_pcn++;
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, find_open_due (items, week_1));
  run_pcnw (&tick, f, "induction", "tick", "--staff", "P1", "--item", id_text, "--by", "Jo Manager");
  assert_ok (&tick);

  all = report (f, NULL);
  g_assert_cmpstr (json_object_get_string_member (all, "as_at"), ==, f->today);
  asha = find_starter (all, "Asha Patel");
  g_assert_nonnull (asha);
  g_assert_nonnull (find_starter (all, "Ben Okafor"));
  for (guint k = 0; k < G_N_ELEMENTS (starter_keys); k++)
    g_assert_true (json_object_has_member (asha, starter_keys[k]));
  g_assert_cmpstr (json_object_get_string_member (asha, "payroll_id"), ==, "P1");
  g_assert_cmpstr (json_object_get_string_member (asha, "start_date"), ==, start);
  checklists = json_object_get_array_member (asha, "checklists");
  g_assert_cmpuint (json_array_get_length (checklists), ==, 2);
  for (guint i = 0; i < json_array_get_length (checklists); i++)
    {
      JsonObject *c = json_array_get_object_element (checklists, i);

      for (guint k = 0; k < G_N_ELEMENTS (checklist_keys); k++)
        g_assert_true (json_object_has_member (c, checklist_keys[k]));
    }
  {
    JsonObject *pcn = json_array_get_object_element (checklists, 0);
    JsonObject *practice = json_array_get_object_element (checklists, 1);

    g_assert_cmpstr (json_object_get_string_member (pcn, "checklist"), ==, "pcn");
    g_assert_true (json_object_get_null_member (pcn, "practice"));
    g_assert_cmpint (json_object_get_int_member (pcn, "items_total"), ==, n_pcn);
    g_assert_cmpint (json_object_get_int_member (pcn, "items_done"), ==, 1);
    g_assert_cmpint (json_object_get_int_member (pcn, "items_na"), ==, 0);
    /* 20 days in, everything due by the end of week 1 and still open is overdue. */
    g_assert_cmpint (json_object_get_int_member (pcn, "items_overdue"), >, 0);
    g_assert_cmpstr (json_object_get_string_member (practice, "checklist"), ==, "practice");
    g_assert_cmpstr (json_object_get_string_member (practice, "practice"), ==, "Millbrook Surgery");
    g_assert_cmpint (json_object_get_int_member (practice, "items_done"), ==, 0);
  }

  /* A practice manager's view: only their practice's list. */
  oak = report (f, "oak lane");
  g_assert_null (find_starter (oak, "Asha Patel"));
  ben = find_starter (oak, "Ben Okafor");
  g_assert_nonnull (ben);
  checklists = json_object_get_array_member (ben, "checklists");
  g_assert_cmpuint (json_array_get_length (checklists), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (checklists, 0), "practice"),
                   ==, "Oak Lane");
}

static void
test_practice_filter_and_later_host (Fixture       *f,
                                     gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_auto(Result) bad = { 0 };
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonArray) before = NULL;
  g_autoptr(JsonArray) after = NULL;
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;
  PcnStaff *asha = NULL;
  JsonArray *open;
  guint n_oak = 0;

  set_up_pcn (f);
  run_pcnw (&r, f, "induction", "list", "--practice", "Oak Lane", "--format", "json");
  assert_ok (&r);
  root = parse (r.out);
  open = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (open), >, 0);
  for (guint i = 0; i < json_array_get_length (open); i++)
    {
      JsonObject *o = json_array_get_object_element (open, i);

      g_assert_cmpstr (json_object_get_string_member (o, "practice"), ==, "Oak Lane");
      g_assert_cmpstr (json_object_get_string_member (o, "staff"), ==, "Ben Okafor");
    }
  run_pcnw (&bad, f, "induction", "list", "--practice", "Nowhere", "--format", "json");
  g_assert_cmpint (bad.status, ==, 1);

  /* Asha starts working at Oak Lane too: its list is issued. */
  before = list_items (f, f->today, "Asha Patel");
  for (guint i = 0; i < json_array_get_length (before); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (before, i), "practice"),
                     !=, "Oak Lane");
  store = pcn_store_open (f->db, &error);
  g_assert_no_error (error);
  staff = pcn_store_list_staff (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < staff->len; i++)
    if (g_strcmp0 (pcn_staff_get_payroll_id (g_ptr_array_index (staff, i)), "P1") == 0)
      asha = g_ptr_array_index (staff, i);
  g_assert_nonnull (asha);
  sessions = pcn_sessions_parse ("Millbrook Surgery;Oak Lane", &error);
  g_assert_no_error (error);
  pcn_staff_set_sessions (asha, sessions);
  g_assert_true (pcn_store_update_staff (store, asha, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  after = list_items (f, f->today, "Asha Patel");
  for (guint i = 0; i < json_array_get_length (after); i++)
    {
      JsonObject *o = json_array_get_object_element (after, i);

      if (g_strcmp0 (json_object_get_string_member (o, "practice"), "Oak Lane") == 0)
        {
          g_assert_cmpstr (json_object_get_string_member (o, "checklist"), ==, "practice");
          n_oak++;
        }
    }
  g_assert_cmpuint (n_oak, >, 0);
  g_assert_cmpuint (json_array_get_length (after), ==, json_array_get_length (before) + n_oak);
}

static void
assert_workbook (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 2);
  g_assert_cmpint (memcmp (contents, "PK", 2), ==, 0);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *overview = g_build_filename (f->dir, "induction.xlsx", NULL);
  g_autofree char *person = g_build_filename (f->dir, "asha.xlsx", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "nobody.xlsx", NULL);
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };
  g_auto(Result) r3 = { 0 };
  g_auto(Result) r4 = { 0 };

  set_up_pcn (f);
  run_pcnw (&r1, f, "export", "induction", "--output", overview);
  assert_ok (&r1);
  assert_workbook (overview);
  run_pcnw (&r2, f, "export", "induction", "--output", person, "--staff", "Asha Patel");
  assert_ok (&r2);
  assert_workbook (person);
  run_pcnw (&r3, f, "export", "induction", "--output", nowhere, "--staff", "Nobody Here");
  g_assert_cmpint (r3.status, ==, 1);
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  run_pcnw (&r4, f, "export", "induction");
  g_assert_cmpint (r4.status, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/cli/induction/list-keys-overdue", Fixture, NULL, fixture_set_up, test_list_keys_and_overdue,
              fixture_tear_down);
  g_test_add ("/cli/induction/tick", Fixture, NULL, fixture_set_up, test_tick, fixture_tear_down);
  g_test_add ("/cli/induction/report", Fixture, NULL, fixture_set_up, test_report, fixture_tear_down);
  g_test_add ("/cli/induction/practice-later", Fixture, NULL, fixture_set_up,
              test_practice_filter_and_later_host, fixture_tear_down);
  g_test_add ("/cli/induction/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  return g_test_run ();
}
