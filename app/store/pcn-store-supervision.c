/* pcn-store-supervision.c — supervision requirements, supervisors, the
 * session log, training items, integration answers and the GP hourly cost
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "pcn-store.h"
#include "pcn-store-internal.h"
#include "pcn-store-resources.h"

#define REQUIREMENTS_RESOURCE "/org/pcnworkforce/PcnWorkforce/store/data/supervision-requirements.json"

/* ------------------------------------------------------------ helpers */

static PcnSupervisionKind
kind_from_text (const char *text)
{
  PcnSupervisionKind kind = PCN_SUPERVISION_KIND_CLINICAL;

  /* The table's CHECK allows only the three identifiers. */
  if (!pcn_supervision_kind_parse (text, &kind, NULL))
    g_warning ("Unexpected kind of supervision “%s” in the database", text ? text : "");
  return kind;
}

static void
set_staff_not_found (gint64   staff_id,
                     GError **error)
{
  g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
               _("There is no staff member with id %" G_GINT64_FORMAT), staff_id);
}

static gboolean
staff_exists_locked (PcnStore  *self,
                     gint64     staff_id,
                     GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _pcn_store_prepare (self, "SELECT 1 FROM staff WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    return _pcn_store_fail (self, rc, error);
  set_staff_not_found (staff_id, error);
  return FALSE;
}

static void
today_or (const GDate *as_at,
          GDate       *out)
{
  if (as_at != NULL && g_date_valid (as_at))
    *out = *as_at;
  else
    pcn_date_set_today (out);
}

/* ------------------------------------------------------- requirements */

static gboolean
apply_requirements (PcnStore    *self,
                    JsonObject  *root,
                    GError     **error)
{
  g_autoptr(sqlite3_stmt) ins = NULL;
  JsonArray *rows;

  if (!json_object_has_member (root, "requirements") ||
      !JSON_NODE_HOLDS_ARRAY (json_object_get_member (root, "requirements")))
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                   _("The built-in supervision requirements are unusable: no requirements"));
      return FALSE;
    }
  rows = json_object_get_array_member (root, "requirements");

  ins = _pcn_store_prepare (self, "DELETE FROM supervision_requirement WHERE origin = 'reference'", error);
  if (ins == NULL || !_pcn_store_step_done (self, ins, error))
    return FALSE;
  g_clear_pointer (&ins, sqlite3_finalize);

  /* A user's row for the same role and kind is kept; a role this database
   * does not know is skipped. */
  ins = _pcn_store_prepare (self,
                            "INSERT INTO supervision_requirement (role_code, kind, who, frequency_days, "
                            "pathway_name, pathway_months, pathway_source, source, origin) "
                            "SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'reference' "
                            "WHERE EXISTS (SELECT 1 FROM role WHERE code = ?1) "
                            "ON CONFLICT (role_code, kind) DO NOTHING",
                            error);
  if (ins == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonNode *node = json_array_get_element (rows, i);
      g_autoptr(PcnSupervisionRequirement) req = pcn_supervision_requirement_new ();
      g_autoptr(GError) local_error = NULL;
      JsonObject *o, *pathway = NULL;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        goto bad;
      o = json_node_get_object (node);
      req->role_code = g_strdup (json_object_get_string_member_with_default (o, "role", NULL));
      if (!pcn_supervision_kind_parse (json_object_get_string_member_with_default (o, "kind", NULL),
                                       &req->kind, NULL))
        goto bad;
      req->who = g_strdup (json_object_get_string_member_with_default (o, "who", NULL));
      req->frequency_days = (int) json_object_get_int_member_with_default (o, "frequency_days", -1);
      req->source = g_strdup (json_object_get_string_member_with_default (o, "source", NULL));
      if (json_object_has_member (o, "pathway") &&
          JSON_NODE_HOLDS_OBJECT (json_object_get_member (o, "pathway")))
        pathway = json_object_get_object_member (o, "pathway");
      if (pathway != NULL)
        {
          req->pathway_name = g_strdup (json_object_get_string_member_with_default (pathway, "name", NULL));
          req->pathway_months = (int) json_object_get_int_member_with_default (pathway, "time_limit_months", -1);
          req->pathway_source = g_strdup (json_object_get_string_member_with_default (pathway, "source", NULL));
        }
      if (!pcn_supervision_requirement_validate (req, &local_error))
        goto bad;

      _pcn_bind_text (ins, 1, req->role_code);
      _pcn_bind_text (ins, 2, pcn_supervision_kind_to_string (req->kind));
      _pcn_bind_text (ins, 3, req->who);
      _pcn_bind_int64_or_null (ins, 4, req->frequency_days);
      _pcn_bind_text (ins, 5, req->pathway_name);
      _pcn_bind_int64_or_null (ins, 6, req->pathway_months);
      _pcn_bind_text (ins, 7, req->pathway_source);
      _pcn_bind_text (ins, 8, req->source);
      if (!_pcn_store_step_done (self, ins, error))
        return FALSE;
      continue;

    bad:
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                   _("The built-in supervision requirements are unusable: entry %u is incomplete"),
                   i + 1);
      return FALSE;
    }
  return TRUE;
}

