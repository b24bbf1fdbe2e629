/* pcn-chart-series.h — one series of a PcnChart: a value per category
 *
 * Values come either from an array (pcn_chart_series_set_values) or from a
 * GListModel and a GtkExpression evaluated on each item, so a .ui file can
 * bind the same model a GtkColumnView beside the chart shows:
 *
 *   <object class="PcnChartSeries">
 *     <property name="title" translatable="yes">In post</property>
 *     <property name="stack-group">spend</property>
 *     <property name="color-class">accent</property>
 *     <property name="model">months</property>
 *     <property name="expression">
 *       <lookup name="in-post" type="PcnLedgerMonth"/>
 *     </property>
 *   </object>
 *
 * The expression may give any number type (double, gint64 pence, int…).
 * Missing values are NaN: a gap in a line, an empty bar.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  PCN_CHART_SERIES_BAR,
  PCN_CHART_SERIES_LINE,
} PcnChartSeriesKind;

#define PCN_TYPE_CHART_SERIES_KIND (pcn_chart_series_kind_get_type ())
GType pcn_chart_series_kind_get_type (void) G_GNUC_CONST;

#define PCN_TYPE_CHART_SERIES (pcn_chart_series_get_type ())
G_DECLARE_FINAL_TYPE (PcnChartSeries, pcn_chart_series, PCN, CHART_SERIES, GObject)

PcnChartSeries     *pcn_chart_series_new              (const char         *title,
                                                       PcnChartSeriesKind  kind);
const char         *pcn_chart_series_get_title        (PcnChartSeries     *self);
void                pcn_chart_series_set_title        (PcnChartSeries     *self,
                                                       const char         *title);
PcnChartSeriesKind  pcn_chart_series_get_kind         (PcnChartSeries     *self);
void                pcn_chart_series_set_kind         (PcnChartSeries     *self,
                                                       PcnChartSeriesKind  kind);
const char         *pcn_chart_series_get_stack_group  (PcnChartSeries     *self);
void                pcn_chart_series_set_stack_group  (PcnChartSeries     *self,
                                                       const char         *stack_group);
const char         *pcn_chart_series_get_color_class  (PcnChartSeries     *self);
void                pcn_chart_series_set_color_class  (PcnChartSeries     *self,
                                                       const char         *color_class);
gboolean            pcn_chart_series_get_dashed       (PcnChartSeries     *self);
void                pcn_chart_series_set_dashed       (PcnChartSeries     *self,
                                                       gboolean            dashed);

const double       *pcn_chart_series_get_values       (PcnChartSeries     *self,
                                                       guint              *n_values);
double              pcn_chart_series_get_value        (PcnChartSeries     *self,
                                                       guint               index);
void                pcn_chart_series_set_values       (PcnChartSeries     *self,
                                                       const double       *values,
                                                       guint               n_values);

GListModel         *pcn_chart_series_get_model        (PcnChartSeries     *self);
GtkExpression      *pcn_chart_series_get_expression   (PcnChartSeries     *self);
void                pcn_chart_series_set_model        (PcnChartSeries     *self,
                                                       GListModel         *model);
void                pcn_chart_series_set_expression   (PcnChartSeries     *self,
                                                       GtkExpression      *expression);

G_END_DECLS
