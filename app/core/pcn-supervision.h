/* pcn-supervision.h — supervision, training and the integration check
 *
 * Supervision (NHSE "Supervision guidance for primary care network
 * multidisciplinary teams", 2023) comes in three kinds: clinic/practice,
 * clinical/professional and educational. Each role has requirements
 * (reference data, editable): who may supervise, how often, and a training
 * pathway with its time limit — each left unknown (NULL / -1) where the
 * sources say nothing.
 *
 * Status of one required kind for one person, as at a date:
 *
 *   no_supervisor  nobody of that kind is assigned on the date (an
 *                  assignment counts from its from-date to its to-date,
 *                  both inclusive)
 *   next due       last session of that kind on or before the date +
 *                  frequency; never supervised: start date + frequency
 *   overdue        next due < as at
 *   due_soon       as at <= next due <= as at + 7 days
 *   up_to_date     otherwise, or when the frequency is not known (then
 *                  there is no next due date)
 *
 * Training items: a date that is the deadline for an item not yet done and
 * the expiry date of a done one (NULL: none). Status as at a date:
 *
 *   done, no expiry or expiry more than 30 days away   current
 *   done, expiry within 30 days (inclusive)            expiring
 *   done, expiry before as at                          expired
 *   not done, deadline more than 30 days away          current
 *   not done, deadline within 30 days (inclusive)      expiring
 *   not done, no deadline or deadline passed           missing
 *
 * Supervisor load for a month: minutes planned = minutes a week × 52 ÷ 12,
 * for every assignment current on any day of the month; minutes logged =
 * the month's sessions. Cost at the PCN's GP hourly rate (pence an hour):
 * minutes × rate ÷ 60, worked in integers and rounded half up once per
 * line (planned: weekly minutes × 52 × rate ÷ 720).
 *
 * No clinical content is ever held: a session is a date, a kind, a
 * supervisor, a length and one-to-one or group; there is no notes field.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-staff.h"
#include "pcn-types.h"

G_BEGIN_DECLS

#define PCN_SUPERVISION_DUE_SOON_DAYS   7
#define PCN_TRAINING_EXPIRING_DAYS      30
#define PCN_INTEGRATION_SITES_FLAG_AT   3
/* The longest session accepted: a full day. */
#define PCN_SUPERVISION_MAX_MINUTES     (12 * 60)
/* The most protected minutes a week accepted for one assignment. */
#define PCN_SUPERVISION_MAX_WEEKLY      (40 * 60)

typedef enum
{
  PCN_SUPERVISION_KIND_CLINIC,        /* clinic/practice */
  PCN_SUPERVISION_KIND_CLINICAL,      /* clinical/professional */
  PCN_SUPERVISION_KIND_EDUCATIONAL,
} PcnSupervisionKind;

#define PCN_SUPERVISION_N_KINDS (PCN_SUPERVISION_KIND_EDUCATIONAL + 1)

/* In order of concern, least first: a person's overall status is the
 * highest of their kinds. */
typedef enum
{
  PCN_SUPERVISION_STATUS_UP_TO_DATE,
  PCN_SUPERVISION_STATUS_DUE_SOON,
  PCN_SUPERVISION_STATUS_OVERDUE,
  PCN_SUPERVISION_STATUS_NO_SUPERVISOR,
} PcnSupervisionStatus;

#define PCN_SUPERVISION_N_STATUSES (PCN_SUPERVISION_STATUS_NO_SUPERVISOR + 1)

typedef enum
{
  PCN_TRAINING_STATUS_CURRENT,
  PCN_TRAINING_STATUS_EXPIRING,
  PCN_TRAINING_STATUS_EXPIRED,
  PCN_TRAINING_STATUS_MISSING,
} PcnTrainingStatus;

#define PCN_TRAINING_N_STATUSES (PCN_TRAINING_STATUS_MISSING + 1)

/* A yes/no answer that may not have been given yet. */
typedef enum
{
  PCN_ANSWER_UNKNOWN = -1,
  PCN_ANSWER_NO = 0,
  PCN_ANSWER_YES = 1,
} PcnAnswer;

/* The integration check (autonomy, belonging, contribution: The King's
 * Fund). Each indicator is met, not met or not known; the score counts
 * those met. The first five marked "asked" are answers a manager records;
 * the rest are worked out from the team, the supervisors and the answers. */
