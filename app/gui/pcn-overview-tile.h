/* pcn-overview-tile.h — a headline figure on the Overview: a big number,
 * what it is, a line of detail, and a click that opens the page behind it
 * (set action-name "win.show-page" and the page's name as action-target)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  PCN_OVERVIEW_TILE_NORMAL,
  PCN_OVERVIEW_TILE_SUCCESS,
  PCN_OVERVIEW_TILE_WARNING,
  PCN_OVERVIEW_TILE_ERROR,
} PcnOverviewTileTone;

#define PCN_TYPE_OVERVIEW_TILE (pcn_overview_tile_get_type ())
G_DECLARE_FINAL_TYPE (PcnOverviewTile, pcn_overview_tile, PCN, OVERVIEW_TILE, GtkButton)

const char *pcn_overview_tile_get_value   (PcnOverviewTile     *self);
/* The big number; the tone colours it (good, needs a look, wrong). */
void        pcn_overview_tile_set_value   (PcnOverviewTile     *self,
                                           const char          *value,
                                           PcnOverviewTileTone  tone);
const char *pcn_overview_tile_get_caption (PcnOverviewTile     *self);
void        pcn_overview_tile_set_caption (PcnOverviewTile     *self,
                                           const char          *caption);
const char *pcn_overview_tile_get_detail  (PcnOverviewTile     *self);
void        pcn_overview_tile_set_detail  (PcnOverviewTile     *self,
                                           const char          *detail);

G_END_DECLS
