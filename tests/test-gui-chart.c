/* test-gui-chart.c — PcnChart: accessible role and text summary, stacking
 * and grouping, models and expressions, hover hit-testing, save as PNG
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <adwaita.h>
#include <glib/gstdio.h>

#include "chart/pcn-chart-private.h"
#include "pcn-workforce-resources.h"

static const char * const quarter[] = { "Apr", "May", "Jun", NULL };

static PcnChart *
create_chart (PcnChartSeries **out_bars,
              PcnChartSeries **out_line)
{
  PcnChart *chart = PCN_CHART (g_object_ref_sink (pcn_chart_new ()));
  PcnChartSeries *bars = pcn_chart_series_new ("In post", PCN_CHART_SERIES_BAR);
  PcnChartSeries *line = pcn_chart_series_new ("Cumulative", PCN_CHART_SERIES_LINE);
  const double bar_values[] = { 100, 200, 150 };
  const double line_values[] = { 100, 300, 450 };

  pcn_chart_series_set_stack_group (bars, "spend");
  pcn_chart_series_set_color_class (bars, "accent");
  pcn_chart_series_set_values (bars, bar_values, G_N_ELEMENTS (bar_values));
  pcn_chart_series_set_values (line, line_values, G_N_ELEMENTS (line_values));

  pcn_chart_set_title (chart, "Spend by month");
  pcn_chart_set_categories (chart, quarter);
  pcn_chart_add_series (chart, bars);
  pcn_chart_add_series (chart, line);

  *out_bars = bars;
  *out_line = line;
  return chart;
}

static GtkWidget *
show_in_window (GtkWidget *widget)
{
  GtkWidget *window = gtk_window_new ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  gtk_window_set_default_size (GTK_WINDOW (window), 600, 300);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));

  while (gtk_widget_get_width (widget) == 0 || !gtk_widget_get_mapped (widget))
    {
      g_main_context_iteration (NULL, FALSE);
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
    }
  return window;
}

static void
test_accessible (void)
{
  PcnChartSeries *bars, *line;
  PcnChart *chart = create_chart (&bars, &line);
  const double more[] = { 100, 500, 150 };
  g_autofree char *summary = NULL;

  gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL, "Spend by month");
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "3 categories from Apr to Jun. "
                                       "In post: total 450, highest 200 (May), lowest 100 (Apr). "
                                       "Cumulative: from 100 (Apr) to 450 (Jun), highest 450 (Jun).");

  /* A change to the data is a change to the description. */
  pcn_chart_series_set_values (bars, more, G_N_ELEMENTS (more));
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "3 categories from Apr to Jun. "
                                       "In post: total 750, highest 500 (May), lowest 100 (Apr). "
                                       "Cumulative: from 100 (Apr) to 450 (Jun), highest 450 (Jun).");
  summary = pcn_chart_dup_summary (chart);
  g_assert_true (g_str_has_prefix (summary, "3 categories"));

  /* Money reads as money; a flat line reads as one value. */
  {
    const double flat[] = { 79893000, 79893000, 79893000 };

    pcn_chart_set_unit (chart, PCN_CHART_UNIT_PENCE);
    pcn_chart_series_set_values (line, flat, G_N_ELEMENTS (flat));
    pcn_chart_series_set_title (line, "Allocation");
    gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                         "3 categories from Apr to Jun. "
                                         "In post: total £8, highest £5 (May), lowest £1 (Apr). "
                                         "Allocation: £798,930 throughout.");
  }

  /* The title is the accessible label. */
  pcn_chart_set_title (chart, "Budget");
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL, "Budget");

  /* Removing everything leaves a description still. */
  pcn_chart_remove_series (chart, bars);
  pcn_chart_remove_series (chart, line);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "No data to show.");

  g_assert_finalize_object (chart);
  g_assert_finalize_object (bars);
  g_assert_finalize_object (line);
}

