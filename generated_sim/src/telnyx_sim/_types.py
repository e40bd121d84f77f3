"""Small types the resource methods and the webhook parser use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Literal, Self, TypeVar

__all__ = [
    "NOT_GIVEN",
    "NotGiven",
    "WebhookEvent",
    "WebhookSignature",
    "WebhookStep",
    "sends_webhooks",
]

_F = TypeVar("_F", bound=Callable[..., Any])


class NotGiven:
    """The type of :data:`NOT_GIVEN`: an argument the caller left out.

    An argument left out is not sent at all, so that the server's default applies; ``None``
    is sent as JSON ``null``.
    """

    _instance: Self | None = None

    def __new__(cls) -> Self:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN: Final = NotGiven()


@dataclass(frozen=True)
class WebhookStep:
    """One step of the webhooks an operation makes the platform send, in order.

    ``events`` holds one event name, or several when exactly one of them is sent.
    """

    events: tuple[str, ...]
    repeat: bool = False
    optional: bool = False
    when: str | None = None
    leg: str = "self"


def sends_webhooks(steps: tuple[WebhookStep, ...]) -> Callable[[_F], _F]:
    """Record on a method, as its ``webhooks`` attribute, the webhooks it makes the API send."""

    def mark(method: _F) -> _F:
        method.webhooks = steps  # type: ignore[attr-defined]
        return method

    return mark


@dataclass(frozen=True)
class WebhookEvent:
    """One entry of the API's ``webhooks``.

    ``model`` names the model of the webhook's body in the package's ``models``. An entry with
    an ``event_type_pointer`` can be recognised by the value at that JSON pointer in the body,
    which equals its ``event_type``.
    """

    key: str
    model: str | None
    event: str | None = None
    envelope: str | None = None
    event_type: str | None = None
    event_type_pointer: str | None = None


@dataclass(frozen=True)
class WebhookSignature:
    """How the API signs the webhooks it sends.

    The signed message is ``message_prefix``, the body, then ``message_suffix``, with each
    ``{timestamp}`` in them replaced by the timestamp header's value.
    """

    algorithm: Literal["ed25519"]
    signature_header: str  # lower case
    timestamp_header: str  # lower case
    message_prefix: str
    message_suffix: str
    tolerance: float  # seconds a timestamp may be off, in the past or the future
    public_key_name: str  # the client's argument holding the public key
    public_key_env: str  # ... and the environment variable it falls back to

    def message(self, timestamp: str, body: bytes) -> bytes:
        """The bytes the signature is over."""
        return (
            self.message_prefix.replace("{timestamp}", timestamp).encode()
            + body
            + self.message_suffix.replace("{timestamp}", timestamp).encode()
        )
