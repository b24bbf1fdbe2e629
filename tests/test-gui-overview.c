/* test-gui-overview.c — the Overview on the sample PCN: it is the page a
 * PCN opens on and loads off the main thread; every chart has categories,
 * series with values, a table of the same rows and an accessible summary;
 * the tiles show the store's own figures; a tile opens the page behind it;
 * charts save as non-empty PNGs, in light and in forced dark (ui suite).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "pcn-demo.h"
#include "pcn-overview-figure.h"
#include "pcn-overview-page-private.h"
#include "pcn-store.h"
#include "pcn-window-private.h"

#define AS_AT "2025-11-15"

typedef gboolean (*Condition) (gpointer data);

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Spins the main context until @cond holds (or fails after 30 s). */
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
window_is_ready (gpointer data)
{
  return !_pcn_window_is_busy (data);
}

static gboolean
overview_has_loaded (gpointer data)
{
  PcnOverviewPage *page = data;

  return _pcn_overview_page_get_n_loads (page) > 0 && !_pcn_overview_page_is_loading (page);
}

typedef struct
{
  char      *dir;
  char      *path;
  GDate      as_at;
  PcnWindow *window;
  PcnOverviewPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  dark)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnStore) store = NULL;

  if (dark != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);

  f->dir = g_dir_make_tmp ("test-gui-overview-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "pcn.db", NULL);
  g_assert_true (pcn_date_parse (AS_AT, &f->as_at, NULL));

  store = pcn_store_open (f->path, &error);
  g_assert_no_error (error);
  pcn_demo_fill (store, 0, &f->as_at, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  f->window = g_object_ref (pcn_window_new (NULL));
  pcn_window_set_as_at (f->window, &f->as_at);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  pcn_window_open_database (f->window, f->path);
  spin_until (window_is_ready, f->window);

  f->page = _pcn_window_get_overview_page (f->window);
  g_assert_cmpstr (_pcn_window_get_page_name (f->window), ==, "overview");
  spin_until (overview_has_loaded, f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  dark)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };

  gtk_window_destroy (GTK_WINDOW (f->window));
  spin_idle ();
  g_assert_finalize_object (f->window);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_assert_no_errno (g_rmdir (f->dir));
  g_free (f->path);
  g_free (f->dir);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);
}

static PcnStore *
open_store (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PcnStore *store = pcn_store_open (f->path, &error);

  g_assert_no_error (error);
  return store;
}

/* Every chart: categories, each series with some value, the table showing
 * the same rows, and its summary as the accessible description. */
static void
assert_charts_drawn (Fixture *f)
{
  for (guint i = 0; i < PCN_OVERVIEW_N_CHARTS; i++)
    {
      PcnOverviewChart *card = _pcn_overview_page_get_chart (f->page, i);
      PcnChart *chart = pcn_overview_chart_get_chart (card);
      GtkColumnView *table = pcn_overview_chart_get_table (card);
      guint n = pcn_chart_get_n_categories (chart);
      g_autofree char *summary = pcn_chart_dup_summary (chart);

      g_test_message ("chart %u: %s", i, pcn_chart_get_title (chart));
      g_assert_false (pcn_overview_chart_is_empty (card));
      g_assert_cmpuint (n, >, 0);
      g_assert_cmpuint (pcn_chart_get_n_series (chart), >, 0);
      g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (table))),
                        ==, n);
      g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (table)), ==,
                        pcn_chart_get_n_series (chart) + 1);

      for (guint s = 0; s < pcn_chart_get_n_series (chart); s++)
        {
          PcnChartSeries *series = pcn_chart_get_series (chart, s);
          gboolean any = FALSE;

          for (guint c = 0; c < n; c++)
            any |= !isnan (pcn_chart_series_get_value (series, c));
          g_assert_true (any);
        }

      g_assert_nonnull (summary);
      g_assert_cmpuint (strlen (summary), >, 0);
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (chart), GTK_ACCESSIBLE_ROLE_IMG);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (chart),
                                           GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary);
    }
}

