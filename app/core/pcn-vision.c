/* pcn-vision.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pcn-core-error.h"
#include "pcn-reference.h"
#include "pcn-values.h"
#include "pcn-vision.h"

#define MAX_TEXT      500
#define MAX_LONG_TEXT 4000
#define MAX_MINUTES   600

/* ------------------------------------------------------- helpers */

static gboolean
check_text (const char  *text,
            gboolean     required,
            int          max_chars,
            const char  *label,
            GError     **error)
{
  if (text == NULL || *text == '\0')
    {
      if (required)
        {
          /* Translators: %s is a field name such as "title". */
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("The %s is required"), label);
          return FALSE;
        }
      return TRUE;
    }
  if (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > max_chars)
    {
      /* Translators: %1$s is a field name, %2$d a number of characters. */
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The %1$s must be at most %2$d characters"), label, max_chars);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_date (const char  *iso,
            gboolean     required,
            const char  *label,
            GError     **error)
{
  GDate d;

  if (iso == NULL || *iso == '\0')
    {
      if (required)
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("The %s is required"), label);
          return FALSE;
        }
      return TRUE;
    }
  if (!pcn_date_from_iso (iso, &d))
    {
      /* Translators: %1$s is a field name, %2$s what was given. */
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The %1$s “%2$s” is not a date (YYYY-MM-DD)"), label, iso);
      return FALSE;
    }
  return TRUE;
}

static void
free_string (gpointer p)
{
  g_free (p);
}

/* ------------------------------------------------------- marking */

static const char * const marking_ids[] = { "unmarked", "des", "core", "both" };

PcnPostMarking
pcn_post_get_marking (PcnPost *post)
{
  const char * const *purposes;
  gboolean des = FALSE, core = FALSE;

  g_return_val_if_fail (PCN_IS_POST (post), PCN_POST_MARKING_UNMARKED);

  purposes = pcn_post_get_purposes (post);
  for (guint i = 0; purposes[i] != NULL; i++)
    {
      if (g_strcmp0 (purposes[i], PCN_POST_PURPOSE_CORE) == 0)
        core = TRUE;
      else
        des = TRUE;
    }
  if (des && core)
    return PCN_POST_MARKING_BOTH;
  if (des)
    return PCN_POST_MARKING_DES;
  if (core)
    return PCN_POST_MARKING_CORE;
  return PCN_POST_MARKING_UNMARKED;
}

const char *
pcn_post_marking_to_string (PcnPostMarking marking)
{
  g_return_val_if_fail (marking <= PCN_POST_MARKING_BOTH, NULL);
  return marking_ids[marking];
}

const char *
pcn_post_marking_get_label (PcnPostMarking marking)
{
  switch (marking)
    {
    case PCN_POST_MARKING_UNMARKED: return _("Not marked");
    case PCN_POST_MARKING_DES:      return _("Network Contract DES service");
    case PCN_POST_MARKING_CORE:     return _("Core practice capacity");
    case PCN_POST_MARKING_BOTH:     return _("DES service and core capacity");
    default:                        g_return_val_if_reached (NULL);
    }
}

/* ------------------------------------------------------- vision */

PcnVision *
pcn_vision_new (void)
{
  PcnVision *v = g_new0 (PcnVision, 1);

  v->working_weeks = PCN_VISION_DEFAULT_WORKING_WEEKS;
  return v;
}

PcnVision *
pcn_vision_copy (const PcnVision *vision)
{
  PcnVision *copy;

  g_return_val_if_fail (vision != NULL, NULL);

  copy = g_memdup2 (vision, sizeof *vision);
  copy->statement = g_strdup (vision->statement);
  copy->purpose = g_strdup (vision->purpose);
  return copy;
}

void
pcn_vision_free (PcnVision *vision)
{
  if (vision == NULL)
    return;
  g_free (vision->statement);
  g_free (vision->purpose);
  g_free (vision);
}

