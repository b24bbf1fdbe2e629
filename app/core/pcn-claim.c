/* pcn-claim.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pcn-claim.h"
#include "pcn-core-error.h"
#include "pcn-rules.h"
#include "pcn-values.h"

struct _PcnClaim
{
  gatomicrefcount  ref_count;
  int              year;
  int              month;
  int              financial_year;
  int              month_index;
  char            *year_name;
  char            *month_key;
  GPtrArray       *lines;        /* PcnClaimLine */
  GPtrArray       *rates_used;   /* PcnRate */
  gint64           total_claim;
  gint64           total_actual;
  gint64           total_max;
};

G_DEFINE_BOXED_TYPE (PcnClaim, pcn_claim, pcn_claim_ref, pcn_claim_unref)

struct _PcnBackpay
{
  gatomicrefcount  ref_count;
  GPtrArray       *lines;        /* PcnBackpayLine */
  gint64           total_claimed;
  gint64           total_claimable;
  gint64           total_difference;
};

G_DEFINE_BOXED_TYPE (PcnBackpay, pcn_backpay, pcn_backpay_ref, pcn_backpay_unref)

G_DEFINE_BOXED_TYPE (PcnClaimMonth, pcn_claim_month, pcn_claim_month_copy, pcn_claim_month_free)

/* A role's rates and rules, picked out once per claim so that each
 * person's month reads a handful of entries rather than the whole tables. */
typedef struct
{
  GPtrArray  *rates;   /* PcnRate (borrowed) */
  GPtrArray  *rules;   /* PcnRule (borrowed): the role's and "ALL" */
  PcnRate    *rate;    /* in force on the 1st, or NULL */
  const char *name;
  GDate       available_from;  /* cleared when not known */
} RoleCache;

static void
role_cache_free (RoleCache *rc)
{
  g_clear_pointer (&rc->rates, g_ptr_array_unref);
  g_clear_pointer (&rc->rules, g_ptr_array_unref);
  g_free (rc);
}

static void
claim_line_free (PcnClaimLine *line)
{
  g_clear_object (&line->staff);
  g_clear_object (&line->rate);
  g_free (line->name);
  g_free (line->payroll_id);
  g_free (line->role_code);
  g_free (line->role_name);
  g_free (line);
}

static void
backpay_line_free (PcnBackpayLine *line)
{
  g_clear_object (&line->staff);
  g_free (line->name);
  g_free (line->payroll_id);
  g_free (line->role_code);
  g_free (line->role_name);
  g_free (line);
}

void
pcn_claim_input_init (PcnClaimInput *input)
{
  g_return_if_fail (input != NULL);

  memset (input, 0, sizeof *input);
  input->area = PCN_AREA_NATIONAL;
  pcn_on_costs_init_default (&input->on_costs);
}

static int
financial_year_of (int year,
                   int month)
{
  return month >= 4 ? year : year - 1;
}

static int
month_index_of (int month)
{
  return (month + 8) % 12;
}

static RoleCache *
get_role_cache (GHashTable          *cache,
                const PcnClaimInput *input,
                const char          *code,
                const GDate         *first)
{
  RoleCache *rc = g_hash_table_lookup (cache, code);
  PcnRole *role;

  if (rc != NULL)
    return rc;

  rc = g_new0 (RoleCache, 1);
  rc->rates = g_ptr_array_new ();
  rc->rules = g_ptr_array_new ();
  for (guint i = 0; i < input->rates->len; i++)
    {
      PcnRate *rate = g_ptr_array_index (input->rates, i);

      if (g_strcmp0 (pcn_rate_get_role_code (rate), code) == 0)
        g_ptr_array_add (rc->rates, rate);
    }
  for (guint i = 0; input->rules != NULL && i < input->rules->len; i++)
    {
      PcnRule *rule = g_ptr_array_index (input->rules, i);

      if (g_strcmp0 (rule->role_code, code) == 0 || g_strcmp0 (rule->role_code, "ALL") == 0)
        g_ptr_array_add (rc->rules, rule);
    }
  rc->rate = pcn_rates_find (rc->rates, code, input->area, first);
  rc->name = code;
  g_date_clear (&rc->available_from, 1);
  if (input->roles != NULL && (role = pcn_roles_find (input->roles, code)) != NULL)
    {
      rc->name = pcn_role_get_name (role);
      if (pcn_role_get_available_from (role) != NULL)
        pcn_date_from_iso (pcn_role_get_available_from (role), &rc->available_from);
    }

  g_hash_table_insert (cache, (gpointer) code, rc);
  return rc;
}

