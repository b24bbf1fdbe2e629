/* pcn-welcome-page.c — first run
 *
 * The buttons activate the window's win.create-network and
 * win.explore-sample actions; the page itself holds no state.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pcn-welcome-page.h"

struct _PcnWelcomePage
{
  AdwBin parent_instance;
};

G_DEFINE_FINAL_TYPE (PcnWelcomePage, pcn_welcome_page, ADW_TYPE_BIN)

static void
pcn_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PCN_TYPE_WELCOME_PAGE);
  G_OBJECT_CLASS (pcn_welcome_page_parent_class)->dispose (object);
}

static void
pcn_welcome_page_class_init (PcnWelcomePageClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = pcn_welcome_page_dispose;
  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-welcome-page.ui");
}

static void
pcn_welcome_page_init (PcnWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