gboolean
pcn_vision_validate (const PcnVision  *vision,
                     GError          **error)
{
  g_return_val_if_fail (vision != NULL, FALSE);

  if (!check_text (vision->statement, FALSE, MAX_LONG_TEXT, _("vision statement"), error) ||
      !check_text (vision->purpose, FALSE, MAX_LONG_TEXT, _("purpose"), error))
    return FALSE;
  if (vision->working_weeks < 1 || vision->working_weeks > 52)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("Working weeks a year must be between 1 and 52, not %d"), vision->working_weeks);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------- objectives */

PcnObjective *
pcn_objective_new (void)
{
  return g_new0 (PcnObjective, 1);
}

PcnObjective *
pcn_objective_copy (const PcnObjective *objective)
{
  PcnObjective *copy;

  g_return_val_if_fail (objective != NULL, NULL);

  copy = g_memdup2 (objective, sizeof *objective);
  copy->title = g_strdup (objective->title);
  copy->measure = g_strdup (objective->measure);
  copy->target = g_strdup (objective->target);
  copy->owner = g_strdup (objective->owner);
  copy->review_date = g_strdup (objective->review_date);
  return copy;
}

void
pcn_objective_free (PcnObjective *objective)
{
  if (objective == NULL)
    return;
  g_free (objective->title);
  g_free (objective->measure);
  g_free (objective->target);
  g_free (objective->owner);
  g_free (objective->review_date);
  g_free (objective);
}

gboolean
pcn_objective_validate (const PcnObjective  *objective,
                        const char         **out_field,
                        GError             **error)
{
  const char *field = NULL;

  g_return_val_if_fail (objective != NULL, FALSE);

  if (!check_text (objective->title, TRUE, MAX_TEXT, _("title"), error))
    field = "title";
  else if (!check_text (objective->measure, TRUE, MAX_TEXT, _("measure"), error))
    field = "measure";
  else if (!check_text (objective->target, FALSE, MAX_TEXT, _("target"), error))
    field = "target";
  else if (!check_text (objective->owner, FALSE, MAX_TEXT, _("owner"), error))
    field = "owner";
  else if (!check_date (objective->review_date, FALSE, _("review date"), error))
    field = "review_date";

  if (out_field != NULL)
    *out_field = field;
  return field == NULL;
}

/* ------------------------------------------------------- reviews */

PcnVisionReview *
pcn_vision_review_new (void)
{
  return g_new0 (PcnVisionReview, 1);
}

PcnVisionReview *
pcn_vision_review_copy (const PcnVisionReview *review)
{
  PcnVisionReview *copy;

  g_return_val_if_fail (review != NULL, NULL);

  copy = g_memdup2 (review, sizeof *review);
  copy->date = g_strdup (review->date);
  copy->note = g_strdup (review->note);
  return copy;
}

void
pcn_vision_review_free (PcnVisionReview *review)
{
  if (review == NULL)
    return;
  g_free (review->date);
  g_free (review->note);
  g_free (review);
}

gboolean
pcn_vision_review_validate (const PcnVisionReview  *review,
                            GError                **error)
{
  g_return_val_if_fail (review != NULL, FALSE);

  return check_date (review->date, TRUE, _("review date"), error) &&
         check_text (review->note, TRUE, MAX_LONG_TEXT, _("note"), error);
}

/* ------------------------------------------------------- buy-in */

PcnPracticeBuyIn *
pcn_practice_buy_in_new (void)
{
  return g_new0 (PcnPracticeBuyIn, 1);
}

PcnPracticeBuyIn *
pcn_practice_buy_in_copy (const PcnPracticeBuyIn *buy_in)
{
  PcnPracticeBuyIn *copy;

  g_return_val_if_fail (buy_in != NULL, NULL);

  copy = g_memdup2 (buy_in, sizeof *buy_in);
  copy->practice = g_strdup (buy_in->practice);
  copy->date = g_strdup (buy_in->date);
  copy->agreed_by = g_strdup (buy_in->agreed_by);
  copy->notes = g_strdup (buy_in->notes);
  return copy;
}