static void
test_stacked_and_grouped (void)
{
  PcnChartSeries *bars, *line;
  PcnChart *chart = create_chart (&bars, &line);
  g_autoptr(PcnChartSeries) planned = pcn_chart_series_new ("Planned", PCN_CHART_SERIES_BAR);
  const double planned_values[] = { 0, 400, 0 };
  g_autofree char *markup = NULL;

  /* Lines only: the axis reaches the line's 450. */
  g_assert_cmpfloat (_pcn_chart_get_scale (chart)->max, ==, 500);

  /* Stacked on "In post": May's bar is 200 + 400 = 600 high. */
  pcn_chart_series_set_stack_group (planned, "spend");
  pcn_chart_series_set_values (planned, planned_values, G_N_ELEMENTS (planned_values));
  pcn_chart_add_series (chart, planned);
  g_assert_cmpfloat (_pcn_chart_get_scale (chart)->max, >=, 600);
  g_assert_cmpfloat (_pcn_chart_get_scale (chart)->max, <, 1000);
  markup = _pcn_chart_dup_category_markup (chart, 1);
  g_assert_nonnull (strstr (markup, "<b>May</b>"));
  g_assert_nonnull (strstr (markup, "In post: <b>200</b>"));
  g_assert_nonnull (strstr (markup, "Planned: <b>400</b>"));
  g_assert_nonnull (strstr (markup, "Total: <b>600</b>"));
  g_clear_pointer (&markup, g_free);

  /* Side by side: the tallest bar is 400, the line's 450 tops the axis. */
  pcn_chart_series_set_stack_group (planned, "plan");
  g_assert_cmpfloat (_pcn_chart_get_scale (chart)->max, ==, 500);
  markup = _pcn_chart_dup_category_markup (chart, 1);
  g_assert_null (strstr (markup, "Total"));
  g_clear_pointer (&markup, g_free);

  /* A series can turn from bars into a line and back. */
  {
    g_autofree char *summary = NULL;

    pcn_chart_series_set_kind (planned, PCN_CHART_SERIES_LINE);
    summary = pcn_chart_dup_summary (chart);
    g_assert_nonnull (strstr (summary, "Planned: from 0 (Apr) to 0 (Jun), highest 400 (May)."));
    pcn_chart_series_set_kind (planned, PCN_CHART_SERIES_BAR);
  }

  /* Negative values take the axis below zero. */
  {
    const double refund[] = { -120, 200, 150 };

    pcn_chart_series_set_values (bars, refund, G_N_ELEMENTS (refund));
    g_assert_cmpfloat (_pcn_chart_get_scale (chart)->min, <, 0);
  }

  g_assert_finalize_object (chart);
  g_assert_finalize_object (bars);
  g_assert_finalize_object (line);
}

static void
test_model (void)
{
  PcnChart *chart = PCN_CHART (g_object_ref_sink (pcn_chart_new ()));
  g_autoptr(GtkStringList) labels = gtk_string_list_new (quarter);
  g_autoptr(GListStore) items = g_list_store_new (GTK_TYPE_ADJUSTMENT);
  PcnChartSeries *series = pcn_chart_series_new ("Headcount", PCN_CHART_SERIES_BAR);

  /* Values from any model item property: here GtkAdjustment:value. */
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GtkAdjustment) adjustment = g_object_ref_sink (gtk_adjustment_new (10 * (i + 1), 0, 100, 1, 1, 0));
      g_list_store_append (items, adjustment);
    }
  pcn_chart_series_set_model (series, G_LIST_MODEL (items));
  pcn_chart_series_set_expression (series,
                                   gtk_property_expression_new (GTK_TYPE_ADJUSTMENT, NULL, "value"));
  pcn_chart_set_category_model (chart, G_LIST_MODEL (labels));
  pcn_chart_set_category_expression (chart,
                                     gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                                  "string"));
  pcn_chart_add_series (chart, series);

  g_assert_cmpuint (pcn_chart_get_n_categories (chart), ==, 3);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "3 categories from Apr to Jun. "
                                       "Headcount: total 60, highest 30 (Jun), lowest 10 (Apr).");

  /* items-changed on either model updates the chart. */
  {
    g_autoptr(GtkAdjustment) adjustment = g_object_ref_sink (gtk_adjustment_new (45, 0, 100, 1, 1, 0));
    g_list_store_append (items, adjustment);
  }
  gtk_string_list_append (labels, "Jul");
  g_assert_cmpuint (pcn_chart_get_n_categories (chart), ==, 4);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "4 categories from Apr to Jul. "
                                       "Headcount: total 105, highest 45 (Jul), lowest 10 (Apr).");

  g_assert_finalize_object (chart);
  g_assert_finalize_object (series);
}

static void
test_hover (void)
{
  PcnChartSeries *bars, *line;
  PcnChart *chart = create_chart (&bars, &line);
  GtkWidget *window = show_in_window (GTK_WIDGET (chart));
  const graphene_rect_t *plot = _pcn_chart_get_plot_area (chart);
  float band, middle;

  g_assert_cmpfloat (plot->size.width, >, 0);
  g_assert_cmpfloat (plot->size.height, >, 0);
  g_assert_cmpfloat (plot->origin.x, >, 0);  /* room for the value labels */

  band = plot->size.width / 3;
  middle = plot->origin.y + plot->size.height / 2;
  g_assert_cmpint (_pcn_chart_get_category_at (chart, plot->origin.x + 1, middle), ==, 0);
  g_assert_cmpint (_pcn_chart_get_category_at (chart, plot->origin.x + band * 1.5, middle), ==, 1);
  g_assert_cmpint (_pcn_chart_get_category_at (chart, plot->origin.x + band * 2.99, middle), ==, 2);
  /* The category labels under the plot belong to their category. */
  g_assert_cmpint (_pcn_chart_get_category_at (chart, plot->origin.x + band * 2.5,
                                               plot->origin.y + plot->size.height + 4), ==, 2);
  /* Outside the plot: the value labels, the legend, the margin. */
  g_assert_cmpint (_pcn_chart_get_category_at (chart, plot->origin.x - 2, middle), ==, -1);
  g_assert_cmpint (_pcn_chart_get_category_at (chart, plot->origin.x + band * 1.5,
                                               plot->origin.y - 2), ==, -1);
  g_assert_cmpint (_pcn_chart_get_category_at (chart, plot->origin.x + plot->size.width + 1,
                                               middle), ==, -1);

  _pcn_chart_set_hover_category (chart, 1);
  g_assert_cmpint (_pcn_chart_get_hover_category (chart), ==, 1);
  _pcn_chart_set_hover_category (chart, 7);
  g_assert_cmpint (_pcn_chart_get_hover_category (chart), ==, -1);

  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (chart);
  g_assert_finalize_object (bars);
  g_assert_finalize_object (line);
}

