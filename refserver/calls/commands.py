"""The API's side of calls: dial, and the commands sent to a call.

A command is an operation whose path ends in `/actions/<command>`; its handler is the
method `cmd_<command>`. It is accepted only in the call states of its `x-call-states`
(else 422: 90034 on a parked call, 90035 otherwise); on an ended call 422 / 90018. A
repeated `x-idempotency-field` value on the same call within IDEMPOTENCY_WINDOW answers
200 and does nothing. Handlers validate first, then act, inside one transaction.

Which webhooks a command sends, and in which order, are its `x-webhooks` steps: each
accepted command (and each dial) gets a `Run` of them (refserver/calls/runs.py), with the
conditions their `when` names evaluated now (CONDITIONS); the handler's code reports what
happens and the run sends it.
"""

from __future__ import annotations

import contextlib
import functools
import uuid
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from ..errors import TelnyxError, fail
from ..spec import Operation, Unsupported
from .call import Call
from .features import CONDITIONS, OVERRIDES, V2Commands, on_answer_plan
from .gather import AUDIO, SPEAK
from .media import PLAYBACK
from .media import SPEAK as SPEECH
from .runs import Run, Send
from .tables import (
    ANSWERED,
    ANSWERED_EVENT,
    BRIDGED,
    BRIDGED_EVENT,
    CALL_ENDED,
    IDEMPOTENCY_WINDOW,
    INITIATED,
    INVALID_CALL_ID,
    INVALID_CONNECTION,
    NORMAL_CLEARING,
    PRUNE_EVERY,
    REJECT_CAUSES,
    TIME_LIMIT,
    state_error_code,
)

if TYPE_CHECKING:
    from .engine import Engine

DIAL = "callDial"  # the operation that makes a call

Handler = Callable[[Call, dict[str, Any]], dict[str, Any] | None]

# The conditions a step's `when` may name (refserver/calls/features.py), evaluated on the
# commanded call and the command's parameters when the command is accepted.


