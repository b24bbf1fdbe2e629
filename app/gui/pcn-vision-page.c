/* pcn-vision-page.c — the Vision page
 *
 * One pcn_store_run_async() call reads the strategy report
 * (pcn_store_vision_report); the callback rebuilds the rows of each group.
 * Every write (vision, objective, review, buy-in) and the export run on the
 * store's worker thread too, then the page loads again. Forms are an
 * AdwMessageDialog with a boxed list of entry rows; a refused value keeps
 * the dialog's values in a toast and writes nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-export-vision.h"
#include "pcn-vision-page-private.h"

struct _PcnVisionPage
{
  AdwBin               parent_instance;

  /* template */
  AdwToastOverlay     *toast_overlay;
  GtkLabel            *status_label;
  GtkSpinner          *spinner;
  AdwPreferencesGroup *vision_group;
  AdwEntryRow         *statement_row;
  AdwEntryRow         *purpose_row;
  AdwPreferencesGroup *objectives_group;
  AdwPreferencesGroup *unlinked_group;
  AdwPreferencesGroup *reviews_group;
  AdwPreferencesGroup *buy_in_group;
  AdwPreferencesGroup *skills_group;
  AdwPreferencesGroup *cards_group;

  PcnStore            *store;
  PcnVisionReport     *report;
  GCancellable        *cancellable;
  GCancellable        *op_cancellable;
  GtkFileChooserNative *chooser;
  GHashTable          *rows;       /* AdwPreferencesGroup → GPtrArray of rows */
  GDate                as_at;
  guint                n_loads;
  guint                loading : 1;
  guint                busy : 1;
};

G_DEFINE_FINAL_TYPE (PcnVisionPage, pcn_vision_page, ADW_TYPE_BIN)

/* ------------------------------------------------------------ helpers */

static void
show_toast (PcnVisionPage *self,
            const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
clear_group (PcnVisionPage       *self,
             AdwPreferencesGroup *group)
{
  GPtrArray *rows = g_hash_table_lookup (self->rows, group);

  for (guint i = 0; rows != NULL && i < rows->len; i++)
    adw_preferences_group_remove (group, rows->pdata[i]);
  g_hash_table_remove (self->rows, group);
}

static void
add_row (PcnVisionPage       *self,
         AdwPreferencesGroup *group,
         GtkWidget           *row)
{
  GPtrArray *rows = g_hash_table_lookup (self->rows, group);

  if (rows == NULL)
    {
      rows = g_ptr_array_new ();
      g_hash_table_insert (self->rows, group, rows);
    }
  g_ptr_array_add (rows, row);
  adw_preferences_group_add (group, row);
}

static GtkWidget *
text_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  return row;
}

static char *
display_date (const char *iso)
{
  return iso != NULL && *iso != '\0' ? pcn_iso_format_display (iso) : g_strdup (_("not set"));
}

static void
update_actions (PcnVisionPage *self)
{
  gboolean ready = self->store != NULL && self->report != NULL && !self->busy;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vision.save-vision", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vision.add-objective", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vision.add-review", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "vision.export", ready);
  gtk_spinner_set_spinning (self->spinner, self->loading || self->busy);
}

/* --------------------------------------------------------------- show */

static void
show_vision (PcnVisionPage *self)
{
  PcnVision *vision = self->report->vision;

  gtk_editable_set_text (GTK_EDITABLE (self->statement_row),
                         vision && vision->statement ? vision->statement : "");
  gtk_editable_set_text (GTK_EDITABLE (self->purpose_row),
                         vision && vision->purpose ? vision->purpose : "");
}

static void edit_links (PcnVisionPage *self, PcnObjectivePosts *op);

static void
on_objective_row_activated_cb (AdwActionRow  *row,
                               PcnVisionPage *self)
{
  GPtrArray *objectives = self->report ? self->report->objectives : NULL;
  GPtrArray *rows = g_hash_table_lookup (self->rows, self->objectives_group);
  guint index;

  if (objectives == NULL || rows == NULL || !g_ptr_array_find (rows, row, &index) ||
      index >= objectives->len)
    return;
  edit_links (self, objectives->pdata[index]);
}

