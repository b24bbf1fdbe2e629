/* pcn-supervision-log-dialog.c — log one supervision session
 *
 * The fields are checked here, in order, before anything is written: the
 * faulty one gets the "error" style class, the accessible INVALID state
 * and the message as its description, and the message shows above the
 * form. Then the core's validation (pcn_supervision_session_validate) and
 * the store's run on the store's worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-supervision-log-dialog-private.h"

struct _PcnSupervisionLogDialog
{
  AdwWindow            parent_instance;

  /* template */
  GtkSpinner          *spinner;
  GtkLabel            *error_label;
  AdwPreferencesGroup *session_group;
  AdwEntryRow         *date_row;
  AdwComboRow         *kind_row;
  AdwComboRow         *supervisor_row;
  AdwEntryRow         *other_row;
  AdwEntryRow         *minutes_row;
  AdwActionRow        *group_row;
  GtkSwitch           *group_switch;

  PcnStore            *store;
  PcnStaff            *staff;
  GPtrArray           *assignments;
  GtkStringList       *supervisors;
  GCancellable        *cancellable;
  GtkWidget           *invalid;
  char                *error_text;
  GDate                as_at;
  gboolean             busy;
};

G_DEFINE_FINAL_TYPE (PcnSupervisionLogDialog, pcn_supervision_log_dialog, ADW_TYPE_WINDOW)

enum {
  LOGGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------ errors */

static void
clear_error (PcnSupervisionLogDialog *self)
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
show_error (PcnSupervisionLogDialog *self,
            GtkWidget               *row,
            const char              *message)
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
set_busy (PcnSupervisionLogDialog *self,
          gboolean                 busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "log.save", !busy);
}

/* ------------------------------------------------------------ supervisors */

static gboolean
is_someone_else (PcnSupervisionLogDialog *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->supervisors));
  guint pos = adw_combo_row_get_selected (self->supervisor_row);

  return pos == GTK_INVALID_LIST_POSITION || pos + 1 >= n;
}

static void
on_supervisor_selected_cb (PcnSupervisionLogDialog *self)
{
  if (self->supervisors != NULL)
    gtk_widget_set_visible (GTK_WIDGET (self->other_row), is_someone_else (self));
}

static void
on_kind_selected_cb (PcnSupervisionLogDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (self->staff == NULL)
    return;
  for (guint i = 0; self->assignments != NULL && i < self->assignments->len; i++)
    {
      PcnSupervisorAssignment *a = g_ptr_array_index (self->assignments, i);

      if (a->staff_id != pcn_staff_get_id (self->staff) || (guint) a->kind != kind ||
          !pcn_supervisor_assignment_is_current (a, &self->as_at) ||
          !g_hash_table_add (seen, a->supervisor))
        continue;
      gtk_string_list_append (names, a->supervisor);
    }
  /* Translators: the last choice of supervisor, to type a name */
  gtk_string_list_append (names, _("Someone else…"));
  g_set_object (&self->supervisors, names);
  adw_combo_row_set_model (self->supervisor_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->supervisor_row, 0);
  on_supervisor_selected_cb (self);
}

/* ------------------------------------------------------------ saving */

typedef struct
{
  PcnSupervisionSession *session;
  GDate                  as_at;
} SaveData;

static void
save_data_free (SaveData *data)
{
  pcn_supervision_session_free (data->session);
  g_free (data);
}

static gpointer
save_func (PcnStore  *store,
           gpointer   user_data,
           GError   **error)
{
  SaveData *data = user_data;

  if (!pcn_store_log_supervision (store, data->session, &data->as_at, error))
    return NULL;
  return pcn_supervision_session_copy (data->session);
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PcnSupervisionLogDialog) self = user_data;
  g_autoptr(PcnSupervisionSession) session = NULL;
  g_autoptr(GError) error = NULL;

  session = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (session == NULL)
    {
      g_warning ("Cannot log the session: %s", error->message);
      show_error (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[LOGGED], 0, session);
  gtk_window_destroy (GTK_WINDOW (self));
}

