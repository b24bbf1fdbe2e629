/* pcnw-commands.h — the commands of `pcnw` (see CLI.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Errors in this domain carry the exit status as their code. Errors from
 * any other domain (core, store, I/O) exit with 1, except G_OPTION_ERROR,
 * which is a usage error. */
#define PCNW_ERROR (pcnw_error_quark ())

typedef enum
{
  PCNW_ERROR_REFUSED = 1,   /* bad input or a rule refused it */
  PCNW_ERROR_USAGE   = 2,   /* unknown command or option, missing or unreadable option */
} PcnwError;

GQuark pcnw_error_quark (void);

typedef struct
{
  const char *db_path;  /* never NULL */
  GDate       as_at;    /* "today" for every status computation */
} PcnwContext;

/* @args: the command's own arguments; args[0] names the command (e.g.
 * "pcnw practice add"). Options are removed as they are parsed. */
typedef gboolean (*PcnwCommandFunc) (PcnwContext  *context,
                                     GStrv        *args,
                                     GError      **error);

typedef struct
{
  const char      *group;     /* "practice", or the command itself */
  const char      *name;      /* "add", or NULL for a one-word command */
  PcnwCommandFunc  func;
  const char      *synopsis;  /* options, untranslated (they are literal) */
  const char      *summary;   /* N_() */
} PcnwCommand;

const PcnwCommand *pcnw_get_commands (guint *n_commands);

/* The usage text: every command's synopsis, the value formats and the exit
 * statuses; @with_usage_line adds the first line and the global options. */
char              *pcnw_dup_usage    (gboolean with_usage_line);

G_END_DECLS
