"""Hypothesis strategies for the API's webhooks: property-test a webhook handler in-process.

Needs the package's ``testing`` extra (hypothesis). Every webhook the API description lists,
in every envelope, is drawn from its JSON Schema (``webhook_schemas.json`` next to this module,
written by the generator with every ``$ref`` inlined); bodies come signed as the API signs them
(a :class:`Signer` with its own key pair: give ``signer.public_key`` to the client) or unsigned::

    from hypothesis import given
    from PACKAGE.testing import Signer, webhooks

    signer = Signer()
    client = Client(public_key=signer.public_key)

    @given(webhooks(signer=signer))
    def test_the_handler_accepts_every_event(hook):
        status, _ = my_handler(hook.body, hook.headers)
        assert 200 <= status < 300

:func:`forged`, :func:`resigned` and :func:`with_event_type` derive the cases a handler must
refuse or tolerate: another key's signature, a stale or future timestamp, an unknown event type.
"""

from __future__ import annotations

import base64
import json
import os
import string
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import cache
from importlib import import_module, resources
from typing import Any, cast

from hypothesis import strategies as st

from ._types import WebhookEvent, WebhookSignature

__all__ = [
    "Signer",
    "Webhook",
    "event_bodies",
    "events",
    "forged",
    "from_schema",
    "resigned",
    "webhooks",
    "with_event_type",
]

_PACKAGE = __name__.rpartition(".")[0]
_Clock = Callable[[], float]


@dataclass(frozen=True)
class _Api:
    events: tuple[WebhookEvent, ...]
    signature: WebhookSignature | None
    schemas: dict[str, Any]  # model name -> plain JSON Schema of the body


@cache
def _api() -> _Api:
    module = import_module(".webhook_events", _PACKAGE)
    text = resources.files(_PACKAGE).joinpath("webhook_schemas.json").read_text(encoding="utf-8")
    return _Api(
        tuple(module.WEBHOOK_EVENTS), getattr(module, "WEBHOOK_SIGNATURE", None), json.loads(text)
    )


def events() -> tuple[WebhookEvent, ...]:
    """Every webhook with a body schema, once per (event, envelope)."""
    api = _api()
    seen: dict[tuple[str | None, str | None, str | None], WebhookEvent] = {}
    for entry in api.events:
        if entry.model in api.schemas:
            seen.setdefault((entry.event or entry.key, entry.envelope, entry.model), entry)
    return tuple(seen.values())


def _pick(
    event: str | Iterable[str] | None, envelope: str | Iterable[str] | None
) -> list[WebhookEvent]:
    names = {event} if isinstance(event, str) else None if event is None else set(event)
    envelopes = (
        {envelope} if isinstance(envelope, str) else None if envelope is None else set(envelope)
    )
    chosen = [
        e
        for e in events()
        if (names is None or (e.event or e.key) in names)
        and (envelopes is None or e.envelope in envelopes)
    ]
    if not chosen:
        raise ValueError(f"no webhook of event {event!r} in envelope {envelope!r}")
    return chosen


# -- JSON Schema -> strategy ----------------------------------------------------------------

_TYPES = ("object", "array", "string", "integer", "number", "boolean", "null")
_EARLIEST, _LATEST = datetime(1970, 1, 1), datetime(2999, 12, 31)
_FORMATS: dict[str, st.SearchStrategy[str]] = {
    "uuid": st.uuids().map(str),
    "date-time": st.datetimes(min_value=_EARLIEST, max_value=_LATEST).map(
        lambda d: d.strftime("%Y-%m-%dT%H:%M:%S.%fZ")  # four-digit years: RFC 3339
    ),
    "date": st.dates(min_value=_EARLIEST.date(), max_value=_LATEST.date()).map(
        lambda d: d.isoformat()
    ),
    "uri": st.from_regex(r"\Ahttps://[a-z]{1,12}\.example\.com/[a-z0-9]{0,12}\Z"),
    "email": st.from_regex(r"\A[a-z]{1,10}@example\.com\Z"),
}


def _merge_all_of(schema: dict[str, Any]) -> dict[str, Any]:
    """allOf of object schemas folded into one (properties and required joined)."""
    parts = [_merge_all_of(p) if isinstance(p, dict) else p for p in schema.get("allOf", [])]
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in parts:
        for key, value in part.items():
            if key == "properties":
                merged.setdefault("properties", {}).update(value)
            elif key == "required":
                merged["required"] = sorted(set(merged.get("required", [])) | set(value))
            else:
                merged.setdefault(key, value)
    return merged


