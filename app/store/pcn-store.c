/* pcn-store.c — the PCN's SQLite database
 *
 * One connection per PcnStore. Every public call takes the store's mutex and
 * runs as one transaction (BEGIN IMMEDIATE for writes, rolled back on any
 * failure). A file is inspected through a read-only connection before it is
 * ever opened for writing, so a file we refuse is left byte-for-byte as it
 * was. Schema changes are static SQL in resources/sql/, applied one
 * transaction per version; every value is bound, never formatted into SQL.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "pcn-store.h"
#include "pcn-store-internal.h"
#include "pcn-store-private.h"
#include "pcn-store-resources.h"

#define RESOURCE_PREFIX "/org/pcnworkforce/PcnWorkforce/store/"
#define SQLITE_MAGIC    "SQLite format 3"   /* 15 characters and a NUL: 16 bytes */
#define BUSY_TIMEOUT_MS 5000


struct _PcnStore
{
  GObject      parent_instance;

  GMutex       mutex;
  sqlite3     *db;
  char        *path;
  char        *display_name;
  int          reference_version;
  GThreadPool *pool;
};

G_DEFINE_FINAL_TYPE (PcnStore, pcn_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (pcn-store-error-quark, pcn_store_error)

static const char * const migrations[] = {
  NULL,
  RESOURCE_PREFIX "sql/001-foundation.sql",
  RESOURCE_PREFIX "sql/002-staff.sql",
  RESOURCE_PREFIX "sql/003-posts.sql",
  RESOURCE_PREFIX "sql/004-claims.sql",
  RESOURCE_PREFIX "sql/005-induction.sql",
  RESOURCE_PREFIX "sql/006-supervision.sql",
  RESOURCE_PREFIX "sql/007-vision.sql",
};
G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == PCN_STORE_SCHEMA_VERSION + 1);

void
pcn_audit_entry_free (PcnAuditEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->at);
  g_free (entry->os_user);
  g_free (entry->table_name);
  g_free (entry->field);
  g_free (entry->old_value);
  g_free (entry->new_value);
  g_free (entry);
}

/* ------------------------------------------------------------ errors */

static void
set_sqlite_error (sqlite3     *db,
                  int          rc,
                  const char  *display_name,
                  GError     **error)
{
  const char *msg = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read (%s). Restore it from a backup."),
                   display_name, msg);
      break;

    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_IO,
                   _("Cannot read or write “%s”: %s"), display_name, msg);
      break;

    default:
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_SQL,
                   _("Database error in “%s”: %s"), display_name, msg);
      break;
    }
}

static gboolean
fail (PcnStore  *self,
      int        rc,
      GError   **error)
{
  set_sqlite_error (self->db, rc, self->display_name, error);
  return FALSE;
}

/* ------------------------------------------------------- statements */

static sqlite3_stmt *
prepare (PcnStore    *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      fail (self, rc, error);
      return NULL;
    }
  return stmt;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           idx,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
}

static void
bind_int64_or_null (sqlite3_stmt *stmt,
                    int           idx,
                    gint64        value)
{
  if (value < 0)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int64 (stmt, idx, value);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static gint64
column_int64_or (sqlite3_stmt *stmt,
                 int           col,
                 gint64        if_null)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return if_null;
  return sqlite3_column_int64 (stmt, col);
}

/* Steps a statement that returns no rows. */
static gboolean
step_done (PcnStore      *self,
           sqlite3_stmt  *stmt,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return fail (self, rc, error);
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
exec_static (PcnStore    *self,
             const char  *sql,
             GError     **error)
{
  char *errmsg = NULL;
  int rc;

  rc = sqlite3_exec (self->db, sql, NULL, NULL, &errmsg);
  sqlite3_free (errmsg);
  if (rc != SQLITE_OK)
    return fail (self, rc, error);
  return TRUE;
}

/* Runs a single-value query; *out is untouched when there is no row. */
static gboolean
query_int64 (PcnStore    *self,
             const char  *sql,
             gint64      *out,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return fail (self, rc, error);
  return TRUE;
}

/* ----------------------------------------------------- transactions */

static gboolean
begin (PcnStore  *self,
       gboolean   write,
       GError   **error)
{
  return exec_static (self, write ? "BEGIN IMMEDIATE" : "BEGIN", error);
}

static void
rollback (PcnStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    {
      char *errmsg = NULL;
      if (sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, &errmsg) != SQLITE_OK)
        g_debug ("Rollback failed: %s", errmsg);
      sqlite3_free (errmsg);
    }
}

/* Commits when @ok, else rolls back. Returns whether the work stands. */
static gboolean
finish (PcnStore  *self,
        gboolean   ok,
        GError   **error)
{
  if (ok && exec_static (self, "COMMIT", error))
    return TRUE;
  rollback (self);
  return FALSE;
}

/* ---------------------------------------------------- resource data */

static GBytes *
lookup_resource (const char  *path,
                 GError     **error)
{
  GResource *resource = pcn_store_resources_get_resource ();
  g_autoptr(GError) local_error = NULL;
  GBytes *bytes;

  bytes = g_resource_lookup_data (resource, path, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                 _("The application’s built-in data is missing (%s): %s"),
                 path, local_error->message);
  return bytes;
}

static JsonNode *
load_reference_json (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gsize len;
  const char *data;

  bytes = lookup_resource (RESOURCE_PREFIX "data/arrs-reference.json", error);
  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  if (!json_parser_load_from_data (parser, data, len, &local_error))
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                   _("The built-in ARRS reference data is unusable: %s"), local_error->message);
      return NULL;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      json_object_get_int_member_with_default (json_node_get_object (root), "version", 0) <= 0)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                   _("The built-in ARRS reference data is unusable: it has no version"));
      return NULL;
    }
  return json_node_copy (root);
}

int
_pcn_store_get_shipped_reference_version (void)
{
  g_autoptr(JsonNode) root = load_reference_json (NULL);

  if (root == NULL)
    return 0;
  return (int) json_object_get_int_member (json_node_get_object (root), "version");
}

/* ------------------------------------------------------------ object */

static void
pcn_store_finalize (GObject *object)
{
  PcnStore *self = (PcnStore *) object;

  if (self->pool != NULL)
    g_thread_pool_free (self->pool, FALSE, TRUE);
  if (self->db != NULL)
    {
      int rc = sqlite3_close_v2 (self->db);
      if (rc != SQLITE_OK)
        g_debug ("Closing %s: %s", self->display_name, sqlite3_errstr (rc));
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->display_name, g_free);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (pcn_store_parent_class)->finalize (object);
}

static void
pcn_store_class_init (PcnStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pcn_store_finalize;
}

static void
pcn_store_init (PcnStore *self)
{
  g_mutex_init (&self->mutex);
}

/* ------------------------------------------------------------- open */

char *
pcn_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "pcn-workforce", "pcn.db", NULL);
}

/* Creates @path (0600, folder 0700) when missing. An existing empty file
 * counts as new. Anything else must start with the SQLite header. */
static gboolean
check_or_create_file (const char  *path,
                      const char  *display_name,
                      gboolean    *out_is_new,
                      GError     **error)
{
  GStatBuf st;
  char header[16];
  ssize_t n;
  int fd;

  *out_is_new = FALSE;

  if (g_stat (path, &st) != 0)
    {
      g_autofree char *dir = NULL;
      int saved;

      if (errno != ENOENT)
        {
          saved = errno;
          g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_IO,
                       _("Cannot open “%s”: %s"), display_name, g_strerror (saved));
          return FALSE;
        }

      dir = g_path_get_dirname (path);
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_autofree char *dir_display = g_filename_display_name (dir);
          saved = errno;
          g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_IO,
                       _("Cannot create the folder “%s”: %s"), dir_display, g_strerror (saved));
          return FALSE;
        }

      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd < 0)
        {
          saved = errno;
          g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_IO,
                       _("Cannot create “%s”: %s"), display_name, g_strerror (saved));
          return FALSE;
        }
      g_close (fd, NULL);
      *out_is_new = TRUE;
      return TRUE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_IO,
                   _("“%s” is not a regular file"), display_name);
      return FALSE;
    }

  if (st.st_size == 0)
    {
      *out_is_new = TRUE;
      return TRUE;
    }

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_IO,
                   _("Cannot open “%s”: %s"), display_name, g_strerror (saved));
      return FALSE;
    }
  do
    n = read (fd, header, sizeof header);
  while (n < 0 && errno == EINTR);
  g_close (fd, NULL);

  if (n != (ssize_t) sizeof header || memcmp (header, SQLITE_MAGIC, sizeof header) != 0)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_SQLITE,
                   _("“%s” is not a PCN Workforce database: it is not an SQLite file. "
                     "It was left unchanged."),
                   display_name);
      return FALSE;
    }
  return TRUE;
}

/* Runs one single-value PRAGMA or query on a read-only inspection
 * connection. */
static gboolean
inspect_int (sqlite3     *db,
             const char  *sql,
             const char  *display_name,
             gint64      *out,
             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  set_sqlite_error (db, rc, display_name, error);
  return FALSE;
}

/* Looks at an existing SQLite file through a read-only connection: is it
 * ours, not from a newer version, and sound? Nothing is written. */
static gboolean
inspect_existing (const char  *path,
                  const char  *display_name,
                  GError     **error)
{
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = NULL;
  g_autofree char *ro_uri = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  gint64 app_id = 0, n_tables = 0, version = 0;
  gboolean ok = FALSE;
  int rc;

  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri == NULL)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_IO,
                   _("Cannot open “%s”: the file name cannot be used"), display_name);
      return FALSE;
    }
  ro_uri = g_strconcat (uri, "?mode=ro", NULL);

  rc = sqlite3_open_v2 (ro_uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (db, rc, display_name, error);
      goto out;
    }
  sqlite3_extended_result_codes (db, 1);
  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);

  if (!inspect_int (db, "PRAGMA application_id", display_name, &app_id, error) ||
      !inspect_int (db, "SELECT count(*) FROM sqlite_schema", display_name, &n_tables, error) ||
      !inspect_int (db, "PRAGMA user_version", display_name, &version, error))
    goto out;

  if (app_id != PCN_STORE_APPLICATION_ID && (app_id != 0 || n_tables > 0))
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_OURS,
                   _("“%s” is a database of another program, not of PCN Workforce. "
                     "It was left unchanged."),
                   display_name);
      goto out;
    }

  if (version > PCN_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NEWER,
                   _("“%s” was made by a newer version of PCN Workforce (database version %d; "
                     "this version reads up to %d). Update the application. "
                     "The file was left unchanged."),
                   display_name, (int) version, PCN_STORE_SCHEMA_VERSION);
      goto out;
    }

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      set_sqlite_error (db, rc, display_name, error);
      goto out;
    }
  if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_autofree char *detail = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

      g_strdelimit (detail, "\r\n", ' ');
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged (%s). Restore it from a backup. "
                     "The file was left unchanged."),
                   display_name, detail ? detail : "?");
      goto out;
    }

  ok = TRUE;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (db != NULL)
    sqlite3_close_v2 (db);
  return ok;
}

static void
os_user_func (sqlite3_context  *ctx,
              int               argc,
              sqlite3_value   **argv)
{
  sqlite3_result_text (ctx, g_get_user_name (), -1, SQLITE_TRANSIENT);
}

