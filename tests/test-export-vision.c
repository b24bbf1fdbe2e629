/* test-export-vision.c — the "strategy on a page" workbook, read back
 * with openpyxl (export-check.py): values, real dates, one-page print
 * set-up and formula-looking text kept as text; and the role cards
 * workbook.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "pcn-export.h"

static JsonObject *
read_back (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "export-check.py", NULL);
  const char *python = g_getenv ("PYTHON3");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { NULL, NULL, NULL, NULL };

  argv[0] = python != NULL ? python : "/usr/bin/python3";
  argv[1] = script;
  argv[2] = path;
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
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
sheet_of (JsonObject *book,
          const char *sheet)
{
  g_assert_true (json_object_has_member (book, sheet));
  return json_object_get_object_member (book, sheet);
}

/* NULL when the cell is empty. */
static JsonObject *
cell (JsonObject *book,
      const char *sheet,
      const char *ref)
{
  JsonObject *cells = json_object_get_object_member (sheet_of (book, sheet), "cells");

  if (!json_object_has_member (cells, ref))
    return NULL;
  return json_object_get_object_member (cells, ref);
}

/* A string cell's text (asserting it is a string, not a formula). */
static const char *
cell_text (JsonObject *book,
           const char *sheet,
           const char *ref)
{
  JsonObject *c = cell (book, sheet, ref);

  if (c == NULL)
    return NULL;
  g_assert_cmpstr (json_object_get_string_member (c, "data_type"), ==, "s");
  return json_object_get_string_member (c, "value");
}

/* A date cell: openpyxl reads a real date as a datetime. */
static const char *
cell_date (JsonObject *book,
           const char *sheet,
           const char *ref)
{
  JsonObject *c = cell (book, sheet, ref);

  g_assert_nonnull (c);
  g_assert_cmpstr (json_object_get_string_member (c, "data_type"), ==, "d");
  return json_object_get_string_member (c, "value");
}

static double
cell_number (JsonObject *book,
             const char *sheet,
             const char *ref)
{
  JsonObject *c = cell (book, sheet, ref);

  g_assert_nonnull (c);
  g_assert_cmpstr (json_object_get_string_member (c, "data_type"), ==, "n");
  return json_object_get_double_member (c, "value");
}

static gboolean
cell_bold (JsonObject *book,
           const char *sheet,
           const char *ref)
{
  JsonObject *c = cell (book, sheet, ref);

  g_assert_nonnull (c);
  return json_object_get_boolean_member (c, "bold");
}

static PcnPost *
make_post (gint64      id,
           const char *title,
           const char *role,
           const char *purpose)
{
  PcnPost *post = pcn_post_new ();
  const char *purposes[] = { purpose, NULL };

  pcn_post_set_id (post, id);
  pcn_post_set_title (post, title);
  pcn_post_set_role_code (post, role);
  pcn_post_set_wte (post, 1000);
  pcn_post_set_purposes (post, purposes);
  return post;
}

static PcnObjectivePosts *
make_objective (gint64      id,
                const char *title,
                const char *measure,
                const char *target,
                const char *owner,
                const char *review)
{
  PcnObjectivePosts *op = g_new0 (PcnObjectivePosts, 1);

  op->objective = pcn_objective_new ();
  op->objective->id = id;
  op->objective->title = g_strdup (title);
  op->objective->measure = g_strdup (measure);
  op->objective->target = g_strdup (target);
  op->objective->owner = g_strdup (owner);
  op->objective->review_date = g_strdup (review);
  op->posts = g_ptr_array_new_with_free_func (g_object_unref);
  return op;
}

static PcnPracticeBuyIn *
make_buy_in (const char *practice,
             gboolean    agreed,
             const char *date,
             const char *by,
             const char *notes)
{
  PcnPracticeBuyIn *b = pcn_practice_buy_in_new ();

  b->practice = g_strdup (practice);
  b->recorded = TRUE;
  b->agreed = agreed;
  b->date = g_strdup (date);
  b->agreed_by = g_strdup (by);
  b->notes = g_strdup (notes);
  return b;
}

