"""Building the two distributions as `make dist` does, and clean virtual environments to install them into."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BASE_PYTHON = getattr(sys, "_base_executable", sys.executable)  # the Python the venvs are made from


def uv_command() -> list[str]:
    """uv as the Makefile bootstraps it (`python3 -m uv`), or on PATH."""
    for python in (BASE_PYTHON, sys.executable):
        if subprocess.run([python, "-m", "uv", "--version"], capture_output=True, check=False).returncode == 0:
            return [python, "-m", "uv"]
    found = shutil.which("uv")
    if found is None:
        pytest.skip("uv is not installed (make env installs it): it exports the lock's pinned packages")
    return [found]


def sh(*args: str | Path, cwd: Path = ROOT, env: dict[str, str] | None = None, timeout: float = 600) -> str:
    """Runs a command; its output. Fails the test with the output when it exits non-zero."""
    result = subprocess.run(
        [str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, args))} exited {result.returncode}:\n{result.stdout}\n{result.stderr}"
    )
    return result.stdout + result.stderr


def clean_env(**extra: str) -> dict[str, str]:
    """The environment without this project's venv and without the machine's pip configuration (extra indexes)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "UV_", "VIRTUAL_ENV", "PYTHONPATH"))}
    env["PIP_CONFIG_FILE"] = os.devnull
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra)
    return env


@pytest.fixture(scope="session")
def dists(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The wheels and sdists of the client (generated/) and the toolkit (.), built as `make dist` builds them."""
    out = tmp_path_factory.mktemp("dist")
    sh(sys.executable, "-m", "build", "--outdir", out, "generated", timeout=900)
    sh(sys.executable, "-m", "build", "--outdir", out, ".", timeout=900)
    found = {p.name: p for p in out.iterdir()}
    wheels = {
        "client": next(p for n, p in found.items() if n.startswith("telnyx_call_control-") and n.endswith(".whl")),
        "toolkit": next(p for n, p in found.items() if n.startswith("telnyx_cc_toolkit-") and n.endswith(".whl")),
    }
    assert any(n.startswith("telnyx_cc_toolkit-") and n.endswith(".tar.gz") for n in found)
    assert any(n.startswith("telnyx_call_control-") and n.endswith(".tar.gz") for n in found)
    return {**wheels, "dir": out}


@pytest.fixture(scope="session")
def locked_requirements(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every third-party package of uv.lock, pinned (the two project packages left out: they come as wheels)."""
    path = tmp_path_factory.mktemp("req") / "requirements.txt"
    sh(
        *uv_command(),
        "export",
        "--frozen",
        "--no-emit-project",
        "--no-emit-package",
        "telnyx-call-control",
        "--no-hashes",
        "--output-file",
        path,
    )
    return path


@pytest.fixture(scope="session")
def make_venv(tmp_path_factory: pytest.TempPathFactory, locked_requirements: Path) -> Callable[[], Path]:
    """Makes a fresh `python3 -m venv` with the locked third-party packages; the path of its bin/."""

    def make() -> Path:
        venv = tmp_path_factory.mktemp("venv") / "venv"
        sh(BASE_PYTHON, "-m", "venv", venv, env=clean_env())
        python = venv / "bin" / "python"
        sh(
            *uv_command(),
            "pip",
            "install",
            "--python",
            python,
            "--requirement",
            locked_requirements,
            env=clean_env(),
            timeout=900,
        )
        return venv / "bin"

    return make
