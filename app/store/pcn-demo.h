/* pcn-demo.h — the sample PCN ("Explore a sample PCN", `pcnw demo`)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pcn-store.h"

G_BEGIN_DECLS

/* The number of staff in the hand-written sample. */
#define PCN_DEMO_DEFAULT_STAFF 25

/* Fills an empty database (no PCN yet) with a believable sample PCN: five
 * member practices, ARRS allocations for two financial years and about 25
 * staff across more than ten roles, with dates relative to @today (NULL:
 * the real date). @n_staff 0 gives the hand-written sample; a larger number
 * adds deterministic generated staff (for benchmarks), a smaller one keeps
 * the first @n_staff people of the sample. The recruitment plan has six
 * posts: two planned from the next 1 January, one advertised, one offered,
 * one in post (filled by the first person) and one withdrawn. Refuses a database that already
 * holds a PCN with PCN_STORE_ERROR_EXISTS. */
gboolean pcn_demo_fill (PcnStore    *store,
                        guint        n_staff,
                        const GDate *today,
                        GError     **error);

/* Named supervisors, a few months of sessions (some overdue), training
 * items and integration answers for the sample's staff, and the PCN's GP
 * hourly rate (pcn-demo-supervision.c; called by pcn_demo_fill()). */
gboolean _pcn_demo_fill_supervision (PcnStore    *store,
                                     const GDate *today,
                                     GError     **error);

/* A vision, four objectives linked to the sample's posts by role, a
 * review, buy-in from every practice (the first three agreed) and a
 * four-week skills audit (pcn-demo-vision.c; called by pcn_demo_fill()). */
gboolean _pcn_demo_fill_vision      (PcnStore    *store,
                                     const GDate *today,
                                     GError     **error);

/* Checklists issued for every starter as at @today, most items already due
 * ticked by their owners and some left overdue (pcn-demo-induction.c;
 * called by pcn_demo_fill()). */
gboolean _pcn_demo_fill_induction   (PcnStore    *store,
                                     const GDate *today,
                                     GError     **error);

G_END_DECLS
