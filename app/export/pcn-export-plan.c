/* pcn-export-plan.c — the workforce plan workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pcn-export.h"
#include "pcn-export-private.h"

#define WTE_FORMAT   "0.0##"
#define MONEY_FORMAT "\"£\"#,##0.00;[Red]-\"£\"#,##0.00"
#define MONTH_FORMAT "mmm yyyy"

#define N_QUARTERS 4

enum
{
  ROW_TITLE,
  ROW_ODS_CODE,
  ROW_YEAR,
  ROW_ALLOCATION,
  ROW_FORECAST,
  ROW_HEADROOM,
  ROW_GENERATED,
  ROW_SPACER,
  ROW_GROUP_HEADER,
  ROW_TABLE_HEADER,
  ROW_FIRST_ROLE,
};

/* Plan sheet columns: role, in post on 1 April, then in post and planned
 * for each quarter, then the expected cost. */
#define PCOL_ROLE       0
#define PCOL_START      1
#define PCOL_QUARTER(q) (2 + 2 * (q))
#define PCOL_COST       (2 + 2 * N_QUARTERS)
#define N_PLAN_COLUMNS  (PCOL_COST + 1)

/* Monthly ledger sheet */
enum
{
  LCOL_MONTH,
  LCOL_IN_POST,
  LCOL_PLANNED,
  LCOL_TOTAL,
  LCOL_CUMULATIVE,
  LCOL_ALLOCATION,
  N_LEDGER_COLUMNS
};

typedef struct
{
  lxw_format *title;
  lxw_format *label;
  lxw_format *header;
  lxw_format *month;
  lxw_format *datetime;
  lxw_format *wte;
  lxw_format *money;
  lxw_format *total;
  lxw_format *total_wte;
  lxw_format *total_money;
} Formats;

typedef struct
{
  const char *code;
  const char *name;
  int         start_wte;                 /* thousandths */
  int         in_post[N_QUARTERS];
  int         planned[N_QUARTERS];
  gint64      cost;
} RoleRow;

static lxw_format *
add_format (PcnXlsx    *xlsx,
            gboolean    bold,
            gboolean    top_border,
            const char *num_format)
{
  lxw_format *format = _pcn_xlsx_add_format (xlsx);

  if (format == NULL)
    return NULL;
  if (bold)
    format_set_bold (format);
  if (top_border)
    format_set_top (format, LXW_BORDER_THIN);
  if (num_format != NULL)
    format_set_num_format (format, num_format);
  return format;
}

static void
add_formats (PcnXlsx *xlsx,
             Formats *f)
{
  f->title = add_format (xlsx, TRUE, FALSE, NULL);
  if (f->title != NULL)
    format_set_font_size (f->title, 14);
  f->label = add_format (xlsx, TRUE, FALSE, NULL);
  f->header = add_format (xlsx, TRUE, FALSE, NULL);
  if (f->header != NULL)
    {
      format_set_bottom (f->header, LXW_BORDER_THIN);
      format_set_bg_color (f->header, 0xDDE4EE);
      format_set_text_wrap (f->header);
      format_set_align (f->header, LXW_ALIGN_VERTICAL_TOP);
    }
  f->month = add_format (xlsx, FALSE, FALSE, MONTH_FORMAT);
  if (f->month != NULL)
    format_set_align (f->month, LXW_ALIGN_LEFT);
  f->datetime = add_format (xlsx, FALSE, FALSE, NULL);
  if (f->datetime != NULL)
    {
      format_set_num_format_index (f->datetime, 22);
      format_set_align (f->datetime, LXW_ALIGN_LEFT);
    }
  f->wte = add_format (xlsx, FALSE, FALSE, WTE_FORMAT);
  f->money = add_format (xlsx, FALSE, FALSE, MONEY_FORMAT);
  f->total = add_format (xlsx, TRUE, TRUE, NULL);
  f->total_wte = add_format (xlsx, TRUE, TRUE, WTE_FORMAT);
  f->total_money = add_format (xlsx, TRUE, TRUE, MONEY_FORMAT);
}

