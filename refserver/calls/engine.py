"""The call engine: the live calls, their persistence and webhooks, and the end of a call.

The parts with one job each hang off it: `timers` (simulated time), `player` (playback and
speech), `gatherer` (DTMF gathering), `recorder`, `far_end` (and its scripts),
`commands` (the API's dial and commands) and `sim` (the simulator's operations). All of
them run on the event loop's thread; a request or a timer is one store transaction.

A call's record holds all of it, its running activities too (refserver/calls/call.py), and
every wait is a timer row (refserver/calls/timers.py): any process that loads the call under
its lock, or starts again on the same state database, carries on where another left off.
"""

from __future__ import annotations

import functools
import time
import uuid
from collections.abc import Callable
from typing import Any

from ..config import Config
from ..errors import fail, not_found
from ..faults import Faults
from ..spec import SpecIndex, Unsupported
from ..storage import SharedStorage
from ..storage.dispatch import TimerLoop
from ..store import Store
from ..webhooks import Outbox
from .call import PERSISTED, Call, new_call_control_id
from .commands import Commands
from .farend import FarEnd
from .features import Features
from .gather import Gatherer
from .media import Player
from .memory import CallTable
from .recording import Recorder
from .runs import Run, deliver
from .simulator import Simulator
from .tables import (
    ANSWERED,
    APP_INACTIVE,
    BRIDGED,
    CHANNEL_LIMIT,
    EVENTS,
    HANGUP,
    HANGUP_EVENT,
    INVALID_CONNECTION,
    NORMAL_CLEARING,
    Cause,
)
from .timers import Timers


