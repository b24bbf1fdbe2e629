/* bench-claim.c — the claim workbook for 10,000 staff must be written in
 * under 1 s and within 2× of libxlsxwriter writing the same cells with no
 * logic, measured side by side
 *
 * The claim (computed once, timed and printed too) has 10,000 lines over
 * three roles with rates, part-time and full-time, starters, leavers,
 * payroll figures for half the staff and estimates for the rest, and a
 * role with no rate. Each round writes the workbook with pcn_export_claim()
 * and then the baseline — the same number of strings, numbers and formulas
 * (with cached results) and the same sheets, written straight with
 * libxlsxwriter — each in a child process, so that the peak memory
 * (ru_maxrss from wait4()) belongs to that writer alone. Prints the
 * medians of 5 rounds and the peak memory of each; fails when the export's
 * median is 1 s or more, or more than twice the baseline's.
 *
 *   bench-claim [N_STAFF]     another size, for comparison
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "pcn-export.h"

#define N_ROUNDS 5
#define LIMIT_USEC G_USEC_PER_SEC

static guint n_staff = 10000;

static GPtrArray *
make_rates (void)
{
  GPtrArray *rates = g_ptr_array_new_with_free_func (g_object_unref);
  PcnRate *rate;

  rate = pcn_rate_new ("CP", "national", "2024-10-01", 6583800);
  pcn_rate_set_source (rate, "The Pharmacist, September 2024");
  g_ptr_array_add (rates, rate);
  rate = pcn_rate_new ("SPLW", "national", "2024-10-01", 4023700);
  pcn_rate_set_source (rate, "The Pharmacist, September 2024");
  g_ptr_array_add (rates, rate);
  rate = pcn_rate_new ("PA", "national", "2024-10-01", 6583800);
  pcn_rate_set_source (rate, "The Pharmacist, September 2024");
  g_ptr_array_add (rates, rate);
  return rates;
}

static PcnClaim *
make_claim (GPtrArray *rates)
{
  static const char * const codes[] = { "CP", "SPLW", "PA", "MHP" };
  static const char * const names[] = {
    "Clinical pharmacist", "Social prescribing link worker", "Physician associate",
    "Mental health practitioner",
  };
  g_autoptr(GPtrArray) staff = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) actuals = g_array_new (FALSE, FALSE, sizeof (PcnActualCost));
  g_autoptr(GError) error = NULL;
  PcnClaimInput in;
  PcnClaim *claim;
  gint64 t0;

  for (guint i = 0; i < n_staff; i++)
    {
      PcnStaff *s = pcn_staff_new ();
      g_autofree char *name = g_strdup_printf ("Staff member %05u", i);
      g_autofree char *payroll = g_strdup_printf ("P%06u", i);
      guint r = i % G_N_ELEMENTS (codes);

      pcn_staff_set_id (s, i + 1);
      pcn_staff_set_name (s, name);
      pcn_staff_set_payroll_id (s, payroll);
      pcn_staff_set_role_code (s, codes[r]);
      pcn_staff_set_role_name (s, names[r]);
      pcn_staff_set_wte (s, 400 + (i % 7) * 100);
      pcn_staff_set_start_date (s, i % 13 == 0 ? "2024-10-15" : "2022-04-01");
      pcn_staff_set_end_date (s, i % 17 == 0 ? "2024-10-10" : NULL);
      pcn_staff_set_annual_salary (s, 2500000 + (i % 50) * 50000);
      g_ptr_array_add (staff, s);
      if (i % 2 == 0)
        {
          PcnActualCost a = { i + 1, 6, 250000 + (i % 97) * 1001 };

          g_array_append_val (actuals, a);
        }
    }

  pcn_claim_input_init (&in);
  in.rates = rates;
  in.staff = staff;
  in.actuals = actuals;
  t0 = g_get_monotonic_time ();
  claim = pcn_claim_compute (&in, 2024, 10, &error);
  g_assert_no_error (error);
  g_print ("claim for %u staff computed in %.1f ms: %u lines, total %" G_GINT64_FORMAT "p\n",
           n_staff, (g_get_monotonic_time () - t0) / 1000.0,
           pcn_claim_get_lines (claim)->len, pcn_claim_get_total_claim (claim));
  return claim;
}

/* The same cells as pcn_export_claim() writes, straight from the lines:
 * 9 header-block cells, 13 titles, 14 cells a line (3 texts, 7 numbers, 1
 * text, 2 formulas, 1 text), a totals row of 4 SUMs, the notes and the
 * sign-off, and the rates sheet. */
