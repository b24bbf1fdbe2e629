/* pcn-supervision-page.c — the Supervision page
 *
 * One load on the store's worker thread computes the status report as at
 * the page's date, the integration check, the month's supervisor load at
 * the GP hourly rate, and lists the assignments, training items and
 * practices; the page then fills, each with one splice, the status rows
 * (under a filter and a sort bound to the column view), the per-role rows
 * that the chart and its table share, the load tables and the integration
 * grid (sorted by score, lowest first). Dialogs write through the store's
 * worker thread and the page reloads when they are done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-export-status.h"
#include "pcn-supervision-assign-dialog.h"
#include "pcn-supervision-integration-dialog.h"
#include "pcn-supervision-log-dialog.h"
#include "pcn-supervision-page-private.h"
#include "pcn-supervision-rows.h"
#include "pcn-training-dialog.h"

struct _PcnSupervisionPage
{
  AdwBin               parent_instance;

  /* template */
  GListStore          *status_store;
  GtkFilterListModel  *status_filter_model;
  GtkSortListModel    *status_sort_model;
  GListStore          *roles_store;
  GListStore          *supervisors_store;
  GListStore          *practices_store;
  GListStore          *integration_store;
  GtkSortListModel    *integration_sort_model;
  AdwViewStack        *view_stack;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;
  GtkDropDown         *role_dropdown;
  GtkDropDown         *practice_dropdown;
  GtkDropDown         *status_dropdown;
  GtkLabel            *shown_label;
  GtkColumnView       *status_view;
  GtkSingleSelection  *status_selection;
  GtkColumnViewColumn *status_column;
  AdwPreferencesGroup *detail_group;
  GtkListBox          *training_list;
  PcnChart            *chart;
  GtkColumnView       *roles_view;
  AdwEntryRow         *rate_row;
  GtkLabel            *load_label;
  GtkColumnView       *integration_view;
  GtkSingleSelection  *integration_selection;
  GtkColumnViewColumn *score_column;

  PcnStore            *store;
  GCancellable        *cancellable;       /* the load */
  GCancellable        *tool_cancellable;  /* saves and exports */
  GtkCustomFilter     *filter;
  GPtrArray           *assignments;
  GPtrArray           *training;
  GPtrArray           *practices;
  GtkWindow           *log_dialog;
  GtkWindow           *assign_dialog;
  GtkWindow           *integration_dialog;
  GtkWindow           *training_dialog;
  GtkNativeDialog     *chooser;
  GDate                as_at;
  guint                loading;
  guint                n_loads;
  guint                loaded : 1;
};

G_DEFINE_FINAL_TYPE (PcnSupervisionPage, pcn_supervision_page, ADW_TYPE_BIN)

/* Short column titles of the integration grid, in indicator order. */
static const char *const indicator_titles[PCN_INTEGRATION_N_INDICATORS] = {
  N_("Home team"),
  N_("Sites"),
  N_("System access"),
  N_("Clinical meetings"),
  N_("Peer support"),
  N_("Protected CPD"),
  N_("Job plan"),
  N_("Supervisor"),
  N_("Profession peers"),
};

typedef struct
{
  GDate as_at;
} LoadData;

typedef struct
{
  PcnSupervisionReport *report;
  PcnSupervisionLoad   *load;
  GPtrArray            *assignments;
  GPtrArray            *training;
  GPtrArray            *practices;
  GPtrArray            *checks;
  gint64                rate;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->report, pcn_supervision_report_free);
  g_clear_pointer (&result->load, pcn_supervision_load_free);
  g_clear_pointer (&result->assignments, g_ptr_array_unref);
  g_clear_pointer (&result->training, g_ptr_array_unref);
  g_clear_pointer (&result->practices, g_ptr_array_unref);
  g_clear_pointer (&result->checks, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

/* ------------------------------------------------------------ cells */

static GStrv
status_classes_cb (gpointer    unused,
                   const char *status_class)
{
  const char *classes[] = { "status-cell", status_class, NULL };

  return g_strdupv ((char **) classes);
}

static GStrv
total_classes_cb (gpointer unused,
                  gboolean total)
{
  const char *classes[] = { total ? "heading" : NULL, NULL };

  return g_strdupv ((char **) classes);
}

static char *
minutes_cb (gpointer unused,
            gint64   minutes)
{
  /* Translators: a length of time in hours and minutes, e.g. "4 h 20 min" */
  if (minutes >= 60)
    return g_strdup_printf (_("%1$" G_GINT64_FORMAT " h %2$02" G_GINT64_FORMAT " min"),
                            minutes / 60, minutes % 60);
  /* Translators: a length of time in minutes */
  return g_strdup_printf (_("%" G_GINT64_FORMAT " min"), minutes);
}

static void
setup_indicator_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_indicator_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  user_data)
{
  PcnIntegrationIndicator indicator = GPOINTER_TO_UINT (user_data);
  PcnIntegrationRow *row = gtk_list_item_get_item (item);
  GtkWidget *label = gtk_list_item_get_child (item);
  const PcnIntegrationCheck *check = pcn_integration_row_get_check (row);
  g_autofree char *text = NULL;

  gtk_widget_remove_css_class (label, "error");
  gtk_widget_remove_css_class (label, "dim-label");
  if (indicator == PCN_INTEGRATION_PROFESSION_PEERS && check->met[indicator] == PCN_ANSWER_NO)
    /* Translators: the only one of their profession in the PCN */
    text = g_strdup (C_("profession", "Sole"));
  else if (indicator == PCN_INTEGRATION_FEW_SITES)
    text = g_strdup_printf ("%d", check->sites);
  else
    text = pcn_integration_row_dup_answer_text (row, indicator);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, pcn_integration_indicator_get_label (indicator));
  if (check->met[indicator] == PCN_ANSWER_NO)
    gtk_widget_add_css_class (label, "error");
  else if (check->met[indicator] == PCN_ANSWER_UNKNOWN)
    gtk_widget_add_css_class (label, "dim-label");
}

