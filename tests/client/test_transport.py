"""Auth, options, raw responses, context management, logging and secret redaction."""

from __future__ import annotations

import asyncio
import base64
import logging

import httpx
import pytest
from telnyx_call_control import AsyncClient, Client, MissingCredentialsError, NotFoundError
from telnyx_call_control.resources.calls import ANSWER_WEBHOOKS, DIAL_WEBHOOKS

from .conftest import FAST, SECRETS
from .fixtures import application
from .server import Reply, ScriptedServer

ANSWER = "/calls/abc/actions/answer"
APPS = "/v2/call_control_applications"


def test_v1_operations_use_basic_and_v2_ones_bearer(client: Client, server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(200, {"result": "ok"}))
    server.on("GET", f"{APPS}/1", Reply(200, {"data": application(1)}))
    assert client.calls.answer("abc").result == "ok"
    assert client.call_control_applications.retrieve("1").data.id == "1001"
    v1, v2 = server.requests
    token = base64.b64encode(f"{SECRETS['v1_key']}:{SECRETS['v1_secret']}".encode()).decode()
    assert v1.headers["authorization"] == f"Basic {token}"
    assert v2.headers["authorization"] == f"Bearer {SECRETS['api_key']}"


def test_missing_credential_raises_before_sending(server: ScriptedServer, monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("TELNYX_API_KEY", "TELNYX_V1_KEY", "TELNYX_V1_SECRET"):
        monkeypatch.delenv(var, raising=False)
    server.on("POST", ANSWER, Reply(200, {"result": "ok"}))
    client = Client(base_url=server.base_url, api_key="only-v2")
    with pytest.raises(MissingCredentialsError, match=r"v1_key \(or \$TELNYX_V1_KEY\) and v1_secret"):
        client.calls.answer("abc")
    only_v1 = Client(base_url=server.base_url, v1_key="k", v1_secret="s")
    with pytest.raises(MissingCredentialsError, match=r"TELNYX_API_KEY"):
        only_v1.call_control_applications.retrieve("1")
    assert server.requests == []


def test_default_headers_and_with_options_copy(client: Client, server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(200, {"result": "ok"}))
    custom = Client(base_url=server.base_url, default_headers={"X-Team": "a"}, **SECRETS)
    changed = custom.with_options(timeout=1.5, max_retries=7, default_headers={"X-Extra": "b"})
    assert (changed.timeout, changed.max_retries) == (1.5, 7)
    assert (custom.timeout, custom.max_retries) != (1.5, 7)
    assert changed.calls is not custom.calls and changed.calls._client is changed
    changed.calls.answer("abc")
    custom.calls.answer("abc")
    assert server.requests[0].headers["x-team"] == "a" and server.requests[0].headers["x-extra"] == "b"
    assert "x-extra" not in server.requests[1].headers
    changed.close()  # the copy does not own the pool
    custom.calls.answer("abc")
    custom.close()


def test_timeout_default_and_per_call(client: Client, server: ScriptedServer) -> None:
    from telnyx_call_control import APITimeoutError

    server.on("POST", ANSWER, Reply(200, {"result": "late"}, delay=0.6))
    assert client.calls.answer("abc").result == "late"  # 5 s default
    with pytest.raises(APITimeoutError, match="POST /calls/abc/actions/answer: timed out"):
        client.with_options(timeout=0.2, max_retries=0).calls.answer("abc")
    # The method's own ``timeout=`` overrides the client's, for that one request only.
    fast = client.with_options(max_retries=0)
    with pytest.raises(APITimeoutError):
        fast.calls.answer("abc", timeout=0.2)
    with pytest.raises(APITimeoutError):
        fast.calls.answer("abc", timeout=httpx.Timeout(0.2))
    assert client.with_options(timeout=0.2).calls.answer("abc", timeout=5).result == "late"
    assert fast.calls.answer("abc", timeout=None).result == "late"
    assert fast.calls.answer("abc").result == "late"


def test_async_per_call_timeout(server: ScriptedServer) -> None:
    from telnyx_call_control import APITimeoutError

    server.on("POST", ANSWER, Reply(200, {"result": "late"}, delay=0.6))

    async def main() -> None:
        async with AsyncClient(base_url=server.base_url, max_retries=0, timeout=5, **SECRETS) as client:
            with pytest.raises(APITimeoutError):
                await client.calls.answer("abc", timeout=0.2)
            assert (await client.with_options(timeout=0.2).calls.answer("abc", timeout=5)).result == "late"

    asyncio.run(main())


@pytest.mark.parametrize("prefix", ["/proxy/telnyx", "/proxy/telnyx/"])
def test_base_url_path_prefix_is_kept(server: ScriptedServer, prefix: str) -> None:
    server.on("POST", "/proxy/telnyx" + ANSWER, Reply(200, {"result": "ok"}))
    with Client(base_url=server.base_url + prefix, **SECRETS) as client:
        assert client.calls.answer("abc").result == "ok"
        assert str(client.base_url) == server.base_url + prefix
        moved = client.with_options(base_url=server.base_url)
        server.on("POST", ANSWER, Reply(200, {"result": "moved"}))
        assert moved.calls.answer("abc").result == "moved"
    assert [r.path for r in server.requests] == ["/proxy/telnyx" + ANSWER, ANSWER]


def test_with_raw_response(client: Client, server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(200, {"result": "ok"}, headers={"x-request-id": "r-1"}))
    raw = client.calls.with_raw_response.answer("abc")
    assert raw.status_code == 200
    assert raw.headers["x-request-id"] == "r-1"
    assert isinstance(raw.http_response, httpx.Response)
    assert raw.retries_taken == 0
    assert raw.parse().result == "ok"
    # The normal methods are unaffected.
    assert client.calls.answer("abc").result == "ok"
    server.on("GET", f"{APPS}/9", Reply(404, {"errors": [{"code": "10005", "title": "Resource not found"}]}))
    with pytest.raises(NotFoundError):
        client.call_control_applications.with_raw_response.retrieve("9")


def test_async_raw_response_and_context_manager(server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(200, {"result": "ok"}))

    async def main() -> None:
        async with AsyncClient(base_url=server.base_url, **SECRETS) as client:
            raw = await client.calls.with_raw_response.answer("abc")
            assert raw.status_code == 200 and raw.parse().result == "ok"
            assert (await client.calls.answer("abc")).result == "ok"
        assert client._http.is_closed

    asyncio.run(main())


def test_context_manager_closes_only_what_it_opened(server: ScriptedServer) -> None:
    with Client(base_url=server.base_url, **SECRETS) as owned:
        pass
    assert owned._http.is_closed
    injected = httpx.Client()
    with Client(base_url=server.base_url, http_client=injected, **SECRETS) as client:
        server.on("POST", ANSWER, Reply(200, {"result": "ok"}))
        assert client.calls.answer("abc").result == "ok"
    assert not injected.is_closed
    injected.close()


def test_methods_expose_their_webhooks(client: Client) -> None:
    assert client.calls.answer.webhooks is ANSWER_WEBHOOKS  # type: ignore[attr-defined]
    assert AsyncClient(**SECRETS).calls.dial.webhooks is DIAL_WEBHOOKS  # type: ignore[attr-defined]
    assert "Webhooks sent, in order:" in (client.calls.answer.__doc__ or "")


def test_secrets_stay_out_of_repr_errors_and_logs(
    client: Client, server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.on("POST", ANSWER, Reply(503, {"errors": [{"code": "1", "title": "Busy"}]}), Reply(200, {"result": "ok"}))
    server.on("GET", f"{APPS}/1", Reply(401, {"errors": [{"code": "10009", "title": "Authentication failed"}]}))
    caplog.set_level(logging.DEBUG, logger="telnyx_call_control")
    client.calls.answer("abc")
    with pytest.raises(Exception) as info:
        client.call_control_applications.retrieve("1")
    texts = [repr(client), str(client), str(info.value), repr(info.value), caplog.text]
    texts += [repr(client.calls.with_raw_response.answer("abc"))]
    basic = base64.b64encode(f"{SECRETS['v1_key']}:{SECRETS['v1_secret']}".encode()).decode()
    for text in texts:
        for secret in (*SECRETS.values(), basic):
            assert secret not in text, text
    assert "<redacted>" in caplog.text


def test_debug_log_has_method_path_status_retries_and_elapsed(
    client: Client, server: ScriptedServer, caplog: pytest.LogCaptureFixture
) -> None:
    server.on("POST", ANSWER, Reply(503, {}), Reply(200, {"result": "ok"}))
    caplog.set_level(logging.DEBUG, logger="telnyx_call_control")
    client.calls.answer("abc")
    records = [r for r in caplog.records if r.name == "telnyx_call_control"]
    assert [(r.http_method, r.http_path, r.http_status, r.retries) for r in records] == [  # type: ignore[attr-defined]
        ("POST", ANSWER, 503, 0),
        ("POST", ANSWER, 200, 1),
    ]
    assert all(r.elapsed_ms > 0 for r in records)  # type: ignore[attr-defined]
    assert "POST /calls/abc/actions/answer -> 200 (retry 1," in records[1].getMessage()


def test_fast_settings_are_applied() -> None:
    client = Client(**SECRETS, **FAST)
    assert (client.initial_retry_delay, client.max_retry_delay, client.max_retry_after) == (0.05, 0.2, 3.0)
