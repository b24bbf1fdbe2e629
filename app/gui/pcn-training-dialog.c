/* pcn-training-dialog.c — add a training or pathway item, or mark one done
 *
 * The fields are read here with pcn_date_parse before anything is
 * written: the faulty one gets the "error" style class, the accessible
 * INVALID state and the message as its description, and the message shows
 * above the form. Then the core's validation and the store's, on the
 * store's worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-training-dialog.h"

struct _PcnTrainingDialog
{
  AdwWindow            parent_instance;

  /* template */
  GtkSpinner          *spinner;
  GtkLabel            *error_label;
  AdwPreferencesGroup *item_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *due_row;
  AdwEntryRow         *completed_row;

  PcnStore            *store;
  PcnStaff            *staff;
  PcnTrainingItem     *item;        /* the item edited; NULL: a new one */
  GCancellable        *cancellable;
  GtkWidget           *invalid;
  GDate                as_at;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (PcnTrainingDialog, pcn_training_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_error (PcnTrainingDialog *self)
{
  if (self->invalid != NULL)
    {
      gtk_widget_remove_css_class (self->invalid, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->invalid), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->invalid),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      self->invalid = NULL;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_error (PcnTrainingDialog *self,
            GtkWidget         *row,
            const char        *message)
{
  clear_error (self);
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row == NULL)
    return;

  self->invalid = row;
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  gtk_widget_grab_focus (row);
}

static void
set_busy (PcnTrainingDialog *self,
          gboolean           busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "training.save", !busy);
}

/* ------------------------------------------------------------ saving */

typedef struct
{
  PcnTrainingItem *item;
  GDate            as_at;
  gboolean         update;
} SaveData;

static void
save_data_free (SaveData *data)
{
  pcn_training_item_free (data->item);
  g_free (data);
}

static gpointer
save_func (PcnStore  *store,
           gpointer   user_data,
           GError   **error)
{
  SaveData *data = user_data;
  gboolean ok = data->update
    ? pcn_store_update_training_item (store, data->item, &data->as_at, error)
    : pcn_store_add_training_item (store, data->item, &data->as_at, error);

  return ok ? pcn_training_item_copy (data->item) : NULL;
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PcnTrainingDialog) self = user_data;
  g_autoptr(PcnTrainingItem) item = NULL;
  g_autoptr(GError) error = NULL;

  item = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (item == NULL)
    {
      g_warning ("Cannot save the training item: %s", error->message);
      show_error (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, item);
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  return g_strdup (g_strstrip (text));
}

