/* pcnw-commands.c — the Foundation commands of `pcnw` (see CLI.md)
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
