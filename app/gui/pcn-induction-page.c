/* pcn-induction-page.c — the Induction page
 *
 * The overview is one load on the store's worker thread
 * (pcn_store_induction_progress as at the page's date, restricted to a
 * practice's own checklists when a practice manager picked theirs) that
 * fills a GListStore of PcnInductionRow under an "overdue only" filter and
 * the column view's sorter. Activating a line loads that person's items
 * and lays each checklist out as a column of section groups of
 * PcnInductionItemRow. A tick, N/A, reopen or note runs on the worker
 * thread and returns the person's items again, so every row and column
 * heading shows what the store holds; a refusal leaves the row as it was
 * and says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-export-induction.h"
#include "pcn-induction-item-row.h"
#include "pcn-induction-page-private.h"
#include "pcn-induction-print.h"
#include "pcn-induction-row.h"
#include "pcn-induction-templates-window.h"

#define PCN_SCHEMA_ID "org.pcnworkforce.PcnWorkforce"
#define TICKED_BY_KEY "induction-ticked-by"

typedef struct
{
  GtkLabel       *counts;
  GtkProgressBar *bar;
} ColumnHeading;

struct _PcnInductionPage
{
  AdwBin               parent_instance;

  /* template */
  AdwToastOverlay     *toast_overlay;
  GtkStack            *view_stack;
  GtkDropDown         *practice_dropdown;
  GtkStringList       *practices_model;
  GtkCheckButton      *overdue_check;
  GtkSpinner          *spinner;
  GtkLabel            *summary_label;
  GtkStack            *list_stack;
  GtkColumnView       *overview_view;
  GtkColumnViewColumn *start_column;
  GListStore          *overview_store;
  GtkFilterListModel  *overview_filter_model;
  GtkSortListModel    *overview_sort_model;
  GtkSingleSelection  *overview_selection;
  GtkSignalListItemFactory *progress_factory;
  GtkLabel            *person_title;
  GtkLabel            *person_subtitle;
  GtkBox              *columns_box;

  PcnStore            *store;
  PcnNetwork          *network;         /* for the workbooks' titles */
  GDate                as_at;
  GCancellable        *cancellable;     /* loads */
  GCancellable        *op_cancellable;  /* ticks and exports */
  GSettings           *settings;
  GtkCustomFilter     *filter;
  char                *practice;        /* NULL: everyone */
  char                *last_by;         /* without GSettings */
  char                *last_error;
  GtkNativeDialog     *native;
  GtkWindow           *templates_window;

  PcnStaff            *person;          /* the person shown, or NULL */
  GPtrArray           *items;           /* their PcnInductionItem */
  GHashTable          *rows;            /* item id → PcnInductionItemRow (borrowed) */
  GHashTable          *headings;        /* checklist id → ColumnHeading */

  guint                n_loads;
  guint                loading;
  guint                ops;
  guint                updating_practices : 1;
};

G_DEFINE_FINAL_TYPE (PcnInductionPage, pcn_induction_page, ADW_TYPE_BIN)

static void load_person (PcnInductionPage *self);

/* ------------------------------------------------------------ helpers */

static GSettings *
settings_new_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;
  schema = g_settings_schema_source_lookup (source, PCN_SCHEMA_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, TICKED_BY_KEY))
    return NULL;
  return g_settings_new_full (schema, NULL, NULL);
}

static char *
dup_last_by (PcnInductionPage *self)
{
  if (self->settings != NULL)
    return g_settings_get_string (self->settings, TICKED_BY_KEY);
  return g_strdup (self->last_by ? self->last_by : "");
}

static void
show_toast (PcnInductionPage *self,
            const char       *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_actions (PcnInductionPage *self)
{
  gboolean person = self->person != NULL && self->items != NULL &&
                    g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "person") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "induction.print", person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "induction.tick", person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "induction.back", person);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "induction.export",
                                 self->store != NULL && self->network != NULL && self->native == NULL &&
                                 (person || g_list_model_get_n_items (G_LIST_MODEL (self->overview_store)) > 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "induction.edit-templates", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "induction.reload", self->store != NULL);
}

static void
set_loading (PcnInductionPage *self,
             gboolean          loading)
{
  if (loading)
    self->loading++;
  else if (self->loading > 0)
    self->loading--;
  gtk_spinner_set_spinning (self->spinner, self->loading > 0 || self->ops > 0);
}

static void
set_last_error (PcnInductionPage *self,
                const char       *message)
{
  g_free (self->last_error);
  self->last_error = g_strdup (message);
}

/* ------------------------------------------------------------ overview */

typedef struct
{
  GDate  as_at;
  char  *practice;
} LoadData;

typedef struct
{
  PcnNetwork *network;
  GPtrArray  *practices;  /* char * */
  GPtrArray  *starters;   /* PcnInductionStarter */
} LoadResult;

static void
load_data_free (gpointer data)
{
  LoadData *d = data;

  g_free (d->practice);
  g_free (d);
}

