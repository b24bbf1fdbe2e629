/* pcnw-supervision.c — the supervision and integration commands of `pcnw`
 * (CLI.md, "Supervision and integration"): supervision assign, end, log
 * and cost; integration set; report supervision; report integration;
 * export status; training add, list, done and remove
 *
 * Every status is computed as at --as-at, and a session dated after it is
 * refused. An option that does not parse (a date, a number, a kind, a
 * format) is a usage error (exit 2); a value a rule refuses (a session in
 * the future, minutes not above zero, an unknown person or practice) exits
 * 1 with nothing changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pcn-core.h"
#include "pcn-export.h"
#include "pcn-store.h"
#include "pcnw-private.h"

/* Core and store refusals as "OPTION: message" (exit 1). */
static gboolean
refused (GError     **error,
         const char  *option,
         GError      *cause)
{
  g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED, "%s: %s", option, cause->message);
  return FALSE;
}

static gboolean
parse_int_option (const char  *text,
                  const char  *option,
                  gint64       min,
                  gint64       max,
                  int         *out,
                  GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 v = 0;

  if (!g_ascii_string_to_signed (text, 10, min, max, &v, &local_error))
    return _pcnw_option_error (error, option, local_error);
  *out = (int) v;
  return TRUE;
}

static void
add_string_or_null (JsonBuilder *builder,
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
add_int (JsonBuilder *builder,
         const char  *member,
         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

/* ------------------------------------------------ supervision assign */

gboolean
_pcnw_cmd_supervision_assign (PcnwContext  *context,
                              GStrv        *args,
                              GError      **error)
{
  g_autofree char *staff_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *supervisor = NULL;
  g_autofree char *profession = NULL;
  g_autofree char *minutes_text = NULL;
  g_autofree char *practice = NULL;
  g_autofree char *from_text = NULL;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text, N_("Who is supervised"), N_("NAME|PAYROLL_ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("Kind of supervision"), "clinic|clinical|educational" },
    { "supervisor", 0, 0, G_OPTION_ARG_STRING, &supervisor, N_("The supervisor’s name"), N_("NAME") },
    { "profession", 0, 0, G_OPTION_ARG_STRING, &profession, N_("The supervisor’s profession"), N_("TEXT") },
    { "minutes-per-week", 0, 0, G_OPTION_ARG_STRING, &minutes_text, N_("Protected supervisor time a week"), "M" },
    { "practice", 0, 0, G_OPTION_ARG_STRING, &practice, N_("The host practice (default: PCN-wide)"), N_("NAME") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text, N_("From (default: --as-at)"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(PcnSupervisorAssignment) a = pcn_supervisor_assignment_new ();
  g_autoptr(GError) local_error = NULL;
  GDate from = context->as_at;

  if (!_pcnw_parse_options (args, NULL, _("Name a supervisor for a member of staff."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (staff_text, "--staff", error) ||
      !_pcnw_require_option (kind_text, "--kind", error) ||
      !_pcnw_require_option (supervisor, "--supervisor", error))
    return FALSE;
  if (!pcn_supervision_kind_parse (kind_text, &a->kind, &local_error))
    return _pcnw_option_error (error, "--kind", local_error);
  if (minutes_text != NULL &&
      !parse_int_option (minutes_text, "--minutes-per-week", G_MININT, G_MAXINT, &a->minutes_per_week, error))
    return FALSE;
  if (from_text != NULL && !pcn_date_parse (from_text, &from, &local_error))
    return _pcnw_option_error (error, "--from", local_error);

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  staff = _pcnw_find_staff (store, staff_text, error);
  if (staff == NULL)
    return FALSE;

  a->staff_id = pcn_staff_get_id (staff);
  a->supervisor = g_strdup (supervisor);
  a->profession = g_strdup (profession);
  a->practice = g_strdup (practice);
  a->from_date = pcn_date_to_iso (&from);
  if (!pcn_store_assign_supervisor (store, a, &local_error))
    return refused (error, g_error_matches (local_error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND) &&
                           practice != NULL ? "--practice" : "supervision assign",
                    local_error);

  /* Translators: %1$s supervisor, %2$s kind, %3$s person, %4$s date */
  g_print (_("%1$s is the %2$s supervisor of %3$s from %4$s\n"), a->supervisor,
           pcn_supervision_kind_to_string (a->kind), pcn_staff_get_name (staff), a->from_date);
  return TRUE;
}

/* --------------------------------------------------- supervision end */

gboolean
_pcnw_cmd_supervision_end (PcnwContext  *context,
                           GStrv        *args,
                           GError      **error)
{
  g_autofree char *staff_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *supervisor = NULL;
  g_autofree char *date_text = NULL;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text, N_("Who is supervised"), N_("NAME|PAYROLL_ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("Kind of supervision"), "clinic|clinical|educational" },
    { "supervisor", 0, 0, G_OPTION_ARG_STRING, &supervisor, N_("The supervisor’s name"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("Their last day (default: --as-at)"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *iso = NULL;
  PcnSupervisionKind kind;
  GDate date = context->as_at;
  guint ended = 0;

  if (!_pcnw_parse_options (args, NULL, _("A supervisor stops supervising a member of staff."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (staff_text, "--staff", error) ||
      !_pcnw_require_option (kind_text, "--kind", error) ||
      !_pcnw_require_option (supervisor, "--supervisor", error))
    return FALSE;
  if (!pcn_supervision_kind_parse (kind_text, &kind, &local_error))
    return _pcnw_option_error (error, "--kind", local_error);
  if (date_text != NULL && !pcn_date_parse (date_text, &date, &local_error))
    return _pcnw_option_error (error, "--date", local_error);
  iso = pcn_date_to_iso (&date);

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  staff = _pcnw_find_staff (store, staff_text, error);
  if (staff == NULL)
    return FALSE;
  assignments = pcn_store_list_supervisor_assignments (store, pcn_staff_get_id (staff), error);
  if (assignments == NULL)
    return FALSE;
  for (guint i = 0; i < assignments->len; i++)
    {
      PcnSupervisorAssignment *a = g_ptr_array_index (assignments, i);

      if (a->kind != kind || g_utf8_collate (a->supervisor, supervisor) != 0 ||
          !pcn_supervisor_assignment_is_current (a, &date))
        continue;
      if (!pcn_store_end_supervisor (store, a->id, iso, &local_error))
        return refused (error, "--date", local_error);
      ended++;
    }
  if (ended == 0)
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                   /* Translators: %1$s supervisor, %2$s kind, %3$s person, %4$s date */
                   _("--supervisor: %1$s is not a current %2$s supervisor of %3$s on %4$s"),
                   supervisor, pcn_supervision_kind_to_string (kind), pcn_staff_get_name (staff), iso);
      return FALSE;
    }
  /* Translators: %1$s supervisor, %2$s person, %3$s date */
  g_print (_("%1$s supervises %2$s until %3$s\n"), supervisor, pcn_staff_get_name (staff), iso);
  return TRUE;
}

/* --------------------------------------------------- supervision log */

gboolean
_pcnw_cmd_supervision_log (PcnwContext  *context,
                           GStrv        *args,
                           GError      **error)
{
  g_autofree char *staff_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *supervisor = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *minutes_text = NULL;
  gboolean group = FALSE;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text, N_("Who was supervised"), N_("NAME|PAYROLL_ID") },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("Kind of supervision"), "clinic|clinical|educational" },
    { "supervisor", 0, 0, G_OPTION_ARG_STRING, &supervisor, N_("The supervisor’s name"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("When"), "YYYY-MM-DD" },
    { "minutes", 0, 0, G_OPTION_ARG_STRING, &minutes_text, N_("How long"), "M" },
    { "group", 0, 0, G_OPTION_ARG_NONE, &group, N_("A group session (default: one-to-one)"), NULL },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(PcnSupervisionSession) s = pcn_supervision_session_new ();
  g_autoptr(GError) local_error = NULL;
  GDate date;

  if (!_pcnw_parse_options (args, NULL,
                            _("Record a supervision session: date, kind, supervisor and length "
                              "(never clinical content)."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (staff_text, "--staff", error) ||
      !_pcnw_require_option (kind_text, "--kind", error) ||
      !_pcnw_require_option (supervisor, "--supervisor", error) ||
      !_pcnw_require_option (date_text, "--date", error) ||
      !_pcnw_require_option (minutes_text, "--minutes", error))
    return FALSE;
  if (!pcn_supervision_kind_parse (kind_text, &s->kind, &local_error))
    return _pcnw_option_error (error, "--kind", local_error);
  if (!pcn_date_parse (date_text, &date, &local_error))
    return _pcnw_option_error (error, "--date", local_error);
  if (!parse_int_option (minutes_text, "--minutes", G_MININT, G_MAXINT, &s->minutes, error))
    return FALSE;

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  staff = _pcnw_find_staff (store, staff_text, error);
  if (staff == NULL)
    return FALSE;

  s->staff_id = pcn_staff_get_id (staff);
  s->date = pcn_date_to_iso (&date);
  s->supervisor = g_strdup (supervisor);
  s->group = group;
  if (!pcn_store_log_supervision (store, s, &context->as_at, &local_error))
    {
      const char *option = "supervision log";

      if (s->minutes <= 0 || s->minutes > PCN_SUPERVISION_MAX_MINUTES)
        option = "--minutes";
      else if (g_date_compare (&date, &context->as_at) > 0)
        option = "--date";
      return refused (error, option, local_error);
    }

  /* Translators: %1$s kind, %2$s person, %3$s date, %4$d minutes, %5$s supervisor */
  g_print (_("Logged %1$s supervision of %2$s on %3$s: %4$d minutes with %5$s\n"),
           pcn_supervision_kind_to_string (s->kind), pcn_staff_get_name (staff), s->date, s->minutes,
           s->supervisor);
  return TRUE;
}

/* -------------------------------------------------- supervision cost */

gboolean
_pcnw_cmd_supervision_cost (PcnwContext  *context,
                            GStrv        *args,
                            GError      **error)
{
  g_autofree char *rate_text = NULL;
  g_autofree char *month_text = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "rate", 0, 0, G_OPTION_ARG_STRING, &rate_text, N_("Set the PCN’s cost of an hour of GP time"), N_("POUNDS") },
    { "month", 0, 0, G_OPTION_ARG_STRING, &month_text, N_("The month (default: that of --as-at)"), "YYYY-MM" },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format"), "text|json" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnSupervisionLoad) load = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 rate = -1;
  int year = g_date_get_year (&context->as_at), month = g_date_get_month (&context->as_at);
  gboolean json = FALSE;

  if (!_pcnw_parse_options (args, NULL,
                            _("Supervisor load and the monthly cost of supervision at the PCN’s GP "
                              "hourly rate; --rate sets that rate."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_parse_format_option (format, "text", &json, error))
    return FALSE;
  if (rate_text != NULL && !pcn_money_parse (rate_text, &rate, &local_error))
    return _pcnw_option_error (error, "--rate", local_error);
  if (month_text != NULL && !pcn_month_parse (month_text, &year, &month, &local_error))
    return _pcnw_option_error (error, "--month", local_error);

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  if (rate_text != NULL && !pcn_store_set_gp_hourly_rate (store, rate, &local_error))
    return refused (error, "--rate", local_error);
  load = pcn_store_compute_supervisor_load (store, year, month, error);
  if (load == NULL)
    return FALSE;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *month_name = g_strdup_printf ("%04d-%02d", year, month);
      GPtrArray *lists[2] = { load->supervisors, load->practices };
      const char *keys[2] = { "supervisors", "practices" };
      const char *names[2] = { "supervisor", "practice" };

      json_builder_begin_object (builder);
      add_string_or_null (builder, "month", month_name);
      json_builder_set_member_name (builder, "gp_hourly_pence");
      if (load->rate_pence >= 0)
        json_builder_add_int_value (builder, load->rate_pence);
      else
        json_builder_add_null_value (builder);
      for (int l = 0; l < 2; l++)
        {
          json_builder_set_member_name (builder, keys[l]);
          json_builder_begin_array (builder);
          for (guint i = 0; i < lists[l]->len; i++)
            {
              PcnSupervisorLoad *x = g_ptr_array_index (lists[l], i);

              json_builder_begin_object (builder);
              add_string_or_null (builder, names[l], x->supervisor);
              if (l == 0)
                add_string_or_null (builder, "profession", x->profession);
              add_int (builder, "supervisees", x->supervisees);
              add_int (builder, "planned_minutes", x->planned_minutes);
              add_int (builder, "logged_minutes", x->logged_minutes);
              json_builder_set_member_name (builder, "planned_cost_pence");
              if (x->planned_cost_pence >= 0)
                json_builder_add_int_value (builder, x->planned_cost_pence);
              else
                json_builder_add_null_value (builder);
              json_builder_set_member_name (builder, "logged_cost_pence");
              if (x->logged_cost_pence >= 0)
                json_builder_add_int_value (builder, x->logged_cost_pence);
              else
                json_builder_add_null_value (builder);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
        }
      add_int (builder, "planned_minutes", load->total.planned_minutes);
      add_int (builder, "logged_minutes", load->total.logged_minutes);
      json_builder_set_member_name (builder, "planned_cost_pence");
      if (load->total.planned_cost_pence >= 0)
        json_builder_add_int_value (builder, load->total.planned_cost_pence);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "logged_cost_pence");
      if (load->total.logged_cost_pence >= 0)
        json_builder_add_int_value (builder, load->total.logged_cost_pence);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
      _pcnw_print_json (builder);
      return TRUE;
    }

  if (load->rate_pence >= 0)
    {
      g_autofree char *r = pcn_money_format (load->rate_pence);

      /* Translators: %1$04d-%2$02d a month, %3$s money */
      g_print (_("Supervision in %1$04d-%2$02d at %3$s an hour of GP time\n"), year, month, r);
    }
  else
    g_print (_("Supervision in %1$04d-%2$02d (no GP hourly rate set: see --rate)\n"), year, month);
  g_print ("%-28s %-12s %6s %8s %8s %12s\n", _("Supervisor"), _("Profession"), _("People"),
           _("Planned"), _("Logged"), _("Cost"));
  for (guint i = 0; i < load->supervisors->len; i++)
    {
      PcnSupervisorLoad *x = g_ptr_array_index (load->supervisors, i);
      g_autofree char *cost = x->planned_cost_pence >= 0 ? pcn_money_format (x->planned_cost_pence) : g_strdup ("-");

      g_print ("%-28s %-12s %6u %8" G_GINT64_FORMAT " %8" G_GINT64_FORMAT " %12s\n", x->supervisor,
               x->profession ? x->profession : "", x->supervisees, x->planned_minutes, x->logged_minutes, cost);
    }
  for (guint i = 0; i < load->practices->len; i++)
    {
      PcnSupervisorLoad *x = g_ptr_array_index (load->practices, i);
      g_autofree char *cost = x->planned_cost_pence >= 0 ? pcn_money_format (x->planned_cost_pence) : g_strdup ("-");

      /* Translators: %1$s a practice, or "PCN-wide"; %2$s money */
      g_print (_("%1$s: planned %2$s a month\n"), x->supervisor ? x->supervisor : _("PCN-wide"), cost);
    }
  {
    g_autofree char *cost = load->total.planned_cost_pence >= 0 ? pcn_money_format (load->total.planned_cost_pence)
                                                               : g_strdup ("-");

    /* Translators: %1$s money, %2$ld minutes planned, %3$ld logged */
    g_print (_("PCN total: %1$s a month (%2$" G_GINT64_FORMAT " minutes planned, %3$" G_GINT64_FORMAT " logged)\n"),
             cost, load->total.planned_minutes, load->total.logged_minutes);
  }
  return TRUE;
}

/* --------------------------------------------------- integration set */

gboolean
_pcnw_cmd_integration_set (PcnwContext  *context,
                           GStrv        *args,
                           GError      **error)
{
  g_autofree char *staff_text = NULL;
  g_autofree char *indicator_text = NULL;
  g_autofree char *value = NULL;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text, N_("Whose check"), N_("NAME|PAYROLL_ID") },
    { "indicator", 0, 0, G_OPTION_ARG_STRING, &indicator_text,
      N_("home_team, system_access, clinical_meetings, peer_support, protected_cpd or job_plan"), "CODE" },
    { "value", 0, 0, G_OPTION_ARG_STRING, &value, N_("yes, no or unknown; for home_team the team’s name"),
      "yes|no" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(GError) local_error = NULL;
  PcnIntegrationIndicator indicator;
  PcnAnswer answer = PCN_ANSWER_UNKNOWN;
  gboolean ok;

  if (!_pcnw_parse_options (args, NULL, _("Record an answer of the integration check."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (staff_text, "--staff", error) ||
      !_pcnw_require_option (indicator_text, "--indicator", error) ||
      !_pcnw_require_option (value, "--value", error))
    return FALSE;
  if (!pcn_integration_indicator_parse (indicator_text, &indicator, &local_error))
    return _pcnw_option_error (error, "--indicator", local_error);
  if (indicator != PCN_INTEGRATION_HOME_TEAM && !pcn_answer_parse (value, &answer, &local_error))
    return _pcnw_option_error (error, "--value", local_error);

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  staff = _pcnw_find_staff (store, staff_text, error);
  if (staff == NULL)
    return FALSE;
  if (indicator == PCN_INTEGRATION_HOME_TEAM)
    ok = pcn_store_set_home_team (store, pcn_staff_get_id (staff), value, &local_error);
  else
    ok = pcn_store_set_integration_answer (store, pcn_staff_get_id (staff), indicator, answer, &local_error);
  if (!ok)
    return refused (error, "--value", local_error);

  /* Translators: %1$s person, %2$s indicator code, %3$s value */
  g_print (_("%1$s: %2$s = %3$s\n"), pcn_staff_get_name (staff),
           pcn_integration_indicator_to_string (indicator), value);
  return TRUE;
}

/* ------------------------------------------------- report supervision */

gboolean
_pcnw_cmd_report_supervision (PcnwContext  *context,
                              GStrv        *args,
                              GError      **error)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format"), "text|json" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnSupervisionReport) report = NULL;
  g_autofree char *as_at = NULL;
  gboolean json = FALSE;

  if (!_pcnw_parse_options (args, NULL, _("Supervision status per person and per role."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_parse_format_option (format, "text", &json, error))
    return FALSE;

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  report = pcn_store_compute_supervision (store, &context->as_at, error);
  if (report == NULL)
    return FALSE;
  as_at = pcn_date_to_iso (&context->as_at);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string_or_null (builder, "as_at", as_at);
      json_builder_set_member_name (builder, "people");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->people->len; i++)
        {
          PcnSupervisionPerson *p = g_ptr_array_index (report->people, i);

          json_builder_begin_object (builder);
          add_string_or_null (builder, "name", pcn_staff_get_name (p->staff));
          add_string_or_null (builder, "payroll_id", pcn_staff_get_payroll_id (p->staff));
          add_string_or_null (builder, "role", pcn_staff_get_role_code (p->staff));
          add_string_or_null (builder, "status", pcn_supervision_status_to_string (p->overall));
          json_builder_set_member_name (builder, "kinds");
          json_builder_begin_array (builder);
          for (guint k = 0; k < p->kinds->len; k++)
            {
              PcnSupervisionKindStatus *ks = &g_array_index (p->kinds, PcnSupervisionKindStatus, k);

              json_builder_begin_object (builder);
              add_string_or_null (builder, "kind", pcn_supervision_kind_to_string (ks->kind));
              add_string_or_null (builder, "status", pcn_supervision_status_to_string (ks->status));
              add_string_or_null (builder, "last", ks->last);
              add_string_or_null (builder, "next_due", ks->next_due);
              json_builder_set_member_name (builder, "frequency_days");
              if (ks->frequency_days > 0)
                json_builder_add_int_value (builder, ks->frequency_days);
              else
                json_builder_add_null_value (builder);
              add_string_or_null (builder, "supervisors", ks->supervisors);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "roles");
      json_builder_begin_array (builder);
      for (guint i = 0; i < report->roles->len; i++)
        {
          PcnSupervisionRoleSummary *r = g_ptr_array_index (report->roles, i);

          json_builder_begin_object (builder);
          add_string_or_null (builder, "role", r->role_code);
          for (int s = 0; s < PCN_SUPERVISION_N_STATUSES; s++)
            add_int (builder, pcn_supervision_status_to_string (s), r->counts[s]);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _pcnw_print_json (builder);
      return TRUE;
    }

  /* Translators: %s is a date */
  g_print (_("Supervision as at %s\n"), as_at);
  for (guint i = 0; i < report->people->len; i++)
    {
      PcnSupervisionPerson *p = g_ptr_array_index (report->people, i);

      g_print ("%s (%s)\n", pcn_staff_get_name (p->staff), pcn_staff_get_role_code (p->staff));
      for (guint k = 0; k < p->kinds->len; k++)
        {
          PcnSupervisionKindStatus *ks = &g_array_index (p->kinds, PcnSupervisionKindStatus, k);

          g_print ("  %-12s %-14s %s %-10s %s %-10s %s\n", pcn_supervision_kind_to_string (ks->kind),
                   pcn_supervision_status_to_string (ks->status),
                   C_("supervision", "last"), ks->last ? ks->last : "-",
                   C_("supervision", "next due"), ks->next_due ? ks->next_due : "-",
                   ks->supervisors ? ks->supervisors : "");
        }
    }
  g_print ("\n%-16s %10s %8s %8s %13s\n", _("Role"), "up_to_date", "due_soon", "overdue", "no_supervisor");
  for (guint i = 0; i < report->roles->len; i++)
    {
      PcnSupervisionRoleSummary *r = g_ptr_array_index (report->roles, i);

      g_print ("%-16s %10u %8u %8u %13u\n", r->role_code, r->counts[0], r->counts[1], r->counts[2],
               r->counts[3]);
    }
  return TRUE;
}

/* ------------------------------------------------ report integration */

gboolean
_pcnw_cmd_report_integration (PcnwContext  *context,
                              GStrv        *args,
                              GError      **error)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format"), "text|json" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autofree char *as_at = NULL;
  gboolean json = FALSE;

  if (!_pcnw_parse_options (args, NULL,
                            _("The integration check per person, most at risk (lowest score) first."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_parse_format_option (format, "text", &json, error))
    return FALSE;

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  checks = pcn_store_compute_integration (store, &context->as_at, error);
  if (checks == NULL)
    return FALSE;
  as_at = pcn_date_to_iso (&context->as_at);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string_or_null (builder, "as_at", as_at);
      json_builder_set_member_name (builder, "people");
      json_builder_begin_array (builder);
      for (guint i = 0; i < checks->len; i++)
        {
          PcnIntegrationCheck *c = g_ptr_array_index (checks, i);

          json_builder_begin_object (builder);
          add_string_or_null (builder, "name", pcn_staff_get_name (c->staff));
          add_string_or_null (builder, "payroll_id", pcn_staff_get_payroll_id (c->staff));
          add_string_or_null (builder, "role", pcn_staff_get_role_code (c->staff));
          add_string_or_null (builder, "home_team", c->home_team);
          add_int (builder, "sites", c->sites);
          add_int (builder, "score", c->score);
          add_int (builder, "max_score", c->max_score);
          json_builder_set_member_name (builder, "flags");
          json_builder_begin_array (builder);
          for (guint j = 0; j < c->flags->len; j++)
            json_builder_add_string_value (builder, g_ptr_array_index (c->flags, j));
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "unanswered");
          json_builder_begin_array (builder);
          for (guint j = 0; j < c->unanswered->len; j++)
            json_builder_add_string_value (builder, g_ptr_array_index (c->unanswered, j));
          json_builder_end_array (builder);
          json_builder_set_member_name (builder, "indicators");
          json_builder_begin_object (builder);
          for (int k = 0; k < PCN_INTEGRATION_N_INDICATORS; k++)
            add_string_or_null (builder, pcn_integration_indicator_to_string (k), pcn_answer_to_string (c->met[k]));
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _pcnw_print_json (builder);
      return TRUE;
    }

  /* Translators: %s is a date */
  g_print (_("Integration check as at %s (lowest score first)\n"), as_at);
  for (guint i = 0; i < checks->len; i++)
    {
      PcnIntegrationCheck *c = g_ptr_array_index (checks, i);
      g_autoptr(GString) flags = g_string_new (NULL);

      for (guint j = 0; j < c->flags->len; j++)
        g_string_append_printf (flags, "%s%s", j ? ", " : "", (const char *) g_ptr_array_index (c->flags, j));
      g_print ("%-28s %-10s %d/%d  %s\n", pcn_staff_get_name (c->staff), pcn_staff_get_role_code (c->staff),
               c->score, c->max_score, flags->str);
    }
  return TRUE;
}

/* ------------------------------------------------------ export status */

gboolean
_pcnw_cmd_export_status (PcnwContext  *context,
                         GStrv        *args,
                         GError      **error)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), N_("FILE.xlsx") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnSupervisionReport) report = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) training = NULL;
  g_autoptr(GPtrArray) checks = NULL;

  if (!_pcnw_parse_options (args, NULL, _("The supervision, training and integration workbook."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (output, "--output", error))
    return FALSE;

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  if ((report = pcn_store_compute_supervision (store, &context->as_at, error)) == NULL ||
      (staff = pcn_store_list_staff (store, error)) == NULL ||
      (training = pcn_store_list_training_items (store, -1, error)) == NULL ||
      (checks = pcn_store_compute_integration (store, &context->as_at, error)) == NULL)
    return FALSE;
  if (!pcn_export_status (output, network, report, staff, training, checks, &context->as_at, error))
    return FALSE;
  /* Translators: %1$u people, %2$s file */
  g_print (_("Wrote the status of %1$u people to %2$s\n"), report->people->len, output);
  return TRUE;
}

/* ----------------------------------------------------------- training */

/* The stored item @id; an unknown id is refused (exit 1). (transfer full) */
static PcnTrainingItem *
find_training_item (PcnStore  *store,
                    gint64     id,
                    GError   **error)
{
  g_autoptr(GPtrArray) items = pcn_store_list_training_items (store, -1, error);

  if (items == NULL)
    return NULL;
  for (guint i = 0; i < items->len; i++)
    {
      PcnTrainingItem *item = g_ptr_array_index (items, i);

      if (item->id == id)
        return pcn_training_item_copy (item);
    }
  g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
               _("--id: there is no training item with id %" G_GINT64_FORMAT " (see “pcnw training list”)"),
               id);
  return NULL;
}

static gboolean
parse_id_option (const char  *text,
                 gint64      *out,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  guint64 v = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, &local_error))
    return _pcnw_option_error (error, "--id", local_error);
  *out = (gint64) v;
  return TRUE;
}

gboolean
_pcnw_cmd_training_add (PcnwContext  *context,
                        GStrv        *args,
                        GError      **error)
{
  g_autofree char *staff_text = NULL;
  g_autofree char *name = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *completed_text = NULL;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text, N_("Whose item"), N_("NAME|PAYROLL_ID") },
    { "name", 0, 0, G_OPTION_ARG_STRING, &name, N_("The training or pathway item"), N_("TEXT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due_text,
      N_("Deadline if not done yet, expiry date if done (default: none)"), "YYYY-MM-DD" },
    { "completed", 0, 0, G_OPTION_ARG_STRING, &completed_text, N_("When it was completed (default: not done)"),
      "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(PcnTrainingItem) item = pcn_training_item_new ();
  g_autoptr(GError) local_error = NULL;
  GDate due, completed;

  if (!_pcnw_parse_options (args, NULL,
                            _("Add a training or pathway item with its deadline or expiry date."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (staff_text, "--staff", error) ||
      !_pcnw_require_option (name, "--name", error))
    return FALSE;
  if (due_text != NULL && !pcn_date_parse (due_text, &due, &local_error))
    return _pcnw_option_error (error, "--due", local_error);
  if (completed_text != NULL && !pcn_date_parse (completed_text, &completed, &local_error))
    return _pcnw_option_error (error, "--completed", local_error);

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  staff = _pcnw_find_staff (store, staff_text, error);
  if (staff == NULL)
    return FALSE;

  item->staff_id = pcn_staff_get_id (staff);
  item->name = g_strdup (name);
  item->due_date = due_text != NULL ? pcn_date_to_iso (&due) : NULL;
  item->completed_on = completed_text != NULL ? pcn_date_to_iso (&completed) : NULL;
  if (!pcn_store_add_training_item (store, item, &context->as_at, &local_error))
    return refused (error,
                    completed_text != NULL && g_date_compare (&completed, &context->as_at) > 0
                    ? "--completed" : "--name",
                    local_error);

  /* Translators: %1$ld id, %2$s item, %3$s person, %4$s status */
  g_print (_("Training item %1$" G_GINT64_FORMAT " “%2$s” for %3$s: %4$s\n"), item->id, item->name,
           pcn_staff_get_name (staff),
           pcn_training_status_to_string (pcn_training_item_get_status (item, &context->as_at)));
  return TRUE;
}

/* (transfer none) */
static PcnStaff *
staff_by_id (GPtrArray *staff,
             gint64     id)
{
  for (guint i = 0; i < staff->len; i++)
    if (pcn_staff_get_id (g_ptr_array_index (staff, i)) == id)
      return g_ptr_array_index (staff, i);
  return NULL;
}

gboolean
_pcnw_cmd_training_list (PcnwContext  *context,
                         GStrv        *args,
                         GError      **error)
{
  g_autofree char *staff_text = NULL;
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text, N_("Only this person’s items"), N_("NAME|PAYROLL_ID") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format"), "tsv|json" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) only = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autofree char *as_at = NULL;
  gboolean json = FALSE;

  if (!_pcnw_parse_options (args, NULL,
                            _("Training and pathway items with their status as at --as-at: current, "
                              "expiring (within 30 days), expired or missing."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_parse_format_option (format, "tsv", &json, error))
    return FALSE;

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  if (staff_text != NULL && (only = _pcnw_find_staff (store, staff_text, error)) == NULL)
    return FALSE;
  if ((staff = pcn_store_list_staff (store, error)) == NULL ||
      (items = pcn_store_list_training_items (store, only ? pcn_staff_get_id (only) : -1, error)) == NULL)
    return FALSE;
  as_at = pcn_date_to_iso (&context->as_at);

  if (json)
    {
      builder = json_builder_new ();
      json_builder_begin_object (builder);
      add_string_or_null (builder, "as_at", as_at);
      json_builder_set_member_name (builder, "items");
      json_builder_begin_array (builder);
    }
  else
    g_print ("id\tname\tpayroll_id\titem\tdue_date\tcompleted_on\tstatus\n");
  for (guint i = 0; i < items->len; i++)
    {
      PcnTrainingItem *item = g_ptr_array_index (items, i);
      PcnStaff *s = staff_by_id (staff, item->staff_id);
      const char *status = pcn_training_status_to_string (pcn_training_item_get_status (item, &context->as_at));

      if (json)
        {
          json_builder_begin_object (builder);
          add_int (builder, "id", item->id);
          add_string_or_null (builder, "name", s ? pcn_staff_get_name (s) : NULL);
          add_string_or_null (builder, "payroll_id", s ? pcn_staff_get_payroll_id (s) : NULL);
          add_string_or_null (builder, "item", item->name);
          add_string_or_null (builder, "due_date", item->due_date);
          add_string_or_null (builder, "completed_on", item->completed_on);
          add_string_or_null (builder, "status", status);
          json_builder_end_object (builder);
        }
      else
        {
          const char *payroll_id = s ? pcn_staff_get_payroll_id (s) : NULL;

          g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\n", item->id,
                   s ? pcn_staff_get_name (s) : "", payroll_id ? payroll_id : "", item->name,
                   item->due_date ? item->due_date : "", item->completed_on ? item->completed_on : "",
                   status);
        }
    }
  if (json)
    {
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _pcnw_print_json (builder);
    }
  return TRUE;
}

gboolean
_pcnw_cmd_training_done (PcnwContext  *context,
                         GStrv        *args,
                         GError      **error)
{
  g_autofree char *id_text = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *expires_text = NULL;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, N_("The item (see “pcnw training list”)"), "N" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("When it was completed (default: --as-at)"),
      "YYYY-MM-DD" },
    { "expires", 0, 0, G_OPTION_ARG_STRING, &expires_text,
      N_("When it must be renewed (default: never; the deadline is cleared)"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnTrainingItem) item = NULL;
  g_autoptr(GError) local_error = NULL;
  GDate date = context->as_at, expires;
  gint64 id = 0;

  if (!_pcnw_parse_options (args, NULL,
                            _("Mark a training item done. A done item’s date is its expiry: give "
                              "--expires, or the item is current with no expiry."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (id_text, "--id", error) ||
      !parse_id_option (id_text, &id, error))
    return FALSE;
  if (date_text != NULL && !pcn_date_parse (date_text, &date, &local_error))
    return _pcnw_option_error (error, "--date", local_error);
  if (expires_text != NULL && !pcn_date_parse (expires_text, &expires, &local_error))
    return _pcnw_option_error (error, "--expires", local_error);

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  item = find_training_item (store, id, error);
  if (item == NULL)
    return FALSE;
  g_free (item->completed_on);
  item->completed_on = pcn_date_to_iso (&date);
  g_free (item->due_date);
  item->due_date = expires_text != NULL ? pcn_date_to_iso (&expires) : NULL;
  if (!pcn_store_update_training_item (store, item, &context->as_at, &local_error))
    return refused (error, "--date", local_error);

  /* Translators: %1$ld id, %2$s item, %3$s date, %4$s status */
  g_print (_("Training item %1$" G_GINT64_FORMAT " “%2$s” done on %3$s: %4$s\n"), item->id, item->name,
           item->completed_on,
           pcn_training_status_to_string (pcn_training_item_get_status (item, &context->as_at)));
  return TRUE;
}

gboolean
_pcnw_cmd_training_remove (PcnwContext  *context,
                           GStrv        *args,
                           GError      **error)
{
  g_autofree char *id_text = NULL;
  GOptionEntry entries[] = {
    { "id", 0, 0, G_OPTION_ARG_STRING, &id_text, N_("The item (see “pcnw training list”)"), "N" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnTrainingItem) item = NULL;
  gint64 id = 0;

  if (!_pcnw_parse_options (args, NULL, _("Remove a training item."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (id_text, "--id", error) ||
      !parse_id_option (id_text, &id, error))
    return FALSE;

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  item = find_training_item (store, id, error);
  if (item == NULL || !pcn_store_delete_training_item (store, id, error))
    return FALSE;

  /* Translators: %1$ld id, %2$s item */
  g_print (_("Removed training item %1$" G_GINT64_FORMAT " “%2$s”\n"), item->id, item->name);
  return TRUE;
}
