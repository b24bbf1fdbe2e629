/* pcn-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pcn-core-error.h"
#include "pcn-rules.h"
#include "pcn-values.h"

/* Rules */

G_DEFINE_BOXED_TYPE (PcnRule, pcn_rule, pcn_rule_ref, pcn_rule_unref)

static PcnRule *
rule_new (void)
{
  PcnRule *rule = g_new0 (PcnRule, 1);

  g_atomic_ref_count_init (&rule->ref_count);
  g_date_clear (&rule->from_date, 1);
  g_date_clear (&rule->to_date, 1);
  rule->max_headcount = -1;
  rule->large_list_size = -1;
  rule->max_headcount_large = -1;
  rule->arrs_share_percent = -1;
  rule->months = -1;
  return rule;
}

PcnRule *
pcn_rule_ref (PcnRule *rule)
{
  g_return_val_if_fail (rule != NULL, NULL);
  g_atomic_ref_count_inc (&rule->ref_count);
  return rule;
}

void
pcn_rule_unref (PcnRule *rule)
{
  g_return_if_fail (rule != NULL);

  if (!g_atomic_ref_count_dec (&rule->ref_count))
    return;
  g_free (rule->id);
  g_free (rule->role_code);
  g_free (rule->from);
  g_free (rule->to);
  g_free (rule->text);
  g_free (rule->source);
  g_free (rule->confidence);
  g_free (rule->applies_to);
  g_free (rule->unless);
  g_free (rule);
}

static const char *kind_names[] = { "cap", "eligibility", "funding_share", "prior_employment" };

const char *
pcn_rule_kind_to_string (PcnRuleKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_names), "");
  return kind_names[kind];
}

gboolean
pcn_rule_in_force (const PcnRule *rule,
                   const GDate   *date)
{
  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  if (g_date_compare (&rule->from_date, date) > 0)
    return FALSE;
  if (g_date_valid (&rule->to_date) && g_date_compare (&rule->to_date, date) < 0)
    return FALSE;
  return TRUE;
}

static const char *
member_string (JsonObject *o,
               const char *name)
{
  JsonNode *n = json_object_get_member (o, name);

  if (n == NULL || JSON_NODE_HOLDS_NULL (n) || json_node_get_value_type (n) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (n);
}

/* -1 when absent or null. */
static gint64
member_int (JsonObject *o,
            const char *name)
{
  JsonNode *n;

  if (o == NULL)
    return -1;
  n = json_object_get_member (o, name);
  if (n == NULL || !JSON_NODE_HOLDS_VALUE (n))
    return -1;
  if (json_node_get_value_type (n) == G_TYPE_INT64)
    return json_node_get_int (n);
  if (json_node_get_value_type (n) == G_TYPE_DOUBLE)
    return (gint64) json_node_get_double (n);
  return -1;
}

/* The array called @name: @root itself, or the member of an object. */
static JsonArray *
find_array (JsonNode    *root,
            const char  *name,
            GError     **error)
{
  if (JSON_NODE_HOLDS_ARRAY (root))
    return json_node_get_array (root);
  if (JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *o = json_node_get_object (root);
      JsonNode *n = json_object_get_member (o, name);

      if (n != NULL && JSON_NODE_HOLDS_ARRAY (n))
        return json_node_get_array (n);
    }
  g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE,
               _("The reference data has no “%s” list"), name);
  return NULL;
}

static JsonParser *
parse_json (const char  *json,
            gssize       length,
            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE,
                   _("The reference data is not valid JSON: %s"), local_error->message);
      return NULL;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE, _("The reference data is empty"));
      return NULL;
    }
  return g_steal_pointer (&parser);
}

