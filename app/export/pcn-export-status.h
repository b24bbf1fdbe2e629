/* pcn-export-status.h — the supervision, training and integration workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pcn-core.h"

G_BEGIN_DECLS

/* Writes the status workbook of @network to @path: a sheet "Supervision"
 * (a row per person and kind from @report: status, last session, next due,
 * supervisors), a sheet "Training" (a row per item of @training,
 * PcnTrainingItem, named from @staff, PcnStaff, with its status as at
 * @as_at) and a sheet "Integration" (a row per PcnIntegrationCheck of
 * @checks: each indicator yes/no/blank, the score and the flags). Each sheet
 * has a header block, a filter on the table, frozen headings and landscape
 * fit-to-width printing.
 *
 * Written to a temporary file and renamed into place as pcn_export_staff()
 * is; blocking.
 *
 * Returns: TRUE on success; FALSE with a PCN_EXPORT_ERROR naming @path. */
gboolean pcn_export_status (const char            *path,
                            PcnNetwork            *network,
                            PcnSupervisionReport  *report,
                            GPtrArray             *staff,
                            GPtrArray             *training,
                            GPtrArray             *checks,
                            const GDate           *as_at,
                            GError               **error);

G_END_DECLS
