/* pcn-chart-scale.c — nice ticks, normalisation, labels and stacking
 *
 * The step is Heckbert's "nice number" rounding of range / (ticks - 1) to 1,
 * 2, 5 or 10 times a power of ten, the same 1-2-5 rule HomeBank's charts use.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pcn-chart-scale.h"

#define MINUS_SIGN "\xe2\x88\x92"  /* U+2212, typographic minus */
#define EPSILON 1e-9

G_DEFINE_ENUM_TYPE (PcnChartUnit, pcn_chart_unit,
                    G_DEFINE_ENUM_VALUE (PCN_CHART_UNIT_NUMBER, "number"),
                    G_DEFINE_ENUM_VALUE (PCN_CHART_UNIT_PENCE, "pence"),
                    G_DEFINE_ENUM_VALUE (PCN_CHART_UNIT_WTE, "wte"))

/* Decimal places needed to tell ticks `step` apart, at most `max`. */
static int
decimals_for_step (double step,
                   int    max)
{
  double d;

  if (!(step > 0))
    return 0;
  d = ceil (-log10 (step) - EPSILON);
  return (int) CLAMP (d, 0, max);
}

/* Appends "%.*f" of a non-negative value with "," between thousands and
 * the trailing zeros of the fraction dropped when `trim` is set. */
static void
append_grouped (GString *out,
                double   value,
                int      decimals,
                gboolean trim)
{
  g_autofree char *text = g_strdup_printf ("%.*f", decimals, value);
  const char *dot = strchr (text, '.');
  gsize int_len = dot ? (gsize) (dot - text) : strlen (text);

  for (gsize i = 0; i < int_len; i++)
    {
      if (i > 0 && (int_len - i) % 3 == 0)
        g_string_append_c (out, ',');
      g_string_append_c (out, text[i]);
    }

  if (dot != NULL)
    {
      gsize end = strlen (text);

      if (trim)
        {
          while (end > int_len + 1 && text[end - 1] == '0')
            end--;
          if (end == int_len + 1)
            end = int_len;
        }
      g_string_append_len (out, dot, end - int_len);
    }
}

/**
 * pcn_chart_nice_step:
 * @range: the span of the data, greater than zero
 * @target_ticks: about how many ticks the axis should have (at least 2)
 *
 * Returns: 1, 2 or 5 times a power of ten, near @range / (@target_ticks - 1)
 */
double
pcn_chart_nice_step (double range,
                     guint  target_ticks)
{
  double raw, exponent, fraction, nice;

  g_return_val_if_fail (range > 0 && isfinite (range), 1.0);

  target_ticks = MAX (target_ticks, 2);
  raw = range / (target_ticks - 1);
  exponent = floor (log10 (raw));
  fraction = raw / pow (10, exponent);

  if (fraction < 1.5)
    nice = 1;
  else if (fraction < 3)
    nice = 2;
  else if (fraction < 7)
    nice = 5;
  else
    nice = 10;

  return nice * pow (10, exponent);
}

/**
 * pcn_chart_scale_init:
 * @scale: (out caller-allocates): the scale to fill in
 * @lower: the smallest value to show
 * @upper: the largest value to show
 * @target_ticks: about how many ticks to have
 *
 * Fills @scale with a nice step and an axis from a multiple of it at or
 * below @lower to one at or above @upper. The bounds may come in either
 * order. A range of zero width is widened to reach zero (or to 0..1 when
 * it is zero itself), so a single value still gets an axis.
 */
void
pcn_chart_scale_init (PcnChartScale *scale,
                      double         lower,
                      double         upper,
                      guint          target_ticks)
{
  double step;

  g_return_if_fail (scale != NULL);
  g_return_if_fail (isfinite (lower) && isfinite (upper));

  if (lower > upper)
    {
      double t = lower;
      lower = upper;
      upper = t;
    }

  if (upper - lower <= fabs (upper) * EPSILON)
    {
      if (upper > 0)
        lower = 0;
      else if (lower < 0)
        upper = 0;
      else
        upper = 1;
    }

  step = pcn_chart_nice_step (upper - lower, target_ticks);
  scale->step = step;
  scale->min = floor (lower / step + EPSILON) * step;
  scale->max = ceil (upper / step - EPSILON) * step;
  if (scale->max <= scale->min)
    scale->max = scale->min + step;
  scale->n_ticks = (guint) lround ((scale->max - scale->min) / step) + 1;
  /* Snap the bounds to the exact ticks so 0.6 is not 0.6000000000000001. */
  scale->min = pcn_chart_scale_get_tick (scale, 0);
  scale->max = pcn_chart_scale_get_tick (scale, scale->n_ticks - 1);
}

/**
 * pcn_chart_scale_get_tick:
 * @scale: a scale
 * @index: from 0 (the axis minimum) to n_ticks - 1 (the maximum)
 *
 * Returns: the value of tick @index, as close to the decimal as a double gets
 */
double
pcn_chart_scale_get_tick (const PcnChartScale *scale,
                          guint                index)
{
  double k, p;

  g_return_val_if_fail (scale != NULL && scale->step > 0, 0.0);

  k = round (scale->min / scale->step) + index;
  if (scale->step >= 1)
    return k * scale->step;

  /* Multiply by an integer and divide by a power of ten: 3 × 2 / 10 is the
   * double nearest 0.6, where 3 × 0.2 is not. */
  p = pow (10, decimals_for_step (scale->step, 15));
  return k * round (scale->step * p) / p;
}

