/* pcn-bar-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pcn-bar-layer-private.h"
#include "pcn-chart-private.h"

/* Share of each category's width the bars take; the rest is the gap. */
#define GROUP_FRACTION 0.7
#define MAX_BAR_WIDTH 64.0
#define SLOT_GAP 3.0
#define CORNER_RADIUS 4.0

struct _PcnBarLayer
{
  PcnChartLayer  parent_instance;

  GArray        *bottoms;  /* double, 0..1 */
  GArray        *tops;     /* double, 0..1 */
  GArray        *ends;     /* gboolean */
  guint          slot;
  guint          n_slots;
};

G_DEFINE_FINAL_TYPE (PcnBarLayer, pcn_bar_layer, PCN_TYPE_CHART_LAYER)

static void
append_bar (GtkSnapshot           *snapshot,
            const graphene_rect_t *rect,
            const GdkRGBA         *color,
            gboolean               rounded,
            gboolean               downward)
{
  GskRoundedRect clip;
  float r;

  if (!rounded)
    {
      gtk_snapshot_append_color (snapshot, color, rect);
      return;
    }

  r = MIN (CORNER_RADIUS, MIN (rect->size.width / 3, rect->size.height));
  if (downward)
    gsk_rounded_rect_init (&clip, rect,
                           &GRAPHENE_SIZE_INIT (0, 0), &GRAPHENE_SIZE_INIT (0, 0),
                           &GRAPHENE_SIZE_INIT (r, r), &GRAPHENE_SIZE_INIT (r, r));
  else
    gsk_rounded_rect_init (&clip, rect,
                           &GRAPHENE_SIZE_INIT (r, r), &GRAPHENE_SIZE_INIT (r, r),
                           &GRAPHENE_SIZE_INIT (0, 0), &GRAPHENE_SIZE_INIT (0, 0));

  gtk_snapshot_push_rounded_clip (snapshot, &clip);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
pcn_bar_layer_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PcnBarLayer *self = (PcnBarLayer *)widget;
  PcnChart *chart = _pcn_chart_layer_get_chart (PCN_CHART_LAYER (self));
  const GdkRGBA *color = _pcn_chart_layer_get_color (PCN_CHART_LAYER (self));
  const double *bottoms = (const double *)(gpointer)self->bottoms->data;
  const double *tops = (const double *)(gpointer)self->tops->data;
  const gboolean *ends = (const gboolean *)(gpointer)self->ends->data;

  if (chart == NULL || self->n_slots == 0 || self->bottoms->len == 0)
    return;

  for (guint i = 0; i < self->bottoms->len; i++)
    {
      graphene_rect_t band;
      double group_width, bar_width, x0, x1;
      float y_bottom, y_top, y0, y1;
      gboolean downward = tops[i] < bottoms[i];

      if (tops[i] == bottoms[i])
        continue;

      _pcn_chart_get_category_area (chart, i, &band);
      group_width = MIN (band.size.width * GROUP_FRACTION, MAX_BAR_WIDTH * self->n_slots);
      bar_width = (group_width - SLOT_GAP * (self->n_slots - 1)) / self->n_slots;
      if (bar_width < 1)
        bar_width = 1;
      x0 = band.origin.x + (band.size.width - group_width) / 2 + self->slot * (bar_width + SLOT_GAP);
      x1 = x0 + bar_width;
      /* Whole pixels keep the edges crisp. */
      x0 = round (x0);
      x1 = MAX (round (x1), x0 + 1);

      y_bottom = round (_pcn_chart_get_y_for_fraction (chart, bottoms[i]));
      y_top = round (_pcn_chart_get_y_for_fraction (chart, tops[i]));
      y0 = MIN (y_top, y_bottom);
      y1 = MAX (y_top, y_bottom);

      /* A hairline between stacked segments: the next one starts a pixel
       * further on. */
      if (!ends[i] && y1 - y0 > 2)
        {
          if (downward)
            y1 -= 1;
          else
            y0 += 1;
        }
      if (y1 - y0 < 1)
        continue;

      append_bar (snapshot,
                  &GRAPHENE_RECT_INIT (x0, y0, x1 - x0, y1 - y0),
                  color, ends[i], downward);
    }
}

static void
pcn_bar_layer_finalize (GObject *object)
{
  PcnBarLayer *self = (PcnBarLayer *)object;

  g_clear_pointer (&self->bottoms, g_array_unref);
  g_clear_pointer (&self->tops, g_array_unref);
  g_clear_pointer (&self->ends, g_array_unref);

  G_OBJECT_CLASS (pcn_bar_layer_parent_class)->finalize (object);
}

static void
pcn_bar_layer_class_init (PcnBarLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pcn_bar_layer_finalize;

  widget_class->snapshot = pcn_bar_layer_snapshot;

  gtk_widget_class_set_css_name (widget_class, "barlayer");
}

static void
pcn_bar_layer_init (PcnBarLayer *self)
{
  self->bottoms = g_array_new (FALSE, TRUE, sizeof (double));
  self->tops = g_array_new (FALSE, TRUE, sizeof (double));
  self->ends = g_array_new (FALSE, TRUE, sizeof (gboolean));
}

GtkWidget *
_pcn_bar_layer_new (PcnChartSeries *series)
{
  g_return_val_if_fail (PCN_IS_CHART_SERIES (series), NULL);

  return g_object_new (PCN_TYPE_BAR_LAYER, "series", series, NULL);
}

void
_pcn_bar_layer_set_bars (PcnBarLayer    *self,
                         guint           slot,
                         guint           n_slots,
                         const double   *bottoms,
                         const double   *tops,
                         const gboolean *ends,
                         guint           n_bars)
{
  g_return_if_fail (PCN_IS_BAR_LAYER (self));
  g_return_if_fail (slot < n_slots);
  g_return_if_fail (n_bars == 0 || (bottoms != NULL && tops != NULL && ends != NULL));

  self->slot = slot;
  self->n_slots = n_slots;
  g_array_set_size (self->bottoms, 0);
  g_array_set_size (self->tops, 0);
  g_array_set_size (self->ends, 0);
  g_array_append_vals (self->bottoms, bottoms, n_bars);
  g_array_append_vals (self->tops, tops, n_bars);
  g_array_append_vals (self->ends, ends, n_bars);

  gtk_widget_queue_draw (GTK_WIDGET (self));
}
