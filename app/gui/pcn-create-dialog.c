/* pcn-create-dialog.c — create the PCN
 *
 * Validation comes from core (pcn_network_validate, pcn_practice_validate);
 * the faulty row gets the "error" CSS class and the accessible INVALID
 * state, and the message is shown under its group. The PCN is written with
 * pcn_store_create_network on the store's worker thread.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-create-dialog-private.h"

typedef struct
{
  AdwExpanderRow *expander;
  AdwEntryRow    *name;
  AdwEntryRow    *ods;
  AdwEntryRow    *list_size;
} PracticeRows;

struct _PcnCreateDialog
{
  AdwWindow             parent_instance;

  /* template */
  GtkButton            *create_button;
  GtkSpinner           *spinner;
  GtkLabel             *status_label;
  AdwEntryRow          *name_row;
  AdwEntryRow          *ods_row;
  AdwEntryRow          *list_size_row;
  AdwEntryRow          *weighted_row;
  AdwComboRow          *area_row;
  GtkLabel             *network_error;
  AdwPreferencesGroup  *practices_group;
  GtkLabel             *practices_error;

  PcnStore             *store;
  GCancellable         *cancellable;
  GPtrArray            *practices;   /* PracticeRows */
  GPtrArray            *invalid;     /* GtkWidget, marked with "error" */
  char                 *error_text;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (PcnCreateDialog, pcn_create_dialog, ADW_TYPE_WINDOW)

enum { CREATED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  PcnNetwork *network;
  GPtrArray  *practices;
} CreateData;

static void
create_data_free (CreateData *data)
{
  g_clear_object (&data->network);
  g_clear_pointer (&data->practices, g_ptr_array_unref);
  g_free (data);
}

/* ------------------------------------------------------------ errors */