/* An empty field is no date (*out_iso NULL). */
static gboolean
read_date (PcnTrainingDialog  *self,
           AdwEntryRow        *row,
           char              **out_iso,
           GDate              *out_date)
{
  g_autofree char *text = entry_text (row);
  g_autoptr(GError) error = NULL;

  *out_iso = NULL;
  if (text[0] == '\0')
    return TRUE;
  if (!pcn_date_parse (text, out_date, &error))
    {
      show_error (self, GTK_WIDGET (row), error->message);
      return FALSE;
    }
  *out_iso = pcn_date_to_iso (out_date);
  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PcnTrainingDialog *self = PCN_TRAINING_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnTrainingItem) item = NULL;
  g_autofree char *name = entry_text (self->name_row);
  g_autofree char *due = NULL;
  g_autofree char *completed = NULL;
  SaveData *data;
  GDate due_date, completed_date;

  if (self->busy)
    return;
  clear_error (self);

  if (name[0] == '\0')
    {
      show_error (self, GTK_WIDGET (self->name_row), _("Enter the name of the training or pathway item"));
      return;
    }
  if (!read_date (self, self->due_row, &due, &due_date) ||
      !read_date (self, self->completed_row, &completed, &completed_date))
    return;
  if (completed != NULL && g_date_compare (&completed_date, &self->as_at) > 0)
    {
      g_autofree char *as_at = pcn_date_format_display (&self->as_at);
      g_autofree char *message = NULL;

      /* Translators: %s is the as-at date */
      message = g_strdup_printf (_("An item cannot be done in the future: choose a date on or before %s"),
                                 as_at);
      show_error (self, GTK_WIDGET (self->completed_row), message);
      return;
    }

  item = self->item != NULL ? pcn_training_item_copy (self->item) : pcn_training_item_new ();
  item->staff_id = pcn_staff_get_id (self->staff);
  g_free (item->name);
  item->name = g_steal_pointer (&name);
  g_free (item->due_date);
  item->due_date = g_steal_pointer (&due);
  g_free (item->completed_on);
  item->completed_on = g_steal_pointer (&completed);
  if (!pcn_training_item_validate (item, &self->as_at, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->item = g_steal_pointer (&item);
  data->as_at = self->as_at;
  data->update = self->item != NULL;
  set_busy (self, TRUE);
  pcn_store_run_async (self->store, save_func, data, (GDestroyNotify) save_data_free,
                       (GDestroyNotify) pcn_training_item_free, self->cancellable,
                       on_save_done_cb, g_object_ref (self));
}

/* ------------------------------------------------------------ GObject */

static void
pcn_training_dialog_dispose (GObject *object)
{
  PcnTrainingDialog *self = PCN_TRAINING_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->invalid = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_TRAINING_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  g_clear_pointer (&self->item, pcn_training_item_free);

  G_OBJECT_CLASS (pcn_training_dialog_parent_class)->dispose (object);
}

static void
pcn_training_dialog_class_init (PcnTrainingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_training_dialog_dispose;

  /**
   * PcnTrainingDialog::saved:
   * @item: (type gpointer): the PcnTrainingItem as stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pcn-training-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PcnTrainingDialog, name)
  BIND (spinner);
  BIND (error_label);
  BIND (item_group);
  BIND (name_row);
  BIND (due_row);
  BIND (completed_row);
#undef BIND

  gtk_widget_class_install_action (widget_class, "training.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "training.save", NULL);
}

static void
pcn_training_dialog_init (PcnTrainingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->as_at, 1);
}

/* ------------------------------------------------------------ public */

PcnTrainingDialog *
pcn_training_dialog_new (PcnStore              *store,
                         PcnStaff              *staff,
                         const PcnTrainingItem *item,
                         gboolean               mark_done,
                         const GDate           *as_at)
{
  PcnTrainingDialog *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (PCN_IS_STORE (store), NULL);
  g_return_val_if_fail (PCN_IS_STAFF (staff), NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  self = g_object_new (PCN_TYPE_TRAINING_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->staff = g_object_ref (staff);
  self->as_at = *as_at;

  description = g_strdup (pcn_staff_get_name (staff));
  adw_preferences_group_set_description (self->item_group, description);
  if (item != NULL)
    {
      self->item = pcn_training_item_copy (item);
      gtk_window_set_title (GTK_WINDOW (self), mark_done ? _("Mark Training Item Done")
                                                         : _("Edit Training Item"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), item->name ? item->name : "");
      if (mark_done)
        {
          g_autofree char *today = pcn_date_to_iso (as_at);

          gtk_editable_set_text (GTK_EDITABLE (self->completed_row), today);
          gtk_widget_grab_focus (GTK_WIDGET (self->due_row));
        }
      else
        {
          gtk_editable_set_text (GTK_EDITABLE (self->due_row), item->due_date ? item->due_date : "");
          gtk_editable_set_text (GTK_EDITABLE (self->completed_row),
                                 item->completed_on ? item->completed_on : "");
        }
    }
  return self;
}

PcnStaff *
pcn_training_dialog_get_staff (PcnTrainingDialog *self)
{
  g_return_val_if_fail (PCN_IS_TRAINING_DIALOG (self), NULL);
  return self->staff;
}
