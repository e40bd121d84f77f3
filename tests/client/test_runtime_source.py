"""The generated packages' runtime, as source: the modules of codegen/runtime themselves.

Requests go to the real scripted server of these tests over real sockets; the waits before a
retry and the clocks are injected.
"""

from __future__ import annotations

import asyncio
import base64
import email.utils
import json
from collections.abc import Mapping

import httpx
import pydantic
import pytest

from codegen.runtime import _base_client as bc
from codegen.runtime import _exceptions as exc
from codegen.runtime import _pagination as pg
from codegen.runtime import _types as ty
from codegen.runtime import _webhooks as wh

from .server import Reply, ScriptedServer
from .waits import Sleeps

SECURITY = {"key": bc.SecurityScheme(kind="bearer", location="header", name="Authorization", credentials=("token",))}


# -- retry timing ----------------------------------------------------------------------------


def test_retry_after_reads_seconds_milliseconds_and_dates_against_the_clock() -> None:
    now = 1_800_000_000.0
    date = email.utils.formatdate(now + 90, usegmt=True)
    assert bc._retry_after(httpx.Headers({"retry-after": "3"}), now) == 3.0
    assert bc._retry_after(httpx.Headers({"retry-after-ms": "250", "retry-after": "9"}), now) == 0.25
    assert bc._retry_after(httpx.Headers({"retry-after": date}), now) == 90.0
    assert bc._retry_after(httpx.Headers({"retry-after": date}), now + 100) == 0.0  # a date passed
    assert bc._retry_after(httpx.Headers({"retry-after": "soon"}), now) is None
    assert bc._retry_after(httpx.Headers({}), now) is None


def sync_client(server: ScriptedServer, **options: float) -> bc.SyncAPIClient:
    return bc.SyncAPIClient(
        base_url=server.base_url,
        credentials={"token": "t"},
        credential_env={"token": "X_TOKEN"},
        security_schemes=SECURITY,
        **options,  # type: ignore[arg-type]
    )


def test_sync_backoff_doubles_less_jitter_and_waits_through_sleep(server: ScriptedServer) -> None:
    server.on("GET", "/things", Reply(503, {}), Reply(502, {}), Reply(500, {}), Reply(200, {"ok": True}))
    client = sync_client(server, initial_retry_delay=0.2, max_retry_delay=0.3, max_retries=3)
    sleeps = Sleeps()
    client.sleep = sleeps
    assert client.request("GET", "/things", cast_to=dict) == {"ok": True}
    assert len(server.seen("GET", "/things")) == 4
    first, second, third = sleeps.waits
    assert 0.15 <= first <= 0.2  # 0.2, less up to 25 % jitter
    assert 0.225 <= second <= 0.3  # 0.4, capped at max_retry_delay
    assert 0.225 <= third <= 0.3


def test_retry_after_date_is_counted_from_the_clients_clock(server: ScriptedServer) -> None:
    now = 1_800_000_000.0
    date = email.utils.formatdate(now + 7, usegmt=True)
    server.on("GET", "/things", Reply(503, {}, headers={"Retry-After": date}), Reply(200, {"ok": True}))
    client = sync_client(server)
    client.sleep = sleeps = Sleeps()
    client.clock = lambda: now
    client.request("GET", "/things", cast_to=dict)
    assert sleeps.waits == [7.0]
    server.on("GET", "/things", Reply(429, {}, headers={"Retry-After": "3600"}), Reply(200, {"ok": True}))
    client.max_retry_after = 2.5
    client.request("GET", "/things", cast_to=dict)
    assert sleeps.waits == [7.0, 2.5]  # capped


def test_post_is_not_retried_unless_idempotent(server: ScriptedServer) -> None:
    server.on("POST", "/things", Reply(503, {}), Reply(201, {"ok": True}))
    client = sync_client(server)
    client.sleep = sleeps = Sleeps()
    with pytest.raises(exc.InternalServerError):
        client.request("POST", "/things", cast_to=dict)
    assert sleeps.waits == []
    server.on("POST", "/things", Reply(503, {}), Reply(201, {"ok": True}))
    assert client.request("POST", "/things", cast_to=dict, idempotent=True) == {"ok": True}
    assert len(sleeps.waits) == 1


