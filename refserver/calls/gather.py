"""Gathering DTMF: a prompt (an audio file or speech), then keys until a try ends.

Keys during the prompt interrupt it. The terminating digit ends the try and is not part
of `digits`; reaching `maximum_digits` ends it too; so does `inter_digit_timeout_millis`
after a key or `timeout_millis` after the prompt with none. A try is valid when
`minimum_digits <= len(digits) <= maximum_digits` and every digit is in `valid_digits`.
An invalid try is repeated (the prompt replayed silently) until `maximum_tries`; then
`status: invalid` with the last try's digits.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import fail
from .call import Call
from .tables import (
    DTMF_RECEIVED,
    GATHER_ENDED,
    GATHER_RUNNING,
    PLAYBACK_ENDED,
    PLAYBACK_SECS,
    PLAYBACK_STARTED,
    speak_secs,
)

if TYPE_CHECKING:
    from .engine import Engine
    from .runs import Run

AUDIO = "audio"
SPEAK = "speak"
SILENT = "silent"  # V2's gather: no prompt


@dataclass
class Gather:
    kind: str  # audio | speak
    params: dict[str, Any]
    digits: str = ""
    tries: int = 0
    prompting: bool = True
    first_prompt: bool = True
    handle: asyncio.Handle | None = None
    run: Run | None = None  # the gather command: its steps send the webhooks

    @property
    def prompt_secs(self) -> float:
        if self.kind == SILENT:
            return 0.0
        return PLAYBACK_SECS if self.kind == AUDIO else speak_secs(self.params["payload"])


class Gatherer:
    def __init__(self, engine: Engine) -> None:
        self.e = engine

    def _later(self, call: Call, g: Gather, secs: float, fn: Any, timeout: bool = False) -> None:
        if g.handle is not None:
            g.handle.cancel()
        g.handle = self.e.timers.schedule(call.id, secs, fn, timeout=timeout)

    def start(self, call: Call, kind: str, params: dict[str, Any]) -> None:
        if call.gather is not None:
            raise fail(422, GATHER_RUNNING, "A gather is already running on this call.")
        g = Gather(kind=kind, params=params, run=self.e.run)
        call.gather = g
        if kind == AUDIO:
            self.e.emit(call, PLAYBACK_STARTED, owner=g.run, media_url=params["audio_url"], overlay=False)
        self._later(call, g, g.prompt_secs, lambda: self.prompt_done(call, g))

    def prompt_done(self, call: Call, g: Gather, interrupted: bool = False) -> None:
        if call.gather is not g or not g.prompting:
            return
        if g.handle is not None:
            g.handle.cancel()
            g.handle = None
        g.prompting = False
        if g.first_prompt and g.kind == AUDIO:
            status = "cancelled" if interrupted else "completed"
            url = g.params["audio_url"]
            self.e.emit(call, PLAYBACK_ENDED, owner=g.run, media_url=url, overlay=False, status=status)
        g.first_prompt = False
        if not interrupted:
            secs = g.params["timeout_millis"] / 1000
            self._later(call, g, secs, lambda: self.finish_try(call, g), timeout=True)

    def key(self, call: Call, digit: str) -> None:
        """A key pressed by the other party (its call.dtmf.received is already sent)."""
        g = call.gather
        if g is None:
            return
        if g.prompting:
            self.prompt_done(call, g, interrupted=True)
        if g.handle is not None:
            g.handle.cancel()
        if digit == g.params["terminating_digit"]:
            self.finish_try(call, g)
            return
        g.digits += digit
        if len(g.digits) >= g.params["maximum_digits"]:
            self.finish_try(call, g)
            return
        secs = g.params["inter_digit_timeout_millis"] / 1000
        self._later(call, g, secs, lambda: self.finish_try(call, g), timeout=True)

    def barge_in(self, call: Call) -> None:
        """A key arrives: a prompt still playing stops first."""
        g = call.gather
        if g is not None and g.prompting:
            self.prompt_done(call, g, interrupted=True)

    def finish_try(self, call: Call, g: Gather) -> None:
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
            self.end(call, "valid")
        elif g.tries >= p["maximum_tries"]:
            self.end(call, "invalid")
        else:  # prompt again, silently (the spec lists one playback per gather)
            g.digits = ""
            g.prompting = True
            self._later(call, g, g.prompt_secs, lambda: self.prompt_done(call, g))

    def end(self, call: Call, status: str) -> None:
        g = call.gather
        if g is None:
            return
        if g.handle is not None:
            g.handle.cancel()
        if status == "call_hangup" and g.prompting and g.first_prompt and g.kind == AUDIO:
            url = g.params["audio_url"]
            self.e.emit(call, PLAYBACK_ENDED, owner=g.run, media_url=url, overlay=False, status=status)
        call.gather = None
        self.e.emit(call, GATHER_ENDED, owner=g.run, digits=g.digits, status=status)

    def pressed(self, call: Call, digit: str) -> None:
        """The other party pressed a key: a prompt still playing stops, the key is reported
        (as the gather's, when one runs), and the gather takes it."""
        self.barge_in(call)
        self.e.emit(call, DTMF_RECEIVED, owner=call.gather.run if call.gather else None, digit=digit)
        self.key(call, digit)

    def forget(self, call: Call) -> None:
        if call.gather and call.gather.handle:
            call.gather.handle.cancel()