gboolean
_pcn_store_refresh_supervision_requirements_locked (PcnStore  *self,
                                                    GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  gint64 shipped, stored = 0;
  gboolean ok;
  int rc;

  bytes = g_resource_lookup_data (pcn_store_resources_get_resource (), REQUIREMENTS_RESOURCE,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                   &local_error))
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                   _("The built-in supervision requirements are unusable: %s"), local_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root) ||
      (shipped = json_object_get_int_member_with_default (json_node_get_object (root), "version", 0)) <= 0)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                   _("The built-in supervision requirements are unusable: they have no version"));
      return FALSE;
    }

  stmt = _pcn_store_prepare (self,
                             "SELECT CAST (value AS INTEGER) FROM meta "
                             "WHERE key = 'supervision_requirements_version'",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        stored = sqlite3_column_int64 (stmt, 0);
      else if (rc != SQLITE_DONE)
        ok = _pcn_store_fail (self, rc, error);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  if (ok && shipped > stored)
    {
      ok = apply_requirements (self, json_node_get_object (root), error);
      if (ok)
        {
          stmt = _pcn_store_prepare (self,
                                     "INSERT INTO meta (key, value) VALUES ('supervision_requirements_version', ?1) "
                                     "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                                     error);
          ok = stmt != NULL;
          if (ok)
            {
              sqlite3_bind_int64 (stmt, 1, shipped);
              ok = _pcn_store_step_done (self, stmt, error);
            }
        }
    }
  return ok;
}

static GPtrArray *
list_requirements_locked (PcnStore  *self,
                          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  stmt = _pcn_store_prepare (self,
                             "SELECT id, role_code, kind, who, frequency_days, pathway_name, "
                             "pathway_months, pathway_source, source, origin "
                             "FROM supervision_requirement ORDER BY role_code, "
                             "CASE kind WHEN 'clinic' THEN 0 WHEN 'clinical' THEN 1 ELSE 2 END",
                             error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_requirement_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnSupervisionRequirement *req = pcn_supervision_requirement_new ();

      req->id = sqlite3_column_int64 (stmt, 0);
      req->role_code = g_strdup (_pcn_column_text (stmt, 1));
      req->kind = kind_from_text (_pcn_column_text (stmt, 2));
      req->who = g_strdup (_pcn_column_text (stmt, 3));
      req->frequency_days = (int) _pcn_column_int64_or (stmt, 4, -1);
      req->pathway_name = g_strdup (_pcn_column_text (stmt, 5));
      req->pathway_months = (int) _pcn_column_int64_or (stmt, 6, -1);
      req->pathway_source = g_strdup (_pcn_column_text (stmt, 7));
      req->source = g_strdup (_pcn_column_text (stmt, 8));
      req->user_edited = g_strcmp0 (_pcn_column_text (stmt, 9), "user") == 0;
      g_ptr_array_add (list, req);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
pcn_store_list_supervision_requirements (PcnStore  *self,
                                         GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GPtrArray *list;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  list = list_requirements_locked (self, error);
  if (!_pcn_store_finish (self, list != NULL, error))
    g_clear_pointer (&list, g_ptr_array_unref);
  return list;
}

gboolean
pcn_store_set_supervision_requirement (PcnStore                   *self,
                                       PcnSupervisionRequirement  *req,
                                       GError                    **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (req != NULL, FALSE);

  if (!pcn_supervision_requirement_validate (req, error))
    return FALSE;

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  stmt = _pcn_store_prepare (self,
                             "INSERT INTO supervision_requirement (role_code, kind, who, frequency_days, "
                             "pathway_name, pathway_months, pathway_source, source, origin) "
                             "SELECT code, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'user' FROM role "
                             "WHERE code = ?1 COLLATE NOCASE "
                             "ON CONFLICT (role_code, kind) DO UPDATE SET who = excluded.who, "
                             "frequency_days = excluded.frequency_days, pathway_name = excluded.pathway_name, "
                             "pathway_months = excluded.pathway_months, pathway_source = excluded.pathway_source, "
                             "source = excluded.source, origin = 'user' "
                             "RETURNING id",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      _pcn_bind_text (stmt, 1, req->role_code);
      _pcn_bind_text (stmt, 2, pcn_supervision_kind_to_string (req->kind));
      _pcn_bind_text (stmt, 3, req->who);
      _pcn_bind_int64_or_null (stmt, 4, req->frequency_days);
      _pcn_bind_text (stmt, 5, req->pathway_name);
      _pcn_bind_int64_or_null (stmt, 6, req->pathway_months);
      _pcn_bind_text (stmt, 7, req->pathway_source);
      _pcn_bind_text (stmt, 8, req->source);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          req->id = sqlite3_column_int64 (stmt, 0);
          req->user_edited = TRUE;
        }
      else if (rc == SQLITE_DONE)
        {
          g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                       _("“%s” is not a role code"), req->role_code);
          ok = FALSE;
        }
      else
        ok = _pcn_store_fail (self, rc, error);
      /* RETURNING: end the statement before the commit. */
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  return _pcn_store_finish (self, ok, error);
}

/* -------------------------------------------------------- assignments */

static gboolean
find_practice_locked (PcnStore    *self,
                      const char  *name,
                      gint64      *out_id,
                      GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _pcn_store_prepare (self, "SELECT id FROM practice WHERE name = ?1 COLLATE NOCASE", error);
  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, name);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *out_id = sqlite3_column_int64 (stmt, 0);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return _pcn_store_fail (self, rc, error);
  g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
               _("There is no member practice called “%s”"), name);
  return FALSE;
}

