/* pcn-line-layer-private.h — the line of one series
 *
 * The chart hands the layer its points normalised to 0..1 along the value
 * axis (NaN for a gap); the layer draws them at the middle of each
 * category with one cairo node.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-chart-layer-private.h"

G_BEGIN_DECLS

#define PCN_TYPE_LINE_LAYER (pcn_line_layer_get_type ())
G_DECLARE_FINAL_TYPE (PcnLineLayer, pcn_line_layer, PCN, LINE_LAYER, PcnChartLayer)

GtkWidget *_pcn_line_layer_new        (PcnChartSeries *series);
void       _pcn_line_layer_set_points (PcnLineLayer   *self,
                                       const double   *fractions,
                                       guint           n_points);
/* The normalised point of category @index, NaN for none. */
double     _pcn_line_layer_get_point  (PcnLineLayer   *self,
                                       guint           index);

G_END_DECLS