GPtrArray *
pcn_rules_parse (const char  *json,
                 gssize       length,
                 GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  JsonArray *array;

  g_return_val_if_fail (json != NULL, NULL);

  if (!(parser = parse_json (json, length, error)))
    return NULL;
  if (!(array = find_array (json_parser_get_root (parser), "rules", error)))
    return NULL;

  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_rule_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *o, *params = NULL;
      g_autoptr(PcnRule) rule = NULL;
      const char *role, *kind, *from, *to;
      guint k;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;
      o = json_node_get_object (node);
      role = member_string (o, "role");
      kind = member_string (o, "kind");
      from = member_string (o, "from");
      to = member_string (o, "to");
      if (json_object_has_member (o, "params") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "params")))
        params = json_object_get_object_member (o, "params");

      if (role == NULL || kind == NULL || from == NULL)
        goto bad;
      for (k = 0; k < G_N_ELEMENTS (kind_names); k++)
        if (g_strcmp0 (kind, kind_names[k]) == 0)
          break;
      if (k == G_N_ELEMENTS (kind_names))
        continue;  /* a kind from a newer data file */

      rule = rule_new ();
      rule->kind = k;
      rule->role_code = g_strdup (role);
      rule->from = g_strdup (from);
      rule->to = g_strdup (to);
      if (!pcn_date_from_iso (from, &rule->from_date) ||
          (to != NULL && !pcn_date_from_iso (to, &rule->to_date)))
        goto bad;
      rule->id = g_strdup_printf ("%s:%s:%s", kind, role, from);
      rule->text = g_strdup (member_string (o, "text"));
      rule->source = g_strdup (member_string (o, "source"));
      rule->confidence = g_strdup (member_string (o, "confidence"));
      if (params != NULL)
        {
          rule->applies_to = g_strdup (member_string (params, "applies_to"));
          rule->unless = g_strdup (member_string (params, "unless"));
        }
      rule->max_headcount = (int) member_int (params, "max_headcount");
      rule->large_list_size = member_int (params, "large_list_size");
      rule->max_headcount_large = (int) member_int (params, "max_headcount_large");
      rule->arrs_share_percent = (int) member_int (params, "arrs_share_percent");
      rule->months = (int) member_int (params, "months");
      if (rule->arrs_share_percent > 100)
        goto bad;

      g_ptr_array_add (rules, g_steal_pointer (&rule));
      continue;

    bad:
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE,
                   _("Rule %u of the reference data is malformed"), i + 1);
      return NULL;
    }

  return g_steal_pointer (&rules);
}

static gboolean
all_rule_applies (const PcnRule *rule,
                  const char    *staff_group)
{
  if (rule->applies_to != NULL && g_str_has_prefix (rule->applies_to, "direct patient care"))
    return staff_group != NULL && g_ascii_strcasecmp (staff_group, "Direct patient care") == 0;
  return TRUE;
}

