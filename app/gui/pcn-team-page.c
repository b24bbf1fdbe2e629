/* pcn-team-page.c
 *
 * The list is GListStore (PcnStaffRowItem) → GtkSortListModel (the column
 * view's sorter) → GtkFilterListModel (search, practice, role, leavers) →
 * GtkSingleSelection. Sorting sits below filtering on purpose: typing in the
 * search box then only re-runs the filter over items whose search keys are
 * precomputed, and never re-sorts, which keeps a keystroke over 10,000 staff
 * well inside a frame.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pcn-export-staff.h"
#include "pcn-leaver-dialog.h"
#include "pcn-staff-dialog.h"
#include "pcn-staff-row-item.h"
#include "pcn-staff-row-model.h"
#include "pcn-team-page-private.h"
#include "pcn-text-cell.h"

struct _PcnTeamPage
{
  AdwBin              parent_instance;

  PcnStore           *store;
  PcnNetwork         *network;
  GPtrArray          *roles;         /* PcnRole */
  GPtrArray          *practices;     /* PcnPractice */
  GCancellable       *cancellable;   /* loads and saves; cancelled on dispose */
  GDate               as_at;
  gboolean            as_at_set;
  gboolean            loaded;
  guint               load_serial;
  guint               busy;          /* imports and exports running */
  guint               pulse_id;
  GtkNativeDialog    *native;
  GtkWindow          *dialog;        /* weak */

  /* Filter state, read by filter_func() for every item. */
  char               *search_text;   /* casefolded */
  char              **terms;         /* casefolded, no empty strings */
  char               *practice_filter;
  char               *role_filter;   /* a role code */
  gboolean            show_leavers;
  guint               n_left;        /* leavers in staff_store */
  GPtrArray          *role_codes;    /* role_list positions 1… */
  gboolean            updating_dropdowns;

  /* Template */
  GListStore         *staff_store;
  GtkSortListModel   *sort_model;
  GtkFilterListModel *filter_model;
  GtkCustomFilter    *filter;
  GtkSingleSelection *selection;
  PcnStaffRowModel   *row_model;
  AdwToastOverlay    *toast_overlay;
  GtkLabel           *count_label;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *practice_dropdown;
  GtkStringList      *practice_list;
  GtkDropDown        *role_dropdown;
  GtkStringList      *role_list;
  GtkCheckButton     *leavers_check;
  GtkRevealer        *progress_revealer;
  GtkSpinner         *progress_spinner;
  GtkLabel           *progress_label;
  GtkProgressBar     *progress_bar;
  GtkStack           *stack;
  GtkColumnView      *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *wte_column;
  GtkColumnViewColumn *band_column;
  GtkColumnViewColumn *start_column;
  GtkColumnViewColumn *practices_column;
  GtkColumnViewColumn *employer_column;
  GtkColumnViewColumn *status_column;
  GMenuModel         *row_menu;

  /* Cells: GtkSignalListItemFactory with PcnTextCells, because GTK 4.8
   * rebuilds every row that changes item (a builder template per cell made
   * a keystroke cost a second over 10,000 staff), and re-measuring ~1,600
   * GtkLabels when the filter changes cost ~100 ms a keystroke. */
  struct CellColumn
  {
    PcnTeamPage *self;
    int          column;
  }                   cell_columns[8];
  GHashTable         *cell_items;    /* label → CellInfo */
  GtkWidget          *context_menu;
};

