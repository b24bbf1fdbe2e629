/* pcn-axis-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pcn-axis-layer-private.h"
#include "pcn-chart-private.h"

#define TICK_LABEL_GAP 8
#define CATEGORY_LABEL_GAP 6
#define CATEGORY_LABEL_SPACING 8
#define CATEGORY_LABEL_MAX_WIDTH 120
/* Opacity of the text, the grid and the zero line against the layer's
 * colour (the theme's foreground). */
#define TEXT_ALPHA 0.7f
#define GRID_ALPHA 0.1f
#define ZERO_ALPHA 0.35f

struct _PcnAxisLayer
{
  PcnChartLayer  parent_instance;

  GStrv          tick_labels;
  GArray        *tick_fractions;    /* double */
  GArray        *tick_is_zero;      /* gboolean */
  GStrv          category_labels;
  GPtrArray     *tick_layouts;      /* PangoLayout */
  GPtrArray     *category_layouts;  /* PangoLayout */
  int            tick_width;
  int            category_width;
  int            category_height;
};

G_DEFINE_FINAL_TYPE (PcnAxisLayer, pcn_axis_layer, PCN_TYPE_CHART_LAYER)

static void
build_layouts (PcnAxisLayer *self)
{
  g_assert (PCN_IS_AXIS_LAYER (self));

  g_ptr_array_set_size (self->tick_layouts, 0);
  g_ptr_array_set_size (self->category_layouts, 0);
  self->tick_width = 0;
  self->category_width = 0;
  self->category_height = 0;

  for (guint i = 0; self->tick_labels != NULL && self->tick_labels[i] != NULL; i++)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                            self->tick_labels[i]);
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      self->tick_width = MAX (self->tick_width, width);
      g_ptr_array_add (self->tick_layouts, layout);
    }

  for (guint i = 0; self->category_labels != NULL && self->category_labels[i] != NULL; i++)
    {
      PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self),
                                                            self->category_labels[i]);
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      self->category_width = MAX (self->category_width, width);
      self->category_height = MAX (self->category_height, height);
      g_ptr_array_add (self->category_layouts, layout);
    }

  /* Keep room for the category labels even before there are any. */
  if (self->category_height == 0)
    {
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), "0");
      pango_layout_get_pixel_size (layout, NULL, &self->category_height);
    }
}

static void
append_layout_at (GtkSnapshot   *snapshot,
                  PangoLayout   *layout,
                  float          x,
                  float          y,
                  const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
pcn_axis_layer_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  PcnAxisLayer *self = (PcnAxisLayer *)widget;
  PcnChart *chart = _pcn_chart_layer_get_chart (PCN_CHART_LAYER (self));
  const GdkRGBA *fg = _pcn_chart_layer_get_color (PCN_CHART_LAYER (self));
  GdkRGBA text = *fg, grid = *fg, zero = *fg;
  const graphene_rect_t *plot;
  guint n_categories, every = 1;
  float room = 0;

  if (chart == NULL)
    return;

  plot = _pcn_chart_get_plot_area (chart);
  if (plot->size.width <= 0 || plot->size.height <= 0)
    return;

  text.alpha *= TEXT_ALPHA;
  grid.alpha *= GRID_ALPHA;
  zero.alpha *= ZERO_ALPHA;

  /* Grid lines first, then the zero line over them. */
  for (guint i = 0; i < self->tick_fractions->len; i++)
    {
      double fraction = g_array_index (self->tick_fractions, double, i);
      gboolean is_zero = g_array_index (self->tick_is_zero, gboolean, i);
      float y = floorf (_pcn_chart_get_y_for_fraction (chart, fraction));

      if (is_zero)
        continue;
      gtk_snapshot_append_color (snapshot, &grid,
                                 &GRAPHENE_RECT_INIT (plot->origin.x, y,
                                                      plot->size.width, 1));
    }
  for (guint i = 0; i < self->tick_fractions->len; i++)
    {
      double fraction = g_array_index (self->tick_fractions, double, i);
      float y = floorf (_pcn_chart_get_y_for_fraction (chart, fraction));

      if (g_array_index (self->tick_is_zero, gboolean, i))
        gtk_snapshot_append_color (snapshot, &zero,
                                   &GRAPHENE_RECT_INIT (plot->origin.x, y,
                                                        plot->size.width, 1));
    }

  /* Value labels, right-aligned against the plot, centred on their line. */
  for (guint i = 0; i < self->tick_layouts->len && i < self->tick_fractions->len; i++)
    {
      PangoLayout *layout = g_ptr_array_index (self->tick_layouts, i);
      double fraction = g_array_index (self->tick_fractions, double, i);
      float y = _pcn_chart_get_y_for_fraction (chart, fraction);
      int width, height;

      pango_layout_get_pixel_size (layout, &width, &height);
      append_layout_at (snapshot, layout,
                        plot->origin.x - TICK_LABEL_GAP - width,
                        roundf (y - height / 2.f),
                        &text);
    }

  /* Category labels under the plot; when they would collide, every
   * second (third…) one. Long names (roles) are ellipsized to the room
   * they have rather than spilling over their neighbours or the edge; the
   * table beside every chart and the tooltip carry them in full. */
  n_categories = self->category_layouts->len;
  if (n_categories > 0)
    {
      float band = plot->size.width / n_categories;
      int wanted = MIN (self->category_width, CATEGORY_LABEL_MAX_WIDTH);

      if (band > 0)
        every = (guint) MAX (1, ceilf ((wanted + CATEGORY_LABEL_SPACING) / band));
      room = MAX (1.f, band * every - CATEGORY_LABEL_SPACING);
    }
  for (guint i = 0; i < n_categories; i += every)
    {
      PangoLayout *layout = g_ptr_array_index (self->category_layouts, i);
      graphene_rect_t area;
      int width, height;
      float x;

      float centre, widget_width = gtk_widget_get_width (widget), limit = room;

      _pcn_chart_get_category_area (chart, i, &area);
      /* A label near an edge is pushed inwards; keep it short enough not
       * to run into its neighbour. */
      centre = area.origin.x + area.size.width / 2;
      if (centre - room / 2 < 0)
        limit = MIN (limit, centre + room / 2);
      if (centre + room / 2 > widget_width)
        limit = MIN (limit, widget_width - centre + room / 2);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_width (layout, (int) (MAX (1.f, limit) * PANGO_SCALE));
      pango_layout_get_pixel_size (layout, &width, &height);
      x = roundf (area.origin.x + (area.size.width - width) / 2);
      x = CLAMP (x, 0.f, MAX (0.f, (float) gtk_widget_get_width (widget) - width));
      append_layout_at (snapshot, layout, x,
                        plot->origin.y + plot->size.height + CATEGORY_LABEL_GAP,
                        &text);
    }
}

