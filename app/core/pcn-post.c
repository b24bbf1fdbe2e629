/* pcn-post.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pcn-core-error.h"
#include "pcn-post.h"
#include "pcn-reference.h"
#include "pcn-values.h"

#define MAX_TEXT 200
#define MAX_NOTES 2000
#define MAX_PURPOSES 20

struct _PcnPost
{
  GObject           parent_instance;

  gint64            id;
  char             *title;
  char             *role_code;
  int               wte;
  char             *band;
  gint64            annual_cost;
  PcnPostFunding    funding;
  PcnEmployerModel  employer_model;
  GPtrArray        *sessions;
  GStrv             purposes;
  char             *start_date;
  PcnPostStatus     status;
  char             *status_dates[PCN_POST_N_STATUSES];
  gint64            staff_id;
  char             *vacant_since;
  gboolean          prior_employment_12m;
  char             *notes;
};

G_DEFINE_FINAL_TYPE (PcnPost, pcn_post, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PcnPostFunding, pcn_post_funding,
  G_DEFINE_ENUM_VALUE (PCN_POST_FUNDING_ARRS, "arrs"),
  G_DEFINE_ENUM_VALUE (PCN_POST_FUNDING_OTHER, "other"))

G_DEFINE_ENUM_TYPE (PcnEmployerModel, pcn_employer_model,
  G_DEFINE_ENUM_VALUE (PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE, "pcn_lead_practice"),
  G_DEFINE_ENUM_VALUE (PCN_EMPLOYER_MODEL_FEDERATION, "federation"),
  G_DEFINE_ENUM_VALUE (PCN_EMPLOYER_MODEL_NHS_TRUST_SUBCONTRACT, "nhs_trust_subcontract"),
  G_DEFINE_ENUM_VALUE (PCN_EMPLOYER_MODEL_VOLUNTARY_SUBCONTRACT, "voluntary_subcontract"),
  G_DEFINE_ENUM_VALUE (PCN_EMPLOYER_MODEL_ROTATIONAL, "rotational"))

G_DEFINE_ENUM_TYPE (PcnPostStatus, pcn_post_status,
  G_DEFINE_ENUM_VALUE (PCN_POST_STATUS_PROPOSED, "proposed"),
  G_DEFINE_ENUM_VALUE (PCN_POST_STATUS_APPROVED, "approved"),
  G_DEFINE_ENUM_VALUE (PCN_POST_STATUS_ADVERTISED, "advertised"),
  G_DEFINE_ENUM_VALUE (PCN_POST_STATUS_INTERVIEWING, "interviewing"),
  G_DEFINE_ENUM_VALUE (PCN_POST_STATUS_OFFERED, "offered"),
  G_DEFINE_ENUM_VALUE (PCN_POST_STATUS_IN_POST, "in_post"),
  G_DEFINE_ENUM_VALUE (PCN_POST_STATUS_WITHDRAWN, "withdrawn"))

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_ROLE_CODE,
  PROP_WTE,
  PROP_BAND,
  PROP_ANNUAL_COST,
  PROP_FUNDING,
  PROP_EMPLOYER_MODEL,
  PROP_PRACTICES,
  PROP_PURPOSES,
  PROP_START_DATE,
  PROP_STATUS,
  PROP_STATUS_DATE,
  PROP_STAFF_ID,
  PROP_VACANT_SINCE,
  PROP_TIME_TO_FILL_DAYS,
  PROP_PRIOR_EMPLOYMENT_12M,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Enum identifiers and labels */

static gboolean
parse_nick (GType        type,
            const char  *text,
            int         *out_value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autofree char *norm = NULL;
  GEnumValue *v;

  if (text == NULL)
    return FALSE;
  norm = g_strstrip (g_ascii_strdown (text, -1));
  g_strdelimit (norm, "- ", '_');
  v = g_enum_get_value_by_nick (klass, norm);
  if (v == NULL)
    return FALSE;
  *out_value = v->value;
  return TRUE;
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);

  g_return_val_if_fail (v != NULL, "");
  return v->value_nick;
}

const char *
pcn_post_funding_to_string (PcnPostFunding funding)
{
  return enum_nick (PCN_TYPE_POST_FUNDING, funding);
}

