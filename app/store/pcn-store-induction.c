/* pcn-store-induction.c — induction templates and issued checklists
 *
 * Issuing. A person gets checklists once they are stored with a start date
 * and at least one host practice, have not left (no end date) and are a
 * starter when recorded: their start date is no more than six months before
 * the real date (PCN_INDUCTION_WINDOW_MONTHS), so importing a settled team
 * issues nothing for people who joined years ago (and stays fast). The
 * public pcn_store_issue_induction() issues whatever the start date. The
 * PCN-level list (the template's items for every role plus those for
 * their role), one list per host practice, and an employer list when
 * employment is subcontracted. Subcontracted means the staff record names
 * an employer that is neither the PCN (its name) nor one of the member
 * practices (the lead practice is a member), compared case-insensitively.
 * Issuing runs on every staff write (add, import, update) and adds only the
 * lists a person does not have yet, so a host practice added later gets its
 * list and nothing already issued changes. A list is never withdrawn: a
 * practice dropped later keeps its (historical) list. When the templates
 * are first loaded into a database that already has staff (an upgrade from
 * schema 4), everyone who qualifies is issued their lists.
 *
 * Templates. The shipped rows come from induction-templates.json (in the
 * store resource) and are refreshed by the file's version: rows nobody has
 * edited are updated, new ones are appended, vanished ones are dropped; a
 * row a user edited or removed (a tombstone) is left alone. Positions are
 * dense (0 … n−1) among the live rows of each checklist.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "pcn-store-internal.h"

#define TEMPLATES_RESOURCE "/org/pcnworkforce/PcnWorkforce/store/data/induction-templates.json"

#define LOCK(self) g_autoptr(GMutexLocker) locker G_GNUC_UNUSED = g_mutex_locker_new (_pcn_store_get_mutex (self))

static gboolean
query_int (PcnStore    *self,
           const char  *sql,
           gint64       param,
           gint64      *out,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = _pcn_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *out = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    return _pcn_store_fail (self, rc, error);
  return TRUE;
}

/* --------------------------------------------------------------- issuing */

static gboolean
same_name (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  g_strstrip (fa);
  g_strstrip (fb);
  return g_str_equal (fa, fb);
}

