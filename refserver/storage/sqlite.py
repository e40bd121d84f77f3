"""SQLite storage: the embedded default, for one process (`STATE_DB` a path or `:memory:`).

Durable state in one SQLite file: applications, calls, the webhook outbox and its delivery
attempts, idempotency keys, recordings, settings, timer rows, the simulator's scripts. WAL
journal; `synchronous=NORMAL` by default: in WAL mode a committed transaction is in the WAL
file before COMMIT returns, so it survives the process being killed (kill -9); only an OS
crash or power cut may lose the last transactions. STATE_SYNCHRONOUS=FULL fsyncs the WAL on
every commit for those too.

One connection, used only from the event loop's thread: every unit of work (a request, a
timer, a delivery result) is one short transaction, committed before it is answered.

It offers all of `refserver.storage.Storage`, the same as `PostgresStore`: delivery leases
on a leg's head, timer rows with a due time, live calls counted in the database, `lock()`
and `notify()` / `listen()`. SQLite serves one process (one writer: `BEGIN IMMEDIATE`
serializes transactions, so `lock()` needs no more), so notifications are delivered within
the process, after the commit; the clock is the host's.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from . import Row, Tries
from .base import COMMON_SCHEMA, FIRST_OF_CALL, OUTBOX_COLUMNS, SqlStore, shared_schema, typed_schema

SCHEMA = (
    COMMON_SCHEMA
    + typed_schema("INTEGER PRIMARY KEY AUTOINCREMENT", "REAL")
    + """
