/* pcn-supervision-rows.c — the items of the Supervision page's tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-supervision-rows.h"

static char *
display_date (const char *iso,
              const char *otherwise)
{
  if (iso == NULL)
    return g_strdup (otherwise);
  return pcn_iso_format_display (iso);
}

/* ============================================================ status */

struct _PcnSupervisionStatusRow
{
  GObject               parent_instance;

  PcnStaff             *staff;
  PcnSupervisionKind    kind;
  PcnSupervisionStatus  status;
  char                 *practices;
  char                 *last;
  char                 *next_due;
  char                 *next_due_iso;
  char                 *supervisors;
};

G_DEFINE_FINAL_TYPE (PcnSupervisionStatusRow, pcn_supervision_status_row, G_TYPE_OBJECT)

enum {
  STATUS_PROP_0,
  STATUS_PROP_NAME,
  STATUS_PROP_ROLE_NAME,
  STATUS_PROP_PRACTICES,
  STATUS_PROP_KIND_LABEL,
  STATUS_PROP_STATUS,
  STATUS_PROP_STATUS_LABEL,
  STATUS_PROP_STATUS_ICON,
  STATUS_PROP_STATUS_CLASS,
  STATUS_PROP_LAST,
  STATUS_PROP_NEXT_DUE,
  STATUS_PROP_NEXT_DUE_ISO,
  STATUS_PROP_SUPERVISORS,
  STATUS_N_PROPS
};

static GParamSpec *status_properties[STATUS_N_PROPS];

const char *
pcn_supervision_status_get_icon_name (PcnSupervisionStatus status)
{
  switch (status)
    {
    case PCN_SUPERVISION_STATUS_UP_TO_DATE:
      return "emblem-ok-symbolic";
    case PCN_SUPERVISION_STATUS_DUE_SOON:
      return "alarm-symbolic";
    case PCN_SUPERVISION_STATUS_OVERDUE:
      return "dialog-warning-symbolic";
    case PCN_SUPERVISION_STATUS_NO_SUPERVISOR:
    default:
      return "dialog-question-symbolic";
    }
}

const char *
pcn_supervision_status_get_css_class (PcnSupervisionStatus status)
{
  switch (status)
    {
    case PCN_SUPERVISION_STATUS_UP_TO_DATE:
      return "success";
    case PCN_SUPERVISION_STATUS_DUE_SOON:
      return "warning";
    case PCN_SUPERVISION_STATUS_OVERDUE:
      return "error";
    case PCN_SUPERVISION_STATUS_NO_SUPERVISOR:
    default:
      return "dim-label";
    }
}

