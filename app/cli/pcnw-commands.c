/* pcnw-commands.c — the commands of `pcnw` (see CLI.md): the foundation,
 * the recruitment plan and the budget report
 *
 * Every command parses its own options with a GOptionContext. Option values
 * are taken as text and read with the core parsers, so a value that cannot
 * be read is a usage error (exit 2) whose message names the option; a value
 * that reads but breaks a rule (an unknown role, a PCN that already exists)
 * is refused with exit 1. Nothing is written until every value is read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pcn-core.h"
#include "pcn-demo.h"
#include "pcn-store.h"

#if defined(__has_include)
# if __has_include("pcn-export-staff.h")
#  include "pcn-export-staff.h"
#  define HAVE_EXPORT_STAFF 1
# endif
#endif

#include "pcnw-commands.h"
#include "pcnw-private.h"

G_DEFINE_QUARK (pcnw-error-quark, pcnw_error)

/* --------------------------------------------------------------- helpers */

static const char *get_exit_status_text (void);

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
usage_error (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (PCNW_ERROR, PCNW_ERROR_USAGE, format, args));
  va_end (args);
  return FALSE;
}

/* Prefixes a parser's message with the option it came from: a usage error. */
static gboolean
option_error (GError     **error,
              const char  *option,
              GError      *parse_error)
{
  return usage_error (error, "%s: %s", option, parse_error->message);
}

static gboolean
parse_options (GStrv         *args,
               const char    *parameter_string,
               const char    *summary,
               GOptionEntry  *entries,
               GError       **error)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) local_error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context, get_exit_status_text ());
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_set_prgname ((*args)[0]);

  if (!g_option_context_parse_strv (context, args, &local_error))
    {
      const char *command = (*args)[0];

      /* "pcnw practice add" → "practice add: Unknown option --x" */
      if (g_str_has_prefix (command, "pcnw "))
        command += strlen ("pcnw ");
      return usage_error (error, "%s: %s", command, local_error->message);
    }
  return TRUE;
}

static gboolean
require_option (const char  *value,
                const char  *option,
                GError     **error)
{
  if (value == NULL || *value == '\0')
    /* Translators: %s is an option such as --name */
    return usage_error (error, _("%s is required"), option);
  return TRUE;
}

/* Checks that no arguments are left after the options, except @n_wanted. */
static gboolean
check_arguments (GStrv        args,
                 guint        n_wanted,
                 const char  *what,
                 GError     **error)
{
  guint n = g_strv_length (args) - 1;

  if (n < n_wanted)
    /* Translators: %s is what is missing, e.g. FILE.csv */
    return usage_error (error, _("%s is required"), what);
  if (n > n_wanted)
    return usage_error (error, _("unexpected argument “%s”"), args[n_wanted + 1]);
  return TRUE;
}

static gboolean
parse_count_option (const char  *option,
                    const char  *text,
                    gint64       max,
                    gint64      *out_value,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!pcn_count_parse (text, max, out_value, &local_error))
    return option_error (error, option, local_error);
  return TRUE;
}

static char *
format_count (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value);
  GString *s = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && digits[i - 1] != '-' && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

/* TSV has no quoting: tabs and line breaks inside a value become spaces. */
static char *
tsv_field (const char *text)
{
  char *out = g_strdup (text ? text : "");

  for (char *p = out; *p; p++)
    if (*p == '\t' || *p == '\n' || *p == '\r')
      *p = ' ';
  return out;
}

static PcnStore *
open_store (PcnwContext  *context,
            GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  PcnStore *store = pcn_store_open (context->db_path, &local_error);

  if (store == NULL)
    {
      if (strstr (local_error->message, context->db_path) != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, local_error->domain, local_error->code,
                     "%s: %s", context->db_path, local_error->message);
      return NULL;
    }
  return store;
}

static PcnNetwork *
require_network (PcnStore  *store,
                 GError   **error)
{
  g_autoptr(GError) local_error = NULL;
  PcnNetwork *network = pcn_store_get_network (store, &local_error);

  if (network == NULL && local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (network == NULL)
    g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                 _("%s holds no PCN yet: create it with “pcnw init” or try “pcnw demo”"),
                 pcn_store_get_path (store));
  return network;
}

/* A validation failure from core, naming the option the field came from. */
static gboolean
field_error (GError     **error,
             const char  *field,
             GError      *validate_error)
{
  g_autofree char *option = NULL;

  if (field == NULL)
    {
      g_set_error_literal (error, PCNW_ERROR, PCNW_ERROR_REFUSED, validate_error->message);
      return FALSE;
    }
  option = g_strdup_printf ("--%s", field);
  g_strdelimit (option + 2, "_", '-');
  g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED, "%s: %s", option, validate_error->message);
  return FALSE;
}

static GPtrArray *
list_practice_names (PcnStore  *store,
                     GError   **error)
{
  g_autoptr(GPtrArray) practices = pcn_store_list_practices (store, error);
  GPtrArray *names;

  if (practices == NULL)
    return NULL;
  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < practices->len; i++)
    g_ptr_array_add (names, g_strdup (pcn_practice_get_name (g_ptr_array_index (practices, i))));
  return names;
}

/* ------------------------------------------------------------------ init */

static gboolean
cmd_init (PcnwContext  *context,
          GStrv        *args,
          GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *list_size_text = NULL;
  g_autofree char *weighted_text = NULL;
  g_autofree char *ods = NULL;
  g_autofree char *area_text = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The PCN’s name"), N_("NAME") },
    { "list-size", 0, 0, G_OPTION_ARG_STRING, &list_size_text,
      N_("Registered patients across the member practices"), "N" },
    { "weighted-list-size", 0, 0, G_OPTION_ARG_STRING, &weighted_text,
      N_("Weighted (contractor) population, which sets the ARRS sum"), "N" },
    { "ods", 0, 0, G_OPTION_ARG_STRING, &ods, N_("The PCN’s ODS code, e.g. U12345"), N_("CODE") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area_text,
      N_("London weighting: national (default), outer-london or inner-london"), N_("AREA") },
    { NULL }
  };
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(PcnNetwork) existing = NULL;
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *field = NULL;
  gint64 list_size = 0, weighted = 0;
  PcnArea area = PCN_AREA_NATIONAL;

  if (!parse_options (args, NULL, _("Create the PCN in an empty database."), entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !require_option (name, "--name", error) ||
      !require_option (list_size_text, "--list-size", error) ||
      !parse_count_option ("--list-size", list_size_text, G_MAXINT32, &list_size, error))
    return FALSE;
  if (weighted_text != NULL &&
      !parse_count_option ("--weighted-list-size", weighted_text, G_MAXINT32, &weighted, error))
    return FALSE;
  if (area_text != NULL && !pcn_area_parse (area_text, &area, &local_error))
    return option_error (error, "--area", local_error);
  if (ods != NULL)
    {
      g_autofree char *code = NULL;

      if (!pcn_ods_code_normalize (ods, &code, &local_error))
        return option_error (error, "--ods", local_error);
      pcn_network_set_ods_code (network, code);
    }

  pcn_network_set_name (network, name);
  pcn_network_set_list_size (network, list_size);
  pcn_network_set_weighted_list_size (network, weighted);
  pcn_network_set_area (network, area);
  if (!pcn_network_validate (network, &field, &local_error))
    return field_error (error, g_strcmp0 (field, "ods") == 0 ? "ods" : field, local_error);

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  existing = pcn_store_get_network (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                   _("%s already holds the PCN “%s”; nothing was changed"),
                   context->db_path, pcn_network_get_name (existing));
      return FALSE;
    }

  practices = g_ptr_array_new_with_free_func (g_object_unref);
  if (!pcn_store_create_network (store, network, practices, error))
    return FALSE;

  g_print (_("Created the PCN “%s” in %s\n"), pcn_network_get_name (network), context->db_path);
  return TRUE;
}

/* ------------------------------------------------------------------ info */

static gboolean
cmd_info (PcnwContext  *context,
          GStrv        *args,
          GError      **error)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(GArray) years = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autofree char *list_size = NULL;
  g_autofree char *as_at = pcn_date_to_iso (&context->as_at);
  guint counts[3] = { 0, 0, 0 };

  if (!parse_options (args, NULL, _("Show the PCN, its practices, years and staff counts."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error))
    return FALSE;

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  practices = pcn_store_list_practices (store, error);
  if (practices == NULL)
    return FALSE;
  years = pcn_store_list_years (store, error);
  if (years == NULL)
    return FALSE;
  staff = pcn_store_list_staff (store, error);
  if (staff == NULL)
    return FALSE;

  g_print (_("PCN: %s\n"), pcn_network_get_name (network));
  g_print (_("ODS code: %s\n"), pcn_network_get_ods_code (network)
                                ? pcn_network_get_ods_code (network) : _("not given"));
  g_print (_("Area: %s\n"), pcn_area_get_label (pcn_network_get_area (network)));
  list_size = format_count (pcn_network_get_list_size (network));
  g_print (_("List size: %s\n"), list_size);
  if (pcn_network_get_weighted_list_size (network) > 0)
    {
      g_autofree char *weighted = format_count (pcn_network_get_weighted_list_size (network));

      g_print (_("Weighted list size: %s\n"), weighted);
    }
  else
    g_print (_("Weighted list size: not given\n"));
  g_print (_("Database: %s\n"), pcn_store_get_path (store));
  g_print (_("Reference data version: %d\n"), pcn_store_get_reference_version (store));

  g_print ("\n");
  g_print (_("Practices: %u\n"), practices->len);
  for (guint i = 0; i < practices->len; i++)
    {
      PcnPractice *practice = g_ptr_array_index (practices, i);
      g_autofree char *size = pcn_practice_get_list_size (practice) > 0
                              ? format_count (pcn_practice_get_list_size (practice))
                              : g_strdup ("—");

      g_print ("  %s\t%s\t%s\n", pcn_practice_get_name (practice),
               pcn_practice_get_ods_code (practice) ? pcn_practice_get_ods_code (practice) : "—",
               size);
    }

  g_print ("\n");
  g_print (_("ARRS allocations:\n"));
  if (years->len == 0)
    g_print (_("  none entered (use “pcnw year set”)\n"));
  for (guint i = 0; i < years->len; i++)
    {
      PcnYearAllocation *y = &g_array_index (years, PcnYearAllocation, i);
      g_autofree char *fy = pcn_financial_year_name (y->year);
      g_autofree char *money = y->allocation >= 0 ? pcn_money_format (y->allocation)
                                                  : g_strdup (_("not entered"));

      g_print ("  %s\t%s\n", fy, money);
    }

  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaffStatus status = pcn_staff_get_status (g_ptr_array_index (staff, i), &context->as_at);

      if ((guint) status < G_N_ELEMENTS (counts))
        counts[status]++;
    }
  g_print ("\n");
  g_print (_("Staff as at %s:\n"), as_at);
  g_print (_("  In post: %u\n"), counts[PCN_STAFF_STATUS_IN_POST]);
  g_print (_("  Starting: %u\n"), counts[PCN_STAFF_STATUS_STARTING]);
  g_print (_("  Left: %u\n"), counts[PCN_STAFF_STATUS_LEFT]);
  g_print (_("  Total: %u\n"), staff->len);
  return TRUE;
}

