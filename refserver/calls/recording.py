"""Recording a call: started by record_start, saved by record_stop or the end of the call.

A saved recording is a row of the store; its file (generated silence of the recorded
length) is served at `/_sim/recordings/{id}.{format}`, which is what
`call.recording.saved` carries, for `recording_urls` and `public_recording_urls` alike.
"""

from __future__ import annotations

import time
import uuid
from typing import TYPE_CHECKING, Any

from ..errors import fail
from ..webhooks import now_iso
from .call import Call
from .tables import NOT_RECORDING, RECORDING_SAVED

if TYPE_CHECKING:
    from .engine import Engine

FORMATS = ("mp3", "wav")


class Recorder:
    def __init__(self, engine: Engine) -> None:
        self.e = engine

    def start(self, call: Call, p: dict[str, Any]) -> None:
        """A second start while recording changes nothing."""
        if call.recording is None:
            call.recording = {
                "id": str(uuid.uuid4()),
                "format": p["format"],
                "channels": p["channels"],
                "started_at": now_iso(),
                "started_ts": time.time(),
            }

    def stop(self, call: Call) -> None:
        if call.recording is None:
            raise fail(422, NOT_RECORDING, "The call is not being recorded.")
        self.save(call)

    def save(self, call: Call) -> None:
        rec = call.recording
        assert rec is not None
        call.recording = None
        paused = rec.get("paused_secs", 0.0) + (time.time() - rec["paused_ts"] if rec.get("paused_ts") else 0.0)
        duration = max(time.time() - rec["started_ts"] - paused, 0.0)
        self.e.store.put_recording(rec["id"], call.account, call.leg_id, rec["format"], duration)
        url = f"{self.e.cfg.public_url}/_sim/recordings/{rec['id']}.{rec['format']}"
        urls = {f: (url if f == rec["format"] else None) for f in FORMATS}
        self.e.emit(
            call,
            RECORDING_SAVED,
            recording_started_at=rec["started_at"],
            recording_ended_at=now_iso(),
            channels=rec["channels"],
            recording_urls=urls,
            public_recording_urls=dict(urls),
        )
