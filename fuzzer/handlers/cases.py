"""The cases the handler fuzzer sends: each a body, headers and what the handler's answer must satisfy."""

from __future__ import annotations

import base64
import copy
import json
import os
import random
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, Phase, given, seed, settings
from hypothesis import strategies as st

from specmodel import Spec, WebhookEntry

from .signing import Signer
from .strategies import webhook_bodies

# Checks, by name (fuzzer/handlers/README or the module docstring of run.py says what each means).
VALID_EVENT_ACCEPTED = "valid_event_accepted"
UNKNOWN_EVENT_ACCEPTED = "unknown_event_accepted"
ANSWERS_WITHIN_TIMEOUT = "answers_within_timeout"
REJECTS_FORGED_SIGNATURE = "rejects_forged_signature"
REJECTS_UNSIGNED = "rejects_unsigned"
REJECTS_STALE_TIMESTAMP = "rejects_stale_timestamp"
DUPLICATE_SAME_ANSWER = "duplicate_same_answer"
NO_SERVER_ERROR = "no_server_error"
CHECKS = (
    VALID_EVENT_ACCEPTED,
    UNKNOWN_EVENT_ACCEPTED,
    ANSWERS_WITHIN_TIMEOUT,
    REJECTS_FORGED_SIGNATURE,
    REJECTS_UNSIGNED,
    REJECTS_STALE_TIMESTAMP,
    DUPLICATE_SAME_ANSWER,
    NO_SERVER_ERROR,
)
ACCEPT = (VALID_EVENT_ACCEPTED, ANSWERS_WITHIN_TIMEOUT, NO_SERVER_ERROR)
CALL_EVENTS = ("call.initiated", "call.answered", "call.hangup")  # a call's life, sent backwards
LARGE_BODY_BYTES = 1 << 20
UNKNOWN_EVENT_TYPE = "call.fuzz_unknown_event"


@dataclass
class Case:
    """One request. ``headers`` are made when it is sent (``sign``), so timestamps are the send time."""

    name: str
    kind: str  # valid, extra_fields, out_of_order, unknown, duplicate, forged, other_key, altered, ...
    body: bytes
    checks: tuple[str, ...]  # the checks that judge this case
    sign: Callable[[int], dict[str, str]]
    event: str | None = None
    envelope: str | None = None
    duplicate_of: str | None = None  # the case whose answer a duplicate must repeat
    reuse_headers_of: str | None = None  # send exactly the original's bytes and headers
    note: str = ""
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Generated:
    entry: WebhookEntry
    bodies: tuple[Any, ...]  # valid bodies
    extended: Any  # a valid body with unknown extra fields


