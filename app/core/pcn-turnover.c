/* pcn-turnover.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pcn-ledger.h"
#include "pcn-reference.h"
#include "pcn-rules.h"
#include "pcn-turnover.h"
#include "pcn-values.h"

void
pcn_turnover_free (PcnTurnover *turnover)
{
  if (turnover == NULL)
    return;
  g_free (turnover->role_code);
  g_free (turnover);
}

void
pcn_turnover_period (const GDate *as_at,
                     GDate       *out_start)
{
  g_return_if_fail (as_at != NULL && g_date_valid (as_at));
  g_return_if_fail (out_start != NULL);

  *out_start = *as_at;
  g_date_subtract_years (out_start, 1);
  g_date_add_days (out_start, 1);
}

static PcnTurnover *
turnover_new (const char *role_code)
{
  PcnTurnover *t = g_new0 (PcnTurnover, 1);

  t->role_code = g_strdup (role_code);
  return t;
}

static void
turnover_finish (PcnTurnover *t)
{
  int sum = t->headcount_start + t->headcount_end;

  /* leavers ÷ ((start + end) ÷ 2) = 2 × leavers ÷ (start + end) */
  t->rate_bp = sum > 0 ? (int) (((gint64) t->leavers * 20000 + sum / 2) / sum) : -1;
}

static int
compare_turnover (gconstpointer a,
                  gconstpointer b)
{
  const PcnTurnover *x = *(PcnTurnover *const *) a;
  const PcnTurnover *y = *(PcnTurnover *const *) b;

  return g_strcmp0 (x->role_code, y->role_code);
}

GPtrArray *
pcn_turnover_compute (GPtrArray   *staff,
                      const GDate *as_at)
{
  g_autoptr(GPtrArray) out = NULL;
  g_autoptr(GHashTable) by_role = NULL;
  g_autoptr(GPtrArray) roles = NULL;
  PcnTurnover *all;
  GDate period_start;

  g_return_val_if_fail (staff != NULL, NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  pcn_turnover_period (as_at, &period_start);
  out = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_turnover_free);
  roles = g_ptr_array_new ();
  by_role = g_hash_table_new (g_str_hash, g_str_equal);
  all = turnover_new (NULL);
  g_ptr_array_add (out, all);

  for (guint i = 0; i < staff->len; i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);
      const char *role = pcn_staff_get_role_code (s);
      gboolean has_end, in_at_start, in_at_end, left;
      PcnTurnover *t;
      GDate start, end;

      if (!pcn_date_from_iso (pcn_staff_get_start_date (s), &start))
        continue;
      has_end = pcn_date_from_iso (pcn_staff_get_end_date (s), &end);

      in_at_start = g_date_compare (&start, &period_start) <= 0 &&
                    (!has_end || g_date_compare (&end, &period_start) >= 0);
      in_at_end = g_date_compare (&start, as_at) <= 0 &&
                  (!has_end || g_date_compare (&end, as_at) >= 0);
      left = has_end && g_date_compare (&end, &period_start) >= 0 &&
             g_date_compare (&end, as_at) <= 0 && g_date_compare (&start, &end) <= 0;
      if (!in_at_start && !in_at_end && !left)
        continue;

      if (role == NULL)
        role = "";
      t = g_hash_table_lookup (by_role, role);
      if (t == NULL)
        {
          t = turnover_new (role);
          g_hash_table_insert (by_role, t->role_code, t);
          g_ptr_array_add (roles, t);
        }

      all->headcount_start += in_at_start;
      all->headcount_end += in_at_end;
      all->leavers += left;
      t->headcount_start += in_at_start;
      t->headcount_end += in_at_end;
      t->leavers += left;
    }

  g_ptr_array_sort (roles, compare_turnover);
  for (guint i = 0; i < roles->len; i++)
    g_ptr_array_add (out, g_ptr_array_index (roles, i));
  for (guint i = 0; i < out->len; i++)
    turnover_finish (g_ptr_array_index (out, i));
  return g_steal_pointer (&out);
}

/* Vacancies */

void
pcn_vacancy_free (PcnVacancy *vacancy)
{
  if (vacancy == NULL)
    return;
  g_free (vacancy->post_name);
  g_free (vacancy->role_code);
  g_free (vacancy->vacant_since);
  g_free (vacancy);
}

