"""Stage 3: the IR -> files on disk.

Models come from datamodel-code-generator (used as a library), the runtime is copied from
``runtime/`` as it is, everything else comes from the Jinja2 templates in ``templates/``,
which read only the IR. The result is formatted with
ruff, written to a temporary directory, and moved into place only when all of it succeeded.

This module imports little at the top, so that the command line can start the models
process (:class:`ModelsProcess`) first thing; Jinja2 and the rest come when first used.
"""

from __future__ import annotations

import ast
import importlib
import json
import multiprocessing
import os
import re
import shutil
import subprocess
import tempfile
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import models_parts
from .errors import SpecError

if TYPE_CHECKING:
    import jinja2

    from . import ir

TEMPLATES = Path(__file__).parent / "templates"
RUNTIME = Path(__file__).parent / "runtime"
HEADER = "# Generated from the OpenAPI description by codegen: do not edit."


def render(api: ir.Api, models: ModelsProcess | None = None) -> dict[str, str]:
    """Every file of the package project, by relative path (not yet formatted).

    With ``models``, the models are rendered there (submitted here if the caller has not
    already), while the templates are rendered here. The templates print the class names
    datamodel-code-generator wrote: where it renamed a model (a name it gave another class
    first), they are rendered again with its names.
    """
    return _render(api, models)[0]


def _render(api: ir.Api, models: ModelsProcess | None) -> tuple[dict[str, str], Origins]:
    """:func:`render`, and where each part of the code comes from."""
    from .build_ir.model_names import apply_model_names

    if models is not None:
        models.submit(api)
    files = _render_templates(api)
    output = models.result() if models is not None else render_models(api)
    renamed = apply_model_names(api, output.class_names)
    if renamed is not api:  # again, with its names: the resources they changed and the rest
        changed = {new.module_name for new, old in zip(renamed.resources, api.resources, strict=True) if new != old}
        files.update(_render_templates(renamed, changed))
    origins = Origins(renamed, output)
    _check_placeholders(output.code, origins)
    files[origins.models_path] = output.code
    return files, origins


def _render_templates(api: ir.Api, resources: set[str] | None = None) -> dict[str, str]:
    """Every file but ``models.py``; of the resource modules, only those in ``resources`` if given."""
    env = _environment()
    package = f"src/{api.package_name}"
    files: dict[str, str] = {}

    def put(path: str, template: str, **extra: Any) -> None:
        files[path] = env.get_template(template).render(api=api, **extra)

    put("pyproject.toml", "pyproject.toml.jinja")
    put("README.md", "README.md.jinja", example=_example(api))
    files[f"{package}/py.typed"] = ""
    for module in runtime_modules(api):
        files[f"{package}/{module}"] = (RUNTIME / module).read_text(encoding="utf-8")
    put(f"{package}/__init__.py", "__init__.py.jinja")
    put(f"{package}/_client.py", "_client.py.jinja")
    put(f"{package}/resources/__init__.py", "resources__init__.py.jinja")
    for resource in api.resources:
        if resources is None or resource.module_name in resources:
            put(f"{package}/resources/{resource.module_name}.py", "resource.py.jinja", resource=resource)
    if api.webhooks:
        put(f"{package}/webhook_events.py", "webhook_events.py.jinja")
        # Data for testing.py's strategies: each webhook body's schema, $refs inlined.
        files[f"{package}/webhook_schemas.json"] = json.dumps(api.webhook_schemas, indent=1, ensure_ascii=False) + "\n"
    return files


def runtime_modules(api: ir.Api) -> tuple[str, ...]:
    """The runtime's modules the package gets, copied verbatim: the webhook ones only if it has webhooks."""
    from .runtime import MODULES, WEBHOOK_MODULES

    return tuple(m for m in MODULES if m not in WEBHOOK_MODULES or api.webhooks)


