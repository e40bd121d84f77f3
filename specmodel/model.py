"""Typed views of loaded specs: operations, parameters, bodies, responses, webhook entries.

:func:`load_spec` reads one or more root documents (and every file their ``$ref``s reach),
checks them, and returns a :class:`Spec`. Its views hold :class:`~specmodel.documents.Node`s
for schemas, so that a consumer can validate against them by location
(:meth:`Spec.validator`) or read them (:meth:`Spec.resolve`); the ``x-`` extensions are
already parsed into typed values.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from referencing import Registry

from . import extensions as ext
from .checks import load
from .documents import Document, Node, Workspace, iter_operations, parse_file
from .errors import SpecError
from .schemas import inline, registry_for, validator_for


@dataclass(frozen=True)
class SecurityScheme:
    name: str
    type: str  # http, apiKey, oauth2, openIdConnect, mutualTLS
    scheme: str | None  # for type http: basic, bearer, ... (lower case)
    location: str | None  # for apiKey: header, query, cookie
    parameter: str | None  # for apiKey: the header/query/cookie name
    credential_names: tuple[str, ...] | None
    node: Node


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str  # path, query, header, cookie (querystring in 3.2)
    required: bool
    schema: Node | None
    node: Node  # resolved


@dataclass(frozen=True)
class MediaType:
    media_type: str
    schema: Node | None
    node: Node

    def examples(self, spec: Spec) -> list[Any]:
        """Every example value, whether given as ``example`` or ``examples``."""
        value = self.node.value
        found = [value["example"]] if "example" in value else []
        examples = self.node.get("examples")
        for _, example in examples.items() if examples is not None else ():
            resolved = spec.resolve(example)
            if isinstance(resolved.value, dict) and "value" in resolved.value:
                found.append(resolved.value["value"])
        return found


def _content(spec: Spec, holder: Node) -> dict[str, MediaType]:
    content = holder.get("content")
    out: dict[str, MediaType] = {}
    for media, node in content.items() if content is not None else ():
        schema = node.get("schema")
        out[media] = MediaType(media, schema, node)
    return out


@dataclass(frozen=True)
class _Content:
    """A request body or a response: its media types."""

    content: dict[str, MediaType]
    node: Node  # resolved

    @property
    def json(self) -> MediaType | None:
        """The first JSON media type (``application/json``, ``application/problem+json``, ...)."""
        return next((m for k, m in self.content.items() if k.split(";")[0].strip().endswith("json")), None)


@dataclass(frozen=True)
class RequestBody(_Content):
    required: bool = False


@dataclass(frozen=True)
class Response(_Content):
    status: str = ""
    description: str = ""


@dataclass(frozen=True)
class Operation:
    """One operation of a document's ``paths``, with its typed extensions."""

    document: Document
    method: str  # lower case
    path: str  # as written in the document
    full_path: str  # the path of its server URL, then `path`
    server_url: str  # its own servers' first URL, else its path item's, else the document's ("" if none)
    node: Node
    path_item: Node
    operation_id: str | None
    summary: str
    description: str
    tags: tuple[str, ...]
    deprecated: bool
    parameters: tuple[Parameter, ...]
    request_body: RequestBody | None
    responses: dict[str, Response]
    security: tuple[tuple[SecurityScheme, ...], ...]  # alternatives, each a set of schemes
    webhooks: tuple[ext.WebhookStep, ...] | None
    call_states: tuple[str, ...] | None
    idempotency_field: str | None
    idempotent: bool
    pagination: ext.Pagination | None
    method_name: str | None

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.full_path}"

    @property
    def websocket(self) -> bool:
        """Served over a WebSocket (a ``ws://`` or ``wss://`` server), not plain HTTP."""
        return self.server_url.startswith(("ws://", "wss://"))

    def parameter(self, name: str, location: str | None = None) -> Parameter:
        for param in self.parameters:
            if param.name == name and (location is None or param.location == location):
                return param
        raise KeyError(f"parameter {name!r} not on {self.operation_id or self.label}")


@dataclass(frozen=True)
class Tag:
    """One entry of a document's ``tags``; ``parent`` from OpenAPI 3.2's field or ``x-parent``."""

    document: Document
    name: str
    description: str
    parent: str | None
    node: Node


