/* pcn-export-induction.c — the induction overview and a person's printable
 * checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pcn-export.h"
#include "pcn-export-private.h"

/* Rows of the header block, then the table. */
enum
{
  ROW_TITLE,
  ROW_SUBTITLE,
  ROW_DETAILS,
  ROW_AS_AT,
  ROW_TABLE_HEADER,
  ROW_FIRST,
};

#define NUM_FORMAT_SHORT_DATE 14
#define NUM_FORMAT_PERCENT    9
#define PAPER_A4              9

/* Overview columns. */
enum
{
  COL_NAME,
  COL_PAYROLL,
  COL_ROLE,
  COL_START,
  COL_CHECKLIST,
  COL_TOTAL,
  COL_DONE,
  COL_NA,
  COL_OVERDUE,
  COL_PERCENT,
  COL_NEXT_DUE,
  N_OVERVIEW_COLUMNS
};

typedef struct
{
  lxw_format *title;
  lxw_format *label;
  lxw_format *header;
  lxw_format *date;
  lxw_format *percent;
  lxw_format *overdue;       /* an overdue count or status */
  lxw_format *overdue_date;  /* the due date of an overdue item */
  lxw_format *checklist;     /* a checklist's heading on the printed list */
  lxw_format *section;       /* a section's heading */
  lxw_format *wrap;
  lxw_format *sign;          /* the sign-off cell: a line to sign on */
} Formats;

static void
add_formats (PcnXlsx *xlsx,
             Formats *f)
{
  f->title = _pcn_xlsx_add_format (xlsx);
  if (f->title != NULL)
    {
      format_set_bold (f->title);
      format_set_font_size (f->title, 14);
    }
  f->label = _pcn_xlsx_add_format (xlsx);
  if (f->label != NULL)
    format_set_bold (f->label);
  f->header = _pcn_xlsx_add_format (xlsx);
  if (f->header != NULL)
    {
      format_set_bold (f->header);
      format_set_bottom (f->header, LXW_BORDER_THIN);
      format_set_bg_color (f->header, 0xDDE4EE);
      format_set_text_wrap (f->header);
      format_set_align (f->header, LXW_ALIGN_VERTICAL_TOP);
    }
  f->date = _pcn_xlsx_add_format (xlsx);
  if (f->date != NULL)
    format_set_num_format_index (f->date, NUM_FORMAT_SHORT_DATE);
  f->percent = _pcn_xlsx_add_format (xlsx);
  if (f->percent != NULL)
    format_set_num_format_index (f->percent, NUM_FORMAT_PERCENT);
  f->overdue = _pcn_xlsx_add_format (xlsx);
  if (f->overdue != NULL)
    {
      format_set_bold (f->overdue);
      format_set_font_color (f->overdue, 0x9C0006);
      format_set_bg_color (f->overdue, 0xFFC7CE);
    }
  f->overdue_date = _pcn_xlsx_add_format (xlsx);
  if (f->overdue_date != NULL)
    {
      format_set_num_format_index (f->overdue_date, NUM_FORMAT_SHORT_DATE);
      format_set_bold (f->overdue_date);
      format_set_font_color (f->overdue_date, 0x9C0006);
      format_set_bg_color (f->overdue_date, 0xFFC7CE);
    }
  f->checklist = _pcn_xlsx_add_format (xlsx);
  if (f->checklist != NULL)
    {
      format_set_bold (f->checklist);
      format_set_font_size (f->checklist, 12);
      format_set_bottom (f->checklist, LXW_BORDER_MEDIUM);
    }
  f->section = _pcn_xlsx_add_format (xlsx);
  if (f->section != NULL)
    {
      format_set_bold (f->section);
      format_set_italic (f->section);
    }
  f->wrap = _pcn_xlsx_add_format (xlsx);
  if (f->wrap != NULL)
    {
      format_set_text_wrap (f->wrap);
      format_set_align (f->wrap, LXW_ALIGN_VERTICAL_TOP);
    }
  f->sign = _pcn_xlsx_add_format (xlsx);
  if (f->sign != NULL)
    format_set_bottom (f->sign, LXW_BORDER_THIN);
}

static const char *
role_of (PcnStaff *staff)
{
  return pcn_staff_get_role_name (staff) ? pcn_staff_get_role_name (staff)
                                         : pcn_staff_get_role_code (staff);
}

/* "PCN", the host practice's name, or "Employer" (with its name when
 * known). (transfer full) */
