/* pcn-chart-private.h — what the layers and the tests see of PcnChart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-chart.h"

G_BEGIN_DECLS

/* The rectangle the data occupies, in chart (and layer) coordinates. */
const graphene_rect_t *_pcn_chart_get_plot_area       (PcnChart        *self);
/* The vertical strip of category @index across the plot area. */
void                   _pcn_chart_get_category_area   (PcnChart        *self,
                                                       guint            index,
                                                       graphene_rect_t *area);
/* Pixel y of a value normalised to 0..1 by the chart's scale. */
float                  _pcn_chart_get_y_for_fraction  (PcnChart        *self,
                                                       double           fraction);
/* The category under (@x, @y), or -1 when there is none. */
int                    _pcn_chart_get_category_at     (PcnChart        *self,
                                                       double           x,
                                                       double           y);
int                    _pcn_chart_get_hover_category  (PcnChart        *self);
void                   _pcn_chart_set_hover_category  (PcnChart        *self,
                                                       int              index);
const PcnChartScale   *_pcn_chart_get_scale           (PcnChart        *self);
/* Pango markup listing the values of category @index, as in the tooltip. */
char                  *_pcn_chart_dup_category_markup (PcnChart        *self,
                                                       guint            index);
/* Forces every layer to draw again (the benchmark's worst case). */
void                   _pcn_chart_queue_draw_layers   (PcnChart        *self);
/* Draws the chart as it is on screen, without the hover highlight. */
void                   _pcn_chart_snapshot_static     (PcnChart        *self,
                                                       GtkSnapshot     *snapshot);

G_END_DECLS
