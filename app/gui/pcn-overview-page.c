/* pcn-overview-page.c — the Overview
 *
 * One pcn_store_run_async() call reads the year's ledger data, works out
 * the ledger, claimed to date, induction progress, supervision status and
 * turnover, and builds the figures of every chart (PcnOverviewFigure, plain
 * GObjects, no widgets); the callback fills the tiles and hands each chart
 * card its figures in one splice. The page loads again each time it is
 * shown (another page may have changed the data) and when the store or
 * "today" changes while it is shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pcn-overview-figure.h"
#include "pcn-overview-page-private.h"

#define N_QUARTERS 8

struct _PcnOverviewPage
{
  AdwBin            parent_instance;

  /* template */
  AdwToastOverlay  *toast_overlay;
  GtkLabel         *status_label;
  GtkSpinner       *spinner;
  PcnOverviewTile  *wte_tile;
  PcnOverviewTile  *budget_tile;
  PcnOverviewTile  *forecast_tile;
  PcnOverviewTile  *induction_tile;
  PcnOverviewTile  *supervision_tile;
  PcnOverviewTile  *turnover_tile;
  PcnOverviewChart *wte_chart;
  PcnOverviewChart *budget_chart;
  PcnOverviewChart *induction_chart;
  PcnOverviewChart *supervision_chart;
  PcnOverviewChart *turnover_chart;

  PcnStore         *store;
  GCancellable     *cancellable;
  GDate             as_at;
  guint             n_loads;
  guint             loading : 1;
};

G_DEFINE_FINAL_TYPE (PcnOverviewPage, pcn_overview_page, ADW_TYPE_BIN)

typedef struct
{
  int    year;
  GDate  as_at;
} LoadData;

typedef struct
{
  int        year;
  GDate      as_at;
  /* WTE, thousandths */
  int        wte_in_post;
  int        wte_open;
  guint      headcount;
  /* budget, pence */
  PcnLedger *ledger;
  PcnAllocationSource allocation_source;
  gint64     spent_to_date;
  gint64     claimed_to_date;       /* -1: not known */
  guint      roles_without_rate;    /* counted as £0 */
  /* induction */
  guint      starters;
  guint      items_overdue;
  /* supervision: people by overall status */
  guint      supervision[PCN_SUPERVISION_N_STATUSES];
  /* turnover over the 12 months */
  int        leavers;
  int        turnover_bp;           /* -1: no one in post */
  /* chart figures (element-type PcnOverviewFigure) */
  GPtrArray *figures[PCN_OVERVIEW_N_CHARTS];
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_pointer (&result->ledger, pcn_ledger_unref);
  for (guint i = 0; i < PCN_OVERVIEW_N_CHARTS; i++)
    g_clear_pointer (&result->figures[i], g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

/* ------------------------------------------------------------ worker */

static GPtrArray *
figures_new (void)
{
  return g_ptr_array_new_with_free_func (g_object_unref);
}

static const char *
role_label (GPtrArray  *roles,
            const char *code,
            const char *fallback)
{
  for (guint i = 0; roles != NULL && i < roles->len; i++)
    if (g_strcmp0 (pcn_role_get_code (roles->pdata[i]), code) == 0)
      return pcn_role_get_name (roles->pdata[i]);
  return fallback != NULL ? fallback : code;
}

static gboolean
post_is_open (PcnPost *post)
{
  PcnPostStatus status = pcn_post_get_status (post);

  return status != PCN_POST_STATUS_IN_POST && status != PCN_POST_STATUS_WITHDRAWN;
}

/* WTE in post and planned (in post plus posts being recruited) by role,
 * in scheme order, for roles that have either. */
static void
work_out_wte (LoadResult     *result,
              PcnLedgerInput *input)
{
  GPtrArray *roles = input->roles;
  g_autoptr(GHashTable) in_post = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) open = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) codes = g_ptr_array_new ();

  for (guint i = 0; roles != NULL && i < roles->len; i++)
    g_ptr_array_add (codes, (gpointer) pcn_role_get_code (roles->pdata[i]));

  for (guint i = 0; input->staff != NULL && i < input->staff->len; i++)
    {
      PcnStaff *staff = input->staff->pdata[i];
      const char *code = pcn_staff_get_role_code (staff);
      int wte;

      if (pcn_staff_get_status (staff, &result->as_at) != PCN_STAFF_STATUS_IN_POST || code == NULL)
        continue;
      wte = pcn_staff_get_wte (staff);
      result->wte_in_post += wte;
      result->headcount++;
      g_hash_table_insert (in_post, (gpointer) code,
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (in_post, code)) + wte));
      if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, (gpointer) code);
    }

  for (guint i = 0; input->posts != NULL && i < input->posts->len; i++)
    {
      PcnPost *post = input->posts->pdata[i];
      const char *code = pcn_post_get_role_code (post);
      int wte;

      if (!post_is_open (post) || code == NULL)
        continue;
      wte = pcn_post_get_wte (post);
      result->wte_open += wte;
      g_hash_table_insert (open, (gpointer) code,
                           GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (open, code)) + wte));
      if (!g_ptr_array_find_with_equal_func (codes, code, g_str_equal, NULL))
        g_ptr_array_add (codes, (gpointer) code);
    }

  result->figures[0] = figures_new ();
  for (guint i = 0; i < codes->len; i++)
    {
      const char *code = codes->pdata[i];
      int now = GPOINTER_TO_INT (g_hash_table_lookup (in_post, code));
      int later = GPOINTER_TO_INT (g_hash_table_lookup (open, code));
      double values[2];

      if (now == 0 && later == 0)
        continue;
      values[0] = now / 1000.0;
      values[1] = (now + later) / 1000.0;
      g_ptr_array_add (result->figures[0],
                       pcn_overview_figure_new (role_label (roles, code, NULL), values, 2));
    }
}

