/* pcnw-induction.c — the induction commands of `pcnw` (CLI.md, "Induction"):
 * induction list, induction tick, report induction, export induction
 *
 * Every due and overdue status is computed as at --as-at. A tick that a
 * rule refuses (unknown item, already done, a date before the start or in
 * the future, N/A without a reason) exits 1 with nothing changed.
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

/* The member practice called @text (case-insensitively): its stored name. */
static char *
find_practice (PcnStore    *store,
               const char  *text,
               GError     **error)
{
  g_autoptr(GPtrArray) practices = pcn_store_list_practices (store, error);
  g_autofree char *folded = NULL;

  if (practices == NULL)
    return NULL;
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; i < practices->len; i++)
    {
      const char *name = pcn_practice_get_name (g_ptr_array_index (practices, i));
      g_autofree char *f = g_utf8_casefold (name, -1);

      if (strcmp (f, folded) == 0)
        return g_strdup (name);
    }
  g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
               _("--practice: “%s” is not a member practice (see “pcnw practice list”)"), text);
  return NULL;
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
add_date_or_null (JsonBuilder *builder,
                  const char  *member,
                  const GDate *date)
{
  g_autofree char *iso = g_date_valid (date) ? pcn_date_to_iso (date) : NULL;

  add_string_or_null (builder, member, iso);
}

static void
add_item_json (JsonBuilder            *builder,
               const PcnInductionItem *item,
               const GDate            *as_at,
               gboolean                with_staff)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, item->id);
  if (with_staff)
    add_string_or_null (builder, "staff", item->staff_name);
  add_string_or_null (builder, "checklist", pcn_checklist_kind_to_string (item->checklist));
  add_string_or_null (builder, "practice", item->practice);
  add_string_or_null (builder, "section", item->section);
  add_string_or_null (builder, "text", item->text);
  add_string_or_null (builder, "owner", pcn_induction_owner_to_string (item->owner));
  add_date_or_null (builder, "due", &item->due);
  add_string_or_null (builder, "status", pcn_induction_status_to_string (item->status));
  json_builder_set_member_name (builder, "overdue");
  json_builder_add_boolean_value (builder, pcn_induction_item_is_overdue (item, as_at));
  add_string_or_null (builder, "done_by", item->done_by);
  add_string_or_null (builder, "done_on", item->done_on);
  add_string_or_null (builder, "na_reason", item->na_reason);
  add_string_or_null (builder, "note", item->note);
  json_builder_end_object (builder);
}

/* TSV fields may not hold tabs or newlines. */
static char *
tsv_field (const char *text)
{
  char *copy = g_strdup (text ? text : "");

  g_strdelimit (copy, "\t\r\n", ' ');
  return copy;
}

static void
print_item_tsv (const PcnInductionItem *item,
                const GDate            *as_at,
                gboolean                with_staff)
{
  g_autofree char *due = g_date_valid (&item->due) ? pcn_date_to_iso (&item->due) : g_strdup ("");
  g_autofree char *staff = tsv_field (item->staff_name);
  g_autofree char *practice = tsv_field (item->practice);
  g_autofree char *section = tsv_field (item->section);
  g_autofree char *text = tsv_field (item->text);
  g_autofree char *by = tsv_field (item->done_by);
  g_autofree char *note = tsv_field (item->status == PCN_INDUCTION_STATUS_NA ? item->na_reason : item->note);

  if (with_staff)
    g_print ("%s\t", staff);
  g_print ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n",
           item->id, pcn_checklist_kind_to_string (item->checklist), practice, section, text,
           pcn_induction_owner_to_string (item->owner), due,
           pcn_induction_status_to_string (item->status),
           pcn_induction_item_is_overdue (item, as_at) ? "yes" : "no",
           by, item->done_on ? item->done_on : "", note);
}

