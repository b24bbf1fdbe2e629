/* pcn-export-rolecards.c — role cards for practices and reception teams
 *
 * One portrait sheet of two columns: a bold label and the text beside it.
 * Each role is a block (heading then four rows) with a page break above
 * every block but the first, so a practice can print one role per page
 * and pin it up at reception.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pcn-export.h"
#include "pcn-export-private.h"

#define PAPER_A4            9
#define N_COLUMNS           2
/* libxlsxwriter refuses headers and footers over 255 characters; the PCN's
 * name is cut well short of that (in characters, so UTF-8 stays whole). */
#define FOOTER_NAME_MAX     80
/* Excel allows 1,023 manual page breaks on a sheet. */
#define MAX_PAGE_BREAKS     1023

typedef struct
{
  lxw_format *title;
  lxw_format *subtitle;
  lxw_format *heading;
  lxw_format *label;
  lxw_format *text;
  lxw_format *unwritten;
} Formats;

static void
add_formats (PcnXlsx *xlsx,
             Formats *f)
{
  f->title = _pcn_xlsx_add_format (xlsx);
  if (f->title != NULL)
    {
      format_set_bold (f->title);
      format_set_font_size (f->title, 16);
    }
  f->subtitle = _pcn_xlsx_add_format (xlsx);
  if (f->subtitle != NULL)
    format_set_bold (f->subtitle);
  f->heading = _pcn_xlsx_add_format (xlsx);
  if (f->heading != NULL)
    {
      format_set_bold (f->heading);
      format_set_font_size (f->heading, 14);
      format_set_bottom (f->heading, LXW_BORDER_THIN);
      format_set_bg_color (f->heading, 0xDDE4EE);
    }
  f->label = _pcn_xlsx_add_format (xlsx);
  if (f->label != NULL)
    {
      format_set_bold (f->label);
      format_set_text_wrap (f->label);
      format_set_align (f->label, LXW_ALIGN_VERTICAL_TOP);
    }
  f->text = _pcn_xlsx_add_format (xlsx);
  if (f->text != NULL)
    {
      format_set_text_wrap (f->text);
      format_set_align (f->text, LXW_ALIGN_VERTICAL_TOP);
    }
  f->unwritten = _pcn_xlsx_add_format (xlsx);
  if (f->unwritten != NULL)
    {
      format_set_italic (f->unwritten);
      format_set_font_color (f->unwritten, 0x595959);
      format_set_text_wrap (f->unwritten);
      format_set_align (f->unwritten, LXW_ALIGN_VERTICAL_TOP);
    }
}

/* "&L<name>&C<Page &P of &N>": the name with Excel's '&' codes escaped. */
static char *
make_footer (const char *name)
{
  GString *s = g_string_new ("&L");
  const char *p = name != NULL ? name : "";

  for (guint n = 0; *p != '\0' && n < FOOTER_NAME_MAX; p = g_utf8_next_char (p), n++)
    {
      if (*p == '&')
        g_string_append (s, "&&");
      else
        g_string_append_len (s, p, g_utf8_next_char (p) - p);
    }
  /* Translators: a workbook's printed footer. &P is the page number and &N
   * the number of pages: keep both. */
  g_string_append (s, _("&CPage &P of &N"));
  return g_string_free (s, FALSE);
}

gboolean
pcn_export_role_cards (const char  *path,
                       PcnNetwork  *network,
                       GPtrArray   *cards,
                       GError     **error)
{
  static const double widths[N_COLUMNS] = { 24, 66 };
  g_autoptr(PcnXlsx) xlsx = NULL;
  g_autoptr(GArray) breaks = NULL;
  g_autofree char *footer = NULL;
  lxw_worksheet *sheet;
  Formats f = { NULL, };
  lxw_row_t row = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (PCN_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (cards != NULL, FALSE);

  xlsx = _pcn_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;
  _pcn_xlsx_set_properties (xlsx, _("Role cards"), pcn_network_get_name (network));
  add_formats (xlsx, &f);
  sheet = _pcn_xlsx_add_worksheet (xlsx, _("Role cards"), "Role cards");
  if (sheet == NULL)
    return _pcn_xlsx_commit (xlsx, error);

  for (guint c = 0; c < N_COLUMNS; c++)
    _pcn_xlsx_check (xlsx, worksheet_set_column (sheet, c, c, widths[c], NULL));

  _pcn_xlsx_write_text (xlsx, sheet, row++, 0, pcn_network_get_name (network), f.title);
  _pcn_xlsx_write_text (xlsx, sheet, row++, 0,
                        _("Role cards: what each role does, who supervises it and how to refer"), f.subtitle);
  if (cards->len == 0)
    _pcn_xlsx_write_text (xlsx, sheet, ++row, 0, _("No role cards"), NULL);

  breaks = g_array_new (TRUE, TRUE, sizeof (lxw_row_t));   /* zero-terminated */
  for (guint i = 0; i < cards->len; i++)
    {
      const PcnRoleCard *card = g_ptr_array_index (cards, i);
      const char *labels[] = {
        _("What they do"), _("What they do not do"), _("Who supervises them"), _("How to refer"),
      };
      const char *texts[] = { card->does, card->does_not, card->supervised_by, card->how_to_refer };
      const char *name = card->role_name != NULL && *card->role_name != '\0' ? card->role_name : card->role_code;

      row++;   /* a blank row above each block */
      if (i > 0 && breaks->len < MAX_PAGE_BREAKS)
        {
          lxw_row_t at = row;

          g_array_append_val (breaks, at);
        }
      _pcn_xlsx_write_text (xlsx, sheet, row, 0, name, f.heading);
      _pcn_xlsx_write_blank (xlsx, sheet, row, 1, f.heading);
      row++;
      for (guint k = 0; k < G_N_ELEMENTS (labels); k++, row++)
        {
          gboolean empty = texts[k] == NULL || *texts[k] == '\0';

          _pcn_xlsx_write_text (xlsx, sheet, row, 0, labels[k], f.label);
          _pcn_xlsx_write_text (xlsx, sheet, row, 1, pcn_role_card_text_or_unwritten (texts[k]),
                                empty ? f.unwritten : f.text);
        }
    }

  if (breaks->len > 0 && _pcn_xlsx_ok (xlsx))
    _pcn_xlsx_check (xlsx, worksheet_set_h_pagebreaks (sheet, (lxw_row_t *) breaks->data));

  if (_pcn_xlsx_ok (xlsx))
    {
      worksheet_set_portrait (sheet);
      worksheet_set_paper (sheet, PAPER_A4);
      worksheet_fit_to_pages (sheet, 1, 0);
      _pcn_xlsx_check (xlsx, worksheet_print_area (sheet, 0, 0, MAX (row, 1) - 1, N_COLUMNS - 1));
      footer = make_footer (pcn_network_get_name (network));
      _pcn_xlsx_check (xlsx, worksheet_set_footer (sheet, footer));
    }
  return _pcn_xlsx_commit (xlsx, error);
}