typedef enum
{
  PCN_INTEGRATION_HOME_TEAM,          /* a named home team (text) */
  PCN_INTEGRATION_FEW_SITES,          /* fewer than three host practices */
  PCN_INTEGRATION_SYSTEM_ACCESS,      /* asked: clinical system read and write */
  PCN_INTEGRATION_CLINICAL_MEETINGS,  /* asked: invited to practice clinical meetings */
  PCN_INTEGRATION_PEER_SUPPORT,       /* asked: a peer-support network */
  PCN_INTEGRATION_PROTECTED_CPD,      /* asked: protected CPD time */
  PCN_INTEGRATION_JOB_PLAN,           /* asked: a job plan agreed */
  PCN_INTEGRATION_NAMED_SUPERVISOR,   /* a supervisor of any kind assigned */
  PCN_INTEGRATION_PROFESSION_PEERS,   /* not the only one of their role in the PCN */
} PcnIntegrationIndicator;

#define PCN_INTEGRATION_N_INDICATORS (PCN_INTEGRATION_PROFESSION_PEERS + 1)

/* Stable identifiers ("clinic", "clinical", "educational"; "up_to_date",
 * "due_soon", "overdue", "no_supervisor"; "current", "expiring", "expired",
 * "missing"; "home_team", "sites", "system_access", "clinical_meetings",
 * "peer_support", "protected_cpd", "job_plan", "named_supervisor",
 * "profession_peers") and translated labels. Parsers are
 * case-insensitive and take '-' for '_'. */
const char *pcn_supervision_kind_to_string       (PcnSupervisionKind       kind);
const char *pcn_supervision_kind_get_label       (PcnSupervisionKind       kind);
gboolean    pcn_supervision_kind_parse           (const char              *text,
                                                  PcnSupervisionKind      *out_kind,
                                                  GError                 **error);
const char *pcn_supervision_status_to_string     (PcnSupervisionStatus     status);
const char *pcn_supervision_status_get_label     (PcnSupervisionStatus     status);
const char *pcn_training_status_to_string        (PcnTrainingStatus        status);
const char *pcn_training_status_get_label        (PcnTrainingStatus        status);
const char *pcn_integration_indicator_to_string  (PcnIntegrationIndicator  indicator);
const char *pcn_integration_indicator_get_label  (PcnIntegrationIndicator  indicator);
/* The short code in the flags list when the indicator is not met
 * ("no_home_team", "three_or_more_sites", "no_system_access",
 * "not_invited_to_meetings", "no_peer_support", "no_protected_cpd",
 * "no_job_plan", "no_supervisor", "sole_profession"). */
const char *pcn_integration_indicator_get_flag   (PcnIntegrationIndicator  indicator);
/* Accepts only the asked indicators plus "home_team". */
gboolean    pcn_integration_indicator_parse      (const char              *text,
                                                  PcnIntegrationIndicator *out_indicator,
                                                  GError                 **error);
gboolean    pcn_integration_indicator_is_asked   (PcnIntegrationIndicator  indicator);
/* "yes"/"no" (also "y", "n", "true", "false", "1", "0"), "unknown". */
gboolean    pcn_answer_parse                     (const char              *text,
                                                  PcnAnswer               *out_answer,
                                                  GError                 **error);
const char *pcn_answer_to_string                 (PcnAnswer                answer);

/* ------------------------------------------------------ requirements */

typedef struct
{
  gint64              id;                 /* 0 until stored */
  char               *role_code;
  PcnSupervisionKind  kind;
  char               *who;                /* who may supervise; NULL: not known */
  int                 frequency_days;     /* at least every N days; -1: not known */
  char               *pathway_name;       /* training pathway; NULL: none known */
  int                 pathway_months;     /* its time limit; -1: not known */
  char               *pathway_source;     /* where the pathway comes from */
  char               *source;             /* where the supervision requirement comes from */
  gboolean            user_edited;        /* kept by reference refreshes */
} PcnSupervisionRequirement;

PcnSupervisionRequirement *pcn_supervision_requirement_new  (void);
PcnSupervisionRequirement *pcn_supervision_requirement_copy (const PcnSupervisionRequirement *req);
void                       pcn_supervision_requirement_free (PcnSupervisionRequirement *req);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSupervisionRequirement, pcn_supervision_requirement_free)
gboolean                   pcn_supervision_requirement_validate (const PcnSupervisionRequirement *req,
                                                                 GError                         **error);

/* The requirement of @role_code for @kind in @requirements, or NULL. */
const PcnSupervisionRequirement *
pcn_supervision_requirements_find (GPtrArray          *requirements,
                                   const char         *role_code,
                                   PcnSupervisionKind  kind);

/* ------------------------------------------------------- assignments */

typedef struct
{
  gint64              id;                 /* 0 until stored */
  gint64              staff_id;
  PcnSupervisionKind  kind;
  char               *supervisor;         /* name */
  char               *profession;         /* NULL: not stated */
  int                 minutes_per_week;   /* protected time; 0: none stated */
  char               *practice;           /* host practice; NULL: PCN-wide */
  char               *from_date;          /* ISO; NULL: from the start */
  char               *to_date;            /* ISO, last day; NULL: still current */
} PcnSupervisorAssignment;

