"""The ``x-`` extensions of spec/README.md, each parsed here, once, into a typed value.

Every parser takes the :class:`~specmodel.documents.Node` that holds the extension (an
operation, a webhook operation, a security scheme or the document root) and returns ``None``
when the extension is absent. A malformed value raises :class:`~specmodel.errors.SpecError`
naming the file and the JSON pointer of the offending value. Nothing here knows an event
name, a header or a call state: those are the specs' own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .documents import Node
from .errors import split_pointer

LEGS = ("self", "other", "new")


def _ext(holder: Node, name: str) -> Node | None:
    return holder.get(name)


def _text(node: Node, what: str) -> str:
    if not isinstance(node.value, str) or not node.value:
        raise node.error(f"{what} must be a non-empty string")
    return node.value


def _texts(node: Node, what: str) -> tuple[str, ...]:
    if not isinstance(node.value, list) or not all(isinstance(v, str) and v for v in node.value):
        raise node.error(f"{what} must be a list of non-empty strings")
    return tuple(node.value)


def _flag(node: Node, what: str) -> bool:
    if not isinstance(node.value, bool):
        raise node.error(f"{what} must be true or false")
    return node.value


def _pointer(node: Node, what: str) -> str:
    text = _text(node, what)
    if not text.startswith("/"):
        raise node.error(f"{what} must be a JSON pointer starting with '/'")
    return text


# -- x-webhooks ------------------------------------------------------------------------------


@dataclass(frozen=True)
class WebhookStep:
    """One step of an operation's ``x-webhooks``: which webhook(s), how often, on which leg."""

    events: tuple[str, ...]  # one event, or the alternatives of `one_of`
    one_of: bool = False
    repeat: bool = False
    optional: bool = False
    when: str | None = None
    leg: str = "self"

    def describe(self) -> str:
        """A short human description: ``call.hangup (optional when recording)``."""
        text = self.events[0] if not self.one_of else "one of " + "/".join(self.events)
        notes = [f"leg={self.leg}"] if self.leg != "self" else []
        if self.repeat:
            notes.append("repeat")
        if self.optional:
            notes.append(f"optional when {self.when}" if self.when else "optional")
        elif self.when:
            notes.append(f"when {self.when}")
        return text + (f" ({', '.join(notes)})" if notes else "")


_STEP_KEYS = frozenset({"event", "one_of", "repeat", "optional", "when", "leg"})


def webhook_steps(op: Node) -> tuple[WebhookStep, ...] | None:
    """``x-webhooks``: the webhooks the operation makes the platform send, in order."""
    node = _ext(op, "x-webhooks")
    if node is None:
        return None
    if not isinstance(node.value, list):
        raise node.error("x-webhooks must be a list of steps")
    steps = []
    for index in range(len(node.value)):
        step = node.child(index)
        raw = step.value
        if not isinstance(raw, dict):
            raise step.error("an x-webhooks step must be a mapping")
        unknown = sorted(set(raw) - _STEP_KEYS)
        if unknown:
            raise step.error(f"unknown x-webhooks step key(s): {', '.join(unknown)}")
        if ("event" in raw) == ("one_of" in raw):
            raise step.error("a step needs exactly one of 'event' or 'one_of'")
        if "event" in raw:
            events: tuple[str, ...] = (_text(step.child("event"), "event"),)
        else:
            events = _texts(step.child("one_of"), "one_of")
            if len(events) < 2:
                raise step.child("one_of").error("one_of needs at least two events")
        leg = _text(step.child("leg"), "leg") if "leg" in raw else "self"
        if leg not in LEGS:
            raise step.child("leg").error(f"leg must be one of {', '.join(LEGS)}, not {leg!r}")
        steps.append(
            WebhookStep(
                events=events,
                one_of="one_of" in raw,
                repeat=_flag(step.child("repeat"), "repeat") if "repeat" in raw else False,
                optional=_flag(step.child("optional"), "optional") if "optional" in raw else False,
                when=_text(step.child("when"), "when") if "when" in raw else None,
                leg=leg,
            )
        )
    return tuple(steps)


