/* test-export-status.c — the supervision, training and integration
 * workbook, read back with openpyxl (export-check.py).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/wait.h>

#include "pcn-export.h"

static JsonObject *
read_back (const char *path)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "export-check.py", NULL);
  const char *python = g_getenv ("PYTHON3");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { NULL, NULL, NULL, NULL };

  argv[0] = python != NULL ? python : "/usr/bin/python3";
  argv[1] = script;
  argv[2] = path;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    {
      g_test_skip (error->message);
      return NULL;
    }
  if (WIFEXITED (status) && WEXITSTATUS (status) == 77)
    {
      g_test_skip ("python3 cannot import openpyxl");
      return NULL;
    }
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("export-check.py failed: %s\n%s", error->message, err);
  json_parser_load_from_data (parser, out, -1, &error);
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

static const char *
cell_text (JsonObject *book,
           const char *sheet,
           const char *ref)
{
  JsonObject *cells = json_object_get_object_member (json_object_get_object_member (book, sheet), "cells");

  if (!json_object_has_member (cells, ref))
    return NULL;
  return json_object_get_string_member (json_object_get_object_member (cells, ref), "value");
}

static gint64
cell_int (JsonObject *book,
          const char *sheet,
          const char *ref)
{
  JsonObject *cells = json_object_get_object_member (json_object_get_object_member (book, sheet), "cells");

  return (gint64) json_object_get_double_member (json_object_get_object_member (cells, ref), "value");
}

static PcnStaff *
make_staff (gint64      id,
            const char *name,
            const char *role,
            const char *practices)
{
  PcnStaff *s = pcn_staff_new ();
  g_autoptr(GPtrArray) sessions = pcn_sessions_parse (practices, NULL);

  pcn_staff_set_id (s, id);
  pcn_staff_set_name (s, name);
  pcn_staff_set_role_code (s, role);
  pcn_staff_set_start_date (s, "2025-01-01");
  pcn_staff_set_wte (s, 1000);
  pcn_staff_set_sessions (s, sessions);
  return s;
}

static void
test_export_status (void)
{
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) assignments = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervisor_assignment_free);
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_supervision_session_free);
  g_autoptr(GPtrArray) training = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_training_item_free);
  g_autoptr(GPtrArray) checks = NULL;
  g_autoptr(PcnSupervisionReport) report = NULL;
  g_autoptr(JsonObject) book = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "export", NULL);
  g_autofree char *path = g_build_filename (dir, "status.xlsx", NULL);
  PcnSupervisorAssignment *a;
  PcnSupervisionSession *s;
  PcnTrainingItem *item;
  JsonArray *sheets;
  GDate as_at;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  pcn_date_from_iso ("2025-04-11", &as_at);
  pcn_network_set_name (network, "Riverside PCN");
  g_ptr_array_add (staff, make_staff (1, "Asha Patel", "CP", "Elm;Oak;Ash"));
  g_ptr_array_add (staff, make_staff (2, "=HYPERLINK(\"x\")", "SPLW", "Elm"));

  a = pcn_supervisor_assignment_new ();
  a->staff_id = 1;
  a->supervisor = g_strdup ("Dr Jones");
  g_ptr_array_add (assignments, a);
  s = pcn_supervision_session_new ();
  s->staff_id = 1;
  s->supervisor = g_strdup ("Dr Jones");
  s->date = g_strdup ("2025-03-10");
  s->minutes = 60;
  g_ptr_array_add (sessions, s);
  item = pcn_training_item_new ();
  item->staff_id = 1;
  item->name = g_strdup ("PCPEP");
  item->due_date = g_strdup ("2026-07-01");
  g_ptr_array_add (training, item);

  report = pcn_supervision_report_compute (staff, NULL, assignments, sessions, &as_at);
  checks = pcn_integration_check_compute (staff, NULL, assignments, &as_at);
  g_assert_true (pcn_export_status (path, network, report, staff, training, checks, &as_at, &error));
  g_assert_no_error (error);

  book = read_back (path);
  if (book == NULL)
    return;
  sheets = json_object_get_array_member (book, "sheets");
  g_assert_cmpuint (json_array_get_length (sheets), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (sheets, 0), ==, "Supervision");
  g_assert_cmpstr (json_array_get_string_element (sheets, 1), ==, "Training");
  g_assert_cmpstr (json_array_get_string_element (sheets, 2), ==, "Integration");

  g_assert_cmpstr (cell_text (book, "Supervision", "A1"), ==, "Riverside PCN");
  g_assert_cmpstr (cell_text (book, "Supervision", "A5"), ==, "Name");
  g_assert_cmpstr (cell_text (book, "Supervision", "A6"), ==, "Asha Patel");
  g_assert_cmpstr (cell_text (book, "Supervision", "C6"), ==, "Clinical/professional");
  g_assert_cmpstr (cell_text (book, "Supervision", "D6"), ==, "Up to date");   /* frequency not known */
  g_assert_cmpstr (cell_text (book, "Supervision", "F6"), ==, "2025-03-10T00:00:00");
  g_assert_cmpstr (cell_text (book, "Supervision", "H6"), ==, "Dr Jones");
  /* Formula-looking names are written as text. */
  g_assert_cmpstr (cell_text (book, "Supervision", "A7"), ==, "=HYPERLINK(\"x\")");
  g_assert_cmpstr (cell_text (book, "Supervision", "D7"), ==, "No supervisor");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (book, "Supervision"),
                                                  "freeze_panes"), ==, "B6");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (book, "Supervision"),
                                                  "orientation"), ==, "landscape");

  g_assert_cmpstr (cell_text (book, "Training", "C6"), ==, "PCPEP");
  g_assert_cmpstr (cell_text (book, "Training", "F6"), ==, "Current");

  /* Lowest score first: the link worker (sole profession, no supervisor). */
  g_assert_cmpstr (cell_text (book, "Integration", "A6"), ==, "=HYPERLINK(\"x\")");
  g_assert_cmpint (cell_int (book, "Integration", "C7"), ==, 3);
  g_assert_cmpint (cell_int (book, "Integration", "M7"), ==, 1);   /* score: a supervisor */
  g_assert_cmpint (cell_int (book, "Integration", "N7"), ==, 9);
  g_assert_nonnull (strstr (cell_text (book, "Integration", "O7"), "three_or_more_sites"));
  g_assert_nonnull (strstr (cell_text (book, "Integration", "O7"), "sole_profession"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/export/status/workbook", test_export_status);
  return g_test_run ();
}