G_DEFINE_FINAL_TYPE (PcnTeamPage, pcn_team_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_AS_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_actions (PcnTeamPage *self);
static void update_view_state (PcnTeamPage *self);
static void count_leavers (PcnTeamPage *self);

/* ------------------------------------------------------------------------
 * Loading
 */

typedef struct
{
  GDate       as_at;
  PcnNetwork *network;
  GPtrArray  *roles;
  GPtrArray  *practices;
  GPtrArray  *items;      /* PcnStaffRowItem */
} LoadResult;

static void
load_result_free (gpointer data)
{
  LoadResult *r = data;

  g_clear_object (&r->network);
  g_clear_pointer (&r->roles, g_ptr_array_unref);
  g_clear_pointer (&r->practices, g_ptr_array_unref);
  g_clear_pointer (&r->items, g_ptr_array_unref);
  g_free (r);
}

static gpointer
load_worker (PcnStore  *store,
             gpointer   data,
             GError   **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  LoadResult *r = g_new0 (LoadResult, 1);

  r->as_at = *(GDate *) data;
  if (!(r->network = pcn_store_get_network (store, error)) && error && *error)
    goto failed;
  if (!(r->roles = pcn_store_list_roles (store, error)))
    goto failed;
  if (!(r->practices = pcn_store_list_practices (store, error)))
    goto failed;
  if (!(staff = pcn_store_list_staff (store, error)))
    goto failed;

  /* Row items are plain GObjects: build them (formatting, casefolding)
   * here rather than on the main thread. */
  r->items = g_ptr_array_new_full (staff->len, g_object_unref);
  for (guint i = 0; i < staff->len; i++)
    g_ptr_array_add (r->items, pcn_staff_row_item_new (g_ptr_array_index (staff, i), &r->as_at));

  return r;

failed:
  load_result_free (r);
  return NULL;
}

static void
rebuild_dropdowns (PcnTeamPage *self)
{
  g_autoptr(GHashTable) present = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) practice_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) role_names = g_ptr_array_new ();
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->staff_store));
  guint practice_pos = 0;
  guint role_pos = 0;

  self->updating_dropdowns = TRUE;

  /* Practices: every member practice. */
  for (guint i = 0; self->practices && i < self->practices->len; i++)
    {
      const char *name = pcn_practice_get_name (g_ptr_array_index (self->practices, i));

      g_ptr_array_add (practice_names, (gpointer) name);
      if (g_strcmp0 (name, self->practice_filter) == 0)
        practice_pos = i + 1;
    }
  g_ptr_array_add (practice_names, NULL);
  gtk_string_list_splice (self->practice_list, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->practice_list)) - 1,
                          (const char * const *) practice_names->pdata);
  gtk_drop_down_set_selected (self->practice_dropdown, practice_pos);
  if (practice_pos == 0)
    g_clear_pointer (&self->practice_filter, g_free);

  /* Roles: those someone holds, in scheme order. */
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PcnStaffRowItem) item = g_list_model_get_item (G_LIST_MODEL (self->staff_store), i);
      const char *code = pcn_staff_get_role_code (pcn_staff_row_item_get_staff (item));

      if (code != NULL)
        g_hash_table_add (present, (gpointer) code);
    }
  g_ptr_array_set_size (self->role_codes, 0);
  for (guint i = 0; self->roles && i < self->roles->len; i++)
    {
      PcnRole *role = g_ptr_array_index (self->roles, i);

      if (!g_hash_table_contains (present, pcn_role_get_code (role)))
        continue;
      g_ptr_array_add (self->role_codes, g_strdup (pcn_role_get_code (role)));
      g_ptr_array_add (role_names, (gpointer) pcn_role_get_name (role));
      if (g_strcmp0 (pcn_role_get_code (role), self->role_filter) == 0)
        role_pos = self->role_codes->len;
    }
  g_ptr_array_add (role_names, NULL);
  gtk_string_list_splice (self->role_list, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->role_list)) - 1,
                          (const char * const *) role_names->pdata);
  gtk_drop_down_set_selected (self->role_dropdown, role_pos);
  if (role_pos == 0)
    g_clear_pointer (&self->role_filter, g_free);

  self->updating_dropdowns = FALSE;
}

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(PcnTeamPage) self = user_data;
  g_autoptr(GError) error = NULL;
  LoadResult *r;

  r = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (PCN_STORE (object) != self->store)
    {
      g_clear_pointer (&r, load_result_free);
      return;
    }

  if (r == NULL)
    {
      g_autoptr(AdwToast) toast = NULL;

      g_warning ("Could not load the staff: %s", error->message);
      /* Translators: %s is the error message */
      toast = adw_toast_new_format (_("Could not load the staff: %s"), error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
      self->loaded = TRUE;
      update_view_state (self);
      update_actions (self);
      return;
    }

  g_set_object (&self->network, r->network);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  self->roles = g_steal_pointer (&r->roles);
  g_clear_pointer (&self->practices, g_ptr_array_unref);
  self->practices = g_steal_pointer (&r->practices);

  self->loaded = TRUE;
  g_list_store_splice (self->staff_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->staff_store)),
                       r->items->pdata, r->items->len);
  load_result_free (r);

  rebuild_dropdowns (self);
  count_leavers (self);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_view_state (self);
  update_actions (self);
}

static void
start_load (PcnTeamPage *self)
{
  g_assert (PCN_IS_TEAM_PAGE (self));

  if (self->store == NULL)
    return;

  pcn_store_run_async (self->store,
                       load_worker,
                       g_memdup2 (&self->as_at, sizeof self->as_at), g_free,
                       load_result_free,
                       self->cancellable,
                       load_cb,
                       g_object_ref (self));
}

/* ------------------------------------------------------------------------
 * Filtering
 */

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  PcnTeamPage *self = user_data;
  PcnStaffRowItem *row = item;
  PcnStaff *staff;

  if (!self->show_leavers && pcn_staff_row_item_get_status (row) == PCN_STAFF_STATUS_LEFT)
    return FALSE;

  staff = pcn_staff_row_item_get_staff (row);
  if (self->role_filter != NULL &&
      g_strcmp0 (pcn_staff_get_role_code (staff), self->role_filter) != 0)
    return FALSE;
  if (self->practice_filter != NULL && !pcn_staff_has_practice (staff, self->practice_filter))
    return FALSE;

  return pcn_staff_row_item_match_terms (row, (const char * const *) self->terms);
}

static void
set_search_text (PcnTeamPage *self,
                 const char  *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) parts = NULL;
  GtkFilterChange change;

  if (g_strcmp0 (folded, self->search_text) == 0)
    return;

  /* Appending to the text can only narrow the matches (each old term is
   * kept or extended, new terms are added); removing from its end can only
   * widen them. The filter model then rechecks only the items concerned. */
  if (g_str_has_prefix (folded, self->search_text))
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (g_str_has_prefix (self->search_text, folded))
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  builder = g_strv_builder_new ();
  parts = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (*parts[i] != '\0')
        g_strv_builder_add (builder, parts[i]);
    }

  g_clear_pointer (&self->terms, g_strfreev);
  self->terms = g_strv_builder_end (builder);
  g_free (self->search_text);
  self->search_text = g_steal_pointer (&folded);

  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_search_changed_cb (PcnTeamPage    *self,
                      GtkSearchEntry *entry)
{
  set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
on_stop_search_cb (PcnTeamPage    *self,
                   GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  set_search_text (self, "");
}

static void
set_string_filter (PcnTeamPage  *self,
                   char        **filter,
                   const char   *value)
{
  GtkFilterChange change;

  if (g_strcmp0 (*filter, value) == 0)
    return;

  if (*filter == NULL)
    change = GTK_FILTER_CHANGE_MORE_STRICT;
  else if (value == NULL)
    change = GTK_FILTER_CHANGE_LESS_STRICT;
  else
    change = GTK_FILTER_CHANGE_DIFFERENT;

  g_free (*filter);
  *filter = g_strdup (value);
  gtk_filter_changed (GTK_FILTER (self->filter), change);
}

static void
on_practice_selected_cb (PcnTeamPage *self,
                         GParamSpec  *pspec,
                         GtkDropDown *dropdown)
{
  guint pos = gtk_drop_down_get_selected (self->practice_dropdown);
  const char *practice = NULL;

  if (self->updating_dropdowns)
    return;
  if (pos != GTK_INVALID_LIST_POSITION && pos > 0)
    practice = gtk_string_list_get_string (self->practice_list, pos);
  set_string_filter (self, &self->practice_filter, practice);
}

static void
on_role_selected_cb (PcnTeamPage *self,
                     GParamSpec  *pspec,
                     GtkDropDown *dropdown)
{
  guint pos = gtk_drop_down_get_selected (self->role_dropdown);
  const char *code = NULL;

  if (self->updating_dropdowns)
    return;
  if (pos != GTK_INVALID_LIST_POSITION && pos > 0 && pos <= self->role_codes->len)
    code = g_ptr_array_index (self->role_codes, pos - 1);
  set_string_filter (self, &self->role_filter, code);
}

static void
on_leavers_toggled_cb (PcnTeamPage    *self,
                       GParamSpec     *pspec,
                       GtkCheckButton *check)
{
  gboolean active = gtk_check_button_get_active (self->leavers_check);

  if (active == self->show_leavers)
    return;
  self->show_leavers = active;
  gtk_filter_changed (GTK_FILTER (self->filter),
                      active ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
}

/* ------------------------------------------------------------------------
 * View state
 */

static void
count_leavers (PcnTeamPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff_store));

  self->n_left = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcnStaffRowItem) item = g_list_model_get_item (G_LIST_MODEL (self->staff_store), i);

      if (pcn_staff_row_item_get_status (item) == PCN_STAFF_STATUS_LEFT)
        self->n_left++;
    }
}

