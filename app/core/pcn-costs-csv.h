/* pcn-costs-csv.h — reading payroll cost CSV files (`pcnw import costs`)
 *
 * Columns (any order, a header row, UTF-8 with an optional byte-order
 * mark, RFC 4180 quoting, CRLF or LF; unknown columns are an error):
 *
 *   month       YYYY-MM, required
 *   amount      pounds, required: pay plus employer NI and pension for the
 *               month; "1234.5" and "£1,234.50" are accepted, never negative
 *   payroll_id  the employer's staff number
 *   name        the full name (used when a row has no payroll_id)
 *
 * At least one of payroll_id and name must be a column, and every row must
 * give one of them. Blank lines are skipped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One row of the file. Matching the person is the store's job. */
typedef struct
{
  guint   line;         /* the file line the record starts on */
  char   *payroll_id;   /* NULL when not given */
  char   *name;         /* NULL when not given */
  int     year;
  int     month;        /* 1–12 */
  gint64  pence;        /* >= 0 */
} PcnCostRow;

void pcn_cost_row_free (PcnCostRow *row);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnCostRow, pcn_cost_row_free)

/* Parses and validates every row. All or nothing: on any bad row returns
 * NULL and sets a PCN_CORE_ERROR whose message lists every problem found,
 * one per line, each as "FILE:LINE: what" (@display_name is FILE).
 * Returns (element-type PcnCostRow) (transfer full), in file order; an
 * empty array for a file with a header and no rows. */
GPtrArray *pcn_costs_csv_parse (const char  *display_name,
                                const char  *data,
                                gsize        length,
                                GError     **error);

G_END_DECLS
