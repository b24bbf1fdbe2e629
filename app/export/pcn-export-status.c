/* pcn-export-status.c — the supervision, training and integration workbook
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pcn-export.h"
#include "pcn-export-private.h"

/* Rows of each sheet's header block, then its table. */
enum
{
  ROW_TITLE,
  ROW_SUBTITLE,
  ROW_AS_AT,
  ROW_SPACER,
  ROW_TABLE_HEADER,
  ROW_FIRST,
};

#define NUM_FORMAT_SHORT_DATE 14

typedef struct
{
  lxw_format *title;
  lxw_format *label;
  lxw_format *header;
  lxw_format *date;
  lxw_format *attention;   /* overdue, expired, missing, flags */
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
  f->attention = _pcn_xlsx_add_format (xlsx);
  if (f->attention != NULL)
    format_set_bold (f->attention);
}

/* The header block, column headings and widths, print set-up. */
static lxw_worksheet *
begin_sheet (PcnXlsx            *xlsx,
             Formats            *f,
             const char         *name,
             const char         *fallback,
             PcnNetwork         *network,
             const char         *subtitle,
             const GDate        *as_at,
             const char * const *titles,
             const double       *widths,
             guint               n_columns)
{
  lxw_worksheet *sheet = _pcn_xlsx_add_worksheet (xlsx, name, fallback);
  g_autofree char *as_at_text = pcn_date_format_display (as_at);
  g_autofree char *as_at_line = NULL;

  if (sheet == NULL)
    return NULL;

  _pcn_xlsx_write_text (xlsx, sheet, ROW_TITLE, 0, pcn_network_get_name (network), f->title);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_SUBTITLE, 0, subtitle, f->label);
  /* Translators: %s is a date, e.g. "1 Apr 2026" */
  as_at_line = g_strdup_printf (_("As at %s"), as_at_text);
  _pcn_xlsx_write_text (xlsx, sheet, ROW_AS_AT, 0, as_at_line, NULL);

  for (guint c = 0; c < n_columns; c++)
    {
      _pcn_xlsx_write_text (xlsx, sheet, ROW_TABLE_HEADER, c, _(titles[c]), f->header);
      _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, c, c, widths[c], NULL));
    }
  worksheet_freeze_panes (sheet, ROW_FIRST, 1);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, 9);   /* A4 */
  worksheet_fit_to_pages (sheet, 1, 0);
  _pcn_xlsx_check (xlsx, worksheet_repeat_rows (sheet, ROW_TABLE_HEADER, ROW_TABLE_HEADER));
  return sheet;
}

static void
end_sheet (PcnXlsx       *xlsx,
           lxw_worksheet *sheet,
           lxw_row_t      last_row,
           guint          n_columns)
{
  if (sheet == NULL)
    return;
  _pcn_xlsx_check (xlsx, worksheet_autofilter (sheet, ROW_TABLE_HEADER, 0,
                                               MAX (last_row, ROW_TABLE_HEADER), n_columns - 1));
}

static const char *
role_of (PcnStaff *staff)
{
  return pcn_staff_get_role_name (staff) ? pcn_staff_get_role_name (staff)
                                         : pcn_staff_get_role_code (staff);
}

