"""The simulator client (generated_sim/) is our own generator's output for spec/simulator.yaml."""

from __future__ import annotations

import re
from pathlib import Path

from tests.codegen.test_codegen import check_quality, codegen, tree

ROOT = Path(__file__).resolve().parents[2]
# The arguments `make generate` passes for the simulator client (checked against the Makefile below).
ARGS = ["spec/simulator.yaml", "--package-name", "telnyx_sim", "--env-prefix", "TELNYX_SIM"]


def test_regenerating_the_simulator_client_is_byte_identical(tmp_path: Path) -> None:
    out = tmp_path / "generated_sim"
    result = codegen(*ARGS[:1], "-o", out, *ARGS[1:])
    assert result.returncode == 0, result.stderr
    committed = tree(ROOT / "generated_sim")
    fresh = tree(out)
    assert sorted(fresh) == sorted(committed)
    assert [name for name in fresh if fresh[name] != committed[name]] == [], "run `make generate`"


def test_make_generate_writes_the_simulator_client() -> None:
    makefile = (ROOT / "Makefile").read_text()
    line = next(line for line in makefile.splitlines() if "-o generated_sim" in line)
    assert (
        re.sub(r"\s+", " ", line)
        .strip()
        .endswith(
            "python -m codegen spec/simulator.yaml -o generated_sim --package-name telnyx_sim --env-prefix TELNYX_SIM"
        )
    )


def test_simulator_client_is_clean(tmp_path: Path) -> None:
    check_quality(ROOT / "generated_sim", tmp_path)


def test_every_simulator_operation_is_a_method() -> None:
    import yaml

    spec = yaml.safe_load((ROOT / "spec/simulator.yaml").read_text())
    source = (ROOT / "generated_sim/src/telnyx_sim/resources/simulator.py").read_text()
    for item in spec["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and "operationId" in op:
                name = re.sub(r"(?<!^)(?=[A-Z])", "_", op["operationId"]).lower()
                assert f"def {name}(" in source
