/* pcn-types.h — forward declarations shared by every layer
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _PcnNetwork  PcnNetwork;
typedef struct _PcnPractice PcnPractice;
typedef struct _PcnRole     PcnRole;
typedef struct _PcnRate     PcnRate;
typedef struct _PcnStaff    PcnStaff;

/* The London weighting area of a PCN. Rates carry an area too, where
 * "london" is a single London figure with no inner/outer split. */
typedef enum
{
  PCN_AREA_NATIONAL,
  PCN_AREA_OUTER_LONDON,
  PCN_AREA_INNER_LONDON,
} PcnArea;

typedef enum
{
  PCN_STAFF_STATUS_IN_POST,
  PCN_STAFF_STATUS_STARTING,
  PCN_STAFF_STATUS_LEFT,
} PcnStaffStatus;

/* WTE is stored as thousandths: 1000 is full time. */
#define PCN_WTE_FULL 1000

G_END_DECLS
