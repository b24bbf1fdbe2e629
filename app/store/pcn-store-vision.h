/* pcn-store-vision.h — the vision, objectives, reviews, post links,
 * practice buy-in, skills audits and role cards in the store (included by
 * pcn-store.h; implemented in pcn-store-vision.c)
 *
 * Every call is one transaction; validation is the core's (pcn-vision.h).
 * The default skills ship with the schema; the role cards ship in
 * resources/data/role-cards.json and are loaded into new databases and
 * refreshed by its version, keeping any card a user has edited.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-store.h"

G_BEGIN_DECLS

/* The vision statement, purpose and working weeks (never NULL on success;
 * empty fields when nothing was written). */
PcnVision   *pcn_store_get_vision               (PcnStore          *self,
                                                 GError           **error);
gboolean     pcn_store_set_vision               (PcnStore          *self,
                                                 const PcnVision   *vision,
                                                 GError           **error);

/* (element-type PcnObjective) (transfer full), by position then id. */
GPtrArray   *pcn_store_list_objectives          (PcnStore          *self,
                                                 GError           **error);
/* Validates and inserts at the end; sets the id and position. A sixth
 * objective is allowed: the report warns. */
gboolean     pcn_store_add_objective            (PcnStore          *self,
                                                 PcnObjective      *objective,
                                                 GError           **error);
/* Validates and writes every field of a stored objective. */
gboolean     pcn_store_update_objective         (PcnStore          *self,
                                                 const PcnObjective *objective,
                                                 GError           **error);
/* Removes it and its links. */
gboolean     pcn_store_remove_objective         (PcnStore          *self,
                                                 gint64             objective_id,
                                                 GError           **error);

/* (element-type PcnVisionReview) (transfer full), newest first. */
GPtrArray   *pcn_store_list_vision_reviews      (PcnStore          *self,
                                                 GError           **error);
gboolean     pcn_store_add_vision_review        (PcnStore          *self,
                                                 PcnVisionReview   *review,
                                                 GError           **error);
gboolean     pcn_store_remove_vision_review     (PcnStore          *self,
                                                 gint64             review_id,
                                                 GError           **error);

/* Post ↔ objective links (element-type PcnObjectiveLink), by objective
 * then post. */
GArray      *pcn_store_list_objective_links     (PcnStore          *self,
                                                 GError           **error);
/* Both must exist (PCN_CORE_ERROR_UNKNOWN otherwise); linking twice is
 * not an error. */
gboolean     pcn_store_link_objective           (PcnStore          *self,
                                                 gint64             objective_id,
                                                 gint64             post_id,
                                                 GError           **error);
gboolean     pcn_store_unlink_objective         (PcnStore          *self,
                                                 gint64             objective_id,
                                                 gint64             post_id,
                                                 GError           **error);

/* Every member practice, by name, with its buy-in (recorded FALSE when
 * nothing is recorded). (element-type PcnPracticeBuyIn) (transfer full) */
GPtrArray   *pcn_store_list_buy_in              (PcnStore          *self,
                                                 GError           **error);
/* Sets the buy-in of @buy_in->practice_id, or when that is 0 of the
 * practice named @buy_in->practice (case-insensitive;
 * PCN_CORE_ERROR_UNKNOWN if none). */
gboolean     pcn_store_set_buy_in               (PcnStore          *self,
                                                 const PcnPracticeBuyIn *buy_in,
                                                 GError           **error);

/* (element-type PcnSkill) (transfer full), by position. */
GPtrArray   *pcn_store_list_skills              (PcnStore          *self,
                                                 GError           **error);
/* Adds a skill (code made from the name when NULL); sets id and position. */
gboolean     pcn_store_add_skill                (PcnStore          *self,
                                                 PcnSkill          *skill,
                                                 GError           **error);
/* (element-type PcnSkillRole) (transfer full), by skill position then
 * role code. */
GPtrArray   *pcn_store_list_skill_roles         (PcnStore          *self,
                                                 GError           **error);
/* Adds or replaces the mapping (skill, role): sets the id. The role code
 * is made canonical (codes or names accepted). */
gboolean     pcn_store_set_skill_role           (PcnStore          *self,
                                                 PcnSkillRole      *mapping,
                                                 GError           **error);
gboolean     pcn_store_remove_skill_role        (PcnStore          *self,
                                                 gint64             skill_id,
                                                 const char        *role_code,
                                                 GError           **error);

/* (element-type PcnSkillsAudit) (transfer full), newest period first,
 * with their counts. */
GPtrArray   *pcn_store_list_skills_audits       (PcnStore          *self,
                                                 GError           **error);
/* Adds the audit (or, when one with the same period exists, uses it) and
 * writes every count it holds; sets the id. Counts of skills it does not
 * hold are left as they were. */
gboolean     pcn_store_save_skills_audit        (PcnStore          *self,
                                                 PcnSkillsAudit    *audit,
                                                 GError           **error);
gboolean     pcn_store_remove_skills_audit      (PcnStore          *self,
                                                 gint64             audit_id,
                                                 GError           **error);

/* Every role in scheme order with its card (texts NULL: not yet written).
 * (element-type PcnRoleCard) (transfer full) */
GPtrArray   *pcn_store_list_role_cards          (PcnStore          *self,
                                                 GError           **error);
/* Validates and writes the card of @card->role_code (code or name); marks
 * it user-edited so reference refreshes keep it. */
gboolean     pcn_store_set_role_card            (PcnStore          *self,
                                                 const PcnRoleCard *card,
                                                 GError           **error);

/* Everything on the strategy page as at @as_at (NULL: today): the vision,
 * objectives with their posts, unlinked posts, reviews, buy-in, the latest
 * skills audit worked out against the plan (WTE in post as at @as_at plus
 * planned posts), role cards and checks. */
PcnVisionReport *pcn_store_vision_report        (PcnStore          *self,
                                                 const GDate       *as_at,
                                                 GError           **error);

G_END_DECLS
