/* bench-team-filter.c — typing in the Team page's search box over 10,000
 * staff. Issue 2 asks for under 50 ms a keystroke.
 *
 * Each keystroke inserts or deletes one letter in the search entry and
 * applies the search at once, as the entry does after its typing delay:
 * refiltering, the count label, the empty/no-matches state, the selection
 * and rebinding the rows. Two times are taken from just before the key:
 *
 *   filter       until the page has applied the search;
 *   next frame   until the next frame is painted, which adds the column
 *                view's relayout and drawing: what the person waits for.
 *
 * Keys come 100 ms apart, as from a fast typist. The benchmark fails when
 * any keystroke's next frame is later than 50 ms.
 * It prints how each frame was spent (waiting for the frame clock, layout,
 * paint) to show where the time goes.
 *
 * PCN_BENCH_ROUNDS=N types and deletes the name N times (default 1).
 * PCN_BENCH_PERF_CTL=FIFO writes "enable"/"disable" round the typing, for
 * `perf record -D -1 --control=fifo:FIFO`.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "pcn-demo.h"
#include "pcn-staff-row-item.h"
#include "pcn-store.h"
#include "pcn-team-page-private.h"
#include "pcn-workforce-resources.h"

#define N_STAFF 10000
#define LIMIT_MS 50.0

/* Frame clock phases of the frame being waited for. */
static gboolean painted;
static gint64 frame_start;
static gint64 layout_end;
static gint64 paint_end;

static void
on_before_paint_cb (GdkFrameClock *clock,
                    gpointer       user_data)
{
  frame_start = g_get_monotonic_time ();
}

static void
on_layout_cb (GdkFrameClock *clock,
              gpointer       user_data)
{
  layout_end = g_get_monotonic_time ();
}

static void
on_paint_cb (GdkFrameClock *clock,
             gpointer       user_data)
{
  paint_end = g_get_monotonic_time ();
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  painted = TRUE;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  g_array_sort (sorted, compare_doubles);
  return g_array_index (sorted, double, sorted->len / 2);
}

static double
maximum (GArray *values)
{
  double m = 0;

  for (guint i = 0; i < values->len; i++)
    m = MAX (m, g_array_index (values, double, i));
  return m;
}

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

