/* test-gui-induction.c — the Induction page, ticking an item as a practice
 * manager: a starter three weeks in shows on the overview with nothing
 * done and some items overdue; picking the practice shows only that
 * practice's checklist; ticks in place default the name (after the first)
 * and the date (the page's "today") and reach the store; a tick dated
 * before the start is refused with nothing changed; N/A needs a reason;
 * the person's checklists print to a PDF (ui suite).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pcn-induction-page-private.h"
#include "pcn-induction-row.h"
#include "pcn-induction-templates-window.h"
#include "pcn-store.h"

#define HOST  "Riverside Surgery"
#define OTHER "Hilltop Practice"
#define MANAGER "Pat Manager"

typedef gboolean (*Condition) (gpointer data);

typedef struct
{
  char             *dir;
  char             *path;
  PcnStore         *store;
  GtkWindow        *window;
  PcnInductionPage *page;
  GDate             as_at;
  GDate             start;
  gint64            staff_id;
  guint             loads;
} Fixture;

static gboolean
on_timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

static void
spin_until (Condition cond,
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add_seconds (30, on_timeout_cb, &timed_out);

  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (id);
}

static void
spin_idle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
page_has_loaded (gpointer data)
{
  Fixture *f = data;

  return _pcn_induction_page_get_n_loads (f->page) > f->loads &&
         !_pcn_induction_page_is_busy (f->page);
}

static void
wait_for_load (Fixture *f)
{
  spin_until (page_has_loaded, f);
  f->loads = _pcn_induction_page_get_n_loads (f->page);
}

static gboolean
page_is_idle (gpointer data)
{
  return !_pcn_induction_page_is_busy (data);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) practices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(PcnStaff) staff = pcn_staff_new ();
  g_autoptr(GPtrArray) sessions = pcn_sessions_parse (HOST, NULL);
  g_autofree char *start = NULL;

  f->dir = g_dir_make_tmp ("test-gui-induction-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "pcn.db", NULL);
  f->store = pcn_store_open (f->path, &error);
  g_assert_no_error (error);

  pcn_network_set_name (network, "Test PCN");
  pcn_network_set_list_size (network, 40000);
  g_ptr_array_add (practices, pcn_practice_new (HOST));
  g_ptr_array_add (practices, pcn_practice_new (OTHER));
  pcn_store_create_network (f->store, network, practices, &error);
  g_assert_no_error (error);

  /* Issuing looks at the real date: start three weeks before today. */
  pcn_date_set_today (&f->as_at);
  f->start = f->as_at;
  g_date_subtract_days (&f->start, 21);
  start = pcn_date_to_iso (&f->start);
  pcn_staff_set_name (staff, "Sam Starter");
  pcn_staff_set_role_code (staff, "CP");
  pcn_staff_set_start_date (staff, start);
  pcn_staff_set_wte (staff, 1000);
  pcn_staff_set_sessions (staff, sessions);
  g_assert_true (pcn_store_add_staff (f->store, staff, &error));
  g_assert_no_error (error);
  f->staff_id = pcn_staff_get_id (staff);

  f->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (f->window, 1280, 800);
  f->page = g_object_ref_sink (g_object_new (PCN_TYPE_INDUCTION_PAGE, NULL));
  gtk_window_set_child (f->window, GTK_WIDGET (f->page));
  pcn_induction_page_set_as_at (f->page, &f->as_at);
  gtk_window_present (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  unused)
{
  static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *pdf = g_build_filename (f->dir, "induction.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "induction.xlsx", NULL);

  gtk_window_destroy (f->window);
  spin_idle ();
  g_assert_finalize_object (f->page);
  g_assert_finalize_object (f->store);

  g_remove (pdf);
  g_remove (xlsx);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (f->path, suffixes[i], NULL);
      g_remove (file);
    }
  g_assert_no_errno (g_rmdir (f->dir));
  g_free (f->path);
  g_free (f->dir);
}

