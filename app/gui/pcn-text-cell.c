/* pcn-text-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "pcn-text-cell.h"

struct _PcnTextCell
{
  GtkWidget    parent_instance;

  char        *text;
  PangoLayout *layout;         /* made when first drawn; follows the widget's Pango context */
  float        xalign;
  int          min_chars;
  int          natural_chars;
  guint        layout_stale : 1; /* the text changed since the layout was given it */
};

G_DEFINE_FINAL_TYPE (PcnTextCell, pcn_text_cell, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_XALIGN,
  PROP_MIN_CHARS,
  PROP_NATURAL_CHARS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The line height and character width of the font the cells use. Every
 * cell of a list shares one font, so one entry serves them all; it is
 * recomputed when the font, font map or resolution changes. */
typedef struct
{
  PangoFontDescription *font;
  PangoFontMap         *font_map;
  double                resolution;
  int                   line_height;  /* pixels */
  int                   char_width;   /* Pango units */
} FontSizes;

static FontSizes font_sizes;

static const FontSizes *
get_font_sizes (PcnTextCell *self)
{
  PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PangoFontMap *font_map = pango_context_get_font_map (context);
  double resolution = pango_cairo_context_get_resolution (context);
  g_autoptr(PangoLayout) layout = NULL;
  PangoFontMetrics *metrics;

  if (font_sizes.font != NULL &&
      font_sizes.font_map == font_map &&
      font_sizes.resolution == resolution &&
      pango_font_description_equal (font_sizes.font, font))
    return &font_sizes;

  g_clear_pointer (&font_sizes.font, pango_font_description_free);
  font_sizes.font = pango_font_description_copy (font);
  g_set_object (&font_sizes.font_map, font_map);
  font_sizes.resolution = resolution;

  /* A one-line layout is as high as GtkLabel makes one line. */
  layout = pango_layout_new (context);
  pango_layout_set_text (layout, "Ag", -1);
  pango_layout_get_pixel_size (layout, NULL, &font_sizes.line_height);

  metrics = pango_context_get_metrics (context, font, NULL);
  font_sizes.char_width = pango_font_metrics_get_approximate_char_width (metrics);
  pango_font_metrics_unref (metrics);

  return &font_sizes;
}

static void
ensure_layout (PcnTextCell *self,
               int          width)
{
  if (self->layout == NULL)
    {
      /* On the widget's own context (not a copy), so a change of font,
       * direction or resolution reaches the layout through the context's
       * serial. */
      self->layout = pango_layout_new (gtk_widget_get_pango_context (GTK_WIDGET (self)));
      pango_layout_set_ellipsize (self->layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (self->layout, TRUE);
      if (gtk_widget_has_css_class (GTK_WIDGET (self), "numeric"))
        {
          g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();

          pango_attr_list_insert (attrs, pango_attr_font_features_new ("tnum=1"));
          pango_layout_set_attributes (self->layout, attrs);
        }
      self->layout_stale = TRUE;
    }

  if (self->layout_stale)
    {
      pango_layout_set_text (self->layout, self->text ? self->text : "", -1);
      self->layout_stale = FALSE;
    }

  if (pango_layout_get_width (self->layout) != width * PANGO_SCALE)
    pango_layout_set_width (self->layout, width * PANGO_SCALE);
}

static void
pcn_text_cell_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  PcnTextCell *self = PCN_TEXT_CELL (widget);
  const FontSizes *sizes = get_font_sizes (self);

  /* From the font alone, never the text: changing the text then costs
   * no relayout, only a redraw. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = PANGO_PIXELS_CEIL (sizes->char_width * self->min_chars);
      *natural = MAX (*minimum, PANGO_PIXELS_CEIL (sizes->char_width * self->natural_chars));
    }
  else
    {
      *minimum = sizes->line_height;
      *natural = sizes->line_height;
    }
}

static void
pcn_text_cell_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  PcnTextCell *self = PCN_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoRectangle logical;
  GdkRGBA color;
  float xalign;

  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return;

  ensure_layout (self, width);
  pango_layout_get_pixel_extents (self->layout, NULL, &logical);

  xalign = self->xalign;
  if (gtk_widget_get_direction (widget) == GTK_TEXT_DIR_RTL)
    xalign = 1.0f - xalign;

  /* gtk_widget_get_color() is 4.10; this is the 4.8 way to the CSS colour. */
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot,
                          &GRAPHENE_POINT_INIT (floorf ((width - logical.width) * xalign) - logical.x,
                                                floorf ((height - logical.height) / 2.0f) - logical.y));
  gtk_snapshot_append_layout (snapshot, self->layout, &color);
  gtk_snapshot_restore (snapshot);
}

static gboolean
pcn_text_cell_query_tooltip (GtkWidget  *widget,
                             int         x,
                             int         y,
                             gboolean    keyboard_tooltip,
                             GtkTooltip *tooltip)
{
  PcnTextCell *self = PCN_TEXT_CELL (widget);
  int width = gtk_widget_get_width (widget);

  /* The whole text, only where the cell cuts it short. */
  if (self->text == NULL || *self->text == '\0' || width <= 0)
    return FALSE;
  ensure_layout (self, width);
  if (!pango_layout_is_ellipsized (self->layout))
    return FALSE;

  gtk_tooltip_set_text (tooltip, self->text);
  return TRUE;
}

