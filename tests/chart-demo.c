/* chart-demo.c — the budget chart with realistic figures, to look at
 *
 *   chart-demo [--hover N] [--save FILE.png]
 *
 * A year's ARRS spend for a PCN: staff in post at about £55k a month, a
 * planned post from January, the cumulative spend and the £798,930
 * allocation. --hover highlights category N as the pointer would;
 * --save writes the chart as a PNG once it is on screen and quits.
 * ADW_DEBUG_COLOR_SCHEME=prefer-dark shows it dark. Not installed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>

#include "chart/pcn-chart-private.h"
#include "pcn-workforce-resources.h"

static int hover = -1;
static char *save_path;

static const char * const months[] = {
  "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar", NULL,
};

/* Pounds; the chart takes pence. */
static const double in_post_pounds[] = {
  53420, 54120, 54120, 55380, 55380, 55380, 56940, 56940, 56940, 57310, 57310, 57310,
};
static const double planned_pounds[] = {
  0, 0, 0, 0, 0, 0, 0, 0, 0, 6240, 6240, 9870,
};

static GtkWidget *
build_chart (void)
{
  PcnChart *chart = PCN_CHART (pcn_chart_new ());
  g_autoptr(PcnChartSeries) in_post = pcn_chart_series_new ("In post", PCN_CHART_SERIES_BAR);
  g_autoptr(PcnChartSeries) planned = pcn_chart_series_new ("Planned", PCN_CHART_SERIES_BAR);
  g_autoptr(PcnChartSeries) cumulative = pcn_chart_series_new ("Cumulative spend",
                                                               PCN_CHART_SERIES_LINE);
  g_autoptr(PcnChartSeries) allocation = pcn_chart_series_new ("Allocation",
                                                               PCN_CHART_SERIES_LINE);
  double in_post_values[12], planned_values[12], monthly[12], totals[12], allocation_values[12];

  for (guint i = 0; i < 12; i++)
    {
      in_post_values[i] = in_post_pounds[i] * 100;
      planned_values[i] = planned_pounds[i] * 100;
      monthly[i] = in_post_values[i] + planned_values[i];
      allocation_values[i] = 798930.0 * 100;
    }
  pcn_chart_cumulate (monthly, 12, totals);

  pcn_chart_series_set_stack_group (in_post, "spend");
  pcn_chart_series_set_color_class (in_post, "accent");
  pcn_chart_series_set_values (in_post, in_post_values, 12);

  pcn_chart_series_set_stack_group (planned, "spend");
  pcn_chart_series_set_color_class (planned, "accent-soft");
  pcn_chart_series_set_values (planned, planned_values, 12);

  pcn_chart_series_set_color_class (cumulative, "warning");
  pcn_chart_series_set_values (cumulative, totals, 12);

  pcn_chart_series_set_color_class (allocation, "error");
  pcn_chart_series_set_dashed (allocation, TRUE);
  pcn_chart_series_set_values (allocation, allocation_values, 12);

  pcn_chart_set_title (chart, "ARRS spend against allocation, 2025/26");
  pcn_chart_set_unit (chart, PCN_CHART_UNIT_PENCE);
  pcn_chart_set_categories (chart, months);
  pcn_chart_add_series (chart, in_post);
  pcn_chart_add_series (chart, planned);
  pcn_chart_add_series (chart, cumulative);
  pcn_chart_add_series (chart, allocation);

  return GTK_WIDGET (chart);
}

static gboolean
save_and_quit_cb (gpointer user_data)
{
  PcnChart *chart = user_data;
  g_autoptr(GError) error = NULL;

  if (!pcn_chart_save_png (chart, save_path, &error))
    g_printerr ("%s\n", error->message);
  else
    g_print ("saved %s\n", save_path);

  g_application_quit (g_application_get_default ());
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *chart = build_chart ();
  g_autofree char *summary = NULL;

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new ("Budget", "ARRS spend by month, 2025/26"));
  gtk_widget_set_margin_top (chart, 18);
  gtk_widget_set_margin_bottom (chart, 18);
  gtk_widget_set_margin_start (chart, 18);
  gtk_widget_set_margin_end (chart, 18);
  gtk_widget_set_vexpand (chart, TRUE);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), chart);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 860, 480);
  gtk_window_set_title (GTK_WINDOW (window), "Budget chart");

  _pcn_chart_set_hover_category (PCN_CHART (chart), hover);
  summary = pcn_chart_dup_summary (PCN_CHART (chart));
  g_print ("%s\n", summary);

  gtk_window_present (GTK_WINDOW (window));

  if (save_path != NULL)
    g_timeout_add (500, save_and_quit_cb, chart);
}

int
main (int   argc,
      char *argv[])
{
  static const GOptionEntry entries[] = {
    { "hover", 0, 0, G_OPTION_ARG_INT, &hover, "Highlight category N", "N" },
    { "save", 0, 0, G_OPTION_ARG_FILENAME, &save_path, "Save the chart as a PNG and quit", "FILE" },
    { NULL }
  };
  g_autoptr(AdwApplication) app = NULL;
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  /* Pulls the resources (and style.css) out of the static library. */
  if (pcn_workforce_get_resource () == NULL)
    return 1;

  app = adw_application_new ("org.pcnworkforce.PcnWorkforce.ChartDemo",
                             G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), RESOURCE_BASE);
  g_signal_connect (app, "activate", G_CALLBACK (on_activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), 1, argv);
}