static int
compare_vacancy (gconstpointer a,
                 gconstpointer b)
{
  const PcnVacancy *x = *(PcnVacancy *const *) a;
  const PcnVacancy *y = *(PcnVacancy *const *) b;
  int c = g_strcmp0 (x->vacant_since, y->vacant_since);

  return c != 0 ? c : (x->post_id < y->post_id ? -1 : x->post_id > y->post_id);
}

/* Whole calendar months from @from to @to inclusive: 1 Jan → 31 Jan is
 * one, 11 Jan → 31 Mar two (and 20 days). A month is complete when the
 * same day of the next month is reached by the day after @to. */
static int
whole_months (const GDate *from,
              const GDate *to)
{
  GDate after = *to;
  GDate next = *from;
  int months;

  g_date_add_days (&after, 1);
  months = (g_date_get_year (&after) - g_date_get_year (from)) * 12 +
           ((int) g_date_get_month (&after) - (int) g_date_get_month (from));
  if (months <= 0)
    return 0;
  g_date_add_months (&next, months);
  if (g_date_compare (&next, &after) > 0)
    months--;
  return months;
}

static void
vacancy_underspend (PcnVacancy  *v,
                    const char  *role_code,
                    GPtrArray   *rates,
                    GPtrArray   *rules,
                    PcnArea      area,
                    const GDate *since,
                    const GDate *as_at)
{
  GDate month_first;
  guint32 from_j = g_date_get_julian (since);
  guint32 to_j = g_date_get_julian (as_at);

  g_date_clear (&month_first, 1);
  g_date_set_dmy (&month_first, 1, g_date_get_month (since), g_date_get_year (since));

  while (g_date_get_julian (&month_first) <= to_j)
    {
      int dim = g_date_get_days_in_month (g_date_get_month (&month_first),
                                          g_date_get_year (&month_first));
      guint32 first = g_date_get_julian (&month_first);
      guint32 lo = MAX (first, from_j);
      guint32 hi = MIN (first + dim - 1, to_j);
      PcnRate *rate = pcn_rates_find (rates, role_code, area, &month_first);
      int share = rules ? pcn_rules_arrs_share_percent (rules, role_code, &month_first, NULL)
                        : 100;

      if (rate == NULL && lo != first)
        {
          GDate d;
          g_date_clear (&d, 1);
          g_date_set_julian (&d, lo);
          rate = pcn_rates_find (rates, role_code, area, &d);
        }
      if (rate == NULL)
        v->no_rate = TRUE;
      else
        v->underspend_pence +=
          pcn_apply_share (pcn_pro_rata_max (pcn_rate_get_annual (rate), v->wte,
                                             (int) (hi - lo + 1), dim), share);
      g_date_add_months (&month_first, 1);
    }
}

GPtrArray *
pcn_vacancies_compute (GPtrArray   *posts,
                       GPtrArray   *rates,
                       GPtrArray   *rules,
                       PcnArea      area,
                       const GDate *as_at)
{
  g_autoptr(GPtrArray) out = NULL;

  g_return_val_if_fail (posts != NULL, NULL);
  g_return_val_if_fail (rates != NULL, NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_vacancy_free);
  for (guint i = 0; i < posts->len; i++)
    {
      PcnPost *post = g_ptr_array_index (posts, i);
      PcnPostStatus status = pcn_post_get_status (post);
      PcnVacancy *v;
      GDate since;

      if (status == PCN_POST_STATUS_IN_POST || status == PCN_POST_STATUS_WITHDRAWN)
        continue;
      if (!pcn_date_from_iso (pcn_post_get_vacant_since (post), &since) ||
          g_date_compare (&since, as_at) > 0)
        continue;

      v = g_new0 (PcnVacancy, 1);
      v->post_id = pcn_post_get_id (post);
      v->post_name = pcn_post_dup_display_name (post);
      v->role_code = g_strdup (pcn_post_get_role_code (post));
      v->wte = pcn_post_get_wte (post);
      v->vacant_since = g_strdup (pcn_post_get_vacant_since (post));
      v->days_vacant = g_date_days_between (&since, as_at) + 1;
      v->months_vacant = whole_months (&since, as_at);
      if (v->role_code != NULL)
        vacancy_underspend (v, v->role_code, rates, rules, area, &since, as_at);
      g_ptr_array_add (out, v);
    }
  g_ptr_array_sort (out, compare_vacancy);
  return g_steal_pointer (&out);
}
