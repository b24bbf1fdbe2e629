/* pcn-induction.c — induction checklists (see pcn-induction.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pcn-core-error.h"
#include "pcn-induction.h"
#include "pcn-reference.h"
#include "pcn-values.h"

#define MAX_TEXT 500

static const char * const kind_ids[] = { "pcn", "practice", "employer" };
static const char * const owner_ids[] = { "employer", "pcn", "host_practice" };
static const char * const due_ids[] = { "before_start", "day_1", "week_1", "month_1", "month_3" };
static const char * const status_ids[] = { "open", "done", "na" };

/* Matches @text against @ids case-insensitively, with '-' for '_'. */
static int
find_id (const char * const *ids,
         guint               n_ids,
         const char         *text)
{
  g_autofree char *norm = NULL;

  if (text == NULL)
    return -1;
  norm = g_strstrip (g_ascii_strdown (text, -1));
  g_strdelimit (norm, "-", '_');
  for (guint i = 0; i < n_ids; i++)
    if (g_str_equal (norm, ids[i]))
      return (int) i;
  return -1;
}

const char *
pcn_checklist_kind_to_string (PcnChecklistKind kind)
{
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (kind_ids), "");
  return kind_ids[kind];
}

const char *
pcn_checklist_kind_get_label (PcnChecklistKind kind)
{
  switch (kind)
    {
    case PCN_CHECKLIST_PCN: return _("PCN");
    case PCN_CHECKLIST_PRACTICE: return _("Practice");
    case PCN_CHECKLIST_EMPLOYER: return _("Employer");
    default: g_return_val_if_reached ("");
    }
}

gboolean
pcn_checklist_kind_parse (const char        *text,
                          PcnChecklistKind  *out_kind,
                          GError           **error)
{
  int v;

  g_return_val_if_fail (out_kind != NULL, FALSE);

  v = find_id (kind_ids, G_N_ELEMENTS (kind_ids), text);
  if (v < 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a checklist: use pcn, practice or employer"),
                   text ? text : "");
      return FALSE;
    }
  *out_kind = v;
  return TRUE;
}

const char *
pcn_induction_owner_to_string (PcnInductionOwner owner)
{
  g_return_val_if_fail ((guint) owner < G_N_ELEMENTS (owner_ids), "");
  return owner_ids[owner];
}

const char *
pcn_induction_owner_get_label (PcnInductionOwner owner)
{
  switch (owner)
    {
    case PCN_INDUCTION_OWNER_EMPLOYER: return _("Employer");
    case PCN_INDUCTION_OWNER_PCN: return _("PCN");
    case PCN_INDUCTION_OWNER_HOST_PRACTICE: return _("Host practice");
    default: g_return_val_if_reached ("");
    }
}

gboolean
pcn_induction_owner_parse (const char         *text,
                           PcnInductionOwner  *out_owner,
                           GError            **error)
{
  int v;

  g_return_val_if_fail (out_owner != NULL, FALSE);

  v = find_id (owner_ids, G_N_ELEMENTS (owner_ids), text);
  if (v < 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not an owner: use employer, pcn or host_practice"),
                   text ? text : "");
      return FALSE;
    }
  *out_owner = v;
  return TRUE;
}

const char *
pcn_induction_due_to_string (PcnInductionDue due)
{
  g_return_val_if_fail ((guint) due < G_N_ELEMENTS (due_ids), "");
  return due_ids[due];
}

const char *
pcn_induction_due_get_label (PcnInductionDue due)
{
  switch (due)
    {
    case PCN_INDUCTION_DUE_BEFORE_START: return _("Before start");
    case PCN_INDUCTION_DUE_DAY_1: return _("Day 1");
    case PCN_INDUCTION_DUE_WEEK_1: return _("Week 1");
    case PCN_INDUCTION_DUE_MONTH_1: return _("Month 1");
    case PCN_INDUCTION_DUE_MONTH_3: return _("Month 3");
    default: g_return_val_if_reached ("");
    }
}

