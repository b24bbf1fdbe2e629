/* pcn-claims-page.c — the Claims page
 *
 * One load on the store's worker thread reads the month's claim with its
 * state, allocation and claimed to date (pcn_store_load_claim) and the
 * year's back-pay (pcn_store_compute_backpay); the page then fills the
 * line and back-pay models in one splice each and the figures around them.
 * Saving a payroll figure, submitting and reopening run on the worker
 * thread and reload. Exports read what they need fresh on the worker
 * thread (as `pcnw export …` does), then write the workbook on a thread of
 * their own, with the progress shown and "Open" offered when done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-claim-backpay-item.h"
#include "pcn-claim-line-item.h"
#include "pcn-claims-page-private.h"
#include "pcn-export-backpay.h"
#include "pcn-export-claim.h"
#include "pcn-export-plan.h"

struct _PcnClaimsPage
{
  AdwBin               parent_instance;

  /* template */
  AdwToastOverlay     *toast_overlay;
  GListStore          *lines_store;
  GtkSingleSelection  *lines_selection;
  GListStore          *backpay_store;
  GtkLabel            *subtitle_label;
  GtkSpinner          *spinner;
  GtkDropDown         *month_dropdown;
  GtkWidget           *submit_button;
  GtkWidget           *reopen_button;
  GtkImage            *status_icon;
  GtkLabel            *status_label;
  GtkLabel            *to_date_label;
  GtkLevelBar         *to_date_bar;
  GtkRevealer         *locked_revealer;
  GtkLabel            *locked_label;
  GtkRevealer         *progress_revealer;
  GtkLabel            *progress_label;
  GtkProgressBar      *progress_bar;
  GtkStack            *view_stack;
  GtkLabel            *warnings_label;
  GtkWidget           *edit_button;
  GtkStack            *lines_stack;
  GtkColumnView       *lines_view;
  GtkLabel            *total_actual_label;
  GtkLabel            *total_max_label;
  GtkLabel            *total_claim_label;
  GtkLabel            *backpay_intro_label;
  GtkStack            *backpay_stack;
  AdwStatusPage       *backpay_empty;
  GtkLabel            *backpay_claimed_label;
  GtkLabel            *backpay_claimable_label;
  GtkLabel            *backpay_difference_label;

  PcnStore            *store;
  GCancellable        *cancellable;       /* the load */
  GCancellable        *tool_cancellable;  /* saves, submit, reopen, exports */
  PcnClaimData        *data;              /* from the last load */
  PcnBackpay          *backpay;
  GtkWindow           *dialog;
  GtkNativeDialog     *native;
  char                *export_error;
  GDate                as_at;
  int                  fy;                /* the financial year in the dropdown */
  int                  year;              /* the calendar month shown */
  int                  month;
  gint64               keep_staff_id;     /* the line to select after a reload */
  guint                loading;
  guint                n_loads;
  guint                busy;
  guint                n_exports;
  guint                pulse_id;
  guint                updating_dropdown : 1;
};

G_DEFINE_FINAL_TYPE (PcnClaimsPage, pcn_claims_page, ADW_TYPE_BIN)

/* ------------------------------------------------------------ cells */

static char *
estimate_marker_cb (gpointer unused,
                    gboolean is_estimate)
{
  /* Translators: beside an actual cost worked out from salary because no
   * payroll figure was entered */
  return g_strdup (is_estimate ? C_("actual cost", "estimate") : "");
}

static GStrv
warning_classes_cb (gpointer    unused,
                    const char *icon_name)
{
  const char *classes[] = {
    g_strcmp0 (icon_name, "dialog-warning-symbolic") == 0 ? "warning" : "dim-label", NULL
  };

  return g_strdupv ((char **) classes);
}

static GStrv
difference_classes_cb (gpointer    unused,
                       const char *css_class)
{
  const char *classes[] = { "numeric", css_class, NULL };

  return g_strdupv ((char **) classes);
}

/* ------------------------------------------------------------ helpers */

static char *
month_title (int year,
             int month)
{
  GDate date;
  char buf[64];

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, 1, month, year);
  /* Translators: a month and year, see strftime(3) */
  if (g_date_strftime (buf, sizeof buf, _("%B %Y"), &date) == 0)
    return g_strdup_printf ("%04d-%02d", year, month);
  return g_strdup (buf);
}

static int
financial_year_of_month (int year,
                         int month)
{
  return month >= 4 ? year : year - 1;
}

static void
show_toast (PcnClaimsPage *self,
            const char    *message)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

static GtkWindow *
parent_window (PcnClaimsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
is_locked (PcnClaimsPage *self)
{
  return self->data != NULL && pcn_claim_month_is_locked (self->data->state);
}

static gboolean
data_is_current (PcnClaimsPage *self)
{
  return self->data != NULL &&
         pcn_claim_get_year (self->data->claim) == self->year &&
         pcn_claim_get_month (self->data->claim) == self->month;
}

static PcnClaimLineItem *
selected_item (PcnClaimsPage *self)
{
  return gtk_single_selection_get_selected_item (self->lines_selection);
}

static void
update_actions (PcnClaimsPage *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean loaded = self->store != NULL && data_is_current (self);
  gboolean locked = loaded && is_locked (self);
  gboolean idle = self->busy == 0;
  gboolean has_backpay = self->backpay != NULL &&
                         pcn_backpay_get_lines (self->backpay)->len > 0;

  gtk_widget_action_set_enabled (widget, "claims.previous-month", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "claims.next-month", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "claims.reload", self->store != NULL);
  gtk_widget_action_set_enabled (widget, "claims.edit-cost",
                                 loaded && !locked && idle && selected_item (self) != NULL);
  gtk_widget_action_set_enabled (widget, "claims.submit", loaded && !locked && idle);
  gtk_widget_action_set_enabled (widget, "claims.reopen", loaded && locked && idle);
  gtk_widget_action_set_enabled (widget, "claims.export-claim", loaded && idle);
  gtk_widget_action_set_enabled (widget, "claims.export-plan", loaded && idle);
  gtk_widget_action_set_enabled (widget, "claims.export-backpay", loaded && idle && has_backpay);
}

static void
set_loading (PcnClaimsPage *self,
             gboolean       loading)
{
  if (loading)
    self->loading++;
  else if (self->loading > 0)
    self->loading--;
  gtk_spinner_set_spinning (self->spinner, self->loading > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), self->loading > 0);
}

