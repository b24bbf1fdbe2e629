/* pcn-rate-dialog.c — add or correct a rate
 *
 * Parses with pcn_date_parse and pcn_money_parse, validates with
 * pcn_rate_validate, and saves with pcn_store_set_rate on the store's
 * worker thread. The faulty field gets the "error" CSS class, the
 * accessible INVALID state and the message under the form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-rate-dialog-private.h"

static const char *const area_codes[] = { "national", "outer-london", "inner-london", "london" };

struct _PcnRateDialog
{
  AdwWindow      parent_instance;

  /* template */
  GtkSpinner    *spinner;
  AdwComboRow   *role_row;
  AdwComboRow   *area_row;
  AdwEntryRow   *from_row;
  AdwEntryRow   *annual_row;
  AdwEntryRow   *source_row;
  GtkLabel      *error_label;

  PcnStore      *store;
  GPtrArray     *roles;
  GListStore    *roles_model;
  GCancellable  *cancellable;
  GtkWidget     *invalid;
  char          *error_text;
  gboolean       busy;
};

G_DEFINE_FINAL_TYPE (PcnRateDialog, pcn_rate_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

static void
clear_error (PcnRateDialog *self)
{
  if (self->invalid != NULL)
    {
      gtk_widget_remove_css_class (self->invalid, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->invalid), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->invalid),
                                     GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      self->invalid = NULL;
    }
  g_clear_pointer (&self->error_text, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_error (PcnRateDialog *self,
            GtkWidget     *row,
            const char    *message)
{
  clear_error (self);
  self->error_text = g_strdup (message);
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
set_busy (PcnRateDialog *self,
          gboolean       busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "rate.save", !busy);
}

static gpointer
save_func (PcnStore  *store,
           gpointer   data,
           GError   **error)
{
  if (!pcn_store_set_rate (store, data, error))
    return NULL;
  return g_object_ref (data);
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PcnRateDialog) self = user_data;
  g_autoptr(PcnRate) rate = NULL;
  g_autoptr(GError) error = NULL;

  rate = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_warning ("Cannot save the rate: %s", error->message);
      show_error (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, rate);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PcnRateDialog *self = PCN_RATE_DIALOG (widget);
  PcnRole *role = adw_combo_row_get_selected_item (self->role_row);
  guint area = adw_combo_row_get_selected (self->area_row);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnRate) rate = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *source = NULL;
  const char *field = NULL;
  gint64 pence = 0;
  GDate from;

  if (self->busy)
    return;
  clear_error (self);

  if (role == NULL)
    {
      show_error (self, GTK_WIDGET (self->role_row), _("Choose the role the rate is for"));
      return;
    }
  if (!pcn_date_parse (gtk_editable_get_text (GTK_EDITABLE (self->from_row)), &from, &error))
    {
      show_error (self, GTK_WIDGET (self->from_row), error->message);
      return;
    }
  if (!pcn_money_parse (gtk_editable_get_text (GTK_EDITABLE (self->annual_row)), &pence, &error))
    {
      show_error (self, GTK_WIDGET (self->annual_row), error->message);
      return;
    }

  from_iso = pcn_date_to_iso (&from);
  rate = pcn_rate_new (pcn_role_get_code (role),
                       area < G_N_ELEMENTS (area_codes) ? area_codes[area] : NULL,
                       from_iso, pence);
  source = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_row))));
  pcn_rate_set_source (rate, source);
  pcn_rate_set_role_name (rate, pcn_role_get_name (role));
  pcn_rate_set_user_entered (rate, TRUE);

  if (!pcn_rate_validate (rate, self->roles, &field, &error))
    {
      GtkWidget *row = NULL;

      if (g_strcmp0 (field, "role") == 0)
        row = GTK_WIDGET (self->role_row);
      else if (g_strcmp0 (field, "area") == 0)
        row = GTK_WIDGET (self->area_row);
      else if (g_strcmp0 (field, "from") == 0 || g_strcmp0 (field, "to") == 0)
        row = GTK_WIDGET (self->from_row);
      else if (g_strcmp0 (field, "annual") == 0)
        row = GTK_WIDGET (self->annual_row);
      else if (g_strcmp0 (field, "source") == 0)
        row = GTK_WIDGET (self->source_row);
      show_error (self, row, error->message);
      return;
    }

  set_busy (self, TRUE);
  pcn_store_run_async (self->store, save_func, g_object_ref (rate), g_object_unref,
                       g_object_unref, self->cancellable, on_save_done_cb,
                       g_object_ref (self));
}

