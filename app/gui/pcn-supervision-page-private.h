/* pcn-supervision-page-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "chart/pcn-chart.h"
#include "pcn-supervision-page.h"

G_BEGIN_DECLS

gboolean      _pcn_supervision_page_is_loading         (PcnSupervisionPage *self);
guint         _pcn_supervision_page_get_n_loads        (PcnSupervisionPage *self);
/* (element-type PcnSupervisionStatusRow) every row, before the filters */
GListModel   *_pcn_supervision_page_get_status_rows    (PcnSupervisionPage *self);
/* The status table as shown: filtered and sorted */
GListModel   *_pcn_supervision_page_get_shown_status   (PcnSupervisionPage *self);
/* Selects the shown row at @position (GTK_INVALID_LIST_POSITION: none). */
void          _pcn_supervision_page_select_status      (PcnSupervisionPage *self,
                                                        guint               position);
/* Filters: 0 is "all", then roles / practices in the dropdown's order,
 * statuses in PcnSupervisionStatus order. */
void          _pcn_supervision_page_set_filters        (PcnSupervisionPage *self,
                                                        guint               role,
                                                        guint               practice,
                                                        guint               status);
/* (element-type PcnSupervisionRoleRow) the chart's and the table's model */
GListModel   *_pcn_supervision_page_get_roles          (PcnSupervisionPage *self);
GtkColumnView *_pcn_supervision_page_get_roles_view    (PcnSupervisionPage *self);
PcnChart     *_pcn_supervision_page_get_chart          (PcnSupervisionPage *self);
/* (element-type PcnSupervisorLoadRow) */
GListModel   *_pcn_supervision_page_get_supervisors    (PcnSupervisionPage *self);
GListModel   *_pcn_supervision_page_get_practice_load  (PcnSupervisionPage *self);
/* (element-type PcnIntegrationRow) the grid as shown (sorted) */
GListModel   *_pcn_supervision_page_get_shown_integration (PcnSupervisionPage *self);
GtkColumnView *_pcn_supervision_page_get_integration_view (PcnSupervisionPage *self);
/* The dialogs while open (transfer none). */
GtkWindow    *_pcn_supervision_page_get_log_dialog     (PcnSupervisionPage *self);
GtkWindow    *_pcn_supervision_page_get_assign_dialog  (PcnSupervisionPage *self);
GtkWindow    *_pcn_supervision_page_get_integration_dialog (PcnSupervisionPage *self);
/* Switches the view stack: "status", "roles", "load", "integration". */
void          _pcn_supervision_page_show_view          (PcnSupervisionPage *self,
                                                        const char         *name);

G_END_DECLS
