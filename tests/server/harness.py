"""Test harness for the reference server: a real server process, a webhook receiver.

`RefServerProcess` runs `python -m refserver` as a subprocess on 127.0.0.1 (PORT=0, the
server picks a free port and prints it) and stops it with SIGTERM (or SIGKILL).
`Receiver` is a threaded HTTP server on 127.0.0.1 that records every webhook and answers
according to the path: `/ok/...` 200, `/fail/...` 500, `/slow/<secs>/...` after a delay,
`/gate/<name>/...` blocks until the test opens the gate, `/flaky/<n>/...` fails the
first n deliveries of each event id, `/track/<secs>/...` answers 200 after a delay and
counts how many deliveries were in flight at once, per path and per call leg.
`Api` drives the server through the generated client (`telnyx_call_control`) wherever the
client covers the call, and reads webhooks, signatures and `x-webhooks` through `specmodel`.
"""

from __future__ import annotations

import base64
import json
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
from nacl.signing import VerifyKey
from telnyx_call_control import APIResponse, APIStatusError, Client

from specmodel import Operation, WebhookSignature, default_spec, matches, slots_for

ROOT = Path(__file__).resolve().parents[2]
API_KEY = "KEYtest-api-key"
V1_KEY = "test-v1-key"
V1_SECRET = "test-v1-secret"


def wait_for(predicate: Callable[[], Any], timeout: float = 10.0, interval: float = 0.02) -> Any:
    """Poll until `predicate()` is truthy; its value, or AssertionError at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        time.sleep(interval)


# ---- the server process ------------------------------------------------------------
class RefServerProcess:
    def __init__(self, env: dict[str, str] | None = None, state_db: str = ":memory:") -> None:
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("REFSERVER_", "TELNYX_"))},
            "PORT": "0",
            "STATE_DB": state_db,
            "TIME_SCALE": "0.01",
            "WEBHOOK_RETRY_SCHEDULE": "0.05,0.1,0.2",
            "TELNYX_API_KEY": API_KEY,
            "TELNYX_V1_KEY": V1_KEY,
            "TELNYX_V1_SECRET": V1_SECRET,
            **(env or {}),
        }
        self.proc: subprocess.Popen[str] | None = None
        self.url = ""
        self.lines: list[str] = []

    def start(self, timeout: float = 20.0) -> RefServerProcess:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "refserver"],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        deadline = time.monotonic() + timeout
        assert self.proc.stdout is not None
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if not line:
                break
            self.lines.append(line.rstrip("\n"))
            match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", line)
            if match:
                self.url = match.group(1)
                threading.Thread(target=self._drain, daemon=True).start()
                wait_for(self._healthy, timeout=10)
                return self
        self.kill()
        raise RuntimeError("refserver did not start:\n" + "\n".join(self.lines))

    def _drain(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        for line in self.proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def _healthy(self) -> bool:
        try:
            return httpx.get(self.url + "/_sim/public_key", timeout=2).status_code == 200
        except httpx.HTTPError:
            return False

    def line(self, prefix: str) -> str | None:
        return next((ln for ln in self.lines if prefix in ln), None)

    def stop(self, timeout: float = 10.0) -> int | None:
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)


# ---- the webhook receiver ----------------------------------------------------------
@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float

    @property
    def json(self) -> Any:
        return json.loads(self.body)

    @property
    def event(self) -> dict[str, Any]:
        """The event object, whatever the envelope: the object holding the event type, at the
        spec's `x-event-type-pointer` (the body itself when no pointer finds one)."""
        data = self.json
        found = default_spec().event_type_of(data)
        for token in found[0][:-1] if found else ():
            data = data[token]
        return data


