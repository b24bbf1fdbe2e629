/* pcn-post-dialog.c — add or edit a post of the recruitment plan
 *
 * Parses each field (WTE, money, dates), builds a PcnPost, validates it
 * with pcn_post_validate and writes it with pcn_store_add_post or
 * pcn_store_update_post on the store's worker thread; a change of status
 * goes through pcn_store_set_post_status, which keeps the pipeline dates
 * in order. The faulty field gets the "error" CSS class, the accessible
 * INVALID state and the message above the form.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-post-dialog-private.h"
#include "pcn-post-row-practice.h"

#define PURPOSE_DES  0
#define PURPOSE_CORE 1

struct _PcnPostDialog
{
  AdwWindow             parent_instance;

  /* template */
  GtkSpinner           *spinner;
  GtkLabel             *error_label;
  AdwComboRow          *role_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *wte_row;
  AdwEntryRow          *band_row;
  AdwEntryRow          *start_row;
  AdwEntryRow          *cost_row;
  AdwComboRow          *funding_row;
  AdwComboRow          *employer_row;
  AdwComboRow          *purpose_row;
  AdwEntryRow          *services_row;
  AdwPreferencesGroup  *practices_group;
  AdwComboRow          *status_row;
  AdwEntryRow          *status_date_row;
  AdwComboRow          *staff_row;

  PcnStore             *store;
  PcnPost              *original;     /* NULL when adding */
  GPtrArray            *roles;
  GPtrArray            *practice_names;
  GPtrArray            *practice_rows; /* PcnPostRowPractice, borrowed */
  GListStore           *roles_model;
  GListStore           *staff_model;
  GCancellable         *cancellable;
  GtkWidget            *invalid;
  char                 *error_text;
  GDate                 as_at;
  gboolean              busy;
};

G_DEFINE_FINAL_TYPE (PcnPostDialog, pcn_post_dialog, ADW_TYPE_WINDOW)

enum { SAVED, N_SIGNALS };
static guint signals[N_SIGNALS];

typedef struct
{
  PcnPost       *post;
  gboolean       is_new;
  gboolean       status_changed;
  PcnPostStatus  status;
  char          *status_date;
  gint64         staff_id;
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->post);
  g_free (data->status_date);
  g_free (data);
}

/* ------------------------------------------------------------ errors */

static void
clear_error (PcnPostDialog *self)
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
show_error (PcnPostDialog *self,
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

static GtkWidget *
row_for_field (PcnPostDialog *self,
               const char    *field)
{
  if (g_strcmp0 (field, "role") == 0)
    return GTK_WIDGET (self->role_row);
  if (g_strcmp0 (field, "title") == 0)
    return GTK_WIDGET (self->title_row);
  if (g_strcmp0 (field, "wte") == 0)
    return GTK_WIDGET (self->wte_row);
  if (g_strcmp0 (field, "band") == 0)
    return GTK_WIDGET (self->band_row);
  if (g_strcmp0 (field, "annual_cost") == 0)
    return GTK_WIDGET (self->cost_row);
  if (g_strcmp0 (field, "start_date") == 0)
    return GTK_WIDGET (self->start_row);
  if (g_strcmp0 (field, "funding") == 0)
    return GTK_WIDGET (self->funding_row);
  if (g_strcmp0 (field, "employer") == 0)
    return GTK_WIDGET (self->employer_row);
  if (g_strcmp0 (field, "purpose") == 0)
    return GTK_WIDGET (self->purpose_row);
  if (g_strcmp0 (field, "purposes") == 0 || g_strcmp0 (field, "services") == 0)
    return GTK_WIDGET (self->services_row);
  if (g_strcmp0 (field, "practices") == 0)
    return self->practice_rows->len > 0 ? g_ptr_array_index (self->practice_rows, 0)
                                        : GTK_WIDGET (self->practices_group);
  if (g_strcmp0 (field, "status") == 0)
    return GTK_WIDGET (self->status_row);
  if (g_strcmp0 (field, "status_date") == 0)
    return GTK_WIDGET (self->status_date_row);
  if (g_strcmp0 (field, "staff_id") == 0 || g_strcmp0 (field, "staff") == 0)
    return GTK_WIDGET (self->staff_row);
  return NULL;
}

/* ------------------------------------------------------------ helpers */

static void
set_busy (PcnPostDialog *self,
          gboolean       busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "post.save", !busy);
}

