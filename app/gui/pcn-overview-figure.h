/* pcn-overview-figure.h — one category of an Overview chart: a label and
 * a value per series, the item both the chart and its table show
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PCN_OVERVIEW_FIGURE_MAX_VALUES 4

#define PCN_TYPE_OVERVIEW_FIGURE (pcn_overview_figure_get_type ())
G_DECLARE_FINAL_TYPE (PcnOverviewFigure, pcn_overview_figure, PCN, OVERVIEW_FIGURE, GObject)

/* @values: @n_values (at most PCN_OVERVIEW_FIGURE_MAX_VALUES) numbers; NaN
 * is "no value". */
PcnOverviewFigure *pcn_overview_figure_new       (const char   *label,
                                                  const double *values,
                                                  guint         n_values);
const char        *pcn_overview_figure_get_label (PcnOverviewFigure *self);
/* NaN past the values given. */
double             pcn_overview_figure_get_value (PcnOverviewFigure *self,
                                                  guint              index);

G_END_DECLS
