"""Schemathesis hooks module (SCHEMATHESIS_HOOKS=fuzzer.hooks): the adapter of fuzzer.checks to `st run`.

The checks themselves are pure functions in fuzzer.checks; here each is registered with
`@schemathesis.check` (so it runs after every response, next to the built-in checks, in every
phase), fed the facts it needs, and its typed failures raised as one AssertionError:

- `webhooks_conformance`: after a 2xx command (or dial) on a call whose webhooks come to
  the fuzzer's receiver, the webhooks of the operation's `x-webhooks` list arrive, in
  order, within the timeout; each verifies (`x-webhook-signature`), validates against the
  spec's webhook schema, echoes the command's client_state and names the right call.
- `command_idempotency`: the same command sent again with the same `command_id` is
  answered 2xx and produces no second set of webhooks.
- `call_state_conformance`: a command on a call in a state outside its `x-call-states` is
  refused with 422; on a call that has ended with 422 / 90018.
- `response_urls_parse`: URL-like strings of a response parse (one that does not would crash
  schemathesis' link inference, which is guarded here so that the run goes on).

A `before_call` hook steers part of the generated requests toward live calls (a fresh
answered or parked call of the fuzzer's application, or one that has ended) and part of
the dials toward the fuzzer's application, so that commands are accepted and the checks
above have something to check. Configuration comes from FUZZER_* environment variables
that `python -m fuzzer` sets (see fuzzer/README.md).
"""

from __future__ import annotations

import json
import os
import random
import threading
import time
import uuid
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import schemathesis

from fuzzer import checks
from fuzzer.live import App, Live, new_client_state
from fuzzer.receiver import ReceiverClient
from fuzzer.spec import Operation, load_index
from fuzzer.target import Credentials
from fuzzer.webhooks import Expectation, WebhookLog, repeat_and_judge

INDEX = load_index(*(Path(p) for p in os.environ.get("FUZZER_SPECS", "").split(os.pathsep) if p))
# The document this `st run` fuzzes (V1's and V2's `POST /calls` have the same label: each run
# looks its operations up in its own document); unset: the first one.
DOCUMENT = INDEX.document(os.environ.get("FUZZER_DOCUMENT") or None)
_LOCK = threading.RLock()


class _State:
    def __init__(self) -> None:
        env = os.environ
        self.receiver_url = env.get("FUZZER_RECEIVER_URL", "")
        self.base_url = env.get("FUZZER_BASE_URL", "").rstrip("/")
        self.sim_url = env.get("FUZZER_SIM_URL") or None
        self.public_key = env.get("FUZZER_PUBLIC_KEY") or None
        self.timeout = float(env.get("FUZZER_WEBHOOK_TIMEOUT", "5"))
        self.steer = float(env.get("FUZZER_STEER", "0.5"))
        self.rng = random.Random(int(env.get("FUZZER_SEED", "0")))
        apps = [item.split(":") for item in env.get("FUZZER_APPS", "").split(",") if item]
        self.enabled = bool(self.receiver_url and self.base_url)
        self.log = WebhookLog(ReceiverClient(self.receiver_url), INDEX, self.public_key) if self.enabled else None
        if self.log is not None and env.get("FUZZER_NO_WEBHOOKS") == "1":
            self.log.silent = self.log.reported = True  # the fuzzer found and reported it before this run
        self.live: Live | None = None
        if self.enabled and self.log is not None:
            self.live = Live(
                self.base_url, Credentials.from_env(), self.log, sim_url=self.sim_url, timeout=self.timeout
            )
            self.live.apps = [App(id=i, envelope=e) for i, e in apps]
        self.cursor: dict[str, int] = {}  # case id -> receiver cursor before the request
        self.steered: set[str] = set()  # case ids whose body the fuzzer made bounded
        self.state_before: dict[str, str | None] = {}
        self.sim_before: dict[str, dict[str, Any]] = {}
        self.envelope: dict[str, str] = {}  # call_control_id -> envelope
        self.recording: dict[str, bool] = {}
        # (call or "dial", command_id) -> when the server may have started its window (classify_send)
        self.refs: dict[tuple[str, str], set[float]] = {}
        self.repeat_of: dict[str, bool | None] = {}  # case id -> its accepted send repeated an earlier one
        self.planted: set[str] = set()
        self.ours: list[str] = []
        self.dictionary = [w for w in env.get("FUZZER_DICTIONARY", "").split(",") if w]


