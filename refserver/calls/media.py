"""Media on a call: playback of an audio file and speech, each ending after its length.

A playback lasts PLAYBACK_SECS per loop (`loop: infinity` until stopped); speech
`len(text)/15` seconds (at least 0.5). A new non-overlay playback ends the current one
(`cancelled`); a new speak ends the current speech.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .call import Call
from .tables import PLAYBACK_ENDED, PLAYBACK_SECS, PLAYBACK_STARTED, SPEAK_ENDED, SPEAK_STARTED, speak_secs

if TYPE_CHECKING:
    from .engine import Engine
    from .runs import Run


@dataclass
class Media:
    kind: str  # playback | speak
    media_url: str | None = None
    overlay: bool = False
    handle: asyncio.Handle | None = None
    run: Run | None = None  # the command that started it: its steps send the webhooks
    text: str | None = None  # what a speech says


PLAYBACK = "playback"
SPEAK = "speak"


class Player:
    def __init__(self, engine: Engine) -> None:
        self.e = engine

    def end(self, call: Call, m: Media, status: str) -> None:
        if m not in call.media:
            return
        call.media.remove(m)
        if m.handle is not None:
            m.handle.cancel()
        if m.kind == PLAYBACK:
            self.e.emit(call, PLAYBACK_ENDED, owner=m.run, media_url=m.media_url, overlay=m.overlay, status=status)
        else:
            self.e.emit(call, SPEAK_ENDED, owner=m.run, status=status)
            if status == "completed" and m.text is not None:
                self.e.features.spoken(call, m.text)

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

    def playback(self, call: Call, p: dict[str, Any]) -> None:
        if p.get("stop"):
            self.stop(call, p["stop"], (PLAYBACK,))
        loop = p.get("loop", 1)
        loops = None if loop == "infinity" else int(loop)
        url, overlay = p["audio_url"], bool(p.get("overlay"))
        if not overlay:
            for old in [m for m in call.media if m.kind == PLAYBACK and not m.overlay]:
                self.end(call, old, "cancelled")
        m = Media(PLAYBACK, media_url=url, overlay=overlay, run=self.e.run)
        call.media.append(m)
        self.e.emit(call, PLAYBACK_STARTED, owner=m.run, media_url=url, overlay=overlay)
        if loops is not None:
            m.handle = self.e.timers.schedule(call.id, PLAYBACK_SECS * loops, lambda: self.end(call, m, "completed"))

    def speak(self, call: Call, p: dict[str, Any]) -> None:
        if p.get("stop"):
            self.stop(call, p["stop"], (PLAYBACK, SPEAK))
        for old in [m for m in call.media if m.kind == SPEAK]:
            self.end(call, old, "cancelled")
        m = Media(SPEAK, run=self.e.run, text=p["payload"])
        call.media.append(m)
        self.e.emit(call, SPEAK_STARTED, owner=m.run)
        m.handle = self.e.timers.schedule(call.id, speak_secs(p["payload"]), lambda: self.end(call, m, "completed"))

    def forget(self, call: Call) -> None:
        for m in call.media:
            if m.handle:
                m.handle.cancel()
