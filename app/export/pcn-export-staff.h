/* pcn-export-staff.h — the staff list workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pcn-core.h"

G_BEGIN_DECLS

/* Writes the staff list of @network to @path as an .xlsx workbook: a sheet
 * "Staff" with a header block, one row per member of @staff (PcnStaff, in
 * the order given) and a totals row. Status is computed as at @as_at (NULL:
 * today).
 *
 * The workbook is written to a temporary file next to @path and renamed over
 * it only once complete, so on failure an existing @path is left untouched
 * and nothing else is left behind. A new file is created with mode 0600 (it
 * holds personal data, like the database); a replaced file keeps its mode.
 *
 * Blocking: the GUI calls it from a worker thread on a snapshot of the rows.
 *
 * Returns: TRUE on success; FALSE with a PCN_EXPORT_ERROR naming @path. */
gboolean pcn_export_staff (const char   *path,
                           PcnNetwork   *network,
                           GPtrArray    *staff,
                           const GDate  *as_at,
                           GError      **error);

G_END_DECLS
