"""Operations -> resources and methods: names, arguments, bodies, responses, paging, imports."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from specmodel import extensions, split_pointer

from .. import ir
from ..load import Document, Node
from ..naming import NameSet, pascal, safe_identifier, snake, strip_resource_words, words
from ..schemas import REF_PREFIX, ModelRegistry, model_names_in, widen_literals
from . import docstrings
from .common import Context, clean, media_encoding, pick_media
from .security import Security
from .webhooks import steps as webhook_steps

# Names a method's body or signature uses besides its arguments.
RESERVED_ARGUMENTS = frozenset({"self", "cast", "path_param", "NOT_GIVEN", "NotGiven", "builtins", "httpx", "timeout"})
# Attributes of a resource class that are not operations.
RESERVED_METHODS = frozenset({"with_raw_response", "with_streaming_response", "with_options"})
BUILTIN_TYPES = ("list", "dict", "str", "int", "float", "bool", "bytes", "object", "type")
IGNORED_HEADERS = frozenset({"accept", "content-type", "authorization"})
# Sequential media types (OpenAPI 3.2 ``itemSchema``) -> how the runtime splits them into items.
SEQUENTIAL_MEDIA = {
    "text/event-stream": "sse",
    "application/jsonl": "jsonl",
    "application/x-ndjson": "jsonl",
    "application/json-seq": "json-seq",
}


class Operations:
    """Builds the resources: one method per operation."""

    def __init__(self, ctx: Context, security: Security) -> None:
        self.ctx = ctx
        self.security = security

    def resource(self, name: str, description: str, entries: list[dict[str, Any]]) -> ir.Resource:
        res_words = words(name)
        wanted: list[str] = []
        for entry in entries:
            override = extensions.method_name(entry["op"])
            if override:
                wanted.append(safe_identifier(override))
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
            self._operation(entry, name, method_name) for entry, method_name in zip(entries, method_names, strict=True)
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
        streams: set[str] = set()
        for op in operations:
            if op.pagination:
                pages |= {"AsyncPaginator", "PageInfo", "SyncPage"}
            for annotation in _annotations(op):
                models |= model_names_in(annotation, self.ctx.registry.schemas.keys())
                bare = re.sub(r'"(?:[^"\\]|\\.)*"', "", annotation)
                typing |= {n for n in ("Any", "Literal") if re.search(rf"\b{n}\b", bare)}
            if op.path_parameters:
                base.add("path_param")
            if op.response.cast_expr.startswith("cast("):
                typing.add("cast")
            if op.response.stream:
                streams |= {"AsyncStream", "Stream"}
            if op.webhooks is not None:
                typing.add("Final")
                types |= {"WebhookStep", "sends_webhooks"}
        lines = ["from __future__ import annotations"]
        lines += ["import builtins"] if uses_builtins else []
        lines.append("from functools import cached_property")
        lines += ["import httpx"]
        lines += [f"from typing import {', '.join(sorted(typing))}"] if typing else []
        lines += ["from typing_extensions import deprecated"] if any(op.deprecated for op in operations) else []
        lines.append(f"from .._base_client import {', '.join(sorted(base, key=str.lower))}")
        lines += [f"from .._pagination import {', '.join(sorted(pages))}"] if pages else []
        lines += [f"from .._streaming import {', '.join(sorted(streams))}"] if streams else []
        lines.append("from .._response import async_raw_response_wrapper, raw_response_wrapper")
        lines += [f"from .._types import {', '.join(sorted(types))}"] if types else []
        lines += [f"from ..models import {', '.join(sorted(models))}"] if models else []
        return tuple(lines)

    def _operation(self, entry: dict[str, Any], resource_name: str, method_name: str) -> ir.Operation:
        doc: Document = entry["doc"]
        op: Node = entry["op"]
        value = op.value
        op_id = _operation_id(entry)
        hint = pascal(op_id)
        arg_names = NameSet(RESERVED_ARGUMENTS)
        arg_docs: dict[str, str] = {}  # argument -> its description, for the docstring
        parameters = self._parameters(doc, entry["item"], op, entry["path"], hint, arg_names, arg_docs)
        body = self._body(doc, op, hint, arg_names, arg_docs)
        response = self._responses(doc, op, hint)
        path = entry["base"] + entry["path"]
        webhooks = webhook_steps(op)
        pagination = self._pagination(op, parameters, response, hint)
        idempotency_field = extensions.idempotency_field(op)
        # GET, PUT, DELETE, ... are idempotent by HTTP rules: the client knows that itself.
        idempotent = extensions.idempotent(op) or idempotency_field is not None
        arguments = [(p.py_name, arg_docs[p.py_name]) for p in (*parameters, *(body.fields if body else ()))]
        deprecated = bool(value.get("deprecated"))
        return ir.Operation(
            method_name=method_name,
            http_method=entry["method"].upper(),
            path_expr=_path_expr(path, parameters),
            docstring=docstrings.docstring(value, arguments, webhooks),
            deprecated=docstrings.deprecation(resource_name, method_name) if deprecated else None,
            parameters=parameters,
            body=body,
            response=response,
            security=self.security.requirements(doc, op),
            idempotent=idempotent,
            idempotency_field=idempotency_field,
            pagination=pagination,
            webhooks=webhooks,
            webhooks_const=f"{method_name.upper().strip('_')}_WEBHOOKS" if webhooks is not None else None,
            origin=(op.doc.name, op.pointer),
        )  # fmt: skip

    def _parameters(
        self, doc: Document, item: Node, op: Node, path: str, hint: str, names: NameSet, docs: dict[str, str]
    ) -> tuple[ir.Parameter, ...]:
        found: dict[tuple[str, str], Node] = {}
        for holder in (item, op):
            params = holder.get("parameters")
            for index in range(len(params.value) if params else 0):
                assert params is not None
                node = self.ctx.ws.resolve(params.child(index))
                if not isinstance(node.value, dict) or "name" not in node.value:
                    raise params.child(index).error("a parameter needs 'name' and 'in'")
                found[(str(node.value["name"]), str(node.value.get("in")))] = node
        order = {name: i for i, name in enumerate(re.findall(r"{([^{}]+)}", path))}
        by_location = {"path": 0, "query": 1, "querystring": 1, "header": 2, "cookie": 3}
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
            if location == "querystring":  # OpenAPI 3.2: the whole query string, one argument
                schema_node = _content_schema(node)
            if schema_node is not None:
                schema = self.ctx.registry.copy(schema_node, doc.version, hint + pascal(value["name"]))
                annotation = self.ctx.registry.annotation(schema, hint + pascal(value["name"]))
            else:
                annotation = "str"
            style = value.get("style", "simple" if location in {"path", "header"} else "form")
            if location == "querystring":  # a mapping, or the query string as written
                location, style = "query", "querystring"
                annotation = annotation if annotation in {"str", "Any"} else f"{annotation} | str"
            py_name = names.claim(snake(str(value["name"])))
            docs[py_name] = clean(value.get("description", ""))
            out.append(
                ir.Parameter(
                    name=str(value["name"]),
                    py_name=py_name,
                    location=location,
                    annotation=annotation,
                    required=bool(value.get("required")) or location == "path",
                    style=str(style),
                    explode=bool(value.get("explode", style == "form" or style == "deepObject")),
                )
            )
        return tuple(out)

    def _body(self, doc: Document, op: Node, hint: str, names: NameSet, docs: dict[str, str]) -> ir.RequestBody | None:
        body_ref = op.get("requestBody")
        if body_ref is None:
            return None
        body = self.ctx.ws.resolve(body_ref)
        content = body.get("content")
        if content is None or not isinstance(content.value, dict) or not content.value:
            return None
        media = pick_media(list(content.value))
        encoding = media_encoding(media)
        required = bool(body.value.get("required"))
        media_node = content.child(media)
        schema_node = media_node.get("schema") if isinstance(media_node.value, dict) else None
        schema: Any = self.ctx.registry.copy(schema_node, doc.version, hint + "Body") if schema_node else {}
        model = self.ctx.registry.ref_name(schema)
        if model is None and self.ctx.registry.is_model(schema):
            model = self.ctx.registry.register_inline(schema, hint + "Body")
            schema = {"$ref": "#/components/schemas/" + model}
        fields = self.ctx.registry.object_fields(schema) if encoding in {"json", "form", "multipart"} else None
        target = self.ctx.registry.target(schema)
        if fields is not None and not (isinstance(target, dict) and "oneOf" in target):
            props, required_names = fields
            out = []
            for prop, prop_schema in props.items():
                if isinstance(prop_schema, dict) and self.ctx.registry.target(prop_schema).get("readOnly"):
                    continue
                annotation = self.ctx.registry.annotation(prop_schema, (model or hint) + pascal(prop))
                py_name = names.claim(_body_name(prop, names))
                docs[py_name] = clean(_description(self.ctx.registry, prop_schema))
                out.append(
                    ir.Parameter(
                        name=prop,
                        py_name=py_name,
                        location="body",
                        annotation=annotation,
                        required=required and prop in required_names,
                    )
                )
            return _request_body(media, encoding, tuple(out), flattened=True)
        if encoding == "binary":
            annotation = "bytes"
        elif encoding == "text":
            annotation = "str"
        else:
            annotation = self.ctx.registry.annotation(schema, hint + "Body")
        param = ir.Parameter(
            name="body",
            py_name=names.claim("body"),
            location="body",
            annotation=annotation,
            required=required,
        )
        docs[param.py_name] = clean(body.value.get("description", "")) or "The request body."
        return _request_body(media, encoding, (param,), flattened=False)

    def _responses(self, doc: Document, op: Node, hint: str) -> ir.Response:
        """The success response; the error responses' models are registered too (``models`` has them)."""
        responses = op.get("responses")
        codes = sorted(responses.value, key=_status_order) if responses else []
        success_code = next((c for c in codes if str(c).startswith("2")), None)
        if success_code is None and "default" in codes:
            success_code = "default"
        out: dict[str, ir.Response] = {}
        for code in codes:
            assert responses is not None
            node = self.ctx.ws.resolve(responses.child(code))
            suffix = "Response" if code == success_code else f"Error{code}"
            out[str(code)] = self._response(doc, node, hint + suffix)
        return out[str(success_code)] if success_code is not None else ir.Response("None")

    def _response(self, doc: Document, node: Node, hint: str) -> ir.Response:
        content = node.get("content")
        if content is None or not isinstance(content.value, dict) or not content.value:
            return ir.Response("None")
        for media, kind in SEQUENTIAL_MEDIA.items():  # OpenAPI 3.2: read item by item
            item = content.child(media).get("itemSchema") if media in content.value else None
            if item is not None:
                schema = self.ctx.registry.copy(item, doc.version, hint + "Item")
                annotation = widen_literals(self.ctx.registry.annotation(schema, hint + "Item"))
                return ir.Response("object" if annotation == "Any" else annotation, stream=kind)
        media = pick_media(list(content.value))
        encoding = media_encoding(media)
        if encoding == "text":
            return ir.Response("str")
        if encoding != "json":
            return ir.Response("bytes")
        schema_node = content.child(media).get("schema")
        if schema_node is None:
            return ir.Response("object")
        schema = self.ctx.registry.copy(schema_node, doc.version, hint)
        annotation = widen_literals(self.ctx.registry.annotation(schema, hint))
        return ir.Response("object" if annotation == "Any" else annotation)

    def _pagination(
        self, op: Node, parameters: tuple[ir.Parameter, ...], response: ir.Response, hint: str
    ) -> ir.Pagination | None:
        spec = extensions.pagination(op)
        if spec is None:
            return None
        page = spec.page_parameter
        if page not in {p.name for p in parameters if p.location == "query"}:
            raise op.error(f"x-pagination: page-parameter {page!r} is not a query parameter")
        items = spec.items
        item_schema = self._schema_at(response.annotation, items)
        if item_schema is None or not isinstance(self.ctx.registry.target(item_schema), dict):
            raise op.error(f"x-pagination: items {items!r} is not an array in the response")
        item_schema = self.ctx.registry.target(item_schema).get("items", {})
        return ir.Pagination(
            page_query=page,
            items=items,
            page_number=spec.page_number or "",
            total_pages=spec.total_pages or "",
            item_annotation=self.ctx.registry.annotation(item_schema, hint + "Item"),
        )

    def _schema_at(self, model: str, pointer: str) -> Any:
        """The schema of the value at a JSON pointer into a body of the model ``model``."""
        schema: Any = {"$ref": REF_PREFIX + model} if model in self.ctx.registry.schemas else None
        for token in split_pointer(pointer):
            fields = self.ctx.registry.object_fields(schema) if schema is not None else None
            if fields is None or token not in fields[0]:
                return None
            schema = fields[0][token]
        return schema


