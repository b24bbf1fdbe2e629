/* pcn-budget-month.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pcn-budget-month.h"

struct _PcnBudgetMonth
{
  GObject  parent_instance;

  char    *label;
  char    *long_label;
  gint64   in_post;
  gint64   planned;
  gint64   total;
  gint64   cumulative;
  double   allocation;
};

G_DEFINE_FINAL_TYPE (PcnBudgetMonth, pcn_budget_month, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_LONG_LABEL,
  PROP_IN_POST,
  PROP_PLANNED,
  PROP_TOTAL,
  PROP_CUMULATIVE,
  PROP_ALLOCATION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char *const short_months[] = {
  N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
  N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
};


static void
pcn_budget_month_finalize (GObject *object)
{
  PcnBudgetMonth *self = PCN_BUDGET_MONTH (object);

  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->long_label, g_free);
  G_OBJECT_CLASS (pcn_budget_month_parent_class)->finalize (object);
}

static void
pcn_budget_month_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PcnBudgetMonth *self = PCN_BUDGET_MONTH (object);

  switch (prop_id)
    {
    case PROP_LABEL: g_value_set_string (value, self->label); break;
    case PROP_LONG_LABEL: g_value_set_string (value, self->long_label); break;
    case PROP_IN_POST: g_value_set_int64 (value, self->in_post); break;
    case PROP_PLANNED: g_value_set_int64 (value, self->planned); break;
    case PROP_TOTAL: g_value_set_int64 (value, self->total); break;
    case PROP_CUMULATIVE: g_value_set_int64 (value, self->cumulative); break;
    case PROP_ALLOCATION: g_value_set_double (value, self->allocation); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_budget_month_class_init (PcnBudgetMonthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pcn_budget_month_finalize;
  object_class->get_property = pcn_budget_month_get_property;

  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, ro);
  properties[PROP_LONG_LABEL] = g_param_spec_string ("long-label", NULL, NULL, NULL, ro);
  properties[PROP_IN_POST] = g_param_spec_int64 ("in-post", NULL, NULL,
                                                 G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_PLANNED] = g_param_spec_int64 ("planned", NULL, NULL,
                                                 G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_TOTAL] = g_param_spec_int64 ("total", NULL, NULL,
                                               G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_CUMULATIVE] = g_param_spec_int64 ("cumulative", NULL, NULL,
                                                    G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_ALLOCATION] = g_param_spec_double ("allocation", NULL, NULL,
                                                     -G_MAXDOUBLE, G_MAXDOUBLE, 0, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pcn_budget_month_init (PcnBudgetMonth *self)
{
  self->allocation = NAN;
}

PcnBudgetMonth *
pcn_budget_month_new (const PcnLedgerMonth *month,
                      gint64                allocation_pence)
{
  PcnBudgetMonth *self;
  char buf[64];
  GDate date;

  g_return_val_if_fail (month != NULL, NULL);
  g_return_val_if_fail (month->month >= 1 && month->month <= 12, NULL);

  self = g_object_new (PCN_TYPE_BUDGET_MONTH, NULL);
  self->label = g_strdup (_(short_months[month->month - 1]));
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month->month, month->year);
  /* Translators: a month and year in the budget table, see strftime(3) */
  if (g_date_strftime (buf, sizeof buf, _("%b %Y"), &date) > 0)
    self->long_label = g_strdup (buf);
  else
    self->long_label = g_strdup_printf ("%04d-%02d", month->year, month->month);
  self->in_post = month->in_post_pence;
  self->planned = month->planned_pence;
  self->total = month->total_pence;
  self->cumulative = month->cumulative_pence;
  self->allocation = allocation_pence >= 0 ? (double) allocation_pence : NAN;
  return self;
}

const char *
pcn_budget_month_get_label (PcnBudgetMonth *self)
{
  g_return_val_if_fail (PCN_IS_BUDGET_MONTH (self), NULL);
  return self->label;
}

const char *
pcn_budget_month_get_long_label (PcnBudgetMonth *self)
{
  g_return_val_if_fail (PCN_IS_BUDGET_MONTH (self), NULL);
  return self->long_label;
}

gint64
pcn_budget_month_get_in_post (PcnBudgetMonth *self)
{
  g_return_val_if_fail (PCN_IS_BUDGET_MONTH (self), 0);
  return self->in_post;
}

gint64
pcn_budget_month_get_planned (PcnBudgetMonth *self)
{
  g_return_val_if_fail (PCN_IS_BUDGET_MONTH (self), 0);
  return self->planned;
}

gint64
pcn_budget_month_get_total (PcnBudgetMonth *self)
{
  g_return_val_if_fail (PCN_IS_BUDGET_MONTH (self), 0);
  return self->total;
}

gint64
pcn_budget_month_get_cumulative (PcnBudgetMonth *self)
{
  g_return_val_if_fail (PCN_IS_BUDGET_MONTH (self), 0);
  return self->cumulative;
}

double
pcn_budget_month_get_allocation (PcnBudgetMonth *self)
{
  g_return_val_if_fail (PCN_IS_BUDGET_MONTH (self), NAN);
  return self->allocation;
}