static void
pcn_axis_layer_css_changed (GtkWidget         *widget,
                            GtkCssStyleChange *change)
{
  PcnAxisLayer *self = (PcnAxisLayer *)widget;

  GTK_WIDGET_CLASS (pcn_axis_layer_parent_class)->css_changed (widget, change);

  /* The font may have changed: lay the labels out again and let the chart
   * place its plot area around their new size. */
  build_layouts (self);
  if (gtk_widget_get_parent (widget) != NULL)
    gtk_widget_queue_allocate (gtk_widget_get_parent (widget));
}

static void
pcn_axis_layer_finalize (GObject *object)
{
  PcnAxisLayer *self = (PcnAxisLayer *)object;

  g_clear_pointer (&self->tick_labels, g_strfreev);
  g_clear_pointer (&self->category_labels, g_strfreev);
  g_clear_pointer (&self->tick_fractions, g_array_unref);
  g_clear_pointer (&self->tick_is_zero, g_array_unref);
  g_clear_pointer (&self->tick_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->category_layouts, g_ptr_array_unref);

  G_OBJECT_CLASS (pcn_axis_layer_parent_class)->finalize (object);
}

static void
pcn_axis_layer_class_init (PcnAxisLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pcn_axis_layer_finalize;

  widget_class->snapshot = pcn_axis_layer_snapshot;
  widget_class->css_changed = pcn_axis_layer_css_changed;

  gtk_widget_class_set_css_name (widget_class, "axislayer");
}

static void
pcn_axis_layer_init (PcnAxisLayer *self)
{
  self->tick_fractions = g_array_new (FALSE, TRUE, sizeof (double));
  self->tick_is_zero = g_array_new (FALSE, TRUE, sizeof (gboolean));
  self->tick_layouts = g_ptr_array_new_with_free_func (g_object_unref);
  self->category_layouts = g_ptr_array_new_with_free_func (g_object_unref);
}

GtkWidget *
_pcn_axis_layer_new (void)
{
  return g_object_new (PCN_TYPE_AXIS_LAYER, NULL);
}

void
_pcn_axis_layer_set_scale (PcnAxisLayer        *self,
                           const PcnChartScale *scale,
                           PcnChartUnit         unit)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (PCN_IS_AXIS_LAYER (self));
  g_return_if_fail (scale != NULL);

  g_array_set_size (self->tick_fractions, 0);
  g_array_set_size (self->tick_is_zero, 0);
  for (guint i = 0; i < scale->n_ticks; i++)
    {
      double value = pcn_chart_scale_get_tick (scale, i);
      double fraction = pcn_chart_scale_normalize (scale, value);
      gboolean is_zero = fabs (value) < scale->step * 1e-6;

      g_autofree char *label = pcn_chart_format_tick (value, scale->step, unit);

      g_strv_builder_add (builder, label);
      g_array_append_val (self->tick_fractions, fraction);
      g_array_append_val (self->tick_is_zero, is_zero);
    }

  g_clear_pointer (&self->tick_labels, g_strfreev);
  self->tick_labels = g_strv_builder_end (builder);
  build_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_pcn_axis_layer_set_categories (PcnAxisLayer       *self,
                                const char * const *labels,
                                guint               n_labels)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_if_fail (PCN_IS_AXIS_LAYER (self));

  for (guint i = 0; i < n_labels; i++)
    g_strv_builder_add (builder, (labels != NULL && labels[i] != NULL) ? labels[i] : "");

  g_clear_pointer (&self->category_labels, g_strfreev);
  self->category_labels = g_strv_builder_end (builder);
  build_layouts (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

int
_pcn_axis_layer_get_tick_width (PcnAxisLayer *self)
{
  g_return_val_if_fail (PCN_IS_AXIS_LAYER (self), 0);

  return self->tick_width;
}

int
_pcn_axis_layer_get_category_height (PcnAxisLayer *self)
{
  g_return_val_if_fail (PCN_IS_AXIS_LAYER (self), 0);

  return self->category_height;
}
