/* pcn-supervision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pcn-core-error.h"
#include "pcn-supervision.h"
#include "pcn-values.h"

#define MAX_TEXT 200

/* ------------------------------------------------------- identifiers */

static const char * const kind_ids[PCN_SUPERVISION_N_KINDS] = {
  "clinic", "clinical", "educational",
};

static const char * const status_ids[PCN_SUPERVISION_N_STATUSES] = {
  "up_to_date", "due_soon", "overdue", "no_supervisor",
};

static const char * const training_ids[PCN_TRAINING_N_STATUSES] = {
  "current", "expiring", "expired", "missing",
};

static const char * const indicator_ids[PCN_INTEGRATION_N_INDICATORS] = {
  "home_team", "sites", "system_access", "clinical_meetings", "peer_support",
  "protected_cpd", "job_plan", "named_supervisor", "profession_peers",
};

static const char * const indicator_flags[PCN_INTEGRATION_N_INDICATORS] = {
  "no_home_team", "three_or_more_sites", "no_system_access", "not_invited_to_meetings",
  "no_peer_support", "no_protected_cpd", "no_job_plan", "no_supervisor", "sole_profession",
};

/* Case-insensitive, '-' taken for '_'. */
static int
find_id (const char * const *ids,
         int                 n,
         const char         *text)
{
  g_autofree char *norm = NULL;

  if (text == NULL)
    return -1;
  norm = g_strstrip (g_ascii_strdown (text, -1));
  g_strdelimit (norm, "-", '_');
  for (int i = 0; i < n; i++)
    if (g_strcmp0 (ids[i], norm) == 0)
      return i;
  return -1;
}

const char *
pcn_supervision_kind_to_string (PcnSupervisionKind kind)
{
  g_return_val_if_fail ((guint) kind < PCN_SUPERVISION_N_KINDS, "clinical");
  return kind_ids[kind];
}

const char *
pcn_supervision_kind_get_label (PcnSupervisionKind kind)
{
  switch (kind)
    {
    case PCN_SUPERVISION_KIND_CLINIC: return _("Clinic/practice");
    case PCN_SUPERVISION_KIND_CLINICAL: return _("Clinical/professional");
    case PCN_SUPERVISION_KIND_EDUCATIONAL: return _("Educational");
    default: g_return_val_if_reached ("");
    }
}

gboolean
pcn_supervision_kind_parse (const char          *text,
                            PcnSupervisionKind  *out_kind,
                            GError             **error)
{
  int v;

  g_return_val_if_fail (out_kind != NULL, FALSE);

  v = find_id (kind_ids, PCN_SUPERVISION_N_KINDS, text);
  if (v < 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a kind of supervision: use clinic, clinical or educational"),
                   text ? text : "");
      return FALSE;
    }
  *out_kind = v;
  return TRUE;
}

const char *
pcn_supervision_status_to_string (PcnSupervisionStatus status)
{
  g_return_val_if_fail ((guint) status < PCN_SUPERVISION_N_STATUSES, "up_to_date");
  return status_ids[status];
}

const char *
pcn_supervision_status_get_label (PcnSupervisionStatus status)
{
  switch (status)
    {
    case PCN_SUPERVISION_STATUS_UP_TO_DATE: return _("Up to date");
    case PCN_SUPERVISION_STATUS_DUE_SOON: return _("Due soon");
    case PCN_SUPERVISION_STATUS_OVERDUE: return _("Overdue");
    case PCN_SUPERVISION_STATUS_NO_SUPERVISOR: return _("No supervisor");
    default: g_return_val_if_reached ("");
    }
}

const char *
pcn_training_status_to_string (PcnTrainingStatus status)
{
  g_return_val_if_fail ((guint) status < PCN_TRAINING_N_STATUSES, "current");
  return training_ids[status];
}

const char *
pcn_training_status_get_label (PcnTrainingStatus status)
{
  switch (status)
    {
    case PCN_TRAINING_STATUS_CURRENT: return _("Current");
    case PCN_TRAINING_STATUS_EXPIRING: return _("Expiring");
    case PCN_TRAINING_STATUS_EXPIRED: return _("Expired");
    case PCN_TRAINING_STATUS_MISSING: return _("Missing");
    default: g_return_val_if_reached ("");
    }
}

const char *
pcn_integration_indicator_to_string (PcnIntegrationIndicator indicator)
{
  g_return_val_if_fail ((guint) indicator < PCN_INTEGRATION_N_INDICATORS, "home_team");
  return indicator_ids[indicator];
}

