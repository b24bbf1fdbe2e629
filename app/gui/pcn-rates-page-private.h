/* pcn-rates-page-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-rates-page.h"

G_BEGIN_DECLS

/* (element-type PcnRate), as listed (transfer none) */
GListModel *_pcn_rates_page_get_rates       (PcnRatesPage *self);
/* (element-type PcnRole): roles with no rate known (transfer none) */
GListModel *_pcn_rates_page_get_missing     (PcnRatesPage *self);
gboolean    _pcn_rates_page_is_loading      (PcnRatesPage *self);
int         _pcn_rates_page_get_year        (PcnRatesPage *self);
void        _pcn_rates_page_set_year        (PcnRatesPage *self,
                                             int           year);
/* The rate dialog while it is open (transfer none). */
GtkWindow  *_pcn_rates_page_get_rate_dialog (PcnRatesPage *self);

G_END_DECLS
