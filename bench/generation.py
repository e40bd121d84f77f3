"""Rows: generation of our specs, and generation at scale (the official 4 MB spec)."""

from __future__ import annotations

import ast
import copy
import statistics
import tempfile
from pathlib import Path
from typing import Any

import yaml

from bench.measure import PYTHON, ROOT, ProcessRun, run_process
from bench.report import Row

SPECS = [ROOT / "spec/call-control-v1.yaml", ROOT / "spec/call-control-applications-v2.yaml"]
SCALE_SPEC_GLOB = "telnyx-openapi-*.yml"
OPC = str(Path(PYTHON).parent / "openapi-python-client")
HTTP_METHODS = {"get", "put", "post", "delete", "patch", "head", "options", "trace"}


def bundle(spec: Path, out: Path) -> Path:
    """One self-contained file: openapi-python-client does not follow refs to other files."""
    doc = yaml.safe_load(spec.read_text(encoding="utf-8"))
    external: dict[str, Any] = {}

    def rewrite(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#"):
                file_part, _, fragment = ref.partition("#")
                if file_part not in external:
                    external[file_part] = yaml.safe_load((spec.parent / file_part).read_text(encoding="utf-8"))
                node = {**node, "$ref": f"#{fragment}"}
            return {k: rewrite(v) for k, v in node.items()}
        if isinstance(node, list):
            return [rewrite(v) for v in node]
        return node

    doc = rewrite(doc)
    for other in external.values():
        for section, items in rewrite(copy.deepcopy(other.get("components", {}))).items():
            doc.setdefault("components", {}).setdefault(section, {}).update(items)
    path = out / spec.name
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def count_operations(spec: Path) -> int:
    doc = yaml.safe_load(spec.read_text(encoding="utf-8"))
    return sum(1 for item in (doc.get("paths") or {}).values() for m in item if m in HTTP_METHODS)


def generate_ours(specs: list[Path], out: Path, package: str, *extra: str) -> ProcessRun:
    return run_process([PYTHON, "-m", "codegen", *map(str, specs), "-o", str(out), "--package-name", package, *extra])


def generate_opc(spec: Path, out: Path, config: Path) -> ProcessRun:
    return run_process(
        [
            OPC,
            "generate",
            "--path",
            str(spec),
            "--output-path",
            str(out),
            "--meta",
            "none",
            "--config",
            str(config),
            "--overwrite",
        ]
    )


def _median_runs(runs: list[ProcessRun]) -> tuple[float, float]:
    return statistics.median(r.seconds for r in runs), max(r.peak_rss_mb for r in runs)


def generated_methods(package_dir: Path) -> int:
    """Methods of the generated sync resource classes (subclasses of SyncAPIResource): one per operation."""
    count = 0
    for path in package_dir.rglob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            bases = {b.id for b in getattr(node, "bases", []) if isinstance(b, ast.Name)}
            if isinstance(node, ast.ClassDef) and "SyncAPIResource" in bases:
                count += sum(1 for f in node.body if isinstance(f, ast.FunctionDef) and not f.name.startswith("_"))
    return count


def row_our_specs(repeat: int) -> Row:
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        config = tmpdir / "opc.yaml"
        config.write_text("literal_enums: true\n", encoding="utf-8")
        ours = [generate_ours(SPECS, tmpdir / f"ours{i}", "telnyx_call_control") for i in range(repeat)]
        failed = [r for r in ours if r.returncode != 0]
        if failed:
            return Row("generation, our specs", "", "", None, "<= 0.5x", False, error=failed[0].output[-300:])
        bundles = [bundle(spec, tmpdir) for spec in SPECS]
        peer: list[ProcessRun] = []
        for i in range(repeat):
            runs = [generate_opc(b, tmpdir / f"opc{i}-{b.stem}", config) for b in bundles]
            peer.append(
                ProcessRun(
                    sum(r.seconds for r in runs), max(r.peak_rss_mb for r in runs), max(r.returncode for r in runs), ""
                )
            )
    our_s, our_mb = _median_runs(ours)
    opc_s, opc_mb = _median_runs(peer)
    ratio = our_s / opc_s
    return Row(
        "generation, our specs",
        f"{our_s:.2f} s, {our_mb:.0f} MB",
        f"openapi-python-client {opc_s:.2f} s, {opc_mb:.0f} MB",
        ratio,
        "<= 0.5x time",
        ratio <= 0.5,
        {
            "ours_s": our_s,
            "ours_peak_rss_mb": our_mb,
            "opc_s": opc_s,
            "opc_peak_rss_mb": opc_mb,
            "rss_ratio": our_mb / opc_mb,
            "repeat": repeat,
        },
    )


def row_scale(shared: Path) -> Row:
    candidates = sorted(shared.glob(SCALE_SPEC_GLOB))
    if not candidates:
        return Row("generation, scale", "", "", None, "<= 0.5x", None, error=f"no {SCALE_SPEC_GLOB} in {shared}")
    spec = candidates[-1]
    operations = count_operations(spec)
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        config = tmpdir / "opc.yaml"
        config.write_text("literal_enums: true\n", encoding="utf-8")
        # --lenient: the official document has a duplicate operationId and defaults outside their schemas,
        # which are warnings there, not errors.
        ours = generate_ours([spec], tmpdir / "ours", "telnyx_full", "--lenient")
        peer = generate_opc(spec, tmpdir / "opc", config)
        package = tmpdir / "ours" / "src" / "telnyx_full"
        methods = generated_methods(package) if ours.returncode == 0 else 0
        imports = run_process(
            [
                PYTHON,
                "-c",
                "import importlib, pkgutil, telnyx_full as p;"
                " [importlib.import_module(m.name) for m in pkgutil.walk_packages(p.__path__, 'telnyx_full.')]",
            ],
            env={"PYTHONPATH": str(tmpdir / "ours" / "src")},
        )
    ratio = ours.seconds / peer.seconds if peer.returncode == 0 else None
    complete = ours.returncode == 0 and methods == operations and imports.returncode == 0
    return Row(
        "generation, scale",
        f"{ours.seconds:.1f} s, {ours.peak_rss_mb:.0f} MB, {methods}/{operations} ops, "
        f"{'imports' if imports.returncode == 0 else 'IMPORT FAILS'}",
        f"openapi-python-client {peer.seconds:.1f} s, {peer.peak_rss_mb:.0f} MB"
        + ("" if peer.returncode == 0 else " (failed)"),
        ratio,
        "<= 0.5x time, every op, imports",
        bool(complete and ratio is not None and ratio <= 0.5),
        {
            "spec": spec.name,
            "operations": operations,
            "methods": methods,
            "ours_s": ours.seconds,
            "ours_peak_rss_mb": ours.peak_rss_mb,
            "ours_rc": ours.returncode,
            "opc_s": peer.seconds,
            "opc_peak_rss_mb": peer.peak_rss_mb,
            "opc_rc": peer.returncode,
            "import_error": imports.output[-500:] if imports.returncode else None,
            "ours_output_tail": ours.output[-500:] if ours.returncode else None,
        },
    )
