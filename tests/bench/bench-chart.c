/* bench-chart.c — redrawing the budget chart must take under 5 ms a frame
 *
 * A budget-like chart (12 months, two stacked bar series, a cumulative
 * line and an allocation line) in an 800×400 window. Each frame invalidates
 * every layer (the worst case: after a data or theme change, not just a
 * hover), moves the hover highlight, snapshots the chart through a
 * GtkWidgetPaintable and renders the node to a texture with the window's
 * own renderer. Reports the median, 95th percentile and maximum per frame,
 * and the hover-only redraw; fails when the median full redraw is 5 ms or
 * more. Needs a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>

#include "chart/pcn-chart-private.h"
#include "pcn-workforce-resources.h"

#define N_FRAMES 400
#define N_WARMUP 20
#define LIMIT_USEC 5000

static const char * const months[] = {
  "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", NULL,
};

static GtkWidget *
build_chart (void)
{
  PcnChart *chart = PCN_CHART (pcn_chart_new ());
  g_autoptr(PcnChartSeries) in_post = pcn_chart_series_new ("In post", PCN_CHART_SERIES_BAR);
  g_autoptr(PcnChartSeries) planned = pcn_chart_series_new ("Planned", PCN_CHART_SERIES_BAR);
  g_autoptr(PcnChartSeries) cumulative = pcn_chart_series_new ("Cumulative", PCN_CHART_SERIES_LINE);
  g_autoptr(PcnChartSeries) allocation = pcn_chart_series_new ("Allocation", PCN_CHART_SERIES_LINE);
  double a[12], b[12], monthly[12], totals[12], cap[12];

  for (guint i = 0; i < 12; i++)
    {
      a[i] = (5400000 + 35000 * i);
      b[i] = i >= 9 ? 624000 : 0;
      monthly[i] = a[i] + b[i];
      cap[i] = 79893000;
    }
  pcn_chart_cumulate (monthly, 12, totals);

  pcn_chart_series_set_stack_group (in_post, "spend");
  pcn_chart_series_set_color_class (in_post, "accent");
  pcn_chart_series_set_values (in_post, a, 12);
  pcn_chart_series_set_stack_group (planned, "spend");
  pcn_chart_series_set_color_class (planned, "accent-soft");
  pcn_chart_series_set_values (planned, b, 12);
  pcn_chart_series_set_color_class (cumulative, "warning");
  pcn_chart_series_set_values (cumulative, totals, 12);
  pcn_chart_series_set_color_class (allocation, "error");
  pcn_chart_series_set_dashed (allocation, TRUE);
  pcn_chart_series_set_values (allocation, cap, 12);

  pcn_chart_set_title (chart, "ARRS spend against allocation");
  pcn_chart_set_unit (chart, PCN_CHART_UNIT_PENCE);
  pcn_chart_set_categories (chart, months);
  pcn_chart_add_series (chart, in_post);
  pcn_chart_add_series (chart, planned);
  pcn_chart_add_series (chart, cumulative);
  pcn_chart_add_series (chart, allocation);

  return GTK_WIDGET (chart);
}

static int
compare_int64 (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* Times N_FRAMES redraws; fills in the median, 95th percentile and max. */
static void
time_frames (PcnChart     *chart,
             GdkPaintable *paintable,
             GskRenderer  *renderer,
             gboolean      all_layers,
             gint64       *median,
             gint64       *p95,
             gint64       *max)
{
  g_autofree gint64 *times = g_new (gint64, N_FRAMES);
  int width = gtk_widget_get_width (GTK_WIDGET (chart));
  int height = gtk_widget_get_height (GTK_WIDGET (chart));

  for (guint i = 0; i < N_WARMUP + N_FRAMES; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 start = g_get_monotonic_time ();

      if (all_layers)
        _pcn_chart_queue_draw_layers (chart);
      _pcn_chart_set_hover_category (chart, i % 13 == 12 ? -1 : (int)(i % 13));

      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      texture = gsk_renderer_render_texture (renderer, node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));

      if (i >= N_WARMUP)
        times[i - N_WARMUP] = g_get_monotonic_time () - start;
    }

  qsort (times, N_FRAMES, sizeof (gint64), compare_int64);
  *median = times[N_FRAMES / 2];
  *p95 = times[N_FRAMES * 95 / 100];
  *max = times[N_FRAMES - 1];
}

int
main (int   argc,
      char *argv[])
{
  GtkWidget *window, *chart;
  g_autoptr(GdkPaintable) paintable = NULL;
  GskRenderer *renderer;
  gint64 deadline, median, p95, max, hover_median, hover_p95, hover_max;

  gtk_init ();
  adw_init ();
  if (pcn_workforce_get_resource () == NULL)
    return 1;

  window = gtk_window_new ();
  chart = build_chart ();
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 400);
  gtk_window_set_child (GTK_WINDOW (window), chart);
  gtk_window_present (GTK_WINDOW (window));

  deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (gtk_widget_get_width (chart) == 0 || !gtk_widget_get_mapped (chart))
    {
      g_main_context_iteration (NULL, FALSE);
      if (g_get_monotonic_time () > deadline)
        {
          g_printerr ("the window never appeared\n");
          return 1;
        }
    }

  renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  paintable = gtk_widget_paintable_new (chart);

  time_frames (PCN_CHART (chart), paintable, renderer, TRUE, &median, &p95, &max);
  time_frames (PCN_CHART (chart), paintable, renderer, FALSE,
               &hover_median, &hover_p95, &hover_max);

  g_print ("budget chart %d×%d, %s, %d frames\n",
           gtk_widget_get_width (chart), gtk_widget_get_height (chart),
           G_OBJECT_TYPE_NAME (renderer), N_FRAMES);
  g_print ("full redraw:  median %.3f ms, p95 %.3f ms, max %.3f ms\n",
           median / 1000.0, p95 / 1000.0, max / 1000.0);
  g_print ("hover redraw: median %.3f ms, p95 %.3f ms, max %.3f ms\n",
           hover_median / 1000.0, hover_p95 / 1000.0, hover_max / 1000.0);

  gtk_window_destroy (GTK_WINDOW (window));

  if (median >= LIMIT_USEC)
    {
      g_printerr ("FAIL: median full redraw %.3f ms is not under %.1f ms\n",
                  median / 1000.0, LIMIT_USEC / 1000.0);
      return 1;
    }
  return 0;
}