static void
pcn_text_cell_dispose (GObject *object)
{
  PcnTextCell *self = (PcnTextCell *) object;

  g_clear_object (&self->layout);

  G_OBJECT_CLASS (pcn_text_cell_parent_class)->dispose (object);
}

static void
pcn_text_cell_finalize (GObject *object)
{
  PcnTextCell *self = (PcnTextCell *) object;

  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (pcn_text_cell_parent_class)->finalize (object);
}

static void
pcn_text_cell_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  PcnTextCell *self = PCN_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_XALIGN:
      g_value_set_float (value, self->xalign);
      break;
    case PROP_MIN_CHARS:
      g_value_set_int (value, self->min_chars);
      break;
    case PROP_NATURAL_CHARS:
      g_value_set_int (value, self->natural_chars);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_text_cell_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  PcnTextCell *self = PCN_TEXT_CELL (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      pcn_text_cell_set_text (self, g_value_get_string (value));
      break;
    case PROP_XALIGN:
      pcn_text_cell_set_xalign (self, g_value_get_float (value));
      break;
    case PROP_MIN_CHARS:
      pcn_text_cell_set_min_chars (self, g_value_get_int (value));
      break;
    case PROP_NATURAL_CHARS:
      pcn_text_cell_set_natural_chars (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_text_cell_class_init (PcnTextCellClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_text_cell_dispose;
  object_class->finalize = pcn_text_cell_finalize;
  object_class->get_property = pcn_text_cell_get_property;
  object_class->set_property = pcn_text_cell_set_property;

  widget_class->measure = pcn_text_cell_measure;
  widget_class->snapshot = pcn_text_cell_snapshot;
  widget_class->query_tooltip = pcn_text_cell_query_tooltip;

  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_XALIGN] =
    g_param_spec_float ("xalign", NULL, NULL, 0.0f, 1.0f, 0.0f,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MIN_CHARS] =
    g_param_spec_int ("min-chars", NULL, NULL, 0, G_MAXINT16, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NATURAL_CHARS] =
    g_param_spec_int ("natural-chars", NULL, NULL, 0, G_MAXINT16, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Themed as a label: the theme's rules for labels in list rows apply. */
  gtk_widget_class_set_css_name (widget_class, "label");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LABEL);
}

static void
pcn_text_cell_init (PcnTextCell *self)
{
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
}

GtkWidget *
pcn_text_cell_new (void)
{
  return g_object_new (PCN_TYPE_TEXT_CELL, NULL);
}

const char *
pcn_text_cell_get_text (PcnTextCell *self)
{
  g_return_val_if_fail (PCN_IS_TEXT_CELL (self), NULL);
  return self->text;
}

/**
 * pcn_text_cell_set_text:
 * @text: (nullable): the text, one line
 *
 * Costs a redraw when the text differs, nothing when it is the same.
 */
void
pcn_text_cell_set_text (PcnTextCell *self,
                        const char  *text)
{
  g_return_if_fail (PCN_IS_TEXT_CELL (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  self->layout_stale = TRUE;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text ? text : "",
                                  -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

float
pcn_text_cell_get_xalign (PcnTextCell *self)
{
  g_return_val_if_fail (PCN_IS_TEXT_CELL (self), 0.0f);
  return self->xalign;
}

void
pcn_text_cell_set_xalign (PcnTextCell *self,
                          float        xalign)
{
  g_return_if_fail (PCN_IS_TEXT_CELL (self));

  xalign = CLAMP (xalign, 0.0f, 1.0f);
  if (self->xalign == xalign)
    return;
  self->xalign = xalign;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_XALIGN]);
}

int
pcn_text_cell_get_min_chars (PcnTextCell *self)
{
  g_return_val_if_fail (PCN_IS_TEXT_CELL (self), 0);
  return self->min_chars;
}

/**
 * pcn_text_cell_set_min_chars:
 * @min_chars: the narrowest the cell goes, in average characters
 */
void
pcn_text_cell_set_min_chars (PcnTextCell *self,
                             int          min_chars)
{
  g_return_if_fail (PCN_IS_TEXT_CELL (self));
  g_return_if_fail (min_chars >= 0);

  if (self->min_chars == min_chars)
    return;
  self->min_chars = min_chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIN_CHARS]);
}

int
pcn_text_cell_get_natural_chars (PcnTextCell *self)
{
  g_return_val_if_fail (PCN_IS_TEXT_CELL (self), 0);
  return self->natural_chars;
}

/**
 * pcn_text_cell_set_natural_chars:
 * @natural_chars: the width the cell asks for, in average characters
 */
void
pcn_text_cell_set_natural_chars (PcnTextCell *self,
                                 int          natural_chars)
{
  g_return_if_fail (PCN_IS_TEXT_CELL (self));
  g_return_if_fail (natural_chars >= 0);

  if (self->natural_chars == natural_chars)
    return;
  self->natural_chars = natural_chars;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NATURAL_CHARS]);
}