static RoleRow *
get_role_row (GHashTable *by_code,
              GPtrArray  *order,
              const char *code)
{
  RoleRow *rr = g_hash_table_lookup (by_code, code);

  if (rr == NULL)
    {
      rr = g_new0 (RoleRow, 1);
      rr->code = code;
      rr->name = code;
      g_hash_table_insert (by_code, (gpointer) code, rr);
      g_ptr_array_add (order, rr);
    }
  return rr;
}

static int
compare_role_rows (gconstpointer a,
                   gconstpointer b)
{
  const RoleRow *ra = *(const RoleRow * const *) a;
  const RoleRow *rb = *(const RoleRow * const *) b;

  return g_utf8_collate (ra->name, rb->name);
}

/* The roles of the plan, with their WTE and cost, sorted by name
 * (element-type RoleRow) (transfer full). */
static GPtrArray *
collect_roles (PcnLedger *ledger,
               GPtrArray *staff,
               GPtrArray *posts)
{
  g_autoptr(GHashTable) by_code = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *order = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *lines = pcn_ledger_get_lines (ledger);
  int year = pcn_ledger_get_year (ledger);
  GDate first, ends[N_QUARTERS];

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, G_DATE_APRIL, year);
  for (int q = 0; q < N_QUARTERS; q++)
    {
      int y, m;

      pcn_ledger_month_date (year, 3 * q + 2, &y, &m);
      g_date_clear (&ends[q], 1);
      g_date_set_dmy (&ends[q], g_date_get_days_in_month (m, y), m, y);
    }

  for (guint i = 0; staff != NULL && i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      const char *code = pcn_staff_get_role_code (s);
      RoleRow *rr;

      if (code == NULL || !pcn_staff_get_claimable (s))
        continue;
      rr = get_role_row (by_code, order, code);
      if (pcn_staff_get_role_name (s) != NULL && *pcn_staff_get_role_name (s) != '\0')
        rr->name = pcn_staff_get_role_name (s);
      if (pcn_staff_get_status (s, &first) == PCN_STAFF_STATUS_IN_POST)
        rr->start_wte += pcn_staff_get_wte (s);
      for (int q = 0; q < N_QUARTERS; q++)
        if (pcn_staff_get_status (s, &ends[q]) == PCN_STAFF_STATUS_IN_POST)
          rr->in_post[q] += pcn_staff_get_wte (s);
    }

  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      PcnPost *p = g_ptr_array_index (posts, i);
      const char *code = pcn_post_get_role_code (p);
      GDate start;
      RoleRow *rr;

      if (code == NULL || !pcn_post_is_planned (p) ||
          !pcn_date_from_iso (pcn_post_get_start_date (p), &start))
        continue;
      rr = get_role_row (by_code, order, code);
      for (int q = 0; q < N_QUARTERS; q++)
        if (g_date_compare (&start, &ends[q]) <= 0)
          rr->planned[q] += pcn_post_get_wte (p);
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const PcnLedgerLine *line = g_ptr_array_index (lines, i);

      if (line->role_code != NULL)
        get_role_row (by_code, order, line->role_code)->cost += line->total_pence;
    }

  g_ptr_array_sort (order, compare_role_rows);
  return order;
}

static void
write_sum (PcnXlsx       *xlsx,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           lxw_col_t      col,
           lxw_row_t      first,
           lxw_row_t      last,
           lxw_format    *format,
           double         result)
{
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  char formula[LXW_MAX_CELL_RANGE_LENGTH + 8];

  if (last < first)
    {
      _pcn_xlsx_write_number (xlsx, sheet, row, col, 0, format);
      return;
    }
  lxw_rowcol_to_range (range, first, col, last, col);
  g_snprintf (formula, sizeof formula, "=SUM(%s)", range);
  _pcn_xlsx_write_formula (xlsx, sheet, row, col, formula, format, result);
}