static gboolean
employer_is_subcontractor (PcnStore    *self,
                           const char  *employer,
                           gboolean    *out_result,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *out_result = FALSE;
  if (employer == NULL)
    return TRUE;
  while (g_ascii_isspace (*employer))
    employer++;
  if (*employer == '\0')
    return TRUE;

  stmt = _pcn_store_prepare (self,
                             "SELECT name FROM pcn UNION ALL SELECT name FROM practice",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (same_name (_pcn_column_text (stmt, 0), employer))
      return TRUE;
  if (rc != SQLITE_DONE)
    return _pcn_store_fail (self, rc, error);
  *out_result = TRUE;
  return TRUE;
}

/* Issues one list of @kind (practice lists: @practice_id) unless it exists. */
static gboolean
issue_list (PcnStore          *self,
            gint64             staff_id,
            const char        *role_code,
            PcnChecklistKind   kind,
            gint64             practice_id,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) items = NULL;
  gint64 checklist_id;

  insert = _pcn_store_prepare (self,
                               "INSERT INTO induction_checklist (staff_id, kind, practice_id, issued_on) "
                               "VALUES (?1, ?2, ?3, date ('now')) "
                               "ON CONFLICT DO NOTHING",
                               error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_int64 (insert, 1, staff_id);
  _pcn_bind_text (insert, 2, pcn_checklist_kind_to_string (kind));
  _pcn_bind_int64_or_null (insert, 3, practice_id > 0 ? practice_id : -1);
  if (!_pcn_store_step_done (self, insert, error))
    return FALSE;
  if (sqlite3_changes (_pcn_store_get_db (self)) == 0)
    return TRUE;  /* already issued */
  checklist_id = sqlite3_last_insert_rowid (_pcn_store_get_db (self));

  items = _pcn_store_prepare (self,
                              "INSERT INTO induction_item "
                              "  (checklist_id, template_id, section, text, owner, due, position) "
                              "SELECT ?1, id, section, text, owner, due, "
                              "       row_number () OVER (ORDER BY position, id) - 1 "
                              "FROM induction_template "
                              "WHERE checklist = ?2 AND removed = 0 "
                              "  AND (role_code IS NULL OR role_code = ?3)",
                              error);
  if (items == NULL)
    return FALSE;
  sqlite3_bind_int64 (items, 1, checklist_id);
  _pcn_bind_text (items, 2, pcn_checklist_kind_to_string (kind));
  _pcn_bind_text (items, 3, role_code);
  return _pcn_store_step_done (self, items, error);
}

/* @any_start: issue whatever the start date, else only to someone starting
 * no more than six months before today. */
static gboolean
issue_for_id (PcnStore  *self,
              gint64     staff_id,
              gboolean   any_start,
              GError   **error)
{
  g_autoptr(sqlite3_stmt) who = NULL;
  g_autoptr(sqlite3_stmt) where = NULL;
  g_autoptr(GArray) practice_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *role_code = NULL;
  g_autofree char *employer = NULL;
  gboolean subcontracted = FALSE;
  int rc;

  who = _pcn_store_prepare (self,
                            "SELECT role_code, start_date, end_date, employer FROM staff WHERE id = ?1",
                            error);
  if (who == NULL)
    return FALSE;
  sqlite3_bind_int64 (who, 1, staff_id);
  rc = sqlite3_step (who);
  if (rc == SQLITE_DONE)
    return TRUE;
  if (rc != SQLITE_ROW)
    return _pcn_store_fail (self, rc, error);
  if (sqlite3_column_type (who, 1) == SQLITE_NULL || sqlite3_column_type (who, 2) != SQLITE_NULL)
    return TRUE;  /* no start date, or already left */
  if (!any_start)
    {
      GDate start, window_start;

      pcn_date_set_today (&window_start);
      g_date_subtract_months (&window_start, PCN_INDUCTION_WINDOW_MONTHS);
      if (!pcn_date_from_iso (_pcn_column_text (who, 1), &start) ||
          g_date_compare (&start, &window_start) < 0)
        return TRUE;  /* settled staff: no induction */
    }
  role_code = g_strdup (_pcn_column_text (who, 0));
  employer = g_strdup (_pcn_column_text (who, 3));

  where = _pcn_store_prepare (self,
                              "SELECT practice_id FROM staff_practice WHERE staff_id = ?1 "
                              "ORDER BY position, id",
                              error);
  if (where == NULL)
    return FALSE;
  sqlite3_bind_int64 (where, 1, staff_id);
  while ((rc = sqlite3_step (where)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (where, 0);
      g_array_append_val (practice_ids, id);
    }
  if (rc != SQLITE_DONE)
    return _pcn_store_fail (self, rc, error);
  if (practice_ids->len == 0)
    return TRUE;

  if (!issue_list (self, staff_id, role_code, PCN_CHECKLIST_PCN, 0, error))
    return FALSE;
  for (guint i = 0; i < practice_ids->len; i++)
    if (!issue_list (self, staff_id, role_code, PCN_CHECKLIST_PRACTICE,
                     g_array_index (practice_ids, gint64, i), error))
      return FALSE;
  if (!employer_is_subcontractor (self, employer, &subcontracted, error))
    return FALSE;
  if (subcontracted &&
      !issue_list (self, staff_id, role_code, PCN_CHECKLIST_EMPLOYER, 0, error))
    return FALSE;
  return TRUE;
}

gboolean
_pcn_store_issue_induction_locked (PcnStore  *self,
                                   PcnStaff  *staff,
                                   GError   **error)
{
  gint64 version = 0;

  g_assert (PCN_IS_STORE (self));
  g_assert (PCN_IS_STAFF (staff));

  /* A file opened at an older schema (tests making old files) has no
   * induction tables yet; the upgrade issues the lists. */
  if (!query_int (self, "PRAGMA user_version", 0, &version, error))
    return FALSE;
  if (version < 5)
    return TRUE;
  return issue_for_id (self, pcn_staff_get_id (staff), FALSE, error);
}

gboolean
pcn_store_issue_induction (PcnStore  *self,
                           gint64     staff_id,
                           GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);

  LOCK (self);
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, issue_for_id (self, staff_id, TRUE, error), error);
}

