/* pcn-induction-item-row.h — one item of a starter's checklist: a check
 * button to tick it in place (with the name and date defaulted), its owner,
 * due date (red when overdue), who signed it off and the note; a popover to
 * change the date or name, mark it not applicable with a reason, reopen it
 * or save a note. The row only asks: the page does the store call and
 * gives the row the item back (or the error).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-core.h"

G_BEGIN_DECLS

#define PCN_TYPE_INDUCTION_ITEM_ROW (pcn_induction_item_row_get_type ())
G_DECLARE_FINAL_TYPE (PcnInductionItemRow, pcn_induction_item_row, PCN, INDUCTION_ITEM_ROW,
                      AdwActionRow)

PcnInductionItemRow    *pcn_induction_item_row_new            (void);
/* Shows @item (copied) as at @as_at; clears any error. */
void                    pcn_induction_item_row_set_item       (PcnInductionItemRow    *self,
                                                               const PcnInductionItem *item,
                                                               const GDate            *as_at);
const PcnInductionItem *pcn_induction_item_row_get_item       (PcnInductionItemRow    *self);
/* The name a tick defaults to (the last one used). */
void                    pcn_induction_item_row_set_default_by (PcnInductionItemRow    *self,
                                                               const char             *by);
/* Shows why the last request was refused; the item is shown as it was. */
void                    pcn_induction_item_row_show_error     (PcnInductionItemRow    *self,
                                                               const char             *message);
const char             *pcn_induction_item_row_get_error      (PcnInductionItemRow    *self);
/* Ticks with the defaults (the check button's action). */
void                    pcn_induction_item_row_tick           (PcnInductionItemRow    *self);

/* For the tests: the check button, and the popover's fields by name
 * ("date", "by", "reason", "note"). */
GtkCheckButton         *_pcn_induction_item_row_get_check     (PcnInductionItemRow    *self);
GtkEditable            *_pcn_induction_item_row_get_field     (PcnInductionItemRow    *self,
                                                               const char             *name);

G_END_DECLS
