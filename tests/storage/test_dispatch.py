"""Delivery and timers run from the database (refserver/storage/dispatch.py), on both
backends: each webhook posted once per attempt, a leg's in order, retries holding the leg
back, a dead process's lease taken over; timers fired once, by whoever claims them.

`attempt` here stands for the HTTP post (the server's is tested with a real receiver in
tests/server): it records what it is handed and answers what the scenario needs."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from refserver.storage import SharedStorage, is_postgres
from refserver.storage.dispatch import OUTBOX_CHANNEL, TIMERS_CHANNEL, Attempt, Deliveries, TimerLoop
from tests.storage.test_storage import outbox_row


def delivered(row: dict[str, Any]) -> Attempt:
    return Attempt(row["attempts"] + 1, [(row["url"], 200, None, "t")], "delivered", 0.0, row["url"])


async def until(predicate: Callable[[], bool], what: str) -> None:
    for _ in range(3000):
        if predicate():
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"not reached: {what}")


def add(store: SharedStorage, rows: list[dict[str, Any]]) -> None:
    with store.tx():
        for row in rows:
            store.add_outbox(row)
        store.notify(OUTBOX_CHANNEL)


def test_every_webhook_is_posted_once_in_leg_order_by_any_process(
    state_db: str, opener: Callable[[], SharedStorage]
) -> None:
    stores = [opener() for _ in range(3 if is_postgres(state_db) else 1)]  # SQLite: one process
    posted: list[tuple[str, str, int]] = []

    def poster(n: int) -> Callable[[dict[str, Any]], Any]:
        async def attempt(row: dict[str, Any]) -> Attempt:
            posted.append((row["order_key"], row["event_id"], n))
            await asyncio.sleep(0.001 * (row["seq"] % 3))  # legs overtake each other
            return delivered(row)

        return attempt

    async def scenario() -> None:
        workers = [Deliveries(s, poster(n), owner=f"p{n}") for n, s in enumerate(stores)]
        for w in workers:
            await w.start()
        await asyncio.sleep(0.2)  # listening
        add(stores[0], [outbox_row(n, f"leg-{n % 4}") for n in range(24)])
        await until(lambda: len(stores[0].pending_outbox()) == 0, "everything delivered")
        for w in workers:
            await w.stop()

    asyncio.run(scenario())
    ids = [e for _, e, _ in posted]
    assert sorted(ids) == sorted(f"ev-leg-{n % 4}-{n}" for n in range(24)) and len(set(ids)) == 24
    for leg in range(4):
        assert [e for k, e, _ in posted if k == f"leg-{leg}"] == [f"ev-leg-{leg}-{n}" for n in range(leg, 24, 4)]
    assert len(stores[0].outbox_recent("delivered", 100)) == 24


def test_a_retry_holds_back_its_leg_and_other_legs_go_on(storage: SharedStorage) -> None:
    posted: list[tuple[str, int]] = []

    async def attempt(row: dict[str, Any]) -> Attempt:
        n = row["attempts"] + 1
        posted.append((row["event_id"], n))
        if row["event_id"] == "ev-slow-0" and n == 1:
            return Attempt(n, [(row["url"], 500, None, "t")], "pending", storage.now() + 0.3, None)
        return delivered(row)

    async def scenario() -> None:
        w = Deliveries(storage, attempt, owner="p")
        await w.start()
        add(storage, [outbox_row(0, "slow"), outbox_row(1, "slow"), outbox_row(2, "fast")])
        await until(lambda: ("ev-fast-2", 1) in posted, "the other leg delivered")
        assert ("ev-slow-1", 1) not in posted  # held behind the retry
        await until(lambda: len(storage.pending_outbox()) == 0, "everything delivered")
        await w.stop()

    asyncio.run(scenario())
    slow = [p for p in posted if p[0].startswith("ev-slow")]
    assert slow == [("ev-slow-0", 1), ("ev-slow-0", 2), ("ev-slow-1", 1)]
    seq = storage.outbox_for_key("slow")[0]["seq"]
    assert [d["status_code"] for d in storage.deliveries_for([seq])[seq]] == [500, 200]


def test_a_process_that_stops_mid_delivery_loses_the_row_to_another(
    state_db: str, opener: Callable[[], SharedStorage]
) -> None:
    dead_store, live_store = opener(), opener()
    hung = asyncio.Event
    posted: list[tuple[str, str]] = []

    async def scenario() -> None:
        stuck = hung()

        async def hangs(row: dict[str, Any]) -> Attempt:
            posted.append(("dead", row["event_id"]))
            await stuck.wait()  # never answers: as good as killed while posting
            return delivered(row)

        async def answers(row: dict[str, Any]) -> Attempt:
            posted.append(("live", row["event_id"]))
            return delivered(row)

        dead = Deliveries(dead_store, hangs, owner="dead", margin=0.0)
        add(dead_store, [{**outbox_row(n, "leg"), "timeout": 0.2} for n in range(3)])
        await dead.start()
        await until(lambda: posted == [("dead", "ev-leg-0")], "the first process posting")
        live = Deliveries(live_store, answers, owner="live", margin=0.0)
        await live.start()
        if not is_postgres(state_db):  # no notifications across SQLite stores: wake it as the lease ends
            await asyncio.sleep(0.3)
            with live_store.tx():
                live_store.notify(OUTBOX_CHANNEL)
        await until(lambda: len(live_store.pending_outbox()) == 0, "the other process delivering")
        stuck.set()  # the first one's late answer is not recorded: its lease is gone
        await asyncio.sleep(0.05)
        await dead.stop()
        await live.stop()

    asyncio.run(scenario())
    assert posted[:1] == [("dead", "ev-leg-0")]
    assert [e for who, e in posted if who == "live"] == ["ev-leg-0", "ev-leg-1", "ev-leg-2"]  # at least once
    rows = live_store.outbox_for_key("leg")
    assert [(r["status"], r["attempts"]) for r in rows] == [("delivered", 1)] * 3
    assert len(live_store.deliveries_for([rows[0]["seq"]])[rows[0]["seq"]]) == 1


def test_timers_fire_once_in_due_order_and_a_dead_claimers_timer_still_fires(
    state_db: str, opener: Callable[[], SharedStorage]
) -> None:
    a, b = opener(), opener()
    fired: list[tuple[str, str, str, dict[str, Any]]] = []

    def handler(who: str) -> Callable[[str, dict[str, Any]], None]:
        return lambda call_id, args: fired.append((who, call_id, args["what"], args))

    async def scenario() -> None:
        with a.tx():
            a.put_timer("c1", "ring", 0.1, "answer", {"what": "second"})
            a.put_timer("c2", "media", 0.0, "answer", {"what": "first"})
            a.put_timer("c3", "later", 3600, "answer", {"what": "never"})
            a.notify(TIMERS_CHANNEL)
        assert len(a.claim_timers("dead", 0.0)) == 1  # claimed by a process that dies at once
        loops = [TimerLoop(s, {"answer": handler(n)}, owner=n) for n, s in (("a", a), ("b", b))]
        for loop in loops:
            await loop.start()
        await until(lambda: len(fired) == 2, "both due timers fired")
        await asyncio.sleep(0.1)
        for loop in loops:
            await loop.stop()

    asyncio.run(scenario())
    assert sorted(what for _, _, what, _ in fired) == ["first", "second"]
    assert [t["name"] for t in a.timers_of("c1") + a.timers_of("c2") + a.timers_of("c3")] == ["later"]


def test_a_timer_whose_handler_fails_is_left_for_another_try(storage: SharedStorage) -> None:
    calls: list[str] = []

    def flaky(call_id: str, args: dict[str, Any]) -> None:
        calls.append(call_id)
        storage.set_setting("side-effect", "1")
        if len(calls) == 1:
            raise RuntimeError("the handler failed")

    storage.put_timer("c1", "ring", 0, "answer", {})
    loop = TimerLoop(storage, {"answer": flaky}, owner="p", lease=0.0)
    assert loop.fire_due() == 0  # failed: rolled back with its side effect
    assert storage.setting("side-effect") is None
    assert [t["name"] for t in storage.timers_of("c1")] == ["ring"]
    assert loop.fire_due() == 1
    assert calls == ["c1", "c1"] and storage.timers_of("c1") == [] and storage.setting("side-effect") == "1"
