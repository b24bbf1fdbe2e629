/* pcn-export-private.h — what every workbook of the export layer shares
 *
 * A PcnXlsx is one workbook being written to a temporary file next to its
 * target. Its write helpers keep the first libxlsxwriter failure ("sticky",
 * as cairo does) and do nothing after one, so a writer can lay out a sheet
 * without checking every call; _pcn_xlsx_commit() reports that failure, or
 * closes the workbook, checks workbook_close() and renames the file into
 * place. Freeing an uncommitted PcnXlsx discards the workbook and removes the
 * temporary file.
 *
 * User text always goes through _pcn_xlsx_write_text(), which writes a
 * string cell whatever the text looks like (never a formula).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>
#include <xlsxwriter.h>

G_BEGIN_DECLS

typedef struct _PcnXlsx PcnXlsx;

PcnXlsx       *_pcn_xlsx_new           (const char     *path,
                                        GError        **error);
void           _pcn_xlsx_free          (PcnXlsx        *self);
gboolean       _pcn_xlsx_commit        (PcnXlsx        *self,
                                        GError        **error);

/* Records @err if it is the first failure; returns TRUE while all is well. */
gboolean       _pcn_xlsx_check         (PcnXlsx        *self,
                                        lxw_error       err);
gboolean       _pcn_xlsx_ok            (PcnXlsx        *self);

/* (transfer none) NULL once a failure is recorded. @name may be
 * translated: when libxlsxwriter refuses it, @fallback is used. */
lxw_worksheet *_pcn_xlsx_add_worksheet (PcnXlsx        *self,
                                        const char     *name,
                                        const char     *fallback);
/* (transfer none) NULL once a failure is recorded. */
lxw_format    *_pcn_xlsx_add_format    (PcnXlsx        *self);
/* A native chart of @type (LXW_CHART_COLUMN, …) to fill and insert
 * (transfer none). NULL once a failure is recorded. */
lxw_chart     *_pcn_xlsx_add_chart     (PcnXlsx        *self,
                                        uint8_t         type);
void           _pcn_xlsx_set_properties (PcnXlsx        *self,
                                        const char     *title,
                                        const char     *subject);

/* Empty or NULL @text writes a blank cell (kept only when @format is set). */
void           _pcn_xlsx_write_text    (PcnXlsx        *self,
                                        lxw_worksheet  *sheet,
                                        lxw_row_t       row,
                                        lxw_col_t       col,
                                        const char     *text,
                                        lxw_format     *format);
void           _pcn_xlsx_write_number  (PcnXlsx        *self,
                                        lxw_worksheet  *sheet,
                                        lxw_row_t       row,
                                        lxw_col_t       col,
                                        double          value,
                                        lxw_format     *format);
void           _pcn_xlsx_write_blank   (PcnXlsx        *self,
                                        lxw_worksheet  *sheet,
                                        lxw_row_t       row,
                                        lxw_col_t       col,
                                        lxw_format     *format);
/* A real Excel date. An ISO date that does not parse is written as text,
 * so nothing the user entered is lost. */
void           _pcn_xlsx_write_date    (PcnXlsx        *self,
                                        lxw_worksheet  *sheet,
                                        lxw_row_t       row,
                                        lxw_col_t       col,
                                        const GDate    *date,
                                        lxw_format     *format);
void           _pcn_xlsx_write_iso_date (PcnXlsx       *self,
                                        lxw_worksheet  *sheet,
                                        lxw_row_t       row,
                                        lxw_col_t       col,
                                        const char     *iso,
                                        lxw_format     *format);
void           _pcn_xlsx_write_datetime (PcnXlsx       *self,
                                        lxw_worksheet  *sheet,
                                        lxw_row_t       row,
                                        lxw_col_t       col,
                                        GDateTime      *datetime,
                                        lxw_format     *format);
/* A formula of ours (never user text) with its result cached for viewers
 * that do not recalculate. */
void           _pcn_xlsx_write_formula (PcnXlsx        *self,
                                        lxw_worksheet  *sheet,
                                        lxw_row_t       row,
                                        lxw_col_t       col,
                                        const char     *formula,
                                        lxw_format     *format,
                                        double          result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PcnXlsx, _pcn_xlsx_free)

G_END_DECLS
