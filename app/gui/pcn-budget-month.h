/* pcn-budget-month.h — one month of the ARRS budget ledger as a list item,
 * shared by the budget chart and the table of the same figures beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-ledger.h"

G_BEGIN_DECLS

#define PCN_TYPE_BUDGET_MONTH (pcn_budget_month_get_type ())
G_DECLARE_FINAL_TYPE (PcnBudgetMonth, pcn_budget_month, PCN, BUDGET_MONTH, GObject)

/* @allocation_pence: the year's allocation, or -1 when not known (the
 * "allocation" property is then NaN: no line is drawn). */
PcnBudgetMonth *pcn_budget_month_new            (const PcnLedgerMonth *month,
                                                 gint64                allocation_pence);
/* "Apr", "May"… (translated) */
const char     *pcn_budget_month_get_label      (PcnBudgetMonth       *self);
/* "Apr 2025" (translated), for the table */
const char     *pcn_budget_month_get_long_label (PcnBudgetMonth       *self);
gint64          pcn_budget_month_get_in_post    (PcnBudgetMonth       *self);
gint64          pcn_budget_month_get_planned    (PcnBudgetMonth       *self);
gint64          pcn_budget_month_get_total      (PcnBudgetMonth       *self);
gint64          pcn_budget_month_get_cumulative (PcnBudgetMonth       *self);
double          pcn_budget_month_get_allocation (PcnBudgetMonth       *self);

G_END_DECLS
