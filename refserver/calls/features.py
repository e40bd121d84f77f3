"""The activities the V2 call commands add: queues, media streams, forking, transcription,
noise suppression, SIP REFER, recording pause, machine detection, and what a far end's
answer starts (a dial's or an answer's `record`, `stream_url`, `answering_machine_detection`).

As everywhere in the engine, the code here only reports what happens (`Engine.emit`); which
webhooks are sent, and in which order, are the running command's `x-webhooks` steps
(refserver/calls/runs.py). Their state lives in the call's persisted `features` mapping:
`queue` {name, joined_ts}, `stream` {id, url, track}, `fork` {stream_type}, `transcription` {tracks},
`suppression` {direction}, `on_answer` (what the far end's answer starts); the runs that
send their later webhooks are referred to from the call's `owners` (`transcription`,
`refer.<id>`). A queue's wait and a REFER's NOTIFY are timer rows (`queue.timeout`,
`refer.notify`), fired by whichever process claims them.

Simulation, where the platform's outcome depends on the outside world:
* a media stream and a REFER reach their target unless its host ends in `.invalid`
  (RFC 2606): then `streaming.failed` / `call.refer.failed` (SIP 503);
* the far end is a human: machine detection ends with `human`, so no greeting is reported;
* transcription hears the speech played on a call (`speak`): a leg's own speech is its
  `outbound` track, its bridged peer's speech its `inbound` track; one final result per
  utterance that was spoken to the end.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from ..errors import fail
from .call import Call
from .tables import INVALID_CALL_STATE, NOT_FORKED, NOT_RECORDING

if TYPE_CHECKING:
    from .engine import Engine

# ---- the events these activities report (`x-event` names) ------------------------------------
ENQUEUED = "call.enqueued"
DEQUEUED = "call.dequeued"
FORK_STARTED = "call.fork.started"
FORK_STOPPED = "call.fork.stopped"
REFER_STARTED = "call.refer.started"
REFER_COMPLETED = "call.refer.completed"
REFER_FAILED = "call.refer.failed"
STREAMING_STARTED = "streaming.started"
STREAMING_STOPPED = "streaming.stopped"
STREAMING_FAILED = "streaming.failed"
TRANSCRIPTION = "call.transcription"
MACHINE_DETECTION_ENDED = "call.machine.detection.ended"

# ---- error codes: the spec's where it names one, else 90035, the spec's code for "the call's
# state does not allow the command" (a stream to stop, a queue to leave, ...) --------------------
QUEUE_FULL = "90036"
ALREADY_QUEUED = "90038"
TRANSCRIPTION_RUNNING = "90054"
NOT_QUEUED = ALREADY_RECORDING = NOT_STREAMING = ALREADY_STREAMING = INVALID_CALL_STATE
SUPPRESSION_RUNNING = NO_SUPPRESSION = NO_TRANSCRIPTION = INVALID_CALL_STATE

REFER_SECS = 1.0  # simulated seconds from REFER to the far end's NOTIFY
UNREACHABLE = ".invalid"  # a target host with this suffix cannot be reached


def _unreachable(url: str) -> bool:
    try:
        host = urlsplit(url).hostname if "//" in url else url.rpartition("@")[2].split(";")[0].split(":")[0]
    except ValueError:  # e.g. a bracketed host that is no IPv6 address
        return True
    return (host or "").lower().rstrip(".").endswith(UNREACHABLE)


# ---- the `when` conditions of x-webhooks steps, once a command is accepted ----------------------
def _machine_detection(call: Call | None, p: dict[str, Any]) -> bool:
    return p.get("answering_machine_detection", "disabled") != "disabled"


CONDITIONS: dict[str, Callable[[Call | None, dict[str, Any]], bool]] = {
    "recording": lambda call, p: call is not None and call.recording is not None,
    "machine_detection": _machine_detection,
    "machine_greeting": lambda call, p: False,  # the simulated far end is a human
    "streaming": lambda call, p: bool(p.get("stream_url")),
}


def on_answer_plan(p: dict[str, Any]) -> dict[str, Any]:
    """What the far end's answer starts, from a dial's or a transfer's parameters."""
    plan: dict[str, Any] = {}
    if p.get("record") == "record-from-answer":
        plan["record"] = {"id": str(uuid.uuid4()), "format": p.get("record_format", "mp3")}
        plan["record"]["channels"] = p.get("record_channels", "dual")
    if _machine_detection(None, p):
        plan["machine_detection"] = p["answering_machine_detection"]
    if p.get("stream_url"):
        plan["stream"] = {"url": p["stream_url"], "track": p.get("stream_track", "inbound_track")}
    return plan


