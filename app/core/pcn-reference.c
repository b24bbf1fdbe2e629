/* pcn-reference.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pcn-core-error.h"
#include "pcn-reference.h"
#include "pcn-values.h"

#define FAIL_FIELD(f) G_STMT_START { if (out_field) *out_field = (f); return FALSE; } G_STMT_END

static void
replace (char       **field,
         const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static gboolean
check_name (const char  *name,
            const char  *what,
            GError     **error)
{
  if (name == NULL || *name == '\0')
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("%s is required"), what);
      return FALSE;
    }
  if (!g_utf8_validate (name, -1, NULL) || g_utf8_strlen (name, -1) > 200)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("%s must be valid text of at most 200 characters"), what);
      return FALSE;
    }
  for (const char *p = name; *p; p++)
    if ((guchar) *p < 0x20)
      {
        g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                     _("%s contains a line break or control character"), what);
        return FALSE;
      }
  return TRUE;
}

/* ---------------------------------------------------------------- network */

struct _PcnNetwork
{
  GObject  parent_instance;
  char    *name;
  char    *ods_code;
  gint64   list_size;
  gint64   weighted_list_size;
  PcnArea  area;
};

G_DEFINE_FINAL_TYPE (PcnNetwork, pcn_network, G_TYPE_OBJECT)

static void
pcn_network_finalize (GObject *object)
{
  PcnNetwork *self = (PcnNetwork *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->ods_code, g_free);
  G_OBJECT_CLASS (pcn_network_parent_class)->finalize (object);
}

static void
pcn_network_class_init (PcnNetworkClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pcn_network_finalize;
}

static void
pcn_network_init (PcnNetwork *self)
{
  self->area = PCN_AREA_NATIONAL;
}

PcnNetwork *
pcn_network_new (void)
{
  return g_object_new (PCN_TYPE_NETWORK, NULL);
}

const char *pcn_network_get_name (PcnNetwork *self) { return self->name; }
void pcn_network_set_name (PcnNetwork *self, const char *name) { replace (&self->name, name); }
const char *pcn_network_get_ods_code (PcnNetwork *self) { return self->ods_code; }
void pcn_network_set_ods_code (PcnNetwork *self, const char *c) { replace (&self->ods_code, c); }
gint64 pcn_network_get_list_size (PcnNetwork *self) { return self->list_size; }
void pcn_network_set_list_size (PcnNetwork *self, gint64 n) { self->list_size = n; }
gint64 pcn_network_get_weighted_list_size (PcnNetwork *self) { return self->weighted_list_size; }
void pcn_network_set_weighted_list_size (PcnNetwork *self, gint64 n) { self->weighted_list_size = n; }
PcnArea pcn_network_get_area (PcnNetwork *self) { return self->area; }
void pcn_network_set_area (PcnNetwork *self, PcnArea area) { self->area = area; }

gboolean
pcn_network_validate (PcnNetwork  *self,
                      const char **out_field,
                      GError     **error)
{
  g_return_val_if_fail (PCN_IS_NETWORK (self), FALSE);

  if (!check_name (self->name, _("The PCN name"), error))
    FAIL_FIELD ("name");
  if (self->ods_code != NULL)
    {
      g_autofree char *code = NULL;
      if (!pcn_ods_code_normalize (self->ods_code, &code, error))
        FAIL_FIELD ("ods");
    }
  if (self->list_size <= 0 || self->list_size > 2000000)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The list size must be a number of patients from 1 to 2,000,000"));
      FAIL_FIELD ("list_size");
    }
  if (self->weighted_list_size < 0 || self->weighted_list_size > 4000000)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The weighted list size must be from 0 to 4,000,000"));
      FAIL_FIELD ("weighted_list_size");
    }
  return TRUE;
}

/* --------------------------------------------------------------- practice */

struct _PcnPractice
{
  GObject  parent_instance;
  gint64   id;
  char    *name;
  char    *ods_code;
  gint64   list_size;
};

G_DEFINE_FINAL_TYPE (PcnPractice, pcn_practice, G_TYPE_OBJECT)

enum { PRACTICE_PROP_0, PRACTICE_PROP_NAME, PRACTICE_PROP_ODS_CODE, PRACTICE_N_PROPS };
static GParamSpec *practice_props[PRACTICE_N_PROPS];

static void
pcn_practice_finalize (GObject *object)
{
  PcnPractice *self = (PcnPractice *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->ods_code, g_free);
  G_OBJECT_CLASS (pcn_practice_parent_class)->finalize (object);
}

