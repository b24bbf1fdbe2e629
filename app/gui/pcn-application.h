/* pcn-application.h — the PCN Workforce application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PCN_TYPE_APPLICATION (pcn_application_get_type ())
G_DECLARE_FINAL_TYPE (PcnApplication, pcn_application, PCN, APPLICATION, AdwApplication)

PcnApplication *pcn_application_new (void);

G_END_DECLS