_STATE: _State | None = None


def state() -> _State:
    global _STATE
    with _LOCK:
        if _STATE is None:
            _STATE = _State()
        return _STATE


def operation_of(case: Any) -> Operation | None:
    return DOCUMENT.operations.get(case.operation.label)


def _phase(case: Any) -> str | None:
    meta = getattr(case, "meta", None)
    phase = getattr(meta, "phase", None)
    name = getattr(phase, "name", None)
    return getattr(name, "value", name)


# ---------------------------------------------------------------------------------------------
# Steering: live calls for commands, the fuzzer's application for dials


def _take_call(st: _State, wanted: str) -> str | None:
    """A call of the fuzzer in the wanted state, quiet (no media, no gather); made on demand."""
    live, log = st.live, st.log
    assert live is not None and log is not None
    log.refresh()
    for candidate in reversed(st.ours[-12:]):
        ended = candidate in log.ended
        if (wanted == "hangup") != ended or log.media.get(candidate):
            continue
        if live.sim is not None:
            data = live.state(candidate) or {}
            if data.get("state") != wanted or data.get("gathering") or data.get("ringing"):
                continue
        elif wanted not in ("answered", "hangup"):
            continue
        return candidate
    app = st.rng.choice(live.apps)
    try:
        if wanted == "parked":
            call = live.parked_call(app)
        else:
            call = live.answered_call(app)
            if call is not None and wanted == "hangup":
                cursor = log.cursor
                live.hangup(call.call_control_id)
                live.wait_event(call.call_control_id, "call.hangup", cursor)
    except (RuntimeError, httpx.HTTPError):
        return None
    if call is None:
        return None
    st.envelope[call.call_control_id] = app.envelope
    st.ours.append(call.call_control_id)
    return call.call_control_id


def _bound_body(command: str, body: dict[str, Any]) -> None:
    """Keep the simulated durations of a steered command short, so its webhooks come in time."""
    if command == "playback_start":
        loop = body.get("loop")
        if (
            loop == "infinity"
            or (isinstance(loop, (int, float)) and not isinstance(loop, bool) and loop > 2)
            or (isinstance(loop, str) and loop.isdigit() and int(loop) > 2)
        ):
            body["loop"] = 1
    if command in ("gather", "gather_using_audio", "gather_using_speak"):
        for name, cap in (
            ("timeout_millis", 3000),
            ("initial_timeout_millis", 3000),
            ("inter_digit_timeout_millis", 3000),
            ("maximum_tries", 2),
        ):
            value = body.get(name)
            if isinstance(value, (int, float)) and not isinstance(value, bool) and value > cap:
                body[name] = cap
        for name in ("payload", "invalid_payload"):  # speech lasts as long as its text
            if isinstance(body.get(name), str) and len(body[name]) > 40:
                body[name] = body[name][:40]
    if command == "speak" and isinstance(body.get("payload"), str) and len(body["payload"]) > 40:
        body["payload"] = body["payload"][:40]
    if command == "transfer":
        body.pop("timeout_secs", None)
        body.pop("time_limit_secs", None)


@schemathesis.hook
def before_call(context: Any, case: Any, kwargs: dict[str, Any]) -> None:
    st = state()
    if not st.enabled or st.log is None:
        return
    op = operation_of(case)
    with _LOCK:
        if op is not None and op.command and st.live is not None and st.live.apps:
            _steer(st, op, case)
        if st.dictionary and isinstance(case.body, dict) and case.id not in st.planted and st.rng.random() < 0.3:
            _plant(st, case)
        st.log.refresh()
        st.cursor[case.id] = st.log.cursor
        if op is not None and op.command and op.command != "dial":
            control = _control(case)
            if isinstance(control, str) and st.live is not None:
                data = st.live.state(control) if _known(st, control) else None
                st.sim_before[case.id] = data or {}
                st.state_before[case.id] = (
                    str(data["state"]) if data else (st.live.call_state(control) if _known(st, control) else None)
                )


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    """Remember accepted command_ids: a repeat is answered 200 and does nothing (spec CommandId)."""
    st = state()
    op = operation_of(case)
    if not st.enabled or op is None or not op.idempotency_field or not 200 <= response.status_code < 300:
        return
    command_id = case.body.get(op.idempotency_field) if isinstance(case.body, dict) else None
    if not isinstance(command_id, str) or not command_id:
        return
    with _LOCK:
        st.repeat_of[case.id] = classify_send(st.refs, (_scope(op, case), command_id), time.time())


