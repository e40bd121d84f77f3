"""Work run from the database rather than from one process's memory: webhook delivery and timers.

Several server processes share one database; any of them may deliver any webhook and fire
any timer, and one that dies hands its work over to the others:

* `Deliveries` leases the head (oldest pending row) of call legs (`claim_heads`) and posts
  each through `attempt(row)`, then records the result only while it still holds the
  lease, which also frees the leg's next row, claimed at once by the same process, so the
  others are not woken for it (`settle_head`: one round trip on PostgreSQL). A leg's
  webhooks are thus posted one at a time, in order, by one process at a time; a process
  killed mid-delivery loses its lease when its time is past (the webhook's timeouts, primary
  and failover, plus a margin) and another posts the row again (at least once, same event id).
* `TimerLoop` claims due timer rows (`claim_timers`) and runs each kind's handler with the
  row's call id and arguments in one transaction that also deletes the row; a claimer that
  dies leaves the row to another once its lease is past.

Neither polls: each sleeps until a notification (`notify("outbox")` / `notify("timers")`,
sent by whoever adds or settles a row, delivered at its commit: LISTEN/NOTIFY on PostgreSQL)
or until the earliest row could be claimed, whichever comes first.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import uuid
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from . import Row, Storage

log = logging.getLogger("refserver.dispatch")

OUTBOX_CHANNEL = "refserver_outbox"
TIMERS_CHANNEL = "refserver_timers"
LEASE_MARGIN = 5.0  # seconds a delivery lease outlasts the webhook's own timeouts
TIMER_LEASE = 30.0  # seconds a claimed timer is held before another process may take it
MAX_SLEEP = 60.0  # a wake-up at least this often, should a notification be lost with a dropped connection


def owner_name() -> str:
    """A name for this process, unique among all processes on all hosts."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


@dataclass
class Attempt:
    """The outcome of one delivery attempt (primary, then failover)."""

    attempt: int
    tries: list[tuple[str, int | None, str | None, str]]
    status: str  # delivered | pending (a retry is due at next_attempt_at) | failed
    next_attempt_at: float
    delivered_to: str | None


class Deliveries:
    def __init__(
        self,
        store: Storage,
        attempt: Callable[[dict[str, Any]], Awaitable[Attempt]],
        *,
        owner: str | None = None,
        parallel: int = 64,
        margin: float = LEASE_MARGIN,
    ) -> None:
        self.store = store
        self.attempt = attempt
        self.owner = owner or owner_name()
        self.parallel = parallel
        self.margin = margin
        self._inflight: set[asyncio.Task[None]] = set()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        tasks = [t for t in (self._task, *self._inflight) if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task

    async def _run(self) -> None:
        async with self.store.listen(OUTBOX_CHANNEL) as listener:
            while True:
                try:
                    room = max(self.parallel - len(self._inflight), 0)
                    rows, wait = self.store.claim_heads_and_next_due(self.owner, self.margin, room)
                    for row in rows:
                        self._spawn(dict(row))
                except Exception:  # the database went away for a moment: try again shortly
                    log.exception("claiming webhooks failed")
                    wait = 1.0
                timeout = MAX_SLEEP if wait is None else min(max(wait, 0.001), MAX_SLEEP)
                if len(self._inflight) >= self.parallel:
                    timeout = MAX_SLEEP  # a slot freed wakes us
                notified = asyncio.ensure_future(listener.wait(timeout))
                woken = asyncio.ensure_future(self._wake.wait())
                try:
                    await asyncio.wait({notified, woken}, return_when=asyncio.FIRST_COMPLETED)
                finally:  # not awaited: awaiting here could swallow this task's own cancellation
                    notified.cancel()
                    woken.cancel()
                self._wake.clear()

    def _spawn(self, row: dict[str, Any]) -> None:
        task = asyncio.get_running_loop().create_task(self._deliver(row))
        self._inflight.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._inflight.discard(task)
        self._wake.set()

    async def _deliver(self, row: dict[str, Any]) -> None:
        try:
            result = await self.attempt(row)
        except asyncio.CancelledError:
            raise
        except Exception:  # a bug: the lease runs out and the row is tried again
            log.exception("delivery of outbox row %s failed", row["seq"])
            return
        # the result, and the leg's next row for this process at once (the others are not woken for it:
        # no herd), in one round trip on PostgreSQL
        kept, nxt = self.store.settle_head(
            row,
            result.attempt,
            result.tries,
            result.status,
            result.next_attempt_at,
            result.delivered_to,
            owner=self.owner,
            lease_secs=self.margin,
        )
        if not kept:
            log.warning("lease of outbox row %s lost before its result was recorded", row["seq"])
        for claimed in nxt:  # leased to this process: delivered by it
            self._spawn(dict(claimed))


Handler = Callable[[str, dict[str, Any]], None]


class TimerLoop:
    def __init__(
        self,
        store: Storage,
        handlers: Mapping[str, Handler],
        *,
        owner: str | None = None,
        lease: float = TIMER_LEASE,
    ) -> None:
        self.store = store
        self.handlers = handlers
        self.owner = owner or owner_name()
        self.lease = lease
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._run())

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._task

    def fire_due(self, limit: int = 64) -> int:
        """Fire the due timers this process can claim (up to `limit`); how many fired."""
        return self._fire(self.store.claim_timers(self.owner, self.lease, limit=limit))

    def _fire(self, rows: list[Row]) -> int:
        fired = 0
        for row in rows:
            handler = self.handlers.get(row["kind"])
            if handler is None:
                log.error("timer kind %r has no handler (call %s)", row["kind"], row["call_id"])
            try:
                with self.store.tx():
                    if self.store.finish_timer(row["id"], self.owner) and handler is not None:
                        handler(row["call_id"], row["args"])
                        fired += 1
            except Exception:  # rolled back: the row is back, tried again once its lease is past
                log.exception("timer %s (%s) of call %s failed", row["name"], row["kind"], row["call_id"])
        return fired

    async def _run(self) -> None:
        async with self.store.listen(TIMERS_CHANNEL) as listener:
            while True:
                try:
                    # claimed with the wait until the next one (one round trip); after firing, at once
                    # again: a fired timer may have made its call's next one claimable
                    rows, wait = self.store.claim_timers_and_next_due(self.owner, self.lease, 64)
                    if rows:
                        self._fire(rows)
                        await asyncio.sleep(0)  # the event loop's other work goes first
                        continue
                except Exception:
                    log.exception("firing timers failed")
                    wait = 1.0
                await listener.wait(MAX_SLEEP if wait is None else min(max(wait, 0.001), MAX_SLEEP))