/* The line for @staff, or NULL when they are not in the claim. */
static PcnClaimLine *
compute_line (const PcnClaimInput *input,
              GHashTable          *roles,
              GHashTable          *actuals,
              GArray              *one_actual,
              int                  financial_year,
              int                  month_index,
              const GDate         *first,
              PcnStaff            *staff)
{
  const char *code = pcn_staff_get_role_code (staff);
  gint64 id = pcn_staff_get_id (staff);
  PcnLedgerInput li;
  PcnMonthCost mc;
  RoleCache *rc;
  PcnClaimLine *line;
  PcnClaimWarnings warnings = PCN_CLAIM_WARNING_NONE;
  gint64 *actual;
  PcnRate *rate;
  GDate start;

  if (code == NULL || *code == '\0')
    return NULL;
  if (!pcn_staff_get_claimable (staff))
    {
      if (!input->include_not_claimable)
        return NULL;
      warnings |= PCN_CLAIM_WARNING_NOT_CLAIMABLE;
    }

  rc = get_role_cache (roles, input, code, first);

  /* The person's month exactly as the ledger counts it, from an input cut
   * down to their role and their payroll figure. */
  pcn_ledger_input_init (&li, financial_year);
  li.area = input->area;
  li.on_costs = input->on_costs;
  li.rates = rc->rates;
  li.rules = rc->rules;
  li.roles = input->roles;
  g_array_set_size (one_actual, 0);
  if (actuals != NULL && (actual = g_hash_table_lookup (actuals, &id)) != NULL)
    {
      PcnActualCost a = { id, month_index, *actual };

      g_array_append_val (one_actual, a);
      li.actuals = one_actual;
    }
  pcn_ledger_staff_month (&li, staff, month_index, &mc);

  /* Not in post this month, or the role was not yet reimbursable. */
  if (mc.days_in_post <= 0)
    return NULL;

  /* The prior-employment rule: counted as not claimable. */
  if (pcn_staff_get_prior_employment_12m (staff) && rc->rules->len > 0 &&
      pcn_date_from_iso (pcn_staff_get_start_date (staff), &start) &&
      pcn_rules_prior_employment (rc->rules, code, &start) != NULL)
    {
      if (!input->include_not_claimable)
        return NULL;
      warnings |= PCN_CLAIM_WARNING_NOT_CLAIMABLE;
    }

  /* The rate behind the ledger's annual maximum: in force on the 1st, else
   * (a role whose first rate starts part-way through the month) on the
   * person's first day. */
  rate = rc->rate;
  if (rate == NULL && mc.annual_max_pence >= 0)
    {
      GDate d = *first;

      if (pcn_date_from_iso (pcn_staff_get_start_date (staff), &start) &&
          g_date_compare (&start, &d) > 0)
        d = start;
      if (g_date_valid (&rc->available_from) && g_date_compare (&rc->available_from, &d) > 0)
        d = rc->available_from;
      rate = pcn_rates_find (rc->rates, code, input->area, &d);
    }

  line = g_new0 (PcnClaimLine, 1);
  line->staff = g_object_ref (staff);
  line->name = g_strdup (pcn_staff_get_name (staff));
  line->payroll_id = g_strdup (pcn_staff_get_payroll_id (staff));
  line->role_code = g_strdup (code);
  line->role_name = g_strdup (pcn_staff_get_role_name (staff) != NULL &&
                              *pcn_staff_get_role_name (staff) != '\0'
                              ? pcn_staff_get_role_name (staff) : rc->name);
  line->wte = pcn_staff_get_wte (staff);
  line->days_in_post = mc.days_in_post;
  line->days_in_month = mc.days_in_month;
  line->actual_pence = mc.cost_pence;
  line->actual_is_estimate = mc.cost_is_estimate;
  line->share_percent = mc.share_percent;
  line->rate = rate != NULL ? g_object_ref (rate) : NULL;
  line->annual_max_pence = rate != NULL ? pcn_rate_get_annual (rate) : -1;
  line->max_pence = -1;
  if (line->annual_max_pence >= 0)
    line->max_pence = pcn_pro_rata_max (line->annual_max_pence, CLAMP (line->wte, 0, PCN_WTE_FULL),
                                        line->days_in_post, line->days_in_month);
  else
    warnings |= PCN_CLAIM_WARNING_NO_RATE;

  if (mc.cost_is_estimate)
    {
      if (pcn_staff_get_annual_salary (staff) < 0)
        {
          /* The ledger assumes the maximum to forecast; a claim needs a cost. */
          warnings |= PCN_CLAIM_WARNING_NO_COST;
          line->actual_pence = 0;
        }
      else
        warnings |= PCN_CLAIM_WARNING_ESTIMATE;
    }

  if (warnings & (PCN_CLAIM_WARNING_NO_RATE | PCN_CLAIM_WARNING_NO_COST |
                  PCN_CLAIM_WARNING_NOT_CLAIMABLE))
    line->claim_pence = 0;
  else
    line->claim_pence = pcn_apply_share (MIN (line->actual_pence, line->max_pence),
                                         line->share_percent);
  line->warnings = warnings;

  /* One rule, one implementation: the ledger's figure is the claim's. */
  g_assert (line->claim_pence == 0 || line->claim_pence == mc.claim_pence);
  return line;
}