gboolean
pcn_post_funding_parse (const char      *text,
                        PcnPostFunding  *out_funding,
                        GError         **error)
{
  int v;

  g_return_val_if_fail (out_funding != NULL, FALSE);

  if (!parse_nick (PCN_TYPE_POST_FUNDING, text, &v))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a funding source: use arrs or other"), text ? text : "");
      return FALSE;
    }
  *out_funding = v;
  return TRUE;
}

const char *
pcn_employer_model_to_string (PcnEmployerModel model)
{
  return enum_nick (PCN_TYPE_EMPLOYER_MODEL, model);
}

const char *
pcn_employer_model_get_label (PcnEmployerModel model)
{
  switch (model)
    {
    case PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE: return _("PCN or lead practice");
    case PCN_EMPLOYER_MODEL_FEDERATION: return _("Federation");
    case PCN_EMPLOYER_MODEL_NHS_TRUST_SUBCONTRACT: return _("NHS trust subcontract");
    case PCN_EMPLOYER_MODEL_VOLUNTARY_SUBCONTRACT: return _("Voluntary-sector subcontract");
    case PCN_EMPLOYER_MODEL_ROTATIONAL: return _("Rotational");
    default: g_return_val_if_reached ("");
    }
}

gboolean
pcn_employer_model_parse (const char        *text,
                          PcnEmployerModel  *out_model,
                          GError           **error)
{
  int v;

  g_return_val_if_fail (out_model != NULL, FALSE);

  if (!parse_nick (PCN_TYPE_EMPLOYER_MODEL, text, &v))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not an employer model: use pcn_lead_practice, federation, "
                     "nhs_trust_subcontract, voluntary_subcontract or rotational"),
                   text ? text : "");
      return FALSE;
    }
  *out_model = v;
  return TRUE;
}

const char *
pcn_post_status_to_string (PcnPostStatus status)
{
  return enum_nick (PCN_TYPE_POST_STATUS, status);
}

const char *
pcn_post_status_get_label (PcnPostStatus status)
{
  switch (status)
    {
    case PCN_POST_STATUS_PROPOSED: return _("Proposed");
    case PCN_POST_STATUS_APPROVED: return _("Approved");
    case PCN_POST_STATUS_ADVERTISED: return _("Advertised");
    case PCN_POST_STATUS_INTERVIEWING: return _("Interviewing");
    case PCN_POST_STATUS_OFFERED: return _("Offered");
    case PCN_POST_STATUS_IN_POST: return _("In post");
    case PCN_POST_STATUS_WITHDRAWN: return _("Withdrawn");
    default: g_return_val_if_reached ("");
    }
}

gboolean
pcn_post_status_parse (const char     *text,
                       PcnPostStatus  *out_status,
                       GError        **error)
{
  int v;

  g_return_val_if_fail (out_status != NULL, FALSE);

  if (!parse_nick (PCN_TYPE_POST_STATUS, text, &v))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a post status: use proposed, approved, advertised, "
                     "interviewing, offered, in_post or withdrawn"),
                   text ? text : "");
      return FALSE;
    }
  *out_status = v;
  return TRUE;
}

/* GObject */

static void
pcn_post_finalize (GObject *object)
{
  PcnPost *self = (PcnPost *) object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->role_code, g_free);
  g_clear_pointer (&self->band, g_free);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_pointer (&self->purposes, g_strfreev);
  g_clear_pointer (&self->start_date, g_free);
  for (guint i = 0; i < PCN_POST_N_STATUSES; i++)
    g_clear_pointer (&self->status_dates[i], g_free);
  g_clear_pointer (&self->vacant_since, g_free);
  g_clear_pointer (&self->notes, g_free);

  G_OBJECT_CLASS (pcn_post_parent_class)->finalize (object);
}

