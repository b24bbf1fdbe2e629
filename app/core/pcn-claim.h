/* pcn-claim.h — the monthly ARRS claim, the state of a claimed month, and
 * back-pay after a back-dated rate change
 *
 * For a calendar month, one line per staff member whose role is
 * reimbursable that month and who is claimable:
 *
 *   days_in_post  = days of the month between their start and end dates
 *   actual        = the month's payroll figure (pay plus employer NI and
 *                   pension), else an estimate from salary and the on-costs
 *                   (flagged PCN_CLAIM_WARNING_ESTIMATE); with neither, the
 *                   line claims nothing (PCN_CLAIM_WARNING_NO_COST)
 *   annual_max    = the role's maximum for the PCN's area in force on the
 *                   1st of the month (for someone whose role gains its first
 *                   rate part-way through the month: the rate on their first
 *                   day, as the ledger counts it)
 *   max           = annual_max × WTE × days_in_post ÷ days_in_month ÷ 12,
 *                   to the penny, halves up (integer arithmetic)
 *   claim         = min (actual, max), times the ARRS share for a role with a
 *                   shared-funding rule that month (mental health
 *                   practitioners before April 2024: 50%), to the penny,
 *                   halves up
 *
 * The arithmetic is the ledger's (pcn_ledger_staff_month(),
 * pcn_pro_rata_max(), pcn_apply_share()), so the claim and the year's
 * budget never disagree. A line with no rate known is listed, flagged and
 * claims 0 until a rate is entered. The claim's total is the sum of its
 * lines.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-ledger.h"
#include "pcn-reference.h"
#include "pcn-staff.h"
#include "pcn-types.h"

G_BEGIN_DECLS

/* What a claim line needs the reader to know. */
typedef enum /*< flags >*/
{
  PCN_CLAIM_WARNING_NONE          = 0,
  /* no payroll figure for the month: estimated from salary and on-costs */
  PCN_CLAIM_WARNING_ESTIMATE      = 1 << 0,
  /* no payroll figure and no salary: nothing to claim against (claims 0) */
  PCN_CLAIM_WARNING_NO_COST       = 1 << 1,
  /* no maximum known for the role, area and month (claims 0) */
  PCN_CLAIM_WARNING_NO_RATE       = 1 << 2,
  /* marked not claimable, or excluded by the prior-employment rule (claims
   * 0; listed only with PcnClaimInput.include_not_claimable) */
  PCN_CLAIM_WARNING_NOT_CLAIMABLE = 1 << 3,
} PcnClaimWarnings;

/* Everything a claim reads. The arrays are borrowed, never changed. */
typedef struct
{
  PcnArea     area;                  /* the PCN's London weighting area */
  PcnOnCosts  on_costs;              /* for estimates */
  GPtrArray  *rates;                 /* PcnRate */
  GPtrArray  *rules;                 /* PcnRule; may be NULL (share 100%) */
  GPtrArray  *roles;                 /* PcnRole; may be NULL */
  GPtrArray  *staff;                 /* PcnStaff; may be NULL */
  /* PcnActualCost of the claim month's financial year (month_index 0 is
   * April); other months are ignored. May be NULL. */
  GArray     *actuals;
  /* List staff who are not claimable too, flagged, claiming 0. */
  gboolean    include_not_claimable;
} PcnClaimInput;

/* Zeroes @input: national area, default on-costs. */
void pcn_claim_input_init (PcnClaimInput *input);

/* One person's line. Read-only. */
typedef struct
{
  PcnStaff         *staff;               /* (transfer none; the claim holds a ref) */
  char             *name;
  char             *payroll_id;          /* may be NULL */
  char             *role_code;
  char             *role_name;
  int               wte;                 /* thousandths */
  int               days_in_post;
  int               days_in_month;
  gint64            actual_pence;        /* payroll figure or estimate; 0 with NO_COST */
  gboolean          actual_is_estimate;
  gint64            annual_max_pence;    /* -1: no rate known */
  PcnRate          *rate;                /* the rate used, or NULL (ref held) */
  gint64            max_pence;           /* pro-rata maximum; -1: no rate known */
  int               share_percent;       /* ARRS share applied (100 unless shared) */
  gint64            claim_pence;
  PcnClaimWarnings  warnings;
} PcnClaimLine;

