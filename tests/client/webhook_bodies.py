"""Webhook bodies in both envelopes, and signing them as the platform does (PyNaCl)."""

from __future__ import annotations

import base64
import json
import time
from typing import Any

from nacl.signing import SigningKey

LEG = {
    "call_control_id": "v3:abc",
    "call_leg_id": "leg-1",
    "call_session_id": "session-1",
    "client_state": None,
    "connection_id": "conn-1",
}
PARTY = {"from": "+15550001", "to": "+15550002"}
# event name -> (V1 event type, V2 event type, payload)
EVENTS: dict[str, tuple[str, str, dict[str, Any]]] = {
    "call.initiated": (
        "call_initiated",
        "call.initiated",
        {**LEG, **PARTY, "direction": "outgoing", "state": "parked"},
    ),
    "call.answered": ("call_answered", "call.answered", {**LEG, **PARTY, "state": "answered"}),
    "call.hangup": (
        "call_hangup",
        "call.hangup",
        {**LEG, **PARTY, "state": "hangup", "hangup_cause": "normal_clearing", "sip_hangup_cause": "200"},
    ),
    "call.dtmf.received": ("dtmf", "call.dtmf.received", {**LEG, **PARTY, "digit": "5"}),
    "call.speak.ended": ("speak_ended", "call.speak.ended", {**LEG, "status": "completed"}),
}
EVENT_ID = "0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"


def v1(event: str, **payload: Any) -> dict[str, Any]:
    event_type, _, base = EVENTS[event]
    return {
        "record_type": "event",
        "id": EVENT_ID,
        "event_type": event_type,
        "created_at": "2024-05-01T12:00:00.000000Z",
        "payload": {**base, **payload},
    }


def v2(event: str, **payload: Any) -> dict[str, Any]:
    _, event_type, base = EVENTS[event]
    return {
        "data": {
            "record_type": "event",
            "id": EVENT_ID,
            "event_type": event_type,
            "occurred_at": "2024-05-01T12:00:00.000000Z",
            "payload": {**base, **payload},
        },
        "meta": {"attempt": 1, "delivered_to": "https://example.com/hooks"},
    }


class Signer:
    """Signs bodies like the platform: Ed25519 over ``{timestamp}|{body}``, Base64."""

    def __init__(self) -> None:
        self.key = SigningKey.generate()
        self.public_key = base64.b64encode(bytes(self.key.verify_key)).decode()

    def sign(self, body: dict[str, Any] | bytes, *, at: float | None = None) -> tuple[bytes, dict[str, str]]:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        timestamp = str(int(time.time() if at is None else at))
        signature = self.key.sign(timestamp.encode() + b"|" + raw).signature
        headers = {
            "telnyx-signature-ed25519": base64.b64encode(signature).decode(),
            "telnyx-timestamp": timestamp,
        }
        return raw, headers
