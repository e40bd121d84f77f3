"""Stage 2: the loaded documents -> the IR (:mod:`codegen.ir`).

All decisions live here: grouping operations into resources, every Python name, argument
order, the annotation of every argument and return value, which credential each request
needs, what each docstring says. The templates only print the result.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from . import ir
from .errors import SpecError
from .load import Document, Node, Workspace, iter_operations
from .naming import NameSet, pascal, safe_identifier, snake, strip_resource_words, upper_snake, words
from .schemas import REF_PREFIX, ModelRegistry, model_names_in
from .text import reflow

# Names a method's body or signature uses besides its arguments.
RESERVED_ARGUMENTS = frozenset({"self", "cast", "path_param", "NOT_GIVEN", "NotGiven", "builtins", "httpx", "timeout"})
# Attributes of a resource class that are not operations.
RESERVED_METHODS = frozenset({"with_raw_response", "with_streaming_response", "with_options"})
# Attributes of the client class that are not resources.
RESERVED_RESOURCES = frozenset(
    {"base_url", "close", "aclose", "with_options", "with_raw_response", "webhooks", "models"}
)
BUILTIN_TYPES = ("list", "dict", "str", "int", "float", "bool", "bytes", "object", "type")
IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
DOC_WIDTH = 88
# How every method documents its ``timeout`` argument.
TIMEOUT_DOC = (
    "Seconds (or an `httpx.Timeout`) this request may take, instead of the client's `timeout`; None waits forever."
)


@dataclass
class Options:
    package_name: str | None = None
    env_prefix: str | None = None
    credential_names: dict[str, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class _Server:
    origin: str
    prefix: str


def build(ws: Workspace, options: Options) -> ir.Api:
    return _Builder(ws, options).build()


class _Builder:
    def __init__(self, ws: Workspace, options: Options) -> None:
        self.ws = ws
        self.options = options
        self.registry = ModelRegistry(ws)
        first = ws.roots[0].data
        title = str(first.get("info", {}).get("title", "api"))
        self.package_name = options.package_name or f"{snake(title)}_client"
        self.env_prefix = options.env_prefix or upper_snake(self.package_name)
        self.schemes: dict[tuple[str, str], str] = {}  # (doc name, scheme name) -> key
        self.security: list[ir.SecurityScheme] = []

    # -- top level ------------------------------------------------------------------------

    def build(self) -> ir.Api:
        for doc in self.ws.roots:
            self._register_components(doc)
        servers = {doc.name: _server(doc.data.get("servers")) for doc in self.ws.roots}
        first_origin = servers[self.ws.roots[0].name].origin
        for doc in self.ws.roots:
            self._security_schemes(doc)
        grouped: dict[str, list[tuple[str, dict[str, Any]]]] = {}
        descriptions: dict[str, str] = {}
        for doc in self.ws.roots:
            tag_docs = {
                t.get("name"): t.get("description", "") for t in doc.data.get("tags", []) or [] if isinstance(t, dict)
            }
            for path, method, path_item, op in iter_operations(doc):
                # An operation's own `servers`, else its path item's, else the document's.
                own = op.value.get("servers") or path_item.value.get("servers")
                server = _server(own) if own else servers[doc.name]
                base = server.prefix if server.origin == first_origin else server.origin + server.prefix
                tags = op.value.get("tags") or []
                resource = snake(str(tags[0])) if tags else _resource_from_path(path)
                if resource in RESERVED_RESOURCES:
                    resource += "_"
                if tags:
                    descriptions.setdefault(resource, str(tag_docs.get(tags[0]) or tags[0]))
                grouped.setdefault(resource, []).append(
                    (resource, {"doc": doc, "path": path, "method": method, "item": path_item,
                                "op": op, "base": base})
                )  # fmt: skip
        resources = tuple(
            self._resource(name, descriptions.get(name, ""), [e for _, e in grouped[name]]) for name in sorted(grouped)
        )
        webhooks = tuple(w for doc in self.ws.roots for w in self._webhooks(doc))
        signature = self._webhook_signature() if webhooks else None
        info = self.ws.roots[0].data.get("info", {})
        return ir.Api(
            package_name=self.package_name,
            distribution_name=self.package_name.replace("_", "-"),
            title=str(info.get("title", self.package_name)),
            version=_version([d.data.get("info", {}).get("version") for d in self.ws.roots]),
            description=_clean(info.get("description", "")),
            base_url=first_origin,
            base_url_env=f"{self.env_prefix}_BASE_URL",
            security_schemes=tuple(self.security),
            resources=resources,
            webhooks=webhooks,
            webhook_signature=signature,
            model_schemas=self.registry.schemas,
            model_names=frozenset(self.registry.schemas),
        )

    def _register_components(self, doc: Document) -> None:
        schemas = doc.data.get("components", {}).get("schemas", {})
        root = Node(doc, "", doc.data)
        for name in schemas if isinstance(schemas, dict) else []:
            self.registry.register(root.child("components", "schemas", name), hint=name)

    # -- security -------------------------------------------------------------------------

    def _security_schemes(self, doc: Document) -> None:
        schemes = doc.data.get("components", {}).get("securitySchemes", {}) or {}
        root = Node(doc, "", doc.data)
        for spec_name in schemes:
            node = self.ws.resolve(root.child("components", "securitySchemes", spec_name))
            value = node.value
            kind, location, param = _scheme_transport(value)
            if kind is None:
                raise node.error(f"unsupported security scheme type {value.get('type')!r}")
            existing = next(
                (s for s in self.security if (s.kind, s.location, s.param_name) == (kind, location, param)),
                None,
            )  # fmt: skip
            if existing is not None:
                merged = ir.SecurityScheme(**{**existing.__dict__, "spec_names": (*existing.spec_names, spec_name)})
                self.security[self.security.index(existing)] = merged
                self.schemes[(doc.name, spec_name)] = existing.key
                continue
            key = NameSet({s.key for s in self.security}).claim(snake(spec_name))
            names = self._credential_names(spec_name, value, kind, key)
            description = _clean(value.get("description", ""))
            credentials = tuple(
                ir.Credential(n, f"{self.env_prefix}_{n.upper()}", _credential_doc(kind, i, description))
                for i, n in enumerate(names)
            )  # fmt: skip
            self.security.append(
                ir.SecurityScheme(key, (spec_name,), kind, location, param, credentials, description)
            )  # fmt: skip
            self.schemes[(doc.name, spec_name)] = key

    def _credential_names(self, spec_name: str, value: Any, kind: str, key: str) -> tuple[str, ...]:
        wanted = 2 if kind == "basic" else 1
        given = self.options.credential_names.get(spec_name) or value.get("x-credential-names")
        if given:
            names = tuple(safe_identifier(str(n)) for n in given)
            if len(names) != wanted:
                raise SpecError(
                    "--credential-names",
                    f"security scheme {spec_name!r} takes {wanted} credential name(s)",
                )
            return names
        taken = {c.py_name for s in self.security for c in s.credentials}
        default = ("username", "password") if kind == "basic" else ("api_key",)
        if any(n in taken for n in default):
            default = tuple(f"{key}_{n}" for n in default)
        return default

    def _operation_security(self, doc: Document, op: Node) -> tuple[tuple[str, ...], ...]:
        holder = op if "security" in op.value else Node(doc, "", doc.data)
        requirements = holder.get("security")
        if requirements is None or not isinstance(requirements.value, list):
            return ()
        out: list[tuple[str, ...]] = []
        for index, requirement in enumerate(requirements.value):
            keys: list[str] = []
            for name in requirement or {}:
                if (doc.name, name) not in self.schemes:
                    raise requirements.child(index).error(f"unknown security scheme {name!r}")
                keys.append(self.schemes[(doc.name, name)])
            out.append(tuple(keys))
        return tuple(out)

    # -- resources and operations ---------------------------------------------------------

    def _resource(self, name: str, description: str, entries: list[dict[str, Any]]) -> ir.Resource:
        res_words = words(name)
        wanted: list[str] = []
        for entry in entries:
            op = entry["op"].value
            override = op.get("x-method-name")
            if override:
                wanted.append(safe_identifier(str(override)))
                continue
            op_words = words(_operation_id(entry))
            stripped = strip_resource_words(op_words, res_words)
            wanted.append(safe_identifier("_".join(stripped)))
        counts = {n: wanted.count(n) for n in wanted}
        names = NameSet(RESERVED_METHODS)
        method_names = [
            names.claim(n if counts[n] == 1 else snake(_operation_id(e))) for n, e in zip(wanted, entries, strict=True)
        ]
        operations = [
            self._operation(entry, method_name) for entry, method_name in zip(entries, method_names, strict=True)
        ]
        shadowed = {n for n in method_names if n in BUILTIN_TYPES}
        if shadowed:
            operations = [_qualify_builtins(op, shadowed) for op in operations]
        return ir.Resource(
            name=name,
            class_name=pascal(name),
            description=description,
            operations=tuple(operations),
            imports=self._imports(operations, bool(shadowed)),
        )

    def _imports(self, operations: list[ir.Operation], uses_builtins: bool) -> tuple[str, ...]:
        models: set[str] = set()
        typing: set[str] = set()
        types = {"NOT_GIVEN", "NotGiven"}  # every method takes ``timeout=NOT_GIVEN``
        base = {"AsyncAPIResource", "SyncAPIResource"}
        pages: set[str] = set()
        for op in operations:
            if op.pagination:
                pages |= {"AsyncPaginator", "PageInfo", "SyncPage"}
            for annotation in _annotations(op):
                models |= model_names_in(annotation, self.registry.schemas.keys())
                bare = re.sub(r'"(?:[^"\\]|\\.)*"', "", annotation)
                typing |= {n for n in ("Any", "Literal") if re.search(rf"\b{n}\b", bare)}
            if op.path_parameters:
                base.add("path_param")
            if op.response.cast_expr.startswith("cast("):
                typing.add("cast")
            if op.webhooks is not None:
                typing.add("Final")
                types |= {"WebhookStep", "sends_webhooks"}
        lines = ["from __future__ import annotations"]
        lines += ["import builtins"] if uses_builtins else []
        lines.append("from functools import cached_property")
        lines += ["import httpx"]
        lines += [f"from typing import {', '.join(sorted(typing))}"] if typing else []
        lines.append(f"from .._base_client import {', '.join(sorted(base, key=str.lower))}")
        lines += [f"from .._pagination import {', '.join(sorted(pages))}"] if pages else []
        lines.append("from .._response import async_raw_response_wrapper, raw_response_wrapper")
        lines += [f"from .._types import {', '.join(sorted(types))}"] if types else []
        lines += [f"from ..models import {', '.join(sorted(models))}"] if models else []
        return tuple(lines)

    def _operation(self, entry: dict[str, Any], method_name: str) -> ir.Operation:
        doc: Document = entry["doc"]
        op: Node = entry["op"]
        value = op.value
        op_id = _operation_id(entry)
        hint = pascal(op_id)
        arg_names = NameSet(RESERVED_ARGUMENTS)
        parameters = self._parameters(doc, entry["item"], op, entry["path"], hint, arg_names)
        body = self._body(doc, op, hint, arg_names)
        response, errors = self._responses(doc, op, hint)
        path = entry["base"] + entry["path"]
        webhooks = _webhook_steps(op)
        pagination = self._pagination(op, parameters, response, hint)
        idempotency_field = value.get("x-idempotency-field")
        # GET, PUT, DELETE, ... are idempotent by HTTP rules: the client knows that itself.
        idempotent = bool(value.get("x-idempotent") or idempotency_field)
        docstring = _docstring(value, parameters, body, webhooks)
        return ir.Operation(
            operation_id=op_id,
            method_name=method_name,
            http_method=entry["method"].upper(),
            path=path,
            path_expr=_path_expr(path, parameters),
            summary=_clean(value.get("summary", "")),
            docstring=docstring,
            deprecated=bool(value.get("deprecated")),
            parameters=parameters,
            body=body,
            response=response,
            errors=errors,
            security=self._operation_security(doc, op),
            idempotent=idempotent,
            idempotency_field=str(idempotency_field) if idempotency_field else None,
            pagination=pagination,
            webhooks=webhooks,
            webhooks_const=f"{method_name.upper().strip('_')}_WEBHOOKS" if webhooks is not None else None,
        )  # fmt: skip

    def _parameters(
        self, doc: Document, item: Node, op: Node, path: str, hint: str, names: NameSet
    ) -> tuple[ir.Parameter, ...]:
        found: dict[tuple[str, str], Node] = {}
        for holder in (item, op):
            params = holder.get("parameters")
            for index in range(len(params.value) if params else 0):
                assert params is not None
                node = self.ws.resolve(params.child(index))
                if not isinstance(node.value, dict) or "name" not in node.value:
                    raise params.child(index).error("a parameter needs 'name' and 'in'")
                found[(str(node.value["name"]), str(node.value.get("in")))] = node
        order = {name: i for i, name in enumerate(re.findall(r"{([^{}]+)}", path))}
        by_location = {"path": 0, "query": 1, "header": 2, "cookie": 3}
        nodes = sorted(
            (n for (name, loc), n in found.items()
             if loc in by_location and not (loc == "header" and name.lower() in IGNORED_HEADERS)),
            key=lambda n: (by_location[n.value["in"]], order.get(n.value["name"], 0)),
        )  # fmt: skip
        out: list[ir.Parameter] = []
        for node in nodes:
            value = node.value
            location = value["in"]
            schema_node = node.get("schema")
            if schema_node is not None:
                schema = self.registry.copy(schema_node, doc.version)
                annotation = self.registry.annotation(schema, hint + pascal(value["name"]))
            else:
                annotation = "str"
            style = value.get("style", "simple" if location in {"path", "header"} else "form")
            out.append(
                ir.Parameter(
                    name=str(value["name"]),
                    py_name=names.claim(snake(str(value["name"]))),
                    location=location,
                    annotation=annotation,
                    required=bool(value.get("required")) or location == "path",
                    description=_clean(value.get("description", "")),
                    style=str(style),
                    explode=bool(value.get("explode", style == "form" or style == "deepObject")),
                )
            )
        return tuple(out)

    def _body(self, doc: Document, op: Node, hint: str, names: NameSet) -> ir.RequestBody | None:
        body_ref = op.get("requestBody")
        if body_ref is None:
            return None
        body = self.ws.resolve(body_ref)
        content = body.get("content")
        if content is None or not isinstance(content.value, dict) or not content.value:
            return None
        media = _pick_media(list(content.value))
        encoding = _encoding(media)
        required = bool(body.value.get("required"))
        media_node = content.child(media)
        schema_node = media_node.get("schema") if isinstance(media_node.value, dict) else None
        schema: Any = self.registry.copy(schema_node, doc.version) if schema_node else {}
        model = self.registry.ref_name(schema)
        if model is None and self.registry.is_model(schema):
            model = self.registry.register_inline(schema, hint + "Body")
            schema = {"$ref": "#/components/schemas/" + model}
        fields = self.registry.object_fields(schema) if encoding in {"json", "form", "multipart"} else None
        target = self.registry.target(schema)
        if fields is not None and not (isinstance(target, dict) and "oneOf" in target):
            props, required_names = fields
            out = []
            for prop, prop_schema in props.items():
                if isinstance(prop_schema, dict) and self.registry.target(prop_schema).get("readOnly"):
                    continue
                annotation = self.registry.annotation(prop_schema, (model or hint) + pascal(prop))
                description = _clean(_description(self.registry, prop_schema))
                out.append(
                    ir.Parameter(
                        name=prop,
                        py_name=names.claim(_body_name(prop, names)),
                        location="body",
                        annotation=annotation,
                        required=required and prop in required_names,
                        description=description,
                    )
                )
            return ir.RequestBody(media, encoding, required, model, tuple(out), flattened=True)
        if encoding == "binary":
            annotation = "bytes"
        elif encoding == "text":
            annotation = "str"
        else:
            annotation = self.registry.annotation(schema, hint + "Body")
        param = ir.Parameter(
            name="body",
            py_name=names.claim("body"),
            location="body",
            annotation=annotation,
            required=required,
            description=_clean(body.value.get("description", "")) or "The request body.",
        )
        return ir.RequestBody(media, encoding, required, model, (param,), flattened=False)

    def _responses(self, doc: Document, op: Node, hint: str) -> tuple[ir.Response, tuple[ir.Response, ...]]:
        responses = op.get("responses")
        codes = sorted(responses.value, key=_status_order) if responses else []
        success_code = next((c for c in codes if str(c).startswith("2")), None)
        if success_code is None and "default" in codes:
            success_code = "default"
        out: dict[str, ir.Response] = {}
        for code in codes:
            assert responses is not None
            node = self.ws.resolve(responses.child(code))
            suffix = "Response" if code == success_code else f"Error{code}"
            out[str(code)] = self._response(doc, str(code), node, hint + suffix)
        success = out[str(success_code)] if success_code is not None else ir.Response("204", "", "empty", None, "None")
        errors = tuple(r for code, r in out.items() if code != str(success_code))
        return success, errors

    def _response(self, doc: Document, code: str, node: Node, hint: str) -> ir.Response:
        description = _clean(node.value.get("description", ""))
        content = node.get("content")
        if content is None or not isinstance(content.value, dict) or not content.value:
            return ir.Response(code, description, "empty", None, "None")
        media = _pick_media(list(content.value))
        encoding = _encoding(media)
        if encoding == "text":
            return ir.Response(code, description, "text", media, "str")
        if encoding != "json":
            return ir.Response(code, description, "binary", media, "bytes")
        schema_node = content.child(media).get("schema")
        if schema_node is None:
            return ir.Response(code, description, "json", media, "object")
        schema = self.registry.copy(schema_node, doc.version)
        annotation = self.registry.annotation(schema, hint)
        return ir.Response(code, description, "json", media, "object" if annotation == "Any" else annotation)

    def _pagination(
        self, op: Node, parameters: tuple[ir.Parameter, ...], response: ir.Response, hint: str
    ) -> ir.Pagination | None:
        spec = op.value.get("x-pagination")
        if not isinstance(spec, dict):
            return None
        by_wire = {p.name: p.py_name for p in parameters if p.location == "query"}
        page = spec.get("page-parameter")
        if page not in by_wire:
            raise op.error(f"x-pagination: page-parameter {page!r} is not a query parameter")
        items = str(spec.get("items", "/data"))
        item_schema = self._schema_at(response.annotation, items)
        if item_schema is None or not isinstance(self.registry.target(item_schema), dict):
            raise op.error(f"x-pagination: items {items!r} is not an array in the response")
        item_schema = self.registry.target(item_schema).get("items", {})
        return ir.Pagination(
            page_parameter=by_wire[page],
            page_query=str(page),
            size_parameter=by_wire.get(spec.get("size-parameter", "")),
            items=items,
            page_number=str(spec.get("page-number", "")),
            total_pages=str(spec.get("total-pages", "")),
            item_annotation=self.registry.annotation(item_schema, hint + "Item"),
        )

    def _schema_at(self, model: str, pointer: str) -> Any:
        """The schema of the value at a JSON pointer into a body of the model ``model``."""
        schema: Any = {"$ref": REF_PREFIX + model} if model in self.registry.schemas else None
        for token in [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]:
            fields = self.registry.object_fields(schema) if schema is not None else None
            if fields is None or token not in fields[0]:
                return None
            schema = fields[0][token]
        return schema

    def _webhook_signature(self) -> ir.WebhookSignature | None:
        """The documents' ``x-webhook-signature``: how webhooks are signed (the first one found)."""
        doc = next((d for d in self.ws.roots if "x-webhook-signature" in d.data), None)
        if doc is None:
            return None
        node = Node(doc, "", doc.data).child("x-webhook-signature")
        value = node.value
        if not isinstance(value, dict):
            raise node.error("x-webhook-signature must be a mapping")
        if value.get("algorithm") != "ed25519":
            raise node.error(f"unsupported webhook signature algorithm {value.get('algorithm')!r} (known: ed25519)")
        missing = [k for k in ("signature-header", "timestamp-header", "message") if not value.get(k)]
        if missing:
            raise node.error(f"x-webhook-signature needs {', '.join(missing)}")
        message = str(value["message"])
        placeholders = re.findall(r"{([^{}]*)}", message)
        if placeholders.count("body") != 1 or set(placeholders) - {"body", "timestamp"}:
            raise node.error("message must contain {body} once and no placeholder but {timestamp}")
        prefix, _, suffix = message.partition("{body}")
        name = safe_identifier(str(value.get("public-key-name", "public_key")))
        if name in {c.py_name for s in self.security for c in s.credentials}:
            raise node.error(f"public-key-name {name!r} is already a credential's name")
        key = ir.Credential(name, f"{self.env_prefix}_{name.upper()}", "The public key webhooks are verified with.")
        return ir.WebhookSignature(
            algorithm="ed25519",
            signature_header=str(value["signature-header"]).lower(),
            timestamp_header=str(value["timestamp-header"]).lower(),
            message_prefix=prefix,
            message_suffix=suffix,
            tolerance=int(value.get("tolerance", 300)),
            public_key=key,
        )

    # -- webhooks ---------------------------------------------------------------------------

    def _webhooks(self, doc: Document) -> Iterable[ir.WebhookEvent]:
        hooks = doc.data.get("webhooks")
        if not isinstance(hooks, dict):
            return
        root = Node(doc, "", doc.data)
        for key in hooks:
            item = self.ws.resolve(root.child("webhooks", key))
            op_value = next((item.value[m] for m in ("post", "put") if m in item.value), None)
            if not isinstance(op_value, dict):
                continue
            method = "post" if "post" in item.value else "put"
            op = item.child(method)
            model = None
            body_ref = op.get("requestBody")
            if body_ref is not None:
                body = self.ws.resolve(body_ref)
                content = body.get("content")
                if content is not None and content.value:
                    schema_node = content.child(_pick_media(list(content.value))).get("schema")
                    if schema_node is not None:
                        schema = self.registry.copy(schema_node, doc.version)
                        model = self.registry.ref_name(schema)
                        if model is None:
                            model = self.registry.register_inline(schema, pascal(key) + "Webhook")
            ext = {**item.value, **op_value}
            yield ir.WebhookEvent(
                key=str(key),
                model=model,
                event=_opt_str(ext.get("x-event")),
                envelope=_opt_str(ext.get("x-envelope")),
                event_type=_opt_str(ext.get("x-event-type")),
                event_type_pointer=_opt_str(ext.get("x-event-type-pointer")),
                description=_clean(op_value.get("summary") or op_value.get("description") or ""),
            )


