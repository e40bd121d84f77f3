"""Webhooks: parse them into typed events, and verify their signatures.

What varies per API, the table of its webhooks and how it signs them, is in the package's
``webhook_events`` module; the client hands it to :class:`Webhooks` (or to
:class:`WebhookParser` when the API does not sign its webhooks).

A body is recognised by the value at each known event-type pointer: one dictionary lookup
gives its model, validated once. An event type the API description does not know becomes an
:class:`UnknownWebhookEvent`, which keeps the body.

Signatures: Ed25519 over the message a :class:`WebhookSignature` describes, the timestamp
being one header (Unix seconds) and the signature another (Base64), verified with the
account's public key (Base64). PyNaCl is imported on the first verification only.
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import Any, Generic, TypeVar, cast

import pydantic
import pydantic_core

from ._models import validator
from ._types import WebhookEvent, WebhookSignature

__all__ = [
    "UnknownWebhookEvent",
    "WebhookError",
    "WebhookParser",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "Webhooks",
]

_Event = TypeVar("_Event")
_EventTable = tuple[tuple[tuple[str, ...], dict[str, str]], ...]
ModelLoader = Callable[[str], type[pydantic.BaseModel]]


class WebhookError(ValueError):
    """A webhook could not be verified or parsed."""


class WebhookVerificationError(WebhookError):
    """A webhook's signature is missing, stale or wrong: do not trust its body."""


class WebhookPayloadError(WebhookError):
    """A webhook body is not JSON, or does not match the model of its event type."""


@dataclass(frozen=True)
class UnknownWebhookEvent:
    """A webhook of an event type the API description does not know (yet)."""

    event_type: str | None
    """The value found at an event-type pointer, if any."""
    data: dict[str, Any] = field(repr=False)
    """The whole body."""


def _event_table(events: Iterable[WebhookEvent]) -> _EventTable:
    """(pointer tokens, {event type: model name}) for each event-type pointer."""
    table: dict[tuple[str, ...], dict[str, str]] = {}
    for event in events:
        if event.model and event.event_type_pointer and event.event_type is not None:
            tokens = tuple(
                t.replace("~1", "/").replace("~0", "~")
                for t in event.event_type_pointer.split("/")[1:]
            )
            table.setdefault(tokens, {})[event.event_type] = event.model
    return tuple(table.items())


def _problems(exc: pydantic.ValidationError) -> str:
    """Each problem as ``field/path: message``."""
    return "; ".join(
        f"{'/'.join(map(str, e['loc'])) or 'body'}: {e['msg']}"
        for e in exc.errors(include_input=False)
    )


@cache
def _package_model(name: str) -> type[pydantic.BaseModel]:
    """A model of the package's ``models`` module, by name (imported on first use)."""
    model: type[pydantic.BaseModel] = getattr(import_module(".models", __package__), name)
    return model


class WebhookParser(Generic[_Event]):
    """Parse the webhooks the API sends into the models of their events.

    Args:
        events: The API's webhooks (the package's ``webhook_events.WEBHOOK_EVENTS``).
        models: Finds a model by its name; by default, in the package's ``models``.
        strict: Check every documented constraint, not only types (see ``_models``).
    """

    def __init__(
        self,
        events: Iterable[WebhookEvent],
        *,
        models: ModelLoader | None = None,
        strict: bool = False,
    ) -> None:
        events = tuple(events)
        self._events = _event_table(events)
        self._by_name = {e.key: e.model for e in events}
        self._models = models or _package_model
        self.strict = strict

    def _recognise(self, data: dict[str, Any]) -> tuple[str | None, str | None]:
        """(event type, model name) of a parsed body, one lookup per event-type pointer.

        The first pointer whose text names a known event wins; otherwise the first text found
        is the event type, with no model.
        """
        found: str | None = None
        for tokens, models in self._events:
            value: object = data
            for token in tokens:
                value = value.get(token) if isinstance(value, dict) else None
            if isinstance(value, str):
                if value in models:
                    return value, models[value]
                found = found or value
        return found, None

    def _parse(self, payload: str | bytes) -> _Event:
        try:
            data = pydantic_core.from_json(payload)  # a third of the time of json.loads
        except ValueError as exc:
            raise WebhookPayloadError("the webhook body is not valid JSON") from exc
        if not isinstance(data, dict):
            raise WebhookPayloadError("the webhook body is not a JSON object")
        event_type, name = self._recognise(data)
        if name is None:
            return cast(_Event, UnknownWebhookEvent(event_type=event_type, data=data))
        try:
            model = self._models(name)
            return cast(_Event, validator(model, strict=self.strict).validate_python(data))
        except pydantic.ValidationError as exc:
            raise WebhookPayloadError(f"{event_type} webhook: {_problems(exc)}") from exc

    def parse(self, name: str, payload: str | bytes) -> Any:
        """Parse the body of the webhook or callback ``name`` (its key in the API description)
        into its model, without checking any signature; a body without a model stays JSON.

        Raises:
            WebhookError: The API description has no webhook or callback of that name.
            WebhookPayloadError: The body is not JSON, or does not match the model.
        """
        if name not in self._by_name:
            known = ", ".join(sorted(self._by_name)) or "none"
            raise WebhookError(f"no webhook or callback named {name!r} (known: {known})")
        try:
            data = pydantic_core.from_json(payload)
        except ValueError as exc:
            raise WebhookPayloadError(f"{name}: the body is not valid JSON") from exc
        model = self._by_name[name]
        if model is None:
            return data
        try:
            return validator(self._models(model), strict=self.strict).validate_python(data)
        except pydantic.ValidationError as exc:
            raise WebhookPayloadError(f"{name} webhook: {_problems(exc)}") from exc

    def unsafe_unwrap(self, payload: str | bytes) -> _Event:
        """Parse a webhook body into the model of its event, without checking any signature."""
        return self._parse(payload)