/* ------------------------------------------------------------- practices */

static gboolean
cmd_practice_add (PcnwContext  *context,
                  GStrv        *args,
                  GError      **error)
{
  g_autofree char *name = NULL;
  g_autofree char *ods = NULL;
  g_autofree char *list_size_text = NULL;
  GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The practice’s name"), N_("NAME") },
    { "ods", 0, 0, G_OPTION_ARG_STRING, &ods, N_("The practice’s ODS code"), N_("CODE") },
    { "list-size", 0, 0, G_OPTION_ARG_STRING, &list_size_text,
      N_("Registered patients"), "N" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnPractice) practice = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *field = NULL;
  gint64 list_size = 0;

  if (!parse_options (args, NULL, _("Add a member practice."), entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !require_option (name, "--name", error))
    return FALSE;
  if (list_size_text != NULL &&
      !parse_count_option ("--list-size", list_size_text, G_MAXINT32, &list_size, error))
    return FALSE;

  practice = pcn_practice_new (name);
  if (ods != NULL)
    {
      g_autofree char *code = NULL;

      if (!pcn_ods_code_normalize (ods, &code, &local_error))
        return option_error (error, "--ods", local_error);
      pcn_practice_set_ods_code (practice, code);
    }
  pcn_practice_set_list_size (practice, list_size);
  if (!pcn_practice_validate (practice, &field, &local_error))
    return field_error (error, field, local_error);

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  if (!pcn_store_add_practice (store, practice, error))
    return FALSE;

  g_print (_("Added the practice “%s” to %s\n"), pcn_practice_get_name (practice),
           pcn_network_get_name (network));
  return TRUE;
}

static gboolean
cmd_practice_list (PcnwContext  *context,
                   GStrv        *args,
                   GError      **error)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) practices = NULL;

  if (!parse_options (args, NULL, _("List the member practices (tab-separated)."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error))
    return FALSE;

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  practices = pcn_store_list_practices (store, error);
  if (practices == NULL)
    return FALSE;

  g_print ("name\tods_code\tlist_size\n");
  for (guint i = 0; i < practices->len; i++)
    {
      PcnPractice *practice = g_ptr_array_index (practices, i);
      g_autofree char *name = tsv_field (pcn_practice_get_name (practice));
      g_autofree char *size = pcn_practice_get_list_size (practice) > 0
        ? g_strdup_printf ("%" G_GINT64_FORMAT, pcn_practice_get_list_size (practice))
        : g_strdup ("");

      g_print ("%s\t%s\t%s\n", name,
               pcn_practice_get_ods_code (practice) ? pcn_practice_get_ods_code (practice) : "",
               size);
    }
  return TRUE;
}

/* ------------------------------------------------------------------ year */

static gboolean
cmd_year_set (PcnwContext  *context,
              GStrv        *args,
              GError      **error)
{
  g_autofree char *year_text = NULL;
  g_autofree char *allocation_text = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The financial year by its first calendar year (2026 is 2026/27)"), "YYYY" },
    { "allocation", 0, 0, G_OPTION_ARG_STRING, &allocation_text,
      N_("The PCN’s ARRS sum for that year in pounds, e.g. 798930 or £798,930.00"),
      N_("POUNDS") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *fy = NULL;
  g_autofree char *money = NULL;
  int year = 0;
  gint64 pence = 0;

  if (!parse_options (args, NULL, _("Set the PCN’s ARRS allocation for a financial year."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !require_option (year_text, "--year", error) ||
      !require_option (allocation_text, "--allocation", error))
    return FALSE;
  if (!pcn_financial_year_parse (year_text, &year, &local_error))
    return option_error (error, "--year", local_error);
  if (!pcn_money_parse (allocation_text, &pence, &local_error))
    return option_error (error, "--allocation", local_error);

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  if (!pcn_store_set_allocation (store, year, pence, error))
    return FALSE;

  fy = pcn_financial_year_name (year);
  money = pcn_money_format (pence);
  /* Translators: "Set the ARRS allocation for 2026/27 to £798,930.00" */
  g_print (_("Set the ARRS allocation for %s to %s\n"), fy, money);
  return TRUE;
}

/* ----------------------------------------------------------------- rates */

static int
role_index (GPtrArray  *roles,
            const char *code)
{
  for (guint i = 0; i < roles->len; i++)
    if (g_strcmp0 (pcn_role_get_code (g_ptr_array_index (roles, i)), code) == 0)
      return (int) i;
  return G_MAXINT;
}

typedef struct
{
  GPtrArray *roles;
} RateSortData;

static int
compare_rates (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  PcnRate *ra = *(PcnRate **) a;
  PcnRate *rb = *(PcnRate **) b;
  RateSortData *data = user_data;
  int ia = role_index (data->roles, pcn_rate_get_role_code (ra));
  int ib = role_index (data->roles, pcn_rate_get_role_code (rb));
  int c;

  if (ia != ib)
    return ia < ib ? -1 : 1;
  if ((c = g_strcmp0 (pcn_rate_get_role_code (ra), pcn_rate_get_role_code (rb))) != 0)
    return c;
  if ((c = g_strcmp0 (pcn_rate_get_area (ra), pcn_rate_get_area (rb))) != 0)
    return c;
  if ((c = g_strcmp0 (pcn_rate_get_effective_from (ra), pcn_rate_get_effective_from (rb))) != 0)
    return c;
  return pcn_rate_get_user_entered (ra) - pcn_rate_get_user_entered (rb);
}

static gboolean
rate_area_serves (const char *rate_area,
                  PcnArea     area)
{
  switch (area)
    {
    case PCN_AREA_NATIONAL:
      return g_strcmp0 (rate_area, "national") == 0;
    case PCN_AREA_OUTER_LONDON:
    case PCN_AREA_INNER_LONDON:
      return g_strcmp0 (rate_area, pcn_area_to_string (area)) == 0 ||
             g_strcmp0 (rate_area, "london") == 0;
    default:
      return FALSE;
    }
}

static gboolean
cmd_rates_list (PcnwContext  *context,
                GStrv        *args,
                GError      **error)
{
  g_autofree char *year_text = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("Only the rates in force during this financial year, and the roles with none"),
      "YYYY" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(GError) local_error = NULL;
  RateSortData sort_data;
  PcnArea area = PCN_AREA_NATIONAL;
  int year = 0;

  if (!parse_options (args, NULL,
                      _("List the maximum reimbursable amounts (a year per WTE, pay plus "
                        "on-costs) with their effective dates, areas and sources."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error))
    return FALSE;
  if (year_text != NULL && !pcn_financial_year_parse (year_text, &year, &local_error))
    return option_error (error, "--year", local_error);

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = pcn_store_get_network (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (network != NULL)
    area = pcn_network_get_area (network);
  roles = pcn_store_list_roles (store, error);
  if (roles == NULL)
    return FALSE;
  rates = pcn_store_list_rates (store, year, error);
  if (rates == NULL)
    return FALSE;

  sort_data.roles = roles;
  g_ptr_array_sort_with_data (rates, compare_rates, &sort_data);

  if (year != 0)
    {
      g_autofree char *fy = pcn_financial_year_name (year);

      /* Translators: "Maximum reimbursable amounts in force during 2024/25" */
      g_print (_("Maximum reimbursable amounts in force during %s\n"), fy);
    }
  else
    g_print (_("Maximum reimbursable amounts\n"));
  g_print ("role\trole_name\tarea\tfrom\tto\tannual\tentered_by\tsource\n");
  for (guint i = 0; i < rates->len; i++)
    {
      PcnRate *rate = g_ptr_array_index (rates, i);
      PcnRole *role = pcn_roles_find (roles, pcn_rate_get_role_code (rate));
      g_autofree char *money = pcn_money_format (pcn_rate_get_annual (rate));
      g_autofree char *source = tsv_field (pcn_rate_get_source (rate));
      const char *role_name = pcn_rate_get_role_name (rate);

      if (role_name == NULL && role != NULL)
        role_name = pcn_role_get_name (role);
      g_print ("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
               pcn_rate_get_role_code (rate),
               role_name ? role_name : "",
               pcn_rate_get_area (rate),
               pcn_rate_get_effective_from (rate),
               pcn_rate_get_effective_to (rate) ? pcn_rate_get_effective_to (rate) : "",
               money,
               pcn_rate_get_user_entered (rate) ? "user" : "reference",
               source);
    }

  if (year != 0)
    {
      GDate first, last;
      g_autofree char *last_iso = NULL;
      g_autofree char *fy = pcn_financial_year_name (year);
      gboolean heading = FALSE;

      pcn_financial_year_bounds (year, &first, &last);
      last_iso = pcn_date_to_iso (&last);

      for (guint i = 0; i < roles->len; i++)
        {
          PcnRole *role = g_ptr_array_index (roles, i);
          const char *from = pcn_role_get_available_from (role);
          gboolean known = FALSE;

          /* Roles that had not yet joined the scheme are not "missing". */
          if (from != NULL && strcmp (from, last_iso) > 0)
            continue;
          for (guint j = 0; !known && j < rates->len; j++)
            {
              PcnRate *rate = g_ptr_array_index (rates, j);

              known = g_strcmp0 (pcn_rate_get_role_code (rate), pcn_role_get_code (role)) == 0 &&
                      rate_area_serves (pcn_rate_get_area (rate), area);
            }
          if (known)
            continue;

          if (!heading)
            {
              g_print ("\n");
              /* Translators: "Roles with no rate known for 2024/25 (National (outside London))" */
              g_print (_("Roles with no rate known for %s (%s)\n"), fy, pcn_area_get_label (area));
              heading = TRUE;
            }
          g_print ("%s\t%s\t%s\n", pcn_role_get_code (role), pcn_role_get_name (role),
                   _("no rate known for this role and year — enter it from your ICB's rate list"));
        }
    }
  return TRUE;
}

static gboolean
cmd_rates_set (PcnwContext  *context,
               GStrv        *args,
               GError      **error)
{
  g_autofree char *role_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *annual_text = NULL;
  g_autofree char *area_text = NULL;
  g_autofree char *source = NULL;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("Role code or name"), N_("CODE") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("The date the amount takes effect"), "YYYY-MM-DD" },
    { "annual", 0, 0, G_OPTION_ARG_STRING, &annual_text,
      N_("Maximum reimbursable amount a year per WTE, in pounds"), N_("POUNDS") },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area_text,
      N_("national, outer-london, inner-london or london (default: the PCN’s area)"),
      N_("AREA") },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("Where the figure comes from, e.g. your ICB’s rate list"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(PcnRate) rate = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *from_iso = NULL;
  g_autofree char *money = NULL;
  const char *area = NULL;
  const char *field = NULL;
  PcnRole *role;
  GDate from;
  gint64 pence = 0;

  if (!parse_options (args, NULL, _("Add or correct a maximum reimbursable amount from a date."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !require_option (role_text, "--role", error) ||
      !require_option (from_text, "--from", error) ||
      !require_option (annual_text, "--annual", error))
    return FALSE;
  if (!pcn_date_parse (from_text, &from, &local_error))
    return option_error (error, "--from", local_error);
  if (!pcn_money_parse (annual_text, &pence, &local_error))
    return option_error (error, "--annual", local_error);
  if (area_text != NULL)
    {
      g_strdelimit (area_text, "_", '-');
      if (!pcn_rate_area_is_valid (area_text))
        return usage_error (error,
                            _("--area: “%s” is not an area (use national, outer-london, "
                              "inner-london or london)"),
                            area_text);
      area = area_text;
    }

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  roles = pcn_store_list_roles (store, error);
  if (roles == NULL)
    return FALSE;
  role = pcn_roles_find (roles, role_text);
  if (role == NULL)
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                   _("--role: “%s” is not a known role (see “pcnw rates list”)"), role_text);
      return FALSE;
    }
  if (area == NULL)
    {
      network = pcn_store_get_network (store, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      area = pcn_area_to_string (network ? pcn_network_get_area (network) : PCN_AREA_NATIONAL);
    }

  from_iso = pcn_date_to_iso (&from);
  rate = pcn_rate_new (pcn_role_get_code (role), area, from_iso, pence);
  pcn_rate_set_role_name (rate, pcn_role_get_name (role));
  pcn_rate_set_source (rate, source);
  pcn_rate_set_user_entered (rate, TRUE);
  if (!pcn_rate_validate (rate, roles, &field, &local_error))
    return field_error (error, field, local_error);
  if (!pcn_store_set_rate (store, rate, error))
    return FALSE;

  money = pcn_money_format (pence);
  /* Translators: "Set the maximum for CP (Clinical pharmacist), national, from 2026-04-01: £70,000.00 a year" */
  g_print (_("Set the maximum for %s (%s), %s, from %s: %s a year\n"),
           pcn_role_get_code (role), pcn_role_get_name (role), area, from_iso, money);
  return TRUE;
}

/* ---------------------------------------------------------------- import */

static gboolean
cmd_import_staff (PcnwContext  *context,
                  GStrv        *args,
                  GError      **error)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) practice_names = NULL;
  g_autoptr(PcnStaffCsv) csv = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  const char *path;
  gsize length = 0;

  if (!parse_options (args, "FILE.csv",
                      _("Add staff from a CSV file: every row or none."), entries, error) ||
      !check_arguments (*args, 1, "FILE.csv", error))
    return FALSE;
  path = (*args)[1];

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED, "%s", local_error->message);
      return FALSE;
    }

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  roles = pcn_store_list_roles (store, error);
  if (roles == NULL)
    return FALSE;
  practice_names = list_practice_names (store, error);
  if (practice_names == NULL)
    return FALSE;

  /* The problems are printed as they come, one "FILE:LINE: what" a line,
   * so editors and scripts can jump to them. */
  csv = pcn_staff_csv_parse (path, data, length, roles, practice_names, &local_error);
  if (csv == NULL ||
      !pcn_store_import_staff (store, csv->staff, csv->lines, path, &local_error))
    {
      g_printerr ("%s\n", local_error->message);
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                   _("nothing was imported from %s"), path);
      return FALSE;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u staff member from %s\n",
                        "Imported %u staff from %s\n", csv->staff->len),
           csv->staff->len, path);
  return TRUE;
}

