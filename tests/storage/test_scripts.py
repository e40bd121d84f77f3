"""The simulator's far-end scripts (`/_sim/scripts`) are rows in the state database, per
account: every process sharing it sees them (PostgreSQL), and they survive a restart (SQLite).
Run on both backends."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from refserver.storage import SharedStorage, is_postgres
from tests.server.harness import Receiver, wait_for
from tests.storage.test_processes import SLOW_TIME, Cluster, Node


def test_a_script_added_through_one_store_is_taken_through_another(opener: Callable[[], SharedStorage]) -> None:
    a, b = opener(), opener()
    a.add_script("acct-a", "+15550001", {"to": "+15550001", "outcome": "busy", "times": 2})
    assert b.take_script("+15550001", "acct-b") is None  # another account's script does not apply
    assert b.take_script("+15550002", "acct-a") is None  # nor one for another number
    first = b.take_script("+15550001", "acct-a")
    assert first == {"to": "+15550001", "outcome": "busy", "times": 1}
    assert a.take_script("+15550001", "acct-a") == {"to": "+15550001", "outcome": "busy", "times": 0}
    assert b.take_script("+15550001", "acct-a") is None  # its times used up: deleted


def test_the_latest_script_wins_and_an_open_script_applies_to_every_account(
    opener: Callable[[], SharedStorage],
) -> None:
    a, b = opener(), opener()
    a.add_script(None, "+15550003", {"to": "+15550003", "outcome": "rejected"})
    assert b.take_script("+15550003", "anyone") == {"to": "+15550003", "outcome": "rejected"}  # kept: no times
    a.add_script("acct-a", "+15550003", {"to": "+15550003", "outcome": "busy"})
    assert b.take_script("+15550003", "acct-a") == {"to": "+15550003", "outcome": "busy"}
    assert b.take_script("+15550003", "acct-b") == {"to": "+15550003", "outcome": "rejected"}


def test_clearing_one_accounts_scripts_leaves_the_others(opener: Callable[[], SharedStorage]) -> None:
    a, b = opener(), opener()
    a.add_script("acct-a", "+15550004", {"to": "+15550004", "outcome": "busy"})
    a.add_script("acct-b", "+15550004", {"to": "+15550004", "outcome": "rejected"})
    b.clear_scripts("acct-a")
    assert a.take_script("+15550004", "acct-a") is None
    assert a.take_script("+15550004", "acct-b") == {"to": "+15550004", "outcome": "rejected"}
    b.clear_scripts(None)  # the open simulator: every script
    assert a.take_script("+15550004", "acct-b") is None


# ---- through the server -------------------------------------------------------------------------
@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    yield r
    r.stop()


def hangup_causes(receiver: Receiver, path: str) -> list[Any]:
    return [r.event["payload"]["hangup_cause"] for r in receiver.at(path) if "hangup" in r.event["event_type"]]


def test_a_script_posted_to_one_server_process_is_followed_by_another(state_db: str, receiver: Receiver) -> None:
    """PostgreSQL: two processes at once; SQLite: the process started again on the same file."""
    first = Cluster(state_db, n=1, env=SLOW_TIME)
    try:
        app = first[0].create_app(f"{receiver.url}/ok/script")
        r = first[0].sim("POST", "/scripts", json={"to": "+18005550199", "outcome": "busy"})
        assert r.status_code == 201, r.text
        if is_postgres(state_db):
            other: Node = first.start_one()
        else:
            first[0].proc.stop()
            first.nodes.clear()
            other = first.start_one()
        r = other.dial(app, to="+18005550199")
        assert r.status_code == 200, r.text
        call_id = r.json()["data"]["call_control_id"]
        wait_for(lambda: other.call(call_id)["state"] == "hangup", timeout=20)
        assert wait_for(lambda: hangup_causes(receiver, "/ok/script")) == ["user_busy"]  # the script's outcome
    finally:
        first.stop()