static gboolean
configure_connection (PcnStore  *self,
                      GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, BUSY_TIMEOUT_MS);

  /* Called from the audit triggers: innocuous, never direct-only. */
  rc = sqlite3_create_function_v2 (self->db, "pcn_os_user", 0,
                                   SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                   NULL, os_user_func, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return fail (self, rc, error);

  /* A 10,000-row import fits in the page cache (16 MiB) without spilling
   * into the WAL before it commits. */
  if (!exec_static (self, "PRAGMA foreign_keys = ON; PRAGMA cache_size = -16384", error))
    return FALSE;

  stmt = prepare (self, "PRAGMA journal_mode = WAL", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return fail (self, rc, error);
  if (g_strcmp0 (column_text (stmt, 0), "wal") != 0)
    g_debug ("%s: journal mode is %s, not WAL", self->display_name, column_text (stmt, 0));

  return exec_static (self, "PRAGMA synchronous = NORMAL", error);
}

static gboolean
get_user_version (PcnStore  *self,
                  int       *out,
                  GError   **error)
{
  gint64 v = 0;

  if (!query_int64 (self, "PRAGMA user_version", &v, error))
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static gboolean
migrate (PcnStore  *self,
         int        target,
         GError   **error)
{
  int current;

  if (!get_user_version (self, &current, error))
    return FALSE;

  for (int v = current + 1; v <= target; v++)
    {
      g_autoptr(GBytes) sql = lookup_resource (migrations[v], error);
      gboolean ok;
      int now = 0;

      if (sql == NULL)
        return FALSE;
      if (!begin (self, TRUE, error))
        return FALSE;

      /* Another process may have migrated while we waited for the lock. */
      ok = get_user_version (self, &now, error);
      if (ok && now < v)
        ok = exec_static (self, g_bytes_get_data (sql, NULL), error) &&
             get_user_version (self, &now, error);
      if (ok && now < v)
        {
          g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_SQL,
                       _("Upgrading “%s” to version %d failed"), self->display_name, v);
          ok = FALSE;
        }
      if (!finish (self, ok, error))
        {
          g_prefix_error (error, _("Cannot upgrade the database: "));
          return FALSE;
        }
    }
  return TRUE;
}

/* ------------------------------------------------- reference data */

static const char *
member_string (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
reference_error (const char  *what,
                 GError     **error)
{
  g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
               _("The built-in ARRS reference data is unusable: %s"), what);
  return FALSE;
}

static JsonArray *
section_array (JsonObject  *root,
               const char  *name,
               GError     **error)
{
  JsonNode *node = json_object_get_member (root, name);

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *what = g_strdup_printf (_("no “%s” list"), name);
      reference_error (what, error);
      return NULL;
    }
  return json_node_get_array (node);
}

static gboolean
apply_reference (PcnStore    *self,
                 JsonObject  *root,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) role_stmt = NULL;
  g_autoptr(sqlite3_stmt) rate_stmt = NULL;
  g_autoptr(sqlite3_stmt) rule_stmt = NULL;
  g_autoptr(sqlite3_stmt) alloc_stmt = NULL;
  g_autoptr(sqlite3_stmt) meta_stmt = NULL;
  JsonArray *roles, *rates, *rules, *allocation;
  gint64 version = json_object_get_int_member (root, "version");

  if (!(roles = section_array (root, "roles", error)) ||
      !(rates = section_array (root, "rates", error)) ||
      !(rules = section_array (root, "rules", error)) ||
      !(allocation = section_array (root, "allocation", error)))
    return FALSE;

  /* Roles are updated in place (staff and user rates refer to them). */
  role_stmt = prepare (self,
                       "INSERT INTO role (code, name, staff_group, available_from, notes, position) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                       "ON CONFLICT (code) DO UPDATE SET name = excluded.name, "
                       "staff_group = excluded.staff_group, "
                       "available_from = excluded.available_from, notes = excluded.notes, "
                       "position = excluded.position",
                       error);
  if (role_stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (roles); i++)
    {
      JsonObject *o = json_array_get_object_element (roles, i);

      if (o == NULL || member_string (o, "code") == NULL || member_string (o, "name") == NULL)
        return reference_error (_("a role has no code or name"), error);
      bind_text (role_stmt, 1, member_string (o, "code"));
      bind_text (role_stmt, 2, member_string (o, "name"));
      bind_text (role_stmt, 3, member_string (o, "staff_group"));
      bind_text (role_stmt, 4, member_string (o, "available_from"));
      bind_text (role_stmt, 5, member_string (o, "notes"));
      sqlite3_bind_int (role_stmt, 6, (int) i);
      if (!step_done (self, role_stmt, error))
        return FALSE;
    }

  /* Reference rates are replaced; the user's rows are left alone. */
  if (!exec_static (self, "DELETE FROM role_rate WHERE origin = 'reference'", error))
    return FALSE;
  rate_stmt = prepare (self,
                       "INSERT INTO role_rate (role_code, area, effective_from, effective_to, "
                       "annual_pence, source, notes, confidence, origin) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'reference')",
                       error);
  if (rate_stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (rates); i++)
    {
      JsonObject *o = json_array_get_object_element (rates, i);
      gint64 pence;

      if (o == NULL || member_string (o, "role") == NULL || member_string (o, "from") == NULL ||
          member_string (o, "area") == NULL)
        return reference_error (_("a rate has no role, area or start"), error);
      pence = json_object_get_int_member_with_default (o, "annual_pence", 0);
      if (pence <= 0)
        return reference_error (_("a rate has no amount"), error);
      bind_text (rate_stmt, 1, member_string (o, "role"));
      bind_text (rate_stmt, 2, member_string (o, "area"));
      bind_text (rate_stmt, 3, member_string (o, "from"));
      bind_text (rate_stmt, 4, member_string (o, "to"));
      sqlite3_bind_int64 (rate_stmt, 5, pence);
      bind_text (rate_stmt, 6, member_string (o, "source"));
      bind_text (rate_stmt, 7, member_string (o, "notes"));
      bind_text (rate_stmt, 8, member_string (o, "confidence"));
      if (!step_done (self, rate_stmt, error))
        return FALSE;
    }

  if (!exec_static (self, "DELETE FROM role_rule", error))
    return FALSE;
  rule_stmt = prepare (self,
                       "INSERT INTO role_rule (role_code, kind, effective_from, effective_to, "
                       "params, text, confidence, source) "
                       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                       error);
  if (rule_stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      JsonObject *o = json_array_get_object_element (rules, i);
      JsonNode *params;
      g_autofree char *params_json = NULL;

      if (o == NULL || member_string (o, "role") == NULL || member_string (o, "kind") == NULL ||
          member_string (o, "from") == NULL)
        return reference_error (_("a rule has no role, kind or start"), error);
      params = json_object_get_member (o, "params");
      params_json = params != NULL ? json_to_string (params, FALSE) : g_strdup ("{}");
      bind_text (rule_stmt, 1, member_string (o, "role"));
      bind_text (rule_stmt, 2, member_string (o, "kind"));
      bind_text (rule_stmt, 3, member_string (o, "from"));
      bind_text (rule_stmt, 4, member_string (o, "to"));
      bind_text (rule_stmt, 5, params_json);
      bind_text (rule_stmt, 6, member_string (o, "text"));
      bind_text (rule_stmt, 7, member_string (o, "confidence"));
      bind_text (rule_stmt, 8, member_string (o, "source"));
      if (!step_done (self, rule_stmt, error))
        return FALSE;
    }

  if (!exec_static (self, "DELETE FROM allocation_rate", error))
    return FALSE;
  alloc_stmt = prepare (self,
                        "INSERT INTO allocation_rate (year, component, per_weighted_patient_gbp, "
                        "effective_from, effective_to, population_reference_date, confidence, "
                        "notes, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                        error);
  if (alloc_stmt == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (allocation); i++)
    {
      JsonObject *o = json_array_get_object_element (allocation, i);

      if (o == NULL || member_string (o, "component") == NULL ||
          member_string (o, "per_weighted_patient_gbp") == NULL || member_string (o, "from") == NULL)
        return reference_error (_("an allocation rate is incomplete"), error);
      sqlite3_bind_int64 (alloc_stmt, 1, json_object_get_int_member_with_default (o, "year", 0));
      bind_text (alloc_stmt, 2, member_string (o, "component"));
      bind_text (alloc_stmt, 3, member_string (o, "per_weighted_patient_gbp"));
      bind_text (alloc_stmt, 4, member_string (o, "from"));
      bind_text (alloc_stmt, 5, member_string (o, "to"));
      bind_text (alloc_stmt, 6, member_string (o, "population_reference_date"));
      bind_text (alloc_stmt, 7, member_string (o, "confidence"));
      bind_text (alloc_stmt, 8, member_string (o, "notes"));
      bind_text (alloc_stmt, 9, member_string (o, "source"));
      if (!step_done (self, alloc_stmt, error))
        return FALSE;
    }

  meta_stmt = prepare (self,
                       "INSERT INTO meta (key, value) VALUES ('reference_version', ?1) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       error);
  if (meta_stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (meta_stmt, 1, version);
  return step_done (self, meta_stmt, error);
}

/* Loads the shipped reference data into a new database, or refreshes it
 * when this build ships a newer version than the file holds. */
static gboolean
refresh_reference (PcnStore  *self,
                   GError   **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *obj;
  gint64 stored = 0, shipped;
  gboolean ok;

  root = load_reference_json (error);
  if (root == NULL)
    return FALSE;
  obj = json_node_get_object (root);
  shipped = json_object_get_int_member (obj, "version");

  if (!begin (self, TRUE, error))
    return FALSE;
  ok = query_int64 (self,
                    "SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'reference_version'",
                    &stored, error);
  if (ok && shipped > stored)
    {
      ok = apply_reference (self, obj, &local_error);
      if (!ok)
        {
          if (local_error->domain == PCN_STORE_ERROR &&
              local_error->code != PCN_STORE_ERROR_REFERENCE &&
              local_error->code != PCN_STORE_ERROR_CORRUPT &&
              local_error->code != PCN_STORE_ERROR_IO)
            {
              g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                           _("The built-in ARRS reference data could not be loaded: %s"),
                           local_error->message);
            }
          else
            g_propagate_error (error, g_steal_pointer (&local_error));
        }
      else
        stored = shipped;
    }
  if (!finish (self, ok, error))
    return FALSE;

  self->reference_version = (int) stored;
  return TRUE;
}

static void run_in_pool (gpointer item,
                         gpointer user_data);

static PcnStore *
open_store (const char  *path,
            int          target_version,
            GError     **error)
{
  g_autoptr(PcnStore) self = NULL;
  g_autofree char *display_name = NULL;
  gboolean is_new = FALSE;
  int rc;

  display_name = g_filename_display_name (path);

  if (!check_or_create_file (path, display_name, &is_new, error))
    return NULL;
  if (!is_new && !inspect_existing (path, display_name, error))
    return NULL;

  self = g_object_new (PCN_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_steal_pointer (&display_name);

  rc = sqlite3_open_v2 (path, &self->db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      fail (self, rc, error);
      return NULL;
    }

  if (!configure_connection (self, error) ||
      !migrate (self, target_version, error))
    return NULL;

  if (target_version >= 1 && !refresh_reference (self, error))
    return NULL;
  /* Induction templates (schema 5): loaded, and refreshed by version. */
  if (target_version >= 5 &&
      !(begin (self, TRUE, error) &&
        finish (self, _pcn_store_refresh_induction_templates_locked (self, error), error)))
    return NULL;
  /* Supervision requirements (schema 6): loaded, and refreshed by version. */
  if (target_version >= 6 &&
      !(begin (self, TRUE, error) &&
        finish (self, _pcn_store_refresh_supervision_requirements_locked (self, error), error)))
    return NULL;
  /* Default skills and role cards (schema 7): loaded, and refreshed by version. */
  if (target_version >= 7 &&
      !(begin (self, TRUE, error) &&
        finish (self, _pcn_store_refresh_vision_data_locked (self, error), error)))
    return NULL;

  /* One worker: pcn_store_run_async() calls run one after another. */
  self->pool = g_thread_pool_new (run_in_pool, NULL, 1, FALSE, NULL);
  return g_steal_pointer (&self);
}

PcnStore *
pcn_store_open (const char  *path,
                GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return open_store (path, PCN_STORE_SCHEMA_VERSION, error);
}

PcnStore *
_pcn_store_open_at_version (const char  *path,
                            int          version,
                            GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (version >= 0 && version <= PCN_STORE_SCHEMA_VERSION, NULL);

  return open_store (path, version, error);
}

gboolean
_pcn_store_exec (PcnStore    *self,
                 const char  *sql,
                 GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  return finish (self, exec_static (self, sql, error), error);
}

const char *
pcn_store_get_path (PcnStore *self)
{
  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  return self->path;
}

int
pcn_store_get_reference_version (PcnStore *self)
{
  g_return_val_if_fail (PCN_IS_STORE (self), 0);
  return self->reference_version;
}

/* ----------------------------------------------------------- backup */

gboolean
pcn_store_backup (PcnStore    *self,
                  const char  *dest,
                  GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *dest_display = NULL;
  sqlite3 *out = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (dest != NULL, FALSE);

  dest_display = g_filename_display_name (dest);
  dir = g_path_get_dirname (dest);
  tmp = g_build_filename (dir, ".pcn-backup-XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_IO,
                   _("Cannot write the backup “%s”: %s"), dest_display, g_strerror (saved));
      return FALSE;
    }
  g_close (fd, NULL);

  locker = g_mutex_locker_new (&self->mutex);

  rc = sqlite3_open_v2 (tmp, &out, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (out, "main", self->db, "main");
      if (backup == NULL)
        rc = sqlite3_errcode (out);
      else
        {
          rc = sqlite3_backup_step (backup, -1);
          if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
          if (sqlite3_backup_finish (backup) != SQLITE_OK && rc == SQLITE_OK)
            rc = sqlite3_errcode (out);
        }
    }
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (out, rc, dest_display, error);
      g_prefix_error (error, _("Backup failed: "));
    }
  if (out != NULL && sqlite3_close (out) != SQLITE_OK && rc == SQLITE_OK)
    {
      rc = SQLITE_IOERR;
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_IO,
                   _("Cannot write the backup “%s”"), dest_display);
    }
  if (rc == SQLITE_OK && g_rename (tmp, dest) != 0)
    {
      int saved = errno;
      rc = SQLITE_IOERR;
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_IO,
                   _("Cannot write the backup “%s”: %s"), dest_display, g_strerror (saved));
    }
  if (rc != SQLITE_OK)
    {
      g_autofree char *journal = g_strconcat (tmp, "-journal", NULL);
      g_unlink (tmp);
      g_unlink (journal);
      return FALSE;
    }
  return TRUE;
}