/* ------------------------------------------------------------ helpers */

static void
show_toast (PcnSupervisionPage *self,
            AdwToast           *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_message (PcnSupervisionPage *self,
              const char         *message)
{
  show_toast (self, adw_toast_new (message));
}

static void
set_loading (PcnSupervisionPage *self,
             gboolean            loading)
{
  if (loading)
    self->loading++;
  else if (self->loading > 0)
    self->loading--;
  gtk_spinner_set_spinning (self->spinner, self->loading > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->loading > 0);
}

static PcnSupervisionStatusRow *
selected_status_row (PcnSupervisionPage *self)
{
  return gtk_single_selection_get_selected_item (self->status_selection);
}

static void
update_actions (PcnSupervisionPage *self)
{
  gboolean loaded = self->store != NULL && self->loaded;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.log",
                                 loaded && selected_status_row (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.assign",
                                 loaded && selected_status_row (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.add-training",
                                 loaded && selected_status_row (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.training-done",
                                 loaded && selected_status_row (self) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.edit-integration",
                                 loaded && gtk_single_selection_get_selected_item (self->integration_selection) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.export", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "supervision.reload", self->store != NULL);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
dropdown_string (GtkDropDown *dropdown)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (dropdown);

  if (item == NULL || gtk_drop_down_get_selected (dropdown) == 0)
    return NULL;
  return g_strdup (gtk_string_object_get_string (item));
}

/* Replaces @dropdown's choices by "@all" + @names, keeping the choice. */
static void
set_dropdown_names (GtkDropDown *dropdown,
                    const char  *all,
                    GPtrArray   *names)
{
  g_autofree char *kept = dropdown_string (dropdown);
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint selected = 0;

  gtk_string_list_append (list, all);
  for (guint i = 0; i < names->len; i++)
    {
      gtk_string_list_append (list, g_ptr_array_index (names, i));
      if (g_strcmp0 (kept, g_ptr_array_index (names, i)) == 0)
        selected = i + 1;
    }
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
}

/* ------------------------------------------------------------ filter */

static gboolean
filter_status_row (gpointer item,
                   gpointer user_data)
{
  PcnSupervisionPage *self = user_data;
  PcnSupervisionStatusRow *row = item;
  PcnStaff *staff = pcn_supervision_status_row_get_staff (row);
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  g_autofree char *role = dropdown_string (self->role_dropdown);
  g_autofree char *practice = dropdown_string (self->practice_dropdown);

  if (status != 0 && status != GTK_INVALID_LIST_POSITION &&
      (guint) pcn_supervision_status_row_get_status (row) != status - 1)
    return FALSE;
  if (role != NULL &&
      g_strcmp0 (role, pcn_staff_get_role_name (staff) ?: pcn_staff_get_role_code (staff)) != 0)
    return FALSE;
  if (practice != NULL && !pcn_staff_has_practice (staff, practice))
    return FALSE;
  return TRUE;
}

static void
update_shown_label (PcnSupervisionPage *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->status_sort_model));
  guint all = g_list_model_get_n_items (G_LIST_MODEL (self->status_store));
  g_autofree char *text = NULL;

  if (shown == all)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: rows of the status table */
                                         "%u requirement", "%u requirements", all),
                            all);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: rows of the status table */
                                         "%1$u of %2$u requirement shown",
                                         "%1$u of %2$u requirements shown", all),
                            shown, all);
  gtk_label_set_text (self->shown_label, text);
}

static void
on_filter_changed_cb (PcnSupervisionPage *self)
{
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_shown_label (self);
}

/* ------------------------------------------------------------ showing */

