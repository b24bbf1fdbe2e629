/* pcn-training-dialog.h — add a training or pathway item, or mark one done
 *
 * A name, a date (the deadline while not done, the expiry once done;
 * optional) and a completion date (optional, never after the as-at date).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_TRAINING_DIALOG (pcn_training_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcnTrainingDialog, pcn_training_dialog, PCN, TRAINING_DIALOG, AdwWindow)

/* @item NULL adds an item for @staff; otherwise edits a copy of @item,
 * and @mark_done fills the completion date with @as_at and clears the
 * deadline (a done item's date is its expiry). Emits "saved"
 * (PcnTrainingItem) once the store has it, then closes. */
PcnTrainingDialog *pcn_training_dialog_new       (PcnStore              *store,
                                                  PcnStaff              *staff,
                                                  const PcnTrainingItem *item,
                                                  gboolean               mark_done,
                                                  const GDate           *as_at);
PcnStaff          *pcn_training_dialog_get_staff (PcnTrainingDialog *self);

G_END_DECLS