static gboolean
write_baseline (const char *path,
                PcnClaim   *claim)
{
  GPtrArray *lines = pcn_claim_get_lines (claim);
  GPtrArray *rates = pcn_claim_get_rates_used (claim);
  lxw_workbook *wb = workbook_new (path);
  lxw_worksheet *ws = workbook_add_worksheet (wb, "Claim");
  lxw_worksheet *rs = workbook_add_worksheet (wb, "Rates used");
  lxw_format *money = workbook_add_format (wb);
  lxw_row_t total = 11 + lines->len;
  char formula[160];

  format_set_num_format (money, "\"£\"#,##0.00");
  for (int r = 0; r < 9; r++)
    {
      worksheet_write_string (ws, r, 0, "Label", NULL);
      worksheet_write_number (ws, r, 2, r, money);
    }
  for (int c = 0; c < 13; c++)
    worksheet_write_string (ws, 10, c, "Title", NULL);
  for (guint i = 0; i < lines->len; i++)
    {
      const PcnClaimLine *line = g_ptr_array_index (lines, i);
      lxw_row_t row = 11 + i;
      unsigned r = row + 1;

      worksheet_write_string (ws, row, 0, line->name, NULL);
      worksheet_write_string (ws, row, 1, line->payroll_id, NULL);
      worksheet_write_string (ws, row, 2, line->role_name, NULL);
      worksheet_write_number (ws, row, 3, line->wte / 1000.0, NULL);
      worksheet_write_number (ws, row, 4, line->days_in_post, NULL);
      worksheet_write_number (ws, row, 5, line->days_in_month, NULL);
      worksheet_write_number (ws, row, 6, line->annual_max_pence / 100.0, money);
      worksheet_write_number (ws, row, 7, line->actual_pence / 100.0, money);
      worksheet_write_string (ws, row, 8, line->actual_is_estimate ? "Yes" : "No", NULL);
      worksheet_write_number (ws, row, 9, line->share_percent / 100.0, NULL);
      g_snprintf (formula, sizeof formula,
                  "=ROUND(ROUND(G%u*100,0)*ROUND(D%u*1000,0)*E%u/(F%u*12000),0)/100", r, r, r, r);
      worksheet_write_formula_num (ws, row, 10, formula, money, line->max_pence / 100.0);
      g_snprintf (formula, sizeof formula,
                  "=ROUND(ROUND(MIN(H%u,K%u)*100,0)*ROUND(J%u*100,0)/100,0)/100", r, r, r);
      worksheet_write_formula_num (ws, row, 11, formula, money, line->claim_pence / 100.0);
      worksheet_write_string (ws, row, 12, line->warnings ? "Warning" : "", NULL);
    }
  for (int c = 0; c < 4; c++)
    {
      g_snprintf (formula, sizeof formula, "=SUM(L12:L%u)", total);
      worksheet_write_formula_num (ws, total, 3 + 3 * c, formula, money, 0);
    }
  for (int r = 0; r < 6; r++)
    worksheet_write_string (ws, total + 2 + r, 0, "Note", NULL);
  for (guint i = 0; i < rates->len; i++)
    for (int c = 0; c < 9; c++)
      worksheet_write_string (rs, 3 + i, c, "Rate", NULL);
  return workbook_close (wb) == LXW_NO_ERROR;
}

typedef struct
{
  gint64 usec;
  long   maxrss_kib;
} Run;