static void
show_objectives (PcnVisionPage *self)
{
  GPtrArray *objectives = self->report->objectives;
  g_autofree char *description = NULL;

  clear_group (self, self->objectives_group);
  if (objectives->len == 0)
    add_row (self, self->objectives_group,
             text_row (_("No objectives yet"),
                       _("Add a few objectives the PCN can measure, then link posts to them.")));

  for (guint i = 0; i < objectives->len; i++)
    {
      PcnObjectivePosts *op = objectives->pdata[i];
      PcnObjective *objective = op->objective;
      g_autofree char *review = display_date (objective->review_date);
      g_autoptr(GString) posts = g_string_new (NULL);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      for (guint j = 0; j < op->posts->len; j++)
        {
          g_autofree char *name = pcn_post_dup_display_name (op->posts->pdata[j]);

          if (posts->len > 0)
            g_string_append (posts, ", ");
          g_string_append (posts, name);
        }
      /* Translators: an objective's details: %1$s measure, %2$s target, %3$s owner, %4$s review date, %5$s the posts serving it */
      subtitle = g_strdup_printf (_("Measure: %1$s\nTarget: %2$s · Owner: %3$s · Review: %4$s\nPosts: %5$s"),
                                  objective->measure,
                                  objective->target ? objective->target : _("not set"),
                                  objective->owner ? objective->owner : _("not set"),
                                  review,
                                  posts->len > 0 ? posts->str : _("none — no post serves this objective"));
      row = text_row (objective->title, subtitle);
      if (op->posts->len == 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, _("No post serves this objective"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("No post serves this objective"), -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
        }
      gtk_widget_set_tooltip_text (row, _("Choose the posts that serve this objective"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_objective_row_activated_cb), self, 0);
      add_row (self, self->objectives_group, row);
    }

  if (objectives->len > PCN_VISION_OBJECTIVES_WARN_ABOVE)
    /* Translators: %u is the number of objectives */
    description = g_strdup_printf (_("%u objectives: more than five is usually too many to steer by. Keep the few that matter most."),
                                   objectives->len);
  else
    description = g_strdup (_("A small number of meaningful objectives, each with a measure, a target, an owner and a review date, and the posts that serve them."));
  adw_preferences_group_set_description (self->objectives_group, description);

  clear_group (self, self->unlinked_group);
  if (self->report->unlinked_posts->len == 0)
    add_row (self, self->unlinked_group, text_row (_("Every post serves an objective"), NULL));
  for (guint i = 0; i < self->report->unlinked_posts->len; i++)
    {
      PcnPost *post = self->report->unlinked_posts->pdata[i];
      g_autofree char *name = pcn_post_dup_display_name (post);

      add_row (self, self->unlinked_group,
               text_row (name, pcn_post_marking_get_label (pcn_post_get_marking (post))));
    }
}

static void
show_reviews (PcnVisionPage *self)
{
  GPtrArray *reviews = self->report->reviews;

  clear_group (self, self->reviews_group);
  if (reviews->len == 0)
    add_row (self, self->reviews_group,
             text_row (_("Not reviewed yet"), _("Add a review each time the vision and objectives are looked at again.")));
  for (guint i = 0; i < reviews->len; i++)
    {
      PcnVisionReview *review = reviews->pdata[i];
      g_autofree char *date = display_date (review->date);

      add_row (self, self->reviews_group, text_row (date, review->note));
    }
}

static void edit_buy_in (PcnVisionPage *self, PcnPracticeBuyIn *buy_in);

static void
on_buy_in_row_activated_cb (AdwActionRow  *row,
                            PcnVisionPage *self)
{
  GtkWidget *r = GTK_WIDGET (row);
  GPtrArray *rows = g_hash_table_lookup (self->rows, self->buy_in_group);
  guint index;

  if (self->report == NULL || rows == NULL || !g_ptr_array_find (rows, r, &index) ||
      index >= self->report->buy_in->len)
    return;
  edit_buy_in (self, self->report->buy_in->pdata[index]);
}

static void
show_buy_in (PcnVisionPage *self)
{
  GPtrArray *buy_in = self->report->buy_in;

  clear_group (self, self->buy_in_group);
  for (guint i = 0; i < buy_in->len; i++)
    {
      PcnPracticeBuyIn *b = buy_in->pdata[i];
      g_autofree char *subtitle = NULL;
      g_autofree char *date = display_date (b->date);
      GtkWidget *row;
      GtkWidget *status;

      if (!b->recorded)
        subtitle = g_strdup (_("Nothing recorded yet"));
      else
        /* Translators: %1$s agreed or not agreed, %2$s a date, %3$s who, %4$s notes */
        subtitle = g_strdup_printf (_("%1$s on %2$s by %3$s. %4$s"),
                                    b->agreed ? _("Agreed") : _("Not agreed"), date,
                                    b->agreed_by ? b->agreed_by : _("someone not named"),
                                    b->notes ? b->notes : "");
      row = text_row (b->practice, subtitle);
      status = gtk_label_new (b->agreed ? _("Agreed") : _("Not agreed"));
      gtk_widget_add_css_class (status, b->agreed ? "success" : "warning");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 g_object_new (GTK_TYPE_IMAGE,
                                               "icon-name", "go-next-symbolic",
                                               "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                               NULL));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_object (row, "activated", G_CALLBACK (on_buy_in_row_activated_cb), self, 0);
      add_row (self, self->buy_in_group, row);
    }
}

static void
show_skills (PcnVisionPage *self)
{
  PcnVisionReport *report = self->report;

  clear_group (self, self->skills_group);
  if (report->audit == NULL)
    {
      adw_preferences_group_set_description (self->skills_group,
                                             _("Count, over a period, the GP appointments that needed a skill another role could have provided; the suggested WTE per role follows."));
      add_row (self, self->skills_group,
               text_row (_("No skills audit entered"),
                         _("Enter an audit’s counts with “pcnw skills set”.")));
      return;
    }

  {
    g_autofree char *from = display_date (report->audit->from_date);
    g_autofree char *to = display_date (report->audit->to_date);
    /* Translators: %1$s and %2$s are dates */
    g_autofree char *description = g_strdup_printf (_("GP appointments from %1$s to %2$s that needed a skill another role could provide, and the WTE each role would need for a year of them, against the plan."),
                                                    from, to);

    adw_preferences_group_set_description (self->skills_group, description);
  }

  for (guint i = 0; i < report->roles->len; i++)
    {
      PcnRoleNeed *need = report->roles->pdata[i];
      g_autofree char *planned = pcn_wte_format (need->in_post_wte_milli + need->planned_wte_milli);
      g_autofree char *in_post = pcn_wte_format (need->in_post_wte_milli);
      double gap = pcn_role_need_get_gap_wte (need);
      g_autofree char *subtitle = NULL;

      /* Translators: %1$.2f suggested WTE, %2$s planned WTE, %3$s WTE in post, %4$+.2f the gap */
      subtitle = g_strdup_printf (_("Suggested %1$.2f WTE; planned %2$s WTE (%3$s in post); gap %4$+.2f WTE"),
                                  need->suggested_wte, planned, in_post, gap);
      add_row (self, self->skills_group,
               text_row (need->role_name ? need->role_name : need->role_code, subtitle));
    }

  {
    GtkWidget *expander = adw_expander_row_new ();

    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), _("Appointments by skill"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Appointments by skill"), -1);
    for (guint i = 0; i < report->skills->len; i++)
      {
        PcnSkillNeed *skill = report->skills->pdata[i];
        /* Translators: %1$ld appointments in the audit, %2$.0f a year */
        g_autofree char *subtitle = g_strdup_printf (_("%1$ld in the audit, about %2$.0f a year; suggests %3$.2f WTE"),
                                                     (long) skill->count, skill->annual_contacts,
                                                     skill->suggested_wte);

        adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), text_row (skill->name, subtitle));
      }
    add_row (self, self->skills_group, expander);
  }
}

