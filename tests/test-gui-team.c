/* test-gui-team.c — the Team page, driven as a person would: add someone
 * through the dialog (a bad WTE is refused and marked), see them in the
 * list, search, and record them as a leaver.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pcn-leaver-dialog-private.h"
#include "pcn-workforce-resources.h"
#include "pcn-staff-dialog-private.h"
#include "pcn-staff-row-item.h"
#include "pcn-staff-row-practice.h"
#include "pcn-store.h"
#include "pcn-team-page-private.h"

typedef struct
{
  char        *dir;
  PcnStore    *store;
  GtkWindow   *window;
  PcnTeamPage *page;
} Fixture;

static void
spin_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static gboolean
page_loaded (gpointer data)
{
  return _pcn_team_page_get_loaded (data);
}

static gboolean
dialog_closed (gpointer data)
{
  return _pcn_team_page_get_dialog (data) == NULL;
}

static guint
n_shown (Fixture *f)
{
  return g_list_model_get_n_items (_pcn_team_page_get_model (f->page));
}

static PcnStaffRowItem *
shown_item (Fixture *f,
            guint    position)
{
  GListModel *model = _pcn_team_page_get_model (f->page);
  PcnStaffRowItem *item = g_list_model_get_item (model, position);

  g_object_unref (item);
  return item;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *path = NULL;
  GDate as_at;

  f->dir = g_dir_make_tmp ("test-gui-team-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "pcn.db", NULL);
  f->store = pcn_store_open (path, &error);
  g_assert_no_error (error);

  pcn_network_set_name (network, "Test PCN");
  pcn_network_set_list_size (network, 40000);
  g_ptr_array_add (practices, pcn_practice_new ("Riverside Surgery"));
  g_ptr_array_add (practices, pcn_practice_new ("Hilltop Practice"));
  pcn_store_create_network (f->store, network, practices, &error);
  g_assert_no_error (error);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1100, 700);
  f->page = g_object_ref_sink (g_object_new (PCN_TYPE_TEAM_PAGE, NULL));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  g_date_clear (&as_at, 1);
  g_date_set_dmy (&as_at, 1, G_DATE_SEPTEMBER, 2026);
  pcn_team_page_set_as_at (f->page, &as_at);
  gtk_window_present (f->window);

  pcn_team_page_set_store (f->page, f->store);
  g_assert_true (pcn_team_page_get_store (f->page) == f->store);
  spin_until (page_loaded, f->page);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "pcn.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  gtk_window_destroy (f->window);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_finalize_object (f->page);
  g_clear_object (&f->store);

  g_unlink (wal);
  g_unlink (shm);
  g_unlink (path);
  g_rmdir (f->dir);
  g_free (f->dir);
}

static void
set_text (GtkWidget  *widget,
          const char *text)
{
  g_assert_true (GTK_IS_EDITABLE (widget));
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static guint
role_position (PcnStore   *store,
               const char *code)
{
  g_autoptr(GPtrArray) roles = pcn_store_list_roles (store, NULL);

  for (guint i = 0; i < roles->len; i++)
    {
      if (g_strcmp0 (pcn_role_get_code (g_ptr_array_index (roles, i)), code) == 0)
        return i;
    }
  g_assert_not_reached ();
}

static void
add_through_dialog (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  PcnStaffDialog *dialog;
  GtkWidget *wte_row;
  GtkWidget *practice;
  g_autofree char *errors = NULL;

  gtk_widget_activate_action (GTK_WIDGET (f->page), "team.add", NULL);
  dialog = PCN_STAFF_DIALOG (_pcn_team_page_get_dialog (f->page));
  g_assert_nonnull (dialog);

  set_text (_pcn_staff_dialog_get_field (dialog, "name"), "Priya Shah");
  set_text (_pcn_staff_dialog_get_field (dialog, "payroll_id"), "RS0042");
  set_text (_pcn_staff_dialog_get_field (dialog, "employer"), "Riverside Surgery");
  adw_combo_row_set_selected (ADW_COMBO_ROW (_pcn_staff_dialog_get_field (dialog, "role")),
                              role_position (f->store, "CP"));
  set_text (_pcn_staff_dialog_get_field (dialog, "band"), "7");
  set_text (_pcn_staff_dialog_get_field (dialog, "start_date"), "01/04/2026");
  set_text (_pcn_staff_dialog_get_field (dialog, "annual_salary"), "£46,150");
  practice = _pcn_staff_dialog_get_practice (dialog, "Hilltop Practice");
  g_assert_nonnull (practice);
  pcn_staff_row_practice_set_active (PCN_STAFF_ROW_PRACTICE (practice), TRUE);
  pcn_staff_row_practice_set_sessions (PCN_STAFF_ROW_PRACTICE (practice), 4);

  /* A WTE over 1 is refused: the row is marked and nothing is written. */
  wte_row = _pcn_staff_dialog_get_field (dialog, "wte");
  set_text (wte_row, "1.5");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (gtk_widget_has_css_class (wte_row, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (wte_row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  errors = _pcn_staff_dialog_dup_errors (dialog);
  g_assert_true (g_str_has_prefix (errors, "Whole-time equivalent: "));
  g_assert_false (gtk_widget_has_css_class (_pcn_staff_dialog_get_field (dialog, "name"),
                                            "error"));
  g_assert_false (_pcn_staff_dialog_get_busy (dialog));
  for (int i = 0; i < 20; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (pcn_store_count_staff (f->store, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_true (_pcn_team_page_get_dialog (f->page) == GTK_WINDOW (dialog));

  /* Typing clears the mark; a good value saves. */
  set_text (wte_row, "0.6");
  g_assert_false (gtk_widget_has_css_class (wte_row, "error"));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  spin_until (dialog_closed, f->page);

  g_assert_cmpint (pcn_store_count_staff (f->store, &error), ==, 1);
  g_assert_no_error (error);
}

static void
test_add (Fixture       *f,
          gconstpointer  data)
{
  PcnStaffRowItem *item;
  PcnStaff *staff;
  g_autofree char *practices = NULL;

  g_assert_cmpstr (_pcn_team_page_get_state (f->page), ==, "empty");
  g_assert_cmpuint (n_shown (f), ==, 0);

  add_through_dialog (f);

  g_assert_cmpstr (_pcn_team_page_get_state (f->page), ==, "list");
  g_assert_cmpuint (n_shown (f), ==, 1);
  item = shown_item (f, 0);
  staff = pcn_staff_row_item_get_staff (item);
  g_assert_cmpstr (pcn_staff_get_name (staff), ==, "Priya Shah");
  g_assert_cmpstr (pcn_staff_get_role_code (staff), ==, "CP");
  g_assert_cmpstr (pcn_staff_row_item_get_role (item), ==, pcn_staff_get_role_name (staff));
  g_assert_cmpint (pcn_staff_get_wte (staff), ==, 600);
  g_assert_cmpstr (pcn_staff_row_item_get_wte_text (item), ==, "0.6");
  g_assert_cmpint (pcn_staff_get_annual_salary (staff), ==, 4615000);
  g_assert_cmpint (pcn_staff_row_item_get_status (item), ==, PCN_STAFF_STATUS_IN_POST);
  g_assert_cmpstr (pcn_staff_row_item_get_status_text (item), ==, "In post");
  g_object_get (item, "practices", &practices, NULL);
  g_assert_cmpstr (practices, ==, "Hilltop Practice (4)");
  g_assert_cmpstr (_pcn_team_page_get_count_text (f->page), ==, "1 staff · 0.6 WTE in post");

  /* The store agrees, after a reload too. */
  pcn_team_page_reload (f->page);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
add_staff (Fixture    *f,
           const char *name,
           const char *role,
           const char *employer,
           const char *practice)
{
  g_autoptr(PcnStaff) staff = pcn_staff_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_session_free);

  pcn_staff_set_name (staff, name);
  pcn_staff_set_role_code (staff, role);
  pcn_staff_set_start_date (staff, "2025-01-06");
  pcn_staff_set_wte (staff, 1000);
  pcn_staff_set_employer (staff, employer);
  if (practice != NULL)
    g_ptr_array_add (sessions, pcn_session_new (practice, -1));
  pcn_staff_set_sessions (staff, sessions);
  pcn_store_add_staff (f->store, staff, &error);
  g_assert_no_error (error);
}

typedef struct
{
  Fixture *f;
  guint    n;
} WaitCount;

static gboolean
shown_is (gpointer data)
{
  WaitCount *w = data;
  return _pcn_team_page_get_loaded (w->f->page) && n_shown (w->f) == w->n;
}

static void
wait_shown (Fixture *f,
            guint    n)
{
  WaitCount w = { f, n };
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!shown_is (&w))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("expected %u staff shown, have %u (search “%s”)", n, n_shown (f),
                 gtk_editable_get_text (GTK_EDITABLE (_pcn_team_page_get_search_entry (f->page))));
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *entry = _pcn_team_page_get_search_entry (f->page);
  GtkDropDown *practice = GTK_DROP_DOWN (_pcn_team_page_get_practice_dropdown (f->page));
  GtkDropDown *role = GTK_DROP_DOWN (_pcn_team_page_get_role_dropdown (f->page));
  GListModel *roles;

  add_staff (f, "Priya Shah", "CP", "Riverside Surgery", "Hilltop Practice");
  add_staff (f, "Tom Okafor", "CP", "Vale Federation", "Riverside Surgery");
  add_staff (f, "Sarah Priestley", "PARAMEDIC", "Vale Federation", NULL);
  add_staff (f, "Łukasz Nowak", "SPLW", "Riverside Surgery", "Riverside Surgery");
  pcn_team_page_reload (f->page);
  wait_shown (f, 4);

  /* Name, role and employer, case-insensitively, typed letter by letter:
   * "pr" is in Priya, Priestley and "Social prescribing link worker". */
  set_text (entry, "P");
  wait_shown (f, 4);
  set_text (entry, "Pr");
  wait_shown (f, 3);
  set_text (entry, "Prie");
  wait_shown (f, 1);
  set_text (entry, "Pr");
  wait_shown (f, 3);
  set_text (entry, "Priy");
  wait_shown (f, 1);
  g_assert_cmpstr (pcn_staff_get_name (pcn_staff_row_item_get_staff (shown_item (f, 0))), ==,
                   "Priya Shah");
  /* Back out (less strict), and several words (all must match). */
  set_text (entry, "pri");
  wait_shown (f, 2);
  set_text (entry, "p");
  wait_shown (f, 4);
  set_text (entry, "vale para");
  wait_shown (f, 1);
  /* Non-ASCII names fold too. */
  set_text (entry, "ŁUKASZ");
  wait_shown (f, 1);
  set_text (entry, "nobody");
  wait_shown (f, 0);
  g_assert_cmpstr (_pcn_team_page_get_state (f->page), ==, "no-matches");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "team.clear-filters", NULL);
  wait_shown (f, 4);
  g_assert_cmpstr (_pcn_team_page_get_state (f->page), ==, "list");

  /* Practice drop-down: All practices, then the practices by name. */
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (practice)), ==, 3);
  gtk_drop_down_set_selected (practice, 2); /* Riverside Surgery */
  wait_shown (f, 2);
  gtk_drop_down_set_selected (practice, 0);
  wait_shown (f, 4);

  /* Role drop-down: All roles plus the roles someone holds. */
  roles = gtk_drop_down_get_model (role);
  g_assert_cmpuint (g_list_model_get_n_items (roles), ==, 4);
  for (guint i = 1; i < 4; i++)
    {
      const char *name = gtk_string_list_get_string (GTK_STRING_LIST (roles), i);
      if (g_str_has_prefix (name, "Clinical pharmacist"))
        gtk_drop_down_set_selected (role, i);
    }
  wait_shown (f, 2);
  set_text (entry, "tom");
  wait_shown (f, 1);
  g_assert_cmpstr (_pcn_team_page_get_count_text (f->page), ==,
                   "Showing 1 of 4 staff · 1.0 WTE in post");
}

static void
test_leaver (Fixture       *f,
             gconstpointer  data)
{
  PcnLeaverDialog *dialog;
  GtkWidget *end_row;
  GtkWidget *reason_row;
  PcnStaffRowItem *item;

  add_through_dialog (f);
  g_assert_cmpuint (n_shown (f), ==, 1);
  gtk_single_selection_set_selected (_pcn_team_page_get_selection (f->page), 0);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "team.leaver", NULL);
  dialog = PCN_LEAVER_DIALOG (_pcn_team_page_get_dialog (f->page));
  g_assert_nonnull (dialog);
  end_row = _pcn_leaver_dialog_get_field (dialog, "end_date");
  reason_row = _pcn_leaver_dialog_get_field (dialog, "leaving_reason");

  /* The reason is required. */
  set_text (end_row, "31/07/2026");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (gtk_widget_has_css_class (reason_row, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (reason_row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);

  /* So is a real date. */
  set_text (end_row, "31/02/2026");
  set_text (reason_row, "Moved to a hospital post");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));
  g_assert_false (gtk_widget_has_css_class (reason_row, "error"));

  set_text (end_row, "31/07/2026");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  spin_until (dialog_closed, f->page);

  /* Leavers are hidden until asked for. */
  wait_shown (f, 0);
  g_assert_cmpstr (_pcn_team_page_get_state (f->page), ==, "no-matches");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (_pcn_team_page_get_leavers_check (f->page)), TRUE);
  wait_shown (f, 1);
  item = shown_item (f, 0);
  g_assert_cmpint (pcn_staff_row_item_get_status (item), ==, PCN_STAFF_STATUS_LEFT);
  g_assert_cmpstr (pcn_staff_row_item_get_status_text (item), ==, "Left");
  g_assert_cmpstr (pcn_staff_get_end_date (pcn_staff_row_item_get_staff (item)), ==, "2026-07-31");

  /* And from the store, as the page loads it. */
  pcn_team_page_reload (f->page);
  while (g_main_context_iteration (NULL, FALSE))
    ;
  wait_shown (f, 1);
  item = shown_item (f, 0);
  g_assert_cmpstr (pcn_staff_get_leaving_reason (pcn_staff_row_item_get_staff (item)), ==,
                   "Moved to a hospital post");
}

