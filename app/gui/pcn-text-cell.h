/* pcn-text-cell.h — one line of text in a list cell, cheap to change.
 *
 * GTK 4.8's column views keep about 200 rows of cells alive, and a
 * GtkLabel shapes its text to measure it, so changing the text of every
 * cell cost a search keystroke over 100 ms. A PcnTextCell's size comes
 * from the font alone (a line high, a given number of characters wide),
 * so setting its text only queues a redraw; the text is laid out, once,
 * when the cell is drawn. It ellipsizes at the end and shows the whole
 * text as its tooltip when it does, and gives it to assistive
 * technologies as a label.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PCN_TYPE_TEXT_CELL (pcn_text_cell_get_type ())
G_DECLARE_FINAL_TYPE (PcnTextCell, pcn_text_cell, PCN, TEXT_CELL, GtkWidget)

GtkWidget  *pcn_text_cell_new               (void);
const char *pcn_text_cell_get_text          (PcnTextCell *self);
void        pcn_text_cell_set_text          (PcnTextCell *self,
                                             const char  *text);
float       pcn_text_cell_get_xalign        (PcnTextCell *self);
void        pcn_text_cell_set_xalign        (PcnTextCell *self,
                                             float        xalign);
int         pcn_text_cell_get_min_chars     (PcnTextCell *self);
void        pcn_text_cell_set_min_chars     (PcnTextCell *self,
                                             int          min_chars);
int         pcn_text_cell_get_natural_chars (PcnTextCell *self);
void        pcn_text_cell_set_natural_chars (PcnTextCell *self,
                                             int          natural_chars);

G_END_DECLS