# -- helpers ------------------------------------------------------------------------------


def _content_schema(param: Node) -> Node | None:
    """The schema of a parameter given by ``content`` (its one media type), if any."""
    content = param.get("content")
    if content is None or not isinstance(content.value, dict) or not content.value:
        return None
    media = content.child(next(iter(content.value)))
    return media.get("schema") if isinstance(media.value, dict) else None


def _body_name(prop: str, names: NameSet) -> str:
    """A body field's argument name; ``body_<name>`` when a parameter already has the name."""
    name = snake(prop)
    return f"body_{name}" if name in names else name


def _request_body(
    media: str, encoding: ir.BodyEncoding, fields: tuple[ir.Parameter, ...], flattened: bool
) -> ir.RequestBody:
    """What the transport is told: JSON is its default; multipart sets its own Content-Type (with the boundary)."""
    content_type = None if media == "application/json" or encoding == "multipart" else media
    return ir.RequestBody(None if encoding == "json" else encoding, content_type, fields, flattened)


def _operation_id(entry: dict[str, Any]) -> str:
    op_id = entry["op"].value.get("operationId")
    if op_id:
        return str(op_id)
    path = re.sub(r"{[^{}]*}", "", entry["path"])
    return f"{entry['method']} {path}"


def _status_order(code: Any) -> tuple[int, str]:
    text = str(code)
    return (999, text) if not text[:1].isdigit() else (int(text[0]) * 100, text)


