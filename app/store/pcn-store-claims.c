/* pcn-store-claims.c — the monthly claim, claim months, payroll cost
 * import and back-pay
 *
 * The claim itself is core's (pcn_claim_compute()); this file loads what it
 * reads in the same read transaction as the month's state, stores the state
 * and a snapshot of every submitted line (004-claims.sql), and works out
 * back-pay from those snapshots against what is claimable now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pcn-store.h"
#include "pcn-store-internal.h"

#define MAX_PROBLEMS 100

/* ------------------------------------------------------------ values */

void
pcn_claim_snapshot_line_free (PcnClaimSnapshotLine *line)
{
  if (line == NULL)
    return;
  g_free (line->name);
  g_free (line->payroll_id);
  g_free (line->role_code);
  g_free (line->role_name);
  g_free (line->rate_effective_from);
  g_free (line);
}

void
pcn_claim_data_free (PcnClaimData *data)
{
  if (data == NULL)
    return;
  g_clear_object (&data->network);
  g_clear_pointer (&data->claim, pcn_claim_unref);
  g_clear_pointer (&data->state, pcn_claim_month_free);
  g_free (data);
}

/* ----------------------------------------------------------- helpers */

static int
financial_year_of_month (int year,
                         int month)
{
  return month >= 4 ? year : year - 1;
}

static gboolean
check_month (int      year,
             int      month,
             GError **error)
{
  if (year < 2000 || year > 2100 || month < 1 || month > 12)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("month: %04d-%02d is not a month this application handles"), year, month);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_year (int      year,
            GError **error)
{
  if (year < 2000 || year > 2100)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("year: %d is not a financial year this application handles"), year);
      return FALSE;
    }
  return TRUE;
}

static PcnLedgerData *
load_data_locked (PcnStore  *self,
                  int        financial_year,
                  GError   **error)
{
  g_autoptr(PcnLedgerData) data = g_new0 (PcnLedgerData, 1);

  pcn_ledger_input_init (&data->input, financial_year);
  data->computed_allocation_pence = -1;
  pcn_date_set_today (&data->as_at);
  if (!_pcn_store_load_ledger_data_locked (self, data, error))
    return NULL;
  return g_steal_pointer (&data);
}

static PcnClaim *
compute_claim_from (PcnLedgerData  *data,
                    int             year,
                    int             month,
                    gboolean        include_not_claimable,
                    GError        **error)
{
  PcnClaimInput input;

  pcn_claim_input_init (&input);
  input.area = data->input.area;
  input.on_costs = data->input.on_costs;
  input.rates = data->input.rates;
  input.rules = data->input.rules;
  input.roles = data->input.roles;
  input.staff = data->input.staff;
  input.actuals = data->input.actuals;
  input.include_not_claimable = include_not_claimable;
  return pcn_claim_compute (&input, year, month, error);
}

/* The month's row, or an open month with *out_id -1. */
static PcnClaimMonth *
get_claim_month_locked (PcnStore  *self,
                        int        year,
                        int        month,
                        gint64    *out_id,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(PcnClaimMonth) state = pcn_claim_month_new (year, month);
  int rc;

  if (out_id != NULL)
    *out_id = -1;
  stmt = _pcn_store_prepare (self,
                             "SELECT id, status, submitted_on, total_claim_pence, reopen_reason "
                             "FROM claim_month WHERE year = ?1 AND month = ?2",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      if (out_id != NULL)
        *out_id = sqlite3_column_int64 (stmt, 0);
      if (g_strcmp0 (_pcn_column_text (stmt, 1), "submitted") == 0)
        {
          state->status = PCN_CLAIM_STATUS_SUBMITTED;
          state->submitted_on = g_strdup (_pcn_column_text (stmt, 2));
          state->total_claim_pence = _pcn_column_int64_or (stmt, 3, 0);
        }
      state->reopen_reason = g_strdup (_pcn_column_text (stmt, 4));
    }
  else if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&state);
}

