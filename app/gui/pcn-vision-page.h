/* pcn-vision-page.h — the Vision page: the strategy on a page
 *
 * The vision statement and purpose (editable), the objectives with their
 * measure, target, owner, review date and the posts that serve them (a
 * warning above five), posts serving no objective, the review log, each
 * practice's buy-in (editable), the latest skills audit against the plan,
 * the role cards, and "Export Strategy on a Page…".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_VISION_PAGE (pcn_vision_page_get_type ())
G_DECLARE_FINAL_TYPE (PcnVisionPage, pcn_vision_page, PCN, VISION_PAGE, AdwBin)

void      pcn_vision_page_set_store (PcnVisionPage *self,
                                     PcnStore      *store);
PcnStore *pcn_vision_page_get_store (PcnVisionPage *self);
/* "Today" for the report; NULL is today. */
void      pcn_vision_page_set_as_at (PcnVisionPage *self,
                                     const GDate   *as_at);
/* Reads the report again (only while shown; showing it reloads). */
void      pcn_vision_page_reload    (PcnVisionPage *self);

G_END_DECLS
