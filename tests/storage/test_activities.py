"""A call's running activities (media, a gather, keys being pressed, the runs holding its
webhooks) are part of the call's record and wait on timer rows: any process sharing the
database carries them on, after a `kill -9` of the one that started them, or after a restart
on the same SQLite file.

Three server processes on one PostgreSQL database (tests/storage/test_processes.py's
harness), requests sent to different processes; one process on a SQLite file killed and
started again (test_sqlite_restart.py's)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import Any

from refserver.calls.call import Call
from refserver.calls.runs import Run
from refserver.spec import SpecIndex
from specmodel import WebhookStep, slots_for
from tests.server.harness import Receiver, RefServerProcess, wait_for
from tests.server.test_follows_spec import _operation, spec_copy
from tests.storage.test_processes import V2, Cluster, Node
from tests.storage.test_sqlite_restart import kill_9, start, stop

AUDIO = "http://127.0.0.1:9/hold.mp3"
SPEAK = {"voice": "female", "language": "en-US"}


def events(node: Node, call_id: str, event: str) -> list[dict[str, Any]]:
    """The call's webhooks of one event type (creation order), as the outbox has them."""
    return [h for h in sorted(node.hooks(call_id), key=lambda h: h["seq"]) if h["event"] == event]


def payload(receiver: Receiver, path: str, call_id: str, event: str) -> list[dict[str, Any]]:
    """The payloads of the webhooks of one event the receiver got for a call (each event id once)."""
    leg = {
        r.event["payload"]["call_leg_id"]
        for r in receiver.at(path)
        if r.event["payload"].get("call_control_id") == call_id
    }
    seen: dict[str, dict[str, Any]] = {}
    for r in receiver.at(path):
        ev = r.event
        if ev["event_type"] == event and ev["payload"].get("call_leg_id") in leg:
            seen.setdefault(ev["id"], ev["payload"])
    return list(seen.values())


def answered(cluster: Cluster, app: str) -> str:
    call_id = cluster[0].inbound(app)
    cluster[1].ok(call_id, "answer")
    return call_id


def test_a_hangup_through_another_process_ends_the_playback_started_through_the_first(
    cluster: Cluster, receiver: Receiver
) -> None:
    app = cluster[0].create_app(f"{receiver.url}/ok/media", webhook_api_version="2")
    call_id = answered(cluster, app)
    cluster[0].ok(call_id, "playback_start", audio_url=AUDIO, loop="infinity")
    cluster[1].ok(call_id, "hangup")
    ended = wait_for(lambda: payload(receiver, "/ok/media", call_id, "call.playback.ended"))
    assert [p["status"] for p in ended] == ["call_hangup"]
    assert ended[0]["media_url"] == AUDIO
    names = [h["event"] for h in sorted(cluster[2].hooks(call_id), key=lambda h: h["seq"])]
    assert names.index("call.playback.ended") < names.index("call.hangup")  # media ends first, then the call


def test_playback_stop_through_another_process_stops_a_looping_playback_once(
    cluster: Cluster, receiver: Receiver
) -> None:
    app = cluster[0].create_app(f"{receiver.url}/ok/stop", webhook_api_version="2")
    call_id = answered(cluster, app)
    cluster[0].ok(call_id, "playback_start", audio_url=AUDIO, loop="infinity")
    cluster[1].ok(call_id, "playback_stop")
    ended = wait_for(lambda: events(cluster[2], call_id, "call.playback.ended"))
    assert [h["event"] for h in events(cluster[2], call_id, "call.playback.started")] == ["call.playback.started"]
    assert cluster[2].call(call_id)["state"] == "answered"
    cluster[2].ok(call_id, "hangup")  # nothing is left playing: the hangup ends no playback again
    wait_for(lambda: events(cluster[0], call_id, "call.hangup"))
    assert len(events(cluster[0], call_id, "call.playback.ended")) == len(ended) == 1
    got = wait_for(lambda: payload(receiver, "/ok/stop", call_id, "call.playback.ended"))
    assert [p["status"] for p in got] == ["cancelled"]


