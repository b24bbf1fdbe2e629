/* pcn-supervision-rows.h — the items of the Supervision page's tables
 *
 * Small read-only GObjects over the core's supervision results, so the
 * page's .ui can bind their properties in GtkColumnView cells and the
 * PcnChart can take its categories and series from the same model:
 *
 *   PcnSupervisionStatusRow   a person × a required kind, with its status
 *   PcnSupervisionRoleRow     a role's people counted by overall status
 *   PcnSupervisorLoadRow      a supervisor, a practice or the PCN's total
 *   PcnIntegrationRow         a person's integration check
 *
 * They are kept together because each is only a handful of properties.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pcn-core.h"

G_BEGIN_DECLS

#define PCN_TYPE_SUPERVISION_STATUS_ROW (pcn_supervision_status_row_get_type ())
G_DECLARE_FINAL_TYPE (PcnSupervisionStatusRow, pcn_supervision_status_row, PCN, SUPERVISION_STATUS_ROW, GObject)

PcnSupervisionStatusRow *pcn_supervision_status_row_new        (PcnStaff                       *staff,
                                                                const PcnSupervisionKindStatus *status);
PcnStaff                *pcn_supervision_status_row_get_staff  (PcnSupervisionStatusRow        *self);
PcnSupervisionKind       pcn_supervision_status_row_get_kind   (PcnSupervisionStatusRow        *self);
PcnSupervisionStatus     pcn_supervision_status_row_get_status (PcnSupervisionStatusRow        *self);
const char              *pcn_supervision_status_row_get_status_label (PcnSupervisionStatusRow *self);

/* The icon and style class that go with a status (never colour alone: the
 * label is always shown too). */
const char *pcn_supervision_status_get_icon_name  (PcnSupervisionStatus status);
const char *pcn_supervision_status_get_css_class  (PcnSupervisionStatus status);

#define PCN_TYPE_SUPERVISION_ROLE_ROW (pcn_supervision_role_row_get_type ())
G_DECLARE_FINAL_TYPE (PcnSupervisionRoleRow, pcn_supervision_role_row, PCN, SUPERVISION_ROLE_ROW, GObject)

PcnSupervisionRoleRow *pcn_supervision_role_row_new       (const PcnSupervisionRoleSummary *summary);
guint                  pcn_supervision_role_row_get_count (PcnSupervisionRoleRow           *self,
                                                           PcnSupervisionStatus             status);
const char            *pcn_supervision_role_row_get_role_name (PcnSupervisionRoleRow       *self);

#define PCN_TYPE_SUPERVISOR_LOAD_ROW (pcn_supervisor_load_row_get_type ())
G_DECLARE_FINAL_TYPE (PcnSupervisorLoadRow, pcn_supervisor_load_row, PCN, SUPERVISOR_LOAD_ROW, GObject)

/* @name: shown in place of @load's supervisor (a practice, "PCN total").
 * @total: a total line, shown in bold. */
PcnSupervisorLoadRow *pcn_supervisor_load_row_new (const PcnSupervisorLoad *load,
                                                   const char              *name,
                                                   gboolean                 total);
gint64                pcn_supervisor_load_row_get_planned_cost (PcnSupervisorLoadRow *self);

#define PCN_TYPE_INTEGRATION_ROW (pcn_integration_row_get_type ())
G_DECLARE_FINAL_TYPE (PcnIntegrationRow, pcn_integration_row, PCN, INTEGRATION_ROW, GObject)

/* Takes the check at @index of @checks (PcnIntegrationCheck), keeping a
 * reference to the array. */
PcnIntegrationRow         *pcn_integration_row_new       (GPtrArray         *checks,
                                                          guint              index);
const PcnIntegrationCheck *pcn_integration_row_get_check (PcnIntegrationRow *self);
int                        pcn_integration_row_get_score (PcnIntegrationRow *self);
/* "Yes", "No", "Not known" for @indicator (the few-sites indicator says
 * the number of sites). */
char                      *pcn_integration_row_dup_answer_text (PcnIntegrationRow       *self,
                                                                PcnIntegrationIndicator  indicator);

G_END_DECLS
