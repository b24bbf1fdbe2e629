/* pcn-core.h — everything in the core layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-chart-scale.h"
#include "pcn-claim.h"
#include "pcn-core-error.h"
#include "pcn-induction.h"
#include "pcn-costs-csv.h"
#include "pcn-ledger.h"
#include "pcn-post.h"
#include "pcn-reference.h"
#include "pcn-rules.h"
#include "pcn-staff.h"
#include "pcn-staff-csv.h"
#include "pcn-supervision.h"
#include "pcn-turnover.h"
#include "pcn-types.h"
#include "pcn-values.h"
#include "pcn-vision.h"
