/* pcn-export-staff.c — the staff list workbook
 *
 * One sheet, "Staff": a header block (the PCN, its ODS code, the date the
 * list is as at, when it was generated), a table with a frozen, filterable
 * header row and a totals row whose SUBTOTAL formulas follow the filter.
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
  COL_ROLE_CODE,
  COL_WTE,
  COL_BAND,
  COL_START_DATE,
  COL_END_DATE,
  COL_STATUS,
  COL_LEAVING_REASON,
  COL_ANNUAL_SALARY,
  COL_EMPLOYER,
  COL_PRACTICES,
  COL_CLAIMABLE,
  N_COLUMNS
} Column;

static const struct
{
  const char *title;
  double      min_width;  /* in characters */
  double      max_width;
} columns[N_COLUMNS] = {
  [COL_NAME]           = { N_("Name"),           18, 40 },
  [COL_PAYROLL_ID]     = { N_("Payroll ID"),     16, 20 },
  [COL_ROLE]           = { N_("Role"),           16, 40 },
  [COL_ROLE_CODE]      = { N_("Role code"),       8, 16 },
  [COL_WTE]            = { N_("WTE"),             8,  8 },
  [COL_BAND]           = { N_("Band"),            7, 12 },
  [COL_START_DATE]     = { N_("Start date"),     12, 12 },
  [COL_END_DATE]       = { N_("End date"),       12, 12 },
  [COL_STATUS]         = { N_("Status"),         10, 16 },
  [COL_LEAVING_REASON] = { N_("Leaving reason"), 16, 40 },
  [COL_ANNUAL_SALARY]  = { N_("Annual salary"),  15, 15 },
  [COL_EMPLOYER]       = { N_("Employer"),       14, 40 },
  [COL_PRACTICES]      = { N_("Host practices"), 16, 50 },
  [COL_CLAIMABLE]      = { N_("Claimable"),      11, 11 },
};

/* Rows of the header block, then the table. */
enum
{
  ROW_TITLE,
  ROW_ODS_CODE,
  ROW_AS_AT,
  ROW_GENERATED,
  ROW_SPACER,
  ROW_TABLE_HEADER,
  ROW_FIRST_STAFF,
};

/* Built-in number formats that Excel and LibreOffice show in the reader's
 * own short date (and time) form. */
#define NUM_FORMAT_SHORT_DATE     14
#define NUM_FORMAT_SHORT_DATETIME 22

#define WTE_FORMAT   "0.0##"
#define MONEY_FORMAT "\"£\"#,##0.00"

typedef struct
{
  lxw_format *title;
  lxw_format *label;
  lxw_format *header;
  lxw_format *date;
  lxw_format *datetime;
  lxw_format *wte;
  lxw_format *money;
  lxw_format *total;
  lxw_format *total_count;
  lxw_format *total_wte;
  lxw_format *total_money;
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

static char *
dup_count_format (void)
{
  /* Translators: follows the number of staff in the totals row of the
   * staff list workbook, as in "12 staff" */
  g_autofree char *word = g_strdup (C_("staff count", "staff"));

  /* Quoted literal text in an Excel number format: no quotes inside. */
  g_strdelimit (word, "\"\\", ' ');
  return g_strdup_printf ("0 \"%s\"", word);
}

static void
add_formats (PcnXlsx *xlsx,
             Formats *formats)
{
  g_autofree char *count_format = dup_count_format ();

  formats->title = add_format (xlsx, TRUE, FALSE, NULL);
  if (formats->title != NULL)
    format_set_font_size (formats->title, 14);
  formats->label = add_format (xlsx, TRUE, FALSE, NULL);
  formats->header = add_format (xlsx, TRUE, FALSE, NULL);
  if (formats->header != NULL)
    {
      format_set_bottom (formats->header, LXW_BORDER_THIN);
      format_set_bg_color (formats->header, 0xDDE4EE);
      format_set_text_wrap (formats->header);
      format_set_align (formats->header, LXW_ALIGN_VERTICAL_TOP);
    }
  formats->date = add_format (xlsx, FALSE, FALSE, NULL);
  if (formats->date != NULL)
    format_set_num_format_index (formats->date, NUM_FORMAT_SHORT_DATE);
  formats->datetime = add_format (xlsx, FALSE, FALSE, NULL);
  if (formats->datetime != NULL)
    {
      format_set_num_format_index (formats->datetime, NUM_FORMAT_SHORT_DATETIME);
      format_set_align (formats->datetime, LXW_ALIGN_LEFT);
    }
  formats->wte = add_format (xlsx, FALSE, FALSE, WTE_FORMAT);
  formats->money = add_format (xlsx, FALSE, FALSE, MONEY_FORMAT);
  formats->total = add_format (xlsx, TRUE, TRUE, NULL);
  formats->total_count = add_format (xlsx, TRUE, TRUE, count_format);
  if (formats->total_count != NULL)
    format_set_align (formats->total_count, LXW_ALIGN_LEFT);
  formats->total_wte = add_format (xlsx, TRUE, TRUE, WTE_FORMAT);
  formats->total_money = add_format (xlsx, TRUE, TRUE, MONEY_FORMAT);
}

static void
widen (double     *widths,
       Column      col,
       const char *text)
{
  if (text != NULL)
    widths[col] = MAX (widths[col], (double) g_utf8_strlen (text, -1) + 2);
}

static void
write_header_block (PcnXlsx       *xlsx,
                    lxw_worksheet *sheet,
                    Formats       *formats,
                    PcnNetwork    *network,
                    const GDate   *as_at)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *as_at_text = pcn_date_format_display (as_at);
  g_autofree char *as_at_line = NULL;

  g_assert (xlsx != NULL);

  _pcn_xlsx_write_text (xlsx, sheet, ROW_TITLE, 0, pcn_network_get_name (network), formats->title);

  _pcn_xlsx_write_text (xlsx, sheet, ROW_ODS_CODE, 0, _("ODS code"), formats->label);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_ODS_CODE, 1, pcn_network_get_ods_code (network), NULL);

  /* Translators: %s is a date, e.g. "1 Apr 2026" */
  as_at_line = g_strdup_printf (_("Staff list as at %s"), as_at_text);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_AS_AT, 0, as_at_line, formats->label);

  _pcn_xlsx_write_text (xlsx, sheet, ROW_GENERATED, 0, _("Generated"), formats->label);
  _pcn_xlsx_write_datetime (xlsx, sheet, ROW_GENERATED, 1, now, formats->datetime);
}

