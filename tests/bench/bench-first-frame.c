/* bench-first-frame.c — time from process spawn to the first painted
 * frame, side by side in one run, for (a) a minimal libadwaita window and
 * (b) pcn-workforce on a 10,000-staff database made with `pcnw demo`.
 * Each program prints "first-frame USEC" (wall clock) from its frame
 * clock's after-paint and quits. Fails when the median ratio exceeds 2.
 *
 *   bench-first-frame PCN-WORKFORCE MINIMAL-WINDOW   (env PCNW: pcnw)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ROUNDS    5
#define N_STAFF   "10000"
#define MAX_RATIO 2.0

static char **
bench_env (const char *data_home)
{
  char **env = g_get_environ ();

  env = g_environ_setenv (env, "PCN_BENCH_EXIT_AFTER_FIRST_FRAME", "1", TRUE);
  env = g_environ_setenv (env, "GSETTINGS_BACKEND", "memory", TRUE);
  env = g_environ_setenv (env, "XDG_DATA_HOME", data_home, TRUE);
  env = g_environ_setenv (env, "NO_AT_BRIDGE", "1", TRUE);
  return env;
}

/* Milliseconds from spawn to the first frame, or -1. */
static double
time_first_frame (char       **argv,
                  char       **env)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *line;
  gint64 start, frame;
  int status;

  start = g_get_real_time ();
  if (!g_spawn_sync (NULL, argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      return -1;
    }
  line = out ? strstr (out, "first-frame ") : NULL;
  if (line == NULL)
    {
      g_printerr ("%s printed no first-frame line (status %d)\n%s", argv[0], status,
                  err ? err : "");
      return -1;
    }
  frame = g_ascii_strtoll (line + strlen ("first-frame "), NULL, 10);
  return (frame - start) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return (x > y) - (x < y);
}

static double
median (double *values,
        int     n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *db_arg = NULL;
  g_auto(GStrv) env = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *pcnw = g_getenv ("PCNW");
  double app_ms[ROUNDS], min_ms[ROUNDS];
  double app_median, min_median, ratio;
  int status;

  if (argc != 3 || pcnw == NULL)
    {
      g_printerr ("usage: PCNW=pcnw %s PCN-WORKFORCE MINIMAL-WINDOW\n", argv[0]);
      return 2;
    }
  if (g_getenv ("DISPLAY") == NULL && g_getenv ("WAYLAND_DISPLAY") == NULL)
    {
      printf ("SKIP: needs a display (run under xvfb-run)\n");
      return 77;
    }

  dir = g_dir_make_tmp ("pcn-bench-frame-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (dir, "bench.db", NULL);

  {
    const char *demo[] = { pcnw, "--db", db, "demo", "--staff", N_STAFF, NULL };
    gint64 start = g_get_monotonic_time ();

    if (!g_spawn_sync (NULL, (char **) demo, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                       &status, &error) ||
        !g_spawn_check_wait_status (status, &error))
      {
        g_printerr ("pcnw demo --staff %s: %s\n", N_STAFF, error->message);
        return 1;
      }
    printf ("# made a %s-staff database in %.0f ms\n", N_STAFF,
            (g_get_monotonic_time () - start) / 1000.0);
  }

  env = bench_env (dir);
  db_arg = g_strdup_printf ("--db=%s", db);

  /* Alternate the two so that any drift in the machine hits both alike. */
  for (int i = 0; i < ROUNDS; i++)
    {
      char *min_argv[] = { argv[2], NULL };
      char *app_argv[] = { argv[1], db_arg, NULL };

      min_ms[i] = time_first_frame (min_argv, env);
      app_ms[i] = time_first_frame (app_argv, env);
      if (min_ms[i] < 0 || app_ms[i] < 0)
        return 1;
      printf ("# round %d: minimal window %.1f ms, pcn-workforce %.1f ms\n",
              i + 1, min_ms[i], app_ms[i]);
    }

  min_median = median (min_ms, ROUNDS);
  app_median = median (app_ms, ROUNDS);
  ratio = app_median / min_median;
  printf ("minimal libadwaita window: median %.1f ms to first frame\n", min_median);
  printf ("pcn-workforce, %s staff:  median %.1f ms to first frame\n", N_STAFF, app_median);
  printf ("ratio %.2f (limit %.1f): %s\n", ratio, MAX_RATIO, ratio <= MAX_RATIO ? "ok" : "TOO SLOW");

  {
    const char *suffixes[] = { "", "-wal", "-shm" };
    for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
      {
        g_autofree char *file = g_strconcat (db, suffixes[i], NULL);
        g_remove (file);
      }
    g_autofree char *sub = g_build_filename (dir, "pcn-workforce", NULL);
    g_rmdir (sub);
    g_rmdir (dir);
  }

  return ratio <= MAX_RATIO ? 0 : 1;
}