def _draw(strategy: st.SearchStrategy[Any], n: int, seed_value: int) -> list[Any]:
    drawn: list[Any] = []

    @settings(
        max_examples=n,
        database=None,
        deadline=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @seed(seed_value)
    @given(st.data())
    def collect(data: st.DataObject) -> None:
        drawn.append(data.draw(strategy))

    collect()
    return drawn[:n]


_GENERATED: dict[tuple[int, int, int], tuple[Generated, ...]] = {}


def generate(spec: Spec, examples: int, seed_value: int) -> tuple[Generated, ...]:
    """``examples`` valid bodies of every webhook entry, and one with extra fields (deterministic per seed)."""
    key = (id(spec), examples, seed_value)
    if key in _GENERATED:
        return _GENERATED[key]
    out = []
    for index, entry in enumerate(spec.webhooks):
        bodies = _draw(webhook_bodies(spec, entry), examples, seed_value + index)
        extended = _draw(webhook_bodies(spec, entry, extra_fields=True), 1, seed_value + index)
        if not bodies or not extended:
            raise ValueError(f"could not generate a valid body for webhook {entry.name} (envelope {entry.envelope})")
        out.append(Generated(entry, tuple(bodies), extended[0]))
    _GENERATED[key] = tuple(out)
    return _GENERATED[key]


def encode(body: Any) -> bytes:
    return json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode()


def _set(body: Any, tokens: Iterable[str], value: Any) -> Any:
    body = copy.deepcopy(body)
    tokens = list(tokens)
    target = body
    for token in tokens[:-1]:
        target = target[token]
    target[tokens[-1]] = value
    return body


def _payload(body: Any) -> dict[str, Any] | None:
    data = body.get("data") if isinstance(body, dict) else None
    if isinstance(data, dict) and isinstance(data.get("payload"), dict):
        return data["payload"]
    payload = body.get("payload") if isinstance(body, dict) else None
    return payload if isinstance(payload, dict) else None


def _event_id(body: Any) -> tuple[list[str], Any] | None:
    if isinstance(body, dict) and isinstance(body.get("data"), dict) and "id" in body["data"]:
        return ["data", "id"], body["data"]["id"]
    if isinstance(body, dict) and "id" in body:
        return ["id"], body["id"]
    return None


def build_cases(
    spec: Spec,
    signer: Signer,
    *,
    examples: int = 2,
    seed_value: int = 1,
    other_key: Signer | None = None,
) -> list[Case]:
    """Every case, in the order they are sent."""
    scheme = signer.scheme
    tolerance = scheme.tolerance
    other = other_key or Signer(scheme, os.urandom(32), "other")
    generated = generate(spec, examples, seed_value)
    cases: list[Case] = []
    ids = random.Random(seed_value)

    def fresh(body: Any) -> Any:
        """The body as a distinct event: its own event id (generated ids may repeat across types)."""
        found = _event_id(body)
        return _set(body, found[0], str(uuid.UUID(int=ids.getrandbits(128), version=4))) if found else body

    def signed(body: bytes) -> Callable[[int], dict[str, str]]:
        return lambda now: signer.headers(now, body)

    # 1. valid events of every type, in both envelopes, and with unknown extra fields
    for gen in generated:
        entry = gen.entry
        for i, body in enumerate(gen.bodies):
            raw = encode(fresh(body))
            cases.append(
                Case(
                    f"valid {entry.event} envelope {entry.envelope} #{i + 1}",
                    "valid",
                    raw,
                    ACCEPT,
                    signed(raw),
                    entry.event,
                    entry.envelope,
                )
            )
        raw = encode(fresh(gen.extended))
        cases.append(
            Case(
                f"extra fields {entry.event} envelope {entry.envelope}",
                "extra_fields",
                raw,
                ACCEPT,
                signed(raw),
                entry.event,
                entry.envelope,
                note="unknown fields added where the schema allows them",
            )
        )

    by_key = {(gen.entry.event, gen.entry.envelope): gen for gen in generated}
    envelopes = sorted({gen.entry.envelope for gen in generated if gen.entry.envelope})
    for envelope in envelopes:
        first = next(gen for gen in generated if gen.entry.envelope == envelope)
        base = fresh(first.bodies[0])
        # 2. unknown event types
        raw = encode(_set(fresh(base), first.entry.pointer_tokens, UNKNOWN_EVENT_TYPE))
        cases.append(
            Case(
                f"unknown event type envelope {envelope}",
                "unknown",
                raw,
                (UNKNOWN_EVENT_ACCEPTED, ANSWERS_WITHIN_TIMEOUT, NO_SERVER_ERROR),
                signed(raw),
                None,
                envelope,
            )
        )
        # 3. an exact duplicate (same event id, same bytes, same headers), right after its original
        original = f"duplicate original envelope {envelope}"
        raw = encode(fresh(first.bodies[-1]))
        cases.append(Case(original, "valid", raw, ACCEPT, signed(raw), first.entry.event, envelope))
        cases.append(
            Case(
                f"duplicate envelope {envelope}",
                "duplicate",
                raw,
                (DUPLICATE_SAME_ANSWER, ANSWERS_WITHIN_TIMEOUT, NO_SERVER_ERROR),
                signed(raw),
                first.entry.event,
                envelope,
                duplicate_of=original,
                reuse_headers_of=original,
            )
        )
        # 4. one call's events out of order (hangup, answered, initiated) with the same call ids
        life = [by_key.get((event, envelope)) for event in CALL_EVENTS]
        if all(life):
            same: dict[str, Any] = {}
            bodies = []
            for gen in life:
                assert gen is not None
                body = fresh(gen.bodies[0])
                payload = _payload(body)
                for key in ("call_control_id", "call_leg_id", "call_session_id", "connection_id"):
                    if payload is not None and key in payload:
                        same.setdefault(key, payload[key])
                        payload[key] = same[key]
                if spec.validator(gen.entry.body_schema).is_valid(body):  # type: ignore[arg-type]
                    bodies.append((gen.entry.event, body))
            for event, body in reversed(bodies):
                raw = encode(body)
                cases.append(
                    Case(
                        f"out of order {event} envelope {envelope}",
                        "out_of_order",
                        raw,
                        ACCEPT,
                        signed(raw),
                        event,
                        envelope,
                        note="the call's events sent last first",
                    )
                )
        # 5. signatures that must not verify
        raw = encode(base)
        forged = base64.b64encode(os.urandom(64)).decode()
        cases.append(
            Case(
                f"forged signature envelope {envelope}",
                "forged",
                raw,
                (REJECTS_FORGED_SIGNATURE, NO_SERVER_ERROR),
                lambda now, raw=raw, forged=forged: {**signer.headers(now, raw), scheme.signature_header: forged},
                first.entry.event,
                envelope,
            )
        )
        cases.append(
            Case(
                f"signed with another key envelope {envelope}",
                "other_key",
                raw,
                (REJECTS_FORGED_SIGNATURE, NO_SERVER_ERROR),
                lambda now, raw=raw: other.headers(now, raw),
                first.entry.event,
                envelope,
            )
        )
        altered = encode(_alter(base))
        cases.append(
            Case(
                f"body changed after signing envelope {envelope}",
                "altered",
                altered,
                (REJECTS_FORGED_SIGNATURE, NO_SERVER_ERROR),
                lambda now, raw=raw: signer.headers(now, raw),
                first.entry.event,
                envelope,
                note="signed the original body, sent a changed one",
            )
        )
        # 6. missing headers
        for missing in (
            (scheme.signature_header,),
            (scheme.timestamp_header,),
            (scheme.signature_header, scheme.timestamp_header),
        ):
            label = " and ".join(missing)
            cases.append(
                Case(
                    f"missing {label} envelope {envelope}",
                    "missing_headers",
                    raw,
                    (REJECTS_UNSIGNED, NO_SERVER_ERROR),
                    lambda now, raw=raw, missing=missing: {
                        k: v for k, v in signer.headers(now, raw).items() if k not in missing
                    },
                    first.entry.event,
                    envelope,
                )
            )
        # 7. stale and future timestamps past the tolerance (correctly signed)
        for kind, shift in (("stale", -(tolerance + 60)), ("future", tolerance + 60)):
            cases.append(
                Case(
                    f"{kind} timestamp ({shift:+d} s) envelope {envelope}",
                    kind,
                    raw,
                    (REJECTS_STALE_TIMESTAMP, NO_SERVER_ERROR),
                    lambda now, raw=raw, shift=shift: signer.headers(now + shift, raw),
                    first.entry.event,
                    envelope,
                )
            )
        # 8. malformed JSON with a valid signature, and a large body
        broken = raw[: max(1, len(raw) // 2)]
        cases.append(
            Case(
                f"malformed JSON envelope {envelope}",
                "malformed",
                broken,
                (NO_SERVER_ERROR,),
                signed(broken),
                None,
                envelope,
                note="validly signed; any 4xx or 2xx is fine, a 5xx is not",
            )
        )
        large = encode(_pad(fresh(base), LARGE_BODY_BYTES))
        cases.append(
            Case(
                f"large body envelope {envelope}",
                "large",
                large,
                (NO_SERVER_ERROR,),
                signed(large),
                first.entry.event,
                envelope,
                note=f"{len(large)} bytes, validly signed",
            )
        )
    return cases


def _alter(body: Any) -> Any:
    """The same event with one value changed (what a tampering proxy would do)."""
    changed = copy.deepcopy(body)
    payload = _payload(changed)
    if payload is not None:
        payload["client_state"] = base64.b64encode(b"tampered").decode()
        return changed
    found = _event_id(changed)
    if found:
        return _set(changed, found[0], "00000000-0000-4000-8000-000000000000")
    return {**changed, "tampered": True}


def _pad(body: Any, size: int) -> Any:
    padded = copy.deepcopy(body)
    payload = _payload(padded)
    target = payload if payload is not None else padded
    target["x_fuzz_padding"] = "a" * size
    return padded