static void
load_result_free (gpointer data)
{
  LoadResult *r = data;

  g_clear_object (&r->network);
  g_clear_pointer (&r->practices, g_ptr_array_unref);
  g_clear_pointer (&r->starters, g_ptr_array_unref);
  g_free (r);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

static gpointer
load_func (PcnStore  *store,
           gpointer   data,
           GError   **error)
{
  LoadData *d = data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autoptr(GPtrArray) practices = pcn_store_list_practices (store, error);

  if (practices == NULL)
    return NULL;
  result->network = pcn_store_get_network (store, error);
  if (result->network == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NO_NETWORK,
                             _("The PCN has not been created yet"));
      return NULL;
    }
  result->practices = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < practices->len; i++)
    g_ptr_array_add (result->practices,
                     g_strdup (pcn_practice_get_name (g_ptr_array_index (practices, i))));
  result->starters = pcn_store_induction_progress (store, &d->as_at, d->practice, error);
  if (result->starters == NULL)
    return NULL;
  return g_steal_pointer (&result);
}

static void
update_practices (PcnInductionPage *self,
                  GPtrArray        *practices)
{
  GListModel *model = G_LIST_MODEL (self->practices_model);
  guint n = g_list_model_get_n_items (model);
  gboolean same = n == practices->len + 1;
  g_autoptr(GPtrArray) strings = g_ptr_array_new ();
  guint selected = 0;

  for (guint i = 0; same && i < practices->len; i++)
    same = g_strcmp0 (gtk_string_list_get_string (self->practices_model, i + 1),
                      g_ptr_array_index (practices, i)) == 0;
  if (same)
    return;

  /* Translators: the first entry of "I am the practice manager for:" */
  g_ptr_array_add (strings, (gpointer) _("Everyone (the whole PCN)"));
  for (guint i = 0; i < practices->len; i++)
    {
      g_ptr_array_add (strings, g_ptr_array_index (practices, i));
      if (g_strcmp0 (self->practice, g_ptr_array_index (practices, i)) == 0)
        selected = i + 1;
    }
  g_ptr_array_add (strings, NULL);

  self->updating_practices = TRUE;
  gtk_string_list_splice (self->practices_model, 0, n, (const char *const *) strings->pdata);
  gtk_drop_down_set_selected (self->practice_dropdown, selected);
  self->updating_practices = FALSE;
  if (selected == 0)
    g_clear_pointer (&self->practice, g_free);
}

static void
update_summary (PcnInductionPage *self)
{
  GListModel *all = G_LIST_MODEL (self->overview_store);
  guint n = g_list_model_get_n_items (all);
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  guint overdue = 0, n_people;
  g_autofree char *people_text = NULL;
  g_autofree char *overdue_text = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcnInductionRow) row = g_list_model_get_item (all, i);
      gint64 id = pcn_induction_row_get_staff_id (row);

      g_hash_table_add (people, g_memdup2 (&id, sizeof id));
      overdue += pcn_induction_row_get_overdue (row);
    }
  n_people = g_hash_table_size (people);
  /* Translators: how many starters the overview lists */
  people_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u starter in their first six months",
                                              "%u starters in their first six months", n_people),
                                 n_people);
  /* Translators: how many open items are past their due date */
  overdue_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u item overdue",
                                               "%u items overdue", overdue), overdue);
  if (self->practice != NULL)
    /* Translators: %1$s "N starters…", %2$s "N items overdue", %3$s a practice */
    text = g_strdup_printf (_("%1$s at %3$s, %2$s. Only the checklists %3$s owns are shown. "
                              "Pick a line to open it."),
                            people_text, overdue_text, self->practice);
  else
    /* Translators: %1$s "N starters…", %2$s "N items overdue" */
    text = g_strdup_printf (_("%1$s, %2$s. Pick a line to open that person’s checklists."),
                            people_text, overdue_text);
  gtk_label_set_text (self->summary_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PcnInductionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LoadResult) loaded = pcn_store_run_finish (PCN_STORE (object), result, &error);
  g_autoptr(GPtrArray) rows = NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (loaded == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("Cannot load the induction overview: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot load the induction checklists: %s"), error->message);
      show_toast (self, message);
      self->n_loads++;
      return;
    }

  g_set_object (&self->network, loaded->network);
  update_practices (self, loaded->practices);
  rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < loaded->starters->len; i++)
    {
      PcnInductionStarter *starter = g_ptr_array_index (loaded->starters, i);

      for (guint j = 0; j < starter->checklists->len; j++)
        g_ptr_array_add (rows, pcn_induction_row_new (starter->staff,
                                                      g_ptr_array_index (starter->checklists, j)));
    }
  g_list_store_splice (self->overview_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->overview_store)),
                       rows->pdata, rows->len);
  update_summary (self);
  self->n_loads++;
  update_actions (self);
}

static void
load_overview (PcnInductionPage *self)
{
  LoadData *data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = 0;
  set_loading (self, FALSE);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->overview_store);
      update_actions (self);
      return;
    }
  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->as_at = self->as_at;
  data->practice = g_strdup (self->practice);
  set_loading (self, TRUE);
  pcn_store_run_async (self->store, load_func, data, load_data_free, load_result_free,
                       self->cancellable, on_load_done_cb, g_object_ref (self));
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  PcnInductionPage *self = user_data;

  return !gtk_check_button_get_active (self->overdue_check) ||
         pcn_induction_row_get_overdue (item) > 0;
}

static void
on_overdue_toggled_cb (PcnInductionPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->filter),
                      gtk_check_button_get_active (self->overdue_check)
                        ? GTK_FILTER_CHANGE_MORE_STRICT : GTK_FILTER_CHANGE_LESS_STRICT);
}

