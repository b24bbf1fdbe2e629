/* test-store-vision.c — the vision in the store: round trips of the
 * vision, objectives, reviews, links, buy-in and skills; the linking
 * report both ways; the warning above five objectives; suggested WTE
 * worked by hand; audit rows for the vision tables; and migrating a
 * schema 6 file to 7 with its data kept and the default skills and role
 * cards loaded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pcn-store.h"
#include "pcn-store-private.h"

static char *
test_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static PcnStore *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  PcnStore *store = pcn_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
create_network (PcnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);

  pcn_network_set_name (network, "Riverside PCN");
  pcn_network_set_ods_code (network, "U12345");
  pcn_network_set_list_size (network, 52000);
  pcn_network_set_weighted_list_size (network, 55000);
  pcn_network_set_area (network, PCN_AREA_NATIONAL);
  g_ptr_array_add (practices, pcn_practice_new ("Elm Surgery"));
  g_ptr_array_add (practices, pcn_practice_new ("Oak Practice"));
  g_assert_true (pcn_store_create_network (store, network, practices, &error));
  g_assert_no_error (error);
}

/* A planned post (approved, expected start, no one in it). */
static gint64
add_post (PcnStore   *store,
          const char *title,
          const char *role,
          int         wte)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnPost) post = pcn_post_new ();

  pcn_post_set_title (post, title);
  pcn_post_set_role_code (post, role);
  pcn_post_set_wte (post, wte);
  pcn_post_set_start_date (post, "2026-09-01");
  pcn_post_set_status (post, PCN_POST_STATUS_APPROVED, "2026-05-01");
  g_assert_true (pcn_store_add_post (store, post, &error));
  g_assert_no_error (error);
  return pcn_post_get_id (post);
}

static gint64
add_objective (PcnStore   *store,
               const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnObjective) o = pcn_objective_new ();

  o->title = g_strdup (title);
  o->measure = g_strdup ("How we will know");
  g_assert_true (pcn_store_add_objective (store, o, &error));
  g_assert_no_error (error);
  g_assert_cmpint (o->id, >, 0);
  return o->id;
}

