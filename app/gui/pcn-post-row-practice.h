/* pcn-post-row-practice.h — one member practice in the post dialog: a
 * check for "the post works here" and the sessions a week there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PCN_TYPE_POST_ROW_PRACTICE (pcn_post_row_practice_get_type ())
G_DECLARE_FINAL_TYPE (PcnPostRowPractice, pcn_post_row_practice, PCN, POST_ROW_PRACTICE,
                      AdwActionRow)

GtkWidget  *pcn_post_row_practice_new          (const char          *practice);
const char *pcn_post_row_practice_get_practice (PcnPostRowPractice *self);
gboolean    pcn_post_row_practice_get_active   (PcnPostRowPractice *self);
void        pcn_post_row_practice_set_active   (PcnPostRowPractice *self,
                                                 gboolean             active);
/* Sessions a week, or -1 when not stated. */
int         pcn_post_row_practice_get_sessions (PcnPostRowPractice *self);
void        pcn_post_row_practice_set_sessions (PcnPostRowPractice *self,
                                                 int                  sessions);

G_END_DECLS
