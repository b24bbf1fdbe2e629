/* pcn-demo-supervision.c — supervision, training and integration answers
 * for the sample PCN (pcn_demo_fill())
 *
 * A realistic picture rather than a tidy one: most people have a named
 * clinical supervisor and monthly sessions over the last four months, some
 * are overdue or due soon, a few have nobody named; some have a clinic
 * supervisor in a host practice; training items are current, expiring,
 * expired or missing; integration answers are mostly but not all yes.
 * Everything is deterministic and relative to @today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pcn-demo.h"

/* Only the first people get supervision data, so a benchmark database of
 * thousands of staff is not slowed down. */
#define MAX_PEOPLE 40

/* The PCN's cost of an hour of GP time: £95.00. */
#define GP_HOURLY_PENCE 9500

typedef struct
{
  const char *name;
  const char *profession;
} DemoSupervisor;

static const DemoSupervisor pharmacist = { "Hannah Okoye", "Advanced practice pharmacist" };
static const DemoSupervisor gp_carter = { "Dr Helen Carter", "GP" };
static const DemoSupervisor gp_hussain = { "Dr Nadia Hussain", "GP" };
static const DemoSupervisor mh_lead = { "Tom Ellis", "Mental health nurse (trust clinical lead)" };
static const DemoSupervisor duty_gp = { "Dr James Whitaker", "GP" };

static const DemoSupervisor *
clinical_supervisor_for (const char *role)
{
  if (g_strcmp0 (role, "CP") == 0 || g_strcmp0 (role, "PT") == 0)
    return &pharmacist;
  if (g_strcmp0 (role, "MHP") == 0)
    return &mh_lead;
  if (g_strcmp0 (role, "FCP_PHYSIO") == 0 || g_strcmp0 (role, "PARAMEDIC") == 0 ||
      g_strcmp0 (role, "AP") == 0 || g_strcmp0 (role, "DIETITIAN") == 0 ||
      g_strcmp0 (role, "PODIATRIST") == 0 || g_strcmp0 (role, "OT") == 0)
    return &gp_hussain;
  return &gp_carter;
}

static PcnSupervisionKind
clinical_kind_for (const char *role)
{
  /* The roadmap roles are supervised by a roadmap (educational) supervisor. */
  if (g_strcmp0 (role, "FCP_PHYSIO") == 0 || g_strcmp0 (role, "PARAMEDIC") == 0 ||
      g_strcmp0 (role, "DIETITIAN") == 0 || g_strcmp0 (role, "PODIATRIST") == 0 ||
      g_strcmp0 (role, "OT") == 0)
    return PCN_SUPERVISION_KIND_EDUCATIONAL;
  return PCN_SUPERVISION_KIND_CLINICAL;
}

static char *
offset_iso (const GDate *today,
            int          days)
{
  GDate d = *today;

  if (days >= 0)
    g_date_add_days (&d, days);
  else
    g_date_subtract_days (&d, -days);
  return pcn_date_to_iso (&d);
}

static void
add_session (GPtrArray           *sessions,
             gint64               staff_id,
             PcnSupervisionKind   kind,
             const char          *supervisor,
             const GDate         *today,
             const GDate         *start,
             int                  days_ago,
             int                  minutes,
             gboolean             group)
{
  PcnSupervisionSession *s;
  GDate d = *today;

  g_date_subtract_days (&d, days_ago);
  if (g_date_compare (&d, start) < 0)
    return;
  s = pcn_supervision_session_new ();
  s->staff_id = staff_id;
  s->kind = kind;
  s->supervisor = g_strdup (supervisor);
  s->date = pcn_date_to_iso (&d);
  s->minutes = minutes;
  s->group = group;
  g_ptr_array_add (sessions, s);
}

static gboolean
add_training (PcnStore    *store,
              gint64       staff_id,
              const char  *name,
              const GDate *today,
              int          due_offset,
              int          completed_offset,   /* G_MININT: not done */
              GError     **error)
{
  g_autoptr(PcnTrainingItem) item = pcn_training_item_new ();

  item->staff_id = staff_id;
  item->name = g_strdup (name);
  item->due_date = offset_iso (today, due_offset);
  if (completed_offset != G_MININT)
    item->completed_on = offset_iso (today, completed_offset);
  return pcn_store_add_training_item (store, item, today, error);
}

