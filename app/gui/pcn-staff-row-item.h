/* pcn-staff-row-item.h — a staff member as one row of the Team list: the
 * PcnStaff plus the text the columns show and a search key, computed once
 * so that sorting and filtering never format or allocate per comparison.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-core.h"

G_BEGIN_DECLS

#define PCN_TYPE_STAFF_ROW_ITEM (pcn_staff_row_item_get_type ())
G_DECLARE_FINAL_TYPE (PcnStaffRowItem, pcn_staff_row_item, PCN, STAFF_ROW_ITEM, GObject)

PcnStaffRowItem *pcn_staff_row_item_new             (PcnStaff        *staff,
                                                     const GDate     *as_at);
PcnStaff        *pcn_staff_row_item_get_staff       (PcnStaffRowItem *self);
gint64           pcn_staff_row_item_get_id          (PcnStaffRowItem *self);
PcnStaffStatus   pcn_staff_row_item_get_status      (PcnStaffRowItem *self);
const char      *pcn_staff_row_item_get_status_text (PcnStaffRowItem *self);
const char      *pcn_staff_row_item_get_wte_text    (PcnStaffRowItem *self);
const char      *pcn_staff_row_item_get_role        (PcnStaffRowItem *self);
const char      *pcn_staff_row_item_get_start_text  (PcnStaffRowItem *self);
const char      *pcn_staff_row_item_get_practices_text (PcnStaffRowItem *self);
/* Recomputes the status for a new as-at date; notifies on change. */
void             pcn_staff_row_item_set_as_at       (PcnStaffRowItem *self,
                                                     const GDate     *as_at);
/* The casefolded "name, payroll ID, role, employer" key. */
const char      *pcn_staff_row_item_get_search_key  (PcnStaffRowItem *self);
/* TRUE when every one of @terms (casefolded, NULL-terminated) occurs in
 * the search key. Allocates nothing. */
gboolean         pcn_staff_row_item_match_terms     (PcnStaffRowItem    *self,
                                                     const char * const *terms);

G_END_DECLS
