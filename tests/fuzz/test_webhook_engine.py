"""The webhook expectation engine and signature verification, with real keys and real HTTP."""

from __future__ import annotations

import base64
import json
import time
import uuid

import httpx
import pytest
from nacl.signing import SigningKey

from fuzzer.receiver import Receiver, ReceiverClient
from fuzzer.spec import Step, load_index
from fuzzer.webhook_checks import Expectation, WebhookLog, judge, slots_for, verify_signature

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
    op = INDEX.by_command[command]
    return Expectation(op.label, list(op.webhooks or ()), {"self": CONTROL}, cursor, **kw)


def test_signature_verifies_and_detects_tampering(key: SigningKey) -> None:
    raw = b'{"a": 1}'
    stamp = str(int(time.time()))
    sig = base64.b64encode(key.sign(stamp.encode() + b"|" + raw).signature).decode()
    headers = {"telnyx-signature-ed25519": sig, "telnyx-timestamp": stamp}
    assert verify_signature(public(key), headers, raw) is None
    assert "does not verify" in (verify_signature(public(key), headers, raw + b" ") or "")
    assert "does not verify" in (verify_signature(public(SigningKey.generate()), headers, raw) or "")
    old = {**headers, "telnyx-timestamp": str(int(time.time()) - 1000)}
    assert "300 s" in (verify_signature(public(key), old, raw) or "")
    assert "no telnyx-signature" in (verify_signature(public(key), {"telnyx-timestamp": stamp}, raw) or "")


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
    assert any("missing" in p and "call.speak.ended" in p for p in problems)
    cursor = receiver.last_seq
    send(receiver, key, body("call.speak.ended"))
    send(receiver, key, body("call.speak.started"))
    assert any("out of order" in p for p in expect("speak", cursor).wait(log, timeout=1))
    cursor = receiver.last_seq
    send(receiver, key, body("call.speak.started"), tamper=True)
    send(receiver, key, body("call.speak.ended"))
    assert any("signature" in p for p in expect("speak", cursor).wait(log, timeout=1))


def test_schema_client_state_envelope_and_call_id(receiver: Receiver, key: SigningKey) -> None:
    log = WebhookLog(receiver, INDEX, public(key))
    broken = body("call.speak.ended")
    del broken["data"]["payload"]["status"]
    send(receiver, key, body("call.speak.started", client_state="b3RoZXI="))
    send(receiver, key, broken)
    problems = expect("speak", client_state="bWluZQ==", envelope="1").wait(log, timeout=1)
    text = "\n".join(problems)
    assert "schema" in text and "status" in text
    assert "does not echo" in text
    assert "envelope 2" in text
    cursor = receiver.last_seq
    send(receiver, key, body("call.speak.started", control="v1:another-call"))
    send(receiver, key, body("call.speak.ended", control="v1:another-call"))
    assert any("missing" in p for p in expect("speak", cursor).wait(log, timeout=0.5))


def test_recording_saved_is_matched_by_call_leg_id(receiver: Receiver, key: SigningKey) -> None:
    log = WebhookLog(receiver, INDEX, public(key))
    log.remember(CONTROL, LEG)
    send(receiver, key, body("call.hangup", envelope="1"))
    send(receiver, key, body("call.recording.saved", envelope="1", control=None))
    exp = expect("hangup", conditions={"recording": True}, envelope="1")
    assert exp.wait(log, timeout=1) == []
    exp_no = expect("hangup", conditions={"recording": False}, envelope="1")
    assert any("unexpected" in p for p in exp_no.wait(log, timeout=1))


def test_step_matching_rules() -> None:
    gather = slots_for(INDEX.by_command["gather_using_speak"].webhooks or (), {})
    assert judge(gather, [("call.gather.ended", "self")], final=True).problems == []
    dtmf = [("call.dtmf.received", "self")] * 3 + [("call.gather.ended", "self")]
    assert judge(gather, dtmf, final=True).problems == []
    dial = slots_for(INDEX.by_command["dial"].webhooks or (), {})
    assert judge(dial, [("call.initiated", "self"), ("call.hangup", "self")], final=True).problems == []
    assert judge(dial, [("call.initiated", "self"), ("call.answered", "self"), ("call.hangup", "self")], True).problems
    bridge = slots_for(INDEX.by_command["bridge"].webhooks or (), {})
    assert judge(bridge, [("call.bridged", "self"), ("call.bridged", "other")], True).problems == []
    assert judge(bridge, [("call.bridged", "self"), ("call.bridged", "self")], True).problems
    transfer = slots_for(INDEX.by_command["transfer"].webhooks or (), {})
    new = [("call.initiated", "new"), ("call.bridged", "new"), ("call.answered", "new")]
    assert judge(transfer, new, True).problems == []
    optional = slots_for([Step(events=("call.hangup",)), Step(("call.recording.saved",), optional=True)], {})
    assert judge(optional, [("call.hangup", "self")], True).problems == []
