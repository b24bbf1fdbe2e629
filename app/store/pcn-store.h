/* pcn-store.h — the PCN's SQLite database
 *
 * One file per PCN. Every public call is one transaction and is safe to
 * call from any thread (calls are serialised); the GUI runs them off the
 * main thread with pcn_store_run_async().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pcn-core.h"

G_BEGIN_DECLS

#define PCN_STORE_ERROR (pcn_store_error_quark ())

typedef enum
{
  PCN_STORE_ERROR_NOT_SQLITE,   /* the file is not an SQLite database */
  PCN_STORE_ERROR_NOT_OURS,     /* an SQLite database of some other program */
  PCN_STORE_ERROR_NEWER,        /* made by a newer version of PCN Workforce */
  PCN_STORE_ERROR_CORRUPT,      /* fails integrity_check or cannot be read */
  PCN_STORE_ERROR_IO,           /* cannot create, open or write the file */
  PCN_STORE_ERROR_SQL,          /* an unexpected SQLite failure */
  PCN_STORE_ERROR_NO_NETWORK,   /* the PCN has not been created yet */
  PCN_STORE_ERROR_EXISTS,       /* the PCN (or a unique thing) already exists */
  PCN_STORE_ERROR_NOT_FOUND,    /* no such row */
  PCN_STORE_ERROR_REFERENCE,    /* the shipped reference data is unusable */
} PcnStoreError;

GQuark pcn_store_error_quark (void);

/* The schema version this build writes (PRAGMA user_version). */
#define PCN_STORE_SCHEMA_VERSION 7

typedef struct
{
  int    year;        /* 2026 is 2026/27 */
  gint64 allocation;  /* pence; -1 when not entered */
} PcnYearAllocation;

typedef struct
{
  gint64  id;
  char   *at;         /* ISO 8601 UTC */
  char   *os_user;
  char   *table_name;
  gint64  row_id;
  char   *field;      /* NULL for a whole-row insert or delete */
  char   *old_value;
  char   *new_value;
} PcnAuditEntry;

void pcn_audit_entry_free (PcnAuditEntry *entry);

#define PCN_TYPE_STORE (pcn_store_get_type ())
G_DECLARE_FINAL_TYPE (PcnStore, pcn_store, PCN, STORE, GObject)

/* $XDG_DATA_HOME/pcn-workforce/pcn.db */
char        *pcn_store_default_path        (void);

/* Opens @path, creating it (mode 0600, its folder 0700) when missing.
 * A file that is not SQLite, not ours, from a newer version or corrupt is
 * refused with a message and left byte-for-byte untouched. Migrates older
 * schemas and refreshes the reference data when this build ships newer. */
PcnStore    *pcn_store_open                (const char   *path,
                                            GError      **error);
const char  *pcn_store_get_path            (PcnStore     *self);
int          pcn_store_get_reference_version (PcnStore   *self);

/* Writes a consistent copy of the database to @dest (sqlite3 backup API). */
gboolean     pcn_store_backup              (PcnStore     *self,
                                            const char   *dest,
                                            GError      **error);

/* The network. Returns NULL without error when it is not created yet. */
PcnNetwork  *pcn_store_get_network         (PcnStore     *self,
                                            GError      **error);
gboolean     pcn_store_create_network      (PcnStore     *self,
                                            PcnNetwork   *network,
                                            GPtrArray    *practices,
                                            GError      **error);
gboolean     pcn_store_update_network      (PcnStore     *self,
                                            PcnNetwork   *network,
                                            GError      **error);

/* (element-type PcnPractice) (transfer container), ordered by name */
GPtrArray   *pcn_store_list_practices      (PcnStore     *self,
                                            GError      **error);
gboolean     pcn_store_add_practice        (PcnStore     *self,
                                            PcnPractice  *practice,
                                            GError      **error);

gboolean     pcn_store_set_allocation      (PcnStore     *self,
                                            int           year,
                                            gint64        pence,
                                            GError      **error);
/* (element-type PcnYearAllocation) ordered by year */
GArray      *pcn_store_list_years          (PcnStore     *self,
                                            GError      **error);

/* (element-type PcnRole) (transfer container), in scheme order */
GPtrArray   *pcn_store_list_roles          (PcnStore     *self,
                                            GError      **error);