static void
update_count (PcnTeamPage *self)
{
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint shown = g_list_model_get_n_items (model);
  guint total = g_list_model_get_n_items (G_LIST_MODEL (self->staff_store));
  g_autofree char *wte_text = NULL;
  g_autofree char *text = NULL;
  int wte = 0;

  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(PcnStaffRowItem) item = g_list_model_get_item (model, i);

      if (pcn_staff_row_item_get_status (item) == PCN_STAFF_STATUS_IN_POST)
        wte += pcn_staff_get_wte (pcn_staff_row_item_get_staff (item));
    }
  wte_text = pcn_wte_format (wte);

  /* Hidden leavers are not "filtered out": count against those shown. */
  if (!self->show_leavers)
    total -= MIN (total, self->n_left);

  if (!self->loaded || self->store == NULL)
    text = g_strdup ("");
  else if (shown == total)
    /* Translators: the Team count, e.g. "25 staff · 21.4 WTE in post" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%1$u staff · %2$s WTE in post",
                                         "%1$u staff · %2$s WTE in post", shown),
                            shown, wte_text);
  else
    /* Translators: the Team count when filtered, e.g. "Showing 3 of 25 staff · 2.4 WTE in post" */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "Showing %1$u of %2$u staff · %3$s WTE in post",
                                         "Showing %1$u of %2$u staff · %3$s WTE in post", total),
                            shown, total, wte_text);
  gtk_label_set_text (self->count_label, text);
}

static void
update_view_state (PcnTeamPage *self)
{
  const char *page;

  if (self->store == NULL)
    page = "empty";
  else if (!self->loaded)
    page = "loading";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->staff_store)) == 0)
    page = "empty";
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) == 0)
    page = "no-matches";
  else
    page = "list";

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), page) != 0)
    gtk_stack_set_visible_child_name (self->stack, page);
  gtk_widget_set_sensitive (GTK_WIDGET (self->practice_dropdown), self->loaded);
  gtk_widget_set_sensitive (GTK_WIDGET (self->role_dropdown), self->loaded);
  update_count (self);
}

static PcnStaffRowItem *
get_selected_item (PcnTeamPage *self)
{
  PcnStaffRowSlot *slot = gtk_single_selection_get_selected_item (self->selection);

  return slot != NULL ? pcn_staff_row_slot_get_item (slot) : NULL;
}

static void
update_actions (PcnTeamPage *self)
{
  PcnStaffRowItem *selected = get_selected_item (self);
  gboolean ready = self->store != NULL && self->loaded && self->network != NULL;
  gboolean idle = self->busy == 0;
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->filter_model));
  GtkWidget *widget = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (widget, "team.add", ready);
  gtk_widget_action_set_enabled (widget, "team.edit", ready && selected != NULL);
  gtk_widget_action_set_enabled (widget, "team.leaver",
                                 ready && selected != NULL &&
                                 pcn_staff_row_item_get_status (selected) != PCN_STAFF_STATUS_LEFT);
  gtk_widget_action_set_enabled (widget, "team.edit-staff", ready);
  gtk_widget_action_set_enabled (widget, "team.leaver-staff", ready);
  gtk_widget_action_set_enabled (widget, "team.import", ready && idle);
  gtk_widget_action_set_enabled (widget, "team.export", ready && idle && shown > 0);
}

static void
on_filter_model_items_changed_cb (PcnTeamPage *self,
                                  guint        position,
                                  guint        removed,
                                  guint        added,
                                  GListModel  *model)
{
  update_view_state (self);
  update_actions (self);
}

static void
on_selection_changed_cb (PcnTeamPage *self)
{
  update_actions (self);
}

static void
add_toast (PcnTeamPage *self,
           const char  *text)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (text));
}

/* ------------------------------------------------------------------------
 * Cells and the row context menu
 */

enum {
  COLUMN_NAME,
  COLUMN_ROLE,
  COLUMN_WTE,
  COLUMN_BAND,
  COLUMN_START,
  COLUMN_PRACTICES,
  COLUMN_EMPLOYER,
  COLUMN_STATUS,
};

typedef struct
{
  GtkListItem       *list_item;
  PcnTextCell       *label;
  struct CellColumn *cc;
  PcnStaffRowSlot   *slot;
  gulong             handler;
} CellInfo;