static void
on_practice_selected_cb (PcnInductionPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->practice_dropdown);
  const char *name = NULL;

  if (self->updating_practices)
    return;
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    name = gtk_string_list_get_string (self->practices_model, selected);
  if (g_strcmp0 (name, self->practice) == 0)
    return;
  g_free (self->practice);
  self->practice = g_strdup (name);
  pcn_induction_page_reload (self);
}

static void
on_progress_setup_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      gpointer                  user_data)
{
  GtkWidget *bar = gtk_progress_bar_new ();

  gtk_progress_bar_set_show_text (GTK_PROGRESS_BAR (bar), TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_list_item_set_child (list_item, bar);
}

static void
on_progress_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     gpointer                  user_data)
{
  PcnInductionRow *row = gtk_list_item_get_item (list_item);
  GtkProgressBar *bar = GTK_PROGRESS_BAR (gtk_list_item_get_child (list_item));
  g_autofree char *label = NULL;

  gtk_progress_bar_set_fraction (bar, pcn_induction_row_get_fraction (row));
  gtk_progress_bar_set_text (bar, pcn_induction_row_get_progress_text (row));
  /* Translators: %1$u done, %2$u not applicable, %3$u on the checklist */
  label = g_strdup_printf (_("Progress: %1$u done and %2$u not applicable of %3$u"),
                           pcn_induction_row_get_done (row), pcn_induction_row_get_na (row),
                           pcn_induction_row_get_total (row));
  gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* ------------------------------------------------------------ a person */

typedef struct
{
  gint64   staff_id;
  char    *practice;
  /* for changes */
  int      kind;        /* 0 load, 1 tick, 2 reopen, 3 note */
  gint64   item_id;
  char    *by;
  char    *date;
  char    *reason;
  char    *note;
  GDate    as_at;
} PersonData;

static void
person_data_free (gpointer data)
{
  PersonData *d = data;

  g_free (d->practice);
  g_free (d->by);
  g_free (d->date);
  g_free (d->reason);
  g_free (d->note);
  g_free (d);
}

static gpointer
person_func (PcnStore  *store,
             gpointer   data,
             GError   **error)
{
  PersonData *d = data;

  switch (d->kind)
    {
    case 1:
      {
        g_autoptr(PcnInductionItem) item = NULL;

        item = pcn_store_tick_induction_item (store, d->staff_id, d->item_id, d->by, d->date,
                                              d->reason, d->note, &d->as_at, error);
        if (item == NULL)
          return NULL;
      }
      break;
    case 2:
      {
        g_autoptr(PcnInductionItem) item = pcn_store_reopen_induction_item (store, d->item_id,
                                                                            error);
        if (item == NULL)
          return NULL;
      }
      break;
    case 3:
      if (!pcn_store_set_induction_note (store, d->item_id, d->note, error))
        return NULL;
      break;
    default:
      break;
    }
  return pcn_store_list_induction_items (store, d->staff_id, d->practice, error);
}

static const char *
checklist_title (const PcnInductionItem *item)
{
  if (item->checklist == PCN_CHECKLIST_PRACTICE && item->practice != NULL)
    return item->practice;
  return pcn_checklist_kind_get_label (item->checklist);
}

static void
update_headings (PcnInductionPage *self)
{
  g_autoptr(GPtrArray) progress = pcn_induction_progress_compute (self->items, &self->as_at);

  for (guint i = 0; i < progress->len; i++)
    {
      PcnInductionProgress *p = g_ptr_array_index (progress, i);
      ColumnHeading *heading = g_hash_table_lookup (self->headings, &p->checklist_id);
      g_autofree char *text = NULL;
      g_autofree char *bar_text = NULL;
      double fraction;

      if (heading == NULL)
        continue;
      fraction = p->items_total > 0 ? (double) (p->items_done + p->items_na) / p->items_total : 1;
      /* Translators: %1$u done, %2$u not applicable, %3$u overdue */
      text = g_strdup_printf (_("%1$u done, %2$u not applicable, %3$u overdue"),
                              p->items_done, p->items_na, p->items_overdue);
      gtk_label_set_text (heading->counts, text);
      if (p->items_overdue > 0)
        gtk_widget_add_css_class (GTK_WIDGET (heading->counts), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (heading->counts), "error");
      /* Translators: %1$u items done or not applicable, %2$u on the checklist */
      bar_text = g_strdup_printf (_("%1$u of %2$u"), p->items_done + p->items_na, p->items_total);
      gtk_progress_bar_set_fraction (heading->bar, fraction);
      gtk_progress_bar_set_text (heading->bar, bar_text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading->bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      text, -1);
    }
}

static void on_row_tick_cb      (PcnInductionItemRow *row,
                                 const char          *by,
                                 const char          *date,
                                 const char          *reason,
                                 const char          *note,
                                 PcnInductionPage    *self);
static void on_row_reopen_cb    (PcnInductionItemRow *row,
                                 PcnInductionPage    *self);
static void on_row_save_note_cb (PcnInductionItemRow *row,
                                 const char          *note,
                                 PcnInductionPage    *self);

static void
clear_columns (PcnInductionPage *self)
{
  GtkWidget *child;

  g_hash_table_remove_all (self->rows);
  g_hash_table_remove_all (self->headings);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->columns_box))) != NULL)
    gtk_box_remove (self->columns_box, child);
}

/* One column per checklist, one group per section, one row per item. */
static void
build_columns (PcnInductionPage *self)
{
  g_autofree char *last_by = dup_last_by (self);
  const PcnInductionItem *prev = NULL;
  GtkBox *column = NULL;
  AdwPreferencesGroup *group = NULL;

  clear_columns (self);
  for (guint i = 0; i < self->items->len; i++)
    {
      const PcnInductionItem *item = g_ptr_array_index (self->items, i);
      PcnInductionItemRow *row;

      if (prev == NULL || prev->checklist_id != item->checklist_id)
        {
          ColumnHeading *heading = g_new0 (ColumnHeading, 1);
          GtkWidget *title = gtk_label_new (checklist_title (item));
          g_autofree char *kind = NULL;
          GtkWidget *kind_label;

          column = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 12));
          gtk_widget_set_size_request (GTK_WIDGET (column), 400, -1);
          gtk_box_append (self->columns_box, GTK_WIDGET (column));

          gtk_label_set_xalign (GTK_LABEL (title), 0);
          gtk_label_set_wrap (GTK_LABEL (title), TRUE);
          gtk_widget_add_css_class (title, "title-2");
          gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2,
                                          -1);
          gtk_box_append (column, title);
          if (item->checklist == PCN_CHECKLIST_PRACTICE)
            /* Translators: under a practice's name at the top of its checklist */
            kind = g_strdup (_("Host practice checklist"));
          else if (item->checklist == PCN_CHECKLIST_EMPLOYER)
            kind = g_strdup (_("Employer’s checklist"));
          else
            kind = g_strdup (_("PCN checklist"));
          kind_label = gtk_label_new (kind);
          gtk_label_set_xalign (GTK_LABEL (kind_label), 0);
          gtk_widget_add_css_class (kind_label, "dim-label");
          gtk_box_append (column, kind_label);

          heading->bar = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
          gtk_progress_bar_set_show_text (heading->bar, TRUE);
          gtk_box_append (column, GTK_WIDGET (heading->bar));
          heading->counts = GTK_LABEL (gtk_label_new (NULL));
          gtk_label_set_xalign (heading->counts, 0);
          gtk_label_set_wrap (heading->counts, TRUE);
          gtk_box_append (column, GTK_WIDGET (heading->counts));
          g_hash_table_insert (self->headings, g_memdup2 (&item->checklist_id, sizeof (gint64)),
                               heading);
          group = NULL;
        }
      if (group == NULL || g_strcmp0 (prev->section, item->section) != 0)
        {
          group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
          adw_preferences_group_set_title (group, item->section);
          gtk_box_append (column, GTK_WIDGET (group));
        }

      row = pcn_induction_item_row_new ();
      pcn_induction_item_row_set_default_by (row, last_by);
      pcn_induction_item_row_set_item (row, item, &self->as_at);
      g_signal_connect_object (row, "tick", G_CALLBACK (on_row_tick_cb), self, 0);
      g_signal_connect_object (row, "reopen", G_CALLBACK (on_row_reopen_cb), self, 0);
      g_signal_connect_object (row, "save-note", G_CALLBACK (on_row_save_note_cb), self, 0);
      adw_preferences_group_add (group, GTK_WIDGET (row));
      g_hash_table_insert (self->rows, g_memdup2 (&item->id, sizeof (gint64)), row);
      prev = item;
    }

  if (self->items->len == 0)
    {
      GtkWidget *status = adw_status_page_new ();

      adw_status_page_set_title (ADW_STATUS_PAGE (status), _("No Checklist Items"));
      adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                       self->practice != NULL
                                         ? _("This practice owns no items on this person’s checklists.")
                                         : _("No checklists have been issued to this person."));
      gtk_widget_set_hexpand (status, TRUE);
      gtk_box_append (self->columns_box, status);
    }
  update_headings (self);
}

static void
show_person_items (PcnInductionPage *self,
                   GPtrArray        *items)
{
  gboolean same_layout = self->items != NULL && self->items->len == items->len &&
                         g_hash_table_size (self->rows) == items->len;

  for (guint i = 0; same_layout && i < items->len; i++)
    same_layout = g_hash_table_contains (self->rows,
                                         &((PcnInductionItem *) g_ptr_array_index (items, i))->id);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  self->items = g_ptr_array_ref (items);
  if (!same_layout)
    {
      build_columns (self);
      return;
    }
  /* Update in place: the focus and scroll position stay. */
  for (guint i = 0; i < items->len; i++)
    {
      PcnInductionItem *item = g_ptr_array_index (items, i);
      PcnInductionItemRow *row = g_hash_table_lookup (self->rows, &item->id);

      pcn_induction_item_row_set_item (row, item, &self->as_at);
    }
  update_headings (self);
}

static void
on_person_loaded_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(PcnInductionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = pcn_store_run_finish (PCN_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  self->n_loads++;
  if (items == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("Cannot load the checklists: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot load the checklists: %s"), error->message);
      show_toast (self, message);
      return;
    }
  show_person_items (self, items);
  update_actions (self);
}

static void
load_person (PcnInductionPage *self)
{
  PersonData *d;

  g_assert (self->person != NULL);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->loading = 0;
  if (self->store == NULL)
    return;
  self->cancellable = g_cancellable_new ();
  d = g_new0 (PersonData, 1);
  d->staff_id = pcn_staff_get_id (self->person);
  d->practice = g_strdup (self->practice);
  d->as_at = self->as_at;
  set_loading (self, TRUE);
  pcn_store_run_async (self->store, person_func, d, person_data_free,
                       (GDestroyNotify) g_ptr_array_unref, self->cancellable,
                       on_person_loaded_cb, g_object_ref (self));
}

