/* pcn-team-page.h — the Team page: every staff member, with add, edit,
 * record-a-leaver, import from CSV and export to Excel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_TEAM_PAGE (pcn_team_page_get_type ())
G_DECLARE_FINAL_TYPE (PcnTeamPage, pcn_team_page, PCN, TEAM_PAGE, AdwBin)

/* Loads the staff from @store off the main thread (NULL empties the page). */
void         pcn_team_page_set_store   (PcnTeamPage *self,
                                        PcnStore    *store);
PcnStore    *pcn_team_page_get_store   (PcnTeamPage *self);
/* Reloads from the store, e.g. after an import from elsewhere. */
void         pcn_team_page_reload      (PcnTeamPage *self);

/* The date statuses (in post, starting, left) are computed at; today by
 * default. NULL means today. */
void         pcn_team_page_set_as_at   (PcnTeamPage *self,
                                        const GDate *as_at);
const GDate *pcn_team_page_get_as_at   (PcnTeamPage *self);

G_END_DECLS