const char *
pcn_integration_indicator_get_label (PcnIntegrationIndicator indicator)
{
  switch (indicator)
    {
    case PCN_INTEGRATION_HOME_TEAM: return _("Home team named");
    case PCN_INTEGRATION_FEW_SITES: return _("Fewer than three sites");
    case PCN_INTEGRATION_SYSTEM_ACCESS: return _("Clinical system read and write access");
    case PCN_INTEGRATION_CLINICAL_MEETINGS: return _("Invited to practice clinical meetings");
    case PCN_INTEGRATION_PEER_SUPPORT: return _("Peer-support network");
    case PCN_INTEGRATION_PROTECTED_CPD: return _("Protected CPD time");
    case PCN_INTEGRATION_JOB_PLAN: return _("Job plan agreed");
    case PCN_INTEGRATION_NAMED_SUPERVISOR: return _("Named supervisor");
    case PCN_INTEGRATION_PROFESSION_PEERS: return _("Others of their profession in the PCN");
    default: g_return_val_if_reached ("");
    }
}

const char *
pcn_integration_indicator_get_flag (PcnIntegrationIndicator indicator)
{
  g_return_val_if_fail ((guint) indicator < PCN_INTEGRATION_N_INDICATORS, "");
  return indicator_flags[indicator];
}

gboolean
pcn_integration_indicator_is_asked (PcnIntegrationIndicator indicator)
{
  return indicator == PCN_INTEGRATION_SYSTEM_ACCESS ||
         indicator == PCN_INTEGRATION_CLINICAL_MEETINGS ||
         indicator == PCN_INTEGRATION_PEER_SUPPORT ||
         indicator == PCN_INTEGRATION_PROTECTED_CPD ||
         indicator == PCN_INTEGRATION_JOB_PLAN;
}

gboolean
pcn_integration_indicator_parse (const char               *text,
                                 PcnIntegrationIndicator  *out_indicator,
                                 GError                  **error)
{
  int v;

  g_return_val_if_fail (out_indicator != NULL, FALSE);

  v = find_id (indicator_ids, PCN_INTEGRATION_N_INDICATORS, text);
  if (v < 0 || (v != PCN_INTEGRATION_HOME_TEAM && !pcn_integration_indicator_is_asked (v)))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not an integration indicator that can be set: use home_team, "
                     "system_access, clinical_meetings, peer_support, protected_cpd or job_plan"),
                   text ? text : "");
      return FALSE;
    }
  *out_indicator = v;
  return TRUE;
}

gboolean
pcn_answer_parse (const char  *text,
                  PcnAnswer   *out_answer,
                  GError     **error)
{
  static const char * const yes[] = { "yes", "y", "true", "1" };
  static const char * const no[] = { "no", "n", "false", "0" };
  g_autofree char *norm = NULL;

  g_return_val_if_fail (out_answer != NULL, FALSE);

  norm = text ? g_strstrip (g_ascii_strdown (text, -1)) : g_strdup ("");
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (strcmp (norm, yes[i]) == 0)
      {
        *out_answer = PCN_ANSWER_YES;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (strcmp (norm, no[i]) == 0)
      {
        *out_answer = PCN_ANSWER_NO;
        return TRUE;
      }
  if (strcmp (norm, "unknown") == 0)
    {
      *out_answer = PCN_ANSWER_UNKNOWN;
      return TRUE;
    }
  g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
               _("“%s” is not an answer: use yes, no or unknown"), text ? text : "");
  return FALSE;
}

const char *
pcn_answer_to_string (PcnAnswer answer)
{
  switch (answer)
    {
    case PCN_ANSWER_YES: return "yes";
    case PCN_ANSWER_NO: return "no";
    case PCN_ANSWER_UNKNOWN:
    default: return "unknown";
    }
}

/* ----------------------------------------------------------- helpers */

static gboolean
check_text (const char  *text,
            gboolean     required,
            const char  *what,
            GError     **error)
{
  g_autofree char *trimmed = text ? g_strstrip (g_strdup (text)) : NULL;

  if (trimmed == NULL || *trimmed == '\0')
    {
      if (!required)
        return TRUE;
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("%s is required"), what);
      return FALSE;
    }
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > MAX_TEXT)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("%s is longer than %d characters"), what, MAX_TEXT);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_iso (const char  *iso,
           const char  *what,
           GDate       *out,
           GError     **error)
{
  if (iso == NULL)
    return TRUE;
  if (!pcn_date_from_iso (iso, out))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("%s “%s” is not a date (YYYY-MM-DD)"), what, iso);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------ requirements */

PcnSupervisionRequirement *
pcn_supervision_requirement_new (void)
{
  PcnSupervisionRequirement *req = g_new0 (PcnSupervisionRequirement, 1);

  req->kind = PCN_SUPERVISION_KIND_CLINICAL;
  req->frequency_days = -1;
  req->pathway_months = -1;
  return req;
}

PcnSupervisionRequirement *
pcn_supervision_requirement_copy (const PcnSupervisionRequirement *req)
{
  PcnSupervisionRequirement *copy;

  g_return_val_if_fail (req != NULL, NULL);

  copy = g_memdup2 (req, sizeof *req);
  copy->role_code = g_strdup (req->role_code);
  copy->who = g_strdup (req->who);
  copy->pathway_name = g_strdup (req->pathway_name);
  copy->pathway_source = g_strdup (req->pathway_source);
  copy->source = g_strdup (req->source);
  return copy;
}

