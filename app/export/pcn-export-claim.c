/* pcn-export-claim.c — the monthly ARRS claim workbook
 *
 * The maximum and the claim are live formulas written so that Excel and
 * LibreOffice give exactly the application's pence: each works on whole
 * pence and thousandths of a WTE (ROUND(x*100,0), ROUND(WTE*1000,0)), so the
 * only division that can land on half a penny is exact in binary floating
 * point, and ROUND takes halves away from zero — up, for these positive
 * amounts — as pcn_pro_rata_max() and pcn_apply_share() do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pcn-export.h"
#include "pcn-export-private.h"

typedef enum
{
  COL_NAME,
  COL_PAYROLL_ID,
  COL_ROLE,
  COL_WTE,
  COL_DAYS_IN_POST,
  COL_DAYS_IN_MONTH,
  COL_ANNUAL_MAX,
  COL_ACTUAL,
  COL_ESTIMATE,
  COL_SHARE,
  COL_MAX,
  COL_CLAIM,
  COL_WARNINGS,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  double      min_width;
  double      max_width;
} columns[N_COLUMNS] = {
  [COL_NAME]          = { N_("Name"),           18, 40 },
  [COL_PAYROLL_ID]    = { N_("Payroll ID"),     12, 20 },
  [COL_ROLE]          = { N_("Role"),           16, 40 },
  [COL_WTE]           = { N_("WTE"),             8,  8 },
  [COL_DAYS_IN_POST]  = { N_("Days in post"),    8,  8 },
  [COL_DAYS_IN_MONTH] = { N_("Days in month"),   8,  8 },
  [COL_ANNUAL_MAX]    = { N_("Annual maximum"), 14, 14 },
  [COL_ACTUAL]        = { N_("Actual cost"),    13, 13 },
  [COL_ESTIMATE]      = { N_("Estimate"),        9,  9 },
  [COL_SHARE]         = { N_("ARRS share"),      9,  9 },
  [COL_MAX]           = { N_("Maximum"),        13, 13 },
  [COL_CLAIM]         = { N_("Claim"),          13, 13 },
  [COL_WARNINGS]      = { N_("Warnings"),       20, 60 },
};

enum
{
  ROW_TITLE,
  ROW_ODS_CODE,
  ROW_MONTH,
  ROW_YEAR,
  ROW_ALLOCATION,
  ROW_CLAIMED_BEFORE,
  ROW_THIS_CLAIM,
  ROW_REMAINING,
  ROW_GENERATED,
  ROW_SPACER,
  ROW_TABLE_HEADER,
  ROW_FIRST_LINE,
};

#define NUM_FORMAT_SHORT_DATE     14
#define NUM_FORMAT_SHORT_DATETIME 22

#define WTE_FORMAT   "0.0##"
#define MONEY_FORMAT "\"£\"#,##0.00"
#define SHARE_FORMAT "0%"
#define MONTH_FORMAT "mmmm yyyy"

typedef struct
{
  lxw_format *title;
  lxw_format *label;
  lxw_format *header;
  lxw_format *month;
  lxw_format *date;
  lxw_format *datetime;
  lxw_format *wte;
  lxw_format *money;
  lxw_format *share;
  lxw_format *formula_money;
  lxw_format *total;
  lxw_format *total_wte;
  lxw_format *total_money;
  lxw_format *note;
  lxw_format *sign;
} Formats;

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
  f->date = add_format (xlsx, FALSE, FALSE, NULL);
  if (f->date != NULL)
    format_set_num_format_index (f->date, NUM_FORMAT_SHORT_DATE);
  f->datetime = add_format (xlsx, FALSE, FALSE, NULL);
  if (f->datetime != NULL)
    {
      format_set_num_format_index (f->datetime, NUM_FORMAT_SHORT_DATETIME);
      format_set_align (f->datetime, LXW_ALIGN_LEFT);
    }
  f->wte = add_format (xlsx, FALSE, FALSE, WTE_FORMAT);
  f->money = add_format (xlsx, FALSE, FALSE, MONEY_FORMAT);
  f->share = add_format (xlsx, FALSE, FALSE, SHARE_FORMAT);
  f->formula_money = add_format (xlsx, FALSE, FALSE, MONEY_FORMAT);
  if (f->formula_money != NULL)
    format_set_bg_color (f->formula_money, 0xF2F2F2);
  f->total = add_format (xlsx, TRUE, TRUE, NULL);
  f->total_wte = add_format (xlsx, TRUE, TRUE, WTE_FORMAT);
  f->total_money = add_format (xlsx, TRUE, TRUE, MONEY_FORMAT);
  f->note = add_format (xlsx, FALSE, FALSE, NULL);
  if (f->note != NULL)
    format_set_italic (f->note);
  f->sign = add_format (xlsx, FALSE, FALSE, NULL);
  if (f->sign != NULL)
    format_set_bottom (f->sign, LXW_BORDER_THIN);
}

static void
widen (double     *widths,
       Column      col,
       const char *text)
{
  if (text != NULL)
    widths[col] = MAX (widths[col], (double) g_utf8_strlen (text, -1) + 2);
}

static char *
dup_month_name (int year,
                int month)
{
  GDate d;
  char buf[64];

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, month, year);
  /* Translators: a month and year, see strftime(3) */
  if (g_date_strftime (buf, sizeof buf, _("%B %Y"), &d) == 0)
    return g_strdup_printf ("%04d-%02d", year, month);
  return g_strdup (buf);
}

