/* pcn-export-vision.c — the "strategy on a page" workbook
 *
 * One sheet laid out top to bottom in sections, each a small table under a
 * bold heading. Columns are shared by the sections, so the widths suit
 * them all; the print set-up fits the lot on one landscape page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pcn-export.h"
#include "pcn-export-private.h"

#define NUM_FORMAT_SHORT_DATE 14
#define PAPER_A4              9
#define N_COLUMNS             6

typedef struct
{
  lxw_format *title;
  lxw_format *section;
  lxw_format *label;
  lxw_format *header;
  lxw_format *wrap;
  lxw_format *date;
  lxw_format *wte;
  lxw_format *attention;
} Formats;

typedef struct
{
  PcnXlsx       *xlsx;
  lxw_worksheet *sheet;
  Formats        f;
  lxw_row_t      row;      /* the next row to write */
} Page;

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
  f->section = _pcn_xlsx_add_format (xlsx);
  if (f->section != NULL)
    {
      format_set_bold (f->section);
      format_set_font_size (f->section, 12);
    }
  f->label = _pcn_xlsx_add_format (xlsx);
  if (f->label != NULL)
    {
      format_set_bold (f->label);
      format_set_align (f->label, LXW_ALIGN_VERTICAL_TOP);
    }
  f->header = _pcn_xlsx_add_format (xlsx);
  if (f->header != NULL)
    {
      format_set_bold (f->header);
      format_set_bottom (f->header, LXW_BORDER_THIN);
      format_set_bg_color (f->header, 0xDDE4EE);
      format_set_text_wrap (f->header);
      format_set_align (f->header, LXW_ALIGN_VERTICAL_TOP);
    }
  f->wrap = _pcn_xlsx_add_format (xlsx);
  if (f->wrap != NULL)
    {
      format_set_text_wrap (f->wrap);
      format_set_align (f->wrap, LXW_ALIGN_VERTICAL_TOP);
    }
  f->date = _pcn_xlsx_add_format (xlsx);
  if (f->date != NULL)
    {
      format_set_num_format_index (f->date, NUM_FORMAT_SHORT_DATE);
      format_set_align (f->date, LXW_ALIGN_VERTICAL_TOP);
    }
  f->wte = _pcn_xlsx_add_format (xlsx);
  if (f->wte != NULL)
    format_set_num_format (f->wte, "0.00");
  f->attention = _pcn_xlsx_add_format (xlsx);
  if (f->attention != NULL)
    format_set_bold (f->attention);
}

/* A bold section heading with a blank row above it. */
static void
write_section (Page       *page,
               const char *text)
{
  if (page->row > 0)
    page->row++;
  _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row++, 0, text, page->f.section);
}

/* Column headings of a section's table; @titles are N_() marked. */
static void
write_headings (Page               *page,
                const char * const *titles,
                guint               n_titles)
{
  for (guint c = 0; c < n_titles; c++)
    _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, c, _(titles[c]), page->f.header);
  page->row++;
}

/* A "nothing here" line, so an empty section is not mistaken for a
 * missing one. */
static void
write_none (Page       *page,
            const char *text)
{
  _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row++, 0, text, NULL);
}

static char *
post_names (GPtrArray *posts)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      g_autofree char *name = pcn_post_dup_display_name (g_ptr_array_index (posts, i));

      g_string_append_printf (s, "%s%s", i ? "; " : "", name);
    }
  return g_string_free (s, FALSE);
}

static void
write_vision (Page            *page,
              PcnVisionReport *report)
{
  _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 0, _("Vision"), page->f.label);
  _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row++, 1,
                        pcn_role_card_text_or_unwritten (report->vision->statement), NULL);
  _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 0, _("Purpose"), page->f.label);
  _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row++, 1,
                        pcn_role_card_text_or_unwritten (report->vision->purpose), NULL);
}

static void
write_objectives (Page            *page,
                  PcnVisionReport *report)
{
  static const char * const titles[] = {
    N_("Objective"), N_("Measure"), N_("Target"), N_("Owner"), N_("Review date"), N_("Posts serving it"),
  };

  write_section (page, _("Objectives"));
  write_headings (page, titles, G_N_ELEMENTS (titles));
  if (report->objectives->len == 0)
    write_none (page, _("No objectives yet"));
  for (guint i = 0; i < report->objectives->len; i++, page->row++)
    {
      PcnObjectivePosts *op = g_ptr_array_index (report->objectives, i);
      g_autofree char *posts = post_names (op->posts);

      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 0, op->objective->title, page->f.wrap);
      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 1, op->objective->measure, page->f.wrap);
      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 2, op->objective->target, page->f.wrap);
      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 3, op->objective->owner, page->f.wrap);
      _pcn_xlsx_write_iso_date (page->xlsx, page->sheet, page->row, 4, op->objective->review_date, page->f.date);
      if (op->posts->len > 0)
        _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 5, posts, page->f.wrap);
      else
        _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 5, _("No post"), page->f.attention);
    }
}