# -- operations: x-call-states, x-idempotency-field, x-idempotent, x-pagination --------------


def call_states(op: Node) -> tuple[str, ...] | None:
    """``x-call-states``: the call states in which the command is accepted."""
    node = _ext(op, "x-call-states")
    return None if node is None else _texts(node, "x-call-states")


def idempotency_field(op: Node) -> str | None:
    """``x-idempotency-field``: the body field that makes the operation idempotent."""
    node = _ext(op, "x-idempotency-field")
    return None if node is None else _text(node, "x-idempotency-field")


def idempotent(op: Node) -> bool:
    """``x-idempotent``: safe to repeat although its method is not idempotent by HTTP rules."""
    node = _ext(op, "x-idempotent")
    return False if node is None else _flag(node, "x-idempotent")


def method_name(op: Node) -> str | None:
    """``x-method-name``: the client method's name, overriding the one derived from operationId."""
    node = _ext(op, "x-method-name")
    return None if node is None else _text(node, "x-method-name")


@dataclass(frozen=True)
class Pagination:
    """``x-pagination``: the operation returns one page of a page-numbered list."""

    page_parameter: str
    size_parameter: str | None
    items: str
    page_number: str | None
    total_pages: str | None


def pagination(op: Node) -> Pagination | None:
    node = _ext(op, "x-pagination")
    if node is None:
        return None
    if not isinstance(node.value, dict):
        raise node.error("x-pagination must be a mapping")
    if "page-parameter" not in node.value:
        raise node.error("x-pagination needs page-parameter")

    def opt(key: str, pointer: bool = False) -> str | None:
        if key not in node.value:
            return None
        child = node.child(key)
        return _pointer(child, key) if pointer else _text(child, key)

    return Pagination(
        page_parameter=_text(node.child("page-parameter"), "page-parameter"),
        size_parameter=opt("size-parameter"),
        items=opt("items", pointer=True) or "/data",
        page_number=opt("page-number", pointer=True),
        total_pages=opt("total-pages", pointer=True),
    )


# -- security schemes: x-credential-names ----------------------------------------------------


def credential_names(scheme: Node) -> tuple[str, ...] | None:
    """``x-credential-names``: the client's constructor arguments for this scheme's credentials."""
    node = _ext(scheme, "x-credential-names")
    return None if node is None else _texts(node, "x-credential-names")


# -- tags: parent (OpenAPI 3.2) or x-parent -------------------------------------------------


def tag_parent(tag: Node) -> str | None:
    """The name of a tag's parent tag: OpenAPI 3.2's ``parent`` field, or ``x-parent`` in 3.0/3.1.

    The generator nests the child tag's resource under its parent's (``client.calls.actions``).
    """
    node = tag.get("parent") or _ext(tag, "x-parent")
    return None if node is None else _text(node, "the parent of a tag")


# -- the document: x-webhook-fields ----------------------------------------------------------


def webhook_fields(root: Node) -> dict[str, tuple[str, ...]] | None:
    """``x-webhook-fields``: accessor name -> JSON pointers, relative to the object that holds a
    webhook's event type (the parent of its ``x-event-type-pointer``); the first one present in a
    body gives the value."""
    node = _ext(root, "x-webhook-fields")
    if node is None:
        return None
    if not isinstance(node.value, dict) or not node.value:
        raise node.error("x-webhook-fields must be a non-empty mapping of names to JSON pointers")
    fields: dict[str, tuple[str, ...]] = {}
    for name, raw in node.value.items():
        child = node.child(name)
        if not isinstance(name, str) or not name.isidentifier() or name.startswith("_"):
            raise child.error(f"x-webhook-fields: {name!r} is not a Python identifier")
        pointers = [child.child(i) for i in range(len(raw))] if isinstance(raw, list) else [child]
        if not pointers:
            raise child.error("x-webhook-fields: a field needs at least one JSON pointer")
        fields[name] = tuple(_pointer(p, f"x-webhook-fields/{name}") for p in pointers)
    return fields


