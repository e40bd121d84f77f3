"""Reading spec files: YAML/JSON documents, values located by JSON pointer, ``$ref`` resolution.

This is the only place that parses a spec file, walks a JSON pointer into one, or follows a
``$ref``. Multi-file documents are read as their references reach other files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import ryaml
import yaml

from .errors import SpecError, join_pointer, unescape_pointer_token

# Every HTTP method an OpenAPI path item may hold (3.0 and 3.1); 3.2 adds `query`.
HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
HTTP_METHODS_32 = (*HTTP_METHODS, "query")

_YamlLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_YamlLoader):  # type: ignore[misc,valid-type]
    """A safe YAML loader that keeps timestamps as strings (JSON has no dates)."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in _YamlLoader.yaml_implicit_resolvers.items()
}


# A scalar that YAML 1.1 (PyYAML) and ryaml's YAML 1.2 read differently when it is plain: 1.1's extra booleans
# (PyYAML's: not y or n), octal, binary, sexagesimal and underscored numbers, and the merge key.
_YAML11_ONLY = re.compile(
    r"yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF"
    r"|[-+]?0[0-7]+|[-+]?0b[0-1_]+|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?"
    r"|[-+]?(?:[0-9][0-9_]*)?_[0-9_]*(?:\.[0-9_]*)?(?:[eE][-+][0-9]+)?|<<"
)


def _yaml11_differs(text: str, data: Any) -> bool:
    """Whether PyYAML could read ``text`` differently from ``data`` (ryaml's reading of it): a
    string in it, key or value, is one that YAML 1.1 reads as another type, and the text has it
    plain (not quoted) as a key, a value or an item. A false alarm only costs the slower reader."""
    return any(_plain_in(text, suspect) for suspect in _suspects(data))


def _suspects(data: Any) -> set[str]:
    match = _YAML11_ONLY.fullmatch
    found: set[str] = set()
    stack = [data] if isinstance(data, (dict, list)) else []
    if type(data) is str and match(data):
        found.add(data)
    while stack:
        value = stack.pop()
        items = list(value.items()) if isinstance(value, dict) else [(None, item) for item in value]
        for key, item in items:
            if type(key) is str and len(key) < 40 and match(key):
                found.add(key)
            if type(item) is str:
                if len(item) < 40 and match(item):
                    found.add(item)
            elif isinstance(item, (dict, list)):
                stack.append(item)
    return found


def _plain_in(text: str, scalar: str) -> bool:
    for m in re.finditer(re.escape(scalar), text):
        head = text[max(m.start() - 80, 0) : m.start()]
        lead = head.rstrip(" \t")
        before = lead[-1:]
        if before in ("-", "?"):  # an item or a complex key: `- x`, not `nb-NO`
            if lead[-2:-1] not in ("", " ", "\t", "\n") or len(lead) == len(head):
                continue
        elif before == ":" and len(lead) == len(head):  # `key: x`, not `12:01`
            continue
        tail = text[m.end() : m.end() + 80].lstrip(" \t")
        after = tail[:1]
        if after == ":" and tail[1:2] not in ("", " ", "\t", "\n", "\r"):  # a key `x: `, not `01:00`
            continue
        if before in ("", "\n", ":", "-", "?", "[", "{", ",") and after in ("", "\n", "\r", ",", "]", "}", "#", ":"):
            return True
    return False


def load_yaml_text(text: str) -> Any:
    """Parse YAML text the way spec files are parsed: YAML 1.1 as PyYAML reads it, except that
    timestamps stay strings (JSON has no dates).

    ryaml (Rust) reads it first, about 7x faster than PyYAML's C loader. PyYAML reads it instead
    when ryaml cannot (duplicate keys, several documents, integers past 128 bits; PyYAML's error
    then names the line) or when a scalar in it is one the two could read differently (see
    ``_YAML11_ONLY``). One difference remains: a plain scalar that only YAML 1.2 reads as a number
    (``1e3``, ``0o17``) is a number, where PyYAML would keep the string.
    """
    try:
        data = ryaml.loads(text)  # type: ignore[attr-defined]  # ryaml re-exports it without __all__
    except Exception:  # any text ryaml refuses is PyYAML's to accept or explain
        return yaml.load(text, Loader=_Loader)
    return yaml.load(text, Loader=_Loader) if _yaml11_differs(text, data) else data


