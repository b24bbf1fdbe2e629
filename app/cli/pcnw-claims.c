/* pcnw-claims.c — the claims and returns commands of `pcnw` (CLI.md,
 * "Claims and returns"): payroll cost import, the month's claim, submit
 * and reopen, back-pay, and the claim, plan and back-pay workbooks
 *
 * Options are read as in pcnw-commands.c: a value that cannot be read is a
 * usage error (exit 2) naming the option; a rule that refuses (a locked
 * month, an unknown payroll ID) exits 1 with nothing changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pcn-core.h"
#include "pcn-export-backpay.h"
#include "pcn-export-claim.h"
#include "pcn-export-plan.h"
#include "pcn-store.h"
#include "pcnw-private.h"

/* ----------------------------------------------------------- helpers */

static gboolean
parse_month_option (const char  *text,
                    int         *out_year,
                    int         *out_month,
                    GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!_pcnw_require_option (text, "--month", error))
    return FALSE;
  if (!pcn_month_parse (text, out_year, out_month, &local_error))
    return _pcnw_option_error (error, "--month", local_error);
  return TRUE;
}

static gboolean
parse_year_option (const char  *text,
                   int         *out_year,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!_pcnw_require_option (text, "--year", error))
    return FALSE;
  if (!pcn_financial_year_parse (text, out_year, &local_error))
    return _pcnw_option_error (error, "--year", local_error);
  return TRUE;
}

/* Opens the store and checks the PCN exists. */
static PcnStore *
open_network_store (PcnwContext  *context,
                    PcnNetwork  **out_network,
                    GError      **error)
{
  g_autoptr(PcnStore) store = _pcnw_open_store (context, error);
  g_autoptr(PcnNetwork) network = NULL;

  if (store == NULL)
    return NULL;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return NULL;
  if (out_network != NULL)
    *out_network = g_steal_pointer (&network);
  return g_steal_pointer (&store);
}

static void
json_add_int (JsonBuilder *builder,
              const char  *member,
              gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

static void
json_add_string (JsonBuilder *builder,
                 const char  *member,
                 const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/* @value < 0 is null ("not known"). */
static void
json_add_pence (JsonBuilder *builder,
                const char  *member,
                gint64       value)
{
  json_builder_set_member_name (builder, member);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static char *
format_pence (gint64 pence)
{
  if (pence < 0)
    return g_strdup ("—");
  return pcn_money_format (pence);
}

static char *
format_signed (gint64 pence)
{
  g_autofree char *abs = pcn_money_format (pence < 0 ? -pence : pence);

  return pence < 0 ? g_strdup_printf ("−%s", abs) : g_strdup (abs);
}

/* ------------------------------------------------------- import costs */

gboolean
_pcnw_cmd_import_costs (PcnwContext  *context,
                        GStrv        *args,
                        GError      **error)
{
  GOptionEntry entries[] = { { NULL } };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *data = NULL;
  const char *path;
  gsize length = 0;

  if (!_pcnw_parse_options (args, "FILE.csv",
                            _("Import actual monthly employment costs from payroll (pay plus "
                              "employer NI and pension): columns month, amount and payroll_id "
                              "or name. Every row or none."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 1, "FILE.csv", error))
    return FALSE;
  path = (*args)[1];

  if (!g_file_get_contents (path, &data, &length, &local_error))
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED, "%s", local_error->message);
      return FALSE;
    }

  store = open_network_store (context, NULL, error);
  if (store == NULL)
    return FALSE;

  /* One "FILE:LINE: what" a line, as `import staff` prints them. */
  rows = pcn_costs_csv_parse (path, data, length, &local_error);
  if (rows == NULL || !pcn_store_import_costs (store, rows, path, &local_error))
    {
      g_printerr ("%s\n", local_error->message);
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                   _("nothing was imported from %s"), path);
      return FALSE;
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u payroll cost from %s\n",
                        "Imported %u payroll costs from %s\n", rows->len),
           rows->len, path);
  return TRUE;
}

/* ------------------------------------------------------- report claim */

