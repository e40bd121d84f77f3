"""Read-only access to the hand-written specs, for tests and the spec linter.

Follows `$ref` (local and across files) one step at a time, the way a reader of the
document would, and exposes the documents to `jsonschema` through a `referencing`
registry so that any schema in them can be used for validation by its JSON pointer.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urldefrag

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_DIR = Path(__file__).resolve().parent.parent / "spec"
V1 = SPEC_DIR / "call-control-v1.yaml"
V2 = SPEC_DIR / "call-control-applications-v2.yaml"
COMMON = SPEC_DIR / "common.yaml"
MAIN_SPECS = (V1, V2)
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def unescape(token: str) -> str:
    return unquote(token).replace("~1", "/").replace("~0", "~")


@dataclass
class SpecSet:
    """The documents of spec/, keyed by absolute path, loaded once."""

    docs: dict[Path, Any] = field(default_factory=dict)

    def load(self, path: Path) -> Any:
        path = path.resolve()
        if path not in self.docs:
            self.docs[path] = yaml.safe_load(path.read_text(encoding="utf-8"))
        return self.docs[path]

    def pointer(self, path: Path, pointer: str) -> Any:
        node = self.load(path)
        for token in filter(None, pointer.split("/")):
            token = unescape(token)
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def follow(self, node: Any, base: Path) -> tuple[Any, Path]:
        """Follow `$ref` chains; sibling keys of a `$ref` override the target's (OpenAPI 3.1)."""
        seen: set[str] = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            file_part, fragment = urldefrag(ref)
            target_file = (base.parent / file_part).resolve() if file_part else base
            key = f"{target_file}#{fragment}"
            if key in seen:
                raise ValueError(f"$ref loop at {key}")
            seen.add(key)
            siblings = {k: v for k, v in node.items() if k != "$ref"}
            target = self.pointer(target_file, fragment)
            node = {**target, **siblings} if isinstance(target, dict) and siblings else target
            base = target_file
        return node, base

    def uri(self, path: Path) -> str:
        return path.resolve().as_uri()

    @cached_property
    def registry(self) -> Registry:
        for spec in (*MAIN_SPECS, COMMON):
            self.load(spec)
        resources = [(self.uri(p), Resource(contents=doc, specification=DRAFT202012)) for p, doc in self.docs.items()]
        return Registry().with_resources(resources)

    def validator(self, path: Path, pointer: str) -> jsonschema.protocols.Validator:
        """A validator for the schema at `pointer` in `path`, with cross-file refs resolved."""
        schema = {"$ref": f"{self.uri(path)}#{pointer}"}
        return jsonschema.Draft202012Validator(
            schema, registry=self.registry, format_checker=jsonschema.FormatChecker()
        )


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
    doc = SPECS.load(spec)
    for path, item in (doc.get(section) or {}).items():
        item, _ = SPECS.follow(item, spec)
        for method in HTTP_METHODS:
            if method in item:
                pointer = f"/{section}/{escape(path)}/{method}"
                yield Operation(path, method, item[method], item, pointer, spec)


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
