/* pcn-costs-csv.c — reading payroll cost CSV files
 *
 * Records are found as in pcn-staff-csv.c: the bytes are fed to libcsv one
 * physical line at a time, with only '\n' ending a record (a '\r' before it
 * is trailing space), so every problem gets the line its record starts on
 * even when quoted fields hold line breaks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "pcn-core-error.h"
#include "pcn-costs-csv.h"
#include "pcn-values.h"

#define MAX_PROBLEMS 100
#define PARSER_OPTIONS (CSV_STRICT | CSV_STRICT_FINI)

typedef enum
{
  COL_MONTH,
  COL_AMOUNT,
  COL_PAYROLL_ID,
  COL_NAME,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS + 1] = {
  "month",
  "amount",
  "payroll_id",
  "name",
  NULL
};

typedef struct
{
  const char  *display_name;

  guint        line;
  guint        record_line;
  gboolean     in_record;
  gboolean     record_ended;
  GPtrArray   *fields;

  gboolean     have_header;
  gboolean     header_usable;
  guint        n_header_fields;
  int          column_of[N_COLUMNS];

  GPtrArray   *rows;
  GString     *problems;
  guint        n_problems;
  int          first_code;
} Import;

void
pcn_cost_row_free (PcnCostRow *row)
{
  if (row == NULL)
    return;
  g_free (row->payroll_id);
  g_free (row->name);
  g_free (row);
}

G_GNUC_PRINTF (4, 5)
static void
add_problem (Import     *import,
             guint       line,
             int         code,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (import->n_problems++ == 0)
    import->first_code = code;
  if (import->n_problems > MAX_PROBLEMS)
    return;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (import->problems->len > 0)
    g_string_append_c (import->problems, '\n');
  g_string_append_printf (import->problems, "%s:%u: %s", import->display_name, line, what);
}

static const char *
get_field (Import    *import,
           GPtrArray *fields,
           Column     column)
{
  int i = import->column_of[column];

  if (i < 0 || (guint) i >= fields->len)
    return NULL;
  return g_ptr_array_index (fields, i);
}

static void
process_header (Import    *import,
                GPtrArray *fields)
{
  guint line = import->record_line;

  import->have_header = TRUE;
  import->n_header_fields = fields->len;
  import->header_usable = TRUE;

  for (guint i = 0; i < fields->len; i++)
    {
      const char *text = g_ptr_array_index (fields, i);
      g_autofree char *key = g_ascii_strdown (text ? text : "", -1);
      Column column;

      for (column = 0; column < N_COLUMNS; column++)
        if (g_str_equal (key, column_names[column]))
          break;

      if (column == N_COLUMNS)
        {
          g_autofree char *known = g_strjoinv (", ", (char **) column_names);

          if (*key == '\0')
            add_problem (import, line, PCN_CORE_ERROR_PARSE,
                         _("column %u of the header has no name (the columns are: %s)"),
                         i + 1, known);
          else
            add_problem (import, line, PCN_CORE_ERROR_PARSE,
                         _("unknown column “%s” (the columns are: %s)"), text, known);
          import->header_usable = FALSE;
          continue;
        }

      if (import->column_of[column] >= 0)
        {
          add_problem (import, line, PCN_CORE_ERROR_PARSE,
                       _("the column “%s” appears twice in the header"),
                       column_names[column]);
          import->header_usable = FALSE;
          continue;
        }

      import->column_of[column] = (int) i;
    }

  for (Column column = COL_MONTH; column <= COL_AMOUNT; column++)
    if (import->column_of[column] < 0)
      {
        add_problem (import, line, PCN_CORE_ERROR_PARSE,
                     _("the required column “%s” is missing from the header"),
                     column_names[column]);
        import->header_usable = FALSE;
      }
  if (import->column_of[COL_PAYROLL_ID] < 0 && import->column_of[COL_NAME] < 0)
    {
      add_problem (import, line, PCN_CORE_ERROR_PARSE,
                   _("the header needs a “payroll_id” or a “name” column to say whose "
                     "cost each row is"));
      import->header_usable = FALSE;
    }
}

static void
process_row (Import    *import,
             GPtrArray *fields)
{
  g_autoptr(PcnCostRow) row = NULL;
  g_autoptr(GError) local_error = NULL;
  guint line = import->record_line;
  const char *text;

  if (fields->len != import->n_header_fields)
    {
      add_problem (import, line, PCN_CORE_ERROR_PARSE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u field where the header has %u",
                                "%u fields where the header has %u",
                                fields->len),
                   fields->len, import->n_header_fields);
      return;
    }

  row = g_new0 (PcnCostRow, 1);
  row->line = line;

  text = get_field (import, fields, COL_MONTH);
  if (text == NULL)
    /* Translators: "FILE:LINE: " comes before this */
    add_problem (import, line, PCN_CORE_ERROR_REQUIRED, _("month: a month (YYYY-MM) is required"));
  else if (!pcn_month_parse (text, &row->year, &row->month, &local_error))
    {
      add_problem (import, line, PCN_CORE_ERROR_INVALID, "month: %s", local_error->message);
      g_clear_error (&local_error);
    }

  text = get_field (import, fields, COL_AMOUNT);
  if (text == NULL)
    add_problem (import, line, PCN_CORE_ERROR_REQUIRED,
                 _("amount: an amount in pounds is required"));
  else if (!pcn_money_parse (text, &row->pence, &local_error))
    {
      add_problem (import, line, PCN_CORE_ERROR_INVALID, "amount: %s", local_error->message);
      g_clear_error (&local_error);
    }

  row->payroll_id = g_strdup (get_field (import, fields, COL_PAYROLL_ID));
  row->name = g_strdup (get_field (import, fields, COL_NAME));
  if (row->payroll_id == NULL && row->name == NULL)
    add_problem (import, line, PCN_CORE_ERROR_REQUIRED,
                 _("a payroll_id or a name is required to say whose cost this is"));

  if (import->n_problems == 0)
    g_ptr_array_add (import->rows, g_steal_pointer (&row));
}