static void
open_person (PcnInductionPage *self,
             PcnStaff         *staff)
{
  g_autofree char *start = pcn_iso_format_display (pcn_staff_get_start_date (staff));
  g_autofree char *subtitle = NULL;
  const char *role = pcn_staff_get_role_name (staff);

  g_set_object (&self->person, staff);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  clear_columns (self);
  gtk_label_set_text (self->person_title, pcn_staff_get_name (staff));
  if (self->practice != NULL)
    /* Translators: %1$s a role, %2$s a date, %3$s a practice */
    subtitle = g_strdup_printf (_("%1$s, starting %2$s — only the items %3$s owns"),
                                role ? role : "", start, self->practice);
  else
    /* Translators: %1$s a role, %2$s a date */
    subtitle = g_strdup_printf (_("%1$s, starting %2$s"), role ? role : "", start);
  gtk_label_set_text (self->person_subtitle, subtitle);
  gtk_stack_set_visible_child_name (self->view_stack, "person");
  load_person (self);
  update_actions (self);
}

static void
on_overview_activate_cb (PcnInductionPage *self,
                         guint             position)
{
  g_autoptr(PcnInductionRow) row = g_list_model_get_item (G_LIST_MODEL (self->overview_selection),
                                                          position);

  if (row != NULL)
    open_person (self, pcn_induction_row_get_staff (row));
}

/* ------------------------------------------------------------ changes */

/* What the callback of a change needs (the worker owns the PersonData). */
typedef struct
{
  PcnInductionPage *self;
  int               kind;
  gint64            item_id;
  gint64            staff_id;
  char             *by;
} ChangeContext;

static void
change_context_free (ChangeContext *d)
{
  g_clear_object (&d->self);
  g_free (d->by);
  g_free (d);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChangeContext, change_context_free)

static void
on_change_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ChangeContext) d = user_data;
  PcnInductionPage *self = d->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = pcn_store_run_finish (PCN_STORE (object), result, &error);
  PcnInductionItemRow *row;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->ops--;
  set_loading (self, FALSE);
  row = g_hash_table_lookup (self->rows, &d->item_id);
  if (items == NULL)
    {
      g_autofree char *message = NULL;

      g_message ("Induction item %" G_GINT64_FORMAT " not changed: %s", d->item_id,
                 error->message);
      set_last_error (self, error->message);
      if (row != NULL)
        pcn_induction_item_row_show_error (row, error->message);
      /* Translators: %s says why; the item is as it was */
      message = g_strdup_printf (_("Not changed: %s"), error->message);
      show_toast (self, message);
      return;
    }

  set_last_error (self, NULL);
  if (d->kind == 1)
    {
      GHashTableIter iter;
      gpointer value;

      g_free (self->last_by);
      self->last_by = g_strdup (d->by);
      if (self->settings != NULL)
        g_settings_set_string (self->settings, TICKED_BY_KEY, d->by);
      g_hash_table_iter_init (&iter, self->rows);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        pcn_induction_item_row_set_default_by (value, d->by);
    }
  if (self->person != NULL && pcn_staff_get_id (self->person) == d->staff_id)
    show_person_items (self, items);
}

static void
run_change (PcnInductionPage    *self,
            PcnInductionItemRow *row,
            PersonData          *d)
{
  const PcnInductionItem *item = pcn_induction_item_row_get_item (row);
  ChangeContext *context;

  if (self->store == NULL || item == NULL || self->person == NULL)
    {
      person_data_free (d);
      return;
    }
  d->item_id = item->id;
  d->staff_id = pcn_staff_get_id (self->person);
  d->practice = g_strdup (self->practice);
  d->as_at = self->as_at;
  self->ops++;
  set_loading (self, TRUE);
  self->loading--;  /* counted in ops */
  gtk_spinner_set_spinning (self->spinner, TRUE);
  context = g_new0 (ChangeContext, 1);
  context->self = g_object_ref (self);
  context->kind = d->kind;
  context->item_id = d->item_id;
  context->staff_id = d->staff_id;
  context->by = g_strdup (d->by);
  pcn_store_run_async (self->store, person_func, d, person_data_free,
                       (GDestroyNotify) g_ptr_array_unref, self->op_cancellable,
                       on_change_done_cb, context);
}

static void
on_row_tick_cb (PcnInductionItemRow *row,
                const char          *by,
                const char          *date,
                const char          *reason,
                const char          *note,
                PcnInductionPage    *self)
{
  PersonData *d = g_new0 (PersonData, 1);
  g_autofree char *iso = pcn_date_to_iso (&self->as_at);

  d->kind = 1;
  d->by = g_strdup (by);
  /* The date defaults to the page's "today", not the clock's. */
  d->date = g_strdup (date != NULL ? date : iso);
  d->reason = g_strdup (reason);
  d->note = g_strdup (note);
  run_change (self, row, d);
}

static void
on_row_reopen_cb (PcnInductionItemRow *row,
                  PcnInductionPage    *self)
{
  PersonData *d = g_new0 (PersonData, 1);

  d->kind = 2;
  run_change (self, row, d);
}