static void
write_links (Page            *page,
             PcnVisionReport *report)
{
  static const char * const post_titles[] = { N_("Post"), N_("Role"), N_("Marked as") };
  guint n_without = 0;

  write_section (page, _("Objectives with no post"));
  for (guint i = 0; i < report->objectives->len; i++)
    {
      PcnObjectivePosts *op = g_ptr_array_index (report->objectives, i);

      if (op->posts->len > 0)
        continue;
      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row++, 0, op->objective->title, NULL);
      n_without++;
    }
  if (n_without == 0)
    write_none (page, _("None: every objective has a post"));

  write_section (page, _("Posts with no objective"));
  if (report->unlinked_posts->len == 0)
    {
      write_none (page, _("None: every post serves an objective"));
      return;
    }
  write_headings (page, post_titles, G_N_ELEMENTS (post_titles));
  for (guint i = 0; i < report->unlinked_posts->len; i++, page->row++)
    {
      PcnPost *post = g_ptr_array_index (report->unlinked_posts, i);
      g_autofree char *name = pcn_post_dup_display_name (post);

      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 0, name, NULL);
      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 1, pcn_post_get_role_code (post), NULL);
      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 2,
                            pcn_post_marking_get_label (pcn_post_get_marking (post)), NULL);
    }
}

static void
write_buy_in (Page            *page,
              PcnVisionReport *report)
{
  static const char * const titles[] = {
    N_("Practice"), N_("Agreed"), N_("Date"), N_("By"), N_("Notes"),
  };

  write_section (page, _("Practice buy-in"));
  if (report->buy_in->len == 0)
    {
      write_none (page, _("No member practices"));
      return;
    }
  write_headings (page, titles, G_N_ELEMENTS (titles));
  for (guint i = 0; i < report->buy_in->len; i++, page->row++)
    {
      PcnPracticeBuyIn *b = g_ptr_array_index (report->buy_in, i);

      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 0, b->practice, NULL);
      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 1, b->agreed ? _("Yes") : _("No"),
                            b->agreed ? NULL : page->f.attention);
      _pcn_xlsx_write_iso_date (page->xlsx, page->sheet, page->row, 2, b->date, page->f.date);
      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 3, b->agreed_by, page->f.wrap);
      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 4, b->notes, page->f.wrap);
    }
}

static char *
role_codes (GPtrArray *roles)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; roles != NULL && i < roles->len; i++)
    g_string_append_printf (s, "%s%s", i ? ", " : "", (const char *) g_ptr_array_index (roles, i));
  return g_string_free (s, FALSE);
}

static void
write_skills (Page            *page,
              PcnVisionReport *report)
{
  static const char * const skill_titles[] = {
    N_("Skill"), N_("Count in period"), N_("Roles"), N_("Suggested WTE"),
  };
  static const char * const role_titles[] = {
    N_("Role"), N_("Suggested WTE"), N_("WTE in post"), N_("WTE planned"), N_("Gap (WTE)"),
  };
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *period = NULL;
  GDate d;

  write_section (page, _("Skills-need audit"));
  if (report->audit == NULL)
    {
      write_none (page, _("No audit recorded"));
      return;
    }
  from = pcn_date_from_iso (report->audit->from_date, &d) ? pcn_date_format_display (&d)
                                                          : g_strdup (report->audit->from_date);
  to = pcn_date_from_iso (report->audit->to_date, &d) ? pcn_date_format_display (&d)
                                                      : g_strdup (report->audit->to_date);
  /* Translators: %1$s and %2$s are dates, %3$d a number of days, %4$.0f
   * minutes, e.g. "GP appointments from 1 Jan 2026 to 31 Jan 2026 (31
   * days); one WTE works 94500 minutes a year" */
  period = g_strdup_printf (_("GP appointments from %1$s to %2$s (%3$d days); one WTE works %4$.0f minutes a year"),
                            from, to, pcn_skills_audit_get_days (report->audit), report->minutes_per_wte_year);
  _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row++, 0, period, NULL);
  write_headings (page, skill_titles, G_N_ELEMENTS (skill_titles));
  for (guint i = 0; i < report->skills->len; i++, page->row++)
    {
      PcnSkillNeed *s = g_ptr_array_index (report->skills, i);
      g_autofree char *roles = role_codes (s->roles);

      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 0, s->name, NULL);
      _pcn_xlsx_write_number (page->xlsx, page->sheet, page->row, 1, s->count, NULL);
      if (s->roles->len > 0)
        _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 2, roles, NULL);
      else
        _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 2, _("No role"), page->f.attention);
      _pcn_xlsx_write_number (page->xlsx, page->sheet, page->row, 3, s->suggested_wte, page->f.wte);
    }

  page->row++;
  _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row++, 0,
                        _("Suggested WTE per role against the plan"), page->f.label);
  write_headings (page, role_titles, G_N_ELEMENTS (role_titles));
  for (guint i = 0; i < report->roles->len; i++, page->row++)
    {
      PcnRoleNeed *n = g_ptr_array_index (report->roles, i);
      g_autofree char *formula = NULL;
      guint r = page->row + 1;   /* the row as Excel numbers it */
      double gap = pcn_role_need_get_gap_wte (n);

      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row, 0,
                            n->role_name != NULL ? n->role_name : n->role_code, NULL);
      _pcn_xlsx_write_number (page->xlsx, page->sheet, page->row, 1, n->suggested_wte, page->f.wte);
      _pcn_xlsx_write_number (page->xlsx, page->sheet, page->row, 2, n->in_post_wte_milli / 1000.0, page->f.wte);
      _pcn_xlsx_write_number (page->xlsx, page->sheet, page->row, 3, n->planned_wte_milli / 1000.0, page->f.wte);
      formula = g_strdup_printf ("=B%u-(C%u+D%u)", r, r, r);
      _pcn_xlsx_write_formula (page->xlsx, page->sheet, page->row, 4, formula, page->f.wte, gap);
    }
}

