"""Every check of the fuzzer, as pure functions that return typed failures (none: the property holds).

One small function per property, in the style of schemathesis' checks; no I/O, no clock, no
schemathesis. The adapters gather the facts and report what comes back:
`fuzzer.hooks` (inside `st run`: raises each failure as an AssertionError under its check's
name), `fuzzer.callflows` (the call-flow state machine: records them) and `fuzzer.hostile`
(the hostile-input phase).

Each failure class names its check (`check`), a one-line `title`, the `operation` it concerns
and structured fields; `message` renders it for people.

Checks and their failures:

- `webhooks_conformance`: `check_webhook_sequence` (over specmodel's `x-webhooks` slots) (WebhookMissingFailure,
  WebhookOrderFailure, UnexpectedWebhookFailure), `check_signature` (WebhookSignatureFailure),
  `check_webhook_schema` (UnknownWebhookFailure, WebhookSchemaFailure), `check_envelope`,
  `check_client_state`, `check_call_ids`, and NoWebhooksFailure when none ever arrives;
- `command_idempotency`: `check_command_repeat` (IdempotencyFailure);
- `call_state_conformance`: `check_call_state` (CallStateFailure);
- `response_urls_parse`: `check_response_urls` (UnparseableUrlFailure: a value that breaks a URL
  parser, as schemathesis' own link inference);
- hostile input: `check_hostile_response` (`hostile_no_server_error`,
  `hostile_documented_status`, `hostile_input_rejected`) and `check_follow_up`
  (`hostile_server_still_works`, `hostile_capacity_released`).
"""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, ClassVar
from urllib.parse import urlsplit

from specmodel import Slot, WebhookSignature, WebhookStep, matches

ENDED_STATE = "hangup"  # spec/README.md, x-call-states: a call that has ended
ENDED_CODE = "90018"  # ... is refused with 422 and this code
NOT_ABOUT_STATE = (400, 401, 403, 404)  # answers that are about the request, not the call's state


@dataclass(frozen=True)
class Failure:
    check: ClassVar[str]
    title: ClassVar[str]
    operation: str

    @property
    def message(self) -> str:
        raise NotImplementedError

    def __str__(self) -> str:
        return f"{self.operation}: {self.message}" if self.operation else self.message


# ---------------------------------------------------------------------------------------------
# webhooks_conformance


@dataclass(frozen=True)
class WebhookSequenceFailure(Failure):
    check: ClassVar[str] = "webhooks_conformance"
    expected: str
    got: str


@dataclass(frozen=True)
class WebhookMissingFailure(WebhookSequenceFailure):
    title: ClassVar[str] = "webhook missing"

    @property
    def message(self) -> str:
        return f"webhook(s) missing: expected {self.expected}; got {self.got}"


@dataclass(frozen=True)
class WebhookOrderFailure(WebhookSequenceFailure):
    title: ClassVar[str] = "webhooks out of order"

    @property
    def message(self) -> str:
        return f"webhooks out of order: expected {self.expected}; got {self.got}"


@dataclass(frozen=True)
class UnexpectedWebhookFailure(WebhookSequenceFailure):
    title: ClassVar[str] = "unexpected webhook"

    @property
    def message(self) -> str:
        return f"unexpected webhook(s): expected {self.expected}; got {self.got}"


@dataclass(frozen=True)
class WebhookFailure(Failure):
    """A failure of one received webhook (`webhook` describes it: `#seq event`)."""

    check: ClassVar[str] = "webhooks_conformance"
    webhook: str


@dataclass(frozen=True)
class WebhookSignatureFailure(WebhookFailure):
    title: ClassVar[str] = "bad webhook signature"
    reason: str

    @property
    def message(self) -> str:
        return f"{self.webhook}: signature: {self.reason}"


@dataclass(frozen=True)
class UnknownWebhookFailure(WebhookFailure):
    title: ClassVar[str] = "webhook of no known event type"
    reason: str

    @property
    def message(self) -> str:
        return f"{self.webhook}: {self.reason}"


@dataclass(frozen=True)
class WebhookSchemaFailure(WebhookFailure):
    title: ClassVar[str] = "webhook breaks the spec schema"
    entry: str
    envelope: str
    pointer: str
    error: str

    @property
    def message(self) -> str:
        return f"{self.webhook}: schema ({self.entry}, envelope {self.envelope}) at {self.pointer}: {self.error}"


