"""The toolkit wheel in a clean venv: every console command's --help and a short run, and the pytest plugin.

Run from a directory outside the repository, so everything comes from the installed wheels.
"""

from __future__ import annotations

import base64
import json
import os
import signal
import subprocess
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from nacl.signing import SigningKey

from toolkit.apps import ServedApp

from .conftest import clean_env, sh

# Building wheels and filling a venv with ~100 locked packages takes minutes on a busy machine.
pytestmark = pytest.mark.timeout(1200)

COMMANDS = ["telnyx-cc-generate", "telnyx-cc-serve", "telnyx-cc-fuzz", "telnyx-cc-fuzz-webhooks", "telnyx-cc-spec-dir"]
SEED = bytes(range(32))


@pytest.fixture(scope="session")
def installed(make_venv: Callable[[], Path], dists: dict[str, Path]) -> Path:
    bin_dir = make_venv()
    # pip itself, offline: every dependency must already be there from the lock
    sh(bin_dir / "python", "-m", "pip", "install", "--no-index", dists["client"], dists["toolkit"], env=clean_env())
    return bin_dir


def test_installed_toolkit_commands(installed: Path, tmp_path: Path) -> None:
    work = tmp_path / "work"
    work.mkdir()
    env = clean_env(PATH=f"{installed}{os.pathsep}{os.environ['PATH']}")
    for command in COMMANDS:
        assert "usage:" in sh(installed / command, "--help", cwd=work, env=env)

    spec_dir = Path(sh(installed / "telnyx-cc-spec-dir", cwd=work, env=env).strip())
    assert spec_dir.is_relative_to(installed.parent) and (spec_dir / "simulator.yaml").is_file()

    # generate: the simulator client from the packaged spec
    sh(
        installed / "telnyx-cc-generate",
        spec_dir / "simulator.yaml",
        "-o",
        work / "sim",
        "--package-name",
        "sim",
        cwd=work,
        env=env,
    )
    assert (work / "sim" / "src" / "sim" / "resources" / "simulator.py").is_file()

    # serve: a free port, in memory; the packaged specs are served; SIGTERM stops it with status 0
    server = subprocess.Popen(
        [installed / "telnyx-cc-serve", "--port", "0", "--state-db", ":memory:", "--time-scale", "0.01"],
        cwd=work,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = None
        assert server.stdout is not None
        for line in server.stdout:
            if line.startswith("refserver: listening on "):
                url = line.split()[-1]
                break
        assert url, "the server did not start"
        key = httpx.get(f"{url}/_sim/public_key", trust_env=False).json()["data"]["public_key"]
        assert len(base64.b64decode(key)) == 32
        # fuzz: a short, seeded run of the call flows against that server
        fuzz = subprocess.run(
            [
                installed / "telnyx-cc-fuzz",
                "--base-url",
                url,
                "--parts",
                "callflows",
                "--callflow-examples",
                "1",
                "--callflow-steps",
                "3",
            ],
            cwd=work,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert fuzz.returncode == 0, fuzz.stdout[-3000:] + fuzz.stderr[-3000:]
        assert (work / "reports" / "fuzz" / "summary.json").is_file()  # under the working directory
        assert not list(installed.parent.glob("lib/python*/site-packages/reports"))
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(30) == 0


def test_installed_fuzz_webhooks_passes_the_example_handler(installed: Path, tmp_path: Path) -> None:
    from tests.handlerfuzz.handlers import handler_app

    public = base64.b64encode(bytes(SigningKey(SEED).verify_key)).decode()
    env = clean_env(TELNYX_SIGNING_KEY=base64.b64encode(SEED).decode())
    with ServedApp(handler_app(public, time.time)) as app:
        out = subprocess.run(
            [
                installed / "telnyx-cc-fuzz-webhooks",
                app.url,
                "--examples",
                "1",
                "--timeout",
                "30",
                "--report-dir",
                tmp_path / "reports",
            ],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert f"signing with TELNYX_SIGNING_KEY key; public key {public}" in out.stdout
    lines = [json.loads(line) for line in (tmp_path / "reports" / "results.ndjson").read_text().splitlines()]
    assert not [line for line in lines if line["type"] == "finding"]


def test_installed_pytest_plugin(installed: Path, tmp_path: Path) -> None:
    """A user's test file, nothing else: the plugin comes from the wheel's pytest11 entry point."""
    (tmp_path / "test_user.py").write_text(
        textwrap.dedent(
            """
            def test_inbound_call_reaches_my_webhook(telnyx):
                connection_id = telnyx.create_application(envelope="1")
                call = telnyx.start_inbound_call(connection_id)
                hook = telnyx.wait_for("call.initiated", call_control_id=call)
                assert hook.verified and hook.envelope == "1" and hook.event_type == "call_initiated"
                assert telnyx.call(call).state == "parked"
            """
        )
    )
    out = subprocess.run(
        [installed / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_user.py"],
        cwd=tmp_path,
        env=clean_env(),
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-2000:]
    assert "1 passed" in out.stdout
