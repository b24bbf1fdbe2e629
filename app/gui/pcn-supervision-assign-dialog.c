/* pcn-supervision-assign-dialog.c — name a supervisor for a person
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-supervision-assign-dialog.h"

struct _PcnSupervisionAssignDialog
{
  AdwMessageDialog  parent_instance;

  /* template */
  AdwComboRow      *kind_row;
  AdwEntryRow      *name_row;
  AdwEntryRow      *profession_row;
  AdwEntryRow      *minutes_row;
  AdwComboRow      *practice_row;
  GtkLabel         *error_label;

  PcnStore         *store;
  PcnStaff         *staff;
  GPtrArray        *practices;
  GCancellable     *cancellable;
  GDate             as_at;
};

G_DEFINE_FINAL_TYPE (PcnSupervisionAssignDialog, pcn_supervision_assign_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  ASSIGNED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
mark (GtkWidget *row,
      gboolean   invalid)
{
  if (invalid)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* The form as an assignment, or NULL with the problem shown. */
static PcnSupervisorAssignment *
read_form (PcnSupervisionAssignDialog *self,
           gboolean                    show)
{
  g_autoptr(PcnSupervisorAssignment) a = pcn_supervisor_assignment_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  g_autofree char *profession = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->profession_row))));
  const char *minutes_text = gtk_editable_get_text (GTK_EDITABLE (self->minutes_row));
  const char *message = NULL;
  gint64 minutes = 0;
  guint practice = adw_combo_row_get_selected (self->practice_row);
  gboolean minutes_ok;

  minutes_ok = g_ascii_string_to_signed (minutes_text, 10, 0, PCN_SUPERVISION_MAX_WEEKLY,
                                         &minutes, NULL);
  mark (GTK_WIDGET (self->minutes_row), show && !minutes_ok);
  if (!minutes_ok)
    message = _("Enter the protected minutes a week as a whole number");
  if (name[0] == '\0')
    message = _("Enter the supervisor’s name");

  if (message == NULL)
    {
      a->staff_id = pcn_staff_get_id (self->staff);
      a->kind = adw_combo_row_get_selected (self->kind_row);
      a->supervisor = g_steal_pointer (&name);
      a->profession = profession[0] != '\0' ? g_steal_pointer (&profession) : NULL;
      a->minutes_per_week = (int) minutes;
      if (practice != GTK_INVALID_LIST_POSITION && practice > 0 &&
          practice - 1 < self->practices->len)
        a->practice = g_strdup (pcn_practice_get_name (g_ptr_array_index (self->practices,
                                                                          practice - 1)));
      a->from_date = pcn_date_to_iso (&self->as_at);
      if (!pcn_supervisor_assignment_validate (a, &error))
        message = error->message;
    }

  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), show && message != NULL);
  if (message != NULL)
    return NULL;
  return g_steal_pointer (&a);
}

static void
on_field_changed_cb (PcnSupervisionAssignDialog *self)
{
  g_autoptr(PcnSupervisorAssignment) a = read_form (self, TRUE);

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "assign", a != NULL);
}

static gpointer
assign_func (PcnStore  *store,
             gpointer   user_data,
             GError   **error)
{
  PcnSupervisorAssignment *a = user_data;

  if (!pcn_store_assign_supervisor (store, a, error))
    return NULL;
  return pcn_supervisor_assignment_copy (a);
}

static void
on_assign_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PcnSupervisionAssignDialog) self = user_data;
  g_autoptr(PcnSupervisorAssignment) a = NULL;
  g_autoptr(GError) error = NULL;

  a = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (a == NULL)
    {
      g_warning ("Cannot name the supervisor: %s", error->message);
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  g_signal_emit (self, signals[ASSIGNED], 0, a);
}

