/* pcn-store-vision.c — the vision, objectives, links, buy-in, skills
 * audits and role cards (pcn-store-vision.h)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "pcn-store.h"
#include "pcn-store-internal.h"
#include "pcn-store-resources.h"

#define ROLE_CARDS_RESOURCE "/org/pcnworkforce/PcnWorkforce/store/data/role-cards.json"
#define SKILLS_RESOURCE     "/org/pcnworkforce/PcnWorkforce/store/data/skills-audit.json"

#define LOCK() g_autoptr(GMutexLocker) locker = g_mutex_locker_new (_pcn_store_get_mutex (self))

static void
bind_text_or_null (sqlite3_stmt *stmt,
                   int           idx,
                   const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, idx);
  else
    _pcn_bind_text (stmt, idx, text);
}

static char *
dup_column (sqlite3_stmt *stmt,
            int           col)
{
  return g_strdup (_pcn_column_text (stmt, col));
}

static gboolean
exec_bound (PcnStore     *self,
            sqlite3_stmt *stmt,
            GError      **error)
{
  return _pcn_store_step_done (self, stmt, error);
}

static gboolean
get_meta_version (PcnStore    *self,
                  const char  *key,
                  gint64      *out,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pcn_store_prepare (self, "SELECT CAST (value AS INTEGER) FROM meta WHERE key = ?1", error);
  int rc;

  *out = 0;
  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return _pcn_store_fail (self, rc, error);
  return TRUE;
}

static gboolean
set_meta_version (PcnStore    *self,
                  const char  *key,
                  gint64       version,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _pcn_store_prepare (self, "INSERT INTO meta (key, value) VALUES (?1, ?2) "
                              "ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);

  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, key);
  sqlite3_bind_int64 (stmt, 2, version);
  return exec_bound (self, stmt, error);
}

static JsonObject *
load_json (const char  *resource,
           JsonParser  *parser,
           GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;

  bytes = g_resource_lookup_data (pcn_store_resources_get_resource (), resource,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   &local_error))
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                   _("The built-in vision data are unusable: %s"), local_error->message);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                   _("The built-in vision data are unusable: %s"), resource);
      return NULL;
    }
  return json_node_get_object (json_parser_get_root (parser));
}

static gboolean
role_exists_locked (PcnStore    *self,
                    const char  *code,
                    gboolean    *out,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pcn_store_prepare (self, "SELECT 1 FROM role WHERE code = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, code);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return _pcn_store_fail (self, rc, error);
  *out = rc == SQLITE_ROW;
  return TRUE;
}

static gboolean
refresh_skills_locked (PcnStore  *self,
                       GError   **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *skills;
  gint64 shipped, stored;

  if ((root = load_json (SKILLS_RESOURCE, parser, error)) == NULL)
    return FALSE;
  shipped = json_object_get_int_member_with_default (root, "version", 0);
  if (!get_meta_version (self, "skills_audit_version", &stored, error))
    return FALSE;
  if (shipped <= stored)
    return TRUE;
  if (!json_object_has_member (root, "skills") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "skills")))
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                   _("The built-in vision data are unusable: %s"), SKILLS_RESOURCE);
      return FALSE;
    }

  skills = json_object_get_array_member (root, "skills");
  for (guint i = 0; i < json_array_get_length (skills); i++)
    {
      JsonObject *s = json_array_get_object_element (skills, i);
      g_autoptr(sqlite3_stmt) ins = NULL;
      g_autoptr(sqlite3_stmt) id_stmt = NULL;
      JsonArray *roles;
      gint64 skill_id;
      int rc;

      /* New skills are added; a skill already there (by code) keeps its
       * name and place. */
      ins = _pcn_store_prepare (self,
                                "INSERT INTO skill (code, name, position, origin) "
                                "VALUES (?1, ?2, ?3, 'reference') ON CONFLICT DO NOTHING", error);
      if (ins == NULL)
        return FALSE;
      _pcn_bind_text (ins, 1, json_object_get_string_member_with_default (s, "code", ""));
      _pcn_bind_text (ins, 2, json_object_get_string_member_with_default (s, "name", ""));
      sqlite3_bind_int (ins, 3, (int) i);
      if (!exec_bound (self, ins, error))
        return FALSE;

      id_stmt = _pcn_store_prepare (self, "SELECT id FROM skill WHERE code = ?1", error);
      if (id_stmt == NULL)
        return FALSE;
      _pcn_bind_text (id_stmt, 1, json_object_get_string_member_with_default (s, "code", ""));
      if ((rc = sqlite3_step (id_stmt)) != SQLITE_ROW)
        return _pcn_store_fail (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);
      skill_id = sqlite3_column_int64 (id_stmt, 0);

      if (!json_object_has_member (s, "roles"))
        continue;
      roles = json_object_get_array_member (s, "roles");
      for (guint j = 0; j < json_array_get_length (roles); j++)
        {
          JsonObject *r = json_array_get_object_element (roles, j);
          const char *code = json_object_get_string_member_with_default (r, "role", "");
          g_autoptr(sqlite3_stmt) map = NULL;
          gboolean exists = FALSE;

          if (!role_exists_locked (self, code, &exists, error))
            return FALSE;
          if (!exists)
            continue;
          map = _pcn_store_prepare (self,
                                    "INSERT INTO skill_role (skill_id, role_code, minutes_per_contact, origin) "
                                    "VALUES (?1, ?2, ?3, 'reference') ON CONFLICT DO NOTHING", error);
          if (map == NULL)
            return FALSE;
          sqlite3_bind_int64 (map, 1, skill_id);
          _pcn_bind_text (map, 2, code);
          sqlite3_bind_int64 (map, 3, json_object_get_int_member_with_default (r, "minutes", 15));
          if (!exec_bound (self, map, error))
            return FALSE;
        }
    }
  return set_meta_version (self, "skills_audit_version", shipped, error);
}

