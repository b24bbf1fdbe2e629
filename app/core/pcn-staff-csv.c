/* pcn-staff-csv.c — reading the staff CSV of CLI.md
 *
 * The bytes are split into physical lines and fed to libcsv one line at a
 * time. libcsv is told that only '\n' ends a record (a '\r' before it counts
 * as trailing space), so every record ends at the end of a line we fed and
 * the line a record starts on is simply the first non-blank line fed after
 * the previous record ended. That is how each problem gets its "FILE:LINE"
 * even when quoted fields hold line breaks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <csv.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "pcn-core-error.h"
#include "pcn-reference.h"
#include "pcn-staff-csv.h"
#include "pcn-values.h"

#define MAX_PROBLEMS 100
#define PARSER_OPTIONS (CSV_STRICT | CSV_STRICT_FINI)

typedef enum
{
  COL_NAME,
  COL_PAYROLL_ID,
  COL_ROLE,
  COL_START_DATE,
  COL_END_DATE,
  COL_LEAVING_REASON,
  COL_WTE,
  COL_BAND,
  COL_ANNUAL_SALARY,
  COL_EMPLOYER,
  COL_PRACTICES,
  COL_CLAIMABLE,
  N_COLUMNS
} Column;

static const char * const column_names[N_COLUMNS + 1] = {
  "name",
  "payroll_id",
  "role",
  "start_date",
  "end_date",
  "leaving_reason",
  "wte",
  "band",
  "annual_salary",
  "employer",
  "practices",
  "claimable",
  NULL
};

static const gboolean column_required[N_COLUMNS] = {
  [COL_NAME] = TRUE,
  [COL_ROLE] = TRUE,
  [COL_START_DATE] = TRUE,
  [COL_WTE] = TRUE,
};

typedef struct
{
  const char  *display_name;
  GPtrArray   *roles;
  GPtrArray   *practice_names;

  /* Where the parser is. */
  guint        line;            /* physical line being fed, from 1 */
  guint        record_line;     /* line the current record started on */
  gboolean     in_record;       /* a record continues onto the next line */
  gboolean     record_ended;    /* a record ended in the line just fed */
  GPtrArray   *fields;          /* (element-type utf8) of the current record */

  /* The header. */
  gboolean     have_header;
  gboolean     header_usable;
  guint        n_header_fields;
  int          column_of[N_COLUMNS];  /* field index of each column, or -1 */

  /* What we found. */
  GPtrArray   *staff;
  GArray      *lines;
  GHashTable  *payroll_lines;   /* payroll_id → GUINT_TO_POINTER (line) */
  GHashTable  *role_cache;      /* folded text → PcnRole (or absent) */
  GString     *problems;
  guint        n_problems;
  int          first_code;
} Import;

void
pcn_staff_csv_free (PcnStaffCsv *csv)
{
  if (csv == NULL)
    return;
  g_clear_pointer (&csv->staff, g_ptr_array_unref);
  g_clear_pointer (&csv->lines, g_array_unref);
  g_free (csv);
}

const char * const *
pcn_staff_csv_columns (void)
{
  return column_names;
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

/* A problem with one column's value; @message says what, not where. */
static void
add_field_problem (Import     *import,
                   guint       line,
                   Column      column,
                   const char *message)
{
  /* Translators: "FILE:LINE: " comes before this; %s is a CSV column name
   * such as start_date, then the reason */
  add_problem (import, line, PCN_CORE_ERROR_INVALID, _("%s: %s"),
               column_names[column], message);
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
          continue;
        }

      if (import->column_of[column] >= 0)
        {
          add_problem (import, line, PCN_CORE_ERROR_PARSE,
                       _("the column “%s” appears twice in the header"),
                       column_names[column]);
          continue;
        }

      import->column_of[column] = (int) i;
    }

  for (Column column = 0; column < N_COLUMNS; column++)
    {
      if (column_required[column] && import->column_of[column] < 0)
        {
          add_problem (import, line, PCN_CORE_ERROR_PARSE,
                       _("the required column “%s” is missing from the header"),
                       column_names[column]);
          import->header_usable = FALSE;
        }
    }
}

static PcnRole *
find_role (Import     *import,
           const char *text)
{
  g_autofree char *key = g_utf8_casefold (text, -1);
  PcnRole *role;

  if (g_hash_table_lookup_extended (import->role_cache, key, NULL, (gpointer *) &role))
    return role;

  role = pcn_roles_find (import->roles, text);
  g_hash_table_insert (import->role_cache, g_steal_pointer (&key), role);
  return role;
}

