/* pcn-window-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-window.h"
#include "pcn-overview-page.h"
#include "pcn-vision-page.h"
#include "pcn-claims-page.h"
#include "pcn-rates-page.h"
#include "pcn-induction-page.h"
#include "pcn-recruitment-page.h"

G_BEGIN_DECLS

/* "loading", "error", "welcome", "overview", "vision", "team", "recruitment" or "rates". */
const char   *_pcn_window_get_page_name     (PcnWindow *self);
/* TRUE while the window waits for the database (opening, creating). */
gboolean      _pcn_window_is_busy           (PcnWindow *self);
gboolean      _pcn_window_is_sample         (PcnWindow *self);
/* The create dialog while it is open (transfer none). */
GtkWindow    *_pcn_window_get_create_dialog (PcnWindow *self);
PcnRatesPage *_pcn_window_get_rates_page    (PcnWindow *self);
PcnOverviewPage *_pcn_window_get_overview_page (PcnWindow *self);
PcnVisionPage *_pcn_window_get_vision_page (PcnWindow *self);
PcnRecruitmentPage *_pcn_window_get_recruitment_page (PcnWindow *self);
PcnInductionPage *_pcn_window_get_induction_page (PcnWindow *self);
PcnClaimsPage *_pcn_window_get_claims_page (PcnWindow *self);
const char   *_pcn_window_get_error_text    (PcnWindow *self);

G_END_DECLS
