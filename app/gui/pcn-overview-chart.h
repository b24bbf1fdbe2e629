/* pcn-overview-chart.h — an Overview chart card: a heading, the chart, a
 * table of the same figures beside it, "Save as PNG…" and an empty state
 *
 * The chart and the table read one GListStore of PcnOverviewFigure: the
 * category label and one value per series (series i reads value i).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "chart/pcn-chart.h"

G_BEGIN_DECLS

#define PCN_TYPE_OVERVIEW_CHART (pcn_overview_chart_get_type ())
G_DECLARE_FINAL_TYPE (PcnOverviewChart, pcn_overview_chart, PCN, OVERVIEW_CHART, AdwBin)

/* Adds a series reading value number pcn_chart_get_n_series() of each
 * figure, and a table column for it. @stack_group and @color_class may be
 * NULL. */
void        pcn_overview_chart_add_series (PcnOverviewChart   *self,
                                           const char         *title,
                                           PcnChartSeriesKind  kind,
                                           const char         *stack_group,
                                           const char         *color_class,
                                           gboolean            dashed);
/* Replaces the figures (element-type PcnOverviewFigure); an empty or NULL
 * array shows the empty text instead of the chart. */
void        pcn_overview_chart_set_figures (PcnOverviewChart  *self,
                                            GPtrArray         *figures);
PcnChart   *pcn_overview_chart_get_chart   (PcnOverviewChart  *self);
GListModel *pcn_overview_chart_get_figures (PcnOverviewChart  *self);
GtkColumnView *pcn_overview_chart_get_table (PcnOverviewChart *self);
gboolean    pcn_overview_chart_is_empty    (PcnOverviewChart  *self);

G_END_DECLS
