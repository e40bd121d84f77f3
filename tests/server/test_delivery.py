"""Webhook delivery against slow, failing and absent receivers; durability across kill -9."""

from __future__ import annotations

import base64
import uuid
from pathlib import Path
from typing import Any

from tests.server.harness import Api, Receiver, RefServerProcess, verify, wait_for

SPEAK = {"payload": "Hello there", "voice": "female", "language": "en-US"}


def _tag() -> str:
    return uuid.uuid4().hex[:8]


def _settled(api: Api, call_id: str, n: int) -> list[dict[str, Any]]:
    """The call's first n webhooks once none of them is pending."""
    return wait_for(
        lambda: (h := api.hooks(call_id)) and len(h) >= n and all(x["status"] != "pending" for x in h) and h,
        timeout=20,
    )


def test_failover_when_the_primary_fails(api: Api, receiver: Receiver) -> None:
    failover = f"/ok/failover-{_tag()}"
    app = api.create_app(
        webhook_event_url=receiver.url + f"/fail/{_tag()}",
        webhook_event_failover_url=receiver.url + failover,
        webhook_api_version="2",
    )
    call_id = api.dial(app["id"]).json()["data"]["call_control_id"]
    hooks = _settled(api, call_id, 2)
    assert [h["event"] for h in hooks] == ["call.initiated", "call.answered"]
    for hook in hooks:
        assert hook["status"] == "delivered" and hook["attempts"] == 1
        assert hook["delivered_to"] == receiver.url + failover
        codes = [(d["url"].startswith(receiver.url + "/fail"), d["status_code"]) for d in hook["deliveries"]]
        assert codes == [(True, 500), (False, 200)]
    got = receiver.at(failover)
    assert [r.event["id"] for r in got] == [h["id"] for h in hooks]
    assert all(r.json["meta"]["delivered_to"] == receiver.url + failover for r in got)
    key = api.public_key()
    assert all(verify(key, r) for r in got)


def test_failover_when_the_primary_times_out(api: Api, receiver: Receiver) -> None:
    failover = f"/ok/timeout-failover-{_tag()}"
    app = api.create_app(
        webhook_event_url=receiver.url + f"/slow/3/{_tag()}",
        webhook_event_failover_url=receiver.url + failover,
        webhook_timeout_secs=1,
    )
    call_id = api.inbound(app["id"])["call_control_id"]
    (hook,) = _settled(api, call_id, 1)
    assert hook["delivered_to"] == receiver.url + failover
    first = hook["deliveries"][0]
    assert first["status_code"] is None and "no answer within 1 s" in first["error"]


def test_retries_with_backoff_keep_each_calls_order(api: Api, receiver: Receiver) -> None:
    path = f"/flaky/2/{_tag()}"  # every event fails twice, then is accepted
    app = api.create_app(webhook_event_url=receiver.url + path)
    call_id = api.answered_call(app["id"])
    api.ok(call_id, "speak", **SPEAK)
    api.ok(call_id, "hangup")
    hooks = _settled(api, call_id, 5)
    names = [h["event"] for h in hooks]
    assert names == ["call.initiated", "call.answered", "call.speak.started", "call.speak.ended", "call.hangup"]
    assert all(h["status"] == "delivered" and h["attempts"] == 3 for h in hooks)
    order = [h["id"] for h in hooks]
    seen = [r.event["id"] for r in receiver.at(path)]
    assert len(seen) == 15
    # one event at a time: all tries of an event come before the next event's first try
    assert seen == [event_id for event_id in order for _ in range(3)]


def test_exhausted_retries_mark_the_webhook_failed(api: Api, receiver: Receiver) -> None:
    app = api.create_app(
        webhook_event_url=receiver.url + f"/fail/{_tag()}",
        webhook_event_failover_url="http://127.0.0.1:9/closed-port",
    )
    call_id = api.inbound(app["id"])["call_control_id"]
    api.ok(call_id, "answer")
    hooks = _settled(api, call_id, 2)
    for hook in hooks:  # 1 try + 3 retries (WEBHOOK_RETRY_SCHEDULE=0.05,0.1,0.2)
        assert hook["status"] == "failed" and hook["attempts"] == 4
        assert [d["attempt"] for d in hook["deliveries"]] == [1, 1, 2, 2, 3, 3, 4, 4]
        assert hook["deliveries"][1]["status_code"] is None  # refused


