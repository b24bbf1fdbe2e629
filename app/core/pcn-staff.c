/* pcn-staff.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pcn-core-error.h"
#include "pcn-reference.h"
#include "pcn-staff.h"
#include "pcn-values.h"

#define MAX_TEXT 200
#define MAX_SESSIONS 10

struct _PcnStaff
{
  GObject    parent_instance;

  gint64     id;
  char      *name;
  char      *payroll_id;
  char      *role_code;
  char      *role_name;
  char      *start_date;
  char      *end_date;
  char      *leaving_reason;
  int        wte;
  char      *band;
  gint64     annual_salary;
  char      *employer;
  GPtrArray *sessions;
  gboolean   claimable;
  gboolean   prior_employment_12m;
};

G_DEFINE_FINAL_TYPE (PcnStaff, pcn_staff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_PAYROLL_ID,
  PROP_ROLE_CODE,
  PROP_ROLE_NAME,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_LEAVING_REASON,
  PROP_WTE,
  PROP_BAND,
  PROP_ANNUAL_SALARY,
  PROP_EMPLOYER,
  PROP_PRACTICES,
  PROP_CLAIMABLE,
  PROP_PRIOR_EMPLOYMENT_12M,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

PcnSession *
pcn_session_new (const char *practice,
                 int         sessions)
{
  PcnSession *s = g_new0 (PcnSession, 1);

  s->practice = g_strdup (practice);
  s->sessions = sessions;
  return s;
}

void
pcn_session_free (PcnSession *session)
{
  if (session == NULL)
    return;
  g_free (session->practice);
  g_free (session);
}

GPtrArray *
pcn_sessions_parse (const char  *text,
                    GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_session_free);
  g_auto(GStrv) parts = NULL;

  if (text == NULL)
    return g_steal_pointer (&out);

  parts = g_strsplit (text, ";", -1);
  for (guint i = 0; parts[i]; i++)
    {
      g_autofree char *part = g_strstrip (g_strdup (parts[i]));
      char *eq;
      int sessions = -1;

      if (*part == '\0')
        continue;

      eq = strchr (part, '=');
      if (eq != NULL)
        {
          g_autofree char *num = g_strstrip (g_strdup (eq + 1));
          gint64 v;

          *eq = '\0';
          g_strstrip (part);
          if (!pcn_count_parse (num, 1000, &v, NULL) || v < 1 || v > MAX_SESSIONS)
            {
              g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                           _("sessions at “%s” must be a whole number from 1 to %d, not “%s”"),
                           part, MAX_SESSIONS, num);
              return NULL;
            }
          sessions = (int) v;
        }

      if (*part == '\0')
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                       _("a practice name is missing before “=”"));
          return NULL;
        }

      for (guint j = 0; j < out->len; j++)
        {
          PcnSession *other = g_ptr_array_index (out, j);

          if (g_ascii_strcasecmp (other->practice, part) == 0)
            {
              g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_DUPLICATE,
                           _("practice “%s” is listed twice"), part);
              return NULL;
            }
        }

      g_ptr_array_add (out, pcn_session_new (part, sessions));
    }

  return g_steal_pointer (&out);
}

char *
pcn_sessions_format (GPtrArray *sessions)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; sessions && i < sessions->len; i++)
    {
      PcnSession *ss = g_ptr_array_index (sessions, i);

      if (i > 0)
        g_string_append (s, "; ");
      g_string_append (s, ss->practice);
      if (ss->sessions > 0)
        g_string_append_printf (s, "=%d", ss->sessions);
    }
  return g_string_free (s, FALSE);
}

static void
pcn_staff_finalize (GObject *object)
{
  PcnStaff *self = (PcnStaff *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->payroll_id, g_free);
  g_clear_pointer (&self->role_code, g_free);
  g_clear_pointer (&self->role_name, g_free);
  g_clear_pointer (&self->start_date, g_free);
  g_clear_pointer (&self->end_date, g_free);
  g_clear_pointer (&self->leaving_reason, g_free);
  g_clear_pointer (&self->band, g_free);
  g_clear_pointer (&self->employer, g_free);
  g_clear_pointer (&self->sessions, g_ptr_array_unref);

  G_OBJECT_CLASS (pcn_staff_parent_class)->finalize (object);
}

static void
pcn_staff_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  PcnStaff *self = PCN_STAFF (object);

  switch (prop_id)
    {
    case PROP_ID: g_value_set_int64 (value, self->id); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_PAYROLL_ID: g_value_set_string (value, self->payroll_id); break;
    case PROP_ROLE_CODE: g_value_set_string (value, self->role_code); break;
    case PROP_ROLE_NAME: g_value_set_string (value, self->role_name); break;
    case PROP_START_DATE: g_value_set_string (value, self->start_date); break;
    case PROP_END_DATE: g_value_set_string (value, self->end_date); break;
    case PROP_LEAVING_REASON: g_value_set_string (value, self->leaving_reason); break;
    case PROP_WTE: g_value_set_int (value, self->wte); break;
    case PROP_BAND: g_value_set_string (value, self->band); break;
    case PROP_ANNUAL_SALARY: g_value_set_int64 (value, self->annual_salary); break;
    case PROP_EMPLOYER: g_value_set_string (value, self->employer); break;
    case PROP_PRACTICES: g_value_take_string (value, pcn_staff_dup_practices_text (self)); break;
    case PROP_CLAIMABLE: g_value_set_boolean (value, self->claimable); break;
    case PROP_PRIOR_EMPLOYMENT_12M: g_value_set_boolean (value, self->prior_employment_12m); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_staff_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  PcnStaff *self = PCN_STAFF (object);

  switch (prop_id)
    {
    case PROP_ID: pcn_staff_set_id (self, g_value_get_int64 (value)); break;
    case PROP_NAME: pcn_staff_set_name (self, g_value_get_string (value)); break;
    case PROP_PAYROLL_ID: pcn_staff_set_payroll_id (self, g_value_get_string (value)); break;
    case PROP_ROLE_CODE: pcn_staff_set_role_code (self, g_value_get_string (value)); break;
    case PROP_ROLE_NAME: pcn_staff_set_role_name (self, g_value_get_string (value)); break;
    case PROP_START_DATE: pcn_staff_set_start_date (self, g_value_get_string (value)); break;
    case PROP_END_DATE: pcn_staff_set_end_date (self, g_value_get_string (value)); break;
    case PROP_LEAVING_REASON: pcn_staff_set_leaving_reason (self, g_value_get_string (value)); break;
    case PROP_WTE: pcn_staff_set_wte (self, g_value_get_int (value)); break;
    case PROP_BAND: pcn_staff_set_band (self, g_value_get_string (value)); break;
    case PROP_ANNUAL_SALARY: pcn_staff_set_annual_salary (self, g_value_get_int64 (value)); break;
    case PROP_EMPLOYER: pcn_staff_set_employer (self, g_value_get_string (value)); break;
    case PROP_CLAIMABLE: pcn_staff_set_claimable (self, g_value_get_boolean (value)); break;
    case PROP_PRIOR_EMPLOYMENT_12M:
      pcn_staff_set_prior_employment_12m (self, g_value_get_boolean (value));
      break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_staff_class_init (PcnStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pcn_staff_finalize;
  object_class->get_property = pcn_staff_get_property;
  object_class->set_property = pcn_staff_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, rw);
  properties[PROP_PAYROLL_ID] = g_param_spec_string ("payroll-id", NULL, NULL, NULL, rw);
  properties[PROP_ROLE_CODE] = g_param_spec_string ("role-code", NULL, NULL, NULL, rw);
  properties[PROP_ROLE_NAME] = g_param_spec_string ("role-name", NULL, NULL, NULL, rw);
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL, rw);
  properties[PROP_END_DATE] = g_param_spec_string ("end-date", NULL, NULL, NULL, rw);
  properties[PROP_LEAVING_REASON] = g_param_spec_string ("leaving-reason", NULL, NULL, NULL, rw);
  properties[PROP_WTE] = g_param_spec_int ("wte", NULL, NULL, 0, PCN_WTE_FULL, PCN_WTE_FULL, rw);
  properties[PROP_BAND] = g_param_spec_string ("band", NULL, NULL, NULL, rw);
  properties[PROP_ANNUAL_SALARY] = g_param_spec_int64 ("annual-salary", NULL, NULL,
                                                       -1, G_MAXINT64, -1, rw);
  properties[PROP_EMPLOYER] = g_param_spec_string ("employer", NULL, NULL, NULL, rw);
  properties[PROP_PRACTICES] = g_param_spec_string ("practices", NULL, NULL, NULL,
                                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CLAIMABLE] = g_param_spec_boolean ("claimable", NULL, NULL, TRUE, rw);
  properties[PROP_PRIOR_EMPLOYMENT_12M] = g_param_spec_boolean ("prior-employment-12m",
                                                                NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pcn_staff_init (PcnStaff *self)
{
  self->wte = PCN_WTE_FULL;
  self->annual_salary = -1;
  self->claimable = TRUE;
  self->sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) pcn_session_free);
}

PcnStaff *
pcn_staff_new (void)
{
  return g_object_new (PCN_TYPE_STAFF, NULL);
}

PcnStaff *
pcn_staff_copy (PcnStaff *self)
{
  PcnStaff *copy;

  g_return_val_if_fail (PCN_IS_STAFF (self), NULL);

  copy = pcn_staff_new ();
  copy->id = self->id;
  copy->name = g_strdup (self->name);
  copy->payroll_id = g_strdup (self->payroll_id);
  copy->role_code = g_strdup (self->role_code);
  copy->role_name = g_strdup (self->role_name);
  copy->start_date = g_strdup (self->start_date);
  copy->end_date = g_strdup (self->end_date);
  copy->leaving_reason = g_strdup (self->leaving_reason);
  copy->wte = self->wte;
  copy->band = g_strdup (self->band);
  copy->annual_salary = self->annual_salary;
  copy->employer = g_strdup (self->employer);
  copy->claimable = self->claimable;
  copy->prior_employment_12m = self->prior_employment_12m;
  pcn_staff_set_sessions (copy, self->sessions);
  return copy;
}

/* Empty strings are stored as NULL so "not given" has one spelling. */
static gboolean
set_string (PcnStaff   *self,
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
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

#define STRING_ACCESSORS(field, PROP)                                        \
  const char *                                                               \
  pcn_staff_get_##field (PcnStaff *self)                                     \
  {                                                                          \
    g_return_val_if_fail (PCN_IS_STAFF (self), NULL);                        \
    return self->field;                                                      \
  }                                                                          \
  void                                                                       \
  pcn_staff_set_##field (PcnStaff   *self,                                   \
                         const char *value)                                  \
  {                                                                          \
    g_return_if_fail (PCN_IS_STAFF (self));                                  \
    set_string (self, &self->field, value, PROP);                            \
  }

STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (payroll_id, PROP_PAYROLL_ID)
STRING_ACCESSORS (role_code, PROP_ROLE_CODE)
STRING_ACCESSORS (role_name, PROP_ROLE_NAME)
STRING_ACCESSORS (start_date, PROP_START_DATE)
STRING_ACCESSORS (end_date, PROP_END_DATE)
STRING_ACCESSORS (leaving_reason, PROP_LEAVING_REASON)
STRING_ACCESSORS (band, PROP_BAND)
STRING_ACCESSORS (employer, PROP_EMPLOYER)

gint64
pcn_staff_get_id (PcnStaff *self)
{
  g_return_val_if_fail (PCN_IS_STAFF (self), 0);
  return self->id;
}

void
pcn_staff_set_id (PcnStaff *self,
                  gint64    id)
{
  g_return_if_fail (PCN_IS_STAFF (self));
  if (self->id == id)
    return;
  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

int
pcn_staff_get_wte (PcnStaff *self)
{
  g_return_val_if_fail (PCN_IS_STAFF (self), 0);
  return self->wte;
}

void
pcn_staff_set_wte (PcnStaff *self,
                   int       wte_milli)
{
  g_return_if_fail (PCN_IS_STAFF (self));
  if (self->wte == wte_milli)
    return;
  self->wte = wte_milli;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WTE]);
}

