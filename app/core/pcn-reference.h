/* pcn-reference.h — ARRS reference objects: the network, its practices,
 * roles and effective-dated maximum reimbursable amounts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pcn-types.h"

G_BEGIN_DECLS

#define PCN_TYPE_NETWORK (pcn_network_get_type ())
G_DECLARE_FINAL_TYPE (PcnNetwork, pcn_network, PCN, NETWORK, GObject)

PcnNetwork *pcn_network_new                    (void);
const char *pcn_network_get_name               (PcnNetwork *self);
void        pcn_network_set_name               (PcnNetwork *self, const char *name);
const char *pcn_network_get_ods_code           (PcnNetwork *self);
void        pcn_network_set_ods_code           (PcnNetwork *self, const char *ods_code);
gint64      pcn_network_get_list_size          (PcnNetwork *self);
void        pcn_network_set_list_size          (PcnNetwork *self, gint64 list_size);
/* 0 when not known. */
gint64      pcn_network_get_weighted_list_size (PcnNetwork *self);
void        pcn_network_set_weighted_list_size (PcnNetwork *self, gint64 size);
PcnArea     pcn_network_get_area               (PcnNetwork *self);
void        pcn_network_set_area               (PcnNetwork *self, PcnArea area);
gboolean    pcn_network_validate               (PcnNetwork  *self,
                                                const char **out_field,
                                                GError     **error);

#define PCN_TYPE_PRACTICE (pcn_practice_get_type ())
G_DECLARE_FINAL_TYPE (PcnPractice, pcn_practice, PCN, PRACTICE, GObject)

PcnPractice *pcn_practice_new           (const char *name);
gint64       pcn_practice_get_id        (PcnPractice *self);
void         pcn_practice_set_id        (PcnPractice *self, gint64 id);
const char  *pcn_practice_get_name      (PcnPractice *self);
void         pcn_practice_set_name      (PcnPractice *self, const char *name);
const char  *pcn_practice_get_ods_code  (PcnPractice *self);
void         pcn_practice_set_ods_code  (PcnPractice *self, const char *ods_code);
/* 0 when not known. */
gint64       pcn_practice_get_list_size (PcnPractice *self);
void         pcn_practice_set_list_size (PcnPractice *self, gint64 list_size);
gboolean     pcn_practice_validate      (PcnPractice  *self,
                                         const char  **out_field,
                                         GError      **error);

#define PCN_TYPE_ROLE (pcn_role_get_type ())
G_DECLARE_FINAL_TYPE (PcnRole, pcn_role, PCN, ROLE, GObject)

PcnRole    *pcn_role_new                (const char *code,
                                         const char *name);
const char *pcn_role_get_code           (PcnRole *self);
const char *pcn_role_get_name           (PcnRole *self);
const char *pcn_role_get_staff_group    (PcnRole *self);
void        pcn_role_set_staff_group    (PcnRole *self, const char *group);
/* ISO date the role entered the scheme. */
const char *pcn_role_get_available_from (PcnRole *self);
void        pcn_role_set_available_from (PcnRole *self, const char *iso);
const char *pcn_role_get_notes          (PcnRole *self);
void        pcn_role_set_notes          (PcnRole *self, const char *notes);

/* Finds a role by code or by name, case-insensitively (transfer none). */
PcnRole    *pcn_roles_find              (GPtrArray  *roles,
                                         const char *code_or_name);

#define PCN_TYPE_RATE (pcn_rate_get_type ())
G_DECLARE_FINAL_TYPE (PcnRate, pcn_rate, PCN, RATE, GObject)

/* A maximum reimbursable annual amount per WTE (pay plus on-costs) for a
 * role in an area, in force from @effective_from until the next rate for the
 * same role and area, or until @effective_to where that is given. */
PcnRate    *pcn_rate_new                (const char *role_code,
                                         const char *area,
                                         const char *effective_from,
                                         gint64      annual_pence);
gint64      pcn_rate_get_id             (PcnRate *self);
void        pcn_rate_set_id             (PcnRate *self, gint64 id);
const char *pcn_rate_get_role_code      (PcnRate *self);
const char *pcn_rate_get_role_name      (PcnRate *self);
void        pcn_rate_set_role_name      (PcnRate *self, const char *name);
/* "national", "outer-london", "inner-london" or "london". */
const char *pcn_rate_get_area           (PcnRate *self);
const char *pcn_rate_get_effective_from (PcnRate *self);
const char *pcn_rate_get_effective_to   (PcnRate *self);
void        pcn_rate_set_effective_to   (PcnRate *self, const char *iso);
gint64      pcn_rate_get_annual         (PcnRate *self);
const char *pcn_rate_get_source         (PcnRate *self);
void        pcn_rate_set_source         (PcnRate *self, const char *source);
const char *pcn_rate_get_notes          (PcnRate *self);
void        pcn_rate_set_notes          (PcnRate *self, const char *notes);
const char *pcn_rate_get_confidence     (PcnRate *self);
void        pcn_rate_set_confidence     (PcnRate *self, const char *confidence);
/* TRUE when a user entered or corrected it (never replaced by a refresh). */
gboolean    pcn_rate_get_user_entered   (PcnRate *self);
void        pcn_rate_set_user_entered   (PcnRate *self, gboolean user_entered);

gboolean    pcn_rate_validate           (PcnRate     *self,
                                         GPtrArray   *roles,
                                         const char **out_field,
                                         GError     **error);

/* The rate in force for @role_code in @area on @date, or NULL when the
 * sources give none ("no rate known"). A London PCN uses its own area's
 * figure, else the single London figure; never the national one. A rate the
 * user entered wins over a reference rate from the same date. */
PcnRate    *pcn_rates_find              (GPtrArray   *rates,
                                         const char  *role_code,
                                         PcnArea      area,
                                         const GDate *date);

G_END_DECLS
