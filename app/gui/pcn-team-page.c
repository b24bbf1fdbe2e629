/* pcn-team-page.c — stub, replaced by the Team page work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pcn-team-page.h"

struct _PcnTeamPage
{
  AdwBin    parent_instance;
  PcnStore *store;
};

G_DEFINE_FINAL_TYPE (PcnTeamPage, pcn_team_page, ADW_TYPE_BIN)

static void
pcn_team_page_dispose (GObject *object)
{
  PcnTeamPage *self = (PcnTeamPage *) object;

  g_clear_object (&self->store);
  G_OBJECT_CLASS (pcn_team_page_parent_class)->dispose (object);
}

static void
pcn_team_page_class_init (PcnTeamPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = pcn_team_page_dispose;
}

static void
pcn_team_page_init (PcnTeamPage *self)
{
}

void
pcn_team_page_set_store (PcnTeamPage *self,
                         PcnStore    *store)
{
  g_set_object (&self->store, store);
}

PcnStore *
pcn_team_page_get_store (PcnTeamPage *self)
{
  return self->store;
}

void
pcn_team_page_reload (PcnTeamPage *self)
{
}