static void
set_up_print (PcnXlsx       *xlsx,
              lxw_worksheet *sheet,
              lxw_row_t      header_row,
              lxw_row_t      last_row,
              lxw_col_t      last_col)
{
  if (!_pcn_xlsx_ok (xlsx))
    return;
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9 /* A4 */);
  worksheet_fit_to_pages (sheet, 1, 0);
  _pcn_xlsx_check (xlsx, worksheet_repeat_rows (sheet, header_row, header_row));
  _pcn_xlsx_check (xlsx, worksheet_print_area (sheet, 0, 0, last_row, last_col));
  /* Translators: a workbook's printed footer. &P is the page number and &N
   * the number of pages: keep both as they are. A lone & must be written && */
  _pcn_xlsx_check (xlsx, worksheet_set_footer (sheet, _("&CPage &P of &N")));
}

static void
write_plan_sheet (PcnXlsx    *xlsx,
                  Formats    *f,
                  PcnNetwork *network,
                  PcnLedger  *ledger,
                  GPtrArray  *roles,
                  const char *ledger_sheet_name)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = NULL;
  lxw_worksheet *sheet;
  lxw_row_t total_row = ROW_FIRST_ROLE + roles->len;
  int totals_start = 0, totals_in[N_QUARTERS] = { 0 }, totals_planned[N_QUARTERS] = { 0 };
  gint64 total_cost = 0;
  char formula[128];

  /* Translators: a worksheet name: at most 31 characters, none of []:*?/\ */
  sheet = _pcn_xlsx_add_worksheet (xlsx, _("Plan"), "Plan");
  if (sheet == NULL)
    return;

  /* Translators: %1$s is the PCN, %2$s a financial year, "2025/26" */
  title = g_strdup_printf (_("%1$s — ARRS workforce plan %2$s"), pcn_network_get_name (network),
                           pcn_ledger_get_year_name (ledger));
  _pcn_xlsx_write_text (xlsx, sheet, ROW_TITLE, 0, title, f->title);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_ODS_CODE, 0, _("ODS code"), f->label);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_ODS_CODE, 1, pcn_network_get_ods_code (network), NULL);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_YEAR, 0, _("Financial year"), f->label);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_YEAR, 1, pcn_ledger_get_year_name (ledger), NULL);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_ALLOCATION, 0, _("ARRS allocation"), f->label);
  if (pcn_ledger_has_allocation (ledger))
    _pcn_xlsx_write_number (xlsx, sheet, ROW_ALLOCATION, 1,
                            pcn_ledger_get_allocation (ledger) / 100.0, f->money);
  else
    _pcn_xlsx_write_text (xlsx, sheet, ROW_ALLOCATION, 1, _("Not known"), NULL);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_FORECAST, 0, _("Forecast spend"), f->label);
  /* The ledger sheet's total row (in A1 terms): the header, 12 months, then it. */
  g_snprintf (formula, sizeof formula, "='%s'!D%d", ledger_sheet_name, 1 + PCN_LEDGER_MONTHS + 1);
  _pcn_xlsx_write_formula (xlsx, sheet, ROW_FORECAST, 1, formula, f->money,
                           pcn_ledger_get_forecast (ledger) / 100.0);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_HEADROOM, 0, _("Headroom"), f->label);
  if (pcn_ledger_has_allocation (ledger))
    {
      g_snprintf (formula, sizeof formula, "=B%d-B%d", ROW_ALLOCATION + 1, ROW_FORECAST + 1);
      _pcn_xlsx_write_formula (xlsx, sheet, ROW_HEADROOM, 1, formula, f->money,
                               pcn_ledger_get_headroom (ledger) / 100.0);
    }
  else
    _pcn_xlsx_write_text (xlsx, sheet, ROW_HEADROOM, 1, _("Not known"), NULL);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_GENERATED, 0, _("Generated"), f->label);
  _pcn_xlsx_write_datetime (xlsx, sheet, ROW_GENERATED, 1, now, f->datetime);

  /* Two header rows: the quarter over its two columns. */
  _pcn_xlsx_write_text (xlsx, sheet, ROW_GROUP_HEADER, PCOL_ROLE, NULL, f->header);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_TABLE_HEADER, PCOL_ROLE, _("Role"), f->header);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_GROUP_HEADER, PCOL_START, NULL, f->header);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_TABLE_HEADER, PCOL_START, _("WTE in post on 1 April"),
                        f->header);
  for (int q = 0; q < N_QUARTERS; q++)
    {
      g_autofree char *quarter = NULL;

      /* Translators: a quarter of the financial year: "Q1 (to 30 June)" */
      static const char * const ends[N_QUARTERS] = {
        N_("Q1 (to 30 June)"), N_("Q2 (to 30 September)"),
        N_("Q3 (to 31 December)"), N_("Q4 (to 31 March)"),
      };

      quarter = g_strdup (_(ends[q]));
      _pcn_xlsx_write_text (xlsx, sheet, ROW_GROUP_HEADER, PCOL_QUARTER (q), quarter, f->header);
      _pcn_xlsx_write_text (xlsx, sheet, ROW_GROUP_HEADER, PCOL_QUARTER (q) + 1, NULL, f->header);
      _pcn_xlsx_write_text (xlsx, sheet, ROW_TABLE_HEADER, PCOL_QUARTER (q), _("WTE in post"),
                            f->header);
      _pcn_xlsx_write_text (xlsx, sheet, ROW_TABLE_HEADER, PCOL_QUARTER (q) + 1,
                            _("WTE planned"), f->header);
    }
  _pcn_xlsx_write_text (xlsx, sheet, ROW_GROUP_HEADER, PCOL_COST, NULL, f->header);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_TABLE_HEADER, PCOL_COST, _("Expected cost (year)"),
                        f->header);

  for (guint i = 0; i < roles->len; i++)
    {
      const RoleRow *rr = g_ptr_array_index (roles, i);
      lxw_row_t row = ROW_FIRST_ROLE + i;

      _pcn_xlsx_write_text (xlsx, sheet, row, PCOL_ROLE, rr->name, NULL);
      _pcn_xlsx_write_number (xlsx, sheet, row, PCOL_START, rr->start_wte / 1000.0, f->wte);
      totals_start += rr->start_wte;
      for (int q = 0; q < N_QUARTERS; q++)
        {
          _pcn_xlsx_write_number (xlsx, sheet, row, PCOL_QUARTER (q), rr->in_post[q] / 1000.0,
                                  f->wte);
          _pcn_xlsx_write_number (xlsx, sheet, row, PCOL_QUARTER (q) + 1,
                                  rr->planned[q] / 1000.0, f->wte);
          totals_in[q] += rr->in_post[q];
          totals_planned[q] += rr->planned[q];
        }
      _pcn_xlsx_write_number (xlsx, sheet, row, PCOL_COST, rr->cost / 100.0, f->money);
      total_cost += rr->cost;
    }

  for (lxw_col_t col = 0; col < N_PLAN_COLUMNS; col++)
    _pcn_xlsx_write_blank (xlsx, sheet, total_row, col, f->total);
  _pcn_xlsx_write_text (xlsx, sheet, total_row, PCOL_ROLE, _("Total"), f->total);
  write_sum (xlsx, sheet, total_row, PCOL_START, ROW_FIRST_ROLE, total_row - 1, f->total_wte,
             totals_start / 1000.0);
  for (int q = 0; q < N_QUARTERS; q++)
    {
      write_sum (xlsx, sheet, total_row, PCOL_QUARTER (q), ROW_FIRST_ROLE, total_row - 1,
                 f->total_wte, totals_in[q] / 1000.0);
      write_sum (xlsx, sheet, total_row, PCOL_QUARTER (q) + 1, ROW_FIRST_ROLE, total_row - 1,
                 f->total_wte, totals_planned[q] / 1000.0);
    }
  write_sum (xlsx, sheet, total_row, PCOL_COST, ROW_FIRST_ROLE, total_row - 1, f->total_money,
             total_cost / 100.0);

  if (!_pcn_xlsx_ok (xlsx))
    return;
  _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, PCOL_ROLE, PCOL_ROLE, 34, NULL));
  _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, PCOL_START, PCOL_COST - 1, 12, NULL));
  _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, PCOL_COST, PCOL_COST, 16, NULL));
  worksheet_freeze_panes (sheet, ROW_FIRST_ROLE, 1);
  _pcn_xlsx_check (xlsx, worksheet_autofilter (sheet, ROW_TABLE_HEADER, 0,
                                               roles->len > 0 ? total_row - 1 : ROW_TABLE_HEADER,
                                               N_PLAN_COLUMNS - 1));
  set_up_print (xlsx, sheet, ROW_TABLE_HEADER, total_row, N_PLAN_COLUMNS - 1);
}

static void
add_chart (PcnXlsx       *xlsx,
           lxw_worksheet *sheet,
           const char    *sheet_name,
           uint8_t        type,
           const char    *title,
           const int     *value_cols,
           guint          n_values,
           lxw_row_t      at_row)
{
  lxw_chart *chart;

  if (!_pcn_xlsx_ok (xlsx))
    return;
  chart = _pcn_xlsx_add_chart (xlsx, type);
  if (chart == NULL)
    return;
  chart_title_set_name (chart, title);
  for (guint i = 0; i < n_values; i++)
    {
      lxw_chart_series *series = chart_add_series (chart, NULL, NULL);

      if (series == NULL)
        {
          _pcn_xlsx_check (xlsx, LXW_ERROR_MEMORY_MALLOC_FAILED);
          return;
        }
      chart_series_set_categories (series, sheet_name, 1, LCOL_MONTH, PCN_LEDGER_MONTHS,
                                   LCOL_MONTH);
      chart_series_set_values (series, sheet_name, 1, value_cols[i], PCN_LEDGER_MONTHS,
                               value_cols[i]);
      chart_series_set_name_range (series, sheet_name, 0, value_cols[i]);
    }
  chart_axis_set_num_format (chart->y_axis, "\"£\"#,##0");
  chart_axis_set_num_format (chart->x_axis, MONTH_FORMAT);
  chart_legend_set_position (chart, LXW_CHART_LEGEND_BOTTOM);
  _pcn_xlsx_check (xlsx, worksheet_insert_chart (sheet, at_row, N_LEDGER_COLUMNS + 1, chart));
}

