#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Nianbao contributors
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks expected-answer files of real reports (NAME.json beside NAME.<ext>) for consistency.

usage: check_answers.py DIR [NAME...]

An answer lists all 200 cells of the template (template.md), the cells blank in the source
(missing_in_source), the rules that must fire and the rules that may. This script does not
know the right figures (a person reads them off the source); it checks that the answer is
complete and that every reconciliation rule the figures break is listed in must_fire, and no
rule they keep is (except text.table / value.missing / year.carry, which need the narrative).
Exit 1 when any answer is inconsistent."""
import json, os, sys

COLS = ["natural", "commercial", "research", "nonprofit", "legal", "other_org", "total"]
ROWS = ["received", "carried_over", "disclosed", "partially_disclosed",
        "withheld_state_secret", "withheld_law_prohibited", "withheld_security_stability",
        "withheld_third_party", "withheld_internal_affairs", "withheld_process_info",
        "withheld_enforcement_file", "withheld_query_matter", "unavailable_not_held",
        "unavailable_needs_creation", "unavailable_unclear", "declined_complaint",
        "declined_duplicate", "declined_publication", "declined_excessive",
        "declined_confirmation", "other_no_correction", "other_unpaid_fee", "other_misc",
        "total_processed", "carried_forward"]
OUTCOMES = ROWS[2:23]
GROUPS = ["reconsideration", "litigation_direct", "litigation_after"]
APPEAL_COLS = ["upheld", "corrected", "other", "pending", "total"]
ACTIVE = ["active.regulation.issued", "active.regulation.repealed", "active.regulation.in_force",
          "active.normative.issued", "active.normative.repealed", "active.normative.in_force",
          "active.license.decisions", "active.penalty.decisions", "active.coercion.decisions",
          "active.fee.amount"]
KEYS = ACTIVE + [f"requests.{r}.{c}" for r in ROWS for c in COLS] + \
    [f"appeals.{g}.{c}" for g in GROUPS for c in APPEAL_COLS]
EXTS = (".txt", ".md", ".html", ".htm", ".docx", ".pdf", ".tiff", ".tif", ".png", ".jpg")
FIELDS = ["file", "agency", "year", "cells", "missing_in_source", "statements", "must_fire",
          "may_fire", "source", "notes"]


def broken_rules(c):
    """The ids of the reconciliation rules the figures break."""
    broken = set()
    for col in COLS:
        if c[f"requests.received.{col}"] + c[f"requests.carried_over.{col}"] != \
                c[f"requests.total_processed.{col}"] + c[f"requests.carried_forward.{col}"]:
            broken.add("requests.balance")
        if sum(c[f"requests.{r}.{col}"] for r in OUTCOMES) != c[f"requests.total_processed.{col}"]:
            broken.add("requests.outcomes")
    for r in ROWS:
        if sum(c[f"requests.{r}.{col}"] for col in COLS[:6]) != c[f"requests.{r}.total"]:
            broken.add("requests.row_total")
    for g in GROUPS:
        if sum(c[f"appeals.{g}.{col}"] for col in APPEAL_COLS[:4]) != c[f"appeals.{g}.total"]:
            broken.add("appeals.total")
    for k, v in c.items():
        if v < 0 or (k != "active.fee.amount" and v != int(v)):
            broken.add("value.domain")
    return broken


def problems(folder, name):
    exp = json.load(open(os.path.join(folder, name + ".json"), encoding="utf-8"))
    out = [f"field '{f}' is absent" for f in FIELDS if f not in exp]
    if out:
        return out
    if not any(os.path.exists(os.path.join(folder, name + e)) for e in EXTS):
        out.append("no report file beside the answer")
    cells = exp["cells"]
    if sorted(cells) != sorted(KEYS):
        out.append(f"cells: {len(set(KEYS) - set(cells))} keys absent, "
                   f"{len(set(cells) - set(KEYS))} unknown")
        return out
    if any(not isinstance(v, (int, float)) for v in cells.values()):
        out.append("a cell value is not a number")
        return out
    if not set(exp["missing_in_source"]) <= set(KEYS):
        out.append("missing_in_source names unknown keys")
    broken = broken_rules(cells)
    listed = set(exp["must_fire"])
    for rule in sorted(broken - listed):
        out.append(f"the figures break {rule} but must_fire does not list it")
    for rule in sorted(listed - broken - {"text.table", "value.missing", "year.carry"}):
        out.append(f"must_fire lists {rule} but the figures keep it")
    if exp["missing_in_source"] and "value.missing" not in listed | set(exp["may_fire"]):
        out.append("cells are missing in the source but value.missing is neither must nor may")
    if not isinstance(exp["year"], int) or not 2021 <= exp["year"] <= 2030:
        out.append(f"year {exp['year']} is not a year of the 2021 form")
    return out


def main():
    folder = sys.argv[1]
    names = sys.argv[2:] or sorted(f[:-5] for f in os.listdir(folder) if f.endswith(".json"))
    bad = 0
    for name in names:
        for p in problems(folder, name):
            print(f"{name}: {p}")
            bad += 1
    print(f"answers {len(names)} problems {bad}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