static char *
entry_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));

  return g_strdup (g_strstrip (text));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PcnSupervisionLogDialog *self = PCN_SUPERVISION_LOG_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnSupervisionSession) session = NULL;
  g_autofree char *date_text = entry_text (self->date_row);
  g_autofree char *minutes_text = entry_text (self->minutes_row);
  g_autofree char *supervisor = NULL;
  SaveData *data;
  GDate date;
  gint64 minutes = 0;
  guint kind;

  if (self->busy)
    return;
  clear_error (self);

  if (!pcn_date_parse (date_text, &date, &error))
    {
      show_error (self, GTK_WIDGET (self->date_row), error->message);
      return;
    }
  if (g_date_compare (&date, &self->as_at) > 0)
    {
      g_autofree char *as_at = pcn_date_format_display (&self->as_at);
      g_autofree char *message = NULL;

      /* Translators: %s is the as-at date */
      message = g_strdup_printf (_("A session cannot be logged before it happens: choose a date "
                                   "on or before %s"), as_at);
      show_error (self, GTK_WIDGET (self->date_row), message);
      return;
    }

  kind = adw_combo_row_get_selected (self->kind_row);
  if (kind >= PCN_SUPERVISION_N_KINDS)
    {
      show_error (self, GTK_WIDGET (self->kind_row), _("Choose the kind of supervision"));
      return;
    }

  if (is_someone_else (self))
    {
      supervisor = entry_text (self->other_row);
      if (supervisor[0] == '\0')
        {
          show_error (self, GTK_WIDGET (self->other_row), _("Enter the supervisor’s name"));
          return;
        }
    }
  else
    supervisor = g_strdup (gtk_string_list_get_string (self->supervisors,
                                                       adw_combo_row_get_selected (self->supervisor_row)));

  if (!g_ascii_string_to_signed (minutes_text, 10, G_MININT64, G_MAXINT64, &minutes, NULL) ||
      minutes <= 0 || minutes > PCN_SUPERVISION_MAX_MINUTES)
    {
      g_autofree char *message = NULL;

      /* Translators: %d is the longest session accepted, in minutes */
      message = g_strdup_printf (_("Enter the length as a whole number of minutes, from 1 to %d"),
                                 PCN_SUPERVISION_MAX_MINUTES);
      show_error (self, GTK_WIDGET (self->minutes_row), message);
      return;
    }

  session = pcn_supervision_session_new ();
  session->staff_id = pcn_staff_get_id (self->staff);
  session->date = pcn_date_to_iso (&date);
  session->kind = kind;
  session->supervisor = g_steal_pointer (&supervisor);
  session->minutes = (int) minutes;
  session->group = gtk_switch_get_active (self->group_switch);
  if (!pcn_supervision_session_validate (session, &self->as_at, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->session = g_steal_pointer (&session);
  data->as_at = self->as_at;
  set_busy (self, TRUE);
  pcn_store_run_async (self->store, save_func, data, (GDestroyNotify) save_data_free,
                       (GDestroyNotify) pcn_supervision_session_free, self->cancellable,
                       on_save_done_cb, g_object_ref (self));
}

/* ------------------------------------------------------------ GObject */

static void
pcn_supervision_log_dialog_dispose (GObject *object)
{
  PcnSupervisionLogDialog *self = PCN_SUPERVISION_LOG_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->invalid = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_SUPERVISION_LOG_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);
  g_clear_object (&self->supervisors);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);

  G_OBJECT_CLASS (pcn_supervision_log_dialog_parent_class)->dispose (object);
}

static void
pcn_supervision_log_dialog_finalize (GObject *object)
{
  PcnSupervisionLogDialog *self = PCN_SUPERVISION_LOG_DIALOG (object);

  g_clear_pointer (&self->error_text, g_free);
  G_OBJECT_CLASS (pcn_supervision_log_dialog_parent_class)->finalize (object);
}