def test_a_gather_started_through_a_killed_process_ends_with_keys_pressed_through_another(
    cluster: Cluster, receiver: Receiver
) -> None:
    app = cluster[0].create_app(f"{receiver.url}/ok/gather", webhook_api_version="2")
    call_id = answered(cluster, app)
    params = {"maximum_digits": 3, "timeout_millis": 600000, "inter_digit_timeout_millis": 600000}
    cluster[0].ok(call_id, "gather_using_speak", payload="Your PIN?", **SPEAK, **params)
    cluster.kill(cluster[0])  # kill -9 of the process the gather was started through
    r = cluster[0].sim("POST", f"/calls/{call_id}/dtmf", json={"digits": "123", "interval_ms": 10})
    assert r.status_code in (200, 201), r.text
    ended = wait_for(lambda: payload(receiver, "/ok/gather", call_id, "call.gather.ended"), timeout=20)
    assert [(p["digits"], p["status"]) for p in ended] == [("123", "valid")]
    keys = payload(receiver, "/ok/gather", call_id, "call.dtmf.received")
    assert [p["digit"] for p in keys] == ["1", "2", "3"]  # each key once, in the order pressed
    assert cluster[1].call(call_id)["gathering"] is False


def v2_ok(node: Node, call_id: str, command: str, **body: Any) -> None:
    r = node.http.post(f"/v2/calls/{call_id}/actions/{command}", json=body, headers=V2)
    assert r.status_code == 200, r.text


def test_a_queue_counts_the_calls_every_process_enqueued(cluster: Cluster, receiver: Receiver) -> None:
    app = cluster[0].create_app(f"{receiver.url}/ok/queue", webhook_api_version="2")
    calls = [answered(cluster, app) for _ in range(3)]
    queue = f"q-{uuid.uuid4().hex[:6]}"
    for i, call_id in enumerate(calls):  # each through a process of its own
        node = cluster[i]
        v2_ok(node, call_id, "enqueue", queue_name=queue, max_size=3)
    joined = [wait_for(lambda c=c: payload(receiver, "/ok/queue", c, "call.enqueued")) for c in calls]
    assert [p[0]["current_position"] for p in joined] == [1, 2, 3]
    r = cluster[2].http.post(f"/v2/calls/{answered(cluster, app)}/actions/enqueue", headers=V2,
                             json={"queue_name": queue, "max_size": 3})  # fmt: skip
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "90036", r.text  # full, counted across processes
    v2_ok(cluster[0], calls[1], "leave_queue")
    left = wait_for(lambda: payload(receiver, "/ok/queue", calls[1], "call.dequeued"))
    assert [(p["reason"], p["queue_position"]) for p in left] == [("leave", 2)]
    v2_ok(cluster[1], calls[2], "leave_queue")
    left = wait_for(lambda: payload(receiver, "/ok/queue", calls[2], "call.dequeued"))
    assert [p["queue_position"] for p in left] == [2]  # the first is still ahead of it, the second left


def test_a_run_holding_back_a_webhook_releases_it_when_another_process_ends_the_call(
    tmp_path: Path, db: str, receiver: Receiver
) -> None:
    def modify(doc: dict[str, Any]) -> None:  # a step record_stop never reports, before the one it does
        _operation(doc, "callRecordStop")["x-webhooks"] = [
            {"event": "call.speak.started"},
            {"event": "call.recording.saved"},
        ]

    cluster = Cluster(db, env={"SPEC_DIR": str(spec_copy(tmp_path, modify))})
    try:
        app = cluster[0].create_app(f"{receiver.url}/ok/held", webhook_api_version="2")
        call_id = answered(cluster, app)
        cluster[0].ok(call_id, "record_start", format="mp3", channels="single")
        cluster[0].ok(call_id, "record_stop")  # its run holds call.recording.saved back
        assert events(cluster[1], call_id, "call.recording.saved") == []
        cluster[2].ok(call_id, "hangup")  # the call ends through another process: the run lets it go
        names = [h["event"] for h in sorted(cluster[1].hooks(call_id), key=lambda h: h["seq"])]
        assert names == ["call.initiated", "call.answered", "call.hangup", "call.recording.saved"]
        saved = wait_for(lambda: payload(receiver, "/ok/held", call_id, "call.recording.saved"))
        assert len(saved) == 1
    finally:
        cluster.stop()


