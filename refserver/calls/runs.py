"""The webhooks of one command, as its `x-webhooks` steps say: a small step interpreter.

A command's behaviour (how long media lasts, which digits a gather keeps, the state
changes) is code; WHICH webhooks it produces and in WHAT ORDER comes from the spec. The
code reports what happened, as occurrences: (leg, event, payload fields). A `Run` holds the
command's steps, turned into slots by the spec model once the conditions their `when`
names are known (evaluated when the command is accepted), the calls its legs name (`self`,
`other`, `new`) and a cursor:

* an occurrence that fits the slot at the cursor (or a later one, past slots that may be
  empty) is sent at once;
* one that fits a later slot while an earlier one still waits for its webhook is held back
  and sent, in the steps' order, once the earlier ones are sent (so a spec that lists
  `call.bridged` of the other leg first gets it first); when a call of the run ends,
  whatever is still held is sent, in the steps' order (a step the code never reports, e.g.
  one added to a copy of the spec, does not swallow the ones after it);
* one that fits no remaining slot is not sent: the spec does not list it for this command.

Deferred steps (`call.speak.ended`, a gather's keys, the far end answering a dial) are the
same run's: the activity keeps a reference to its run, and its code reports the occurrence
when it happens, in whichever process that is. A run is plain data (`dump` / `load`): the
operation's id, its slots, its legs by call id, the cursor and the held occurrences as
(call id, role, event, fields); it is kept in the record of one call, its home
(`Engine.keep`), with the activities that refer to it. Events no command causes (the far
end hanging up, a timeout, an inbound call, a key pressed outside a gather) belong to no
run and are always sent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from specmodel import Slot
from specmodel.steps import UNBOUNDED

from ..spec import Operation
from .activities import new_id
from .call import Call


@dataclass
class Occurrence:
    call_id: str
    role: str
    event: str
    fields: dict[str, Any]
    call: Call | None = None  # the call, while in the process that reported it

    def dump(self) -> list[Any]:
        return [self.call_id, self.role, self.event, self.fields]


Send = Callable[[Call, str, dict[str, Any]], None]
Find = Callable[[str], "Call | None"]


def dump_slot(slot: Slot) -> dict[str, Any]:
    return {"events": sorted(slot.events), "leg": slot.leg, "low": slot.low, "high": slot.high, "text": slot.text}


def load_slot(data: dict[str, Any]) -> Slot:
    return Slot(frozenset(data["events"]), data["leg"], data["low"], data["high"], data["text"])


class Run:
    def __init__(
        self,
        op: Operation,
        slots: Sequence[Slot],
        send: Send,
        legs: Mapping[str, Call],
        on_hold: Callable[[Run], None] | None = None,
        find: Find | None = None,
    ) -> None:
        self.id = new_id()
        self.home: str | None = None  # the call whose record keeps it (Engine.keep)
        self.op = op
        self.on_hold = on_hold  # told when it starts holding something back
        self.find = find  # the call of a held occurrence loaded from a record
        self.slots = list(slots)
        self.send = send
        self.legs: dict[str, str] = {role: call.id for role, call in legs.items()}
        self.at = 0  # the slot at the cursor
        self.count = 0  # webhooks sent for it so far
        self.held: list[Occurrence] = []

    # ---- as data -----------------------------------------------------------------
    def dump(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "home": self.home,
            "op": self.op.operation_id,
            "slots": [dump_slot(s) for s in self.slots],
            "legs": dict(self.legs),
            "at": self.at,
            "count": self.count,
            "held": [occ.dump() for occ in self.held],
        }

    @classmethod
    def load(
        cls,
        data: Mapping[str, Any],
        op: Operation,
        send: Send,
        on_hold: Callable[[Run], None] | None = None,
        find: Find | None = None,
    ) -> Run:
        run = cls(op, [load_slot(s) for s in data["slots"]], send, {}, on_hold, find)
        run.id, run.home = data["id"], data["home"]
        run.legs = dict(data["legs"])
        run.at, run.count = data["at"], data["count"]
        run.held = [Occurrence(*occ) for occ in data["held"]]
        return run

    def bind(self, role: str, call: Call) -> None:
        self.legs[role] = call.id

    def role_of(self, call: Call) -> str | None:
        return next((role for role, call_id in self.legs.items() if call_id == call.id), None)

    # ---- matching ----------------------------------------------------------------
    def _fits(self, i: int, count: int, occ: Occurrence) -> bool:
        slot = self.slots[i]
        room = slot.high == UNBOUNDED or count < slot.high
        return room and occ.event in slot.events and occ.role == slot.leg

    def _reach(self, occ: Occurrence) -> int | None:
        """The slot the occurrence takes now, passing only slots that may stay short."""
        i, count = self.at, self.count
        while i < len(self.slots):
            if self._fits(i, count, occ):
                return i
            if count < self.slots[i].low:
                return None
            i, count = i + 1, 0
        return None

    def _later(self, occ: Occurrence) -> bool:
        """Whether a slot after the cursor could still take it (it is held until then)."""
        return any(self._fits(i, 0, occ) for i in range(self.at + 1, len(self.slots)))

    def _take(self, i: int, occ: Occurrence) -> None:
        self.count = self.count + 1 if i == self.at else 1
        self.at = i
        call = occ.call if occ.call is not None else (self.find(occ.call_id) if self.find else None)
        if call is not None:
            self.send(call, occ.event, occ.fields)

    def offer(self, call: Call, event: str, fields: dict[str, Any], hold: bool = True) -> bool:
        """Send (or hold back) the occurrence if the steps list it; False if they do not
        (or, with hold=False, if it cannot be sent right now)."""
        role = self.role_of(call)
        if role is None:
            return False
        occ = Occurrence(call.id, role, event, fields, call)
        i = self._reach(occ)
        if i is None:
            if not (hold and self._later(occ)):
                return False
            self.held.append(occ)
            if self.on_hold is not None:
                self.on_hold(self)
            return True
        self._take(i, occ)
        self._release()
        return True

    def _release(self) -> None:
        progress = True
        while progress and self.held:
            progress = False
            for occ in list(self.held):
                i = self._reach(occ)
                if i is not None:
                    self.held.remove(occ)
                    self._take(i, occ)
                    progress = True
                    break

    def release_all(self) -> None:
        """Send what is held, in the steps' order, without waiting for the steps before it."""
        while self.held:
            first = min(self.held, key=self._next_slot)
            self.held.remove(first)
            self._take(self._next_slot(first), first)

    def _next_slot(self, occ: Occurrence) -> int:
        return next(
            (i for i in range(self.at, len(self.slots)) if self._fits(i, self.count if i == self.at else 0, occ)),
            len(self.slots),
        )


def deliver(runs: Sequence[Run | None], call: Call, event: str, fields: dict[str, Any], send: Send) -> None:
    """Report an occurrence to the runs it may belong to, in order of precedence.

    The last run that names the call among its legs owns the occurrence: if its steps do not
    list it, it is not sent. A run before it (the command being executed, when that is not
    the owner) takes it only if its steps can send it right now. With no run naming the
    call, nothing caused it that the spec describes: it is sent as it is.
    """
    concerned: list[Run] = []
    for run in runs:
        if run is not None and run.role_of(call) is not None and run not in concerned:
            concerned.append(run)
    if not concerned:
        send(call, event, fields)
        return
    *earlier, owner = concerned
    for run in earlier:
        if run.offer(call, event, fields, hold=False):
            return
    owner.offer(call, event, fields)