static const char *
entry_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static char *
stripped (AdwEntryRow *row)
{
  char *text = g_strstrip (g_strdup (entry_text (row)));

  if (text[0] == '\0')
    g_clear_pointer (&text, g_free);
  return text;
}

static PcnPostStatus
selected_status (PcnPostDialog *self)
{
  guint pos = adw_combo_row_get_selected (self->status_row);

  return pos < PCN_POST_N_STATUSES ? (PcnPostStatus) pos : PCN_POST_STATUS_PROPOSED;
}

static void
on_purpose_selected_cb (PcnPostDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->services_row),
                          adw_combo_row_get_selected (self->purpose_row) == PURPOSE_DES);
}

static void
on_status_selected_cb (PcnPostDialog *self)
{
  gboolean in_post = selected_status (self) == PCN_POST_STATUS_IN_POST;

  gtk_widget_set_visible (GTK_WIDGET (self->staff_row), in_post);
}

/* ------------------------------------------------------------ saving */

static gpointer
save_func (PcnStore  *store,
           gpointer   user_data,
           GError   **error)
{
  SaveData *data = user_data;
  gint64 id;

  if (data->is_new)
    {
      if (!pcn_store_add_post (store, data->post, error))
        return NULL;
    }
  else if (!pcn_store_update_post (store, data->post, error))
    return NULL;

  id = pcn_post_get_id (data->post);
  if (data->status_changed)
    return pcn_store_set_post_status (store, id, data->status, data->status_date,
                                      data->staff_id, error);
  return g_object_ref (data->post);
}

static void
on_save_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PcnPostDialog) self = user_data;
  g_autoptr(PcnPost) post = NULL;
  g_autoptr(GError) error = NULL;

  post = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_warning ("Cannot save the post: %s", error->message);
      show_error (self, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, post);
  gtk_window_destroy (GTK_WINDOW (self));
}

static GStrv
read_purposes (PcnPostDialog *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  if (adw_combo_row_get_selected (self->purpose_row) == PURPOSE_CORE)
    g_strv_builder_add (builder, PCN_POST_PURPOSE_CORE);
  else
    {
      g_auto(GStrv) parts = g_strsplit_set (entry_text (self->services_row), ";,", -1);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          char *code = g_strstrip (parts[i]);
          if (code[0] != '\0')
            g_strv_builder_add (builder, code);
        }
    }
  return g_strv_builder_end (builder);
}

