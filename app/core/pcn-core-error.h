/* pcn-core-error.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PCN_CORE_ERROR (pcn_core_error_quark ())

typedef enum
{
  PCN_CORE_ERROR_INVALID,     /* a value is malformed or out of range */
  PCN_CORE_ERROR_REQUIRED,    /* a required value is missing */
  PCN_CORE_ERROR_UNKNOWN,     /* refers to something that does not exist */
  PCN_CORE_ERROR_DUPLICATE,   /* would duplicate something unique */
  PCN_CORE_ERROR_PARSE,       /* a file could not be read as expected */
} PcnCoreError;

GQuark pcn_core_error_quark (void);

G_END_DECLS