static gboolean
refresh_role_cards_locked (PcnStore  *self,
                           GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) cards = NULL;
  gint64 stored;
  int shipped = 0;

  bytes = g_resource_lookup_data (pcn_store_resources_get_resource (), ROLE_CARDS_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  cards = pcn_role_cards_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &shipped, error);
  if (cards == NULL)
    {
      g_prefix_error (error, _("The built-in role cards are unusable: "));
      return FALSE;
    }
  if (!get_meta_version (self, "role_cards_version", &stored, error))
    return FALSE;
  if (shipped <= stored)
    return TRUE;

  for (guint i = 0; i < cards->len; i++)
    {
      const PcnRoleCard *card = g_ptr_array_index (cards, i);
      g_autoptr(sqlite3_stmt) stmt = NULL;
      gboolean exists = FALSE;

      if (!role_exists_locked (self, card->role_code, &exists, error))
        return FALSE;
      if (!exists)
        continue;
      /* Reference cards are replaced; a card a user wrote is kept. */
      stmt = _pcn_store_prepare (self,
                                 "INSERT INTO role_card (role_code, does, does_not, supervised_by, "
                                 "how_to_refer, source, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'reference') "
                                 "ON CONFLICT (role_code) DO UPDATE SET does = excluded.does, "
                                 "does_not = excluded.does_not, supervised_by = excluded.supervised_by, "
                                 "how_to_refer = excluded.how_to_refer, source = excluded.source "
                                 "WHERE role_card.origin = 'reference'", error);
      if (stmt == NULL)
        return FALSE;
      _pcn_bind_text (stmt, 1, card->role_code);
      bind_text_or_null (stmt, 2, card->does);
      bind_text_or_null (stmt, 3, card->does_not);
      bind_text_or_null (stmt, 4, card->supervised_by);
      bind_text_or_null (stmt, 5, card->how_to_refer);
      bind_text_or_null (stmt, 6, card->source);
      if (!exec_bound (self, stmt, error))
        return FALSE;
    }
  return set_meta_version (self, "role_cards_version", shipped, error);
}

gboolean
_pcn_store_refresh_vision_data_locked (PcnStore  *self,
                                       GError   **error)
{
  return refresh_skills_locked (self, error) && refresh_role_cards_locked (self, error);
}

/* ------------------------------------------------------- the vision */

static PcnVision *
get_vision_locked (PcnStore  *self,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _pcn_store_prepare (self, "SELECT statement, purpose, working_weeks FROM vision WHERE id = 1", error);
  g_autoptr(PcnVision) vision = pcn_vision_new ();
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      vision->statement = dup_column (stmt, 0);
      vision->purpose = dup_column (stmt, 1);
      vision->working_weeks = sqlite3_column_int (stmt, 2);
    }
  else if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&vision);
}

PcnVision *
pcn_store_get_vision (PcnStore  *self,
                      GError   **error)
{
  PcnVision *vision;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  LOCK ();
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  vision = get_vision_locked (self, error);
  if (!_pcn_store_finish (self, vision != NULL, error))
    g_clear_pointer (&vision, pcn_vision_free);
  return vision;
}

static gboolean
set_vision_locked (PcnStore         *self,
                   const PcnVision  *vision,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!pcn_vision_validate (vision, error))
    return FALSE;
  stmt = _pcn_store_prepare (self,
                             "INSERT INTO vision (id, statement, purpose, working_weeks) VALUES (1, ?1, ?2, ?3) "
                             "ON CONFLICT (id) DO UPDATE SET statement = excluded.statement, "
                             "purpose = excluded.purpose, working_weeks = excluded.working_weeks", error);
  if (stmt == NULL)
    return FALSE;
  bind_text_or_null (stmt, 1, vision->statement);
  bind_text_or_null (stmt, 2, vision->purpose);
  sqlite3_bind_int (stmt, 3, vision->working_weeks);
  return exec_bound (self, stmt, error);
}

