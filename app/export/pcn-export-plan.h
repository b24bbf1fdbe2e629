/* pcn-export-plan.h — the workforce plan workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pcn-core.h"

G_BEGIN_DECLS

/* Writes the workforce plan for the year of @ledger (pcn_ledger_compute()
 * over @staff and @posts) to @path.
 *
 * Sheet "Plan": a header block (the PCN, its ODS code, the financial year,
 * the allocation, the forecast and the headroom) and, per role, the WTE in
 * post on 1 April, then in post and planned at the end of each quarter,
 * and the year's expected cost, with a totals row of SUM formulas. In post
 * counts claimable staff (as the ledger does); planned counts posts that
 * pcn_post_is_planned() and whose expected start is on or before the day.
 *
 * Sheet "Monthly ledger": the ledger month by month (staff in post, planned
 * posts, total and cumulative as formulas, the allocation), and two native
 * Excel charts: a column chart of the monthly spend, and a line chart of
 * the cumulative spend against the allocation. (libxlsxwriter 1.1.4, in
 * Debian 12, cannot combine a column and a line chart in one.)
 *
 * @staff (PcnStaff) and @posts (PcnPost) may be NULL. Same temporary-file
 * handling as pcn_export_claim().
 *
 * Returns: TRUE on success; FALSE with a PCN_EXPORT_ERROR naming @path. */
gboolean pcn_export_plan (const char  *path,
                          PcnNetwork  *network,
                          PcnLedger   *ledger,
                          GPtrArray   *staff,
                          GPtrArray   *posts,
                          GError     **error);

G_END_DECLS