static gboolean
pulse_cb (gpointer user_data)
{
  PcnClaimsPage *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* @text: shown with a pulsing bar (exports), or NULL (quick saves). */
static void
begin_busy (PcnClaimsPage *self,
            const char    *text)
{
  self->busy++;
  if (text != NULL)
    {
      gtk_label_set_text (self->progress_label, text);
      gtk_revealer_set_reveal_child (self->progress_revealer, TRUE);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                      GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                      -1);
      if (self->pulse_id == 0)
        self->pulse_id = g_timeout_add (100, pulse_cb, self);
    }
  update_actions (self);
}

static void
end_busy (PcnClaimsPage *self)
{
  g_assert (self->busy > 0);

  if (--self->busy == 0)
    {
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
      g_clear_handle_id (&self->pulse_id, g_source_remove);
    }
  update_actions (self);
}

/* ------------------------------------------------------------ showing */

static void
show_status (PcnClaimsPage *self)
{
  PcnClaimMonth *state = self->data->state;
  g_autofree char *title = month_title (self->year, self->month);
  g_autofree char *status = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_icon), "success");
  if (pcn_claim_month_is_locked (state))
    {
      g_autofree char *on = pcn_iso_format_display (state->submitted_on);
      g_autofree char *total = pcn_money_format (state->total_claim_pence);
      g_autofree char *locked = NULL;

      /* Translators: the claim's status; %1$s is a date, %2$s money */
      status = g_strdup_printf (_("Submitted on %1$s (%2$s)"), on, total);
      gtk_image_set_from_icon_name (self->status_icon, "emblem-ok-symbolic");
      gtk_widget_add_css_class (GTK_WIDGET (self->status_icon), "success");
      /* Translators: %1$s is a month, %2$s a date */
      locked = g_strdup_printf (_("The claim for %1$s was submitted on %2$s and is locked: its "
                                  "payroll figures cannot change. To correct it, reopen it "
                                  "with a reason, which is kept in the audit log."),
                                title, on);
      gtk_label_set_text (self->locked_label, locked);
    }
  else if (state->reopen_reason != NULL)
    /* Translators: the claim's status; %s is why it was reopened */
    status = g_strdup_printf (_("Open — reopened: %s"), state->reopen_reason);
  else
    status = g_strdup (_("Open — not submitted yet"));

  if (!pcn_claim_month_is_locked (state))
    gtk_image_set_from_icon_name (self->status_icon, "document-edit-symbolic");
  gtk_label_set_text (self->status_label, status);
  gtk_revealer_set_reveal_child (self->locked_revealer, pcn_claim_month_is_locked (state));
  gtk_widget_set_visible (self->submit_button, !pcn_claim_month_is_locked (state));
  gtk_widget_set_visible (self->reopen_button, pcn_claim_month_is_locked (state));
}

static void
show_to_date (PcnClaimsPage *self)
{
  PcnClaimData *data = self->data;
  g_autofree char *year_name = pcn_financial_year_name (self->fy);
  g_autofree char *claimed = pcn_money_format (data->claimed_to_date_pence);
  g_autofree char *text = NULL;
  double fraction = 0;

  if (data->allocation_pence > 0)
    {
      g_autofree char *allocation = pcn_money_format (data->allocation_pence);
      gint64 remaining = pcn_claim_allocation_remaining (data->allocation_pence,
                                                          data->claimed_to_date_pence);
      g_autofree char *left = pcn_claim_format_signed_money (remaining);
      int percent;

      fraction = (double) data->claimed_to_date_pence / (double) data->allocation_pence;
      percent = (int) (fraction * 100 + 0.5);
      /* Translators: %1$s is a financial year, %2$s and %3$s money, %4$d a
       * percentage, %5$s money (negative when over) */
      text = g_strdup_printf (_("Claimed to date in %1$s: %2$s of the %3$s allocation (%4$d%%); "
                                "%5$s remaining"),
                              year_name, claimed, allocation, percent, left);
    }
  else
    /* Translators: %1$s is a financial year, %2$s money */
    text = g_strdup_printf (_("Claimed to date in %1$s: %2$s. No allocation is known for the "
                              "year: enter it on the Recruitment page."),
                            year_name, claimed);
  gtk_label_set_text (self->to_date_label, text);
  gtk_level_bar_set_value (self->to_date_bar, CLAMP (fraction, 0.0, 1.0));
  gtk_widget_set_visible (GTK_WIDGET (self->to_date_bar), data->allocation_pence > 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->to_date_bar),
                                  GTK_ACCESSIBLE_PROPERTY_VALUE_TEXT, text,
                                  -1);
}

static void
show_warnings (PcnClaimsPage *self)
{
  PcnClaim *claim = self->data->claim;
  guint n_estimate = pcn_claim_count_warnings (claim, PCN_CLAIM_WARNING_ESTIMATE);
  guint n_no_rate = pcn_claim_count_warnings (claim, PCN_CLAIM_WARNING_NO_RATE);
  guint n_no_cost = pcn_claim_count_warnings (claim, PCN_CLAIM_WARNING_NO_COST);
  guint n_not_claimable = pcn_claim_count_warnings (claim, PCN_CLAIM_WARNING_NOT_CLAIMABLE);
  g_autoptr(GPtrArray) sentences = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *text = NULL;

  if (n_estimate > 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u line has no payroll figure: an estimate "
                                                   "from salary and on-costs is used.",
                                                   "%u lines have no payroll figure: estimates "
                                                   "from salary and on-costs are used.",
                                                   n_estimate),
                                      n_estimate));
  if (n_no_rate > 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u line has no rate known and claims "
                                                   "nothing until one is entered under ARRS rates.",
                                                   "%u lines have no rate known and claim "
                                                   "nothing until one is entered under ARRS rates.",
                                                   n_no_rate),
                                      n_no_rate));
  if (n_no_cost > 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u line has neither a payroll figure nor a "
                                                   "salary and claims nothing.",
                                                   "%u lines have neither a payroll figure nor a "
                                                   "salary and claim nothing.",
                                                   n_no_cost),
                                      n_no_cost));
  if (n_not_claimable > 0)
    g_ptr_array_add (sentences,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                   "%u person is not claimable and is listed "
                                                   "for reference.",
                                                   "%u people are not claimable and are listed "
                                                   "for reference.",
                                                   n_not_claimable),
                                      n_not_claimable));
  if (sentences->len == 0)
    g_ptr_array_add (sentences, g_strdup (_("Every line uses a payroll figure and a known rate.")));
  g_ptr_array_add (sentences, NULL);
  /* Whole translated sentences, one after another. */
  text = g_strjoinv (" ", (char **) sentences->pdata);
  gtk_label_set_text (self->warnings_label, text);
}