static void
on_row_save_note_cb (PcnInductionItemRow *row,
                     const char          *note,
                     PcnInductionPage    *self)
{
  PersonData *d = g_new0 (PersonData, 1);

  d->kind = 3;
  d->note = g_strdup (note);
  run_change (self, row, d);
}

/* ------------------------------------------------------------ actions */

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PcnInductionPage *self = PCN_INDUCTION_PAGE (widget);

  gtk_stack_set_visible_child_name (self->view_stack, "overview");
  g_clear_object (&self->person);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  clear_columns (self);
  load_overview (self);
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->overview_view));
}

static void
tick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, PCN_TYPE_INDUCTION_ITEM_ROW)
                                 : NULL;

  if (row != NULL)
    pcn_induction_item_row_tick (PCN_INDUCTION_ITEM_ROW (row));
  else
    show_toast (PCN_INDUCTION_PAGE (widget), _("Move to an item first, then tick it"));
}

static void
overdue_only_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PcnInductionPage *self = PCN_INDUCTION_PAGE (widget);

  gtk_check_button_set_active (self->overdue_check,
                               !gtk_check_button_get_active (self->overdue_check));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  pcn_induction_page_reload (PCN_INDUCTION_PAGE (widget));
}

static void
on_print_done_cb (GtkPrintOperation       *operation,
                  GtkPrintOperationResult  result,
                  PcnInductionPage        *self)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *message = NULL;

      gtk_print_operation_get_error (operation, &error);
      g_warning ("Printing failed: %s", error ? error->message : "?");
      /* Translators: %s says why */
      message = g_strdup_printf (_("Could not print: %s"), error ? error->message : "");
      show_toast (self, message);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PcnInductionPage *self = PCN_INDUCTION_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->person == NULL || self->items == NULL)
    return;
  operation = pcn_induction_print_new (self->person, self->items, &self->as_at);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                               &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *message = NULL;

      g_warning ("Printing failed: %s", error->message);
      message = g_strdup_printf (_("Could not print: %s"), error->message);
      show_toast (self, message);
    }
}

static void
edit_templates_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PcnInductionPage *self = PCN_INDUCTION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;
  if (self->templates_window != NULL)
    {
      gtk_window_present (self->templates_window);
      return;
    }
  self->templates_window = GTK_WINDOW (pcn_induction_templates_window_new (self->store));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (self->templates_window, GTK_WINDOW (root));
  g_object_add_weak_pointer (G_OBJECT (self->templates_window),
                             (gpointer *) &self->templates_window);
  gtk_window_present (self->templates_window);
}

/* ------------------------------------------------------------ export */

typedef struct
{
  char       *path;
  PcnNetwork *network;
  PcnStaff   *person;   /* NULL: the overview */
  GPtrArray *items;     /* the person's items */
  GPtrArray *starters;  /* the overview: PcnInductionStarter built from the rows shown */
  GDate      as_at;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *d = data;

  g_free (d->path);
  g_clear_object (&d->network);
  g_clear_object (&d->person);
  g_clear_pointer (&d->items, g_ptr_array_unref);
  g_clear_pointer (&d->starters, g_ptr_array_unref);
  g_free (d);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *d = task_data;
  GError *error = NULL;
  gboolean ok;

  if (d->person != NULL)
    ok = pcn_export_induction_person (d->path, d->network, d->person, d->items, &d->as_at,
                                      &error);
  else
    ok = pcn_export_induction_overview (d->path, d->network, d->starters, &d->as_at, &error);
  if (!ok)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PcnInductionPage *self = PCN_INDUCTION_PAGE (object);
  ExportData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *uri = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->ops--;
      set_loading (self, FALSE);
      g_warning ("Could not export the induction checklists: %s", error->message);
      /* Translators: %s is the error message */
      toast = adw_toast_new_format (_("Could not export: %s"), error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
      return;
    }
  self->ops--;
  set_loading (self, FALSE);
  basename = g_path_get_basename (d->path);
  uri = g_filename_to_uri (d->path, NULL, NULL);
  /* Translators: %s a file name */
  toast = adw_toast_new_format (_("Exported to %s"), basename);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "induction.open-export");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
}

static GPtrArray *
snapshot_starters (PcnInductionPage *self)
{
  GListModel *model = G_LIST_MODEL (self->overview_sort_model);
  guint n = g_list_model_get_n_items (model);
  GPtrArray *starters = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_starter_free);
  PcnInductionStarter *current = NULL;

  /* In the order shown; a person's lines are grouped under them. */
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcnInductionRow) row = g_list_model_get_item (model, i);
      const PcnInductionProgress *p = pcn_induction_row_get_progress (row);
      PcnInductionProgress *copy = g_new0 (PcnInductionProgress, 1);

      current = NULL;
      for (guint j = 0; j < starters->len && current == NULL; j++)
        {
          PcnInductionStarter *s = g_ptr_array_index (starters, j);

          if (pcn_staff_get_id (s->staff) == pcn_induction_row_get_staff_id (row))
            current = s;
        }
      if (current == NULL)
        {
          current = g_new0 (PcnInductionStarter, 1);
          current->staff = g_object_ref (pcn_induction_row_get_staff (row));
          current->checklists = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_progress_free);
          g_ptr_array_add (starters, current);
        }
      *copy = *p;
      copy->practice = g_strdup (p->practice);
      g_ptr_array_add (current->checklists, copy);
    }
  return starters;
}

