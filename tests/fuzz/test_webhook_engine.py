"""The webhook expectation engine and signature verification, with real keys and real HTTP."""

from __future__ import annotations

import base64
import json
import time
import uuid

import httpx
import pytest
from nacl.signing import SigningKey

from fuzzer.checks import (
    ClientStateFailure,
    UnexpectedWebhookFailure,
    WebhookEnvelopeFailure,
    WebhookMissingFailure,
    WebhookOrderFailure,
    WebhookSchemaFailure,
    WebhookSignatureFailure,
    check_signature,
    check_webhook_sequence,
)
from fuzzer.receiver import Receiver, ReceiverClient
from fuzzer.spec import Signature, Step, load_index
from fuzzer.webhooks import Expectation, WebhookLog
from specmodel import slots_for

INDEX = load_index()
CONTROL = "v1:test-call"
LEG = str(uuid.uuid4())


def body(event: str, envelope: str = "2", control: str | None = CONTROL, client_state: str | None = None) -> dict:
    entry = INDEX.webhooks[(event, envelope)]
    payload = {
        "call_leg_id": LEG,
        "call_session_id": str(uuid.uuid4()),
        "client_state": client_state,
        "connection_id": "1293384261075731499",
    }
    if control is not None:
        payload["call_control_id"] = control
    extra = {
        "call.speak.started": {},
        "call.speak.ended": {"status": "completed"},
        "call.hangup": {
            "from": "+1",
            "to": "+2",
            "state": "hangup",
            "hangup_cause": "normal_clearing",
            "sip_hangup_cause": "unspecified",
        },
        "call.recording.saved": {
            "recording_started_at": "2024-01-01T00:00:00Z",
            "recording_ended_at": "2024-01-01T00:00:01Z",
            "channels": "single",
            "recording_urls": {"mp3": None, "wav": None},
            "public_recording_urls": {"mp3": None, "wav": None},
        },
    }
    payload.update(extra.get(event, {}))
    event_body = {"record_type": "event", "id": str(uuid.uuid4()), "event_type": entry.event_type, "payload": payload}
    if envelope == "2":
        return {"data": {**event_body, "occurred_at": "2024-01-01T00:00:00Z"}, "meta": {"attempt": 1}}
    return {**event_body, "created_at": "2024-01-01T00:00:00Z"}


def send(receiver: Receiver, key: SigningKey, payload: dict, *, tamper: bool = False, ts: int | None = None) -> None:
    raw = json.dumps(payload).encode()
    stamp = str(ts if ts is not None else int(time.time()))
    signature = key.sign(stamp.encode() + b"|" + raw).signature
    if tamper:
        raw = raw.replace(b"event", b"Event", 1)
    headers = {
        "content-type": "application/json",
        "telnyx-signature-ed25519": base64.b64encode(signature).decode(),
        "telnyx-timestamp": stamp,
    }
    assert httpx.post(receiver.webhook_url, content=raw, headers=headers).status_code == 200


@pytest.fixture
def key() -> SigningKey:
    return SigningKey.generate()


@pytest.fixture
def receiver():
    with Receiver() as r:
        yield r


def public(key: SigningKey) -> str:
    return base64.b64encode(bytes(key.verify_key)).decode()


def expect(command: str, cursor: int = 0, **kw) -> Expectation:
    op = INDEX.command(command)
    return Expectation(op.label, list(op.webhooks or ()), {"self": CONTROL}, cursor, **kw)


def reason(failure: WebhookSignatureFailure | None) -> str:
    assert failure is not None
    return failure.reason


def test_signature_verifies_and_detects_tampering(key: SigningKey) -> None:
    signature = INDEX.signature
    assert signature is not None  # x-webhook-signature of the V1 spec
    raw = b'{"a": 1}'
    now = 1_700_000_000
    stamp = str(now)
    sig = base64.b64encode(key.sign(stamp.encode() + b"|" + raw).signature).decode()
    headers = {"telnyx-signature-ed25519": sig, "telnyx-timestamp": stamp}
    assert check_signature(signature, public(key), headers, raw, now) is None
    assert "does not verify" in reason(check_signature(signature, public(key), headers, raw + b" ", now))
    assert "does not verify" in reason(check_signature(signature, public(SigningKey.generate()), headers, raw, now))
    assert "300 s" in reason(check_signature(signature, public(key), headers, raw, now + 1000))
    assert "no telnyx-signature" in reason(
        check_signature(signature, public(key), {"telnyx-timestamp": stamp}, raw, now)
    )


def test_signature_follows_x_webhook_signature() -> None:
    """Header names and the message template come from the spec's x-webhook-signature, not from code."""
    key = SigningKey.generate()
    other = Signature("ed25519", "x-sig", "x-ts", "v1:{timestamp}.{body}", 60, "public_key")
    raw, now = b"{}", 1_700_000_000
    sig = base64.b64encode(key.sign(b"v1:1700000000.{}").signature).decode()
    assert check_signature(other, public(key), {"x-sig": sig, "x-ts": str(now)}, raw, now) is None
    telnyx_style = {"telnyx-signature-ed25519": sig, "telnyx-timestamp": str(now)}
    assert reason(check_signature(other, public(key), telnyx_style, raw, now)) == "no x-sig header"
    assert "does not verify" in reason(
        check_signature(other, public(key), {"x-sig": sig, "x-ts": "1700000001"}, raw, now)
    )
    assert "60 s" in reason(check_signature(other, public(key), {"x-sig": sig, "x-ts": str(now)}, raw, now + 61))


