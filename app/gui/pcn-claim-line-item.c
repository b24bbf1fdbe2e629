/* pcn-claim-line-item.c
 *
 * The properties are read-only and formatted on demand from the claim
 * line, which never changes: the page makes new items on every load.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-claim-line-item.h"
#include "pcn-values.h"

struct _PcnClaimLineItem
{
  GObject   parent_instance;

  PcnClaim *claim;
  guint     index;
};

G_DEFINE_FINAL_TYPE (PcnClaimLineItem, pcn_claim_line_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_PAYROLL_ID,
  PROP_ROLE,
  PROP_WTE,
  PROP_DAYS,
  PROP_ACTUAL,
  PROP_IS_ESTIMATE,
  PROP_MAX,
  PROP_CLAIM,
  PROP_WARNINGS,
  PROP_WARNINGS_FULL,
  PROP_WARNING_ICON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
format_days (const PcnClaimLine *line)
{
  /* Translators: days in post of the days in the month, e.g. "31 of 31" */
  return g_strdup_printf (_("%1$d of %2$d"), line->days_in_post, line->days_in_month);
}

/* Short enough for the table; the full sentence is the tooltip. */
static char *
describe_warnings_short (PcnClaimWarnings warnings)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (warnings & PCN_CLAIM_WARNING_NOT_CLAIMABLE)
    g_ptr_array_add (parts, _("Not claimable"));
  if (warnings & PCN_CLAIM_WARNING_NO_RATE)
    g_ptr_array_add (parts, _("No rate known — claims nothing until a rate is entered"));
  if (warnings & PCN_CLAIM_WARNING_NO_COST)
    g_ptr_array_add (parts, _("No payroll figure or salary — claims nothing"));
  if (warnings & PCN_CLAIM_WARNING_ESTIMATE)
    g_ptr_array_add (parts, _("No payroll figure — estimate used"));
  g_ptr_array_add (parts, NULL);
  /* Translators: between the warnings of one claim line */
  return g_strjoinv (_("; "), (char **) parts->pdata);
}

static const char *
warning_icon (const PcnClaimLine *line)
{
  if (line->warnings & (PCN_CLAIM_WARNING_NO_RATE | PCN_CLAIM_WARNING_NO_COST |
                        PCN_CLAIM_WARNING_NOT_CLAIMABLE))
    return "dialog-warning-symbolic";
  if (line->warnings & PCN_CLAIM_WARNING_ESTIMATE)
    return "dialog-information-symbolic";
  return NULL;
}

static void
pcn_claim_line_item_finalize (GObject *object)
{
  PcnClaimLineItem *self = PCN_CLAIM_LINE_ITEM (object);

  g_clear_pointer (&self->claim, pcn_claim_unref);
  G_OBJECT_CLASS (pcn_claim_line_item_parent_class)->finalize (object);
}

static void
pcn_claim_line_item_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PcnClaimLineItem *self = PCN_CLAIM_LINE_ITEM (object);
  const PcnClaimLine *line = pcn_claim_line_item_get_line (self);

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
    case PROP_WTE:
      g_value_take_string (value, pcn_wte_format (line->wte));
      break;
    case PROP_DAYS:
      g_value_take_string (value, format_days (line));
      break;
    case PROP_ACTUAL:
      if (line->warnings & PCN_CLAIM_WARNING_NO_COST)
        g_value_set_string (value, "—");
      else
        g_value_take_string (value, pcn_money_format (line->actual_pence));
      break;
    case PROP_IS_ESTIMATE:
      g_value_set_boolean (value, line->actual_is_estimate);
      break;
    case PROP_MAX:
      if (line->max_pence < 0)
        g_value_set_string (value, "—");
      else
        g_value_take_string (value, pcn_money_format (line->max_pence));
      break;
    case PROP_CLAIM:
      g_value_take_string (value, pcn_money_format (line->claim_pence));
      break;
    case PROP_WARNINGS:
      g_value_take_string (value, describe_warnings_short (line->warnings));
      break;
    case PROP_WARNINGS_FULL:
      g_value_take_string (value, pcn_claim_warnings_describe (line->warnings));
      break;
    case PROP_WARNING_ICON:
      g_value_set_string (value, warning_icon (line));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_claim_line_item_class_init (PcnClaimLineItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pcn_claim_line_item_finalize;
  object_class->get_property = pcn_claim_line_item_get_property;

#define STRING_PROP(id, name) \
  properties[id] = g_param_spec_string (name, NULL, NULL, NULL, \
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
  STRING_PROP (PROP_NAME, "name");
  STRING_PROP (PROP_PAYROLL_ID, "payroll-id");
  STRING_PROP (PROP_ROLE, "role");
  STRING_PROP (PROP_WTE, "wte");
  STRING_PROP (PROP_DAYS, "days");
  STRING_PROP (PROP_ACTUAL, "actual");
  STRING_PROP (PROP_MAX, "max");
  STRING_PROP (PROP_CLAIM, "claim");
  STRING_PROP (PROP_WARNINGS, "warnings");
  STRING_PROP (PROP_WARNINGS_FULL, "warnings-full");
  STRING_PROP (PROP_WARNING_ICON, "warning-icon");
#undef STRING_PROP
  properties[PROP_IS_ESTIMATE] = g_param_spec_boolean ("is-estimate", NULL, NULL, FALSE,
                                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pcn_claim_line_item_init (PcnClaimLineItem *self)
{
}

PcnClaimLineItem *
pcn_claim_line_item_new (PcnClaim *claim,
                         guint     index)
{
  PcnClaimLineItem *self;

  g_return_val_if_fail (claim != NULL, NULL);
  g_return_val_if_fail (index < pcn_claim_get_lines (claim)->len, NULL);

  self = g_object_new (PCN_TYPE_CLAIM_LINE_ITEM, NULL);
  self->claim = pcn_claim_ref (claim);
  self->index = index;
  return self;
}

const PcnClaimLine *
pcn_claim_line_item_get_line (PcnClaimLineItem *self)
{
  g_return_val_if_fail (PCN_IS_CLAIM_LINE_ITEM (self), NULL);

  return g_ptr_array_index (pcn_claim_get_lines (self->claim), self->index);
}
