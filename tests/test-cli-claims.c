/* test-cli-claims.c — `pcnw` claims and returns commands as a user runs
 * them: import costs, report claim, claim submit/reopen, report backpay and
 * the claim, plan and back-pay workbooks; checked by output, exit status,
 * the database left behind and (for the claim workbook) LibreOffice's
 * recalculation of it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>
#include <sys/wait.h>

#include "pcn-store.h"

#define AS_AT "2025-07-01"

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
  g_ptr_array_add (argv, (gpointer) AS_AT);
  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

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

#define run_pcnw(r, f, ...) run_pcnw_with_db ((r), (f)->db, __VA_ARGS__, NULL)

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

static void
demo (Fixture *f)
{
  g_auto(Result) r = { 0 };

  run_pcnw (&r, f, "demo");
  assert_ok (&r);
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

static JsonObject *
report_claim (Fixture    *f,
              const char *month)
{
  g_auto(Result) r = { 0 };

  run_pcnw (&r, f, "report", "claim", "--month", month, "--format", "json");
  assert_ok (&r);
  return parse_object (r.out);
}

static JsonObject *
find_line (JsonObject *claim,
           const char *payroll_id)
{
  JsonArray *lines = json_object_get_array_member (claim, "lines");

  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);

      if (!json_object_get_null_member (line, "payroll_id") &&
          g_strcmp0 (json_object_get_string_member (line, "payroll_id"), payroll_id) == 0)
        return line;
    }
  return NULL;
}

static guint
count_costs (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = pcn_store_open (f->db, &error);
  g_autoptr(GArray) costs = NULL;

  g_assert_no_error (error);
  costs = pcn_store_list_actual_costs (store, 2025, &error);
  g_assert_no_error (error);
  return costs->len;
}

/* ------------------------------------------------------------- tests */

static void
test_report_json (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(JsonObject) claim = NULL;
  static const char * const keys[] = {
    "month", "financial_year", "lines", "total_claim_pence", "status", "submitted_on",
    "claimed_to_date_pence", "allocation_pence",
  };
  static const char * const line_keys[] = {
    "name", "payroll_id", "role", "wte", "days_in_post", "actual_pence", "actual_is_estimate",
    "max_pence", "claim_pence", "warnings", "share_percent",
  };
  JsonArray *lines;
  gint64 sum = 0;
  g_auto(Result) text = { 0 };
  g_auto(Result) bad = { 0 };
  g_auto(Result) missing = { 0 };

  demo (f);
  claim = report_claim (f, "2025-05");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_true (json_object_has_member (claim, keys[i]));
  g_assert_cmpstr (json_object_get_string_member (claim, "month"), ==, "2025-05");
  g_assert_cmpstr (json_object_get_string_member (claim, "financial_year"), ==, "2025/26");
  g_assert_cmpstr (json_object_get_string_member (claim, "status"), ==, "open");
  g_assert_true (json_object_get_null_member (claim, "submitted_on"));
  g_assert_cmpint (json_object_get_int_member (claim, "claimed_to_date_pence"), ==, 0);

  lines = json_object_get_array_member (claim, "lines");
  g_assert_cmpuint (json_array_get_length (lines), >, 0);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);

      for (guint k = 0; k < G_N_ELEMENTS (line_keys); k++)
        g_assert_true (json_object_has_member (line, line_keys[k]));
      sum += json_object_get_int_member (line, "claim_pence");
      if (!json_object_get_null_member (line, "max_pence"))
        g_assert_cmpint (json_object_get_int_member (line, "claim_pence"), <=,
                         json_object_get_int_member (line, "max_pence"));
    }
  g_assert_cmpint (sum, >, 0);
  g_assert_cmpint (json_object_get_int_member (claim, "total_claim_pence"), ==, sum);

  run_pcnw (&text, f, "report", "claim", "--month", "2025-05");
  assert_ok (&text);
  g_assert_nonnull (strstr (text.out, "2025/26"));
  g_assert_nonnull (strstr (text.out, "1 Jul 2025"));   /* as at */

  run_pcnw (&bad, f, "report", "claim", "--month", "2025-13");
  g_assert_cmpint (bad.status, ==, 2);
  g_assert_nonnull (strstr (bad.err, "--month"));
  run_pcnw (&missing, f, "report", "claim");
  g_assert_cmpint (missing.status, ==, 2);
  g_assert_nonnull (strstr (missing.err, "--month"));
}

