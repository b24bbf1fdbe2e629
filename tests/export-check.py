#!/usr/bin/python3
# export-check.py — describe an .xlsx workbook as JSON, for test-export.c
#
# Reads the file twice with openpyxl: once for formulas, once with
# data_only=True for the values cached in formula cells. Prints one object:
#   {"sheets": [...], "<sheet>": {"cells": {"A1": {...}}, "freeze_panes": ...,
#    "auto_filter": ..., "orientation": ..., "fit_to_page": ...,
#    "fit_to_width": ..., "fit_to_height": ..., "print_title_rows": ...,
#    "footer": ..., "columns": {"A": width}}}
# Each cell: data_type, value (datetimes as ISO text), number_format, bold,
# and for formulas the cached value.
#
# Exit status 77 when openpyxl is missing, so the caller can skip.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import datetime
import json
import sys

try:
    import openpyxl
except ImportError:
    sys.exit(77)


def plain(value):
    if isinstance(value, (datetime.datetime, datetime.date, datetime.time)):
        return value.isoformat()
    return value


def describe(ws, cached):
    cells = {}
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            entry = {
                "data_type": cell.data_type,
                "value": plain(cell.value),
                "number_format": cell.number_format,
                "bold": bool(cell.font and cell.font.b),
            }
            if cell.data_type == "f":
                entry["cached"] = plain(cached[cell.coordinate].value)
            cells[cell.coordinate] = entry
    setup = ws.page_setup
    props = ws.sheet_properties.pageSetUpPr
    return {
        "cells": cells,
        "freeze_panes": ws.freeze_panes,
        "auto_filter": ws.auto_filter.ref,
        "orientation": setup.orientation,
        "paper_size": setup.paperSize,
        "fit_to_page": bool(props and props.fitToPage),
        # fitToWidth and fitToHeight default to 1 when absent (ECMA-376)
        "fit_to_width": 1 if setup.fitToWidth is None else setup.fitToWidth,
        "fit_to_height": 1 if setup.fitToHeight is None else setup.fitToHeight,
        "print_title_rows": ws.print_title_rows,
        "footer": ws.oddFooter.center.text,
        "columns": {k: v.width for k, v in ws.column_dimensions.items()},
        "max_row": ws.max_row,
    }


def main():
    path = sys.argv[1]
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    out = {"sheets": formulas.sheetnames,
           "title": formulas.properties.title}
    for name in formulas.sheetnames:
        out[name] = describe(formulas[name], values[name])
    json.dump(out, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