static void
pcn_rate_dialog_dispose (GObject *object)
{
  PcnRateDialog *self = PCN_RATE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->invalid = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_RATE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->roles_model);
  g_clear_pointer (&self->roles, g_ptr_array_unref);

  G_OBJECT_CLASS (pcn_rate_dialog_parent_class)->dispose (object);
}

static void
pcn_rate_dialog_finalize (GObject *object)
{
  PcnRateDialog *self = PCN_RATE_DIALOG (object);

  g_clear_pointer (&self->error_text, g_free);
  G_OBJECT_CLASS (pcn_rate_dialog_parent_class)->finalize (object);
}

static void
pcn_rate_dialog_class_init (PcnRateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_rate_dialog_dispose;
  object_class->finalize = pcn_rate_dialog_finalize;

  /**
   * PcnRateDialog::saved:
   * @rate: the rate as written
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, PCN_TYPE_RATE);

  g_type_ensure (PCN_TYPE_ROLE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-rate-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnRateDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PcnRateDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, PcnRateDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, PcnRateDialog, from_row);
  gtk_widget_class_bind_template_child (widget_class, PcnRateDialog, annual_row);
  gtk_widget_class_bind_template_child (widget_class, PcnRateDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, PcnRateDialog, error_label);

  gtk_widget_class_install_action (widget_class, "rate.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pcn_rate_dialog_init (PcnRateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->roles_model = g_list_store_new (PCN_TYPE_ROLE);
}

PcnRateDialog *
pcn_rate_dialog_new (PcnStore   *store,
                     GPtrArray  *roles,
                     const char *role_code,
                     const char *area,
                     const char *effective_from)
{
  PcnRateDialog *self;

  g_return_val_if_fail (PCN_IS_STORE (store), NULL);
  g_return_val_if_fail (roles != NULL, NULL);

  self = g_object_new (PCN_TYPE_RATE_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->roles = g_ptr_array_ref (roles);

  g_list_store_splice (self->roles_model, 0, 0, roles->pdata, roles->len);
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (self->roles_model));
  if (role_code != NULL)
    {
      PcnRole *role = pcn_roles_find (roles, role_code);
      guint pos;

      if (role != NULL && g_list_store_find (self->roles_model, role, &pos))
        adw_combo_row_set_selected (self->role_row, pos);
    }

  for (guint i = 0; area != NULL && i < G_N_ELEMENTS (area_codes); i++)
    if (g_str_equal (area, area_codes[i]))
      adw_combo_row_set_selected (self->area_row, i);

  if (effective_from != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->from_row), effective_from);

  return self;
}

GtkWidget *
_pcn_rate_dialog_get_row (PcnRateDialog *self,
                          const char    *field)
{
  g_return_val_if_fail (PCN_IS_RATE_DIALOG (self), NULL);

  if (g_strcmp0 (field, "role") == 0)
    return GTK_WIDGET (self->role_row);
  if (g_strcmp0 (field, "area") == 0)
    return GTK_WIDGET (self->area_row);
  if (g_strcmp0 (field, "from") == 0)
    return GTK_WIDGET (self->from_row);
  if (g_strcmp0 (field, "annual") == 0)
    return GTK_WIDGET (self->annual_row);
  if (g_strcmp0 (field, "source") == 0)
    return GTK_WIDGET (self->source_row);
  g_return_val_if_reached (NULL);
}

gboolean
_pcn_rate_dialog_is_busy (PcnRateDialog *self)
{
  return self->busy;
}

const char *
_pcn_rate_dialog_get_error (PcnRateDialog *self)
{
  return self->error_text;
}
