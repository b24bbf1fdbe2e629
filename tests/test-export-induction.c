/* test-export-induction.c — the induction overview and a person's
 * printable checklist, read back with openpyxl (export-check.py).
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

static PcnStaff *
make_staff (gint64      id,
            const char *name,
            const char *payroll,
            const char *start)
{
  PcnStaff *s = pcn_staff_new ();

  pcn_staff_set_id (s, id);
  pcn_staff_set_name (s, name);
  pcn_staff_set_payroll_id (s, payroll);
  pcn_staff_set_role_code (s, "CP");
  pcn_staff_set_start_date (s, start);
  pcn_staff_set_wte (s, 1000);
  return s;
}

static PcnInductionItem *
add_item (GPtrArray          *items,
          PcnStaff           *staff,
          gint64              checklist_id,
          PcnChecklistKind    kind,
          const char         *practice,
          const char         *section,
          const char         *text,
          PcnInductionDue     due)
{
  PcnInductionItem *item = pcn_induction_item_new ();
  GDate start;

  g_assert_true (pcn_date_from_iso (pcn_staff_get_start_date (staff), &start));
  item->id = items->len + 1;
  item->staff_id = pcn_staff_get_id (staff);
  item->staff_name = g_strdup (pcn_staff_get_name (staff));
  item->checklist_id = checklist_id;
  item->checklist = kind;
  item->practice = g_strdup (practice);
  item->section = g_strdup (section);
  item->text = g_strdup (text);
  item->owner = kind == PCN_CHECKLIST_PRACTICE ? PCN_INDUCTION_OWNER_HOST_PRACTICE : PCN_INDUCTION_OWNER_PCN;
  item->due_offset = due;
  item->position = items->len;
  pcn_induction_item_set_start (item, &start);
  g_ptr_array_add (items, item);
  return item;
}

typedef struct
{
  PcnNetwork *network;
  PcnStaff   *asha;
  PcnStaff   *odd;       /* a name that looks like a formula */
  GPtrArray  *items;     /* Asha's */
  GPtrArray  *odd_items;
  GDate       as_at;
  char       *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  PcnInductionItem *item;

  fx->dir = g_build_filename (g_get_user_data_dir (), "export", NULL);
  g_assert_cmpint (g_mkdir_with_parents (fx->dir, 0700), ==, 0);
  pcn_date_from_iso ("2025-03-20", &fx->as_at);
  fx->network = pcn_network_new ();
  pcn_network_set_name (fx->network, "Riverside PCN");
  fx->asha = make_staff (1, "Asha Patel", "P001", "2025-03-03");
  fx->odd = make_staff (2, "=HYPERLINK(\"x\")", "+44", "2025-03-17");
  fx->items = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_item_free);
  fx->odd_items = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_item_free);

  /* PCN list: one done, one N/A, one overdue (due 9 March). */
  item = add_item (fx->items, fx->asha, 10, PCN_CHECKLIST_PCN, NULL, "Pre-employment", "Right to work",
                   PCN_INDUCTION_DUE_BEFORE_START);
  item->status = PCN_INDUCTION_STATUS_DONE;
  item->done_by = g_strdup ("Jo Manager");
  item->done_on = g_strdup ("2025-02-20");
  item = add_item (fx->items, fx->asha, 10, PCN_CHECKLIST_PCN, NULL, "First week", "Meet the clinical director",
                   PCN_INDUCTION_DUE_WEEK_1);
  item->note = g_strdup ("=SUM(A1:A9)");
  /* Back in the first section: grouped with it on the printed list. */
  item = add_item (fx->items, fx->asha, 10, PCN_CHECKLIST_PCN, NULL, "Pre-employment", "DBS check",
                   PCN_INDUCTION_DUE_BEFORE_START);
  item->status = PCN_INDUCTION_STATUS_NA;
  item->done_by = g_strdup ("Jo Manager");
  item->done_on = g_strdup ("2025-02-21");
  item->na_reason = g_strdup ("@cmd|' /C calc'!A0");
  /* Practice list: one overdue (due on the start date), one not yet due. */
  add_item (fx->items, fx->asha, 11, PCN_CHECKLIST_PRACTICE, "Elm Surgery", "Building", "Fire exits",
            PCN_INDUCTION_DUE_DAY_1);
  add_item (fx->items, fx->asha, 11, PCN_CHECKLIST_PRACTICE, "Elm Surgery", "Building", "Tour of the building",
            PCN_INDUCTION_DUE_MONTH_1);

  /* Due 23 March: not overdue on the 20th. */
  add_item (fx->odd_items, fx->odd, 12, PCN_CHECKLIST_PCN, NULL, "People", "Meet the team",
            PCN_INDUCTION_DUE_WEEK_1);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->network);
  g_clear_object (&fx->asha);
  g_clear_object (&fx->odd);
  g_clear_pointer (&fx->items, g_ptr_array_unref);
  g_clear_pointer (&fx->odd_items, g_ptr_array_unref);
  g_clear_pointer (&fx->dir, g_free);
}

