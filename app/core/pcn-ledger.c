/* pcn-ledger.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pcn-core-error.h"
#include "pcn-ledger.h"
#include "pcn-reference.h"
#include "pcn-values.h"

#define NO_END G_MAXUINT32

struct _PcnLedger
{
  gatomicrefcount ref_count;
  PcnLedgerLine  *line_block;   /* the lines, in one allocation */
  int             year;
  char           *year_name;
  gint64          allocation;
  PcnLedgerMonth  months[PCN_LEDGER_MONTHS];
  gint64          forecast;
  GPtrArray      *lines;
  GPtrArray      *checks;
};

G_DEFINE_BOXED_TYPE (PcnLedger, pcn_ledger, pcn_ledger_ref, pcn_ledger_unref)

/* What the ledger needs to know about a role for the year, looked up once. */
typedef struct
{
  const char *code;
  const char *name;
  const char *staff_group;
  guint32     available_from;                    /* Julian day; 0 = always */
  gint64      annual_max[PCN_LEDGER_MONTHS];     /* in force on the 1st; -1 */
  int         share[PCN_LEDGER_MONTHS];
  PcnRule    *share_rule[PCN_LEDGER_MONTHS];
  int         cap[PCN_LEDGER_MONTHS];            /* at the month's end; -1 */
  PcnRule    *cap_rule[PCN_LEDGER_MONTHS];
  gboolean    any_cap;
  /* a rate for the role starts after the 1st of the month */
  gboolean    rate_starts_mid[PCN_LEDGER_MONTHS];
  GPtrArray  *capped_items;                      /* Item *, for the caps */
} RoleInfo;

/* A staff member or planned post being counted. */
typedef struct
{
  PcnCheckSubject  kind;
  gint64           id;
  GObject         *object;
  const char      *role_code;
  RoleInfo        *role;
  int              wte;
  guint32          start;           /* Julian days; 0 = open */
  guint32          end;             /* NO_END = open */
  gint64           annual;          /* salary (staff) / cost (post); -1 */
  const gint64    *actuals;         /* payroll figure per month (-1: none) */
  gboolean         excluded;        /* the prior-employment rule applies */
  PcnRule         *prior_rule;
  PcnLedgerLine   *line;
  gboolean         over_cap;
} Item;

typedef struct
{
  const PcnLedgerInput *input;
  char                 *year_name;
  GDate                 first[PCN_LEDGER_MONTHS];
  guint32               first_j[PCN_LEDGER_MONTHS];
  guint32               last_j[PCN_LEDGER_MONTHS];
  int                   dim[PCN_LEDGER_MONTHS];
  GHashTable           *roles;      /* code → RoleInfo */
  GHashTable           *actuals;    /* staff id → gint64[12], -1 = none */
  GHashTable           *translations;  /* msgid → translation */
  char                 *month_names[PCN_LEDGER_MONTHS];
} Ctx;

static const char *tr (Ctx        *ctx,
                       const char *msgid) G_GNUC_FORMAT (2);

/* The translation of @msgid (marked with N_()), looked up once per ledger:
 * gettext costs about a microsecond a call, which adds up over thousands
 * of checks. */
static const char *
tr (Ctx        *ctx,
    const char *msgid)
{
  const char *t = g_hash_table_lookup (ctx->translations, msgid);

  if (t == NULL)
    {
      t = g_dgettext (GETTEXT_PACKAGE, msgid);
      g_hash_table_insert (ctx->translations, (gpointer) msgid, (gpointer) t);
    }
  return t;
}

/* "2024-06-15" → Julian day; FALSE for anything else. Faster than a full
 * date parse, which matters over thousands of people. */
static gboolean
iso_to_julian (const char *iso,
               guint32    *out)
{
  int y, m, d;

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  for (int i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  y = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  m = (iso[5] - '0') * 10 + (iso[6] - '0');
  d = (iso[8] - '0') * 10 + (iso[9] - '0');
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  {
    GDate date;
    g_date_clear (&date, 1);
    g_date_set_dmy (&date, d, m, y);
    *out = g_date_get_julian (&date);
  }
  return TRUE;
}

/* Integer helpers */

/* a × b × c / d, rounded half up, for non-negative values. */
static gint64
muldiv3 (gint64 a,
         gint64 b,
         gint64 c,
         gint64 d)
{
#ifdef __SIZEOF_INT128__
  unsigned __int128 n = (unsigned __int128) a * (guint64) b * (guint64) c;

  return (gint64) ((n + (guint64) d / 2) / (guint64) d);
#else
  return (a * b * c + d / 2) / d;
#endif
}

void
pcn_on_costs_init_default (PcnOnCosts *on_costs)
{
  g_return_if_fail (on_costs != NULL);
  on_costs->employer_ni_bp = PCN_ON_COSTS_DEFAULT_NI_BP;
  on_costs->employer_pension_bp = PCN_ON_COSTS_DEFAULT_PENSION_BP;
}

void
pcn_ledger_input_init (PcnLedgerInput *input,
                       int             year)
{
  g_return_if_fail (input != NULL);

  memset (input, 0, sizeof *input);
  input->year = year;
  input->area = PCN_AREA_NATIONAL;
  input->allocation_pence = -1;
  pcn_on_costs_init_default (&input->on_costs);
}

void
pcn_ledger_month_date (int  year,
                       int  month_index,
                       int *out_year,
                       int *out_month)
{
  g_return_if_fail (month_index >= 0 && month_index < PCN_LEDGER_MONTHS);

  *out_month = (month_index + 3) % 12 + 1;
  *out_year = month_index < 9 ? year : year + 1;
}

int
pcn_days_in_post (int          year,
                  int          month_index,
                  const GDate *start,
                  const GDate *end,
                  int         *out_days_in_month)
{
  int y, m, dim;
  guint32 first, last, from, to;
  GDate d;

  g_return_val_if_fail (month_index >= 0 && month_index < PCN_LEDGER_MONTHS, 0);

  pcn_ledger_month_date (year, month_index, &y, &m);
  dim = g_date_get_days_in_month (m, y);
  if (out_days_in_month)
    *out_days_in_month = dim;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, m, y);
  first = g_date_get_julian (&d);
  last = first + dim - 1;
  from = start && g_date_valid (start) ? MAX (first, g_date_get_julian (start)) : first;
  to = end && g_date_valid (end) ? MIN (last, g_date_get_julian (end)) : last;
  return to >= from ? (int) (to - from + 1) : 0;
}