/* Every rate (reference and user-entered) whose period overlaps financial
 * year @year, or all rates when @year is 0. Role names are filled in.
 * (element-type PcnRate) (transfer container) */
GPtrArray   *pcn_store_list_rates          (PcnStore     *self,
                                            int           year,
                                            GError      **error);
/* Adds or corrects a rate from its effective date. The rate is marked user
 * entered and survives every reference refresh. Validated in core. */
gboolean     pcn_store_set_rate            (PcnStore     *self,
                                            PcnRate      *rate,
                                            GError      **error);

/* Reference per-head allocation rates and role rules, as shipped. The JSON
 * is the "allocation" / "rules" arrays of the reference data file. */
char        *pcn_store_dup_reference_json  (PcnStore     *self,
                                            const char   *section,
                                            GError      **error);

/* (element-type PcnStaff) (transfer container), ordered by name; role names
 * filled in. */
GPtrArray   *pcn_store_list_staff          (PcnStore     *self,
                                            GError      **error);
gint64       pcn_store_count_staff         (PcnStore     *self,
                                            GError      **error);
/* Validates (core) and inserts; sets the id on success. */
gboolean     pcn_store_add_staff           (PcnStore     *self,
                                            PcnStaff     *staff,
                                            GError      **error);
gboolean     pcn_store_update_staff        (PcnStore     *self,
                                            PcnStaff     *staff,
                                            GError      **error);
/* Records @end_date (their last day) and @reason; any post they fill
 * becomes vacant from the next day (pcn_post_mark_vacant()), in the same
 * transaction. */
gboolean     pcn_store_record_leaver       (PcnStore     *self,
                                            gint64        staff_id,
                                            const char   *end_date,
                                            const char   *reason,
                                            GError      **error);
/* Adds every row or none. Payroll IDs already in the database are reported
 * as "FILE:LINE: …" using @lines (guint, may be NULL) and @display_name. */
gboolean     pcn_store_import_staff        (PcnStore     *self,
                                            GPtrArray    *staff,
                                            GArray       *lines,
                                            const char   *display_name,
                                            GError      **error);

/* Posts (the recruitment plan) */

/* (element-type PcnPost) (transfer container), ordered by id, with their
 * host practices. */
GPtrArray   *pcn_store_list_posts          (PcnStore     *self,
                                            GError      **error);
/* Validates (pcn_post_validate() with the roles and practices), makes the
 * role code canonical and inserts; sets the id on success. A post linked to
 * a staff member must name one that exists and fills no other post. */
gboolean     pcn_store_add_post            (PcnStore     *self,
                                            PcnPost      *post,
                                            GError      **error);
/* Adds every post of @posts (element-type PcnPost) or none. */
gboolean     pcn_store_add_posts           (PcnStore     *self,
                                            GPtrArray    *posts,
                                            GError      **error);
/* Validates and writes every field of a stored post. */
gboolean     pcn_store_update_post         (PcnStore     *self,
                                            PcnPost      *post,
                                            GError      **error);
/* Moves post @post_id to @status on @date (YYYY-MM-DD or DD/MM/YYYY).
 * IN_POST with @staff_id > 0 fills it with that staff member (who must not
 * have left) from @date, or from their start date when @date is NULL;
 * every other status needs @date and @staff_id 0. Going back a stage clears
 * the dates of the later stages; the advertised date is kept, so the time
 * to fill is kept. A filled post changes status only when its holder
 * leaves (pcn_store_record_leaver(), which makes it a vacancy). Returns the
 * post as stored (transfer full), or NULL with @error. */
PcnPost     *pcn_store_set_post_status     (PcnStore      *self,
                                            gint64         post_id,
                                            PcnPostStatus  status,
                                            const char    *date,
                                            gint64         staff_id,
                                            GError       **error);

/* Payroll figures and on-costs */

/* The payroll figures of financial year @year (element-type PcnActualCost,
 * month_index 0 = April), ordered by staff id and month. */
GArray      *pcn_store_list_actual_costs   (PcnStore     *self,
                                            int           year,
                                            GError      **error);
/* Adds or replaces the payroll figure of @staff_id for @month (YYYY-MM).
 * Refuses (PCN_CORE_ERROR_INVALID) a month whose claim was submitted. */
gboolean     pcn_store_set_actual_cost     (PcnStore     *self,
                                            gint64        staff_id,
                                            const char   *month,
                                            gint64        pence,
                                            GError      **error);
