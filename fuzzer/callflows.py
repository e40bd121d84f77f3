"""Call flows: a hypothesis RuleBasedStateMachine that drives whole calls and checks webhooks.

Dial (the far end answers), inbound calls (simulator), answer, every command with a valid,
short-running body, bridges of two calls, the far end hanging up or pressing keys, hangup,
and commands after hangup. Each step is judged by the same checks as the schemathesis run
(fuzzer.hooks), under the same names:

- webhooks_conformance: the `x-webhooks` of the command, in order, within the timeout,
  signed, valid against the spec's webhook schema, echoing client_state, right call;
- command_idempotency: the same command and command_id again: 2xx and no second set;
- call_state_conformance: a command outside `x-call-states` answers 422, on an ended call
  422 / 90018 (the state before the command is read from the simulator).

Failures are recorded, not raised, so a run goes on and reports every kind of failure;
hypothesis only chooses the steps (seeded with --seed). Needs the simulator API.
"""

from __future__ import annotations

import contextlib
import copy
import json
import shlex
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import hypothesis.strategies as st
from hypothesis import HealthCheck, Phase, settings
from hypothesis import seed as hypothesis_seed
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule, run_state_machine_as_test

from fuzzer.checks import ENDED_STATE, Failure, check_call_state, error_codes
from fuzzer.live import CALLEE, Live, new_client_state
from fuzzer.progress import Progress
from fuzzer.spec import Operation, SpecIndex, Step
from fuzzer.summary import FailureRecord, Summary
from fuzzer.webhooks import Expectation, repeat_and_judge

AUDIO = "https://example.com/prompt.mp3"
ACTIONS = ("command",) * 8 + ("dial", "inbound", "far_end_hangup", "far_end_keys")
COMMANDS = (
    "speak",
    "playback_start",
    "answer",
    "bridge",
    "fork_start",
    "fork_stop",
    "gather_using_audio",
    "gather_using_speak",
    "hangup",
    "playback_start",
    "playback_stop",
    "record_start",
    "record_stop",
    "reject",
    "send_dtmf",
    "transfer",
    # the commands only V2 has (a command of both documents is sent through either, drawn)
    "client_state_update",
    "enqueue",
    "leave_queue",
    "gather",
    "gather_stop",
    "record_pause",
    "record_resume",
    "refer",
    "send_sip_info",
    "streaming_start",
    "streaming_stop",
    "suppression_start",
    "suppression_stop",
    "transcription_start",
    "transcription_stop",
)


def short_fields(command: str, draw: Any) -> dict[str, Any]:
    """The fuzzer's values for fields that make a command's simulated media long (or that it varies)."""
    speak = {"payload": "Press one.", "voice": draw(st.sampled_from(["male", "female"])), "language": "en-US"}
    gather = {
        "maximum_digits": 2,
        "timeout_millis": 1000,
        "initial_timeout_millis": 1000,
        "maximum_tries": 1,
        "inter_digit_timeout_millis": 1000,
    }
    fields: dict[str, dict[str, Any]] = {
        "fork_start": {"target": "udp:192.0.2.1:9000"},
        "gather": gather,
        "gather_using_audio": {"audio_url": AUDIO, **gather},
        "gather_using_speak": {**speak, **gather},
        "playback_start": {"audio_url": AUDIO, "loop": draw(st.sampled_from([1, 2, "1"]))},
        "record_start": {"format": draw(st.sampled_from(["mp3", "wav"])), "channels": "single"},
        "reject": {"cause": draw(st.sampled_from(["CALL_REJECTED", "USER_BUSY"]))},
        "send_dtmf": {"digits": "12"},
        "speak": speak,
        "transfer": {"to": CALLEE},
    }
    return dict(fields.get(command, {}))


def body_for(index: SpecIndex, op: Operation, draw: Any) -> dict[str, Any]:
    """A valid body whose simulated durations are short: the fuzzer's short values for the fields the
    operation's schema has, and its other required fields from the spec's example."""
    if op.body_schema is None:
        return {}
    properties = set(index.spec.properties(op.body_schema))
    body = {k: v for k, v in short_fields(op.command or "", draw).items() if k in properties}
    example = index.body_example(op)
    if isinstance(example, dict):
        wanted = index.spec.required(op.body_schema) if body else set(example)
        body.update({k: copy.deepcopy(v) for k, v in example.items() if k in wanted and k not in body})
    return body