/* The year month by month: in post and planned spend, the running total
 * and the allocation. */
static void
work_out_budget (LoadResult *result)
{
  PcnLedger *ledger = result->ledger;
  int current = (g_date_get_month (&result->as_at) + 12 - 4) % 12;
  gboolean any = pcn_ledger_has_allocation (ledger) || pcn_ledger_get_forecast (ledger) > 0;

  result->figures[1] = figures_new ();
  for (guint i = 0; i < PCN_LEDGER_MONTHS; i++)
    {
      const PcnLedgerMonth *month = pcn_ledger_get_month (ledger, i);
      g_autoptr(GDateTime) date = g_date_time_new_utc (month->year, month->month, 1, 0, 0, 0);
      g_autofree char *label = g_date_time_format (date, "%b");
      double values[4];

      if (pcn_ledger_get_year (ledger) == result->year && (int) i <= current &&
          pcn_financial_year_of (&result->as_at) == result->year)
        result->spent_to_date += month->in_post_pence;
      values[0] = (double) month->in_post_pence;
      values[1] = (double) month->planned_pence;
      values[2] = (double) month->cumulative_pence;
      values[3] = pcn_ledger_has_allocation (ledger) ? (double) pcn_ledger_get_allocation (ledger) : NAN;
      if (any)
        g_ptr_array_add (result->figures[1], pcn_overview_figure_new (label, values, 4));
    }
}

static gboolean
work_out_induction (LoadResult  *result,
                    PcnStore    *store,
                    GError     **error)
{
  g_autoptr(GPtrArray) starters = pcn_store_induction_progress (store, &result->as_at, NULL, error);
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) done = g_array_new (FALSE, TRUE, sizeof (guint));
  g_autoptr(GArray) total = g_array_new (FALSE, TRUE, sizeof (guint));

  if (starters == NULL)
    return FALSE;

  result->starters = starters->len;
  for (guint i = 0; i < starters->len; i++)
    {
      PcnInductionStarter *starter = starters->pdata[i];
      GPtrArray *sessions = pcn_staff_get_sessions (starter->staff);
      const char *practice = NULL;
      guint index;
      guint zero = 0;

      if (sessions != NULL && sessions->len > 0)
        practice = ((PcnSession *) sessions->pdata[0])->practice;
      if (practice == NULL)
        practice = _("No host practice");
      if (!g_ptr_array_find_with_equal_func (practices, practice, g_str_equal, &index))
        {
          index = practices->len;
          g_ptr_array_add (practices, g_strdup (practice));
          g_array_append_val (done, zero);
          g_array_append_val (total, zero);
        }

      for (guint j = 0; j < starter->checklists->len; j++)
        {
          PcnInductionProgress *progress = starter->checklists->pdata[j];

          result->items_overdue += progress->items_overdue;
          g_array_index (done, guint, index) += progress->items_done + progress->items_na;
          g_array_index (total, guint, index) += progress->items_total;
        }
    }

  result->figures[2] = figures_new ();
  for (guint i = 0; i < practices->len; i++)
    {
      guint t = g_array_index (total, guint, i);
      double value = t > 0 ? round (100.0 * g_array_index (done, guint, i) / t) : NAN;

      g_ptr_array_add (result->figures[2],
                       pcn_overview_figure_new (practices->pdata[i], &value, 1));
    }
  return TRUE;
}

