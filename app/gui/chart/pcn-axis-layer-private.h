/* pcn-axis-layer-private.h — grid lines, value ticks and category labels
 *
 * Labels are laid out once when the data or the style changes (the chart
 * measures them to place the plot area); snapshot appends the cached
 * layouts and grid rectangles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-chart-layer-private.h"
#include "pcn-chart-scale.h"

G_BEGIN_DECLS

#define PCN_TYPE_AXIS_LAYER (pcn_axis_layer_get_type ())
G_DECLARE_FINAL_TYPE (PcnAxisLayer, pcn_axis_layer, PCN, AXIS_LAYER, PcnChartLayer)

GtkWidget *_pcn_axis_layer_new                (void);
void       _pcn_axis_layer_set_scale          (PcnAxisLayer        *self,
                                               const PcnChartScale *scale,
                                               PcnChartUnit         unit);
void       _pcn_axis_layer_set_categories     (PcnAxisLayer        *self,
                                               const char * const  *labels,
                                               guint                n_labels);
/* Widest tick label and tallest category label, in pixels. */
int        _pcn_axis_layer_get_tick_width     (PcnAxisLayer        *self);
int        _pcn_axis_layer_get_category_height (PcnAxisLayer       *self);

G_END_DECLS