void
pcn_supervision_requirement_free (PcnSupervisionRequirement *req)
{
  if (req == NULL)
    return;
  g_free (req->role_code);
  g_free (req->who);
  g_free (req->pathway_name);
  g_free (req->pathway_source);
  g_free (req->source);
  g_free (req);
}

gboolean
pcn_supervision_requirement_validate (const PcnSupervisionRequirement  *req,
                                      GError                          **error)
{
  g_return_val_if_fail (req != NULL, FALSE);

  if (req->role_code == NULL || *req->role_code == '\0')
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("The role is required"));
      return FALSE;
    }
  if ((guint) req->kind >= PCN_SUPERVISION_N_KINDS)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The kind of supervision is not clinic, clinical or educational"));
      return FALSE;
    }
  if (req->frequency_days == 0 || req->frequency_days < -1 || req->frequency_days > 366)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The frequency must be 1 to 366 days, or not known"));
      return FALSE;
    }
  if (req->pathway_months == 0 || req->pathway_months < -1 || req->pathway_months > 120)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The pathway time limit must be 1 to 120 months, or not known"));
      return FALSE;
    }
  return TRUE;
}

const PcnSupervisionRequirement *
pcn_supervision_requirements_find (GPtrArray          *requirements,
                                   const char         *role_code,
                                   PcnSupervisionKind  kind)
{
  if (requirements == NULL || role_code == NULL)
    return NULL;
  for (guint i = 0; i < requirements->len; i++)
    {
      const PcnSupervisionRequirement *req = g_ptr_array_index (requirements, i);

      if (req->kind == kind && g_ascii_strcasecmp (req->role_code, role_code) == 0)
        return req;
    }
  return NULL;
}

/* ------------------------------------------------------- assignments */

PcnSupervisorAssignment *
pcn_supervisor_assignment_new (void)
{
  PcnSupervisorAssignment *a = g_new0 (PcnSupervisorAssignment, 1);

  a->kind = PCN_SUPERVISION_KIND_CLINICAL;
  return a;
}

PcnSupervisorAssignment *
pcn_supervisor_assignment_copy (const PcnSupervisorAssignment *a)
{
  PcnSupervisorAssignment *copy;

  g_return_val_if_fail (a != NULL, NULL);

  copy = g_memdup2 (a, sizeof *a);
  copy->supervisor = g_strdup (a->supervisor);
  copy->profession = g_strdup (a->profession);
  copy->practice = g_strdup (a->practice);
  copy->from_date = g_strdup (a->from_date);
  copy->to_date = g_strdup (a->to_date);
  return copy;
}

void
pcn_supervisor_assignment_free (PcnSupervisorAssignment *a)
{
  if (a == NULL)
    return;
  g_free (a->supervisor);
  g_free (a->profession);
  g_free (a->practice);
  g_free (a->from_date);
  g_free (a->to_date);
  g_free (a);
}

gboolean
pcn_supervisor_assignment_validate (const PcnSupervisorAssignment  *a,
                                    GError                        **error)
{
  GDate from, to;

  g_return_val_if_fail (a != NULL, FALSE);

  if ((guint) a->kind >= PCN_SUPERVISION_N_KINDS)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The kind of supervision is not clinic, clinical or educational"));
      return FALSE;
    }
  if (!check_text (a->supervisor, TRUE, _("The supervisor’s name"), error) ||
      !check_text (a->profession, FALSE, _("The supervisor’s profession"), error))
    return FALSE;
  if (a->minutes_per_week < 0 || a->minutes_per_week > PCN_SUPERVISION_MAX_WEEKLY)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("Minutes a week must be 0 to %d, not %d"),
                   PCN_SUPERVISION_MAX_WEEKLY, a->minutes_per_week);
      return FALSE;
    }
  if (!check_iso (a->from_date, _("The from date"), &from, error) ||
      !check_iso (a->to_date, _("The to date"), &to, error))
    return FALSE;
  if (a->from_date && a->to_date && g_date_compare (&to, &from) < 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The supervision ends (%s) before it starts (%s)"), a->to_date, a->from_date);
      return FALSE;
    }
  return TRUE;
}

gboolean
pcn_supervisor_assignment_is_current (const PcnSupervisorAssignment *a,
                                      const GDate                   *as_at)
{
  GDate d;

  g_return_val_if_fail (a != NULL, FALSE);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), FALSE);

  if (a->from_date && pcn_date_from_iso (a->from_date, &d) && g_date_compare (&d, as_at) > 0)
    return FALSE;
  if (a->to_date && pcn_date_from_iso (a->to_date, &d) && g_date_compare (&d, as_at) < 0)
    return FALSE;
  return TRUE;
}