static void
write_header_block (PcnXlsx       *xlsx,
                    lxw_worksheet *sheet,
                    Formats       *f,
                    PcnNetwork    *network,
                    PcnClaim      *claim,
                    gint64         allocation,
                    gint64         claimed_before,
                    lxw_row_t      total_row)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *month = dup_month_name (pcn_claim_get_year (claim), pcn_claim_get_month (claim));
  g_autofree char *title = NULL;
  char formula[64];
  char cell[LXW_MAX_CELL_NAME_LENGTH];
  GDate first;

  /* Translators: the claim workbook's title: %1$s is the PCN, %2$s a month */
  title = g_strdup_printf (_("%1$s — ARRS claim for %2$s"), pcn_network_get_name (network), month);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_TITLE, 0, title, f->title);

  _pcn_xlsx_write_text (xlsx, sheet, ROW_ODS_CODE, 0, _("ODS code"), f->label);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_ODS_CODE, 2, pcn_network_get_ods_code (network), NULL);

  _pcn_xlsx_write_text (xlsx, sheet, ROW_MONTH, 0, _("Claim month"), f->label);
  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, pcn_claim_get_month (claim), pcn_claim_get_year (claim));
  _pcn_xlsx_write_date (xlsx, sheet, ROW_MONTH, 2, &first, f->month);

  _pcn_xlsx_write_text (xlsx, sheet, ROW_YEAR, 0, _("Financial year"), f->label);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_YEAR, 2, pcn_claim_get_financial_year_name (claim), NULL);

  _pcn_xlsx_write_text (xlsx, sheet, ROW_ALLOCATION, 0, _("ARRS allocation"), f->label);
  if (allocation >= 0)
    _pcn_xlsx_write_number (xlsx, sheet, ROW_ALLOCATION, 2, allocation / 100.0, f->money);
  else
    _pcn_xlsx_write_text (xlsx, sheet, ROW_ALLOCATION, 2, _("Not known"), NULL);

  _pcn_xlsx_write_text (xlsx, sheet, ROW_CLAIMED_BEFORE, 0,
                        _("Claimed to date (before this month)"), f->label);
  _pcn_xlsx_write_number (xlsx, sheet, ROW_CLAIMED_BEFORE, 2, claimed_before / 100.0, f->money);

  _pcn_xlsx_write_text (xlsx, sheet, ROW_THIS_CLAIM, 0, _("This claim"), f->label);
  lxw_rowcol_to_cell (cell, total_row, COL_CLAIM);
  g_snprintf (formula, sizeof formula, "=%s", cell);
  _pcn_xlsx_write_formula (xlsx, sheet, ROW_THIS_CLAIM, 2, formula, f->money,
                           pcn_claim_get_total_claim (claim) / 100.0);

  _pcn_xlsx_write_text (xlsx, sheet, ROW_REMAINING, 0, _("Allocation remaining after this claim"),
                        f->label);
  if (allocation >= 0)
    {
      gint64 remaining = pcn_claim_allocation_remaining (allocation, claimed_before +
                                                         pcn_claim_get_total_claim (claim));

      g_snprintf (formula, sizeof formula, "=C%d-C%d-C%d",
                  ROW_ALLOCATION + 1, ROW_CLAIMED_BEFORE + 1, ROW_THIS_CLAIM + 1);
      _pcn_xlsx_write_formula (xlsx, sheet, ROW_REMAINING, 2, formula, f->money,
                               remaining / 100.0);
    }
  else
    _pcn_xlsx_write_text (xlsx, sheet, ROW_REMAINING, 2, _("Not known"), NULL);

  _pcn_xlsx_write_text (xlsx, sheet, ROW_GENERATED, 0, _("Generated"), f->label);
  _pcn_xlsx_write_datetime (xlsx, sheet, ROW_GENERATED, 2, now, f->datetime);
}