static void
clear_errors (PcnCreateDialog *self)
{
  for (guint i = 0; i < self->invalid->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (self->invalid, i);
      gtk_widget_remove_css_class (w, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (w), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
  g_ptr_array_set_size (self->invalid, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->network_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->practices_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
  g_clear_pointer (&self->error_text, g_free);
}

static void
mark_invalid (PcnCreateDialog *self,
              GtkWidget       *row,
              GtkLabel        *label,
              const char      *message)
{
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
  g_ptr_array_add (self->invalid, g_object_ref (row));

  /* Only the first fault is reported, next to its row. */
  if (self->error_text == NULL)
    {
      self->error_text = g_strdup (message);
      gtk_label_set_text (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
      gtk_widget_grab_focus (row);
    }
}

/* ------------------------------------------------------------ practices */

static void
practice_rows_free (PracticeRows *rows)
{
  g_free (rows);
}

static gboolean
transform_practice_title (GBinding     *binding,
                          const GValue *from,
                          GValue       *to,
                          gpointer      user_data)
{
  const char *text = g_value_get_string (from);

  if (text == NULL || *text == '\0')
    g_value_set_string (to, _("New practice"));
  else
    g_value_set_string (to, text);
  return TRUE;
}

static void
on_remove_practice_clicked_cb (GtkButton       *button,
                               PcnCreateDialog *self)
{
  for (guint i = 0; i < self->practices->len; i++)
    {
      PracticeRows *rows = g_ptr_array_index (self->practices, i);

      if (gtk_widget_is_ancestor (GTK_WIDGET (button), GTK_WIDGET (rows->expander)))
        {
          g_ptr_array_remove (self->invalid, rows->name);
          g_ptr_array_remove (self->invalid, rows->ods);
          g_ptr_array_remove (self->invalid, rows->list_size);
          adw_preferences_group_remove (self->practices_group, GTK_WIDGET (rows->expander));
          g_ptr_array_remove_index (self->practices, i);
          return;
        }
    }
}

static AdwEntryRow *
add_entry (AdwExpanderRow *expander,
           const char     *title,
           gboolean        digits)
{
  AdwEntryRow *row = ADW_ENTRY_ROW (adw_entry_row_new ());

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_entry_row_set_activates_default (row, TRUE);
  if (digits)
    adw_entry_row_set_input_purpose (row, GTK_INPUT_PURPOSE_DIGITS);
  adw_expander_row_add_row (expander, GTK_WIDGET (row));
  return row;
}

static guint
add_practice (PcnCreateDialog *self)
{
  PracticeRows *rows = g_new0 (PracticeRows, 1);
  GtkWidget *remove;
  g_autofree char *remove_label = NULL;

  /* Rows are made here, not in the template: there is one set per practice. */
  rows->expander = ADW_EXPANDER_ROW (adw_expander_row_new ());
  adw_expander_row_set_expanded (rows->expander, TRUE);
  rows->name = add_entry (rows->expander, _("Practice name"), FALSE);
  rows->ods = add_entry (rows->expander, _("ODS code (optional)"), FALSE);
  rows->list_size = add_entry (rows->expander, _("List size (optional)"), TRUE);
  g_object_bind_property_full (rows->name, "text", rows->expander, "title",
                               G_BINDING_SYNC_CREATE, transform_practice_title,
                               NULL, NULL, NULL);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove This Practice"));
  /* Translators: the accessible name of a button; %u numbers the practice */
  remove_label = g_strdup_printf (_("Remove practice %u"), self->practices->len + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_signal_connect_object (remove, "clicked",
                           G_CALLBACK (on_remove_practice_clicked_cb), self, 0);
  adw_expander_row_add_action (rows->expander, remove);

  adw_preferences_group_add (self->practices_group, GTK_WIDGET (rows->expander));
  g_ptr_array_add (self->practices, rows);
  return self->practices->len - 1;
}

static void
add_practice_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PcnCreateDialog *self = PCN_CREATE_DIALOG (widget);
  guint i = add_practice (self);
  PracticeRows *rows = g_ptr_array_index (self->practices, i);

  gtk_widget_grab_focus (GTK_WIDGET (rows->name));
}

/* ------------------------------------------------------------ submit */

static char *
dup_entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* Reads an optional count: empty is 0. Marks @row on a bad value. */
static gboolean
read_count (PcnCreateDialog *self,
            AdwEntryRow     *row,
            GtkLabel        *label,
            const char      *prefix,
            gint64          *out_value)
{
  g_autofree char *text = dup_entry_text (row);
  g_autoptr(GError) error = NULL;

  *out_value = 0;
  if (*text == '\0')
    return TRUE;
  if (!pcn_count_parse (text, G_MAXINT32, out_value, &error))
    {
      g_autofree char *message = NULL;

      if (prefix != NULL)
        /* Translators: %1$s names the practice, %2$s is what is wrong */
        message = g_strdup_printf (_("%1$s: %2$s"), prefix, error->message);
      mark_invalid (self, GTK_WIDGET (row), label, message ? message : error->message);
      return FALSE;
    }
  return TRUE;
}

static gpointer
create_func (PcnStore  *store,
             gpointer   user_data,
             GError   **error)
{
  CreateData *data = user_data;

  if (!pcn_store_create_network (store, data->network, data->practices, error))
    return NULL;
  return g_object_ref (data->network);
}

static void
set_busy (PcnCreateDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create.submit", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "create.add-practice", !busy);
}

static void
on_create_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PcnCreateDialog) self = user_data;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GError) error = NULL;

  network = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_warning ("Cannot create the PCN: %s", error->message);
      clear_errors (self);
      self->error_text = g_strdup (error->message);
      gtk_label_set_text (self->status_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, network);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PcnCreateDialog *self = PCN_CREATE_DIALOG (widget);
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *ods = NULL;
  const char *field = NULL;
  gint64 list_size = 0, weighted = 0;
  CreateData *data;

  if (self->busy || self->store == NULL)
    return;
  clear_errors (self);

  name = dup_entry_text (self->name_row);
  ods = dup_entry_text (self->ods_row);
  pcn_network_set_name (network, name);
  pcn_network_set_ods_code (network, ods);
  pcn_network_set_area (network, (PcnArea) adw_combo_row_get_selected (self->area_row));
  if (read_count (self, self->list_size_row, self->network_error, NULL, &list_size))
    pcn_network_set_list_size (network, list_size);
  if (read_count (self, self->weighted_row, self->network_error, NULL, &weighted))
    pcn_network_set_weighted_list_size (network, weighted);

  if (self->error_text == NULL && !pcn_network_validate (network, &field, &error))
    {
      GtkWidget *row = GTK_WIDGET (self->name_row);

      if (g_strcmp0 (field, "ods") == 0)
        row = GTK_WIDGET (self->ods_row);
      else if (g_strcmp0 (field, "list_size") == 0)
        row = GTK_WIDGET (self->list_size_row);
      else if (g_strcmp0 (field, "weighted_list_size") == 0)
        row = GTK_WIDGET (self->weighted_row);
      mark_invalid (self, row, self->network_error, error->message);
      g_clear_error (&error);
    }
  if (self->error_text == NULL && *ods != '\0')
    {
      g_autofree char *code = NULL;
      if (pcn_ods_code_normalize (ods, &code, NULL))
        pcn_network_set_ods_code (network, code);
    }

  for (guint i = 0; i < self->practices->len && self->error_text == NULL; i++)
    {
      PracticeRows *rows = g_ptr_array_index (self->practices, i);
      g_autofree char *pname = dup_entry_text (rows->name);
      g_autofree char *pods = dup_entry_text (rows->ods);
      g_autofree char *psize = dup_entry_text (rows->list_size);
      g_autofree char *label = NULL;
      g_autofree char *key = NULL;
      g_autoptr(PcnPractice) practice = NULL;
      gint64 size = 0;

      if (*pname == '\0' && *pods == '\0' && *psize == '\0')
        continue;

      /* Translators: names a practice row in an error message */
      label = *pname ? g_strdup (pname) : g_strdup_printf (_("Practice %u"), i + 1);
      practice = pcn_practice_new (pname);
      pcn_practice_set_ods_code (practice, pods);
      if (!read_count (self, rows->list_size, self->practices_error, label, &size))
        break;
      pcn_practice_set_list_size (practice, size);

      if (!pcn_practice_validate (practice, &field, &error))
        {
          GtkWidget *row = GTK_WIDGET (rows->name);
          g_autofree char *message = NULL;

          if (g_strcmp0 (field, "ods") == 0)
            row = GTK_WIDGET (rows->ods);
          else if (g_strcmp0 (field, "list_size") == 0)
            row = GTK_WIDGET (rows->list_size);
          /* Translators: %1$s names the practice, %2$s is what is wrong */
          message = g_strdup_printf (_("%1$s: %2$s"), label, error->message);
          mark_invalid (self, row, self->practices_error, message);
          g_clear_error (&error);
          break;
        }

      key = g_utf8_casefold (pname, -1);
      if (g_hash_table_contains (names, key))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a practice name */
          message = g_strdup_printf (_("Two practices are called “%s”; each needs its own name"),
                                     pname);
          mark_invalid (self, GTK_WIDGET (rows->name), self->practices_error, message);
          break;
        }
      g_hash_table_add (names, g_steal_pointer (&key));

      if (*pods != '\0')
        {
          g_autofree char *code = NULL;
          if (pcn_ods_code_normalize (pods, &code, NULL))
            pcn_practice_set_ods_code (practice, code);
        }
      g_ptr_array_add (practices, g_steal_pointer (&practice));
    }

  if (self->error_text != NULL)
    return;

  data = g_new0 (CreateData, 1);
  data->network = g_object_ref (network);
  data->practices = g_ptr_array_ref (practices);

  set_busy (self, TRUE);
  pcn_store_run_async (self->store, create_func, data, (GDestroyNotify) create_data_free,
                       g_object_unref, self->cancellable, on_create_done_cb,
                       g_object_ref (self));
}

