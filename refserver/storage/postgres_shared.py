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
from .base import OUTBOX_COLUMNS, SqlStore
from .postgres_schema import NOW
from .sqlite import QueueListener


class SharedRows(SqlStore):
    url: str

    # ---- delivery leases ---------------------------------------------------------
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