gboolean
pcn_induction_due_parse (const char       *text,
                         PcnInductionDue  *out_due,
                         GError          **error)
{
  int v;

  g_return_val_if_fail (out_due != NULL, FALSE);

  v = find_id (due_ids, G_N_ELEMENTS (due_ids), text);
  if (v < 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a due point: use before_start, day_1, week_1, month_1 or month_3"),
                   text ? text : "");
      return FALSE;
    }
  *out_due = v;
  return TRUE;
}

const char *
pcn_induction_status_to_string (PcnInductionStatus status)
{
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (status_ids), "");
  return status_ids[status];
}

const char *
pcn_induction_status_get_label (PcnInductionStatus status)
{
  switch (status)
    {
    case PCN_INDUCTION_STATUS_OPEN: return _("Open");
    case PCN_INDUCTION_STATUS_DONE: return _("Done");
    case PCN_INDUCTION_STATUS_NA: return _("Not applicable");
    default: g_return_val_if_reached ("");
    }
}

gboolean
pcn_induction_status_parse (const char          *text,
                            PcnInductionStatus  *out_status,
                            GError             **error)
{
  int v;

  g_return_val_if_fail (out_status != NULL, FALSE);

  v = find_id (status_ids, G_N_ELEMENTS (status_ids), text);
  if (v < 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not an item status: use open, done or na"),
                   text ? text : "");
      return FALSE;
    }
  *out_status = v;
  return TRUE;
}

/* ------------------------------------------------------------ due dates */

/* @date + @months − 1 day; g_date_add_months clamps to the month's end. */
static void
add_months_less_a_day (GDate *date,
                       guint  months)
{
  g_date_add_months (date, months);
  g_date_subtract_days (date, 1);
}

void
pcn_induction_due_date (const GDate      *start,
                        PcnInductionDue   due,
                        GDate            *out_due)
{
  g_return_if_fail (start != NULL && g_date_valid (start));
  g_return_if_fail (out_due != NULL);

  *out_due = *start;
  switch (due)
    {
    case PCN_INDUCTION_DUE_BEFORE_START:
      g_date_subtract_days (out_due, 1);
      break;
    case PCN_INDUCTION_DUE_DAY_1:
      break;
    case PCN_INDUCTION_DUE_WEEK_1:
      g_date_add_days (out_due, 6);
      break;
    case PCN_INDUCTION_DUE_MONTH_1:
      add_months_less_a_day (out_due, 1);
      break;
    case PCN_INDUCTION_DUE_MONTH_3:
      add_months_less_a_day (out_due, 3);
      break;
    default:
      g_return_if_reached ();
    }
}

gboolean
pcn_induction_is_starter (PcnStaff    *staff,
                          const GDate *as_at)
{
  GDate start, window_end, end;
  const char *end_iso;

  g_return_val_if_fail (PCN_IS_STAFF (staff), FALSE);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), FALSE);

  if (!pcn_date_from_iso (pcn_staff_get_start_date (staff), &start))
    return FALSE;
  end_iso = pcn_staff_get_end_date (staff);
  if (end_iso != NULL && pcn_date_from_iso (end_iso, &end) && g_date_compare (&end, as_at) < 0)
    return FALSE;

  window_end = start;
  g_date_add_months (&window_end, PCN_INDUCTION_WINDOW_MONTHS);
  return g_date_compare (as_at, &window_end) < 0;
}

/* ------------------------------------------------------------ templates */

PcnInductionTemplateItem *
pcn_induction_template_item_new (void)
{
  PcnInductionTemplateItem *item = g_new0 (PcnInductionTemplateItem, 1);

  item->owner = PCN_INDUCTION_OWNER_PCN;
  item->due = PCN_INDUCTION_DUE_WEEK_1;
  item->position = -1;
  return item;
}

PcnInductionTemplateItem *
pcn_induction_template_item_copy (const PcnInductionTemplateItem *item)
{
  PcnInductionTemplateItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_memdup2 (item, sizeof *item);
  copy->key = g_strdup (item->key);
  copy->role_code = g_strdup (item->role_code);
  copy->section = g_strdup (item->section);
  copy->text = g_strdup (item->text);
  copy->source = g_strdup (item->source);
  return copy;
}

