"""A call leg: its state, what is persisted of it, and how the simulator shows it.

States are the spec's (`x-call-states`): parked -> answered -> bridged -> hangup. The
whole record is persisted, running activities included: media and a gather
(refserver/calls/activities.py), the runs of the commands whose webhooks are still to come
(`runs`, each plain data: refserver/calls/runs.py) and the references to them. Every wait
of an activity is a durable timer row, so whichever process loads the call (under its lock)
carries on with it, after a restart too. `live_runs` only caches the `Run` objects of
`runs` in this process (the same data, written back by `dump`).
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any

from ..webhooks import now_iso
from .activities import Gather, Media
from .tables import HANGUP, PARKED

if TYPE_CHECKING:
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
    # running activities (refserver/calls/activities.py); a run's reference is "<home call id>/<run id>"
    media: list[Media] = field(default_factory=list, repr=False)
    gather: Gather | None = field(default=None, repr=False)
    ring_run: str | None = None  # the dial or transfer whose steps the far end's answer goes on
    owners: dict[str, str] = field(default_factory=dict)  # by activity (transcription, refer.<id>): its run
    runs: dict[str, dict[str, Any]] = field(default_factory=dict, repr=False)  # the runs kept here, by id
    held_by: list[str] = field(default_factory=list)  # runs kept elsewhere holding back a webhook of this call
    # not persisted (metadata persist=False): the `Run` objects of `runs` loaded in this process
    live_runs: dict[str, Run] = field(default_factory=dict, repr=False, metadata={"persist": False})

    @property
    def alive(self) -> bool:
        return self.state != HANGUP

    def referenced_runs(self) -> set[str]:
        """The ids of the runs kept here that an activity of this call still refers to."""
        refs = [self.ring_run, *self.owners.values(), *(m.run for m in self.media)]
        if self.gather is not None:
            refs.append(self.gather.run)
        prefix = self.id + "/"
        return {ref[len(prefix) :] for ref in refs if ref is not None and ref.startswith(prefix)}

    def dump(self) -> str:
        """The record; a run kept here is dropped once nothing refers to it and it holds nothing back."""
        keep = self.referenced_runs()
        for run_id in list(self.runs):
            live = self.live_runs.get(run_id)
            data = live.dump() if live is not None else self.runs[run_id]
            if run_id in keep or data.get("held"):
                self.runs[run_id] = data
            else:
                del self.runs[run_id]
                self.live_runs.pop(run_id, None)
        data = {k: getattr(self, k) for k in PERSISTED}
        data["media"] = [m.dump() for m in self.media]
        data["gather"] = self.gather.dump() if self.gather is not None else None
        return json.dumps(data)

    @classmethod
    def load(cls, text: str) -> Call:
        data = json.loads(text)
        data["media"] = [Media(**m) for m in data.get("media") or ()]
        data["gather"] = Gather(**data["gather"]) if data.get("gather") else None
        return cls(**data)

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
