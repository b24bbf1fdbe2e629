/* pcn-post-dialog-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-post-dialog.h"

G_BEGIN_DECLS

/* @field: "role", "funding", "employer", "purpose", "status", "staff"
 * (AdwComboRow); "title", "wte", "band", "annual_cost", "start_date",
 * "services", "status_date" (AdwEntryRow). */
GtkWidget  *_pcn_post_dialog_get_row      (PcnPostDialog *self,
                                           const char    *field);
/* The host-practice row for @practice (PcnPostRowPractice), or NULL. */
GtkWidget  *_pcn_post_dialog_get_practice (PcnPostDialog *self,
                                           const char    *practice);
gboolean    _pcn_post_dialog_is_busy      (PcnPostDialog *self);
const char *_pcn_post_dialog_get_error    (PcnPostDialog *self);

G_END_DECLS