static void
pcn_post_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  PcnPost *self = PCN_POST (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_TITLE: g_value_set_string (value, self->title); break;
    case PROP_ROLE_CODE: g_value_set_string (value, self->role_code); break;
    case PROP_WTE: g_value_set_int (value, self->wte); break;
    case PROP_BAND: g_value_set_string (value, self->band); break;
    case PROP_ANNUAL_COST: g_value_set_int64 (value, self->annual_cost); break;
    case PROP_FUNDING: g_value_set_enum (value, self->funding); break;
    case PROP_EMPLOYER_MODEL: g_value_set_enum (value, self->employer_model); break;
    case PROP_PRACTICES: g_value_take_string (value, pcn_post_dup_practices_text (self)); break;
    case PROP_PURPOSES: g_value_set_boxed (value, self->purposes); break;
    case PROP_START_DATE: g_value_set_string (value, self->start_date); break;
    case PROP_STATUS: g_value_set_enum (value, self->status); break;
    case PROP_STATUS_DATE: g_value_set_string (value, self->status_dates[self->status]); break;
    case PROP_STAFF_ID: g_value_set_int64 (value, self->staff_id); break;
    case PROP_VACANT_SINCE: g_value_set_string (value, self->vacant_since); break;
    case PROP_TIME_TO_FILL_DAYS:
      g_value_set_int (value, pcn_post_get_time_to_fill_days (self));
      break;
    case PROP_PRIOR_EMPLOYMENT_12M: g_value_set_boolean (value, self->prior_employment_12m); break;
    case PROP_NOTES: g_value_set_string (value, self->notes); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_post_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  PcnPost *self = PCN_POST (object);

  switch (prop_id)
    {
    case PROP_ID: pcn_post_set_id (self, g_value_get_int64 (value)); break;
    case PROP_TITLE: pcn_post_set_title (self, g_value_get_string (value)); break;
    case PROP_ROLE_CODE: pcn_post_set_role_code (self, g_value_get_string (value)); break;
    case PROP_WTE: pcn_post_set_wte (self, g_value_get_int (value)); break;
    case PROP_BAND: pcn_post_set_band (self, g_value_get_string (value)); break;
    case PROP_ANNUAL_COST: pcn_post_set_annual_cost (self, g_value_get_int64 (value)); break;
    case PROP_FUNDING: pcn_post_set_funding (self, g_value_get_enum (value)); break;
    case PROP_EMPLOYER_MODEL: pcn_post_set_employer_model (self, g_value_get_enum (value)); break;
    case PROP_PURPOSES: pcn_post_set_purposes (self, g_value_get_boxed (value)); break;
    case PROP_START_DATE: pcn_post_set_start_date (self, g_value_get_string (value)); break;
    case PROP_STATUS: pcn_post_set_status (self, g_value_get_enum (value), NULL); break;
    case PROP_STAFF_ID: pcn_post_set_staff_id (self, g_value_get_int64 (value)); break;
    case PROP_VACANT_SINCE: pcn_post_set_vacant_since (self, g_value_get_string (value)); break;
    case PROP_PRIOR_EMPLOYMENT_12M:
      pcn_post_set_prior_employment_12m (self, g_value_get_boolean (value));
      break;
    case PROP_NOTES: pcn_post_set_notes (self, g_value_get_string (value)); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_post_class_init (PcnPostClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pcn_post_finalize;
  object_class->get_property = pcn_post_get_property;
  object_class->set_property = pcn_post_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, rw);
  properties[PROP_ROLE_CODE] = g_param_spec_string ("role-code", NULL, NULL, NULL, rw);
  properties[PROP_WTE] = g_param_spec_int ("wte", NULL, NULL, 0, PCN_WTE_FULL, PCN_WTE_FULL, rw);
  properties[PROP_BAND] = g_param_spec_string ("band", NULL, NULL, NULL, rw);
  properties[PROP_ANNUAL_COST] = g_param_spec_int64 ("annual-cost", NULL, NULL,
                                                     -1, G_MAXINT64, -1, rw);
  properties[PROP_FUNDING] = g_param_spec_enum ("funding", NULL, NULL, PCN_TYPE_POST_FUNDING,
                                                PCN_POST_FUNDING_ARRS, rw);
  properties[PROP_EMPLOYER_MODEL] =
    g_param_spec_enum ("employer-model", NULL, NULL, PCN_TYPE_EMPLOYER_MODEL,
                       PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE, rw);
  properties[PROP_PRACTICES] = g_param_spec_string ("practices", NULL, NULL, NULL, ro);
  properties[PROP_PURPOSES] = g_param_spec_boxed ("purposes", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL, rw);
  properties[PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, PCN_TYPE_POST_STATUS,
                                               PCN_POST_STATUS_PROPOSED, rw);
  properties[PROP_STATUS_DATE] = g_param_spec_string ("status-date", NULL, NULL, NULL, ro);
  properties[PROP_STAFF_ID] = g_param_spec_int64 ("staff-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_VACANT_SINCE] = g_param_spec_string ("vacant-since", NULL, NULL, NULL, rw);
  properties[PROP_TIME_TO_FILL_DAYS] = g_param_spec_int ("time-to-fill-days", NULL, NULL,
                                                         -1, G_MAXINT, -1, ro);
  properties[PROP_PRIOR_EMPLOYMENT_12M] = g_param_spec_boolean ("prior-employment-12m",
                                                                NULL, NULL, FALSE, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pcn_post_init (PcnPost *self)
{
  self->wte = PCN_WTE_FULL;
  self->annual_cost = -1;
  self->funding = PCN_POST_FUNDING_ARRS;
  self->employer_model = PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE;
  self->status = PCN_POST_STATUS_PROPOSED;
  self->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_session_free);
  self->purposes = g_new0 (char *, 1);
}

PcnPost *
pcn_post_new (void)
{
  return g_object_new (PCN_TYPE_POST, NULL);
}

PcnPost *
pcn_post_copy (PcnPost *self)
{
  PcnPost *copy;

  g_return_val_if_fail (PCN_IS_POST (self), NULL);

  copy = pcn_post_new ();
  copy->id = self->id;
  copy->title = g_strdup (self->title);
  copy->role_code = g_strdup (self->role_code);
  copy->wte = self->wte;
  copy->band = g_strdup (self->band);
  copy->annual_cost = self->annual_cost;
  copy->funding = self->funding;
  copy->employer_model = self->employer_model;
  pcn_post_set_sessions (copy, self->sessions);
  g_strfreev (copy->purposes);
  copy->purposes = g_strdupv (self->purposes);
  copy->start_date = g_strdup (self->start_date);
  copy->status = self->status;
  for (guint i = 0; i < PCN_POST_N_STATUSES; i++)
    copy->status_dates[i] = g_strdup (self->status_dates[i]);
  copy->staff_id = self->staff_id;
  copy->vacant_since = g_strdup (self->vacant_since);
  copy->prior_employment_12m = self->prior_employment_12m;
  copy->notes = g_strdup (self->notes);
  return copy;
}

/* Accessors */

/* Empty strings are stored as NULL so "not given" has one spelling. */
static gboolean
set_string (PcnPost    *self,
            char      **field,
            const char *value,
            int         prop)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  if (prop > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

#define STRING_ACCESSORS(field, PROP)                                        \
  const char *                                                               \
  pcn_post_get_##field (PcnPost *self)                                       \
  {                                                                          \
    g_return_val_if_fail (PCN_IS_POST (self), NULL);                         \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  pcn_post_set_##field (PcnPost    *self,                                    \
                        const char *value)                                   \
  {                                                                          \
    g_return_if_fail (PCN_IS_POST (self));                                   \
    set_string (self, &self->field, value, PROP);                            \
  }

STRING_ACCESSORS (title, PROP_TITLE)
STRING_ACCESSORS (role_code, PROP_ROLE_CODE)
STRING_ACCESSORS (band, PROP_BAND)
STRING_ACCESSORS (start_date, PROP_START_DATE)
STRING_ACCESSORS (notes, PROP_NOTES)

#define SCALAR_ACCESSORS(type, field, PROP, DEFAULT)                         \
  type                                                                       \
  pcn_post_get_##field (PcnPost *self)                                       \
  {                                                                          \
    g_return_val_if_fail (PCN_IS_POST (self), DEFAULT);                      \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  pcn_post_set_##field (PcnPost *self,                                       \
                        type     value)                                      \
  {                                                                          \
    g_return_if_fail (PCN_IS_POST (self));                                   \
    if (self->field == value)                                                \
      return;                                                                \
    self->field = value;                                                     \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]);            \
  }

SCALAR_ACCESSORS (gint64, id, PROP_ID, 0)
SCALAR_ACCESSORS (int, wte, PROP_WTE, 0)
SCALAR_ACCESSORS (PcnPostFunding, funding, PROP_FUNDING, PCN_POST_FUNDING_ARRS)
SCALAR_ACCESSORS (PcnEmployerModel, employer_model, PROP_EMPLOYER_MODEL,
                  PCN_EMPLOYER_MODEL_PCN_LEAD_PRACTICE)
SCALAR_ACCESSORS (gint64, staff_id, PROP_STAFF_ID, 0)

gint64
pcn_post_get_annual_cost (PcnPost *self)
{
  g_return_val_if_fail (PCN_IS_POST (self), -1);
  return self->annual_cost;
}

void
pcn_post_set_annual_cost (PcnPost *self,
                          gint64   pence)
{
  g_return_if_fail (PCN_IS_POST (self));
  if (pence < 0)
    pence = -1;
  if (self->annual_cost == pence)
    return;
  self->annual_cost = pence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNUAL_COST]);
}