/**
 * pcn_chart_scale_normalize:
 * @scale: a scale
 * @value: a value
 *
 * Returns: where @value lies along the axis: 0 at its minimum, 1 at its
 *   maximum (outside 0..1 when @value is off the axis)
 */
double
pcn_chart_scale_normalize (const PcnChartScale *scale,
                           double               value)
{
  g_return_val_if_fail (scale != NULL && scale->max > scale->min, 0.0);

  return (value - scale->min) / (scale->max - scale->min);
}

/**
 * pcn_chart_format_tick:
 * @value: a tick value
 * @step: the scale's step, which decides the decimals shown
 * @unit: what the value counts
 *
 * Formats a short axis label: "£800k", "£1.2m", "−£200k", "0.6", "1,200".
 *
 * Returns: (transfer full): the label
 */
char *
pcn_chart_format_tick (double       value,
                       double       step,
                       PcnChartUnit unit)
{
  GString *out;
  double magnitude;

  g_return_val_if_fail (step > 0 && isfinite (value), NULL);

  out = g_string_new (NULL);

  if (fabs (value) < step * 1e-6)
    value = 0;
  if (value < 0)
    g_string_append (out, MINUS_SIGN);
  magnitude = fabs (value);

  if (unit == PCN_CHART_UNIT_PENCE)
    {
      double pounds = magnitude / 100, step_pounds = step / 100, divisor = 1;
      const char *suffix = "";

      if (pounds >= 1e6 - EPSILON)
        divisor = 1e6, suffix = "m";
      else if (pounds >= 1e3 - EPSILON)
        divisor = 1e3, suffix = "k";

      g_string_append (out, "£");
      append_grouped (out, pounds / divisor, decimals_for_step (step_pounds / divisor, 2), TRUE);
      g_string_append (out, suffix);
    }
  else
    {
      append_grouped (out, magnitude, decimals_for_step (step, 6), TRUE);
    }

  return g_string_free (out, FALSE);
}

/**
 * pcn_chart_format_value:
 * @value: a data value
 * @unit: what the value counts
 *
 * Formats a value in full for tooltips and the accessible summary:
 * "£55,312" (whole pounds), "12.40" WTE, "1,234.5". Missing values (NaN)
 * are "—".
 *
 * Returns: (transfer full): the text
 */
char *
pcn_chart_format_value (double       value,
                        PcnChartUnit unit)
{
  GString *out;

  if (isnan (value))
    return g_strdup ("—");

  out = g_string_new (NULL);

  switch (unit)
    {
    case PCN_CHART_UNIT_PENCE:
      value = round (value / 100);
      if (value < 0)
        g_string_append (out, MINUS_SIGN);
      g_string_append (out, "£");
      append_grouped (out, fabs (value), 0, FALSE);
      break;

    case PCN_CHART_UNIT_WTE:
      if (value < 0)
        g_string_append (out, MINUS_SIGN);
      append_grouped (out, fabs (value), 2, FALSE);
      break;

    case PCN_CHART_UNIT_NUMBER:
    default:
      if (value < 0)
        g_string_append (out, MINUS_SIGN);
      append_grouped (out, fabs (value), 2, TRUE);
      break;
    }

  return g_string_free (out, FALSE);
}

/**
 * pcn_chart_stack_values:
 * @values: (array length=n_values): one series' value per category
 * @n_values: the number of categories
 * @positive_base: (array length=n_values) (inout): where the next positive
 *   bar starts in each category; start at zeros
 * @negative_base: (array length=n_values) (inout): likewise for negative bars
 * @bottoms: (array length=n_values) (out caller-allocates): bar bottoms
 * @tops: (array length=n_values) (out caller-allocates): bar tops
 *
 * Stacks one series on those before it: call once per series in stacking
 * order with the same bases. Positive values grow up from the positive
 * stack, negative ones down from the negative stack; missing values (NaN)
 * are empty bars. After the last series @positive_base holds the stack tops.
 */
void
pcn_chart_stack_values (const double *values,
                        guint         n_values,
                        double       *positive_base,
                        double       *negative_base,
                        double       *bottoms,
                        double       *tops)
{
  g_return_if_fail (n_values == 0 || values != NULL);
  g_return_if_fail (n_values == 0 || (positive_base != NULL && negative_base != NULL));
  g_return_if_fail (n_values == 0 || (bottoms != NULL && tops != NULL));

  for (guint i = 0; i < n_values; i++)
    {
      double v = isfinite (values[i]) ? values[i] : 0;
      double *base = v < 0 ? &negative_base[i] : &positive_base[i];

      bottoms[i] = *base;
      tops[i] = *base + v;
      *base = tops[i];
    }
}

/**
 * pcn_chart_cumulate:
 * @values: (array length=n_values): values in order
 * @n_values: how many
 * @out_totals: (array length=n_values) (out caller-allocates): running totals;
 *   may be @values itself
 *
 * Running totals, e.g. the cumulative spend line from monthly spend.
 * Missing values (NaN) add nothing.
 */
void
pcn_chart_cumulate (const double *values,
                    guint         n_values,
                    double       *out_totals)
{
  double total = 0;

  g_return_if_fail (n_values == 0 || (values != NULL && out_totals != NULL));

  for (guint i = 0; i < n_values; i++)
    {
      if (isfinite (values[i]))
        total += values[i];
      out_totals[i] = total;
    }
}
