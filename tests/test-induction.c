/* test-induction.c — induction due dates, overdue, progress and ticks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pcn-core.h"

static GDate
date (const char *iso)
{
  GDate d;

  g_assert_true (pcn_date_from_iso (iso, &d));
  return d;
}

static void
assert_date (const GDate *d,
             const char  *iso)
{
  g_autofree char *got = pcn_date_to_iso (d);

  g_assert_cmpstr (got, ==, iso);
}

static void
test_due_dates (void)
{
  static const struct {
    const char      *start;
    PcnInductionDue  due;
    const char      *expected;
  } cases[] = {
    { "2026-04-01", PCN_INDUCTION_DUE_BEFORE_START, "2026-03-31" },
    { "2026-04-01", PCN_INDUCTION_DUE_DAY_1, "2026-04-01" },
    { "2026-04-01", PCN_INDUCTION_DUE_WEEK_1, "2026-04-07" },
    { "2026-04-01", PCN_INDUCTION_DUE_MONTH_1, "2026-04-30" },
    { "2026-04-01", PCN_INDUCTION_DUE_MONTH_3, "2026-06-30" },
    { "2026-03-01", PCN_INDUCTION_DUE_BEFORE_START, "2026-02-28" },
    /* Month-end starts: g_date_add_months clamps, then less a day. */
    { "2026-01-31", PCN_INDUCTION_DUE_MONTH_1, "2026-02-27" },
    { "2028-01-31", PCN_INDUCTION_DUE_MONTH_1, "2028-02-28" },
    { "2026-11-30", PCN_INDUCTION_DUE_MONTH_3, "2027-02-27" },
    { "2026-12-29", PCN_INDUCTION_DUE_WEEK_1, "2027-01-04" },
    { "2026-10-31", PCN_INDUCTION_DUE_MONTH_1, "2026-11-29" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate start = date (cases[i].start);
      GDate due;

      pcn_induction_due_date (&start, cases[i].due, &due);
      assert_date (&due, cases[i].expected);
    }
}

static PcnInductionItem *
make_item (gint64            id,
           gint64            checklist_id,
           PcnChecklistKind  kind,
           PcnInductionDue   due,
           const char       *start)
{
  PcnInductionItem *item = pcn_induction_item_new ();
  GDate s = date (start);

  item->id = id;
  item->checklist_id = checklist_id;
  item->checklist = kind;
  item->due_offset = due;
  item->text = g_strdup ("Something");
  pcn_induction_item_set_start (item, &s);
  return item;
}

static void
test_overdue (void)
{
  g_autoptr(PcnInductionItem) item = make_item (1, 1, PCN_CHECKLIST_PCN, PCN_INDUCTION_DUE_WEEK_1, "2026-04-01");
  GDate on_due = date ("2026-04-07");
  GDate after = date ("2026-04-08");

  g_assert_false (pcn_induction_item_is_overdue (item, &on_due));
  g_assert_true (pcn_induction_item_is_overdue (item, &after));
  item->status = PCN_INDUCTION_STATUS_DONE;
  g_assert_false (pcn_induction_item_is_overdue (item, &after));
  item->status = PCN_INDUCTION_STATUS_NA;
  g_assert_false (pcn_induction_item_is_overdue (item, &after));
}

static void
test_progress (void)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_item_free);
  g_autoptr(GPtrArray) progress = NULL;
  PcnInductionProgress *p;
  PcnInductionItem *item;
  GDate as_at = date ("2026-04-10");

  /* Employer list first, to check the ordering. */
  g_ptr_array_add (items, make_item (10, 3, PCN_CHECKLIST_EMPLOYER, PCN_INDUCTION_DUE_MONTH_1, "2026-04-01"));
  g_ptr_array_add (items, make_item (1, 1, PCN_CHECKLIST_PCN, PCN_INDUCTION_DUE_BEFORE_START, "2026-04-01"));
  g_ptr_array_add (items, make_item (2, 1, PCN_CHECKLIST_PCN, PCN_INDUCTION_DUE_DAY_1, "2026-04-01"));
  g_ptr_array_add (items, make_item (3, 1, PCN_CHECKLIST_PCN, PCN_INDUCTION_DUE_WEEK_1, "2026-04-01"));
  g_ptr_array_add (items, make_item (4, 1, PCN_CHECKLIST_PCN, PCN_INDUCTION_DUE_MONTH_3, "2026-04-01"));
  item = make_item (5, 2, PCN_CHECKLIST_PRACTICE, PCN_INDUCTION_DUE_DAY_1, "2026-04-01");
  item->practice = g_strdup ("Elm Surgery");
  g_ptr_array_add (items, item);
  ((PcnInductionItem *) g_ptr_array_index (items, 1))->status = PCN_INDUCTION_STATUS_DONE;
  ((PcnInductionItem *) g_ptr_array_index (items, 2))->status = PCN_INDUCTION_STATUS_NA;

  progress = pcn_induction_progress_compute (items, &as_at);
  g_assert_cmpuint (progress->len, ==, 3);

  p = g_ptr_array_index (progress, 0);
  g_assert_cmpint (p->checklist, ==, PCN_CHECKLIST_PCN);
  g_assert_cmpuint (p->items_total, ==, 4);
  g_assert_cmpuint (p->items_done, ==, 1);
  g_assert_cmpuint (p->items_na, ==, 1);
  g_assert_cmpuint (p->items_overdue, ==, 1);  /* week 1, due 7 April */
  assert_date (&p->next_due, "2026-04-07");

  p = g_ptr_array_index (progress, 1);
  g_assert_cmpint (p->checklist, ==, PCN_CHECKLIST_PRACTICE);
  g_assert_cmpstr (p->practice, ==, "Elm Surgery");
  g_assert_cmpuint (p->items_overdue, ==, 1);

  p = g_ptr_array_index (progress, 2);
  g_assert_cmpint (p->checklist, ==, PCN_CHECKLIST_EMPLOYER);
  g_assert_cmpuint (p->items_overdue, ==, 0);
  assert_date (&p->next_due, "2026-04-30");
}

