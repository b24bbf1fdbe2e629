/* pcn-claim-entry-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-claim-entry-dialog.h"
#include "pcn-core.h"

struct _PcnClaimEntryDialog
{
  AdwMessageDialog   parent_instance;

  /* template */
  AdwEntryRow       *entry_row;
  GtkLabel          *error_label;

  PcnClaimEntryKind  kind;
  gint64             pence;
  char              *value;
  char              *error;
};

G_DEFINE_FINAL_TYPE (PcnClaimEntryDialog, pcn_claim_entry_dialog, ADW_TYPE_MESSAGE_DIALOG)

static gboolean
check_value (PcnClaimEntryDialog  *self,
             const char           *text,
             GError              **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  gint64 pence = 0;
  GDate date;

  switch (self->kind)
    {
    case PCN_CLAIM_ENTRY_MONEY:
      if (!pcn_money_parse (trimmed, &pence, error))
        return FALSE;
      self->pence = pence;
      g_free (self->value);
      self->value = g_steal_pointer (&trimmed);
      return TRUE;
    case PCN_CLAIM_ENTRY_DATE:
      if (!pcn_date_parse (trimmed, &date, error))
        return FALSE;
      g_free (self->value);
      self->value = pcn_date_to_iso (&date);
      return TRUE;
    case PCN_CLAIM_ENTRY_TEXT:
    default:
      if (trimmed[0] == '\0')
        {
          g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                               _("A reason is required"));
          return FALSE;
        }
      g_free (self->value);
      self->value = g_steal_pointer (&trimmed);
      return TRUE;
    }
}

/* Marks the field only when @mark (not while the user has typed nothing). */
static gboolean
update_validity (PcnClaimEntryDialog *self,
                 gboolean             mark)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry_row));
  gboolean ok = check_value (self, text, &error);
  gboolean show = !ok && mark;

  g_clear_pointer (&self->error, g_free);
  if (!ok)
    self->error = g_strdup (error->message);
  gtk_label_set_text (self->error_label, show ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), show);
  if (show)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->entry_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->entry_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->entry_row), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->entry_row), GTK_ACCESSIBLE_STATE_INVALID);
    }
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "accept", ok);
  return ok;
}

static void
on_entry_changed_cb (PcnClaimEntryDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->entry_row));

  update_validity (self, text[0] != '\0');
}

static void
pcn_claim_entry_dialog_finalize (GObject *object)
{
  PcnClaimEntryDialog *self = PCN_CLAIM_ENTRY_DIALOG (object);

  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (pcn_claim_entry_dialog_parent_class)->finalize (object);
}

static void
pcn_claim_entry_dialog_class_init (PcnClaimEntryDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pcn_claim_entry_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-claim-entry-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnClaimEntryDialog, entry_row);
  gtk_widget_class_bind_template_child (widget_class, PcnClaimEntryDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_changed_cb);
}

static void
pcn_claim_entry_dialog_init (PcnClaimEntryDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

PcnClaimEntryDialog *
pcn_claim_entry_dialog_new (GtkWindow         *parent,
                            PcnClaimEntryKind  kind,
                            const char        *heading,
                            const char        *body,
                            const char        *field_title,
                            const char        *text,
                            const char        *accept_label,
                            gboolean           destructive)
{
  PcnClaimEntryDialog *self;
  AdwMessageDialog *dialog;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (heading != NULL && field_title != NULL && accept_label != NULL, NULL);

  self = g_object_new (PCN_TYPE_CLAIM_ENTRY_DIALOG,
                       "transient-for", parent,
                       "heading", heading,
                       "body", body,
                       NULL);
  dialog = ADW_MESSAGE_DIALOG (self);
  self->kind = kind;

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "accept", accept_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "accept",
                                              destructive ? ADW_RESPONSE_DESTRUCTIVE
                                                          : ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "accept");
  adw_message_dialog_set_close_response (dialog, "cancel");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->entry_row), field_title);
  adw_entry_row_set_input_purpose (self->entry_row,
                                   kind == PCN_CLAIM_ENTRY_MONEY ? GTK_INPUT_PURPOSE_NUMBER
                                                                 : GTK_INPUT_PURPOSE_FREE_FORM);
  gtk_editable_set_text (GTK_EDITABLE (self->entry_row), text != NULL ? text : "");
  update_validity (self, text != NULL && text[0] != '\0');
  return self;
}

gboolean
pcn_claim_entry_dialog_validate (PcnClaimEntryDialog *self)
{
  g_return_val_if_fail (PCN_IS_CLAIM_ENTRY_DIALOG (self), FALSE);

  return update_validity (self, TRUE);
}

gboolean
pcn_claim_entry_dialog_accept (PcnClaimEntryDialog *self)
{
  g_return_val_if_fail (PCN_IS_CLAIM_ENTRY_DIALOG (self), FALSE);

  if (!update_validity (self, TRUE))
    return FALSE;
  g_object_ref (self);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "accept");
  gtk_window_destroy (GTK_WINDOW (self));
  g_object_unref (self);
  return TRUE;
}

gint64
pcn_claim_entry_dialog_get_pence (PcnClaimEntryDialog *self)
{
  g_return_val_if_fail (PCN_IS_CLAIM_ENTRY_DIALOG (self), -1);

  return self->pence;
}

char *
pcn_claim_entry_dialog_dup_value (PcnClaimEntryDialog *self)
{
  g_return_val_if_fail (PCN_IS_CLAIM_ENTRY_DIALOG (self), NULL);

  return g_strdup (self->value);
}

GtkWidget *
pcn_claim_entry_dialog_get_row (PcnClaimEntryDialog *self)
{
  g_return_val_if_fail (PCN_IS_CLAIM_ENTRY_DIALOG (self), NULL);

  return GTK_WIDGET (self->entry_row);
}

const char *
pcn_claim_entry_dialog_get_error (PcnClaimEntryDialog *self)
{
  g_return_val_if_fail (PCN_IS_CLAIM_ENTRY_DIALOG (self), NULL);

  return self->error;
}
