/* pcn-post.h — a planned or filled position in the recruitment plan
 *
 * A post is what the PCN intends to recruit (or has recruited): a role, a
 * WTE, a band and an expected annual cost, who employs it, where it works,
 * what it is for, and where it is in the recruitment pipeline. When the post
 * is filled it links to the PcnStaff who holds it; when that person leaves
 * the post becomes vacant again and records since when.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-staff.h"
#include "pcn-types.h"

G_BEGIN_DECLS

typedef struct _PcnPost PcnPost;

/* How the post is paid for. Only ARRS posts count in the ARRS ledger. */
typedef enum
{
  PCN_POST_FUNDING_ARRS,
  PCN_POST_FUNDING_OTHER,
} PcnPostFunding;

/* Who employs the post holder. */
typedef enum
{
  PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE,
  PCN_EMPLOYER_MODEL_FEDERATION,
  PCN_EMPLOYER_MODEL_NHS_TRUST_SUBCONTRACT,
  PCN_EMPLOYER_MODEL_VOLUNTARY_SUBCONTRACT,
  PCN_EMPLOYER_MODEL_ROTATIONAL,
} PcnEmployerModel;

/* The recruitment pipeline, in order. WITHDRAWN can follow any status
 * except IN_POST. */
typedef enum
{
  PCN_POST_STATUS_PROPOSED,
  PCN_POST_STATUS_APPROVED,
  PCN_POST_STATUS_ADVERTISED,
  PCN_POST_STATUS_INTERVIEWING,
  PCN_POST_STATUS_OFFERED,
  PCN_POST_STATUS_IN_POST,
  PCN_POST_STATUS_WITHDRAWN,
} PcnPostStatus;

#define PCN_POST_N_STATUSES (PCN_POST_STATUS_WITHDRAWN + 1)

/* The purpose code for a post that adds core practice capacity rather than
 * serving a Network Contract DES service requirement. */
#define PCN_POST_PURPOSE_CORE "core_practice_capacity"

GType             pcn_post_funding_get_type        (void) G_GNUC_CONST;
GType             pcn_employer_model_get_type      (void) G_GNUC_CONST;
GType             pcn_post_status_get_type         (void) G_GNUC_CONST;
#define PCN_TYPE_POST_FUNDING   (pcn_post_funding_get_type ())
#define PCN_TYPE_EMPLOYER_MODEL (pcn_employer_model_get_type ())
#define PCN_TYPE_POST_STATUS    (pcn_post_status_get_type ())

/* Stable identifiers (for the database and the command line: "arrs",
 * "pcn_lead_practice", "in_post", …) and translated labels. The parsers
 * accept the identifiers, case-insensitively, with '-' for '_'. */
const char       *pcn_post_funding_to_string       (PcnPostFunding     funding);
gboolean          pcn_post_funding_parse           (const char        *text,
                                                    PcnPostFunding    *out_funding,
                                                    GError           **error);
const char       *pcn_employer_model_to_string     (PcnEmployerModel   model);
const char       *pcn_employer_model_get_label     (PcnEmployerModel   model);
gboolean          pcn_employer_model_parse         (const char        *text,
                                                    PcnEmployerModel  *out_model,
                                                    GError           **error);
const char       *pcn_post_status_to_string        (PcnPostStatus      status);
const char       *pcn_post_status_get_label        (PcnPostStatus      status);
gboolean          pcn_post_status_parse            (const char        *text,
                                                    PcnPostStatus     *out_status,
                                                    GError           **error);

#define PCN_TYPE_POST (pcn_post_get_type ())
G_DECLARE_FINAL_TYPE (PcnPost, pcn_post, PCN, POST, GObject)

PcnPost          *pcn_post_new                     (void);
PcnPost          *pcn_post_copy                    (PcnPost           *self);

/* 0 until stored. */
gint64            pcn_post_get_id                  (PcnPost           *self);
void              pcn_post_set_id                  (PcnPost           *self,
                                                    gint64             id);
/* A short name for the post ("CP – North"); may be NULL. */
const char       *pcn_post_get_title               (PcnPost           *self);
void              pcn_post_set_title               (PcnPost           *self,
                                                    const char        *title);
const char       *pcn_post_get_role_code           (PcnPost           *self);
void              pcn_post_set_role_code           (PcnPost           *self,
                                                    const char        *role_code);
/* Thousandths: 1000 is full time. */
int               pcn_post_get_wte                 (PcnPost           *self);
void              pcn_post_set_wte                 (PcnPost           *self,
                                                    int                wte_milli);
const char       *pcn_post_get_band                (PcnPost           *self);
void              pcn_post_set_band                (PcnPost           *self,
                                                    const char        *band);