static GPtrArray *
list_claim_months_locked (PcnStore  *self,
                          int        financial_year,
                          gboolean   submitted_only,
                          GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) months =
    g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_claim_month_free);
  int rc;

  stmt = _pcn_store_prepare (self,
                             "SELECT year, month, status, submitted_on, total_claim_pence, "
                             "reopen_reason FROM claim_month "
                             "WHERE ((year = ?1 AND month >= 4) OR (year = ?1 + 1 AND month <= 3)) "
                             "AND (?2 = 0 OR status = 'submitted') "
                             "ORDER BY year, month",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, financial_year);
  sqlite3_bind_int (stmt, 2, submitted_only ? 1 : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnClaimMonth *state = pcn_claim_month_new (sqlite3_column_int (stmt, 0),
                                                  sqlite3_column_int (stmt, 1));

      if (g_strcmp0 (_pcn_column_text (stmt, 2), "submitted") == 0)
        {
          state->status = PCN_CLAIM_STATUS_SUBMITTED;
          state->submitted_on = g_strdup (_pcn_column_text (stmt, 3));
          state->total_claim_pence = _pcn_column_int64_or (stmt, 4, 0);
        }
      state->reopen_reason = g_strdup (_pcn_column_text (stmt, 5));
      g_ptr_array_add (months, state);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&months);
}

gboolean
_pcn_store_check_month_editable_locked (PcnStore  *self,
                                        int        year,
                                        int        month,
                                        GError   **error)
{
  g_autoptr(PcnClaimMonth) state = get_claim_month_locked (self, year, month, NULL, error);

  if (state == NULL)
    return FALSE;
  return pcn_claim_month_check_editable (state, error);
}

/* ------------------------------------------------------------ claims */

static PcnClaimData *
load_claim_locked (PcnStore  *self,
                   int        year,
                   int        month,
                   gboolean   include_not_claimable,
                   GError   **error)
{
  g_autoptr(PcnClaimData) result = g_new0 (PcnClaimData, 1);
  g_autoptr(PcnLedgerData) data = NULL;
  g_autoptr(GPtrArray) months = NULL;
  int fy = financial_year_of_month (year, month);

  data = load_data_locked (self, fy, error);
  if (data == NULL)
    return NULL;
  result->claim = compute_claim_from (data, year, month, include_not_claimable, error);
  if (result->claim == NULL)
    return NULL;
  result->state = get_claim_month_locked (self, year, month, NULL, error);
  if (result->state == NULL)
    return NULL;
  months = list_claim_months_locked (self, fy, TRUE, error);
  if (months == NULL)
    return NULL;
  result->network = g_object_ref (data->network);
  result->allocation_pence = data->input.allocation_pence;
  result->allocation_source = data->allocation_source;
  result->claimed_before_pence = pcn_claim_months_claimed_before (months, year, month);
  result->claimed_to_date_pence = pcn_claim_months_claimed_to_date (months, year, month);
  return g_steal_pointer (&result);
}

PcnClaimData *
pcn_store_load_claim (PcnStore  *self,
                      int        year,
                      int        month,
                      gboolean   include_not_claimable,
                      GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(PcnClaimData) result = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_month (year, month, error))
    return NULL;

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  result = load_claim_locked (self, year, month, include_not_claimable, error);
  if (!_pcn_store_finish (self, result != NULL, error))
    return NULL;
  return g_steal_pointer (&result);
}

PcnClaim *
pcn_store_compute_claim (PcnStore  *self,
                         int        year,
                         int        month,
                         gboolean   include_not_claimable,
                         GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(PcnLedgerData) data = NULL;
  g_autoptr(PcnClaim) claim = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_month (year, month, error))
    return NULL;

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  data = load_data_locked (self, financial_year_of_month (year, month), error);
  if (data != NULL)
    claim = compute_claim_from (data, year, month, include_not_claimable, error);
  if (!_pcn_store_finish (self, claim != NULL, error))
    return NULL;
  return g_steal_pointer (&claim);
}

PcnClaimMonth *
pcn_store_get_claim_month (PcnStore  *self,
                           int        year,
                           int        month,
                           GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(PcnClaimMonth) state = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_month (year, month, error))
    return NULL;

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  state = get_claim_month_locked (self, year, month, NULL, error);
  if (!_pcn_store_finish (self, state != NULL, error))
    return NULL;
  return g_steal_pointer (&state);
}

GPtrArray *
pcn_store_list_claim_months (PcnStore  *self,
                             int        year,
                             GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) months = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_year (year, error))
    return NULL;

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  months = list_claim_months_locked (self, year, FALSE, error);
  if (!_pcn_store_finish (self, months != NULL, error))
    return NULL;
  return g_steal_pointer (&months);
}

