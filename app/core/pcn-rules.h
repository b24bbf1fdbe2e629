/* pcn-rules.h — ARRS rules from the reference data, the PCN's ARRS
 * allocation, and the checks the ledger reports.
 *
 * The rules and per-head allocation rates are not C literals: they are the
 * "rules" and "allocation" arrays of resources/data/arrs-reference.json
 * (pcn_store_dup_reference_json() gives them), parsed here with json-glib.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-types.h"

G_BEGIN_DECLS

/* Rules */

typedef enum
{
  PCN_RULE_KIND_CAP,               /* at most N people in the role */
  PCN_RULE_KIND_ELIGIBILITY,       /* conditions on who is reimbursable */
  PCN_RULE_KIND_FUNDING_SHARE,     /* the ARRS share of the cost */
  PCN_RULE_KIND_PRIOR_EMPLOYMENT,  /* not for recent PCN/practice employees */
} PcnRuleKind;

/* One rule, read-only once parsed. Fields that a kind does not use are -1
 * (numbers) or NULL (text). */
typedef struct
{
  /*< public >*/
  char        *id;          /* "<kind>:<ROLE>:<from>", e.g. "cap:AP:2023-04-01" */
  char        *role_code;   /* a role code, or "ALL" */
  PcnRuleKind  kind;
  char        *from;        /* ISO; in force from this day … */
  char        *to;          /* … to this day inclusive, or NULL: open-ended */
  GDate        from_date;
  GDate        to_date;     /* invalid (cleared) when open-ended */
  char        *text;        /* what the sources say, for messages */
  char        *source;
  char        *confidence;  /* "verified", "low", … */
  /* "ALL" rules: "direct patient care roles" applies to roles whose staff
   * group is "Direct patient care"; anything else applies to every role. */
  char        *applies_to;

  /* cap: -1 = no cap (a rule that removes caps) */
  int          max_headcount;
  gint64       large_list_size;      /* -1 when there is no large-PCN figure */
  int          max_headcount_large;
  /* funding_share: the ARRS share of the cost in percent (-1: not stated) */
  int          arrs_share_percent;
  /* prior_employment: the look-back in months */
  int          months;
  char        *unless;

  /*< private >*/
  gatomicrefcount ref_count;
} PcnRule;

GType      pcn_rule_get_type           (void) G_GNUC_CONST;
#define PCN_TYPE_RULE (pcn_rule_get_type ())
PcnRule   *pcn_rule_ref                (PcnRule     *rule);
void       pcn_rule_unref              (PcnRule     *rule);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnRule, pcn_rule_unref)

const char *pcn_rule_kind_to_string    (PcnRuleKind  kind);

/* TRUE when @rule is in force on @date. */
gboolean   pcn_rule_in_force           (const PcnRule *rule,
                                        const GDate   *date);

/* Parses the "rules" JSON: either the array itself or an object holding a
 * "rules" array (the whole reference file). Rules of a kind this version
 * does not know are skipped. (element-type PcnRule) (transfer full) */
GPtrArray *pcn_rules_parse             (const char  *json,
                                        gssize       length,
                                        GError     **error);

/* The rule of @kind in force on @date for @role_code: a rule for that role
 * or an "ALL" rule that applies to it (@staff_group may be NULL). When
 * several are in force the one that started last wins (a later rule
 * supersedes an earlier one); on the same day a rule for the role wins
 * over an "ALL" rule (transfer none; NULL when none). */
PcnRule   *pcn_rules_find              (GPtrArray   *rules,
                                        PcnRuleKind  kind,
                                        const char  *role_code,
                                        const char  *staff_group,
                                        const GDate *date);

/* The headcount cap for the role on @date given the PCN's (raw) list size:
 * the rule's max_headcount, or max_headcount_large when @list_size is at
 * least large_list_size. -1 when no cap is in force. @out_rule (may be
 * NULL) receives the rule that decided (transfer none). */
int        pcn_rules_cap_for           (GPtrArray   *rules,
                                        const char  *role_code,
                                        const char  *staff_group,
                                        gint64       list_size,
                                        const GDate *date,
                                        PcnRule    **out_rule);

/* The ARRS share of the role's cost on @date in percent: 100 unless a
 * funding_share rule in force says otherwise (mental health practitioners
 * 2021/22–2023/24: 50). */
