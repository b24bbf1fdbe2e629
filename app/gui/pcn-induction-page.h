/* pcn-induction-page.h — the Induction page: every starter in their first
 * six months with the progress of each checklist (PCN, each host practice,
 * employer), overdue items and the next due date, filtered to the items a
 * practice owns when a practice manager picks their practice; a person's
 * checklists side by side, ticked in place; printing and Excel export; and
 * the template editor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_INDUCTION_PAGE (pcn_induction_page_get_type ())
G_DECLARE_FINAL_TYPE (PcnInductionPage, pcn_induction_page, PCN, INDUCTION_PAGE, AdwBin)

/* Loads the overview off the main thread (NULL empties the page). */
void      pcn_induction_page_set_store (PcnInductionPage *self,
                                        PcnStore         *store);
PcnStore *pcn_induction_page_get_store (PcnInductionPage *self);
/* "Today": due and overdue status, ticks default to it. NULL: today. */
void      pcn_induction_page_set_as_at (PcnInductionPage *self,
                                        const GDate      *as_at);
/* Reloads what is shown from the store. */
void      pcn_induction_page_reload    (PcnInductionPage *self);

G_END_DECLS
