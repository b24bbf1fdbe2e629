/* test-export.c — the export layer: the staff list workbook, read back with
 * openpyxl (export-check.py), and failures that must leave files alone.
 * Set EXPORT_CHECK_DUMP=1 to see the JSON export-check.py prints.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <errno.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "pcn-export.h"

#define HYPERLINK_NAME "=HYPERLINK(\"http://x\",\"y\")"

typedef struct
{
  char *dir;   /* a fresh folder for the test */
  char *path;  /* dir/staff.xlsx */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  /* Under the per-test folders of G_TEST_OPTION_ISOLATE_DIRS */
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  fixture->dir = g_build_filename (g_get_user_data_dir (), "export", NULL);
  g_assert_cmpint (g_mkdir (fixture->dir, 0700), ==, 0);
  fixture->path = g_build_filename (fixture->dir, "staff.xlsx", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_chmod (path, 0700);
  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  remove_tree (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->path, g_free);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, joined with spaces: "" when empty. */
static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_strdup (name));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return g_strjoinv (" ", (char **) names->pdata);
}

static PcnNetwork *
make_network (void)
{
  PcnNetwork *network = pcn_network_new ();

  pcn_network_set_name (network, "Riverside PCN");
  pcn_network_set_ods_code (network, "U12345");
  pcn_network_set_list_size (network, 52000);
  return network;
}

static PcnStaff *
make_staff (const char *name,
            const char *payroll_id,
            const char *role_code,
            const char *role_name,
            const char *start,
            const char *end,
            const char *reason,
            int         wte_milli,
            gint64      salary_pence,
            const char *employer,
            const char *practices,
            gboolean    claimable)
{
  PcnStaff *staff = pcn_staff_new ();
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GError) error = NULL;

  pcn_staff_set_name (staff, name);
  pcn_staff_set_payroll_id (staff, payroll_id);
  pcn_staff_set_role_code (staff, role_code);
  pcn_staff_set_role_name (staff, role_name);
  pcn_staff_set_start_date (staff, start);
  pcn_staff_set_end_date (staff, end);
  pcn_staff_set_leaving_reason (staff, reason);
  pcn_staff_set_wte (staff, wte_milli);
  pcn_staff_set_band (staff, "7");
  pcn_staff_set_annual_salary (staff, salary_pence);
  pcn_staff_set_employer (staff, employer);
  sessions = pcn_sessions_parse (practices, &error);
  g_assert_no_error (error);
  pcn_staff_set_sessions (staff, sessions);
  pcn_staff_set_claimable (staff, claimable);
  return staff;
}

/* Five people: part-time with a salary in pence, a leaver, one in two
 * practices who starts later, a name that looks like a formula, and one
 * whose salary is not known. WTE 3.9, salaries £121,000.50. */
static GPtrArray *
make_team (void)
{
  GPtrArray *staff = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (staff, make_staff ("Asha Patel", "P001", "CP", "Clinical pharmacist",
                                      "2024-01-15", NULL, NULL, 600, 3200050,
                                      "Riverside Health Ltd", "Oak Surgery=3", TRUE));
  g_ptr_array_add (staff, make_staff ("Ben Jones", "P002", "SPLW", "Social prescribing link worker",
                                      "2023-05-01", "2026-02-28", "Moved away", 1000, 2800000,
                                      "Oak Surgery", "Oak Surgery", TRUE));
  g_ptr_array_add (staff, make_staff ("Cara Singh", "P003", "PA", "Physician associate",
                                      "2026-05-01", NULL, NULL, 1000, 4100000,
                                      "Riverside Health Ltd", "Oak Surgery=2;Elm Practice=4", TRUE));
  g_ptr_array_add (staff, make_staff (HYPERLINK_NAME, "-007", "HWC", "Health and wellbeing coach",
                                      "2025-09-01", NULL, NULL, 500, 2000000,
                                      "@SUM(1)", "Elm Practice", TRUE));
  g_ptr_array_add (staff, make_staff ("Dee O'Brien", NULL, "FCP", "First contact physiotherapist",
                                      "2022-10-03", NULL, NULL, 800, -1,
                                      "+Trust", "", FALSE));
  return staff;
}