static void
add_warnings_json (JsonBuilder      *builder,
                   PcnClaimWarnings  warnings)
{
  static const struct { PcnClaimWarnings flag; const char *code; } codes[] = {
    { PCN_CLAIM_WARNING_ESTIMATE, "estimate" },
    { PCN_CLAIM_WARNING_NO_COST, "no_cost" },
    { PCN_CLAIM_WARNING_NO_RATE, "no_rate" },
    { PCN_CLAIM_WARNING_NOT_CLAIMABLE, "not_claimable" },
  };

  json_builder_set_member_name (builder, "warnings");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    if (warnings & codes[i].flag)
      json_builder_add_string_value (builder, codes[i].code);
  json_builder_end_array (builder);
}

static void
add_claim_json (JsonBuilder  *builder,
                PcnClaimData *data,
                const GDate  *as_at)
{
  PcnClaim *claim = data->claim;
  GPtrArray *lines = pcn_claim_get_lines (claim);
  g_autofree char *as_at_iso = pcn_date_to_iso (as_at);
  gboolean submitted = pcn_claim_month_is_locked (data->state);

  json_builder_begin_object (builder);
  json_add_string (builder, "month", pcn_claim_get_month_key (claim));
  json_add_string (builder, "financial_year", pcn_claim_get_financial_year_name (claim));
  json_add_string (builder, "as_at", as_at_iso);
  json_add_string (builder, "status", pcn_claim_status_to_string (data->state->status));
  json_add_string (builder, "submitted_on", data->state->submitted_on);
  json_add_pence (builder, "submitted_total_pence",
                  submitted ? data->state->total_claim_pence : -1);
  json_add_string (builder, "reopen_reason", data->state->reopen_reason);

  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < lines->len; i++)
    {
      PcnClaimLine *line = g_ptr_array_index (lines, i);

      json_builder_begin_object (builder);
      json_add_string (builder, "name", line->name);
      json_add_string (builder, "payroll_id", line->payroll_id);
      json_add_string (builder, "role", line->role_code);
      json_add_string (builder, "role_name", line->role_name);
      json_builder_set_member_name (builder, "wte");
      json_builder_add_double_value (builder, line->wte / 1000.0);
      json_add_int (builder, "days_in_post", line->days_in_post);
      json_add_int (builder, "days_in_month", line->days_in_month);
      json_add_int (builder, "actual_pence", line->actual_pence);
      json_builder_set_member_name (builder, "actual_is_estimate");
      json_builder_add_boolean_value (builder, line->actual_is_estimate);
      json_add_pence (builder, "annual_max_pence", line->annual_max_pence);
      json_add_pence (builder, "max_pence", line->max_pence);
      json_add_int (builder, "share_percent", line->share_percent);
      json_add_int (builder, "claim_pence", line->claim_pence);
      add_warnings_json (builder, line->warnings);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_add_int (builder, "total_claim_pence", pcn_claim_get_total_claim (claim));
  json_add_int (builder, "total_actual_pence", pcn_claim_get_total_actual (claim));
  json_add_int (builder, "total_max_pence", pcn_claim_get_total_max (claim));
  json_add_pence (builder, "allocation_pence", data->allocation_pence);
  json_add_int (builder, "claimed_before_pence", data->claimed_before_pence);
  json_add_int (builder, "claimed_to_date_pence", data->claimed_to_date_pence);
  json_builder_set_member_name (builder, "remaining_pence");
  if (data->allocation_pence >= 0)
    json_builder_add_int_value (builder,
                                pcn_claim_allocation_remaining (data->allocation_pence,
                                                                data->claimed_to_date_pence));
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
print_claim_text (PcnClaimData *data,
                  const GDate  *as_at)
{
  PcnClaim *claim = data->claim;
  GPtrArray *lines = pcn_claim_get_lines (claim);
  g_autofree char *as_at_text = pcn_date_format_display (as_at);
  g_autofree char *total = pcn_money_format (pcn_claim_get_total_claim (claim));
  g_autofree char *allocation = format_pence (data->allocation_pence);
  g_autofree char *to_date = pcn_money_format (data->claimed_to_date_pence);

  /* Translators: %1$s is a month (2026-05), %2$s a financial year, %3$s a date */
  g_print (_("ARRS claim for %1$s (%2$s), as at %3$s\n"), pcn_claim_get_month_key (claim),
           pcn_claim_get_financial_year_name (claim), as_at_text);
  if (pcn_claim_month_is_locked (data->state))
    {
      g_autofree char *on = pcn_iso_format_display (data->state->submitted_on);
      g_autofree char *as_submitted = pcn_money_format (data->state->total_claim_pence);

      g_print (_("Status: submitted on %s (total as submitted %s)\n"), on, as_submitted);
    }
  else
    g_print (_("Status: open\n"));

  g_print ("\n%-28s %-10s %-6s %5s %12s %12s %12s  %s\n", _("Name"), _("Role"), _("WTE"),
           _("Days"), _("Actual"), _("Maximum"), _("Claim"), _("Warnings"));
  for (guint i = 0; i < lines->len; i++)
    {
      PcnClaimLine *line = g_ptr_array_index (lines, i);
      g_autofree char *wte = pcn_wte_format (line->wte);
      g_autofree char *actual = pcn_money_format (line->actual_pence);
      g_autofree char *max = format_pence (line->max_pence);
      g_autofree char *line_claim = pcn_money_format (line->claim_pence);
      g_autofree char *warnings = pcn_claim_warnings_describe (line->warnings);

      g_print ("%-28s %-10s %-6s %2d/%-2d %12s %12s %12s  %s\n", line->name, line->role_code,
               wte, line->days_in_post, line->days_in_month, actual, max, line_claim,
               warnings);
    }
  g_print ("\n");
  g_print (_("Total claim: %s\n"), total);
  g_print (_("Allocation: %s; claimed to date: %s\n"), allocation, to_date);
}

gboolean
_pcnw_cmd_report_claim (PcnwContext  *context,
                        GStrv        *args,
                        GError      **error)
{
  g_autofree char *month_text = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, N_("The month claimed"), "YYYY-MM" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnClaimData) data = NULL;
  gboolean json = FALSE;
  int year = 0, month = 0;

  if (!_pcnw_parse_options (args, NULL,
                            _("The month’s ARRS claim: one line per claimable person with "
                              "days in post, actual cost, the pro-rata maximum and the claim."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !parse_month_option (month_text, &year, &month, error) ||
      !_pcnw_parse_format_option (format, "text", &json, error))
    return FALSE;

  store = open_network_store (context, NULL, error);
  if (store == NULL)
    return FALSE;
  data = pcn_store_load_claim (store, year, month, FALSE, error);
  if (data == NULL)
    return FALSE;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_claim_json (builder, data, &context->as_at);
      _pcnw_print_json (builder);
    }
  else
    print_claim_text (data, &context->as_at);
  return TRUE;
}

/* ------------------------------------------------ claim submit/reopen */

gboolean
_pcnw_cmd_claim_submit (PcnwContext  *context,
                        GStrv        *args,
                        GError      **error)
{
  g_autofree char *month_text = NULL;
  g_autofree char *date_text = NULL;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, N_("The month claimed"), "YYYY-MM" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text,
      N_("The date it was submitted (default: today, or --as-at)"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnClaimMonth) state = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *total = NULL;
  GDate date;
  int year = 0, month = 0;

  if (!_pcnw_parse_options (args, NULL,
                            _("Mark the month’s claim submitted. Its lines are kept as "
                              "submitted and the month is locked until reopened."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !parse_month_option (month_text, &year, &month, error))
    return FALSE;
  if (date_text == NULL)
    date = context->as_at;
  else if (!pcn_date_parse (date_text, &date, &local_error))
    return _pcnw_option_error (error, "--date", local_error);
  iso = pcn_date_to_iso (&date);

  store = open_network_store (context, NULL, error);
  if (store == NULL)
    return FALSE;
  if (!pcn_store_submit_claim (store, year, month, iso, error))
    return FALSE;
  state = pcn_store_get_claim_month (store, year, month, error);
  if (state == NULL)
    return FALSE;
  total = pcn_money_format (state->total_claim_pence);
  /* Translators: %1$04d-%2$02d is the month, %3$s a date, %4$s money */
  g_print (_("Submitted the claim for %1$04d-%2$02d on %3$s: %4$s\n"), year, month, iso, total);
  return TRUE;
}

gboolean
_pcnw_cmd_claim_reopen (PcnwContext  *context,
                        GStrv        *args,
                        GError      **error)
{
  g_autofree char *month_text = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, N_("The month claimed"), "YYYY-MM" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("Why it is reopened (kept in the audit log)"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  int year = 0, month = 0;

  if (!_pcnw_parse_options (args, NULL,
                            _("Reopen a submitted claim so that it can change; the reason is "
                              "kept in the audit log."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !parse_month_option (month_text, &year, &month, error) ||
      !_pcnw_require_option (reason, "--reason", error))
    return FALSE;

  store = open_network_store (context, NULL, error);
  if (store == NULL)
    return FALSE;
  if (!pcn_store_reopen_claim (store, year, month, reason, error))
    return FALSE;
  g_print (_("Reopened the claim for %04d-%02d\n"), year, month);
  return TRUE;
}

/* ----------------------------------------------------- report backpay */

static void
add_backpay_json (JsonBuilder *builder,
                  int          year,
                  PcnBackpay  *backpay)
{
  g_autofree char *fy = pcn_financial_year_name (year);
  GPtrArray *lines = pcn_backpay_get_lines (backpay);

  json_builder_begin_object (builder);
  json_add_string (builder, "financial_year", fy);
  json_builder_set_member_name (builder, "lines");
  json_builder_begin_array (builder);
  for (guint i = 0; i < lines->len; i++)
    {
      PcnBackpayLine *line = g_ptr_array_index (lines, i);
      g_autofree char *month = g_strdup_printf ("%04d-%02d", line->year, line->month);

      json_builder_begin_object (builder);
      json_add_string (builder, "name", line->name);
      json_add_string (builder, "payroll_id", line->payroll_id);
      json_add_string (builder, "role", line->role_code);
      json_add_string (builder, "month", month);
      json_builder_set_member_name (builder, "wte");
      json_builder_add_double_value (builder, line->wte / 1000.0);
      json_add_int (builder, "days_in_post", line->days_in_post);
      json_add_pence (builder, "old_annual_max_pence", line->old_annual_max_pence);
      json_add_pence (builder, "new_annual_max_pence", line->new_annual_max_pence);
      json_add_int (builder, "claimed_pence", line->claimed_pence);
      json_add_int (builder, "claimable_pence", line->claimable_pence);
      json_add_int (builder, "difference_pence", line->difference_pence);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_add_int (builder, "total_claimed_pence", pcn_backpay_get_total_claimed (backpay));
  json_add_int (builder, "total_claimable_pence", pcn_backpay_get_total_claimable (backpay));
  json_add_int (builder, "total_difference_pence", pcn_backpay_get_total_difference (backpay));
  json_builder_end_object (builder);
}

static void
print_backpay_text (int         year,
                    PcnBackpay *backpay)
{
  g_autofree char *fy = pcn_financial_year_name (year);
  g_autofree char *difference = format_signed (pcn_backpay_get_total_difference (backpay));
  GPtrArray *lines = pcn_backpay_get_lines (backpay);

  g_print (_("Back-pay for %s: submitted claims against what is claimable now\n"), fy);
  if (lines->len == 0)
    {
      g_print (_("Nothing has changed in the submitted months.\n"));
      return;
    }
  g_print ("\n%-28s %-10s %-7s %12s %12s %12s\n", _("Name"), _("Role"), _("Month"),
           _("Claimed"), _("Claimable"), _("Difference"));
  for (guint i = 0; i < lines->len; i++)
    {
      PcnBackpayLine *line = g_ptr_array_index (lines, i);
      g_autofree char *claimed = pcn_money_format (line->claimed_pence);
      g_autofree char *claimable = pcn_money_format (line->claimable_pence);
      g_autofree char *diff = format_signed (line->difference_pence);

      g_print ("%-28s %-10s %04d-%02d %12s %12s %12s\n", line->name, line->role_code,
               line->year, line->month, claimed, claimable, diff);
    }
  g_print ("\n");
  g_print (_("Total difference: %s\n"), difference);
}

gboolean
_pcnw_cmd_report_backpay (PcnwContext  *context,
                          GStrv        *args,
                          GError      **error)
{
  g_autofree char *year_text = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The financial year by its first calendar year (2026 is 2026/27)"), "YYYY" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text (default) or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnBackpay) backpay = NULL;
  gboolean json = FALSE;
  int year = 0;

  if (!_pcnw_parse_options (args, NULL,
                            _("For every submitted month of the year, each person’s claim as "
                              "submitted against what is claimable now (after a back-dated "
                              "rate change), where they differ."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !parse_year_option (year_text, &year, error) ||
      !_pcnw_parse_format_option (format, "text", &json, error))
    return FALSE;

  store = open_network_store (context, NULL, error);
  if (store == NULL)
    return FALSE;
  backpay = pcn_store_compute_backpay (store, year, error);
  if (backpay == NULL)
    return FALSE;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_backpay_json (builder, year, backpay);
      _pcnw_print_json (builder);
    }
  else
    print_backpay_text (year, backpay);
  return TRUE;
}

/* ------------------------------------------------------------ exports */

gboolean
_pcnw_cmd_export_claim (PcnwContext  *context,
                        GStrv        *args,
                        GError      **error)
{
  g_autofree char *month_text = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, N_("The month claimed"), "YYYY-MM" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), "FILE.xlsx" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnClaimData) data = NULL;
  g_autofree char *total = NULL;
  int year = 0, month = 0;

  if (!_pcnw_parse_options (args, NULL, _("Write the month’s claim as an Excel workbook."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !parse_month_option (month_text, &year, &month, error) ||
      !_pcnw_require_option (output, "--output", error))
    return FALSE;

  store = open_network_store (context, NULL, error);
  if (store == NULL)
    return FALSE;
  data = pcn_store_load_claim (store, year, month, FALSE, error);
  if (data == NULL)
    return FALSE;
  if (!pcn_export_claim (output, data->network, data->claim, data->allocation_pence,
                         data->claimed_before_pence, error))
    return FALSE;
  total = pcn_money_format (pcn_claim_get_total_claim (data->claim));
  /* Translators: %1$s is a month (2026-05), %2$s money, %3$s a file */
  g_print (_("Wrote the claim for %1$s (%2$s) to %3$s\n"),
           pcn_claim_get_month_key (data->claim), total, output);
  return TRUE;
}

gboolean
_pcnw_cmd_export_plan (PcnwContext  *context,
                       GStrv        *args,
                       GError      **error)
{
  g_autofree char *year_text = NULL;
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The financial year by its first calendar year (2026 is 2026/27)"), "YYYY" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), "FILE.xlsx" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnLedgerData) data = NULL;
  g_autoptr(PcnLedger) ledger = NULL;
  g_autofree char *fy = NULL;
  int year = 0;

  if (!_pcnw_parse_options (args, NULL,
                            _("Write the year’s workforce plan (WTE by role, expected cost, "
                              "the monthly ledger and a chart) as an Excel workbook."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !parse_year_option (year_text, &year, error) ||
      !_pcnw_require_option (output, "--output", error))
    return FALSE;

  store = open_network_store (context, &network, error);
  if (store == NULL)
    return FALSE;
  data = pcn_store_load_ledger_data (store, year, &context->as_at, error);
  if (data == NULL)
    return FALSE;
  ledger = pcn_ledger_compute (&data->input);
  if (!pcn_export_plan (output, data->network, ledger, data->input.staff, data->input.posts,
                        error))
    return FALSE;
  fy = pcn_financial_year_name (year);
  /* Translators: %1$s is a financial year (2026/27), %2$s a file */
  g_print (_("Wrote the workforce plan for %1$s to %2$s\n"), fy, output);
  return TRUE;
}

gboolean
_pcnw_cmd_export_backpay (PcnwContext  *context,
                          GStrv        *args,
                          GError      **error)
{
  g_autofree char *year_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *reason = NULL;
  GOptionEntry entries[] = {
    { "year", 0, 0, G_OPTION_ARG_STRING, &year_text,
      N_("The financial year by its first calendar year (2026 is 2026/27)"), "YYYY" },
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), "FILE.xlsx" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason,
      N_("What changed, e.g. “CP maximum corrected from 1 April 2025”"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnBackpay) backpay = NULL;
  g_autofree char *difference = NULL;
  int year = 0;

  if (!_pcnw_parse_options (args, NULL, _("Write the year’s back-pay claim as an Excel workbook."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !parse_year_option (year_text, &year, error) ||
      !_pcnw_require_option (output, "--output", error))
    return FALSE;

  store = open_network_store (context, &network, error);
  if (store == NULL)
    return FALSE;
  backpay = pcn_store_compute_backpay (store, year, error);
  if (backpay == NULL)
    return FALSE;
  if (!pcn_export_backpay (output, network, backpay, reason, error))
    return FALSE;
  difference = format_signed (pcn_backpay_get_total_difference (backpay));
  /* Translators: %1$s is money, %2$s a file */
  g_print (_("Wrote the back-pay claim (%1$s) to %2$s\n"), difference, output);
  return TRUE;
}
