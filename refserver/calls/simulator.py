"""The simulator's operations on calls (`/_sim`): a caller calls in; the far end answers,
rejects, hangs up or presses keys. The simulator sees every account's calls.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..errors import fail, not_found
from .call import Call
from .tables import (
    ANSWERED,
    BRIDGED,
    CALL_ENDED,
    CALL_NOT_ANSWERED,
    DEFAULT_TIME_LIMIT_SECS,
    FIRST_COMMAND_TIMEOUT,
    FIRST_COMMAND_TIMEOUT_SECS,
    INITIATED,
    INVALID_CALL_STATE,
    SIM_REJECT_CAUSES,
    TIME_LIMIT,
)

if TYPE_CHECKING:
    from .engine import Engine

KEYS_STATES = (ANSWERED, BRIDGED)  # states in which the other party can press keys


class Simulator:
    def __init__(self, engine: Engine) -> None:
        self.e = engine

    def inbound(self, body: dict[str, Any]) -> Call:
        e = self.e
        with e.store.tx():
            account = e.store.application_account(body["connection_id"])
            if account is None:
                raise not_found("No application has this connection_id.")
            app = e.app_for(body["connection_id"], account, "/connection_id")
            e.check_channel(app, "incoming", "/connection_id")
            call = e.new_call(
                account=account,
                connection_id=app["id"],
                session_id=str(uuid.uuid4()),
                direction="incoming",
                from_=body["from"],
                to=body["to"],
            )
            e.emit(call, INITIATED, state=call.state)
            if app.get("first_command_timeout"):
                secs = float(app.get("first_command_timeout_secs") or FIRST_COMMAND_TIMEOUT_SECS)
                cause = {"cause": FIRST_COMMAND_TIMEOUT}
                e.timers.durable(call, "first_command", secs, "far_end.end", cause, True)
            limit = float(e.commands.dial_defaults.get("time_limit_secs", DEFAULT_TIME_LIMIT_SECS))
            e.timers.durable(call, "time_limit", limit, "far_end.end", {"cause": TIME_LIMIT}, True)
            e.save(call)
        return call

    def _ringing(self, call_id: str) -> Call:
        call = self.e.get(call_id, None)
        if not (call.alive and call.ringing):
            raise fail(422, INVALID_CALL_STATE, "The call is not ringing at the far end.")
        return call

    def _alive(self, call_id: str) -> Call:
        call = self.e.get(call_id, None)
        if not call.alive:
            raise fail(422, CALL_ENDED, "This call has already ended.")
        return call

    def _act(self, call: Call, act: Callable[[Call], None]) -> Call:
        with self.e.store.tx():
            if self.e.shared:  # read again under the call's lock: another process may have ended it
                self.e.find(call.id)
            act(call)
        return call

    def answer(self, call_id: str) -> Call:
        return self._act(self._ringing(call_id), self.e.far_end.answer)

    def reject(self, call_id: str, cause: str) -> Call:
        ending = SIM_REJECT_CAUSES.get(cause, SIM_REJECT_CAUSES["rejected"])
        return self._act(self._ringing(call_id), lambda call: self.e.end_call(call, ending))

    def hangup(self, call_id: str) -> Call:
        return self._act(self._alive(call_id), self.e.far_end.hangup)

    def dtmf(self, call_id: str, digits: str, interval_ms: int) -> Call:
        """The other party presses keys, `interval_ms` apart: each is a call.dtmf.received,
        and a key for a gather running on the call. The first now; each next one a timer row
        (`dtmf.press`), pressed by whichever process claims it."""
        e = self.e
        call = self._alive(call_id)
        if call.state not in KEYS_STATES:
            raise fail(422, CALL_NOT_ANSWERED, "Keys can be pressed only on an answered call.")
        with e.store.tx():
            if e.shared:
                e.find(call.id)
            if call.alive:
                self.press(call, digits[0])
                batch = uuid.uuid4().hex[:12]
                for i, d in enumerate(digits[1:], start=1):
                    e.timers.durable(
                        call, f"dtmf.{batch}.{i}", i * interval_ms / 1000, "dtmf.press", {"digit": d}, fresh=True
                    )
            e.save(call)
        return call

    def press(self, call: Call, digit: str) -> None:
        """The other party presses a key."""
        self.e.gatherer.pressed(call, digit)
