"""The webhook expectation engine.

Given the `x-webhooks` steps of an operation (spec/README.md), the legs involved and the
command's `client_state`, it reads what the receiver got after the command was sent and
says what is wrong: webhooks missing, out of order or unexpected; a signature that does
not verify (Ed25519 over `{telnyx-timestamp}|{raw body}`); a body that breaks the spec's
webhook schema (the entry found by `x-event` + `x-envelope`); a `client_state` that is not
echoed; a webhook that names the wrong call.

Nothing here knows about schemathesis: fuzzer.hooks and fuzzer.callflows both use it.
"""

from __future__ import annotations

import base64
import binascii
import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from fuzzer.receiver import Received
from fuzzer.spec import SpecIndex, Step, WebhookEntry

SIGNATURE_HEADER = "telnyx-signature-ed25519"
TIMESTAMP_HEADER = "telnyx-timestamp"
TIMESTAMP_TOLERANCE = 300
MEDIA_EVENTS = {
    "call.playback.started": ("playback", True),
    "call.playback.ended": ("playback", False),
    "call.speak.started": ("speak", True),
    "call.speak.ended": ("speak", False),
}


class Source(Protocol):
    def fetch(self, after: int = 0) -> list[Received]: ...


def verify_signature(public_key_b64: str, headers: dict[str, str], body: bytes, now: float | None = None) -> str | None:
    """None when the webhook's signature verifies with the public key, else what is wrong."""
    signature = headers.get(SIGNATURE_HEADER)
    timestamp = headers.get(TIMESTAMP_HEADER)
    if not signature:
        return f"no {SIGNATURE_HEADER} header"
    if not timestamp:
        return f"no {TIMESTAMP_HEADER} header"
    if not timestamp.isdigit():
        return f"{TIMESTAMP_HEADER} is not Unix seconds: {timestamp!r}"
    now = time.time() if now is None else now
    if abs(now - int(timestamp)) > TIMESTAMP_TOLERANCE:
        return f"{TIMESTAMP_HEADER} {timestamp} is more than {TIMESTAMP_TOLERANCE} s away from now"
    try:
        key = VerifyKey(base64.b64decode(public_key_b64, validate=True))
        raw_signature = base64.b64decode(signature, validate=True)
    except (binascii.Error, ValueError) as exc:
        return f"unreadable signature or public key: {exc}"
    try:
        key.verify(timestamp.encode() + b"|" + body, raw_signature)
    except BadSignatureError:
        return "Ed25519 signature does not verify over '{timestamp}|{body}' with the public key"
    return None


@dataclass
class Webhook:
    """A received webhook, parsed and checked on its own."""

    received: Received
    body: Any = None
    entry: WebhookEntry | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def seq(self) -> int:
        return self.received.seq

    @property
    def event(self) -> str | None:
        return self.entry.event if self.entry else None

    @property
    def envelope(self) -> str | None:
        return self.entry.envelope if self.entry else None

    @property
    def call_control_id(self) -> str | None:
        value = self.payload.get("call_control_id")
        return value if isinstance(value, str) else None

    @property
    def call_leg_id(self) -> str | None:
        value = self.payload.get("call_leg_id")
        return value if isinstance(value, str) else None

    @property
    def client_state(self) -> Any:
        return self.payload.get("client_state")

    def describe(self) -> str:
        return f"#{self.seq} {self.event or '?'}"


def parse_webhook(index: SpecIndex, received: Received, public_key: str | None = None) -> Webhook:
    hook = Webhook(received)
    try:
        hook.body = json.loads(received.body)
    except ValueError:
        hook.problems.append("body is not JSON")
        return hook
    hook.entry = index.entry_for_body(hook.body)
    if hook.entry is None:
        hook.problems.append("event type is not one of the spec's webhooks (x-event-type at x-event-type-pointer)")
        return hook
    data = hook.body.get("data") if hook.entry.envelope == "2" else hook.body
    if isinstance(data, dict) and isinstance(data.get("payload"), dict):
        hook.payload = data["payload"]
    errors = sorted(index.validator(hook.entry).iter_errors(hook.body), key=lambda e: list(e.absolute_path))
    for error in errors[:3]:
        where = "/" + "/".join(str(p) for p in error.absolute_path)
        hook.problems.append(f"schema ({hook.entry.name}, envelope {hook.entry.envelope}) at {where}: {error.message}")
    if public_key:
        problem = verify_signature(public_key, received.headers, received.body)
        if problem:
            hook.problems.append(f"signature: {problem}")
    return hook


