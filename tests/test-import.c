/* test-import.c — the staff CSV importer and its bad input
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "pcn-core.h"

#if defined(__SANITIZE_ADDRESS__)
# define SANITIZED 1
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define SANITIZED 1
# endif
#endif

/* The big-file test reads 10 MB and must take well under a second in an
 * optimised build. AddressSanitizer (with the slow unwinding CI uses) makes
 * every allocation dearer by a factor of forty or so: there it reads 1 MB
 * and only checks the result. */
#ifdef SANITIZED
# define BIG_FILE_SIZE (1024 * 1024)
#else
# define BIG_FILE_SIZE (10 * 1024 * 1024)
#endif

#define HEADER "name,payroll_id,role,start_date,end_date,leaving_reason,wte,band," \
               "annual_salary,employer,practices,claimable\n"

static GPtrArray *
make_roles (void)
{
  GPtrArray *roles = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (roles, pcn_role_new ("CP", "Clinical pharmacist"));
  g_ptr_array_add (roles, pcn_role_new ("SPLW", "Social prescribing link worker"));
  g_ptr_array_add (roles, pcn_role_new ("PT", "Pharmacy technician"));
  g_ptr_array_add (roles, pcn_role_new ("FCP_PHYSIO", "First contact physiotherapist"));
  g_ptr_array_add (roles, pcn_role_new ("MHP", "Mental health practitioner"));
  return roles;
}

static GPtrArray *
make_practices (void)
{
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (names, g_strdup ("Riverside Surgery"));
  g_ptr_array_add (names, g_strdup ("Hillview Medical Centre"));
  return names;
}

static PcnStaffCsv *
parse (const char  *text,
       gssize       length,
       GError     **error)
{
  g_autoptr(GPtrArray) roles = make_roles ();
  g_autoptr(GPtrArray) practices = make_practices ();

  if (length < 0)
    length = strlen (text);
  return pcn_staff_csv_parse ("staff.csv", text, length, roles, practices, error);
}

static guint
count_lines (const char *message)
{
  guint n = 1;

  for (const char *p = message; *p; p++)
    if (*p == '\n')
      n++;
  return n;
}

static PcnStaff *
staff_at (PcnStaffCsv *csv,
          guint        i)
{
  return g_ptr_array_index (csv->staff, i);
}

static guint
line_at (PcnStaffCsv *csv,
         guint        i)
{
  return g_array_index (csv->lines, guint, i);
}

/* Good files: how many rows, and the line each one starts on. */
typedef struct
{
  const char *path;
  const char *input;
  gssize      length;  /* -1: strlen */
  guint       n_rows;
  guint       lines[4];
} GoodCase;

static const GoodCase good_cases[] = {
  { "/import/good/bom", "\xEF\xBB\xBF" "name,role,start_date,wte\nA Person,CP,2026-04-01,1\n",
    -1, 1, { 2 } },
  { "/import/good/crlf", "name,role,start_date,wte\r\nA Person,CP,2026-04-01,1\r\n"
    "B Person,PT,2026-04-01,0.5\r\n", -1, 2, { 2, 3 } },
  { "/import/good/crlf-quoted", "name,role,start_date,wte\r\n\"A Person\",\"CP\",\"2026-04-01\",\"1\"\r\n",
    -1, 1, { 2 } },
  { "/import/good/no-final-newline", "name,role,start_date,wte\nA Person,CP,2026-04-01,1", -1, 1, { 2 } },
  { "/import/good/blank-lines", "\n\nname,role,start_date,wte\n\nA Person,CP,2026-04-01,1\n  \n\r\n"
    "B Person,CP,2026-04-01,1\n\n", -1, 2, { 5, 8 } },
  { "/import/good/column-order-and-case", " WTE , Start_Date,ROLE,Name\n0.5,01/04/2026,cp,A Person\n",
    -1, 1, { 2 } },
  { "/import/good/quoted-newlines", "name,role,start_date,wte,practices\n"
    "\"Smith, Ann\",CP,2026-04-01,1,\"Riverside Surgery;\nHillview Medical Centre=2\"\n"
    "\"Jones, Bob\",PT,2026-04-01,1,\"Riverside Surgery\"\n", -1, 2, { 2, 4 } },
  { "/import/good/header-only", "name,role,start_date,wte\n", -1, 0, { 0 } },
};

