#!/usr/bin/python3
# export-claim-check.py — helpers for test-export-claim.c
#
#   export-claim-check.py charts FILE
#       {"chart_parts": ["xl/charts/chart1.xml", …], "kinds": ["barChart", …],
#        "per_sheet": {"<sheet>": <charts openpyxl found>}}
#   export-claim-check.py recalc FILE OUTDIR
#       Opens FILE in LibreOffice headless with a private profile that
#       recalculates every formula on load (OOXMLRecalcMode = always: by
#       default LibreOffice trusts the results cached in a file written as
#       by Excel), saves it as OUTDIR/out/FILE, and prints
#       {"<sheet>": {"A1": value, …}} from the recalculated results.
#
# Exit status 77 when openpyxl (or, for recalc, soffice) is missing, so the
# caller can skip.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

try:
    import openpyxl
except ImportError:
    sys.exit(77)

PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry"
 xmlns:xs="http://www.w3.org/2001/XMLSchema"
 xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def charts(path):
    with zipfile.ZipFile(path) as z:
        parts = sorted(n for n in z.namelist() if re.match(r"xl/charts/chart\d+\.xml$", n))
        kinds = []
        for p in parts:
            kinds += re.findall(r"<c:(barChart|lineChart|pieChart|areaChart)>", z.read(p).decode())
    wb = openpyxl.load_workbook(path)
    per_sheet = {ws.title: len(getattr(ws, "_charts", [])) for ws in wb.worksheets}
    json.dump({"chart_parts": parts, "kinds": kinds, "per_sheet": per_sheet}, sys.stdout)


def plain(value):
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


def recalc(path, outdir):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit(77)
    profile = os.path.join(outdir, "profile")
    os.makedirs(os.path.join(profile, "user"), exist_ok=True)
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as f:
        f.write(PROFILE)
    out = os.path.join(outdir, "out")
    os.makedirs(out, exist_ok=True)
    # The test environment is for our code: G_DEBUG=fatal-warnings would
    # make LibreOffice's own GLib warnings fatal, and the sanitizer and
    # malloc checks are not for it either.
    env = {k: v for k, v in os.environ.items()
           if k not in ("G_DEBUG", "MALLOC_CHECK_", "MALLOC_PERTURB_", "LD_PRELOAD",
                        "ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS")}
    env["SAL_USE_VCLPLUGIN"] = "svp"
    subprocess.run([soffice, "-env:UserInstallation=file://" + os.path.abspath(profile),
                    "--headless", "--norestore", "--convert-to", "xlsx", "--outdir", out, path],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=240, env=env)
    converted = os.path.join(out, os.path.basename(path))
    wb = openpyxl.load_workbook(converted, data_only=True)
    result = {}
    for ws in wb.worksheets:
        cells = {}
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    cells[cell.coordinate] = plain(cell.value)
        result[ws.title] = cells
    json.dump(result, sys.stdout)


def main():
    if sys.argv[1] == "charts":
        charts(sys.argv[2])
    elif sys.argv[1] == "recalc":
        recalc(sys.argv[2], sys.argv[3])
    else:
        sys.exit(2)


if __name__ == "__main__":
    main()
