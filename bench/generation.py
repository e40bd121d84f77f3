"""Rows: generation of our specs, and generation at scale (the official 4 MB spec)."""

from __future__ import annotations

import ast
import re
import statistics
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import yaml

import specmodel
from bench.measure import PYTHON, ROOT, ProcessRun, run_process
from bench.report import Row
from specmodel import Workspace

SPECS = [ROOT / "spec/call-control-v1.yaml", ROOT / "spec/call-control-applications-v2.yaml"]
SCALE_SPEC_GLOB = "telnyx-openapi-*.yml"
OPC = str(Path(PYTHON).parent / "openapi-python-client")


def bundle(spec: Path, out: Path) -> Path:
    """One self-contained file: openapi-python-client does not follow refs to other files."""
    ws = Workspace()
    path = out / spec.name
    path.write_text(yaml.safe_dump(specmodel.bundle(ws.read(spec, spec.name)), sort_keys=False), encoding="utf-8")
    return path


Operation = tuple[str, str]  # (HTTP method in upper case, URL path with every {parameter} as "{}")


def _template(path: str) -> str:
    return re.sub(r"\{[^{}]*\}", "{}", path)


def spec_operations(spec: Path) -> tuple[list[tuple[Operation, Operation, str]], list[str]]:
    """Every HTTP operation of the document, as ``(with its server's path, as written, operationId)``,
    and the WebSocket ones (which an HTTP client leaves out, by design: the generator says so).

    The first element is the path after the path of the operation's own `servers` (operation,
    then path item), else of the document's; a client whose base URL holds the server path
    sends the second.
    """
    ws, _ = specmodel.load([spec], lenient=True)
    found = []
    websocket = []
    for op in specmodel.build_spec(ws).operations:
        method = op.method.upper()
        label = op.operation_id or f"{op.method} {op.path}"
        if op.websocket:
            websocket.append(f"{label} ({method} {op.server_url.rstrip('/')}{op.path})")
            continue
        found.append(((method, _template(op.full_path)), (method, _template(op.path)), label))
    return found, websocket


