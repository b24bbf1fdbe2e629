/* pcnw.c — the PCN Workforce command line (see CLI.md)
 *
 *   pcnw [--db FILE] [--as-at YYYY-MM-DD] COMMAND [ARGS]
 *
 * Parses the global options (stopping at the command), finds the command
 * and runs it. Exit status: 0 done; 1 bad input or a rule refused it;
 * 2 usage error.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pcn-core.h"
#include "pcn-store.h"
#include "pcnw-commands.h"

static int
exit_status_for (const GError *error)
{
  if (error->domain == PCNW_ERROR)
    return error->code == PCNW_ERROR_USAGE ? 2 : 1;
  if (error->domain == G_OPTION_ERROR)
    return 2;
  return 1;
}

static const PcnwCommand *
find_command (GStrv  args,
              guint *out_n_words)
{
  guint n_commands = 0;
  const PcnwCommand *commands = pcnw_get_commands (&n_commands);

  for (guint i = 0; i < n_commands; i++)
    {
      if (strcmp (commands[i].group, args[0]) != 0)
        continue;
      if (commands[i].name == NULL)
        {
          *out_n_words = 1;
          return &commands[i];
        }
      if (args[1] != NULL && strcmp (commands[i].name, args[1]) == 0)
        {
          *out_n_words = 2;
          return &commands[i];
        }
    }
  return NULL;
}

static gboolean
run (GStrv    *argv,
     GError  **error)
{
  g_autofree char *db = NULL;
  g_autofree char *as_at_text = NULL;
  g_autofree char *default_db = NULL;
  g_autofree char *usage = pcnw_dup_usage (FALSE);
  GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The database (default: $XDG_DATA_HOME/pcn-workforce/pcn.db)"), N_("FILE") },
    { "as-at", 0, 0, G_OPTION_ARG_STRING, &as_at_text,
      N_("“Today” for every status computation (default: the real date)"), "YYYY-MM-DD" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (_("COMMAND [ARGS…]"));
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) command_args = NULL;
  const PcnwCommand *command;
  PcnwContext pcnw = { NULL, { 0 } };
  guint n_words = 0;
  guint n_args;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_description (context, usage);
  if (!g_option_context_parse_strv (context, argv, &local_error))
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_USAGE, "%s", local_error->message);
      return FALSE;
    }

  if (as_at_text != NULL)
    {
      if (!pcn_date_parse (as_at_text, &pcnw.as_at, &local_error))
        {
          g_set_error (error, PCNW_ERROR, PCNW_ERROR_USAGE, "--as-at: %s", local_error->message);
          return FALSE;
        }
    }
  else
    pcn_date_set_today (&pcnw.as_at);

  if (db != NULL && *db == '\0')
    {
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_USAGE, _("--db: a file name is required"));
      return FALSE;
    }
  if (db == NULL)
    default_db = pcn_store_default_path ();
  pcnw.db_path = db != NULL ? db : default_db;

  n_args = g_strv_length (*argv);
  if (n_args < 2)
    {
      g_autofree char *full_usage = pcnw_dup_usage (TRUE);

      g_printerr ("%s\n", full_usage);
      g_set_error (error, PCNW_ERROR, PCNW_ERROR_USAGE, _("a command is required"));
      return FALSE;
    }

  command = find_command (*argv + 1, &n_words);
  if (command == NULL && (n_args == 2 || (*argv)[2][0] == '-'))
    {
      g_autoptr(GString) names = g_string_new (NULL);
      guint n_commands = 0;
      const PcnwCommand *commands = pcnw_get_commands (&n_commands);

      /* "pcnw practice" on its own: say which words may follow. */
      for (guint i = 0; i < n_commands; i++)
        if (commands[i].name != NULL && strcmp (commands[i].group, (*argv)[1]) == 0)
          g_string_append_printf (names, "%s%s", names->len ? ", " : "", commands[i].name);
      if (names->len > 0)
        {
          g_set_error (error, PCNW_ERROR, PCNW_ERROR_USAGE,
                       /* Translators: "practice: say what to do (add, list)" */
                       _("%s: say what to do (%s)"), (*argv)[1], names->str);
          return FALSE;
        }
    }
  if (command == NULL)
    {
      g_autofree char *name = n_args > 2 && g_ascii_isalpha ((*argv)[2][0])
        ? g_strdup_printf ("%s %s", (*argv)[1], (*argv)[2])
        : g_strdup ((*argv)[1]);

      g_set_error (error, PCNW_ERROR, PCNW_ERROR_USAGE,
                   _("unknown command “%s” (see “pcnw help”)"), name);
      return FALSE;
    }

  /* The command's own arguments, led by its name for its help text. */
  command_args = g_new0 (char *, n_args - n_words + 1);
  command_args[0] = n_words == 2 ? g_strdup_printf ("pcnw %s %s", command->group, command->name)
                                 : g_strdup_printf ("pcnw %s", command->group);
  for (guint i = 1 + n_words; i < n_args; i++)
    command_args[i - n_words] = g_strdup ((*argv)[i]);

  return command->func (&pcnw, &command_args, error);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("pcnw");

  args = g_strdupv (argv);
  if (!run (&args, &error))
    {
      g_printerr ("pcnw: %s\n", error->message);
      return exit_status_for (error);
    }
  return 0;
}
