/* pcn-chart.c
 *
 * Data flow (Sysprof's, trimmed): a series emits "changed" → relayout()
 * stacks the bars, finds the value range, builds the scale in core
 * (pcn-chart-scale.c), normalises every bar and point to 0..1 and hands
 * those arrays to the layers, and rebuilds the text summary. Allocation
 * places the plot area; snapshot only reads the cached arrays. Hovering
 * redraws the chart's own overlay, not the layers, whose render nodes GTK
 * keeps.
 *
 * Children, bottom to top: the legend, the axis layer, one bar layer per
 * bar series, one line layer per line series.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pcn-axis-layer-private.h"
#include "pcn-bar-layer-private.h"
#include "pcn-chart-private.h"
#include "pcn-line-layer-private.h"

#define LEGEND_GAP 14
#define TICK_LABEL_GAP 8
#define CATEGORY_LABEL_GAP 6
#define PLOT_MARGIN_END 12
#define PLOT_MARGIN_TOP 8
/* One tick for about every this many pixels of plot height. */
#define PIXELS_PER_TICK 60
#define HOVER_ALPHA 0.07f
#define MARKER_RADIUS 4.5f
#define MARKER_RING 2.0f
#define PNG_MARGIN 16

struct _PcnChart
{
  GtkWidget          parent_instance;

  char              *title;
  GStrv              categories;           /* set directly */
  GListModel        *category_model;
  GtkExpression     *category_expression;
  GPtrArray         *labels;               /* char *: the categories shown */
  GPtrArray         *series;               /* PcnChartSeries */
  GPtrArray         *layers;               /* PcnChartLayer, as series */
  GtkWidget         *axis;
  GtkWidget         *legend;
  char              *legend_key;           /* what the legend shows */
  char              *summary;

  PcnChartScale      scale;
  graphene_rect_t    plot;
  GdkRGBA            fg_color;
  GdkRGBA            bg_color;
  PcnChartUnit       unit;
  guint              n_categories;
  guint              target_ticks;
  int                hover;
  double             pointer_x;
  double             pointer_y;
  guint              has_pointer : 1;
};

static void pcn_chart_buildable_init (GtkBuildableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PcnChart, pcn_chart, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE,
                                                      pcn_chart_buildable_init))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_UNIT,
  PROP_CATEGORIES,
  PROP_CATEGORY_MODEL,
  PROP_CATEGORY_EXPRESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];
static GtkBuildableIface *parent_buildable_iface;

static void relayout (PcnChart *self);

static char *
evaluate_label (GtkExpression *expression,
                gpointer       item)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) text = G_VALUE_INIT;

  if (!gtk_expression_evaluate (expression, item, &value))
    return g_strdup ("");

  g_value_init (&text, G_TYPE_STRING);
  if (!g_value_transform (&value, &text) || g_value_get_string (&text) == NULL)
    return g_strdup ("");
  return g_value_dup_string (&text);
}

static void
collect_labels (PcnChart *self)
{
  g_assert (PCN_IS_CHART (self));

  g_ptr_array_set_size (self->labels, 0);

  if (self->category_model != NULL && self->category_expression != NULL)
    {
      guint n = g_list_model_get_n_items (self->category_model);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (self->category_model, i);
          g_ptr_array_add (self->labels, evaluate_label (self->category_expression, item));
        }
    }
  else if (self->categories != NULL)
    {
      for (guint i = 0; self->categories[i] != NULL; i++)
        g_ptr_array_add (self->labels, g_strdup (self->categories[i]));
    }
}

static const char *
get_label (PcnChart *self,
           guint     index)
{
  return index < self->labels->len ? g_ptr_array_index (self->labels, index) : "";
}

static double
get_value (PcnChartSeries *series,
           guint           index)
{
  return pcn_chart_series_get_value (series, index);
}

static gboolean
layer_matches (GtkWidget      *layer,
               PcnChartSeries *series)
{
  if (pcn_chart_series_get_kind (series) == PCN_CHART_SERIES_LINE)
    return PCN_IS_LINE_LAYER (layer);
  return PCN_IS_BAR_LAYER (layer);
}

/* Bars go above the axis and below every line. */
static void
insert_layer (PcnChart  *self,
              GtkWidget *layer)
{
  GtkWidget *before = NULL;

  g_assert (PCN_IS_CHART (self));

  if (PCN_IS_BAR_LAYER (layer))
    {
      for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          if (PCN_IS_LINE_LAYER (child))
            {
              before = child;
              break;
            }
        }
    }

  gtk_widget_insert_before (layer, GTK_WIDGET (self), before);
}

static GtkWidget *
create_layer (PcnChartSeries *series)
{
  if (pcn_chart_series_get_kind (series) == PCN_CHART_SERIES_LINE)
    return _pcn_line_layer_new (series);
  return _pcn_bar_layer_new (series);
}

