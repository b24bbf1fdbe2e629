/* pcn-rate-dialog-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-rate-dialog.h"

G_BEGIN_DECLS

/* @field: "role", "area" (AdwComboRow), "from", "annual" or "source"
 * (AdwEntryRow). */
GtkWidget  *_pcn_rate_dialog_get_row   (PcnRateDialog *self,
                                        const char    *field);
gboolean    _pcn_rate_dialog_is_busy   (PcnRateDialog *self);
const char *_pcn_rate_dialog_get_error (PcnRateDialog *self);

G_END_DECLS
