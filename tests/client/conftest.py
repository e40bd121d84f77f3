"""Fixtures: the scripted server (one per session, reset per test) and clients pointed at it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from telnyx_call_control import AsyncClient, Client

from .server import ScriptedServer, serve

SECRETS = {"api_key": "v2-SECRET-api-key", "v1_key": "v1-KEY-id", "v1_secret": "v1-SECRET-value"}
FAST = {"initial_retry_delay": 0.05, "max_retry_delay": 0.2, "max_retry_after": 3.0}


@pytest.fixture(scope="session")
def _server() -> Iterator[ScriptedServer]:
    yield from serve()


@pytest.fixture
def server(_server: ScriptedServer) -> ScriptedServer:
    _server.reset()
    return _server


@pytest.fixture
def client(server: ScriptedServer) -> Iterator[Client]:
    with Client(base_url=server.base_url, timeout=5, strict=True, **SECRETS, **FAST) as c:
        yield c


@pytest.fixture
def async_client(server: ScriptedServer) -> AsyncClient:
    return AsyncClient(base_url=server.base_url, timeout=5, strict=True, **SECRETS, **FAST)
