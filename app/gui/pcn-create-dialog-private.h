/* pcn-create-dialog-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-create-dialog.h"

G_BEGIN_DECLS

/* @field: "name", "ods", "list_size" or "weighted_list_size". */
AdwEntryRow *_pcn_create_dialog_get_entry          (PcnCreateDialog *self,
                                                    const char      *field);
AdwComboRow *_pcn_create_dialog_get_area_row       (PcnCreateDialog *self);
guint        _pcn_create_dialog_get_n_practices    (PcnCreateDialog *self);
/* @field: "name", "ods" or "list_size". */
AdwEntryRow *_pcn_create_dialog_get_practice_entry (PcnCreateDialog *self,
                                                    guint            index,
                                                    const char      *field);
gboolean     _pcn_create_dialog_is_busy            (PcnCreateDialog *self);
/* The message shown for the last refusal, or NULL. */
const char  *_pcn_create_dialog_get_error          (PcnCreateDialog *self);

G_END_DECLS