gboolean
pcn_store_set_vision (PcnStore         *self,
                      const PcnVision  *vision,
                      GError          **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (vision != NULL, FALSE);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, set_vision_locked (self, vision, error), error);
}

/* ------------------------------------------------------- objectives */

static GPtrArray *
list_objectives_locked (PcnStore  *self,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _pcn_store_prepare (self, "SELECT id, title, measure, target, owner, review_date, position "
                              "FROM objective ORDER BY position, id", error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_objective_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnObjective *o = pcn_objective_new ();

      o->id = sqlite3_column_int64 (stmt, 0);
      o->title = dup_column (stmt, 1);
      o->measure = dup_column (stmt, 2);
      o->target = dup_column (stmt, 3);
      o->owner = dup_column (stmt, 4);
      o->review_date = dup_column (stmt, 5);
      o->position = sqlite3_column_int (stmt, 6);
      g_ptr_array_add (list, o);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/* Runs @fn (a read returning a GPtrArray) in one read transaction. */
static GPtrArray *
read_list (PcnStore    *self,
           GPtrArray *(*fn) (PcnStore *, GError **),
           GError     **error)
{
  GPtrArray *list;

  LOCK ();
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  list = fn (self, error);
  if (!_pcn_store_finish (self, list != NULL, error))
    g_clear_pointer (&list, g_ptr_array_unref);
  return list;
}

GPtrArray *
pcn_store_list_objectives (PcnStore  *self,
                           GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  return read_list (self, list_objectives_locked, error);
}

static gboolean
write_objective_locked (PcnStore      *self,
                        PcnObjective  *objective,
                        gboolean       insert,
                        GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *field = NULL;

  if (!pcn_objective_validate (objective, &field, error))
    return FALSE;
  if (insert)
    stmt = _pcn_store_prepare (self,
                               "INSERT INTO objective (title, measure, target, owner, review_date, position) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, (SELECT COALESCE (MAX (position), -1) + 1 FROM objective)) "
                               "RETURNING id, position", error);
  else
    stmt = _pcn_store_prepare (self,
                               "UPDATE objective SET title = ?1, measure = ?2, target = ?3, owner = ?4, "
                               "review_date = ?5, position = ?6 WHERE id = ?7 RETURNING id, position", error);
  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, objective->title);
  _pcn_bind_text (stmt, 2, objective->measure);
  bind_text_or_null (stmt, 3, objective->target);
  bind_text_or_null (stmt, 4, objective->owner);
  bind_text_or_null (stmt, 5, objective->review_date);
  if (!insert)
    {
      sqlite3_bind_int (stmt, 6, objective->position);
      sqlite3_bind_int64 (stmt, 7, objective->id);
    }
  switch (sqlite3_step (stmt))
    {
    case SQLITE_ROW:
      objective->id = sqlite3_column_int64 (stmt, 0);
      objective->position = sqlite3_column_int (stmt, 1);
      return TRUE;
    case SQLITE_DONE:
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN,
                   _("There is no objective %" G_GINT64_FORMAT), objective->id);
      return FALSE;
    default:
      return _pcn_store_fail (self, sqlite3_errcode (_pcn_store_get_db (self)), error);
    }
}

gboolean
pcn_store_add_objective (PcnStore      *self,
                         PcnObjective  *objective,
                         GError       **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (objective != NULL, FALSE);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, write_objective_locked (self, objective, TRUE, error), error);
}

gboolean
pcn_store_update_objective (PcnStore            *self,
                            const PcnObjective  *objective,
                            GError             **error)
{
  g_autoptr(PcnObjective) copy = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (objective != NULL && objective->id > 0, FALSE);
  copy = pcn_objective_copy (objective);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, write_objective_locked (self, copy, FALSE, error), error);
}

/* Deletes by id with @sql ("DELETE … WHERE id = ?1"); unknown ids are
 * PCN_CORE_ERROR_UNKNOWN naming @what. */
static gboolean
delete_by_id (PcnStore    *self,
              const char  *sql,
              gint64       id,
              const char  *what,
              GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  stmt = _pcn_store_prepare (self, sql, error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, id);
      ok = exec_bound (self, stmt, error);
    }
  if (ok && sqlite3_changes (_pcn_store_get_db (self)) == 0)
    {
      /* Translators: %1$s is what was not found ("objective"), %2$s its id. */
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN, _("There is no %1$s %2$s"), what, id_text);
      ok = FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  return _pcn_store_finish (self, ok, error);
}

