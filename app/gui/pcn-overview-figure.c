/* pcn-overview-figure.c — one category of an Overview chart
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pcn-overview-figure.h"

struct _PcnOverviewFigure
{
  GObject  parent_instance;

  char    *label;
  double   values[PCN_OVERVIEW_FIGURE_MAX_VALUES];
};

G_DEFINE_FINAL_TYPE (PcnOverviewFigure, pcn_overview_figure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pcn_overview_figure_finalize (GObject *object)
{
  PcnOverviewFigure *self = PCN_OVERVIEW_FIGURE (object);

  g_clear_pointer (&self->label, g_free);
  G_OBJECT_CLASS (pcn_overview_figure_parent_class)->finalize (object);
}

static void
pcn_overview_figure_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PcnOverviewFigure *self = PCN_OVERVIEW_FIGURE (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_overview_figure_class_init (PcnOverviewFigureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pcn_overview_figure_finalize;
  object_class->get_property = pcn_overview_figure_get_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pcn_overview_figure_init (PcnOverviewFigure *self)
{
  for (guint i = 0; i < PCN_OVERVIEW_FIGURE_MAX_VALUES; i++)
    self->values[i] = NAN;
}

PcnOverviewFigure *
pcn_overview_figure_new (const char   *label,
                         const double *values,
                         guint         n_values)
{
  PcnOverviewFigure *self;

  g_return_val_if_fail (label != NULL, NULL);
  g_return_val_if_fail (n_values <= PCN_OVERVIEW_FIGURE_MAX_VALUES, NULL);
  g_return_val_if_fail (n_values == 0 || values != NULL, NULL);

  self = g_object_new (PCN_TYPE_OVERVIEW_FIGURE, NULL);
  self->label = g_strdup (label);
  for (guint i = 0; i < n_values; i++)
    self->values[i] = values[i];
  return self;
}

const char *
pcn_overview_figure_get_label (PcnOverviewFigure *self)
{
  g_return_val_if_fail (PCN_IS_OVERVIEW_FIGURE (self), NULL);

  return self->label;
}

double
pcn_overview_figure_get_value (PcnOverviewFigure *self,
                               guint              index)
{
  g_return_val_if_fail (PCN_IS_OVERVIEW_FIGURE (self), NAN);

  if (index >= PCN_OVERVIEW_FIGURE_MAX_VALUES)
    return NAN;
  return self->values[index];
}