gboolean
pcn_store_assign_supervisor (PcnStore                 *self,
                             PcnSupervisorAssignment  *assignment,
                             GError                  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 practice_id = -1;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (assignment != NULL, FALSE);

  if (!pcn_supervisor_assignment_validate (assignment, error))
    return FALSE;

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  ok = staff_exists_locked (self, assignment->staff_id, error);
  if (ok && assignment->practice != NULL)
    ok = find_practice_locked (self, assignment->practice, &practice_id, error);
  if (ok)
    {
      stmt = _pcn_store_prepare (self,
                                 "INSERT INTO supervisor_assignment (staff_id, kind, supervisor, profession, "
                                 "minutes_per_week, practice_id, from_date, to_date) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                 error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      g_autofree char *supervisor = g_strstrip (g_strdup (assignment->supervisor));

      sqlite3_bind_int64 (stmt, 1, assignment->staff_id);
      _pcn_bind_text (stmt, 2, pcn_supervision_kind_to_string (assignment->kind));
      _pcn_bind_text (stmt, 3, supervisor);
      _pcn_bind_text (stmt, 4, assignment->profession);
      sqlite3_bind_int64 (stmt, 5, assignment->minutes_per_week);
      _pcn_bind_int64_or_null (stmt, 6, practice_id);
      _pcn_bind_text (stmt, 7, assignment->from_date);
      _pcn_bind_text (stmt, 8, assignment->to_date);
      ok = _pcn_store_step_done (self, stmt, error);
    }
  if (ok)
    assignment->id = sqlite3_last_insert_rowid (_pcn_store_get_db (self));
  return _pcn_store_finish (self, ok, error);
}

gboolean
pcn_store_end_supervisor (PcnStore    *self,
                          gint64       assignment_id,
                          const char  *to_date,
                          GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso = NULL;
  GDate d;
  gboolean ok;
  int rc;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (to_date != NULL, FALSE);

  if (!pcn_date_parse (to_date, &d, error))
    return FALSE;
  iso = pcn_date_to_iso (&d);

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  stmt = _pcn_store_prepare (self,
                             "UPDATE supervisor_assignment SET to_date = ?2 WHERE id = ?1 "
                             "RETURNING from_date",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, assignment_id);
      _pcn_bind_text (stmt, 2, iso);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_DONE)
        {
          g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                       _("There is no supervisor assignment with id %" G_GINT64_FORMAT), assignment_id);
          ok = FALSE;
        }
      else if ((rc & 0xff) == SQLITE_CONSTRAINT)
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                       _("The supervision cannot end (%s) before it starts"), iso);
          ok = FALSE;
        }
      else if (rc != SQLITE_ROW)
        ok = _pcn_store_fail (self, rc, error);
      g_clear_pointer (&stmt, sqlite3_finalize);
    }
  return _pcn_store_finish (self, ok, error);
}

