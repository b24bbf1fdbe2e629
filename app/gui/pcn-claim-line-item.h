/* pcn-claim-line-item.h — one line of a month's ARRS claim as a list item
 * for the Claims page's table: the line's figures formatted for display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-claim.h"

G_BEGIN_DECLS

#define PCN_TYPE_CLAIM_LINE_ITEM (pcn_claim_line_item_get_type ())
G_DECLARE_FINAL_TYPE (PcnClaimLineItem, pcn_claim_line_item, PCN, CLAIM_LINE_ITEM, GObject)

/* Line @index of @claim (the item holds a reference to @claim). */
PcnClaimLineItem   *pcn_claim_line_item_new      (PcnClaim         *claim,
                                                  guint             index);
/* (transfer none) */
const PcnClaimLine *pcn_claim_line_item_get_line (PcnClaimLineItem *self);

G_END_DECLS
