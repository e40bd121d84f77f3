"""Stage 1: read spec files, resolve ``$ref`` across files, validate.

The loader knows nothing about Python: it hands :mod:`codegen.build_ir` a :class:`Workspace`
(every document that was read, by absolute path) and the root documents, and raises
:class:`~codegen.errors.SpecError` (file + JSON pointer, or file + line) for anything it
cannot accept.
"""

from __future__ import annotations

import json
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import unquote

import yaml

from .errors import SpecError, join_pointer

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
SCHEMA_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})

_YamlLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_YamlLoader):  # type: ignore[misc,valid-type]
    """A safe YAML loader that keeps timestamps as strings (JSON has no dates)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _YamlLoader.yaml_implicit_resolvers.items()
}


@dataclass
class Document:
    """One file that was read: an OpenAPI document or a file it refers to."""

    path: Path
    name: str
    data: Any

    @property
    def version(self) -> str:
        return str(self.data.get("openapi", "")) if isinstance(self.data, dict) else ""


@dataclass(frozen=True)
class Node:
    """A value inside a document, with where it lives."""

    doc: Document
    pointer: str
    value: Any

    def child(self, *tokens: str | int) -> Node:
        value = self.value
        for token in tokens:
            value = value[token]
        return Node(self.doc, join_pointer(self.pointer, *tokens), value)

    def get(self, key: str) -> Node | None:
        if isinstance(self.value, dict) and key in self.value:
            return self.child(key)
        return None

    def error(self, message: str) -> SpecError:
        return SpecError(self.doc.name, message, pointer=self.pointer)


@dataclass
class Workspace:
    """Every document read so far, and ``$ref`` resolution between them."""

    roots: list[Document] = field(default_factory=list)
    docs: dict[Path, Document] = field(default_factory=dict)

    def read(self, path: Path, name: str) -> Document:
        path = path.resolve()
        if path in self.docs:
            return self.docs[path]
        doc = Document(path, name, _parse(path, name))
        self.docs[path] = doc
        return doc

    def resolve(self, node: Node) -> Node:
        """Follow ``node``'s ``$ref`` chain (if any) to the value it names."""
        seen: list[tuple[Path, str]] = []
        while isinstance(node.value, dict) and isinstance(node.value.get("$ref"), str):
            key = (node.doc.path, node.pointer)
            if key in seen:
                raise node.error("$ref loop: " + " -> ".join(f"#{p}" for _, p in seen))
            seen.append(key)
            node = self.lookup(node.child("$ref"))
        return node

    def lookup(self, ref: Node) -> Node:
        """The node a ``$ref`` string (``ref.value``) points to, one step."""
        text: str = ref.value
        file_part, _, fragment = text.partition("#")
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", file_part):
            raise ref.error(f"$ref {text!r}: remote references are not supported")
        doc = ref.doc
        if file_part:
            target = (ref.doc.path.parent / unquote(file_part)).resolve()
            if not target.is_file():
                raise ref.error(f"$ref {text!r} points to a missing file")
            doc = self.read(target, _display(target, ref.doc))
        node = Node(doc, "", doc.data)
        if fragment and not fragment.startswith("/"):
            raise ref.error(f"$ref {text!r}: only JSON pointer fragments are supported")
        for raw in fragment.split("/")[1:] if fragment else []:
            token = unquote(raw).replace("~1", "/").replace("~0", "~")
            value = node.value
            if isinstance(value, dict) and token in value:
                node = node.child(token)
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                node = node.child(int(token))
            else:
                raise ref.error(f"$ref {text!r} points to nothing")
        return node


def _display(target: Path, origin: Document) -> str:
    """A short name for a referenced file: relative to the referring file's name."""
    return str(Path(origin.name).parent / target.name) if origin.name else str(target)


