/* test-store.c — the SQLite store: opening and refusing files, migrations,
 * the audit log, the ARRS reference data, staff, posts, the ledger loader
 * and backups.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pcn-store.h"
#include "pcn-store-private.h"

/* ------------------------------------------------------------ helpers */

static char *
test_path (const char *name)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test its own data folder. */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

static void
assert_file_unchanged (const char *path,
                       GBytes     *before)
{
  g_autoptr(GBytes) after = read_file (path);

  g_assert_cmpuint (g_bytes_get_size (after), ==, g_bytes_get_size (before));
  g_assert_true (memcmp (g_bytes_get_data (after, NULL), g_bytes_get_data (before, NULL),
                         g_bytes_get_size (before)) == 0);
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = NULL;
  g_autofree char *base = g_path_get_basename (path);

  store = pcn_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, PCN_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, base));
  assert_file_unchanged (path, before);
}

/* One value from a raw read-only connection (the store must be closed). */
static gint64
raw_int (const char *path,
         const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;
  char *msg = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL),
                   ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
  sqlite3_close (db);
}

static PcnStore *
open_ok (const char *path)
{
  g_autoptr(GError) error = NULL;
  PcnStore *store = pcn_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
create_network (PcnStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);

  pcn_network_set_name (network, "Riverside PCN");
  pcn_network_set_ods_code (network, "U12345");
  pcn_network_set_list_size (network, 52000);
  pcn_network_set_weighted_list_size (network, 55000);
  pcn_network_set_area (network, PCN_AREA_NATIONAL);
  g_ptr_array_add (practices, pcn_practice_new ("Elm Surgery"));
  g_ptr_array_add (practices, pcn_practice_new ("Oak Practice"));

  g_assert_true (pcn_store_create_network (store, network, practices, &error));
  g_assert_no_error (error);
}

static PcnStaff *
make_staff (const char *name,
            const char *payroll_id,
            const char *role,
            int         wte)
{
  PcnStaff *s = pcn_staff_new ();

  pcn_staff_set_name (s, name);
  pcn_staff_set_payroll_id (s, payroll_id);
  pcn_staff_set_role_code (s, role);
  pcn_staff_set_start_date (s, "2024-06-01");
  pcn_staff_set_wte (s, wte);
  return s;
}

static gint64
rate_pence (GPtrArray  *rates,
            const char *role,
            PcnArea     area,
            int         y,
            int         m,
            int         d)
{
  GDate date;
  PcnRate *rate;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  rate = pcn_rates_find (rates, role, area, &date);
  return rate != NULL ? pcn_rate_get_annual (rate) : -1;
}

static GPtrArray *
list_rates (PcnStore *store,
            int       year)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rates = pcn_store_list_rates (store, year, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rates);
  return rates;
}

/* --------------------------------------------------------------- open */

static void
test_open_new_file_mode (void)
{
  g_autofree char *path = pcn_store_default_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(PcnStore) store = NULL;
  GStatBuf st;

  g_assert_true (g_str_has_suffix (path, "/pcn-workforce/pcn.db"));
  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  store = open_ok (path);
  g_assert_cmpstr (pcn_store_get_path (store), ==, path);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_clear_object (&store);

  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, PCN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (path, "PRAGMA application_id"), ==, PCN_STORE_APPLICATION_ID);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM pragma_journal_mode WHERE journal_mode = 'wal'"),
                   ==, 1);

  /* Reopening an existing file of ours works and keeps the mode. */
  store = open_ok (path);
  g_assert_cmpint (pcn_store_get_reference_version (store), ==,
                   _pcn_store_get_shipped_reference_version ());
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static void
test_open_refuse_text_file (void)
{
  g_autofree char *path = test_path ("staff.csv");
  g_autofree char *garbage = test_path ("garbage.db");
  g_autofree char *shorty = test_path ("short.db");
  guint8 junk[600];

  g_assert_true (g_file_set_contents (path, "name,role\nAnn Smith,CP\n", -1, NULL));
  assert_refused (path, PCN_STORE_ERROR_NOT_SQLITE);

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (guint8) (i * 37 + 11);
  g_assert_true (g_file_set_contents (garbage, (const char *) junk, sizeof junk, NULL));
  assert_refused (garbage, PCN_STORE_ERROR_NOT_SQLITE);

  /* Shorter than the SQLite header, and the header cut short. */
  g_assert_true (g_file_set_contents (shorty, "SQLite format", -1, NULL));
  assert_refused (shorty, PCN_STORE_ERROR_NOT_SQLITE);
}

static void
test_open_refuse_foreign_sqlite (void)
{
  g_autofree char *path = test_path ("other.sqlite");
  g_autofree char *with_id = test_path ("other-id.sqlite");

  raw_exec (path, "CREATE TABLE bookmarks (url TEXT); INSERT INTO bookmarks VALUES ('x');");
  assert_refused (path, PCN_STORE_ERROR_NOT_OURS);

  /* Another program's application_id, even with no tables. */
  raw_exec (with_id, "PRAGMA application_id = 1234; PRAGMA user_version = 1;");
  assert_refused (with_id, PCN_STORE_ERROR_NOT_OURS);
}

static void
test_open_refuse_newer (void)
{
  g_autofree char *path = test_path ("newer.db");
  g_autoptr(PcnStore) store = open_ok (path);

  create_network (store);
  g_clear_object (&store);

  raw_exec (path, "PRAGMA user_version = 99");
  assert_refused (path, PCN_STORE_ERROR_NEWER);
}

