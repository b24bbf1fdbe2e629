/* pcn-core-error.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "pcn-core-error.h"

G_DEFINE_QUARK (pcn-core-error-quark, pcn_core_error)