void
pcn_practice_buy_in_free (PcnPracticeBuyIn *buy_in)
{
  if (buy_in == NULL)
    return;
  g_free (buy_in->practice);
  g_free (buy_in->date);
  g_free (buy_in->agreed_by);
  g_free (buy_in->notes);
  g_free (buy_in);
}

gboolean
pcn_practice_buy_in_validate (const PcnPracticeBuyIn  *buy_in,
                              GError                 **error)
{
  g_return_val_if_fail (buy_in != NULL, FALSE);

  if (buy_in->practice_id <= 0 && (buy_in->practice == NULL || *buy_in->practice == '\0'))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("The %s is required"), _("practice"));
      return FALSE;
    }
  return check_date (buy_in->date, FALSE, _("date"), error) &&
         check_text (buy_in->agreed_by, FALSE, MAX_TEXT, _("name of who agreed"), error) &&
         check_text (buy_in->notes, FALSE, MAX_LONG_TEXT, _("notes"), error);
}

/* ------------------------------------------------------- skills */

PcnSkill *
pcn_skill_new (void)
{
  return g_new0 (PcnSkill, 1);
}

PcnSkill *
pcn_skill_copy (const PcnSkill *skill)
{
  PcnSkill *copy;

  g_return_val_if_fail (skill != NULL, NULL);

  copy = g_memdup2 (skill, sizeof *skill);
  copy->code = g_strdup (skill->code);
  copy->name = g_strdup (skill->name);
  return copy;
}

void
pcn_skill_free (PcnSkill *skill)
{
  if (skill == NULL)
    return;
  g_free (skill->code);
  g_free (skill->name);
  g_free (skill);
}

static char *
normalise_code (const char *text)
{
  char *s = g_ascii_strdown (text, -1);

  g_strstrip (s);
  for (char *p = s; *p != '\0'; p++)
    if (*p == '-' || *p == ' ')
      *p = '_';
  return s;
}

const PcnSkill *
pcn_skills_find (GPtrArray  *skills,
                 const char *text)
{
  g_autofree char *code = NULL;
  g_autofree char *folded = NULL;

  g_return_val_if_fail (skills != NULL, NULL);
  g_return_val_if_fail (text != NULL, NULL);

  code = normalise_code (text);
  folded = g_utf8_casefold (text, -1);
  g_strstrip (folded);
  for (guint i = 0; i < skills->len; i++)
    {
      const PcnSkill *s = g_ptr_array_index (skills, i);
      g_autofree char *name = g_utf8_casefold (s->name, -1);

      if (g_strcmp0 (s->code, code) == 0 || g_strcmp0 (name, folded) == 0)
        return s;
    }
  return NULL;
}

PcnSkillRole *
pcn_skill_role_new (void)
{
  return g_new0 (PcnSkillRole, 1);
}

PcnSkillRole *
pcn_skill_role_copy (const PcnSkillRole *mapping)
{
  PcnSkillRole *copy;

  g_return_val_if_fail (mapping != NULL, NULL);

  copy = g_memdup2 (mapping, sizeof *mapping);
  copy->role_code = g_strdup (mapping->role_code);
  return copy;
}

void
pcn_skill_role_free (PcnSkillRole *mapping)
{
  if (mapping == NULL)
    return;
  g_free (mapping->role_code);
  g_free (mapping);
}

gboolean
pcn_skill_role_validate (const PcnSkillRole  *mapping,
                         GError             **error)
{
  g_return_val_if_fail (mapping != NULL, FALSE);

  if (mapping->role_code == NULL || *mapping->role_code == '\0')
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("The %s is required"), _("role"));
      return FALSE;
    }
  if (mapping->minutes_per_contact < 1 || mapping->minutes_per_contact > MAX_MINUTES)
    {
      /* Translators: %1$d is the largest number accepted, %2$d what was given. */
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("Minutes per contact must be between 1 and %1$d, not %2$d"),
                   MAX_MINUTES, mapping->minutes_per_contact);
      return FALSE;
    }
  return TRUE;
}