typedef struct
{
  PcnNetwork      *network;
  PcnVisionReport *report;
  char            *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  PcnVisionReport *r;
  PcnObjectivePosts *op;
  PcnSkillNeed *skill;
  PcnRoleNeed *role;

  fx->dir = g_build_filename (g_get_user_data_dir (), "export", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fx->dir, 0700), ==, 0);
  fx->network = pcn_network_new ();
  pcn_network_set_name (fx->network, "Riverside PCN");

  r = fx->report = pcn_vision_report_new ();
  r->as_at = g_strdup ("2026-03-20");
  r->vision->statement = g_strdup ("=HYPERLINK(\"http://example.org\")");
  r->vision->purpose = g_strdup ("Free GP time for complex care");

  op = make_objective (1, "Safer use of medicines", "Structured medication reviews done",
                       "-10% admissions", "Lead pharmacist", "2026-06-30");
  g_ptr_array_add (op->posts, make_post (11, "CP – North", "CP", "smr"));
  g_ptr_array_add (op->posts, make_post (12, "CP – South", "CP", "smr"));
  g_ptr_array_add (r->objectives, op);
  op = make_objective (2, "@Same-day access", "Seen the same day", NULL, NULL, NULL);
  g_ptr_array_add (r->objectives, op);
  g_ptr_array_add (r->unlinked_posts, make_post (13, "Paramedic – East", "PARAMEDIC", PCN_POST_PURPOSE_CORE));

  g_ptr_array_add (r->buy_in, make_buy_in ("Abbey Fields", TRUE, "2026-01-15", "Dr Jones", NULL));
  g_ptr_array_add (r->buy_in, make_buy_in ("Millbrook", FALSE, NULL, NULL, "+ wants the audit first"));

  r->audit = pcn_skills_audit_new ();
  r->audit->from_date = g_strdup ("2026-01-01");
  r->audit->to_date = g_strdup ("2026-01-31");
  skill = g_new0 (PcnSkillNeed, 1);
  skill->code = g_strdup ("medication_review");
  skill->name = g_strdup ("Medication review");
  skill->count = 100;
  skill->roles = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (skill->roles, g_strdup ("CP"));
  skill->suggested_wte = 0.5;
  g_ptr_array_add (r->skills, skill);
  role = g_new0 (PcnRoleNeed, 1);
  role->role_code = g_strdup ("CP");
  role->role_name = g_strdup ("Clinical pharmacist");
  role->suggested_wte = 2.5;
  role->in_post_wte_milli = 1000;
  role->planned_wte_milli = 250;
  g_ptr_array_add (r->roles, role);
  pcn_vision_report_add_checks (r);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->network);
  g_clear_pointer (&fx->report, pcn_vision_report_free);
  g_clear_pointer (&fx->dir, g_free);
}