gboolean
pcn_post_get_prior_employment_12m (PcnPost *self)
{
  g_return_val_if_fail (PCN_IS_POST (self), FALSE);
  return self->prior_employment_12m;
}

void
pcn_post_set_prior_employment_12m (PcnPost  *self,
                                   gboolean  value)
{
  g_return_if_fail (PCN_IS_POST (self));
  value = !!value;
  if (self->prior_employment_12m == value)
    return;
  self->prior_employment_12m = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIOR_EMPLOYMENT_12M]);
}

GPtrArray *
pcn_post_get_sessions (PcnPost *self)
{
  g_return_val_if_fail (PCN_IS_POST (self), NULL);
  return self->sessions;
}

void
pcn_post_set_sessions (PcnPost   *self,
                       GPtrArray *sessions)
{
  g_return_if_fail (PCN_IS_POST (self));

  if (sessions == self->sessions)
    return;
  g_ptr_array_set_size (self->sessions, 0);
  for (guint i = 0; sessions && i < sessions->len; i++)
    {
      PcnSession *s = g_ptr_array_index (sessions, i);
      g_ptr_array_add (self->sessions, pcn_session_new (s->practice, s->sessions));
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRACTICES]);
}

char *
pcn_post_dup_practices_text (PcnPost *self)
{
  g_return_val_if_fail (PCN_IS_POST (self), NULL);
  return pcn_sessions_format (self->sessions);
}