typedef struct _PcnClaim PcnClaim;

GType        pcn_claim_get_type              (void) G_GNUC_CONST;
#define PCN_TYPE_CLAIM (pcn_claim_get_type ())

/* The claim for calendar @month (1–12) of @year. Fails with
 * PCN_CORE_ERROR_INVALID when the month is out of range and
 * PCN_CORE_ERROR_REQUIRED when @input has no rates array. Lines are in the
 * order of @input->staff. Pure: reads @input only. */
PcnClaim    *pcn_claim_compute               (const PcnClaimInput *input,
                                              int                  year,
                                              int                  month,
                                              GError             **error);
PcnClaim    *pcn_claim_ref                   (PcnClaim *claim);
void         pcn_claim_unref                 (PcnClaim *claim);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnClaim, pcn_claim_unref)

int          pcn_claim_get_year              (PcnClaim *claim);
int          pcn_claim_get_month             (PcnClaim *claim);
/* The financial year: 2025 for any month of 2025/26. */
int          pcn_claim_get_financial_year    (PcnClaim *claim);
/* "2025/26" */
const char  *pcn_claim_get_financial_year_name (PcnClaim *claim);
/* 0 = April … 11 = March */
int          pcn_claim_get_month_index       (PcnClaim *claim);
/* "2025-06" */
const char  *pcn_claim_get_month_key         (PcnClaim *claim);
/* (element-type PcnClaimLine) (transfer none) */
GPtrArray   *pcn_claim_get_lines             (PcnClaim *claim);
gint64       pcn_claim_get_total_claim       (PcnClaim *claim);
gint64       pcn_claim_get_total_actual      (PcnClaim *claim);
/* Sum of the known maxima (lines with no rate count 0). */
gint64       pcn_claim_get_total_max         (PcnClaim *claim);
/* Lines with any of @warnings. */
guint        pcn_claim_count_warnings        (PcnClaim         *claim,
                                              PcnClaimWarnings  warnings);
/* Every rate a line used, once each, in order of first use (element-type
 * PcnRate) (transfer none). */
GPtrArray   *pcn_claim_get_rates_used        (PcnClaim *claim);

/* The warnings as one translated, "; "-separated sentence, or "" (transfer
 * full). */
char        *pcn_claim_warnings_describe     (PcnClaimWarnings warnings);

/* A claim month's state: open, or submitted (and so locked) on a date.
 * Reopening needs a reason, which the store keeps in its audit log. */

typedef enum
{
  PCN_CLAIM_STATUS_OPEN,
  PCN_CLAIM_STATUS_SUBMITTED,
} PcnClaimStatus;

const char  *pcn_claim_status_to_string      (PcnClaimStatus   status);  /* "open", "submitted" */
const char  *pcn_claim_status_get_label      (PcnClaimStatus   status);
gboolean     pcn_claim_status_parse          (const char      *text,
                                              PcnClaimStatus  *out_status,
                                              GError         **error);

typedef struct
{
  int             year;
  int             month;               /* 1–12 */
  PcnClaimStatus  status;
  char           *submitted_on;        /* ISO date; NULL while open */
  gint64          total_claim_pence;   /* as submitted; -1 while open */
  char           *reopen_reason;       /* the last reopening's reason, or NULL */
} PcnClaimMonth;

GType           pcn_claim_month_get_type     (void) G_GNUC_CONST;
#define PCN_TYPE_CLAIM_MONTH (pcn_claim_month_get_type ())
PcnClaimMonth  *pcn_claim_month_new          (int                  year,
                                              int                  month);
PcnClaimMonth  *pcn_claim_month_copy         (const PcnClaimMonth *self);
void            pcn_claim_month_free         (PcnClaimMonth       *self);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnClaimMonth, pcn_claim_month_free)

gboolean        pcn_claim_month_is_locked    (const PcnClaimMonth *self);
/* Marks the month submitted on @iso_date with @total_claim_pence. Fails
 * with PCN_CORE_ERROR_INVALID when it is already submitted or the date is
 * not a valid ISO date. */