gint64
pcn_pro_rata_max (gint64 annual_max_pence,
                  int    wte_milli,
                  int    days,
                  int    days_in_month)
{
  g_return_val_if_fail (annual_max_pence >= 0 && wte_milli >= 0 && days >= 0, 0);
  g_return_val_if_fail (days_in_month > 0, 0);

  /* annual × (wte/1000) × (days/dim) / 12 */
  return muldiv3 (annual_max_pence, wte_milli, days, (gint64) PCN_WTE_FULL * days_in_month * 12);
}

gint64
pcn_cost_estimate (gint64            annual_salary_pence,
                   const PcnOnCosts *on_costs,
                   int               uplift_bp,
                   int               days,
                   int               days_in_month)
{
  gint64 factor;

  g_return_val_if_fail (annual_salary_pence >= 0 && on_costs != NULL && days >= 0, 0);
  g_return_val_if_fail (days_in_month > 0 && uplift_bp > -10000, 0);

  /* (1 + NI + pension) × (1 + uplift), in units of 1/10,000 × 1/10,000 */
  factor = (gint64) (10000 + on_costs->employer_ni_bp + on_costs->employer_pension_bp) *
           (10000 + uplift_bp);
  return muldiv3 (annual_salary_pence, factor, days,
                  G_GINT64_CONSTANT (100000000) * days_in_month * 12);
}

gint64
pcn_apply_share (gint64 pence,
                 int    percent)
{
  g_return_val_if_fail (pence >= 0 && percent >= 0, 0);
  return muldiv3 (pence, percent, 1, 100);
}

/* Context */

static void
role_info_free (RoleInfo *ri)
{
  g_clear_pointer (&ri->capped_items, g_ptr_array_unref);
  g_free (ri);
}

static void
ctx_init (Ctx                  *ctx,
          const PcnLedgerInput *input)
{
  memset (ctx, 0, sizeof *ctx);
  ctx->input = input;
  ctx->year_name = pcn_financial_year_name (input->year);
  for (int i = 0; i < PCN_LEDGER_MONTHS; i++)
    {
      int y, m;

      pcn_ledger_month_date (input->year, i, &y, &m);
      ctx->dim[i] = g_date_get_days_in_month (m, y);
      g_date_clear (&ctx->first[i], 1);
      g_date_set_dmy (&ctx->first[i], 1, m, y);
      ctx->first_j[i] = g_date_get_julian (&ctx->first[i]);
      ctx->last_j[i] = ctx->first_j[i] + ctx->dim[i] - 1;
    }
  ctx->roles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                      (GDestroyNotify) role_info_free);
  ctx->translations = g_hash_table_new (NULL, NULL);

  if (input->actuals != NULL && input->actuals->len > 0)
    {
      /* One block per person: key (their id) and 12 months. */
      ctx->actuals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < input->actuals->len; i++)
        {
          PcnActualCost *a = &g_array_index (input->actuals, PcnActualCost, i);
          gint64 *block;

          if (a->month_index < 0 || a->month_index >= PCN_LEDGER_MONTHS || a->pence < 0)
            continue;
          block = g_hash_table_lookup (ctx->actuals, &a->staff_id);
          if (block == NULL)
            {
              block = g_new (gint64, 1 + PCN_LEDGER_MONTHS);
              block[0] = a->staff_id;
              for (int m = 1; m <= PCN_LEDGER_MONTHS; m++)
                block[m] = -1;
              g_hash_table_insert (ctx->actuals, block, block);
            }
          block[1 + a->month_index] = a->pence;
        }
    }
}

static void
ctx_clear (Ctx *ctx)
{
  g_clear_pointer (&ctx->year_name, g_free);
  g_clear_pointer (&ctx->roles, g_hash_table_unref);
  g_clear_pointer (&ctx->actuals, g_hash_table_unref);
  g_clear_pointer (&ctx->translations, g_hash_table_unref);
  for (int i = 0; i < PCN_LEDGER_MONTHS; i++)
    g_clear_pointer (&ctx->month_names[i], g_free);
}