static void
pcn_supervision_assign_dialog_response (AdwMessageDialog *dialog,
                                        const char       *response)
{
  PcnSupervisionAssignDialog *self = PCN_SUPERVISION_ASSIGN_DIALOG (dialog);

  if (g_strcmp0 (response, "assign") == 0)
    {
      PcnSupervisorAssignment *a = read_form (self, TRUE);

      if (a != NULL)
        pcn_store_run_async (self->store, assign_func, a,
                             (GDestroyNotify) pcn_supervisor_assignment_free,
                             (GDestroyNotify) pcn_supervisor_assignment_free, self->cancellable,
                             on_assign_done_cb, g_object_ref (self));
    }
  ADW_MESSAGE_DIALOG_CLASS (pcn_supervision_assign_dialog_parent_class)->response (dialog, response);
}

static void
pcn_supervision_assign_dialog_dispose (GObject *object)
{
  PcnSupervisionAssignDialog *self = PCN_SUPERVISION_ASSIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_SUPERVISION_ASSIGN_DIALOG);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  g_clear_pointer (&self->practices, g_ptr_array_unref);

  G_OBJECT_CLASS (pcn_supervision_assign_dialog_parent_class)->dispose (object);
}

static void
pcn_supervision_assign_dialog_class_init (PcnSupervisionAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = pcn_supervision_assign_dialog_dispose;
  dialog_class->response = pcn_supervision_assign_dialog_response;

  signals[ASSIGNED] = g_signal_new ("assigned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-supervision-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnSupervisionAssignDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, PcnSupervisionAssignDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PcnSupervisionAssignDialog, profession_row);
  gtk_widget_class_bind_template_child (widget_class, PcnSupervisionAssignDialog, minutes_row);
  gtk_widget_class_bind_template_child (widget_class, PcnSupervisionAssignDialog, practice_row);
  gtk_widget_class_bind_template_child (widget_class, PcnSupervisionAssignDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
pcn_supervision_assign_dialog_init (PcnSupervisionAssignDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  for (int k = 0; k < PCN_SUPERVISION_N_KINDS; k++)
    gtk_string_list_append (kinds, pcn_supervision_kind_get_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

PcnSupervisionAssignDialog *
pcn_supervision_assign_dialog_new (GtkWindow          *parent,
                                   PcnStore           *store,
                                   PcnStaff           *staff,
                                   PcnSupervisionKind  kind,
                                   GPtrArray          *practices,
                                   const GDate        *as_at)
{
  PcnSupervisionAssignDialog *self;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autofree char *body = NULL;

  g_return_val_if_fail (PCN_IS_STORE (store), NULL);
  g_return_val_if_fail (PCN_IS_STAFF (staff), NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  self = g_object_new (PCN_TYPE_SUPERVISION_ASSIGN_DIALOG,
                       "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->staff = g_object_ref (staff);
  self->practices = practices != NULL ? g_ptr_array_ref (practices)
                                      : g_ptr_array_new_with_free_func (g_object_unref);
  self->as_at = *as_at;

  /* Translators: the first host-practice choice: not tied to one practice */
  gtk_string_list_append (names, _("PCN-wide"));
  for (guint i = 0; i < self->practices->len; i++)
    gtk_string_list_append (names, pcn_practice_get_name (g_ptr_array_index (self->practices, i)));
  adw_combo_row_set_model (self->practice_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->kind_row, kind);

  /* Translators: %s is a person's name */
  body = g_strdup_printf (_("Who supervises %s, and how much protected time they have for it. "
                            "Supervision is not funded by the scheme: the time is counted in "
                            "the supervisor load."),
                          pcn_staff_get_name (staff));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "assign", FALSE);
  return self;
}

GtkWidget *
_pcn_supervision_assign_dialog_get_row (PcnSupervisionAssignDialog *self,
                                        const char                 *field)
{
  if (g_strcmp0 (field, "kind") == 0)
    return GTK_WIDGET (self->kind_row);
  if (g_strcmp0 (field, "practice") == 0)
    return GTK_WIDGET (self->practice_row);
  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "profession") == 0)
    return GTK_WIDGET (self->profession_row);
  if (g_strcmp0 (field, "minutes") == 0)
    return GTK_WIDGET (self->minutes_row);
  g_return_val_if_reached (NULL);
}
