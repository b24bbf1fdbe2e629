/* pcn-staff-row-model.h — a GListModel of PcnStaffRowSlot over a model of
 * PcnStaffRowItem (the filtered, sorted staff).
 *
 * GTK 4.8's list views destroy and rebuild the row widgets of every item
 * that leaves or enters the model, up to a few hundred rows at a time. A
 * keystroke in the search box changes most of those items, which cost
 * ~200 ms over 10,000 staff. Positions here are stable slot objects: when
 * the source changes, the slots in place are pointed at their new items
 * (the cells rebind their text) and only the change in length is reported.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pcn-staff-row-slot.h"

G_BEGIN_DECLS

#define PCN_TYPE_STAFF_ROW_MODEL (pcn_staff_row_model_get_type ())
G_DECLARE_FINAL_TYPE (PcnStaffRowModel, pcn_staff_row_model, PCN, STAFF_ROW_MODEL, GObject)

PcnStaffRowModel *pcn_staff_row_model_new        (GListModel       *source);
GListModel       *pcn_staff_row_model_get_source (PcnStaffRowModel *self);

G_END_DECLS