# -- helpers ------------------------------------------------------------------------------


def _body_name(prop: str, names: NameSet) -> str:
    """A body field's argument name; ``body_<name>`` when a parameter already has the name."""
    name = snake(prop)
    return f"body_{name}" if name in names else name


def _server(servers: list[dict[str, Any]] | None) -> _Server:
    """The first of a `servers` list (variables at their defaults), as origin and path prefix."""
    server = (servers or [{"url": "/"}])[0]
    url = str(server.get("url", "/"))
    for name, var in (server.get("variables") or {}).items():
        url = url.replace("{" + name + "}", str(var.get("default", "")))
    parts = urlsplit(url)
    origin = f"{parts.scheme}://{parts.netloc}" if parts.scheme else ""
    return _Server(origin, parts.path.rstrip("/"))


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _operation_id(entry: dict[str, Any]) -> str:
    op_id = entry["op"].value.get("operationId")
    if op_id:
        return str(op_id)
    path = re.sub(r"{[^{}]*}", "", entry["path"])
    return f"{entry['method']} {path}"


def _resource_from_path(path: str) -> str:
    for segment in path.split("/"):
        if segment and not segment.startswith("{"):
            return snake(segment)
    return "root"


def _scheme_transport(value: Any) -> tuple[Any, Any, str]:
    kind = value.get("type")
    if kind == "http":
        scheme = str(value.get("scheme", "")).lower()
        return ("basic" if scheme == "basic" else "bearer"), "header", "Authorization"
    if kind in {"oauth2", "openIdConnect"}:
        return "bearer", "header", "Authorization"
    if kind == "apiKey" and value.get("in") in {"header", "query", "cookie"}:
        return "api_key", value["in"], str(value.get("name", ""))
    return None, None, ""