static GPtrArray *
read_sessions (PcnPostDialog *self)
{
  GPtrArray *sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_session_free);

  for (guint i = 0; i < self->practice_rows->len; i++)
    {
      PcnPostRowPractice *row = g_ptr_array_index (self->practice_rows, i);

      if (pcn_post_row_practice_get_active (row))
        g_ptr_array_add (sessions,
                         pcn_session_new (pcn_post_row_practice_get_practice (row),
                                          pcn_post_row_practice_get_sessions (row)));
    }
  return sessions;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PcnPostDialog *self = PCN_POST_DIALOG (widget);
  PcnRole *role = adw_combo_row_get_selected_item (self->role_row);
  PcnPostStatus status = selected_status (self);
  g_autoptr(PcnPost) post = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_auto(GStrv) purposes = NULL;
  g_autofree char *title = NULL;
  g_autofree char *band = NULL;
  g_autofree char *cost_text = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *status_iso = NULL;
  const char *field = NULL;
  PcnStaff *staff = NULL;
  gboolean status_changed;
  SaveData *data;
  gint64 cost = -1;
  int wte = 0;
  GDate date;

  if (self->busy)
    return;
  clear_error (self);

  if (role == NULL)
    {
      show_error (self, GTK_WIDGET (self->role_row), _("Choose the role of the post"));
      return;
    }
  if (!pcn_wte_parse (entry_text (self->wte_row), &wte, &error))
    {
      show_error (self, GTK_WIDGET (self->wte_row), error->message);
      return;
    }
  cost_text = stripped (self->cost_row);
  if (cost_text != NULL && !pcn_money_parse (cost_text, &cost, &error))
    {
      show_error (self, GTK_WIDGET (self->cost_row), error->message);
      return;
    }
  start_text = stripped (self->start_row);
  if (start_text != NULL)
    {
      if (!pcn_date_parse (start_text, &date, &error))
        {
          show_error (self, GTK_WIDGET (self->start_row), error->message);
          return;
        }
      start_iso = pcn_date_to_iso (&date);
    }
  date_text = stripped (self->status_date_row);
  if (date_text != NULL)
    {
      if (!pcn_date_parse (date_text, &date, &error))
        {
          show_error (self, GTK_WIDGET (self->status_date_row), error->message);
          return;
        }
      status_iso = pcn_date_to_iso (&date);
    }
  if (status == PCN_POST_STATUS_IN_POST)
    {
      staff = adw_combo_row_get_selected_item (self->staff_row);
      if (staff == NULL)
        {
          show_error (self, GTK_WIDGET (self->staff_row),
                      _("Choose the staff member who fills the post"));
          return;
        }
    }
  else if (status_iso == NULL &&
           (self->original == NULL || status != pcn_post_get_status (self->original)))
    {
      show_error (self, GTK_WIDGET (self->status_date_row),
                  _("Enter the date the post reached this status"));
      return;
    }

  post = self->original != NULL ? pcn_post_copy (self->original) : pcn_post_new ();
  title = stripped (self->title_row);
  band = stripped (self->band_row);
  pcn_post_set_title (post, title);
  pcn_post_set_role_code (post, pcn_role_get_code (role));
  pcn_post_set_wte (post, wte);
  pcn_post_set_band (post, band);
  pcn_post_set_annual_cost (post, cost);
  pcn_post_set_funding (post, adw_combo_row_get_selected (self->funding_row) == 1
                              ? PCN_POST_FUNDING_OTHER : PCN_POST_FUNDING_ARRS);
  pcn_post_set_employer_model (post, (PcnEmployerModel) adw_combo_row_get_selected (self->employer_row));
  purposes = read_purposes (self);
  pcn_post_set_purposes (post, (const char * const *) purposes);
  sessions = read_sessions (self);
  pcn_post_set_sessions (post, sessions);
  pcn_post_set_start_date (post, start_iso);

  /* A new post is written with its status; a stored one keeps its status
   * in the update and moves with pcn_store_set_post_status(), which
   * keeps the pipeline dates in order. */
  status_changed = self->original != NULL &&
                   (status != pcn_post_get_status (self->original) ||
                    (status_iso != NULL &&
                     g_strcmp0 (status_iso, pcn_post_get_status_date (self->original, status)) != 0));
  if (self->original == NULL)
    {
      if (status == PCN_POST_STATUS_IN_POST)
        {
          pcn_post_fill (post, staff);
          if (status_iso != NULL)
            pcn_post_set_status (post, PCN_POST_STATUS_IN_POST, status_iso);
        }
      else
        pcn_post_set_status (post, status, status_iso);
    }

  if (!pcn_post_validate (post, self->roles, self->practice_names, &field, &error))
    {
      show_error (self, row_for_field (self, field), error->message);
      return;
    }

  data = g_new0 (SaveData, 1);
  data->post = g_steal_pointer (&post);
  data->is_new = self->original == NULL;
  data->status_changed = status_changed;
  data->status = status;
  data->status_date = g_strdup (status_iso);
  data->staff_id = staff != NULL ? pcn_staff_get_id (staff) : 0;

  set_busy (self, TRUE);
  pcn_store_run_async (self->store, save_func, data, (GDestroyNotify) save_data_free,
                       g_object_unref, self->cancellable, on_save_done_cb,
                       g_object_ref (self));
}

/* ------------------------------------------------------------ GObject */

static void
pcn_post_dialog_dispose (GObject *object)
{
  PcnPostDialog *self = PCN_POST_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->invalid = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_POST_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->original);
  g_clear_object (&self->roles_model);
  g_clear_object (&self->staff_model);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->practice_names, g_ptr_array_unref);
  g_clear_pointer (&self->practice_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pcn_post_dialog_parent_class)->dispose (object);
}

static void
pcn_post_dialog_finalize (GObject *object)
{
  PcnPostDialog *self = PCN_POST_DIALOG (object);

  g_clear_pointer (&self->error_text, g_free);
  G_OBJECT_CLASS (pcn_post_dialog_parent_class)->finalize (object);
}

