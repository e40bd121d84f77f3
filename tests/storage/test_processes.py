"""Three reference server processes on one PostgreSQL database (STATE_DB=postgresql://...):
any process serves any request, delivers any webhook and fires any timer.

Each test starts its own database and three `python -m refserver` processes on free ports,
and a webhook receiver; requests go to the processes in turn. `kill -9` is a real SIGKILL."""

from __future__ import annotations

import base64
import concurrent.futures
import os
import signal
from typing import Any

import httpx
import psycopg
from nacl.signing import VerifyKey

from tests.server.harness import API_KEY, V1_KEY, V1_SECRET, Receiver, RefServerProcess, verify, wait_for

V1 = {"Authorization": "Basic " + base64.b64encode(f"{V1_KEY}:{V1_SECRET}".encode()).decode()}
V2 = {"Authorization": f"Bearer {API_KEY}"}
SLOW_TIME = {"TIME_SCALE": "0.05"}  # a 60 s ring lasts 3 s: long enough to kill its process first


class Node:
    """One server process and an HTTP client for it."""

    def __init__(self, proc: RefServerProcess) -> None:
        self.proc = proc
        self.http = httpx.Client(base_url=proc.url, timeout=15, trust_env=False)

    @property
    def pid(self) -> int:
        assert self.proc.proc is not None
        return self.proc.proc.pid

    def create_app(self, url: str, **fields: Any) -> str:
        body = {"application_name": "shared", "webhook_event_url": url, **fields}
        r = self.http.post("/v2/call_control_applications", json=body, headers=V2)
        assert r.status_code == 201, r.text
        return str(r.json()["data"]["id"])

    def dial(self, app_id: str, to: str = "+18005550100") -> httpx.Response:
        body = {"connection_id": app_id, "to": to, "from": "+18005550101"}
        return self.http.post("/calls", json=body, headers=V1)

    def cmd(self, call_id: str, command: str, **body: Any) -> httpx.Response:
        return self.http.post(f"/calls/{call_id}/actions/{command}", json=body, headers=V1)

    def ok(self, call_id: str, command: str, **body: Any) -> None:
        r = self.cmd(call_id, command, **body)
        assert r.status_code == 200, r.text

    def sim(self, method: str, path: str, **kw: Any) -> httpx.Response:
        return self.http.request(method, "/_sim" + path, headers=V2, **kw)

    def inbound(self, app_id: str) -> str:
        body = {"connection_id": app_id, "from": "+18005550111", "to": "+18005550122"}
        r = self.sim("POST", "/inbound_calls", json=body)
        assert r.status_code == 201, r.text
        return str(r.json()["data"]["call_control_id"])

    def call(self, call_id: str) -> dict[str, Any]:
        r = self.sim("GET", f"/calls/{call_id}")
        assert r.status_code == 200, r.text
        return dict(r.json()["data"])

    def hooks(self, call_id: str) -> list[dict[str, Any]]:
        r = self.sim("GET", f"/calls/{call_id}/webhooks")
        assert r.status_code == 200, r.text
        return list(r.json()["data"])

    def public_key(self) -> VerifyKey:
        return VerifyKey(base64.b64decode(self.sim("GET", "/public_key").json()["data"]["public_key"]))


class Cluster:
    def __init__(self, url: str, n: int = 3, env: dict[str, str] | None = None) -> None:
        self.url = url
        self.env = env or {}
        self.nodes: list[Node] = []
        for _ in range(n):
            self.start_one()

    def start_one(self) -> Node:
        node = Node(RefServerProcess(state_db=self.url, env=self.env).start())
        self.nodes.append(node)
        return node

    def __getitem__(self, i: int) -> Node:
        return self.nodes[i % len(self.nodes)]

    def kill(self, node: Node) -> None:
        os.kill(node.pid, signal.SIGKILL)
        assert node.proc.proc is not None
        node.proc.proc.wait(10)
        self.nodes.remove(node)

    def stop(self) -> None:
        for node in self.nodes:
            node.http.close()
            node.proc.stop()
            node.proc.kill()


