/* test-store-induction.c — induction checklists in the store: issuing on
 * add and when a practice is added, template edits leaving issued lists
 * alone, refused ticks, and the upgrade from schema 4
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pcn-store.h"
#include "pcn-store-private.h"

static char *
test_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static void
create_network (PcnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);

  pcn_network_set_name (network, "Riverside PCN");
  pcn_network_set_list_size (network, 52000);
  pcn_network_set_area (network, PCN_AREA_NATIONAL);
  g_ptr_array_add (practices, pcn_practice_new ("Elm Surgery"));
  g_ptr_array_add (practices, pcn_practice_new ("Oak Practice"));
  g_assert_true (pcn_store_create_network (store, network, practices, &error));
  g_assert_no_error (error);
}

/* An ISO date @days from the real today (issuing looks at the real date). */
static char *
days_from_today (int days)
{
  GDate d;

  pcn_date_set_today (&d);
  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return pcn_date_to_iso (&d);
}

static PcnStaff *
make_starter (const char *name,
              const char *role,
              int         start_days,
              const char *practices,
              const char *employer)
{
  PcnStaff *s = pcn_staff_new ();
  g_autofree char *start = days_from_today (start_days);
  g_autoptr(GPtrArray) sessions = pcn_sessions_parse (practices, NULL);

  pcn_staff_set_name (s, name);
  pcn_staff_set_role_code (s, role);
  pcn_staff_set_start_date (s, start);
  pcn_staff_set_wte (s, 1000);
  pcn_staff_set_employer (s, employer);
  pcn_staff_set_sessions (s, sessions);
  return s;
}

static GPtrArray *
items_of (PcnStore *store,
          gint64    staff_id)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = pcn_store_list_induction_items (store, staff_id, NULL, &error);

  g_assert_no_error (error);
  return items;
}

static guint
count_kind (GPtrArray         *items,
            PcnChecklistKind   kind,
            const char        *practice)
{
  guint n = 0;

  for (guint i = 0; i < items->len; i++)
    {
      PcnInductionItem *item = g_ptr_array_index (items, i);

      if (item->checklist == kind && g_strcmp0 (item->practice, practice) == 0)
        n++;
    }
  return n;
}