/* Current on any day from @first to @last. */
static gboolean
assignment_overlaps (const PcnSupervisorAssignment *a,
                     const GDate                   *first,
                     const GDate                   *last)
{
  GDate d;

  if (a->from_date && pcn_date_from_iso (a->from_date, &d) && g_date_compare (&d, last) > 0)
    return FALSE;
  if (a->to_date && pcn_date_from_iso (a->to_date, &d) && g_date_compare (&d, first) < 0)
    return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------- sessions */

PcnSupervisionSession *
pcn_supervision_session_new (void)
{
  PcnSupervisionSession *s = g_new0 (PcnSupervisionSession, 1);

  s->kind = PCN_SUPERVISION_KIND_CLINICAL;
  return s;
}

PcnSupervisionSession *
pcn_supervision_session_copy (const PcnSupervisionSession *s)
{
  PcnSupervisionSession *copy;

  g_return_val_if_fail (s != NULL, NULL);

  copy = g_memdup2 (s, sizeof *s);
  copy->date = g_strdup (s->date);
  copy->supervisor = g_strdup (s->supervisor);
  return copy;
}

void
pcn_supervision_session_free (PcnSupervisionSession *s)
{
  if (s == NULL)
    return;
  g_free (s->date);
  g_free (s->supervisor);
  g_free (s);
}

gboolean
pcn_supervision_session_validate (const PcnSupervisionSession  *s,
                                  const GDate                  *as_at,
                                  GError                      **error)
{
  GDate d;

  g_return_val_if_fail (s != NULL, FALSE);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), FALSE);

  if ((guint) s->kind >= PCN_SUPERVISION_N_KINDS)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The kind of supervision is not clinic, clinical or educational"));
      return FALSE;
    }
  if (s->date == NULL)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                   _("The date of the session is required"));
      return FALSE;
    }
  if (!check_iso (s->date, _("The session date"), &d, error))
    return FALSE;
  if (g_date_compare (&d, as_at) > 0)
    {
      g_autofree char *today = pcn_date_to_iso (as_at);

      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The session date %s is in the future (today is %s)"), s->date, today);
      return FALSE;
    }
  if (s->minutes <= 0 || s->minutes > PCN_SUPERVISION_MAX_MINUTES)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("A session lasts 1 to %d minutes, not %d"),
                   PCN_SUPERVISION_MAX_MINUTES, s->minutes);
      return FALSE;
    }
  return check_text (s->supervisor, TRUE, _("The supervisor’s name"), error);
}

/* ------------------------------------------------------------ status */

void
pcn_supervision_kind_status_clear (PcnSupervisionKindStatus *status)
{
  if (status == NULL)
    return;
  g_clear_pointer (&status->last, g_free);
  g_clear_pointer (&status->next_due, g_free);
  g_clear_pointer (&status->supervisors, g_free);
}

void
pcn_supervision_kind_status_compute (PcnSupervisionKindStatus *out,
                                     PcnStaff                 *staff,
                                     PcnSupervisionKind        kind,
                                     int                       frequency_days,
                                     GPtrArray                *assignments,
                                     GPtrArray                *sessions,
                                     const GDate              *as_at)
{
  g_autoptr(GString) names = g_string_new (NULL);
  gint64 staff_id;
  GDate last, base, due;
  gboolean has_last = FALSE, has_base = FALSE, has_supervisor = FALSE;

  g_return_if_fail (out != NULL);
  g_return_if_fail (PCN_IS_STAFF (staff));
  g_return_if_fail (as_at != NULL && g_date_valid (as_at));

  memset (out, 0, sizeof *out);
  out->kind = kind;
  out->frequency_days = frequency_days > 0 ? frequency_days : -1;
  staff_id = pcn_staff_get_id (staff);

  for (guint i = 0; assignments && i < assignments->len; i++)
    {
      const PcnSupervisorAssignment *a = g_ptr_array_index (assignments, i);

      if (a->staff_id != staff_id || a->kind != kind ||
          !pcn_supervisor_assignment_is_current (a, as_at))
        continue;
      has_supervisor = TRUE;
      if (names->len > 0)
        g_string_append (names, "; ");
      g_string_append (names, a->supervisor);
    }

  g_date_clear (&last, 1);
  for (guint i = 0; sessions && i < sessions->len; i++)
    {
      const PcnSupervisionSession *s = g_ptr_array_index (sessions, i);
      GDate d;

      if (s->staff_id != staff_id || s->kind != kind || !pcn_date_from_iso (s->date, &d) ||
          g_date_compare (&d, as_at) > 0)
        continue;
      if (!has_last || g_date_compare (&d, &last) > 0)
        last = d;
      has_last = TRUE;
    }

  if (has_last)
    {
      out->last = pcn_date_to_iso (&last);
      base = last;
      has_base = TRUE;
    }
  else if (pcn_staff_get_start_date (staff) &&
           pcn_date_from_iso (pcn_staff_get_start_date (staff), &base))
    has_base = TRUE;

  if (has_supervisor)
    out->supervisors = g_strdup (names->str);

  if (out->frequency_days > 0 && has_base)
    {
      gint days_left;

      due = base;
      g_date_add_days (&due, out->frequency_days);
      out->next_due = pcn_date_to_iso (&due);
      days_left = g_date_days_between (as_at, &due);
      if (!has_supervisor)
        out->status = PCN_SUPERVISION_STATUS_NO_SUPERVISOR;
      else if (days_left < 0)
        out->status = PCN_SUPERVISION_STATUS_OVERDUE;
      else if (days_left <= PCN_SUPERVISION_DUE_SOON_DAYS)
        out->status = PCN_SUPERVISION_STATUS_DUE_SOON;
      else
        out->status = PCN_SUPERVISION_STATUS_UP_TO_DATE;
    }
  else
    out->status = has_supervisor ? PCN_SUPERVISION_STATUS_UP_TO_DATE
                                 : PCN_SUPERVISION_STATUS_NO_SUPERVISOR;
}

