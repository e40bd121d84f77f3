"""The far end of an outbound call, and the scripts that say how it behaves.

Unscripted, the far end answers after RING_SECS. A script (`POST /_sim/scripts`) for a
number says otherwise: `answer` (after `ring_secs`), `busy`, `rejected`, `no_answer`,
`early_hangup` (answers, then hangs up `hangup_after_secs` later) or `manual` (rings until
the simulator answers, rejects or hangs up). A call that rings past its `timeout_secs`
ends with `timeout` (SIP 480); the far end hanging up a ringing call is
`originator_cancel`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .call import Call
from .tables import (
    ANSWERED,
    ANSWERED_EVENT,
    BRIDGED,
    EARLY_HANGUP_SECS,
    NORMAL_CLEARING,
    ORIGINATOR_CANCEL,
    RING_SECS,
    RING_TIMEOUT,
    SCRIPT_ENDINGS,
    Cause,
)

if TYPE_CHECKING:
    from .engine import Engine

UNSCRIPTED = {"outcome": "answer", "ring_secs": RING_SECS}
RINGS_UNTIL_TIMEOUT = ("answer", "no_answer", "manual")  # outcomes under the ring timeout
ANSWERS = ("answer", "early_hangup")


class FarEnd:
    def __init__(self, engine: Engine) -> None:
        self.e = engine

    # ---- scripts: rows in the state database, so every process sharing it sees them ----------
    def add_script(self, script: dict[str, Any]) -> None:
        """A script of `script["account"]` (None: the open simulator's, for every account's calls)."""
        self.e.store.add_script(script.get("account"), script["to"], script)

    def clear_scripts(self, account: str | None = None) -> None:
        """Every script (None: the open simulator), or those of one account."""
        self.e.store.clear_scripts(account)

    def _take_script(self, to: str, account: str) -> dict[str, Any]:
        """The latest script for `to` of the call's account (or of the open simulator: any account)."""
        script: dict[str, Any] | None = self.e.store.take_script(to, account)
        return UNSCRIPTED if script is None else script

    # ---- ringing -----------------------------------------------------------------
    def ring(self, call: Call) -> None:
        """The call rings at the far end, which acts as its script says."""
        script = self._take_script(call.to, call.account)
        outcome = script["outcome"]
        ring = float(script.get("ring_secs", RING_SECS))
        timers = self.e.timers
        if outcome in RINGS_UNTIL_TIMEOUT:
            timers.durable(call, "ring_timeout", call.timeout_secs, "far_end.end", {"cause": RING_TIMEOUT}, True)
        if outcome in ANSWERS:
            timers.durable(call, "ring", ring, "far_end.answer")
            if outcome == "early_hangup":
                after = ring + float(script.get("hangup_after_secs", EARLY_HANGUP_SECS))
                timers.durable(call, "early_hangup", after, "far_end.hangup")
        elif outcome in SCRIPT_ENDINGS:
            timers.durable(call, "ring", ring, "far_end.end", {"cause": SCRIPT_ENDINGS[outcome]})

    def end(self, call: Call, cause: Cause) -> None:
        """The call ends for a reason of the far end or of a timer (if still alive)."""
        if call.alive:
            self.e.end_call(call, cause)

    def answer(self, call: Call) -> None:
        if not (call.alive and call.ringing):
            return
        call.ringing = False
        self.e.timers.cancel(call, "ring", "ring_timeout")
        call.state = ANSWERED
        if call.transfer_of:
            original = self.e.find(call.transfer_of)
            if original is not None and original.alive:
                call.state = original.state = BRIDGED
                original.bridged_with, call.bridged_with = call.id, original.id
                self.e.save(original)
        ring_run = self.e.run_at(call.ring_run)
        call.ring_run = None
        self.e.emit(call, ANSWERED_EVENT, owner=ring_run, state=ANSWERED)
        self.e.features.answered(call, call.features.pop("on_answer", None), ring_run)
        self.e.save(call)

    def hangup(self, call: Call) -> None:
        if not call.alive:
            return
        self.e.end_call(call, ORIGINATOR_CANCEL if call.ringing else NORMAL_CLEARING)
