"""The reference server's state storage: one interface, two implementations.

`Storage` is what the server asks of its state database (applications, calls, the webhook
outbox and its delivery attempts, idempotency keys, recordings, settings), one short
transaction per unit of work with hooks run after a commit or a rollback. Two classes
implement it and pass the same test suite (tests/storage):

* `refserver.store.Store`: SQLite, the embedded default (`STATE_DB` a path or `:memory:`),
  and `refserver.storage.sqlite.SqliteStore`, the same with the `SharedStorage` primitives;
* `refserver.storage.postgres.PostgresStore`: PostgreSQL (`STATE_DB=postgresql://...`),
  the database several server processes, on one host or several, can share.

`open_storage(state_db)` picks the implementation from the `STATE_DB` value.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from typing import Any, Protocol, runtime_checkable

Row = Mapping[str, Any]

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres(state_db: str) -> bool:
    return state_db.startswith(POSTGRES_SCHEMES)


@runtime_checkable
class Storage(Protocol):
    """The state database, as the server uses it (every method is synchronous and short)."""

    path: str

    def close(self) -> None: ...

    # ---- transactions --------------------------------------------------------------
    def tx(self) -> AbstractContextManager[Any]:
        """One transaction; nested uses join the outer one. Committed on exit, rolled back
        on an exception."""
        ...

    def after_commit(self, fn: Callable[[], None]) -> None:
        """Run `fn` once the current transaction commits (at once outside one); never if it
        is rolled back."""
        ...

    def on_rollback(self, fn: Callable[[], None]) -> None:
        """Run `fn` if the current transaction is rolled back (never outside one)."""
        ...

    # ---- settings ----------------------------------------------------------------
    def setting(self, name: str) -> str | None: ...

    def set_setting(self, name: str, value: str) -> None: ...

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

    def pending_outbox(self) -> list[Row]: ...

    def record_delivery(
        self,
        seq: int,
        attempt: int,
        tries: list[tuple[str, int | None, str | None, str]],
        status: str,
        next_attempt_at: float,
        delivered_to: str | None,
    ) -> None: ...

    def outbox_for_key(self, order_key: str) -> list[Row]: ...

    def outbox_recent(self, status: str | None, limit: int, account: str | None = None) -> list[Row]: ...

    def deliveries_for(self, seqs: list[int]) -> dict[int, list[dict[str, Any]]]: ...


@runtime_checkable
class SharedStorage(Storage, Protocol):
    """What running timers and deliveries from the database (rather than one process's memory)
    takes: both implementations offer it (`SqliteStore` for one process, `PostgresStore` for
    several). Owners are names unique to a process; a lease is held until its time is past."""

    def now(self) -> float:
        """The clock leases and due times are compared against (seconds since the epoch)."""
        ...

    def count_live_calls(self, connection_id: str, direction: str) -> int: ...

    def lock(self, key: str) -> None:
        """Exclude other transactions that lock `key` until this one ends (only inside one)."""
        ...

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
        """With `owner`: recorded only while the owner holds the row's lease (then released)."""
        ...

    def claim_heads(self, owner: str, lease_secs: float, limit: int = 64, order_key: str | None = None) -> list[Row]:
        """Lease the due, unleased head (oldest pending row) of up to `limit` call legs, for the
        row's own timeouts (primary, and failover if any) plus `lease_secs`."""
        ...

    def next_outbox_due(self) -> float | None: ...

    def put_timer(self, call_id: str, name: str, delay: float, kind: str, args: dict[str, Any]) -> None: ...

    def cancel_timers(self, call_id: str, *names: str) -> None: ...

    def timers_of(self, call_id: str) -> list[Row]: ...

    def claim_timers(self, owner: str, lease_secs: float, limit: int = 64) -> list[Row]: ...

    def finish_timer(self, timer_id: int, owner: str) -> bool: ...

    def next_timer_due(self) -> float | None: ...

    def add_script(self, account: str | None, to: str, script: dict[str, Any]) -> None: ...

    def clear_scripts(self, account: str | None) -> None: ...

    def take_script(self, to: str, account: str) -> dict[str, Any] | None:
        """The latest script for `to` of the account's or of every account, one of its `times` used."""
        ...

    def notify(self, channel: str, payload: str = "") -> None:
        """Wake the listeners of `channel` once the current transaction commits."""
        ...

    def listen(self, *channels: str) -> AbstractAsyncContextManager[Any]: ...


def open_storage(state_db: str, synchronous: str = "NORMAL") -> SharedStorage:
    """The storage `STATE_DB` names: a PostgreSQL URL, else a SQLite path (or `:memory:`)."""
    if is_postgres(state_db):
        from .postgres import PostgresStore

        return PostgresStore(state_db)
    from .sqlite import SqliteStore

    return SqliteStore(state_db, synchronous)
