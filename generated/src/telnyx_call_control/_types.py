"""Small types the resource methods use."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final, Literal, Self, TypeVar

__all__ = ["NOT_GIVEN", "NotGiven", "WebhookStep", "sends_webhooks"]

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