static void
test_strategy (Fixture       *fx,
               gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "strategy.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) book = NULL;
  JsonObject *sheet;
  JsonObject *gap;

  g_assert_true (pcn_export_vision (path, fx->network, fx->report, &error));
  g_assert_no_error (error);
  book = read_back (path);
  if (book == NULL)
    return;
  g_assert_cmpstr (json_object_get_string_member (book, "title"), ==, "Strategy on a page");
  sheet = sheet_of (book, "Strategy");

  /* Title block, then the vision and purpose at the top; the statement
   * looks like a formula and stays text. */
  g_assert_cmpstr (cell_text (book, "Strategy", "A1"), ==, "Riverside PCN");
  g_assert_cmpstr (cell_text (book, "Strategy", "A3"), ==, "As at 20 Mar 2026");
  g_assert_cmpstr (cell_text (book, "Strategy", "A5"), ==, "Vision");
  g_assert_cmpstr (cell_text (book, "Strategy", "B5"), ==, "=HYPERLINK(\"http://example.org\")");
  g_assert_cmpstr (cell_text (book, "Strategy", "A6"), ==, "Purpose");
  g_assert_cmpstr (cell_text (book, "Strategy", "B6"), ==, "Free GP time for complex care");

  /* Objectives. */
  g_assert_cmpstr (cell_text (book, "Strategy", "A8"), ==, "Objectives");
  g_assert_true (cell_bold (book, "Strategy", "A8"));
  g_assert_cmpstr (cell_text (book, "Strategy", "E9"), ==, "Review date");
  g_assert_cmpstr (cell_text (book, "Strategy", "A10"), ==, "Safer use of medicines");
  g_assert_cmpstr (cell_text (book, "Strategy", "B10"), ==, "Structured medication reviews done");
  g_assert_cmpstr (cell_text (book, "Strategy", "C10"), ==, "-10% admissions");
  g_assert_cmpstr (cell_text (book, "Strategy", "D10"), ==, "Lead pharmacist");
  g_assert_cmpstr (cell_date (book, "Strategy", "E10"), ==, "2026-06-30T00:00:00");
  g_assert_cmpstr (cell_text (book, "Strategy", "F10"), ==, "CP – North; CP – South");
  g_assert_cmpstr (cell_text (book, "Strategy", "A11"), ==, "@Same-day access");
  g_assert_null (cell (book, "Strategy", "C11"));
  g_assert_null (cell (book, "Strategy", "E11"));
  g_assert_cmpstr (cell_text (book, "Strategy", "F11"), ==, "No post");

  /* The linking report both ways. */
  g_assert_cmpstr (cell_text (book, "Strategy", "A13"), ==, "Objectives with no post");
  g_assert_cmpstr (cell_text (book, "Strategy", "A14"), ==, "@Same-day access");
  g_assert_cmpstr (cell_text (book, "Strategy", "A16"), ==, "Posts with no objective");
  g_assert_cmpstr (cell_text (book, "Strategy", "A18"), ==, "Paramedic – East");
  g_assert_cmpstr (cell_text (book, "Strategy", "B18"), ==, "PARAMEDIC");
  g_assert_cmpstr (cell_text (book, "Strategy", "C18"), ==,
                   pcn_post_marking_get_label (PCN_POST_MARKING_CORE));

  /* Buy-in. */
  g_assert_cmpstr (cell_text (book, "Strategy", "A20"), ==, "Practice buy-in");
  g_assert_cmpstr (cell_text (book, "Strategy", "A22"), ==, "Abbey Fields");
  g_assert_cmpstr (cell_text (book, "Strategy", "B22"), ==, "Yes");
  g_assert_cmpstr (cell_date (book, "Strategy", "C22"), ==, "2026-01-15T00:00:00");
  g_assert_cmpstr (cell_text (book, "Strategy", "D22"), ==, "Dr Jones");
  g_assert_cmpstr (cell_text (book, "Strategy", "A23"), ==, "Millbrook");
  g_assert_cmpstr (cell_text (book, "Strategy", "B23"), ==, "No");
  g_assert_true (cell_bold (book, "Strategy", "B23"));
  g_assert_null (cell (book, "Strategy", "C23"));
  g_assert_cmpstr (cell_text (book, "Strategy", "E23"), ==, "+ wants the audit first");

  /* Skills audit: counts and WTE as numbers; the gap a formula with its
   * result cached (2.5 − (1 + 0.25)). */
  g_assert_cmpstr (cell_text (book, "Strategy", "A25"), ==, "Skills-need audit");
  g_assert_nonnull (strstr (cell_text (book, "Strategy", "A26"), "(31 days)"));
  g_assert_nonnull (strstr (cell_text (book, "Strategy", "A26"), "94500 minutes"));
  g_assert_cmpstr (cell_text (book, "Strategy", "A28"), ==, "Medication review");
  g_assert_cmpfloat (cell_number (book, "Strategy", "B28"), ==, 100);
  g_assert_cmpstr (cell_text (book, "Strategy", "C28"), ==, "CP");
  g_assert_cmpfloat_with_epsilon (cell_number (book, "Strategy", "D28"), 0.5, 1e-9);
  g_assert_cmpstr (cell_text (book, "Strategy", "A32"), ==, "Clinical pharmacist");
  g_assert_cmpfloat_with_epsilon (cell_number (book, "Strategy", "B32"), 2.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (book, "Strategy", "C32"), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (cell_number (book, "Strategy", "D32"), 0.25, 1e-9);
  gap = cell (book, "Strategy", "E32");
  g_assert_nonnull (gap);
  g_assert_cmpstr (json_object_get_string_member (gap, "data_type"), ==, "f");
  g_assert_cmpstr (json_object_get_string_member (gap, "value"), ==, "=B32-(C32+D32)");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (gap, "cached"), 1.25, 1e-9);

  /* The checks close the page. */
  g_assert_cmpstr (cell_text (book, "Strategy", "A34"), ==, "Checks");
  g_assert_nonnull (cell_text (book, "Strategy", "A35"));

  /* One landscape A4 page with a footer. */
  g_assert_cmpstr (json_object_get_string_member (sheet, "orientation"), ==, "landscape");
  g_assert_cmpint (json_object_get_int_member (sheet, "paper_size"), ==, 9);
  g_assert_true (json_object_get_boolean_member (sheet, "fit_to_page"));
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_width"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_height"), ==, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (sheet, "footer"), "&P"));
}

