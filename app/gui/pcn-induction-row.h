/* pcn-induction-row.h — one line of the Induction overview: a starter's
 * checklist (PCN, a host practice or the employer) and its progress as at
 * a date. Read-only properties for the column view's bindings and sorters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-core.h"

G_BEGIN_DECLS

#define PCN_TYPE_INDUCTION_ROW (pcn_induction_row_get_type ())
G_DECLARE_FINAL_TYPE (PcnInductionRow, pcn_induction_row, PCN, INDUCTION_ROW, GObject)

/* @staff and @progress are copied. */
PcnInductionRow *pcn_induction_row_new            (PcnStaff                   *staff,
                                                   const PcnInductionProgress *progress);
PcnStaff        *pcn_induction_row_get_staff      (PcnInductionRow *self);
gint64           pcn_induction_row_get_staff_id   (PcnInductionRow *self);
const char      *pcn_induction_row_get_name       (PcnInductionRow *self);
const char      *pcn_induction_row_get_checklist  (PcnInductionRow *self);
const char      *pcn_induction_row_get_practice   (PcnInductionRow *self);
guint            pcn_induction_row_get_done       (PcnInductionRow *self);
guint            pcn_induction_row_get_total      (PcnInductionRow *self);
guint            pcn_induction_row_get_na         (PcnInductionRow *self);
guint            pcn_induction_row_get_overdue    (PcnInductionRow *self);
double           pcn_induction_row_get_fraction   (PcnInductionRow *self);
const char      *pcn_induction_row_get_progress_text (PcnInductionRow *self);
const PcnInductionProgress *pcn_induction_row_get_progress (PcnInductionRow *self);

G_END_DECLS
