"""Issue 15's reproductions, each a test: hostile input is a 4xx naming the field, never a 500;
a failed request leaves nothing behind; numbers are bounded; ended calls leave memory;
delivery is fair between tenants; the simulator is scoped to a tenant.
"""

from __future__ import annotations

import base64
import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from refserver.app import SIM_SCOPED
from refserver.calls.call import Call
from refserver.calls.memory import CallTable
from refserver.calls.timers import MAX_DELAY_SECS, _clamped
from refserver.webhooks import redact_url
from specmodel import load_spec
from tests.server.harness import Api, Receiver, RefServerProcess, wait_for

APPS = "/v2/call_control_applications"
SURROGATE = "\\ud800"  # as JSON writes it: a lone UTF-16 surrogate once parsed


def _errors(r: httpx.Response, status: int) -> list[dict]:
    assert r.status_code == status, r.text[:500]
    errors = r.json()["errors"]
    assert errors and all(e["code"].isdigit() and e["title"] for e in errors)
    return errors


def _raw(api: Api, method: str, path: str, body: str, v1: bool = False, sim: bool = False) -> httpx.Response:
    headers = {"content-type": "application/json", **(api.v1 if v1 else api.v2)}
    if sim:
        return api.sim(method, path, content=body.encode(), headers=headers)
    return api.http.request(method, path, content=body.encode(), headers=headers)


@pytest.fixture(scope="module")
def app(api: Api, receiver: Receiver) -> dict:
    return api.create_app(webhook_event_url=receiver.url + "/ok/hostile")


# ---- 1. lone surrogates: 422 with a pointer, everywhere -------------------------------------
def test_lone_surrogates_are_422_naming_the_field_everywhere(api: Api, app: dict) -> None:
    call_id = api.answered_call(app["id"])
    cases = [
        ("POST", APPS, f'{{"application_name": "{SURROGATE}", "webhook_event_url": "https://e.com"}}', False, False),
        ("PATCH", f"{APPS}/{app['id']}", f'{{"application_name": "{SURROGATE}"}}', False, False),
        (
            "POST",
            "/calls",
            f'{{"connection_id": "{app["id"]}", "to": "+18005550100", "from": "+18005550101", '
            f'"command_id": "{SURROGATE}"}}',
            True,
            False,
        ),
        (
            "POST",
            "/calls",
            f'{{"connection_id": "{app["id"]}", "to": "+18005550100", "from": "+18005550101", '
            f'"link_to": "{SURROGATE}"}}',
            True,
            False,
        ),
        ("POST", f"/calls/{call_id}/actions/hangup", f'{{"command_id": "{SURROGATE}"}}', True, False),
        (
            "POST",
            "/inbound_calls",
            f'{{"connection_id": "{app["id"]}", "from": "{SURROGATE}", "to": "+1"}}',
            False,
            True,
        ),
        (
            "POST",
            "/inbound_calls",
            f'{{"connection_id": "{app["id"]}", "from": "+1", "to": "{SURROGATE}"}}',
            False,
            True,
        ),
    ]
    for method, path, body, v1, sim in cases:
        errors = _errors(_raw(api, method, path, body, v1=v1, sim=sim), 422)
        assert errors[0]["code"] == "10002", (path, errors)
        assert errors[0]["source"]["pointer"].startswith("/"), errors
        assert "surrogate" in errors[0]["detail"] and errors[0]["source"]["pointer"].lstrip("/") in errors[0]["detail"]
    assert api.call(call_id)["state"] == "answered"  # the refused hangup did nothing


# ---- 2. a failed request leaves no phantom call ---------------------------------------------
@pytest.fixture(scope="module")
def surrogate_server() -> Iterator[RefServerProcess]:
    """The server with the surrogate check off: text reaches SQLite and makes a real 500."""
    proc = RefServerProcess(env={"REFSERVER_ENABLE_FAULTS": "1", "REFSERVER_FAULTS": "surrogate_500"})
    try:
        yield proc.start()
    finally:
        proc.stop()
        proc.kill()


def test_a_request_that_fails_after_the_call_is_made_leaves_no_phantom(surrogate_server: RefServerProcess) -> None:
    api = Api(surrogate_server.url)
    try:
        app = api.create_app(webhook_event_url="http://127.0.0.1:9/x", outbound={"channel_limit": 1})
        body = (
            f'{{"connection_id": "{app["id"]}", "to": "+18005550100", "from": "+18005550101", '
            f'"command_id": "{SURROGATE}"}}'
        )
        for _ in range(3):  # the call is made, then storing the command_id fails: a 500, rolled back
            assert _raw(api, "POST", "/calls", body, v1=True).status_code == 500
        r = api.dial(app["id"])  # the channel is free: no call of a failed request counts against it
        assert r.status_code == 200, r.text
        _errors(api.dial(app["id"]), 422)  # and the limit still holds
    finally:
        api.close()