void
pcn_supervision_person_free (PcnSupervisionPerson *person)
{
  if (person == NULL)
    return;
  g_clear_object (&person->staff);
  g_clear_pointer (&person->kinds, g_array_unref);
  g_free (person);
}

void
pcn_supervision_role_summary_free (PcnSupervisionRoleSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->role_code);
  g_free (summary->role_name);
  g_free (summary);
}

void
pcn_supervision_report_free (PcnSupervisionReport *report)
{
  if (report == NULL)
    return;
  g_clear_pointer (&report->people, g_ptr_array_unref);
  g_clear_pointer (&report->roles, g_ptr_array_unref);
  g_free (report);
}

static int
compare_role_summaries (gconstpointer a,
                        gconstpointer b)
{
  const PcnSupervisionRoleSummary *x = *(PcnSupervisionRoleSummary * const *) a;
  const PcnSupervisionRoleSummary *y = *(PcnSupervisionRoleSummary * const *) b;

  return g_strcmp0 (x->role_code, y->role_code);
}

PcnSupervisionReport *
pcn_supervision_report_compute (GPtrArray   *staff,
                                GPtrArray   *requirements,
                                GPtrArray   *assignments,
                                GPtrArray   *sessions,
                                const GDate *as_at)
{
  g_autoptr(PcnSupervisionReport) report = g_new0 (PcnSupervisionReport, 1);
  g_autoptr(GHashTable) by_role = g_hash_table_new (g_str_hash, g_str_equal);

  g_return_val_if_fail (staff != NULL, NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  report->as_at = *as_at;
  report->people = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_person_free);
  report->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_role_summary_free);

  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      PcnSupervisionPerson *person;
      PcnSupervisionRoleSummary *summary;
      gboolean wanted[PCN_SUPERVISION_N_KINDS] = { FALSE, };
      gboolean any = FALSE;
      const char *role = pcn_staff_get_role_code (s);

      if (pcn_staff_get_status (s, as_at) != PCN_STAFF_STATUS_IN_POST)
        continue;

      for (int k = 0; k < PCN_SUPERVISION_N_KINDS; k++)
        if (pcn_supervision_requirements_find (requirements, role, k))
          wanted[k] = any = TRUE;
      for (guint j = 0; assignments && j < assignments->len; j++)
        {
          const PcnSupervisorAssignment *a = g_ptr_array_index (assignments, j);

          if (a->staff_id == pcn_staff_get_id (s) && (guint) a->kind < PCN_SUPERVISION_N_KINDS)
            wanted[a->kind] = any = TRUE;
        }
      if (!any)
        wanted[PCN_SUPERVISION_KIND_CLINICAL] = TRUE;

      person = g_new0 (PcnSupervisionPerson, 1);
      person->staff = g_object_ref (s);
      person->kinds = g_array_new (FALSE, TRUE, sizeof (PcnSupervisionKindStatus));
      g_array_set_clear_func (person->kinds, (GDestroyNotify) pcn_supervision_kind_status_clear);
      person->overall = PCN_SUPERVISION_STATUS_UP_TO_DATE;

      for (int k = 0; k < PCN_SUPERVISION_N_KINDS; k++)
        {
          const PcnSupervisionRequirement *req;
          PcnSupervisionKindStatus ks;

          if (!wanted[k])
            continue;
          req = pcn_supervision_requirements_find (requirements, role, k);
          pcn_supervision_kind_status_compute (&ks, s, k, req ? req->frequency_days : -1,
                                               assignments, sessions, as_at);
          person->overall = MAX (person->overall, ks.status);
          g_array_append_val (person->kinds, ks);
        }
      g_ptr_array_add (report->people, person);

      summary = role ? g_hash_table_lookup (by_role, role) : NULL;
      if (summary == NULL && role != NULL)
        {
          summary = g_new0 (PcnSupervisionRoleSummary, 1);
          summary->role_code = g_strdup (role);
          summary->role_name = g_strdup (pcn_staff_get_role_name (s));
          g_hash_table_insert (by_role, summary->role_code, summary);
          g_ptr_array_add (report->roles, summary);
        }
      if (summary != NULL)
        summary->counts[person->overall]++;
    }

  g_ptr_array_sort (report->roles, compare_role_summaries);
  return g_steal_pointer (&report);
}

/* ---------------------------------------------------------- training */

PcnTrainingItem *
pcn_training_item_new (void)
{
  return g_new0 (PcnTrainingItem, 1);
}

