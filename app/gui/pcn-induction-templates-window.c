/* pcn-induction-templates-window.c — editing the induction templates
 *
 * Every change is one store call on the worker thread that returns the
 * templates again; the window then rebuilds the groups of the checklist
 * shown (one per section, one combo row per item whose choice is when the
 * item is due, with move up, move down and remove). Nothing here touches
 * a checklist already issued: the store copies items when it issues them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-induction-templates-window.h"

struct _PcnInductionTemplatesWindow
{
  AdwWindow            parent_instance;

  /* template */
  AdwToastOverlay     *toast_overlay;
  GtkSpinner          *spinner;
  AdwPreferencesPage  *page;
  AdwComboRow         *checklist_row;
  AdwEntryRow         *section_row;
  AdwEntryRow         *text_row;
  AdwComboRow         *owner_row;
  GtkStringList       *owner_model;
  AdwComboRow         *due_row;
  GtkStringList       *due_model;
  GtkLabel            *error_label;

  PcnStore            *store;
  GCancellable        *cancellable;
  GPtrArray           *templates;   /* every PcnInductionTemplateItem */
  GPtrArray           *shown;       /* those of the checklist shown (borrowed) */
  GPtrArray           *groups;      /* AdwPreferencesGroup added for sections */
  GPtrArray           *rows;        /* the AdwComboRow of each item shown (borrowed) */
  guint                ops;
  guint                rebuilding : 1;
};

G_DEFINE_FINAL_TYPE (PcnInductionTemplatesWindow, pcn_induction_templates_window, ADW_TYPE_WINDOW)

typedef enum
{
  OP_LOAD,
  OP_ADD,
  OP_REMOVE,
  OP_MOVE,
  OP_DUE,
} OpKind;

typedef struct
{
  OpKind                    kind;
  gint64                    id;
  int                       position;
  PcnInductionDue           due;
  PcnInductionTemplateItem *item;
} OpData;

/* Owners offered per checklist, in the order of owner_model. */
static const PcnInductionOwner pcn_owners[] = { PCN_INDUCTION_OWNER_PCN,
                                                PCN_INDUCTION_OWNER_EMPLOYER,
                                                PCN_INDUCTION_OWNER_HOST_PRACTICE };

static void
op_data_free (gpointer data)
{
  OpData *d = data;

  g_clear_pointer (&d->item, pcn_induction_template_item_free);
  g_free (d);
}

static gpointer
op_func (PcnStore  *store,
         gpointer   data,
         GError   **error)
{
  OpData *d = data;
  gboolean ok = TRUE;

  switch (d->kind)
    {
    case OP_ADD:
      ok = pcn_store_add_induction_template (store, d->item, error);
      break;
    case OP_REMOVE:
      ok = pcn_store_remove_induction_template (store, d->id, error);
      break;
    case OP_MOVE:
      ok = pcn_store_move_induction_template (store, d->id, d->position, error);
      break;
    case OP_DUE:
      ok = pcn_store_set_induction_template_due (store, d->id, d->due, error);
      break;
    case OP_LOAD:
    default:
      break;
    }
  if (!ok)
    return NULL;
  return pcn_store_list_induction_templates (store, error);
}

static PcnChecklistKind
selected_kind (PcnInductionTemplatesWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->checklist_row);

  return selected < PCN_CHECKLIST_N_KINDS ? (PcnChecklistKind) selected : PCN_CHECKLIST_PCN;
}

