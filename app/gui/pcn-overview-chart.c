/* pcn-overview-chart.c — an Overview chart card
 *
 * The chart's categories and series and the table's rows are one
 * GListStore of PcnOverviewFigure, replaced in one splice per load. The
 * table's columns follow the series: the category, then one per series,
 * formatted in the chart's unit. "Save as PNG…" asks for a file with
 * GtkFileChooserNative and writes it with pcn_chart_save_png(); the page
 * hears how it went through ::saved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "pcn-overview-chart.h"
#include "pcn-overview-figure.h"

struct _PcnOverviewChart
{
  AdwBin                parent_instance;

  /* template */
  GtkLabel             *title_label;
  GtkLabel             *subtitle_label;
  GtkButton            *save_button;
  GtkStack             *content_stack;
  GtkBox               *body_box;
  PcnChart             *chart;
  GtkColumnView        *table;
  GtkLabel             *empty_label;
  GListStore           *figures;

  char                 *category_title;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (PcnOverviewChart, pcn_overview_chart, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_UNIT,
  PROP_CATEGORY_TITLE,
  PROP_EMPTY_TEXT,
  PROP_TABLE_BELOW,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

typedef struct
{
  PcnOverviewChart *self;   /* unowned: the column dies with the table */
  guint             index;
} ColumnData;

/* ------------------------------------------------------------ table */

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  gboolean numeric = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0f : 0.0f);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_category_bind_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  PcnOverviewFigure *figure = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      pcn_overview_figure_get_label (figure));
}

static void
on_value_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  ColumnData               *data)
{
  PcnOverviewFigure *figure = gtk_list_item_get_item (item);
  double value = pcn_overview_figure_get_value (figure, data->index);
  g_autofree char *text = NULL;

  if (isnan (value))
    text = g_strdup ("—");
  else
    text = pcn_chart_format_value (value, pcn_chart_get_unit (data->self->chart));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static void
add_category_column (PcnOverviewChart *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GINT_TO_POINTER (FALSE));
  g_signal_connect (factory, "bind", G_CALLBACK (on_category_bind_cb), NULL);
  column = gtk_column_view_column_new (self->category_title, factory);
  gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (self->table, column);
}

static void
free_column_data (gpointer  data,
                  GClosure *closure)
{
  g_free (data);
}

/* ----------------------------------------------------------- values */

static double
get_figure_value (PcnOverviewFigure *figure,
                  gpointer           user_data)
{
  if (figure == NULL)
    return NAN;
  return pcn_overview_figure_get_value (figure, GPOINTER_TO_UINT (user_data));
}

/* ----------------------------------------------------------- saving */

static char *
suggested_file_name (PcnOverviewChart *self)
{
  const char *title = pcn_chart_get_title (self->chart);
  GString *name = g_string_new (NULL);

  for (const char *p = title ? title : ""; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':')
        c = '-';
      g_string_append_unichar (name, c);
    }
  if (name->len == 0)
    g_string_append (name, "chart");
  g_string_append (name, ".png");
  return g_string_free (name, FALSE);
}

static void
on_chooser_response_cb (GtkNativeDialog  *native,
                        int               response,
                        PcnOverviewChart *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_clear_object (&self->chooser);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Charts can only be saved to a local file"));
    }
  else if (!pcn_chart_save_png (self->chart, path, &error))
    {
      g_warning ("Cannot save the chart to %s: %s", path, error->message);
    }
  g_signal_emit (self, signals[SAVED], 0, path, error);
}

static void
save_png_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  PcnOverviewChart *self = PCN_OVERVIEW_CHART (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = suggested_file_name (self);

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Save the Chart as PNG"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  gtk_file_filter_set_name (filter, _("PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "png");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------ object */

static void
update_save_label (PcnOverviewChart *self)
{
  const char *title = pcn_chart_get_title (self->chart);
  /* Translators: the accessible name of a chart's Save as PNG button; %s is the chart's title */
  g_autofree char *label = g_strdup_printf (_("Save “%s” as PNG"), title ? title : "");

  /* Translators: the accessible name of the table beside a chart; %s is the chart's title */
  g_autofree char *table = g_strdup_printf (_("Figures of “%s”"), title ? title : "");

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->save_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->table),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, table, -1);
}