def _control(case: Any) -> Any:
    """The case's call_control_id as the server reads it (schemathesis may send `v1:x` as `v1%3Ax`)."""
    control = (case.path_parameters or {}).get("call_control_id")
    return unquote(control) if isinstance(control, str) else control


def _scope(op: Operation, case: Any) -> str:
    if op.command == "dial":
        return "dial"
    return str(_control(case))


# The spec's CommandId: a command_id repeated on the same call within 60 seconds is ignored. The
# fuzzer's clock is not the server's: near the window's end (within the margin) a repeat may or
# may not be ignored, and the webhook checks do not judge it.
REPEAT_WINDOW = 60.0
REPEAT_MARGIN = 10.0


def _verdict(age: float) -> bool | None:
    if age < REPEAT_WINDOW - REPEAT_MARGIN:
        return True
    if age > REPEAT_WINDOW + REPEAT_MARGIN:
        return False
    return None


def classify_send(refs: dict[tuple[str, str], set[float]], key: tuple[str, str], now: float) -> bool | None:
    """Whether an accepted send of (call, command_id) at `now` is a repeat the server ignores (None:
    it may or may not be). `refs` holds, per key, the times the server may count its window from: a
    send it takes as new starts the window again, so after an uncertain one there are two."""
    starts = refs.get(key)
    if not starts:
        refs[key] = {now}
        return False
    verdicts = {start: _verdict(now - start) for start in starts}
    found = set(verdicts.values())
    after: set[float] = set()
    for start, verdict in verdicts.items():
        after |= {start} if verdict is True else {now} if verdict is False else {start, now}
    refs[key] = set(sorted(after)[-4:])
    return found.pop() if len(found) == 1 else None


def _repeated(st: _State, op: Operation, case: Any) -> bool | None:
    """Whether this case repeats a command_id that an earlier case had accepted on the same call
    (None: it does, near the end of the window, so the server may or may not ignore it)."""
    if not op.idempotency_field or not isinstance(case.body, dict):
        return False
    if not isinstance(case.body.get(op.idempotency_field), str):  # negative data: a number, an object
        return False
    return st.repeat_of.get(case.id, False)


def _plant(st: _State, case: Any) -> None:
    """Put a word of the fuzz dictionary into a string field of the body (known-bad inputs)."""
    fields = [k for k, v in case.body.items() if isinstance(v, str)]
    if fields:
        name = st.rng.choice(fields)
        case.body[name] = case.body[name][:20] + st.rng.choice(st.dictionary)
    st.planted.add(case.id)


def _known(st: _State, control: str) -> bool:
    assert st.log is not None
    return control in st.envelope or st.log.knows(control)


def _steer(st: _State, op: Operation, case: Any) -> None:
    assert st.live is not None
    if case.id in st.steered:  # a re-send (shrinking, replay): keep what was chosen
        return
    if st.rng.random() >= st.steer:
        return
    body = case.body if isinstance(case.body, dict) else None
    if op.command == "dial":
        if (body is not None and _phase(case) != "stateful") or (body is not None and st.rng.random() < 0.5):
            app = st.rng.choice(st.live.apps)
            body["connection_id"] = app.id
            body.pop("link_to", None)
            for key in ("timeout_secs", "time_limit_secs"):
                body.pop(key, None)
        return
    if _phase(case) == "stateful":
        return  # keep the links' calls
    states = list(op.call_states or ())
    wanted = "hangup" if st.rng.random() < 0.15 else st.rng.choice(states)
    if wanted == "bridged":
        wanted = "answered"
    control = _take_call(st, wanted)
    if control is None:
        return
    if isinstance(case.path_parameters, dict):
        case.path_parameters["call_control_id"] = control
    else:
        case.path_parameters = {"call_control_id": control}
    st.steered.add(case.id)
    if body is not None and wanted != "hangup":
        _bound_body(op.command or "", body)
        if "client_state" not in body and st.rng.random() < 0.7:
            body["client_state"] = new_client_state()
        if op.idempotency_field and op.idempotency_field not in body and st.rng.random() < 0.7:
            body[op.idempotency_field] = str(uuid.uuid4())
        if op.command == "bridge":
            other = _take_call(st, "answered")
            if other is not None:
                body["call_control_id"] = other
    # the call leaves the pool: after the command its state is whatever the command made it


