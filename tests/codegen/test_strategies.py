"""The hypothesis strategies generated into the client package (``telnyx_call_control.testing``).

Every webhook event of the spec is drawn in every envelope it has; what is drawn is valid
against the spec's own schema (specmodel's validator, formats on) and parses to the model of
its entry in strict mode; signed bodies verify with the signer's key, and the derived cases
(forged, stale, unknown type, unsigned) are refused or tolerated as they must be.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telnyx_call_control import Client, UnknownWebhookEvent, WebhookVerificationError
from telnyx_call_control import testing as t
from telnyx_call_control.webhook_events import WEBHOOK_EVENTS

from specmodel import default_spec

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "generated" / "src" / "telnyx_call_control"
SIGNER = t.Signer(bytes(range(32)))
NOW = 1_800_000_000
FEW = settings(max_examples=8, database=None, deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))


def client(clock: float = NOW) -> Client:
    c = Client(public_key=SIGNER.public_key, strict=True)
    c.webhooks.clock = lambda: clock
    return c


def test_every_event_of_the_spec_in_every_envelope_is_drawn() -> None:
    spec = default_spec()
    wanted = {(e.event, e.envelope) for e in spec.webhooks}
    drawn = {(e.event, e.envelope) for e in t.events()}
    assert drawn == wanted
    v1_events = {e.event for e in spec.webhooks if e.envelope == "1"}
    assert v1_events and all((event, "2") in drawn for event in v1_events), "both envelopes of each V1 event"


@pytest.mark.parametrize("entry", t.events(), ids=lambda e: f"{e.event}-{e.envelope}")
def test_drawn_bodies_are_valid_and_parse_to_their_model(entry: Any) -> None:
    spec = default_spec()
    schema = spec.webhook(entry.event, entry.envelope).body_schema
    assert schema is not None
    validator = spec.validator(schema)
    parser = client()

    @FEW
    @given(hook=t.webhooks(signer=SIGNER, timestamp=NOW, event=entry.event, envelope=entry.envelope))
    def check(hook: t.Webhook) -> None:
        assert (hook.event, hook.envelope) == (entry.event, entry.envelope)
        errors = [e.message for e in validator.iter_errors(json.loads(hook.body))]
        assert errors == [], errors
        parsed = parser.webhooks.unwrap(hook.body, hook.headers)
        assert type(parsed).__name__ == entry.model

    check()


@FEW
@given(hook=t.webhooks(signer=SIGNER, timestamp=NOW, extra_fields=True), data=st.data())
def test_signed_forged_stale_unknown_and_unsigned(hook: t.Webhook, data: st.DataObject) -> None:
    parser = client()
    assert type(parser.webhooks.unwrap(hook.body, hook.headers)).__name__ != "UnknownWebhookEvent"
    with pytest.raises(WebhookVerificationError, match="does not match"):
        parser.webhooks.unwrap(hook.body, t.forged(hook).headers)
    skew = data.draw(st.sampled_from([-1, 1])) * (300 + data.draw(st.integers(1, 10_000)))
    with pytest.raises(WebhookVerificationError, match="timestamp"):
        parser.webhooks.unwrap(hook.body, t.resigned(hook, SIGNER, NOW + skew).headers)
    unknown = t.with_event_type(hook, "brand.new.event", SIGNER)
    parsed = parser.webhooks.unwrap(unknown.body, unknown.headers)
    assert isinstance(parsed, UnknownWebhookEvent) and parsed.event_type == "brand.new.event"
    unsigned = t.with_event_type(hook, "brand.new.event")
    assert set(unsigned.headers) == {"content-type"}
    with pytest.raises(WebhookVerificationError, match="missing header"):
        parser.webhooks.unwrap(unsigned.body, unsigned.headers)


def test_the_packaged_schemas_are_the_specs_inlined() -> None:
    spec = default_spec()
    schemas = json.loads((PACKAGE / "webhook_schemas.json").read_text())
    assert "$ref" not in json.dumps(schemas)
    by_model = {(w.event, w.envelope): w.model for w in WEBHOOK_EVENTS}
    for entry in spec.webhooks:
        assert entry.body_schema is not None
        assert schemas[by_model[(entry.event, entry.envelope)]] == spec.inline(entry.body_schema), entry.name
    pyproject = (ROOT / "generated" / "pyproject.toml").read_text()
    assert 'testing = ["hypothesis' in pyproject