static char *
checklist_label (PcnChecklistKind  kind,
                 const char       *practice,
                 PcnStaff         *staff)
{
  const char *employer = staff != NULL ? pcn_staff_get_employer (staff) : NULL;

  if (kind == PCN_CHECKLIST_PRACTICE && practice != NULL)
    return g_strdup (practice);
  if (kind == PCN_CHECKLIST_EMPLOYER && employer != NULL && *employer != '\0')
    /* Translators: %1$s "Employer", %2$s the employer's name */
    return g_strdup_printf (_("%1$s: %2$s"), pcn_checklist_kind_get_label (kind), employer);
  return g_strdup (pcn_checklist_kind_get_label (kind));
}

/* The title, subtitle, details and "as at" lines above a table. */
static void
write_header_block (PcnXlsx       *xlsx,
                    Formats       *f,
                    lxw_worksheet *sheet,
                    PcnNetwork    *network,
                    const char    *subtitle,
                    const char    *details,
                    const GDate   *as_at)
{
  g_autofree char *as_at_text = pcn_date_format_display (as_at);
  g_autofree char *as_at_line = NULL;

  _pcn_xlsx_write_text (xlsx, sheet, ROW_TITLE, 0, pcn_network_get_name (network), f->title);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_SUBTITLE, 0, subtitle, f->label);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_DETAILS, 0, details, NULL);
  /* Translators: %s is a date, e.g. "1 Apr 2026" */
  as_at_line = g_strdup_printf (_("As at %s"), as_at_text);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_AS_AT, 0, as_at_line, NULL);
}

static void
write_headings (PcnXlsx            *xlsx,
                Formats            *f,
                lxw_worksheet      *sheet,
                const char * const *titles,
                const double       *widths,
                guint               n_columns)
{
  for (guint c = 0; c < n_columns; c++)
    {
      _pcn_xlsx_write_text (xlsx, sheet, ROW_TABLE_HEADER, c, _(titles[c]), f->header);
      _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, c, c, widths[c], NULL));
    }
  _pcn_xlsx_check (xlsx, worksheet_repeat_rows (sheet, ROW_TABLE_HEADER, ROW_TABLE_HEADER));
  worksheet_set_paper (sheet, PAPER_A4);
  worksheet_fit_to_pages (sheet, 1, 0);
  /* Translators: a workbook's printed footer. &P is the page number and &N
   * the number of pages: keep both. */
  _pcn_xlsx_check (xlsx, worksheet_set_footer (sheet, _("&CPage &P of &N")));
}

/* -------------------------------------------------------------- overview */

static void
write_overview_row (PcnXlsx              *xlsx,
                    Formats              *f,
                    lxw_worksheet        *sheet,
                    lxw_row_t             row,
                    PcnStaff             *staff,
                    PcnInductionProgress *p)
{
  g_autofree char *label = checklist_label (p->checklist, p->practice, staff);
  g_autofree char *formula = NULL;
  double fraction = p->items_total > 0 ? (double) (p->items_done + p->items_na) / p->items_total : 1.0;
  guint r = row + 1;   /* the row as Excel numbers it */

  _pcn_xlsx_write_text (xlsx, sheet, row, COL_NAME, pcn_staff_get_name (staff), NULL);
  _pcn_xlsx_write_text (xlsx, sheet, row, COL_PAYROLL, pcn_staff_get_payroll_id (staff), NULL);
  _pcn_xlsx_write_text (xlsx, sheet, row, COL_ROLE, role_of (staff), NULL);
  _pcn_xlsx_write_iso_date (xlsx, sheet, row, COL_START, pcn_staff_get_start_date (staff), f->date);
  _pcn_xlsx_write_text (xlsx, sheet, row, COL_CHECKLIST, label, NULL);
  _pcn_xlsx_write_number (xlsx, sheet, row, COL_TOTAL, p->items_total, NULL);
  _pcn_xlsx_write_number (xlsx, sheet, row, COL_DONE, p->items_done, NULL);
  _pcn_xlsx_write_number (xlsx, sheet, row, COL_NA, p->items_na, NULL);
  _pcn_xlsx_write_number (xlsx, sheet, row, COL_OVERDUE, p->items_overdue,
                          p->items_overdue > 0 ? f->overdue : NULL);
  /* Done or not applicable, over all items; a list with no items is complete. */
  formula = g_strdup_printf ("=IF(F%u=0,1,(G%u+H%u)/F%u)", r, r, r, r);
  _pcn_xlsx_write_formula (xlsx, sheet, row, COL_PERCENT, formula, f->percent, fraction);
  if (g_date_valid (&p->next_due))
    _pcn_xlsx_write_date (xlsx, sheet, row, COL_NEXT_DUE, &p->next_due,
                          p->items_overdue > 0 ? f->overdue_date : f->date);
}

