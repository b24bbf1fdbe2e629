/* pcn-recruitment-page.c — the Recruitment page
 *
 * One load on the store's worker thread reads the year's ledger data
 * (pcn_store_load_ledger_data), computes the ledger, turnover and
 * vacancies, and hands them back; the page then fills, in one go, the
 * month model the chart and its table share, the post list (a GListStore
 * of PcnPostRow under a filter, a sort bound to the column view, and a
 * single selection), the checks and the headline figures. The latest-start
 * tool and the what-if uplift run on the worker thread too and write
 * nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pcn-budget-month.h"
#include "pcn-post-dialog.h"
#include "pcn-post-row.h"
#include "pcn-recruitment-page-private.h"

#define FIRST_YEAR 2023
#define LAST_YEAR  2030

struct _PcnRecruitmentPage
{
  AdwBin               parent_instance;

  /* template */
  GListStore          *months_store;
  GListStore          *posts_store;
  GtkFilterListModel  *posts_filter_model;
  GtkSortListModel    *posts_sort_model;
  GListStore          *roles_store;
  GtkDropDown         *year_dropdown;
  GtkSpinner          *spinner;
  GtkLabel            *status_label;
  GtkLabel            *allocation_label;
  GtkRevealer         *rates_revealer;
  GtkLabel            *rates_label;
  GtkLabel            *allocation_value;
  GtkLabel            *forecast_value;
  GtkLabel            *headroom_title;
  GtkLabel            *headroom_value;
  GtkLabel            *wte_value;
  PcnChart            *chart;
  GtkColumnView       *months_view;
  GtkLabel            *posts_heading;
  GtkDropDown         *filter_dropdown;
  GtkColumnView       *posts_view;
  GtkSingleSelection  *posts_selection;
  GtkColumnViewColumn *start_column;
  GtkLabel            *posts_empty_label;
  AdwPreferencesGroup *checks_group;
  GtkListBox          *checks_list;
  GtkListBox          *turnover_list;
  AdwComboRow         *latest_role_row;
  AdwEntryRow         *latest_wte_row;
  AdwEntryRow         *latest_cost_row;
  AdwActionRow        *latest_result_row;
  GtkSpinButton       *uplift_spin;
  AdwComboRow         *uplift_month_row;
  AdwActionRow        *uplift_result_row;

  PcnStore            *store;
  GCancellable        *cancellable;       /* the load */
  GCancellable        *tool_cancellable;  /* latest start, what-if, saves */
  GtkCustomFilter     *filter;
  PcnLedgerData       *data;              /* from the last load */
  PcnLedger           *ledger;
  GPtrArray           *practices;
  GtkWindow           *post_dialog;
  GtkWindow           *allocation_dialog;
  AdwEntryRow         *allocation_entry;
  GtkLabel            *allocation_error;
  GDate                as_at;
  guint                filter_kind;       /* 0 all, then PcnPostRowKind + 1 */
  guint                loading;
  guint                n_loads;
};

G_DEFINE_FINAL_TYPE (PcnRecruitmentPage, pcn_recruitment_page, ADW_TYPE_BIN)

typedef struct
{
  int   year;
  GDate as_at;
} LoadData;

typedef struct
{
  PcnLedgerData *data;
  PcnLedger     *ledger;
  GPtrArray     *practices;
  GPtrArray     *turnover;
  GPtrArray     *vacancies;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->data, pcn_ledger_data_free);
  g_clear_pointer (&result->ledger, pcn_ledger_unref);
  g_clear_pointer (&result->practices, g_ptr_array_unref);
  g_clear_pointer (&result->turnover, g_ptr_array_unref);
  g_clear_pointer (&result->vacancies, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

/* ------------------------------------------------------------ cells */

static char *
money_cb (gpointer unused,
          gint64   pence)
{
  return pcn_money_format (pence);
}

static gboolean
has_text_cb (gpointer    unused,
             const char *text)
{
  return text != NULL && text[0] != '\0';
}

static GStrv
check_classes_cb (gpointer unused,
                  int      level)
{
  const char *classes[] = { level == 2 ? "error" : "warning", NULL };

  return g_strdupv ((char **) classes);
}

static GStrv
check_message_classes_cb (gpointer unused,
                          int      level)
{
  const char *classes[] = { "caption", level == 2 ? "error" : "warning", NULL };

  return g_strdupv ((char **) classes);
}

static GStrv
status_classes_cb (gpointer    unused,
                   const char *status_class)
{
  const char *classes[] = { "caption-heading", status_class, NULL };

  return g_strdupv ((char **) classes);
}

/* ------------------------------------------------------------ helpers */

static int
selected_year (PcnRecruitmentPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->year_dropdown);

  if (pos == GTK_INVALID_LIST_POSITION)
    return FIRST_YEAR;
  return FIRST_YEAR + (int) pos;
}

static void
show_toast (PcnRecruitmentPage *self,
            const char         *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
set_loading (PcnRecruitmentPage *self,
             gboolean            loading)
{
  if (loading)
    self->loading++;
  else if (self->loading > 0)
    self->loading--;
  gtk_spinner_set_spinning (self->spinner, self->loading > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->loading > 0);
}

static void
update_actions (PcnRecruitmentPage *self)
{
  gboolean loaded = self->store != NULL && self->data != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.add-post", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.edit-post",
                                 loaded && gtk_single_selection_get_selected_item (self->posts_selection) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.edit-allocation", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.latest-start", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.what-if", loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "recruitment.reload", self->store != NULL);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
info_row (const char *title,
          const char *subtitle,
          const char *icon_name,
          const char *icon_class)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (icon_name != NULL)
    {
      GtkWidget *image = gtk_image_new_from_icon_name (icon_name);

      gtk_accessible_update_property (GTK_ACCESSIBLE (image),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      g_strcmp0 (icon_class, "error") == 0 ? _("Error")
                                      : g_strcmp0 (icon_class, "warning") == 0 ? _("Warning")
                                      : _("Fine"),
                                      -1);
      if (icon_class != NULL)
        gtk_widget_add_css_class (image, icon_class);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), image);
    }
  return row;
}

