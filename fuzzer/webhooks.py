"""What the receiver got, parsed and remembered per call, and the wait for one command's webhooks.

`WebhookLog` reads the receiver incrementally, parses each webhook once (its entry found by
`x-event-type` at `x-event-type-pointer`, its body validated, its signature verified as
`x-webhook-signature` says: the per-webhook checks of fuzzer.checks) and keeps per-call facts
(legs, media playing, ended). `Expectation.wait` waits for the webhooks of one accepted command
and judges them with fuzzer.checks. Nothing here knows about schemathesis: fuzzer.hooks and
fuzzer.callflows both use it.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol, TypeVar

from fuzzer import checks
from fuzzer.checks import Failure, NoWebhooksFailure
from fuzzer.receiver import Received
from fuzzer.spec import SpecIndex, Step, WebhookEntry
from specmodel import slots_for

MEDIA_EVENTS = {
    "call.playback.started": ("playback", True),
    "call.playback.ended": ("playback", False),
    "call.speak.started": ("speak", True),
    "call.speak.ended": ("speak", False),
}
T = TypeVar("T")


class Source(Protocol):
    def fetch(self, after: int = 0) -> list[Received]: ...


@dataclass
class Webhook:
    """A received webhook, parsed and checked on its own."""

    received: Received
    body: Any = None
    entry: WebhookEntry | None = None
    payload: dict[str, Any] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)

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


def parse_webhook(
    index: SpecIndex, received: Received, public_key: str | None = None, now: float | None = None
) -> Webhook:
    hook = Webhook(received)
    try:
        hook.body = json.loads(received.body)
    except ValueError:
        hook.failures.append(checks.UnknownWebhookFailure("", hook.describe(), "body is not JSON"))
        return hook
    hook.entry = index.entry_for_body(hook.body)
    errors = list(index.validator(hook.entry).iter_errors(hook.body)) if hook.entry else []
    hook.failures += checks.check_webhook_schema(hook.entry, errors, hook.describe())
    if hook.entry is None:
        return hook
    # the event's object holds the event type (x-event-type-pointer) and its payload
    container = hook.body
    for token in hook.entry.pointer_tokens[:-1]:  # specmodel's reading of x-event-type-pointer
        container = container.get(token) if isinstance(container, dict) else None
    if isinstance(container, dict) and isinstance(container.get("payload"), dict):
        hook.payload = container["payload"]
    if public_key and index.signature is not None:
        failure = checks.check_signature(
            index.signature,
            public_key,
            received.headers,
            received.body,
            time.time() if now is None else now,
            hook.describe(),
        )
        if failure:
            hook.failures.append(failure)
    return hook


class WebhookLog:
    """Parsed, incrementally refreshed view of what a receiver got, with per-call facts.

    It also notices a server that sends no webhooks at all: the first wait that times out while
    the receiver has never received anything makes the log `silent`; from then on waits return at
    once (one NoWebhooksFailure says why) until a webhook does arrive.
    """

    def __init__(self, source: Source, index: SpecIndex, public_key: str | None = None, receiver: str = "") -> None:
        self.source = source
        self.index = index
        self.public_key = public_key
        self.receiver = receiver or str(getattr(source, "url", ""))
        self.hooks: list[Webhook] = []
        self.leg_to_control: dict[str, str] = {}
        self.control_to_leg: dict[str, str] = {}
        self.media: dict[str, set[str]] = {}
        self.ended: set[str] = set()
        self.silent = False
        self.reported = False  # the NoWebhooksFailure was reported (once)
        self.waited = 0.0  # seconds waited with nothing ever received
        self.commands = 0  # accepted commands waited for with nothing ever received

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
                playing = self.media.setdefault(control, set())
                (playing.add if started else playing.discard)(kind)
            if hook.event == "call.hangup":
                self.ended.add(control)
                self.media.pop(control, None)
        if self.hooks:
            self.silent = False

    def mark_silent(self) -> None:
        """Nothing ever arrived: say so once, and wait no more (until a webhook does arrive)."""
        if not self.silent:
            self.silent = True
            print(
                f"fuzzer: no webhook has arrived at {self.receiver or 'the receiver'}; "
                "webhook checks are skipped until one does",
                flush=True,
            )

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

    def controls(self, upto: int | None = None) -> set[str]:
        """Every call a webhook was about (up to a cursor)."""
        return {c for c in (self.control_of(h) for h in self.hooks if upto is None or h.seq <= upto) if c}

    def around(
        self, send: Callable[[], T], settle: float, sleep: Callable[[float], None] = time.sleep
    ) -> tuple[T, list[Webhook]]:
        """Run `send` and return its result with the webhooks that arrived after it (within `settle`)."""
        self.refresh()
        cursor = self.cursor
        result = send()
        sleep(settle)
        self.refresh()
        return result, self.since(cursor)


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

    def evaluate(self, log: WebhookLog, final: bool) -> tuple[bool, list[Failure]]:
        """(complete, failures) of what arrived so far."""
        pairs = self.relevant(log)
        slots = slots_for(self.steps, self.conditions)
        complete, sequence = checks.check_webhook_sequence(
            self.label, slots, [(hook.event or "?", leg) for hook, leg in pairs], final
        )
        failures: list[Failure] = [sequence] if sequence else []
        for hook, leg in pairs:
            failures += [checks.with_operation(f, self.label) for f in hook.failures]
            envelope = self.leg_envelopes.get(leg, self.envelope if leg in ("self", "new") else None)
            control = self.legs.get(leg)
            found = [
                checks.check_envelope(self.label, hook.describe(), envelope, hook.envelope),
                checks.check_client_state(
                    self.label, hook.describe(), self.client_state if leg == "self" else None, hook.client_state
                ),
                checks.check_call_ids(
                    self.label,
                    hook.describe(),
                    hook.event,
                    control,
                    hook.call_control_id,
                    hook.call_leg_id,
                    log.control_to_leg.get(control) if control else None,
                ),
            ]
            failures += [f for f in found if f is not None]
        return complete, failures

    def wait(
        self,
        log: WebhookLog,
        timeout: float,
        settle: float = 0.1,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> list[Failure]:
        """Wait until the webhooks are complete (then `settle` more for extras) or `timeout`; the failures."""
        log.refresh()
        if log.silent and not log.hooks:
            if log.reported:
                return []  # said once already: the server sends no webhooks
            log.reported = True
            return [NoWebhooksFailure(self.label, log.receiver, max(1, log.commands), log.waited)]
        started = clock()
        deadline = started + timeout
        while True:
            log.refresh()
            complete, _ = self.evaluate(log, final=False)
            if complete:
                sleep(settle)  # let the rest arrive, to say what is wrong precisely
                log.refresh()
                return self.evaluate(log, final=True)[1]
            if clock() >= deadline:
                if not log.hooks:  # nothing, ever: the server sends no webhooks (or cannot reach us)
                    log.commands += 1
                    log.waited += clock() - started
                    log.mark_silent()
                    log.reported = True
                    return [NoWebhooksFailure(self.label, log.receiver, log.commands, log.waited)]
                return self.evaluate(log, final=True)[1]
            sleep(0.05)


def repeat_and_judge(
    log: WebhookLog, op: Any, command_id: str, legs: dict[str, str], send: Callable[[], tuple[int, str]], timeout: float
) -> Failure | None:
    """command_idempotency: send the accepted command again (`send`), then judge the answer and the webhooks."""
    known = log.controls()
    (status, text), after = log.around(send, min(0.2, timeout / 4))
    return checks.check_command_repeat(
        op.label,
        op.idempotency_field,
        command_id,
        status,
        text,
        [(h.event or "?", log.control_of(h), h.describe()) for h in after],
        op.webhooks or (),
        legs,
        known,
    )