PcnTrainingItem *
pcn_training_item_copy (const PcnTrainingItem *item)
{
  PcnTrainingItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_memdup2 (item, sizeof *item);
  copy->name = g_strdup (item->name);
  copy->due_date = g_strdup (item->due_date);
  copy->completed_on = g_strdup (item->completed_on);
  return copy;
}

void
pcn_training_item_free (PcnTrainingItem *item)
{
  if (item == NULL)
    return;
  g_free (item->name);
  g_free (item->due_date);
  g_free (item->completed_on);
  g_free (item);
}

gboolean
pcn_training_item_validate (const PcnTrainingItem  *item,
                            const GDate            *as_at,
                            GError                **error)
{
  GDate due, done;

  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), FALSE);

  if (!check_text (item->name, TRUE, _("The training item’s name"), error) ||
      !check_iso (item->due_date, _("The due or expiry date"), &due, error) ||
      !check_iso (item->completed_on, _("The completion date"), &done, error))
    return FALSE;
  if (item->completed_on && g_date_compare (&done, as_at) > 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The completion date %s is in the future"), item->completed_on);
      return FALSE;
    }
  return TRUE;
}

PcnTrainingStatus
pcn_training_item_get_status (const PcnTrainingItem *item,
                              const GDate           *as_at)
{
  GDate due;
  gint days_left;

  g_return_val_if_fail (item != NULL, PCN_TRAINING_STATUS_MISSING);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), PCN_TRAINING_STATUS_MISSING);

  if (item->due_date == NULL || !pcn_date_from_iso (item->due_date, &due))
    return item->completed_on ? PCN_TRAINING_STATUS_CURRENT : PCN_TRAINING_STATUS_MISSING;

  days_left = g_date_days_between (as_at, &due);
  if (days_left < 0)
    return item->completed_on ? PCN_TRAINING_STATUS_EXPIRED : PCN_TRAINING_STATUS_MISSING;
  if (days_left <= PCN_TRAINING_EXPIRING_DAYS)
    return PCN_TRAINING_STATUS_EXPIRING;
  return PCN_TRAINING_STATUS_CURRENT;
}

/* -------------------------------------------------- load and cost */

gint64
pcn_div_round_half_up (gint64 num,
                       gint64 den)
{
  g_return_val_if_fail (num >= 0 && den > 0, 0);
  return (num / den) + ((num % den) * 2 >= den ? 1 : 0);
}

gint64
pcn_supervision_cost_of_minutes (gint64 minutes,
                                 gint64 rate_pence_per_hour)
{
  g_return_val_if_fail (minutes >= 0 && rate_pence_per_hour >= 0, 0);
  return pcn_div_round_half_up (minutes * rate_pence_per_hour, 60);
}

gint64
pcn_supervision_monthly_cost (gint64 weekly_minutes,
                              gint64 rate_pence_per_hour)
{
  g_return_val_if_fail (weekly_minutes >= 0 && rate_pence_per_hour >= 0, 0);
  return pcn_div_round_half_up (weekly_minutes * 52 * rate_pence_per_hour, 12 * 60);
}

void
pcn_supervisor_load_free (PcnSupervisorLoad *load)
{
  if (load == NULL)
    return;
  g_free (load->supervisor);
  g_free (load->profession);
  g_free (load);
}

void
pcn_supervision_load_free (PcnSupervisionLoad *load)
{
  if (load == NULL)
    return;
  g_clear_pointer (&load->supervisors, g_ptr_array_unref);
  g_clear_pointer (&load->practices, g_ptr_array_unref);
  g_free (load->total.supervisor);
  g_free (load->total.profession);
  g_free (load);
}

typedef struct
{
  PcnSupervisorLoad *load;
  GHashTable        *people;  /* staff ids (gint64*) */
} LoadAcc;

static void
load_acc_free (LoadAcc *acc)
{
  g_hash_table_unref (acc->people);
  g_free (acc);
}

static LoadAcc *
get_acc (GHashTable *table,
         GPtrArray  *order,
         const char *key)
{
  LoadAcc *acc = g_hash_table_lookup (table, key ? key : "");

  if (acc == NULL)
    {
      acc = g_new0 (LoadAcc, 1);
      acc->load = g_new0 (PcnSupervisorLoad, 1);
      acc->load->supervisor = g_strdup (key);
      acc->people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_insert (table, g_strdup (key ? key : ""), acc);
      g_ptr_array_add (order, acc->load);
    }
  return acc;
}

static void
acc_add_person (LoadAcc *acc,
                gint64   staff_id)
{
  if (!g_hash_table_contains (acc->people, &staff_id))
    {
      g_hash_table_add (acc->people, g_memdup2 (&staff_id, sizeof staff_id));
      acc->load->supervisees++;
    }
}