static RoleInfo *
ctx_get_role (Ctx        *ctx,
              const char *code)
{
  const PcnLedgerInput *in = ctx->input;
  RoleInfo *ri = g_hash_table_lookup (ctx->roles, code);
  PcnRole *role = NULL;

  if (ri != NULL)
    return ri;

  ri = g_new0 (RoleInfo, 1);
  ri->code = code;
  ri->name = code;
  if (in->roles != NULL && (role = pcn_roles_find (in->roles, code)) != NULL)
    {
      GDate d;

      ri->code = pcn_role_get_code (role);
      ri->name = pcn_role_get_name (role);
      ri->staff_group = pcn_role_get_staff_group (role);
      if (pcn_role_get_available_from (role) &&
          pcn_date_from_iso (pcn_role_get_available_from (role), &d))
        ri->available_from = g_date_get_julian (&d);
    }

  for (guint r = 0; in->rates != NULL && r < in->rates->len; r++)
    {
      PcnRate *rate = g_ptr_array_index (in->rates, r);
      GDate d;
      guint32 j;

      if (g_strcmp0 (pcn_rate_get_role_code (rate), code) != 0 ||
          !pcn_date_from_iso (pcn_rate_get_effective_from (rate), &d))
        continue;
      j = g_date_get_julian (&d);
      for (int i = 0; i < PCN_LEDGER_MONTHS; i++)
        if (j > ctx->first_j[i] && j <= ctx->last_j[i])
          ri->rate_starts_mid[i] = TRUE;
    }

  for (int i = 0; i < PCN_LEDGER_MONTHS; i++)
    {
      PcnRate *rate = in->rates ? pcn_rates_find (in->rates, code, in->area, &ctx->first[i]) : NULL;

      ri->annual_max[i] = rate ? pcn_rate_get_annual (rate) : -1;
      ri->share[i] = 100;
      ri->cap[i] = -1;
      if (in->rules != NULL)
        {
          GDate last;

          ri->share[i] = pcn_rules_arrs_share_percent (in->rules, code, &ctx->first[i],
                                                       &ri->share_rule[i]);
          g_date_clear (&last, 1);
          g_date_set_julian (&last, ctx->last_j[i]);
          ri->cap[i] = pcn_rules_cap_for (in->rules, code, ri->staff_group, in->list_size,
                                          &last, &ri->cap_rule[i]);
          if (ri->cap[i] >= 0)
            ri->any_cap = TRUE;
        }
    }

  g_hash_table_insert (ctx->roles, (gpointer) code, ri);
  return ri;
}

/* Items */

static gboolean
item_init (Ctx        *ctx,
           Item       *item,
           PcnCheckSubject kind,
           GObject    *object,
           gint64      id,
           const char *role_code,
           int         wte,
           const char *start,
           const char *end,
           gint64      annual,
           gboolean    prior_12m)
{
  GDate d;
  guint32 j;

  memset (item, 0, sizeof *item);
  if (role_code == NULL)
    return FALSE;
  item->kind = kind;
  item->object = object;
  item->id = id;
  item->role_code = role_code;
  item->wte = CLAMP (wte, 0, PCN_WTE_FULL);
  item->annual = annual;
  item->end = NO_END;
  if (iso_to_julian (start, &j))
    item->start = j;
  if (iso_to_julian (end, &j))
    item->end = j;

  /* Outside the year altogether? */
  if (item->start > ctx->last_j[PCN_LEDGER_MONTHS - 1] || item->end < ctx->first_j[0])
    return FALSE;

  item->role = ctx_get_role (ctx, role_code);
  if (prior_12m && ctx->input->rules != NULL && item->start != 0)
    {
      g_date_clear (&d, 1);
      g_date_set_julian (&d, item->start);
      item->prior_rule = pcn_rules_prior_employment (ctx->input->rules, role_code, &d);
      item->excluded = item->prior_rule != NULL;
    }
  return TRUE;
}

static gboolean
item_init_staff (Ctx      *ctx,
                 Item     *item,
                 PcnStaff *staff,
                 gboolean  claimable_only)
{
  gint64 id = pcn_staff_get_id (staff);
  const gint64 *block;

  if (claimable_only && !pcn_staff_get_claimable (staff))
    return FALSE;
  if (!item_init (ctx, item, PCN_CHECK_SUBJECT_STAFF, G_OBJECT (staff), id,
                  pcn_staff_get_role_code (staff), pcn_staff_get_wte (staff),
                  pcn_staff_get_start_date (staff), pcn_staff_get_end_date (staff),
                  pcn_staff_get_annual_salary (staff),
                  pcn_staff_get_prior_employment_12m (staff)))
    return FALSE;
  if (ctx->actuals != NULL && (block = g_hash_table_lookup (ctx->actuals, &id)) != NULL)
    item->actuals = block + 1;
  return TRUE;
}

