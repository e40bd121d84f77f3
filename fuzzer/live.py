"""Talk to the server under test outside schemathesis: applications, calls, the simulator.

`Live` is what both the schemathesis hooks (fuzzer.hooks) and the call-flow state machine
(fuzzer.callflows) use to make calls exist: dial through the fuzzer's application, make
the far end answer, start inbound calls, read a call's state. The simulator (`/_sim`,
spec/simulator.yaml) is optional: without it (a foreign server) only dialled calls that
the far end answers by itself can be used.
"""

from __future__ import annotations

import base64
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import httpx

from fuzzer.runner import authorization_for
from fuzzer.target import Credentials
from fuzzer.webhooks import WebhookLog

CALLER = "+18005550101"
CALLEE = "+18005550100"


@dataclass
class App:
    id: str
    envelope: str  # webhook_api_version


@dataclass
class Call:
    call_control_id: str
    call_leg_id: str | None
    app: App
    direction: str


def new_client_state() -> str:
    return base64.b64encode(b"fuzz-" + uuid.uuid4().hex[:12].encode()).decode()


@dataclass
class Live:
    base_url: str
    credentials: Credentials
    log: WebhookLog
    sim_url: str | None = None
    apps: list[App] = field(default_factory=list)
    timeout: float = 5.0
    calls: dict[str, Call] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.v1 = httpx.Client(
            base_url=self.base_url, auth=(self.credentials.v1_key, self.credentials.v1_secret), timeout=15
        )
        self.v2 = httpx.Client(
            base_url=self.base_url + "/v2",
            headers={"Authorization": f"Bearer {self.credentials.api_key}"},
            timeout=15,
        )
        # the simulator acts for the account whose credentials it carries (a server with
        # several accounts refuses it without them)
        sim_auth = {"Authorization": f"Bearer {self.credentials.api_key}"}
        self.sim = httpx.Client(base_url=self.sim_url, headers=sim_auth, timeout=15) if self.sim_url else None
        self.plain = httpx.Client(base_url=self.base_url, timeout=15)

    def close(self) -> None:
        for client in (self.v1, self.v2, self.sim, self.plain):
            if client is not None:
                client.close()

    # -- applications ---------------------------------------------------------------------------

    def create_app(
        self, webhook_url: str, envelope: str, name: str = "fuzzer", extra: dict[str, Any] | None = None
    ) -> App:
        response = self.v2.post(
            "/call_control_applications",
            json={
                "application_name": f"{name}-v{envelope}",
                "webhook_event_url": webhook_url,
                "webhook_api_version": envelope,
                "active": True,
                **(extra or {}),
            },
        )
        if response.status_code != 201:
            raise RuntimeError(f"creating the fuzzer's application failed: {response.status_code} {response.text}")
        app = App(id=response.json()["data"]["id"], envelope=envelope)
        if extra is None:
            self.apps.append(app)
        return app

    def app_of(self, connection_id: Any) -> App | None:
        return next((app for app in self.apps if app.id == connection_id), None)

    # -- calls ------------------------------------------------------------------------------------

    def send(self, op: Any, path: str, body: Any) -> httpx.Response:
        """Send an operation of any document: its method, `path` (its full path, filled in), and the
        credentials its security scheme names (Basic for V1, Bearer for V2)."""
        auth = authorization_for(op.security_kinds(), self.credentials)
        headers = {"Authorization": auth} if auth else {}
        return self.plain.request(op.method.upper(), path, json=body, headers=headers)

    def dial(self, app: App, *, to: str = CALLEE, client_state: str | None = None, via: Any = None) -> tuple[Call, int]:
        """Dial a call through the fuzzer's application (V1's dial, or the dial operation `via`);
        returns it and the receiver cursor before."""
        self.log.refresh()
        cursor = self.log.cursor
        body: dict[str, Any] = {"to": to, "from": CALLER, "connection_id": app.id}
        if client_state:
            body["client_state"] = client_state
        response = self.v1.post("/calls", json=body) if via is None else self.send(via, via.full_path, body)
        if response.status_code != 200:
            raise RuntimeError(f"dial failed: {response.status_code} {response.text}")
        data = response.json()["data"]
        call = Call(data["call_control_id"], data.get("call_leg_id"), app, "outgoing")
        self.log.remember(call.call_control_id, call.call_leg_id)
        self.calls[call.call_control_id] = call
        return call, cursor

    def inbound(self, app: App) -> Call | None:
        """An inbound call (state parked), through the simulator; None without one."""
        if self.sim is None:
            return None
        response = self.sim.post("/inbound_calls", json={"connection_id": app.id, "from": CALLER, "to": CALLEE})
        if response.status_code != 201:
            raise RuntimeError(f"simulator inbound call failed: {response.status_code} {response.text}")
        data = response.json()["data"]
        call = Call(data["call_control_id"], data.get("call_leg_id"), app, "incoming")
        self.log.remember(call.call_control_id, call.call_leg_id)
        self.calls[call.call_control_id] = call
        return call

    def wait_event(self, call_control_id: str, event: str, after: int, timeout: float | None = None) -> bool:
        self.log.refresh()
        if self.log.silent and not self.log.hooks:
            return False  # no webhook ever arrived: waiting again would only cost the timeout
        deadline = time.monotonic() + (self.timeout if timeout is None else timeout)
        while time.monotonic() < deadline:
            self.log.refresh()
            if any(h.event == event and self.log.control_of(h) == call_control_id for h in self.log.since(after)):
                return True
            time.sleep(0.03)
        if not self.log.hooks:
            self.log.mark_silent()
        return False

    def state(self, call_control_id: str) -> dict[str, Any] | None:
        """The simulator's view of a call (state, recording, gathering, ...), or None."""
        if self.sim is None:
            return None
        response = self.sim.get(f"/calls/{call_control_id}")
        if response.status_code != 200:
            return None
        return response.json()["data"]

    def call_state(self, call_control_id: str) -> str | None:
        data = self.state(call_control_id)
        if data is not None:
            return str(data.get("state"))
        self.log.refresh()
        if call_control_id in self.log.ended:
            return "hangup"
        return None

    def answered_call(self, app: App) -> Call | None:
        """A fresh outbound call that the far end answered (default far end: answers after 1 s)."""
        call, cursor = self.dial(app)
        if self.log.silent and not self.log.hooks:
            return call  # no webhooks to tell: the call as dialled
        if self.wait_event(call.call_control_id, "call.answered", cursor):
            self.wait_quiet(call.call_control_id, cursor)
            return call
        return None

    def parked_call(self, app: App) -> Call | None:
        self.log.refresh()
        cursor = self.log.cursor
        call = self.inbound(app)
        if call is None:
            return None
        if self.wait_event(call.call_control_id, "call.initiated", cursor):
            return call
        return None

    def wait_quiet(self, call_control_id: str, cursor: int, quiet: float = 0.05) -> None:
        """Wait until no webhook about the call arrived for `quiet` seconds (bounded by the timeout)."""
        deadline = time.monotonic() + self.timeout
        last = -1
        since = time.monotonic()
        while time.monotonic() < deadline:
            self.log.refresh()
            count = sum(1 for h in self.log.since(cursor) if self.log.control_of(h) == call_control_id)
            if count != last:
                last, since = count, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return
            time.sleep(0.02)

    def far_end(self, call_control_id: str, action: str, body: dict[str, Any] | None = None) -> httpx.Response | None:
        if self.sim is None:
            return None
        return self.sim.post(f"/calls/{call_control_id}/{action}", json=body)

    def hangup(self, call_control_id: str) -> httpx.Response:
        return self.v1.post(f"/calls/{call_control_id}/actions/hangup", json={})


