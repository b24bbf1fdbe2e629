/* pcn-chart-series.c
 *
 * The series keeps its values in a GArray of doubles, refilled from the
 * model on items-changed, and emits "changed" after any change that alters
 * what the chart draws. The chart recomputes its layout from that signal;
 * nothing here knows about pixels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pcn-chart-series.h"

struct _PcnChartSeries
{
  GObject             parent_instance;

  char               *title;
  char               *stack_group;
  char               *color_class;
  GArray             *values;      /* double */
  GListModel         *model;
  GtkExpression      *expression;
  PcnChartSeriesKind  kind;
  guint               dashed : 1;
};

G_DEFINE_FINAL_TYPE (PcnChartSeries, pcn_chart_series, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PcnChartSeriesKind, pcn_chart_series_kind,
                    G_DEFINE_ENUM_VALUE (PCN_CHART_SERIES_BAR, "bar"),
                    G_DEFINE_ENUM_VALUE (PCN_CHART_SERIES_LINE, "line"))

enum {
  PROP_0,
  PROP_TITLE,
  PROP_KIND,
  PROP_STACK_GROUP,
  PROP_COLOR_CLASS,
  PROP_DASHED,
  PROP_MODEL,
  PROP_EXPRESSION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* g_set_str() is GLib 2.76. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static double
evaluate_item (GtkExpression *expression,
               gpointer       item)
{
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) number = G_VALUE_INIT;

  if (!gtk_expression_evaluate (expression, item, &value))
    return NAN;

  g_value_init (&number, G_TYPE_DOUBLE);
  if (!g_value_transform (&value, &number))
    return NAN;

  return g_value_get_double (&number);
}

static void
reload_from_model (PcnChartSeries *self)
{
  guint n;

  g_assert (PCN_IS_CHART_SERIES (self));

  if (self->model == NULL || self->expression == NULL)
    return;

  n = g_list_model_get_n_items (self->model);
  g_array_set_size (self->values, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (self->model, i);
      g_array_index (self->values, double, i) = evaluate_item (self->expression, item);
    }
}