@dataclass(frozen=True)
class WebhookEnvelopeFailure(WebhookFailure):
    title: ClassVar[str] = "webhook in the wrong envelope"
    expected: str
    got: str

    @property
    def message(self) -> str:
        return f"{self.webhook}: envelope {self.got}, the application's webhook_api_version is {self.expected}"


@dataclass(frozen=True)
class ClientStateFailure(WebhookFailure):
    title: ClassVar[str] = "client_state not echoed"
    expected: str
    got: Any

    @property
    def message(self) -> str:
        return f"{self.webhook}: client_state {self.got!r} does not echo the command's {self.expected!r}"


@dataclass(frozen=True)
class CallIdFailure(WebhookFailure):
    title: ClassVar[str] = "webhook names the wrong call"
    problem: str

    @property
    def message(self) -> str:
        return f"{self.webhook}: {self.problem}"


@dataclass(frozen=True)
class NoWebhooksFailure(Failure):
    check: ClassVar[str] = "webhooks_conformance"
    title: ClassVar[str] = "no webhook ever arrived"
    receiver: str
    commands: int
    waited: float

    @property
    def message(self) -> str:
        return (
            f"no webhook arrived at the receiver {self.receiver} after {self.commands} accepted command(s) "
            f"({self.waited:.0f} s of waiting); webhook checks are skipped from here on. Does the server send "
            "webhooks, and can it reach the receiver (webhook_event_url)?"
        )


def _count(slot: Slot, seq: list[tuple[str, str]]) -> int:
    return sum(1 for item in seq if slot.fits(item))


def check_webhook_sequence(
    operation: str, slots: list[Slot], seq: list[tuple[str, str]], final: bool
) -> tuple[bool, WebhookSequenceFailure | None]:
    """(complete, failure): whether (event, leg) pairs so far are a whole match, and what is wrong for sure.

    With `final` False a prefix that can still be completed is no failure (wait for more).
    """
    expected = " -> ".join(s.text for s in slots) or "no webhooks"
    got = ", ".join(e + (f"[{leg}]" if leg != "self" else "") for e, leg in seq) or "none"
    if matches(slots, seq):
        return True, None
    if matches(slots, seq, prefix=True):
        return False, WebhookMissingFailure(operation, expected, got) if final else None
    allowed = {(e, s.leg) for s in slots if s.high != 0 for e in s.events}
    if all(item in allowed for item in seq):
        required_ok = all(_count(s, seq) >= s.low for s in slots)
        counts_ok = all(
            s.high == -1 or _count(s, seq) <= s.high
            for s in slots
            if len(s.events) == 1 and sum(1 for t in slots if t.events & s.events and t.leg == s.leg) == 1
        )
        if required_ok and counts_ok:
            return True, WebhookOrderFailure(operation, expected, got)
    return True, UnexpectedWebhookFailure(operation, expected, got)


def check_signature(
    signature: WebhookSignature,
    public_key_b64: str,
    headers: Mapping[str, str],
    body: bytes,
    now: float,
    webhook: str = "",
) -> WebhookSignatureFailure | None:
    """The webhook verifies as `x-webhook-signature` says: header names, message template, tolerance."""

    def fail(reason: str) -> WebhookSignatureFailure:
        return WebhookSignatureFailure("", webhook, reason)

    sig_header, ts_header = signature.signature_header, signature.timestamp_header
    value, timestamp = headers.get(sig_header), headers.get(ts_header)
    if not value:
        return fail(f"no {sig_header} header")
    if not timestamp:
        return fail(f"no {ts_header} header")
    if not timestamp.isdigit():
        return fail(f"{ts_header} is not Unix seconds: {timestamp!r}")
    if abs(now - int(timestamp)) > signature.tolerance:
        return fail(f"{ts_header} {timestamp} is more than {signature.tolerance} s away from now")
    if signature.algorithm.lower() != "ed25519":
        return fail(f"algorithm {signature.algorithm!r} is not one the fuzzer verifies (ed25519)")
    from nacl.exceptions import BadSignatureError
    from nacl.signing import VerifyKey

    try:
        key = VerifyKey(base64.b64decode(public_key_b64, validate=True))
        raw = base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as exc:
        return fail(f"unreadable signature or public key: {exc}")
    try:
        key.verify(signature.message_for(timestamp, body), raw)
    except BadSignatureError:
        return fail(f"Ed25519 signature does not verify over {signature.message!r} with the public key")
    return None