/* ---------------------------------------------------------- network */

#define PREFIX_FIELD(error, field) \
  G_STMT_START { if ((field) != NULL) g_prefix_error ((error), "%s: ", (field)); } G_STMT_END

static PcnNetwork *
get_network_locked (PcnStore  *self,
                    gboolean  *out_found,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  PcnArea area = PCN_AREA_NATIONAL;
  int rc;

  *out_found = FALSE;
  stmt = prepare (self,
                  "SELECT name, ods_code, list_size, weighted_list_size, area FROM pcn WHERE id = 1",
                  error);
  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      fail (self, rc, error);
      return NULL;
    }

  network = pcn_network_new ();
  pcn_network_set_name (network, column_text (stmt, 0));
  pcn_network_set_ods_code (network, column_text (stmt, 1));
  pcn_network_set_list_size (network, sqlite3_column_int64 (stmt, 2));
  pcn_network_set_weighted_list_size (network, sqlite3_column_int64 (stmt, 3));
  if (!pcn_area_parse (column_text (stmt, 4), &area, NULL))
    area = PCN_AREA_NATIONAL;
  pcn_network_set_area (network, area);
  *out_found = TRUE;
  return g_steal_pointer (&network);
}

PcnNetwork *
pcn_store_get_network (PcnStore  *self,
                       GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  gboolean found;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return NULL;
  network = get_network_locked (self, &found, &local_error);
  if (local_error != NULL)
    {
      rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!finish (self, TRUE, error))
    return NULL;
  return g_steal_pointer (&network);
}

static gboolean
insert_practice (PcnStore     *self,
                 PcnPractice  *practice,
                 GError      **error)
{
  g_autoptr(sqlite3_stmt) check = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *field = NULL;
  int rc;

  if (!pcn_practice_validate (practice, &field, error))
    {
      PREFIX_FIELD (error, field);
      return FALSE;
    }

  check = prepare (self,
                   "SELECT name FROM practice WHERE name = ?1 OR (?2 IS NOT NULL AND ods_code = ?2)",
                   error);
  if (check == NULL)
    return FALSE;
  bind_text (check, 1, pcn_practice_get_name (practice));
  bind_text (check, 2, pcn_practice_get_ods_code (practice));
  rc = sqlite3_step (check);
  if (rc == SQLITE_ROW)
    {
      if (g_strcmp0 (column_text (check, 0), pcn_practice_get_name (practice)) == 0)
        g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS,
                     _("name: there is already a practice called “%s”"),
                     pcn_practice_get_name (practice));
      else
        g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS,
                     _("ods: the ODS code %s already belongs to %s"),
                     pcn_practice_get_ods_code (practice), column_text (check, 0));
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return fail (self, rc, error);

  stmt = prepare (self, "INSERT INTO practice (name, ods_code, list_size) VALUES (?1, ?2, ?3)",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, pcn_practice_get_name (practice));
  bind_text (stmt, 2, pcn_practice_get_ods_code (practice));
  sqlite3_bind_int64 (stmt, 3, MAX (pcn_practice_get_list_size (practice), 0));
  if (!step_done (self, stmt, error))
    return FALSE;
  pcn_practice_set_id (practice, sqlite3_last_insert_rowid (self->db));
  return TRUE;
}

static void
bind_network (sqlite3_stmt *stmt,
              PcnNetwork   *network)
{
  bind_text (stmt, 1, pcn_network_get_name (network));
  bind_text (stmt, 2, pcn_network_get_ods_code (network));
  sqlite3_bind_int64 (stmt, 3, pcn_network_get_list_size (network));
  sqlite3_bind_int64 (stmt, 4, MAX (pcn_network_get_weighted_list_size (network), 0));
  bind_text (stmt, 5, pcn_area_to_string (pcn_network_get_area (network)));
}

static gboolean
create_network_locked (PcnStore    *self,
                       PcnNetwork  *network,
                       GPtrArray   *practices,
                       GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PcnNetwork) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *field = NULL;
  gboolean found;

  if (!pcn_network_validate (network, &field, error))
    {
      PREFIX_FIELD (error, field);
      return FALSE;
    }

  existing = get_network_locked (self, &found, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS,
                   _("“%s” already holds a PCN (%s); use a new file for another PCN"),
                   self->display_name, pcn_network_get_name (existing));
      return FALSE;
    }

  stmt = prepare (self,
                  "INSERT INTO pcn (id, name, ods_code, list_size, weighted_list_size, area) "
                  "VALUES (1, ?1, ?2, ?3, ?4, ?5)",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_network (stmt, network);
  if (!step_done (self, stmt, error))
    return FALSE;

  for (guint i = 0; practices != NULL && i < practices->len; i++)
    if (!insert_practice (self, g_ptr_array_index (practices, i), error))
      return FALSE;
  return TRUE;
}

gboolean
pcn_store_create_network (PcnStore    *self,
                          PcnNetwork  *network,
                          GPtrArray   *practices,
                          GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (PCN_IS_NETWORK (network), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  return finish (self, create_network_locked (self, network, practices, error), error);
}

gboolean
pcn_store_update_network (PcnStore    *self,
                          PcnNetwork  *network,
                          GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *field = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (PCN_IS_NETWORK (network), FALSE);

  if (!pcn_network_validate (network, &field, error))
    {
      PREFIX_FIELD (error, field);
      return FALSE;
    }

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  stmt = prepare (self,
                  "UPDATE pcn SET name = ?1, ods_code = ?2, list_size = ?3, "
                  "weighted_list_size = ?4, area = ?5 WHERE id = 1",
                  error);
  ok = stmt != NULL;
  if (ok)
    {
      bind_network (stmt, network);
      ok = step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NO_NETWORK,
                   _("No PCN has been created in “%s” yet"), self->display_name);
      ok = FALSE;
    }
  return finish (self, ok, error);
}

/* -------------------------------------------------------- practices */

static GPtrArray *
list_practices_locked (PcnStore  *self,
                       GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = prepare (self,
                  "SELECT id, name, ods_code, list_size FROM practice "
                  "ORDER BY name COLLATE NOCASE, id",
                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnPractice *p = pcn_practice_new (column_text (stmt, 1));

      pcn_practice_set_id (p, sqlite3_column_int64 (stmt, 0));
      pcn_practice_set_ods_code (p, column_text (stmt, 2));
      pcn_practice_set_list_size (p, sqlite3_column_int64 (stmt, 3));
      g_ptr_array_add (result, p);
    }
  if (rc != SQLITE_DONE)
    {
      fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

GPtrArray *
pcn_store_list_practices (PcnStore  *self,
                          GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) result = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return NULL;
  result = list_practices_locked (self, error);
  if (!finish (self, result != NULL, error))
    return NULL;
  return g_steal_pointer (&result);
}

gboolean
pcn_store_add_practice (PcnStore     *self,
                        PcnPractice  *practice,
                        GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (PCN_IS_PRACTICE (practice), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  return finish (self, insert_practice (self, practice, error), error);
}

/* ------------------------------------------------------------ years */

gboolean
pcn_store_set_allocation (PcnStore  *self,
                          int        year,
                          gint64     pence,
                          GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);

  if (year < 2000 || year > 2100)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("year: %d is not a financial year this application handles"), year);
      return FALSE;
    }

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  stmt = prepare (self,
                  "INSERT INTO financial_year (year, allocation_pence) VALUES (?1, ?2) "
                  "ON CONFLICT (year) DO UPDATE SET allocation_pence = excluded.allocation_pence",
                  error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, year);
      bind_int64_or_null (stmt, 2, pence);
      ok = step_done (self, stmt, error);
    }
  return finish (self, ok, error);
}

GArray *
pcn_store_list_years (PcnStore  *self,
                      GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) years = g_array_new (FALSE, TRUE, sizeof (PcnYearAllocation));
  int rc = SQLITE_OK;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return NULL;
  stmt = prepare (self, "SELECT year, allocation_pence FROM financial_year ORDER BY year", error);
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          PcnYearAllocation y = {
            .year = sqlite3_column_int (stmt, 0),
            .allocation = column_int64_or (stmt, 1, -1),
          };
          g_array_append_val (years, y);
        }
      if (rc != SQLITE_DONE)
        fail (self, rc, error);
    }
  if (!finish (self, stmt != NULL && rc == SQLITE_DONE, error))
    return NULL;
  return g_steal_pointer (&years);
}

/* ------------------------------------------------------------ roles */

static GPtrArray *
list_roles_locked (PcnStore  *self,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) roles = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = prepare (self,
                  "SELECT code, name, staff_group, available_from, notes FROM role "
                  "ORDER BY position, code",
                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnRole *role = pcn_role_new (column_text (stmt, 0), column_text (stmt, 1));

      pcn_role_set_staff_group (role, column_text (stmt, 2));
      pcn_role_set_available_from (role, column_text (stmt, 3));
      pcn_role_set_notes (role, column_text (stmt, 4));
      g_ptr_array_add (roles, role);
    }
  if (rc != SQLITE_DONE)
    {
      fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&roles);
}

GPtrArray *
pcn_store_list_roles (PcnStore  *self,
                      GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) roles = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return NULL;
  roles = list_roles_locked (self, error);
  if (!finish (self, roles != NULL, error))
    return NULL;
  return g_steal_pointer (&roles);
}

/* ------------------------------------------------------------ rates */

static GPtrArray *
list_rates_locked (PcnStore  *self,
                   int        year,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) rates = g_ptr_array_new_with_free_func (g_object_unref);
  int rc = SQLITE_OK;

  stmt = prepare (self,
                  "SELECT r.id, r.role_code, ro.name, r.area, r.effective_from, r.effective_to, "
                  "r.annual_pence, r.source, r.notes, r.confidence, r.origin "
                  "FROM role_rate r JOIN role ro ON ro.code = r.role_code "
                  "WHERE ?1 = 0 OR (r.effective_from <= ?3 "
                  "AND (r.effective_to IS NULL OR r.effective_to >= ?2)) "
                  "ORDER BY ro.position, r.area, r.effective_from, r.origin, r.id",
                  error);
  if (stmt != NULL)
    {
      g_autofree char *first = NULL;
      g_autofree char *last = NULL;

      if (year != 0)
        {
          GDate d1, d2;
          pcn_financial_year_bounds (year, &d1, &d2);
          first = pcn_date_to_iso (&d1);
          last = pcn_date_to_iso (&d2);
        }
      sqlite3_bind_int (stmt, 1, year);
      bind_text (stmt, 2, first);
      bind_text (stmt, 3, last);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          PcnRate *rate = pcn_rate_new (column_text (stmt, 1), column_text (stmt, 3),
                                        column_text (stmt, 4), sqlite3_column_int64 (stmt, 6));

          pcn_rate_set_id (rate, sqlite3_column_int64 (stmt, 0));
          pcn_rate_set_role_name (rate, column_text (stmt, 2));
          pcn_rate_set_effective_to (rate, column_text (stmt, 5));
          pcn_rate_set_source (rate, column_text (stmt, 7));
          pcn_rate_set_notes (rate, column_text (stmt, 8));
          pcn_rate_set_confidence (rate, column_text (stmt, 9));
          pcn_rate_set_user_entered (rate, g_strcmp0 (column_text (stmt, 10), "user") == 0);
          g_ptr_array_add (rates, rate);
        }
      if (rc != SQLITE_DONE)
        fail (self, rc, error);
    }
  if (stmt == NULL || rc != SQLITE_DONE)
    return NULL;
  return g_steal_pointer (&rates);
}

