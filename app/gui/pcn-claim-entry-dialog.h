/* pcn-claim-entry-dialog.h — the Claims page's one-field questions: a
 * payroll figure in pounds, the date a claim was submitted, or the reason
 * for reopening one. An AdwMessageDialog whose accept response stays
 * disabled, with the field marked and the problem said under it, until
 * the value is valid.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

typedef enum
{
  PCN_CLAIM_ENTRY_MONEY,   /* pounds, pcn_money_parse() */
  PCN_CLAIM_ENTRY_DATE,    /* pcn_date_parse() */
  PCN_CLAIM_ENTRY_TEXT,    /* any text but blank */
} PcnClaimEntryKind;

#define PCN_TYPE_CLAIM_ENTRY_DIALOG (pcn_claim_entry_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcnClaimEntryDialog, pcn_claim_entry_dialog, PCN, CLAIM_ENTRY_DIALOG,
                      AdwMessageDialog)

/* Responses "cancel" and "accept" (labelled @accept_label, suggested or,
 * with @destructive, destructive). */
PcnClaimEntryDialog *pcn_claim_entry_dialog_new       (GtkWindow           *parent,
                                                       PcnClaimEntryKind    kind,
                                                       const char          *heading,
                                                       const char          *body,
                                                       const char          *field_title,
                                                       const char          *text,
                                                       const char          *accept_label,
                                                       gboolean             destructive);
/* Checks the field, marking it (error class, INVALID state, message) when
 * refused. */
gboolean             pcn_claim_entry_dialog_validate  (PcnClaimEntryDialog *self);
/* What a click on the accept button does: validates, then emits the
 * "accept" response and closes. FALSE, leaving the dialog open with the
 * field marked, when the value is refused. */
gboolean             pcn_claim_entry_dialog_accept    (PcnClaimEntryDialog *self);
/* The value, once valid: pence, an ISO date, or the trimmed text. */
gint64               pcn_claim_entry_dialog_get_pence (PcnClaimEntryDialog *self);
char                *pcn_claim_entry_dialog_dup_value (PcnClaimEntryDialog *self);
GtkWidget           *pcn_claim_entry_dialog_get_row   (PcnClaimEntryDialog *self);
const char          *pcn_claim_entry_dialog_get_error (PcnClaimEntryDialog *self);

G_END_DECLS
