"""SQLite storage with the primitives shared state needs, the same as PostgreSQL's.

`SqliteStore` is the SQLite store (refserver/store.py) plus what `PostgresStore` offers for
running timers and deliveries from the database rather than from one process's memory:
delivery leases on a leg's head, timer rows with a due time, live calls counted in the
database, `lock()` and `notify()` / `listen()`. SQLite serves one process (one writer:
`BEGIN IMMEDIATE` serializes transactions, so `lock()` needs no more), so notifications
are delivered within the process, after the commit; the clock is the host's.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from ..store import Store
from . import Row
from .base import OUTBOX_COLUMNS, shared_schema

EXTRA_SCHEMA = shared_schema("INTEGER PRIMARY KEY AUTOINCREMENT", "REAL")

OUTBOX_LEASE = {"lease_owner": "TEXT", "lease_until": "REAL"}


class SqliteStore(Store):
    def __init__(self, path: str, synchronous: str = "NORMAL") -> None:
        super().__init__(path, synchronous)
        with self.tx() as db:
            for statement in EXTRA_SCHEMA.split(";"):  # executescript() would commit mid-transaction
                if statement.strip():
                    db.execute(statement)
            have = {r["name"] for r in db.execute("PRAGMA table_info(outbox)")}
            for column, kind in OUTBOX_LEASE.items():
                if column not in have:
                    db.execute(f"ALTER TABLE outbox ADD COLUMN {column} {kind}")
        self._listeners: dict[str, set[asyncio.Queue[tuple[str, str]]]] = {}

    def now(self) -> float:
        return time.time()

    # ---- calls -------------------------------------------------------------------
    def count_live_calls(self, connection_id: str, direction: str) -> int:
        row = self.db.execute(
            "SELECT COUNT(*) AS n FROM calls WHERE alive = 1 "
            "AND json_extract(data, '$.connection_id') = ? AND json_extract(data, '$.direction') = ?",
            (connection_id, direction),
        ).fetchone()
        return int(row["n"])

    def lock(self, key: str) -> None:
        """Inside a transaction, nothing to take: SQLite's one writer already excludes the others."""
        if self._depth == 0:
            raise RuntimeError("lock() outside a transaction")

    # ---- delivery leases ---------------------------------------------------------
    def record_delivery(  # type: ignore[override]
        self,
        seq: int,
        attempt: int,
        tries: list[tuple[str, int | None, str | None, str]],
        status: str,
        next_attempt_at: float,
        delivered_to: str | None,
        owner: str | None = None,
    ) -> bool:
        with self.tx() as db:
            if owner is not None:
                row = db.execute("SELECT lease_owner FROM outbox WHERE seq = ?", (seq,)).fetchone()
                if row is None or row["lease_owner"] != owner:
                    return False
            super().record_delivery(seq, attempt, tries, status, next_attempt_at, delivered_to)
            db.execute("UPDATE outbox SET lease_owner = NULL, lease_until = NULL WHERE seq = ?", (seq,))
            return True

    def claim_heads(self, owner: str, lease_secs: float, limit: int = 64, order_key: str | None = None) -> list[Row]:
        now = time.time()
        only = "AND o.order_key = :key" if order_key is not None else ""
        with self.tx() as db:
            rows = db.execute(
                f"SELECT {', '.join('o.' + c.strip() for c in OUTBOX_COLUMNS.split(','))} FROM outbox o "
                f"WHERE o.status = 'pending' {only} AND o.seq = (SELECT MIN(seq) FROM outbox "
                "WHERE order_key = o.order_key AND status = 'pending') "
                "AND o.next_attempt_at <= :now AND (o.lease_until IS NULL OR o.lease_until < :now) "
                "ORDER BY o.seq LIMIT :limit",
                {"now": now, "limit": limit, "key": order_key},
            ).fetchall()
            db.executemany(
                "UPDATE outbox SET lease_owner = ?, lease_until = ? WHERE seq = ?",
                [(owner, now + lease_secs + r["timeout"] * (2 if r["failover_url"] else 1), r["seq"]) for r in rows],
            )
        return list(rows)

    def next_outbox_due(self) -> float | None:
        row = self.db.execute(
            "SELECT MIN(MAX(o.next_attempt_at, COALESCE(o.lease_until, 0))) AS at FROM outbox o "
            "WHERE o.status = 'pending' AND o.seq = (SELECT MIN(seq) FROM outbox "
            "WHERE order_key = o.order_key AND status = 'pending')"
        ).fetchone()
        return None if row["at"] is None else max(float(row["at"]) - time.time(), 0.0)

    # ---- durable timers ----------------------------------------------------------
    def put_timer(self, call_id: str, name: str, delay: float, kind: str, args: dict[str, Any]) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO timers (call_id, name, due_at, kind, args) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (call_id, name) DO UPDATE SET due_at = excluded.due_at, kind = excluded.kind, "
                "args = excluded.args, lease_owner = NULL, lease_until = NULL",
                (call_id, name, time.time() + delay, kind, json.dumps(args)),
            )

    def cancel_timers(self, call_id: str, *names: str) -> None:
        with self.tx() as db:
            if names:
                marks = ",".join("?" * len(names))
                db.execute(f"DELETE FROM timers WHERE call_id = ? AND name IN ({marks})", (call_id, *names))
            else:
                db.execute("DELETE FROM timers WHERE call_id = ?", (call_id,))

    def timers_of(self, call_id: str) -> list[Row]:
        return self.db.execute(
            "SELECT id, call_id, name, due_at - ? AS due_in, kind, args FROM timers WHERE call_id = ? ORDER BY id",
            (time.time(), call_id),
        ).fetchall()

    def claim_timers(self, owner: str, lease_secs: float, limit: int = 64) -> list[Row]:
        now = time.time()
        with self.tx() as db:
            rows = db.execute(
                "SELECT id, call_id, name, due_at, kind, args FROM timers "
                "WHERE due_at <= :now AND (lease_until IS NULL OR lease_until < :now) "
                "ORDER BY due_at, id LIMIT :limit",
                {"now": now, "limit": limit},
            ).fetchall()
            db.executemany(
                "UPDATE timers SET lease_owner = ?, lease_until = ? WHERE id = ?",
                [(owner, now + lease_secs, r["id"]) for r in rows],
            )
        return [{**dict(r), "args": json.loads(r["args"])} for r in rows]

    def finish_timer(self, timer_id: int, owner: str) -> bool:
        with self.tx() as db:
            return db.execute("DELETE FROM timers WHERE id = ? AND lease_owner = ?", (timer_id, owner)).rowcount > 0

    def next_timer_due(self) -> float | None:
        row = self.db.execute("SELECT MIN(MAX(due_at, COALESCE(lease_until, 0))) AS at FROM timers").fetchone()
        return None if row["at"] is None else max(float(row["at"]) - time.time(), 0.0)

    # ---- notifications (within this process) -------------------------------------
    def notify(self, channel: str, payload: str = "") -> None:
        def deliver() -> None:
            for queue in list(self._listeners.get(channel, ())):
                queue.put_nowait((channel, payload))

        self.after_commit(deliver)

    @asynccontextmanager
    async def listen(self, *channels: str) -> AsyncIterator[QueueListener]:
        queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()
        for channel in channels:
            self._listeners.setdefault(channel, set()).add(queue)
        try:
            yield QueueListener(queue)
        finally:
            for channel in channels:
                self._listeners.get(channel, set()).discard(queue)


class QueueListener:
    def __init__(self, queue: asyncio.Queue[tuple[str, str]]) -> None:
        self.queue = queue

    async def wait(self, timeout: float | None) -> list[tuple[str, str]]:
        try:
            first = await asyncio.wait_for(self.queue.get(), timeout)
        except TimeoutError:
            return []
        out = [first]
        while not self.queue.empty():
            out.append(self.queue.get_nowait())
        return out