@dataclass(frozen=True)
class ModelsOutput:
    """What datamodel-code-generator wrote: ``models.py``, and the class it wrote for each schema.

    ``class_names``: each ``components/schemas`` key of the document it was given (the name the
    IR uses) -> the class that schema became, read from its model metadata (the schema's JSON
    pointer and the final class name), never guessed. A schema it wrote no class for (a root
    model it inlined) has no entry.
    """

    code: str
    class_names: dict[str, str]


def render_models(api: ir.Api) -> ModelsOutput:
    """The pydantic v2 models of every schema the API names, in one module."""
    return models_in_parts(*_models_input(api))


def models_in_parts(document: dict[str, Any] | None, package_name: str) -> ModelsOutput:
    """:func:`generate_models`, a large document in parts rendered in parallel (codegen/models_parts.py)."""
    if document is None:
        return generate_models(document, package_name)

    def render_one(part: dict[str, Any]) -> tuple[str, dict[str, str]]:
        output = generate_models(part, package_name)
        return output.code, output.class_names

    return ModelsOutput(*models_parts.render(document, render_one))


def _models_input(api: ir.Api) -> tuple[dict[str, Any] | None, str]:
    """What datamodel-code-generator is given: an OpenAPI document of the models (or None)."""
    from .schemas import annotated_enum_refs, flatten_conflicting_all_ofs, open_enums

    if not api.model_schemas:
        return None, api.package_name
    schemas = flatten_conflicting_all_ofs(api.model_schemas)
    document = {
        "openapi": "3.1.0",
        "info": {"title": api.title, "version": api.version},
        "paths": {},
        "components": {"schemas": {name: open_enums(annotated_enum_refs(s, schemas)) for name, s in schemas.items()}},
    }
    return document, api.package_name


def generate_models(document: dict[str, Any] | None, package_name: str) -> ModelsOutput:
    """Run datamodel-code-generator on ``document`` (see :func:`_models_input`): the module and its class names.

    Nothing here knows of processes: :class:`ModelsProcess` runs it in its child.
    """
    if document is None:
        return ModelsOutput(f'{HEADER}\n"""The API defines no models."""\n', {})
    with warnings.catch_warnings(), tempfile.TemporaryDirectory(prefix="codegen-models-") as tmp:
        warnings.simplefilter("ignore")
        metadata_path = Path(tmp) / "models.json"
        try:
            code = _generate(document, package_name, metadata_path)
            metadata = json.loads(metadata_path.read_text(encoding="utf-8"))
        except Exception as exc:  # any failure of the tool: one line, never a traceback
            detail = " ".join(str(exc).split())[:300] or type(exc).__name__
            raise SpecError("<models>", f"datamodel-code-generator failed: {detail}") from None
    if not isinstance(code, str):
        raise SpecError("<models>", "datamodel-code-generator produced more than one module")
    return ModelsOutput(_factory_defaults(code), _class_names(document, metadata))


def _class_names(document: dict[str, Any], metadata: Any) -> dict[str, str]:
    """``components/schemas`` key -> the class datamodel-code-generator wrote for it (``--emit-model-metadata``)."""
    schemas = document["components"]["schemas"]
    out: dict[str, str] = {}
    for model in metadata.get("models", []) if isinstance(metadata, dict) else []:
        path = model.get("source_path") or []
        if len(path) == 3 and path[:2] == ["components", "schemas"] and path[2] in schemas:
            out.setdefault(str(path[2]), str(model["class_name"]))
    return out


# A class attribute whose default is a mutable literal (``tags: list[str] | None = []``):
# pydantic copies it per instance, but linters cannot know the base class is pydantic's (RUF012).
_MUTABLE_DEFAULT = re.compile(r"^(    [A-Za-z_]\w*: [^=\n]+) = (\[.*\]|\{.*\})$", re.M)