static void
rebuild_legend (PcnChart *self)
{
  g_autoptr(GString) key = g_string_new (NULL);
  GtkWidget *child;

  g_assert (PCN_IS_CHART (self));

  for (guint i = 0; i < self->series->len; i++)
    {
      PcnChartSeries *series = g_ptr_array_index (self->series, i);

      g_string_append_printf (key, "%s\x1f%s\x1f%d\x1e",
                              pcn_chart_series_get_title (series) ?: "",
                              pcn_chart_series_get_color_class (series) ?: "",
                              pcn_chart_series_get_kind (series));
    }

  if (g_strcmp0 (key->str, self->legend_key) == 0)
    return;

  g_free (self->legend_key);
  self->legend_key = g_strdup (key->str);

  while ((child = gtk_widget_get_first_child (self->legend)) != NULL)
    gtk_box_remove (GTK_BOX (self->legend), child);

  for (guint i = 0; i < self->series->len; i++)
    {
      PcnChartSeries *series = g_ptr_array_index (self->series, i);
      const char *color_class = pcn_chart_series_get_color_class (series);
      gboolean line = pcn_chart_series_get_kind (series) == PCN_CHART_SERIES_LINE;
      GtkWidget *item = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *swatch = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      GtkWidget *label = gtk_label_new (pcn_chart_series_get_title (series));

      gtk_widget_add_css_class (swatch, "swatch");
      gtk_widget_add_css_class (swatch, line ? "line" : "bar");
      if (line && pcn_chart_series_get_dashed (series))
        gtk_widget_add_css_class (swatch, "dashed");
      if (color_class != NULL && *color_class != '\0')
        gtk_widget_add_css_class (swatch, color_class);
      gtk_widget_set_valign (swatch, GTK_ALIGN_CENTER);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);

      gtk_box_append (GTK_BOX (item), swatch);
      gtk_box_append (GTK_BOX (item), label);
      gtk_box_append (GTK_BOX (self->legend), item);
    }
}

static void
append_summary_for_series (PcnChart       *self,
                           GString        *out,
                           PcnChartSeries *series)
{
  const char *title = pcn_chart_series_get_title (series) ?: "";
  int first = -1, last = -1, highest = -1, lowest = -1;
  double total = 0;
  gboolean constant = TRUE;

  for (guint i = 0; i < self->n_categories; i++)
    {
      double v = get_value (series, i);

      if (!isfinite (v))
        continue;
      if (first < 0)
        first = i;
      else if (v != get_value (series, first))
        constant = FALSE;
      last = i;
      total += v;
      if (highest < 0 || v > get_value (series, highest))
        highest = i;
      if (lowest < 0 || v < get_value (series, lowest))
        lowest = i;
    }

  if (out->len > 0)
    g_string_append_c (out, ' ');

  if (first < 0)
    {
      /* Translators: %s is the name of a data series in a chart. */
      g_string_append_printf (out, _("%s: no values."), title);
      return;
    }

  if (pcn_chart_series_get_kind (series) == PCN_CHART_SERIES_BAR)
    {
      g_autofree char *total_text = pcn_chart_format_value (total, self->unit);
      g_autofree char *high_text = pcn_chart_format_value (get_value (series, highest), self->unit);
      g_autofree char *low_text = pcn_chart_format_value (get_value (series, lowest), self->unit);

      /* Translators: a bar series in a chart's text summary, e.g. "In post:
       * total £660,000, highest £57,000 (March), lowest £53,000 (April)." */
      g_string_append_printf (out, _("%1$s: total %2$s, highest %3$s (%4$s), lowest %5$s (%6$s)."),
                              title, total_text,
                              high_text, get_label (self, highest),
                              low_text, get_label (self, lowest));
    }
  else if (constant)
    {
      g_autofree char *value_text = pcn_chart_format_value (get_value (series, first), self->unit);

      /* Translators: a line series with one value throughout, e.g.
       * "Allocation: £798,930 throughout." */
      g_string_append_printf (out, _("%1$s: %2$s throughout."), title, value_text);
    }
  else
    {
      g_autofree char *first_text = pcn_chart_format_value (get_value (series, first), self->unit);
      g_autofree char *last_text = pcn_chart_format_value (get_value (series, last), self->unit);
      g_autofree char *high_text = pcn_chart_format_value (get_value (series, highest), self->unit);

      /* Translators: a line series in a chart's text summary, e.g.
       * "Cumulative: from £55,000 (April) to £660,000 (March), highest
       * £660,000 (March)." */
      g_string_append_printf (out, _("%1$s: from %2$s (%3$s) to %4$s (%5$s), highest %6$s (%7$s)."),
                              title,
                              first_text, get_label (self, first),
                              last_text, get_label (self, last),
                              high_text, get_label (self, highest));
    }
}

static char *
build_summary (PcnChart *self)
{
  GString *out = g_string_new (NULL);

  g_assert (PCN_IS_CHART (self));

  if (self->n_categories == 0 || self->series->len == 0)
    {
      g_string_append (out, _("No data to show."));
      return g_string_free (out, FALSE);
    }

  g_string_append_printf (out,
                          /* Translators: the start of a chart's text summary,
                           * e.g. "12 categories from April to March." */
                          g_dngettext (GETTEXT_PACKAGE,
                                       "%1$u category from %2$s to %3$s.",
                                       "%1$u categories from %2$s to %3$s.",
                                       self->n_categories),
                          self->n_categories,
                          get_label (self, 0),
                          get_label (self, self->n_categories - 1));

  for (guint i = 0; i < self->series->len; i++)
    append_summary_for_series (self, out, g_ptr_array_index (self->series, i));

  return g_string_free (out, FALSE);
}