static gboolean
item_init_post (Ctx     *ctx,
                Item    *item,
                PcnPost *post)
{
  if (!pcn_post_is_planned (post))
    return FALSE;
  return item_init (ctx, item, PCN_CHECK_SUBJECT_POST, G_OBJECT (post),
                    pcn_post_get_id (post), pcn_post_get_role_code (post),
                    pcn_post_get_wte (post), pcn_post_get_start_date (post), NULL,
                    pcn_post_get_annual_cost (post),
                    pcn_post_get_prior_employment_12m (post));
}

static void
item_month (Ctx          *ctx,
            const Item   *item,
            int           m,
            PcnMonthCost *out)
{
  const PcnLedgerInput *in = ctx->input;
  const RoleInfo *ri = item->role;
  guint32 from = MAX (ctx->first_j[m], item->start);
  guint32 to = MIN (ctx->last_j[m], item->end);
  int uplift = m >= in->uplift_from_month ? in->uplift_bp : 0;
  gint64 cost;
  gint64 annual_max;

  memset (out, 0, sizeof *out);
  out->days_in_month = ctx->dim[m];
  out->max_pence = -1;
  out->annual_max_pence = -1;
  out->share_percent = ri->share[m];
  out->cost_is_estimate = TRUE;

  if (to < from)
    return;
  /* Not reimbursable before the role entered the scheme. */
  if (ri->available_from > from)
    {
      out->not_eligible = TRUE;
      from = ri->available_from;
      if (to < from)
        return;
    }
  out->days_in_post = (int) (to - from + 1);
  if (item->excluded)
    {
      out->not_eligible = TRUE;
      return;
    }

  annual_max = ri->annual_max[m];
  if (annual_max < 0 && from != ctx->first_j[m] && ri->rate_starts_mid[m])
    {
      GDate d;
      PcnRate *rate;

      g_date_clear (&d, 1);
      g_date_set_julian (&d, from);
      rate = pcn_rates_find (in->rates, item->role_code, in->area, &d);
      annual_max = rate ? pcn_rate_get_annual (rate) : -1;
    }
  out->annual_max_pence = annual_max;
  if (annual_max >= 0)
    out->max_pence = pcn_pro_rata_max (annual_max, item->wte, out->days_in_post, ctx->dim[m]);
  else
    out->no_rate = TRUE;

  if (item->actuals != NULL && item->actuals[m] >= 0)
    {
      cost = item->actuals[m];
      out->cost_is_estimate = FALSE;
    }
  else if (item->annual >= 0 && item->kind == PCN_CHECK_SUBJECT_STAFF)
    cost = pcn_cost_estimate (item->annual, &in->on_costs, uplift, out->days_in_post,
                              ctx->dim[m]);
  else if (item->annual >= 0)
    /* A post's expected cost already includes the on-costs. */
    cost = muldiv3 (item->annual, 10000 + uplift, out->days_in_post,
                    (gint64) 10000 * ctx->dim[m] * 12);
  else
    cost = MAX (out->max_pence, 0);  /* assume the role's maximum */

  out->cost_pence = cost;
  if (out->no_rate)
    return;
  out->claim_pence = pcn_apply_share (MIN (cost, out->max_pence), out->share_percent);
}

void
pcn_ledger_staff_month (const PcnLedgerInput *input,
                        PcnStaff             *staff,
                        int                   month_index,
                        PcnMonthCost         *out)
{
  Ctx ctx;
  Item item;

  g_return_if_fail (input != NULL);
  g_return_if_fail (PCN_IS_STAFF (staff));
  g_return_if_fail (month_index >= 0 && month_index < PCN_LEDGER_MONTHS);
  g_return_if_fail (out != NULL);

  ctx_init (&ctx, input);
  /* Counted as the ledger counts it, claimable or not. */
  if (item_init_staff (&ctx, &item, staff, FALSE))
    item_month (&ctx, &item, month_index, out);
  else
    {
      memset (out, 0, sizeof *out);
      out->days_in_month = ctx.dim[month_index];
      out->max_pence = out->annual_max_pence = -1;
      out->share_percent = 100;
    }
  ctx_clear (&ctx);
}

void
pcn_ledger_post_month (const PcnLedgerInput *input,
                       PcnPost              *post,
                       int                   month_index,
                       PcnMonthCost         *out)
{
  Ctx ctx;
  Item item;

  g_return_if_fail (input != NULL);
  g_return_if_fail (PCN_IS_POST (post));
  g_return_if_fail (month_index >= 0 && month_index < PCN_LEDGER_MONTHS);
  g_return_if_fail (out != NULL);

  ctx_init (&ctx, input);
  if (item_init_post (&ctx, &item, post))
    item_month (&ctx, &item, month_index, out);
  else
    {
      memset (out, 0, sizeof *out);
      out->days_in_month = ctx.dim[month_index];
      out->max_pence = out->annual_max_pence = -1;
      out->share_percent = 100;
    }
  ctx_clear (&ctx);
}

/* Checks */

static char *
format_julian (guint32 j)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, j);
  return pcn_date_format_display (&d);
}