void
pcn_induction_template_item_free (PcnInductionTemplateItem *item)
{
  if (item == NULL)
    return;
  g_free (item->key);
  g_free (item->role_code);
  g_free (item->section);
  g_free (item->text);
  g_free (item->source);
  g_free (item);
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;
  for (; *text != '\0'; text++)
    if (!g_ascii_isspace (*text))
      return FALSE;
  return TRUE;
}

/* @is_section: the item's section, else its text. */
static gboolean
check_text (const char   *value,
            gboolean      is_section,
            GError      **error)
{
  if (is_blank (value))
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                           is_section ? _("The section is required") : _("The text is required"));
      return FALSE;
    }
  if (!g_utf8_validate (value, -1, NULL) || g_utf8_strlen (value, -1) > MAX_TEXT)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   is_section ? _("The section is not text of at most %d characters")
                              : _("The text is not text of at most %d characters"),
                   MAX_TEXT);
      return FALSE;
    }
  if (pcn_text_looks_like_formula (value))
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                           is_section ? _("The section may not start with =, +, - or @")
                                      : _("The text may not start with =, +, - or @"));
      return FALSE;
    }
  return TRUE;
}

gboolean
pcn_induction_template_item_validate (const PcnInductionTemplateItem  *item,
                                      GPtrArray                       *roles,
                                      const char                     **out_field,
                                      GError                         **error)
{
  const char *field = NULL;

  g_return_val_if_fail (item != NULL, FALSE);

  if (!check_text (item->section, TRUE, error))
    field = "section";
  else if (!check_text (item->text, FALSE, error))
    field = "text";
  else if ((guint) item->checklist >= PCN_CHECKLIST_N_KINDS ||
           (guint) item->due >= PCN_INDUCTION_N_DUES)
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                           _("The checklist or due point is not valid"));
      field = "due";
    }
  else if (item->checklist == PCN_CHECKLIST_PRACTICE &&
           item->owner != PCN_INDUCTION_OWNER_HOST_PRACTICE)
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                           _("An item on a practice checklist is owned by the host practice"));
      field = "owner";
    }
  else if (item->checklist == PCN_CHECKLIST_EMPLOYER &&
           item->owner != PCN_INDUCTION_OWNER_EMPLOYER)
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                           _("An item on an employer checklist is owned by the employer"));
      field = "owner";
    }
  else if (item->checklist == PCN_CHECKLIST_PCN &&
           item->owner == PCN_INDUCTION_OWNER_HOST_PRACTICE)
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                           _("An item on the PCN checklist is owned by the PCN or the employer, "
                             "not a host practice: put it on the practice checklist"));
      field = "owner";
    }
  else if (item->role_code != NULL && roles != NULL && pcn_roles_find (roles, item->role_code) == NULL)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN,
                   _("“%s” is not an ARRS role"), item->role_code);
      field = "role";
    }

  if (out_field != NULL)
    *out_field = field;
  return field == NULL;
}

static const char *
member_string (JsonObject *obj,
               const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

GPtrArray *
pcn_induction_templates_parse (const char  *json,
                               gsize        length,
                               int         *out_version,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_template_item_free);
  g_autoptr(GHashTable) keys = g_hash_table_new (g_str_hash, g_str_equal);
  int positions[PCN_CHECKLIST_N_KINDS] = { 0 };
  JsonObject *root;
  JsonArray *array;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, (gssize) length, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    goto bad;
  root = json_node_get_object (json_parser_get_root (parser));
  if (!json_object_has_member (root, "version") || !json_object_has_member (root, "items"))
    goto bad;
  array = json_object_get_array_member (root, "items");
  if (array == NULL)
    goto bad;

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autoptr(PcnInductionTemplateItem) item = pcn_induction_template_item_new ();
      g_autoptr(GError) local_error = NULL;
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *obj;
      const char *field = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;
      obj = json_node_get_object (node);
      item->key = g_strdup (member_string (obj, "key"));
      item->role_code = g_strdup (member_string (obj, "role"));
      item->section = g_strdup (member_string (obj, "section"));
      item->text = g_strdup (member_string (obj, "text"));
      item->source = g_strdup (member_string (obj, "source"));
      if (item->key == NULL || g_hash_table_contains (keys, item->key) ||
          !pcn_checklist_kind_parse (member_string (obj, "checklist"), &item->checklist, &local_error) ||
          !pcn_induction_owner_parse (member_string (obj, "owner"), &item->owner, &local_error) ||
          !pcn_induction_due_parse (member_string (obj, "due"), &item->due, &local_error) ||
          !pcn_induction_template_item_validate (item, NULL, &field, &local_error))
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE,
                       _("Induction template item %u (%s) is not valid: %s"), i + 1,
                       item->key ? item->key : "?",
                       local_error ? local_error->message : _("no key, or a key used twice"));
          return NULL;
        }
      g_hash_table_add (keys, item->key);
      item->position = positions[item->checklist]++;
      g_ptr_array_add (items, g_steal_pointer (&item));
    }

  if (out_version != NULL)
    *out_version = (int) json_object_get_int_member (root, "version");
  return g_steal_pointer (&items);