static void
test_good (gconstpointer data)
{
  const GoodCase *tc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaffCsv) csv = parse (tc->input, tc->length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (csv);
  g_assert_cmpuint (csv->staff->len, ==, tc->n_rows);
  g_assert_cmpuint (csv->lines->len, ==, tc->n_rows);
  for (guint i = 0; i < tc->n_rows; i++)
    g_assert_cmpuint (line_at (csv, i), ==, tc->lines[i]);
}

/* Bad files: every message expected (in order), and nothing returned. */
typedef struct
{
  const char *path;
  const char *input;
  gssize      length;
  int         code;
  const char *messages[4];
} BadCase;

static const BadCase bad_cases[] = {
  { "/import/bad/empty", "", -1, PCN_CORE_ERROR_PARSE,
    { "staff.csv:1: the file is empty" } },
  { "/import/bad/unknown-column", "name,role,start_date,wte,shoe_size\nA,CP,2026-04-01,1,9\n", -1,
    PCN_CORE_ERROR_PARSE, { "staff.csv:1: unknown column “shoe_size”" } },
  { "/import/bad/unnamed-column", "name,role,start_date,wte,\nA,CP,2026-04-01,1,\n", -1,
    PCN_CORE_ERROR_PARSE, { "staff.csv:1: column 5 of the header has no name" } },
  { "/import/bad/missing-column", "name,role,start_date\nA,CP,2026-04-01\n", -1,
    PCN_CORE_ERROR_PARSE, { "staff.csv:1: the required column “wte” is missing" } },
  { "/import/bad/missing-columns", "\nname,payroll_id\nA,1\n", -1,
    PCN_CORE_ERROR_PARSE, { "staff.csv:2: the required column “role” is missing",
                            "staff.csv:2: the required column “start_date” is missing",
                            "staff.csv:2: the required column “wte” is missing" } },
  { "/import/bad/duplicate-column", "name,role,start_date,wte,Name\nA,CP,2026-04-01,1,B\n", -1,
    PCN_CORE_ERROR_PARSE, { "staff.csv:1: the column “name” appears twice" } },
  { "/import/bad/unknown-role", "name,role,start_date,wte\nA,Wizard,2026-04-01,1\n", -1,
    PCN_CORE_ERROR_UNKNOWN, { "staff.csv:2: unknown role “Wizard”" } },
  { "/import/bad/wte-zero", "name,role,start_date,wte\nA,CP,2026-04-01,0\n", -1,
    PCN_CORE_ERROR_INVALID, { "staff.csv:2: wte: WTE 0 is out of range: it must be more than 0 and at most 1" } },
  { "/import/bad/wte-over-one", "name,role,start_date,wte\nA,CP,2026-04-01,1.5\n", -1,
    PCN_CORE_ERROR_INVALID, { "staff.csv:2: wte: WTE 1.5 is out of range" } },
  { "/import/bad/wte-text", "name,role,start_date,wte\nA,CP,2026-04-01,abc\n", -1,
    PCN_CORE_ERROR_INVALID, { "staff.csv:2: wte: “abc” is not a whole-time equivalent" } },
  { "/import/bad/wte-missing", "name,role,start_date,wte\nA,CP,2026-04-01,\n", -1,
    PCN_CORE_ERROR_INVALID, { "staff.csv:2: wte: a whole-time equivalent is required" } },
  { "/import/bad/not-a-real-date", "name,role,start_date,wte\nA,CP,31/02/2026,1\n", -1,
    PCN_CORE_ERROR_INVALID, { "staff.csv:2: start_date: “31/02/2026” is not a real calendar date" } },
  { "/import/bad/not-a-date", "name,role,start_date,wte\nA,CP,April 2026,1\n", -1,
    PCN_CORE_ERROR_INVALID, { "staff.csv:2: start_date: “April 2026” is not a date" } },
  { "/import/bad/end-before-start", "name,role,start_date,end_date,wte\nA,CP,01/04/2026,31/03/2026,1\n",
    -1, PCN_CORE_ERROR_INVALID,
    { "staff.csv:2: end_date: the end date 2026-03-31 is before the start date 2026-04-01" } },
  { "/import/bad/reason-without-end", "name,role,start_date,wte,leaving_reason\nA,CP,2026-04-01,1,Moved\n",
    -1, PCN_CORE_ERROR_INVALID,
    { "staff.csv:2: leaving_reason: a leaving reason is only given with an end date" } },
  { "/import/bad/duplicate-payroll-id", "name,payroll_id,role,start_date,wte\n"
    "A,P1,CP,2026-04-01,1\nB,P2,CP,2026-04-01,1\nC,P1,CP,2026-04-01,1\n", -1,
    PCN_CORE_ERROR_DUPLICATE, { "staff.csv:4: payroll_id “P1” is used on line 2 too" } },
  { "/import/bad/missing-name", "name,role,start_date,wte\n,CP,2026-04-01,1\n", -1,
    PCN_CORE_ERROR_INVALID, { "staff.csv:2: name: a name is required" } },
  { "/import/bad/salary", "name,role,start_date,wte,annual_salary\nA,CP,2026-04-01,1,lots\n", -1,
    PCN_CORE_ERROR_INVALID, { "staff.csv:2: annual_salary: " } },
  { "/import/bad/claimable", "name,role,start_date,wte,claimable\nA,CP,2026-04-01,1,maybe\n", -1,
    PCN_CORE_ERROR_INVALID, { "staff.csv:2: claimable: “maybe” is not yes or no" } },
  { "/import/bad/unknown-practice", "name,role,start_date,wte,practices\nA,CP,2026-04-01,1,Nowhere=2\n",
    -1, PCN_CORE_ERROR_INVALID,
    { "staff.csv:2: practices: “Nowhere” is not a member practice of this PCN" } },
  { "/import/bad/sessions", "name,role,start_date,wte,practices\nA,CP,2026-04-01,1,Riverside Surgery=99\n",
    -1, PCN_CORE_ERROR_INVALID, { "staff.csv:2: practices: sessions at “Riverside Surgery”" } },
  { "/import/bad/too-few-fields", "name,role,start_date,wte\nA,CP,2026-04-01\n", -1,
    PCN_CORE_ERROR_PARSE, { "staff.csv:2: 3 fields where the header has 4" } },
  { "/import/bad/too-many-fields", "name,role,start_date,wte\nA,CP,2026-04-01,1,x\n", -1,
    PCN_CORE_ERROR_PARSE, { "staff.csv:2: 5 fields where the header has 4" } },
  { "/import/bad/stray-quote", "name,role,start_date,wte\nA \"Al\" B,CP,2026-04-01,1\nC,X,2026-04-01,1\n", -1,
    PCN_CORE_ERROR_PARSE, { "staff.csv:2: a double quote is out of place",
                            "staff.csv:3: unknown role “X”" } },
  { "/import/bad/unclosed-quote", "name,role,start_date,wte\nA,CP,2026-04-01,1\n\"B,CP,2026-04-01,1\n\n",
    -1, PCN_CORE_ERROR_PARSE, { "staff.csv:3: a quoted field that starts here is never closed" } },
  { "/import/bad/quoted-newline-then-bad-row", "name,role,start_date,wte,practices\n"
    "\"Smith, Ann\",CP,2026-04-01,1,\"Riverside Surgery;\n\nHillview Medical Centre=2\"\n"
    "\"Jones,\nBob\",CP,2026-04-01,1,\n"
    "Cook,CP,2026-04-01,abc,\n", -1, PCN_CORE_ERROR_INVALID,
    { "staff.csv:5: name: The name contains a line break",
      "staff.csv:7: wte: “abc” is not a whole-time equivalent" } },
  { "/import/bad/not-utf8", "name,role,start_date,wte\nA,CP,2026-04-01,1\nJos\xe9,CP,2026-04-01,1\n", -1,
    PCN_CORE_ERROR_PARSE, { "staff.csv:3: the file is not UTF-8 text" } },
  { "/import/bad/nul-byte", "name,role,start_date,wte\nA\0B,CP,2026-04-01,1\n", 40,
    PCN_CORE_ERROR_PARSE, { "staff.csv:2: the file is not UTF-8 text" } },
  { "/import/bad/every-row", "name,payroll_id,role,start_date,wte\n"
    "Good,1,CP,2026-04-01,1\n"
    "Bad wte,2,CP,2026-04-01,1.5\n"
    "Good,3,CP,2026-04-01,1\n"
    "\n"
    "Bad role,4,Astronaut,2026-04-01,1\n"
    "Bad date,5,CP,31/02/2026,1\n", -1, PCN_CORE_ERROR_INVALID,
    { "staff.csv:3: wte: ", "staff.csv:6: unknown role “Astronaut”",
      "staff.csv:7: start_date: “31/02/2026” is not a real calendar date" } },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *tc = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaffCsv) csv = parse (tc->input, tc->length, &error);
  g_auto(GStrv) lines = NULL;
  guint n_expected = 0;

  g_assert_null (csv);
  g_assert_error (error, PCN_CORE_ERROR, tc->code);

  while (n_expected < G_N_ELEMENTS (tc->messages) && tc->messages[n_expected])
    n_expected++;

  lines = g_strsplit (error->message, "\n", -1);
  if (g_strv_length (lines) != n_expected)
    g_error ("expected %u messages, got:\n%s", n_expected, error->message);
  for (guint i = 0; i < n_expected; i++)
    {
      if (!g_str_has_prefix (lines[i], tc->messages[i]))
        g_error ("message %u: expected “%s…”, got “%s”", i, tc->messages[i], lines[i]);
    }
}

