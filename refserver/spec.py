"""Read the specs once, at startup, and index what the server needs from them.

The four documents of spec/ (V1, V2, the simulator and the shared components) are
loaded with PyYAML and put in one `referencing` registry, so that any schema in them can
be validated by its location, `$ref`s across files included. From them this module
builds, once:

* the operations (method, full path, parameters, body validator, documented statuses,
  security scheme, and the `x-` extensions the server reads);
* the webhook entries, keyed by (event name, envelope), with the wire name of the event,
  where it sits in the body and the payload fields the schema allows.

Nothing here is consulted per request except through the prepared objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlparse

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_DIR = Path(__file__).resolve().parent.parent / "spec"
V1_FILE = "call-control-v1.yaml"
V2_FILE = "call-control-applications-v2.yaml"
SIM_FILE = "simulator.yaml"
COMMON_FILE = "common.yaml"
API_FILES = (V1_FILE, V2_FILE, SIM_FILE)
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def escape(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def _unescape(token: str) -> str:
    return token.replace("~1", "/").replace("~0", "~")


@dataclass(frozen=True)
class Param:
    name: str
    location: str  # query | path | header
    required: bool
    schema: dict[str, Any]  # resolved (for type coercion and defaults)
    validator: Draft202012Validator


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str  # full path, prefix included, Starlette syntax
    api: str  # file name of the document it comes from
    params: tuple[Param, ...]
    body_validator: Draft202012Validator | None
    body_schema: dict[str, Any] | None  # resolved top level of the body schema
    statuses: frozenset[str]
    security: str | None  # "basic", "bearer" or None
    webhooks: tuple[dict[str, Any], ...] | None  # x-webhooks steps
    call_states: tuple[str, ...] | None  # x-call-states
    idempotency_field: str | None
    command: str | None = None  # last path segment of a V1 command path
    body_ref: tuple[str, str] | None = None  # (file, pointer) of the body schema

    def status_for_param_error(self, location: str) -> int:
        if location == "query" and "400" in self.statuses:
            return 400
        if "422" in self.statuses:
            return 422
        return 400


@dataclass(frozen=True)
class WebhookEntry:
    event: str  # envelope-independent name, e.g. call.answered
    envelope: str  # "1" or "2"
    event_type: str  # wire name
    container: tuple[str, ...]  # path of the event object inside the body ( () = root )
    time_field: str  # created_at / occurred_at
    has_meta: bool  # the body has a top-level `meta`
    payload_fields: frozenset[str]
    validator: Draft202012Validator


@dataclass
class SpecIndex:
    spec_dir: Path
    docs: dict[str, Any] = field(default_factory=dict)
    registry: Registry = field(default_factory=Registry)
    operations: list[Operation] = field(default_factory=list)
    by_id: dict[str, Operation] = field(default_factory=dict)
    webhooks: dict[tuple[str, str], WebhookEntry] = field(default_factory=dict)

    # ---- loading -----------------------------------------------------------------
    @classmethod
    def load(cls, spec_dir: Path = SPEC_DIR) -> SpecIndex:
        index = cls(spec_dir=spec_dir.resolve())
        resources = []
        for name in (*API_FILES, COMMON_FILE):
            doc = yaml.safe_load((index.spec_dir / name).read_text(encoding="utf-8"))
            index.docs[name] = doc
            resources.append((index.uri(name), Resource.from_contents(doc, default_specification=DRAFT202012)))
        index.registry = Registry().with_resources(resources)
        for name in API_FILES:
            index._index_operations(name)
        index._index_webhooks(V1_FILE)
        return index

    def uri(self, name: str) -> str:
        return (self.spec_dir / name).as_uri()

    def node(self, name: str, pointer: str) -> Any:
        node = self.docs[name]
        for token in filter(None, pointer.split("/")):
            token = _unescape(token)
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def follow(self, name: str, pointer: str) -> tuple[Any, str, str]:
        """Follow `$ref`s from a location; returns (node, file, pointer) of the target.

        Sibling keys of a `$ref` are merged over the target (OpenAPI 3.1 / 2020-12), which
        is enough for reading `type`, `default`, `properties`.
        """
        node = self.node(name, pointer)
        siblings: dict[str, Any] = {}
        seen = set()
        while isinstance(node, dict) and "$ref" in node:
            ref = node["$ref"]
            file_part, _, fragment = ref.partition("#")
            target = file_part or name
            key = (target, fragment)
            if key in seen:
                raise ValueError(f"$ref loop at {ref}")
            seen.add(key)
            siblings = {**{k: v for k, v in node.items() if k != "$ref"}, **siblings}
            name, pointer = target, fragment
            node = self.node(name, pointer)
        if siblings and isinstance(node, dict):
            node = {**node, **siblings}
        return node, name, pointer

    def resolved(self, name: str, pointer: str) -> dict[str, Any]:
        return self.follow(name, pointer)[0]

    def validator(self, name: str, pointer: str) -> Draft202012Validator:
        ref = f"{self.uri(name)}#{quote(pointer, safe='/~')}"
        return Draft202012Validator(
            {"$ref": ref},
            registry=self.registry,
            format_checker=Draft202012Validator.FORMAT_CHECKER,
        )

    def property_schema(self, name: str, pointer: str, prop: str) -> tuple[dict, str, str]:
        """The resolved schema of property `prop` of the (resolved) object schema at pointer."""
        _, fname, fpointer = self.follow(name, pointer)
        return self.follow(fname, f"{fpointer}/properties/{escape(prop)}")

    # ---- operations --------------------------------------------------------------
    def _index_operations(self, name: str) -> None:
        doc = self.docs[name]
        prefix = urlparse((doc.get("servers") or [{"url": ""}])[0]["url"]).path.rstrip("/")
        schemes = doc.get("components", {}).get("securitySchemes", {})
        for raw_path, item in (doc.get("paths") or {}).items():
            path_ptr = f"/paths/{escape(raw_path)}"
            item, iname, iptr = self.follow(name, path_ptr)
            common = self._params(iname, iptr, item)
            for method in HTTP_METHODS:
                if method not in item:
                    continue
                op_ptr = f"{iptr}/{method}"
                op = item[method]
                params = {(p.name, p.location): p for p in common}
                params.update({(p.name, p.location): p for p in self._params(iname, op_ptr, op)})
                body_validator = body_schema = body_ref = None
                if "requestBody" in op:
                    _, bname, bptr = self.follow(iname, f"{op_ptr}/requestBody")
                    sptr = f"{bptr}/content/application~1json/schema"
                    body_validator = self.validator(bname, sptr)
                    body_schema = self.resolved(bname, sptr)
                    body_ref = (bname, sptr)
                security = op.get("security", doc.get("security")) or []
                scheme = None
                for requirement in security:
                    for scheme_name in requirement:
                        scheme = schemes[scheme_name]["scheme"].lower()
                steps = op.get("x-webhooks")
                states = op.get("x-call-states")
                full_path = prefix + raw_path
                operation = Operation(
                    operation_id=op["operationId"],
                    method=method.upper(),
                    path=full_path,
                    api=name,
                    params=tuple(params.values()),
                    body_validator=body_validator,
                    body_schema=body_schema,
                    statuses=frozenset(str(s) for s in op.get("responses", {})),
                    security=scheme,
                    webhooks=tuple(steps) if steps is not None else None,
                    call_states=tuple(states) if states is not None else None,
                    idempotency_field=op.get("x-idempotency-field"),
                    command=raw_path.rsplit("/", 1)[-1] if "/actions/" in raw_path else None,
                    body_ref=body_ref,
                )
                self.operations.append(operation)
                self.by_id[operation.operation_id] = operation

    def _params(self, name: str, pointer: str, item: dict) -> list[Param]:
        out = []
        for i, _ in enumerate(item.get("parameters") or []):
            param, pname, pptr = self.follow(name, f"{pointer}/parameters/{i}")
            out.append(
                Param(
                    name=param["name"],
                    location=param["in"],
                    required=bool(param.get("required")),
                    schema=self.resolved(pname, f"{pptr}/schema"),
                    validator=self.validator(pname, f"{pptr}/schema"),
                )
            )
        return out

    # ---- webhooks ----------------------------------------------------------------
    def _index_webhooks(self, name: str) -> None:
        for hook_name, item in (self.docs[name].get("webhooks") or {}).items():
            post = item["post"]
            hptr = f"/webhooks/{escape(hook_name)}/post"
            _, bname, bptr = self.follow(name, f"{hptr}/requestBody")
            sptr = f"{bptr}/content/application~1json/schema"
            pointer = post["x-event-type-pointer"]
            tokens = [_unescape(t) for t in pointer.split("/")[1:]]
            container = tuple(tokens[:-1])
            root, rname, rptr = self.follow(bname, sptr)
            cname, cptr, cnode = rname, rptr, root
            for token in container:
                cnode, cname, cptr = self.property_schema(cname, cptr, token)
            envelope_keys = {"record_type", "id", tokens[-1], "payload"}
            time_fields = [f for f in cnode.get("required", []) if f not in envelope_keys]
            payload, _, _ = self.property_schema(cname, cptr, "payload")
            entry = WebhookEntry(
                event=post["x-event"],
                envelope=str(post["x-envelope"]),
                event_type=post["x-event-type"],
                container=container,
                time_field=time_fields[0] if time_fields else "occurred_at",
                has_meta="meta" in root.get("properties", {}),
                payload_fields=frozenset(payload.get("properties", {})),
                validator=self.validator(bname, sptr),
            )
            self.webhooks[(entry.event, entry.envelope)] = entry

    def webhook(self, event: str, envelope: str) -> WebhookEntry:
        return self.webhooks[(event, envelope)]

    def events(self) -> set[str]:
        return {event for event, _ in self.webhooks}


def schema_defaults(index: SpecIndex, name: str, pointer: str) -> dict[str, Any]:
    """Defaults of an object schema's properties, nested objects included."""
    node, fname, fptr = index.follow(name, pointer)
    out: dict[str, Any] = {}
    for prop in node.get("properties", {}):
        pnode, pname, pptr = index.property_schema(fname, fptr, prop)
        if "default" in pnode:
            out[prop] = pnode["default"]
        elif pnode.get("type") == "object" and "properties" in pnode:
            out[prop] = schema_defaults(index, pname, pptr)
    return out