gint64
pcn_staff_get_annual_salary (PcnStaff *self)
{
  g_return_val_if_fail (PCN_IS_STAFF (self), -1);
  return self->annual_salary;
}

void
pcn_staff_set_annual_salary (PcnStaff *self,
                             gint64    pence)
{
  g_return_if_fail (PCN_IS_STAFF (self));
  if (pence < 0)
    pence = -1;
  if (self->annual_salary == pence)
    return;
  self->annual_salary = pence;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ANNUAL_SALARY]);
}

gboolean
pcn_staff_get_claimable (PcnStaff *self)
{
  g_return_val_if_fail (PCN_IS_STAFF (self), FALSE);
  return self->claimable;
}

void
pcn_staff_set_claimable (PcnStaff *self,
                         gboolean  claimable)
{
  g_return_if_fail (PCN_IS_STAFF (self));
  claimable = !!claimable;
  if (self->claimable == claimable)
    return;
  self->claimable = claimable;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIMABLE]);
}

gboolean
pcn_staff_get_prior_employment_12m (PcnStaff *self)
{
  g_return_val_if_fail (PCN_IS_STAFF (self), FALSE);
  return self->prior_employment_12m;
}

void
pcn_staff_set_prior_employment_12m (PcnStaff *self,
                                    gboolean  value)
{
  g_return_if_fail (PCN_IS_STAFF (self));
  value = !!value;
  if (self->prior_employment_12m == value)
    return;
  self->prior_employment_12m = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PRIOR_EMPLOYMENT_12M]);
}