/* ------------------------------------------------------------------ list */

static gboolean
is_money_column (const char *column)
{
  return g_strcmp0 (column, "annual_salary") == 0;
}

/* The value of a staff CSV column, as the CSV would hold it ("" if none). */
static char *
staff_column_text (PcnStaff   *staff,
                   const char *column)
{
  if (strcmp (column, "name") == 0)
    return g_strdup (pcn_staff_get_name (staff));
  if (strcmp (column, "payroll_id") == 0)
    return g_strdup (pcn_staff_get_payroll_id (staff));
  if (strcmp (column, "role") == 0)
    return g_strdup (pcn_staff_get_role_code (staff));
  if (strcmp (column, "start_date") == 0)
    return g_strdup (pcn_staff_get_start_date (staff));
  if (strcmp (column, "end_date") == 0)
    return g_strdup (pcn_staff_get_end_date (staff));
  if (strcmp (column, "leaving_reason") == 0)
    return g_strdup (pcn_staff_get_leaving_reason (staff));
  if (strcmp (column, "wte") == 0)
    return pcn_wte_format (pcn_staff_get_wte (staff));
  if (strcmp (column, "band") == 0)
    return g_strdup (pcn_staff_get_band (staff));
  if (strcmp (column, "annual_salary") == 0)
    return pcn_staff_get_annual_salary (staff) >= 0
           ? pcn_money_format_plain (pcn_staff_get_annual_salary (staff)) : NULL;
  if (strcmp (column, "employer") == 0)
    return g_strdup (pcn_staff_get_employer (staff));
  if (strcmp (column, "practices") == 0)
    return pcn_staff_dup_practices_text (staff);
  if (strcmp (column, "claimable") == 0)
    return g_strdup (pcn_staff_get_claimable (staff) ? "yes" : "no");
  return NULL;
}

static void
add_staff_json (JsonBuilder        *builder,
                PcnStaff           *staff,
                const char * const *columns,
                const GDate        *as_at)
{
  json_builder_begin_object (builder);
  for (guint c = 0; columns[c] != NULL; c++)
    {
      const char *column = columns[c];

      if (strcmp (column, "wte") == 0)
        {
          json_builder_set_member_name (builder, "wte");
          json_builder_add_double_value (builder, pcn_staff_get_wte (staff) / 1000.0);
        }
      else if (strcmp (column, "claimable") == 0)
        {
          json_builder_set_member_name (builder, "claimable");
          json_builder_add_boolean_value (builder, pcn_staff_get_claimable (staff));
        }
      else if (is_money_column (column))
        {
          g_autofree char *key = g_strconcat (column, "_pence", NULL);

          json_builder_set_member_name (builder, key);
          if (pcn_staff_get_annual_salary (staff) >= 0)
            json_builder_add_int_value (builder, pcn_staff_get_annual_salary (staff));
          else
            json_builder_add_null_value (builder);
        }
      else
        {
          g_autofree char *text = staff_column_text (staff, column);

          json_builder_set_member_name (builder, column);
          if (text != NULL && *text != '\0')
            json_builder_add_string_value (builder, text);
          else
            json_builder_add_null_value (builder);
        }
    }
  json_builder_set_member_name (builder, "status");
  json_builder_add_string_value (builder,
                                 pcn_staff_status_to_string (pcn_staff_get_status (staff, as_at)));
  json_builder_end_object (builder);
}

static gboolean
cmd_list_staff (PcnwContext  *context,
                GStrv        *args,
                GError      **error)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  const char * const *columns = pcn_staff_csv_columns ();
  gboolean json = FALSE;

  if (!parse_options (args, NULL,
                      _("List the staff, ordered by name, with their status as at --as-at."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error))
    return FALSE;
  if (format != NULL)
    {
      if (strcmp (format, "json") == 0)
        json = TRUE;
      else if (strcmp (format, "tsv") != 0)
        return usage_error (error, _("--format: “%s” is not a format (use tsv or json)"), format);
    }

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  staff = pcn_store_list_staff (store, error);
  if (staff == NULL)
    return FALSE;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      json_builder_begin_array (builder);
      for (guint i = 0; i < staff->len; i++)
        add_staff_json (builder, g_ptr_array_index (staff, i), columns, &context->as_at);
      json_builder_end_array (builder);

      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      text = json_generator_to_data (generator, NULL);
      g_print ("%s\n", text);
      return TRUE;
    }

  for (guint c = 0; columns[c] != NULL; c++)
    g_print ("%s\t", columns[c]);
  g_print ("status\n");
  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *person = g_ptr_array_index (staff, i);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; columns[c] != NULL; c++)
        {
          g_autofree char *text = staff_column_text (person, columns[c]);
          g_autofree char *field = tsv_field (text);

          g_string_append (line, field);
          g_string_append_c (line, '\t');
        }
      g_string_append (line,
                       pcn_staff_status_to_string (pcn_staff_get_status (person, &context->as_at)));
      g_print ("%s\n", line->str);
    }
  return TRUE;
}

/* ---------------------------------------------------------------- export */

static gboolean
cmd_export_staff (PcnwContext  *context,
                  GStrv        *args,
                  GError      **error)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("The workbook to write"), "FILE.xlsx" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) staff = NULL;

  if (!parse_options (args, NULL, _("Write the staff list as an Excel workbook."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !require_option (output, "--output", error))
    return FALSE;

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  staff = pcn_store_list_staff (store, error);
  if (staff == NULL)
    return FALSE;

#ifdef HAVE_EXPORT_STAFF
  if (!pcn_export_staff (output, network, staff, &context->as_at, error))
    return FALSE;
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %u staff member to %s\n",
                        "Wrote %u staff to %s\n", staff->len),
           staff->len, output);
  return TRUE;
#else
  g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
               _("This build of pcnw cannot write workbooks"));
  return FALSE;
#endif
}

/* ------------------------------------------------------------------ demo */

static gboolean
cmd_demo (PcnwContext  *context,
          GStrv        *args,
          GError      **error)
{
  g_autofree char *staff_text = NULL;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text,
      N_("How many staff (default: the 25 of the sample; more are generated, for benchmarks)"),
      "N" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 n_staff = 0;
  gint64 count;

  if (!parse_options (args, NULL,
                      _("Fill an empty database with a realistic sample PCN."), entries, error) ||
      !check_arguments (*args, 0, NULL, error))
    return FALSE;
  if (staff_text != NULL)
    {
      if (!parse_count_option ("--staff", staff_text, 1000000, &n_staff, error))
        return FALSE;
      if (n_staff == 0)
        return usage_error (error, _("--staff: there must be at least one"));
    }

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = pcn_store_get_network (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (network != NULL)
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                   _("%s already holds the PCN “%s”; the sample goes in an empty database "
                     "(use another --db)"),
                   context->db_path, pcn_network_get_name (network));
      return FALSE;
    }

  if (!pcn_demo_fill (store, (guint) n_staff, &context->as_at, error))
    return FALSE;

  g_clear_object (&network);
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  count = pcn_store_count_staff (store, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "Created the sample PCN “%s” with %u staff member in %s\n",
                        "Created the sample PCN “%s” with %u staff in %s\n", (gulong) count),
           pcn_network_get_name (network), (guint) count, context->db_path);
  return TRUE;
}

/* ---------------------------------------------------------------- backup */