PcnClaim *
pcn_claim_compute (const PcnClaimInput  *input,
                   int                   year,
                   int                   month,
                   GError              **error)
{
  g_autoptr(PcnClaim) claim = NULL;
  g_autoptr(GHashTable) roles = NULL;
  g_autoptr(GHashTable) actuals = NULL;
  g_autoptr(GHashTable) seen_rates = NULL;
  g_autoptr(GArray) one_actual = NULL;
  GDate first;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (month < 1 || month > 12 || year < 1900 || year > 9999)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   /* Translators: %1$d is a year, %2$d a month number */
                   _("There is no month %2$d of %1$d to claim for"), year, month);
      return NULL;
    }
  if (input->rates == NULL)
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                           _("A claim needs the ARRS maximum reimbursable amounts"));
      return NULL;
    }

  claim = g_new0 (PcnClaim, 1);
  g_atomic_ref_count_init (&claim->ref_count);
  claim->year = year;
  claim->month = month;
  claim->financial_year = financial_year_of (year, month);
  claim->month_index = month_index_of (month);
  claim->year_name = pcn_financial_year_name (claim->financial_year);
  claim->month_key = g_strdup_printf ("%04d-%02d", year, month);
  claim->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_line_free);
  claim->rates_used = g_ptr_array_new_with_free_func (g_object_unref);

  g_date_clear (&first, 1);
  g_date_set_dmy (&first, 1, month, year);

  roles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) role_cache_free);
  seen_rates = g_hash_table_new (NULL, NULL);
  one_actual = g_array_sized_new (FALSE, FALSE, sizeof (PcnActualCost), 1);

  if (input->actuals != NULL)
    {
      actuals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < input->actuals->len; i++)
        {
          PcnActualCost *a = &g_array_index (input->actuals, PcnActualCost, i);
          gint64 *entry;

          if (a->month_index != claim->month_index || a->pence < 0)
            continue;
          /* key and value in one block: id, then pence */
          entry = g_new (gint64, 2);
          entry[0] = a->staff_id;
          entry[1] = a->pence;
          g_hash_table_replace (actuals, entry, entry + 1);
        }
    }

  for (guint i = 0; input->staff != NULL && i < input->staff->len; i++)
    {
      PcnStaff *staff = g_ptr_array_index (input->staff, i);
      PcnClaimLine *line;

      g_return_val_if_fail (PCN_IS_STAFF (staff), NULL);

      line = compute_line (input, roles, actuals, one_actual, claim->financial_year,
                           claim->month_index, &first, staff);
      if (line == NULL)
        continue;
      g_ptr_array_add (claim->lines, line);
      claim->total_claim += line->claim_pence;
      claim->total_actual += line->actual_pence;
      if (line->max_pence > 0)
        claim->total_max += line->max_pence;
      if (line->rate != NULL && g_hash_table_add (seen_rates, line->rate))
        g_ptr_array_add (claim->rates_used, g_object_ref (line->rate));
    }

  return g_steal_pointer (&claim);
}

