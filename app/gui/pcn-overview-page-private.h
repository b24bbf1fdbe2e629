/* pcn-overview-page-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-overview-chart.h"
#include "pcn-overview-page.h"
#include "pcn-overview-tile.h"

G_BEGIN_DECLS

typedef enum
{
  PCN_OVERVIEW_TILE_WTE,
  PCN_OVERVIEW_TILE_BUDGET,
  PCN_OVERVIEW_TILE_FORECAST,
  PCN_OVERVIEW_TILE_INDUCTION,
  PCN_OVERVIEW_TILE_SUPERVISION,
  PCN_OVERVIEW_TILE_TURNOVER,
  PCN_OVERVIEW_N_TILES,
} PcnOverviewTileId;

#define PCN_OVERVIEW_N_CHARTS 5

guint             _pcn_overview_page_get_n_loads  (PcnOverviewPage   *self);
gboolean          _pcn_overview_page_is_loading   (PcnOverviewPage   *self);
PcnOverviewTile  *_pcn_overview_page_get_tile     (PcnOverviewPage   *self,
                                                   PcnOverviewTileId  tile);
/* 0 WTE by role, 1 budget, 2 induction, 3 supervision, 4 headcount. */
PcnOverviewChart *_pcn_overview_page_get_chart    (PcnOverviewPage   *self,
                                                   guint              index);

G_END_DECLS
