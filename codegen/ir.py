"""Stage 2's output: what the generated package consists of.

Plain, typed dataclasses. Every name in here is already a collision-free Python name, every
type is already a Python annotation, every ordering is final: templates only print them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

ParamLocation = Literal["path", "query", "header", "cookie"]
BodyEncoding = Literal["json", "form", "multipart", "binary", "text"]


@dataclass(frozen=True)
class Credential:
    """One constructor argument that carries a secret, with its environment variable."""

    py_name: str
    env_var: str
    description: str


@dataclass(frozen=True)
class SecurityScheme:
    """How one security scheme puts its credentials on a request."""

    key: str  # the Python-level identifier the client uses for this scheme
    kind: Literal["bearer", "basic", "api_key"]
    location: Literal["header", "query", "cookie"]
    param_name: str  # header/query/cookie name ("Authorization" for bearer and basic)
    credentials: tuple[Credential, ...]


@dataclass(frozen=True)
class WebhookStep:
    """One step of an operation's ``x-webhooks``."""

    events: tuple[str, ...]
    repeat: bool = False
    optional: bool = False
    when: str | None = None
    leg: str = "self"


@dataclass(frozen=True)
class Parameter:
    """A method argument: a path, query, header or cookie parameter, or a body field."""

    name: str  # on the wire
    py_name: str
    location: ParamLocation | Literal["body"]
    annotation: str
    required: bool
    style: str = "form"
    explode: bool = True

    @property
    def kwarg_annotation(self) -> str:
        return self.annotation if self.required else f"{self.annotation} | NotGiven"


@dataclass(frozen=True)
class RequestBody:
    encoding: BodyEncoding | None  # the transport's ``body_encoding``; None for JSON, its default
    content_type: str | None  # a Content-Type to send, when the encoding's own is not the one
    fields: tuple[Parameter, ...]  # flattened object properties, or the single ``body`` argument
    flattened: bool


@dataclass(frozen=True)
class Response:
    """What a method returns: its success response's body."""

    annotation: str  # Python type of the parsed body ("None" when empty, "bytes", "str", ...)
    stream: str | None = None  # a sequential media type ("sse", "jsonl", "json-seq"): annotation is an item's

    @property
    def cast_expr(self) -> str:
        """The runtime expression passed as ``cast_to`` (a type mypy accepts as ``type[T]``)."""
        if self.annotation == "None":
            return "type(None)"
        if self.annotation.startswith("Literal[") or "|" in _top_level(self.annotation):
            return f"cast({json.dumps(f'type[{self.annotation}]', ensure_ascii=False)}, {self.annotation})"
        return self.annotation


@dataclass(frozen=True)
class Pagination:
    page_query: str  # the page parameter's name on the wire
    items: str
    page_number: str
    total_pages: str
    item_annotation: str  # Python type of one item of the list


@dataclass(frozen=True)
class WebhookSignature:
    """How the API signs the webhooks it sends (the document's ``x-webhook-signature``)."""

    algorithm: Literal["ed25519"]
    signature_header: str
    timestamp_header: str
    message_prefix: str  # what the signed message has before the body ("{timestamp}" placeholders)
    message_suffix: str  # ... and after it
    tolerance: int  # seconds a timestamp may be off, in the past or the future
    public_key: Credential  # the constructor argument holding the verification key


@dataclass(frozen=True)
class Operation:
    method_name: str
    http_method: str  # upper case
    path_expr: str  # Python expression building the full path (an f-string when it has parameters)
    docstring: str
    deprecated: str | None  # the deprecation message, when the API description deprecates it
    parameters: tuple[Parameter, ...]  # path, query, header and cookie parameters
    body: RequestBody | None
    response: Response
    security: tuple[tuple[str, ...], ...]  # alternatives of scheme keys; () means none
    idempotent: bool  # safe to repeat although its HTTP method is not idempotent
    idempotency_field: str | None
    pagination: Pagination | None
    webhooks: tuple[WebhookStep, ...] | None
    webhooks_const: str | None  # module constant holding ``webhooks``
    origin: tuple[str, str] | None = None  # (file, JSON pointer) of the operation: named when its code is not valid

    @property
    def path_parameters(self) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == "path")

    @property
    def keyword_parameters(self) -> tuple[Parameter, ...]:
        """Everything after ``*``: required ones first, then optional, spec order in each."""
        rest = [p for p in self.parameters if p.location != "path"]
        rest += list(self.body.fields) if self.body else []
        return tuple(p for p in rest if p.required) + tuple(p for p in rest if not p.required)

    def located(self, location: str) -> tuple[Parameter, ...]:
        return tuple(p for p in self.parameters if p.location == location)

    @property
    def query_styles(self) -> dict[str, str]:
        """Wire name -> style, for query parameters not sent as plain ``form`` + explode."""
        return {
            p.name: p.style if p.explode or p.style != "form" else "form-no-explode"
            for p in self.located("query")
            if p.style != "form" or not p.explode
        }


