/* pcn-window.h — the main window: a sidebar of pages over one database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-application.h"
#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_WINDOW (pcn_window_get_type ())
G_DECLARE_FINAL_TYPE (PcnWindow, pcn_window, PCN, WINDOW, AdwApplicationWindow)

PcnWindow  *pcn_window_new            (PcnApplication *application);
/* "Today" for statuses and the default financial year. */
void        pcn_window_set_as_at      (PcnWindow      *self,
                                       const GDate    *as_at);
/* Opens @path off the main thread; NULL opens the last database used, or
 * the default one (pcn_store_default_path()). */
void        pcn_window_open_sample    (PcnWindow      *self);
void        pcn_window_open_database  (PcnWindow      *self,
                                       const char     *path);
/* The database shown, or NULL while none is open. */
const char *pcn_window_get_path       (PcnWindow      *self);
PcnStore   *pcn_window_get_store      (PcnWindow      *self);

G_END_DECLS