static void
on_field_cb (void   *data,
             size_t  length,
             void   *user_data)
{
  Import *import = user_data;
  char *text;

  text = length > 0 ? g_strndup (data, length) : g_strdup ("");
  g_strstrip (text);
  if (*text == '\0')
    g_clear_pointer (&text, g_free);
  g_ptr_array_add (import->fields, text);
}

static void
on_record_cb (int   terminator,
              void *user_data)
{
  Import *import = user_data;

  import->record_ended = TRUE;

  if (!import->have_header)
    process_header (import, import->fields);
  else if (import->header_usable)
    process_row (import, import->fields);

  g_ptr_array_set_size (import->fields, 0);
}

static int
is_space (unsigned char c)
{
  return c == ' ' || c == '\t' || c == '\r';
}

static int
is_term (unsigned char c)
{
  return c == '\n';
}

static void
init_parser (struct csv_parser *parser)
{
  /* Only fails when the options are invalid. */
  if (csv_init (parser, PARSER_OPTIONS) != 0)
    g_assert_not_reached ();
  csv_set_space_func (parser, is_space);
  csv_set_term_func (parser, is_term);
}

static gboolean
line_is_blank (const char *line,
               gsize       length)
{
  for (gsize i = 0; i < length; i++)
    if (!is_space ((guchar) line[i]) && line[i] != '\n')
      return FALSE;
  return TRUE;
}

static guint
count_lines (const char *data,
             const char *end)
{
  guint lines = 1;

  for (const char *p = data; p < end; p++)
    if (*p == '\n')
      lines++;
  return lines;
}

static void
parse_records (Import     *import,
               const char *data,
               gsize       length)
{
  struct csv_parser parser;
  const char *p = data;
  const char *end = data + length;

  init_parser (&parser);

  for (import->line = 1; p < end; import->line++)
    {
      const char *nl = memchr (p, '\n', end - p);
      gsize chunk = nl ? (gsize) (nl - p) + 1 : (gsize) (end - p);
      size_t parsed;

      if (!import->in_record)
        import->record_line = import->line;
      import->record_ended = FALSE;

      parsed = csv_parse (&parser, p, chunk, on_field_cb, on_record_cb, import);
      if (parsed != chunk)
        {
          int status = csv_error (&parser);

          if (status == CSV_EPARSE)
            add_problem (import, import->line, PCN_CORE_ERROR_PARSE,
                         _("a double quote is out of place: a field with quotes, commas or "
                           "line breaks must be wrapped in double quotes, and a quote inside "
                           "it doubled (\"\")"));
          else
            {
              add_problem (import, import->line, PCN_CORE_ERROR_PARSE,
                           _("the file could not be read: %s"), csv_strerror (status));
              csv_free (&parser);
              return;
            }

          csv_free (&parser);
          init_parser (&parser);
          g_ptr_array_set_size (import->fields, 0);
          import->in_record = FALSE;
          if (!import->have_header)
            {
              import->have_header = TRUE;
              import->header_usable = FALSE;
            }
        }
      else if (import->record_ended)
        import->in_record = FALSE;
      else if (!import->in_record && !line_is_blank (p, chunk))
        import->in_record = TRUE;

      p += chunk;
    }

  if (csv_fini (&parser, on_field_cb, on_record_cb, import) != 0)
    add_problem (import, import->record_line, PCN_CORE_ERROR_PARSE,
                 _("a quoted field that starts here is never closed"));
  csv_free (&parser);
}

GPtrArray *
pcn_costs_csv_parse (const char  *display_name,
                     const char  *data,
                     gsize        length,
                     GError     **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GString) problems = NULL;
  const char *bad;
  Import import = { 0 };

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (data == NULL)
    data = "";

  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  /* With an explicit length a NUL byte is invalid too. */
  if (!g_utf8_validate_len (data, length, &bad))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE,
                   _("%s:%u: the file is not UTF-8 text (save it from your spreadsheet as "
                     "“CSV UTF-8”)"),
                   display_name, count_lines (data, bad));
      return NULL;
    }

  fields = g_ptr_array_new_with_free_func (g_free);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_cost_row_free);
  problems = g_string_new (NULL);

  import.display_name = display_name;
  import.fields = fields;
  import.rows = rows;
  import.problems = problems;
  for (Column column = 0; column < N_COLUMNS; column++)
    import.column_of[column] = -1;

  parse_records (&import, data, length);

  if (!import.have_header && import.n_problems == 0)
    add_problem (&import, 1, PCN_CORE_ERROR_PARSE,
                 _("the file is empty: it needs a header row naming the columns"));

  if (import.n_problems > 0)
    {
      if (import.n_problems > MAX_PROBLEMS)
        {
          guint more = import.n_problems - MAX_PROBLEMS;

          g_string_append_c (problems, '\n');
          g_string_append_printf (problems,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "… and %u more problem",
                                               "… and %u more problems",
                                               more),
                                  more);
        }
      g_set_error_literal (error, PCN_CORE_ERROR, import.first_code, problems->str);
      return NULL;
    }

  return g_steal_pointer (&rows);
}