static GPtrArray *
list_assignments_locked (PcnStore  *self,
                         gint64     staff_id,
                         GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  stmt = _pcn_store_prepare (self,
                             "SELECT a.id, a.staff_id, a.kind, a.supervisor, a.profession, "
                             "a.minutes_per_week, p.name, a.from_date, a.to_date "
                             "FROM supervisor_assignment a LEFT JOIN practice p ON p.id = a.practice_id "
                             "WHERE ?1 < 0 OR a.staff_id = ?1 "
                             "ORDER BY a.staff_id, CASE a.kind WHEN 'clinic' THEN 0 WHEN 'clinical' THEN 1 ELSE 2 END, "
                             "a.from_date, a.id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervisor_assignment_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnSupervisorAssignment *a = pcn_supervisor_assignment_new ();

      a->id = sqlite3_column_int64 (stmt, 0);
      a->staff_id = sqlite3_column_int64 (stmt, 1);
      a->kind = kind_from_text (_pcn_column_text (stmt, 2));
      a->supervisor = g_strdup (_pcn_column_text (stmt, 3));
      a->profession = g_strdup (_pcn_column_text (stmt, 4));
      a->minutes_per_week = sqlite3_column_int (stmt, 5);
      a->practice = g_strdup (_pcn_column_text (stmt, 6));
      a->from_date = g_strdup (_pcn_column_text (stmt, 7));
      a->to_date = g_strdup (_pcn_column_text (stmt, 8));
      g_ptr_array_add (list, a);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
pcn_store_list_supervisor_assignments (PcnStore  *self,
                                       gint64     staff_id,
                                       GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GPtrArray *list;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  list = list_assignments_locked (self, staff_id, error);
  if (!_pcn_store_finish (self, list != NULL, error))
    g_clear_pointer (&list, g_ptr_array_unref);
  return list;
}

/* ----------------------------------------------------------- sessions */

gboolean
pcn_store_log_supervision_sessions (PcnStore     *self,
                                    GPtrArray    *sessions,
                                    const GDate  *as_at,
                                    GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  GDate today;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (sessions != NULL, FALSE);

  today_or (as_at, &today);
  for (guint i = 0; i < sessions->len; i++)
    if (!pcn_supervision_session_validate (g_ptr_array_index (sessions, i), &today, error))
      return FALSE;

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  stmt = _pcn_store_prepare (self,
                             "INSERT INTO supervision_session (staff_id, date, kind, supervisor, minutes, is_group) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                             error);
  ok = stmt != NULL;
  for (guint i = 0; ok && i < sessions->len; i++)
    {
      PcnSupervisionSession *session = g_ptr_array_index (sessions, i);
      g_autofree char *supervisor = g_strstrip (g_strdup (session->supervisor));

      ok = staff_exists_locked (self, session->staff_id, error);
      if (!ok)
        break;
      sqlite3_bind_int64 (stmt, 1, session->staff_id);
      _pcn_bind_text (stmt, 2, session->date);
      _pcn_bind_text (stmt, 3, pcn_supervision_kind_to_string (session->kind));
      _pcn_bind_text (stmt, 4, supervisor);
      sqlite3_bind_int (stmt, 5, session->minutes);
      sqlite3_bind_int (stmt, 6, session->group ? 1 : 0);
      ok = _pcn_store_step_done (self, stmt, error);
      if (ok)
        session->id = sqlite3_last_insert_rowid (_pcn_store_get_db (self));
    }
  if (!_pcn_store_finish (self, ok, error))
    {
      for (guint i = 0; i < sessions->len; i++)
        ((PcnSupervisionSession *) g_ptr_array_index (sessions, i))->id = 0;
      return FALSE;
    }
  return TRUE;
}

gboolean
pcn_store_log_supervision (PcnStore               *self,
                           PcnSupervisionSession  *session,
                           const GDate            *as_at,
                           GError                **error)
{
  g_autoptr(GPtrArray) one = g_ptr_array_new ();

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  g_ptr_array_add (one, session);
  return pcn_store_log_supervision_sessions (self, one, as_at, error);
}

static GPtrArray *
list_sessions_locked (PcnStore  *self,
                      gint64     staff_id,
                      GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  stmt = _pcn_store_prepare (self,
                             "SELECT id, staff_id, date, kind, supervisor, minutes, is_group "
                             "FROM supervision_session WHERE ?1 < 0 OR staff_id = ?1 "
                             "ORDER BY date DESC, id DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_session_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnSupervisionSession *s = pcn_supervision_session_new ();

      s->id = sqlite3_column_int64 (stmt, 0);
      s->staff_id = sqlite3_column_int64 (stmt, 1);
      s->date = g_strdup (_pcn_column_text (stmt, 2));
      s->kind = kind_from_text (_pcn_column_text (stmt, 3));
      s->supervisor = g_strdup (_pcn_column_text (stmt, 4));
      s->minutes = sqlite3_column_int (stmt, 5);
      s->group = sqlite3_column_int (stmt, 6) != 0;
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
pcn_store_list_supervision_sessions (PcnStore  *self,
                                     gint64     staff_id,
                                     GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GPtrArray *list;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  list = list_sessions_locked (self, staff_id, error);
  if (!_pcn_store_finish (self, list != NULL, error))
    g_clear_pointer (&list, g_ptr_array_unref);
  return list;
}

/* ------------------------------------------------------------- status */

PcnSupervisionReport *
pcn_store_compute_supervision (PcnStore     *self,
                               const GDate  *as_at,
                               GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) reqs = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  gboolean ok;
  GDate today;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  today_or (as_at, &today);
  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  ok = (staff = _pcn_store_list_staff_locked (self, -1, error)) != NULL &&
       (reqs = list_requirements_locked (self, error)) != NULL &&
       (assignments = list_assignments_locked (self, -1, error)) != NULL &&
       (sessions = list_sessions_locked (self, -1, error)) != NULL;
  if (!_pcn_store_finish (self, ok, error))
    return NULL;
  g_clear_pointer (&locker, g_mutex_locker_free);

  return pcn_supervision_report_compute (staff, reqs, assignments, sessions, &today);
}

/* --------------------------------------------------------------- cost */

static gboolean
get_rate_locked (PcnStore  *self,
                 gint64    *out_pence,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *out_pence = -1;
  stmt = _pcn_store_prepare (self, "SELECT gp_hourly_pence FROM supervision_cost WHERE id = 1", error);
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out_pence = _pcn_column_int64_or (stmt, 0, -1);
  else if (rc != SQLITE_DONE)
    return _pcn_store_fail (self, rc, error);
  return TRUE;
}

gboolean
pcn_store_get_gp_hourly_rate (PcnStore  *self,
                              gint64    *out_pence,
                              GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  gint64 pence = -1;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_pence != NULL, FALSE);

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return FALSE;
  ok = get_rate_locked (self, &pence, error);
  if (!_pcn_store_finish (self, ok, error))
    return FALSE;
  *out_pence = pence;
  return TRUE;
}

gboolean
pcn_store_set_gp_hourly_rate (PcnStore  *self,
                              gint64     pence,
                              GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);

  if (pence < -1 || pence > 100000000)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The hourly cost of GP time must be between £0 and £1,000,000"));
      return FALSE;
    }

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  stmt = _pcn_store_prepare (self,
                             "INSERT INTO supervision_cost (id, gp_hourly_pence) VALUES (1, ?1) "
                             "ON CONFLICT (id) DO UPDATE SET gp_hourly_pence = excluded.gp_hourly_pence",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      _pcn_bind_int64_or_null (stmt, 1, pence);
      ok = _pcn_store_step_done (self, stmt, error);
    }
  return _pcn_store_finish (self, ok, error);
}

/* Assignments of people still in post on some day of the month. */
PcnSupervisionLoad *
pcn_store_compute_supervisor_load (PcnStore  *self,
                                   int        year,
                                   int        month,
                                   GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(GHashTable) gone = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  gint64 rate = -1;
  gboolean ok;
  GDate first;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  if (month < 1 || month > 12 || !g_date_valid_year (year))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID, _("%04d-%02d is not a month"), year, month);
      return NULL;
    }

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  ok = (staff = _pcn_store_list_staff_locked (self, -1, error)) != NULL &&
       (assignments = list_assignments_locked (self, -1, error)) != NULL &&
       (sessions = list_sessions_locked (self, -1, error)) != NULL &&
       get_rate_locked (self, &rate, error);
  if (!_pcn_store_finish (self, ok, error))
    return NULL;
  g_clear_pointer (&locker, g_mutex_locker_free);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);
  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      gint64 id = pcn_staff_get_id (s);

      if (pcn_staff_get_status (s, &first) == PCN_STAFF_STATUS_LEFT)
        g_hash_table_add (gone, g_memdup2 (&id, sizeof id));
    }
  for (guint i = assignments->len; i > 0; i--)
    {
      PcnSupervisorAssignment *a = g_ptr_array_index (assignments, i - 1);

      if (g_hash_table_contains (gone, &a->staff_id))
        g_ptr_array_remove_index (assignments, i - 1);
    }

  return pcn_supervision_load_compute (assignments, sessions, year, month, rate);
}

