"""One reference server process on a SQLite file (the default): its durable timers (the far
end's ringing, the first-command timeout, the time limit) are rows in that file, so they
survive `kill -9` of the process and fire, when due, in the process started again on the file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.harness import Receiver, RefServerProcess, wait_for
from tests.storage.test_processes import SLOW_TIME, Cluster, Node, ringing_call


def timer_rows(path: Path, call_id: str) -> dict[str, float]:
    with sqlite3.connect(path) as db:
        return dict(db.execute("SELECT name, due_at FROM timers WHERE call_id = ? ORDER BY name", (call_id,)))


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    yield r
    r.stop()


def start(path: Path) -> Node:
    return Node(RefServerProcess(state_db=str(path), env=SLOW_TIME).start())


def kill_9(node: Node) -> None:
    cluster = Cluster.__new__(Cluster)  # only its kill(): a real SIGKILL, waited for
    cluster.nodes = [node]
    cluster.kill(node)
    node.http.close()


def stop(node: Node) -> None:
    node.http.close()
    node.proc.stop()
    node.proc.kill()


def test_a_ringing_call_is_answered_after_kill_9_and_a_restart(tmp_path: Path, receiver: Receiver) -> None:
    path = tmp_path / "state.db"
    node = start(path)
    try:
        app = node.create_app(f"{receiver.url}/ok/ring")
        call_id = ringing_call(node, app, "+18005550190")
        before = timer_rows(path, call_id)
    finally:
        kill_9(node)
    assert sorted(before) == ["ring", "ring_timeout", "time_limit"]
    again = start(path)
    try:
        assert timer_rows(path, call_id) == before  # resumed as they were: not rung again from the start
        wait_for(lambda: again.call(call_id)["state"] == "answered", timeout=20)
        assert sorted(timer_rows(path, call_id)) == ["time_limit"]
        wait_for(lambda: "call.answered" in [h["event"] for h in again.hooks(call_id)])
    finally:
        stop(again)


def test_a_first_command_timeout_fires_after_kill_9_and_a_restart(tmp_path: Path, receiver: Receiver) -> None:
    path = tmp_path / "state.db"
    node = start(path)
    try:
        app = node.create_app(f"{receiver.url}/ok/first", first_command_timeout=True, first_command_timeout_secs=60)
        call_id = node.inbound(app)
    finally:
        kill_9(node)
    assert sorted(timer_rows(path, call_id)) == ["first_command", "time_limit"]
    again = start(path)
    try:
        wait_for(lambda: again.call(call_id)["state"] == "hangup", timeout=20)
        hangups = wait_for(lambda: [r.event for r in receiver.at("/ok/first") if "hangup" in r.event["event_type"]])
        assert hangups[0]["payload"]["hangup_cause"] == "timeout"  # the first-command timeout's cause
        assert timer_rows(path, call_id) == {}
    finally:
        stop(again)