gint64
pcn_store_claimed_to_date (PcnStore  *self,
                           int        year,
                           int        month,
                           GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) months = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  if (!check_month (year, month, error))
    return -1;

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return -1;
  months = list_claim_months_locked (self, financial_year_of_month (year, month), TRUE, error);
  if (!_pcn_store_finish (self, months != NULL, error))
    return -1;
  return pcn_claim_months_claimed_before (months, year, month);
}

static gboolean
insert_snapshot_locked (PcnStore  *self,
                        gint64     claim_month_id,
                        PcnClaim  *claim,
                        GError   **error)
{
  g_autoptr(sqlite3_stmt) del = NULL;
  g_autoptr(sqlite3_stmt) ins = NULL;
  GPtrArray *lines = pcn_claim_get_lines (claim);

  del = _pcn_store_prepare (self, "DELETE FROM claim_line WHERE claim_month_id = ?1", error);
  if (del == NULL)
    return FALSE;
  sqlite3_bind_int64 (del, 1, claim_month_id);
  if (!_pcn_store_step_done (self, del, error))
    return FALSE;

  ins = _pcn_store_prepare (self,
                            "INSERT INTO claim_line (claim_month_id, position, staff_id, name, "
                            "payroll_id, role_code, role_name, wte_milli, days_in_post, "
                            "days_in_month, actual_pence, actual_is_estimate, annual_max_pence, "
                            "rate_effective_from, max_pence, share_percent, claim_pence) "
                            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
                            "?14, ?15, ?16, ?17)",
                            error);
  if (ins == NULL)
    return FALSE;
  for (guint i = 0; i < lines->len; i++)
    {
      PcnClaimLine *line = g_ptr_array_index (lines, i);
      gint64 staff_id = line->staff != NULL ? pcn_staff_get_id (line->staff) : -1;

      sqlite3_bind_int64 (ins, 1, claim_month_id);
      sqlite3_bind_int (ins, 2, (int) i);
      _pcn_bind_int64_or_null (ins, 3, staff_id > 0 ? staff_id : -1);
      _pcn_bind_text (ins, 4, line->name);
      _pcn_bind_text (ins, 5, line->payroll_id);
      _pcn_bind_text (ins, 6, line->role_code);
      _pcn_bind_text (ins, 7, line->role_name);
      sqlite3_bind_int (ins, 8, line->wte);
      sqlite3_bind_int (ins, 9, line->days_in_post);
      sqlite3_bind_int (ins, 10, line->days_in_month);
      sqlite3_bind_int64 (ins, 11, line->actual_pence);
      sqlite3_bind_int (ins, 12, line->actual_is_estimate ? 1 : 0);
      _pcn_bind_int64_or_null (ins, 13, line->annual_max_pence);
      _pcn_bind_text (ins, 14, line->rate != NULL ? pcn_rate_get_effective_from (line->rate)
                                                  : NULL);
      _pcn_bind_int64_or_null (ins, 15, line->max_pence);
      sqlite3_bind_int (ins, 16, line->share_percent);
      sqlite3_bind_int64 (ins, 17, line->claim_pence);
      if (!_pcn_store_step_done (self, ins, error))
        return FALSE;
      sqlite3_clear_bindings (ins);
    }
  return TRUE;
}