static void
test_round_trip (void)
{
  const char *text =
    HEADER
    "Ann Smith,P100,Clinical pharmacist,01/04/2026,,,0.6,8a,\"£1,234.50\",Riverside Surgery,"
    "\"riverside surgery=2; Hillview Medical Centre\",no\n"
    "  Bob Jones  ,P101, splw ,2025-10-01,31/03/2026,Moved away,1,,25000,,,\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaffCsv) csv = parse (text, -1, &error);
  PcnStaff *ann, *bob;
  GPtrArray *sessions;
  PcnSession *s;

  g_assert_no_error (error);
  g_assert_cmpuint (csv->staff->len, ==, 2);

  ann = staff_at (csv, 0);
  g_assert_cmpstr (pcn_staff_get_name (ann), ==, "Ann Smith");
  g_assert_cmpstr (pcn_staff_get_payroll_id (ann), ==, "P100");
  g_assert_cmpstr (pcn_staff_get_role_code (ann), ==, "CP");
  g_assert_cmpstr (pcn_staff_get_start_date (ann), ==, "2026-04-01");
  g_assert_null (pcn_staff_get_end_date (ann));
  g_assert_null (pcn_staff_get_leaving_reason (ann));
  g_assert_cmpint (pcn_staff_get_wte (ann), ==, 600);
  g_assert_cmpstr (pcn_staff_get_band (ann), ==, "8a");
  g_assert_cmpint (pcn_staff_get_annual_salary (ann), ==, 123450);
  g_assert_cmpstr (pcn_staff_get_employer (ann), ==, "Riverside Surgery");
  g_assert_false (pcn_staff_get_claimable (ann));
  sessions = pcn_staff_get_sessions (ann);
  g_assert_cmpuint (sessions->len, ==, 2);
  s = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (s->practice, ==, "Riverside Surgery");  /* the PCN's spelling */
  g_assert_cmpint (s->sessions, ==, 2);
  s = g_ptr_array_index (sessions, 1);
  g_assert_cmpstr (s->practice, ==, "Hillview Medical Centre");
  g_assert_cmpint (s->sessions, ==, -1);
  g_assert_cmpuint (line_at (csv, 0), ==, 2);

  bob = staff_at (csv, 1);
  g_assert_cmpstr (pcn_staff_get_name (bob), ==, "Bob Jones");
  g_assert_cmpstr (pcn_staff_get_role_code (bob), ==, "SPLW");
  g_assert_cmpstr (pcn_staff_get_start_date (bob), ==, "2025-10-01");
  g_assert_cmpstr (pcn_staff_get_end_date (bob), ==, "2026-03-31");
  g_assert_cmpstr (pcn_staff_get_leaving_reason (bob), ==, "Moved away");
  g_assert_cmpint (pcn_staff_get_wte (bob), ==, 1000);
  g_assert_null (pcn_staff_get_band (bob));
  g_assert_cmpint (pcn_staff_get_annual_salary (bob), ==, 2500000);
  g_assert_null (pcn_staff_get_employer (bob));
  g_assert_cmpuint (pcn_staff_get_sessions (bob)->len, ==, 0);
  g_assert_true (pcn_staff_get_claimable (bob));
  g_assert_cmpuint (line_at (csv, 1), ==, 3);
}