static void
finish_costs (PcnSupervisorLoad *load,
              gint64             rate)
{
  load->planned_minutes = pcn_div_round_half_up (load->weekly_minutes * 52, 12);
  if (rate < 0)
    {
      load->planned_cost_pence = -1;
      load->logged_cost_pence = -1;
      return;
    }
  load->planned_cost_pence = pcn_supervision_monthly_cost (load->weekly_minutes, rate);
  load->logged_cost_pence = pcn_supervision_cost_of_minutes (load->logged_minutes, rate);
}

static int
compare_loads (gconstpointer a,
               gconstpointer b)
{
  const PcnSupervisorLoad *x = *(PcnSupervisorLoad * const *) a;
  const PcnSupervisorLoad *y = *(PcnSupervisorLoad * const *) b;

  /* NULL (PCN-wide) last. */
  if (x->supervisor == NULL || y->supervisor == NULL)
    return (x->supervisor == NULL) - (y->supervisor == NULL);
  return g_utf8_collate (x->supervisor, y->supervisor);
}

PcnSupervisionLoad *
pcn_supervision_load_compute (GPtrArray *assignments,
                              GPtrArray *sessions,
                              int        year,
                              int        month,
                              gint64     rate_pence_per_hour)
{
  g_autoptr(PcnSupervisionLoad) load = g_new0 (PcnSupervisionLoad, 1);
  g_autoptr(GHashTable) sup = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                     (GDestroyNotify) load_acc_free);
  g_autoptr(GHashTable) prac = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                      (GDestroyNotify) load_acc_free);
  g_autoptr(GHashTable) all = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  GDate first, last;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);
  g_return_val_if_fail (g_date_valid_year (year), NULL);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  last = first;
  g_date_set_day (&last, g_date_get_days_in_month (month, year));

  load->year = year;
  load->month = month;
  load->rate_pence = rate_pence_per_hour >= 0 ? rate_pence_per_hour : -1;
  load->supervisors = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervisor_load_free);
  load->practices = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervisor_load_free);

  for (guint i = 0; assignments && i < assignments->len; i++)
    {
      const PcnSupervisorAssignment *a = g_ptr_array_index (assignments, i);
      LoadAcc *s, *p;

      if (!assignment_overlaps (a, &first, &last))
        continue;
      s = get_acc (sup, load->supervisors, a->supervisor);
      p = get_acc (prac, load->practices, a->practice);
      if (s->load->profession == NULL && a->profession != NULL)
        s->load->profession = g_strdup (a->profession);
      acc_add_person (s, a->staff_id);
      acc_add_person (p, a->staff_id);
      s->load->weekly_minutes += a->minutes_per_week;
      p->load->weekly_minutes += a->minutes_per_week;
      load->total.weekly_minutes += a->minutes_per_week;
      if (!g_hash_table_contains (all, &a->staff_id))
        {
          g_hash_table_add (all, g_memdup2 (&a->staff_id, sizeof a->staff_id));
          load->total.supervisees++;
        }
    }

  for (guint i = 0; sessions && i < sessions->len; i++)
    {
      const PcnSupervisionSession *s = g_ptr_array_index (sessions, i);
      const char *practice = NULL;
      GDate d;

      if (!pcn_date_from_iso (s->date, &d) ||
          g_date_compare (&d, &first) < 0 || g_date_compare (&d, &last) > 0)
        continue;
      for (guint j = 0; assignments && j < assignments->len; j++)
        {
          const PcnSupervisorAssignment *a = g_ptr_array_index (assignments, j);

          if (a->staff_id == s->staff_id && a->kind == s->kind &&
              g_strcmp0 (a->supervisor, s->supervisor) == 0)
            {
              practice = a->practice;
              if (pcn_supervisor_assignment_is_current (a, &d))
                break;
            }
        }
      get_acc (sup, load->supervisors, s->supervisor)->load->logged_minutes += s->minutes;
      get_acc (prac, load->practices, practice)->load->logged_minutes += s->minutes;
      load->total.logged_minutes += s->minutes;
    }

  g_ptr_array_sort (load->supervisors, compare_loads);
  g_ptr_array_sort (load->practices, compare_loads);
  for (guint i = 0; i < load->supervisors->len; i++)
    finish_costs (g_ptr_array_index (load->supervisors, i), load->rate_pence);
  for (guint i = 0; i < load->practices->len; i++)
    finish_costs (g_ptr_array_index (load->practices, i), load->rate_pence);
  finish_costs (&load->total, load->rate_pence);

  /* The hash tables free the accumulators; the loads belong to the arrays. */
  return g_steal_pointer (&load);
}

/* ------------------------------------------------ integration check */

PcnIntegrationAnswers *
pcn_integration_answers_new (gint64 staff_id)
{
  PcnIntegrationAnswers *answers = g_new0 (PcnIntegrationAnswers, 1);

  answers->staff_id = staff_id;
  for (int i = 0; i < PCN_INTEGRATION_N_INDICATORS; i++)
    answers->answers[i] = PCN_ANSWER_UNKNOWN;
  return answers;
}

PcnIntegrationAnswers *
pcn_integration_answers_copy (const PcnIntegrationAnswers *answers)
{
  PcnIntegrationAnswers *copy;

  g_return_val_if_fail (answers != NULL, NULL);

  copy = g_memdup2 (answers, sizeof *answers);
  copy->home_team = g_strdup (answers->home_team);
  return copy;
}