def _credential_doc(kind: str, index: int, description: str) -> str:
    if kind == "basic":
        what = "user name" if index == 0 else "password"
        return f"The HTTP Basic {what}. {description}".strip()
    return description or ("The bearer token." if kind == "bearer" else "The API key.")


def _version(versions: list[Any]) -> str:
    from packaging.version import InvalidVersion, Version

    for raw in versions:
        try:
            return str(Version(str(raw)))
        except InvalidVersion:
            continue
    return "0.0.0"


def _pick_media(types: list[str]) -> str:
    def rank(media: str) -> int:
        base = media.split(";")[0].strip().lower()
        if base == "application/json" or base.endswith("+json"):
            return 0
        if base == "application/x-www-form-urlencoded":
            return 1
        if base == "multipart/form-data":
            return 2
        return 3

    return sorted(types, key=rank)[0]


def _encoding(media: str) -> ir.BodyEncoding:
    base = media.split(";")[0].strip().lower()
    if base == "application/json" or base.endswith("+json") or base == "*/*":
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base == "multipart/form-data":
        return "multipart"
    if base.startswith("text/"):
        return "text"
    return "binary"


def _status_order(code: Any) -> tuple[int, str]:
    text = str(code)
    return (999, text) if not text[:1].isdigit() else (int(text[0]) * 100, text)