static void
write_staff_row (PcnXlsx       *xlsx,
                 lxw_worksheet *sheet,
                 Formats       *formats,
                 lxw_row_t      row,
                 PcnStaff      *member,
                 const GDate   *as_at,
                 double        *widths)
{
  g_autofree char *practices = pcn_staff_dup_practices_text (member);
  const char *role = pcn_staff_get_role_name (member);
  const char *status = pcn_staff_status_get_label (pcn_staff_get_status (member, as_at));
  const char *claimable = pcn_staff_get_claimable (member) ? _("Yes") : _("No");
  gint64 salary = pcn_staff_get_annual_salary (member);

  if (role == NULL || *role == '\0')
    role = pcn_staff_get_role_code (member);

#define TEXT(col, text) G_STMT_START {                                 \
    const char *text_ = (text);                                         \
    _pcn_xlsx_write_text (xlsx, sheet, row, col, text_, NULL);          \
    widen (widths, col, text_);                                         \
  } G_STMT_END

  TEXT (COL_NAME, pcn_staff_get_name (member));
  TEXT (COL_PAYROLL_ID, pcn_staff_get_payroll_id (member));
  TEXT (COL_ROLE, role);
  TEXT (COL_ROLE_CODE, pcn_staff_get_role_code (member));
  _pcn_xlsx_write_number (xlsx, sheet, row, COL_WTE,
                          pcn_staff_get_wte (member) / (double) PCN_WTE_FULL, formats->wte);
  TEXT (COL_BAND, pcn_staff_get_band (member));
  _pcn_xlsx_write_iso_date (xlsx, sheet, row, COL_START_DATE,
                            pcn_staff_get_start_date (member), formats->date);
  _pcn_xlsx_write_iso_date (xlsx, sheet, row, COL_END_DATE,
                            pcn_staff_get_end_date (member), formats->date);
  TEXT (COL_STATUS, status);
  TEXT (COL_LEAVING_REASON, pcn_staff_get_leaving_reason (member));
  if (salary >= 0)
    _pcn_xlsx_write_number (xlsx, sheet, row, COL_ANNUAL_SALARY, salary / 100.0, formats->money);
  TEXT (COL_EMPLOYER, pcn_staff_get_employer (member));
  TEXT (COL_PRACTICES, practices);
  TEXT (COL_CLAIMABLE, claimable);

#undef TEXT
}

/* A SUBTOTAL over @range_col of the staff rows, written in @col. The 10x
 * functions leave out the rows the autofilter hides. */
static void
write_subtotal (PcnXlsx       *xlsx,
                lxw_worksheet *sheet,
                lxw_row_t      row,
                Column         col,
                int            function,
                Column         range_col,
                lxw_row_t      last,
                lxw_format    *format,
                double         result)
{
  char range[LXW_MAX_CELL_RANGE_LENGTH];
  g_autofree char *formula = NULL;

  lxw_rowcol_to_range (range, ROW_FIRST_STAFF, range_col, last, range_col);
  formula = g_strdup_printf ("=SUBTOTAL(%d,%s)", function, range);
  _pcn_xlsx_write_formula (xlsx, sheet, row, col, formula, format, result);
}

