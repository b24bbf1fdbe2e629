/* pcn-chart-layer-private.h — the base of the widgets a PcnChart stacks
 *
 * Each layer fills the whole chart (the chart allocates it the full size)
 * and draws one thing: the axis and grid, one bar series, one line series.
 * Layers never take pointer events: the chart tracks the pointer and asks
 * its own geometry which category is under it.
 *
 * The layer's colour is its CSS `color`, read in css_changed and cached, so
 * the theme (light, dark, high contrast) decides it through the series'
 * colour class in style.css.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-chart-series.h"
#include "pcn-chart.h"

G_BEGIN_DECLS

#define PCN_TYPE_CHART_LAYER (pcn_chart_layer_get_type ())
G_DECLARE_DERIVABLE_TYPE (PcnChartLayer, pcn_chart_layer, PCN, CHART_LAYER, GtkWidget)

struct _PcnChartLayerClass
{
  GtkWidgetClass parent_class;
};

PcnChart       *_pcn_chart_layer_get_chart   (PcnChartLayer *self);
PcnChartSeries *_pcn_chart_layer_get_series  (PcnChartLayer *self);
const GdkRGBA  *_pcn_chart_layer_get_color   (PcnChartLayer *self);
void            _pcn_chart_layer_sync_series (PcnChartLayer *self);

G_END_DECLS
