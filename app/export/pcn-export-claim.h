/* pcn-export-claim.h — the monthly ARRS claim workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pcn-core.h"

G_BEGIN_DECLS

/* Writes @claim to @path as an .xlsx workbook.
 *
 * Sheet "Claim": a header block (the PCN, its ODS code, the month, the
 * financial year, the allocation, what was claimed earlier in the year,
 * this claim and what remains), one row per claim line with the inputs as
 * values (name, payroll ID, role, WTE, days in post, days in month, annual
 * maximum, actual cost, whether it is an estimate, ARRS share) and the
 * maximum and the claim as live formulas that give exactly the figures of
 * pcn_claim_compute() (cached, for viewers that do not recalculate), a
 * totals row of SUM formulas, warnings, and a sign-off block. Frozen
 * header, autofilter, landscape A4 fitted to the page width with the
 * header row repeated and page numbers in the footer.
 *
 * Sheet "Rates used": every rate a line used, with its effective dates,
 * area and source.
 *
 * @allocation_pence is the year's ARRS allocation (-1: not known);
 * @claimed_to_date_pence what was claimed in the financial year before
 * this month (pcn_claim_months_claimed_before()).
 *
 * Written to a temporary file and renamed over @path only when complete,
 * as pcn_export_staff() does. Blocking: call it from a worker thread.
 *
 * Returns: TRUE on success; FALSE with a PCN_EXPORT_ERROR naming @path. */
gboolean pcn_export_claim (const char  *path,
                           PcnNetwork  *network,
                           PcnClaim    *claim,
                           gint64       allocation_pence,
                           gint64       claimed_to_date_pence,
                           GError     **error);

G_END_DECLS
