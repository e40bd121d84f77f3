"""`make fuzz BASE_URL=...` against a server the fuzzer did not start: a broken one fails, named."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from fuzzer.target import ROOT, Credentials, RefServer
from tests.shell import user_shell_env

pytestmark = pytest.mark.timeout(300)


def summary_row(output: str, check: str) -> tuple[int, int]:
    """(run, failed) of ``check`` in the per-check summary printed at the end."""
    match = re.search(rf"^\s+{check}\s+(\d+)\s+\d+\s+(\d+)", output, re.MULTILINE)
    assert match, f"{check} not in the summary:\n{output[-3000:]}"
    return int(match.group(1)), int(match.group(2))


def test_make_fuzz_base_url_fails_on_a_broken_server_and_names_the_checks(tmp_path: Path) -> None:
    credentials = Credentials.from_env({})
    env = {
        **user_shell_env("FUZZ", "TELNYX_"),
        "TELNYX_API_KEY": credentials.api_key,
        "TELNYX_V1_KEY": credentials.v1_key,
        "TELNYX_V1_SECRET": credentials.v1_secret,
    }
    args = [
        "--parts v1,apps-v2 --phases examples --max-examples 2 --steer 1 --quiet",
        f"--report-dir {tmp_path}",
        "--v1-arg=--include-operation-id=callSpeak",
        "--apps-v2-arg=--include-operation-id=listCallControlApplications",
    ]
    with RefServer(credentials, faults=("no_auth", "webhook_bad_signature")) as server:
        result = subprocess.run(
            ["make", "--no-print-directory", "fuzz", f"BASE_URL={server.base_url}", f"FUZZ_ARGS={' '.join(args)}"],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-3000:]
    assert f"target {server.base_url}" in output  # it fuzzed that server, and started none of its own
    assert "reference server on" not in output
    assert "point your application's webhook_event_url at http://127.0.0.1:" in output
    for check in ("ignored_auth", "webhooks_conformance"):
        run, failed = summary_row(output, check)
        assert run > 0 and failed > 0, (check, run, failed)
    assert summary_row(output, "not_a_server_error")[1] == 0
    assert "fuzz FAILED" in output
    failures = json.loads((tmp_path / "summary.json").read_text())["failures"]
    assert {"ignored_auth", "webhooks_conformance"} <= {f["check"] for f in failures}