static gboolean
work_out_supervision (LoadResult  *result,
                      PcnStore    *store,
                      GPtrArray   *roles,
                      GError     **error)
{
  static const PcnSupervisionStatus order[] = {
    PCN_SUPERVISION_STATUS_UP_TO_DATE,
    PCN_SUPERVISION_STATUS_DUE_SOON,
    PCN_SUPERVISION_STATUS_OVERDUE,
    PCN_SUPERVISION_STATUS_NO_SUPERVISOR,
  };
  g_autoptr(PcnSupervisionReport) report = pcn_store_compute_supervision (store, &result->as_at, error);

  if (report == NULL)
    return FALSE;

  for (guint i = 0; i < report->people->len; i++)
    {
      PcnSupervisionPerson *person = report->people->pdata[i];

      result->supervision[person->overall]++;
    }

  result->figures[3] = figures_new ();
  for (guint i = 0; i < report->roles->len; i++)
    {
      PcnSupervisionRoleSummary *summary = report->roles->pdata[i];
      double values[G_N_ELEMENTS (order)];

      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        values[k] = summary->counts[order[k]];
      g_ptr_array_add (result->figures[3],
                       pcn_overview_figure_new (role_label (roles, summary->role_code,
                                                            summary->role_name),
                                                values, G_N_ELEMENTS (order)));
    }
  return TRUE;
}

/* Headcount on the last day of each of the last N_QUARTERS financial
 * quarters (to "today" for the current one) and leavers in each. */
static void
work_out_quarters (LoadResult *result,
                   GPtrArray  *staff)
{
  int fy = pcn_financial_year_of (&result->as_at);
  int q = (g_date_get_month (&result->as_at) + 12 - 4) % 12 / 3;
  g_autoptr(PcnTurnover) everyone = NULL;
  g_autoptr(GPtrArray) turnover = NULL;

  /* The oldest quarter first. */
  q -= N_QUARTERS - 1;
  while (q < 0)
    {
      q += 4;
      fy--;
    }

  result->figures[4] = figures_new ();
  for (guint i = 0; i < N_QUARTERS; i++)
    {
      GDate start, end;
      int start_month = 4 + 3 * q;
      int start_year = fy;
      double values[2] = { 0, 0 };
      g_autofree char *label = NULL;

      if (start_month > 12)
        {
          start_month -= 12;
          start_year++;
        }
      g_date_clear (&start, 1);
      g_date_clear (&end, 1);
      g_date_set_dmy (&start, 1, start_month, start_year);
      end = start;
      g_date_add_months (&end, 3);
      g_date_subtract_days (&end, 1);
      if (g_date_compare (&end, &result->as_at) > 0)
        end = result->as_at;

      for (guint j = 0; staff != NULL && j < staff->len; j++)
        {
          PcnStaff *person = staff->pdata[j];
          const char *end_iso = pcn_staff_get_end_date (person);
          GDate left;

          if (pcn_staff_get_status (person, &end) == PCN_STAFF_STATUS_IN_POST)
            values[0]++;
          if (end_iso != NULL && pcn_date_from_iso (end_iso, &left) &&
              g_date_compare (&left, &start) >= 0 && g_date_compare (&left, &end) <= 0)
            values[1]++;
        }

      /* Translators: a financial quarter: %1$d is 1–4, %2$02d/%3$02d the year, "Q1 25/26" */
      label = g_strdup_printf (_("Q%1$d %2$02d/%3$02d"), q + 1, fy % 100, (fy + 1) % 100);
      g_ptr_array_add (result->figures[4], pcn_overview_figure_new (label, values, 2));

      if (++q == 4)
        {
          q = 0;
          fy++;
        }
    }

  turnover = pcn_turnover_compute (staff, &result->as_at);
  everyone = turnover->len > 0 ? g_ptr_array_steal_index (turnover, 0) : NULL;
  g_ptr_array_set_free_func (turnover, (GDestroyNotify) pcn_turnover_free);
  result->leavers = everyone ? everyone->leavers : 0;
  result->turnover_bp = everyone ? everyone->rate_bp : -1;
}