/* -------------------------------------------------------- integration */

gboolean
pcn_store_set_integration_answer (PcnStore                 *self,
                                  gint64                    staff_id,
                                  PcnIntegrationIndicator   indicator,
                                  PcnAnswer                 answer,
                                  GError                  **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  const char *sql;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);

  /* One static statement per column: nothing built at run time. */
  switch (indicator)
    {
    case PCN_INTEGRATION_SYSTEM_ACCESS:
      sql = "INSERT INTO integration_answer (staff_id, system_access) VALUES (?1, ?2) "
            "ON CONFLICT (staff_id) DO UPDATE SET system_access = excluded.system_access";
      break;
    case PCN_INTEGRATION_CLINICAL_MEETINGS:
      sql = "INSERT INTO integration_answer (staff_id, clinical_meetings) VALUES (?1, ?2) "
            "ON CONFLICT (staff_id) DO UPDATE SET clinical_meetings = excluded.clinical_meetings";
      break;
    case PCN_INTEGRATION_PEER_SUPPORT:
      sql = "INSERT INTO integration_answer (staff_id, peer_support) VALUES (?1, ?2) "
            "ON CONFLICT (staff_id) DO UPDATE SET peer_support = excluded.peer_support";
      break;
    case PCN_INTEGRATION_PROTECTED_CPD:
      sql = "INSERT INTO integration_answer (staff_id, protected_cpd) VALUES (?1, ?2) "
            "ON CONFLICT (staff_id) DO UPDATE SET protected_cpd = excluded.protected_cpd";
      break;
    case PCN_INTEGRATION_JOB_PLAN:
      sql = "INSERT INTO integration_answer (staff_id, job_plan) VALUES (?1, ?2) "
            "ON CONFLICT (staff_id) DO UPDATE SET job_plan = excluded.job_plan";
      break;
    case PCN_INTEGRATION_HOME_TEAM:
    case PCN_INTEGRATION_FEW_SITES:
    case PCN_INTEGRATION_NAMED_SUPERVISOR:
    case PCN_INTEGRATION_PROFESSION_PEERS:
    default:
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is worked out, not answered"),
                   (guint) indicator < PCN_INTEGRATION_N_INDICATORS
                   ? pcn_integration_indicator_to_string (indicator) : "?");
      return FALSE;
    }

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  ok = staff_exists_locked (self, staff_id, error);
  if (ok)
    {
      stmt = _pcn_store_prepare (self, sql, error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, staff_id);
      if (answer == PCN_ANSWER_UNKNOWN)
        sqlite3_bind_null (stmt, 2);
      else
        sqlite3_bind_int (stmt, 2, answer == PCN_ANSWER_YES ? 1 : 0);
      ok = _pcn_store_step_done (self, stmt, error);
    }
  return _pcn_store_finish (self, ok, error);
}

