/* pcn-export-vision.h — the "strategy on a page" workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pcn-core.h"

G_BEGIN_DECLS

/* Writes @report (as pcn_store_vision_report() builds it) to @path as one
 * sheet "Strategy" that prints on a single landscape A4 page:
 *
 *  - the vision statement and purpose at the top;
 *  - the objectives: title, measure, target, owner, review date (a real
 *    date) and the posts that serve it;
 *  - objectives with no post, and posts with no objective (with their
 *    DES/core marking);
 *  - every member practice's buy-in: agreed Yes/No, date, by whom, notes;
 *  - the latest skills-need audit: each skill's count in the period, the
 *    roles it maps to and its suggested WTE; then each role's suggested
 *    WTE against WTE in post and planned, and the gap (a formula with its
 *    result cached: suggested − (in post + planned));
 *  - the report's checks (warnings).
 *
 * Everything the user typed is written as text, even when it looks like a
 * formula. Written to a temporary file and renamed into place as
 * pcn_export_staff() is; blocking.
 *
 * Returns: TRUE on success; FALSE with a PCN_EXPORT_ERROR naming @path. */
gboolean pcn_export_vision (const char       *path,
                            PcnNetwork       *network,
                            PcnVisionReport  *report,
                            GError          **error);

G_END_DECLS
