/* pcn-demo-vision.c — the sample PCN's vision, objectives, buy-in and a
 * skills audit (called by pcn_demo_fill())
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "pcn-demo.h"

typedef struct
{
  const char *title;
  const char *measure;
  const char *target;
  const char *owner;
  int         review_months;      /* review date: months after today */
  const char *roles[4];           /* posts of these roles serve it */
} DemoObjective;

static const DemoObjective demo_objectives[] = {
  { "Same-day access for urgent needs", "Patients with an urgent need seen the same day",
    "95% seen the same day", "Clinical director", 3, { "PARAMEDIC", "AP", NULL } },
  { "Safer use of medicines", "Structured medication reviews for people on ten or more medicines",
    "80% reviewed in the year", "Lead clinical pharmacist", 6, { "CP", "PT", NULL } },
  { "Support beyond medicine", "People referred to social prescribing who are seen within two weeks",
    "90% within two weeks", "PCN manager", 6, { "SPLW", "HWBC", "CC", NULL } },
  { "Musculoskeletal care first time", "Back, joint and muscle problems seen first by a physiotherapist",
    "70% of MSK appointments", "Clinical director", 9, { "FCP_PHYSIO", NULL } },
};

/* Counts over four weeks, in skill order of skills-audit.json. */
static const struct { const char *skill; gint64 count; } demo_counts[] = {
  { "medication_review", 96 }, { "msk_assessment", 120 }, { "social_needs", 64 },
  { "mental_health", 48 }, { "ltc_review", 80 }, { "minor_illness", 210 },
  { "frailty_care_homes", 24 }, { "care_navigation", 150 },
};

gboolean
_pcn_demo_fill_vision (PcnStore     *store,
                       const GDate  *today,
                       GError      **error)
{
  g_autoptr(PcnVision) vision = pcn_vision_new ();
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) practices = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(PcnSkillsAudit) audit = pcn_skills_audit_new ();
  g_autoptr(PcnVisionReview) review = pcn_vision_review_new ();
  GDate d;

  vision->statement = g_strdup ("Every patient sees the right person, first time, close to home.");
  vision->purpose = g_strdup ("We recruit additional roles to free GP time for complex care and to offer "
                              "services our practices cannot offer alone.");
  if (!pcn_store_set_vision (store, vision, error))
    return FALSE;

  if ((posts = pcn_store_list_posts (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (demo_objectives); i++)
    {
      const DemoObjective *spec = &demo_objectives[i];
      g_autoptr(PcnObjective) o = pcn_objective_new ();

      d = *today;
      g_date_add_months (&d, spec->review_months);
      o->title = g_strdup (spec->title);
      o->measure = g_strdup (spec->measure);
      o->target = g_strdup (spec->target);
      o->owner = g_strdup (spec->owner);
      o->review_date = pcn_date_to_iso (&d);
      if (!pcn_store_add_objective (store, o, error))
        return FALSE;
      for (guint p = 0; p < posts->len; p++)
        {
          PcnPost *post = g_ptr_array_index (posts, p);

          if (g_strv_contains (spec->roles, pcn_post_get_role_code (post)) &&
              !pcn_store_link_objective (store, o->id, pcn_post_get_id (post), error))
            return FALSE;
        }
    }

  d = *today;
  g_date_subtract_months (&d, 1);
  review->date = pcn_date_to_iso (&d);
  review->note = g_strdup ("Board away-afternoon: kept four objectives; agreed to audit GP appointments "
                           "before choosing the next roles.");
  if (!pcn_store_add_vision_review (store, review, error))
    return FALSE;

  if ((practices = pcn_store_list_buy_in (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; i < practices->len; i++)
    {
      PcnPracticeBuyIn *b = g_ptr_array_index (practices, i);

      b->agreed = i < 3;
      d = *today;
      g_date_subtract_days (&d, 60 - 7 * i);
      b->date = pcn_date_to_iso (&d);
      b->agreed_by = g_strdup (b->agreed ? "Senior partner" : "Practice manager");
      b->notes = g_strdup (b->agreed ? NULL : "Wants to see the skills audit before agreeing");
      if (!pcn_store_set_buy_in (store, b, error))
        return FALSE;
    }

  /* Four weeks ending the day before @today. */
  if ((skills = pcn_store_list_skills (store, error)) == NULL)
    return FALSE;
  d = *today;
  g_date_subtract_days (&d, 1);
  audit->to_date = pcn_date_to_iso (&d);
  g_date_subtract_days (&d, 27);
  audit->from_date = pcn_date_to_iso (&d);
  audit->notes = g_strdup ("GPs ticked the skill each appointment needed, all five practices");
  for (guint i = 0; i < G_N_ELEMENTS (demo_counts); i++)
    {
      const PcnSkill *skill = pcn_skills_find (skills, demo_counts[i].skill);

      if (skill != NULL)
        pcn_skills_audit_set_count (audit, skill->id, demo_counts[i].count);
    }
  return pcn_store_save_skills_audit (store, audit, error);
}