static void
update_summary (PcnChart *self)
{
  g_autofree char *summary = build_summary (self);

  if (g_strcmp0 (summary, self->summary) == 0)
    return;

  g_free (self->summary);
  self->summary = g_steal_pointer (&summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

/* Which bar slot each bar series occupies within a category: series that
 * share a stack group share a slot. Returns the number of slots. */
static guint
assign_slots (PcnChart *self,
              guint    *slots)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();  /* const char *, NULL = alone */

  for (guint i = 0; i < self->series->len; i++)
    {
      PcnChartSeries *series = g_ptr_array_index (self->series, i);
      const char *group = pcn_chart_series_get_stack_group (series);
      guint slot = groups->len;

      if (pcn_chart_series_get_kind (series) != PCN_CHART_SERIES_BAR)
        continue;

      if (group != NULL)
        {
          for (guint j = 0; j < groups->len; j++)
            {
              if (g_strcmp0 (g_ptr_array_index (groups, j), group) == 0)
                {
                  slot = j;
                  break;
                }
            }
        }
      if (slot == groups->len)
        g_ptr_array_add (groups, (gpointer)group);
      slots[i] = slot;
    }

  return groups->len;
}

static void
relayout (PcnChart *self)
{
  guint n_series = self->series->len;
  guint n, n_slots;
  g_autofree guint *slots = NULL;
  g_autofree double *values = NULL;
  g_autofree double *pos_base = NULL;
  g_autofree double *neg_base = NULL;
  g_autofree double *raw_bottoms = NULL;
  g_autofree double *raw_tops = NULL;
  g_autofree double *fractions_a = NULL;
  g_autofree double *fractions_b = NULL;
  g_autofree int *last_pos = NULL;
  g_autofree int *last_neg = NULL;
  g_autofree gboolean *ends = NULL;
  double lower = 0, upper = 0;

  g_assert (PCN_IS_CHART (self));

  collect_labels (self);

  n = self->labels->len;
  for (guint s = 0; s < n_series; s++)
    {
      guint len = 0;
      pcn_chart_series_get_values (g_ptr_array_index (self->series, s), &len);
      n = MAX (n, len);
    }
  while (self->labels->len < n)
    g_ptr_array_add (self->labels, g_strdup (""));
  self->n_categories = n;

  slots = g_new0 (guint, MAX (n_series, 1));
  n_slots = assign_slots (self, slots);

  /* Stack the bars of each slot, keeping the raw bottoms and tops of every
   * series (n_series × n) until the scale is known. */
  values = g_new (double, MAX (n, 1));
  pos_base = g_new0 (double, MAX (n_slots * n, 1));
  neg_base = g_new0 (double, MAX (n_slots * n, 1));
  raw_bottoms = g_new0 (double, MAX (n_series * n, 1));
  raw_tops = g_new0 (double, MAX (n_series * n, 1));
  last_pos = g_new (int, MAX (n_slots * n, 1));
  last_neg = g_new (int, MAX (n_slots * n, 1));
  for (guint i = 0; i < n_slots * n; i++)
    last_pos[i] = last_neg[i] = -1;

  for (guint s = 0; s < n_series; s++)
    {
      PcnChartSeries *series = g_ptr_array_index (self->series, s);

      for (guint i = 0; i < n; i++)
        values[i] = get_value (series, i);

      if (pcn_chart_series_get_kind (series) == PCN_CHART_SERIES_BAR)
        {
          guint slot = slots[s];

          pcn_chart_stack_values (values, n,
                                  &pos_base[slot * n], &neg_base[slot * n],
                                  &raw_bottoms[s * n], &raw_tops[s * n]);
          for (guint i = 0; i < n; i++)
            {
              if (values[i] > 0)
                last_pos[slot * n + i] = s;
              else if (values[i] < 0)
                last_neg[slot * n + i] = s;
              lower = MIN (lower, raw_tops[s * n + i]);
              upper = MAX (upper, raw_tops[s * n + i]);
            }
        }
      else
        {
          for (guint i = 0; i < n; i++)
            {
              if (!isfinite (values[i]))
                continue;
              lower = MIN (lower, values[i]);
              upper = MAX (upper, values[i]);
            }
        }
    }

  pcn_chart_scale_init (&self->scale, lower, upper, self->target_ticks);

  /* Hand each layer its normalised geometry. */
  fractions_a = g_new (double, MAX (n, 1));
  fractions_b = g_new (double, MAX (n, 1));
  ends = g_new (gboolean, MAX (n, 1));

  for (guint s = 0; s < n_series; s++)
    {
      PcnChartSeries *series = g_ptr_array_index (self->series, s);
      GtkWidget *layer = g_ptr_array_index (self->layers, s);

      if (PCN_IS_BAR_LAYER (layer))
        {
          guint slot = slots[s];

          for (guint i = 0; i < n; i++)
            {
              fractions_a[i] = pcn_chart_scale_normalize (&self->scale, raw_bottoms[s * n + i]);
              fractions_b[i] = pcn_chart_scale_normalize (&self->scale, raw_tops[s * n + i]);
              ends[i] = last_pos[slot * n + i] == (int)s || last_neg[slot * n + i] == (int)s;
            }
          _pcn_bar_layer_set_bars (PCN_BAR_LAYER (layer), slot, n_slots,
                                   fractions_a, fractions_b, ends, n);
        }
      else
        {
          for (guint i = 0; i < n; i++)
            {
              double v = get_value (series, i);
              fractions_a[i] = isfinite (v) ? pcn_chart_scale_normalize (&self->scale, v) : NAN;
            }
          _pcn_line_layer_set_points (PCN_LINE_LAYER (layer), fractions_a, n);
        }
      _pcn_chart_layer_sync_series (PCN_CHART_LAYER (layer));
    }

  _pcn_axis_layer_set_scale (PCN_AXIS_LAYER (self->axis), &self->scale, self->unit);
  g_ptr_array_add (self->labels, NULL);
  _pcn_axis_layer_set_categories (PCN_AXIS_LAYER (self->axis),
                                  (const char * const *)self->labels->pdata, n);
  g_ptr_array_set_size (self->labels, n);

  if (self->hover >= (int)n)
    self->hover = -1;

  rebuild_legend (self);
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_series_changed_cb (PcnChart       *self,
                      PcnChartSeries *series)
{
  guint index;

  g_assert (PCN_IS_CHART (self));
  g_assert (PCN_IS_CHART_SERIES (series));

  if (!g_ptr_array_find (self->series, series, &index))
    return;

  /* A series that changed between bars and a line needs the other layer. */
  if (!layer_matches (g_ptr_array_index (self->layers, index), series))
    {
      GtkWidget *layer = create_layer (series);

      gtk_widget_unparent (g_ptr_array_index (self->layers, index));
      self->layers->pdata[index] = layer;
      insert_layer (self, layer);
    }

  relayout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_category_model_items_changed_cb (PcnChart   *self,
                                    guint       position,
                                    guint       removed,
                                    guint       added,
                                    GListModel *model)
{
  g_assert (PCN_IS_CHART (self));

  relayout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
on_motion_cb (PcnChart                 *self,
              double                    x,
              double                    y,
              GtkEventControllerMotion *motion)
{
  g_assert (PCN_IS_CHART (self));

  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
  _pcn_chart_set_hover_category (self, _pcn_chart_get_category_at (self, x, y));
}

static void
on_leave_cb (PcnChart                 *self,
             GtkEventControllerMotion *motion)
{
  g_assert (PCN_IS_CHART (self));

  self->has_pointer = FALSE;
  _pcn_chart_set_hover_category (self, -1);
}

static gboolean
pcn_chart_query_tooltip (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard_mode,
                         GtkTooltip *tooltip)
{
  PcnChart *self = (PcnChart *)widget;
  g_autofree char *markup = NULL;
  graphene_rect_t area;
  int index;

  index = _pcn_chart_get_category_at (self, x, y);
  if (index < 0)
    return FALSE;

  markup = _pcn_chart_dup_category_markup (self, index);
  _pcn_chart_get_category_area (self, index, &area);
  gtk_tooltip_set_markup (tooltip, markup);
  gtk_tooltip_set_tip_area (tooltip,
                            &(GdkRectangle) {
                              floorf (area.origin.x), floorf (area.origin.y),
                              ceilf (area.size.width), ceilf (area.size.height)
                            });
  return TRUE;
}

static void
pcn_chart_css_changed (GtkWidget         *widget,
                       GtkCssStyleChange *change)
{
  PcnChart *self = (PcnChart *)widget;
  GtkStyleContext *context;

  GTK_WIDGET_CLASS (pcn_chart_parent_class)->css_changed (widget, change);

  /* gtk_widget_get_color() and the end of GtkStyleContext are 4.10. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  gtk_style_context_get_color (context, &self->fg_color);
  if (!gtk_style_context_lookup_color (context, "view_bg_color", &self->bg_color) &&
      !gtk_style_context_lookup_color (context, "window_bg_color", &self->bg_color))
    self->bg_color = (GdkRGBA) { 1, 1, 1, 1 };
G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_widget_queue_draw (widget);
}

static void
pcn_chart_measure (GtkWidget      *widget,
                   GtkOrientation  orientation,
                   int             for_size,
                   int            *minimum,
                   int            *natural,
                   int            *minimum_baseline,
                   int            *natural_baseline)
{
  PcnChart *self = (PcnChart *)widget;
  int legend_min = 0, legend_nat = 0;

  gtk_widget_measure (self->legend, orientation, -1, &legend_min, &legend_nat, NULL, NULL);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MAX (legend_min, 200);
      *natural = MAX (legend_nat, 480);
    }
  else
    {
      *minimum = legend_min + LEGEND_GAP + 120;
      *natural = legend_nat + LEGEND_GAP + 260;
    }
}

static void
pcn_chart_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  PcnChart *self = (PcnChart *)widget;
  int legend_height = 0, category_height, plot_height, left;
  guint target;

  gtk_widget_measure (self->legend, GTK_ORIENTATION_VERTICAL, -1, NULL, &legend_height, NULL, NULL);
  category_height = _pcn_axis_layer_get_category_height (PCN_AXIS_LAYER (self->axis));
  plot_height = height - legend_height - LEGEND_GAP - PLOT_MARGIN_TOP
                - category_height - CATEGORY_LABEL_GAP;

  /* Fewer ticks on a short chart, more on a tall one. */
  target = CLAMP (plot_height / PIXELS_PER_TICK, 2, 8);
  if (target != self->target_ticks)
    {
      self->target_ticks = target;
      relayout (self);
    }

  left = _pcn_axis_layer_get_tick_width (PCN_AXIS_LAYER (self->axis)) + TICK_LABEL_GAP + 2;
  self->plot = GRAPHENE_RECT_INIT (left,
                                   legend_height + LEGEND_GAP + PLOT_MARGIN_TOP,
                                   MAX (0, width - left - PLOT_MARGIN_END),
                                   MAX (0, plot_height));

  gtk_widget_allocate (self->legend, MAX (0, width - left - PLOT_MARGIN_END), legend_height,
                       -1, gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (left, 0)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (child != self->legend)
        gtk_widget_allocate (child, width, height, -1, NULL);
    }

  /* The categories moved under a pointer that did not. */
  if (self->has_pointer)
    _pcn_chart_set_hover_category (self, _pcn_chart_get_category_at (self, self->pointer_x,
                                                                     self->pointer_y));
}

static void
append_circle (GtkSnapshot   *snapshot,
               float          x,
               float          y,
               float          radius,
               const GdkRGBA *color)
{
  GskRoundedRect circle;

  gsk_rounded_rect_init_from_rect (&circle,
                                   &GRAPHENE_RECT_INIT (x - radius, y - radius,
                                                        2 * radius, 2 * radius),
                                   radius);
  gtk_snapshot_push_rounded_clip (snapshot, &circle);
  gtk_snapshot_append_color (snapshot, color, &circle.bounds);
  gtk_snapshot_pop (snapshot);
}

static void
snapshot_hover (PcnChart    *self,
                GtkSnapshot *snapshot)
{
  graphene_rect_t area;
  GdkRGBA band = self->fg_color;

  if (self->hover < 0 || self->hover >= (int)self->n_categories)
    return;

  _pcn_chart_get_category_area (self, self->hover, &area);
  band.alpha *= HOVER_ALPHA;
  gtk_snapshot_append_color (snapshot, &band, &area);

  /* A ringed marker on each line at the hovered category. */
  for (guint s = 0; s < self->layers->len; s++)
    {
      GtkWidget *layer = g_ptr_array_index (self->layers, s);
      double fraction;
      float x, y;

      if (!PCN_IS_LINE_LAYER (layer))
        continue;
      fraction = _pcn_line_layer_get_point (PCN_LINE_LAYER (layer), self->hover);
      if (isnan (fraction))
        continue;

      x = area.origin.x + area.size.width / 2;
      y = _pcn_chart_get_y_for_fraction (self, fraction);
      append_circle (snapshot, x, y, MARKER_RADIUS + MARKER_RING, &self->bg_color);
      append_circle (snapshot, x, y, MARKER_RADIUS,
                     _pcn_chart_layer_get_color (PCN_CHART_LAYER (layer)));
    }
}

static void
pcn_chart_snapshot (GtkWidget   *widget,
                    GtkSnapshot *snapshot)
{
  PcnChart *self = (PcnChart *)widget;

  _pcn_chart_snapshot_static (self, snapshot);
  snapshot_hover (self, snapshot);
}

static void
pcn_chart_dispose (GObject *object)
{
  PcnChart *self = (PcnChart *)object;
  GtkWidget *child;

  for (guint i = 0; i < self->series->len; i++)
    g_signal_handlers_disconnect_by_func (g_ptr_array_index (self->series, i),
                                          on_series_changed_cb, self);
  g_ptr_array_set_size (self->series, 0);
  g_ptr_array_set_size (self->layers, 0);

  if (self->category_model != NULL)
    g_signal_handlers_disconnect_by_func (self->category_model,
                                          on_category_model_items_changed_cb, self);
  g_clear_object (&self->category_model);
  g_clear_pointer (&self->category_expression, gtk_expression_unref);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->axis = NULL;
  self->legend = NULL;

  G_OBJECT_CLASS (pcn_chart_parent_class)->dispose (object);
}

static void
pcn_chart_finalize (GObject *object)
{
  PcnChart *self = (PcnChart *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->categories, g_strfreev);
  g_clear_pointer (&self->labels, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
  g_clear_pointer (&self->layers, g_ptr_array_unref);
  g_clear_pointer (&self->legend_key, g_free);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (pcn_chart_parent_class)->finalize (object);
}

static void
pcn_chart_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PcnChart *self = PCN_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_UNIT:
      g_value_set_enum (value, self->unit);
      break;

    case PROP_CATEGORIES:
      g_value_set_boxed (value, self->categories);
      break;

    case PROP_CATEGORY_MODEL:
      g_value_set_object (value, self->category_model);
      break;

    case PROP_CATEGORY_EXPRESSION:
      gtk_value_set_expression (value, self->category_expression);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_chart_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PcnChart *self = PCN_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pcn_chart_set_title (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      pcn_chart_set_unit (self, g_value_get_enum (value));
      break;

    case PROP_CATEGORIES:
      pcn_chart_set_categories (self, g_value_get_boxed (value));
      break;

    case PROP_CATEGORY_MODEL:
      pcn_chart_set_category_model (self, g_value_get_object (value));
      break;

    case PROP_CATEGORY_EXPRESSION:
      pcn_chart_set_category_expression (self, gtk_value_get_expression (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_chart_buildable_add_child (GtkBuildable *buildable,
                               GtkBuilder   *builder,
                               GObject      *child,
                               const char   *type)
{
  if (PCN_IS_CHART_SERIES (child))
    pcn_chart_add_series (PCN_CHART (buildable), PCN_CHART_SERIES (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
pcn_chart_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = pcn_chart_buildable_add_child;
}

static void
pcn_chart_class_init (PcnChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_chart_dispose;
  object_class->finalize = pcn_chart_finalize;
  object_class->get_property = pcn_chart_get_property;
  object_class->set_property = pcn_chart_set_property;

  widget_class->measure = pcn_chart_measure;
  widget_class->size_allocate = pcn_chart_size_allocate;
  widget_class->snapshot = pcn_chart_snapshot;
  widget_class->css_changed = pcn_chart_css_changed;
  widget_class->query_tooltip = pcn_chart_query_tooltip;

  /* The accessible name of the image. */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL,
                       PCN_TYPE_CHART_UNIT, PCN_CHART_UNIT_NUMBER,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CATEGORIES] =
    g_param_spec_boxed ("categories", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CATEGORY_MODEL] =
    g_param_spec_object ("category-model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CATEGORY_EXPRESSION] =
    gtk_param_spec_expression ("category-expression", NULL, NULL,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pcn_chart_init (PcnChart *self)
{
  GtkEventController *motion;

  self->labels = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (g_object_unref);
  self->layers = g_ptr_array_new ();
  self->hover = -1;
  self->target_ticks = 5;
  self->fg_color = (GdkRGBA) { 0, 0, 0, 1 };
  self->bg_color = (GdkRGBA) { 1, 1, 1, 1 };

  self->legend = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_widget_add_css_class (self->legend, "legend");
  gtk_widget_set_parent (self->legend, GTK_WIDGET (self));

  self->axis = _pcn_axis_layer_new ();
  gtk_widget_set_parent (self->axis, GTK_WIDGET (self));

  motion = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (motion, "enter", G_CALLBACK (on_motion_cb), self);
  g_signal_connect_swapped (motion, "motion", G_CALLBACK (on_motion_cb), self);
  g_signal_connect_swapped (motion, "leave", G_CALLBACK (on_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  relayout (self);
}

/**
 * pcn_chart_new:
 *
 * Returns: (transfer floating): an empty chart
 */
GtkWidget *
pcn_chart_new (void)
{
  return g_object_new (PCN_TYPE_CHART, NULL);
}

const char *
pcn_chart_get_title (PcnChart *self)
{
  g_return_val_if_fail (PCN_IS_CHART (self), NULL);

  return self->title;
}

/**
 * pcn_chart_set_title:
 * @self: a chart
 * @title: (nullable): what the chart shows; its accessible label
 */
void
pcn_chart_set_title (PcnChart   *self,
                     const char *title)
{
  g_return_if_fail (PCN_IS_CHART (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);

  if (title != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

PcnChartUnit
pcn_chart_get_unit (PcnChart *self)
{
  g_return_val_if_fail (PCN_IS_CHART (self), PCN_CHART_UNIT_NUMBER);

  return self->unit;
}

/**
 * pcn_chart_set_unit:
 * @self: a chart
 * @unit: what the values count, which decides how labels read
 */
void
pcn_chart_set_unit (PcnChart     *self,
                    PcnChartUnit  unit)
{
  g_return_if_fail (PCN_IS_CHART (self));

  if (self->unit == unit)
    return;

  self->unit = unit;
  relayout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

/**
 * pcn_chart_get_categories:
 * @self: a chart
 *
 * Returns: (transfer none) (nullable): the categories set with
 *   pcn_chart_set_categories()
 */
const char * const *
pcn_chart_get_categories (PcnChart *self)
{
  g_return_val_if_fail (PCN_IS_CHART (self), NULL);

  return (const char * const *)self->categories;
}

/**
 * pcn_chart_set_categories:
 * @self: a chart
 * @categories: (nullable) (array zero-terminated=1): the category labels,
 *   in order
 *
 * Used when no category model and expression are set.
 */
void
pcn_chart_set_categories (PcnChart           *self,
                          const char * const *categories)
{
  g_return_if_fail (PCN_IS_CHART (self));

  if (self->categories != NULL && categories != NULL &&
      g_strv_equal ((const char * const *)self->categories, categories))
    return;
  if (self->categories == NULL && categories == NULL)
    return;

  g_strfreev (self->categories);
  self->categories = g_strdupv ((char **)categories);
  relayout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORIES]);
}

/**
 * pcn_chart_get_category_model:
 * @self: a chart
 *
 * Returns: (transfer none) (nullable): the model the category labels come from
 */
GListModel *
pcn_chart_get_category_model (PcnChart *self)
{
  g_return_val_if_fail (PCN_IS_CHART (self), NULL);

  return self->category_model;
}

/**
 * pcn_chart_set_category_model:
 * @self: a chart
 * @model: (nullable): one item per category
 *
 * With a category expression, the labels are the expression evaluated on
 * each item (to a string), refreshed on items-changed.
 */
void
pcn_chart_set_category_model (PcnChart   *self,
                              GListModel *model)
{
  g_return_if_fail (PCN_IS_CHART (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->category_model == model)
    return;

  if (self->category_model != NULL)
    g_signal_handlers_disconnect_by_func (self->category_model,
                                          on_category_model_items_changed_cb, self);
  g_set_object (&self->category_model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed",
                             G_CALLBACK (on_category_model_items_changed_cb), self,
                             G_CONNECT_SWAPPED);

  relayout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_MODEL]);
}

/**
 * pcn_chart_get_category_expression:
 * @self: a chart
 *
 * Returns: (transfer none) (nullable): the expression giving each label
 */
GtkExpression *
pcn_chart_get_category_expression (PcnChart *self)
{
  g_return_val_if_fail (PCN_IS_CHART (self), NULL);

  return self->category_expression;
}

/**
 * pcn_chart_set_category_expression:
 * @self: a chart
 * @expression: (nullable): evaluated on each category item to its label
 */
void
pcn_chart_set_category_expression (PcnChart      *self,
                                   GtkExpression *expression)
{
  g_return_if_fail (PCN_IS_CHART (self));

  if (self->category_expression == expression)
    return;

  if (expression != NULL)
    gtk_expression_ref (expression);
  g_clear_pointer (&self->category_expression, gtk_expression_unref);
  self->category_expression = expression;

  relayout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY_EXPRESSION]);
}

/**
 * pcn_chart_get_n_categories:
 * @self: a chart
 *
 * Returns: how many categories are shown: the labels, or the longest
 *   series when that has more values
 */
guint
pcn_chart_get_n_categories (PcnChart *self)
{
  g_return_val_if_fail (PCN_IS_CHART (self), 0);

  return self->n_categories;
}

/**
 * pcn_chart_add_series:
 * @self: a chart
 * @series: a series not in a chart yet
 *
 * Adds @series after the others: later bar series stack on earlier ones of
 * the same stack group, and lines draw over bars.
 */
void
pcn_chart_add_series (PcnChart       *self,
                      PcnChartSeries *series)
{
  GtkWidget *layer;

  g_return_if_fail (PCN_IS_CHART (self));
  g_return_if_fail (PCN_IS_CHART_SERIES (series));
  g_return_if_fail (!g_ptr_array_find (self->series, series, NULL));

  g_ptr_array_add (self->series, g_object_ref (series));
  layer = create_layer (series);
  g_ptr_array_add (self->layers, layer);
  insert_layer (self, layer);

  g_signal_connect_object (series, "changed",
                           G_CALLBACK (on_series_changed_cb), self,
                           G_CONNECT_SWAPPED);

  relayout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

void
pcn_chart_remove_series (PcnChart       *self,
                         PcnChartSeries *series)
{
  guint index;

  g_return_if_fail (PCN_IS_CHART (self));
  g_return_if_fail (PCN_IS_CHART_SERIES (series));

  if (!g_ptr_array_find (self->series, series, &index))
    {
      g_critical ("%s: the series is not in this chart", G_STRFUNC);
      return;
    }

  g_signal_handlers_disconnect_by_func (series, on_series_changed_cb, self);
  gtk_widget_unparent (g_ptr_array_index (self->layers, index));
  g_ptr_array_remove_index (self->layers, index);
  g_ptr_array_remove_index (self->series, index);

  relayout (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

guint
pcn_chart_get_n_series (PcnChart *self)
{
  g_return_val_if_fail (PCN_IS_CHART (self), 0);

  return self->series->len;
}

/**
 * pcn_chart_get_series:
 * @self: a chart
 * @index: less than pcn_chart_get_n_series()
 *
 * Returns: (transfer none): the series at @index
 */
PcnChartSeries *
pcn_chart_get_series (PcnChart *self,
                      guint     index)
{
  g_return_val_if_fail (PCN_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->series->len, NULL);

  return g_ptr_array_index (self->series, index);
}

/**
 * pcn_chart_dup_summary:
 * @self: a chart
 *
 * The text summary of the data that is also the chart's accessible
 * description, e.g. "12 categories from Apr to Mar. In post: total …".
 *
 * Returns: (transfer full): the summary
 */
char *
pcn_chart_dup_summary (PcnChart *self)
{
  g_return_val_if_fail (PCN_IS_CHART (self), NULL);

  return g_strdup (self->summary);
}

/**
 * pcn_chart_save_png:
 * @self: a chart on screen (realized and allocated)
 * @path: the file to write
 * @error: return location for an error
 *
 * Renders the chart at its current size, with a margin, over the theme's
 * view background and writes it as a PNG.
 *
 * Returns: TRUE on success
 */
gboolean
pcn_chart_save_png (PcnChart    *self,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtkNative *native;
  GskRenderer *renderer;
  int width, height;

  g_return_val_if_fail (PCN_IS_CHART (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  native = gtk_widget_get_native (GTK_WIDGET (self));
  renderer = native != NULL ? gtk_native_get_renderer (native) : NULL;

  if (width <= 0 || height <= 0 || renderer == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The chart cannot be saved before it is shown"));
      return FALSE;
    }

  /* A margin of background all round, as the chart has on screen. */
  snapshot = gtk_snapshot_new ();
  gtk_snapshot_append_color (snapshot, &self->bg_color,
                             &GRAPHENE_RECT_INIT (0, 0, width + 2 * PNG_MARGIN,
                                                  height + 2 * PNG_MARGIN));
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PNG_MARGIN, PNG_MARGIN));
  _pcn_chart_snapshot_static (self, snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width + 2 * PNG_MARGIN,
                                                              height + 2 * PNG_MARGIN));
  bytes = gdk_texture_save_to_png_bytes (texture);

  if (!g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    {
      g_prefix_error (error, _("Could not save the chart: "));
      return FALSE;
    }

  return TRUE;
}

/* Private API, for the layers and the tests. */

const graphene_rect_t *
_pcn_chart_get_plot_area (PcnChart *self)
{
  g_return_val_if_fail (PCN_IS_CHART (self), NULL);

  return &self->plot;
}

void
_pcn_chart_get_category_area (PcnChart        *self,
                              guint            index,
                              graphene_rect_t *area)
{
  float band;

  g_return_if_fail (PCN_IS_CHART (self));
  g_return_if_fail (area != NULL);

  band = self->n_categories > 0 ? self->plot.size.width / self->n_categories : 0;
  *area = GRAPHENE_RECT_INIT (self->plot.origin.x + index * band, self->plot.origin.y,
                              band, self->plot.size.height);
}

float
_pcn_chart_get_y_for_fraction (PcnChart *self,
                               double    fraction)
{
  g_return_val_if_fail (PCN_IS_CHART (self), 0);

  return self->plot.origin.y + self->plot.size.height * (1.0 - fraction);
}

int
_pcn_chart_get_category_at (PcnChart *self,
                            double    x,
                            double    y)
{
  const graphene_rect_t *plot;
  int category_height, index;

  g_return_val_if_fail (PCN_IS_CHART (self), -1);

  plot = &self->plot;
  if (self->n_categories == 0 || plot->size.width <= 0)
    return -1;

  /* The category labels under the plot count as their category. */
  category_height = _pcn_axis_layer_get_category_height (PCN_AXIS_LAYER (self->axis));
  if (x < plot->origin.x || x >= plot->origin.x + plot->size.width ||
      y < plot->origin.y ||
      y >= plot->origin.y + plot->size.height + CATEGORY_LABEL_GAP + category_height)
    return -1;

  index = (int) floor ((x - plot->origin.x) / (plot->size.width / self->n_categories));
  return CLAMP (index, 0, (int)self->n_categories - 1);
}

int
_pcn_chart_get_hover_category (PcnChart *self)
{
  g_return_val_if_fail (PCN_IS_CHART (self), -1);

  return self->hover;
}

void
_pcn_chart_set_hover_category (PcnChart *self,
                               int       index)
{
  g_return_if_fail (PCN_IS_CHART (self));

  if (index >= (int)self->n_categories)
    index = -1;
  if (index < -1)
    index = -1;

  if (self->hover != index)
    {
      self->hover = index;
      /* Only the chart's overlay changes: the layers keep their nodes. */
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

const PcnChartScale *
_pcn_chart_get_scale (PcnChart *self)
{
  g_return_val_if_fail (PCN_IS_CHART (self), NULL);

  return &self->scale;
}

char *
_pcn_chart_dup_category_markup (PcnChart *self,
                                guint     index)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *title = NULL;
  g_autoptr(GHashTable) stacked = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean show_total = FALSE;
  double total = 0;

  g_return_val_if_fail (PCN_IS_CHART (self), NULL);
  g_return_val_if_fail (index < self->n_categories, NULL);

  title = g_markup_escape_text (get_label (self, index), -1);
  g_string_append_printf (out, "<b>%s</b>", title);

  for (guint s = 0; s < self->series->len; s++)
    {
      PcnChartSeries *series = g_ptr_array_index (self->series, s);
      GtkWidget *layer = g_ptr_array_index (self->layers, s);
      const GdkRGBA *color = _pcn_chart_layer_get_color (PCN_CHART_LAYER (layer));
      const char *group = pcn_chart_series_get_stack_group (series);
      double value = get_value (series, index);
      g_autofree char *value_text = pcn_chart_format_value (value, self->unit);
      g_autofree char *name = g_markup_escape_text (pcn_chart_series_get_title (series) ?: "", -1);
      g_autofree char *escaped = g_markup_escape_text (value_text, -1);

      g_string_append_printf (out,
                              "\n<span foreground=\"#%02x%02x%02x\">●</span> %s: <b>%s</b>",
                              (guint) lround (CLAMP (color->red, 0, 1) * 255),
                              (guint) lround (CLAMP (color->green, 0, 1) * 255),
                              (guint) lround (CLAMP (color->blue, 0, 1) * 255),
                              name, escaped);

      /* A total when two or more bars stack. */
      if (pcn_chart_series_get_kind (series) == PCN_CHART_SERIES_BAR && group != NULL)
        {
          if (g_hash_table_contains (stacked, group))
            show_total = TRUE;
          g_hash_table_add (stacked, (gpointer)group);
          if (isfinite (value))
            total += value;
        }
    }

  if (show_total && g_hash_table_size (stacked) == 1)
    {
      g_autofree char *total_text = pcn_chart_format_value (total, self->unit);
      g_autofree char *escaped = g_markup_escape_text (total_text, -1);

      g_string_append_c (out, '\n');
      /* Translators: the sum of stacked bars in a chart's tooltip; %s is
       * the amount. Keep the markup. */
      g_string_append_printf (out, _("Total: <b>%s</b>"), escaped);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

void
_pcn_chart_queue_draw_layers (PcnChart *self)
{
  g_return_if_fail (PCN_IS_CHART (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_queue_draw (child);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
_pcn_chart_snapshot_static (PcnChart    *self,
                            GtkSnapshot *snapshot)
{
  g_return_if_fail (PCN_IS_CHART (self));

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_widget_snapshot_child (GTK_WIDGET (self), child, snapshot);
}