/* The employer on-cost rates of financial year @year: as entered, else the
 * core defaults (pcn_on_costs_init_default()); @out_entered (may be NULL)
 * says which. */
gboolean     pcn_store_get_oncosts         (PcnStore     *self,
                                            int           year,
                                            PcnOnCosts   *out_on_costs,
                                            gboolean     *out_entered,
                                            GError      **error);
gboolean     pcn_store_set_oncosts         (PcnStore          *self,
                                            int                year,
                                            const PcnOnCosts  *on_costs,
                                            GError           **error);

/* The budget ledger */

typedef enum
{
  PCN_ALLOCATION_SOURCE_NONE,      /* neither entered nor computable */
  PCN_ALLOCATION_SOURCE_ENTERED,   /* `year set` / the year's page */
  PCN_ALLOCATION_SOURCE_COMPUTED,  /* weighted list size × the year's per-head rate */
} PcnAllocationSource;

/* "none", "entered", "computed" (stable: report budget --format json) */
const char  *pcn_allocation_source_to_string (PcnAllocationSource source);

/* Everything the year's ledger reads, loaded in one read transaction. The
 * input's arrays are owned by this struct. */
typedef struct
{
  PcnLedgerInput       input;
  PcnNetwork          *network;
  PcnAllocationSource  allocation_source;
  /* The allocation worked out from the weighted list size (whichever
   * source is used), e.g. "55,000 weighted patients × £26.631 =
   * £1,464,705.00", or NULL with allocation_note saying why not. */
  gint64               computed_allocation_pence;  /* -1 when not computable */
  char                *allocation_formula;
  char                *allocation_note;
  gboolean             on_costs_entered;           /* FALSE: the core defaults */
  /* "Today" for the figures that depend on it (vacancies, turnover). */
  GDate                as_at;
} PcnLedgerData;

void         pcn_ledger_data_free          (PcnLedgerData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnLedgerData, pcn_ledger_data_free)

/* Loads the network, the year's allocation (entered, else computed with
 * pcn_allocation_compute()), on-costs, rates, rules, roles, staff, posts
 * and payroll figures for financial year @year. @as_at NULL is today.
 * Fails with PCN_STORE_ERROR_NO_NETWORK before the PCN is created. */
PcnLedgerData *pcn_store_load_ledger_data  (PcnStore     *self,
                                            int           year,
                                            const GDate  *as_at,
                                            GError      **error);

/* A what-if pay uplift: @bp basis points (300 = 3%) from month
 * @from_month_index (0 = April) of the year. */
typedef struct
{
  int bp;
  int from_month_index;
} PcnUplift;

/* pcn_store_load_ledger_data() then pcn_ledger_compute(), or
 * pcn_ledger_what_if_uplift() with @uplift (may be NULL). Nothing is
 * written. */
PcnLedger   *pcn_store_compute_ledger      (PcnStore         *self,
                                            int               year,
                                            const GDate      *as_at,
                                            const PcnUplift  *uplift,
                                            GError          **error);

/* Claims (pcn-store-claims.c)
 *
 * A month's claim is computed live from the staff, rates, rules, payroll
 * figures and on-costs. Submitting a month stores its state and a snapshot
 * of every line as submitted, and locks the month: its payroll figures
 * cannot change (pcn_store_set_actual_cost(), pcn_store_import_costs())
 * until it is reopened with a reason, which the audit log keeps (an audit
 * row on table "claim_month" with field "reopen_reason"). Months are
 * calendar months: @year 2026, @month 4 is April 2026. */

/* One line of a submitted claim as it was submitted. */
typedef struct
{
  gint64    staff_id;
  char     *name;
  char     *payroll_id;            /* may be NULL */
  char     *role_code;
  char     *role_name;
  int       wte;                   /* thousandths */
  int       days_in_post;
  int       days_in_month;
  gint64    actual_pence;
  gboolean  actual_is_estimate;
  gint64    annual_max_pence;      /* the rate used; -1: none known */
  char     *rate_effective_from;   /* ISO date of the rate used, or NULL */
  gint64    max_pence;             /* -1: no rate known */
  int       share_percent;
  gint64    claim_pence;
} PcnClaimSnapshotLine;

void         pcn_claim_snapshot_line_free  (PcnClaimSnapshotLine *line);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnClaimSnapshotLine, pcn_claim_snapshot_line_free)