static void edit_card (PcnVisionPage *self, PcnRoleCard *card);

static void
on_card_edit_clicked_cb (GtkButton     *button,
                         PcnVisionPage *self)
{
  edit_card (self, g_object_get_data (G_OBJECT (button), "role-card"));
}

static void
show_cards (PcnVisionPage *self)
{
  static const struct { const char *title; gsize offset; } fields[] = {
    { N_("What it does"), G_STRUCT_OFFSET (PcnRoleCard, does) },
    { N_("What it does not do"), G_STRUCT_OFFSET (PcnRoleCard, does_not) },
    { N_("Who supervises it"), G_STRUCT_OFFSET (PcnRoleCard, supervised_by) },
    { N_("How to refer"), G_STRUCT_OFFSET (PcnRoleCard, how_to_refer) },
  };

  clear_group (self, self->cards_group);
  for (guint i = 0; i < self->report->role_cards->len; i++)
    {
      PcnRoleCard *card = self->report->role_cards->pdata[i];
      GtkWidget *expander = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander),
                                     card->role_name ? card->role_name : card->role_code);
      gtk_accessible_update_property (GTK_ACCESSIBLE (expander), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      card->role_name ? card->role_name : card->role_code, -1);
      if (card->user_edited)
        adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (expander), _("Edited for this PCN"));
      {
        GtkWidget *edit = gtk_button_new_with_mnemonic (_("_Edit…"));
        /* Translators: %s is a role */
        g_autofree char *label = g_strdup_printf (_("Edit the card of %s"),
                                                  card->role_name ? card->role_name : card->role_code);

        gtk_widget_set_valign (edit, GTK_ALIGN_CENTER);
        gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        g_object_set_data_full (G_OBJECT (edit), "role-card", pcn_role_card_copy (card),
                                (GDestroyNotify) pcn_role_card_free);
        g_signal_connect_object (edit, "clicked", G_CALLBACK (on_card_edit_clicked_cb), self, 0);
        adw_expander_row_add_action (ADW_EXPANDER_ROW (expander), edit);
      }
      for (guint f = 0; f < G_N_ELEMENTS (fields); f++)
        {
          const char *text = G_STRUCT_MEMBER (char *, card, fields[f].offset);

          adw_expander_row_add_row (ADW_EXPANDER_ROW (expander),
                                    text_row (_(fields[f].title),
                                              pcn_role_card_text_or_unwritten (text)));
        }
      add_row (self, self->cards_group, expander);
    }
}

/* --------------------------------------------------------------- load */

static gpointer
load_func (PcnStore  *store,
           gpointer   data,
           GError   **error)
{
  return pcn_store_vision_report (store, data, error);
}

