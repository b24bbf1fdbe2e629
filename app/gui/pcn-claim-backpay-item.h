/* pcn-claim-backpay-item.h — one person and month of the back-pay view
 * (what was claimed, what is claimable now, the difference) as a list
 * item for the Claims page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-claim.h"

G_BEGIN_DECLS

#define PCN_TYPE_CLAIM_BACKPAY_ITEM (pcn_claim_backpay_item_get_type ())
G_DECLARE_FINAL_TYPE (PcnClaimBackpayItem, pcn_claim_backpay_item, PCN, CLAIM_BACKPAY_ITEM, GObject)

/* Line @index of @backpay (the item holds a reference to @backpay). */
PcnClaimBackpayItem  *pcn_claim_backpay_item_new      (PcnBackpay          *backpay,
                                                       guint                index);
/* (transfer none) */
const PcnBackpayLine *pcn_claim_backpay_item_get_line (PcnClaimBackpayItem *self);

/* Money with a sign: "−£12.34" for a negative amount (transfer full). */
char                 *pcn_claim_format_signed_money   (gint64               pence);

G_END_DECLS