bad:
  g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE,
                       _("The induction templates are not an object with “version” and “items”"));
  return NULL;
}

/* ---------------------------------------------------------- issued items */

PcnInductionItem *
pcn_induction_item_new (void)
{
  PcnInductionItem *item = g_new0 (PcnInductionItem, 1);

  g_date_clear (&item->due, 1);
  return item;
}

PcnInductionItem *
pcn_induction_item_copy (const PcnInductionItem *item)
{
  PcnInductionItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_memdup2 (item, sizeof *item);
  copy->staff_name = g_strdup (item->staff_name);
  copy->practice = g_strdup (item->practice);
  copy->section = g_strdup (item->section);
  copy->text = g_strdup (item->text);
  copy->done_by = g_strdup (item->done_by);
  copy->done_on = g_strdup (item->done_on);
  copy->na_reason = g_strdup (item->na_reason);
  copy->note = g_strdup (item->note);
  return copy;
}

void
pcn_induction_item_free (PcnInductionItem *item)
{
  if (item == NULL)
    return;
  g_free (item->staff_name);
  g_free (item->practice);
  g_free (item->section);
  g_free (item->text);
  g_free (item->done_by);
  g_free (item->done_on);
  g_free (item->na_reason);
  g_free (item->note);
  g_free (item);
}

void
pcn_induction_item_set_start (PcnInductionItem *item,
                              const GDate      *start)
{
  g_return_if_fail (item != NULL);
  g_return_if_fail (start != NULL && g_date_valid (start));

  pcn_induction_due_date (start, item->due_offset, &item->due);
}

gboolean
pcn_induction_item_is_overdue (const PcnInductionItem *item,
                               const GDate            *as_at)
{
  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), FALSE);

  return item->status == PCN_INDUCTION_STATUS_OPEN &&
         g_date_valid (&item->due) &&
         g_date_compare (&item->due, as_at) < 0;
}