static gboolean
submit_claim_locked (PcnStore    *self,
                     int          year,
                     int          month,
                     const char  *iso_date,
                     GError     **error)
{
  g_autoptr(PcnClaimMonth) state = NULL;
  g_autoptr(PcnLedgerData) data = NULL;
  g_autoptr(PcnClaim) claim = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = -1;

  state = get_claim_month_locked (self, year, month, &id, error);
  if (state == NULL || !pcn_claim_month_check_editable (state, error))
    return FALSE;
  data = load_data_locked (self, financial_year_of_month (year, month), error);
  if (data == NULL)
    return FALSE;
  claim = compute_claim_from (data, year, month, FALSE, error);
  if (claim == NULL)
    return FALSE;
  if (!pcn_claim_month_submit (state, iso_date, pcn_claim_get_total_claim (claim), error))
    return FALSE;

  stmt = _pcn_store_prepare (self,
                             "INSERT INTO claim_month (year, month, status, submitted_on, "
                             "total_claim_pence) VALUES (?1, ?2, 'submitted', ?3, ?4) "
                             "ON CONFLICT (year, month) DO UPDATE SET status = 'submitted', "
                             "submitted_on = excluded.submitted_on, "
                             "total_claim_pence = excluded.total_claim_pence "
                             "RETURNING id",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  _pcn_bind_text (stmt, 3, state->submitted_on);
  sqlite3_bind_int64 (stmt, 4, state->total_claim_pence);
  {
    int rc = sqlite3_step (stmt);

    if (rc != SQLITE_ROW)
      return _pcn_store_fail (self, rc, error);
    id = sqlite3_column_int64 (stmt, 0);
    rc = sqlite3_step (stmt);
    if (rc != SQLITE_DONE)
      return _pcn_store_fail (self, rc, error);
  }
  return insert_snapshot_locked (self, id, claim, error);
}

gboolean
pcn_store_submit_claim (PcnStore    *self,
                        int          year,
                        int          month,
                        const char  *date,
                        GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *iso = NULL;
  GDate d;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_month (year, month, error))
    return FALSE;
  if (date == NULL)
    pcn_date_set_today (&d);
  else if (!pcn_date_parse (date, &d, error))
    {
      g_prefix_error (error, "date: ");
      return FALSE;
    }
  iso = pcn_date_to_iso (&d);

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, submit_claim_locked (self, year, month, iso, error), error);
}

static gboolean
reopen_claim_locked (PcnStore    *self,
                     int          year,
                     int          month,
                     const char  *reason,
                     GError     **error)
{
  g_autoptr(PcnClaimMonth) state = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = -1;

  state = get_claim_month_locked (self, year, month, &id, error);
  if (state == NULL || !pcn_claim_month_reopen (state, reason, error))
    return FALSE;
  stmt = _pcn_store_prepare (self,
                             "UPDATE claim_month SET status = 'open', submitted_on = NULL, "
                             "total_claim_pence = NULL, reopen_reason = ?2 WHERE id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  _pcn_bind_text (stmt, 2, reason);
  return _pcn_store_step_done (self, stmt, error);
}

gboolean
pcn_store_reopen_claim (PcnStore    *self,
                        int          year,
                        int          month,
                        const char  *reason,
                        GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_month (year, month, error))
    return FALSE;
  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*stripped == '\0')
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                   _("reason: say why the submitted claim is being reopened"));
      return FALSE;
    }

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, reopen_claim_locked (self, year, month, stripped, error),
                            error);
}

static GPtrArray *
list_snapshot_locked (PcnStore  *self,
                      int        year,
                      int        month,
                      GError   **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) lines =
    g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_claim_snapshot_line_free);
  int rc;

  stmt = _pcn_store_prepare (self,
                             "SELECT l.staff_id, l.name, l.payroll_id, l.role_code, l.role_name, "
                             "l.wte_milli, l.days_in_post, l.days_in_month, l.actual_pence, "
                             "l.actual_is_estimate, l.annual_max_pence, l.rate_effective_from, "
                             "l.max_pence, l.share_percent, l.claim_pence "
                             "FROM claim_line l JOIN claim_month m ON m.id = l.claim_month_id "
                             "WHERE m.year = ?1 AND m.month = ?2 ORDER BY l.position",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  sqlite3_bind_int (stmt, 2, month);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PcnClaimSnapshotLine *line = g_new0 (PcnClaimSnapshotLine, 1);

      line->staff_id = _pcn_column_int64_or (stmt, 0, -1);
      line->name = g_strdup (_pcn_column_text (stmt, 1));
      line->payroll_id = g_strdup (_pcn_column_text (stmt, 2));
      line->role_code = g_strdup (_pcn_column_text (stmt, 3));
      line->role_name = g_strdup (_pcn_column_text (stmt, 4));
      line->wte = sqlite3_column_int (stmt, 5);
      line->days_in_post = sqlite3_column_int (stmt, 6);
      line->days_in_month = sqlite3_column_int (stmt, 7);
      line->actual_pence = sqlite3_column_int64 (stmt, 8);
      line->actual_is_estimate = sqlite3_column_int (stmt, 9) != 0;
      line->annual_max_pence = _pcn_column_int64_or (stmt, 10, -1);
      line->rate_effective_from = g_strdup (_pcn_column_text (stmt, 11));
      line->max_pence = _pcn_column_int64_or (stmt, 12, -1);
      line->share_percent = sqlite3_column_int (stmt, 13);
      line->claim_pence = sqlite3_column_int64 (stmt, 14);
      g_ptr_array_add (lines, line);
    }
  if (rc != SQLITE_DONE)
    {
      _pcn_store_fail (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&lines);
}

