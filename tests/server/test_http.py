"""The HTTP surface against a real server: validation, auth, tenants, CRUD, faults, shutdown."""

from __future__ import annotations

import json
import signal
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server.harness import API_KEY, Api, RefServerProcess, v1_auth

ROOT = Path(__file__).resolve().parents[2]
APPS = "/v2/call_control_applications"


def _errors(r: httpx.Response, status: int) -> list[dict]:
    assert r.status_code == status, r.text
    errors = r.json()["errors"]
    assert errors and all(e["code"].isdigit() and e["title"] for e in errors)
    return errors


def _pointers(errors: list[dict]) -> dict[str, str]:
    return {e["source"]["pointer"]: e["code"] for e in errors if "pointer" in e.get("source", {})}


@pytest.fixture(scope="module")
def app_id(api: Api) -> str:
    return api.create_app(webhook_event_url="http://127.0.0.1:9/none")["id"]


# ---- validation ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("body", "pointer", "code"),
    [
        ({"webhook_event_url": "https://e.com"}, "/application_name", "10004"),
        ({"application_name": "a"}, "/webhook_event_url", "10004"),
        ({"application_name": "a", "webhook_event_url": "ftp://x"}, "/webhook_event_url", "10002"),
        ({"application_name": 5, "webhook_event_url": "https://e.com"}, "/application_name", "10002"),
        ({"application_name": "", "webhook_event_url": "https://e.com"}, "/application_name", "10033"),
        (
            {"application_name": "a", "webhook_event_url": "https://e.com", "dtmf_type": "x"},
            "/dtmf_type",
            "10032",
        ),
        (
            {"application_name": "a", "webhook_event_url": "https://e.com", "webhook_timeout_secs": 31},
            "/webhook_timeout_secs",
            "10033",
        ),
        (
            {"application_name": "a", "webhook_event_url": "https://e.com", "inbound": {"channel_limit": "x"}},
            "/inbound/channel_limit",
            "10002",
        ),
        (
            {"application_name": "a", "webhook_event_url": "https://e.com", "anchorsite_override": "Mars"},
            "/anchorsite_override",
            "10032",
        ),
    ],
)
def test_v2_body_errors_are_422_with_pointer(api: Api, body: dict, pointer: str, code: str) -> None:
    errors = _errors(api.http.post(APPS, json=body, headers=api.v2), 422)
    assert _pointers(errors).get(pointer) == code, errors


@pytest.mark.parametrize(
    ("command", "body", "pointer", "code"),
    [
        ("speak", {"voice": "female", "language": "en-US"}, "/payload", "10004"),
        ("speak", {"payload": "x" * 5001, "voice": "female", "language": "en-US"}, "/payload", "10033"),
        ("speak", {"payload": "hi", "voice": "robot", "language": "en-US"}, "/voice", "10032"),
        ("send_dtmf", {"digits": "12", "duration_millis": 50}, "/duration_millis", "10033"),
        ("send_dtmf", {"digits": "xyz"}, "/digits", "10002"),
        ("playback_start", {"audio_url": "https://e.com/a.mp3", "loop": 0}, "/loop", "10002"),
        ("gather_using_audio", {"audio_url": "https://e.com/a.wav", "maximum_digits": 129}, "/maximum_digits", "10033"),
        ("reject", {"cause": "NOPE"}, "/cause", "10032"),
        ("answer", {"client_state": "%%%"}, "/client_state", "10002"),
    ],
)
def test_v1_command_body_errors_are_422_with_pointer(
    api: Api, command: str, body: dict, pointer: str, code: str
) -> None:
    r = api.raw_cmd("v1:anything", command, **body)  # validation comes before the call lookup
    assert _pointers(_errors(r, 422)).get(pointer) == code


