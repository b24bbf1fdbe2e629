/* pcn-values.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */


#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pcn-core-error.h"
#include "pcn-values.h"

static gboolean
parse_digits (const char *s,
              gsize       n,
              int        *out)
{
  int v = 0;

  for (gsize i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
      v = v * 10 + (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

gboolean
pcn_date_parse (const char  *text,
                GDate       *out_date,
                GError     **error)
{
  g_autofree char *t = NULL;
  int y = 0, m = 0, d = 0;
  gsize len;

  g_return_val_if_fail (out_date != NULL, FALSE);

  if (text == NULL || *text == '\0')
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("a date is required"));
      return FALSE;
    }

  t = g_strstrip (g_strdup (text));
  len = strlen (t);

  if (len == 10 && t[4] == '-' && t[7] == '-' &&
      parse_digits (t, 4, &y) && parse_digits (t + 5, 2, &m) && parse_digits (t + 8, 2, &d))
    ;
  else if (len == 10 && t[2] == '/' && t[5] == '/' &&
           parse_digits (t, 2, &d) && parse_digits (t + 3, 2, &m) && parse_digits (t + 6, 4, &y))
    ;
  else
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a date (use YYYY-MM-DD or DD/MM/YYYY)"), t);
      return FALSE;
    }

  if (y < 1900 || y > 2199 || !g_date_valid_dmy (d, m, y))
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a real calendar date"), t);
      return FALSE;
    }

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, d, m, y);
  return TRUE;
}

gboolean
pcn_date_is_iso (const char *text)
{
  GDate d;

  return text != NULL && strlen (text) == 10 && text[4] == '-' && pcn_date_parse (text, &d, NULL);
}

char *
pcn_date_to_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
pcn_date_from_iso (const char *iso,
                   GDate      *out_date)
{
  g_return_val_if_fail (out_date != NULL, FALSE);

  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-')
    return FALSE;
  return pcn_date_parse (iso, out_date, NULL);
}

char *
pcn_date_format_display (const GDate *date)
{
  char buf[64];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  /* Translators: a date as shown in lists, see strftime(3) */
  if (g_date_strftime (buf, sizeof buf, _("%-d %b %Y"), date) == 0)
    return pcn_date_to_iso (date);
  return g_strdup (buf);
}

char *
pcn_iso_format_display (const char *iso)
{
  GDate d;

  if (iso == NULL || !pcn_date_from_iso (iso, &d))
    return g_strdup ("");
  return pcn_date_format_display (&d);
}

void
pcn_date_set_today (GDate *out_date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

gboolean
pcn_month_parse (const char  *text,
                 int         *out_year,
                 int         *out_month,
                 GError     **error)
{
  int y, m;

  if (text == NULL || strlen (text) != 7 || text[4] != '-' ||
      !parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) ||
      m < 1 || m > 12 || y < 1900 || y > 2199)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not a month (use YYYY-MM)"), text ? text : "");
      return FALSE;
    }
  *out_year = y;
  *out_month = m;
  return TRUE;
}

int
pcn_financial_year_of (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  if (g_date_get_month (date) >= G_DATE_APRIL)
    return g_date_get_year (date);
  return g_date_get_year (date) - 1;
}

char *
pcn_financial_year_name (int year)
{
  return g_strdup_printf ("%04d/%02d", year, (year + 1) % 100);
}

gboolean
pcn_financial_year_parse (const char  *text,
                          int         *out_year,
                          GError     **error)
{
  int y = 0, y2 = 0;
  gsize len = text ? strlen (text) : 0;

  if (len == 4 && parse_digits (text, 4, &y) && y >= 1900 && y <= 2199)
    {
      *out_year = y;
      return TRUE;
    }
  if (len == 7 && text[4] == '/' && parse_digits (text, 4, &y) &&
      parse_digits (text + 5, 2, &y2) && y >= 1900 && y <= 2199 && (y + 1) % 100 == y2)
    {
      *out_year = y;
      return TRUE;
    }

  g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
               _("“%s” is not a financial year (use YYYY, e.g. 2026 for 2026/27)"),
               text ? text : "");
  return FALSE;
}

