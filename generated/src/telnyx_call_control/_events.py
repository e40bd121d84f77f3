"""One view of every parsed webhook, whatever its envelope.

A handler asks each event the same things: its event name (``x-event``: ``pet.adopted``, whether
the wire said ``adopted`` or ``pet.adopted``), its envelope, and the fields the API description
lists in ``x-webhook-fields`` (payload, time, ids, ...). Each such field is a list of JSON
pointers, relative to the object holding the event type; the first one present in the event
gives the value. What varies per API, the table of webhooks and the fields, is in the
package's ``webhook_events`` module, which builds its viewer from this one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import cache
from typing import Any, Generic, TypeVar

import pydantic

from ._types import WebhookEvent
from ._webhooks import UnknownWebhookEvent

__all__ = ["EventView", "EventViewer"]

_View = TypeVar("_View", bound="EventView")
_MISSING: Any = object()


def _tokens(pointer: str) -> tuple[str, ...]:
    return tuple(t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:])


@cache
def _wire_names(model: type[pydantic.BaseModel]) -> dict[str, str]:
    """Wire name -> attribute, for a model's fields."""
    names = {name: name for name in model.model_fields}
    names.update({f.alias: name for name, f in model.model_fields.items() if f.alias})
    return names


def _step(value: Any, token: str) -> Any:
    """The member ``token`` (a name on the wire) of a parsed model or a JSON object."""
    if isinstance(value, pydantic.BaseModel):
        name = _wire_names(type(value)).get(token)
        if name is not None:
            return getattr(value, name)
        return (value.model_extra or {}).get(token, _MISSING)
    if isinstance(value, Mapping):
        return value.get(token, _MISSING)
    return _MISSING


def _walk(value: Any, tokens: Iterable[str]) -> Any:
    for token in tokens:
        value = _step(value, token)
        if value is _MISSING:
            return _MISSING
    return value


class EventView:
    """A parsed webhook, seen the same way whatever its envelope.

    ``event`` is what the parser returned: the model of the webhook's event, or an
    :class:`UnknownWebhookEvent`.
    """

    __slots__ = ("_container", "_fields", "envelope", "event", "event_type", "name")

    def __init__(
        self,
        event: object,
        *,
        name: str | None,
        envelope: str | None,
        event_type: str | None,
        container: Any,
        fields: Mapping[str, tuple[tuple[str, ...], ...]],
    ) -> None:
        self.event = event
        self.name = name
        """The event's name, the same in every envelope (``x-event``); for an unknown one, its
        type on the wire."""
        self.envelope = envelope
        """The envelope it came in, when known."""
        self.event_type = event_type
        """Its type as the wire says it."""
        self._container = container
        self._fields = fields

    def field(self, name: str) -> Any:
        """The value of a field of ``x-webhook-fields``: the first of its pointers present (a
        model, a value as the model parsed it, or JSON for an unknown event), else ``None``."""
        for tokens in self._fields[name]:
            value = _walk(self._container, tokens)
            if value is not _MISSING and value is not None:
                return value
        return None

    def __repr__(self) -> str:
        return f"{type(self).__name__}(name={self.name!r}, envelope={self.envelope!r})"


class EventViewer(Generic[_View]):
    """Turns parsed webhooks into views (``webhook_events.event_view``).

    Args:
        events: The API's webhooks (``webhook_events.WEBHOOK_EVENTS``).
        fields: Field name -> JSON pointers, relative to the object holding the event type.
        view: The view class, with one property per field.
    """

    def __init__(
        self,
        events: Iterable[WebhookEvent],
        fields: Mapping[str, tuple[str, ...]],
        view: type[_View],
    ) -> None:
        self._by_model: dict[str, WebhookEvent] = {}
        self._by_type: dict[tuple[tuple[str, ...], str], WebhookEvent] = {}
        for entry in events:
            if entry.model and entry.event_type_pointer and entry.event_type is not None:
                self._by_model.setdefault(entry.model, entry)
                self._by_type[(_tokens(entry.event_type_pointer), entry.event_type)] = entry
        self._pointers = tuple(dict.fromkeys(tokens for tokens, _ in self._by_type))
        self._fields = {name: tuple(_tokens(p) for p in ptrs) for name, ptrs in fields.items()}
        self._view = view

    def __call__(self, event: object) -> _View:
        """The view of a parsed webhook (what ``client.webhooks.unwrap`` returned)."""
        if isinstance(event, UnknownWebhookEvent):
            for tokens in self._pointers:
                if _walk(event.data, tokens) == event.event_type:
                    return self._make(event, None, event.data, tokens)
            return self._make(event, None, event.data, ())
        entry = self._by_model.get(type(event).__name__)
        if entry is None or entry.event_type_pointer is None:
            raise TypeError(f"{type(event).__name__} is not a parsed webhook")
        return self._make(event, entry, event, _tokens(entry.event_type_pointer))

    def _make(
        self, event: object, entry: WebhookEvent | None, body: Any, tokens: tuple[str, ...]
    ) -> _View:
        container = _walk(body, tokens[:-1]) if tokens else body
        event_type = entry.event_type if entry else getattr(event, "event_type", None)
        return self._view(
            event,
            name=(entry.event or entry.event_type) if entry else event_type,
            envelope=entry.envelope if entry else None,
            event_type=event_type,
            container=container,
            fields=self._fields,
        )