static void
on_load_done_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(PcnVisionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  PcnVisionReport *report;
  g_autofree char *date = NULL;
  g_autofree char *status = NULL;

  report = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->loading = FALSE;
  if (PCN_STORE (object) != self->store)
    {
      g_clear_pointer (&report, pcn_vision_report_free);
      update_actions (self);
      return;
    }
  if (report == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("Cannot read the vision: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Cannot read the vision: %s"), error->message);
      gtk_label_set_text (self->status_label, message);
      show_toast (self, message);
      update_actions (self);
      return;
    }

  g_clear_pointer (&self->report, pcn_vision_report_free);
  self->report = report;
  date = pcn_iso_format_display (report->as_at);
  /* Translators: %1$s a date, %2$u the number of warnings */
  status = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "As at %1$s. %2$u thing to look at.",
                                         "As at %1$s. %2$u things to look at.", report->checks->len),
                            date, report->checks->len);
  gtk_label_set_text (self->status_label, status);
  show_vision (self);
  show_objectives (self);
  show_reviews (self);
  show_buy_in (self);
  show_skills (self);
  show_cards (self);
  self->n_loads++;
  update_actions (self);
}

void
pcn_vision_page_reload (PcnVisionPage *self)
{
  GDate *as_at;

  g_return_if_fail (PCN_IS_VISION_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->loading = FALSE;
      update_actions (self);
      return;
    }

  self->cancellable = g_cancellable_new ();
  as_at = g_date_copy (&self->as_at);
  self->loading = TRUE;
  update_actions (self);
  pcn_store_run_async (self->store, load_func, as_at, (GDestroyNotify) g_date_free,
                       (GDestroyNotify) pcn_vision_report_free, self->cancellable,
                       on_load_done_cb, g_object_ref (self));
}

/* ------------------------------------------------------------- writes */

typedef enum { WRITE_VISION, WRITE_OBJECTIVE, WRITE_REVIEW, WRITE_BUY_IN, WRITE_CARD, WRITE_LINKS, WRITE_EXPORT } WriteKind;

typedef struct
{
  WriteKind         kind;
  PcnVision        *vision;
  PcnObjective     *objective;
  PcnVisionReview  *review;
  PcnPracticeBuyIn *buy_in;
  PcnRoleCard      *card;
  gint64            objective_id;
  GArray           *link;             /* post ids to link (gint64) */
  GArray           *unlink;           /* post ids to unlink */
  char             *path;
  GDate             as_at;
} WriteData;

static void
write_data_free (WriteData *data)
{
  g_clear_pointer (&data->vision, pcn_vision_free);
  g_clear_pointer (&data->objective, pcn_objective_free);
  g_clear_pointer (&data->review, pcn_vision_review_free);
  g_clear_pointer (&data->buy_in, pcn_practice_buy_in_free);
  g_clear_pointer (&data->card, pcn_role_card_free);
  g_clear_pointer (&data->link, g_array_unref);
  g_clear_pointer (&data->unlink, g_array_unref);
  g_clear_pointer (&data->path, g_free);
  g_free (data);
}

static gpointer
write_func (PcnStore  *store,
            gpointer   user_data,
            GError   **error)
{
  WriteData *data = user_data;
  gboolean ok = FALSE;

  switch (data->kind)
    {
    case WRITE_VISION:
      ok = pcn_store_set_vision (store, data->vision, error);
      break;
    case WRITE_OBJECTIVE:
      ok = pcn_store_add_objective (store, data->objective, error);
      break;
    case WRITE_REVIEW:
      ok = pcn_store_add_vision_review (store, data->review, error);
      break;
    case WRITE_BUY_IN:
      ok = pcn_store_set_buy_in (store, data->buy_in, error);
      break;
    case WRITE_CARD:
      ok = pcn_store_set_role_card (store, data->card, error);
      break;
    case WRITE_LINKS:
      ok = TRUE;
      for (guint i = 0; ok && i < data->link->len; i++)
        ok = pcn_store_link_objective (store, data->objective_id,
                                       g_array_index (data->link, gint64, i), error);
      for (guint i = 0; ok && i < data->unlink->len; i++)
        ok = pcn_store_unlink_objective (store, data->objective_id,
                                         g_array_index (data->unlink, gint64, i), error);
      break;
    case WRITE_EXPORT:
      {
        g_autoptr(PcnVisionReport) report = pcn_store_vision_report (store, &data->as_at, error);
        g_autoptr(PcnNetwork) network = NULL;

        if (report == NULL)
          break;
        network = pcn_store_get_network (store, error);
        if (network == NULL)
          {
            if (error != NULL && *error == NULL)
              g_set_error_literal (error, PCN_STORE_ERROR, PCN_STORE_ERROR_NO_NETWORK,
                                   _("The PCN has not been created yet"));
            break;
          }
        ok = pcn_export_vision (data->path, network, report, error);
      }
      break;
    default:
      g_assert_not_reached ();
    }
  return ok ? GINT_TO_POINTER (TRUE) : NULL;
}