static void
set_as_at (GDate *date)
{
  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, G_DATE_APRIL, 2026);
}

static void
assert_is_xlsx (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 2);
  g_assert_cmpmem (contents, 2, "PK", 2);
}

/* Runs export-check.py on @path: its JSON, or NULL after g_test_skip() when
 * the system python cannot import openpyxl. */
static JsonObject *
read_back (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "export-check.py", NULL);
  const char *python = g_getenv ("PYTHON3");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { NULL, NULL, NULL, NULL };

  argv[0] = python != NULL ? python : "/usr/bin/python3";
  argv[1] = script;
  argv[2] = path;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                     &out, &err, &status, &error))
    {
      g_autofree char *why = g_strdup_printf ("cannot run %s: %s", argv[0], error->message);

      g_test_skip (why);
      return NULL;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_autofree char *why = g_strdup_printf ("%s cannot import openpyxl", argv[0]);

      g_test_skip (why);
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("export-check.py failed: %s\n%s", error->message, err);

  /* EXPORT_CHECK_DUMP=1 shows what openpyxl read, when a check fails */
  if (g_getenv ("EXPORT_CHECK_DUMP") != NULL)
    g_printerr ("%s\n", out);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static JsonObject *
get_cell (JsonObject *sheet,
          const char *ref)
{
  JsonObject *cells = json_object_get_object_member (sheet, "cells");

  if (!json_object_has_member (cells, ref))
    return NULL;
  return json_object_get_object_member (cells, ref);
}

static void
assert_cell_text (JsonObject *sheet,
                  const char *ref,
                  const char *expected)
{
  JsonObject *cell = get_cell (sheet, ref);

  if (cell == NULL)
    g_error ("%s is empty, expected “%s”", ref, expected);
  g_assert_cmpstr (json_object_get_string_member (cell, "data_type"), ==, "s");
  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, expected);
}

static void
assert_cell_number (JsonObject *sheet,
                    const char *ref,
                    double      expected,
                    const char *number_format)
{
  JsonObject *cell = get_cell (sheet, ref);

  if (cell == NULL)
    g_error ("%s is empty, expected %g", ref, expected);
  g_assert_cmpstr (json_object_get_string_member (cell, "data_type"), ==, "n");
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cell, "value"), expected, 1e-9);
  if (number_format != NULL)
    g_assert_cmpstr (json_object_get_string_member (cell, "number_format"), ==, number_format);
}

static void
assert_cell_date (JsonObject *sheet,
                  const char *ref,
                  const char *expected_iso)
{
  JsonObject *cell = get_cell (sheet, ref);
  g_autofree char *expected = g_strconcat (expected_iso, "T00:00:00", NULL);

  if (cell == NULL)
    g_error ("%s is empty, expected %s", ref, expected_iso);
  /* openpyxl turns numbers with a date format into datetimes */
  g_assert_cmpstr (json_object_get_string_member (cell, "data_type"), ==, "d");
  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, expected);
}

static void
assert_cell_formula (JsonObject *sheet,
                     const char *ref,
                     const char *formula,
                     double      cached)
{
  JsonObject *cell = get_cell (sheet, ref);

  if (cell == NULL)
    g_error ("%s is empty, expected %s", ref, formula);
  g_assert_cmpstr (json_object_get_string_member (cell, "data_type"), ==, "f");
  g_assert_cmpstr (json_object_get_string_member (cell, "value"), ==, formula);
  g_assert_cmpfloat_with_epsilon (json_object_get_double_member (cell, "cached"), cached, 1e-6);
}

static void
assert_cell_empty (JsonObject *sheet,
                   const char *ref)
{
  g_assert_null (get_cell (sheet, ref));
}

