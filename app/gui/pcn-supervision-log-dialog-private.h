/* pcn-supervision-log-dialog-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-supervision-log-dialog.h"

G_BEGIN_DECLS

/* @field: "date", "other", "minutes" (AdwEntryRow); "kind", "supervisor"
 * (AdwComboRow); "group" (the AdwActionRow holding the switch). */
GtkWidget  *_pcn_supervision_log_dialog_get_row   (PcnSupervisionLogDialog *self,
                                                   const char              *field);
GtkSwitch  *_pcn_supervision_log_dialog_get_group_switch (PcnSupervisionLogDialog *self);
gboolean    _pcn_supervision_log_dialog_is_busy   (PcnSupervisionLogDialog *self);
const char *_pcn_supervision_log_dialog_get_error (PcnSupervisionLogDialog *self);

G_END_DECLS