PcnClaim *
pcn_claim_ref (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  g_atomic_ref_count_inc (&claim->ref_count);
  return claim;
}

void
pcn_claim_unref (PcnClaim *claim)
{
  g_return_if_fail (claim != NULL);

  if (!g_atomic_ref_count_dec (&claim->ref_count))
    return;
  g_clear_pointer (&claim->lines, g_ptr_array_unref);
  g_clear_pointer (&claim->rates_used, g_ptr_array_unref);
  g_free (claim->year_name);
  g_free (claim->month_key);
  g_free (claim);
}

int
pcn_claim_get_year (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, 0);
  return claim->year;
}

int
pcn_claim_get_month (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, 0);
  return claim->month;
}

int
pcn_claim_get_financial_year (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, 0);
  return claim->financial_year;
}

const char *
pcn_claim_get_financial_year_name (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->year_name;
}

int
pcn_claim_get_month_index (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, 0);
  return claim->month_index;
}

const char *
pcn_claim_get_month_key (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->month_key;
}

GPtrArray *
pcn_claim_get_lines (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->lines;
}

gint64
pcn_claim_get_total_claim (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, 0);
  return claim->total_claim;
}

gint64
pcn_claim_get_total_actual (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, 0);
  return claim->total_actual;
}

gint64
pcn_claim_get_total_max (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, 0);
  return claim->total_max;
}

guint
pcn_claim_count_warnings (PcnClaim         *claim,
                          PcnClaimWarnings  warnings)
{
  guint n = 0;

  g_return_val_if_fail (claim != NULL, 0);

  for (guint i = 0; i < claim->lines->len; i++)
    {
      const PcnClaimLine *line = g_ptr_array_index (claim->lines, i);

      if (line->warnings & warnings)
        n++;
    }
  return n;
}

GPtrArray *
pcn_claim_get_rates_used (PcnClaim *claim)
{
  g_return_val_if_fail (claim != NULL, NULL);
  return claim->rates_used;
}

char *
pcn_claim_warnings_describe (PcnClaimWarnings warnings)
{
  GString *s = g_string_new (NULL);
  const char *parts[4] = { NULL };
  guint n = 0;

  if (warnings & PCN_CLAIM_WARNING_NOT_CLAIMABLE)
    parts[n++] = _("Not claimable: claims nothing");
  if (warnings & PCN_CLAIM_WARNING_NO_RATE)
    parts[n++] = _("No maximum known for the role: claims nothing until a rate is entered");
  if (warnings & PCN_CLAIM_WARNING_NO_COST)
    parts[n++] = _("No payroll figure and no salary: claims nothing until the cost is entered");
  if (warnings & PCN_CLAIM_WARNING_ESTIMATE)
    parts[n++] = _("No payroll figure: estimated from salary and on-costs");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        /* Translators: separates warnings about one claim line */
        g_string_append (s, _("; "));
      g_string_append (s, parts[i]);
    }
  return g_string_free (s, FALSE);
}

/* Claim months */

const char *
pcn_claim_status_to_string (PcnClaimStatus status)
{
  switch (status)
    {
    case PCN_CLAIM_STATUS_SUBMITTED:
      return "submitted";
    case PCN_CLAIM_STATUS_OPEN:
    default:
      return "open";
    }
}

const char *
pcn_claim_status_get_label (PcnClaimStatus status)
{
  switch (status)
    {
    case PCN_CLAIM_STATUS_SUBMITTED:
      return C_("claim status", "Submitted");
    case PCN_CLAIM_STATUS_OPEN:
    default:
      return C_("claim status", "Open");
    }
}