def _description(registry: ModelRegistry, schema: Any) -> str:
    if isinstance(schema, dict) and schema.get("description"):
        return str(schema["description"])
    target = registry.target(schema)
    return str(target.get("description", "")) if isinstance(target, dict) else ""


def _clean(text: Any) -> str:
    return textwrap.dedent(str(text or "")).strip()


def _path_expr(path: str, parameters: tuple[ir.Parameter, ...]) -> str:
    by_wire = {p.name: p.py_name for p in parameters if p.location == "path"}
    escaped = path.replace("\\", "\\\\").replace('"', '\\"')
    if not by_wire:
        return '"' + escaped + '"'
    literal = re.sub(r"([{}])", r"\1\1", escaped)
    for wire, py in by_wire.items():
        literal = literal.replace("{{" + wire + "}}", "{path_param(" + py + ")}")
    return 'f"' + literal + '"'


def _webhook_steps(op: Node) -> tuple[ir.WebhookStep, ...] | None:
    steps = op.value.get("x-webhooks")
    if steps is None:
        return None
    if not isinstance(steps, list):
        raise op.child("x-webhooks").error("x-webhooks must be a list of steps")
    out = []
    for index, step in enumerate(steps):
        if not isinstance(step, dict) or not ("event" in step or "one_of" in step):
            raise op.child("x-webhooks", index).error("a step needs 'event' or 'one_of'")
        events = (str(step["event"]),) if "event" in step else tuple(map(str, step["one_of"]))
        out.append(
            ir.WebhookStep(
                events=events,
                repeat=bool(step.get("repeat")),
                optional=bool(step.get("optional")),
                when=_opt_str(step.get("when")),
                leg=str(step.get("leg", "self")),
            )
        )
    return tuple(out)