gboolean
_pcn_demo_fill_supervision (PcnStore     *store,
                            const GDate  *today,
                            GError      **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) sessions_log = NULL;
  guint n = 0;

  staff = pcn_store_list_staff (store, error);
  if (staff == NULL)
    return FALSE;
  if (!pcn_store_set_gp_hourly_rate (store, GP_HOURLY_PENCE, error))
    return FALSE;
  sessions_log = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_session_free);

  for (guint i = 0; i < staff->len && n < MAX_PEOPLE; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      const char *role = pcn_staff_get_role_code (s);
      const DemoSupervisor *sup = clinical_supervisor_for (role);
      PcnSupervisionKind kind = clinical_kind_for (role);
      GPtrArray *sessions = pcn_staff_get_sessions (s);
      const char *first_practice = sessions && sessions->len > 0
                                   ? ((PcnSession *) g_ptr_array_index (sessions, 0))->practice : NULL;
      gint64 id = pcn_staff_get_id (s);
      GDate start;
      int since_start;

      if (pcn_staff_get_status (s, today) != PCN_STAFF_STATUS_IN_POST ||
          !pcn_date_from_iso (pcn_staff_get_start_date (s), &start))
        continue;
      since_start = g_date_days_between (&start, today);
      n++;

      /* Every seventh person has no supervisor named yet. */
      if (n % 7 != 3)
        {
          g_autoptr(PcnSupervisorAssignment) a = pcn_supervisor_assignment_new ();
          int last;

          a->staff_id = id;
          a->kind = kind;
          a->supervisor = g_strdup (sup->name);
          a->profession = g_strdup (sup->profession);
          a->minutes_per_week = n % 3 == 0 ? 60 : (n % 3 == 1 ? 30 : 45);
          a->practice = n % 2 == 0 ? g_strdup (first_practice) : NULL;
          a->from_date = g_strdup (pcn_staff_get_start_date (s));
          if (!pcn_store_assign_supervisor (store, a, error))
            return FALSE;

          /* Monthly sessions; some stopped (overdue), some nearly due. */
          last = n % 5 == 2 ? 48 : (n % 5 == 4 ? 26 : 3 + (int) (n % 4) * 4);
          for (int k = 0; k < 4; k++)
            add_session (sessions_log, id, kind, sup->name, today, &start, last + k * 30,
                         n % 4 == 1 ? 60 : 45, n % 6 == 0 && k % 2 == 1);
        }

      /* A clinic supervisor in the first host practice for some. */
      if (first_practice != NULL && (n % 3 == 0 || g_strcmp0 (role, "CP") == 0))
        {
          g_autoptr(PcnSupervisorAssignment) a = pcn_supervisor_assignment_new ();

          a->staff_id = id;
          a->kind = PCN_SUPERVISION_KIND_CLINIC;
          a->supervisor = g_strdup (duty_gp.name);
          a->profession = g_strdup (duty_gp.profession);
          a->minutes_per_week = 15;
          a->practice = g_strdup (first_practice);
          if (!pcn_store_assign_supervisor (store, a, error))
            return FALSE;
          add_session (sessions_log, id, PCN_SUPERVISION_KIND_CLINIC, duty_gp.name, today, &start, 12, 20,
                       FALSE);
        }

      /* Training: basic life support yearly (one expiring, one expired),
       * safeguarding, and the role's pathway. */
      if (!add_training (store, id, "Basic life support", today,
                         n % 8 == 5 ? 18 : (n % 8 == 6 ? -20 : 200),
                         n % 8 == 5 ? -347 : (n % 8 == 6 ? -385 : -165), error) ||
          !add_training (store, id, "Safeguarding adults level 3", today,
                         n % 5 == 0 ? -10 : 400, n % 5 == 0 ? G_MININT : -330, error))
        return FALSE;
      if (g_strcmp0 (role, "CP") == 0 &&
          !add_training (store, id, "CPPE Primary Care Pharmacy Education Pathway", today,
                         548 - since_start, since_start > 548 ? -since_start + 540 : G_MININT, error))
        return FALSE;
      if (g_strcmp0 (role, "HWBC") == 0 &&
          !add_training (store, id, "PCI-accredited 4-day health coaching course", today,
                         365 - since_start, G_MININT, error))
        return FALSE;

      /* Integration answers: mostly yes, with the gaps the evidence finds. */
      {
        g_autoptr(PcnIntegrationAnswers) answers = pcn_integration_answers_new (id);

        if (first_practice != NULL && n % 6 != 5)
          answers->home_team = g_strdup_printf ("%s clinical team", first_practice);
        answers->answers[PCN_INTEGRATION_SYSTEM_ACCESS] = n % 9 == 4 ? PCN_ANSWER_NO : PCN_ANSWER_YES;
        answers->answers[PCN_INTEGRATION_CLINICAL_MEETINGS] = n % 4 == 2 ? PCN_ANSWER_NO : PCN_ANSWER_YES;
        answers->answers[PCN_INTEGRATION_PEER_SUPPORT] = n % 5 == 1 ? PCN_ANSWER_NO : PCN_ANSWER_YES;
        answers->answers[PCN_INTEGRATION_PROTECTED_CPD] = n % 3 == 2 ? PCN_ANSWER_NO : PCN_ANSWER_YES;
        answers->answers[PCN_INTEGRATION_JOB_PLAN] =
          n % 10 == 7 ? PCN_ANSWER_UNKNOWN : (n % 6 == 3 ? PCN_ANSWER_NO : PCN_ANSWER_YES);
        if (!pcn_store_set_integration_answers (store, answers, error))
          return FALSE;
      }
    }
  return pcn_store_log_supervision_sessions (store, sessions_log, today, error);
}