HOSTILE_CHANNELS = 2  # the hostile phase's own application: a phantom call soon shows as 90040


def telnyx_context(context: Any, live: Live, webhook_url: str) -> None:
    """What the hostile phase needs beyond the spec on a Telnyx server: calls and applications.

    Dials go through an application of its own with a small outbound channel_limit, so that calls
    left behind by failed requests (phantoms) soon refuse the next valid dial; each accepted dial
    is hung up. A `call_control_id` is a fresh call (answered through the simulator when there is
    one), hung up after the request.
    """
    made: list[str] = []
    try:
        tight = live.create_app(
            webhook_url,
            "2",
            name="fuzzer-hostile",
            extra={"outbound": {"channel_limit": HOSTILE_CHANNELS}},
        )
    except (RuntimeError, httpx.HTTPError, KeyError, ValueError, TypeError):
        tight = live.apps[0] if live.apps else None
    roomy = live.apps[0] if live.apps else tight

    def fresh_call() -> str:
        if roomy is None:
            return "v1:unknown"
        try:
            call, _ = live.dial(roomy)
        except (RuntimeError, httpx.HTTPError):
            return "v1:unknown"
        made.append(call.call_control_id)
        if live.sim is not None:
            live.far_end(call.call_control_id, "answer")
            deadline = time.monotonic() + 2
            while time.monotonic() < deadline and (live.state(call.call_control_id) or {}).get("state") != "answered":
                time.sleep(0.01)
        return call.call_control_id

    def release(op: Any, response: httpx.Response) -> bool:
        if getattr(op, "command", None) != "dial":
            return False
        try:
            control = response.json()["data"]["call_control_id"]
        except (ValueError, KeyError, TypeError):
            return True
        if isinstance(control, str):
            live.hangup(control)
        return True

    def after_request() -> None:
        while made:
            live.hangup(made.pop())

    if tight is not None:
        context.values["connection_id"] = lambda: tight.id
    context.values["call_control_id"] = fresh_call
    context.release = release
    context.after_request = after_request