static void
show_lines (PcnClaimsPage *self)
{
  PcnClaim *claim = self->data->claim;
  GPtrArray *lines = pcn_claim_get_lines (claim);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *actual = pcn_money_format (pcn_claim_get_total_actual (claim));
  g_autofree char *max = pcn_money_format (pcn_claim_get_total_max (claim));
  g_autofree char *total = pcn_money_format (pcn_claim_get_total_claim (claim));
  g_autofree char *text = NULL;
  guint keep = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < lines->len; i++)
    {
      PcnClaimLine *line = g_ptr_array_index (lines, i);

      g_ptr_array_add (items, pcn_claim_line_item_new (claim, i));
      if (line->staff != NULL && pcn_staff_get_id (line->staff) == self->keep_staff_id)
        keep = i;
    }
  g_list_store_splice (self->lines_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->lines_store)),
                       items->pdata, items->len);
  /* Keep the person selected before the reload, else the first line, so
   * Edit Payroll Figure is ready to use. */
  if (keep == GTK_INVALID_LIST_POSITION && lines->len > 0)
    keep = 0;
  gtk_single_selection_set_selected (self->lines_selection, keep);
  gtk_stack_set_visible_child_name (self->lines_stack, lines->len > 0 ? "lines" : "empty");

  /* Translators: a total under the claim lines; %s is money */
  text = g_strdup_printf (_("Actual %s"), actual);
  gtk_label_set_text (self->total_actual_label, text);
  g_free (text);
  /* Translators: a total under the claim lines; %s is money */
  text = g_strdup_printf (_("Maximum %s"), max);
  gtk_label_set_text (self->total_max_label, text);
  g_free (text);
  /* Translators: a total under the claim lines; %s is money */
  text = g_strdup_printf (_("Claim %s"), total);
  gtk_label_set_text (self->total_claim_label, text);
}

static void
show_backpay (PcnClaimsPage *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *year_name = pcn_financial_year_name (self->fy);
  g_autofree char *intro = NULL;
  g_autofree char *empty = NULL;
  guint n = self->backpay != NULL ? pcn_backpay_get_lines (self->backpay)->len : 0;

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, pcn_claim_backpay_item_new (self->backpay, i));
  g_list_store_splice (self->backpay_store, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->backpay_store)),
                       items->pdata, items->len);

  /* Translators: %s is a financial year */
  intro = g_strdup_printf (_("For every submitted month of %s: what was claimed for each person, "
                             "what is claimable now under the current rates, and the difference."),
                           year_name);
  gtk_label_set_text (self->backpay_intro_label, intro);
  /* Translators: %s is a financial year */
  empty = g_strdup_printf (_("Every submitted month of %s claimed what is claimable under the "
                             "current rates. When a rate is corrected or raised from a date "
                             "already claimed, the difference for each person and month shows "
                             "here, ready to export as a back-pay claim."),
                           year_name);
  adw_status_page_set_description (self->backpay_empty, empty);
  gtk_stack_set_visible_child_name (self->backpay_stack, n > 0 ? "lines" : "empty");

  if (n > 0)
    {
      g_autofree char *claimed = pcn_money_format (pcn_backpay_get_total_claimed (self->backpay));
      g_autofree char *claimable = pcn_money_format (pcn_backpay_get_total_claimable (self->backpay));
      gint64 diff = pcn_backpay_get_total_difference (self->backpay);
      g_autofree char *difference = pcn_claim_format_signed_money (diff);
      g_autofree char *text = NULL;

      /* Translators: a total under the back-pay lines; %s is money */
      text = g_strdup_printf (_("Claimed %s"), claimed);
      gtk_label_set_text (self->backpay_claimed_label, text);
      g_free (text);
      /* Translators: a total under the back-pay lines; %s is money */
      text = g_strdup_printf (_("Claimable now %s"), claimable);
      gtk_label_set_text (self->backpay_claimable_label, text);
      g_free (text);
      /* Translators: a total under the back-pay lines; %s is money (negative: over-claimed) */
      text = g_strdup_printf (_("Difference %s"), difference);
      gtk_label_set_text (self->backpay_difference_label, text);
      gtk_widget_remove_css_class (GTK_WIDGET (self->backpay_difference_label), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->backpay_difference_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->backpay_difference_label),
                                diff < 0 ? "error" : "success");
    }
}

static void
show_subtitle (PcnClaimsPage *self)
{
  g_autofree char *title = month_title (self->year, self->month);
  g_autofree char *year_name = pcn_financial_year_name (self->fy);
  g_autofree char *text = NULL;

  /* Translators: under the page title; %1$s is a month, %2$s a financial year */
  text = g_strdup_printf (_("ARRS claim for %1$s, financial year %2$s"), title, year_name);
  gtk_label_set_text (self->subtitle_label, text);
}

/* ------------------------------------------------------------ months */

static void
fill_months (PcnClaimsPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  for (int i = 0; i < 12; i++)
    {
      int y = 0, m = 0;
      g_autofree char *name = NULL;

      pcn_ledger_month_date (self->fy, i, &y, &m);
      name = month_title (y, m);
      gtk_string_list_append (names, name);
    }
  self->updating_dropdown = TRUE;
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (names));
  self->updating_dropdown = FALSE;
}

static void
set_month (PcnClaimsPage *self,
           int            year,
           int            month)
{
  int fy = financial_year_of_month (year, month);

  self->year = year;
  self->month = month;
  if (fy != self->fy)
    {
      self->fy = fy;
      fill_months (self);
    }
  self->updating_dropdown = TRUE;
  gtk_drop_down_set_selected (self->month_dropdown, (guint) ((month + 8) % 12));
  self->updating_dropdown = FALSE;
  show_subtitle (self);
  update_actions (self);
  pcn_claims_page_reload (self);
}