def describe_step(step: ir.WebhookStep) -> str:
    text = step.events[0] if len(step.events) == 1 else "one of " + ", ".join(step.events)
    notes = []
    if step.repeat:
        notes.append("zero or more times")
    if step.optional:
        notes.append("optional")
    if step.when:
        notes.append(f"when {step.when}")
    if step.leg != "self":
        notes.append(f"on the {step.leg} leg")
    return text + (f" ({', '.join(notes)})" if notes else "")


def _docstring(
    op: dict[str, Any],
    parameters: tuple[ir.Parameter, ...],
    body: ir.RequestBody | None,
    webhooks: tuple[ir.WebhookStep, ...] | None,
) -> str:
    summary = _clean(op.get("summary", ""))
    description = _clean(op.get("description", ""))
    parts = [summary] if summary else []
    if description and description != summary:
        parts.append(reflow(description, DOC_WIDTH))
    if not parts:
        parts.append(f"{op.get('operationId', 'Send the request')}.")
    lines = ["Args:"]
    for arg in (*parameters, *(body.fields if body else ())):
        text = arg.description or "See the API reference."
        lines.append(reflow(text, DOC_WIDTH, f"    {arg.py_name}: ", " " * 8))
    lines.append(reflow(TIMEOUT_DOC, DOC_WIDTH, "    timeout: ", " " * 8))
    parts.append("\n".join(lines))
    if webhooks is not None:
        if webhooks:
            steps = [f"    {i}. {describe_step(s)}" for i, s in enumerate(webhooks, 1)]
            parts.append("Webhooks sent, in order:\n" + "\n".join(steps))
        else:
            parts.append("Webhooks sent: none.")
    if op.get("deprecated"):
        parts.append("Deprecated.")
    return "\n\n".join(parts)