static void
test_import_costs (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *bad = fixture_path (f, "bad.csv");
  g_autofree char *good = fixture_path (f, "good.csv");
  g_autoptr(JsonObject) claim = NULL;
  JsonObject *line;
  g_auto(Result) r1 = { 0 };
  g_auto(Result) r2 = { 0 };

  demo (f);
  g_assert_cmpuint (count_costs (f), ==, 0);

  write_file (bad, "payroll_id,month,amount\n"
                   "RHP0004,2025-05,\"£3,400.00\"\n"
                   "NOPE,2025-05,100\n"
                   "RHP0004,2025-13,100\n");
  run_pcnw (&r1, f, "import", "costs", bad);
  g_assert_cmpint (r1.status, ==, 1);
  /* The parser stops at the bad month before people are matched. */
  g_assert_nonnull (strstr (r1.err, "bad.csv:4: month: "));
  g_assert_nonnull (strstr (r1.err, "nothing was imported"));
  g_assert_cmpuint (count_costs (f), ==, 0);

  write_file (bad, "payroll_id,month,amount\n"
                   "RHP0004,2025-05,\"£3,400.00\"\n"
                   "NOPE,2025-05,100\n");
  g_clear_pointer (&r1.out, g_free);
  g_clear_pointer (&r1.err, g_free);
  run_pcnw (&r1, f, "import", "costs", bad);
  g_assert_cmpint (r1.status, ==, 1);
  g_assert_nonnull (strstr (r1.err, "bad.csv:3: payroll_id: "));
  g_assert_cmpuint (count_costs (f), ==, 0);

  write_file (good, "payroll_id,month,amount\n"
                    "RHP0004,2025-05,\"£3,400.00\"\n");
  run_pcnw (&r2, f, "import", "costs", good);
  assert_ok (&r2);
  g_assert_cmpuint (count_costs (f), ==, 1);

  claim = report_claim (f, "2025-05");
  line = find_line (claim, "RHP0004");
  g_assert_nonnull (line);
  g_assert_cmpint (json_object_get_int_member (line, "actual_pence"), ==, 340000);
  g_assert_false (json_object_get_boolean_member (line, "actual_is_estimate"));
}