/* 80000 → "80,000" */
static char *
format_count (gint64 n)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, n);
  GString *s = g_string_new (NULL);
  gsize len = strlen (digits);

  for (gsize i = 0; i < len; i++)
    {
      if (i > 0 && digits[i - 1] != '-' && (len - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

static const char *
format_month (Ctx *ctx,
              int  m)
{
  if (ctx->month_names[m] == NULL)
    {
      char buf[64];

      /* Translators: a month and year, see strftime(3) */
      if (g_date_strftime (buf, sizeof buf, _("%B %Y"), &ctx->first[m]) == 0)
        ctx->month_names[m] = pcn_date_to_iso (&ctx->first[m]);
      else
        ctx->month_names[m] = g_strdup (buf);
    }
  return ctx->month_names[m];
}

static void
add_check (GPtrArray        *errors,
           GPtrArray        *warnings,
           Ctx              *ctx,
           const char       *rule_id,
           PcnCheckSeverity  severity,
           const Item       *item,
           const char       *message)
{
  PcnCheck *check = pcn_check_new (rule_id, ctx->year_name, severity,
                                   item ? item->kind : PCN_CHECK_SUBJECT_NONE,
                                   item ? item->id : 0,
                                   item ? item->line->name : NULL,
                                   message);

  g_ptr_array_add (severity == PCN_CHECK_ERROR ? errors : warnings, check);
}

static void
check_item (Ctx       *ctx,
            Item      *item,
            gboolean   any_no_rate,
            int        lowest_share,
            PcnRule   *share_rule,
            GPtrArray *errors,
            GPtrArray *warnings)
{
  const RoleInfo *ri = item->role;
  const char *name = item->line->name;
  guint32 first_day = MAX (item->start, ctx->first_j[0]);

  /* The role is reimbursable in the year only from its date of entry. */
  if (ri->available_from > first_day)
    {
      g_autofree char *rule_id = g_strdup_printf ("eligibility:%s:available_from", ri->code);
      g_autofree char *from = format_julian (first_day);
      g_autofree char *avail = format_julian (ri->available_from);
      g_autofree char *msg = NULL;

      msg = g_strdup_printf (
        /* Translators: %1$s person or post, %2$s role, %3$s and %4$s dates, %5$s "2024/25" */
        tr (ctx, N_("%1$s: the %2$s role is not reimbursable from %3$s — it enters the "
                    "scheme on %4$s, so nothing is counted before then "
                    "(role eligibility, %5$s)")),
        name, ri->name, from, avail, ctx->year_name);
      add_check (errors, warnings, ctx, rule_id, PCN_CHECK_ERROR, item, msg);
    }

  if (item->excluded)
    {
      g_autofree char *msg = NULL;
      g_autofree char *rule_from = NULL;
      GDate d;

      pcn_date_from_iso (item->prior_rule->from, &d);
      rule_from = pcn_date_format_display (&d);
      msg = g_strdup_printf (
        /* Translators: %1$s person or post, %2$s role, %3$d months, %4$s date, %5$s rule id,
         * %6$s "2025/26" */
        tr (ctx, N_("%1$s: a %2$s who was employed by the PCN or a member practice in the "
                    "previous %3$d months is not reimbursable, unless recruited into a "
                    "specialist or more senior role (the prior-employment rule from %4$s, "
                    "%5$s, applied in %6$s): nothing is counted")),
        name, ri->name, item->prior_rule->months, rule_from, item->prior_rule->id,
        ctx->year_name);
      add_check (errors, warnings, ctx, item->prior_rule->id, PCN_CHECK_ERROR, item, msg);
    }

  if (lowest_share < 100 && share_rule != NULL)
    {
      g_autofree char *msg = g_strdup_printf (
        /* Translators: %1$s person or post, %2$s role, %3$s "2023/24", %4$d percent,
         * %5$s rule id, %6$s the rule's text */
        tr (ctx, N_("%1$s: in %3$s the ARRS pays only %4$d%% of a %2$s’s cost (shared "
                    "funding, rule %5$s: “%6$s”); the ledger counts %4$d%% of the lesser of "
                    "the cost and the maximum")),
        name, ri->name, ctx->year_name, lowest_share, share_rule->id,
        share_rule->text ? share_rule->text : "");
      add_check (errors, warnings, ctx, share_rule->id, PCN_CHECK_WARNING, item, msg);
    }

  if (any_no_rate)
    {
      g_autofree char *rule_id = g_strdup_printf ("rate:%s", ri->code);
      g_autofree char *msg = g_strdup_printf (
        /* Translators: %1$s person or post, %2$s role, %3$s "2023/24" */
        tr (ctx, N_("%1$s (%2$s, %3$s): no rate known for this role and year — enter it "
                    "from your ICB’s rate list")),
        name, ri->name, ctx->year_name);
      add_check (errors, warnings, ctx, rule_id, PCN_CHECK_WARNING, item, msg);
    }
}

static int
compare_items_by_start (gconstpointer a,
                        gconstpointer b)
{
  const Item *x = *(const Item *const *) a;
  const Item *y = *(const Item *const *) b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->kind != y->kind)
    return x->kind == PCN_CHECK_SUBJECT_STAFF ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* Headcount caps, counted over staff in post and planned posts on the last
 * day of each month (the NWRS extract is taken at midnight on the last day
 * of the month). The latest starters beyond the cap are the ones flagged. */
static void
check_caps (Ctx       *ctx,
            GPtrArray *errors,
            GPtrArray *warnings)
{
  GHashTableIter iter;
  RoleInfo *ri;

  g_hash_table_iter_init (&iter, ctx->roles);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &ri))
    {
      if (!ri->any_cap || ri->capped_items == NULL)
        continue;
      g_ptr_array_sort (ri->capped_items, compare_items_by_start);

      for (int m = 0; m < PCN_LEDGER_MONTHS; m++)
        {
          int count = 0;
          int in_post = 0;

          if (ri->cap[m] < 0)
            continue;
          for (guint i = 0; i < ri->capped_items->len; i++)
            {
              Item *item = g_ptr_array_index (ri->capped_items, i);

              if (item->start <= ctx->last_j[m] && item->end >= ctx->last_j[m])
                in_post++;
            }
          if (in_post <= ri->cap[m])
            continue;

          for (guint i = 0; i < ri->capped_items->len; i++)
            {
              Item *item = g_ptr_array_index (ri->capped_items, i);
              PcnRule *rule = ri->cap_rule[m];
              const char *month;
              g_autofree char *list = NULL;
              g_autofree char *msg = NULL;

              if (!(item->start <= ctx->last_j[m] && item->end >= ctx->last_j[m]))
                continue;
              if (++count <= ri->cap[m] || item->over_cap)
                continue;
              item->over_cap = TRUE;
              month = format_month (ctx, m);
              list = format_count (ctx->input->list_size);
              msg = g_strdup_printf (
                /* Translators: %1$s person or post, %2$d a count, %3$s role, %4$s month,
                 * %5$d the cap, %6$s list size, %7$s rule id, %8$s the rule's text,
                 * %9$s "2023/24" */
                tr (ctx, N_("%1$s is over the cap: %2$d %3$s posts in post or planned at "
                            "the end of %4$s, where a PCN with a list of %6$s may have %5$d "
                            "(rule %7$s: “%8$s”, %9$s)")),
                item->line->name, in_post, ri->name, month, ri->cap[m], list, rule->id,
                rule->text ? rule->text : "", ctx->year_name);
              add_check (errors, warnings, ctx, rule->id, PCN_CHECK_ERROR, item, msg);
            }
        }
    }
}

/* The ledger */

static char *
dup_item_name (Ctx  *ctx,
               Item *item)
{
  const char *name;

  if (item->kind == PCN_CHECK_SUBJECT_STAFF)
    name = pcn_staff_get_name (PCN_STAFF (item->object));
  else
    name = pcn_post_get_title (PCN_POST (item->object));
  if (name != NULL)
    return g_strdup (name);
  if (item->kind == PCN_CHECK_SUBJECT_POST && item->id > 0)
    {
      char id[24];

      /* as pcn_post_dup_display_name(), with the translation looked up once */
      g_snprintf (id, sizeof id, "%" G_GINT64_FORMAT, item->id);
      return g_strdup_printf (tr (ctx, N_("%1$s post %2$s")), item->role_code, id);
    }
  if (item->kind == PCN_CHECK_SUBJECT_POST)
    return pcn_post_dup_display_name (PCN_POST (item->object));
  return g_strdup (item->role_code);
}

static void
count_item (Ctx           *ctx,
            Item          *item,
            PcnLedger     *ledger,
            PcnLedgerLine *line,
            GPtrArray     *errors,
            GPtrArray     *warnings)
{
  gboolean any_no_rate = FALSE;
  int lowest_share = 100;
  PcnRule *share_rule = NULL;

  line->kind = item->kind;
  line->id = item->id;
  line->role_code = g_strdup (item->role_code);
  line->wte = item->wte;
  line->name = dup_item_name (ctx, item);
  item->line = line;
  g_ptr_array_add (ledger->lines, line);

  for (int m = 0; m < PCN_LEDGER_MONTHS; m++)
    {
      PcnMonthCost mc;

      item_month (ctx, item, m, &mc);
      if (mc.days_in_post == 0)
        continue;
      line->months[m] = mc.claim_pence;
      line->total_pence += mc.claim_pence;
      if (item->kind == PCN_CHECK_SUBJECT_STAFF)
        ledger->months[m].in_post_pence += mc.claim_pence;
      else
        ledger->months[m].planned_pence += mc.claim_pence;
      if (mc.no_rate)
        any_no_rate = TRUE;
      if (!mc.not_eligible && mc.share_percent < lowest_share)
        {
          lowest_share = mc.share_percent;
          share_rule = item->role->share_rule[m];
        }
    }
  line->share_percent = lowest_share;
  line->no_rate = any_no_rate;

  if (item->role->any_cap)
    {
      if (item->role->capped_items == NULL)
        item->role->capped_items = g_ptr_array_new ();
      g_ptr_array_add (item->role->capped_items, item);
    }

  check_item (ctx, item, any_no_rate, lowest_share, share_rule, errors, warnings);
}

PcnLedger *
pcn_ledger_compute (const PcnLedgerInput *input)
{
  g_autoptr(PcnLedger) ledger = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree Item *items = NULL;
  guint n_staff, n_posts, n_items = 0;
  gint64 cumulative = 0;
  Ctx ctx;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (input->uplift_from_month >= 0 &&
                        input->uplift_from_month < PCN_LEDGER_MONTHS, NULL);

  ctx_init (&ctx, input);

  ledger = g_new0 (PcnLedger, 1);
  g_atomic_ref_count_init (&ledger->ref_count);
  ledger->year = input->year;
  ledger->year_name = g_strdup (ctx.year_name);
  ledger->allocation = input->allocation_pence >= 0 ? input->allocation_pence : -1;
  ledger->lines = g_ptr_array_new ();
  ledger->checks = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_check_free);
  errors = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_check_free);
  warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_check_free);

  n_staff = input->staff ? input->staff->len : 0;
  n_posts = input->posts ? input->posts->len : 0;
  items = g_new (Item, n_staff + n_posts);
  ledger->line_block = g_new0 (PcnLedgerLine, n_staff + n_posts);

  for (guint i = 0; i < n_staff; i++)
    if (item_init_staff (&ctx, &items[n_items], g_ptr_array_index (input->staff, i), TRUE))
      count_item (&ctx, &items[n_items], ledger, &ledger->line_block[n_items], errors, warnings),
        n_items++;
  for (guint i = 0; i < n_posts; i++)
    if (item_init_post (&ctx, &items[n_items], g_ptr_array_index (input->posts, i)))
      count_item (&ctx, &items[n_items], ledger, &ledger->line_block[n_items], errors, warnings),
        n_items++;

  for (int m = 0; m < PCN_LEDGER_MONTHS; m++)
    {
      PcnLedgerMonth *lm = &ledger->months[m];

      pcn_ledger_month_date (input->year, m, &lm->year, &lm->month);
      lm->total_pence = lm->in_post_pence + lm->planned_pence;
      cumulative += lm->total_pence;
      lm->cumulative_pence = cumulative;
    }
  ledger->forecast = cumulative;

  check_caps (&ctx, errors, warnings);

  if (ledger->allocation >= 0 && ledger->forecast > ledger->allocation)
    {
      g_autofree char *forecast = pcn_money_format (ledger->forecast);
      g_autofree char *allocation = pcn_money_format (ledger->allocation);
      g_autofree char *over = pcn_money_format (ledger->forecast - ledger->allocation);
      g_autofree char *msg = g_strdup_printf (
        /* Translators: %1$s forecast, %2$s "2025/26", %3$s allocation, %4$s overspend */
        _("Planned spend of %1$s is over the %2$s ARRS allocation of %3$s by %4$s: the PCN "
          "cannot claim more than its allocation (ARRS sum, %2$s)"),
        forecast, ctx.year_name, allocation, over);
      add_check (errors, warnings, &ctx, "allocation", PCN_CHECK_ERROR, NULL, msg);
    }

  g_ptr_array_extend_and_steal (ledger->checks, g_steal_pointer (&errors));
  g_ptr_array_extend_and_steal (ledger->checks, g_steal_pointer (&warnings));

  ctx_clear (&ctx);
  return g_steal_pointer (&ledger);
}