PcnRule *
pcn_rules_find (GPtrArray   *rules,
                PcnRuleKind  kind,
                const char  *role_code,
                const char  *staff_group,
                const GDate *date)
{
  PcnRule *best = NULL;
  gboolean best_is_role = FALSE;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (role_code != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  for (guint i = 0; i < rules->len; i++)
    {
      PcnRule *r = g_ptr_array_index (rules, i);
      gboolean is_role;
      int cmp;

      if (r->kind != kind || !pcn_rule_in_force (r, date))
        continue;
      is_role = g_strcmp0 (r->role_code, role_code) == 0;
      if (!is_role && !(g_strcmp0 (r->role_code, "ALL") == 0 && all_rule_applies (r, staff_group)))
        continue;

      cmp = best ? g_date_compare (&r->from_date, &best->from_date) : 1;
      if (cmp > 0 || (cmp == 0 && is_role && !best_is_role))
        {
          best = r;
          best_is_role = is_role;
        }
    }
  return best;
}

int
pcn_rules_cap_for (GPtrArray   *rules,
                   const char  *role_code,
                   const char  *staff_group,
                   gint64       list_size,
                   const GDate *date,
                   PcnRule    **out_rule)
{
  PcnRule *rule = pcn_rules_find (rules, PCN_RULE_KIND_CAP, role_code, staff_group, date);

  if (out_rule)
    *out_rule = rule;
  if (rule == NULL || rule->max_headcount < 0)
    return -1;
  if (rule->large_list_size > 0 && rule->max_headcount_large >= 0 &&
      list_size >= rule->large_list_size)
    return rule->max_headcount_large;
  return rule->max_headcount;
}

int
pcn_rules_arrs_share_percent (GPtrArray   *rules,
                              const char  *role_code,
                              const GDate *date,
                              PcnRule    **out_rule)
{
  PcnRule *rule = pcn_rules_find (rules, PCN_RULE_KIND_FUNDING_SHARE, role_code, NULL, date);

  if (rule != NULL && rule->arrs_share_percent < 0)
    rule = NULL;
  if (out_rule)
    *out_rule = rule;
  return rule ? rule->arrs_share_percent : 100;
}

PcnRule *
pcn_rules_prior_employment (GPtrArray   *rules,
                            const char  *role_code,
                            const GDate *start_date)
{
  PcnRule *rule = pcn_rules_find (rules, PCN_RULE_KIND_PRIOR_EMPLOYMENT, role_code, NULL,
                                  start_date);

  return rule != NULL && rule->months > 0 ? rule : NULL;
}

/* Allocation */

void
pcn_allocation_rate_free (PcnAllocationRate *rate)
{
  if (rate == NULL)
    return;
  g_free (rate->component);
  g_free (rate->per_head_text);
  g_free (rate->from);
  g_free (rate->to);
  g_free (rate->source);
  g_free (rate);
}

/* "26.631" → 26631000 millionths of a pound; at most six decimals. */
static gboolean
parse_micropounds (const char *text,
                   gint64     *out)
{
  gint64 whole = 0, frac = 0;
  int decimals = 0;
  const char *p = text;

  if (text == NULL || !g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      whole = whole * 10 + (*p - '0');
      if (whole > G_GINT64_CONSTANT (1000000))
        return FALSE;
    }
  if (*p == '.')
    {
      p++;
      if (!g_ascii_isdigit (*p))
        return FALSE;
      for (; g_ascii_isdigit (*p); p++)
        {
          if (++decimals > 6)
            return FALSE;
          frac = frac * 10 + (*p - '0');
        }
    }
  if (*p != '\0')
    return FALSE;
  for (; decimals < 6; decimals++)
    frac *= 10;
  *out = whole * 1000000 + frac;
  return TRUE;
}

GPtrArray *
pcn_allocation_rates_parse (const char  *json,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) out = NULL;
  JsonArray *array;

  g_return_val_if_fail (json != NULL, NULL);

  if (!(parser = parse_json (json, length, error)))
    return NULL;
  if (!(array = find_array (json_parser_get_root (parser), "allocation", error)))
    return NULL;

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_allocation_rate_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(PcnAllocationRate) rate = g_new0 (PcnAllocationRate, 1);
      JsonObject *o;
      const char *per_head;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;
      o = json_node_get_object (node);
      rate->year = (int) member_int (o, "year");
      rate->component = g_strdup (member_string (o, "component"));
      per_head = member_string (o, "per_weighted_patient_gbp");
      if (rate->year < 2000 || rate->year > 2200 || rate->component == NULL ||
          !parse_micropounds (per_head, &rate->per_head_micropounds))
        goto bad;
      rate->per_head_text = g_strdup (per_head);
      rate->from = g_strdup (member_string (o, "from"));
      rate->to = g_strdup (member_string (o, "to"));
      rate->source = g_strdup (member_string (o, "source"));
      g_ptr_array_add (out, g_steal_pointer (&rate));
      continue;

    bad:
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE,
                   _("Allocation rate %u of the reference data is malformed"), i + 1);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static char *
format_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  GString *s = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

/* £ with at least two and at most six decimals: 26631000 → "£26.631". */
static char *
format_per_head (gint64 micropounds)
{
  g_autofree char *frac = g_strdup_printf ("%06" G_GINT64_FORMAT, micropounds % 1000000);
  gsize len = 6;

  while (len > 2 && frac[len - 1] == '0')
    frac[--len] = '\0';
  return g_strdup_printf ("£%" G_GINT64_FORMAT ".%s", micropounds / 1000000, frac);
}