static void
on_write_done_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PcnVisionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer ok = pcn_store_run_finish (PCN_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update_actions (self);
  if (ok == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("Vision page: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("Not saved: %s"), error->message);
      show_toast (self, message);
      return;
    }
  show_toast (self, _("Saved"));
  pcn_vision_page_reload (self);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(PcnVisionPage) self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer ok = pcn_store_run_finish (PCN_STORE (object), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->busy = FALSE;
  update_actions (self);
  if (ok == NULL)
    {
      g_autofree char *message = NULL;

      g_warning ("Cannot export the strategy: %s", error->message);
      /* Translators: %s says why */
      message = g_strdup_printf (_("The strategy was not exported: %s"), error->message);
      show_toast (self, message);
      return;
    }
  show_toast (self, _("Strategy on a page exported"));
}

static void
run_write (PcnVisionPage *self,
           WriteData     *data)
{
  self->busy = TRUE;
  update_actions (self);
  pcn_store_run_async (self->store, write_func, data, (GDestroyNotify) write_data_free, NULL,
                       self->op_cancellable,
                       data->kind == WRITE_EXPORT ? on_export_done_cb : on_write_done_cb,
                       g_object_ref (self));
}

static char *
dup_entry (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
save_vision_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  PcnVisionPage *self = PCN_VISION_PAGE (widget);
  WriteData *data = g_new0 (WriteData, 1);
  g_autoptr(GError) error = NULL;

  data->kind = WRITE_VISION;
  data->vision = self->report && self->report->vision ? pcn_vision_copy (self->report->vision)
                                                      : pcn_vision_new ();
  g_free (data->vision->statement);
  g_free (data->vision->purpose);
  data->vision->statement = dup_entry (self->statement_row);
  data->vision->purpose = dup_entry (self->purpose_row);
  if (!pcn_vision_validate (data->vision, &error))
    {
      show_toast (self, error->message);
      write_data_free (data);
      return;
    }
  run_write (self, data);
}

/* A form: an AdwMessageDialog holding a boxed list of entry rows. */
static AdwMessageDialog *
form_new (PcnVisionPage *self,
          const char    *heading,
          const char    *body,
          const char    *save_label,
          GtkListBox   **out_list)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  GtkWidget *list = gtk_list_box_new ();

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       heading, body));
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_message_dialog_set_extra_child (dialog, list);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", save_label, NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  *out_list = GTK_LIST_BOX (list);
  return dialog;
}

static AdwEntryRow *
form_add_entry (GtkListBox *list,
                const char *title,
                const char *text)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (text != NULL)
    gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_list_box_append (list, row);
  return ADW_ENTRY_ROW (row);
}

static AdwEntryRow *
form_entry (GtkListBox *list,
            int         index)
{
  return ADW_ENTRY_ROW (gtk_list_box_get_row_at_index (list, index));
}

static char *
iso_from_entry (AdwEntryRow  *row,
                GError      **error)
{
  g_autofree char *text = dup_entry (row);
  GDate date;

  if (text == NULL)
    return NULL;
  if (!pcn_date_parse (text, &date, error))
    return NULL;
  return pcn_date_to_iso (&date);
}

static void
on_objective_response_cb (AdwMessageDialog *dialog,
                          const char       *response,
                          PcnVisionPage    *self)
{
  GtkListBox *list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(PcnObjective) objective = NULL;
  g_autoptr(GError) error = NULL;
  WriteData *data;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL)
    return;

  objective = pcn_objective_new ();
  objective->title = dup_entry (form_entry (list, 0));
  objective->measure = dup_entry (form_entry (list, 1));
  objective->target = dup_entry (form_entry (list, 2));
  objective->owner = dup_entry (form_entry (list, 3));
  objective->review_date = iso_from_entry (form_entry (list, 4), &error);
  if (error == NULL)
    pcn_objective_validate (objective, NULL, &error);
  if (error != NULL)
    {
      /* Translators: %s says what is wrong */
      g_autofree char *message = g_strdup_printf (_("The objective was not added: %s"), error->message);

      show_toast (self, message);
      return;
    }
  data = g_new0 (WriteData, 1);
  data->kind = WRITE_OBJECTIVE;
  data->objective = g_steal_pointer (&objective);
  run_write (self, data);
}

static void
add_objective_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  PcnVisionPage *self = PCN_VISION_PAGE (widget);
  guint n = self->report ? self->report->objectives->len : 0;
  GtkListBox *list;
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  if (n >= PCN_VISION_OBJECTIVES_WARN_ABOVE)
    /* Translators: %u objectives already */
    body = g_strdup_printf (_("There are already %u objectives. More than five is usually too many to steer by."), n);
  dialog = form_new (self, _("Add an Objective"), body, _("_Add"), &list);
  form_add_entry (list, _("Objective"), NULL);
  form_add_entry (list, _("Measure: how we will know"), NULL);
  form_add_entry (list, _("Target"), NULL);
  form_add_entry (list, _("Owner"), NULL);
  form_add_entry (list, _("Review date (DD/MM/YYYY)"), NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_objective_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_review_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PcnVisionPage    *self)
{
  GtkListBox *list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(PcnVisionReview) review = NULL;
  g_autoptr(GError) error = NULL;
  WriteData *data;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL)
    return;

  review = pcn_vision_review_new ();
  review->date = iso_from_entry (form_entry (list, 0), &error);
  review->note = dup_entry (form_entry (list, 1));
  if (error == NULL)
    pcn_vision_review_validate (review, &error);
  if (error != NULL)
    {
      /* Translators: %s says what is wrong */
      g_autofree char *message = g_strdup_printf (_("The review was not added: %s"), error->message);

      show_toast (self, message);
      return;
    }
  data = g_new0 (WriteData, 1);
  data->kind = WRITE_REVIEW;
  data->review = g_steal_pointer (&review);
  run_write (self, data);
}

