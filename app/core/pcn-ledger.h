/* pcn-ledger.h — the year's ARRS budget ledger
 *
 * For a financial year (April to March) the ledger adds up, month by month,
 * what the PCN can reclaim for the staff in post and what its planned posts
 * will cost, against the year's ARRS allocation, and runs the rule checks.
 *
 * Money is integer pence throughout; every division rounds to the nearest
 * penny, half up, with integer arithmetic (no floating point).
 *
 * A person's reimbursable amount for month M:
 *
 *   days     = days in post in M: from max(start, 1st) to min(end, last)
 *              inclusive (the role's date of entry into the scheme counts
 *              as a start date)
 *   cost     = the payroll figure for M where one is given, else
 *              salary × (1 + employer NI % + employer pension %)
 *                     × days / days in M / 12
 *              (else, with no salary either, the maximum below)
 *   maximum  = annual maximum in force × WTE × days / days in M / 12, where
 *              the annual maximum is the role's rate for the PCN's area in
 *              force on the 1st of M (or on the first day in post, when
 *              none is in force on the 1st)
 *   claim    = min (cost, maximum) × ARRS share (100%, or the
 *              funding_share rule's figure: mental health practitioners
 *              before April 2024 50%)
 *
 * With no rate known the claim is 0 and the line is flagged. A planned post
 * counts the same way from its expected start, with its expected annual
 * cost (pay plus on-costs) in place of the salary and on-costs, or the
 * role's maximum when no cost is given.
 *
 * The checks (PcnCheck, errors first), each naming its rule and the year:
 *   - eligibility:<ROLE>:available_from (error): counted before the role
 *     entered the scheme; nothing is counted before that date;
 *   - cap:… (error): more people in the role than the cap in force, counted
 *     over staff and planned posts on the last day of each month (when the
 *     NWRS extract is taken); the latest starters beyond the cap are named;
 *     a later rule supersedes an earlier one (pcn_rules_find());
 *   - funding_share:… (warning): the ARRS pays only part of the cost;
 *   - prior_employment:… (error): flagged as employed by the PCN or a
 *     member practice in the 12 months before starting, in a role and year
 *     the rule covers; nothing is counted;
 *   - allocation (error): the forecast is over the allocation;
 *   - rate:<ROLE> (warning): in post with no rate known.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-post.h"
#include "pcn-rules.h"
#include "pcn-staff.h"
#include "pcn-types.h"

G_BEGIN_DECLS

#define PCN_LEDGER_MONTHS 12

/* Employer on-costs as basis points of salary (1380 = 13.80%). The sources
 * say not to hard-code them (employer NI rose in April 2025, the NHS
 * employer pension rate changed in 2024): the caller supplies the year's
 * figures. The defaults are the last figures the sources quote (2022:
 * employer NI 13.8%, NHS pension 14.38%); the UI shows them as editable
 * starting values, never as facts. */
typedef struct
{
  int employer_ni_bp;
  int employer_pension_bp;
} PcnOnCosts;

#define PCN_ON_COSTS_DEFAULT_NI_BP      1380
#define PCN_ON_COSTS_DEFAULT_PENSION_BP 1438

void      pcn_on_costs_init_default (PcnOnCosts *on_costs);

/* An actual monthly employment cost from payroll (pay plus employer NI and
 * pension), which replaces the estimate for that person and month. */
typedef struct
{
  gint64 staff_id;
  int    month_index;   /* 0 = April … 11 = March */
  gint64 pence;
} PcnActualCost;