gboolean
pcn_store_set_home_team (PcnStore    *self,
                         gint64       staff_id,
                         const char  *home_team,
                         GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *text = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);

  text = home_team ? g_strstrip (g_strdup (home_team)) : NULL;
  if (text != NULL && *text == '\0')
    g_clear_pointer (&text, g_free);
  if (text != NULL && (!g_utf8_validate (text, -1, NULL) || g_utf8_strlen (text, -1) > 200))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The home team is longer than %d characters"), 200);
      return FALSE;
    }

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  ok = staff_exists_locked (self, staff_id, error);
  if (ok)
    {
      stmt = _pcn_store_prepare (self,
                                 "INSERT INTO integration_answer (staff_id, home_team) VALUES (?1, ?2) "
                                 "ON CONFLICT (staff_id) DO UPDATE SET home_team = excluded.home_team",
                                 error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, staff_id);
      _pcn_bind_text (stmt, 2, text);
      ok = _pcn_store_step_done (self, stmt, error);
    }
  return _pcn_store_finish (self, ok, error);
}

static void
bind_answer (sqlite3_stmt *stmt,
             int           idx,
             PcnAnswer     answer)
{
  if (answer == PCN_ANSWER_UNKNOWN)
    sqlite3_bind_null (stmt, idx);
  else
    sqlite3_bind_int (stmt, idx, answer == PCN_ANSWER_YES ? 1 : 0);
}

