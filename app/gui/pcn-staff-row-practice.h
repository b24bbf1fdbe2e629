/* pcn-staff-row-practice.h — one member practice in the staff dialog: a
 * check for "works here" and the sessions a week there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PCN_TYPE_STAFF_ROW_PRACTICE (pcn_staff_row_practice_get_type ())
G_DECLARE_FINAL_TYPE (PcnStaffRowPractice, pcn_staff_row_practice, PCN, STAFF_ROW_PRACTICE,
                      AdwActionRow)

GtkWidget  *pcn_staff_row_practice_new          (const char          *practice);
const char *pcn_staff_row_practice_get_practice (PcnStaffRowPractice *self);
gboolean    pcn_staff_row_practice_get_active   (PcnStaffRowPractice *self);
void        pcn_staff_row_practice_set_active   (PcnStaffRowPractice *self,
                                                 gboolean             active);
/* Sessions a week, or -1 when not stated. */
int         pcn_staff_row_practice_get_sessions (PcnStaffRowPractice *self);
void        pcn_staff_row_practice_set_sessions (PcnStaffRowPractice *self,
                                                 int                  sessions);

G_END_DECLS