static void
cell_info_free (gpointer data)
{
  CellInfo *info = data;

  if (info->slot != NULL)
    g_clear_signal_handler (&info->handler, info->slot);
  g_free (info);
}

static void
update_cell (CellInfo *info)
{
  PcnStaffRowItem *item = info->slot ? pcn_staff_row_slot_get_item (info->slot) : NULL;
  PcnStaff *staff;
  const char *text = NULL;

  if (item == NULL)
    {
      pcn_text_cell_set_text (info->label, NULL);
      return;
    }

  staff = pcn_staff_row_item_get_staff (item);
  switch (info->cc->column)
    {
    case COLUMN_NAME: text = pcn_staff_get_name (staff); break;
    case COLUMN_ROLE: text = pcn_staff_row_item_get_role (item); break;
    case COLUMN_WTE: text = pcn_staff_row_item_get_wte_text (item); break;
    case COLUMN_BAND: text = pcn_staff_get_band (staff); break;
    case COLUMN_START: text = pcn_staff_row_item_get_start_text (item); break;
    case COLUMN_PRACTICES: text = pcn_staff_row_item_get_practices_text (item); break;
    case COLUMN_EMPLOYER: text = pcn_staff_get_employer (staff); break;
    case COLUMN_STATUS: text = pcn_staff_row_item_get_status_text (item); break;
    default: g_assert_not_reached ();
    }
  pcn_text_cell_set_text (info->label, text);
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  struct CellColumn        *cc)
{
  /* Widths in average characters: what the column asks for, and the
   * narrowest it goes. Role names are long and alike at the start
   * ("General practice assistant", "General practitioner"), so Role asks
   * for the longest; Practices and Employer give way first, ellipsized,
   * with the whole text as a tooltip. */
  static const struct { int min_chars, natural_chars; float xalign; } widths[] = {
    [COLUMN_NAME]      = { 14, 20, 0.0f },
    [COLUMN_ROLE]      = { 26, 34, 0.0f },
    [COLUMN_WTE]       = {  3,  3, 1.0f },
    [COLUMN_BAND]      = {  3,  3, 0.0f },
    [COLUMN_START]     = { 13, 13, 0.0f },
    [COLUMN_PRACTICES] = {  8, 22, 0.0f },
    [COLUMN_EMPLOYER]  = {  8, 20, 0.0f },
    [COLUMN_STATUS]    = {  7,  7, 0.0f },
  };
  CellInfo *info = g_new0 (CellInfo, 1);
  GtkWidget *label = pcn_text_cell_new ();

  G_STATIC_ASSERT (G_N_ELEMENTS (widths) == G_N_ELEMENTS (cc->self->cell_columns));

  pcn_text_cell_set_min_chars (PCN_TEXT_CELL (label), widths[cc->column].min_chars);
  pcn_text_cell_set_natural_chars (PCN_TEXT_CELL (label), widths[cc->column].natural_chars);
  pcn_text_cell_set_xalign (PCN_TEXT_CELL (label), widths[cc->column].xalign);
  if (cc->column == COLUMN_WTE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);

  info->list_item = list_item;
  info->label = PCN_TEXT_CELL (label);
  info->cc = cc;
  g_hash_table_insert (cc->self->cell_items, label, info);
}

static void
on_cell_teardown_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     struct CellColumn        *cc)
{
  GtkWidget *label = gtk_list_item_get_child (list_item);

  if (label != NULL && cc->self->cell_items != NULL)
    g_hash_table_remove (cc->self->cell_items, label);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 struct CellColumn        *cc)
{
  CellInfo *info = g_hash_table_lookup (cc->self->cell_items, gtk_list_item_get_child (list_item));

  g_assert (info != NULL);

  /* The slot keeps its row while the person in it changes. */
  info->slot = gtk_list_item_get_item (list_item);
  info->handler = g_signal_connect_swapped (info->slot, "notify::item",
                                            G_CALLBACK (update_cell), info);
  update_cell (info);
}

static void
on_cell_unbind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   struct CellColumn        *cc)
{
  CellInfo *info = g_hash_table_lookup (cc->self->cell_items, gtk_list_item_get_child (list_item));

  if (info == NULL || info->slot == NULL)
    return;
  g_clear_signal_handler (&info->handler, info->slot);
  info->slot = NULL;
}

static void
setup_cells (PcnTeamPage *self)
{
  GtkColumnViewColumn *columns[] = {
    self->name_column, self->role_column, self->wte_column, self->band_column,
    self->start_column, self->practices_column, self->employer_column, self->status_column,
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (columns) == G_N_ELEMENTS (self->cell_columns));

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      self->cell_columns[i].self = self;
      self->cell_columns[i].column = i;
      g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), &self->cell_columns[i]);
      g_signal_connect (factory, "teardown", G_CALLBACK (on_cell_teardown_cb),
                        &self->cell_columns[i]);
      g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind_cb), &self->cell_columns[i]);
      g_signal_connect (factory, "unbind", G_CALLBACK (on_cell_unbind_cb), &self->cell_columns[i]);
      gtk_column_view_column_set_factory (columns[i], factory);
    }
}

static void
popup_context_menu (PcnTeamPage *self,
                    double       x,
                    double       y)
{
  GdkRectangle rect = { (int) x, (int) y, 1, 1 };

  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu), &rect);
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
on_context_click_pressed_cb (GtkGestureClick *gesture,
                             int              n_press,
                             double           x,
                             double           y,
                             PcnTeamPage     *self)
{
  GtkWidget *widget;
  double px, py;

  widget = gtk_widget_pick (GTK_WIDGET (self->column_view), x, y, GTK_PICK_DEFAULT);
  for (; widget != NULL && widget != GTK_WIDGET (self->column_view);
       widget = gtk_widget_get_parent (widget))
    {
      CellInfo *info = g_hash_table_lookup (self->cell_items, widget);

      if (info == NULL)
        continue;

      gtk_single_selection_set_selected (self->selection,
                                         gtk_list_item_get_position (info->list_item));
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_translate_coordinates (GTK_WIDGET (self->column_view), GTK_WIDGET (self),
                                        x, y, &px, &py);
      popup_context_menu (self, px, py);
      return;
    }
}

