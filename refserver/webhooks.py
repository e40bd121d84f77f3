"""Webhooks: rendered from the spec's entries, kept in a durable outbox, delivered signed.

Rendering. An event has an envelope-independent name (`x-event`, e.g. `call.answered`).
The application's `webhook_api_version` picks the spec entry with that `x-envelope`; the
entry gives the wire name (`x-event-type`), where it sits (`x-event-type-pointer`, hence
whether the event object is the body or `/data`), the time field its schema requires
(`created_at` or `occurred_at`), whether the body has a `meta`, and the payload fields
its schema allows (fields it does not list are left out: `call.recording.saved` has no
`call_control_id`). No event name is written in this module.

Delivery. Every webhook is a row of the outbox table, committed with the state change
that caused it. A background task posts due rows: at least once, signed (Ed25519 over
`{timestamp}|{body}`), with the application's `webhook_timeout_secs` (null or 0: 2 s),
to the failover URL when the primary fails, and again later on the retry schedule
(WEBHOOK_RETRY_SCHEDULE, real seconds) until it is acknowledged or the schedule is
exhausted (`failed`). A call leg's webhooks go one at a time, in creation order; legs are
delivered concurrently. Rows survive restarts; delivery resumes where it stopped.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import time
import uuid
from datetime import UTC, datetime
from typing import Any

import httpx

from .config import Config
from .faults import Faults
from .signing import Signer
from .spec import SpecIndex
from .store import Store

log = logging.getLogger("refserver.webhooks")

DEFAULT_TIMEOUT = 2.0
MAX_CONCURRENT = 64
USER_AGENT = "telnyx-refserver-webhooks/0.1"


def now_iso(ts: float | None = None) -> str:
    dt = datetime.fromtimestamp(time.time() if ts is None else ts, UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


def dumps(obj: Any) -> bytes:
    return json.dumps(obj, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


class Outbox:
    def __init__(self, spec: SpecIndex, store: Store, signer: Signer, cfg: Config, faults: Faults) -> None:
        self.spec = spec
        self.store = store
        self.signer = signer
        self.cfg = cfg
        self.faults = faults
        self.schedule = cfg.retry_schedule
        self._wake = asyncio.Event()
        self._inflight_keys: set[str] = set()
        self._inflight_seqs: set[int] = set()
        self._tasks: set[asyncio.Task[None]] = set()
        self._runner: asyncio.Task[None] | None = None
        self._client: httpx.AsyncClient | None = None
        self._stopping = False
        self._fault_counts: dict[str, int] = {}

    # ---- rendering ---------------------------------------------------------------
    def render(self, event: str, envelope: str, event_id: str, fields: dict[str, Any]) -> Any:
        entry = self.spec.webhook(event, envelope)
        obj = {
            "record_type": "event",
            "id": event_id,
            "event_type": entry.event_type,
            entry.time_field: now_iso(),
            "payload": {k: v for k, v in fields.items() if k in entry.payload_fields},
        }
        body: Any = obj
        for token in reversed(entry.container):
            body = {token: body}
        return body

    def finish(self, template: Any, event: str, envelope: str, attempt: int, url: str) -> bytes:
        """The bytes of one delivery attempt (envelope 2 gets its per-attempt `meta`)."""
        if self.spec.webhook(event, envelope).has_meta:
            template = {**template, "meta": {"attempt": attempt, "delivered_to": url}}
        return dumps(template)

    def emit(
        self,
        app: dict[str, Any],
        account: str,
        event: str,
        fields: dict[str, Any],
        order_key: str,
        call_control_id: str | None,
    ) -> None:
        """Queue one webhook (inside the caller's transaction)."""
        envelope = str(app.get("webhook_api_version") or "1")
        delay = 0.0
        if self.faults.webhook_missing or self.faults.webhook_order:
            n = self._fault_counts.get(order_key, 0)
            self._fault_counts[order_key] = n + 1
            if self.faults.webhook_missing and n % 2 == 1:
                return
            if self.faults.webhook_order and n % 2 == 0:
                delay = 0.3
        event_id = str(uuid.uuid4())
        timeout = app.get("webhook_timeout_secs") or DEFAULT_TIMEOUT
        self.store.add_outbox(
            {
                "event_id": event_id,
                "account": account,
                "call_control_id": call_control_id,
                "order_key": order_key,
                "event": event,
                "event_type": self.spec.webhook(event, envelope).event_type,
                "envelope": envelope,
                "url": app["webhook_event_url"],
                "failover_url": app.get("webhook_event_failover_url") or None,
                "timeout": float(timeout),
                "body": dumps(self.render(event, envelope, event_id, fields)).decode("utf-8"),
                "next_attempt_at": time.time() + delay,
                "created_at": now_iso(),
            }
        )
        self._wake.set()

    # ---- the dispatcher ----------------------------------------------------------
    async def start(self) -> None:
        self._client = httpx.AsyncClient(
            trust_env=False,
            follow_redirects=False,
            limits=httpx.Limits(max_connections=MAX_CONCURRENT, max_keepalive_connections=16),
            headers={"user-agent": USER_AGENT},
        )
        self._runner = asyncio.create_task(self._run(), name="refserver-outbox")

    async def stop(self) -> None:
        self._stopping = True
        self._wake.set()
        tasks = [t for t in (self._runner, *self._tasks) if t is not None]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._client is not None:
            await self._client.aclose()

    async def _run(self) -> None:
        ordered = not self.faults.webhook_order
        while not self._stopping:
            self._wake.clear()
            now = time.time()
            try:
                rows = self.store.due_outbox(now, ordered, limit=4 * MAX_CONCURRENT)
            except Exception:  # the database is closing; try again
                log.exception("outbox query failed")
                rows = []
            for row in rows:
                if len(self._tasks) >= MAX_CONCURRENT:
                    break
                key, seq = row["order_key"], row["seq"]
                if seq in self._inflight_seqs or (ordered and key in self._inflight_keys):
                    continue
                self._inflight_keys.add(key)
                self._inflight_seqs.add(seq)
                task = asyncio.create_task(self._deliver(dict(row)))
                self._tasks.add(task)
                task.add_done_callback(self._tasks.discard)
            try:
                next_due = self.store.next_due()
            except Exception:
                next_due = None
            now = time.time()
            wait = 1.0 if next_due is None or next_due <= now else min(next_due - now, 1.0)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), wait)

    async def _post(self, url: str, body: bytes, timeout: float) -> tuple[int | None, str | None]:
        assert self._client is not None
        headers = {"content-type": "application/json", **self.signer.sign(body)}
        if self.faults.webhook_bad_signature:
            headers.update({k: v for k, v in self.signer.sign(body + b" ").items() if k == "telnyx-signature-ed25519"})
        try:
            response = await asyncio.wait_for(self._client.post(url, content=body, headers=headers), timeout)
        except TimeoutError:
            return None, f"no answer within {timeout:g} s"
        except httpx.HTTPError as exc:
            return None, f"{type(exc).__name__}: {exc}"[:300]
        except Exception as exc:  # e.g. a URL httpx cannot use
            return None, f"{type(exc).__name__}: {exc}"[:300]
        return response.status_code, None

    async def _deliver(self, row: dict[str, Any]) -> None:
        seq = row["seq"]
        try:
            attempt = row["attempts"] + 1
            template = json.loads(row["body"])
            tries = []
            delivered_to = None
            for url in (row["url"], row["failover_url"]):
                if not url:
                    continue
                body = self.finish(template, row["event"], row["envelope"], attempt, url)
                at = now_iso()
                code, err = await self._post(url, body, row["timeout"])
                tries.append((url, code, err, at))
                if code is not None and 200 <= code < 300:
                    delivered_to = url
                    break
            if delivered_to is not None:
                status, next_at = "delivered", time.time()
            elif attempt > len(self.schedule):
                status, next_at = "failed", time.time()
            else:
                status, next_at = "pending", time.time() + self.schedule[attempt - 1]
            if not self._stopping:
                self.store.record_delivery(seq, attempt, tries, status, next_at, delivered_to)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("delivery of outbox row %s failed", seq)
        finally:
            self._inflight_keys.discard(row["order_key"])
            self._inflight_seqs.discard(seq)
            self._wake.set()

    # ---- reading -----------------------------------------------------------------
    def records(self, rows: list[Any]) -> list[dict[str, Any]]:
        deliveries = self.store.deliveries_for([r["seq"] for r in rows])
        return [
            {
                "id": r["event_id"],
                "seq": r["seq"],
                "event": r["event"],
                "event_type": r["event_type"],
                "envelope": r["envelope"],
                "call_control_id": r["call_control_id"],
                "call_leg_id": r["order_key"],
                "status": r["status"],
                "attempts": r["attempts"],
                "delivered_to": r["delivered_to"],
                "body": json.loads(r["body"]),
                "deliveries": deliveries[r["seq"]],
            }
            for r in rows
        ]