static PcnVisionReport *
report_at (PcnStore   *store,
           const char *iso)
{
  g_autoptr(GError) error = NULL;
  PcnVisionReport *report;
  GDate d;

  g_assert_true (pcn_date_from_iso (iso, &d));
  report = pcn_store_vision_report (store, &d, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  return report;
}

static gboolean
has_check (PcnVisionReport *report,
           const char      *rule_id)
{
  for (guint i = 0; i < report->checks->len; i++)
    if (g_strcmp0 (((PcnCheck *) g_ptr_array_index (report->checks, i))->rule_id, rule_id) == 0)
      return TRUE;
  return FALSE;
}

static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
test_round_trips (void)
{
  g_autofree char *path = test_path ("crud.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnVision) vision = NULL;
  g_autoptr(PcnVision) got = NULL;
  g_autoptr(PcnObjective) o = pcn_objective_new ();
  g_autoptr(PcnObjective) bad = pcn_objective_new ();
  g_autoptr(PcnVisionReview) review = pcn_vision_review_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) reviews = NULL;
  g_autoptr(GArray) links = NULL;
  PcnObjective *stored;
  gint64 post_id;

  create_network (store);

  /* Nothing written yet: empty, the default working weeks. */
  vision = pcn_store_get_vision (store, &error);
  g_assert_no_error (error);
  g_assert_null (vision->statement);
  g_assert_cmpint (vision->working_weeks, ==, PCN_VISION_DEFAULT_WORKING_WEEKS);
  vision->statement = g_strdup ("Care closer to home");
  vision->purpose = g_strdup ("Free GP time for complex care");
  vision->working_weeks = 44;
  g_assert_true (pcn_store_set_vision (store, vision, &error));
  g_assert_no_error (error);
  got = pcn_store_get_vision (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->statement, ==, "Care closer to home");
  g_assert_cmpstr (got->purpose, ==, "Free GP time for complex care");
  g_assert_cmpint (got->working_weeks, ==, 44);

  /* Working weeks out of range: refused, nothing changed. */
  vision->working_weeks = 53;
  g_assert_false (pcn_store_set_vision (store, vision, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_clear_pointer (&got, pcn_vision_free);
  got = pcn_store_get_vision (store, &error);
  g_assert_cmpint (got->working_weeks, ==, 44);

  /* An objective with every field, updated, then removed with its links. */
  o->title = g_strdup ("Safer use of medicines");
  o->measure = g_strdup ("Structured medication reviews done");
  o->target = g_strdup ("80% in the year");
  o->owner = g_strdup ("Lead pharmacist");
  o->review_date = g_strdup ("2026-12-31");
  g_assert_true (pcn_store_add_objective (store, o, &error));
  g_assert_no_error (error);
  bad->title = g_strdup ("No measure");
  g_assert_false (pcn_store_add_objective (store, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (bad->id, ==, 0);

  list = pcn_store_list_objectives (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  stored = g_ptr_array_index (list, 0);
  g_assert_cmpint (stored->id, ==, o->id);
  g_assert_cmpstr (stored->title, ==, "Safer use of medicines");
  g_assert_cmpstr (stored->measure, ==, "Structured medication reviews done");
  g_assert_cmpstr (stored->target, ==, "80% in the year");
  g_assert_cmpstr (stored->owner, ==, "Lead pharmacist");
  g_assert_cmpstr (stored->review_date, ==, "2026-12-31");

  g_free (stored->target);
  stored->target = g_strdup ("90% in the year");
  g_assert_true (pcn_store_update_objective (store, stored, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pcn_store_list_objectives (store, &error);
  g_assert_cmpstr (((PcnObjective *) g_ptr_array_index (list, 0))->target, ==, "90% in the year");

  post_id = add_post (store, "CP – Elm", "CP", 1000);
  g_assert_true (pcn_store_link_objective (store, o->id, post_id, &error));
  g_assert_no_error (error);
  links = pcn_store_list_objective_links (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (links->len, ==, 1);
  g_assert_cmpint (g_array_index (links, PcnObjectiveLink, 0).objective_id, ==, o->id);
  g_assert_cmpint (g_array_index (links, PcnObjectiveLink, 0).post_id, ==, post_id);
  g_clear_pointer (&links, g_array_unref);

  g_assert_true (pcn_store_remove_objective (store, o->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pcn_store_list_objectives (store, &error);
  g_assert_cmpuint (list->len, ==, 0);
  links = pcn_store_list_objective_links (store, &error);
  g_assert_cmpuint (links->len, ==, 0);

  /* Reviews: newest first, removable. */
  review->date = g_strdup ("2026-01-10");
  review->note = g_strdup ("First look back");
  g_assert_true (pcn_store_add_vision_review (store, review, &error));
  g_assert_no_error (error);
  g_free (review->date);
  g_free (review->note);
  review->id = 0;
  review->date = g_strdup ("2026-04-10");
  review->note = g_strdup ("=Second look");
  g_assert_true (pcn_store_add_vision_review (store, review, &error));
  g_assert_no_error (error);
  reviews = pcn_store_list_vision_reviews (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reviews->len, ==, 2);
  g_assert_cmpstr (((PcnVisionReview *) g_ptr_array_index (reviews, 0))->note, ==, "=Second look");
  g_assert_cmpstr (((PcnVisionReview *) g_ptr_array_index (reviews, 1))->date, ==, "2026-01-10");
  g_assert_true (pcn_store_remove_vision_review (store, review->id, &error));
  g_assert_no_error (error);
  g_clear_pointer (&reviews, g_ptr_array_unref);
  reviews = pcn_store_list_vision_reviews (store, &error);
  g_assert_cmpuint (reviews->len, ==, 1);
}

static void
test_links_report (void)
{
  g_autofree char *path = test_path ("links.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnVisionReport) report = NULL;
  PcnObjectivePosts *op;
  gint64 access, medicines, cp, para;

  create_network (store);
  access = add_objective (store, "Same-day access");
  medicines = add_objective (store, "Safer use of medicines");
  cp = add_post (store, "CP – Elm", "CP", 1000);
  para = add_post (store, "Paramedic – Oak", "PARAMEDIC", 1000);

  g_assert_true (pcn_store_link_objective (store, medicines, cp, &error));
  g_assert_no_error (error);
  /* Linking twice is not an error. */
  g_assert_true (pcn_store_link_objective (store, medicines, cp, &error));
  g_assert_no_error (error);
  /* Unknown objective or post. */
  g_assert_false (pcn_store_link_objective (store, 9999, cp, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN);
  g_clear_error (&error);
  g_assert_false (pcn_store_link_objective (store, access, 9999, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN);
  g_clear_error (&error);

  report = report_at (store, "2026-06-01");
  g_assert_cmpuint (report->objectives->len, ==, 2);
  op = g_ptr_array_index (report->objectives, 0);
  g_assert_cmpstr (op->objective->title, ==, "Same-day access");
  g_assert_cmpuint (op->posts->len, ==, 0);
  op = g_ptr_array_index (report->objectives, 1);
  g_assert_cmpstr (op->objective->title, ==, "Safer use of medicines");
  g_assert_cmpuint (op->posts->len, ==, 1);
  g_assert_cmpint (pcn_post_get_id (g_ptr_array_index (op->posts, 0)), ==, cp);
  g_assert_cmpuint (report->unlinked_posts->len, ==, 1);
  g_assert_cmpint (pcn_post_get_id (g_ptr_array_index (report->unlinked_posts, 0)), ==, para);
  g_assert_true (has_check (report, PCN_VISION_CHECK_OBJECTIVE_NO_POST));
  g_assert_true (has_check (report, PCN_VISION_CHECK_POST_NO_OBJECTIVE));
  g_clear_pointer (&report, pcn_vision_report_free);

  /* Link the rest and unlink nothing: both lists empty, no such checks. */
  g_assert_true (pcn_store_link_objective (store, access, para, &error));
  g_assert_no_error (error);
  report = report_at (store, "2026-06-01");
  g_assert_cmpuint (report->unlinked_posts->len, ==, 0);
  g_assert_false (has_check (report, PCN_VISION_CHECK_OBJECTIVE_NO_POST));
  g_assert_false (has_check (report, PCN_VISION_CHECK_POST_NO_OBJECTIVE));
  g_clear_pointer (&report, pcn_vision_report_free);

  /* Unlinking puts the post back on the list. */
  g_assert_true (pcn_store_unlink_objective (store, access, para, &error));
  g_assert_no_error (error);
  report = report_at (store, "2026-06-01");
  g_assert_cmpuint (report->unlinked_posts->len, ==, 1);
}

static void
test_too_many_objectives (void)
{
  g_autofree char *path = test_path ("many.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(PcnVisionReport) report = NULL;

  create_network (store);
  for (int i = 1; i <= PCN_VISION_OBJECTIVES_WARN_ABOVE; i++)
    {
      g_autofree char *title = g_strdup_printf ("Objective %d", i);
      add_objective (store, title);
    }
  report = report_at (store, "2026-06-01");
  g_assert_cmpuint (report->objectives->len, ==, 5);
  g_assert_false (has_check (report, PCN_VISION_CHECK_TOO_MANY));
  g_clear_pointer (&report, pcn_vision_report_free);

  /* A sixth is stored, and warned about. */
  add_objective (store, "Objective 6");
  report = report_at (store, "2026-06-01");
  g_assert_cmpuint (report->objectives->len, ==, 6);
  g_assert_true (has_check (report, PCN_VISION_CHECK_TOO_MANY));
  for (guint i = 0; i < report->checks->len; i++)
    {
      PcnCheck *c = g_ptr_array_index (report->checks, i);

      if (g_strcmp0 (c->rule_id, PCN_VISION_CHECK_TOO_MANY) == 0)
        g_assert_cmpint (c->severity, ==, PCN_CHECK_WARNING);
    }
}

static void
test_buy_in (void)
{
  g_autofree char *path = test_path ("buyin.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnPracticeBuyIn) b = pcn_practice_buy_in_new ();
  g_autoptr(PcnPracticeBuyIn) unknown = pcn_practice_buy_in_new ();
  g_autoptr(GPtrArray) list = NULL;
  PcnPracticeBuyIn *got;

  create_network (store);
  list = pcn_store_list_buy_in (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  got = g_ptr_array_index (list, 0);
  g_assert_cmpstr (got->practice, ==, "Elm Surgery");
  g_assert_false (got->recorded);
  g_assert_false (got->agreed);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* By name, case-insensitively. */
  b->practice = g_strdup ("oak practice");
  b->agreed = TRUE;
  b->date = g_strdup ("2026-02-01");
  b->agreed_by = g_strdup ("Dr Jones");
  b->notes = g_strdup ("Keen on the physiotherapist");
  g_assert_true (pcn_store_set_buy_in (store, b, &error));
  g_assert_no_error (error);
  list = pcn_store_list_buy_in (store, &error);
  g_assert_no_error (error);
  got = g_ptr_array_index (list, 1);
  g_assert_cmpstr (got->practice, ==, "Oak Practice");
  g_assert_true (got->recorded);
  g_assert_true (got->agreed);
  g_assert_cmpstr (got->date, ==, "2026-02-01");
  g_assert_cmpstr (got->agreed_by, ==, "Dr Jones");
  g_assert_cmpstr (got->notes, ==, "Keen on the physiotherapist");
  g_assert_false (((PcnPracticeBuyIn *) g_ptr_array_index (list, 0))->recorded);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Changed mind: replaced, not added. */
  b->agreed = FALSE;
  g_assert_true (pcn_store_set_buy_in (store, b, &error));
  g_assert_no_error (error);
  list = pcn_store_list_buy_in (store, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_false (((PcnPracticeBuyIn *) g_ptr_array_index (list, 1))->agreed);

  unknown->practice = g_strdup ("Nowhere Surgery");
  unknown->agreed = TRUE;
  g_assert_false (pcn_store_set_buy_in (store, unknown, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN);
}

/* Worked by hand. Audit 1 Jan to 14 Mar 2026: 31 + 28 + 14 = 73 days, so
 * a year is 365 ÷ 73 = 5 periods. 189 medication reviews → 945 a year;
 * at 30 minutes (CP only) 28,350 minutes; a WTE year is 37.5 × 60 × 42 =
 * 94,500 minutes; 28,350 ÷ 94,500 = 0.3 WTE. Against the plan: a planned
 * CP post of 0.2 WTE and nobody in post leaves a gap of 0.1. */
static void
test_skills_wte (void)
{
  g_autofree char *path = test_path ("skills.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GPtrArray) mappings = NULL;
  g_autoptr(GPtrArray) audits = NULL;
  g_autoptr(PcnSkillsAudit) audit = pcn_skills_audit_new ();
  g_autoptr(PcnVisionReport) report = NULL;
  const PcnSkill *medication;
  PcnRoleNeed *cp = NULL;
  PcnSkillNeed *need = NULL;

  create_network (store);
  add_post (store, "CP – planned", "CP", 200);
  skills = pcn_store_list_skills (store, &error);
  g_assert_no_error (error);
  medication = pcn_skills_find (skills, "medication review");
  g_assert_nonnull (medication);
  g_assert_cmpstr (medication->code, ==, "medication_review");

  /* The shipped mapping: medication review by a CP at 30 minutes. */
  mappings = pcn_store_list_skill_roles (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < mappings->len; i++)
    {
      PcnSkillRole *m = g_ptr_array_index (mappings, i);

      if (m->skill_id == medication->id)
        {
          g_assert_cmpstr (m->role_code, ==, "CP");
          g_assert_cmpint (m->minutes_per_contact, ==, 30);
        }
    }

  audit->from_date = g_strdup ("2026-01-01");
  audit->to_date = g_strdup ("2026-03-14");
  pcn_skills_audit_set_count (audit, medication->id, 189);
  g_assert_true (pcn_store_save_skills_audit (store, audit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pcn_skills_audit_get_days (audit), ==, 73);

  /* Saving the same period again uses the same audit. */
  {
    g_autoptr(PcnSkillsAudit) again = pcn_skills_audit_copy (audit);

    again->id = 0;
    g_assert_true (pcn_store_save_skills_audit (store, again, &error));
    g_assert_no_error (error);
    g_assert_cmpint (again->id, ==, audit->id);
  }
  audits = pcn_store_list_skills_audits (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audits->len, ==, 1);
  g_assert_cmpint (pcn_skills_audit_get_count (g_ptr_array_index (audits, 0), medication->id), ==, 189);

  report = report_at (store, "2026-04-01");
  g_assert_nonnull (report->audit);
  g_assert_cmpfloat_with_epsilon (report->minutes_per_wte_year, 94500.0, 1e-9);
  for (guint i = 0; i < report->skills->len; i++)
    if (((PcnSkillNeed *) g_ptr_array_index (report->skills, i))->skill_id == medication->id)
      need = g_ptr_array_index (report->skills, i);
  g_assert_nonnull (need);
  g_assert_cmpint (need->count, ==, 189);
  g_assert_cmpfloat_with_epsilon (need->annual_contacts, 945.0, 1e-9);
  g_assert_cmpuint (need->roles->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (need->roles, 0), ==, "CP");
  g_assert_cmpfloat_with_epsilon (need->suggested_wte, 0.3, 1e-9);

  for (guint i = 0; i < report->roles->len; i++)
    if (g_strcmp0 (((PcnRoleNeed *) g_ptr_array_index (report->roles, i))->role_code, "CP") == 0)
      cp = g_ptr_array_index (report->roles, i);
  g_assert_nonnull (cp);
  /* Long-term condition review and frailty also map to CP, but have no
   * count: only the medication reviews add up. */
  g_assert_cmpfloat_with_epsilon (cp->suggested_wte, 0.3, 1e-9);
  g_assert_cmpint (cp->in_post_wte_milli, ==, 0);
  g_assert_cmpint (cp->planned_wte_milli, ==, 200);
  g_assert_cmpfloat_with_epsilon (pcn_role_need_get_gap_wte (cp), 0.1, 1e-9);
}

static void
test_audited (void)
{
  g_autofree char *path = test_path ("audited.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnVision) vision = pcn_vision_new ();
  g_autoptr(PcnPracticeBuyIn) b = pcn_practice_buy_in_new ();
  g_autoptr(PcnSkillsAudit) audit = pcn_skills_audit_new ();
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GPtrArray) log = NULL;
  gboolean seen_vision = FALSE, seen_objective = FALSE, seen_link = FALSE;
  gboolean seen_buy_in = FALSE, seen_audit = FALSE;
  gint64 objective, post;

  create_network (store);
  vision->statement = g_strdup ("Care closer to home");
  g_assert_true (pcn_store_set_vision (store, vision, &error));
  g_assert_no_error (error);
  objective = add_objective (store, "Same-day access");
  post = add_post (store, "Paramedic – Oak", "PARAMEDIC", 1000);
  g_assert_true (pcn_store_link_objective (store, objective, post, &error));
  g_assert_no_error (error);
  b->practice = g_strdup ("Elm Surgery");
  b->agreed = TRUE;
  g_assert_true (pcn_store_set_buy_in (store, b, &error));
  g_assert_no_error (error);
  skills = pcn_store_list_skills (store, &error);
  g_assert_no_error (error);
  audit->from_date = g_strdup ("2026-01-01");
  audit->to_date = g_strdup ("2026-01-31");
  pcn_skills_audit_set_count (audit, ((PcnSkill *) g_ptr_array_index (skills, 0))->id, 12);
  g_assert_true (pcn_store_save_skills_audit (store, audit, &error));
  g_assert_no_error (error);

  log = pcn_store_list_audit (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < log->len; i++)
    {
      PcnAuditEntry *e = g_ptr_array_index (log, i);

      seen_vision |= g_strcmp0 (e->table_name, "vision") == 0;
      seen_objective |= g_strcmp0 (e->table_name, "objective") == 0 && e->row_id == objective;
      seen_link |= g_strcmp0 (e->table_name, "objective_post") == 0;
      seen_buy_in |= g_strcmp0 (e->table_name, "practice_buy_in") == 0;
      seen_audit |= g_str_has_prefix (e->table_name, "skills_audit");
    }
  g_assert_true (seen_vision);
  g_assert_true (seen_objective);
  g_assert_true (seen_link);
  g_assert_true (seen_buy_in);
  g_assert_true (seen_audit);
}

static void
test_migrate_from_6 (void)
{
  g_autofree char *path = test_path ("v6.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GPtrArray) mappings = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(GPtrArray) buy_in = NULL;
  g_autoptr(PcnVision) vision = NULL;
  g_autoptr(PcnVisionReport) report = NULL;
  guint written = 0;
  gint64 post;

  /* A file as schema 6 made it: a network and a post, no vision tables. */
  store = _pcn_store_open_at_version (path, 6, &error);
  g_assert_no_error (error);
  create_network (store);
  post = add_post (store, "CP – Elm", "CP", 1000);
  g_clear_object (&store);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 6);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'objective'"), ==, 0);

  store = open_ok (path);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), >=, 7);

  /* Its data kept. */
  network = pcn_store_get_network (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pcn_network_get_name (network), ==, "Riverside PCN");
  posts = pcn_store_list_posts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 1);
  g_assert_cmpint (pcn_post_get_id (g_ptr_array_index (posts, 0)), ==, post);
  buy_in = pcn_store_list_buy_in (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (buy_in->len, ==, 2);

  /* The default skills, their mapping and the role cards loaded. */
  skills = pcn_store_list_skills (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (skills->len, ==, 8);
  g_assert_nonnull (pcn_skills_find (skills, "medication_review"));
  g_assert_nonnull (pcn_skills_find (skills, "care_navigation"));
  mappings = pcn_store_list_skill_roles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (mappings->len, >=, 8);
  cards = pcn_store_list_role_cards (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cards->len, >, 0);
  for (guint i = 0; i < cards->len; i++)
    if (((PcnRoleCard *) g_ptr_array_index (cards, i))->does != NULL)
      written++;
  g_assert_cmpuint (written, >, 0);

  /* An empty vision, and the existing post shows as serving no objective. */
  vision = pcn_store_get_vision (store, &error);
  g_assert_no_error (error);
  g_assert_null (vision->statement);
  g_assert_cmpint (vision->working_weeks, ==, PCN_VISION_DEFAULT_WORKING_WEEKS);
  report = report_at (store, "2026-06-01");
  g_assert_cmpuint (report->objectives->len, ==, 0);
  g_assert_cmpuint (report->unlinked_posts->len, ==, 1);
  g_assert_true (has_check (report, PCN_VISION_CHECK_NO_STATEMENT));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/store/vision/round-trips", test_round_trips);
  g_test_add_func ("/store/vision/links-report", test_links_report);
  g_test_add_func ("/store/vision/too-many-objectives", test_too_many_objectives);
  g_test_add_func ("/store/vision/buy-in", test_buy_in);
  g_test_add_func ("/store/vision/skills-wte", test_skills_wte);
  g_test_add_func ("/store/vision/audited", test_audited);
  g_test_add_func ("/store/vision/migrate-from-6", test_migrate_from_6);
  return g_test_run ();
}