def test_async_client_waits_through_its_sleep(server: ScriptedServer) -> None:
    server.on("GET", "/things", Reply(503, {}, headers={"retry-after-ms": "1500"}), Reply(200, {"ok": 1}))
    sleeps = Sleeps()

    async def main() -> object:
        client = bc.AsyncAPIClient(
            base_url=server.base_url,
            credentials={"token": "t"},
            credential_env={"token": "X_TOKEN"},
            security_schemes=SECURITY,
        )
        client.sleep = sleeps.wait
        try:
            return await client.request("GET", "/things", cast_to=dict)
        finally:
            await client.aclose()

    assert asyncio.run(main()) == {"ok": 1}
    assert sleeps.waits == [1.5]


def test_missing_credential_names_the_environment_variable(server: ScriptedServer) -> None:
    client = bc.SyncAPIClient(
        base_url=server.base_url,
        credentials={"token": None},
        credential_env={"token": "X_TOKEN"},
        security_schemes=SECURITY,
    )
    with pytest.raises(exc.MissingCredentialsError, match=r"token \(or \$X_TOKEN\)"):
        client.request("GET", "/things", cast_to=dict, security=[["key"]])
    assert server.seen("GET", "/things") == []


# -- small pieces ------------------------------------------------------------------------------


def test_path_params_and_query_styles() -> None:
    assert bc.path_param("v2:a/b c") == "v2%3Aa%2Fb%20c"
    assert bc.path_param(True) == "true"
    assert bc._query_items("f", {"a": 1, "b": True}, "deepObject") == [("f[a]", "1"), ("f[b]", "true")]
    assert bc._query_items("ids", [1, 2], "form-no-explode") == [("ids", "1,2")]
    assert bc._query_items("ids", [1, 2], "form") == [("ids", "1"), ("ids", "2")]
    assert bc._query_items("ids", [1, 2], "pipeDelimited") == [("ids", "1|2")]
    assert bc._query_items("x", None, "form") == []


def test_not_given_is_one_falsy_value_and_steps_are_recorded() -> None:
    assert ty.NotGiven() is ty.NOT_GIVEN and not ty.NOT_GIVEN and repr(ty.NOT_GIVEN) == "NOT_GIVEN"
    steps = (ty.WebhookStep(events=("a.done",)), ty.WebhookStep(events=("b", "c"), optional=True))

    @ty.sends_webhooks(steps)
    def method() -> None: ...

    assert method.webhooks == steps  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("status", "expected"),
    [(400, exc.BadRequestError), (404, exc.NotFoundError), (418, exc.APIStatusError), (503, exc.InternalServerError)],
)
def test_status_errors_by_status_with_parsed_errors(status: int, expected: type[exc.APIStatusError]) -> None:
    request = httpx.Request("GET", "https://h.example/things?key=secret")
    body = {"errors": [{"code": "10", "title": "Bad", "source": {"pointer": "/name"}}]}
    error = exc.status_error(httpx.Response(status, json=body, request=request))
    assert type(error) is expected
    assert error.errors[0].code == "10" and error.errors[0].pointer == "/name"
    assert "secret" not in str(error) and "GET /things" in str(error)


def test_sync_page_follows_the_page_parameter() -> None:
    info = pg.PageInfo(parameter="page[number]", items="/data", page_number="/meta/page", total_pages="/meta/total")
    asked: list[Mapping[str, object]] = []

    def fetch(query: Mapping[str, object]) -> pg.SyncPage[int]:
        asked.append(query)
        number = int(str(query["page[number]"]))
        return pg.SyncPage({"data": [number * 10], "meta": {"page": number, "total": 3}}, info, query, fetch)

    first = pg.SyncPage({"data": [1, 2], "meta": {"page": 1, "total": 3}}, info, {"size": 2}, fetch)
    assert list(first) == [1, 2, 20, 30]
    assert asked == [{"size": 2, "page[number]": 2}, {"size": 2, "page[number]": 3}]
    assert not pg.SyncPage({"data": [], "meta": {"page": 1, "total": 3}}, info, {}, fetch).has_next_page()


