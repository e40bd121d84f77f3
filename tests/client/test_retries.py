"""Retries: which requests, how often, how long apart, and with the same command_id.

How long the client waits is observed through its ``sleep`` (and ``clock``, for dates), which
these tests replace: no test depends on how fast the machine is.
"""

from __future__ import annotations

import asyncio
import email.utils
import logging

import pytest
from telnyx_call_control import (
    APIConnectionError,
    APITimeoutError,
    AsyncClient,
    Client,
    InternalServerError,
    RateLimitError,
)

from .conftest import FAST, SECRETS
from .fixtures import application, page
from .server import Reply, ScriptedServer
from .waits import Sleeps

ANSWER = "/calls/abc/actions/answer"
APPS = "/v2/call_control_applications"


NOW = 1_800_000_000.0


def recorded(client: Client) -> Sleeps:
    """Replace the client's sleep and clock: the waits are recorded, the time is ``NOW``."""
    sleeps = Sleeps()
    client.sleep = sleeps
    client.clock = lambda: NOW
    return sleeps


@pytest.mark.parametrize("status", [408, 409, 429, 500, 502, 503, 504])
def test_retryable_statuses_are_retried(client: Client, server: ScriptedServer, status: int) -> None:
    server.on("POST", ANSWER, Reply(status, {}), Reply(200, {"result": "ok"}))
    raw = client.calls.with_raw_response.answer("abc")
    assert raw.retries_taken == 1 and raw.parse().result == "ok"


def test_backoff_grows_with_jitter_and_command_id_is_reused(server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(503, {}), Reply(503, {}), Reply(200, {"result": "ok"}))
    client = Client(base_url=server.base_url, **SECRETS, initial_retry_delay=0.2, max_retry_delay=1.0)
    sleeps = recorded(client)
    assert client.calls.answer("abc").result == "ok"
    seen = server.seen("POST", ANSWER)
    assert len(seen) == 3
    first, second = sleeps.waits
    # 0.2 s then 0.4 s, each less up to 25 % jitter.
    assert 0.15 <= first <= 0.2, first
    assert 0.3 <= second <= 0.4, second
    ids = {r.json()["command_id"] for r in seen}
    assert len(ids) == 1 and len(ids.pop()) == 36


def test_caller_command_id_is_kept_across_retries(client: Client, server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(500, {}), Reply(200, {"result": "ok"}))
    client.calls.answer("abc", command_id="mine-1")
    assert [r.json()["command_id"] for r in server.seen("POST", ANSWER)] == ["mine-1", "mine-1"]


def test_each_call_gets_a_fresh_command_id(client: Client, server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(200, {"result": "ok"}))
    client.calls.answer("abc")
    client.calls.answer("abc")
    first, second = (r.json()["command_id"] for r in server.seen("POST", ANSWER))
    assert first != second


def test_retry_after_seconds_is_honoured(client: Client, server: ScriptedServer) -> None:
    sleeps = recorded(client)
    server.on("POST", ANSWER, Reply(429, {}, headers={"Retry-After": "1"}), Reply(200, {"result": "ok"}))
    client.calls.answer("abc")
    assert sleeps.waits == [1.0]
    assert len(server.seen("POST", ANSWER)) == 2


def test_retry_after_http_date_and_ms(client: Client, server: ScriptedServer) -> None:
    sleeps = recorded(client)
    when = email.utils.formatdate(NOW + 2, usegmt=True)
    server.on("GET", f"{APPS}/1", Reply(503, {}, headers={"Retry-After": when}), Reply(200, {"data": application(1)}))
    client.call_control_applications.retrieve("1")
    server.on("POST", ANSWER, Reply(429, {}, headers={"retry-after-ms": "700"}), Reply(200, {"result": "ok"}))
    client.calls.answer("abc")
    assert sleeps.waits == [2.0, 0.7]  # the date counted from the client's clock


def test_retry_after_is_capped(server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(429, {}, headers={"Retry-After": "3600"}), Reply(200, {"result": "ok"}))
    client = Client(base_url=server.base_url, **SECRETS, max_retry_after=0.3)
    sleeps = recorded(client)
    assert client.calls.answer("abc").result == "ok"
    assert sleeps.waits == [0.3]


