/* pcn-post-row.h — one post of the recruitment plan as a list item: the
 * post with what the post list shows of it (role name, readable status,
 * start, cost, the rule checks about it), ready for GtkExpressions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-core.h"

G_BEGIN_DECLS

/* Which filter of the post list a post falls under. */
typedef enum
{
  PCN_POST_ROW_PLANNED,    /* proposed … offered, not a vacancy */
  PCN_POST_ROW_IN_POST,
  PCN_POST_ROW_VACANT,     /* the holder left, not filled again */
  PCN_POST_ROW_WITHDRAWN,
} PcnPostRowKind;

#define PCN_TYPE_POST_ROW (pcn_post_row_get_type ())
G_DECLARE_FINAL_TYPE (PcnPostRow, pcn_post_row, PCN, POST_ROW, GObject)

/* @role_name may be NULL (the code is shown). @checks (element-type
 * PcnCheck, may be NULL): every check of the year; those about this post
 * are kept. @as_at: for "vacant for N months". */
PcnPostRow     *pcn_post_row_new               (PcnPost     *post,
                                                const char  *role_name,
                                                GPtrArray   *checks,
                                                const GDate *as_at);
PcnPost        *pcn_post_row_get_post          (PcnPostRow  *self);
PcnPostRowKind  pcn_post_row_get_kind          (PcnPostRow  *self);
/* 0 none, 1 warnings, 2 errors */
int             pcn_post_row_get_check_level   (PcnPostRow  *self);
/* The messages of the checks about the post, one a line, or NULL. */
const char     *pcn_post_row_get_check_message (PcnPostRow  *self);

G_END_DECLS