def check_webhook_schema(
    entry: Any, errors: Sequence[Any], webhook: str = ""
) -> list[UnknownWebhookFailure | WebhookSchemaFailure]:
    """The webhook is a known entry (its x-event-type at its x-event-type-pointer) and validates (first 3 errors)."""
    if entry is None:
        reason = "event type is not one of the spec's webhooks (x-event-type at x-event-type-pointer)"
        return [UnknownWebhookFailure("", webhook, reason)]
    ordered = sorted(errors, key=lambda e: [str(p) for p in e.absolute_path])
    return [
        WebhookSchemaFailure(
            "", webhook, entry.name, entry.envelope, "/" + "/".join(str(p) for p in e.absolute_path), e.message
        )
        for e in ordered[:3]
    ]


def check_envelope(
    operation: str, webhook: str, expected: str | None, got: str | None
) -> WebhookEnvelopeFailure | None:
    if expected and got and expected != got:
        return WebhookEnvelopeFailure(operation, webhook, expected, got)
    return None


def check_client_state(operation: str, webhook: str, expected: str | None, got: Any) -> ClientStateFailure | None:
    if expected is not None and got != expected:
        return ClientStateFailure(operation, webhook, expected, got)
    return None


def check_call_ids(
    operation: str,
    webhook: str,
    event: str | None,
    control: str | None,
    call_control_id: str | None,
    call_leg_id: str | None,
    leg_of_control: str | None,
) -> CallIdFailure | None:
    """A webhook about a call names it: call_control_id (recording_saved: by leg), and that call's leg."""
    if control and call_control_id is None and event != "call.recording.saved":
        return CallIdFailure(operation, webhook, "no call_control_id")
    if control and call_leg_id and leg_of_control not in (None, call_leg_id):
        return CallIdFailure(
            operation, webhook, f"call_leg_id {call_leg_id} is not the leg of call_control_id {control}"
        )
    return None


# ---------------------------------------------------------------------------------------------
# command_idempotency


@dataclass(frozen=True)
class IdempotencyFailure(Failure):
    check: ClassVar[str] = "command_idempotency"
    title: ClassVar[str] = "repeated command_id not ignored"
    field: str
    command_id: str
    status: int
    body: str
    second_set: tuple[str, ...]

    @property
    def message(self) -> str:
        parts = []
        if not 200 <= self.status < 300:
            parts.append(
                f"the same command with the same {self.field} {self.command_id!r} was answered {self.status}, "
                f"not 2xx: {self.body[:200]}"
            )
        if self.second_set:
            parts.append(
                f"the repeated {self.field} {self.command_id!r} produced a second set of webhooks: "
                + ", ".join(self.second_set)
            )
        return "\n".join(parts)


def starts_a_set(
    event: str | None, control: str | None, first: WebhookStep, legs: Mapping[str, str], known: set[str]
) -> bool:
    """Whether a webhook begins a (second) set: the first step's event, on the first step's leg."""
    if event not in first.events:
        return False
    if first.leg == "new":
        return control not in known
    return control == legs.get(first.leg, legs["self"])


def check_command_repeat(
    operation: str,
    field: str,
    command_id: str,
    status: int,
    body: str,
    after: Sequence[tuple[str, str | None, str]],
    steps: Sequence[WebhookStep],
    legs: Mapping[str, str],
    known: set[str],
) -> IdempotencyFailure | None:
    """The same command again with the same idempotency field: 2xx, and no webhook begins a second set.

    `after`: (event, call_control_id, description) of the webhooks received after the repeat.
    """
    second = tuple(d for event, control, d in after if steps and starts_a_set(event, control, steps[0], legs, known))
    if 200 <= status < 300 and not second:
        return None
    return IdempotencyFailure(operation, field, command_id, status, body, second)