static void
team_context_menu_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (widget);
  graphene_point_t point;

  if (get_selected_item (self) == NULL)
    return;
  if (!gtk_widget_compute_point (GTK_WIDGET (self->column_view), widget,
                                 &GRAPHENE_POINT_INIT (48, 48), &point))
    return;
  popup_context_menu (self, point.x, point.y);
}

/* ------------------------------------------------------------------------
 * Add, edit, record a leaver
 */

static gboolean
find_item (PcnTeamPage *self,
           gint64       id,
           guint       *out_position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->staff_store));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcnStaffRowItem) item = g_list_model_get_item (G_LIST_MODEL (self->staff_store), i);

      if (pcn_staff_row_item_get_id (item) == id)
        {
          *out_position = i;
          return TRUE;
        }
    }
  return FALSE;
}

/* Puts @staff into the list, replacing the item with the same id if any. */
static void
put_staff (PcnTeamPage *self,
           PcnStaff    *staff)
{
  g_autoptr(PcnStaffRowItem) item = pcn_staff_row_item_new (staff, &self->as_at);
  guint position;

  if (pcn_staff_row_item_get_status (item) == PCN_STAFF_STATUS_LEFT)
    self->n_left++;
  if (find_item (self, pcn_staff_get_id (staff), &position))
    {
      g_autoptr(PcnStaffRowItem) old = g_list_model_get_item (G_LIST_MODEL (self->staff_store),
                                                              position);

      if (pcn_staff_row_item_get_status (old) == PCN_STAFF_STATUS_LEFT)
        self->n_left--;
      g_list_store_splice (self->staff_store, position, 1, (gpointer *) &item, 1);
    }
  else
    g_list_store_append (self->staff_store, item);
  rebuild_dropdowns (self);
}

static void
present_dialog (PcnTeamPage *self,
                GtkWindow   *dialog)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (dialog, GTK_WINDOW (root));
  g_set_weak_pointer (&self->dialog, dialog);
  gtk_window_present (dialog);
}

static void
on_staff_dialog_saved_cb (PcnTeamPage    *self,
                          PcnStaff       *staff,
                          PcnStaffDialog *dialog)
{
  g_autofree char *text = NULL;
  guint position;

  if (find_item (self, pcn_staff_get_id (staff), &position))
    /* Translators: %s is a person's name */
    text = g_strdup_printf (_("Saved changes to %s"), pcn_staff_get_name (staff));
  else
    /* Translators: %s is a person's name */
    text = g_strdup_printf (_("Added %s to the team"), pcn_staff_get_name (staff));
  put_staff (self, staff);
  add_toast (self, text);
}

static void
open_staff_dialog (PcnTeamPage *self,
                   PcnStaff    *staff)
{
  PcnStaffDialog *dialog;

  if (self->roles == NULL || self->practices == NULL)
    return;

  dialog = pcn_staff_dialog_new (self->store, self->roles, self->practices, staff);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_staff_dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
on_leaver_dialog_saved_cb (PcnTeamPage     *self,
                           PcnStaff        *staff,
                           PcnLeaverDialog *dialog)
{
  g_autofree char *text = NULL;

  put_staff (self, staff);
  /* Translators: %s is a person's name */
  text = g_strdup_printf (_("Recorded %s as a leaver"), pcn_staff_get_name (staff));
  add_toast (self, text);
}

static void
open_leaver_dialog (PcnTeamPage *self,
                    PcnStaff    *staff)
{
  PcnLeaverDialog *dialog;

  dialog = pcn_leaver_dialog_new (self->store, staff);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_leaver_dialog_saved_cb), self,
                           G_CONNECT_SWAPPED);
  present_dialog (self, GTK_WINDOW (dialog));
}

static void
on_column_view_activate_cb (PcnTeamPage   *self,
                            guint          position,
                            GtkColumnView *column_view)
{
  g_autoptr(PcnStaffRowItem) item = NULL;

  item = g_list_model_get_item (G_LIST_MODEL (self->filter_model), position);
  if (item != NULL && self->store != NULL)
    open_staff_dialog (self, pcn_staff_row_item_get_staff (item));
}

static void
team_add_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  open_staff_dialog (PCN_TEAM_PAGE (widget), NULL);
}

static void
team_edit_cb (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (widget);
  PcnStaffRowItem *item = get_selected_item (self);

  if (item != NULL)
    open_staff_dialog (self, pcn_staff_row_item_get_staff (item));
}

static void
team_leaver_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (widget);
  PcnStaffRowItem *item = get_selected_item (self);

  if (item != NULL && pcn_staff_row_item_get_status (item) != PCN_STAFF_STATUS_LEFT)
    open_leaver_dialog (self, pcn_staff_row_item_get_staff (item));
}

static void
team_edit_staff_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (widget);
  guint position;

  if (find_item (self, g_variant_get_int64 (param), &position))
    {
      g_autoptr(PcnStaffRowItem) item =
        g_list_model_get_item (G_LIST_MODEL (self->staff_store), position);
      open_staff_dialog (self, pcn_staff_row_item_get_staff (item));
    }
}

static void
team_leaver_staff_cb (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (widget);
  guint position;

  if (find_item (self, g_variant_get_int64 (param), &position))
    {
      g_autoptr(PcnStaffRowItem) item =
        g_list_model_get_item (G_LIST_MODEL (self->staff_store), position);
      open_leaver_dialog (self, pcn_staff_row_item_get_staff (item));
    }
}

