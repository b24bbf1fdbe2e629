/* pcn-demo-induction.c — induction checklists for the sample PCN's
 * starters (pcn_demo_fill())
 *
 * Every starter as at @today (in their first six months, or about to
 * start) has their checklists issued. Items already due are mostly ticked
 * by whoever owns them (the PCN manager, the host practice's manager, the
 * employer's HR) on or a little before their due date; about one in five
 * is left open, so the sample shows overdue items. Someone about to start
 * has half of their pre-employment checks done. Mandatory training is
 * marked not applicable for one person who brought it from a previous NHS
 * post. Everything is deterministic and relative to @today.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "pcn-demo.h"

/* Only the first people get checklists ticked, so a benchmark database of
 * thousands of staff is not slowed down. */
#define MAX_PEOPLE 40

#define PCN_MANAGER "Karen Ellis"

static const struct
{
  const char *practice;
  const char *manager;
} practice_managers[] = {
  { "Riverside Medical Centre",     "Julie Marsden" },
  { "Castle Street Health Centre",  "Paul Whitaker" },
  { "Millbrook Surgery",            "Sandra Hughes" },
  { "The Old Forge Practice",       "Gemma Price" },
  { "Abbey Fields Family Practice", "Imran Sheikh" },
};

static const char *
ticked_by (const PcnInductionItem *item)
{
  if (item->owner == PCN_INDUCTION_OWNER_EMPLOYER)
    return "Employer HR";
  if (item->owner == PCN_INDUCTION_OWNER_HOST_PRACTICE)
    for (guint i = 0; i < G_N_ELEMENTS (practice_managers); i++)
      if (g_strcmp0 (item->practice, practice_managers[i].practice) == 0)
        return practice_managers[i].manager;
  return PCN_MANAGER;
}

/* Whether the @n-th item of a started person is left open. */
static gboolean
left_open (guint n,
           guint person)
{
  return (n + person) % 5 == 4;
}

static gboolean
tick_items (PcnStore    *store,
            PcnStaff    *staff,
            guint        person,
            const GDate *today,
            GError     **error)
{
  g_autoptr(GPtrArray) items = NULL;
  gboolean started;
  gboolean na_done = FALSE;
  GDate start, earliest;

  if (!pcn_date_from_iso (pcn_staff_get_start_date (staff), &start))
    return TRUE;
  started = g_date_compare (&start, today) <= 0;
  earliest = start;
  g_date_subtract_months (&earliest, PCN_INDUCTION_EARLIEST_MONTHS);

  items = pcn_store_list_induction_items (store, pcn_staff_get_id (staff), NULL, error);
  if (items == NULL)
    return FALSE;
  for (guint n = 0; n < items->len; n++)
    {
      PcnInductionItem *item = g_ptr_array_index (items, n);
      g_autoptr(PcnInductionItem) ticked = NULL;
      g_autofree char *iso = NULL;
      const char *na_reason = NULL;
      GDate on;

      if (item->status != PCN_INDUCTION_STATUS_OPEN || !g_date_valid (&item->due))
        continue;
      if (started)
        {
          /* Due already: done on the day or up to two days before. */
          if (g_date_compare (&item->due, today) > 0 || left_open (n, person))
            continue;
          on = item->due;
          g_date_subtract_days (&on, n % 3);
          if (item->due_offset != PCN_INDUCTION_DUE_BEFORE_START && g_date_compare (&on, &start) < 0)
            on = start;
        }
      else
        {
          /* About to start: half of the pre-employment checks done. */
          if (item->due_offset != PCN_INDUCTION_DUE_BEFORE_START || n % 2 == 1)
            continue;
          on = *today;
          g_date_subtract_days (&on, n % 7);
        }
      if (g_date_compare (&on, &earliest) < 0 || g_date_compare (&on, today) > 0)
        continue;
      if (started && !na_done && person % 2 == 0 && item->text != NULL &&
          strstr (item->text, "andatory training") != NULL)
        {
          na_reason = "Completed in a previous NHS post; certificates seen";
          na_done = TRUE;
        }
      iso = pcn_date_to_iso (&on);
      ticked = pcn_store_tick_induction_item (store, pcn_staff_get_id (staff), item->id, ticked_by (item),
                                              iso, na_reason, NULL, today, error);
      if (ticked == NULL)
        return FALSE;
    }
  return TRUE;
}

gboolean
_pcn_demo_fill_induction (PcnStore    *store,
                          const GDate *today,
                          GError     **error)
{
  g_autoptr(GPtrArray) staff = NULL;
  guint person = 0;

  staff = pcn_store_list_staff (store, error);
  if (staff == NULL)
    return FALSE;
  for (guint i = 0; i < MIN (staff->len, (guint) MAX_PEOPLE); i++)
    {
      PcnStaff *s = g_ptr_array_index (staff, i);

      if (!pcn_induction_is_starter (s, today))
        continue;
      if (!pcn_store_issue_induction (store, pcn_staff_get_id (s), error) ||
          !tick_items (store, s, person++, today, error))
        return FALSE;
    }
  return TRUE;
}