GPtrArray *
pcn_store_list_rates (PcnStore  *self,
                      int        year,
                      GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) rates = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return NULL;
  rates = list_rates_locked (self, year, error);
  if (!finish (self, rates != NULL, error))
    return NULL;
  return g_steal_pointer (&rates);
}

static gboolean
set_rate_locked (PcnStore  *self,
                 PcnRate   *rate,
                 GError   **error)
{
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *field = NULL;
  PcnRole *role;
  gint64 id = -1;
  int rc;

  roles = list_roles_locked (self, error);
  if (roles == NULL)
    return FALSE;
  if (!pcn_rate_validate (rate, roles, &field, error))
    {
      PREFIX_FIELD (error, field);
      return FALSE;
    }
  role = pcn_roles_find (roles, pcn_rate_get_role_code (rate));
  g_assert (role != NULL);

  find = prepare (self,
                  "SELECT id FROM role_rate WHERE origin = 'user' AND role_code = ?1 "
                  "AND area = ?2 AND effective_from = ?3",
                  error);
  if (find == NULL)
    return FALSE;
  bind_text (find, 1, pcn_role_get_code (role));
  bind_text (find, 2, pcn_rate_get_area (rate));
  bind_text (find, 3, pcn_rate_get_effective_from (rate));
  rc = sqlite3_step (find);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (find, 0);
  else if (rc != SQLITE_DONE)
    return fail (self, rc, error);

  if (id >= 0)
    stmt = prepare (self,
                    "UPDATE role_rate SET role_code = ?1, area = ?2, effective_from = ?3, "
                    "effective_to = ?4, annual_pence = ?5, source = ?6, notes = ?7, "
                    "confidence = ?8 WHERE id = ?9",
                    error);
  else
    stmt = prepare (self,
                    "INSERT INTO role_rate (role_code, area, effective_from, effective_to, "
                    "annual_pence, source, notes, confidence, origin) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'user')",
                    error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, pcn_role_get_code (role));
  bind_text (stmt, 2, pcn_rate_get_area (rate));
  bind_text (stmt, 3, pcn_rate_get_effective_from (rate));
  bind_text (stmt, 4, pcn_rate_get_effective_to (rate));
  sqlite3_bind_int64 (stmt, 5, pcn_rate_get_annual (rate));
  bind_text (stmt, 6, pcn_rate_get_source (rate));
  bind_text (stmt, 7, pcn_rate_get_notes (rate));
  bind_text (stmt, 8, pcn_rate_get_confidence (rate));
  if (id >= 0)
    sqlite3_bind_int64 (stmt, 9, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (id < 0)
    id = sqlite3_last_insert_rowid (self->db);
  pcn_rate_set_id (rate, id);
  pcn_rate_set_user_entered (rate, TRUE);
  pcn_rate_set_role_name (rate, pcn_role_get_name (role));
  return TRUE;
}

gboolean
pcn_store_set_rate (PcnStore  *self,
                    PcnRate   *rate,
                    GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (PCN_IS_RATE (rate), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  return finish (self, set_rate_locked (self, rate, error), error);
}

char *
pcn_store_dup_reference_json (PcnStore    *self,
                              const char  *section,
                              GError     **error)
{
  g_autoptr(JsonNode) root = NULL;
  JsonNode *node;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (section != NULL, NULL);

  root = load_reference_json (error);
  if (root == NULL)
    return NULL;
  node = json_object_get_member (json_node_get_object (root), section);
  if (node == NULL)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                   _("The ARRS reference data has no “%s” section"), section);
      return NULL;
    }
  return json_to_string (node, FALSE);
}

/* ------------------------------------------------------------ staff */

#define STAFF_COLUMNS \
  "s.id, s.name, s.payroll_id, s.role_code, r.name, s.start_date, s.end_date, " \
  "s.leaving_reason, s.wte_milli, s.band, s.annual_salary_pence, s.employer, s.claimable, " \
  "s.prior_employment_12m"

static PcnStaff *
staff_from_row (sqlite3_stmt *stmt)
{
  PcnStaff *staff = pcn_staff_new ();

  pcn_staff_set_id (staff, sqlite3_column_int64 (stmt, 0));
  pcn_staff_set_name (staff, column_text (stmt, 1));
  pcn_staff_set_payroll_id (staff, column_text (stmt, 2));
  pcn_staff_set_role_code (staff, column_text (stmt, 3));
  pcn_staff_set_role_name (staff, column_text (stmt, 4));
  pcn_staff_set_start_date (staff, column_text (stmt, 5));
  pcn_staff_set_end_date (staff, column_text (stmt, 6));
  pcn_staff_set_leaving_reason (staff, column_text (stmt, 7));
  pcn_staff_set_wte (staff, sqlite3_column_int (stmt, 8));
  pcn_staff_set_band (staff, column_text (stmt, 9));
  pcn_staff_set_annual_salary (staff, column_int64_or (stmt, 10, -1));
  pcn_staff_set_employer (staff, column_text (stmt, 11));
  pcn_staff_set_claimable (staff, sqlite3_column_int (stmt, 12) != 0);
  pcn_staff_set_prior_employment_12m (staff, sqlite3_column_int (stmt, 13) != 0);
  return staff;
}

/* The host-practice rows of staff or of posts: the same shape in two
 * tables. */
typedef struct
{
  const char *select_all;   /* owner id, practice name, sessions; ?1 < 0: all */
  const char *select_ids;   /* practice_id, id of one owner's rows */
  const char *insert;       /* owner, practice, sessions, position */
  const char *update;       /* sessions, position, id */
  const char *delete;       /* id */
  void      (*set_sessions) (gpointer   owner,
                             GPtrArray *sessions);
} SessionTable;

static void
set_staff_sessions (gpointer   owner,
                    GPtrArray *sessions)
{
  pcn_staff_set_sessions (owner, sessions);
}

static void
set_post_sessions (gpointer   owner,
                   GPtrArray *sessions)
{
  pcn_post_set_sessions (owner, sessions);
}

static const SessionTable staff_sessions_table = {
  "SELECT sp.staff_id, p.name, sp.sessions FROM staff_practice sp "
  "JOIN practice p ON p.id = sp.practice_id "
  "WHERE ?1 < 0 OR sp.staff_id = ?1 "
  "ORDER BY sp.staff_id, sp.position, sp.id",
  "SELECT practice_id, id FROM staff_practice WHERE staff_id = ?1",
  "INSERT INTO staff_practice (staff_id, practice_id, sessions, position) VALUES (?1, ?2, ?3, ?4)",
  "UPDATE staff_practice SET sessions = ?1, position = ?2 WHERE id = ?3",
  "DELETE FROM staff_practice WHERE id = ?1",
  set_staff_sessions,
};

static const SessionTable post_sessions_table = {
  "SELECT pp.post_id, p.name, pp.sessions FROM post_practice pp "
  "JOIN practice p ON p.id = pp.practice_id "
  "WHERE ?1 < 0 OR pp.post_id = ?1 "
  "ORDER BY pp.post_id, pp.position, pp.id",
  "SELECT practice_id, id FROM post_practice WHERE post_id = ?1",
  "INSERT INTO post_practice (post_id, practice_id, sessions, position) VALUES (?1, ?2, ?3, ?4)",
  "UPDATE post_practice SET sessions = ?1, position = ?2 WHERE id = ?3",
  "DELETE FROM post_practice WHERE id = ?1",
  set_post_sessions,
};

/* Sessions of every owner (@owner_id < 0) or of one; @by_id maps owner
 * ids to the staff or posts. */
static gboolean
load_sessions (PcnStore            *self,
               const SessionTable  *table,
               GHashTable          *by_id,
               gint64               owner_id,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_session_free);
  gint64 current = -1;
  int rc;

  stmt = prepare (self, table->select_all, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, owner_id);

  for (;;)
    {
      gint64 id = -1;

      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        return fail (self, rc, error);

      if (id != current && current >= 0)
        {
          gpointer owner = g_hash_table_lookup (by_id, &current);
          if (owner != NULL)
            table->set_sessions (owner, sessions);
          g_ptr_array_set_size (sessions, 0);
        }
      if (rc == SQLITE_DONE)
        break;
      current = id;
      g_ptr_array_add (sessions,
                       pcn_session_new (column_text (stmt, 1),
                                        (int) column_int64_or (stmt, 2, -1)));
    }
  return TRUE;
}

static GPtrArray *
list_staff_locked (PcnStore  *self,
                   gint64     only_id,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = NULL;
  int rc;

  stmt = prepare (self,
                  "SELECT " STAFF_COLUMNS " FROM staff s JOIN role r ON r.code = s.role_code "
                  "WHERE ?1 < 0 OR s.id = ?1 "
                  "ORDER BY s.name COLLATE NOCASE, s.id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (staff, staff_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      fail (self, rc, error);
      return NULL;
    }

  /* Keys must outlive the table: keep the ids in one array. */
  ids = g_new (gint64, MAX (staff->len, 1));
  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      ids[i] = pcn_staff_get_id (s);
      g_hash_table_insert (by_id, &ids[i], s);
    }
  if (staff->len > 0 && !load_sessions (self, &staff_sessions_table, by_id, only_id, error))
    return NULL;
  return g_steal_pointer (&staff);
}

GPtrArray *
pcn_store_list_staff (PcnStore  *self,
                      GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) staff = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return NULL;
  staff = list_staff_locked (self, -1, error);
  if (!finish (self, staff != NULL, error))
    return NULL;
  return g_steal_pointer (&staff);
}

gint64
pcn_store_count_staff (PcnStore  *self,
                       GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gint64 n = 0;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), -1);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return -1;
  ok = query_int64 (self, "SELECT count(*) FROM staff", &n, error);
  if (!finish (self, ok, error))
    return -1;
  return n;
}

/* What add, update and import need to check and write staff rows. */
typedef struct
{
  GPtrArray    *roles;           /* PcnRole */
  GPtrArray    *practice_names;  /* char*, owned by practice_ids */
  GHashTable   *practice_ids;    /* name → gint64* */
  sqlite3_stmt *insert_staff;
  sqlite3_stmt *insert_session;
  sqlite3_stmt *find_payroll;
} StaffWriter;