typedef struct
{
  const char *yes;
  const char *no;
  char       *warnings[16];  /* by PcnClaimWarnings value, made on first use */
} Words;

static const char *
get_warnings_text (Words            *words,
                   PcnClaimWarnings  warnings)
{
  guint i = (guint) warnings & 15;

  if (words->warnings[i] == NULL)
    words->warnings[i] = pcn_claim_warnings_describe (warnings);
  return words->warnings[i];
}

static void
write_line (PcnXlsx            *xlsx,
            lxw_worksheet      *sheet,
            Formats            *f,
            Words              *words,
            lxw_row_t           row,
            const PcnClaimLine *line,
            double             *widths)
{
  const char *warnings = get_warnings_text (words, line->warnings);
  unsigned r = row + 1;   /* the row's number in A1 references */
  char formula[160];

#define TEXT(col, text) G_STMT_START {                                 \
    const char *text_ = (text);                                         \
    _pcn_xlsx_write_text (xlsx, sheet, row, col, text_, NULL);          \
    widen (widths, col, text_);                                         \
  } G_STMT_END

  TEXT (COL_NAME, line->name);
  TEXT (COL_PAYROLL_ID, line->payroll_id);
  TEXT (COL_ROLE, line->role_name);
  _pcn_xlsx_write_number (xlsx, sheet, row, COL_WTE, line->wte / (double) PCN_WTE_FULL, f->wte);
  _pcn_xlsx_write_number (xlsx, sheet, row, COL_DAYS_IN_POST, line->days_in_post, NULL);
  _pcn_xlsx_write_number (xlsx, sheet, row, COL_DAYS_IN_MONTH, line->days_in_month, NULL);
  /* No rate known: left empty, so the maximum (and the claim) come to 0. */
  if (line->annual_max_pence >= 0)
    _pcn_xlsx_write_number (xlsx, sheet, row, COL_ANNUAL_MAX, line->annual_max_pence / 100.0,
                            f->money);
  _pcn_xlsx_write_number (xlsx, sheet, row, COL_ACTUAL, line->actual_pence / 100.0, f->money);
  _pcn_xlsx_write_text (xlsx, sheet, row, COL_ESTIMATE,
                        line->actual_is_estimate ? words->yes : words->no, NULL);
  _pcn_xlsx_write_number (xlsx, sheet, row, COL_SHARE, line->share_percent / 100.0, f->share);

  /* max = annual × WTE × days ÷ days in month ÷ 12, in whole pence */
  g_snprintf (formula, sizeof formula,
              "=ROUND(ROUND(G%u*100,0)*ROUND(D%u*1000,0)*E%u/(F%u*12000),0)/100",
              r, r, r, r);
  _pcn_xlsx_write_formula (xlsx, sheet, row, COL_MAX, formula, f->formula_money,
                           MAX (line->max_pence, 0) / 100.0);

  /* claim = min (actual, max) × share, in whole pence. A person who is not
   * claimable claims nothing whatever the figures say. */
  if (line->warnings & PCN_CLAIM_WARNING_NOT_CLAIMABLE)
    _pcn_xlsx_write_number (xlsx, sheet, row, COL_CLAIM, 0, f->formula_money);
  else
    {
      g_snprintf (formula, sizeof formula,
                  "=ROUND(ROUND(MIN(H%u,K%u)*100,0)*ROUND(J%u*100,0)/100,0)/100",
                  r, r, r);
      _pcn_xlsx_write_formula (xlsx, sheet, row, COL_CLAIM, formula, f->formula_money,
                               line->claim_pence / 100.0);
    }
  TEXT (COL_WARNINGS, warnings);