@pytest.mark.parametrize("value", ["-1", "100001", "1" + "0" * 20, "1" + "0" * 400])
def test_channel_limit_is_bounded(api: Api, value: str) -> None:
    body = f'{{"application_name": "x", "webhook_event_url": "https://e.com", "inbound": {{"channel_limit": {value}}}}}'
    errors = _errors(_raw(api, "POST", APPS, body), 422)
    assert errors[0]["source"]["pointer"] == "/inbound/channel_limit" and "channel_limit" in errors[0]["detail"]


@pytest.mark.parametrize("value", ["-5", "0", "14401", "1" + "0" * 400])
def test_first_command_timeout_secs_is_bounded(api: Api, app: dict, value: str) -> None:
    body = f'{{"application_name": "x", "webhook_event_url": "https://e.com", "first_command_timeout_secs": {value}}}'
    errors = _errors(_raw(api, "POST", APPS, body), 422)
    assert errors[0]["source"]["pointer"] == "/first_command_timeout_secs"
    assert "first_command_timeout_secs must be" in errors[0]["detail"]


# ---- 3. timers never overflow -----------------------------------------------------------------
@pytest.mark.parametrize("field", ["timeout_millis", "inter_digit_timeout_millis", "maximum_tries"])
@pytest.mark.parametrize("value", [str(2**31), "1" + "0" * 400, "1e400"])
def test_gather_numbers_past_the_platforms_int32_are_refused(api: Api, app: dict, field: str, value: str) -> None:
    call_id = api.answered_call(app["id"])
    body = f'{{"audio_url": "https://e.com/a.mp3", "{field}": {value}}}'
    errors = _errors(_raw(api, "POST", f"/calls/{call_id}/actions/gather_using_audio", body, v1=True), 422)
    assert errors[0]["source"]["pointer"] == f"/{field}" and errors[0]["code"] == "10033"
    assert api.call(call_id)["gathering"] is False
    # the largest accepted value runs, and the call can still be gathered on and pressed keys at
    api.ok(call_id, "gather_using_audio", audio_url="https://e.com/a.mp3", **{field: 2**31 - 1})
    r = api.sim("POST", f"/calls/{call_id}/dtmf", json={"digits": "1#"})
    assert r.status_code == 200, r.text
    api.ok(call_id, "hangup")


def test_timer_delays_are_clamped_whatever_number_they_get() -> None:
    assert _clamped(10**400, 1.0) == MAX_DELAY_SECS
    assert _clamped(float("inf"), 0.01) == MAX_DELAY_SECS
    assert _clamped(float("nan"), 1.0) == 0.0
    assert _clamped(-5, 1.0) == 0.0
    assert _clamped(30, 0.5) == 15.0


# ---- 4. deep nesting inside extra-keys objects ----------------------------------------------------
@pytest.mark.parametrize("depth", [70, 500, 950, 990])
def test_deep_nesting_inside_inbound_is_400(api: Api, app: dict, depth: int) -> None:
    nested = "[" * depth + "]" * depth
    body = f'{{"inbound": {{"extra": {nested}}}}}'
    errors = _errors(_raw(api, "PATCH", f"{APPS}/{app['id']}", body), 400)
    assert errors[0]["code"] == "10015" and "64" in errors[0]["detail"]


# ---- 5. memory: ended calls leave it; client_state is capped ---------------------------------------
def _call(n: int, alive: bool = True) -> Call:
    c = Call(
        id=f"c{n}",
        account="a",
        connection_id="1",
        leg_id=f"l{n}",
        session_id="s",
        direction="incoming",
        from_="+1",
        to="+2",
    )
    if not alive:
        c.state = "hangup"
    return c


def test_ended_calls_leave_the_live_table_and_the_cache_is_bounded() -> None:
    table = CallTable(ended_cache=3)
    calls = [_call(n) for n in range(10)]
    for c in calls:
        table[c.id] = c
    for c in calls[:8]:
        c.state = "hangup"  # ended in place, as end_call does
    assert [c.id for c in table.values()] == ["c8", "c9"]  # live ones only
    assert len(table.ended) == 3 and list(table.ended) == ["c5", "c6", "c7"]
    assert table.get("c0") is None  # evicted: Engine.find loads it from SQLite
    table["c0"] = _call(0, alive=False)
    assert "c0" in table.ended and "c5" not in table