gboolean
pcn_export_induction_overview (const char   *path,
                               PcnNetwork   *network,
                               GPtrArray    *starters,
                               const GDate  *as_at,
                               GError      **error)
{
  static const char * const titles[N_OVERVIEW_COLUMNS] = {
    N_("Name"), N_("Payroll ID"), N_("Role"), N_("Start date"), N_("Checklist"), N_("Items"),
    N_("Done"), N_("N/A"), N_("Overdue"), N_("% complete"), N_("Next due"),
  };
  static const double widths[N_OVERVIEW_COLUMNS] = { 24, 12, 24, 12, 26, 8, 8, 8, 9, 11, 12 };
  g_autoptr(PcnXlsx) xlsx = NULL;
  Formats f = { NULL, };
  lxw_worksheet *sheet;
  lxw_row_t row = ROW_FIRST;
  guint n_starters = 0;
  g_autofree char *details = NULL;
  GDate today;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (PCN_IS_NETWORK (network), FALSE);

  if (as_at == NULL)
    {
      pcn_date_set_today (&today);
      as_at = &today;
    }

  xlsx = _pcn_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;
  _pcn_xlsx_set_properties (xlsx, _("Induction overview"), pcn_network_get_name (network));
  add_formats (xlsx, &f);
  sheet = _pcn_xlsx_add_worksheet (xlsx, _("Induction"), "Induction");
  if (sheet != NULL)
    {
      n_starters = starters != NULL ? starters->len : 0;
      details = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u starter in their first six months",
                                              "%u starters in their first six months",
                                              n_starters),
                                 n_starters);
      write_header_block (xlsx, &f, sheet, network, _("Induction progress per starter and checklist"),
                          details, as_at);
      write_headings (xlsx, &f, sheet, titles, widths, N_OVERVIEW_COLUMNS);
      worksheet_freeze_panes (sheet, ROW_FIRST, 1);
      worksheet_set_landscape (sheet);

      for (guint i = 0; i < n_starters; i++)
        {
          PcnInductionStarter *st = g_ptr_array_index (starters, i);

          for (guint j = 0; st->checklists != NULL && j < st->checklists->len; j++, row++)
            write_overview_row (xlsx, &f, sheet, row, st->staff, g_ptr_array_index (st->checklists, j));
        }
      _pcn_xlsx_check (xlsx, worksheet_autofilter (sheet, ROW_TABLE_HEADER, 0,
                                                   MAX (row - 1, ROW_TABLE_HEADER),
                                                   N_OVERVIEW_COLUMNS - 1));
    }
  return _pcn_xlsx_commit (xlsx, error);
}

/* ----------------------------------------------------------- one person */

enum
{
  PCOL_ITEM,
  PCOL_OWNER,
  PCOL_DUE,
  PCOL_STATUS,
  PCOL_DONE_BY,
  PCOL_DONE_ON,
  PCOL_NA_REASON,
  PCOL_NOTE,
  PCOL_SIGN,
  N_PERSON_COLUMNS
};

static void
write_person_item (PcnXlsx                *xlsx,
                   Formats                *f,
                   lxw_worksheet          *sheet,
                   lxw_row_t               row,
                   const PcnInductionItem *item,
                   const GDate            *as_at)
{
  gboolean overdue = pcn_induction_item_is_overdue (item, as_at);

  _pcn_xlsx_write_text (xlsx, sheet, row, PCOL_ITEM, item->text, f->wrap);
  _pcn_xlsx_write_text (xlsx, sheet, row, PCOL_OWNER, pcn_induction_owner_get_label (item->owner), NULL);
  if (g_date_valid (&item->due))
    _pcn_xlsx_write_date (xlsx, sheet, row, PCOL_DUE, &item->due, overdue ? f->overdue_date : f->date);
  if (overdue)
    _pcn_xlsx_write_text (xlsx, sheet, row, PCOL_STATUS, _("Overdue"), f->overdue);
  else
    _pcn_xlsx_write_text (xlsx, sheet, row, PCOL_STATUS, pcn_induction_status_get_label (item->status), NULL);
  _pcn_xlsx_write_text (xlsx, sheet, row, PCOL_DONE_BY, item->done_by, NULL);
  _pcn_xlsx_write_iso_date (xlsx, sheet, row, PCOL_DONE_ON, item->done_on, f->date);
  _pcn_xlsx_write_text (xlsx, sheet, row, PCOL_NA_REASON, item->na_reason, f->wrap);
  _pcn_xlsx_write_text (xlsx, sheet, row, PCOL_NOTE, item->note, f->wrap);
  _pcn_xlsx_write_blank (xlsx, sheet, row, PCOL_SIGN, f->sign);
}

/* The items of the checklist starting at @items[@first], section by
 * section in order of each section's first item; returns the next row and
 * sets @out_next to the first item of the next checklist. */
