/* pcn-leaver-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-leaver-dialog-private.h"

struct _PcnLeaverDialog
{
  AdwWindow            parent_instance;

  PcnStore            *store;
  PcnStaff            *staff;
  GCancellable        *cancellable;
  gboolean             busy;

  AdwPreferencesGroup *group;
  AdwEntryRow         *end_date_row;
  AdwEntryRow         *reason_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (PcnLeaverDialog, pcn_leaver_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64  id;
  char   *end_date;
  char   *reason;
} LeaverData;

static void
leaver_data_free (gpointer data)
{
  LeaverData *d = data;

  g_free (d->end_date);
  g_free (d->reason);
  g_free (d);
}

static void
clear_row_error (GtkWidget *row)
{
  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, NULL);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
clear_errors (PcnLeaverDialog *self)
{
  clear_row_error (GTK_WIDGET (self->end_date_row));
  clear_row_error (GTK_WIDGET (self->reason_row));
  gtk_label_set_text (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_error (PcnLeaverDialog *self,
            const char      *field,
            const char      *message)
{
  GtkWidget *row = GTK_WIDGET (g_strcmp0 (field, "leaving_reason") == 0 ?
                               self->reason_row : self->end_date_row);

  gtk_widget_add_css_class (row, "error");
  gtk_widget_set_tooltip_text (row, message);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  gtk_widget_grab_focus (row);
}

static gpointer
record_leaver_worker (PcnStore  *store,
                      gpointer   data,
                      GError   **error)
{
  LeaverData *d = data;

  if (!pcn_store_record_leaver (store, d->id, d->end_date, d->reason, error))
    return NULL;
  return GINT_TO_POINTER (TRUE);
}

static void
record_leaver_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PcnLeaverDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaff) staff = NULL;
  g_autofree char *end_date = NULL;
  GDate date;

  if (pcn_store_run_finish (PCN_STORE (object), result, &error) == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->busy = FALSE;
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", TRUE);
      g_warning ("Could not record leaver: %s", error->message);
      show_error (self, "end_date", error->message);
      return;
    }

  staff = pcn_staff_copy (self->staff);
  if (pcn_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->end_date_row)), &date, NULL))
    end_date = pcn_date_to_iso (&date);
  pcn_staff_set_end_date (staff, end_date);
  {
    g_autofree char *reason =
      g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));
    pcn_staff_set_leaving_reason (staff, reason);
  }

  g_signal_emit (self, signals[SAVED], 0, staff);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  PcnLeaverDialog *self = PCN_LEAVER_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *reason = NULL;
  const char *field = NULL;
  LeaverData *data;
  GDate date;

  if (self->busy)
    return;

  clear_errors (self);

  end_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->end_date_row))));
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason_row))));

  if (!pcn_staff_validate_leaver (self->staff, end_text, reason, &field, &error))
    {
      show_error (self, field, error->message);
      return;
    }
  if (!pcn_date_parse (end_text, &date, NULL) || self->store == NULL)
    return;

  data = g_new0 (LeaverData, 1);
  data->id = pcn_staff_get_id (self->staff);
  data->end_date = pcn_date_to_iso (&date);
  data->reason = g_steal_pointer (&reason);

  self->busy = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", FALSE);
  pcn_store_run_async (self->store,
                       record_leaver_worker,
                       data, leaver_data_free,
                       NULL,
                       self->cancellable,
                       record_leaver_cb,
                       g_object_ref (self));
}

static void
on_row_changed_cb (PcnLeaverDialog *self,
                   GtkWidget       *row)
{
  clear_row_error (row);
}

static void
pcn_leaver_dialog_dispose (GObject *object)
{
  PcnLeaverDialog *self = (PcnLeaverDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (pcn_leaver_dialog_parent_class)->dispose (object);
}

static void
pcn_leaver_dialog_class_init (PcnLeaverDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_leaver_dialog_dispose;

  /**
   * PcnLeaverDialog::saved:
   * @staff: a copy of the person with the end date and reason set
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, PCN_TYPE_STAFF);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-leaver-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnLeaverDialog, group);
  gtk_widget_class_bind_template_child (widget_class, PcnLeaverDialog, end_date_row);
  gtk_widget_class_bind_template_child (widget_class, PcnLeaverDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, PcnLeaverDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pcn_leaver_dialog_init (PcnLeaverDialog *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

PcnLeaverDialog *
pcn_leaver_dialog_new (PcnStore *store,
                       PcnStaff *staff)
{
  PcnLeaverDialog *self;
  g_autofree char *description = NULL;

  g_return_val_if_fail (store == NULL || PCN_IS_STORE (store), NULL);
  g_return_val_if_fail (PCN_IS_STAFF (staff), NULL);

  self = g_object_new (PCN_TYPE_LEAVER_DIALOG, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->staff = g_object_ref (staff);

  /* Translators: %s is the person's name */
  description = g_strdup_printf (_("%s stays in the team list as a leaver, so turnover and "
                                   "the reasons for it can be seen."),
                                 pcn_staff_get_name (staff));
  adw_preferences_group_set_title (self->group, pcn_staff_get_name (staff));
  adw_preferences_group_set_description (self->group, description);

  return self;
}

GtkWidget *
_pcn_leaver_dialog_get_field (PcnLeaverDialog *self,
                              const char      *field)
{
  g_return_val_if_fail (PCN_IS_LEAVER_DIALOG (self), NULL);

  if (g_strcmp0 (field, "end_date") == 0)
    return GTK_WIDGET (self->end_date_row);
  if (g_strcmp0 (field, "leaving_reason") == 0)
    return GTK_WIDGET (self->reason_row);
  return NULL;
}