/* The store's progress of the host practice's checklist. */
static void
practice_progress (Fixture *f,
                   guint   *done,
                   guint   *na)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) starters = pcn_store_induction_progress (f->store, &f->as_at, HOST, &error);
  PcnInductionStarter *starter;
  PcnInductionProgress *progress;

  g_assert_no_error (error);
  g_assert_cmpuint (starters->len, ==, 1);
  starter = g_ptr_array_index (starters, 0);
  g_assert_cmpuint (starter->checklists->len, ==, 1);
  progress = g_ptr_array_index (starter->checklists, 0);
  g_assert_cmpint (progress->checklist, ==, PCN_CHECKLIST_PRACTICE);
  *done = progress->items_done;
  *na = progress->items_na;
}

static PcnInductionItem *
stored_item (Fixture *f,
             gint64   item_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = pcn_store_list_induction_items (f->store, f->staff_id, NULL, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      PcnInductionItem *item = g_ptr_array_index (items, i);

      if (item->id == item_id)
        return pcn_induction_item_copy (item);
    }
  g_assert_not_reached ();
}

/* The @n-th open item of the host practice's list that is not due before
 * the start (so a date before the start is refused). */
static const PcnInductionItem *
open_item (GPtrArray *items,
           guint      n)
{
  for (guint i = 0; i < items->len; i++)
    {
      const PcnInductionItem *item = g_ptr_array_index (items, i);

      if (item->status == PCN_INDUCTION_STATUS_OPEN &&
          item->due_offset != PCN_INDUCTION_DUE_BEFORE_START && n-- == 0)
        return item;
    }
  g_assert_not_reached ();
}

/* A workbook: a zip file. */
static void
assert_workbook (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (data[0] == 'P' && data[1] == 'K');
}

