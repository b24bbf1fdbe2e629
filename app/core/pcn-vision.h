/* pcn-vision.h — vision, objectives, practice buy-in, the skills-need
 * audit and role cards ("strategy on a page")
 *
 * The King's Fund found PCNs recruiting without a shared purpose. This
 * module holds the PCN's vision statement and purpose, a small number of
 * objectives (a warning above PCN_VISION_OBJECTIVES_WARN_ABOVE), a dated
 * review log, the links between posts and the objectives they serve, each
 * member practice's buy-in, and a skills-need audit.
 *
 * Skills-need audit. For a period (from and to, both inclusive: days =
 * to − from + 1) the PCN counts GP appointments that needed a skill another
 * role could have provided. Each skill maps to zero or more roles, each
 * with minutes per contact; a skill's contacts are shared equally between
 * the roles it maps to. Then, for each skill s and each of its n roles r:
 *
 *   annual contacts(s)   = count(s) × 365 ÷ days
 *   annual minutes(s, r) = annual contacts(s) ÷ n × minutes per contact(s, r)
 *   suggested WTE(r)     = Σ_s annual minutes(s, r) ÷ minutes per WTE year
 *   minutes per WTE year = hours per week × 60 × working weeks
 *
 * with hours per week PCN_VISION_HOURS_PER_WEEK (37.5, the Agenda for
 * Change full-time week) and working weeks a documented, stored parameter
 * (default PCN_VISION_DEFAULT_WORKING_WEEKS = 42: 52 weeks less annual
 * leave, bank holidays, study/CPD and sickness). 37.5 × 60 × 42 = 94,500
 * minutes per WTE year. A skill's suggested WTE is the same sum over its
 * own roles. Suggested WTE per role is compared with the plan: WTE in post
 * (current staff in the role) plus WTE planned (pcn_post_is_planned()).
 * WTE here is a double (it is a suggestion, not money); the report rounds
 * it to thousandths.
 *
 * Posts and objectives are many-to-many. A post's DES/core marking is its
 * purposes (pcn_post_get_purposes()): PCN_POST_PURPOSE_CORE for core
 * practice capacity, any other code for Network Contract DES service work.
 * Withdrawn posts are left out of the linking reports.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-post.h"
#include "pcn-rules.h"
#include "pcn-types.h"

G_BEGIN_DECLS

#define PCN_VISION_OBJECTIVES_WARN_ABOVE   5
#define PCN_VISION_HOURS_PER_WEEK          37.5
#define PCN_VISION_DEFAULT_WORKING_WEEKS   42
#define PCN_VISION_DAYS_PER_YEAR           365
/* Check rule ids (PcnCheck.rule_id). */
#define PCN_VISION_CHECK_TOO_MANY          "vision:objectives"
#define PCN_VISION_CHECK_NO_STATEMENT      "vision:statement"
#define PCN_VISION_CHECK_OBJECTIVE_NO_POST "vision:objective_without_post"
#define PCN_VISION_CHECK_POST_NO_OBJECTIVE "vision:post_without_objective"
#define PCN_VISION_CHECK_SKILL_NO_ROLE     "vision:skill_without_role"

/* What a post is for, from its purposes. */
typedef enum
{
  PCN_POST_MARKING_UNMARKED,  /* no purposes recorded */
  PCN_POST_MARKING_DES,       /* Network Contract DES service work only */
  PCN_POST_MARKING_CORE,      /* core practice capacity only */
  PCN_POST_MARKING_BOTH,
} PcnPostMarking;

PcnPostMarking pcn_post_get_marking            (PcnPost        *post);
/* "unmarked", "des", "core", "both"; and translated labels. */
const char    *pcn_post_marking_to_string      (PcnPostMarking  marking);
const char    *pcn_post_marking_get_label      (PcnPostMarking  marking);

/* ------------------------------------------------------ the vision */