static void
tell_perf (const char *command)
{
  const char *fifo = g_getenv ("PCN_BENCH_PERF_CTL");
  FILE *ctl;

  if (fifo == NULL || (ctl = fopen (fifo, "w")) == NULL)
    return;
  fprintf (ctl, "%s\n", command);
  fclose (ctl);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(GArray) filter_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  const char *rounds_env = g_getenv ("PCN_BENCH_ROUNDS");
  guint rounds = rounds_env ? MAX (1, atoi (rounds_env)) : 1;
  GtkWindow *window;
  PcnTeamPage *page;
  GtkWidget *entry;
  GdkFrameClock *clock;
  GListModel *model;
  gint64 t0;
  GDate today;
  guint n_keys;

  gtk_init ();
  adw_init ();
  g_assert_nonnull (pcn_workforce_get_resource ());

  dir = g_dir_make_tmp ("bench-team-filter-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "pcn.db", NULL);
  store = pcn_store_open (path, &error);
  g_assert_no_error (error);
  pcn_date_set_today (&today);
  t0 = g_get_monotonic_time ();
  pcn_demo_fill (store, N_STAFF, &today, &error);
  g_assert_no_error (error);
  g_print ("# made %d staff in %.0f ms\n", N_STAFF, (g_get_monotonic_time () - t0) / 1000.0);

  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  page = g_object_new (PCN_TYPE_TEAM_PAGE, NULL);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);

  t0 = g_get_monotonic_time ();
  pcn_team_page_set_store (page, store);
  while (!_pcn_team_page_get_loaded (page))
    g_main_context_iteration (NULL, TRUE);
  g_print ("# loaded into the page in %.0f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  spin_for (300);

  /* Connected after GTK's own handlers: "layout" and "paint" then mark
   * the end of GTK's work in those phases. */
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "before-paint", G_CALLBACK (on_before_paint_cb), NULL);
  g_signal_connect_after (clock, "layout", G_CALLBACK (on_layout_cb), NULL);
  g_signal_connect_after (clock, "paint", G_CALLBACK (on_paint_cb), NULL);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);

  /* Show leavers too, so all 10,000 are in play. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (_pcn_team_page_get_leavers_check (page)), TRUE);
  spin_for (100);

  model = _pcn_team_page_get_model (page);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, N_STAFF);
  {
    g_autoptr(PcnStaffRowItem) item = g_list_model_get_item (model, N_STAFF / 2);
    name = g_strdup (pcn_staff_get_name (pcn_staff_row_item_get_staff (item)));
  }

  entry = _pcn_team_page_get_search_entry (page);
  n_keys = g_utf8_strlen (name, -1);
  g_print ("# typing “%s” letter by letter, then deleting it%s\n", name,
           rounds > 1 ? g_strdup_printf (", %u times", rounds) : "");
  g_print ("# %-22s %6s  %8s  %10s  (%s)\n", "search text", "shown", "filter", "next frame",
           "wait for frame, layout, paint");

  tell_perf ("enable");
  for (guint k = 0; k < 2 * n_keys * rounds; k++)
    {
      guint key = k % (2 * n_keys) + 1;
      guint len = key <= n_keys ? key : 2 * n_keys - key;
      g_autofree char *text = g_utf8_substring (name, 0, len);
      double f_ms, p_ms;
      gint64 start, filtered, end;

      /* Keys 100 ms apart, a fast typist: the list finishes growing or
       * shrinking out of view between keys (see PcnStaffRowModel). */
      spin_for (100);
      painted = FALSE;
      frame_start = layout_end = paint_end = 0;
      start = g_get_monotonic_time ();

      /* One key: insert the next character, or delete the last one. */
      if (key <= n_keys)
        {
          const char *ch = g_utf8_offset_to_pointer (name, key - 1);
          int pos = key - 1;

          gtk_editable_insert_text (GTK_EDITABLE (entry), ch,
                                    g_utf8_next_char (ch) - ch, &pos);
        }
      else
        gtk_editable_delete_text (GTK_EDITABLE (entry), len, len + 1);
      _pcn_team_page_apply_search (page);
      filtered = g_get_monotonic_time ();

      while (!painted && g_get_monotonic_time () - start < G_USEC_PER_SEC)
        g_main_context_iteration (NULL, TRUE);
      end = g_get_monotonic_time ();
      g_assert_true (painted);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);

      f_ms = (filtered - start) / 1000.0;
      p_ms = (end - start) / 1000.0;
      g_array_append_val (filter_ms, f_ms);
      g_array_append_val (frame_ms, p_ms);
      g_print ("%-24s %6u  %8.2f  %10.2f  (%6.2f %6.2f %6.2f)\n",
               text, g_list_model_get_n_items (model), f_ms, p_ms,
               (frame_start - filtered) / 1000.0, (layout_end - frame_start) / 1000.0,
               (paint_end - layout_end) / 1000.0);
    }
  tell_perf ("disable");

  g_print ("# %u keystrokes over %d staff: filter median %.2f ms, max %.2f ms; "
           "key to next frame median %.2f ms, max %.2f ms (limit %.0f ms)\n",
           frame_ms->len, N_STAFF, median (filter_ms), maximum (filter_ms),
           median (frame_ms), maximum (frame_ms), LIMIT_MS);

  gtk_window_destroy (window);
  g_clear_object (&store);
  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);
    g_autofree char *shm = g_strconcat (path, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
    g_unlink (path);
    g_rmdir (dir);
  }

  if (maximum (frame_ms) > LIMIT_MS)
    {
      g_printerr ("A keystroke took %.2f ms to its next frame, over %.0f ms\n",
                  maximum (frame_ms), LIMIT_MS);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
