/* pcn-claims-page.h — the Claims page: the PCN manager's monthly ARRS
 * claim. A month picker, the month's status and claimed to date against
 * the allocation, the claim lines with their warnings and totals, payroll
 * figures entered in place, mark submitted / reopen, the back-pay view
 * after a back-dated rate change, and the claim, workforce plan and
 * back-pay workbooks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_CLAIMS_PAGE (pcn_claims_page_get_type ())
G_DECLARE_FINAL_TYPE (PcnClaimsPage, pcn_claims_page, PCN, CLAIMS_PAGE, AdwBin)

/* Loads the month's claim off the main thread (NULL empties the page). */
void      pcn_claims_page_set_store (PcnClaimsPage *self,
                                     PcnStore      *store);
PcnStore *pcn_claims_page_get_store (PcnClaimsPage *self);
/* "Today": the page opens on the month before it. NULL means today. */
void      pcn_claims_page_set_as_at (PcnClaimsPage *self,
                                     const GDate   *as_at);
/* Reloads from the store, e.g. after staff changed on another page. */
void      pcn_claims_page_reload    (PcnClaimsPage *self);

G_END_DECLS