def generated_operations(package_dir: Path) -> list[Operation]:
    """The operations the package sends: one per public method of a sync resource class.

    A resource module holds the sync class (a ``SyncAPIResource``), its async twin and the two
    ``...WithRawResponse`` wrappers; only the sync class counts, and in it only the methods that
    send a request (``self._client.request...``), not the ``with_raw_response`` property.
    """
    found: list[Operation] = []
    for path in sorted(package_dir.rglob("*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if not isinstance(node, ast.ClassDef):
                continue
            if "SyncAPIResource" not in {b.id for b in node.bases if isinstance(b, ast.Name)}:
                continue
            for method in node.body:
                if isinstance(method, ast.FunctionDef) and not method.name.startswith("_"):
                    found.extend(_requests_sent(method))
    return found


def _requests_sent(function: ast.FunctionDef) -> list[Operation]:
    sent: list[Operation] = []
    for call in ast.walk(function):
        if (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr.startswith("request")
            and ast.unparse(call.func.value) == "self._client"
            and len(call.args) >= 2
            and isinstance(call.args[0], ast.Constant)
        ):
            url = call.args[1]
            if isinstance(url, ast.JoinedStr):
                text = "".join(str(v.value) if isinstance(v, ast.Constant) else "{}" for v in url.values)
            elif isinstance(url, ast.Constant):
                text = str(url.value)
            else:
                continue
            sent.append((str(call.args[0].value).upper(), _template(urlsplit(text).path)))
    return sent


def compare_operations(spec: Path, package_dir: Path) -> dict[str, Any]:
    """Which operations of the spec have a generated method, matched on HTTP method and path."""
    wanted, websocket = spec_operations(spec)
    available = Counter(generated_operations(package_dir))
    generated_count = sum(available.values())
    missing: list[str] = []
    for full, written, op_id in wanted:
        operation = full if available[full] > 0 else written
        if available[operation] > 0:
            available[operation] -= 1
        else:
            missing.append(f"{op_id} ({full[0]} {full[1]})")
    extra = [f"{m} {p}" for (m, p), n in available.items() for _ in range(n)]
    return {
        "operations": len(wanted),
        "generated": len(wanted) - len(missing),
        "methods": generated_count,
        "missing": missing,
        "extra": extra,
        "websocket_skipped": websocket,
    }


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


def row_our_specs(repeat: int) -> Row:
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        config = tmpdir / "opc.yaml"
        config.write_text("literal_enums: true\n", encoding="utf-8")
        bundles = [bundle(spec, tmpdir) for spec in SPECS]
        ours: list[ProcessRun] = []
        peer: list[ProcessRun] = []
        for i in range(repeat):  # ours and the peer take turns, so that load falls on both alike
            ours.append(generate_ours(SPECS, tmpdir / f"ours{i}", "telnyx_call_control"))
            if ours[-1].returncode != 0:
                return Row("generation, our specs", "", "", None, "<= 0.5x", False, error=ours[-1].output[-300:])
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
    with tempfile.TemporaryDirectory() as tmp:
        tmpdir = Path(tmp)
        config = tmpdir / "opc.yaml"
        config.write_text("literal_enums: true\n", encoding="utf-8")
        # --lenient: the official document has a duplicate operationId and defaults outside their schemas,
        # which are warnings there, not errors.
        ours = generate_ours([spec], tmpdir / "ours", "telnyx_full", "--lenient")
        peer = generate_opc(spec, tmpdir / "opc", config)
        package = tmpdir / "ours" / "src" / "telnyx_full"
        ops = compare_operations(spec, package)  # a failed run wrote nothing: every op is then missing
        imports = run_process(
            [
                PYTHON,
                "-c",
                "import importlib, pkgutil, telnyx_full as p;"
                " [importlib.import_module(m.name) for m in pkgutil.walk_packages(p.__path__, 'telnyx_full.')]",
            ],
            env={"PYTHONPATH": str(tmpdir / "ours" / "src")},
        )
    warnings = sum(1 for line in ours.output.splitlines() if line.startswith("warning:"))
    errors: list[str] = []
    if ours.returncode != 0:
        last = ours.output.strip().splitlines()[-1:] or [""]
        errors.append(f"generator exit {ours.returncode}: {last[0][:120]}")
    if ops["missing"]:
        errors.append(f"{len(ops['missing'])} ops without a method")
    if ops["extra"]:
        errors.append(f"{len(ops['extra'])} methods for no op")
    if imports.returncode != 0:
        errors.append("IMPORT FAILS")
    ratio = ours.seconds / peer.seconds if peer.returncode == 0 else None
    return Row(
        "generation, scale",
        f"{ours.seconds:.1f} s, {ours.peak_rss_mb:.0f} MB, {ops['generated']}/{ops['operations']} HTTP ops generated"
        + (f" ({len(ops['websocket_skipped'])} WebSocket skipped, by design), " if ops["websocket_skipped"] else ", ")
        + (f"errors: {'; '.join(errors)}" if errors else "0 errors, imports")
        + f" ({warnings} spec warnings)",
        f"openapi-python-client {peer.seconds:.1f} s, {peer.peak_rss_mb:.0f} MB"
        + ("" if peer.returncode == 0 else " (failed)"),
        ratio,
        "<= 0.5x time, every op, imports",
        bool(not errors and ratio is not None and ratio <= 0.5),
        {
            "spec": spec.name,
            "operations_in_spec": ops["operations"],
            "operations_generated": ops["generated"],
            "sync_methods_sending_requests": ops["methods"],
            "missing_operations": ops["missing"],
            "websocket_operations_skipped": ops["websocket_skipped"],
            "extra_methods": ops["extra"],
            "errors": errors,
            "spec_warnings": warnings,
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
