"""A call leg: its state, what is persisted of it, and how the simulator shows it.

States are the spec's (`x-call-states`): parked -> answered -> bridged -> hangup. The
persisted fields survive a restart; the rest (timers, media, a gather, the runs of the
commands whose webhooks are still to come) is the running activity, forgotten on restart.
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from ..webhooks import now_iso
from .tables import HANGUP, PARKED

if TYPE_CHECKING:
    from .gather import Gather
    from .media import Media
    from .runs import Run


def new_call_control_id() -> str:
    return "v1:" + base64.urlsafe_b64encode(os.urandom(30)).decode("ascii")


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
    state: str = PARKED
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
    ended_ts: float | None = None  # when it hung up (Unix seconds)
    envelope: str | None = None  # run-less webhooks' envelope: its latest command's API (None: the application's)
    features: dict[str, Any] = field(default_factory=dict)  # the V2 activities (refserver/calls/features.py)
    # not persisted (metadata persist=False)
    timers: dict[str, asyncio.Handle] = field(default_factory=dict, repr=False, metadata={"persist": False})
    media: list[Media] = field(default_factory=list, repr=False, metadata={"persist": False})
    gather: Gather | None = field(default=None, repr=False, metadata={"persist": False})
    ring_run: Run | None = field(default=None, repr=False, metadata={"persist": False})  # the dial or transfer
    runs: dict[str, Run] = field(default_factory=dict, repr=False, metadata={"persist": False})  # by activity

    @property
    def alive(self) -> bool:
        return self.state != HANGUP

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

    def webhook_fields(self) -> dict[str, Any]:
        """The call's part of every webhook payload (the entry's schema keeps what it lists)."""
        return {
            "call_control_id": self.id,
            "call_leg_id": self.leg_id,
            "call_session_id": self.session_id,
            "client_state": self.client_state,
            "connection_id": self.connection_id,
            "from": self.from_,
            "to": self.to,
            "direction": self.direction,
            "start_time": self.created_at,
            "occurred_at": now_iso(),
        }


PERSISTED = tuple(f.name for f in fields(Call) if f.metadata.get("persist", True))
