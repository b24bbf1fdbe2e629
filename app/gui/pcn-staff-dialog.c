/* pcn-staff-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-staff-dialog-private.h"
#include "pcn-staff-row-practice.h"

struct _PcnStaffDialog
{
  AdwWindow             parent_instance;

  PcnStore             *store;
  PcnStaff             *staff;          /* NULL when adding */
  GPtrArray            *roles;          /* PcnRole */
  GPtrArray            *practice_names; /* char * */
  GPtrArray            *practice_rows;  /* PcnStaffRowPractice, unowned */
  GCancellable         *cancellable;
  gboolean              busy;

  AdwEntryRow          *name_row;
  AdwEntryRow          *payroll_id_row;
  AdwEntryRow          *employer_row;
  AdwComboRow          *role_row;
  GtkStringList        *role_list;
  AdwEntryRow          *wte_row;
  AdwEntryRow          *band_row;
  AdwEntryRow          *start_date_row;
  AdwEntryRow          *annual_salary_row;
  GtkSwitch            *claimable_switch;
  AdwPreferencesGroup  *practices_group;
  GtkLabel             *person_error;
  GtkLabel             *post_error;
  GtkLabel             *practices_error;
  GtkWidget            *save_button;
};

G_DEFINE_FINAL_TYPE (PcnStaffDialog, pcn_staff_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Where each field of the staff CSV lives in the form. */
typedef struct
{
  const char *field;
  gsize       widget_offset;
  gsize       label_offset;
} FieldInfo;

#define FIELD(f, w, l) { f, G_STRUCT_OFFSET (PcnStaffDialog, w), G_STRUCT_OFFSET (PcnStaffDialog, l) }

static const FieldInfo fields[] = {
  FIELD ("name", name_row, person_error),
  FIELD ("payroll_id", payroll_id_row, person_error),
  FIELD ("employer", employer_row, person_error),
  FIELD ("role", role_row, post_error),
  FIELD ("wte", wte_row, post_error),
  FIELD ("band", band_row, post_error),
  FIELD ("start_date", start_date_row, post_error),
  FIELD ("annual_salary", annual_salary_row, post_error),
  FIELD ("claimable", claimable_switch, post_error),
  FIELD ("practices", practices_group, practices_error),
};

#undef FIELD

#define FIELD_WIDGET(self, info) (*(GtkWidget **) G_STRUCT_MEMBER_P ((self), (info)->widget_offset))
#define FIELD_LABEL(self, info) (*(GtkLabel **) G_STRUCT_MEMBER_P ((self), (info)->label_offset))

static const FieldInfo *
find_field (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (g_strcmp0 (fields[i].field, field) == 0)
        return &fields[i];
    }
  return NULL;
}

static void
clear_widget_error (GtkWidget *widget)
{
  gtk_widget_remove_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, NULL);
  gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
clear_errors (PcnStaffDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      clear_widget_error (FIELD_WIDGET (self, &fields[i]));
      gtk_label_set_text (FIELD_LABEL (self, &fields[i]), "");
      gtk_widget_set_visible (GTK_WIDGET (FIELD_LABEL (self, &fields[i])), FALSE);
    }
}

/* Marks @field faulty and shows @message under its group. Returns TRUE if
 * the field is in this form. */
static gboolean
show_field_error (PcnStaffDialog *self,
                  const char     *field,
                  const char     *message,
                  gboolean        focus)
{
  const FieldInfo *info = find_field (field);
  GtkWidget *widget;
  GtkLabel *label;
  const char *old;

  if (info == NULL)
    info = find_field ("name");
  widget = FIELD_WIDGET (self, info);
  label = FIELD_LABEL (self, info);

  gtk_widget_add_css_class (widget, "error");
  gtk_widget_set_tooltip_text (widget, message);
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);

  old = gtk_label_get_text (label);
  if (old != NULL && *old != '\0')
    {
      g_autofree char *joined = g_strconcat (old, "\n", message, NULL);
      gtk_label_set_text (label, joined);
    }
  else
    gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);

  if (focus)
    gtk_widget_grab_focus (widget);

  return info == find_field (field);
}

static void
set_busy (PcnStaffDialog *self,
          gboolean        busy)
{
  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "dialog.save", !busy);
}

