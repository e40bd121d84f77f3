"""Webhooks: verify their signature, and parse them into typed events.

A body is recognised by the value at each known event-type pointer
(:data:`~telnyx_call_control.webhook_events.WEBHOOK_EVENTS`): one dictionary lookup gives
its model, validated once. An event type the API description does not know becomes an
:class:`UnknownWebhookEvent`, which keeps the body.

Signatures: Ed25519 over ``{timestamp}|{body}``, the
timestamp being the ``telnyx-timestamp`` header (Unix seconds) and the signature the
``telnyx-signature-ed25519`` header (Base64), verified with the account's public key (Base64).
PyNaCl is imported on the first verification only.
"""

from __future__ import annotations

import base64
import binascii
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from importlib import import_module
from typing import TYPE_CHECKING, Any, TypeAlias, cast

import pydantic
import pydantic_core

from .webhook_events import WEBHOOK_EVENTS

if TYPE_CHECKING:
    from .models import (
        CallAnsweredEventV1,
        CallAnsweredEventV2,
        CallBridgedEventV1,
        CallBridgedEventV2,
        CallDtmfReceivedEventV1,
        CallDtmfReceivedEventV2,
        CallGatherEndedEventV1,
        CallGatherEndedEventV2,
        CallHangupEventV1,
        CallHangupEventV2,
        CallInitiatedEventV1,
        CallInitiatedEventV2,
        CallPlaybackEndedEventV1,
        CallPlaybackEndedEventV2,
        CallPlaybackStartedEventV1,
        CallPlaybackStartedEventV2,
        CallRecordingSavedEventV1,
        CallRecordingSavedEventV2,
        CallSpeakEndedEventV1,
        CallSpeakEndedEventV2,
        CallSpeakStartedEventV1,
        CallSpeakStartedEventV2,
    )

__all__ = [
    "UnknownWebhookEvent",
    "UnwrapWebhookEvent",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookVerificationError",
    "Webhooks",
]

SIGNATURE_HEADER = "telnyx-signature-ed25519"
TIMESTAMP_HEADER = "telnyx-timestamp"
DEFAULT_TOLERANCE = 300
"""Seconds a timestamp may be off, in the past or the future."""
_MESSAGE_PREFIX = "{timestamp}|"
_MESSAGE_SUFFIX = ""
_PUBLIC_KEY_ENV = "TELNYX_PUBLIC_KEY"


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


if TYPE_CHECKING:
    UnwrapWebhookEvent: TypeAlias = (
        CallAnsweredEventV1
        | CallAnsweredEventV2
        | CallBridgedEventV1
        | CallBridgedEventV2
        | CallDtmfReceivedEventV1
        | CallDtmfReceivedEventV2
        | CallGatherEndedEventV1
        | CallGatherEndedEventV2
        | CallHangupEventV1
        | CallHangupEventV2
        | CallInitiatedEventV1
        | CallInitiatedEventV2
        | CallPlaybackEndedEventV1
        | CallPlaybackEndedEventV2
        | CallPlaybackStartedEventV1
        | CallPlaybackStartedEventV2
        | CallRecordingSavedEventV1
        | CallRecordingSavedEventV2
        | CallSpeakEndedEventV1
        | CallSpeakEndedEventV2
        | CallSpeakStartedEventV1
        | CallSpeakStartedEventV2
        | UnknownWebhookEvent
    )
    """Any webhook body, parsed: the model of its event, or :class:`UnknownWebhookEvent`."""


def _event_table() -> tuple[tuple[tuple[str, ...], dict[str, str]], ...]:
    """(pointer tokens, {event type: model name}) for each event-type pointer."""
    table: dict[tuple[str, ...], dict[str, str]] = {}
    for event in WEBHOOK_EVENTS:
        if event.model and event.event_type_pointer and event.event_type is not None:
            tokens = tuple(
                t.replace("~1", "/").replace("~0", "~")
                for t in event.event_type_pointer.split("/")[1:]
            )
            table.setdefault(tokens, {})[event.event_type] = event.model
    return tuple(table.items())


_EVENTS = _event_table()