static void
add_review_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  PcnVisionPage *self = PCN_VISION_PAGE (widget);
  g_autofree char *today = pcn_date_format_display (&self->as_at);
  GtkListBox *list;
  AdwMessageDialog *dialog;

  dialog = form_new (self, _("Add a Review"),
                     _("What was looked at again, and what changed."), _("_Add"), &list);
  form_add_entry (list, _("Date (DD/MM/YYYY)"), today);
  form_add_entry (list, _("What was reviewed and decided"), NULL);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_review_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_buy_in_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       PcnVisionPage    *self)
{
  GtkListBox *list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog));
  PcnPracticeBuyIn *original = g_object_get_data (G_OBJECT (dialog), "buy-in");
  g_autoptr(PcnPracticeBuyIn) buy_in = NULL;
  g_autoptr(GError) error = NULL;
  AdwActionRow *agreed_row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, 0));
  WriteData *data;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL || original == NULL)
    return;

  buy_in = pcn_practice_buy_in_copy (original);
  buy_in->agreed = gtk_check_button_get_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (agreed_row)));
  g_free (buy_in->date);
  g_free (buy_in->agreed_by);
  g_free (buy_in->notes);
  buy_in->date = iso_from_entry (form_entry (list, 1), &error);
  buy_in->agreed_by = dup_entry (form_entry (list, 2));
  buy_in->notes = dup_entry (form_entry (list, 3));
  if (error == NULL)
    pcn_practice_buy_in_validate (buy_in, &error);
  if (error != NULL)
    {
      /* Translators: %s says what is wrong */
      g_autofree char *message = g_strdup_printf (_("The buy-in was not saved: %s"), error->message);

      show_toast (self, message);
      return;
    }
  data = g_new0 (WriteData, 1);
  data->kind = WRITE_BUY_IN;
  data->buy_in = g_steal_pointer (&buy_in);
  run_write (self, data);
}

static void
edit_buy_in (PcnVisionPage    *self,
             PcnPracticeBuyIn *buy_in)
{
  GtkListBox *list;
  AdwMessageDialog *dialog;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *date = NULL;
  g_autofree char *heading = NULL;

  if (self->busy || self->store == NULL)
    return;
  /* Translators: %s is a practice */
  heading = g_strdup_printf (_("Buy-in of %s"), buy_in->practice);
  dialog = form_new (self, heading, NULL, _("_Save"), &list);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Agreed the vision"));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), buy_in->agreed);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  gtk_list_box_append (list, row);
  if (buy_in->date != NULL)
    date = pcn_iso_format_display (buy_in->date);
  else
    date = pcn_date_format_display (&self->as_at);
  form_add_entry (list, _("Date (DD/MM/YYYY)"), date);
  form_add_entry (list, _("Agreed by"), buy_in->agreed_by);
  form_add_entry (list, _("Notes"), buy_in->notes);
  g_object_set_data_full (G_OBJECT (dialog), "buy-in", pcn_practice_buy_in_copy (buy_in),
                          (GDestroyNotify) pcn_practice_buy_in_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_buy_in_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_card_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     PcnVisionPage    *self)
{
  GtkListBox *list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog));
  PcnRoleCard *original = g_object_get_data (G_OBJECT (dialog), "role-card");
  g_autoptr(PcnRoleCard) card = NULL;
  g_autoptr(GError) error = NULL;
  WriteData *data;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL || original == NULL)
    return;
  card = pcn_role_card_copy (original);
  g_free (card->does);
  g_free (card->does_not);
  g_free (card->supervised_by);
  g_free (card->how_to_refer);
  card->does = dup_entry (form_entry (list, 0));
  card->does_not = dup_entry (form_entry (list, 1));
  card->supervised_by = dup_entry (form_entry (list, 2));
  card->how_to_refer = dup_entry (form_entry (list, 3));
  if (!pcn_role_card_validate (card, &error))
    {
      /* Translators: %s says what is wrong */
      g_autofree char *message = g_strdup_printf (_("The card was not saved: %s"), error->message);

      show_toast (self, message);
      return;
    }
  data = g_new0 (WriteData, 1);
  data->kind = WRITE_CARD;
  data->card = g_steal_pointer (&card);
  run_write (self, data);
}