static gboolean
cmd_backup (PcnwContext  *context,
            GStrv        *args,
            GError      **error)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output,
      N_("The copy to write (must not exist yet)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;

  if (!parse_options (args, NULL, _("Write a consistent copy of the database."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !require_option (output, "--output", error))
    return FALSE;

  if (g_file_test (output, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                   _("--output: %s already exists; choose a new file name"), output);
      return FALSE;
    }

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  if (!pcn_store_backup (store, output, error))
    return FALSE;

  g_print (_("Backed up %s to %s\n"), context->db_path, output);
  return TRUE;
}

/* ------------------------------------------------------------------ plan */

/* The option a PcnPost field comes from, for messages. */
static const char *
post_field_option (const char *field)
{
  static const struct { const char *field; const char *option; } map[] = {
    { "start_date", "start" },
    { "annual_cost", "annual-cost" },
    { "purposes", "purpose" },
    { "status_date", "status" },
    { "staff_id", "staff" },
  };

  if (field == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (map); i++)
    if (strcmp (map[i].field, field) == 0)
      return map[i].option;
  return field;
}

/* Finds a staff member by payroll ID, else by name (case-insensitively);
 * a name that several people share is refused. (transfer full) */
PcnStaff *
_pcnw_find_staff (PcnStore    *store,
                  const char  *text,
                  GError     **error)
{
  g_autoptr(GPtrArray) staff = pcn_store_list_staff (store, error);
  g_autofree char *folded = NULL;
  PcnStaff *by_name = NULL;
  guint n_by_name = 0;

  if (staff == NULL)
    return NULL;
  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);

      if (g_strcmp0 (pcn_staff_get_payroll_id (s), text) == 0)
        return g_object_ref (s);
    }
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      g_autofree char *name = g_utf8_casefold (pcn_staff_get_name (s), -1);

      if (strcmp (name, folded) == 0)
        {
          by_name = s;
          n_by_name++;
        }
    }
  if (n_by_name == 1)
    return g_object_ref (by_name);
  if (n_by_name > 1)
    g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                 /* Translators: %1$s a name, %2$u how many staff have it */
                 _("--staff: “%1$s” is the name of %2$u staff; give the payroll ID"),
                 text, n_by_name);
  else
    g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                 _("--staff: no staff member has the payroll ID or name “%s” "
                   "(see “pcnw list staff”)"),
                 text);
  return NULL;
}

static gboolean
parse_format_option (const char  *format,
                     const char  *other,
                     gboolean    *out_json,
                     GError     **error)
{
  *out_json = FALSE;
  if (format == NULL || strcmp (format, other) == 0)
    return TRUE;
  if (strcmp (format, "json") == 0)
    {
      *out_json = TRUE;
      return TRUE;
    }
  /* Translators: %1$s the value given, %2$s the other format (tsv or text) */
  return usage_error (error, _("--format: “%1$s” is not a format (use %2$s or json)"),
                      format, other);
}

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

static void
json_add_string_or_null (JsonBuilder *builder,
                         const char  *member,
                         const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
json_add_int_or_null (JsonBuilder *builder,
                      const char  *member,
                      gint64       value,
                      gboolean     known)
{
  json_builder_set_member_name (builder, member);
  if (known)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static gboolean
cmd_plan_add (PcnwContext  *context,
              GStrv        *args,
              GError      **error)
{
  g_autofree char *role_text = NULL;
  g_autofree char *wte_text = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *band = NULL;
  g_autofree char *cost_text = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *practices_text = NULL;
  g_autofree char *title = NULL;
  g_autofree char *funding_text = NULL;
  g_autofree char *model_text = NULL;
  g_autofree char *purpose_text = NULL;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("Role code or name"), N_("CODE") },
    { "wte", 0, 0, G_OPTION_ARG_STRING, &wte_text,
      N_("Whole-time equivalent, more than 0 and at most 1"), "W" },
    { "start", 0, 0, G_OPTION_ARG_STRING, &start_text,
      N_("Expected start date"), "YYYY-MM-DD" },
    { "band", 0, 0, G_OPTION_ARG_STRING, &band, N_("Agenda for Change band, e.g. 7 or 8a"), "B" },
    { "annual-cost", 0, 0, G_OPTION_ARG_STRING, &cost_text,
      N_("Expected cost a year, pay plus on-costs (default: the role’s maximum)"), N_("POUNDS") },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("proposed (default), approved, advertised, interviewing, offered or withdrawn; "
         "dated --as-at"), "S" },
    { "practices", 0, 0, G_OPTION_ARG_STRING, &practices_text,
      N_("Host practices, “Name=2;Name” (sessions a week)"), N_("LIST") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &title, N_("A short name for the post"), N_("TEXT") },
    { "funding", 0, 0, G_OPTION_ARG_STRING, &funding_text,
      N_("arrs (default) or other"), N_("FUNDING") },
    { "employer-model", 0, 0, G_OPTION_ARG_STRING, &model_text,
      N_("pcn_lead_practice (default), federation, nhs_trust_subcontract, "
         "voluntary_subcontract or rotational"), "M" },
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &purpose_text,
      N_("Service requirement codes it serves, “;”-separated, or core_practice_capacity"),
      N_("LIST") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) practice_names = NULL;
  g_autoptr(PcnPost) post = pcn_post_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *start_iso = NULL;
  g_autofree char *as_at_iso = pcn_date_to_iso (&context->as_at);
  g_autofree char *wte = NULL;
  g_autofree char *name = NULL;
  const char *field = NULL;
  PcnPostStatus status = PCN_POST_STATUS_PROPOSED;
  PcnPostFunding funding = PCN_POST_FUNDING_ARRS;
  PcnEmployerModel model = PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE;
  PcnRole *role;
  GDate start;
  int wte_milli = 0;
  gint64 cost = -1;

  if (!parse_options (args, NULL, _("Add a post to the recruitment plan."), entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !require_option (role_text, "--role", error) ||
      !require_option (wte_text, "--wte", error) ||
      !require_option (start_text, "--start", error))
    return FALSE;
  if (!pcn_wte_parse (wte_text, &wte_milli, &local_error))
    return option_error (error, "--wte", local_error);
  if (!pcn_date_parse (start_text, &start, &local_error))
    return option_error (error, "--start", local_error);
  if (cost_text != NULL && !pcn_money_parse (cost_text, &cost, &local_error))
    return option_error (error, "--annual-cost", local_error);
  if (status_text != NULL && !pcn_post_status_parse (status_text, &status, &local_error))
    return option_error (error, "--status", local_error);
  if (status == PCN_POST_STATUS_IN_POST)
    return usage_error (error,
                        _("--status: a post is in post once someone fills it: use "
                          "“pcnw plan status --id N --status in_post --staff NAME”"));
  if (funding_text != NULL && !pcn_post_funding_parse (funding_text, &funding, &local_error))
    return option_error (error, "--funding", local_error);
  if (model_text != NULL && !pcn_employer_model_parse (model_text, &model, &local_error))
    return option_error (error, "--employer-model", local_error);
  if (practices_text != NULL)
    {
      g_autoptr(GPtrArray) sessions = pcn_sessions_parse (practices_text, &local_error);

      if (sessions == NULL)
        return option_error (error, "--practices", local_error);
      pcn_post_set_sessions (post, sessions);
    }
  if (purpose_text != NULL)
    {
      g_auto(GStrv) parts = g_strsplit_set (purpose_text, ";,", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) purposes = NULL;

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_strstrip (parts[i]);
          if (*parts[i] != '\0')
            g_strv_builder_add (builder, parts[i]);
        }
      purposes = g_strv_builder_end (builder);
      pcn_post_set_purposes (post, (const char * const *) purposes);
    }

  start_iso = pcn_date_to_iso (&start);
  pcn_post_set_title (post, title);
  pcn_post_set_role_code (post, role_text);
  pcn_post_set_wte (post, wte_milli);
  pcn_post_set_band (post, band);
  pcn_post_set_annual_cost (post, cost);
  pcn_post_set_funding (post, funding);
  pcn_post_set_employer_model (post, model);
  pcn_post_set_start_date (post, start_iso);
  pcn_post_set_status (post, status, as_at_iso);

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  roles = pcn_store_list_roles (store, error);
  if (roles == NULL)
    return FALSE;
  practice_names = list_practice_names (store, error);
  if (practice_names == NULL)
    return FALSE;
  if (!pcn_post_validate (post, roles, practice_names, &field, &local_error))
    return field_error (error, post_field_option (field), local_error);
  role = pcn_roles_find (roles, role_text);
  pcn_post_set_role_code (post, pcn_role_get_code (role));

  if (!pcn_store_add_post (store, post, error))
    return FALSE;

  wte = pcn_wte_format (wte_milli);
  name = pcn_post_dup_display_name (post);
  /* Translators: "Added post 3 (CP post 3): CP, 1.0 WTE from 2026-09-01, proposed" */
  g_print (_("Added post %" G_GINT64_FORMAT " (%s): %s, %s WTE from %s, %s\n"),
           pcn_post_get_id (post), name, pcn_post_get_role_code (post), wte, start_iso,
           pcn_post_status_to_string (status));
  return TRUE;
}

static const char * const plan_columns[] = {
  "id", "title", "role", "wte", "band", "annual_cost", "funding", "employer_model",
  "practices", "purposes", "start_date", "status", "status_date", "staff", "vacant_since",
  "time_to_fill_days", NULL
};

static char *
post_column_text (PcnPost    *post,
                  GHashTable *staff_names,
                  const char *column)
{
  if (strcmp (column, "id") == 0)
    return g_strdup_printf ("%" G_GINT64_FORMAT, pcn_post_get_id (post));
  if (strcmp (column, "title") == 0)
    return g_strdup (pcn_post_get_title (post));
  if (strcmp (column, "role") == 0)
    return g_strdup (pcn_post_get_role_code (post));
  if (strcmp (column, "wte") == 0)
    return pcn_wte_format (pcn_post_get_wte (post));
  if (strcmp (column, "band") == 0)
    return g_strdup (pcn_post_get_band (post));
  if (strcmp (column, "annual_cost") == 0)
    return pcn_post_get_annual_cost (post) >= 0
           ? pcn_money_format_plain (pcn_post_get_annual_cost (post)) : NULL;
  if (strcmp (column, "funding") == 0)
    return g_strdup (pcn_post_funding_to_string (pcn_post_get_funding (post)));
  if (strcmp (column, "employer_model") == 0)
    return g_strdup (pcn_employer_model_to_string (pcn_post_get_employer_model (post)));
  if (strcmp (column, "practices") == 0)
    return pcn_post_dup_practices_text (post);
  if (strcmp (column, "purposes") == 0)
    return g_strjoinv (";", (char **) pcn_post_get_purposes (post));
  if (strcmp (column, "start_date") == 0)
    return g_strdup (pcn_post_get_start_date (post));
  if (strcmp (column, "status") == 0)
    return g_strdup (pcn_post_status_to_string (pcn_post_get_status (post)));
  if (strcmp (column, "status_date") == 0)
    return g_strdup (pcn_post_get_status_date (post, pcn_post_get_status (post)));
  if (strcmp (column, "staff") == 0)
    {
      gint64 id = pcn_post_get_staff_id (post);
      return id > 0 ? g_strdup (g_hash_table_lookup (staff_names, &id)) : NULL;
    }
  if (strcmp (column, "vacant_since") == 0)
    return g_strdup (pcn_post_get_vacant_since (post));
  if (strcmp (column, "time_to_fill_days") == 0)
    return pcn_post_get_time_to_fill_days (post) >= 0
           ? g_strdup_printf ("%d", pcn_post_get_time_to_fill_days (post)) : NULL;
  return NULL;
}