static void
pcn_supervision_status_row_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  PcnSupervisionStatusRow *self = PCN_SUPERVISION_STATUS_ROW (object);

  switch (prop_id)
    {
    case STATUS_PROP_NAME:
      g_value_set_string (value, pcn_staff_get_name (self->staff));
      break;
    case STATUS_PROP_ROLE_NAME:
      g_value_set_string (value, pcn_staff_get_role_name (self->staff)
                                 ?: pcn_staff_get_role_code (self->staff));
      break;
    case STATUS_PROP_PRACTICES:
      g_value_set_string (value, self->practices);
      break;
    case STATUS_PROP_KIND_LABEL:
      g_value_set_string (value, pcn_supervision_kind_get_label (self->kind));
      break;
    case STATUS_PROP_STATUS:
      g_value_set_int (value, self->status);
      break;
    case STATUS_PROP_STATUS_LABEL:
      g_value_set_string (value, pcn_supervision_status_get_label (self->status));
      break;
    case STATUS_PROP_STATUS_ICON:
      g_value_set_string (value, pcn_supervision_status_get_icon_name (self->status));
      break;
    case STATUS_PROP_STATUS_CLASS:
      g_value_set_string (value, pcn_supervision_status_get_css_class (self->status));
      break;
    case STATUS_PROP_LAST:
      g_value_set_string (value, self->last);
      break;
    case STATUS_PROP_NEXT_DUE:
      g_value_set_string (value, self->next_due);
      break;
    case STATUS_PROP_NEXT_DUE_ISO:
      g_value_set_string (value, self->next_due_iso);
      break;
    case STATUS_PROP_SUPERVISORS:
      g_value_set_string (value, self->supervisors);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_supervision_status_row_finalize (GObject *object)
{
  PcnSupervisionStatusRow *self = PCN_SUPERVISION_STATUS_ROW (object);

  g_clear_object (&self->staff);
  g_free (self->practices);
  g_free (self->last);
  g_free (self->next_due);
  g_free (self->next_due_iso);
  g_free (self->supervisors);
  G_OBJECT_CLASS (pcn_supervision_status_row_parent_class)->finalize (object);
}

static void
pcn_supervision_status_row_class_init (PcnSupervisionStatusRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = pcn_supervision_status_row_get_property;
  object_class->finalize = pcn_supervision_status_row_finalize;

  status_properties[STATUS_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_ROLE_NAME] = g_param_spec_string ("role-name", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_PRACTICES] = g_param_spec_string ("practices", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_KIND_LABEL] = g_param_spec_string ("kind-label", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0,
                                                            PCN_SUPERVISION_N_STATUSES - 1, 0, flags);
  status_properties[STATUS_PROP_STATUS_LABEL] = g_param_spec_string ("status-label", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_STATUS_ICON] = g_param_spec_string ("status-icon", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_STATUS_CLASS] = g_param_spec_string ("status-class", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_LAST] = g_param_spec_string ("last", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_NEXT_DUE] = g_param_spec_string ("next-due", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_NEXT_DUE_ISO] = g_param_spec_string ("next-due-iso", NULL, NULL, NULL, flags);
  status_properties[STATUS_PROP_SUPERVISORS] = g_param_spec_string ("supervisors", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, STATUS_N_PROPS, status_properties);
}

static void
pcn_supervision_status_row_init (PcnSupervisionStatusRow *self)
{
}

PcnSupervisionStatusRow *
pcn_supervision_status_row_new (PcnStaff                       *staff,
                                const PcnSupervisionKindStatus *status)
{
  PcnSupervisionStatusRow *self;
  GPtrArray *sessions;
  GString *practices = g_string_new (NULL);

  g_return_val_if_fail (PCN_IS_STAFF (staff), NULL);
  g_return_val_if_fail (status != NULL, NULL);

  self = g_object_new (PCN_TYPE_SUPERVISION_STATUS_ROW, NULL);
  self->staff = g_object_ref (staff);
  self->kind = status->kind;
  self->status = status->status;
  sessions = pcn_staff_get_sessions (staff);
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      PcnSession *session = g_ptr_array_index (sessions, i);

      if (practices->len > 0)
        g_string_append (practices, ", ");
      g_string_append (practices, session->practice);
    }
  self->practices = g_string_free (practices, FALSE);
  /* Translators: the last supervision session of someone never supervised */
  self->last = display_date (status->last, C_("last session", "Never"));
  /* Translators: next due date when the role's frequency is not known */
  self->next_due = display_date (status->next_due, _("Not known"));
  self->next_due_iso = g_strdup (status->next_due ?: "9999-12-31");
  /* Translators: no supervisor of this kind is named */
  self->supervisors = g_strdup (status->supervisors ?: _("None named"));
  return self;
}

PcnStaff *
pcn_supervision_status_row_get_staff (PcnSupervisionStatusRow *self)
{
  g_return_val_if_fail (PCN_IS_SUPERVISION_STATUS_ROW (self), NULL);
  return self->staff;
}

PcnSupervisionKind
pcn_supervision_status_row_get_kind (PcnSupervisionStatusRow *self)
{
  g_return_val_if_fail (PCN_IS_SUPERVISION_STATUS_ROW (self), 0);
  return self->kind;
}

PcnSupervisionStatus
pcn_supervision_status_row_get_status (PcnSupervisionStatusRow *self)
{
  g_return_val_if_fail (PCN_IS_SUPERVISION_STATUS_ROW (self), 0);
  return self->status;
}

