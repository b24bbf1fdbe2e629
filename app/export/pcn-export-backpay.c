/* pcn-export-backpay.c — the back-pay claim workbook
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
  COL_MONTH,
  COL_WTE,
  COL_DAYS_IN_POST,
  COL_OLD_MAX,
  COL_NEW_MAX,
  COL_CLAIMED,
  COL_CLAIMABLE,
  COL_DIFFERENCE,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  double      width;
} columns[N_COLUMNS] = {
  [COL_NAME]         = { N_("Name"),                        24 },
  [COL_PAYROLL_ID]   = { N_("Payroll ID"),                  12 },
  [COL_ROLE]         = { N_("Role"),                        28 },
  [COL_MONTH]        = { N_("Month"),                       14 },
  [COL_WTE]          = { N_("WTE"),                          8 },
  [COL_DAYS_IN_POST] = { N_("Days in post"),                 8 },
  [COL_OLD_MAX]      = { N_("Annual maximum when claimed"), 15 },
  [COL_NEW_MAX]      = { N_("Annual maximum now"),          15 },
  [COL_CLAIMED]      = { N_("Claimed"),                     14 },
  [COL_CLAIMABLE]    = { N_("Now claimable"),               14 },
  [COL_DIFFERENCE]   = { N_("Difference"),                  14 },
};

enum
{
  ROW_TITLE,
  ROW_ODS_CODE,
  ROW_PERIOD,
  ROW_REASON,
  ROW_GENERATED,
  ROW_SPACER,
  ROW_TABLE_HEADER,
  ROW_FIRST_LINE,
};

#define WTE_FORMAT   "0.0##"
#define MONEY_FORMAT "\"£\"#,##0.00;[Red]-\"£\"#,##0.00"
#define MONTH_FORMAT "mmm yyyy"

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

gboolean
pcn_export_backpay (const char  *path,
                    PcnNetwork  *network,
                    PcnBackpay  *backpay,
                    const char  *reason,
                    GError     **error)
{
  g_autoptr(PcnXlsx) xlsx = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  lxw_format *title_format, *label, *header, *month_format, *datetime, *wte, *money;
  lxw_format *total, *total_money, *sign;
  lxw_worksheet *sheet;
  GPtrArray *lines;
  lxw_row_t total_row, row;
  int first = G_MAXINT, last = 0;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (PCN_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (backpay != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lines = pcn_backpay_get_lines (backpay);
  total_row = ROW_FIRST_LINE + lines->len;

  xlsx = _pcn_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;

  _pcn_xlsx_set_properties (xlsx, _("ARRS back-pay claim"), pcn_network_get_name (network));
  title_format = add_format (xlsx, TRUE, FALSE, NULL);
  if (title_format != NULL)
    format_set_font_size (title_format, 14);
  label = add_format (xlsx, TRUE, FALSE, NULL);
  header = add_format (xlsx, TRUE, FALSE, NULL);
  if (header != NULL)
    {
      format_set_bottom (header, LXW_BORDER_THIN);
      format_set_bg_color (header, 0xDDE4EE);
      format_set_text_wrap (header);
      format_set_align (header, LXW_ALIGN_VERTICAL_TOP);
    }
  month_format = add_format (xlsx, FALSE, FALSE, MONTH_FORMAT);
  if (month_format != NULL)
    format_set_align (month_format, LXW_ALIGN_LEFT);
  datetime = add_format (xlsx, FALSE, FALSE, NULL);
  if (datetime != NULL)
    {
      format_set_num_format_index (datetime, 22);
      format_set_align (datetime, LXW_ALIGN_LEFT);
    }
  wte = add_format (xlsx, FALSE, FALSE, WTE_FORMAT);
  money = add_format (xlsx, FALSE, FALSE, MONEY_FORMAT);
  total = add_format (xlsx, TRUE, TRUE, NULL);
  total_money = add_format (xlsx, TRUE, TRUE, MONEY_FORMAT);
  sign = add_format (xlsx, FALSE, FALSE, NULL);
  if (sign != NULL)
    format_set_bottom (sign, LXW_BORDER_THIN);

  /* Translators: a worksheet name: at most 31 characters, none of []:*?/\ */
  sheet = _pcn_xlsx_add_worksheet (xlsx, _("Back pay"), "Back pay");

  for (guint i = 0; i < lines->len; i++)
    {
      const PcnBackpayLine *line = g_ptr_array_index (lines, i);
      int key = line->year * 12 + line->month - 1;

      first = MIN (first, key);
      last = MAX (last, key);
    }

  /* Translators: the back-pay workbook's title; %s is the PCN */
  title = g_strdup_printf (_("%s — ARRS back-pay claim"), pcn_network_get_name (network));
  _pcn_xlsx_write_text (xlsx, sheet, ROW_TITLE, 0, title, title_format);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_ODS_CODE, 0, _("ODS code"), label);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_ODS_CODE, 2, pcn_network_get_ods_code (network), NULL);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_PERIOD, 0, _("Months"), label);
  if (lines->len > 0)
    {
      g_autofree char *from = dup_month_name (first / 12, first % 12 + 1);
      g_autofree char *to = dup_month_name (last / 12, last % 12 + 1);

      /* Translators: a range of months, "April 2025 to July 2025" */
      period = g_strdup_printf (_("%1$s to %2$s"), from, to);
    }
  _pcn_xlsx_write_text (xlsx, sheet, ROW_PERIOD, 2, period, NULL);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_REASON, 0, _("Reason"), label);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_REASON, 2, reason, NULL);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_GENERATED, 0, _("Generated"), label);
  _pcn_xlsx_write_datetime (xlsx, sheet, ROW_GENERATED, 2, now, datetime);

  for (Column col = 0; col < N_COLUMNS; col++)
    {
      _pcn_xlsx_write_text (xlsx, sheet, ROW_TABLE_HEADER, col, _(columns[col].title), header);
      if (_pcn_xlsx_ok (xlsx))
        _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, col, col, columns[col].width, NULL));
    }

  for (guint i = 0; i < lines->len; i++)
    {
      const PcnBackpayLine *line = g_ptr_array_index (lines, i);
      char formula[64];
      GDate d;

      row = ROW_FIRST_LINE + i;
      _pcn_xlsx_write_text (xlsx, sheet, row, COL_NAME, line->name, NULL);
      _pcn_xlsx_write_text (xlsx, sheet, row, COL_PAYROLL_ID, line->payroll_id, NULL);
      _pcn_xlsx_write_text (xlsx, sheet, row, COL_ROLE, line->role_name, NULL);
      g_date_clear (&d, 1);
      g_date_set_dmy (&d, 1, line->month, line->year);
      _pcn_xlsx_write_date (xlsx, sheet, row, COL_MONTH, &d, month_format);
      _pcn_xlsx_write_number (xlsx, sheet, row, COL_WTE, line->wte / (double) PCN_WTE_FULL, wte);
      _pcn_xlsx_write_number (xlsx, sheet, row, COL_DAYS_IN_POST, line->days_in_post, NULL);
      if (line->old_annual_max_pence >= 0)
        _pcn_xlsx_write_number (xlsx, sheet, row, COL_OLD_MAX,
                                line->old_annual_max_pence / 100.0, money);
      if (line->new_annual_max_pence >= 0)
        _pcn_xlsx_write_number (xlsx, sheet, row, COL_NEW_MAX,
                                line->new_annual_max_pence / 100.0, money);
      _pcn_xlsx_write_number (xlsx, sheet, row, COL_CLAIMED, line->claimed_pence / 100.0, money);
      _pcn_xlsx_write_number (xlsx, sheet, row, COL_CLAIMABLE, line->claimable_pence / 100.0,
                              money);
      /* Whole pence both sides: the difference is exact. */
      g_snprintf (formula, sizeof formula, "=ROUND((J%u-I%u)*100,0)/100", row + 1, row + 1);
      _pcn_xlsx_write_formula (xlsx, sheet, row, COL_DIFFERENCE, formula, money,
                               line->difference_pence / 100.0);
    }

  for (Column col = 0; col < N_COLUMNS; col++)
    _pcn_xlsx_write_blank (xlsx, sheet, total_row, col, total);
  _pcn_xlsx_write_text (xlsx, sheet, total_row, COL_NAME, _("Total"), total);
  {
    static const Column summed[] = { COL_CLAIMED, COL_CLAIMABLE, COL_DIFFERENCE };
    gint64 totals[] = {
      pcn_backpay_get_total_claimed (backpay),
      pcn_backpay_get_total_claimable (backpay),
      pcn_backpay_get_total_difference (backpay),
    };

    for (guint i = 0; i < G_N_ELEMENTS (summed); i++)
      {
        char range[LXW_MAX_CELL_RANGE_LENGTH];
        char formula[LXW_MAX_CELL_RANGE_LENGTH + 8];

        if (lines->len == 0)
          {
            _pcn_xlsx_write_number (xlsx, sheet, total_row, summed[i], 0, total_money);
            continue;
          }
        lxw_rowcol_to_range (range, ROW_FIRST_LINE, summed[i], total_row - 1, summed[i]);
        g_snprintf (formula, sizeof formula, "=SUM(%s)", range);
        _pcn_xlsx_write_formula (xlsx, sheet, total_row, summed[i], formula, total_money,
                                 totals[i] / 100.0);
      }
  }

  /* Sign-off */
  row = total_row + 2;
  {
    static const char * const signers[] = { N_("Prepared by"), N_("Clinical director") };

    for (guint i = 0; i < G_N_ELEMENTS (signers); i++, row += 2)
      {
        _pcn_xlsx_write_text (xlsx, sheet, row, COL_NAME, _(signers[i]), label);
        _pcn_xlsx_write_blank (xlsx, sheet, row, COL_PAYROLL_ID, sign);
        _pcn_xlsx_write_blank (xlsx, sheet, row, COL_ROLE, sign);
        _pcn_xlsx_write_text (xlsx, sheet, row, COL_MONTH, _("Date"), label);
        _pcn_xlsx_write_blank (xlsx, sheet, row, COL_WTE, sign);
        _pcn_xlsx_write_blank (xlsx, sheet, row, COL_DAYS_IN_POST, sign);
      }
  }

  if (_pcn_xlsx_ok (xlsx))
    {
      worksheet_freeze_panes (sheet, ROW_FIRST_LINE, 1);
      _pcn_xlsx_check (xlsx, worksheet_autofilter (sheet, ROW_TABLE_HEADER, 0,
                                                   lines->len > 0 ? total_row - 1 : ROW_TABLE_HEADER,
                                                   N_COLUMNS - 1));
      worksheet_set_landscape (sheet);
      worksheet_set_paper (sheet, 9 /* A4 */);
      worksheet_fit_to_pages (sheet, 1, 0);
      _pcn_xlsx_check (xlsx, worksheet_repeat_rows (sheet, ROW_TABLE_HEADER, ROW_TABLE_HEADER));
      _pcn_xlsx_check (xlsx, worksheet_print_area (sheet, 0, 0, row - 2, N_COLUMNS - 1));
      /* Translators: a workbook's printed footer. &P is the page number and
       * &N the number of pages: keep both as they are. A lone & must be
       * written && */
      _pcn_xlsx_check (xlsx, worksheet_set_footer (sheet, _("&CPage &P of &N")));
    }

  return _pcn_xlsx_commit (xlsx, error);
}
