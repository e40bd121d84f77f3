"""What a list of ``x-webhooks`` steps allows: the one definition of their semantics.

A step becomes a :class:`Slot` (which events, on which leg, how many times) once the
conditions named by ``when`` are known; :func:`matches` says whether a sequence of
``(event, leg)`` is allowed, or, with ``prefix``, may still be completed into one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .extensions import WebhookStep

UNBOUNDED = -1


@dataclass(frozen=True)
class Slot:
    events: frozenset[str]
    leg: str
    low: int
    high: int  # UNBOUNDED for a repeat
    text: str

    def fits(self, item: tuple[str, str]) -> bool:
        return item[0] in self.events and item[1] == self.leg


def slots_for(steps: Sequence[WebhookStep], conditions: Mapping[str, bool | None]) -> list[Slot]:
    """The slots of the steps, given what is known of the conditions (None: unknown)."""
    slots = []
    for step in steps:
        low, high = 1, 1
        if step.repeat:
            low, high = 0, UNBOUNDED
        if step.when is not None:
            known = conditions.get(step.when)
            if known is False:
                low, high = 0, 0
            elif known is None:
                low = 0
        elif step.optional:
            low = 0
        slots.append(Slot(frozenset(step.events), step.leg, low, high, step.describe()))
    return slots


def occurs(step: WebhookStep, conditions: Mapping[str, bool]) -> bool:
    """Whether a step takes place, for an emitter that knows every condition."""
    if step.when is not None:
        return bool(conditions.get(step.when, False))
    return True


def matches(slots: Sequence[Slot], seq: Sequence[tuple[str, str]], *, prefix: bool = False) -> bool:
    """Whether ``seq`` matches the slots (or, with ``prefix``, can still be completed to a match)."""

    def go(si: int, count: int, ej: int) -> bool:
        if ej == len(seq):
            if prefix:
                return True
            if si < len(slots) and count < slots[si].low:
                return False
            return all(s.low == 0 for s in slots[si + 1 :])
        if si >= len(slots):
            return False
        slot = slots[si]
        if (slot.high == UNBOUNDED or count < slot.high) and slot.fits(seq[ej]) and go(si, count + 1, ej + 1):
            return True
        return count >= slot.low and go(si + 1, 0, ej)

    return go(0, 0, 0)
