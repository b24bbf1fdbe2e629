/* pcn-staff-csv.h — reading the staff CSV of CLI.md (libcsv underneath)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pcn-staff.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *staff;  /* (element-type PcnStaff) */
  GArray    *lines;  /* (element-type guint): the file line each record starts on */
} PcnStaffCsv;

void pcn_staff_csv_free (PcnStaffCsv *csv);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnStaffCsv, pcn_staff_csv_free)

/* Parses and validates every row. All or nothing: on any bad row returns
 * NULL and sets a PCN_CORE_ERROR whose message lists every problem found,
 * one per line, each as "FILE:LINE: what" (@display_name is FILE). Role
 * names are resolved to codes with @roles (PcnRole); host practices are
 * checked against @practice_names (char *) when not NULL. */
PcnStaffCsv *pcn_staff_csv_parse (const char  *display_name,
                                  const char  *data,
                                  gsize        length,
                                  GPtrArray   *roles,
                                  GPtrArray   *practice_names,
                                  GError     **error);

/* The column names, in the order `pcnw list staff` prints them. */
const char * const *pcn_staff_csv_columns (void);

G_END_DECLS
