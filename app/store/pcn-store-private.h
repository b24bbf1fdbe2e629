/* pcn-store-private.h — hooks for the store's own tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-store.h"

G_BEGIN_DECLS

/* PRAGMA application_id of our files: "PCNW". */
#define PCN_STORE_APPLICATION_ID 0x50434E57

/* Opens @path like pcn_store_open() but migrates only up to @version
 * (0 .. PCN_STORE_SCHEMA_VERSION), so tests can make files as an older
 * release did. Reference data is loaded when @version is at least 1. */
PcnStore *_pcn_store_open_at_version (const char  *path,
                                      int          version,
                                      GError     **error);

/* Runs static SQL on the store's connection in one transaction (tests
 * only: to age or damage reference data). */
gboolean  _pcn_store_exec            (PcnStore    *self,
                                      const char  *sql,
                                      GError     **error);

/* The shipped reference data's version. */
int       _pcn_store_get_shipped_reference_version (void);

G_END_DECLS
