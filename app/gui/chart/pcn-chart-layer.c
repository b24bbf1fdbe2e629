/* pcn-chart-layer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pcn-chart-layer-private.h"

typedef struct
{
  PcnChartSeries *series;
  GdkRGBA         color;
} PcnChartLayerPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (PcnChartLayer, pcn_chart_layer, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SERIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pcn_chart_layer_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  PcnChartLayer *self = (PcnChartLayer *)widget;
  PcnChartLayerPrivate *priv = pcn_chart_layer_get_instance_private (self);

  GTK_WIDGET_CLASS (pcn_chart_layer_parent_class)->css_changed (widget, change);

  /* gtk_widget_get_color() is 4.10; the style context is the 4.8 way. */
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &priv->color);
G_GNUC_END_IGNORE_DEPRECATIONS

  gtk_widget_queue_draw (widget);
}

static void
pcn_chart_layer_dispose (GObject *object)
{
  PcnChartLayer *self = (PcnChartLayer *)object;
  PcnChartLayerPrivate *priv = pcn_chart_layer_get_instance_private (self);

  g_clear_object (&priv->series);

  G_OBJECT_CLASS (pcn_chart_layer_parent_class)->dispose (object);
}

static void
pcn_chart_layer_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PcnChartLayer *self = PCN_CHART_LAYER (object);
  PcnChartLayerPrivate *priv = pcn_chart_layer_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SERIES:
      g_value_set_object (value, priv->series);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_chart_layer_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PcnChartLayer *self = PCN_CHART_LAYER (object);
  PcnChartLayerPrivate *priv = pcn_chart_layer_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_SERIES:
      g_set_object (&priv->series, g_value_get_object (value));
      _pcn_chart_layer_sync_series (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_chart_layer_class_init (PcnChartLayerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_chart_layer_dispose;
  object_class->get_property = pcn_chart_layer_get_property;
  object_class->set_property = pcn_chart_layer_set_property;

  widget_class->css_changed = pcn_chart_layer_css_changed;

  properties[PROP_SERIES] =
    g_param_spec_object ("series", NULL, NULL, PCN_TYPE_CHART_SERIES,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The chart's text alternative is its own; layers are presentation. */
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_PRESENTATION);
}

static void
pcn_chart_layer_init (PcnChartLayer *self)
{
  PcnChartLayerPrivate *priv = pcn_chart_layer_get_instance_private (self);

  priv->color = (GdkRGBA) { 0.5, 0.5, 0.5, 1 };
  gtk_widget_set_can_target (GTK_WIDGET (self), FALSE);
  gtk_widget_set_can_focus (GTK_WIDGET (self), FALSE);
}

PcnChart *
_pcn_chart_layer_get_chart (PcnChartLayer *self)
{
  GtkWidget *parent;

  g_return_val_if_fail (PCN_IS_CHART_LAYER (self), NULL);

  parent = gtk_widget_get_parent (GTK_WIDGET (self));
  return PCN_IS_CHART (parent) ? PCN_CHART (parent) : NULL;
}

PcnChartSeries *
_pcn_chart_layer_get_series (PcnChartLayer *self)
{
  PcnChartLayerPrivate *priv = pcn_chart_layer_get_instance_private (self);

  g_return_val_if_fail (PCN_IS_CHART_LAYER (self), NULL);

  return priv->series;
}

const GdkRGBA *
_pcn_chart_layer_get_color (PcnChartLayer *self)
{
  PcnChartLayerPrivate *priv = pcn_chart_layer_get_instance_private (self);

  g_return_val_if_fail (PCN_IS_CHART_LAYER (self), NULL);

  return &priv->color;
}

/* Gives the layer the series' colour class (and only that one), so the
 * CSS restyles it and css_changed picks up the new colour. */
void
_pcn_chart_layer_sync_series (PcnChartLayer *self)
{
  PcnChartLayerPrivate *priv = pcn_chart_layer_get_instance_private (self);
  const char *color_class;
  const char *classes[2] = { NULL, NULL };

  g_return_if_fail (PCN_IS_CHART_LAYER (self));

  if (priv->series == NULL)
    return;

  color_class = pcn_chart_series_get_color_class (priv->series);
  if (color_class != NULL && *color_class != '\0')
    {
      if (gtk_widget_has_css_class (GTK_WIDGET (self), color_class))
        return;
      classes[0] = color_class;
    }
  gtk_widget_set_css_classes (GTK_WIDGET (self), classes);
}
