"""A call's running activities as plain data, persisted with the call (refserver/calls/call.py).

Media (a playback or a speech) and a gather are fields of the call's record, so whichever
process loads the call, under its lock, sees them; each wait they have is a durable timer row
(refserver/calls/timers.py) whose handler finds the call again and acts on the activity as
the record has it. `run` is the reference of the command's run that sends their webhooks
(`Engine.keep`: "<home call id>/<run id>"), never the run itself.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

from .tables import PLAYBACK_SECS, speak_secs

PLAYBACK = "playback"
SPEAK = "speak"

# gather prompts
AUDIO = "audio"
SILENT = "silent"  # V2's gather: no prompt


def new_id() -> str:
    return uuid.uuid4().hex[:16]


@dataclass
class Media:
    kind: str  # playback | speak
    media_url: str | None = None
    overlay: bool = False
    run: str | None = None  # the command that started it: its steps send the webhooks
    text: str | None = None  # what a speech says
    id: str = field(default_factory=new_id)

    @property
    def timer(self) -> str:
        """The name of its end's timer row."""
        return f"media.{self.id}"

    def dump(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Gather:
    kind: str  # audio | speak | silent
    params: dict[str, Any]
    digits: str = ""
    tries: int = 0
    prompting: bool = True
    first_prompt: bool = True
    run: str | None = None  # the gather command: its steps send the webhooks
    id: str = field(default_factory=new_id)

    @property
    def prompt_secs(self) -> float:
        if self.kind == SILENT:
            return 0.0
        return PLAYBACK_SECS if self.kind == AUDIO else speak_secs(self.params["payload"])

    def dump(self) -> dict[str, Any]:
        return asdict(self)
