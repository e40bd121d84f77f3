"""The client's types as users see them: `mypy --strict` on typing/usage.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


@pytest.mark.timeout(180)
def test_user_code_type_checks_with_the_expected_types(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", "--cache-dir", str(tmp_path), "usage.py"],
        cwd=HERE / "typing",
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
