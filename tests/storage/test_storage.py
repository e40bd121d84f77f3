"""One storage test suite, run on both implementations (SQLite and PostgreSQL): what the
server relies on its state database for."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from typing import Any

import psycopg
import pytest

from refserver.storage import SharedStorage, Storage


def app(app_id: str, name: str, created_at: str, *, active: bool = True, vp: str | None = None) -> dict[str, Any]:
    return {
        "id": app_id,
        "application_name": name,
        "active": active,
        "created_at": created_at,
        "outbound": {"outbound_voice_profile_id": vp},
        "webhook_event_url": "http://127.0.0.1:9/hook",
    }


def outbox_row(n: int, key: str = "leg-a", account: str = "acct") -> dict[str, Any]:
    return {
        "event_id": f"ev-{key}-{n}",
        "account": account,
        "call_control_id": f"cc-{key}",
        "order_key": key,
        "event": "call.answered",
        "event_type": "call.answered",
        "envelope": "1",
        "url": "http://127.0.0.1:9/hook",
        "failover_url": None,
        "timeout": 2.0,
        "body": json.dumps({"n": n}),
        "next_attempt_at": 0.0,
        "created_at": f"2026-01-01T00:00:{n:02d}.000Z",
    }


def test_implements_the_interface(storage: Storage) -> None:
    assert isinstance(storage, Storage)
    assert isinstance(storage, SharedStorage)


# ---- transactions ----------------------------------------------------------------------
def test_a_rolled_back_transaction_leaves_no_trace_and_runs_its_undo_hooks(storage: Storage) -> None:
    done: list[str] = []
    with pytest.raises(RuntimeError), storage.tx():
        storage.set_setting("a", "1")
        storage.after_commit(lambda: done.append("commit"))
        storage.on_rollback(lambda: done.append("undo-1"))
        storage.on_rollback(lambda: done.append("undo-2"))
        raise RuntimeError("the request failed")
    assert storage.setting("a") is None
    assert done == ["undo-2", "undo-1"]  # last change undone first, nothing run "after commit"


def test_nested_transactions_join_and_hooks_run_after_the_outer_commit(storage: Storage) -> None:
    seen: list[str | None] = []
    with storage.tx():
        with storage.tx():
            storage.set_setting("k", "v")
            storage.after_commit(lambda: seen.append(storage.setting("k")))
        assert seen == []  # the inner block's end is not a commit
    assert seen == ["v"]
    outside: list[int] = []
    storage.after_commit(lambda: outside.append(1))  # outside a transaction: at once
    storage.on_rollback(lambda: outside.append(2))  # outside a transaction: never
    assert outside == [1]


def test_an_inner_failure_rolls_back_the_outer_transaction(storage: Storage) -> None:
    with pytest.raises(ValueError), storage.tx():
        storage.set_setting("outer", "1")
        with storage.tx():
            storage.set_setting("inner", "1")
            raise ValueError
    assert storage.setting("outer") is None and storage.setting("inner") is None


def test_committed_state_survives_reopening(opener: Callable[[], Storage]) -> None:
    first = opener()
    first.set_setting("signing_key", "seed")
    first.put_application("acct", app("1", "kept", "2026-01-01T00:00:00.000Z"))
    first.put_call("c1", "acct", "leg-1", True, json.dumps({"id": "c1", "connection_id": "1"}))
    seq = first.add_outbox(outbox_row(1))
    first.close()
    second = opener()
    assert second.setting("signing_key") == "seed"
    assert second.get_application("1", "acct") is not None
    assert second.live_calls() == [json.dumps({"id": "c1", "connection_id": "1"})]
    assert [r["seq"] for r in second.pending_outbox()] == [seq]


# ---- settings and applications -------------------------------------------------------------
def test_settings_are_set_and_overwritten(storage: Storage) -> None:
    assert storage.setting("x") is None
    storage.set_setting("x", "1")
    storage.set_setting("x", "2")
    assert storage.setting("x") == "2"


def test_applications_are_seen_only_by_their_account_and_not_once_deleted(storage: Storage) -> None:
    a = app("100", "alpha", "2026-01-01T00:00:01.000Z")
    storage.put_application("acct-1", a)
    assert storage.get_application("100") == a
    assert storage.get_application("100", "acct-1") == a
    assert storage.get_application("100", "acct-2") is None
    assert storage.application_account("100") == "acct-1"
    storage.put_application("acct-1", {**a, "application_name": "renamed"})
    assert storage.get_application("100", "acct-1")["application_name"] == "renamed"  # type: ignore[index]
    storage.put_application("acct-1", a, deleted=True)
    assert storage.get_application("100", "acct-1") is None
    assert storage.application_account("100") is None
    assert storage.get_application("100", include_deleted=True) == a
    assert storage.last_created_at() == "2026-01-01T00:00:01.000Z"


def test_list_applications_filters_sorts_and_pages(storage: Storage) -> None:
    assert storage.last_created_at() is None
    names = ["Bravo", "alpha", "Charlie", "alphabet", "delta"]
    for i, name in enumerate(names):
        storage.put_application(
            "acct",
            app(str(10 + i), name, f"2026-01-01T00:00:0{i}.000Z", active=i % 2 == 0, vp="vp-1" if i < 2 else None),
        )
    storage.put_application("other", app("99", "alpha-other", "2026-01-01T00:00:09.000Z"))
    storage.put_application("acct", app("98", "alpha-gone", "2026-01-01T00:00:08.000Z"), deleted=True)

    def ids(**kw: Any) -> tuple[list[str], int]:
        args: dict[str, Any] = {
            "name_contains": None,
            "voice_profile_ids": [],
            "order_by": "created_at",
            "descending": False,
            "limit": 10,
            "offset": 0,
            **kw,
        }
        rows, total = storage.list_applications("acct", **args)
        return [r["id"] for r in rows], total

    assert ids() == (["10", "11", "12", "13", "14"], 5)
    assert ids(descending=True, limit=2) == (["14", "13"], 5)
    assert ids(descending=True, limit=2, offset=4) == (["10"], 5)
    assert ids(name_contains="ALPHA") == (["11", "13"], 2)  # case-insensitive, other accounts and deleted left out
    assert ids(voice_profile_ids=["vp-1"]) == (["10", "11"], 2)
    assert ids(order_by="connection_name") == (["10", "12", "11", "13", "14"], 5)  # byte order: capitals first
    assert ids(order_by="active", descending=True) == (["14", "12", "10", "13", "11"], 5)  # ties by id
    assert ids(offset=10) == ([], 5)


# ---- calls -----------------------------------------------------------------------------
def test_calls_are_stored_and_live_ones_listed(storage: Storage) -> None:
    live = json.dumps({"id": "c1", "connection_id": "1", "direction": "incoming", "state": "parked"})
    storage.put_call("c1", "acct", "leg-1", True, live)
    storage.put_call("c2", "acct", "leg-2", True, json.dumps({"id": "c2"}))
    assert storage.get_call("c1") == live
    assert storage.get_call("nope") is None
    ended = json.dumps({"id": "c2", "state": "hangup"})
    storage.put_call("c2", "acct", "leg-2", False, ended)
    assert storage.live_calls() == [live]
    assert storage.get_call("c2") == ended


# ---- idempotency -------------------------------------------------------------------------
def test_a_command_id_is_remembered_with_its_result_until_pruned(storage: Storage) -> None:
    assert storage.seen_command("acct:c1", "cmd-1", 60) is False
    storage.remember_command("acct:c1", "cmd-1")
    storage.remember_command("acct:dial", "cmd-2", "call-42")
    assert storage.seen_command("acct:c1", "cmd-1", 3600) is None  # seen, no result stored
    assert storage.seen_command("acct:dial", "cmd-2", 3600) == "call-42"
    assert storage.seen_command("acct:c2", "cmd-1", 3600) is False  # scopes are apart
    assert storage.seen_command("acct:c1", "cmd-1", -1) is False  # outside the window
    storage.prune_commands(3600)
    assert storage.seen_command("acct:dial", "cmd-2", 3600) == "call-42"  # still within the window
    storage.prune_commands(-1)
    assert storage.seen_command("acct:dial", "cmd-2", 3600) is False


# ---- recordings ----------------------------------------------------------------------------
def test_recordings_are_stored(storage: Storage) -> None:
    assert storage.get_recording("r1") is None
    storage.put_recording("r1", "acct", "leg-1", "mp3", 2.5)
    storage.put_recording("r1", "acct", "leg-1", "wav", 3.0)
    rec = storage.get_recording("r1")
    assert rec is not None
    assert (rec["account"], rec["leg_id"], rec["format"], rec["duration"]) == ("acct", "leg-1", "wav", 3.0)


# ---- the outbox ----------------------------------------------------------------------------
def test_outbox_rows_keep_creation_order_and_delivery_results(storage: Storage) -> None:
    seqs = [storage.add_outbox(outbox_row(n, key)) for n, key in [(1, "a"), (2, "b"), (3, "a"), (4, "a")]]
    assert seqs == sorted(seqs) and len(set(seqs)) == 4
    assert [r["event_id"] for r in storage.pending_outbox()] == ["ev-a-1", "ev-b-2", "ev-a-3", "ev-a-4"]
    first = storage.pending_outbox()[0]
    assert (first["status"], first["attempts"], first["timeout"], first["failover_url"]) == ("pending", 0, 2.0, None)

    tries = [
        ("http://127.0.0.1:9/hook", None, "connection refused", "2026-01-01T00:00:05.000Z"),
        ("http://127.0.0.1:9/failover", 200, None, "2026-01-01T00:00:05.100Z"),
    ]
    storage.record_delivery(seqs[0], 1, tries, "delivered", 12.5, "http://127.0.0.1:9/failover")
    storage.record_delivery(seqs[1], 1, tries[:1], "pending", 99.0, None)
    storage.record_delivery(seqs[1], 2, tries[:1], "failed", 100.0, None)

    assert [r["event_id"] for r in storage.pending_outbox()] == ["ev-a-3", "ev-a-4"]
    leg = storage.outbox_for_key("a")
    assert [(r["seq"], r["status"], r["attempts"]) for r in leg] == [
        (seqs[0], "delivered", 1),
        (seqs[2], "pending", 0),
        (seqs[3], "pending", 0),
    ]
    assert leg[0]["delivered_to"] == "http://127.0.0.1:9/failover" and leg[0]["next_attempt_at"] == 12.5
    history = storage.deliveries_for([seqs[0], seqs[1], seqs[2]])
    assert [(d["attempt"], d["url"], d["status_code"], d["error"]) for d in history[seqs[0]]] == [
        (1, "http://127.0.0.1:9/hook", None, "connection refused"),
        (1, "http://127.0.0.1:9/failover", 200, None),
    ]
    assert [d["attempt"] for d in history[seqs[1]]] == [1, 2]
    assert history[seqs[2]] == []
    assert storage.deliveries_for([]) == {}


def test_outbox_recent_is_the_latest_rows_oldest_first_by_status(storage: Storage) -> None:
    seqs = [storage.add_outbox(outbox_row(n, "k", "acct-1" if n % 2 else "acct-2")) for n in range(1, 7)]
    storage.record_delivery(seqs[0], 1, [], "delivered", 0.0, "http://127.0.0.1:9/hook")
    assert [r["seq"] for r in storage.outbox_recent(None, 3)] == seqs[3:]
    assert [r["seq"] for r in storage.outbox_recent("pending", 10)] == seqs[1:]
    assert [r["seq"] for r in storage.outbox_recent("delivered", 10)] == seqs[:1]


def test_an_outbox_row_written_in_a_failed_transaction_is_gone(storage: Storage) -> None:
    with pytest.raises(RuntimeError), storage.tx():
        storage.add_outbox(outbox_row(1))
        raise RuntimeError
    assert storage.pending_outbox() == []
    kept = storage.add_outbox(outbox_row(2))
    assert [r["seq"] for r in storage.pending_outbox()] == [kept]


def test_outbox_recent_of_one_account(storage: Storage) -> None:
    seqs = [storage.add_outbox(outbox_row(n, "k", "acct-1" if n % 2 else "acct-2")) for n in range(1, 7)]
    storage.record_delivery(seqs[0], 1, [], "delivered", 0.0, "http://127.0.0.1:9/hook")
    assert [r["seq"] for r in storage.outbox_recent(None, 10, "acct-2")] == seqs[1::2]
    assert [r["seq"] for r in storage.outbox_recent("pending", 1, "acct-1")] == [seqs[4]]
    assert [r["seq"] for r in storage.outbox_recent("delivered", 10, "acct-2")] == []


def test_a_statement_refused_at_the_commit_rolls_the_whole_transaction_back(storage: Storage) -> None:
    """PostgreSQL sends a transaction's writes without waiting for each (pipeline mode), so a write
    may be refused only when the transaction commits: it is rolled back then, hooks as for any other
    failure (SQLite refuses it at once: the same outcome)."""
    storage.add_outbox(outbox_row(1))
    undone: list[str] = []
    committed: list[str] = []
    with pytest.raises((sqlite3.IntegrityError, psycopg.errors.UniqueViolation)), storage.tx():
        storage.on_rollback(lambda: undone.append("undo"))
        storage.after_commit(lambda: committed.append("hook"))
        storage.put_call("c1", "acct", "leg-1", True, json.dumps({"id": "c1"}))
        storage.queue_outbox(outbox_row(1))  # the same event id again
        storage.notify("outbox", "leg-a")
    assert (undone, committed) == (["undo"], [])
    assert storage.get_call("c1") is None
    assert len(storage.outbox_for_key("leg-a")) == 1
    with storage.tx():  # the store goes on
        storage.put_call("c2", "acct", "leg-2", True, json.dumps({"id": "c2"}))
    assert storage.get_call("c2") is not None


def test_add_setting_keeps_the_first_value(opener: Callable[[], Storage]) -> None:
    first, second = opener(), opener()  # two processes starting together: one signing key for both
    assert first.add_setting("webhook-key", "key-1") == "key-1"
    assert second.add_setting("webhook-key", "key-2") == "key-1"
    assert second.setting("webhook-key") == "key-1"
