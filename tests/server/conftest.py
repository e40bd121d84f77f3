"""Fixtures: one webhook receiver per session, one reference server per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.harness import Api, Receiver, RefServerProcess


@pytest.fixture(scope="session")
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    yield r
    r.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RefServerProcess]:
    db = tmp_path_factory.mktemp("state") / "refserver.sqlite3"
    proc = RefServerProcess(state_db=str(db))
    try:
        yield proc.start()
    finally:
        proc.stop()
        proc.kill()


@pytest.fixture(scope="module")
def api(server: RefServerProcess) -> Iterator[Api]:
    a = Api(server.url)
    yield a
    a.close()
