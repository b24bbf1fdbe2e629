/* pcn-rates-page.c — Settings → ARRS rates
 *
 * Lists every rate whose period overlaps the chosen financial year, and
 * under it every role in the scheme that year with no figure known for
 * the PCN's area, with a button to enter one from the ICB's rate list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-rate-dialog.h"
#include "pcn-rates-page-private.h"

#define FIRST_YEAR 2023
#define LAST_YEAR  2026

struct _PcnRatesPage
{
  AdwBin          parent_instance;

  /* template */
  GListStore     *rates_store;
  GListStore     *missing_store;
  GtkDropDown    *year_dropdown;
  GtkSpinner     *spinner;
  GtkLabel       *area_label;
  GtkCheckButton *all_areas_check;
  GtkColumnView  *column_view;
  GtkColumnViewColumn *role_column;
  GtkRevealer    *missing_revealer;
  GtkLabel       *missing_heading;
  GtkListBox     *missing_list;

  PcnStore       *store;
  GCancellable   *cancellable;
  GPtrArray      *roles;        /* PcnRole, from the last load */
  GtkWindow      *rate_dialog;
  PcnArea         area;
  guint           loading;
};

G_DEFINE_FINAL_TYPE (PcnRatesPage, pcn_rates_page, ADW_TYPE_BIN)

typedef struct
{
  int      year;
  PcnArea  area;
  gboolean all_areas;
} LoadData;

typedef struct
{
  GPtrArray *rates;
  GPtrArray *roles;
  GPtrArray *missing;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->rates, g_ptr_array_unref);
  g_clear_pointer (&result->roles, g_ptr_array_unref);
  g_clear_pointer (&result->missing, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

/* ------------------------------------------------------------ cells */

static char *
area_label_cb (gpointer    unused,
               const char *area)
{
  return g_strdup (area ? pcn_rate_area_get_label (area) : "");
}

static char *
money_cb (gpointer unused,
          gint64   pence)
{
  return pcn_money_format (pence);
}

static char *
date_cb (gpointer    unused,
         const char *iso)
{
  return iso ? pcn_iso_format_display (iso) : g_strdup ("");
}

static char *
date_to_cb (gpointer    unused,
            const char *iso)
{
  /* Translators: a rate with no end date is in force until the next one */
  return iso ? pcn_iso_format_display (iso) : g_strdup (_("until replaced"));
}

static char *
user_entered_cb (gpointer unused,
                 gboolean user_entered)
{
  return g_strdup (user_entered ? _("Entered by you") : "");
}

/* ------------------------------------------------------------ helpers */

static int
selected_year (PcnRatesPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->year_dropdown);

  if (pos == GTK_INVALID_LIST_POSITION)
    return FIRST_YEAR;
  return FIRST_YEAR + (int) pos;
}

static void
show_toast (PcnRatesPage *self,
            const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
update_area_label (PcnRatesPage *self)
{
  g_autofree char *text = NULL;

  /* Translators: %s is an area such as "Outer London" */
  text = g_strdup_printf (_("Your PCN’s area: %s"), pcn_area_get_label (self->area));
  gtk_label_set_text (self->area_label, text);
}

static gboolean
rate_counts_for_area (PcnRate *rate,
                      PcnArea  area)
{
  const char *rate_area = pcn_rate_get_area (rate);

  if (g_strcmp0 (rate_area, pcn_area_to_string (area)) == 0)
    return TRUE;
  /* A London PCN falls back on a single London figure, never the national one. */
  return area != PCN_AREA_NATIONAL && g_strcmp0 (rate_area, "london") == 0;
}

static GtkWidget *
create_missing_row (gpointer item,
                    gpointer user_data)
{
  PcnRole *role = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;
  g_autofree char *a11y = NULL;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pcn_role_get_name (role));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("No rate known for this role and year — enter it from your "
                                 "ICB’s rate list"));
  gtk_widget_add_css_class (row, "missing-rate");

  button = gtk_button_new_with_mnemonic (_("_Enter Rate…"));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "rates.enter-rate");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", pcn_role_get_code (role));
  /* Translators: the accessible name of a button; %s is a role */
  a11y = g_strdup_printf (_("Enter a rate for %s"), pcn_role_get_name (role));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* ------------------------------------------------------------ loading */