static lxw_row_t
write_person_checklist (PcnXlsx       *xlsx,
                        Formats       *f,
                        lxw_worksheet *sheet,
                        lxw_row_t      row,
                        PcnStaff      *staff,
                        GPtrArray     *items,
                        guint          first,
                        const GDate   *as_at,
                        guint         *out_next)
{
  PcnInductionItem *head = g_ptr_array_index (items, first);
  g_autofree char *label = checklist_label (head->checklist, head->practice, staff);
  g_autoptr(GPtrArray) sections = g_ptr_array_new ();
  guint end = first;

  while (end < items->len &&
         ((PcnInductionItem *) g_ptr_array_index (items, end))->checklist_id == head->checklist_id)
    end++;
  *out_next = end;

  _pcn_xlsx_write_text (xlsx, sheet, row, 0, label, f->checklist);
  for (guint c = 1; c < N_PERSON_COLUMNS; c++)
    _pcn_xlsx_write_blank (xlsx, sheet, row, c, f->checklist);
  row++;

  for (guint i = first; i < end; i++)
    {
      const char *section = ((PcnInductionItem *) g_ptr_array_index (items, i))->section;
      gboolean seen = FALSE;

      for (guint s = 0; s < sections->len && !seen; s++)
        seen = g_strcmp0 (g_ptr_array_index (sections, s), section) == 0;
      if (!seen)
        g_ptr_array_add (sections, (gpointer) section);
    }
  for (guint s = 0; s < sections->len; s++)
    {
      const char *section = g_ptr_array_index (sections, s);

      _pcn_xlsx_write_text (xlsx, sheet, row++, 0, section, f->section);
      for (guint i = first; i < end; i++)
        {
          PcnInductionItem *item = g_ptr_array_index (items, i);

          if (g_strcmp0 (item->section, section) == 0)
            write_person_item (xlsx, f, sheet, row++, item, as_at);
        }
    }
  return row + 1;   /* a blank row between checklists */
}

gboolean
pcn_export_induction_person (const char   *path,
                             PcnNetwork   *network,
                             PcnStaff     *staff,
                             GPtrArray    *items,
                             const GDate  *as_at,
                             GError      **error)
{
  static const char * const titles[N_PERSON_COLUMNS] = {
    N_("Item"), N_("Owner"), N_("Due"), N_("Status"), N_("Done by"), N_("Done on"),
    N_("N/A reason"), N_("Note"), N_("Signed off"),
  };
  static const double widths[N_PERSON_COLUMNS] = { 46, 13, 11, 12, 16, 11, 18, 22, 16 };
  g_autoptr(PcnXlsx) xlsx = NULL;
  Formats f = { NULL, };
  lxw_worksheet *sheet;
  g_autofree char *subtitle = NULL;
  g_autofree char *details = NULL;
  g_autofree char *start = NULL;
  lxw_row_t row = ROW_FIRST;
  GDate start_date;
  GDate today;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (PCN_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (PCN_IS_STAFF (staff), FALSE);

  if (as_at == NULL)
    {
      pcn_date_set_today (&today);
      as_at = &today;
    }

  xlsx = _pcn_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;
  _pcn_xlsx_set_properties (xlsx, _("Induction checklist"), pcn_staff_get_name (staff));
  add_formats (xlsx, &f);
  sheet = _pcn_xlsx_add_worksheet (xlsx, _("Checklist"), "Checklist");
  if (sheet != NULL)
    {
      g_date_clear (&start_date, 1);
      if (pcn_staff_get_start_date (staff) != NULL &&
          pcn_date_from_iso (pcn_staff_get_start_date (staff), &start_date))
        start = pcn_date_format_display (&start_date);
      /* Translators: %s a person's name */
      subtitle = g_strdup_printf (_("Induction checklist: %s"), pcn_staff_get_name (staff));
      /* Translators: %1$s role, %2$s payroll ID, %3$s start date */
      details = g_strdup_printf (_("%1$s · payroll ID %2$s · starts %3$s"),
                                 role_of (staff) ? role_of (staff) : "",
                                 pcn_staff_get_payroll_id (staff) ? pcn_staff_get_payroll_id (staff) : "—",
                                 start ? start : "—");
      write_header_block (xlsx, &f, sheet, network, subtitle, details, as_at);
      write_headings (xlsx, &f, sheet, titles, widths, N_PERSON_COLUMNS);
      worksheet_set_portrait (sheet);
      worksheet_set_margins (sheet, 0.5, 0.5, 0.6, 0.6);

      if (items == NULL || items->len == 0)
        _pcn_xlsx_write_text (xlsx, sheet, row, 0, _("No checklists issued"), NULL);
      for (guint i = 0; items != NULL && i < items->len;)
        row = write_person_checklist (xlsx, &f, sheet, row, staff, items, i, as_at, &i);
    }
  return _pcn_xlsx_commit (xlsx, error);
}
