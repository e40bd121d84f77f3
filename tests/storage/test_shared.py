"""The primitives for running timers and deliveries from the database (`SharedStorage`), on
both backends: delivery leases on a leg's head, durable timers claimed by any process,
notifications, live calls counted in the database, locks. Each "process" here is a store of
its own (its own connection), as a server process has; notifications cross processes on
PostgreSQL (LISTEN/NOTIFY) and stay within one on SQLite."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from typing import Any

import pytest

from refserver.storage import SharedStorage, open_storage
from refserver.storage.postgres import PostgresStore
from tests.storage.test_storage import outbox_row


@pytest.fixture
def two(opener: Callable[[], SharedStorage]) -> tuple[SharedStorage, SharedStorage]:
    return opener(), opener()


def heads(rows: list[Any]) -> list[str]:
    return [r["event_id"] for r in rows]


def test_a_legs_head_is_leased_to_one_process_and_the_next_row_waits_for_it(two: tuple[SharedStorage, ...]) -> None:
    a, b = two
    for n, key in [(1, "x"), (2, "x"), (3, "y")]:
        a.add_outbox(outbox_row(n, key))
    got_a = a.claim_heads("proc-a", 60)
    assert heads(got_a) == ["ev-x-1", "ev-y-3"]  # one head per leg, oldest first
    assert b.claim_heads("proc-b", 60) == []  # leased: not the head's successor either
    wait = b.next_outbox_due()  # the lease: the row's 2 s timeout plus the 60 s asked for
    assert wait is not None and 61 < wait <= 62
    assert b.record_delivery(got_a[0]["seq"], 1, [], "delivered", 0.0, "u", owner="proc-b") is False
    assert a.record_delivery(got_a[0]["seq"], 1, [], "delivered", 0.0, "u", owner="proc-a") is True
    assert heads(b.claim_heads("proc-b", 60)) == ["ev-x-2"]  # the next in order, to whoever asks
    assert b.claim_heads("proc-b", 60) == []


def test_a_row_waiting_for_its_retry_holds_back_its_leg(two: tuple[SharedStorage, ...]) -> None:
    a, _ = two
    first = a.add_outbox(outbox_row(1, "x"))
    a.add_outbox(outbox_row(2, "x"))
    assert heads(a.claim_heads("p", 60)) == ["ev-x-1"]
    assert a.record_delivery(first, 1, [], "pending", a.now() + 3600, None, owner="p")
    assert a.claim_heads("p", 60) == []  # the head is not due: nothing behind it goes either
    assert a.next_outbox_due() is not None and a.next_outbox_due() > 3000  # type: ignore[operator]


def test_a_lease_past_its_time_is_taken_over_and_the_old_owner_can_no_longer_record(
    two: tuple[SharedStorage, ...],
) -> None:
    a, b = two
    seq = a.add_outbox({**outbox_row(1, "x"), "timeout": 0.0})
    assert heads(a.claim_heads("dead", 0)) == ["ev-x-1"]  # no timeout, no margin: over as soon as it is taken
    taken = b.claim_heads("alive", 60)
    assert heads(taken) == ["ev-x-1"] and taken[0]["attempts"] == 0
    assert a.record_delivery(seq, 1, [], "delivered", 0.0, "u", owner="dead") is False
    assert b.record_delivery(seq, 1, [], "delivered", 0.0, "u", owner="alive") is True
    assert [r["status"] for r in a.outbox_for_key("x")] == ["delivered"]
    assert [d["attempt"] for d in a.deliveries_for([seq])[seq]] == []  # the stale result left no trace


def test_concurrent_claimers_never_get_the_same_row(state_db: str) -> None:
    setup = open_storage(state_db)
    for n in range(40):
        setup.add_outbox(outbox_row(n, f"leg-{n % 20}"))
    claimed: dict[str, list[str]] = {}

    def worker(name: str) -> None:
        store = open_storage(state_db)
        mine = claimed.setdefault(name, [])
        while True:
            rows = store.claim_heads(name, 60, limit=3)
            if not rows:
                break
            for r in rows:
                mine.append(r["event_id"])
                store.record_delivery(r["seq"], 1, [], "delivered", 0.0, "u", owner=name)
        store.close()

    threads = [threading.Thread(target=worker, args=(f"w{i}",)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    every = [e for rows in claimed.values() for e in rows]
    assert sorted(every) == sorted(f"ev-leg-{n % 20}-{n}" for n in range(40))  # each exactly once
    for key in range(20):  # within a leg, claimed in creation order
        leg = [r["event_id"] for r in setup.outbox_for_key(f"leg-{key}")]
        assert [r["status"] for r in setup.outbox_for_key(f"leg-{key}")] == ["delivered", "delivered"]
        assert leg == [f"ev-leg-{key}-{key}", f"ev-leg-{key}-{key + 20}"]
    setup.close()


def test_timers_are_rows_claimed_once_when_due_and_resumed_by_another_process(two: tuple[SharedStorage, ...]) -> None:
    a, b = two
    a.put_timer("c1", "ring", 0, "far_end.answer", {"leg": 1})
    a.put_timer("c1", "first_command", 3600, "first_command_timeout", {})
    a.put_timer("c2", "media", 0, "player.end", {"n": 2})
    a.put_timer("c2", "media", 0, "player.end", {"n": 3})  # same name: replaced
    assert [t["name"] for t in a.timers_of("c1")] == ["ring", "first_command"]
    got = a.claim_timers("proc-a", 0)  # proc-a claims, then dies before finishing (a 0 s lease)
    assert sorted((t["call_id"], t["kind"], json.dumps(t["args"])) for t in got) == [
        ("c1", "far_end.answer", '{"leg": 1}'),
        ("c2", "player.end", '{"n": 3}'),
    ]
    again = b.claim_timers("proc-b", 60)
    assert sorted(t["call_id"] for t in again) == ["c1", "c2"]
    assert a.claim_timers("proc-a", 60) == []  # leased to proc-b now
    assert a.finish_timer(again[0]["id"], "proc-a") is False
    assert all(b.finish_timer(t["id"], "proc-b") for t in again)
    assert [t["name"] for t in a.timers_of("c1")] == ["first_command"]
    assert a.claim_timers("proc-a", 60) == []  # not due for an hour
    wait = a.next_timer_due()
    assert wait is not None and 3500 < wait <= 3600
    a.cancel_timers("c1")
    assert a.timers_of("c1") == [] and a.next_timer_due() is None


def test_a_timer_cancelled_in_a_rolled_back_transaction_is_still_there(two: tuple[SharedStorage, ...]) -> None:
    a, b = two
    a.put_timer("c1", "ring", 10, "far_end.answer", {})
    with pytest.raises(RuntimeError), a.tx():
        a.cancel_timers("c1", "ring")
        raise RuntimeError
    assert [t["name"] for t in b.timers_of("c1")] == ["ring"]


def test_notify_wakes_a_listener_of_another_process_only_when_the_transaction_commits(pg_url: str) -> None:
    a, b = PostgresStore(pg_url), PostgresStore(pg_url)

    async def scenario() -> tuple[list[Any], list[Any]]:
        async with b.listen("outbox") as listener:
            with pytest.raises(RuntimeError), a.tx():
                a.notify("outbox", "rolled-back")
                raise RuntimeError
            none = await listener.wait(0.3)
            with a.tx():
                a.notify("outbox", "leg-x")
            some = await listener.wait(30)
            return none, some

    none, some = asyncio.run(scenario())
    a.close()
    b.close()
    assert none == []
    assert some == [("outbox", "leg-x")]


def test_notify_wakes_a_listener_of_the_same_store_after_the_commit(storage: SharedStorage) -> None:
    async def scenario() -> tuple[list[Any], list[Any], list[Any]]:
        async with storage.listen("timers") as listener:
            with pytest.raises(RuntimeError), storage.tx():
                storage.notify("timers", "rolled-back")
                raise RuntimeError
            none = await listener.wait(0.2)
            with storage.tx():
                storage.notify("timers", "c1")
                storage.notify("other-channel", "x")
            some = await listener.wait(30)
        async with storage.listen("timers") as listener:  # notified before listening: not seen
            late = await listener.wait(0.1)
        return none, some, late

    none, some, late = asyncio.run(scenario())
    assert (none, some, late) == ([], [("timers", "c1")], [])


def test_live_calls_are_counted_in_the_database_under_an_advisory_lock(two: tuple[SharedStorage, ...]) -> None:
    a, b = two
    for n, (direction, alive) in enumerate(
        [("incoming", True), ("incoming", True), ("outgoing", True), ("incoming", False)]
    ):
        a.put_call(f"c{n}", "acct", f"leg{n}", alive, json.dumps({"connection_id": "app-1", "direction": direction}))
    assert b.count_live_calls("app-1", "incoming") == 2
    assert b.count_live_calls("app-1", "outgoing") == 1
    assert b.count_live_calls("app-2", "incoming") == 0

    # a dial's check in two processes at once: lock, count, add a call; the second counts the first's call
    order: list[tuple[str, int]] = []
    live = json.dumps({"connection_id": "app-1", "direction": "incoming"})

    def other_process() -> None:
        with b.tx():
            b.lock("channel:app-1:incoming")
            order.append(("b", b.count_live_calls("app-1", "incoming")))

    with a.tx():
        a.lock("channel:app-1:incoming")
        order.append(("a", a.count_live_calls("app-1", "incoming")))
        t = threading.Thread(target=other_process)
        t.start()
        t.join(0.5)  # b is blocked on the lock meanwhile (were it not, it would count first, 2)
        a.put_call("c9", "acct", "leg9", True, live)
    t.join(30)
    assert order == [("a", 2), ("b", 3)]  # b held until a's transaction ended, then saw its call
    with pytest.raises(RuntimeError):
        a.lock("outside a transaction")


def test_a_command_id_checked_in_two_processes_at_once_is_taken_by_one(pg_url: str) -> None:
    a, b = PostgresStore(pg_url), PostgresStore(pg_url)
    seen_by_b: list[Any] = []

    def other_process() -> None:
        with b.tx():
            seen = b.seen_command("call-1", "cmd-1", 60)
            seen_by_b.append(seen)
            if seen is False:
                b.remember_command("call-1", "cmd-1")

    with a.tx():
        assert a.seen_command("call-1", "cmd-1", 60) is False
        t = threading.Thread(target=other_process)
        t.start()
        t.join(0.5)  # b waits for a's transaction (were it not, it would see the id unknown too)
        a.remember_command("call-1", "cmd-1", "a-did-it")
    t.join(30)
    assert seen_by_b == ["a-did-it"]
    a.close()
    b.close()


def test_settle_head_records_the_result_and_leases_the_legs_next_row_to_the_same_owner(
    two: tuple[SharedStorage, ...],
) -> None:
    a, b = two
    for n in (1, 2, 3):
        a.add_outbox(outbox_row(n, "x"))
    first = a.claim_heads("proc-a", 60)
    tries = [("http://127.0.0.1:9/hook", None, "refused", "t1"), ("http://127.0.0.1:9/failover", 200, None, "t2")]
    kept, nxt = a.settle_head(first[0], 1, tries, "delivered", 0.0, "failover", owner="proc-a", lease_secs=60)
    assert kept is True
    assert heads(nxt) == ["ev-x-2"]  # leased to proc-a at once: nobody else gets it
    assert b.claim_heads("proc-b", 60) == []
    assert [(d["url"], d["status_code"], d["error"]) for d in b.deliveries_for([first[0]["seq"]])[first[0]["seq"]]] == [
        ("http://127.0.0.1:9/hook", None, "refused"),
        ("http://127.0.0.1:9/failover", 200, None),
    ]
    # another owner settling proc-a's row records nothing; the head stays proc-a's, so it claims nothing either
    kept, nxt = b.settle_head(nxt[0], 1, [], "delivered", 0.0, "u", owner="proc-b", lease_secs=60)
    assert (kept, nxt) == (False, [])
    assert [r["status"] for r in b.outbox_for_key("x")] == ["delivered", "pending", "pending"]


def test_a_deliverer_claims_and_learns_when_to_wake_in_one_call(two: tuple[SharedStorage, ...]) -> None:
    a, b = two
    assert a.claim_heads_and_next_due("p", 60, 8) == ([], None)  # nothing pending: sleep until notified
    a.add_outbox(outbox_row(1, "x"))
    a.add_outbox({**outbox_row(1, "y"), "next_attempt_at": a.now() + 3600})  # a retry an hour away
    rows, wait = a.claim_heads_and_next_due("p", 60, 8)
    assert heads(rows) == ["ev-x-1"]
    assert wait is not None and 50 < wait <= 62  # x's lease ends first (60 s + its 2 s timeout), then the retry
    assert b.claim_heads_and_next_due("q", 60, 0)[0] == []  # no room: nothing claimed


def test_a_timer_loop_claims_and_learns_when_to_wake_in_one_call(two: tuple[SharedStorage, ...]) -> None:
    a, b = two
    assert a.claim_timers_and_next_due("p", 30, 8) == ([], None)
    a.put_timer("c1", "ring", 0, "far_end.answer", {"n": 1})
    a.put_timer("c1", "limit", 3600, "far_end.end", {})
    rows, wait = a.claim_timers_and_next_due("p", 30, 8)
    assert [(r["name"], r["args"]) for r in rows] == [("ring", {"n": 1})]
    assert wait is not None and 20 < wait <= 30  # the claimed timer's lease ends first
    assert b.claim_timers_and_next_due("q", 30, 8)[0] == []


def test_notifications_are_sent_once_per_channel_and_transaction(storage: SharedStorage) -> None:
    async def scenario() -> list[Any]:
        async with storage.listen("timers", "outbox") as listener:
            with storage.tx():
                storage.notify("timers", "c1")
                storage.notify("timers", "c2")
                storage.notify("outbox", "leg")
            got = await listener.wait(30)
            while len(got) < 2:
                more = await listener.wait(1)
                if not more:
                    break
                got += more
            return got

    assert sorted(asyncio.run(scenario())) == [("outbox", "leg"), ("timers", "c1")]


def test_a_calls_timers_are_claimed_one_at_a_time_in_due_order_across_processes(
    two: tuple[SharedStorage, ...],
) -> None:
    a, b = two
    a.put_timer("c1", "key.2", 0, "dtmf.press", {"digit": "2"})
    a.put_timer("c1", "key.3", 0, "dtmf.press", {"digit": "3"})
    a.put_timer("c2", "ring", 0, "far_end.answer", {})
    first = a.claim_timers("proc-a", 30)
    assert [(r["call_id"], r["name"]) for r in first] == [("c1", "key.2"), ("c2", "ring")]
    # key.3 waits while key.2 is held (another process taking it could press it first)
    assert b.claim_timers("proc-b", 30) == []
    assert b.claim_timers_and_next_due("proc-b", 30, 8)[1] is not None
    with a.tx():
        assert a.finish_timer(first[0]["id"], "proc-a")
    assert [(r["call_id"], r["name"]) for r in b.claim_timers("proc-b", 30)] == [("c1", "key.3")]


def test_a_deadlock_between_two_processes_is_a_conflict_the_work_may_be_redone_after(pg_url: str) -> None:
    a, b = PostgresStore(pg_url), PostgresStore(pg_url)
    both_hold_one = threading.Barrier(2, timeout=30)
    raised: list[BaseException] = []

    def take(store: PostgresStore, first: str, second: str) -> None:
        try:
            with store.tx():
                store.lock(first)
                store.count_live_calls("app", "outgoing")  # a read: the lock is taken by now
                both_hold_one.wait()
                store.lock(second)
                store.count_live_calls("app", "outgoing")
        except Exception as exc:  # the one PostgreSQL chose to abort
            raised.append(exc)

    threads = [threading.Thread(target=take, args=args) for args in ((a, "x", "y"), (b, "y", "x"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(raised) == 1, raised  # one of the two went through
    assert a.conflicted(raised[0]) and b.conflicted(raised[0])
    assert not a.conflicted(RuntimeError("a bug")) and not a.conflicted(ValueError())
    with a.tx():  # and the aborted side's work may be done again
        a.lock("x")
        a.lock("y")
        assert a.count_live_calls("app", "outgoing") == 0
    sqlite = open_storage(":memory:")
    assert not sqlite.conflicted(raised[0])  # SQLite's transactions wait; they are never aborted so
    a.close()
    b.close()