def _parse(path: Path, name: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SpecError(name, "file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise SpecError(name, f"cannot read file: {exc}") from None
    if not text.strip():
        raise SpecError(name, "empty file", pointer="")
    if path.suffix.lower() == ".json":
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise SpecError(name, f"invalid JSON: {exc.msg}", line=exc.lineno) from None
    try:
        return yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        line = mark.line + 1 if mark else None
        raise SpecError(name, f"invalid YAML: {problem}", line=line) from None
    except yaml.YAMLError as exc:
        raise SpecError(name, f"invalid YAML: {exc}") from None


def load(paths: list[Path], *, lenient: bool = False) -> tuple[Workspace, Callable[[], list[str]]]:
    """Read and check the root documents.

    The checks of the generator's own run here and raise the first problem. The
    openapi-spec-validator pass, the slowest, runs when the returned ``finish`` is called
    (the command line runs it while another process renders the models): it returns the
    warnings, or raises the first finding.
    """
    ws = Workspace()
    for path in paths:
        doc = ws.read(path, str(path))
        _check_header(doc)
        ws.roots.append(doc)
    for doc in ws.roots:
        _check_refs(ws, doc)
    for doc in ws.roots:
        _check_schema_types(ws, doc)
        _check_operations(ws, doc)
    problems = _check_duplicate_operation_ids(ws)

    def finish() -> list[str]:
        found = problems + [e for doc in ws.roots for e in _validate(doc)]
        if found and not lenient:
            first = found[0]
            if first.lenient_ok:
                first.message += " (--lenient generates anyway)"
            raise first
        return [str(p) for p in found]

    return ws, finish


def _check_header(doc: Document) -> None:
    data = doc.data
    if not isinstance(data, dict):
        kind = "null" if data is None else type(data).__name__
        raise SpecError(doc.name, f"an OpenAPI document must be a mapping, found {kind}", pointer="")
    if "swagger" in data:
        raise SpecError(
            doc.name,
            "Swagger 2.0 is not supported: convert the document to OpenAPI 3.0 or 3.1",
            pointer="/swagger",
        )
    if "openapi" not in data:
        raise SpecError(doc.name, "missing required field 'openapi'", pointer="")
    version = str(data["openapi"])
    if not re.fullmatch(r"3\.[01]\.\d+(-.+)?", version):
        raise SpecError(doc.name, f"unsupported OpenAPI version {version!r} (3.0.x or 3.1.x)", pointer="/openapi")


def _iter_refs(node: Node) -> Iterator[Node]:
    """Every ``$ref`` string below ``node`` (not following them)."""
    stack = [node]
    while stack:
        current = stack.pop()
        value = current.value
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str):
                yield current
            for key in reversed(list(value)):
                if key != "$ref" and isinstance(value[key], (dict, list)):
                    stack.append(current.child(key))
        elif isinstance(value, list):
            for index in range(len(value) - 1, -1, -1):
                if isinstance(value[index], (dict, list)):
                    stack.append(current.child(index))


def _check_refs(ws: Workspace, root: Document) -> None:
    """Resolve every ``$ref`` in ``root`` and in every file it reaches."""
    pending = [root]
    done: set[Path] = set()
    while pending:
        doc = pending.pop()
        if doc.path in done:
            continue
        done.add(doc.path)
        # Examples are free-form: a "$ref" key inside an example value is data.
        for node in _iter_refs(Node(doc, "", doc.data)):
            if "/example" in node.pointer and _inside_example(node.pointer):
                continue
            target = ws.resolve(node)
            if target.doc.path not in done:
                pending.append(target.doc)


def _inside_example(pointer: str) -> bool:
    parts = pointer.split("/")
    return any(
        p == "example" or (p == "examples" and i + 2 < len(parts) and parts[i + 2] == "value")
        for i, p in enumerate(parts)
    )


# Keywords whose value is a schema, a list of schemas, or a mapping of schemas.
_SUB_SCHEMA = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then")
_SUB_SCHEMA += ("else", "unevaluatedItems", "unevaluatedProperties", "additionalItems")
_SUB_SCHEMA_LISTS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SUB_SCHEMA_MAPS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def iter_subschemas(node: Node) -> Iterator[Node]:
    """The schemas directly inside schema ``node``."""
    value = node.value
    if not isinstance(value, dict):
        return
    for key in _SUB_SCHEMA:
        if isinstance(value.get(key), dict):
            yield node.child(key)
    for key in _SUB_SCHEMA_LISTS:
        if isinstance(value.get(key), list):
            for index, item in enumerate(value[key]):
                if isinstance(item, dict):
                    yield node.child(key, index)
    if isinstance(value.get("items"), list):  # 3.0-style tuple items
        for index, item in enumerate(value["items"]):
            if isinstance(item, dict):
                yield node.child("items", index)
    for key in _SUB_SCHEMA_MAPS:
        if isinstance(value.get(key), dict):
            for name, item in value[key].items():
                if isinstance(item, dict):
                    yield node.child(key, name)


def iter_operations(doc: Document) -> Iterator[tuple[str, str, Node, Node]]:
    """``(path, method, path_item, operation)`` for every operation, in document order."""
    paths = doc.data.get("paths")
    if not isinstance(paths, dict):
        return
    root = Node(doc, "", doc.data)
    for path, item in paths.items():
        if not isinstance(item, dict):
            continue
        path_item = root.child("paths", path)
        for method in item:
            if method in HTTP_METHODS and isinstance(item[method], dict):
                yield path, method, path_item, path_item.child(method)


def _schema_roots(ws: Workspace, doc: Document) -> Iterator[Node]:
    root = Node(doc, "", doc.data)
    components = root.get("components")
    schemas = components.get("schemas") if components else None
    if schemas and isinstance(schemas.value, dict):
        for name in schemas.value:
            yield schemas.child(name)
    for _, _, path_item, operation in iter_operations(doc):
        for holder in (path_item, operation):
            params = holder.get("parameters")
            if params and isinstance(params.value, list):
                for index in range(len(params.value)):
                    param = ws.resolve(params.child(index))
                    schema = param.get("schema")
                    if schema:
                        yield schema
        body = operation.get("requestBody")
        bodies = [ws.resolve(body)] if body else []
        responses = operation.get("responses")
        if responses and isinstance(responses.value, dict):
            bodies += [ws.resolve(responses.child(code)) for code in responses.value]
        for holder in bodies:
            content = holder.get("content")
            if content and isinstance(content.value, dict):
                for media in content.value:
                    schema = content.child(media).get("schema")
                    if schema:
                        yield schema


def _check_schema_types(ws: Workspace, doc: Document) -> None:
    seen: set[tuple[Path, str]] = set()
    stack = list(_schema_roots(ws, doc))
    while stack:
        node = stack.pop()
        if not isinstance(node.value, dict):
            continue
        if "$ref" in node.value:
            node = ws.resolve(node)
        key = (node.doc.path, node.pointer)
        if key in seen or not isinstance(node.value, dict):
            continue
        seen.add(key)
        types = node.value.get("type")
        listed = types if isinstance(types, list) else [types] if types is not None else []
        for kind in listed:
            if kind not in SCHEMA_TYPES or (kind == "null" and doc.version.startswith("3.0")):
                raise node.child("type").error(f"invalid schema type {kind!r}")
        if isinstance(types, list) and doc.version.startswith("3.0"):
            raise node.child("type").error("a list of types needs OpenAPI 3.1")
        stack.extend(iter_subschemas(node))


def _check_operations(ws: Workspace, doc: Document) -> None:
    for path, _method, path_item, operation in iter_operations(doc):
        declared: set[str] = set()
        for holder in (path_item, operation):
            params = holder.get("parameters")
            if params and isinstance(params.value, list):
                for index in range(len(params.value)):
                    param = ws.resolve(params.child(index)).value
                    if isinstance(param, dict) and param.get("in") == "path":
                        declared.add(str(param.get("name")))
        for name in re.findall(r"{([^{}]+)}", path):
            if name not in declared:
                raise operation.error(f"path parameter {name!r} is not declared")


def _check_duplicate_operation_ids(ws: Workspace) -> list[SpecError]:
    first: dict[str, Node] = {}
    problems: list[SpecError] = []
    for doc in ws.roots:
        for _, _, _, operation in iter_operations(doc):
            op_id = operation.get("operationId")
            if op_id is None:
                continue
            if op_id.value in first:
                where = first[op_id.value]
                other = f"{where.doc.name}#{where.pointer}" if where.doc is not doc else where.pointer
                message = f"duplicate operationId {op_id.value!r} (also at {other})"
                problems.append(SpecError(doc.name, message, pointer=op_id.pointer, lenient_ok=True))
            else:
                first[op_id.value] = op_id
    return problems


def _validate(doc: Document) -> list[SpecError]:
    """Run openapi-spec-validator; its findings have no precise pointer."""
    from openapi_spec_validator.validation import OpenAPIV30SpecValidator

    validator_cls = OpenAPIV30SpecValidator if doc.version.startswith("3.0") else _fast_v31_validator()
    problems: list[SpecError] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            errors = list(validator_cls(doc.data, base_uri=doc.path.as_uri()).iter_errors())
        except Exception as exc:  # the validator itself gave up on this document
            return [SpecError(doc.name, f"invalid document: {exc}", pointer="")]
    for error in errors:
        path = list(error.absolute_path)
        message = " ".join(str(error.message).split())
        if len(message) > 200:
            message = message[:197] + "..."
        lenient_ok = _is_default_mismatch(error) or type(error).__name__ == "DuplicateOperationIDError"
        pointer = join_pointer("", *path)
        problems.append(SpecError(doc.name, message, pointer=pointer, lenient_ok=lenient_ok))
    return problems


def _fast_v31_validator() -> Any:
    """OpenAPI 3.1 validation with each schema's meta-check done by jsonschema-rs.

    openapi-spec-validator checks every schema against the JSON Schema 2020-12 meta-schema
    with the pure-Python ``jsonschema``, once per schema and again for each nested schema:
    most of its time on large documents. The same meta-schema check in Rust is much faster.
    """
    import jsonschema_rs
    from openapi_spec_validator.validation import OpenAPIV31SpecValidator, keywords
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    class SchemaValidator(keywords.OpenAPIV31SchemaValidator):  # type: ignore[misc]
        def _validate_schema_meta(self, schema: Any, schema_value: Any) -> Any:
            try:
                jsonschema_rs.meta.validate(schema_value)
            except jsonschema_rs.ValidationError as exc:
                return OpenAPIValidationError(str(exc).splitlines()[0])
            return None

    class Validator(OpenAPIV31SpecValidator):  # type: ignore[misc]
        keyword_validators: ClassVar[dict[str, Any]] = {
            **OpenAPIV31SpecValidator.keyword_validators,
            "schema": SchemaValidator,
        }

    return Validator


def _is_default_mismatch(error: Any) -> bool:
    """A ``default`` that does not match its schema (an annotation in JSON Schema 2020-12)."""
    schema = error.schema
    return isinstance(schema, dict) and "default" in schema and error.instance == schema["default"]