@cache
def _signature_check(key: str) -> Callable[[bytes, bytes], bool]:
    """Whether a signature matches a message, for one public key (PyNaCl imported once)."""
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    try:
        raw = base64.b64decode(key, validate=True)
    except binascii.Error as exc:
        raise WebhookVerificationError("the public key is not Base64") from exc
    if len(raw) != 32:
        raise WebhookVerificationError(f"the public key is {len(raw)} bytes, not 32")
    verify_key = VerifyKey(raw)

    def matches(message: bytes, signature: bytes) -> bool:
        try:
            verify_key.verify(message, signature)
        except BadSignatureError:
            return False
        return True

    return matches


def _header(headers: Mapping[str, str], name: str) -> str | None:
    value = headers.get(name)
    if value is None:
        value = next((v for k, v in headers.items() if k.lower() == name), None)
    return value


class Webhooks(WebhookParser[_Event]):
    """Verify and parse the webhooks the API sends (``client.webhooks``).

    Args:
        events: The API's webhooks (the package's ``webhook_events.WEBHOOK_EVENTS``).
        signature: How the API signs them (``webhook_events.WEBHOOK_SIGNATURE``).
        public_key: The account's public key (Base64).
        tolerance: Seconds a timestamp may be off, instead of the signature scheme's.
        clock: The current Unix time, which timestamps are checked against.
        models: Finds a model by its name; by default, in the package's ``models``.
        strict: Check every documented constraint, not only types (see ``_models``).
    """

    def __init__(
        self,
        events: Iterable[WebhookEvent],
        signature: WebhookSignature,
        *,
        public_key: str | None,
        tolerance: float | None = None,
        clock: Callable[[], float] = time.time,
        models: ModelLoader | None = None,
        strict: bool = False,
    ) -> None:
        super().__init__(events, models=models, strict=strict)
        self.signature = signature
        self.public_key = public_key
        self.tolerance = signature.tolerance if tolerance is None else tolerance
        self.clock = clock

    def unwrap(
        self, payload: str | bytes, headers: Mapping[str, str], *, key: str | None = None
    ) -> _Event:
        """Verify a webhook's signature, then parse its body into the model of its event.

        Args:
            payload: The request body, exactly as received.
            headers: The request headers (names in any case).
            key: The public key (Base64), instead of the client's.

        Raises:
            WebhookVerificationError: The signature is missing, stale or does not match.
            WebhookPayloadError: The body does not match the model of its event type.
        """
        body = payload.encode() if isinstance(payload, str) else payload
        self.verify(body, headers, key=key)
        return self._parse(body)

    def verify(
        self, payload: str | bytes, headers: Mapping[str, str], *, key: str | None = None
    ) -> None:
        """Check a webhook's signature and timestamp.

        Raises:
            WebhookVerificationError: The signature is missing, stale or does not match.
        """
        sig = self.signature
        key = key or self.public_key
        if not key:
            raise WebhookVerificationError(
                f"no public key to verify webhooks with: pass {sig.public_key_name}= "
                f"or set ${sig.public_key_env}"
            )
        signature = _header(headers, sig.signature_header)
        if not signature:
            raise WebhookVerificationError(f"missing header {sig.signature_header}")
        timestamp = _header(headers, sig.timestamp_header)
        if not timestamp:
            raise WebhookVerificationError(f"missing header {sig.timestamp_header}")
        try:
            skew = self.clock() - int(timestamp)
        except ValueError as exc:
            raise WebhookVerificationError(
                f"header {sig.timestamp_header} is not a Unix time"
            ) from exc
        if skew > self.tolerance:
            raise WebhookVerificationError(
                f"timestamp too old: signed {skew:.0f} s ago, "
                f"more than the {self.tolerance:g} s tolerance"
            )
        if skew < -self.tolerance:
            raise WebhookVerificationError(
                f"timestamp in the future: {-skew:.0f} s ahead, "
                f"more than the {self.tolerance:g} s tolerance"
            )
        try:
            raw_signature = base64.b64decode(signature, validate=True)
        except binascii.Error as exc:
            raise WebhookVerificationError(f"header {sig.signature_header} is not Base64") from exc
        if len(raw_signature) != 64:
            raise WebhookVerificationError(
                f"header {sig.signature_header} is not a 64-byte signature"
            )
        body = payload.encode() if isinstance(payload, str) else payload
        if not _signature_check(key)(sig.message(timestamp, body), raw_signature):
            raise WebhookVerificationError(
                "the signature does not match: the body or timestamp was altered, "
                "or signed with another key"
            )