GPtrArray *
pcn_staff_get_sessions (PcnStaff *self)
{
  g_return_val_if_fail (PCN_IS_STAFF (self), NULL);
  return self->sessions;
}

void
pcn_staff_set_sessions (PcnStaff  *self,
                        GPtrArray *sessions)
{
  g_return_if_fail (PCN_IS_STAFF (self));

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
pcn_staff_dup_practices_text (PcnStaff *self)
{
  g_return_val_if_fail (PCN_IS_STAFF (self), NULL);
  return pcn_sessions_format (self->sessions);
}

gboolean
pcn_staff_has_practice (PcnStaff   *self,
                        const char *practice)
{
  g_return_val_if_fail (PCN_IS_STAFF (self), FALSE);

  for (guint i = 0; i < self->sessions->len; i++)
    {
      PcnSession *s = g_ptr_array_index (self->sessions, i);
      if (g_strcmp0 (s->practice, practice) == 0)
        return TRUE;
    }
  return FALSE;
}

PcnStaffStatus
pcn_staff_get_status (PcnStaff    *self,
                      const GDate *as_at)
{
  GDate d;

  g_return_val_if_fail (PCN_IS_STAFF (self), PCN_STAFF_STATUS_IN_POST);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), PCN_STAFF_STATUS_IN_POST);

  if (self->end_date && pcn_date_from_iso (self->end_date, &d) && g_date_compare (&d, as_at) < 0)
    return PCN_STAFF_STATUS_LEFT;
  if (self->start_date && pcn_date_from_iso (self->start_date, &d) &&
      g_date_compare (&d, as_at) > 0)
    return PCN_STAFF_STATUS_STARTING;
  return PCN_STAFF_STATUS_IN_POST;
}

const char *
pcn_staff_status_to_string (PcnStaffStatus status)
{
  switch (status)
    {
    case PCN_STAFF_STATUS_IN_POST: return "in_post";
    case PCN_STAFF_STATUS_STARTING: return "starting";
    case PCN_STAFF_STATUS_LEFT: return "left";
    default: g_return_val_if_reached ("in_post");
    }
}

const char *
pcn_staff_status_get_label (PcnStaffStatus status)
{
  switch (status)
    {
    case PCN_STAFF_STATUS_IN_POST: return _("In post");
    case PCN_STAFF_STATUS_STARTING: return _("Starting");
    case PCN_STAFF_STATUS_LEFT: return _("Left");
    default: g_return_val_if_reached ("");
    }
}