static void
on_month_selected_cb (PcnClaimsPage *self)
{
  guint pos = gtk_drop_down_get_selected (self->month_dropdown);
  int y = 0, m = 0;

  if (self->updating_dropdown || pos == GTK_INVALID_LIST_POSITION)
    return;
  pcn_ledger_month_date (self->fy, (int) pos, &y, &m);
  if (y != self->year || m != self->month)
    set_month (self, y, m);
}

static void
step_month (PcnClaimsPage *self,
            int            delta)
{
  int index = self->year * 12 + (self->month - 1) + delta;

  set_month (self, index / 12, index % 12 + 1);
}

static void
previous_month_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  step_month (PCN_CLAIMS_PAGE (widget), -1);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  step_month (PCN_CLAIMS_PAGE (widget), 1);
}

/* ------------------------------------------------------------ loading */

typedef struct
{
  int year;
  int month;
} LoadData;

typedef struct
{
  PcnClaimData *data;
  PcnBackpay   *backpay;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->data, pcn_claim_data_free);
  g_clear_pointer (&result->backpay, pcn_backpay_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

static gpointer
load_func (PcnStore  *store,
           gpointer   user_data,
           GError   **error)
{
  LoadData *data = user_data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);

  /* Everyone, the not claimable flagged: the manager sees why they are
   * not claimed for. They claim 0, so the total is the same. */
  result->data = pcn_store_load_claim (store, data->year, data->month, TRUE, error);
  if (result->data == NULL)
    return NULL;
  result->backpay = pcn_store_compute_backpay (store,
                                               financial_year_of_month (data->year, data->month),
                                               error);
  if (result->backpay == NULL)
    return NULL;
  return g_steal_pointer (&result);
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PcnClaimsPage) self = user_data;
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

      g_warning ("Cannot work out the claim: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot work out the claim: %s"), error->message);
      gtk_label_set_text (self->status_label, message);
      show_toast (self, message);
      self->n_loads++;
      update_actions (self);
      return;
    }

  g_clear_pointer (&self->data, pcn_claim_data_free);
  g_clear_pointer (&self->backpay, pcn_backpay_unref);
  self->data = g_steal_pointer (&loaded->data);
  self->backpay = g_steal_pointer (&loaded->backpay);

  show_subtitle (self);
  show_status (self);
  show_to_date (self);
  show_warnings (self);
  show_lines (self);
  show_backpay (self);
  self->n_loads++;
  update_actions (self);
}

void
pcn_claims_page_reload (PcnClaimsPage *self)
{
  LoadData *data;

  g_return_if_fail (PCN_IS_CLAIMS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->loading > 0)
    set_loading (self, FALSE);
  if (self->store == NULL)
    {
      g_list_store_remove_all (self->lines_store);
      g_list_store_remove_all (self->backpay_store);
      g_clear_pointer (&self->data, pcn_claim_data_free);
      g_clear_pointer (&self->backpay, pcn_backpay_unref);
      update_actions (self);
      return;
    }

  if (selected_item (self) != NULL)
    {
      const PcnClaimLine *line = pcn_claim_line_item_get_line (selected_item (self));

      self->keep_staff_id = line->staff != NULL ? pcn_staff_get_id (line->staff) : -1;
    }

  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->year = self->year;
  data->month = self->month;

  set_loading (self, TRUE);
  pcn_store_run_async (self->store, load_func, data, g_free,
                       (GDestroyNotify) load_result_free, self->cancellable,
                       on_load_done_cb, g_object_ref (self));
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  pcn_claims_page_reload (PCN_CLAIMS_PAGE (widget));
}

/* ------------------------------------------------------------ saving */

/* One write on the worker thread: a payroll figure, a submission or a
 * reopening. The toast says what was done, or why not. */
typedef enum
{
  CHANGE_COST,
  CHANGE_SUBMIT,
  CHANGE_REOPEN,
} ChangeKind;

typedef struct
{
  ChangeKind  kind;
  int         year;
  int         month;
  gint64      staff_id;
  char       *name;     /* the person, for the toast */
  gint64      pence;
  char       *text;     /* the date submitted, or the reason */
} ChangeData;

static void
change_data_free (ChangeData *data)
{
  g_free (data->name);
  g_free (data->text);
  g_free (data);
}

static gpointer
change_func (PcnStore  *store,
             gpointer   user_data,
             GError   **error)
{
  ChangeData *data = user_data;
  g_autofree char *key = g_strdup_printf ("%04d-%02d", data->year, data->month);
  gboolean ok = FALSE;

  switch (data->kind)
    {
    case CHANGE_COST:
      ok = pcn_store_set_actual_cost (store, data->staff_id, key, data->pence, error);
      break;
    case CHANGE_SUBMIT:
      ok = pcn_store_submit_claim (store, data->year, data->month, data->text, error);
      break;
    case CHANGE_REOPEN:
      ok = pcn_store_reopen_claim (store, data->year, data->month, data->text, error);
      break;
    default:
      g_assert_not_reached ();
    }
  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

static ChangeData *
change_data_copy (const ChangeData *data)
{
  ChangeData *copy = g_memdup2 (data, sizeof *data);

  copy->name = g_strdup (data->name);
  copy->text = g_strdup (data->text);
  return copy;
}

/* The callback's own copy of what was asked, with the page. */
typedef struct
{
  PcnClaimsPage *self;
  ChangeData    *data;
} ChangeCall;

static void
change_call_free (ChangeCall *call)
{
  g_clear_object (&call->self);
  change_data_free (call->data);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ChangeCall, change_call_free)

static void
on_change_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(ChangeCall) call = user_data;
  PcnClaimsPage *self = call->self;
  ChangeData *data = call->data;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = month_title (data->year, data->month);
  g_autofree char *message = NULL;
  gboolean ok;

  ok = pcn_store_run_finish (PCN_STORE (object), result, &error) != NULL;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_busy (self);

  if (!ok)
    {
      g_warning ("Claim change refused: %s", error->message);
      switch (data->kind)
        {
        case CHANGE_COST:
          /* Translators: %1$s is a person, %2$s says why */
          message = g_strdup_printf (_("The payroll figure for %1$s was not saved: %2$s"),
                                     data->name, error->message);
          break;
        case CHANGE_SUBMIT:
          /* Translators: %1$s is a month, %2$s says why */
          message = g_strdup_printf (_("The claim for %1$s was not submitted: %2$s"),
                                     title, error->message);
          break;
        case CHANGE_REOPEN:
        default:
          /* Translators: %1$s is a month, %2$s says why */
          message = g_strdup_printf (_("The claim for %1$s was not reopened: %2$s"),
                                     title, error->message);
          break;
        }
    }
  else
    {
      g_autofree char *money = pcn_money_format (data->pence);

      switch (data->kind)
        {
        case CHANGE_COST:
          /* Translators: %1$s is a person, %2$s money, %3$s a month */
          message = g_strdup_printf (_("Saved %2$s as the payroll figure for %1$s in %3$s"),
                                     data->name, money, title);
          break;
        case CHANGE_SUBMIT:
          /* Translators: %s is a month */
          message = g_strdup_printf (_("The claim for %s is marked submitted and locked"), title);
          break;
        case CHANGE_REOPEN:
        default:
          /* Translators: %s is a month */
          message = g_strdup_printf (_("The claim for %s is open again"), title);
          break;
        }
    }
  show_toast (self, message);
  if (self->store == PCN_STORE (object))
    pcn_claims_page_reload (self);
}

