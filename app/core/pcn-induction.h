/* pcn-induction.h — induction checklists: templates, issued items, due
 * dates, overdue status and progress
 *
 * A new starter gets one PCN-level checklist, one per host practice and,
 * when employment is subcontracted, one from the employer. Each checklist
 * is copied ("issued") from the editable templates when the starter has a
 * start date and host practices; an issued item keeps its own copy of the
 * section, text, owner and due offset, so editing a template never rewrites
 * a checklist already issued.
 *
 * Due dates are relative to the start date S (GDate arithmetic, so they
 * follow the calendar, not a fixed number of days):
 *
 *   before_start  S − 1 day      (the last working day before they start)
 *   day_1         S
 *   week_1        S + 6 days     (by the end of the first seven days)
 *   month_1       S + 1 month − 1 day  (g_date_add_months, which clamps
 *                                 to the month's end: 31 Jan → 28/29 Feb,
 *                                 then − 1 day → 27/28 Feb)
 *   month_3       S + 3 months − 1 day (likewise)
 *
 * An open item is overdue when its due date is before "as at": on the due
 * date itself it is not yet overdue.
 *
 * Ticking (pcn_induction_item_validate_tick()):
 * - the item must be open: a done item is refused with "already done on
 *   DATE by NAME", an N/A one with "already marked not applicable …";
 * - @by is required; N/A requires a reason;
 * - the date may not be after "as at" (no ticking in advance);
 * - the date may not be before the item could sensibly be done: an item
 *   due before the start may be done at most PCN_INDUCTION_EARLIEST_MONTHS
 *   months before the start date (before any offer could have been made);
 *   every other item on or after the start date.
 *
 * Starters: a person is "in their first six months" as at D when they have
 * not left by D and D is before S + 6 months (g_date_add_months). People
 * who have not started yet are starters too: their pre-employment items
 * are due.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-staff.h"
#include "pcn-types.h"

G_BEGIN_DECLS

/* How long a starter's induction is watched, in months from the start. */
#define PCN_INDUCTION_WINDOW_MONTHS 6
/* How far before the start a before-start item may be done, in months. */
#define PCN_INDUCTION_EARLIEST_MONTHS 6

/* Which list an item belongs to. */
typedef enum
{
  PCN_CHECKLIST_PCN,       /* the PCN-level list (one per starter) */
  PCN_CHECKLIST_PRACTICE,  /* one per host practice */
  PCN_CHECKLIST_EMPLOYER,  /* from a subcontracted employer */
} PcnChecklistKind;

#define PCN_CHECKLIST_N_KINDS (PCN_CHECKLIST_EMPLOYER + 1)

/* Who is responsible for the item. */
typedef enum
{
  PCN_INDUCTION_OWNER_EMPLOYER,
  PCN_INDUCTION_OWNER_PCN,
  PCN_INDUCTION_OWNER_HOST_PRACTICE,
} PcnInductionOwner;

/* When the item is due, relative to the start date (see above). */
typedef enum
{
  PCN_INDUCTION_DUE_BEFORE_START,
  PCN_INDUCTION_DUE_DAY_1,
  PCN_INDUCTION_DUE_WEEK_1,
  PCN_INDUCTION_DUE_MONTH_1,
  PCN_INDUCTION_DUE_MONTH_3,
} PcnInductionDue;

#define PCN_INDUCTION_N_DUES (PCN_INDUCTION_DUE_MONTH_3 + 1)

typedef enum
{
  PCN_INDUCTION_STATUS_OPEN,
  PCN_INDUCTION_STATUS_DONE,
  PCN_INDUCTION_STATUS_NA,   /* not applicable, with a reason */
} PcnInductionStatus;

/* Stable identifiers ("pcn", "practice", "employer"; "employer", "pcn",
 * "host_practice"; "before_start", "day_1", "week_1", "month_1",
 * "month_3"; "open", "done", "na") for the database, the command line and
 * JSON, and translated labels. Parsers accept the identifiers
 * case-insensitively with '-' for '_'. */
const char *pcn_checklist_kind_to_string    (PcnChecklistKind     kind);
const char *pcn_checklist_kind_get_label    (PcnChecklistKind     kind);
gboolean    pcn_checklist_kind_parse        (const char          *text,
                                             PcnChecklistKind    *out_kind,
                                             GError             **error);
const char *pcn_induction_owner_to_string   (PcnInductionOwner    owner);
const char *pcn_induction_owner_get_label   (PcnInductionOwner    owner);
gboolean    pcn_induction_owner_parse       (const char          *text,
                                             PcnInductionOwner   *out_owner,
                                             GError             **error);
const char *pcn_induction_due_to_string     (PcnInductionDue      due);
const char *pcn_induction_due_get_label     (PcnInductionDue      due);
gboolean    pcn_induction_due_parse         (const char          *text,
                                             PcnInductionDue     *out_due,
                                             GError             **error);
const char *pcn_induction_status_to_string  (PcnInductionStatus   status);
const char *pcn_induction_status_get_label  (PcnInductionStatus   status);
gboolean    pcn_induction_status_parse      (const char          *text,
                                             PcnInductionStatus  *out_status,
                                             GError             **error);

/* The due date of an item with offset @due for someone starting on @start. */
void        pcn_induction_due_date          (const GDate         *start,
                                             PcnInductionDue      due,
                                             GDate               *out_due);