def test_a_stuck_receiver_neither_slows_the_api_nor_breaks_order(api: Api, receiver: Receiver) -> None:
    gate_name = _tag()
    gate = receiver.gate(gate_name)
    path = f"/gate/{gate_name}/x"
    app = api.create_app(webhook_event_url=receiver.url + path, webhook_timeout_secs=30)
    calls = [api.answered_call(app["id"]) for _ in range(5)]
    for call_id in calls:  # every request is answered while every webhook is stuck
        api.ok(call_id, "speak", **SPEAK)
        r = api.http.get("/v2/call_control_applications", headers=api.v2)
        assert r.status_code == 200
    assert not gate.is_set()
    hooks = wait_for(lambda: len(h := api.hooks(calls[0])) >= 4 and h)
    assert [h["status"] for h in hooks] == ["pending"] * 4
    assert receiver.at(path) == []
    gate.set()
    for call_id in calls:
        delivered = _settled(api, call_id, 4)
        got = [r.event["id"] for r in receiver.at(path) if r.event["payload"]["call_control_id"] == call_id]
        assert got == [h["id"] for h in delivered]


def test_application_and_pending_webhook_survive_kill_9(tmp_path: Path, receiver: Receiver) -> None:
    db = tmp_path / "state" / "refserver.sqlite3"
    gate_name = _tag()
    gate = receiver.gate(gate_name)
    path = f"/gate/{gate_name}/k9"
    env = {"WEBHOOK_RETRY_SCHEDULE": "0.1"}
    first = RefServerProcess(env=env, state_db=str(db))
    second = RefServerProcess(env=env, state_db=str(db))
    try:
        first.start()
        api = Api(first.url)
        key = api.sim("GET", "/public_key").json()["data"]["public_key"]
        app = api.create_app(webhook_event_url=receiver.url + path)
        call_id = api.inbound(app["id"])["call_control_id"]
        api.ok(call_id, "answer")
        pending = api.hooks(call_id)
        assert [h["status"] for h in pending] == ["pending", "pending"]
        api.close()
        first.kill()  # SIGKILL, with a delivery in flight
        assert first.proc is not None and first.proc.returncode == -9
        gate.set()

        second.start()
        api = Api(second.url)
        r = api.http.get(f"/v2/call_control_applications/{app['id']}", headers=api.v2)
        assert r.status_code == 200 and r.json()["data"] == app
        assert api.sim("GET", "/public_key").json()["data"]["public_key"] == key
        assert api.call(call_id)["state"] == "answered"
        hooks = _settled(api, call_id, 2)
        assert [h["id"] for h in hooks] == [h["id"] for h in pending]
        assert all(h["status"] == "delivered" for h in hooks)
        ids = [r.event["id"] for r in receiver.at(path)]
        assert set(ids) == {h["id"] for h in pending}  # at least once, same event ids
        api.ok(call_id, "hangup")  # the restored call still takes commands
        api.close()
    finally:
        gate.set()
        for proc in (first, second):
            proc.stop()
            proc.kill()


def test_many_calls_are_delivered_in_parallel_each_in_order(api: Api, receiver: Receiver) -> None:
    path = f"/track/0.05/{_tag()}"  # every delivery takes 50 ms at the receiver
    app = api.create_app(webhook_event_url=receiver.url + path, webhook_api_version="2")
    calls = [api.answered_call(app["id"]) for _ in range(8)]
    for i in range(3):  # interleaved: every call has webhooks queued at once
        for call_id in calls:
            api.ok(call_id, "speak", **SPEAK, client_state=base64.b64encode(f"speak-{i}".encode()).decode())
    for call_id in calls:
        api.ok(call_id, "hangup")
    for call_id in calls:
        hooks = _settled(api, call_id, 9)  # initiated, answered, 3 x (speak started, ended), hangup
        assert [h["event"] for h in hooks][:2] == ["call.initiated", "call.answered"]
        assert hooks[-1]["event"] == "call.hangup"
        assert all(h["status"] == "delivered" and h["attempts"] == 1 for h in hooks)
        leg = api.call(call_id)["call_leg_id"]
        got = [r.event["id"] for r in receiver.for_leg(path, leg)]
        assert got == [h["id"] for h in hooks]  # each once, in creation order
        assert receiver.max_in_flight[(path, leg)] == 1  # one at a time per leg
    assert receiver.max_in_flight[path] > 1  # legs in parallel
