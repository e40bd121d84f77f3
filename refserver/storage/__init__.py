"""The reference server's state storage: one interface, two implementations.

`Storage` is what the server asks of its state database (applications, calls, the webhook
outbox and its delivery attempts, idempotency keys, recordings, settings, timer rows, the
simulator's scripts), one short transaction per unit of work with hooks run after a commit or
a rollback, and what running timers and deliveries from the database rather than from one
process's memory takes (leases, `lock()`, `notify()` / `listen()`). The server's parts are
typed against it (`refserver.store.Store` is the same interface). Two classes implement all
of it and pass the same test suite (tests/storage):

* `refserver.storage.sqlite.SqliteStore`: SQLite, the embedded default (`STATE_DB` a path
  or `:memory:`), for one process;
* `refserver.storage.postgres.PostgresStore`: PostgreSQL (`STATE_DB=postgresql://...`),
  the database several server processes, on one host or several, can share.

`open_storage(state_db)` picks the implementation from the `STATE_DB` value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from typing import Any, Protocol, runtime_checkable

Row = Mapping[str, Any]
# the tries of one delivery attempt: (url, status code or None, error or None, ISO time), primary then failover
Tries = list[tuple[str, int | None, str | None, str]]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(state_db: str) -> bool:
    return state_db.startswith(POSTGRES_SCHEMES)


class Listener(Protocol):
    async def wait(self, timeout: float | None) -> list[tuple[str, str]]:
        """The (channel, payload) notifications that came, waiting up to `timeout` seconds for
        the first ([] when none came)."""
        ...


@runtime_checkable
class Storage(Protocol):
    """The state database, as the server uses it (every method is synchronous and short).

    Owners are names unique to a process; a lease is held until its time is past."""

    path: str

    def close(self) -> None: ...

    def now(self) -> float:
        """The clock leases and due times are compared against (seconds since the epoch)."""
        ...

    # ---- transactions --------------------------------------------------------------
    def tx(self) -> AbstractContextManager[Any]:
        """One transaction; nested uses join the outer one. Committed on exit, rolled back
        on an exception (also one the commit raises)."""
        ...

    def in_transaction(self) -> bool:
        """Whether a transaction is open (`tx()`)."""
        ...

    def conflicted(self, exc: BaseException) -> bool:
        """Whether `exc` is the database aborting a transaction over a conflict with another
        process's (a deadlock, a serialization failure): nothing of it was kept, and the same
        work may simply be done again."""
        ...

    def after_commit(self, fn: Callable[[], None]) -> None:
        """Run `fn` once the current transaction commits (at once outside one); never if it
        is rolled back."""
        ...

    def on_rollback(self, fn: Callable[[], None]) -> None:
        """Run `fn` if the current transaction is rolled back (never outside one)."""
        ...

    def lock(self, key: str) -> None:
        """Exclude other transactions that lock `key` until this one ends (only inside one).
        Held from when the database runs it: whatever the transaction reads or writes after
        `lock()` is read and written under it (PostgreSQL sends it with the next read or the
        commit, so the call may return before another transaction has let go of the key)."""
        ...

    def notify(self, channel: str, payload: str = "") -> None:
        """Wake the listeners of `channel` once the current transaction commits (at once outside
        one): once per channel and transaction, with the first payload given."""
        ...

    def listen(self, *channels: str) -> AbstractAsyncContextManager[Listener]: ...

    # ---- settings ----------------------------------------------------------------
    def setting(self, name: str) -> str | None: ...

    def set_setting(self, name: str, value: str) -> None: ...

    def add_setting(self, name: str, value: str) -> str:
        """Set `name` unless it is set; the value it has (the first process's, when several race)."""
        ...

    # ---- applications ------------------------------------------------------------
    def last_created_at(self) -> str | None: ...

    def put_application(self, account: str, app: dict[str, Any], deleted: bool = False) -> None: ...

    def get_application(
        self, app_id: str, account: str | None = None, include_deleted: bool = False
    ) -> dict[str, Any] | None: ...

    def application_account(self, app_id: str) -> str | None: ...

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
    ) -> tuple[list[dict[str, Any]], int]: ...

    # ---- calls -------------------------------------------------------------------
    def put_call(self, call_id: str, account: str, leg_id: str, alive: bool, data: str) -> None: ...

    def get_call(self, call_id: str) -> str | None: ...

    def live_calls(self) -> list[str]: ...

    def count_live_calls(self, connection_id: str, direction: str) -> int: ...

    def queue_members(self, account: str, queue: str) -> list[str]:
        """The records of an account's live calls in a queue (`features.queue.name`), whichever
        process put them there."""
        ...

    # ---- idempotency -------------------------------------------------------------
    def seen_command(self, scope: str, command_id: str, window: float) -> str | bool | None:
        """The stored result of a command seen within `window` seconds (None when it stored
        none), else False."""
        ...

    def remember_command(self, scope: str, command_id: str, result: str | None = None) -> None: ...

    def prune_commands(self, window: float) -> None: ...

    # ---- recordings --------------------------------------------------------------
    def put_recording(self, rec_id: str, account: str, leg_id: str, fmt: str, duration: float) -> None: ...

    def get_recording(self, rec_id: str) -> Row | None: ...

    # ---- outbox ------------------------------------------------------------------
    def add_outbox(self, row: dict[str, Any]) -> int:
        """A new pending webhook; its `seq` (increasing in creation order)."""
        ...

    def queue_outbox(self, row: dict[str, Any]) -> None:
        """A new pending webhook for whichever process claims its leg's head, the deliverers
        woken when the transaction commits; its `seq` is not returned (on PostgreSQL the row
        is sent without waiting for the database)."""
        ...

    def pending_outbox(self) -> list[Row]: ...

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
        """The result of one attempt: True when recorded. With `owner`, only while that owner
        holds the row's lease (then released); False, and nothing recorded, when it does not."""
        ...

    def claim_heads(self, owner: str, lease_secs: float, limit: int = 64, order_key: str | None = None) -> list[Row]:
        """Lease the due, unleased head (oldest pending row) of up to `limit` call legs, for the
        row's own timeouts (primary, and failover if any) plus `lease_secs`; oldest first."""
        ...

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
        """`record_delivery(row's seq, ..., owner=owner)`, then the next head of the row's leg
        leased to the same owner (`claim_heads(owner, lease_secs, 1, row's order_key)`, whether or
        not the result was recorded: a free head is anyone's): whether the result was recorded,
        and the rows claimed, which the caller must deliver. One round trip on PostgreSQL."""
        ...

    def next_outbox_due(self) -> float | None:
        """Seconds until the earliest pending head could be claimed (0: now), None when none is pending."""
        ...

    def claim_heads_and_next_due(self, owner: str, lease_secs: float, limit: int) -> tuple[list[Row], float | None]:
        """`claim_heads(owner, lease_secs, limit)` (nothing claimed with `limit` 0), then
        `next_outbox_due()`: what a deliverer does when woken, in one round trip on PostgreSQL."""
        ...

    def outbox_for_key(self, order_key: str) -> list[Row]: ...

    def outbox_recent(self, status: str | None, limit: int, account: str | None = None) -> list[Row]: ...

    def deliveries_for(self, seqs: list[int]) -> dict[int, list[dict[str, Any]]]: ...

    # ---- durable timers ----------------------------------------------------------
    def put_timer(self, call_id: str, name: str, delay: float, kind: str, args: dict[str, Any]) -> None: ...

    def cancel_timers(self, call_id: str, *names: str) -> None: ...

    def timers_of(self, call_id: str) -> list[Row]: ...

    def claim_timers(self, owner: str, lease_secs: float, limit: int = 64) -> list[Row]: ...

    def finish_timer(self, timer_id: int, owner: str) -> bool: ...

    def next_timer_due(self) -> float | None: ...

    def claim_timers_and_next_due(self, owner: str, lease_secs: float, limit: int) -> tuple[list[Row], float | None]:
        """`claim_timers(owner, lease_secs, limit)`, then `next_timer_due()` (the claimed rows count
        as leased): one round trip on PostgreSQL."""
        ...

    # ---- the simulator's far-end scripts ------------------------------------------
    def add_script(self, account: str | None, to: str, script: dict[str, Any]) -> None: ...

    def clear_scripts(self, account: str | None) -> None: ...

    def take_script(self, to: str, account: str) -> dict[str, Any] | None:
        """The latest script for `to` of the account's or of every account, one of its `times` used."""
        ...


# The name the first PostgreSQL version gave the shared part (refserver/calls/engine.py checks it):
# both implementations offer all of `Storage`, so it is the same interface.
SharedStorage = Storage


def open_storage(state_db: str, synchronous: str = "NORMAL") -> Storage:
    """The storage `STATE_DB` names: a PostgreSQL URL, else a SQLite path (or `:memory:`)."""
    if is_postgres(state_db):
        from .postgres import PostgresStore

        return PostgresStore(state_db)
    from .sqlite import SqliteStore

    return SqliteStore(state_db, synchronous)