PcnSupervisorAssignment *pcn_supervisor_assignment_new        (void);
PcnSupervisorAssignment *pcn_supervisor_assignment_copy       (const PcnSupervisorAssignment *a);
void                     pcn_supervisor_assignment_free       (PcnSupervisorAssignment *a);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSupervisorAssignment, pcn_supervisor_assignment_free)
/* Supervisor named; minutes 0 .. PCN_SUPERVISION_MAX_WEEKLY; dates valid
 * ISO, to-date not before from-date. */
gboolean                 pcn_supervisor_assignment_validate   (const PcnSupervisorAssignment *a,
                                                               GError                       **error);
gboolean                 pcn_supervisor_assignment_is_current (const PcnSupervisorAssignment *a,
                                                               const GDate                   *as_at);

/* ---------------------------------------------------------- sessions */

typedef struct
{
  gint64              id;                 /* 0 until stored */
  gint64              staff_id;
  char               *date;               /* ISO */
  PcnSupervisionKind  kind;
  char               *supervisor;
  int                 minutes;
  gboolean            group;              /* FALSE: one-to-one */
} PcnSupervisionSession;

PcnSupervisionSession *pcn_supervision_session_new      (void);
PcnSupervisionSession *pcn_supervision_session_copy     (const PcnSupervisionSession *s);
void                   pcn_supervision_session_free     (PcnSupervisionSession *s);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSupervisionSession, pcn_supervision_session_free)
/* Date valid and not after @as_at (a session cannot be logged before it
 * happens); minutes 1 .. PCN_SUPERVISION_MAX_MINUTES; supervisor named. */
gboolean               pcn_supervision_session_validate (const PcnSupervisionSession *s,
                                                         const GDate                 *as_at,
                                                         GError                     **error);

/* ------------------------------------------------------------ status */

typedef struct
{
  PcnSupervisionKind    kind;
  PcnSupervisionStatus  status;
  int                   frequency_days;   /* -1: not known */
  char                 *last;             /* ISO; NULL: never */
  char                 *next_due;         /* ISO; NULL: frequency not known */
  char                 *supervisors;      /* current names, "; "-joined; NULL: none */
} PcnSupervisionKindStatus;

/* The status of one kind for one person. @assignments and @sessions
 * (PcnSupervisorAssignment, PcnSupervisionSession) may hold other people
 * and kinds; only @staff's of @kind are read. */
void     pcn_supervision_kind_status_compute (PcnSupervisionKindStatus *out,
                                              PcnStaff                 *staff,
                                              PcnSupervisionKind        kind,
                                              int                       frequency_days,
                                              GPtrArray                *assignments,
                                              GPtrArray                *sessions,
                                              const GDate              *as_at);
void     pcn_supervision_kind_status_clear   (PcnSupervisionKindStatus *status);

typedef struct
{
  PcnStaff             *staff;            /* owned reference */
  GArray               *kinds;            /* PcnSupervisionKindStatus, kind order */
  PcnSupervisionStatus  overall;          /* the highest of the kinds */
} PcnSupervisionPerson;

void pcn_supervision_person_free (PcnSupervisionPerson *person);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSupervisionPerson, pcn_supervision_person_free)

typedef struct
{
  char  *role_code;
  char  *role_name;                       /* may be NULL */
  guint  counts[PCN_SUPERVISION_N_STATUSES]; /* people by overall status */
} PcnSupervisionRoleSummary;

void pcn_supervision_role_summary_free (PcnSupervisionRoleSummary *summary);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSupervisionRoleSummary, pcn_supervision_role_summary_free)

typedef struct
{
  GDate      as_at;
  GPtrArray *people;   /* PcnSupervisionPerson, in @staff's order */
  GPtrArray *roles;    /* PcnSupervisionRoleSummary, by role code */
} PcnSupervisionReport;

void pcn_supervision_report_free (PcnSupervisionReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSupervisionReport, pcn_supervision_report_free)

/* Status of everyone in post on @as_at (pcn_staff_get_status()). The kinds
 * shown for a person are those their role's @requirements name plus any
 * kind they have an assignment of; when there are neither, clinical
 * supervision (required for every role by the Network Contract DES) with
 * its frequency not known. (transfer full) */
PcnSupervisionReport *pcn_supervision_report_compute (GPtrArray   *staff,
                                                      GPtrArray   *requirements,
                                                      GPtrArray   *assignments,
                                                      GPtrArray   *sessions,
                                                      const GDate *as_at);

/* ---------------------------------------------------------- training */

typedef struct
{
  gint64  id;                             /* 0 until stored */
  gint64  staff_id;
  char   *name;
  char   *due_date;      /* ISO: deadline if not done, expiry if done; NULL: none */
  char   *completed_on;  /* ISO; NULL: not done */
} PcnTrainingItem;

