/* pcn-recruitment-page.h — the Recruitment page: which posts to recruit,
 * when, and whether they fit the year's ARRS money. The post list with its
 * pipeline and rule checks, the budget chart with the same figures in a
 * table, the allocation, latest start, a what-if pay uplift, turnover and
 * vacancies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_RECRUITMENT_PAGE (pcn_recruitment_page_get_type ())
G_DECLARE_FINAL_TYPE (PcnRecruitmentPage, pcn_recruitment_page, PCN, RECRUITMENT_PAGE, AdwBin)

/* Loads the year's ledger off the main thread (NULL empties the page). */
void         pcn_recruitment_page_set_store (PcnRecruitmentPage *self,
                                             PcnStore           *store);
PcnStore    *pcn_recruitment_page_get_store (PcnRecruitmentPage *self);
/* "Today": selects its financial year and dates vacancies and turnover.
 * NULL means today. */
void         pcn_recruitment_page_set_as_at (PcnRecruitmentPage *self,
                                             const GDate        *as_at);
/* Reloads from the store, e.g. after a leaver was recorded elsewhere. */
void         pcn_recruitment_page_reload    (PcnRecruitmentPage *self);

G_END_DECLS
