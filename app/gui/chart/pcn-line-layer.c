/* pcn-line-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pcn-chart-private.h"
#include "pcn-line-layer-private.h"

#define LINE_WIDTH 2.5
#define POINT_RADIUS 3.0
/* Above this many points the dots would crowd the line. */
#define MAX_DOTTED_POINTS 24

struct _PcnLineLayer
{
  PcnChartLayer  parent_instance;

  GArray        *fractions;  /* double, 0..1, NaN for a gap */
};

G_DEFINE_FINAL_TYPE (PcnLineLayer, pcn_line_layer, PCN_TYPE_CHART_LAYER)

static void
pcn_line_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  static const double dashes[] = { 7.0, 5.0 };
  PcnLineLayer *self = (PcnLineLayer *)widget;
  PcnChartLayer *layer = PCN_CHART_LAYER (self);
  PcnChart *chart = _pcn_chart_layer_get_chart (layer);
  PcnChartSeries *series = _pcn_chart_layer_get_series (layer);
  const double *fractions = (const double *)(gpointer)self->fractions->data;
  const graphene_rect_t *plot;
  graphene_rect_t bounds;
  gboolean dashed, dotted, drawing = FALSE;
  cairo_t *cr;

  if (chart == NULL || self->fractions->len == 0)
    return;

  plot = _pcn_chart_get_plot_area (chart);
  if (plot->size.width <= 0 || plot->size.height <= 0)
    return;

  dashed = series != NULL && pcn_chart_series_get_dashed (series);
  dotted = !dashed && self->fractions->len <= MAX_DOTTED_POINTS;

  graphene_rect_inset_r (plot, -2 * POINT_RADIUS, -2 * POINT_RADIUS, &bounds);
  cr = gtk_snapshot_append_cairo (snapshot, &bounds);

  gdk_cairo_set_source_rgba (cr, _pcn_chart_layer_get_color (layer));
  cairo_set_line_width (cr, LINE_WIDTH);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, dashed ? CAIRO_LINE_CAP_BUTT : CAIRO_LINE_CAP_ROUND);
  if (dashed)
    cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);

  /* A line joins the middles of the categories. A dashed one marks a
   * limit (the allocation) and runs on to both edges of the plot. */
  for (guint i = 0; i < self->fractions->len; i++)
    {
      graphene_rect_t band;
      double x, y;

      if (isnan (fractions[i]))
        {
          drawing = FALSE;
          continue;
        }

      _pcn_chart_get_category_area (chart, i, &band);
      x = band.origin.x + band.size.width / 2;
      y = _pcn_chart_get_y_for_fraction (chart, fractions[i]);

      if (dashed && i == 0)
        cairo_move_to (cr, plot->origin.x, y);
      if (drawing || (dashed && i == 0))
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      if (dashed && i + 1 == self->fractions->len)
        cairo_line_to (cr, plot->origin.x + plot->size.width, y);
      drawing = TRUE;
    }
  cairo_stroke (cr);

  if (dotted)
    {
      for (guint i = 0; i < self->fractions->len; i++)
        {
          graphene_rect_t band;

          if (isnan (fractions[i]))
            continue;
          _pcn_chart_get_category_area (chart, i, &band);
          cairo_new_sub_path (cr);
          cairo_arc (cr,
                     band.origin.x + band.size.width / 2,
                     _pcn_chart_get_y_for_fraction (chart, fractions[i]),
                     POINT_RADIUS, 0, 2 * G_PI);
        }
      cairo_fill (cr);
    }

  cairo_destroy (cr);
}

static void
pcn_line_layer_finalize (GObject *object)
{
  PcnLineLayer *self = (PcnLineLayer *)object;

  g_clear_pointer (&self->fractions, g_array_unref);

  G_OBJECT_CLASS (pcn_line_layer_parent_class)->finalize (object);
}

static void
pcn_line_layer_class_init (PcnLineLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pcn_line_layer_finalize;

  widget_class->snapshot = pcn_line_layer_snapshot;

  gtk_widget_class_set_css_name (widget_class, "linelayer");
}

static void
pcn_line_layer_init (PcnLineLayer *self)
{
  self->fractions = g_array_new (FALSE, TRUE, sizeof (double));
}

GtkWidget *
_pcn_line_layer_new (PcnChartSeries *series)
{
  g_return_val_if_fail (PCN_IS_CHART_SERIES (series), NULL);

  return g_object_new (PCN_TYPE_LINE_LAYER, "series", series, NULL);
}

void
_pcn_line_layer_set_points (PcnLineLayer *self,
                            const double *fractions,
                            guint         n_points)
{
  g_return_if_fail (PCN_IS_LINE_LAYER (self));
  g_return_if_fail (n_points == 0 || fractions != NULL);

  g_array_set_size (self->fractions, 0);
  g_array_append_vals (self->fractions, fractions, n_points);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
_pcn_line_layer_get_point (PcnLineLayer *self,
                           guint         index)
{
  g_return_val_if_fail (PCN_IS_LINE_LAYER (self), NAN);

  if (index >= self->fractions->len)
    return NAN;
  return g_array_index (self->fractions, double, index);
}