def test_gives_up_after_max_retries(client: Client, server: ScriptedServer) -> None:
    sleeps = recorded(client)
    server.on("POST", ANSWER, Reply(429, {"errors": [{"code": "10011", "title": "Too many requests"}]}))
    with pytest.raises(RateLimitError) as info:
        client.calls.answer("abc")
    assert len(server.seen("POST", ANSWER)) == 3  # the default max_retries is 2
    assert len(sleeps.waits) == 2
    assert info.value.errors[0].code == "10011"
    server.reset()
    server.on("POST", ANSWER, Reply(500, {}))
    with pytest.raises(InternalServerError):
        client.with_options(max_retries=0).calls.answer("abc")
    assert len(server.seen("POST", ANSWER)) == 1


def test_non_idempotent_post_is_not_retried(client: Client, server: ScriptedServer) -> None:
    server.on("POST", APPS, Reply(503, {}), Reply(201, {"data": application(1)}))
    with pytest.raises(InternalServerError):
        client.call_control_applications.create(application_name="a", webhook_event_url="https://e.com")
    assert len(server.seen("POST", APPS)) == 1


def test_get_and_marked_patch_are_retried(client: Client, server: ScriptedServer) -> None:
    server.on("GET", APPS, Reply(502, {}), Reply(200, page(1, 1)))
    assert len(client.call_control_applications.list().data) == 2
    server.on("PATCH", f"{APPS}/1", Reply(500, {}), Reply(200, {"data": application(1)}))
    client.call_control_applications.update("1", application_name="a", webhook_event_url="https://e.com")
    assert len(server.seen("PATCH", f"{APPS}/1")) == 2


def test_connection_errors_are_retried_then_raised(caplog: pytest.LogCaptureFixture) -> None:
    from .server import free_socket

    sock = free_socket()  # bound, never listening: connections are refused
    url = f"http://127.0.0.1:{sock.getsockname()[1]}"
    client = Client(base_url=url, **SECRETS, **FAST)
    sleeps = recorded(client)
    caplog.set_level(logging.DEBUG, logger="telnyx_call_control")
    with pytest.raises(APIConnectionError) as info:
        client.calls.answer("abc")
    assert not isinstance(info.value, APITimeoutError)
    first, second = sleeps.waits  # two waits, growing: 0.05 then 0.1, less up to 25 %
    assert 0.0375 <= first <= 0.05 and 0.075 <= second <= 0.1, sleeps.waits
    assert [r.http_status for r in caplog.records] == ["ConnectError"] * 3  # type: ignore[attr-defined]
    sock.close()


def test_timeouts_are_retried_for_idempotent_requests(server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(200, {"result": "slow"}, delay=0.5), Reply(200, {"result": "ok"}))
    client = Client(base_url=server.base_url, **SECRETS, **FAST, timeout=0.25)
    assert client.calls.answer("abc").result == "ok"
    server.on("POST", APPS, Reply(201, {"data": application(1)}, delay=0.5))
    with pytest.raises(APITimeoutError):
        client.call_control_applications.create(application_name="a", webhook_event_url="https://e.com")
    assert len(server.seen("POST", APPS)) == 1


def test_async_retries_reuse_command_id_and_honour_retry_after(server: ScriptedServer) -> None:
    server.on(
        "POST",
        ANSWER,
        Reply(503, {}, headers={"Retry-After": "0.5"}),
        Reply(500, {}),
        Reply(200, {"result": "ok"}),
    )

    sleeps = Sleeps()

    async def main() -> int:
        async with AsyncClient(base_url=server.base_url, **SECRETS, **FAST) as client:
            client.sleep = sleeps.wait
            raw = await client.calls.with_raw_response.answer("abc")
            return raw.retries_taken

    assert asyncio.run(main()) == 2
    seen = server.seen("POST", ANSWER)
    assert len({r.json()["command_id"] for r in seen}) == 1
    assert sleeps.waits[0] == 0.5  # Retry-After
    assert 0.075 <= sleeps.waits[1] <= 0.1  # then the backoff: 0.05 doubled, less jitter