static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  PcnStaffDialog *dialog;
  PcnStaffRowItem *item;
  gint64 id;

  add_through_dialog (f);
  item = shown_item (f, 0);
  id = pcn_staff_row_item_get_id (item);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "team.edit-staff", "x", id);
  dialog = PCN_STAFF_DIALOG (_pcn_team_page_get_dialog (f->page));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_pcn_staff_dialog_get_field (dialog, "wte"))),
                   ==, "0.6");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (_pcn_staff_dialog_get_field (dialog, "start_date"))),
                   ==, "01/04/2026");

  /* An empty name is refused by core validation. */
  set_text (_pcn_staff_dialog_get_field (dialog, "name"), "  ");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  g_assert_true (gtk_widget_has_css_class (_pcn_staff_dialog_get_field (dialog, "name"), "error"));

  set_text (_pcn_staff_dialog_get_field (dialog, "name"), "Priya Shah-Patel");
  set_text (_pcn_staff_dialog_get_field (dialog, "wte"), "0.8");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "dialog.save", NULL);
  spin_until (dialog_closed, f->page);

  g_assert_cmpuint (n_shown (f), ==, 1);
  item = shown_item (f, 0);
  g_assert_cmpint (pcn_staff_row_item_get_id (item), ==, id);
  g_assert_cmpstr (pcn_staff_get_name (pcn_staff_row_item_get_staff (item)), ==, "Priya Shah-Patel");
  g_assert_cmpstr (pcn_staff_row_item_get_wte_text (item), ==, "0.8");
}

int
main (int   argc,
      char *argv[])
{
  gtk_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  adw_init ();
  /* Pulls the GUI resources out of the static library (they register
   * themselves when linked). */
  g_assert_nonnull (pcn_workforce_get_resource ());

  g_test_add ("/gui/team/add", Fixture, NULL, fixture_set_up, test_add, fixture_tear_down);
  g_test_add ("/gui/team/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/gui/team/filter", Fixture, NULL, fixture_set_up, test_filter, fixture_tear_down);
  g_test_add ("/gui/team/leaver", Fixture, NULL, fixture_set_up, test_leaver, fixture_tear_down);

  return g_test_run ();
}
