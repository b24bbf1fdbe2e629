/* pcn-chart-scale.h — value-axis maths for the charts, with no GTK
 *
 * A scale turns a data range into a "nice" axis: a 1-2-5 tick step (…, 0.1,
 * 0.2, 0.5, 1, 2, 5, 10, …), an axis minimum and maximum on multiples of that
 * step, and a mapping of any value into 0..1 along the axis. The chart widget
 * caches the normalised values this produces; snapshot never recomputes it.
 *
 * Money reaches the charts as pence (a gint64 converted to double without
 * loss below 2^53), so the tick labels of a PCN_CHART_UNIT_PENCE scale say
 * "£800k" for 80,000,000.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PCN_CHART_UNIT_NUMBER,  /* plain numbers and counts: "1,200", "0.6" */
  PCN_CHART_UNIT_PENCE,   /* money in pence: ticks "£800k", values "£55,312" */
  PCN_CHART_UNIT_WTE,     /* whole-time equivalents: ticks "2.5", values "12.40" */
} PcnChartUnit;

#define PCN_TYPE_CHART_UNIT (pcn_chart_unit_get_type ())
GType pcn_chart_unit_get_type (void) G_GNUC_CONST;

typedef struct
{
  double min;      /* axis minimum: a multiple of step, <= the data minimum */
  double max;      /* axis maximum: a multiple of step, >= the data maximum, > min */
  double step;     /* tick step: 1, 2 or 5 times a power of ten */
  guint  n_ticks;  /* ticks from min to max inclusive: (max - min) / step + 1 */
} PcnChartScale;

double    pcn_chart_nice_step           (double               range,
                                         guint                target_ticks);
void      pcn_chart_scale_init          (PcnChartScale       *scale,
                                         double               lower,
                                         double               upper,
                                         guint                target_ticks);
double    pcn_chart_scale_get_tick      (const PcnChartScale *scale,
                                         guint                index);
double    pcn_chart_scale_normalize     (const PcnChartScale *scale,
                                         double               value);

char     *pcn_chart_format_tick         (double               value,
                                         double               step,
                                         PcnChartUnit         unit);
char     *pcn_chart_format_value        (double               value,
                                         PcnChartUnit         unit);

void      pcn_chart_stack_values        (const double        *values,
                                         guint                n_values,
                                         double              *positive_base,
                                         double              *negative_base,
                                         double              *bottoms,
                                         double              *tops);
void      pcn_chart_cumulate            (const double        *values,
                                         guint                n_values,
                                         double              *out_totals);

G_END_DECLS
