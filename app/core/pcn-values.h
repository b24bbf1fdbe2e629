/* pcn-values.h — parsing and formatting of the scalar values the product
 * deals in: dates, financial years, money (integer pence), WTE (thousandths)
 * and London weighting areas.
 *
 * Every parser accepts exactly what CLI.md documents, returns FALSE with a
 * PCN_CORE_ERROR that says what was wrong (never where: callers add the
 * file, line or field), and leaves its output untouched on failure.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pcn-types.h"

G_BEGIN_DECLS

/* Dates: YYYY-MM-DD or DD/MM/YYYY; invalid calendar dates are refused. */
gboolean  pcn_date_parse               (const char   *text,
                                        GDate        *out_date,
                                        GError      **error);
gboolean  pcn_date_is_iso              (const char   *text);
char     *pcn_date_to_iso              (const GDate  *date);
char     *pcn_date_format_display      (const GDate  *date);
char     *pcn_iso_format_display       (const char   *iso);
gboolean  pcn_date_from_iso            (const char   *iso,
                                        GDate        *out_date);
void      pcn_date_set_today           (GDate        *out_date);

/* Months: YYYY-MM. */
gboolean  pcn_month_parse              (const char   *text,
                                        int          *out_year,
                                        int          *out_month,
                                        GError      **error);

/* Financial years are named by their first calendar year: 2026 is 2026/27
 * (1 April 2026 to 31 March 2027). */
int       pcn_financial_year_of        (const GDate  *date);
char     *pcn_financial_year_name      (int           year);
gboolean  pcn_financial_year_parse     (const char   *text,
                                        int          *out_year,
                                        GError      **error);
void      pcn_financial_year_bounds    (int           year,
                                        GDate        *out_first,
                                        GDate        *out_last);

/* Money: pounds with up to two decimals, "1234.5", "£1,234.50". Negative
 * amounts are refused. */
gboolean  pcn_money_parse              (const char   *text,
                                        gint64       *out_pence,
                                        GError      **error);
char     *pcn_money_format             (gint64        pence);
char     *pcn_money_format_plain       (gint64        pence);

/* Whole-time equivalent: greater than 0 and at most 1, up to three
 * decimals; stored as thousandths. */
gboolean  pcn_wte_parse                (const char   *text,
                                        int          *out_milli,
                                        GError      **error);
char     *pcn_wte_format               (int           milli);

/* Non-negative whole numbers, e.g. list sizes ("12,345" accepted). */
gboolean  pcn_count_parse              (const char   *text,
                                        gint64        max,
                                        gint64       *out_value,
                                        GError      **error);

/* Areas: "national", "outer-london", "inner-london" (underscores accepted). */
gboolean     pcn_area_parse            (const char   *text,
                                        PcnArea      *out_area,
                                        GError      **error);
const char  *pcn_area_to_string       (PcnArea       area);
const char  *pcn_area_get_label       (PcnArea       area);
/* Rate areas add "london": a single London figure. */
gboolean     pcn_rate_area_is_valid   (const char   *text);
const char  *pcn_rate_area_get_label  (const char   *rate_area);

/* ODS codes: 3 to 10 letters and digits; upper-cased on success. */
gboolean  pcn_ods_code_normalize       (const char   *text,
                                        char        **out_code,
                                        GError      **error);

/* Text that a spreadsheet would take for a formula (starts with = + - @,
 * tab or carriage return). Such text is always written as text. */
gboolean  pcn_text_looks_like_formula  (const char   *text);

G_END_DECLS