/* Everything the ledger reads. The arrays are borrowed, never changed. */
typedef struct
{
  int         year;               /* financial year: 2024 is 2024/25 */
  PcnArea     area;               /* the PCN's London weighting area */
  gint64      list_size;          /* the PCN's list size, for the caps */
  gint64      allocation_pence;   /* the year's ARRS allocation; -1 unknown */
  PcnOnCosts  on_costs;
  GPtrArray  *rates;              /* PcnRate */
  GPtrArray  *rules;              /* PcnRule; may be NULL */
  GPtrArray  *roles;              /* PcnRole; may be NULL (no eligibility) */
  GPtrArray  *staff;              /* PcnStaff; may be NULL */
  GPtrArray  *posts;              /* PcnPost; may be NULL */
  GArray     *actuals;            /* PcnActualCost; may be NULL */
  /* What-if pay uplift: basis points added to salaries and expected costs
   * (not to payroll figures, not above the maxima) from this month on. */
  int         uplift_bp;
  int         uplift_from_month;  /* 0 = April … 11 = March */
} PcnLedgerInput;

/* Zeroes @input and sets the year, national area, unknown allocation and
 * the default on-costs. */
void      pcn_ledger_input_init     (PcnLedgerInput *input,
                                     int             year);

/* Month arithmetic */

/* The calendar year and month (1–12) of month @month_index of financial
 * year @year: index 0 is April of @year, 11 is March of @year + 1. */
void      pcn_ledger_month_date     (int          year,
                                     int          month_index,
                                     int         *out_year,
                                     int         *out_month);

/* Days from max(@start, 1st) to min(@end, last day) of the month,
 * inclusive, or 0. @start and @end may be NULL or invalid (open). */
int       pcn_days_in_post          (int          year,
                                     int          month_index,
                                     const GDate *start,
                                     const GDate *end,
                                     int         *out_days_in_month);

/* annual_max × wte/1000 × days/days_in_month / 12, to the penny, half up. */
gint64    pcn_pro_rata_max          (gint64       annual_max_pence,
                                     int          wte_milli,
                                     int          days,
                                     int          days_in_month);

/* salary × (1 + on-costs) × (1 + uplift) × days/days_in_month / 12, to the
 * penny, half up. @uplift_bp is 0 for none. */
gint64    pcn_cost_estimate         (gint64            annual_salary_pence,
                                     const PcnOnCosts *on_costs,
                                     int               uplift_bp,
                                     int               days,
                                     int               days_in_month);

/* @pence × @percent / 100, half up. */
gint64    pcn_apply_share           (gint64       pence,
                                     int          percent);

/* One person's (or planned post's) month. */
typedef struct
{
  int      days_in_post;
  int      days_in_month;
  gint64   cost_pence;         /* actual or estimate, before the cap */
  gboolean cost_is_estimate;   /* FALSE when a payroll figure was given */
  gint64   max_pence;          /* the pro-rata maximum; -1: no rate known */
  gint64   annual_max_pence;   /* the annual maximum used; -1: none */
  int      share_percent;      /* the ARRS share applied */
  gint64   claim_pence;        /* min (cost, max) × share; 0 without a rate */
  gboolean no_rate;            /* in post, but no rate known */
  gboolean not_eligible;       /* excluded by eligibility or prior employment */
} PcnMonthCost;

/* The month for one staff member / post, as the ledger counts it (a staff
 * member who is not claimable is worked out all the same, for a claim
 * report to show; the ledger itself leaves them out). */
void      pcn_ledger_staff_month    (const PcnLedgerInput *input,
                                     PcnStaff             *staff,
                                     int                   month_index,
                                     PcnMonthCost         *out);
void      pcn_ledger_post_month     (const PcnLedgerInput *input,
                                     PcnPost              *post,
                                     int                   month_index,
                                     PcnMonthCost         *out);

/* The ledger */

typedef struct
{
  int    year;               /* calendar year */
  int    month;              /* 1–12 */
  gint64 in_post_pence;      /* staff in post */
  gint64 planned_pence;      /* planned posts */
  gint64 total_pence;
  gint64 cumulative_pence;   /* April to this month */
} PcnLedgerMonth;

