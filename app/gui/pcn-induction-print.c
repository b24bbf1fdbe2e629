/* pcn-induction-print.c — printing a starter's induction checklists
 *
 * begin-print lays every line out with Pango at the page's width and
 * splits them into pages; draw-page only draws the lines of its page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-induction-print.h"

#define GAP 4.0  /* points between lines */

typedef enum
{
  LINE_TITLE,
  LINE_SUBTITLE,
  LINE_CHECKLIST,
  LINE_SECTION,
  LINE_HEADER,
  LINE_ITEM,
} LineKind;

typedef struct
{
  LineKind  kind;
  char     *text;      /* title, heading, or the item's text */
  char     *due;       /* items and the header: the other columns */
  char     *status;
  char     *signoff;
  double    height;
  int       page;
} Line;

typedef struct
{
  PcnStaff  *staff;
  GPtrArray *items;
  GDate      as_at;
  GArray    *lines;     /* Line */
  double     width;
  int        n_pages;
} PrintData;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_free (line->text);
  g_free (line->due);
  g_free (line->status);
  g_free (line->signoff);
}

static void
print_data_free (PrintData *d)
{
  g_clear_object (&d->staff);
  g_clear_pointer (&d->items, g_ptr_array_unref);
  g_clear_pointer (&d->lines, g_array_unref);
  g_free (d);
}

static void
add_line (PrintData  *d,
          LineKind    kind,
          const char *text,
          const char *due,
          const char *status,
          const char *signoff)
{
  Line line = { kind, g_strdup (text), g_strdup (due), g_strdup (status), g_strdup (signoff),
                0, 0 };

  g_array_append_val (d->lines, line);
}

static const char *
checklist_title (const PcnInductionItem *item)
{
  if (item->checklist == PCN_CHECKLIST_PRACTICE && item->practice != NULL)
    return item->practice;
  return pcn_checklist_kind_get_label (item->checklist);
}

static void
build_lines (PrintData *d)
{
  g_autofree char *start = pcn_iso_format_display (pcn_staff_get_start_date (d->staff));
  g_autofree char *as_at = pcn_date_format_display (&d->as_at);
  g_autofree char *subtitle = NULL;
  const PcnInductionItem *prev = NULL;

  add_line (d, LINE_TITLE, _("Induction checklist"), NULL, NULL, NULL);
  /* Translators: %1$s a name, %2$s a role, %3$s the start date, %4$s the date printed */
  subtitle = g_strdup_printf (_("%1$s, %2$s — started %3$s — status as at %4$s"),
                              pcn_staff_get_name (d->staff),
                              pcn_staff_get_role_name (d->staff) ? pcn_staff_get_role_name (d->staff) : "",
                              start, as_at);
  add_line (d, LINE_SUBTITLE, subtitle, NULL, NULL, NULL);

  for (guint i = 0; i < d->items->len; i++)
    {
      const PcnInductionItem *item = g_ptr_array_index (d->items, i);
      g_autofree char *due = g_date_valid (&item->due) ? pcn_date_format_display (&item->due)
                                                       : g_strdup ("");
      g_autofree char *on = pcn_iso_format_display (item->done_on);
      g_autofree char *signoff = NULL;
      g_autofree char *text = NULL;
      const char *status;

      if (prev == NULL || prev->checklist_id != item->checklist_id)
        {
          g_autofree char *heading = NULL;

          /* Translators: %s is "PCN", a practice's name or "Employer" */
          heading = g_strdup_printf (_("Checklist: %s"), checklist_title (item));
          add_line (d, LINE_CHECKLIST, heading, NULL, NULL, NULL);
        }
      if (prev == NULL || prev->checklist_id != item->checklist_id ||
          g_strcmp0 (prev->section, item->section) != 0)
        {
          add_line (d, LINE_SECTION, item->section, NULL, NULL, NULL);
          add_line (d, LINE_HEADER, _("Item"), _("Due"), _("Status"), _("Signed off (name, date)"));
        }

      if (item->status == PCN_INDUCTION_STATUS_OPEN)
        status = pcn_induction_item_is_overdue (item, &d->as_at) ? _("Overdue") : _("Open");
      else
        status = pcn_induction_status_get_label (item->status);
      if (item->status == PCN_INDUCTION_STATUS_OPEN)
        signoff = g_strdup ("______________________");
      else
        /* Translators: %1$s a name, %2$s a date */
        signoff = g_strdup_printf (_("%1$s, %2$s"), item->done_by ? item->done_by : "", on);
      if (item->status == PCN_INDUCTION_STATUS_NA && item->na_reason != NULL)
        /* Translators: an item's text, then why it does not apply */
        text = g_strdup_printf (_("%1$s (not applicable: %2$s)"), item->text, item->na_reason);
      else if (item->note != NULL && item->note[0] != '\0')
        /* Translators: an item's text, then its note */
        text = g_strdup_printf (_("%1$s (note: %2$s)"), item->text, item->note);
      else
        text = g_strdup (item->text);
      add_line (d, LINE_ITEM, text, due, status, signoff);
      prev = item;
    }
}

/* Column x positions and widths, as fractions of the page width. */
static const double col_x[] = { 0.0, 0.55, 0.68, 0.78 };
static const double col_w[] = { 0.53, 0.12, 0.10, 0.22 };