void
pcn_financial_year_bounds (int    year,
                           GDate *out_first,
                           GDate *out_last)
{
  if (out_first)
    {
      g_date_clear (out_first, 1);
      g_date_set_dmy (out_first, 1, G_DATE_APRIL, year);
    }
  if (out_last)
    {
      g_date_clear (out_last, 1);
      g_date_set_dmy (out_last, 31, G_DATE_MARCH, year + 1);
    }
}

gboolean
pcn_money_parse (const char  *text,
                 gint64      *out_pence,
                 GError     **error)
{
  g_autofree char *t = NULL;
  const char *p;
  gint64 pounds = 0;
  int pence = 0;
  int digits = 0;
  int decimals = -1;

  g_return_val_if_fail (out_pence != NULL, FALSE);

  if (text == NULL)
    text = "";
  t = g_strstrip (g_strdup (text));
  p = t;

  if (*p == '\0')
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("an amount is required"));
      return FALSE;
    }

  if (g_str_has_prefix (p, "£"))
    p += strlen ("£");

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (decimals >= 0)
            {
              if (decimals == 2)
                goto bad;
              pence = pence * 10 + (*p - '0');
              decimals++;
            }
          else
            {
              if (pounds > G_GINT64_CONSTANT (1000000000000))
                goto bad;
              pounds = pounds * 10 + (*p - '0');
              digits++;
            }
        }
      else if (*p == ',' && decimals < 0 && digits > 0)
        continue;
      else if (*p == '.' && decimals < 0)
        decimals = 0;
      else
        goto bad;
    }

  if (digits == 0 && decimals <= 0)
    goto bad;
  if (decimals == 1)
    pence *= 10;

  *out_pence = pounds * 100 + pence;
  return TRUE;

bad:
  g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
               _("“%s” is not an amount in pounds (e.g. 1234.50)"), t);
  return FALSE;
}

static char *
group_thousands (guint64 v)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GUINT64_FORMAT, v);
  GString *s = g_string_new (NULL);
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (s, ',');
      g_string_append_c (s, digits[i]);
    }
  return g_string_free (s, FALSE);
}

char *
pcn_money_format (gint64 pence)
{
  guint64 a = pence < 0 ? (guint64) (-(pence + 1)) + 1 : (guint64) pence;
  g_autofree char *pounds = group_thousands (a / 100);

  return g_strdup_printf ("%s£%s.%02u", pence < 0 ? "−" : "", pounds, (guint) (a % 100));
}

char *
pcn_money_format_plain (gint64 pence)
{
  guint64 a = pence < 0 ? (guint64) (-(pence + 1)) + 1 : (guint64) pence;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%02u", pence < 0 ? "-" : "",
                          a / 100, (guint) (a % 100));
}

gboolean
pcn_wte_parse (const char  *text,
               int         *out_milli,
               GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  const char *p = t;
  int whole = 0, frac = 0, decimals = -1, digits = 0;
  int milli;

  g_return_val_if_fail (out_milli != NULL, FALSE);

  if (*p == '\0')
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED,
                   _("a whole-time equivalent is required"));
      return FALSE;
    }

  for (; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          if (decimals >= 0)
            {
              if (decimals == 3)
                {
                  g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                               _("WTE “%s” has more than three decimals"), t);
                  return FALSE;
                }
              frac = frac * 10 + (*p - '0');
              decimals++;
            }
          else
            {
              if (digits > 3)
                goto bad;
              whole = whole * 10 + (*p - '0');
              digits++;
            }
        }
      else if (*p == '.' && decimals < 0)
        decimals = 0;
      else
        goto bad;
    }
  if (digits == 0 && decimals <= 0)
    goto bad;

  for (int i = decimals < 0 ? 0 : decimals; i < 3; i++)
    frac *= 10;
  milli = whole * 1000 + frac;

  if (milli <= 0 || milli > PCN_WTE_FULL)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("WTE %s is out of range: it must be more than 0 and at most 1"), t);
      return FALSE;
    }

  *out_milli = milli;
  return TRUE;

bad:
  g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
               _("“%s” is not a whole-time equivalent (e.g. 0.6)"), t);
  return FALSE;
}