static void
run_change (PcnClaimsPage *self,
            ChangeData    *data)
{
  ChangeCall *call;

  if (self->store == NULL)
    {
      change_data_free (data);
      return;
    }
  call = g_new0 (ChangeCall, 1);
  call->self = g_object_ref (self);
  call->data = change_data_copy (data);
  begin_busy (self, NULL);
  pcn_store_run_async (self->store, change_func, data, (GDestroyNotify) change_data_free, NULL,
                       self->tool_cancellable, on_change_done_cb, call);
}

static void
present_dialog (PcnClaimsPage       *self,
                PcnClaimEntryDialog *dialog,
                GCallback            on_response)
{
  if (self->dialog != NULL)
    gtk_window_destroy (self->dialog);
  g_signal_connect_object (dialog, "response::accept", on_response, self, 0);
  self->dialog = GTK_WINDOW (dialog);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &self->dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Payroll figure */

static void
on_cost_response_cb (PcnClaimEntryDialog *dialog,
                     const char          *response,
                     PcnClaimsPage       *self)
{
  ChangeData *data;
  const PcnClaimLine *line;

  if (selected_item (self) == NULL)
    return;
  line = pcn_claim_line_item_get_line (selected_item (self));
  if (line->staff == NULL)
    return;

  data = g_new0 (ChangeData, 1);
  data->kind = CHANGE_COST;
  data->year = self->year;
  data->month = self->month;
  data->staff_id = pcn_staff_get_id (line->staff);
  data->name = g_strdup (line->name);
  data->pence = pcn_claim_entry_dialog_get_pence (dialog);
  run_change (self, data);
}

static void
edit_cost_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PcnClaimsPage *self = PCN_CLAIMS_PAGE (widget);
  PcnClaimLineItem *item = selected_item (self);
  const PcnClaimLine *line;
  g_autofree char *title = month_title (self->year, self->month);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *field = NULL;
  g_autofree char *text = NULL;
  PcnClaimEntryDialog *dialog;

  if (item == NULL || !data_is_current (self) || is_locked (self))
    return;
  line = pcn_claim_line_item_get_line (item);

  /* Translators: %s is a person */
  heading = g_strdup_printf (_("Payroll Figure for %s"), line->name);
  if (line->actual_is_estimate)
    {
      g_autofree char *estimate = pcn_money_format (line->actual_pence);

      /* Translators: %1$s is a month, %2$s money */
      body = g_strdup_printf (_("The employment cost for %1$s from payroll: pay plus employer "
                                "NI and employer pension. Until it is entered the claim uses an "
                                "estimate of %2$s from salary and on-costs."),
                              title, estimate);
    }
  else
    /* Translators: %s is a month */
    body = g_strdup_printf (_("The employment cost for %s from payroll: pay plus employer NI and "
                              "employer pension."),
                            title);
  if (!line->actual_is_estimate && !(line->warnings & PCN_CLAIM_WARNING_NO_COST))
    text = pcn_money_format_plain (line->actual_pence);
  /* Translators: an entry's title; %s is a month */
  field = g_strdup_printf (_("Cost for %s (£)"), title);

  dialog = pcn_claim_entry_dialog_new (parent_window (self), PCN_CLAIM_ENTRY_MONEY, heading, body,
                                       field, text, _("_Save"), FALSE);
  present_dialog (self, dialog, G_CALLBACK (on_cost_response_cb));
}

static void
on_lines_view_activate_cb (PcnClaimsPage *self,
                           guint          position)
{
  gtk_single_selection_set_selected (self->lines_selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "claims.edit-cost", NULL);
}

static void
on_selection_changed_cb (PcnClaimsPage *self)
{
  update_actions (self);
}

/* Submit */

static void
on_submit_response_cb (PcnClaimEntryDialog *dialog,
                       const char          *response,
                       PcnClaimsPage       *self)
{
  ChangeData *data = g_new0 (ChangeData, 1);

  data->kind = CHANGE_SUBMIT;
  data->year = self->year;
  data->month = self->month;
  data->text = pcn_claim_entry_dialog_dup_value (dialog);
  run_change (self, data);
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PcnClaimsPage *self = PCN_CLAIMS_PAGE (widget);
  g_autofree char *title = month_title (self->year, self->month);
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *total = NULL;
  char today[32];
  PcnClaimEntryDialog *dialog;
  guint n;

  if (!data_is_current (self) || is_locked (self))
    return;
  n = pcn_claim_get_lines (self->data->claim)->len;
  total = pcn_money_format (pcn_claim_get_total_claim (self->data->claim));

  /* Translators: %s is a month */
  heading = g_strdup_printf (_("Mark %s Submitted?"), title);
  body = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: %1$s is money, %2$u a number of lines */
                                       "The claim of %1$s (%2$u line) is kept as submitted and "
                                       "the month is locked: its payroll figures cannot change "
                                       "until it is reopened with a reason.",
                                       "The claim of %1$s (%2$u lines) is kept as submitted and "
                                       "the month is locked: its payroll figures cannot change "
                                       "until it is reopened with a reason.",
                                       n),
                          total, n);
  if (g_date_strftime (today, sizeof today, "%d/%m/%Y", &self->as_at) == 0)
    today[0] = '\0';

  dialog = pcn_claim_entry_dialog_new (parent_window (self), PCN_CLAIM_ENTRY_DATE, heading, body,
                                       _("Date submitted (DD/MM/YYYY)"), today,
                                       _("_Mark Submitted"), FALSE);
  present_dialog (self, dialog, G_CALLBACK (on_submit_response_cb));
}