PcnSkillsAudit *
pcn_skills_audit_new (void)
{
  PcnSkillsAudit *audit = g_new0 (PcnSkillsAudit, 1);

  audit->counts = g_array_new (FALSE, FALSE, sizeof (PcnSkillCount));
  return audit;
}

PcnSkillsAudit *
pcn_skills_audit_copy (const PcnSkillsAudit *audit)
{
  PcnSkillsAudit *copy;

  g_return_val_if_fail (audit != NULL, NULL);

  copy = g_memdup2 (audit, sizeof *audit);
  copy->from_date = g_strdup (audit->from_date);
  copy->to_date = g_strdup (audit->to_date);
  copy->notes = g_strdup (audit->notes);
  copy->counts = g_array_copy (audit->counts);
  return copy;
}

void
pcn_skills_audit_free (PcnSkillsAudit *audit)
{
  if (audit == NULL)
    return;
  g_free (audit->from_date);
  g_free (audit->to_date);
  g_free (audit->notes);
  g_clear_pointer (&audit->counts, g_array_unref);
  g_free (audit);
}

int
pcn_skills_audit_get_days (const PcnSkillsAudit *audit)
{
  GDate from, to;

  g_return_val_if_fail (audit != NULL, 0);

  if (!pcn_date_from_iso (audit->from_date, &from) || !pcn_date_from_iso (audit->to_date, &to))
    return 0;
  if (g_date_compare (&to, &from) < 0)
    return 0;
  return g_date_days_between (&from, &to) + 1;
}

gboolean
pcn_skills_audit_validate (const PcnSkillsAudit  *audit,
                           GError               **error)
{
  g_return_val_if_fail (audit != NULL, FALSE);

  if (!check_date (audit->from_date, TRUE, _("start of the audit period"), error) ||
      !check_date (audit->to_date, TRUE, _("end of the audit period"), error) ||
      !check_text (audit->notes, FALSE, MAX_LONG_TEXT, _("notes"), error))
    return FALSE;
  if (pcn_skills_audit_get_days (audit) < 1)
    {
      /* Translators: %1$s and %2$s are dates. */
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The audit period ends (%2$s) before it starts (%1$s)"),
                   audit->from_date, audit->to_date);
      return FALSE;
    }
  for (guint i = 0; i < audit->counts->len; i++)
    if (g_array_index (audit->counts, PcnSkillCount, i).count < 0)
      {
        g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                     _("A count of appointments cannot be negative"));
        return FALSE;
      }
  return TRUE;
}

gint64
pcn_skills_audit_get_count (const PcnSkillsAudit *audit,
                            gint64                skill_id)
{
  g_return_val_if_fail (audit != NULL, 0);

  for (guint i = 0; i < audit->counts->len; i++)
    if (g_array_index (audit->counts, PcnSkillCount, i).skill_id == skill_id)
      return g_array_index (audit->counts, PcnSkillCount, i).count;
  return 0;
}

void
pcn_skills_audit_set_count (PcnSkillsAudit *audit,
                            gint64          skill_id,
                            gint64          count)
{
  PcnSkillCount c = { skill_id, count };

  g_return_if_fail (audit != NULL);

  for (guint i = 0; i < audit->counts->len; i++)
    if (g_array_index (audit->counts, PcnSkillCount, i).skill_id == skill_id)
      {
        g_array_index (audit->counts, PcnSkillCount, i).count = count;
        return;
      }
  g_array_append_val (audit->counts, c);
}

double
pcn_vision_minutes_per_wte_year (double hours_per_week,
                                 int    working_weeks)
{
  return hours_per_week * 60.0 * working_weeks;
}

double
pcn_vision_annual_contacts (gint64 count,
                            int    days)
{
  if (days < 1)
    return 0.0;
  return (double) count * PCN_VISION_DAYS_PER_YEAR / days;
}

void
pcn_skill_need_free (PcnSkillNeed *need)
{
  if (need == NULL)
    return;
  g_free (need->code);
  g_free (need->name);
  g_clear_pointer (&need->roles, g_ptr_array_unref);
  g_free (need);
}