gboolean
pcn_store_set_integration_answers (PcnStore                     *self,
                                   const PcnIntegrationAnswers  *answers,
                                   GError                      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *team = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (answers != NULL, FALSE);

  team = answers->home_team ? g_strstrip (g_strdup (answers->home_team)) : NULL;
  if (team != NULL && *team == '\0')
    g_clear_pointer (&team, g_free);
  if (team != NULL && (!g_utf8_validate (team, -1, NULL) || g_utf8_strlen (team, -1) > 200))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The home team is longer than %d characters"), 200);
      return FALSE;
    }

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  ok = staff_exists_locked (self, answers->staff_id, error);
  if (ok)
    {
      stmt = _pcn_store_prepare (self,
                                 "INSERT INTO integration_answer (staff_id, home_team, system_access, "
                                 "clinical_meetings, peer_support, protected_cpd, job_plan) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                                 "ON CONFLICT (staff_id) DO UPDATE SET home_team = excluded.home_team, "
                                 "system_access = excluded.system_access, "
                                 "clinical_meetings = excluded.clinical_meetings, "
                                 "peer_support = excluded.peer_support, "
                                 "protected_cpd = excluded.protected_cpd, job_plan = excluded.job_plan",
                                 error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, answers->staff_id);
      _pcn_bind_text (stmt, 2, team);
      bind_answer (stmt, 3, answers->answers[PCN_INTEGRATION_SYSTEM_ACCESS]);
      bind_answer (stmt, 4, answers->answers[PCN_INTEGRATION_CLINICAL_MEETINGS]);
      bind_answer (stmt, 5, answers->answers[PCN_INTEGRATION_PEER_SUPPORT]);
      bind_answer (stmt, 6, answers->answers[PCN_INTEGRATION_PROTECTED_CPD]);
      bind_answer (stmt, 7, answers->answers[PCN_INTEGRATION_JOB_PLAN]);
      ok = _pcn_store_step_done (self, stmt, error);
    }
  return _pcn_store_finish (self, ok, error);
}

static PcnAnswer
column_answer (sqlite3_stmt *stmt,
               int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return PCN_ANSWER_UNKNOWN;
  return sqlite3_column_int (stmt, col) ? PCN_ANSWER_YES : PCN_ANSWER_NO;
}

static GPtrArray *
list_answers_locked (PcnStore  *self,
                     GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  int rc;

  stmt = _pcn_store_prepare (self,
                             "SELECT staff_id, home_team, system_access, clinical_meetings, peer_support, "
                             "protected_cpd, job_plan FROM integration_answer ORDER BY staff_id",
                             error);
  if (stmt == NULL)
    return NULL;
  list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_integration_answers_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnIntegrationAnswers *a = pcn_integration_answers_new (sqlite3_column_int64 (stmt, 0));

      a->home_team = g_strdup (_pcn_column_text (stmt, 1));
      a->answers[PCN_INTEGRATION_SYSTEM_ACCESS] = column_answer (stmt, 2);
      a->answers[PCN_INTEGRATION_CLINICAL_MEETINGS] = column_answer (stmt, 3);
      a->answers[PCN_INTEGRATION_PEER_SUPPORT] = column_answer (stmt, 4);
      a->answers[PCN_INTEGRATION_PROTECTED_CPD] = column_answer (stmt, 5);
      a->answers[PCN_INTEGRATION_JOB_PLAN] = column_answer (stmt, 6);
      g_ptr_array_add (list, a);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

GPtrArray *
pcn_store_list_integration_answers (PcnStore  *self,
                                    GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  GPtrArray *list;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  list = list_answers_locked (self, error);
  if (!_pcn_store_finish (self, list != NULL, error))
    g_clear_pointer (&list, g_ptr_array_unref);
  return list;
}

GPtrArray *
pcn_store_compute_integration (PcnStore     *self,
                               const GDate  *as_at,
                               GError      **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) assignments = NULL;
  gboolean ok;
  GDate today;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  today_or (as_at, &today);
  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  ok = (staff = _pcn_store_list_staff_locked (self, -1, error)) != NULL &&
       (answers = list_answers_locked (self, error)) != NULL &&
       (assignments = list_assignments_locked (self, -1, error)) != NULL;
  if (!_pcn_store_finish (self, ok, error))
    return NULL;
  g_clear_pointer (&locker, g_mutex_locker_free);

  return pcn_integration_check_compute (staff, answers, assignments, &today);
}