static void
write_checks (Page            *page,
              PcnVisionReport *report)
{
  if (report->checks->len == 0)
    return;
  write_section (page, _("Checks"));
  for (guint i = 0; i < report->checks->len; i++)
    {
      PcnCheck *c = g_ptr_array_index (report->checks, i);

      _pcn_xlsx_write_text (page->xlsx, page->sheet, page->row++, 0, c->message, NULL);
    }
}

gboolean
pcn_export_vision (const char       *path,
                   PcnNetwork       *network,
                   PcnVisionReport  *report,
                   GError          **error)
{
  static const double widths[N_COLUMNS] = { 34, 34, 18, 18, 16, 40 };
  g_autoptr(PcnXlsx) xlsx = NULL;
  g_autofree char *as_at_text = NULL;
  g_autofree char *as_at_line = NULL;
  Page page = { NULL, };
  GDate as_at;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (PCN_IS_NETWORK (network), FALSE);
  g_return_val_if_fail (report != NULL && report->vision != NULL, FALSE);

  if (report->as_at == NULL || !pcn_date_from_iso (report->as_at, &as_at))
    pcn_date_set_today (&as_at);

  xlsx = _pcn_xlsx_new (path, error);
  if (xlsx == NULL)
    return FALSE;
  _pcn_xlsx_set_properties (xlsx, _("Strategy on a page"), pcn_network_get_name (network));
  page.xlsx = xlsx;
  add_formats (xlsx, &page.f);
  page.sheet = _pcn_xlsx_add_worksheet (xlsx, _("Strategy"), "Strategy");
  if (page.sheet == NULL)
    return _pcn_xlsx_commit (xlsx, error);

  for (guint c = 0; c < N_COLUMNS; c++)
    _pcn_xlsx_check (xlsx, worksheet_set_column (page.sheet, c, c, widths[c], NULL));

  _pcn_xlsx_write_text (xlsx, page.sheet, page.row++, 0, pcn_network_get_name (network), page.f.title);
  _pcn_xlsx_write_text (xlsx, page.sheet, page.row++, 0, _("Strategy on a page"), page.f.label);
  as_at_text = pcn_date_format_display (&as_at);
  /* Translators: %s is a date, e.g. "1 Apr 2026" */
  as_at_line = g_strdup_printf (_("As at %s"), as_at_text);
  _pcn_xlsx_write_text (xlsx, page.sheet, page.row++, 0, as_at_line, NULL);
  page.row++;

  write_vision (&page, report);
  write_objectives (&page, report);
  write_links (&page, report);
  write_buy_in (&page, report);
  write_skills (&page, report);
  write_checks (&page, report);

  worksheet_set_landscape (page.sheet);
  worksheet_set_paper (page.sheet, PAPER_A4);
  worksheet_fit_to_pages (page.sheet, 1, 1);
  _pcn_xlsx_check (xlsx, worksheet_print_area (page.sheet, 0, 0, MAX (page.row, 1) - 1, N_COLUMNS - 1));
  /* Translators: a workbook's printed footer. &P is the page number and &N
   * the number of pages: keep both. */
  _pcn_xlsx_check (xlsx, worksheet_set_footer (page.sheet, _("&CPage &P of &N")));
  return _pcn_xlsx_commit (xlsx, error);
}