void
pcn_role_need_free (PcnRoleNeed *need)
{
  if (need == NULL)
    return;
  g_free (need->role_code);
  g_free (need->role_name);
  g_free (need);
}

double
pcn_role_need_get_gap_wte (const PcnRoleNeed *need)
{
  g_return_val_if_fail (need != NULL, 0.0);
  return need->suggested_wte - (need->in_post_wte_milli + need->planned_wte_milli) / 1000.0;
}

static const char *
find_role_name (GPtrArray  *roles,
                const char *code)
{
  if (roles == NULL)
    return NULL;
  for (guint i = 0; i < roles->len; i++)
    if (g_strcmp0 (pcn_role_get_code (g_ptr_array_index (roles, i)), code) == 0)
      return pcn_role_get_name (g_ptr_array_index (roles, i));
  return NULL;
}

static int
compare_role_need (gconstpointer a,
                   gconstpointer b)
{
  const PcnRoleNeed *x = *(PcnRoleNeed * const *) a;
  const PcnRoleNeed *y = *(PcnRoleNeed * const *) b;

  return g_strcmp0 (x->role_code, y->role_code);
}

gboolean
pcn_vision_compute_skills (const PcnSkillsAudit  *audit,
                           GPtrArray             *skills,
                           GPtrArray             *mappings,
                           GPtrArray             *roles,
                           double                 hours_per_week,
                           int                    working_weeks,
                           GPtrArray            **out_skills,
                           GPtrArray            **out_roles,
                           GError               **error)
{
  g_autoptr(GPtrArray) skill_needs = NULL;
  g_autoptr(GPtrArray) role_needs = NULL;
  g_autoptr(GHashTable) by_role = NULL;
  double per_wte;
  int days;

  g_return_val_if_fail (audit != NULL, FALSE);
  g_return_val_if_fail (skills != NULL, FALSE);
  g_return_val_if_fail (mappings != NULL, FALSE);
  g_return_val_if_fail (out_skills != NULL && out_roles != NULL, FALSE);

  if (!pcn_skills_audit_validate (audit, error))
    return FALSE;
  if (working_weeks < 1 || working_weeks > 52 || hours_per_week <= 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("Working weeks a year must be between 1 and 52, not %d"), working_weeks);
      return FALSE;
    }

  days = pcn_skills_audit_get_days (audit);
  per_wte = pcn_vision_minutes_per_wte_year (hours_per_week, working_weeks);
  skill_needs = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_skill_need_free);
  role_needs = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_role_need_free);
  by_role = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < skills->len; i++)
    {
      const PcnSkill *skill = g_ptr_array_index (skills, i);
      PcnSkillNeed *need = g_new0 (PcnSkillNeed, 1);
      guint n_roles = 0;

      need->skill_id = skill->id;
      need->code = g_strdup (skill->code);
      need->name = g_strdup (skill->name);
      need->count = pcn_skills_audit_get_count (audit, skill->id);
      need->annual_contacts = pcn_vision_annual_contacts (need->count, days);
      need->roles = g_ptr_array_new_with_free_func (free_string);
      g_ptr_array_add (skill_needs, need);

      for (guint j = 0; j < mappings->len; j++)
        if (((PcnSkillRole *) g_ptr_array_index (mappings, j))->skill_id == skill->id)
          n_roles++;
      if (n_roles == 0)
        continue;

      for (guint j = 0; j < mappings->len; j++)
        {
          const PcnSkillRole *m = g_ptr_array_index (mappings, j);
          PcnRoleNeed *rn;
          double minutes;

          if (m->skill_id != skill->id)
            continue;
          g_ptr_array_add (need->roles, g_strdup (m->role_code));
          minutes = need->annual_contacts / n_roles * m->minutes_per_contact;
          need->suggested_wte += minutes / per_wte;

          rn = g_hash_table_lookup (by_role, m->role_code);
          if (rn == NULL)
            {
              rn = g_new0 (PcnRoleNeed, 1);
              rn->role_code = g_strdup (m->role_code);
              rn->role_name = g_strdup (find_role_name (roles, m->role_code));
              g_ptr_array_add (role_needs, rn);
              g_hash_table_insert (by_role, rn->role_code, rn);
            }
          rn->annual_minutes += minutes;
          rn->suggested_wte = rn->annual_minutes / per_wte;
        }
    }

  g_ptr_array_sort (role_needs, compare_role_need);
  *out_skills = g_steal_pointer (&skill_needs);
  *out_roles = g_steal_pointer (&role_needs);
  return TRUE;
}

