/* pcn-post-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pcn-post-row.h"

struct _PcnPostRow
{
  GObject         parent_instance;

  PcnPost        *post;
  PcnPostRowKind  kind;
  char           *name;
  char           *role_name;
  char           *wte_text;
  char           *status_text;
  char           *status_class;
  char           *start_sort;
  char           *start_text;
  char           *cost_text;
  char           *practices;
  char           *fill_text;
  char           *check_icon;
  char           *check_message;
  char           *check_name;
  int             check_level;
};

G_DEFINE_FINAL_TYPE (PcnPostRow, pcn_post_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POST,
  PROP_KIND,
  PROP_NAME,
  PROP_ROLE_NAME,
  PROP_WTE,
  PROP_WTE_TEXT,
  PROP_BAND,
  PROP_STATUS,
  PROP_STATUS_TEXT,
  PROP_STATUS_CLASS,
  PROP_START,
  PROP_START_TEXT,
  PROP_COST,
  PROP_COST_TEXT,
  PROP_PRACTICES,
  PROP_FUNDING_TEXT,
  PROP_EMPLOYER_TEXT,
  PROP_FILL_TEXT,
  PROP_CHECK_LEVEL,
  PROP_CHECK_ICON,
  PROP_CHECK_MESSAGE,
  PROP_CHECK_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pcn_post_row_finalize (GObject *object)
{
  PcnPostRow *self = PCN_POST_ROW (object);

  g_clear_object (&self->post);
  g_free (self->name);
  g_free (self->role_name);
  g_free (self->wte_text);
  g_free (self->status_text);
  g_free (self->status_class);
  g_free (self->start_sort);
  g_free (self->start_text);
  g_free (self->cost_text);
  g_free (self->practices);
  g_free (self->fill_text);
  g_free (self->check_icon);
  g_free (self->check_message);
  g_free (self->check_name);
  G_OBJECT_CLASS (pcn_post_row_parent_class)->finalize (object);
}

static void
pcn_post_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PcnPostRow *self = PCN_POST_ROW (object);

  switch (prop_id)
    {
    case PROP_POST: g_value_set_object (value, self->post); break;
    case PROP_KIND: g_value_set_int (value, self->kind); break;
    case PROP_NAME: g_value_set_string (value, self->name); break;
    case PROP_ROLE_NAME: g_value_set_string (value, self->role_name); break;
    case PROP_WTE: g_value_set_int (value, pcn_post_get_wte (self->post)); break;
    case PROP_WTE_TEXT: g_value_set_string (value, self->wte_text); break;
    case PROP_BAND: g_value_set_string (value, pcn_post_get_band (self->post)); break;
    case PROP_STATUS: g_value_set_int (value, pcn_post_get_status (self->post)); break;
    case PROP_STATUS_TEXT: g_value_set_string (value, self->status_text); break;
    case PROP_STATUS_CLASS: g_value_set_string (value, self->status_class); break;
    case PROP_START: g_value_set_string (value, self->start_sort); break;
    case PROP_START_TEXT: g_value_set_string (value, self->start_text); break;
    case PROP_COST: g_value_set_int64 (value, pcn_post_get_annual_cost (self->post)); break;
    case PROP_COST_TEXT: g_value_set_string (value, self->cost_text); break;
    case PROP_PRACTICES: g_value_set_string (value, self->practices); break;
    case PROP_FUNDING_TEXT:
      g_value_set_string (value, pcn_post_get_funding (self->post) == PCN_POST_FUNDING_ARRS
                                 ? _("ARRS") : _("Other"));
      break;
    case PROP_EMPLOYER_TEXT:
      g_value_set_string (value, pcn_employer_model_get_label (pcn_post_get_employer_model (self->post)));
      break;
    case PROP_FILL_TEXT: g_value_set_string (value, self->fill_text); break;
    case PROP_CHECK_LEVEL: g_value_set_int (value, self->check_level); break;
    case PROP_CHECK_ICON: g_value_set_string (value, self->check_icon); break;
    case PROP_CHECK_MESSAGE: g_value_set_string (value, self->check_message); break;
    case PROP_CHECK_NAME: g_value_set_string (value, self->check_name); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pcn_post_row_class_init (PcnPostRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pcn_post_row_finalize;
  object_class->get_property = pcn_post_row_get_property;

  properties[PROP_POST] = g_param_spec_object ("post", NULL, NULL, PCN_TYPE_POST, ro);
  properties[PROP_KIND] = g_param_spec_int ("kind", NULL, NULL, 0, 3, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_ROLE_NAME] = g_param_spec_string ("role-name", NULL, NULL, NULL, ro);
  properties[PROP_WTE] = g_param_spec_int ("wte", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_WTE_TEXT] = g_param_spec_string ("wte-text", NULL, NULL, NULL, ro);
  properties[PROP_BAND] = g_param_spec_string ("band", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties[PROP_STATUS_TEXT] = g_param_spec_string ("status-text", NULL, NULL, NULL, ro);
  properties[PROP_STATUS_CLASS] = g_param_spec_string ("status-class", NULL, NULL, NULL, ro);
  properties[PROP_START] = g_param_spec_string ("start", NULL, NULL, NULL, ro);
  properties[PROP_START_TEXT] = g_param_spec_string ("start-text", NULL, NULL, NULL, ro);
  properties[PROP_COST] = g_param_spec_int64 ("cost", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_COST_TEXT] = g_param_spec_string ("cost-text", NULL, NULL, NULL, ro);
  properties[PROP_PRACTICES] = g_param_spec_string ("practices", NULL, NULL, NULL, ro);
  properties[PROP_FUNDING_TEXT] = g_param_spec_string ("funding-text", NULL, NULL, NULL, ro);
  properties[PROP_EMPLOYER_TEXT] = g_param_spec_string ("employer-text", NULL, NULL, NULL, ro);
  properties[PROP_FILL_TEXT] = g_param_spec_string ("fill-text", NULL, NULL, NULL, ro);
  properties[PROP_CHECK_LEVEL] = g_param_spec_int ("check-level", NULL, NULL, 0, 2, 0, ro);
  properties[PROP_CHECK_ICON] = g_param_spec_string ("check-icon", NULL, NULL, NULL, ro);
  properties[PROP_CHECK_MESSAGE] = g_param_spec_string ("check-message", NULL, NULL, NULL, ro);
  properties[PROP_CHECK_NAME] = g_param_spec_string ("check-name", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pcn_post_row_init (PcnPostRow *self)
{
}

static int
months_between (const GDate *from,
                const GDate *to)
{
  int months = (g_date_get_year (to) - g_date_get_year (from)) * 12 +
               (int) g_date_get_month (to) - (int) g_date_get_month (from);

  if (g_date_get_day (to) < g_date_get_day (from))
    months--;
  return MAX (months, 0);
}

static void
describe_status (PcnPostRow  *self,
                 const GDate *as_at)
{
  PcnPostStatus status = pcn_post_get_status (self->post);
  const char *vacant = pcn_post_get_vacant_since (self->post);
  const char *date = pcn_post_get_status_date (self->post, status);
  int days = pcn_post_get_time_to_fill_days (self->post);

  if (status == PCN_POST_STATUS_WITHDRAWN)
    {
      self->kind = PCN_POST_ROW_WITHDRAWN;
      self->status_class = g_strdup ("dim-label");
    }
  else if (status == PCN_POST_STATUS_IN_POST)
    {
      self->kind = PCN_POST_ROW_IN_POST;
      self->status_class = g_strdup ("success");
    }
  else if (vacant != NULL)
    {
      self->kind = PCN_POST_ROW_VACANT;
      self->status_class = g_strdup ("warning");
    }
  else
    {
      self->kind = PCN_POST_ROW_PLANNED;
      self->status_class = g_strdup ("accent");
    }

  if (self->kind == PCN_POST_ROW_VACANT)
    /* Translators: the status of a post whose holder left; %s is its
     * pipeline stage, e.g. "Vacant (approved)" */
    self->status_text = g_strdup_printf (_("Vacant (%s)"), pcn_post_status_get_label (status));
  else
    self->status_text = g_strdup (pcn_post_status_get_label (status));

  if (self->kind == PCN_POST_ROW_VACANT)
    {
      g_autofree char *since = pcn_iso_format_display (vacant);
      GDate d;
      int months = 0;

      if (as_at != NULL && pcn_date_from_iso (vacant, &d))
        months = months_between (&d, as_at);
      self->fill_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                      /* Translators: %1$s is a date, %2$d a number of months */
                                                      "Vacant since %1$s (%2$d month)",
                                                      "Vacant since %1$s (%2$d months)",
                                                      months),
                                         since, months);
    }
  else if (days >= 0)
    self->fill_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    /* Translators: time to fill a post, advertised to in post */
                                                    "Filled in %d day",
                                                    "Filled in %d days",
                                                    days),
                                       days);
  else if (status >= PCN_POST_STATUS_ADVERTISED && status < PCN_POST_STATUS_IN_POST &&
           pcn_post_get_status_date (self->post, PCN_POST_STATUS_ADVERTISED) != NULL)
    {
      g_autofree char *since =
        pcn_iso_format_display (pcn_post_get_status_date (self->post,
                                                          PCN_POST_STATUS_ADVERTISED));
      /* Translators: %s is the date a post was advertised */
      self->fill_text = g_strdup_printf (_("Advertised %s"), since);
    }
  else if (date != NULL && status != PCN_POST_STATUS_IN_POST)
    {
      g_autofree char *since = pcn_iso_format_display (date);
      /* Translators: %1$s is a pipeline stage, %2$s the date the post reached it */
      self->fill_text = g_strdup_printf (_("%1$s %2$s"), pcn_post_status_get_label (status), since);
    }
  else
    self->fill_text = g_strdup ("");
}

