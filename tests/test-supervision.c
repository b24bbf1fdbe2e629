/* test-supervision.c — supervision status, training status, supervisor
 * load and cost, and the integration check, with figures worked by hand.
 *
 * Cost at a GP rate of £95.50 an hour (9,550p):
 *   60 min a week: 60 × 52 × 9,550 ÷ 720 = 41,383.33…  → 41,383p a month
 *   45 min a week: 45 × 52 × 9,550 ÷ 720 = 31,037.5    → 31,038p (half up)
 *   both, 105 min: 105 × 52 × 9,550 ÷ 720 = 72,420.83… → 72,421p
 *   logged 90 min: 90 × 9,550 ÷ 60 = 14,325p exactly
 *   logged 25 min: 25 × 9,550 ÷ 60 = 3,979.17…        → 3,979p
 *   planned minutes: 60 × 52 ÷ 12 = 260, 45 × 52 ÷ 12 = 195
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <string.h>

#include "pcn-core.h"

static PcnStaff *
make_staff (gint64      id,
            const char *name,
            const char *role,
            const char *start,
            const char *practices)
{
  PcnStaff *s = pcn_staff_new ();
  g_autoptr(GPtrArray) sessions = NULL;

  pcn_staff_set_id (s, id);
  pcn_staff_set_name (s, name);
  pcn_staff_set_role_code (s, role);
  pcn_staff_set_start_date (s, start);
  pcn_staff_set_wte (s, 1000);
  sessions = pcn_sessions_parse (practices ? practices : "", NULL);
  g_assert_nonnull (sessions);
  pcn_staff_set_sessions (s, sessions);
  return s;
}

static PcnSupervisorAssignment *
make_assignment (gint64              staff_id,
                 PcnSupervisionKind  kind,
                 const char         *supervisor,
                 int                 minutes,
                 const char         *practice,
                 const char         *from,
                 const char         *to)
{
  PcnSupervisorAssignment *a = pcn_supervisor_assignment_new ();

  a->staff_id = staff_id;
  a->kind = kind;
  a->supervisor = g_strdup (supervisor);
  a->minutes_per_week = minutes;
  a->practice = g_strdup (practice);
  a->from_date = g_strdup (from);
  a->to_date = g_strdup (to);
  return a;
}

static PcnSupervisionSession *
make_session (gint64              staff_id,
              PcnSupervisionKind  kind,
              const char         *supervisor,
              const char         *date,
              int                 minutes)
{
  PcnSupervisionSession *s = pcn_supervision_session_new ();

  s->staff_id = staff_id;
  s->kind = kind;
  s->supervisor = g_strdup (supervisor);
  s->date = g_strdup (date);
  s->minutes = minutes;
  return s;
}

static GDate
date (const char *iso)
{
  GDate d;

  g_assert_true (pcn_date_from_iso (iso, &d));
  return d;
}

typedef struct
{
  const char           *as_at;
  PcnSupervisionStatus  status;
  const char           *next_due;
} StatusCase;

static void
check_status (PcnStaff    *staff,
              int          frequency,
              GPtrArray   *assignments,
              GPtrArray   *sessions,
              const char  *as_at,
              PcnSupervisionStatus status,
              const char  *last,
              const char  *next_due)
{
  PcnSupervisionKindStatus ks;
  GDate d = date (as_at);

  pcn_supervision_kind_status_compute (&ks, staff, PCN_SUPERVISION_KIND_CLINICAL, frequency,
                                       assignments, sessions, &d);
  g_test_message ("as at %s: %s, last %s, next %s", as_at,
                  pcn_supervision_status_to_string (ks.status), ks.last, ks.next_due);
  g_assert_cmpstr (pcn_supervision_status_to_string (ks.status), ==,
                   pcn_supervision_status_to_string (status));
  g_assert_cmpstr (ks.last, ==, last);
  g_assert_cmpstr (ks.next_due, ==, next_due);
  pcn_supervision_kind_status_clear (&ks);
}

/* Monthly (31 days); last session 10 March: due 10 April. */
static void
test_status_transitions (void)
{
  g_autoptr(PcnStaff) staff = make_staff (1, "Asha Patel", "CP", "2025-01-01", "Riverside");
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervisor_assignment_free);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_session_free);
  static const StatusCase cases[] = {
    { "2025-04-02", PCN_SUPERVISION_STATUS_UP_TO_DATE, "2025-04-10" },  /* 8 days to go */
    { "2025-04-03", PCN_SUPERVISION_STATUS_DUE_SOON, "2025-04-10" },    /* 7 days: due soon */
    { "2025-04-10", PCN_SUPERVISION_STATUS_DUE_SOON, "2025-04-10" },    /* on the due date */
    { "2025-04-11", PCN_SUPERVISION_STATUS_OVERDUE, "2025-04-10" },     /* a day after */
  };

  g_ptr_array_add (assignments, make_assignment (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones",
                                                 60, NULL, "2025-01-01", NULL));
  g_ptr_array_add (sessions, make_session (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", "2025-02-05", 60));
  g_ptr_array_add (sessions, make_session (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", "2025-03-10", 45));
  /* Another kind and another person do not count. */
  g_ptr_array_add (sessions, make_session (1, PCN_SUPERVISION_KIND_CLINIC, "Dr Jones", "2025-04-09", 30));
  g_ptr_array_add (sessions, make_session (2, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", "2025-04-09", 30));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    check_status (staff, 31, assignments, sessions, cases[i].as_at, cases[i].status,
                  "2025-03-10", cases[i].next_due);

  /* A session after "today" is not yet counted. */
  g_ptr_array_add (sessions, make_session (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", "2025-04-20", 60));
  check_status (staff, 31, assignments, sessions, "2025-04-11", PCN_SUPERVISION_STATUS_OVERDUE,
                "2025-03-10", "2025-04-10");
  check_status (staff, 31, assignments, sessions, "2025-04-20", PCN_SUPERVISION_STATUS_UP_TO_DATE,
                "2025-04-20", "2025-05-21");
}

static void
test_status_never_supervised (void)
{
  g_autoptr(PcnStaff) staff = make_staff (1, "Ben Okafor", "PT", "2025-01-01", "Riverside");
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervisor_assignment_free);

  g_ptr_array_add (assignments, make_assignment (1, PCN_SUPERVISION_KIND_CLINICAL, "Sam Lee",
                                                 30, NULL, NULL, NULL));
  /* Start 1 January + 31 days = 1 February. */
  check_status (staff, 31, assignments, NULL, "2025-01-20", PCN_SUPERVISION_STATUS_UP_TO_DATE, NULL, "2025-02-01");
  check_status (staff, 31, assignments, NULL, "2025-02-01", PCN_SUPERVISION_STATUS_DUE_SOON, NULL, "2025-02-01");
  check_status (staff, 31, assignments, NULL, "2025-02-02", PCN_SUPERVISION_STATUS_OVERDUE, NULL, "2025-02-01");
  /* Frequency not known: never overdue, no next due date. */
  check_status (staff, -1, assignments, NULL, "2026-02-02", PCN_SUPERVISION_STATUS_UP_TO_DATE, NULL, NULL);
  /* Nobody named at all. */
  check_status (staff, 31, NULL, NULL, "2025-01-02", PCN_SUPERVISION_STATUS_NO_SUPERVISOR, NULL, "2025-02-01");
  check_status (staff, -1, NULL, NULL, "2025-01-02", PCN_SUPERVISION_STATUS_NO_SUPERVISOR, NULL, NULL);
}

static void
test_status_supervisor_removed (void)
{
  g_autoptr(PcnStaff) staff = make_staff (1, "Cara Smith", "CP", "2025-01-01", "Riverside");
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervisor_assignment_free);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_session_free);

  g_ptr_array_add (assignments, make_assignment (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones",
                                                 60, NULL, "2025-01-01", "2025-03-31"));
  g_ptr_array_add (sessions, make_session (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", "2025-03-10", 60));

  /* The to-date is the last day: still current on it. */
  check_status (staff, 31, assignments, sessions, "2025-03-31", PCN_SUPERVISION_STATUS_UP_TO_DATE,
                "2025-03-10", "2025-04-10");
  check_status (staff, 31, assignments, sessions, "2025-04-01", PCN_SUPERVISION_STATUS_NO_SUPERVISOR,
                "2025-03-10", "2025-04-10");
  /* Not yet started either. */
  check_status (staff, 31, assignments, sessions, "2024-12-31", PCN_SUPERVISION_STATUS_NO_SUPERVISOR,
                NULL, "2025-02-01");
}

static void
test_report_roles (void)
{
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) reqs = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_requirement_free);
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervisor_assignment_free);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_session_free);
  g_autoptr(PcnSupervisionReport) report = NULL;
  PcnSupervisionRequirement *req;
  PcnSupervisionPerson *p;
  PcnSupervisionRoleSummary *r;
  GDate as_at = date ("2025-04-11");
  PcnStaff *leaver;

  g_ptr_array_add (staff, make_staff (1, "Asha", "CP", "2025-01-01", "A"));
  g_ptr_array_add (staff, make_staff (2, "Ben", "CP", "2025-01-01", "A"));
  g_ptr_array_add (staff, make_staff (3, "Cara", "DTL", "2025-01-01", "A"));
  g_ptr_array_add (staff, make_staff (4, "Dev", "CP", "2025-06-01", "A"));   /* not started */
  leaver = make_staff (5, "Eve", "CP", "2024-01-01", "A");
  pcn_staff_set_end_date (leaver, "2025-01-31");
  g_ptr_array_add (staff, leaver);

  req = pcn_supervision_requirement_new ();
  req->role_code = g_strdup ("CP");
  req->kind = PCN_SUPERVISION_KIND_CLINICAL;
  req->frequency_days = 31;
  g_ptr_array_add (reqs, req);
  req = pcn_supervision_requirement_new ();
  req->role_code = g_strdup ("CP");
  req->kind = PCN_SUPERVISION_KIND_CLINIC;
  g_ptr_array_add (reqs, req);

  g_ptr_array_add (assignments, make_assignment (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", 60, NULL, NULL, NULL));
  g_ptr_array_add (assignments, make_assignment (1, PCN_SUPERVISION_KIND_CLINIC, "Dr Khan", 0, "A", NULL, NULL));
  g_ptr_array_add (assignments, make_assignment (2, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", 60, NULL, NULL, NULL));
  g_ptr_array_add (sessions, make_session (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", "2025-04-01", 60));

  report = pcn_supervision_report_compute (staff, reqs, assignments, sessions, &as_at);
  g_assert_cmpuint (report->people->len, ==, 3);

  p = g_ptr_array_index (report->people, 0);   /* Asha: both kinds, up to date */
  g_assert_cmpuint (p->kinds->len, ==, 2);
  g_assert_cmpint (g_array_index (p->kinds, PcnSupervisionKindStatus, 0).kind, ==, PCN_SUPERVISION_KIND_CLINIC);
  g_assert_cmpint (p->overall, ==, PCN_SUPERVISION_STATUS_UP_TO_DATE);
  p = g_ptr_array_index (report->people, 1);   /* Ben: clinical overdue, clinic nobody */
  g_assert_cmpint (g_array_index (p->kinds, PcnSupervisionKindStatus, 1).status, ==, PCN_SUPERVISION_STATUS_OVERDUE);
  g_assert_cmpint (p->overall, ==, PCN_SUPERVISION_STATUS_NO_SUPERVISOR);
  p = g_ptr_array_index (report->people, 2);   /* Cara: no requirement known → clinical, unknown */
  g_assert_cmpuint (p->kinds->len, ==, 1);
  g_assert_cmpint (g_array_index (p->kinds, PcnSupervisionKindStatus, 0).kind, ==, PCN_SUPERVISION_KIND_CLINICAL);
  g_assert_cmpint (g_array_index (p->kinds, PcnSupervisionKindStatus, 0).frequency_days, ==, -1);
  g_assert_null (g_array_index (p->kinds, PcnSupervisionKindStatus, 0).next_due);

  g_assert_cmpuint (report->roles->len, ==, 2);
  r = g_ptr_array_index (report->roles, 0);
  g_assert_cmpstr (r->role_code, ==, "CP");
  g_assert_cmpuint (r->counts[PCN_SUPERVISION_STATUS_UP_TO_DATE], ==, 1);
  g_assert_cmpuint (r->counts[PCN_SUPERVISION_STATUS_NO_SUPERVISOR], ==, 1);
  r = g_ptr_array_index (report->roles, 1);
  g_assert_cmpstr (r->role_code, ==, "DTL");
  g_assert_cmpuint (r->counts[PCN_SUPERVISION_STATUS_NO_SUPERVISOR], ==, 1);
}

typedef struct
{
  const char        *due;
  const char        *completed;
  PcnTrainingStatus  status;
} TrainingCase;

static void
test_training_status (void)
{
  GDate as_at = date ("2025-06-01");
  static const TrainingCase cases[] = {
    { "2025-07-01", "2025-01-10", PCN_TRAINING_STATUS_EXPIRING },  /* expires in 30 days */
    { "2025-07-02", "2025-01-10", PCN_TRAINING_STATUS_CURRENT },   /* 31 days */
    { "2025-06-01", "2025-01-10", PCN_TRAINING_STATUS_EXPIRING },  /* expires today */
    { "2025-05-31", "2025-01-10", PCN_TRAINING_STATUS_EXPIRED },
    { NULL, "2025-01-10", PCN_TRAINING_STATUS_CURRENT },           /* never expires */
    { "2025-12-01", NULL, PCN_TRAINING_STATUS_CURRENT },           /* not due yet */
    { "2025-06-20", NULL, PCN_TRAINING_STATUS_EXPIRING },          /* deadline close */
    { "2025-05-31", NULL, PCN_TRAINING_STATUS_MISSING },           /* deadline passed */
    { NULL, NULL, PCN_TRAINING_STATUS_MISSING },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PcnTrainingItem) item = pcn_training_item_new ();

      item->name = g_strdup ("Basic life support");
      item->due_date = g_strdup (cases[i].due);
      item->completed_on = g_strdup (cases[i].completed);
      g_assert_true (pcn_training_item_validate (item, &as_at, NULL));
      g_assert_cmpstr (pcn_training_status_to_string (pcn_training_item_get_status (item, &as_at)), ==,
                       pcn_training_status_to_string (cases[i].status));
    }
}

static void
test_rounding (void)
{
  g_assert_cmpint (pcn_div_round_half_up (5, 2), ==, 3);
  g_assert_cmpint (pcn_div_round_half_up (7, 2), ==, 4);
  g_assert_cmpint (pcn_div_round_half_up (1, 3), ==, 0);
  g_assert_cmpint (pcn_div_round_half_up (2, 3), ==, 1);
  g_assert_cmpint (pcn_div_round_half_up (0, 3), ==, 0);
  g_assert_cmpint (pcn_supervision_monthly_cost (60, 9550), ==, 41383);
  g_assert_cmpint (pcn_supervision_monthly_cost (45, 9550), ==, 31038);
  g_assert_cmpint (pcn_supervision_cost_of_minutes (90, 9550), ==, 14325);
  g_assert_cmpint (pcn_supervision_cost_of_minutes (25, 9550), ==, 3979);
}

static void
test_load_cost (void)
{
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervisor_assignment_free);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_session_free);
  g_autoptr(PcnSupervisionLoad) load = NULL;
  g_autoptr(PcnSupervisionLoad) no_rate = NULL;
  PcnSupervisorLoad *l;

  /* Dr Jones: two people at Riverside, 30 + 30 min a week. */
  g_ptr_array_add (assignments, make_assignment (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", 30, "Riverside", NULL, NULL));
  g_ptr_array_add (assignments, make_assignment (2, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", 30, "Riverside", "2025-03-15", NULL));
  /* Sam Lee: PCN-wide, 45 min a week. */
  g_ptr_array_add (assignments, make_assignment (3, PCN_SUPERVISION_KIND_CLINICAL, "Sam Lee", 45, NULL, NULL, NULL));
  /* Ended before March: not counted. */
  g_ptr_array_add (assignments, make_assignment (3, PCN_SUPERVISION_KIND_CLINIC, "Dr Old", 120, "Riverside", NULL, "2025-02-28"));
  /* Starts after March: not counted. */
  g_ptr_array_add (assignments, make_assignment (4, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", 60, "Hillside", "2025-04-01", NULL));

  g_ptr_array_add (sessions, make_session (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", "2025-03-03", 50));
  g_ptr_array_add (sessions, make_session (2, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", "2025-03-31", 40));
  g_ptr_array_add (sessions, make_session (3, PCN_SUPERVISION_KIND_CLINICAL, "Sam Lee", "2025-03-01", 25));
  g_ptr_array_add (sessions, make_session (3, PCN_SUPERVISION_KIND_CLINICAL, "Sam Lee", "2025-04-01", 25));  /* April */

  load = pcn_supervision_load_compute (assignments, sessions, 2025, 3, 9550);
  g_assert_cmpuint (load->supervisors->len, ==, 2);

  l = g_ptr_array_index (load->supervisors, 0);
  g_assert_cmpstr (l->supervisor, ==, "Dr Jones");
  g_assert_cmpuint (l->supervisees, ==, 2);
  g_assert_cmpint (l->weekly_minutes, ==, 60);
  g_assert_cmpint (l->planned_minutes, ==, 260);
  g_assert_cmpint (l->logged_minutes, ==, 90);
  g_assert_cmpint (l->planned_cost_pence, ==, 41383);
  g_assert_cmpint (l->logged_cost_pence, ==, 14325);

  l = g_ptr_array_index (load->supervisors, 1);
  g_assert_cmpstr (l->supervisor, ==, "Sam Lee");
  g_assert_cmpint (l->planned_minutes, ==, 195);
  g_assert_cmpint (l->planned_cost_pence, ==, 31038);
  g_assert_cmpint (l->logged_minutes, ==, 25);
  g_assert_cmpint (l->logged_cost_pence, ==, 3979);

  g_assert_cmpuint (load->practices->len, ==, 2);
  l = g_ptr_array_index (load->practices, 0);
  g_assert_cmpstr (l->supervisor, ==, "Riverside");
  g_assert_cmpint (l->planned_cost_pence, ==, 41383);
  g_assert_cmpint (l->logged_minutes, ==, 90);
  l = g_ptr_array_index (load->practices, 1);
  g_assert_null (l->supervisor);   /* PCN-wide */
  g_assert_cmpint (l->planned_cost_pence, ==, 31038);
  g_assert_cmpint (l->logged_minutes, ==, 25);

  g_assert_cmpuint (load->total.supervisees, ==, 3);
  g_assert_cmpint (load->total.weekly_minutes, ==, 105);
  g_assert_cmpint (load->total.planned_minutes, ==, 455);
  g_assert_cmpint (load->total.planned_cost_pence, ==, 72421);
  g_assert_cmpint (load->total.logged_minutes, ==, 115);
  /* 115 × 9,550 ÷ 60 = 18,304.17 → 18,304 */
  g_assert_cmpint (load->total.logged_cost_pence, ==, 18304);

  no_rate = pcn_supervision_load_compute (assignments, sessions, 2025, 3, -1);
  g_assert_cmpint (no_rate->total.planned_cost_pence, ==, -1);
  g_assert_cmpint (no_rate->total.planned_minutes, ==, 455);
}

static gboolean
has_flag (PcnIntegrationCheck *check,
          const char          *flag)
{
  for (guint i = 0; i < check->flags->len; i++)
    if (g_strcmp0 (g_ptr_array_index (check->flags, i), flag) == 0)
      return TRUE;
  return FALSE;
}

static void
test_integration (void)
{
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_integration_answers_free);
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervisor_assignment_free);
  g_autoptr(GPtrArray) checks = NULL;
  PcnIntegrationAnswers *a;
  PcnIntegrationCheck *c;
  GDate as_at = date ("2025-04-01");
  PcnStaff *leaver;

  g_ptr_array_add (staff, make_staff (1, "Asha", "CP", "2025-01-01", "A;B;C"));
  g_ptr_array_add (staff, make_staff (2, "Ben", "cp", "2025-01-01", "A"));
  g_ptr_array_add (staff, make_staff (3, "Cara", "SPLW", "2025-01-01", "A;B"));
  /* A leaver of the same role does not make Cara's profession shared. */
  leaver = make_staff (4, "Dee", "SPLW", "2024-01-01", "A");
  pcn_staff_set_end_date (leaver, "2025-03-01");
  g_ptr_array_add (staff, leaver);

  a = pcn_integration_answers_new (1);
  a->home_team = g_strdup ("Riverside clinical team");
  for (int k = 0; k < PCN_INTEGRATION_N_INDICATORS; k++)
    if (pcn_integration_indicator_is_asked (k))
      a->answers[k] = PCN_ANSWER_YES;
  g_ptr_array_add (answers, a);
  a = pcn_integration_answers_new (2);
  a->answers[PCN_INTEGRATION_JOB_PLAN] = PCN_ANSWER_NO;
  g_ptr_array_add (answers, a);

  g_ptr_array_add (assignments, make_assignment (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", 60, NULL, NULL, NULL));
  g_ptr_array_add (assignments, make_assignment (3, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", 60, NULL, NULL, "2025-03-31"));

  checks = pcn_integration_check_compute (staff, answers, assignments, &as_at);
  g_assert_cmpuint (checks->len, ==, 3);

  /* Lowest score first: Cara 1 (few sites), Ben 2 (few sites, peers), Asha 8. */
  c = g_ptr_array_index (checks, 0);
  g_assert_cmpstr (pcn_staff_get_name (c->staff), ==, "Cara");
  g_assert_cmpint (c->score, ==, 1);
  g_assert_cmpint (c->max_score, ==, 9);
  g_assert_cmpint (c->sites, ==, 2);
  g_assert_true (has_flag (c, "sole_profession"));
  g_assert_true (has_flag (c, "no_supervisor"));    /* ended yesterday */
  g_assert_true (has_flag (c, "no_home_team"));
  g_assert_false (has_flag (c, "three_or_more_sites"));
  g_assert_cmpuint (c->unanswered->len, ==, 5);

  c = g_ptr_array_index (checks, 1);
  g_assert_cmpstr (pcn_staff_get_name (c->staff), ==, "Ben");
  g_assert_cmpint (c->score, ==, 2);
  g_assert_false (has_flag (c, "sole_profession"));
  g_assert_true (has_flag (c, "no_job_plan"));
  g_assert_cmpuint (c->unanswered->len, ==, 4);

  c = g_ptr_array_index (checks, 2);
  g_assert_cmpstr (pcn_staff_get_name (c->staff), ==, "Asha");
  g_assert_cmpint (c->sites, ==, 3);
  g_assert_cmpint (c->score, ==, 8);
  g_assert_cmpuint (c->flags->len, ==, 1);
  g_assert_true (has_flag (c, "three_or_more_sites"));
  g_assert_cmpint (c->met[PCN_INTEGRATION_FEW_SITES], ==, PCN_ANSWER_NO);
  g_assert_cmpint (c->met[PCN_INTEGRATION_NAMED_SUPERVISOR], ==, PCN_ANSWER_YES);
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnSupervisionSession) s = make_session (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", "2025-04-02", 60);
  g_autoptr(PcnSupervisorAssignment) a = make_assignment (1, PCN_SUPERVISION_KIND_CLINICAL, "Dr Jones", -10, NULL, NULL, NULL);
  g_autoptr(PcnTrainingItem) item = pcn_training_item_new ();
  GDate as_at = date ("2025-04-01");
  PcnSupervisionKind kind;
  PcnAnswer answer;
  PcnIntegrationIndicator indicator;

  /* Future date. */
  g_assert_false (pcn_supervision_session_validate (s, &as_at, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);

  /* Zero and negative minutes. */
  g_free (s->date);
  s->date = g_strdup ("2025-04-01");
  g_assert_true (pcn_supervision_session_validate (s, &as_at, NULL));
  s->minutes = 0;
  g_assert_false (pcn_supervision_session_validate (s, &as_at, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  s->minutes = -30;
  g_assert_false (pcn_supervision_session_validate (s, &as_at, &error));
  g_assert_nonnull (strstr (error->message, "-30"));
  g_clear_error (&error);
  s->minutes = 13 * 60;
  g_assert_false (pcn_supervision_session_validate (s, &as_at, &error));
  g_clear_error (&error);
  s->minutes = 60;
  g_free (s->supervisor);
  s->supervisor = g_strdup ("   ");
  g_assert_false (pcn_supervision_session_validate (s, &as_at, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED);
  g_clear_error (&error);
  g_free (s->supervisor);
  s->supervisor = g_strdup ("Dr Jones");
  g_free (s->date);
  s->date = g_strdup ("2025-02-30");
  g_assert_false (pcn_supervision_session_validate (s, &as_at, &error));
  g_clear_error (&error);

  /* Unknown kind. */
  g_assert_false (pcn_supervision_kind_parse ("weekly", &kind, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "clinic, clinical or educational"));
  g_clear_error (&error);
  g_assert_true (pcn_supervision_kind_parse (" Educational ", &kind, NULL));
  g_assert_cmpint (kind, ==, PCN_SUPERVISION_KIND_EDUCATIONAL);

  /* Assignments. */
  g_assert_false (pcn_supervisor_assignment_validate (a, &error));
  g_clear_error (&error);
  a->minutes_per_week = 60;
  a->from_date = g_strdup ("2025-04-01");
  a->to_date = g_strdup ("2025-03-01");
  g_assert_false (pcn_supervisor_assignment_validate (a, &error));
  g_clear_error (&error);
  g_clear_pointer (&a->to_date, g_free);
  g_assert_true (pcn_supervisor_assignment_validate (a, NULL));

  /* Training completed in the future. */
  item->name = g_strdup ("Safeguarding level 3");
  item->completed_on = g_strdup ("2025-05-01");
  g_assert_false (pcn_training_item_validate (item, &as_at, &error));
  g_clear_error (&error);

  g_assert_false (pcn_answer_parse ("maybe", &answer, &error));
  g_clear_error (&error);
  g_assert_true (pcn_answer_parse ("YES", &answer, NULL));
  g_assert_cmpint (answer, ==, PCN_ANSWER_YES);
  g_assert_false (pcn_integration_indicator_parse ("sites", &indicator, &error));
  g_clear_error (&error);
  g_assert_true (pcn_integration_indicator_parse ("job-plan", &indicator, NULL));
  g_assert_cmpint (indicator, ==, PCN_INTEGRATION_JOB_PLAN);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/supervision/status/transitions", test_status_transitions);
  g_test_add_func ("/supervision/status/never-supervised", test_status_never_supervised);
  g_test_add_func ("/supervision/status/supervisor-removed", test_status_supervisor_removed);
  g_test_add_func ("/supervision/report/roles", test_report_roles);
  g_test_add_func ("/supervision/training/status", test_training_status);
  g_test_add_func ("/supervision/cost/rounding", test_rounding);
  g_test_add_func ("/supervision/cost/load", test_load_cost);
  g_test_add_func ("/supervision/integration/flags", test_integration);
  g_test_add_func ("/supervision/bad-input", test_bad_input);

  return g_test_run ();
}