char *
pcn_wte_format (int milli)
{
  int whole = milli / 1000;
  int frac = milli % 1000;

  if (milli < 0)
    return g_strdup ("?");
  if (frac == 0)
    return g_strdup_printf ("%d.0", whole);
  if (frac % 100 == 0)
    return g_strdup_printf ("%d.%d", whole, frac / 100);
  if (frac % 10 == 0)
    return g_strdup_printf ("%d.%02d", whole, frac / 10);
  return g_strdup_printf ("%d.%03d", whole, frac);
}

gboolean
pcn_count_parse (const char  *text,
                 gint64       max,
                 gint64      *out_value,
                 GError     **error)
{
  g_autofree char *t = g_strstrip (g_strdup (text ? text : ""));
  gint64 v = 0;
  int digits = 0;

  for (const char *p = t; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          v = v * 10 + (*p - '0');
          digits++;
          if (v > max)
            {
              g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                           _("%s is too large (at most %" G_GINT64_FORMAT ")"), t, max);
              return FALSE;
            }
        }
      else if (*p == ',' && digits > 0)
        continue;
      else
        {
          digits = 0;
          break;
        }
    }

  if (digits == 0)
    {
      if (*t == '\0')
        g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_REQUIRED, _("a number is required"));
      else
        g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                     _("“%s” is not a whole number"), t);
      return FALSE;
    }

  *out_value = v;
  return TRUE;
}

static const struct {
  PcnArea area;
  const char *id;
  const char *label;
} areas[] = {
  { PCN_AREA_NATIONAL, "national", N_("National (outside London)") },
  { PCN_AREA_OUTER_LONDON, "outer-london", N_("Outer London") },
  { PCN_AREA_INNER_LONDON, "inner-london", N_("Inner London") },
};

gboolean
pcn_area_parse (const char  *text,
                PcnArea     *out_area,
                GError     **error)
{
  g_autofree char *t = g_strdelimit (g_ascii_strdown (text ? text : "", -1), "_ ", '-');

  for (guint i = 0; i < G_N_ELEMENTS (areas); i++)
    {
      if (g_str_equal (t, areas[i].id))
        {
          *out_area = areas[i].area;
          return TRUE;
        }
    }

  g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
               _("“%s” is not an area (use national, outer-london or inner-london)"),
               text ? text : "");
  return FALSE;
}

const char *
pcn_area_to_string (PcnArea area)
{
  g_return_val_if_fail (area <= PCN_AREA_INNER_LONDON, "national");
  return areas[area].id;
}

const char *
pcn_area_get_label (PcnArea area)
{
  g_return_val_if_fail (area <= PCN_AREA_INNER_LONDON, "");
  return _(areas[area].label);
}

gboolean
pcn_rate_area_is_valid (const char *text)
{
  return text != NULL &&
         (g_str_equal (text, "national") || g_str_equal (text, "outer-london") ||
          g_str_equal (text, "inner-london") || g_str_equal (text, "london"));
}

const char *
pcn_rate_area_get_label (const char *rate_area)
{
  PcnArea a;

  if (g_strcmp0 (rate_area, "london") == 0)
    return _("London (single figure)");
  if (pcn_area_parse (rate_area, &a, NULL))
    return pcn_area_get_label (a);
  return rate_area ? rate_area : "";
}

gboolean
pcn_ods_code_normalize (const char  *text,
                        char       **out_code,
                        GError     **error)
{
  g_autofree char *t = g_strstrip (g_ascii_strup (text ? text : "", -1));
  gsize n = strlen (t);

  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isalnum (t[i]))
      n = 0;

  if (n < 3 || n > 10)
    {
      g_set_error (error, PCN_CORE_ERROR, PCN_CORE_ERROR_INVALID,
                   _("“%s” is not an ODS code (3 to 10 letters and digits, e.g. U12345)"),
                   text ? text : "");
      return FALSE;
    }

  *out_code = g_steal_pointer (&t);
  return TRUE;
}

gboolean
pcn_text_looks_like_formula (const char *text)
{
  return text != NULL &&
         (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
          text[0] == '\t' || text[0] == '\r');
}
