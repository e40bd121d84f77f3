"""The pytest plugin (entry point ``pytest11: telnyx_cc``): the reference server and everything around it.

Fixtures:

* ``telnyx_server``: one reference server per test session (free port, ``STATE_DB=:memory:``,
  fresh credentials and signing key, ``TIME_SCALE`` from ``--telnyx-time-scale`` or the
  ``telnyx_time_scale`` ini option, default 0.01); stopped at the end of the session.
* ``telnyx_fresh_server``: the same, one per test.
* ``telnyx_server_factory``: ``start(time_scale=..., env={...})`` for other settings; all stopped after the test.
* ``telnyx_credentials``: base URL, keys and the webhook public key of ``telnyx_server``.
* ``telnyx_client``: ``telnyx_call_control.Client`` for it; ``telnyx_sim``: the typed simulator client.
* ``webhook_receiver``: verifies signatures with the server's key; ``wait_for(event, call_control_id=, timeout=)``.
* ``telnyx``: all of these wired together (:class:`toolkit.testbed.Testbed`), on ``telnyx_server``.
* ``fuzz_webhooks``: runs the webhook-handler fuzzer against a URL (:mod:`fuzzer.handlers`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from .receiver import WebhookReceiver
from .server import Credentials, RefServer
from .testbed import Testbed

DEFAULT_TIME_SCALE = "0.01"


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("telnyx_cc", "Telnyx Call Control reference server")
    group.addoption(
        "--telnyx-time-scale",
        default=None,
        help=f"TIME_SCALE of the reference servers the fixtures start (default {DEFAULT_TIME_SCALE})",
    )
    parser.addini("telnyx_time_scale", "TIME_SCALE of the reference servers the fixtures start", default=None)


def _time_scale(config: pytest.Config) -> float:
    raw = config.getoption("--telnyx-time-scale") or config.getini("telnyx_time_scale") or DEFAULT_TIME_SCALE
    return float(raw)


@pytest.fixture(scope="session")
def telnyx_server(pytestconfig: pytest.Config) -> Iterator[RefServer]:
    with RefServer(time_scale=_time_scale(pytestconfig)) as server:
        yield server


@pytest.fixture
def telnyx_server_factory(pytestconfig: pytest.Config) -> Iterator[Callable[..., RefServer]]:
    started: list[RefServer] = []

    def start(*, time_scale: float | None = None, env: dict[str, str] | None = None) -> RefServer:
        scale = _time_scale(pytestconfig) if time_scale is None else time_scale
        server = RefServer(time_scale=scale, env=env)
        started.append(server)
        return server.start()

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def telnyx_fresh_server(telnyx_server_factory: Callable[..., RefServer]) -> RefServer:
    return telnyx_server_factory()


@pytest.fixture
def telnyx_credentials(telnyx_server: RefServer) -> Credentials:
    return telnyx_server.credentials


@pytest.fixture
def telnyx_client(telnyx_server: RefServer) -> Iterator[Any]:
    client = telnyx_server.client()
    yield client
    client.close()


@pytest.fixture
def telnyx_sim(telnyx_server: RefServer) -> Iterator[Any]:
    sim = telnyx_server.sim()
    yield sim
    sim.close()


@pytest.fixture
def webhook_receiver(telnyx_server: RefServer) -> Iterator[WebhookReceiver]:
    with WebhookReceiver(telnyx_server.public_key) as receiver:
        yield receiver


@pytest.fixture
def telnyx(telnyx_server: RefServer, webhook_receiver: WebhookReceiver) -> Iterator[Testbed]:
    bed = Testbed(telnyx_server, webhook_receiver)
    yield bed
    bed.close()


@pytest.fixture
def fuzz_webhooks() -> Callable[..., Any]:
    """``fuzz_webhooks(url, signing_key=..., seed=..., report_dir=...)``: a :class:`fuzzer.handlers.Report`."""
    from fuzzer.handlers import run

    return run