def _factory_defaults(code: str) -> str:
    """Mutable literal defaults of model fields as ``Field(default_factory=...)``."""

    def fix(match: re.Match[str]) -> str:
        value = match.group(2)
        try:
            empty = ast.literal_eval(value) in ([], {})
        except (ValueError, SyntaxError):
            return match.group(0)
        factory = ("list" if value.startswith("[") else "dict") if empty else f"lambda: {value}"
        return f"{match.group(1)} = Field(default_factory={factory})"

    fixed = _MUTABLE_DEFAULT.sub(fix, code)
    if fixed != code and not re.search(r"^from pydantic import .*\bField\b", fixed, re.M):
        if "\nfrom pydantic import " in fixed:
            fixed = fixed.replace("\nfrom pydantic import ", "\nfrom pydantic import Field, ", 1)
        else:  # ruff's import sorting puts it in place
            fixed = fixed.replace(
                "\nfrom __future__ import annotations\n",
                "\nfrom __future__ import annotations\n\nfrom pydantic import Field\n",
                1,
            )
    return fixed


def _generate(document: dict[str, Any], package_name: str, metadata: Path) -> object:
    """The models module; each model's class name and source (JSON pointer) are written to ``metadata``."""
    from datamodel_code_generator import InputFileType, LiteralType, generate
    from datamodel_code_generator.enums import DataModelType
    from datamodel_code_generator.format import PythonVersion

    return generate(
        document,
        emit_model_metadata=metadata,
        input_file_type=InputFileType.OpenAPI,
        output_model_type=DataModelType.PydanticV2BaseModel,
        target_python_version=PythonVersion.PY_311,
        base_class=f"{package_name}._models.BaseModel",
        custom_file_header=HEADER + '\n"""The API\'s data: request bodies, responses, webhooks."""',
        disable_timestamp=True,
        use_annotated=False,
        field_constraints=True,
        enum_field_as_literal=LiteralType.All,
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


# What a generation imports of datamodel-code-generator: about 0.7 s, its largest cost on
# small documents, paid by the models process before it has anything to render.
_DCG_MODULES = (
    "datamodel_code_generator",
    "datamodel_code_generator.config",
    "datamodel_code_generator.format",
    "datamodel_code_generator.parser.openapi",
    "datamodel_code_generator.model.pydantic_v2",
)


class ModelsProcess:
    """``models.py`` rendered by datamodel-code-generator in a forked child process.

    Create it first thing: the child imports datamodel-code-generator while this process
    loads the documents and builds the IR; :meth:`submit` hands it the models to render while
    this process goes on (validation, templates); :meth:`result` collects the module and its
    class names, what :func:`render_models` returns. Where fork is unavailable, or the child fails
    for any other reason than a :class:`SpecError`, the models are rendered in this process
    when the result is asked (so that a real error is raised here).
    """

    def __init__(self) -> None:
        self._conn: Any = None
        self._process: Any = None
        self._input: tuple[dict[str, Any] | None, str] | None = None
        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            self._conn, child_conn = context.Pipe(duplex=True)
            self._process = context.Process(target=self._child, args=(child_conn,), daemon=True)
            self._process.start()
            child_conn.close()

    @staticmethod
    def _child(conn: Any) -> None:
        try:
            for module in _DCG_MODULES:
                importlib.import_module(module)
            document, package_name = conn.recv()
        except EOFError:  # the parent stopped before it had models to render
            return
        except Exception:  # the parent renders them itself, and raises the real error
            conn.send(("failed", None))
            return
        try:
            output = models_in_parts(document, package_name)
            conn.send(("ok", (output.code, output.class_names)))
        except SpecError as exc:  # exceptions with keyword-only fields do not pickle: plain data
            conn.send(("spec_error", exc.as_tuple()))
        except Exception:  # as above
            conn.send(("failed", None))

    def submit(self, api: ir.Api) -> None:
        """Start rendering the models of ``api`` (only the first time)."""
        if self._input is not None:
            return
        self._input = _models_input(api)
        if self._process is not None:
            try:
                self._conn.send(self._input)
            except OSError:  # the child is gone: render here when asked
                self.close()

    def result(self) -> ModelsOutput:
        """The models module and its class names (waits for the child)."""
        if self._input is None:
            raise RuntimeError("ModelsProcess.result() before submit()")
        if self._process is not None:
            try:
                status, payload = self._conn.recv()
            except EOFError:  # the child died before answering
                status, payload = "failed", None
            self._conn.close()
            self._process.join()
            self._process = None
            if status == "ok":
                code, class_names = payload
                return ModelsOutput(code, class_names)
            if status == "spec_error":
                raise SpecError.from_tuple(payload)
        return models_in_parts(*self._input)

    def close(self) -> None:
        """Stop the child if it still runs (generation ended early); nothing after :meth:`result`."""
        if self._process is None:
            return
        self._conn.close()
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._process = None


def write(
    api: ir.Api,
    out_dir: Path,
    *,
    before_replace: Callable[[], object] = lambda: None,
    models: ModelsProcess | None = None,
    source: str = "<generated>",
) -> None:
    """Render, format and check everything in a temporary directory, then move it into place.

    ``source``: the document named when the generated code is not valid Python.

    ``before_replace`` runs last, before anything is moved: if it raises, nothing is written.
    ``models``: render the models there (see :class:`ModelsProcess`).
    """
    files, origins = _render(api, models)
    out_dir = out_dir.resolve()
    out_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}-", dir=out_dir.parent))
    try:
        for relative, text in sorted(files.items()):
            path = staging / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        _check_syntax(source, files, origins)
        _ruff(staging, files, origins)
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