/* One staff member or planned post in the ledger. */
typedef struct
{
  PcnCheckSubject  kind;              /* STAFF or POST */
  gint64           id;
  char            *name;
  char            *role_code;
  int              wte;
  gint64           months[PCN_LEDGER_MONTHS];  /* claim per month */
  gint64           total_pence;
  gboolean         no_rate;           /* some month in post had no rate */
  int              share_percent;     /* the lowest share applied */
} PcnLedgerLine;

typedef struct _PcnLedger PcnLedger;

GType                 pcn_ledger_get_type         (void) G_GNUC_CONST;
#define PCN_TYPE_LEDGER (pcn_ledger_get_type ())

/* Computes the ledger and its checks. Pure: reads @input only. */
PcnLedger            *pcn_ledger_compute          (const PcnLedgerInput *input);
PcnLedger            *pcn_ledger_ref              (PcnLedger            *ledger);
void                  pcn_ledger_unref            (PcnLedger            *ledger);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnLedger, pcn_ledger_unref)

int                   pcn_ledger_get_year         (PcnLedger *ledger);
/* "2024/25" */
const char           *pcn_ledger_get_year_name    (PcnLedger *ledger);
gboolean              pcn_ledger_has_allocation   (PcnLedger *ledger);
/* -1 when not known. */
gint64                pcn_ledger_get_allocation   (PcnLedger *ledger);
/* @index 0 = April … 11 = March (transfer none). */
const PcnLedgerMonth *pcn_ledger_get_month        (PcnLedger *ledger,
                                                   guint      index);
/* The year's total: staff in post plus planned posts. */
gint64                pcn_ledger_get_forecast     (PcnLedger *ledger);
/* Allocation − forecast; negative is an overspend; 0 when the allocation
 * is not known (see pcn_ledger_has_allocation()). */
gint64                pcn_ledger_get_headroom     (PcnLedger *ledger);
/* (element-type PcnLedgerLine) (transfer none) */
GPtrArray            *pcn_ledger_get_lines        (PcnLedger *ledger);
/* The rule checks, errors first (element-type PcnCheck) (transfer none). */
GPtrArray            *pcn_ledger_get_checks       (PcnLedger *ledger);
guint                 pcn_ledger_count_checks     (PcnLedger        *ledger,
                                                   PcnCheckSeverity  severity);

/* What if pay rose by @uplift_bp basis points from month @from_month_index
 * (0 = April)? Computes a new ledger from a copy of @input with the uplift
 * applied to salaries and expected costs (never above the maxima); @input
 * is not changed. */
PcnLedger            *pcn_ledger_what_if_uplift   (const PcnLedgerInput *input,
                                                   int                   uplift_bp,
                                                   int                   from_month_index);

/* "Latest start": for a new post of @role_code at @wte and @annual_cost
 * (pay plus on-costs; -1 for the role's maximum), the month it must start
 * by (on the 1st) to use the headroom of @ledger: starting then costs no
 * more than the headroom, starting a month earlier would overspend, and
 * every month later leaves more unspent. When the post fits from April,
 * that is April. Sets @out_month_index (0 = April), @out_cost_pence (what
 * the post would cost from then to March) and @out_unspent_pence (headroom
 * left unspent if it starts then; lost at year end).
 *
 * Fails with PCN_CORE_ERROR_REQUIRED when the allocation is not known,
 * PCN_CORE_ERROR_UNKNOWN when no rate is known for the role that year (and
 * no cost is given), PCN_CORE_ERROR_INVALID when there is no headroom or
 * even a March start would overspend. */
gboolean              pcn_ledger_latest_start     (const PcnLedgerInput *input,
                                                   PcnLedger            *ledger,
                                                   const char           *role_code,
                                                   int                   wte_milli,
                                                   gint64                annual_cost_pence,
                                                   int                  *out_month_index,
                                                   gint64               *out_cost_pence,
                                                   gint64               *out_unspent_pence,
                                                   GError              **error);

G_END_DECLS