static void
pcn_supervision_log_dialog_class_init (PcnSupervisionLogDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_supervision_log_dialog_dispose;
  object_class->finalize = pcn_supervision_log_dialog_finalize;

  /**
   * PcnSupervisionLogDialog::logged:
   * @session: (type gpointer): the PcnSupervisionSession as stored
   */
  signals[LOGGED] = g_signal_new ("logged", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_POINTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-supervision-log-dialog.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PcnSupervisionLogDialog, name)
  BIND (spinner);
  BIND (error_label);
  BIND (session_group);
  BIND (date_row);
  BIND (kind_row);
  BIND (supervisor_row);
  BIND (other_row);
  BIND (minutes_row);
  BIND (group_row);
  BIND (group_switch);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_supervisor_selected_cb);

  gtk_widget_class_install_action (widget_class, "log.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "log.save", NULL);
}

static void
pcn_supervision_log_dialog_init (PcnSupervisionLogDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_date_clear (&self->as_at, 1);

  for (int k = 0; k < PCN_SUPERVISION_N_KINDS; k++)
    gtk_string_list_append (kinds, pcn_supervision_kind_get_label (k));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/* ------------------------------------------------------------ public */

PcnSupervisionLogDialog *
pcn_supervision_log_dialog_new (PcnStore           *store,
                                PcnStaff           *staff,
                                PcnSupervisionKind  kind,
                                GPtrArray          *assignments,
                                const GDate        *as_at)
{
  PcnSupervisionLogDialog *self;
  g_autofree char *date = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (PCN_IS_STORE (store), NULL);
  g_return_val_if_fail (PCN_IS_STAFF (staff), NULL);
  g_return_val_if_fail (kind < PCN_SUPERVISION_N_KINDS, NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  self = g_object_new (PCN_TYPE_SUPERVISION_LOG_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->staff = g_object_ref (staff);
  self->assignments = assignments != NULL ? g_ptr_array_ref (assignments) : NULL;
  self->as_at = *as_at;

  /* Translators: %1$s is a person, %2$s their role */
  description = g_strdup_printf (_("%1$s, %2$s"), pcn_staff_get_name (staff),
                                 pcn_staff_get_role_name (staff) ?: pcn_staff_get_role_code (staff));
  adw_preferences_group_set_description (self->session_group, description);
  date = pcn_date_to_iso (as_at);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->minutes_row), "60");
  if (adw_combo_row_get_selected (self->kind_row) == (guint) kind)
    on_kind_selected_cb (self);
  else
    adw_combo_row_set_selected (self->kind_row, kind);
  return self;
}

PcnStaff *
pcn_supervision_log_dialog_get_staff (PcnSupervisionLogDialog *self)
{
  g_return_val_if_fail (PCN_IS_SUPERVISION_LOG_DIALOG (self), NULL);
  return self->staff;
}

GtkWidget *
_pcn_supervision_log_dialog_get_row (PcnSupervisionLogDialog *self,
                                     const char              *field)
{
  if (g_strcmp0 (field, "date") == 0)
    return GTK_WIDGET (self->date_row);
  if (g_strcmp0 (field, "kind") == 0)
    return GTK_WIDGET (self->kind_row);
  if (g_strcmp0 (field, "supervisor") == 0)
    return GTK_WIDGET (self->supervisor_row);
  if (g_strcmp0 (field, "other") == 0)
    return GTK_WIDGET (self->other_row);
  if (g_strcmp0 (field, "minutes") == 0)
    return GTK_WIDGET (self->minutes_row);
  if (g_strcmp0 (field, "group") == 0)
    return GTK_WIDGET (self->group_row);
  g_return_val_if_reached (NULL);
}

GtkSwitch *
_pcn_supervision_log_dialog_get_group_switch (PcnSupervisionLogDialog *self)
{
  return self->group_switch;
}

gboolean
_pcn_supervision_log_dialog_is_busy (PcnSupervisionLogDialog *self)
{
  return self->busy;
}

const char *
_pcn_supervision_log_dialog_get_error (PcnSupervisionLogDialog *self)
{
  return self->error_text;
}