static void
pcn_post_dialog_class_init (PcnPostDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_post_dialog_dispose;
  object_class->finalize = pcn_post_dialog_finalize;

  /**
   * PcnPostDialog::saved:
   * @post: the post as stored
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, PCN_TYPE_POST);

  g_type_ensure (PCN_TYPE_ROLE);
  g_type_ensure (PCN_TYPE_STAFF);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-post-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, wte_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, band_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, start_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, cost_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, funding_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, employer_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, services_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, practices_group);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, status_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, status_date_row);
  gtk_widget_class_bind_template_child (widget_class, PcnPostDialog, staff_row);
  gtk_widget_class_bind_template_callback (widget_class, on_purpose_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_selected_cb);

  gtk_widget_class_install_action (widget_class, "post.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "post.save", NULL);
}

static void
pcn_post_dialog_init (PcnPostDialog *self)
{
  g_autoptr(GtkStringList) employers = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->roles_model = g_list_store_new (PCN_TYPE_ROLE);
  self->staff_model = g_list_store_new (PCN_TYPE_STAFF);
  self->practice_rows = g_ptr_array_new ();
  self->practice_names = g_ptr_array_new_with_free_func (g_free);
  g_date_clear (&self->as_at, 1);

  for (int m = PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE; m <= PCN_EMPLOYER_MODEL_ROTATIONAL; m++)
    gtk_string_list_append (employers, pcn_employer_model_get_label (m));
  adw_combo_row_set_model (self->employer_row, G_LIST_MODEL (employers));
  for (int s = 0; s < PCN_POST_N_STATUSES; s++)
    gtk_string_list_append (statuses, pcn_post_status_get_label (s));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
}

/* ------------------------------------------------------------ public */

static void
fill_from_post (PcnPostDialog *self,
                PcnPost       *post)
{
  const char *const *purposes = pcn_post_get_purposes (post);
  GPtrArray *sessions = pcn_post_get_sessions (post);
  PcnPostStatus status = pcn_post_get_status (post);
  g_autofree char *wte = pcn_wte_format (pcn_post_get_wte (post));
  guint pos;

  for (pos = 0; pos < g_list_model_get_n_items (G_LIST_MODEL (self->roles_model)); pos++)
    {
      g_autoptr(PcnRole) role = g_list_model_get_item (G_LIST_MODEL (self->roles_model), pos);

      if (g_strcmp0 (pcn_role_get_code (role), pcn_post_get_role_code (post)) == 0)
        {
          adw_combo_row_set_selected (self->role_row, pos);
          break;
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), pcn_post_get_title (post) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->wte_row), wte);
  gtk_editable_set_text (GTK_EDITABLE (self->band_row), pcn_post_get_band (post) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), pcn_post_get_start_date (post) ?: "");
  if (pcn_post_get_annual_cost (post) >= 0)
    {
      g_autofree char *cost = pcn_money_format_plain (pcn_post_get_annual_cost (post));
      gtk_editable_set_text (GTK_EDITABLE (self->cost_row), cost);
    }
  adw_combo_row_set_selected (self->funding_row,
                              pcn_post_get_funding (post) == PCN_POST_FUNDING_OTHER ? 1 : 0);
  adw_combo_row_set_selected (self->employer_row, pcn_post_get_employer_model (post));

  if (g_strv_contains (purposes, PCN_POST_PURPOSE_CORE))
    adw_combo_row_set_selected (self->purpose_row, PURPOSE_CORE);
  else
    {
      g_autofree char *codes = g_strjoinv ("; ", (char **) purposes);
      adw_combo_row_set_selected (self->purpose_row, PURPOSE_DES);
      gtk_editable_set_text (GTK_EDITABLE (self->services_row), codes);
    }

  for (guint i = 0; i < sessions->len; i++)
    {
      PcnSession *session = g_ptr_array_index (sessions, i);

      for (guint j = 0; j < self->practice_rows->len; j++)
        {
          PcnPostRowPractice *row = g_ptr_array_index (self->practice_rows, j);

          if (g_strcmp0 (pcn_post_row_practice_get_practice (row), session->practice) == 0)
            {
              pcn_post_row_practice_set_active (row, TRUE);
              pcn_post_row_practice_set_sessions (row, session->sessions);
            }
        }
    }

  adw_combo_row_set_selected (self->status_row, status);
  gtk_editable_set_text (GTK_EDITABLE (self->status_date_row),
                         pcn_post_get_status_date (post, status) ?: "");
  if (status == PCN_POST_STATUS_IN_POST)
    {
      /* A filled post changes status only when its holder leaves. */
      gtk_widget_set_sensitive (GTK_WIDGET (self->status_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->staff_row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->status_row),
                                   _("Filled: it becomes vacant when the holder leaves "
                                     "(record the leaver on the Team page)"));
      for (pos = 0; pos < g_list_model_get_n_items (G_LIST_MODEL (self->staff_model)); pos++)
        {
          g_autoptr(PcnStaff) staff = g_list_model_get_item (G_LIST_MODEL (self->staff_model), pos);

          if (pcn_staff_get_id (staff) == pcn_post_get_staff_id (post))
            adw_combo_row_set_selected (self->staff_row, pos);
        }
    }
}