def received_ids(receiver: Receiver, path: str, leg_id: str) -> list[str]:
    """The event ids the receiver got for one leg, in arrival order."""
    return [r.event["id"] for r in receiver.for_leg(path, leg_id)]


def settled(node: Node, call_id: str, n: int = 1) -> list[dict[str, Any]] | None:
    """The leg's webhooks (creation order) once at least `n` exist and all are delivered."""
    hooks = sorted(node.hooks(call_id), key=lambda h: h["seq"])
    return hooks if len(hooks) >= n and all(h["status"] == "delivered" for h in hooks) else None


def test_a_call_dialled_through_one_process_is_commanded_through_the_others(
    cluster: Cluster, receiver: Receiver
) -> None:
    app = cluster[0].create_app(f"{receiver.url}/ok/flow")
    r = cluster[0].dial(app)
    assert r.status_code == 200, r.text
    call = r.json()["data"]
    call_id, leg = call["call_control_id"], call["call_leg_id"]
    wait_for(lambda: cluster[1].call(call_id)["state"] == "answered")  # the ring timer, fired by any process
    cluster[1].ok(call_id, "speak", payload="hi", voice="female", language="en-US")
    wait_for(lambda: "call.speak.ended" in [h["event"] for h in cluster[2].hooks(call_id)])
    cluster[2].ok(call_id, "hangup")
    assert cluster[0].call(call_id)["state"] == "hangup"
    hooks = wait_for(lambda: (h := settled(cluster[0], call_id)) and h[-1]["event"] == "call.hangup" and h)
    events = [h["event"] for h in hooks]
    expected = ["call.initiated", "call.answered", "call.speak.started", "call.speak.ended", "call.hangup"]
    assert [e for e in events if e in expected] == expected
    assert received_ids(receiver, "/ok/flow", leg) == [h["id"] for h in hooks]  # each once, in creation order
    keys = {node.public_key().encode() for node in cluster.nodes}
    assert len(keys) == 1  # one signing key for all processes: each webhook verifies with it
    key = cluster[2].public_key()
    assert all(verify(key, r) for r in receiver.for_leg("/ok/flow", leg))
    assert cluster[1].cmd(call_id, "hangup").status_code == 422  # ended, as every process sees it


def test_each_legs_webhooks_arrive_in_order_when_processes_deliver_concurrently(
    cluster: Cluster, receiver: Receiver
) -> None:
    app = cluster[0].create_app(f"{receiver.url}/slow/0.02/order")
    calls: list[str] = []
    for i in range(9):
        call_id = cluster[i].inbound(app)
        cluster[i + 1].ok(call_id, "answer")
        cluster[i + 2].ok(call_id, "playback_start", audio_url="http://127.0.0.1:9/a.mp3")
        cluster[i].ok(call_id, "hangup")
        calls.append(call_id)
    for i, call_id in enumerate(calls):
        hooks = wait_for(lambda c=call_id, n=cluster[i]: (h := settled(n, c)) and h[-1]["event"] == "call.hangup" and h)
        leg = hooks[0]["call_leg_id"]
        assert received_ids(receiver, "/slow/0.02/order", leg) == [h["id"] for h in hooks]  # in order, each once
        assert hooks[0]["event"] == "call.initiated"


def test_kill_9_of_the_process_holding_a_delivery_lease_loses_nothing(
    cluster: Cluster, receiver: Receiver, db: str
) -> None:
    app = cluster[0].create_app(f"{receiver.url}/gate/lease/hook", webhook_timeout_secs=1)
    call_id = cluster[0].inbound(app)  # call.initiated: one process posts it and waits at the gate

    def holder() -> str | None:
        with psycopg.connect(db) as conn:
            row = conn.execute("SELECT lease_owner FROM outbox WHERE status = 'pending' ORDER BY seq").fetchone()
        return row[0] if row and row[0] else None

    owner = wait_for(holder)
    pid = int(owner.split(":")[1])
    node = next(n for n in cluster.nodes if n.pid == pid)
    cluster.kill(node)  # mid-delivery: its post is cut, its lease is left to run out
    receiver.gate("lease").set()
    survivor = cluster.nodes[0]
    survivor.ok(call_id, "answer")
    hooks = wait_for(lambda: (h := settled(survivor, call_id, 2)) and h, timeout=30)
    assert [h["event"] for h in hooks] == ["call.initiated", "call.answered"]
    leg = hooks[0]["call_leg_id"]
    got = received_ids(receiver, "/gate/lease/hook", leg)
    # at least once, with the same event id on every attempt, and the leg's next one only after it
    assert got[-1] == hooks[1]["id"] and set(got[:-1]) == {hooks[0]["id"]}
    assert hooks[0]["attempts"] == 1  # the cut attempt was never recorded: the survivor's is the first


