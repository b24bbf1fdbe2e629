/* pcn-staff-row-slot.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pcn-staff-row-slot.h"

struct _PcnStaffRowSlot
{
  GObject          parent_instance;
  PcnStaffRowItem *item;
};

G_DEFINE_FINAL_TYPE (PcnStaffRowSlot, pcn_staff_row_slot, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pcn_staff_row_slot_dispose (GObject *object)
{
  PcnStaffRowSlot *self = (PcnStaffRowSlot *) object;

  g_clear_object (&self->item);
  G_OBJECT_CLASS (pcn_staff_row_slot_parent_class)->dispose (object);
}

static void
pcn_staff_row_slot_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PcnStaffRowSlot *self = PCN_STAFF_ROW_SLOT (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_staff_row_slot_class_init (PcnStaffRowSlotClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pcn_staff_row_slot_dispose;
  object_class->get_property = pcn_staff_row_slot_get_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, PCN_TYPE_STAFF_ROW_ITEM,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pcn_staff_row_slot_init (PcnStaffRowSlot *self)
{
}

PcnStaffRowSlot *
pcn_staff_row_slot_new (void)
{
  return g_object_new (PCN_TYPE_STAFF_ROW_SLOT, NULL);
}

PcnStaffRowItem *
pcn_staff_row_slot_get_item (PcnStaffRowSlot *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_ROW_SLOT (self), NULL);
  return self->item;
}

void
pcn_staff_row_slot_set_item (PcnStaffRowSlot *self,
                             PcnStaffRowItem *item)
{
  g_return_if_fail (PCN_IS_STAFF_ROW_SLOT (self));

  if (g_set_object (&self->item, item))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
