/* pcn-create-dialog.h — create the PCN: name, codes, list sizes, area and
 * member practices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_CREATE_DIALOG (pcn_create_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcnCreateDialog, pcn_create_dialog, PCN, CREATE_DIALOG, AdwWindow)

/* Emits "created" (PcnNetwork) once the PCN is written, then closes. */
PcnCreateDialog *pcn_create_dialog_new (PcnStore *store);

G_END_DECLS