class WebhookLog:
    """Parsed, incrementally refreshed view of what a receiver got, with per-call facts."""

    def __init__(self, source: Source, index: SpecIndex, public_key: str | None = None) -> None:
        self.source = source
        self.index = index
        self.public_key = public_key
        self.hooks: list[Webhook] = []
        self.leg_to_control: dict[str, str] = {}
        self.control_to_leg: dict[str, str] = {}
        self.media: dict[str, set[str]] = {}
        self.ended: set[str] = set()

    @property
    def cursor(self) -> int:
        return self.hooks[-1].seq if self.hooks else 0

    def refresh(self) -> None:
        for received in self.source.fetch(self.cursor):
            hook = parse_webhook(self.index, received, self.public_key)
            self.hooks.append(hook)
            control, leg = hook.call_control_id, hook.call_leg_id
            if control and leg:
                self.control_to_leg.setdefault(control, leg)
                self.leg_to_control.setdefault(leg, control)
            control = self.control_of(hook)
            if control is None:
                continue
            if hook.event in MEDIA_EVENTS:
                kind, started = MEDIA_EVENTS[hook.event]
                (
                    self.media.setdefault(control, set()).add
                    if started
                    else self.media.setdefault(control, set()).discard
                )(kind)
            if hook.event == "call.hangup":
                self.ended.add(control)
                self.media.pop(control, None)

    def remember(self, call_control_id: str, call_leg_id: str | None) -> None:
        if call_leg_id:
            self.control_to_leg.setdefault(call_control_id, call_leg_id)
            self.leg_to_control.setdefault(call_leg_id, call_control_id)

    def control_of(self, hook: Webhook) -> str | None:
        """The call a webhook is about (recording_saved has no call_control_id: by call_leg_id)."""
        if hook.call_control_id:
            return hook.call_control_id
        if hook.call_leg_id:
            return self.leg_to_control.get(hook.call_leg_id)
        return None

    def since(self, cursor: int) -> list[Webhook]:
        return [hook for hook in self.hooks if hook.seq > cursor]

    def knows(self, call_control_id: str) -> bool:
        return any(self.control_of(hook) == call_control_id for hook in self.hooks)


# ---------------------------------------------------------------------------------------------
# Matching a sequence of (event, leg) against the steps


@dataclass(frozen=True)
class Slot:
    events: frozenset[str]
    leg: str
    low: int
    high: int  # -1: unbounded
    text: str


def slots_for(steps: Sequence[Step], conditions: dict[str, bool | None]) -> list[Slot]:
    slots = []
    for step in steps:
        low, high = 1, 1
        if step.repeat:
            low, high = 0, -1
        if step.optional:
            known = conditions.get(step.when) if step.when else None
            if known is True:
                low, high = 1, 1
            elif known is False:
                low, high = 0, 0
            else:
                low = 0
        slots.append(Slot(frozenset(step.events), step.leg, low, high, step.describe()))
    return slots


def _fits(slot: Slot, item: tuple[str, str]) -> bool:
    return item[0] in slot.events and item[1] == slot.leg


def _match(slots: list[Slot], seq: list[tuple[str, str]], prefix: bool) -> bool:
    """Whether seq matches the slots (or, with prefix, can still be completed to a match)."""

    def go(si: int, count: int, ej: int) -> bool:
        if ej == len(seq):
            if prefix:
                return True
            # the rest of the slots must accept zero more items
            if si < len(slots) and count < slots[si].low:
                return False
            return all(s.low == 0 for s in slots[si + 1 :])
        if si >= len(slots):
            return False
        slot = slots[si]
        if (slot.high == -1 or count < slot.high) and _fits(slot, seq[ej]) and go(si, count + 1, ej + 1):
            return True
        return count >= slot.low and go(si + 1, 0, ej)

    return go(0, 0, 0)


@dataclass
class Verdict:
    complete: bool
    problems: list[str]


def judge(slots: list[Slot], seq: list[tuple[str, str]], final: bool) -> Verdict:
    """complete: seq is a whole match (nothing more is needed); problems: what is wrong for sure."""
    expected = " -> ".join(s.text for s in slots) or "no webhooks"
    got = ", ".join(f"{e}" + (f"[{leg}]" if leg != "self" else "") for e, leg in seq) or "none"
    if _match(slots, seq, prefix=False):
        return Verdict(True, [])
    if _match(slots, seq, prefix=True):
        if final:
            return Verdict(False, [f"webhook(s) missing: expected {expected}; got {got}"])
        return Verdict(False, [])
    allowed = {(e, s.leg) for s in slots if s.high != 0 for e in s.events}
    if all(item in allowed for item in seq):
        required_ok = all(sum(1 for item in seq if _fits(s, item)) >= s.low for s in slots)
        counts_ok = all(
            s.high == -1 or sum(1 for item in seq if _fits(s, item)) <= s.high
            for s in slots
            if len({e for e in s.events}) == 1 and sum(1 for t in slots if t.events & s.events and t.leg == s.leg) == 1
        )
        if required_ok and counts_ok:
            return Verdict(True, [f"webhooks out of order: expected {expected}; got {got}"])
    return Verdict(True, [f"unexpected webhook(s): expected {expected}; got {got}"])


