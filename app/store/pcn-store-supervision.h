/* pcn-store-supervision.h — supervision, training and the integration
 * check in the store (included by pcn-store.h; implemented in
 * pcn-store-supervision.c)
 *
 * Every call is one transaction. Validation is the core's
 * (pcn-supervision.h); staff are named by id. Reference requirements ship
 * in resources/data/supervision-requirements.json and are refreshed by its
 * version; a requirement edited here is marked user-edited and kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-store.h"

G_BEGIN_DECLS

/* Requirements per role and kind (element-type PcnSupervisionRequirement)
 * (transfer full), by role code then kind. */
GPtrArray   *pcn_store_list_supervision_requirements (PcnStore                  *self,
                                                      GError                   **error);
/* Adds or replaces the requirement for (role, kind); marks it user-edited. */
gboolean     pcn_store_set_supervision_requirement   (PcnStore                  *self,
                                                      PcnSupervisionRequirement *req,
                                                      GError                   **error);

/* Names a supervisor (validated; the staff member must exist and the
 * practice, when given, must be a member practice). Sets the id. */
gboolean     pcn_store_assign_supervisor             (PcnStore                  *self,
                                                      PcnSupervisorAssignment   *assignment,
                                                      GError                   **error);
/* Ends an assignment: @to_date (ISO or DD/MM/YYYY) is its last day. */
gboolean     pcn_store_end_supervisor                (PcnStore                  *self,
                                                      gint64                     assignment_id,
                                                      const char                *to_date,
                                                      GError                   **error);
/* (element-type PcnSupervisorAssignment) (transfer full); @staff_id -1 for
 * everyone; by staff id, kind, from-date. */
GPtrArray   *pcn_store_list_supervisor_assignments   (PcnStore                  *self,
                                                      gint64                     staff_id,
                                                      GError                   **error);

/* Records a session (validated against @as_at, NULL: today; the staff
 * member must exist). Sets the id. */
gboolean     pcn_store_log_supervision               (PcnStore                  *self,
                                                      PcnSupervisionSession     *session,
                                                      const GDate               *as_at,
                                                      GError                   **error);
/* Records every session of @sessions (PcnSupervisionSession) or none, in
 * one transaction; sets their ids. */
gboolean     pcn_store_log_supervision_sessions      (PcnStore                  *self,
                                                      GPtrArray                 *sessions,
                                                      const GDate               *as_at,
                                                      GError                   **error);
/* (element-type PcnSupervisionSession) (transfer full); @staff_id -1 for
 * everyone; newest first. */
GPtrArray   *pcn_store_list_supervision_sessions     (PcnStore                  *self,
                                                      gint64                     staff_id,
                                                      GError                   **error);

/* Status per person and per role as at @as_at (NULL: today). */
PcnSupervisionReport *pcn_store_compute_supervision  (PcnStore                  *self,
                                                      const GDate               *as_at,
                                                      GError                   **error);

/* The PCN's cost of an hour of GP time, pence; -1 when not set. */
gboolean     pcn_store_get_gp_hourly_rate            (PcnStore                  *self,
                                                      gint64                    *out_pence,
                                                      GError                   **error);
/* @pence -1 clears it. */
gboolean     pcn_store_set_gp_hourly_rate            (PcnStore                  *self,
                                                      gint64                     pence,
                                                      GError                   **error);

/* Supervisor load and cost for calendar month @year-@month, at the stored
 * GP hourly rate. */
PcnSupervisionLoad *pcn_store_compute_supervisor_load (PcnStore                 *self,
                                                       int                       year,
                                                       int                       month,
                                                       GError                  **error);

/* Integration answers. @home_team NULL or "" clears it. */
gboolean     pcn_store_set_integration_answer        (PcnStore                  *self,
                                                      gint64                     staff_id,
                                                      PcnIntegrationIndicator    indicator,
                                                      PcnAnswer                  answer,
                                                      GError                   **error);
gboolean     pcn_store_set_home_team                 (PcnStore                  *self,
                                                      gint64                     staff_id,
                                                      const char                *home_team,
                                                      GError                   **error);
/* Writes every answer of @answers (home team and the asked indicators;
 * unknown clears) in one transaction, e.g. a row of the integration grid. */
gboolean     pcn_store_set_integration_answers       (PcnStore                  *self,
                                                      const PcnIntegrationAnswers *answers,
                                                      GError                   **error);
/* (element-type PcnIntegrationAnswers) (transfer full), by staff id. */
GPtrArray   *pcn_store_list_integration_answers      (PcnStore                  *self,
                                                      GError                   **error);
/* The check for everyone in post on @as_at (NULL: today), lowest score
 * first. (element-type PcnIntegrationCheck) (transfer full) */
GPtrArray   *pcn_store_compute_integration           (PcnStore                  *self,
                                                      const GDate               *as_at,
                                                      GError                   **error);

/* Training and pathway items. */
/* (element-type PcnTrainingItem) (transfer full); @staff_id -1 for
 * everyone; by staff id then date. */
GPtrArray   *pcn_store_list_training_items           (PcnStore                  *self,
                                                      gint64                     staff_id,
                                                      GError                   **error);
/* Validated against @as_at (NULL: today); sets the id. */
gboolean     pcn_store_add_training_item             (PcnStore                  *self,
                                                      PcnTrainingItem           *item,
                                                      const GDate               *as_at,
                                                      GError                   **error);
gboolean     pcn_store_update_training_item          (PcnStore                  *self,
                                                      PcnTrainingItem           *item,
                                                      const GDate               *as_at,
                                                      GError                   **error);
gboolean     pcn_store_delete_training_item          (PcnStore                  *self,
                                                      gint64                     item_id,
                                                      GError                   **error);

G_END_DECLS