static void
test_submit_reopen (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *csv = fixture_path (f, "may.csv");
  g_autoptr(JsonObject) before = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autoptr(JsonObject) june = NULL;
  g_auto(Result) submit = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) locked = { 0 };
  g_auto(Result) no_reason = { 0 };
  g_auto(Result) reopen = { 0 };
  g_auto(Result) unlocked = { 0 };

  demo (f);
  before = report_claim (f, "2025-05");
  run_pcnw (&submit, f, "claim", "submit", "--month", "2025-05", "--date", "2025-06-10");
  assert_ok (&submit);

  after = report_claim (f, "2025-05");
  g_assert_cmpstr (json_object_get_string_member (after, "status"), ==, "submitted");
  g_assert_cmpstr (json_object_get_string_member (after, "submitted_on"), ==, "2025-06-10");
  g_assert_cmpint (json_object_get_int_member (after, "claimed_to_date_pence"), ==,
                   json_object_get_int_member (before, "total_claim_pence"));
  june = report_claim (f, "2025-06");
  g_assert_cmpint (json_object_get_int_member (june, "claimed_to_date_pence"), ==,
                   json_object_get_int_member (before, "total_claim_pence"));

  run_pcnw (&again, f, "claim", "submit", "--month", "2025-05");
  g_assert_cmpint (again.status, ==, 1);

  write_file (csv, "payroll_id,month,amount\nRHP0004,2025-05,3400\n");
  run_pcnw (&locked, f, "import", "costs", csv);
  g_assert_cmpint (locked.status, ==, 1);
  g_assert_nonnull (strstr (locked.err, "may.csv:2: month: "));
  g_assert_nonnull (strstr (locked.err, "reopen"));
  g_assert_cmpuint (count_costs (f), ==, 0);

  run_pcnw (&no_reason, f, "claim", "reopen", "--month", "2025-05");
  g_assert_cmpint (no_reason.status, ==, 2);
  g_assert_nonnull (strstr (no_reason.err, "--reason"));

  run_pcnw (&reopen, f, "claim", "reopen", "--month", "2025-05", "--reason", "Payroll correction");
  assert_ok (&reopen);
  run_pcnw (&unlocked, f, "import", "costs", csv);
  assert_ok (&unlocked);
  g_assert_cmpuint (count_costs (f), ==, 1);

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PcnStore) store = pcn_store_open (f->db, &error);
    g_autoptr(GPtrArray) audit = pcn_store_list_audit (store, &error);
    gboolean found = FALSE;

    g_assert_no_error (error);
    for (guint i = 0; i < audit->len; i++)
      {
        PcnAuditEntry *e = g_ptr_array_index (audit, i);

        if (g_strcmp0 (e->field, "reopen_reason") == 0 &&
            g_strcmp0 (e->new_value, "Payroll correction") == 0)
          found = TRUE;
      }
    g_assert_true (found);
  }
}

static void
assert_workbook (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_file_get_contents (path, &data, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (data, "PK", 2) == 0);
}

static void
test_backpay_and_exports (Fixture       *f,
                          gconstpointer  data)
{
  g_autofree char *backpay_xlsx = fixture_path (f, "backpay.xlsx");
  g_autofree char *plan_xlsx = fixture_path (f, "plan.xlsx");
  g_autoptr(JsonObject) none = NULL;
  g_autoptr(JsonObject) backpay = NULL;
  g_auto(Result) submit = { 0 };
  g_auto(Result) r0 = { 0 };
  g_auto(Result) rate = { 0 };
  g_auto(Result) r1 = { 0 };
  g_auto(Result) text = { 0 };
  g_auto(Result) xb = { 0 };
  g_auto(Result) xp = { 0 };
  JsonArray *lines;
  gint64 sum = 0;

  demo (f);
  run_pcnw (&submit, f, "claim", "submit", "--month", "2025-05");
  assert_ok (&submit);
  g_assert_nonnull (strstr (submit.out, AS_AT));   /* the date defaults to --as-at */

  run_pcnw (&r0, f, "report", "backpay", "--year", "2025", "--format", "json");
  assert_ok (&r0);
  none = parse_object (r0.out);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (none, "lines")), ==, 0);

  run_pcnw (&rate, f, "rates", "set", "--role", "CP", "--from", "2025-04-01",
            "--annual", "80000", "--source", "Corrected");
  assert_ok (&rate);

  run_pcnw (&r1, f, "report", "backpay", "--year", "2025", "--format", "json");
  assert_ok (&r1);
  backpay = parse_object (r1.out);
  g_assert_cmpstr (json_object_get_string_member (backpay, "financial_year"), ==, "2025/26");
  lines = json_object_get_array_member (backpay, "lines");
  g_assert_cmpuint (json_array_get_length (lines), >, 0);
  for (guint i = 0; i < json_array_get_length (lines); i++)
    {
      JsonObject *line = json_array_get_object_element (lines, i);

      g_assert_cmpstr (json_object_get_string_member (line, "role"), ==, "CP");
      g_assert_cmpstr (json_object_get_string_member (line, "month"), ==, "2025-05");
      g_assert_cmpint (json_object_get_int_member (line, "new_annual_max_pence"), ==, 8000000);
      g_assert_cmpint (json_object_get_int_member (line, "difference_pence"), ==,
                       json_object_get_int_member (line, "claimable_pence") -
                       json_object_get_int_member (line, "claimed_pence"));
      sum += json_object_get_int_member (line, "difference_pence");
    }
  g_assert_cmpint (json_object_get_int_member (backpay, "total_difference_pence"), ==, sum);
  g_assert_cmpint (sum, >, 0);

  run_pcnw (&text, f, "report", "backpay", "--year", "2025");
  assert_ok (&text);
  g_assert_nonnull (strstr (text.out, "2025-05"));

  run_pcnw (&xb, f, "export", "backpay", "--year", "2025", "--output", backpay_xlsx,
            "--reason", "CP maximum corrected from 1 April 2025");
  assert_ok (&xb);
  assert_workbook (backpay_xlsx);
  run_pcnw (&xp, f, "export", "plan", "--year", "2025", "--output", plan_xlsx);
  assert_ok (&xp);
  assert_workbook (plan_xlsx);
}