gboolean
pcn_induction_item_validate_tick (const PcnInductionItem *item,
                                  const GDate            *start,
                                  const char             *by,
                                  const GDate            *date,
                                  const char             *na_reason,
                                  const GDate            *as_at,
                                  GError                **error)
{
  GDate earliest;
  g_autofree char *earliest_text = NULL;

  g_return_val_if_fail (item != NULL, FALSE);
  g_return_val_if_fail (start != NULL && g_date_valid (start), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), FALSE);

  if (item->status != PCN_INDUCTION_STATUS_OPEN)
    {
      g_autofree char *on = pcn_iso_format_display (item->done_on);

      if (item->status == PCN_INDUCTION_STATUS_DONE)
        /* Translators: "already done on 3 March 2026 by Jo Bloggs" */
        g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                     _("Item %" G_GINT64_FORMAT " is already done on %s by %s"),
                     item->id, on, item->done_by ? item->done_by : "?");
      else
        g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                     _("Item %" G_GINT64_FORMAT " is already marked not applicable on %s by %s: %s"),
                     item->id, on, item->done_by ? item->done_by : "?",
                     item->na_reason ? item->na_reason : "");
      return FALSE;
    }
  if (is_blank (by))
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                           _("Say who completed the item"));
      return FALSE;
    }
  if (g_utf8_strlen (by, -1) > 200 || pcn_text_looks_like_formula (by))
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                           _("The name of who completed the item is not valid"));
      return FALSE;
    }
  if (na_reason != NULL && is_blank (na_reason))
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                           _("Say why the item does not apply"));
      return FALSE;
    }
  if (na_reason != NULL && (g_utf8_strlen (na_reason, -1) > MAX_TEXT || pcn_text_looks_like_formula (na_reason)))
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                           _("The reason is too long or starts with =, +, - or @"));
      return FALSE;
    }
  if (g_date_compare (date, as_at) > 0)
    {
      g_autofree char *d = pcn_date_format_display (date);
      g_autofree char *t = pcn_date_format_display (as_at);

      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("%s is in the future (today is %s): tick an item when it is done"), d, t);
      return FALSE;
    }

  earliest = *start;
  if (item->due_offset == PCN_INDUCTION_DUE_BEFORE_START)
    g_date_subtract_months (&earliest, PCN_INDUCTION_EARLIEST_MONTHS);
  if (g_date_compare (date, &earliest) < 0)
    {
      g_autofree char *d = pcn_date_format_display (date);

      earliest_text = pcn_date_format_display (&earliest);
      if (item->due_offset == PCN_INDUCTION_DUE_BEFORE_START)
        g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                     _("%s is more than %d months before the start date: a pre-employment "
                       "item is done on or after %s"), d, PCN_INDUCTION_EARLIEST_MONTHS, earliest_text);
      else
        g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                     _("%s is before the start date (%s): this item is done once they have started"),
                     d, earliest_text);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------- progress */

void
pcn_induction_progress_free (PcnInductionProgress *progress)
{
  if (progress == NULL)
    return;
  g_free (progress->practice);
  g_free (progress);
}

GPtrArray *
pcn_induction_progress_compute (GPtrArray   *items,
                                const GDate *as_at)
{
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GHashTable) by_id = NULL;

  g_return_val_if_fail (items != NULL, NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_progress_free);
  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < items->len; i++)
    {
      const PcnInductionItem *item = g_ptr_array_index (items, i);
      PcnInductionProgress *p = g_hash_table_lookup (by_id, &item->checklist_id);

      if (p == NULL)
        {
          p = g_new0 (PcnInductionProgress, 1);
          p->checklist_id = item->checklist_id;
          p->checklist = item->checklist;
          p->practice = g_strdup (item->practice);
          g_date_clear (&p->next_due, 1);
          g_ptr_array_add (result, p);
          g_hash_table_insert (by_id, &p->checklist_id, p);
        }
      p->items_total++;
      switch (item->status)
        {
        case PCN_INDUCTION_STATUS_DONE:
          p->items_done++;
          break;
        case PCN_INDUCTION_STATUS_NA:
          p->items_na++;
          break;
        case PCN_INDUCTION_STATUS_OPEN:
        default:
          if (pcn_induction_item_is_overdue (item, as_at))
            p->items_overdue++;
          if (g_date_valid (&item->due) &&
              (!g_date_valid (&p->next_due) || g_date_compare (&item->due, &p->next_due) < 0))
            p->next_due = item->due;
          break;
        }
    }

  /* In kind order, keeping the order seen within a kind (a stable sort). */
  {
    g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_progress_free);

    for (int kind = 0; kind < PCN_CHECKLIST_N_KINDS; kind++)
      for (guint i = 0; i < result->len; i++)
        {
          PcnInductionProgress *p = g_ptr_array_index (result, i);

          if ((int) p->checklist == kind)
            g_ptr_array_add (sorted, p);
        }
    g_ptr_array_set_free_func (result, NULL);
    return g_steal_pointer (&sorted);
  }
}

void
pcn_induction_starter_free (PcnInductionStarter *starter)
{
  if (starter == NULL)
    return;
  g_clear_object (&starter->staff);
  g_clear_pointer (&starter->checklists, g_ptr_array_unref);
  g_free (starter);
}