typedef struct
{
  char *statement;       /* NULL: not written */
  char *purpose;         /* NULL: not written */
  int   working_weeks;   /* per WTE a year, 1 .. 52 */
} PcnVision;

PcnVision *pcn_vision_new      (void);
PcnVision *pcn_vision_copy     (const PcnVision *vision);
void       pcn_vision_free     (PcnVision       *vision);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnVision, pcn_vision_free)
gboolean   pcn_vision_validate (const PcnVision *vision,
                                GError         **error);

/* ------------------------------------------------------ objectives */

typedef struct
{
  gint64  id;            /* 0 until stored */
  char   *title;         /* required */
  char   *measure;       /* required: how we will know */
  char   *target;        /* may be NULL */
  char   *owner;         /* may be NULL */
  char   *review_date;   /* ISO; may be NULL */
  int     position;      /* display order */
} PcnObjective;

PcnObjective *pcn_objective_new      (void);
PcnObjective *pcn_objective_copy     (const PcnObjective *objective);
void          pcn_objective_free     (PcnObjective       *objective);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnObjective, pcn_objective_free)
/* Title and measure given, no longer than 500 characters; review date
 * valid ISO when given. @out_field (may be NULL) names the faulty field. */
gboolean      pcn_objective_validate (const PcnObjective  *objective,
                                      const char         **out_field,
                                      GError             **error);

/* A "time to reflect" entry in the review log. */
typedef struct
{
  gint64  id;
  char   *date;          /* ISO, required */
  char   *note;          /* required */
} PcnVisionReview;

PcnVisionReview *pcn_vision_review_new      (void);
PcnVisionReview *pcn_vision_review_copy     (const PcnVisionReview *review);
void             pcn_vision_review_free     (PcnVisionReview       *review);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnVisionReview, pcn_vision_review_free)
gboolean         pcn_vision_review_validate (const PcnVisionReview *review,
                                             GError               **error);

/* One post ↔ objective link; a GArray of these. */
typedef struct
{
  gint64 objective_id;
  gint64 post_id;
} PcnObjectiveLink;

/* ------------------------------------------------------ buy-in */

typedef struct
{
  gint64    practice_id;
  char     *practice;    /* name */
  gboolean  recorded;    /* FALSE: nothing recorded yet (not agreed) */
  gboolean  agreed;
  char     *date;        /* ISO; may be NULL */
  char     *agreed_by;   /* may be NULL */
  char     *notes;       /* may be NULL */
} PcnPracticeBuyIn;

PcnPracticeBuyIn *pcn_practice_buy_in_new      (void);
PcnPracticeBuyIn *pcn_practice_buy_in_copy     (const PcnPracticeBuyIn *buy_in);
void              pcn_practice_buy_in_free     (PcnPracticeBuyIn       *buy_in);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnPracticeBuyIn, pcn_practice_buy_in_free)
gboolean          pcn_practice_buy_in_validate (const PcnPracticeBuyIn *buy_in,
                                                GError                **error);

/* ------------------------------------------------------ skills audit */

/* A skill GP appointments may need. The defaults ship with the schema
 * (medication_review, msk_assessment, social_needs, mental_health,
 * ltc_review, minor_illness, frailty_care_homes, care_navigation). */
typedef struct
{
  gint64  id;
  char   *code;          /* stable, e.g. "medication_review" */
  char   *name;          /* "Medication review" */
  int     position;
} PcnSkill;

PcnSkill *pcn_skill_new  (void);
PcnSkill *pcn_skill_copy (const PcnSkill *skill);
void      pcn_skill_free (PcnSkill       *skill);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSkill, pcn_skill_free)
/* The skill in @skills (element-type PcnSkill) whose code or name is
 * @text, case-insensitively ('-' and ' ' match '_' in codes); NULL. */
const PcnSkill *pcn_skills_find (GPtrArray  *skills,
                                 const char *text);