static gpointer
load_func (PcnStore  *store,
           gpointer   user_data,
           GError   **error)
{
  LoadData *data = user_data;
  g_autoptr(LoadResult) result = g_new0 (LoadResult, 1);
  g_autoptr(PcnLedgerData) ledger_data = NULL;
  g_autoptr(GError) claim_error = NULL;

  result->year = data->year;
  result->as_at = data->as_at;

  ledger_data = pcn_store_load_ledger_data (store, data->year, &data->as_at, error);
  if (ledger_data == NULL)
    return NULL;
  result->ledger = pcn_ledger_compute (&ledger_data->input);
  result->allocation_source = ledger_data->allocation_source;

  result->claimed_to_date = pcn_store_claimed_to_date (store, g_date_get_year (&data->as_at),
                                                       g_date_get_month (&data->as_at),
                                                       &claim_error);
  if (result->claimed_to_date < 0)
    g_debug ("No claimed to date: %s", claim_error ? claim_error->message : "unknown");

  {
    GPtrArray *checks = pcn_ledger_get_checks (result->ledger);
    g_autoptr(GHashTable) roles = g_hash_table_new (g_str_hash, g_str_equal);

    /* "rate:<ROLE>": one role may be named more than once. */
    for (guint i = 0; i < checks->len; i++)
      {
        PcnCheck *check = g_ptr_array_index (checks, i);

        if (g_str_has_prefix (check->rule_id, "rate:"))
          g_hash_table_add (roles, check->rule_id);
      }
    result->roles_without_rate = g_hash_table_size (roles);
  }

  work_out_wte (result, &ledger_data->input);
  work_out_budget (result);
  if (!work_out_induction (result, store, error))
    return NULL;
  if (!work_out_supervision (result, store, ledger_data->input.roles, error))
    return NULL;
  work_out_quarters (result, ledger_data->input.staff);

  return g_steal_pointer (&result);
}

/* -------------------------------------------------------------- show */

static char *
format_percent (int bp)
{
  /* Translators: a percentage with one decimal, "12.5%" */
  return g_strdup_printf (_("%.1f%%"), bp / 100.0);
}

static void
show_wte (PcnOverviewPage *self,
          LoadResult      *result)
{
  g_autofree char *in_post = pcn_wte_format (result->wte_in_post);
  g_autofree char *planned = pcn_wte_format (result->wte_in_post + result->wte_open);
  g_autofree char *open = pcn_wte_format (result->wte_open);
  g_autofree char *detail = NULL;

  if (result->wte_open > 0)
    /* Translators: %1$s planned WTE (in post plus posts being recruited), %2$s WTE being recruited, %3$u people */
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%1$s planned with %2$s being recruited; %3$u person in post",
                                           "%1$s planned with %2$s being recruited; %3$u people in post",
                                           result->headcount),
                              planned, open, result->headcount);
  else
    /* Translators: %1$s planned WTE, %2$u people in post */
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%1$s planned, no posts being recruited; %2$u person in post",
                                           "%1$s planned, no posts being recruited; %2$u people in post",
                                           result->headcount),
                              planned, result->headcount);
  pcn_overview_tile_set_value (self->wte_tile, in_post, PCN_OVERVIEW_TILE_NORMAL);
  pcn_overview_tile_set_detail (self->wte_tile, detail);
}

