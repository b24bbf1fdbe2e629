/* pcn-supervision-page.h — the Supervision page: status per person and
 * kind with filters, the per-role summary (a table and a stacked bar
 * chart of the same rows), supervisor load and its unfunded cost at the
 * PCN's GP hourly rate, and the integration grid, most at risk first.
 * Sessions are logged, supervisors named and integration answers edited
 * from here; the status workbook is exported off the main thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_SUPERVISION_PAGE (pcn_supervision_page_get_type ())
G_DECLARE_FINAL_TYPE (PcnSupervisionPage, pcn_supervision_page, PCN, SUPERVISION_PAGE, AdwBin)

/* Loads off the main thread (NULL empties the page). */
void      pcn_supervision_page_set_store (PcnSupervisionPage *self,
                                          PcnStore           *store);
PcnStore *pcn_supervision_page_get_store (PcnSupervisionPage *self);
/* "Today" for statuses, the load month and the log dialog's default date.
 * NULL means today. */
void      pcn_supervision_page_set_as_at (PcnSupervisionPage *self,
                                          const GDate        *as_at);
void      pcn_supervision_page_reload    (PcnSupervisionPage *self);

G_END_DECLS
