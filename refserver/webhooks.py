"""Webhooks: rendered from the spec's entries, kept in a durable outbox, delivered signed.

Rendering. An event has an envelope-independent name (`x-event`, e.g. `call.answered`).
The application's `webhook_api_version` picks the spec entry with that `x-envelope`; the
entry gives the wire name (`x-event-type`), where it sits (`x-event-type-pointer`, hence
the event object is the pointer's parent: the body or `/data`), the time field its schema requires
(`created_at` or `occurred_at`), whether the body has a `meta`, and the payload fields
its schema allows (fields it does not list are left out: `call.recording.saved` has no
`call_control_id`). No event name is written in this module.

Delivery. Every webhook is a row of the outbox table, committed with the state change
that caused it; once that transaction commits, the row is also put in memory on its
call leg's lane (a FIFO), and a task per non-empty lane posts its rows: at least once,
signed as the spec's `x-webhook-signature` says (refserver/signing.py), with the application's `webhook_timeout_secs`
(null or 0: 2 s), to the failover URL when the primary fails, and again later on the
retry schedule (WEBHOOK_RETRY_SCHEDULE, real seconds) until it is acknowledged or the
schedule is exhausted (`failed`). A leg's webhooks go one at a time, in creation order
(a row waiting for its retry holds back the rows behind it); legs are delivered
concurrently, fairly: each account has its own PER_ACCOUNT slots, and within them at most
PER_DESTINATION at once to one origin, over kept-alive connections (refserver/httpclient.py).
No slot is shared between accounts, so one account's dead receiver (every delivery hanging
until its timeout) never holds back another account's webhooks; and since PER_DESTINATION <
PER_ACCOUNT, it holds back the same account's other destinations by at most one timeout. Each attempt's result is
committed before the lane moves on. Rows survive restarts: start() reloads every
pending row from the table, and delivery resumes where it stopped. Nothing polls the
table: a webhook goes out as soon as its transaction commits and its lane is free.

Shared state (STATE_DB=postgresql://...): several processes deliver from the same outbox, so
there are no lanes in memory. The row's transaction also notifies every process (LISTEN/
NOTIFY); any of them leases the leg's head, posts it as above and records the result while
it still holds the lease, which frees the leg's next row (refserver/storage/dispatch.py).
A process killed mid-delivery loses its lease when the webhook's timeouts and a margin have
passed, and another posts the row again: at least once, with the same event id.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import json
import logging
import re
import time
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from .config import Config
from .faults import Faults
from .httpclient import Client, HTTPError, target
from .signing import Signer
from .spec import SpecIndex
from .storage.dispatch import Attempt, Deliveries
from .store import Store

log = logging.getLogger("refserver.webhooks")

DEFAULT_TIMEOUT = 2.0
PER_ACCOUNT = 64  # deliveries in flight for one account, all its destinations together
PER_DESTINATION = 32  # deliveries in flight for one account to one origin (scheme, host, port)
USER_AGENT = "telnyx-refserver-webhooks/0.1"


def now_iso(ts: float | None = None) -> str:
    dt = datetime.fromtimestamp(time.time() if ts is None else ts, UTC)
    return dt.strftime("%Y-%m-%dT%H:%M:%S.") + f"{dt.microsecond // 1000:03d}Z"


SECRET_QUERY = re.compile(r"(?i)(token|key|secret|pass|auth|sig|credential|session)")


def redact_url(url: str | None) -> str | None:
    """`url` with its user info and the values of secret-looking query parameters as `REDACTED`."""
    if not url:
        return url
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            netloc = "REDACTED@" + netloc.rpartition("@")[2]
        query = "&".join(
            f"{name}=REDACTED" if sep and SECRET_QUERY.search(name) else f"{name}{sep}{value}"
            for name, sep, value in (pair.partition("=") for pair in parts.query.split("&") if pair)
        )
        return urlunsplit((parts.scheme, netloc, parts.path, query, parts.fragment))
    except ValueError:
        return "REDACTED (not a URL)"


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
        self._lanes: dict[str, collections.deque[dict[str, Any]]] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._per_destination: dict[tuple[str, tuple[str, str, int]], asyncio.Semaphore] = {}
        self._per_account: dict[str, asyncio.Semaphore] = {}
        self._client: Client | None = None
        self._started = False
        self._stopping = False
        self._fault_counts: dict[str, int] = {}
        # PostgreSQL (STATE_DB=postgresql://...): delivery from the database, by any process (storage/dispatch.py)
        self.shared = cfg.shared
        self._deliveries: Deliveries | None = None

    # ---- rendering ---------------------------------------------------------------
    def render(self, event: str, envelope: str, event_id: str, fields: dict[str, Any]) -> Any:
        entry = self.spec.webhook(event, envelope)
        obj = {
            "record_type": "event",
            "id": event_id,
            entry.pointer[-1]: entry.event_type,  # at x-event-type-pointer: the container is its parent
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
        row = {
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
        if self.shared:  # whichever process claims the leg's head posts it: all are woken at the commit
            self.store.queue_outbox(row)
            return
        row["seq"] = self.store.add_outbox(row)
        row["attempts"] = 0
        self.store.after_commit(lambda: self._queue(row))

    # ---- the dispatcher ----------------------------------------------------------
    async def start(self) -> None:
        self._client = Client(USER_AGENT)
        if self.shared:
            self._deliveries = Deliveries(self.store, self._attempt, parallel=PER_ACCOUNT)
            await self._deliveries.start()
            self._started = True
            return
        for row in self.store.pending_outbox():  # what a previous run left undelivered
            self._enqueue(dict(row))
        self._started = True

    async def stop(self) -> None:
        self._stopping = True
        if self._deliveries is not None:
            await self._deliveries.stop()
        tasks = list(self._workers.values())
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        if self._client is not None:
            await self._client.aclose()

    def _queue(self, row: dict[str, Any]) -> None:
        """After the commit of the webhook's row: hand it to its lane (rows emitted before
        start() are loaded from the outbox table by start())."""
        if self._started and not self._stopping:
            try:
                self._enqueue(row)
            except Exception:  # it stays in the table; a restart delivers it
                log.exception("could not queue outbox row %s", row.get("seq"))

    def _enqueue(self, row: dict[str, Any]) -> None:
        key = row["order_key"] if not self.faults.webhook_order else f"{row['order_key']}#{row['seq']}"
        lane = self._lanes.get(key)
        if lane is None:
            lane = self._lanes[key] = collections.deque()
        lane.append(row)
        if key not in self._workers:
            self._workers[key] = asyncio.get_running_loop().create_task(self._lane(key, lane))

    async def _lane(self, key: str, lane: collections.deque[dict[str, Any]]) -> None:
        """Deliver one lane's rows one at a time, in order; a row waiting for a retry holds
        back the rows behind it. Ends when the lane is empty."""
        try:
            while lane:
                row = lane[0]
                delay = row["next_attempt_at"] - time.time()
                if delay > 0:
                    await asyncio.sleep(delay)
                try:
                    finished = await self._deliver(row)
                except asyncio.CancelledError:
                    raise
                except Exception:  # a bug: keep the row, try again later
                    log.exception("delivery of outbox row %s failed", row["seq"])
                    row["next_attempt_at"] = time.time() + 1.0
                    continue
                if finished:
                    lane.popleft()
        finally:
            if not lane and self._lanes.get(key) is lane:
                del self._lanes[key]
            if self._workers.get(key) is asyncio.current_task():
                del self._workers[key]

    def _destination(self, account: str, url: str) -> asyncio.Semaphore:
        try:
            origin = target(url, USER_AGENT).origin
        except Exception:
            origin = ("", url[:200], 0)
        slot = self._per_destination.get((account, origin))
        if slot is None:
            slot = self._per_destination[(account, origin)] = asyncio.Semaphore(PER_DESTINATION)
        return slot

    def _account(self, account: str) -> asyncio.Semaphore:
        slot = self._per_account.get(account)
        if slot is None:
            slot = self._per_account[account] = asyncio.Semaphore(PER_ACCOUNT)
        return slot

    async def _post(self, account: str, url: str, body: bytes, timeout: float) -> tuple[int | None, str | None]:
        assert self._client is not None
        # signed once it may go: a fresh timestamp
        async with self._destination(account, url), self._account(account):
            headers = {"content-type": "application/json", **self.signer.sign(body)}
            if self.faults.webhook_bad_signature:
                header = self.signer.signature_header
                if header is not None:
                    headers[header] = self.signer.sign(body + b" ")[header]
            try:
                async with asyncio.timeout(timeout):
                    return await self._client.post(url, body, headers), None
            except TimeoutError:
                return None, f"no answer within {timeout:g} s"
            except HTTPError as exc:
                return None, str(exc)[:300]
            except Exception as exc:  # OSError mid-exchange, a URL that cannot be used, ...
                return None, f"{type(exc).__name__}: {exc}"[:300]

    async def _deliver(self, row: dict[str, Any]) -> bool:
        """One attempt (primary, then failover); recorded. True when the row is settled."""
        result = await self._attempt(row)
        if self._stopping:  # not recorded: the attempt is made again after a restart
            raise asyncio.CancelledError
        self.store.record_delivery(
            row["seq"], result.attempt, result.tries, result.status, result.next_attempt_at, result.delivered_to
        )
        row["attempts"], row["next_attempt_at"] = result.attempt, result.next_attempt_at
        return result.status != "pending"

    async def _attempt(self, row: dict[str, Any]) -> Attempt:
        """One attempt (primary, then failover), not yet recorded."""
        attempt = row["attempts"] + 1
        template = json.loads(row["body"])
        tries = []
        delivered_to = None
        for url in (row["url"], row["failover_url"]):
            if not url:
                continue
            body = self.finish(template, row["event"], row["envelope"], attempt, url)
            at = now_iso()
            code, err = await self._post(row["account"], url, body, row["timeout"])
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
        return Attempt(attempt, tries, status, next_at, delivered_to)

    # ---- reading -----------------------------------------------------------------
    def records(self, rows: list[Any]) -> list[dict[str, Any]]:
        """The webhooks as the simulator lists them; credentials in their URLs are redacted."""
        deliveries = self.store.deliveries_for([r["seq"] for r in rows])
        for tries in deliveries.values():
            for attempt in tries:
                attempt["url"] = redact_url(attempt["url"])
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
                "delivered_to": redact_url(r["delivered_to"]),
                "body": json.loads(r["body"]),
                "deliveries": deliveries[r["seq"]],
            }
            for r in rows
        ]
