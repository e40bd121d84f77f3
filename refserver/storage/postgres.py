"""PostgreSQL storage (`STATE_DB=postgresql://...`): the state several server processes share.

The same interface as the SQLite store (refserver/store.py, `refserver.storage.Storage`),
over one psycopg 3 connection in autocommit mode with explicit `BEGIN` / `COMMIT` per unit
of work, so that a request, a timer or a delivery result is still one short transaction.
Rows come back as dicts (`row["seq"]`, `dict(row)`), as `sqlite3.Row` reads.

Times that several processes compare (the `command_id` window, leases, due times) are read
from the database's clock, not each host's, so hosts with skewed clocks agree.

What more sharing state between processes needs lives here too, on the database alone:

* delivery leases: `claim_heads()` leases the head (oldest pending row) of call legs
  whose head is due and unleased, `FOR UPDATE SKIP LOCKED`, so two processes never post the
  same leg at once and a leg's order holds; `record_delivery(..., owner=)` counts only while
  the lease is still the caller's (a process that died, or stalled past its lease, has
  lost the row to another);
* durable timers: rows with a due time (`put_timer`, `cancel_timers`), claimed when due by
  any process (`claim_timers`, `FOR UPDATE SKIP LOCKED`, under a lease: a claimer that dies
  before `finish_timer` leaves it to another);
* `notify(channel, payload)`: `pg_notify` inside the transaction, delivered to every
  listener (`listen()`) when it commits, so processes wake on LISTEN/NOTIFY, not by polling;
* `lock(key)`: a transaction-scoped advisory lock (channel limits counted across processes
  under it).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from typing import Any

import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from . import Row
from .sqlite import QueueListener

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
    connection_id TEXT,
    direction TEXT,
    data TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS calls_leg ON calls (leg_id);
CREATE INDEX IF NOT EXISTS calls_live ON calls (connection_id, direction) WHERE alive = 1;
CREATE TABLE IF NOT EXISTS outbox (
    seq BIGSERIAL PRIMARY KEY,
    event_id TEXT NOT NULL UNIQUE,
    account TEXT NOT NULL,
    call_control_id TEXT,
    order_key TEXT NOT NULL,
    event TEXT NOT NULL,
    event_type TEXT NOT NULL,
    envelope TEXT NOT NULL,
    url TEXT NOT NULL,
    failover_url TEXT,
    timeout DOUBLE PRECISION NOT NULL,
    body TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at DOUBLE PRECISION NOT NULL,
    delivered_to TEXT,
    created_at TEXT NOT NULL,
    lease_owner TEXT,
    lease_until DOUBLE PRECISION
);
CREATE INDEX IF NOT EXISTS outbox_pending ON outbox (order_key, seq) WHERE status = 'pending';
CREATE INDEX IF NOT EXISTS outbox_key ON outbox (order_key, seq);
CREATE INDEX IF NOT EXISTS outbox_status ON outbox (status, seq);
CREATE TABLE IF NOT EXISTS deliveries (
    id BIGSERIAL PRIMARY KEY,
    seq BIGINT NOT NULL,
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
    at DOUBLE PRECISION NOT NULL,
    result TEXT,
    PRIMARY KEY (scope, command_id)
);
CREATE TABLE IF NOT EXISTS recordings (
    id TEXT PRIMARY KEY,
    account TEXT NOT NULL,
    leg_id TEXT NOT NULL,
    format TEXT NOT NULL,
    duration DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS timers (
    id BIGSERIAL PRIMARY KEY,
    call_id TEXT NOT NULL,
    name TEXT NOT NULL,
    due_at DOUBLE PRECISION NOT NULL,
    kind TEXT NOT NULL,
    args TEXT NOT NULL,
    lease_owner TEXT,
    lease_until DOUBLE PRECISION,
    UNIQUE (call_id, name)
);
CREATE INDEX IF NOT EXISTS timers_due ON timers (due_at);
"""

OUTBOX_COLUMNS = (
    "seq, event_id, account, call_control_id, order_key, event, event_type, envelope, url, "
    "failover_url, timeout, body, status, attempts, next_attempt_at, delivered_to, created_at"
)

# The database's clock, in seconds since the epoch (what every process compares against).
NOW = "extract(epoch from clock_timestamp())::double precision"

# Taken once per database while the schema is created: processes starting together do not race on CREATE.
SCHEMA_LOCK = 0x7265667365727665  # "refserve"