static char *
format_percent_bp (int bp)
{
  int tenths = (bp + 5) / 10;

  /* Translators: a percentage with one decimal, e.g. "12.5%" */
  return g_strdup_printf (_("%d.%d%%"), tenths / 10, tenths % 10);
}

static char *
month_name (int year,
            int month_index)
{
  int y = 0, m = 0;
  GDate date;
  char buf[64];

  pcn_ledger_month_date (year, month_index, &y, &m);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, m, y);
  /* Translators: a month and year, see strftime(3) */
  if (g_date_strftime (buf, sizeof buf, _("%B %Y"), &date) == 0)
    return g_strdup_printf ("%04d-%02d", y, m);
  return g_strdup (buf);
}

static const char *
role_name_for (PcnRecruitmentPage *self,
               const char         *code)
{
  PcnRole *role = NULL;

  if (self->data != NULL && self->data->input.roles != NULL && code != NULL)
    role = pcn_roles_find (self->data->input.roles, code);
  return role != NULL ? pcn_role_get_name (role) : code;
}

/* ------------------------------------------------------------ showing */

static void
show_allocation (PcnRecruitmentPage *self)
{
  PcnLedgerData *data = self->data;
  g_autofree char *year_name = pcn_financial_year_name (data->input.year);
  g_autofree char *text = NULL;
  g_autofree char *money = NULL;

  switch (data->allocation_source)
    {
    case PCN_ALLOCATION_SOURCE_ENTERED:
      money = pcn_money_format (data->input.allocation_pence);
      if (data->allocation_formula != NULL)
        /* Translators: %1$s is a financial year, %2$s money, %3$s a formula
         * such as "55,000 weighted patients × £26.631 = £1,464,705.00" */
        text = g_strdup_printf (_("Allocation for %1$s: %2$s, as entered. Worked out from the "
                                  "weighted list size it would be %3$s."),
                                year_name, money, data->allocation_formula);
      else
        /* Translators: %1$s is a financial year, %2$s money */
        text = g_strdup_printf (_("Allocation for %1$s: %2$s, as entered."), year_name, money);
      break;
    case PCN_ALLOCATION_SOURCE_COMPUTED:
      /* Translators: %1$s is a financial year, %2$s a formula such as
       * "55,000 weighted patients × £26.631 = £1,464,705.00" */
      text = g_strdup_printf (_("Allocation for %1$s, computed: %2$s. Use Edit Allocation to "
                                "enter the figure your ICB confirms."),
                              year_name, data->allocation_formula ?: "");
      break;
    case PCN_ALLOCATION_SOURCE_NONE:
    default:
      /* Translators: %1$s is a financial year, %2$s says why it cannot be computed */
      text = g_strdup_printf (_("No allocation known for %1$s: %2$s Use Edit Allocation to "
                                "enter it."),
                              year_name, data->allocation_note ?: "");
      break;
    }
  gtk_label_set_text (self->allocation_label, text);
}

static void
show_headlines (PcnRecruitmentPage *self)
{
  PcnLedger *ledger = self->ledger;
  g_autofree char *forecast = pcn_money_format (pcn_ledger_get_forecast (ledger));
  g_autofree char *in_post_text = NULL;
  g_autofree char *planned_text = NULL;
  g_autofree char *wte_text = NULL;
  int in_post = 0, planned = 0;
  GPtrArray *staff = self->data->input.staff;
  GPtrArray *posts = self->data->input.posts;

  gtk_widget_remove_css_class (GTK_WIDGET (self->headroom_value), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->headroom_value), "error");
  if (pcn_ledger_has_allocation (ledger))
    {
      gint64 headroom = pcn_ledger_get_headroom (ledger);
      g_autofree char *allocation = pcn_money_format (pcn_ledger_get_allocation (ledger));
      g_autofree char *money = pcn_money_format (headroom >= 0 ? headroom : -headroom);

      gtk_label_set_text (self->allocation_value, allocation);
      gtk_label_set_text (self->headroom_title, headroom >= 0 ? _("Headroom") : _("Overspend"));
      gtk_label_set_text (self->headroom_value, money);
      gtk_widget_add_css_class (GTK_WIDGET (self->headroom_value),
                                headroom >= 0 ? "success" : "error");
    }
  else
    {
      gtk_label_set_text (self->allocation_value, _("Not known"));
      gtk_label_set_text (self->headroom_title, _("Headroom"));
      gtk_label_set_text (self->headroom_value, _("Not known"));
    }
  gtk_label_set_text (self->forecast_value, forecast);

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      PcnStaff *person = g_ptr_array_index (staff, i);

      if (pcn_staff_get_status (person, &self->as_at) == PCN_STAFF_STATUS_IN_POST)
        in_post += pcn_staff_get_wte (person);
    }
  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      PcnPost *post = g_ptr_array_index (posts, i);

      if (pcn_post_is_planned (post))
        planned += pcn_post_get_wte (post);
    }
  in_post_text = pcn_wte_format (in_post);
  planned_text = pcn_wte_format (planned);
  /* Translators: %1$s and %2$s are whole-time equivalents, e.g. "12.6 in post, 3.0 planned" */
  wte_text = g_strdup_printf (_("%1$s in post\n%2$s planned"), in_post_text, planned_text);
  gtk_label_set_text (self->wte_value, wte_text);
}

