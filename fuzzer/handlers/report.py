"""JUnit XML and NDJSON reports of a handler-fuzzing run, with a curl reproduction per finding."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING
from xml.etree import ElementTree as ET

if TYPE_CHECKING:
    from .runner import Report

INLINE_BODY_LIMIT = 4096


def _slug(text: str) -> str:
    return re.sub(r"[^a-zA-Z0-9]+", "-", text).strip("-").lower()


def write_reports(report: Report, report_dir: Path | None) -> None:
    """Fills each finding's curl (bodies over 4 KiB go to files in ``report_dir/bodies``) and writes
    ``junit.xml`` and ``results.ndjson`` into ``report_dir`` when it is given."""
    from .runner import curl

    by_case = {result.case.name: result for result in report.results}
    bodies = report_dir / "bodies" if report_dir else None
    for finding in report.findings:
        case = by_case[finding.case].case
        body_file = None
        if len(case.body) > INLINE_BODY_LIMIT or b"\x00" in case.body:
            if bodies is not None:
                bodies.mkdir(parents=True, exist_ok=True)
                body_file = bodies / f"{_slug(case.name)}.json"
                body_file.write_bytes(case.body)
            else:
                body_file = Path(f"{_slug(case.name)}.json")
        finding.curl = curl(report.target, case, body_file)
    if report_dir is None:
        return
    report_dir.mkdir(parents=True, exist_ok=True)
    with (report_dir / "results.ndjson").open("w", encoding="utf-8") as out:
        header = {"type": "run", "target": report.target, "public_key": report.public_key, "key": report.key_source}
        out.write(json.dumps(header) + "\n")
        for result in report.results:
            line = {
                "type": "case",
                "case": result.case.name,
                "kind": result.case.kind,
                "event": result.case.event,
                "envelope": result.case.envelope,
                "checks": list(result.case.checks),
                "status": result.status,
                "elapsed": round(result.elapsed, 6),
                "error": result.error,
            }
            out.write(json.dumps(line) + "\n")
        for finding in report.findings:
            out.write(json.dumps({"type": "finding", **finding.__dict__}) + "\n")
    suite = ET.Element(
        "testsuite",
        name="fuzz-webhooks",
        tests=str(len(report.tally)),
        failures=str(len(report.failed_checks)),
        errors="0",
    )
    for check, (run, failed) in sorted(report.tally.items()):
        case = ET.SubElement(suite, "testcase", classname="fuzz_webhooks", name=check)
        mine = [f for f in report.findings if f.check == check]
        if mine:
            failure = ET.SubElement(case, "failure", message=f"{failed} of {run} cases failed {check}")
            failure.text = "\n\n".join(f"{f.case}: {f.message}\n{f.curl}" for f in mine)
    root = ET.Element("testsuites")
    root.append(suite)
    ET.ElementTree(root).write(report_dir / "junit.xml", encoding="utf-8", xml_declaration=True)