static void
test_bad_ticks (void)
{
  g_autoptr(PcnInductionItem) item = make_item (7, 1, PCN_CHECKLIST_PCN, PCN_INDUCTION_DUE_DAY_1, "2026-04-01");
  g_autoptr(PcnInductionItem) pre = make_item (8, 1, PCN_CHECKLIST_PCN, PCN_INDUCTION_DUE_BEFORE_START, "2026-04-01");
  GDate start = date ("2026-04-01");
  GDate as_at = date ("2026-04-10");
  GDate before = date ("2026-03-20");
  GDate long_before = date ("2025-09-30");
  GDate future = date ("2026-04-11");
  GDate ok = date ("2026-04-02");
  g_autoptr(GError) error = NULL;

  g_assert_true (pcn_induction_item_validate_tick (item, &start, "Jo", &ok, NULL, &as_at, &error));
  g_assert_no_error (error);
  g_assert_true (pcn_induction_item_validate_tick (item, &start, "Jo", &as_at, NULL, &as_at, &error));
  g_assert_no_error (error);

  g_assert_false (pcn_induction_item_validate_tick (item, &start, "Jo", &before, NULL, &as_at, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  /* A pre-employment item may be done before the start, within six months. */
  g_assert_true (pcn_induction_item_validate_tick (pre, &start, "Jo", &before, NULL, &as_at, &error));
  g_assert_no_error (error);
  g_assert_false (pcn_induction_item_validate_tick (pre, &start, "Jo", &long_before, NULL, &as_at, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (pcn_induction_item_validate_tick (item, &start, "Jo", &future, NULL, &as_at, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pcn_induction_item_validate_tick (item, &start, "  ", &ok, NULL, &as_at, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED);
  g_clear_error (&error);
  g_assert_false (pcn_induction_item_validate_tick (item, &start, "Jo", &ok, "", &as_at, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED);
  g_clear_error (&error);

  item->status = PCN_INDUCTION_STATUS_DONE;
  item->done_by = g_strdup ("Sam Patel");
  item->done_on = g_strdup ("2026-04-02");
  g_assert_false (pcn_induction_item_validate_tick (item, &start, "Jo", &ok, NULL, &as_at, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already done on 2 Apr 2026 by Sam Patel"));
}

static void
test_starters (void)
{
  g_autoptr(PcnStaff) s = pcn_staff_new ();
  GDate d;

  pcn_staff_set_start_date (s, "2026-01-31");
  d = date ("2026-01-01");
  g_assert_true (pcn_induction_is_starter (s, &d));   /* not started yet */
  d = date ("2026-07-30");
  g_assert_true (pcn_induction_is_starter (s, &d));
  d = date ("2026-07-31");
  g_assert_false (pcn_induction_is_starter (s, &d));  /* six months on */
  pcn_staff_set_end_date (s, "2026-03-01");
  d = date ("2026-03-02");
  g_assert_false (pcn_induction_is_starter (s, &d));
}

static void
test_templates_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "resources", "data",
                                                  "induction-templates.json", NULL);
  g_autofree char *json = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has[PCN_CHECKLIST_N_KINDS] = { FALSE };
  gsize len = 0;
  int version = 0;

  g_assert_true (g_file_get_contents (path, &json, &len, &error));
  items = pcn_induction_templates_parse (json, len, &version, &error);
  g_assert_no_error (error);
  g_assert_cmpint (version, >=, 1);
  for (guint i = 0; i < items->len; i++)
    {
      PcnInductionTemplateItem *t = g_ptr_array_index (items, i);

      has[t->checklist] = TRUE;
      g_assert_nonnull (t->source);
    }
  g_assert_true (has[PCN_CHECKLIST_PCN] && has[PCN_CHECKLIST_PRACTICE] && has[PCN_CHECKLIST_EMPLOYER]);

  g_clear_pointer (&items, g_ptr_array_unref);
  items = pcn_induction_templates_parse ("{\"version\": 1, \"items\": [{\"key\": \"a\", \"checklist\": "
                                         "\"practice\", \"section\": \"S\", \"text\": \"T\", \"owner\": "
                                         "\"pcn\", \"due\": \"day_1\"}]}", (gsize) -1, NULL, &error);
  g_assert_null (items);
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/induction/due-dates", test_due_dates);
  g_test_add_func ("/induction/overdue", test_overdue);
  g_test_add_func ("/induction/progress", test_progress);
  g_test_add_func ("/induction/bad-ticks", test_bad_ticks);
  g_test_add_func ("/induction/starters", test_starters);
  g_test_add_func ("/induction/templates-file", test_templates_file);
  return g_test_run ();
}
