/* pcn-export-rolecards.h — role cards for practices and reception teams
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pcn-core.h"

G_BEGIN_DECLS

/* Writes @cards (element-type PcnRoleCard, as pcn_store_list_role_cards()
 * gives them, or any subset) to @path as one sheet "Role cards" meant to
 * be printed and handed to practices and reception teams:
 *
 *  - the PCN's name and "Role cards" at the top;
 *  - one block per card: the role's name as a heading, then "What they
 *    do", "What they do not do", "Who supervises them" and "How to refer",
 *    each a bold label beside its wrapped text; an empty text shows
 *    "Not yet written" in italics;
 *  - a page break before every role but the first, so each role prints on
 *    its own page;
 *  - portrait A4, fitted to one page wide; the footer has the PCN's name
 *    on the left and "Page &P of &N" in the centre.
 *
 * Every text is written as text, even when it looks like a formula.
 * Written to a temporary file and renamed into place as pcn_export_staff()
 * is; blocking. An empty @cards writes the title and a "No role cards"
 * line.
 *
 * Returns: TRUE on success; FALSE with a PCN_EXPORT_ERROR naming @path. */
gboolean pcn_export_role_cards (const char  *path,
                                PcnNetwork  *network,
                                GPtrArray   *cards,
                                GError     **error);

G_END_DECLS