def timer_names(db: str, call_id: str) -> list[str]:
    with psycopg.connect(db) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM timers WHERE call_id = %s ORDER BY name", (call_id,))]


def ringing_call(node: Node, app: str, to: str) -> str:
    """A dialled call whose far end answers after 3 s (ring timeout 6 s) at SLOW_TIME."""
    r = node.sim("POST", "/scripts", json={"to": to, "outcome": "answer", "ring_secs": 60})
    assert r.status_code in (200, 201), r.text
    r = node.http.post(
        "/calls", json={"connection_id": app, "to": to, "from": "+18005550101", "timeout_secs": 120}, headers=V1
    )
    assert r.status_code == 200, r.text
    return str(r.json()["data"]["call_control_id"])


def test_a_timer_set_by_a_killed_process_still_fires(receiver: Receiver, db: str) -> None:
    cluster = Cluster(db, env=SLOW_TIME)
    try:
        timer_set_by_a_killed_process_fires(cluster, receiver, db)
    finally:
        cluster.stop()


def timer_set_by_a_killed_process_fires(cluster: Cluster, receiver: Receiver, db: str) -> None:
    app = cluster[0].create_app(f"{receiver.url}/ok/timer")
    call_id = ringing_call(cluster[0], app, "+18005550177")
    cluster.kill(cluster[0])  # the process that set the ring timer
    assert timer_names(db, call_id) == ["ring", "ring_timeout", "time_limit"]  # rows: they outlive it
    wait_for(lambda: cluster[0].call(call_id)["state"] == "answered", timeout=20)
    wait_for(lambda: "call.answered" in [h["event"] for h in cluster[1].hooks(call_id)])
    assert timer_names(db, call_id) == ["time_limit"]


def test_running_timers_resume_after_every_process_restarts(db: str, receiver: Receiver) -> None:
    first = Cluster(db, n=2, env=SLOW_TIME)
    try:
        app = first[0].create_app(f"{receiver.url}/ok/restart")
        call_id = ringing_call(first[1], app, "+18005550178")
        for node in list(first.nodes):
            first.kill(node)
    finally:
        first.stop()
    assert "ring" in timer_names(db, call_id)
    second = Cluster(db, n=1, env=SLOW_TIME)
    try:
        wait_for(lambda: second[0].call(call_id)["state"] == "answered", timeout=20)
    finally:
        second.stop()


def test_channel_limits_hold_across_processes_under_concurrent_dials(cluster: Cluster, receiver: Receiver) -> None:
    app = cluster[0].create_app(f"{receiver.url}/ok/limit", outbound={"channel_limit": 3})
    with concurrent.futures.ThreadPoolExecutor(12) as pool:
        answers = list(pool.map(lambda i: cluster[i].dial(app), range(12)))
    ok = [r for r in answers if r.status_code == 200]
    refused = [r for r in answers if r.status_code != 200]
    assert len(ok) == 3
    assert {r.status_code for r in refused} == {422}
    assert {r.json()["errors"][0]["code"] for r in refused} == {"90040"}
    cluster[1].ok(ok[0].json()["data"]["call_control_id"], "hangup")
    assert cluster[2].dial(app).status_code == 200  # a channel freed in one process is free in all
    assert cluster[0].dial(app).status_code == 422