class Features:
    def __init__(self, engine: Engine) -> None:
        self.e = engine

    # ---- what an answer starts ------------------------------------------------------------------
    def answered(self, call: Call, plan: dict[str, Any] | None, owner: Any = None) -> str | None:
        """After call.answered: recording, machine detection, a stream, in this order. The
        recording's id, if one started."""
        if not plan:
            return None
        recording_id = None
        if "record" in plan and call.recording is None:
            rec = plan["record"]
            self.e.recorder.start(call, {"format": rec["format"], "channels": rec["channels"]})
            assert call.recording is not None
            call.recording["id"] = recording_id = rec["id"]
        if "machine_detection" in plan:
            self.e.emit(call, MACHINE_DETECTION_ENDED, owner=owner, result="human")
        if "stream" in plan:
            self.stream(call, plan["stream"]["url"], plan["stream"]["track"], owner)
        return recording_id

    # ---- queues ---------------------------------------------------------------------------------
    def _members(self, call: Call, name: str) -> list[Call]:
        """The queue's calls as the database has them, whichever process enqueued them; the
        calls this transaction has read (and may have changed) as they are now."""
        found = {c.id: c for c in map(Call.load, self.e.store.queue_members(call.account, name))}
        for current in self.e.current_calls(call):
            found.pop(current.id, None)
            queue = current.features.get("queue") or {}
            if current.alive and current.account == call.account and queue.get("name") == name:
                found[current.id] = current
        return sorted(found.values(), key=lambda c: (c.features["queue"]["joined_ts"], c.id))

    def enqueue(self, call: Call, p: dict[str, Any]) -> None:
        if call.features.get("queue"):
            raise fail(422, ALREADY_QUEUED, "The call is already in a queue.")
        name = p["queue_name"]
        members = self._members(call, name)
        if len(members) >= p["max_size"]:
            raise fail(422, QUEUE_FULL, f"The queue {name} is full.", pointer="/queue_name")
        call.features["queue"] = {"name": name, "joined_ts": time.time()}
        self.e.emit(call, ENQUEUED, queue=name, current_position=len(members) + 1, queue_avg_wait_time_secs=0)
        if p.get("max_wait_time_secs"):
            secs = float(p["max_wait_time_secs"])
            self.e.timers.durable(call, "queue_wait", secs, "queue.timeout", timeout=True)

    def dequeue(self, call: Call, reason: str) -> None:
        queue = call.features.get("queue")
        if not queue:
            if reason == "leave":
                raise fail(422, NOT_QUEUED, "The call is not in a queue.")
            return
        position = self._members(call, queue["name"]).index(call) + 1
        del call.features["queue"]
        self.e.timers.cancel(call, "queue_wait")
        waited = int(max(time.time() - queue["joined_ts"], 0))
        self.e.emit(call, DEQUEUED, queue=queue["name"], queue_position=position, reason=reason, wait_time_secs=waited)

    # ---- streams, forks, REFER ------------------------------------------------------------------
    def stream(self, call: Call, url: str, track: str, owner: Any = None) -> None:
        stream_id = str(uuid.uuid4())
        if _unreachable(url):
            params = {"stream_url": url, "track": track}
            fields = {"failure_reason": "connection_failed", "stream_id": stream_id, "stream_type": "websocket"}
            self.e.emit(call, STREAMING_FAILED, owner=owner, stream_params=params, **fields)
            return
        call.features["stream"] = {"id": stream_id, "url": url, "track": track}
        self.e.emit(call, STREAMING_STARTED, owner=owner, stream_url=url)

    def start_stream(self, call: Call, p: dict[str, Any]) -> None:
        if call.features.get("stream"):
            raise fail(422, ALREADY_STREAMING, "The call is already being streamed.", pointer="/stream_url")
        self.stream(call, p["stream_url"], p.get("stream_track", "inbound_track"))

    def stop_stream(self, call: Call, p: dict[str, Any]) -> None:
        stream = call.features.get("stream")
        if not stream:
            raise fail(422, NOT_STREAMING, "The call is not being streamed.")
        if p.get("stream_id") not in (None, stream["id"]):
            raise fail(422, NOT_STREAMING, "The call has no stream with this id.", pointer="/stream_id")
        del call.features["stream"]
        self.e.emit(call, STREAMING_STOPPED, stream_url=stream["url"])

    def fork(self, call: Call, p: dict[str, Any], start: bool) -> None:
        """The fork's webhooks carry the `stream_type` fork_start used (the official default
        `decrypted`), fork_stop's included, whatever fork_stop's own `stream_type` says."""
        if not start and not call.forking:
            raise fail(422, NOT_FORKED, "The call is not being forked.")
        call.forking = start
        if start:
            call.features["fork"] = {"stream_type": p.get("stream_type", "decrypted")}
        stream_type = (call.features.get("fork") or {}).get("stream_type", "decrypted")
        if not start:
            call.features.pop("fork", None)
        self.e.emit(call, FORK_STARTED if start else FORK_STOPPED, stream_type=stream_type)

    def refer(self, call: Call, p: dict[str, Any]) -> None:
        self.e.emit(call, REFER_STARTED, sip_notify_response=100)
        name = f"refer.{uuid.uuid4().hex[:12]}"
        if self.e.run is not None:
            call.owners[name] = self.e.keep(self.e.run, call)
        args = {"name": name, "failed": _unreachable(p["sip_address"])}
        self.e.timers.durable(call, name, REFER_SECS, "refer.notify", args, fresh=True)

    def notify(self, call: Call, name: str, failed: bool) -> None:
        """Its timer: the far end's NOTIFY of the REFER's outcome."""
        event, code = (REFER_FAILED, 503) if failed else (REFER_COMPLETED, 200)
        self.e.emit(call, event, owner=self.e.run_at(call.owners.pop(name, None)), sip_notify_response=code)

    # ---- transcription, suppression, recording pause -------------------------------------------
    def transcribe(self, call: Call, p: dict[str, Any], start: bool) -> None:
        running = call.features.get("transcription")
        if start:
            if running:
                raise fail(422, TRANSCRIPTION_RUNNING, "The call is already being transcribed.")
            call.features["transcription"] = {"tracks": p.get("transcription_tracks", "inbound")}
            if self.e.run is not None:
                call.owners["transcription"] = self.e.keep(self.e.run, call)
        else:
            if not running:
                raise fail(422, NO_TRANSCRIPTION, "The call is not being transcribed.")
            del call.features["transcription"]
            call.owners.pop("transcription", None)

    def spoken(self, call: Call, text: str) -> None:
        """Speech was played to the end on the call: the transcriptions that hear it."""
        peer = self.e.find(call.bridged_with) if call.bridged_with else None
        for leg, track in ((call, "outbound"), (peer, "inbound")):
            running = leg.features.get("transcription") if leg is not None and leg.alive else None
            if leg is None or not running or running["tracks"] not in (track, "both"):
                continue
            data = {"transcript": text, "is_final": True, "confidence": 1.0, "transcription_track": track}
            owner = self.e.run_at(leg.owners.get("transcription"))
            self.e.emit(leg, TRANSCRIPTION, owner=owner, transcription_data=data)
            if leg is not call:
                self.e.save(leg)  # its run moved on

    def suppress(self, call: Call, p: dict[str, Any], start: bool) -> None:
        running = call.features.get("suppression")
        if start and running:
            raise fail(422, SUPPRESSION_RUNNING, "Noise suppression is already running on the call.")
        if not start and not running:
            raise fail(422, NO_SUPPRESSION, "Noise suppression is not running on the call.")
        if start:
            call.features["suppression"] = {"direction": p.get("direction", "inbound")}
        else:
            del call.features["suppression"]

    def pause_recording(self, call: Call, pause: bool) -> None:
        rec = call.recording
        if rec is None:
            raise fail(422, NOT_RECORDING, "The call is not being recorded.")
        if pause and rec.get("paused_ts") is None:
            rec["paused_ts"] = time.time()
        elif not pause and rec.get("paused_ts") is not None:
            rec["paused_secs"] = rec.get("paused_secs", 0.0) + time.time() - rec.pop("paused_ts")

    # ---- the end of a call ----------------------------------------------------------------------
    def ended(self, call: Call) -> None:
        """A queue, stream, fork or transcription ends with the call, without a webhook."""
        for key in ("queue", "stream", "fork", "transcription", "suppression"):
            call.features.pop(key, None)
        call.owners.clear()


