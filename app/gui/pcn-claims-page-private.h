/* pcn-claims-page-private.h — for the GUI tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-claim-entry-dialog.h"
#include "pcn-claims-page.h"

G_BEGIN_DECLS

typedef enum
{
  PCN_CLAIMS_EXPORT_CLAIM,
  PCN_CLAIMS_EXPORT_PLAN,
  PCN_CLAIMS_EXPORT_BACKPAY,
} PcnClaimsExport;

gboolean             _pcn_claims_page_is_loading      (PcnClaimsPage  *self);
/* How many loads have finished, to wait for a reload. */
guint                _pcn_claims_page_get_n_loads     (PcnClaimsPage  *self);
/* The calendar month shown. */
void                 _pcn_claims_page_get_month       (PcnClaimsPage  *self,
                                                       int            *out_year,
                                                       int            *out_month);
void                 _pcn_claims_page_set_month       (PcnClaimsPage  *self,
                                                       int             year,
                                                       int             month);
/* The claim shown (transfer none), or NULL before the first load. */
PcnClaimData        *_pcn_claims_page_get_data        (PcnClaimsPage  *self);
/* (element-type PcnClaimLineItem) */
GListModel          *_pcn_claims_page_get_lines       (PcnClaimsPage  *self);
/* (element-type PcnClaimBackpayItem) */
GListModel          *_pcn_claims_page_get_backpay     (PcnClaimsPage  *self);
void                 _pcn_claims_page_select_line     (PcnClaimsPage  *self,
                                                       guint           position);
GtkLabel            *_pcn_claims_page_get_total_label (PcnClaimsPage  *self);
GtkLabel            *_pcn_claims_page_get_status_label (PcnClaimsPage *self);
GtkWidget           *_pcn_claims_page_get_edit_button (PcnClaimsPage  *self);
/* The one-field dialog (payroll figure, submit date, reopen reason) while
 * it is open (transfer none). */
PcnClaimEntryDialog *_pcn_claims_page_get_dialog      (PcnClaimsPage  *self);
/* TRUE while a save, submit, reopen or export runs. */
gboolean             _pcn_claims_page_is_busy         (PcnClaimsPage  *self);
/* The export code path without the file chooser. */
void                 _pcn_claims_page_export_to       (PcnClaimsPage  *self,
                                                       PcnClaimsExport kind,
                                                       const char     *path);
/* How many exports have finished (written or failed), and the last
 * failure's message or NULL. */
guint                _pcn_claims_page_get_n_exports   (PcnClaimsPage  *self);
const char          *_pcn_claims_page_get_export_error (PcnClaimsPage *self);

G_END_DECLS
