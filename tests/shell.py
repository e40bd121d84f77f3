"""The environment of a user's shell, for tests that run `make` as the README says.

A test runs inside the project's venv, whose `python3` has no `uv` module; `make` bootstraps uv
with the first `python3` on PATH. So these tests drop the venv from PATH, as a user's shell
would not have it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def user_shell_env(*drop: str) -> dict[str, str]:
    """os.environ without the test run's venv on PATH, and without variables starting with ``drop``."""
    venv_bin = Path(sys.prefix, "bin").resolve()
    path = [p for p in os.environ.get("PATH", "").split(os.pathsep) if p and Path(p).resolve() != venv_bin]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("VIRTUAL_ENV", *drop))}
    env["PATH"] = os.pathsep.join(path)
    return env