static void
write_supervision (PcnXlsx              *xlsx,
                   Formats              *f,
                   PcnNetwork           *network,
                   PcnSupervisionReport *report,
                   const GDate          *as_at)
{
  static const char * const titles[] = {
    N_("Name"), N_("Role"), N_("Kind of supervision"), N_("Status"), N_("Every (days)"),
    N_("Last session"), N_("Next due"), N_("Supervisors"),
  };
  static const double widths[] = { 24, 24, 22, 14, 10, 13, 13, 30 };
  lxw_worksheet *sheet;
  lxw_row_t row = ROW_FIRST;

  sheet = begin_sheet (xlsx, f, _("Supervision"), "Supervision", network,
                       _("Supervision status per person"), as_at, titles, widths, G_N_ELEMENTS (titles));
  if (sheet == NULL)
    return;
  for (guint i = 0; i < report->people->len; i++)
    {
      PcnSupervisionPerson *p = g_ptr_array_index (report->people, i);

      for (guint k = 0; k < p->kinds->len; k++, row++)
        {
          PcnSupervisionKindStatus *ks = &g_array_index (p->kinds, PcnSupervisionKindStatus, k);
          gboolean bad = ks->status == PCN_SUPERVISION_STATUS_OVERDUE ||
                         ks->status == PCN_SUPERVISION_STATUS_NO_SUPERVISOR;

          _pcn_xlsx_write_text (xlsx, sheet, row, 0, pcn_staff_get_name (p->staff), NULL);
          _pcn_xlsx_write_text (xlsx, sheet, row, 1, role_of (p->staff), NULL);
          _pcn_xlsx_write_text (xlsx, sheet, row, 2, pcn_supervision_kind_get_label (ks->kind), NULL);
          _pcn_xlsx_write_text (xlsx, sheet, row, 3, pcn_supervision_status_get_label (ks->status),
                                bad ? f->attention : NULL);
          if (ks->frequency_days > 0)
            _pcn_xlsx_write_number (xlsx, sheet, row, 4, ks->frequency_days, NULL);
          else
            _pcn_xlsx_write_text (xlsx, sheet, row, 4, _("not known"), NULL);
          _pcn_xlsx_write_iso_date (xlsx, sheet, row, 5, ks->last, f->date);
          _pcn_xlsx_write_iso_date (xlsx, sheet, row, 6, ks->next_due, f->date);
          _pcn_xlsx_write_text (xlsx, sheet, row, 7, ks->supervisors, NULL);
        }
    }
  end_sheet (xlsx, sheet, row - 1, G_N_ELEMENTS (titles));
}

static PcnStaff *
find_staff (GPtrArray *staff,
            gint64     id)
{
  for (guint i = 0; staff != NULL && i < staff->len; i++)
    if (pcn_staff_get_id (g_ptr_array_index (staff, i)) == id)
      return g_ptr_array_index (staff, i);
  return NULL;
}

static void
write_training (PcnXlsx     *xlsx,
                Formats     *f,
                PcnNetwork  *network,
                GPtrArray   *staff,
                GPtrArray   *training,
                const GDate *as_at)
{
  static const char * const titles[] = {
    N_("Name"), N_("Role"), N_("Training or pathway item"), N_("Due or expires"),
    N_("Completed on"), N_("Status"),
  };
  static const double widths[] = { 24, 24, 40, 14, 14, 12 };
  lxw_worksheet *sheet;
  lxw_row_t row = ROW_FIRST;

  sheet = begin_sheet (xlsx, f, _("Training"), "Training", network,
                       _("Training and pathway items"), as_at, titles, widths, G_N_ELEMENTS (titles));
  if (sheet == NULL)
    return;
  for (guint i = 0; training != NULL && i < training->len; i++)
    {
      PcnTrainingItem *item = g_ptr_array_index (training, i);
      PcnStaff *s = find_staff (staff, item->staff_id);
      PcnTrainingStatus status = pcn_training_item_get_status (item, as_at);

      if (s != NULL && pcn_staff_get_status (s, as_at) == PCN_STAFF_STATUS_LEFT)
        continue;
      _pcn_xlsx_write_text (xlsx, sheet, row, 0, s ? pcn_staff_get_name (s) : NULL, NULL);
      _pcn_xlsx_write_text (xlsx, sheet, row, 1, s ? role_of (s) : NULL, NULL);
      _pcn_xlsx_write_text (xlsx, sheet, row, 2, item->name, NULL);
      _pcn_xlsx_write_iso_date (xlsx, sheet, row, 3, item->due_date, f->date);
      _pcn_xlsx_write_iso_date (xlsx, sheet, row, 4, item->completed_on, f->date);
      _pcn_xlsx_write_text (xlsx, sheet, row, 5, pcn_training_status_get_label (status),
                            status == PCN_TRAINING_STATUS_CURRENT ? NULL : f->attention);
      row++;
    }
  end_sheet (xlsx, sheet, row - 1, G_N_ELEMENTS (titles));
}