@dataclass
class Receiver:
    server: ThreadingHTTPServer | None = None
    received: list[Received] = field(default_factory=list)
    gates: dict[str, threading.Event] = field(default_factory=dict)
    attempts: dict[tuple[str, str], int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)
    in_flight: dict[Any, int] = field(default_factory=dict)  # path or (path, leg) -> now
    max_in_flight: dict[Any, int] = field(default_factory=dict)  # the same keys -> most at once

    @property
    def url(self) -> str:
        assert self.server is not None
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> Receiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                body = self.rfile.read(length)
                status = receiver._behave(self.path, body)
                if status is None:
                    return
                with receiver.lock:
                    receiver.received.append(
                        Received(
                            self.path,
                            {k.lower(): v for k, v in self.headers.items()},
                            body,
                            time.time(),
                        )
                    )
                try:
                    self.send_response(status)
                    self.send_header("content-length", "0")
                    self.end_headers()
                except OSError:
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        for gate in self.gates.values():
            gate.set()
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()

    def gate(self, name: str) -> threading.Event:
        with self.lock:
            return self.gates.setdefault(name, threading.Event())

    def _behave(self, path: str, body: bytes) -> int | None:
        parts = path.strip("/").split("/")
        kind = parts[0]
        if kind == "fail":
            return 500
        if kind == "slow":
            time.sleep(float(parts[1]))
            return 200
        if kind == "gate":
            self.gate(parts[1]).wait(30)
            return 200
        if kind == "flaky":
            try:
                event_id = Received(path, {}, body, 0).event["id"]
            except (ValueError, KeyError):
                event_id = ""
            with self.lock:
                n = self.attempts.get((path, event_id), 0)
                self.attempts[(path, event_id)] = n + 1
            return 503 if n < int(parts[1]) else 200
        if kind == "track":
            try:
                leg = Received(path, {}, body, 0).event["payload"].get("call_leg_id")
            except (ValueError, KeyError, AttributeError):
                leg = None
            keys = (path, (path, leg))
            with self.lock:
                for key in keys:
                    self.in_flight[key] = self.in_flight.get(key, 0) + 1
                    self.max_in_flight[key] = max(self.max_in_flight.get(key, 0), self.in_flight[key])
            time.sleep(float(parts[1]))
            with self.lock:
                for key in keys:
                    self.in_flight[key] -= 1
            return 200
        return 200

    def at(self, path: str, ok_only: bool = False) -> list[Received]:
        with self.lock:
            return [r for r in self.received if r.path == path]

    def for_leg(self, path: str, leg_id: str) -> list[Received]:
        return [r for r in self.at(path) if r.event["payload"].get("call_leg_id") == leg_id]


# ---- API clients -------------------------------------------------------------------
def v1_auth(key: str = V1_KEY, secret: str = V1_SECRET) -> str:
    return "Basic " + base64.b64encode(f"{key}:{secret}".encode()).decode()


# body field -> the generated method's argument, where Python needs another name
ARGUMENTS = {"from": "from_", "call_control_id": "body_call_control_id"}