# -- webhooks ----------------------------------------------------------------------------------


class Greeted(pydantic.BaseModel):
    kind: str
    name: str


EVENTS = (
    ty.WebhookEvent(key="greeted", model="Greeted", event_type="greeted", event_type_pointer="/kind"),
    ty.WebhookEvent(key="other", model="Greeted", event_type="greeted", event_type_pointer="/data/kind"),
)
SIGNATURE = ty.WebhookSignature(
    algorithm="ed25519",
    signature_header="x-sig",
    timestamp_header="x-ts",
    message_prefix="{timestamp}|",
    message_suffix="|end",
    tolerance=60,
    public_key_name="hook_key",
    public_key_env="X_HOOK_KEY",
)
NOW = 1_800_000_000


def models(name: str) -> type[pydantic.BaseModel]:
    return {"Greeted": Greeted}[name]


@pytest.fixture(scope="module")
def signing() -> tuple[object, str]:
    nacl = pytest.importorskip("nacl.signing", reason="PyNaCl is needed to sign test webhooks")
    key = nacl.SigningKey.generate()
    return key, base64.b64encode(bytes(key.verify_key)).decode()


def sign(key: object, body: bytes, timestamp: int) -> dict[str, str]:
    signed = key.sign(SIGNATURE.message(str(timestamp), body))  # type: ignore[attr-defined]
    return {"X-Sig": base64.b64encode(signed.signature).decode(), "x-ts": str(timestamp)}


def test_parser_finds_the_model_by_any_pointer_and_keeps_unknown_events() -> None:
    parser: wh.WebhookParser[object] = wh.WebhookParser(EVENTS, models=models)
    parsed = parser.unsafe_unwrap(b'{"kind": "greeted", "name": "Ada"}')
    assert parsed == Greeted(kind="greeted", name="Ada")
    nested = parser.unsafe_unwrap('{"data": {"kind": "greeted"}, "kind": "greeted", "name": "B"}')
    assert isinstance(nested, Greeted)
    unknown = parser.unsafe_unwrap(b'{"data": {"kind": "waved"}}')
    assert unknown == wh.UnknownWebhookEvent(event_type="waved", data={"data": {"kind": "waved"}})
    with pytest.raises(wh.WebhookPayloadError, match="greeted webhook: name: Field required"):
        parser.unsafe_unwrap(b'{"kind": "greeted"}')
    with pytest.raises(wh.WebhookPayloadError, match="not valid JSON"):
        parser.unsafe_unwrap(b"{")


def test_verifier_checks_signature_and_timestamp_against_its_clock(signing: tuple[object, str]) -> None:
    key, public = signing
    hooks: wh.Webhooks[object] = wh.Webhooks(EVENTS, SIGNATURE, public_key=public, clock=lambda: NOW, models=models)
    body = json.dumps({"kind": "greeted", "name": "Ada"}).encode()
    assert hooks.unwrap(body, sign(key, body, NOW - 60)) == Greeted(kind="greeted", name="Ada")
    failures = {
        "timestamp too old": sign(key, body, NOW - 61),
        "timestamp in the future": sign(key, body, NOW + 61),
        "missing header x-sig": {"x-ts": str(NOW)},
        "x-ts is not a Unix time": {**sign(key, body, NOW), "x-ts": "soon"},
    }
    for message, headers in failures.items():
        with pytest.raises(wh.WebhookVerificationError, match=message):
            hooks.verify(body, headers)
    with pytest.raises(wh.WebhookVerificationError, match="does not match"):
        hooks.verify(body.replace(b"Ada", b"Eve"), sign(key, body, NOW))
    with pytest.raises(wh.WebhookVerificationError, match=r"pass hook_key= or set \$X_HOOK_KEY"):
        wh.Webhooks(EVENTS, SIGNATURE, public_key=None).verify(body, sign(key, body, NOW))
    lenient: wh.Webhooks[object] = wh.Webhooks(
        EVENTS, SIGNATURE, public_key=public, tolerance=3600, clock=lambda: NOW, models=models
    )
    lenient.verify(body, sign(key, body, NOW - 3000))