gboolean
pcn_claim_status_parse (const char      *text,
                        PcnClaimStatus  *out_status,
                        GError         **error)
{
  g_return_val_if_fail (out_status != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (text != NULL && g_ascii_strcasecmp (text, "open") == 0)
    *out_status = PCN_CLAIM_STATUS_OPEN;
  else if (text != NULL && g_ascii_strcasecmp (text, "submitted") == 0)
    *out_status = PCN_CLAIM_STATUS_SUBMITTED;
  else
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   /* Translators: %s is what was given; keep "open" and "submitted" */
                   _("“%s” is not a claim status: use open or submitted"),
                   text != NULL ? text : "");
      return FALSE;
    }
  return TRUE;
}

PcnClaimMonth *
pcn_claim_month_new (int year,
                     int month)
{
  PcnClaimMonth *self;

  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  self = g_new0 (PcnClaimMonth, 1);
  self->year = year;
  self->month = month;
  self->status = PCN_CLAIM_STATUS_OPEN;
  self->total_claim_pence = -1;
  return self;
}

PcnClaimMonth *
pcn_claim_month_copy (const PcnClaimMonth *self)
{
  PcnClaimMonth *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->submitted_on = g_strdup (self->submitted_on);
  copy->reopen_reason = g_strdup (self->reopen_reason);
  return copy;
}

void
pcn_claim_month_free (PcnClaimMonth *self)
{
  if (self == NULL)
    return;
  g_free (self->submitted_on);
  g_free (self->reopen_reason);
  g_free (self);
}

gboolean
pcn_claim_month_is_locked (const PcnClaimMonth *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->status == PCN_CLAIM_STATUS_SUBMITTED;
}

static char *
format_month (int year,
              int month)
{
  GDate d;
  char buf[64];

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, month, year);
  /* Translators: a month and year, see strftime(3) */
  if (g_date_strftime (buf, sizeof buf, _("%B %Y"), &d) == 0)
    return g_strdup_printf ("%04d-%02d", year, month);
  return g_strdup (buf);
}

gboolean
pcn_claim_month_submit (PcnClaimMonth  *self,
                        const char     *iso_date,
                        gint64          total_claim_pence,
                        GError        **error)
{
  GDate d;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (total_claim_pence >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->status == PCN_CLAIM_STATUS_SUBMITTED)
    {
      g_autofree char *name = format_month (self->year, self->month);
      g_autofree char *on = NULL;

      g_date_clear (&d, 1);
      pcn_date_from_iso (self->submitted_on, &d);
      on = g_date_valid (&d) ? pcn_date_format_display (&d) : g_strdup (self->submitted_on);
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   /* Translators: %1$s is a month, "June 2025"; %2$s a date */
                   _("The claim for %1$s was already submitted on %2$s"), name, on);
      return FALSE;
    }
  if (iso_date == NULL || !pcn_date_is_iso (iso_date) || !pcn_date_from_iso (iso_date, &d))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   /* Translators: %s is what was given */
                   _("“%s” is not a date (YYYY-MM-DD)"), iso_date != NULL ? iso_date : "");
      return FALSE;
    }

  self->status = PCN_CLAIM_STATUS_SUBMITTED;
  g_free (self->submitted_on);
  self->submitted_on = g_strdup (iso_date);
  self->total_claim_pence = total_claim_pence;
  return TRUE;
}

gboolean
pcn_claim_month_reopen (PcnClaimMonth  *self,
                        const char     *reason,
                        GError        **error)
{
  g_autofree char *stripped = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->status != PCN_CLAIM_STATUS_SUBMITTED)
    {
      g_autofree char *name = format_month (self->year, self->month);

      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   /* Translators: %s is a month, "June 2025" */
                   _("The claim for %s is not submitted, so there is nothing to reopen"), name);
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (reason != NULL ? reason : ""));
  if (*stripped == '\0')
    {
      g_set_error_literal (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                           _("Give a reason for reopening a submitted claim"));
      return FALSE;
    }

  self->status = PCN_CLAIM_STATUS_OPEN;
  g_clear_pointer (&self->submitted_on, g_free);
  self->total_claim_pence = -1;
  g_free (self->reopen_reason);
  self->reopen_reason = g_steal_pointer (&stripped);
  return TRUE;
}