static void
write_totals (PcnXlsx       *xlsx,
              lxw_worksheet *sheet,
              Formats       *formats,
              GPtrArray     *staff)
{
  lxw_row_t row = ROW_FIRST_STAFF + staff->len;
  lxw_row_t last = row - 1;
  gint64 wte_milli = 0;
  gint64 salary_pence = 0;

  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *member = g_ptr_array_index (staff, i);
      gint64 salary = pcn_staff_get_annual_salary (member);

      wte_milli += pcn_staff_get_wte (member);
      if (salary > 0)
        salary_pence += salary;
    }

  for (Column col = 0; col < N_COLUMNS; col++)
    _pcn_xlsx_write_blank (xlsx, sheet, row, col, formats->total);

  if (staff->len == 0)
    {
      /* No range to sum over. */
      _pcn_xlsx_write_number (xlsx, sheet, row, COL_NAME, 0, formats->total_count);
      _pcn_xlsx_write_number (xlsx, sheet, row, COL_WTE, 0, formats->total_wte);
      _pcn_xlsx_write_number (xlsx, sheet, row, COL_ANNUAL_SALARY, 0, formats->total_money);
      return;
    }

  /* Shown under the names, counting the Status column: it is never empty. */
  write_subtotal (xlsx, sheet, row, COL_NAME, 103, COL_STATUS, last,
                  formats->total_count, staff->len);
  write_subtotal (xlsx, sheet, row, COL_WTE, 109, COL_WTE, last,
                  formats->total_wte, wte_milli / (double) PCN_WTE_FULL);
  write_subtotal (xlsx, sheet, row, COL_ANNUAL_SALARY, 109, COL_ANNUAL_SALARY, last,
                  formats->total_money, salary_pence / 100.0);
}

static void
set_up_sheet (PcnXlsx       *xlsx,
              lxw_worksheet *sheet,
              guint          n_staff,
              const double  *widths)
{
  lxw_row_t last = ROW_FIRST_STAFF + MAX (n_staff, 1) - 1;

  if (!_pcn_xlsx_ok (xlsx))
    return;

  for (Column col = 0; col < N_COLUMNS; col++)
    _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, col, col, widths[col], NULL));

  /* The header row and the names stay in view. */
  worksheet_freeze_panes (sheet, ROW_FIRST_STAFF, 1);
  _pcn_xlsx_check (xlsx, worksheet_autofilter (sheet, ROW_TABLE_HEADER, 0,
                                               n_staff > 0 ? last : ROW_TABLE_HEADER,
                                               N_COLUMNS - 1));

  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9 /* A4 */);
  worksheet_fit_to_pages (sheet, 1, 0);
  _pcn_xlsx_check (xlsx, worksheet_repeat_rows (sheet, ROW_TABLE_HEADER, ROW_TABLE_HEADER));
  _pcn_xlsx_check (xlsx, worksheet_print_area (sheet, 0, 0,
                                               ROW_FIRST_STAFF + n_staff, N_COLUMNS - 1));
  /* Translators: the staff list's printed footer. &P is the page number
   * and &N the number of pages: keep both as they are. A lone & must be
   * written && */
  _pcn_xlsx_check (xlsx, worksheet_set_footer (sheet, _("&CPage &P of &N")));
}

gboolean
pcn_export_staff (const char   *path,
                  PcnNetwork   *network,
                  GPtrArray    *staff,
                  const GDate  *as_at,
                  GError      **error)
{
  g_autoptr(PcnXlsx) xlsx = NULL;
  lxw_worksheet *sheet;
  Formats formats = { 0 };
  double widths[N_COLUMNS];
  GDate today;

  g_return_val_if_fail (path != NULL && *path != '\0', FALSE);
  g_return_val_if_fail (PCN_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (staff != NULL, FALSE);
  g_return_val_if_fail (as_at == NULL || g_date_valid (as_at), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (as_at == NULL)
    {
      pcn_date_set_today (&today);
      as_at = &today;
    }

  xlsx = _pcn_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;

  _pcn_xlsx_set_properties (xlsx, _("Staff list"), pcn_network_get_name (network));
  add_formats (xlsx, &formats);
  /* Translators: a worksheet name: at most 31 characters, none of []:*?/\ */
  sheet = _pcn_xlsx_add_worksheet (xlsx, _("Staff"), "Staff");

  write_header_block (xlsx, sheet, &formats, network, as_at);

  for (Column col = 0; col < N_COLUMNS; col++)
    {
      const char *title = _(columns[col].title);

      _pcn_xlsx_write_text (xlsx, sheet, ROW_TABLE_HEADER, col, title, formats.header);
      /* Room for the autofilter's drop-down button too. */
      widths[col] = MAX (columns[col].min_width, (double) g_utf8_strlen (title, -1) + 4);
    }

  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *member = g_ptr_array_index (staff, i);

      g_return_val_if_fail (PCN_IS_STAFF (member), FALSE);
      write_staff_row (xlsx, sheet, &formats, ROW_FIRST_STAFF + i, member, as_at, widths);
    }

  write_totals (xlsx, sheet, &formats, staff);

  for (Column col = 0; col < N_COLUMNS; col++)
    widths[col] = MIN (widths[col], MAX (columns[col].max_width, columns[col].min_width));
  set_up_sheet (xlsx, sheet, staff->len, widths);

  return _pcn_xlsx_commit (xlsx, error);
}