/* ------------------------------------------------------- role cards */

PcnRoleCard *
pcn_role_card_new (void)
{
  return g_new0 (PcnRoleCard, 1);
}

PcnRoleCard *
pcn_role_card_copy (const PcnRoleCard *card)
{
  PcnRoleCard *copy;

  g_return_val_if_fail (card != NULL, NULL);

  copy = g_memdup2 (card, sizeof *card);
  copy->role_code = g_strdup (card->role_code);
  copy->role_name = g_strdup (card->role_name);
  copy->does = g_strdup (card->does);
  copy->does_not = g_strdup (card->does_not);
  copy->supervised_by = g_strdup (card->supervised_by);
  copy->how_to_refer = g_strdup (card->how_to_refer);
  copy->source = g_strdup (card->source);
  return copy;
}

void
pcn_role_card_free (PcnRoleCard *card)
{
  if (card == NULL)
    return;
  g_free (card->role_code);
  g_free (card->role_name);
  g_free (card->does);
  g_free (card->does_not);
  g_free (card->supervised_by);
  g_free (card->how_to_refer);
  g_free (card->source);
  g_free (card);
}

gboolean
pcn_role_card_validate (const PcnRoleCard  *card,
                        GError            **error)
{
  g_return_val_if_fail (card != NULL, FALSE);

  return check_text (card->role_code, TRUE, MAX_TEXT, _("role"), error) &&
         check_text (card->does, FALSE, MAX_LONG_TEXT, _("what the role does"), error) &&
         check_text (card->does_not, FALSE, MAX_LONG_TEXT, _("what the role does not do"), error) &&
         check_text (card->supervised_by, FALSE, MAX_LONG_TEXT, _("who supervises"), error) &&
         check_text (card->how_to_refer, FALSE, MAX_LONG_TEXT, _("how to refer"), error) &&
         check_text (card->source, FALSE, MAX_TEXT, _("source"), error);
}

const char *
pcn_role_card_text_or_unwritten (const char *text)
{
  if (text == NULL || *text == '\0')
    return _("Not yet written");
  return text;
}

static char *
dup_member (JsonObject *obj,
            const char *name)
{
  JsonNode *node = json_object_get_member (obj, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return g_strdup (json_node_get_string (node));
}

GPtrArray *
pcn_role_cards_parse (const char  *json,
                      gssize       length,
                      int         *out_version,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) cards = NULL;
  JsonObject *root;
  JsonArray *array;

  g_return_val_if_fail (json != NULL, NULL);

  if (!json_parser_load_from_data (parser, json, length, error))
    return NULL;
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)) ||
      !json_object_has_member ((root = json_node_get_object (json_parser_get_root (parser))), "cards") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "cards")))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE, _("The role cards have no “cards” list"));
      return NULL;
    }

  array = json_object_get_array_member (root, "cards");
  cards = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_role_card_free);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      g_autoptr(PcnRoleCard) card = NULL;
      JsonObject *obj;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_PARSE, _("Role card %u is not an object"), i + 1);
          return NULL;
        }
      obj = json_node_get_object (node);
      card = pcn_role_card_new ();
      card->role_code = dup_member (obj, "role");
      card->does = dup_member (obj, "does");
      card->does_not = dup_member (obj, "does_not");
      card->supervised_by = dup_member (obj, "supervised_by");
      card->how_to_refer = dup_member (obj, "how_to_refer");
      card->source = dup_member (obj, "source");
      if (!pcn_role_card_validate (card, error))
        {
          g_prefix_error (error, _("Role card %u: "), i + 1);
          return NULL;
        }
      g_ptr_array_add (cards, g_steal_pointer (&card));
    }

  if (out_version != NULL)
    *out_version = (int) json_object_get_int_member_with_default (root, "version", 0);
  return g_steal_pointer (&cards);
}

