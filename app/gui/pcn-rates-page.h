/* pcn-rates-page.h — Settings → ARRS rates: the maximum reimbursable
 * amounts in force in a financial year, and the roles with none known
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_RATES_PAGE (pcn_rates_page_get_type ())
G_DECLARE_FINAL_TYPE (PcnRatesPage, pcn_rates_page, PCN, RATES_PAGE, AdwBin)

/* Loads the rates off the main thread (NULL empties the page). */
void pcn_rates_page_set_store (PcnRatesPage *self,
                               PcnStore     *store);
/* The PCN's area: which figures count as "known" for it. */
void pcn_rates_page_set_area  (PcnRatesPage *self,
                               PcnArea       area);
/* Selects the financial year containing @as_at. */
void pcn_rates_page_set_as_at (PcnRatesPage *self,
                               const GDate  *as_at);
void pcn_rates_page_reload    (PcnRatesPage *self);

G_END_DECLS