static void
show_months (PcnRecruitmentPage *self)
{
  g_autoptr(GPtrArray) months = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *year_name = pcn_financial_year_name (pcn_ledger_get_year (self->ledger));
  g_autofree char *title = NULL;
  gint64 allocation = pcn_ledger_has_allocation (self->ledger)
                      ? pcn_ledger_get_allocation (self->ledger) : -1;

  for (guint i = 0; i < PCN_LEDGER_MONTHS; i++)
    g_ptr_array_add (months, pcn_budget_month_new (pcn_ledger_get_month (self->ledger, i),
                                                   allocation));
  g_list_store_splice (self->months_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->months_store)),
                       months->pdata, months->len);

  /* Translators: the budget chart's title; %s is a financial year */
  title = g_strdup_printf (_("ARRS spend against the allocation, %s"), year_name);
  pcn_chart_set_title (self->chart, title);
}

static void
show_posts (PcnRecruitmentPage *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  GPtrArray *posts = self->data->input.posts;
  GPtrArray *checks = pcn_ledger_get_checks (self->ledger);
  g_autofree char *heading = NULL;

  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      PcnPost *post = g_ptr_array_index (posts, i);

      g_ptr_array_add (rows, pcn_post_row_new (post, role_name_for (self, pcn_post_get_role_code (post)),
                                               checks, &self->as_at));
    }
  g_list_store_splice (self->posts_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->posts_store)),
                       rows->pdata, rows->len);

  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: the heading of the post list */
                                          "Posts (%u)", "Posts (%u)", rows->len),
                             rows->len);
  gtk_label_set_text (self->posts_heading, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->posts_empty_label), rows->len == 0);
  gtk_label_set_text (self->posts_empty_label,
                      _("No posts planned yet. Add the posts you mean to recruit to see "
                        "whether they fit the allocation."));
}

/* Roles with no rate known count as £0: say so above the figures, which
 * would otherwise look like headroom. */
static void
show_missing_rates (PcnRecruitmentPage *self)
{
  GPtrArray *checks = pcn_ledger_get_checks (self->ledger);
  g_autoptr(GHashTable) roles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *year_name = pcn_financial_year_name (pcn_ledger_get_year (self->ledger));
  g_autofree char *text = NULL;
  guint n;

  for (guint i = 0; i < checks->len; i++)
    {
      PcnCheck *check = g_ptr_array_index (checks, i);

      if (g_str_has_prefix (check->rule_id, "rate:"))
        g_hash_table_add (roles, check->rule_id);
    }
  n = g_hash_table_size (roles);
  if (n > 0)
    {
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %1$u counts roles, %2$s is a financial year */
                                           "No ARRS rate is known for %1$u role in %2$s: its staff "
                                           "and posts count as £0, so the forecast is too low.",
                                           "No ARRS rates are known for %1$u roles in %2$s: their "
                                           "staff and posts count as £0, so the forecast is too low.",
                                           n),
                              n, year_name);
      gtk_label_set_text (self->rates_label, text);
    }
  gtk_revealer_set_reveal_child (self->rates_revealer, n > 0);
}

static void
show_checks (PcnRecruitmentPage *self)
{
  GPtrArray *checks = pcn_ledger_get_checks (self->ledger);
  g_autofree char *year_name = pcn_financial_year_name (pcn_ledger_get_year (self->ledger));
  g_autofree char *title = NULL;
  guint n_errors = pcn_ledger_count_checks (self->ledger, PCN_CHECK_ERROR);
  guint n_warnings = pcn_ledger_count_checks (self->ledger, PCN_CHECK_WARNING);
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *status = NULL;

  remove_all_rows (self->checks_list);
  /* Translators: %s is a financial year */
  title = g_strdup_printf (_("Checks for %s"), year_name);
  adw_preferences_group_set_title (self->checks_group, title);

  for (guint i = 0; i < checks->len; i++)
    {
      PcnCheck *check = g_ptr_array_index (checks, i);
      gboolean error = check->severity == PCN_CHECK_ERROR;
      g_autofree char *subtitle = NULL;

      /* Translators: under a rule check; %1$s is the rule's id, %2$s the year it is from */
      subtitle = g_strdup_printf (_("Rule %1$s, %2$s"), check->rule_id,
                                  check->year_name ?: year_name);
      gtk_list_box_append (self->checks_list,
                           info_row (check->message, subtitle,
                                     error ? "dialog-error-symbolic" : "dialog-warning-symbolic",
                                     error ? "error" : "warning"));
    }
  if (checks->len == 0)
    gtk_list_box_append (self->checks_list,
                         info_row (_("No problems found"),
                                   _("Every role is reimbursable, within its caps, and the "
                                     "plan fits the allocation"),
                                   "emblem-ok-symbolic", "success"));

  show_missing_rates (self);

  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", n_errors),
                            n_errors);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                           n_warnings),
                              n_warnings);
  /* Translators: in the page's top bar: "2 errors, 1 warning in the checks" */
  status = g_strdup_printf (_("%1$s, %2$s in the checks"), errors, warnings);
  gtk_label_set_text (self->status_label, status);
}