static void
pcn_practice_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PcnPractice *self = PCN_PRACTICE (object);

  switch (prop_id)
    {
    case PRACTICE_PROP_NAME: g_value_set_string (value, self->name); break;
    case PRACTICE_PROP_ODS_CODE: g_value_set_string (value, self->ods_code); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_practice_class_init (PcnPracticeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pcn_practice_finalize;
  object_class->get_property = pcn_practice_get_property;
  practice_props[PRACTICE_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  practice_props[PRACTICE_PROP_ODS_CODE] =
    g_param_spec_string ("ods-code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, PRACTICE_N_PROPS, practice_props);
}

static void
pcn_practice_init (PcnPractice *self)
{
}

PcnPractice *
pcn_practice_new (const char *name)
{
  PcnPractice *self = g_object_new (PCN_TYPE_PRACTICE, NULL);

  self->name = g_strdup (name);
  return self;
}

gint64 pcn_practice_get_id (PcnPractice *self) { return self->id; }
void pcn_practice_set_id (PcnPractice *self, gint64 id) { self->id = id; }
const char *pcn_practice_get_name (PcnPractice *self) { return self->name; }
void pcn_practice_set_name (PcnPractice *self, const char *name) { replace (&self->name, name); }
const char *pcn_practice_get_ods_code (PcnPractice *self) { return self->ods_code; }
void pcn_practice_set_ods_code (PcnPractice *self, const char *c) { replace (&self->ods_code, c); }
gint64 pcn_practice_get_list_size (PcnPractice *self) { return self->list_size; }
void pcn_practice_set_list_size (PcnPractice *self, gint64 n) { self->list_size = n; }

gboolean
pcn_practice_validate (PcnPractice  *self,
                       const char  **out_field,
                       GError      **error)
{
  g_return_val_if_fail (PCN_IS_PRACTICE (self), FALSE);

  if (!check_name (self->name, _("The practice name"), error))
    FAIL_FIELD ("name");
  if (strchr (self->name, ';') || strchr (self->name, '='))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("A practice name cannot contain “;” or “=”"));
      FAIL_FIELD ("name");
    }
  if (self->ods_code != NULL)
    {
      g_autofree char *code = NULL;
      if (!pcn_ods_code_normalize (self->ods_code, &code, error))
        FAIL_FIELD ("ods");
    }
  if (self->list_size < 0 || self->list_size > 500000)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The practice list size must be from 0 to 500,000"));
      FAIL_FIELD ("list_size");
    }
  return TRUE;
}

/* ------------------------------------------------------------------- role */

struct _PcnRole
{
  GObject  parent_instance;
  char    *code;
  char    *name;
  char    *staff_group;
  char    *available_from;
  char    *notes;
};

G_DEFINE_FINAL_TYPE (PcnRole, pcn_role, G_TYPE_OBJECT)

enum { ROLE_PROP_0, ROLE_PROP_CODE, ROLE_PROP_NAME, ROLE_N_PROPS };
static GParamSpec *role_props[ROLE_N_PROPS];

static void
pcn_role_finalize (GObject *object)
{
  PcnRole *self = (PcnRole *) object;

  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->staff_group, g_free);
  g_clear_pointer (&self->available_from, g_free);
  g_clear_pointer (&self->notes, g_free);
  G_OBJECT_CLASS (pcn_role_parent_class)->finalize (object);
}