static void
set_error (PcnInductionTemplatesWindow *self,
           const char                  *message)
{
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void run_op (PcnInductionTemplatesWindow *self,
                    OpData                      *d);

typedef struct
{
  PcnInductionTemplatesWindow *self;
  gint64                       id;
  int                          position;
} RowData;

static void
on_due_selected_cb (AdwComboRow *row,
                    GParamSpec  *pspec,
                    RowData     *rd)
{
  OpData *d;

  if (rd->self->rebuilding)
    return;
  d = g_new0 (OpData, 1);
  d->kind = OP_DUE;
  d->id = rd->id;
  d->due = (PcnInductionDue) adw_combo_row_get_selected (row);
  run_op (rd->self, d);
}

static void
on_up_clicked_cb (GtkButton *button,
                  RowData   *rd)
{
  OpData *d = g_new0 (OpData, 1);

  d->kind = OP_MOVE;
  d->id = rd->id;
  d->position = MAX (rd->position - 1, 0);
  run_op (rd->self, d);
}

static void
on_down_clicked_cb (GtkButton *button,
                    RowData   *rd)
{
  OpData *d = g_new0 (OpData, 1);

  d->kind = OP_MOVE;
  d->id = rd->id;
  d->position = rd->position + 1;
  run_op (rd->self, d);
}

static void
on_remove_clicked_cb (GtkButton *button,
                      RowData   *rd)
{
  OpData *d = g_new0 (OpData, 1);

  d->kind = OP_REMOVE;
  d->id = rd->id;
  run_op (rd->self, d);
}

static GtkWidget *
icon_button (const char *icon,
             const char *tooltip,
             const char *label)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

static void
rebuild (PcnInductionTemplatesWindow *self)
{
  PcnChecklistKind kind = selected_kind (self);
  AdwPreferencesGroup *group = NULL;
  const PcnInductionTemplateItem *prev = NULL;
  guint index = 0, n_in_list = 0;

  self->rebuilding = TRUE;
  for (guint i = 0; i < self->groups->len; i++)
    adw_preferences_page_remove (self->page, g_ptr_array_index (self->groups, i));
  g_ptr_array_set_size (self->groups, 0);
  g_ptr_array_set_size (self->shown, 0);
  g_ptr_array_set_size (self->rows, 0);

  if (self->templates != NULL)
    for (guint i = 0; i < self->templates->len; i++)
      if (((PcnInductionTemplateItem *) g_ptr_array_index (self->templates, i))->checklist == kind)
        n_in_list++;

  for (guint i = 0; self->templates != NULL && i < self->templates->len; i++)
    {
      PcnInductionTemplateItem *item = g_ptr_array_index (self->templates, i);
      g_autoptr(GtkStringList) dues = gtk_string_list_new (NULL);
      g_autofree char *subtitle = NULL;
      g_autofree char *up = NULL;
      g_autofree char *down = NULL;
      g_autofree char *remove = NULL;
      GtkWidget *row, *button;
      RowData *rd;

      if (item->checklist != kind)
        continue;
      g_ptr_array_add (self->shown, item);
      if (group == NULL || g_strcmp0 (prev->section, item->section) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, item->section);
          adw_preferences_page_add (self->page, group);
          g_ptr_array_add (self->groups, group);
        }
      for (guint d = 0; d < PCN_INDUCTION_N_DUES; d++)
        gtk_string_list_append (dues, pcn_induction_due_get_label ((PcnInductionDue) d));

      row = adw_combo_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      if (item->role_code != NULL)
        /* Translators: %1$s who owns the item, %2$s a role code */
        subtitle = g_strdup_printf (_("Owner: %1$s — only for role %2$s"),
                                    pcn_induction_owner_get_label (item->owner), item->role_code);
      else
        subtitle = g_strdup_printf (_("Owner: %s"), pcn_induction_owner_get_label (item->owner));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (dues));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), item->due);

      rd = g_new0 (RowData, 1);
      rd->self = self;
      rd->id = item->id;
      rd->position = item->position;
      g_signal_connect_data (row, "notify::selected", G_CALLBACK (on_due_selected_cb), rd,
                             (GClosureNotify) (void (*) (void)) g_free, 0);

      /* Translators: %s is a checklist item */
      up = g_strdup_printf (_("Move “%s” up"), item->text);
      button = icon_button ("go-up-symbolic", _("Move Up"), up);
      gtk_widget_set_sensitive (button, index > 0);
      g_signal_connect (button, "clicked", G_CALLBACK (on_up_clicked_cb), rd);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      /* Translators: %s is a checklist item */
      down = g_strdup_printf (_("Move “%s” down"), item->text);
      button = icon_button ("go-down-symbolic", _("Move Down"), down);
      gtk_widget_set_sensitive (button, index + 1 < n_in_list);
      g_signal_connect (button, "clicked", G_CALLBACK (on_down_clicked_cb), rd);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      /* Translators: %s is a checklist item */
      remove = g_strdup_printf (_("Remove “%s”"), item->text);
      button = icon_button ("user-trash-symbolic", _("Remove"), remove);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked_cb), rd);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

      adw_preferences_group_add (group, row);
      g_ptr_array_add (self->rows, row);
      prev = item;
      index++;
    }
  self->rebuilding = FALSE;
}