CREATE TABLE IF NOT EXISTS calls (
    id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    leg_id TEXT NOT NULL,
    alive INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS calls_leg ON calls (leg_id);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (status, order_key, seq);
CREATE INDEX IF NOT EXISTS outbox_key ON outbox (order_key, seq);
CREATE TABLE IF NOT EXISTS deliveries (
    seq INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    url TEXT NOT NULL,
    status_code INTEGER,
    error TEXT,
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_seq ON deliveries (seq);
"""
)

EXTRA_SCHEMA = shared_schema("INTEGER PRIMARY KEY AUTOINCREMENT", "REAL")

OUTBOX_LEASE = {"lease_owner": "TEXT", "lease_until": "REAL"}

# channel names of refserver/storage/dispatch.py (not imported: dispatch imports the storage)
OUTBOX_CHANNEL = "refserver_outbox"


class SqliteStore(SqlStore):
    BEGIN = "BEGIN IMMEDIATE"

    def __init__(self, path: str, synchronous: str = "NORMAL") -> None:
        self.path = path
        if path != ":memory:":
            Path(path).resolve().parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.row_factory = sqlite3.Row
        if path != ":memory:":
            self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(f"PRAGMA synchronous={synchronous}")
        self.db.execute("PRAGMA busy_timeout=5000")
        self.db.executescript(SCHEMA)
        self._init_tx()
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
    def put_call(self, call_id: str, account: str, leg_id: str, alive: bool, data: str) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO calls (id, account, leg_id, alive, data) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET alive = excluded.alive, data = excluded.data",
                (call_id, account, leg_id, 1 if alive else 0, data),
            )

    def count_live_calls(self, connection_id: str, direction: str) -> int:
        row = self.db.execute(
            "SELECT COUNT(*) AS n FROM calls WHERE alive = 1 "
            "AND json_extract(data, '$.connection_id') = ? AND json_extract(data, '$.direction') = ?",
            (connection_id, direction),
        ).fetchone()
        return int(row["n"])

    def queue_members(self, account: str, queue: str) -> list[str]:
        rows = self.db.execute(
            "SELECT data FROM calls WHERE alive = 1 AND account = ? "
            "AND json_extract(data, '$.features.queue.name') = ?",
            (account, queue),
        )
        return [r["data"] for r in rows]

    def lock(self, key: str) -> None:
        """Inside a transaction, nothing to take: SQLite's one writer already excludes the others."""
        if self._depth == 0:
            raise RuntimeError("lock() outside a transaction")

    # ---- idempotency -------------------------------------------------------------
    def seen_command(self, scope: str, command_id: str, window: float) -> str | bool | None:
        """The stored result of a command seen within `window` seconds, else False."""
        row = self.db.execute(
            "SELECT at, result FROM idempotency WHERE scope = ? AND command_id = ?",
            (scope, command_id),
        ).fetchone()
        if row is None or time.time() - row["at"] > window:
            return False
        result: str | None = row["result"]
        return result

    def remember_command(self, scope: str, command_id: str, result: str | None = None) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO idempotency (scope, command_id, at, result) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (scope, command_id) DO UPDATE SET at = excluded.at, "
                "result = excluded.result",
                (scope, command_id, time.time(), result),
            )

    def prune_commands(self, window: float) -> None:
        with self.tx() as db:
            db.execute("DELETE FROM idempotency WHERE at < ?", (time.time() - window,))

    # ---- outbox ------------------------------------------------------------------
    def add_outbox(self, row: dict[str, Any]) -> int:
        with self.tx() as db:
            cur = db.execute(
                "INSERT INTO outbox (event_id, account, call_control_id, order_key, event, "
                "event_type, envelope, url, failover_url, timeout, body, status, attempts, "
                "next_attempt_at, created_at) VALUES (:event_id, :account, :call_control_id, "
                ":order_key, :event, :event_type, :envelope, :url, :failover_url, :timeout, "
                ":body, 'pending', 0, :next_attempt_at, :created_at)",
                row,
            )
            return int(cur.lastrowid or 0)

    def queue_outbox(self, row: dict[str, Any]) -> None:
        with self.tx():
            self.add_outbox(row)
            self.notify(OUTBOX_CHANNEL, row["order_key"])

    def _deliveries_rows(self, seqs: list[int]) -> Any:
        marks = ",".join("?" * len(seqs))
        return self.db.execute(f"SELECT * FROM deliveries WHERE seq IN ({marks}) ORDER BY rowid", seqs)

    # ---- delivery leases ---------------------------------------------------------
    def record_delivery(
        self,
        seq: int,
        attempt: int,
        tries: Tries,
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
            db.executemany(
                "INSERT INTO deliveries (seq, attempt, url, status_code, error, at) VALUES (?, ?, ?, ?, ?, ?)",
                [(seq, attempt, url, code, err, at) for url, code, err, at in tries],
            )
            db.execute(
                "UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, delivered_to = ?, "
                "lease_owner = NULL, lease_until = NULL WHERE seq = ?",
                (status, attempt, next_attempt_at, delivered_to, seq),
            )
            return True

    def settle_head(
        self,
        row: Row,
        attempt: int,
        tries: Tries,
        status: str,
        next_attempt_at: float,
        delivered_to: str | None,
        *,
        owner: str,
        lease_secs: float,
    ) -> tuple[bool, list[Row]]:
        kept = self.record_delivery(row["seq"], attempt, tries, status, next_attempt_at, delivered_to, owner=owner)
        return kept, self.claim_heads(owner, lease_secs, limit=1, order_key=row["order_key"])

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

    def claim_heads_and_next_due(self, owner: str, lease_secs: float, limit: int) -> tuple[list[Row], float | None]:
        rows = self.claim_heads(owner, lease_secs, limit) if limit > 0 else []
        return rows, self.next_outbox_due()

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
                "SELECT id, call_id, name, due_at, kind, args FROM timers t "
                f"WHERE due_at <= :now AND (lease_until IS NULL OR lease_until < :now) AND {FIRST_OF_CALL} "
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

    def claim_timers_and_next_due(self, owner: str, lease_secs: float, limit: int) -> tuple[list[Row], float | None]:
        return self.claim_timers(owner, lease_secs, limit), self.next_timer_due()

    def next_timer_due(self) -> float | None:
        row = self.db.execute(
            f"SELECT MIN(MAX(due_at, COALESCE(lease_until, 0))) AS at FROM timers t WHERE {FIRST_OF_CALL}"
        ).fetchone()
        return None if row["at"] is None else max(float(row["at"]) - time.time(), 0.0)

    # ---- notifications (within this process) -------------------------------------
    def _commit(self) -> None:
        super()._commit()
        if self._notes:
            self._publish(self._notes)

    def _publish(self, notes: dict[str, str]) -> None:
        for channel, payload in notes.items():
            for queue in list(self._listeners.get(channel, ())):
                queue.put_nowait((channel, payload))

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