def test_an_evicted_call_is_read_again_from_the_database(api: Api, app: dict) -> None:
    first = api.dial(app["id"]).json()["data"]["call_control_id"]
    api.ok(first, "hangup")
    for _ in range(3):
        cid = api.dial(app["id"]).json()["data"]["call_control_id"]
        api.ok(cid, "hangup")
    assert api.call(first)["state"] == "hangup"
    assert _errors(api.cmd(first, "hangup"), 422)[0]["code"] == "90018"


def test_client_state_is_capped_at_4096_characters(api: Api, app: dict) -> None:
    call_id = api.answered_call(app["id"])
    big = base64.b64encode(b"x" * 3100).decode()  # 4136 characters
    errors = _errors(api.raw_cmd(call_id, "hangup", client_state=big), 422)
    assert errors[0]["source"]["pointer"] == "/client_state"
    assert errors[0]["detail"] == "client_state must be at most 4096 characters long"
    assert len(json.dumps(errors)) < 1000  # the value is not echoed
    api.ok(call_id, "hangup", client_state=base64.b64encode(b"x" * 3072).decode())  # 4096: accepted


# ---- 10. messages name the field and say what was expected ----------------------------------------
def test_messages_name_the_field_in_words_and_do_not_echo_values(api: Api, app: dict) -> None:
    call_id = api.answered_call(app["id"])
    errors = _errors(
        api.raw_cmd(call_id, "speak", payload="hi", voice="robot", language="en-US", client_state="hello world"), 422
    )
    details = {e["source"]["pointer"]: e["detail"] for e in errors}
    assert details["/client_state"] == "client_state must be Base64"
    assert details["/voice"].startswith("voice must be one of ") and '"male"' in details["/voice"]
    r = api.dial(app["id"], **{"from": "+1" + "9" * 900_000})
    errors = _errors(r, 422)
    assert errors[0]["source"]["pointer"] == "/from" and errors[0]["detail"].startswith("from must be a phone number")
    assert len(r.content) < 2000  # a 900 KB `from` is not echoed back
    r = api.sim("POST", "/inbound_calls", json={"connection_id": app["id"], "from": "x" * 1_000_000, "to": "+1"})
    assert r.status_code == 422 and len(r.content) < 2000
    r = api.http.post("/calls", content=b"{" + b'"a": "' + b"x" * 20_000_000 + b'"}', headers=api.v1)
    assert _errors(r, 413)[0]["code"] == "10015"


# ---- 8. lenient numbers in the query ------------------------------------------------------------
@pytest.mark.parametrize("value", ["\u0661", "1_0", "%201", "0x10", "1" + "0" * 20, "-1"])
def test_page_number_is_plain_bounded_ascii_digits(api: Api, value: str) -> None:
    r = api.http.get(f"{APPS}?page[number]={value}", headers=api.v2)
    errors = _errors(r, 400)
    assert errors[0]["source"] == {"parameter": "page[number]"}
    assert "1" + "0" * 20 not in r.text  # a huge number is not echoed back


# ---- 6 and 9. two tenants: fair delivery, a scoped simulator ---------------------------------------
@pytest.fixture(scope="module")
def tenants(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[RefServerProcess, Api, Api]]:
    path: Path = tmp_path_factory.mktemp("accounts") / "accounts.json"
    accounts = [
        {"name": n, "api_key": f"KEY-{n}", "v1_key": f"key-{n}", "v1_secret": f"secret-{n}"} for n in ("alice", "bob")
    ]
    path.write_text(json.dumps({"accounts": accounts}))
    proc = RefServerProcess(env={"REFSERVER_ACCOUNTS": str(path), "TIME_SCALE": "0"})
    try:
        proc.start()
        alice = Api(proc.url, "KEY-alice", "key-alice", "secret-alice")
        bob = Api(proc.url, "KEY-bob", "key-bob", "secret-bob")
        yield proc, alice, bob
        alice.close()
        bob.close()
    finally:
        proc.stop()
        proc.kill()


