/* pcn-induction-row.c — one line of the Induction overview
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-induction-row.h"

struct _PcnInductionRow
{
  GObject               parent_instance;

  PcnStaff             *staff;
  PcnInductionProgress  progress;
  char                 *checklist;       /* "PCN", the practice's name, "Employer" */
  char                 *start_text;
  char                 *next_due;        /* ISO, or "9999-12-31" when nothing is open */
  char                 *next_due_text;
  char                 *progress_text;
  char                 *overdue_text;
  char                 *na_text;
};

G_DEFINE_FINAL_TYPE (PcnInductionRow, pcn_induction_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_ROLE,
  PROP_START_DATE,
  PROP_START_TEXT,
  PROP_CHECKLIST,
  PROP_DONE,
  PROP_TOTAL,
  PROP_NA,
  PROP_NA_TEXT,
  PROP_OVERDUE,
  PROP_OVERDUE_TEXT,
  PROP_OVERDUE_CLASSES,
  PROP_NEXT_DUE,
  PROP_NEXT_DUE_TEXT,
  PROP_FRACTION,
  PROP_PROGRESS_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pcn_induction_row_finalize (GObject *object)
{
  PcnInductionRow *self = PCN_INDUCTION_ROW (object);

  g_clear_object (&self->staff);
  g_clear_pointer (&self->progress.practice, g_free);
  g_clear_pointer (&self->checklist, g_free);
  g_clear_pointer (&self->start_text, g_free);
  g_clear_pointer (&self->next_due, g_free);
  g_clear_pointer (&self->next_due_text, g_free);
  g_clear_pointer (&self->progress_text, g_free);
  g_clear_pointer (&self->overdue_text, g_free);
  g_clear_pointer (&self->na_text, g_free);

  G_OBJECT_CLASS (pcn_induction_row_parent_class)->finalize (object);
}

static void
pcn_induction_row_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  PcnInductionRow *self = PCN_INDUCTION_ROW (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, pcn_staff_get_name (self->staff));
      break;
    case PROP_ROLE:
      g_value_set_string (value, pcn_staff_get_role_name (self->staff));
      break;
    case PROP_START_DATE:
      g_value_set_string (value, pcn_staff_get_start_date (self->staff));
      break;
    case PROP_START_TEXT:
      g_value_set_string (value, self->start_text);
      break;
    case PROP_CHECKLIST:
      g_value_set_string (value, self->checklist);
      break;
    case PROP_DONE:
      g_value_set_uint (value, self->progress.items_done);
      break;
    case PROP_TOTAL:
      g_value_set_uint (value, self->progress.items_total);
      break;
    case PROP_NA:
      g_value_set_uint (value, self->progress.items_na);
      break;
    case PROP_NA_TEXT:
      g_value_set_string (value, self->na_text);
      break;
    case PROP_OVERDUE:
      g_value_set_uint (value, self->progress.items_overdue);
      break;
    case PROP_OVERDUE_TEXT:
      g_value_set_string (value, self->overdue_text);
      break;
    case PROP_OVERDUE_CLASSES:
      {
        static const char *const overdue[] = { "error", "heading", NULL };
        static const char *const none[] = { "dim-label", NULL };

        g_value_set_boxed (value, self->progress.items_overdue > 0 ? overdue : none);
      }
      break;
    case PROP_NEXT_DUE:
      g_value_set_string (value, self->next_due);
      break;
    case PROP_NEXT_DUE_TEXT:
      g_value_set_string (value, self->next_due_text);
      break;
    case PROP_FRACTION:
      g_value_set_double (value, pcn_induction_row_get_fraction (self));
      break;
    case PROP_PROGRESS_TEXT:
      g_value_set_string (value, self->progress_text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_induction_row_class_init (PcnInductionRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pcn_induction_row_finalize;
  object_class->get_property = pcn_induction_row_get_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_ROLE] = g_param_spec_string ("role", NULL, NULL, NULL, flags);
  /* ISO, for sorting */
  properties[PROP_START_DATE] = g_param_spec_string ("start-date", NULL, NULL, NULL, flags);
  properties[PROP_START_TEXT] = g_param_spec_string ("start-text", NULL, NULL, NULL, flags);
  properties[PROP_CHECKLIST] = g_param_spec_string ("checklist", NULL, NULL, NULL, flags);
  properties[PROP_DONE] = g_param_spec_uint ("done", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TOTAL] = g_param_spec_uint ("total", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NA] = g_param_spec_uint ("na", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_NA_TEXT] = g_param_spec_string ("na-text", NULL, NULL, NULL, flags);
  properties[PROP_OVERDUE] = g_param_spec_uint ("overdue", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_OVERDUE_TEXT] = g_param_spec_string ("overdue-text", NULL, NULL, NULL, flags);
  /* CSS classes of the overdue count: highlighted when above zero */
  properties[PROP_OVERDUE_CLASSES] = g_param_spec_boxed ("overdue-classes", NULL, NULL,
                                                         G_TYPE_STRV, flags);
  /* ISO, "9999-12-31" when nothing is open, for sorting */
  properties[PROP_NEXT_DUE] = g_param_spec_string ("next-due", NULL, NULL, NULL, flags);
  properties[PROP_NEXT_DUE_TEXT] = g_param_spec_string ("next-due-text", NULL, NULL, NULL, flags);
  /* (done + N/A) / total */
  properties[PROP_FRACTION] = g_param_spec_double ("fraction", NULL, NULL, 0, 1, 0, flags);
  properties[PROP_PROGRESS_TEXT] = g_param_spec_string ("progress-text", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pcn_induction_row_init (PcnInductionRow *self)
{
}

PcnInductionRow *
pcn_induction_row_new (PcnStaff                   *staff,
                       const PcnInductionProgress *progress)
{
  PcnInductionRow *self;

  g_return_val_if_fail (PCN_IS_STAFF (staff), NULL);
  g_return_val_if_fail (progress != NULL, NULL);

  self = g_object_new (PCN_TYPE_INDUCTION_ROW, NULL);
  self->staff = g_object_ref (staff);
  self->progress = *progress;
  self->progress.practice = g_strdup (progress->practice);

  if (progress->checklist == PCN_CHECKLIST_PRACTICE && progress->practice != NULL)
    self->checklist = g_strdup (progress->practice);
  else
    self->checklist = g_strdup (pcn_checklist_kind_get_label (progress->checklist));

  self->start_text = pcn_iso_format_display (pcn_staff_get_start_date (staff));
  if (g_date_valid (&progress->next_due))
    {
      self->next_due = pcn_date_to_iso (&progress->next_due);
      self->next_due_text = pcn_date_format_display (&progress->next_due);
    }
  else
    {
      self->next_due = g_strdup ("9999-12-31");
      /* Translators: next due date when every item is done or not applicable */
      self->next_due_text = g_strdup (C_("next due", "—"));
    }
  /* Translators: %1$u items done, %2$u items on the checklist */
  self->progress_text = g_strdup_printf (_("%1$u of %2$u"),
                                         progress->items_done + progress->items_na,
                                         progress->items_total);
  self->overdue_text = g_strdup_printf ("%u", progress->items_overdue);
  self->na_text = g_strdup_printf ("%u", progress->items_na);
  return self;
}

PcnStaff *
pcn_induction_row_get_staff (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), NULL);
  return self->staff;
}

gint64
pcn_induction_row_get_staff_id (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), -1);
  return pcn_staff_get_id (self->staff);
}

const char *
pcn_induction_row_get_name (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), NULL);
  return pcn_staff_get_name (self->staff);
}

const char *
pcn_induction_row_get_checklist (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), NULL);
  return self->checklist;
}

const char *
pcn_induction_row_get_practice (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), NULL);
  return self->progress.practice;
}

guint
pcn_induction_row_get_done (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), 0);
  return self->progress.items_done;
}

guint
pcn_induction_row_get_total (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), 0);
  return self->progress.items_total;
}

guint
pcn_induction_row_get_na (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), 0);
  return self->progress.items_na;
}

guint
pcn_induction_row_get_overdue (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), 0);
  return self->progress.items_overdue;
}

double
pcn_induction_row_get_fraction (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), 0);
  if (self->progress.items_total == 0)
    return 1.0;
  return (double) (self->progress.items_done + self->progress.items_na) /
         (double) self->progress.items_total;
}

const char *
pcn_induction_row_get_progress_text (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), NULL);
  return self->progress_text;
}

const PcnInductionProgress *
pcn_induction_row_get_progress (PcnInductionRow *self)
{
  g_return_val_if_fail (PCN_IS_INDUCTION_ROW (self), NULL);
  return &self->progress;
}
