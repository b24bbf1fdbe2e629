/* pcn-staff-row-actions.h — the "⋮" menu at the end of a Team list row:
 * edit this person, record that they left. It activates the page's
 * team.edit-staff and team.leaver-staff actions with the person's id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pcn-staff-row-item.h"

G_BEGIN_DECLS

#define PCN_TYPE_STAFF_ROW_ACTIONS (pcn_staff_row_actions_get_type ())
G_DECLARE_FINAL_TYPE (PcnStaffRowActions, pcn_staff_row_actions, PCN, STAFF_ROW_ACTIONS, GtkWidget)

PcnStaffRowItem *pcn_staff_row_actions_get_item (PcnStaffRowActions *self);
void             pcn_staff_row_actions_set_item (PcnStaffRowActions *self,
                                                 PcnStaffRowItem    *item);

G_END_DECLS