static void
start_export (PcnInductionPage *self,
              const char       *path)
{
  g_autoptr(GTask) task = NULL;
  ExportData *d = g_new0 (ExportData, 1);

  d->path = g_strdup (path);
  d->network = g_object_ref (self->network);
  d->as_at = self->as_at;
  if (self->person != NULL && self->items != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "person") == 0)
    {
      d->person = g_object_ref (self->person);
      d->items = g_ptr_array_new_full (self->items->len, (GDestroyNotify) pcn_induction_item_free);
      for (guint i = 0; i < self->items->len; i++)
        g_ptr_array_add (d->items, pcn_induction_item_copy (g_ptr_array_index (self->items, i)));
    }
  else
    d->starters = snapshot_starters (self);

  self->ops++;
  gtk_spinner_set_spinning (self->spinner, TRUE);
  task = g_task_new (self, self->op_cancellable, export_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, d, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response_cb (PcnInductionPage     *self,
                       int                   response,
                       GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_clear_object (&self->native);
  update_actions (self);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("Choose a folder on this computer to export to"));
      return;
    }
  if (!g_str_has_suffix (path, ".xlsx"))
    {
      char *with_suffix = g_strconcat (path, ".xlsx", NULL);

      g_free (path);
      path = with_suffix;
    }
  start_export (self, path);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PcnInductionPage *self = PCN_INDUCTION_PAGE (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;
  gboolean person = self->person != NULL &&
                    g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "person") == 0;

  if (self->native != NULL || self->network == NULL)
    return;
  native = gtk_file_chooser_native_new (person ? _("Export the Checklist") : _("Export the Induction Overview"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  if (person)
    /* Translators: a file name; %s a person's name */
    name = g_strdup_printf (_("induction-%s.xlsx"), pcn_staff_get_name (self->person));
  else
    name = g_strdup (_("induction-overview.xlsx"));
  g_strdelimit (name, "/\\", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->native = GTK_NATIVE_DIALOG (native);
  update_actions (self);
  gtk_native_dialog_show (self->native);
}

static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PcnInductionPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *text = NULL;

      g_warning ("Could not open the workbook: %s", error->message);
      /* Translators: %s is the error message */
      text = g_strdup_printf (_("Could not open the workbook: %s"), error->message);
      show_toast (self, text);
    }
}

static void
open_export_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL), context, NULL,
                                           launch_cb, g_object_ref (widget));
}

/* ------------------------------------------------------------ GObject */

static void
on_map_cb (PcnInductionPage *self)
{
  /* Staff may have been added or changed on the Team page. */
  if (self->store != NULL)
    pcn_induction_page_reload (self);
}

static void
pcn_induction_page_dispose (GObject *object)
{
  PcnInductionPage *self = PCN_INDUCTION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->op_cancellable);
  g_clear_object (&self->op_cancellable);
  if (self->native != NULL)
    gtk_native_dialog_destroy (self->native);
  g_clear_object (&self->native);
  if (self->templates_window != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->templates_window),
                                    (gpointer *) &self->templates_window);
      gtk_window_destroy (self->templates_window);
      self->templates_window = NULL;
    }
  if (self->rows != NULL)
    g_hash_table_remove_all (self->rows);
  /* The toast overlay is both a bound template child and the bin's child:
   * let the bin drop it first. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_INDUCTION_PAGE);
  g_clear_object (&self->filter);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);
  g_clear_object (&self->network);
  g_clear_object (&self->person);
  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (pcn_induction_page_parent_class)->dispose (object);
}

static void
pcn_induction_page_finalize (GObject *object)
{
  PcnInductionPage *self = PCN_INDUCTION_PAGE (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->headings, g_hash_table_unref);
  g_clear_pointer (&self->practice, g_free);
  g_clear_pointer (&self->last_by, g_free);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (pcn_induction_page_parent_class)->finalize (object);
}

static void
pcn_induction_page_class_init (PcnInductionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_induction_page_dispose;
  object_class->finalize = pcn_induction_page_finalize;

  g_type_ensure (PCN_TYPE_INDUCTION_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-induction-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, practice_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, practices_model);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, overview_view);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, start_column);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, overview_store);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, overview_filter_model);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, overview_sort_model);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, overview_selection);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, progress_factory);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, person_title);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, person_subtitle);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionPage, columns_box);
  gtk_widget_class_bind_template_callback (widget_class, on_practice_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overdue_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_overview_activate_cb);

  gtk_widget_class_install_action (widget_class, "induction.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "induction.tick", NULL, tick_action);
  gtk_widget_class_install_action (widget_class, "induction.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "induction.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "induction.open-export", "s", open_export_action);
  gtk_widget_class_install_action (widget_class, "induction.edit-templates", NULL,
                                   edit_templates_action);
  gtk_widget_class_install_action (widget_class, "induction.overdue-only", NULL,
                                   overdue_only_action);
  gtk_widget_class_install_action (widget_class, "induction.reload", NULL, reload_action);
}

static void
pcn_induction_page_init (PcnInductionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  pcn_date_set_today (&self->as_at);
  self->op_cancellable = g_cancellable_new ();
  self->settings = settings_new_if_installed ();
  self->rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->headings = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  self->filter = gtk_custom_filter_new (filter_row, self, NULL);
  gtk_filter_list_model_set_filter (self->overview_filter_model, GTK_FILTER (self->filter));
  g_signal_connect (self->progress_factory, "setup", G_CALLBACK (on_progress_setup_cb), NULL);
  g_signal_connect (self->progress_factory, "bind", G_CALLBACK (on_progress_bind_cb), NULL);
  gtk_column_view_sort_by_column (self->overview_view, self->start_column, GTK_SORT_ASCENDING);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  {
    const char *const everyone[] = { _("Everyone (the whole PCN)"), NULL };
    gtk_string_list_splice (self->practices_model, 0, 0, everyone);
  }
  update_summary (self);
  update_actions (self);
}

/* ------------------------------------------------------------ public */

