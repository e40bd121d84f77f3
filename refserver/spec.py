"""What the server prepares from the specs, once, at startup: a thin adapter over `specmodel`.

The documents of the spec directory (`SPEC_DIR`, the repository's `spec/` unless set) are
read by `specmodel`, the project's one reader of specs: it follows the `$ref`s, walks the
JSON pointers and parses every `x-` extension. This module only builds the server's
prepared objects from its typed views:

* the operations: method, full path, parameters (resolved schema for coercion, validator),
  body validator, defaults and fields, documented statuses, security scheme, and the
  extensions the server obeys (`x-webhooks`, `x-call-states`, `x-idempotency-field`);
* the webhook entries, keyed by (event name, envelope): the wire name of the event and the
  pointer it sits at (`x-event-type-pointer`), the time field the schema requires, whether
  the body has a `meta`, and the payload fields the schema allows;
* how webhooks are signed (`x-webhook-signature`).

Nothing here is consulted per request except through the prepared objects.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

import specmodel
from specmodel import Slot, SpecError, WebhookSignature, WebhookStep, slots_for

SPEC_DIR = specmodel.SPEC_DIR

__all__ = ["SPEC_DIR", "Operation", "Param", "SpecError", "SpecIndex", "Unsupported", "WebhookEntry"]


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
    method: str  # upper case
    path: str  # full path, prefix included, Starlette syntax
    params: tuple[Param, ...]
    body_validator: Draft202012Validator | None
    body_defaults: dict[str, Any]  # defaults of the body schema's properties
    body_fields: frozenset[str]  # the body schema's properties
    statuses: frozenset[str]
    security: str | None  # "basic", "bearer" or None
    webhooks: tuple[WebhookStep, ...] | None  # x-webhooks
    call_states: tuple[str, ...] | None  # x-call-states
    idempotency_field: str | None  # x-idempotency-field
    command: str | None = None  # the last path segment of a `.../actions/<command>` path
    # The one envelope the webhooks section of the operation's document describes (the V2 call
    # document: "2"), which its commands always send; None when it describes several (V1: the
    # application's `webhook_api_version` picks one).
    envelope: str | None = None
    data_wrapped: bool = False  # the documented 2xx answer puts the result under `data`

    def status_for_param_error(self, location: str) -> int:
        if location == "query" and "400" in self.statuses:
            return 400
        if "422" in self.statuses:
            return 422
        return 400

    def slots(self, conditions: Mapping[str, bool | None]) -> list[Slot]:
        """The `x-webhooks` steps as slots, once the conditions their `when` names are known."""
        return slots_for(self.webhooks or (), conditions)


@dataclass(frozen=True)
class WebhookEntry:
    event: str  # envelope-independent name, e.g. call.answered
    envelope: str  # "1" or "2"
    event_type: str  # wire name (x-event-type)
    pointer: tuple[str, ...]  # x-event-type-pointer, as reference tokens
    time_field: str  # created_at / occurred_at
    has_meta: bool  # the body has a top-level `meta`
    payload_fields: frozenset[str]
    validator: Draft202012Validator

    @property
    def container(self) -> tuple[str, ...]:
        """Where the event object sits in the body (the pointer's parent; () = the root)."""
        return self.pointer[:-1]


@dataclass
class SpecIndex:
    spec_dir: Path
    model: specmodel.Spec
    operations: list[Operation] = field(default_factory=list)
    by_id: dict[str, Operation] = field(default_factory=dict)
    webhooks: dict[tuple[str, str], WebhookEntry] = field(default_factory=dict)
    signature: WebhookSignature | None = None

    @classmethod
    def load(cls, spec_dir: Path | None = None, files: Sequence[str] | None = None) -> SpecIndex:
        """Read the API documents of the directory (every one that declares operations or
        webhooks, unless `files` names them); a SpecError names file and pointer."""
        spec_dir = (spec_dir or SPEC_DIR).resolve()
        paths = [spec_dir / name for name in files] if files is not None else specmodel.api_documents(spec_dir)
        model = specmodel.load_spec(*paths, validate=False)
        index = cls(spec_dir=spec_dir, model=model)
        envelopes = _document_envelopes(model)
        for op in index.model.operations:
            operation = _operation(index.model, op, envelopes.get(op.document.path))
            index.operations.append(operation)
            index.by_id[operation.operation_id] = operation
        for entry in index.model.webhooks:
            if entry.event is None or entry.envelope is None:
                continue
            prepared = _webhook(index.model, entry)
            index.webhooks[(prepared.event, prepared.envelope)] = prepared
            if index.signature is None:
                index.signature = index.model.signature_for(entry.document)
        return index

    def webhook(self, event: str, envelope: str) -> WebhookEntry:
        return self.webhooks[(event, envelope)]

    def events(self) -> set[str]:
        return {event for event, _ in self.webhooks}


def _resolved(spec: specmodel.Spec, node: specmodel.Node | None) -> dict[str, Any]:
    if node is None:
        return {}
    value = spec.resolve(node).value
    return value if isinstance(value, dict) else {}


def _document_envelopes(spec: specmodel.Spec) -> dict[Path, str]:
    """Per document, the one envelope the entries of its `webhooks` section have (entries it
    shares with another document by `$ref` included), when they all have the same one."""
    entries = {(e.node.doc.path, e.node.pointer): e for e in spec.webhooks}
    found: dict[Path, set[str]] = {}
    for doc in spec.documents:
        hooks = doc.root().get("webhooks")
        for _, raw in hooks.items() if hooks is not None else ():
            item = spec.resolve(raw)
            for (path, pointer), entry in entries.items():
                if path == item.doc.path and pointer.startswith(item.pointer + "/") and entry.envelope:
                    found.setdefault(doc.path, set()).add(entry.envelope)
    return {path: next(iter(envs)) for path, envs in found.items() if len(envs) == 1}


def _data_wrapped(spec: specmodel.Spec, op: specmodel.Operation) -> bool:
    for status, response in op.responses.items():
        media = response.json if status.startswith("2") else None
        if media is not None and media.schema is not None:
            return "data" in spec.properties(media.schema)
    return False


def _operation(spec: specmodel.Spec, op: specmodel.Operation, envelope: str | None = None) -> Operation:
    if op.operation_id is None:
        raise op.node.error("the reference server needs an operationId on every operation")
    params = tuple(
        Param(
            name=p.name,
            location=p.location,
            required=p.required,
            schema=_resolved(spec, p.schema),
            validator=spec.validator(p.schema if p.schema is not None else p.node),
        )
        for p in op.parameters
    )
    media = op.request_body.json if op.request_body else None
    body = media.schema if media else None
    scheme = None
    for alternative in op.security:
        for s in alternative:
            scheme = s.scheme
    return Operation(
        operation_id=op.operation_id,
        method=op.method.upper(),
        path=op.full_path,
        params=params,
        body_validator=spec.validator(body) if body is not None else None,
        body_defaults=spec.defaults(body) if body is not None else {},
        body_fields=frozenset(spec.properties(body)) if body is not None else frozenset(),
        statuses=frozenset(op.responses),
        security=scheme,
        webhooks=op.webhooks,
        call_states=op.call_states,
        idempotency_field=op.idempotency_field,
        command=op.path.rsplit("/", 1)[-1] if "/actions/" in op.path else None,
        envelope=envelope,
        data_wrapped=_data_wrapped(spec, op),
    )


ENVELOPE_KEYS = ("record_type", "id", "payload")  # the event object's fields other than its time


def _webhook(spec: specmodel.Spec, entry: specmodel.WebhookEntry) -> WebhookEntry:
    body = entry.body_schema
    if body is None or entry.event_type is None or entry.event_type_pointer is None:
        raise entry.node.error("a webhook entry needs a JSON body, x-event-type and x-event-type-pointer")
    tokens = entry.pointer_tokens
    container: specmodel.Node | None = spec.resolve(body)
    for token in tokens[:-1]:
        container = spec.property(container, token) if container is not None else None
    if container is None:
        raise entry.node.error(f"the body schema has no object at {entry.event_type_pointer}")
    skip = {*ENVELOPE_KEYS, tokens[-1]}
    time_fields = [f for f in _ordered_required(spec, container) if f not in skip]
    payload = spec.property(container, "payload")
    return WebhookEntry(
        event=str(entry.event),
        envelope=str(entry.envelope),
        event_type=entry.event_type,
        pointer=tokens,
        time_field=time_fields[0] if time_fields else "occurred_at",
        has_meta="meta" in spec.properties(body),
        payload_fields=frozenset(spec.properties(payload)) if payload is not None else frozenset(),
        validator=spec.validator(body),
    )


def _ordered_required(spec: specmodel.Spec, schema: specmodel.Node) -> Sequence[str]:
    """The required properties, in the schema's order (`required` list first)."""
    listed = spec.resolve(schema).value.get("required", [])
    return [*listed, *sorted(spec.required(schema) - set(listed))]


class Unsupported(Exception):
    """The spec asks for something this server does not implement (a command without a
    handler, an unknown `when` condition, an event the engine reports but the spec lacks)."""