PcnTrainingItem   *pcn_training_item_new        (void);
PcnTrainingItem   *pcn_training_item_copy       (const PcnTrainingItem *item);
void               pcn_training_item_free       (PcnTrainingItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnTrainingItem, pcn_training_item_free)
/* Name given; dates valid; completed on not after @as_at. */
gboolean           pcn_training_item_validate   (const PcnTrainingItem *item,
                                                 const GDate           *as_at,
                                                 GError               **error);
PcnTrainingStatus  pcn_training_item_get_status (const PcnTrainingItem *item,
                                                 const GDate           *as_at);

/* -------------------------------------------------- load and cost */

/* Half-up rounding of @num ÷ @den for non-negative @num and positive @den. */
gint64 pcn_div_round_half_up (gint64 num,
                              gint64 den);

/* The cost in pence of @minutes at @rate_pence_per_hour, rounded half up. */
gint64 pcn_supervision_cost_of_minutes (gint64 minutes,
                                        gint64 rate_pence_per_hour);
/* The monthly cost in pence of @weekly_minutes a week at
 * @rate_pence_per_hour: weekly × 52 × rate ÷ 720, rounded half up. */
gint64 pcn_supervision_monthly_cost    (gint64 weekly_minutes,
                                        gint64 rate_pence_per_hour);

typedef struct
{
  char   *supervisor;        /* a supervisor (by name) or a practice (NULL: PCN-wide) */
  char   *profession;        /* supervisor lines: the first stated; may be NULL */
  guint   supervisees;       /* distinct people */
  gint64  weekly_minutes;    /* protected minutes a week, planned */
  gint64  planned_minutes;   /* a month: weekly × 52 ÷ 12, rounded half up */
  gint64  logged_minutes;    /* sessions in the month */
  gint64  planned_cost_pence;  /* -1 when no rate is set */
  gint64  logged_cost_pence;   /* -1 when no rate is set */
} PcnSupervisorLoad;

void pcn_supervisor_load_free (PcnSupervisorLoad *load);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSupervisorLoad, pcn_supervisor_load_free)

typedef struct
{
  int                 year;
  int                 month;          /* 1..12 */
  gint64              rate_pence;     /* GP pence an hour; -1: not set */
  GPtrArray          *supervisors;    /* PcnSupervisorLoad by supervisor name */
  GPtrArray          *practices;      /* PcnSupervisorLoad by practice; a NULL
                                       * practice (PCN-wide) last */
  PcnSupervisorLoad   total;          /* the PCN; .supervisor NULL */
} PcnSupervisionLoad;

void pcn_supervision_load_free (PcnSupervisionLoad *load);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSupervisionLoad, pcn_supervision_load_free)

/* Load for calendar month @year-@month. Logged sessions are put to the
 * practice of the matching assignment (same person, kind and supervisor),
 * else PCN-wide. @rate_pence_per_hour -1 leaves the costs at -1. */
PcnSupervisionLoad *pcn_supervision_load_compute (GPtrArray *assignments,
                                                  GPtrArray *sessions,
                                                  int        year,
                                                  int        month,
                                                  gint64     rate_pence_per_hour);

/* ------------------------------------------------ integration check */

typedef struct
{
  gint64     staff_id;
  char      *home_team;                          /* NULL: not named */
  PcnAnswer  answers[PCN_INTEGRATION_N_INDICATORS]; /* asked indicators only */
} PcnIntegrationAnswers;

PcnIntegrationAnswers *pcn_integration_answers_new  (gint64 staff_id);
PcnIntegrationAnswers *pcn_integration_answers_copy (const PcnIntegrationAnswers *answers);
void                   pcn_integration_answers_free (PcnIntegrationAnswers *answers);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnIntegrationAnswers, pcn_integration_answers_free)

typedef struct
{
  PcnStaff   *staff;                               /* owned reference */
  char       *home_team;
  int         sites;                               /* host practices */
  PcnAnswer   met[PCN_INTEGRATION_N_INDICATORS];
  int         score;                               /* indicators met */
  int         max_score;                           /* PCN_INTEGRATION_N_INDICATORS */
  GPtrArray  *flags;                               /* (char*) codes of those not met */
  GPtrArray  *unanswered;                          /* (char*) indicators not known */
} PcnIntegrationCheck;

void pcn_integration_check_free (PcnIntegrationCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnIntegrationCheck, pcn_integration_check_free)

/* The check for everyone in post on @as_at, lowest score first, then by
 * name. @answers (PcnIntegrationAnswers) may lack people: all unknown. A
 * named supervisor is one current on @as_at; "sole profession" counts the
 * people in post with the same role code. (transfer full) */
GPtrArray *pcn_integration_check_compute (GPtrArray   *staff,
                                          GPtrArray   *answers,
                                          GPtrArray   *assignments,
                                          const GDate *as_at);

G_END_DECLS