/* Everything a claim page or report shows, read in one transaction. */
typedef struct
{
  PcnNetwork          *network;
  PcnClaim            *claim;                  /* computed now */
  PcnClaimMonth       *state;                  /* open or submitted */
  gint64               allocation_pence;       /* the year's, entered or computed; -1 unknown */
  PcnAllocationSource  allocation_source;
  gint64               claimed_before_pence;   /* submitted months of the year before this one */
  gint64               claimed_to_date_pence;  /* … and this one when submitted */
} PcnClaimData;

void         pcn_claim_data_free           (PcnClaimData *data);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnClaimData, pcn_claim_data_free)

/* The claim for @month of @year (pcn_claim_compute() on the store's staff,
 * rates for the PCN's area, rules, payroll figures and on-costs). Fails with
 * PCN_STORE_ERROR_NO_NETWORK before the PCN is created and
 * PCN_CORE_ERROR_INVALID for a month out of range. */
PcnClaim      *pcn_store_compute_claim     (PcnStore     *self,
                                            int           year,
                                            int           month,
                                            gboolean      include_not_claimable,
                                            GError      **error);
/* The claim with its state, allocation and claimed to date. */
PcnClaimData  *pcn_store_load_claim        (PcnStore     *self,
                                            int           year,
                                            int           month,
                                            gboolean      include_not_claimable,
                                            GError      **error);
/* The month's state; an open PcnClaimMonth when it was never submitted
 * (transfer full). */
PcnClaimMonth *pcn_store_get_claim_month   (PcnStore     *self,
                                            int           year,
                                            int           month,
                                            GError      **error);
/* (element-type PcnClaimMonth) (transfer container): every month of
 * financial year @year that was ever submitted (open again or not), in
 * month order. */
GPtrArray     *pcn_store_list_claim_months (PcnStore     *self,
                                            int           year,
                                            GError      **error);
/* Computes the claim and marks the month submitted on @date (YYYY-MM-DD or
 * DD/MM/YYYY; NULL is today), storing its total and a snapshot of every
 * line. Refuses (PCN_CORE_ERROR_INVALID) a month already submitted. */
gboolean       pcn_store_submit_claim      (PcnStore     *self,
                                            int           year,
                                            int           month,
                                            const char   *date,
                                            GError      **error);
/* Reopens a submitted month; @reason is required and kept in the audit
 * log. The snapshot is kept until the month is submitted again. */
gboolean       pcn_store_reopen_claim      (PcnStore     *self,
                                            int           year,
                                            int           month,
                                            const char   *reason,
                                            GError      **error);
/* The total of the submitted months of the financial year of @year/@month
 * before @month; -1 with @error on failure. */
gint64         pcn_store_claimed_to_date   (PcnStore     *self,
                                            int           year,
                                            int           month,
                                            GError      **error);
/* (element-type PcnClaimSnapshotLine) (transfer full): the lines of the
 * month as last submitted, in submitted order; empty when never submitted. */
GPtrArray     *pcn_store_list_claim_snapshot (PcnStore   *self,
                                              int         year,
                                              int         month,
                                              GError    **error);
/* Adds or replaces every payroll figure of @rows (element-type PcnCostRow,
 * pcn_costs_csv_parse()) or none. People are matched by payroll_id, else by
 * name (case-insensitively). Every problem is reported, one per line, as
 * "FILE:LINE: what" with @display_name as FILE: unknown payroll ID or
 * name, ambiguous name, submitted (locked) month, the same person and
 * month twice. */
gboolean       pcn_store_import_costs      (PcnStore     *self,
                                            GPtrArray    *rows,
                                            const char   *display_name,
                                            GError      **error);
/* Back-pay for financial year @year: for every submitted month, each
 * person's claim as submitted (the snapshot) against what is claimable now
 * (e.g. after a back-dated pcn_store_set_rate()); lists the people and
 * months whose claim changed. */
PcnBackpay    *pcn_store_compute_backpay   (PcnStore     *self,
                                            int           year,
                                            GError      **error);

/* Induction checklists (see pcn-induction.h) */

/* Issued items of @staff_id (-1: everyone), and of @practice's checklists
 * only when @practice is not NULL, with due dates from each person's start
 * date and their names filled in; ordered by person, checklist (pcn,
 * practices, employer) and position.
 * (element-type PcnInductionItem) (transfer full) */
