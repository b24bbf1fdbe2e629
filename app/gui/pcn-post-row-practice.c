/* pcn-post-row-practice.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-post-row-practice.h"

struct _PcnPostRowPractice
{
  AdwActionRow    parent_instance;

  char           *practice;

  GtkCheckButton *check;
  GtkSpinButton  *spin;
};

G_DEFINE_FINAL_TYPE (PcnPostRowPractice, pcn_post_row_practice, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_PRACTICE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pcn_post_row_practice_constructed (GObject *object)
{
  PcnPostRowPractice *self = (PcnPostRowPractice *) object;
  g_autofree char *check_label = NULL;
  g_autofree char *spin_label = NULL;

  G_OBJECT_CLASS (pcn_post_row_practice_parent_class)->constructed (object);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), self->practice);
  /* Translators: accessible name of the check box for a post's host practice */
  check_label = g_strdup_printf (_("Hosted at %s"), self->practice);
  /* Translators: accessible name of the sessions spin button for a host practice */
  spin_label = g_strdup_printf (_("Sessions a week at %s"), self->practice);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, check_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spin_label, -1);
}

static void
pcn_post_row_practice_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PCN_TYPE_POST_ROW_PRACTICE);
  G_OBJECT_CLASS (pcn_post_row_practice_parent_class)->dispose (object);
}

static void
pcn_post_row_practice_finalize (GObject *object)
{
  PcnPostRowPractice *self = (PcnPostRowPractice *) object;

  g_clear_pointer (&self->practice, g_free);
  G_OBJECT_CLASS (pcn_post_row_practice_parent_class)->finalize (object);
}

static void
pcn_post_row_practice_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PcnPostRowPractice *self = PCN_POST_ROW_PRACTICE (object);

  switch (prop_id)
    {
    case PROP_PRACTICE:
      g_value_set_string (value, self->practice);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_post_row_practice_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PcnPostRowPractice *self = PCN_POST_ROW_PRACTICE (object);

  switch (prop_id)
    {
    case PROP_PRACTICE:
      self->practice = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_post_row_practice_class_init (PcnPostRowPracticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pcn_post_row_practice_constructed;
  object_class->dispose = pcn_post_row_practice_dispose;
  object_class->finalize = pcn_post_row_practice_finalize;
  object_class->get_property = pcn_post_row_practice_get_property;
  object_class->set_property = pcn_post_row_practice_set_property;

  properties[PROP_PRACTICE] =
    g_param_spec_string ("practice", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-post-row-practice.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnPostRowPractice, check);
  gtk_widget_class_bind_template_child (widget_class, PcnPostRowPractice, spin);
}

static void
pcn_post_row_practice_init (PcnPostRowPractice *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
pcn_post_row_practice_new (const char *practice)
{
  g_return_val_if_fail (practice != NULL, NULL);
  return g_object_new (PCN_TYPE_POST_ROW_PRACTICE, "practice", practice, NULL);
}

const char *
pcn_post_row_practice_get_practice (PcnPostRowPractice *self)
{
  g_return_val_if_fail (PCN_IS_POST_ROW_PRACTICE (self), NULL);
  return self->practice;
}

gboolean
pcn_post_row_practice_get_active (PcnPostRowPractice *self)
{
  g_return_val_if_fail (PCN_IS_POST_ROW_PRACTICE (self), FALSE);
  return gtk_check_button_get_active (self->check);
}

void
pcn_post_row_practice_set_active (PcnPostRowPractice *self,
                                   gboolean             active)
{
  g_return_if_fail (PCN_IS_POST_ROW_PRACTICE (self));
  gtk_check_button_set_active (self->check, active);
}

int
pcn_post_row_practice_get_sessions (PcnPostRowPractice *self)
{
  int value;

  g_return_val_if_fail (PCN_IS_POST_ROW_PRACTICE (self), -1);

  value = gtk_spin_button_get_value_as_int (self->spin);
  return value > 0 ? value : -1;
}

void
pcn_post_row_practice_set_sessions (PcnPostRowPractice *self,
                                     int                  sessions)
{
  g_return_if_fail (PCN_IS_POST_ROW_PRACTICE (self));
  gtk_spin_button_set_value (self->spin, MAX (sessions, 0));
}
