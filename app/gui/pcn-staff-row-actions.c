/* pcn-staff-row-actions.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-staff-row-actions.h"

struct _PcnStaffRowActions
{
  GtkWidget        parent_instance;

  PcnStaffRowItem *item;

  GtkMenuButton   *menu_button;
};

G_DEFINE_FINAL_TYPE (PcnStaffRowActions, pcn_staff_row_actions, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_state (PcnStaffRowActions *self)
{
  g_autofree char *label = NULL;
  gboolean left;

  left = self->item != NULL &&
         pcn_staff_row_item_get_status (self->item) == PCN_STAFF_STATUS_LEFT;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.edit", self->item != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "row.leaver", self->item != NULL && !left);

  if (self->item != NULL)
    /* Translators: accessible name of the menu button on a Team list row */
    label = g_strdup_printf (_("Actions for %s"),
                             pcn_staff_get_name (pcn_staff_row_item_get_staff (self->item)));
  else
    label = g_strdup (_("Actions"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

static void
activate_for_item (PcnStaffRowActions *self,
                   const char         *action)
{
  if (self->item == NULL)
    return;
  gtk_widget_activate_action (GTK_WIDGET (self), action, "x",
                              pcn_staff_row_item_get_id (self->item));
}

static void
row_edit_cb (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  activate_for_item (PCN_STAFF_ROW_ACTIONS (widget), "team.edit-staff");
}

static void
row_leaver_cb (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  activate_for_item (PCN_STAFF_ROW_ACTIONS (widget), "team.leaver-staff");
}

static void
pcn_staff_row_actions_dispose (GObject *object)
{
  PcnStaffRowActions *self = (PcnStaffRowActions *) object;

  g_clear_object (&self->item);
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_STAFF_ROW_ACTIONS);

  G_OBJECT_CLASS (pcn_staff_row_actions_parent_class)->dispose (object);
}

static void
pcn_staff_row_actions_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  PcnStaffRowActions *self = PCN_STAFF_ROW_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_staff_row_actions_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  PcnStaffRowActions *self = PCN_STAFF_ROW_ACTIONS (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      pcn_staff_row_actions_set_item (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_staff_row_actions_class_init (PcnStaffRowActionsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_staff_row_actions_dispose;
  object_class->get_property = pcn_staff_row_actions_get_property;
  object_class->set_property = pcn_staff_row_actions_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, NULL, PCN_TYPE_STAFF_ROW_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-staff-row-actions.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnStaffRowActions, menu_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "row.edit", NULL, row_edit_cb);
  gtk_widget_class_install_action (widget_class, "row.leaver", NULL, row_leaver_cb);
}

static void
pcn_staff_row_actions_init (PcnStaffRowActions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_state (self);
}

PcnStaffRowItem *
pcn_staff_row_actions_get_item (PcnStaffRowActions *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_ROW_ACTIONS (self), NULL);
  return self->item;
}

void
pcn_staff_row_actions_set_item (PcnStaffRowActions *self,
                                PcnStaffRowItem    *item)
{
  g_return_if_fail (PCN_IS_STAFF_ROW_ACTIONS (self));
  g_return_if_fail (item == NULL || PCN_IS_STAFF_ROW_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;
  update_state (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