static void
write_integration (PcnXlsx     *xlsx,
                   Formats     *f,
                   PcnNetwork  *network,
                   GPtrArray   *checks,
                   const GDate *as_at)
{
  const char *titles[3 + PCN_INTEGRATION_N_INDICATORS + 3];
  double widths[G_N_ELEMENTS (titles)];
  lxw_worksheet *sheet;
  lxw_row_t row = ROW_FIRST;
  guint n = 0;

  titles[n] = N_("Name"); widths[n++] = 24;
  titles[n] = N_("Role"); widths[n++] = 24;
  titles[n] = N_("Sites"); widths[n++] = 7;
  for (int k = 0; k < PCN_INTEGRATION_N_INDICATORS; k++)
    {
      /* The labels are translated already; begin_sheet translates again,
       * which leaves a translated string as it is. */
      titles[n] = pcn_integration_indicator_get_label (k);
      widths[n++] = 14;
    }
  titles[n] = N_("Score"); widths[n++] = 8;
  titles[n] = N_("Out of"); widths[n++] = 8;
  titles[n] = N_("Flags"); widths[n++] = 40;

  sheet = begin_sheet (xlsx, f, _("Integration"), "Integration", network,
                       _("Integration check (autonomy, belonging, contribution), most at risk first"),
                       as_at, titles, widths, n);
  if (sheet == NULL)
    return;
  for (guint i = 0; checks != NULL && i < checks->len; i++, row++)
    {
      PcnIntegrationCheck *c = g_ptr_array_index (checks, i);
      g_autoptr(GString) flags = g_string_new (NULL);
      guint col = 0;

      _pcn_xlsx_write_text (xlsx, sheet, row, col++, pcn_staff_get_name (c->staff), NULL);
      _pcn_xlsx_write_text (xlsx, sheet, row, col++, role_of (c->staff), NULL);
      _pcn_xlsx_write_number (xlsx, sheet, row, col++, c->sites, NULL);
      for (int k = 0; k < PCN_INTEGRATION_N_INDICATORS; k++, col++)
        {
          if (c->met[k] == PCN_ANSWER_YES)
            _pcn_xlsx_write_text (xlsx, sheet, row, col, _("Yes"), NULL);
          else if (c->met[k] == PCN_ANSWER_NO)
            _pcn_xlsx_write_text (xlsx, sheet, row, col, _("No"), f->attention);
          else
            _pcn_xlsx_write_text (xlsx, sheet, row, col, _("Not known"), NULL);
        }
      _pcn_xlsx_write_number (xlsx, sheet, row, col++, c->score, NULL);
      _pcn_xlsx_write_number (xlsx, sheet, row, col++, c->max_score, NULL);
      for (guint j = 0; j < c->flags->len; j++)
        g_string_append_printf (flags, "%s%s", j ? ", " : "", (const char *) g_ptr_array_index (c->flags, j));
      _pcn_xlsx_write_text (xlsx, sheet, row, col++, flags->str, NULL);
    }
  end_sheet (xlsx, sheet, row - 1, n);
}

gboolean
pcn_export_status (const char            *path,
                   PcnNetwork            *network,
                   PcnSupervisionReport  *report,
                   GPtrArray             *staff,
                   GPtrArray             *training,
                   GPtrArray             *checks,
                   const GDate           *as_at,
                   GError               **error)
{
  g_autoptr(PcnXlsx) xlsx = NULL;
  Formats f = { NULL, };
  GDate today;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (PCN_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  if (as_at == NULL)
    {
      pcn_date_set_today (&today);
      as_at = &today;
    }

  xlsx = _pcn_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;
  _pcn_xlsx_set_properties (xlsx, _("Supervision, training and integration"),
                            pcn_network_get_name (network));
  add_formats (xlsx, &f);
  write_supervision (xlsx, &f, network, report, as_at);
  write_training (xlsx, &f, network, staff, training, as_at);
  write_integration (xlsx, &f, network, checks, as_at);
  return _pcn_xlsx_commit (xlsx, error);
}