static gpointer
load_func (PcnStore  *store,
           gpointer   user_data,
           GError   **error)
{
  LoadData *data = user_data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autofree char *year_end = NULL;
  GDate first, last;

  result->rates = pcn_store_list_rates (store, data->year, error);
  if (result->rates == NULL)
    return NULL;
  /* By default only the figures that apply to this PCN's area. */
  for (guint i = result->rates->len; !data->all_areas && i > 0; i--)
    if (!rate_counts_for_area (g_ptr_array_index (result->rates, i - 1), data->area))
      g_ptr_array_remove_index (result->rates, i - 1);
  result->roles = pcn_store_list_roles (store, error);
  if (result->roles == NULL)
    return NULL;

  pcn_financial_year_bounds (data->year, &first, &last);
  year_end = pcn_date_to_iso (&last);
  result->missing = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < result->roles->len; i++)
    {
      PcnRole *role = g_ptr_array_index (result->roles, i);
      const char *from = pcn_role_get_available_from (role);
      gboolean known = FALSE;

      /* Not in the scheme yet that year: nothing to claim, nothing missing. */
      if (from != NULL && g_strcmp0 (from, year_end) > 0)
        continue;

      for (guint j = 0; j < result->rates->len && !known; j++)
        {
          PcnRate *rate = g_ptr_array_index (result->rates, j);

          known = g_strcmp0 (pcn_rate_get_role_code (rate), pcn_role_get_code (role)) == 0 &&
                  rate_counts_for_area (rate, data->area);
        }
      if (!known)
        g_ptr_array_add (result->missing, g_object_ref (role));
    }

  return g_steal_pointer (&result);
}

static void
on_all_areas_toggled_cb (PcnRatesPage *self)
{
  pcn_rates_page_reload (self);
}

static void
set_loading (PcnRatesPage *self,
             gboolean      loading)
{
  if (loading)
    self->loading++;
  else
    self->loading--;
  gtk_spinner_set_spinning (self->spinner, self->loading > 0);
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PcnRatesPage) self = user_data;
  g_autoptr(LoadResult) loaded = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *year_name = NULL;
  g_autofree char *heading = NULL;
  guint n_missing;

  loaded = pcn_store_run_finish (PCN_STORE (object), result, &error);
  set_loading (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (PCN_STORE (object) != self->store)
    return;

  if (loaded == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("Cannot load the rates: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot load the rates: %s"), error->message);
      show_toast (self, message);
      return;
    }

  g_clear_pointer (&self->roles, g_ptr_array_unref);
  self->roles = g_ptr_array_ref (loaded->roles);

  g_list_store_splice (self->rates_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->rates_store)),
                       loaded->rates->pdata, loaded->rates->len);
  g_list_store_splice (self->missing_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->missing_store)),
                       loaded->missing->pdata, loaded->missing->len);

  n_missing = loaded->missing->len;
  year_name = pcn_financial_year_name (selected_year (self));
  heading = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: %1$u counts roles, %2$s is a financial year */
                                          "%1$u role has no rate known for %2$s",
                                          "%1$u roles have no rate known for %2$s",
                                          n_missing),
                             n_missing, year_name);
  gtk_label_set_text (self->missing_heading, heading);
  gtk_revealer_set_reveal_child (self->missing_revealer, n_missing > 0);
}

void
pcn_rates_page_reload (PcnRatesPage *self)
{
  LoadData *data;

  g_return_if_fail (PCN_IS_RATES_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->rates_store);
      g_list_store_remove_all (self->missing_store);
      gtk_revealer_set_reveal_child (self->missing_revealer, FALSE);
      return;
    }

  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->year = selected_year (self);
  data->area = self->area;
  data->all_areas = gtk_check_button_get_active (self->all_areas_check);

  set_loading (self, TRUE);
  pcn_store_run_async (self->store, load_func, data, g_free,
                       (GDestroyNotify) load_result_free, self->cancellable,
                       on_load_done_cb, g_object_ref (self));
}

/* ------------------------------------------------------------ dialog */

static void
on_rate_saved_cb (PcnRateDialog *dialog,
                  PcnRate       *rate,
                  PcnRatesPage  *self)
{
  g_autofree char *from = pcn_iso_format_display (pcn_rate_get_effective_from (rate));
  g_autofree char *message = NULL;
  const char *role_name = pcn_rate_get_role_code (rate);

  if (self->roles != NULL)
    {
      PcnRole *role = pcn_roles_find (self->roles, role_name);
      if (role != NULL)
        role_name = pcn_role_get_name (role);
    }
  /* Translators: %1$s is a role, %2$s a date */
  message = g_strdup_printf (_("Rate saved for %1$s from %2$s"), role_name, from);
  show_toast (self, message);
  pcn_rates_page_reload (self);
}

static void
open_rate_dialog (PcnRatesPage *self,
                  const char   *role_code)
{
  PcnRateDialog *dialog;
  g_autofree char *from = NULL;
  GDate first, last;

  if (self->store == NULL || self->roles == NULL)
    return;
  if (self->rate_dialog != NULL)
    gtk_window_destroy (self->rate_dialog);

  pcn_financial_year_bounds (selected_year (self), &first, &last);
  from = pcn_date_to_iso (&first);
  dialog = pcn_rate_dialog_new (self->store, self->roles, role_code,
                                pcn_area_to_string (self->area), from);
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_rate_saved_cb), self, 0);
  self->rate_dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->rate_dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  open_rate_dialog (PCN_RATES_PAGE (widget), NULL);
}

static void
enter_rate_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  open_rate_dialog (PCN_RATES_PAGE (widget), g_variant_get_string (param, NULL));
}

