/* pcn-overview-page.h — the Overview: where the PCN stands at a glance
 *
 * Headline tiles (WTE, budget used, forecast and headroom, induction,
 * supervision, turnover), each opening the page behind it, and five charts
 * each with its figures in a table beside it. Everything is read in one
 * load on the store's worker thread, again whenever the page is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_OVERVIEW_PAGE (pcn_overview_page_get_type ())
G_DECLARE_FINAL_TYPE (PcnOverviewPage, pcn_overview_page, PCN, OVERVIEW_PAGE, AdwBin)

/* NULL empties the page. */
void      pcn_overview_page_set_store (PcnOverviewPage *self,
                                       PcnStore        *store);
PcnStore *pcn_overview_page_get_store (PcnOverviewPage *self);
/* "Today" for every figure; NULL is today. */
void      pcn_overview_page_set_as_at (PcnOverviewPage *self,
                                       const GDate     *as_at);
/* Reads everything again (only while the page is shown; showing it
 * reloads). */
void      pcn_overview_page_reload    (PcnOverviewPage *self);

G_END_DECLS
