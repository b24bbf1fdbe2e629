/* pcn-supervision-integration-dialog.c — edit a person's integration answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-supervision-integration-dialog.h"

struct _PcnSupervisionIntegrationDialog
{
  AdwMessageDialog  parent_instance;

  /* template */
  GtkListBox       *list;
  AdwEntryRow      *home_team_row;

  PcnStore         *store;
  gint64            staff_id;
  char             *home_team;
  PcnAnswer         answers[PCN_INTEGRATION_N_INDICATORS];
  GtkSwitch        *switches[PCN_INTEGRATION_N_INDICATORS];
  gboolean          touched[PCN_INTEGRATION_N_INDICATORS];
  GCancellable     *cancellable;
};

G_DEFINE_FINAL_TYPE (PcnSupervisionIntegrationDialog, pcn_supervision_integration_dialog, ADW_TYPE_MESSAGE_DIALOG)

enum {
  SAVED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  gint64     staff_id;
  gboolean   set_home_team;
  char      *home_team;
  PcnAnswer  answers[PCN_INTEGRATION_N_INDICATORS];
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_free (data->home_team);
  g_free (data);
}

static const char *
answer_label (PcnAnswer answer)
{
  if (answer == PCN_ANSWER_YES)
    return _("Yes");
  if (answer == PCN_ANSWER_NO)
    return _("No");
  /* Translators: an integration answer not given yet */
  return _("Not known yet");
}

static void
on_switch_active_cb (GtkSwitch                       *sw,
                     GParamSpec                      *pspec,
                     PcnSupervisionIntegrationDialog *self)
{
  for (guint i = 0; i < PCN_INTEGRATION_N_INDICATORS; i++)
    if (self->switches[i] == sw)
      {
        GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (sw), ADW_TYPE_ACTION_ROW);

        self->touched[i] = TRUE;
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     answer_label (gtk_switch_get_active (sw) ? PCN_ANSWER_YES
                                                                              : PCN_ANSWER_NO));
      }
}

static gpointer
save_func (PcnStore  *store,
           gpointer   user_data,
           GError   **error)
{
  SaveData *data = user_data;

  if (data->set_home_team &&
      !pcn_store_set_home_team (store, data->staff_id, data->home_team, error))
    return NULL;
  for (guint i = 0; i < PCN_INTEGRATION_N_INDICATORS; i++)
    if (data->answers[i] != PCN_ANSWER_UNKNOWN &&
        !pcn_store_set_integration_answer (store, data->staff_id, i, data->answers[i], error))
      return NULL;
  return GINT_TO_POINTER (1);
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PcnSupervisionIntegrationDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (pcn_store_run_finish (PCN_STORE (object), result, &error) == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      g_warning ("Cannot save the integration answers: %s", error->message);
      g_signal_emit (self, signals[FAILED], 0, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
}

static void
pcn_supervision_integration_dialog_response (AdwMessageDialog *dialog,
                                             const char       *response)
{
  PcnSupervisionIntegrationDialog *self = PCN_SUPERVISION_INTEGRATION_DIALOG (dialog);

  if (g_strcmp0 (response, "save") == 0)
    {
      SaveData *data = g_new0 (SaveData, 1);
      g_autofree char *home = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->home_team_row))));

      data->staff_id = self->staff_id;
      data->set_home_team = g_strcmp0 (home, self->home_team ?: "") != 0;
      data->home_team = g_steal_pointer (&home);
      for (guint i = 0; i < PCN_INTEGRATION_N_INDICATORS; i++)
        {
          PcnAnswer answer = PCN_ANSWER_UNKNOWN;

          if (self->switches[i] != NULL && self->touched[i])
            answer = gtk_switch_get_active (self->switches[i]) ? PCN_ANSWER_YES : PCN_ANSWER_NO;
          data->answers[i] = answer != self->answers[i] ? answer : PCN_ANSWER_UNKNOWN;
        }
      pcn_store_run_async (self->store, save_func, data, (GDestroyNotify) save_data_free, NULL,
                           self->cancellable, on_save_done_cb, g_object_ref (self));
    }
  ADW_MESSAGE_DIALOG_CLASS (pcn_supervision_integration_dialog_parent_class)->response (dialog,
                                                                                       response);
}