/* LibreOffice's recalculated values of @path, sheet → cell → value, or
 * NULL after g_test_skip() when soffice or openpyxl is missing. */
static JsonObject *
recalculate (const char *path,
             const char *dir)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "export-claim-check.py", NULL);
  const char *python = g_getenv ("PYTHON3");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { python != NULL ? python : "/usr/bin/python3", script, "recalc", path,
                         dir, NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    {
      g_test_skip (error->message);
      return NULL;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("soffice or openpyxl missing");
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("export-claim-check.py failed: %s\n%s", error->message, err);
  return parse_object (out);
}

static void
test_export_claim_recalculated (Fixture       *f,
                                gconstpointer  data)
{
  g_autofree char *csv = fixture_path (f, "costs.csv");
  g_autofree char *xlsx = fixture_path (f, "claim.xlsx");
  g_autofree char *work = fixture_path (f, "recalc");
  g_autoptr(JsonObject) claim = NULL;
  g_autoptr(JsonObject) book = NULL;
  g_auto(Result) import = { 0 };
  g_auto(Result) r = { 0 };
  JsonObject *sheet;
  GList *members;
  gint64 total = 0;
  gboolean found = FALSE;

  demo (f);
  /* A payroll figure too, so the workbook has actual and estimated lines. */
  write_file (csv, "payroll_id,month,amount\nRHP0004,2025-05,3400.37\n");
  run_pcnw (&import, f, "import", "costs", csv);
  assert_ok (&import);

  claim = report_claim (f, "2025-05");
  run_pcnw (&r, f, "export", "claim", "--month", "2025-05", "--output", xlsx);
  assert_ok (&r);
  assert_workbook (xlsx);

  g_assert_cmpint (g_mkdir_with_parents (work, 0700), ==, 0);
  book = recalculate (xlsx, work);
  if (book == NULL)
    return;

  /* The totals row is the one named "Total"; the claim is column L. */
  sheet = json_object_get_object_member (book, "Claim");
  g_assert_nonnull (sheet);
  members = json_object_get_members (sheet);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *ref = l->data;
      JsonNode *node = json_object_get_member (sheet, ref);

      if (ref[0] == 'A' && g_ascii_isdigit (ref[1]) && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING &&
          g_strcmp0 (json_node_get_string (node), "Total") == 0)
        {
          g_autofree char *claim_ref = g_strdup_printf ("L%s", ref + 1);

          g_assert_true (json_object_has_member (sheet, claim_ref));
          total = (gint64) llround (json_object_get_double_member (sheet, claim_ref) * 100);
          found = TRUE;
        }
    }
  g_list_free (members);
  g_assert_true (found);
  g_assert_cmpint (total, ==, json_object_get_int_member (claim, "total_claim_pence"));
}

#define add_test(path, func) \
  g_test_add ("/cli/claim/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("report-json", test_report_json);
  add_test ("import-costs", test_import_costs);
  add_test ("submit-reopen", test_submit_reopen);
  add_test ("backpay-and-exports", test_backpay_and_exports);
  add_test ("export-recalculated", test_export_claim_recalculated);
  return g_test_run ();
}