static gboolean
issue_for_everyone (PcnStore  *self,
                    GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = _pcn_store_prepare (self, "SELECT id FROM staff ORDER BY id", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    return _pcn_store_fail (self, rc, error);
  for (guint i = 0; i < ids->len; i++)
    if (!issue_for_id (self, g_array_index (ids, gint64, i), FALSE, error))
      return FALSE;
  return TRUE;
}

/* ----------------------------------------------------- template refresh */

gboolean
_pcn_store_refresh_induction_templates_locked (PcnStore  *self,
                                               GError   **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) shipped = NULL;
  g_autoptr(sqlite3_stmt) find = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) update = NULL;
  g_autoptr(sqlite3_stmt) keys = NULL;
  g_autoptr(sqlite3_stmt) drop = NULL;
  g_autoptr(sqlite3_stmt) meta = NULL;
  g_autoptr(GHashTable) shipped_keys = g_hash_table_new (g_str_hash, g_str_equal);
  gint64 stored = 0;
  int version = 0;
  int rc;

  bytes = g_resources_lookup_data (TEMPLATES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                   _("The application’s built-in induction templates are missing: %s"),
                   local_error->message);
      return FALSE;
    }
  shipped = pcn_induction_templates_parse (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                           &version, &local_error);
  if (shipped == NULL)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_REFERENCE,
                   _("The built-in induction templates could not be loaded: %s"), local_error->message);
      return FALSE;
    }

  if (!query_int (self, "SELECT CAST (value AS INTEGER) FROM meta WHERE key = 'induction_templates_version'",
                  0, &stored, error))
    return FALSE;
  if (version <= stored)
    return TRUE;

  find = _pcn_store_prepare (self, "SELECT id, edited, removed FROM induction_template WHERE key = ?1", error);
  insert = find ? _pcn_store_prepare (self,
                                      "INSERT INTO induction_template (key, checklist, role_code, section, text, "
                                      "  owner, due, position, source, origin) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                      "  CASE WHEN ?9 THEN ?8 ELSE (SELECT IFNULL (MAX (position) + 1, 0) "
                                      "    FROM induction_template WHERE checklist = ?2 AND removed = 0) END, "
                                      "  ?10, 'shipped')",
                                      error) : NULL;
  update = insert ? _pcn_store_prepare (self,
                                        "UPDATE induction_template SET role_code = ?2, section = ?3, text = ?4, "
                                        "  owner = ?5, due = ?6, source = ?7 WHERE id = ?1",
                                        error) : NULL;
  if (update == NULL)
    return FALSE;

  for (guint i = 0; i < shipped->len; i++)
    {
      PcnInductionTemplateItem *t = g_ptr_array_index (shipped, i);

      g_hash_table_add (shipped_keys, t->key);
      sqlite3_reset (find);
      _pcn_bind_text (find, 1, t->key);
      rc = sqlite3_step (find);
      if (rc == SQLITE_DONE)
        {
          _pcn_bind_text (insert, 1, t->key);
          _pcn_bind_text (insert, 2, pcn_checklist_kind_to_string (t->checklist));
          _pcn_bind_text (insert, 3, t->role_code);
          _pcn_bind_text (insert, 4, t->section);
          _pcn_bind_text (insert, 5, t->text);
          _pcn_bind_text (insert, 6, pcn_induction_owner_to_string (t->owner));
          _pcn_bind_text (insert, 7, pcn_induction_due_to_string (t->due));
          sqlite3_bind_int (insert, 8, t->position);
          sqlite3_bind_int (insert, 9, stored == 0);
          _pcn_bind_text (insert, 10, t->source);
          if (!_pcn_store_step_done (self, insert, error))
            return FALSE;
        }
      else if (rc == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (find, 0);

          if (sqlite3_column_int (find, 1) != 0 || sqlite3_column_int (find, 2) != 0)
            continue;  /* a user's edit or removal stands */
          sqlite3_bind_int64 (update, 1, id);
          _pcn_bind_text (update, 2, t->role_code);
          _pcn_bind_text (update, 3, t->section);
          _pcn_bind_text (update, 4, t->text);
          _pcn_bind_text (update, 5, pcn_induction_owner_to_string (t->owner));
          _pcn_bind_text (update, 6, pcn_induction_due_to_string (t->due));
          _pcn_bind_text (update, 7, t->source);
          if (!_pcn_store_step_done (self, update, error))
            return FALSE;
        }
      else
        return _pcn_store_fail (self, rc, error);
    }
  sqlite3_reset (find);

  /* Shipped rows no longer shipped, and untouched by users, go. */
  keys = _pcn_store_prepare (self,
                             "SELECT id, key FROM induction_template "
                             "WHERE origin = 'shipped' AND edited = 0 AND removed = 0",
                             error);
  drop = keys ? _pcn_store_prepare (self, "DELETE FROM induction_template WHERE id = ?1", error) : NULL;
  if (drop == NULL)
    return FALSE;
  {
    g_autoptr(GArray) gone = g_array_new (FALSE, FALSE, sizeof (gint64));

    while ((rc = sqlite3_step (keys)) == SQLITE_ROW)
      if (!g_hash_table_contains (shipped_keys, _pcn_column_text (keys, 1)))
        {
          gint64 id = sqlite3_column_int64 (keys, 0);
          g_array_append_val (gone, id);
        }
    if (rc != SQLITE_DONE)
      return _pcn_store_fail (self, rc, error);
    for (guint i = 0; i < gone->len; i++)
      {
        sqlite3_bind_int64 (drop, 1, g_array_index (gone, gint64, i));
        if (!_pcn_store_step_done (self, drop, error))
          return FALSE;
      }
    if (gone->len > 0)
      {
        /* Close the gaps: renumber every live row of each checklist. */
        g_autoptr(sqlite3_stmt) renumber = NULL;

        renumber = _pcn_store_prepare (self,
                                       "UPDATE induction_template SET position = r.n FROM "
                                       "  (SELECT id, row_number () OVER (PARTITION BY checklist "
                                       "     ORDER BY position, id) - 1 AS n "
                                       "   FROM induction_template WHERE removed = 0) AS r "
                                       "WHERE induction_template.id = r.id "
                                       "  AND induction_template.position <> r.n",
                                       error);
        if (renumber == NULL || !_pcn_store_step_done (self, renumber, error))
          return FALSE;
      }
  }

  meta = _pcn_store_prepare (self,
                             "INSERT INTO meta (key, value) VALUES ('induction_templates_version', ?1) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             error);
  if (meta == NULL)
    return FALSE;
  sqlite3_bind_int64 (meta, 1, version);
  if (!_pcn_store_step_done (self, meta, error))
    return FALSE;

  /* First load into a database with staff (an upgrade): issue their lists. */
  if (stored == 0)
    return issue_for_everyone (self, error);
  return TRUE;
}

/* ----------------------------------------------------------- issued items */

#define ITEM_SELECT \
  "SELECT i.id, c.staff_id, s.name, c.id, c.kind, p.name, i.section, i.text, i.owner, " \
  "       i.due, i.position, i.status, i.done_by, i.done_on, i.na_reason, i.note, s.start_date " \
  "FROM induction_item i " \
  "JOIN induction_checklist c ON c.id = i.checklist_id " \
  "JOIN staff s ON s.id = c.staff_id " \
  "LEFT JOIN practice p ON p.id = c.practice_id "

#define ITEM_ORDER \
  " ORDER BY s.name COLLATE NOCASE, s.id, " \
  "  CASE c.kind WHEN 'pcn' THEN 0 WHEN 'practice' THEN 1 ELSE 2 END, c.id, i.position, i.id"

static PcnInductionItem *
item_from_row (sqlite3_stmt *stmt)
{
  PcnInductionItem *item = pcn_induction_item_new ();
  GDate start;

  item->id = sqlite3_column_int64 (stmt, 0);
  item->staff_id = sqlite3_column_int64 (stmt, 1);
  item->staff_name = g_strdup (_pcn_column_text (stmt, 2));
  item->checklist_id = sqlite3_column_int64 (stmt, 3);
  pcn_checklist_kind_parse (_pcn_column_text (stmt, 4), &item->checklist, NULL);
  item->practice = g_strdup (_pcn_column_text (stmt, 5));
  item->section = g_strdup (_pcn_column_text (stmt, 6));
  item->text = g_strdup (_pcn_column_text (stmt, 7));
  pcn_induction_owner_parse (_pcn_column_text (stmt, 8), &item->owner, NULL);
  pcn_induction_due_parse (_pcn_column_text (stmt, 9), &item->due_offset, NULL);
  item->position = sqlite3_column_int (stmt, 10);
  pcn_induction_status_parse (_pcn_column_text (stmt, 11), &item->status, NULL);
  item->done_by = g_strdup (_pcn_column_text (stmt, 12));
  item->done_on = g_strdup (_pcn_column_text (stmt, 13));
  item->na_reason = g_strdup (_pcn_column_text (stmt, 14));
  item->note = g_strdup (_pcn_column_text (stmt, 15));
  if (pcn_date_from_iso (_pcn_column_text (stmt, 16), &start))
    pcn_induction_item_set_start (item, &start);
  return item;
}

/* @min_start (ISO, may be NULL): only people who started on or after it. */
static GPtrArray *
list_items_locked (PcnStore    *self,
                   gint64       staff_id,
                   const char  *practice,
                   const char  *min_start,
                   GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = NULL;
  int rc;

  stmt = _pcn_store_prepare (self,
                             ITEM_SELECT
                             "WHERE (?1 < 0 OR c.staff_id = ?1) "
                             "  AND (?2 IS NULL OR (c.kind = 'practice' AND p.name = ?2 COLLATE NOCASE)) "
                             "  AND (?3 IS NULL OR s.start_date >= ?3)"
                             ITEM_ORDER,
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  _pcn_bind_text (stmt, 2, practice);
  _pcn_bind_text (stmt, 3, min_start);

  items = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

GPtrArray *
pcn_store_list_induction_items (PcnStore    *self,
                                gint64       staff_id,
                                const char  *practice,
                                GError     **error)
{
  GPtrArray *items;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  LOCK (self);
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  items = list_items_locked (self, staff_id, practice, NULL, error);
  if (!_pcn_store_finish (self, items != NULL, error))
    {
      g_clear_pointer (&items, g_ptr_array_unref);
      return NULL;
    }
  return items;
}

static PcnInductionItem *
get_item_locked (PcnStore  *self,
                 gint64     item_id,
                 GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _pcn_store_prepare (self, ITEM_SELECT "WHERE i.id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return item_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                 _("There is no induction item %" G_GINT64_FORMAT), item_id);
  else
    _pcn_store_fail (self, rc, error);
  return NULL;
}

static gboolean
get_start_locked (PcnStore  *self,
                  gint64     staff_id,
                  GDate     *out_start,
                  GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _pcn_store_prepare (self, "SELECT start_date FROM staff WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _pcn_store_fail (self, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
  if (!pcn_date_from_iso (_pcn_column_text (stmt, 0), out_start))
    {
      g_set_error_literal (error, PCN_STORE_ERROR, PCN_STORE_ERROR_CORRUPT,
                           _("A start date in the database is not a date"));
      return FALSE;
    }
  return TRUE;
}

static gboolean
set_note_locked (PcnStore    *self,
                 gint64       item_id,
                 const char  *note,
                 GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (note != NULL && (g_utf8_strlen (note, -1) > 2000 || !g_utf8_validate (note, -1, NULL)))
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                           _("The note is longer than 2,000 characters"));
      return FALSE;
    }
  stmt = _pcn_store_prepare (self, "UPDATE induction_item SET note = ?1 WHERE id = ?2", error);
  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, note != NULL && *note != '\0' ? note : NULL);
  sqlite3_bind_int64 (stmt, 2, item_id);
  return _pcn_store_step_done (self, stmt, error);
}

static PcnInductionItem *
tick_locked (PcnStore     *self,
             gint64        staff_id,
             gint64        item_id,
             const char   *by,
             const char   *date,
             const char   *na_reason,
             const char   *note,
             const GDate  *as_at,
             GError      **error)
{
  g_autoptr(PcnInductionItem) item = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *iso = NULL;
  g_autofree char *by_clean = NULL;
  g_autofree char *reason_clean = NULL;
  GDate start, on;

  item = get_item_locked (self, item_id, error);
  if (item == NULL)
    return NULL;
  if (staff_id > 0 && item->staff_id != staff_id)
    {
      g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                   _("Item %" G_GINT64_FORMAT " is not on this person’s checklists (it is %s’s)"),
                   item_id, item->staff_name);
      return NULL;
    }
  if (!get_start_locked (self, item->staff_id, &start, error))
    return NULL;
  if (date == NULL)
    on = *as_at;
  else if (!pcn_date_parse (date, &on, error))
    {
      g_prefix_error (error, _("date: "));
      return NULL;
    }
  by_clean = by ? g_strstrip (g_strdup (by)) : NULL;
  reason_clean = na_reason ? g_strstrip (g_strdup (na_reason)) : NULL;
  if (!pcn_induction_item_validate_tick (item, &start, by_clean, &on, reason_clean, as_at, error))
    return NULL;

  iso = pcn_date_to_iso (&on);
  stmt = _pcn_store_prepare (self,
                             "UPDATE induction_item SET status = ?1, done_by = ?2, done_on = ?3, "
                             "  na_reason = ?4 WHERE id = ?5 AND status = 'open'",
                             error);
  if (stmt == NULL)
    return NULL;
  _pcn_bind_text (stmt, 1, reason_clean != NULL ? "na" : "done");
  _pcn_bind_text (stmt, 2, by_clean);
  _pcn_bind_text (stmt, 3, iso);
  _pcn_bind_text (stmt, 4, reason_clean);
  sqlite3_bind_int64 (stmt, 5, item_id);
  if (!_pcn_store_step_done (self, stmt, error))
    return NULL;
  if (note != NULL && !set_note_locked (self, item_id, note, error))
    return NULL;
  return get_item_locked (self, item_id, error);
}

PcnInductionItem *
pcn_store_tick_induction_item (PcnStore     *self,
                               gint64        staff_id,
                               gint64        item_id,
                               const char   *by,
                               const char   *date,
                               const char   *na_reason,
                               const char   *note,
                               const GDate  *as_at,
                               GError      **error)
{
  PcnInductionItem *item;
  GDate today;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (as_at == NULL || g_date_valid (as_at), NULL);

  if (as_at == NULL)
    {
      pcn_date_set_today (&today);
      as_at = &today;
    }

  LOCK (self);
  if (!_pcn_store_begin (self, TRUE, error))
    return NULL;
  item = tick_locked (self, staff_id, item_id, by, date, na_reason, note, as_at, error);
  if (!_pcn_store_finish (self, item != NULL, error))
    {
      g_clear_pointer (&item, pcn_induction_item_free);
      return NULL;
    }
  return item;
}

static PcnInductionItem *
reopen_locked (PcnStore  *self,
               gint64     item_id,
               GError   **error)
{
  g_autoptr(PcnInductionItem) item = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  item = get_item_locked (self, item_id, error);
  if (item == NULL)
    return NULL;
  if (item->status == PCN_INDUCTION_STATUS_OPEN)
    return g_steal_pointer (&item);
  stmt = _pcn_store_prepare (self,
                             "UPDATE induction_item SET status = 'open', done_by = NULL, done_on = NULL, "
                             "  na_reason = NULL WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, item_id);
  if (!_pcn_store_step_done (self, stmt, error))
    return NULL;
  return get_item_locked (self, item_id, error);
}

PcnInductionItem *
pcn_store_reopen_induction_item (PcnStore  *self,
                                 gint64     item_id,
                                 GError   **error)
{
  PcnInductionItem *item;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  LOCK (self);
  if (!_pcn_store_begin (self, TRUE, error))
    return NULL;
  item = reopen_locked (self, item_id, error);
  if (!_pcn_store_finish (self, item != NULL, error))
    {
      g_clear_pointer (&item, pcn_induction_item_free);
      return NULL;
    }
  return item;
}

static gboolean
note_locked (PcnStore    *self,
             gint64       item_id,
             const char  *note,
             GError     **error)
{
  g_autoptr(PcnInductionItem) item = get_item_locked (self, item_id, error);

  return item != NULL && set_note_locked (self, item_id, note, error);
}

gboolean
pcn_store_set_induction_note (PcnStore    *self,
                              gint64       item_id,
                              const char  *note,
                              GError     **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);

  LOCK (self);
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, note_locked (self, item_id, note, error), error);
}