/* Reopen */

static void
on_reopen_response_cb (PcnClaimEntryDialog *dialog,
                       const char          *response,
                       PcnClaimsPage       *self)
{
  ChangeData *data = g_new0 (ChangeData, 1);

  data->kind = CHANGE_REOPEN;
  data->year = self->year;
  data->month = self->month;
  data->text = pcn_claim_entry_dialog_dup_value (dialog);
  run_change (self, data);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PcnClaimsPage *self = PCN_CLAIMS_PAGE (widget);
  g_autofree char *title = month_title (self->year, self->month);
  g_autofree char *on = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  PcnClaimEntryDialog *dialog;

  if (!data_is_current (self) || !is_locked (self))
    return;
  on = pcn_iso_format_display (self->data->state->submitted_on);

  /* Translators: %s is a month */
  heading = g_strdup_printf (_("Reopen %s?"), title);
  /* Translators: %s is a date */
  body = g_strdup_printf (_("It was submitted on %s. Reopening unlocks its payroll figures; the "
                            "claim as submitted is kept until it is submitted again. Say why it "
                            "is reopened: the reason is kept in the audit log."),
                          on);
  dialog = pcn_claim_entry_dialog_new (parent_window (self), PCN_CLAIM_ENTRY_TEXT, heading, body,
                                       _("Reason"), NULL, _("_Reopen"), TRUE);
  present_dialog (self, dialog, G_CALLBACK (on_reopen_response_cb));
}

/* ------------------------------------------------------------ exports */

typedef struct
{
  PcnClaimsExport  kind;
  char            *path;
  int              year;
  int              month;
  GDate            as_at;
  /* read on the store's thread */
  PcnNetwork      *network;
  PcnClaimData    *claim_data;
  PcnLedgerData   *ledger_data;
  PcnLedger       *ledger;
  PcnBackpay      *backpay;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->path);
  g_clear_object (&job->network);
  g_clear_pointer (&job->claim_data, pcn_claim_data_free);
  g_clear_pointer (&job->ledger_data, pcn_ledger_data_free);
  g_clear_pointer (&job->ledger, pcn_ledger_unref);
  g_clear_pointer (&job->backpay, pcn_backpay_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static ExportJob *
export_job_copy_request (const ExportJob *job)
{
  ExportJob *copy = g_new0 (ExportJob, 1);

  copy->kind = job->kind;
  copy->path = g_strdup (job->path);
  copy->year = job->year;
  copy->month = job->month;
  copy->as_at = job->as_at;
  return copy;
}

/* On the store's worker thread: what the workbook needs, as `pcnw export`
 * reads it. */
static gpointer
export_read_func (PcnStore  *store,
                  gpointer   user_data,
                  GError   **error)
{
  g_autoptr(ExportJob) job = export_job_copy_request (user_data);
  int fy = financial_year_of_month (job->year, job->month);

  switch (job->kind)
    {
    case PCN_CLAIMS_EXPORT_CLAIM:
      job->claim_data = pcn_store_load_claim (store, job->year, job->month, FALSE, error);
      if (job->claim_data == NULL)
        return NULL;
      job->network = g_object_ref (job->claim_data->network);
      break;
    case PCN_CLAIMS_EXPORT_PLAN:
      job->ledger_data = pcn_store_load_ledger_data (store, fy, &job->as_at, error);
      if (job->ledger_data == NULL)
        return NULL;
      job->ledger = pcn_ledger_compute (&job->ledger_data->input);
      job->network = g_object_ref (job->ledger_data->network);
      break;
    case PCN_CLAIMS_EXPORT_BACKPAY:
    default:
      job->network = pcn_store_get_network (store, error);
      if (job->network == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error_literal (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NO_NETWORK,
                                 _("There is no PCN in this database yet"));
          return NULL;
        }
      job->backpay = pcn_store_compute_backpay (store, fy, error);
      if (job->backpay == NULL)
        return NULL;
      break;
    }
  return g_steal_pointer (&job);
}

/* On a thread of its own: libxlsxwriter. */
static void
export_write_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  gboolean ok;

  switch (job->kind)
    {
    case PCN_CLAIMS_EXPORT_CLAIM:
      ok = pcn_export_claim (job->path, job->network, job->claim_data->claim,
                             job->claim_data->allocation_pence,
                             job->claim_data->claimed_before_pence, &error);
      break;
    case PCN_CLAIMS_EXPORT_PLAN:
      ok = pcn_export_plan (job->path, job->network, job->ledger,
                            job->ledger_data->input.staff, job->ledger_data->input.posts,
                            &error);
      break;
    case PCN_CLAIMS_EXPORT_BACKPAY:
    default:
      ok = pcn_export_backpay (job->path, job->network, job->backpay, NULL, &error);
      break;
    }
  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
export_failed (PcnClaimsPage *self,
               GError        *error)
{
  g_autoptr(AdwToast) toast = NULL;

  g_warning ("Could not export: %s", error->message);
  g_free (self->export_error);
  self->export_error = g_strdup (error->message);
  /* Translators: %s says why */
  toast = adw_toast_new_format (_("Could not export: %s"), error->message);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
  self->n_exports++;
  end_busy (self);
}

static void
on_export_written_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  PcnClaimsPage *self = PCN_CLAIMS_PAGE (object);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(AdwToast) toast = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *uri = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      export_failed (self, error);
      return;
    }

  basename = g_path_get_basename (job->path);
  uri = g_filename_to_uri (job->path, NULL, NULL);
  /* Translators: %s is a file name */
  toast = adw_toast_new_format (_("Exported %s"), basename);
  if (uri != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_action_name (toast, "claims.open-export");
      adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, g_steal_pointer (&toast));
  g_clear_pointer (&self->export_error, g_free);
  self->n_exports++;
  end_busy (self);
}