static PangoLayout *
make_layout (GtkPrintContext *context,
             double           width,
             const char      *text,
             double           size,
             gboolean         bold)
{
  PangoLayout *layout = gtk_print_context_create_pango_layout (context);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string ("Sans");

  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text ? text : "", -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int w, h;

  pango_layout_get_size (layout, &w, &h);
  return (double) h / PANGO_SCALE;
}

static double
line_size (LineKind kind)
{
  switch (kind)
    {
    case LINE_TITLE: return 18;
    case LINE_SUBTITLE: return 11;
    case LINE_CHECKLIST: return 14;
    case LINE_SECTION: return 11;
    case LINE_HEADER: return 9;
    case LINE_ITEM: return 9;
    default: return 9;
    }
}

/* Draws (when @cr is not NULL) or measures a line at @y; returns its height. */
static double
render_line (GtkPrintContext *context,
             cairo_t         *cr,
             const Line      *line,
             double           width,
             double           y)
{
  double size = line_size (line->kind);
  gboolean bold = line->kind != LINE_ITEM && line->kind != LINE_SUBTITLE;

  if (line->kind == LINE_ITEM || line->kind == LINE_HEADER)
    {
      const char *cols[] = { line->text, line->due, line->status, line->signoff };
      double h = 0;

      for (guint c = 0; c < G_N_ELEMENTS (cols); c++)
        {
          g_autoptr(PangoLayout) layout = make_layout (context, width * col_w[c], cols[c], size,
                                                       bold);
          if (cr != NULL)
            {
              cairo_move_to (cr, width * col_x[c], y);
              pango_cairo_show_layout (cr, layout);
            }
          h = MAX (h, layout_height (layout));
        }
      if (cr != NULL)
        {
          cairo_set_line_width (cr, line->kind == LINE_HEADER ? 0.8 : 0.3);
          cairo_move_to (cr, 0, y + h + GAP / 2);
          cairo_line_to (cr, width, y + h + GAP / 2);
          cairo_stroke (cr);
        }
      return h + GAP;
    }
  else
    {
      g_autoptr(PangoLayout) layout = make_layout (context, width, line->text, size, bold);
      double top = line->kind == LINE_CHECKLIST ? 10 : line->kind == LINE_SECTION ? 6 : 0;

      if (cr != NULL)
        {
          cairo_move_to (cr, 0, y + top);
          pango_cairo_show_layout (cr, layout);
        }
      return top + layout_height (layout) + GAP;
    }
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   PrintData         *d)
{
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  double footer = 20;
  double y = 0;
  int page = 0;

  d->width = width;
  for (guint i = 0; i < d->lines->len; i++)
    {
      Line *line = &g_array_index (d->lines, Line, i);
      gboolean keep_with_next = line->kind == LINE_CHECKLIST || line->kind == LINE_SECTION;

      line->height = render_line (context, NULL, line, width, 0);
      /* Headings keep with the two lines after them. */
      if (keep_with_next && y > 0 && y + line->height + 60 > height - footer)
        {
          page++;
          y = 0;
        }
      else if (y > 0 && y + line->height > height - footer)
        {
          page++;
          y = 0;
        }
      line->page = page;
      y += line->height;
    }
  d->n_pages = page + 1;
  gtk_print_operation_set_n_pages (operation, d->n_pages);
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page_nr,
                 PrintData         *d)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double width = gtk_print_context_get_width (context);
  double height = gtk_print_context_get_height (context);
  g_autofree char *footer_text = NULL;
  g_autoptr(PangoLayout) footer = NULL;
  double y = 0;

  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < d->lines->len; i++)
    {
      const Line *line = &g_array_index (d->lines, Line, i);

      if (line->page != page_nr)
        continue;
      y += render_line (context, cr, line, width, y);
    }

  /* Translators: page footer: %1$s a name, %2$d this page, %3$d how many pages */
  footer_text = g_strdup_printf (_("%1$s — induction — page %2$d of %3$d"),
                                 pcn_staff_get_name (d->staff), page_nr + 1, d->n_pages);
  footer = make_layout (context, width, footer_text, 8, FALSE);
  pango_layout_set_alignment (footer, PANGO_ALIGN_RIGHT);
  cairo_move_to (cr, 0, height - layout_height (footer));
  pango_cairo_show_layout (cr, footer);
}

GtkPrintOperation *
pcn_induction_print_new (PcnStaff    *staff,
                         GPtrArray   *items,
                         const GDate *as_at)
{
  GtkPrintOperation *operation;
  PrintData *d;
  g_autofree char *job = NULL;

  g_return_val_if_fail (PCN_IS_STAFF (staff), NULL);
  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  d = g_new0 (PrintData, 1);
  d->staff = g_object_ref (staff);
  d->items = g_ptr_array_new_full (items->len, (GDestroyNotify) pcn_induction_item_free);
  for (guint i = 0; i < items->len; i++)
    g_ptr_array_add (d->items, pcn_induction_item_copy (g_ptr_array_index (items, i)));
  d->as_at = *as_at;
  d->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (d->lines, line_clear);
  build_lines (d);

  operation = gtk_print_operation_new ();
  /* Translators: the print job's name; %s is a person's name */
  job = g_strdup_printf (_("Induction checklist — %s"), pcn_staff_get_name (staff));
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), d);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), d);
  g_object_set_data_full (G_OBJECT (operation), "pcn-induction-print-data", d,
                          (GDestroyNotify) print_data_free);
  return operation;
}
