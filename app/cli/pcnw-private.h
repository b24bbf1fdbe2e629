/* pcnw-private.h — pcnw's shared helpers, for command files other than
 * pcnw-commands.c (pcnw-claims.c). Each is the static helper of the same
 * name without the leading underscore and prefix, documented there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pcn-store.h"
#include "pcnw-commands.h"

G_BEGIN_DECLS

gboolean    _pcnw_parse_options        (GStrv          *args,
                                        const char     *parameter_string,
                                        const char     *summary,
                                        GOptionEntry   *entries,
                                        GError        **error);
/* "@option: @parse_error's message" as a usage error (exit 2). */
gboolean    _pcnw_option_error         (GError        **error,
                                        const char     *option,
                                        GError         *parse_error);
gboolean    _pcnw_require_option       (const char     *value,
                                        const char     *option,
                                        GError        **error);
gboolean    _pcnw_check_arguments      (GStrv           args,
                                        guint           n_wanted,
                                        const char     *what,
                                        GError        **error);
gboolean    _pcnw_parse_format_option  (const char     *format,
                                        const char     *other,
                                        gboolean       *out_json,
                                        GError        **error);
PcnStore   *_pcnw_open_store           (PcnwContext    *context,
                                        GError        **error);
PcnNetwork *_pcnw_require_network      (PcnStore       *store,
                                        GError        **error);
void        _pcnw_print_json           (JsonBuilder    *builder);
/* --staff: by payroll ID, else by name (case-insensitively); a name
 * several people share is refused. (transfer full) */
PcnStaff   *_pcnw_find_staff           (PcnStore       *store,
                                        const char     *text,
                                        GError        **error);

/* The claims commands (pcnw-claims.c). */
gboolean    _pcnw_cmd_import_costs     (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_report_claim     (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_claim_submit     (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_claim_reopen     (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_report_backpay   (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_export_claim     (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_export_plan      (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_export_backpay   (PcnwContext *context, GStrv *args, GError **error);

/* The induction commands (pcnw-induction.c). */
gboolean    _pcnw_cmd_induction_list   (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_induction_tick   (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_report_induction (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_export_induction (PcnwContext *context, GStrv *args, GError **error);

/* The supervision and integration commands (pcnw-supervision.c). */
gboolean    _pcnw_cmd_supervision_assign (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_supervision_end    (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_supervision_log    (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_supervision_cost   (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_integration_set    (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_report_supervision (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_report_integration (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_export_status      (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_training_add       (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_training_list      (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_training_done      (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_training_remove    (PcnwContext *context, GStrv *args, GError **error);

/* The vision commands (pcnw-vision.c). */
gboolean    _pcnw_cmd_vision_set         (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_objective_add      (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_objective_link     (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_buyin_set          (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_skills_set         (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_report_vision      (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_export_vision      (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_rolecard_set       (PcnwContext *context, GStrv *args, GError **error);
gboolean    _pcnw_cmd_export_role_cards  (PcnwContext *context, GStrv *args, GError **error);

G_END_DECLS
