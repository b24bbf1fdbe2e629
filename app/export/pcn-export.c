/* pcn-export.c — the export error domain and the workbook plumbing every
 * export shares: a temporary file next to the target, sticky libxlsxwriter
 * errors, and the rename into place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pcn-export.h"
#include "pcn-export-private.h"

struct _PcnXlsx
{
  char         *path;      /* the target */
  char         *tmp_path;  /* what we write; NULL once renamed into place */
  lxw_workbook *workbook;  /* NULL once closed */
  lxw_error     status;    /* the first failure */
};

G_DEFINE_QUARK (pcn-export-error-quark, pcn_export_error)

static PcnExportError
error_code_for (lxw_error err)
{
  switch (err)
    {
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
    case LXW_ERROR_CREATING_XLSX_FILE:
    case LXW_ERROR_CREATING_TMPFILE:
    case LXW_ERROR_READING_TMPFILE:
    case LXW_ERROR_ZIP_FILE_OPERATION:
    case LXW_ERROR_ZIP_PARAMETER_ERROR:
    case LXW_ERROR_ZIP_BAD_ZIP_FILE:
    case LXW_ERROR_ZIP_INTERNAL_ERROR:
    case LXW_ERROR_ZIP_FILE_ADD:
    case LXW_ERROR_ZIP_CLOSE:
      return PCN_EXPORT_ERROR_IO;
    default:
      return PCN_EXPORT_ERROR_CONTENT;
    }
}

static void
set_lxw_error (GError     **error,
               const char  *path,
               lxw_error    err)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, PCN_EXPORT_ERROR, error_code_for (err),
               /* Translators: %1$s is a file name, %2$s what went wrong */
               _("Could not write “%1$s”: %2$s"),
               display, lxw_strerror (err));
}

typedef enum
{
  FAILED_WRITE,
  FAILED_CREATE_TEMPORARY,
  FAILED_REPLACE,
} Failure;

static void
set_errno_error (GError     **error,
                 Failure      failure,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);
  const char *reason = g_strerror (saved_errno);

  switch (failure)
    {
    case FAILED_CREATE_TEMPORARY:
      g_set_error (error, PCN_EXPORT_ERROR, PCN_EXPORT_ERROR_IO,
                   /* Translators: %1$s is a file name, %2$s what went wrong */
                   _("Could not create a temporary file next to “%1$s”: %2$s"),
                   display, reason);
      break;
    case FAILED_REPLACE:
      g_set_error (error, PCN_EXPORT_ERROR, PCN_EXPORT_ERROR_IO,
                   /* Translators: %1$s is a file name, %2$s what went wrong */
                   _("Could not replace “%1$s”: %2$s"),
                   display, reason);
      break;
    case FAILED_WRITE:
    default:
      g_set_error (error, PCN_EXPORT_ERROR, PCN_EXPORT_ERROR_IO,
                   /* Translators: %1$s is a file name, %2$s what went wrong */
                   _("Could not write “%1$s”: %2$s"),
                   display, reason);
      break;
    }
}

static gboolean
sync_file (const char  *path,
           GError     **error)
{
  int fd;

  g_assert (path != NULL);

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd == -1 || g_fsync (fd) != 0)
    {
      int saved_errno = errno;

      if (fd != -1)
        close (fd);
      set_errno_error (error, FAILED_WRITE, path, saved_errno);
      return FALSE;
    }
  if (close (fd) != 0)
    {
      set_errno_error (error, FAILED_WRITE, path, errno);
      return FALSE;
    }
  return TRUE;
}

PcnXlsx *
_pcn_xlsx_new (const char  *path,
               GError     **error)
{
  g_autoptr(PcnXlsx) self = NULL;
  g_autofree char *tmpl = NULL;
  GStatBuf st;
  int fd;

  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Same folder as the target, so the final rename cannot cross file
   * systems. Created 0600: the workbook may hold personal data. */
  tmpl = g_strdup_printf ("%s.XXXXXX.tmp", path);
  fd = g_mkstemp_full (tmpl, O_RDWR | O_CLOEXEC, 0600);
  if (fd == -1)
    {
      set_errno_error (error, FAILED_CREATE_TEMPORARY, path, errno);
      return NULL;
    }

  self = g_new0 (PcnXlsx, 1);
  self->path = g_strdup (path);
  self->tmp_path = g_steal_pointer (&tmpl);

  /* A file we replace keeps its permissions. */
  if (g_stat (path, &st) == 0 && S_ISREG (st.st_mode) &&
      fchmod (fd, st.st_mode & 07777) != 0)
    {
      int saved_errno = errno;

      close (fd);
      set_errno_error (error, FAILED_WRITE, self->tmp_path, saved_errno);
      return NULL;
    }
  if (close (fd) != 0)
    {
      set_errno_error (error, FAILED_WRITE, self->tmp_path, errno);
      return NULL;
    }

  /* libxlsxwriter opens the file only in workbook_close(). */
  self->workbook = workbook_new (self->tmp_path);
  if (self->workbook == NULL)
    {
      set_lxw_error (error, path, LXW_ERROR_MEMORY_MALLOC_FAILED);
      return NULL;
    }

  return g_steal_pointer (&self);
}

