"""The project's own Python and specs stay lint-clean (the checks of `make lint`)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

CHECKS = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "--no-cache", "."],
    "ruff format": [sys.executable, "-m", "ruff", "format", "--check", "--no-cache", "."],
    "yamllint": [sys.executable, "-m", "yamllint", "--strict", "spec"],
    # the generator, the spec reader and the example app as strictly as the generated code; the server's types
    "mypy --strict": [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "codegen", "specmodel", "examples"],
    "mypy refserver": [sys.executable, "-m", "mypy", "--no-incremental", "refserver"],
}


@pytest.mark.parametrize("name", sorted(CHECKS))
def test_lint(name: str) -> None:
    result = subprocess.run(CHECKS[name], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