/* ------------------------------------------------------- report */

void
pcn_objective_posts_free (PcnObjectivePosts *op)
{
  if (op == NULL)
    return;
  pcn_objective_free (op->objective);
  g_clear_pointer (&op->posts, g_ptr_array_unref);
  g_free (op);
}

static gboolean
post_counts (PcnPost *post)
{
  return pcn_post_get_status (post) != PCN_POST_STATUS_WITHDRAWN;
}

void
pcn_vision_link_report (GPtrArray  *objectives,
                        GArray     *links,
                        GPtrArray  *posts,
                        GPtrArray **out_objectives,
                        GPtrArray **out_unlinked_posts)
{
  g_autoptr(GHashTable) linked = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) result = NULL;
  g_autoptr(GPtrArray) unlinked = NULL;

  g_return_if_fail (objectives != NULL && links != NULL && posts != NULL);
  g_return_if_fail (out_objectives != NULL && out_unlinked_posts != NULL);

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_objective_posts_free);
  for (guint i = 0; i < objectives->len; i++)
    {
      const PcnObjective *o = g_ptr_array_index (objectives, i);
      PcnObjectivePosts *op = g_new0 (PcnObjectivePosts, 1);

      op->objective = pcn_objective_copy (o);
      op->posts = g_ptr_array_new_with_free_func (g_object_unref);
      /* Posts in their own (id) order. */
      for (guint p = 0; p < posts->len; p++)
        {
          PcnPost *post = g_ptr_array_index (posts, p);

          if (!post_counts (post))
            continue;
          for (guint l = 0; l < links->len; l++)
            {
              const PcnObjectiveLink *link = &g_array_index (links, PcnObjectiveLink, l);

              if (link->objective_id == o->id && link->post_id == pcn_post_get_id (post))
                {
                  g_ptr_array_add (op->posts, g_object_ref (post));
                  g_hash_table_add (linked, (gpointer) &link->post_id);
                  break;
                }
            }
        }
      g_ptr_array_add (result, op);
    }

  unlinked = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint p = 0; p < posts->len; p++)
    {
      PcnPost *post = g_ptr_array_index (posts, p);
      gint64 id = pcn_post_get_id (post);

      if (post_counts (post) && !g_hash_table_contains (linked, &id))
        g_ptr_array_add (unlinked, g_object_ref (post));
    }

  *out_objectives = g_steal_pointer (&result);
  *out_unlinked_posts = g_steal_pointer (&unlinked);
}

PcnVisionReport *
pcn_vision_report_new (void)
{
  PcnVisionReport *r = g_new0 (PcnVisionReport, 1);

  r->vision = pcn_vision_new ();
  r->objectives = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_objective_posts_free);
  r->unlinked_posts = g_ptr_array_new_with_free_func (g_object_unref);
  r->reviews = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_vision_review_free);
  r->buy_in = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_practice_buy_in_free);
  r->skills = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_skill_need_free);
  r->roles = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_role_need_free);
  r->role_cards = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_role_card_free);
  r->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_check_free);
  r->minutes_per_wte_year = pcn_vision_minutes_per_wte_year (PCN_VISION_HOURS_PER_WEEK,
                                                              PCN_VISION_DEFAULT_WORKING_WEEKS);
  return r;
}

void
pcn_vision_report_free (PcnVisionReport *report)
{
  if (report == NULL)
    return;
  g_free (report->as_at);
  pcn_vision_free (report->vision);
  g_clear_pointer (&report->objectives, g_ptr_array_unref);
  g_clear_pointer (&report->unlinked_posts, g_ptr_array_unref);
  g_clear_pointer (&report->reviews, g_ptr_array_unref);
  g_clear_pointer (&report->buy_in, g_ptr_array_unref);
  pcn_skills_audit_free (report->audit);
  g_clear_pointer (&report->skills, g_ptr_array_unref);
  g_clear_pointer (&report->roles, g_ptr_array_unref);
  g_clear_pointer (&report->role_cards, g_ptr_array_unref);
  g_clear_pointer (&report->checks, g_ptr_array_unref);
  g_free (report);
}