static char *
dup_stripped (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static void
fill_form (PcnStaffDialog *self)
{
  PcnStaff *staff = self->staff;
  const char *role_code;
  GDate date;

  if (staff == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), pcn_staff_get_name (staff) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->payroll_id_row),
                         pcn_staff_get_payroll_id (staff) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->employer_row), pcn_staff_get_employer (staff) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->band_row), pcn_staff_get_band (staff) ?: "");

  role_code = pcn_staff_get_role_code (staff);
  for (guint i = 0; i < self->roles->len; i++)
    {
      if (g_strcmp0 (pcn_role_get_code (g_ptr_array_index (self->roles, i)), role_code) == 0)
        {
          adw_combo_row_set_selected (self->role_row, i);
          break;
        }
    }

  {
    g_autofree char *wte = pcn_wte_format (pcn_staff_get_wte (staff));
    gtk_editable_set_text (GTK_EDITABLE (self->wte_row), wte);
  }

  if (pcn_date_from_iso (pcn_staff_get_start_date (staff), &date))
    {
      char buf[32];

      /* Dates are typed as DD/MM/YYYY (or YYYY-MM-DD), see pcn_date_parse() */
      if (g_date_strftime (buf, sizeof buf, "%d/%m/%Y", &date) > 0)
        gtk_editable_set_text (GTK_EDITABLE (self->start_date_row), buf);
    }

  if (pcn_staff_get_annual_salary (staff) >= 0)
    {
      g_autofree char *salary = pcn_money_format_plain (pcn_staff_get_annual_salary (staff));
      gtk_editable_set_text (GTK_EDITABLE (self->annual_salary_row), salary);
    }

  gtk_switch_set_active (self->claimable_switch, pcn_staff_get_claimable (staff));

  for (guint i = 0; i < self->practice_rows->len; i++)
    {
      PcnStaffRowPractice *row = g_ptr_array_index (self->practice_rows, i);
      GPtrArray *sessions = pcn_staff_get_sessions (staff);

      for (guint j = 0; j < sessions->len; j++)
        {
          PcnSession *session = g_ptr_array_index (sessions, j);

          if (g_strcmp0 (session->practice, pcn_staff_row_practice_get_practice (row)) == 0)
            {
              pcn_staff_row_practice_set_active (row, TRUE);
              pcn_staff_row_practice_set_sessions (row, session->sessions);
            }
        }
    }
}

/* Reads the form into a new PcnStaff, marking every field that does not
 * parse. Returns NULL when any field is faulty. */
static PcnStaff *
read_form (PcnStaffDialog *self)
{
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *name = dup_stripped (self->name_row);
  g_autofree char *payroll_id = dup_stripped (self->payroll_id_row);
  g_autofree char *employer = dup_stripped (self->employer_row);
  g_autofree char *band = dup_stripped (self->band_row);
  g_autofree char *salary = dup_stripped (self->annual_salary_row);
  const char *wte_text = gtk_editable_get_text (GTK_EDITABLE (self->wte_row));
  const char *start_text = gtk_editable_get_text (GTK_EDITABLE (self->start_date_row));
  guint role_pos;
  gboolean ok = TRUE;
  int wte = 0;
  GDate start;

  staff = self->staff != NULL ? pcn_staff_copy (self->staff) : pcn_staff_new ();
  pcn_staff_set_name (staff, name);
  pcn_staff_set_payroll_id (staff, payroll_id);
  pcn_staff_set_employer (staff, employer);
  pcn_staff_set_band (staff, band);
  pcn_staff_set_claimable (staff, gtk_switch_get_active (self->claimable_switch));

  role_pos = adw_combo_row_get_selected (self->role_row);
  if (role_pos < self->roles->len)
    {
      PcnRole *role = g_ptr_array_index (self->roles, role_pos);

      pcn_staff_set_role_code (staff, pcn_role_get_code (role));
      pcn_staff_set_role_name (staff, pcn_role_get_name (role));
    }
  else
    {
      pcn_staff_set_role_code (staff, NULL);
      pcn_staff_set_role_name (staff, NULL);
    }

  {
    g_autoptr(GError) error = NULL;

    if (pcn_wte_parse (wte_text, &wte, &error))
      pcn_staff_set_wte (staff, wte);
    else
      {
        g_autofree char *message =
          /* Translators: shown under the WTE field; %s says what is wrong */
          g_strdup_printf (_("Whole-time equivalent: %s"), error->message);
        show_field_error (self, "wte", message, ok);
        ok = FALSE;
      }
  }

  {
    g_autoptr(GError) error = NULL;

    if (pcn_date_parse (start_text, &start, &error))
      {
        g_autofree char *iso = pcn_date_to_iso (&start);
        pcn_staff_set_start_date (staff, iso);
      }
    else
      {
        g_autofree char *message =
          /* Translators: shown under the start date field; %s says what is wrong */
          g_strdup_printf (_("Start date: %s"), error->message);
        show_field_error (self, "start_date", message, ok);
        ok = FALSE;
      }
  }

  if (*salary == '\0')
    pcn_staff_set_annual_salary (staff, -1);
  else
    {
      g_autoptr(GError) error = NULL;
      gint64 pence;

      if (pcn_money_parse (salary, &pence, &error))
        pcn_staff_set_annual_salary (staff, pence);
      else
        {
          g_autofree char *message =
            /* Translators: shown under the salary field; %s says what is wrong */
            g_strdup_printf (_("Annual salary: %s"), error->message);
          show_field_error (self, "annual_salary", message, ok);
          ok = FALSE;
        }
    }

  sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_session_free);
  for (guint i = 0; i < self->practice_rows->len; i++)
    {
      PcnStaffRowPractice *row = g_ptr_array_index (self->practice_rows, i);

      if (pcn_staff_row_practice_get_active (row))
        g_ptr_array_add (sessions,
                         pcn_session_new (pcn_staff_row_practice_get_practice (row),
                                          pcn_staff_row_practice_get_sessions (row)));
    }
  pcn_staff_set_sessions (staff, sessions);

  return ok ? g_steal_pointer (&staff) : NULL;
}