static void
write_ledger_sheet (PcnXlsx    *xlsx,
                    Formats    *f,
                    PcnLedger  *ledger,
                    const char *sheet_name)
{
  static const char * const titles[N_LEDGER_COLUMNS] = {
    N_("Month"), N_("Staff in post"), N_("Planned posts"), N_("Total"), N_("Cumulative"),
    N_("Allocation"),
  };
  static const int spend_cols[] = { LCOL_TOTAL };
  static const int cumulative_cols[] = { LCOL_CUMULATIVE, LCOL_ALLOCATION };
  lxw_worksheet *sheet;
  lxw_row_t total_row = 1 + PCN_LEDGER_MONTHS;
  gboolean has_allocation = pcn_ledger_has_allocation (ledger);
  gint64 in_post = 0, planned = 0;
  char formula[64];

  sheet = _pcn_xlsx_add_worksheet (xlsx, sheet_name, "Monthly ledger");
  if (sheet == NULL)
    return;

  for (int col = 0; col < N_LEDGER_COLUMNS; col++)
    _pcn_xlsx_write_text (xlsx, sheet, 0, col, _(titles[col]), f->header);

  for (guint i = 0; i < PCN_LEDGER_MONTHS; i++)
    {
      const PcnLedgerMonth *m = pcn_ledger_get_month (ledger, i);
      lxw_row_t row = 1 + i;
      unsigned r = row + 1;
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 1, m->month, m->year);
      _pcn_xlsx_write_date (xlsx, sheet, row, LCOL_MONTH, &d, f->month);
      _pcn_xlsx_write_number (xlsx, sheet, row, LCOL_IN_POST, m->in_post_pence / 100.0, f->money);
      _pcn_xlsx_write_number (xlsx, sheet, row, LCOL_PLANNED, m->planned_pence / 100.0, f->money);
      g_snprintf (formula, sizeof formula, "=B%u+C%u", r, r);
      _pcn_xlsx_write_formula (xlsx, sheet, row, LCOL_TOTAL, formula, f->money,
                               m->total_pence / 100.0);
      if (i == 0)
        g_snprintf (formula, sizeof formula, "=D%u", r);
      else
        g_snprintf (formula, sizeof formula, "=E%u+D%u", r - 1, r);
      _pcn_xlsx_write_formula (xlsx, sheet, row, LCOL_CUMULATIVE, formula, f->money,
                               m->cumulative_pence / 100.0);
      if (has_allocation)
        _pcn_xlsx_write_number (xlsx, sheet, row, LCOL_ALLOCATION,
                                pcn_ledger_get_allocation (ledger) / 100.0, f->money);
      in_post += m->in_post_pence;
      planned += m->planned_pence;
    }

  for (int col = 0; col < N_LEDGER_COLUMNS; col++)
    _pcn_xlsx_write_blank (xlsx, sheet, total_row, col, f->total);
  _pcn_xlsx_write_text (xlsx, sheet, total_row, LCOL_MONTH, _("Total"), f->total);
  write_sum (xlsx, sheet, total_row, LCOL_IN_POST, 1, PCN_LEDGER_MONTHS, f->total_money,
             in_post / 100.0);
  write_sum (xlsx, sheet, total_row, LCOL_PLANNED, 1, PCN_LEDGER_MONTHS, f->total_money,
             planned / 100.0);
  write_sum (xlsx, sheet, total_row, LCOL_TOTAL, 1, PCN_LEDGER_MONTHS, f->total_money,
             pcn_ledger_get_forecast (ledger) / 100.0);

  if (!_pcn_xlsx_ok (xlsx))
    return;
  _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, 0, 0, 12, NULL));
  _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, 1, N_LEDGER_COLUMNS - 1, 15, NULL));
  worksheet_freeze_panes (sheet, 1, 1);

  add_chart (xlsx, sheet, sheet_name, LXW_CHART_COLUMN,
             _("Monthly ARRS spend"), spend_cols, G_N_ELEMENTS (spend_cols), 0);
  add_chart (xlsx, sheet, sheet_name, LXW_CHART_LINE,
             _("Cumulative spend against the allocation"), cumulative_cols,
             has_allocation ? 2 : 1, 16);
  set_up_print (xlsx, sheet, 0, total_row, N_LEDGER_COLUMNS - 1);
}