/* ------------------------------------------------------------ GObject */

static void
pcn_create_dialog_dispose (GObject *object)
{
  PcnCreateDialog *self = PCN_CREATE_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  if (self->invalid != NULL)
    g_ptr_array_set_size (self->invalid, 0);
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_CREATE_DIALOG);

  G_OBJECT_CLASS (pcn_create_dialog_parent_class)->dispose (object);
}

static void
pcn_create_dialog_finalize (GObject *object)
{
  PcnCreateDialog *self = PCN_CREATE_DIALOG (object);

  g_clear_pointer (&self->practices, g_ptr_array_unref);
  g_clear_pointer (&self->invalid, g_ptr_array_unref);
  g_clear_pointer (&self->error_text, g_free);

  G_OBJECT_CLASS (pcn_create_dialog_parent_class)->finalize (object);
}

static void
pcn_create_dialog_class_init (PcnCreateDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_create_dialog_dispose;
  object_class->finalize = pcn_create_dialog_finalize;

  /**
   * PcnCreateDialog::created:
   * @network: the PCN as written
   */
  signals[CREATED] = g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 1, PCN_TYPE_NETWORK);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-create-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnCreateDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, PcnCreateDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PcnCreateDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, PcnCreateDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PcnCreateDialog, ods_row);
  gtk_widget_class_bind_template_child (widget_class, PcnCreateDialog, list_size_row);
  gtk_widget_class_bind_template_child (widget_class, PcnCreateDialog, weighted_row);
  gtk_widget_class_bind_template_child (widget_class, PcnCreateDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, PcnCreateDialog, network_error);
  gtk_widget_class_bind_template_child (widget_class, PcnCreateDialog, practices_group);
  gtk_widget_class_bind_template_child (widget_class, PcnCreateDialog, practices_error);

  gtk_widget_class_install_action (widget_class, "create.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "create.add-practice", NULL,
                                   add_practice_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "create.add-practice", NULL);
}

