/* pcn-export-induction.h — induction workbooks: the overview of every
 * starter and one person's printable checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pcn-core.h"

G_BEGIN_DECLS

/* Writes the induction overview of @network to @path: one sheet
 * "Induction" with a row per starter and checklist of @starters
 * (PcnInductionStarter, as pcn_store_induction_progress() returns them):
 * name, payroll ID, role, start date, checklist (PCN, the host practice's
 * name or Employer), items, done, N/A, overdue, % complete (a formula with
 * its result cached: done and N/A over items) and the next due date, as at
 * @as_at (NULL: today). Overdue counts above zero are highlighted. Frozen
 * headings, a filter on the table, landscape fit-to-width printing.
 *
 * Written to a temporary file and renamed into place as pcn_export_staff()
 * is; blocking.
 *
 * Returns: TRUE on success; FALSE with a PCN_EXPORT_ERROR naming @path. */
gboolean pcn_export_induction_overview (const char   *path,
                                        PcnNetwork   *network,
                                        GPtrArray    *starters,
                                        const GDate  *as_at,
                                        GError      **error);

/* Writes @staff's checklists to @path as one printable sheet "Checklist":
 * a block per checklist of @items (PcnInductionItem of @staff, in the
 * store's order), its items grouped by section, with owner, due date,
 * status (overdue as at @as_at, NULL: today), done by, done on, N/A
 * reason, note and an empty sign-off column. Portrait, fit to width, the
 * column headings repeated on every page, page numbers in the footer.
 *
 * Returns: TRUE on success; FALSE with a PCN_EXPORT_ERROR naming @path. */
gboolean pcn_export_induction_person   (const char   *path,
                                        PcnNetwork   *network,
                                        PcnStaff     *staff,
                                        GPtrArray    *items,
                                        const GDate  *as_at,
                                        GError      **error);

G_END_DECLS