const char *const *
pcn_post_get_purposes (PcnPost *self)
{
  g_return_val_if_fail (PCN_IS_POST (self), NULL);
  return (const char *const *) self->purposes;
}

void
pcn_post_set_purposes (PcnPost           *self,
                       const char *const *purposes)
{
  g_return_if_fail (PCN_IS_POST (self));

  if (purposes == NULL)
    {
      static const char *const empty[] = { NULL };
      purposes = empty;
    }
  if (g_strv_equal ((const char *const *) self->purposes, purposes))
    return;
  g_strfreev (self->purposes);
  self->purposes = g_strdupv ((char **) purposes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PURPOSES]);
}

PcnPostStatus
pcn_post_get_status (PcnPost *self)
{
  g_return_val_if_fail (PCN_IS_POST (self), PCN_POST_STATUS_PROPOSED);
  return self->status;
}

const char *
pcn_post_get_status_date (PcnPost       *self,
                          PcnPostStatus  status)
{
  g_return_val_if_fail (PCN_IS_POST (self), NULL);
  g_return_val_if_fail ((guint) status < PCN_POST_N_STATUSES, NULL);
  return self->status_dates[status];
}

void
pcn_post_set_status (PcnPost       *self,
                     PcnPostStatus  status,
                     const char    *iso_date)
{
  gboolean changed;

  g_return_if_fail (PCN_IS_POST (self));
  g_return_if_fail ((guint) status < PCN_POST_N_STATUSES);

  g_object_freeze_notify (G_OBJECT (self));
  changed = self->status != status;
  self->status = status;
  if (changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (iso_date != NULL && set_string (self, &self->status_dates[status], iso_date, 0))
    changed = TRUE;
  if (changed)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_DATE]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_TO_FILL_DAYS]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

const char *
pcn_post_get_vacant_since (PcnPost *self)
{
  g_return_val_if_fail (PCN_IS_POST (self), NULL);
  return self->vacant_since;
}

void
pcn_post_set_vacant_since (PcnPost    *self,
                           const char *iso_date)
{
  g_return_if_fail (PCN_IS_POST (self));
  set_string (self, &self->vacant_since, iso_date, PROP_VACANT_SINCE);
}

void
pcn_post_fill (PcnPost  *self,
               PcnStaff *staff)
{
  g_return_if_fail (PCN_IS_POST (self));
  g_return_if_fail (PCN_IS_STAFF (staff));

  g_object_freeze_notify (G_OBJECT (self));
  pcn_post_set_staff_id (self, pcn_staff_get_id (staff));
  pcn_post_set_status (self, PCN_POST_STATUS_IN_POST, pcn_staff_get_start_date (staff));
  pcn_post_set_vacant_since (self, NULL);
  pcn_post_set_prior_employment_12m (self, pcn_staff_get_prior_employment_12m (staff));
  g_object_thaw_notify (G_OBJECT (self));
}