gboolean
pcn_store_remove_objective (PcnStore  *self,
                            gint64     objective_id,
                            GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  return delete_by_id (self, "DELETE FROM objective WHERE id = ?1", objective_id, _("objective"), error);
}

/* ------------------------------------------------------- reviews */

static GPtrArray *
list_reviews_locked (PcnStore  *self,
                     GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _pcn_store_prepare (self, "SELECT id, date, note FROM vision_review ORDER BY date DESC, id DESC", error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_vision_review_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnVisionReview *r = pcn_vision_review_new ();

      r->id = sqlite3_column_int64 (stmt, 0);
      r->date = dup_column (stmt, 1);
      r->note = dup_column (stmt, 2);
      g_ptr_array_add (list, r);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
pcn_store_list_vision_reviews (PcnStore  *self,
                               GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  return read_list (self, list_reviews_locked, error);
}

static gboolean
add_review_locked (PcnStore         *self,
                   PcnVisionReview  *review,
                   GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!pcn_vision_review_validate (review, error))
    return FALSE;
  stmt = _pcn_store_prepare (self, "INSERT INTO vision_review (date, note) VALUES (?1, ?2)", error);
  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, review->date);
  _pcn_bind_text (stmt, 2, review->note);
  if (!exec_bound (self, stmt, error))
    return FALSE;
  review->id = sqlite3_last_insert_rowid (_pcn_store_get_db (self));
  return TRUE;
}

gboolean
pcn_store_add_vision_review (PcnStore         *self,
                             PcnVisionReview  *review,
                             GError          **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (review != NULL, FALSE);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, add_review_locked (self, review, error), error);
}

gboolean
pcn_store_remove_vision_review (PcnStore  *self,
                                gint64     review_id,
                                GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  return delete_by_id (self, "DELETE FROM vision_review WHERE id = ?1", review_id, _("review"), error);
}

/* ------------------------------------------------------- links */

static GArray *
list_links_locked (PcnStore  *self,
                   GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _pcn_store_prepare (self, "SELECT objective_id, post_id FROM objective_post ORDER BY objective_id, post_id", error);
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (PcnObjectiveLink));
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnObjectiveLink l = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (links, l);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&links);
}

GArray *
pcn_store_list_objective_links (PcnStore  *self,
                                GError   **error)
{
  GArray *links;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  LOCK ();
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  links = list_links_locked (self, error);
  if (!_pcn_store_finish (self, links != NULL, error))
    g_clear_pointer (&links, g_array_unref);
  return links;
}

static gboolean
id_exists_locked (PcnStore    *self,
                  const char  *sql,
                  gint64       id,
                  const char  *what,
                  GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pcn_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _pcn_store_fail (self, rc, error);
  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
    g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN, _("There is no %1$s %2$s"), what, id_text);
  }
  return FALSE;
}

static gboolean
link_locked (PcnStore  *self,
             gint64     objective_id,
             gint64     post_id,
             gboolean   link,
             GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (!id_exists_locked (self, "SELECT 1 FROM objective WHERE id = ?1", objective_id, _("objective"), error) ||
      !id_exists_locked (self, "SELECT 1 FROM post WHERE id = ?1", post_id, _("post"), error))
    return FALSE;
  stmt = _pcn_store_prepare (self,
                             link ? "INSERT INTO objective_post (objective_id, post_id) VALUES (?1, ?2) "
                                    "ON CONFLICT DO NOTHING"
                                  : "DELETE FROM objective_post WHERE objective_id = ?1 AND post_id = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, objective_id);
  sqlite3_bind_int64 (stmt, 2, post_id);
  return exec_bound (self, stmt, error);
}

gboolean
pcn_store_link_objective (PcnStore  *self,
                          gint64     objective_id,
                          gint64     post_id,
                          GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, link_locked (self, objective_id, post_id, TRUE, error), error);
}

gboolean
pcn_store_unlink_objective (PcnStore  *self,
                            gint64     objective_id,
                            gint64     post_id,
                            GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, link_locked (self, objective_id, post_id, FALSE, error), error);
}

/* ------------------------------------------------------- buy-in */

