/* pcn-team-page-private.h — for tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-team-page.h"

G_BEGIN_DECLS

/* TRUE once the staff of the current store are in the list. */
gboolean        _pcn_team_page_get_loaded        (PcnTeamPage *self);
/* The list as shown: filtered and sorted (items are PcnStaffRowItem). */
GListModel     *_pcn_team_page_get_model         (PcnTeamPage *self);
/* The column view's selection (over row slots, see PcnStaffRowModel). */
GtkSingleSelection *_pcn_team_page_get_selection (PcnTeamPage *self);
GtkWidget      *_pcn_team_page_get_search_entry  (PcnTeamPage *self);
GtkWidget      *_pcn_team_page_get_column_view   (PcnTeamPage *self);
GtkWidget      *_pcn_team_page_get_practice_dropdown (PcnTeamPage *self);
GtkWidget      *_pcn_team_page_get_role_dropdown (PcnTeamPage *self);
GtkWidget      *_pcn_team_page_get_leavers_check (PcnTeamPage *self);
const char     *_pcn_team_page_get_count_text    (PcnTeamPage *self);
/* "loading", "empty", "no-matches" or "list" */
const char     *_pcn_team_page_get_state         (PcnTeamPage *self);
/* The dialog opened last by the page, while it is open. */
GtkWindow      *_pcn_team_page_get_dialog        (PcnTeamPage *self);
/* Applies the search text now, as the search entry does after its delay. */
void            _pcn_team_page_apply_search      (PcnTeamPage *self);

G_END_DECLS