static void
show_turnover (PcnRecruitmentPage *self,
               GPtrArray          *turnover,
               GPtrArray          *vacancies)
{
  remove_all_rows (self->turnover_list);

  for (guint i = 0; turnover != NULL && i < turnover->len; i++)
    {
      PcnTurnover *t = g_ptr_array_index (turnover, i);
      g_autofree char *rate = t->rate_bp >= 0 ? format_percent_bp (t->rate_bp) : NULL;
      g_autofree char *leavers = NULL;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      const char *who = t->role_code == NULL ? _("All staff") : role_name_for (self, t->role_code);

      /* Roles nobody left: nothing to say about them. */
      if (t->role_code != NULL && t->leavers == 0)
        continue;

      leavers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d leaver", "%d leavers",
                                              t->leavers),
                                 t->leavers);
      /* Translators: %1$s is "All staff" or a role, %2$s a percentage */
      title = g_strdup_printf (_("%1$s: turnover %2$s"), who, rate ?: _("not known"));
      /* Translators: %1$s is "N leavers", %2$d and %3$d head counts */
      subtitle = g_strdup_printf (_("%1$s in the last 12 months; headcount %2$d then, %3$d now"),
                                  leavers, t->headcount_start, t->headcount_end);
      gtk_list_box_append (self->turnover_list, info_row (title, subtitle, NULL, NULL));
    }

  for (guint i = 0; vacancies != NULL && i < vacancies->len; i++)
    {
      PcnVacancy *v = g_ptr_array_index (vacancies, i);
      g_autofree char *since = pcn_iso_format_display (v->vacant_since);
      g_autofree char *money = pcn_money_format (v->underspend_pence);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* Translators: %s is a post's name */
      title = g_strdup_printf (_("Vacant: %s"), v->post_name);
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               /* Translators: %1$s a date, %2$d months, %3$s money */
                                               "Since %1$s, %2$d month; %3$s not reclaimed",
                                               "Since %1$s, %2$d months; %3$s not reclaimed",
                                               v->months_vacant),
                                  since, v->months_vacant, money);
      gtk_list_box_append (self->turnover_list,
                           info_row (title, subtitle, "dialog-warning-symbolic", "warning"));
    }
  if (vacancies == NULL || vacancies->len == 0)
    gtk_list_box_append (self->turnover_list,
                         info_row (_("No vacancies"), _("No post is empty after a leaver"),
                                   NULL, NULL));
}

static void
show_roles (PcnRecruitmentPage *self)
{
  GPtrArray *roles = self->data->input.roles;
  g_autofree char *kept = NULL;
  PcnRole *selected = adw_combo_row_get_selected_item (self->latest_role_row);

  if (selected != NULL)
    kept = g_strdup (pcn_role_get_code (selected));
  g_list_store_splice (self->roles_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->roles_store)),
                       roles->pdata, roles->len);
  for (guint i = 0; kept != NULL && i < roles->len; i++)
    if (g_strcmp0 (pcn_role_get_code (g_ptr_array_index (roles, i)), kept) == 0)
      adw_combo_row_set_selected (self->latest_role_row, i);
}

/* ------------------------------------------------------------ loading */

static gpointer
load_func (PcnStore  *store,
           gpointer   user_data,
           GError   **error)
{
  LoadData *data = user_data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);

  result->data = pcn_store_load_ledger_data (store, data->year, &data->as_at, error);
  if (result->data == NULL)
    return NULL;
  result->practices = pcn_store_list_practices (store, error);
  if (result->practices == NULL)
    return NULL;
  result->ledger = pcn_ledger_compute (&result->data->input);
  result->turnover = pcn_turnover_compute (result->data->input.staff, &data->as_at);
  result->vacancies = pcn_vacancies_compute (result->data->input.posts,
                                             result->data->input.rates,
                                             result->data->input.rules,
                                             result->data->input.area, &data->as_at);
  return g_steal_pointer (&result);
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PcnRecruitmentPage) self = user_data;
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

      g_warning ("Cannot work out the budget: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot work out the budget: %s"), error->message);
      gtk_label_set_text (self->status_label, message);
      show_toast (self, message);
      return;
    }

  g_clear_pointer (&self->data, pcn_ledger_data_free);
  g_clear_pointer (&self->ledger, pcn_ledger_unref);
  g_clear_pointer (&self->practices, g_ptr_array_unref);
  self->data = g_steal_pointer (&loaded->data);
  self->ledger = g_steal_pointer (&loaded->ledger);
  self->practices = g_steal_pointer (&loaded->practices);

  show_allocation (self);
  show_headlines (self);
  show_months (self);
  show_posts (self);
  show_checks (self);
  show_turnover (self, loaded->turnover, loaded->vacancies);
  show_roles (self);
  adw_action_row_set_subtitle (self->uplift_result_row, _("Not worked out yet"));
  self->n_loads++;
  update_actions (self);
}

void
pcn_recruitment_page_reload (PcnRecruitmentPage *self)
{
  LoadData *data;

  g_return_if_fail (PCN_IS_RECRUITMENT_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->months_store);
      g_list_store_remove_all (self->posts_store);
      g_clear_pointer (&self->data, pcn_ledger_data_free);
      g_clear_pointer (&self->ledger, pcn_ledger_unref);
      g_clear_pointer (&self->practices, g_ptr_array_unref);
      update_actions (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->year = selected_year (self);
  data->as_at = self->as_at;

  set_loading (self, TRUE);
  pcn_store_run_async (self->store, load_func, data, g_free,
                       (GDestroyNotify) load_result_free, self->cancellable,
                       on_load_done_cb, g_object_ref (self));
}

/* ------------------------------------------------------------ posts */

static gboolean
filter_post (gpointer item,
             gpointer user_data)
{
  PcnRecruitmentPage *self = user_data;

  if (self->filter_kind == 0)
    return TRUE;
  return pcn_post_row_get_kind (item) + 1 == self->filter_kind;
}

static void
on_filter_selected_cb (PcnRecruitmentPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->filter_dropdown);

  self->filter_kind = pos == GTK_INVALID_LIST_POSITION ? 0 : pos;
  if (self->filter != NULL)
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
on_post_saved_cb (PcnPostDialog      *dialog,
                  PcnPost            *post,
                  PcnRecruitmentPage *self)
{
  g_autofree char *name = pcn_post_dup_display_name (post);
  g_autofree char *message = NULL;

  /* Translators: %s is a post's name */
  message = g_strdup_printf (_("Saved “%s”"), name);
  show_toast (self, message);
  pcn_recruitment_page_reload (self);
}

static void
open_post_dialog (PcnRecruitmentPage *self,
                  PcnPost            *post)
{
  PcnPostDialog *dialog;

  if (self->store == NULL || self->data == NULL)
    return;
  if (self->post_dialog != NULL)
    gtk_window_destroy (self->post_dialog);

  dialog = pcn_post_dialog_new (self->store, self->data->input.roles, self->practices,
                                self->data->input.staff, post, &self->as_at);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_post_saved_cb), self, 0);
  self->post_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->post_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_post_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  open_post_dialog (PCN_RECRUITMENT_PAGE (widget), NULL);
}

