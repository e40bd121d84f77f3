"""Calls: the state machine, the simulated far end, media and DTMF, in simulated time.

States are the spec's (`x-call-states`): parked -> answered -> bridged -> hangup. A
command is accepted only in the states its operation lists; on an ended call it answers
422 / 90018. Each accepted command emits the webhooks of its `x-webhooks` steps, in that
order, through the outbox.

Time. Everything that takes time (ringing, a prompt, speech, a recording, the gap
between two keys) is a timer on the event loop: `seconds * TIME_SCALE`. Timeouts that
wait for somebody to act (first_command_timeout, ring timeout_secs, time_limit_secs,
gather timeouts) scale too, except that with TIME_SCALE=0 they never fire: at scale 0
nobody could act before them. Timers are not durable: after a restart, calls keep their
state but running media, gathers and timeouts are forgotten (a ringing outbound call
starts ringing again).

All of this runs on the event loop's thread; each timer is one store transaction.
"""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import os
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .config import Config
from .errors import TelnyxError, error, fail, not_found
from .faults import Faults
from .spec import Operation, SpecIndex, schema_defaults
from .store import Store
from .webhooks import Outbox, now_iso

log = logging.getLogger("refserver.calls")

RING_SECS = 1.0  # default ring time before the far end answers
PLAYBACK_SECS = 3.0  # length of one play of an audio file
SPEAK_CHARS_PER_SEC = 15.0  # speech rate
SPEAK_MIN_SECS = 0.5
IDEMPOTENCY_WINDOW = 60.0  # real seconds
REJECT_CAUSES = {"CALL_REJECTED": ("call_rejected", "603"), "USER_BUSY": ("user_busy", "486")}


PERSISTED = [
    "id",
    "account",
    "connection_id",
    "leg_id",
    "session_id",
    "direction",
    "from_",
    "to",
    "state",
    "client_state",
    "created_at",
    "ringing",
    "timeout_secs",
    "bridged_with",
    "park_after_unbridge",
    "transfer_of",
    "recording",
    "forking",
    "hangup_cause",
]


def new_call_control_id() -> str:
    return "v1:" + base64.urlsafe_b64encode(os.urandom(30)).decode("ascii")


@dataclass
class Media:
    kind: str  # playback | speak
    media_url: str | None = None
    overlay: bool = False
    handle: asyncio.Handle | None = None


@dataclass
class Gather:
    kind: str  # audio | speak
    params: dict[str, Any]
    digits: str = ""
    tries: int = 0
    prompting: bool = True
    first_prompt: bool = True
    handle: asyncio.Handle | None = None


@dataclass
class Call:
    id: str
    account: str
    connection_id: str
    leg_id: str
    session_id: str
    direction: str  # incoming | outgoing
    from_: str
    to: str
    state: str = "parked"
    client_state: str | None = None
    created_at: str = field(default_factory=now_iso)
    ringing: bool = False
    timeout_secs: float = 30.0
    bridged_with: str | None = None
    park_after_unbridge: bool = False
    transfer_of: str | None = None
    recording: dict[str, Any] | None = None
    forking: bool = False
    hangup_cause: str | None = None
    # not persisted
    timers: dict[str, asyncio.Handle] = field(default_factory=dict, repr=False)
    media: list[Media] = field(default_factory=list, repr=False)
    gather: Gather | None = field(default=None, repr=False)

    @property
    def alive(self) -> bool:
        return self.state != "hangup"

    def dump(self) -> str:
        return json.dumps({k: getattr(self, k) for k in PERSISTED})

    @classmethod
    def load(cls, text: str) -> Call:
        return cls(**json.loads(text))

    def view(self) -> dict[str, Any]:
        return {
            "record_type": "call",
            "call_control_id": self.id,
            "call_leg_id": self.leg_id,
            "call_session_id": self.session_id,
            "connection_id": self.connection_id,
            "direction": self.direction,
            "from": self.from_,
            "to": self.to,
            "state": self.state,
            "is_alive": self.alive,
            "client_state": self.client_state,
            "bridged_with": self.bridged_with,
            "recording": self.recording is not None,
            "forking": self.forking,
            "gathering": self.gather is not None,
            "ringing": self.ringing,
            "hangup_cause": self.hangup_cause,
        }