static void
test_staff_contents (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(GPtrArray) staff = make_team ();
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  JsonObject *sheet, *cell;
  JsonArray *sheets;
  const char *money_format;
  GDate as_at;
  gboolean ok;

  set_as_at (&as_at);
  ok = pcn_export_staff (fixture->path, network, staff, &as_at, &error);
  g_assert_no_error (error);
  g_assert_true (ok);

  assert_is_xlsx (fixture->path);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "staff.xlsx");

  book = read_back (fixture->path);
  if (book == NULL)
    return;

  sheets = json_object_get_array_member (book, "sheets");
  g_assert_cmpuint (json_array_get_length (sheets), ==, 1);
  g_assert_cmpstr (json_array_get_string_element (sheets, 0), ==, "Staff");
  g_assert_cmpstr (json_object_get_string_member (book, "title"), ==, "Staff list");
  sheet = json_object_get_object_member (book, "Staff");

  /* Header block */
  assert_cell_text (sheet, "A1", "Riverside PCN");
  assert_cell_text (sheet, "A2", "ODS code");
  assert_cell_text (sheet, "B2", "U12345");
  assert_cell_text (sheet, "A3", "Staff list as at 1 Apr 2026");
  assert_cell_text (sheet, "A4", "Generated");
  cell = get_cell (sheet, "B4");
  g_assert_nonnull (cell);
  g_assert_cmpstr (json_object_get_string_member (cell, "data_type"), ==, "d");

  /* Table header */
  {
    static const char * const titles[] = {
      "Name", "Payroll ID", "Role", "Role code", "WTE", "Band", "Start date",
      "End date", "Status", "Leaving reason", "Annual salary", "Employer",
      "Host practices", "Claimable",
    };

    for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
      {
        char ref[8];

        g_snprintf (ref, sizeof ref, "%c6", 'A' + i);
        assert_cell_text (sheet, ref, titles[i]);
        g_assert_true (json_object_get_boolean_member (get_cell (sheet, ref), "bold"));
      }
    assert_cell_empty (sheet, "O6");
  }

  /* Part-time, salary in pence */
  assert_cell_text (sheet, "A7", "Asha Patel");
  assert_cell_text (sheet, "B7", "P001");
  assert_cell_text (sheet, "C7", "Clinical pharmacist");
  assert_cell_text (sheet, "D7", "CP");
  assert_cell_number (sheet, "E7", 0.6, "0.0##");
  assert_cell_text (sheet, "F7", "7");
  assert_cell_date (sheet, "G7", "2024-01-15");
  assert_cell_empty (sheet, "H7");
  assert_cell_text (sheet, "I7", "In post");
  assert_cell_empty (sheet, "J7");
  assert_cell_number (sheet, "K7", 32000.5, NULL);
  money_format = json_object_get_string_member (get_cell (sheet, "K7"), "number_format");
  g_assert_nonnull (strstr (money_format, "£"));
  g_assert_nonnull (strstr (money_format, "#,##0.00"));
  assert_cell_text (sheet, "L7", "Riverside Health Ltd");
  assert_cell_text (sheet, "M7", "Oak Surgery=3");
  assert_cell_text (sheet, "N7", "Yes");

  /* The leaver */
  assert_cell_date (sheet, "G8", "2023-05-01");
  assert_cell_date (sheet, "H8", "2026-02-28");
  assert_cell_text (sheet, "I8", "Left");
  assert_cell_text (sheet, "J8", "Moved away");
  assert_cell_number (sheet, "E8", 1.0, "0.0##");

  /* Two practices, starts after the as-at date */
  assert_cell_text (sheet, "I9", "Starting");
  assert_cell_text (sheet, "M9", "Oak Surgery=2; Elm Practice=4");

  /* Text that looks like a formula stays text, verbatim */
  assert_cell_text (sheet, "A10", HYPERLINK_NAME);
  assert_cell_text (sheet, "B10", "-007");
  assert_cell_text (sheet, "L10", "@SUM(1)");
  assert_cell_text (sheet, "L11", "+Trust");

  /* Unknown salary is empty, not 0 */
  assert_cell_empty (sheet, "K11");
  assert_cell_empty (sheet, "B11");
  assert_cell_number (sheet, "E11", 0.8, "0.0##");
  assert_cell_text (sheet, "N11", "No");

  /* Totals: live formulas with cached results */
  assert_cell_formula (sheet, "A12", "=SUBTOTAL(103,I7:I11)", 5);
  assert_cell_formula (sheet, "E12", "=SUBTOTAL(109,E7:E11)", 3.9);
  assert_cell_formula (sheet, "K12", "=SUBTOTAL(109,K7:K11)", 121000.5);
  g_assert_true (json_object_get_boolean_member (get_cell (sheet, "E12"), "bold"));
  g_assert_cmpint (json_object_get_int_member (sheet, "max_row"), ==, 12);

  /* Sheet set-up */
  g_assert_cmpstr (json_object_get_string_member (sheet, "freeze_panes"), ==, "B7");
  g_assert_cmpstr (json_object_get_string_member (sheet, "auto_filter"), ==, "A6:N11");
  g_assert_cmpstr (json_object_get_string_member (sheet, "orientation"), ==, "landscape");
  g_assert_true (json_object_get_boolean_member (sheet, "fit_to_page"));
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_width"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (sheet, "fit_to_height"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (sheet, "paper_size"), ==, 9);
  g_assert_cmpstr (json_object_get_string_member (sheet, "print_title_rows"), ==, "$6:$6");
  g_assert_cmpstr (json_object_get_string_member (sheet, "footer"), ==, "Page &P of &N");

  /* Column widths are set, and wide enough for the longest role */
  {
    JsonObject *widths = json_object_get_object_member (sheet, "columns");

    g_assert_cmpfloat (json_object_get_double_member (widths, "C"), >=,
                       strlen ("Social prescribing link worker"));
    g_assert_cmpfloat (json_object_get_double_member (widths, "G"), >=, 10);
  }
}