GPtrArray *
pcn_store_list_claim_snapshot (PcnStore  *self,
                               int        year,
                               int        month,
                               GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(GPtrArray) lines = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_month (year, month, error))
    return NULL;

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  lines = list_snapshot_locked (self, year, month, error);
  if (!_pcn_store_finish (self, lines != NULL, error))
    return NULL;
  return g_steal_pointer (&lines);
}

/* ------------------------------------------------------ cost import */

typedef struct
{
  const char *display_name;
  GString    *problems;
  guint       n_problems;
  int         first_code;
} Problems;

G_GNUC_PRINTF (4, 5)
static void
add_problem (Problems   *p,
             guint       line,
             int         code,
             const char *format,
             ...)
{
  g_autofree char *what = NULL;
  va_list args;

  if (p->n_problems++ == 0)
    p->first_code = code;
  if (p->n_problems > MAX_PROBLEMS)
    return;
  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  if (p->problems->len > 0)
    g_string_append_c (p->problems, '\n');
  g_string_append_printf (p->problems, "%s:%u: %s", p->display_name, line, what);
}

static gboolean
import_costs_locked (PcnStore    *self,
                     GPtrArray   *rows,
                     const char  *display_name,
                     GError     **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GHashTable) by_payroll = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) by_name =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) month_states =
    g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) pcn_claim_month_free);
  g_autoptr(GPtrArray) matched = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  Problems p = { display_name, text, 0, 0 };

  staff = _pcn_store_list_staff_locked (self, -1, error);
  if (staff == NULL)
    return FALSE;
  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      const char *payroll_id = pcn_staff_get_payroll_id (s);
      char *key = g_utf8_casefold (pcn_staff_get_name (s), -1);
      GPtrArray *same;

      if (payroll_id != NULL)
        g_hash_table_insert (by_payroll, (gpointer) payroll_id, s);
      same = g_hash_table_lookup (by_name, key);
      if (same == NULL)
        {
          same = g_ptr_array_new ();
          g_hash_table_insert (by_name, key, same);
        }
      else
        g_free (key);
      g_ptr_array_add (same, s);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      PcnCostRow *row = g_ptr_array_index (rows, i);
      PcnStaff *who = NULL;
      g_autofree char *month_key = g_strdup_printf ("%04d-%02d", row->year, row->month);
      g_autofree char *seen_key = NULL;
      PcnClaimMonth *state;
      gpointer other;

      if (row->payroll_id != NULL)
        {
          who = g_hash_table_lookup (by_payroll, row->payroll_id);
          if (who == NULL)
            add_problem (&p, row->line, PCN_CORE_ERROR_UNKNOWN,
                         _("payroll_id: no staff member has the payroll ID “%s”"),
                         row->payroll_id);
          else if (row->name != NULL)
            {
              g_autofree char *a = g_utf8_casefold (row->name, -1);
              g_autofree char *b = g_utf8_casefold (pcn_staff_get_name (who), -1);

              if (!g_str_equal (a, b))
                {
                  add_problem (&p, row->line, PCN_CORE_ERROR_INVALID,
                               /* Translators: %1$s is a payroll ID, %2$s and %3$s names */
                               _("name: payroll ID “%1$s” is %2$s, not %3$s"),
                               row->payroll_id, pcn_staff_get_name (who), row->name);
                  who = NULL;
                }
            }
        }
      else
        {
          g_autofree char *key = g_utf8_casefold (row->name, -1);
          GPtrArray *same = g_hash_table_lookup (by_name, key);

          if (same == NULL)
            add_problem (&p, row->line, PCN_CORE_ERROR_UNKNOWN,
                         _("name: no staff member is called “%s”"), row->name);
          else if (same->len > 1)
            add_problem (&p, row->line, PCN_CORE_ERROR_DUPLICATE,
                         g_dngettext (GETTEXT_PACKAGE,
                                      "name: %u staff member is called “%s”: give a payroll_id",
                                      "name: %u staff members are called “%s”: give a payroll_id",
                                      same->len),
                         same->len, row->name);
          else
            who = g_ptr_array_index (same, 0);
        }

      state = g_hash_table_lookup (month_states, month_key);
      if (state == NULL)
        {
          state = get_claim_month_locked (self, row->year, row->month, NULL, error);
          if (state == NULL)
            return FALSE;
          g_hash_table_insert (month_states, g_strdup (month_key), state);
        }
      {
        g_autoptr(GError) locked = NULL;

        if (!pcn_claim_month_check_editable (state, &locked))
          add_problem (&p, row->line, PCN_CORE_ERROR_INVALID, "month: %s", locked->message);
      }

      if (who == NULL)
        continue;
      seen_key = g_strdup_printf ("%" G_GINT64_FORMAT " %s", pcn_staff_get_id (who), month_key);
      if (g_hash_table_lookup_extended (seen, seen_key, NULL, &other))
        {
          add_problem (&p, row->line, PCN_CORE_ERROR_DUPLICATE,
                       /* Translators: %1$s is a name, %2$s a month (2026-05), %3$u a line */
                       _("%1$s’s cost for %2$s is on line %3$u too"),
                       pcn_staff_get_name (who), month_key, GPOINTER_TO_UINT (other));
          continue;
        }
      g_hash_table_insert (seen, g_steal_pointer (&seen_key), GUINT_TO_POINTER (row->line));
      g_ptr_array_add (matched, who);
    }

  if (p.n_problems > 0)
    {
      if (p.n_problems > MAX_PROBLEMS)
        {
          guint more = p.n_problems - MAX_PROBLEMS;

          g_string_append_c (text, '\n');
          g_string_append_printf (text,
                                  g_dngettext (GETTEXT_PACKAGE,
                                               "… and %u more problem",
                                               "… and %u more problems",
                                               more),
                                  more);
        }
      g_set_error_literal (error, PCN_CORE_ERROR, p.first_code, text->str);
      return FALSE;
    }

  stmt = _pcn_store_prepare (self,
                             "INSERT INTO payroll_cost (staff_id, month, amount_pence) "
                             "VALUES (?1, ?2, ?3) ON CONFLICT (staff_id, month) "
                             "DO UPDATE SET amount_pence = excluded.amount_pence",
                             error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < rows->len; i++)
    {
      PcnCostRow *row = g_ptr_array_index (rows, i);
      PcnStaff *who = g_ptr_array_index (matched, i);
      g_autofree char *month_key = g_strdup_printf ("%04d-%02d", row->year, row->month);

      sqlite3_bind_int64 (stmt, 1, pcn_staff_get_id (who));
      _pcn_bind_text (stmt, 2, month_key);
      sqlite3_bind_int64 (stmt, 3, row->pence);
      if (!_pcn_store_step_done (self, stmt, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
pcn_store_import_costs (PcnStore    *self,
                        GPtrArray   *rows,
                        const char  *display_name,
                        GError     **error)
{
  g_autoptr(GMutexLocker) locker = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), FALSE);
  g_return_val_if_fail (rows != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (display_name == NULL)
    display_name = _pcn_store_get_display_name (self);

  for (guint i = 0; i < rows->len; i++)
    {
      PcnCostRow *row = g_ptr_array_index (rows, i);

      g_return_val_if_fail (row->payroll_id != NULL || row->name != NULL, FALSE);
      g_return_val_if_fail (row->month >= 1 && row->month <= 12 && row->pence >= 0, FALSE);
    }

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, TRUE, error))
    return FALSE;
  return _pcn_store_finish (self, import_costs_locked (self, rows, display_name, error), error);
}