@dataclass(frozen=True)
class WebhookEntry:
    """One entry of a document's ``webhooks`` section, with its event extensions."""

    document: Document
    name: str
    method: str
    node: Node  # the operation
    event: str | None  # x-event
    envelope: str | None  # x-envelope
    event_type: str | None  # x-event-type
    event_type_pointer: str | None  # x-event-type-pointer
    request_body: RequestBody | None
    summary: str

    @property
    def pointer_tokens(self) -> tuple[str, ...]:
        return ext.EventExtensions(None, None, None, self.event_type_pointer).pointer_tokens

    @property
    def body_schema(self) -> Node | None:
        media = self.request_body.json if self.request_body else None
        return media.schema if media else None


@dataclass
class Spec:
    """Root documents and the typed views of what they declare."""

    workspace: Workspace
    operations: list[Operation] = field(default_factory=list)
    webhooks: list[WebhookEntry] = field(default_factory=list)
    security_schemes: dict[tuple[str, str], SecurityScheme] = field(default_factory=dict)  # (doc name, scheme)
    signatures: dict[str, ext.WebhookSignature] = field(default_factory=dict)  # by doc name
    tags: list[Tag] = field(default_factory=list)
    webhook_fields: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)  # by doc name

    @property
    def documents(self) -> list[Document]:
        return self.workspace.roots

    # -- lookups -----------------------------------------------------------------------------

    def operation(self, operation_id: str) -> Operation:
        for op in self.operations:
            if op.operation_id == operation_id:
                return op
        raise KeyError(f"no operation {operation_id!r}")

    def find_operation(self, method: str, full_path: str) -> Operation:
        for op in self.operations:
            if op.method == method.lower() and op.full_path == full_path:
                return op
        raise KeyError(f"no operation {method.upper()} {full_path}")

    def operations_of(self, doc: Document) -> list[Operation]:
        return [op for op in self.operations if op.document is doc]

    def document(self, file_name: str) -> Document:
        """A root document by its file name (``call-control-v1.yaml``)."""
        for doc in self.workspace.roots:
            if doc.path.name == file_name:
                return doc
        raise KeyError(f"no root document {file_name!r}")

    def webhook(self, event: str, envelope: str) -> WebhookEntry:
        for entry in self.webhooks:
            if entry.event == event and entry.envelope == envelope:
                return entry
        raise KeyError(f"no webhook for event {event!r} in envelope {envelope!r}")

    def events(self) -> set[str]:
        return {entry.event for entry in self.webhooks if entry.event}

    @cached_property
    def _by_wire(self) -> dict[tuple[tuple[str, ...], str], WebhookEntry]:
        return {
            (entry.pointer_tokens, entry.event_type): entry
            for entry in self.webhooks
            if entry.event_type is not None and entry.event_type_pointer is not None
        }

    @cached_property
    def event_type_pointers(self) -> tuple[tuple[str, ...], ...]:
        """The distinct ``x-event-type-pointer``s, as reference tokens, in document order."""
        return tuple(dict.fromkeys(tokens for tokens, _ in self._by_wire))

    def event_type_of(self, body: Any) -> tuple[tuple[str, ...], str] | None:
        """(pointer tokens, text) of the first event-type pointer that finds text in a body."""
        for tokens in self.event_type_pointers:
            value = body
            for token in tokens:
                value = value.get(token) if isinstance(value, dict) else None
            if isinstance(value, str):
                return tokens, value
        return None

    def webhook_for_body(self, body: Any) -> WebhookEntry | None:
        """The webhook entry a parsed body renders, found through the event-type pointers."""
        for tokens in self.event_type_pointers:
            value = body
            for token in tokens:
                value = value.get(token) if isinstance(value, dict) else None
            if isinstance(value, str) and (tokens, value) in self._by_wire:
                return self._by_wire[(tokens, value)]
        return None

    @property
    def signature(self) -> ext.WebhookSignature | None:
        """The first root document's ``x-webhook-signature``."""
        return next(iter(self.signatures.values()), None)

    def signature_for(self, doc: Document) -> ext.WebhookSignature | None:
        """The document's own ``x-webhook-signature``, else the first one declared."""
        return self.signatures.get(doc.name) or self.signature

    # -- schemas -----------------------------------------------------------------------------

    def resolve(self, node: Node) -> Node:
        return self.workspace.resolve(node)

    def at(self, doc: Document, pointer: str) -> Node:
        node = self.workspace.at(doc, pointer)
        if node is None:
            raise SpecError(doc.name, "nothing at this pointer", pointer=pointer)
        return node

    @cached_property
    def registry(self) -> Registry[Any]:
        return registry_for(self.workspace)

    def validator(self, node: Node, *, formats: bool = True) -> Draft202012Validator:
        """A JSON Schema validator for the schema at ``node`` (``$ref``s across files resolved).

        The schema is inlined once when it can be (no recursion), so that validating a value
        looks nothing up; a recursive schema is validated through the registry.
        """
        return validator_for(self.registry, node, formats=formats, inlined=self.inline(node))

    def inline(self, node: Node) -> Any | None:
        """The schema at ``node`` with every ``$ref`` replaced by its target (None if recursive)."""
        return inline(self.workspace, node)

    def property(self, schema: Node, name: str) -> Node | None:
        """The (resolved) schema of property ``name`` of an object schema, looking into allOf."""
        schema = self.resolve(schema)
        props = schema.get("properties")
        if props is not None and name in props.value:
            return self.workspace.resolve_merged(props.child(name))
        all_of = schema.get("allOf")
        for index in range(len(all_of.value) if all_of is not None and isinstance(all_of.value, list) else 0):
            assert all_of is not None
            found = self.property(all_of.child(index), name)
            if found is not None:
                return found
        return None

    def properties(self, schema: Node) -> dict[str, Node]:
        """Every property of an object schema (allOf parts included), resolved, in order."""
        schema = self.resolve(schema)
        out: dict[str, Node] = {}
        all_of = schema.get("allOf")
        if all_of is not None and isinstance(all_of.value, list):
            for index in range(len(all_of.value)):
                out.update(self.properties(all_of.child(index)))
        props = schema.get("properties")
        for name, node in props.items() if props is not None else ():
            out[name] = self.workspace.resolve_merged(node)  # a default beside a $ref is kept
        return out

    def required(self, schema: Node) -> set[str]:
        """The required properties of an object schema (allOf parts included)."""
        schema = self.resolve(schema)
        found = set(schema.value.get("required", [])) if isinstance(schema.value, dict) else set()
        all_of = schema.get("allOf")
        if all_of is not None and isinstance(all_of.value, list):
            for index in range(len(all_of.value)):
                found |= self.required(all_of.child(index))
        return found

    def defaults(self, schema: Node) -> dict[str, Any]:
        """Defaults of an object schema's properties, nested objects included."""
        out: dict[str, Any] = {}
        for name, prop in self.properties(schema).items():
            if isinstance(prop.value, dict) and "default" in prop.value:
                out[name] = prop.value["default"]
            elif isinstance(prop.value, dict) and prop.value.get("type") == "object" and "properties" in prop.value:
                out[name] = self.defaults(prop)
        return out