static void
pcn_role_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PcnRole *self = PCN_ROLE (object);

  switch (prop_id)
    {
    case ROLE_PROP_CODE: g_value_set_string (value, self->code); break;
    case ROLE_PROP_NAME: g_value_set_string (value, self->name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_role_class_init (PcnRoleClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pcn_role_finalize;
  object_class->get_property = pcn_role_get_property;
  role_props[ROLE_PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  role_props[ROLE_PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROLE_N_PROPS, role_props);
}

static void
pcn_role_init (PcnRole *self)
{
}

PcnRole *
pcn_role_new (const char *code,
              const char *name)
{
  PcnRole *self;

  g_return_val_if_fail (code != NULL && name != NULL, NULL);

  self = g_object_new (PCN_TYPE_ROLE, NULL);
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  return self;
}

const char *pcn_role_get_code (PcnRole *self) { return self->code; }
const char *pcn_role_get_name (PcnRole *self) { return self->name; }
const char *pcn_role_get_staff_group (PcnRole *self) { return self->staff_group; }
void pcn_role_set_staff_group (PcnRole *self, const char *g) { replace (&self->staff_group, g); }
const char *pcn_role_get_available_from (PcnRole *self) { return self->available_from; }
void pcn_role_set_available_from (PcnRole *self, const char *d) { replace (&self->available_from, d); }
const char *pcn_role_get_notes (PcnRole *self) { return self->notes; }
void pcn_role_set_notes (PcnRole *self, const char *n) { replace (&self->notes, n); }

PcnRole *
pcn_roles_find (GPtrArray  *roles,
                const char *code_or_name)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (roles != NULL, NULL);

  if (code_or_name == NULL)
    return NULL;
  key = g_strstrip (g_strdup (code_or_name));

  for (guint i = 0; i < roles->len; i++)
    {
      PcnRole *role = g_ptr_array_index (roles, i);
      if (g_ascii_strcasecmp (role->code, key) == 0)
        return role;
    }
  for (guint i = 0; i < roles->len; i++)
    {
      PcnRole *role = g_ptr_array_index (roles, i);
      g_autofree char *a = g_utf8_casefold (role->name, -1);
      g_autofree char *b = g_utf8_casefold (key, -1);
      if (g_strcmp0 (a, b) == 0)
        return role;
    }
  return NULL;
}

/* ------------------------------------------------------------------- rate */

struct _PcnRate
{
  GObject   parent_instance;
  gint64    id;
  char     *role_code;
  char     *role_name;
  char     *area;
  char     *effective_from;
  char     *effective_to;
  gint64    annual;
  char     *source;
  char     *notes;
  char     *confidence;
  gboolean  user_entered;
};

G_DEFINE_FINAL_TYPE (PcnRate, pcn_rate, G_TYPE_OBJECT)

enum {
  RATE_PROP_0,
  RATE_PROP_ROLE_CODE,
  RATE_PROP_ROLE_NAME,
  RATE_PROP_AREA,
  RATE_PROP_EFFECTIVE_FROM,
  RATE_PROP_EFFECTIVE_TO,
  RATE_PROP_ANNUAL,
  RATE_PROP_SOURCE,
  RATE_PROP_USER_ENTERED,
  RATE_N_PROPS
};
static GParamSpec *rate_props[RATE_N_PROPS];

static void
pcn_rate_finalize (GObject *object)
{
  PcnRate *self = (PcnRate *) object;

  g_clear_pointer (&self->role_code, g_free);
  g_clear_pointer (&self->role_name, g_free);
  g_clear_pointer (&self->area, g_free);
  g_clear_pointer (&self->effective_from, g_free);
  g_clear_pointer (&self->effective_to, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->confidence, g_free);
  G_OBJECT_CLASS (pcn_rate_parent_class)->finalize (object);
}

static void
pcn_rate_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  PcnRate *self = PCN_RATE (object);

  switch (prop_id)
    {
    case RATE_PROP_ROLE_CODE: g_value_set_string (value, self->role_code); break;
    case RATE_PROP_ROLE_NAME: g_value_set_string (value, self->role_name); break;
    case RATE_PROP_AREA: g_value_set_string (value, self->area); break;
    case RATE_PROP_EFFECTIVE_FROM: g_value_set_string (value, self->effective_from); break;
    case RATE_PROP_EFFECTIVE_TO: g_value_set_string (value, self->effective_to); break;
    case RATE_PROP_ANNUAL: g_value_set_int64 (value, self->annual); break;
    case RATE_PROP_SOURCE: g_value_set_string (value, self->source); break;
    case RATE_PROP_USER_ENTERED: g_value_set_boolean (value, self->user_entered); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_rate_class_init (PcnRateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pcn_rate_finalize;
  object_class->get_property = pcn_rate_get_property;
  rate_props[RATE_PROP_ROLE_CODE] = g_param_spec_string ("role-code", NULL, NULL, NULL, ro);
  rate_props[RATE_PROP_ROLE_NAME] = g_param_spec_string ("role-name", NULL, NULL, NULL, ro);
  rate_props[RATE_PROP_AREA] = g_param_spec_string ("area", NULL, NULL, NULL, ro);
  rate_props[RATE_PROP_EFFECTIVE_FROM] = g_param_spec_string ("effective-from", NULL, NULL, NULL, ro);
  rate_props[RATE_PROP_EFFECTIVE_TO] = g_param_spec_string ("effective-to", NULL, NULL, NULL, ro);
  rate_props[RATE_PROP_ANNUAL] = g_param_spec_int64 ("annual", NULL, NULL, 0, G_MAXINT64, 0, ro);
  rate_props[RATE_PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, ro);
  rate_props[RATE_PROP_USER_ENTERED] = g_param_spec_boolean ("user-entered", NULL, NULL, FALSE, ro);
  g_object_class_install_properties (object_class, RATE_N_PROPS, rate_props);
}

static void
pcn_rate_init (PcnRate *self)
{
}

PcnRate *
pcn_rate_new (const char *role_code,
              const char *area,
              const char *effective_from,
              gint64      annual_pence)
{
  PcnRate *self = g_object_new (PCN_TYPE_RATE, NULL);

  self->role_code = g_strdup (role_code);
  self->area = g_strdup (area ? area : "national");
  self->effective_from = g_strdup (effective_from);
  self->annual = annual_pence;
  return self;
}

gint64 pcn_rate_get_id (PcnRate *self) { return self->id; }
void pcn_rate_set_id (PcnRate *self, gint64 id) { self->id = id; }
const char *pcn_rate_get_role_code (PcnRate *self) { return self->role_code; }
const char *pcn_rate_get_role_name (PcnRate *self) { return self->role_name ? self->role_name : self->role_code; }
void pcn_rate_set_role_name (PcnRate *self, const char *n) { replace (&self->role_name, n); }
const char *pcn_rate_get_area (PcnRate *self) { return self->area; }
const char *pcn_rate_get_effective_from (PcnRate *self) { return self->effective_from; }
const char *pcn_rate_get_effective_to (PcnRate *self) { return self->effective_to; }
void pcn_rate_set_effective_to (PcnRate *self, const char *d) { replace (&self->effective_to, d); }
gint64 pcn_rate_get_annual (PcnRate *self) { return self->annual; }
const char *pcn_rate_get_source (PcnRate *self) { return self->source; }
void pcn_rate_set_source (PcnRate *self, const char *s) { replace (&self->source, s); }
const char *pcn_rate_get_notes (PcnRate *self) { return self->notes; }
void pcn_rate_set_notes (PcnRate *self, const char *n) { replace (&self->notes, n); }
const char *pcn_rate_get_confidence (PcnRate *self) { return self->confidence; }
void pcn_rate_set_confidence (PcnRate *self, const char *c) { replace (&self->confidence, c); }
gboolean pcn_rate_get_user_entered (PcnRate *self) { return self->user_entered; }
void pcn_rate_set_user_entered (PcnRate *self, gboolean u) { self->user_entered = !!u; }

gboolean
pcn_rate_validate (PcnRate     *self,
                   GPtrArray   *roles,
                   const char **out_field,
                   GError     **error)
{
  GDate from, to;

  g_return_val_if_fail (PCN_IS_RATE (self), FALSE);

  if (self->role_code == NULL || (roles && pcn_roles_find (roles, self->role_code) == NULL))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN,
                   _("“%s” is not a known role"), self->role_code ? self->role_code : "");
      FAIL_FIELD ("role");
    }
  if (!pcn_rate_area_is_valid (self->area))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not an area (use national, outer-london, inner-london or london)"),
                   self->area ? self->area : "");
      FAIL_FIELD ("area");
    }
  if (!pcn_date_from_iso (self->effective_from, &from))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The effective date is missing or not a date"));
      FAIL_FIELD ("from");
    }
  if (self->effective_to != NULL &&
      (!pcn_date_from_iso (self->effective_to, &to) || g_date_compare (&to, &from) < 0))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The end of the rate period must be a date on or after its start"));
      FAIL_FIELD ("to");
    }
  if (self->annual <= 0 || self->annual > G_GINT64_CONSTANT (50000000))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The annual maximum must be more than £0 and at most £500,000"));
      FAIL_FIELD ("annual");
    }
  if (self->source != NULL && g_utf8_strlen (self->source, -1) > 1000)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The source note is longer than 1,000 characters"));
      FAIL_FIELD ("source");
    }
  return TRUE;
}