gboolean
pcn_claim_month_check_editable (const PcnClaimMonth  *self,
                                GError              **error)
{
  g_autofree char *name = NULL;
  g_autofree char *on = NULL;
  GDate d;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->status != PCN_CLAIM_STATUS_SUBMITTED)
    return TRUE;

  name = format_month (self->year, self->month);
  on = pcn_date_from_iso (self->submitted_on, &d) ? pcn_date_format_display (&d)
                                                  : g_strdup (self->submitted_on);
  g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
               /* Translators: %1$s is a month, "June 2025"; %2$s a date */
               _("The claim for %1$s was submitted on %2$s and is locked: reopen it, "
                 "giving a reason, before changing it"), name, on);
  return FALSE;
}

static gint64
sum_submitted (GPtrArray *months,
               int        year,
               int        month,
               gboolean   inclusive)
{
  int fy = financial_year_of (year, month);
  int last = month_index_of (month);
  gint64 total = 0;

  for (guint i = 0; months != NULL && i < months->len; i++)
    {
      const PcnClaimMonth *m = g_ptr_array_index (months, i);
      int index;

      if (m->status != PCN_CLAIM_STATUS_SUBMITTED || m->total_claim_pence < 0 ||
          financial_year_of (m->year, m->month) != fy)
        continue;
      index = month_index_of (m->month);
      if (index < last || (inclusive && index == last))
        total += m->total_claim_pence;
    }
  return total;
}

gint64
pcn_claim_months_claimed_before (GPtrArray *months,
                                 int        year,
                                 int        month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  return sum_submitted (months, year, month, FALSE);
}

gint64
pcn_claim_months_claimed_to_date (GPtrArray *months,
                                  int        year,
                                  int        month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, 0);
  return sum_submitted (months, year, month, TRUE);
}

gint64
pcn_claim_allocation_remaining (gint64 allocation_pence,
                                gint64 claimed_pence)
{
  if (allocation_pence < 0)
    return 0;
  return allocation_pence - claimed_pence;
}

/* Back-pay */

static PcnClaimLine *
find_line (GHashTable *by_staff,
           PcnStaff   *staff)
{
  return by_staff != NULL ? g_hash_table_lookup (by_staff, staff) : NULL;
}

static GHashTable *
index_lines (PcnClaim *claim)
{
  GHashTable *by_staff = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < claim->lines->len; i++)
    {
      PcnClaimLine *line = g_ptr_array_index (claim->lines, i);

      g_hash_table_insert (by_staff, line->staff, line);
    }
  return by_staff;
}