static void
test_issue_on_add (void)
{
  g_autofree char *path = test_path ("issue.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = pcn_store_open (path, &error);
  g_autoptr(PcnStaff) amy = make_starter ("Amy Link", "SPLW", 10, "Elm Surgery", "Age UK Riverside");
  g_autoptr(PcnStaff) ben = make_starter ("Ben Pharm", "CP", -20, "Elm Surgery;Oak Practice", "Riverside PCN");
  g_autoptr(PcnStaff) old = make_starter ("Old Hand", "CP", -2000, "Oak Practice", NULL);
  g_autoptr(PcnStaff) none = make_starter ("No Practice", "CP", 0, "", NULL);
  g_autoptr(GPtrArray) a = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(GPtrArray) o = NULL;
  g_autoptr(GPtrArray) n = NULL;
  gboolean splw_item = FALSE;

  g_assert_no_error (error);
  create_network (store);
  for (PcnStaff **s = (PcnStaff *[]) { amy, ben, old, none, NULL }; *s != NULL; s++)
    {
      g_assert_true (pcn_store_add_staff (store, *s, &error));
      g_assert_no_error (error);
    }

  a = items_of (store, pcn_staff_get_id (amy));
  g_assert_cmpuint (count_kind (a, PCN_CHECKLIST_PCN, NULL), >, 20);
  g_assert_cmpuint (count_kind (a, PCN_CHECKLIST_PRACTICE, "Elm Surgery"), >, 5);
  g_assert_cmpuint (count_kind (a, PCN_CHECKLIST_PRACTICE, "Oak Practice"), ==, 0);
  /* Age UK is not the PCN or a member practice: subcontracted. */
  g_assert_cmpuint (count_kind (a, PCN_CHECKLIST_EMPLOYER, NULL), >, 0);
  for (guint i = 0; i < a->len; i++)
    {
      PcnInductionItem *item = g_ptr_array_index (a, i);

      g_assert_cmpint (item->status, ==, PCN_INDUCTION_STATUS_OPEN);
      g_assert_true (g_date_valid (&item->due));
      if (g_str_has_prefix (item->text, "Write access to the clinical record"))
        splw_item = TRUE;
    }
  g_assert_true (splw_item);

  b = items_of (store, pcn_staff_get_id (ben));
  g_assert_cmpuint (count_kind (b, PCN_CHECKLIST_PRACTICE, "Oak Practice"), >, 5);
  g_assert_cmpuint (count_kind (b, PCN_CHECKLIST_EMPLOYER, NULL), ==, 0);  /* employed by the PCN */
  /* A pharmacist gets the training pathway, not the link worker items. */
  g_assert_cmpuint (count_kind (b, PCN_CHECKLIST_PCN, NULL), ==,
                    count_kind (a, PCN_CHECKLIST_PCN, NULL) - 4 + 1);

  o = items_of (store, pcn_staff_get_id (old));
  g_assert_cmpuint (o->len, ==, 0);  /* settled staff get no checklist */
  n = items_of (store, pcn_staff_get_id (none));
  g_assert_cmpuint (n->len, ==, 0);  /* no host practice yet */

  /* The explicit call issues whatever the start date. */
  g_assert_true (pcn_store_issue_induction (store, pcn_staff_get_id (old), &error));
  g_assert_no_error (error);
  g_clear_pointer (&o, g_ptr_array_unref);
  o = items_of (store, pcn_staff_get_id (old));
  g_assert_cmpuint (o->len, >, 0);
}

static void
test_practice_added_later (void)
{
  g_autofree char *path = test_path ("later.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = pcn_store_open (path, &error);
  g_autoptr(PcnStaff) amy = make_starter ("Amy Link", "SPLW", -5, "Elm Surgery", NULL);
  g_autoptr(PcnStaff) none = make_starter ("Cat Coord", "CC", -5, "", NULL);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(PcnInductionItem) ticked = NULL;
  guint elm;

  g_assert_no_error (error);
  create_network (store);
  g_assert_true (pcn_store_add_staff (store, amy, &error));
  g_assert_true (pcn_store_add_staff (store, none, &error));
  g_assert_no_error (error);

  before = items_of (store, pcn_staff_get_id (amy));
  elm = count_kind (before, PCN_CHECKLIST_PRACTICE, "Elm Surgery");
  ticked = pcn_store_tick_induction_item (store, -1, ((PcnInductionItem *) g_ptr_array_index (before, 0))->id,
                                          "Jo Manager", NULL, NULL, "fine", NULL, &error);
  g_assert_no_error (error);

  sessions = pcn_sessions_parse ("Elm Surgery;Oak Practice=2", NULL);
  pcn_staff_set_sessions (amy, sessions);
  g_assert_true (pcn_store_update_staff (store, amy, &error));
  g_assert_no_error (error);

  after = items_of (store, pcn_staff_get_id (amy));
  g_assert_cmpuint (count_kind (after, PCN_CHECKLIST_PRACTICE, "Oak Practice"), ==, elm);
  g_assert_cmpuint (count_kind (after, PCN_CHECKLIST_PRACTICE, "Elm Surgery"), ==, elm);
  g_assert_cmpuint (after->len, ==, before->len + elm);
  /* Nothing already issued changed: the tick stands. */
  g_assert_cmpint (((PcnInductionItem *) g_ptr_array_index (after, 0))->status, ==, PCN_INDUCTION_STATUS_DONE);

  /* Someone with no practice gets their lists once they have one. */
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = pcn_sessions_parse ("Oak Practice", NULL);
  pcn_staff_set_sessions (none, sessions);
  g_assert_true (pcn_store_update_staff (store, none, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_ptr_array_unref);
  after = items_of (store, pcn_staff_get_id (none));
  g_assert_cmpuint (count_kind (after, PCN_CHECKLIST_PCN, NULL), >, 0);
  g_assert_cmpuint (count_kind (after, PCN_CHECKLIST_PRACTICE, "Oak Practice"), ==, elm);
}

static void
test_template_edit_keeps_issued (void)
{
  g_autofree char *path = test_path ("templates.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = pcn_store_open (path, &error);
  g_autoptr(PcnStaff) amy = make_starter ("Amy Link", "SPLW", -5, "Elm Surgery", NULL);
  g_autoptr(PcnStaff) ben = make_starter ("Ben Pharm", "CP", -5, "Elm Surgery", NULL);
  g_autoptr(GPtrArray) templates = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GPtrArray) b = NULL;
  g_autoptr(PcnInductionTemplateItem) added = pcn_induction_template_item_new ();
  PcnInductionTemplateItem *first = NULL;
  g_autofree char *first_text = NULL;
  gint64 first_id;

  g_assert_no_error (error);
  create_network (store);
  g_assert_true (pcn_store_add_staff (store, amy, &error));
  g_assert_no_error (error);
  before = items_of (store, pcn_staff_get_id (amy));

  templates = pcn_store_list_induction_templates (store, &error);
  g_assert_no_error (error);
  first = g_ptr_array_index (templates, 0);
  g_assert_cmpint (first->checklist, ==, PCN_CHECKLIST_PCN);
  g_assert_cmpint (first->position, ==, 0);
  first_id = first->id;
  first_text = g_strdup (first->text);

  /* Edit, change due, move, remove and add. */
  g_free (first->text);
  first->text = g_strdup ("Photo ID seen");
  g_assert_true (pcn_store_update_induction_template (store, first, &error));
  g_assert_no_error (error);
  g_assert_true (pcn_store_set_induction_template_due (store, first_id, PCN_INDUCTION_DUE_DAY_1, &error));
  g_assert_no_error (error);
  g_assert_true (pcn_store_move_induction_template (store, first_id, 3, &error));
  g_assert_no_error (error);
  g_assert_true (pcn_store_remove_induction_template (store, ((PcnInductionTemplateItem *) g_ptr_array_index (templates, 1))->id, &error));
  g_assert_no_error (error);
  added->checklist = PCN_CHECKLIST_PCN;
  added->section = g_strdup ("Local");
  added->text = g_strdup ("Tea at half past ten");
  added->position = 0;
  g_assert_true (pcn_store_add_induction_template (store, added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (added->id, >, 0);

  again = pcn_store_list_induction_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, templates->len);
  g_assert_cmpstr (((PcnInductionTemplateItem *) g_ptr_array_index (again, 0))->text, ==, "Tea at half past ten");
  g_assert_cmpstr (((PcnInductionTemplateItem *) g_ptr_array_index (again, 3))->text, ==, "Photo ID seen");
  g_assert_cmpint (((PcnInductionTemplateItem *) g_ptr_array_index (again, 3))->due, ==, PCN_INDUCTION_DUE_DAY_1);
  g_assert_true (((PcnInductionTemplateItem *) g_ptr_array_index (again, 3))->edited);
  for (guint i = 0, pcn = 0; i < again->len; i++)
    {
      PcnInductionTemplateItem *t = g_ptr_array_index (again, i);

      if (t->checklist == PCN_CHECKLIST_PCN)
        g_assert_cmpint (t->position, ==, (int) pcn++);
    }

  /* Bad template items are refused. */
  {
    g_autoptr(PcnInductionTemplateItem) bad = pcn_induction_template_item_new ();

    bad->checklist = PCN_CHECKLIST_PRACTICE;
    bad->section = g_strdup ("Building");
    bad->text = g_strdup ("x");
    bad->owner = PCN_INDUCTION_OWNER_PCN;
    g_assert_false (pcn_store_add_induction_template (store, bad, &error));
    g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Amy's list is as issued. */
  after = items_of (store, pcn_staff_get_id (amy));
  g_assert_cmpuint (after->len, ==, before->len);
  for (guint i = 0; i < after->len; i++)
    {
      PcnInductionItem *x = g_ptr_array_index (before, i);
      PcnInductionItem *y = g_ptr_array_index (after, i);

      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpint (x->due_offset, ==, y->due_offset);
    }
  g_assert_cmpstr (((PcnInductionItem *) g_ptr_array_index (after, 0))->text, ==, first_text);

  /* A new starter gets the edited template. */
  g_assert_true (pcn_store_add_staff (store, ben, &error));
  g_assert_no_error (error);
  b = items_of (store, pcn_staff_get_id (ben));
  g_assert_cmpstr (((PcnInductionItem *) g_ptr_array_index (b, 0))->text, ==, "Tea at half past ten");
}

static void
test_ticks (void)
{
  g_autofree char *path = test_path ("ticks.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = pcn_store_open (path, &error);
  g_autoptr(PcnStaff) amy = make_starter ("Amy Link", "SPLW", -10, "Elm Surgery", NULL);
  g_autoptr(PcnStaff) ben = make_starter ("Ben Pharm", "CP", -10, "Elm Surgery", NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(PcnInductionItem) done = NULL;
  g_autoptr(PcnInductionItem) na = NULL;
  g_autoptr(PcnInductionItem) reopened = NULL;
  g_autofree char *before_start = days_from_today (-15);
  PcnInductionItem *day1 = NULL;
  PcnInductionItem *other = NULL;
  PcnInductionItem *ret;

  g_assert_no_error (error);
  create_network (store);
  g_assert_true (pcn_store_add_staff (store, amy, &error));
  g_assert_true (pcn_store_add_staff (store, ben, &error));
  g_assert_no_error (error);
  items = items_of (store, pcn_staff_get_id (amy));
  for (guint i = 0; i < items->len; i++)
    {
      PcnInductionItem *item = g_ptr_array_index (items, i);

      if (day1 == NULL && item->due_offset == PCN_INDUCTION_DUE_DAY_1)
        day1 = item;
      else if (other == NULL && item->due_offset == PCN_INDUCTION_DUE_WEEK_1)
        other = item;
    }
  g_assert_nonnull (day1);
  g_assert_nonnull (other);

  /* Unknown item; another person's item. */
  ret = pcn_store_tick_induction_item (store, -1, 999999, "Jo", NULL, NULL, NULL, NULL, &error);
  g_assert_null (ret);
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  ret = pcn_store_tick_induction_item (store, pcn_staff_get_id (ben), day1->id, "Jo", NULL, NULL, NULL, NULL, &error);
  g_assert_null (ret);
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Before the start date. */
  ret = pcn_store_tick_induction_item (store, -1, day1->id, "Jo", before_start, NULL, NULL, NULL, &error);
  g_assert_null (ret);
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);

  /* N/A needs a reason. */
  ret = pcn_store_tick_induction_item (store, -1, other->id, "Jo", NULL, "  ", NULL, NULL, &error);
  g_assert_null (ret);
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED);
  g_clear_error (&error);

  done = pcn_store_tick_induction_item (store, pcn_staff_get_id (amy), day1->id, "Jo Manager", NULL, NULL,
                                        "seen", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (done->status, ==, PCN_INDUCTION_STATUS_DONE);
  g_assert_cmpstr (done->done_by, ==, "Jo Manager");
  g_assert_cmpstr (done->note, ==, "seen");

  /* Twice. */
  ret = pcn_store_tick_induction_item (store, -1, day1->id, "Sam", NULL, NULL, NULL, NULL, &error);
  g_assert_null (ret);
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "already done on"));
  g_assert_nonnull (strstr (error->message, "by Jo Manager"));
  g_clear_error (&error);

  na = pcn_store_tick_induction_item (store, -1, other->id, "Jo", NULL, "Already on the clinical system", NULL,
                                      NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (na->status, ==, PCN_INDUCTION_STATUS_NA);
  g_assert_cmpstr (na->na_reason, ==, "Already on the clinical system");

  reopened = pcn_store_reopen_induction_item (store, other->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reopened->status, ==, PCN_INDUCTION_STATUS_OPEN);
  g_assert_null (reopened->na_reason);

  g_assert_true (pcn_store_set_induction_note (store, other->id, "Ask IT", &error));
  g_assert_no_error (error);
  after = items_of (store, pcn_staff_get_id (amy));
  for (guint i = 0; i < after->len; i++)
    {
      PcnInductionItem *item = g_ptr_array_index (after, i);

      if (item->id == other->id)
        g_assert_cmpstr (item->note, ==, "Ask IT");
      else if (item->id == day1->id)
        g_assert_cmpint (item->status, ==, PCN_INDUCTION_STATUS_DONE);
      else
        g_assert_cmpint (item->status, ==, PCN_INDUCTION_STATUS_OPEN);
    }
}

static void
test_progress (void)
{
  g_autofree char *path = test_path ("progress.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = pcn_store_open (path, &error);
  g_autoptr(PcnStaff) amy = make_starter ("Amy Link", "SPLW", -10, "Elm Surgery;Oak Practice", NULL);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) oak = NULL;
  g_autoptr(GPtrArray) later = NULL;
  PcnInductionStarter *st;
  GDate as_at;

  g_assert_no_error (error);
  create_network (store);
  g_assert_true (pcn_store_add_staff (store, amy, &error));
  g_assert_no_error (error);

  pcn_date_set_today (&as_at);
  all = pcn_store_induction_progress (store, &as_at, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 1);
  st = g_ptr_array_index (all, 0);
  g_assert_cmpuint (st->checklists->len, ==, 3);
  g_assert_cmpuint (((PcnInductionProgress *) g_ptr_array_index (st->checklists, 0))->items_overdue, >, 0);

  oak = pcn_store_induction_progress (store, &as_at, "oak practice", &error);
  g_assert_no_error (error);
  st = g_ptr_array_index (oak, 0);
  g_assert_cmpuint (st->checklists->len, ==, 1);
  g_assert_cmpstr (((PcnInductionProgress *) g_ptr_array_index (st->checklists, 0))->practice, ==, "Oak Practice");

  g_date_add_months (&as_at, 7);
  later = pcn_store_induction_progress (store, &as_at, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 0);
}

static void
test_migrate (void)
{
  g_autofree char *path = test_path ("old.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) old = NULL;
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnStaff) amy = make_starter ("Amy Link", "SPLW", -10, "Elm Surgery", NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) templates = NULL;

  old = _pcn_store_open_at_version (path, 4, &error);
  g_assert_no_error (error);
  create_network (old);
  g_assert_true (pcn_store_add_staff (old, amy, &error));
  g_assert_no_error (error);
  g_clear_object (&old);

  store = pcn_store_open (path, &error);
  g_assert_no_error (error);
  templates = pcn_store_list_induction_templates (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (templates->len, >, 40);
  /* The starter already in the file is issued their lists on the upgrade. */
  items = items_of (store, pcn_staff_get_id (amy));
  g_assert_cmpuint (count_kind (items, PCN_CHECKLIST_PRACTICE, "Elm Surgery"), >, 0);
  g_clear_object (&store);

  /* Opening again changes nothing. */
  store = pcn_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) again = items_of (store, pcn_staff_get_id (amy));
    g_autoptr(GPtrArray) t2 = pcn_store_list_induction_templates (store, &error);

    g_assert_cmpuint (again->len, ==, items->len);
    g_assert_cmpuint (t2->len, ==, templates->len);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/induction/issue-on-add", test_issue_on_add);
  g_test_add_func ("/store/induction/practice-added-later", test_practice_added_later);
  g_test_add_func ("/store/induction/template-edit-keeps-issued", test_template_edit_keeps_issued);
  g_test_add_func ("/store/induction/ticks", test_ticks);
  g_test_add_func ("/store/induction/progress", test_progress);
  g_test_add_func ("/store/induction/migrate", test_migrate);
  return g_test_run ();
}
