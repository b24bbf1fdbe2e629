/* pcnw-vision.c — vision set, objective add/link, buyin set, skills set,
 * rolecard set, report vision and export vision/role-cards (CLI.md
 * "Vision")
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "pcn-export.h"
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

/* @text (YYYY-MM-DD or DD/MM/YYYY, may be NULL) as ISO into @out. */
static gboolean
parse_date_option (const char  *text,
                   const char  *option,
                   char       **out,
                   GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GDate d;

  *out = NULL;
  if (text == NULL)
    return TRUE;
  if (!pcn_date_parse (text, &d, &local_error))
    return _pcnw_option_error (error, option, local_error);
  *out = pcn_date_to_iso (&d);
  return TRUE;
}

static PcnStore *
open_pcn (PcnwContext  *context,
          GError      **error)
{
  g_autoptr(PcnStore) store = _pcnw_open_store (context, error);
  g_autoptr(PcnNetwork) network = NULL;

  if (store == NULL)
    return NULL;
  network = _pcnw_require_network (store, error);
  if (network == NULL)
    return NULL;
  return g_steal_pointer (&store);
}

gboolean
_pcnw_cmd_vision_set (PcnwContext  *context,
                      GStrv        *args,
                      GError      **error)
{
  g_autofree char *statement = NULL;
  g_autofree char *purpose = NULL;
  int weeks = 0;
  GOptionEntry entries[] = {
    { "statement", 0, 0, G_OPTION_ARG_STRING, &statement, N_("The vision statement"), N_("TEXT") },
    { "purpose", 0, 0, G_OPTION_ARG_STRING, &purpose, N_("The purpose"), N_("TEXT") },
    { "working-weeks", 0, 0, G_OPTION_ARG_INT, &weeks, N_("Weeks a WTE works a year (default 42)"), "N" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnVision) vision = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!_pcnw_parse_options (args, NULL, _("Set the vision statement and purpose."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (statement, "--statement", error))
    return FALSE;
  if ((store = open_pcn (context, error)) == NULL ||
      (vision = pcn_store_get_vision (store, error)) == NULL)
    return FALSE;
  g_free (vision->statement);
  vision->statement = g_steal_pointer (&statement);
  if (purpose != NULL)
    {
      g_free (vision->purpose);
      vision->purpose = g_steal_pointer (&purpose);
    }
  if (weeks != 0)
    vision->working_weeks = weeks;
  if (!pcn_store_set_vision (store, vision, &local_error))
    return refused (error, weeks != 0 ? "--working-weeks" : "--statement", local_error);
  g_print (_("Vision set\n"));
  return TRUE;
}

gboolean
_pcnw_cmd_objective_add (PcnwContext  *context,
                         GStrv        *args,
                         GError      **error)
{
  g_autoptr(PcnObjective) o = pcn_objective_new ();
  g_autofree char *review = NULL;
  GOptionEntry entries[] = {
    { "title", 0, 0, G_OPTION_ARG_STRING, &o->title, N_("The objective"), "T" },
    { "measure", 0, 0, G_OPTION_ARG_STRING, &o->measure, N_("How progress is measured"), "M" },
    { "target", 0, 0, G_OPTION_ARG_STRING, &o->target, N_("The target"), "T" },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &o->owner, N_("Who owns it"), "O" },
    { "review", 0, 0, G_OPTION_ARG_STRING, &review, N_("Review date"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *field = NULL;

  if (!_pcnw_parse_options (args, NULL, _("Add an objective."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (o->title, "--title", error) ||
      !_pcnw_require_option (o->measure, "--measure", error) ||
      !parse_date_option (review, "--review", &o->review_date, error))
    return FALSE;
  if (!pcn_objective_validate (o, &field, &local_error))
    {
      g_autofree char *option = g_strdup_printf ("--%s", g_strcmp0 (field, "review_date") == 0 ? "review" : field);
      return refused (error, option, local_error);
    }
  if ((store = open_pcn (context, error)) == NULL)
    return FALSE;
  if (!pcn_store_add_objective (store, o, &local_error))
    return refused (error, "--title", local_error);
  g_print (_("Objective %" G_GINT64_FORMAT " added: %s\n"), o->id, o->title);

  if ((all = pcn_store_list_objectives (store, error)) == NULL)
    return FALSE;
  checks = pcn_vision_check_objectives (all->len);
  for (guint i = 0; i < checks->len; i++)
    g_printerr (_("warning: %s\n"), ((PcnCheck *) g_ptr_array_index (checks, i))->message);
  return TRUE;
}

static gboolean
parse_id (const char  *text,
          const char  *option,
          gint64      *out,
          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  guint64 v = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &v, &local_error))
    return _pcnw_option_error (error, option, local_error);
  *out = (gint64) v;
  return TRUE;
}

gboolean
_pcnw_cmd_objective_link (PcnwContext  *context,
                          GStrv        *args,
                          GError      **error)
{
  g_autofree char *objective_text = NULL;
  g_autofree char *post_text = NULL;
  gboolean unlink = FALSE;
  GOptionEntry entries[] = {
    { "objective", 0, 0, G_OPTION_ARG_STRING, &objective_text, N_("Objective id"), "ID" },
    { "post", 0, 0, G_OPTION_ARG_STRING, &post_text, N_("Post id"), "ID" },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &unlink, N_("Remove the link instead"), NULL },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 objective_id = 0, post_id = 0;
  gboolean ok;

  if (!_pcnw_parse_options (args, NULL, _("Link a post to an objective it serves."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (objective_text, "--objective", error) ||
      !_pcnw_require_option (post_text, "--post", error) ||
      !parse_id (objective_text, "--objective", &objective_id, error) ||
      !parse_id (post_text, "--post", &post_id, error))
    return FALSE;
  if ((store = open_pcn (context, error)) == NULL)
    return FALSE;
  if (unlink)
    ok = pcn_store_unlink_objective (store, objective_id, post_id, &local_error);
  else
    ok = pcn_store_link_objective (store, objective_id, post_id, &local_error);
  if (!ok)
    return refused (error, strstr (local_error->message, _("post")) != NULL ? "--post" : "--objective",
                    local_error);
  g_print (unlink ? _("Post %2$" G_GINT64_FORMAT " no longer linked to objective %1$" G_GINT64_FORMAT "\n")
                  : _("Post %2$" G_GINT64_FORMAT " linked to objective %1$" G_GINT64_FORMAT "\n"),
           objective_id, post_id);
  return TRUE;
}

gboolean
_pcnw_cmd_buyin_set (PcnwContext  *context,
                     GStrv        *args,
                     GError      **error)
{
  g_autoptr(PcnPracticeBuyIn) b = pcn_practice_buy_in_new ();
  g_autofree char *agreed = NULL;
  g_autofree char *date = NULL;
  GOptionEntry entries[] = {
    { "practice", 0, 0, G_OPTION_ARG_STRING, &b->practice, N_("Member practice"), N_("NAME") },
    { "agreed", 0, 0, G_OPTION_ARG_STRING, &agreed, N_("Whether the practice agreed"), "yes|no" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &date, N_("When"), "D" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &b->agreed_by, N_("Who for the practice"), N_("NAME") },
    { "notes", 0, 0, G_OPTION_ARG_STRING, &b->notes, N_("Notes"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  PcnAnswer answer = PCN_ANSWER_UNKNOWN;

  if (!_pcnw_parse_options (args, NULL, _("Record a practice’s buy-in."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (b->practice, "--practice", error) ||
      !_pcnw_require_option (agreed, "--agreed", error) ||
      !parse_date_option (date, "--date", &b->date, error))
    return FALSE;
  if (!pcn_answer_parse (agreed, &answer, &local_error) || answer == PCN_ANSWER_UNKNOWN)
    {
      if (local_error == NULL)
        g_set_error (&local_error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID, _("Give yes or no"));
      return _pcnw_option_error (error, "--agreed", local_error);
    }
  b->agreed = answer == PCN_ANSWER_YES;
  if ((store = open_pcn (context, error)) == NULL)
    return FALSE;
  if (!pcn_store_set_buy_in (store, b, &local_error))
    return refused (error, "--practice", local_error);
  /* Translators: %1$s practice, %2$s yes or no */
  g_print (_("%1$s: agreed %2$s\n"), b->practice, b->agreed ? "yes" : "no");
  return TRUE;
}

gboolean
_pcnw_cmd_skills_set (PcnwContext  *context,
                      GStrv        *args,
                      GError      **error)
{
  g_autofree char *skill_text = NULL;
  g_autofree char *count_text = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GOptionEntry entries[] = {
    { "skill", 0, 0, G_OPTION_ARG_STRING, &skill_text, N_("Skill code or name"), "S" },
    { "count", 0, 0, G_OPTION_ARG_STRING, &count_text, N_("GP appointments that needed it"), "N" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from, N_("First day of the audit period"), "D" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to, N_("Last day of the audit period"), "D" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnSkillsAudit) audit = pcn_skills_audit_new ();
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GError) local_error = NULL;
  const PcnSkill *skill;
  guint64 count = 0;

  if (!_pcnw_parse_options (args, NULL, _("Record a count of the skills-need audit."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (skill_text, "--skill", error) ||
      !_pcnw_require_option (count_text, "--count", error) ||
      !_pcnw_require_option (from, "--from", error) ||
      !_pcnw_require_option (to, "--to", error) ||
      !parse_date_option (from, "--from", &audit->from_date, error) ||
      !parse_date_option (to, "--to", &audit->to_date, error))
    return FALSE;
  if (!g_ascii_string_to_unsigned (count_text, 10, 0, G_MAXINT32, &count, &local_error))
    return _pcnw_option_error (error, "--count", local_error);
  if ((store = open_pcn (context, error)) == NULL ||
      (skills = pcn_store_list_skills (store, error)) == NULL)
    return FALSE;
  if ((skill = pcn_skills_find (skills, skill_text)) == NULL)
    {
      GString *known = g_string_new (NULL);

      for (guint i = 0; i < skills->len; i++)
        g_string_append_printf (known, "%s%s", i ? ", " : "", ((PcnSkill *) g_ptr_array_index (skills, i))->code);
      /* Translators: %1$s what was given, %2$s the known skill codes */
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED, _("--skill: “%1$s” is not a skill (%2$s)"),
                   skill_text, known->str);
      g_string_free (known, TRUE);
      return FALSE;
    }
  pcn_skills_audit_set_count (audit, skill->id, (gint64) count);
  if (!pcn_store_save_skills_audit (store, audit, &local_error))
    return refused (error, "--to", local_error);
  /* Translators: %1$s skill, %2$s count, %3$s and %4$s dates */
  g_print (_("%1$s: %2$s from %3$s to %4$s\n"), skill->name, count_text, audit->from_date, audit->to_date);
  return TRUE;
}

static double
round3 (double v)
{
  return (double) (gint64) (v * 1000.0 + (v >= 0 ? 0.5 : -0.5)) / 1000.0;
}

static void
add_string_or_null (JsonBuilder *b,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (b, member);
  if (value != NULL)
    json_builder_add_string_value (b, value);
  else
    json_builder_add_null_value (b);
}

static void
add_post (JsonBuilder *b,
          PcnPost     *post)
{
  g_autofree char *name = pcn_post_dup_display_name (post);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, pcn_post_get_id (post));
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, name);
  json_builder_set_member_name (b, "role");
  json_builder_add_string_value (b, pcn_post_get_role_code (post));
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, pcn_post_status_to_string (pcn_post_get_status (post)));
  json_builder_set_member_name (b, "marking");
  json_builder_add_string_value (b, pcn_post_marking_to_string (pcn_post_get_marking (post)));
  json_builder_end_object (b);
}

static void
print_json (PcnVisionReport *r)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  add_string_or_null (b, "as_at", r->as_at);
  add_string_or_null (b, "statement", r->vision->statement);
  add_string_or_null (b, "purpose", r->vision->purpose);
  json_builder_set_member_name (b, "working_weeks");
  json_builder_add_int_value (b, r->vision->working_weeks);

  json_builder_set_member_name (b, "objectives");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->objectives->len; i++)
    {
      PcnObjectivePosts *op = g_ptr_array_index (r->objectives, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "id");
      json_builder_add_int_value (b, op->objective->id);
      add_string_or_null (b, "title", op->objective->title);
      add_string_or_null (b, "measure", op->objective->measure);
      add_string_or_null (b, "target", op->objective->target);
      add_string_or_null (b, "owner", op->objective->owner);
      add_string_or_null (b, "review_date", op->objective->review_date);
      json_builder_set_member_name (b, "posts");
      json_builder_begin_array (b);
      for (guint p = 0; p < op->posts->len; p++)
        add_post (b, g_ptr_array_index (op->posts, p));
      json_builder_end_array (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "unlinked_posts");
  json_builder_begin_array (b);
  for (guint p = 0; p < r->unlinked_posts->len; p++)
    add_post (b, g_ptr_array_index (r->unlinked_posts, p));
  json_builder_end_array (b);

  json_builder_set_member_name (b, "practices");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->buy_in->len; i++)
    {
      PcnPracticeBuyIn *bi = g_ptr_array_index (r->buy_in, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "name", bi->practice);
      json_builder_set_member_name (b, "agreed");
      json_builder_add_boolean_value (b, bi->agreed);
      json_builder_set_member_name (b, "recorded");
      json_builder_add_boolean_value (b, bi->recorded);
      add_string_or_null (b, "date", bi->date);
      add_string_or_null (b, "by", bi->agreed_by);
      add_string_or_null (b, "notes", bi->notes);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "audit");
  if (r->audit != NULL)
    {
      json_builder_begin_object (b);
      add_string_or_null (b, "from", r->audit->from_date);
      add_string_or_null (b, "to", r->audit->to_date);
      json_builder_set_member_name (b, "days");
      json_builder_add_int_value (b, pcn_skills_audit_get_days (r->audit));
      json_builder_end_object (b);
    }
  else
    json_builder_add_null_value (b);
  json_builder_set_member_name (b, "minutes_per_wte_year");
  json_builder_add_double_value (b, r->minutes_per_wte_year);

  json_builder_set_member_name (b, "skills");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->skills->len; i++)
    {
      PcnSkillNeed *s = g_ptr_array_index (r->skills, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "skill", s->name);
      add_string_or_null (b, "code", s->code);
      json_builder_set_member_name (b, "count");
      json_builder_add_int_value (b, s->count);
      json_builder_set_member_name (b, "roles");
      json_builder_begin_array (b);
      for (guint j = 0; j < s->roles->len; j++)
        json_builder_add_string_value (b, g_ptr_array_index (s->roles, j));
      json_builder_end_array (b);
      json_builder_set_member_name (b, "suggested_wte");
      json_builder_add_double_value (b, round3 (s->suggested_wte));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "roles");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->roles->len; i++)
    {
      PcnRoleNeed *n = g_ptr_array_index (r->roles, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "role", n->role_code);
      json_builder_set_member_name (b, "suggested_wte");
      json_builder_add_double_value (b, round3 (n->suggested_wte));
      json_builder_set_member_name (b, "in_post_wte");
      json_builder_add_double_value (b, n->in_post_wte_milli / 1000.0);
      json_builder_set_member_name (b, "planned_wte");
      json_builder_add_double_value (b, n->planned_wte_milli / 1000.0);
      json_builder_set_member_name (b, "gap_wte");
      json_builder_add_double_value (b, round3 (pcn_role_need_get_gap_wte (n)));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "checks");
  json_builder_begin_array (b);
  for (guint i = 0; i < r->checks->len; i++)
    {
      PcnCheck *c = g_ptr_array_index (r->checks, i);

      json_builder_begin_object (b);
      add_string_or_null (b, "rule", c->rule_id);
      add_string_or_null (b, "severity", pcn_check_severity_to_string (c->severity));
      add_string_or_null (b, "message", c->message);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  _pcnw_print_json (b);
}

static void
print_text (PcnVisionReport *r)
{
  g_print (_("Vision as at %s\n"), r->as_at);
  g_print (_("Statement: %s\n"), pcn_role_card_text_or_unwritten (r->vision->statement));
  g_print (_("Purpose: %s\n"), pcn_role_card_text_or_unwritten (r->vision->purpose));
  g_print ("\n%s\n", _("Objectives"));
  for (guint i = 0; i < r->objectives->len; i++)
    {
      PcnObjectivePosts *op = g_ptr_array_index (r->objectives, i);

      g_print ("  %" G_GINT64_FORMAT ". %s — %s\n", op->objective->id, op->objective->title, op->objective->measure);
      for (guint p = 0; p < op->posts->len; p++)
        {
          g_autofree char *name = pcn_post_dup_display_name (g_ptr_array_index (op->posts, p));
          g_print ("       %s\n", name);
        }
    }
  g_print ("\n%s\n", _("Posts serving no objective"));
  for (guint p = 0; p < r->unlinked_posts->len; p++)
    {
      g_autofree char *name = pcn_post_dup_display_name (g_ptr_array_index (r->unlinked_posts, p));
      g_print ("  %s\n", name);
    }
  g_print ("\n%s\n", _("Practice buy-in"));
  for (guint i = 0; i < r->buy_in->len; i++)
    {
      PcnPracticeBuyIn *b = g_ptr_array_index (r->buy_in, i);
      g_print ("  %-30s %s\n", b->practice, b->agreed ? _("agreed") : _("not agreed"));
    }
  if (r->audit != NULL)
    {
      g_print ("\n");
      /* Translators: %1$s and %2$s are dates */
      g_print (_("Skills audit %1$s to %2$s\n"), r->audit->from_date, r->audit->to_date);
      for (guint i = 0; i < r->skills->len; i++)
        {
          PcnSkillNeed *s = g_ptr_array_index (r->skills, i);
          g_print ("  %-32s %6" G_GINT64_FORMAT "  %.2f WTE\n", s->name, s->count, s->suggested_wte);
        }
      g_print ("\n%s\n", _("Suggested WTE against the plan (in post + planned)"));
      for (guint i = 0; i < r->roles->len; i++)
        {
          PcnRoleNeed *n = g_ptr_array_index (r->roles, i);
          g_print ("  %-12s %.2f  %.2f + %.2f\n", n->role_code, n->suggested_wte,
                   n->in_post_wte_milli / 1000.0, n->planned_wte_milli / 1000.0);
        }
    }
  if (r->checks->len > 0)
    g_print ("\n%s\n", _("Checks"));
  for (guint i = 0; i < r->checks->len; i++)
    g_print ("  %s: %s\n", pcn_check_severity_to_string (((PcnCheck *) g_ptr_array_index (r->checks, i))->severity),
             ((PcnCheck *) g_ptr_array_index (r->checks, i))->message);
}

gboolean
_pcnw_cmd_report_vision (PcnwContext  *context,
                         GStrv        *args,
                         GError      **error)
{
  g_autofree char *format = NULL;
  GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format, N_("text or json"), "text|json" },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnVisionReport) report = NULL;
  gboolean json = FALSE;

  if (!_pcnw_parse_options (args, NULL, _("The vision, objectives, buy-in and skills audit."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_parse_format_option (format, "text", &json, error))
    return FALSE;
  if ((store = open_pcn (context, error)) == NULL ||
      (report = pcn_store_vision_report (store, &context->as_at, error)) == NULL)
    return FALSE;
  if (json)
    print_json (report);
  else
    print_text (report);
  return TRUE;
}

gboolean
_pcnw_cmd_export_vision (PcnwContext  *context,
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
  g_autoptr(PcnVisionReport) report = NULL;

  if (!_pcnw_parse_options (args, NULL, _("The strategy on a page as a workbook."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (output, "--output", error))
    return FALSE;
  if ((store = _pcnw_open_store (context, error)) == NULL ||
      (network = _pcnw_require_network (store, error)) == NULL ||
      (report = pcn_store_vision_report (store, &context->as_at, error)) == NULL ||
      !pcn_export_vision (output, network, report, error))
    return FALSE;
  /* Translators: %s is a file name */
  g_print (_("Wrote the strategy on a page to %s\n"), output);
  return TRUE;
}

/* The card of the role @text names (code or name, case-insensitive), or
 * NULL. (transfer none) */
static PcnRoleCard *
find_card (GPtrArray  *cards,
           const char *text)
{
  g_autofree char *wanted = g_utf8_casefold (text, -1);

  for (guint i = 0; i < cards->len; i++)
    {
      PcnRoleCard *card = g_ptr_array_index (cards, i);
      g_autofree char *name = card->role_name != NULL ? g_utf8_casefold (card->role_name, -1) : NULL;

      if (g_ascii_strcasecmp (card->role_code, text) == 0 || g_strcmp0 (name, wanted) == 0)
        return card;
    }
  return NULL;
}

static gboolean
unknown_role (GError    **error,
              const char *text,
              GPtrArray  *cards)
{
  GString *known = g_string_new (NULL);

  for (guint i = 0; i < cards->len; i++)
    g_string_append_printf (known, "%s%s", i ? ", " : "", ((PcnRoleCard *) g_ptr_array_index (cards, i))->role_code);
  /* Translators: %1$s what was given, %2$s the known role codes */
  g_set_error (error, PCNW_ERROR, PCNW_ERROR_REFUSED, _("--role: “%1$s” is not a role (%2$s)"), text, known->str);
  g_string_free (known, TRUE);
  return FALSE;
}

/* Replaces *@field by @value when it was given; "" clears it. */
static void
take_text (char **field,
           char **value)
{
  if (*value == NULL)
    return;
  g_free (*field);
  *field = **value != '\0' ? g_steal_pointer (value) : NULL;
  g_clear_pointer (value, g_free);
}

gboolean
_pcnw_cmd_rolecard_set (PcnwContext  *context,
                        GStrv        *args,
                        GError      **error)
{
  g_autofree char *role = NULL;
  g_autofree char *does = NULL;
  g_autofree char *does_not = NULL;
  g_autofree char *supervised_by = NULL;
  g_autofree char *referral = NULL;
  GOptionEntry entries[] = {
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Role code or name"), N_("CODE") },
    { "does", 0, 0, G_OPTION_ARG_STRING, &does, N_("What the role does (empty to clear)"), N_("TEXT") },
    { "does-not", 0, 0, G_OPTION_ARG_STRING, &does_not, N_("What the role does not do"), N_("TEXT") },
    { "supervised-by", 0, 0, G_OPTION_ARG_STRING, &supervised_by, N_("Who supervises the role"), N_("TEXT") },
    { "referral", 0, 0, G_OPTION_ARG_STRING, &referral, N_("How to refer to the role"), N_("TEXT") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  g_autoptr(PcnRoleCard) card = NULL;
  g_autoptr(GError) local_error = NULL;
  const PcnRoleCard *found;
  const char *option = "--does";

  if (!_pcnw_parse_options (args, NULL, _("Write a role card for practices and reception teams."), entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (role, "--role", error))
    return FALSE;
  if (does == NULL && does_not == NULL && supervised_by == NULL && referral == NULL)
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_USAGE,
                   _("Give at least one of --does, --does-not, --supervised-by or --referral"));
      return FALSE;
    }
  if ((store = open_pcn (context, error)) == NULL ||
      (cards = pcn_store_list_role_cards (store, error)) == NULL)
    return FALSE;
  if ((found = find_card (cards, role)) == NULL)
    return unknown_role (error, role, cards);

  card = pcn_role_card_copy (found);
  if (referral != NULL)
    option = "--referral";
  if (supervised_by != NULL)
    option = "--supervised-by";
  if (does_not != NULL)
    option = "--does-not";
  if (does != NULL)
    option = "--does";
  take_text (&card->does, &does);
  take_text (&card->does_not, &does_not);
  take_text (&card->supervised_by, &supervised_by);
  take_text (&card->how_to_refer, &referral);
  if (!pcn_store_set_role_card (store, card, &local_error))
    return refused (error, option, local_error);
  /* Translators: %s is a role's name */
  g_print (_("Role card for %s saved\n"), card->role_name != NULL ? card->role_name : card->role_code);
  return TRUE;
}

gboolean
_pcnw_cmd_export_role_cards (PcnwContext  *context,
                             GStrv        *args,
                             GError      **error)
{
  g_autofree char *output = NULL;
  g_autofree char *role = NULL;
  GOptionEntry entries[] = {
    { "output", 0, 0, G_OPTION_ARG_FILENAME, &output, N_("The workbook to write"), N_("FILE.xlsx") },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Only this role (code or name)"), N_("CODE") },
    { NULL }
  };
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = NULL;
  g_autoptr(GPtrArray) cards = NULL;

  if (!_pcnw_parse_options (args, NULL, _("Role cards as a workbook for practices and reception teams."),
                            entries, error) ||
      !_pcnw_check_arguments (*args, 0, NULL, error) ||
      !_pcnw_require_option (output, "--output", error))
    return FALSE;
  if ((store = _pcnw_open_store (context, error)) == NULL ||
      (network = _pcnw_require_network (store, error)) == NULL ||
      (cards = pcn_store_list_role_cards (store, error)) == NULL)
    return FALSE;
  if (role != NULL)
    {
      PcnRoleCard *found = find_card (cards, role);
      g_autoptr(GPtrArray) one = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_role_card_free);

      if (found == NULL)
        return unknown_role (error, role, cards);
      g_ptr_array_add (one, pcn_role_card_copy (found));
      g_ptr_array_unref (cards);
      cards = g_steal_pointer (&one);
    }
  if (!pcn_export_role_cards (output, network, cards, error))
    return FALSE;
  /* Translators: %u is a number of roles, %s a file name */
  g_print (ngettext ("Wrote %u role card to %s\n", "Wrote %u role cards to %s\n", cards->len), cards->len, output);
  return TRUE;
}