static GtkWidget *
training_row (PcnTrainingItem *item,
              const GDate     *as_at)
{
  PcnTrainingStatus status = pcn_training_item_get_status (item, as_at);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *badge = gtk_label_new (pcn_training_status_get_label (status));
  g_autofree char *due = item->due_date != NULL ? pcn_iso_format_display (item->due_date) : NULL;
  g_autofree char *done = item->completed_on != NULL ? pcn_iso_format_display (item->completed_on) : NULL;
  g_autofree char *subtitle = NULL;
  static const char *const classes[] = { "success", "warning", "error", "error" };

  if (done != NULL && due != NULL)
    /* Translators: %1$s and %2$s are dates */
    subtitle = g_strdup_printf (_("Done %1$s, expires %2$s"), done, due);
  else if (done != NULL)
    /* Translators: %s is a date */
    subtitle = g_strdup_printf (_("Done %s"), done);
  else if (due != NULL)
    /* Translators: %s is a date */
    subtitle = g_strdup_printf (_("Not done, due by %s"), due);
  else
    subtitle = g_strdup (_("Not done, no deadline"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_add_css_class (badge, "caption-heading");
  gtk_widget_add_css_class (badge, classes[status]);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);
  if (item->completed_on == NULL)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("object-select-symbolic");
      g_autofree char *label = NULL;

      /* Translators: %s is a training item */
      label = g_strdup_printf (_("Mark “%s” done"), item->name);
      gtk_widget_set_tooltip_text (button, label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "supervision.training-done");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (item->id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  return row;
}

static void
show_detail (PcnSupervisionPage *self)
{
  PcnSupervisionStatusRow *row = selected_status_row (self);
  PcnStaff *staff = row != NULL ? pcn_supervision_status_row_get_staff (row) : NULL;
  guint n = 0;

  remove_all_rows (self->training_list);
  if (staff == NULL)
    {
      adw_preferences_group_set_description (self->detail_group,
                                             _("Select a person to see their training items."));
      gtk_widget_set_visible (GTK_WIDGET (self->training_list), FALSE);
      return;
    }

  for (guint i = 0; self->training != NULL && i < self->training->len; i++)
    {
      PcnTrainingItem *item = g_ptr_array_index (self->training, i);

      if (item->staff_id != pcn_staff_get_id (staff))
        continue;
      gtk_list_box_append (self->training_list, training_row (item, &self->as_at));
      n++;
    }
  if (n == 0)
    {
      g_autofree char *text = NULL;

      /* Translators: %s is a person's name */
      text = g_strdup_printf (_("%s has no training items recorded."), pcn_staff_get_name (staff));
      adw_preferences_group_set_description (self->detail_group, text);
    }
  else
    adw_preferences_group_set_description (self->detail_group, pcn_staff_get_name (staff));
  gtk_widget_set_visible (GTK_WIDGET (self->training_list), n > 0);
}

static void
show_status (PcnSupervisionPage   *self,
             PcnSupervisionReport *report)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) role_names = g_ptr_array_new ();
  g_autoptr(GPtrArray) practice_names = g_ptr_array_new ();
  guint counts[PCN_SUPERVISION_N_STATUSES] = { 0, };
  g_autofree char *as_at = pcn_date_format_display (&report->as_at);
  g_autofree char *text = NULL;
  gint64 kept_id = -1;
  PcnSupervisionKind kept_kind = 0;
  guint kept = GTK_INVALID_LIST_POSITION;

  if (selected_status_row (self) != NULL)
    {
      kept_id = pcn_staff_get_id (pcn_supervision_status_row_get_staff (selected_status_row (self)));
      kept_kind = pcn_supervision_status_row_get_kind (selected_status_row (self));
    }

  for (guint i = 0; i < report->people->len; i++)
    {
      PcnSupervisionPerson *person = g_ptr_array_index (report->people, i);

      counts[person->overall]++;
      for (guint k = 0; k < person->kinds->len; k++)
        g_ptr_array_add (rows, pcn_supervision_status_row_new (person->staff,
                                                               &g_array_index (person->kinds,
                                                                               PcnSupervisionKindStatus,
                                                                               k)));
    }

  for (guint i = 0; i < report->roles->len; i++)
    {
      PcnSupervisionRoleSummary *summary = g_ptr_array_index (report->roles, i);

      g_ptr_array_add (role_names, summary->role_name ?: summary->role_code);
    }
  for (guint i = 0; self->practices != NULL && i < self->practices->len; i++)
    g_ptr_array_add (practice_names, (char *) pcn_practice_get_name (g_ptr_array_index (self->practices, i)));
  set_dropdown_names (self->role_dropdown, _("All roles"), role_names);
  set_dropdown_names (self->practice_dropdown, _("All practices"), practice_names);

  g_list_store_splice (self->status_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->status_store)),
                       rows->pdata, rows->len);

  /* Keep the same person and kind selected across a reload. */
  for (guint i = 0; kept_id >= 0 && i < g_list_model_get_n_items (G_LIST_MODEL (self->status_sort_model)); i++)
    {
      g_autoptr(PcnSupervisionStatusRow) row = g_list_model_get_item (G_LIST_MODEL (self->status_sort_model), i);

      if (pcn_staff_get_id (pcn_supervision_status_row_get_staff (row)) == kept_id &&
          pcn_supervision_status_row_get_kind (row) == kept_kind)
        {
          kept = i;
          break;
        }
    }
  gtk_single_selection_set_selected (self->status_selection, kept);
  update_shown_label (self);

  /* Translators: the page's status line; %1$s is a date, then counts of
   * people by their most pressing supervision status */
  text = g_strdup_printf (_("As at %1$s: %2$u up to date, %3$u due soon, %4$u overdue, "
                            "%5$u with no supervisor"),
                          as_at, counts[0], counts[1], counts[2], counts[3]);
  gtk_label_set_text (self->status_label, text);
}

static void
show_roles (PcnSupervisionPage   *self,
            PcnSupervisionReport *report)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < report->roles->len; i++)
    g_ptr_array_add (rows, pcn_supervision_role_row_new (g_ptr_array_index (report->roles, i)));
  g_list_store_splice (self->roles_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->roles_store)),
                       rows->pdata, rows->len);
}