# -- building the views ------------------------------------------------------------------------


def _server_url(servers: Any) -> str | None:
    """The first server URL, its variables at their defaults."""
    if not isinstance(servers, list) or not servers or not isinstance(servers[0], dict):
        return None
    url = str(servers[0].get("url", ""))
    for name, variable in (servers[0].get("variables") or {}).items():
        if isinstance(variable, dict):
            url = url.replace("{" + str(name) + "}", str(variable.get("default", "")))
    return url


def _server_path(url: str | None) -> str | None:
    """The path of a server URL, without its trailing /."""
    return None if url is None else urlsplit(url).path.rstrip("/")


def _security_schemes(spec: Spec, doc: Document) -> None:
    root = doc.root()
    components = root.get("components")
    schemes = components.get("securitySchemes") if components is not None else None
    for name, raw in schemes.items() if schemes is not None else ():
        node = spec.resolve(raw)
        value = node.value if isinstance(node.value, dict) else {}
        kind = str(value.get("type", ""))
        spec.security_schemes[(doc.name, name)] = SecurityScheme(
            name=name,
            type=kind,
            scheme=str(value["scheme"]).lower() if kind == "http" and "scheme" in value else None,
            location=str(value["in"]) if kind == "apiKey" and "in" in value else None,
            parameter=str(value["name"]) if kind == "apiKey" and "name" in value else None,
            credential_names=ext.credential_names(node),
            node=node,
        )


