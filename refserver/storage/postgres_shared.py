"""What several processes sharing one PostgreSQL database take beyond the store's rows (see
`refserver.storage.postgres`): delivery leases on a leg's head, durable timer rows claimed with
`FOR UPDATE SKIP LOCKED`, and LISTEN/NOTIFY. A mixin of `PostgresStore`."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import psycopg
from psycopg import sql

from . import Row
from .base import FIRST_OF_CALL, OUTBOX_COLUMNS, SqlStore
from .postgres_schema import NOW
from .sqlite import QueueListener

# The head (oldest pending row) of every call leg with pending rows, as (order_key, seq): a skip
# scan of the pending rows' index (one probe per leg), not a read of every pending row, so that
# claiming costs the same with a backlog of thousands of webhooks as with none.
HEADS = """heads (order_key, seq) AS (
    (SELECT order_key, seq FROM outbox WHERE status = 'pending' ORDER BY order_key, seq LIMIT 1)
    UNION ALL
    SELECT n.order_key, n.seq FROM heads h CROSS JOIN LATERAL (
        SELECT order_key, seq FROM outbox WHERE status = 'pending' AND order_key > h.order_key
        ORDER BY order_key, seq LIMIT 1
    ) n
)"""
NEXT_OUTBOX_DUE = f"""
WITH RECURSIVE {HEADS}
SELECT MIN(GREATEST(o.next_attempt_at, COALESCE(o.lease_until, 0))) - {NOW} AS wait
FROM outbox o JOIN heads h ON o.seq = h.seq
"""


CLAIM_TIMERS = f"""
WITH due AS (
    SELECT t.id FROM timers t
    WHERE t.due_at <= {NOW} AND (t.lease_until IS NULL OR t.lease_until < {NOW}) AND {FIRST_OF_CALL}
    ORDER BY t.due_at, t.id LIMIT %(limit)s
    FOR UPDATE OF t SKIP LOCKED
)
UPDATE timers SET lease_owner = %(owner)s, lease_until = {NOW} + %(lease)s
FROM due WHERE timers.id = due.id
RETURNING timers.id, timers.call_id, timers.name, timers.due_at, timers.kind, timers.args
"""

NEXT_TIMER_DUE = (
    f"SELECT MIN(GREATEST(due_at, COALESCE(lease_until, 0))) - {NOW} AS wait FROM timers t WHERE {FIRST_OF_CALL}"
)


def _timers(rows: list[Row]) -> list[Row]:
    out = [{**r, "args": json.loads(r["args"])} for r in rows]
    return sorted(out, key=lambda r: (r["due_at"], r["id"]))


def _wait(row: Row) -> float | None:
    return None if row["wait"] is None else max(float(row["wait"]), 0.0)


# the head of one leg (`%(key)s`)
ONE_HEAD = """heads (order_key, seq) AS (
    SELECT order_key, seq FROM outbox WHERE status = 'pending' AND order_key = %(key)s ORDER BY seq LIMIT 1
)"""


class SharedRows(SqlStore):
    url: str

    # ---- delivery leases ---------------------------------------------------------
    def _claim_heads_sql(
        self, owner: str, lease_secs: float, limit: int, order_key: str | None
    ) -> tuple[str, dict[str, Any]]:
        heads = ONE_HEAD if order_key is not None else HEADS
        return (
            f"""
            WITH RECURSIVE {heads}, due AS (
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
        )

    def claim_heads(self, owner: str, lease_secs: float, limit: int = 64, order_key: str | None = None) -> list[Row]:
        """Lease the head (oldest pending row) of up to `limit` call legs whose head is due and
        not leased to a live owner (a lease past its time is free again); the rows, oldest
        first. One leg's rows are thus posted one at a time, in order, by one process at a time.
        A lease lasts the row's own timeouts (primary, and failover if any) plus `lease_secs`.
        One statement (a transaction of its own outside one)."""
        rows = self._q(*self._claim_heads_sql(owner, lease_secs, limit, order_key)).fetchall()
        return sorted(rows, key=lambda r: r["seq"])

    def next_outbox_due(self) -> float | None:
        """Seconds until the earliest pending head could be claimed (0: now), None when none is pending."""
        return _wait(self._q(NEXT_OUTBOX_DUE).fetchone())

    def claim_heads_and_next_due(self, owner: str, lease_secs: float, limit: int) -> tuple[list[Row], float | None]:
        """Both statements sent together (outside a transaction, one implicit transaction)."""
        if limit <= 0:
            return [], self.next_outbox_due()
        with self._lock, self.db.pipeline():
            claimed = self._q(*self._claim_heads_sql(owner, lease_secs, limit, None))
            due = self._q(NEXT_OUTBOX_DUE)
        return sorted(claimed.fetchall(), key=lambda r: r["seq"]), _wait(due.fetchone())

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
        """Lease up to `limit` due timers no live owner holds, earliest first (`args` decoded).
        One statement (a transaction of its own outside one)."""
        return _timers(self._q(CLAIM_TIMERS, {"owner": owner, "lease": lease_secs, "limit": limit}).fetchall())

    def claim_timers_and_next_due(self, owner: str, lease_secs: float, limit: int) -> tuple[list[Row], float | None]:
        """Both statements sent together (outside a transaction, one implicit transaction)."""
        with self._lock, self.db.pipeline():
            claimed = self._q(CLAIM_TIMERS, {"owner": owner, "lease": lease_secs, "limit": limit})
            due = self._q(NEXT_TIMER_DUE)
        return _timers(claimed.fetchall()), _wait(due.fetchone())

    def finish_timer(self, timer_id: int, owner: str) -> bool:
        """The claimed timer is done (deleted); False when `owner` no longer holds it."""
        sql = "DELETE FROM timers WHERE id = %s AND lease_owner = %s RETURNING id"
        return bool(self._q(sql, (timer_id, owner)).fetchall())

    def next_timer_due(self) -> float | None:
        """Seconds until the earliest timer could be claimed (0: now), None when there is none."""
        return _wait(self._q(NEXT_TIMER_DUE).fetchone())

    # ---- notifications (`notify()` is the store's: sent at the commit) ----------------
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
