"""The webhook-handler fuzzer: the example handler passes, each handler with one fault fails the right check."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
from nacl.signing import SigningKey
from telnyx_call_control.webhook_events import WEBHOOK_EVENTS

from fuzzer.handlers import CHECKS, run
from fuzzer.handlers.cases import build_cases
from fuzzer.handlers.signing import Signer
from specmodel import default_spec
from toolkit.apps import ServedApp

from .handlers import FakeClock, handler_app

ROOT = Path(__file__).resolve().parents[2]
SEED = base64.b64encode(bytes(range(32))).decode()
PUBLIC = base64.b64encode(bytes(SigningKey(bytes(range(32))).verify_key)).decode()
EXAMPLES = 1

EXPECTED = {
    "accepts_forged_signature": {"rejects_forged_signature"},
    "accepts_stale_timestamp": {"rejects_stale_timestamp"},
    "500_on_unknown_type": {"unknown_event_accepted", "no_server_error"},
    "500_on_duplicate": {"duplicate_same_answer", "no_server_error"},
    "slow": {"answers_within_timeout"},
}


def fuzz(fault: str | None, tmp_path: Path):  # type: ignore[no-untyped-def]
    clock = FakeClock()
    with ServedApp(handler_app(PUBLIC, clock, fault=fault, timeout=2.0)) as app:
        return run(app.url, signing_key=SEED, examples=EXAMPLES, timeout=2.0, report_dir=tmp_path, clock=clock)


def test_the_example_handler_passes(tmp_path: Path) -> None:
    report = fuzz(None, tmp_path)
    report.assert_ok()
    assert set(report.tally) == set(CHECKS)  # every check ran
    kinds = {result.case.kind for result in report.results}
    assert kinds >= {
        "valid",
        "extra_fields",
        "unknown",
        "duplicate",
        "out_of_order",
        "forged",
        "other_key",
        "altered",
        "missing_headers",
        "stale",
        "future",
        "malformed",
        "large",
    }
    statuses = {result.case.kind: result.status for result in report.results}
    assert statuses["forged"] == 401 and statuses["malformed"] == 400


@pytest.mark.parametrize("fault", sorted(EXPECTED))
def test_each_fault_fails_its_check(fault: str, tmp_path: Path) -> None:
    report = fuzz(fault, tmp_path)
    expected = set(EXPECTED[fault])
    if fault == "500_on_unknown_type":
        # Events of the spec that the handler's client was not generated with (the V2 call document's own
        # webhooks) are unknown to it too: that handler fails them as well, and only them.
        known = {(event.event, event.envelope) for event in WEBHOOK_EVENTS}
        by_case = {result.case.name: result.case for result in report.results}
        valid_failures = [f for f in report.findings if f.check == "valid_event_accepted"]
        assert all((by_case[f.case].event, by_case[f.case].envelope) not in known for f in valid_failures)
        if valid_failures:
            expected.add("valid_event_accepted")
    assert report.failed_checks == expected
    junit = ET.parse(tmp_path / "junit.xml").getroot()
    failed = {case.get("name") for case in junit.iter("testcase") if case.find("failure") is not None}
    assert failed == expected
    findings = [json.loads(line) for line in (tmp_path / "results.ndjson").read_text().splitlines()]
    findings = [line for line in findings if line["type"] == "finding"]
    assert {f["check"] for f in findings} == expected
    assert all(f["curl"].startswith("curl -sS -X POST http://127.0.0.1:") for f in findings)


def test_a_curl_reproduction_replays_the_finding(tmp_path: Path) -> None:
    """The curl of an 'accepted a forged signature' finding, run by a shell, gets the same 2xx again."""
    if not any(os.access(Path(d) / "curl", os.X_OK) for d in os.environ.get("PATH", "").split(os.pathsep)):
        pytest.skip("curl is not installed")
    clock = FakeClock()
    with ServedApp(handler_app(PUBLIC, clock, fault="accepts_forged_signature")) as app:
        report = run(app.url, signing_key=SEED, examples=EXAMPLES, report_dir=tmp_path, clock=clock)
        finding = next(f for f in report.findings if f.check == "rejects_forged_signature")
        out = subprocess.run(
            ["bash", "-c", finding.curl + " -o /dev/null -w '%{http_code}'"],
            capture_output=True,
            text=True,
            check=False,
        )
    assert out.stdout == str(finding.status) and finding.status == 200


def test_cases_cover_every_event_type_in_both_envelopes() -> None:
    spec = default_spec()
    scheme = spec.signature
    assert scheme is not None
    cases = build_cases(spec, Signer(scheme, bytes(range(32)), "test"), examples=EXAMPLES)
    valid = {(case.event, case.envelope) for case in cases if case.kind == "valid"}
    assert valid == {(entry.event, entry.envelope) for entry in spec.webhooks}
    extra = {(case.event, case.envelope) for case in cases if case.kind == "extra_fields"}
    assert extra == valid
    for case in cases:
        if case.kind in ("valid", "extra_fields", "out_of_order"):
            body = json.loads(case.body)
            entry = spec.webhook_for_body(body)
            assert entry is not None and (entry.event, entry.envelope) == (case.event, case.envelope)
            assert not list(spec.validator(entry.body_schema).iter_errors(body)), case.name
    event_ids = [
        json.loads(case.body).get("id") or json.loads(case.body)["data"]["id"]
        for case in cases
        if case.kind in ("valid", "extra_fields", "out_of_order")
    ]
    assert len(event_ids) == len(set(event_ids))  # distinct events carry distinct ids


def test_signing_key_comes_from_telnyx_signing_key_or_is_generated(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "TELNYX_SIGNING_KEY"}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "fuzzer.handlers",
            "http://127.0.0.1:9/none",
            "--examples",
            "1",
            "--report-dir",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT)},
        check=False,
    )
    assert out.returncode == 1, out.stderr
    assert "TELNYX_SIGNING_KEY is not set: signing with a generated key" in out.stdout
    assert "public key " in out.stdout and PUBLIC not in out.stdout
    scheme = default_spec().signature
    assert scheme is not None
    assert Signer.from_env(scheme, {"TELNYX_SIGNING_KEY": SEED}).public_key == PUBLIC
    bad = subprocess.run(
        [sys.executable, "-m", "fuzzer.handlers", "http://127.0.0.1:9/none"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**env, "PYTHONPATH": str(ROOT), "TELNYX_SIGNING_KEY": "abc"},
        check=False,
    )
    assert bad.returncode == 2 and "TELNYX_SIGNING_KEY must be Base64" in bad.stderr and "Traceback" not in bad.stderr