static void
test_staff_empty (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *sheet;
  gboolean ok;

  /* NULL as-at: today */
  ok = pcn_export_staff (fixture->path, network, staff, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  assert_is_xlsx (fixture->path);

  book = read_back (fixture->path);
  if (book == NULL)
    return;
  sheet = json_object_get_object_member (book, "Staff");
  assert_cell_text (sheet, "A6", "Name");
  assert_cell_number (sheet, "A7", 0, NULL);
  assert_cell_number (sheet, "E7", 0, NULL);
  g_assert_cmpstr (json_object_get_string_member (sheet, "auto_filter"), ==, "A6:N6");
}

static void
test_staff_replace (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(GPtrArray) staff = make_team ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  GStatBuf st;
  GDate as_at;

  set_as_at (&as_at);

  /* A new file is private: it holds personal data */
  g_assert_true (pcn_export_staff (fixture->path, network, staff, &as_at, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* A file replaced keeps its mode */
  g_file_set_contents (fixture->path, "old contents", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (fixture->path, 0640), ==, 0);
  g_assert_true (pcn_export_staff (fixture->path, network, staff, &as_at, &error));
  g_assert_no_error (error);
  assert_is_xlsx (fixture->path);
  g_assert_cmpint (g_stat (fixture->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0640);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "staff.xlsx");
}

static void
test_staff_missing_folder (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(GPtrArray) staff = make_team ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "no-such-folder", "staff.xlsx", NULL);
  g_autofree char *listing = NULL;
  GDate as_at;

  set_as_at (&as_at);
  g_assert_false (pcn_export_staff (path, network, staff, &as_at, &error));
  g_assert_error (error, PCN_EXPORT_ERROR, PCN_EXPORT_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "");
}

static void
assert_untouched (Fixture    *fixture,
                  const char *original)
{
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (fixture->path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, original);
  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "staff.xlsx");
}

/* libxlsxwriter refuses a cell over 32,767 characters: the export fails
 * part-way and the existing file must survive, with no temp file left. */
static void
test_staff_failure_keeps_target (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  static const char original[] = "an earlier export\n";
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(GPtrArray) staff = make_team ();
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (40000, 'x');
  GDate as_at;

  set_as_at (&as_at);
  g_file_set_contents (fixture->path, original, -1, &error);
  g_assert_no_error (error);

  pcn_staff_set_leaving_reason (g_ptr_array_index (staff, 1), huge);
  g_assert_false (pcn_export_staff (fixture->path, network, staff, &as_at, &error));
  g_assert_error (error, PCN_EXPORT_ERROR, PCN_EXPORT_ERROR_CONTENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_assert_nonnull (strstr (error->message, lxw_strerror (LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED)));

  assert_untouched (fixture, original);
}

/* The workbook is complete but cannot be renamed over a folder. */
static void
test_staff_target_is_folder (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(GPtrArray) staff = make_team ();
  g_autoptr(GError) error = NULL;
  g_autofree char *inner = g_build_filename (fixture->path, "keep.txt", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *contents = NULL;
  GDate as_at;

  set_as_at (&as_at);
  g_assert_cmpint (g_mkdir (fixture->path, 0700), ==, 0);
  g_file_set_contents (inner, "keep", -1, &error);
  g_assert_no_error (error);

  g_assert_false (pcn_export_staff (fixture->path, network, staff, &as_at, &error));
  g_assert_error (error, PCN_EXPORT_ERROR, PCN_EXPORT_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fixture->path));

  g_clear_error (&error);

  listing = list_dir (fixture->dir);
  g_assert_cmpstr (listing, ==, "staff.xlsx");
  g_file_get_contents (inner, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "keep");
}

static void
test_staff_read_only_folder (Fixture       *fixture,
                             gconstpointer  user_data)
{
  static const char original[] = "an earlier export\n";
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(GPtrArray) staff = make_team ();
  g_autoptr(GError) error = NULL;
  GDate as_at;

  set_as_at (&as_at);
  g_file_set_contents (fixture->path, original, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (fixture->dir, 0500), ==, 0);
  if (access (fixture->dir, W_OK) == 0)
    {
      g_test_skip ("the folder is writable anyway (running as root?)");
      return;
    }

  g_assert_false (pcn_export_staff (fixture->path, network, staff, &as_at, &error));
  g_assert_error (error, PCN_EXPORT_ERROR, PCN_EXPORT_ERROR_IO);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, fixture->path));
  g_clear_error (&error);

  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  assert_untouched (fixture, original);
}

