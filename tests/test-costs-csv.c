/* test-costs-csv.c — reading payroll cost CSV files: good files in their
 * usual shapes, and every kind of bad input reported as FILE:LINE: what.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pcn-core.h"

static GPtrArray *
parse_ok (const char *data,
          gssize      length)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows = pcn_costs_csv_parse ("costs.csv", data,
                                         length < 0 ? strlen (data) : (gsize) length, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

static void
test_good (void)
{
  /* BOM, CRLF, quoted pounds with a sign and thousands, column order free,
   * blank lines skipped, name used when payroll_id is empty. */
  const char data[] =
    "\xEF\xBB\xBFpayroll_id,Name,amount,month\r\n"
    "A1,Ann Smith,\"£1,234.50\",2026-05\r\n"
    "\r\n"
    ",Bob Jones,987.6,2026-06\r\n"
    "   \n"
    "C3,,0,2027-03\r\n";
  g_autoptr(GPtrArray) rows = parse_ok (data, -1);
  PcnCostRow *row;

  g_assert_cmpuint (rows->len, ==, 3);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->payroll_id, ==, "A1");
  g_assert_cmpstr (row->name, ==, "Ann Smith");
  g_assert_cmpint (row->year, ==, 2026);
  g_assert_cmpint (row->month, ==, 5);
  g_assert_cmpint (row->pence, ==, 123450);
  row = g_ptr_array_index (rows, 1);
  g_assert_cmpuint (row->line, ==, 4);
  g_assert_null (row->payroll_id);
  g_assert_cmpstr (row->name, ==, "Bob Jones");
  g_assert_cmpint (row->pence, ==, 98760);
  row = g_ptr_array_index (rows, 2);
  g_assert_cmpuint (row->line, ==, 6);
  g_assert_null (row->name);
  g_assert_cmpint (row->year, ==, 2027);
  g_assert_cmpint (row->month, ==, 3);
  g_assert_cmpint (row->pence, ==, 0);
}

static void
test_header_only (void)
{
  g_autoptr(GPtrArray) rows = parse_ok ("month,amount,name\n", -1);

  g_assert_cmpuint (rows->len, ==, 0);
}

typedef struct
{
  const char *name;
  const char *data;
  gssize      length;      /* -1: strlen */
  const char *expected;    /* a line the message must contain */
  const char *also;        /* another, or NULL */
} BadCase;

static const BadCase bad_cases[] = {
  { "unknown-column", "month,amount,name,grade\n2026-05,10,Ann\n", -1,
    "costs.csv:1: unknown column “grade”", NULL },
  { "missing-amount-column", "month,name\n2026-05,Ann\n", -1,
    "costs.csv:1: the required column “amount” is missing", NULL },
  { "no-person-column", "month,amount\n2026-05,10\n", -1,
    "costs.csv:1: the header needs a “payroll_id” or a “name” column", NULL },
  { "missing-amount", "month,amount,name\n2026-05,,Ann\n", -1,
    "costs.csv:2: amount: an amount in pounds is required", NULL },
  { "bad-month", "month,amount,name\n2026-13,10,Ann\n2026-05,10,Bob\n", -1,
    "costs.csv:2: month: ", NULL },
  { "negative-amount", "month,amount,name\n2026-05,10,Ann\n\n2026-06,-5.00,Ann\n", -1,
    "costs.csv:4: amount: ", NULL },
  { "bad-amount", "month,amount,name\n2026-05,12x,Ann\n", -1,
    "costs.csv:2: amount: ", NULL },
  { "no-person", "month,amount,payroll_id,name\n2026-05,10,,\n", -1,
    "costs.csv:2: a payroll_id or a name is required", NULL },
  { "non-utf8", "month,amount,name\n2026-05,10,Ann\n2026-05,10,Jos\xe9\n", -1,
    "costs.csv:3: the file is not UTF-8 text", NULL },
  { "nul-byte", "month,amount,name\n2026-05,10,A\0nn\n", 31,
    "costs.csv:2: the file is not UTF-8 text", NULL },
  { "field-count", "month,amount,name\n2026-05,10\n", -1,
    "costs.csv:2: 2 fields where the header has 3", NULL },
  { "empty", "", -1, "costs.csv:1: the file is empty", NULL },
  { "every-problem", "month,amount,name\r\n2026-00,10,Ann\r\n2026-05,-1,Bob\r\n", -1,
    "costs.csv:2: month: ", "costs.csv:3: amount: " },
  { "open-quote", "month,amount,name\n2026-05,10,\"Ann\n", -1,
    "costs.csv:2: a quoted field that starts here is never closed", NULL },
};

static void
test_bad (gconstpointer data)
{
  const BadCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gsize length = c->length < 0 ? strlen (c->data) : (gsize) c->length;

  rows = pcn_costs_csv_parse ("costs.csv", c->data, length, &error);
  g_assert_null (rows);
  g_assert_nonnull (error);
  g_assert_true (error->domain == PCN_CORE_ERROR);
  g_test_message ("%s: %s", c->name, error->message);
  if (strstr (error->message, c->expected) == NULL)
    g_error ("“%s” not in “%s”", c->expected, error->message);
  if (c->also != NULL && strstr (error->message, c->also) == NULL)
    g_error ("“%s” not in “%s”", c->also, error->message);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/costs-csv/good", test_good);
  g_test_add_func ("/costs-csv/header-only", test_header_only);
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/costs-csv/bad/%s", bad_cases[i].name);

      g_test_add_data_func (path, &bad_cases[i], test_bad);
    }
  return g_test_run ();
}
