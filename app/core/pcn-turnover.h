/* pcn-turnover.h — staff turnover and vacancies
 *
 * Turnover over the 12 months to a date:
 *
 *   period    = the day after the same date a year earlier, to the date
 *               (as at 31 March 2025: 1 April 2024 to 31 March 2025)
 *   headcount = people in post on a day: started on or before it, and with
 *               no end date or an end date (last day in post) on or after it
 *   leavers   = people whose last day in post falls in the period
 *   turnover  = leavers ÷ average headcount, where the average headcount is
 *               (headcount on the first day + headcount on the last day) ÷ 2
 *
 * (the usual NHS "leavers over average staff in post" measure, in head
 * count rather than WTE, because NWRS reports leavers by person).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-post.h"
#include "pcn-staff.h"
#include "pcn-types.h"

G_BEGIN_DECLS

typedef struct
{
  char *role_code;        /* NULL for everyone */
  int   leavers;
  int   headcount_start;
  int   headcount_end;
  /* leavers ÷ average headcount in basis points (10000 = 100%), rounded
   * half up; -1 when the average headcount is 0. */
  int   rate_bp;
} PcnTurnover;

void       pcn_turnover_free      (PcnTurnover *turnover);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnTurnover, pcn_turnover_free)

/* The first day of the 12 months ending on @as_at. */
void       pcn_turnover_period    (const GDate *as_at,
                                   GDate       *out_start);

/* Turnover of @staff (PcnStaff) over the 12 months to @as_at: element 0 is
 * everyone, then one per role that had anyone in post or leaving, by role
 * code (element-type PcnTurnover) (transfer full). Staff with no valid
 * start date are left out. */
GPtrArray *pcn_turnover_compute   (GPtrArray   *staff,
                                   const GDate *as_at);

/* A post whose holder left and that is not yet filled again. */
typedef struct
{
  gint64   post_id;
  char    *post_name;
  char    *role_code;
  int      wte;
  char    *vacant_since;     /* ISO: the first day without a holder */
  int      days_vacant;      /* to @as_at inclusive */
  int      months_vacant;    /* whole calendar months */
  /* What the PCN could have reclaimed for the vacant days and did not: the
   * pro-rata maximum × WTE for each month of the vacancy (ARRS share
   * applied when rules are given). */
  gint64   underspend_pence;
  gboolean no_rate;          /* some vacant month had no rate known */
} PcnVacancy;

void       pcn_vacancy_free       (PcnVacancy *vacancy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnVacancy, pcn_vacancy_free)

/* Vacancies among @posts (PcnPost) as at @as_at: posts with a vacant-since
 * date on or before @as_at that are neither in post nor withdrawn, oldest
 * vacancy first. @rates (PcnRate) give the maxima for @area; @rules
 * (PcnRule, may be NULL) the ARRS share. (element-type PcnVacancy)
 * (transfer full) */
GPtrArray *pcn_vacancies_compute  (GPtrArray   *posts,
                                   GPtrArray   *rates,
                                   GPtrArray   *rules,
                                   PcnArea      area,
                                   const GDate *as_at);

G_END_DECLS