void
pcn_integration_answers_free (PcnIntegrationAnswers *answers)
{
  if (answers == NULL)
    return;
  g_free (answers->home_team);
  g_free (answers);
}

void
pcn_integration_check_free (PcnIntegrationCheck *check)
{
  if (check == NULL)
    return;
  g_clear_object (&check->staff);
  g_free (check->home_team);
  g_clear_pointer (&check->flags, g_ptr_array_unref);
  g_clear_pointer (&check->unanswered, g_ptr_array_unref);
  g_free (check);
}

static int
compare_checks (gconstpointer a,
                gconstpointer b)
{
  const PcnIntegrationCheck *x = *(PcnIntegrationCheck * const *) a;
  const PcnIntegrationCheck *y = *(PcnIntegrationCheck * const *) b;

  if (x->score != y->score)
    return x->score < y->score ? -1 : 1;
  return g_utf8_collate (pcn_staff_get_name (x->staff), pcn_staff_get_name (y->staff));
}

static PcnAnswer
answer_of (gboolean met)
{
  return met ? PCN_ANSWER_YES : PCN_ANSWER_NO;
}

GPtrArray *
pcn_integration_check_compute (GPtrArray   *staff,
                               GPtrArray   *answers,
                               GPtrArray   *assignments,
                               const GDate *as_at)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) per_role = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (staff != NULL, NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_integration_check_free);

  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      const char *role = pcn_staff_get_role_code (s);
      g_autofree char *key = NULL;
      guint count;

      if (pcn_staff_get_status (s, as_at) != PCN_STAFF_STATUS_IN_POST || role == NULL)
        continue;
      key = g_ascii_strup (role, -1);
      count = GPOINTER_TO_UINT (g_hash_table_lookup (per_role, key));
      g_hash_table_insert (per_role, g_steal_pointer (&key), GUINT_TO_POINTER (count + 1));
    }

  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      const PcnIntegrationAnswers *ans = NULL;
      PcnIntegrationCheck *check;
      g_autofree char *role_key = NULL;
      GPtrArray *sessions;
      gboolean has_supervisor = FALSE;
      guint same_role;

      if (pcn_staff_get_status (s, as_at) != PCN_STAFF_STATUS_IN_POST)
        continue;

      for (guint j = 0; answers && j < answers->len; j++)
        {
          const PcnIntegrationAnswers *a = g_ptr_array_index (answers, j);

          if (a->staff_id == pcn_staff_get_id (s))
            {
              ans = a;
              break;
            }
        }
      for (guint j = 0; assignments && j < assignments->len; j++)
        {
          const PcnSupervisorAssignment *a = g_ptr_array_index (assignments, j);

          if (a->staff_id == pcn_staff_get_id (s) && pcn_supervisor_assignment_is_current (a, as_at))
            {
              has_supervisor = TRUE;
              break;
            }
        }
      role_key = g_ascii_strup (pcn_staff_get_role_code (s) ? pcn_staff_get_role_code (s) : "", -1);
      same_role = GPOINTER_TO_UINT (g_hash_table_lookup (per_role, role_key));
      sessions = pcn_staff_get_sessions (s);

      check = g_new0 (PcnIntegrationCheck, 1);
      check->staff = g_object_ref (s);
      check->home_team = ans ? g_strdup (ans->home_team) : NULL;
      check->sites = sessions ? (int) sessions->len : 0;
      check->max_score = PCN_INTEGRATION_N_INDICATORS;
      check->flags = g_ptr_array_new ();
      check->unanswered = g_ptr_array_new ();

      check->met[PCN_INTEGRATION_HOME_TEAM] =
        answer_of (check->home_team != NULL && *check->home_team != '\0');
      check->met[PCN_INTEGRATION_FEW_SITES] = answer_of (check->sites < PCN_INTEGRATION_SITES_FLAG_AT);
      check->met[PCN_INTEGRATION_NAMED_SUPERVISOR] = answer_of (has_supervisor);
      check->met[PCN_INTEGRATION_PROFESSION_PEERS] = answer_of (same_role > 1);
      for (int k = 0; k < PCN_INTEGRATION_N_INDICATORS; k++)
        if (pcn_integration_indicator_is_asked (k))
          check->met[k] = ans ? ans->answers[k] : PCN_ANSWER_UNKNOWN;

      for (int k = 0; k < PCN_INTEGRATION_N_INDICATORS; k++)
        {
          if (check->met[k] == PCN_ANSWER_YES)
            check->score++;
          else if (check->met[k] == PCN_ANSWER_NO)
            g_ptr_array_add (check->flags, (gpointer) indicator_flags[k]);
          else
            g_ptr_array_add (check->unanswered, (gpointer) indicator_ids[k]);
        }
      g_ptr_array_add (result, check);
    }

  g_ptr_array_sort (result, compare_checks);
  return g_steal_pointer (&result);
}
