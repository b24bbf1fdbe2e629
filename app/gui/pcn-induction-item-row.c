/* pcn-induction-item-row.c — one item of a starter's checklist
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-induction-item-row.h"

struct _PcnInductionItemRow
{
  AdwActionRow       parent_instance;

  /* template */
  GtkCheckButton    *check;
  GtkLabel          *due_label;
  GtkMenuButton     *options_button;
  GtkPopover        *popover;
  GtkLabel          *error_label;
  GtkEntry          *date_entry;
  GtkEntry          *by_entry;
  GtkEntry          *reason_entry;
  GtkEntry          *note_entry;

  PcnInductionItem  *item;
  GDate              as_at;
  char              *default_by;
  char              *error;
  guint              syncing : 1;
};

G_DEFINE_FINAL_TYPE (PcnInductionItemRow, pcn_induction_item_row, ADW_TYPE_ACTION_ROW)

enum {
  TICK,
  REOPEN,
  SAVE_NOTE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------ helpers */

static char *
format_done_on (const char *iso)
{
  return pcn_iso_format_display (iso);
}

static char *
entry_text (GtkEntry *entry)
{
  g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  return g_strstrip (g_steal_pointer (&text));
}

static void
sync_check (PcnInductionItemRow *self)
{
  self->syncing = TRUE;
  gtk_check_button_set_active (self->check,
                               self->item != NULL &&
                               self->item->status != PCN_INDUCTION_STATUS_OPEN);
  self->syncing = FALSE;
}

static void
update_subtitle (PcnInductionItemRow *self)
{
  const PcnInductionItem *item = self->item;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *on = NULL;

  /* Translators: who owns an induction item, e.g. "Owner: Host practice" */
  g_string_append_printf (subtitle, _("Owner: %s"), pcn_induction_owner_get_label (item->owner));
  on = format_done_on (item->done_on);
  if (item->status == PCN_INDUCTION_STATUS_DONE)
    {
      g_string_append (subtitle, "\n");
      /* Translators: %1$s a name, %2$s a date */
      g_string_append_printf (subtitle, _("Done by %1$s on %2$s"),
                              item->done_by ? item->done_by : "", on);
    }
  else if (item->status == PCN_INDUCTION_STATUS_NA)
    {
      g_string_append (subtitle, "\n");
      /* Translators: %1$s why the item does not apply, %2$s a name, %3$s a date */
      g_string_append_printf (subtitle, _("Not applicable: %1$s (%2$s, %3$s)"),
                              item->na_reason ? item->na_reason : "",
                              item->done_by ? item->done_by : "", on);
    }
  if (item->note != NULL && item->note[0] != '\0')
    {
      g_string_append (subtitle, "\n");
      /* Translators: an item's note */
      g_string_append_printf (subtitle, _("Note: %s"), item->note);
    }
  if (self->error != NULL)
    {
      g_string_append (subtitle, "\n");
      g_string_append (subtitle, self->error);
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle->str);
}

static void
update_due (PcnInductionItemRow *self)
{
  const PcnInductionItem *item = self->item;
  g_autofree char *due = NULL;
  g_autofree char *text = NULL;
  gboolean overdue = pcn_induction_item_is_overdue (item, &self->as_at);

  if (!g_date_valid (&item->due))
    {
      gtk_label_set_text (self->due_label, "");
      return;
    }
  due = pcn_date_format_display (&item->due);
  if (overdue)
    /* Translators: an open item past its due date %s */
    text = g_strdup_printf (_("Overdue since %s"), due);
  else
    /* Translators: %s a date */
    text = g_strdup_printf (_("Due %s"), due);
  gtk_label_set_text (self->due_label, text);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "error");
  if (item->status == PCN_INDUCTION_STATUS_OPEN)
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->due_label), "dim-label");
}

static void
update_actions (PcnInductionItemRow *self)
{
  gboolean open = self->item != NULL && self->item->status == PCN_INDUCTION_STATUS_OPEN;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.tick", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.not-applicable", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.reopen", self->item != NULL && !open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.save-note", self->item != NULL);
}

static void
set_error (PcnInductionItemRow *self,
           const char          *message)
{
  g_free (self->error);
  self->error = g_strdup (message);
  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->check),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->check), GTK_ACCESSIBLE_STATE_INVALID);
    }
  if (self->item != NULL)
    update_subtitle (self);
}