static void
show_budget (PcnOverviewPage *self,
             LoadResult      *result)
{
  PcnLedger *ledger = result->ledger;
  g_autofree char *year_name = pcn_financial_year_name (result->year);
  g_autofree char *spent = pcn_money_format (result->spent_to_date);
  g_autofree char *forecast = pcn_money_format (pcn_ledger_get_forecast (ledger));
  g_autofree char *caption = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *claimed = NULL;

  if (result->claimed_to_date >= 0)
    claimed = pcn_money_format (result->claimed_to_date);

  if (pcn_ledger_has_allocation (ledger))
    {
      gint64 allocation = pcn_ledger_get_allocation (ledger);
      gint64 headroom = pcn_ledger_get_headroom (ledger);
      g_autofree char *allocation_text = pcn_money_format (allocation);
      g_autofree char *percent = format_percent (allocation > 0
                                                 ? (int) (result->spent_to_date * 10000 / allocation)
                                                 : 0);
      g_autofree char *headroom_text = pcn_money_format (headroom >= 0 ? headroom : -headroom);
      g_autofree char *forecast_detail = NULL;

      if (claimed != NULL)
        /* Translators: %1$s percentage, %2$s the allocation, %3$s claimed so far */
        detail = g_strdup_printf (_("%1$s of the %2$s allocation; %3$s claimed so far"),
                                  percent, allocation_text, claimed);
      else
        /* Translators: %1$s percentage, %2$s the allocation */
        detail = g_strdup_printf (_("%1$s of the %2$s allocation"), percent, allocation_text);
      pcn_overview_tile_set_value (self->budget_tile, spent, PCN_OVERVIEW_TILE_NORMAL);

      if (headroom >= 0)
        /* Translators: %s money left */
        forecast_detail = g_strdup_printf (_("%s headroom left"), headroom_text);
      else
        /* Translators: %s money over */
        forecast_detail = g_strdup_printf (_("%s over the allocation"), headroom_text);
      pcn_overview_tile_set_value (self->forecast_tile, forecast,
                                   headroom >= 0 ? PCN_OVERVIEW_TILE_SUCCESS : PCN_OVERVIEW_TILE_ERROR);
      pcn_overview_tile_set_detail (self->forecast_tile, forecast_detail);
    }
  else
    {
      if (claimed != NULL)
        /* Translators: %s claimed so far */
        detail = g_strdup_printf (_("No allocation entered; %s claimed so far"), claimed);
      else
        detail = g_strdup (_("No allocation entered"));
      pcn_overview_tile_set_value (self->budget_tile, spent, PCN_OVERVIEW_TILE_WARNING);
      pcn_overview_tile_set_value (self->forecast_tile, forecast, PCN_OVERVIEW_TILE_WARNING);
      pcn_overview_tile_set_detail (self->forecast_tile,
                                    _("No allocation entered, so no headroom worked out"));
    }
  pcn_overview_tile_set_detail (self->budget_tile, detail);

  if (result->roles_without_rate > 0)
    {
      g_autofree char *note = NULL;

      /* Translators: %1$s what the tile said before; %2$u roles with no ARRS rate known for the year */
      note = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%1$s. No ARRS rate known this year for %2$u role: it counts as £0",
                                           "%1$s. No ARRS rates known this year for %2$u roles: they count as £0",
                                           result->roles_without_rate),
                              pcn_overview_tile_get_detail (self->forecast_tile),
                              result->roles_without_rate);
      pcn_overview_tile_set_detail (self->forecast_tile, note);
      pcn_overview_tile_set_value (self->forecast_tile, forecast, PCN_OVERVIEW_TILE_WARNING);
    }

  /* Translators: %s is a financial year, "2025/26" */
  caption = g_strdup_printf (_("ARRS spend to date, %s"), year_name);
  pcn_overview_tile_set_caption (self->budget_tile, caption);
  g_free (caption);
  /* Translators: %s is a financial year, "2025/26" */
  caption = g_strdup_printf (_("Forecast for %s"), year_name);
  pcn_overview_tile_set_caption (self->forecast_tile, caption);
}