static void
edit_post_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PcnRecruitmentPage *self = PCN_RECRUITMENT_PAGE (widget);
  PcnPostRow *row = gtk_single_selection_get_selected_item (self->posts_selection);

  if (row != NULL)
    open_post_dialog (self, pcn_post_row_get_post (row));
}

static void
on_posts_view_activate_cb (PcnRecruitmentPage *self,
                           guint               position)
{
  g_autoptr(PcnPostRow) row = g_list_model_get_item (G_LIST_MODEL (self->posts_sort_model),
                                                     position);

  if (row != NULL)
    open_post_dialog (self, pcn_post_row_get_post (row));
}

static void
on_selection_changed_cb (PcnRecruitmentPage *self)
{
  update_actions (self);
}

/* ------------------------------------------------------------ allocation */

typedef struct
{
  int    year;
  gint64 pence;
} AllocationData;

static gpointer
set_allocation_func (PcnStore  *store,
                     gpointer   user_data,
                     GError   **error)
{
  AllocationData *data = user_data;

  if (!pcn_store_set_allocation (store, data->year, data->pence, error))
    return NULL;
  return g_memdup2 (data, sizeof *data);
}

static void
on_allocation_saved_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(PcnRecruitmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree AllocationData *saved = NULL;
  g_autofree char *message = NULL;

  saved = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (saved == NULL)
    {
      g_warning ("Cannot save the allocation: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot save the allocation: %s"), error->message);
    }
  else if (saved->pence < 0)
    message = g_strdup (_("Allocation cleared: the computed figure is used"));
  else
    {
      g_autofree char *money = pcn_money_format (saved->pence);
      /* Translators: %s is money */
      message = g_strdup_printf (_("Allocation set to %s"), money);
    }
  show_toast (self, message);
  pcn_recruitment_page_reload (self);
}

static gboolean
parse_allocation_entry (PcnRecruitmentPage *self,
                        gint64             *out_pence)
{
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->allocation_entry));
  gint64 pence = 0;

  if (!pcn_money_parse (text, &pence, &error) || pence == 0)
    {
      const char *message = error != NULL ? error->message
                                          : _("The allocation must be more than £0");

      gtk_label_set_text (self->allocation_error, text[0] != '\0' ? message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->allocation_error), text[0] != '\0');
      if (text[0] != '\0')
        {
          gtk_widget_add_css_class (GTK_WIDGET (self->allocation_entry), "error");
          gtk_accessible_update_state (GTK_ACCESSIBLE (self->allocation_entry),
                                       GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                       -1);
        }
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->allocation_error), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self->allocation_entry), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->allocation_entry),
                              GTK_ACCESSIBLE_STATE_INVALID);
  if (out_pence != NULL)
    *out_pence = pence;
  return TRUE;
}

static void
on_allocation_entry_changed_cb (PcnRecruitmentPage *self)
{
  if (self->allocation_dialog != NULL)
    adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self->allocation_dialog), "save",
                                             parse_allocation_entry (self, NULL));
}

static void
on_allocation_response_cb (AdwMessageDialog   *dialog,
                           const char         *response,
                           PcnRecruitmentPage *self)
{
  AllocationData *data;
  gint64 pence = -1;

  if (g_strcmp0 (response, "save") == 0)
    {
      if (!parse_allocation_entry (self, &pence))
        return;
    }
  else if (g_strcmp0 (response, "computed") != 0)
    return;

  data = g_new0 (AllocationData, 1);
  data->year = selected_year (self);
  data->pence = pence;
  pcn_store_run_async (self->store, set_allocation_func, data, g_free, g_free,
                       self->tool_cancellable, on_allocation_saved_cb, g_object_ref (self));
}

static void
edit_allocation_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  PcnRecruitmentPage *self = PCN_RECRUITMENT_PAGE (widget);
  g_autofree char *year_name = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog, *box, *list;

  if (self->store == NULL || self->data == NULL)
    return;
  if (self->allocation_dialog != NULL)
    gtk_window_destroy (self->allocation_dialog);

  year_name = pcn_financial_year_name (self->data->input.year);
  /* Translators: %s is a financial year */
  heading = g_strdup_printf (_("ARRS Allocation for %s"), year_name);
  if (self->data->allocation_formula != NULL)
    /* Translators: %s is a formula such as "55,000 weighted patients × £26.631 = £1,464,705.00" */
    body = g_strdup_printf (_("Worked out from the weighted list size: %s. Enter the figure "
                              "your ICB confirms to use it instead."),
                            self->data->allocation_formula);
  else
    body = g_strdup (_("Enter the year’s ARRS allocation as your ICB confirms it."));

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), heading, body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    NULL);
  if (self->data->allocation_source == PCN_ALLOCATION_SOURCE_ENTERED &&
      self->data->computed_allocation_pence >= 0)
    adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "computed",
                                     _("Use _Computed"));
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "save", _("_Save"));
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  self->allocation_entry = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->allocation_entry),
                                 _("Allocation (£)"));
  adw_entry_row_set_input_purpose (self->allocation_entry, GTK_INPUT_PURPOSE_NUMBER);
  adw_entry_row_set_activates_default (self->allocation_entry, TRUE);
  if (self->data->input.allocation_pence >= 0)
    {
      g_autofree char *plain = pcn_money_format_plain (self->data->input.allocation_pence);
      gtk_editable_set_text (GTK_EDITABLE (self->allocation_entry), plain);
    }
  gtk_list_box_append (GTK_LIST_BOX (list), GTK_WIDGET (self->allocation_entry));
  self->allocation_error = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->allocation_error, TRUE);
  gtk_label_set_xalign (self->allocation_error, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->allocation_error), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->allocation_error), FALSE);
  gtk_box_append (GTK_BOX (box), list);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->allocation_error));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  g_signal_connect_object (self->allocation_entry, "changed",
                           G_CALLBACK (on_allocation_entry_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_allocation_response_cb), self, 0);
  on_allocation_entry_changed_cb (self);
  self->allocation_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->allocation_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------ latest start */

