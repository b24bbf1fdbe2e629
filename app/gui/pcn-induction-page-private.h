/* pcn-induction-page-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-induction-item-row.h"
#include "pcn-induction-page.h"

G_BEGIN_DECLS

/* TRUE while a load or a tick is running. */
gboolean             _pcn_induction_page_is_busy        (PcnInductionPage *self);
/* How many loads (overview or person) have finished. */
guint                _pcn_induction_page_get_n_loads    (PcnInductionPage *self);
/* (element-type PcnInductionRow) the overview as shown: filtered, sorted */
GListModel          *_pcn_induction_page_get_overview   (PcnInductionPage *self);
/* Picks the practice in the "practice manager for" list (NULL: everyone);
 * FALSE when it is not listed. */
gboolean             _pcn_induction_page_set_practice   (PcnInductionPage *self,
                                                         const char       *practice);
void                 _pcn_induction_page_set_overdue_only (PcnInductionPage *self,
                                                           gboolean          overdue_only);
/* Opens a person's checklists, as activating their line does. */
gboolean             _pcn_induction_page_open_person    (PcnInductionPage *self,
                                                         gint64            staff_id);
/* "overview" or "person" */
const char          *_pcn_induction_page_get_view       (PcnInductionPage *self);
/* The rows of the person shown (transfer none); NULL when not shown. */
PcnInductionItemRow *_pcn_induction_page_get_item_row   (PcnInductionPage *self,
                                                         gint64            item_id);
guint                _pcn_induction_page_get_n_item_rows (PcnInductionPage *self);
/* The last error the store gave (NULL after a success). */
const char          *_pcn_induction_page_get_last_error (PcnInductionPage *self);
/* Prints the person shown to a PDF without a dialog. */
gboolean             _pcn_induction_page_print_to_file  (PcnInductionPage *self,
                                                         const char       *path,
                                                         GError          **error);
/* Exports what is shown (the overview, or the person) to @path off the
 * main thread, as the Export button does after the file chooser. */
void                 _pcn_induction_page_export_to_file (PcnInductionPage *self,
                                                         const char       *path);
/* The template editor while it is open (transfer none). */
GtkWindow           *_pcn_induction_page_get_templates_window (PcnInductionPage *self);

G_END_DECLS
