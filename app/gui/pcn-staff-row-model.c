/* pcn-staff-row-model.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pcn-staff-row-model.h"

/* Rows created or destroyed in one go. GTK 4.8 builds or tears down a
 * whole column-view row (a row widget, eight cells and their children)
 * for each position that appears or disappears among the ~200 it keeps
 * alive, about 0.3 ms a row here; 24 rows fill the view of a 1280x800 window. */
#define STEP 24
/* Positions from which on the column view keeps no rows while it shows
 * the top of the list (GTK_LIST_VIEW_MAX_LIST_ITEMS is 200): adding or
 * removing them costs almost nothing. */
#define NEAR 256

struct _PcnStaffRowModel
{
  GObject     parent_instance;

  GListModel *source;
  GPtrArray  *slots;      /* PcnStaffRowSlot; its length follows the source's */
  guint       resize_id;  /* idle: grows or shrinks the slots towards the source */
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
point_slots (PcnStaffRowModel *self,
             guint             from,
             guint             to)
{
  guint n = g_list_model_get_n_items (self->source);

  for (guint i = from; i < to; i++)
    {
      g_autoptr(PcnStaffRowItem) item = i < n ? g_list_model_get_item (self->source, i) : NULL;
      pcn_staff_row_slot_set_item (g_ptr_array_index (self->slots, i), item);
    }
}

/* One step of the slots' length towards the source's: returns TRUE when
 * there is more to do. Near the top, rows appear and disappear STEP at a
 * time, one step a frame, so that no frame waits for 200 rows to be built
 * or torn down; the rows in view are right from the first frame. */
static gboolean
resize_step (PcnStaffRowModel *self)
{
  guint len = self->slots->len;
  guint target = g_list_model_get_n_items (self->source);
  guint new_len;

  if (target > len)
    {
      new_len = MIN (target, len + STEP);
      if (new_len >= NEAR)
        new_len = target;
      while (self->slots->len < new_len)
        g_ptr_array_add (self->slots, pcn_staff_row_slot_new ());
      point_slots (self, len, new_len);
      g_list_model_items_changed (G_LIST_MODEL (self), len, 0, new_len - len);
    }
  else if (target < len)
    {
      /* Far positions have no rows: drop them at once. The rest go from
       * the end, STEP a frame; until then they show no one. */
      new_len = MAX (target, MIN (len, NEAR));
      if (new_len == len)
        new_len = len - MIN (len - target, STEP);
      g_ptr_array_remove_range (self->slots, new_len, len - new_len);
      g_list_model_items_changed (G_LIST_MODEL (self), new_len, len - new_len, 0);
    }

  return self->slots->len != g_list_model_get_n_items (self->source);
}

static gboolean
resize_idle_cb (gpointer user_data)
{
  PcnStaffRowModel *self = user_data;

  if (resize_step (self))
    return G_SOURCE_CONTINUE;
  self->resize_id = 0;
  return G_SOURCE_REMOVE;
}

static void
on_source_items_changed_cb (PcnStaffRowModel *self,
                            guint             position,
                            guint             removed,
                            guint             added,
                            GListModel       *source)
{
  guint target = g_list_model_get_n_items (source);
  guint keep = MIN (self->slots->len, target);

  /* Everything from @position on may have moved: point the slots in place
   * at their new items (the cells rebind their text), and those past the
   * new end at no one until they go. */
  if (position < keep)
    point_slots (self, position, keep);
  if (keep < self->slots->len)
    point_slots (self, keep, MIN (self->slots->len, MAX (target, NEAR)));

  /* After a frame's worth of work, leave the rest to an idle: it runs
   * once the frame is painted. */
  if (resize_step (self) && self->resize_id == 0)
    {
      self->resize_id = g_idle_add (resize_idle_cb, self);
      g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->resize_id),
                                "[pcn] staff row model resize");
    }
}

static void
pcn_staff_row_model_dispose (GObject *object)
{
  PcnStaffRowModel *self = (PcnStaffRowModel *) object;

  g_clear_handle_id (&self->resize_id, g_source_remove);
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