#undef TEXT
}

static void
write_sum (PcnXlsx       *xlsx,
           lxw_worksheet *sheet,
           lxw_row_t      row,
           Column         col,
           lxw_row_t      last,
           lxw_format    *format,
           double         result)
{
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  char formula[LXW_MAX_CELL_RANGE_LENGTH + 8];

  lxw_rowcol_to_range (range, ROW_FIRST_LINE, col, last, col);
  g_snprintf (formula, sizeof formula, "=SUM(%s)", range);
  _pcn_xlsx_write_formula (xlsx, sheet, row, col, formula, format, result);
}

static void
write_totals (PcnXlsx       *xlsx,
              lxw_worksheet *sheet,
              Formats       *f,
              PcnClaim      *claim,
              lxw_row_t      row)
{
  GPtrArray *lines = pcn_claim_get_lines (claim);
  gint64 wte = 0;

  for (guint i = 0; i < lines->len; i++)
    wte += ((const PcnClaimLine *) g_ptr_array_index (lines, i))->wte;

  for (Column col = 0; col < N_COLUMNS; col++)
    _pcn_xlsx_write_blank (xlsx, sheet, row, col, f->total);
  _pcn_xlsx_write_text (xlsx, sheet, row, COL_NAME, _("Total"), f->total);

  if (lines->len == 0)
    {
      _pcn_xlsx_write_number (xlsx, sheet, row, COL_WTE, 0, f->total_wte);
      _pcn_xlsx_write_number (xlsx, sheet, row, COL_ACTUAL, 0, f->total_money);
      _pcn_xlsx_write_number (xlsx, sheet, row, COL_MAX, 0, f->total_money);
      _pcn_xlsx_write_number (xlsx, sheet, row, COL_CLAIM, 0, f->total_money);
      return;
    }

  write_sum (xlsx, sheet, row, COL_WTE, row - 1, f->total_wte, wte / (double) PCN_WTE_FULL);
  write_sum (xlsx, sheet, row, COL_ACTUAL, row - 1, f->total_money,
             pcn_claim_get_total_actual (claim) / 100.0);
  write_sum (xlsx, sheet, row, COL_MAX, row - 1, f->total_money,
             pcn_claim_get_total_max (claim) / 100.0);
  write_sum (xlsx, sheet, row, COL_CLAIM, row - 1, f->total_money,
             pcn_claim_get_total_claim (claim) / 100.0);
}

/* The working, and the signatures the commissioner asks for. Returns the
 * last row written. */