# ---------------------------------------------------------------------------------------------
# Failures that are not the server's

# 422 codes that say the *state* (of the call, the application, the account) refused a valid
# request, not its data: the specs document them (x-call-states, InvalidParameters). V2's
# InvalidParameters names "the command conflicts with what the call is doing" and gives examples
# (90031, 90036, 90038, 90054); the others of that kind are the reference server's: not queued
# 90039, already recording 90043, not streaming 90044, already streaming 90045, suppression
# running 90046 / not running 90047, no transcription 90055.
STATE_CODES = {
    "90018", "90034", "90035", "90036", "90031", "90042", "90015", "90040", "90041", "10015",
    "90038", "90039", "90043", "90044", "90045", "90046", "90047", "90054", "90055",
}  # fmt: skip


@schemathesis.hook
def filter_failure(context: Any, failure: Any, case: Any, response: Any) -> bool:
    """Keep every failure except positive_data_acceptance on a documented call-state 422."""
    title = getattr(failure, "title", "") or ""
    if "Schema-valid request rejected" not in title or response is None or response.status_code != 422:
        return True
    op = operation_of(case)
    if op is None or not op.command:
        return True
    codes = checks.error_codes(response.content)
    return not (codes and codes <= STATE_CODES)


# ---------------------------------------------------------------------------------------------
# Checks: adapters over fuzzer.checks (facts in, AssertionError out)


def _raise(failures: list[checks.Failure]) -> None:
    if failures:
        raise AssertionError("\n".join(str(f) for f in failures))


def _legs(st: _State, op: Operation, case: Any, response: Any) -> dict[str, str] | None:
    if op.command == "dial":
        try:
            data = response.json()["data"]
        except (ValueError, KeyError, TypeError):
            return None
        control = data.get("call_control_id")
        if not isinstance(control, str):
            return None
        assert st.log is not None
        st.log.remember(control, data.get("call_leg_id"))
        connection = case.body.get("connection_id") if isinstance(case.body, dict) else None
        app = st.live.app_of(connection) if st.live else None
        if app is None:
            return None  # a call of an application that is not ours: its webhooks go elsewhere
        st.envelope.setdefault(control, app.envelope)
        return {"self": control}
    control = _control(case)
    if not isinstance(control, str) or not _known(st, control):
        return None
    legs = {"self": control}
    other = case.body.get("call_control_id") if isinstance(case.body, dict) else None
    if op.command == "bridge" and isinstance(other, str):
        legs["other"] = other
    return legs


@schemathesis.check
def webhooks_conformance(ctx: Any, response: Any, case: Any) -> bool | None:
    """The webhooks of the command's `x-webhooks` arrive in order, signed, valid, echoing client_state."""
    st = state()
    op = operation_of(case)
    if not st.enabled or op is None or op.webhooks is None or not 200 <= response.status_code < 300:
        return True
    with _LOCK:
        assert st.log is not None
        cursor = st.cursor.get(case.id)
        legs = _legs(st, op, case, response)
        if cursor is None or legs is None:
            return True
        control = legs["self"]
        if op.command == "record_start":
            st.recording[control] = True
        steps = list(op.webhooks)
        sim = st.sim_before.get(case.id) or {}
        if op.command == "playback_stop" and not st.log.media.get(control):
            steps = []  # toolkit choice (spec): with nothing playing, 200 and no webhook
        if op.command == "gather_stop" and not sim.get("gathering", True):
            steps = []  # toolkit choice (spec): with no gather running, 200 and no webhook
        repeated = _repeated(st, op, case)
        if repeated is None:
            return True  # a repeat near the window's end: ignored or not, either is right
        if repeated or (op.command == "dial" and control in st.log.controls(cursor)):
            steps = []  # a repeated command_id: the server must ignore it (no webhooks)
        client_state = case.body.get("client_state") if isinstance(case.body, dict) else None
        recording = bool(sim["recording"]) if "recording" in sim else st.recording.get(control)
        expectation = Expectation(
            label=op.label,
            steps=steps,
            legs=legs,
            cursor=cursor,
            client_state=client_state if isinstance(client_state, str) else None,
            # a document whose webhooks are in one envelope (V2) sends it on every leg; else the application's
            envelope=op.envelope or st.envelope.get(control),
            leg_envelopes={
                leg: op.envelope or st.envelope[c] for leg, c in legs.items() if op.envelope or c in st.envelope
            },
            conditions={"recording": recording} if op.command == "hangup" else {},
            known_controls=st.log.controls(cursor) | set(legs.values()),
        )
        failures = expectation.wait(st.log, st.timeout)
        if op.command in ("record_stop", "hangup") or any(
            h.event == "call.recording.saved" and st.log.control_of(h) == control for h in st.log.since(cursor)
        ):
            st.recording[control] = False
        strict = op.command in ("dial", "answer", "reject", "hangup", "bridge", "transfer", "record_stop")
        if not strict and case.id not in st.steered:
            # An unsteered command may run for as long as its body says (loop: infinity, long
            # gathers): only what did arrive is judged, missing tails are not.
            failures = [f for f in failures if not isinstance(f, checks.WebhookMissingFailure)]
        _raise(failures)
    return None


