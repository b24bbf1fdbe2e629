/* pcn-recruitment-page-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chart/pcn-chart.h"
#include "pcn-recruitment-page.h"

G_BEGIN_DECLS

gboolean       _pcn_recruitment_page_is_loading        (PcnRecruitmentPage *self);
/* How many loads have finished, to wait for a reload. */
guint          _pcn_recruitment_page_get_n_loads       (PcnRecruitmentPage *self);
int            _pcn_recruitment_page_get_year          (PcnRecruitmentPage *self);
void           _pcn_recruitment_page_set_year          (PcnRecruitmentPage *self,
                                                        int                 year);
/* The ledger shown (transfer none), or NULL before the first load. */
PcnLedger     *_pcn_recruitment_page_get_ledger        (PcnRecruitmentPage *self);
/* (element-type PcnBudgetMonth) the chart's and the table's model */
GListModel    *_pcn_recruitment_page_get_months        (PcnRecruitmentPage *self);
GtkColumnView *_pcn_recruitment_page_get_months_view   (PcnRecruitmentPage *self);
/* (element-type PcnPostRow) every post, before the filter */
GListModel    *_pcn_recruitment_page_get_posts         (PcnRecruitmentPage *self);
/* The post list as shown: filtered and sorted */
GListModel    *_pcn_recruitment_page_get_shown_posts   (PcnRecruitmentPage *self);
/* 0 all, 1 planned, 2 in post, 3 vacant, 4 withdrawn */
void           _pcn_recruitment_page_set_filter        (PcnRecruitmentPage *self,
                                                        guint               filter);
GtkLabel      *_pcn_recruitment_page_get_headroom_label (PcnRecruitmentPage *self);
GtkLabel      *_pcn_recruitment_page_get_headroom_title (PcnRecruitmentPage *self);
GtkLabel      *_pcn_recruitment_page_get_allocation_label (PcnRecruitmentPage *self);
PcnChart      *_pcn_recruitment_page_get_chart         (PcnRecruitmentPage *self);
GtkListBox    *_pcn_recruitment_page_get_checks_list   (PcnRecruitmentPage *self);
/* The latest-start tool: its role, WTE and cost rows and the row whose
 * subtitle gives the answer. */
AdwComboRow   *_pcn_recruitment_page_get_latest_role_row   (PcnRecruitmentPage *self);
AdwActionRow  *_pcn_recruitment_page_get_latest_result_row (PcnRecruitmentPage *self);
/* The what-if uplift: percentage, from-month row, and the answer row. */
GtkSpinButton *_pcn_recruitment_page_get_uplift_spin       (PcnRecruitmentPage *self);
AdwComboRow   *_pcn_recruitment_page_get_uplift_month_row  (PcnRecruitmentPage *self);
AdwActionRow  *_pcn_recruitment_page_get_uplift_result_row (PcnRecruitmentPage *self);
/* The post dialog while it is open (transfer none). */
GtkWindow     *_pcn_recruitment_page_get_post_dialog   (PcnRecruitmentPage *self);

G_END_DECLS