static void
on_export_read_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PcnClaimsPage) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  job = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (job == NULL)
    {
      export_failed (self, error);
      return;
    }

  task = g_task_new (self, self->tool_cancellable, on_export_written_cb, NULL);
  g_task_set_source_tag (task, on_export_read_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_write_thread);
}

static void
start_export (PcnClaimsPage   *self,
              PcnClaimsExport  kind,
              const char      *path)
{
  g_autofree char *basename = g_path_get_basename (path);
  g_autofree char *text = NULL;
  ExportJob *job;

  if (self->store == NULL)
    return;

  job = g_new0 (ExportJob, 1);
  job->kind = kind;
  job->path = g_strdup (path);
  job->year = self->year;
  job->month = self->month;
  job->as_at = self->as_at;

  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Exporting to %s…"), basename);
  begin_busy (self, text);
  pcn_store_run_async (self->store, export_read_func, job, (GDestroyNotify) export_job_free,
                       (GDestroyNotify) export_job_free, self->tool_cancellable,
                       on_export_read_cb, g_object_ref (self));
}

static void
on_export_response_cb (GtkNativeDialog *native,
                       int              response,
                       PcnClaimsPage   *self)
{
  PcnClaimsExport kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "pcn-export-kind"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  if (self->native == native)
    g_clear_object (&self->native);
  if (file == NULL || self->busy > 0)
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
  start_export (self, kind, path);
}

static void
choose_export_file (PcnClaimsPage   *self,
                    PcnClaimsExport  kind,
                    const char      *title,
                    const char      *name)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  if (self->native != NULL || self->busy > 0)
    return;

  native = gtk_file_chooser_native_new (title, parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_pattern (filter, "*.xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* The kind rides on the chooser itself: it lives only for this export. */
  g_object_set_data (G_OBJECT (native), "pcn-export-kind", GINT_TO_POINTER (kind));

  g_signal_connect_object (native, "response", G_CALLBACK (on_export_response_cb), self, 0);
  self->native = GTK_NATIVE_DIALOG (native);
  gtk_native_dialog_show (self->native);
}

static void
export_claim_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  PcnClaimsPage *self = PCN_CLAIMS_PAGE (widget);
  /* Translators: the suggested file name; %04d-%02d is the month */
  g_autofree char *name = g_strdup_printf (_("claim-%04d-%02d.xlsx"), self->year, self->month);

  choose_export_file (self, PCN_CLAIMS_EXPORT_CLAIM, _("Export the Claim"), name);
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PcnClaimsPage *self = PCN_CLAIMS_PAGE (widget);
  /* Translators: the suggested file name; %d-%02d is the financial year, e.g. 2025-26 */
  g_autofree char *name = g_strdup_printf (_("workforce-plan-%d-%02d.xlsx"), self->fy,
                                           (self->fy + 1) % 100);

  choose_export_file (self, PCN_CLAIMS_EXPORT_PLAN, _("Export the Workforce Plan"), name);
}

static void
export_backpay_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PcnClaimsPage *self = PCN_CLAIMS_PAGE (widget);
  /* Translators: the suggested file name; %d-%02d is the financial year, e.g. 2025-26 */
  g_autofree char *name = g_strdup_printf (_("back-pay-%d-%02d.xlsx"), self->fy,
                                           (self->fy + 1) % 100);

  choose_export_file (self, PCN_CLAIMS_EXPORT_BACKPAY, _("Export the Back-Pay Claim"), name);
}

static void
on_launch_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PcnClaimsPage) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error))
    {
      g_autofree char *text = NULL;

      g_warning ("Could not open the workbook: %s", error->message);
      /* Translators: %s says why */
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
                                           on_launch_done_cb, g_object_ref (widget));
}

/* ------------------------------------------------------------ GObject */