static void
test_staff_preconditions (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(PcnNetwork) network = make_network ();
  g_autoptr(GPtrArray) staff = make_team ();
  GDate invalid;

  g_date_clear (&invalid, 1);

  g_test_expect_message ("pcn-export", G_LOG_LEVEL_CRITICAL, "*path != NULL*");
  g_assert_false (pcn_export_staff (NULL, network, staff, NULL, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("pcn-export", G_LOG_LEVEL_CRITICAL, "*PCN_IS_NETWORK*");
  g_assert_false (pcn_export_staff (fixture->path, NULL, staff, NULL, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("pcn-export", G_LOG_LEVEL_CRITICAL, "*g_date_valid*");
  g_assert_false (pcn_export_staff (fixture->path, network, staff, &invalid, NULL));
  g_test_assert_expected_messages ();

  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/export/staff/contents", test_staff_contents);
  ADD ("/export/staff/empty", test_staff_empty);
  ADD ("/export/staff/replace", test_staff_replace);
  ADD ("/export/staff/missing-folder", test_staff_missing_folder);
  ADD ("/export/staff/failure-keeps-target", test_staff_failure_keeps_target);
  ADD ("/export/staff/target-is-folder", test_staff_target_is_folder);
  ADD ("/export/staff/read-only-folder", test_staff_read_only_folder);
  ADD ("/export/staff/preconditions", test_staff_preconditions);

#undef ADD

  return g_test_run ();
}
