/* pcn-export.h — the export layer: workbooks written with libxlsxwriter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PCN_EXPORT_ERROR (pcn_export_error_quark ())

typedef enum
{
  PCN_EXPORT_ERROR_IO,       /* the file could not be created, written or put in place */
  PCN_EXPORT_ERROR_CONTENT,  /* libxlsxwriter refused a value, e.g. text over 32,767 characters */
} PcnExportError;

GQuark pcn_export_error_quark (void);

G_END_DECLS

#include "pcn-export-backpay.h"
#include "pcn-export-claim.h"
#include "pcn-export-induction.h"
#include "pcn-export-plan.h"
#include "pcn-export-rolecards.h"
#include "pcn-export-staff.h"
#include "pcn-export-status.h"
#include "pcn-export-vision.h"