static void
add_post_json (JsonBuilder *builder,
               PcnPost     *post,
               GHashTable  *staff_names)
{
  gint64 staff_id = pcn_post_get_staff_id (post);
  const char * const *purposes = pcn_post_get_purposes (post);
  GPtrArray *sessions = pcn_post_get_sessions (post);

  json_builder_begin_object (builder);
  for (guint c = 0; plan_columns[c] != NULL; c++)
    {
      const char *column = plan_columns[c];
      g_autofree char *text = NULL;

      if (strcmp (column, "id") == 0)
        json_add_int_or_null (builder, "id", pcn_post_get_id (post), TRUE);
      else if (strcmp (column, "wte") == 0)
        {
          json_builder_set_member_name (builder, "wte");
          json_builder_add_double_value (builder, pcn_post_get_wte (post) / 1000.0);
        }
      else if (strcmp (column, "annual_cost") == 0)
        json_add_int_or_null (builder, "annual_cost_pence", pcn_post_get_annual_cost (post),
                              pcn_post_get_annual_cost (post) >= 0);
      else if (strcmp (column, "practices") == 0)
        {
          json_builder_set_member_name (builder, "practices");
          json_builder_begin_array (builder);
          for (guint i = 0; i < sessions->len; i++)
            {
              PcnSession *s = g_ptr_array_index (sessions, i);

              json_builder_begin_object (builder);
              json_add_string_or_null (builder, "name", s->practice);
              json_add_int_or_null (builder, "sessions", s->sessions, s->sessions >= 0);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      else if (strcmp (column, "purposes") == 0)
        {
          json_builder_set_member_name (builder, "purposes");
          json_builder_begin_array (builder);
          for (guint i = 0; purposes[i] != NULL; i++)
            json_builder_add_string_value (builder, purposes[i]);
          json_builder_end_array (builder);
        }
      else if (strcmp (column, "staff") == 0)
        {
          text = post_column_text (post, staff_names, column);
          json_add_string_or_null (builder, "staff", text);
          json_add_int_or_null (builder, "staff_id", staff_id, staff_id > 0);
        }
      else if (strcmp (column, "time_to_fill_days") == 0)
        json_add_int_or_null (builder, column, pcn_post_get_time_to_fill_days (post),
                              pcn_post_get_time_to_fill_days (post) >= 0);
      else
        {
          text = post_column_text (post, staff_names, column);
          json_add_string_or_null (builder, column, text != NULL && *text ? text : NULL);
        }
    }
  json_builder_end_object (builder);
}

static GHashTable *
staff_names_by_id (PcnStore  *store,
                   GError   **error)
{
  g_autoptr(GPtrArray) staff = pcn_store_list_staff (store, error);
  GHashTable *names;

  if (staff == NULL)
    return NULL;
  names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);

      g_hash_table_insert (names, g_memdup2 (&(gint64) { pcn_staff_get_id (s) }, sizeof (gint64)),
                           g_strdup (pcn_staff_get_name (s)));
    }
  return names;
}

static gboolean
cmd_plan_list (PcnwContext  *context,
               GStrv        *args,
               GError      **error)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("tsv (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GHashTable) staff_names = NULL;
  gboolean json = FALSE;

  if (!parse_options (args, NULL, _("List the posts of the recruitment plan, by id."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !parse_format_option (format, "tsv", &json, error))
    return FALSE;

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  posts = pcn_store_list_posts (store, error);
  if (posts == NULL)
    return FALSE;
  staff_names = staff_names_by_id (store, error);
  if (staff_names == NULL)
    return FALSE;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < posts->len; i++)
        add_post_json (builder, g_ptr_array_index (posts, i), staff_names);
      json_builder_end_array (builder);
      print_json (builder);
      return TRUE;
    }

  {
    g_autofree char *header = g_strjoinv ("\t", (char **) plan_columns);
    g_print ("%s\n", header);
  }
  for (guint i = 0; i < posts->len; i++)
    {
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; plan_columns[c] != NULL; c++)
        {
          g_autofree char *text = post_column_text (g_ptr_array_index (posts, i), staff_names,
                                                    plan_columns[c]);
          g_autofree char *field = tsv_field (text);

          if (c > 0)
            g_string_append_c (line, '\t');
          g_string_append (line, field);
        }
      g_print ("%s\n", line->str);
    }
  return TRUE;
}

