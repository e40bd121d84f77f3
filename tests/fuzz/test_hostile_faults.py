"""The fuzzer's hostile phase catches each class of issue 15's bugs on the reference server.

`python -m fuzzer --parts hostile` runs against a reference server started with one fault of
refserver/faults.py switched on (each re-enables one bug the server once had): the run fails,
and the failure is the right check's, on the right operation. With no fault the run passes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.server.harness import API_KEY, V1_KEY, V1_SECRET, RefServerProcess

pytestmark = pytest.mark.timeout(600)
ROOT = Path(__file__).resolve().parents[2]


def fuzz_hostile(tmp_path: Path, *faults: str) -> tuple[int, dict[str, Any], str]:
    env = {"TIME_SCALE": "0.02"}
    if faults:
        env.update(REFSERVER_ENABLE_FAULTS="1", REFSERVER_FAULTS=",".join(faults))
    server = RefServerProcess(env=env)
    server.start()
    reports = tmp_path / "reports"
    try:
        run_env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("REFSERVER_", "TELNYX_", "FUZZ_"))},
            "BASE_URL": server.url,
            "TELNYX_API_KEY": API_KEY,
            "TELNYX_V1_KEY": V1_KEY,
            "TELNYX_V1_SECRET": V1_SECRET,
        }
        done = subprocess.run(
            [sys.executable, "-m", "fuzzer", "--parts", "hostile", "--report-dir", str(reports)],
            cwd=ROOT,
            env=run_env,
            capture_output=True,
            text=True,
            timeout=500,
        )
    finally:
        server.stop()
        server.kill()
    summary = json.loads((reports / "summary.json").read_text())
    return done.returncode, summary, done.stdout + done.stderr


def failed(summary: dict[str, Any], check: str) -> list[dict[str, Any]]:
    return [f for f in summary["failures"] if f["check"] == check]


@pytest.fixture(scope="module")
def module_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    yield tmp_path_factory.mktemp("hostile-faults")


def test_the_healthy_reference_server_passes(module_tmp: Path) -> None:
    code, summary, out = fuzz_hostile(module_tmp / "healthy")
    assert summary["failures"] == [], out[-3000:]
    assert code == 0
    assert summary["checks"]["hostile_no_server_error"]["run"] >= 1000
    assert summary["checks"]["hostile_capacity_released"]["run"] >= 100


def test_a_500_on_lone_surrogates_is_caught(module_tmp: Path) -> None:
    code, summary, out = fuzz_hostile(module_tmp / "surrogate", "surrogate_500")
    found = failed(summary, "hostile_no_server_error")
    assert code != 0 and found, out[-3000:]
    assert any("lone surrogate" in f["message"] for f in found), found


def test_a_phantom_call_after_a_failed_request_is_caught(module_tmp: Path) -> None:
    code, summary, out = fuzz_hostile(module_tmp / "phantom", "phantom_call")
    found = failed(summary, "hostile_capacity_released")
    assert code != 0 and found, out[-3000:]
    assert all(f["operation"] in ("POST /calls", "POST /v2/calls") for f in found), found
    assert not failed(summary, "hostile_no_server_error")  # refused politely: only the leak gives it away


def test_an_unbounded_timer_overflow_is_caught(module_tmp: Path) -> None:
    code, summary, out = fuzz_hostile(module_tmp / "timer", "timer_overflow")
    found = failed(summary, "hostile_input_rejected")
    assert code != 0 and found, out[-3000:]
    assert any(("10^400" in f["message"] or "1e400" in f["message"]) for f in found), found


def test_a_recursion_error_on_deep_nesting_is_caught(module_tmp: Path) -> None:
    code, summary, out = fuzz_hostile(module_tmp / "nesting", "deep_nesting")
    found = failed(summary, "hostile_no_server_error")
    assert code != 0 and found, out[-3000:]
    assert all("nesting" in f["message"] for f in found), found  # that fault, and only it