static void
test_tick_as_practice_manager (Fixture       *f,
                               gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(PcnInductionItem) first_stored = NULL;
  g_autoptr(PcnInductionItem) second_stored = NULL;
  g_autoptr(PcnInductionItem) bad_stored = NULL;
  g_autoptr(PcnInductionItem) na_stored = NULL;
  g_autofree char *as_at_iso = pcn_date_to_iso (&f->as_at);
  g_autofree char *before_start = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "induction.pdf", NULL);
  g_autofree char *xlsx = g_build_filename (f->dir, "induction.xlsx", NULL);
  g_autofree char *pdf_data = NULL;
  gsize pdf_length = 0;
  const PcnInductionItem *first, *second, *bad, *na;
  PcnInductionItemRow *row;
  GListModel *overview;
  guint overdue = 0, done = 0, na_count = 0;
  GDate day_before;

  /* The overview: the starter's PCN and practice lists, nothing done,
   * some items overdue three weeks in. */
  pcn_induction_page_set_store (f->page, f->store);
  g_assert_true (_pcn_induction_page_is_busy (f->page));
  wait_for_load (f);
  overview = _pcn_induction_page_get_overview (f->page);
  g_assert_cmpuint (g_list_model_get_n_items (overview), >=, 2);
  for (guint i = 0; i < g_list_model_get_n_items (overview); i++)
    {
      g_autoptr(PcnInductionRow) line = g_list_model_get_item (overview, i);

      g_assert_cmpint (pcn_induction_row_get_staff_id (line), ==, f->staff_id);
      g_assert_cmpuint (pcn_induction_row_get_done (line), ==, 0);
      g_assert_cmpuint (pcn_induction_row_get_total (line), >, 0);
      overdue += pcn_induction_row_get_overdue (line);
    }
  g_assert_cmpuint (overdue, >, 0);

  /* The practice manager of the other practice has nothing to do. */
  g_assert_true (_pcn_induction_page_set_practice (f->page, OTHER));
  wait_for_load (f);
  g_assert_cmpuint (g_list_model_get_n_items (overview), ==, 0);

  /* The host practice's manager sees only their practice's list. */
  g_assert_true (_pcn_induction_page_set_practice (f->page, HOST));
  wait_for_load (f);
  g_assert_cmpuint (g_list_model_get_n_items (overview), ==, 1);
  {
    g_autoptr(PcnInductionRow) line = g_list_model_get_item (overview, 0);

    g_assert_cmpstr (pcn_induction_row_get_practice (line), ==, HOST);
    g_assert_cmpstr (pcn_induction_row_get_checklist (line), ==, HOST);
  }

  /* "Overdue only" keeps it: it has overdue items. */
  _pcn_induction_page_set_overdue_only (f->page, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (overview), ==, 1);
  _pcn_induction_page_set_overdue_only (f->page, FALSE);

  /* Their view of the person: only the items the practice owns. */
  g_assert_true (_pcn_induction_page_open_person (f->page, f->staff_id));
  g_assert_cmpstr (_pcn_induction_page_get_view (f->page), ==, "person");
  wait_for_load (f);
  items = pcn_store_list_induction_items (f->store, f->staff_id, HOST, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, >, 3);
  g_assert_cmpuint (_pcn_induction_page_get_n_item_rows (f->page), ==, items->len);
  for (guint i = 0; i < items->len; i++)
    {
      const PcnInductionItem *item = g_ptr_array_index (items, i);

      g_assert_cmpint (item->checklist, ==, PCN_CHECKLIST_PRACTICE);
      row = _pcn_induction_page_get_item_row (f->page, item->id);
      g_assert_nonnull (row);
      /* The check button is named by the item's text. */
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (_pcn_induction_item_row_get_check (row)),
                                           GTK_ACCESSIBLE_PROPERTY_LABEL, item->text);
    }
  first = open_item (items, 0);
  second = open_item (items, 1);
  bad = open_item (items, 2);
  na = open_item (items, 3);

  /* The first tick asks for the name once; the date defaults to today. */
  row = _pcn_induction_page_get_item_row (f->page, first->id);
  gtk_check_button_set_active (_pcn_induction_item_row_get_check (row), TRUE);
  g_assert_false (_pcn_induction_page_is_busy (f->page));
  g_assert_nonnull (pcn_induction_item_row_get_error (row));
  g_assert_false (gtk_check_button_get_active (_pcn_induction_item_row_get_check (row)));
  gtk_editable_set_text (_pcn_induction_item_row_get_field (row, "by"), MANAGER);
  gtk_editable_set_text (_pcn_induction_item_row_get_field (row, "date"), "");
  gtk_widget_activate_action (GTK_WIDGET (row), "item.tick", NULL);
  g_assert_true (_pcn_induction_page_is_busy (f->page));
  spin_until (page_is_idle, f->page);
  g_assert_null (_pcn_induction_page_get_last_error (f->page));
  first_stored = stored_item (f, first->id);
  g_assert_cmpint (first_stored->status, ==, PCN_INDUCTION_STATUS_DONE);
  g_assert_cmpstr (first_stored->done_by, ==, MANAGER);
  g_assert_cmpstr (first_stored->done_on, ==, as_at_iso);
  row = _pcn_induction_page_get_item_row (f->page, first->id);
  g_assert_true (gtk_check_button_get_active (_pcn_induction_item_row_get_check (row)));
  practice_progress (f, &done, &na_count);
  g_assert_cmpuint (done, ==, 1);

  /* Ticking in place: name and date defaulted. */
  row = _pcn_induction_page_get_item_row (f->page, second->id);
  gtk_check_button_set_active (_pcn_induction_item_row_get_check (row), TRUE);
  g_assert_true (_pcn_induction_page_is_busy (f->page));
  spin_until (page_is_idle, f->page);
  second_stored = stored_item (f, second->id);
  g_assert_cmpint (second_stored->status, ==, PCN_INDUCTION_STATUS_DONE);
  g_assert_cmpstr (second_stored->done_by, ==, MANAGER);
  g_assert_cmpstr (second_stored->done_on, ==, as_at_iso);
  practice_progress (f, &done, &na_count);
  g_assert_cmpuint (done, ==, 2);

  /* A date before the start is refused: the error is shown, the row is
   * as it was and the store unchanged. */
  day_before = f->start;
  g_date_subtract_days (&day_before, 1);
  before_start = pcn_date_to_iso (&day_before);
  row = _pcn_induction_page_get_item_row (f->page, bad->id);
  gtk_editable_set_text (_pcn_induction_item_row_get_field (row, "by"), MANAGER);
  gtk_editable_set_text (_pcn_induction_item_row_get_field (row, "date"), before_start);
  gtk_widget_activate_action (GTK_WIDGET (row), "item.tick", NULL);
  spin_until (page_is_idle, f->page);
  g_assert_nonnull (_pcn_induction_page_get_last_error (f->page));
  row = _pcn_induction_page_get_item_row (f->page, bad->id);
  g_assert_nonnull (pcn_induction_item_row_get_error (row));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_assert_false (gtk_check_button_get_active (_pcn_induction_item_row_get_check (row)));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (_pcn_induction_item_row_get_check (row)),
                                    GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  bad_stored = stored_item (f, bad->id);
  g_assert_cmpint (bad_stored->status, ==, PCN_INDUCTION_STATUS_OPEN);
  g_assert_null (bad_stored->done_by);
  practice_progress (f, &done, &na_count);
  g_assert_cmpuint (done, ==, 2);

  /* N/A needs a reason: without one nothing is asked of the store. */
  row = _pcn_induction_page_get_item_row (f->page, na->id);
  gtk_editable_set_text (_pcn_induction_item_row_get_field (row, "by"), MANAGER);
  gtk_editable_set_text (_pcn_induction_item_row_get_field (row, "reason"), "");
  gtk_widget_activate_action (GTK_WIDGET (row), "item.not-applicable", NULL);
  g_assert_false (_pcn_induction_page_is_busy (f->page));
  g_assert_nonnull (pcn_induction_item_row_get_error (row));
  na_stored = stored_item (f, na->id);
  g_assert_cmpint (na_stored->status, ==, PCN_INDUCTION_STATUS_OPEN);
  g_clear_pointer (&na_stored, pcn_induction_item_free);
  gtk_editable_set_text (_pcn_induction_item_row_get_field (row, "reason"),
                         "Works from the branch site only");
  gtk_widget_activate_action (GTK_WIDGET (row), "item.not-applicable", NULL);
  spin_until (page_is_idle, f->page);
  na_stored = stored_item (f, na->id);
  g_assert_cmpint (na_stored->status, ==, PCN_INDUCTION_STATUS_NA);
  g_assert_cmpstr (na_stored->na_reason, ==, "Works from the branch site only");
  practice_progress (f, &done, &na_count);
  g_assert_cmpuint (done, ==, 2);
  g_assert_cmpuint (na_count, ==, 1);

  /* Print to a PDF without a dialog. */
  g_assert_true (_pcn_induction_page_print_to_file (f->page, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &pdf_data, &pdf_length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_length, >, 1000);
  g_assert_true (g_str_has_prefix (pdf_data, "%PDF"));

  /* The person's checklist and then the overview to Excel. */
  _pcn_induction_page_export_to_file (f->page, xlsx);
  g_assert_true (_pcn_induction_page_is_busy (f->page));
  spin_until (page_is_idle, f->page);
  assert_workbook (xlsx);

  /* Back on the overview, the practice's line shows the progress. */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "induction.back", NULL);
  wait_for_load (f);
  g_assert_cmpstr (_pcn_induction_page_get_view (f->page), ==, "overview");
  g_assert_cmpuint (g_list_model_get_n_items (overview), ==, 1);
  {
    g_autoptr(PcnInductionRow) line = g_list_model_get_item (overview, 0);

    g_assert_cmpuint (pcn_induction_row_get_done (line), ==, 2);
    g_assert_cmpuint (pcn_induction_row_get_na (line), ==, 1);
  }
  g_remove (xlsx);
  _pcn_induction_page_export_to_file (f->page, xlsx);
  spin_until (page_is_idle, f->page);
  assert_workbook (xlsx);
}