@dataclass(frozen=True)
class ResourceLink:
    """A resource as an attribute of what holds it: the client, a namespace or a parent resource."""

    name: str  # the attribute
    module: str  # its module in ``resources/``
    class_name: str
    description: str


@dataclass(frozen=True)
class Resource:
    name: str  # attribute on what holds it (the client, a namespace or its parent resource)
    class_name: str
    description: str
    operations: tuple[Operation, ...]
    imports: tuple[str, ...]  # import lines the resource module needs, sorted
    module: str = ""  # module name in ``resources/`` (unique); ``name`` when empty
    holder: str = ""  # attribute path of what holds it: ``v2.pets`` for ``toys``; "" for the client
    children: tuple[ResourceLink, ...] = ()  # nested resources (tags whose parent is this one's)

    @property
    def module_name(self) -> str:
        return self.module or self.name

    @property
    def path(self) -> str:
        """Its attribute path from the client: ``v2.pets.toys``."""
        return f"{self.holder}.{self.name}" if self.holder else self.name


@dataclass(frozen=True)
class Namespace:
    """A group of resources under one client attribute (``client.v2``): one input document's."""

    name: str
    class_name: str
    description: str
    resources: tuple[ResourceLink, ...]


@dataclass(frozen=True)
class WebhookEvent:
    key: str  # the entry's name in ``webhooks``
    model: str | None
    event: str | None
    envelope: str | None
    event_type: str | None
    event_type_pointer: str | None


@dataclass(frozen=True)
class WebhookField:
    """An accessor every parsed webhook offers (``x-webhook-fields``), whatever its envelope."""

    name: str
    pointers: tuple[str, ...]  # relative to the object holding the event type; the first present wins


@dataclass(frozen=True)
class Export:
    """A name the package's ``__init__`` imports lazily from one of its modules."""

    name: str
    module: str  # relative: "._exceptions"


@dataclass
class Api:
    package_name: str
    distribution_name: str
    title: str
    version: str
    description: str
    base_url: str
    base_url_env: str
    security_schemes: tuple[SecurityScheme, ...]
    resources: tuple[Resource, ...]
    webhooks: tuple[WebhookEvent, ...]
    webhook_signature: WebhookSignature | None = None
    dependencies: tuple[str, ...] = ()  # of the generated package, as in pyproject.toml
    model_schemas: dict[str, Any] = field(default_factory=dict)  # name asked of the models -> JSON schema
    exports: tuple[Export, ...] = ()  # sorted by name
    public_names: tuple[str, ...] = ()  # ``__all__``, in order
    namespaces: tuple[Namespace, ...] = ()  # client attributes grouping resources (``--namespace``)
    client_resources: tuple[ResourceLink, ...] = ()  # the client's own resource attributes
    webhook_fields: tuple[WebhookField, ...] = ()  # accessors of every parsed webhook (x-webhook-fields)
    webhook_schemas: dict[str, Any] = field(default_factory=dict)  # body model -> inlined JSON Schema
    # name asked of the models -> (file, JSON pointer) of its schema: named when its code is not valid
    model_origins: dict[str, tuple[str, str]] = field(default_factory=dict)

    @property
    def credentials(self) -> tuple[Credential, ...]:
        seen: dict[str, Credential] = {}
        for scheme in self.security_schemes:
            for cred in scheme.credentials:
                seen.setdefault(cred.py_name, cred)
        return tuple(seen.values())

    @property
    def operations(self) -> tuple[Operation, ...]:
        return tuple(op for r in self.resources for op in r.operations)

    @property
    def paginated_method(self) -> str | None:
        """``resource.method`` of the first list operation that pages, to show in the README."""
        paged = (f"{r.path}.{op.method_name}" for r in self.resources for op in r.operations if op.pagination)
        return next(paged, None)

    @property
    def webhook_models(self) -> tuple[str, ...]:
        """The models of the webhooks that can be recognised by their event type, sorted."""
        return tuple(sorted({w.model for w in self.webhooks if w.model and w.event_type_pointer}))


def _top_level(annotation: str) -> str:
    """The annotation without anything inside brackets or string literals."""
    out, depth, quoted, escaped = "", 0, False, False
    for char in annotation:
        if quoted:
            escaped, quoted = (False, True) if escaped else (char == "\\", char != '"')
            continue
        if char == '"':
            quoted = True
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif depth == 0:
            out += char
    return out