class Engine:
    def __init__(self, spec: SpecIndex, store: Store, outbox: Outbox, cfg: Config, faults: Faults) -> None:
        self.spec = spec
        self.store = store
        self.outbox = outbox
        self.cfg = cfg
        self.faults = faults
        self.scale = cfg.time_scale
        self.calls: dict[str, Call] = {}
        self.scripts: list[dict[str, Any]] = []
        self.defaults: dict[str, dict[str, Any]] = {}
        for op in spec.operations:
            if op.body_ref and op.api == "call-control-v1.yaml":
                self.defaults[op.operation_id] = schema_defaults(spec, *op.body_ref)
        self.dial_op = spec.by_id["callDial"]
        self.handlers: dict[str, Callable[[Call, dict[str, Any]], None]] = {}
        for op in spec.operations:
            if op.command:
                handler = getattr(self, f"cmd_{op.command}", None)
                if handler is None:
                    raise RuntimeError(f"no handler for command {op.command}")
                self.handlers[op.operation_id] = handler
        missing = self.EVENTS - spec.events()
        if missing:
            raise RuntimeError(f"events used by the engine but not in the spec: {missing}")

    EVENTS = frozenset(
        {
            "call.initiated",
            "call.answered",
            "call.bridged",
            "call.hangup",
            "call.playback.started",
            "call.playback.ended",
            "call.speak.started",
            "call.speak.ended",
            "call.dtmf.received",
            "call.gather.ended",
            "call.recording.saved",
        }
    )

    # ---- lifecycle ---------------------------------------------------------------
    def restore(self) -> None:
        """Load the calls that were alive when the server stopped."""
        for text in self.store.live_calls():
            call = Call.load(text)
            self.calls[call.id] = call
            if call.ringing:
                self._start_far_end(call)

    def shutdown(self) -> None:
        for call in self.calls.values():
            for handle in call.timers.values():
                handle.cancel()
            for m in call.media:
                if m.handle:
                    m.handle.cancel()
            if call.gather and call.gather.handle:
                call.gather.handle.cancel()

    # ---- time --------------------------------------------------------------------
    def _schedule(
        self, call_id: str, secs: float, fn: Callable[[], None], timeout: bool = False
    ) -> asyncio.Handle | None:
        if timeout and self.scale == 0:
            return None
        loop = asyncio.get_running_loop()
        delay = max(secs * self.scale, 0.0)
        if delay == 0:  # FIFO, so that immediate steps keep their order
            return loop.call_soon(self._fire, call_id, fn)
        return loop.call_later(delay, self._fire, call_id, fn)

    def _fire(self, call_id: str, fn: Callable[[], None]) -> None:
        try:
            with self.store.tx():
                fn()
                call = self.calls.get(call_id)
                if call is not None:
                    self._save(call)
        except Exception:
            log.exception("timer of call %s failed", call_id)

    def _timer(self, call: Call, name: str, secs: float, fn: Callable[[], None], timeout: bool = False) -> None:
        self._cancel(call, name)
        handle = self._schedule(call.id, secs, fn, timeout)
        if handle is not None:
            call.timers[name] = handle

    def _cancel(self, call: Call, name: str) -> None:
        handle = call.timers.pop(name, None)
        if handle is not None:
            handle.cancel()

    # ---- helpers -----------------------------------------------------------------
    def _save(self, call: Call) -> None:
        self.store.put_call(call.id, call.account, call.leg_id, call.alive, call.dump())

    def _emit(self, call: Call, event: str, **extra: Any) -> None:
        app = self.store.get_application(call.connection_id, include_deleted=True)
        if app is None:
            return
        fields = {
            "call_control_id": call.id,
            "call_leg_id": call.leg_id,
            "call_session_id": call.session_id,
            "client_state": call.client_state,
            "connection_id": call.connection_id,
            "from": call.from_,
            "to": call.to,
            "direction": call.direction,
            "start_time": call.created_at,
            "occurred_at": now_iso(),
        }
        fields.update(extra)
        self.outbox.emit(app, call.account, event, fields, call.leg_id, call.id)

    def find(self, call_id: str) -> Call | None:
        call = self.calls.get(call_id)
        if call is None:
            text = self.store.get_call(call_id)
            if text is not None:
                call = Call.load(text)
                self.calls[call.id] = call
        return call

    def get(self, call_id: str, account: str | None) -> Call:
        call = self.find(call_id)
        if call is None or (account is not None and call.account != account):
            raise not_found("Call not found.")
        return call

    def _live_count(self, connection_id: str, direction: str) -> int:
        return sum(
            1 for c in self.calls.values() if c.alive and c.connection_id == connection_id and c.direction == direction
        )

    def _check_channel(self, app: dict[str, Any], direction: str, pointer: str) -> None:
        side = "inbound" if direction == "incoming" else "outbound"
        limit = (app.get(side) or {}).get("channel_limit")
        if limit is not None and self._live_count(app["id"], direction) >= limit:
            raise fail(
                422,
                "90040",
                f"The application's {side}.channel_limit ({limit}) is reached.",
                pointer=pointer,
            )

    def _new_call(self, **kw: Any) -> Call:
        call = Call(leg_id=str(uuid.uuid4()), id=new_call_control_id(), **kw)
        self.calls[call.id] = call
        return call

    # ---- far end -----------------------------------------------------------------
    def add_script(self, script: dict[str, Any]) -> None:
        self.scripts.append(script)

    def _take_script(self, to: str) -> dict[str, Any]:
        for script in reversed(self.scripts):
            if script["to"] == to:
                if script.get("times") is not None:
                    script["times"] -= 1
                    if script["times"] <= 0:
                        self.scripts.remove(script)
                return script
        return {"outcome": "answer", "ring_secs": RING_SECS}

    def _start_far_end(self, call: Call) -> None:
        script = self._take_script(call.to)
        outcome = script["outcome"]
        ring = float(script.get("ring_secs", RING_SECS))
        if outcome in ("no_answer", "manual") or outcome == "answer":
            self._timer(
                call,
                "ring_timeout",
                call.timeout_secs,
                lambda: self._far_end_end(call, "timeout", "480"),
                timeout=True,
            )
        if outcome in ("answer", "early_hangup"):
            self._timer(call, "ring", ring, lambda: self.far_end_answer(call))
            if outcome == "early_hangup":
                after = ring + float(script.get("hangup_after_secs", 1.0))
                self._timer(call, "early_hangup", after, lambda: self.far_end_hangup(call))
        elif outcome == "busy":
            self._timer(call, "ring", ring, lambda: self._far_end_end(call, "user_busy", "486"))
        elif outcome == "rejected":
            self._timer(call, "ring", ring, lambda: self._far_end_end(call, "call_rejected", "603"))

    def _far_end_end(self, call: Call, cause: str, sip: str) -> None:
        if call.alive:
            self.end_call(call, cause, sip)

    def far_end_answer(self, call: Call) -> None:
        if not (call.alive and call.ringing):
            return
        call.ringing = False
        self._cancel(call, "ring")
        self._cancel(call, "ring_timeout")
        call.state = "answered"
        if call.transfer_of:
            original = self.calls.get(call.transfer_of)
            if original is not None and original.alive:
                call.state = "bridged"
                original.state = "bridged"
                original.bridged_with, call.bridged_with = call.id, original.id
                self._save(original)
        self._emit(call, "call.answered", state="answered")
        self._save(call)

    def far_end_hangup(self, call: Call) -> None:
        if not call.alive:
            return
        if call.ringing:
            self.end_call(call, "originator_cancel", "487")
        else:
            self.end_call(call, "normal_clearing", "unspecified")

    # ---- ending a call -----------------------------------------------------------
    def end_call(self, call: Call, cause: str, sip: str = "unspecified") -> None:
        if not call.alive:
            return
        for m in list(call.media):
            self._end_media(call, m, "call_hangup")
        if call.gather is not None:
            self._end_gather(call, "call_hangup")
        for name in list(call.timers):
            self._cancel(call, name)
        call.state = "hangup"
        call.ringing = False
        call.hangup_cause = cause
        self._emit(call, "call.hangup", state="hangup", hangup_cause=cause, sip_hangup_cause=sip)
        if call.recording is not None:
            self._save_recording(call)
        self._save(call)
        peer_id, call.bridged_with = call.bridged_with, None
        peer = self.calls.get(peer_id) if peer_id else None
        if peer is not None and peer.alive and peer.bridged_with == call.id:
            peer.bridged_with = None
            if peer.park_after_unbridge:
                peer.state = "answered"
                peer.park_after_unbridge = False
                self._save(peer)
            else:
                self.end_call(peer, "normal_clearing")

    # ---- recording ---------------------------------------------------------------
    def _save_recording(self, call: Call) -> None:
        rec = call.recording
        assert rec is not None
        call.recording = None
        duration = max(time.time() - rec["started_ts"], 0.0)
        self.store.put_recording(rec["id"], call.account, call.leg_id, rec["format"], duration)
        url = f"{self.cfg.public_url}/_sim/recordings/{rec['id']}.{rec['format']}"
        urls = {f: (url if f == rec["format"] else None) for f in ("mp3", "wav")}
        self._emit(
            call,
            "call.recording.saved",
            recording_started_at=rec["started_at"],
            recording_ended_at=now_iso(),
            channels=rec["channels"],
            recording_urls=urls,
            public_recording_urls=dict(urls),
        )

    # ---- media -------------------------------------------------------------------
    def _end_media(self, call: Call, m: Media, status: str) -> None:
        if m not in call.media:
            return
        call.media.remove(m)
        if m.handle is not None:
            m.handle.cancel()
        if m.kind == "playback":
            self._emit(call, "call.playback.ended", media_url=m.media_url, overlay=m.overlay, status=status)
        else:
            self._emit(call, "call.speak.ended", status=status)

    def _stop_media(self, call: Call, which: str | None, kinds: tuple[str, ...]) -> int:
        targets = [m for m in call.media if m.kind in kinds]
        if which == "current":
            targets = targets[-1:]
        elif which != "all":
            return 0
        for m in targets:
            self._end_media(call, m, "cancelled")
        return len(targets)

    def _start_playback(self, call: Call, url: str, overlay: bool, loops: int | None) -> None:
        if not overlay:
            for m in [m for m in call.media if m.kind == "playback" and not m.overlay]:
                self._end_media(call, m, "cancelled")
        m = Media("playback", media_url=url, overlay=overlay)
        call.media.append(m)
        self._emit(call, "call.playback.started", media_url=url, overlay=overlay)
        if loops is not None:
            m.handle = self._schedule(call.id, PLAYBACK_SECS * loops, lambda: self._end_media(call, m, "completed"))

    @staticmethod
    def speak_secs(text: str) -> float:
        return max(len(text) / SPEAK_CHARS_PER_SEC, SPEAK_MIN_SECS)

    # ---- gather ------------------------------------------------------------------
    def _prompt_secs(self, g: Gather) -> float:
        if g.kind == "audio":
            return PLAYBACK_SECS
        return self.speak_secs(g.params["payload"])

    def _start_gather(self, call: Call, kind: str, params: dict[str, Any]) -> None:
        g = Gather(kind=kind, params=params)
        call.gather = g
        if kind == "audio":
            self._emit(call, "call.playback.started", media_url=params["audio_url"], overlay=False)
        g.handle = self._schedule(call.id, self._prompt_secs(g), lambda: self._prompt_done(call, g))

    def _prompt_done(self, call: Call, g: Gather, interrupted: bool = False) -> None:
        if call.gather is not g or not g.prompting:
            return
        if g.handle is not None:
            g.handle.cancel()
        g.prompting = False
        if g.first_prompt and g.kind == "audio":
            self._emit(
                call,
                "call.playback.ended",
                media_url=g.params["audio_url"],
                overlay=False,
                status="cancelled" if interrupted else "completed",
            )
        g.first_prompt = False
        if not interrupted:
            g.handle = self._schedule(
                call.id,
                g.params["timeout_millis"] / 1000,
                lambda: self._finish_try(call, g),
                timeout=True,
            )

    def _gather_digit(self, call: Call, digit: str) -> None:
        g = call.gather
        if g is None:
            return
        if g.prompting:
            self._prompt_done(call, g, interrupted=True)
        if g.handle is not None:
            g.handle.cancel()
        if digit == g.params["terminating_digit"]:
            self._finish_try(call, g)
            return
        g.digits += digit
        if len(g.digits) >= g.params["maximum_digits"]:
            self._finish_try(call, g)
            return
        g.handle = self._schedule(
            call.id,
            g.params["inter_digit_timeout_millis"] / 1000,
            lambda: self._finish_try(call, g),
            timeout=True,
        )

    def _finish_try(self, call: Call, g: Gather) -> None:
        if call.gather is not g:
            return
        if g.handle is not None:
            g.handle.cancel()
        p = g.params
        valid = p["minimum_digits"] <= len(g.digits) <= p["maximum_digits"] and all(
            c in p["valid_digits"] for c in g.digits
        )
        g.tries += 1
        if valid:
            self._end_gather(call, "valid")
        elif g.tries >= p["maximum_tries"]:
            self._end_gather(call, "invalid")
        else:  # prompt again, silently (the spec lists one playback per gather)
            g.digits = ""
            g.prompting = True
            g.handle = self._schedule(call.id, self._prompt_secs(g), lambda: self._prompt_done(call, g))

    def _end_gather(self, call: Call, status: str) -> None:
        g = call.gather
        if g is None:
            return
        if g.handle is not None:
            g.handle.cancel()
        if status == "call_hangup" and g.prompting and g.first_prompt and g.kind == "audio":
            self._emit(
                call,
                "call.playback.ended",
                media_url=g.params["audio_url"],
                overlay=False,
                status="call_hangup",
            )
        call.gather = None
        self._emit(call, "call.gather.ended", digits=g.digits, status=status)

    # ---- entry points: V1 --------------------------------------------------------
    def _app_for(self, connection_id: str, account: str | None, pointer: str) -> dict[str, Any]:
        app = self.store.get_application(connection_id, account)
        if app is None:
            raise fail(422, "10015", "Invalid connection_id.", pointer=pointer)
        if not app["active"]:
            raise fail(422, "90041", "The application is not active.", pointer=pointer)
        return app

    def dial(self, account: str, body: dict[str, Any]) -> Call:
        params = {**self.defaults["callDial"], **body}
        command_id = body.get("command_id")
        scope = f"dial:{account}"
        with self.store.tx():
            if command_id:
                seen = self.store.seen_command(scope, command_id, IDEMPOTENCY_WINDOW)
                if seen:
                    existing = self.find(str(seen))
                    if existing is not None:
                        return existing
            app = self._app_for(params["connection_id"], account, "/connection_id")
            self._check_channel(app, "outgoing", "/connection_id")
            session = str(uuid.uuid4())
            if params.get("link_to"):
                linked = self.find(params["link_to"])
                if linked is None or linked.account != account:
                    raise fail(422, "90015", "Invalid link_to call_control_id.", pointer="/link_to")
                session = linked.session_id
            call = self._new_call(
                account=account,
                connection_id=app["id"],
                session_id=session,
                direction="outgoing",
                from_=params["from"],
                to=params["to"],
                client_state=params.get("client_state"),
                ringing=True,
                timeout_secs=float(params["timeout_secs"]),
            )
            self._emit(call, "call.initiated", state="parked")
            self._start_far_end(call)
            self._timer(
                call,
                "time_limit",
                params["time_limit_secs"],
                lambda: self._far_end_end(call, "time_limit", "unspecified"),
                timeout=True,
            )
            if command_id:
                self.store.remember_command(scope, command_id, call.id)
            self._save(call)
        return call

    def command(self, account: str, op: Operation, call_id: str, body: dict[str, Any]) -> None:
        call = self.get(call_id, account)
        command_id = body.get(op.idempotency_field) if op.idempotency_field else None
        if command_id and self.store.seen_command(call.id, command_id, IDEMPOTENCY_WINDOW) is not False:
            return
        if not call.alive:
            if self.faults.command_after_hangup:
                return
            raise fail(
                422,
                "90018",
                "This call is no longer active and can't receive commands.",
                pointer="/call_control_id",
            )
        states = op.call_states or ()
        if call.state not in states:
            code = "90034" if call.state == "parked" else "90035"
            raise fail(
                422,
                code,
                f"{op.command} is accepted in call states {', '.join(states)}; the call is {call.state}.",
            )
        params = {**self.defaults.get(op.operation_id, {}), **body}
        previous_state = call.client_state
        try:
            with self.store.tx():
                if "client_state" in body:
                    call.client_state = body["client_state"]
                self.handlers[op.operation_id](call, params)
                self._cancel(call, "first_command")
                if command_id:
                    self.store.remember_command(call.id, command_id)
                self._save(call)
        except TelnyxError:
            call.client_state = previous_state
            raise

    # ---- the commands (state already checked; validate first, then act) -----------
    def cmd_answer(self, call: Call, p: dict[str, Any]) -> None:
        call.ringing = False
        self._cancel(call, "ring")
        self._cancel(call, "ring_timeout")
        self._cancel(call, "early_hangup")
        call.state = "answered"
        self._emit(call, "call.answered", state="answered")

    def cmd_bridge(self, call: Call, p: dict[str, Any]) -> None:
        other = self.find(p["call_control_id"])
        pointer = "/call_control_id"
        if other is None or other.account != call.account or other.id == call.id:
            raise fail(422, "90015", "Invalid call_control_id.", pointer=pointer)
        if not other.alive:
            raise fail(422, "90018", "The other call has already ended.", pointer=pointer)
        if other.state != "answered":
            code = "90034" if other.state == "parked" else "90035"
            raise fail(422, code, f"The other call is {other.state}.", pointer=pointer)
        call.state = other.state = "bridged"
        call.bridged_with, other.bridged_with = other.id, call.id
        call.park_after_unbridge = p.get("park_after_unbridge") == "self"
        self._emit(call, "call.bridged", state="bridged")
        self._emit(other, "call.bridged", state="bridged")
        self._save(other)

    def cmd_fork_start(self, call: Call, p: dict[str, Any]) -> None:
        call.forking = True

    def cmd_fork_stop(self, call: Call, p: dict[str, Any]) -> None:
        if not call.forking:
            raise fail(422, "90031", "The call is not being forked.")
        call.forking = False

    def _gather(self, call: Call, kind: str, p: dict[str, Any]) -> None:
        if call.gather is not None:
            raise fail(422, "90042", "A gather is already running on this call.")
        self._start_gather(call, kind, p)

    def cmd_gather_using_audio(self, call: Call, p: dict[str, Any]) -> None:
        self._gather(call, "audio", p)

    def cmd_gather_using_speak(self, call: Call, p: dict[str, Any]) -> None:
        self._gather(call, "speak", p)

    def cmd_hangup(self, call: Call, p: dict[str, Any]) -> None:
        self.end_call(call, "normal_clearing")

    def cmd_playback_start(self, call: Call, p: dict[str, Any]) -> None:
        if p.get("stop"):
            self._stop_media(call, p["stop"], ("playback",))
        loop = p.get("loop", 1)
        loops = None if loop == "infinity" else int(loop)
        self._start_playback(call, p["audio_url"], bool(p.get("overlay")), loops)

    def cmd_playback_stop(self, call: Call, p: dict[str, Any]) -> None:
        self._stop_media(call, p.get("stop") or "all", ("playback", "speak"))

    def cmd_record_start(self, call: Call, p: dict[str, Any]) -> None:
        if call.recording is None:
            call.recording = {
                "id": str(uuid.uuid4()),
                "format": p["format"],
                "channels": p["channels"],
                "started_at": now_iso(),
                "started_ts": time.time(),
            }

    def cmd_record_stop(self, call: Call, p: dict[str, Any]) -> None:
        if call.recording is None:
            raise fail(422, "90036", "The call is not being recorded.")
        self._save_recording(call)

    def cmd_reject(self, call: Call, p: dict[str, Any]) -> None:
        cause, sip = REJECT_CAUSES[p["cause"]]
        self.end_call(call, cause, sip)

    def cmd_send_dtmf(self, call: Call, p: dict[str, Any]) -> None:
        """Tones go to the other party; nothing is reported to this application."""

    def cmd_speak(self, call: Call, p: dict[str, Any]) -> None:
        if p.get("stop"):
            self._stop_media(call, p["stop"], ("playback", "speak"))
        for m in [m for m in call.media if m.kind == "speak"]:
            self._end_media(call, m, "cancelled")
        m = Media("speak")
        call.media.append(m)
        self._emit(call, "call.speak.started")
        m.handle = self._schedule(call.id, self.speak_secs(p["payload"]), lambda: self._end_media(call, m, "completed"))

    def cmd_transfer(self, call: Call, p: dict[str, Any]) -> None:
        app = self.store.get_application(call.connection_id, include_deleted=True)
        if app is None:
            raise fail(422, "10015", "The call's application no longer exists.")
        self._check_channel(app, "outgoing", "/to")
        leg = self._new_call(
            account=call.account,
            connection_id=call.connection_id,
            session_id=call.session_id,
            direction="outgoing",
            from_=p.get("from") or call.from_,
            to=p["to"],
            client_state=call.client_state,
            ringing=True,
            timeout_secs=float(p["timeout_secs"]),
            transfer_of=call.id,
        )
        self._emit(leg, "call.initiated", state="parked")
        self._emit(leg, "call.bridged", state="bridged")
        self._start_far_end(leg)
        self._timer(
            leg,
            "time_limit",
            p["time_limit_secs"],
            lambda: self._far_end_end(leg, "time_limit", "unspecified"),
            timeout=True,
        )
        self._save(leg)

    # ---- entry points: the simulator ---------------------------------------------
    def inbound(self, body: dict[str, Any]) -> Call:
        with self.store.tx():
            account = self.store.application_account(body["connection_id"])
            if account is None:
                raise not_found("No application has this connection_id.")
            app = self._app_for(body["connection_id"], account, "/connection_id")
            self._check_channel(app, "incoming", "/connection_id")
            call = self._new_call(
                account=account,
                connection_id=app["id"],
                session_id=str(uuid.uuid4()),
                direction="incoming",
                from_=body["from"],
                to=body["to"],
            )
            self._emit(call, "call.initiated", state="parked")
            if app.get("first_command_timeout"):
                self._timer(
                    call,
                    "first_command",
                    float(app.get("first_command_timeout_secs") or 30),
                    lambda: self._far_end_end(call, "timeout", "unspecified"),
                    timeout=True,
                )
            self._timer(
                call,
                "time_limit",
                float(self.defaults["callDial"].get("time_limit_secs", 14400)),
                lambda: self._far_end_end(call, "time_limit", "unspecified"),
                timeout=True,
            )
            self._save(call)
        return call

    def _sim_call(self, call_id: str) -> Call:
        return self.get(call_id, None)

    def sim_answer(self, call_id: str) -> Call:
        call = self._sim_call(call_id)
        if not (call.alive and call.ringing):
            raise TelnyxError(422, error("90035", "The call is not ringing at the far end."))
        with self.store.tx():
            self.far_end_answer(call)
        return call

    def sim_reject(self, call_id: str, cause: str) -> Call:
        call = self._sim_call(call_id)
        if not (call.alive and call.ringing):
            raise TelnyxError(422, error("90035", "The call is not ringing at the far end."))
        with self.store.tx():
            if cause == "busy":
                self.end_call(call, "user_busy", "486")
            else:
                self.end_call(call, "call_rejected", "603")
        return call

    def sim_hangup(self, call_id: str) -> Call:
        call = self._sim_call(call_id)
        if not call.alive:
            raise fail(422, "90018", "This call has already ended.")
        with self.store.tx():
            self.far_end_hangup(call)
        return call

    def sim_dtmf(self, call_id: str, digits: str, interval_ms: int) -> Call:
        call = self._sim_call(call_id)
        if not call.alive:
            raise fail(422, "90018", "This call has already ended.")
        if call.state not in ("answered", "bridged"):
            raise fail(422, "90034", "Keys can be pressed only on an answered call.")

        def press(d: str) -> Callable[[], None]:
            def run() -> None:
                if not call.alive:
                    return
                g = call.gather
                if g is not None and g.prompting:  # barge-in: the prompt stops first
                    self._prompt_done(call, g, interrupted=True)
                self._emit(call, "call.dtmf.received", digit=d)
                self._gather_digit(call, d)

            return run

        with self.store.tx():
            press(digits[0])()
            self._save(call)
        for i, d in enumerate(digits[1:], start=1):
            self._schedule(call.id, i * interval_ms / 1000, press(d))
        return call
