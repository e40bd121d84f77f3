"""Media on a call: playback of an audio file and speech, each ending after its length.

A playback lasts PLAYBACK_SECS per loop (`loop: infinity` until stopped); speech
`len(text)/15` seconds (at least 0.5). A new non-overlay playback ends the current one
(`cancelled`); a new speak ends the current speech.

Each medium is part of the call's record (refserver/calls/activities.py) and its end a timer
row (`media.end`), so it ends, stops or is cut short by a hangup whichever process acts on
the call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .activities import PLAYBACK, SPEAK, Media
from .call import Call
from .tables import PLAYBACK_ENDED, PLAYBACK_SECS, PLAYBACK_STARTED, SPEAK_ENDED, SPEAK_STARTED, speak_secs

if TYPE_CHECKING:
    from .engine import Engine

__all__ = ["PLAYBACK", "SPEAK", "Media", "Player"]


class Player:
    def __init__(self, engine: Engine) -> None:
        self.e = engine

    def end(self, call: Call, m: Media, status: str, timer_done: bool = False) -> None:
        if m not in call.media:
            return
        call.media.remove(m)
        if not timer_done:
            self.e.timers.cancel(call, m.timer)
        owner = self.e.run_at(m.run)
        if m.kind == PLAYBACK:
            self.e.emit(call, PLAYBACK_ENDED, owner=owner, media_url=m.media_url, overlay=m.overlay, status=status)
        else:
            self.e.emit(call, SPEAK_ENDED, owner=owner, status=status)
            if status == "completed" and m.text is not None:
                self.e.features.spoken(call, m.text)

    def ended(self, call: Call, media_id: str) -> None:
        """Its timer: the medium played to the end (if it is still playing)."""
        m = next((m for m in call.media if m.id == media_id), None)
        if m is not None:
            self.end(call, m, "completed", timer_done=True)

    def end_all(self, call: Call, status: str) -> None:
        for m in list(call.media):
            self.end(call, m, status)

    def stop(self, call: Call, which: str | None, kinds: tuple[str, ...]) -> int:
        """`stop: current` (the latest) or `all` of the media of these kinds: `cancelled`."""
        targets = [m for m in call.media if m.kind in kinds]
        if which == "current":
            targets = targets[-1:]
        elif which != "all":
            return 0
        for m in targets:
            self.end(call, m, "cancelled")
        return len(targets)

    def _started(self, call: Call, m: Media) -> None:
        if self.e.run is not None:
            m.run = self.e.keep(self.e.run, call)
        call.media.append(m)

    def playback(self, call: Call, p: dict[str, Any]) -> None:
        if p.get("stop"):
            self.stop(call, p["stop"], (PLAYBACK,))
        loop = p.get("loop", 1)
        loops = None if loop == "infinity" else int(loop)
        url, overlay = p["audio_url"], bool(p.get("overlay"))
        if not overlay:
            for old in [m for m in call.media if m.kind == PLAYBACK and not m.overlay]:
                self.end(call, old, "cancelled")
        m = Media(PLAYBACK, media_url=url, overlay=overlay)
        self._started(call, m)
        self.e.emit(call, PLAYBACK_STARTED, owner=self.e.run, media_url=url, overlay=overlay)
        if loops is not None:
            self.e.timers.durable(call, m.timer, PLAYBACK_SECS * loops, "media.end", {"media": m.id}, fresh=True)

    def speak(self, call: Call, p: dict[str, Any]) -> None:
        if p.get("stop"):
            self.stop(call, p["stop"], (PLAYBACK, SPEAK))
        for old in [m for m in call.media if m.kind == SPEAK]:
            self.end(call, old, "cancelled")
        m = Media(SPEAK, text=p["payload"])
        self._started(call, m)
        self.e.emit(call, SPEAK_STARTED, owner=self.e.run)
        self.e.timers.durable(call, m.timer, speak_secs(p["payload"]), "media.end", {"media": m.id}, fresh=True)
