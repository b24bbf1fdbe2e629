/* test-vision.c — the skills-to-WTE arithmetic, the linking reports and
 * the objectives warning
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "pcn-core.h"

static PcnSkill *
make_skill (gint64      id,
            const char *code,
            const char *name)
{
  PcnSkill *s = pcn_skill_new ();

  s->id = id;
  s->code = g_strdup (code);
  s->name = g_strdup (name);
  return s;
}

static PcnSkillRole *
make_mapping (gint64      skill_id,
              const char *role,
              int         minutes)
{
  PcnSkillRole *m = pcn_skill_role_new ();

  m->skill_id = skill_id;
  m->role_code = g_strdup (role);
  m->minutes_per_contact = minutes;
  return m;
}

static void
test_minutes_per_wte (void)
{
  /* 37.5 h × 60 × 42 weeks = 94,500 minutes. */
  g_assert_cmpfloat_with_epsilon (pcn_vision_minutes_per_wte_year (37.5, 42), 94500.0, 1e-9);
  /* 37.5 × 60 × 46 = 103,500. */
  g_assert_cmpfloat_with_epsilon (pcn_vision_minutes_per_wte_year (37.5, 46), 103500.0, 1e-9);
  /* 73 appointments in 73 days = 365 a year; none for a period of 0 days. */
  g_assert_cmpfloat_with_epsilon (pcn_vision_annual_contacts (73, 73), 365.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (pcn_vision_annual_contacts (10, 0), 0.0, 1e-9);
}