def test_dial_errors(api: Api, app_id: str) -> None:
    r = api.http.post("/calls", json={"to": "+1800555", "from": "555"}, headers=api.v1)
    pointers = _pointers(_errors(r, 422))
    assert pointers == {"/connection_id": "10004", "/from": "10016"}
    r = api.dial("9999999999")
    assert _pointers(_errors(r, 422)) == {"/connection_id": "10015"}
    r = api.dial(app_id, timeout_secs=1)
    assert _pointers(_errors(r, 422)) == {"/timeout_secs": "10033"}


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page[size]=0", "page[size]"),
        ("page[size]=251", "page[size]"),
        ("page[number]=abc", "page[number]"),
        ("sort=name", "sort"),
        ("filter[application_name][contains]=ab", "filter[application_name][contains]"),
        ("filter[outbound_voice_profile_id]=x1", "filter[outbound_voice_profile_id]"),
        ("filter[outbound.outbound_voice_profile_id]=x", "filter[outbound.outbound_voice_profile_id]"),
        # numbers only from ASCII decimal digits, within 64 bits; text only as UTF-8
        ("page[number]=%D9%A1", "page[number]"),
        ("page[number]=1_0", "page[number]"),
        ("page[size]=%201", "page[size]"),
        ("page[number]=1" + "0" * 400, "page[number]"),
        ("filter[application_name][contains]=%ED%A0%80", "filter[application_name][contains]"),
        ("filter[application_name][contains]=%C0%AF", "filter[application_name][contains]"),
    ],
)
def test_list_query_errors_are_400_with_parameter(api: Api, query: str, parameter: str) -> None:
    errors = _errors(api.http.get(f"{APPS}?{query}", headers=api.v2), 400)
    assert errors[0]["source"]["parameter"] == parameter


@pytest.mark.parametrize(
    ("raw", "status", "pointer", "code"),
    [
        (b'{"application_name": "\\ud800", "webhook_event_url": "https://e.com"}', 422, "/application_name", "10002"),
        (b'{"application_name": "a", "webhook_event_url": "https://e.com", "\\udc00": 1}', 422, "", "10002"),
        (
            b'{"application_name": "a", "webhook_event_url": "https://e.com", "inbound": {"channel_limit": 1'
            + b"0" * 400
            + b"}}",
            422,
            "/inbound/channel_limit",
            "10033",
        ),
        (
            b'{"application_name": "a", "webhook_event_url": "https://e.com", "first_command_timeout_secs": 1e400}',
            422,
            "/first_command_timeout_secs",
            "10033",
        ),
        (
            b'{"application_name": "a", "webhook_event_url": "https://e.com", "inbound": '
            + b'{"a":' * 950
            + b"1"
            + b"}" * 951,
            400,
            None,
            "10015",
        ),
        (
            b'{"application_name": "a", "application_name": "\\ud800", "webhook_event_url": "https://e.com"}',
            422,
            "/application_name",
            "10002",
        ),
    ],
    ids=["lone-surrogate", "surrogate-key", "10^400", "1e400", "nesting-950", "duplicate-key"],
)
def test_values_no_field_may_hold_are_4xx_never_500(
    api: Api, raw: bytes, status: int, pointer: str | None, code: str
) -> None:
    errors = _errors(api.http.post(APPS, content=raw, headers=api.v2), status)
    assert errors[0]["code"] == code
    if pointer is not None:
        assert errors[0]["source"]["pointer"] == pointer
    assert api.http.get(APPS, headers=api.v2).status_code == 200  # and the server still answers


def test_malformed_bodies_routes_and_methods(api: Api, app_id: str) -> None:
    for raw in (b"{", b"[1]", b'"x"', b"NaN", b"\xff\xfe"):
        r = api.http.post(APPS, content=raw, headers=api.v2)
        assert _errors(r, 400)[0]["code"] == "10015"
        r = api.http.post("/calls/v1:x/actions/answer", content=raw, headers=api.v1)
        assert _errors(r, 400)[0]["code"] == "10015"
    assert _errors(api.http.get("/nowhere"), 404)[0]["code"] == "10005"
    assert _errors(api.http.post("/calls/x/actions/explode", json={}), 404)
    assert _errors(api.http.put(APPS, headers=api.v2), 405)
    assert _errors(api.http.get("/calls", headers=api.v1), 405)
    r = api.http.get(f"{APPS}/not-a-number", headers=api.v2)
    assert _errors(r, 422)[0]["source"]["parameter"] == "id"
    assert _errors(api.http.get(f"{APPS}/123", headers=api.v2), 404)[0]["code"] == "10005"
    # an empty body is `{}` (curl's answer sends none)
    r = api.http.post("/calls/v1:nope/actions/answer", headers=api.v1)
    assert _errors(r, 404)[0]["code"] == "10005"
    # a page number past the end is an empty page; one past the spec's maximum is refused, naming it
    r = api.http.get(f"{APPS}?page[number]=1000000", headers=api.v2)
    assert r.status_code == 200 and r.json()["data"] == []
    r = api.http.get(f"{APPS}?page[number]=99999999999999999", headers=api.v2)
    assert _errors(r, 400)[0]["source"] == {"parameter": "page[number]"}