static gpointer
save_staff_worker (PcnStore  *store,
                   gpointer   data,
                   GError   **error)
{
  PcnStaff *staff = data;
  gboolean ok;

  if (pcn_staff_get_id (staff) > 0)
    ok = pcn_store_update_staff (store, staff, error);
  else
    ok = pcn_store_add_staff (store, staff, error);

  return ok ? g_object_ref (staff) : NULL;
}

static void
save_staff_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(PcnStaffDialog) self = user_data;
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(GError) error = NULL;

  staff = pcn_store_run_finish (PCN_STORE (object), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);

  if (staff == NULL)
    {
      const char *field = "name";

      g_warning ("Could not save staff member: %s", error->message);
      if (g_error_matches (error, PCN_CORE_ERROR, PCN_CORE_ERROR_DUPLICATE) ||
          g_error_matches (error, PCN_STORE_ERROR, PCN_STORE_ERROR_EXISTS))
        field = "payroll_id";
      show_field_error (self, field, error->message, TRUE);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, staff);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_cb (GtkWidget  *widget,
         const char *action_name,
         GVariant   *param)
{
  PcnStaffDialog *self = PCN_STAFF_DIALOG (widget);
  g_autoptr(PcnStaff) staff = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = NULL;

  if (self->busy)
    return;

  clear_errors (self);

  staff = read_form (self);
  if (staff == NULL)
    return;

  if (!pcn_staff_validate (staff, self->roles, self->practice_names, &field, &error))
    {
      show_field_error (self, field, error->message, TRUE);
      return;
    }

  if (self->store == NULL)
    return;

  set_busy (self, TRUE);
  pcn_store_run_async (self->store,
                       save_staff_worker,
                       g_steal_pointer (&staff), g_object_unref,
                       g_object_unref,
                       self->cancellable,
                       save_staff_cb,
                       g_object_ref (self));
}

static void
on_row_changed_cb (PcnStaffDialog *self,
                   GtkWidget      *row)
{
  clear_widget_error (row);
}

static void
on_row_notify_cb (PcnStaffDialog *self,
                  GParamSpec     *pspec,
                  GtkWidget      *row)
{
  clear_widget_error (row);
}