@dataclass
class FlowContext:
    live: Live
    index: SpecIndex
    timeout: float
    summary: Summary
    progress_report: Progress | None = None

    def progress(self) -> None:
        if self.progress_report is not None:
            self.progress_report.done_operations = len({f for f in self.summary.checks})
            self.progress_report.cases = sum(s.run for s in self.summary.checks.values())
            self.progress_report.failures = len(self.summary.failures)
            self.progress_report.update()


class CallFlows(RuleBasedStateMachine):
    ctx: FlowContext  # set on a subclass by run_callflows

    def __init__(self) -> None:
        super().__init__()
        self.calls: list[str] = []
        self.turn = 0  # commands sent so far: turns hypothesis' choices (see _turned)
        self.fixed: set[str] = set()  # calls controlled through a document whose webhooks have one envelope

    # -- recording results ----------------------------------------------------------------------

    def record(self, check: str, failures: list[Failure], operation: str, reproduce: str = "") -> None:
        self.ctx.summary.add(check, not failures)
        if failures:
            self.ctx.summary.failures.append(
                FailureRecord(
                    "callflows", check, operation, failures[0].title, "\n".join(f.message for f in failures), reproduce
                )
            )
        self.ctx.progress()

    def alive(self) -> list[str]:
        self.ctx.live.log.refresh()
        return [c for c in self.calls if c not in self.ctx.live.log.ended]

    # -- making calls ---------------------------------------------------------------------------

    @initialize()
    def first_call(self) -> None:
        self.dial(True)

    # -- one rule: hypothesis picks the action (every action in one rule: the swarm testing of
    # separate rules, with few examples, leaves whole kinds of steps out)

    @rule(data=st.data(), action=st.sampled_from(ACTIONS))
    def step(self, data: Any, action: str) -> None:
        alive = self.alive()
        if action in ("dial", "inbound") and len(alive) >= 4:
            action = "command"
        if action in ("far_end_hangup", "far_end_keys") and not alive:
            action = "dial"
        if action == "command" and not alive:
            self.dial(False, data)  # a live call to command (commands after hangup: after_end, misfits)
        if action == "dial":
            self.dial(data.draw(st.booleans(), label="with_state"), data)
        elif action == "inbound":
            self.inbound()
        elif action == "far_end_hangup":
            self.far_end_hangup(data)
        elif action == "far_end_keys":
            self.far_end_keys(data, data.draw(st.sampled_from(["1", "12#", "9*"]), label="digits"))
        else:
            self.turn += 1
            self.command(
                data,
                _turned(data.draw(st.sampled_from(COMMANDS), label="command"), COMMANDS, self.turn),
                data.draw(st.booleans(), label="with_state"),
                data.draw(st.booleans(), label="with_id"),
                data.draw(st.booleans(), label="repeat"),
            )

    def dial(self, with_state: bool, data: Any = None) -> None:
        live, index = self.ctx.live, self.ctx.index
        app = live.apps[len(self.calls) % len(live.apps)]
        dials = index.commands("dial")
        op = data.draw(st.sampled_from(dials), label="dial_api") if data is not None else dials[0]
        client_state = new_client_state() if with_state else None
        call, cursor = live.dial(app, client_state=client_state, via=op)
        self.calls.append(call.call_control_id)
        self.touched(call.call_control_id, op)
        self.expect(
            index.name_of(op),
            list(op.webhooks or ()),
            {"self": call.call_control_id},
            cursor,
            client_state,
            self.envelope_for(call.call_control_id, op),
        )

    def inbound(self) -> None:
        live = self.ctx.live
        app = live.apps[len(self.calls) % len(live.apps)]
        live.log.refresh()
        cursor = live.log.cursor
        call = live.inbound(app)
        if call is None:
            return
        self.calls.append(call.call_control_id)
        steps = [Step(events=("call.initiated",))]
        self.expect("simulator inbound call", steps, {"self": call.call_control_id}, cursor, None, app.envelope)

    # -- envelopes --------------------------------------------------------------------------------

    def touched(self, control: str, op: Operation) -> None:
        if op.envelope:
            self.fixed.add(control)

    def envelope_for(self, control: str, op: Operation | None) -> str | None:
        """The envelope a step's webhooks must be in (None: not checked).

        A command of a document whose webhooks are in one envelope (V2) sends that one; a command of
        a document with both (V1) sends the application's. Webhooks no command caused (the far end
        hangs up) are in the application's envelope, unless the call was also controlled through a
        one-envelope document: the spec does not say which envelope those are in then.
        """
        if op is not None and op.envelope:
            return op.envelope
        if op is None and control in self.fixed:
            return None
        call = self.ctx.live.calls.get(control)
        return call.app.envelope if call else None

    # -- the far end ----------------------------------------------------------------------------

    def far_end_hangup(self, data: Any) -> None:
        control = data.draw(st.sampled_from(self.alive()))
        live = self.ctx.live
        live.log.refresh()
        cursor = live.log.cursor
        response = live.far_end(control, "hangup")
        if response is not None and response.status_code == 200:
            self.expect(
                "simulator far-end hangup",
                [Step(events=("call.hangup",))],
                {"self": control},
                cursor,
                None,
                self.envelope_for(control, None),
            )

    def far_end_keys(self, data: Any, digits: str) -> None:
        control = data.draw(st.sampled_from(self.alive()))
        live = self.ctx.live
        before = live.state(control)
        if not before or before.get("state") not in ("answered", "bridged") or before.get("gathering"):
            return
        live.log.refresh()
        cursor = live.log.cursor
        response = live.far_end(control, "dtmf", {"digits": digits, "digit_interval_millis": 10})
        if response is not None and response.status_code == 200:
            steps = [Step(events=("call.dtmf.received",)) for _ in digits]
            self.expect("simulator keys", steps, {"self": control}, cursor, None, self.envelope_for(control, None))

    # -- commands ---------------------------------------------------------------------------------

    def command(self, data: Any, command: str, with_state: bool, with_id: bool, repeat: bool) -> None:
        live, index = self.ctx.live, self.ctx.index
        ops = index.commands(command)
        if not ops:
            return  # no document of this run has the command
        op = _turned(data.draw(st.sampled_from(ops), label="api"), ops, self.turn)
        name = index.name_of(op)
        fitting = [c for c in self.alive() if (live.state(c) or {}).get("state") in (op.call_states or ())]
        if fitting and data.draw(st.integers(0, 4), label="misfit") < 4:
            control = data.draw(st.sampled_from(fitting), label="call")
        else:
            control = data.draw(st.sampled_from(self.calls), label="call")
        body = body_for(index, op, data.draw)
        legs = {"self": control}
        if command == "bridge":
            others = [c for c in self.alive() if c != control]
            if not others:
                return
            legs["other"] = body["call_control_id"] = data.draw(st.sampled_from(others))
        client_state = new_client_state() if with_state or command == "client_state_update" else None
        if client_state:
            body["client_state"] = client_state
        command_id = str(uuid.uuid4()) if with_id and op.idempotency_field else None
        if command_id:
            body[op.idempotency_field] = command_id
        before = live.state(control) or {}
        live.log.refresh()
        cursor = live.log.cursor
        known = live.log.controls() | set(legs.values())
        path = op.full_path.replace("{call_control_id}", control)
        response = live.send(op, path, body)
        reproduce = _curl(op, live.base_url + path, body)
        state = before.get("state")
        if state:
            failure = check_call_state(
                name, op.call_states, state, response.status_code, error_codes(response.text), response.text
            )
            self.record("call_state_conformance", [failure] if failure else [], name, reproduce)
        if not 200 <= response.status_code < 300:
            return
        self.ctx.summary.accept("callflows", name)
        self.touched(control, op)
        if command in ("hangup", "reject"):
            self.after_end(control, data)
        steps = list(op.webhooks or ())
        conditions: dict[str, bool | None] = {}
        if command == "hangup":
            conditions["recording"] = bool(before.get("recording"))
        if command == "playback_stop" and not live.log.media.get(control):
            steps = []  # toolkit choice (spec): nothing playing, no webhook
        if command == "gather_stop" and not before.get("gathering", True):
            steps = []  # toolkit choice (spec): no gather running, no webhook
        envelope = self.envelope_for(control, op)
        every_leg = {leg: op.envelope for leg in legs} if op.envelope else None  # V2: every leg's webhooks
        self.expect(name, steps, legs, cursor, client_state, envelope, conditions, known, reproduce, every_leg)
        if command_id and repeat and op.idempotency_field:

            def send() -> tuple[int, str]:
                again = live.send(op, path, body)
                return again.status_code, again.text

            failure = repeat_and_judge(live.log, op, command_id, legs, send, self.ctx.timeout)
            self.record("command_idempotency", [failure] if failure else [], name, reproduce)

    def after_end(self, control: str, data: Any) -> None:
        """A command right after the call ended, through either API: 422 / 90018 (x-call-states)."""
        live, index = self.ctx.live, self.ctx.index
        live.wait_event(control, "call.hangup", 0)
        command = data.draw(st.sampled_from(["speak", "hangup", "playback_start", "answer"]), label="after")
        ops = index.commands(command)
        op = data.draw(st.sampled_from(ops), label="after_api")
        name = index.name_of(op)
        path = op.full_path.replace("{call_control_id}", control)
        body = body_for(index, op, data.draw)
        response = live.send(op, path, body)
        failure = check_call_state(
            name, op.call_states, ENDED_STATE, response.status_code, error_codes(response.text), response.text
        )
        self.record("call_state_conformance", [failure] if failure else [], name, _curl(op, live.base_url + path, body))

    def expect(
        self,
        label: str,
        steps: list[Step],
        legs: dict[str, str],
        cursor: int,
        client_state: str | None,
        envelope: str | None,
        conditions: dict[str, bool | None] | None = None,
        known: set[str] | None = None,
        reproduce: str = "",
        leg_envelopes: dict[str, str] | None = None,
    ) -> None:
        live = self.ctx.live
        expectation = Expectation(
            label=label,
            steps=steps,
            legs=legs,
            cursor=cursor,
            client_state=client_state,
            envelope=envelope,
            leg_envelopes=leg_envelopes or {},
            conditions=conditions or {},
            known_controls=known if known is not None else set(legs.values()),
        )
        failures = expectation.wait(live.log, self.ctx.timeout)
        self.record("webhooks_conformance", failures, label, reproduce)

    def teardown(self) -> None:
        # every flow ends with a hangup and a command after it
        alive = self.alive()
        if alive:
            live, index = self.ctx.live, self.ctx.index
            recording = bool((live.state(alive[0]) or {}).get("recording"))
            live.log.refresh()
            cursor = live.log.cursor
            if live.hangup(alive[0]).status_code == 200:
                op = index.command("hangup")
                self.expect(
                    index.name_of(op),
                    list(op.webhooks or ()),
                    {"self": alive[0]},
                    cursor,
                    None,
                    self.envelope_for(alive[0], op),
                    {"recording": recording},
                )
                self.after_end(alive[0], _Fixed())
        for control in self.alive():
            with contextlib.suppress(Exception):
                self.ctx.live.hangup(control)


