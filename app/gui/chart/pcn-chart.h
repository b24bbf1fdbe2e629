/* pcn-chart.h — a bar and line chart over categories
 *
 * A PcnChart shows categories (months, roles, practices, quarters) along
 * the bottom and one value axis up the side. Each PcnChartSeries gives a
 * value per category and is drawn as bars or a line:
 *
 *   - bar series sharing a stack group stack in one bar (in post + planned);
 *   - bar series in different groups (or none) stand side by side (planned
 *     WTE beside WTE in post);
 *   - line series join their values across the categories (a cumulative
 *     total; a constant allocation).
 *
 * The chart is a container of layer widgets (axis and grid, one per bar
 * series, one per line series) over a legend, after Sysprof's SysprofChart.
 * Hovering a category highlights it and a tooltip lists its values.
 *
 * For assistive technologies it is an image (GTK_ACCESSIBLE_ROLE_IMG)
 * labelled with the title and described by a text summary of the data
 * that is rebuilt on every change. Always put a GtkColumnView of the same
 * data beside it.
 *
 * In a .ui file series are children:
 *
 *   <object class="PcnChart">
 *     <property name="title" translatable="yes">ARRS spend by month</property>
 *     <property name="unit">pence</property>
 *     <property name="category-model">months</property>
 *     <property name="category-expression">
 *       <lookup name="label" type="PcnLedgerMonth"/>
 *     </property>
 *     <child>
 *       <object class="PcnChartSeries">…</object>
 *     </child>
 *   </object>
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pcn-chart-scale.h"
#include "pcn-chart-series.h"

G_BEGIN_DECLS

#define PCN_TYPE_CHART (pcn_chart_get_type ())
G_DECLARE_FINAL_TYPE (PcnChart, pcn_chart, PCN, CHART, GtkWidget)

GtkWidget          *pcn_chart_new                     (void);

const char         *pcn_chart_get_title               (PcnChart            *self);
void                pcn_chart_set_title               (PcnChart            *self,
                                                       const char          *title);
PcnChartUnit        pcn_chart_get_unit                (PcnChart            *self);
void                pcn_chart_set_unit                (PcnChart            *self,
                                                       PcnChartUnit         unit);

const char * const *pcn_chart_get_categories          (PcnChart            *self);
void                pcn_chart_set_categories          (PcnChart            *self,
                                                       const char * const  *categories);
GListModel         *pcn_chart_get_category_model      (PcnChart            *self);
void                pcn_chart_set_category_model      (PcnChart            *self,
                                                       GListModel          *model);
GtkExpression      *pcn_chart_get_category_expression (PcnChart            *self);
void                pcn_chart_set_category_expression (PcnChart            *self,
                                                       GtkExpression       *expression);
guint               pcn_chart_get_n_categories        (PcnChart            *self);

void                pcn_chart_add_series              (PcnChart            *self,
                                                       PcnChartSeries      *series);
void                pcn_chart_remove_series           (PcnChart            *self,
                                                       PcnChartSeries      *series);
guint               pcn_chart_get_n_series            (PcnChart            *self);
PcnChartSeries     *pcn_chart_get_series              (PcnChart            *self,
                                                       guint                index);

char               *pcn_chart_dup_summary             (PcnChart            *self);

gboolean            pcn_chart_save_png                (PcnChart            *self,
                                                       const char          *path,
                                                       GError             **error);

G_END_DECLS