static void
staff_writer_clear (StaffWriter *w)
{
  g_clear_pointer (&w->roles, g_ptr_array_unref);
  g_clear_pointer (&w->practice_names, g_ptr_array_unref);
  g_clear_pointer (&w->practice_ids, g_hash_table_unref);
  g_clear_pointer (&w->insert_staff, sqlite3_finalize);
  g_clear_pointer (&w->insert_session, sqlite3_finalize);
  g_clear_pointer (&w->find_payroll, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StaffWriter, staff_writer_clear)

static gboolean
staff_writer_init (PcnStore     *self,
                   StaffWriter  *w,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  w->roles = list_roles_locked (self, error);
  if (w->roles == NULL)
    return FALSE;

  w->practice_names = g_ptr_array_new ();
  w->practice_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  stmt = prepare (self, "SELECT id, name FROM practice", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *name = g_strdup (column_text (stmt, 1));
      gint64 *id = g_new (gint64, 1);

      *id = sqlite3_column_int64 (stmt, 0);
      g_hash_table_insert (w->practice_ids, name, id);
      g_ptr_array_add (w->practice_names, name);
    }
  if (rc != SQLITE_DONE)
    return fail (self, rc, error);

  w->insert_staff = prepare (self,
                             "INSERT INTO staff (name, payroll_id, role_code, start_date, end_date, "
                             "leaving_reason, wte_milli, band, annual_salary_pence, employer, "
                             "claimable, prior_employment_12m) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                             error);
  if (w->insert_staff == NULL)
    return FALSE;
  w->insert_session = prepare (self,
                               "INSERT INTO staff_practice (staff_id, practice_id, sessions, position) "
                               "VALUES (?1, ?2, ?3, ?4)",
                               error);
  if (w->insert_session == NULL)
    return FALSE;
  w->find_payroll = prepare (self,
                             "SELECT id, name FROM staff WHERE payroll_id = ?1 AND id IS NOT ?2",
                             error);
  return w->find_payroll != NULL;
}

/* Validates @staff and makes its role code canonical. */
static gboolean
staff_writer_validate (StaffWriter  *w,
                       PcnStaff     *staff,
                       GError      **error)
{
  const char *field = NULL;
  PcnRole *role;

  if (!pcn_staff_validate (staff, w->roles, w->practice_names, &field, error))
    {
      PREFIX_FIELD (error, field);
      return FALSE;
    }
  role = pcn_roles_find (w->roles, pcn_staff_get_role_code (staff));
  g_assert (role != NULL);
  if (g_strcmp0 (pcn_role_get_code (role), pcn_staff_get_role_code (staff)) != 0)
    pcn_staff_set_role_code (staff, pcn_role_get_code (role));
  pcn_staff_set_role_name (staff, pcn_role_get_name (role));
  return TRUE;
}

/* Returns the name of whoever else holds @staff's payroll ID (or NULL). */
static gboolean
staff_writer_find_payroll (PcnStore     *self,
                           StaffWriter  *w,
                           PcnStaff     *staff,
                           char        **out_holder,
                           GError      **error)
{
  gint64 id = pcn_staff_get_id (staff);
  int rc;

  *out_holder = NULL;
  if (pcn_staff_get_payroll_id (staff) == NULL)
    return TRUE;

  bind_text (w->find_payroll, 1, pcn_staff_get_payroll_id (staff));
  if (id > 0)
    sqlite3_bind_int64 (w->find_payroll, 2, id);
  else
    sqlite3_bind_null (w->find_payroll, 2);
  rc = sqlite3_step (w->find_payroll);
  if (rc == SQLITE_ROW)
    *out_holder = g_strdup (column_text (w->find_payroll, 1));
  sqlite3_reset (w->find_payroll);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return fail (self, rc, error);
  return TRUE;
}

static void
bind_staff (sqlite3_stmt *stmt,
            PcnStaff     *staff)
{
  bind_text (stmt, 1, pcn_staff_get_name (staff));
  bind_text (stmt, 2, pcn_staff_get_payroll_id (staff));
  bind_text (stmt, 3, pcn_staff_get_role_code (staff));
  bind_text (stmt, 4, pcn_staff_get_start_date (staff));
  bind_text (stmt, 5, pcn_staff_get_end_date (staff));
  bind_text (stmt, 6, pcn_staff_get_leaving_reason (staff));
  sqlite3_bind_int (stmt, 7, pcn_staff_get_wte (staff));
  bind_text (stmt, 8, pcn_staff_get_band (staff));
  bind_int64_or_null (stmt, 9, pcn_staff_get_annual_salary (staff));
  bind_text (stmt, 10, pcn_staff_get_employer (staff));
  sqlite3_bind_int (stmt, 11, pcn_staff_get_claimable (staff) ? 1 : 0);
  sqlite3_bind_int (stmt, 12, pcn_staff_get_prior_employment_12m (staff) ? 1 : 0);
}

static gboolean
insert_session (PcnStore      *self,
                sqlite3_stmt  *insert,
                GHashTable    *practice_ids,
                gint64         owner_id,
                PcnSession    *s,
                int            position,
                GError       **error)
{
  gint64 *practice_id = g_hash_table_lookup (practice_ids, s->practice);

  g_assert (practice_id != NULL);
  sqlite3_bind_int64 (insert, 1, owner_id);
  sqlite3_bind_int64 (insert, 2, *practice_id);
  bind_int64_or_null (insert, 3, s->sessions);
  sqlite3_bind_int (insert, 4, position);
  return step_done (self, insert, error);
}

static gboolean
staff_writer_insert (PcnStore     *self,
                     StaffWriter  *w,
                     PcnStaff     *staff,
                     GError      **error)
{
  GPtrArray *sessions = pcn_staff_get_sessions (staff);
  gint64 id;

  bind_staff (w->insert_staff, staff);
  if (!step_done (self, w->insert_staff, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (self->db);

  for (guint i = 0; i < sessions->len; i++)
    if (!insert_session (self, w->insert_session, w->practice_ids, id,
                         g_ptr_array_index (sessions, i), (int) i, error))
      return FALSE;

  pcn_staff_set_id (staff, id);
  return _pcn_store_issue_induction_locked (self, staff, error);
}

static gboolean
add_staff_locked (PcnStore  *self,
                  PcnStaff  *staff,
                  GError   **error)
{
  g_auto(StaffWriter) w = { 0 };
  g_autofree char *holder = NULL;

  if (!staff_writer_init (self, &w, error) ||
      !staff_writer_validate (&w, staff, error))
    return FALSE;

  pcn_staff_set_id (staff, 0);
  if (!staff_writer_find_payroll (self, &w, staff, &holder, error))
    return FALSE;
  if (holder != NULL)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS,
                   _("payroll_id: payroll ID %s already belongs to %s"),
                   pcn_staff_get_payroll_id (staff), holder);
      return FALSE;
    }
  return staff_writer_insert (self, &w, staff, error);
}

gboolean
pcn_store_add_staff (PcnStore  *self,
                     PcnStaff  *staff,
                     GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (PCN_IS_STAFF (staff), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  ok = add_staff_locked (self, staff, error);
  if (!finish (self, ok, error))
    {
      if (ok)
        pcn_staff_set_id (staff, 0);
      return FALSE;
    }
  return TRUE;
}

/* Brings the host-practice rows of @owner_id in line with @sessions,
 * touching only rows that change (so the audit log shows real changes). */
static gboolean
sync_sessions (PcnStore            *self,
               const SessionTable  *table,
               GHashTable          *practice_ids,
               gint64               owner_id,
               GPtrArray           *sessions,
               GError             **error)
{
  g_autoptr(sqlite3_stmt) existing = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) delete = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  int rc;

  existing = prepare (self, table->select_ids, error);
  insert = existing ? prepare (self, table->insert, error) : NULL;
  update = insert ? prepare (self, table->update, error) : NULL;
  delete = update ? prepare (self, table->delete, error) : NULL;
  if (delete == NULL)
    return FALSE;

  sqlite3_bind_int64 (existing, 1, owner_id);
  while ((rc = sqlite3_step (existing)) == SQLITE_ROW)
    {
      gint64 *practice_id = g_new (gint64, 1);
      gint64 *row_id = g_new (gint64, 1);

      *practice_id = sqlite3_column_int64 (existing, 0);
      *row_id = sqlite3_column_int64 (existing, 1);
      g_hash_table_insert (rows, practice_id, row_id);
    }
  if (rc != SQLITE_DONE)
    return fail (self, rc, error);

  for (guint i = 0; i < sessions->len; i++)
    {
      PcnSession *s = g_ptr_array_index (sessions, i);
      gint64 *practice_id = g_hash_table_lookup (practice_ids, s->practice);
      gint64 *row_id;

      g_assert (practice_id != NULL);
      row_id = g_hash_table_lookup (rows, practice_id);
      if (row_id == NULL)
        {
          if (!insert_session (self, insert, practice_ids, owner_id, s, (int) i, error))
            return FALSE;
          continue;
        }
      bind_int64_or_null (update, 1, s->sessions);
      sqlite3_bind_int (update, 2, (int) i);
      sqlite3_bind_int64 (update, 3, *row_id);
      if (!step_done (self, update, error))
        return FALSE;
      g_hash_table_remove (rows, practice_id);
    }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, rows);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        sqlite3_bind_int64 (delete, 1, *(gint64 *) value);
        if (!step_done (self, delete, error))
          return FALSE;
      }
  }
  return TRUE;
}

static gboolean
update_staff_locked (PcnStore  *self,
                     PcnStaff  *staff,
                     GError   **error)
{
  g_auto(StaffWriter) w = { 0 };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *holder = NULL;
  gint64 id = pcn_staff_get_id (staff);

  if (!staff_writer_init (self, &w, error) ||
      !staff_writer_validate (&w, staff, error) ||
      !staff_writer_find_payroll (self, &w, staff, &holder, error))
    return FALSE;
  if (holder != NULL)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS,
                   _("payroll_id: payroll ID %s already belongs to %s"),
                   pcn_staff_get_payroll_id (staff), holder);
      return FALSE;
    }

  stmt = prepare (self,
                  "UPDATE staff SET name = ?1, payroll_id = ?2, role_code = ?3, start_date = ?4, "
                  "end_date = ?5, leaving_reason = ?6, wte_milli = ?7, band = ?8, "
                  "annual_salary_pence = ?9, employer = ?10, claimable = ?11, "
                  "prior_employment_12m = ?12 WHERE id = ?13",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_staff (stmt, staff);
  sqlite3_bind_int64 (stmt, 13, id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                   _("There is no staff member with id %" G_GINT64_FORMAT), id);
      return FALSE;
    }
  return sync_sessions (self, &staff_sessions_table, w.practice_ids, id,
                        pcn_staff_get_sessions (staff), error) &&
         _pcn_store_issue_induction_locked (self, staff, error);
}

gboolean
pcn_store_update_staff (PcnStore  *self,
                        PcnStaff  *staff,
                        GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (PCN_IS_STAFF (staff), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  return finish (self, update_staff_locked (self, staff, error), error);
}

static gboolean vacate_posts_locked (PcnStore    *self,
                                     gint64       staff_id,
                                     const char  *last_day,
                                     GError     **error);

static gboolean
record_leaver_locked (PcnStore    *self,
                      gint64       staff_id,
                      const char  *end_date,
                      const char  *reason,
                      GError     **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso = NULL;
  const char *field = NULL;
  GDate d;

  found = list_staff_locked (self, staff_id, error);
  if (found == NULL)
    return FALSE;
  if (found->len == 0)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                   _("There is no staff member with id %" G_GINT64_FORMAT), staff_id);
      return FALSE;
    }
  if (!pcn_staff_validate_leaver (g_ptr_array_index (found, 0), end_date, reason, &field, error))
    {
      PREFIX_FIELD (error, field);
      return FALSE;
    }
  if (!pcn_date_parse (end_date, &d, error))
    return FALSE;
  iso = pcn_date_to_iso (&d);

  stmt = prepare (self, "UPDATE staff SET end_date = ?1, leaving_reason = ?2 WHERE id = ?3", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, iso);
  bind_text (stmt, 2, reason);
  sqlite3_bind_int64 (stmt, 3, staff_id);
  if (!step_done (self, stmt, error))
    return FALSE;
  /* A post the leaver filled becomes a vacancy in the same transaction. */
  return vacate_posts_locked (self, staff_id, iso, error);
}

gboolean
pcn_store_record_leaver (PcnStore    *self,
                         gint64       staff_id,
                         const char  *end_date,
                         const char  *reason,
                         GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  return finish (self, record_leaver_locked (self, staff_id, end_date, reason, error), error);
}

static gboolean
import_staff_locked (PcnStore    *self,
                     GPtrArray   *staff,
                     GArray      *lines,
                     const char  *display_name,
                     GError     **error)
{
  g_auto(StaffWriter) w = { 0 };
  g_autoptr(GString) problems = g_string_new (NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean only_duplicates = TRUE;
  guint n_problems = 0;

#define LINE_OF(i) (lines != NULL && (i) < lines->len ? g_array_index (lines, guint, (i)) : (i) + 2)
#define PROBLEM(...) G_STMT_START { \
    if (problems->len > 0) g_string_append_c (problems, '\n'); \
    g_string_append_printf (problems, __VA_ARGS__); n_problems++; } G_STMT_END

  if (!staff_writer_init (self, &w, error))
    return FALSE;

  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      g_autoptr(GError) local_error = NULL;
      g_autofree char *holder = NULL;
      const char *payroll;

      pcn_staff_set_id (s, 0);
      if (!staff_writer_validate (&w, s, &local_error))
        {
          PROBLEM ("%s:%u: %s", display_name, LINE_OF (i), local_error->message);
          only_duplicates = FALSE;
          continue;
        }

      payroll = pcn_staff_get_payroll_id (s);
      if (payroll == NULL)
        continue;
      if (g_hash_table_contains (seen, payroll))
        {
          guint first = GPOINTER_TO_UINT (g_hash_table_lookup (seen, payroll));
          PROBLEM (_("%s:%u: payroll_id %s is also on line %u"),
                   display_name, LINE_OF (i), payroll, first);
          continue;
        }
      g_hash_table_insert (seen, (gpointer) payroll, GUINT_TO_POINTER (LINE_OF (i)));

      if (!staff_writer_find_payroll (self, &w, s, &holder, error))
        return FALSE;
      if (holder != NULL)
        PROBLEM (_("%s:%u: payroll_id %s already belongs to %s"),
                 display_name, LINE_OF (i), payroll, holder);
    }

  if (n_problems > 0)
    {
      if (only_duplicates)
        g_set_error_literal (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS, problems->str);
      else
        g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID, problems->str);
      return FALSE;
    }

  for (guint i = 0; i < staff->len; i++)
    {
      if (!staff_writer_insert (self, &w, g_ptr_array_index (staff, i), error))
        {
          g_prefix_error (error, "%s:%u: ", display_name, LINE_OF (i));
          return FALSE;
        }
    }
  return TRUE;