static void
update_owners (PcnInductionTemplatesWindow *self)
{
  PcnChecklistKind kind = selected_kind (self);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->owner_model));
  const char *labels[4] = { NULL };

  if (kind == PCN_CHECKLIST_PCN)
    {
      labels[0] = pcn_induction_owner_get_label (PCN_INDUCTION_OWNER_PCN);
      labels[1] = pcn_induction_owner_get_label (PCN_INDUCTION_OWNER_EMPLOYER);
      labels[2] = pcn_induction_owner_get_label (PCN_INDUCTION_OWNER_HOST_PRACTICE);
    }
  else if (kind == PCN_CHECKLIST_PRACTICE)
    labels[0] = pcn_induction_owner_get_label (PCN_INDUCTION_OWNER_HOST_PRACTICE);
  else
    labels[0] = pcn_induction_owner_get_label (PCN_INDUCTION_OWNER_EMPLOYER);
  gtk_string_list_splice (self->owner_model, 0, n, labels);
  adw_combo_row_set_selected (self->owner_row, 0);
}

static PcnInductionOwner
selected_owner (PcnInductionTemplatesWindow *self)
{
  PcnChecklistKind kind = selected_kind (self);
  guint selected = adw_combo_row_get_selected (self->owner_row);

  if (kind == PCN_CHECKLIST_PRACTICE)
    return PCN_INDUCTION_OWNER_HOST_PRACTICE;
  if (kind == PCN_CHECKLIST_EMPLOYER)
    return PCN_INDUCTION_OWNER_EMPLOYER;
  return selected < G_N_ELEMENTS (pcn_owners) ? pcn_owners[selected] : PCN_INDUCTION_OWNER_PCN;
}

/* What the callback needs (the worker owns the OpData). */
typedef struct
{
  PcnInductionTemplatesWindow *self;
  OpKind                       kind;
} OpContext;

static void
op_context_free (OpContext *context)
{
  g_clear_object (&context->self);
  g_free (context);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpContext, op_context_free)

static void
on_op_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(OpContext) context = user_data;
  PcnInductionTemplatesWindow *self = context->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = pcn_store_run_finish (PCN_STORE (object), result, &error);
  OpContext *d = context;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->ops--;
  gtk_spinner_set_spinning (self->spinner, self->ops > 0);
  if (templates == NULL)
    {
      g_autofree char *message = NULL;

      g_message ("Induction template not changed: %s", error->message);
      if (d->kind == OP_ADD)
        set_error (self, error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Not changed: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      rebuild (self);
      return;
    }
  if (d->kind == OP_ADD)
    {
      set_error (self, NULL);
      gtk_editable_set_text (GTK_EDITABLE (self->text_row), "");
      gtk_widget_grab_focus (GTK_WIDGET (self->text_row));
      adw_toast_overlay_add_toast (self->toast_overlay,
                                   adw_toast_new (_("Added; starters from now on get this item")));
    }
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  self->templates = g_steal_pointer (&templates);
  rebuild (self);
}

static void
run_op (PcnInductionTemplatesWindow *self,
        OpData                      *d)
{
  OpContext *context = g_new0 (OpContext, 1);

  context->self = g_object_ref (self);
  context->kind = d->kind;
  self->ops++;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  pcn_store_run_async (self->store, op_func, d, op_data_free,
                       (GDestroyNotify) g_ptr_array_unref, self->cancellable,
                       on_op_done_cb, context);
}

static void
on_checklist_selected_cb (PcnInductionTemplatesWindow *self)
{
  update_owners (self);
  set_error (self, NULL);
  rebuild (self);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  PcnInductionTemplatesWindow *self = PCN_INDUCTION_TEMPLATES_WINDOW (widget);
  g_autoptr(PcnInductionTemplateItem) item = pcn_induction_template_item_new ();
  g_autoptr(GError) error = NULL;
  const char *field = NULL;
  OpData *d;

  item->checklist = selected_kind (self);
  item->section = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->section_row))));
  item->text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->text_row))));
  item->owner = selected_owner (self);
  item->due = (PcnInductionDue) MIN (adw_combo_row_get_selected (self->due_row),
                                     PCN_INDUCTION_N_DUES - 1);
  item->position = -1;

  gtk_widget_remove_css_class (GTK_WIDGET (self->section_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->text_row), "error");
  if (!pcn_induction_template_item_validate (item, NULL, &field, &error))
    {
      GtkWidget *bad = g_strcmp0 (field, "section") == 0 ? GTK_WIDGET (self->section_row)
                                                         : GTK_WIDGET (self->text_row);

      set_error (self, error->message);
      gtk_widget_add_css_class (bad, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (bad), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_widget_grab_focus (bad);
      return;
    }
  set_error (self, NULL);
  d = g_new0 (OpData, 1);
  d->kind = OP_ADD;
  d->item = g_steal_pointer (&item);
  run_op (self, d);
}

static void
pcn_induction_templates_window_dispose (GObject *object)
{
  PcnInductionTemplatesWindow *self = PCN_INDUCTION_TEMPLATES_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_INDUCTION_TEMPLATES_WINDOW);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (pcn_induction_templates_window_parent_class)->dispose (object);
}

static void
pcn_induction_templates_window_finalize (GObject *object)
{
  PcnInductionTemplatesWindow *self = PCN_INDUCTION_TEMPLATES_WINDOW (object);

  g_clear_pointer (&self->shown, g_ptr_array_unref);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->templates, g_ptr_array_unref);
  G_OBJECT_CLASS (pcn_induction_templates_window_parent_class)->finalize (object);
}

static void
pcn_induction_templates_window_class_init (PcnInductionTemplatesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_induction_templates_window_dispose;
  object_class->finalize = pcn_induction_templates_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-induction-templates-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnInductionTemplatesWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionTemplatesWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionTemplatesWindow, page);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionTemplatesWindow, checklist_row);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionTemplatesWindow, section_row);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionTemplatesWindow, text_row);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionTemplatesWindow, owner_row);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionTemplatesWindow, owner_model);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionTemplatesWindow, due_row);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionTemplatesWindow, due_model);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionTemplatesWindow, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_checklist_selected_cb);

  gtk_widget_class_install_action (widget_class, "templates.add", NULL, add_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pcn_induction_templates_window_init (PcnInductionTemplatesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->shown = g_ptr_array_new ();
  self->groups = g_ptr_array_new ();
  self->rows = g_ptr_array_new ();
  for (guint d = 0; d < PCN_INDUCTION_N_DUES; d++)
    gtk_string_list_append (self->due_model, pcn_induction_due_get_label ((PcnInductionDue) d));
  adw_combo_row_set_selected (self->due_row, PCN_INDUCTION_DUE_WEEK_1);
  update_owners (self);
}

PcnInductionTemplatesWindow *
pcn_induction_templates_window_new (PcnStore *store)
{
  PcnInductionTemplatesWindow *self;
  OpData *d;

  g_return_val_if_fail (PCN_IS_STORE (store), NULL);

  self = g_object_new (PCN_TYPE_INDUCTION_TEMPLATES_WINDOW, NULL);
  self->store = g_object_ref (store);
  d = g_new0 (OpData, 1);
  d->kind = OP_LOAD;
  run_op (self, d);
  return self;
}

gboolean
_pcn_induction_templates_window_is_busy (PcnInductionTemplatesWindow *self)
{
  return self->ops > 0;
}

GPtrArray *
_pcn_induction_templates_window_get_items (PcnInductionTemplatesWindow *self)
{
  return self->shown;
}

AdwComboRow *
_pcn_induction_templates_window_get_due_row (PcnInductionTemplatesWindow *self,
                                             guint                        index)
{
  g_return_val_if_fail (index < self->rows->len, NULL);
  return g_ptr_array_index (self->rows, index);
}

GtkEditable *
_pcn_induction_templates_window_get_field (PcnInductionTemplatesWindow *self,
                                           const char                  *name)
{
  if (g_str_equal (name, "section"))
    return GTK_EDITABLE (self->section_row);
  if (g_str_equal (name, "text"))
    return GTK_EDITABLE (self->text_row);
  g_return_val_if_reached (NULL);
}

const char *
_pcn_induction_templates_window_get_error (PcnInductionTemplatesWindow *self)
{
  return gtk_widget_get_visible (GTK_WIDGET (self->error_label))
           ? gtk_label_get_text (self->error_label) : NULL;
}