static lxw_row_t
write_notes_and_sign_off (PcnXlsx       *xlsx,
                          lxw_worksheet *sheet,
                          Formats       *f,
                          lxw_row_t      row)
{
  static const char * const signers[] = {
    N_("Prepared by"),
    N_("Clinical director"),
  };

  _pcn_xlsx_write_text (xlsx, sheet, row, 0,
                        _("Maximum = annual maximum × WTE × days in post ÷ days in month ÷ 12, "
                          "to the penny, halves up. Claim = the lesser of the actual cost and "
                          "the maximum, × the ARRS share, to the penny, halves up."),
                        f->note);
  _pcn_xlsx_write_text (xlsx, sheet, row + 1, 0,
                        _("Annual maxima: the rate for the PCN’s area in force on the first "
                          "day of the month (see “Rates used”). Estimates are salary plus "
                          "employer on-costs where no payroll figure was entered."),
                        f->note);
  row += 3;
  for (guint i = 0; i < G_N_ELEMENTS (signers); i++, row += 2)
    {
      _pcn_xlsx_write_text (xlsx, sheet, row, COL_NAME, _(signers[i]), f->label);
      _pcn_xlsx_write_blank (xlsx, sheet, row, COL_PAYROLL_ID, f->sign);
      _pcn_xlsx_write_blank (xlsx, sheet, row, COL_ROLE, f->sign);
      _pcn_xlsx_write_text (xlsx, sheet, row, COL_WTE, _("Signature"), f->label);
      for (Column col = COL_DAYS_IN_POST; col <= COL_ANNUAL_MAX; col++)
        _pcn_xlsx_write_blank (xlsx, sheet, row, col, f->sign);
      _pcn_xlsx_write_text (xlsx, sheet, row, COL_ACTUAL, _("Date"), f->label);
      _pcn_xlsx_write_blank (xlsx, sheet, row, COL_ESTIMATE, f->sign);
      _pcn_xlsx_write_blank (xlsx, sheet, row, COL_SHARE, f->sign);
    }
  return row - 2;
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

/* "Rates used" */

typedef enum
{
  RCOL_ROLE,
  RCOL_ROLE_CODE,
  RCOL_AREA,
  RCOL_FROM,
  RCOL_TO,
  RCOL_ANNUAL,
  RCOL_ENTERED,
  RCOL_SOURCE,
  RCOL_NOTES,
  N_RATE_COLUMNS
} RateColumn;

static const struct
{
  const char *title;
  double      width;
} rate_columns[N_RATE_COLUMNS] = {
  [RCOL_ROLE]      = { N_("Role"),           30 },
  [RCOL_ROLE_CODE] = { N_("Role code"),      12 },
  [RCOL_AREA]      = { N_("Area"),           14 },
  [RCOL_FROM]      = { N_("Effective from"), 14 },
  [RCOL_TO]        = { N_("Effective to"),   14 },
  [RCOL_ANNUAL]    = { N_("Annual maximum"), 15 },
  [RCOL_ENTERED]   = { N_("Entered by user"), 10 },
  [RCOL_SOURCE]    = { N_("Source"),         60 },
  [RCOL_NOTES]     = { N_("Notes"),          40 },
};

static void
write_rates_sheet (PcnXlsx    *xlsx,
                   Formats    *f,
                   PcnNetwork *network,
                   PcnClaim   *claim)
{
  GPtrArray *rates = pcn_claim_get_rates_used (claim);
  GPtrArray *lines = pcn_claim_get_lines (claim);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  const lxw_row_t header_row = 2;
  lxw_worksheet *sheet;
  g_autofree char *month = dup_month_name (pcn_claim_get_year (claim), pcn_claim_get_month (claim));
  g_autofree char *title = NULL;

  /* Translators: a worksheet name: at most 31 characters, none of []:*?/\ */
  sheet = _pcn_xlsx_add_worksheet (xlsx, _("Rates used"), "Rates used");
  if (sheet == NULL)
    return;

  /* The role names the claim lines showed. */
  for (guint i = 0; i < lines->len; i++)
    {
      const PcnClaimLine *line = g_ptr_array_index (lines, i);

      g_hash_table_insert (names, line->role_code, line->role_name);
    }

  /* Translators: %1$s is the PCN, %2$s a month */
  title = g_strdup_printf (_("%1$s — maximum reimbursable amounts used for %2$s"),
                           pcn_network_get_name (network), month);
  _pcn_xlsx_write_text (xlsx, sheet, 0, 0, title, f->title);

  for (RateColumn col = 0; col < N_RATE_COLUMNS; col++)
    {
      _pcn_xlsx_write_text (xlsx, sheet, header_row, col, _(rate_columns[col].title), f->header);
      if (_pcn_xlsx_ok (xlsx))
        _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, col, col, rate_columns[col].width, NULL));
    }

  for (guint i = 0; i < rates->len; i++)
    {
      PcnRate *rate = g_ptr_array_index (rates, i);
      lxw_row_t row = header_row + 1 + i;
      const char *code = pcn_rate_get_role_code (rate);
      const char *name = g_hash_table_lookup (names, code);

      if (name == NULL)
        name = pcn_rate_get_role_name (rate);
      _pcn_xlsx_write_text (xlsx, sheet, row, RCOL_ROLE, name != NULL ? name : code, NULL);
      _pcn_xlsx_write_text (xlsx, sheet, row, RCOL_ROLE_CODE, code, NULL);
      _pcn_xlsx_write_text (xlsx, sheet, row, RCOL_AREA,
                            pcn_rate_area_get_label (pcn_rate_get_area (rate)), NULL);
      _pcn_xlsx_write_iso_date (xlsx, sheet, row, RCOL_FROM, pcn_rate_get_effective_from (rate),
                                f->date);
      _pcn_xlsx_write_iso_date (xlsx, sheet, row, RCOL_TO, pcn_rate_get_effective_to (rate),
                                f->date);
      _pcn_xlsx_write_number (xlsx, sheet, row, RCOL_ANNUAL, pcn_rate_get_annual (rate) / 100.0,
                              f->money);
      _pcn_xlsx_write_text (xlsx, sheet, row, RCOL_ENTERED,
                            pcn_rate_get_user_entered (rate) ? _("Yes") : _("No"), NULL);
      _pcn_xlsx_write_text (xlsx, sheet, row, RCOL_SOURCE, pcn_rate_get_source (rate), NULL);
      _pcn_xlsx_write_text (xlsx, sheet, row, RCOL_NOTES, pcn_rate_get_notes (rate), NULL);
    }

  if (!_pcn_xlsx_ok (xlsx))
    return;
  worksheet_freeze_panes (sheet, header_row + 1, 0);
  _pcn_xlsx_check (xlsx, worksheet_autofilter (sheet, header_row, 0, header_row + rates->len,
                                               N_RATE_COLUMNS - 1));
  set_up_print (xlsx, sheet, header_row, header_row + MAX (rates->len, 1), N_RATE_COLUMNS - 1);
}

