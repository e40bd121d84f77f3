"""Stage 2: the loaded documents -> the IR (:mod:`codegen.ir`).

All decisions live here: grouping operations into resources, every Python name, argument
order, the annotation of every argument and return value, which credential each request
needs, what each docstring says. The templates only print the result.

| module | concern |
|---|---|
| ``__init__`` | the whole API: servers, grouping operations into resources, version |
| ``security`` | security schemes -> credentials; each operation's requirements |
| ``operations`` | resources and methods: names, arguments, bodies, responses, paging, imports |
| ``webhooks`` | ``webhooks`` entries, ``x-webhooks`` steps, ``x-webhook-signature`` |
| ``docstrings`` | what each method's docstring says |
| ``exports`` | what the package's ``__init__`` re-exports |
| ``model_names`` | the class names datamodel-code-generator wrote, put in the IR after rendering the models |
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .. import ir
from ..load import Document, Node, Workspace, iter_operations
from ..naming import snake, upper_snake
from ..schemas import ModelRegistry
from . import webhooks
from .common import Context, Options, clean
from .exports import exports
from .nesting import Nesting
from .operations import Operations
from .security import Security

__all__ = ["Options", "build"]

# Attributes of the client class that are not resources.
RESERVED_RESOURCES = frozenset(
    {"base_url", "close", "aclose", "with_options", "with_raw_response", "webhooks", "models"}
)


# What every generated package needs; PyNaCl is imported only to verify a webhook.
DEPENDENCIES = ("httpx>=0.27,<1", "pydantic>=2.8,<3", "pynacl>=1.5,<2")
# ... and one with deprecated operations: ``typing_extensions.deprecated`` (PEP 702) marks them.
DEPRECATED_DEPENDENCIES = ("typing-extensions>=4.5",)


@dataclass
class _Server:
    origin: str
    prefix: str


def build(ws: Workspace, options: Options) -> ir.Api:
    first = ws.roots[0].data
    title = str(first.get("info", {}).get("title", "api"))
    package_name = options.package_name or f"{snake(title)}_client"
    env_prefix = options.env_prefix or upper_snake(package_name)
    ctx = Context(ws, options, ModelRegistry(ws), package_name, env_prefix)
    for doc in ws.roots:
        _register_components(ctx, doc)
    servers = {doc.name: _server(doc.data.get("servers")) for doc in ws.roots}
    first_origin = servers[ws.roots[0].name].origin
    # The client's base URL is the whole server URL, path included (what `base_url` replaces);
    # documents served under different paths of one origin share the longest common path.
    common = _common_prefix([s.prefix for s in servers.values() if s.origin == first_origin])
    security = Security(ctx)
    for doc in ws.roots:
        security.add_document(doc)
    operations = Operations(ctx, security)
    grouped: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    descriptions: dict[str, str] = {}
    nest = Nesting(ctx)
    for doc in ws.roots:
        tag_docs = {
            t.get("name"): t.get("description", "") for t in doc.data.get("tags", []) or [] if isinstance(t, dict)
        }
        for path, method, path_item, op in iter_operations(doc):
            # An operation's own `servers`, else its path item's, else the document's.
            own = op.value.get("servers") or path_item.value.get("servers")
            server = _server(own) if own else servers[doc.name]
            if server.origin.startswith(("ws://", "wss://")):
                # What the client cannot express is left out, and said, never generated wrong.
                print(f"warning: {op.location}: a WebSocket operation, skipped (HTTP client)", file=sys.stderr)
                continue
            base = _relative(server, first_origin, common)
            tags = op.value.get("tags") or []
            resource = snake(str(tags[0])) if tags else _resource_from_path(path)
            if resource in RESERVED_RESOURCES:
                resource += "_"
            resource = nest.module(doc, resource, str(tags[0]) if tags else None)  # namespaced, nested
            if tags:
                descriptions.setdefault(resource, str(tag_docs.get(tags[0]) or tags[0]))
            grouped.setdefault(resource, []).append(
                (resource, {"doc": doc, "path": path, "method": method, "item": path_item,
                            "op": op, "base": base})
            )  # fmt: skip
    resources, client_resources, namespaces = nest.arrange(operations, grouped, descriptions)
    events = tuple(w for doc in ws.roots for w in webhooks.events(ctx, doc))
    signature = webhooks.signature(ctx, security.credential_names) if events else None
    info = ws.roots[0].data.get("info", {})
    exported, public_names = exports(bool(events), signature is not None)
    deprecates = any(op.deprecated for r in resources for op in r.operations)
    return ir.Api(
        package_name=package_name,
        distribution_name=package_name.replace("_", "-"),
        title=str(info.get("title", package_name)),
        version=_version([d.data.get("info", {}).get("version") for d in ws.roots]),
        description=clean(info.get("description", "")),
        base_url=first_origin + common,
        base_url_env=f"{env_prefix}_BASE_URL",
        security_schemes=tuple(security.schemes),
        resources=resources,
        webhooks=events,
        webhook_signature=signature,
        model_schemas=ctx.registry.schemas,
        dependencies=DEPENDENCIES + (DEPRECATED_DEPENDENCIES if deprecates else ()),
        exports=exported,
        public_names=public_names,
        namespaces=namespaces,
        client_resources=client_resources,
        webhook_fields=webhooks.fields(ctx) if events else (),
        webhook_schemas=ctx.webhook_schemas,
        model_origins=ctx.registry.origins,
    )


def _register_components(ctx: Context, doc: Document) -> None:
    schemas = doc.data.get("components", {}).get("schemas", {})
    root = Node(doc, "", doc.data)
    for name in schemas if isinstance(schemas, dict) else []:
        ctx.registry.register(root.child("components", "schemas", name), hint=name)


def _common_prefix(prefixes: list[str]) -> str:
    """The longest path (whole segments) every prefix starts with."""
    split = [p.split("/") for p in prefixes]
    common: list[str] = []
    for parts in zip(*split, strict=False):
        if any(part != parts[0] for part in parts):
            break
        common.append(parts[0])
    return "/".join(common).rstrip("/")


def _relative(server: _Server, origin: str, common: str) -> str:
    """What goes before an operation's path: its server's path after the base URL, else its whole URL."""
    if server.origin == origin and (server.prefix == common or server.prefix.startswith(common + "/")):
        return server.prefix[len(common) :]
    return server.origin + server.prefix


def _server(servers: list[dict[str, Any]] | None) -> _Server:
    """The first of a `servers` list (variables at their defaults), as origin and path prefix."""
    server = (servers or [{"url": "/"}])[0]
    url = str(server.get("url", "/"))
    for name, var in (server.get("variables") or {}).items():
        url = url.replace("{" + name + "}", str(var.get("default", "")))
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme else ""
    return _Server(origin, parts.path.rstrip("/"))


# Path segments that name a version or the API itself, not a resource (``/v1``, ``/2.0``, ``/api``).
_NOT_A_RESOURCE = re.compile(r"^(v\d+([._]\d+)*[a-z]*|\d+([._]\d+)*|api|rest)$", re.IGNORECASE)


def _resource_from_path(path: str) -> str:
    """An untagged operation's resource: its first path segment that names one (not a version)."""
    for segment in path.split("?")[0].split("/"):
        if segment and not segment.startswith("{") and not _NOT_A_RESOURCE.match(segment) and snake(segment) != "_":
            return snake(segment)
    return "root"


def _version(versions: list[Any]) -> str:
    from packaging.version import InvalidVersion, Version

    for raw in versions:
        try:
            return str(Version(str(raw)))
        except InvalidVersion:
            continue
    return "0.0.0"