static gboolean
templates_are_idle (gpointer data)
{
  return !_pcn_induction_templates_window_is_busy (data);
}

static guint
count_templates (Fixture          *f,
                 PcnChecklistKind  kind)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) templates = pcn_store_list_induction_templates (f->store, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < templates->len; i++)
    if (((PcnInductionTemplateItem *) g_ptr_array_index (templates, i))->checklist == kind)
      n++;
  return n;
}

/* The template editor: a new item needs its text, changes reach the
 * store, and the checklist already issued is not touched. */
static void
test_templates (Fixture       *f,
                gconstpointer  unused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) issued_before = NULL;
  g_autoptr(GPtrArray) issued_after = NULL;
  g_autoptr(GPtrArray) templates = NULL;
  PcnInductionTemplatesWindow *window;
  PcnInductionTemplateItem *first;
  PcnInductionDue new_due;
  guint n_pcn;
  gint64 first_id;

  pcn_induction_page_set_store (f->page, f->store);
  wait_for_load (f);
  issued_before = pcn_store_list_induction_items (f->store, f->staff_id, NULL, &error);
  g_assert_no_error (error);
  n_pcn = count_templates (f, PCN_CHECKLIST_PCN);

  gtk_widget_activate_action (GTK_WIDGET (f->page), "induction.edit-templates", NULL);
  window = PCN_INDUCTION_TEMPLATES_WINDOW (_pcn_induction_page_get_templates_window (f->page));
  g_assert_nonnull (window);
  spin_until (templates_are_idle, window);
  g_assert_cmpuint (_pcn_induction_templates_window_get_items (window)->len, ==, n_pcn);

  /* No text: refused in the window, nothing stored. */
  gtk_editable_set_text (_pcn_induction_templates_window_get_field (window, "section"), "Practicalities");
  gtk_editable_set_text (_pcn_induction_templates_window_get_field (window, "text"), "");
  gtk_widget_activate_action (GTK_WIDGET (window), "templates.add", NULL);
  g_assert_false (_pcn_induction_templates_window_is_busy (window));
  g_assert_nonnull (_pcn_induction_templates_window_get_error (window));
  g_assert_cmpuint (count_templates (f, PCN_CHECKLIST_PCN), ==, n_pcn);

  gtk_editable_set_text (_pcn_induction_templates_window_get_field (window, "text"),
                         "Shown where the defibrillator is");
  gtk_widget_activate_action (GTK_WIDGET (window), "templates.add", NULL);
  spin_until (templates_are_idle, window);
  g_assert_null (_pcn_induction_templates_window_get_error (window));
  g_assert_cmpuint (count_templates (f, PCN_CHECKLIST_PCN), ==, n_pcn + 1);
  g_assert_cmpuint (_pcn_induction_templates_window_get_items (window)->len, ==, n_pcn + 1);

  /* Change when the first item is due. */
  first = g_ptr_array_index (_pcn_induction_templates_window_get_items (window), 0);
  first_id = first->id;
  new_due = first->due == PCN_INDUCTION_DUE_MONTH_3 ? PCN_INDUCTION_DUE_DAY_1
                                                    : PCN_INDUCTION_DUE_MONTH_3;
  adw_combo_row_set_selected (_pcn_induction_templates_window_get_due_row (window, 0), new_due);
  spin_until (templates_are_idle, window);
  templates = pcn_store_list_induction_templates (f->store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < templates->len; i++)
    {
      PcnInductionTemplateItem *t = g_ptr_array_index (templates, i);

      if (t->id == first_id)
        g_assert_cmpint (t->due, ==, new_due);
    }

  /* The checklist already issued is as it was. */
  issued_after = pcn_store_list_induction_items (f->store, f->staff_id, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (issued_after->len, ==, issued_before->len);
  for (guint i = 0; i < issued_after->len; i++)
    {
      PcnInductionItem *a = g_ptr_array_index (issued_before, i);
      PcnInductionItem *b = g_ptr_array_index (issued_after, i);

      g_assert_cmpstr (a->text, ==, b->text);
      g_assert_cmpint (a->due_offset, ==, b->due_offset);
    }

  gtk_window_destroy (GTK_WINDOW (window));
  spin_idle ();
  g_assert_null (_pcn_induction_page_get_templates_window (f->page));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) mime_dirs = g_ptr_array_new_with_free_func (g_free);

  /* As test-gui-window.c: gtk_test_init() in GTK 4.8 drops its options,
   * so isolate the XDG dirs here, keeping the system's MIME database. */
  for (guint i = 0; g_get_system_data_dirs ()[i] != NULL; i++)
    g_ptr_array_add (mime_dirs, g_build_filename (g_get_system_data_dirs ()[i], "mime", NULL));
  g_ptr_array_add (mime_dirs, NULL);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_content_type_set_mime_dirs ((const char * const *) mime_dirs->pdata);
  gtk_disable_setlocale ();
  gtk_init ();
  adw_init ();

  g_test_add ("/gui/induction/tick-as-practice-manager", Fixture, NULL,
              fixture_set_up, test_tick_as_practice_manager, fixture_tear_down);
  g_test_add ("/gui/induction/templates", Fixture, NULL,
              fixture_set_up, test_templates, fixture_tear_down);

  return g_test_run ();
}
