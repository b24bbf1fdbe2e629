/* fuzz-staff-csv.c — libFuzzer target for the staff CSV importer
 *
 *   CC=clang meson setup _build-fuzz -Dfuzzing=true -Dgui=false
 *   ninja -C _build-fuzz tests/fuzz/fuzz-staff-csv
 *   _build-fuzz/tests/fuzz/fuzz-staff-csv -max_total_time=600 \
 *     fuzz-corpus tests/fuzz/corpus
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <stdint.h>

#include "pcn-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static GPtrArray *roles;
static GPtrArray *practices;

static void
set_up (void)
{
  roles = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (roles, pcn_role_new ("CP", "Clinical pharmacist"));
  g_ptr_array_add (roles, pcn_role_new ("SPLW", "Social prescribing link worker"));
  g_ptr_array_add (roles, pcn_role_new ("PT", "Pharmacy technician"));
  g_ptr_array_add (roles, pcn_role_new ("FCP_PHYSIO", "First contact physiotherapist"));
  g_ptr_array_add (roles, pcn_role_new ("MHP", "Mental health practitioner"));

  practices = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (practices, g_strdup ("Riverside Surgery"));
  g_ptr_array_add (practices, g_strdup ("Hillview Medical Centre"));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PcnStaffCsv) csv = NULL;
  g_autoptr(GError) error = NULL;

  if (roles == NULL)
    set_up ();

  csv = pcn_staff_csv_parse ("fuzz.csv", (const char *) data, size,
                             roles, size % 2 ? practices : NULL, &error);

  /* The contract: rows, or an error, never both and never neither. */
  g_assert ((csv == NULL) != (error == NULL));
  if (csv != NULL)
    g_assert_cmpuint (csv->staff->len, ==, csv->lines->len);
  else
    g_assert_true (g_utf8_validate (error->message, -1, NULL));

  return 0;
}