static gboolean
check_text (const char  *text,
            const char  *what,
            gboolean     required,
            GError     **error)
{
  if (text == NULL || *text == '\0')
    {
      if (required)
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("%s is required"), what);
          return FALSE;
        }
      return TRUE;
    }
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID, _("%s is not valid UTF-8"), what);
      return FALSE;
    }
  if (g_utf8_strlen (text, -1) > MAX_TEXT)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("%s is longer than %d characters"), what, MAX_TEXT);
      return FALSE;
    }
  for (const char *p = text; *p; p++)
    {
      if ((guchar) *p < 0x20)
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                       _("%s contains a line break or control character"), what);
          return FALSE;
        }
    }
  if (g_ascii_isspace (text[0]) || g_ascii_isspace (text[strlen (text) - 1]))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("%s starts or ends with a space"), what);
      return FALSE;
    }
  return TRUE;
}

#define FAIL_FIELD(f) G_STMT_START { if (out_field) *out_field = (f); return FALSE; } G_STMT_END

gboolean
pcn_staff_validate (PcnStaff    *self,
                    GPtrArray   *roles,
                    GPtrArray   *practice_names,
                    const char **out_field,
                    GError     **error)
{
  GDate start, end;

  g_return_val_if_fail (PCN_IS_STAFF (self), FALSE);

  if (!check_text (self->name, _("The name"), TRUE, error))
    FAIL_FIELD ("name");
  if (!check_text (self->payroll_id, _("The payroll ID"), FALSE, error))
    FAIL_FIELD ("payroll_id");

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

  if (self->start_date == NULL)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("The start date is required"));
      FAIL_FIELD ("start_date");
    }
  if (!pcn_date_from_iso (self->start_date, &start))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a valid start date"), self->start_date);
      FAIL_FIELD ("start_date");
    }

  if (self->end_date != NULL)
    {
      if (!pcn_date_from_iso (self->end_date, &end))
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                       _("“%s” is not a valid end date"), self->end_date);
          FAIL_FIELD ("end_date");
        }
      if (g_date_compare (&end, &start) < 0)
        {
          g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                       _("The end date %s is before the start date %s"),
                       self->end_date, self->start_date);
          FAIL_FIELD ("end_date");
        }
    }
  if (self->leaving_reason != NULL && self->end_date == NULL)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("A leaving reason is only given with an end date"));
      FAIL_FIELD ("leaving_reason");
    }
  if (!check_text (self->leaving_reason, _("The leaving reason"), FALSE, error))
    FAIL_FIELD ("leaving_reason");

  if (self->wte <= 0 || self->wte > PCN_WTE_FULL)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The WTE must be more than 0 and at most 1"));
      FAIL_FIELD ("wte");
    }

  if (!check_text (self->band, _("The band"), FALSE, error))
    FAIL_FIELD ("band");
  if (self->band && strlen (self->band) > 20)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The band is longer than 20 characters"));
      FAIL_FIELD ("band");
    }

  if (self->annual_salary > G_GINT64_CONSTANT (100000000))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("The annual salary is over £1,000,000: check the figure"));
      FAIL_FIELD ("annual_salary");
    }

  if (!check_text (self->employer, _("The employer"), FALSE, error))
    FAIL_FIELD ("employer");

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

  return TRUE;
}

gboolean
pcn_staff_validate_leaver (PcnStaff    *self,
                           const char  *end_date,
                           const char  *reason,
                           const char **out_field,
                           GError     **error)
{
  g_autoptr(PcnStaff) copy = NULL;
  g_autoptr(GError) local_error = NULL;
  GDate d;

  g_return_val_if_fail (PCN_IS_STAFF (self), FALSE);

  if (end_date == NULL || *end_date == '\0')
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                   _("The last day in post is required"));
      FAIL_FIELD ("end_date");
    }
  if (!pcn_date_parse (end_date, &d, &local_error))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      FAIL_FIELD ("end_date");
    }
  if (reason == NULL || *reason == '\0')
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                   _("A leaving reason is required, so turnover can be understood"));
      FAIL_FIELD ("leaving_reason");
    }

  copy = pcn_staff_copy (self);
  {
    g_autofree char *iso = pcn_date_to_iso (&d);
    pcn_staff_set_end_date (copy, iso);
  }
  pcn_staff_set_leaving_reason (copy, reason);
  return pcn_staff_validate (copy, NULL, NULL, out_field, error);
}
