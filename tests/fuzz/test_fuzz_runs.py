"""The fuzzer against the reference server: healthy (no failures) and with each injected fault.

Each run is `python -m fuzzer`'s own entry point (fuzzer.__main__.main) with a small, seeded
budget and only the parts, phases and operations that the fault concerns. The reference
server gets its faults through REFSERVER_ENABLE_FAULTS=1 / REFSERVER_FAULTS (test only).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from fuzzer.__main__ import main
from fuzzer.spec import CALLS_V2_SPEC, load_index

pytestmark = pytest.mark.timeout(420)


def run(tmp_path: Path, *args: str, faults: str = "") -> tuple[int, dict]:
    argv = ["--seed", "7", "--report-dir", str(tmp_path), "--quiet", "--webhook-timeout", "4", *args]
    if faults:
        argv += ["--server-faults", faults]
    code = main(argv)
    summary = json.loads((tmp_path / "summary.json").read_text())
    return code, summary


def failed_checks(summary: dict) -> set[str]:
    return {f["check"] for f in summary["failures"]} | {k for k, v in summary["checks"].items() if v["failed"]}


def test_healthy_reference_server_passes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, summary = run(
        tmp_path,
        "--parts",
        "callflows,v1,calls-v2,apps-v2",  # the hostile phase: tests/fuzz/test_hostile*.py
        "--max-examples",
        "3",
        "--phases",
        "examples,fuzzing,stateful",
        "--callflow-examples",
        "3",
        "--callflow-steps",
        "15",
    )
    checks = summary["checks"]
    for name in (
        "webhooks_conformance",
        "command_idempotency",
        "call_state_conformance",
        "not_a_server_error",
        "response_schema_conformance",
        "ignored_auth",
        "use_after_free",
    ):
        assert checks.get(name, {}).get("run", 0) > 0, f"{name} did not run"
    assert not summary["failures"], json.dumps(summary["failures"], indent=1)[:4000]
    assert not summary["errors"], summary["errors"]
    assert code == 0
    # V2 commands were exercised: every operation of the V2 call document was accepted (2xx) in its
    # own schemathesis run, with the custom checks registered there; the call flows drove both APIs
    v2_calls = load_index().document(CALLS_V2_SPEC)
    missing = set(v2_calls.operations) - set(summary["accepted"].get("calls-v2", []))
    assert not missing, f"V2 call operations never accepted: {sorted(missing)}"
    for name in ("webhooks_conformance", "command_idempotency", "call_state_conformance"):
        assert summary["sources"]["calls-v2"].get(name, {}).get("run", 0) > 0, f"{name} did not run on V2 calls"
    flows = summary["accepted"].get("callflows", [])
    assert [op for op in flows if " /v2/calls/" in op], f"the call flows sent no V2 command: {flows}"
    assert [op for op in flows if op.startswith("POST /calls/")], f"the call flows sent no V1 command: {flows}"
    output = capsys.readouterr().out
    for phase in ("call flows", "schemathesis v1", "schemathesis calls-v2", "schemathesis apps-v2"):
        line = rf"\[progress\] {phase}: \d+(/\d+)? operations( \(\w+\))?, [1-9]\d* cases, 0 failures so far"
        assert re.search(line, output), phase


V2_ONLY = ("--parts", "apps-v2", "--max-examples", "5")


@pytest.mark.parametrize(
    ("fault", "args", "check"),
    [
        (
            "no_auth",
            (*V2_ONLY, "--phases", "examples", "--apps-v2-arg=--include-operation-id=listCallControlApplications"),
            "ignored_auth",
        ),
        (
            "no_limit",
            (*V2_ONLY, "--phases", "coverage", "--apps-v2-arg=--include-operation-id=createCallControlApplication"),
            "negative_data_rejection",
        ),
        (
            "crash",
            (
                *V2_ONLY,
                "--phases",
                "examples,fuzzing",
                "--dictionary",
                "boom",
                "--apps-v2-arg=--include-operation-id=createCallControlApplication",
            ),
            "not_a_server_error",
        ),
        ("zombie_delete", (*V2_ONLY, "--phases", "stateful"), "use_after_free"),
        (
            "command_after_hangup",
            ("--parts", "callflows", "--callflow-examples", "2", "--callflow-steps", "10"),
            "call_state_conformance",
        ),
        (
            "webhook_missing",
            ("--parts", "callflows", "--callflow-examples", "1", "--callflow-steps", "6"),
            "webhooks_conformance",
        ),
        (
            "webhook_order",
            ("--parts", "callflows", "--callflow-examples", "1", "--callflow-steps", "6"),
            "webhooks_conformance",
        ),
        (
            "webhook_bad_signature",
            ("--parts", "callflows", "--callflow-examples", "1", "--callflow-steps", "6"),
            "webhooks_conformance",
        ),
        # the same webhook check, registered in schemathesis, catches it in an `st run` too
        (
            "webhook_bad_signature",
            (
                "--parts",
                "v1",
                "--phases",
                "examples",
                "--max-examples",
                "2",
                "--steer",
                "1",
                "--v1-arg=--include-operation-id=callSpeak",
            ),
            "webhooks_conformance",
        ),
        # ... and in the V2 calls run: the V2 command's webhooks are checked the same way
        (
            "webhook_bad_signature",
            (
                "--parts",
                "calls-v2",
                "--phases",
                "examples",
                "--max-examples",
                "2",
                "--steer",
                "1",
                "--calls-v2-arg=--include-operation-id=speakCall",
            ),
            "webhooks_conformance",
        ),
    ],
    ids=[
        "no_auth",
        "no_limit",
        "crash",
        "zombie_delete",
        "command_after_hangup",
        "webhook_missing",
        "webhook_order",
        "webhook_bad_signature",
        "webhook_bad_signature_st",
        "webhook_bad_signature_st_v2",
    ],
)
def test_fault_is_caught_by_the_right_check(tmp_path: Path, fault: str, args: tuple[str, ...], check: str) -> None:
    code, summary = run(tmp_path / "faulty", *args, faults=fault)
    assert code != 0, f"{fault}: the fuzzer passed"
    assert check in failed_checks(summary), f"{fault}: failed checks {failed_checks(summary)}, expected {check}"
    # control: the same run against the healthy server does not fail that check
    _, healthy = run(tmp_path / "healthy", *args)
    assert check not in failed_checks(healthy), f"{check} fails on the healthy server too: {healthy['failures']}"
    assert healthy["checks"].get(check, {}).get("run", 0) > 0
