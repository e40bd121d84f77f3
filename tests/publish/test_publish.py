"""Publishing end to end: a real local package index (pypiserver, from the lock), both distributions uploaded
with twine, then installed from that index into a clean venv, the generated README's install line as written."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from .conftest import ROOT, clean_env, sh

# Building wheels and filling a venv with ~100 locked packages takes minutes on a busy machine.
pytestmark = pytest.mark.timeout(1200)

BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def index(tmp_path: Path) -> Iterator[str]:
    """pypiserver on 127.0.0.1, uploads allowed without authentication; its URL."""
    server = BIN / "pypi-server"
    if not server.exists():
        pytest.skip("pypi-server is not installed (the lock's dev group has pypiserver): run make env")
    packages = tmp_path / "packages"
    packages.mkdir()
    port = free_port()
    proc = subprocess.Popen(
        [
            server,
            "run",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--authenticate",
            ".",
            "--passwords",
            ".",
            packages,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                if httpx.get(f"{url}/simple/", trust_env=False).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            assert proc.poll() is None, "pypi-server exited"
            time.sleep(0.1)
        else:
            pytest.fail("pypi-server did not answer")
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


def readme_install_line() -> str:
    readme = (ROOT / "generated" / "README.md").read_text()
    match = re.search(r"^pip install (\S+)\s*$", readme, re.M)
    assert match, "the generated README has no `pip install NAME` line"
    return match.group(1)


def test_both_distributions_install_from_a_local_index(
    index: str, dists: dict[str, Path], make_venv: Callable[[], Path]
) -> None:
    uploads = sorted(p for p in dists["dir"].iterdir() if p.suffix in (".whl", ".gz"))
    sh(
        BIN / "twine",
        "upload",
        "--non-interactive",
        "--repository-url",
        f"{index}/",
        "-u",
        "ci",
        "-p",
        "ci",
        *uploads,
        env=clean_env(),
    )
    listing = httpx.get(f"{index}/simple/", trust_env=False).text
    assert "telnyx-call-control" in listing and "telnyx-cc-toolkit" in listing

    bin_dir = make_venv()
    # The generated README's line, as written, with pip pointed at the index (PIP_INDEX_URL); the third-party
    # dependencies are already there from the lock, so everything pip downloads comes from the local index.
    client = readme_install_line()
    env = clean_env(PIP_INDEX_URL=f"{index}/simple/")
    report = bin_dir.parent / "install-report.json"
    sh(bin_dir / "python", "-m", "pip", "install", "--report", report, client, "telnyx-cc-toolkit", env=env)
    installed = {
        item["metadata"]["name"]: item["download_info"]["url"] for item in json.loads(report.read_text())["install"]
    }
    assert set(installed) == {"telnyx-call-control", "telnyx-cc-toolkit"}  # nothing else was missing
    for name, url in installed.items():
        assert url.startswith(f"{index}/packages/") and url.endswith(".whl"), (name, url)
    check = sh(
        bin_dir / "python",
        "-c",
        "import telnyx_call_control, telnyx_sim, toolkit.pytest_plugin, specmodel;"
        "print(telnyx_call_control.Client.__name__, specmodel.SPEC_DIR)",
        cwd=dists["dir"],
        env=clean_env(),
    )
    assert check.startswith("Client ") and str(bin_dir.parent) in check