/* ------------------------------------------------------------- progress */

static int
compare_starters (gconstpointer a,
                  gconstpointer b)
{
  PcnInductionStarter *sa = *(PcnInductionStarter * const *) a;
  PcnInductionStarter *sb = *(PcnInductionStarter * const *) b;
  int c = g_strcmp0 (pcn_staff_get_start_date (sa->staff), pcn_staff_get_start_date (sb->staff));

  if (c != 0)
    return c;
  c = g_utf8_collate (pcn_staff_get_name (sa->staff), pcn_staff_get_name (sb->staff));
  if (c != 0)
    return c;
  return pcn_staff_get_id (sa->staff) < pcn_staff_get_id (sb->staff) ? -1 : 1;
}

static GPtrArray *
progress_locked (PcnStore     *self,
                 const GDate  *as_at,
                 const char   *practice,
                 GError      **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) starters = NULL;
  g_autoptr(GHashTable) by_staff = NULL;
  g_autofree char *min_start = NULL;
  GDate earliest = *as_at;

  /* A cheap bound in SQL (a month to spare); the exact test is in core. */
  g_date_subtract_months (&earliest, PCN_INDUCTION_WINDOW_MONTHS + 1);
  min_start = pcn_date_to_iso (&earliest);

  staff = _pcn_store_list_staff_locked (self, -1, error);
  if (staff == NULL)
    return NULL;
  items = list_items_locked (self, -1, practice, min_start, error);
  if (items == NULL)
    return NULL;

  by_staff = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < items->len; i++)
    {
      PcnInductionItem *item = g_ptr_array_index (items, i);
      GPtrArray *list = g_hash_table_lookup (by_staff, &item->staff_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_staff, g_memdup2 (&item->staff_id, sizeof (gint64)), list);
        }
      g_ptr_array_add (list, item);
    }

  starters = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_starter_free);
  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      gint64 id = pcn_staff_get_id (s);
      GPtrArray *list = g_hash_table_lookup (by_staff, &id);
      PcnInductionStarter *starter;

      if (list == NULL || !pcn_induction_is_starter (s, as_at))
        continue;
      starter = g_new0 (PcnInductionStarter, 1);
      starter->staff = g_object_ref (s);
      starter->checklists = pcn_induction_progress_compute (list, as_at);
      g_ptr_array_add (starters, starter);
    }
  g_ptr_array_sort (starters, compare_starters);
  return g_steal_pointer (&starters);
}

