"""The hostile-input phase finds its class of bug in any server, from the spec alone.

Against tests/fuzz/sessions_app.py (an API that is not Telnyx's, with its own spec), started on a
free port: each injected fault is caught and named by the right check, and the healthy variant
passes. Nothing in fuzzer/hostile.py knows this API.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fuzzer.checks import (
    CapacityLeakFailure,
    HostileAcceptedFailure,
    HostileServerErrorFailure,
    ServerBrokenFailure,
)
from fuzzer.hostile import Context, HostilePhase, inputs_for, targets
from fuzzer.spec import load_index
from tests.fuzz.sessions_app import TOKEN, SessionsApp, serve

pytestmark = pytest.mark.timeout(120)
SPEC = Path(__file__).with_name("sessions_api.yaml")
ROOT = Path(__file__).resolve().parents[2]


def hostile_run(*faults: str) -> HostilePhase:
    app = SessionsApp(frozenset(faults))
    with serve(app.app()) as server:
        context = Context(headers_for=lambda op: {"authorization": f"Bearer {TOKEN}"}, timeout=2)
        phase = HostilePhase(load_index(SPEC), server.url, context)
        try:
            phase.run()
        finally:
            phase.close()
    return phase


def test_targets_come_from_the_spec() -> None:
    index = load_index(SPEC)
    found = {(op.label, t.describe(), t.kind) for op in index.all_operations for t in targets(index, op)}
    assert ("GET /sessions", "query page", "integer") in found
    assert ("POST /sessions", "body /name", "string") in found
    assert ("POST /sessions", "body /tags", "array") in found
    assert ("POST /sessions", "body /tags/[]", "string") in found  # an array's items too
    assert ("POST /sessions", "body /meta", "object") in found
    assert ("POST /sessions/{session_id}/timers", "body /delay_ms", "integer") in found
    assert ("DELETE /sessions/{session_id}", "path session_id", "string") in found
    names = {h.name for op in index.all_operations for t in targets(index, op) for h in inputs_for(t)}
    for expected in ("lone surrogate", "NUL", "overlong UTF-8", "1 MB string", "10^400", "1e400", "-0", "NaN string"):
        assert expected in names
    assert {"nesting 1000", "duplicate keys", "non-ASCII digit", "1_0", "leading space"} <= names


def test_healthy_server_passes() -> None:
    phase = hostile_run()
    assert phase.failures == []
    assert phase.cases["hostile_no_server_error"] >= 40
    assert phase.cases["hostile_server_still_works"] >= 8


def test_a_500_on_surrogates_is_found() -> None:
    failures = [f for f in hostile_run("surrogate_500").failures if isinstance(f, HostileServerErrorFailure)]
    assert ("POST /sessions", "body /name", "lone surrogate", 500) in {
        (f.operation, f.target, f.input, f.status) for f in failures
    }
    assert failures[0].check == "hostile_no_server_error"


def test_a_phantom_after_a_failed_request_is_found() -> None:
    failures = hostile_run("phantom").failures
    leaks = [f for f in failures if isinstance(f, CapacityLeakFailure)]
    assert leaks and leaks[0].check == "hostile_capacity_released"
    assert (leaks[0].operation, leaks[0].expected, leaks[0].got) == ("POST /sessions", 201, 409)
    assert not [f for f in failures if isinstance(f, HostileServerErrorFailure)]


def test_an_overflowing_timer_that_answers_200_is_found() -> None:
    failures = hostile_run("timer_overflow").failures
    broken = [f for f in failures if isinstance(f, ServerBrokenFailure)]
    assert broken and broken[0].check == "hostile_server_still_works"
    assert broken[0].operation == "POST /sessions/{session_id}/timers"
    assert broken[0].got is None and "10^400" in broken[0].after and "body /delay_ms" in broken[0].after
    accepted = [f for f in failures if isinstance(f, HostileAcceptedFailure)]
    assert [(f.input, f.status) for f in accepted] == [("10^400", 200)]


def test_a_recursion_error_on_deep_nesting_is_found() -> None:
    failures = [f for f in hostile_run("recursion").failures if isinstance(f, HostileServerErrorFailure)]
    assert failures and {f.target for f in failures} == {"body /meta"}
    assert {f.input for f in failures} <= {"nesting 500", "nesting 950"} and failures[0].status == 500


def test_lenient_numeric_query_parameters_are_found() -> None:
    failures = hostile_run("lenient_numbers").failures
    assert {(f.check, f.target, f.input) for f in failures} == {
        ("hostile_input_rejected", "query page", "non-ASCII digit"),
        ("hostile_input_rejected", "query page", "1_0"),
        ("hostile_input_rejected", "query page", "leading space"),
    }


def test_make_fuzz_parts_hostile_on_a_foreign_spec(tmp_path: Path) -> None:
    """`python -m fuzzer --spec ... --parts hostile` against the faulty server: exit 1, the check named."""
    app = SessionsApp(frozenset({"surrogate_500"}))
    with serve(app.app()) as server:
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "fuzzer",
                "--base-url",
                server.url,
                "--spec",
                str(SPEC),
                "--parts",
                "hostile",
                "--report-dir",
                str(tmp_path),
                "--hostile-timeout",
                "2",
            ],
            cwd=ROOT,
            env={"PATH": "/usr/bin:/bin", "TELNYX_API_KEY": TOKEN, "PYTHONPATH": str(ROOT)},
            capture_output=True,
            text=True,
            timeout=100,
        )
    output = result.stdout + result.stderr
    assert result.returncode == 1, output[-3000:]
    assert "[progress] hostile input:" in output and "5/5 operations" in output
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["checks"]["hostile_no_server_error"]["failed"] > 0
    assert any(
        f["check"] == "hostile_no_server_error" and "lone surrogate in body /name" in f["message"]
        for f in summary["failures"]
    )
    assert "fuzz FAILED" in output
