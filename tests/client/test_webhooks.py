"""Webhooks: every verification failure, both envelopes, typed events, unknown event types."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from telnyx_call_control import (
    AsyncClient,
    Client,
    UnknownWebhookEvent,
    WebhookPayloadError,
    WebhookVerificationError,
)
from telnyx_call_control import models as m

from .webhook_bodies import EVENTS, Signer, v1, v2

ROOT = Path(__file__).resolve().parents[2]
MODELS = {
    "call.initiated": (m.CallInitiatedEventV1, m.CallInitiatedEventV2),
    "call.answered": (m.CallAnsweredEventV1, m.CallAnsweredEventV2),
    "call.hangup": (m.CallHangupEventV1, m.CallHangupEventV2),
    "call.dtmf.received": (m.CallDtmfReceivedEventV1, m.CallDtmfReceivedEventV2),
    "call.speak.ended": (m.CallSpeakEndedEventV1, m.CallSpeakEndedEventV2),
}


@pytest.fixture(scope="module")
def signer() -> Signer:
    return Signer()


@pytest.fixture
def hooks_client(signer: Signer) -> Client:
    return Client(public_key=signer.public_key)


@pytest.mark.parametrize("event", sorted(EVENTS))
def test_both_envelopes_parse_into_their_models(hooks_client: Client, signer: Signer, event: str) -> None:
    v1_model, v2_model = MODELS[event]
    body, headers = signer.sign(v1(event))
    parsed_v1 = hooks_client.webhooks.unwrap(body, headers)
    assert type(parsed_v1) is v1_model
    assert parsed_v1.payload.call_control_id == "v3:abc"  # type: ignore[union-attr]
    body, headers = signer.sign(v2(event))
    parsed_v2 = hooks_client.webhooks.unwrap(body.decode(), headers)  # str bodies too
    assert type(parsed_v2) is v2_model
    assert parsed_v2.data.event_type == EVENTS[event][1]  # type: ignore[union-attr]
    assert parsed_v2.meta.attempt == 1  # type: ignore[union-attr]


def test_typed_fields_and_forward_compatible_values(hooks_client: Client, signer: Signer) -> None:
    body, headers = signer.sign(v2("call.hangup", hangup_cause="brand_new_cause", new_field=[1]))
    event = hooks_client.webhooks.unwrap(body, headers)
    assert isinstance(event, m.CallHangupEventV2)
    assert event.data.payload.hangup_cause == "brand_new_cause"
    assert event.data.payload.new_field == [1]  # type: ignore[attr-defined]
    assert event.data.payload.from_ == "+15550001"


def test_unknown_event_type_keeps_its_data(hooks_client: Client, signer: Signer) -> None:
    future_v2 = v2("call.answered")
    future_v2["data"]["event_type"] = "call.ai.summarized"
    body, headers = signer.sign(future_v2)
    event = hooks_client.webhooks.unwrap(body, headers)
    assert event == UnknownWebhookEvent(event_type="call.ai.summarized", data=future_v2)
    future_v1 = {**v1("call.answered"), "event_type": "call_ai_summarized"}
    event = hooks_client.webhooks.unsafe_unwrap(json.dumps(future_v1))
    assert isinstance(event, UnknownWebhookEvent) and event.event_type == "call_ai_summarized"
    assert event.data == future_v1
    assert hooks_client.webhooks.unsafe_unwrap(b'{"hello": 1}') == UnknownWebhookEvent(None, {"hello": 1})


def test_known_event_missing_a_required_field(hooks_client: Client) -> None:
    body = v1("call.answered")
    del body["payload"]["call_leg_id"]
    with pytest.raises(WebhookPayloadError, match="call_answered webhook: payload/call_leg_id: Field required"):
        hooks_client.webhooks.unsafe_unwrap(json.dumps(body))
    with pytest.raises(WebhookPayloadError, match="not valid JSON"):
        hooks_client.webhooks.unsafe_unwrap(b"{")
    for not_an_object in (b"[1]", b'"call.answered"', b"null"):
        with pytest.raises(WebhookPayloadError, match="not a JSON object"):
            hooks_client.webhooks.unsafe_unwrap(not_an_object)


def test_headers_in_any_case(hooks_client: Client, signer: Signer) -> None:
    body, headers = signer.sign(v1("call.answered"))
    shouting = {
        "Telnyx-Signature-Ed25519": headers["telnyx-signature-ed25519"],
        "TELNYX-TIMESTAMP": headers["telnyx-timestamp"],
    }
    assert isinstance(hooks_client.webhooks.unwrap(body, shouting), m.CallAnsweredEventV1)


# -- verification failures ----------------------------------------------------------------


def test_bad_signature(hooks_client: Client) -> None:
    other = Signer()
    body, headers = other.sign(v1("call.answered"))
    with pytest.raises(WebhookVerificationError, match="signature does not match"):
        hooks_client.webhooks.unwrap(body, headers)


def test_tampered_body(hooks_client: Client, signer: Signer) -> None:
    body, headers = signer.sign(v1("call.answered"))
    tampered = body.replace(b"+15550002", b"+19990002")
    with pytest.raises(WebhookVerificationError, match="signature does not match: the body or timestamp was altered"):
        hooks_client.webhooks.unwrap(tampered, headers)


def test_tampered_timestamp(hooks_client: Client, signer: Signer) -> None:
    body, headers = signer.sign(v1("call.answered"))
    headers["telnyx-timestamp"] = str(int(headers["telnyx-timestamp"]) - 1)
    with pytest.raises(WebhookVerificationError, match="signature does not match"):
        hooks_client.webhooks.unwrap(body, headers)


@pytest.mark.parametrize("missing", ["telnyx-signature-ed25519", "telnyx-timestamp"])
def test_missing_header(hooks_client: Client, signer: Signer, missing: str) -> None:
    body, headers = signer.sign(v1("call.answered"))
    del headers[missing]
    with pytest.raises(WebhookVerificationError, match=f"missing header {missing}"):
        hooks_client.webhooks.unwrap(body, headers)


NOW = 1_800_000_000  # the verifier's clock, in the tests that check timestamps


def test_timestamp_too_old_and_in_the_future(hooks_client: Client, signer: Signer) -> None:
    hooks_client.webhooks.clock = lambda: NOW
    body, headers = signer.sign(v1("call.answered"), at=NOW - 301)
    with pytest.raises(WebhookVerificationError, match=r"timestamp too old: signed 301 s ago"):
        hooks_client.webhooks.unwrap(body, headers)
    body, headers = signer.sign(v1("call.answered"), at=NOW + 301)
    with pytest.raises(WebhookVerificationError, match="timestamp in the future: 301 s ahead"):
        hooks_client.webhooks.unwrap(body, headers)
    for at in (NOW - 300, NOW + 300):  # the tolerance's edges are accepted
        body, headers = signer.sign(v1("call.answered"), at=at)
        assert isinstance(hooks_client.webhooks.unwrap(body, headers), m.CallAnsweredEventV1)


def test_tolerance_is_configurable(signer: Signer) -> None:
    strict = Client(public_key=signer.public_key, webhook_tolerance=10)
    strict.webhooks.clock = lambda: NOW
    body, headers = signer.sign(v1("call.answered"), at=NOW - 11)
    with pytest.raises(WebhookVerificationError, match="signed 11 s ago, more than the 10 s tolerance"):
        strict.webhooks.unwrap(body, headers)
    body, headers = signer.sign(v1("call.answered"), at=NOW - 10)
    assert isinstance(strict.webhooks.unwrap(body, headers), m.CallAnsweredEventV1)


def test_malformed_headers_and_keys(hooks_client: Client, signer: Signer) -> None:
    body, headers = signer.sign(v1("call.answered"))
    with pytest.raises(WebhookVerificationError, match="not a Unix time"):
        hooks_client.webhooks.unwrap(body, {**headers, "telnyx-timestamp": "yesterday"})
    with pytest.raises(WebhookVerificationError, match="not Base64"):
        hooks_client.webhooks.unwrap(body, {**headers, "telnyx-signature-ed25519": "***"})
    with pytest.raises(WebhookVerificationError, match="not a 64-byte signature"):
        hooks_client.webhooks.unwrap(body, {**headers, "telnyx-signature-ed25519": "AAAA"})
    with pytest.raises(WebhookVerificationError, match="public key is 3 bytes"):
        hooks_client.webhooks.unwrap(body, headers, key="AAAA")


def test_public_key_from_argument_environment_or_nowhere(signer: Signer, monkeypatch: pytest.MonkeyPatch) -> None:
    body, headers = signer.sign(v2("call.answered"))
    monkeypatch.delenv("TELNYX_PUBLIC_KEY", raising=False)
    with pytest.raises(WebhookVerificationError, match=r"no public key .* \$TELNYX_PUBLIC_KEY"):
        Client().webhooks.unwrap(body, headers)
    assert isinstance(Client().webhooks.unwrap(body, headers, key=signer.public_key), m.CallAnsweredEventV2)
    monkeypatch.setenv("TELNYX_PUBLIC_KEY", signer.public_key)
    assert isinstance(Client().webhooks.unwrap(body, headers), m.CallAnsweredEventV2)
    assert isinstance(AsyncClient().webhooks.unwrap(body, headers), m.CallAnsweredEventV2)


def test_webhook_errors_are_value_errors(hooks_client: Client) -> None:
    # Code written against the official SDK catches ValueError.
    with pytest.raises(ValueError):
        hooks_client.webhooks.unwrap(b"{}", {})


def test_import_stays_cheap_until_a_webhook_is_verified() -> None:
    script = """
        import sys, time
        import telnyx_call_control as pkg
        client = pkg.Client(public_key="x")
        client.webhooks
        heavy = [m for m in ("nacl", "telnyx_call_control.models") if m in sys.modules]
        assert heavy == [], heavy
        client.webhooks.unsafe_unwrap(b'{"hello": 1}')
        assert "nacl" not in sys.modules
        try:
            now = str(int(time.time()))  # a fresh timestamp: the signature itself is checked
            client.webhooks.unwrap(b"{}", {"telnyx-signature-ed25519": "A" * 86 + "==", "telnyx-timestamp": now})
        except ValueError:
            pass
        assert "nacl" in sys.modules
    """
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PYTHONPATH": str(ROOT / "generated" / "src")},
    )
    assert result.returncode == 0, result.stderr