/* The mapping: a skill can be provided by a role, at minutes per contact. */
typedef struct
{
  gint64  id;
  gint64  skill_id;
  char   *role_code;
  int     minutes_per_contact;   /* 1 .. 600 */
} PcnSkillRole;

PcnSkillRole *pcn_skill_role_new      (void);
PcnSkillRole *pcn_skill_role_copy     (const PcnSkillRole *mapping);
void          pcn_skill_role_free     (PcnSkillRole       *mapping);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSkillRole, pcn_skill_role_free)
gboolean      pcn_skill_role_validate (const PcnSkillRole *mapping,
                                       GError            **error);

typedef struct
{
  gint64 skill_id;
  gint64 count;                  /* appointments in the period, >= 0 */
} PcnSkillCount;

/* One audit: a period and its counts. */
typedef struct
{
  gint64  id;
  char   *from_date;             /* ISO, inclusive */
  char   *to_date;               /* ISO, inclusive, not before from */
  char   *notes;                 /* may be NULL */
  GArray *counts;                /* (element-type PcnSkillCount) */
} PcnSkillsAudit;

PcnSkillsAudit *pcn_skills_audit_new       (void);
PcnSkillsAudit *pcn_skills_audit_copy      (const PcnSkillsAudit *audit);
void            pcn_skills_audit_free      (PcnSkillsAudit       *audit);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSkillsAudit, pcn_skills_audit_free)
gboolean        pcn_skills_audit_validate  (const PcnSkillsAudit *audit,
                                            GError              **error);
/* to − from + 1; 0 when the dates are not valid. */
int             pcn_skills_audit_get_days  (const PcnSkillsAudit *audit);
/* The count for @skill_id, 0 when none recorded. */
gint64          pcn_skills_audit_get_count (const PcnSkillsAudit *audit,
                                            gint64                skill_id);
/* Sets (adds or replaces) the count for @skill_id. */
void            pcn_skills_audit_set_count (PcnSkillsAudit       *audit,
                                            gint64                skill_id,
                                            gint64                count);

/* hours_per_week × 60 × working_weeks. */
double pcn_vision_minutes_per_wte_year (double hours_per_week,
                                        int    working_weeks);
/* count × 365 ÷ days; 0 when days < 1. */
double pcn_vision_annual_contacts      (gint64 count,
                                        int    days);

/* A skill's line in the audit result. */
typedef struct
{
  gint64     skill_id;
  char      *code;
  char      *name;
  gint64     count;
  double     annual_contacts;
  GPtrArray *roles;              /* (element-type utf8) role codes */
  double     suggested_wte;      /* summed over its roles */
} PcnSkillNeed;

void pcn_skill_need_free (PcnSkillNeed *need);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSkillNeed, pcn_skill_need_free)

/* A role's line: suggested against the plan. */
typedef struct
{
  char   *role_code;
  char   *role_name;             /* may be NULL */
  double  annual_minutes;
  double  suggested_wte;
  int     in_post_wte_milli;     /* filled in by the caller (the store) */
  int     planned_wte_milli;     /* ditto */
} PcnRoleNeed;

void pcn_role_need_free (PcnRoleNeed *need);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnRoleNeed, pcn_role_need_free)
/* suggested − (in post + planned) ÷ 1000: positive means under-planned. */
double pcn_role_need_get_gap_wte (const PcnRoleNeed *need);

/* Works out the audit as documented above. @skills (PcnSkill) in display
 * order, @mappings (PcnSkillRole), @roles (PcnRole, may be NULL: names are
 * then left NULL). @out_skills gets one PcnSkillNeed per skill in @skills
 * order; @out_roles one PcnRoleNeed per mapped role, by role code.
 * Returns FALSE (and sets @error) if @audit's period is not valid or
 * @working_weeks is not 1 .. 52. */