static void
team_search_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
team_clear_filters_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  set_search_text (self, "");
  gtk_drop_down_set_selected (self->practice_dropdown, 0);
  gtk_drop_down_set_selected (self->role_dropdown, 0);
}

/* ------------------------------------------------------------------------
 * Progress (imports and exports)
 */

static gboolean
pulse_cb (gpointer user_data)
{
  PcnTeamPage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

static void
begin_busy (PcnTeamPage *self,
            const char  *text)
{
  self->busy++;
  gtk_label_set_text (self->progress_label, text);
  gtk_spinner_start (self->progress_spinner);
  gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
  if (self->pulse_id == 0)
    self->pulse_id = g_timeout_add (100, pulse_cb, self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
  update_actions (self);
}

static void
end_busy (PcnTeamPage *self)
{
  g_assert (self->busy > 0);

  if (--self->busy == 0)
    {
      gtk_spinner_stop (self->progress_spinner);
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
      g_clear_handle_id (&self->pulse_id, g_source_remove);
    }
  update_actions (self);
}

/* ------------------------------------------------------------------------
 * Import from CSV
 */

typedef struct
{
  GFile *file;
  char  *display_name;
} ImportData;

static void
import_data_free (gpointer data)
{
  ImportData *d = data;

  g_clear_object (&d->file);
  g_free (d->display_name);
  g_free (d);
}

/* On the store's worker thread: read, parse and import, all or nothing. */
static gpointer
import_worker (PcnStore  *store,
               gpointer   data,
               GError   **error)
{
  ImportData *d = data;
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(PcnStaffCsv) csv = NULL;
  gsize length = 0;
  guint *count;

  if (!g_file_load_contents (d->file, NULL, &contents, &length, NULL, error))
    return NULL;
  if (!(roles = pcn_store_list_roles (store, error)))
    return NULL;
  if (!(practices = pcn_store_list_practices (store, error)))
    return NULL;

  names = g_ptr_array_new ();
  for (guint i = 0; i < practices->len; i++)
    g_ptr_array_add (names, (gpointer) pcn_practice_get_name (g_ptr_array_index (practices, i)));

  csv = pcn_staff_csv_parse (d->display_name, contents, length, roles, names, error);
  if (csv == NULL)
    return NULL;
  if (!pcn_store_import_staff (store, csv->staff, csv->lines, d->display_name, error))
    return NULL;

  count = g_new (guint, 1);
  *count = csv->staff->len;
  return count;
}

static void
show_import_problems (PcnTeamPage *self,
                      const char  *display_name,
                      const char  *problems)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *label;

  /* Translators: %s is a file name */
  body = g_strdup_printf (_("Nothing was imported. Correct these problems in %s and import "
                            "it again."), display_name);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Could Not Import Staff"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");

  label = gtk_label_new (problems);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems found"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, problems,
                                  -1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_size_request (scrolled, 420, -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  g_set_weak_pointer (&self->dialog, GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  PcnTeamPage *self;
  char        *display_name;
} ImportCall;

static void
import_call_free (ImportCall *call)
{
  g_clear_object (&call->self);
  g_free (call->display_name);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportCall, import_call_free)

static void
import_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ImportCall) call = user_data;
  PcnTeamPage *self = call->self;
  g_autoptr(GError) error = NULL;
  g_autofree guint *count = NULL;

  count = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  end_busy (self);

  if (count == NULL)
    {
      g_warning ("Could not import %s: %s", call->display_name, error->message);
      show_import_problems (self, call->display_name, error->message);
      return;
    }

  {
    g_autofree char *text = NULL;

    /* Translators: %u is a number of people */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u staff member",
                                         "Imported %u staff", *count), *count);
    add_toast (self, text);
  }
  pcn_team_page_reload (self);
}

static void
start_import (PcnTeamPage *self,
              GFile       *file)
{
  ImportData *data = g_new0 (ImportData, 1);
  g_autofree char *text = NULL;
  ImportCall *call;

  data->file = g_object_ref (file);
  data->display_name = g_file_get_basename (file);

  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Importing staff from %s…"), data->display_name);
  begin_busy (self, text);

  call = g_new0 (ImportCall, 1);
  call->self = g_object_ref (self);
  call->display_name = g_strdup (data->display_name);

  pcn_store_run_async (self->store,
                       import_worker,
                       data, import_data_free,
                       g_free,
                       self->cancellable,
                       import_cb,
                       call);
}

static void
on_import_response_cb (PcnTeamPage          *self,
                       int                   response,
                       GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_clear_object (&self->native);

  if (file != NULL && self->store != NULL && self->busy == 0)
    start_import (self, file);
}

static GtkFileChooserNative *
new_file_chooser (PcnTeamPage          *self,
                  const char           *title,
                  GtkFileChooserAction  action,
                  const char           *accept_label)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title,
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        action, accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  return native;
}

static void
team_import_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (widget);
  g_autoptr(GtkFileFilter) csv_filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  if (self->native != NULL)
    return;

  native = new_file_chooser (self, _("Import Staff from CSV"),
                             GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"));
  gtk_file_filter_set_name (csv_filter, _("CSV files"));
  gtk_file_filter_add_pattern (csv_filter, "*.csv");
  gtk_file_filter_add_pattern (csv_filter, "*.CSV");
  gtk_file_filter_add_mime_type (csv_filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), csv_filter);

  g_signal_connect_object (native, "response", G_CALLBACK (on_import_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->native = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->native);
}

/* ------------------------------------------------------------------------
 * Export to Excel
 */

