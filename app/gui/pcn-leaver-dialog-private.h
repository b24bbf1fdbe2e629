/* pcn-leaver-dialog-private.h — for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-leaver-dialog.h"

G_BEGIN_DECLS

/* The "end_date" or "leaving_reason" row. (transfer none) */
GtkWidget *_pcn_leaver_dialog_get_field (PcnLeaverDialog *self,
                                         const char      *field);

G_END_DECLS
