/* test-chart-scale.c — the chart value axis: ticks, normalisation, labels
 * and stacking, with the figures the budget chart really shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>

#include "pcn-core.h"

static void
test_nice_step (void)
{
  static const struct {
    double range;
    guint  target;
    double step;
  } cases[] = {
    { 798930, 5, 200000 },
    { 1, 5, 0.2 },
    { 1, 6, 0.2 },
    { 37, 5, 10 },
    { 37, 8, 5 },
    { 100, 11, 10 },
    { 0.003, 4, 0.001 },
    { 79893000, 5, 20000000 },   /* the same allocation, in pence */
    { 12.4, 2, 10 },
    { 12.4, 0, 10 },              /* fewer than two ticks count as two */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      double step = pcn_chart_nice_step (cases[i].range, cases[i].target);
      g_assert_cmpfloat_with_epsilon (step, cases[i].step, cases[i].step * 1e-12);
    }
}

static void
test_scale (void)
{
  static const struct {
    double lower, upper;
    guint  target;
    double min, max, step;
    guint  n_ticks;
  } cases[] = {
    /* The year's ARRS allocation, £798,930, on a five-tick axis. */
    { 0, 798930, 5, 0, 800000, 200000, 5 },
    { 0, 1, 5, 0, 1, 0.2, 6 },
    { 0, 37, 5, 0, 40, 10, 5 },
    { 0, 79893000, 5, 0, 80000000, 20000000, 5 },
    /* Bounds off the steps are widened to the next tick outward. */
    { 3, 37, 5, 0, 40, 10, 5 },
    { 12, 58, 6, 10, 60, 10, 6 },
    /* Negative and mixed ranges. */
    { -37, 0, 5, -40, 0, 10, 5 },
    { -120, 310, 5, -200, 400, 100, 7 },
    { -0.9, -0.1, 5, -1, 0, 0.2, 6 },
    /* Given in the wrong order. */
    { 37, 0, 5, 0, 40, 10, 5 },
    /* Zero width: all zeros get 0..1; a single value reaches zero. */
    { 0, 0, 5, 0, 1, 0.2, 6 },
    { 5, 5, 5, 0, 5, 1, 6 },
    { -5, -5, 5, -5, 0, 1, 6 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PcnChartScale scale;

      g_test_message ("case %u: %g..%g", i, cases[i].lower, cases[i].upper);
      pcn_chart_scale_init (&scale, cases[i].lower, cases[i].upper, cases[i].target);
      g_assert_cmpfloat_with_epsilon (scale.step, cases[i].step, cases[i].step * 1e-12);
      g_assert_cmpfloat_with_epsilon (scale.min, cases[i].min, cases[i].step * 1e-12);
      g_assert_cmpfloat_with_epsilon (scale.max, cases[i].max, cases[i].step * 1e-12);
      g_assert_cmpuint (scale.n_ticks, ==, cases[i].n_ticks);
      g_assert_cmpfloat (scale.min, <=, MIN (cases[i].lower, cases[i].upper));
      g_assert_cmpfloat (scale.max, >=, MAX (cases[i].lower, cases[i].upper));
      g_assert_cmpfloat (pcn_chart_scale_get_tick (&scale, 0), ==, scale.min);
      g_assert_cmpfloat (pcn_chart_scale_get_tick (&scale, scale.n_ticks - 1), ==, scale.max);
    }
}

static void
test_ticks_exact (void)
{
  PcnChartScale scale;

  /* 3 × 0.2 in doubles is 0.6000000000000001; the tick must be 0.6. */
  pcn_chart_scale_init (&scale, 0, 1, 5);
  g_assert_cmpfloat (pcn_chart_scale_get_tick (&scale, 3), ==, 0.6);
  g_assert_cmpfloat (pcn_chart_scale_get_tick (&scale, 5), ==, 1.0);

  pcn_chart_scale_init (&scale, 0, 0.7, 8);
  g_assert_cmpfloat (scale.step, ==, 0.1);
  g_assert_cmpfloat (pcn_chart_scale_get_tick (&scale, 3), ==, 0.3);
  g_assert_cmpfloat (pcn_chart_scale_get_tick (&scale, 7), ==, 0.7);

  pcn_chart_scale_init (&scale, 0, 798930, 5);
  for (guint i = 0; i < scale.n_ticks; i++)
    g_assert_cmpfloat (pcn_chart_scale_get_tick (&scale, i), ==, i * 200000.0);
}

static void
test_normalize (void)
{
  PcnChartScale scale;

  pcn_chart_scale_init (&scale, 0, 798930, 5);
  g_assert_cmpfloat (pcn_chart_scale_normalize (&scale, 0), ==, 0);
  g_assert_cmpfloat (pcn_chart_scale_normalize (&scale, 800000), ==, 1);
  g_assert_cmpfloat (pcn_chart_scale_normalize (&scale, 400000), ==, 0.5);
  g_assert_cmpfloat_with_epsilon (pcn_chart_scale_normalize (&scale, 798930),
                                  0.9986625, 1e-9);
  /* Off the axis is outside 0..1, not clamped: the layer decides. */
  g_assert_cmpfloat (pcn_chart_scale_normalize (&scale, -200000), ==, -0.25);

  pcn_chart_scale_init (&scale, -120, 310, 5);
  g_assert_cmpfloat_with_epsilon (pcn_chart_scale_normalize (&scale, 0), 1.0 / 3, 1e-12);
}

static void
test_format_tick (void)
{
  static const struct {
    double       value;
    double       step;
    PcnChartUnit unit;
    const char  *text;
  } cases[] = {
    /* Money in pence. */
    { 80000000, 20000000, PCN_CHART_UNIT_PENCE, "£800k" },
    { 120000000, 20000000, PCN_CHART_UNIT_PENCE, "£1.2m" },
    { 100000000, 20000000, PCN_CHART_UNIT_PENCE, "£1m" },
    { 105000000, 5000000, PCN_CHART_UNIT_PENCE, "£1.05m" },
    { 0, 20000000, PCN_CHART_UNIT_PENCE, "£0" },
    { -20000000, 20000000, PCN_CHART_UNIT_PENCE, "−£200k" },
    { 5500000, 500000, PCN_CHART_UNIT_PENCE, "£55k" },
    { 250000, 50000, PCN_CHART_UNIT_PENCE, "£2.5k" },
    { 50000, 10000, PCN_CHART_UNIT_PENCE, "£500" },
    { 250000000000.0, 50000000000.0, PCN_CHART_UNIT_PENCE, "£2,500m" },
    /* Plain numbers and WTE. */
    { 0.6, 0.2, PCN_CHART_UNIT_NUMBER, "0.6" },
    { 0.6000000000000001, 0.2, PCN_CHART_UNIT_WTE, "0.6" },
    { 1, 0.2, PCN_CHART_UNIT_WTE, "1" },
    { 30, 10, PCN_CHART_UNIT_NUMBER, "30" },
    { 1200, 200, PCN_CHART_UNIT_NUMBER, "1,200" },
    { 1500000, 500000, PCN_CHART_UNIT_NUMBER, "1,500,000" },
    { -0.4, 0.2, PCN_CHART_UNIT_NUMBER, "−0.4" },
    { 0.05, 0.05, PCN_CHART_UNIT_WTE, "0.05" },
    { 1e-17, 0.2, PCN_CHART_UNIT_NUMBER, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pcn_chart_format_tick (cases[i].value, cases[i].step, cases[i].unit);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_value (void)
{
  static const struct {
    double       value;
    PcnChartUnit unit;
    const char  *text;
  } cases[] = {
    { 79893000, PCN_CHART_UNIT_PENCE, "£798,930" },
    { 5531249, PCN_CHART_UNIT_PENCE, "£55,312" },
    { 5531250, PCN_CHART_UNIT_PENCE, "£55,313" },
    { -120000, PCN_CHART_UNIT_PENCE, "−£1,200" },
    { 0, PCN_CHART_UNIT_PENCE, "£0" },
    { 12.4, PCN_CHART_UNIT_WTE, "12.40" },
    { 0.6, PCN_CHART_UNIT_WTE, "0.60" },
    { 1234.5, PCN_CHART_UNIT_NUMBER, "1,234.5" },
    { 37, PCN_CHART_UNIT_NUMBER, "37" },
    { NAN, PCN_CHART_UNIT_PENCE, "—" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pcn_chart_format_value (cases[i].value, cases[i].unit);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static void
test_format_tick_labels_from_scale (void)
{
  static const char * const expected[] = { "£0", "£200k", "£400k", "£600k", "£800k" };
  PcnChartScale scale;

  pcn_chart_scale_init (&scale, 0, 79893000, 5);
  g_assert_cmpuint (scale.n_ticks, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < scale.n_ticks; i++)
    {
      g_autofree char *text = pcn_chart_format_tick (pcn_chart_scale_get_tick (&scale, i),
                                                     scale.step, PCN_CHART_UNIT_PENCE);
      g_assert_cmpstr (text, ==, expected[i]);
    }
}

static void
test_stack (void)
{
  /* Monthly in-post and planned spend in pounds; the plan starts in January
   * (index 9) and a refund makes one month negative. */
  const double in_post[] = { 55000, 55000, 56200, 56200, -1200, 57000, 57000, 57000, 57000, 57000 };
  const double planned[] = { 0, 0, 0, 0, 0, 0, 0, 0, 0, 4100 };
  const double third[] = { 10, NAN, -5, 0, -300, 0, 0, 0, 0, 1 };
  double pos[10] = { 0 }, neg[10] = { 0 }, bottoms[10], tops[10];

  pcn_chart_stack_values (in_post, 10, pos, neg, bottoms, tops);
  g_assert_cmpfloat (bottoms[0], ==, 0);
  g_assert_cmpfloat (tops[0], ==, 55000);
  g_assert_cmpfloat (bottoms[4], ==, 0);
  g_assert_cmpfloat (tops[4], ==, -1200);
  g_assert_cmpfloat (pos[4], ==, 0);
  g_assert_cmpfloat (neg[4], ==, -1200);

  pcn_chart_stack_values (planned, 10, pos, neg, bottoms, tops);
  g_assert_cmpfloat (bottoms[9], ==, 57000);
  g_assert_cmpfloat (tops[9], ==, 61100);
  g_assert_cmpfloat (bottoms[0], ==, 55000);
  g_assert_cmpfloat (tops[0], ==, 55000);   /* empty bar on top of the stack */

  pcn_chart_stack_values (third, 10, pos, neg, bottoms, tops);
  g_assert_cmpfloat (bottoms[0], ==, 55000);
  g_assert_cmpfloat (tops[0], ==, 55010);
  g_assert_cmpfloat (bottoms[1], ==, 55000);  /* missing: empty */
  g_assert_cmpfloat (tops[1], ==, 55000);
  g_assert_cmpfloat (bottoms[2], ==, 0);      /* negatives grow down from zero */
  g_assert_cmpfloat (tops[2], ==, -5);
  g_assert_cmpfloat (bottoms[4], ==, -1200);  /* ...below the earlier negatives */
  g_assert_cmpfloat (tops[4], ==, -1500);

  /* The positive bases end as the stack tops. */
  g_assert_cmpfloat (pos[9], ==, 61101);
  g_assert_cmpfloat (neg[4], ==, -1500);
}

static void
test_cumulate (void)
{
  const double monthly[] = { 55000, 55000, 56200, NAN, 57000 };
  double totals[G_N_ELEMENTS (monthly)];
  double in_place[] = { 1, 2, 3 };

  pcn_chart_cumulate (monthly, G_N_ELEMENTS (monthly), totals);
  g_assert_cmpfloat (totals[0], ==, 55000);
  g_assert_cmpfloat (totals[2], ==, 166200);
  g_assert_cmpfloat (totals[3], ==, 166200);
  g_assert_cmpfloat (totals[4], ==, 223200);

  pcn_chart_cumulate (in_place, 3, in_place);
  g_assert_cmpfloat (in_place[2], ==, 6);
}

static void
test_preconditions (void)
{
  PcnChartScale scale = { 0 };

  if (g_test_undefined ())
    {
      g_test_expect_message ("pcn-core", G_LOG_LEVEL_CRITICAL, "*range > 0*");
      g_assert_cmpfloat (pcn_chart_nice_step (0, 5), ==, 1);
      g_test_assert_expected_messages ();

      g_test_expect_message ("pcn-core", G_LOG_LEVEL_CRITICAL, "*isfinite*");
      pcn_chart_scale_init (&scale, 0, INFINITY, 5);
      g_test_assert_expected_messages ();
      g_assert_cmpfloat (scale.step, ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart-scale/nice-step", test_nice_step);
  g_test_add_func ("/chart-scale/scale", test_scale);
  g_test_add_func ("/chart-scale/ticks-exact", test_ticks_exact);
  g_test_add_func ("/chart-scale/normalize", test_normalize);
  g_test_add_func ("/chart-scale/format/tick", test_format_tick);
  g_test_add_func ("/chart-scale/format/value", test_format_value);
  g_test_add_func ("/chart-scale/format/scale-labels", test_format_tick_labels_from_scale);
  g_test_add_func ("/chart-scale/stack", test_stack);
  g_test_add_func ("/chart-scale/cumulate", test_cumulate);
  g_test_add_func ("/chart-scale/preconditions", test_preconditions);

  return g_test_run ();
}
