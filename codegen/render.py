"""Stage 3: the IR -> files on disk.

Models come from datamodel-code-generator (used as a library), everything else from the
Jinja2 templates in ``templates/``, which read only the IR. The result is formatted with
ruff, written to a temporary directory, and moved into place only when all of it succeeded.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2

from . import ir
from .errors import SpecError
from .schemas import open_enums
from .text import reflow

TEMPLATES = Path(__file__).parent / "templates"
HEADER = "# Generated from the OpenAPI description by codegen: do not edit."


def render(api: ir.Api) -> dict[str, str]:
    """Every file of the package project, by relative path (not yet formatted)."""
    env = _environment()
    package = f"src/{api.package_name}"
    files: dict[str, str] = {}

    def put(path: str, template: str, **extra: Any) -> None:
        files[path] = env.get_template(template).render(api=api, **extra)

    put("pyproject.toml", "pyproject.toml.jinja")
    put("README.md", "README.md.jinja", example=_example(api))
    files[f"{package}/py.typed"] = ""
    put(f"{package}/__init__.py", "__init__.py.jinja")
    put(f"{package}/_types.py", "_types.py.jinja")
    put(f"{package}/_models.py", "_models.py.jinja")
    put(f"{package}/_exceptions.py", "_exceptions.py.jinja")
    put(f"{package}/_response.py", "_response.py.jinja")
    put(f"{package}/_pagination.py", "_pagination.py.jinja")
    put(f"{package}/_base_client.py", "_base_client.py.jinja")
    put(f"{package}/_client.py", "_client.py.jinja")
    put(f"{package}/resources/__init__.py", "resources__init__.py.jinja")
    for resource in api.resources:
        put(f"{package}/resources/{resource.name}.py", "resource.py.jinja", resource=resource)
    if api.webhooks:
        put(f"{package}/webhook_events.py", "webhook_events.py.jinja")
        put(f"{package}/_webhooks.py", "_webhooks.py.jinja")
    files[f"{package}/models.py"] = render_models(api)
    return files


def render_models(api: ir.Api) -> str:
    """The pydantic v2 models of every schema the API names, in one module."""
    from datamodel_code_generator import DataModelType, InputFileType, generate
    from datamodel_code_generator.format import PythonVersion

    if not api.model_schemas:
        return f'{HEADER}\n"""The API defines no models."""\n'
    document = {
        "openapi": "3.1.0",
        "info": {"title": api.title, "version": api.version},
        "paths": {},
        "components": {"schemas": {name: open_enums(s) for name, s in api.model_schemas.items()}},
    }
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        code = generate(
            document,
            input_file_type=InputFileType.OpenAPI,
            output_model_type=DataModelType.PydanticV2BaseModel,
            target_python_version=PythonVersion.PY_311,
            base_class=f"{api.package_name}._models.BaseModel",
            custom_file_header=HEADER + '\n"""The API\'s data: request bodies, responses, webhooks."""',
            disable_timestamp=True,
            use_annotated=False,
            field_constraints=True,
            enum_field_as_literal="all",
            use_double_quotes=True,
            use_schema_description=True,
            use_field_description=True,
            collapse_root_models=True,
            use_standard_collections=True,
            use_union_operator=True,
            keep_model_order=True,
            use_default_kwarg=True,
            keep_field_defaults_off_branch_roots=True,
            # Formats that would need extra packages, or reject values servers do send.
            type_mappings=[f"string+{f}=string" for f in ("email", "idn-email", "uri", "url")],
            formatters=[],
        )
    if not isinstance(code, str):
        raise SpecError("<models>", "datamodel-code-generator produced more than one module")
    return code


def write(api: ir.Api, out_dir: Path, *, before_replace: Callable[[], object] = lambda: None) -> None:
    """Render, format and check everything in a temporary directory, then move it into place.

    ``before_replace`` runs last, before anything is moved: if it raises, nothing is written.
    """
    files = render(api)
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        for relative, text in sorted(files.items()):
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        _ruff(staging)
        before_replace()
        _replace(staging, out_dir)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _replace(staging: Path, out_dir: Path) -> None:
    """Swap ``staging`` in for ``out_dir``; files the generator does not own are kept."""
    if out_dir.exists():
        keep = [p for p in out_dir.iterdir() if p.name in {".git", ".gitignore"}]
        for item in keep:
            item.rename(staging / item.name)
        old = out_dir.with_name(f".{out_dir.name}.old")
        shutil.rmtree(old, ignore_errors=True)
        out_dir.rename(old)
        staging.rename(out_dir)
        shutil.rmtree(old, ignore_errors=True)
    else:
        staging.rename(out_dir)


def _ruff(root: Path) -> None:
    from ruff.__main__ import find_ruff_bin

    ruff = os.fsdecode(find_ruff_bin())
    config = str(root / "pyproject.toml")
    for args in (["check", "--fix-only", "--select", "I,F401", "--quiet"], ["format", "--quiet"]):
        result = subprocess.run(
            [ruff, *args, "--no-cache", "--config", config, str(root)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            output = (result.stderr or result.stdout).strip().splitlines()
            detail = output[0] if output else f"exit status {result.returncode}"
            raise SpecError("<ruff>", f"ruff {args[0]} failed on the generated code: {detail}")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
        autoescape=False,
    )
    env.filters["pyrepr"] = _pyrepr
    env.filters["pystr"] = _pystr
    env.filters["pystr_doc"] = _pystr_doc
    env.filters["wrap"] = _wrap
    env.filters["oneline"] = lambda text: " ".join(str(text).split()).replace("|", "\\|")
    env.filters["tomlstr"] = lambda text: json.dumps(str(text))
    return env


def _pyrepr(value: Any) -> str:
    """A Python literal, with double-quoted strings (as ruff format would write them)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple):
        inner = ", ".join(_pyrepr(v) for v in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_pyrepr(k)}: {_pyrepr(v)}" for k, v in value.items()) + "}"
    return repr(value)


def _pystr(text: str) -> str:
    """Text that may sit inside a one-line docstring."""
    return " ".join(_pystr_doc(text).split())


def _pystr_doc(text: str) -> str:
    """Text that may sit inside a triple-quoted docstring."""
    text = str(text).replace("\\", "\\\\").replace('"""', '\\"\\"\\"')
    if text.endswith('"'):
        text = text[:-1] + '\\"'
    return text


def _wrap(text: str, width: int) -> str:
    return reflow(str(text), width)


def _example(api: ir.Api) -> dict[str, str] | None:
    """An example to show in the README: the simplest operation of the first resource."""
    for resource in api.resources:
        for op in sorted(resource.operations, key=lambda o: len(o.path_parameters)):
            required = [p for p in (*op.path_parameters, *op.keyword_parameters) if p.required]
            if not required:
                return {"resource": resource.name, "method": op.method_name, "args": ""}
    return None
