/* pcn-claim-backpay-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-claim-backpay-item.h"
#include "pcn-values.h"

struct _PcnClaimBackpayItem
{
  GObject     parent_instance;

  PcnBackpay *backpay;
  guint       index;
};

G_DEFINE_FINAL_TYPE (PcnClaimBackpayItem, pcn_claim_backpay_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PAYROLL_ID,
  PROP_ROLE,
  PROP_MONTH,
  PROP_CLAIMED,
  PROP_CLAIMABLE,
  PROP_DIFFERENCE,
  PROP_DIFFERENCE_CLASS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

char *
pcn_claim_format_signed_money (gint64 pence)
{
  g_autofree char *abs = pcn_money_format (pence < 0 ? -pence : pence);

  if (pence < 0)
    /* Translators: a negative amount of money, e.g. "−£12.34" */
    return g_strdup_printf (_("−%s"), abs);
  return g_steal_pointer (&abs);
}

static char *
format_month (int year,
              int month)
{
  GDate date;
  char buf[64];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, year);
  /* Translators: a month and year, see strftime(3) */
  if (g_date_strftime (buf, sizeof buf, _("%B %Y"), &date) == 0)
    return g_strdup_printf ("%04d-%02d", year, month);
  return g_strdup (buf);
}

static void
pcn_claim_backpay_item_finalize (GObject *object)
{
  PcnClaimBackpayItem *self = PCN_CLAIM_BACKPAY_ITEM (object);

  g_clear_pointer (&self->backpay, pcn_backpay_unref);
  G_OBJECT_CLASS (pcn_claim_backpay_item_parent_class)->finalize (object);
}

static void
pcn_claim_backpay_item_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PcnClaimBackpayItem *self = PCN_CLAIM_BACKPAY_ITEM (object);
  const PcnBackpayLine *line = pcn_claim_backpay_item_get_line (self);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, line->name);
      break;
    case PROP_PAYROLL_ID:
      g_value_set_string (value, line->payroll_id != NULL ? line->payroll_id : "");
      break;
    case PROP_ROLE:
      g_value_set_string (value, line->role_name != NULL ? line->role_name : line->role_code);
      break;
    case PROP_MONTH:
      g_value_take_string (value, format_month (line->year, line->month));
      break;
    case PROP_CLAIMED:
      g_value_take_string (value, pcn_money_format (line->claimed_pence));
      break;
    case PROP_CLAIMABLE:
      g_value_take_string (value, pcn_money_format (line->claimable_pence));
      break;
    case PROP_DIFFERENCE:
      g_value_take_string (value, pcn_claim_format_signed_money (line->difference_pence));
      break;
    case PROP_DIFFERENCE_CLASS:
      g_value_set_string (value, line->difference_pence < 0 ? "error" : "success");
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_claim_backpay_item_class_init (PcnClaimBackpayItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pcn_claim_backpay_item_finalize;
  object_class->get_property = pcn_claim_backpay_item_get_property;

#define STRING_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, \
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  STRING_PROP (PROP_NAME, "name");
  STRING_PROP (PROP_PAYROLL_ID, "payroll-id");
  STRING_PROP (PROP_ROLE, "role");
  STRING_PROP (PROP_MONTH, "month");
  STRING_PROP (PROP_CLAIMED, "claimed");
  STRING_PROP (PROP_CLAIMABLE, "claimable");
  STRING_PROP (PROP_DIFFERENCE, "difference");
  STRING_PROP (PROP_DIFFERENCE_CLASS, "difference-class");
#undef STRING_PROP

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pcn_claim_backpay_item_init (PcnClaimBackpayItem *self)
{
}

PcnClaimBackpayItem *
pcn_claim_backpay_item_new (PcnBackpay *backpay,
                            guint       index)
{
  PcnClaimBackpayItem *self;

  g_return_val_if_fail (backpay != NULL, NULL);
  g_return_val_if_fail (index < pcn_backpay_get_lines (backpay)->len, NULL);

  self = g_object_new (PCN_TYPE_CLAIM_BACKPAY_ITEM, NULL);
  self->backpay = pcn_backpay_ref (backpay);
  self->index = index;
  return self;
}

const PcnBackpayLine *
pcn_claim_backpay_item_get_line (PcnClaimBackpayItem *self)
{
  g_return_val_if_fail (PCN_IS_CLAIM_BACKPAY_ITEM (self), NULL);

  return g_ptr_array_index (pcn_backpay_get_lines (self->backpay), self->index);
}
