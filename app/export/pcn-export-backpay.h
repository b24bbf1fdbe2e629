/* pcn-export-backpay.h — the back-pay claim workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pcn-core.h"

G_BEGIN_DECLS

/* Writes @backpay (pcn_claim_backpay()) to @path as the single back-pay
 * claim sheet commissioners ask for: sheet "Back pay" with a header block
 * (the PCN, its ODS code, the months covered, @reason — e.g. "CP maximum
 * corrected from 1 April 2025"; may be NULL), one row per person and month
 * (name, payroll ID, role, month, WTE, days in post, annual maximum then
 * and now, claimed, now claimable) with the difference as a live formula,
 * totals as SUM formulas (all with cached results), and a sign-off block.
 * Same house style and temporary-file handling as pcn_export_claim().
 *
 * Returns: TRUE on success; FALSE with a PCN_EXPORT_ERROR naming @path. */
gboolean pcn_export_backpay (const char  *path,
                             PcnNetwork  *network,
                             PcnBackpay  *backpay,
                             const char  *reason,
                             GError     **error);

G_END_DECLS