static GPtrArray *
list_buy_in_locked (PcnStore  *self,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _pcn_store_prepare (self,
                        "SELECT p.id, p.name, b.practice_id IS NOT NULL, COALESCE (b.agreed, 0), b.date, "
                        "b.agreed_by, b.notes FROM practice p LEFT JOIN practice_buy_in b ON b.practice_id = p.id "
                        "ORDER BY p.name COLLATE NOCASE, p.id", error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_practice_buy_in_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnPracticeBuyIn *b = pcn_practice_buy_in_new ();

      b->practice_id = sqlite3_column_int64 (stmt, 0);
      b->practice = dup_column (stmt, 1);
      b->recorded = sqlite3_column_int (stmt, 2) != 0;
      b->agreed = sqlite3_column_int (stmt, 3) != 0;
      b->date = dup_column (stmt, 4);
      b->agreed_by = dup_column (stmt, 5);
      b->notes = dup_column (stmt, 6);
      g_ptr_array_add (list, b);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
pcn_store_list_buy_in (PcnStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  return read_list (self, list_buy_in_locked, error);
}

static gboolean
set_buy_in_locked (PcnStore                *self,
                   const PcnPracticeBuyIn  *buy_in,
                   GError                 **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 practice_id = buy_in->practice_id;
  int rc;

  if (!pcn_practice_buy_in_validate (buy_in, error))
    return FALSE;
  if (practice_id <= 0)
    {
      g_autoptr(sqlite3_stmt) find =
        _pcn_store_prepare (self, "SELECT id FROM practice WHERE name = ?1 COLLATE NOCASE", error);

      if (find == NULL)
        return FALSE;
      _pcn_bind_text (find, 1, buy_in->practice);
      rc = sqlite3_step (find);
      if (rc == SQLITE_ROW)
        practice_id = sqlite3_column_int64 (find, 0);
      else if (rc == SQLITE_DONE)
        {
          /* Translators: %s is a practice name. */
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN,
                       _("“%s” is not a member practice"), buy_in->practice);
          return FALSE;
        }
      else
        return _pcn_store_fail (self, rc, error);
    }
  else if (!id_exists_locked (self, "SELECT 1 FROM practice WHERE id = ?1", practice_id, _("practice"), error))
    return FALSE;

  stmt = _pcn_store_prepare (self,
                             "INSERT INTO practice_buy_in (practice_id, agreed, date, agreed_by, notes) "
                             "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (practice_id) DO UPDATE SET "
                             "agreed = excluded.agreed, date = excluded.date, agreed_by = excluded.agreed_by, "
                             "notes = excluded.notes", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, practice_id);
  sqlite3_bind_int (stmt, 2, buy_in->agreed ? 1 : 0);
  bind_text_or_null (stmt, 3, buy_in->date);
  bind_text_or_null (stmt, 4, buy_in->agreed_by);
  bind_text_or_null (stmt, 5, buy_in->notes);
  return exec_bound (self, stmt, error);
}

gboolean
pcn_store_set_buy_in (PcnStore                *self,
                      const PcnPracticeBuyIn  *buy_in,
                      GError                 **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (buy_in != NULL, FALSE);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, set_buy_in_locked (self, buy_in, error), error);
}

/* ------------------------------------------------------- skills */

static GPtrArray *
list_skills_locked (PcnStore  *self,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _pcn_store_prepare (self, "SELECT id, code, name, position FROM skill ORDER BY position, id", error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_skill_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnSkill *s = pcn_skill_new ();

      s->id = sqlite3_column_int64 (stmt, 0);
      s->code = dup_column (stmt, 1);
      s->name = dup_column (stmt, 2);
      s->position = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (list, s);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
pcn_store_list_skills (PcnStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  return read_list (self, list_skills_locked, error);
}

static gboolean
add_skill_locked (PcnStore  *self,
                  PcnSkill  *skill,
                  GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (skill->name == NULL || *skill->name == '\0')
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("The %s is required"), _("skill"));
      return FALSE;
    }
  if (skill->code == NULL)
    {
      skill->code = g_ascii_strdown (skill->name, -1);
      g_strdelimit (skill->code, " -", '_');
    }
  stmt = _pcn_store_prepare (self,
                             "INSERT INTO skill (code, name, position) VALUES "
                             "(?1, ?2, (SELECT COALESCE (MAX (position), -1) + 1 FROM skill)) RETURNING id, position",
                             error);
  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, skill->code);
  _pcn_bind_text (stmt, 2, skill->name);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      if (sqlite3_extended_errcode (_pcn_store_get_db (self)) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_DUPLICATE,
                       _("There is already a skill “%s”"), skill->name);
          return FALSE;
        }
      return _pcn_store_fail (self, sqlite3_errcode (_pcn_store_get_db (self)), error);
    }
  skill->id = sqlite3_column_int64 (stmt, 0);
  skill->position = sqlite3_column_int (stmt, 1);
  return TRUE;
}

gboolean
pcn_store_add_skill (PcnStore  *self,
                     PcnSkill  *skill,
                     GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (skill != NULL, FALSE);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, add_skill_locked (self, skill, error), error);
}