static void
test_claimable_values (void)
{
  const char *text =
    "name,role,start_date,wte,claimable\n"
    "A,CP,2026-04-01,1,yes\nB,CP,2026-04-01,1,NO\nC,CP,2026-04-01,1,true\n"
    "D,CP,2026-04-01,1,False\nE,CP,2026-04-01,1,1\nF,CP,2026-04-01,1,0\nG,CP,2026-04-01,1,\n";
  const gboolean expected[] = { TRUE, FALSE, TRUE, FALSE, TRUE, FALSE, TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaffCsv) csv = parse (text, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (csv->staff->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpint (pcn_staff_get_claimable (staff_at (csv, i)), ==, expected[i]);
}

static void
test_formula_name_verbatim (void)
{
  const char *text =
    "name,role,start_date,wte\n"
    "\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",CP,2026-04-01,1\n"
    "\"+44 Person\",CP,2026-04-01,1\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaffCsv) csv = parse (text, -1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (csv->staff->len, ==, 2);
  g_assert_cmpstr (pcn_staff_get_name (staff_at (csv, 0)), ==, "=HYPERLINK(\"http://x\",\"y\")");
  g_assert_true (pcn_text_looks_like_formula (pcn_staff_get_name (staff_at (csv, 0))));
  g_assert_cmpstr (pcn_staff_get_name (staff_at (csv, 1)), ==, "+44 Person");
}

static void
test_no_practice_list (void)
{
  g_autoptr(GPtrArray) roles = make_roles ();
  const char *text = "name,role,start_date,wte,practices\nA,CP,2026-04-01,1,Anywhere=3\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaffCsv) csv = pcn_staff_csv_parse ("x.csv", text, strlen (text), roles, NULL, &error);
  PcnSession *s;

  g_assert_no_error (error);
  s = g_ptr_array_index (pcn_staff_get_sessions (staff_at (csv, 0)), 0);
  g_assert_cmpstr (s->practice, ==, "Anywhere");
  g_assert_cmpint (s->sessions, ==, 3);
}

static void
test_columns (void)
{
  const char * const *columns = pcn_staff_csv_columns ();
  const char * const expected[] = {
    "name", "payroll_id", "role", "start_date", "end_date", "leaving_reason", "wte", "band",
    "annual_salary", "employer", "practices", "claimable", NULL
  };

  g_assert_cmpstrv (columns, expected);
}

static GString *
make_big_file (gsize size,
               guint bad_every)
{
  GString *s = g_string_new (HEADER);
  static const char * const roles[] = { "CP", "Clinical pharmacist", "SPLW", "PT", "mhp" };

  for (guint i = 0; s->len < size; i++)
    {
      gboolean bad = bad_every > 0 && i % bad_every == bad_every - 1;

      g_string_append_printf (s,
                              "\"Person %u, the %s\",PAY%06u,%s,%02u/%02u/2025,,,%s,7,"
                              "\"£%u,%03u.50\",Riverside Surgery,"
                              "\"Riverside Surgery=2;Hillview Medical Centre=%u\",%s\r\n",
                              i, (i % 7) ? "Second" : "\"\"First\"\"", i, roles[i % 5],
                              1 + i % 28, 1 + i % 12, bad ? "abc" : "0.8",
                              30 + i % 20, i % 1000, 1 + i % 5, (i % 2) ? "yes" : "no");
    }
  return s;
}

static void
test_big_file (void)
{
  g_autoptr(GString) s = make_big_file (BIG_FILE_SIZE, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaffCsv) csv = NULL;
  gint64 begin, elapsed;
  guint last;

  begin = g_get_monotonic_time ();
  csv = parse (s->str, s->len, &error);
  elapsed = g_get_monotonic_time () - begin;

  g_assert_no_error (error);
  g_test_message ("%zu bytes, %u rows parsed in %.0f ms", s->len, csv->staff->len,
                  elapsed / 1000.0);
  g_assert_cmpuint (csv->staff->len, >, BIG_FILE_SIZE / 200);
  last = csv->staff->len - 1;
  g_assert_cmpuint (line_at (csv, last), ==, last + 2);
  g_assert_cmpint (pcn_staff_get_wte (staff_at (csv, last)), ==, 800);
#ifndef SANITIZED
  /* Generous for a loaded machine: it takes about half a second. */
  g_assert_cmpint (elapsed, <, 5 * G_USEC_PER_SEC);
#endif
}

static void
test_big_file_capped (void)
{
  g_autoptr(GString) s = make_big_file (1024 * 1024, 10);
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStaffCsv) csv = parse (s->str, s->len, &error);
  g_auto(GStrv) lines = NULL;
  guint n;

  g_assert_null (csv);
  g_assert_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID);
  lines = g_strsplit (error->message, "\n", -1);
  n = g_strv_length (lines);
  g_assert_cmpuint (n, ==, 101);
  g_assert_true (g_str_has_prefix (lines[0], "staff.csv:11: wte: "));
  g_assert_true (g_str_has_prefix (lines[99], "staff.csv:1001: wte: "));
  g_assert_true (g_str_has_prefix (lines[100], "… and "));
  g_assert_true (g_str_has_suffix (lines[100], " more problems"));
  g_assert_cmpuint (count_lines (error->message), ==, 101);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (good_cases); i++)
    g_test_add_data_func (good_cases[i].path, &good_cases[i], test_good);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    g_test_add_data_func (bad_cases[i].path, &bad_cases[i], test_bad);

  g_test_add_func ("/import/round-trip", test_round_trip);
  g_test_add_func ("/import/claimable", test_claimable_values);
  g_test_add_func ("/import/formula-name-verbatim", test_formula_name_verbatim);
  g_test_add_func ("/import/no-practice-list", test_no_practice_list);
  g_test_add_func ("/import/columns", test_columns);
  g_test_add_func ("/import/big-file", test_big_file);
  g_test_add_func ("/import/big-file-capped", test_big_file_capped);

  return g_test_run ();
}