int        pcn_rules_arrs_share_percent (GPtrArray  *rules,
                                         const char *role_code,
                                         const GDate *date,
                                         PcnRule   **out_rule);

/* The prior-employment rule in force for the role on @start_date, or NULL
 * (transfer none). */
PcnRule   *pcn_rules_prior_employment  (GPtrArray   *rules,
                                        const char  *role_code,
                                        const GDate *start_date);

/* Allocation */

/* A per-weighted-patient ARRS sum rate for a financial year. The amount is
 * for the component's whole period (from–to): the 2024/25 ring-fenced GP
 * sum of £1.303 covers October 2024 to March 2025 and is not halved again
 * (£1.303 × about 63 million weighted patients is the £82m national GP pot
 * the sources give for those six months). */
typedef struct
{
  int     year;                 /* financial year: 2025 is 2025/26 */
  char   *component;            /* "pcn_arrs_sum_rate", "pcn_arrs_gp_sum_rate" */
  gint64  per_head_micropounds; /* £26.631 → 26631000 (exact, no floating point) */
  char   *per_head_text;        /* as in the data: "26.631" */
  char   *from;
  char   *to;
  char   *source;
} PcnAllocationRate;

void       pcn_allocation_rate_free    (PcnAllocationRate *rate);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnAllocationRate, pcn_allocation_rate_free)

/* Parses the "allocation" JSON: the array or an object holding it.
 * (element-type PcnAllocationRate) (transfer full) */
GPtrArray *pcn_allocation_rates_parse  (const char  *json,
                                        gssize       length,
                                        GError     **error);

/* The year's ARRS allocation worked out from the weighted list size:
 * Σ components (weighted × per head), each rounded to the penny, half up.
 * @out_formula (may be NULL) gets the working for the user, e.g.
 * "30,000 weighted patients × £26.631 = £798,930.00". Fails with
 * PCN_CORE_ERROR_UNKNOWN when the reference data has no per-head figure for
 * the year (2026/27: enter the allocation from the ICB's letter), or
 * PCN_CORE_ERROR_REQUIRED when @weighted_list_size is not known (0). */
gboolean   pcn_allocation_compute      (GPtrArray   *allocation_rates,
                                        int          year,
                                        gint64       weighted_list_size,
                                        gint64      *out_pence,
                                        char       **out_formula,
                                        GError     **error);

/* Checks */

typedef enum
{
  PCN_CHECK_WARNING,
  PCN_CHECK_ERROR,
} PcnCheckSeverity;

typedef enum
{
  PCN_CHECK_SUBJECT_NONE,   /* the whole plan */
  PCN_CHECK_SUBJECT_STAFF,
  PCN_CHECK_SUBJECT_POST,
} PcnCheckSubject;

/* A finding of the rule checks, shown beside the post or person and in the
 * report. Errors block nothing: they are shown, never silently applied.
 *
 * @rule_id is the id of the PcnRule that applies, or one of:
 *   "eligibility:<ROLE>:available_from"  the role is not yet in the scheme
 *   "rate:<ROLE>"                        no maximum known for the role
 *   "allocation"                         planned spend over the allocation */
typedef struct
{
  char             *rule_id;
  char             *year_name;     /* "2023/24": the year the rule applies to */
  PcnCheckSeverity  severity;
  char             *message;       /* translated, names the rule and the year */
  PcnCheckSubject   subject;
  gint64            subject_id;    /* staff or post id; 0 when none */
  char             *subject_name;  /* may be NULL */
} PcnCheck;

GType       pcn_check_get_type           (void) G_GNUC_CONST;
#define PCN_TYPE_CHECK (pcn_check_get_type ())
PcnCheck   *pcn_check_new                (const char       *rule_id,
                                          const char       *year_name,
                                          PcnCheckSeverity  severity,
                                          PcnCheckSubject   subject,
                                          gint64            subject_id,
                                          const char       *subject_name,
                                          const char       *message);
PcnCheck   *pcn_check_copy               (const PcnCheck   *check);
void        pcn_check_free               (PcnCheck         *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnCheck, pcn_check_free)
/* "error" or "warning" (CLI.md). */
const char *pcn_check_severity_to_string (PcnCheckSeverity  severity);

G_END_DECLS