/* Nothing written yet: every section still there, saying so. */
static void
test_empty (Fixture       *fx,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "empty.xlsx", NULL);
  g_autoptr(PcnVisionReport) report = pcn_vision_report_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) book = NULL;

  report->as_at = g_strdup ("2026-03-20");
  g_assert_true (pcn_export_vision (path, fx->network, report, &error));
  g_assert_no_error (error);
  book = read_back (path);
  if (book == NULL)
    return;
  g_assert_cmpstr (cell_text (book, "Strategy", "B5"), ==, "Not yet written");
  g_assert_cmpstr (cell_text (book, "Strategy", "A10"), ==, "No objectives yet");
  g_assert_cmpstr (cell_text (book, "Strategy", "A13"), ==, "None: every objective has a post");
  g_assert_cmpstr (cell_text (book, "Strategy", "A16"), ==, "None: every post serves an objective");
  g_assert_cmpstr (cell_text (book, "Strategy", "A19"), ==, "No member practices");
  g_assert_cmpstr (cell_text (book, "Strategy", "A22"), ==, "No audit recorded");
}

/* A folder that does not exist: an I/O error naming the file. */
static void
test_unwritable (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "missing", "strategy.xlsx", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (pcn_export_vision (path, fx->network, fx->report, &error));
  g_assert_error (error, PCN_EXPORT_ERROR, PCN_EXPORT_ERROR_IO);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static PcnRoleCard *
make_card (const char *code,
           const char *name,
           const char *does,
           const char *does_not,
           const char *supervised_by,
           const char *how_to_refer)
{
  PcnRoleCard *card = pcn_role_card_new ();

  card->role_code = g_strdup (code);
  card->role_name = g_strdup (name);
  card->does = g_strdup (does);
  card->does_not = g_strdup (does_not);
  card->supervised_by = g_strdup (supervised_by);
  card->how_to_refer = g_strdup (how_to_refer);
  return card;
}

/* What export-check.py does not report: italics of B8 and B12, the left
 * footer and the rows with a page break after them, as one line. NULL
 * when openpyxl cannot be used (the caller has skipped already). */
static char *
probe_cards (const char *path)
{
  static const char script[] =
    "import sys, openpyxl\n"
    "ws = openpyxl.load_workbook(sys.argv[1]).active\n"
    "print(bool(ws['B5'].font.i), bool(ws['B8'].font.i), bool(ws['B12'].font.i),\n"
    "      ws.oddFooter.left.text, [b.id for b in ws.row_breaks.brk])\n";
  const char *python = g_getenv ("PYTHON3");
  const char *argv[] = { python != NULL ? python : "/usr/bin/python3", "-c", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("probe failed: %s\n%s", error->message, err);
  return g_strstrip (g_steal_pointer (&out));
}

/* Role cards: one block per role, empty texts "Not yet written" in
 * italics, formula-looking text kept as text, a page break between roles,
 * portrait and one page wide, the PCN's name in the footer. */
static void
test_role_cards (Fixture       *fx,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "cards.xlsx", NULL);
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_role_card_free);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) book = NULL;
  g_autofree char *probe = NULL;
  JsonObject *sheet;

  g_ptr_array_add (cards, make_card ("CP", "Clinical pharmacist", "=SUM(A1:A9)", "Prescribe for acute illness",
                                     "+Lead pharmacist", NULL));
  g_ptr_array_add (cards, make_card ("SPLW", NULL, "Connects people with community support", "", NULL,
                                     "@reception: book a 30-minute slot"));
  pcn_network_set_name (fx->network, "Riverside & Vale PCN");
  g_assert_true (pcn_export_role_cards (path, fx->network, cards, &error));
  g_assert_no_error (error);
  book = read_back (path);
  if (book == NULL)
    return;

  g_assert_cmpstr (json_object_get_string_member (book, "title"), ==, "Role cards");
  sheet = sheet_of (book, "Role cards");
  g_assert_cmpstr (cell_text (book, "Role cards", "A1"), ==, "Riverside & Vale PCN");

  g_assert_cmpstr (cell_text (book, "Role cards", "A4"), ==, "Clinical pharmacist");
  g_assert_true (cell_bold (book, "Role cards", "A4"));
  g_assert_cmpstr (cell_text (book, "Role cards", "A5"), ==, "What they do");
  g_assert_true (cell_bold (book, "Role cards", "A5"));
  g_assert_cmpstr (cell_text (book, "Role cards", "B5"), ==, "=SUM(A1:A9)");
  g_assert_cmpstr (cell_text (book, "Role cards", "A6"), ==, "What they do not do");
  g_assert_cmpstr (cell_text (book, "Role cards", "B6"), ==, "Prescribe for acute illness");
  g_assert_cmpstr (cell_text (book, "Role cards", "A7"), ==, "Who supervises them");
  g_assert_cmpstr (cell_text (book, "Role cards", "B7"), ==, "+Lead pharmacist");
  g_assert_cmpstr (cell_text (book, "Role cards", "A8"), ==, "How to refer");
  g_assert_cmpstr (cell_text (book, "Role cards", "B8"), ==, "Not yet written");

  /* No name: the code is the heading; "" is not yet written either. */
  g_assert_cmpstr (cell_text (book, "Role cards", "A10"), ==, "SPLW");
  g_assert_cmpstr (cell_text (book, "Role cards", "B11"), ==, "Connects people with community support");
  g_assert_cmpstr (cell_text (book, "Role cards", "B12"), ==, "Not yet written");
  g_assert_cmpstr (cell_text (book, "Role cards", "B13"), ==, "Not yet written");
  g_assert_cmpstr (cell_text (book, "Role cards", "B14"), ==, "@reception: book a 30-minute slot");

  g_assert_cmpstr (json_object_get_string_member (sheet, "orientation"), ==, "portrait");
  g_assert_cmpint (json_object_get_int_member (sheet, "paper_size"), ==, 9);
  g_assert_true (json_object_get_boolean_member (sheet, "fit_to_page"));
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_width"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_height"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (sheet, "footer"), ==, "Page &P of &N");

  /* B5 written, B8 and B12 not yet: italics; "&" escaped in the footer;
   * a break after row 9, before the second role. */
  probe = probe_cards (path);
  g_assert_cmpstr (probe, ==, "False True True Riverside && Vale PCN [9]");
}

static void
test_role_cards_empty (Fixture       *fx,
                       gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "no-cards.xlsx", NULL);
  g_autoptr(GPtrArray) cards = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) book = NULL;

  g_assert_true (pcn_export_role_cards (path, fx->network, cards, &error));
  g_assert_no_error (error);
  book = read_back (path);
  if (book == NULL)
    return;
  g_assert_cmpstr (cell_text (book, "Role cards", "A4"), ==, "No role cards");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/export/vision/strategy", Fixture, NULL, fixture_set_up, test_strategy, fixture_tear_down);
  g_test_add ("/export/vision/empty", Fixture, NULL, fixture_set_up, test_empty, fixture_tear_down);
  g_test_add ("/export/vision/unwritable", Fixture, NULL, fixture_set_up, test_unwritable, fixture_tear_down);
  g_test_add ("/export/vision/role-cards", Fixture, NULL, fixture_set_up, test_role_cards, fixture_tear_down);
  g_test_add ("/export/vision/role-cards-empty", Fixture, NULL, fixture_set_up, test_role_cards_empty,
              fixture_tear_down);
  return g_test_run ();
}