gboolean        pcn_claim_month_submit       (PcnClaimMonth       *self,
                                              const char          *iso_date,
                                              gint64               total_claim_pence,
                                              GError             **error);
/* Reopens a submitted month. Fails with PCN_CORE_ERROR_REQUIRED without a
 * reason, PCN_CORE_ERROR_INVALID when the month is open. */
gboolean        pcn_claim_month_reopen       (PcnClaimMonth       *self,
                                              const char          *reason,
                                              GError             **error);
/* FALSE with PCN_CORE_ERROR_INVALID ("… was submitted on …; reopen it
 * first") when the month is locked. */
gboolean        pcn_claim_month_check_editable (const PcnClaimMonth *self,
                                                GError             **error);

/* Claimed to date against the allocation. @months holds PcnClaimMonth;
 * only submitted months of the financial year of @year/@month count. */

/* Submitted months of the financial year before @month (for a claim's
 * header: what was claimed before this one). */
gint64   pcn_claim_months_claimed_before    (GPtrArray *months,
                                             int        year,
                                             int        month);
/* Submitted months of the financial year up to and including @month. */
gint64   pcn_claim_months_claimed_to_date   (GPtrArray *months,
                                             int        year,
                                             int        month);
/* @allocation_pence − @claimed_pence; negative when over. 0 when the
 * allocation is not known (-1). */
gint64   pcn_claim_allocation_remaining     (gint64     allocation_pence,
                                             gint64     claimed_pence);

/* Back-pay: what was claimed under @old_rates against what is claimable
 * under @new_rates, per person and month. */

typedef struct
{
  PcnStaff *staff;                  /* (transfer none; the back-pay holds a ref); may be NULL */
  char     *name;
  char     *payroll_id;             /* may be NULL */
  char     *role_code;
  char     *role_name;
  int       year;
  int       month;                  /* 1–12 */
  int       wte;
  int       days_in_post;
  int       days_in_month;
  gint64    old_annual_max_pence;   /* -1: none */
  gint64    new_annual_max_pence;   /* -1: none */
  gint64    claimed_pence;          /* under the old rates */
  gint64    claimable_pence;        /* under the new rates */
  gint64    difference_pence;       /* claimable − claimed; negative: over-claimed */
} PcnBackpayLine;

typedef struct _PcnBackpay PcnBackpay;

GType        pcn_backpay_get_type            (void) G_GNUC_CONST;
#define PCN_TYPE_BACKPAY (pcn_backpay_get_type ())

/* For each month of @months (PcnClaimMonth, in the order given: the
 * months already claimed), computes the claim from @input with @old_rates
 * (the rates in force when it was claimed) and with @new_rates (the rates
 * now), and lists every person and month whose claim changed. @input's own
 * rates are not used. Fails as pcn_claim_compute() does. */
PcnBackpay  *pcn_claim_backpay               (const PcnClaimInput *input,
                                              GPtrArray           *old_rates,
                                              GPtrArray           *new_rates,
                                              GPtrArray           *months,
                                              GError             **error);
/* An empty back-pay, filled with pcn_backpay_add_line() (the store works
 * back-pay out from what was submitted rather than from old rates). */
PcnBackpay  *pcn_backpay_new                 (void);
/* Appends a copy of @line (its staff referenced when not NULL) and adds
 * its figures to the totals. */
void         pcn_backpay_add_line            (PcnBackpay           *backpay,
                                              const PcnBackpayLine *line);
PcnBackpay  *pcn_backpay_ref                 (PcnBackpay *backpay);
void         pcn_backpay_unref               (PcnBackpay *backpay);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnBackpay, pcn_backpay_unref)

/* (element-type PcnBackpayLine) (transfer none): by month, then in staff
 * order. */
GPtrArray   *pcn_backpay_get_lines           (PcnBackpay *backpay);
gint64       pcn_backpay_get_total_claimed   (PcnBackpay *backpay);
gint64       pcn_backpay_get_total_claimable (PcnBackpay *backpay);
gint64       pcn_backpay_get_total_difference (PcnBackpay *backpay);

G_END_DECLS