# ---------------------------------------------------------------------------------------------
# call_state_conformance


@dataclass(frozen=True)
class CallStateFailure(Failure):
    check: ClassVar[str] = "call_state_conformance"
    state: str
    allowed: tuple[str, ...]
    status: int
    body: str

    @property
    def title(self) -> str:  # type: ignore[override]
        return (
            "command accepted after hangup" if self.state == ENDED_STATE else "command accepted in a wrong call state"
        )

    @property
    def message(self) -> str:
        if self.state == ENDED_STATE:
            return f"the call had ended; expected 422 with code {ENDED_CODE}, got {self.status}: {self.body[:200]}"
        return (
            f"in call state {self.state!r} (x-call-states: {', '.join(self.allowed)}) expected 422, got {self.status}: "
            f"{self.body[:200]}"
        )


def check_call_state(
    operation: str,
    allowed: Sequence[str] | None,
    before: str | None,
    status: int,
    codes: set[str],
    body: str = "",
    *,
    conclusive: bool = True,
    repeated: bool = False,
) -> CallStateFailure | None:
    """A command outside its `x-call-states` is refused with 422; on an ended call with 422 / 90018.

    `conclusive`: the request was valid, so a refusal must be the state's (negative data may be
    refused for its data first). A repeat of an accepted command_id is answered 2xx whatever the state.
    """
    if allowed is None or before is None or repeated or status in NOT_ABOUT_STATE:
        return None
    accepted = 200 <= status < 300
    if before == ENDED_STATE:
        if accepted or (conclusive and (status != 422 or ENDED_CODE not in codes)):
            return CallStateFailure(operation, before, tuple(allowed), status, body)
        return None
    if before not in allowed and (accepted or (conclusive and status != 422)):
        return CallStateFailure(operation, before, tuple(allowed), status, body)
    return None


def error_codes(body: str | bytes) -> set[str]:
    """The `code`s of an `errors` body (none when it is not one)."""
    try:
        return {str(e.get("code")) for e in json.loads(body)["errors"] if isinstance(e, dict)}
    except (ValueError, KeyError, TypeError, AttributeError):
        return set()


# ---------------------------------------------------------------------------------------------
# response_urls_parse


@dataclass(frozen=True)
class UnparseableUrlFailure(Failure):
    check: ClassVar[str] = "response_urls_parse"
    title: ClassVar[str] = "response field is not a parseable URL"
    pointer: str
    value: str
    error: str

    @property
    def message(self) -> str:
        where = "/".join("*" if token.isdigit() else token for token in self.pointer.split("/"))
        return (
            f"response field {where} does not parse as a URL ({self.error}); it broke schemathesis' link "
            f"inference (reported here, the run goes on)\nvalue: {self.value[:200]!r}"
        )