@dataclass
class Document:
    """One file that was read: an OpenAPI document or a file it refers to."""

    path: Path
    name: str
    data: Any = field(repr=False)
    workspace: Workspace | None = field(default=None, repr=False, compare=False)

    @property
    def version(self) -> str:
        return str(self.data.get("openapi", "")) if isinstance(self.data, dict) else ""

    @property
    def uri(self) -> str:
        return self.path.as_uri()

    def root(self) -> Node:
        return Node(self, "", self.data)

    def methods(self) -> tuple[str, ...]:
        """The HTTP methods a path item of this document may hold."""
        return HTTP_METHODS_32 if self.version.startswith("3.2") else HTTP_METHODS


@dataclass(frozen=True)
class Node:
    """A value inside a document, with where it lives."""

    doc: Document
    pointer: str
    value: Any = field(repr=False)

    def __repr__(self) -> str:
        return f"Node({self.location!r})"

    def child(self, *tokens: str | int) -> Node:
        value = self.value
        for token in tokens:
            value = value[token]
        return Node(self.doc, join_pointer(self.pointer, *tokens), value)

    def get(self, key: str) -> Node | None:
        if isinstance(self.value, dict) and key in self.value:
            return self.child(key)
        return None

    def items(self) -> Iterator[tuple[str, Node]]:
        """``(key, child)`` of a mapping, in document order (nothing for other values)."""
        if isinstance(self.value, dict):
            for key in self.value:
                yield str(key), self.child(key)

    def error(self, message: str) -> SpecError:
        return SpecError(self.doc.name, message, pointer=self.pointer)

    @property
    def location(self) -> str:
        """``file#/pointer``, for messages."""
        return f"{self.doc.name}#{self.pointer}"


@dataclass
class Workspace:
    """Every document read so far, and ``$ref`` resolution between them."""

    roots: list[Document] = field(default_factory=list)
    docs: dict[Path, Document] = field(default_factory=dict)

    def read(self, path: Path, name: str) -> Document:
        path = path.resolve()
        if path in self.docs:
            return self.docs[path]
        doc = Document(path, name, parse_file(path, name), self)
        self.docs[path] = doc
        return doc

    def resolve(self, node: Node) -> Node:
        """Follow ``node``'s ``$ref`` chain (if any) to the value it names."""
        return self._follow(node, merge=False)

    def resolve_merged(self, node: Node) -> Node:
        """Like :meth:`resolve`, with the sibling keys of each ``$ref`` laid over its target.

        OpenAPI 3.1 (JSON Schema 2020-12) lets a ``$ref`` have siblings (``description``,
        ``default``); the outermost one wins. The result keeps the target's location.
        """
        return self._follow(node, merge=True)

    def _follow(self, node: Node, *, merge: bool) -> Node:
        siblings: dict[str, Any] = {}
        seen: list[tuple[Path, str]] = []
        while isinstance(node.value, dict) and isinstance(node.value.get("$ref"), str):
            key = (node.doc.path, node.pointer)
            if key in seen:
                raise node.error("$ref loop: " + " -> ".join(f"#{p}" for _, p in seen))
            seen.append(key)
            if merge:
                siblings = {**{k: v for k, v in node.value.items() if k != "$ref"}, **siblings}
            node = self.lookup(node.child("$ref"))
        if siblings and isinstance(node.value, dict):
            node = Node(node.doc, node.pointer, {**node.value, **siblings})
        return node

    def lookup(self, ref: Node) -> Node:
        """The node a ``$ref`` string (``ref.value``) points to, one step."""
        text: str = ref.value
        file_part, _, fragment = text.partition("#")
        file_part = _under_self(ref.doc, file_part)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", file_part):
            raise ref.error(f"$ref {text!r}: remote references are not supported")
        doc = ref.doc
        if file_part:
            target = (ref.doc.path.parent / unquote(file_part)).resolve()
            if not target.is_file():
                raise ref.error(f"$ref {text!r} points to a missing file")
            doc = self.read(target, _display(target, ref.doc))
        if fragment and not fragment.startswith("/"):
            raise ref.error(f"$ref {text!r}: only JSON pointer fragments are supported")
        node = self.at(doc, fragment)
        if node is None:
            raise ref.error(f"$ref {text!r} points to nothing")
        return node

    def locate(self, doc: Document, tokens: tuple[str | int, ...]) -> Node | None:
        """The node reached from ``doc``'s root by ``tokens``, following a ``$ref`` wherever the
        path goes through one (the real location of what a reader reached through references)."""
        node = doc.root()
        for token in tokens:
            value = node.value
            key: str | int = token
            if isinstance(value, dict) and str(token) not in value and isinstance(value.get("$ref"), str):
                node = self.resolve(node)
                value = node.value
            if isinstance(value, dict) and str(token) in value:
                key = str(token)
            elif isinstance(value, list) and str(token).isdigit() and int(token) < len(value):
                key = int(token)
            else:
                return None
            node = node.child(key)
        return node

    def at(self, doc: Document, pointer: str) -> Node | None:
        """The node at a JSON pointer (URI-fragment escaping allowed) in ``doc``, or None."""
        node = doc.root()
        for raw in pointer.split("/")[1:] if pointer else []:
            token = unescape_pointer_token(raw)
            value = node.value
            if isinstance(value, dict) and token in value:
                node = node.child(token)
            elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
                node = node.child(int(token))
            else:
                return None
        return node


