/* pcn-supervision-assign-dialog.h — name a supervisor for a person
 *
 * The kind, the supervisor's name and profession, the protected minutes a
 * week and the host practice (or PCN-wide), from the as-at date. Saving is
 * offered only while the form is valid; the faulty field is marked.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_SUPERVISION_ASSIGN_DIALOG (pcn_supervision_assign_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcnSupervisionAssignDialog, pcn_supervision_assign_dialog, PCN, SUPERVISION_ASSIGN_DIALOG, AdwMessageDialog)

/* @practices (PcnPractice) are offered as host practices. Emits
 * "assigned" (PcnSupervisorAssignment) once stored, or "failed" (a
 * message) when the store refuses. */
PcnSupervisionAssignDialog *pcn_supervision_assign_dialog_new (GtkWindow          *parent,
                                                               PcnStore           *store,
                                                               PcnStaff           *staff,
                                                               PcnSupervisionKind  kind,
                                                               GPtrArray          *practices,
                                                               const GDate        *as_at);

/* For the tests: "kind", "practice" (AdwComboRow), "name", "profession",
 * "minutes" (AdwEntryRow). */
GtkWidget *_pcn_supervision_assign_dialog_get_row (PcnSupervisionAssignDialog *self,
                                                   const char                 *field);

G_END_DECLS