void
pcn_induction_page_set_store (PcnInductionPage *self,
                              PcnStore         *store)
{
  g_return_if_fail (PCN_IS_INDUCTION_PAGE (self));
  g_return_if_fail (store == NULL || PCN_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_clear_object (&self->network);
  g_cancellable_cancel (self->op_cancellable);
  g_clear_object (&self->op_cancellable);
  self->op_cancellable = g_cancellable_new ();
  self->ops = 0;
  g_clear_pointer (&self->practice, g_free);
  g_clear_object (&self->person);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  clear_columns (self);
  gtk_stack_set_visible_child_name (self->view_stack, "overview");
  {
    guint n = g_list_model_get_n_items (G_LIST_MODEL (self->practices_model));
    const char *const everyone[] = { _("Everyone (the whole PCN)"), NULL };

    self->updating_practices = TRUE;
    gtk_string_list_splice (self->practices_model, 0, n, everyone);
    gtk_drop_down_set_selected (self->practice_dropdown, 0);
    self->updating_practices = FALSE;
  }
  load_overview (self);
  update_actions (self);
}

PcnStore *
pcn_induction_page_get_store (PcnInductionPage *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_PAGE (self), NULL);
  return self->store;
}

void
pcn_induction_page_set_as_at (PcnInductionPage *self,
                              const GDate      *as_at)
{
  g_return_if_fail (PCN_IS_INDUCTION_PAGE (self));
  g_return_if_fail (as_at == NULL || g_date_valid (as_at));

  if (as_at != NULL)
    self->as_at = *as_at;
  else
    pcn_date_set_today (&self->as_at);
  if (self->store != NULL)
    pcn_induction_page_reload (self);
}

void
pcn_induction_page_reload (PcnInductionPage *self)
{
  g_return_if_fail (PCN_IS_INDUCTION_PAGE (self));

  if (self->person != NULL &&
      g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "person") == 0)
    load_person (self);
  else
    load_overview (self);
}

/* ------------------------------------------------------------ tests */

gboolean
_pcn_induction_page_is_busy (PcnInductionPage *self)
{
  return self->loading > 0 || self->ops > 0;
}

guint
_pcn_induction_page_get_n_loads (PcnInductionPage *self)
{
  return self->n_loads;
}

GListModel *
_pcn_induction_page_get_overview (PcnInductionPage *self)
{
  return G_LIST_MODEL (self->overview_sort_model);
}

gboolean
_pcn_induction_page_set_practice (PcnInductionPage *self,
                                  const char       *practice)
{
  GListModel *model = G_LIST_MODEL (self->practices_model);

  if (practice == NULL)
    {
      gtk_drop_down_set_selected (self->practice_dropdown, 0);
      return TRUE;
    }
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->practices_model, i), practice) == 0)
      {
        gtk_drop_down_set_selected (self->practice_dropdown, i);
        return TRUE;
      }
  return FALSE;
}

void
_pcn_induction_page_set_overdue_only (PcnInductionPage *self,
                                      gboolean          overdue_only)
{
  gtk_check_button_set_active (self->overdue_check, overdue_only);
}

gboolean
_pcn_induction_page_open_person (PcnInductionPage *self,
                                 gint64            staff_id)
{
  GListModel *model = G_LIST_MODEL (self->overview_selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(PcnInductionRow) row = g_list_model_get_item (model, i);

      if (pcn_induction_row_get_staff_id (row) == staff_id)
        {
          g_signal_emit_by_name (self->overview_view, "activate", i);
          return TRUE;
        }
    }
  return FALSE;
}

const char *
_pcn_induction_page_get_view (PcnInductionPage *self)
{
  return gtk_stack_get_visible_child_name (self->view_stack);
}

PcnInductionItemRow *
_pcn_induction_page_get_item_row (PcnInductionPage *self,
                                  gint64            item_id)
{
  return g_hash_table_lookup (self->rows, &item_id);
}

guint
_pcn_induction_page_get_n_item_rows (PcnInductionPage *self)
{
  return g_hash_table_size (self->rows);
}

const char *
_pcn_induction_page_get_last_error (PcnInductionPage *self)
{
  return self->last_error;
}

gboolean
_pcn_induction_page_print_to_file (PcnInductionPage  *self,
                                   const char        *path,
                                   GError           **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (self->person != NULL && self->items != NULL, FALSE);

  operation = pcn_induction_print_new (self->person, self->items, &self->as_at);
  gtk_print_operation_set_export_filename (operation, path);
  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, error) ==
         GTK_PRINT_OPERATION_RESULT_APPLY;
}

GtkWindow *
_pcn_induction_page_get_templates_window (PcnInductionPage *self)
{
  return self->templates_window;
}

void
_pcn_induction_page_export_to_file (PcnInductionPage *self,
                                    const char       *path)
{
  g_return_if_fail (self->network != NULL);
  start_export (self, path);
}