def test_one_tenants_dead_receiver_does_not_delay_anothers_webhooks(
    tenants: tuple[RefServerProcess, Api, Api], receiver: Receiver
) -> None:
    """alice's receiver hangs (each delivery waits out her 30 s timeout); bob's webhook to the same
    receiver host is delivered at once, though 70 of alice's deliveries are in flight."""
    _, alice, bob = tenants
    gate_name = f"dead-{uuid.uuid4().hex[:8]}"
    gate = receiver.gate(gate_name)
    try:
        dead = alice.create_app(webhook_event_url=f"{receiver.url}/gate/{gate_name}/a", webhook_timeout_secs=30)
        for _ in range(70):
            assert alice.inbound(dead["id"])["state"] == "parked"
        path = f"/ok/bob-{uuid.uuid4().hex[:8]}"
        healthy = bob.create_app(webhook_event_url=receiver.url + path)
        bob.inbound(healthy["id"])
        # bounded wait, far below alice's 30 s delivery timeout
        wait_for(lambda: receiver.at(path), timeout=5)
    finally:
        gate.set()


def test_the_simulator_is_scoped_to_the_tenant_of_its_credentials(
    tenants: tuple[RefServerProcess, Api, Api], receiver: Receiver
) -> None:
    proc, alice, bob = tenants
    assert proc.line("simulator /_sim: scoped") is not None
    app = alice.create_app(webhook_event_url="http://user:pa55@127.0.0.1:9/x?token=s3cret&call=1")
    call = alice.inbound(app["id"])
    # no credentials: refused on a server of several accounts
    r = httpx.get(f"{proc.url}/_sim/calls/{call['call_control_id']}", timeout=5)
    assert _errors(r, 401)[0]["code"] == "10009"
    assert _errors(httpx.get(f"{proc.url}/_sim/webhooks", timeout=5), 401)
    # the 401 is documented wherever the simulator scopes by credentials (and only there)
    sim = load_spec(Path(__file__).resolve().parents[2] / "spec" / "simulator.yaml")
    scoped = {op.operation_id for op in sim.operations if "401" in op.responses}
    assert scoped == set(SIM_SCOPED)
    # bob sees none of alice's calls or webhooks, cannot act on them, cannot call into her application
    assert _errors(bob.sim("GET", f"/calls/{call['call_control_id']}"), 404)
    assert _errors(bob.sim("GET", f"/calls/{call['call_control_id']}/webhooks"), 404)
    assert _errors(bob.sim("POST", f"/calls/{call['call_control_id']}/hangup"), 404)
    assert _errors(bob.sim("POST", "/inbound_calls", json={"connection_id": app["id"], "from": "+1", "to": "+2"}), 404)
    assert all(h["call_control_id"] != call["call_control_id"] for h in bob.sim("GET", "/webhooks").json()["data"])
    assert alice.call(call["call_control_id"])["is_alive"] is True
    # V1 Basic credentials work too
    r = alice.sim("GET", f"/calls/{call['call_control_id']}", headers={"Authorization": alice.v1["Authorization"]})
    assert r.status_code == 200
    # bob's script for a number does not change alice's calls to it
    assert bob.sim("POST", "/scripts", json={"to": "+18005550177", "outcome": "busy"}).status_code == 201
    dialed = alice.dial(app["id"], to="+18005550177").json()["data"]["call_control_id"]
    alice.wait_state(dialed, "answered")
    assert bob.sim("DELETE", "/scripts").status_code == 200
    # alice's webhooks are listed with the credentials of their URL redacted
    listed = alice.sim("GET", "/webhooks", params={"limit": 1000}).json()["data"]
    bobs = {h["call_control_id"] for h in bob.sim("GET", "/webhooks", params={"limit": 1000}).json()["data"]}
    assert {call["call_control_id"], dialed} <= {h["call_control_id"] for h in listed}
    assert not bobs & {h["call_control_id"] for h in listed}
    text = json.dumps(listed)
    assert "pa55" not in text and "s3cret" not in text
    assert redact_url("http://user:pa55@h:1/x?token=s3cret&call=1") == "http://REDACTED@h:1/x?token=REDACTED&call=1"


def test_the_open_simulator_is_an_explicit_setting() -> None:
    proc = RefServerProcess(env={"REFSERVER_SIM_OPEN": "0"})
    try:
        proc.start()
        assert proc.line("simulator /_sim: scoped") is not None
        assert httpx.get(f"{proc.url}/_sim/webhooks", timeout=5).status_code == 401
        assert httpx.get(f"{proc.url}/_sim/public_key", timeout=5).status_code == 200
    finally:
        proc.stop()
        proc.kill()
