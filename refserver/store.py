"""Durable state in SQLite: applications, calls, the webhook outbox, recordings.

WAL journal. `synchronous=NORMAL` by default: in WAL mode a committed transaction is in
the WAL file before COMMIT returns, so it survives the process being killed (kill -9);
only an OS crash or power cut may lose the last transactions. STATE_SYNCHRONOUS=FULL
fsyncs the WAL on every commit for those too.

One connection, used only from the event loop's thread: every unit of work (a request,
a timer, a delivery result) is one short transaction, committed before it is answered.
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path
from typing import Any

from .storage.base import COMMON_SCHEMA, SqlStore, typed_schema

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


class Store(SqlStore):
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

    # ---- calls -------------------------------------------------------------------
    def put_call(self, call_id: str, account: str, leg_id: str, alive: bool, data: str) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO calls (id, account, leg_id, alive, data) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET alive = excluded.alive, data = excluded.data",
                (call_id, account, leg_id, 1 if alive else 0, data),
            )

    # ---- idempotency -------------------------------------------------------------
    def seen_command(self, scope: str, command_id: str, window: float) -> str | bool | None:
        """The stored result of a command seen within `window` seconds, else False."""
        row = self.db.execute(
            "SELECT at, result FROM idempotency WHERE scope = ? AND command_id = ?",
            (scope, command_id),
        ).fetchone()
        if row is None or time.time() - row["at"] > window:
            return False
        return row["result"]

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

    # ---- recordings --------------------------------------------------------------
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

    def record_delivery(
        self,
        seq: int,
        attempt: int,
        tries: list[tuple[str, int | None, str | None, str]],
        status: str,
        next_attempt_at: float,
        delivered_to: str | None,
    ) -> None:
        with self.tx() as db:
            db.executemany(
                "INSERT INTO deliveries (seq, attempt, url, status_code, error, at) VALUES (?, ?, ?, ?, ?, ?)",
                [(seq, attempt, url, code, err, at) for url, code, err, at in tries],
            )
            db.execute(
                "UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, delivered_to = ? WHERE seq = ?",
                (status, attempt, next_attempt_at, delivered_to, seq),
            )

    def _deliveries_rows(self, seqs: list[int]) -> Any:
        marks = ",".join("?" * len(seqs))
        return self.db.execute(f"SELECT * FROM deliveries WHERE seq IN ({marks}) ORDER BY rowid", seqs)