static void
edit_card (PcnVisionPage *self,
           PcnRoleCard   *card)
{
  GtkListBox *list;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;

  if (card == NULL || self->busy || self->store == NULL)
    return;
  /* Translators: %s is a role */
  heading = g_strdup_printf (_("Role Card: %s"), card->role_name ? card->role_name : card->role_code);
  dialog = form_new (self, heading, _("In plain language, for practices and reception teams."),
                     _("_Save"), &list);
  form_add_entry (list, _("What it does"), card->does);
  form_add_entry (list, _("What it does not do"), card->does_not);
  form_add_entry (list, _("Who supervises it"), card->supervised_by);
  form_add_entry (list, _("How to refer"), card->how_to_refer);
  g_object_set_data_full (G_OBJECT (dialog), "role-card", pcn_role_card_copy (card),
                          (GDestroyNotify) pcn_role_card_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_card_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every post the report names (linked to some objective or to none), by id. */
static GPtrArray *
collect_posts (PcnVisionReport *report)
{
  GPtrArray *posts = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < report->objectives->len; i++)
    {
      PcnObjectivePosts *op = report->objectives->pdata[i];

      for (guint j = 0; j < op->posts->len; j++)
        g_ptr_array_add (posts, op->posts->pdata[j]);
    }
  for (guint i = 0; i < report->unlinked_posts->len; i++)
    g_ptr_array_add (posts, report->unlinked_posts->pdata[i]);

  for (guint i = 0; i < posts->len;)
    {
      gint64 *id = g_new (gint64, 1);

      *id = pcn_post_get_id (posts->pdata[i]);
      if (g_hash_table_contains (seen, id))
        {
          g_free (id);
          g_ptr_array_remove_index (posts, i);
          continue;
        }
      g_hash_table_add (seen, id);
      i++;
    }
  return posts;
}

static gboolean
posts_contain (GPtrArray *posts,
               gint64     id)
{
  for (guint i = 0; i < posts->len; i++)
    if (pcn_post_get_id (posts->pdata[i]) == id)
      return TRUE;
  return FALSE;
}

static void
on_links_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      PcnVisionPage    *self)
{
  GtkListBox *list = GTK_LIST_BOX (adw_message_dialog_get_extra_child (dialog));
  GArray *linked = g_object_get_data (G_OBJECT (dialog), "linked");
  GArray *ids = g_object_get_data (G_OBJECT (dialog), "ids");
  WriteData *data;

  if (g_strcmp0 (response, "save") != 0 || self->store == NULL || ids == NULL)
    return;

  data = g_new0 (WriteData, 1);
  data->kind = WRITE_LINKS;
  data->objective_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "objective-id"));
  data->link = g_array_new (FALSE, FALSE, sizeof (gint64));
  data->unlink = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < ids->len; i++)
    {
      AdwActionRow *row = ADW_ACTION_ROW (gtk_list_box_get_row_at_index (list, (int) i));
      gboolean want = gtk_check_button_get_active (GTK_CHECK_BUTTON (adw_action_row_get_activatable_widget (row)));
      gboolean was = g_array_index (linked, gboolean, i);
      gint64 id = g_array_index (ids, gint64, i);

      if (want && !was)
        g_array_append_val (data->link, id);
      else if (!want && was)
        g_array_append_val (data->unlink, id);
    }
  run_write (self, data);
}

