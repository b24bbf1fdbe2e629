/* pcn-staff-row-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pcn-staff-row-item.h"

struct _PcnStaffRowItem
{
  GObject         parent_instance;

  PcnStaff       *staff;
  char           *search_key;
  char           *wte_text;
  char           *start_text;
  char           *practices_text;
  guint           start_julian;
  PcnStaffStatus  status;
};

G_DEFINE_FINAL_TYPE (PcnStaffRowItem, pcn_staff_row_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STAFF,
  PROP_NAME,
  PROP_PAYROLL_ID,
  PROP_ROLE,
  PROP_WTE,
  PROP_WTE_TEXT,
  PROP_BAND,
  PROP_START_JULIAN,
  PROP_START_TEXT,
  PROP_PRACTICES,
  PROP_EMPLOYER,
  PROP_STATUS,
  PROP_STATUS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
build_search_key (PcnStaff *staff)
{
  g_autoptr(GString) s = g_string_new (NULL);
  const char *parts[] = {
    pcn_staff_get_name (staff),
    pcn_staff_get_payroll_id (staff),
    pcn_staff_get_role_name (staff),
    pcn_staff_get_role_code (staff),
    pcn_staff_get_employer (staff),
  };

  /* A newline separates the fields so no search term (which never holds
   * one) matches across two of them. */
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == NULL)
        continue;
      g_string_append (s, parts[i]);
      g_string_append_c (s, '\n');
    }
  return g_utf8_casefold (s->str, s->len);
}

static char *
format_practices (PcnStaff *staff)
{
  GPtrArray *sessions = pcn_staff_get_sessions (staff);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; i < sessions->len; i++)
    {
      PcnSession *session = g_ptr_array_index (sessions, i);

      if (i > 0)
        /* Translators: separates host practices in the Team list */
        g_string_append (s, _(", "));
      if (session->sessions > 0)
        /* Translators: a host practice and the sessions a week there,
         * e.g. "Riverside Surgery (2)" */
        g_string_append_printf (s, _("%1$s (%2$d)"), session->practice, session->sessions);
      else
        g_string_append (s, session->practice);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static void
pcn_staff_row_item_finalize (GObject *object)
{
  PcnStaffRowItem *self = (PcnStaffRowItem *) object;

  g_clear_object (&self->staff);
  g_clear_pointer (&self->search_key, g_free);
  g_clear_pointer (&self->wte_text, g_free);
  g_clear_pointer (&self->start_text, g_free);
  g_clear_pointer (&self->practices_text, g_free);

  G_OBJECT_CLASS (pcn_staff_row_item_parent_class)->finalize (object);
}

static void
pcn_staff_row_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  PcnStaffRowItem *self = PCN_STAFF_ROW_ITEM (object);

  switch (prop_id)
    {
    case PROP_STAFF:
      g_value_set_object (value, self->staff);
      break;
    case PROP_NAME:
      g_value_set_string (value, pcn_staff_get_name (self->staff));
      break;
    case PROP_PAYROLL_ID:
      g_value_set_string (value, pcn_staff_get_payroll_id (self->staff));
      break;
    case PROP_ROLE:
      g_value_set_string (value, pcn_staff_row_item_get_role (self));
      break;
    case PROP_WTE:
      g_value_set_int (value, pcn_staff_get_wte (self->staff));
      break;
    case PROP_WTE_TEXT:
      g_value_set_string (value, self->wte_text);
      break;
    case PROP_BAND:
      g_value_set_string (value, pcn_staff_get_band (self->staff));
      break;
    case PROP_START_JULIAN:
      g_value_set_uint (value, self->start_julian);
      break;
    case PROP_START_TEXT:
      g_value_set_string (value, self->start_text);
      break;
    case PROP_PRACTICES:
      g_value_set_string (value, self->practices_text);
      break;
    case PROP_EMPLOYER:
      g_value_set_string (value, pcn_staff_get_employer (self->staff));
      break;
    case PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case PROP_STATUS_TEXT:
      g_value_set_string (value, pcn_staff_row_item_get_status_text (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_staff_row_item_class_init (PcnStaffRowItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pcn_staff_row_item_finalize;
  object_class->get_property = pcn_staff_row_item_get_property;

  properties[PROP_STAFF] = g_param_spec_object ("staff", NULL, NULL, PCN_TYPE_STAFF, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_PAYROLL_ID] = g_param_spec_string ("payroll-id", NULL, NULL, NULL, ro);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, ro);
  properties[PROP_WTE] = g_param_spec_int ("wte", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_WTE_TEXT] = g_param_spec_string ("wte-text", NULL, NULL, NULL, ro);
  properties[PROP_BAND] = g_param_spec_string ("band", NULL, NULL, NULL, ro);
  properties[PROP_START_JULIAN] = g_param_spec_uint ("start-julian", NULL, NULL,
                                                     0, G_MAXUINT, 0, ro);
  properties[PROP_START_TEXT] = g_param_spec_string ("start-text", NULL, NULL, NULL, ro);
  properties[PROP_PRACTICES] = g_param_spec_string ("practices", NULL, NULL, NULL, ro);
  properties[PROP_EMPLOYER] = g_param_spec_string ("employer", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_STATUS_TEXT] = g_param_spec_string ("status-text", NULL, NULL, NULL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pcn_staff_row_item_init (PcnStaffRowItem *self)
{
}

/**
 * pcn_staff_row_item_new:
 * @staff: (transfer none): the person; kept, and never changed afterwards
 * @as_at: the date statuses are computed at
 */
PcnStaffRowItem *
pcn_staff_row_item_new (PcnStaff    *staff,
                        const GDate *as_at)
{
  PcnStaffRowItem *self;
  GDate start;

  g_return_val_if_fail (PCN_IS_STAFF (staff), NULL);
  g_return_val_if_fail (as_at != NULL && g_date_valid (as_at), NULL);

  self = g_object_new (PCN_TYPE_STAFF_ROW_ITEM, NULL);
  self->staff = g_object_ref (staff);
  self->search_key = build_search_key (staff);
  self->wte_text = pcn_wte_format (pcn_staff_get_wte (staff));
  self->practices_text = format_practices (staff);
  if (pcn_date_from_iso (pcn_staff_get_start_date (staff), &start))
    {
      self->start_julian = g_date_get_julian (&start);
      self->start_text = pcn_date_format_display (&start);
    }
  else
    self->start_text = g_strdup ("");
  self->status = pcn_staff_get_status (staff, as_at);

  return self;
}

PcnStaff *
pcn_staff_row_item_get_staff (PcnStaffRowItem *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_ROW_ITEM (self), NULL);
  return self->staff;
}

gint64
pcn_staff_row_item_get_id (PcnStaffRowItem *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_ROW_ITEM (self), 0);
  return pcn_staff_get_id (self->staff);
}

PcnStaffStatus
pcn_staff_row_item_get_status (PcnStaffRowItem *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_ROW_ITEM (self), PCN_STAFF_STATUS_IN_POST);
  return self->status;
}

const char *
pcn_staff_row_item_get_status_text (PcnStaffRowItem *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_ROW_ITEM (self), NULL);
  return pcn_staff_status_get_label (self->status);
}

const char *
pcn_staff_row_item_get_wte_text (PcnStaffRowItem *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_ROW_ITEM (self), NULL);
  return self->wte_text;
}