typedef struct
{
  char       *path;
  PcnNetwork *network;
  GPtrArray  *staff;    /* PcnStaff: a snapshot, never changed once loaded */
  GDate       as_at;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *d = data;

  g_free (d->path);
  g_clear_object (&d->network);
  g_clear_pointer (&d->staff, g_ptr_array_unref);
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

  if (!pcn_export_staff (d->path, d->network, d->staff, &d->as_at, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (object);
  ExportData *d = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *uri = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      end_busy (self);
      g_warning ("Could not export the staff list: %s", error->message);
      /* Translators: %s is the error message */
      toast = adw_toast_new_format (_("Could not export the staff list: %s"), error->message);
      adw_toast_set_timeout (toast, 0);
      adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
      return;
    }

  end_busy (self);

  basename = g_path_get_basename (d->path);
  uri = g_filename_to_uri (d->path, NULL, NULL);
  /* Translators: %1$u is a number of people, %2$s a file name */
  toast = adw_toast_new_format (g_dngettext (GETTEXT_PACKAGE, "Exported %1$u staff member to %2$s",
                                             "Exported %1$u staff to %2$s", d->staff->len),
                                d->staff->len, basename);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "team.open-export");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
}

static void
start_export (PcnTeamPage *self,
              const char  *path)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *text = NULL;
  GListModel *model = G_LIST_MODEL (self->filter_model);
  guint n = g_list_model_get_n_items (model);
  ExportData *d = g_new0 (ExportData, 1);

  /* Snapshot the list as shown, in its order, on the main thread. */
  d->path = g_strdup (path);
  d->network = g_object_ref (self->network);
  d->as_at = self->as_at;
  d->staff = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcnStaffRowItem) item = g_list_model_get_item (model, i);
      g_ptr_array_add (d->staff, g_object_ref (pcn_staff_row_item_get_staff (item)));
    }

  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Exporting the staff list to %s…"), basename);
  begin_busy (self, text);

  task = g_task_new (self, self->cancellable, export_cb, NULL);
  g_task_set_source_tag (task, start_export);
  g_task_set_task_data (task, d, export_data_free);
  g_task_run_in_thread (task, export_thread);
}

static void
on_export_response_cb (PcnTeamPage          *self,
                       int                   response,
                       GtkFileChooserNative *native)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_clear_object (&self->native);

  if (file == NULL || self->network == NULL || self->busy > 0)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      add_toast (self, _("Choose a folder on this computer to export to"));
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
team_export_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (widget);
  g_autoptr(GtkFileFilter) xlsx_filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  if (self->native != NULL)
    return;

  native = new_file_chooser (self, _("Export Staff List"),
                             GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), "staff-list.xlsx");
  gtk_file_filter_set_name (xlsx_filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (xlsx_filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), xlsx_filter);

  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->native = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->native);
}

static void
launch_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PcnTeamPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *text = NULL;

      g_warning ("Could not open the workbook: %s", error->message);
      if (self->toast_overlay == NULL)
        return;
      /* Translators: %s is the error message */
      text = g_strdup_printf (_("Could not open the workbook: %s"), error->message);
      add_toast (self, text);
    }
}

static void
team_open_export_cb (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  g_autoptr(GAppLaunchContext) context = NULL;

  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (gtk_widget_get_display (widget)));
  g_app_info_launch_default_for_uri_async (g_variant_get_string (param, NULL), context, NULL,
                                           launch_cb, g_object_ref (widget));
}

/* ------------------------------------------------------------------------
 * GObject
 */

static void
pcn_team_page_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (widget);

  GTK_WIDGET_CLASS (pcn_team_page_parent_class)->size_allocate (widget, width, height, baseline);
  if (self->context_menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->context_menu));
}

static void
pcn_team_page_dispose (GObject *object)
{
  PcnTeamPage *self = (PcnTeamPage *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->native != NULL)
    gtk_native_dialog_destroy (self->native);
  g_clear_object (&self->native);
  g_clear_weak_pointer (&self->dialog);
  if (self->filter != NULL)
    gtk_custom_filter_set_filter_func (self->filter, NULL, NULL, NULL);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);

  /* AdwBin keeps its own pointer to the child: let it drop the child
   * before the template does. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_TEAM_PAGE);

  g_clear_object (&self->row_model);
  g_clear_object (&self->store);
  g_clear_object (&self->network);

  G_OBJECT_CLASS (pcn_team_page_parent_class)->dispose (object);
}

static void
pcn_team_page_finalize (GObject *object)
{
  PcnTeamPage *self = (PcnTeamPage *) object;

  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->practices, g_ptr_array_unref);
  g_clear_pointer (&self->role_codes, g_ptr_array_unref);
  g_clear_pointer (&self->cell_items, g_hash_table_unref);
  g_clear_pointer (&self->search_text, g_free);
  g_clear_pointer (&self->terms, g_strfreev);
  g_clear_pointer (&self->practice_filter, g_free);
  g_clear_pointer (&self->role_filter, g_free);

  G_OBJECT_CLASS (pcn_team_page_parent_class)->finalize (object);
}

static void
pcn_team_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_AS_AT:
      g_value_set_boxed (value, &self->as_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_team_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PcnTeamPage *self = PCN_TEAM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      pcn_team_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_AS_AT:
      pcn_team_page_set_as_at (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_team_page_class_init (PcnTeamPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_team_page_dispose;
  object_class->finalize = pcn_team_page_finalize;
  object_class->get_property = pcn_team_page_get_property;
  object_class->set_property = pcn_team_page_set_property;
  widget_class->size_allocate = pcn_team_page_size_allocate;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, PCN_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_AS_AT] =
    g_param_spec_boxed ("as-at", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PCN_TYPE_STAFF_ROW_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-team-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, staff_store);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, sort_model);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, filter_model);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, filter);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, selection);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, practice_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, practice_list);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, role_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, role_list);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, leavers_check);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, progress_spinner);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, stack);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, name_column);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, role_column);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, wte_column);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, band_column);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, start_column);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, practices_column);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, employer_column);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, PcnTeamPage, row_menu);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_practice_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_role_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leavers_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);

  gtk_widget_class_install_action (widget_class, "team.add", NULL, team_add_cb);
  gtk_widget_class_install_action (widget_class, "team.edit", NULL, team_edit_cb);
  gtk_widget_class_install_action (widget_class, "team.leaver", NULL, team_leaver_cb);
  gtk_widget_class_install_action (widget_class, "team.edit-staff", "x", team_edit_staff_cb);
  gtk_widget_class_install_action (widget_class, "team.leaver-staff", "x", team_leaver_staff_cb);
  gtk_widget_class_install_action (widget_class, "team.import", NULL, team_import_cb);
  gtk_widget_class_install_action (widget_class, "team.export", NULL, team_export_cb);
  gtk_widget_class_install_action (widget_class, "team.search", NULL, team_search_cb);
  gtk_widget_class_install_action (widget_class, "team.clear-filters", NULL,
                                   team_clear_filters_cb);
  gtk_widget_class_install_action (widget_class, "team.open-export", "s", team_open_export_cb);
  gtk_widget_class_install_action (widget_class, "team.context-menu", NULL, team_context_menu_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "team.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "team.edit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "team.leaver", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK,
                                       "team.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_E,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "team.export", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "team.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "team.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0,
                                       "team.context-menu", NULL);
}

static void
pcn_team_page_init (PcnTeamPage *self)
{
  self->cancellable = g_cancellable_new ();
  self->role_codes = g_ptr_array_new_with_free_func (g_free);
  self->search_text = g_strdup ("");
  self->cell_items = g_hash_table_new_full (NULL, NULL, NULL, cell_info_free);
  pcn_date_set_today (&self->as_at);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->row_model = pcn_staff_row_model_new (G_LIST_MODEL (self->filter_model));
  /* After the row model's own handler, so the slots are up to date. */
  g_signal_connect_object (self->filter_model, "items-changed",
                           G_CALLBACK (on_filter_model_items_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->row_model));
  setup_cells (self);
  self->context_menu = gtk_popover_menu_new_from_model (self->row_menu);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
  {
    GtkGesture *click = gtk_gesture_click_new ();

    gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
    g_signal_connect (click, "pressed", G_CALLBACK (on_context_click_pressed_cb), self);
    gtk_widget_add_controller (GTK_WIDGET (self->column_view), GTK_EVENT_CONTROLLER (click));
  }

  gtk_custom_filter_set_filter_func (self->filter, filter_func, self, NULL);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->column_view));

  update_view_state (self);
  update_actions (self);
}