class Engine:
    def __init__(self, spec: SpecIndex, store: Store, outbox: Outbox, cfg: Config, faults: Faults) -> None:
        self.spec = spec
        self.store = store
        self.outbox = outbox
        self.cfg = cfg
        self.faults = faults
        self.calls = CallTable()  # live calls, and a bounded cache of ended ones (refserver/calls/memory.py)
        self._reserved: dict[tuple[str, str], int] = {}  # the `phantom_call` fault's leaked channels
        self.run: Run | None = None  # the run of the command being executed
        missing = EVENTS - spec.events()
        if missing:
            raise Unsupported(f"events the engine reports but the spec does not define: {sorted(missing)}")
        if not isinstance(store, SharedStorage):
            raise TypeError("the engine needs a store with timer rows (refserver.storage.open_storage)")
        self.timers = Timers(store, cfg.time_scale)  # every wait is a timer row, SQLite or PostgreSQL
        self.timers.clamp = not faults.timer_overflow
        # PostgreSQL: several processes share the calls; each request reads the call from the database
        # (under a lock on it), and any process fires any timer row
        self.shared = cfg.shared
        self._fresh: set[str] = set()  # calls read from the database in the current transaction
        self.timer_loop: TimerLoop | None = None
        self.player = Player(self)
        self.gatherer = Gatherer(self)
        self.recorder = Recorder(self)
        self.far_end = FarEnd(self)
        self.features = Features(self)
        self.commands = Commands(self)
        self.sim = Simulator(self)

    # ---- lifecycle ---------------------------------------------------------------
    def restore(self) -> None:
        """Load the calls that were alive when the server stopped, with their activities. Their
        timers are rows the timer loop fires when due (started with `start_timers`); a ringing
        call without any (a record from before timer rows) rings again.
        Shared state: calls are read when a request names them."""
        if self.shared:
            return
        for text in self.store.live_calls():
            call = Call.load(text)
            self.calls[call.id] = call
            if call.ringing and not self.store.timers_of(call.id):
                self.far_end.ring(call)

    async def start_timers(self) -> None:
        self.timer_loop = TimerLoop(self.store, self._timer_handlers())
        await self.timer_loop.start()

    async def stop_timers(self) -> None:
        if self.timer_loop is not None:
            await self.timer_loop.stop()

    def _timer_handlers(self) -> dict[str, Callable[[str, dict[str, Any]], None]]:
        """What the durable timers do (refserver/calls/timers.py `durable`), by kind."""

        def on(act: Callable[[Call, dict[str, Any]], None]) -> Callable[[str, dict[str, Any]], None]:
            def handler(call_id: str, args: dict[str, Any]) -> None:
                call = self.find(call_id)
                if call is not None and call.alive:
                    act(call, args)
                    self.save(call)

            return handler

        return {
            "far_end.answer": on(lambda call, args: self.far_end.answer(call)),
            "far_end.hangup": on(lambda call, args: self.far_end.hangup(call)),
            "far_end.end": on(lambda call, args: self.far_end.end(call, Cause(*args["cause"]))),
            "media.end": on(lambda call, args: self.player.ended(call, args["media"])),
            "gather.prompt_done": on(lambda call, args: self.gatherer.prompt_due(call, args["gather"])),
            "gather.timeout": on(lambda call, args: self.gatherer.timed_out(call, args["gather"])),
            "dtmf.press": on(lambda call, args: self.sim.press(call, args["digit"])),
            "queue.timeout": on(lambda call, args: self.features.dequeue(call, "timeout")),
            "refer.notify": on(lambda call, args: self.features.notify(call, args["name"], args["failed"])),
        }

    def shutdown(self) -> None:
        """Nothing of a call lives only here: its activities are in its record, its timers are rows."""

    # ---- the calls ---------------------------------------------------------------
    def save(self, call: Call) -> None:
        self.store.put_call(call.id, call.account, call.leg_id, call.alive, call.dump())

    # ---- runs: kept in a call's record, referred to as "<home call id>/<run id>" ----
    def keep(self, run: Run, call: Call) -> str:
        """The reference to `run`, kept in the record of its home (the first call that keeps
        it: `call` unless it has one already), for an activity to carry on with it later."""
        home = call if run.home in (None, call.id) else self.find(run.home or "")
        if home is None:
            home = call
        run.home = home.id
        if run.id not in home.runs:
            home.runs[run.id] = {}
            home.live_runs[run.id] = run
            self.store.on_rollback(functools.partial(_unkeep, home, run.id))
        return f"{home.id}/{run.id}"

    def run_at(self, ref: str | None) -> Run | None:
        """The run a reference names, as its home's record has it (None: gone)."""
        if not ref:
            return None
        home_id, _, run_id = ref.rpartition("/")
        home = self.find(home_id)
        if home is None:
            return None
        run = home.live_runs.get(run_id)
        if run is None:
            data = home.runs.get(run_id)
            if not data:
                return None
            run = self.commands.load_run(data)
            home.live_runs[run_id] = run
        return run

    def _held(self, run: Run) -> None:
        """`run` holds a webhook back: it is kept, and each of its legs knows it (to release it
        when that leg ends), in their records."""
        legs = [c for c in (self.find(cid) for cid in run.legs.values()) if c is not None]
        if not legs:
            return
        ref = self.keep(run, legs[0])
        for leg in legs:
            if ref not in leg.held_by and not ref.startswith(leg.id + "/"):
                leg.held_by.append(ref)
                self.store.on_rollback(functools.partial(_discard, leg.held_by, ref))
            self.save(leg)

    def find(self, call_id: str) -> Call | None:
        if self.shared:
            return self._read(call_id)
        call = self.calls.get(call_id)
        if call is None:
            text = self.store.get_call(call_id)
            if text is not None:
                call = Call.load(text)
                self.calls[call.id] = call
        return call

    def _read(self, call_id: str) -> Call | None:
        """The call as the database has it (another process may have changed it), read once per
        transaction under a lock on the call, so that two processes never act on one call at once.
        The whole record is read, activities and runs included (the `Run` objects loaded before
        are dropped: the record may have moved on)."""
        call = self.calls.get(call_id)
        if call_id in self._fresh:
            return call
        in_tx = self.store.in_transaction()
        if in_tx:
            self.store.lock(f"call\n{call_id}")
        text = self.store.get_call(call_id)
        if text is None:
            return call
        stored = Call.load(text)
        if call is None:
            call = stored
        else:
            for name in PERSISTED:
                setattr(call, name, getattr(stored, name))
            call.live_runs.clear()
        self.calls[call.id] = call
        if in_tx:
            self._fresh.add(call_id)
            self.store.after_commit(lambda: self._fresh.discard(call_id))
            self.store.on_rollback(lambda: self._fresh.discard(call_id))
        return call

    def current_calls(self, call: Call) -> list[Call]:
        """`call` and the others this transaction read from the database: newer in memory than
        their records until it commits."""
        others = (self.calls.get(call_id) for call_id in sorted(self._fresh) if call_id != call.id)
        return [call, *(c for c in others if c is not None)]

    def get(self, call_id: str, account: str | None) -> Call:
        """The call, seen by an account (None: the simulator, which sees every call)."""
        call = self.find(call_id)
        if call is None or (account is not None and call.account != account):
            raise not_found("Call not found.")
        return call

    def new_call(self, **kw: Any) -> Call:
        """A new call, in memory from now on, unless the transaction that made it is rolled
        back: then it is forgotten (it never counts against channel_limit; its timer rows and
        record were rolled back with it)."""
        call = Call(leg_id=str(uuid.uuid4()), id=new_call_control_id(), **kw)
        self.calls[call.id] = call
        self.store.on_rollback(lambda: self._forget(call))
        if self.shared:  # this transaction's copy is the newest: not read back over
            self._fresh.add(call.id)
            self.store.after_commit(lambda: self._fresh.discard(call.id))
            self.store.on_rollback(lambda: self._fresh.discard(call.id))
        return call

    def _forget(self, call: Call) -> None:
        self.calls.pop(call.id)

    def emit(self, call: Call, event: str, *, owner: Run | None = None, **extra: Any) -> None:
        """Report that `event` happened to the call: the run of the command being executed or
        `owner` (the run of the command that started the activity) sends it, or holds it
        back, as its steps say (refserver/calls/runs.py); with neither, it is sent."""
        fields = call.webhook_fields()
        fields.update(extra)
        deliver((self.run, owner), call, event, fields, self.send)

    def send(self, call: Call, event: str, fields: dict[str, Any], envelope: str | None = None) -> None:
        """Queue one webhook of this call to its application (inside the transaction), in
        `envelope` (a V2 command's run: "2"), else the envelope of the call's latest command's
        API, else the application's `webhook_api_version`; an event that envelope does not
        describe goes in one that does."""
        app = self.store.get_application(call.connection_id, include_deleted=True)
        if app is None:
            return
        envelope = envelope or call.envelope or str(app.get("webhook_api_version") or "1")
        if (event, envelope) not in self.spec.webhooks:
            envelope = next((env for ev, env in self.spec.webhooks if ev == event), "")
            if not envelope:  # a V2-only event, with a spec directory that lacks the V2 document
                return
        if envelope != app.get("webhook_api_version"):
            app = {**app, "webhook_api_version": envelope}
        self.outbox.emit(app, call.account, event, fields, call.leg_id, call.id)

    # ---- applications ------------------------------------------------------------
    def app_for(self, connection_id: str, account: str | None, pointer: str) -> dict[str, Any]:
        """The active application a call is made with."""
        app = self.store.get_application(connection_id, account)
        if app is None:
            raise fail(422, INVALID_CONNECTION, "Invalid connection_id.", pointer=pointer)
        if not app["active"]:
            raise fail(422, APP_INACTIVE, "The application is not active.", pointer=pointer)
        return app

    def check_channel(self, app: dict[str, Any], direction: str, pointer: str) -> None:
        side = "inbound" if direction == "incoming" else "outbound"
        limit = (app.get(side) or {}).get("channel_limit")
        if limit is None:
            return
        if self.shared:  # counted in the database, across processes, one dial at a time per application
            self.store.lock(f"channel\n{app['id']}\n{direction}")
            live = self.store.count_live_calls(app["id"], direction)
        else:
            live = sum(
                1 for c in self.calls.values() if c.alive and c.connection_id == app["id"] and c.direction == direction
            )
        if self.faults.phantom_call:  # the fault: a channel reserved here is given back only on commit
            key = (app["id"], direction)
            live += self._reserved.get(key, 0)
            self._reserved[key] = self._reserved.get(key, 0) + 1
            self.store.after_commit(lambda: self._reserved.__setitem__(key, self._reserved[key] - 1))
        if live >= limit:
            detail = f"The application's {side}.channel_limit ({limit}) is reached."
            raise fail(422, CHANNEL_LIMIT, detail, pointer=pointer)

    # ---- the end of a call -------------------------------------------------------
    def end_call(self, call: Call, cause: Cause = NORMAL_CLEARING) -> None:
        """Media in progress ends first, then call.hangup, then the recording is saved; a
        bridged peer hangs up too, unless it parks after unbridging."""
        if not call.alive:
            return
        self.player.end_all(call, "call_hangup")
        if call.gather is not None:
            self.gatherer.end(call, "call_hangup")
        self.timers.cancel_all(call)
        self.features.ended(call)
        call.ended_ts = time.time()
        call.state = HANGUP
        call.ringing = False
        call.hangup_cause = cause.hangup_cause
        ring_run = self.run_at(call.ring_run)
        call.ring_run = None
        self.emit(
            call,
            HANGUP_EVENT,
            owner=ring_run,
            state=HANGUP,
            hangup_cause=cause.hangup_cause,
            sip_hangup_cause=cause.sip,
        )
        if call.recording is not None:
            self.recorder.save(call)
        self._release_held(call)
        self.save(call)
        peer_id, call.bridged_with = call.bridged_with, None
        peer = self.find(peer_id) if peer_id else None
        if peer is not None and peer.alive and peer.bridged_with == call.id:
            peer.bridged_with = None
            if peer.park_after_unbridge:
                peer.state = ANSWERED
                peer.park_after_unbridge = False
                self.save(peer)
            else:
                self.end_call(peer, NORMAL_CLEARING)

    def _release_held(self, call: Call) -> None:
        """What the runs naming the ended call hold back is sent: their earlier steps will not come now."""
        refs = [f"{call.id}/{run_id}" for run_id in call.runs] + call.held_by
        call.held_by = []
        for ref in dict.fromkeys(refs):
            run = self.run_at(ref)
            if run is None or not run.held or run.role_of(call) is None:
                continue
            run.release_all()
            if run.home != call.id:
                home = self.find(run.home or "")
                if home is not None:
                    self.save(home)

    def bridge(self, a: Call, b: Call) -> None:
        a.state = b.state = BRIDGED
        a.bridged_with, b.bridged_with = b.id, a.id


def _discard(refs: list[str], ref: str) -> None:
    if ref in refs:
        refs.remove(ref)


def _unkeep(home: Call, run_id: str) -> None:
    home.runs.pop(run_id, None)
    home.live_runs.pop(run_id, None)
