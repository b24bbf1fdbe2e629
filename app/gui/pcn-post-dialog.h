/* pcn-post-dialog.h — add or edit a post of the recruitment plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_POST_DIALOG (pcn_post_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcnPostDialog, pcn_post_dialog, PCN, POST_DIALOG, AdwWindow)

/* @roles (PcnRole), @practices (PcnPractice) and @staff (PcnStaff) are the
 * choices; @post is the post to edit, or NULL to add one; @as_at is
 * "today" (the default status date, who has left). Emits "saved" (PcnPost,
 * as stored) once written off the main thread, then closes. */
PcnPostDialog *pcn_post_dialog_new (PcnStore    *store,
                                    GPtrArray   *roles,
                                    GPtrArray   *practices,
                                    GPtrArray   *staff,
                                    PcnPost     *post,
                                    const GDate *as_at);

G_END_DECLS