GPtrArray *
pcn_store_induction_progress (PcnStore     *self,
                              const GDate  *as_at,
                              const char   *practice,
                              GError      **error)
{
  GPtrArray *result;
  GDate today;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (as_at == NULL || g_date_valid (as_at), NULL);

  if (as_at == NULL)
    {
      pcn_date_set_today (&today);
      as_at = &today;
    }

  LOCK (self);
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  result = progress_locked (self, as_at, practice, error);
  if (!_pcn_store_finish (self, result != NULL, error))
    {
      g_clear_pointer (&result, g_ptr_array_unref);
      return NULL;
    }
  return result;
}

/* ------------------------------------------------------------ templates */

#define TEMPLATE_SELECT \
  "SELECT id, key, checklist, role_code, section, text, owner, due, position, source, edited " \
  "FROM induction_template "

static PcnInductionTemplateItem *
template_from_row (sqlite3_stmt *stmt)
{
  PcnInductionTemplateItem *t = pcn_induction_template_item_new ();

  t->id = sqlite3_column_int64 (stmt, 0);
  t->key = g_strdup (_pcn_column_text (stmt, 1));
  pcn_checklist_kind_parse (_pcn_column_text (stmt, 2), &t->checklist, NULL);
  t->role_code = g_strdup (_pcn_column_text (stmt, 3));
  t->section = g_strdup (_pcn_column_text (stmt, 4));
  t->text = g_strdup (_pcn_column_text (stmt, 5));
  pcn_induction_owner_parse (_pcn_column_text (stmt, 6), &t->owner, NULL);
  pcn_induction_due_parse (_pcn_column_text (stmt, 7), &t->due, NULL);
  t->position = sqlite3_column_int (stmt, 8);
  t->source = g_strdup (_pcn_column_text (stmt, 9));
  t->edited = sqlite3_column_int (stmt, 10) != 0;
  return t;
}