static void
on_year_selected_cb (PcnRatesPage *self)
{
  pcn_rates_page_reload (self);
}

/* ------------------------------------------------------------ GObject */

static void
pcn_rates_page_dispose (GObject *object)
{
  PcnRatesPage *self = PCN_RATES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->rate_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->rate_dialog),
                                    (gpointer *) &self->rate_dialog);
      gtk_window_destroy (self->rate_dialog);
      self->rate_dialog = NULL;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_RATES_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->roles, g_ptr_array_unref);

  G_OBJECT_CLASS (pcn_rates_page_parent_class)->dispose (object);
}

static void
pcn_rates_page_class_init (PcnRatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_rates_page_dispose;

  g_type_ensure (PCN_TYPE_RATE);
  g_type_ensure (PCN_TYPE_ROLE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-rates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnRatesPage, rates_store);
  gtk_widget_class_bind_template_child (widget_class, PcnRatesPage, missing_store);
  gtk_widget_class_bind_template_child (widget_class, PcnRatesPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PcnRatesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PcnRatesPage, area_label);
  gtk_widget_class_bind_template_child (widget_class, PcnRatesPage, all_areas_check);
  gtk_widget_class_bind_template_callback (widget_class, on_all_areas_toggled_cb);
  gtk_widget_class_bind_template_child (widget_class, PcnRatesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, PcnRatesPage, role_column);
  gtk_widget_class_bind_template_child (widget_class, PcnRatesPage, missing_revealer);
  gtk_widget_class_bind_template_child (widget_class, PcnRatesPage, missing_heading);
  gtk_widget_class_bind_template_child (widget_class, PcnRatesPage, missing_list);
  gtk_widget_class_bind_template_callback (widget_class, on_year_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, money_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_to_cb);
  gtk_widget_class_bind_template_callback (widget_class, user_entered_cb);

  gtk_widget_class_install_action (widget_class, "rates.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "rates.enter-rate", "s", enter_rate_action);
}

static void
pcn_rates_page_init (PcnRatesPage *self)
{
  g_autoptr(GtkStringList) years = gtk_string_list_new (NULL);

  /* The dropdown's notify::selected reloads; fill it before the template
   * connects it, so nothing loads before there is a store. */
  for (int y = FIRST_YEAR; y <= LAST_YEAR; y++)
    {
      g_autofree char *name = pcn_financial_year_name (y);
      gtk_string_list_append (years, name);
    }

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (years));
  /* GtkDropDown (4.8) leaves its inner button unnamed for screen readers. */
  {
    GtkWidget *button = gtk_widget_get_first_child (GTK_WIDGET (self->year_dropdown));
    if (GTK_IS_TOGGLE_BUTTON (button))
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Financial year"),
                                      -1);
  }
  gtk_list_box_bind_model (self->missing_list, G_LIST_MODEL (self->missing_store),
                           create_missing_row, NULL, NULL);
  gtk_column_view_sort_by_column (self->column_view, self->role_column, GTK_SORT_ASCENDING);
  update_area_label (self);
}

/* ------------------------------------------------------------ public */

void
pcn_rates_page_set_store (PcnRatesPage *self,
                          PcnStore     *store)
{
  g_return_if_fail (PCN_IS_RATES_PAGE (self));
  g_return_if_fail (store == NULL || PCN_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->roles, g_ptr_array_unref);
  pcn_rates_page_reload (self);
}

void
pcn_rates_page_set_area (PcnRatesPage *self,
                         PcnArea       area)
{
  g_return_if_fail (PCN_IS_RATES_PAGE (self));

  if (self->area == area)
    return;
  self->area = area;
  update_area_label (self);
  if (self->store != NULL)
    pcn_rates_page_reload (self);
}

void
pcn_rates_page_set_as_at (PcnRatesPage *self,
                          const GDate  *as_at)
{
  g_return_if_fail (PCN_IS_RATES_PAGE (self));
  g_return_if_fail (as_at != NULL && g_date_valid (as_at));

  _pcn_rates_page_set_year (self, pcn_financial_year_of (as_at));
}

GListModel *
_pcn_rates_page_get_rates (PcnRatesPage *self)
{
  return G_LIST_MODEL (self->rates_store);
}

GListModel *
_pcn_rates_page_get_missing (PcnRatesPage *self)
{
  return G_LIST_MODEL (self->missing_store);
}

gboolean
_pcn_rates_page_is_loading (PcnRatesPage *self)
{
  return self->loading > 0;
}

int
_pcn_rates_page_get_year (PcnRatesPage *self)
{
  return selected_year (self);
}

void
_pcn_rates_page_set_year (PcnRatesPage *self,
                          int           year)
{
  year = CLAMP (year, FIRST_YEAR, LAST_YEAR);
  gtk_drop_down_set_selected (self->year_dropdown, (guint) (year - FIRST_YEAR));
}

GtkWindow *
_pcn_rates_page_get_rate_dialog (PcnRatesPage *self)
{
  return self->rate_dialog;
}