def _annotations(op: ir.Operation) -> list[str]:
    out = [p.annotation for p in op.parameters]
    out += [p.annotation for p in op.body.fields] if op.body else []
    out.append(op.response.annotation)
    out += [op.pagination.item_annotation] if op.pagination else []
    return out


def _qualify_builtins(op: ir.Operation, shadowed: set[str]) -> ir.Operation:
    """Spell builtins a method name shadows as ``builtins.x`` in the class body."""
    pattern = re.compile(r'"(?:[^"\\]|\\.)*"|(?<![\w.])(' + "|".join(sorted(shadowed)) + r")\b")

    def fix(annotation: str) -> str:
        return pattern.sub(lambda m: "builtins." + m.group(1) if m.group(1) else m.group(0), annotation)

    def fix_param(p: ir.Parameter) -> ir.Parameter:
        return ir.Parameter(**{**p.__dict__, "annotation": fix(p.annotation)})

    body = op.body
    if body is not None:
        body = ir.RequestBody(**{**body.__dict__, "fields": tuple(map(fix_param, body.fields))})
    response = ir.Response(**{**op.response.__dict__, "annotation": fix(op.response.annotation)})
    pagination = op.pagination
    if pagination is not None:
        pagination = ir.Pagination(**{**pagination.__dict__, "item_annotation": fix(pagination.item_annotation)})
    return ir.Operation(
        **{**op.__dict__, "parameters": tuple(map(fix_param, op.parameters)), "body": body,
           "response": response, "pagination": pagination}
    )  # fmt: skip