void
pcn_post_mark_vacant (PcnPost    *self,
                      const char *last_day)
{
  GDate d;
  g_autofree char *since = NULL;

  g_return_if_fail (PCN_IS_POST (self));
  g_return_if_fail (last_day != NULL && pcn_date_from_iso (last_day, &d));

  g_date_add_days (&d, 1);
  since = pcn_date_to_iso (&d);

  g_object_freeze_notify (G_OBJECT (self));
  pcn_post_set_staff_id (self, 0);
  pcn_post_set_status (self, PCN_POST_STATUS_APPROVED, NULL);
  /* A new round of recruitment: the old advert, interview and offer dates
   * no longer describe this vacancy. */
  for (guint i = PCN_POST_STATUS_ADVERTISED; i < PCN_POST_N_STATUSES; i++)
    g_clear_pointer (&self->status_dates[i], g_free);
  pcn_post_set_start_date (self, NULL);
  pcn_post_set_vacant_since (self, since);
  pcn_post_set_prior_employment_12m (self, FALSE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TIME_TO_FILL_DAYS]);
  g_object_thaw_notify (G_OBJECT (self));
}

int
pcn_post_get_time_to_fill_days (PcnPost *self)
{
  GDate advertised, filled;

  g_return_val_if_fail (PCN_IS_POST (self), -1);

  if (!pcn_date_from_iso (self->status_dates[PCN_POST_STATUS_ADVERTISED], &advertised) ||
      !pcn_date_from_iso (self->status_dates[PCN_POST_STATUS_IN_POST], &filled))
    return -1;
  if (g_date_compare (&filled, &advertised) < 0)
    return -1;
  return g_date_days_between (&advertised, &filled);
}

gboolean
pcn_post_is_planned (PcnPost *self)
{
  g_return_val_if_fail (PCN_IS_POST (self), FALSE);

  return self->funding == PCN_POST_FUNDING_ARRS &&
         self->status != PCN_POST_STATUS_WITHDRAWN &&
         self->status != PCN_POST_STATUS_IN_POST &&
         self->staff_id == 0 &&
         self->start_date != NULL;
}

char *
pcn_post_dup_display_name (PcnPost *self)
{
  g_return_val_if_fail (PCN_IS_POST (self), NULL);

  if (self->title != NULL)
    return g_strdup (self->title);
  if (self->id > 0)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, self->id);
      /* Translators: %1$s is a role code such as CP, %2$s the post's number */
      return g_strdup_printf (_("%1$s post %2$s"), self->role_code ? self->role_code : "?", id);
    }
  /* Translators: %s is a role code such as CP */
  return g_strdup_printf (_("New %s post"), self->role_code ? self->role_code : "?");
}

/* Validation */

static gboolean
check_text (const char  *text,
            const char  *what,
            int          max,
            GError     **error)
{
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID, _("%s is not valid UTF-8"), what);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > max)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("%s is longer than %d characters"), what, max);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_code (const char *code)
{
  if (code == NULL || *code == '\0' || strlen (code) > 64)
    return FALSE;
  for (const char *p = code; *p; p++)
    if (!g_ascii_isalnum (*p) && *p != '_' && *p != '-' && *p != '.')
      return FALSE;
  return TRUE;
}

#define FAIL_FIELD(f) G_STMT_START { if (out_field) *out_field = (f); return FALSE; } G_STMT_END