const char *
pcn_supervision_status_row_get_status_label (PcnSupervisionStatusRow *self)
{
  g_return_val_if_fail (PCN_IS_SUPERVISION_STATUS_ROW (self), NULL);
  return pcn_supervision_status_get_label (self->status);
}

/* ============================================================ role */

struct _PcnSupervisionRoleRow
{
  GObject  parent_instance;

  char    *role_name;
  guint    counts[PCN_SUPERVISION_N_STATUSES];
};

G_DEFINE_FINAL_TYPE (PcnSupervisionRoleRow, pcn_supervision_role_row, G_TYPE_OBJECT)

enum {
  ROLE_PROP_0,
  ROLE_PROP_ROLE_NAME,
  ROLE_PROP_UP_TO_DATE,
  ROLE_PROP_DUE_SOON,
  ROLE_PROP_OVERDUE,
  ROLE_PROP_NO_SUPERVISOR,
  ROLE_PROP_TOTAL,
  ROLE_N_PROPS
};

static GParamSpec *role_properties[ROLE_N_PROPS];

static void
pcn_supervision_role_row_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  PcnSupervisionRoleRow *self = PCN_SUPERVISION_ROLE_ROW (object);
  guint total = 0;

  switch (prop_id)
    {
    case ROLE_PROP_ROLE_NAME:
      g_value_set_string (value, self->role_name);
      break;
    case ROLE_PROP_UP_TO_DATE:
    case ROLE_PROP_DUE_SOON:
    case ROLE_PROP_OVERDUE:
    case ROLE_PROP_NO_SUPERVISOR:
      g_value_set_uint (value, self->counts[prop_id - ROLE_PROP_UP_TO_DATE]);
      break;
    case ROLE_PROP_TOTAL:
      for (guint i = 0; i < PCN_SUPERVISION_N_STATUSES; i++)
        total += self->counts[i];
      g_value_set_uint (value, total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_supervision_role_row_finalize (GObject *object)
{
  PcnSupervisionRoleRow *self = PCN_SUPERVISION_ROLE_ROW (object);

  g_free (self->role_name);
  G_OBJECT_CLASS (pcn_supervision_role_row_parent_class)->finalize (object);
}

static void
pcn_supervision_role_row_class_init (PcnSupervisionRoleRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = pcn_supervision_role_row_get_property;
  object_class->finalize = pcn_supervision_role_row_finalize;

  role_properties[ROLE_PROP_ROLE_NAME] = g_param_spec_string ("role-name", NULL, NULL, NULL, flags);
  role_properties[ROLE_PROP_UP_TO_DATE] = g_param_spec_uint ("up-to-date", NULL, NULL, 0, G_MAXUINT, 0, flags);
  role_properties[ROLE_PROP_DUE_SOON] = g_param_spec_uint ("due-soon", NULL, NULL, 0, G_MAXUINT, 0, flags);
  role_properties[ROLE_PROP_OVERDUE] = g_param_spec_uint ("overdue", NULL, NULL, 0, G_MAXUINT, 0, flags);
  role_properties[ROLE_PROP_NO_SUPERVISOR] = g_param_spec_uint ("no-supervisor", NULL, NULL, 0, G_MAXUINT, 0, flags);
  role_properties[ROLE_PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  g_object_class_install_properties (object_class, ROLE_N_PROPS, role_properties);
}

static void
pcn_supervision_role_row_init (PcnSupervisionRoleRow *self)
{
}

PcnSupervisionRoleRow *
pcn_supervision_role_row_new (const PcnSupervisionRoleSummary *summary)
{
  PcnSupervisionRoleRow *self;

  g_return_val_if_fail (summary != NULL, NULL);

  self = g_object_new (PCN_TYPE_SUPERVISION_ROLE_ROW, NULL);
  self->role_name = g_strdup (summary->role_name ?: summary->role_code);
  memcpy (self->counts, summary->counts, sizeof self->counts);
  return self;
}

guint
pcn_supervision_role_row_get_count (PcnSupervisionRoleRow *self,
                                    PcnSupervisionStatus   status)
{
  g_return_val_if_fail (PCN_IS_SUPERVISION_ROLE_ROW (self), 0);
  g_return_val_if_fail (status < PCN_SUPERVISION_N_STATUSES, 0);
  return self->counts[status];
}

const char *
pcn_supervision_role_row_get_role_name (PcnSupervisionRoleRow *self)
{
  g_return_val_if_fail (PCN_IS_SUPERVISION_ROLE_ROW (self), NULL);
  return self->role_name;
}

/* ============================================================ load */

struct _PcnSupervisorLoadRow
{
  GObject   parent_instance;

  char     *name;
  char     *profession;
  guint     supervisees;
  gint64    weekly_minutes;
  gint64    planned_minutes;
  gint64    logged_minutes;
  gint64    planned_cost;
  gint64    logged_cost;
  gboolean  total;
};

G_DEFINE_FINAL_TYPE (PcnSupervisorLoadRow, pcn_supervisor_load_row, G_TYPE_OBJECT)

enum {
  LOAD_PROP_0,
  LOAD_PROP_NAME,
  LOAD_PROP_PROFESSION,
  LOAD_PROP_SUPERVISEES,
  LOAD_PROP_WEEKLY_MINUTES,
  LOAD_PROP_PLANNED_MINUTES,
  LOAD_PROP_LOGGED_MINUTES,
  LOAD_PROP_PLANNED_COST,
  LOAD_PROP_LOGGED_COST,
  LOAD_PROP_PLANNED_COST_TEXT,
  LOAD_PROP_LOGGED_COST_TEXT,
  LOAD_PROP_TOTAL,
  LOAD_N_PROPS
};

static GParamSpec *load_properties[LOAD_N_PROPS];

static char *
cost_text (gint64 pence)
{
  if (pence < 0)
    /* Translators: a cost when the GP hourly rate is not set */
    return g_strdup (_("No rate set"));
  return pcn_money_format (pence);
}

static void
pcn_supervisor_load_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  PcnSupervisorLoadRow *self = PCN_SUPERVISOR_LOAD_ROW (object);

  switch (prop_id)
    {
    case LOAD_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case LOAD_PROP_PROFESSION:
      g_value_set_string (value, self->profession);
      break;
    case LOAD_PROP_SUPERVISEES:
      g_value_set_uint (value, self->supervisees);
      break;
    case LOAD_PROP_WEEKLY_MINUTES:
      g_value_set_int64 (value, self->weekly_minutes);
      break;
    case LOAD_PROP_PLANNED_MINUTES:
      g_value_set_int64 (value, self->planned_minutes);
      break;
    case LOAD_PROP_LOGGED_MINUTES:
      g_value_set_int64 (value, self->logged_minutes);
      break;
    case LOAD_PROP_PLANNED_COST:
      g_value_set_int64 (value, self->planned_cost);
      break;
    case LOAD_PROP_LOGGED_COST:
      g_value_set_int64 (value, self->logged_cost);
      break;
    case LOAD_PROP_PLANNED_COST_TEXT:
      g_value_take_string (value, cost_text (self->planned_cost));
      break;
    case LOAD_PROP_LOGGED_COST_TEXT:
      g_value_take_string (value, cost_text (self->logged_cost));
      break;
    case LOAD_PROP_TOTAL:
      g_value_set_boolean (value, self->total);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_supervisor_load_row_finalize (GObject *object)
{
  PcnSupervisorLoadRow *self = PCN_SUPERVISOR_LOAD_ROW (object);

  g_free (self->name);
  g_free (self->profession);
  G_OBJECT_CLASS (pcn_supervisor_load_row_parent_class)->finalize (object);
}

static void
pcn_supervisor_load_row_class_init (PcnSupervisorLoadRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = pcn_supervisor_load_row_get_property;
  object_class->finalize = pcn_supervisor_load_row_finalize;

  load_properties[LOAD_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  load_properties[LOAD_PROP_PROFESSION] = g_param_spec_string ("profession", NULL, NULL, NULL, flags);
  load_properties[LOAD_PROP_SUPERVISEES] = g_param_spec_uint ("supervisees", NULL, NULL, 0, G_MAXUINT, 0, flags);
  load_properties[LOAD_PROP_WEEKLY_MINUTES] = g_param_spec_int64 ("weekly-minutes", NULL, NULL, 0, G_MAXINT64, 0, flags);
  load_properties[LOAD_PROP_PLANNED_MINUTES] = g_param_spec_int64 ("planned-minutes", NULL, NULL, 0, G_MAXINT64, 0, flags);
  load_properties[LOAD_PROP_LOGGED_MINUTES] = g_param_spec_int64 ("logged-minutes", NULL, NULL, 0, G_MAXINT64, 0, flags);
  load_properties[LOAD_PROP_PLANNED_COST] = g_param_spec_int64 ("planned-cost", NULL, NULL, -1, G_MAXINT64, -1, flags);
  load_properties[LOAD_PROP_LOGGED_COST] = g_param_spec_int64 ("logged-cost", NULL, NULL, -1, G_MAXINT64, -1, flags);
  load_properties[LOAD_PROP_PLANNED_COST_TEXT] = g_param_spec_string ("planned-cost-text", NULL, NULL, NULL, flags);
  load_properties[LOAD_PROP_LOGGED_COST_TEXT] = g_param_spec_string ("logged-cost-text", NULL, NULL, NULL, flags);
  load_properties[LOAD_PROP_TOTAL] = g_param_spec_boolean ("total", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, LOAD_N_PROPS, load_properties);
}

static void
pcn_supervisor_load_row_init (PcnSupervisorLoadRow *self)
{
}

PcnSupervisorLoadRow *
pcn_supervisor_load_row_new (const PcnSupervisorLoad *load,
                             const char              *name,
                             gboolean                 total)
{
  PcnSupervisorLoadRow *self;

  g_return_val_if_fail (load != NULL, NULL);

  self = g_object_new (PCN_TYPE_SUPERVISOR_LOAD_ROW, NULL);
  self->name = g_strdup (name ?: load->supervisor);
  self->profession = g_strdup (load->profession ?: "");
  self->supervisees = load->supervisees;
  self->weekly_minutes = load->weekly_minutes;
  self->planned_minutes = load->planned_minutes;
  self->logged_minutes = load->logged_minutes;
  self->planned_cost = load->planned_cost_pence;
  self->logged_cost = load->logged_cost_pence;
  self->total = !!total;
  return self;
}

gint64
pcn_supervisor_load_row_get_planned_cost (PcnSupervisorLoadRow *self)
{
  g_return_val_if_fail (PCN_IS_SUPERVISOR_LOAD_ROW (self), -1);
  return self->planned_cost;
}

/* ============================================================ integration */

struct _PcnIntegrationRow
{
  GObject     parent_instance;

  GPtrArray  *checks;
  PcnIntegrationCheck *check;
};

G_DEFINE_FINAL_TYPE (PcnIntegrationRow, pcn_integration_row, G_TYPE_OBJECT)

enum {
  INT_PROP_0,
  INT_PROP_NAME,
  INT_PROP_ROLE_NAME,
  INT_PROP_SCORE,
  INT_PROP_SCORE_LABEL,
  INT_PROP_FLAGS,
  INT_N_PROPS
};

static GParamSpec *int_properties[INT_N_PROPS];

static char *
flags_text (PcnIntegrationCheck *check)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < PCN_INTEGRATION_N_INDICATORS; i++)
    {
      if (check->met[i] != PCN_ANSWER_NO)
        continue;
      if (text->len > 0)
        /* Translators: between the indicators not met in a list */
        g_string_append (text, _(", "));
      g_string_append (text, pcn_integration_indicator_get_label (i));
    }
  if (text->len == 0)
    /* Translators: no integration indicator is known to be unmet */
    return g_strdup (_("None"));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
pcn_integration_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  PcnIntegrationRow *self = PCN_INTEGRATION_ROW (object);

  switch (prop_id)
    {
    case INT_PROP_NAME:
      g_value_set_string (value, pcn_staff_get_name (self->check->staff));
      break;
    case INT_PROP_ROLE_NAME:
      g_value_set_string (value, pcn_staff_get_role_name (self->check->staff)
                                 ?: pcn_staff_get_role_code (self->check->staff));
      break;
    case INT_PROP_SCORE:
      g_value_set_int (value, self->check->score);
      break;
    case INT_PROP_SCORE_LABEL:
      /* Translators: an integration score, e.g. "5 of 9" */
      g_value_take_string (value, g_strdup_printf (_("%1$d of %2$d"), self->check->score,
                                                   self->check->max_score));
      break;
    case INT_PROP_FLAGS:
      g_value_take_string (value, flags_text (self->check));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_integration_row_finalize (GObject *object)
{
  PcnIntegrationRow *self = PCN_INTEGRATION_ROW (object);

  g_clear_pointer (&self->checks, g_ptr_array_unref);
  G_OBJECT_CLASS (pcn_integration_row_parent_class)->finalize (object);
}

static void
pcn_integration_row_class_init (PcnIntegrationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = pcn_integration_row_get_property;
  object_class->finalize = pcn_integration_row_finalize;

  int_properties[INT_PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  int_properties[INT_PROP_ROLE_NAME] = g_param_spec_string ("role-name", NULL, NULL, NULL, flags);
  int_properties[INT_PROP_SCORE] = g_param_spec_int ("score", NULL, NULL, 0, G_MAXINT, 0, flags);
  int_properties[INT_PROP_SCORE_LABEL] = g_param_spec_string ("score-label", NULL, NULL, NULL, flags);
  int_properties[INT_PROP_FLAGS] = g_param_spec_string ("flags", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, INT_N_PROPS, int_properties);
}

static void
pcn_integration_row_init (PcnIntegrationRow *self)
{
}

PcnIntegrationRow *
pcn_integration_row_new (GPtrArray *checks,
                         guint      index)
{
  PcnIntegrationRow *self;

  g_return_val_if_fail (checks != NULL && index < checks->len, NULL);

  self = g_object_new (PCN_TYPE_INTEGRATION_ROW, NULL);
  self->checks = g_ptr_array_ref (checks);
  self->check = g_ptr_array_index (checks, index);
  return self;
}

const PcnIntegrationCheck *
pcn_integration_row_get_check (PcnIntegrationRow *self)
{
  g_return_val_if_fail (PCN_IS_INTEGRATION_ROW (self), NULL);
  return self->check;
}

int
pcn_integration_row_get_score (PcnIntegrationRow *self)
{
  g_return_val_if_fail (PCN_IS_INTEGRATION_ROW (self), 0);
  return self->check->score;
}

char *
pcn_integration_row_dup_answer_text (PcnIntegrationRow       *self,
                                     PcnIntegrationIndicator  indicator)
{
  PcnAnswer met;

  g_return_val_if_fail (PCN_IS_INTEGRATION_ROW (self), NULL);
  g_return_val_if_fail (indicator < PCN_INTEGRATION_N_INDICATORS, NULL);

  met = self->check->met[indicator];
  if (indicator == PCN_INTEGRATION_FEW_SITES)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: host practices of a person; a flag is added at three */
                                         "%d site", "%d sites", self->check->sites),
                            self->check->sites);
  if (indicator == PCN_INTEGRATION_HOME_TEAM && self->check->home_team != NULL)
    return g_strdup (self->check->home_team);
  if (met == PCN_ANSWER_YES)
    return g_strdup (_("Yes"));
  if (met == PCN_ANSWER_NO)
    return g_strdup (_("No"));
  /* Translators: an integration answer not given yet */
  return g_strdup (_("Not known"));
}