PcnLedger *
pcn_ledger_ref (PcnLedger *ledger)
{
  g_return_val_if_fail (ledger != NULL, NULL);
  g_atomic_ref_count_inc (&ledger->ref_count);
  return ledger;
}

void
pcn_ledger_unref (PcnLedger *ledger)
{
  g_return_if_fail (ledger != NULL);

  if (!g_atomic_ref_count_dec (&ledger->ref_count))
    return;
  g_free (ledger->year_name);
  for (guint i = 0; i < ledger->lines->len; i++)
    {
      PcnLedgerLine *line = g_ptr_array_index (ledger->lines, i);
      g_free (line->name);
      g_free (line->role_code);
    }
  g_clear_pointer (&ledger->lines, g_ptr_array_unref);
  g_clear_pointer (&ledger->line_block, g_free);
  g_clear_pointer (&ledger->checks, g_ptr_array_unref);
  g_free (ledger);
}

int
pcn_ledger_get_year (PcnLedger *ledger)
{
  g_return_val_if_fail (ledger != NULL, 0);
  return ledger->year;
}

const char *
pcn_ledger_get_year_name (PcnLedger *ledger)
{
  g_return_val_if_fail (ledger != NULL, NULL);
  return ledger->year_name;
}

gboolean
pcn_ledger_has_allocation (PcnLedger *ledger)
{
  g_return_val_if_fail (ledger != NULL, FALSE);
  return ledger->allocation >= 0;
}