static GPtrArray *
list_templates_locked (PcnStore  *self,
                       GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) result = NULL;
  int rc;

  stmt = _pcn_store_prepare (self,
                             TEMPLATE_SELECT "WHERE removed = 0 ORDER BY "
                             "CASE checklist WHEN 'pcn' THEN 0 WHEN 'practice' THEN 1 ELSE 2 END, "
                             "position, id",
                             error);
  if (stmt == NULL)
    return NULL;
  result = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_induction_template_item_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (result, template_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&result);
}

GPtrArray *
pcn_store_list_induction_templates (PcnStore  *self,
                                    GError   **error)
{
  GPtrArray *result;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);

  LOCK (self);
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  result = list_templates_locked (self, error);
  if (!_pcn_store_finish (self, result != NULL, error))
    {
      g_clear_pointer (&result, g_ptr_array_unref);
      return NULL;
    }
  return result;
}

static PcnInductionTemplateItem *
get_template_locked (PcnStore  *self,
                     gint64     id,
                     GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _pcn_store_prepare (self, TEMPLATE_SELECT "WHERE id = ?1 AND removed = 0", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return template_from_row (stmt);
  if (rc == SQLITE_DONE)
    g_set_error (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NOT_FOUND,
                 _("There is no induction template item %" G_GINT64_FORMAT), id);
  else
    _pcn_store_fail (self, rc, error);
  return NULL;
}

static gboolean
count_live (PcnStore          *self,
            PcnChecklistKind   kind,
            gint64            *out,
            GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = _pcn_store_prepare (self,
                             "SELECT COUNT (*) FROM induction_template WHERE checklist = ?1 AND removed = 0",
                             error);
  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, pcn_checklist_kind_to_string (kind));
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return _pcn_store_fail (self, rc, error);
  *out = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Adds @delta to the position of the live rows of @kind in [@from, @to]. */
static gboolean
shift_positions (PcnStore          *self,
                 PcnChecklistKind   kind,
                 gint64             from,
                 gint64             to,
                 int                delta,
                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = _pcn_store_prepare (self,
                             "UPDATE induction_template SET position = position + ?4 "
                             "WHERE checklist = ?1 AND removed = 0 AND position >= ?2 AND position <= ?3",
                             error);
  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, pcn_checklist_kind_to_string (kind));
  sqlite3_bind_int64 (stmt, 2, from);
  sqlite3_bind_int64 (stmt, 3, to);
  sqlite3_bind_int (stmt, 4, delta);
  return _pcn_store_step_done (self, stmt, error);
}

