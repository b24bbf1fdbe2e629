/* pcn-store.h — the PCN's SQLite database
 *
 * One file per PCN. Every public call is one transaction and is safe to
 * call from any thread (calls are serialised); the GUI runs them off the
 * main thread with pcn_store_run_async().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pcn-core.h"

G_BEGIN_DECLS

#define PCN_STORE_ERROR (pcn_store_error_quark ())

typedef enum
{
  PCN_STORE_ERROR_NOT_SQLITE,   /* the file is not an SQLite database */
  PCN_STORE_ERROR_NOT_OURS,     /* an SQLite database of some other program */
  PCN_STORE_ERROR_NEWER,        /* made by a newer version of PCN Workforce */
  PCN_STORE_ERROR_CORRUPT,      /* fails integrity_check or cannot be read */
  PCN_STORE_ERROR_IO,           /* cannot create, open or write the file */
  PCN_STORE_ERROR_SQL,          /* an unexpected SQLite failure */
  PCN_STORE_ERROR_NO_NETWORK,   /* the PCN has not been created yet */
  PCN_STORE_ERROR_EXISTS,       /* the PCN (or a unique thing) already exists */
  PCN_STORE_ERROR_NOT_FOUND,    /* no such row */
  PCN_STORE_ERROR_REFERENCE,    /* the shipped reference data is unusable */
} PcnStoreError;

GQuark pcn_store_error_quark (void);

/* The schema version this build writes (PRAGMA user_version). */
#define PCN_STORE_SCHEMA_VERSION 2

typedef struct
{
  int    year;        /* 2026 is 2026/27 */
  gint64 allocation;  /* pence; -1 when not entered */
} PcnYearAllocation;

typedef struct
{
  gint64  id;
  char   *at;         /* ISO 8601 UTC */
  char   *os_user;
  char   *table_name;
  gint64  row_id;
  char   *field;      /* NULL for a whole-row insert or delete */
  char   *old_value;
  char   *new_value;
} PcnAuditEntry;

void pcn_audit_entry_free (PcnAuditEntry *entry);

#define PCN_TYPE_STORE (pcn_store_get_type ())
G_DECLARE_FINAL_TYPE (PcnStore, pcn_store, PCN, STORE, GObject)

/* $XDG_DATA_HOME/pcn-workforce/pcn.db */
char        *pcn_store_default_path        (void);

/* Opens @path, creating it (mode 0600, its folder 0700) when missing.
 * A file that is not SQLite, not ours, from a newer version or corrupt is
 * refused with a message and left byte-for-byte untouched. Migrates older
 * schemas and refreshes the reference data when this build ships newer. */
PcnStore    *pcn_store_open                (const char   *path,
                                            GError      **error);
const char  *pcn_store_get_path            (PcnStore     *self);
int          pcn_store_get_reference_version (PcnStore   *self);

/* Writes a consistent copy of the database to @dest (sqlite3 backup API). */
gboolean     pcn_store_backup              (PcnStore     *self,
                                            const char   *dest,
                                            GError      **error);

/* The network. Returns NULL without error when it is not created yet. */
PcnNetwork  *pcn_store_get_network         (PcnStore     *self,
                                            GError      **error);
gboolean     pcn_store_create_network      (PcnStore     *self,
                                            PcnNetwork   *network,
                                            GPtrArray    *practices,
                                            GError      **error);
gboolean     pcn_store_update_network      (PcnStore     *self,
                                            PcnNetwork   *network,
                                            GError      **error);

/* (element-type PcnPractice) (transfer container), ordered by name */
GPtrArray   *pcn_store_list_practices      (PcnStore     *self,
                                            GError      **error);
gboolean     pcn_store_add_practice        (PcnStore     *self,
                                            PcnPractice  *practice,
                                            GError      **error);

gboolean     pcn_store_set_allocation      (PcnStore     *self,
                                            int           year,
                                            gint64        pence,
                                            GError      **error);
/* (element-type PcnYearAllocation) ordered by year */
GArray      *pcn_store_list_years          (PcnStore     *self,
                                            GError      **error);

/* (element-type PcnRole) (transfer container), in scheme order */
GPtrArray   *pcn_store_list_roles          (PcnStore     *self,
                                            GError      **error);
/* Every rate (reference and user-entered) whose period overlaps financial
 * year @year, or all rates when @year is 0. Role names are filled in.
 * (element-type PcnRate) (transfer container) */
GPtrArray   *pcn_store_list_rates          (PcnStore     *self,
                                            int           year,
                                            GError      **error);
/* Adds or corrects a rate from its effective date. The rate is marked user
 * entered and survives every reference refresh. Validated in core. */
gboolean     pcn_store_set_rate            (PcnStore     *self,
                                            PcnRate      *rate,
                                            GError      **error);

/* Reference per-head allocation rates and role rules, as shipped. The JSON
 * is the "allocation" / "rules" arrays of the reference data file. */
char        *pcn_store_dup_reference_json  (PcnStore     *self,
                                            const char   *section,
                                            GError      **error);

/* (element-type PcnStaff) (transfer container), ordered by name; role names
 * filled in. */
GPtrArray   *pcn_store_list_staff          (PcnStore     *self,
                                            GError      **error);
gint64       pcn_store_count_staff         (PcnStore     *self,
                                            GError      **error);
/* Validates (core) and inserts; sets the id on success. */
gboolean     pcn_store_add_staff           (PcnStore     *self,
                                            PcnStaff     *staff,
                                            GError      **error);
gboolean     pcn_store_update_staff        (PcnStore     *self,
                                            PcnStaff     *staff,
                                            GError      **error);
gboolean     pcn_store_record_leaver       (PcnStore     *self,
                                            gint64        staff_id,
                                            const char   *end_date,
                                            const char   *reason,
                                            GError      **error);
/* Adds every row or none. Payroll IDs already in the database are reported
 * as "FILE:LINE: …" using @lines (guint, may be NULL) and @display_name. */
gboolean     pcn_store_import_staff        (PcnStore     *self,
                                            GPtrArray    *staff,
                                            GArray       *lines,
                                            const char   *display_name,
                                            GError      **error);

/* (element-type PcnAuditEntry) (transfer full), oldest first */
GPtrArray   *pcn_store_list_audit          (PcnStore     *self,
                                            GError      **error);

/* Runs @func on the store's single worker thread and returns its result
 * (a GObject, GPtrArray or other pointer freed with @result_free) to
 * @callback on the calling thread's main context. */
typedef gpointer (*PcnStoreFunc) (PcnStore  *store,
                                  gpointer   data,
                                  GError   **error);

void         pcn_store_run_async           (PcnStore            *self,
                                            PcnStoreFunc         func,
                                            gpointer             data,
                                            GDestroyNotify       data_free,
                                            GDestroyNotify       result_free,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gpointer     pcn_store_run_finish          (PcnStore            *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS
