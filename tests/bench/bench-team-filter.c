/* bench-team-filter.c — typing in the Team page's search box over 10,000
 * staff. Issue 2 asks for under 50 ms a keystroke.
 *
 * For each keystroke the benchmark sets the search text, then times the
 * page's search-changed path (the GtkSearchEntry would run it after its
 * typing delay): refiltering, the count label, the empty/no-matches state
 * and the selection. It also reports the time to the next painted frame,
 * which adds the column view's relayout and drawing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdlib.h>

#include "pcn-demo.h"
#include "pcn-staff-row-item.h"
#include "pcn-store.h"
#include "pcn-team-page-private.h"
#include "pcn-workforce-resources.h"

#define N_STAFF 10000
#define LIMIT_MS 50.0

static gboolean painted;

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

  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
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
  g_print ("# typing “%s” letter by letter, then deleting it\n", name);

  for (guint k = 1; k <= 2 * n_keys; k++)
    {
      guint len = k <= n_keys ? k : 2 * n_keys - k;
      g_autofree char *text = g_utf8_substring (name, 0, len);
      double f_ms, p_ms;
      gint64 start, filtered;

      /* One key: insert the next character, or delete the last one. */
      if (k <= n_keys)
        {
          const char *ch = g_utf8_offset_to_pointer (name, k - 1);
          int pos = k - 1;

          gtk_editable_insert_text (GTK_EDITABLE (entry), ch,
                                    g_utf8_next_char (ch) - ch, &pos);
        }
      else
        gtk_editable_delete_text (GTK_EDITABLE (entry), len, len + 1);
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, text);

      painted = FALSE;
      start = g_get_monotonic_time ();
      _pcn_team_page_apply_search (page);
      filtered = g_get_monotonic_time ();
      while (!painted && g_get_monotonic_time () - start < G_USEC_PER_SEC)
        g_main_context_iteration (NULL, TRUE);

      f_ms = (filtered - start) / 1000.0;
      p_ms = (g_get_monotonic_time () - start) / 1000.0;
      g_array_append_val (filter_ms, f_ms);
      g_array_append_val (frame_ms, p_ms);
      g_print ("%-24s %6u shown  filter %6.2f ms  to next frame %6.2f ms\n",
               text, g_list_model_get_n_items (model), f_ms, p_ms);
    }

  g_print ("# %u keystrokes over %d staff: filter median %.2f ms, max %.2f ms; "
           "to next frame median %.2f ms, max %.2f ms (limit %.0f ms)\n",
           filter_ms->len, N_STAFF, median (filter_ms), maximum (filter_ms),
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

  if (maximum (filter_ms) > LIMIT_MS)
    {
      g_printerr ("A keystroke took %.2f ms to filter, over %.0f ms\n", maximum (filter_ms), LIMIT_MS);
      return EXIT_FAILURE;
    }
  return EXIT_SUCCESS;
}