def kinds(failures: list) -> set[type]:
    return {type(f) for f in failures}


def test_in_order_signed_valid_webhooks_pass(receiver: Receiver, key: SigningKey) -> None:
    state = base64.b64encode(b"abc").decode()
    send(receiver, key, body("call.speak.started", client_state=state))
    send(receiver, key, body("call.speak.ended", client_state=state))
    log = WebhookLog(ReceiverClient(receiver.url), INDEX, public(key))
    assert expect("speak", client_state=state, envelope="2").wait(log, timeout=2) == []


def test_missing_out_of_order_and_bad_signature_are_named(receiver: Receiver, key: SigningKey) -> None:
    log = WebhookLog(receiver, INDEX, public(key))
    send(receiver, key, body("call.speak.started"))
    problems = expect("speak").wait(log, timeout=0.5)
    missing = [p for p in problems if isinstance(p, WebhookMissingFailure)]
    assert missing and "call.speak.ended" in missing[0].expected and missing[0].got == "call.speak.started"
    cursor = receiver.last_seq
    send(receiver, key, body("call.speak.ended"))
    send(receiver, key, body("call.speak.started"))
    assert WebhookOrderFailure in kinds(expect("speak", cursor).wait(log, timeout=1))
    cursor = receiver.last_seq
    send(receiver, key, body("call.speak.started"), tamper=True)
    send(receiver, key, body("call.speak.ended"))
    assert WebhookSignatureFailure in kinds(expect("speak", cursor).wait(log, timeout=1))


def test_schema_client_state_envelope_and_call_id(receiver: Receiver, key: SigningKey) -> None:
    log = WebhookLog(receiver, INDEX, public(key))
    broken = body("call.speak.ended")
    del broken["data"]["payload"]["status"]
    send(receiver, key, body("call.speak.started", client_state="b3RoZXI="))
    send(receiver, key, broken)
    problems = expect("speak", client_state="bWluZQ==", envelope="1").wait(log, timeout=1)
    schema = [p for p in problems if isinstance(p, WebhookSchemaFailure)]
    assert schema and schema[0].pointer == "/data/payload" and "status" in schema[0].error
    assert next((p.expected, p.got) for p in problems if isinstance(p, ClientStateFailure)) == ("bWluZQ==", "b3RoZXI=")
    assert next((p.expected, p.got) for p in problems if isinstance(p, WebhookEnvelopeFailure)) == ("1", "2")
    cursor = receiver.last_seq
    send(receiver, key, body("call.speak.started", control="v1:another-call"))
    send(receiver, key, body("call.speak.ended", control="v1:another-call"))
    assert WebhookMissingFailure in kinds(expect("speak", cursor).wait(log, timeout=0.5))


def test_recording_saved_is_matched_by_call_leg_id(receiver: Receiver, key: SigningKey) -> None:
    log = WebhookLog(receiver, INDEX, public(key))
    log.remember(CONTROL, LEG)
    send(receiver, key, body("call.hangup", envelope="1"))
    send(receiver, key, body("call.recording.saved", envelope="1", control=None))
    exp = expect("hangup", conditions={"recording": True}, envelope="1")
    assert exp.wait(log, timeout=1) == []
    exp_no = expect("hangup", conditions={"recording": False}, envelope="1")
    assert UnexpectedWebhookFailure in kinds(exp_no.wait(log, timeout=1))


def judge(slots: list, seq: list[tuple[str, str]]) -> object:
    """The failure of a final sequence (None: it matches)."""
    return check_webhook_sequence("op", slots, seq, final=True)[1]


def test_step_matching_rules() -> None:
    gather = slots_for(INDEX.command("gather_using_speak").webhooks or (), {})
    assert judge(gather, [("call.gather.ended", "self")]) is None
    dtmf = [("call.dtmf.received", "self")] * 3 + [("call.gather.ended", "self")]
    assert judge(gather, dtmf) is None
    dial = slots_for(INDEX.command("dial").webhooks or (), {})
    assert judge(dial, [("call.initiated", "self"), ("call.hangup", "self")]) is None
    both = [("call.initiated", "self"), ("call.answered", "self"), ("call.hangup", "self")]
    assert judge(dial, both) is not None  # one of answered/hangup, not both
    bridge = slots_for(INDEX.command("bridge").webhooks or (), {})
    assert judge(bridge, [("call.bridged", "self"), ("call.bridged", "other")]) is None
    assert isinstance(judge(bridge, [("call.bridged", "self"), ("call.bridged", "self")]), UnexpectedWebhookFailure)
    transfer = slots_for(INDEX.command("transfer").webhooks or (), {})
    new = [("call.initiated", "new"), ("call.bridged", "new"), ("call.answered", "new")]
    assert judge(transfer, new) is None
    optional = slots_for([Step(events=("call.hangup",)), Step(("call.recording.saved",), optional=True)], {})
    assert judge(optional, [("call.hangup", "self")]) is None
    # a prefix that can still be completed is no failure until the wait is over
    assert check_webhook_sequence("op", dial, [("call.initiated", "self")], final=False) == (False, None)
    missing = judge(dial, [("call.initiated", "self")])
    assert isinstance(missing, WebhookMissingFailure) and missing.got == "call.initiated"