GPtrArray   *pcn_store_list_induction_items (PcnStore     *self,
                                             gint64        staff_id,
                                             const char   *practice,
                                             GError      **error);
/* Marks item @item_id done by @by on @date (YYYY-MM-DD or DD/MM/YYYY; NULL:
 * @as_at), or not applicable when @na_reason is not NULL; @note (may be
 * NULL) replaces the item's note. @staff_id > 0 requires the item to be on
 * that person's checklists. Validated with
 * pcn_induction_item_validate_tick() as at @as_at (NULL: today). Returns
 * the item as stored (transfer full), or NULL with @error and nothing
 * changed. */
PcnInductionItem *pcn_store_tick_induction_item (PcnStore     *self,
                                                 gint64        staff_id,
                                                 gint64        item_id,
                                                 const char   *by,
                                                 const char   *date,
                                                 const char   *na_reason,
                                                 const char   *note,
                                                 const GDate  *as_at,
                                                 GError      **error);
/* Opens a done or N/A item again (a tick made by mistake). */
PcnInductionItem *pcn_store_reopen_induction_item (PcnStore   *self,
                                                   gint64      item_id,
                                                   GError    **error);
/* Replaces the note of an item (NULL or "" clears it). */
gboolean     pcn_store_set_induction_note   (PcnStore     *self,
                                             gint64        item_id,
                                             const char   *note,
                                             GError      **error);
/* Every starter in their first six months as at @as_at (NULL: today; see
 * pcn_induction_is_starter()) who has checklists, ordered by start date
 * and name, with the progress of each checklist. With @practice, only
 * starters hosted there and only that practice's checklist.
 * (element-type PcnInductionStarter) (transfer full) */
GPtrArray   *pcn_store_induction_progress   (PcnStore     *self,
                                             const GDate  *as_at,
                                             const char   *practice,
                                             GError      **error);
/* Issues any checklist @staff_id does not have yet, whatever their start
 * date. Staff writes (add, import, update) do this automatically for
 * people starting no more than six months before the real date. */
gboolean     pcn_store_issue_induction      (PcnStore     *self,
                                             gint64        staff_id,
                                             GError      **error);

/* Templates: every live item (removed ones are left out), ordered by
 * checklist and position. (element-type PcnInductionTemplateItem)
 * (transfer full) */
GPtrArray   *pcn_store_list_induction_templates  (PcnStore                  *self,
                                                  GError                   **error);
/* Validates and inserts @item at @item->position in its checklist (-1 or
 * past the end: last); sets the id and position on success. */
gboolean     pcn_store_add_induction_template    (PcnStore                  *self,
                                                  PcnInductionTemplateItem  *item,
                                                  GError                   **error);
/* Validates and writes section, text, owner, due and role of a stored item. */
gboolean     pcn_store_update_induction_template (PcnStore                  *self,
                                                  PcnInductionTemplateItem  *item,
                                                  GError                   **error);
gboolean     pcn_store_remove_induction_template (PcnStore                  *self,
                                                  gint64                     id,
                                                  GError                   **error);
/* Moves an item to @position (0-based) within its checklist. */
gboolean     pcn_store_move_induction_template   (PcnStore                  *self,
                                                  gint64                     id,
                                                  int                        position,
                                                  GError                   **error);
gboolean     pcn_store_set_induction_template_due (PcnStore                 *self,
                                                   gint64                    id,
                                                   PcnInductionDue           due,
                                                   GError                  **error);

/* (element-type PcnAuditEntry) (transfer full), oldest first */
GPtrArray   *pcn_store_list_audit          (PcnStore     *self,
                                            GError      **error);

/* Runs @func on the store's single worker thread and returns its result
 * (a GObject, GPtrArray or other pointer freed with @result_free) to
 * @callback on the calling thread's main context. */
typedef gpointer (*PcnStoreFunc) (PcnStore  *store,
                                  gpointer   data,
                                  GError   **error);

void         pcn_store_run_async           (PcnStore            *self,
                                            PcnStoreFunc         func,
                                            gpointer             data,
                                            GDestroyNotify       data_free,
                                            GDestroyNotify       result_free,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
gpointer     pcn_store_run_finish          (PcnStore            *self,
                                            GAsyncResult        *result,
                                            GError             **error);

G_END_DECLS

#include "pcn-store-supervision.h"
#include "pcn-store-vision.h"