def _strings(document: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(document, str):
        yield pointer, document
    elif isinstance(document, dict):
        for key, value in document.items():
            yield from _strings(value, f"{pointer}/{str(key).replace('~', '~0').replace('/', '~1')}")
    elif isinstance(document, list):
        for i, value in enumerate(document):
            yield from _strings(value, f"{pointer}/{i}")


def check_response_urls(operation: str, document: Any) -> list[UnparseableUrlFailure]:
    """Strings of a response that look like URLs (http(s)://, /path) must parse (urllib.parse.urlsplit)."""
    failures: dict[str, UnparseableUrlFailure] = {}
    for pointer, value in _strings(document):
        if not value.startswith(("http://", "https://", "/")):
            continue
        try:
            urlsplit(value)
        except ValueError as exc:
            failure = UnparseableUrlFailure(operation, pointer or "/", value, str(exc))
            failures.setdefault(failure.message.split(" does not parse")[0], failure)  # one per field of a list
    return list(failures.values())


# ---------------------------------------------------------------------------------------------
# hostile input


@dataclass(frozen=True)
class HostileFailure(Failure):
    target: str  # where the input went: "body /inbound/channel_limit", "query page[number]"
    input: str  # which hostile input: "lone surrogate", "nesting 950", ...
    status: int | None  # None: no answer (connection closed, timeout)
    body: str

    def _got(self) -> str:
        return f"{self.status}" if self.status is not None else "no answer"


@dataclass(frozen=True)
class HostileServerErrorFailure(HostileFailure):
    check: ClassVar[str] = "hostile_no_server_error"
    title: ClassVar[str] = "server error on hostile input"

    @property
    def message(self) -> str:
        return f"{self.input} in {self.target}: answered {self._got()} {self.body[:200]}"


@dataclass(frozen=True)
class HostileUndocumentedStatusFailure(HostileFailure):
    check: ClassVar[str] = "hostile_documented_status"
    title: ClassVar[str] = "undocumented status on hostile input"
    documented: tuple[str, ...]

    @property
    def message(self) -> str:
        return (
            f"{self.input} in {self.target}: answered {self._got()}, which the operation does not document "
            f"({', '.join(self.documented)}): {self.body[:200]}"
        )


@dataclass(frozen=True)
class HostileAcceptedFailure(HostileFailure):
    check: ClassVar[str] = "hostile_input_rejected"
    title: ClassVar[str] = "hostile input accepted"
    why: str

    @property
    def message(self) -> str:
        return f"{self.input} in {self.target}: accepted ({self._got()}), expected a 4xx: {self.why}"


def check_hostile_response(
    operation: str,
    target: str,
    input: str,
    status: int | None,
    body: str,
    documented: Sequence[str],
    must_reject: str | None,
) -> list[HostileFailure]:
    """A hostile input is answered, never with a 5xx, with a documented status; refused when it must be.

    `must_reject`: why the input is invalid (unencodable, not UTF-8, out of any range, against the
    schema), or None when the server may accept it.
    """
    failures: list[HostileFailure] = []
    if status is None or status >= 500:
        return [HostileServerErrorFailure(operation, target, input, status, body)]
    statuses = {str(status), f"{str(status)[0]}XX", "default"}
    if not statuses & set(documented):
        failures.append(HostileUndocumentedStatusFailure(operation, target, input, status, body, tuple(documented)))
    if must_reject and 200 <= status < 300:
        failures.append(HostileAcceptedFailure(operation, target, input, status, body, must_reject))
    return failures


@dataclass(frozen=True)
class FollowUpFailure(Failure):
    after: str  # the hostile inputs sent since the last good follow-up
    expected: int
    got: int | None
    body: str


@dataclass(frozen=True)
class ServerBrokenFailure(FollowUpFailure):
    check: ClassVar[str] = "hostile_server_still_works"
    title: ClassVar[str] = "server broken by hostile input"

    @property
    def message(self) -> str:
        got = f"{self.got} {self.body[:200]}" if self.got is not None else f"no answer ({self.body[:200]})"
        return f"after {self.after}, a valid request that was answered {self.expected} now gets {got}"


@dataclass(frozen=True)
class CapacityLeakFailure(FollowUpFailure):
    check: ClassVar[str] = "hostile_capacity_released"
    title: ClassVar[str] = "failed requests left state behind"

    @property
    def message(self) -> str:
        return (
            f"after {self.after}, a valid request that was answered {self.expected} is now refused with "
            f"{self.got}: {self.body[:200]} (the failed requests left something behind: a capacity consumed?)"
        )


def check_follow_up(
    operation: str, after: str, expected: int, got: int | None, body: str
) -> ServerBrokenFailure | CapacityLeakFailure | None:
    """A valid request after hostile inputs is answered as it was before them.

    No answer or a 5xx: the server is broken; a 4xx where it was 2xx: state was left behind.
    """
    if got is None or got >= 500:
        return ServerBrokenFailure(operation, after, expected, got, body)
    if 200 <= expected < 300 and not 200 <= got < 300:
        return CapacityLeakFailure(operation, after, expected, got, body)
    return None


# ---------------------------------------------------------------------------------------------


def with_operation(failure: Failure, operation: str) -> Failure:
    """The failure, about `operation` (per-webhook failures are found before the command is known)."""
    return replace(failure, operation=operation)


ALL_CHECKS: tuple[str, ...] = (
    "webhooks_conformance",
    "command_idempotency",
    "call_state_conformance",
    "response_urls_parse",
    "hostile_no_server_error",
    "hostile_documented_status",
    "hostile_input_rejected",
    "hostile_server_still_works",
    "hostile_capacity_released",
)