static gboolean
cmd_plan_status (PcnwContext  *context,
                 GStrv        *args,
                 GError      **error)
{
  g_autofree char *id_text = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *staff_text = NULL;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, N_("The post (see “pcnw plan list”)"), "N" },
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("proposed, approved, advertised, interviewing, offered, in_post or withdrawn"), "S" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("When it happened (default: --as-at; in post: the staff member’s start date)"),
      "YYYY-MM-DD" },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text,
      N_("With in_post: who fills the post"), N_("NAME|PAYROLL_ID") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(PcnPost) post = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *date_iso = NULL;
  g_autofree char *name = NULL;
  PcnPostStatus status = PCN_POST_STATUS_PROPOSED;
  gint64 id = 0;
  GDate date;

  if (!parse_options (args, NULL, _("Move a post along the recruitment pipeline."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !require_option (id_text, "--id", error) ||
      !require_option (status_text, "--status", error) ||
      !parse_count_option ("--id", id_text, G_MAXINT64, &id, error))
    return FALSE;
  if (!pcn_post_status_parse (status_text, &status, &local_error))
    return option_error (error, "--status", local_error);
  if (date_text != NULL)
    {
      if (!pcn_date_parse (date_text, &date, &local_error))
        return option_error (error, "--date", local_error);
      date_iso = pcn_date_to_iso (&date);
    }
  if (status == PCN_POST_STATUS_IN_POST && staff_text == NULL)
    return usage_error (error, _("--staff is required with --status in_post"));
  if (status != PCN_POST_STATUS_IN_POST && staff_text != NULL)
    return usage_error (error, _("--staff goes only with --status in_post"));
  if (status != PCN_POST_STATUS_IN_POST && date_iso == NULL)
    date_iso = pcn_date_to_iso (&context->as_at);

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  if (staff_text != NULL)
    {
      staff = _pcnw_find_staff (store, staff_text, error);
      if (staff == NULL)
        return FALSE;
    }

  post = pcn_store_set_post_status (store, id, status, date_iso,
                                    staff ? pcn_staff_get_id (staff) : 0, &local_error);
  if (post == NULL)
    {
      if (g_error_matches (local_error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND) &&
          staff == NULL)
        g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED, "--id: %s", local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  name = pcn_post_dup_display_name (post);
  if (staff != NULL)
    /* Translators: "Post 3 (CP post 3) is in post from 2024-04-01: Priya Raman" */
    g_print (_("Post %" G_GINT64_FORMAT " (%s) is in post from %s: %s\n"),
             id, name, pcn_post_get_status_date (post, status), pcn_staff_get_name (staff));
  else
    /* Translators: "Post 3 (CP post 3) is advertised from 2026-06-01" */
    g_print (_("Post %" G_GINT64_FORMAT " (%s) is %s from %s\n"), id, name,
             pcn_post_status_to_string (status), pcn_post_get_status_date (post, status));
  if (pcn_post_get_time_to_fill_days (post) >= 0 && status == PCN_POST_STATUS_IN_POST)
    g_print (g_dngettext (GETTEXT_PACKAGE, "Time to fill: %d day from the advert\n",
                          "Time to fill: %d days from the advert\n",
                          (gulong) pcn_post_get_time_to_fill_days (post)),
             pcn_post_get_time_to_fill_days (post));
  return TRUE;
}

static gboolean
cmd_staff_leave (PcnwContext  *context,
                 GStrv        *args,
                 GError      **error)
{
  g_autofree char *staff_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text, N_("Who is leaving"),
      N_("NAME|PAYROLL_ID") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("Their last day in post"),
      "YYYY-MM-DD" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why they are leaving"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *iso = NULL;
  const char *field = NULL;
  GDate date;

  if (!parse_options (args, NULL,
                      _("Record a leaver; a post they fill becomes vacant from the next day."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !require_option (staff_text, "--staff", error) ||
      !require_option (date_text, "--date", error) ||
      !require_option (reason, "--reason", error))
    return FALSE;
  if (!pcn_date_parse (date_text, &date, &local_error))
    return option_error (error, "--date", local_error);
  iso = pcn_date_to_iso (&date);

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  staff = _pcnw_find_staff (store, staff_text, error);
  if (staff == NULL)
    return FALSE;
  if (!pcn_staff_validate_leaver (staff, iso, reason, &field, &local_error))
    return field_error (error, g_strcmp0 (field, "end_date") == 0 ? "date"
                               : g_strcmp0 (field, "leaving_reason") == 0 ? "reason" : field,
                        local_error);
  if (!pcn_store_record_leaver (store, pcn_staff_get_id (staff), iso, reason, error))
    return FALSE;

  /* Translators: "Recorded Priya Raman as a leaver: last day 2026-05-31" */
  g_print (_("Recorded %s as a leaver: last day %s\n"), pcn_staff_get_name (staff), iso);

  posts = pcn_store_list_posts (store, error);
  if (posts == NULL)
    return FALSE;
  for (guint i = 0; i < posts->len; i++)
    {
      PcnPost *post = g_ptr_array_index (posts, i);
      g_autofree char *name = NULL;
      g_autofree char *since = NULL;
      GDate next = date;

      g_date_add_days (&next, 1);
      since = pcn_date_to_iso (&next);
      if (g_strcmp0 (pcn_post_get_vacant_since (post), since) != 0 ||
          pcn_post_get_staff_id (post) != 0)
        continue;
      name = pcn_post_dup_display_name (post);
      /* Translators: "Post 3 (CP post 3) is vacant from 2026-06-01" */
      g_print (_("Post %" G_GINT64_FORMAT " (%s) is vacant from %s\n"),
               pcn_post_get_id (post), name, since);
    }
  return TRUE;
}

/* ---------------------------------------------------------------- budget */

/* "3", "2.5", "1.25" (percent) → basis points. */
static gboolean
parse_percent (const char  *text,
               int         *out_bp,
               GError     **error)
{
  const char *p = text;
  gint64 whole = 0;
  int frac = 0, n_frac = 0;

  if (*p == '\0')
    goto bad;
  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > 100)
        goto bad;
    }
  if (*p == '.')
    for (p++; g_ascii_isdigit (*p); p++)
      {
        if (++n_frac > 2)
          goto bad;
        frac = frac * 10 + (*p - '0');
      }
  if (*p == '%')
    p++;
  if (*p != '\0' || p == text)
    goto bad;
  if (n_frac == 1)
    frac *= 10;
  *out_bp = (int) whole * 100 + frac;
  if (*out_bp > 10000)
    goto bad;
  return TRUE;

bad:
  g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
               _("“%s” is not a percentage from 0 to 100 (e.g. 3 or 2.5)"), text);
  return FALSE;
}

static char *
format_percent_bp (int bp)
{
  return g_strdup_printf ("%d.%02d%%", bp / 100, bp % 100);
}

/* Pads @text on the left to @width characters (not bytes: “£” is two). */
static char *
pad_left (const char *text,
          int         width)
{
  glong n = g_utf8_strlen (text, -1);
  GString *s = g_string_new (NULL);

  for (glong i = n; i < width; i++)
    g_string_append_c (s, ' ');
  g_string_append (s, text);
  return g_string_free (s, FALSE);
}

/* Reads --year, --uplift and --uplift-from shared by the budget commands. */
static gboolean
parse_uplift_options (const char  *uplift_text,
                      const char  *from_text,
                      int          year,
                      PcnUplift   *out_uplift,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  out_uplift->bp = 0;
  out_uplift->from_month_index = 0;
  if (uplift_text == NULL)
    {
      if (from_text != NULL)
        return usage_error (error, _("--uplift-from goes only with --uplift"));
      return TRUE;
    }
  if (!parse_percent (uplift_text, &out_uplift->bp, &local_error))
    return option_error (error, "--uplift", local_error);
  if (from_text != NULL)
    {
      int y = 0, m = 0, index;

      if (!pcn_month_parse (from_text, &y, &m, &local_error))
        return option_error (error, "--uplift-from", local_error);
      index = (y - year) * 12 + m - 4;
      if (index < 0 || index >= PCN_LEDGER_MONTHS)
        {
          g_autofree char *fy = pcn_financial_year_name (year);

          /* Translators: %1$s a month such as 2026-10, %2$s a year such as 2026/27 */
          return usage_error (error, _("--uplift-from: %1$s is not a month of %2$s"),
                              from_text, fy);
        }
      out_uplift->from_month_index = index;
    }
  return TRUE;
}

static char *
month_name (int year,
            int month)
{
  return g_strdup_printf ("%04d-%02d", year, month);
}

static void
add_budget_json (JsonBuilder      *builder,
                 PcnLedgerData    *data,
                 PcnLedger        *ledger,
                 const PcnUplift  *uplift,
                 GPtrArray        *turnover,
                 GPtrArray        *vacancies)
{
  g_autofree char *as_at = pcn_date_to_iso (&data->as_at);
  gboolean has_allocation = pcn_ledger_has_allocation (ledger);
  GPtrArray *checks = pcn_ledger_get_checks (ledger);

  json_builder_begin_object (builder);
  json_add_string_or_null (builder, "financial_year", pcn_ledger_get_year_name (ledger));
  json_add_string_or_null (builder, "as_at", as_at);
  json_add_int_or_null (builder, "allocation_pence", pcn_ledger_get_allocation (ledger),
                        has_allocation);
  json_add_string_or_null (builder, "allocation_source",
                           pcn_allocation_source_to_string (data->allocation_source));
  json_add_string_or_null (builder, "allocation_formula", data->allocation_formula);
  json_add_int_or_null (builder, "computed_allocation_pence", data->computed_allocation_pence,
                        data->computed_allocation_pence >= 0);

  json_builder_set_member_name (builder, "on_costs");
  json_builder_begin_object (builder);
  json_add_int_or_null (builder, "employer_ni_bp", data->input.on_costs.employer_ni_bp, TRUE);
  json_add_int_or_null (builder, "employer_pension_bp", data->input.on_costs.employer_pension_bp,
                        TRUE);
  json_builder_set_member_name (builder, "entered");
  json_builder_add_boolean_value (builder, data->on_costs_entered);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "uplift");
  if (uplift->bp != 0)
    {
      int y, m;
      g_autofree char *from = NULL;

      pcn_ledger_month_date (data->input.year, uplift->from_month_index, &y, &m);
      from = month_name (y, m);
      json_builder_begin_object (builder);
      json_add_int_or_null (builder, "bp", uplift->bp, TRUE);
      json_add_string_or_null (builder, "from", from);
      json_builder_end_object (builder);
    }
  else
    json_builder_add_null_value (builder);

  json_builder_set_member_name (builder, "months");
  json_builder_begin_array (builder);
  for (guint i = 0; i < PCN_LEDGER_MONTHS; i++)
    {
      const PcnLedgerMonth *lm = pcn_ledger_get_month (ledger, i);
      g_autofree char *month = month_name (lm->year, lm->month);

      json_builder_begin_object (builder);
      json_add_string_or_null (builder, "month", month);
      json_add_int_or_null (builder, "in_post_pence", lm->in_post_pence, TRUE);
      json_add_int_or_null (builder, "planned_pence", lm->planned_pence, TRUE);
      json_add_int_or_null (builder, "total_pence", lm->total_pence, TRUE);
      json_add_int_or_null (builder, "cumulative_pence", lm->cumulative_pence, TRUE);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_add_int_or_null (builder, "forecast_pence", pcn_ledger_get_forecast (ledger), TRUE);
  json_add_int_or_null (builder, "headroom_pence", pcn_ledger_get_headroom (ledger),
                        has_allocation);

  json_builder_set_member_name (builder, "checks");
  json_builder_begin_array (builder);
  for (guint i = 0; i < checks->len; i++)
    {
      PcnCheck *check = g_ptr_array_index (checks, i);
      const char *subject = check->subject == PCN_CHECK_SUBJECT_STAFF ? "staff"
                            : check->subject == PCN_CHECK_SUBJECT_POST ? "post" : NULL;

      json_builder_begin_object (builder);
      json_add_string_or_null (builder, "rule", check->rule_id);
      json_add_string_or_null (builder, "year", check->year_name);
      json_add_string_or_null (builder, "severity",
                               pcn_check_severity_to_string (check->severity));
      json_add_string_or_null (builder, "message", check->message);
      json_add_string_or_null (builder, "subject", subject);
      json_add_int_or_null (builder, "subject_id", check->subject_id, subject != NULL);
      json_add_string_or_null (builder, "subject_name", check->subject_name);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "turnover");
  json_builder_begin_array (builder);
  for (guint i = 0; i < turnover->len; i++)
    {
      PcnTurnover *t = g_ptr_array_index (turnover, i);

      json_builder_begin_object (builder);
      json_add_string_or_null (builder, "role", t->role_code);
      json_add_int_or_null (builder, "leavers", t->leavers, TRUE);
      json_add_int_or_null (builder, "headcount_start", t->headcount_start, TRUE);
      json_add_int_or_null (builder, "headcount_end", t->headcount_end, TRUE);
      json_add_int_or_null (builder, "rate_bp", t->rate_bp, t->rate_bp >= 0);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "vacancies");
  json_builder_begin_array (builder);
  for (guint i = 0; i < vacancies->len; i++)
    {
      PcnVacancy *v = g_ptr_array_index (vacancies, i);

      json_builder_begin_object (builder);
      json_add_int_or_null (builder, "post_id", v->post_id, TRUE);
      json_add_string_or_null (builder, "post", v->post_name);
      json_add_string_or_null (builder, "role", v->role_code);
      json_builder_set_member_name (builder, "wte");
      json_builder_add_double_value (builder, v->wte / 1000.0);
      json_add_string_or_null (builder, "vacant_since", v->vacant_since);
      json_add_int_or_null (builder, "days_vacant", v->days_vacant, TRUE);
      json_add_int_or_null (builder, "months_vacant", v->months_vacant, TRUE);
      json_add_int_or_null (builder, "underspend_pence", v->underspend_pence, TRUE);
      json_builder_set_member_name (builder, "no_rate");
      json_builder_add_boolean_value (builder, v->no_rate);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
print_budget_text (PcnLedgerData    *data,
                   PcnLedger        *ledger,
                   const PcnUplift  *uplift,
                   GPtrArray        *turnover,
                   GPtrArray        *vacancies)
{
  g_autofree char *as_at = pcn_date_to_iso (&data->as_at);
  const char *fy = pcn_ledger_get_year_name (ledger);
  GPtrArray *checks = pcn_ledger_get_checks (ledger);
  gint64 forecast = pcn_ledger_get_forecast (ledger);
  const int w = 16;

  /* Translators: "ARRS budget 2026/27 for Riverside Health PCN, as at 2026-06-01" */
  g_print (_("ARRS budget %1$s for %2$s, as at %3$s\n"), fy,
           pcn_network_get_name (data->network), as_at);
  g_print ("\n");

  if (pcn_ledger_has_allocation (ledger))
    {
      g_autofree char *money = pcn_money_format (pcn_ledger_get_allocation (ledger));

      if (data->allocation_source == PCN_ALLOCATION_SOURCE_ENTERED)
        g_print (_("Allocation: %s (entered)\n"), money);
      else
        g_print (_("Allocation: %s (worked out from the weighted list size)\n"), money);
    }
  else
    /* Translators: %d is a year such as 2026 */
    g_print (_("Allocation: not known — enter it with “pcnw year set --year %d”\n"),
             data->input.year);
  if (data->allocation_formula != NULL)
    g_print (_("  Formula: %s\n"), data->allocation_formula);
  else if (data->allocation_note != NULL)
    g_print (_("  Formula: none — %s\n"), data->allocation_note);
  {
    g_autofree char *ni = format_percent_bp (data->input.on_costs.employer_ni_bp);
    g_autofree char *pension = format_percent_bp (data->input.on_costs.employer_pension_bp);

    if (data->on_costs_entered)
      g_print (_("On-costs: employer NI %s, employer pension %s\n"), ni, pension);
    else
      g_print (_("On-costs: employer NI %s, employer pension %s (defaults, not entered "
                 "for this year)\n"), ni, pension);
  }
  if (uplift->bp != 0)
    {
      int y, m;
      g_autofree char *pct = format_percent_bp (uplift->bp);

      pcn_ledger_month_date (data->input.year, uplift->from_month_index, &y, &m);
      /* Translators: "What if: pay rises 3.00% from 2026-10 (nothing was saved)" */
      g_print (_("What if: pay rises %s from %04d-%02d (nothing was saved)\n"), pct, y, m);
    }
  g_print ("\n");

  {
    g_autofree char *h1 = pad_left (_("In post"), w);
    g_autofree char *h2 = pad_left (_("Planned"), w);
    g_autofree char *h3 = pad_left (_("Total"), w);
    g_autofree char *h4 = pad_left (_("Cumulative"), w);

    g_print ("%-8s%s%s%s%s\n", _("Month"), h1, h2, h3, h4);
  }
  for (guint i = 0; i < PCN_LEDGER_MONTHS; i++)
    {
      const PcnLedgerMonth *lm = pcn_ledger_get_month (ledger, i);
      g_autofree char *month = month_name (lm->year, lm->month);
      g_autofree char *m1 = pcn_money_format (lm->in_post_pence);
      g_autofree char *m2 = pcn_money_format (lm->planned_pence);
      g_autofree char *m3 = pcn_money_format (lm->total_pence);
      g_autofree char *m4 = pcn_money_format (lm->cumulative_pence);
      g_autofree char *p1 = pad_left (m1, w);
      g_autofree char *p2 = pad_left (m2, w);
      g_autofree char *p3 = pad_left (m3, w);
      g_autofree char *p4 = pad_left (m4, w);

      g_print ("%-8s%s%s%s%s\n", month, p1, p2, p3, p4);
    }
  g_print ("\n");

  {
    g_autofree char *money = pcn_money_format (forecast);

    g_print (_("Forecast year-end spend: %s\n"), money);
  }
  if (pcn_ledger_has_allocation (ledger))
    {
      gint64 headroom = pcn_ledger_get_headroom (ledger);
      g_autofree char *money = pcn_money_format (headroom >= 0 ? headroom : -headroom);

      if (headroom >= 0)
        g_print (_("Headroom: %s of the allocation is not yet planned\n"), money);
      else
        g_print (_("Overspend: the forecast is %s over the allocation\n"), money);
    }
  else
    g_print (_("Headroom: not known without an allocation\n"));
  g_print ("\n");

  if (checks->len == 0)
    g_print (_("Checks: none — every rule checked is met\n"));
  else
    {
      guint n_errors = pcn_ledger_count_checks (ledger, PCN_CHECK_ERROR);
      guint n_warnings = pcn_ledger_count_checks (ledger, PCN_CHECK_WARNING);

      /* Translators: "Checks: 2 errors, 3 warnings" */
      g_print (_("Checks: %u errors, %u warnings\n"), n_errors, n_warnings);
      for (guint i = 0; i < checks->len; i++)
        {
          PcnCheck *check = g_ptr_array_index (checks, i);

          /* Translators: "  error  cap:DTL:2022-10-01 (2026/27): message" */
          g_print (_("  %-7s %s (%s): %s\n"), pcn_check_severity_to_string (check->severity),
                   check->rule_id, check->year_name ? check->year_name : fy, check->message);
        }
    }

  if (turnover->len > 0)
    {
      PcnTurnover *all = g_ptr_array_index (turnover, 0);
      GDate start;
      g_autofree char *start_iso = NULL;

      pcn_turnover_period (&data->as_at, &start);
      start_iso = pcn_date_to_iso (&start);
      g_print ("\n");
      if (all->rate_bp >= 0)
        {
          g_autofree char *pct = format_percent_bp (all->rate_bp);

          /* Translators: "Turnover 2025-06-02 to 2026-06-01: 2 leavers, 8.33%" */
          g_print (_("Turnover %s to %s: %d leavers, %s\n"), start_iso, as_at, all->leavers, pct);
        }
      else
        g_print (_("Turnover %s to %s: %d leavers\n"), start_iso, as_at, all->leavers);
    }
  if (vacancies->len > 0)
    {
      g_print (_("Vacancies as at %s:\n"), as_at);
      for (guint i = 0; i < vacancies->len; i++)
        {
          PcnVacancy *v = g_ptr_array_index (vacancies, i);
          g_autofree char *money = pcn_money_format (v->underspend_pence);

          /* Translators: "  CP post 3 (CP): vacant since 2026-03-01, 3 months, £16,000.00 unclaimed" */
          g_print (_("  %s (%s): vacant since %s, %d months, %s unclaimed\n"), v->post_name,
                   v->role_code, v->vacant_since, v->months_vacant, money);
        }
    }
}

static gboolean
cmd_report_budget (PcnwContext  *context,
                   GStrv        *args,
                   GError      **error)
{
  g_autofree char *year_text = NULL;
  g_autofree char *format = NULL;
  g_autofree char *uplift_text = NULL;
  g_autofree char *uplift_from = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The financial year by its first calendar year (2026 is 2026/27)"), "YYYY" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), N_("FORMAT") },
    { "uplift", 0, 0, G_OPTION_ARG_STRING, &uplift_text,
      N_("What if pay rose by this percentage (nothing is saved)"), "PCT" },
    { "uplift-from", 0, 0, G_OPTION_ARG_STRING, &uplift_from,
      N_("The month the uplift starts (default: April)"), "YYYY-MM" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnLedgerData) data = NULL;
  g_autoptr(PcnLedger) ledger = NULL;
  g_autoptr(GPtrArray) turnover = NULL;
  g_autoptr(GPtrArray) vacancies = NULL;
  g_autoptr(GError) local_error = NULL;
  PcnUplift uplift;
  gboolean json = FALSE;
  int year = 0;

  if (!parse_options (args, NULL,
                      _("The year’s ARRS ledger: the allocation, month by month spend on staff "
                        "in post and planned posts, the forecast, headroom and rule checks."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !require_option (year_text, "--year", error) ||
      !parse_format_option (format, "text", &json, error))
    return FALSE;
  if (!pcn_financial_year_parse (year_text, &year, &local_error))
    return option_error (error, "--year", local_error);
  if (!parse_uplift_options (uplift_text, uplift_from, year, &uplift, error))
    return FALSE;

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  data = pcn_store_load_ledger_data (store, year, &context->as_at, error);
  if (data == NULL)
    return FALSE;
  if (uplift.bp != 0)
    ledger = pcn_ledger_what_if_uplift (&data->input, uplift.bp, uplift.from_month_index);
  else
    ledger = pcn_ledger_compute (&data->input);
  turnover = pcn_turnover_compute (data->input.staff, &data->as_at);
  vacancies = pcn_vacancies_compute (data->input.posts, data->input.rates, data->input.rules,
                                     data->input.area, &data->as_at);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_budget_json (builder, data, ledger, &uplift, turnover, vacancies);
      print_json (builder);
    }
  else
    print_budget_text (data, ledger, &uplift, turnover, vacancies);
  return TRUE;
}

static gboolean
cmd_plan_latest_start (PcnwContext  *context,
                       GStrv        *args,
                       GError      **error)
{
  g_autofree char *year_text = NULL;
  g_autofree char *role_text = NULL;
  g_autofree char *wte_text = NULL;
  g_autofree char *cost_text = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The financial year by its first calendar year (2026 is 2026/27)"), "YYYY" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role_text, N_("Role code or name"), N_("CODE") },
    { "wte", 0, 0, G_OPTION_ARG_STRING, &wte_text,
      N_("Whole-time equivalent, more than 0 and at most 1"), "W" },
    { "annual-cost", 0, 0, G_OPTION_ARG_STRING, &cost_text,
      N_("Expected cost a year, pay plus on-costs (default: the role’s maximum)"), N_("POUNDS") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnLedgerData) data = NULL;
  g_autoptr(PcnLedger) ledger = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *cost_money = NULL;
  g_autofree char *unspent_money = NULL;
  g_autofree char *wte = NULL;
  PcnRole *role;
  int year = 0, wte_milli = 0, month_index = 0, y = 0, m = 0;
  gint64 cost = -1, post_cost = 0, unspent = 0;

  if (!parse_options (args, NULL,
                      _("The last month a new post can start and still fit the year’s "
                        "headroom, and what would go unspent."),
                      entries, error) ||
      !check_arguments (*args, 0, NULL, error) ||
      !require_option (year_text, "--year", error) ||
      !require_option (role_text, "--role", error) ||
      !require_option (wte_text, "--wte", error))
    return FALSE;
  if (!pcn_financial_year_parse (year_text, &year, &local_error))
    return option_error (error, "--year", local_error);
  if (!pcn_wte_parse (wte_text, &wte_milli, &local_error))
    return option_error (error, "--wte", local_error);
  if (cost_text != NULL && !pcn_money_parse (cost_text, &cost, &local_error))
    return option_error (error, "--annual-cost", local_error);

  store = open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = require_network (store, error);
  if (network == NULL)
    return FALSE;
  data = pcn_store_load_ledger_data (store, year, &context->as_at, error);
  if (data == NULL)
    return FALSE;
  role = pcn_roles_find (data->input.roles, role_text);
  if (role == NULL)
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                   _("--role: “%s” is not a known role (see “pcnw rates list”)"), role_text);
      return FALSE;
    }
  ledger = pcn_ledger_compute (&data->input);
  if (!pcn_ledger_latest_start (&data->input, ledger, pcn_role_get_code (role), wte_milli, cost,
                                &month_index, &post_cost, &unspent, &local_error))
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED, "%s", local_error->message);
      return FALSE;
    }

  pcn_ledger_month_date (year, month_index, &y, &m);
  cost_money = pcn_money_format (post_cost);
  unspent_money = pcn_money_format (unspent);
  wte = pcn_wte_format (wte_milli);
  /* Translators: "Latest start for CP at 1.0 WTE in 2026/27: 2026-11-01" */
  g_print (_("Latest start for %1$s at %2$s WTE in %3$s: %4$04d-%5$02d-01\n"),
           pcn_role_get_code (role), wte, pcn_ledger_get_year_name (ledger), y, m);
  g_print (_("Cost from then to March: %s\n"), cost_money);
  g_print (_("Unspent at year end if it starts then: %s\n"), unspent_money);
  return TRUE;
}