#undef PROBLEM
#undef LINE_OF
}

gboolean
pcn_store_import_staff (PcnStore    *self,
                        GPtrArray   *staff,
                        GArray      *lines,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (staff != NULL, FALSE);

  if (display_name == NULL)
    display_name = "-";

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  ok = import_staff_locked (self, staff, lines, display_name, error);
  if (!finish (self, ok, error))
    {
      /* Nothing was written: no row keeps an id. */
      for (guint i = 0; i < staff->len; i++)
        pcn_staff_set_id (g_ptr_array_index (staff, i), 0);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------ posts */

#define POST_COLUMNS \
  "id, title, role_code, wte_milli, band, annual_cost_pence, funding, employer_model, " \
  "purposes, start_date, status, proposed_date, approved_date, advertised_date, " \
  "interviewing_date, offered_date, in_post_date, withdrawn_date, staff_id, vacant_since, " \
  "prior_employment_12m, notes"

/* The column of the first status date; the others follow in PcnPostStatus
 * order. */
#define POST_COL_FIRST_DATE 11

static PcnPost *
post_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(PcnPost) post = pcn_post_new ();
  g_auto(GStrv) purposes = NULL;
  const char *purposes_text = column_text (stmt, 8);
  PcnPostFunding funding = PCN_POST_FUNDING_ARRS;
  PcnEmployerModel model = PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE;
  PcnPostStatus status = PCN_POST_STATUS_PROPOSED;

  pcn_post_set_id (post, sqlite3_column_int64 (stmt, 0));
  pcn_post_set_title (post, column_text (stmt, 1));
  pcn_post_set_role_code (post, column_text (stmt, 2));
  pcn_post_set_wte (post, sqlite3_column_int (stmt, 3));
  pcn_post_set_band (post, column_text (stmt, 4));
  pcn_post_set_annual_cost (post, column_int64_or (stmt, 5, -1));
  if (pcn_post_funding_parse (column_text (stmt, 6), &funding, NULL))
    pcn_post_set_funding (post, funding);
  if (pcn_employer_model_parse (column_text (stmt, 7), &model, NULL))
    pcn_post_set_employer_model (post, model);
  if (purposes_text != NULL && *purposes_text != '\0')
    {
      purposes = g_strsplit (purposes_text, ";", -1);
      pcn_post_set_purposes (post, (const char * const *) purposes);
    }
  pcn_post_set_start_date (post, column_text (stmt, 9));
  for (guint st = 0; st < PCN_POST_N_STATUSES; st++)
    {
      const char *iso = column_text (stmt, POST_COL_FIRST_DATE + (int) st);

      if (iso != NULL)
        pcn_post_set_status (post, st, iso);
    }
  if (!pcn_post_status_parse (column_text (stmt, 10), &status, NULL))
    status = PCN_POST_STATUS_PROPOSED;
  pcn_post_set_status (post, status, NULL);
  pcn_post_set_staff_id (post, column_int64_or (stmt, 18, 0));
  pcn_post_set_vacant_since (post, column_text (stmt, 19));
  pcn_post_set_prior_employment_12m (post, sqlite3_column_int (stmt, 20) != 0);
  pcn_post_set_notes (post, column_text (stmt, 21));
  return g_steal_pointer (&post);
}

/* Every post (@only_id < 0) or one, by id. */
static GPtrArray *
list_posts_locked (PcnStore  *self,
                   gint64     only_id,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) posts = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree gint64 *ids = NULL;
  int rc;

  stmt = prepare (self,
                  "SELECT " POST_COLUMNS " FROM post WHERE ?1 < 0 OR id = ?1 ORDER BY id",
                  error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, only_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (posts, post_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      fail (self, rc, error);
      return NULL;
    }

  ids = g_new (gint64, MAX (posts->len, 1));
  for (guint i = 0; i < posts->len; i++)
    {
      PcnPost *p = g_ptr_array_index (posts, i);
      ids[i] = pcn_post_get_id (p);
      g_hash_table_insert (by_id, &ids[i], p);
    }
  if (posts->len > 0 && !load_sessions (self, &post_sessions_table, by_id, only_id, error))
    return NULL;
  return g_steal_pointer (&posts);
}

GPtrArray *
pcn_store_list_posts (PcnStore  *self,
                      GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) posts = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return NULL;
  posts = list_posts_locked (self, -1, error);
  if (!finish (self, posts != NULL, error))
    return NULL;
  return g_steal_pointer (&posts);
}

static PcnPost *
get_post_locked (PcnStore  *self,
                 gint64     id,
                 GError   **error)
{
  g_autoptr(GPtrArray) found = list_posts_locked (self, id, error);

  if (found == NULL)
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                   _("There is no post with id %" G_GINT64_FORMAT), id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

static void
bind_post (sqlite3_stmt *stmt,
           PcnPost      *post)
{
  g_autofree char *purposes = g_strjoinv (";", (char **) pcn_post_get_purposes (post));
  gint64 staff_id = pcn_post_get_staff_id (post);

  bind_text (stmt, 1, pcn_post_get_title (post));
  bind_text (stmt, 2, pcn_post_get_role_code (post));
  sqlite3_bind_int (stmt, 3, pcn_post_get_wte (post));
  bind_text (stmt, 4, pcn_post_get_band (post));
  bind_int64_or_null (stmt, 5, pcn_post_get_annual_cost (post));
  bind_text (stmt, 6, pcn_post_funding_to_string (pcn_post_get_funding (post)));
  bind_text (stmt, 7, pcn_employer_model_to_string (pcn_post_get_employer_model (post)));
  bind_text (stmt, 8, purposes);
  bind_text (stmt, 9, pcn_post_get_start_date (post));
  bind_text (stmt, 10, pcn_post_status_to_string (pcn_post_get_status (post)));
  for (guint st = 0; st < PCN_POST_N_STATUSES; st++)
    bind_text (stmt, 11 + (int) st, pcn_post_get_status_date (post, st));
  bind_int64_or_null (stmt, 18, staff_id > 0 ? staff_id : -1);
  bind_text (stmt, 19, pcn_post_get_vacant_since (post));
  sqlite3_bind_int (stmt, 20, pcn_post_get_prior_employment_12m (post) ? 1 : 0);
  bind_text (stmt, 21, pcn_post_get_notes (post));
}

/* What add and update need to check and write posts: the roles and
 * practices (from the staff writer) and the statements. */
typedef struct
{
  StaffWriter   base;
  sqlite3_stmt *insert_post;
  sqlite3_stmt *insert_session;
  sqlite3_stmt *find_staff;
  sqlite3_stmt *find_holder;
} PostWriter;

static void
post_writer_clear (PostWriter *w)
{
  staff_writer_clear (&w->base);
  g_clear_pointer (&w->insert_post, sqlite3_finalize);
  g_clear_pointer (&w->insert_session, sqlite3_finalize);
  g_clear_pointer (&w->find_staff, sqlite3_finalize);
  g_clear_pointer (&w->find_holder, sqlite3_finalize);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PostWriter, post_writer_clear)

static gboolean
post_writer_init (PcnStore    *self,
                  PostWriter  *w,
                  GError     **error)
{
  if (!staff_writer_init (self, &w->base, error))
    return FALSE;
  w->insert_post = prepare (self,
                            "INSERT INTO post (title, role_code, wte_milli, band, annual_cost_pence, "
                            "funding, employer_model, purposes, start_date, status, proposed_date, "
                            "approved_date, advertised_date, interviewing_date, offered_date, "
                            "in_post_date, withdrawn_date, staff_id, vacant_since, "
                            "prior_employment_12m, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                            "?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21)",
                            error);
  if (w->insert_post == NULL)
    return FALSE;
  w->insert_session = prepare (self, post_sessions_table.insert, error);
  if (w->insert_session == NULL)
    return FALSE;
  w->find_staff = prepare (self, "SELECT name, end_date FROM staff WHERE id = ?1", error);
  if (w->find_staff == NULL)
    return FALSE;
  w->find_holder = prepare (self,
                            "SELECT id FROM post WHERE staff_id = ?1 AND id IS NOT ?2", error);
  return w->find_holder != NULL;
}

/* Validates @post (core), makes its role code canonical and checks that
 * the staff member it links to exists and fills no other post. */
static gboolean
post_writer_validate (PcnStore    *self,
                      PostWriter  *w,
                      PcnPost     *post,
                      GError     **error)
{
  const char *field = NULL;
  gint64 staff_id = pcn_post_get_staff_id (post);
  gint64 id = pcn_post_get_id (post);
  PcnRole *role;
  int rc;

  if (!pcn_post_validate (post, w->base.roles, w->base.practice_names, &field, error))
    {
      PREFIX_FIELD (error, field);
      return FALSE;
    }
  role = pcn_roles_find (w->base.roles, pcn_post_get_role_code (post));
  g_assert (role != NULL);
  if (g_strcmp0 (pcn_role_get_code (role), pcn_post_get_role_code (post)) != 0)
    pcn_post_set_role_code (post, pcn_role_get_code (role));

  if (staff_id <= 0)
    return TRUE;

  sqlite3_bind_int64 (w->find_staff, 1, staff_id);
  rc = sqlite3_step (w->find_staff);
  sqlite3_reset (w->find_staff);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                   _("staff_id: there is no staff member with id %" G_GINT64_FORMAT), staff_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return fail (self, rc, error);

  sqlite3_bind_int64 (w->find_holder, 1, staff_id);
  if (id > 0)
    sqlite3_bind_int64 (w->find_holder, 2, id);
  else
    sqlite3_bind_null (w->find_holder, 2);
  rc = sqlite3_step (w->find_holder);
  if (rc == SQLITE_ROW)
    {
      gint64 other = sqlite3_column_int64 (w->find_holder, 0);

      sqlite3_reset (w->find_holder);
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS,
                   _("staff_id: that staff member already fills post %" G_GINT64_FORMAT), other);
      return FALSE;
    }
  sqlite3_reset (w->find_holder);
  if (rc != SQLITE_DONE)
    return fail (self, rc, error);
  return TRUE;
}

static gboolean
post_writer_insert (PcnStore    *self,
                    PostWriter  *w,
                    PcnPost     *post,
                    GError     **error)
{
  GPtrArray *sessions = pcn_post_get_sessions (post);
  gint64 id;

  bind_post (w->insert_post, post);
  if (!step_done (self, w->insert_post, error))
    return FALSE;
  id = sqlite3_last_insert_rowid (self->db);
  for (guint i = 0; i < sessions->len; i++)
    if (!insert_session (self, w->insert_session, w->base.practice_ids, id,
                         g_ptr_array_index (sessions, i), (int) i, error))
      return FALSE;
  pcn_post_set_id (post, id);
  return TRUE;
}