# ---------------------------------------------------------------------------------------------
# One command's expectation


@dataclass
class Expectation:
    """The webhooks one accepted command must produce."""

    label: str
    steps: Sequence[Step]
    legs: dict[str, str]  # "self"/"other" -> call_control_id
    cursor: int  # receiver seq before the command was sent
    client_state: str | None = None
    envelope: str | None = None  # the application's webhook_api_version, when known
    conditions: dict[str, bool | None] = field(default_factory=dict)
    known_controls: set[str] = field(default_factory=set)  # calls that existed before the command
    leg_envelopes: dict[str, str] = field(default_factory=dict)  # per leg, when it differs from `envelope`

    def relevant(self, log: WebhookLog) -> list[tuple[Webhook, str]]:
        """The webhooks after the cursor about the legs involved, with their leg name."""
        events = {e for step in self.steps for e in step.events}
        by_control = {control: leg for leg, control in self.legs.items()}
        wants_new = any(step.leg == "new" for step in self.steps)
        new_control: str | None = None
        result = []
        for hook in log.since(self.cursor):
            control = log.control_of(hook)
            if control is None:
                continue
            leg = by_control.get(control)
            if leg is None and wants_new and control not in self.known_controls:
                if new_control is None and hook.event == "call.initiated":
                    new_control = control
                if control == new_control:
                    leg = "new"
            if leg is None or hook.event not in events:
                continue
            result.append((hook, leg))
        return result

    def evaluate(self, log: WebhookLog, final: bool) -> Verdict:
        slots = slots_for(self.steps, self.conditions)
        pairs = self.relevant(log)
        verdict = judge(slots, [(hook.event or "?", leg) for hook, leg in pairs], final)
        problems = list(verdict.problems)
        for hook, leg in pairs:
            for problem in hook.problems:
                problems.append(f"{hook.describe()}: {problem}")
            envelope = self.leg_envelopes.get(leg, self.envelope if leg in ("self", "new") else None)
            if envelope and hook.envelope and hook.envelope != envelope:
                problems.append(
                    f"{hook.describe()}: envelope {hook.envelope}, the application's webhook_api_version is {envelope}"
                )
            if leg == "self" and self.client_state is not None and hook.client_state != self.client_state:
                problems.append(
                    f"{hook.describe()}: client_state {hook.client_state!r} does not echo the command's "
                    f"{self.client_state!r}"
                )
            control = self.legs.get(leg)
            if control and hook.call_control_id is None and hook.event != "call.recording.saved":
                problems.append(f"{hook.describe()}: no call_control_id")
            if control and hook.call_leg_id and log.control_to_leg.get(control) not in (None, hook.call_leg_id):
                problems.append(
                    f"{hook.describe()}: call_leg_id {hook.call_leg_id} is not the leg of call_control_id {control}"
                )
        return Verdict(verdict.complete, problems)

    def wait(
        self, log: WebhookLog, timeout: float, settle: float = 0.1, sleep: Callable[[float], None] = time.sleep
    ) -> list[str]:
        """Wait until the webhooks are complete (then `settle` more for extras) or `timeout`; problems."""
        deadline = time.monotonic() + timeout
        while True:
            log.refresh()
            verdict = self.evaluate(log, final=False)
            if verdict.problems and verdict.complete:
                sleep(settle)  # let the rest arrive, to say what is wrong precisely
                log.refresh()
                return self.evaluate(log, final=True).problems
            if verdict.complete:
                sleep(settle)
                log.refresh()
                return self.evaluate(log, final=True).problems
            if time.monotonic() >= deadline:
                return self.evaluate(log, final=True).problems
            sleep(0.05)


def no_new_webhooks(log: WebhookLog, controls: set[str], events: set[str], cursor: int, window: float) -> list[Webhook]:
    """Webhooks of the given events for the given calls after cursor, waiting `window` seconds."""
    time.sleep(window)
    log.refresh()
    return [h for h in log.since(cursor) if log.control_of(h) in controls and h.event in events]


def starts_a_set(log: WebhookLog, hook: Webhook, first: Step, legs: dict[str, str], known: set[str]) -> bool:
    """Whether a webhook begins a (second) set: the first step's event, on the first step's leg."""
    if hook.event not in first.events:
        return False
    control = log.control_of(hook)
    if first.leg == "new":
        return control not in known
    return control == legs.get(first.leg, legs["self"])
