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

import json
from typing import Any

import psycopg
from psycopg.rows import dict_row

from .postgres_schema import NOW, SCHEMA, SCHEMA_LOCK
from .postgres_shared import SharedRows


class PostgresStore(SharedRows):
    CONTAINS = "strpos(lower(name), lower(?)) > 0"
    # COLLATE "C": the byte order SQLite sorts text in, whatever the database's locale
    COLLATE = ' COLLATE "C"'
    FOR_UPDATE = " FOR UPDATE"

    def __init__(self, url: str) -> None:
        self.path = url
        self.url = url
        self.db = psycopg.connect(url, autocommit=True, row_factory=dict_row)
        with self.db.transaction():
            self.db.execute("SELECT pg_advisory_xact_lock(%s)", (SCHEMA_LOCK,))
            self.db.execute(SCHEMA)
        self._init_tx()

    def _q(self, sql: str, args: Any = ()) -> Any:
        """A statement written with `?` placeholders (the shared ones) or psycopg's own."""
        return self.db.execute(sql.replace("?", "%s"), args)

    def now(self) -> float:
        """The database's clock (seconds since the epoch)."""
        return float(self._q(f"SELECT {NOW} AS t").fetchone()["t"])

    # ---- settings ----------------------------------------------------------------
    def add_setting(self, name: str, value: str) -> str:
        """Set `name` unless it is set; the value it has (the first process's, when several race)."""
        with self.tx():
            self._q("INSERT INTO settings (name, value) VALUES (%s, %s) ON CONFLICT (name) DO NOTHING", (name, value))
            return str(self._q("SELECT value FROM settings WHERE name = %s", (name,)).fetchone()["value"])

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

    def _deliveries_rows(self, seqs: list[int]) -> Any:
        return self._q("SELECT * FROM deliveries WHERE seq = ANY(%s) ORDER BY id", (list(seqs),))