static void
pcn_create_dialog_init (PcnCreateDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->practices = g_ptr_array_new_with_free_func ((GDestroyNotify) practice_rows_free);
  self->invalid = g_ptr_array_new_with_free_func (g_object_unref);
  add_practice (self);
}

PcnCreateDialog *
pcn_create_dialog_new (PcnStore *store)
{
  PcnCreateDialog *self;

  g_return_val_if_fail (PCN_IS_STORE (store), NULL);

  self = g_object_new (PCN_TYPE_CREATE_DIALOG, NULL);
  self->store = g_object_ref (store);
  return self;
}

/* ------------------------------------------------------------ tests */

AdwEntryRow *
_pcn_create_dialog_get_entry (PcnCreateDialog *self,
                              const char      *field)
{
  g_return_val_if_fail (PCN_IS_CREATE_DIALOG (self), NULL);

  if (g_strcmp0 (field, "name") == 0)
    return self->name_row;
  if (g_strcmp0 (field, "ods") == 0)
    return self->ods_row;
  if (g_strcmp0 (field, "list_size") == 0)
    return self->list_size_row;
  if (g_strcmp0 (field, "weighted_list_size") == 0)
    return self->weighted_row;
  g_return_val_if_reached (NULL);
}

AdwComboRow *
_pcn_create_dialog_get_area_row (PcnCreateDialog *self)
{
  return self->area_row;
}

guint
_pcn_create_dialog_get_n_practices (PcnCreateDialog *self)
{
  return self->practices->len;
}

AdwEntryRow *
_pcn_create_dialog_get_practice_entry (PcnCreateDialog *self,
                                       guint            index,
                                       const char      *field)
{
  PracticeRows *rows;

  g_return_val_if_fail (PCN_IS_CREATE_DIALOG (self), NULL);

  while (index >= self->practices->len)
    add_practice (self);
  rows = g_ptr_array_index (self->practices, index);
  if (g_strcmp0 (field, "name") == 0)
    return rows->name;
  if (g_strcmp0 (field, "ods") == 0)
    return rows->ods;
  if (g_strcmp0 (field, "list_size") == 0)
    return rows->list_size;
  g_return_val_if_reached (NULL);
}

gboolean
_pcn_create_dialog_is_busy (PcnCreateDialog *self)
{
  return self->busy;
}

const char *
_pcn_create_dialog_get_error (PcnCreateDialog *self)
{
  return self->error_text;
}