static void
pcn_overview_chart_dispose (GObject *object)
{
  PcnOverviewChart *self = PCN_OVERVIEW_CHART (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_OVERVIEW_CHART);
  G_OBJECT_CLASS (pcn_overview_chart_parent_class)->dispose (object);
}

static void
pcn_overview_chart_finalize (GObject *object)
{
  PcnOverviewChart *self = PCN_OVERVIEW_CHART (object);

  g_clear_pointer (&self->category_title, g_free);
  G_OBJECT_CLASS (pcn_overview_chart_parent_class)->finalize (object);
}

static void
pcn_overview_chart_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PcnOverviewChart *self = PCN_OVERVIEW_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, pcn_chart_get_title (self->chart));
      break;
    case PROP_SUBTITLE:
      g_value_set_string (value, gtk_label_get_text (self->subtitle_label));
      break;
    case PROP_UNIT:
      g_value_set_int (value, pcn_chart_get_unit (self->chart));
      break;
    case PROP_CATEGORY_TITLE:
      g_value_set_string (value, self->category_title);
      break;
    case PROP_EMPTY_TEXT:
      g_value_set_string (value, gtk_label_get_text (self->empty_label));
      break;
    case PROP_TABLE_BELOW:
      g_value_set_boolean (value, gtk_orientable_get_orientation (GTK_ORIENTABLE (self->body_box)) ==
                                  GTK_ORIENTATION_VERTICAL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_overview_chart_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  PcnOverviewChart *self = PCN_OVERVIEW_CHART (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      if (g_strcmp0 (pcn_chart_get_title (self->chart), g_value_get_string (value)) != 0)
        {
          pcn_chart_set_title (self->chart, g_value_get_string (value));
          gtk_label_set_text (self->title_label, g_value_get_string (value));
          update_save_label (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_SUBTITLE:
      {
        const char *text = g_value_get_string (value);

        if (g_strcmp0 (gtk_label_get_text (self->subtitle_label), text ? text : "") != 0)
          {
            gtk_label_set_text (self->subtitle_label, text);
            gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), text != NULL && *text);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    case PROP_UNIT:
      if ((int) pcn_chart_get_unit (self->chart) != g_value_get_int (value))
        {
          pcn_chart_set_unit (self->chart, g_value_get_int (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CATEGORY_TITLE:
      if (g_strcmp0 (self->category_title, g_value_get_string (value)) != 0)
        {
          GListModel *columns = gtk_column_view_get_columns (self->table);
          g_autoptr(GtkColumnViewColumn) first = g_list_model_get_item (columns, 0);

          g_free (self->category_title);
          self->category_title = g_value_dup_string (value);
          if (first != NULL)
            gtk_column_view_column_set_title (first, self->category_title);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_TABLE_BELOW:
      {
        GtkOrientation orientation = g_value_get_boolean (value) ? GTK_ORIENTATION_VERTICAL
                                                                 : GTK_ORIENTATION_HORIZONTAL;

        if (gtk_orientable_get_orientation (GTK_ORIENTABLE (self->body_box)) != orientation)
          {
            gtk_orientable_set_orientation (GTK_ORIENTABLE (self->body_box), orientation);
            g_object_notify_by_pspec (object, pspec);
          }
      }
      break;
    case PROP_EMPTY_TEXT:
      if (g_strcmp0 (gtk_label_get_text (self->empty_label), g_value_get_string (value)) != 0)
        {
          gtk_label_set_text (self->empty_label, g_value_get_string (value));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_overview_chart_class_init (PcnOverviewChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_overview_chart_dispose;
  object_class->finalize = pcn_overview_chart_finalize;
  object_class->get_property = pcn_overview_chart_get_property;
  object_class->set_property = pcn_overview_chart_set_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* A PcnChartUnit (an int: the enum has no GType). */
  properties[PROP_UNIT] =
    g_param_spec_int ("unit", NULL, NULL, PCN_CHART_UNIT_NUMBER, PCN_CHART_UNIT_WTE,
                      PCN_CHART_UNIT_NUMBER,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CATEGORY_TITLE] =
    g_param_spec_string ("category-title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EMPTY_TEXT] =
    g_param_spec_string ("empty-text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The table under the chart rather than beside it: for charts with many
   * series, whose table would leave the chart too narrow. */
  properties[PROP_TABLE_BELOW] =
    g_param_spec_boolean ("table-below", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * PcnOverviewChart::saved:
   * @path: (nullable): the file
   * @error: (nullable): why it was not saved, or %NULL when it was
   */
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);

  g_type_ensure (PCN_TYPE_CHART);
  g_type_ensure (PCN_TYPE_OVERVIEW_FIGURE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pcnworkforce/PcnWorkforce/ui/pcn-overview-chart.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewChart, title_label);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewChart, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewChart, save_button);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewChart, content_stack);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewChart, body_box);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewChart, chart);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewChart, table);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewChart, empty_label);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewChart, figures);

  gtk_widget_class_install_action (widget_class, "chart.save-png", NULL, save_png_action);
}

static void
pcn_overview_chart_init (PcnOverviewChart *self)
{
  g_autoptr(GtkExpression) label = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->category_title = g_strdup ("");
  label = gtk_property_expression_new (PCN_TYPE_OVERVIEW_FIGURE, NULL, "label");
  pcn_chart_set_category_model (self->chart, G_LIST_MODEL (self->figures));
  pcn_chart_set_category_expression (self->chart, label);
  add_category_column (self);
  gtk_stack_set_visible_child_name (self->content_stack, "empty");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save-png", FALSE);
}

void
pcn_overview_chart_add_series (PcnOverviewChart   *self,
                               const char         *title,
                               PcnChartSeriesKind  kind,
                               const char         *stack_group,
                               const char         *color_class,
                               gboolean            dashed)
{
  guint index;
  g_autoptr(PcnChartSeries) series = NULL;
  g_autoptr(GtkExpression) expression = NULL;
  g_autoptr(GtkColumnViewColumn) column = NULL;
  GtkListItemFactory *factory;
  ColumnData *data;

  g_return_if_fail (PCN_IS_OVERVIEW_CHART (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (pcn_chart_get_n_series (self->chart) < PCN_OVERVIEW_FIGURE_MAX_VALUES);

  index = pcn_chart_get_n_series (self->chart);
  series = pcn_chart_series_new (title, kind);
  pcn_chart_series_set_stack_group (series, stack_group);
  pcn_chart_series_set_color_class (series, color_class);
  pcn_chart_series_set_dashed (series, dashed);
  expression = gtk_cclosure_expression_new (G_TYPE_DOUBLE, NULL, 0, NULL,
                                            G_CALLBACK (get_figure_value),
                                            GUINT_TO_POINTER (index), NULL);
  pcn_chart_series_set_model (series, G_LIST_MODEL (self->figures));
  pcn_chart_series_set_expression (series, expression);
  pcn_chart_add_series (self->chart, series);

  factory = gtk_signal_list_item_factory_new ();
  data = g_new0 (ColumnData, 1);
  data->self = self;
  data->index = index;
  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup_cb), GINT_TO_POINTER (TRUE));
  g_signal_connect_data (factory, "bind", G_CALLBACK (on_value_bind_cb), data,
                         free_column_data, 0);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_append_column (self->table, column);
}

void
pcn_overview_chart_set_figures (PcnOverviewChart *self,
                                GPtrArray        *figures)
{
  gboolean empty;

  g_return_if_fail (PCN_IS_OVERVIEW_CHART (self));

  empty = figures == NULL || figures->len == 0;
  g_list_store_splice (self->figures, 0, g_list_model_get_n_items (G_LIST_MODEL (self->figures)),
                       empty ? NULL : figures->pdata, empty ? 0 : figures->len);
  gtk_stack_set_visible_child_name (self->content_stack, empty ? "empty" : "chart");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.save-png", !empty);
}

PcnChart *
pcn_overview_chart_get_chart (PcnOverviewChart *self)
{
  g_return_val_if_fail (PCN_IS_OVERVIEW_CHART (self), NULL);

  return self->chart;
}

GListModel *
pcn_overview_chart_get_figures (PcnOverviewChart *self)
{
  g_return_val_if_fail (PCN_IS_OVERVIEW_CHART (self), NULL);

  return G_LIST_MODEL (self->figures);
}

GtkColumnView *
pcn_overview_chart_get_table (PcnOverviewChart *self)
{
  g_return_val_if_fail (PCN_IS_OVERVIEW_CHART (self), NULL);

  return self->table;
}

gboolean
pcn_overview_chart_is_empty (PcnOverviewChart *self)
{
  g_return_val_if_fail (PCN_IS_OVERVIEW_CHART (self), TRUE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->figures)) == 0;
}