GPtrArray *
pcn_vision_check_objectives (guint n_objectives)
{
  GPtrArray *checks = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_check_free);

  if (n_objectives > PCN_VISION_OBJECTIVES_WARN_ABOVE)
    {
      g_autofree char *message =
        /* Translators: %1$u is the number of objectives, %2$d the advised most (5). */
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "%1$u objective: keep to a small number of meaningful ones (at most %2$d)",
                                      "%1$u objectives: keep to a small number of meaningful ones (at most %2$d)",
                                      n_objectives),
                         n_objectives, PCN_VISION_OBJECTIVES_WARN_ABOVE);

      g_ptr_array_add (checks, pcn_check_new (PCN_VISION_CHECK_TOO_MANY, NULL, PCN_CHECK_WARNING,
                                              PCN_CHECK_SUBJECT_NONE, 0, NULL, message));
    }
  return checks;
}

void
pcn_vision_report_add_checks (PcnVisionReport *report)
{
  g_autoptr(GPtrArray) too_many = NULL;

  g_return_if_fail (report != NULL);

  if (report->vision->statement == NULL || *report->vision->statement == '\0')
    g_ptr_array_add (report->checks,
                     pcn_check_new (PCN_VISION_CHECK_NO_STATEMENT, NULL, PCN_CHECK_WARNING,
                                    PCN_CHECK_SUBJECT_NONE, 0, NULL,
                                    _("There is no vision statement yet")));

  too_many = pcn_vision_check_objectives (report->objectives->len);
  for (guint i = 0; i < too_many->len; i++)
    g_ptr_array_add (report->checks, pcn_check_copy (g_ptr_array_index (too_many, i)));

  for (guint i = 0; i < report->objectives->len; i++)
    {
      const PcnObjectivePosts *op = g_ptr_array_index (report->objectives, i);

      if (op->posts->len == 0)
        {
          /* Translators: %s is an objective's title. */
          g_autofree char *message = g_strdup_printf (_("No post serves the objective “%s”"),
                                                      op->objective->title);

          g_ptr_array_add (report->checks,
                           pcn_check_new (PCN_VISION_CHECK_OBJECTIVE_NO_POST, NULL, PCN_CHECK_WARNING,
                                          PCN_CHECK_SUBJECT_NONE, op->objective->id,
                                          op->objective->title, message));
        }
    }

  for (guint i = 0; i < report->unlinked_posts->len; i++)
    {
      PcnPost *post = g_ptr_array_index (report->unlinked_posts, i);
      g_autofree char *name = pcn_post_dup_display_name (post);
      /* Translators: %s is a post's name. */
      g_autofree char *message = g_strdup_printf (_("The post “%s” serves no objective"), name);

      g_ptr_array_add (report->checks,
                       pcn_check_new (PCN_VISION_CHECK_POST_NO_OBJECTIVE, NULL, PCN_CHECK_WARNING,
                                      PCN_CHECK_SUBJECT_POST, pcn_post_get_id (post), name, message));
    }

  for (guint i = 0; i < report->skills->len; i++)
    {
      const PcnSkillNeed *need = g_ptr_array_index (report->skills, i);

      if (need->count > 0 && need->roles->len == 0)
        {
          /* Translators: %s is a skill such as "Medication review". */
          g_autofree char *message = g_strdup_printf (_("The skill “%s” is counted but mapped to no role"),
                                                      need->name);

          g_ptr_array_add (report->checks,
                           pcn_check_new (PCN_VISION_CHECK_SKILL_NO_ROLE, NULL, PCN_CHECK_WARNING,
                                          PCN_CHECK_SUBJECT_NONE, 0, need->name, message));
        }
    }
}