static void
show_load (PcnSupervisionPage *self,
           PcnSupervisionLoad *load,
           gint64              rate)
{
  g_autoptr(GPtrArray) supervisors = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *month = NULL;
  g_autofree char *text = NULL;
  GDate first;
  char buf[64];

  for (guint i = 0; i < load->supervisors->len; i++)
    g_ptr_array_add (supervisors, pcn_supervisor_load_row_new (g_ptr_array_index (load->supervisors, i),
                                                               NULL, FALSE));
  for (guint i = 0; i < load->practices->len; i++)
    {
      PcnSupervisorLoad *line = g_ptr_array_index (load->practices, i);

      g_ptr_array_add (practices,
                       pcn_supervisor_load_row_new (line, line->supervisor ?: _("PCN-wide"), FALSE));
    }
  g_ptr_array_add (practices, pcn_supervisor_load_row_new (&load->total, _("PCN total"), TRUE));
  g_list_store_splice (self->supervisors_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->supervisors_store)),
                       supervisors->pdata, supervisors->len);
  g_list_store_splice (self->practices_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->practices_store)),
                       practices->pdata, practices->len);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, load->month, load->year);
  /* Translators: a month and year, see strftime(3) */
  if (g_date_strftime (buf, sizeof buf, _("%B %Y"), &first) == 0)
    g_snprintf (buf, sizeof buf, "%04d-%02d", load->year, load->month);
  month = g_strdup (buf);

  if (rate < 0)
    /* Translators: %s is a month */
    text = g_strdup_printf (_("%s. Enter the PCN’s cost of an hour of GP time to see what "
                              "supervision costs: the scheme does not fund it."),
                            month);
  else
    {
      g_autofree char *planned = pcn_money_format (load->total.planned_cost_pence);
      /* Translators: %1$s is a month, %2$s money */
      text = g_strdup_printf (_("%1$s. Supervision time planned this month costs the PCN %2$s "
                                "that the scheme does not fund."),
                              month, planned);
    }
  gtk_label_set_text (self->load_label, text);

  /* Leave the entry alone while it holds the user's own edit. */
  if (!gtk_widget_has_css_class (GTK_WIDGET (self->rate_row), "error"))
    {
      g_autofree char *plain = rate >= 0 ? pcn_money_format_plain (rate) : g_strdup ("");
      gtk_editable_set_text (GTK_EDITABLE (self->rate_row), plain);
    }
}

static void
show_integration (PcnSupervisionPage *self,
                  GPtrArray          *checks)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < checks->len; i++)
    g_ptr_array_add (rows, pcn_integration_row_new (checks, i));
  g_list_store_splice (self->integration_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->integration_store)),
                       rows->pdata, rows->len);
}

/* ------------------------------------------------------------ loading */

static gpointer
load_func (PcnStore  *store,
           gpointer   user_data,
           GError   **error)
{
  LoadData *data = user_data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);

  if ((result->report = pcn_store_compute_supervision (store, &data->as_at, error)) == NULL ||
      (result->assignments = pcn_store_list_supervisor_assignments (store, -1, error)) == NULL ||
      (result->training = pcn_store_list_training_items (store, -1, error)) == NULL ||
      (result->practices = pcn_store_list_practices (store, error)) == NULL ||
      (result->checks = pcn_store_compute_integration (store, &data->as_at, error)) == NULL ||
      !pcn_store_get_gp_hourly_rate (store, &result->rate, error) ||
      (result->load = pcn_store_compute_supervisor_load (store, g_date_get_year (&data->as_at),
                                                         g_date_get_month (&data->as_at),
                                                         error)) == NULL)
    return NULL;
  return g_steal_pointer (&result);
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PcnSupervisionPage) self = user_data;
  g_autoptr(LoadResult) loaded = NULL;
  g_autoptr(GError) error = NULL;

  loaded = pcn_store_run_finish (PCN_STORE (object), result, &error);
  set_loading (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (PCN_STORE (object) != self->store)
    return;

  if (loaded == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("Cannot work out supervision: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot work out supervision: %s"), error->message);
      gtk_label_set_text (self->status_label, message);
      show_message (self, message);
      return;
    }

  g_clear_pointer (&self->assignments, g_ptr_array_unref);
  g_clear_pointer (&self->training, g_ptr_array_unref);
  g_clear_pointer (&self->practices, g_ptr_array_unref);
  self->assignments = g_steal_pointer (&loaded->assignments);
  self->training = g_steal_pointer (&loaded->training);
  self->practices = g_steal_pointer (&loaded->practices);

  show_status (self, loaded->report);
  show_roles (self, loaded->report);
  show_load (self, loaded->load, loaded->rate);
  show_integration (self, loaded->checks);
  show_detail (self);
  self->loaded = TRUE;
  self->n_loads++;
  update_actions (self);
}

void
pcn_supervision_page_reload (PcnSupervisionPage *self)
{
  LoadData *data;

  g_return_if_fail (PCN_IS_SUPERVISION_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->status_store);
      g_list_store_remove_all (self->roles_store);
      g_list_store_remove_all (self->supervisors_store);
      g_list_store_remove_all (self->practices_store);
      g_list_store_remove_all (self->integration_store);
      g_clear_pointer (&self->assignments, g_ptr_array_unref);
      g_clear_pointer (&self->training, g_ptr_array_unref);
      g_clear_pointer (&self->practices, g_ptr_array_unref);
      self->loaded = FALSE;
      show_detail (self);
      update_actions (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->as_at = self->as_at;
  set_loading (self, TRUE);
  pcn_store_run_async (self->store, load_func, data, g_free,
                       (GDestroyNotify) load_result_free, self->cancellable,
                       on_load_done_cb, g_object_ref (self));
}

/* ------------------------------------------------------------ dialogs */

static void
on_session_logged_cb (PcnSupervisionLogDialog *dialog,
                      PcnSupervisionSession   *session,
                      PcnSupervisionPage      *self)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is a kind of supervision, %2$s a person */
  message = g_strdup_printf (_("Logged a %1$s session for %2$s"),
                             pcn_supervision_kind_get_label (session->kind),
                             pcn_staff_get_name (pcn_supervision_log_dialog_get_staff (dialog)));
  show_message (self, message);
  pcn_supervision_page_reload (self);
}

