/* pcn-overview-tile.c — a headline figure on the Overview
 *
 * A button: its accessible name says the whole tile ("WTE in post: 23.40,
 * of 27.40 WTE planned") so a screen reader hears the figure and where the
 * click goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-overview-tile.h"

struct _PcnOverviewTile
{
  GtkButton  parent_instance;

  /* template */
  GtkLabel  *caption_label;
  GtkLabel  *value_label;
  GtkLabel  *detail_label;
};

G_DEFINE_FINAL_TYPE (PcnOverviewTile, pcn_overview_tile, GTK_TYPE_BUTTON)

enum {
  PROP_0,
  PROP_CAPTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_accessible_label (PcnOverviewTile *self)
{
  const char *detail = gtk_label_get_text (self->detail_label);
  g_autofree char *label = NULL;

  if (detail != NULL && *detail != '\0')
    /* Translators: a headline tile read aloud: %1$s what it is, %2$s the figure, %3$s a detail */
    label = g_strdup_printf (_("%1$s: %2$s, %3$s"), gtk_label_get_text (self->caption_label),
                             gtk_label_get_text (self->value_label), detail);
  else
    /* Translators: a headline tile read aloud: %1$s what it is, %2$s the figure */
    label = g_strdup_printf (_("%1$s: %2$s"), gtk_label_get_text (self->caption_label),
                             gtk_label_get_text (self->value_label));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
pcn_overview_tile_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PCN_TYPE_OVERVIEW_TILE);
  G_OBJECT_CLASS (pcn_overview_tile_parent_class)->dispose (object);
}

static void
pcn_overview_tile_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PcnOverviewTile *self = PCN_OVERVIEW_TILE (object);

  switch (prop_id)
    {
    case PROP_CAPTION:
      g_value_set_string (value, pcn_overview_tile_get_caption (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_overview_tile_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  PcnOverviewTile *self = PCN_OVERVIEW_TILE (object);

  switch (prop_id)
    {
    case PROP_CAPTION:
      pcn_overview_tile_set_caption (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_overview_tile_class_init (PcnOverviewTileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_overview_tile_dispose;
  object_class->get_property = pcn_overview_tile_get_property;
  object_class->set_property = pcn_overview_tile_set_property;

  properties[PROP_CAPTION] =
    g_param_spec_string ("caption", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pcnworkforce/PcnWorkforce/ui/pcn-overview-tile.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewTile, caption_label);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewTile, value_label);
  gtk_widget_class_bind_template_child (widget_class, PcnOverviewTile, detail_label);
}

static void
pcn_overview_tile_init (PcnOverviewTile *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_label_set_text (self->value_label, "…");
}

const char *
pcn_overview_tile_get_value (PcnOverviewTile *self)
{
  g_return_val_if_fail (PCN_IS_OVERVIEW_TILE (self), NULL);

  return gtk_label_get_text (self->value_label);
}

void
pcn_overview_tile_set_value (PcnOverviewTile     *self,
                             const char          *value,
                             PcnOverviewTileTone  tone)
{
  static const char *const classes[] = { NULL, "success", "warning", "error" };

  g_return_if_fail (PCN_IS_OVERVIEW_TILE (self));
  g_return_if_fail (tone <= PCN_OVERVIEW_TILE_ERROR);

  gtk_label_set_text (self->value_label, value);
  for (guint i = 1; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->value_label), classes[i]);
  if (classes[tone] != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->value_label), classes[tone]);
  update_accessible_label (self);
}

const char *
pcn_overview_tile_get_caption (PcnOverviewTile *self)
{
  g_return_val_if_fail (PCN_IS_OVERVIEW_TILE (self), NULL);

  return gtk_label_get_text (self->caption_label);
}

void
pcn_overview_tile_set_caption (PcnOverviewTile *self,
                               const char      *caption)
{
  g_return_if_fail (PCN_IS_OVERVIEW_TILE (self));

  if (g_strcmp0 (gtk_label_get_text (self->caption_label), caption ? caption : "") == 0)
    return;
  gtk_label_set_text (self->caption_label, caption);
  update_accessible_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAPTION]);
}

const char *
pcn_overview_tile_get_detail (PcnOverviewTile *self)
{
  g_return_val_if_fail (PCN_IS_OVERVIEW_TILE (self), NULL);

  return gtk_label_get_text (self->detail_label);
}

void
pcn_overview_tile_set_detail (PcnOverviewTile *self,
                              const char      *detail)
{
  g_return_if_fail (PCN_IS_OVERVIEW_TILE (self));

  gtk_label_set_text (self->detail_label, detail);
  update_accessible_label (self);
}