typedef struct
{
  int     year;
  GDate   as_at;
  char   *role_code;
  int     wte;
  gint64  cost;
  /* results */
  int     month_index;
  gint64  post_cost;
  gint64  unspent;
} LatestData;

static void
latest_data_free (LatestData *data)
{
  g_free (data->role_code);
  g_free (data);
}

static gpointer
latest_start_func (PcnStore  *store,
                   gpointer   user_data,
                   GError   **error)
{
  LatestData *data = user_data;
  g_autoptr(PcnLedgerData) ledger_data = NULL;
  g_autoptr(PcnLedger) ledger = NULL;
  LatestData *result;

  ledger_data = pcn_store_load_ledger_data (store, data->year, &data->as_at, error);
  if (ledger_data == NULL)
    return NULL;
  ledger = pcn_ledger_compute (&ledger_data->input);
  result = g_memdup2 (data, sizeof *data);
  result->role_code = g_strdup (data->role_code);
  if (!pcn_ledger_latest_start (&ledger_data->input, ledger, data->role_code, data->wte,
                                data->cost, &result->month_index, &result->post_cost,
                                &result->unspent, error))
    {
      latest_data_free (result);
      return NULL;
    }
  return result;
}

static void
on_latest_start_done_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  g_autoptr(PcnRecruitmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  LatestData *latest;
  g_autofree char *text = NULL;

  latest = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (latest == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->latest_result_row), "error");
      adw_action_row_set_subtitle (self->latest_result_row, error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->latest_result_row), "error");
  {
    g_autofree char *month = month_name (latest->year, latest->month_index);
    g_autofree char *cost = pcn_money_format (latest->post_cost);
    g_autofree char *unspent = pcn_money_format (latest->unspent);

    if (latest->month_index == 0)
      /* Translators: %1$s is a month, %2$s and %3$s money */
      text = g_strdup_printf (_("It fits from %1$s: the whole year costs %2$s, leaving %3$s "
                                "of the headroom unspent."),
                              month, cost, unspent);
    else
      /* Translators: %1$s is a month, %2$s and %3$s money */
      text = g_strdup_printf (_("Start by 1 %1$s at the latest. From then to March it costs "
                                "%2$s; %3$s of the headroom would go unspent."),
                              month, cost, unspent);
  }
  adw_action_row_set_subtitle (self->latest_result_row, text);
  latest_data_free (latest);
}

static void
latest_start_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PcnRecruitmentPage *self = PCN_RECRUITMENT_PAGE (widget);
  PcnRole *role = adw_combo_row_get_selected_item (self->latest_role_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *cost_text = NULL;
  LatestData *data;
  gint64 cost = -1;
  int wte = 0;

  if (self->store == NULL || self->data == NULL)
    return;
  gtk_widget_remove_css_class (GTK_WIDGET (self->latest_wte_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->latest_cost_row), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->latest_wte_row), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->latest_cost_row), GTK_ACCESSIBLE_STATE_INVALID);

  if (role == NULL)
    {
      adw_action_row_set_subtitle (self->latest_result_row, _("Choose a role"));
      return;
    }
  if (!pcn_wte_parse (gtk_editable_get_text (GTK_EDITABLE (self->latest_wte_row)), &wte, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->latest_wte_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->latest_wte_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      adw_action_row_set_subtitle (self->latest_result_row, error->message);
      return;
    }
  cost_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->latest_cost_row))));
  if (cost_text[0] != '\0' && !pcn_money_parse (cost_text, &cost, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->latest_cost_row), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->latest_cost_row),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
      adw_action_row_set_subtitle (self->latest_result_row, error->message);
      return;
    }

  data = g_new0 (LatestData, 1);
  data->year = selected_year (self);
  data->as_at = self->as_at;
  data->role_code = g_strdup (pcn_role_get_code (role));
  data->wte = wte;
  data->cost = cost;
  adw_action_row_set_subtitle (self->latest_result_row, _("Working it out…"));
  set_loading (self, TRUE);
  pcn_store_run_async (self->store, latest_start_func, data, (GDestroyNotify) latest_data_free,
                       (GDestroyNotify) latest_data_free, self->tool_cancellable,
                       on_latest_start_done_cb, g_object_ref (self));
}

/* ------------------------------------------------------------ what-if */

typedef struct
{
  int       year;
  GDate     as_at;
  PcnUplift uplift;
} WhatIfData;

static gpointer
what_if_func (PcnStore  *store,
              gpointer   user_data,
              GError   **error)
{
  WhatIfData *data = user_data;

  return pcn_store_compute_ledger (store, data->year, &data->as_at, &data->uplift, error);
}