static void
open_log_dialog (PcnSupervisionPage      *self,
                 PcnSupervisionStatusRow *row)
{
  PcnSupervisionLogDialog *dialog;

  if (self->store == NULL || !self->loaded || row == NULL)
    return;
  if (self->log_dialog != NULL)
    gtk_window_destroy (self->log_dialog);

  dialog = pcn_supervision_log_dialog_new (self->store, pcn_supervision_status_row_get_staff (row),
                                           pcn_supervision_status_row_get_kind (row),
                                           self->assignments, &self->as_at);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "logged", G_CALLBACK (on_session_logged_cb), self, 0);
  self->log_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->log_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
log_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  PcnSupervisionPage *self = PCN_SUPERVISION_PAGE (widget);

  open_log_dialog (self, selected_status_row (self));
}

static void
on_status_view_activate_cb (PcnSupervisionPage *self,
                            guint               position)
{
  g_autoptr(PcnSupervisionStatusRow) row = g_list_model_get_item (G_LIST_MODEL (self->status_sort_model),
                                                                  position);

  open_log_dialog (self, row);
}

static void
on_training_saved_cb (PcnTrainingDialog  *dialog,
                      PcnTrainingItem    *item,
                      PcnSupervisionPage *self)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is a training item, %2$s a person */
  message = g_strdup_printf (_("Saved “%1$s” for %2$s"), item->name,
                             pcn_staff_get_name (pcn_training_dialog_get_staff (dialog)));
  show_message (self, message);
  pcn_supervision_page_reload (self);
}

/* @item NULL: a new item for the selected person. */
static void
open_training_dialog (PcnSupervisionPage    *self,
                      const PcnTrainingItem *item)
{
  PcnSupervisionStatusRow *row = selected_status_row (self);
  PcnTrainingDialog *dialog;

  if (self->store == NULL || !self->loaded || row == NULL)
    return;
  if (self->training_dialog != NULL)
    gtk_window_destroy (self->training_dialog);

  dialog = pcn_training_dialog_new (self->store, pcn_supervision_status_row_get_staff (row), item,
                                    item != NULL, &self->as_at);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_training_saved_cb), self, 0);
  self->training_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->training_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_training_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  open_training_dialog (PCN_SUPERVISION_PAGE (widget), NULL);
}

static void
training_done_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PcnSupervisionPage *self = PCN_SUPERVISION_PAGE (widget);
  gint64 id = g_variant_get_int64 (param);

  for (guint i = 0; self->training != NULL && i < self->training->len; i++)
    {
      PcnTrainingItem *item = g_ptr_array_index (self->training, i);

      if (item->id == id)
        {
          open_training_dialog (self, item);
          return;
        }
    }
}

static void
on_assigned_cb (PcnSupervisionAssignDialog *dialog,
                PcnSupervisorAssignment    *a,
                PcnSupervisionPage         *self)
{
  g_autofree char *message = NULL;

  /* Translators: %1$s is a supervisor's name, %2$s a kind of supervision */
  message = g_strdup_printf (_("%1$s named as %2$s supervisor"), a->supervisor,
                             pcn_supervision_kind_get_label (a->kind));
  show_message (self, message);
  pcn_supervision_page_reload (self);
}

static void
on_dialog_failed_cb (GtkWindow          *dialog,
                     const char         *message,
                     PcnSupervisionPage *self)
{
  g_autofree char *text = NULL;

  /* Translators: %s says why */
  text = g_strdup_printf (_("Not saved: %s"), message);
  show_message (self, text);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PcnSupervisionPage *self = PCN_SUPERVISION_PAGE (widget);
  PcnSupervisionStatusRow *row = selected_status_row (self);
  PcnSupervisionAssignDialog *dialog;

  if (self->store == NULL || !self->loaded || row == NULL)
    return;
  if (self->assign_dialog != NULL)
    gtk_window_destroy (self->assign_dialog);

  dialog = pcn_supervision_assign_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), self->store,
                                              pcn_supervision_status_row_get_staff (row),
                                              pcn_supervision_status_row_get_kind (row),
                                              self->practices, &self->as_at);
  g_signal_connect_object (dialog, "assigned", G_CALLBACK (on_assigned_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_dialog_failed_cb), self, 0);
  self->assign_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->assign_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_integration_saved_cb (PcnSupervisionIntegrationDialog *dialog,
                         PcnSupervisionPage              *self)
{
  show_message (self, _("Integration answers saved"));
  pcn_supervision_page_reload (self);
}