class PostgresStore:
    def __init__(self, url: str) -> None:
        self.path = url
        self.url = url
        self.db = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
            self.db.execute(SCHEMA)
        self._depth = 0
        self._after: list[Callable[[], None]] = []
        self._undo: list[Callable[[], None]] = []
        self._lock = threading.RLock()

    def close(self) -> None:
        with self._lock:
            self.db.close()

    def _q(self, sql: str, args: Any = ()) -> psycopg.Cursor[Any]:
        return self.db.execute(sql, args)

    # ---- transactions ------------------------------------------------------------
    @contextmanager
    def tx(self) -> Iterator[psycopg.Connection[Any]]:
        """One transaction; nested uses join the outer one. Committed on exit."""
        with self._lock:
            if self._depth == 0:
                self.db.execute("BEGIN")
            self._depth += 1
            try:
                yield self.db
            except BaseException:
                self._depth -= 1
                if self._depth == 0:
                    self._after.clear()
                    undo, self._undo = self._undo, []
                    self.db.execute("ROLLBACK")
                    for fn in reversed(undo):
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
        with self._lock:
            if self._depth == 0:
                fn()
            else:
                self._after.append(fn)

    def on_rollback(self, fn: Callable[[], None]) -> None:
        with self._lock:
            if self._depth > 0:
                self._undo.append(fn)

    def now(self) -> float:
        """The database's clock (seconds since the epoch)."""
        return float(self._q(f"SELECT {NOW} AS t").fetchone()["t"])

    # ---- settings ----------------------------------------------------------------
    def setting(self, name: str) -> str | None:
        row = self._q("SELECT value FROM settings WHERE name = %s", (name,)).fetchone()
        return row["value"] if row else None

    def set_setting(self, name: str, value: str) -> None:
        with self.tx():
            self._q(
                "INSERT INTO settings (name, value) VALUES (%s, %s) "
                "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
                (name, value),
            )

    def add_setting(self, name: str, value: str) -> str:
        """Set `name` unless it is set; the value it has (the first process's, when several race)."""
        with self.tx():
            self._q("INSERT INTO settings (name, value) VALUES (%s, %s) ON CONFLICT (name) DO NOTHING", (name, value))
            return str(self._q("SELECT value FROM settings WHERE name = %s", (name,)).fetchone()["value"])

    # ---- applications ------------------------------------------------------------
    def last_created_at(self) -> str | None:
        row = self._q("SELECT MAX(created_at) AS m FROM applications").fetchone()
        return row["m"]

    def put_application(self, account: str, app: dict[str, Any], deleted: bool = False) -> None:
        with self.tx():
            self._q(
                "INSERT INTO applications "
                "(id, account, name, active, created_at, voice_profile_id, deleted, data) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s, %s) ON CONFLICT (id) DO UPDATE SET "
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
        sql = "SELECT data, account FROM applications WHERE id = %s"
        args: list[Any] = [app_id]
        if account is not None:
            sql += " AND account = %s"
            args.append(account)
        if not include_deleted:
            sql += " AND deleted = 0"
        row = self._q(sql, args).fetchone()
        return json.loads(row["data"]) if row else None

    def application_account(self, app_id: str) -> str | None:
        row = self._q("SELECT account FROM applications WHERE id = %s AND deleted = 0", (app_id,)).fetchone()
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
        where = ["account = %s", "deleted = 0"]
        args: list[Any] = [account]
        if name_contains is not None:
            where.append("strpos(lower(name), lower(%s)) > 0")
            args.append(name_contains)
        for vp in voice_profile_ids:
            where.append("voice_profile_id = %s")
            args.append(vp)
        clause = " AND ".join(where)
        total = self._q(f"SELECT COUNT(*) AS n FROM applications WHERE {clause}", args).fetchone()["n"]
        column = {"created_at": "created_at", "connection_name": "name", "active": "active"}[order_by]
        direction = "DESC" if descending else "ASC"
        # COLLATE "C": the byte order SQLite sorts text in, whatever the database's locale
        collate = "" if column == "active" else ' COLLATE "C"'
        rows = self._q(
            f"SELECT data FROM applications WHERE {clause} ORDER BY {column}{collate} {direction}, "
            f'id COLLATE "C" {direction} LIMIT %s OFFSET %s',
            [*args, limit, offset],
        ).fetchall()
        return [json.loads(r["data"]) for r in rows], int(total)

    # ---- calls -------------------------------------------------------------------
    def put_call(self, call_id: str, account: str, leg_id: str, alive: bool, data: str) -> None:
        fields = json.loads(data)
        with self.tx():
            self._q(
                "INSERT INTO calls (id, account, leg_id, alive, connection_id, direction, data) "
                "VALUES (%s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET alive = excluded.alive, data = excluded.data",
                (
                    call_id,
                    account,
                    leg_id,
                    1 if alive else 0,
                    fields.get("connection_id") if isinstance(fields, dict) else None,
                    fields.get("direction") if isinstance(fields, dict) else None,
                    data,
                ),
            )

    def get_call(self, call_id: str) -> str | None:
        row = self._q("SELECT data FROM calls WHERE id = %s", (call_id,)).fetchone()
        return row["data"] if row else None

    def live_calls(self) -> list[str]:
        return [r["data"] for r in self._q("SELECT data FROM calls WHERE alive = 1 ORDER BY id")]

    def count_live_calls(self, connection_id: str, direction: str) -> int:
        """Live calls of an application in one direction, whichever process made them."""
        row = self._q(
            "SELECT COUNT(*) AS n FROM calls WHERE alive = 1 AND connection_id = %s AND direction = %s",
            (connection_id, direction),
        ).fetchone()
        return int(row["n"])

    def lock(self, key: str) -> None:
        """Hold an advisory lock on `key` until the current transaction ends (only inside one)."""
        if self._depth == 0:
            raise RuntimeError("lock() outside a transaction")
        self._q("SELECT pg_advisory_xact_lock(hashtextextended(%s, 0))", (key,))

    # ---- idempotency -------------------------------------------------------------
    def seen_command(self, scope: str, command_id: str, window: float) -> str | bool | None:
        """Inside a transaction, the command id is locked until it ends: a second process asking
        about the same id waits for the first one's commit and then sees it remembered."""
        if self._depth > 0:
            self._q("SELECT pg_advisory_xact_lock(hashtextextended(%s, 1))", (f"{scope}\n{command_id}",))
        row = self._q(
            f"SELECT {NOW} - at AS age, result FROM idempotency WHERE scope = %s AND command_id = %s",
            (scope, command_id),
        ).fetchone()
        if row is None or row["age"] > window:
            return False
        return row["result"]

    def remember_command(self, scope: str, command_id: str, result: str | None = None) -> None:
        with self.tx():
            self._q(
                f"INSERT INTO idempotency (scope, command_id, at, result) VALUES (%s, %s, {NOW}, %s) "
                "ON CONFLICT (scope, command_id) DO UPDATE SET at = excluded.at, result = excluded.result",
                (scope, command_id, result),
            )

    def prune_commands(self, window: float) -> None:
        with self.tx():
            self._q(f"DELETE FROM idempotency WHERE at < {NOW} - %s", (window,))

    # ---- recordings --------------------------------------------------------------
    def put_recording(self, rec_id: str, account: str, leg_id: str, fmt: str, duration: float) -> None:
        with self.tx():
            self._q(
                "INSERT INTO recordings (id, account, leg_id, format, duration) VALUES (%s, %s, %s, %s, %s) "
                "ON CONFLICT (id) DO UPDATE SET account = excluded.account, leg_id = excluded.leg_id, "
                "format = excluded.format, duration = excluded.duration",
                (rec_id, account, leg_id, fmt, duration),
            )

    def get_recording(self, rec_id: str) -> Row | None:
        row: Row | None = self._q("SELECT * FROM recordings WHERE id = %s", (rec_id,)).fetchone()
        return row

    # ---- outbox ------------------------------------------------------------------
    def add_outbox(self, row: dict[str, Any]) -> int:
        with self.tx():
            out = self._q(
                "INSERT INTO outbox (event_id, account, call_control_id, order_key, event, "
                "event_type, envelope, url, failover_url, timeout, body, status, attempts, "
                "next_attempt_at, created_at) VALUES (%(event_id)s, %(account)s, %(call_control_id)s, "
                "%(order_key)s, %(event)s, %(event_type)s, %(envelope)s, %(url)s, %(failover_url)s, %(timeout)s, "
                "%(body)s, 'pending', 0, %(next_attempt_at)s, %(created_at)s) RETURNING seq",
                row,
            ).fetchone()
            return int(out["seq"])

    def pending_outbox(self) -> list[Row]:
        return self._q(f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE status = 'pending' ORDER BY seq").fetchall()

    def record_delivery(
        self,
        seq: int,
        attempt: int,
        tries: list[tuple[str, int | None, str | None, str]],
        status: str,
        next_attempt_at: float,
        delivered_to: str | None,
        owner: str | None = None,
    ) -> bool:
        """The result of one attempt. With `owner`, only while that owner holds the row's lease
        (then the lease is released); False when it no longer does, and nothing is recorded."""
        with self.tx():
            sql = (
                "UPDATE outbox SET status = %s, attempts = %s, next_attempt_at = %s, delivered_to = %s, "
                "lease_owner = NULL, lease_until = NULL WHERE seq = %s"
            )
            args: list[Any] = [status, attempt, next_attempt_at, delivered_to, seq]
            if owner is not None:
                sql += " AND lease_owner = %s"
                args.append(owner)
            if self._q(sql, args).rowcount == 0:
                return False
            with self.db.cursor() as cur:
                cur.executemany(
                    "INSERT INTO deliveries (seq, attempt, url, status_code, error, at) "
                    "VALUES (%s, %s, %s, %s, %s, %s)",
                    [(seq, attempt, url, code, err, at) for url, code, err, at in tries],
                )
            return True

    def claim_heads(self, owner: str, lease_secs: float, limit: int = 64, order_key: str | None = None) -> list[Row]:
        """Lease the head (oldest pending row) of up to `limit` call legs whose head is due and
        not leased to a live owner (a lease past its time is free again); the rows, oldest
        first. One leg's rows are thus posted one at a time, in order, by one process at a time.
        A lease lasts the row's own timeouts (primary, and failover if any) plus `lease_secs`."""
        only = "AND order_key = %(key)s" if order_key is not None else ""
        with self.tx():
            rows = self._q(
                f"""
                WITH heads AS (
                    SELECT DISTINCT ON (order_key) seq FROM outbox
                    WHERE status = 'pending' {only} ORDER BY order_key, seq
                ), due AS (
                    SELECT o.seq FROM outbox o JOIN heads h ON o.seq = h.seq
                    WHERE o.status = 'pending' AND o.next_attempt_at <= {NOW}
                      AND (o.lease_until IS NULL OR o.lease_until < {NOW})
                    ORDER BY o.seq LIMIT %(limit)s
                    FOR UPDATE OF o SKIP LOCKED
                )
                UPDATE outbox SET lease_owner = %(owner)s,
                    lease_until = {NOW} + %(lease)s + outbox.timeout * (CASE WHEN outbox.failover_url IS NULL
                                                                        THEN 1 ELSE 2 END)
                FROM due WHERE outbox.seq = due.seq
                RETURNING {", ".join("outbox." + c.strip() for c in OUTBOX_COLUMNS.split(","))}
                """,
                {"owner": owner, "lease": lease_secs, "limit": limit, "key": order_key},
            ).fetchall()
        return sorted(rows, key=lambda r: r["seq"])

    def next_outbox_due(self) -> float | None:
        """Seconds until the earliest pending head could be claimed (0: now), None when none is pending."""
        row = self._q(
            f"""
            WITH heads AS (
                SELECT DISTINCT ON (order_key) next_attempt_at, lease_until FROM outbox
                WHERE status = 'pending' ORDER BY order_key, seq
            )
            SELECT MIN(GREATEST(next_attempt_at, COALESCE(lease_until, 0))) - {NOW} AS wait FROM heads
            """
        ).fetchone()
        return None if row["wait"] is None else max(float(row["wait"]), 0.0)

    def outbox_for_key(self, order_key: str) -> list[Row]:
        sql = f"SELECT {OUTBOX_COLUMNS} FROM outbox WHERE order_key = %s ORDER BY seq"
        return self._q(sql, (order_key,)).fetchall()

    def outbox_recent(self, status: str | None, limit: int, account: str | None = None) -> list[Row]:
        where: list[str] = []
        args: list[Any] = []
        if status:
            where.append("status = %s")
            args.append(status)
        if account is not None:
            where.append("account = %s")
            args.append(account)
        clause = f"WHERE {' AND '.join(where)} " if where else ""
        rows = self._q(
            f"SELECT {OUTBOX_COLUMNS} FROM outbox {clause}ORDER BY seq DESC LIMIT %s", (*args, limit)
        ).fetchall()
        return list(reversed(rows))

    def deliveries_for(self, seqs: list[int]) -> dict[int, list[dict[str, Any]]]:
        out: dict[int, list[dict[str, Any]]] = {s: [] for s in seqs}
        if not seqs:
            return out
        for r in self._q("SELECT * FROM deliveries WHERE seq = ANY(%s) ORDER BY id", (list(seqs),)):
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

    # ---- durable timers ----------------------------------------------------------
    def put_timer(self, call_id: str, name: str, delay: float, kind: str, args: dict[str, Any]) -> None:
        """The call's timer `name` (replacing one of that name), due in `delay` seconds by the database's clock."""
        with self.tx():
            self._q(
                f"INSERT INTO timers (call_id, name, due_at, kind, args) VALUES (%s, %s, {NOW} + %s, %s, %s) "
                "ON CONFLICT (call_id, name) DO UPDATE SET due_at = excluded.due_at, kind = excluded.kind, "
                "args = excluded.args, lease_owner = NULL, lease_until = NULL",
                (call_id, name, delay, kind, json.dumps(args)),
            )

    def cancel_timers(self, call_id: str, *names: str) -> None:
        """The call's timers of these names (all of them, with none named) are cancelled."""
        with self.tx():
            if names:
                self._q("DELETE FROM timers WHERE call_id = %s AND name = ANY(%s)", (call_id, list(names)))
            else:
                self._q("DELETE FROM timers WHERE call_id = %s", (call_id,))

    def timers_of(self, call_id: str) -> list[Row]:
        return self._q(
            f"SELECT id, call_id, name, due_at - {NOW} AS due_in, kind, args FROM timers "
            "WHERE call_id = %s ORDER BY id",
            (call_id,),
        ).fetchall()

    def claim_timers(self, owner: str, lease_secs: float, limit: int = 64) -> list[Row]:
        """Lease up to `limit` due timers no live owner holds, earliest first (`args` decoded)."""
        with self.tx():
            rows = self._q(
                f"""
                WITH due AS (
                    SELECT id FROM timers
                    WHERE due_at <= {NOW} AND (lease_until IS NULL OR lease_until < {NOW})
                    ORDER BY due_at, id LIMIT %(limit)s
                    FOR UPDATE SKIP LOCKED
                )
                UPDATE timers SET lease_owner = %(owner)s, lease_until = {NOW} + %(lease)s
                FROM due WHERE timers.id = due.id
                RETURNING timers.id, timers.call_id, timers.name, timers.due_at, timers.kind, timers.args
                """,
                {"owner": owner, "lease": lease_secs, "limit": limit},
            ).fetchall()
        out = [{**r, "args": json.loads(r["args"])} for r in rows]
        return sorted(out, key=lambda r: (r["due_at"], r["id"]))

    def finish_timer(self, timer_id: int, owner: str) -> bool:
        """The claimed timer is done (deleted); False when `owner` no longer holds it."""
        with self.tx():
            return self._q("DELETE FROM timers WHERE id = %s AND lease_owner = %s", (timer_id, owner)).rowcount > 0

    def next_timer_due(self) -> float | None:
        """Seconds until the earliest timer could be claimed (0: now), None when there is none."""
        row = self._q(f"SELECT MIN(GREATEST(due_at, COALESCE(lease_until, 0))) - {NOW} AS wait FROM timers").fetchone()
        return None if row["wait"] is None else max(float(row["wait"]), 0.0)

    # ---- notifications -----------------------------------------------------------
    def notify(self, channel: str, payload: str = "") -> None:
        """Wake every listener of `channel` when the current transaction commits (at once outside one)."""
        self._q("SELECT pg_notify(%s, %s)", (channel, payload))

    @asynccontextmanager
    async def listen(self, *channels: str) -> AsyncIterator[QueueListener]:
        """A connection of its own listening on `channels`: `await listener.wait(timeout)`. A task
        reads its notifications all the while (psycopg keeps only those that arrive while its
        `notifies()` runs), so none is lost between two waits."""
        conn = await psycopg.AsyncConnection.connect(self.url, autocommit=True)
        queue: asyncio.Queue[tuple[str, str]] = asyncio.Queue()

        async def read() -> None:
            async for n in conn.notifies():
                queue.put_nowait((n.channel, n.payload))

        try:
            for channel in channels:
                await conn.execute(sql.SQL("LISTEN {}").format(sql.Identifier(channel)))
            reader = asyncio.get_running_loop().create_task(read())
            try:
                yield QueueListener(queue)
            finally:
                reader.cancel()
                with contextlib.suppress(asyncio.CancelledError, psycopg.Error):
                    await reader
        finally:
            await conn.close()