static GPtrArray *
list_skill_roles_locked (PcnStore  *self,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _pcn_store_prepare (self, "SELECT m.id, m.skill_id, m.role_code, m.minutes_per_contact FROM skill_role m "
                              "JOIN skill s ON s.id = m.skill_id ORDER BY s.position, s.id, m.role_code", error);
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_skill_role_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnSkillRole *m = pcn_skill_role_new ();

      m->id = sqlite3_column_int64 (stmt, 0);
      m->skill_id = sqlite3_column_int64 (stmt, 1);
      m->role_code = dup_column (stmt, 2);
      m->minutes_per_contact = sqlite3_column_int (stmt, 3);
      g_ptr_array_add (list, m);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
pcn_store_list_skill_roles (PcnStore  *self,
                            GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  return read_list (self, list_skill_roles_locked, error);
}

static gboolean
canonical_role_locked (PcnStore     *self,
                       const char   *text,
                       char        **out_code,
                       GError      **error)
{
  g_autoptr(GPtrArray) roles = _pcn_store_list_roles_locked (self, error);
  PcnRole *role;

  if (roles == NULL)
    return FALSE;
  role = text != NULL ? pcn_roles_find (roles, text) : NULL;
  if (role == NULL)
    {
      /* Translators: %s is what was given as a role. */
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN, _("“%s” is not a known role"),
                   text != NULL ? text : "");
      return FALSE;
    }
  *out_code = g_strdup (pcn_role_get_code (role));
  return TRUE;
}

static gboolean
set_skill_role_locked (PcnStore      *self,
                       PcnSkillRole  *mapping,
                       GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;

  if (!pcn_skill_role_validate (mapping, error) ||
      !canonical_role_locked (self, mapping->role_code, &code, error) ||
      !id_exists_locked (self, "SELECT 1 FROM skill WHERE id = ?1", mapping->skill_id, _("skill"), error))
    return FALSE;
  g_free (mapping->role_code);
  mapping->role_code = g_steal_pointer (&code);
  stmt = _pcn_store_prepare (self,
                             "INSERT INTO skill_role (skill_id, role_code, minutes_per_contact, origin) "
                             "VALUES (?1, ?2, ?3, 'user') ON CONFLICT (skill_id, role_code) DO UPDATE SET "
                             "minutes_per_contact = excluded.minutes_per_contact, origin = 'user' RETURNING id",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, mapping->skill_id);
  _pcn_bind_text (stmt, 2, mapping->role_code);
  sqlite3_bind_int (stmt, 3, mapping->minutes_per_contact);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _pcn_store_fail (self, sqlite3_errcode (_pcn_store_get_db (self)), error);
  mapping->id = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
pcn_store_set_skill_role (PcnStore      *self,
                          PcnSkillRole  *mapping,
                          GError       **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (mapping != NULL, FALSE);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, set_skill_role_locked (self, mapping, error), error);
}

static gboolean
remove_skill_role_locked (PcnStore    *self,
                          gint64       skill_id,
                          const char  *role_code,
                          GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;

  if (!canonical_role_locked (self, role_code, &code, error))
    return FALSE;
  stmt = _pcn_store_prepare (self, "DELETE FROM skill_role WHERE skill_id = ?1 AND role_code = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, skill_id);
  _pcn_bind_text (stmt, 2, code);
  return exec_bound (self, stmt, error);
}

gboolean
pcn_store_remove_skill_role (PcnStore    *self,
                             gint64       skill_id,
                             const char  *role_code,
                             GError     **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, remove_skill_role_locked (self, skill_id, role_code, error), error);
}