static gboolean
validate_template (PcnStore                  *self,
                   PcnInductionTemplateItem  *item,
                   GError                   **error)
{
  g_autoptr(GPtrArray) roles = NULL;
  const char *field = NULL;
  PcnRole *role;

  roles = _pcn_store_list_roles_locked (self, error);
  if (roles == NULL)
    return FALSE;
  if (!pcn_induction_template_item_validate (item, roles, &field, error))
    {
      if (field != NULL)
        g_prefix_error (error, "%s: ", field);
      return FALSE;
    }
  if (item->role_code != NULL)
    {
      role = pcn_roles_find (roles, item->role_code);
      g_free (item->role_code);
      item->role_code = g_strdup (pcn_role_get_code (role));
    }
  return TRUE;
}

static gboolean
add_template_locked (PcnStore                  *self,
                     PcnInductionTemplateItem  *item,
                     GError                   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n = 0, pos;

  if (!validate_template (self, item, error) ||
      !count_live (self, item->checklist, &n, error))
    return FALSE;
  pos = item->position < 0 || item->position > n ? n : item->position;
  if (!shift_positions (self, item->checklist, pos, G_MAXINT64, 1, error))
    return FALSE;

  stmt = _pcn_store_prepare (self,
                             "INSERT INTO induction_template (checklist, role_code, section, text, owner, "
                             "  due, position, source, origin) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'user')",
                             error);
  if (stmt == NULL)
    return FALSE;
  _pcn_bind_text (stmt, 1, pcn_checklist_kind_to_string (item->checklist));
  _pcn_bind_text (stmt, 2, item->role_code);
  _pcn_bind_text (stmt, 3, g_strstrip (item->section));
  _pcn_bind_text (stmt, 4, g_strstrip (item->text));
  _pcn_bind_text (stmt, 5, pcn_induction_owner_to_string (item->owner));
  _pcn_bind_text (stmt, 6, pcn_induction_due_to_string (item->due));
  sqlite3_bind_int64 (stmt, 7, pos);
  _pcn_bind_text (stmt, 8, item->source);
  if (!_pcn_store_step_done (self, stmt, error))
    return FALSE;
  item->id = sqlite3_last_insert_rowid (_pcn_store_get_db (self));
  item->position = (int) pos;
  g_clear_pointer (&item->key, g_free);
  item->edited = FALSE;
  return TRUE;
}