static void
on_model_items_changed_cb (PcnChartSeries *self,
                           guint           position,
                           guint           removed,
                           guint           added,
                           GListModel     *model)
{
  g_assert (PCN_IS_CHART_SERIES (self));

  reload_from_model (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
pcn_chart_series_dispose (GObject *object)
{
  PcnChartSeries *self = (PcnChartSeries *)object;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);
  g_clear_object (&self->model);
  g_clear_pointer (&self->expression, gtk_expression_unref);

  G_OBJECT_CLASS (pcn_chart_series_parent_class)->dispose (object);
}

static void
pcn_chart_series_finalize (GObject *object)
{
  PcnChartSeries *self = (PcnChartSeries *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->stack_group, g_free);
  g_clear_pointer (&self->color_class, g_free);
  g_clear_pointer (&self->values, g_array_unref);

  G_OBJECT_CLASS (pcn_chart_series_parent_class)->finalize (object);
}

static void
pcn_chart_series_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PcnChartSeries *self = PCN_CHART_SERIES (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_STACK_GROUP:
      g_value_set_string (value, self->stack_group);
      break;

    case PROP_COLOR_CLASS:
      g_value_set_string (value, self->color_class);
      break;

    case PROP_DASHED:
      g_value_set_boolean (value, self->dashed);
      break;

    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    case PROP_EXPRESSION:
      gtk_value_set_expression (value, self->expression);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_chart_series_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PcnChartSeries *self = PCN_CHART_SERIES (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      pcn_chart_series_set_title (self, g_value_get_string (value));
      break;

    case PROP_KIND:
      pcn_chart_series_set_kind (self, g_value_get_enum (value));
      break;

    case PROP_STACK_GROUP:
      pcn_chart_series_set_stack_group (self, g_value_get_string (value));
      break;

    case PROP_COLOR_CLASS:
      pcn_chart_series_set_color_class (self, g_value_get_string (value));
      break;

    case PROP_DASHED:
      pcn_chart_series_set_dashed (self, g_value_get_boolean (value));
      break;

    case PROP_MODEL:
      pcn_chart_series_set_model (self, g_value_get_object (value));
      break;

    case PROP_EXPRESSION:
      pcn_chart_series_set_expression (self, gtk_value_get_expression (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_chart_series_class_init (PcnChartSeriesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pcn_chart_series_dispose;
  object_class->finalize = pcn_chart_series_finalize;
  object_class->get_property = pcn_chart_series_get_property;
  object_class->set_property = pcn_chart_series_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       PCN_TYPE_CHART_SERIES_KIND, PCN_CHART_SERIES_BAR,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* Bar series with the same stack group stack in one bar; each other
   * group (and each series without one) gets a bar of its own beside it. */
  properties[PROP_STACK_GROUP] =
    g_param_spec_string ("stack-group", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* A CSS class whose `color` (set in style.css from the theme's named
   * colours) paints the series: accent, accent-soft, success, warning,
   * error, neutral. */
  properties[PROP_COLOR_CLASS] =
    g_param_spec_string ("color-class", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_DASHED] =
    g_param_spec_boolean ("dashed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_EXPRESSION] =
    gtk_param_spec_expression ("expression", NULL, NULL,
                               G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PcnChartSeries::changed:
   *
   * Emitted after the values or anything the chart draws changed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
pcn_chart_series_init (PcnChartSeries *self)
{
  self->values = g_array_new (FALSE, TRUE, sizeof (double));
}

/**
 * pcn_chart_series_new:
 * @title: (nullable): the name shown in the legend, tooltip and summary
 * @kind: bars or a line
 *
 * Returns: (transfer full): a new series with no values
 */
PcnChartSeries *
pcn_chart_series_new (const char         *title,
                      PcnChartSeriesKind  kind)
{
  return g_object_new (PCN_TYPE_CHART_SERIES,
                       "title", title,
                       "kind", kind,
                       NULL);
}

const char *
pcn_chart_series_get_title (PcnChartSeries *self)
{
  g_return_val_if_fail (PCN_IS_CHART_SERIES (self), NULL);

  return self->title;
}

void
pcn_chart_series_set_title (PcnChartSeries *self,
                            const char     *title)
{
  g_return_if_fail (PCN_IS_CHART_SERIES (self));

  if (set_string (&self->title, title))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

PcnChartSeriesKind
pcn_chart_series_get_kind (PcnChartSeries *self)
{
  g_return_val_if_fail (PCN_IS_CHART_SERIES (self), PCN_CHART_SERIES_BAR);

  return self->kind;
}

void
pcn_chart_series_set_kind (PcnChartSeries     *self,
                           PcnChartSeriesKind  kind)
{
  g_return_if_fail (PCN_IS_CHART_SERIES (self));
  g_return_if_fail (kind == PCN_CHART_SERIES_BAR || kind == PCN_CHART_SERIES_LINE);

  if (self->kind != kind)
    {
      self->kind = kind;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

const char *
pcn_chart_series_get_stack_group (PcnChartSeries *self)
{
  g_return_val_if_fail (PCN_IS_CHART_SERIES (self), NULL);

  return self->stack_group;
}

void
pcn_chart_series_set_stack_group (PcnChartSeries *self,
                                  const char     *stack_group)
{
  g_return_if_fail (PCN_IS_CHART_SERIES (self));

  if (set_string (&self->stack_group, stack_group))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STACK_GROUP]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

const char *
pcn_chart_series_get_color_class (PcnChartSeries *self)
{
  g_return_val_if_fail (PCN_IS_CHART_SERIES (self), NULL);

  return self->color_class;
}

void
pcn_chart_series_set_color_class (PcnChartSeries *self,
                                  const char     *color_class)
{
  g_return_if_fail (PCN_IS_CHART_SERIES (self));

  if (set_string (&self->color_class, color_class))
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COLOR_CLASS]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

gboolean
pcn_chart_series_get_dashed (PcnChartSeries *self)
{
  g_return_val_if_fail (PCN_IS_CHART_SERIES (self), FALSE);

  return self->dashed;
}

void
pcn_chart_series_set_dashed (PcnChartSeries *self,
                             gboolean        dashed)
{
  g_return_if_fail (PCN_IS_CHART_SERIES (self));

  dashed = !!dashed;
  if (self->dashed != dashed)
    {
      self->dashed = dashed;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DASHED]);
      g_signal_emit (self, signals[CHANGED], 0);
    }
}

/**
 * pcn_chart_series_get_values:
 * @self: a series
 * @n_values: (out) (optional): how many values there are
 *
 * Returns: (array length=n_values) (transfer none): the values, one per
 *   category; valid until the series next changes
 */
const double *
pcn_chart_series_get_values (PcnChartSeries *self,
                             guint          *n_values)
{
  g_return_val_if_fail (PCN_IS_CHART_SERIES (self), NULL);

  if (n_values != NULL)
    *n_values = self->values->len;
  return (const double *)(gpointer)self->values->data;
}

/**
 * pcn_chart_series_get_value:
 * @self: a series
 * @index: a category
 *
 * Returns: the value for category @index, NaN when it has none
 */
double
pcn_chart_series_get_value (PcnChartSeries *self,
                            guint           index)
{
  g_return_val_if_fail (PCN_IS_CHART_SERIES (self), NAN);

  if (index >= self->values->len)
    return NAN;
  return g_array_index (self->values, double, index);
}

/**
 * pcn_chart_series_set_values:
 * @self: a series
 * @values: (array length=n_values) (nullable): one value per category
 * @n_values: how many
 *
 * Replaces the values. A series fed from a model ignores this until its
 * model is unset.
 */
void
pcn_chart_series_set_values (PcnChartSeries *self,
                             const double   *values,
                             guint           n_values)
{
  g_return_if_fail (PCN_IS_CHART_SERIES (self));
  g_return_if_fail (values != NULL || n_values == 0);

  if (self->model != NULL && self->expression != NULL)
    {
      g_warning ("PcnChartSeries “%s” takes its values from a model", self->title);
      return;
    }

  g_array_set_size (self->values, 0);
  g_array_append_vals (self->values, values, n_values);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * pcn_chart_series_get_model:
 * @self: a series
 *
 * Returns: (transfer none) (nullable): the model the values come from
 */
GListModel *
pcn_chart_series_get_model (PcnChartSeries *self)
{
  g_return_val_if_fail (PCN_IS_CHART_SERIES (self), NULL);

  return self->model;
}

/**
 * pcn_chart_series_get_expression:
 * @self: a series
 *
 * Returns: (transfer none) (nullable): the expression giving each item's value
 */
GtkExpression *
pcn_chart_series_get_expression (PcnChartSeries *self)
{
  g_return_val_if_fail (PCN_IS_CHART_SERIES (self), NULL);

  return self->expression;
}

/**
 * pcn_chart_series_set_model:
 * @self: a series
 * @model: (nullable): items, one per category
 *
 * With an expression set too, the values are the expression evaluated on
 * each item, refreshed on every items-changed.
 */
void
pcn_chart_series_set_model (PcnChartSeries *self,
                            GListModel     *model)
{
  g_return_if_fail (PCN_IS_CHART_SERIES (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, on_model_items_changed_cb, self);

  g_set_object (&self->model, model);

  if (model != NULL)
    g_signal_connect_object (model, "items-changed",
                             G_CALLBACK (on_model_items_changed_cb), self,
                             G_CONNECT_SWAPPED);

  reload_from_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  g_signal_emit (self, signals[CHANGED], 0);
}

/**
 * pcn_chart_series_set_expression:
 * @self: a series
 * @expression: (nullable): evaluated on each model item to a number
 */
void
pcn_chart_series_set_expression (PcnChartSeries *self,
                                 GtkExpression  *expression)
{
  g_return_if_fail (PCN_IS_CHART_SERIES (self));

  if (self->expression == expression)
    return;

  if (expression != NULL)
    gtk_expression_ref (expression);
  g_clear_pointer (&self->expression, gtk_expression_unref);
  self->expression = expression;

  reload_from_model (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPRESSION]);
  g_signal_emit (self, signals[CHANGED], 0);
}
