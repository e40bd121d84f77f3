"""PostgreSQL storage (`STATE_DB=postgresql://...`): the state several server processes share.

The same interface as the SQLite store (`refserver.storage.Storage`), over one psycopg 3
connection in autocommit mode with explicit `BEGIN` / `COMMIT` per unit of work, so that a
request, a timer or a delivery result is still one short transaction. Rows come back as dicts
(`row["seq"]`, `dict(row)`), as `sqlite3.Row` reads.

Round trips. Every statement to PostgreSQL is a round trip to another process, and the store
is used synchronously from the event loop, so a round trip is time the whole process waits.
A transaction therefore runs in psycopg's pipeline mode: `BEGIN`, locks and writes are sent
without waiting for their results, and the process waits only where it reads a result (a
call, an application, an idempotency key: each read sends whatever was queued before it) and
once at the commit (the queued writes, one `pg_notify` per channel, `COMMIT`). An error of a
statement sent earlier surfaces at the next read or at the commit, and rolls the transaction
back there as it would have where it happened. Statements that are a unit of work alone
(claiming leased rows, recording a delivery) run as one statement, without `BEGIN`/`COMMIT`.
psycopg prepares a statement after its 5th use (`prepare_threshold`, the default), so the
server parses and plans each of these once per connection.

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

import contextlib
import json
from contextlib import ExitStack
from typing import Any

import psycopg
from psycopg.rows import dict_row

from . import Row, Tries
from .postgres_schema import NOW, SCHEMA, SCHEMA_LOCK
from .postgres_shared import SharedRows

OUTBOX_INSERT = (
    "INSERT INTO outbox (event_id, account, call_control_id, order_key, event, "
    "event_type, envelope, url, failover_url, timeout, body, status, attempts, "
    "next_attempt_at, created_at) VALUES (%(event_id)s, %(account)s, %(call_control_id)s, "
    "%(order_key)s, %(event)s, %(event_type)s, %(envelope)s, %(url)s, %(failover_url)s, %(timeout)s, "
    "%(body)s, 'pending', 0, %(next_attempt_at)s, %(created_at)s)"
)


def _record_sql(with_owner: bool) -> str:
    """One attempt's result as one statement: the row settled (and its lease released: only
    while `owner` holds it, with one) and its tries added, in order; the seq when it was."""
    owner = " AND lease_owner = %(owner)s" if with_owner else ""
    return (
        "WITH done AS (UPDATE outbox SET status = %(status)s, attempts = %(attempt)s, "
        "next_attempt_at = %(next)s, delivered_to = %(to)s, lease_owner = NULL, lease_until = NULL "
        f"WHERE seq = %(seq)s{owner} RETURNING seq), "
        "tried AS (INSERT INTO deliveries (seq, attempt, url, status_code, error, at) "
        "SELECT done.seq, %(attempt)s, t.url, t.code::integer, t.err, t.at FROM done, "
        "unnest(%(urls)s::text[], %(codes)s::text[], %(errs)s::text[], %(ats)s::text[]) "
        "WITH ORDINALITY AS t(url, code, err, at, n) ORDER BY t.n) "
        "SELECT seq FROM done"
    )


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
        self._pipeline: ExitStack | None = None

    def conflicted(self, exc: BaseException) -> bool:
        return isinstance(exc, (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure))

    # ---- transactions: pipelined ---------------------------------------------------
    def _begin(self) -> None:
        stack = ExitStack()
        stack.enter_context(self.db.pipeline())
        self._pipeline = stack
        self.db.execute("BEGIN")

    def _commit(self) -> None:
        """The queued statements, the transaction's notifications and COMMIT, sent together;
        waits for them all (an error of any of them is raised here, and rolls back)."""
        for channel, payload in self._notes.items():
            self.db.execute("SELECT pg_notify(%s, %s)", (channel, payload))
        self.db.execute("COMMIT")
        stack, self._pipeline = self._pipeline, None
        if stack is not None:
            stack.close()

    def _rollback(self) -> None:
        stack, self._pipeline = self._pipeline, None
        if stack is not None:
            with contextlib.suppress(psycopg.Error):  # an error of what was sent (the reason, or its echo) is moot
                stack.close()
        self.db.execute("ROLLBACK")

    def _publish(self, notes: dict[str, str]) -> None:
        for channel, payload in notes.items():
            self._q("SELECT pg_notify(%s, %s)", (channel, payload))

    def _q(self, sql: str, args: Any = ()) -> Any:
        """A statement written with `?` placeholders (the shared ones) or psycopg's own."""
        return self.db.execute(sql.replace("?", "%s"), args)

    def now(self) -> float:
        """The database's clock (seconds since the epoch)."""
        return float(self._q(f"SELECT {NOW} AS t").fetchone()["t"])

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

    def queue_members(self, account: str, queue: str) -> list[str]:
        rows = self._q(
            "SELECT data FROM calls WHERE alive = 1 AND account = %s AND data::jsonb #>> '{features,queue,name}' = %s",
            (account, queue),
        )
        return [r["data"] for r in rows]

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
            return int(self._q(OUTBOX_INSERT + " RETURNING seq", row).fetchone()["seq"])

    def queue_outbox(self, row: dict[str, Any]) -> None:
        """Sent with the transaction's other writes, not waited for (no seq read back)."""
        from .dispatch import OUTBOX_CHANNEL

        with self.tx():
            self._q(OUTBOX_INSERT, row)
            self.notify(OUTBOX_CHANNEL, row["order_key"])

    @staticmethod
    def _record_args(
        seq: int,
        attempt: int,
        tries: Tries,
        status: str,
        next_attempt_at: float,
        delivered_to: str | None,
        owner: str | None,
    ) -> dict[str, Any]:
        return {
            "seq": seq,
            "attempt": attempt,
            "status": status,
            "next": next_attempt_at,
            "to": delivered_to,
            "owner": owner,
            "urls": [t[0] for t in tries],
            "codes": [None if t[1] is None else str(t[1]) for t in tries],
            "errs": [t[2] for t in tries],
            "ats": [t[3] for t in tries],
        }

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
        """The result of one attempt, one statement. With `owner`, only while that owner holds
        the row's lease (then the lease is released); False when it no longer does, and nothing
        is recorded."""
        args = self._record_args(seq, attempt, tries, status, next_attempt_at, delivered_to, owner)
        return bool(self._q(_record_sql(owner is not None), args).fetchall())

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
        """The result recorded and the leg's next head claimed: two statements sent together
        (one round trip); outside a transaction they are one implicit transaction, ended by the
        pipeline's sync."""
        args = self._record_args(row["seq"], attempt, tries, status, next_attempt_at, delivered_to, owner)
        sql, claim_args = self._claim_heads_sql(owner, lease_secs, 1, row["order_key"])
        with self._lock, self.db.pipeline():
            recorded = self._q(_record_sql(True), args)
            claimed = self._q(sql, claim_args)
        return bool(recorded.fetchall()), sorted(claimed.fetchall(), key=lambda r: r["seq"])

    def _deliveries_rows(self, seqs: list[int]) -> Any:
        return self._q("SELECT * FROM deliveries WHERE seq = ANY(%s) ORDER BY id", (list(seqs),))