# ---- the commands the V2 document adds (mixed into Commands) ---------------------------------------
class V2Commands:
    e: Engine

    def cmd_client_state_update(self, call: Call, p: dict[str, Any]) -> None:
        """`client_state` is replaced by the command pipeline, as for every command."""

    def cmd_enqueue(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.enqueue(call, p)

    def cmd_leave_queue(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.dequeue(call, "leave")

    def cmd_gather(self, call: Call, p: dict[str, Any]) -> None:
        from .gather import SILENT

        params = {**p, "timeout_millis": p.get("initial_timeout_millis", p.get("timeout_millis")), "maximum_tries": 1}
        self.e.gatherer.start(call, SILENT, params)

    def cmd_gather_stop(self, call: Call, p: dict[str, Any]) -> None:
        if call.gather is not None:
            self.e.gatherer.end(call, "cancelled")

    def cmd_record_pause(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.pause_recording(call, True)

    def cmd_record_resume(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.pause_recording(call, False)

    def cmd_record_start_exclusive(self, call: Call, p: dict[str, Any]) -> None:
        """V2's record_start: a call already being recorded answers 422."""
        if call.recording is not None:
            raise fail(422, ALREADY_RECORDING, "The call is already being recorded.")
        self.e.recorder.start(call, p)

    def cmd_refer(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.refer(call, p)

    def cmd_send_sip_info(self, call: Call, p: dict[str, Any]) -> None:
        """The INFO goes to the far end; nothing is reported to this application."""

    def cmd_streaming_start(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.start_stream(call, p)

    def cmd_streaming_stop(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.stop_stream(call, p)

    def cmd_suppression_start(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.suppress(call, p, True)

    def cmd_suppression_stop(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.suppress(call, p, False)

    def cmd_transcription_start(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.transcribe(call, p, True)

    def cmd_transcription_stop(self, call: Call, p: dict[str, Any]) -> None:
        self.e.features.transcribe(call, p, False)


# Operations whose behaviour differs from the command of the same name in another document:
# operationId -> the Commands method that serves it (spec/call-control-v2.yaml says why).
OVERRIDES = {"startCallRecord": "cmd_record_start_exclusive"}


def call_view(call: Call) -> dict[str, Any]:
    """A call as V2's dial and status answer it (the Call schema of call-control-v2.yaml)."""
    from datetime import datetime

    from ..webhooks import now_iso

    data: dict[str, Any] = {
        "record_type": "call",
        "call_control_id": call.id,
        "call_leg_id": call.leg_id,
        "call_session_id": call.session_id,
        "is_alive": call.alive and not call.ringing,
    }
    if call.client_state is not None:
        data["client_state"] = call.client_state
    started = datetime.fromisoformat(call.created_at.replace("Z", "+00:00")).timestamp()
    data["start_time"] = call.created_at
    end = call.ended_ts if call.ended_ts is not None else time.time()
    if call.ended_ts is not None:
        data["end_time"] = now_iso(call.ended_ts)
    data["call_duration"] = min(int(max(end - started, 0)), 86400)
    return data


STATUS_KEPT_SECS = 600.0  # an ended call answers its status for 10 minutes


def status_expired(call: Call) -> bool:
    return call.ended_ts is not None and time.time() - call.ended_ts > STATUS_KEPT_SECS


__all__ = ["CONDITIONS", "OVERRIDES", "Features", "V2Commands", "call_view", "on_answer_plan", "status_expired"]