static GPtrArray *
list_audits_locked (PcnStore  *self,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt =
    _pcn_store_prepare (self, "SELECT id, from_date, to_date, notes FROM skills_audit "
                              "ORDER BY to_date DESC, from_date DESC, id DESC", error);
  g_autoptr(sqlite3_stmt) counts = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_skills_audit_free);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnSkillsAudit *a = pcn_skills_audit_new ();

      a->id = sqlite3_column_int64 (stmt, 0);
      a->from_date = dup_column (stmt, 1);
      a->to_date = dup_column (stmt, 2);
      a->notes = dup_column (stmt, 3);
      g_ptr_array_add (list, a);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }

  counts = _pcn_store_prepare (self, "SELECT skill_id, count FROM skills_audit_count WHERE audit_id = ?1 "
                                     "ORDER BY skill_id", error);
  if (counts == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      PcnSkillsAudit *a = g_ptr_array_index (list, i);

      sqlite3_reset (counts);
      sqlite3_bind_int64 (counts, 1, a->id);
      while ((rc = sqlite3_step (counts)) == SQLITE_ROW)
        pcn_skills_audit_set_count (a, sqlite3_column_int64 (counts, 0), sqlite3_column_int64 (counts, 1));
      if (rc != SQLITE_DONE)
        {
          _pcn_store_fail (self, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&list);
}

GPtrArray *
pcn_store_list_skills_audits (PcnStore  *self,
                              GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  return read_list (self, list_audits_locked, error);
}

static gboolean
save_audit_locked (PcnStore        *self,
                   PcnSkillsAudit  *audit,
                   GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) count = NULL;

  if (!pcn_skills_audit_validate (audit, error))
    return FALSE;
  stmt = _pcn_store_prepare (self,
                             "INSERT INTO skills_audit (from_date, to_date, notes) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT (from_date, to_date) DO UPDATE SET notes = COALESCE (excluded.notes, notes) "
                             "RETURNING id", error);
  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, audit->from_date);
  _pcn_bind_text (stmt, 2, audit->to_date);
  bind_text_or_null (stmt, 3, audit->notes);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return _pcn_store_fail (self, sqlite3_errcode (_pcn_store_get_db (self)), error);
  audit->id = sqlite3_column_int64 (stmt, 0);
  g_clear_pointer (&stmt, sqlite3_finalize);

  count = _pcn_store_prepare (self,
                              "INSERT INTO skills_audit_count (audit_id, skill_id, count) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT (audit_id, skill_id) DO UPDATE SET count = excluded.count", error);
  if (count == NULL)
    return FALSE;
  for (guint i = 0; i < audit->counts->len; i++)
    {
      const PcnSkillCount *c = &g_array_index (audit->counts, PcnSkillCount, i);

      if (!id_exists_locked (self, "SELECT 1 FROM skill WHERE id = ?1", c->skill_id, _("skill"), error))
        return FALSE;
      sqlite3_bind_int64 (count, 1, audit->id);
      sqlite3_bind_int64 (count, 2, c->skill_id);
      sqlite3_bind_int64 (count, 3, c->count);
      if (!exec_bound (self, count, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pcn_store_save_skills_audit (PcnStore        *self,
                             PcnSkillsAudit  *audit,
                             GError         **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (audit != NULL, FALSE);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, save_audit_locked (self, audit, error), error);
}

gboolean
pcn_store_remove_skills_audit (PcnStore  *self,
                               gint64     audit_id,
                               GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  return delete_by_id (self, "DELETE FROM skills_audit WHERE id = ?1", audit_id, _("skills audit"), error);
}

/* ------------------------------------------------------- role cards */

static GPtrArray *
list_role_cards_locked (PcnStore  *self,
                        GError   **error)
{
  g_autoptr(GPtrArray) roles = _pcn_store_list_roles_locked (self, error);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (roles == NULL)
    return NULL;
  stmt = _pcn_store_prepare (self, "SELECT does, does_not, supervised_by, how_to_refer, source, origin "
                                   "FROM role_card WHERE role_code = ?1", error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_role_card_free);
  for (guint i = 0; i < roles->len; i++)
    {
      PcnRole *role = g_ptr_array_index (roles, i);
      PcnRoleCard *card = pcn_role_card_new ();
      int rc;

      card->role_code = g_strdup (pcn_role_get_code (role));
      card->role_name = g_strdup (pcn_role_get_name (role));
      sqlite3_reset (stmt);
      _pcn_bind_text (stmt, 1, card->role_code);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          card->does = dup_column (stmt, 0);
          card->does_not = dup_column (stmt, 1);
          card->supervised_by = dup_column (stmt, 2);
          card->how_to_refer = dup_column (stmt, 3);
          card->source = dup_column (stmt, 4);
          card->user_edited = g_strcmp0 (_pcn_column_text (stmt, 5), "user") == 0;
        }
      g_ptr_array_add (list, card);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        {
          _pcn_store_fail (self, rc, error);
          return NULL;
        }
    }
  return g_steal_pointer (&list);
}

GPtrArray *
pcn_store_list_role_cards (PcnStore  *self,
                           GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  return read_list (self, list_role_cards_locked, error);
}

static gboolean
set_role_card_locked (PcnStore           *self,
                      const PcnRoleCard  *card,
                      GError            **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *code = NULL;

  if (!pcn_role_card_validate (card, error) ||
      !canonical_role_locked (self, card->role_code, &code, error))
    return FALSE;
  stmt = _pcn_store_prepare (self,
                             "INSERT INTO role_card (role_code, does, does_not, supervised_by, how_to_refer, "
                             "source, origin) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'user') ON CONFLICT (role_code) "
                             "DO UPDATE SET does = excluded.does, does_not = excluded.does_not, "
                             "supervised_by = excluded.supervised_by, how_to_refer = excluded.how_to_refer, "
                             "source = excluded.source, origin = 'user'", error);
  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, code);
  bind_text_or_null (stmt, 2, card->does);
  bind_text_or_null (stmt, 3, card->does_not);
  bind_text_or_null (stmt, 4, card->supervised_by);
  bind_text_or_null (stmt, 5, card->how_to_refer);
  bind_text_or_null (stmt, 6, card->source);
  return exec_bound (self, stmt, error);
}

