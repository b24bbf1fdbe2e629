/* pcn-staff-dialog.h — add a staff member, or edit one
 *
 * The dialog parses every field with the core parsers and validates the
 * result with pcn_staff_validate(); a faulty field is marked (the "error"
 * style class, the accessible INVALID state and its message beside it) and
 * nothing is written. Good input is saved through the store off the main
 * thread, then ::saved is emitted and the dialog closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_STAFF_DIALOG (pcn_staff_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcnStaffDialog, pcn_staff_dialog, PCN, STAFF_DIALOG, AdwWindow)

/* @roles (PcnRole) and @practices (PcnPractice) are the choices offered;
 * @staff is the person to edit, or NULL to add someone. */
PcnStaffDialog *pcn_staff_dialog_new (PcnStore  *store,
                                      GPtrArray *roles,
                                      GPtrArray *practices,
                                      PcnStaff  *staff);

G_END_DECLS