gboolean pcn_vision_compute_skills (const PcnSkillsAudit  *audit,
                                    GPtrArray             *skills,
                                    GPtrArray             *mappings,
                                    GPtrArray             *roles,
                                    double                 hours_per_week,
                                    int                    working_weeks,
                                    GPtrArray            **out_skills,
                                    GPtrArray            **out_roles,
                                    GError               **error);

/* ------------------------------------------------------ role cards */

typedef struct
{
  char     *role_code;
  char     *role_name;           /* filled in by the store; may be NULL */
  char     *does;                /* NULL: not yet written */
  char     *does_not;
  char     *supervised_by;
  char     *how_to_refer;
  char     *source;              /* where a shipped card comes from */
  gboolean  user_edited;
} PcnRoleCard;

PcnRoleCard *pcn_role_card_new          (void);
PcnRoleCard *pcn_role_card_copy         (const PcnRoleCard *card);
void         pcn_role_card_free         (PcnRoleCard       *card);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnRoleCard, pcn_role_card_free)
gboolean     pcn_role_card_validate     (const PcnRoleCard *card,
                                         GError           **error);
/* @text, or the translated "Not yet written" when NULL or empty. */
const char  *pcn_role_card_text_or_unwritten (const char *text);
/* Parses role-cards.json: {"version": N, "cards": [{"role", "does",
 * "does_not", "supervised_by", "how_to_refer", "source"}]}.
 * (element-type PcnRoleCard) (transfer full) */
GPtrArray   *pcn_role_cards_parse       (const char  *json,
                                         gssize       length,
                                         int         *out_version,
                                         GError     **error);

/* ------------------------------------------------------ the report */

/* An objective with the posts that serve it. */
typedef struct
{
  PcnObjective *objective;
  GPtrArray    *posts;           /* (element-type PcnPost) */
} PcnObjectivePosts;

void pcn_objective_posts_free (PcnObjectivePosts *op);

/* Builds the linking report: one PcnObjectivePosts per objective (in
 * @objectives order; posts by id, withdrawn left out) into
 * @out_objectives, and the non-withdrawn posts linked to no objective into
 * @out_unlinked_posts. Links to ids not in the arrays are ignored. */
void pcn_vision_link_report (GPtrArray  *objectives,
                             GArray     *links,
                             GPtrArray  *posts,
                             GPtrArray **out_objectives,
                             GPtrArray **out_unlinked_posts);

/* The strategy on a page, everything the CLI, GUI and export show. */
typedef struct
{
  char           *as_at;              /* ISO */
  PcnVision      *vision;
  GPtrArray      *objectives;         /* (element-type PcnObjectivePosts) */
  GPtrArray      *unlinked_posts;     /* (element-type PcnPost) */
  GPtrArray      *reviews;            /* (element-type PcnVisionReview), newest first */
  GPtrArray      *buy_in;             /* (element-type PcnPracticeBuyIn), every practice by name */
  PcnSkillsAudit *audit;              /* the latest audit, or NULL */
  GPtrArray      *skills;             /* (element-type PcnSkillNeed); empty without an audit */
  GPtrArray      *roles;              /* (element-type PcnRoleNeed) */
  GPtrArray      *role_cards;         /* (element-type PcnRoleCard), every role in scheme order */
  GPtrArray      *checks;             /* (element-type PcnCheck), warnings */
  double          minutes_per_wte_year;
} PcnVisionReport;

PcnVisionReport *pcn_vision_report_new  (void);
void             pcn_vision_report_free (PcnVisionReport *report);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnVisionReport, pcn_vision_report_free)

/* Adds the checks to @report->checks from what it holds: no statement,
 * more than PCN_VISION_OBJECTIVES_WARN_ABOVE objectives, each objective
 * with no post, each post with no objective, each counted skill with no
 * role. All warnings. */
void pcn_vision_report_add_checks (PcnVisionReport *report);

/* The checks for just a number of objectives: one warning above five,
 * else none. (element-type PcnCheck) (transfer full) */
GPtrArray *pcn_vision_check_objectives (guint n_objectives);

G_END_DECLS