static void
open_integration_dialog (PcnSupervisionPage *self,
                         PcnIntegrationRow  *row)
{
  PcnSupervisionIntegrationDialog *dialog;

  if (self->store == NULL || !self->loaded || row == NULL)
    return;
  if (self->integration_dialog != NULL)
    gtk_window_destroy (self->integration_dialog);

  dialog = pcn_supervision_integration_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                                   self->store, pcn_integration_row_get_check (row));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_integration_saved_cb), self, 0);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (on_dialog_failed_cb), self, 0);
  self->integration_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->integration_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_integration_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  PcnSupervisionPage *self = PCN_SUPERVISION_PAGE (widget);

  open_integration_dialog (self, gtk_single_selection_get_selected_item (self->integration_selection));
}

static void
on_integration_view_activate_cb (PcnSupervisionPage *self,
                                 guint               position)
{
  g_autoptr(PcnIntegrationRow) row = g_list_model_get_item (G_LIST_MODEL (self->integration_sort_model),
                                                            position);

  open_integration_dialog (self, row);
}

static void
on_selection_changed_cb (PcnSupervisionPage *self)
{
  show_detail (self);
  update_actions (self);
}

/* ------------------------------------------------------------ GP rate */

static gpointer
set_rate_func (PcnStore  *store,
               gpointer   user_data,
               GError   **error)
{
  gint64 *pence = user_data;

  if (!pcn_store_set_gp_hourly_rate (store, *pence, error))
    return NULL;
  return g_memdup2 (pence, sizeof *pence);
}

static void
on_rate_saved_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PcnSupervisionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree gint64 *pence = NULL;
  g_autofree char *message = NULL;

  pence = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (pence == NULL)
    {
      g_warning ("Cannot save the GP hourly rate: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot save the GP hourly rate: %s"), error->message);
    }
  else if (*pence < 0)
    message = g_strdup (_("GP hourly rate cleared"));
  else
    {
      g_autofree char *money = pcn_money_format (*pence);
      /* Translators: %s is money */
      message = g_strdup_printf (_("GP time now costed at %s an hour"), money);
    }
  show_message (self, message);
  pcn_supervision_page_reload (self);
}

static void
on_rate_apply_cb (PcnSupervisionPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rate_row))));
  gint64 pence = -1;

  if (self->store == NULL)
    return;
  if (text[0] != '\0' && !pcn_money_parse (text, &pence, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->rate_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->rate_row), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->rate_row),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message, -1);
      show_message (self, error->message);
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->rate_row), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->rate_row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->rate_row),
                                 GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  pcn_store_run_async (self->store, set_rate_func, g_memdup2 (&pence, sizeof pence), g_free,
                       g_free, self->tool_cancellable, on_rate_saved_cb, g_object_ref (self));
}

/* ------------------------------------------------------------ export */

typedef struct
{
  char  *path;
  GDate  as_at;
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_free (data->path);
  g_free (data);
}

static gpointer
export_func (PcnStore  *store,
             gpointer   user_data,
             GError   **error)
{
  ExportData *data = user_data;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnSupervisionReport) report = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) training = NULL;
  g_autoptr(GPtrArray) checks = NULL;

  if ((network = pcn_store_get_network (store, error)) == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NO_NETWORK,
                             _("The PCN is not set up yet"));
      return NULL;
    }
  if ((report = pcn_store_compute_supervision (store, &data->as_at, error)) == NULL ||
      (staff = pcn_store_list_staff (store, error)) == NULL ||
      (training = pcn_store_list_training_items (store, -1, error)) == NULL ||
      (checks = pcn_store_compute_integration (store, &data->as_at, error)) == NULL)
    return NULL;
  if (!pcn_export_status (data->path, network, report, staff, training, checks, &data->as_at,
                          error))
    return NULL;
  return g_strdup (data->path);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PcnSupervisionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *base = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  path = pcn_store_run_finish (PCN_STORE (object), result, &error);
  set_loading (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (path == NULL)
    {
      g_warning ("Could not export the status workbook: %s", error->message);
      /* Translators: %s says why */
      toast = adw_toast_new_format (_("Could not export the status workbook: %s"), error->message);
      adw_toast_set_timeout (toast, 0);
      show_toast (self, toast);
      return;
    }

  base = g_path_get_basename (path);
  uri = g_filename_to_uri (path, NULL, NULL);
  /* Translators: %s is a file name */
  toast = adw_toast_new_format (_("Exported the status workbook to %s"), base);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "supervision.open-export");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  show_toast (self, toast);
}

static void
on_export_response_cb (GtkNativeDialog    *chooser,
                       int                 response,
                       PcnSupervisionPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  ExportData *data;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (self->chooser == chooser)
    g_clear_object (&self->chooser);
  if (file == NULL || self->store == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_message (self, _("Choose a folder on this computer to export to"));
      return;
    }
  if (!g_str_has_suffix (path, ".xlsx"))
    {
      char *with = g_strconcat (path, ".xlsx", NULL);
      g_free (path);
      path = with;
    }

  data = g_new0 (ExportData, 1);
  data->path = g_steal_pointer (&path);
  data->as_at = self->as_at;
  set_loading (self, TRUE);
  pcn_store_run_async (self->store, export_func, data, (GDestroyNotify) export_data_free, g_free,
                       self->tool_cancellable, on_export_done_cb, g_object_ref (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PcnSupervisionPage *self = PCN_SUPERVISION_PAGE (widget);
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  g_autofree char *date = pcn_date_to_iso (&self->as_at);
  g_autofree char *name = NULL;

  if (self->store == NULL || !self->loaded)
    return;
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);

  chooser = gtk_file_chooser_native_new (_("Export the Supervision Status Workbook"),
                                         GTK_WINDOW (gtk_widget_get_root (widget)),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  /* Translators: the suggested file name; %s is the as-at date */
  name = g_strdup_printf (_("supervision-status-%s.xlsx"), date);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_response_cb), self, 0);
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->chooser);
}