def from_schema(schema: Any, *, extra_fields: bool = False) -> st.SearchStrategy[Any]:
    """A strategy for instances of a plain (``$ref``-free) JSON Schema.

    ``extra_fields`` adds unknown properties to objects that allow them: the API may add
    fields without notice, and a handler must not mind.
    """
    if schema is True or schema == {}:
        return st.none() | st.booleans() | st.integers() | st.text(max_size=8)
    if schema is False or not isinstance(schema, dict):
        raise ValueError(f"cannot draw from the schema {schema!r}")
    if "allOf" in schema:
        return from_schema(_merge_all_of(schema), extra_fields=extra_fields)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("oneOf", "anyOf"):
        if key in schema:
            base = {k: v for k, v in schema.items() if k != key}
            options = [_merge_all_of({"allOf": [base, option]}) for option in schema[key]]
            return st.one_of([from_schema(o, extra_fields=extra_fields) for o in options])
    kind = schema.get("type")
    if isinstance(kind, list):
        return st.one_of(
            [from_schema({**schema, "type": t}, extra_fields=extra_fields) for t in kind]
        )
    if kind is None:
        kind = "object" if "properties" in schema else "string" if "pattern" in schema else None
    if kind is None:
        return from_schema(True)
    if kind not in _TYPES:
        raise ValueError(f"unknown type {kind!r}")
    if kind == "object":
        return _object(schema, extra_fields)
    if kind == "array":
        items = schema.get("items", True)
        low = schema.get("minItems", 0)
        high = min(schema.get("maxItems", low + 3), low + 3)
        item = from_schema(items, extra_fields=extra_fields)
        return st.lists(item, min_size=low, max_size=high)
    if kind == "string":
        return _string(schema)
    if kind in ("integer", "number"):
        return _number(schema, kind == "integer")
    return st.booleans() if kind == "boolean" else st.none()


def _object(schema: dict[str, Any], extra_fields: bool) -> st.SearchStrategy[Any]:
    props: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    fixed = {
        name: from_schema(sub, extra_fields=extra_fields)
        for name, sub in props.items()
        if name in required
    }
    optional = {
        name: from_schema(sub, extra_fields=extra_fields)
        for name, sub in props.items()
        if name not in required
    }
    base = st.fixed_dictionaries(fixed, optional=optional)
    if extra_fields and schema.get("additionalProperties", True) is not False:
        extra = st.dictionaries(
            st.text(string.ascii_lowercase, min_size=3, max_size=10).map(lambda k: f"x_new_{k}"),
            st.none() | st.integers() | st.text(max_size=10) | st.lists(st.integers(), max_size=2),
            min_size=1,
            max_size=2,
        )
        return st.tuples(base, extra).map(lambda pair: {**pair[1], **pair[0]})
    return base


def _string(schema: dict[str, Any]) -> st.SearchStrategy[Any]:
    low = schema.get("minLength", 0)
    high = schema.get("maxLength")
    fmt = schema.get("format")
    if "pattern" in schema:
        strategy: st.SearchStrategy[str] = st.from_regex(schema["pattern"], fullmatch=True)
    elif fmt in _FORMATS:
        strategy = _FORMATS[fmt]
    else:
        alphabet = st.characters(codec="utf-8", exclude_categories=cast(Any, ("Cs",)))
        top = min(high if high is not None else low + 24, low + 24)
        strategy = st.text(alphabet, min_size=low, max_size=top)
    return strategy.filter(lambda s: len(s) >= low and (high is None or len(s) <= high))


def _number(schema: dict[str, Any], integer: bool) -> st.SearchStrategy[Any]:
    low = schema.get("minimum")
    high = schema.get("maximum")
    if "exclusiveMinimum" in schema:
        low = schema["exclusiveMinimum"] + (1 if integer else 1e-9)
    if "exclusiveMaximum" in schema:
        high = schema["exclusiveMaximum"] - (1 if integer else 1e-9)
    if integer:
        return st.integers(min_value=low, max_value=high)
    return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)


@cache
def _bodies(model: str, extra_fields: bool) -> st.SearchStrategy[Any]:
    return from_schema(_api().schemas[model], extra_fields=extra_fields)


def event_bodies(
    event: str | Iterable[str] | None = None,
    envelope: str | Iterable[str] | None = None,
    *,
    extra_fields: bool = False,
) -> st.SearchStrategy[dict[str, Any]]:
    """Parsed JSON bodies of the webhooks of ``event`` (a name, several, or all) in ``envelope``
    (one, several, or all)."""
    return st.one_of([_bodies(str(e.model), extra_fields) for e in _pick(event, envelope)])