gboolean
pcn_post_validate (PcnPost     *self,
                   GPtrArray   *roles,
                   GPtrArray   *practice_names,
                   const char **out_field,
                   GError     **error)
{
  GDate d;
  GDate previous;
  PcnPostStatus previous_status = PCN_POST_STATUS_PROPOSED;
  gboolean have_previous = FALSE;
  guint n_purposes;

  g_return_val_if_fail (PCN_IS_POST (self), FALSE);

  if (!check_text (self->title, _("The title"), MAX_TEXT, error))
    FAIL_FIELD ("title");

  if (self->role_code == NULL)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("The role is required"));
      FAIL_FIELD ("role");
    }
  if (roles != NULL && pcn_roles_find (roles, self->role_code) == NULL)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN,
                   _("“%s” is not a known role (see role codes in “pcnw rates list”)"),
                   self->role_code);
      FAIL_FIELD ("role");
    }

  if (self->wte <= 0 || self->wte > PCN_WTE_FULL)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The WTE must be more than 0 and at most 1"));
      FAIL_FIELD ("wte");
    }

  if (!check_text (self->band, _("The band"), 20, error))
    FAIL_FIELD ("band");

  if (self->annual_cost > G_GINT64_CONSTANT (100000000))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The expected annual cost is over £1,000,000: check the figure"));
      FAIL_FIELD ("annual_cost");
    }

  if (self->start_date != NULL && !pcn_date_from_iso (self->start_date, &d))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a valid start date"), self->start_date);
      FAIL_FIELD ("start_date");
    }
  if (self->start_date == NULL && self->vacant_since == NULL &&
      self->status != PCN_POST_STATUS_WITHDRAWN && self->status != PCN_POST_STATUS_IN_POST)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                   _("The expected start date is required"));
      FAIL_FIELD ("start_date");
    }

  for (guint i = 0; i < self->sessions->len; i++)
    {
      PcnSession *s = g_ptr_array_index (self->sessions, i);
      gboolean found = practice_names == NULL;

      for (guint j = 0; !found && j < practice_names->len; j++)
        found = g_strcmp0 (g_ptr_array_index (practice_names, j), s->practice) == 0;

      if (!found)
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_UNKNOWN,
                       _("“%s” is not a member practice of this PCN"), s->practice);
          FAIL_FIELD ("practices");
        }
    }

  n_purposes = g_strv_length (self->purposes);
  if (n_purposes > MAX_PURPOSES)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("A post can serve at most %d purposes"), MAX_PURPOSES);
      FAIL_FIELD ("purposes");
    }
  for (guint i = 0; i < n_purposes; i++)
    {
      if (!check_code (self->purposes[i]))
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                       _("“%s” is not a service requirement code (letters, digits, “_”, "
                         "“-” and “.”)"), self->purposes[i]);
          FAIL_FIELD ("purposes");
        }
      for (guint j = 0; j < i; j++)
        if (g_strcmp0 (self->purposes[i], self->purposes[j]) == 0)
          {
            g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_DUPLICATE,
                         _("Purpose “%s” is listed twice"), self->purposes[i]);
            FAIL_FIELD ("purposes");
          }
    }
  if (n_purposes > 1 && g_strv_contains ((const char *const *) self->purposes,
                                         PCN_POST_PURPOSE_CORE))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("A post for core practice capacity serves no service requirement"));
      FAIL_FIELD ("purposes");
    }

  /* Pipeline dates: valid, and never earlier than an earlier stage's. */
  for (guint s = 0; s < PCN_POST_STATUS_WITHDRAWN; s++)
    {
      const char *iso = self->status_dates[s];

      if (iso == NULL)
        continue;
      if (!pcn_date_from_iso (iso, &d))
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                       _("“%s” is not a valid date for “%s”"), iso,
                       pcn_post_status_get_label (s));
          FAIL_FIELD ("status_date");
        }
      if (have_previous && g_date_compare (&d, &previous) < 0)
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                       _("The post is “%s” on %s, before it was “%s” on %s"),
                       pcn_post_status_get_label (s), iso,
                       pcn_post_status_get_label (previous_status),
                       self->status_dates[previous_status]);
          FAIL_FIELD ("status_date");
        }
      previous = d;
      previous_status = s;
      have_previous = TRUE;
    }
  if (self->status_dates[PCN_POST_STATUS_WITHDRAWN] != NULL &&
      !pcn_date_from_iso (self->status_dates[PCN_POST_STATUS_WITHDRAWN], &d))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a valid date for “%s”"),
                   self->status_dates[PCN_POST_STATUS_WITHDRAWN],
                   pcn_post_status_get_label (PCN_POST_STATUS_WITHDRAWN));
      FAIL_FIELD ("status_date");
    }

  if (self->staff_id != 0 && self->status != PCN_POST_STATUS_IN_POST)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("Only a post that is in post is filled by a staff member"));
      FAIL_FIELD ("staff_id");
    }
  if (self->vacant_since != NULL && !pcn_date_from_iso (self->vacant_since, &d))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a valid vacancy date"), self->vacant_since);
      FAIL_FIELD ("vacant_since");
    }

  if (!check_text (self->notes, _("The notes"), MAX_NOTES, error))
    FAIL_FIELD ("notes");

  return TRUE;
}
