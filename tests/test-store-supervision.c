/* test-store-supervision.c — supervision in the store: shipped
 * requirements and a user's edit surviving a refresh, assigning and
 * ending supervisors, logging sessions (refusals change nothing), status
 * as at a date, supervisor load and cost at the GP rate, integration
 * answers, training items, audit rows, and migrating a schema 5 file.
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
  pcn_network_set_list_size (network, 52000);
  pcn_network_set_area (network, PCN_AREA_NATIONAL);
  g_ptr_array_add (practices, pcn_practice_new ("Elm Surgery"));
  g_ptr_array_add (practices, pcn_practice_new ("Oak Practice"));
  g_ptr_array_add (practices, pcn_practice_new ("Ash Health Centre"));
  g_assert_true (pcn_store_create_network (store, network, practices, &error));
  g_assert_no_error (error);
}

static gint64
add_staff (PcnStore   *store,
           const char *name,
           const char *role,
           const char *start,
           const char *practices)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaff) s = pcn_staff_new ();
  g_autoptr(GPtrArray) sessions = pcn_sessions_parse (practices, NULL);

  pcn_staff_set_name (s, name);
  pcn_staff_set_role_code (s, role);
  pcn_staff_set_start_date (s, start);
  pcn_staff_set_wte (s, 1000);
  pcn_staff_set_sessions (s, sessions);
  g_assert_true (pcn_store_add_staff (store, s, &error));
  g_assert_no_error (error);
  return pcn_staff_get_id (s);
}

static GDate
date (const char *iso)
{
  GDate d;

  g_assert_true (pcn_date_from_iso (iso, &d));
  return d;
}

static guint
count_audit (PcnStore   *store,
             const char *table)
{
  g_autoptr(GPtrArray) audit = pcn_store_list_audit (store, NULL);
  guint n = 0;

  g_assert_nonnull (audit);
  for (guint i = 0; i < audit->len; i++)
    {
      PcnAuditEntry *e = g_ptr_array_index (audit, i);

      if (g_strcmp0 (e->table_name, table) == 0)
        n++;
    }
  return n;
}

static const PcnSupervisionRequirement *
find_req (GPtrArray          *reqs,
          const char         *role,
          PcnSupervisionKind  kind)
{
  return pcn_supervision_requirements_find (reqs, role, kind);
}

static void
test_requirements (void)
{
  g_autofree char *path = test_path ("req.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GPtrArray) reqs = pcn_store_list_supervision_requirements (store, &error);
  g_autoptr(PcnSupervisionRequirement) edit = NULL;
  g_autoptr(PcnSupervisionRequirement) bad = pcn_supervision_requirement_new ();
  const PcnSupervisionRequirement *r;
  guint shipped;

  g_assert_no_error (error);
  shipped = reqs->len;
  g_assert_cmpuint (shipped, >, 10);
  r = find_req (reqs, "CP", PCN_SUPERVISION_KIND_CLINICAL);
  g_assert_nonnull (r);
  g_assert_cmpint (r->frequency_days, ==, 31);
  g_assert_cmpint (r->pathway_months, ==, 18);
  g_assert_nonnull (strstr (r->pathway_name, "PCPEP"));
  g_assert_nonnull (r->source);
  g_assert_false (r->user_edited);
  /* Unknown left unknown. */
  r = find_req (reqs, "HWBC", PCN_SUPERVISION_KIND_CLINICAL);
  g_assert_nonnull (r);
  g_assert_null (r->who);
  g_assert_cmpint (r->frequency_days, ==, -1);
  g_assert_cmpint (r->pathway_months, ==, 12);
  g_assert_null (find_req (reqs, "DTL", PCN_SUPERVISION_KIND_CLINICAL));

  /* A user's edit, then a newer shipped version: the edit stays. */
  edit = pcn_supervision_requirement_copy (find_req (reqs, "CP", PCN_SUPERVISION_KIND_CLINICAL));
  edit->frequency_days = 28;
  g_assert_true (pcn_store_set_supervision_requirement (store, edit, &error));
  g_assert_no_error (error);
  g_assert_true (edit->user_edited);
  bad->role_code = g_strdup ("NOPE");
  g_assert_false (pcn_store_set_supervision_requirement (store, bad, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* frequency_days and origin changed. */
  g_assert_cmpuint (count_audit (store, "supervision_requirement"), ==, 2);

  g_assert_true (_pcn_store_exec (store,
                                  "UPDATE meta SET value = '0' WHERE key = 'supervision_requirements_version';"
                                  "DELETE FROM supervision_requirement WHERE role_code = 'PT';",
                                  &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  store = open_ok (path);
  g_clear_pointer (&reqs, g_ptr_array_unref);
  reqs = pcn_store_list_supervision_requirements (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reqs->len, ==, shipped);
  r = find_req (reqs, "CP", PCN_SUPERVISION_KIND_CLINICAL);
  g_assert_cmpint (r->frequency_days, ==, 28);
  g_assert_true (r->user_edited);
  g_assert_nonnull (find_req (reqs, "PT", PCN_SUPERVISION_KIND_CLINICAL));
}

static void
test_assign_log_status (void)
{
  g_autofree char *path = test_path ("status.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(PcnSupervisorAssignment) a = pcn_supervisor_assignment_new ();
  g_autoptr(PcnSupervisorAssignment) bad = NULL;
  g_autoptr(PcnSupervisionSession) s = pcn_supervision_session_new ();
  g_autoptr(PcnSupervisionReport) report = NULL;
  g_autoptr(GPtrArray) list = NULL;
  PcnSupervisionPerson *p;
  const PcnSupervisionKindStatus *ks;
  GDate as_at = date ("2025-04-10");
  gint64 asha;

  create_network (store);
  asha = add_staff (store, "Asha Patel", "CP", "2025-01-01", "Elm Surgery");

  a->staff_id = asha;
  a->kind = PCN_SUPERVISION_KIND_CLINICAL;
  a->supervisor = g_strdup (" Dr Jones ");
  a->profession = g_strdup ("GP");
  a->minutes_per_week = 60;
  a->practice = g_strdup ("elm surgery");
  a->from_date = g_strdup ("2025-01-01");
  g_assert_true (pcn_store_assign_supervisor (store, a, &error));
  g_assert_no_error (error);
  g_assert_cmpint (a->id, >, 0);

  /* Refusals change nothing. */
  bad = pcn_supervisor_assignment_copy (a);
  g_free (bad->practice);
  bad->practice = g_strdup ("Nowhere");
  g_assert_false (pcn_store_assign_supervisor (store, bad, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  bad->staff_id = 999;
  g_clear_pointer (&bad->practice, g_free);
  g_assert_false (pcn_store_assign_supervisor (store, bad, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = pcn_store_list_supervisor_assignments (store, -1, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (((PcnSupervisorAssignment *) g_ptr_array_index (list, 0))->supervisor, ==, "Dr Jones");
  g_assert_cmpstr (((PcnSupervisorAssignment *) g_ptr_array_index (list, 0))->practice, ==, "Elm Surgery");
  g_clear_pointer (&list, g_ptr_array_unref);

  s->staff_id = asha;
  s->kind = PCN_SUPERVISION_KIND_CLINICAL;
  s->supervisor = g_strdup ("Dr Jones");
  s->date = g_strdup ("2025-04-11");   /* tomorrow */
  s->minutes = 45;
  g_assert_false (pcn_store_log_supervision (store, s, &as_at, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (s->date);
  s->date = g_strdup ("2025-03-10");
  s->minutes = -5;
  g_assert_false (pcn_store_log_supervision (store, s, &as_at, &error));
  g_clear_error (&error);
  list = pcn_store_list_supervision_sessions (store, -1, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  s->minutes = 45;
  s->group = TRUE;
  g_assert_true (pcn_store_log_supervision (store, s, &as_at, &error));
  g_assert_no_error (error);
  list = pcn_store_list_supervision_sessions (store, asha, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_true (((PcnSupervisionSession *) g_ptr_array_index (list, 0))->group);

  /* Due 10 April: due soon on the day, overdue the day after. */
  report = pcn_store_compute_supervision (store, &as_at, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->people->len, ==, 1);
  p = g_ptr_array_index (report->people, 0);
  /* CP: clinic (GP access, no one named) and clinical. */
  g_assert_cmpuint (p->kinds->len, ==, 2);
  ks = &g_array_index (p->kinds, PcnSupervisionKindStatus, 1);
  g_assert_cmpint (ks->kind, ==, PCN_SUPERVISION_KIND_CLINICAL);
  g_assert_cmpint (ks->status, ==, PCN_SUPERVISION_STATUS_DUE_SOON);
  g_assert_cmpstr (ks->last, ==, "2025-03-10");
  g_assert_cmpstr (ks->next_due, ==, "2025-04-10");
  g_assert_cmpint (g_array_index (p->kinds, PcnSupervisionKindStatus, 0).status, ==,
                   PCN_SUPERVISION_STATUS_NO_SUPERVISOR);
  g_clear_pointer (&report, pcn_supervision_report_free);

  as_at = date ("2025-04-11");
  report = pcn_store_compute_supervision (store, &as_at, &error);
  p = g_ptr_array_index (report->people, 0);
  g_assert_cmpint (g_array_index (p->kinds, PcnSupervisionKindStatus, 1).status, ==,
                   PCN_SUPERVISION_STATUS_OVERDUE);
  g_clear_pointer (&report, pcn_supervision_report_free);

  /* The supervisor leaves. */
  g_assert_true (pcn_store_end_supervisor (store, a->id, "10/04/2025", &error));
  g_assert_no_error (error);
  g_assert_false (pcn_store_end_supervisor (store, a->id, "2024-12-31", &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pcn_store_end_supervisor (store, 999, "2025-04-10", &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  report = pcn_store_compute_supervision (store, &as_at, &error);
  p = g_ptr_array_index (report->people, 0);
  g_assert_cmpint (g_array_index (p->kinds, PcnSupervisionKindStatus, 1).status, ==,
                   PCN_SUPERVISION_STATUS_NO_SUPERVISOR);
  g_assert_cmpuint (((PcnSupervisionRoleSummary *) g_ptr_array_index (report->roles, 0))
                      ->counts[PCN_SUPERVISION_STATUS_NO_SUPERVISOR], ==, 1);

  /* Audit: the insert and the end date of the assignment, the session. */
  g_assert_cmpuint (count_audit (store, "supervisor_assignment"), ==, 2);
  g_assert_cmpuint (count_audit (store, "supervision_session"), ==, 1);
}

static void
test_load_cost (void)
{
  g_autofree char *path = test_path ("load.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(PcnSupervisionLoad) load = NULL;
  PcnSupervisorLoad *l;
  GDate as_at = date ("2025-04-30");
  gint64 asha, ben, cara, rate = 0;
  struct { gint64 *who; const char *sup; int minutes; const char *practice; } as[3];

  create_network (store);
  asha = add_staff (store, "Asha", "CP", "2025-01-01", "Elm Surgery");
  ben = add_staff (store, "Ben", "PT", "2025-01-01", "Oak Practice");
  cara = add_staff (store, "Cara", "SPLW", "2024-01-01", "Oak Practice");
  as[0].who = &asha; as[0].sup = "Dr Jones"; as[0].minutes = 30; as[0].practice = "Elm Surgery";
  as[1].who = &ben; as[1].sup = "Dr Jones"; as[1].minutes = 30; as[1].practice = "Elm Surgery";
  as[2].who = &cara; as[2].sup = "Sam Lee"; as[2].minutes = 45; as[2].practice = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (as); i++)
    {
      g_autoptr(PcnSupervisorAssignment) a = pcn_supervisor_assignment_new ();

      a->staff_id = *as[i].who;
      a->supervisor = g_strdup (as[i].sup);
      a->minutes_per_week = as[i].minutes;
      a->practice = g_strdup (as[i].practice);
      g_assert_true (pcn_store_assign_supervisor (store, a, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PcnSupervisionSession) s = pcn_supervision_session_new ();

      s->staff_id = i == 0 ? asha : cara;
      s->supervisor = g_strdup (i == 0 ? "Dr Jones" : "Sam Lee");
      s->date = g_strdup ("2025-04-15");
      s->minutes = i == 0 ? 90 : 25;
      g_assert_true (pcn_store_log_supervision (store, s, &as_at, &error));
      g_assert_no_error (error);
    }

  /* No rate yet: minutes but no cost. */
  g_assert_true (pcn_store_get_gp_hourly_rate (store, &rate, &error));
  g_assert_cmpint (rate, ==, -1);
  load = pcn_store_compute_supervisor_load (store, 2025, 4, &error);
  g_assert_no_error (error);
  g_assert_cmpint (load->total.planned_minutes, ==, 455);
  g_assert_cmpint (load->total.planned_cost_pence, ==, -1);
  g_clear_pointer (&load, pcn_supervision_load_free);

  /* £95.50 an hour: see test-supervision.c for the sums. */
  g_assert_false (pcn_store_set_gp_hourly_rate (store, -5, &error));
  g_clear_error (&error);
  g_assert_true (pcn_store_set_gp_hourly_rate (store, 9550, &error));
  g_assert_true (pcn_store_get_gp_hourly_rate (store, &rate, &error));
  g_assert_cmpint (rate, ==, 9550);
  g_assert_cmpuint (count_audit (store, "supervision_cost"), ==, 1);

  load = pcn_store_compute_supervisor_load (store, 2025, 4, &error);
  g_assert_no_error (error);
  l = g_ptr_array_index (load->supervisors, 0);
  g_assert_cmpstr (l->supervisor, ==, "Dr Jones");
  g_assert_cmpuint (l->supervisees, ==, 2);
  g_assert_cmpint (l->planned_cost_pence, ==, 41383);
  g_assert_cmpint (l->logged_cost_pence, ==, 14325);
  l = g_ptr_array_index (load->practices, 0);
  g_assert_cmpstr (l->supervisor, ==, "Elm Surgery");
  g_assert_cmpint (l->planned_cost_pence, ==, 41383);
  g_assert_cmpint (load->total.planned_cost_pence, ==, 72421);
  g_assert_cmpint (load->total.logged_cost_pence, ==, 18304);
  g_clear_pointer (&load, pcn_supervision_load_free);

  /* Cara leaves at the end of April: her supervisor drops out of May. */
  g_assert_true (pcn_store_record_leaver (store, cara, "2025-04-30", "Relocation", &error));
  g_assert_no_error (error);
  load = pcn_store_compute_supervisor_load (store, 2025, 5, &error);
  g_assert_cmpuint (load->supervisors->len, ==, 1);
  g_assert_cmpint (load->total.weekly_minutes, ==, 60);
  g_clear_pointer (&load, pcn_supervision_load_free);

  g_assert_null (pcn_store_compute_supervisor_load (store, 2025, 13, &error));
  g_clear_error (&error);
}

static void
test_integration (void)
{
  g_autofree char *path = test_path ("integration.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  PcnIntegrationCheck *c;
  GDate as_at = date ("2025-04-30");
  gint64 asha, ben;

  create_network (store);
  asha = add_staff (store, "Asha", "CP", "2025-01-01", "Elm Surgery;Oak Practice;Ash Health Centre");
  ben = add_staff (store, "Ben", "PT", "2025-01-01", "Oak Practice");

  g_assert_true (pcn_store_set_home_team (store, asha, "  Elm clinical team ", &error));
  g_assert_true (pcn_store_set_integration_answer (store, asha, PCN_INTEGRATION_SYSTEM_ACCESS, PCN_ANSWER_YES, &error));
  g_assert_true (pcn_store_set_integration_answer (store, asha, PCN_INTEGRATION_JOB_PLAN, PCN_ANSWER_NO, &error));
  g_assert_true (pcn_store_set_integration_answer (store, asha, PCN_INTEGRATION_JOB_PLAN, PCN_ANSWER_YES, &error));
  g_assert_no_error (error);
  g_assert_false (pcn_store_set_integration_answer (store, asha, PCN_INTEGRATION_FEW_SITES, PCN_ANSWER_YES, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (pcn_store_set_integration_answer (store, 999, PCN_INTEGRATION_JOB_PLAN, PCN_ANSWER_YES, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  answers = pcn_store_list_integration_answers (store, &error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpstr (((PcnIntegrationAnswers *) g_ptr_array_index (answers, 0))->home_team, ==, "Elm clinical team");
  /* Insert, then system access, job plan no → yes: 1 + 1 + 2 changes. */
  g_assert_cmpuint (count_audit (store, "integration_answer"), ==, 4);

  checks = pcn_store_compute_integration (store, &as_at, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (checks->len, ==, 2);
  c = g_ptr_array_index (checks, 0);   /* Ben: lowest */
  g_assert_cmpint (pcn_staff_get_id (c->staff), ==, ben);
  g_assert_cmpint (c->score, ==, 1);   /* only: fewer than three sites */
  c = g_ptr_array_index (checks, 1);
  g_assert_cmpint (pcn_staff_get_id (c->staff), ==, asha);
  g_assert_cmpint (c->sites, ==, 3);
  g_assert_cmpint (c->score, ==, 3);   /* home team, access, job plan */
  g_assert_cmpint (c->max_score, ==, 9);
}

static void
test_training (void)
{
  g_autofree char *path = test_path ("training.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(PcnTrainingItem) item = pcn_training_item_new ();
  g_autoptr(GPtrArray) items = NULL;
  GDate as_at = date ("2025-04-30");
  gint64 asha;

  create_network (store);
  asha = add_staff (store, "Asha", "CP", "2025-01-01", "Elm Surgery");

  item->staff_id = asha;
  item->name = g_strdup ("PCPEP");
  item->due_date = g_strdup ("2026-07-01");
  g_assert_true (pcn_store_add_training_item (store, item, &as_at, &error));
  g_assert_no_error (error);
  g_free (item->completed_on);
  item->completed_on = g_strdup ("2025-05-01");   /* future */
  g_assert_false (pcn_store_update_training_item (store, item, &as_at, &error));
  g_clear_error (&error);
  g_free (item->completed_on);
  item->completed_on = g_strdup ("2025-04-01");
  g_assert_true (pcn_store_update_training_item (store, item, &as_at, &error));
  g_assert_no_error (error);

  items = pcn_store_list_training_items (store, asha, &error);
  g_assert_cmpuint (items->len, ==, 1);
  g_assert_cmpstr (((PcnTrainingItem *) g_ptr_array_index (items, 0))->completed_on, ==, "2025-04-01");
  g_clear_pointer (&items, g_ptr_array_unref);

  g_assert_true (pcn_store_delete_training_item (store, item->id, &error));
  g_assert_false (pcn_store_delete_training_item (store, item->id, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  items = pcn_store_list_training_items (store, -1, &error);
  g_assert_cmpuint (items->len, ==, 0);
  g_assert_cmpuint (count_audit (store, "training_item"), ==, 3);
}

/* Several sessions in one call: all or none. A whole grid row of answers. */
static void
test_bulk (void)
{
  g_autofree char *path = test_path ("bulk.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_session_free);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(PcnIntegrationAnswers) answers = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  PcnIntegrationAnswers *got;
  GDate as_at = date ("2025-04-30");
  gint64 asha;

  create_network (store);
  asha = add_staff (store, "Asha", "CP", "2025-01-01", "Elm Surgery");
  for (int i = 0; i < 3; i++)
    {
      PcnSupervisionSession *s = pcn_supervision_session_new ();

      s->staff_id = i == 2 ? 999 : asha;   /* the last names nobody */
      s->supervisor = g_strdup ("Dr Jones");
      s->date = g_strdup_printf ("2025-0%d-10", i + 2);
      s->minutes = 30;
      g_ptr_array_add (sessions, s);
    }
  g_assert_false (pcn_store_log_supervision_sessions (store, sessions, &as_at, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  list = pcn_store_list_supervision_sessions (store, -1, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  ((PcnSupervisionSession *) g_ptr_array_index (sessions, 2))->staff_id = asha;
  g_assert_true (pcn_store_log_supervision_sessions (store, sessions, &as_at, &error));
  g_assert_no_error (error);
  list = pcn_store_list_supervision_sessions (store, -1, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (((PcnSupervisionSession *) g_ptr_array_index (list, 0))->date, ==, "2025-04-10");

  answers = pcn_integration_answers_new (asha);
  answers->home_team = g_strdup ("Elm team");
  answers->answers[PCN_INTEGRATION_PEER_SUPPORT] = PCN_ANSWER_NO;
  answers->answers[PCN_INTEGRATION_JOB_PLAN] = PCN_ANSWER_YES;
  g_assert_true (pcn_store_set_integration_answers (store, answers, &error));
  g_assert_no_error (error);
  stored = pcn_store_list_integration_answers (store, &error);
  g_assert_cmpuint (stored->len, ==, 1);
  got = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (got->home_team, ==, "Elm team");
  g_assert_cmpint (got->answers[PCN_INTEGRATION_PEER_SUPPORT], ==, PCN_ANSWER_NO);
  g_assert_cmpint (got->answers[PCN_INTEGRATION_JOB_PLAN], ==, PCN_ANSWER_YES);
  g_assert_cmpint (got->answers[PCN_INTEGRATION_SYSTEM_ACCESS], ==, PCN_ANSWER_UNKNOWN);
}

static void
test_migrate (void)
{
  g_autofree char *path = test_path ("v5.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) old = _pcn_store_open_at_version (path, 5, &error);
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) reqs = NULL;
  g_autoptr(PcnSupervisionReport) report = NULL;
  GDate as_at = date ("2025-04-30");

  g_assert_no_error (error);
  create_network (old);
  add_staff (old, "Asha", "CP", "2025-01-01", "Elm Surgery");
  g_clear_object (&old);

  store = open_ok (path);
  staff = pcn_store_list_staff (store, &error);
  g_assert_cmpuint (staff->len, ==, 1);
  reqs = pcn_store_list_supervision_requirements (store, &error);
  g_assert_cmpuint (reqs->len, >, 10);
  report = pcn_store_compute_supervision (store, &as_at, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->people->len, ==, 1);
  g_assert_cmpint (((PcnSupervisionPerson *) g_ptr_array_index (report->people, 0))->overall, ==,
                   PCN_SUPERVISION_STATUS_NO_SUPERVISOR);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/supervision/requirements", test_requirements);
  g_test_add_func ("/store/supervision/assign-log-status", test_assign_log_status);
  g_test_add_func ("/store/supervision/load-cost", test_load_cost);
  g_test_add_func ("/store/supervision/integration", test_integration);
  g_test_add_func ("/store/supervision/training", test_training);
  g_test_add_func ("/store/supervision/bulk", test_bulk);
  g_test_add_func ("/store/supervision/migrate", test_migrate);

  return g_test_run ();
}