static gboolean
parse_claimable (const char *text,
                 gboolean   *out_claimable)
{
  static const char * const yes[] = { "yes", "y", "true", "1", NULL };
  static const char * const no[] = { "no", "n", "false", "0", NULL };

  if (text == NULL)
    {
      *out_claimable = TRUE;
      return TRUE;
    }
  for (guint i = 0; yes[i]; i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *out_claimable = TRUE;
        return TRUE;
      }
  for (guint i = 0; no[i]; i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      {
        *out_claimable = FALSE;
        return TRUE;
      }
  return FALSE;
}

/* Returns the practice's name as the PCN spells it, or NULL. */
static const char *
find_practice (Import     *import,
               const char *name)
{
  for (guint i = 0; i < import->practice_names->len; i++)
    {
      const char *known = g_ptr_array_index (import->practice_names, i);

      if (g_strcmp0 (known, name) == 0)
        return known;
    }
  for (guint i = 0; i < import->practice_names->len; i++)
    {
      const char *known = g_ptr_array_index (import->practice_names, i);
      g_autofree char *a = g_utf8_casefold (known, -1);
      g_autofree char *b = g_utf8_casefold (name, -1);

      if (g_str_equal (a, b))
        return known;
    }
  return NULL;
}

static gboolean
parse_date_field (Import     *import,
                  guint       line,
                  Column      column,
                  const char *text,
                  GDate      *out_date)
{
  g_autoptr(GError) local_error = NULL;

  if (pcn_date_parse (text, out_date, &local_error))
    return TRUE;
  add_field_problem (import, line, column, local_error->message);
  return FALSE;
}

static void
process_row (Import    *import,
             GPtrArray *fields)
{
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(GError) local_error = NULL;
  guint line = import->record_line;
  guint problems_before = import->n_problems;
  const char *text;
  const char *field = NULL;
  GDate start, end;
  gboolean have_start = FALSE, have_end = FALSE;

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

  staff = pcn_staff_new ();

  /* name: kept verbatim (a formula-looking name is text; exporters write
   * it as text). */
  text = get_field (import, fields, COL_NAME);
  if (text == NULL)
    add_field_problem (import, line, COL_NAME, _("a name is required"));
  else
    pcn_staff_set_name (staff, text);

  text = get_field (import, fields, COL_PAYROLL_ID);
  if (text != NULL)
    {
      gpointer other;

      pcn_staff_set_payroll_id (staff, text);
      if (g_hash_table_lookup_extended (import->payroll_lines, text, NULL, &other))
        add_problem (import, line, PCN_CORE_ERROR_DUPLICATE,
                     _("payroll_id “%s” is used on line %u too: payroll IDs must be unique"),
                     text, GPOINTER_TO_UINT (other));
      else
        g_hash_table_insert (import->payroll_lines, g_strdup (text), GUINT_TO_POINTER (line));
    }

  text = get_field (import, fields, COL_ROLE);
  if (text == NULL)
    add_field_problem (import, line, COL_ROLE, _("a role is required"));
  else
    {
      PcnRole *role = find_role (import, text);

      if (role == NULL)
        add_problem (import, line, PCN_CORE_ERROR_UNKNOWN, _("unknown role “%s”"), text);
      else
        pcn_staff_set_role_code (staff, pcn_role_get_code (role));
    }

  text = get_field (import, fields, COL_START_DATE);
  if (text == NULL)
    add_field_problem (import, line, COL_START_DATE, _("a start date is required"));
  else if (parse_date_field (import, line, COL_START_DATE, text, &start))
    {
      g_autofree char *iso = pcn_date_to_iso (&start);

      have_start = TRUE;
      pcn_staff_set_start_date (staff, iso);
    }

  text = get_field (import, fields, COL_END_DATE);
  if (text != NULL && parse_date_field (import, line, COL_END_DATE, text, &end))
    {
      g_autofree char *iso = pcn_date_to_iso (&end);

      have_end = TRUE;
      pcn_staff_set_end_date (staff, iso);
    }
  if (have_start && have_end && g_date_compare (&end, &start) < 0)
    {
      g_autofree char *end_iso = pcn_date_to_iso (&end);
      g_autofree char *start_iso = pcn_date_to_iso (&start);
      g_autofree char *message =
        g_strdup_printf (_("the end date %s is before the start date %s"), end_iso, start_iso);

      add_field_problem (import, line, COL_END_DATE, message);
    }

  text = get_field (import, fields, COL_LEAVING_REASON);
  if (text != NULL)
    {
      if (get_field (import, fields, COL_END_DATE) == NULL)
        add_field_problem (import, line, COL_LEAVING_REASON,
                           _("a leaving reason is only given with an end date"));
      pcn_staff_set_leaving_reason (staff, text);
    }

  text = get_field (import, fields, COL_WTE);
  {
    int wte;

    if (pcn_wte_parse (text, &wte, &local_error))
      pcn_staff_set_wte (staff, wte);
    else
      {
        add_field_problem (import, line, COL_WTE, local_error->message);
        g_clear_error (&local_error);
      }
  }

  pcn_staff_set_band (staff, get_field (import, fields, COL_BAND));

  text = get_field (import, fields, COL_ANNUAL_SALARY);
  if (text != NULL)
    {
      gint64 pence;

      if (pcn_money_parse (text, &pence, &local_error))
        pcn_staff_set_annual_salary (staff, pence);
      else
        {
          add_field_problem (import, line, COL_ANNUAL_SALARY, local_error->message);
          g_clear_error (&local_error);
        }
    }

  pcn_staff_set_employer (staff, get_field (import, fields, COL_EMPLOYER));

  text = get_field (import, fields, COL_PRACTICES);
  if (text != NULL)
    {
      g_autoptr(GPtrArray) sessions = pcn_sessions_parse (text, &local_error);

      if (sessions == NULL)
        {
          add_field_problem (import, line, COL_PRACTICES, local_error->message);
          g_clear_error (&local_error);
        }
      else
        {
          gboolean all_known = TRUE;

          for (guint i = 0; import->practice_names != NULL && i < sessions->len; i++)
            {
              PcnSession *session = g_ptr_array_index (sessions, i);
              const char *known = find_practice (import, session->practice);

              if (known == NULL)
                {
                  g_autofree char *message =
                    g_strdup_printf (_("“%s” is not a member practice of this PCN"),
                                     session->practice);

                  add_field_problem (import, line, COL_PRACTICES, message);
                  all_known = FALSE;
                }
              else if (!g_str_equal (known, session->practice))
                {
                  g_free (session->practice);
                  session->practice = g_strdup (known);
                }
            }
          if (all_known)
            pcn_staff_set_sessions (staff, sessions);
        }
    }

  text = get_field (import, fields, COL_CLAIMABLE);
  {
    gboolean claimable;

    if (parse_claimable (text, &claimable))
      pcn_staff_set_claimable (staff, claimable);
    else
      {
        g_autofree char *message =
          g_strdup_printf (_("“%s” is not yes or no"), text);

        add_field_problem (import, line, COL_CLAIMABLE, message);
      }
  }

  if (import->n_problems != problems_before)
    return;

  /* Whatever the column checks above do not cover (lengths, control
   * characters and so on). */
  if (!pcn_staff_validate (staff, import->roles, import->practice_names, &field, &local_error))
    {
      add_problem (import, line, PCN_CORE_ERROR_INVALID, "%s: %s",
                   field ? field : "?", local_error->message);
      return;
    }

  /* Once the file has a problem nothing is returned: stop keeping rows. */
  if (import->n_problems == 0)
    {
      g_ptr_array_add (import->staff, g_steal_pointer (&staff));
      g_array_append_val (import->lines, line);
    }
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

  /* Rows are only checked against a header that names every required
   * column: anything else would bury the real problem under noise. */
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

          /* Drop the record and carry on from the next line, so the rest of
           * the file is still checked. A broken header leaves nothing to
           * check rows against. */
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

PcnStaffCsv *
pcn_staff_csv_parse (const char  *display_name,
                     const char  *data,
                     gsize        length,
                     GPtrArray   *roles,
                     GPtrArray   *practice_names,
                     GError     **error)
{
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GHashTable) payroll_lines = NULL;
  g_autoptr(GHashTable) role_cache = NULL;
  g_autoptr(GString) problems = NULL;
  g_autoptr(PcnStaffCsv) csv = NULL;
  const char *bad;
  Import import = { 0 };

  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (roles != NULL, NULL);
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

  csv = g_new0 (PcnStaffCsv, 1);
  csv->staff = g_ptr_array_new_with_free_func (g_object_unref);
  csv->lines = g_array_new (FALSE, FALSE, sizeof (guint));

  fields = g_ptr_array_new_with_free_func (g_free);
  payroll_lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  role_cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  problems = g_string_new (NULL);

  import.display_name = display_name;
  import.roles = roles;
  import.practice_names = practice_names;
  import.fields = fields;
  import.staff = csv->staff;
  import.lines = csv->lines;
  import.payroll_lines = payroll_lines;
  import.role_cache = role_cache;
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

  return g_steal_pointer (&csv);
}