class Commands(V2Commands):
    def __init__(self, engine: Engine) -> None:
        self.e = engine
        self.remembered = 0
        spec = engine.spec
        self.dial_op = spec.by_id[DIAL]
        self.defaults: dict[str, dict[str, Any]] = {}
        self.handlers: dict[str, Handler] = {}
        for op in spec.operations:
            self.defaults[op.operation_id] = op.body_defaults
            if op.command:
                handler = getattr(self, OVERRIDES.get(op.operation_id, f"cmd_{op.command}"), None)
                if handler is None:
                    raise Unsupported(f"no handler for command {op.command}")
                self.handlers[op.operation_id] = handler
            for step in op.webhooks or ():
                if step.when is not None and step.when not in CONDITIONS:
                    raise Unsupported(f"{op.operation_id}: unknown x-webhooks condition {step.when!r}")

    def remember(self, scope: str, command_id: str, result: str | None = None) -> None:
        """Remember a command id for the idempotency window; every PRUNE_EVERY ids, forget
        those older than the window, so the table holds about one window's worth."""
        self.e.store.remember_command(scope, command_id, result)
        self.remembered += 1
        if self.remembered % PRUNE_EVERY == 0:
            self.e.store.prune_commands(IDEMPOTENCY_WINDOW)

    def start_run(self, op: Operation, call: Call | None, params: dict[str, Any] | None = None) -> Run:
        """The run of an accepted command's `x-webhooks`, conditions evaluated on `call` and
        the command's parameters; it sends in the envelope of the operation's document, if
        that describes only one (V2), else in the application's."""
        conditions = {name: test(call, params or {}) for name, test in CONDITIONS.items()}
        legs = {"self": call} if call is not None else {}
        return Run(op, op.slots(conditions), self._sender(op), legs, self.e._held, self.e.find)

    def load_run(self, data: dict[str, Any]) -> Run:
        """A run again, from a call's record (its operation looked up again by id)."""
        op = self.e.spec.by_id[data["op"]]
        return Run.load(data, op, self._sender(op), self.e._held, self.e.find)

    def _sender(self, op: Operation) -> Send:
        return functools.partial(self.e.send, envelope=op.envelope) if op.envelope else self.e.send

    @property
    def dial_defaults(self) -> dict[str, Any]:
        return self.defaults.get(DIAL, {})

    # ---- dial --------------------------------------------------------------------
    def dial(self, account: str, body: dict[str, Any], op: Operation | None = None) -> Call:
        e = self.e
        op = op or self.dial_op
        params = {**self.defaults.get(op.operation_id, {}), **body}
        command_id = body.get(op.idempotency_field) if op.idempotency_field else None
        scope = f"dial:{account}"
        with e.store.tx(), self._running(self.start_run(op, None, params)):
            if command_id:
                seen = e.store.seen_command(scope, command_id, IDEMPOTENCY_WINDOW)
                if seen:
                    existing = e.find(str(seen))
                    if existing is not None:
                        return existing
            app = e.app_for(params["connection_id"], account, "/connection_id")
            e.check_channel(app, "outgoing", "/connection_id")
            session = None
            if params.get("link_to"):
                linked = e.find(params["link_to"])
                if linked is None or linked.account != account:
                    raise fail(422, INVALID_CALL_ID, "Invalid link_to call_control_id.", pointer="/link_to")
                session = linked.session_id
            call = self.ring_out(
                "self",
                account=account,
                connection_id=app["id"],
                session_id=session,
                from_=params["from"],
                to=params["to"],
                client_state=params.get("client_state"),
                timeout_secs=float(params["timeout_secs"]),
            )
            plan = on_answer_plan({k: v for k, v in params.items() if k in op.body_fields})
            if plan:
                call.features["on_answer"] = plan
            self.start_ringing(call, params["time_limit_secs"])
            if command_id:
                self.remember(scope, command_id, call.id)
            e.save(call)
        return call

    def ring_out(self, role: str, *, session_id: str | None, **kw: Any) -> Call:
        """A new outgoing leg, the `role` leg of the running command (call.initiated);
        start_ringing() sends it to the far end, whose answer the same run reports."""
        e = self.e
        call = e.new_call(direction="outgoing", ringing=True, session_id=session_id or str(uuid.uuid4()), **kw)
        if e.run is not None:
            e.run.bind(role, call)
            call.ring_run = e.keep(e.run, call)
            call.envelope = e.run.op.envelope
        e.emit(call, INITIATED, state=call.state)
        return call

    @contextlib.contextmanager
    def _running(self, run: Run) -> Iterator[Run]:
        self.e.run = run
        try:
            yield run
        except BaseException:
            run.held.clear()  # refused: what it held back never happened (its records are rolled back)
            raise
        finally:
            self.e.run = None

    def start_ringing(self, call: Call, time_limit_secs: float) -> None:
        e = self.e
        e.far_end.ring(call)
        e.timers.durable(call, "time_limit", time_limit_secs, "far_end.end", {"cause": TIME_LIMIT}, True)

    # ---- a command ---------------------------------------------------------------
    def command(self, account: str, op: Operation, call_id: str, body: dict[str, Any]) -> dict[str, Any]:
        """Run a command; what its answer adds to `result` (answer's `recording_id`)."""
        if self.e.shared:  # the call is read and checked under its lock, in the transaction that acts on it
            with self.e.store.tx():
                return self._command(account, op, call_id, body)
        return self._command(account, op, call_id, body)

    def _command(self, account: str, op: Operation, call_id: str, body: dict[str, Any]) -> dict[str, Any]:
        e = self.e
        call = e.get(call_id, account)
        command_id = body.get(op.idempotency_field) if op.idempotency_field else None
        if command_id and e.store.seen_command(call.id, command_id, IDEMPOTENCY_WINDOW) is not False:
            return {}
        if not call.alive:
            if e.faults.command_after_hangup:
                return {}
            raise fail(
                422,
                CALL_ENDED,
                "This call is no longer active and can't receive commands.",
                pointer="/call_control_id",
            )
        states = op.call_states or ()
        if call.state not in states:
            raise fail(
                422,
                state_error_code(call.state),
                f"{op.command} is accepted in call states {', '.join(states)}; the call is {call.state}.",
            )
        # only the fields the operation lists: another API's fields on the same command do nothing
        params = {**self.defaults.get(op.operation_id, {}), **{k: v for k, v in body.items() if k in op.body_fields}}
        previous = call.client_state, call.envelope
        try:
            with e.store.tx(), self._running(self.start_run(op, call, params)):
                if "client_state" in body:
                    call.client_state = body["client_state"]
                call.envelope = op.envelope
                extra = self.handlers[op.operation_id](call, params) or {}
                e.timers.cancel(call, "first_command")
                if command_id:
                    self.remember(call.id, command_id)
                e.save(call)
        except TelnyxError:
            call.client_state, call.envelope = previous
            raise
        return extra

    def _states(self) -> tuple[str, ...]:
        """The x-call-states of the command being executed."""
        run = self.e.run
        return (run.op.call_states or ()) if run is not None else ()

    # ---- the commands (state already checked; validate first, then act) -----------
    def cmd_answer(self, call: Call, p: dict[str, Any]) -> dict[str, Any] | None:
        call.ringing = False
        call.ring_run = None  # answered here: the far end's answer will not come
        self.e.timers.cancel(call, "ring", "ring_timeout", "early_hangup")
        call.state = ANSWERED
        self.e.emit(call, ANSWERED_EVENT, state=ANSWERED)
        recording_id = self.e.features.answered(call, on_answer_plan(p))
        return {"recording_id": recording_id} if recording_id else None

    def cmd_bridge(self, call: Call, p: dict[str, Any]) -> None:
        e = self.e
        other = e.find(p["call_control_id"])
        pointer = "/call_control_id"
        if other is None or other.account != call.account or other.id == call.id:
            raise fail(422, INVALID_CALL_ID, "Invalid call_control_id.", pointer=pointer)
        if not other.alive:
            raise fail(422, CALL_ENDED, "The other call has already ended.", pointer=pointer)
        states = self._states()
        if other.state not in states:  # the other leg too must be in a state the command accepts
            raise fail(422, state_error_code(other.state), f"The other call is {other.state}.", pointer=pointer)
        e.bridge(call, other)
        call.park_after_unbridge = p.get("park_after_unbridge") == "self"
        if e.run is not None:
            e.run.bind("other", other)
        for leg in (call, other):  # a queued leg leaves its queue (the steps say whether that is sent)
            e.features.dequeue(leg, "bridged")
        e.emit(call, BRIDGED_EVENT, state=call.state)
        e.emit(other, BRIDGED_EVENT, state=other.state)
        e.save(other)

    def cmd_fork_start(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.fork(call, p, True)

    def cmd_fork_stop(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.fork(call, p, False)

    def cmd_gather_using_audio(self, call: Call, p: dict[str, Any]) -> None:
        self.e.gatherer.start(call, AUDIO, p)

    def cmd_gather_using_speak(self, call: Call, p: dict[str, Any]) -> None:
        self.e.gatherer.start(call, SPEAK, p)

    def cmd_hangup(self, call: Call, p: dict[str, Any]) -> None:
        self.e.end_call(call, NORMAL_CLEARING)

    def cmd_playback_start(self, call: Call, p: dict[str, Any]) -> None:
        self.e.player.playback(call, p)

    def cmd_playback_stop(self, call: Call, p: dict[str, Any]) -> None:
        self.e.player.stop(call, p.get("stop") or "all", (PLAYBACK, SPEECH))

    def cmd_record_start(self, call: Call, p: dict[str, Any]) -> None:
        self.e.recorder.start(call, p)

    def cmd_record_stop(self, call: Call, p: dict[str, Any]) -> None:
        self.e.recorder.stop(call)

    def cmd_reject(self, call: Call, p: dict[str, Any]) -> None:
        self.e.end_call(call, REJECT_CAUSES[p["cause"]])

    def cmd_send_dtmf(self, call: Call, p: dict[str, Any]) -> None:
        """Tones go to the other party; nothing is reported to this application."""

    def cmd_speak(self, call: Call, p: dict[str, Any]) -> None:
        self.e.player.speak(call, p)

    def cmd_transfer(self, call: Call, p: dict[str, Any]) -> None:
        e = self.e
        app = e.store.get_application(call.connection_id, include_deleted=True)
        if app is None:
            raise fail(422, INVALID_CONNECTION, "The call's application no longer exists.")
        e.check_channel(app, "outgoing", "/to")
        leg = self.ring_out(
            "new",
            account=call.account,
            connection_id=call.connection_id,
            session_id=call.session_id,
            from_=p.get("from") or call.from_,
            to=p["to"],
            client_state=p.get("target_leg_client_state") or call.client_state,
            timeout_secs=float(p["timeout_secs"]),
            transfer_of=call.id,
        )
        plan = on_answer_plan(p)
        if plan:
            leg.features["on_answer"] = plan
        e.emit(leg, BRIDGED_EVENT, state=BRIDGED)
        self.start_ringing(leg, p["time_limit_secs"])
        e.save(leg)
