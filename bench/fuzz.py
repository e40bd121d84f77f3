"""Row: the default `make fuzz` run (``python -m fuzzer``), recorded as test cases per second.

The fuzzer starts its own reference server and webhook receiver, as `make fuzz` does; its
reports go to a temporary directory. "Cases" are the distinct schemathesis test cases of its
NDJSON reports (one generated request each, with every check run on it); the call-flow
state machine's steps are not counted. The check verdicts (the sum of the per-check counts of
``summary.json``: a case that three checks look at counts three times) are recorded next to it.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

from bench.measure import PYTHON, run_process
from bench.report import Row

# --quick: 1 schemathesis example per operation and phase (default 5), and at most 15 s per
# `st run` (the V1 coverage phase, which examples do not bound, takes about 2 minutes).
QUICK_ARGS = ("--max-examples", "1", "--max-time", "15")


def _fuzzer_env_names() -> list[str]:
    """Environment variables that would change the fuzzer's defaults (another server, other budgets)."""
    return [n for n in os.environ if n == "BASE_URL" or n == "TELNYX_PUBLIC_KEY" or n.startswith("FUZZ_")]


def _ndjson_counts(report_dir: Path) -> tuple[int, int]:
    """Distinct schemathesis test cases and HTTP requests in the NDJSON reports."""
    cases: set[tuple[str, str]] = set()
    requests: set[tuple[str, str]] = set()
    for path in sorted(report_dir.glob("*.ndjson")):
        for line in path.read_text(encoding="utf-8").splitlines():
            try:
                event = json.loads(line)
            except ValueError:
                continue
            finished = event.get("ScenarioFinished") if isinstance(event, dict) else None
            if not finished:
                continue
            recorder = finished.get("recorder") or {}
            scenario = f"{path.stem}:{finished.get('id', '')}"
            cases.update((scenario, case_id) for case_id in recorder.get("cases") or {})
            requests.update((scenario, case_id) for case_id in recorder.get("interactions") or {})
    return len(cases), len(requests)


def row_fuzz(quick: bool) -> Row:
    extra = list(QUICK_ARGS) if quick else []
    with tempfile.TemporaryDirectory(prefix="bench-fuzz-") as tmp:
        report_dir = Path(tmp)
        run = run_process(
            [PYTHON, "-m", "fuzzer", "--report-dir", str(report_dir), *extra],
            unset=_fuzzer_env_names(),
        )
        summary_path = report_dir / "summary.json"
        if run.returncode not in (0, 1) or not summary_path.exists():
            return Row(
                "fuzz", "", "", None, "recorded", None, error=f"fuzzer exit {run.returncode}: {run.output[-200:]}"
            )
        summary: dict[str, Any] = json.loads(summary_path.read_text(encoding="utf-8"))
        distinct_cases, requests = _ndjson_counts(report_dir)
    checks = summary.get("checks") or {}
    verdicts = sum(int(c.get("run", 0)) for c in checks.values())
    failed = sum(int(c.get("failed", 0)) for c in checks.values())
    budget = f"quick: {' '.join(QUICK_ARGS)}" if quick else "defaults"
    return Row(
        "fuzz",
        f"{distinct_cases / run.seconds:.1f} cases/s ({distinct_cases} cases, {verdicts} check verdicts,"
        f" in {run.seconds:.1f} s, {budget})" + (f", {failed} failed" if failed else ""),
        "none",
        None,
        "recorded",
        None,
        {
            "cases": distinct_cases,
            "cases_per_s": distinct_cases / run.seconds,
            "check_verdicts": verdicts,
            "wall_s": run.seconds,
            "fuzzer_own_s": summary.get("seconds"),
            "peak_rss_mb": run.peak_rss_mb,
            "http_requests": requests,
            "checks": checks,
            "failed_checks": failed,
            "unique_failures": len(summary.get("failures") or []),
            "errors": summary.get("errors") or [],
            "exit_status": run.returncode,
            "args": extra,
        },
    )