void
_pcn_xlsx_free (PcnXlsx *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->workbook, lxw_workbook_free);
  if (self->tmp_path != NULL && g_unlink (self->tmp_path) != 0 && errno != ENOENT)
    g_warning ("Could not remove the temporary file %s: %s",
               self->tmp_path, g_strerror (errno));
  g_clear_pointer (&self->tmp_path, g_free);
  g_clear_pointer (&self->path, g_free);
  g_free (self);
}

gboolean
_pcn_xlsx_commit (PcnXlsx  *self,
                  GError  **error)
{
  lxw_error err;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->workbook != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->status != LXW_NO_ERROR)
    {
      set_lxw_error (error, self->path, self->status);
      return FALSE;
    }

  /* workbook_close() frees the workbook whatever it returns. */
  err = workbook_close (g_steal_pointer (&self->workbook));
  if (err != LXW_NO_ERROR)
    {
      self->status = err;
      set_lxw_error (error, self->path, err);
      return FALSE;
    }

  if (!sync_file (self->tmp_path, error))
    return FALSE;

  if (g_rename (self->tmp_path, self->path) != 0)
    {
      set_errno_error (error, FAILED_REPLACE, self->path, errno);
      return FALSE;
    }
  g_clear_pointer (&self->tmp_path, g_free);

  return TRUE;
}

gboolean
_pcn_xlsx_check (PcnXlsx   *self,
                 lxw_error  err)
{
  g_assert (self != NULL);

  if (self->status == LXW_NO_ERROR && err != LXW_NO_ERROR)
    {
      g_debug ("libxlsxwriter: %s", lxw_strerror (err));
      self->status = err;
    }
  return self->status == LXW_NO_ERROR;
}

gboolean
_pcn_xlsx_ok (PcnXlsx *self)
{
  g_assert (self != NULL);

  return self->status == LXW_NO_ERROR;
}

lxw_worksheet *
_pcn_xlsx_add_worksheet (PcnXlsx    *self,
                         const char *name,
                         const char *fallback)
{
  lxw_worksheet *sheet;

  g_assert (self != NULL);
  g_assert (name != NULL && fallback != NULL);

  if (!_pcn_xlsx_ok (self))
    return NULL;

  /* A translation may be too long or hold a character Excel refuses. */
  if (workbook_validate_sheet_name (self->workbook, name) != LXW_NO_ERROR)
    name = fallback;

  sheet = workbook_add_worksheet (self->workbook, name);
  if (sheet == NULL)
    _pcn_xlsx_check (self, LXW_ERROR_PARAMETER_VALIDATION);
  return sheet;
}

lxw_format *
_pcn_xlsx_add_format (PcnXlsx *self)
{
  lxw_format *format;

  g_assert (self != NULL);

  if (!_pcn_xlsx_ok (self))
    return NULL;

  format = workbook_add_format (self->workbook);
  if (format == NULL)
    _pcn_xlsx_check (self, LXW_ERROR_MEMORY_MALLOC_FAILED);
  return format;
}

lxw_chart *
_pcn_xlsx_add_chart (PcnXlsx *self,
                     uint8_t  type)
{
  lxw_chart *chart;

  g_assert (self != NULL);

  if (!_pcn_xlsx_ok (self))
    return NULL;

  chart = workbook_add_chart (self->workbook, type);
  if (chart == NULL)
    _pcn_xlsx_check (self, LXW_ERROR_MEMORY_MALLOC_FAILED);
  return chart;
}

void
_pcn_xlsx_set_properties (PcnXlsx    *self,
                          const char *title,
                          const char *subject)
{
  g_autofree char *title_copy = g_strdup (title);
  g_autofree char *subject_copy = g_strdup (subject);
  lxw_doc_properties properties = { 0 };

  g_assert (self != NULL);

  if (!_pcn_xlsx_ok (self))
    return;

  properties.title = title_copy;
  properties.subject = subject_copy;
  _pcn_xlsx_check (self, workbook_set_properties (self->workbook, &properties));
}