gboolean
pcn_allocation_compute (GPtrArray   *allocation_rates,
                        int          year,
                        gint64       weighted_list_size,
                        gint64      *out_pence,
                        char       **out_formula,
                        GError     **error)
{
  g_autoptr(GString) formula = g_string_new (NULL);
  g_autofree char *year_name = pcn_financial_year_name (year);
  g_autofree char *patients = NULL;
  gint64 total = 0;
  guint n = 0;

  g_return_val_if_fail (allocation_rates != NULL, FALSE);
  g_return_val_if_fail (out_pence != NULL, FALSE);

  if (weighted_list_size <= 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                   _("The weighted list size is needed to work out the %s allocation: "
                     "enter it, or enter the allocation from the ICB’s letter"), year_name);
      return FALSE;
    }
  patients = format_count (weighted_list_size);

  /* The main sum first, then any separate sums, in data order. */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < allocation_rates->len; i++)
      {
        PcnAllocationRate *r = g_ptr_array_index (allocation_rates, i);
        gboolean main_sum = g_strcmp0 (r->component, "pcn_arrs_sum_rate") == 0;
        g_autofree char *per_head = NULL;
        g_autofree char *amount = NULL;
        gint64 pence;

        if (r->year != year || main_sum != (pass == 0))
          continue;

        /* weighted × £/head in millionths of a pound; 10,000 millionths
         * make a penny; round half up. */
        pence = (weighted_list_size * r->per_head_micropounds + 5000) / 10000;
        total += pence;
        per_head = format_per_head (r->per_head_micropounds);
        amount = pcn_money_format (pence);

        if (main_sum)
          g_string_append_printf (formula,
                                  /* Translators: "30,000 weighted patients × £26.631 =
                                   * £798,930.00" */
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "%1$s weighted patient × %2$s = %3$s",
                                               "%1$s weighted patients × %2$s = %3$s",
                                               (gulong) weighted_list_size),
                                  patients, per_head, amount);
        else if (g_strcmp0 (r->component, "pcn_arrs_gp_sum_rate") == 0)
          {
            if (n > 0)
              g_string_append (formula, "; ");
            g_string_append_printf (formula,
                                    /* Translators: the 2024/25 ARRS GP sum; %1$s and %2$s are
                                     * dates, then weighted patients × £ per head = £ */
                                    _("plus the ring-fenced GP sum for %1$s to %2$s: "
                                      "%3$s × %4$s = %5$s"),
                                    r->from ? r->from : "", r->to ? r->to : "",
                                    patients, per_head, amount);
          }
        else
          {
            if (n > 0)
              g_string_append (formula, "; ");
            g_string_append_printf (formula,
                                    /* Translators: %1$s is a component name from the data */
                                    _("plus %1$s: %2$s × %3$s = %4$s"),
                                    r->component, patients, per_head, amount);
          }
        n++;
      }

  if (n == 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN,
                   _("No per-head ARRS sum rate is known for %s: enter the PCN’s allocation "
                     "from the ICB’s letter"), year_name);
      return FALSE;
    }
  if (n > 1)
    {
      g_autofree char *amount = pcn_money_format (total);
      /* Translators: the total of the allocation's parts */
      g_string_append_printf (formula, _("; total %s"), amount);
    }

  *out_pence = total;
  if (out_formula)
    *out_formula = g_string_free (g_steal_pointer (&formula), FALSE);
  return TRUE;
}

/* Checks */

G_DEFINE_BOXED_TYPE (PcnCheck, pcn_check, pcn_check_copy, pcn_check_free)

PcnCheck *
pcn_check_new (const char       *rule_id,
               const char       *year_name,
               PcnCheckSeverity  severity,
               PcnCheckSubject   subject,
               gint64            subject_id,
               const char       *subject_name,
               const char       *message)
{
  PcnCheck *check = g_new0 (PcnCheck, 1);

  check->rule_id = g_strdup (rule_id);
  check->year_name = g_strdup (year_name);
  check->severity = severity;
  check->subject = subject;
  check->subject_id = subject_id;
  check->subject_name = g_strdup (subject_name);
  check->message = g_strdup (message);
  return check;
}

PcnCheck *
pcn_check_copy (const PcnCheck *check)
{
  g_return_val_if_fail (check != NULL, NULL);
  return pcn_check_new (check->rule_id, check->year_name, check->severity, check->subject,
                        check->subject_id, check->subject_name, check->message);
}

void
pcn_check_free (PcnCheck *check)
{
  if (check == NULL)
    return;
  g_free (check->rule_id);
  g_free (check->year_name);
  g_free (check->subject_name);
  g_free (check->message);
  g_free (check);
}

const char *
pcn_check_severity_to_string (PcnCheckSeverity severity)
{
  return severity == PCN_CHECK_ERROR ? "error" : "warning";
}
