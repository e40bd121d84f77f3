"""Read-only access to the hand-written specs for the tests and the spec linter, over specmodel.

The tests read the documents as plain data (``SPECS.load``), mutate copies of them to show
that a check can fail, and follow ``$ref``s from a value found in a file. All of the reading
(parsing, pointer walking, ``$ref`` resolution, the registry for validation) is specmodel's;
this module only adapts it to values and file paths.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import jsonschema
from referencing import Registry

from specmodel import SPEC_DIR, Document, Node, Spec, Workspace, build_spec
from specmodel.documents import parse_file
from specmodel.errors import SpecError, escape_pointer_token, unescape_pointer_token
from specmodel.schemas import registry_for, validator_for

V1 = SPEC_DIR / "call-control-v1.yaml"
V2 = SPEC_DIR / "call-control-applications-v2.yaml"
COMMON = SPEC_DIR / "common.yaml"
MAIN_SPECS = (V1, V2)

escape = escape_pointer_token
unescape = unescape_pointer_token


class _Workspace(Workspace):
    """A specmodel workspace whose documents are the (possibly mutated) data of a SpecSet."""

    def __init__(self, owner: SpecSet) -> None:
        super().__init__()
        self.owner = owner

    def read(self, path: Path, name: str) -> Document:
        path = path.resolve()
        if path not in self.docs:
            self.docs[path] = Document(path, path.name, self.owner.load(path), self)
        return self.docs[path]


@dataclass
class SpecSet:
    """The documents of spec/, keyed by absolute path, loaded once."""

    docs: dict[Path, Any] = field(default_factory=dict)

    @cached_property
    def workspace(self) -> _Workspace:
        return _Workspace(self)

    def load(self, path: Path) -> Any:
        path = path.resolve()
        if path not in self.docs:
            self.docs[path] = parse_file(path, path.name)
        return self.docs[path]

    def node(self, path: Path, pointer: str) -> Node:
        doc = self.workspace.read(path, path.name)
        found = self.workspace.at(doc, pointer)
        if found is None:
            raise KeyError(f"{path.name}#{pointer}")
        return found

    def spec(self, paths: list[Path]) -> Spec:
        """specmodel's typed views of these root documents, as this set holds them."""
        ws = _Workspace(self)
        ws.roots = [ws.read(path, path.name) for path in paths]
        return build_spec(ws)

    def pointer(self, path: Path, pointer: str) -> Any:
        return self.node(path, pointer).value

    def follow(self, node: Any, base: Path) -> tuple[Any, Path]:
        """Follow `$ref` chains; sibling keys of a `$ref` override the target's (OpenAPI 3.1)."""
        start = Node(self.workspace.read(base, base.name), "", node)
        try:
            target = self.workspace.resolve_merged(start)
        except SpecError as exc:
            raise ValueError(str(exc)) from None
        return target.value, target.doc.path

    def uri(self, path: Path) -> str:
        return path.resolve().as_uri()

    @cached_property
    def registry(self) -> Registry[Any]:
        ws = Workspace()
        for spec in sorted(SPEC_DIR.glob("*.yaml")):
            self.load(spec)
        for path, data in self.docs.items():
            ws.docs[path] = Document(path, path.name, data)
        return registry_for(ws)

    def validator(self, path: Path, pointer: str) -> jsonschema.protocols.Validator:
        """A validator for the schema at `pointer` in `path`, with cross-file refs resolved."""
        return validator_for(self.registry, Node(Document(path.resolve(), path.name, None), pointer, None))


SPECS = SpecSet()


@dataclass(frozen=True)
class Operation:
    path: str
    method: str
    node: dict[str, Any]
    path_item: dict[str, Any]
    pointer: str
    file: Path

    @property
    def operation_id(self) -> str:
        return str(self.node["operationId"])


def operations(spec: Path, section: str = "paths") -> Iterator[Operation]:
    doc = SPECS.workspace.read(spec, spec.name)
    holder = doc.root().get(section)
    for path, raw in holder.items() if holder is not None else ():
        item = SPECS.workspace.resolve_merged(raw)
        for method in doc.methods():
            if isinstance(item.value, dict) and method in item.value:
                # A `$ref`ed path item (a shared webhook) is read in the file it lives in.
                yield Operation(path, method, item.value[method], item.value, f"{raw.pointer}/{method}", item.doc.path)


def operation(spec: Path, method: str, path: str) -> Operation:
    for op in operations(spec):
        if op.method == method and op.path == path:
            return op
    raise KeyError(f"{method.upper()} {path} not in {spec.name}")


def parameter(op: Operation, name: str) -> dict[str, Any]:
    for raw in [*op.path_item.get("parameters", []), *op.node.get("parameters", [])]:
        param, _ = SPECS.follow(raw, op.file)
        if param["name"] == name:
            return dict(param)
    raise KeyError(f"parameter {name!r} not on {op.operation_id}")


def resolved(node: Any, base: Path) -> Any:
    return SPECS.follow(node, base)[0]


def request_schema(op: Operation) -> dict[str, Any]:
    body = resolved(op.node["requestBody"], op.file)
    return dict(resolved(body["content"]["application/json"]["schema"], op.file))


def response(op: Operation, status: str) -> dict[str, Any]:
    return dict(resolved(op.node["responses"][status], op.file))


def response_schema(op: Operation, status: str) -> dict[str, Any]:
    media = response(op, status)["content"]["application/json"]
    return dict(resolved(media["schema"], op.file))


def prop(schema: dict[str, Any], name: str, base: Path) -> dict[str, Any]:
    return dict(resolved(schema["properties"][name], base))


def media_examples(media: dict[str, Any], base: Path) -> list[Any]:
    """Every example value of a media type, whether given as `example` or `examples`."""
    values = [media["example"]] if "example" in media else []
    for ex in (media.get("examples") or {}).values():
        values.append(resolved(ex, base)["value"])
    return values


def types_of(schema: dict[str, Any]) -> set[str]:
    t = schema.get("type")
    return set(t) if isinstance(t, list) else {t} if t else set()


def normalize(text: str | None) -> str:
    return " ".join((text or "").split())