# -- the document: x-webhook-signature -------------------------------------------------------

SIGNATURE_ALGORITHMS = ("ed25519",)


@dataclass(frozen=True)
class WebhookSignature:
    """``x-webhook-signature``: how the platform signs the webhooks of the ``webhooks`` section."""

    algorithm: str
    signature_header: str  # lower case
    timestamp_header: str  # lower case
    message: str  # template with {timestamp} and {body}
    tolerance: int  # seconds
    public_key_name: str

    @property
    def message_prefix(self) -> str:
        """The template before ``{body}``; may contain ``{timestamp}``."""
        return self.message.partition("{body}")[0]

    @property
    def message_suffix(self) -> str:
        """The template after ``{body}``; may contain ``{timestamp}``."""
        return self.message.partition("{body}")[2]

    def message_for(self, timestamp: str, body: bytes) -> bytes:
        """The exact bytes that are signed for a body sent at ``timestamp``."""
        prefix = self.message_prefix.replace("{timestamp}", timestamp).encode()
        suffix = self.message_suffix.replace("{timestamp}", timestamp).encode()
        return prefix + body + suffix


def webhook_signature(root: Node) -> WebhookSignature | None:
    node = _ext(root, "x-webhook-signature")
    if node is None:
        return None
    value = node.value
    if not isinstance(value, dict):
        raise node.error("x-webhook-signature must be a mapping")
    algorithm = value.get("algorithm")
    if algorithm not in SIGNATURE_ALGORITHMS:
        known = ", ".join(SIGNATURE_ALGORITHMS)
        raise node.error(f"unsupported webhook signature algorithm {algorithm!r} (known: {known})")
    missing = [k for k in ("signature-header", "timestamp-header", "message") if not value.get(k)]
    if missing:
        raise node.error(f"x-webhook-signature needs {', '.join(missing)}")
    message = _text(node.child("message"), "message")
    placeholders = re.findall(r"{([^{}]*)}", message)
    if placeholders.count("body") != 1 or set(placeholders) - {"body", "timestamp"}:
        raise node.child("message").error("message must contain {body} once and no placeholder but {timestamp}")
    tolerance: Any = value.get("tolerance", 300)
    if isinstance(tolerance, bool) or not isinstance(tolerance, int) or tolerance < 0:
        raise node.child("tolerance").error("tolerance must be a number of seconds (an integer >= 0)")
    return WebhookSignature(
        algorithm=str(algorithm),
        signature_header=_text(node.child("signature-header"), "signature-header").lower(),
        timestamp_header=_text(node.child("timestamp-header"), "timestamp-header").lower(),
        message=message,
        tolerance=tolerance,
        public_key_name=_text(node.child("public-key-name"), "public-key-name")
        if "public-key-name" in value
        else "public_key",
    )


# -- webhook entries: x-event, x-envelope, x-event-type, x-event-type-pointer ----------------


@dataclass(frozen=True)
class EventExtensions:
    """The extensions of one entry of the ``webhooks`` section (each may be absent)."""

    event: str | None
    envelope: str | None
    event_type: str | None
    event_type_pointer: str | None

    @property
    def pointer_tokens(self) -> tuple[str, ...]:
        return split_pointer(self.event_type_pointer or "")


def event_extensions(item: Node, op: Node) -> EventExtensions:
    """The entry's extensions; the operation's value wins over the path item's."""

    def find(name: str) -> Node | None:
        return _ext(op, name) or _ext(item, name)

    def text(name: str) -> str | None:
        node = find(name)
        if node is None:
            return None
        if isinstance(node.value, int) and not isinstance(node.value, bool):
            return str(node.value)  # x-envelope: 2
        return _text(node, name)

    pointer = find("x-event-type-pointer")
    return EventExtensions(
        event=text("x-event"),
        envelope=text("x-envelope"),
        event_type=text("x-event-type"),
        event_type_pointer=None if pointer is None else _pointer(pointer, "x-event-type-pointer"),
    )