static void
pcn_claims_page_dispose (GObject *object)
{
  PcnClaimsPage *self = PCN_CLAIMS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->tool_cancellable);
  g_clear_object (&self->tool_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  if (self->native != NULL)
    gtk_native_dialog_destroy (self->native);
  g_clear_object (&self->native);
  if (self->dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->dialog), (gpointer *) &self->dialog);
      gtk_window_destroy (self->dialog);
      self->dialog = NULL;
    }
  /* The bin's child is a template child: let go of it before the
   * template disposes of it. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_CLAIMS_PAGE);
  g_clear_object (&self->store);
  g_clear_pointer (&self->data, pcn_claim_data_free);
  g_clear_pointer (&self->backpay, pcn_backpay_unref);

  G_OBJECT_CLASS (pcn_claims_page_parent_class)->dispose (object);
}

static void
pcn_claims_page_finalize (GObject *object)
{
  PcnClaimsPage *self = PCN_CLAIMS_PAGE (object);

  g_clear_pointer (&self->export_error, g_free);

  G_OBJECT_CLASS (pcn_claims_page_parent_class)->finalize (object);
}

static void
pcn_claims_page_class_init (PcnClaimsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_claims_page_dispose;
  object_class->finalize = pcn_claims_page_finalize;

  g_type_ensure (PCN_TYPE_CLAIM_LINE_ITEM);
  g_type_ensure (PCN_TYPE_CLAIM_BACKPAY_ITEM);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/pcn-claims-page.ui");
#define BIND(name) gtk_widget_class_bind_template_child (widget_class, PcnClaimsPage, name)
  BIND (toast_overlay);
  BIND (lines_store);
  BIND (lines_selection);
  BIND (backpay_store);
  BIND (subtitle_label);
  BIND (spinner);
  BIND (month_dropdown);
  BIND (submit_button);
  BIND (reopen_button);
  BIND (status_icon);
  BIND (status_label);
  BIND (to_date_label);
  BIND (to_date_bar);
  BIND (locked_revealer);
  BIND (locked_label);
  BIND (progress_revealer);
  BIND (progress_label);
  BIND (progress_bar);
  BIND (view_stack);
  BIND (warnings_label);
  BIND (edit_button);
  BIND (lines_stack);
  BIND (lines_view);
  BIND (total_actual_label);
  BIND (total_max_label);
  BIND (total_claim_label);
  BIND (backpay_intro_label);
  BIND (backpay_stack);
  BIND (backpay_empty);
  BIND (backpay_claimed_label);
  BIND (backpay_claimable_label);
  BIND (backpay_difference_label);
#undef BIND
  gtk_widget_class_bind_template_callback (widget_class, on_month_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_lines_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, estimate_marker_cb);
  gtk_widget_class_bind_template_callback (widget_class, warning_classes_cb);
  gtk_widget_class_bind_template_callback (widget_class, difference_classes_cb);

  gtk_widget_class_install_action (widget_class, "claims.previous-month", NULL,
                                   previous_month_action);
  gtk_widget_class_install_action (widget_class, "claims.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "claims.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "claims.edit-cost", NULL, edit_cost_action);
  gtk_widget_class_install_action (widget_class, "claims.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "claims.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "claims.export-claim", NULL, export_claim_action);
  gtk_widget_class_install_action (widget_class, "claims.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "claims.export-backpay", NULL,
                                   export_backpay_action);
  gtk_widget_class_install_action (widget_class, "claims.open-export", "s", open_export_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "claims.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_ALT_MASK,
                                       "claims.next-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "claims.edit-cost", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "claims.submit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "claims.reopen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "claims.export-claim", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "claims.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "claims.reload", NULL);
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
pcn_claims_page_init (PcnClaimsPage *self)
{
  GDate previous;

  self->tool_cancellable = g_cancellable_new ();
  self->keep_staff_id = -1;
  self->fy = -1;
  pcn_date_set_today (&self->as_at);

  gtk_widget_init_template (GTK_WIDGET (self));

  name_dropdown_button (self->month_dropdown, _("Month claimed"));
  g_signal_connect_object (self->lines_selection, "selection-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->lines_selection, "items-changed",
                           G_CALLBACK (on_selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);

  /* No store yet: this only fills the picker. */
  previous = self->as_at;
  g_date_set_day (&previous, 1);
  g_date_subtract_months (&previous, 1);
  set_month (self, g_date_get_year (&previous), g_date_get_month (&previous));
}

/* ------------------------------------------------------------ public */

void
pcn_claims_page_set_store (PcnClaimsPage *self,
                           PcnStore      *store)
{
  g_return_if_fail (PCN_IS_CLAIMS_PAGE (self));
  g_return_if_fail (store == NULL || PCN_IS_STORE (store));

  if (self->store != store)
    {
      g_cancellable_cancel (self->tool_cancellable);
      g_clear_object (&self->tool_cancellable);
      self->tool_cancellable = g_cancellable_new ();
      g_clear_pointer (&self->data, pcn_claim_data_free);
      g_clear_pointer (&self->backpay, pcn_backpay_unref);
      self->busy = 0;
      gtk_revealer_set_reveal_child (self->progress_revealer, FALSE);
      g_clear_handle_id (&self->pulse_id, g_source_remove);
    }
  g_set_object (&self->store, store);
  pcn_claims_page_reload (self);
}

PcnStore *
pcn_claims_page_get_store (PcnClaimsPage *self)
{
  g_return_val_if_fail (PCN_IS_CLAIMS_PAGE (self), NULL);

  return self->store;
}

void
pcn_claims_page_set_as_at (PcnClaimsPage *self,
                           const GDate   *as_at)
{
  GDate previous;

  g_return_if_fail (PCN_IS_CLAIMS_PAGE (self));
  g_return_if_fail (as_at == NULL || g_date_valid (as_at));

  if (as_at != NULL)
    self->as_at = *as_at;
  else
    pcn_date_set_today (&self->as_at);
  previous = self->as_at;
  g_date_set_day (&previous, 1);
  g_date_subtract_months (&previous, 1);
  set_month (self, g_date_get_year (&previous), g_date_get_month (&previous));
}

gboolean
_pcn_claims_page_is_loading (PcnClaimsPage *self)
{
  return self->loading > 0;
}

guint
_pcn_claims_page_get_n_loads (PcnClaimsPage *self)
{
  return self->n_loads;
}

void
_pcn_claims_page_get_month (PcnClaimsPage *self,
                            int           *out_year,
                            int           *out_month)
{
  *out_year = self->year;
  *out_month = self->month;
}

void
_pcn_claims_page_set_month (PcnClaimsPage *self,
                            int            year,
                            int            month)
{
  set_month (self, year, month);
}

PcnClaimData *
_pcn_claims_page_get_data (PcnClaimsPage *self)
{
  return self->data;
}

GListModel *
_pcn_claims_page_get_lines (PcnClaimsPage *self)
{
  return G_LIST_MODEL (self->lines_store);
}

GListModel *
_pcn_claims_page_get_backpay (PcnClaimsPage *self)
{
  return G_LIST_MODEL (self->backpay_store);
}

void
_pcn_claims_page_select_line (PcnClaimsPage *self,
                              guint          position)
{
  gtk_single_selection_set_selected (self->lines_selection, position);
}

GtkLabel *
_pcn_claims_page_get_total_label (PcnClaimsPage *self)
{
  return self->total_claim_label;
}

GtkLabel *
_pcn_claims_page_get_status_label (PcnClaimsPage *self)
{
  return self->status_label;
}

GtkWidget *
_pcn_claims_page_get_edit_button (PcnClaimsPage *self)
{
  return self->edit_button;
}

PcnClaimEntryDialog *
_pcn_claims_page_get_dialog (PcnClaimsPage *self)
{
  return self->dialog != NULL ? PCN_CLAIM_ENTRY_DIALOG (self->dialog) : NULL;
}

gboolean
_pcn_claims_page_is_busy (PcnClaimsPage *self)
{
  return self->busy > 0;
}

void
_pcn_claims_page_export_to (PcnClaimsPage   *self,
                            PcnClaimsExport  kind,
                            const char      *path)
{
  start_export (self, kind, path);
}

guint
_pcn_claims_page_get_n_exports (PcnClaimsPage *self)
{
  return self->n_exports;
}

const char *
_pcn_claims_page_get_export_error (PcnClaimsPage *self)
{
  return self->export_error;
}