static void
show_induction (PcnOverviewPage *self,
                LoadResult      *result)
{
  g_autofree char *value = g_strdup_printf ("%u", result->starters);
  g_autofree char *detail = NULL;

  if (result->starters == 0)
    detail = g_strdup (_("Nobody in their first six months"));
  else if (result->items_overdue == 0)
    detail = g_strdup (_("No checklist items overdue"));
  else
    /* Translators: %u overdue induction checklist items */
    detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u checklist item overdue",
                                           "%u checklist items overdue", result->items_overdue),
                              result->items_overdue);
  pcn_overview_tile_set_value (self->induction_tile, value,
                               result->items_overdue > 0 ? PCN_OVERVIEW_TILE_WARNING
                                                         : PCN_OVERVIEW_TILE_NORMAL);
  pcn_overview_tile_set_detail (self->induction_tile, detail);
}

static void
show_supervision (PcnOverviewPage *self,
                  LoadResult      *result)
{
  guint overdue = result->supervision[PCN_SUPERVISION_STATUS_OVERDUE];
  guint soon = result->supervision[PCN_SUPERVISION_STATUS_DUE_SOON];
  guint nobody = result->supervision[PCN_SUPERVISION_STATUS_NO_SUPERVISOR];
  g_autofree char *value = g_strdup_printf ("%u", overdue);
  g_autofree char *detail = NULL;

  /* Translators: %1$u people due soon, %2$u people with no supervisor named */
  detail = g_strdup_printf (_("%1$u due within a fortnight; %2$u with no supervisor named"), soon, nobody);
  pcn_overview_tile_set_value (self->supervision_tile, value,
                               overdue > 0 ? PCN_OVERVIEW_TILE_ERROR
                                           : nobody > 0 ? PCN_OVERVIEW_TILE_WARNING
                                                        : PCN_OVERVIEW_TILE_SUCCESS);
  pcn_overview_tile_set_detail (self->supervision_tile, detail);
}

static void
show_turnover (PcnOverviewPage *self,
               LoadResult      *result)
{
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;

  if (result->turnover_bp < 0)
    {
      value = g_strdup ("—");
      detail = g_strdup (_("Nobody in post over the last 12 months"));
    }
  else
    {
      value = format_percent (result->turnover_bp);
      /* Translators: %d leavers in the last 12 months */
      detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d leaver in the last 12 months",
                                             "%d leavers in the last 12 months", result->leavers),
                                result->leavers);
    }
  pcn_overview_tile_set_value (self->turnover_tile, value, PCN_OVERVIEW_TILE_NORMAL);
  pcn_overview_tile_set_detail (self->turnover_tile, detail);
}

static void
show_charts (PcnOverviewPage *self,
             LoadResult      *result)
{
  PcnOverviewChart *charts[PCN_OVERVIEW_N_CHARTS] = {
    self->wte_chart, self->budget_chart, self->induction_chart,
    self->supervision_chart, self->turnover_chart,
  };
  g_autofree char *year_name = pcn_financial_year_name (result->year);
  g_autofree char *budget_subtitle = NULL;

  for (guint i = 0; i < PCN_OVERVIEW_N_CHARTS; i++)
    pcn_overview_chart_set_figures (charts[i], result->figures[i]);

  if (pcn_ledger_has_allocation (result->ledger))
    /* Translators: %s is a financial year */
    budget_subtitle = g_strdup_printf (_("%s: monthly spend on staff in post and planned posts, the running total and the allocation"),
                                       year_name);
  else
    /* Translators: %s is a financial year */
    budget_subtitle = g_strdup_printf (_("%s: monthly spend on staff in post and planned posts and the running total. No allocation entered: add it on the Recruitment page."),
                                       year_name);
  g_object_set (self->budget_chart, "subtitle", budget_subtitle, NULL);
}

