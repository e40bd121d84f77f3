"""`make fuzz-webhooks TARGET=URL` (the console command behind it): passes the example handler, fails a faulty one."""

from __future__ import annotations

import base64
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from nacl.signing import SigningKey

from tests.shell import user_shell_env
from toolkit.apps import ServedApp

from .handlers import handler_app

ROOT = Path(__file__).resolve().parents[2]
SEED = bytes(range(32))
PUBLIC = base64.b64encode(bytes(SigningKey(SEED).verify_key)).decode()


def make(*args: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    env = {**user_shell_env(), "TELNYX_SIGNING_KEY": base64.b64encode(SEED).decode()}
    return subprocess.run(
        [
            "make",
            "--no-print-directory",
            "fuzz-webhooks",
            *args,
            f"FUZZ_WEBHOOKS_ARGS=--examples 1 --timeout 30 --report-dir {tmp_path}",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )


def test_make_fuzz_webhooks_passes_the_example_handler(tmp_path: Path) -> None:
    with ServedApp(handler_app(PUBLIC, time.time)) as app:
        result = make(f"TARGET={app.url}", tmp_path=tmp_path)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "telnyx-cc-fuzz-webhooks" in result.stdout and "fuzz-webhooks: passed" in result.stdout
    assert (tmp_path / "junit.xml").is_file() and (tmp_path / "results.ndjson").is_file()


def test_make_fuzz_webhooks_fails_a_handler_that_accepts_forged_signatures(tmp_path: Path) -> None:
    with ServedApp(handler_app(PUBLIC, time.time, fault="accepts_forged_signature")) as app:
        result = make(f"TARGET={app.url}", tmp_path=tmp_path)
    assert result.returncode != 0
    assert "fuzz-webhooks: failed: rejects_forged_signature" in result.stdout
    assert "FAILED rejects_forged_signature: forged signature envelope 1" in result.stdout
    assert f"reproduce: curl -sS -X POST {app.url}" in result.stdout


def test_make_fuzz_webhooks_needs_a_target(tmp_path: Path) -> None:
    result = make(tmp_path=tmp_path)
    assert result.returncode != 0
    assert "make fuzz-webhooks: set TARGET to your webhook handler's URL" in result.stderr
