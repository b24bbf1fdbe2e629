/* pcn-vision-page-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-vision-page.h"

G_BEGIN_DECLS

guint            _pcn_vision_page_get_n_loads   (PcnVisionPage *self);
gboolean         _pcn_vision_page_is_busy       (PcnVisionPage *self);
/* The report shown (transfer none), or NULL. */
PcnVisionReport *_pcn_vision_page_get_report    (PcnVisionPage *self);
AdwEntryRow     *_pcn_vision_page_get_statement_row (PcnVisionPage *self);
AdwEntryRow     *_pcn_vision_page_get_purpose_row   (PcnVisionPage *self);
/* Rows shown in the objectives, buy-in and role-card groups. */
guint            _pcn_vision_page_count_rows    (PcnVisionPage *self,
                                                 const char    *group);

G_END_DECLS