static void
edit_links (PcnVisionPage     *self,
            PcnObjectivePosts *op)
{
  g_autoptr(GPtrArray) posts = NULL;
  GtkListBox *list;
  AdwMessageDialog *dialog;
  g_autofree char *heading = NULL;
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *linked = g_array_new (FALSE, FALSE, sizeof (gboolean));

  if (self->busy || self->store == NULL || self->report == NULL)
    {
      g_array_unref (ids);
      g_array_unref (linked);
      return;
    }
  posts = collect_posts (self->report);
  /* Translators: %s is an objective */
  heading = g_strdup_printf (_("Posts Serving “%s”"), op->objective->title);
  dialog = form_new (self, heading,
                     posts->len > 0 ? _("Tick the posts that serve this objective.")
                                    : _("There are no posts in the plan yet: add them on the Recruitment page."),
                     _("_Save"), &list);
  for (guint i = 0; i < posts->len; i++)
    {
      PcnPost *post = posts->pdata[i];
      g_autofree char *name = pcn_post_dup_display_name (post);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      gint64 id = pcn_post_get_id (post);
      gboolean was = posts_contain (op->posts, id);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   pcn_post_marking_get_label (pcn_post_get_marking (post)));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), was);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      gtk_list_box_append (list, row);
      g_array_append_val (ids, id);
      g_array_append_val (linked, was);
    }
  g_object_set_data_full (G_OBJECT (dialog), "ids", ids, (GDestroyNotify) g_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "linked", linked, (GDestroyNotify) g_array_unref);
  g_object_set_data (G_OBJECT (dialog), "objective-id", GSIZE_TO_POINTER ((gsize) op->objective->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_links_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_export_chooser_response_cb (GtkNativeDialog *native,
                               int              response,
                               PcnVisionPage   *self)
{
  g_autoptr(GFile) file = NULL;
  WriteData *data;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_clear_object (&self->chooser);
  if (file == NULL || self->store == NULL)
    return;

  data = g_new0 (WriteData, 1);
  data->kind = WRITE_EXPORT;
  data->path = g_file_get_path (file);
  data->as_at = self->as_at;
  if (data->path == NULL)
    {
      show_toast (self, _("The strategy can only be exported to a local file"));
      write_data_free (data);
      return;
    }
  run_write (self, data);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  PcnVisionPage *self = PCN_VISION_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export the Strategy on a Page"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("strategy-on-a-page.xlsx"));
  gtk_file_filter_set_name (filter, _("Excel workbooks"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect_object (self->chooser, "response",
                           G_CALLBACK (on_export_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------- object */

static void
pcn_vision_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (pcn_vision_page_parent_class)->map (widget);
  pcn_vision_page_reload (PCN_VISION_PAGE (widget));
}

static void
pcn_vision_page_dispose (GObject *object)
{
  PcnVisionPage *self = PCN_VISION_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->op_cancellable);
  g_clear_object (&self->op_cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->store);
  g_clear_pointer (&self->report, pcn_vision_report_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), PCN_TYPE_VISION_PAGE);
  G_OBJECT_CLASS (pcn_vision_page_parent_class)->dispose (object);
}

static void
pcn_vision_page_finalize (GObject *object)
{
  PcnVisionPage *self = PCN_VISION_PAGE (object);

  g_clear_pointer (&self->rows, g_hash_table_unref);
  G_OBJECT_CLASS (pcn_vision_page_parent_class)->finalize (object);
}

static void
pcn_vision_page_class_init (PcnVisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_vision_page_dispose;
  object_class->finalize = pcn_vision_page_finalize;
  widget_class->map = pcn_vision_page_map;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/pcnworkforce/PcnWorkforce/ui/pcn-vision-page.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, status_label);
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, vision_group);
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, statement_row);
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, objectives_group);
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, unlinked_group);
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, reviews_group);
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, buy_in_group);
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, skills_group);
  gtk_widget_class_bind_template_child (widget_class, PcnVisionPage, cards_group);

  gtk_widget_class_install_action (widget_class, "vision.save-vision", NULL, save_vision_action);
  gtk_widget_class_install_action (widget_class, "vision.add-objective", NULL, add_objective_action);
  gtk_widget_class_install_action (widget_class, "vision.add-review", NULL, add_review_action);
  gtk_widget_class_install_action (widget_class, "vision.export", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "vision.export", NULL);
}

static void
pcn_vision_page_init (PcnVisionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  self->op_cancellable = g_cancellable_new ();
  pcn_date_set_today (&self->as_at);
  update_actions (self);
}

void
pcn_vision_page_set_store (PcnVisionPage *self,
                           PcnStore      *store)
{
  g_return_if_fail (PCN_IS_VISION_PAGE (self));
  g_return_if_fail (store == NULL || PCN_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  if (store == NULL)
    g_clear_pointer (&self->report, pcn_vision_report_free);
  pcn_vision_page_reload (self);
}

PcnStore *
pcn_vision_page_get_store (PcnVisionPage *self)
{
  g_return_val_if_fail (PCN_IS_VISION_PAGE (self), NULL);

  return self->store;
}

void
pcn_vision_page_set_as_at (PcnVisionPage *self,
                           const GDate   *as_at)
{
  g_return_if_fail (PCN_IS_VISION_PAGE (self));

  if (as_at != NULL && g_date_valid (as_at))
    self->as_at = *as_at;
  else
    pcn_date_set_today (&self->as_at);
  pcn_vision_page_reload (self);
}

/* ------------------------------------------------------------ private */

guint
_pcn_vision_page_get_n_loads (PcnVisionPage *self)
{
  return self->n_loads;
}

gboolean
_pcn_vision_page_is_busy (PcnVisionPage *self)
{
  return self->loading || self->busy;
}

PcnVisionReport *
_pcn_vision_page_get_report (PcnVisionPage *self)
{
  return self->report;
}

AdwEntryRow *
_pcn_vision_page_get_statement_row (PcnVisionPage *self)
{
  return self->statement_row;
}

AdwEntryRow *
_pcn_vision_page_get_purpose_row (PcnVisionPage *self)
{
  return self->purpose_row;
}

guint
_pcn_vision_page_count_rows (PcnVisionPage *self,
                             const char    *group)
{
  AdwPreferencesGroup *g = g_strcmp0 (group, "objectives") == 0 ? self->objectives_group
                         : g_strcmp0 (group, "buy-in") == 0 ? self->buy_in_group
                         : self->cards_group;
  GPtrArray *rows = g_hash_table_lookup (self->rows, g);

  return rows ? rows->len : 0;
}
