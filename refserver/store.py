"""Durable state in SQLite: applications, calls, the webhook outbox, recordings.

WAL journal. `synchronous=NORMAL` by default: in WAL mode a committed transaction is in
the WAL file before COMMIT returns, so it survives the process being killed (kill -9);
only an OS crash or power cut may lose the last transactions. STATE_SYNCHRONOUS=FULL
fsyncs the WAL on every commit for those too.

One connection, used only from the event loop's thread: every unit of work (a request,
a timer, a delivery result) is one short transaction, committed before it is answered.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS applications (
    id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    name TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    voice_profile_id TEXT,
    deleted INTEGER NOT NULL DEFAULT 0,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS applications_account ON applications (account, deleted, created_at);
CREATE TABLE IF NOT EXISTS calls (
    id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    leg_id TEXT NOT NULL,
    alive INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS calls_leg ON calls (leg_id);
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id TEXT NOT NULL UNIQUE,
    account TEXT NOT NULL,
    call_control_id TEXT,
    order_key TEXT NOT NULL,
    event TEXT NOT NULL,
    event_type TEXT NOT NULL,
    envelope TEXT NOT NULL,
    url TEXT NOT NULL,
    failover_url TEXT,
    timeout REAL NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at REAL NOT NULL,
    delivered_to TEXT,
    created_at TEXT NOT NULL
);
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
CREATE TABLE IF NOT EXISTS idempotency (
    scope TEXT NOT NULL,
    command_id TEXT NOT NULL,
    at REAL NOT NULL,
    result TEXT,
    PRIMARY KEY (scope, command_id)
);
CREATE TABLE IF NOT EXISTS recordings (
    id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    leg_id TEXT NOT NULL,
    format TEXT NOT NULL,
    duration REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""

OUTBOX_COLUMNS = (
    "seq, event_id, account, call_control_id, order_key, event, event_type, envelope, url, "
    "failover_url, timeout, body, status, attempts, next_attempt_at, delivered_to, created_at"
)


class Store:
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
        self._depth = 0
        self._after: list[Callable[[], None]] = []
        self._undo: list[Callable[[], None]] = []
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            self.db.close()

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One transaction; nested uses join the outer one. Committed on exit."""
        with self._lock:
            if self._depth == 0:
                self.db.execute("BEGIN IMMEDIATE")
            self._depth += 1
            try:
                yield self.db
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._after.clear()
                    undo, self._undo = self._undo, []
                    self.db.execute("ROLLBACK")
                    for fn in reversed(undo):  # what memory took on in the transaction is given back
                        fn()
                raise
            else:
                self._depth -= 1
                if self._depth == 0:
                    hooks, self._after = self._after, []
                    self._undo.clear()
                    self.db.execute("COMMIT")
                    for fn in hooks:
                        fn()

    def after_commit(self, fn: Callable[[], None]) -> None:
        """Run `fn` once the current transaction is committed (now, outside one); never
        if it is rolled back."""
        with self._lock:
            if self._depth == 0:
                fn()
            else:
                self._after.append(fn)

    def on_rollback(self, fn: Callable[[], None]) -> None:
        """Run `fn` if the current transaction is rolled back (never outside one): it undoes a
        change made in memory during the transaction, so that a failed request leaves no trace."""
        with self._lock:
            if self._depth > 0:
                self._undo.append(fn)

    # ---- settings ----------------------------------------------------------------
    def setting(self, name: str) -> str | None:
        row = self.db.execute("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return row["value"] if row else None

    def set_setting(self, name: str, value: str) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO settings (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, value),
            )

    # ---- applications ------------------------------------------------------------
    def last_created_at(self) -> str | None:
        row = self.db.execute("SELECT MAX(created_at) AS m FROM applications").fetchone()
        return row["m"]

    def put_application(self, account: str, app: dict[str, Any], deleted: bool = False) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO applications "
                "(id, account, name, active, created_at, voice_profile_id, deleted, data) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "name = excluded.name, active = excluded.active, "
                "voice_profile_id = excluded.voice_profile_id, deleted = excluded.deleted, "
                "data = excluded.data",
                (
                    app["id"],
                    account,
                    app["application_name"],
                    1 if app["active"] else 0,
                    app["created_at"],
                    (app.get("outbound") or {}).get("outbound_voice_profile_id"),
                    1 if deleted else 0,
                    json.dumps(app),
                ),
            )

    def get_application(
        self, app_id: str, account: str | None = None, include_deleted: bool = False
    ) -> dict[str, Any] | None:
        sql = "SELECT data, account FROM applications WHERE id = ?"
        args: list[Any] = [app_id]
        if account is not None:
            sql += " AND account = ?"
            args.append(account)
        if not include_deleted:
            sql += " AND deleted = 0"
        row = self.db.execute(sql, args).fetchone()
        return json.loads(row["data"]) if row else None

    def application_account(self, app_id: str) -> str | None:
        row = self.db.execute("SELECT account FROM applications WHERE id = ? AND deleted = 0", (app_id,)).fetchone()
        return row["account"] if row else None

    def list_applications(
        self,
        account: str,
        *,
        name_contains: str | None,
        voice_profile_ids: list[str],
        order_by: str,
        descending: bool,
        limit: int,
        offset: int,
    ) -> tuple[list[dict[str, Any]], int]:
        where = ["account = ?", "deleted = 0"]
        args: list[Any] = [account]
        if name_contains is not None:
            where.append("instr(lower(name), lower(?)) > 0")
            args.append(name_contains)
        for vp in voice_profile_ids:
            where.append("voice_profile_id = ?")
            args.append(vp)
        clause = " AND ".join(where)
        total = self.db.execute(f"SELECT COUNT(*) AS n FROM applications WHERE {clause}", args).fetchone()["n"]
        column = {"created_at": "created_at", "connection_name": "name", "active": "active"}[order_by]
        direction = "DESC" if descending else "ASC"
        rows = self.db.execute(
            f"SELECT data FROM applications WHERE {clause} "
            f"ORDER BY {column} {direction}, id {direction} LIMIT ? OFFSET ?",
            [*args, limit, offset],
        ).fetchall()
        return [json.loads(r["data"]) for r in rows], total

    # ---- calls -------------------------------------------------------------------
    def put_call(self, call_id: str, account: str, leg_id: str, alive: bool, data: str) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT INTO calls (id, account, leg_id, alive, data) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET alive = excluded.alive, data = excluded.data",
                (call_id, account, leg_id, 1 if alive else 0, data),
            )

    def get_call(self, call_id: str) -> str | None:
        row = self.db.execute("SELECT data FROM calls WHERE id = ?", (call_id,)).fetchone()
        return row["data"] if row else None

    def live_calls(self) -> list[str]:
        return [r["data"] for r in self.db.execute("SELECT data FROM calls WHERE alive = 1")]

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
    def put_recording(self, rec_id: str, account: str, leg_id: str, fmt: str, duration: float) -> None:
        with self.tx() as db:
            db.execute(
                "INSERT OR REPLACE INTO recordings (id, account, leg_id, format, duration) VALUES (?, ?, ?, ?, ?)",
                (rec_id, account, leg_id, fmt, duration),
            )

    def get_recording(self, rec_id: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM recordings WHERE id = ?", (rec_id,)).fetchone()

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

    def pending_outbox(self) -> list[sqlite3.Row]:
        """Every webhook not yet delivered or failed, in creation order."""
        return self.db.execute(f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE status = 'pending' ORDER BY seq").fetchall()

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

    def outbox_for_key(self, order_key: str) -> list[sqlite3.Row]:
        return self.db.execute(
            f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE order_key = ? ORDER BY seq", (order_key,)
        ).fetchall()

    def outbox_recent(self, status: str | None, limit: int, account: str | None = None) -> list[sqlite3.Row]:
        """The latest `limit` webhooks (of one status, of one account), oldest first."""
        where, args = [], []
        if status:
            where.append("status = ?")
            args.append(status)
        if account is not None:
            where.append("account = ?")
            args.append(account)
        clause = f"WHERE {' AND '.join(where)} " if where else ""
        rows = self.db.execute(
            f"SELECT {OUTBOX_COLUMNS} FROM outbox {clause}ORDER BY seq DESC LIMIT ?", (*args, limit)
        ).fetchall()
        return list(reversed(rows))

    def deliveries_for(self, seqs: list[int]) -> dict[int, list[dict[str, Any]]]:
        out: dict[int, list[dict[str, Any]]] = {s: [] for s in seqs}
        if not seqs:
            return out
        marks = ",".join("?" * len(seqs))
        for r in self.db.execute(f"SELECT * FROM deliveries WHERE seq IN ({marks}) ORDER BY rowid", seqs):
            out[r["seq"]].append(
                {
                    "attempt": r["attempt"],
                    "url": r["url"],
                    "status_code": r["status_code"],
                    "error": r["error"],
                    "at": r["at"],
                }
            )
        return out