def _check_syntax(source: str, files: dict[str, str], origins: Origins | None = None) -> None:
    """Every generated module compiles; else one line naming the module, its line and where in
    the documents that code comes from (the operation or schema; else ``source``)."""
    for relative, text in sorted(files.items()):
        if not relative.endswith(".py"):
            continue
        try:
            compile(text, relative, "exec", dont_inherit=True)
        except SyntaxError as exc:
            line = (exc.text or "").strip()
            message = f"the generated {relative} is not valid Python at line {exc.lineno}: {exc.msg} ({line[:80]!r})"
            origin = origins.of(relative, text, exc.lineno or 0) if origins is not None else None
            if origin is not None:
                raise SpecError(origin[0], message, pointer=origin[1]) from None
            raise SpecError(source, message) from None


# Where ruff names a place in a file: ``src/pkg/x.py:12:5:``.
_RUFF_PLACE = re.compile(r"(\S+?\.py):(\d+):")


def _ruff(root: Path, files: dict[str, str] | None = None, origins: Origins | None = None) -> None:
    """Sort the imports and format; a failure is one line naming the code's origin (see :func:`_check_syntax`)."""
    from ruff.__main__ import find_ruff_bin  # type: ignore[import-untyped]

    ruff = os.fsdecode(find_ruff_bin())
    config = str(root / "pyproject.toml")
    # Not --quiet: it silences the errors too ("Failed to parse src/pkg/x.py:12:5: ...").
    for args in (["check", "--fix-only", "--select", "I,F401,RUF022,PYI030"], ["format"]):
        result = subprocess.run(
            [ruff, *args, "--no-cache", "--config", config, str(root)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            output = (result.stderr or result.stdout).strip().splitlines()
            errors = [line for line in output if line.startswith("error")]
            detail = (errors or output or [f"exit status {result.returncode}"])[0]
            message = f"ruff {args[0]} failed on the generated code: {detail}"
            place = _RUFF_PLACE.search(detail)
            if place is not None and files is not None and origins is not None:
                path = Path(place.group(1))
                relative = (path.relative_to(root) if path.is_absolute() else path).as_posix()
                origin = origins.of(relative, files.get(relative, ""), int(place.group(2)))
                if origin is not None:
                    raise SpecError(origin[0], message.replace(str(root) + os.sep, ""), pointer=origin[1])
            raise SpecError("<ruff>", message)


def _environment() -> jinja2.Environment:
    import jinja2

    from .text import reflow

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
    env.filters["wrap"] = lambda text, width: reflow(str(text), width)
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


def _example(api: ir.Api) -> dict[str, str] | None:
    """An example to show in the README: the simplest operation of the first resource."""
    for resource in api.resources:
        for op in sorted(resource.operations, key=lambda o: len(o.path_parameters)):
            required = [p for p in (*op.path_parameters, *op.keyword_parameters) if p.required]
            if not required:
                return {"resource": resource.path, "method": op.method_name, "args": ""}
    return None


# What datamodel-code-generator writes in its internal paths: never meant to reach the code.
PLACEHOLDER = "#-datamodel-code-generator-#"


def _check_placeholders(code: str, origins: Origins) -> None:
    """One line naming the schema when a placeholder of datamodel-code-generator reached ``models.py``."""
    index = code.find(PLACEHOLDER)
    if index < 0:
        return
    lineno = code.count("\n", 0, index) + 1
    line = code.splitlines()[lineno - 1].strip()
    message = f"datamodel-code-generator left an internal placeholder in models.py at line {lineno} ({line[:80]!r})"
    origin = origins.of(origins.models_path, code, lineno)
    if origin is None:
        raise SpecError("<models>", message)
    raise SpecError(origin[0], message, pointer=origin[1])


class Origins:
    """Where each part of the generated code comes from: the (file, JSON pointer) of the
    operation or schema it was rendered from, named when that code is not valid."""

    # A line that starts a method (or its raw-response wrapper, or its webhooks constant).
    _METHOD = re.compile(r"^\s+(?:async\s+)?def\s+(\w+)\(|^\s+self\.(\w+)\s*=|^([A-Z][A-Z0-9_]*)\s*:\s*Final\b")
    _CLASS = re.compile(r"^class\s+(\w+)\b", re.M)

    def __init__(self, api: ir.Api, models: ModelsOutput) -> None:
        package = f"src/{api.package_name}"
        self.models_path = f"{package}/models.py"
        self._methods: dict[str, dict[str, tuple[str, str]]] = {}
        for resource in api.resources:
            table: dict[str, tuple[str, str]] = {}
            for op in resource.operations:
                if op.origin is not None:
                    table[op.method_name] = op.origin
                    table.update({op.webhooks_const: op.origin} if op.webhooks_const else {})
            self._methods[f"{package}/resources/{resource.module_name}.py"] = table
        self._classes = {
            models.class_names.get(name, name): origin for name, origin in api.model_origins.items()
        }  # the class datamodel-code-generator wrote for each schema -> the schema's origin

    def of(self, relative: str, text: str, lineno: int) -> tuple[str, str] | None:
        """The origin of line ``lineno`` of the generated ``relative`` (whose text is ``text``), if known."""
        lines = text.splitlines()[:lineno]
        if relative == self.models_path:
            for line in reversed(lines):
                if (found := self._CLASS.match(line)) is not None:
                    return self._class_origin(found.group(1), text)
            return None
        table = self._methods.get(relative, {})
        for line in reversed(lines):
            found = self._METHOD.match(line)
            if found is not None:  # the nearest method (or constant) above the line: its operation, if it is one
                return table.get(next(g for g in found.groups() if g))
        return None

    def _class_origin(self, name: str, code: str) -> tuple[str, str] | None:
        """A schema's class: its schema; a class datamodel-code-generator made up (an inline
        object's): the schema of the first class of a schema that uses it."""
        if name in self._classes:
            return self._classes[name]
        uses = re.compile(rf"\b{re.escape(name)}\b")
        for block in re.split(r"^(?=class )", code, flags=re.M):
            found = self._CLASS.match(block)
            if found is not None and found.group(1) in self._classes and uses.search(block, found.end()):
                return self._classes[found.group(1)]
        return None
