"""The store the server's parts are typed against: the state database's one interface.

`Store` is `refserver.storage.Storage` (applications, calls, the webhook outbox and its
deliveries, idempotency keys, recordings, settings, timer rows, scripts, transactions with
their hooks, leases, `lock()`, `notify()` / `listen()`). `open_storage(STATE_DB)` gives one
of its two implementations: SQLite (`refserver.storage.sqlite.SqliteStore`, the embedded
default) or PostgreSQL (`refserver.storage.postgres.PostgresStore`, shared by processes).
"""

from __future__ import annotations

from .storage import Row, Storage, Tries, open_storage

Store = Storage

__all__ = ["Row", "Store", "Tries", "open_storage"]
