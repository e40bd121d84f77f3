"""The generated packages' runtime as source (codegen/runtime): clean, copied verbatim, exported.

Its behaviour is tested as source too, in tests/client/test_runtime_source.py.
"""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

from codegen import render
from codegen.build_ir.exports import RUNTIME_EXPORTS, SIGNED_WEBHOOK_EXPORTS, WEBHOOK_EXPORTS, runtime_all
from codegen.runtime import MODULES

ROOT = Path(__file__).resolve().parents[2]
RUNTIME = ROOT / "codegen" / "runtime"
GENERATED = ROOT / "generated" / "src" / "telnyx_call_control"


def tool(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *map(str, args)], cwd=ROOT, capture_output=True, text=True, check=False
    )


# -- the source itself ---------------------------------------------------------------------


def test_runtime_passes_ruff_and_mypy_strict_at_source(tmp_path: Path) -> None:
    for args in (["ruff", "check", "--no-cache"], ["ruff", "format", "--check", "--no-cache"]):
        result = tool(*args, RUNTIME)
        assert result.returncode == 0, result.stdout + result.stderr
    result = tool("mypy", "--strict", "--no-incremental", "--cache-dir", tmp_path, RUNTIME)
    assert result.returncode == 0, result.stdout + result.stderr


def test_runtime_is_copied_verbatim_and_not_templated() -> None:
    assert sorted(p.name for p in RUNTIME.glob("*.py") if p.name != "__init__.py") == sorted(MODULES)
    for module in MODULES:
        assert (GENERATED / module).read_bytes() == (RUNTIME / module).read_bytes(), module
        assert not (render.TEMPLATES / f"{module}.jinja").exists(), module


def test_every_exported_name_exists_in_its_runtime_module() -> None:
    table = [*RUNTIME_EXPORTS, ("._webhooks", WEBHOOK_EXPORTS + SIGNED_WEBHOOK_EXPORTS)]
    for module, names in table:
        if module == "._client":  # rendered per API
            continue
        loaded = importlib.import_module("codegen.runtime" + module)
        assert runtime_all(module) == tuple(loaded.__all__)
        missing = [n for n in names or runtime_all(module) if n not in loaded.__all__]
        assert missing == [], (module, missing)
    assert "APIStatusError" in runtime_all("._exceptions")