static void
pcn_staff_dialog_dispose (GObject *object)
{
  PcnStaffDialog *self = (PcnStaffDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (pcn_staff_dialog_parent_class)->dispose (object);
}

static void
pcn_staff_dialog_finalize (GObject *object)
{
  PcnStaffDialog *self = (PcnStaffDialog *) object;

  g_clear_pointer (&self->roles, g_ptr_array_unref);
  g_clear_pointer (&self->practice_names, g_ptr_array_unref);
  g_clear_pointer (&self->practice_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (pcn_staff_dialog_parent_class)->finalize (object);
}

static void
pcn_staff_dialog_class_init (PcnStaffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pcn_staff_dialog_dispose;
  object_class->finalize = pcn_staff_dialog_finalize;

  /**
   * PcnStaffDialog::saved:
   * @staff: the person as saved, with their id
   */
  signals[SAVED] = g_signal_new ("saved",
                                 G_TYPE_FROM_CLASS (klass),
                                 G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, PCN_TYPE_STAFF);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/ui/pcn-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, payroll_id_row);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, employer_row);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, role_list);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, wte_row);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, band_row);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, start_date_row);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, annual_salary_row);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, claimable_switch);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, practices_group);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, person_error);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, post_error);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, practices_error);
  gtk_widget_class_bind_template_child (widget_class, PcnStaffDialog, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_notify_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pcn_staff_dialog_init (PcnStaffDialog *self)
{
  self->cancellable = g_cancellable_new ();
  self->practice_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

PcnStaffDialog *
pcn_staff_dialog_new (PcnStore  *store,
                      GPtrArray *roles,
                      GPtrArray *practices,
                      PcnStaff  *staff)
{
  PcnStaffDialog *self;

  g_return_val_if_fail (store == NULL || PCN_IS_STORE (store), NULL);
  g_return_val_if_fail (roles != NULL, NULL);
  g_return_val_if_fail (practices != NULL, NULL);
  g_return_val_if_fail (staff == NULL || PCN_IS_STAFF (staff), NULL);

  self = g_object_new (PCN_TYPE_STAFF_DIALOG, NULL);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->staff = staff != NULL ? g_object_ref (staff) : NULL;
  self->roles = g_ptr_array_new_with_free_func (g_object_unref);
  self->practice_names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < roles->len; i++)
    {
      PcnRole *role = g_ptr_array_index (roles, i);

      g_ptr_array_add (self->roles, g_object_ref (role));
      gtk_string_list_append (self->role_list, pcn_role_get_name (role));
    }
  adw_combo_row_set_selected (self->role_row, GTK_INVALID_LIST_POSITION);

  for (guint i = 0; i < practices->len; i++)
    {
      const char *name = pcn_practice_get_name (g_ptr_array_index (practices, i));
      GtkWidget *row = pcn_staff_row_practice_new (name);

      g_ptr_array_add (self->practice_names, g_strdup (name));
      g_ptr_array_add (self->practice_rows, row);
      adw_preferences_group_add (self->practices_group, row);
    }
  if (practices->len == 0)
    adw_preferences_group_set_description (self->practices_group,
                                           _("This PCN has no member practices yet."));

  gtk_window_set_title (GTK_WINDOW (self),
                        staff != NULL ? _("Edit Staff Member") : _("Add Staff Member"));
  fill_form (self);
  clear_errors (self);

  return self;
}

GtkWidget *
_pcn_staff_dialog_get_field (PcnStaffDialog *self,
                             const char     *field)
{
  const FieldInfo *info;

  g_return_val_if_fail (PCN_IS_STAFF_DIALOG (self), NULL);

  info = find_field (field);
  return info != NULL ? FIELD_WIDGET (self, info) : NULL;
}

GtkWidget *
_pcn_staff_dialog_get_practice (PcnStaffDialog *self,
                                const char     *practice)
{
  g_return_val_if_fail (PCN_IS_STAFF_DIALOG (self), NULL);

  for (guint i = 0; i < self->practice_rows->len; i++)
    {
      PcnStaffRowPractice *row = g_ptr_array_index (self->practice_rows, i);

      if (g_strcmp0 (pcn_staff_row_practice_get_practice (row), practice) == 0)
        return GTK_WIDGET (row);
    }
  return NULL;
}

char *
_pcn_staff_dialog_dup_errors (PcnStaffDialog *self)
{
  GtkLabel *labels[] = { self->person_error, self->post_error, self->practices_error };
  GString *s = g_string_new (NULL);

  g_return_val_if_fail (PCN_IS_STAFF_DIALOG (self), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *text = gtk_label_get_text (labels[i]);

      if (text == NULL || *text == '\0')
        continue;
      if (s->len > 0)
        g_string_append_c (s, '\n');
      g_string_append (s, text);
    }
  return g_string_free (s, FALSE);
}

gboolean
_pcn_staff_dialog_get_busy (PcnStaffDialog *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_DIALOG (self), FALSE);
  return self->busy;
}