static PcnRate *
find_in_area (GPtrArray   *rates,
              const char  *role_code,
              const char  *area,
              const GDate *date)
{
  PcnRate *best = NULL;
  GDate best_from;

  for (guint i = 0; i < rates->len; i++)
    {
      PcnRate *r = g_ptr_array_index (rates, i);
      GDate from;
      int cmp;

      if (g_strcmp0 (r->role_code, role_code) != 0 || g_strcmp0 (r->area, area) != 0)
        continue;
      if (!pcn_date_from_iso (r->effective_from, &from) || g_date_compare (&from, date) > 0)
        continue;

      if (best == NULL)
        cmp = 1;
      else
        cmp = g_date_compare (&from, &best_from);

      if (cmp > 0 || (cmp == 0 && r->user_entered && !best->user_entered))
        {
          best = r;
          best_from = from;
        }
    }

  /* The latest rate that started on or before the date is the one in
   * force, unless its period has ended. */
  if (best != NULL && best->effective_to != NULL)
    {
      GDate to;
      if (pcn_date_from_iso (best->effective_to, &to) && g_date_compare (&to, date) < 0)
        return NULL;
    }
  return best;
}

PcnRate *
pcn_rates_find (GPtrArray   *rates,
                const char  *role_code,
                PcnArea      area,
                const GDate *date)
{
  PcnRate *r;

  g_return_val_if_fail (rates != NULL, NULL);
  g_return_val_if_fail (role_code != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  r = find_in_area (rates, role_code, pcn_area_to_string (area), date);
  if (r == NULL && area != PCN_AREA_NATIONAL)
    r = find_in_area (rates, role_code, "london", date);
  return r;
}