gint64
pcn_ledger_get_allocation (PcnLedger *ledger)
{
  g_return_val_if_fail (ledger != NULL, -1);
  return ledger->allocation;
}

const PcnLedgerMonth *
pcn_ledger_get_month (PcnLedger *ledger,
                      guint      index)
{
  g_return_val_if_fail (ledger != NULL, NULL);
  g_return_val_if_fail (index < PCN_LEDGER_MONTHS, NULL);
  return &ledger->months[index];
}

gint64
pcn_ledger_get_forecast (PcnLedger *ledger)
{
  g_return_val_if_fail (ledger != NULL, 0);
  return ledger->forecast;
}

gint64
pcn_ledger_get_headroom (PcnLedger *ledger)
{
  g_return_val_if_fail (ledger != NULL, 0);
  return ledger->allocation >= 0 ? ledger->allocation - ledger->forecast : 0;
}

GPtrArray *
pcn_ledger_get_lines (PcnLedger *ledger)
{
  g_return_val_if_fail (ledger != NULL, NULL);
  return ledger->lines;
}

GPtrArray *
pcn_ledger_get_checks (PcnLedger *ledger)
{
  g_return_val_if_fail (ledger != NULL, NULL);
  return ledger->checks;
}

guint
pcn_ledger_count_checks (PcnLedger        *ledger,
                         PcnCheckSeverity  severity)
{
  guint n = 0;

  g_return_val_if_fail (ledger != NULL, 0);
  for (guint i = 0; i < ledger->checks->len; i++)
    if (((PcnCheck *) g_ptr_array_index (ledger->checks, i))->severity == severity)
      n++;
  return n;
}

