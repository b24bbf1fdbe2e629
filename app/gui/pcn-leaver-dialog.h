/* pcn-leaver-dialog.h — record that a staff member left: their last day in
 * post and why (both required), validated with pcn_staff_validate_leaver()
 * and saved with pcn_store_record_leaver() off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_LEAVER_DIALOG (pcn_leaver_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcnLeaverDialog, pcn_leaver_dialog, PCN, LEAVER_DIALOG, AdwWindow)

PcnLeaverDialog *pcn_leaver_dialog_new (PcnStore *store,
                                        PcnStaff *staff);

G_END_DECLS