/* ----------------------------------------------------------- training */

GPtrArray *
pcn_store_list_training_items (PcnStore  *self,
                               gint64     staff_id,
                               GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gboolean ok;
  int rc;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  stmt = _pcn_store_prepare (self,
                             "SELECT id, staff_id, name, due_date, completed_on FROM training_item "
                             "WHERE ?1 < 0 OR staff_id = ?1 "
                             "ORDER BY staff_id, due_date IS NULL, due_date, id",
                             error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, staff_id);
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_training_item_free);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          PcnTrainingItem *item = pcn_training_item_new ();

          item->id = sqlite3_column_int64 (stmt, 0);
          item->staff_id = sqlite3_column_int64 (stmt, 1);
          item->name = g_strdup (_pcn_column_text (stmt, 2));
          item->due_date = g_strdup (_pcn_column_text (stmt, 3));
          item->completed_on = g_strdup (_pcn_column_text (stmt, 4));
          g_ptr_array_add (list, item);
        }
      if (rc != SQLITE_DONE)
        ok = _pcn_store_fail (self, rc, error);
    }
  if (!_pcn_store_finish (self, ok, error))
    return NULL;
  return g_steal_pointer (&list);
}

static gboolean
write_training_item (PcnStore         *self,
                     PcnTrainingItem  *item,
                     const GDate      *as_at,
                     gboolean          update,
                     GError          **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *name = NULL;
  GDate today;
  gboolean ok;

  today_or (as_at, &today);
  if (!pcn_training_item_validate (item, &today, error))
    return FALSE;
  name = g_strstrip (g_strdup (item->name));

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  ok = staff_exists_locked (self, item->staff_id, error);
  if (ok)
    {
      stmt = _pcn_store_prepare (self,
                                 update
                                 ? "UPDATE training_item SET staff_id = ?1, name = ?2, due_date = ?3, "
                                   "completed_on = ?4 WHERE id = ?5"
                                 : "INSERT INTO training_item (staff_id, name, due_date, completed_on) "
                                   "VALUES (?1, ?2, ?3, ?4)",
                                 error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, item->staff_id);
      _pcn_bind_text (stmt, 2, name);
      _pcn_bind_text (stmt, 3, item->due_date);
      _pcn_bind_text (stmt, 4, item->completed_on);
      if (update)
        sqlite3_bind_int64 (stmt, 5, item->id);
      ok = _pcn_store_step_done (self, stmt, error);
    }
  if (ok && update && sqlite3_changes (_pcn_store_get_db (self)) == 0)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                   _("There is no training item with id %" G_GINT64_FORMAT), item->id);
      ok = FALSE;
    }
  if (ok && !update)
    item->id = sqlite3_last_insert_rowid (_pcn_store_get_db (self));
  return _pcn_store_finish (self, ok, error);
}

gboolean
pcn_store_add_training_item (PcnStore         *self,
                             PcnTrainingItem  *item,
                             const GDate      *as_at,
                             GError          **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  return write_training_item (self, item, as_at, FALSE, error);
}

gboolean
pcn_store_update_training_item (PcnStore         *self,
                                PcnTrainingItem  *item,
                                const GDate      *as_at,
                                GError          **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL && item->id > 0, FALSE);

  return write_training_item (self, item, as_at, TRUE, error);
}

gboolean
pcn_store_delete_training_item (PcnStore  *self,
                                gint64     item_id,
                                GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  stmt = _pcn_store_prepare (self, "DELETE FROM training_item WHERE id = ?1", error);
  ok = stmt != NULL;
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, item_id);
      ok = _pcn_store_step_done (self, stmt, error);
    }
  if (ok && sqlite3_changes (_pcn_store_get_db (self)) == 0)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                   _("There is no training item with id %" G_GINT64_FORMAT), item_id);
      ok = FALSE;
    }
  return _pcn_store_finish (self, ok, error);
}