/* ------------------------------------------------------------------ help */

static gboolean cmd_help (PcnwContext  *context,
                          GStrv        *args,
                          GError      **error);

static const PcnwCommand commands[] = {
  { "init", NULL, cmd_init,
    "--name NAME --list-size N [--weighted-list-size N] [--ods CODE] "
    "[--area national|outer-london|inner-london]",
    N_("create the PCN in an empty database") },
  { "info", NULL, cmd_info, "", N_("the PCN, its practices, years and staff counts") },
  { "practice", "add", cmd_practice_add, "--name NAME [--ods CODE] [--list-size N]",
    N_("add a member practice") },
  { "practice", "list", cmd_practice_list, "", N_("the member practices") },
  { "year", "set", cmd_year_set, "--year YYYY --allocation POUNDS",
    N_("the PCN’s ARRS sum for that financial year") },
  { "rates", "list", cmd_rates_list, "[--year YYYY]",
    N_("the maximum reimbursable amounts, with effective dates and sources") },
  { "rates", "set", cmd_rates_set,
    "--role CODE --from YYYY-MM-DD --annual POUNDS [--area AREA] [--source TEXT]",
    N_("add or correct a rate from a date") },
  { "import", "staff", cmd_import_staff, "FILE.csv", N_("add staff (all rows or none)") },
  { "list", "staff", cmd_list_staff, "[--format tsv|json]", N_("the staff") },
  { "export", "staff", cmd_export_staff, "--output FILE.xlsx",
    N_("the staff list as a workbook") },
  { "staff", "leave", cmd_staff_leave, "--staff NAME|PAYROLL_ID --date YYYY-MM-DD --reason TEXT",
    N_("record a leaver; a post they fill becomes vacant") },
  { "plan", "add", cmd_plan_add,
    "--role CODE --wte W --start YYYY-MM-DD [--band B] [--annual-cost POUNDS] [--status S] "
    "[--practices LIST] [--title TEXT] [--funding arrs|other] [--employer-model M] "
    "[--purpose LIST]",
    N_("add a post to the recruitment plan") },
  { "plan", "list", cmd_plan_list, "[--format tsv|json]", N_("the posts of the recruitment plan") },
  { "plan", "status", cmd_plan_status,
    "--id N --status S [--date YYYY-MM-DD] [--staff NAME|PAYROLL_ID]",
    N_("move a post along the pipeline; in_post links who fills it") },
  { "plan", "latest-start", cmd_plan_latest_start,
    "--year YYYY --role CODE --wte W [--annual-cost POUNDS]",
    N_("the last month a new post can start within the headroom") },
  { "report", "budget", cmd_report_budget,
    "--year YYYY [--format text|json] [--uplift PCT [--uplift-from YYYY-MM]]",
    N_("the year’s ledger: allocation, monthly spend, forecast, headroom, checks") },
  { "import", "costs", _pcnw_cmd_import_costs, "FILE.csv",
    N_("actual monthly employment costs from payroll (all rows or none)") },
  { "report", "claim", _pcnw_cmd_report_claim, "--month YYYY-MM [--format text|json]",
    N_("the month’s ARRS claim") },
  { "claim", "submit", _pcnw_cmd_claim_submit, "--month YYYY-MM [--date YYYY-MM-DD]",
    N_("mark the month’s claim submitted, which locks it") },
  { "claim", "reopen", _pcnw_cmd_claim_reopen, "--month YYYY-MM --reason TEXT",
    N_("reopen a submitted claim; the reason is kept in the audit log") },
  { "report", "backpay", _pcnw_cmd_report_backpay, "--year YYYY [--format text|json]",
    N_("what was claimed against what is claimable now, per person and month") },
  { "export", "claim", _pcnw_cmd_export_claim, "--month YYYY-MM --output FILE.xlsx",
    N_("the claim workbook") },
  { "export", "plan", _pcnw_cmd_export_plan, "--year YYYY --output FILE.xlsx",
    N_("the workforce plan workbook") },
  { "export", "backpay", _pcnw_cmd_export_backpay,
    "--year YYYY --output FILE.xlsx [--reason TEXT]",
    N_("the back-pay claim workbook") },
  { "induction", "list", _pcnw_cmd_induction_list,
    "[--staff NAME|PAYROLL_ID] [--practice NAME] [--overdue] [--format tsv|json]",
    N_("a person’s checklist items, or the open items of every starter") },
  { "induction", "tick", _pcnw_cmd_induction_tick,
    "--staff NAME|PAYROLL_ID --item ID --by NAME [--date D] [--na REASON] [--note TEXT]",
    N_("complete a checklist item (or mark it not applicable)") },
  { "report", "induction", _pcnw_cmd_report_induction, "[--practice NAME] [--format text|json]",
    N_("induction progress of every starter in their first six months") },
  { "export", "induction", _pcnw_cmd_export_induction, "--output FILE.xlsx [--staff NAME|PAYROLL_ID]",
    N_("the induction overview, or one person’s printable checklist") },
  { "supervision", "assign", _pcnw_cmd_supervision_assign,
    "--staff S --kind K --supervisor NAME [--profession P] [--minutes-per-week M] [--practice NAME] [--from D]",
    N_("name a supervisor") },
  { "supervision", "end", _pcnw_cmd_supervision_end,
    "--staff S --kind K --supervisor NAME [--date D]", N_("a supervisor stops supervising someone") },
  { "supervision", "log", _pcnw_cmd_supervision_log,
    "--staff S --kind K --supervisor NAME --date D --minutes M [--group]", N_("record a session") },
  { "supervision", "cost", _pcnw_cmd_supervision_cost,
    "[--rate POUNDS_PER_HOUR] [--month YYYY-MM] [--format text|json]",
    N_("supervisor load and cost at the GP hourly rate") },
  { "integration", "set", _pcnw_cmd_integration_set, "--staff S --indicator CODE --value yes|no",
    N_("record an answer of the integration check") },
  { "report", "supervision", _pcnw_cmd_report_supervision, "[--format text|json]",
    N_("status per person and per role") },
  { "report", "integration", _pcnw_cmd_report_integration, "[--format text|json]",
    N_("the integration check") },
  { "export", "status", _pcnw_cmd_export_status, "--output FILE.xlsx",
    N_("supervision, training and integration workbook") },
  { "training", "add", _pcnw_cmd_training_add,
    "--staff NAME|PAYROLL_ID --name TEXT [--due YYYY-MM-DD] [--completed YYYY-MM-DD]",
    N_("add a training or pathway item (--due: deadline, or expiry once done)") },
  { "training", "list", _pcnw_cmd_training_list, "[--staff NAME|PAYROLL_ID] [--format tsv|json]",
    N_("training items: current, expiring within 30 days, expired or missing") },
  { "training", "done", _pcnw_cmd_training_done, "--id N [--date YYYY-MM-DD] [--expires YYYY-MM-DD]",
    N_("mark a training item done") },
  { "training", "remove", _pcnw_cmd_training_remove, "--id N", N_("remove a training item") },
  { "vision", "set", _pcnw_cmd_vision_set, "--statement TEXT [--purpose TEXT] [--working-weeks N]",
    N_("the vision statement and purpose") },
  { "objective", "add", _pcnw_cmd_objective_add,
    "--title T --measure M [--target T] [--owner O] [--review YYYY-MM-DD]", N_("add an objective") },
  { "objective", "link", _pcnw_cmd_objective_link, "--objective ID --post ID [--remove]",
    N_("link a post to an objective it serves") },
  { "buyin", "set", _pcnw_cmd_buyin_set, "--practice NAME --agreed yes|no [--date D] [--by NAME] [--notes TEXT]",
    N_("a practice's buy-in") },
  { "skills", "set", _pcnw_cmd_skills_set, "--skill S --count N --from D --to D",
    N_("a count of the skills-need audit") },
  { "report", "vision", _pcnw_cmd_report_vision, "[--format text|json]",
    N_("objectives, links, buy-in, skills audit") },
  { "export", "vision", _pcnw_cmd_export_vision, "--output FILE.xlsx",
    N_("strategy on a page") },
  { "rolecard", "set", _pcnw_cmd_rolecard_set,
    "--role CODE [--does TEXT] [--does-not TEXT] [--supervised-by TEXT] [--referral TEXT]",
    N_("a role card: what the role does and does not do, supervision, referral") },
  { "export", "role-cards", _pcnw_cmd_export_role_cards, "--output FILE.xlsx [--role CODE]",
    N_("role cards for practices and reception teams") },
  { "demo", NULL, cmd_demo, "[--staff N]",
    N_("fill an empty database with a realistic sample PCN") },
  { "backup", NULL, cmd_backup, "--output FILE", N_("a consistent copy of the database") },
  { "help", NULL, cmd_help, "[COMMAND]", N_("this text, or a command’s options") },
};