@schemathesis.check
def command_idempotency(ctx: Any, response: Any, case: Any) -> bool | None:
    """The same command with the same command_id again: answered 2xx, and no second set of webhooks."""
    st = state()
    op = operation_of(case)
    if not st.enabled or op is None or not op.idempotency_field or op.command in (None, "dial"):
        return True
    if not 200 <= response.status_code < 300 or not isinstance(case.body, dict):
        return True
    command_id = case.body.get(op.idempotency_field)
    if not isinstance(command_id, str) or not command_id or _repeated(st, op, case) is None:
        return True  # (a repeat near the window's end: the repeat of the repeat may fall out of it)
    with _LOCK:
        assert st.log is not None
        legs = _legs(st, op, case, response)
        if legs is None:
            return True
        request = response.request

        def send() -> tuple[int, str]:
            try:
                again = httpx.request(
                    request.method,
                    request.url,
                    headers={k: v for k, v in request.headers.items() if k.lower() != "content-length"},
                    content=request.body,
                    timeout=15,
                )
            except httpx.HTTPError as exc:
                return 0, f"repeating the command failed: {exc}"
            return again.status_code, again.text

        failure = repeat_and_judge(st.log, op, command_id, legs, send, st.timeout)
        _raise([failure] if failure else [])
    return None


@schemathesis.check
def call_state_conformance(ctx: Any, response: Any, case: Any) -> bool | None:
    """A command outside its `x-call-states` is refused with 422; on an ended call with 422 / 90018."""
    st = state()
    op = operation_of(case)
    if not st.enabled or op is None or op.call_states is None:
        return True
    failure = checks.check_call_state(
        op.label,
        op.call_states,
        st.state_before.get(case.id),
        response.status_code,
        checks.error_codes(response.content),
        response.text,
        conclusive=_positive(case),
        repeated=_repeated(st, op, case) is not False,
    )
    _raise([failure] if failure else [])
    return None


@schemathesis.check
def response_urls_parse(ctx: Any, response: Any, case: Any) -> bool | None:
    """URL-like strings in a response parse; one that does not would crash schemathesis' link inference."""
    if not 200 <= response.status_code < 400:
        return True
    try:
        document = json.loads(response.content)
    except (ValueError, UnicodeDecodeError):
        return True
    _raise(list(checks.check_response_urls(case.operation.label, document)))
    return None


def _keep_schemathesis_running() -> None:
    """A response value that urllib cannot parse crashed schemathesis' link inference (`Invalid IPv6
    URL`): `response_urls_parse` reports it as a finding, and the inference skips the value."""
    try:
        from schemathesis.engine import observations
    except ImportError:  # another schemathesis version: nothing to guard
        return
    original = getattr(observations, "_same_origin_path", None)
    if original is None or getattr(original, "_fuzzer_guarded", False):
        return

    def guarded(value: str, origin: tuple[str, str]) -> str | None:
        try:
            return original(value, origin)
        except ValueError:
            return None

    guarded._fuzzer_guarded = True  # type: ignore[attr-defined]
    observations._same_origin_path = guarded


_keep_schemathesis_running()


def _positive(case: Any) -> bool:
    meta = getattr(case, "meta", None)
    mode = getattr(getattr(meta, "generation", None), "mode", None)
    return getattr(mode, "value", mode) == "positive"