/* Whether @staff is in their first six months (or not started yet) as at
 * @as_at and has not left. */
gboolean    pcn_induction_is_starter        (PcnStaff            *staff,
                                             const GDate         *as_at);

/* ------------------------------------------------------------ templates */

/* One line of a template. */
typedef struct
{
  gint64             id;         /* 0 until stored */
  char              *key;        /* stable id of a shipped item; NULL for one a user added */
  PcnChecklistKind   checklist;
  char              *role_code;  /* NULL: every role; else an addition for that role */
  char              *section;
  char              *text;
  PcnInductionOwner  owner;
  PcnInductionDue    due;
  int                position;   /* order within its checklist, from 0 */
  char              *source;     /* where the item comes from (may be NULL) */
  gboolean           edited;     /* a shipped item changed by a user: refreshes leave it alone */
} PcnInductionTemplateItem;

PcnInductionTemplateItem *pcn_induction_template_item_new   (void);
PcnInductionTemplateItem *pcn_induction_template_item_copy  (const PcnInductionTemplateItem *item);
void                      pcn_induction_template_item_free  (PcnInductionTemplateItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnInductionTemplateItem, pcn_induction_template_item_free)

/* Section and text required (at most 500 characters, no spreadsheet
 * formula), owner consistent with the checklist (a practice list is owned
 * by the host practice; an employer list by the employer). @roles
 * (PcnRole, may be NULL) checks the role code. On failure @out_field is
 * "section", "text", "owner" or "role". */
gboolean    pcn_induction_template_item_validate (const PcnInductionTemplateItem  *item,
                                                  GPtrArray                       *roles,
                                                  const char                     **out_field,
                                                  GError                         **error);

/* Parses the shipped templates file (resources/data/induction-templates.json):
 * { "version": N, "items": [ { "key", "checklist", "role" (or null),
 * "section", "text", "owner", "due", "source" } … ] }. Positions follow the
 * file order within each checklist. Returns (element-type
 * PcnInductionTemplateItem) (transfer full) and sets @out_version. */
GPtrArray  *pcn_induction_templates_parse   (const char          *json,
                                             gsize                length,
                                             int                 *out_version,
                                             GError             **error);

/* ---------------------------------------------------------- issued items */

/* One item of a starter's checklist. */
typedef struct
{
  gint64              id;
  gint64              staff_id;
  char               *staff_name;    /* filled in by the store */
  gint64              checklist_id;  /* the issued list it belongs to */
  PcnChecklistKind    checklist;
  char               *practice;      /* the host practice of a practice list, else NULL */
  char               *section;
  char               *text;
  PcnInductionOwner   owner;
  PcnInductionDue     due_offset;
  GDate               due;           /* from the starter's start date */
  int                 position;
  PcnInductionStatus  status;
  char               *done_by;       /* who ticked it (done or N/A) */
  char               *done_on;       /* ISO date */
  char               *na_reason;
  char               *note;
} PcnInductionItem;

PcnInductionItem *pcn_induction_item_new      (void);
PcnInductionItem *pcn_induction_item_copy     (const PcnInductionItem *item);
void              pcn_induction_item_free     (PcnInductionItem *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnInductionItem, pcn_induction_item_free)

/* Sets @item->due from @start and @item->due_offset. */
void        pcn_induction_item_set_start    (PcnInductionItem    *item,
                                             const GDate         *start);
/* Open and due before @as_at. */
gboolean    pcn_induction_item_is_overdue   (const PcnInductionItem *item,
                                             const GDate            *as_at);

/* Checks a tick of @item (done on @date, or N/A with @na_reason when that
 * is not NULL) by @by, for someone starting on @start, as at @as_at. See
 * the rules at the top. Errors are PCN_CORE_ERROR_INVALID (already done,
 * date out of range) or _REQUIRED (no name, no reason). */
gboolean    pcn_induction_item_validate_tick (const PcnInductionItem *item,
                                              const GDate            *start,
                                              const char             *by,
                                              const GDate            *date,
                                              const char             *na_reason,
                                              const GDate            *as_at,
                                              GError                **error);

/* ------------------------------------------------------------- progress */

/* Progress of one issued checklist as at a date. */
typedef struct
{
  gint64            checklist_id;
  PcnChecklistKind  checklist;
  char             *practice;     /* practice lists only */
  guint             items_total;
  guint             items_done;
  guint             items_na;
  guint             items_overdue;
  GDate             next_due;     /* earliest due date of an open item; invalid when none */
} PcnInductionProgress;

void        pcn_induction_progress_free     (PcnInductionProgress *progress);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnInductionProgress, pcn_induction_progress_free)

/* Sums @items (PcnInductionItem, any order, of one or more checklists)
 * per checklist as at @as_at. Returns (element-type PcnInductionProgress)
 * (transfer full) in the order pcn, practice lists (by first item seen),
 * employer. */
GPtrArray  *pcn_induction_progress_compute  (GPtrArray           *items,
                                             const GDate         *as_at);

/* A starter and the progress of each of their checklists. */
typedef struct
{
  PcnStaff  *staff;       /* (owned) */
  GPtrArray *checklists;  /* (element-type PcnInductionProgress) (owned) */
} PcnInductionStarter;

void        pcn_induction_starter_free      (PcnInductionStarter *starter);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnInductionStarter, pcn_induction_starter_free)

G_END_DECLS
