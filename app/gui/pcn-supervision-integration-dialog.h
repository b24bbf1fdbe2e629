/* pcn-supervision-integration-dialog.h — edit a person's integration answers
 *
 * The home team and the asked indicators (clinical-system access, invited
 * to clinical meetings, peer support, protected CPD time, job plan) as
 * switches; an answer never given stays "not known" until its switch is
 * touched, and only changed answers are written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_SUPERVISION_INTEGRATION_DIALOG (pcn_supervision_integration_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PcnSupervisionIntegrationDialog, pcn_supervision_integration_dialog, PCN, SUPERVISION_INTEGRATION_DIALOG, AdwMessageDialog)

/* @check is the person's current check. Emits "saved" once stored, or
 * "failed" (a message). */
PcnSupervisionIntegrationDialog *
pcn_supervision_integration_dialog_new (GtkWindow                 *parent,
                                        PcnStore                  *store,
                                        const PcnIntegrationCheck *check);

/* For the tests: the switch of an asked indicator. */
GtkSwitch *_pcn_supervision_integration_dialog_get_switch (PcnSupervisionIntegrationDialog *self,
                                                           PcnIntegrationIndicator          indicator);

G_END_DECLS