static gboolean
add_posts_locked (PcnStore   *self,
                  GPtrArray  *posts,
                  GError    **error)
{
  g_auto(PostWriter) w = { { 0 } };

  if (!post_writer_init (self, &w, error))
    return FALSE;
  for (guint i = 0; i < posts->len; i++)
    {
      PcnPost *post = g_ptr_array_index (posts, i);

      pcn_post_set_id (post, 0);
      if (!post_writer_validate (self, &w, post, error) ||
          !post_writer_insert (self, &w, post, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pcn_store_add_post (PcnStore  *self,
                    PcnPost   *post,
                    GError   **error)
{
  g_autoptr(GPtrArray) posts = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (PCN_IS_POST (post), FALSE);

  posts = g_ptr_array_new ();
  g_ptr_array_add (posts, post);
  return pcn_store_add_posts (self, posts, error);
}

gboolean
pcn_store_add_posts (PcnStore   *self,
                     GPtrArray  *posts,
                     GError    **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (posts != NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  ok = add_posts_locked (self, posts, error);
  if (!finish (self, ok, error))
    {
      for (guint i = 0; i < posts->len; i++)
        pcn_post_set_id (g_ptr_array_index (posts, i), 0);
      return FALSE;
    }
  return TRUE;
}

/* Validates and writes every field of an existing post. */
static gboolean
update_post_locked (PcnStore  *self,
                    PcnPost   *post,
                    GError   **error)
{
  g_auto(PostWriter) w = { { 0 } };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = pcn_post_get_id (post);

  if (!post_writer_init (self, &w, error) ||
      !post_writer_validate (self, &w, post, error))
    return FALSE;

  stmt = prepare (self,
                  "UPDATE post SET title = ?1, role_code = ?2, wte_milli = ?3, band = ?4, "
                  "annual_cost_pence = ?5, funding = ?6, employer_model = ?7, purposes = ?8, "
                  "start_date = ?9, status = ?10, proposed_date = ?11, approved_date = ?12, "
                  "advertised_date = ?13, interviewing_date = ?14, offered_date = ?15, "
                  "in_post_date = ?16, withdrawn_date = ?17, staff_id = ?18, vacant_since = ?19, "
                  "prior_employment_12m = ?20, notes = ?21 WHERE id = ?22",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_post (stmt, post);
  sqlite3_bind_int64 (stmt, 22, id);
  if (!step_done (self, stmt, error))
    return FALSE;
  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                   _("There is no post with id %" G_GINT64_FORMAT), id);
      return FALSE;
    }
  return sync_sessions (self, &post_sessions_table, w.base.practice_ids, id,
                        pcn_post_get_sessions (post), error);
}

gboolean
pcn_store_update_post (PcnStore  *self,
                       PcnPost   *post,
                       GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (PCN_IS_POST (post), FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  return finish (self, update_post_locked (self, post, error), error);
}

/* A copy of @post keeping the pipeline dates of the stages up to @upto
 * (and the withdrawn date when @keep_withdrawn): going back a stage starts
 * that part of the pipeline again. */
static PcnPost *
copy_post_dates_upto (PcnPost       *post,
                      PcnPostStatus  upto,
                      gboolean       keep_withdrawn)
{
  g_autoptr(PcnPost) copy = pcn_post_new ();

  pcn_post_set_id (copy, pcn_post_get_id (post));
  pcn_post_set_title (copy, pcn_post_get_title (post));
  pcn_post_set_role_code (copy, pcn_post_get_role_code (post));
  pcn_post_set_wte (copy, pcn_post_get_wte (post));
  pcn_post_set_band (copy, pcn_post_get_band (post));
  pcn_post_set_annual_cost (copy, pcn_post_get_annual_cost (post));
  pcn_post_set_funding (copy, pcn_post_get_funding (post));
  pcn_post_set_employer_model (copy, pcn_post_get_employer_model (post));
  pcn_post_set_sessions (copy, pcn_post_get_sessions (post));
  pcn_post_set_purposes (copy, pcn_post_get_purposes (post));
  pcn_post_set_start_date (copy, pcn_post_get_start_date (post));
  for (guint st = 0; st < PCN_POST_STATUS_WITHDRAWN && st <= upto; st++)
    if (pcn_post_get_status_date (post, st) != NULL)
      pcn_post_set_status (copy, st, pcn_post_get_status_date (post, st));
  if (keep_withdrawn && pcn_post_get_status_date (post, PCN_POST_STATUS_WITHDRAWN) != NULL)
    pcn_post_set_status (copy, PCN_POST_STATUS_WITHDRAWN,
                         pcn_post_get_status_date (post, PCN_POST_STATUS_WITHDRAWN));
  pcn_post_set_status (copy, pcn_post_get_status (post), NULL);
  pcn_post_set_staff_id (copy, pcn_post_get_staff_id (post));
  pcn_post_set_vacant_since (copy, pcn_post_get_vacant_since (post));
  pcn_post_set_prior_employment_12m (copy, pcn_post_get_prior_employment_12m (post));
  pcn_post_set_notes (copy, pcn_post_get_notes (post));
  return g_steal_pointer (&copy);
}

static gboolean
set_post_status_locked (PcnStore       *self,
                        gint64          post_id,
                        PcnPostStatus   status,
                        const char     *date,
                        gint64          staff_id,
                        PcnPost       **out_post,
                        GError        **error)
{
  g_autoptr(PcnPost) post = NULL;
  g_autoptr(PcnPost) moved = NULL;
  g_autofree char *iso = NULL;
  GDate d;

  post = get_post_locked (self, post_id, error);
  if (post == NULL)
    return FALSE;

  if (date != NULL)
    {
      if (!pcn_date_parse (date, &d, error))
        {
          g_prefix_error (error, "date: ");
          return FALSE;
        }
      iso = pcn_date_to_iso (&d);
    }

  if (pcn_post_get_status (post) == PCN_POST_STATUS_IN_POST && status != PCN_POST_STATUS_IN_POST &&
      pcn_post_get_staff_id (post) > 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("status: the post is filled; record its holder as a leaver first"));
      return FALSE;
    }
  if (staff_id > 0 && status != PCN_POST_STATUS_IN_POST)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("staff_id: only a post that is in post is filled by a staff member"));
      return FALSE;
    }

  moved = copy_post_dates_upto (post, status, status == PCN_POST_STATUS_WITHDRAWN);

  if (status == PCN_POST_STATUS_IN_POST && staff_id > 0)
    {
      g_autoptr(GPtrArray) found = list_staff_locked (self, staff_id, error);
      PcnStaff *staff;

      if (found == NULL)
        return FALSE;
      if (found->len == 0)
        {
          g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                       _("staff_id: there is no staff member with id %" G_GINT64_FORMAT),
                       staff_id);
          return FALSE;
        }
      staff = g_ptr_array_index (found, 0);
      if (pcn_staff_get_end_date (staff) != NULL)
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                       _("staff_id: %s left on %s and cannot fill a post"),
                       pcn_staff_get_name (staff), pcn_staff_get_end_date (staff));
          return FALSE;
        }
      /* In post from their start date unless told otherwise. */
      pcn_post_fill (moved, staff);
      if (iso != NULL)
        pcn_post_set_status (moved, PCN_POST_STATUS_IN_POST, iso);
    }
  else
    {
      if (iso == NULL)
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                       _("date: the date the post became “%s” is required"),
                       pcn_post_status_get_label (status));
          return FALSE;
        }
      pcn_post_set_status (moved, status, iso);
      if (status == PCN_POST_STATUS_IN_POST)
        pcn_post_set_vacant_since (moved, NULL);
    }

  if (!update_post_locked (self, moved, error))
    return FALSE;
  if (out_post != NULL)
    *out_post = g_steal_pointer (&moved);
  return TRUE;
}

PcnPost *
pcn_store_set_post_status (PcnStore       *self,
                           gint64          post_id,
                           PcnPostStatus   status,
                           const char     *date,
                           gint64          staff_id,
                           GError        **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(PcnPost) post = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) status < PCN_POST_N_STATUSES, NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return NULL;
  ok = set_post_status_locked (self, post_id, status, date, staff_id, &post, error);
  if (!finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&post);
}

/* The holder of any post @staff_id fills left on @last_day: the post is a
 * vacancy again (same transaction as the leaver). */
static gboolean
vacate_posts_locked (PcnStore    *self,
                     gint64       staff_id,
                     const char  *last_day,
                     GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = prepare (self, "SELECT id FROM post WHERE staff_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return fail (self, rc, error);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PcnPost) post = get_post_locked (self, g_array_index (ids, gint64, i), error);

      if (post == NULL)
        return FALSE;
      pcn_post_mark_vacant (post, last_day);
      if (!update_post_locked (self, post, error))
        return FALSE;
    }
  return TRUE;
}

/* ----------------------------------------------------- payroll costs */

/* The first and last months (YYYY-MM) of financial year @year. */
static void
month_bounds (int    year,
              char   first[8],
              char   last[8])
{
  g_snprintf (first, 8, "%04d-04", year);
  g_snprintf (last, 8, "%04d-03", year + 1);
}

static GArray *
list_actual_costs_locked (PcnStore  *self,
                          int        year,
                          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) costs = g_array_new (FALSE, TRUE, sizeof (PcnActualCost));
  char first[8], last[8];
  int rc;

  month_bounds (year, first, last);
  stmt = prepare (self,
                  "SELECT staff_id, month, amount_pence FROM payroll_cost "
                  "WHERE month BETWEEN ?1 AND ?2 ORDER BY staff_id, month",
                  error);
  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, first);
  bind_text (stmt, 2, last);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int y = 0, m = 0;
      PcnActualCost cost;

      if (!pcn_month_parse (column_text (stmt, 1), &y, &m, NULL))
        continue;
      cost.staff_id = sqlite3_column_int64 (stmt, 0);
      cost.month_index = (y - year) * 12 + m - 4;
      cost.pence = sqlite3_column_int64 (stmt, 2);
      if (cost.month_index >= 0 && cost.month_index < PCN_LEDGER_MONTHS)
        g_array_append_val (costs, cost);
    }
  if (rc != SQLITE_DONE)
    {
      fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&costs);
}

GArray *
pcn_store_list_actual_costs (PcnStore  *self,
                             int        year,
                             GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GArray) costs = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return NULL;
  costs = list_actual_costs_locked (self, year, error);
  if (!finish (self, costs != NULL, error))
    return NULL;
  return g_steal_pointer (&costs);
}

gboolean
pcn_store_set_actual_cost (PcnStore    *self,
                           gint64       staff_id,
                           const char  *month,
                           gint64       pence,
                           GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *canonical = NULL;
  int y = 0, m = 0;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (month != NULL, FALSE);

  if (!pcn_month_parse (month, &y, &m, error))
    {
      g_prefix_error (error, "month: ");
      return FALSE;
    }
  if (pence < 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("amount: a payroll cost cannot be negative"));
      return FALSE;
    }
  canonical = g_strdup_printf ("%04d-%02d", y, m);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  if (!_pcn_store_check_month_editable_locked (self, y, m, error))
    return finish (self, FALSE, error);
  stmt = prepare (self,
                  "INSERT INTO payroll_cost (staff_id, month, amount_pence) VALUES (?1, ?2, ?3) "
                  "ON CONFLICT (staff_id, month) DO UPDATE SET amount_pence = excluded.amount_pence",
                  error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, staff_id);
      bind_text (stmt, 2, canonical);
      sqlite3_bind_int64 (stmt, 3, pence);
      ok = step_done (self, stmt, error);
    }
  if (!ok && error != NULL && *error != NULL && (*error)->code == PCN_STORE_ERROR_SQL &&
      sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_clear_error (error);
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                   _("There is no staff member with id %" G_GINT64_FORMAT), staff_id);
    }
  return finish (self, ok, error);
}

/* ---------------------------------------------------------- on-costs */

static gboolean
get_oncosts_locked (PcnStore    *self,
                    int          year,
                    PcnOnCosts  *out,
                    gboolean    *out_entered,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  pcn_on_costs_init_default (out);
  if (out_entered != NULL)
    *out_entered = FALSE;
  stmt = prepare (self,
                  "SELECT employer_ni_bp, employer_pension_bp FROM oncost WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      out->employer_ni_bp = sqlite3_column_int (stmt, 0);
      out->employer_pension_bp = sqlite3_column_int (stmt, 1);
      if (out_entered != NULL)
        *out_entered = TRUE;
    }
  else if (rc != SQLITE_DONE)
    return fail (self, rc, error);
  return TRUE;
}

gboolean
pcn_store_get_oncosts (PcnStore    *self,
                       int          year,
                       PcnOnCosts  *out_on_costs,
                       gboolean    *out_entered,
                       GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  PcnOnCosts on_costs;
  gboolean entered = FALSE;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_on_costs != NULL, FALSE);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return FALSE;
  if (!finish (self, get_oncosts_locked (self, year, &on_costs, &entered, error), error))
    return FALSE;
  *out_on_costs = on_costs;
  if (out_entered != NULL)
    *out_entered = entered;
  return TRUE;
}