class _Fixed:
    """Stands for hypothesis' data where a step is fixed: the first of each choice."""

    def draw(self, strategy: Any, label: str | None = None) -> Any:
        return {"after": "speak"}.get(label or "") or _first(strategy)


def _first(strategy: Any) -> Any:
    elements = getattr(strategy, "elements", None)
    return elements[0] if elements else strategy.example()


def _turned(choice: Any, choices: Sequence[Any], turn: int) -> Any:
    """Hypothesis' choice, turned by `turn` places: its simplest run (the first element every time)
    then walks every command in turn, V1 and V2 alternately where both documents have it."""
    return choices[(choices.index(choice) + turn) % len(choices)]


def _curl(op: Operation, url: str, body: dict[str, Any]) -> str:
    auth = (
        '-u "$TELNYX_V1_KEY:$TELNYX_V1_SECRET"'
        if "basic" in op.security_kinds()
        else '-H "Authorization: Bearer $TELNYX_API_KEY"'
    )
    return (
        f"curl -X {op.method.upper()} {auth} -H 'Content-Type: application/json' "
        f"-d {shlex.quote(json.dumps(body))} {url}"
    )


def run_callflows(ctx: FlowContext, seed: int, examples: int, steps: int) -> Summary:
    machine = type("BoundCallFlows", (CallFlows,), {"ctx": ctx})
    factory = hypothesis_seed(seed)(lambda: machine())
    run_state_machine_as_test(
        factory,
        settings=settings(
            max_examples=examples,
            stateful_step_count=steps,
            deadline=None,
            database=None,
            phases=[Phase.generate],
            suppress_health_check=list(HealthCheck),
            print_blob=False,
        ),
    )
    return ctx.summary