static void
fill_popover (PcnInductionItemRow *self)
{
  const PcnInductionItem *item = self->item;
  GDate date = self->as_at;
  char buf[32] = "";

  if (item == NULL)
    return;
  if (item->done_on != NULL)
    pcn_date_from_iso (item->done_on, &date);
  if (g_date_valid (&date))
    g_snprintf (buf, sizeof buf, "%02d/%02d/%04d", g_date_get_day (&date),
                g_date_get_month (&date), g_date_get_year (&date));
  gtk_editable_set_text (GTK_EDITABLE (self->date_entry), buf);
  gtk_editable_set_text (GTK_EDITABLE (self->by_entry),
                         item->done_by ? item->done_by
                                       : self->default_by ? self->default_by : "");
  gtk_editable_set_text (GTK_EDITABLE (self->reason_entry), item->na_reason ? item->na_reason : "");
  gtk_editable_set_text (GTK_EDITABLE (self->note_entry), item->note ? item->note : "");
}

static void
emit_tick (PcnInductionItemRow *self,
           const char          *by,
           const char          *date,
           const char          *reason)
{
  g_autofree char *note = entry_text (self->note_entry);

  g_signal_emit (self, signals[TICK], 0, by, date, reason,
                 gtk_widget_get_visible (GTK_WIDGET (self->popover)) && note[0] != '\0'
                   ? note : NULL);
}

/* ------------------------------------------------------------ signals */

static void
on_check_toggled_cb (PcnInductionItemRow *self)
{
  gboolean active = gtk_check_button_get_active (self->check);

  if (self->syncing || self->item == NULL)
    return;

  if (active && self->item->status == PCN_INDUCTION_STATUS_OPEN)
    pcn_induction_item_row_tick (self);
  else if (!active && self->item->status != PCN_INDUCTION_STATUS_OPEN)
    {
      /* Unticking throws away who signed it off and when: a stray click on
       * the row must not do that, so ask through the popover's Reopen. */
      sync_check (self);
      gtk_menu_button_popup (self->options_button);
      gtk_label_set_text (self->error_label,
                          _("To untick, press Reopen: it clears who did it and when"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
on_popover_show_cb (PcnInductionItemRow *self)
{
  fill_popover (self);
}

static void
tick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  PcnInductionItemRow *self = PCN_INDUCTION_ITEM_ROW (widget);
  g_autofree char *by = entry_text (self->by_entry);
  g_autofree char *date = entry_text (self->date_entry);

  if (by[0] == '\0')
    {
      set_error (self, _("Enter the name of who did it"));
      gtk_widget_grab_focus (GTK_WIDGET (self->by_entry));
      return;
    }
  emit_tick (self, by, date[0] != '\0' ? date : NULL, NULL);
}

static void
not_applicable_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  PcnInductionItemRow *self = PCN_INDUCTION_ITEM_ROW (widget);
  g_autofree char *by = entry_text (self->by_entry);
  g_autofree char *date = entry_text (self->date_entry);
  g_autofree char *reason = entry_text (self->reason_entry);

  if (reason[0] == '\0')
    {
      set_error (self, _("Say why the item does not apply"));
      gtk_widget_grab_focus (GTK_WIDGET (self->reason_entry));
      return;
    }
  if (by[0] == '\0')
    {
      set_error (self, _("Enter the name of who decided"));
      gtk_widget_grab_focus (GTK_WIDGET (self->by_entry));
      return;
    }
  emit_tick (self, by, date[0] != '\0' ? date : NULL, reason);
}

static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  g_signal_emit (widget, signals[REOPEN], 0);
}

static void
save_note_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  PcnInductionItemRow *self = PCN_INDUCTION_ITEM_ROW (widget);
  g_autofree char *note = entry_text (self->note_entry);

  g_signal_emit (self, signals[SAVE_NOTE], 0, note);
}

/* ------------------------------------------------------------ GObject */

static void
pcn_induction_item_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PCN_TYPE_INDUCTION_ITEM_ROW);
  G_OBJECT_CLASS (pcn_induction_item_row_parent_class)->dispose (object);
}

static void
pcn_induction_item_row_finalize (GObject *object)
{
  PcnInductionItemRow *self = PCN_INDUCTION_ITEM_ROW (object);

  g_clear_pointer (&self->item, pcn_induction_item_free);
  g_clear_pointer (&self->default_by, g_free);
  g_clear_pointer (&self->error, g_free);
  G_OBJECT_CLASS (pcn_induction_item_row_parent_class)->finalize (object);
}

