"""The generator on public documents its authors never wrote (../shared/corpus/) and on the official
Telnyx document (../shared/bench/, with --lenient): each one generates; every module imports;
ruff check, ruff format --check and mypy --strict pass; a second generation is byte-identical;
and one operation, called with the generated client against a local server (real socket) that
answers with the documented example, returns that example parsed.

The documents are read at test time and never committed; without ../shared the tests skip and
say so.
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

import specmodel

from .test_codegen import check_quality, codegen, python, tree

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("TELNYX_SHARED_DIR", ROOT.parent / "shared"))
CORPUS = sorted(p for p in (SHARED / "corpus").glob("*") if p.suffix in {".yaml", ".yml", ".json"})
TELNYX = sorted((SHARED / "bench").glob("telnyx-openapi*.y*ml"))
DOCUMENTS = [*CORPUS, *TELNYX[-1:]]

pytestmark = pytest.mark.skipif(not DOCUMENTS, reason=f"no public documents in {SHARED}/corpus or {SHARED}/bench")


def _package(doc: Path) -> str:
    return "corpus_" + re.sub(r"\W", "_", doc.stem.lower())


def _args(doc: Path) -> list[str | Path]:
    return [doc, "--package-name", _package(doc), *(["--lenient"] if doc in TELNYX else [])]


@pytest.fixture(scope="module", params=DOCUMENTS, ids=[d.name for d in DOCUMENTS])
def generated(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    doc: Path = request.param
    out = tmp_path_factory.mktemp(_package(doc)) / "out"
    result = codegen(*_args(doc), "-o", out)
    assert result.returncode == 0, f"{doc.name}: {result.stderr[-2000:]}"
    assert "Traceback" not in result.stderr
    return doc, out


def test_every_module_imports(generated: tuple[Path, Path]) -> None:
    doc, out = generated
    package = _package(doc)
    src = out / "src"
    modules = sorted(
        ".".join(p.relative_to(src).with_suffix("").parts).removesuffix(".__init__") for p in src.rglob("*.py")
    )
    assert f"{package}.models" in modules and f"{package}._client" in modules
    result = python(
        f"import importlib\nfor name in {modules!r}:\n    importlib.import_module(name)\nprint(len({modules!r}))",
        src,
    )
    assert result.returncode == 0, result.stderr[-3000:]


def test_ruff_and_mypy_strict_pass(generated: tuple[Path, Path], tmp_path: Path) -> None:
    _doc, out = generated
    check_quality(out, tmp_path)


def test_regeneration_is_byte_identical(generated: tuple[Path, Path], tmp_path: Path) -> None:
    doc, out = generated
    again = tmp_path / "again"
    result = codegen(*_args(doc), "-o", again)
    assert result.returncode == 0, result.stderr[-2000:]
    first, second = tree(out), tree(again)
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


# -- one call per document, answered by a local server with the documented example --------------


def _spec(doc: Path) -> specmodel.Spec:
    """The document as specmodel reads it (leniently: the official document has findings)."""
    ws, _ = specmodel.load([doc], lenient=True)
    return specmodel.build_spec(ws)


def _example(spec: specmodel.Spec, media: specmodel.MediaType) -> tuple[bool, Any]:
    """(found, value): the media type's example, else its first named example, else the schema's."""
    examples = media.examples(spec)
    if examples:
        return True, examples[0]
    schema = spec.resolve(media.schema).value if media.schema is not None else None
    if isinstance(schema, dict) and "example" in schema:
        return True, schema["example"]
    if isinstance(schema, dict) and isinstance(schema.get("examples"), list) and schema["examples"]:
        return True, schema["examples"][0]
    return False, None


_STRINGS = {"date-time": "2024-01-02T03:04:05Z", "date": "2024-01-02", "uuid": "3fa85f64-5717-4562-b3fc-2c963f66afa6"}


def _instance(spec: specmodel.Spec, node: specmodel.Node | None, depth: int = 0) -> Any:
    """A value the schema documents: its example, default or first enum value, else one built from its type."""
    if node is None or depth > 6:
        return None
    node = spec.resolve(node)
    schema = node.value
    if not isinstance(schema, dict):
        return None
    for key in ("example", "default", "const"):
        if key in schema:
            return schema[key]
    if isinstance(schema.get("examples"), list) and schema["examples"]:
        return schema["examples"][0]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    if isinstance(schema.get("allOf"), list):
        merged: dict[str, Any] = {}
        for index in range(len(schema["allOf"])):
            value = _instance(spec, node.child("allOf", index), depth + 1)
            merged.update(value if isinstance(value, dict) else {})
        return merged
    for key in ("oneOf", "anyOf"):
        if isinstance(schema.get(key), list) and schema[key]:
            return _instance(spec, node.child(key, 0), depth + 1)
    kind = schema.get("type")
    kind = next((k for k in kind if k != "null"), "null") if isinstance(kind, list) else kind
    if kind == "object" or "properties" in schema:
        properties = node.get("properties")
        return {name: _instance(spec, sub, depth + 1) for name, sub in (properties.items() if properties else ())}
    if kind == "array":
        return [_instance(spec, node.get("items"), depth + 1)]
    if kind == "string":
        return _STRINGS.get(str(schema.get("format")), "x")
    return {"integer": 1, "number": 1.5, "boolean": True}.get(str(kind))


ANSWERED = {"get", "post", "put", "patch", "delete"}  # what the answering server below handles


def _callable_operation(spec: specmodel.Spec) -> tuple[str, str, int, Any, str] | None:
    """(method, path, status, example, the server URL's path) of an operation without a required
    body: one whose 2xx JSON answer has a documented example first, then one built from its
    schema, then one without a JSON answer (example None); GETs first."""
    found = []
    for op in spec.operations:
        method, path = op.method, op.path
        prefix = op.full_path.removesuffix(op.path)
        if method not in ANSWERED or (op.request_body is not None and op.request_body.required):
            continue
        successes = [status for status in op.responses if status.startswith("2")]
        if not successes:  # no documented answer (3.1 allows that): the method returns None
            found.append((3, method != "get", len(found), (method, path, 200, None, prefix)))
        for status in sorted(successes):
            media = op.responses[status].content.get("application/json")
            if media is None:  # an answer without a JSON body: the method returns None
                found.append((2, method != "get", len(found), (method, path, int(status), None, prefix)))
                break
            ok, example = _example(spec, media)
            if not ok:  # built from the schema when the document gives no example
                example = _instance(spec, media.schema)
            found.append((0 if ok else 1, method != "get", len(found), (method, path, int(status), example, prefix)))
            break
    return min(found)[3] if found else None


class _Answer(BaseHTTPRequestHandler):
    body = b""
    status = 200
    seen: list[tuple[str, str]] = []  # noqa: RUF012 - one list per server class (made per test)

    def _answer(self) -> None:
        self.seen.append((self.command, self.path))
        length = int(self.headers.get("content-length") or 0)
        self.rfile.read(length)
        self.send_response(self.status)
        self.send_header("content-type", "application/json")
        self.send_header("content-length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _answer

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def answering() -> Iterator[Any]:
    servers: list[ThreadingHTTPServer] = []

    def start(status: int, example: Any) -> tuple[str, list[tuple[str, str]]]:
        body = json.dumps(example).encode() if example is not None else b""
        handler = type("Handler", (_Answer,), {"body": body, "status": status, "seen": []})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}", handler.seen

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


CALL = """
import inspect, json, re, sys
import pydantic, pydantic_core
import {package} as pkg
from {package} import _client

method, path, base_url, prefix = {method!r}, {path!r}, {base_url!r}, {prefix!r}
wire = re.sub(r"{{[^{{}}]+}}", "{{}}", path)
wires = {{wire, prefix + wire}}
found = None
for module_path in sorted(__import__("pathlib").Path(pkg.__file__).parent.joinpath("resources").glob("*.py")):
    text = module_path.read_text()
    sync = text.split("\\nclass Async")[0]
    for chunk in sync.split("\\n    def ")[1:]:
        m = re.search(r'request(?:_page)?\\(\\s*"(\\w+)",\\s*f?"([^"]+)"', chunk)
        if m and m.group(1) == method.upper() and re.sub(r"{{[^{{}}]+}}", "{{}}", m.group(2)) in wires:
            found = (module_path.stem, chunk.split("(")[0])
            break
    if found:
        break
assert found, f"no generated method sends {{method.upper()}} {{path}}"
module, name = found
options = {{"base_url": base_url, "max_retries": 0}}
for param in inspect.signature(pkg.Client).parameters.values():
    if param.name not in options and param.default is None and param.annotation == "str | None":
        options[param.name] = "test-credential"
client = pkg.Client(**options)
resource = next(
    getattr(client, attr) for attr, value in vars(_client.Client).items()
    if isinstance(value, property) and value.fget.__annotations__.get("return") in (
        __import__("importlib").import_module(f"{package}.resources." + module).__dict__.keys()
    )
)
fn = getattr(resource, name)
def value(annotation):
    for kind, example in (("list[", []), ("dict[", {{}}), ("str", "x"), ("int", 1), ("float", 1.5), ("bool", True)):
        if kind in str(annotation):
            return example
    return "x"
params = inspect.signature(fn).parameters.values()
positional = [p for p in params if p.kind is p.POSITIONAL_OR_KEYWORD]
required = {{p.name: value(p.annotation) for p in params if p.kind is p.KEYWORD_ONLY and p.default is p.empty}}
result = fn(*["1" for _ in positional], **required)
def plain(value):
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {{k: plain(v) for k, v in value.items()}}
    return pydantic_core.to_jsonable_python(value)
print(json.dumps(plain(result)))
"""


def test_one_operation_answers_with_its_documented_example(generated: tuple[Path, Path], answering: Any) -> None:
    doc, out = generated
    chosen = _callable_operation(_spec(doc))
    if chosen is None:
        pytest.fail(f"{doc.name} has no operation without a required body")
    method, path, status, example, prefix = chosen
    base_url, seen = answering(status, example)
    script = CALL.format(package=_package(doc), method=method, path=path, base_url=base_url, prefix=prefix)
    result = python(script, out / "src")
    assert result.returncode == 0, result.stderr[-3000:]
    assert json.loads(result.stdout) == json.loads(json.dumps(example))
    assert len(seen) == 1 and seen[0][0] == method.upper()
    assert seen[0][1].split("?")[0].endswith(re.sub(r"{[^{}]+}", "1", path)), seen
