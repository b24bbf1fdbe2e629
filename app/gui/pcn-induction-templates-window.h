/* pcn-induction-templates-window.h — editing the induction templates:
 * add, remove, reorder and change when an item is due, per checklist
 * (PCN, host practice, employer). Checklists already issued keep their
 * own copy and are never rewritten; the window says so.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pcn-store.h"

G_BEGIN_DECLS

#define PCN_TYPE_INDUCTION_TEMPLATES_WINDOW (pcn_induction_templates_window_get_type ())
G_DECLARE_FINAL_TYPE (PcnInductionTemplatesWindow, pcn_induction_templates_window,
                      PCN, INDUCTION_TEMPLATES_WINDOW, AdwWindow)

PcnInductionTemplatesWindow *pcn_induction_templates_window_new (PcnStore *store);

/* For the tests */
gboolean    _pcn_induction_templates_window_is_busy (PcnInductionTemplatesWindow *self);
/* (element-type PcnInductionTemplateItem) of the checklist shown */
GPtrArray  *_pcn_induction_templates_window_get_items (PcnInductionTemplatesWindow *self);
/* The row of the @index-th item shown; its choice is when the item is due. */
AdwComboRow *_pcn_induction_templates_window_get_due_row (PcnInductionTemplatesWindow *self,
                                                          guint                        index);
/* "section" or "text" of a new item */
GtkEditable *_pcn_induction_templates_window_get_field  (PcnInductionTemplatesWindow *self,
                                                          const char                  *name);
/* Why the new item was refused, or NULL */
const char  *_pcn_induction_templates_window_get_error  (PcnInductionTemplatesWindow *self);

G_END_DECLS