def _security(spec: Spec, doc: Document, op: Node) -> tuple[tuple[SecurityScheme, ...], ...]:
    holder = op.get("security") or doc.root().get("security")
    if holder is None or not isinstance(holder.value, list):
        return ()
    out = []
    for index, requirement in enumerate(holder.value):
        if not isinstance(requirement, dict):
            raise holder.child(index).error("a security requirement must be a mapping")
        schemes = []
        for name in requirement:
            scheme = spec.security_schemes.get((doc.name, str(name)))
            if scheme is None:
                raise holder.child(index).error(f"unknown security scheme {name!r}")
            schemes.append(scheme)
        out.append(tuple(schemes))
    return tuple(out)


def _parameters(spec: Spec, path_item: Node, op: Node) -> tuple[Parameter, ...]:
    found: dict[tuple[str, str], Parameter] = {}
    for holder in (path_item, op):
        params = holder.get("parameters")
        if params is None or not isinstance(params.value, list):
            continue
        for index in range(len(params.value)):
            node = spec.resolve(params.child(index))
            value = node.value if isinstance(node.value, dict) else {}
            if "name" not in value or "in" not in value:
                raise node.error("a parameter needs 'name' and 'in'")
            param = Parameter(
                name=str(value["name"]),
                location=str(value["in"]),
                required=bool(value.get("required")) or value["in"] == "path",
                schema=node.get("schema"),
                node=node,
            )
            found[(param.name, param.location)] = param
    return tuple(found.values())


def _request_body(spec: Spec, holder: Node) -> RequestBody | None:
    body = holder.get("requestBody")
    if body is None:
        return None
    node = spec.resolve(body)
    return RequestBody(_content(spec, node), node, required=bool(node.value.get("required")))


def _responses(spec: Spec, op: Node) -> dict[str, Response]:
    responses = op.get("responses")
    out: dict[str, Response] = {}
    for status, raw in responses.items() if responses is not None else ():
        node = spec.resolve(raw)
        value = node.value if isinstance(node.value, dict) else {}
        out[status] = Response(_content(spec, node), node, status=status, description=str(value.get("description", "")))
    return out


def _text(node: Node, key: str) -> str:
    value = node.value.get(key) if isinstance(node.value, dict) else None
    return value if isinstance(value, str) else ""


def _operations(spec: Spec, doc: Document) -> Iterable[Operation]:
    root_url = _server_url(doc.data.get("servers"))
    for path, method, path_item, op in iter_operations(doc):
        url = _server_url(op.value.get("servers"))
        if url is None:
            url = _server_url(path_item.value.get("servers"))
        if url is None:
            url = root_url
        prefix = _server_path(url) or ""
        tags = op.value.get("tags") or []
        op_id = op.value.get("operationId")
        yield Operation(
            document=doc,
            method=method,
            path=path,
            full_path=prefix + path,
            server_url=url or "",
            node=op,
            path_item=path_item,
            operation_id=str(op_id) if op_id is not None else None,
            summary=_text(op, "summary"),
            description=_text(op, "description"),
            tags=tuple(str(t) for t in tags) if isinstance(tags, list) else (),
            deprecated=op.value.get("deprecated") is True,
            parameters=_parameters(spec, path_item, op),
            request_body=_request_body(spec, op),
            responses=_responses(spec, op),
            security=_security(spec, doc, op),
            webhooks=ext.webhook_steps(op),
            call_states=ext.call_states(op),
            idempotency_field=ext.idempotency_field(op),
            idempotent=ext.idempotent(op),
            pagination=ext.pagination(op),
            method_name=ext.method_name(op),
        )