static void
on_what_if_done_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(PcnRecruitmentPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnLedger) ledger = NULL;
  g_autofree char *forecast = NULL;
  g_autofree char *change = NULL;
  g_autofree char *text = NULL;
  gint64 difference;

  ledger = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (ledger == NULL)
    {
      adw_action_row_set_subtitle (self->uplift_result_row, error->message);
      return;
    }
  if (self->ledger == NULL)
    return;

  forecast = pcn_money_format (pcn_ledger_get_forecast (ledger));
  difference = pcn_ledger_get_forecast (ledger) - pcn_ledger_get_forecast (self->ledger);
  change = pcn_money_format (difference);
  if (pcn_ledger_has_allocation (ledger))
    {
      gint64 headroom = pcn_ledger_get_headroom (ledger);
      g_autofree char *left = pcn_money_format (headroom >= 0 ? headroom : -headroom);

      if (headroom >= 0)
        /* Translators: %1$s forecast, %2$s the change, %3$s headroom (money) */
        text = g_strdup_printf (_("%1$s, %2$s more than now; headroom %3$s"),
                                forecast, change, left);
      else
        /* Translators: %1$s forecast, %2$s the change, %3$s overspend (money) */
        text = g_strdup_printf (_("%1$s, %2$s more than now; overspend %3$s"),
                                forecast, change, left);
    }
  else
    /* Translators: %1$s forecast, %2$s the change (money) */
    text = g_strdup_printf (_("%1$s, %2$s more than now"), forecast, change);
  adw_action_row_set_subtitle (self->uplift_result_row, text);
}

static void
what_if_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  PcnRecruitmentPage *self = PCN_RECRUITMENT_PAGE (widget);
  WhatIfData *data;
  guint month = adw_combo_row_get_selected (self->uplift_month_row);

  if (self->store == NULL || self->data == NULL)
    return;

  data = g_new0 (WhatIfData, 1);
  data->year = selected_year (self);
  data->as_at = self->as_at;
  data->uplift.bp = (int) lround (gtk_spin_button_get_value (self->uplift_spin) * 100.0);
  data->uplift.from_month_index = month < PCN_LEDGER_MONTHS ? (int) month : 0;
  adw_action_row_set_subtitle (self->uplift_result_row, _("Working it out…"));
  set_loading (self, TRUE);
  pcn_store_run_async (self->store, what_if_func, data, g_free,
                       (GDestroyNotify) pcn_ledger_unref, self->tool_cancellable,
                       on_what_if_done_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  pcn_recruitment_page_reload (PCN_RECRUITMENT_PAGE (widget));
}

static void
on_year_selected_cb (PcnRecruitmentPage *self)
{
  g_autoptr(GtkStringList) months = gtk_string_list_new (NULL);

  for (int i = 0; i < PCN_LEDGER_MONTHS; i++)
    {
      g_autofree char *name = month_name (selected_year (self), i);
      gtk_string_list_append (months, name);
    }
  adw_combo_row_set_model (self->uplift_month_row, G_LIST_MODEL (months));
  adw_action_row_set_subtitle (self->latest_result_row, _("Choose a role and work it out"));
  if (self->store != NULL)
    pcn_recruitment_page_reload (self);
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
pcn_recruitment_page_dispose (GObject *object)
{
  PcnRecruitmentPage *self = PCN_RECRUITMENT_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->tool_cancellable);
  g_clear_object (&self->tool_cancellable);
  destroy_dialog (&self->post_dialog);
  destroy_dialog (&self->allocation_dialog);
  self->allocation_entry = NULL;
  self->allocation_error = NULL;
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_RECRUITMENT_PAGE);
  g_clear_object (&self->filter);
  g_clear_object (&self->store);
  g_clear_pointer (&self->data, pcn_ledger_data_free);
  g_clear_pointer (&self->ledger, pcn_ledger_unref);
  g_clear_pointer (&self->practices, g_ptr_array_unref);

  G_OBJECT_CLASS (pcn_recruitment_page_parent_class)->dispose (object);
}

static void
pcn_recruitment_page_class_init (PcnRecruitmentPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_recruitment_page_dispose;

  g_type_ensure (PCN_TYPE_BUDGET_MONTH);
  g_type_ensure (PCN_TYPE_POST_ROW);
  g_type_ensure (PCN_TYPE_ROLE);
  g_type_ensure (PCN_TYPE_CHART);
  g_type_ensure (PCN_TYPE_CHART_SERIES);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-recruitment-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PcnRecruitmentPage, name)
  BIND (months_store);
  BIND (posts_store);
  BIND (posts_filter_model);
  BIND (posts_sort_model);
  BIND (roles_store);
  BIND (year_dropdown);
  BIND (spinner);
  BIND (status_label);
  BIND (allocation_label);
  BIND (rates_revealer);
  BIND (rates_label);
  BIND (allocation_value);
  BIND (forecast_value);
  BIND (headroom_title);
  BIND (headroom_value);
  BIND (wte_value);
  BIND (chart);
  BIND (months_view);
  BIND (posts_heading);
  BIND (filter_dropdown);
  BIND (posts_view);
  BIND (posts_selection);
  BIND (start_column);
  BIND (posts_empty_label);
  BIND (checks_group);
  BIND (checks_list);
  BIND (turnover_list);
  BIND (latest_role_row);
  BIND (latest_wte_row);
  BIND (latest_cost_row);
  BIND (latest_result_row);
  BIND (uplift_spin);
  BIND (uplift_month_row);
  BIND (uplift_result_row);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_posts_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, money_cb);
  gtk_widget_class_bind_template_callback (widget_class, has_text_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, check_message_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_classes_cb);

  gtk_widget_class_install_action (widget_class, "recruitment.add-post", NULL, add_post_action);
  gtk_widget_class_install_action (widget_class, "recruitment.edit-post", NULL, edit_post_action);
  gtk_widget_class_install_action (widget_class, "recruitment.edit-allocation", NULL,
                                   edit_allocation_action);
  gtk_widget_class_install_action (widget_class, "recruitment.latest-start", NULL,
                                   latest_start_action);
  gtk_widget_class_install_action (widget_class, "recruitment.what-if", NULL, what_if_action);
  gtk_widget_class_install_action (widget_class, "recruitment.reload", NULL, reload_action);
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
pcn_recruitment_page_init (PcnRecruitmentPage *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);

  self->tool_cancellable = g_cancellable_new ();
  pcn_date_set_today (&self->as_at);

  for (int y = FIRST_YEAR; y <= LAST_YEAR; y++)
    {
      g_autofree char *name = pcn_financial_year_name (y);
      gtk_string_list_append (years, name);
    }

  gtk_widget_init_template (GTK_WIDGET (self));

  /* Set the year before connecting nothing loads: no store yet. */
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  _pcn_recruitment_page_set_year (self, pcn_financial_year_of (&self->as_at));
  name_dropdown_button (self->year_dropdown, _("Financial year"));
  name_dropdown_button (self->filter_dropdown, _("Show posts"));

  self->filter = gtk_custom_filter_new (filter_post, self, NULL);
  gtk_filter_list_model_set_filter (self->posts_filter_model, GTK_FILTER (self->filter));
  g_signal_connect_object (self->posts_selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->posts_selection, "items-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->posts_view, self->start_column, GTK_SORT_ASCENDING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  update_actions (self);
}