static void
set_loading (PcnOverviewPage *self,
             gboolean         loading)
{
  self->loading = !!loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  g_autoptr(PcnOverviewPage) self = user_data;
  g_autoptr(LoadResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  g_autofree char *year_name = NULL;
  g_autofree char *status = NULL;

  result = pcn_store_run_finish (PCN_STORE (object), async_result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  set_loading (self, FALSE);
  if (PCN_STORE (object) != self->store)
    return;

  if (result == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("Cannot work out the overview: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot work out the overview: %s"), error->message);
      gtk_label_set_text (self->status_label, message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
      return;
    }

  date = pcn_date_format_display (&result->as_at);
  year_name = pcn_financial_year_name (result->year);
  /* Translators: %1$s a date, %2$s the financial year, "2025/26" */
  status = g_strdup_printf (_("As at %1$s, financial year %2$s. Select a figure to open its page."),
                            date, year_name);
  gtk_label_set_text (self->status_label, status);

  show_wte (self, result);
  show_budget (self, result);
  show_induction (self, result);
  show_supervision (self, result);
  show_turnover (self, result);
  show_charts (self, result);
  self->n_loads++;
}

/* ----------------------------------------------------------- callbacks */

static void
on_chart_saved_cb (PcnOverviewChart *chart,
                   const char       *path,
                   GError           *error,
                   PcnOverviewPage  *self)
{
  g_autofree char *message = NULL;

  if (error != NULL)
    /* Translators: %s says why */
    message = g_strdup_printf (_("The chart was not saved: %s"), error->message);
  else
    {
      g_autofree char *name = g_filename_display_basename (path);

      /* Translators: %s is a file name */
      message = g_strdup_printf (_("Chart saved as %s"), name);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/* ------------------------------------------------------------ object */

static void
add_series (PcnOverviewPage *self)
{
  pcn_overview_chart_add_series (self->wte_chart, _("In post"), PCN_CHART_SERIES_BAR,
                                 "in-post", "accent", FALSE);
  pcn_overview_chart_add_series (self->wte_chart, _("Planned"), PCN_CHART_SERIES_BAR,
                                 "planned", "accent-soft", FALSE);

  pcn_overview_chart_add_series (self->budget_chart, _("Staff in post"), PCN_CHART_SERIES_BAR,
                                 "spend", "accent", FALSE);
  pcn_overview_chart_add_series (self->budget_chart, _("Planned posts"), PCN_CHART_SERIES_BAR,
                                 "spend", "accent-soft", FALSE);
  pcn_overview_chart_add_series (self->budget_chart, _("Running total"), PCN_CHART_SERIES_LINE,
                                 NULL, "neutral", FALSE);
  pcn_overview_chart_add_series (self->budget_chart, _("Allocation"), PCN_CHART_SERIES_LINE,
                                 NULL, "error", TRUE);

  pcn_overview_chart_add_series (self->induction_chart, _("% done"), PCN_CHART_SERIES_BAR,
                                 NULL, "success", FALSE);

  pcn_overview_chart_add_series (self->supervision_chart, _("Up to date"), PCN_CHART_SERIES_BAR,
                                 "status", "success", FALSE);
  pcn_overview_chart_add_series (self->supervision_chart, _("Due soon"), PCN_CHART_SERIES_BAR,
                                 "status", "warning", FALSE);
  pcn_overview_chart_add_series (self->supervision_chart, _("Overdue"), PCN_CHART_SERIES_BAR,
                                 "status", "error", FALSE);
  pcn_overview_chart_add_series (self->supervision_chart, _("No supervisor"), PCN_CHART_SERIES_BAR,
                                 "status", "neutral", FALSE);

  pcn_overview_chart_add_series (self->turnover_chart, _("Headcount"), PCN_CHART_SERIES_BAR,
                                 NULL, "accent-soft", FALSE);
  pcn_overview_chart_add_series (self->turnover_chart, _("Leavers"), PCN_CHART_SERIES_LINE,
                                 NULL, "error", FALSE);
}

static void
pcn_overview_page_map (GtkWidget *widget)
{
  PcnOverviewPage *self = PCN_OVERVIEW_PAGE (widget);

  GTK_WIDGET_CLASS (pcn_overview_page_parent_class)->map (widget);
  /* Another page may have changed the data since the last look. */
  if (self->store != NULL)
    pcn_overview_page_reload (self);
}

static void
pcn_overview_page_dispose (GObject *object)
{
  PcnOverviewPage *self = PCN_OVERVIEW_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_OVERVIEW_PAGE);
  G_OBJECT_CLASS (pcn_overview_page_parent_class)->dispose (object);
}

static void
pcn_overview_page_class_init (PcnOverviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_overview_page_dispose;
  widget_class->map = pcn_overview_page_map;

  g_type_ensure (PCN_TYPE_OVERVIEW_TILE);
  g_type_ensure (PCN_TYPE_OVERVIEW_CHART);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pcnworkforce/PcnWorkforce/ui/pcn-overview-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, wte_tile);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, budget_tile);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, forecast_tile);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, induction_tile);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, supervision_tile);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, turnover_tile);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, wte_chart);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, budget_chart);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, induction_chart);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, supervision_chart);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewPage, turnover_chart);
  gtk_widget_class_bind_template_callback (widget_class, on_chart_saved_cb);
}