static gboolean
charts_are_laid_out (gpointer data)
{
  Fixture *f = data;

  for (guint i = 0; i < PCN_OVERVIEW_N_CHARTS; i++)
    {
      PcnChart *chart = pcn_overview_chart_get_chart (_pcn_overview_page_get_chart (f->page, i));

      if (gtk_widget_get_width (GTK_WIDGET (chart)) <= 0 || !gtk_widget_get_realized (GTK_WIDGET (chart)))
        return FALSE;
    }
  return TRUE;
}

/* Saves every chart to a PNG and checks the file is a non-empty PNG. */
static void
assert_charts_save (Fixture *f)
{
  static const guint8 signature[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  spin_until (charts_are_laid_out, f);

  for (guint i = 0; i < PCN_OVERVIEW_N_CHARTS; i++)
    {
      PcnChart *chart = pcn_overview_chart_get_chart (_pcn_overview_page_get_chart (f->page, i));
      g_autofree char *name = g_strdup_printf ("chart-%u.png", i);
      g_autofree char *png = g_build_filename (f->dir, name, NULL);
      g_autofree char *contents = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;

      pcn_chart_save_png (chart, png, &error);
      g_assert_no_error (error);
      g_assert_true (g_file_get_contents (png, &contents, &length, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (length, >, 1000);
      g_assert_cmpmem (contents, sizeof signature, signature, sizeof signature);
      if (g_getenv ("PCN_TEST_KEEP_PNG") != NULL)
        {
          g_autofree char *kept = g_strdup_printf ("%s/overview-%s-%u.png",
                                                   g_getenv ("PCN_TEST_KEEP_PNG"),
                                                   adw_style_manager_get_dark (adw_style_manager_get_default ())
                                                   ? "dark" : "light", i);
          g_assert_true (g_file_set_contents (kept, contents, (gssize) length, NULL));
        }
      g_assert_no_errno (g_remove (png));
    }
}

static void
test_sample (Fixture       *f,
             gconstpointer  dark)
{
  g_autoptr(PcnStore) store = open_store (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) staff = pcn_store_list_staff (store, &error);
  g_autoptr(PcnLedger) ledger = NULL;
  g_autofree char *wte_text = NULL;
  g_autofree char *forecast_text = NULL;
  int wte = 0;

  g_assert_no_error (error);

  /* The tiles show the store's own figures. */
  for (guint i = 0; i < staff->len; i++)
    if (pcn_staff_get_status (staff->pdata[i], &f->as_at) == PCN_STAFF_STATUS_IN_POST)
      wte += pcn_staff_get_wte (staff->pdata[i]);
  g_assert_cmpint (wte, >, 0);
  wte_text = pcn_wte_format (wte);
  g_assert_cmpstr (pcn_overview_tile_get_value (_pcn_overview_page_get_tile (f->page, PCN_OVERVIEW_TILE_WTE)),
                   ==, wte_text);

  ledger = pcn_store_compute_ledger (store, pcn_financial_year_of (&f->as_at), &f->as_at, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pcn_ledger_get_forecast (ledger), >, 0);
  forecast_text = pcn_money_format (pcn_ledger_get_forecast (ledger));
  g_assert_cmpstr (pcn_overview_tile_get_value (_pcn_overview_page_get_tile (f->page, PCN_OVERVIEW_TILE_FORECAST)),
                   ==, forecast_text);

  /* Every tile says what it is to a screen reader. */
  for (guint t = 0; t < PCN_OVERVIEW_N_TILES; t++)
    {
      PcnOverviewTile *tile = _pcn_overview_page_get_tile (f->page, t);
      g_autofree char *label = g_strdup_printf ("%s: %s, %s", pcn_overview_tile_get_caption (tile),
                                                pcn_overview_tile_get_value (tile),
                                                pcn_overview_tile_get_detail (tile));

      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (tile), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           label);
    }

  assert_charts_drawn (f);
  assert_charts_save (f);

  /* Clicking the WTE tile opens the Team page, the forecast the Recruitment page;
   * Ctrl+0's action comes back and loads again. */
  g_signal_emit_by_name (_pcn_overview_page_get_tile (f->page, PCN_OVERVIEW_TILE_WTE), "clicked");
  g_assert_cmpstr (_pcn_window_get_page_name (f->window), ==, "team");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "overview");
  g_assert_cmpstr (_pcn_window_get_page_name (f->window), ==, "overview");
  g_signal_emit_by_name (_pcn_overview_page_get_tile (f->page, PCN_OVERVIEW_TILE_FORECAST), "clicked");
  g_assert_cmpstr (_pcn_window_get_page_name (f->window), ==, "recruitment");
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-page", "s", "overview");
  spin_until (overview_has_loaded, f->page);
  g_assert_cmpuint (_pcn_overview_page_get_n_loads (f->page), >=, 2);
  assert_charts_drawn (f);

  if (dark != NULL)
    g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
}

/* A PCN with nothing in it: every chart shows its empty text, and the
 * tiles say there is no allocation. */
static void
test_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-gui-overview-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "pcn.db", NULL);
  g_autoptr(PcnStore) store = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  GtkWindow *window;
  PcnOverviewPage *page;
  GDate as_at;

  g_assert_no_error (error);
  store = pcn_store_open (path, &error);
  g_assert_no_error (error);
  pcn_network_set_name (network, "Empty PCN");
  pcn_network_set_list_size (network, 12000);
  g_ptr_array_add (practices, pcn_practice_new ("Riverside Surgery"));
  g_assert_true (pcn_store_create_network (store, network, practices, &error));
  g_assert_no_error (error);
  g_assert_true (pcn_date_parse (AS_AT, &as_at, NULL));

  window = GTK_WINDOW (gtk_window_new ());
  page = g_object_ref_sink (g_object_new (PCN_TYPE_OVERVIEW_PAGE, NULL));
  gtk_window_set_child (window, GTK_WIDGET (page));
  pcn_overview_page_set_as_at (page, &as_at);
  pcn_overview_page_set_store (page, store);
  /* Not shown yet: nothing is read until it is. */
  g_assert_false (_pcn_overview_page_is_loading (page));
  gtk_window_present (window);
  spin_until (overview_has_loaded, page);

  for (guint i = 0; i < PCN_OVERVIEW_N_CHARTS; i++)
    if (i != 1 && i != 4)   /* the budget months and the quarters always have rows */
      g_assert_true (pcn_overview_chart_is_empty (_pcn_overview_page_get_chart (page, i)));
  g_assert_cmpstr (pcn_overview_tile_get_value (_pcn_overview_page_get_tile (page, PCN_OVERVIEW_TILE_WTE)),
                   ==, "0.0");

  gtk_window_destroy (window);
  spin_idle ();
  g_assert_finalize_object (page);
  g_assert_finalize_object (g_steal_pointer (&store));
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_remove (file);
    }
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  /* As test-gui-window.c: gtk_test_init() in GTK 4.8 drops its options,
   * so isolate the XDG dirs here, keeping the system's MIME database. */
  for (guint i = 0; g_get_system_data_dirs ()[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (g_get_system_data_dirs ()[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();
  {
    /* The app's style sheet (AdwApplication loads it; there is none here):
     * the charts' colour classes come from it. */
    g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();

    gtk_css_provider_load_from_resource (css, "/org/pcnworkforce/PcnWorkforce/style.css");
    gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                                GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  }

  g_test_add ("/gui/overview/sample", Fixture, NULL,
              fixture_set_up, test_sample, fixture_tear_down);
  g_test_add ("/gui/overview/sample-dark", Fixture, "dark",
              fixture_set_up, test_sample, fixture_tear_down);
  g_test_add_func ("/gui/overview/empty", test_empty);

  return g_test_run ();
}