void
_pcn_xlsx_write_blank (PcnXlsx       *self,
                       lxw_worksheet *sheet,
                       lxw_row_t      row,
                       lxw_col_t      col,
                       lxw_format    *format)
{
  g_assert (self != NULL);

  if (!_pcn_xlsx_ok (self) || format == NULL)
    return;
  _pcn_xlsx_check (self, worksheet_write_blank (sheet, row, col, format));
}

void
_pcn_xlsx_write_text (PcnXlsx       *self,
                      lxw_worksheet *sheet,
                      lxw_row_t      row,
                      lxw_col_t      col,
                      const char    *text,
                      lxw_format    *format)
{
  g_autofree char *valid = NULL;

  g_assert (self != NULL);

  if (!_pcn_xlsx_ok (self))
    return;

  if (text == NULL || *text == '\0')
    {
      _pcn_xlsx_write_blank (self, sheet, row, col, format);
      return;
    }

  /* Invalid UTF-8 would make the XML unreadable. */
  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  /* Always a string cell, even for "=HYPERLINK(…)": never a formula. */
  _pcn_xlsx_check (self, worksheet_write_string (sheet, row, col, text, format));
}

void
_pcn_xlsx_write_number (PcnXlsx       *self,
                        lxw_worksheet *sheet,
                        lxw_row_t      row,
                        lxw_col_t      col,
                        double         value,
                        lxw_format    *format)
{
  g_assert (self != NULL);

  if (!_pcn_xlsx_ok (self))
    return;
  _pcn_xlsx_check (self, worksheet_write_number (sheet, row, col, value, format));
}

void
_pcn_xlsx_write_date (PcnXlsx       *self,
                      lxw_worksheet *sheet,
                      lxw_row_t      row,
                      lxw_col_t      col,
                      const GDate   *date,
                      lxw_format    *format)
{
  lxw_datetime dt = { 0 };

  g_assert (self != NULL);
  g_assert (date != NULL && g_date_valid (date));

  if (!_pcn_xlsx_ok (self))
    return;

  dt.year = g_date_get_year (date);
  dt.month = g_date_get_month (date);
  dt.day = g_date_get_day (date);
  _pcn_xlsx_check (self, worksheet_write_datetime (sheet, row, col, &dt, format));
}

void
_pcn_xlsx_write_iso_date (PcnXlsx       *self,
                          lxw_worksheet *sheet,
                          lxw_row_t      row,
                          lxw_col_t      col,
                          const char    *iso,
                          lxw_format    *format)
{
  GDate date;

  g_assert (self != NULL);

  if (iso == NULL || *iso == '\0')
    _pcn_xlsx_write_blank (self, sheet, row, col, format);
  else if (pcn_date_from_iso (iso, &date))
    _pcn_xlsx_write_date (self, sheet, row, col, &date, format);
  else
    _pcn_xlsx_write_text (self, sheet, row, col, iso, NULL);
}

void
_pcn_xlsx_write_datetime (PcnXlsx       *self,
                          lxw_worksheet *sheet,
                          lxw_row_t      row,
                          lxw_col_t      col,
                          GDateTime     *datetime,
                          lxw_format    *format)
{
  lxw_datetime dt = { 0 };

  g_assert (self != NULL);
  g_assert (datetime != NULL);

  if (!_pcn_xlsx_ok (self))
    return;

  dt.year = g_date_time_get_year (datetime);
  dt.month = g_date_time_get_month (datetime);
  dt.day = g_date_time_get_day_of_month (datetime);
  dt.hour = g_date_time_get_hour (datetime);
  dt.min = g_date_time_get_minute (datetime);
  dt.sec = g_date_time_get_second (datetime);
  _pcn_xlsx_check (self, worksheet_write_datetime (sheet, row, col, &dt, format));
}

void
_pcn_xlsx_write_formula (PcnXlsx       *self,
                         lxw_worksheet *sheet,
                         lxw_row_t      row,
                         lxw_col_t      col,
                         const char    *formula,
                         lxw_format    *format,
                         double         result)
{
  g_assert (self != NULL);
  g_assert (formula != NULL && formula[0] == '=');

  if (!_pcn_xlsx_ok (self))
    return;
  _pcn_xlsx_check (self, worksheet_write_formula_num (sheet, row, col, formula, format, result));
}
