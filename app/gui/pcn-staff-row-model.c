/* pcn-staff-row-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pcn-staff-row-model.h"

struct _PcnStaffRowModel
{
  GObject     parent_instance;

  GListModel *source;
  GPtrArray  *slots;    /* PcnStaffRowSlot, one per source item */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (PcnStaffRowModel, pcn_staff_row_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GType
get_item_type (GListModel *model)
{
  return PCN_TYPE_STAFF_ROW_SLOT;
}

static guint
get_n_items (GListModel *model)
{
  return PCN_STAFF_ROW_MODEL (model)->slots->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  PcnStaffRowModel *self = PCN_STAFF_ROW_MODEL (model);

  if (position >= self->slots->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->slots, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
on_source_items_changed_cb (PcnStaffRowModel *self,
                            guint             position,
                            guint             removed,
                            guint             added,
                            GListModel       *source)
{
  guint old_len = self->slots->len;
  guint new_len = old_len - removed + added;

  g_assert (new_len == g_list_model_get_n_items (source));

  if (new_len < old_len)
    g_ptr_array_remove_range (self->slots, new_len, old_len - new_len);
  while (self->slots->len < new_len)
    g_ptr_array_add (self->slots, pcn_staff_row_slot_new ());

  /* Everything from @position on may have moved: point the slots in place
   * at their items. Slots past the old end are new and bound afresh. */
  for (guint i = position; i < MIN (old_len, new_len); i++)
    {
      g_autoptr(PcnStaffRowItem) item = g_list_model_get_item (source, i);
      pcn_staff_row_slot_set_item (g_ptr_array_index (self->slots, i), item);
    }
  for (guint i = old_len; i < new_len; i++)
    {
      g_autoptr(PcnStaffRowItem) item = g_list_model_get_item (source, i);
      pcn_staff_row_slot_set_item (g_ptr_array_index (self->slots, i), item);
    }

  if (new_len > old_len)
    g_list_model_items_changed (G_LIST_MODEL (self), old_len, 0, new_len - old_len);
  else if (new_len < old_len)
    g_list_model_items_changed (G_LIST_MODEL (self), new_len, old_len - new_len, 0);
}

static void
pcn_staff_row_model_dispose (GObject *object)
{
  PcnStaffRowModel *self = (PcnStaffRowModel *) object;

  if (self->source != NULL)
    g_signal_handlers_disconnect_by_func (self->source, on_source_items_changed_cb, self);
  g_clear_object (&self->source);

  G_OBJECT_CLASS (pcn_staff_row_model_parent_class)->dispose (object);
}

static void
pcn_staff_row_model_finalize (GObject *object)
{
  PcnStaffRowModel *self = (PcnStaffRowModel *) object;

  g_clear_pointer (&self->slots, g_ptr_array_unref);
  G_OBJECT_CLASS (pcn_staff_row_model_parent_class)->finalize (object);
}

static void
pcn_staff_row_model_class_init (PcnStaffRowModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pcn_staff_row_model_dispose;
  object_class->finalize = pcn_staff_row_model_finalize;
}

static void
pcn_staff_row_model_init (PcnStaffRowModel *self)
{
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * pcn_staff_row_model_new:
 * @source: (transfer none): a model of PcnStaffRowItem
 */
PcnStaffRowModel *
pcn_staff_row_model_new (GListModel *source)
{
  PcnStaffRowModel *self;
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (source), NULL);

  self = g_object_new (PCN_TYPE_STAFF_ROW_MODEL, NULL);
  self->source = g_object_ref (source);
  g_signal_connect_object (source, "items-changed", G_CALLBACK (on_source_items_changed_cb),
                           self, G_CONNECT_SWAPPED);

  n = g_list_model_get_n_items (source);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcnStaffRowItem) item = g_list_model_get_item (source, i);
      PcnStaffRowSlot *slot = pcn_staff_row_slot_new ();

      pcn_staff_row_slot_set_item (slot, item);
      g_ptr_array_add (self->slots, slot);
    }
  return self;
}

GListModel *
pcn_staff_row_model_get_source (PcnStaffRowModel *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_ROW_MODEL (self), NULL);
  return self->source;
}