/* ------------------------------------------------------------------------
 * Public API
 */

void
pcn_team_page_set_store (PcnTeamPage *self,
                         PcnStore    *store)
{
  g_return_if_fail (PCN_IS_TEAM_PAGE (self));
  g_return_if_fail (store == NULL || PCN_IS_STORE (store));

  if (self->store == store)
    return;

  /* Drop anything in flight for the old store. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  while (self->busy > 0)
    end_busy (self);

  g_set_object (&self->store, store);
  g_clear_object (&self->network);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->practices, g_ptr_array_unref);
  self->loaded = FALSE;
  g_list_store_remove_all (self->staff_store);
  self->n_left = 0;
  rebuild_dropdowns (self);

  start_load (self);
  update_view_state (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

PcnStore *
pcn_team_page_get_store (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return self->store;
}

void
pcn_team_page_reload (PcnTeamPage *self)
{
  g_return_if_fail (PCN_IS_TEAM_PAGE (self));
  start_load (self);
}

void
pcn_team_page_set_as_at (PcnTeamPage *self,
                         const GDate *as_at)
{
  GDate date;
  guint n;

  g_return_if_fail (PCN_IS_TEAM_PAGE (self));
  g_return_if_fail (as_at == NULL || g_date_valid (as_at));

  if (as_at != NULL)
    date = *as_at;
  else
    pcn_date_set_today (&date);

  if (g_date_compare (&date, &self->as_at) == 0)
    return;
  self->as_at = date;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->staff_store));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PcnStaffRowItem) item = g_list_model_get_item (G_LIST_MODEL (self->staff_store), i);
      pcn_staff_row_item_set_as_at (item, &self->as_at);
    }
  count_leavers (self);
  /* The Status cells are bound once: have every row bound again. */
  g_list_model_items_changed (G_LIST_MODEL (self->staff_store), 0, n, n);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_view_state (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_AT]);
}

const GDate *
pcn_team_page_get_as_at (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return &self->as_at;
}

gboolean
_pcn_team_page_get_loaded (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), FALSE);
  return self->loaded;
}

GListModel *
_pcn_team_page_get_model (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return G_LIST_MODEL (self->filter_model);
}

GtkSingleSelection *
_pcn_team_page_get_selection (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return self->selection;
}

GtkWidget *
_pcn_team_page_get_search_entry (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return GTK_WIDGET (self->search_entry);
}

GtkWidget *
_pcn_team_page_get_column_view (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return GTK_WIDGET (self->column_view);
}

GtkWidget *
_pcn_team_page_get_practice_dropdown (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return GTK_WIDGET (self->practice_dropdown);
}

GtkWidget *
_pcn_team_page_get_role_dropdown (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return GTK_WIDGET (self->role_dropdown);
}

GtkWidget *
_pcn_team_page_get_leavers_check (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return GTK_WIDGET (self->leavers_check);
}

const char *
_pcn_team_page_get_count_text (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return gtk_label_get_text (self->count_label);
}

const char *
_pcn_team_page_get_state (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

GtkWindow *
_pcn_team_page_get_dialog (PcnTeamPage *self)
{
  g_return_val_if_fail (PCN_IS_TEAM_PAGE (self), NULL);
  return self->dialog;
}

void
_pcn_team_page_apply_search (PcnTeamPage *self)
{
  g_return_if_fail (PCN_IS_TEAM_PAGE (self));
  set_search_text (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}
