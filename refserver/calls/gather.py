"""Gathering DTMF: a prompt (an audio file or speech), then keys until a try ends.

Keys during the prompt interrupt it. The terminating digit ends the try and is not part
of `digits`; reaching `maximum_digits` ends it too; so does `inter_digit_timeout_millis`
after a key or `timeout_millis` after the prompt with none. A try is valid when
`minimum_digits <= len(digits) <= maximum_digits` and every digit is in `valid_digits`.
An invalid try is repeated (the prompt replayed silently) until `maximum_tries`; then
`status: invalid` with the last try's digits.

The gather is part of the call's record (refserver/calls/activities.py) and its one wait a
timer row named `gather` (`gather.prompt_done`, then `gather.timeout`), so keys pressed
through any process reach it, and it ends even if the process that started it is gone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import fail
from .activities import AUDIO, SILENT, Gather
from .call import Call
from .tables import DTMF_RECEIVED, GATHER_ENDED, GATHER_RUNNING, PLAYBACK_ENDED, PLAYBACK_STARTED

if TYPE_CHECKING:
    from .engine import Engine

SPEAK = "speak"
TIMER = "gather"  # the name of a gather's timer row

__all__ = ["AUDIO", "SILENT", "SPEAK", "Gather", "Gatherer"]


class Gatherer:
    def __init__(self, engine: Engine) -> None:
        self.e = engine

    def _later(self, call: Call, g: Gather, secs: float, kind: str, timeout: bool = False) -> None:
        self.e.timers.durable(call, TIMER, secs, kind, {"gather": g.id}, timeout=timeout)

    def _owner(self, g: Gather) -> Any:
        return self.e.run_at(g.run)

    def start(self, call: Call, kind: str, params: dict[str, Any]) -> None:
        if call.gather is not None:
            raise fail(422, GATHER_RUNNING, "A gather is already running on this call.")
        g = Gather(kind=kind, params=params)
        if self.e.run is not None:
            g.run = self.e.keep(self.e.run, call)
        call.gather = g
        if kind == AUDIO:
            self.e.emit(call, PLAYBACK_STARTED, owner=self.e.run, media_url=params["audio_url"], overlay=False)
        self._later(call, g, g.prompt_secs, "gather.prompt_done")

    def _current(self, call: Call, gather_id: str) -> Gather | None:
        g = call.gather
        return g if g is not None and g.id == gather_id else None

    def prompt_due(self, call: Call, gather_id: str) -> None:
        """Its timer: the prompt played to the end."""
        g = self._current(call, gather_id)
        if g is not None:
            self.prompt_done(call, g)

    def timed_out(self, call: Call, gather_id: str) -> None:
        """Its timer: no key (or no further key) in time."""
        g = self._current(call, gather_id)
        if g is not None and not g.prompting:
            self.finish_try(call, g)

    def prompt_done(self, call: Call, g: Gather, interrupted: bool = False) -> None:
        if call.gather is not g or not g.prompting:
            return
        self.e.timers.cancel(call, TIMER)
        g.prompting = False
        if g.first_prompt and g.kind == AUDIO:
            status = "cancelled" if interrupted else "completed"
            url = g.params["audio_url"]
            self.e.emit(call, PLAYBACK_ENDED, owner=self._owner(g), media_url=url, overlay=False, status=status)
        g.first_prompt = False
        if not interrupted:
            secs = g.params["timeout_millis"] / 1000
            self._later(call, g, secs, "gather.timeout", timeout=True)

    def key(self, call: Call, digit: str) -> None:
        """A key pressed by the other party (its call.dtmf.received is already sent)."""
        g = call.gather
        if g is None:
            return
        if g.prompting:
            self.prompt_done(call, g, interrupted=True)
        self.e.timers.cancel(call, TIMER)
        if digit == g.params["terminating_digit"]:
            self.finish_try(call, g)
            return
        g.digits += digit
        if len(g.digits) >= g.params["maximum_digits"]:
            self.finish_try(call, g)
            return
        secs = g.params["inter_digit_timeout_millis"] / 1000
        self._later(call, g, secs, "gather.timeout", timeout=True)

    def barge_in(self, call: Call) -> None:
        """A key arrives: a prompt still playing stops first."""
        g = call.gather
        if g is not None and g.prompting:
            self.prompt_done(call, g, interrupted=True)

    def finish_try(self, call: Call, g: Gather) -> None:
        if call.gather is not g:
            return
        self.e.timers.cancel(call, TIMER)
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
            self._later(call, g, g.prompt_secs, "gather.prompt_done")

    def end(self, call: Call, status: str) -> None:
        g = call.gather
        if g is None:
            return
        self.e.timers.cancel(call, TIMER)
        owner = self._owner(g)
        if status == "call_hangup" and g.prompting and g.first_prompt and g.kind == AUDIO:
            url = g.params["audio_url"]
            self.e.emit(call, PLAYBACK_ENDED, owner=owner, media_url=url, overlay=False, status=status)
        call.gather = None
        self.e.emit(call, GATHER_ENDED, owner=owner, digits=g.digits, status=status)

    def pressed(self, call: Call, digit: str) -> None:
        """The other party pressed a key: a prompt still playing stops, the key is reported
        (as the gather's, when one runs), and the gather takes it."""
        self.barge_in(call)
        self.e.emit(call, DTMF_RECEIVED, owner=self._owner(call.gather) if call.gather else None, digit=digit)
        self.key(call, digit)