static PcnInductionStarter *
make_starter (PcnStaff    *staff,
              GPtrArray   *items,
              const GDate *as_at)
{
  PcnInductionStarter *st = g_new0 (PcnInductionStarter, 1);

  st->staff = g_object_ref (staff);
  st->checklists = pcn_induction_progress_compute (items, as_at);
  return st;
}

static void
test_overview (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) starters = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_starter_free);
  g_autofree char *path = g_build_filename (fx->dir, "overview.xlsx", NULL);
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *sheet;
  JsonObject *percent;
  JsonArray *sheets;

  g_ptr_array_add (starters, make_starter (fx->asha, fx->items, &fx->as_at));
  g_ptr_array_add (starters, make_starter (fx->odd, fx->odd_items, &fx->as_at));
  g_assert_true (pcn_export_induction_overview (path, fx->network, starters, &fx->as_at, &error));
  g_assert_no_error (error);

  book = read_back (path);
  if (book == NULL)
    return;
  sheets = json_object_get_array_member (book, "sheets");
  g_assert_cmpuint (json_array_get_length (sheets), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (sheets, 0), ==, "Induction");

  g_assert_cmpstr (cell_text (book, "Induction", "A1"), ==, "Riverside PCN");
  g_assert_cmpstr (cell_text (book, "Induction", "A5"), ==, "Name");
  g_assert_cmpstr (cell_text (book, "Induction", "J5"), ==, "% complete");
  g_assert_cmpstr (cell_text (book, "Induction", "K5"), ==, "Next due");

  /* Asha, PCN list: 3 items, 1 done, 1 N/A, 1 overdue. */
  g_assert_cmpstr (cell_text (book, "Induction", "A6"), ==, "Asha Patel");
  g_assert_cmpstr (cell_text (book, "Induction", "B6"), ==, "P001");
  g_assert_cmpstr (cell_date (book, "Induction", "D6"), ==, "2025-03-03T00:00:00");
  g_assert_cmpstr (cell_text (book, "Induction", "E6"), ==, "PCN");
  g_assert_cmpfloat (cell_number (book, "Induction", "F6"), ==, 3);
  g_assert_cmpfloat (cell_number (book, "Induction", "G6"), ==, 1);
  g_assert_cmpfloat (cell_number (book, "Induction", "H6"), ==, 1);
  g_assert_cmpfloat (cell_number (book, "Induction", "I6"), ==, 1);
  g_assert_true (cell_bold (book, "Induction", "I6"));   /* highlighted */
  percent = cell (book, "Induction", "J6");
  g_assert_cmpstr (json_object_get_string_member (percent, "data_type"), ==, "f");
  g_assert_cmpstr (json_object_get_string_member (percent, "value"), ==, "=IF(F6=0,1,(G6+H6)/F6)");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (percent, "cached"), 2.0 / 3.0, 1e-9);
  g_assert_cmpstr (json_object_get_string_member (percent, "number_format"), ==, "0%");
  g_assert_cmpstr (cell_date (book, "Induction", "K6"), ==, "2025-03-09T00:00:00");

  /* Asha, the host practice's list. */
  g_assert_cmpstr (cell_text (book, "Induction", "A7"), ==, "Asha Patel");
  g_assert_cmpstr (cell_text (book, "Induction", "E7"), ==, "Elm Surgery");
  g_assert_cmpfloat (cell_number (book, "Induction", "F7"), ==, 2);
  g_assert_cmpfloat (cell_number (book, "Induction", "G7"), ==, 0);
  g_assert_cmpfloat (cell_number (book, "Induction", "I7"), ==, 1);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cell (book, "Induction", "J7"), "cached"),
                                  0, 1e-9);
  g_assert_cmpstr (cell_date (book, "Induction", "K7"), ==, "2025-03-03T00:00:00");

  /* Formula-looking text stays text; nothing overdue is not highlighted. */
  g_assert_cmpstr (cell_text (book, "Induction", "A8"), ==, "=HYPERLINK(\"x\")");
  g_assert_cmpstr (cell_text (book, "Induction", "B8"), ==, "+44");
  g_assert_cmpfloat (cell_number (book, "Induction", "I8"), ==, 0);
  g_assert_false (cell_bold (book, "Induction", "I8"));
  g_assert_cmpstr (cell_date (book, "Induction", "K8"), ==, "2025-03-23T00:00:00");
  g_assert_null (cell (book, "Induction", "A9"));

  sheet = sheet_of (book, "Induction");
  g_assert_cmpstr (json_object_get_string_member (sheet, "freeze_panes"), ==, "B6");
  g_assert_cmpstr (json_object_get_string_member (sheet, "auto_filter"), ==, "A5:K8");
  g_assert_cmpstr (json_object_get_string_member (sheet, "orientation"), ==, "landscape");
  g_assert_true (json_object_get_boolean_member (sheet, "fit_to_page"));
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_width"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_height"), ==, 0);
}