def _under_self(doc: Document, file_part: str) -> str:
    """A reference to a URI under the document's own OpenAPI 3.2 ``$self`` names a file beside
    it: ``$self: https://example.com/api/openapi.yaml`` makes ``https://example.com/api/a.yaml``
    the local ``a.yaml``, and the ``$self`` URI itself this document."""
    own = doc.data.get("$self") if isinstance(doc.data, dict) else None
    if not isinstance(own, str) or not file_part or "://" not in own:
        return file_part
    if file_part == own:
        return ""
    base = own.rsplit("/", 1)[0] + "/"
    return file_part[len(base) :] if file_part.startswith(base) else file_part


def _display(target: Path, origin: Document) -> str:
    """A short name for a referenced file: relative to the referring file's name."""
    return str(Path(origin.name).parent / target.name) if origin.name else str(target)


def parse_file(path: Path, name: str) -> Any:
    """The parsed content of a YAML or JSON spec file; a :class:`SpecError` if it cannot be read."""
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
        return load_yaml_text(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        line = mark.line + 1 if mark else None
        raise SpecError(name, f"invalid YAML: {problem}", line=line) from None
    except yaml.YAMLError as exc:
        raise SpecError(name, f"invalid YAML: {exc}") from None


def iter_refs(node: Node) -> Iterator[Node]:
    """Every ``$ref`` holder below ``node`` (not following them)."""
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


# Keywords whose value is a schema, a list of schemas, or a mapping of schemas.
_SUB_SCHEMA: tuple[str, ...] = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then")
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
    """``(path, method, path_item, operation)`` for every operation, in document order.

    A path item given as a ``$ref`` is followed (standard); so is an operation given as a
    ``$ref`` to another file (not allowed by the standard, but common), when the document
    was read through a workspace.
    """
    paths = doc.data.get("paths") if isinstance(doc.data, dict) else None
    if not isinstance(paths, dict):
        return
    root = doc.root()
    methods = doc.methods()
    ws = doc.workspace
    for path in paths:
        path_item = root.child("paths", path)
        if ws is not None:
            path_item = ws.resolve(path_item)
        if not isinstance(path_item.value, dict):
            continue
        found = [(m, path_item.child(m)) for m in path_item.value if m in methods]
        extra = path_item.get("additionalOperations") if doc.version.startswith("3.2") else None
        found += [(m.lower(), node) for m, node in extra.items()] if extra is not None else []
        for method, op in found:
            if ws is not None and isinstance(op.value, dict) and "$ref" in op.value:
                op = ws.resolve(op)
            if isinstance(op.value, dict):
                yield path, method, path_item, op
