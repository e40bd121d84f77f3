"""Fixtures: one webhook receiver per session, one reference server per module."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.harness import Api, Receiver, RefServerProcess, started_receiver, started_server


@pytest.fixture(scope="session")
def receiver() -> Iterator[Receiver]:
    with started_receiver() as r:
        yield r


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RefServerProcess]:
    with started_server(tmp_path_factory.mktemp("state")) as proc:
        yield proc


@pytest.fixture(scope="module")
def api(server: RefServerProcess) -> Iterator[Api]:
    a = Api(server.url)
    yield a
    a.close()
