/* pcn-staff-dialog-private.h — for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-staff-dialog.h"

G_BEGIN_DECLS

/* The row for a field, named as in the staff CSV ("name", "wte", …);
 * "claimable" is the switch. (transfer none) */
GtkWidget  *_pcn_staff_dialog_get_field       (PcnStaffDialog *self,
                                               const char     *field);
/* The practice row for @practice (a PcnStaffRowPractice), or NULL. */
GtkWidget  *_pcn_staff_dialog_get_practice    (PcnStaffDialog *self,
                                               const char     *practice);
/* The messages shown for faulty fields, joined by newlines ("" if none). */
char       *_pcn_staff_dialog_dup_errors      (PcnStaffDialog *self);
/* TRUE while a save is running. */
gboolean    _pcn_staff_dialog_get_busy        (PcnStaffDialog *self);

G_END_DECLS
