/* test-gui-vision.c — the Vision page on the sample PCN: the report loads
 * off the main thread and fills the objectives, buy-in and role-card
 * groups from the store's report; the vision statement saved from the
 * page (trimmed) is what the store reads back and the page shows after
 * reloading; the report the page exports writes a workbook (ui suite).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pcn-demo.h"
#include "pcn-export-vision.h"
#include "pcn-store.h"
#include "pcn-vision-page-private.h"

#define AS_AT "2025-11-15"

typedef gboolean (*Condition) (gpointer data);

typedef struct
{
  char          *dir;
  char          *path;
  PcnStore      *store;
  GtkWindow     *window;
  PcnVisionPage *page;
  GDate          as_at;
  guint          loads;
} Fixture;

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_until (Condition cond,
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, on_timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
spin_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
page_has_loaded (gpointer data)
{
  Fixture *f = data;

  return _pcn_vision_page_get_n_loads (f->page) > f->loads && !_pcn_vision_page_is_busy (f->page);
}

static void
wait_for_load (Fixture *f)
{
  spin_until (page_has_loaded, f);
  f->loads = _pcn_vision_page_get_n_loads (f->page);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("test-gui-vision-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "pcn.db", NULL);
  g_assert_true (pcn_date_parse (AS_AT, &f->as_at, NULL));
  f->store = pcn_store_open (f->path, &error);
  g_assert_no_error (error);
  pcn_demo_fill (f->store, 0, &f->as_at, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = g_object_ref_sink (g_object_new (PCN_TYPE_VISION_PAGE, NULL));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  pcn_vision_page_set_as_at (f->page, &f->as_at);
  pcn_vision_page_set_store (f->page, f->store);
  gtk_window_present (f->window);
  wait_for_load (f);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  unused)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  gtk_window_destroy (f->window);
  spin_idle ();
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_assert_no_errno (g_rmdir (f->dir));
  g_free (f->path);
  g_free (f->dir);
}

static void
test_sample (Fixture       *f,
             gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnVisionReport) report = pcn_store_vision_report (f->store, &f->as_at, &error);
  g_autoptr(PcnVision) vision = NULL;
  PcnVisionReport *shown;

  g_assert_no_error (error);
  shown = _pcn_vision_page_get_report (f->page);
  g_assert_nonnull (shown);

  /* Every group shows the store's report. */
  g_assert_cmpuint (_pcn_vision_page_count_rows (f->page, "objectives"), ==,
                    MAX (report->objectives->len, 1));
  g_assert_cmpuint (_pcn_vision_page_count_rows (f->page, "buy-in"), ==, report->buy_in->len);
  g_assert_cmpuint (_pcn_vision_page_count_rows (f->page, "cards"), ==, report->role_cards->len);
  g_assert_cmpuint (report->role_cards->len, >, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_pcn_vision_page_get_statement_row (f->page))), ==,
                   report->vision->statement ? report->vision->statement : "");

  /* Saving the statement writes it, off the main thread. */
  gtk_editable_set_text (GTK_EDITABLE (_pcn_vision_page_get_statement_row (f->page)),
                         "  The right care, first time, close to home.  ");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "vision.save-vision", NULL);
  g_assert_true (_pcn_vision_page_is_busy (f->page));
  wait_for_load (f);
  vision = pcn_store_get_vision (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (vision->statement, ==, "The right care, first time, close to home.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_pcn_vision_page_get_statement_row (f->page))), ==,
                   "The right care, first time, close to home.");
}

static gboolean
export_is_done (gpointer data)
{
  Fixture *f = data;

  return !_pcn_vision_page_is_busy (f->page);
}

/* The export the page runs is pcn_export_vision on the store's report;
 * here straight, as the file chooser cannot be driven. */
static void
test_export (Fixture       *f,
             gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnVisionReport) report = pcn_store_vision_report (f->store, &f->as_at, &error);
  g_autoptr(PcnNetwork) network = pcn_store_get_network (f->store, &error);
  g_autofree char *xlsx = g_build_filename (f->dir, "strategy.xlsx", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_no_error (error);
  spin_until (export_is_done, f);
  g_assert_true (pcn_export_vision (xlsx, network, report, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (xlsx, &contents, &length, &error));
  g_assert_cmpuint (length, >, 4);
  g_assert_cmpmem (contents, 2, "PK", 2);
  g_assert_no_errno (g_remove (xlsx));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; g_get_system_data_dirs ()[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (g_get_system_data_dirs ()[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();

  g_test_add ("/gui/vision/sample", Fixture, NULL, fixture_set_up, test_sample, fixture_tear_down);
  g_test_add ("/gui/vision/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);

  return g_test_run ();
}