def document_tags(doc: Document) -> list[Tag]:
    """A document's ``tags``, each parent checked: a tag of the same document, and no cycle."""
    tags_node = doc.root().get("tags")
    nodes = (
        [tags_node.child(i) for i in range(len(tags_node.value))]
        if tags_node and isinstance(tags_node.value, list)
        else []
    )
    found: list[Tag] = []
    for node in nodes:
        raw = node.value
        if isinstance(raw, dict) and isinstance(raw.get("name"), str):
            found.append(Tag(doc, raw["name"], _text(node, "description"), ext.tag_parent(node), node))
    by_name = {t.name: t for t in found}
    for tag in found:
        seen = {tag.name}
        parent = tag.parent
        while parent is not None:
            if parent not in by_name:
                raise tag.node.error(f"tag {tag.name!r}: its parent {parent!r} is not a tag of this document")
            if parent in seen:
                raise tag.node.error(f"tag {tag.name!r}: its parents form a loop")
            seen.add(parent)
            parent = by_name[parent].parent
    return found


def _webhooks(spec: Spec, doc: Document, seen: set[tuple[Path, str]]) -> Iterable[WebhookEntry]:
    hooks = doc.root().get("webhooks")
    for name, raw in hooks.items() if hooks is not None else ():
        item = spec.resolve(raw)
        method = next((m for m in doc.methods() if isinstance(item.value, dict) and m in item.value), None)
        if method is None:
            continue
        op = item.child(method)
        if (op.doc.path, op.pointer) in seen:
            continue  # another document's entry, shared by $ref: one entry
        seen.add((op.doc.path, op.pointer))
        found = ext.event_extensions(item, op)
        yield WebhookEntry(
            document=doc,
            name=name,
            method=method,
            node=op,
            event=found.event,
            envelope=found.envelope,
            event_type=found.event_type,
            event_type_pointer=found.event_type_pointer,
            request_body=_request_body(spec, op),
            summary=_text(op, "summary") or _text(op, "description"),
        )


def build_spec(ws: Workspace) -> Spec:
    """The typed views of a loaded workspace's root documents."""
    spec = Spec(workspace=ws)
    seen: set[tuple[Path, str]] = set()
    for doc in ws.roots:
        _security_schemes(spec, doc)
    for doc in ws.roots:
        signature = ext.webhook_signature(doc.root())
        if signature is not None:
            spec.signatures[doc.name] = signature
        fields = ext.webhook_fields(doc.root())
        if fields is not None:
            spec.webhook_fields[doc.name] = fields
        spec.tags.extend(document_tags(doc))
        spec.operations.extend(_operations(spec, doc))
        spec.webhooks.extend(_webhooks(spec, doc, seen))
    return spec


def load_spec(*paths: Path | str, validate: bool = True, lenient: bool = False) -> Spec:
    """Read, check and index root documents. ``validate`` runs openapi-spec-validator too."""
    ws, finish = load([Path(p) for p in paths], lenient=lenient)
    if validate:
        finish()
    return build_spec(ws)


# The project's spec/ next to this package; an installed toolkit wheel carries them as package data
# (specmodel/spec, see pyproject.toml's force-include), which wins when present.
_PACKAGED_SPEC_DIR = Path(__file__).resolve().parent / "spec"
SPEC_DIR = _PACKAGED_SPEC_DIR if _PACKAGED_SPEC_DIR.is_dir() else Path(__file__).resolve().parent.parent / "spec"


def api_documents(spec_dir: Path = SPEC_DIR) -> list[Path]:
    """The OpenAPI documents of a directory that declare operations or webhooks, by file name."""
    found = []
    for path in sorted(spec_dir.glob("*.yaml")):
        data = parse_file(path, str(path))
        if isinstance(data, dict) and (data.get("paths") or data.get("webhooks")):
            found.append(path)
    return found


def load_dir(spec_dir: Path = SPEC_DIR, *, validate: bool = False) -> Spec:
    """Every API document of a spec directory (the project's ``spec/`` by default)."""
    return load_spec(*api_documents(spec_dir), validate=validate)


@cache
def default_spec() -> Spec:
    """The project's own ``spec/`` directory, loaded once per process."""
    return load_dir(SPEC_DIR)
