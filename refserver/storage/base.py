"""What the SQLite and PostgreSQL stores share: the transaction with its commit and rollback
hooks, and the statements both databases read the same way.

Shared statements are written with `?` placeholders; `_q()` adapts them to the driver
(`PostgresStore` turns them into `%s`; none of them holds a literal `%` or `?`). Rows are
read by column name (`sqlite3.Row` and psycopg's `dict_row` alike).
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

OUTBOX_COLUMNS = (
    "seq, event_id, account, call_control_id, order_key, event, event_type, envelope, url, "
    "failover_url, timeout, body, status, attempts, next_attempt_at, delivered_to, created_at"
)

# The tables both databases define alike.
COMMON_SCHEMA = """
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
CREATE TABLE IF NOT EXISTS settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
"""


def typed_schema(serial: str, real: str) -> str:
    """The tables both databases define alike but for two types: an increasing key (`serial`)
    and a double (`real`). Their indexes differ and are each backend's own."""
    return f"""
CREATE TABLE IF NOT EXISTS outbox (
    seq {serial},
    event_id TEXT NOT NULL UNIQUE,
    account TEXT NOT NULL,
    call_control_id TEXT,
    order_key TEXT NOT NULL,
    event TEXT NOT NULL,
    event_type TEXT NOT NULL,
    envelope TEXT NOT NULL,
    url TEXT NOT NULL,
    failover_url TEXT,
    timeout {real} NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at {real} NOT NULL,
    delivered_to TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS idempotency (
    scope TEXT NOT NULL,
    command_id TEXT NOT NULL,
    at {real} NOT NULL,
    result TEXT,
    PRIMARY KEY (scope, command_id)
);
CREATE TABLE IF NOT EXISTS recordings (
    id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    leg_id TEXT NOT NULL,
    format TEXT NOT NULL,
    duration {real} NOT NULL
);
"""


def shared_schema(serial: str, real: str) -> str:
    """What shared state adds alike on both: timer rows, the simulator's scripts."""
    return f"""
CREATE TABLE IF NOT EXISTS timers (
    id {serial},
    call_id TEXT NOT NULL,
    name TEXT NOT NULL,
    due_at {real} NOT NULL,
    kind TEXT NOT NULL,
    args TEXT NOT NULL,
    lease_owner TEXT,
    lease_until {real},
    UNIQUE (call_id, name)
);
CREATE INDEX IF NOT EXISTS timers_due ON timers (due_at);
CREATE INDEX IF NOT EXISTS timers_call_due ON timers (call_id, due_at, id);
CREATE TABLE IF NOT EXISTS scripts (
    id {serial},
    account TEXT,
    to_number TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS scripts_to ON scripts (to_number, id);
"""


# A timer row `t` that is the earliest of its call's (by due time, then as added): only such a
# row is claimed, so that a call's timers fire in that order even when several processes claim
# (a later one is claimed once the earlier one has fired and its row is gone).
FIRST_OF_CALL = (
    "NOT EXISTS (SELECT 1 FROM timers e WHERE e.call_id = t.call_id AND (e.due_at, e.id) < (t.due_at, t.id))"
)

DELIVERY_FIELDS = ("attempt", "url", "status_code", "error", "at")