PcnBackpay *
pcn_claim_backpay (const PcnClaimInput  *input,
                   GPtrArray            *old_rates,
                   GPtrArray            *new_rates,
                   GPtrArray            *months,
                   GError              **error)
{
  g_autoptr(PcnBackpay) backpay = NULL;
  PcnClaimInput in;

  g_return_val_if_fail (input != NULL, NULL);
  g_return_val_if_fail (old_rates != NULL && new_rates != NULL, NULL);
  g_return_val_if_fail (months != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  backpay = g_new0 (PcnBackpay, 1);
  g_atomic_ref_count_init (&backpay->ref_count);
  backpay->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) backpay_line_free);

  in = *input;
  in.include_not_claimable = FALSE;

  for (guint m = 0; m < months->len; m++)
    {
      const PcnClaimMonth *month = g_ptr_array_index (months, m);
      g_autoptr(PcnClaim) old_claim = NULL;
      g_autoptr(PcnClaim) new_claim = NULL;
      g_autoptr(GHashTable) old_by_staff = NULL;

      in.rates = old_rates;
      old_claim = pcn_claim_compute (&in, month->year, month->month, error);
      if (old_claim == NULL)
        return NULL;
      in.rates = new_rates;
      new_claim = pcn_claim_compute (&in, month->year, month->month, error);
      if (new_claim == NULL)
        return NULL;

      /* The same people are in both: who is in a claim never depends on
       * the rates. */
      old_by_staff = index_lines (old_claim);
      for (guint i = 0; i < new_claim->lines->len; i++)
        {
          PcnClaimLine *now = g_ptr_array_index (new_claim->lines, i);
          PcnClaimLine *then = find_line (old_by_staff, now->staff);
          gint64 claimed = then != NULL ? then->claim_pence : 0;
          PcnBackpayLine *line;

          if (now->claim_pence == claimed)
            continue;

          line = g_new0 (PcnBackpayLine, 1);
          line->staff = g_object_ref (now->staff);
          line->name = g_strdup (now->name);
          line->payroll_id = g_strdup (now->payroll_id);
          line->role_code = g_strdup (now->role_code);
          line->role_name = g_strdup (now->role_name);
          line->year = month->year;
          line->month = month->month;
          line->wte = now->wte;
          line->days_in_post = now->days_in_post;
          line->days_in_month = now->days_in_month;
          line->old_annual_max_pence = then != NULL ? then->annual_max_pence : -1;
          line->new_annual_max_pence = now->annual_max_pence;
          line->claimed_pence = claimed;
          line->claimable_pence = now->claim_pence;
          line->difference_pence = now->claim_pence - claimed;
          backpay->total_claimed += line->claimed_pence;
          backpay->total_claimable += line->claimable_pence;
          backpay->total_difference += line->difference_pence;
          g_ptr_array_add (backpay->lines, line);
        }
    }

  return g_steal_pointer (&backpay);
}

PcnBackpay *
pcn_backpay_new (void)
{
  PcnBackpay *backpay = g_new0 (PcnBackpay, 1);

  g_atomic_ref_count_init (&backpay->ref_count);
  backpay->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) backpay_line_free);
  return backpay;
}

void
pcn_backpay_add_line (PcnBackpay           *backpay,
                      const PcnBackpayLine *line)
{
  PcnBackpayLine *copy;

  g_return_if_fail (backpay != NULL);
  g_return_if_fail (line != NULL);

  copy = g_new0 (PcnBackpayLine, 1);
  *copy = *line;
  copy->staff = line->staff != NULL ? g_object_ref (line->staff) : NULL;
  copy->name = g_strdup (line->name);
  copy->payroll_id = g_strdup (line->payroll_id);
  copy->role_code = g_strdup (line->role_code);
  copy->role_name = g_strdup (line->role_name);
  backpay->total_claimed += copy->claimed_pence;
  backpay->total_claimable += copy->claimable_pence;
  backpay->total_difference += copy->difference_pence;
  g_ptr_array_add (backpay->lines, copy);
}

PcnBackpay *
pcn_backpay_ref (PcnBackpay *backpay)
{
  g_return_val_if_fail (backpay != NULL, NULL);
  g_atomic_ref_count_inc (&backpay->ref_count);
  return backpay;
}

void
pcn_backpay_unref (PcnBackpay *backpay)
{
  g_return_if_fail (backpay != NULL);

  if (!g_atomic_ref_count_dec (&backpay->ref_count))
    return;
  g_clear_pointer (&backpay->lines, g_ptr_array_unref);
  g_free (backpay);
}

GPtrArray *
pcn_backpay_get_lines (PcnBackpay *backpay)
{
  g_return_val_if_fail (backpay != NULL, NULL);
  return backpay->lines;
}

gint64
pcn_backpay_get_total_claimed (PcnBackpay *backpay)
{
  g_return_val_if_fail (backpay != NULL, 0);
  return backpay->total_claimed;
}

gint64
pcn_backpay_get_total_claimable (PcnBackpay *backpay)
{
  g_return_val_if_fail (backpay != NULL, 0);
  return backpay->total_claimable;
}

gint64
pcn_backpay_get_total_difference (PcnBackpay *backpay)
{
  g_return_val_if_fail (backpay != NULL, 0);
  return backpay->total_difference;
}