def _recognise(data: dict[str, Any]) -> tuple[str | None, str | None]:
    """(event type, model name) of a parsed body, one lookup per event-type pointer.

    The first pointer whose text names a known event wins; otherwise the first text found is
    the event type, with no model.
    """
    found: str | None = None
    for tokens, models in _EVENTS:
        value: object = data
        for token in tokens:
            value = value.get(token) if isinstance(value, dict) else None
        if isinstance(value, str):
            if value in models:
                return value, models[value]
            found = found or value
    return found, None


@cache
def _model(name: str) -> type[pydantic.BaseModel]:
    model: type[pydantic.BaseModel] = getattr(import_module(".models", __package__), name)
    return model


def _parse(payload: str | bytes) -> UnwrapWebhookEvent:
    try:
        data = pydantic_core.from_json(payload)  # a third of the time of json.loads
    except ValueError as exc:
        raise WebhookPayloadError("the webhook body is not valid JSON") from exc
    if not isinstance(data, dict):
        raise WebhookPayloadError("the webhook body is not a JSON object")
    event_type, name = _recognise(data)
    if name is None:
        return UnknownWebhookEvent(event_type=event_type, data=data)
    try:
        return cast("UnwrapWebhookEvent", _model(name).model_validate(data))
    except pydantic.ValidationError as exc:
        problems = "; ".join(
            f"{'/'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors(include_input=False)
        )
        raise WebhookPayloadError(f"{event_type} webhook: {problems}") from exc


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


class Webhooks:
    """Verify and parse the webhooks the API sends (``client.webhooks``)."""

    def __init__(self, *, public_key: str | None, tolerance: float = DEFAULT_TOLERANCE) -> None:
        self.public_key = public_key
        self.tolerance = tolerance

    def unwrap(
        self, payload: str | bytes, headers: Mapping[str, str], *, key: str | None = None
    ) -> UnwrapWebhookEvent:
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
        return _parse(body)

    def verify(
        self, payload: str | bytes, headers: Mapping[str, str], *, key: str | None = None
    ) -> None:
        """Check a webhook's signature and timestamp; raise :class:`WebhookVerificationError` if wrong."""
        key = key or self.public_key
        if not key:
            raise WebhookVerificationError(
                f"no public key to verify webhooks with: pass public_key= or set ${_PUBLIC_KEY_ENV}"
            )
        signature = _header(headers, SIGNATURE_HEADER)
        if not signature:
            raise WebhookVerificationError(f"missing header {SIGNATURE_HEADER}")
        timestamp = _header(headers, TIMESTAMP_HEADER)
        if not timestamp:
            raise WebhookVerificationError(f"missing header {TIMESTAMP_HEADER}")
        try:
            skew = time.time() - int(timestamp)
        except ValueError as exc:
            raise WebhookVerificationError(f"header {TIMESTAMP_HEADER} is not a Unix time") from exc
        if skew > self.tolerance:
            raise WebhookVerificationError(
                f"timestamp too old: signed {skew:.0f} s ago, more than the {self.tolerance:g} s tolerance"
            )
        if skew < -self.tolerance:
            raise WebhookVerificationError(
                f"timestamp in the future: {-skew:.0f} s ahead, more than the {self.tolerance:g} s tolerance"
            )
        try:
            raw_signature = base64.b64decode(signature, validate=True)
        except binascii.Error as exc:
            raise WebhookVerificationError(f"header {SIGNATURE_HEADER} is not Base64") from exc
        if len(raw_signature) != 64:
            raise WebhookVerificationError(f"header {SIGNATURE_HEADER} is not a 64-byte signature")
        body = payload.encode() if isinstance(payload, str) else payload
        message = (
            _MESSAGE_PREFIX.replace("{timestamp}", timestamp).encode()
            + body
            + _MESSAGE_SUFFIX.replace("{timestamp}", timestamp).encode()
        )
        if not _signature_check(key)(message, raw_signature):
            raise WebhookVerificationError(
                "the signature does not match: the body or timestamp was altered, or signed with another key"
            )

    def unsafe_unwrap(self, payload: str | bytes) -> UnwrapWebhookEvent:
        """Parse a webhook body into the model of its event, without checking any signature."""
        return _parse(payload)