def timer_names(path: Path, call_id: str) -> list[str]:
    with sqlite3.connect(path) as db:
        return [r[0] for r in db.execute("SELECT name FROM timers WHERE call_id = ? ORDER BY name", (call_id,))]


def test_a_speech_in_progress_ends_after_kill_9_and_a_restart_on_sqlite(tmp_path: Path, receiver: Receiver) -> None:
    path = tmp_path / "state.db"
    node = start(path)  # TIME_SCALE 0.05: this speech lasts 5 s
    try:
        app = node.create_app(f"{receiver.url}/ok/speak", webhook_api_version="2")
        call_id = node.inbound(app)
        node.ok(call_id, "answer")
        node.ok(call_id, "speak", payload="x" * 1500, **SPEAK)
        wait_for(lambda: payload(receiver, "/ok/speak", call_id, "call.speak.started"))
    finally:
        kill_9(node)
    assert [n for n in timer_names(path, call_id) if n.startswith("media.")], timer_names(path, call_id)
    assert payload(receiver, "/ok/speak", call_id, "call.speak.ended") == []
    again = start(path)
    try:
        ended = wait_for(lambda: payload(receiver, "/ok/speak", call_id, "call.speak.ended"), timeout=30)
        assert [p["status"] for p in ended] == ["completed"]
        assert not [n for n in timer_names(path, call_id) if n.startswith("media.")]
    finally:
        stop(again)


def test_a_run_through_a_record_sends_what_it_holds_as_the_original_would() -> None:
    """A run is plain data: dumped into a call's JSON record and loaded again (its operation
    looked up by id, the held occurrence's call found by id), it goes on as the original."""
    op = SpecIndex.load().by_id["callBridge"]
    legs = {
        n: Call(id=n, account="a", connection_id="c", leg_id=n, session_id="s", direction="incoming", from_="1", to="2")
        for n in "ab"
    }
    steps = [WebhookStep(("x",), leg="other"), WebhookStep(("y",), repeat=True), WebhookStep(("x",))]
    sent: list[tuple[str, str]] = []

    def send(call: Call, event: str, fields: dict[str, Any]) -> None:
        sent.append((call.id, event))

    run = Run(op, slots_for(steps, {}), send, {"self": legs["a"], "other": legs["b"]})
    assert run.offer(legs["a"], "x", {"k": 1}) and sent == []  # held behind the other leg's step
    home = legs["a"]
    home.runs[run.id] = {}
    home.live_runs[run.id] = run
    again = Call.load(home.dump()).runs[run.id]
    loaded = Run.load(again, op, send, find=legs.get)
    assert loaded.op is op and loaded.slots == run.slots and loaded.legs == {"self": "a", "other": "b"}
    assert loaded.offer(legs["b"], "x", {})
    assert sent == [("b", "x"), ("a", "x")]  # the held one released in the steps' order
    assert not loaded.offer(legs["a"], "y", {})  # past the repeat: the cursor came back as it was


def test_immediate_steps_keep_their_order_at_time_scale_0(tmp_path: Path, receiver: Receiver) -> None:
    """At TIME_SCALE=0 the keys after the first are timer rows due at once: fired in the
    order they were added, each once, and the gather (its timeouts off) takes them in order."""
    proc = RefServerProcess(state_db=str(tmp_path / "state.db"), env={"TIME_SCALE": "0"}).start()
    node = Node(proc)
    try:
        app = node.create_app(f"{receiver.url}/ok/fifo", webhook_api_version="2")
        call_id = node.inbound(app)
        node.ok(call_id, "answer")
        node.ok(call_id, "gather_using_speak", payload="PIN?", maximum_digits=8, **SPEAK)
        r = node.sim("POST", f"/calls/{call_id}/dtmf", json={"digits": "31415926", "interval_ms": 0})
        assert r.status_code in (200, 201), r.text
        ended = wait_for(lambda: payload(receiver, "/ok/fifo", call_id, "call.gather.ended"))
        assert [p["digits"] for p in ended] == ["31415926"]
        keys = [h for h in sorted(node.hooks(call_id), key=lambda h: h["seq"]) if h["event"] == "call.dtmf.received"]
        assert len(keys) == 8
        got = [p["digit"] for p in payload(receiver, "/ok/fifo", call_id, "call.dtmf.received")]
        assert got == list("31415926")
    finally:
        stop(node)