static void
test_save_png (void)
{
  PcnChartSeries *bars, *line;
  PcnChart *chart = create_chart (&bars, &line);
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "chart.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GtkWidget *window;

  /* Not on screen yet: a clear error, nothing written. */
  g_assert_false (pcn_chart_save_png (chart, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  window = show_in_window (GTK_WIDGET (chart));
  g_assert_true (pcn_chart_save_png (chart, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  {
    g_autoptr(GdkTexture) texture = gdk_texture_new_from_filename (path, &error);

    g_assert_no_error (error);
    /* The chart's size and a margin round it. */
    g_assert_cmpint (gdk_texture_get_width (texture), >, gtk_widget_get_width (GTK_WIDGET (chart)));
    g_assert_cmpint (gdk_texture_get_width (texture), <, gtk_widget_get_width (GTK_WIDGET (chart)) + 50);
    g_assert_cmpint (gdk_texture_get_height (texture), >, gtk_widget_get_height (GTK_WIDGET (chart)));
  }

  g_unlink (path);
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (chart);
  g_assert_finalize_object (bars);
  g_assert_finalize_object (line);
}

static void
test_builder (void)
{
  static const char ui[] =
    "<interface>"
    "  <object class='PcnChart' id='chart'>"
    "    <property name='title'>Headcount by quarter</property>"
    "    <property name='unit'>number</property>"
    "    <child>"
    "      <object class='PcnChartSeries'>"
    "        <property name='title'>Starters</property>"
    "        <property name='stack-group'>people</property>"
    "        <property name='color-class'>success</property>"
    "      </object>"
    "    </child>"
    "    <child>"
    "      <object class='PcnChartSeries'>"
    "        <property name='title'>Leavers</property>"
    "        <property name='kind'>line</property>"
    "        <property name='dashed'>true</property>"
    "      </object>"
    "    </child>"
    "  </object>"
    "</interface>";
  g_autoptr(GtkBuilder) builder = NULL;
  PcnChart *chart;

  g_type_ensure (PCN_TYPE_CHART);
  g_type_ensure (PCN_TYPE_CHART_SERIES);
  builder = gtk_builder_new_from_string (ui, -1);
  chart = PCN_CHART (g_object_ref_sink (gtk_builder_get_object (builder, "chart")));
  g_clear_object (&builder);

  g_assert_cmpuint (pcn_chart_get_n_series (chart), ==, 2);
  g_assert_cmpstr (pcn_chart_series_get_color_class (pcn_chart_get_series (chart, 0)), ==, "success");
  g_assert_cmpint (pcn_chart_series_get_kind (pcn_chart_get_series (chart, 1)), ==,
                   PCN_CHART_SERIES_LINE);
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Headcount by quarter");
  gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "No data to show.");

  g_assert_finalize_object (chart);
}

static void
test_preconditions (void)
{
  PcnChartSeries *bars, *line;
  PcnChart *chart = create_chart (&bars, &line);

  if (g_test_undefined ())
    {
      g_test_expect_message ("pcn-gui", G_LOG_LEVEL_CRITICAL, "*g_ptr_array_find*");
      pcn_chart_add_series (chart, bars);
      g_test_assert_expected_messages ();
      g_assert_cmpuint (pcn_chart_get_n_series (chart), ==, 2);
    }

  g_assert_finalize_object (chart);
  g_assert_finalize_object (bars);
  g_assert_finalize_object (line);
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  g_assert_nonnull (pcn_workforce_get_resource ());

  g_test_add_func ("/gui/chart/accessible", test_accessible);
  g_test_add_func ("/gui/chart/stacked-and-grouped", test_stacked_and_grouped);
  g_test_add_func ("/gui/chart/model", test_model);
  g_test_add_func ("/gui/chart/hover", test_hover);
  g_test_add_func ("/gui/chart/save-png", test_save_png);
  g_test_add_func ("/gui/chart/builder", test_builder);
  g_test_add_func ("/gui/chart/preconditions", test_preconditions);

  return g_test_run ();
}