static void
pcn_supervision_integration_dialog_dispose (GObject *object)
{
  PcnSupervisionIntegrationDialog *self = PCN_SUPERVISION_INTEGRATION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_SUPERVISION_INTEGRATION_DIALOG);
  memset (self->switches, 0, sizeof self->switches);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pcn_supervision_integration_dialog_parent_class)->dispose (object);
}

static void
pcn_supervision_integration_dialog_finalize (GObject *object)
{
  PcnSupervisionIntegrationDialog *self = PCN_SUPERVISION_INTEGRATION_DIALOG (object);

  g_free (self->home_team);
  G_OBJECT_CLASS (pcn_supervision_integration_dialog_parent_class)->finalize (object);
}

static void
pcn_supervision_integration_dialog_class_init (PcnSupervisionIntegrationDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  AdwMessageDialogClass *dialog_class = ADW_MESSAGE_DIALOG_CLASS (klass);

  object_class->dispose = pcn_supervision_integration_dialog_dispose;
  object_class->finalize = pcn_supervision_integration_dialog_finalize;
  dialog_class->response = pcn_supervision_integration_dialog_response;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[FAILED] = g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-supervision-integration-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnSupervisionIntegrationDialog, list);
  gtk_widget_class_bind_template_child (widget_class, PcnSupervisionIntegrationDialog, home_team_row);
}

static void
pcn_supervision_integration_dialog_init (PcnSupervisionIntegrationDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}

PcnSupervisionIntegrationDialog *
pcn_supervision_integration_dialog_new (GtkWindow                 *parent,
                                        PcnStore                  *store,
                                        const PcnIntegrationCheck *check)
{
  PcnSupervisionIntegrationDialog *self;
  g_autofree char *body = NULL;

  g_return_val_if_fail (PCN_IS_STORE (store), NULL);
  g_return_val_if_fail (check != NULL, NULL);

  self = g_object_new (PCN_TYPE_SUPERVISION_INTEGRATION_DIALOG,
                       "transient-for", parent, "modal", TRUE, NULL);
  self->store = g_object_ref (store);
  self->staff_id = pcn_staff_get_id (check->staff);
  self->home_team = g_strdup (check->home_team);
  gtk_editable_set_text (GTK_EDITABLE (self->home_team_row), check->home_team ?: "");

  for (guint i = 0; i < PCN_INTEGRATION_N_INDICATORS; i++)
    {
      GtkWidget *row, *sw;

      self->answers[i] = check->met[i];
      if (!pcn_integration_indicator_is_asked (i))
        continue;
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     pcn_integration_indicator_get_label (i));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), answer_label (check->met[i]));
      sw = gtk_switch_new ();
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), check->met[i] == PCN_ANSWER_YES);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      pcn_integration_indicator_get_label (i), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      g_signal_connect_object (sw, "notify::active", G_CALLBACK (on_switch_active_cb), self, 0);
      self->switches[i] = GTK_SWITCH (sw);
      gtk_list_box_append (self->list, row);
    }

  /* Translators: %s is a person's name */
  body = g_strdup_printf (_("What %s has of what the evidence ties to staying. An answer stays "
                            "“not known” until you set it."),
                          pcn_staff_get_name (check->staff));
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);
  return self;
}

GtkSwitch *
_pcn_supervision_integration_dialog_get_switch (PcnSupervisionIntegrationDialog *self,
                                                PcnIntegrationIndicator          indicator)
{
  g_return_val_if_fail (indicator < PCN_INTEGRATION_N_INDICATORS, NULL);
  return self->switches[indicator];
}
