"""Simulated time: every wait of a call is a timer row in the state database.

Everything that takes time (ringing, a prompt, speech, the gap between two keys) waits
`seconds * TIME_SCALE`. Timeouts that wait for somebody to act (first_command_timeout,
ring timeout_secs, time_limit_secs, gather and queue timeouts) scale too, except that with
TIME_SCALE=0 they never fire: at scale 0 nobody could act before them.

A timer (`durable`) is a row of the call with a name, a due time, a kind and arguments, on
SQLite as on PostgreSQL; the timer loop (refserver/storage/dispatch.py) claims due rows and
runs the engine's handler of the row's kind (`Engine._timer_handlers`), which finds the call
again and acts on what its record holds (its media, its gather, ...). So a timer survives a
restart and, on PostgreSQL, fires in whichever process claims it, its owner killed or not.
Rows due at the same time fire in the order they were added (the loop claims by due time,
then id), so the immediate steps of a call keep their order: a replaced timer is a new row.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from ..storage import SharedStorage
from ..storage.dispatch import TIMERS_CHANNEL
from .call import Call

log = logging.getLogger("refserver.calls")

# The longest wait a timer takes (real seconds): past it a timeout is as good as never, and the
# clock arithmetic stays far from overflowing whatever number a request held.
MAX_DELAY_SECS = 30 * 24 * 3600.0


class Timers:
    def __init__(self, store: SharedStorage, scale: float) -> None:
        self.store = store
        self.scale = scale
        self.clamp = True  # False only under the `timer_overflow` fault

    def durable(
        self,
        call: Call,
        name: str,
        secs: float,
        kind: str,
        args: dict[str, Any] | None = None,
        timeout: bool = False,
        *,
        fresh: bool = False,
    ) -> None:
        """The call's timer `name` (replacing one of that name, as a new row; `fresh`: a name
        never used before), due in `secs` simulated seconds (a timeout: never at scale 0),
        fired by whichever process claims it through the engine's handler of `kind`, with `args`."""
        if timeout and self.scale == 0:
            self.cancel(call, name)
            return
        # without the clamp (the fault), the number as given: 10^400 overflows here, after the 200
        delay = _clamped(secs, self.scale) if self.clamp else max(float(secs) * self.scale, 0.0)
        with self.store.tx():
            if not fresh:
                self.store.cancel_timers(call.id, name)  # a new row: it fires after the ones added before it
            self.store.put_timer(call.id, name, delay, kind, args or {})
            self.store.notify(TIMERS_CHANNEL, call.id)

    def cancel(self, call: Call, *names: str) -> None:
        if names:
            self.store.cancel_timers(call.id, *names)

    def cancel_all(self, call: Call) -> None:
        self.store.cancel_timers(call.id)


def _clamped(secs: float, scale: float) -> float:
    """`secs * scale` within [0, MAX_DELAY_SECS], whatever `secs` is (an int past a double, inf, NaN)."""
    try:
        delay = float(secs) * scale
    except OverflowError:
        return MAX_DELAY_SECS
    if math.isnan(delay):
        return 0.0
    return min(max(delay, 0.0), MAX_DELAY_SECS)