gboolean
_pcnw_cmd_induction_list (PcnwContext  *context,
                          GStrv        *args,
                          GError      **error)
{
  g_autofree char *staff_text = NULL;
  g_autofree char *practice_text = NULL;
  g_autofree char *format = NULL;
  gboolean overdue_only = FALSE;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text, N_("Whose checklists"), N_("NAME|PAYROLL_ID") },
    { "practice", 0, 0, G_OPTION_ARG_STRING, &practice_text, N_("Only this host practice’s checklists"),
      N_("NAME") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue_only, N_("Only overdue items"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format"), "tsv|json" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) starters = NULL;
  g_autofree char *practice = NULL;
  gboolean json = FALSE;
  gboolean all = FALSE;

  if (!_pcnw_parse_options (args, NULL,
                            _("A person’s induction checklist items, or the open items of every "
                              "starter in their first six months."),
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
  if (staff_text != NULL && (staff = _pcnw_find_staff (store, staff_text, error)) == NULL)
    return FALSE;
  if (practice_text != NULL && (practice = find_practice (store, practice_text, error)) == NULL)
    return FALSE;

  items = pcn_store_list_induction_items (store, staff ? pcn_staff_get_id (staff) : -1, practice, error);
  if (items == NULL)
    return FALSE;

  /* Across people: only the open items of starters (first six months). */
  all = staff != NULL;
  if (!all)
    {
      g_autoptr(GPtrArray) everyone = pcn_store_list_staff (store, error);

      if (everyone == NULL)
        return FALSE;
      starters = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < everyone->len; i++)
        {
          PcnStaff *s = g_ptr_array_index (everyone, i);
          gint64 id = pcn_staff_get_id (s);

          if (pcn_induction_is_starter (s, &context->as_at))
            g_hash_table_add (starters, g_memdup2 (&id, sizeof id));
        }
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < items->len; i++)
        {
          PcnInductionItem *item = g_ptr_array_index (items, i);

          if (!all && (item->status != PCN_INDUCTION_STATUS_OPEN ||
                       !g_hash_table_contains (starters, &item->staff_id)))
            continue;
          if (overdue_only && !pcn_induction_item_is_overdue (item, &context->as_at))
            continue;
          add_item_json (builder, item, &context->as_at, !all);
        }
      json_builder_end_array (builder);
      _pcnw_print_json (builder);
      return TRUE;
    }

  if (!all)
    g_print ("staff\t");
  g_print ("id\tchecklist\tpractice\tsection\ttext\towner\tdue\tstatus\toverdue\tdone_by\tdone_on\tnote\n");
  for (guint i = 0; i < items->len; i++)
    {
      PcnInductionItem *item = g_ptr_array_index (items, i);

      if (!all && (item->status != PCN_INDUCTION_STATUS_OPEN ||
                   !g_hash_table_contains (starters, &item->staff_id)))
        continue;
      if (overdue_only && !pcn_induction_item_is_overdue (item, &context->as_at))
        continue;
      print_item_tsv (item, &context->as_at, !all);
    }
  return TRUE;
}

gboolean
_pcnw_cmd_induction_tick (PcnwContext  *context,
                          GStrv        *args,
                          GError      **error)
{
  g_autofree char *staff_text = NULL;
  g_autofree char *item_text = NULL;
  g_autofree char *by = NULL;
  g_autofree char *date_text = NULL;
  g_autofree char *na_reason = NULL;
  g_autofree char *note = NULL;
  GOptionEntry entries[] = {
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text, N_("Whose checklist"), N_("NAME|PAYROLL_ID") },
    { "item", 0, 0, G_OPTION_ARG_STRING, &item_text, N_("The item’s id (see “induction list”)"), "ID" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who completed it"), N_("NAME") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date_text, N_("When (default: --as-at)"), "YYYY-MM-DD" },
    { "na", 0, 0, G_OPTION_ARG_STRING, &na_reason, N_("Not applicable, and why"), N_("REASON") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &note, N_("A note on the item"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(PcnInductionItem) item = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 item_id = 0;
  GDate date;

  if (!_pcnw_parse_options (args, NULL,
                            _("Mark a checklist item done (or not applicable with a reason)."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (staff_text, "--staff", error) ||
      !_pcnw_require_option (item_text, "--item", error) ||
      !_pcnw_require_option (by, "--by", error))
    return FALSE;
  if (!g_ascii_string_to_signed (item_text, 10, 1, G_MAXINT64, &item_id, &local_error))
    return _pcnw_option_error (error, "--item", local_error);
  if (date_text != NULL && !pcn_date_parse (date_text, &date, &local_error))
    return _pcnw_option_error (error, "--date", local_error);

  store = _pcnw_open_store (context, error);
  if (store == NULL)
    return FALSE;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return FALSE;
  staff = _pcnw_find_staff (store, staff_text, error);
  if (staff == NULL)
    return FALSE;

  item = pcn_store_tick_induction_item (store, pcn_staff_get_id (staff), item_id, by, date_text,
                                        na_reason, note, &context->as_at, error);
  if (item == NULL)
    return FALSE;
  if (item->status == PCN_INDUCTION_STATUS_NA)
    /* Translators: %1$s item text, %2$s person, %3$s reason */
    g_print (_("Not applicable for %2$s: %1$s (%3$s)\n"), item->text, item->staff_name, item->na_reason);
  else
    /* Translators: %1$s item text, %2$s person, %3$s date, %4$s who */
    g_print (_("Done for %2$s: %1$s, on %3$s by %4$s\n"), item->text, item->staff_name,
             item->done_on, item->done_by);
  return TRUE;
}

gboolean
_pcnw_cmd_report_induction (PcnwContext  *context,
                            GStrv        *args,
                            GError      **error)
{
  g_autofree char *format = NULL;
  g_autofree char *practice_text = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("Output format"), "text|json" },
    { "practice", 0, 0, G_OPTION_ARG_STRING, &practice_text, N_("Only this host practice’s checklists"),
      N_("NAME") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) starters = NULL;
  g_autofree char *practice = NULL;
  g_autofree char *as_at = NULL;
  gboolean json = FALSE;

  if (!_pcnw_parse_options (args, NULL,
                            _("Induction progress of every starter in their first six months."),
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
  if (practice_text != NULL && (practice = find_practice (store, practice_text, error)) == NULL)
    return FALSE;
  starters = pcn_store_induction_progress (store, &context->as_at, practice, error);
  if (starters == NULL)
    return FALSE;
  as_at = pcn_date_to_iso (&context->as_at);

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      add_string_or_null (builder, "as_at", as_at);
      json_builder_set_member_name (builder, "starters");
      json_builder_begin_array (builder);
      for (guint i = 0; i < starters->len; i++)
        {
          PcnInductionStarter *st = g_ptr_array_index (starters, i);

          json_builder_begin_object (builder);
          add_string_or_null (builder, "name", pcn_staff_get_name (st->staff));
          add_string_or_null (builder, "payroll_id", pcn_staff_get_payroll_id (st->staff));
          add_string_or_null (builder, "role", pcn_staff_get_role_code (st->staff));
          add_string_or_null (builder, "start_date", pcn_staff_get_start_date (st->staff));
          json_builder_set_member_name (builder, "checklists");
          json_builder_begin_array (builder);
          for (guint j = 0; j < st->checklists->len; j++)
            {
              PcnInductionProgress *p = g_ptr_array_index (st->checklists, j);

              json_builder_begin_object (builder);
              add_string_or_null (builder, "checklist", pcn_checklist_kind_to_string (p->checklist));
              add_string_or_null (builder, "practice", p->practice);
              json_builder_set_member_name (builder, "items_total");
              json_builder_add_int_value (builder, p->items_total);
              json_builder_set_member_name (builder, "items_done");
              json_builder_add_int_value (builder, p->items_done);
              json_builder_set_member_name (builder, "items_na");
              json_builder_add_int_value (builder, p->items_na);
              json_builder_set_member_name (builder, "items_overdue");
              json_builder_add_int_value (builder, p->items_overdue);
              add_date_or_null (builder, "next_due", &p->next_due);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
      _pcnw_print_json (builder);
      return TRUE;
    }

  g_print (_("Induction as at %s\n"), as_at);
  if (starters->len == 0)
    g_print (_("No starters in their first six months.\n"));
  for (guint i = 0; i < starters->len; i++)
    {
      PcnInductionStarter *st = g_ptr_array_index (starters, i);

      /* Translators: %1$s name, %2$s role code, %3$s start date */
      g_print (_("\n%1$s (%2$s), starting %3$s\n"), pcn_staff_get_name (st->staff),
               pcn_staff_get_role_code (st->staff), pcn_staff_get_start_date (st->staff));
      for (guint j = 0; j < st->checklists->len; j++)
        {
          PcnInductionProgress *p = g_ptr_array_index (st->checklists, j);
          g_autofree char *next = g_date_valid (&p->next_due) ? pcn_date_to_iso (&p->next_due)
                                                              : g_strdup ("—");

          /* Translators: checklist, done, n/a, total, overdue, next due */
          g_print (_("  %1$-28s %2$u done, %3$u n/a of %4$u; %5$u overdue; next due %6$s\n"),
                   p->practice ? p->practice : pcn_checklist_kind_get_label (p->checklist),
                   p->items_done, p->items_na, p->items_total, p->items_overdue, next);
        }
    }
  return TRUE;
}

gboolean
_pcnw_cmd_export_induction (PcnwContext  *context,
                            GStrv        *args,
                            GError      **error)
{
  g_autofree char *output = NULL;
  g_autofree char *staff_text = NULL;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), N_("FILE.xlsx") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff_text, N_("One person’s printable checklist"),
      N_("NAME|PAYROLL_ID") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(PcnStaff) staff = NULL;

  if (!_pcnw_parse_options (args, NULL,
                            _("The induction overview of every starter, or one person’s "
                              "printable checklist."),
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

  if (staff_text != NULL)
    {
      g_autoptr(GPtrArray) items = NULL;

      if ((staff = _pcnw_find_staff (store, staff_text, error)) == NULL ||
          (items = pcn_store_list_induction_items (store, pcn_staff_get_id (staff), NULL, error)) == NULL)
        return FALSE;
      if (items->len == 0)
        {
          g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED,
                       _("--staff: %s has no induction checklists (they need a start date and "
                         "a host practice)"),
                       pcn_staff_get_name (staff));
          return FALSE;
        }
      if (!pcn_export_induction_person (output, network, staff, items, &context->as_at, error))
        return FALSE;
      /* Translators: %1$u items, %2$s person, %3$s file */
      g_print (_("Wrote %2$s’s checklist of %1$u items to %3$s\n"), items->len,
               pcn_staff_get_name (staff), output);
    }
  else
    {
      g_autoptr(GPtrArray) starters = pcn_store_induction_progress (store, &context->as_at, NULL, error);

      if (starters == NULL ||
          !pcn_export_induction_overview (output, network, starters, &context->as_at, error))
        return FALSE;
      /* Translators: %1$u starters, %2$s file */
      g_print (_("Wrote the induction of %1$u starters to %2$s\n"), starters->len, output);
    }
  return TRUE;
}