/* ----------------------------------------------------------- back-pay */

static void
add_backpay_line (PcnBackpay                 *backpay,
                  const PcnClaimMonth        *state,
                  const PcnClaimLine         *now,
                  const PcnClaimSnapshotLine *then)
{
  PcnBackpayLine line = { 0 };

  g_assert (now != NULL || then != NULL);

  line.staff = now != NULL ? now->staff : NULL;
  line.name = now != NULL ? now->name : then->name;
  line.payroll_id = now != NULL ? now->payroll_id : then->payroll_id;
  line.role_code = now != NULL ? now->role_code : then->role_code;
  line.role_name = now != NULL ? now->role_name : then->role_name;
  line.year = state->year;
  line.month = state->month;
  line.wte = now != NULL ? now->wte : then->wte;
  line.days_in_post = now != NULL ? now->days_in_post : then->days_in_post;
  line.days_in_month = now != NULL ? now->days_in_month : then->days_in_month;
  line.old_annual_max_pence = then != NULL ? then->annual_max_pence : -1;
  line.new_annual_max_pence = now != NULL ? now->annual_max_pence : -1;
  line.claimed_pence = then != NULL ? then->claim_pence : 0;
  line.claimable_pence = now != NULL ? now->claim_pence : 0;
  line.difference_pence = line.claimable_pence - line.claimed_pence;
  pcn_backpay_add_line (backpay, &line);
}

