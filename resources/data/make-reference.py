#!/usr/bin/python3
# make-reference.py — builds arrs-reference.json from the domain CSV files.
#
#   /usr/bin/python3 resources/data/make-reference.py ../shared/domain \
#       > resources/data/arrs-reference.json
#
# The output is committed: the build does not need the domain folder. Every
# figure comes from the CSV files; a role and year without a figure there has
# no rate row. Rules are the CSV rows (timeline events and cap_rule cells)
# given a structure by the RULES table below; a rule row in range that the
# table does not map makes the script fail, so new facts are never dropped
# silently.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import csv
import json
import os
import sys

# Bump whenever the output changes: databases holding an older version are
# refreshed on open (rows the user entered are kept).
VERSION = 2

FIRST_YEAR = 2023
LAST_YEAR = 2026

CONFIDENCE_RANK = {"verified": 0, "inferred": 1, "low": 2}


def year_of(fy):
    """'2024/25' -> 2024"""
    return int(fy.split("/")[0])


def in_range(fy):
    return FIRST_YEAR <= year_of(fy) <= LAST_YEAR


def fy_bounds(fy):
    y = year_of(fy)
    return "%d-04-01" % y, "%d-03-31" % (y + 1)


def read(folder, name):
    with open(os.path.join(folder, name), newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def pence(gbp):
    gbp = gbp.strip()
    if "." in gbp:
        pounds, frac = gbp.split(".")
        frac = (frac + "00")[:2]
    else:
        pounds, frac = gbp, "00"
    return int(pounds) * 100 + int(frac)


def area_of(text):
    """'outer_london (inferred area)' -> ('outer-london', True)"""
    inferred = "(inferred area)" in text
    area = text.replace("(inferred area)", "").strip().replace("_", "-")
    if area not in ("national", "outer-london", "inner-london", "london"):
        raise SystemExit("unknown area %r" % text)
    return area, inferred


def confidence_rank(c):
    for key, rank in CONFIDENCE_RANK.items():
        if c.startswith(key):
            return rank
    return 3


# Rules: (file, financial year, role, event or "cap_rule") -> list of
# (kind, from, to, params[, role when the row names several roles]). None means "not a role rule" (rate changes,
# scheme-wide money mechanics, supervision) and is left out on purpose.
# A cap of None means "no cap". Dates are the events' own dates; a rule
# ends the day before a later rule of the same kind for the role starts.
CAP_3_6 = {"max_headcount": 3, "large_list_size": 100000, "max_headcount_large": 6}
CAP_1_2 = {"max_headcount": 1, "large_list_size": 100000, "max_headcount_large": 2}
NO_CAP = {"max_headcount": None}
PRIOR_12 = {"months": 12, "unless": "recruited into a specialist or more senior role"}

RULES = {
    # Rules made before 2023/24 that are still in force in it.
    ("timeline", "2021/22", "MHP", "funding_rule"):
        [("funding_share", "2021-04-01", "2024-03-31",
          {"arrs_share_percent": 50, "other_funder": "mental health provider"})],
    ("timeline", "2022/23", "DTL", "role_added"):
        [("cap", "2022-10-01", None, {"max_headcount": 1})],
    ("timeline", "2022/23", "NA", "funding_rule"):
        [("eligibility", "2022-10-01", None, {"training_time_claimable": True})],

    ("timeline", "2023/24", "AP", "cap_change"):
        [("cap", "2023-04-01", "2024-03-31", CAP_3_6),
         ("eligibility", "2023-04-01", None, {"acp_nurses_eligible": True})],
    ("roles", "2023/24", "AP", "cap_rule"): [("cap", "2023-04-01", "2024-03-31", CAP_3_6)],
    ("timeline", "2023/24", "PA_APPRENTICE", "role_added"):
        [("eligibility", "2023-04-01", None,
          {"approved_apprenticeship_required": True, "max_band": "5"})],
    ("timeline", "2023/24", "MHP", "cap_change"): [("cap", "2023-04-01", None, NO_CAP)],
    ("roles", "2023/24", "MHP", "cap_rule"): [("cap", "2023-04-01", None, NO_CAP)],
    ("timeline", "2023/24", "FCP_PHYSIO", "funding_rule"):
        [("eligibility", "2023-04-01", None, {"training_time_claimable": True})],
    ("timeline", "2023/24", "CP", "supervision_rule"): None,
    ("timeline", "2023/24", "ALL", "rate_change"): None,

    ("timeline", "2024/25", "EPN", "role_added"): [("cap", "2024-04-01", None, CAP_1_2)],
    ("roles", "2024/25", "EPN", "cap_rule"): [("cap", "2024-04-01", None, CAP_1_2)],
    ("timeline", "2024/25", "AP", "cap_change"): [("cap", "2024-04-01", None, NO_CAP)],
    ("roles", "2024/25", "AP", "cap_rule"): [("cap", "2024-04-01", None, NO_CAP)],
    ("timeline", "2024/25", "ALL", "cap_change"):
        [("cap", "2024-04-01", None, {"max_headcount": None, "applies_to": "direct patient care roles"})],
    ("timeline", "2024/25", "OTHER_DPC", "role_added"):
        [("eligibility", "2024-04-01", None, {"requires_icb_agreement": True})],
    ("roles", "2024/25", "OTHER_DPC", "cap_rule"):
        [("eligibility", "2024-04-01", None, {"requires_icb_agreement": True})],
    ("timeline", "2024/25", "MHP", "funding_rule"):
        [("funding_share", "2024-04-01", None,
          {"arrs_share_percent": 100, "employed_by": "mental health provider"})],
    ("roles", "2024/25", "MHP", "cap_rule"): [("cap", "2023-04-01", None, NO_CAP)],
    ("timeline", "2024/25", "ALL", "funding_rule"): None,
    ("timeline", "2024/25", "SPLW", "funding_rule"):
        [("eligibility", "2024-04-01", None, {"training_time_claimable": True}),
         ("eligibility", "2024-04-01", None, {"training_time_claimable": True}, "HWBC"),
         ("eligibility", "2024-04-01", None, {"training_time_claimable": True}, "CC")],
    ("timeline", "2024/25", "ALL", "rate_change"): None,
    ("timeline", "2024/25", "GP", "role_added"):
        [("eligibility", "2024-10-01", "2026-03-31", {"max_years_since_cct": 2}),
         ("funding_share", "2024-10-01", "2025-03-31", {"ring_fenced_sum": True})],
    ("roles", "2024/25", "GP", "cap_rule"):
        [("cap", "2024-10-01", None, NO_CAP),
         ("funding_share", "2024-10-01", "2025-03-31", {"ring_fenced_sum": True})],

    ("timeline", "2025/26", "HCSW", "role_added"): [("prior_employment", "2025-04-01", None, PRIOR_12)],
    ("timeline", "2025/26", "GPN_NEW", "role_added"): [("prior_employment", "2025-04-01", None, PRIOR_12)],
    ("timeline", "2025/26", "GPN_EXP", "role_added"): [("prior_employment", "2025-04-01", None, PRIOR_12)],
    ("timeline", "2025/26", "CONSULTANT_NURSE", "role_added"):
        [("prior_employment", "2025-04-01", None, PRIOR_12)],
    ("roles", "2025/26", "HCSW", "cap_rule"): [("prior_employment", "2025-04-01", None, PRIOR_12)],
    ("roles", "2025/26", "GPN_NEW", "cap_rule"): [("prior_employment", "2025-04-01", None, PRIOR_12)],
    ("roles", "2025/26", "GPN_EXP", "cap_rule"): [("prior_employment", "2025-04-01", None, PRIOR_12)],
    ("roles", "2025/26", "CONSULTANT_NURSE", "cap_rule"):
        [("prior_employment", "2025-04-01", None, PRIOR_12)],
    ("timeline", "2025/26", "GP", "funding_rule"):
        [("funding_share", "2025-04-01", None, {"ring_fenced_sum": False})],
    ("roles", "2025/26", "GP", "cap_rule"):
        [("cap", "2024-10-01", None, NO_CAP),
         ("funding_share", "2025-04-01", None, {"ring_fenced_sum": False})],
    ("timeline", "2025/26", "ALL", "funding_rule"): None,
    ("timeline", "2025/26", "ALL", "cap_change"):
        [("cap", "2025-04-01", None, {"max_headcount": None, "applies_to": "all ARRS roles"})],
    ("timeline", "2025/26", "ALL", "rate_change"): None,

    ("timeline", "2026/27", "GP", "eligibility_change"):
        [("eligibility", "2026-04-01", None, {"max_years_since_cct": None})],
    ("roles", "2026/27", "GP", "cap_rule"):
        [("eligibility", "2026-04-01", None, {"max_years_since_cct": None})],
    ("timeline", "2026/27", "OTHER_DPC", "role_added"):
        [("eligibility", "2026-04-01", None, {"requires_commissioner_approval": True})],
    ("roles", "2026/27", "OTHER_DPC", "cap_rule"):
        [("eligibility", "2026-04-01", None, {"requires_commissioner_approval": True})],
    ("timeline", "2026/27", "ALL", "funding_rule"): None,
}

# Events about a rule (role_added is only a rule when the table says so).
RULE_EVENTS = {"cap_change", "funding_rule", "eligibility_change", "supervision_rule",
               "rate_change", "role_added"}


def rule_applies(frm, to):
    """Rules in force at some point of 2023/24..2026/27."""
    first = "%d-04-01" % FIRST_YEAR
    last = "%d-03-31" % (LAST_YEAR + 1)
    return frm <= last and (to is None or to >= first)


def build(folder):
    role_rows = read(folder, "role-codes.csv")
    timeline = read(folder, "arrs-role-timeline.csv")
    variants = read(folder, "arrs-rate-variants.csv")
    roles_csv = read(folder, "arrs-roles.csv")
    allocation_csv = read(folder, "arrs-allocation.csv")

    added = {}
    for ev in timeline:
        if ev["event"] == "role_added" and ev["role_code"] not in added:
            added[ev["role_code"]] = ev["effective_date"]

    roles = []
    codes = set()
    for r in role_rows:
        start, _ = fy_bounds(r["first_financial_year"])
        roles.append({
            "code": r["code"],
            "name": r["name"],
            "staff_group": r["staff_group"],
            "available_from": added.get(r["code"], start),
            "notes": r["notes"] or None,
        })
        codes.add(r["code"])

    rates = []
    seen = set()
    for v in variants:
        if not in_range(v["financial_year"]):
            continue
        # Low-confidence rows come from a single third-party table the
        # domain notes say not to rely on (it also holds clear errors);
        # shipping them would present a guess as a maximum. Leave them out:
        # the application then says no rate is known and asks for the ICB's.
        if v["confidence"].startswith("low"):
            continue
        if v["role_code"] not in codes:
            raise SystemExit("rate for unknown role %s" % v["role_code"])
        area, inferred = area_of(v["area"])
        notes = v["notes"]
        if inferred:
            notes = "area label inferred by the source; " + notes
        rates.append({
            "role": v["role_code"],
            "area": area,
            "from": v["effective_from"],
            "to": v["effective_to"] or None,
            "annual_pence": pence(v["max_annual_gbp"]),
            "confidence": v["confidence"],
            "notes": notes or None,
            "source": v["source"],
        })
        seen.add((v["role_code"], v["financial_year"], area, pence(v["max_annual_gbp"])))

    for r in roles_csv:
        if not in_range(r["financial_year"]) or not r["max_annual_reimbursement_gbp"]:
            continue
        if r["role_code"] not in codes:
            raise SystemExit("rate for unknown role %s" % r["role_code"])
        amount = pence(r["max_annual_reimbursement_gbp"])
        if (r["role_code"], r["financial_year"], "national", amount) in seen:
            continue
        frm, to = fy_bounds(r["financial_year"])
        if r["role_code"] == "GP" and r["financial_year"] == "2024/25":
            frm = "2024-10-01"
        rates.append({
            "role": r["role_code"],
            "area": "national",
            "from": frm,
            "to": to,
            "annual_pence": amount,
            "confidence": "verified",
            "notes": r["notes"] or None,
            "source": r["source"],
        })

    # Stable order; where two rows share role, area and start the more
    # certain one comes first (and is the one a look-up finds).
    rates.sort(key=lambda x: (x["role"], x["area"], x["from"], confidence_rank(x["confidence"])))

    rules = {}
    order = []

    def add_rule(key, text, source, confidence):
        if key not in RULES:
            raise SystemExit("no structure for rule row %r: add it to RULES" % (key,))
        for entry in RULES[key] or []:
            kind, frm, to, params = entry[:4]
            role = entry[4] if len(entry) > 4 else key[2]
            if not rule_applies(frm, to):
                continue
            k = (role, kind, frm)
            if k in rules:
                rule = rules[k]
                if text and text not in rule["text"]:
                    rule["text"] += "; " + text
                for s in source.split(" | "):
                    if s not in rule["source"].split(" | "):
                        rule["source"] += " | " + s
                continue
            rules[k] = {
                "role": role,
                "kind": kind,
                "from": frm,
                "to": to,
                "params": params,
                "text": text,
                "confidence": confidence,
                "source": source,
            }
            order.append(k)

    for ev in timeline:
        if ev["event"] not in RULE_EVENTS:
            raise SystemExit("unknown event %s" % ev["event"])
        key = ("timeline", ev["financial_year"], ev["role_code"], ev["event"])
        if ev["event"] == "role_added" and key not in RULES:
            continue
        if not in_range(ev["financial_year"]) and key not in RULES:
            continue
        add_rule(key, ev["detail"], ev["source"], ev["confidence"])

    for r in roles_csv:
        if not in_range(r["financial_year"]) or not r["cap_rule"]:
            continue
        add_rule(("roles", r["financial_year"], r["role_code"], "cap_rule"),
                 r["cap_rule"], r["source"], "verified")

    rule_list = sorted((rules[k] for k in order),
                       key=lambda x: (x["role"], x["kind"], x["from"]))

    allocation = []
    for a in allocation_csv:
        if not in_range(a["financial_year"]):
            continue
        if a["component"] not in ("pcn_arrs_sum_rate", "pcn_arrs_gp_sum_rate"):
            continue
        if not a["value_gbp"]:
            continue
        frm, to = fy_bounds(a["financial_year"])
        if a["component"] == "pcn_arrs_gp_sum_rate":
            frm = "%d-10-01" % year_of(a["financial_year"])
        allocation.append({
            "year": year_of(a["financial_year"]),
            "component": a["component"],
            "per_weighted_patient_gbp": a["value_gbp"],
            "from": frm,
            "to": to,
            "population_reference_date": a["population_reference_date"] or None,
            "confidence": a["confidence"],
            "notes": a["notes"] or None,
            "source": a["source"],
        })

    known = {a["year"] for a in allocation if a["component"] == "pcn_arrs_sum_rate"}
    notes = []
    for y in range(FIRST_YEAR, LAST_YEAR + 1):
        if y not in known:
            notes.append("No per-head ARRS sum rate known for %d/%02d: enter the PCN's "
                         "allocation from the ICB's letter." % (y, (y + 1) % 100))
    notes.append("Roles and years without a rate row have no figure in the sources: "
                 "enter the rate from your ICB's rate list.")

    return {
        "version": VERSION,
        "generated_from": "domain/role-codes.csv, arrs-roles.csv, arrs-rate-variants.csv, "
                          "arrs-role-timeline.csv, arrs-allocation.csv",
        "years": [FIRST_YEAR, LAST_YEAR],
        "notes": notes,
        "roles": roles,
        "rates": rates,
        "rules": rule_list,
        "allocation": allocation,
    }


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "domain")
    json.dump(build(folder), sys.stdout, indent=1, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