/* Runs one writer in a child process: its time and peak memory. */
static Run
run_child (gboolean    export,
           PcnClaim   *claim,
           PcnNetwork *network,
           const char *path)
{
  int fds[2];
  pid_t pid;
  struct rusage usage;
  int status;
  Run run = { -1, -1 };

  g_assert_cmpint (pipe (fds), ==, 0);
  pid = fork ();
  g_assert_cmpint (pid, >=, 0);
  if (pid == 0)
    {
      gint64 t0 = g_get_monotonic_time ();
      gboolean ok;
      gint64 usec;

      close (fds[0]);
      if (export)
        ok = pcn_export_claim (path, network, claim, 120000000, 30000000, NULL);
      else
        ok = write_baseline (path, claim);
      usec = g_get_monotonic_time () - t0;
      if (!ok || write (fds[1], &usec, sizeof usec) != sizeof usec)
        _exit (1);
      _exit (0);
    }
  close (fds[1]);
  if (read (fds[0], &run.usec, sizeof run.usec) != sizeof run.usec)
    run.usec = -1;
  close (fds[0]);
  g_assert_cmpint (wait4 (pid, &status, 0, &usage), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  run.maxrss_kib = usage.ru_maxrss;
  return run;
}

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) rates = NULL;
  g_autoptr(PcnClaim) claim = NULL;
  g_autoptr(PcnNetwork) network = pcn_network_new ();
  g_autofree char *dir = NULL;
  g_autofree char *export_path = NULL;
  g_autofree char *baseline_path = NULL;
  gint64 export_usec[N_ROUNDS], baseline_usec[N_ROUNDS];
  long export_rss = 0, baseline_rss = 0;
  struct rusage self;
  double ratio;
  gboolean ok;

  setlocale (LC_ALL, "");
  if (argc > 1)
    n_staff = (guint) g_ascii_strtoull (argv[1], NULL, 10);

  dir = g_dir_make_tmp ("bench-claim-XXXXXX", NULL);
  g_assert_nonnull (dir);
  export_path = g_build_filename (dir, "claim.xlsx", NULL);
  baseline_path = g_build_filename (dir, "baseline.xlsx", NULL);
  pcn_network_set_name (network, "Benchmark PCN");
  pcn_network_set_ods_code (network, "U99999");

  rates = make_rates ();
  claim = make_claim (rates);
  getrusage (RUSAGE_SELF, &self);
  g_print ("parent (claim in memory) peak RSS: %.1f MiB\n", self.ru_maxrss / 1024.0);

  /* Side by side, alternating, so both see the same machine. */
  for (int i = 0; i < N_ROUNDS; i++)
    {
      Run e = run_child (TRUE, claim, network, export_path);
      Run b = run_child (FALSE, claim, network, baseline_path);

      export_usec[i] = e.usec;
      baseline_usec[i] = b.usec;
      export_rss = MAX (export_rss, e.maxrss_kib);
      baseline_rss = MAX (baseline_rss, b.maxrss_kib);
    }
  qsort (export_usec, N_ROUNDS, sizeof (gint64), compare_gint64);
  qsort (baseline_usec, N_ROUNDS, sizeof (gint64), compare_gint64);

  ratio = (double) export_usec[N_ROUNDS / 2] / MAX (baseline_usec[N_ROUNDS / 2], 1);
  g_print ("claim workbook, %u lines: median %.1f ms (min %.1f, max %.1f), peak RSS %.1f MiB\n",
           pcn_claim_get_lines (claim)->len, export_usec[N_ROUNDS / 2] / 1000.0,
           export_usec[0] / 1000.0, export_usec[N_ROUNDS - 1] / 1000.0, export_rss / 1024.0);
  g_print ("libxlsxwriter baseline, same cells: median %.1f ms (min %.1f, max %.1f), peak RSS %.1f MiB\n",
           baseline_usec[N_ROUNDS / 2] / 1000.0, baseline_usec[0] / 1000.0,
           baseline_usec[N_ROUNDS - 1] / 1000.0, baseline_rss / 1024.0);
  g_print ("ratio %.2f× (limit 2×); limit %.0f ms\n", ratio, LIMIT_USEC / 1000.0);

  g_unlink (export_path);
  g_unlink (baseline_path);
  g_rmdir (dir);

  ok = export_usec[N_ROUNDS / 2] < LIMIT_USEC && ratio <= 2.0;
  if (!ok)
    g_printerr ("bench-claim: too slow\n");
  return ok ? 0 : 1;
}