/* ------------------------------------------------------------ public */

void
pcn_recruitment_page_set_store (PcnRecruitmentPage *self,
                                PcnStore           *store)
{
  g_return_if_fail (PCN_IS_RECRUITMENT_PAGE (self));
  g_return_if_fail (store == NULL || PCN_IS_STORE (store));

  if (self->store != store)
    {
      g_cancellable_cancel (self->tool_cancellable);
      g_clear_object (&self->tool_cancellable);
      self->tool_cancellable = g_cancellable_new ();
      self->loading = 0;
      set_loading (self, FALSE);
    }
  g_set_object (&self->store, store);
  pcn_recruitment_page_reload (self);
}

PcnStore *
pcn_recruitment_page_get_store (PcnRecruitmentPage *self)
{
  g_return_val_if_fail (PCN_IS_RECRUITMENT_PAGE (self), NULL);
  return self->store;
}

void
pcn_recruitment_page_set_as_at (PcnRecruitmentPage *self,
                                const GDate        *as_at)
{
  g_return_if_fail (PCN_IS_RECRUITMENT_PAGE (self));
  g_return_if_fail (as_at == NULL || g_date_valid (as_at));

  if (as_at != NULL)
    self->as_at = *as_at;
  else
    pcn_date_set_today (&self->as_at);
  if (selected_year (self) != pcn_financial_year_of (&self->as_at))
    _pcn_recruitment_page_set_year (self, pcn_financial_year_of (&self->as_at));
  else if (self->store != NULL)
    pcn_recruitment_page_reload (self);
}

gboolean
_pcn_recruitment_page_is_loading (PcnRecruitmentPage *self)
{
  return self->loading > 0;
}

guint
_pcn_recruitment_page_get_n_loads (PcnRecruitmentPage *self)
{
  return self->n_loads;
}

int
_pcn_recruitment_page_get_year (PcnRecruitmentPage *self)
{
  return selected_year (self);
}

void
_pcn_recruitment_page_set_year (PcnRecruitmentPage *self,
                                int                 year)
{
  year = CLAMP (year, FIRST_YEAR, LAST_YEAR);
  if (selected_year (self) == year &&
      gtk_drop_down_get_selected (self->year_dropdown) != GTK_INVALID_LIST_POSITION)
    {
      on_year_selected_cb (self);
      return;
    }
  gtk_drop_down_set_selected (self->year_dropdown, (guint) (year - FIRST_YEAR));
}

PcnLedger *
_pcn_recruitment_page_get_ledger (PcnRecruitmentPage *self)
{
  return self->ledger;
}

GListModel *
_pcn_recruitment_page_get_months (PcnRecruitmentPage *self)
{
  return G_LIST_MODEL (self->months_store);
}

GtkColumnView *
_pcn_recruitment_page_get_months_view (PcnRecruitmentPage *self)
{
  return self->months_view;
}

GListModel *
_pcn_recruitment_page_get_posts (PcnRecruitmentPage *self)
{
  return G_LIST_MODEL (self->posts_store);
}

GListModel *
_pcn_recruitment_page_get_shown_posts (PcnRecruitmentPage *self)
{
  return G_LIST_MODEL (self->posts_sort_model);
}

void
_pcn_recruitment_page_set_filter (PcnRecruitmentPage *self,
                                  guint               filter)
{
  gtk_drop_down_set_selected (self->filter_dropdown, filter);
}

GtkLabel *
_pcn_recruitment_page_get_headroom_label (PcnRecruitmentPage *self)
{
  return self->headroom_value;
}

GtkLabel *
_pcn_recruitment_page_get_headroom_title (PcnRecruitmentPage *self)
{
  return self->headroom_title;
}

GtkLabel *
_pcn_recruitment_page_get_allocation_label (PcnRecruitmentPage *self)
{
  return self->allocation_label;
}

PcnChart *
_pcn_recruitment_page_get_chart (PcnRecruitmentPage *self)
{
  return self->chart;
}

GtkListBox *
_pcn_recruitment_page_get_checks_list (PcnRecruitmentPage *self)
{
  return self->checks_list;
}

GtkWindow *
_pcn_recruitment_page_get_post_dialog (PcnRecruitmentPage *self)
{
  return self->post_dialog;
}

AdwComboRow *
_pcn_recruitment_page_get_latest_role_row (PcnRecruitmentPage *self)
{
  return self->latest_role_row;
}

AdwActionRow *
_pcn_recruitment_page_get_latest_result_row (PcnRecruitmentPage *self)
{
  return self->latest_result_row;
}

GtkSpinButton *
_pcn_recruitment_page_get_uplift_spin (PcnRecruitmentPage *self)
{
  return self->uplift_spin;
}

AdwActionRow *
_pcn_recruitment_page_get_uplift_result_row (PcnRecruitmentPage *self)
{
  return self->uplift_result_row;
}

AdwComboRow *
_pcn_recruitment_page_get_uplift_month_row (PcnRecruitmentPage *self)
{
  return self->uplift_month_row;
}