static void
pcn_overview_page_init (PcnOverviewPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  pcn_date_set_today (&self->as_at);
  add_series (self);
  set_loading (self, FALSE);
}

void
pcn_overview_page_set_store (PcnOverviewPage *self,
                             PcnStore        *store)
{
  g_return_if_fail (PCN_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (store == NULL || PCN_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  pcn_overview_page_reload (self);
}

PcnStore *
pcn_overview_page_get_store (PcnOverviewPage *self)
{
  g_return_val_if_fail (PCN_IS_OVERVIEW_PAGE (self), NULL);

  return self->store;
}

void
pcn_overview_page_set_as_at (PcnOverviewPage *self,
                             const GDate     *as_at)
{
  g_return_if_fail (PCN_IS_OVERVIEW_PAGE (self));
  g_return_if_fail (as_at == NULL || g_date_valid (as_at));

  if (as_at != NULL)
    self->as_at = *as_at;
  else
    pcn_date_set_today (&self->as_at);
  if (self->store != NULL)
    pcn_overview_page_reload (self);
}

void
pcn_overview_page_reload (PcnOverviewPage *self)
{
  PcnOverviewChart *charts[PCN_OVERVIEW_N_CHARTS] = {
    self->wte_chart, self->budget_chart, self->induction_chart,
    self->supervision_chart, self->turnover_chart,
  };
  LoadData *data;

  g_return_if_fail (PCN_IS_OVERVIEW_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    {
      for (guint i = 0; i < PCN_OVERVIEW_N_CHARTS; i++)
        pcn_overview_chart_set_figures (charts[i], NULL);
      set_loading (self, FALSE);
      return;
    }
  /* Not shown: showing it loads. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  self->cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->as_at = self->as_at;
  data->year = pcn_financial_year_of (&self->as_at);

  set_loading (self, TRUE);
  pcn_store_run_async (self->store, load_func, data, g_free,
                       (GDestroyNotify) load_result_free, self->cancellable,
                       on_load_done_cb, g_object_ref (self));
}

/* ------------------------------------------------------------ private */

guint
_pcn_overview_page_get_n_loads (PcnOverviewPage *self)
{
  return self->n_loads;
}

gboolean
_pcn_overview_page_is_loading (PcnOverviewPage *self)
{
  return self->loading;
}

PcnOverviewTile *
_pcn_overview_page_get_tile (PcnOverviewPage   *self,
                             PcnOverviewTileId  tile)
{
  PcnOverviewTile *tiles[PCN_OVERVIEW_N_TILES] = {
    self->wte_tile, self->budget_tile, self->forecast_tile,
    self->induction_tile, self->supervision_tile, self->turnover_tile,
  };

  g_return_val_if_fail (tile < PCN_OVERVIEW_N_TILES, NULL);
  return tiles[tile];
}

PcnOverviewChart *
_pcn_overview_page_get_chart (PcnOverviewPage *self,
                              guint            index)
{
  PcnOverviewChart *charts[PCN_OVERVIEW_N_CHARTS] = {
    self->wte_chart, self->budget_chart, self->induction_chart,
    self->supervision_chart, self->turnover_chart,
  };

  g_return_val_if_fail (index < PCN_OVERVIEW_N_CHARTS, NULL);
  return charts[index];
}