class Api:
    """One server, one account. The generated client (`telnyx_call_control`) drives every
    call it covers: creating an application, dialing, and each command. Raw httpx is for
    what a typed client cannot send (malformed or incomplete bodies: `raw_cmd`, `http`)
    and for the simulator, which the client does not cover.

    The client is built with no retries, so each answer is the server's first one; its
    answers are read as the HTTP responses they were (`with_raw_response`, or the
    response an `APIStatusError` carries): real status codes and bodies."""

    def __init__(self, url: str, api_key: str = API_KEY, v1_key: str = V1_KEY, v1_secret: str = V1_SECRET) -> None:
        self.url = url
        self.http = httpx.Client(base_url=url, timeout=10, trust_env=False)
        self.v2 = {"Authorization": f"Bearer {api_key}"}
        self.v1 = {"Authorization": v1_auth(v1_key, v1_secret)}
        self._client_http = httpx.Client(timeout=10, trust_env=False)
        self.client = Client(
            api_key=api_key,
            v1_key=v1_key,
            v1_secret=v1_secret,
            base_url=url,
            max_retries=0,
            http_client=self._client_http,
            strict=True,  # our own server is held to every documented constraint
        )

    def close(self) -> None:
        self.http.close()
        self.client.close()
        self._client_http.close()

    @staticmethod
    def _answer(call: Callable[[], APIResponse[Any]]) -> httpx.Response:
        """The HTTP response of a generated-client call, whatever its status."""
        try:
            return call().http_response
        except APIStatusError as exc:
            return exc.response

    # V2
    def create_app(self, **fields: Any) -> dict[str, Any]:
        body = {"application_name": "test-app", **fields}
        create = self.client.call_control_applications.with_raw_response.create
        r = self._answer(lambda: create(**body))
        assert r.status_code == 201, r.text
        return r.json()["data"]

    # V1
    def dial(self, connection_id: str, to: str = "+18005550100", **fields: Any) -> httpx.Response:
        body = {"to": to, "from": "+18005550101", "connection_id": connection_id, **fields}
        args = {ARGUMENTS.get(k, k): v for k, v in body.items()}
        return self._answer(lambda: self.client.calls.with_raw_response.dial(**args))

    def cmd(self, call_id: str, command: str, **body: Any) -> httpx.Response:
        """A command through the generated client (its method of that name)."""
        method = getattr(self.client.calls.with_raw_response, command)
        args = {ARGUMENTS.get(k, k): v for k, v in body.items()}
        return self._answer(lambda: method(call_id, **args))

    def raw_cmd(self, call_id: str, command: str, **body: Any) -> httpx.Response:
        """A command body as given, over raw HTTP (what the typed client cannot send)."""
        return self.http.post(f"/calls/{call_id}/actions/{command}", json=body, headers=self.v1)

    def ok(self, call_id: str, command: str, **body: Any) -> None:
        r = self.cmd(call_id, command, **body)
        assert r.status_code == 200, r.text
        assert r.json() == {"result": "ok"}

    # simulator
    def sim(self, method: str, path: str, **kw: Any) -> httpx.Response:
        """A simulator request, with this account's credentials (the simulator is scoped by them)."""
        headers = {**self.v2, **kw.pop("headers", {})}
        return self.http.request(method, "/_sim" + path, headers=headers, **kw)

    def inbound(self, connection_id: str, **fields: Any) -> dict[str, Any]:
        body = {"connection_id": connection_id, "from": "+18005550111", "to": "+18005550122"}
        r = self.sim("POST", "/inbound_calls", json={**body, **fields})
        assert r.status_code == 201, r.text
        return r.json()["data"]

    def call(self, call_id: str) -> dict[str, Any]:
        r = self.sim("GET", f"/calls/{call_id}")
        assert r.status_code == 200, r.text
        return r.json()["data"]

    def hooks(self, call_id: str) -> list[dict[str, Any]]:
        r = self.sim("GET", f"/calls/{call_id}/webhooks")
        assert r.status_code == 200, r.text
        return r.json()["data"]

    def events(self, call_id: str) -> list[str]:
        return [h["event"] for h in self.hooks(call_id)]

    def wait_events(self, call_id: str, n: int, timeout: float = 10) -> list[dict[str, Any]]:
        return wait_for(lambda: (h := self.hooks(call_id)) and len(h) >= n and h, timeout)

    def wait_state(self, call_id: str, state: str, timeout: float = 10) -> dict[str, Any]:
        return wait_for(lambda: (c := self.call(call_id))["state"] == state and c, timeout)

    def answered_call(self, connection_id: str) -> str:
        """An inbound call, answered by the application."""
        call_id = self.inbound(connection_id)["call_control_id"]
        self.ok(call_id, "answer")
        return call_id

    def public_key(self) -> VerifyKey:
        data = self.sim("GET", "/public_key").json()["data"]
        return VerifyKey(base64.b64decode(data["public_key"]))


def verify(key: VerifyKey, received: Received, signature: WebhookSignature | None = None) -> bool:
    """Whether a webhook's signature verifies, as the spec's `x-webhook-signature` says."""
    from nacl.exceptions import BadSignatureError

    scheme = signature or default_spec().signature
    assert scheme is not None, "the spec declares no x-webhook-signature"
    signature_bytes = base64.b64decode(received.headers[scheme.signature_header])
    message = scheme.message_for(received.headers[scheme.timestamp_header], received.body)
    try:
        key.verify(message, signature_bytes)
    except BadSignatureError:
        return False
    return True


# ---- x-webhooks steps: specmodel's semantics -----------------------------------------
def matches_steps(op: Operation, hooks: list[dict[str, Any]], roles: dict[str, str], **conditions: bool) -> bool:
    """Whether webhooks (the simulator's records, of every leg, in creation order) are a
    sequence the operation's `x-webhooks` allows, given the conditions their `when` names.

    `roles` maps a call_leg_id to its leg in the steps (`self`, `other`, `new`)."""
    assert op.webhooks is not None, f"{op.operation_id} has no x-webhooks"
    ordered = sorted(hooks, key=lambda h: h["seq"])
    return matches(slots_for(op.webhooks, conditions), [(h["event"], roles[h["call_leg_id"]]) for h in ordered])


@contextmanager
def started_server(directory: Path, env: dict[str, str] | None = None) -> Iterator[RefServerProcess]:
    """A reference server on a state file in ``directory``, always stopped afterwards."""
    proc = RefServerProcess(env=env, state_db=str(directory / "refserver.sqlite3"))
    try:
        yield proc.start()
    finally:
        proc.stop()
        proc.kill()


@contextmanager
def started_receiver() -> Iterator[Receiver]:
    """A webhook receiver, always stopped afterwards."""
    receiver = Receiver().start()
    try:
        yield receiver
    finally:
        receiver.stop()