gboolean
pcn_store_add_induction_template (PcnStore                  *self,
                                  PcnInductionTemplateItem  *item,
                                  GError                   **error)
{
  gboolean ok;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  LOCK (self);
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  ok = add_template_locked (self, item, error);
  if (!_pcn_store_finish (self, ok, error))
    {
      if (ok)
        item->id = 0;
      return FALSE;
    }
  return TRUE;
}

static gboolean
update_template_locked (PcnStore                  *self,
                        PcnInductionTemplateItem  *item,
                        GError                   **error)
{
  g_autoptr(PcnInductionTemplateItem) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stored = get_template_locked (self, item->id, error);
  if (stored == NULL)
    return FALSE;
  /* An item stays on its checklist: remove it and add a new one to move it. */
  item->checklist = stored->checklist;
  if (!validate_template (self, item, error))
    return FALSE;

  stmt = _pcn_store_prepare (self,
                             "UPDATE induction_template SET role_code = ?2, section = ?3, text = ?4, "
                             "  owner = ?5, due = ?6, edited = (origin = 'shipped') WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, item->id);
  _pcn_bind_text (stmt, 2, item->role_code);
  _pcn_bind_text (stmt, 3, g_strstrip (item->section));
  _pcn_bind_text (stmt, 4, g_strstrip (item->text));
  _pcn_bind_text (stmt, 5, pcn_induction_owner_to_string (item->owner));
  _pcn_bind_text (stmt, 6, pcn_induction_due_to_string (item->due));
  if (!_pcn_store_step_done (self, stmt, error))
    return FALSE;
  item->edited = stored->key != NULL;
  item->position = stored->position;
  return TRUE;
}

gboolean
pcn_store_update_induction_template (PcnStore                  *self,
                                     PcnInductionTemplateItem  *item,
                                     GError                   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (item != NULL, FALSE);

  LOCK (self);
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, update_template_locked (self, item, error), error);
}

static gboolean
remove_template_locked (PcnStore  *self,
                        gint64     id,
                        GError   **error)
{
  g_autoptr(PcnInductionTemplateItem) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stored = get_template_locked (self, id, error);
  if (stored == NULL)
    return FALSE;
  /* A shipped row stays as a tombstone so a refresh does not bring it back. */
  stmt = _pcn_store_prepare (self,
                             stored->key != NULL
                             ? "UPDATE induction_template SET removed = 1, edited = 1 WHERE id = ?1"
                             : "DELETE FROM induction_template WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!_pcn_store_step_done (self, stmt, error))
    return FALSE;
  return shift_positions (self, stored->checklist, stored->position + 1, G_MAXINT64, -1, error);
}

gboolean
pcn_store_remove_induction_template (PcnStore  *self,
                                     gint64     id,
                                     GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);

  LOCK (self);
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, remove_template_locked (self, id, error), error);
}

static gboolean
move_template_locked (PcnStore  *self,
                      gint64     id,
                      int        position,
                      GError   **error)
{
  g_autoptr(PcnInductionTemplateItem) stored = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 n = 0, to;

  stored = get_template_locked (self, id, error);
  if (stored == NULL || !count_live (self, stored->checklist, &n, error))
    return FALSE;
  to = CLAMP ((gint64) position, 0, n - 1);
  if (to == stored->position)
    return TRUE;
  if (to < stored->position)
    {
      if (!shift_positions (self, stored->checklist, to, stored->position - 1, 1, error))
        return FALSE;
    }
  else if (!shift_positions (self, stored->checklist, stored->position + 1, to, -1, error))
    return FALSE;

  stmt = _pcn_store_prepare (self, "UPDATE induction_template SET position = ?2 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, to);
  return _pcn_store_step_done (self, stmt, error);
}

gboolean
pcn_store_move_induction_template (PcnStore  *self,
                                   gint64     id,
                                   int        position,
                                   GError   **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);

  LOCK (self);
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, move_template_locked (self, id, position, error), error);
}

static gboolean
set_due_locked (PcnStore         *self,
                gint64            id,
                PcnInductionDue   due,
                GError          **error)
{
  g_autoptr(PcnInductionTemplateItem) stored = get_template_locked (self, id, error);

  if (stored == NULL)
    return FALSE;
  stored->due = due;
  return update_template_locked (self, stored, error);
}

gboolean
pcn_store_set_induction_template_due (PcnStore         *self,
                                      gint64            id,
                                      PcnInductionDue   due,
                                      GError          **error)
{
  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail ((guint) due < PCN_INDUCTION_N_DUES, FALSE);

  LOCK (self);
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, set_due_locked (self, id, due, error), error);
}