gboolean
pcn_store_set_oncosts (PcnStore          *self,
                       int                year,
                       const PcnOnCosts  *on_costs,
                       GError           **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (on_costs != NULL, FALSE);

  if (year < 2000 || year > 2100)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("year: %d is not a financial year this application handles"), year);
      return FALSE;
    }
  if (on_costs->employer_ni_bp < 0 || on_costs->employer_ni_bp > 10000 ||
      on_costs->employer_pension_bp < 0 || on_costs->employer_pension_bp > 10000)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("on-costs: employer NI and pension must each be between 0%% and 100%%"));
      return FALSE;
    }

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, TRUE, error))
    return FALSE;
  stmt = prepare (self,
                  "INSERT INTO oncost (year, employer_ni_bp, employer_pension_bp) "
                  "VALUES (?1, ?2, ?3) ON CONFLICT (year) DO UPDATE SET "
                  "employer_ni_bp = excluded.employer_ni_bp, "
                  "employer_pension_bp = excluded.employer_pension_bp",
                  error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int (stmt, 1, year);
      sqlite3_bind_int (stmt, 2, on_costs->employer_ni_bp);
      sqlite3_bind_int (stmt, 3, on_costs->employer_pension_bp);
      ok = step_done (self, stmt, error);
    }
  return finish (self, ok, error);
}

/* ------------------------------------------------------------ ledger */

void
pcn_ledger_data_free (PcnLedgerData *data)
{
  if (data == NULL)
    return;
  g_clear_pointer (&data->input.rates, g_ptr_array_unref);
  g_clear_pointer (&data->input.rules, g_ptr_array_unref);
  g_clear_pointer (&data->input.roles, g_ptr_array_unref);
  g_clear_pointer (&data->input.staff, g_ptr_array_unref);
  g_clear_pointer (&data->input.posts, g_ptr_array_unref);
  g_clear_pointer (&data->input.actuals, g_array_unref);
  g_clear_object (&data->network);
  g_free (data->allocation_formula);
  g_free (data->allocation_note);
  g_free (data);
}

const char *
pcn_allocation_source_to_string (PcnAllocationSource source)
{
  switch (source)
    {
    case PCN_ALLOCATION_SOURCE_ENTERED:
      return "entered";
    case PCN_ALLOCATION_SOURCE_COMPUTED:
      return "computed";
    case PCN_ALLOCATION_SOURCE_NONE:
    default:
      return "none";
    }
}

/* The reference "rules" and "allocation" sections, parsed by core. */
static gboolean
load_reference_rules (GPtrArray  **out_rules,
                      GPtrArray  **out_allocation_rates,
                      GError     **error)
{
  g_autoptr(JsonNode) root = load_reference_json (error);
  g_autofree char *json = NULL;

  if (root == NULL)
    return FALSE;
  json = json_to_string (root, FALSE);
  *out_rules = pcn_rules_parse (json, -1, error);
  if (*out_rules == NULL)
    return FALSE;
  *out_allocation_rates = pcn_allocation_rates_parse (json, -1, error);
  if (*out_allocation_rates == NULL)
    {
      g_clear_pointer (out_rules, g_ptr_array_unref);
      return FALSE;
    }
  return TRUE;
}

static gboolean
load_ledger_data_locked (PcnStore       *self,
                         PcnLedgerData  *data,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) allocation_rates = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 entered = -1, computed = -1;
  gboolean found = FALSE;
  int rc;

  data->network = get_network_locked (self, &found, error);
  if (data->network == NULL)
    {
      if (!found && (error == NULL || *error == NULL))
        g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NO_NETWORK,
                     _("No PCN has been created in “%s” yet"), self->display_name);
      return FALSE;
    }
  data->input.area = pcn_network_get_area (data->network);
  data->input.list_size = pcn_network_get_list_size (data->network);

  /* The allocation: entered for the year, else from the weighted list size. */
  stmt = prepare (self, "SELECT allocation_pence FROM financial_year WHERE year = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, data->input.year);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    entered = column_int64_or (stmt, 0, -1);
  else if (rc != SQLITE_DONE)
    return fail (self, rc, error);

  if (!load_reference_rules (&data->input.rules, &allocation_rates, error))
    return FALSE;
  if (pcn_allocation_compute (allocation_rates, data->input.year,
                              pcn_network_get_weighted_list_size (data->network),
                              &computed, &data->allocation_formula, &local_error))
    data->computed_allocation_pence = computed;
  else
    {
      data->computed_allocation_pence = -1;
      data->allocation_note = g_strdup (local_error->message);
    }

  if (entered >= 0)
    {
      data->allocation_source = PCN_ALLOCATION_SOURCE_ENTERED;
      data->input.allocation_pence = entered;
    }
  else if (computed >= 0)
    {
      data->allocation_source = PCN_ALLOCATION_SOURCE_COMPUTED;
      data->input.allocation_pence = computed;
    }
  else
    {
      data->allocation_source = PCN_ALLOCATION_SOURCE_NONE;
      data->input.allocation_pence = -1;
    }

  if (!get_oncosts_locked (self, data->input.year, &data->input.on_costs,
                           &data->on_costs_entered, error))
    return FALSE;
  if ((data->input.rates = list_rates_locked (self, data->input.year, error)) == NULL ||
      (data->input.roles = list_roles_locked (self, error)) == NULL ||
      (data->input.staff = list_staff_locked (self, -1, error)) == NULL ||
      (data->input.posts = list_posts_locked (self, -1, error)) == NULL ||
      (data->input.actuals = list_actual_costs_locked (self, data->input.year, error)) == NULL)
    return FALSE;
  return TRUE;
}

PcnLedgerData *
pcn_store_load_ledger_data (PcnStore     *self,
                            int           year,
                            const GDate  *as_at,
                            GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(PcnLedgerData) data = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (as_at == NULL || g_date_valid (as_at), NULL);

  if (year < 2000 || year > 2100)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("year: %d is not a financial year this application handles"), year);
      return NULL;
    }

  data = g_new0 (PcnLedgerData, 1);
  pcn_ledger_input_init (&data->input, year);
  data->computed_allocation_pence = -1;
  if (as_at != NULL)
    data->as_at = *as_at;
  else
    pcn_date_set_today (&data->as_at);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return NULL;
  ok = load_ledger_data_locked (self, data, error);
  if (!finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&data);
}

PcnLedger *
pcn_store_compute_ledger (PcnStore         *self,
                          int               year,
                          const GDate      *as_at,
                          const PcnUplift  *uplift,
                          GError          **error)
{
  g_autoptr(PcnLedgerData) data = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (uplift == NULL ||
                        (uplift->from_month_index >= 0 &&
                         uplift->from_month_index < PCN_LEDGER_MONTHS), NULL);

  data = pcn_store_load_ledger_data (self, year, as_at, error);
  if (data == NULL)
    return NULL;
  if (uplift != NULL && uplift->bp != 0)
    return pcn_ledger_what_if_uplift (&data->input, uplift->bp, uplift->from_month_index);
  return pcn_ledger_compute (&data->input);
}

/* ------------------------------------------------------------ audit */

GPtrArray *
pcn_store_list_audit (PcnStore  *self,
                      GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_audit_entry_free);
  int rc = SQLITE_OK;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (&self->mutex);
  if (!begin (self, FALSE, error))
    return NULL;
  stmt = prepare (self,
                  "SELECT id, at, os_user, table_name, row_id, field, old_value, new_value "
                  "FROM audit_log ORDER BY id",
                  error);
  if (stmt != NULL)
    {
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          PcnAuditEntry *e = g_new0 (PcnAuditEntry, 1);

          e->id = sqlite3_column_int64 (stmt, 0);
          e->at = g_strdup (column_text (stmt, 1));
          e->os_user = g_strdup (column_text (stmt, 2));
          e->table_name = g_strdup (column_text (stmt, 3));
          e->row_id = sqlite3_column_int64 (stmt, 4);
          e->field = g_strdup (column_text (stmt, 5));
          e->old_value = g_strdup (column_text (stmt, 6));
          e->new_value = g_strdup (column_text (stmt, 7));
          g_ptr_array_add (entries, e);
        }
      if (rc != SQLITE_DONE)
        fail (self, rc, error);
    }
  if (!finish (self, stmt != NULL && rc == SQLITE_DONE, error))
    return NULL;
  return g_steal_pointer (&entries);
}

/* ------------------------------------------------------------ async */

typedef struct
{
  PcnStoreFunc   func;
  gpointer       data;
  GDestroyNotify data_free;
  GDestroyNotify result_free;
} RunData;

static void
run_data_free (RunData *rd)
{
  if (rd->data_free != NULL && rd->data != NULL)
    rd->data_free (rd->data);
  g_free (rd);
}

static void
run_in_pool (gpointer item,
             gpointer user_data)
{
  g_autoptr(GTask) task = item;
  g_autoptr(GError) error = NULL;
  PcnStore *self = g_task_get_source_object (task);
  RunData *rd = g_task_get_task_data (task);
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  result = rd->func (self, rd->data, &error);
  if (error != NULL)
    {
      if (result != NULL && rd->result_free != NULL)
        rd->result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
    }
  else
    g_task_return_pointer (task, result, rd->result_free);
}

void
pcn_store_run_async (PcnStore            *self,
                     PcnStoreFunc         func,
                     gpointer             data,
                     GDestroyNotify       data_free,
                     GDestroyNotify       result_free,
                     GCancellable        *cancellable,
                     GAsyncReadyCallback  callback,
                     gpointer             user_data)
{
  GTask *task;
  RunData *rd;

  g_return_if_fail (PCN_IS_STORE (self));
  g_return_if_fail (func != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, pcn_store_run_async);
  rd = g_new0 (RunData, 1);
  rd->func = func;
  rd->data = data;
  rd->data_free = data_free;
  rd->result_free = result_free;
  g_task_set_task_data (task, rd, (GDestroyNotify) run_data_free);

  /* The pool owns the task until the worker has returned its result. */
  g_thread_pool_push (self->pool, task, NULL);
}

gpointer
pcn_store_run_finish (PcnStore      *self,
                      GAsyncResult  *result,
                      GError       **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------- internal (pcn-store-internal.h) */

GMutex *_pcn_store_get_mutex (PcnStore *self) { return &self->mutex; }
sqlite3 *_pcn_store_get_db (PcnStore *self) { return self->db; }
gboolean _pcn_store_fail (PcnStore *self, int rc, GError **error) { return fail (self, rc, error); }
sqlite3_stmt *_pcn_store_prepare (PcnStore *self, const char *sql, GError **error) { return prepare (self, sql, error); }
gboolean _pcn_store_step_done (PcnStore *self, sqlite3_stmt *stmt, GError **error) { return step_done (self, stmt, error); }
gboolean _pcn_store_begin (PcnStore *self, gboolean write, GError **error) { return begin (self, write, error); }
gboolean _pcn_store_finish (PcnStore *self, gboolean ok, GError **error) { return finish (self, ok, error); }
void _pcn_bind_text (sqlite3_stmt *stmt, int idx, const char *text) { bind_text (stmt, idx, text); }
void _pcn_bind_int64_or_null (sqlite3_stmt *stmt, int idx, gint64 value) { bind_int64_or_null (stmt, idx, value); }
const char *_pcn_column_text (sqlite3_stmt *stmt, int col) { return column_text (stmt, col); }
gint64 _pcn_column_int64_or (sqlite3_stmt *stmt, int col, gint64 if_null) { return column_int64_or (stmt, col, if_null); }
PcnNetwork *_pcn_store_get_network_locked (PcnStore *self, gboolean *out_found, GError **error) { return get_network_locked (self, out_found, error); }
GPtrArray *_pcn_store_list_roles_locked (PcnStore *self, GError **error) { return list_roles_locked (self, error); }
GPtrArray *_pcn_store_list_staff_locked (PcnStore *self, gint64 staff_id, GError **error) { return list_staff_locked (self, staff_id, error); }
gboolean _pcn_store_load_ledger_data_locked (PcnStore *self, PcnLedgerData *data, GError **error) { return load_ledger_data_locked (self, data, error); }
const char *_pcn_store_get_display_name (PcnStore *self) { return self->display_name; }