static PcnBackpay *
compute_backpay_locked (PcnStore  *self,
                        int        year,
                        GError   **error)
{
  g_autoptr(PcnBackpay) backpay = pcn_backpay_new ();
  g_autoptr(PcnLedgerData) data = NULL;
  g_autoptr(GPtrArray) months = NULL;

  months = list_claim_months_locked (self, year, TRUE, error);
  if (months == NULL)
    return NULL;
  if (months->len == 0)
    return g_steal_pointer (&backpay);
  data = load_data_locked (self, year, error);
  if (data == NULL)
    return NULL;

  for (guint m = 0; m < months->len; m++)
    {
      const PcnClaimMonth *state = g_ptr_array_index (months, m);
      g_autoptr(GPtrArray) snapshot = NULL;
      g_autoptr(PcnClaim) claim = NULL;
      g_autoptr(GHashTable) then_by_staff = g_hash_table_new (g_int64_hash, g_int64_equal);
      g_autoptr(GHashTable) used = g_hash_table_new (NULL, NULL);
      GPtrArray *lines;

      snapshot = list_snapshot_locked (self, state->year, state->month, error);
      if (snapshot == NULL)
        return NULL;
      claim = compute_claim_from (data, state->year, state->month, FALSE, error);
      if (claim == NULL)
        return NULL;

      for (guint i = 0; i < snapshot->len; i++)
        {
          PcnClaimSnapshotLine *then = g_ptr_array_index (snapshot, i);

          if (then->staff_id > 0)
            g_hash_table_insert (then_by_staff, &then->staff_id, then);
        }

      lines = pcn_claim_get_lines (claim);
      for (guint i = 0; i < lines->len; i++)
        {
          PcnClaimLine *now = g_ptr_array_index (lines, i);
          gint64 id = now->staff != NULL ? pcn_staff_get_id (now->staff) : -1;
          PcnClaimSnapshotLine *then = g_hash_table_lookup (then_by_staff, &id);
          gint64 claimed = then != NULL ? then->claim_pence : 0;

          if (then != NULL)
            g_hash_table_add (used, then);
          if (now->claim_pence != claimed)
            add_backpay_line (backpay, state, now, then);
        }

      /* Claimed then, no longer in the claim now. */
      for (guint i = 0; i < snapshot->len; i++)
        {
          PcnClaimSnapshotLine *then = g_ptr_array_index (snapshot, i);

          if (!g_hash_table_contains (used, then) && then->claim_pence != 0)
            add_backpay_line (backpay, state, NULL, then);
        }
    }

  return g_steal_pointer (&backpay);
}

PcnBackpay *
pcn_store_compute_backpay (PcnStore  *self,
                           int        year,
                           GError   **error)
{
  g_autoptr(GMutexLocker) locker = NULL;
  g_autoptr(PcnBackpay) backpay = NULL;

  g_return_val_if_fail (PCN_IS_STORE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_year (year, error))
    return NULL;

  locker = g_mutex_locker_new (_pcn_store_get_mutex (self));
  if (!_pcn_store_begin (self, FALSE, error))
    return NULL;
  backpay = compute_backpay_locked (self, year, error);
  if (!_pcn_store_finish (self, backpay != NULL, error))
    return NULL;
  return g_steal_pointer (&backpay);
}
