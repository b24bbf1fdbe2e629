/* pcn-staff.h — a member of the PCN's team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-types.h"

G_BEGIN_DECLS

/* A host practice and the sessions a week worked there (-1: not stated). */
typedef struct
{
  char *practice;
  int   sessions;
} PcnSession;

PcnSession *pcn_session_new  (const char *practice,
                              int         sessions);
void        pcn_session_free (PcnSession *session);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnSession, pcn_session_free)

/* "Name;Name=2" → array of PcnSession (transfer full). Empty text → empty array. */
GPtrArray  *pcn_sessions_parse  (const char  *text,
                                 GError     **error);
char       *pcn_sessions_format (GPtrArray   *sessions);

#define PCN_TYPE_STAFF (pcn_staff_get_type ())
G_DECLARE_FINAL_TYPE (PcnStaff, pcn_staff, PCN, STAFF, GObject)

PcnStaff       *pcn_staff_new                (void);
PcnStaff       *pcn_staff_copy               (PcnStaff    *self);

gint64          pcn_staff_get_id             (PcnStaff    *self);
void            pcn_staff_set_id             (PcnStaff    *self,
                                              gint64       id);
const char     *pcn_staff_get_name           (PcnStaff    *self);
void            pcn_staff_set_name           (PcnStaff    *self,
                                              const char  *name);
const char     *pcn_staff_get_payroll_id     (PcnStaff    *self);
void            pcn_staff_set_payroll_id     (PcnStaff    *self,
                                              const char  *payroll_id);
const char     *pcn_staff_get_role_code      (PcnStaff    *self);
void            pcn_staff_set_role_code      (PcnStaff    *self,
                                              const char  *role_code);
/* The role's display name, filled in by whoever loads the staff. */
const char     *pcn_staff_get_role_name      (PcnStaff    *self);
void            pcn_staff_set_role_name      (PcnStaff    *self,
                                              const char  *role_name);
const char     *pcn_staff_get_start_date     (PcnStaff    *self);
void            pcn_staff_set_start_date     (PcnStaff    *self,
                                              const char  *iso_date);
const char     *pcn_staff_get_end_date       (PcnStaff    *self);
void            pcn_staff_set_end_date       (PcnStaff    *self,
                                              const char  *iso_date);
const char     *pcn_staff_get_leaving_reason (PcnStaff    *self);
void            pcn_staff_set_leaving_reason (PcnStaff    *self,
                                              const char  *reason);
int             pcn_staff_get_wte            (PcnStaff    *self);
void            pcn_staff_set_wte            (PcnStaff    *self,
                                              int          wte_milli);
const char     *pcn_staff_get_band           (PcnStaff    *self);
void            pcn_staff_set_band           (PcnStaff    *self,
                                              const char  *band);
/* Pence a year for the contracted WTE; -1 when not known. */
gint64          pcn_staff_get_annual_salary  (PcnStaff    *self);
void            pcn_staff_set_annual_salary  (PcnStaff    *self,
                                              gint64       pence);
const char     *pcn_staff_get_employer       (PcnStaff    *self);
void            pcn_staff_set_employer       (PcnStaff    *self,
                                              const char  *employer);
/* (element-type PcnSession) (transfer none) */
GPtrArray      *pcn_staff_get_sessions       (PcnStaff    *self);
void            pcn_staff_set_sessions       (PcnStaff    *self,
                                              GPtrArray   *sessions);
/* The sessions as "Name=2; Name" (the CSV `practices` form). */
char           *pcn_staff_dup_practices_text (PcnStaff    *self);
gboolean        pcn_staff_has_practice       (PcnStaff    *self,
                                              const char  *practice);
gboolean        pcn_staff_get_claimable      (PcnStaff    *self);
void            pcn_staff_set_claimable      (PcnStaff    *self,
                                              gboolean     claimable);
/* Employed by the PCN or a member practice in the 12 months before starting
 * (the 2025/26 rule for the nursing and support roles). */
gboolean        pcn_staff_get_prior_employment_12m (PcnStaff *self);
void            pcn_staff_set_prior_employment_12m (PcnStaff *self,
                                                    gboolean  value);

PcnStaffStatus  pcn_staff_get_status         (PcnStaff    *self,
                                              const GDate *as_at);
const char     *pcn_staff_status_to_string   (PcnStaffStatus status);
const char     *pcn_staff_status_get_label   (PcnStaffStatus status);

/* Checks every field. On failure sets @out_field to the name of the faulty
 * field (the CSV column name: "name", "role", "start_date", …) and @error
 * to a message about it. @roles (PcnRole) and @practice_names (char*) may
 * be NULL to skip those look-ups. */
gboolean        pcn_staff_validate           (PcnStaff    *self,
                                              GPtrArray   *roles,
                                              GPtrArray   *practice_names,
                                              const char **out_field,
                                              GError     **error);

/* Validates a leaving date and reason for this person. */
gboolean        pcn_staff_validate_leaver    (PcnStaff    *self,
                                              const char  *end_date,
                                              const char  *reason,
                                              const char **out_field,
                                              GError     **error);

G_END_DECLS