# -- signed bodies and headers ----------------------------------------------------------------


def _scheme() -> WebhookSignature:
    scheme = _api().signature
    if scheme is None:
        raise ValueError("the API description declares no webhook signature scheme")
    return scheme


class Signer:
    """Signs webhooks as the API does, with its own Ed25519 key (``seed``: 32 bytes, else new).

    ``public_key`` (Base64) is what the client verifies with (``public_key=``).
    """

    def __init__(self, seed: bytes | None = None) -> None:
        from nacl.signing import SigningKey

        self._key = SigningKey(seed if seed is not None else os.urandom(32))
        self.public_key = base64.b64encode(bytes(self._key.verify_key)).decode("ascii")

    def headers(self, body: bytes, timestamp: float) -> dict[str, str]:
        """The signature and timestamp headers of ``body`` signed at ``timestamp`` (Unix s)."""
        scheme = _scheme()
        stamp = str(int(timestamp))
        signed = self._key.sign(scheme.message(stamp, body)).signature
        return {
            "content-type": "application/json",
            scheme.signature_header: base64.b64encode(signed).decode("ascii"),
            scheme.timestamp_header: stamp,
        }


@dataclass(frozen=True)
class Webhook:
    """One drawn webhook: the request a handler receives, and what it renders."""

    event: str | None  # the event's name (the same in every envelope)
    envelope: str | None
    event_type: str | None  # as the wire says it
    event_type_pointer: str | None
    data: dict[str, Any] = field(repr=False)  # the body, parsed
    body: bytes = field(repr=False)  # the body as sent
    headers: dict[str, str] = field(default_factory=dict)


def _encode(data: Any) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode()


def webhooks(
    *,
    signer: Signer | None = None,
    timestamp: float | _Clock | None = None,
    event: str | Iterable[str] | None = None,
    envelope: str | Iterable[str] | None = None,
    extra_fields: bool = False,
) -> st.SearchStrategy[Webhook]:
    """Webhooks as a handler receives them: body bytes plus headers.

    Args:
        signer: Signs each body (its key's ``public_key`` verifies it); ``None``: unsigned.
        timestamp: When they are signed: Unix seconds, or a clock read at each draw (the
            handler's own injected clock); default ``time.time``.
        event: Only this event (or these); default every event.
        envelope: Only this envelope (or these); default every envelope.
        extra_fields: Add unknown fields where the schemas allow them.
    """
    fixed = timestamp

    def clock() -> float:
        if fixed is None:
            return time.time()
        return fixed() if callable(fixed) else float(fixed)

    def build(entry: WebhookEvent, data: Any) -> Webhook:
        body = _encode(data)
        headers = signer.headers(body, clock()) if signer else {"content-type": "application/json"}
        return Webhook(
            entry.event,
            entry.envelope,
            entry.event_type,
            entry.event_type_pointer,
            data,
            body,
            headers,
        )

    def drawn(entry: WebhookEvent) -> st.SearchStrategy[Webhook]:
        return _bodies(str(entry.model), extra_fields).map(lambda data: build(entry, data))

    return st.one_of([drawn(e) for e in _pick(event, envelope)])


def resigned(hook: Webhook, signer: Signer, timestamp: float) -> Webhook:
    """The same body signed by ``signer`` at ``timestamp`` (stale, future, or another key)."""
    return replace(hook, headers=signer.headers(hook.body, timestamp))


def forged(hook: Webhook) -> Webhook:
    """The same body and timestamp with a signature by a key nobody trusts."""
    stamp = hook.headers.get(_scheme().timestamp_header)
    return resigned(hook, Signer(), float(stamp) if stamp else time.time())


def with_event_type(hook: Webhook, event_type: str, signer: Signer | None = None) -> Webhook:
    """The body with another event type at its event-type pointer (an event type the handler
    does not know), signed again by ``signer`` at the same timestamp when given."""
    if not hook.event_type_pointer:
        raise ValueError("this webhook has no event-type pointer")
    tokens = [
        t.replace("~1", "/").replace("~0", "~") for t in hook.event_type_pointer.split("/")[1:]
    ]
    data = json.loads(hook.body)
    holder = data
    for token in tokens[:-1]:
        holder = holder[token]
    holder[tokens[-1]] = event_type
    changed = replace(hook, event=None, event_type=event_type, data=data, body=_encode(data))
    if signer is None:
        return replace(changed, headers={"content-type": "application/json"})
    stamp = hook.headers.get(_scheme().timestamp_header)
    return resigned(changed, signer, float(stamp) if stamp else time.time())