def _description(registry: ModelRegistry, schema: Any) -> str:
    if isinstance(schema, dict) and schema.get("description"):
        return str(schema["description"])
    target = registry.target(schema)
    return str(target.get("description", "")) if isinstance(target, dict) else ""


def _path_expr(path: str, parameters: tuple[ir.Parameter, ...]) -> str:
    by_wire = {p.name: p.py_name for p in parameters if p.location == "path"}
    escaped = path.replace("\\", "\\\\").replace('"', '\\"')
    if not by_wire:
        return '"' + escaped + '"'
    literal = re.sub(r"([{}])", r"\1\1", escaped)
    for wire, py in by_wire.items():
        literal = literal.replace("{{" + wire + "}}", "{path_param(" + py + ")}")
    return 'f"' + literal + '"'


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
        return replace(p, annotation=fix(p.annotation))

    body = op.body
    if body is not None:
        body = replace(body, fields=tuple(map(fix_param, body.fields)))
    pagination = op.pagination
    if pagination is not None:
        pagination = replace(pagination, item_annotation=fix(pagination.item_annotation))
    return replace(
        op,
        parameters=tuple(map(fix_param, op.parameters)),
        body=body,
        response=replace(op.response, annotation=fix(op.response.annotation)),
        pagination=pagination,
    )
