/* pcn-induction-print.h — a starter's induction checklists on paper (or
 * PDF) through GtkPrintOperation: title, person, start date, then each
 * checklist's sections with every item's due date, status and sign-off,
 * over as many pages as it takes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pcn-core.h"

G_BEGIN_DECLS

/* A print operation for @staff's @items (PcnInductionItem, in checklist
 * order; copied) as at @as_at, ready for gtk_print_operation_run(). */
GtkPrintOperation *pcn_induction_print_new (PcnStaff    *staff,
                                            GPtrArray   *items,
                                            const GDate *as_at);

G_END_DECLS