gboolean
pcn_export_plan (const char  *path,
                 PcnNetwork  *network,
                 PcnLedger   *ledger,
                 GPtrArray   *staff,
                 GPtrArray   *posts,
                 GError     **error)
{
  g_autoptr(PcnXlsx) xlsx = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autofree char *ledger_sheet_name = NULL;
  Formats f = { 0 };

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (PCN_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (ledger != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  xlsx = _pcn_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;

  roles = collect_roles (ledger, staff, posts);

  _pcn_xlsx_set_properties (xlsx, _("ARRS workforce plan"), pcn_network_get_name (network));
  add_formats (xlsx, &f);

  /* Translators: a worksheet name: at most 31 characters, none of []:*?/\' */
  ledger_sheet_name = g_strdup (_("Monthly ledger"));
  /* The plan sheet refers to it by name: a name Excel would refuse falls
   * back to English here, not only in _pcn_xlsx_add_worksheet(). */
  if (strpbrk (ledger_sheet_name, "[]:*?/\\'") != NULL ||
      g_utf8_strlen (ledger_sheet_name, -1) > 31 || *ledger_sheet_name == '\0')
    {
      g_free (ledger_sheet_name);
      ledger_sheet_name = g_strdup ("Monthly ledger");
    }

  write_plan_sheet (xlsx, &f, network, ledger, roles, ledger_sheet_name);
  write_ledger_sheet (xlsx, &f, ledger, ledger_sheet_name);

  return _pcn_xlsx_commit (xlsx, error);
}