# ---- auth --------------------------------------------------------------------------------
def test_auth_errors(api: Api) -> None:
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic abc"}):
        r = api.http.get(APPS, headers=headers)
        assert _errors(r, 401)[0]["code"] == "10009"
    for headers in ({}, {"Authorization": f"Bearer {API_KEY}"}, {"Authorization": "Basic %%"}):
        r = api.http.post("/calls/x/actions/answer", json={}, headers=headers)
        assert _errors(r, 401)[0]["code"] == "10009"
    r = api.http.post("/calls/x/actions/answer", json={}, headers={"Authorization": v1_auth("a", "b")})
    assert _errors(r, 403)[0]["code"] == "10010"


# ---- V2 CRUD ------------------------------------------------------------------------------
def test_applications_crud_list_sort_filter(api: Api) -> None:
    created = [
        api.create_app(
            application_name=name,
            webhook_event_url="https://example.com/hook",
            outbound={"outbound_voice_profile_id": vp},
        )
        for name, vp in (("zeta-router", "111"), ("Alpha-Router", "222"), ("mid", "111"))
    ]
    first = created[0]
    assert first["record_type"] == "call_control_application" and first["id"].isdigit()
    assert first["anchorsite_override"] == '"Latency"' and first["webhook_api_version"] == "1"
    assert first["inbound"]["sip_subdomain_receive_settings"] == "from_anyone"
    r = api.http.get(f"{APPS}/{first['id']}", headers=api.v2)
    assert r.json()["data"] == first
    update = {"application_name": "zeta-2", "webhook_event_url": "https://e.com/2", "inbound": {"channel_limit": 3}}
    r = api.http.patch(f"{APPS}/{first['id']}", json=update, headers=api.v2)
    data = r.json()["data"]
    assert data["application_name"] == "zeta-2" and data["inbound"]["channel_limit"] == 3
    assert data["inbound"]["sip_subdomain_receive_settings"] == "from_anyone"  # kept
    assert data["outbound"]["outbound_voice_profile_id"] == "111"  # kept
    r = api.http.patch(f"{APPS}/{first['id']}", json={"application_name": "x"}, headers=api.v2)
    assert _pointers(_errors(r, 422)) == {"/webhook_event_url": "10004"}

    def names(query: str) -> list[str]:
        r = api.http.get(f"{APPS}?{query}", headers=api.v2)
        assert r.status_code == 200, r.text
        return [a["application_name"] for a in r.json()["data"]]

    mine = {"zeta-2", "Alpha-Router", "mid"}
    assert [n for n in names("page[size]=250") if n in mine] == ["mid", "Alpha-Router", "zeta-2"]
    assert [n for n in names("sort=created_at&page[size]=250") if n in mine] == ["zeta-2", "Alpha-Router", "mid"]
    assert names("filter[application_name][contains]=ROUTER") == ["Alpha-Router"]
    assert names("sort=-connection_name&filter[outbound_voice_profile_id]=111") == ["zeta-2", "mid"]
    assert names("sort=connection_name&filter[outbound.outbound_voice_profile_id]=111") == ["mid", "zeta-2"]
    r = api.http.get(f"{APPS}?page[size]=1&page[number]=2&sort=connection_name", headers=api.v2)
    meta = r.json()["meta"]
    assert meta["page_number"] == 2 and meta["page_size"] == 1
    assert meta["total_pages"] == meta["total_results"] >= 3
    r = api.http.delete(f"{APPS}/{first['id']}", headers=api.v2)
    assert r.status_code == 200 and r.json()["data"]["id"] == first["id"]
    assert _errors(api.http.get(f"{APPS}/{first['id']}", headers=api.v2), 404)
    assert _errors(api.http.delete(f"{APPS}/{first['id']}", headers=api.v2), 404)
    assert _pointers(_errors(api.dial(first["id"]), 422)) == {"/connection_id": "10015"}


# ---- tenants -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def two_tenants(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Api, Api]]:
    path = tmp_path_factory.mktemp("accounts") / "accounts.json"
    accounts = [
        {"name": n, "api_key": f"KEY-{n}", "v1_key": f"key-{n}", "v1_secret": f"secret-{n}"} for n in ("alice", "bob")
    ]
    path.write_text(json.dumps({"accounts": accounts}))
    proc = RefServerProcess(env={"REFSERVER_ACCOUNTS": str(path)})
    try:
        proc.start()
        a = Api(proc.url, "KEY-alice", "key-alice", "secret-alice")
        b = Api(proc.url, "KEY-bob", "key-bob", "secret-bob")
        yield a, b
        a.close()
        b.close()
    finally:
        proc.stop()
        proc.kill()