static void
pcn_induction_item_row_class_init (PcnInductionItemRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_induction_item_row_dispose;
  object_class->finalize = pcn_induction_item_row_finalize;

  /* (by, date or NULL for "as at", N/A reason or NULL, note or NULL) */
  signals[TICK] = g_signal_new ("tick", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 4,
                                G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING);
  signals[REOPEN] = g_signal_new ("reopen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVE_NOTE] = g_signal_new ("save-note", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-induction-item-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnInductionItemRow, check);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionItemRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionItemRow, options_button);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionItemRow, popover);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionItemRow, error_label);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionItemRow, date_entry);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionItemRow, by_entry);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionItemRow, reason_entry);
  gtk_widget_class_bind_template_child (widget_class, PcnInductionItemRow, note_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "item.tick", NULL, tick_action);
  gtk_widget_class_install_action (widget_class, "item.not-applicable", NULL,
                                   not_applicable_action);
  gtk_widget_class_install_action (widget_class, "item.reopen", NULL, reopen_action);
  gtk_widget_class_install_action (widget_class, "item.save-note", NULL, save_note_action);
}

static void
pcn_induction_item_row_init (PcnInductionItemRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_date_clear (&self->as_at, 1);
  update_actions (self);
}

/* ------------------------------------------------------------ public */

PcnInductionItemRow *
pcn_induction_item_row_new (void)
{
  return g_object_new (PCN_TYPE_INDUCTION_ITEM_ROW, NULL);
}

void
pcn_induction_item_row_set_item (PcnInductionItemRow    *self,
                                 const PcnInductionItem *item,
                                 const GDate            *as_at)
{
  g_autofree char *options = NULL;

  g_return_if_fail (PCN_IS_INDUCTION_ITEM_ROW (self));
  g_return_if_fail (item != NULL);
  g_return_if_fail (as_at != NULL && g_date_valid (as_at));

  if (self->item != item)
    {
      g_clear_pointer (&self->item, pcn_induction_item_free);
      self->item = pcn_induction_item_copy (item);
    }
  self->as_at = *as_at;
  g_clear_pointer (&self->error, g_free);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), item->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, item->text, -1);
  /* Translators: %s is the text of a checklist item */
  options = g_strdup_printf (_("More for “%s”: date, name, not applicable, note"), item->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->options_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, options, -1);
  sync_check (self);
  set_error (self, NULL);
  update_due (self);
  update_actions (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    gtk_popover_popdown (self->popover);
}

const PcnInductionItem *
pcn_induction_item_row_get_item (PcnInductionItemRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ITEM_ROW (self), NULL);
  return self->item;
}

void
pcn_induction_item_row_set_default_by (PcnInductionItemRow *self,
                                       const char          *by)
{
  g_return_if_fail (PCN_IS_INDUCTION_ITEM_ROW (self));

  g_free (self->default_by);
  self->default_by = g_strdup (by);
}

void
pcn_induction_item_row_show_error (PcnInductionItemRow *self,
                                   const char          *message)
{
  g_return_if_fail (PCN_IS_INDUCTION_ITEM_ROW (self));

  sync_check (self);
  set_error (self, message);
}

const char *
pcn_induction_item_row_get_error (PcnInductionItemRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ITEM_ROW (self), NULL);
  return self->error;
}

void
pcn_induction_item_row_tick (PcnInductionItemRow *self)
{
  g_return_if_fail (PCN_IS_INDUCTION_ITEM_ROW (self));

  if (self->item == NULL || self->item->status != PCN_INDUCTION_STATUS_OPEN)
    return;
  if (self->default_by == NULL || self->default_by[0] == '\0')
    {
      /* Nobody has ticked anything yet: ask for the name. */
      sync_check (self);
      gtk_menu_button_popup (self->options_button);
      set_error (self, _("Enter your name once; later ticks use it"));
      gtk_widget_grab_focus (GTK_WIDGET (self->by_entry));
      return;
    }
  g_signal_emit (self, signals[TICK], 0, self->default_by, NULL, NULL, NULL);
}

GtkCheckButton *
_pcn_induction_item_row_get_check (PcnInductionItemRow *self)
{
  return self->check;
}

GtkEditable *
_pcn_induction_item_row_get_field (PcnInductionItemRow *self,
                                   const char          *name)
{
  if (g_str_equal (name, "date"))
    return GTK_EDITABLE (self->date_entry);
  if (g_str_equal (name, "by"))
    return GTK_EDITABLE (self->by_entry);
  if (g_str_equal (name, "reason"))
    return GTK_EDITABLE (self->reason_entry);
  if (g_str_equal (name, "note"))
    return GTK_EDITABLE (self->note_entry);
  g_return_val_if_reached (NULL);
}
