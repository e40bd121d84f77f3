"""Issue 13 part 6: every parsed webhook has the same accessors, whatever its envelope.

``webhook_events.event_view`` over what ``client.webhooks.unwrap`` returns: the event's name
(``x-event``: ``call.dtmf.received`` whether the wire said ``dtmf`` or ``call.dtmf.received``),
payload, occurred time, call_control_id, client_state (``x-webhook-fields``).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from telnyx_call_control import Client, UnknownWebhookEvent
from telnyx_call_control.webhook_events import WEBHOOK_FIELDS, WebhookEventView, event_view

from .webhook_bodies import EVENTS, Signer, v1, v2

WHEN = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def signer() -> Signer:
    return Signer()


@pytest.fixture
def hooks_client(signer: Signer) -> Client:
    return Client(public_key=signer.public_key)


def handle(client: Client, body: bytes, headers: dict[str, str]) -> tuple[Any, ...]:
    """A handler written once for both envelopes."""
    event = event_view(client.webhooks.unwrap(body, headers))
    assert isinstance(event, WebhookEventView)
    return (event.name, event.call_control_id, event.client_state, event.occurred_at, event.id, event.payload)


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_both_envelopes_give_the_same_view(hooks_client: Client, signer: Signer, event: str) -> None:
    state = "aGVsbG8="
    seen = {
        envelope: handle(hooks_client, *signer.sign(make(event, client_state=state)))
        for envelope, make in (("1", v1), ("2", v2))
    }
    name, call_id, client_state, occurred, event_id, payload = seen["1"]
    assert seen["1"][:5] == seen["2"][:5]
    assert (name, call_id, client_state) == (event, "v3:abc", state)
    assert str(event_id) == "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"  # as the model parsed it (a UUID)
    assert occurred == WHEN  # V1 says created_at, V2 occurred_at: both parsed as a datetime
    assert payload.call_leg_id == seen["2"][5].call_leg_id == "leg-1"  # the typed payload model of each envelope


def test_dtmf_is_named_the_same_whatever_the_wire_says(hooks_client: Client, signer: Signer) -> None:
    old = event_view(hooks_client.webhooks.unwrap(*signer.sign(v1("call.dtmf.received", digit="7"))))
    new = event_view(hooks_client.webhooks.unwrap(*signer.sign(v2("call.dtmf.received", digit="7"))))
    assert (old.event_type, new.event_type) == ("dtmf", "call.dtmf.received")
    assert old.name == new.name == "call.dtmf.received"
    assert (old.envelope, new.envelope) == ("1", "2")
    assert old.payload.digit == new.payload.digit == "7"


def test_an_unknown_event_still_answers_from_its_body(hooks_client: Client, signer: Signer) -> None:
    body = v2("call.answered")
    body["data"]["event_type"] = "call.brand_new"
    view = event_view(hooks_client.webhooks.unwrap(*signer.sign(body)))
    assert isinstance(view.event, UnknownWebhookEvent)
    assert (view.name, view.envelope, view.call_control_id) == ("call.brand_new", None, "v3:abc")
    assert view.payload["call_leg_id"] == "leg-1" and view.occurred_at == "2024-05-01T12:00:00.000000Z"


def test_missing_fields_are_none_and_the_fields_come_from_the_spec(hooks_client: Client, signer: Signer) -> None:
    view = event_view(hooks_client.webhooks.unwrap(*signer.sign(v1("call.speak.ended"))))
    assert view.client_state is None  # LEG has client_state null
    assert WEBHOOK_FIELDS["occurred_at"] == ("/occurred_at", "/created_at")
    assert set(WEBHOOK_FIELDS) == {"id", "occurred_at", "payload", "call_control_id", "call_leg_id", "client_state"}
    with pytest.raises(TypeError, match="not a parsed webhook"):
        event_view(object())
