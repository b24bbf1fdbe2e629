/* pcn-rate-dialog.h — add or correct an ARRS maximum reimbursable amount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_RATE_DIALOG (pcn_rate_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcnRateDialog, pcn_rate_dialog, PCN, RATE_DIALOG, AdwWindow)

/* @roles: (element-type PcnRole) the roles to choose from. @role_code,
 * @area and @effective_from (ISO) preset the fields and may be NULL.
 * Emits "saved" (PcnRate) once the rate is written, then closes. */
PcnRateDialog *pcn_rate_dialog_new (PcnStore   *store,
                                    GPtrArray  *roles,
                                    const char *role_code,
                                    const char *area,
                                    const char *effective_from);

G_END_DECLS