static void
test_open_corrupt (void)
{
  g_autofree char *path = test_path ("corrupt.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *data = NULL;
  gsize len, page = 4096, offset;

  create_network (store);
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %05u with a longish name", i);
      g_autofree char *payroll = g_strdup_printf ("P%05u", i);
      g_ptr_array_add (staff, make_staff (name, payroll, "CP", 1000));
    }
  g_assert_true (pcn_store_import_staff (store, staff, NULL, "staff.csv", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  bytes = read_file (path);
  len = g_bytes_get_size (bytes);
  data = g_memdup2 (g_bytes_get_data (bytes, NULL), len);
  g_assert_cmpuint (len, >, 20 * page);
  offset = (len / 2 / page) * page;
  for (gsize i = 0; i < 4 * page; i++)
    data[offset + i] = (char) (0xA5 ^ (i * 7));
  g_assert_true (g_file_set_contents (path, data, len, NULL));

  assert_refused (path, PCN_STORE_ERROR_CORRUPT);
}

/* ------------------------------------------------------------ migrate */

static void
test_migrate_from_0 (void)
{
  g_autofree char *empty = test_path ("empty.db");
  g_autofree char *v0 = test_path ("v0.db");
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GError) error = NULL;

  /* A zero-length file is a new database. */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  store = open_ok (empty);
  roles = pcn_store_list_roles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, >, 20);
  g_clear_object (&store);
  g_assert_cmpint (raw_int (empty, "PRAGMA user_version"), ==, PCN_STORE_SCHEMA_VERSION);

  /* An SQLite file at version 0 (no tables yet). */
  store = _pcn_store_open_at_version (v0, 0, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (raw_int (v0, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (raw_int (v0, "SELECT count(*) FROM sqlite_schema"), ==, 0);

  store = open_ok (v0);
  create_network (store);
  g_clear_object (&store);
  g_assert_cmpint (raw_int (v0, "PRAGMA user_version"), ==, PCN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (v0, "SELECT count(*) FROM practice"), ==, 2);
}

static void
test_migrate_from_1 (void)
{
  g_autofree char *path = test_path ("v1.db");
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnRate) rate = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(PcnStaff) staff = NULL;

  store = _pcn_store_open_at_version (path, 1, &error);
  g_assert_no_error (error);
  create_network (store);
  g_assert_true (pcn_store_set_allocation (store, 2026, 123456700, &error));
  g_assert_no_error (error);
  rate = pcn_rate_new ("HWBC", "national", "2026-04-01", 4100000);
  pcn_rate_set_source (rate, "ICB rate list 2026/27");
  g_assert_true (pcn_store_set_rate (store, rate, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 1);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'staff'"), ==, 0);

  store = open_ok (path);
  network = pcn_store_get_network (store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pcn_network_get_name (network), ==, "Riverside PCN");
  g_assert_cmpint (pcn_network_get_weighted_list_size (network), ==, 55000);
  practices = pcn_store_list_practices (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (practices->len, ==, 2);
  g_assert_cmpstr (pcn_practice_get_name (g_ptr_array_index (practices, 0)), ==, "Elm Surgery");
  years = pcn_store_list_years (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (years->len, ==, 1);
  g_assert_cmpint (g_array_index (years, PcnYearAllocation, 0).allocation, ==, 123456700);
  rates = list_rates (store, 2026);
  g_assert_cmpint (rate_pence (rates, "HWBC", PCN_AREA_NATIONAL, 2026, 5, 1), ==, 4100000);

  /* The new tables work, audited. */
  staff = make_staff ("Ann Smith", "A1", "HWBC", 600);
  g_assert_true (pcn_store_add_staff (store, staff, &error));
  g_assert_no_error (error);
  audit = pcn_store_list_audit (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 1);
  g_assert_cmpstr (((PcnAuditEntry *) g_ptr_array_index (audit, 0))->table_name, ==, "staff");
  g_clear_object (&store);

  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, PCN_STORE_SCHEMA_VERSION);
}

/* -------------------------------------------------------------- audit */

static PcnAuditEntry *
find_audit (GPtrArray  *audit,
            const char *table,
            const char *field,
            guint      *count)
{
  PcnAuditEntry *found = NULL;

  *count = 0;
  for (guint i = 0; i < audit->len; i++)
    {
      PcnAuditEntry *e = g_ptr_array_index (audit, i);
      if (g_strcmp0 (e->table_name, table) == 0 && g_strcmp0 (e->field, field) == 0)
        {
          found = e;
          (*count)++;
        }
    }
  return found;
}

static void
test_audit_changes (void)
{
  g_autofree char *path = test_path ("audit.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(PcnRate) rate = NULL;
  PcnAuditEntry *e;
  guint n;

  /* Loading the reference data is not a user change. */
  audit = pcn_store_list_audit (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (audit->len, ==, 0);
  g_clear_pointer (&audit, g_ptr_array_unref);

  create_network (store);
  network = pcn_store_get_network (store, &error);
  g_assert_no_error (error);
  pcn_network_set_name (network, "Riverside and Hills PCN");
  g_assert_true (pcn_store_update_network (store, network, &error));
  g_assert_no_error (error);

  g_assert_true (pcn_store_set_allocation (store, 2025, 100000000, &error));
  g_assert_no_error (error);
  rate = pcn_rate_new ("CP", "national", "2026-04-01", 6900000);
  g_assert_true (pcn_store_set_rate (store, rate, &error));
  g_assert_no_error (error);

  staff = make_staff ("Ann Smith", "A1", "CP", 1000);
  sessions = pcn_sessions_parse ("Elm Surgery=4;Oak Practice", &error);
  g_assert_no_error (error);
  pcn_staff_set_sessions (staff, sessions);
  g_assert_true (pcn_store_add_staff (store, staff, &error));
  g_assert_no_error (error);
  pcn_staff_set_wte (staff, 800);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = pcn_sessions_parse ("Elm Surgery=3", &error);
  g_assert_no_error (error);
  pcn_staff_set_sessions (staff, sessions);
  g_assert_true (pcn_store_update_staff (store, staff, &error));
  g_assert_no_error (error);

  audit = pcn_store_list_audit (store, &error);
  g_assert_no_error (error);

  e = find_audit (audit, "pcn", NULL, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (e->new_value, "\"name\":\"Riverside PCN\""));
  g_assert_cmpstr (e->os_user, ==, g_get_user_name ());
  g_assert_true (g_str_has_suffix (e->at, "Z"));
  g_assert_cmpint (e->row_id, ==, 1);

  e = find_audit (audit, "pcn", "name", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (e->old_value, ==, "Riverside PCN");
  g_assert_cmpstr (e->new_value, ==, "Riverside and Hills PCN");
  /* Unchanged fields are not logged. */
  find_audit (audit, "pcn", "list_size", &n);
  g_assert_cmpuint (n, ==, 0);

  find_audit (audit, "practice", NULL, &n);
  g_assert_cmpuint (n, ==, 2);
  e = find_audit (audit, "financial_year", NULL, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpint (e->row_id, ==, 2025);
  e = find_audit (audit, "role_rate", NULL, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (e->new_value, "\"origin\":\"user\""));

  e = find_audit (audit, "staff", "wte_milli", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (e->old_value, ==, "1000");
  g_assert_cmpstr (e->new_value, ==, "800");
  g_assert_cmpint (e->row_id, ==, pcn_staff_get_id (staff));
  find_audit (audit, "staff", "name", &n);
  g_assert_cmpuint (n, ==, 0);

  /* Sessions: two inserted, one changed (4 → 3), one deleted. */
  find_audit (audit, "staff_practice", NULL, &n);
  g_assert_cmpuint (n, ==, 3);
  e = find_audit (audit, "staff_practice", "sessions", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (e->old_value, ==, "4");
  g_assert_cmpstr (e->new_value, ==, "3");
}

static void
test_audit_append_only (void)
{
  g_autofree char *path = test_path ("append.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;

  create_network (store);
  before = pcn_store_list_audit (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (before->len, >, 0);

  g_assert_false (_pcn_store_exec (store, "DELETE FROM audit_log", &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_SQL);
  g_assert_nonnull (strstr (error->message, "append-only"));
  g_clear_error (&error);
  g_assert_false (_pcn_store_exec (store, "UPDATE audit_log SET new_value = 'x'", &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_SQL);
  g_clear_error (&error);

  after = pcn_store_list_audit (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (after->len, ==, before->len);
}

/* -------------------------------------------------------------- posts */

static void
test_migrate_from_2 (void)
{
  g_autofree char *path = test_path ("v2.db");
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  PcnStaff *ann;

  store = _pcn_store_open_at_version (path, 2, &error);
  g_assert_no_error (error);
  create_network (store);
  /* As a version-2 build wrote them: no prior_employment_12m column yet. */
  g_assert_true (_pcn_store_exec (store,
                                  "INSERT INTO staff (name, payroll_id, role_code, start_date, "
                                  "wte_milli, annual_salary_pence) "
                                  "VALUES ('Ann Smith', 'A1', 'CP', '2024-04-01', 800, 4000000);"
                                  "INSERT INTO staff_practice (staff_id, practice_id, sessions) "
                                  "SELECT s.id, p.id, 4 FROM staff s, practice p "
                                  "WHERE p.name = 'Elm Surgery'",
                                  &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, 2);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM sqlite_schema WHERE name = 'post'"), ==, 0);

  store = open_ok (path);
  staff = pcn_store_list_staff (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (staff->len, ==, 1);
  ann = g_ptr_array_index (staff, 0);
  g_assert_cmpstr (pcn_staff_get_name (ann), ==, "Ann Smith");
  g_assert_cmpint (pcn_staff_get_wte (ann), ==, 800);
  g_assert_cmpint (pcn_staff_get_annual_salary (ann), ==, 4000000);
  g_assert_cmpuint (pcn_staff_get_sessions (ann)->len, ==, 1);
  g_assert_false (pcn_staff_get_prior_employment_12m (ann));

  /* The new column is read and written. */
  pcn_staff_set_prior_employment_12m (ann, TRUE);
  g_assert_true (pcn_store_update_staff (store, ann, &error));
  g_assert_no_error (error);
  posts = pcn_store_list_posts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 0);
  g_clear_pointer (&staff, g_ptr_array_unref);
  staff = pcn_store_list_staff (store, &error);
  g_assert_no_error (error);
  g_assert_true (pcn_staff_get_prior_employment_12m (g_ptr_array_index (staff, 0)));
  g_clear_object (&store);

  g_assert_cmpint (raw_int (path, "PRAGMA user_version"), ==, PCN_STORE_SCHEMA_VERSION);
  g_assert_cmpint (raw_int (path, "SELECT count(*) FROM audit_log WHERE table_name = 'staff' "
                                  "AND field = 'prior_employment_12m'"), ==, 1);
}

static PcnPost *
make_post (const char *role,
           int         wte,
           const char *start)
{
  PcnPost *post = pcn_post_new ();

  pcn_post_set_role_code (post, role);
  pcn_post_set_wte (post, wte);
  pcn_post_set_start_date (post, start);
  return post;
}

static void
test_posts_add_list_update_status (void)
{
  g_autofree char *path = test_path ("posts.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnPost) post = make_post ("clinical pharmacist", 1000, "2026-09-01");
  g_autoptr(PcnPost) bad = make_post ("CP", 1500, "2026-09-01");
  g_autoptr(PcnPost) moved = NULL;
  g_autoptr(PcnPost) back = NULL;
  g_autoptr(PcnPost) filled = NULL;
  g_autoptr(PcnStaff) staff = make_staff ("Ann Smith", "A1", "CP", 1000);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  const char *purposes[] = { "structured_medication_reviews", "enhanced_access", NULL };
  PcnPost *got;
  PcnAuditEntry *e;
  guint n;

  create_network (store);
  g_assert_true (pcn_store_add_staff (store, staff, &error));
  g_assert_no_error (error);

  pcn_post_set_title (post, "CP – Elm");
  pcn_post_set_band (post, "7");
  pcn_post_set_annual_cost (post, 6000000);
  pcn_post_set_employer_model (post, PCN_EMPLOYER_MODEL_FEDERATION);
  pcn_post_set_purposes (post, purposes);
  sessions = pcn_sessions_parse ("Elm Surgery=6;Oak Practice", &error);
  g_assert_no_error (error);
  pcn_post_set_sessions (post, sessions);
  pcn_post_set_status (post, PCN_POST_STATUS_APPROVED, "2026-05-01");
  g_assert_true (pcn_store_add_post (store, post, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pcn_post_get_id (post), >, 0);
  g_assert_cmpstr (pcn_post_get_role_code (post), ==, "CP");  /* made canonical */

  /* Refused by core validation, nothing written. */
  g_assert_false (pcn_store_add_post (store, bad, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "wte: "));
  g_clear_error (&error);
  g_assert_cmpint (pcn_post_get_id (bad), ==, 0);

  posts = pcn_store_list_posts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 1);
  got = g_ptr_array_index (posts, 0);
  g_assert_cmpstr (pcn_post_get_title (got), ==, "CP – Elm");
  g_assert_cmpstr (pcn_post_get_band (got), ==, "7");
  g_assert_cmpint (pcn_post_get_annual_cost (got), ==, 6000000);
  g_assert_cmpint (pcn_post_get_employer_model (got), ==, PCN_EMPLOYER_MODEL_FEDERATION);
  g_assert_cmpint (pcn_post_get_funding (got), ==, PCN_POST_FUNDING_ARRS);
  g_assert_cmpstrv (pcn_post_get_purposes (got), purposes);
  g_assert_cmpuint (pcn_post_get_sessions (got)->len, ==, 2);
  g_assert_cmpstr (((PcnSession *) g_ptr_array_index (pcn_post_get_sessions (got), 0))->practice,
                   ==, "Elm Surgery");
  g_assert_cmpint (pcn_post_get_status (got), ==, PCN_POST_STATUS_APPROVED);
  g_assert_cmpstr (pcn_post_get_status_date (got, PCN_POST_STATUS_APPROVED), ==, "2026-05-01");
  g_assert_cmpstr (pcn_post_get_start_date (got), ==, "2026-09-01");

  /* Update: WTE and one practice fewer. */
  pcn_post_set_wte (got, 800);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = pcn_sessions_parse ("Elm Surgery=5", &error);
  pcn_post_set_sessions (got, sessions);
  g_assert_true (pcn_store_update_post (store, got, &error));
  g_assert_no_error (error);

  /* The pipeline: advertised, interviewing, back to advertised (the
   * interview date is cleared), then filled by Ann. */
  moved = pcn_store_set_post_status (store, pcn_post_get_id (post), PCN_POST_STATUS_INTERVIEWING,
                                     "2026-06-20", 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (moved);
  g_clear_object (&moved);
  g_assert_null (pcn_store_set_post_status (store, pcn_post_get_id (post),
                                            PCN_POST_STATUS_ADVERTISED, NULL, 0, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED);
  g_clear_error (&error);
  back = pcn_store_set_post_status (store, pcn_post_get_id (post), PCN_POST_STATUS_ADVERTISED,
                                    "01/06/2026", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pcn_post_get_status_date (back, PCN_POST_STATUS_ADVERTISED), ==, "2026-06-01");
  g_assert_null (pcn_post_get_status_date (back, PCN_POST_STATUS_INTERVIEWING));
  g_assert_cmpint (pcn_post_get_wte (back), ==, 800);

  /* Only in_post links a person; a missing post is NOT_FOUND. */
  g_assert_null (pcn_store_set_post_status (store, pcn_post_get_id (post),
                                            PCN_POST_STATUS_OFFERED, "2026-07-01",
                                            pcn_staff_get_id (staff), &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (pcn_store_set_post_status (store, 999, PCN_POST_STATUS_OFFERED, "2026-07-01",
                                            0, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  filled = pcn_store_set_post_status (store, pcn_post_get_id (post), PCN_POST_STATUS_IN_POST,
                                      "2026-09-01", pcn_staff_get_id (staff), &error);
  g_assert_no_error (error);
  g_assert_cmpint (pcn_post_get_staff_id (filled), ==, pcn_staff_get_id (staff));
  g_assert_cmpint (pcn_post_get_status (filled), ==, PCN_POST_STATUS_IN_POST);
  g_assert_cmpint (pcn_post_get_time_to_fill_days (filled), ==, 92);

  /* A filled post does not go back until its holder leaves. */
  g_assert_null (pcn_store_set_post_status (store, pcn_post_get_id (post),
                                            PCN_POST_STATUS_WITHDRAWN, "2026-10-01", 0, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&posts, g_ptr_array_unref);
  posts = pcn_store_list_posts (store, &error);
  g_assert_no_error (error);
  got = g_ptr_array_index (posts, 0);
  g_assert_cmpint (pcn_post_get_time_to_fill_days (got), ==, 92);
  g_assert_cmpint (pcn_post_get_staff_id (got), ==, pcn_staff_get_id (staff));

  /* Audited: the insert, the changed fields, the host practices. */
  audit = pcn_store_list_audit (store, &error);
  g_assert_no_error (error);
  e = find_audit (audit, "post", NULL, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_nonnull (strstr (e->new_value, "\"role_code\":\"CP\""));
  g_assert_cmpint (e->row_id, ==, pcn_post_get_id (post));
  e = find_audit (audit, "post", "wte_milli", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (e->old_value, ==, "1000");
  g_assert_cmpstr (e->new_value, ==, "800");
  e = find_audit (audit, "post", "staff_id", &n);
  g_assert_cmpuint (n, ==, 1);
  find_audit (audit, "post", "status", &n);
  g_assert_cmpuint (n, ==, 3);  /* interviewing, advertised, in_post */
  find_audit (audit, "post_practice", NULL, &n);
  g_assert_cmpuint (n, ==, 3);  /* two added, one removed */
  find_audit (audit, "post", "title", &n);
  g_assert_cmpuint (n, ==, 0);
}

static void
test_posts_leaver_vacates (void)
{
  g_autofree char *path = test_path ("leaver.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaff) staff = make_staff ("Ann Smith", "A1", "CP", 1000);
  g_autoptr(PcnPost) post = make_post ("CP", 1000, "2024-06-01");
  g_autoptr(PcnPost) other = make_post ("CP", 1000, "2024-06-01");
  g_autoptr(PcnPost) filled = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  PcnPost *got;
  PcnAuditEntry *e;
  guint n;

  create_network (store);
  g_assert_true (pcn_store_add_staff (store, staff, &error));
  g_assert_no_error (error);
  pcn_post_set_status (post, PCN_POST_STATUS_ADVERTISED, "2024-03-01");
  g_assert_true (pcn_store_add_post (store, post, &error));
  g_assert_no_error (error);
  filled = pcn_store_set_post_status (store, pcn_post_get_id (post), PCN_POST_STATUS_IN_POST,
                                      NULL, pcn_staff_get_id (staff), &error);
  g_assert_no_error (error);
  /* From their start date. */
  g_assert_cmpstr (pcn_post_get_status_date (filled, PCN_POST_STATUS_IN_POST), ==, "2024-06-01");

  /* One person fills one post. */
  pcn_post_fill (other, staff);
  g_assert_false (pcn_store_add_post (store, other, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  g_assert_true (pcn_store_record_leaver (store, pcn_staff_get_id (staff), "2025-01-15",
                                          "Relocated", &error));
  g_assert_no_error (error);

  posts = pcn_store_list_posts (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (posts->len, ==, 1);
  got = g_ptr_array_index (posts, 0);
  g_assert_cmpint (pcn_post_get_staff_id (got), ==, 0);
  g_assert_cmpint (pcn_post_get_status (got), ==, PCN_POST_STATUS_APPROVED);
  g_assert_cmpstr (pcn_post_get_vacant_since (got), ==, "2025-01-16");
  g_assert_null (pcn_post_get_start_date (got));

  /* In one transaction with the leaver: a failing leaver changes no post. */
  g_assert_false (pcn_store_record_leaver (store, pcn_staff_get_id (staff), "2020-01-01",
                                           "Before they started", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  audit = pcn_store_list_audit (store, &error);
  g_assert_no_error (error);
  e = find_audit (audit, "post", "vacant_since", &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpstr (e->new_value, ==, "2025-01-16");
  e = find_audit (audit, "staff", "end_date", &n);
  g_assert_cmpuint (n, ==, 1);
}

static void
test_ledger_hand_worked (void)
{
  g_autofree char *path = test_path ("ledger.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaff) staff = make_staff ("Ann Smith", "A1", "CP", 1000);
  g_autoptr(PcnLedgerData) data = NULL;
  g_autoptr(PcnLedger) ledger = NULL;
  g_autoptr(PcnLedger) uplifted = NULL;
  g_autoptr(GArray) actuals = NULL;
  PcnUplift uplift = { 300, 6 };
  PcnOnCosts on_costs;
  gboolean entered = TRUE;
  GDate as_at;

  g_assert_null (pcn_store_compute_ledger (store, 2024, NULL, NULL, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NO_NETWORK);
  g_clear_error (&error);

  create_network (store);
  pcn_staff_set_start_date (staff, "2024-04-01");
  pcn_staff_set_annual_salary (staff, 5000000);
  g_assert_true (pcn_store_add_staff (store, staff, &error));
  g_assert_no_error (error);

  g_assert_true (pcn_store_get_oncosts (store, 2024, &on_costs, &entered, &error));
  g_assert_no_error (error);
  g_assert_false (entered);
  g_assert_cmpint (on_costs.employer_ni_bp, ==, PCN_ON_COSTS_DEFAULT_NI_BP);
  g_assert_cmpint (on_costs.employer_pension_bp, ==, PCN_ON_COSTS_DEFAULT_PENSION_BP);

  pcn_date_from_iso ("2025-03-31", &as_at);
  data = pcn_store_load_ledger_data (store, 2024, &as_at, &error);
  g_assert_no_error (error);
  /* Not entered: 55,000 weighted patients × (£22.894 + £1.303 GP sum). */
  g_assert_cmpint (data->allocation_source, ==, PCN_ALLOCATION_SOURCE_COMPUTED);
  g_assert_cmpint (data->input.allocation_pence, ==, G_GINT64_CONSTANT (133083500));
  g_assert_nonnull (data->allocation_formula);
  g_clear_pointer (&data, pcn_ledger_data_free);

  /* April 2024: salary £50,000 × (1 + 13.8% + 14.38%) ÷ 12 = £5,340.83, over
   * the maximum £62,340 ÷ 12 = £5,195.00, so £5,195.00 is claimed.
   * October: the maximum rose to £65,838 (£5,486.50 a month), so the
   * estimate £5,340.83 is claimed. */
  ledger = pcn_store_compute_ledger (store, 2024, &as_at, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 0)->in_post_pence, ==, 519500);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 6)->in_post_pence, ==, 534083);
  g_assert_cmpint (pcn_ledger_get_forecast (ledger), ==, 6 * 519500 + 6 * 534083);
  g_assert_cmpint (pcn_ledger_get_headroom (ledger), ==,
                   G_GINT64_CONSTANT (133083500) - (6 * 519500 + 6 * 534083));
  g_clear_pointer (&ledger, pcn_ledger_unref);

  /* A payroll figure replaces May's estimate; entered on-costs and
   * allocation are used. */
  g_assert_true (pcn_store_set_actual_cost (store, pcn_staff_get_id (staff), "2024-05", 400000,
                                            &error));
  g_assert_no_error (error);
  g_assert_false (pcn_store_set_actual_cost (store, 999, "2024-05", 1, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  actuals = pcn_store_list_actual_costs (store, 2024, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actuals->len, ==, 1);
  g_assert_cmpint (g_array_index (actuals, PcnActualCost, 0).month_index, ==, 1);
  g_assert_true (pcn_store_set_allocation (store, 2024, 100000000, &error));
  g_assert_no_error (error);
  on_costs.employer_ni_bp = 1500;
  g_assert_true (pcn_store_set_oncosts (store, 2024, &on_costs, &error));
  g_assert_no_error (error);

  data = pcn_store_load_ledger_data (store, 2024, &as_at, &error);
  g_assert_no_error (error);
  g_assert_cmpint (data->allocation_source, ==, PCN_ALLOCATION_SOURCE_ENTERED);
  g_assert_cmpint (data->input.allocation_pence, ==, 100000000);
  g_assert_true (data->on_costs_entered);
  g_assert_cmpint (data->input.on_costs.employer_ni_bp, ==, 1500);

  /* October: £50,000 × (1 + 15% + 14.38%) ÷ 12 = £5,390.83. */
  ledger = pcn_store_compute_ledger (store, 2024, &as_at, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 1)->in_post_pence, ==, 400000);
  g_assert_cmpint (pcn_ledger_get_month (ledger, 6)->in_post_pence, ==, 539083);
  g_assert_cmpint (pcn_ledger_get_allocation (ledger), ==, 100000000);

  /* What-if: 3% from October: £64,690 × 1.03 ÷ 12 = £5,552.56, held to the
   * maximum £5,486.50. */
  uplifted = pcn_store_compute_ledger (store, 2024, &as_at, &uplift, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pcn_ledger_get_month (uplifted, 0)->in_post_pence, ==, 519500);
  g_assert_cmpint (pcn_ledger_get_month (uplifted, 6)->in_post_pence, ==, 548650);
  g_assert_cmpint (pcn_ledger_get_forecast (uplifted), >, pcn_ledger_get_forecast (ledger));
}

/* ---------------------------------------------------------- reference */

static void
test_reference_load (void)
{
  g_autofree char *path = test_path ("ref.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autofree char *allocation = NULL;
  g_autofree char *rules = NULL;
  g_autofree char *missing = NULL;
  PcnRole *gp;

  g_assert_cmpint (pcn_store_get_reference_version (store), >=, 1);

  roles = pcn_store_list_roles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (roles->len, ==, 24);
  g_assert_cmpstr (pcn_role_get_code (g_ptr_array_index (roles, 0)), ==, "CP");
  gp = pcn_roles_find (roles, "general practitioner");
  g_assert_nonnull (gp);
  g_assert_cmpstr (pcn_role_get_available_from (gp), ==, "2024-10-01");
  g_assert_cmpstr (pcn_role_get_available_from (pcn_roles_find (roles, "EPN")), ==, "2024-04-01");

  rates = list_rates (store, 2024);
  /* Clinical pharmacist from 1 October 2024: £65,838 / £73,189 / £76,313. */
  g_assert_cmpint (rate_pence (rates, "CP", PCN_AREA_NATIONAL, 2024, 10, 1), ==, 6583800);
  g_assert_cmpint (rate_pence (rates, "CP", PCN_AREA_OUTER_LONDON, 2024, 10, 1), ==, 7318900);
  g_assert_cmpint (rate_pence (rates, "CP", PCN_AREA_INNER_LONDON, 2025, 3, 31), ==, 7631300);
  /* April–September 2024 kept the 2023/24 figure (inferred in the sources). */
  g_assert_cmpint (rate_pence (rates, "CP", PCN_AREA_NATIONAL, 2024, 9, 30), ==, 6234000);
  /* GP: a single London figure. */
  g_assert_cmpint (rate_pence (rates, "GP", PCN_AREA_INNER_LONDON, 2024, 11, 1), ==, 9523300);
  g_assert_cmpint (rate_pence (rates, "GP", PCN_AREA_NATIONAL, 2024, 11, 1), ==, 9246200);
  /* No London CP figure before October. */
  g_assert_cmpint (rate_pence (rates, "CP", PCN_AREA_INNER_LONDON, 2024, 5, 1), ==, -1);

  for (guint i = 0; i < rates->len; i++)
    {
      PcnRate *r = g_ptr_array_index (rates, i);
      g_assert_false (pcn_rate_get_user_entered (r));
      g_assert_nonnull (pcn_rate_get_source (r));
      g_assert_cmpstr (pcn_rate_get_role_name (r), !=, pcn_rate_get_role_code (r));
      /* Every rate listed for 2024 overlaps 2024/25. */
      g_assert_cmpstr (pcn_rate_get_effective_from (r), <=, "2025-03-31");
      g_assert_true (pcn_rate_get_effective_to (r) == NULL ||
                     strcmp (pcn_rate_get_effective_to (r), "2024-04-01") >= 0);
    }

  all = list_rates (store, 0);
  g_assert_cmpuint (all->len, >, rates->len);

  allocation = pcn_store_dup_reference_json (store, "allocation", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (allocation, "\"22.671\""));
  g_assert_nonnull (strstr (allocation, "\"26.631\""));
  g_assert_null (strstr (allocation, "\"year\":2026"));
  rules = pcn_store_dup_reference_json (store, "rules", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (rules, "\"prior_employment\""));
  missing = pcn_store_dup_reference_json (store, "nonsense", &error);
  g_assert_null (missing);
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
}

static void
test_reference_refresh_keeps_user_rows (void)
{
  g_autofree char *path = test_path ("refresh.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnRate) correction = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  guint n_user = 0;

  /* The user corrects CP 2025/26 from the August 2025 revision. */
  correction = pcn_rate_new ("CP", "national", "2025-04-01", 7012300);
  pcn_rate_set_source (correction, "ICB portal, August 2025");
  g_assert_true (pcn_store_set_rate (store, correction, &error));
  g_assert_no_error (error);
  g_assert_true (pcn_rate_get_user_entered (correction));

  /* Age the reference data: change one reference row, delete another. */
  g_assert_true (_pcn_store_exec (store,
                                  "UPDATE role_rate SET annual_pence = 1 WHERE origin = 'reference' "
                                  "AND role_code = 'CP' AND area = 'national' "
                                  "AND effective_from = '2024-10-01';"
                                  "DELETE FROM role_rate WHERE origin = 'reference' "
                                  "AND role_code = 'PT' AND area = 'national' "
                                  "AND effective_from = '2025-04-01';"
                                  "UPDATE meta SET value = '0' WHERE key = 'reference_version';",
                                  &error));
  g_assert_no_error (error);
  rates = list_rates (store, 0);
  g_assert_cmpint (rate_pence (rates, "CP", PCN_AREA_NATIONAL, 2024, 10, 1), ==, 1);
  g_assert_cmpint (rate_pence (rates, "PT", PCN_AREA_NATIONAL, 2025, 6, 1), ==, -1);
  g_clear_pointer (&rates, g_ptr_array_unref);
  g_clear_object (&store);

  store = open_ok (path);
  g_assert_cmpint (pcn_store_get_reference_version (store), ==,
                   _pcn_store_get_shipped_reference_version ());
  rates = list_rates (store, 0);
  g_assert_cmpint (rate_pence (rates, "CP", PCN_AREA_NATIONAL, 2024, 10, 1), ==, 6583800);
  g_assert_cmpint (rate_pence (rates, "PT", PCN_AREA_NATIONAL, 2025, 6, 1), ==, 4335200);
  /* The user's correction survives and wins over the reference row. */
  g_assert_cmpint (rate_pence (rates, "CP", PCN_AREA_NATIONAL, 2025, 6, 1), ==, 7012300);
  for (guint i = 0; i < rates->len; i++)
    {
      PcnRate *r = g_ptr_array_index (rates, i);
      if (pcn_rate_get_user_entered (r))
        {
          n_user++;
          g_assert_cmpstr (pcn_rate_get_source (r), ==, "ICB portal, August 2025");
        }
    }
  g_assert_cmpuint (n_user, ==, 1);
}

static void
test_rates_no_rate_known (void)
{
  g_autofree char *path = test_path ("norate.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GPtrArray) rates = NULL;

  rates = list_rates (store, 2026);
  /* The sources give no 2026/27 figures: nothing is invented. */
  g_assert_cmpint (rate_pence (rates, "CP", PCN_AREA_NATIONAL, 2026, 6, 1), ==, -1);
  g_assert_cmpint (rate_pence (rates, "GP", PCN_AREA_NATIONAL, 2026, 6, 1), ==, -1);
  g_assert_cmpuint (rates->len, ==, 0);
  g_clear_pointer (&rates, g_ptr_array_unref);

  /* Nor for a role whose figure was never found. */
  rates = list_rates (store, 2024);
  g_assert_cmpint (rate_pence (rates, "HWBC", PCN_AREA_NATIONAL, 2024, 6, 1), ==, -1);
}

static void
test_rates_set (void)
{
  g_autofree char *path = test_path ("setrate.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnRate) bad_role = pcn_rate_new ("NOPE", "national", "2026-04-01", 100);
  g_autoptr(PcnRate) bad_amount = pcn_rate_new ("CP", "national", "2026-04-01", 0);
  g_autoptr(PcnRate) by_name = pcn_rate_new ("clinical pharmacist", "inner-london", "2026-04-01",
                                             8000000);
  g_autoptr(PcnRate) again = pcn_rate_new ("CP", "inner-london", "2026-04-01", 8100000);
  g_autoptr(GPtrArray) rates = NULL;

  g_assert_false (pcn_store_set_rate (store, bad_role, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN);
  g_assert_true (g_str_has_prefix (error->message, "role: "));
  g_clear_error (&error);
  g_assert_false (pcn_store_set_rate (store, bad_amount, &error));
  g_assert_true (g_str_has_prefix (error->message, "annual: "));
  g_clear_error (&error);

  g_assert_true (pcn_store_set_rate (store, by_name, &error));
  g_assert_no_error (error);
  g_assert_true (pcn_store_set_rate (store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pcn_rate_get_id (again), ==, pcn_rate_get_id (by_name));

  rates = list_rates (store, 2026);
  g_assert_cmpuint (rates->len, ==, 1);
  g_assert_cmpstr (pcn_rate_get_role_code (g_ptr_array_index (rates, 0)), ==, "CP");
  g_assert_cmpstr (pcn_rate_get_role_name (g_ptr_array_index (rates, 0)), ==, "Clinical pharmacist");
  g_assert_cmpint (rate_pence (rates, "CP", PCN_AREA_INNER_LONDON, 2026, 6, 1), ==, 8100000);
}

/* -------------------------------------------------------------- staff */

static void
test_staff_add_list_update_leaver (void)
{
  g_autofree char *path = test_path ("staff.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaff) ann = make_staff ("Ann Smith", "A1", "CP", 1000);
  g_autoptr(PcnStaff) bob = make_staff ("bob Jones", NULL, "social prescribing link worker", 500);
  g_autoptr(PcnStaff) dup = make_staff ("Cat Brown", "A1", "PT", 1000);
  g_autoptr(PcnStaff) bad = make_staff ("Dan Green", "D1", "PT", 0);
  g_autoptr(PcnStaff) stranger = make_staff ("Eve White", "E1", "PT", 1000);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GPtrArray) list = NULL;
  PcnStaff *s;
  PcnSession *sess;

  create_network (store);

  sessions = pcn_sessions_parse ("Oak Practice=2;Elm Surgery", &error);
  g_assert_no_error (error);
  pcn_staff_set_sessions (ann, sessions);
  pcn_staff_set_band (ann, "8a");
  pcn_staff_set_annual_salary (ann, 5500000);
  pcn_staff_set_employer (ann, "Riverside PCN Ltd");
  g_assert_true (pcn_store_add_staff (store, ann, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pcn_staff_get_id (ann), >, 0);
  g_assert_true (pcn_store_add_staff (store, bob, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pcn_staff_get_role_code (bob), ==, "SPLW");

  g_assert_false (pcn_store_add_staff (store, dup, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "A1"));
  g_assert_nonnull (strstr (error->message, "Ann Smith"));
  g_assert_cmpint (pcn_staff_get_id (dup), ==, 0);
  g_clear_error (&error);

  g_assert_false (pcn_store_add_staff (store, bad, &error));
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "wte: "));
  g_clear_error (&error);

  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = pcn_sessions_parse ("Birch House", &error);
  g_assert_no_error (error);
  pcn_staff_set_sessions (stranger, sessions);
  g_assert_false (pcn_store_add_staff (store, stranger, &error));
  g_assert_true (g_str_has_prefix (error->message, "practices: "));
  g_clear_error (&error);

  g_assert_cmpint (pcn_store_count_staff (store, &error), ==, 2);
  g_assert_no_error (error);

  list = pcn_store_list_staff (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpstr (pcn_staff_get_name (s), ==, "Ann Smith");
  g_assert_cmpstr (pcn_staff_get_role_name (s), ==, "Clinical pharmacist");
  g_assert_cmpstr (pcn_staff_get_band (s), ==, "8a");
  g_assert_cmpint (pcn_staff_get_annual_salary (s), ==, 5500000);
  g_assert_cmpstr (pcn_staff_get_employer (s), ==, "Riverside PCN Ltd");
  g_assert_true (pcn_staff_get_claimable (s));
  g_assert_cmpuint (pcn_staff_get_sessions (s)->len, ==, 2);
  sess = g_ptr_array_index (pcn_staff_get_sessions (s), 0);
  g_assert_cmpstr (sess->practice, ==, "Oak Practice");
  g_assert_cmpint (sess->sessions, ==, 2);
  sess = g_ptr_array_index (pcn_staff_get_sessions (s), 1);
  g_assert_cmpstr (sess->practice, ==, "Elm Surgery");
  g_assert_cmpint (sess->sessions, ==, -1);
  s = g_ptr_array_index (list, 1);
  g_assert_cmpstr (pcn_staff_get_name (s), ==, "bob Jones");
  g_assert_null (pcn_staff_get_payroll_id (s));
  g_assert_cmpint (pcn_staff_get_annual_salary (s), ==, -1);
  g_assert_cmpuint (pcn_staff_get_sessions (s)->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Update: WTE and host practices. */
  pcn_staff_set_wte (ann, 800);
  pcn_staff_set_claimable (ann, FALSE);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = pcn_sessions_parse ("Elm Surgery=5", &error);
  g_assert_no_error (error);
  pcn_staff_set_sessions (ann, sessions);
  g_assert_true (pcn_store_update_staff (store, ann, &error));
  g_assert_no_error (error);

  /* Taking someone else's payroll ID is refused. */
  pcn_staff_set_payroll_id (bob, "A1");
  g_assert_false (pcn_store_update_staff (store, bob, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS);
  g_clear_error (&error);

  /* Leaver. */
  g_assert_false (pcn_store_record_leaver (store, pcn_staff_get_id (ann), "31/03/2026", NULL,
                                           &error));
  g_assert_true (g_str_has_prefix (error->message, "leaving_reason: "));
  g_clear_error (&error);
  g_assert_false (pcn_store_record_leaver (store, pcn_staff_get_id (ann), "01/01/2020",
                                           "Moved away", &error));
  g_assert_true (g_str_has_prefix (error->message, "end_date: "));
  g_clear_error (&error);
  g_assert_false (pcn_store_record_leaver (store, 9999, "31/03/2026", "Moved away", &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (pcn_store_record_leaver (store, pcn_staff_get_id (ann), "31/03/2026",
                                          "Moved to a hospital post", &error));
  g_assert_no_error (error);

  list = pcn_store_list_staff (store, &error);
  g_assert_no_error (error);
  s = g_ptr_array_index (list, 0);
  g_assert_cmpint (pcn_staff_get_wte (s), ==, 800);
  g_assert_false (pcn_staff_get_claimable (s));
  g_assert_cmpstr (pcn_staff_get_end_date (s), ==, "2026-03-31");
  g_assert_cmpstr (pcn_staff_get_leaving_reason (s), ==, "Moved to a hospital post");
  g_assert_cmpuint (pcn_staff_get_sessions (s)->len, ==, 1);
  sess = g_ptr_array_index (pcn_staff_get_sessions (s), 0);
  g_assert_cmpstr (sess->practice, ==, "Elm Surgery");
  g_assert_cmpint (sess->sessions, ==, 5);
  s = g_ptr_array_index (list, 1);
  g_assert_null (pcn_staff_get_payroll_id (s));
}

static GPtrArray *
make_many (guint       n,
           const char *prefix)
{
  GPtrArray *staff = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *name = g_strdup_printf ("%s person %05u", prefix, i);
      g_autofree char *payroll = g_strdup_printf ("%s%05u", prefix, i);
      g_autoptr(GPtrArray) sessions = NULL;
      PcnStaff *s = make_staff (name, payroll, i % 3 ? "CP" : "SPLW", 1000 - (int) (i % 5) * 100);

      sessions = pcn_sessions_parse (i % 2 ? "Elm Surgery=2;Oak Practice=3" : "Oak Practice", NULL);
      pcn_staff_set_sessions (s, sessions);
      g_ptr_array_add (staff, s);
    }
  return staff;
}

/* Sanitiser builds run ten times slower: they check correctness on a
 * smaller import and leave the timing to the plain build. */
#if defined(__SANITIZE_ADDRESS__)
# define N_BIG_IMPORT 2000
#else
# define N_BIG_IMPORT 10000
#endif

static void
test_staff_import_all_or_none (void)
{
  g_autofree char *path = test_path ("import.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) many = make_many (N_BIG_IMPORT, "P");
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) clash = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) invalid = NULL;
  g_autoptr(GArray) lines = g_array_new (FALSE, FALSE, sizeof (guint));
  gint64 t0, t1, t2;
  clock_t c0, c1, c2;
  guint line;

  create_network (store);

  t0 = g_get_monotonic_time ();
  c0 = clock ();
  g_assert_true (pcn_store_import_staff (store, many, NULL, "big.csv", &error));
  g_assert_no_error (error);
  t1 = g_get_monotonic_time ();
  c1 = clock ();
  list = pcn_store_list_staff (store, &error);
  g_assert_no_error (error);
  t2 = g_get_monotonic_time ();
  c2 = clock ();
  g_test_message ("import %u staff: %.3f s (CPU %.3f s); list them: %.3f s (CPU %.3f s)",
                  N_BIG_IMPORT, (t1 - t0) / 1e6, (double) (c1 - c0) / CLOCKS_PER_SEC,
                  (t2 - t1) / 1e6, (double) (c2 - c1) / CLOCKS_PER_SEC);
  g_assert_cmpuint (list->len, ==, N_BIG_IMPORT);
  g_assert_cmpuint (pcn_staff_get_sessions (g_ptr_array_index (list, 1))->len, >=, 1);
#if !defined(__SANITIZE_ADDRESS__)
  /* Processor time, so a busy machine does not fail the test. */
  g_assert_cmpfloat ((double) (c1 - c0) / CLOCKS_PER_SEC, <, 1.0);
  g_assert_cmpfloat ((double) (c2 - c1) / CLOCKS_PER_SEC, <, 1.0);
#endif

  /* Two rows whose payroll IDs are already taken, one new: none is added. */
  g_ptr_array_add (clash, make_staff ("New person", "N1", "CP", 1000));
  g_ptr_array_add (clash, make_staff ("Another", "P00007", "CP", 1000));
  g_ptr_array_add (clash, make_staff ("Third", "P00042", "PT", 500));
  line = 2; g_array_append_val (lines, line);
  line = 3; g_array_append_val (lines, line);
  line = 5; g_array_append_val (lines, line);
  g_assert_false (pcn_store_import_staff (store, clash, lines, "team.csv", &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "team.csv:3: payroll_id P00007 already belongs to P person 00007"));
  g_assert_nonnull (strstr (error->message, "team.csv:5: payroll_id P00042 already belongs to P person 00042"));
  g_assert_null (strstr (error->message, "team.csv:2:"));
  g_clear_error (&error);
  g_assert_cmpint (pcn_store_count_staff (store, &error), ==, N_BIG_IMPORT);
  for (guint i = 0; i < clash->len; i++)
    g_assert_cmpint (pcn_staff_get_id (g_ptr_array_index (clash, i)), ==, 0);

  /* A bad row anywhere rolls the whole file back. */
  invalid = make_many (50, "Q");
  pcn_staff_set_wte (g_ptr_array_index (invalid, 49), 1500);
  pcn_staff_set_payroll_id (g_ptr_array_index (invalid, 10), "Q00003");
  g_assert_false (pcn_store_import_staff (store, invalid, NULL, "q.csv", &error));
  g_assert_nonnull (strstr (error->message, "q.csv:51: wte: "));
  g_assert_nonnull (strstr (error->message, "q.csv:12: payroll_id Q00003 is also on line 5"));
  g_clear_error (&error);
  g_assert_cmpint (pcn_store_count_staff (store, &error), ==, N_BIG_IMPORT);
}

/* ------------------------------------------------------ backup, async */

static void
test_backup (void)
{
  g_autofree char *path = test_path ("live.db");
  g_autofree char *dest = test_path ("backup.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(PcnStore) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) many = make_many (100, "B");
  g_autoptr(PcnNetwork) network = NULL;
  GStatBuf st;

  create_network (store);
  g_assert_true (pcn_store_import_staff (store, many, NULL, "b.csv", &error));
  g_assert_no_error (error);

  g_assert_true (pcn_store_backup (store, dest, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dest, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Backing up over an older backup replaces it. */
  g_assert_true (pcn_store_backup (store, dest, &error));
  g_assert_no_error (error);

  copy = open_ok (dest);
  g_assert_cmpint (pcn_store_count_staff (copy, &error), ==, 100);
  network = pcn_store_get_network (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pcn_network_get_name (network), ==, "Riverside PCN");

  /* A folder that does not exist. */
  g_clear_object (&copy);
  g_assert_false (pcn_store_backup (store, "/nonexistent-folder/x.db", &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_IO);
}

static gpointer
count_in_worker (PcnStore  *store,
                 gpointer   data,
                 GError   **error)
{
  gint64 n;

  g_assert_true (g_main_context_get_thread_default () == NULL);
  if (GPOINTER_TO_INT (data) == 1)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND, "asked to fail");
      return NULL;
    }
  n = pcn_store_count_staff (store, error);
  return n < 0 ? NULL : g_memdup2 (&n, sizeof n);
}

static void
on_run_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async (void)
{
  g_autofree char *path = test_path ("async.db");
  g_autoptr(PcnStore) store = open_ok (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaff) ann = make_staff ("Ann Smith", "A1", "CP", 1000);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree gint64 *n = NULL;

  g_assert_true (pcn_store_add_staff (store, ann, &error));
  g_assert_no_error (error);

  pcn_store_run_async (store, count_in_worker, GINT_TO_POINTER (0), NULL, g_free, NULL,
                       on_run_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  n = pcn_store_run_finish (store, result, &error);
  g_assert_no_error (error);
  g_assert_cmpint (*n, ==, 1);
  g_clear_object (&result);

  pcn_store_run_async (store, count_in_worker, GINT_TO_POINTER (1), NULL, g_free, NULL,
                       on_run_done_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (pcn_store_run_finish (store, result, &error));
  g_assert_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/open/new-file-mode", test_open_new_file_mode);
  g_test_add_func ("/store/open/refuse-text-file", test_open_refuse_text_file);
  g_test_add_func ("/store/open/refuse-foreign-sqlite", test_open_refuse_foreign_sqlite);
  g_test_add_func ("/store/open/refuse-newer", test_open_refuse_newer);
  g_test_add_func ("/store/open/corrupt", test_open_corrupt);
  g_test_add_func ("/store/migrate/from-0", test_migrate_from_0);
  g_test_add_func ("/store/migrate/from-1", test_migrate_from_1);
  g_test_add_func ("/store/migrate/from-2", test_migrate_from_2);
  g_test_add_func ("/store/posts/add-list-update-status", test_posts_add_list_update_status);
  g_test_add_func ("/store/posts/leaver-vacates", test_posts_leaver_vacates);
  g_test_add_func ("/store/ledger/hand-worked", test_ledger_hand_worked);
  g_test_add_func ("/store/audit/changes", test_audit_changes);
  g_test_add_func ("/store/audit/append-only", test_audit_append_only);
  g_test_add_func ("/store/reference/load", test_reference_load);
  g_test_add_func ("/store/reference/refresh-keeps-user-rows",
                   test_reference_refresh_keeps_user_rows);
  g_test_add_func ("/store/rates/no-rate-known", test_rates_no_rate_known);
  g_test_add_func ("/store/rates/set", test_rates_set);
  g_test_add_func ("/store/staff/add-list-update-leaver", test_staff_add_list_update_leaver);
  g_test_add_func ("/store/staff/import-all-or-none", test_staff_import_all_or_none);
  g_test_add_func ("/store/backup", test_backup);
  g_test_add_func ("/store/async/run", test_async);

  return g_test_run ();
}
