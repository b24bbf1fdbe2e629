/* pcn-bar-layer-private.h — the bars of one series
 *
 * The chart hands the layer its bars already normalised (0..1 along the
 * value axis) together with its slot among the bars of each category;
 * snapshot only turns those into rectangles.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-chart-layer-private.h"

G_BEGIN_DECLS

#define PCN_TYPE_BAR_LAYER (pcn_bar_layer_get_type ())
G_DECLARE_FINAL_TYPE (PcnBarLayer, pcn_bar_layer, PCN, BAR_LAYER, PcnChartLayer)

GtkWidget *_pcn_bar_layer_new          (PcnChartSeries *series);
/* @ends: per category, TRUE when this bar ends its stack (it gets the
 * rounded corners). */
void       _pcn_bar_layer_set_bars     (PcnBarLayer    *self,
                                        guint           slot,
                                        guint           n_slots,
                                        const double   *bottoms,
                                        const double   *tops,
                                        const gboolean *ends,
                                        guint           n_bars);

G_END_DECLS
