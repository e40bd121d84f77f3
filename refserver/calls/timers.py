"""Simulated time: timers on the event loop, each firing as one store transaction.

Everything that takes time (ringing, a prompt, speech, the gap between two keys) waits
`seconds * TIME_SCALE`. Timeouts that wait for somebody to act (first_command_timeout,
ring timeout_secs, time_limit_secs, gather timeouts) scale too, except that with
TIME_SCALE=0 they never fire: at scale 0 nobody could act before them. The far end's ringing
and the call timeouts (`durable`: ring, ring timeout, early hangup, first-command timeout,
time limit) are timer rows in the state database, on SQLite as on PostgreSQL, fired by the
timer loop (refserver/storage/dispatch.py): they survive a restart (on PostgreSQL, by any
process). The other timers (media, gathers, runs) live in this process's memory.
"""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Callable
from typing import Any

from ..storage.dispatch import TIMERS_CHANNEL
from ..store import Store
from .call import Call

log = logging.getLogger("refserver.calls")

# The longest wait a timer takes (real seconds): past it a timeout is as good as never, and the
# event loop's clock arithmetic stays far from overflowing whatever number a request held.
MAX_DELAY_SECS = 30 * 24 * 3600.0


class Timers:
    def __init__(self, store: Store, scale: float, after: Callable[[str], None]) -> None:
        """`after(call_id)` runs inside each firing's transaction, after the timer's work."""
        self.store = store
        self.scale = scale
        self.after = after
        self.clamp = True  # False only under the `timer_overflow` fault
        self.before: Callable[[str], object] | None = None  # run first in each firing's transaction
        self.rows = False  # True when the store keeps timer rows: `durable` timers are rows (storage/dispatch.py)

    def schedule(
        self, call_id: str, secs: float, fn: Callable[[], None], timeout: bool = False
    ) -> asyncio.Handle | None:
        """Run `fn` in `secs` simulated seconds (a timeout: never at scale 0)."""
        if timeout and self.scale == 0:
            return None
        loop = asyncio.get_running_loop()
        # without the clamp (the fault), the number as given: 10^400 overflows here, after the 200
        delay = _clamped(secs, self.scale) if self.clamp else max(float(secs) * self.scale, 0.0)
        if delay == 0:  # FIFO, so that immediate steps keep their order
            return loop.call_soon(self._fire, call_id, fn)
        return loop.call_later(delay, self._fire, call_id, fn)

    def _fire(self, call_id: str, fn: Callable[[], None]) -> None:
        try:
            with self.store.tx():
                if self.before is not None:
                    self.before(call_id)
                fn()
                self.after(call_id)
        except Exception:
            log.exception("timer of call %s failed", call_id)

    def start(self, call: Call, name: str, secs: float, fn: Callable[[], None], timeout: bool = False) -> None:
        """A named timer of the call (replacing one of the same name)."""
        self.cancel(call, name)
        handle = self.schedule(call.id, secs, fn, timeout)
        if handle is not None:
            call.timers[name] = handle

    def durable(
        self,
        call: Call,
        name: str,
        secs: float,
        kind: str,
        args: dict[str, Any],
        fn: Callable[[], None],
        timeout: bool = False,
    ) -> None:
        """A named timer that outlives this process: a row due in `secs` simulated seconds, fired
        by whichever process claims it (the engine's handler of `kind` with `args`); without
        timer rows in the store, the same as `start` with `fn`."""
        if not self.rows:
            self.start(call, name, secs, fn, timeout)
            return
        if timeout and self.scale == 0:
            self.cancel(call, name)
            return
        delay = _clamped(secs, self.scale) if self.clamp else max(float(secs) * self.scale, 0.0)
        self.store.put_timer(call.id, name, delay, kind, args)  # type: ignore[attr-defined]
        self.store.notify(TIMERS_CHANNEL, call.id)  # type: ignore[attr-defined]

    def cancel(self, call: Call, *names: str) -> None:
        for name in names:
            handle = call.timers.pop(name, None)
            if handle is not None:
                handle.cancel()
        if self.rows and names:
            self.store.cancel_timers(call.id, *names)  # type: ignore[attr-defined]

    def cancel_all(self, call: Call) -> None:
        self.cancel(call, *list(call.timers))
        if self.rows:
            self.store.cancel_timers(call.id)  # type: ignore[attr-defined]


def _clamped(secs: float, scale: float) -> float:
    """`secs * scale` within [0, MAX_DELAY_SECS], whatever `secs` is (an int past a double, inf, NaN)."""
    try:
        delay = float(secs) * scale
    except OverflowError:
        return MAX_DELAY_SECS
    if math.isnan(delay):
        return 0.0
    return min(max(delay, 0.0), MAX_DELAY_SECS)