gboolean
pcn_export_claim (const char  *path,
                  PcnNetwork  *network,
                  PcnClaim    *claim,
                  gint64       allocation_pence,
                  gint64       claimed_to_date_pence,
                  GError     **error)
{
  g_autoptr(PcnXlsx) xlsx = NULL;
  g_autofree char *month = NULL;
  g_autofree char *subject = NULL;
  lxw_worksheet *sheet;
  Formats f = { 0 };
  Words words = { 0 };
  double widths[N_COLUMNS];
  GPtrArray *lines;
  lxw_row_t total_row, last_row;
  gboolean ok;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (PCN_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (claim != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lines = pcn_claim_get_lines (claim);
  total_row = ROW_FIRST_LINE + lines->len;

  xlsx = _pcn_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;

  month = dup_month_name (pcn_claim_get_year (claim), pcn_claim_get_month (claim));
  /* Translators: the workbook's subject: %1$s is the PCN, %2$s a month */
  subject = g_strdup_printf (_("%1$s, %2$s"), pcn_network_get_name (network), month);
  _pcn_xlsx_set_properties (xlsx, _("ARRS claim"), subject);
  add_formats (xlsx, &f);
  /* Translators: a worksheet name: at most 31 characters, none of []:*?/\ */
  sheet = _pcn_xlsx_add_worksheet (xlsx, _("Claim"), "Claim");

  write_header_block (xlsx, sheet, &f, network, claim, allocation_pence, claimed_to_date_pence,
                      total_row);

  for (Column col = 0; col < N_COLUMNS; col++)
    {
      const char *title = _(columns[col].title);

      _pcn_xlsx_write_text (xlsx, sheet, ROW_TABLE_HEADER, col, title, f.header);
      widths[col] = columns[col].min_width;
    }

  words.yes = _("Yes");
  words.no = _("No");
  for (guint i = 0; i < lines->len && _pcn_xlsx_ok (xlsx); i++)
    write_line (xlsx, sheet, &f, &words, ROW_FIRST_LINE + i, g_ptr_array_index (lines, i), widths);
  for (guint i = 0; i < G_N_ELEMENTS (words.warnings); i++)
    g_free (words.warnings[i]);

  write_totals (xlsx, sheet, &f, claim, total_row);
  last_row = write_notes_and_sign_off (xlsx, sheet, &f, total_row + 2);

  if (_pcn_xlsx_ok (xlsx))
    {
      for (Column col = 0; col < N_COLUMNS; col++)
        _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, col, col,
                                                     MIN (widths[col], columns[col].max_width),
                                                     NULL));
      /* The header row and the names stay in view. */
      worksheet_freeze_panes (sheet, ROW_FIRST_LINE, 1);
      _pcn_xlsx_check (xlsx, worksheet_autofilter (sheet, ROW_TABLE_HEADER, 0,
                                                   lines->len > 0 ? total_row - 1 : ROW_TABLE_HEADER,
                                                   N_COLUMNS - 1));
    }
  set_up_print (xlsx, sheet, ROW_TABLE_HEADER, last_row, N_COLUMNS - 1);

  write_rates_sheet (xlsx, &f, network, claim);

  ok = _pcn_xlsx_commit (xlsx, error);
  return ok;
}