gboolean
pcn_store_set_role_card (PcnStore           *self,
                         const PcnRoleCard  *card,
                         GError            **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (card != NULL, FALSE);
  LOCK ();
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, set_role_card_locked (self, card, error), error);
}

/* ------------------------------------------------------- the report */

static gboolean
staff_in_post_on (PcnStaff    *staff,
                  const char  *as_at)
{
  const char *start = pcn_staff_get_start_date (staff);
  const char *end = pcn_staff_get_end_date (staff);

  return start != NULL && g_strcmp0 (start, as_at) <= 0 && (end == NULL || g_strcmp0 (end, as_at) >= 0);
}

PcnVisionReport *
pcn_store_vision_report (PcnStore     *self,
                         const GDate  *as_at,
                         GError      **error)
{
  g_autoptr(PcnVisionReport) report = pcn_vision_report_new ();
  g_autoptr(GPtrArray) objectives = NULL;
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  g_autoptr(GPtrArray) skills = NULL;
  g_autoptr(GPtrArray) mappings = NULL;
  g_autoptr(GPtrArray) audits = NULL;
  g_autoptr(GArray) links = NULL;
  GDate today;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  if (as_at == NULL)
    {
      pcn_date_set_today (&today);
      as_at = &today;
    }
  report->as_at = pcn_date_to_iso (as_at);

  /* Each read is its own transaction; the report is for display. */
  pcn_vision_free (report->vision);
  report->vision = NULL;
  if ((report->vision = pcn_store_get_vision (self, error)) == NULL ||
      (objectives = pcn_store_list_objectives (self, error)) == NULL ||
      (links = pcn_store_list_objective_links (self, error)) == NULL ||
      (posts = pcn_store_list_posts (self, error)) == NULL ||
      (staff = pcn_store_list_staff (self, error)) == NULL ||
      (roles = pcn_store_list_roles (self, error)) == NULL ||
      (skills = pcn_store_list_skills (self, error)) == NULL ||
      (mappings = pcn_store_list_skill_roles (self, error)) == NULL ||
      (audits = pcn_store_list_skills_audits (self, error)) == NULL)
    return NULL;

  g_clear_pointer (&report->reviews, g_ptr_array_unref);
  if ((report->reviews = pcn_store_list_vision_reviews (self, error)) == NULL)
    return NULL;
  g_clear_pointer (&report->buy_in, g_ptr_array_unref);
  if ((report->buy_in = pcn_store_list_buy_in (self, error)) == NULL)
    return NULL;
  g_clear_pointer (&report->role_cards, g_ptr_array_unref);
  if ((report->role_cards = pcn_store_list_role_cards (self, error)) == NULL)
    return NULL;

  g_clear_pointer (&report->objectives, g_ptr_array_unref);
  g_clear_pointer (&report->unlinked_posts, g_ptr_array_unref);
  pcn_vision_link_report (objectives, links, posts, &report->objectives, &report->unlinked_posts);

  report->minutes_per_wte_year = pcn_vision_minutes_per_wte_year (PCN_VISION_HOURS_PER_WEEK,
                                                                  report->vision->working_weeks);
  if (audits->len > 0)
    {
      report->audit = pcn_skills_audit_copy (g_ptr_array_index (audits, 0));
      g_clear_pointer (&report->skills, g_ptr_array_unref);
      g_clear_pointer (&report->roles, g_ptr_array_unref);
      if (!pcn_vision_compute_skills (report->audit, skills, mappings, roles, PCN_VISION_HOURS_PER_WEEK,
                                      report->vision->working_weeks, &report->skills, &report->roles, error))
        return NULL;

      for (guint i = 0; i < report->roles->len; i++)
        {
          PcnRoleNeed *need = g_ptr_array_index (report->roles, i);

          for (guint s = 0; s < staff->len; s++)
            {
              PcnStaff *person = g_ptr_array_index (staff, s);

              if (g_strcmp0 (pcn_staff_get_role_code (person), need->role_code) == 0 &&
                  staff_in_post_on (person, report->as_at))
                need->in_post_wte_milli += pcn_staff_get_wte (person);
            }
          for (guint p = 0; p < posts->len; p++)
            {
              PcnPost *post = g_ptr_array_index (posts, p);

              if (g_strcmp0 (pcn_post_get_role_code (post), need->role_code) == 0 && pcn_post_is_planned (post))
                need->planned_wte_milli += pcn_post_get_wte (post);
            }
        }
    }

  pcn_vision_report_add_checks (report);
  return g_steal_pointer (&report);
}