static void
test_overview_empty (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) starters = g_ptr_array_new ();
  g_autofree char *path = g_build_filename (fx->dir, "empty.xlsx", NULL);
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pcn_export_induction_overview (path, fx->network, starters, &fx->as_at, &error));
  g_assert_no_error (error);
  book = read_back (path);
  if (book == NULL)
    return;
  g_assert_cmpstr (cell_text (book, "Induction", "A5"), ==, "Name");
  g_assert_null (cell (book, "Induction", "A6"));
}

static void
test_person (Fixture       *fx,
             gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fx->dir, "person.xlsx", NULL);
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *sheet;
  JsonArray *sheets;

  g_assert_true (pcn_export_induction_person (path, fx->network, fx->asha, fx->items, &fx->as_at, &error));
  g_assert_no_error (error);

  book = read_back (path);
  if (book == NULL)
    return;
  sheets = json_object_get_array_member (book, "sheets");
  g_assert_cmpuint (json_array_get_length (sheets), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (sheets, 0), ==, "Checklist");

  g_assert_cmpstr (cell_text (book, "Checklist", "A1"), ==, "Riverside PCN");
  g_assert_cmpstr (cell_text (book, "Checklist", "A2"), ==, "Induction checklist: Asha Patel");
  g_assert_nonnull (strstr (cell_text (book, "Checklist", "A3"), "P001"));
  g_assert_cmpstr (cell_text (book, "Checklist", "A5"), ==, "Item");
  g_assert_cmpstr (cell_text (book, "Checklist", "I5"), ==, "Signed off");

  /* The PCN list, its items grouped by section. */
  g_assert_cmpstr (cell_text (book, "Checklist", "A6"), ==, "PCN");
  g_assert_true (cell_bold (book, "Checklist", "A6"));
  g_assert_cmpstr (cell_text (book, "Checklist", "A7"), ==, "Pre-employment");
  g_assert_cmpstr (cell_text (book, "Checklist", "A8"), ==, "Right to work");
  g_assert_cmpstr (cell_text (book, "Checklist", "B8"), ==, "PCN");
  g_assert_cmpstr (cell_date (book, "Checklist", "C8"), ==, "2025-03-02T00:00:00");
  g_assert_cmpstr (cell_text (book, "Checklist", "D8"), ==, "Done");
  g_assert_cmpstr (cell_text (book, "Checklist", "E8"), ==, "Jo Manager");
  g_assert_cmpstr (cell_date (book, "Checklist", "F8"), ==, "2025-02-20T00:00:00");
  g_assert_cmpstr (cell_text (book, "Checklist", "A9"), ==, "DBS check");
  g_assert_cmpstr (cell_text (book, "Checklist", "D9"), ==, "Not applicable");
  g_assert_cmpstr (cell_text (book, "Checklist", "G9"), ==, "@cmd|' /C calc'!A0");
  g_assert_cmpstr (cell_text (book, "Checklist", "A10"), ==, "First week");
  g_assert_cmpstr (cell_text (book, "Checklist", "A11"), ==, "Meet the clinical director");
  g_assert_cmpstr (cell_date (book, "Checklist", "C11"), ==, "2025-03-09T00:00:00");
  g_assert_cmpstr (cell_text (book, "Checklist", "D11"), ==, "Overdue");
  g_assert_true (cell_bold (book, "Checklist", "D11"));
  g_assert_null (cell (book, "Checklist", "E11"));
  g_assert_cmpstr (cell_text (book, "Checklist", "H11"), ==, "=SUM(A1:A9)");
  g_assert_null (cell (book, "Checklist", "A12"));

  /* The host practice's list. */
  g_assert_cmpstr (cell_text (book, "Checklist", "A13"), ==, "Elm Surgery");
  g_assert_cmpstr (cell_text (book, "Checklist", "A14"), ==, "Building");
  g_assert_cmpstr (cell_text (book, "Checklist", "A15"), ==, "Fire exits");
  g_assert_cmpstr (cell_text (book, "Checklist", "B15"), ==, "Host practice");
  g_assert_cmpstr (cell_text (book, "Checklist", "D15"), ==, "Overdue");
  g_assert_cmpstr (cell_text (book, "Checklist", "A16"), ==, "Tour of the building");
  g_assert_cmpstr (cell_date (book, "Checklist", "C16"), ==, "2025-04-02T00:00:00");
  g_assert_cmpstr (cell_text (book, "Checklist", "D16"), ==, "Open");

  sheet = sheet_of (book, "Checklist");
  g_assert_cmpstr (json_object_get_string_member (sheet, "orientation"), ==, "portrait");
  g_assert_true (json_object_get_boolean_member (sheet, "fit_to_page"));
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_width"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_height"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (sheet, "print_title_rows"), ==, "$5:$5");
  g_assert_nonnull (strstr (json_object_get_string_member (sheet, "footer"), "&P"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add ("/export/induction/overview", Fixture, NULL, fixture_set_up, test_overview, fixture_tear_down);
  g_test_add ("/export/induction/overview-empty", Fixture, NULL, fixture_set_up, test_overview_empty,
              fixture_tear_down);
  g_test_add ("/export/induction/person", Fixture, NULL, fixture_set_up, test_person, fixture_tear_down);
  return g_test_run ();
}