PcnPostDialog *
pcn_post_dialog_new (PcnStore    *store,
                     GPtrArray   *roles,
                     GPtrArray   *practices,
                     GPtrArray   *staff,
                     PcnPost     *post,
                     const GDate *as_at)
{
  PcnPostDialog *self;

  g_return_val_if_fail (PCN_IS_STORE (store), NULL);
  g_return_val_if_fail (roles != NULL, NULL);
  g_return_val_if_fail (post == NULL || PCN_IS_POST (post), NULL);

  self = g_object_new (PCN_TYPE_POST_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->roles = g_ptr_array_ref (roles);
  if (as_at != NULL && g_date_valid (as_at))
    self->as_at = *as_at;
  else
    pcn_date_set_today (&self->as_at);

  g_list_store_splice (self->roles_model, 0, 0, roles->pdata, roles->len);
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (self->roles_model));

  for (guint i = 0; practices != NULL && i < practices->len; i++)
    {
      PcnPractice *practice = g_ptr_array_index (practices, i);
      GtkWidget *row = pcn_post_row_practice_new (pcn_practice_get_name (practice));

      g_ptr_array_add (self->practice_names, g_strdup (pcn_practice_get_name (practice)));
      g_ptr_array_add (self->practice_rows, row);
      adw_preferences_group_add (self->practices_group, row);
    }

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      PcnStaff *person = g_ptr_array_index (staff, i);

      if (pcn_staff_get_status (person, &self->as_at) != PCN_STAFF_STATUS_LEFT ||
          (post != NULL && pcn_staff_get_id (person) == pcn_post_get_staff_id (post)))
        g_list_store_append (self->staff_model, person);
    }
  adw_combo_row_set_model (self->staff_row, G_LIST_MODEL (self->staff_model));

  if (post != NULL)
    {
      self->original = pcn_post_copy (post);
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Post"));
      fill_from_post (self, post);
    }
  else
    {
      g_autofree char *today = pcn_date_to_iso (&self->as_at);

      gtk_editable_set_text (GTK_EDITABLE (self->wte_row), "1.0");
      gtk_editable_set_text (GTK_EDITABLE (self->status_date_row), today);
      adw_combo_row_set_selected (self->purpose_row, PURPOSE_DES);
    }
  on_purpose_selected_cb (self);
  on_status_selected_cb (self);

  return self;
}

GtkWidget *
_pcn_post_dialog_get_row (PcnPostDialog *self,
                          const char    *field)
{
  g_return_val_if_fail (PCN_IS_POST_DIALOG (self), NULL);
  return row_for_field (self, field);
}

GtkWidget *
_pcn_post_dialog_get_practice (PcnPostDialog *self,
                               const char    *practice)
{
  g_return_val_if_fail (PCN_IS_POST_DIALOG (self), NULL);

  for (guint i = 0; i < self->practice_rows->len; i++)
    {
      PcnPostRowPractice *row = g_ptr_array_index (self->practice_rows, i);

      if (g_strcmp0 (pcn_post_row_practice_get_practice (row), practice) == 0)
        return GTK_WIDGET (row);
    }
  return NULL;
}

gboolean
_pcn_post_dialog_is_busy (PcnPostDialog *self)
{
  return self->busy;
}

const char *
_pcn_post_dialog_get_error (PcnPostDialog *self)
{
  return self->error_text;
}