static void
collect_checks (PcnPostRow *self,
                GPtrArray  *checks)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; checks != NULL && i < checks->len; i++)
    {
      PcnCheck *check = g_ptr_array_index (checks, i);

      if (check->subject != PCN_CHECK_SUBJECT_POST ||
          check->subject_id != pcn_post_get_id (self->post))
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, check->message);
      self->check_level = MAX (self->check_level,
                               check->severity == PCN_CHECK_ERROR ? 2 : 1);
      n++;
    }

  if (n == 0)
    return;
  self->check_message = g_string_free (g_steal_pointer (&text), FALSE);
  self->check_icon = g_strdup (self->check_level == 2 ? "dialog-error-symbolic"
                                                      : "dialog-warning-symbolic");
  if (self->check_level == 2)
    /* Translators: accessible name of the check icon beside a post; %s the messages */
    self->check_name = g_strdup_printf (_("Error: %s"), self->check_message);
  else
    /* Translators: accessible name of the check icon beside a post; %s the messages */
    self->check_name = g_strdup_printf (_("Warning: %s"), self->check_message);
}

PcnPostRow *
pcn_post_row_new (PcnPost     *post,
                  const char  *role_name,
                  GPtrArray   *checks,
                  const GDate *as_at)
{
  PcnPostRow *self;
  const char *start;
  gint64 cost;

  g_return_val_if_fail (PCN_IS_POST (post), NULL);

  self = g_object_new (PCN_TYPE_POST_ROW, NULL);
  self->post = g_object_ref (post);
  self->name = pcn_post_dup_display_name (post);
  self->role_name = g_strdup (role_name ? role_name : pcn_post_get_role_code (post));
  self->wte_text = pcn_wte_format (pcn_post_get_wte (post));

  start = pcn_post_get_start_date (post);
  if (pcn_post_get_status (post) == PCN_POST_STATUS_IN_POST &&
      pcn_post_get_status_date (post, PCN_POST_STATUS_IN_POST) != NULL)
    start = pcn_post_get_status_date (post, PCN_POST_STATUS_IN_POST);
  self->start_sort = g_strdup (start ? start : "");
  self->start_text = start ? pcn_iso_format_display (start) : g_strdup ("—");

  cost = pcn_post_get_annual_cost (post);
  /* Translators: a post with no expected cost counts at the role's maximum */
  self->cost_text = cost >= 0 ? pcn_money_format (cost) : g_strdup (_("Role maximum"));
  self->practices = pcn_post_dup_practices_text (post);
  if (self->practices == NULL)
    self->practices = g_strdup ("");

  describe_status (self, as_at);
  collect_checks (self, checks);
  return self;
}

PcnPost *
pcn_post_row_get_post (PcnPostRow *self)
{
  g_return_val_if_fail (PCN_IS_POST_ROW (self), NULL);
  return self->post;
}

PcnPostRowKind
pcn_post_row_get_kind (PcnPostRow *self)
{
  g_return_val_if_fail (PCN_IS_POST_ROW (self), PCN_POST_ROW_PLANNED);
  return self->kind;
}

int
pcn_post_row_get_check_level (PcnPostRow *self)
{
  g_return_val_if_fail (PCN_IS_POST_ROW (self), 0);
  return self->check_level;
}

const char *
pcn_post_row_get_check_message (PcnPostRow *self)
{
  g_return_val_if_fail (PCN_IS_POST_ROW (self), NULL);
  return self->check_message;
}