static void
on_launched_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(PcnSupervisionPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *text = NULL;

      g_warning ("Could not open the workbook: %s", error->message);
      /* Translators: %s says why */
      text = g_strdup_printf (_("Could not open the workbook: %s"), error->message);
      show_message (self, text);
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
                                           on_launched_cb, g_object_ref (widget));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  pcn_supervision_page_reload (PCN_SUPERVISION_PAGE (widget));
}

/* ------------------------------------------------------------ GObject */

static void
destroy_dialog (GtkWindow **dialog)
{
  if (*dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (*dialog), (gpointer *) dialog);
      gtk_window_destroy (*dialog);
      *dialog = NULL;
    }
}

static void
pcn_supervision_page_map (GtkWidget *widget)
{
  PcnSupervisionPage *self = PCN_SUPERVISION_PAGE (widget);

  GTK_WIDGET_CLASS (pcn_supervision_page_parent_class)->map (widget);
  /* Other pages may have changed staff since the last load. */
  if (self->store != NULL && self->loaded && self->loading == 0)
    pcn_supervision_page_reload (self);
}

static void
pcn_supervision_page_dispose (GObject *object)
{
  PcnSupervisionPage *self = PCN_SUPERVISION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->tool_cancellable);
  g_clear_object (&self->tool_cancellable);
  destroy_dialog (&self->log_dialog);
  destroy_dialog (&self->assign_dialog);
  destroy_dialog (&self->integration_dialog);
  destroy_dialog (&self->training_dialog);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_SUPERVISION_PAGE);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->assignments, g_ptr_array_unref);
  g_clear_pointer (&self->training, g_ptr_array_unref);
  g_clear_pointer (&self->practices, g_ptr_array_unref);

  G_OBJECT_CLASS (pcn_supervision_page_parent_class)->dispose (object);
}

static void
pcn_supervision_page_class_init (PcnSupervisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_supervision_page_dispose;
  widget_class->map = pcn_supervision_page_map;

  g_type_ensure (PCN_TYPE_SUPERVISION_STATUS_ROW);
  g_type_ensure (PCN_TYPE_SUPERVISION_ROLE_ROW);
  g_type_ensure (PCN_TYPE_SUPERVISOR_LOAD_ROW);
  g_type_ensure (PCN_TYPE_INTEGRATION_ROW);
  g_type_ensure (PCN_TYPE_CHART);
  g_type_ensure (PCN_TYPE_CHART_SERIES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-supervision-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PcnSupervisionPage, name)
  BIND (status_store);
  BIND (status_filter_model);
  BIND (status_sort_model);
  BIND (roles_store);
  BIND (supervisors_store);
  BIND (practices_store);
  BIND (integration_store);
  BIND (integration_sort_model);
  BIND (view_stack);
  BIND (spinner);
  BIND (status_label);
  BIND (role_dropdown);
  BIND (practice_dropdown);
  BIND (status_dropdown);
  BIND (shown_label);
  BIND (status_view);
  BIND (status_selection);
  BIND (status_column);
  BIND (detail_group);
  BIND (training_list);
  BIND (chart);
  BIND (roles_view);
  BIND (rate_row);
  BIND (load_label);
  BIND (integration_view);
  BIND (integration_selection);
  BIND (score_column);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_status_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_integration_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_rate_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, total_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, minutes_cb);

  gtk_widget_class_install_action (widget_class, "supervision.log", NULL, log_action);
  gtk_widget_class_install_action (widget_class, "supervision.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "supervision.add-training", NULL, add_training_action);
  gtk_widget_class_install_action (widget_class, "supervision.training-done", "x", training_done_action);
  gtk_widget_class_install_action (widget_class, "supervision.edit-integration", NULL,
                                   edit_integration_action);
  gtk_widget_class_install_action (widget_class, "supervision.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "supervision.open-export", "s",
                                   open_export_action);
  gtk_widget_class_install_action (widget_class, "supervision.reload", NULL, reload_action);
}

static void
name_dropdown_button (GtkDropDown *dropdown,
                      const char  *name)
{
  /* GtkDropDown (4.8) leaves its inner button unnamed for screen readers. */
  GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (dropdown));

  if (GTK_IS_TOGGLE_BUTTON (button))
    gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                    -1);
}

static void
add_indicator_columns (PcnSupervisionPage *self)
{
  for (guint i = 0; i < PCN_INTEGRATION_N_INDICATORS; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      GtkColumnViewColumn *column;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_indicator_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_indicator_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (_(indicator_titles[i]), factory);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_append_column (self->integration_view, column);
      g_object_unref (column);
    }
}

