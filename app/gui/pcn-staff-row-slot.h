/* pcn-staff-row-slot.h — one position of the Team list as the column view
 * sees it. The slot keeps its identity while the person shown in it changes,
 * so GTK 4.8's column view keeps the row widget and only rebinds its text
 * when the filter changes (see PcnStaffRowModel).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-staff-row-item.h"

G_BEGIN_DECLS

#define PCN_TYPE_STAFF_ROW_SLOT (pcn_staff_row_slot_get_type ())
G_DECLARE_FINAL_TYPE (PcnStaffRowSlot, pcn_staff_row_slot, PCN, STAFF_ROW_SLOT, GObject)

PcnStaffRowSlot *pcn_staff_row_slot_new      (void);
PcnStaffRowItem *pcn_staff_row_slot_get_item (PcnStaffRowSlot *self);
void             pcn_staff_row_slot_set_item (PcnStaffRowSlot *self,
                                              PcnStaffRowItem *item);

G_END_DECLS
