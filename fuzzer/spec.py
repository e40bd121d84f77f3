"""Read the specs' `x-` extensions the fuzzer needs (spec/README.md is the contract).

- per operation: `x-webhooks` steps, `x-call-states`, `x-idempotency-field`;
- per webhook entry: `x-event`, `x-envelope`, `x-event-type`, `x-event-type-pointer` and a
  jsonschema validator for its request body (refs resolved across the spec files through a
  `referencing` registry).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

SPEC_DIR = Path(__file__).resolve().parent.parent / "spec"
V1_SPEC = SPEC_DIR / "call-control-v1.yaml"
V2_SPEC = SPEC_DIR / "call-control-applications-v2.yaml"
COMMON_SPEC = SPEC_DIR / "common.yaml"
HTTP_METHODS = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True)
class Step:
    """One step of an operation's `x-webhooks` list."""

    events: tuple[str, ...]  # one event, or the alternatives of `one_of`
    repeat: bool = False
    optional: bool = False
    when: str | None = None
    leg: str = "self"

    @classmethod
    def parse(cls, raw: dict[str, Any]) -> Step:
        if "event" in raw:
            events: tuple[str, ...] = (raw["event"],)
        else:
            events = tuple(raw["one_of"])
        return cls(
            events=events,
            repeat=bool(raw.get("repeat", False)),
            optional=bool(raw.get("optional", False)),
            when=raw.get("when"),
            leg=raw.get("leg", "self"),
        )

    def describe(self) -> str:
        text = self.events[0] if len(self.events) == 1 else "one of " + "/".join(self.events)
        extra = [f"leg={self.leg}"] if self.leg != "self" else []
        if self.repeat:
            extra.append("repeat")
        if self.optional:
            extra.append(f"optional when {self.when}" if self.when else "optional")
        return text + (f" ({', '.join(extra)})" if extra else "")


@dataclass(frozen=True)
class Operation:
    operation_id: str
    method: str
    path: str
    webhooks: tuple[Step, ...] | None
    call_states: tuple[str, ...] | None
    idempotency_field: str | None
    request_schema_ref: str | None

    @property
    def label(self) -> str:
        return f"{self.method.upper()} {self.path}"

    @property
    def command(self) -> str | None:
        """`answer` for `/calls/{call_control_id}/actions/answer`, `dial` for `POST /calls`."""
        if self.path == "/calls" and self.method == "post":
            return "dial"
        if "/actions/" in self.path:
            return self.path.rsplit("/", 1)[1]
        return None


@dataclass(frozen=True)
class WebhookEntry:
    name: str
    event: str
    envelope: str
    event_type: str
    pointer: str
    schema_ref: str


@dataclass
class SpecIndex:
    operations: dict[str, Operation] = field(default_factory=dict)  # by label
    by_id: dict[str, Operation] = field(default_factory=dict)
    by_command: dict[str, Operation] = field(default_factory=dict)
    webhooks: dict[tuple[str, str], WebhookEntry] = field(default_factory=dict)  # (event, envelope)
    by_wire_type: dict[tuple[str, str], WebhookEntry] = field(default_factory=dict)  # (envelope, event_type)
    registry: Registry = field(default_factory=Registry)

    def validator(self, entry: WebhookEntry) -> jsonschema.protocols.Validator:
        return _validator(self, entry.schema_ref)

    def entry_for_body(self, body: Any) -> WebhookEntry | None:
        """The webhook entry a body renders, found through the `x-event-type-pointer`s."""
        if not isinstance(body, dict):
            return None
        data = body.get("data")
        if isinstance(data, dict) and isinstance(data.get("event_type"), str):
            return self.by_wire_type.get(("2", data["event_type"]))
        if isinstance(body.get("event_type"), str):
            return self.by_wire_type.get(("1", body["event_type"]))
        return None


def resolve_pointer(doc: Any, pointer: str) -> Any:
    node = doc
    for token in filter(None, pointer.split("/")):
        token = token.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


_VALIDATORS: dict[tuple[int, str], Any] = {}


def _validator(index: SpecIndex, ref: str) -> Any:
    key = (id(index), ref)
    if key not in _VALIDATORS:
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": ref}
        _VALIDATORS[key] = jsonschema.Draft202012Validator(
            schema, registry=index.registry, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
        )
    return _VALIDATORS[key]


def _uri(path: Path) -> str:
    return path.resolve().as_uri()


@cache
def load_index(v1: Path = V1_SPEC, v2: Path = V2_SPEC) -> SpecIndex:
    index = SpecIndex()
    registry = Registry()
    for path in sorted({v1.resolve(), v2.resolve(), *v1.resolve().parent.glob("*.yaml")}):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        registry = registry.with_resource(_uri(path), Resource.from_contents(doc, default_specification=DRAFT202012))
    index.registry = registry.crawl()
    for path in (v1, v2):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for route, item in (doc.get("paths") or {}).items():
            for method in HTTP_METHODS:
                raw = item.get(method)
                if not raw:
                    continue
                steps = raw.get("x-webhooks")
                body_ref = None
                content = ((raw.get("requestBody") or {}).get("content") or {}).get("application/json") or {}
                if "$ref" in (content.get("schema") or {}):
                    body_ref = _uri(path) + content["schema"]["$ref"]
                op = Operation(
                    operation_id=raw["operationId"],
                    method=method,
                    path=route,
                    webhooks=None if steps is None else tuple(Step.parse(s) for s in steps),
                    call_states=tuple(raw["x-call-states"]) if "x-call-states" in raw else None,
                    idempotency_field=raw.get("x-idempotency-field"),
                    request_schema_ref=body_ref,
                )
                index.operations[op.label] = op
                index.by_id[op.operation_id] = op
                if path == v1 and op.command:
                    index.by_command[op.command] = op
        for name, item in (doc.get("webhooks") or {}).items():
            raw = item.get("post") or {}
            if "x-event" not in raw:
                continue
            schema = raw["requestBody"]["content"]["application/json"]["schema"]
            entry = WebhookEntry(
                name=name,
                event=raw["x-event"],
                envelope=str(raw["x-envelope"]),
                event_type=raw["x-event-type"],
                pointer=raw["x-event-type-pointer"],
                schema_ref=_uri(path) + schema["$ref"],
            )
            index.webhooks[(entry.event, entry.envelope)] = entry
            index.by_wire_type[(entry.envelope, entry.event_type)] = entry
    return index