static void
pcn_supervision_page_init (PcnSupervisionPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  self->tool_cancellable = g_cancellable_new ();
  pcn_date_set_today (&self->as_at);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_string_list_append (statuses, _("All statuses"));
  for (int s = 0; s < PCN_SUPERVISION_N_STATUSES; s++)
    gtk_string_list_append (statuses, pcn_supervision_status_get_label (s));
  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  set_dropdown_names (self->role_dropdown, _("All roles"), none);
  set_dropdown_names (self->practice_dropdown, _("All practices"), none);
  name_dropdown_button (self->role_dropdown, _("Role"));
  name_dropdown_button (self->practice_dropdown, _("Practice"));
  name_dropdown_button (self->status_dropdown, _("Status"));

  self->filter = gtk_custom_filter_new (filter_status_row, self, NULL);
  gtk_filter_list_model_set_filter (self->status_filter_model, GTK_FILTER (self->filter));
  add_indicator_columns (self);

  g_signal_connect_object (self->status_selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_selection, "items-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->integration_selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->integration_selection, "items-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  /* Most at risk first. */
  gtk_column_view_sort_by_column (self->integration_view, self->score_column, GTK_SORT_ASCENDING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  /* PCN_SUPERVISION_VIEW (undocumented, for screenshots): the tab to open on. */
  if (g_getenv ("PCN_SUPERVISION_VIEW") != NULL)
    adw_view_stack_set_visible_child_name (self->view_stack, g_getenv ("PCN_SUPERVISION_VIEW"));
  show_detail (self);
  update_actions (self);
}

/* ------------------------------------------------------------ public */

void
pcn_supervision_page_set_store (PcnSupervisionPage *self,
                                PcnStore           *store)
{
  g_return_if_fail (PCN_IS_SUPERVISION_PAGE (self));
  g_return_if_fail (store == NULL || PCN_IS_STORE (store));

  if (self->store != store)
    {
      g_cancellable_cancel (self->tool_cancellable);
      g_clear_object (&self->tool_cancellable);
      self->tool_cancellable = g_cancellable_new ();
      self->loading = 0;
      self->loaded = FALSE;
      set_loading (self, FALSE);
    }
  g_set_object (&self->store, store);
  pcn_supervision_page_reload (self);
}

PcnStore *
pcn_supervision_page_get_store (PcnSupervisionPage *self)
{
  g_return_val_if_fail (PCN_IS_SUPERVISION_PAGE (self), NULL);
  return self->store;
}

void
pcn_supervision_page_set_as_at (PcnSupervisionPage *self,
                                const GDate        *as_at)
{
  g_return_if_fail (PCN_IS_SUPERVISION_PAGE (self));
  g_return_if_fail (as_at == NULL || g_date_valid (as_at));

  if (as_at != NULL)
    self->as_at = *as_at;
  else
    pcn_date_set_today (&self->as_at);
  if (self->store != NULL)
    pcn_supervision_page_reload (self);
}

gboolean
_pcn_supervision_page_is_loading (PcnSupervisionPage *self)
{
  return self->loading > 0;
}

guint
_pcn_supervision_page_get_n_loads (PcnSupervisionPage *self)
{
  return self->n_loads;
}

GListModel *
_pcn_supervision_page_get_status_rows (PcnSupervisionPage *self)
{
  return G_LIST_MODEL (self->status_store);
}

GListModel *
_pcn_supervision_page_get_shown_status (PcnSupervisionPage *self)
{
  return G_LIST_MODEL (self->status_sort_model);
}

void
_pcn_supervision_page_select_status (PcnSupervisionPage *self,
                                     guint               position)
{
  gtk_single_selection_set_selected (self->status_selection, position);
}

void
_pcn_supervision_page_set_filters (PcnSupervisionPage *self,
                                   guint               role,
                                   guint               practice,
                                   guint               status)
{
  gtk_drop_down_set_selected (self->role_dropdown, role);
  gtk_drop_down_set_selected (self->practice_dropdown, practice);
  gtk_drop_down_set_selected (self->status_dropdown, status);
}

GListModel *
_pcn_supervision_page_get_roles (PcnSupervisionPage *self)
{
  return G_LIST_MODEL (self->roles_store);
}

GtkColumnView *
_pcn_supervision_page_get_roles_view (PcnSupervisionPage *self)
{
  return self->roles_view;
}

PcnChart *
_pcn_supervision_page_get_chart (PcnSupervisionPage *self)
{
  return self->chart;
}

GListModel *
_pcn_supervision_page_get_supervisors (PcnSupervisionPage *self)
{
  return G_LIST_MODEL (self->supervisors_store);
}

GListModel *
_pcn_supervision_page_get_practice_load (PcnSupervisionPage *self)
{
  return G_LIST_MODEL (self->practices_store);
}

GListModel *
_pcn_supervision_page_get_shown_integration (PcnSupervisionPage *self)
{
  return G_LIST_MODEL (self->integration_sort_model);
}

GtkColumnView *
_pcn_supervision_page_get_integration_view (PcnSupervisionPage *self)
{
  return self->integration_view;
}

GtkWindow *
_pcn_supervision_page_get_log_dialog (PcnSupervisionPage *self)
{
  return self->log_dialog;
}

GtkWindow *
_pcn_supervision_page_get_assign_dialog (PcnSupervisionPage *self)
{
  return self->assign_dialog;
}

GtkWindow *
_pcn_supervision_page_get_integration_dialog (PcnSupervisionPage *self)
{
  return self->integration_dialog;
}

void
_pcn_supervision_page_show_view (PcnSupervisionPage *self,
                                 const char         *name)
{
  adw_view_stack_set_visible_child_name (self->view_stack, name);
}