PcnLedger *
pcn_ledger_what_if_uplift (const PcnLedgerInput *input,
                           int                   uplift_bp,
                           int                   from_month_index)
{
  PcnLedgerInput copy;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (uplift_bp > -10000, NULL);
  g_return_val_if_fail (from_month_index >= 0 && from_month_index < PCN_LEDGER_MONTHS, NULL);

  copy = *input;
  copy.uplift_bp = uplift_bp;
  copy.uplift_from_month = from_month_index;
  return pcn_ledger_compute (&copy);
}

gboolean
pcn_ledger_latest_start (const PcnLedgerInput *input,
                         PcnLedger            *ledger,
                         const char           *role_code,
                         int                   wte_milli,
                         gint64                annual_cost_pence,
                         int                  *out_month_index,
                         gint64               *out_cost_pence,
                         gint64               *out_unspent_pence,
                         GError              **error)
{
  gint64 claims[PCN_LEDGER_MONTHS];
  gint64 suffix = 0;
  gint64 headroom;
  int first_eligible = -1;
  int best = -1;
  gint64 best_cost = 0;
  Ctx ctx;
  Item item;

  g_return_val_if_fail (input != NULL, FALSE);
  g_return_val_if_fail (ledger != NULL, FALSE);
  g_return_val_if_fail (role_code != NULL, FALSE);
  g_return_val_if_fail (wte_milli > 0 && wte_milli <= PCN_WTE_FULL, FALSE);

  if (!pcn_ledger_has_allocation (ledger))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                   _("The %s ARRS allocation is needed to know the headroom"),
                   ledger->year_name);
      return FALSE;
    }
  headroom = pcn_ledger_get_headroom (ledger);
  if (headroom <= 0)
    {
      g_autofree char *h = pcn_money_format (headroom);
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("There is no headroom in %s (%s): a new post would overspend"),
                   ledger->year_name, h);
      return FALSE;
    }

  ctx_init (&ctx, input);
  memset (&item, 0, sizeof item);
  item.kind = PCN_CHECK_SUBJECT_POST;
  item.role_code = role_code;
  item.role = ctx_get_role (&ctx, role_code);
  item.wte = wte_milli;
  item.annual = annual_cost_pence >= 0 ? annual_cost_pence : -1;
  item.start = ctx.first_j[0];
  item.end = NO_END;

  /* Starting on the 1st, every month from then on is a whole month, so the
   * cost of starting in month m is the sum of the monthly claims from m. */
  for (int m = 0; m < PCN_LEDGER_MONTHS; m++)
    {
      PcnMonthCost mc;

      item_month (&ctx, &item, m, &mc);
      if (mc.days_in_post > 0 && mc.no_rate)
        {
          RoleInfo *ri = item.role;
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN,
                       /* Translators: %1$s role, %2$s "2023/24" */
                       _("%1$s, %2$s: no rate known for this role and year — enter it from "
                         "your ICB’s rate list"), ri->name, ctx.year_name);
          ctx_clear (&ctx);
          return FALSE;
        }
      if (mc.days_in_post > 0 && first_eligible < 0)
        first_eligible = m;
      claims[m] = mc.claim_pence;
    }

  if (first_eligible < 0)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("%1$s is not reimbursable in %2$s"), item.role->name, ctx.year_name);
      ctx_clear (&ctx);
      return FALSE;
    }

  /* No earlier than the role enters the scheme. */
  for (int m = PCN_LEDGER_MONTHS - 1; m >= first_eligible; m--)
    {
      suffix += claims[m];
      if (suffix > headroom)
        break;
      best = m;
      best_cost = suffix;
    }

  if (best < 0)
    {
      g_autofree char *h = pcn_money_format (headroom);
      g_autofree char *c = pcn_money_format (claims[PCN_LEDGER_MONTHS - 1]);
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("Even starting in March, the post (%1$s) would cost more than the %2$s "
                     "headroom (%3$s)"), c, ctx.year_name, h);
      ctx_clear (&ctx);
      return FALSE;
    }

  if (out_month_index)
    *out_month_index = best;
  if (out_cost_pence)
    *out_cost_pence = best_cost;
  if (out_unspent_pence)
    *out_unspent_pence = headroom - best_cost;
  ctx_clear (&ctx);
  return TRUE;
}