const PcnwCommand *
pcnw_get_commands (guint *n_commands)
{
  *n_commands = G_N_ELEMENTS (commands);
  return commands;
}

static const char *
get_exit_status_text (void)
{
  return _("Exit status:\n"
           "  0  done\n"
           "  1  bad input or a rule refused it (an unreadable or invalid file,\n"
           "     an unknown role, a PCN that already exists); nothing was changed\n"
           "  2  usage error: an unknown command or option, a missing required\n"
           "     option, or an option value in the wrong format (e.g.\n"
           "     --list-size abc or --allocation 12x)\n");
}

char *
pcnw_dup_usage (gboolean with_usage_line)
{
  GString *s = g_string_new (NULL);

  if (with_usage_line)
    {
      g_string_append_printf (s, _("Usage: %s\n"),
                              "pcnw [--db FILE] [--as-at YYYY-MM-DD] COMMAND [ARGS]");
      g_string_append (s, "\n");
    }
  g_string_append (s, _("Commands:\n"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_autofree char *name = commands[i].name
        ? g_strdup_printf ("%s %s", commands[i].group, commands[i].name)
        : g_strdup (commands[i].group);

      g_string_append_printf (s, "  %s%s%s\n      %s\n", name,
                              *commands[i].synopsis ? " " : "", commands[i].synopsis,
                              _(commands[i].summary));
    }
  g_string_append (s, "\n");
  if (with_usage_line)
    {
      g_string_append (s, _("Options:\n"
                            "  --db FILE        the database (default: "
                            "$XDG_DATA_HOME/pcn-workforce/pcn.db)\n"
                            "  --as-at DATE     “today” for every status computation\n"));
      g_string_append (s, "\n");
    }
  g_string_append (s, _("Money is in pounds (1234.5 or £1,234.50); dates are YYYY-MM-DD or "
                        "DD/MM/YYYY; --year 2026 is the financial year 2026/27.\n"));
  g_string_append (s, "\n");
  g_string_append (s, get_exit_status_text ());
  return g_string_free (s, FALSE);
}

static gboolean
cmd_help (PcnwContext  *context,
          GStrv        *args,
          GError      **error)
{
  GStrv argv = *args;
  guint n = g_strv_length (argv);

  if (n > 1 && strcmp (argv[1], "help") != 0)
    {
      gboolean group_found = FALSE;

      /* `pcnw help practice add` is `pcnw practice add --help`. */
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        {
          g_autofree char *name = NULL;
          g_auto(GStrv) help_args = NULL;

          if (strcmp (commands[i].group, argv[1]) != 0)
            continue;
          group_found = TRUE;
          if (commands[i].name != NULL && (n < 3 || strcmp (commands[i].name, argv[2]) != 0))
            continue;

          name = commands[i].name
            ? g_strdup_printf ("pcnw %s %s", commands[i].group, commands[i].name)
            : g_strdup_printf ("pcnw %s", commands[i].group);
          help_args = g_new0 (char *, 3);
          help_args[0] = g_steal_pointer (&name);
          help_args[1] = g_strdup ("--help");
          return commands[i].func (context, &help_args, error);
        }
      if (!group_found)
        return usage_error (error, _("unknown command “%s” (see “pcnw help”)"), argv[1]);

      /* A group without (or with an unknown) second word: list its commands. */
      for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
        if (strcmp (commands[i].group, argv[1]) == 0)
          g_print ("pcnw %s %s%s%s\n      %s\n", commands[i].group, commands[i].name,
                   *commands[i].synopsis ? " " : "", commands[i].synopsis,
                   _(commands[i].summary));
      return TRUE;
    }

  {
    g_autofree char *usage = pcnw_dup_usage (TRUE);

    g_print ("%s", usage);
  }
  return TRUE;
}

/* ---------------------------------------------- shared (pcnw-private.h) */

gboolean _pcnw_parse_options (GStrv *args, const char *parameter_string, const char *summary, GOptionEntry *entries, GError **error) { return parse_options (args, parameter_string, summary, entries, error); }
gboolean _pcnw_option_error (GError **error, const char *option, GError *parse_error) { return option_error (error, option, parse_error); }
gboolean _pcnw_require_option (const char *value, const char *option, GError **error) { return require_option (value, option, error); }
gboolean _pcnw_check_arguments (GStrv args, guint n_wanted, const char *what, GError **error) { return check_arguments (args, n_wanted, what, error); }
gboolean _pcnw_parse_format_option (const char *format, const char *other, gboolean *out_json, GError **error) { return parse_format_option (format, other, out_json, error); }
PcnStore *_pcnw_open_store (PcnwContext *context, GError **error) { return open_store (context, error); }
PcnNetwork *_pcnw_require_network (PcnStore *store, GError **error) { return require_network (store, error); }
void _pcnw_print_json (JsonBuilder *builder) { print_json (builder); }