def test_tenant_isolation(two_tenants: tuple[Api, Api]) -> None:
    alice, bob = two_tenants
    app = alice.create_app(webhook_event_url="http://127.0.0.1:9/a")
    assert _errors(bob.http.get(f"{APPS}/{app['id']}", headers=bob.v2), 404)
    assert _errors(
        bob.http.patch(
            f"{APPS}/{app['id']}", json={"application_name": "x", "webhook_event_url": "https://e.com"}, headers=bob.v2
        ),
        404,
    )
    assert _errors(bob.http.delete(f"{APPS}/{app['id']}", headers=bob.v2), 404)
    assert bob.http.get(APPS, headers=bob.v2).json()["data"] == []
    assert [a["id"] for a in alice.http.get(APPS, headers=alice.v2).json()["data"]] == [app["id"]]
    assert _pointers(_errors(bob.dial(app["id"]), 422)) == {"/connection_id": "10015"}
    call_id = alice.dial(app["id"]).json()["data"]["call_control_id"]
    assert _errors(bob.cmd(call_id, "hangup"), 404)[0]["code"] == "10005"
    bob_app = bob.create_app(webhook_event_url="http://127.0.0.1:9/b")
    bob_call = bob.dial(bob_app["id"]).json()["data"]["call_control_id"]
    alice.wait_state(call_id, "answered")
    bob.wait_state(bob_call, "answered")
    r = bob.cmd(bob_call, "bridge", call_control_id=call_id)
    assert _pointers(_errors(r, 422)) == {"/call_control_id": "90015"}
    alice.ok(call_id, "hangup")
    # alice's credentials on the other scheme do not work
    r = alice.http.get(APPS, headers=alice.v1)
    assert r.status_code == 401


# ---- faults --------------------------------------------------------------------------------
def test_faults_are_off_by_default(api: Api, server: RefServerProcess) -> None:
    assert server.line("FAULTS") is None
    r = api.http.post(APPS, json={"application_name": "boom", "webhook_event_url": "https://e.com"}, headers=api.v2)
    assert r.status_code == 201
    assert _errors(api.http.get(APPS), 401)
    r = api.cmd("v1:x", "speak", payload="x" * 5001, voice="male", language="en-US")
    assert r.status_code == 422


def test_faults_need_the_enable_switch() -> None:
    from refserver.config import Config

    assert Config.from_env({"REFSERVER_FAULTS": "crash,no_auth"}).faults == frozenset()
    cfg = Config.from_env({"REFSERVER_ENABLE_FAULTS": "1", "REFSERVER_FAULTS": "crash,no_auth"})
    assert cfg.faults == {"crash", "no_auth"}


def test_injected_faults_when_enabled() -> None:
    proc = RefServerProcess(
        env={"REFSERVER_ENABLE_FAULTS": "1", "REFSERVER_FAULTS": "crash,no_auth,zombie_delete,no_limit"}
    )
    try:
        proc.start()
        api = Api(proc.url)
        assert proc.line("FAULTS ENABLED") is not None
        r = api.http.post(APPS, json={"application_name": "boom", "webhook_event_url": "https://e.com"})
        assert r.status_code == 500  # crash, and no credentials needed (no_auth)
        app = api.create_app(webhook_event_url="https://e.com")
        api.http.delete(f"{APPS}/{app['id']}")
        assert api.http.get(f"{APPS}/{app['id']}").status_code == 200  # zombie
        r = api.cmd("v1:x", "speak", payload="x" * 5001, voice="male", language="en-US")
        assert r.status_code == 404  # the limit was not enforced
        api.close()
    finally:
        proc.stop()
        proc.kill()


# ---- process -------------------------------------------------------------------------------
def test_sigterm_stops_cleanly_and_memory_state_works() -> None:
    proc = RefServerProcess(state_db=":memory:")
    proc.start()
    try:
        assert proc.line("listening on http://127.0.0.1:") is not None
        assert proc.line("webhook signing public key:") is not None
        Api(proc.url).create_app(webhook_event_url="https://e.com")
        assert proc.proc is not None
        proc.proc.send_signal(signal.SIGTERM)
        assert proc.proc.wait(10) == 0
    finally:
        proc.kill()


def test_development_defaults_are_printed() -> None:
    env = {"TELNYX_API_KEY": "", "TELNYX_V1_KEY": "", "TELNYX_V1_SECRET": ""}
    proc = RefServerProcess(env=env)
    try:
        proc.start()
        assert proc.line("development defaults used for: TELNYX_API_KEY") is not None
    finally:
        proc.stop()
        proc.kill()


def test_simulator_spec_is_valid_openapi() -> None:
    from openapi_spec_validator import validate
    from openapi_spec_validator.readers import read_from_filename

    doc, base = read_from_filename(str(ROOT / "spec" / "simulator.yaml"))
    validate(doc, base_uri=base)