/* Expected annual cost for the post's WTE, pay plus employer on-costs, in
 * pence; -1 when not given, which means "assume the role's maximum". */
gint64            pcn_post_get_annual_cost         (PcnPost           *self);
void              pcn_post_set_annual_cost         (PcnPost           *self,
                                                    gint64             pence);
PcnPostFunding    pcn_post_get_funding             (PcnPost           *self);
void              pcn_post_set_funding             (PcnPost           *self,
                                                    PcnPostFunding     funding);
PcnEmployerModel  pcn_post_get_employer_model      (PcnPost           *self);
void              pcn_post_set_employer_model      (PcnPost           *self,
                                                    PcnEmployerModel   model);
/* Host practices and sessions (element-type PcnSession) (transfer none). */
GPtrArray        *pcn_post_get_sessions            (PcnPost           *self);
/* Copies @sessions (element-type PcnSession). */
void              pcn_post_set_sessions            (PcnPost           *self,
                                                    GPtrArray         *sessions);
char             *pcn_post_dup_practices_text      (PcnPost           *self);
/* Network Contract DES service requirement codes the post serves, or
 * PCN_POST_PURPOSE_CORE (transfer none; NULL-terminated, never NULL). */
const char *const *pcn_post_get_purposes           (PcnPost           *self);
void              pcn_post_set_purposes            (PcnPost           *self,
                                                    const char *const *purposes);
/* Expected start date (ISO) of a planned post; the ledger counts the post
 * from this date until it is filled. */
const char       *pcn_post_get_start_date          (PcnPost           *self);
void              pcn_post_set_start_date          (PcnPost           *self,
                                                    const char        *iso_date);

PcnPostStatus     pcn_post_get_status              (PcnPost           *self);
/* The date (ISO) the post reached @status, or NULL. */
const char       *pcn_post_get_status_date         (PcnPost           *self,
                                                    PcnPostStatus      status);
/* Moves the post to @status, recording @iso_date (may be NULL) as the date
 * it reached it. Does not check the order: pcn_post_validate() does. */
void              pcn_post_set_status              (PcnPost           *self,
                                                    PcnPostStatus      status,
                                                    const char        *iso_date);
/* The staff member filling the post: 0 when none. */
gint64            pcn_post_get_staff_id            (PcnPost           *self);
void              pcn_post_set_staff_id            (PcnPost           *self,
                                                    gint64             staff_id);
/* Fills the post with @staff from their start date: status IN_POST with
 * that date, staff id, and any vacancy cleared. */
void              pcn_post_fill                    (PcnPost           *self,
                                                    PcnStaff          *staff);
/* The holder left on @last_day (ISO, their last day in post): the post is
 * APPROVED again, unlinked, vacant from the day after, with no expected
 * start until one is planned. */
void              pcn_post_mark_vacant             (PcnPost           *self,
                                                    const char        *last_day);
/* The first day (ISO) the post has been vacant since its holder left, or
 * NULL when it is not a vacancy. */
const char       *pcn_post_get_vacant_since        (PcnPost           *self);
void              pcn_post_set_vacant_since        (PcnPost           *self,
                                                    const char        *iso_date);
/* Days from ADVERTISED to IN_POST, or -1 when either date is missing. */
int               pcn_post_get_time_to_fill_days   (PcnPost           *self);
/* The 2025/26 rule for the nursing and support roles: the person appointed
 * was employed by the PCN or a member practice in the previous 12 months. */
gboolean          pcn_post_get_prior_employment_12m (PcnPost          *self);
void              pcn_post_set_prior_employment_12m (PcnPost          *self,
                                                     gboolean          value);
const char       *pcn_post_get_notes               (PcnPost           *self);
void              pcn_post_set_notes               (PcnPost           *self,
                                                    const char        *notes);

/* TRUE for a post that counts as planned spend: ARRS-funded, neither
 * withdrawn nor in post, not linked to staff, with an expected start. */
gboolean          pcn_post_is_planned              (PcnPost           *self);

/* A name for messages: the title, else "<role> post <id>". */
char             *pcn_post_dup_display_name        (PcnPost           *self);

/* Checks every field, as pcn_staff_validate() does. On failure sets
 * @out_field to the faulty field ("role", "wte", "band", "annual_cost",
 * "start_date", "practices", "purposes", "status_date", "staff_id",
 * "title", "notes") and @error to a message about it. @roles (PcnRole) and
 * @practice_names (char *) may be NULL to skip those look-ups. */
gboolean          pcn_post_validate                (PcnPost           *self,
                                                    GPtrArray         *roles,
                                                    GPtrArray         *practice_names,
                                                    const char       **out_field,
                                                    GError           **error);

G_END_DECLS
