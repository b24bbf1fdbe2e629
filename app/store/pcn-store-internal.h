/* pcn-store-internal.h — the store's connection helpers, shared by the
 * store's own source files (pcn-store-*.c). Not for other layers.
 *
 * Every public store function takes the store's lock, runs one transaction
 * with _pcn_store_begin() … _pcn_store_finish(), and binds every value:
 *
 *   g_autoptr(GMutexLocker) locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
 *   if (!_pcn_store_begin (self, TRUE, error))
 *     return FALSE;
 *   return _pcn_store_finish (self, do_work_locked (self, …, error), error);
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "pcn-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

GMutex        *_pcn_store_get_mutex        (PcnStore      *self);
sqlite3       *_pcn_store_get_db           (PcnStore      *self);

/* Converts an SQLite result code into a PCN_STORE_ERROR naming the file;
 * always returns FALSE. */
gboolean       _pcn_store_fail             (PcnStore      *self,
                                            int            rc,
                                            GError       **error);
sqlite3_stmt  *_pcn_store_prepare          (PcnStore      *self,
                                            const char    *sql,
                                            GError       **error);
/* Steps a statement that returns no rows, then resets it. */
gboolean       _pcn_store_step_done        (PcnStore      *self,
                                            sqlite3_stmt  *stmt,
                                            GError       **error);
gboolean       _pcn_store_begin            (PcnStore      *self,
                                            gboolean       write,
                                            GError       **error);
/* Commits when @ok, else rolls back. Returns whether the work stands. */
gboolean       _pcn_store_finish           (PcnStore      *self,
                                            gboolean       ok,
                                            GError       **error);

void           _pcn_bind_text              (sqlite3_stmt  *stmt,
                                            int            idx,
                                            const char    *text);
/* Binds NULL for a negative value ("not known"). */
void           _pcn_bind_int64_or_null     (sqlite3_stmt  *stmt,
                                            int            idx,
                                            gint64         value);
const char    *_pcn_column_text            (sqlite3_stmt  *stmt,
                                            int            col);
gint64         _pcn_column_int64_or        (sqlite3_stmt  *stmt,
                                            int            col,
                                            gint64         if_null);

/* Locked helpers (the caller holds the lock and a transaction). */
PcnNetwork    *_pcn_store_get_network_locked (PcnStore    *self,
                                              gboolean    *out_found,
                                              GError     **error);
GPtrArray     *_pcn_store_list_roles_locked  (PcnStore    *self,
                                              GError     **error);
/* @staff_id -1 for everyone. */
GPtrArray     *_pcn_store_list_staff_locked  (PcnStore    *self,
                                              gint64       staff_id,
                                              GError     **error);

/* Issues the induction checklists @staff (as stored, with its id) is due
 * and does not have yet: the PCN list, one per host practice, and the
 * employer's when subcontracted (pcn-store-induction.c). Called from every
 * staff write path. */
gboolean       _pcn_store_issue_induction_locked (PcnStore  *self,
                                                  PcnStaff  *staff,
                                                  GError   **error);
/* Loads the shipped induction templates into a new database, and refreshes
 * the rows no user has touched when this build ships a newer version. */
gboolean       _pcn_store_refresh_induction_templates_locked (PcnStore  *self,
                                                              GError   **error);
/* Loads the shipped supervision requirements into a new database, and
 * replaces the reference rows (never a user's) when this build ships a
 * newer version (pcn-store-supervision.c). */
gboolean       _pcn_store_refresh_supervision_requirements_locked (PcnStore  *self,
                                                                   GError   **error);

/* Loads the shipped default skills with their role mapping and the role
 * cards into a new database, and refreshes them by version keeping a
 * user's rows (pcn-store-vision.c). */
gboolean       _pcn_store_refresh_vision_data_locked (PcnStore  *self,
                                                      GError   **error);

/* The file's name for messages. */
const char    *_pcn_store_get_display_name   (PcnStore    *self);
/* Fills @data, whose input.year, computed_allocation_pence and as_at are
 * set, as pcn_store_load_ledger_data() does. */
gboolean       _pcn_store_load_ledger_data_locked (PcnStore       *self,
                                                   PcnLedgerData  *data,
                                                   GError        **error);
/* FALSE with PCN_CORE_ERROR_INVALID when the claim for @year/@month was
 * submitted and so is locked (pcn-store-claims.c). */
gboolean       _pcn_store_check_month_editable_locked (PcnStore  *self,
                                                       int        year,
                                                       int        month,
                                                       GError   **error);

G_END_DECLS
