/* pcn-supervision-log-dialog.h — log one supervision session
 *
 * A date (the as-at date by default, never after it), the kind, the
 * supervisor (one of those named for the person, or anyone else by name),
 * the minutes and one-to-one or group. There is deliberately no notes
 * field: no clinical content is ever held.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_SUPERVISION_LOG_DIALOG (pcn_supervision_log_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcnSupervisionLogDialog, pcn_supervision_log_dialog, PCN, SUPERVISION_LOG_DIALOG, AdwWindow)

/* @assignments (PcnSupervisorAssignment, anyone's) give the supervisors
 * offered; @as_at is "today". Emits "logged" (PcnSupervisionSession) once
 * the store has the session, then closes. */
PcnSupervisionLogDialog *pcn_supervision_log_dialog_new       (PcnStore           *store,
                                                               PcnStaff           *staff,
                                                               PcnSupervisionKind  kind,
                                                               GPtrArray          *assignments,
                                                               const GDate        *as_at);
PcnStaff                *pcn_supervision_log_dialog_get_staff (PcnSupervisionLogDialog *self);

G_END_DECLS