const char *
pcn_staff_row_item_get_role (PcnStaffRowItem *self)
{
  const char *name;

  g_return_val_if_fail (PCN_IS_STAFF_ROW_ITEM (self), NULL);

  name = pcn_staff_get_role_name (self->staff);
  return name != NULL ? name : pcn_staff_get_role_code (self->staff);
}

const char *
pcn_staff_row_item_get_start_text (PcnStaffRowItem *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_ROW_ITEM (self), NULL);
  return self->start_text;
}

const char *
pcn_staff_row_item_get_practices_text (PcnStaffRowItem *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_ROW_ITEM (self), NULL);
  return self->practices_text;
}

void
pcn_staff_row_item_set_as_at (PcnStaffRowItem *self,
                              const GDate     *as_at)
{
  PcnStaffStatus status;

  g_return_if_fail (PCN_IS_STAFF_ROW_ITEM (self));
  g_return_if_fail (as_at != NULL && g_date_valid (as_at));

  status = pcn_staff_get_status (self->staff, as_at);
  if (status == self->status)
    return;
  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
}

const char *
pcn_staff_row_item_get_search_key (PcnStaffRowItem *self)
{
  g_return_val_if_fail (PCN_IS_STAFF_ROW_ITEM (self), NULL);
  return self->search_key;
}

gboolean
pcn_staff_row_item_match_terms (PcnStaffRowItem    *self,
                                const char * const *terms)
{
  g_assert (PCN_IS_STAFF_ROW_ITEM (self));

  for (guint i = 0; terms != NULL && terms[i] != NULL; i++)
    {
      if (strstr (self->search_key, terms[i]) == NULL)
        return FALSE;
    }
  return TRUE;
}