class SqlStore:
    """The common part of a store over one connection `db` (set by the subclass)."""

    db: Any
    # how a transaction starts (SQLite takes its write lock at once: BEGIN IMMEDIATE)
    BEGIN = "BEGIN"
    # a name containing a text, case-blind; what text is sorted by
    CONTAINS = "instr(lower(name), lower(?)) > 0"
    COLLATE = ""
    FOR_UPDATE = ""  # a row read to be changed in the same transaction is locked (PostgreSQL)

    def _init_tx(self) -> None:
        self._depth = 0
        self._after: list[Callable[[], None]] = []
        self._undo: list[Callable[[], None]] = []
        self._notes: dict[str, str] = {}  # the transaction's notifications: a payload per channel
        self._lock = threading.RLock()

    def _q(self, sql: str, args: Any = ()) -> Any:
        return self.db.execute(sql, args)

    def close(self) -> None:
        with self._lock:
            self.db.close()

    # ---- transactions ------------------------------------------------------------
    def _begin(self) -> None:
        self.db.execute(self.BEGIN)

    def _commit(self) -> None:
        """Commit the open transaction; an exception here rolls it back (`_rollback`)."""
        self.db.execute("COMMIT")

    def _rollback(self) -> None:
        self.db.execute("ROLLBACK")

    def in_transaction(self) -> bool:
        return self._depth > 0

    def conflicted(self, exc: BaseException) -> bool:
        return False  # one writer at a time: SQLite's transactions wait, they are not aborted

    @contextmanager
    def tx(self) -> Iterator[Any]:
        """One transaction; nested uses join the outer one. Committed on exit; rolled back on an
        exception, the commit's own included (then what memory took on is given back too)."""
        with self._lock:
            if self._depth == 0:
                self._begin()
            self._depth += 1
            try:
                yield self.db
                if self._depth == 1:
                    self._commit()
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._after.clear()
                    self._notes.clear()
                    undo, self._undo = self._undo, []
                    self._rollback()
                    for fn in reversed(undo):  # what memory took on in the transaction is given back
                        fn()
                raise
            self._depth -= 1
            if self._depth == 0:
                hooks, self._after = self._after, []
                self._undo.clear()
                self._notes.clear()
                for fn in hooks:
                    fn()

    def notify(self, channel: str, payload: str = "") -> None:
        """Wake the listeners of `channel` when the current transaction commits (at once outside
        one): once per channel and transaction, with the first payload (listeners are woken to
        look at the database, not told what changed)."""
        with self._lock:
            if self._depth == 0:
                self._publish({channel: payload})
            else:
                self._notes.setdefault(channel, payload)

    def _publish(self, notes: dict[str, str]) -> None:
        """Send these notifications (a payload per channel)."""
        raise NotImplementedError

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
        row = self._q("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()
        return row["value"] if row else None

    def set_setting(self, name: str, value: str) -> None:
        with self.tx():
            self._q(
                "INSERT INTO settings (name, value) VALUES (?, ?) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, value),
            )

    def add_setting(self, name: str, value: str) -> str:
        """Set `name` unless it is set; the value it has (the first process's, when several race)."""
        with self.tx():
            self._q("INSERT INTO settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", (name, value))
            return str(self._q("SELECT value FROM settings WHERE name = ?", (name,)).fetchone()["value"])

    # ---- applications ------------------------------------------------------------
    def last_created_at(self) -> str | None:
        row = self._q("SELECT MAX(created_at) AS m FROM applications").fetchone()
        return row["m"]

    def put_application(self, account: str, app: dict[str, Any], deleted: bool = False) -> None:
        with self.tx():
            self._q(
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
        row = self._q(sql, args).fetchone()
        return json.loads(row["data"]) if row else None

    def application_account(self, app_id: str) -> str | None:
        row = self._q("SELECT account FROM applications WHERE id = ? AND deleted = 0", (app_id,)).fetchone()
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
            where.append(self.CONTAINS)
            args.append(name_contains)
        for vp in voice_profile_ids:
            where.append("voice_profile_id = ?")
            args.append(vp)
        clause = " AND ".join(where)
        total = self._q(f"SELECT COUNT(*) AS n FROM applications WHERE {clause}", args).fetchone()["n"]
        column = {"created_at": "created_at", "connection_name": "name", "active": "active"}[order_by]
        direction = "DESC" if descending else "ASC"
        collate = "" if column == "active" else self.COLLATE
        rows = self._q(
            f"SELECT data FROM applications WHERE {clause} ORDER BY {column}{collate} {direction}, "
            f"id{self.COLLATE} {direction} LIMIT ? OFFSET ?",
            [*args, limit, offset],
        ).fetchall()
        return [json.loads(r["data"]) for r in rows], int(total)

    # ---- calls -------------------------------------------------------------------
    def get_call(self, call_id: str) -> str | None:
        row = self._q("SELECT data FROM calls WHERE id = ?", (call_id,)).fetchone()
        return row["data"] if row else None

    def live_calls(self) -> list[str]:
        return [r["data"] for r in self._q("SELECT data FROM calls WHERE alive = 1 ORDER BY id")]

    # ---- recordings --------------------------------------------------------------
    def put_recording(self, rec_id: str, account: str, leg_id: str, fmt: str, duration: float) -> None:
        with self.tx():
            self._q(
                "INSERT INTO recordings (id, account, leg_id, format, duration) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT (id) DO UPDATE SET account = excluded.account, leg_id = excluded.leg_id, "
                "format = excluded.format, duration = excluded.duration",
                (rec_id, account, leg_id, fmt, duration),
            )

    def get_recording(self, rec_id: str) -> Any:
        return self._q("SELECT * FROM recordings WHERE id = ?", (rec_id,)).fetchone()

    # ---- the simulator's far-end scripts ------------------------------------------
    def add_script(self, account: str | None, to: str, script: dict[str, Any]) -> None:
        """A script for calls to `to` of one account (None: of every account, the open simulator)."""
        with self.tx():
            self._q(
                "INSERT INTO scripts (account, to_number, data) VALUES (?, ?, ?)", (account, to, json.dumps(script))
            )

    def clear_scripts(self, account: str | None) -> None:
        """The scripts of one account, or every script (None: the open simulator)."""
        with self.tx():
            if account is None:
                self._q("DELETE FROM scripts")
            else:
                self._q("DELETE FROM scripts WHERE account = ?", (account,))

    def take_script(self, to: str, account: str) -> dict[str, Any] | None:
        """The latest script for `to` that applies to the account (its own or every account's),
        one of its `times` used (deleted with the last one); None when there is none."""
        with self.tx():
            row = self._q(
                "SELECT id, data FROM scripts WHERE to_number = ? AND (account IS NULL OR account = ?) "
                f"ORDER BY id DESC LIMIT 1{self.FOR_UPDATE}",
                (to, account),
            ).fetchone()
            if row is None:
                return None
            script: dict[str, Any] = json.loads(row["data"])
            if script.get("times") is not None:
                script["times"] -= 1
                if script["times"] <= 0:
                    self._q("DELETE FROM scripts WHERE id = ?", (row["id"],))
                else:
                    self._q("UPDATE scripts SET data = ? WHERE id = ?", (json.dumps(script), row["id"]))
            return script

    # ---- outbox ------------------------------------------------------------------
    def pending_outbox(self) -> list[Any]:
        """Every webhook not yet delivered or failed, in creation order."""
        return list(self._q(f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE status = 'pending' ORDER BY seq").fetchall())

    def outbox_for_key(self, order_key: str) -> list[Any]:
        sql = f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE order_key = ? ORDER BY seq"
        return list(self._q(sql, (order_key,)).fetchall())

    def outbox_recent(self, status: str | None, limit: int, account: str | None = None) -> list[Any]:
        """The latest `limit` webhooks (of one status, of one account), oldest first."""
        where: list[str] = []
        args: list[Any] = []
        if status:
            where.append("status = ?")
            args.append(status)
        if account is not None:
            where.append("account = ?")
            args.append(account)
        clause = f"WHERE {' AND '.join(where)} " if where else ""
        rows = self._q(f"SELECT {OUTBOX_COLUMNS} FROM outbox {clause}ORDER BY seq DESC LIMIT ?", (*args, limit))
        return list(reversed(rows.fetchall()))

    def _deliveries_rows(self, seqs: list[int]) -> Any:
        """The delivery attempts of these rows, in the order they were recorded."""
        raise NotImplementedError

    def deliveries_for(self, seqs: list[int]) -> dict[int, list[dict[str, Any]]]:
        out: dict[int, list[dict[str, Any]]] = {s: [] for s in seqs}
        if seqs:
            for r in self._deliveries_rows(seqs):
                out[r["seq"]].append({k: r[k] for k in DELIVERY_FIELDS})
        return out
