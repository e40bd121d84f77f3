"""The fuzzer on a server that sends no webhooks (issue 15): it says so once, shows progress, keeps
credentials off command lines, reports what breaks schemathesis, and prints its summary when stopped.

Each test starts its small server (tests/fuzz/nowebhook_app.py, tests/fuzz/sessions_app.py) on a
free port and runs `python -m fuzzer` in a subprocess, as a user would.
"""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.fuzz.nowebhook_app import CREDENTIALS, NoWebhookApp
from tests.fuzz.sessions_app import TOKEN, SessionsApp, serve
from tests.fuzz.test_interrupt import alive, children

pytestmark = pytest.mark.timeout(300)
ROOT = Path(__file__).resolve().parents[2]
SECRETS = (
    CREDENTIALS.api_key,
    CREDENTIALS.v1_secret,
    base64.b64encode(f"{CREDENTIALS.v1_key}:{CREDENTIALS.v1_secret}".encode()).decode(),
)


def fuzzer(*args: str, api_key: str = CREDENTIALS.api_key) -> subprocess.Popen[str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("FUZZ", "TELNYX_"))},
        "TELNYX_API_KEY": api_key,
        "TELNYX_V1_KEY": CREDENTIALS.v1_key,
        "TELNYX_V1_SECRET": CREDENTIALS.v1_secret,
        "PYTHONUNBUFFERED": "1",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "fuzzer", *args],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def command_lines(pids: set[int]) -> list[str]:
    lines = []
    for pid in pids:
        try:
            lines.append(Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            continue
    return lines


def test_no_webhooks_is_said_once_with_progress_and_no_credentials_on_command_lines(tmp_path: Path) -> None:
    with serve(NoWebhookApp().app()) as server:
        process = fuzzer(
            "--base-url",
            server.url,
            "--parts",
            "callflows,v1,apps-v2",
            "--phases",
            "examples",
            "--max-examples",
            "2",
            "--steer",
            "1",
            "--webhook-timeout",
            "3",
            "--progress-interval",
            "1",
            "--report-dir",
            str(tmp_path),
            "--quiet",
        )
        seen: list[str] = []
        while process.poll() is None:  # every command line of the fuzzer's processes, as `ps` shows them
            seen += command_lines(children(process.pid) | {process.pid})
            time.sleep(0.1)
        output = process.stdout.read() if process.stdout else ""
    assert process.returncode == 1, output[-3000:]
    assert any("schemathesis.cli" in line for line in seen), "st run was never seen running"
    for secret in SECRETS:
        assert not [line for line in seen if secret in line], f"a credential is on a command line: {secret}"
    announced = [line for line in output.splitlines() if line.startswith("fuzzer: no webhook")]
    assert len(announced) == 1 and "no webhook arrived at the receiver" in announced[0], output[-3000:]
    assert "call flows skipped (no webhooks arrive)" in output
    assert re.search(
        r"\[progress\] schemathesis v1: 16/16 operations \(examples\), \d+ cases, \d+ failures so far", output
    )
    assert re.search(r"\[progress\] schemathesis apps-v2: 5/5 operations \(examples\)", output)
    summary = json.loads((tmp_path / "summary.json").read_text())
    no_webhooks = [f for f in summary["failures"] if f["title"] == "no webhook ever arrived"]
    assert len(no_webhooks) == 1 and no_webhooks[0]["check"] == "webhooks_conformance"
    assert summary["checks"]["webhooks_conformance"]["failed"] == 1  # said once, not once per command
    assert summary["checks"]["command_idempotency"]["run"] > 0  # the other checks went on


def test_a_response_that_breaks_schemathesis_is_a_finding_and_the_run_goes_on(tmp_path: Path) -> None:
    spec = str(Path(__file__).with_name("sessions_api.yaml"))
    with serve(SessionsApp(frozenset({"bad_url"})).app()) as server:
        process = fuzzer(
            "--base-url", server.url, "--spec", spec, "--parts", "st", "--phases", "examples,stateful",
            "--max-examples", "2", "--report-dir", str(tmp_path), "--quiet", api_key=TOKEN,
        )  # fmt: skip
        output, _ = process.communicate(timeout=240)
    assert process.returncode == 1, output[-3000:]
    summary = json.loads((tmp_path / "summary.json").read_text())
    found = [f for f in summary["failures"] if f["check"] == "response_urls_parse"]
    assert found and "response field /data/self does not parse as a URL (Invalid IPv6 URL)" in found[0]["message"]
    assert not summary["errors"], summary["errors"]  # schemathesis itself did not fail
    assert "Invalid IPv6 URL" not in (tmp_path / "sessions_api.log").read_text().split("FAILURES")[0]
    # the run went on past the first broken response: the later operations were tested too
    assert summary["checks"]["not_a_server_error"]["run"] >= 5


def test_sigint_prints_the_summary_of_what_ran(tmp_path: Path) -> None:
    with serve(NoWebhookApp().app()) as server:
        process = fuzzer(
            "--base-url", server.url, "--parts", "apps-v2", "--max-examples", "400", "--progress-interval", "0.5",
            "--report-dir", str(tmp_path), "--quiet",
        )  # fmt: skip
        started: set[int] = set()
        try:
            assert process.stdout is not None
            for line in process.stdout:
                if re.match(r"\[progress\] schemathesis apps-v2: \d+/5 operations( \(\w+\))?, [1-9]\d* cases", line):
                    break
            started = children(process.pid)
            process.send_signal(signal.SIGINT)
            output, _ = process.communicate(timeout=60)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
    assert process.returncode == 128 + signal.SIGINT, output[-3000:]
    assert "Per-check summary" in output and "fuzz INTERRUPTED by SIGINT" in output
    summary = json.loads((tmp_path / "summary.json").read_text())
    assert summary["interrupted"] is True
    assert summary["checks"]["not_a_server_error"]["run"] > 0  # what ran before the signal is in it
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(alive(p) for p in started):
        time.sleep(0.2)
    assert not [p for p in started if alive(p)]  # schemathesis was stopped too
