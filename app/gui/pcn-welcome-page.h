/* pcn-welcome-page.h — first run: create your PCN or explore a sample
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PCN_TYPE_WELCOME_PAGE (pcn_welcome_page_get_type ())
G_DECLARE_FINAL_TYPE (PcnWelcomePage, pcn_welcome_page, PCN, WELCOME_PAGE, AdwBin)

G_END_DECLS