static void
test_skills_wte (void)
{
  g_autoptr(PcnSkillsAudit) audit = pcn_skills_audit_new ();
  g_autoptr(GPtrArray) skills = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_skill_free);
  g_autoptr(GPtrArray) maps = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_skill_role_free);
  g_autoptr(GPtrArray) out_skills = NULL;
  g_autoptr(GPtrArray) out_roles = NULL;
  g_autoptr(GError) error = NULL;
  const PcnSkillNeed *need;
  const PcnRoleNeed *role;

  /* Period 1 to 28 February 2026 inclusive: 28 days. */
  audit->from_date = g_strdup ("2026-02-01");
  audit->to_date = g_strdup ("2026-02-28");
  g_assert_cmpint (pcn_skills_audit_get_days (audit), ==, 28);

  g_ptr_array_add (skills, make_skill (1, "medication_review", "Medication review"));
  g_ptr_array_add (skills, make_skill (2, "minor_illness", "Minor illness"));
  g_ptr_array_add (skills, make_skill (3, "care_navigation", "Care navigation"));
  g_ptr_array_add (maps, make_mapping (1, "CP", 30));
  g_ptr_array_add (maps, make_mapping (2, "PARAMEDIC", 15));
  g_ptr_array_add (maps, make_mapping (2, "CP", 20));
  /* care_navigation maps to no role. */

  pcn_skills_audit_set_count (audit, 1, 140);
  pcn_skills_audit_set_count (audit, 2, 280);
  pcn_skills_audit_set_count (audit, 3, 56);
  pcn_skills_audit_set_count (audit, 1, 112);  /* replaces 140 */
  g_assert_cmpint (pcn_skills_audit_get_count (audit, 1), ==, 112);

  g_assert_true (pcn_vision_compute_skills (audit, skills, maps, NULL, 37.5, 42,
                                            &out_skills, &out_roles, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (out_skills->len, ==, 3);

  /* Medication review: 112 × 365 ÷ 28 = 1,460 contacts a year; × 30 min =
   * 43,800 min; ÷ 94,500 = 0.463492… WTE of CP. */
  need = g_ptr_array_index (out_skills, 0);
  g_assert_cmpfloat_with_epsilon (need->annual_contacts, 1460.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (need->suggested_wte, 43800.0 / 94500.0, 1e-9);
  g_assert_cmpuint (need->roles->len, ==, 1);

  /* Minor illness: 280 × 365 ÷ 28 = 3,650 a year, shared by two roles:
   * 1,825 each. Paramedic 1,825 × 15 = 27,375 min (0.289683 WTE); CP
   * 1,825 × 20 = 36,500 min (0.386243 WTE); the skill 63,875 min =
   * 0.675926 WTE. */
  need = g_ptr_array_index (out_skills, 1);
  g_assert_cmpfloat_with_epsilon (need->annual_contacts, 3650.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (need->suggested_wte, 63875.0 / 94500.0, 1e-9);
  g_assert_cmpuint (need->roles->len, ==, 2);

  /* Care navigation: 730 a year but no role: no WTE. */
  need = g_ptr_array_index (out_skills, 2);
  g_assert_cmpfloat_with_epsilon (need->annual_contacts, 730.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (need->suggested_wte, 0.0, 1e-12);

  /* Roles by code: CP 43,800 + 36,500 = 80,300 min = 0.849735 WTE;
   * PARAMEDIC 27,375 min = 0.289683 WTE. */
  g_assert_cmpuint (out_roles->len, ==, 2);
  role = g_ptr_array_index (out_roles, 0);
  g_assert_cmpstr (role->role_code, ==, "CP");
  g_assert_cmpfloat_with_epsilon (role->annual_minutes, 80300.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (role->suggested_wte, 0.849735, 1e-6);
  role = g_ptr_array_index (out_roles, 1);
  g_assert_cmpstr (role->role_code, ==, "PARAMEDIC");
  g_assert_cmpfloat_with_epsilon (role->suggested_wte, 0.289683, 1e-6);

  /* Against a plan of 0.6 in post + 0.2 planned: gap 0.849735 − 0.8. */
  ((PcnRoleNeed *) g_ptr_array_index (out_roles, 0))->in_post_wte_milli = 600;
  ((PcnRoleNeed *) g_ptr_array_index (out_roles, 0))->planned_wte_milli = 200;
  g_assert_cmpfloat_with_epsilon (pcn_role_need_get_gap_wte (g_ptr_array_index (out_roles, 0)),
                                  0.049735, 1e-6);
}

static void
test_skills_bad_period (void)
{
  g_autoptr(PcnSkillsAudit) audit = pcn_skills_audit_new ();
  g_autoptr(GPtrArray) skills = g_ptr_array_new ();
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();
  GPtrArray *a = NULL, *b = NULL;
  g_autoptr(GError) error = NULL;

  audit->from_date = g_strdup ("2026-03-01");
  audit->to_date = g_strdup ("2026-02-01");
  g_assert_false (pcn_vision_compute_skills (audit, skills, maps, NULL, 37.5, 42, &a, &b, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_free (audit->to_date);
  audit->to_date = g_strdup ("2026-03-01");   /* one day */
  g_assert_cmpint (pcn_skills_audit_get_days (audit), ==, 1);
  g_assert_false (pcn_vision_compute_skills (audit, skills, maps, NULL, 37.5, 53, &a, &b, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_assert_null (a);
}

static PcnPost *
make_post (gint64        id,
           const char   *title,
           PcnPostStatus status)
{
  PcnPost *p = pcn_post_new ();

  pcn_post_set_id (p, id);
  pcn_post_set_title (p, title);
  pcn_post_set_role_code (p, "CP");
  pcn_post_set_status (p, status, NULL);
  return p;
}

static PcnObjective *
make_objective (gint64      id,
                const char *title)
{
  PcnObjective *o = pcn_objective_new ();

  o->id = id;
  o->title = g_strdup (title);
  o->measure = g_strdup ("measure");
  return o;
}

static void
test_link_report (void)
{
  g_autoptr(GPtrArray) objectives = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_objective_free);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (PcnObjectiveLink));
  g_autoptr(GPtrArray) by_objective = NULL;
  g_autoptr(GPtrArray) unlinked = NULL;
  PcnObjectiveLink l;
  const PcnObjectivePosts *op;

  g_ptr_array_add (objectives, make_objective (10, "Same-day access"));
  g_ptr_array_add (objectives, make_objective (20, "Medicines safety"));
  g_ptr_array_add (objectives, make_objective (30, "Nobody serves this"));
  g_ptr_array_add (posts, make_post (1, "Paramedic", PCN_POST_STATUS_IN_POST));
  g_ptr_array_add (posts, make_post (2, "CP", PCN_POST_STATUS_APPROVED));
  g_ptr_array_add (posts, make_post (3, "Unlinked", PCN_POST_STATUS_PROPOSED));
  g_ptr_array_add (posts, make_post (4, "Withdrawn", PCN_POST_STATUS_WITHDRAWN));

  /* Post 2 serves two objectives; post 1 one; post 4 is withdrawn (left
   * out even though linked); a link to a post that does not exist is
   * ignored. */
  l = (PcnObjectiveLink) { 10, 1 }; g_array_append_val (links, l);
  l = (PcnObjectiveLink) { 10, 2 }; g_array_append_val (links, l);
  l = (PcnObjectiveLink) { 20, 2 }; g_array_append_val (links, l);
  l = (PcnObjectiveLink) { 20, 4 }; g_array_append_val (links, l);
  l = (PcnObjectiveLink) { 20, 99 }; g_array_append_val (links, l);

  pcn_vision_link_report (objectives, links, posts, &by_objective, &unlinked);

  g_assert_cmpuint (by_objective->len, ==, 3);
  op = g_ptr_array_index (by_objective, 0);
  g_assert_cmpuint (op->posts->len, ==, 2);
  g_assert_cmpint (pcn_post_get_id (g_ptr_array_index (op->posts, 0)), ==, 1);
  g_assert_cmpint (pcn_post_get_id (g_ptr_array_index (op->posts, 1)), ==, 2);
  op = g_ptr_array_index (by_objective, 1);
  g_assert_cmpuint (op->posts->len, ==, 1);
  g_assert_cmpint (pcn_post_get_id (g_ptr_array_index (op->posts, 0)), ==, 2);
  op = g_ptr_array_index (by_objective, 2);
  g_assert_cmpuint (op->posts->len, ==, 0);

  g_assert_cmpuint (unlinked->len, ==, 1);
  g_assert_cmpint (pcn_post_get_id (g_ptr_array_index (unlinked, 0)), ==, 3);
}

static guint
count_rule (GPtrArray  *checks,
            const char *rule)
{
  guint n = 0;

  for (guint i = 0; i < checks->len; i++)
    if (g_strcmp0 (((PcnCheck *) g_ptr_array_index (checks, i))->rule_id, rule) == 0)
      n++;
  return n;
}

static void
test_objectives_warning (void)
{
  const struct { guint n; guint warnings; } cases[] = {
    { 0, 0 }, { 1, 0 }, { 5, 0 }, { 6, 1 }, { 12, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) checks = pcn_vision_check_objectives (cases[i].n);

      g_assert_cmpuint (checks->len, ==, cases[i].warnings);
      if (checks->len > 0)
        {
          PcnCheck *c = g_ptr_array_index (checks, 0);

          g_assert_cmpint (c->severity, ==, PCN_CHECK_WARNING);
          g_assert_cmpstr (c->rule_id, ==, PCN_VISION_CHECK_TOO_MANY);
        }
    }
}

static void
test_report_checks (void)
{
  g_autoptr(PcnVisionReport) report = pcn_vision_report_new ();
  g_autoptr(GPtrArray) objectives = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_objective_free);
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (PcnObjectiveLink));
  PcnObjectiveLink l = { 1, 1 };

  for (int i = 1; i <= 6; i++)
    {
      g_autofree char *t = g_strdup_printf ("Objective %d", i);
      g_ptr_array_add (objectives, make_objective (i, t));
    }
  g_ptr_array_add (posts, make_post (1, "Linked", PCN_POST_STATUS_IN_POST));
  g_ptr_array_add (posts, make_post (2, "Loose", PCN_POST_STATUS_IN_POST));
  g_array_append_val (links, l);

  g_clear_pointer (&report->objectives, g_ptr_array_unref);
  g_clear_pointer (&report->unlinked_posts, g_ptr_array_unref);
  pcn_vision_link_report (objectives, links, posts, &report->objectives, &report->unlinked_posts);
  pcn_vision_report_add_checks (report);

  g_assert_cmpuint (count_rule (report->checks, PCN_VISION_CHECK_NO_STATEMENT), ==, 1);
  g_assert_cmpuint (count_rule (report->checks, PCN_VISION_CHECK_TOO_MANY), ==, 1);
  g_assert_cmpuint (count_rule (report->checks, PCN_VISION_CHECK_OBJECTIVE_NO_POST), ==, 5);
  g_assert_cmpuint (count_rule (report->checks, PCN_VISION_CHECK_POST_NO_OBJECTIVE), ==, 1);
}

static void
test_marking (void)
{
  g_autoptr(PcnPost) p = pcn_post_new ();
  const char *des[] = { "smr", NULL };
  const char *core[] = { PCN_POST_PURPOSE_CORE, NULL };
  const char *both[] = { "smr", PCN_POST_PURPOSE_CORE, NULL };

  g_assert_cmpint (pcn_post_get_marking (p), ==, PCN_POST_MARKING_UNMARKED);
  pcn_post_set_purposes (p, des);
  g_assert_cmpint (pcn_post_get_marking (p), ==, PCN_POST_MARKING_DES);
  pcn_post_set_purposes (p, core);
  g_assert_cmpint (pcn_post_get_marking (p), ==, PCN_POST_MARKING_CORE);
  pcn_post_set_purposes (p, both);
  g_assert_cmpint (pcn_post_get_marking (p), ==, PCN_POST_MARKING_BOTH);
  g_assert_cmpstr (pcn_post_marking_to_string (PCN_POST_MARKING_DES), ==, "des");
}

static void
test_validate (void)
{
  g_autoptr(PcnObjective) o = pcn_objective_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skills = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_skill_free);
  const char *field = NULL;

  g_assert_false (pcn_objective_validate (o, &field, &error));
  g_assert_cmpstr (field, ==, "title");
  g_clear_error (&error);
  o->title = g_strdup ("Access");
  o->measure = g_strdup ("Same-day appointments");
  o->review_date = g_strdup ("2026-13-01");
  g_assert_false (pcn_objective_validate (o, &field, &error));
  g_assert_cmpstr (field, ==, "review_date");
  g_clear_error (&error);
  g_free (o->review_date);
  o->review_date = g_strdup ("2026-09-30");
  g_assert_true (pcn_objective_validate (o, &field, &error));
  g_assert_no_error (error);

  g_ptr_array_add (skills, make_skill (1, "msk_assessment", "Musculoskeletal assessment"));
  g_assert_nonnull (pcn_skills_find (skills, "MSK-assessment"));
  g_assert_nonnull (pcn_skills_find (skills, "musculoskeletal ASSESSMENT"));
  g_assert_null (pcn_skills_find (skills, "msk"));
  g_assert_cmpstr (pcn_role_card_text_or_unwritten (NULL), ==, "Not yet written");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/vision/skills/minutes-per-wte", test_minutes_per_wte);
  g_test_add_func ("/vision/skills/wte", test_skills_wte);
  g_test_add_func ("/vision/skills/bad-period", test_skills_bad_period);
  g_test_add_func ("/vision/links/report", test_link_report);
  g_test_add_func ("/vision/objectives/warning", test_objectives_warning);
  g_test_add_func ("/vision/report/checks", test_report_checks);
  g_test_add_func ("/vision/post/marking", test_marking);
  g_test_add_func ("/vision/validate", test_validate);

  return g_test_run ();
}
