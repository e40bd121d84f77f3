"""Calls against a real server: each command's webhooks, in order, in both envelopes,
signed, valid against the spec; call states; the seed's application fields."""

from __future__ import annotations

import uuid
from typing import Any

import httpx
import pytest

from specmodel import Operation, default_spec
from tests.server.harness import Api, Receiver, matches_steps, verify, wait_for

AUDIO = "https://example.com/prompt.wav"
SPEAK = {"payload": "Hello there", "voice": "female", "language": "en-US"}


# ---- fixtures --------------------------------------------------------------------------
@pytest.fixture(scope="module", params=["1", "2"], ids=["envelope1", "envelope2"])
def envelope(request: pytest.FixtureRequest) -> str:
    return request.param


@pytest.fixture(scope="module")
def hook_path(envelope: str) -> str:
    return f"/ok/calls-{envelope}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def app(api: Api, receiver: Receiver, envelope: str, hook_path: str) -> dict[str, Any]:
    return api.create_app(webhook_event_url=receiver.url + hook_path, webhook_api_version=envelope)


@pytest.fixture(scope="module")
def webhook_schemas() -> dict[tuple[str, str], Any]:
    """(x-event-type, x-envelope) -> (x-event-type-pointer, x-event, validator), from specmodel."""
    spec = default_spec()
    out = {}
    for entry in spec.webhooks:
        assert entry.event_type and entry.envelope and entry.body_schema is not None
        key = (entry.event_type, entry.envelope)
        out[key] = (entry.event_type_pointer, entry.event, spec.validator(entry.body_schema))
    return out


def operation_of(command: str) -> Operation:
    path = "/calls" if command == "dial" else f"/calls/{{call_control_id}}/actions/{command}"
    return default_spec().find_operation("post", path)


COMMANDS = [
    "dial",
    "answer",
    "bridge",
    "fork_start",
    "fork_stop",
    "gather_using_audio",
    "gather_using_speak",
    "hangup",
    "playback_start",
    "playback_stop",
    "record_start",
    "record_stop",
    "reject",
    "send_dtmf",
    "speak",
    "transfer",
]


# ---- scenarios: run one command, return the events it caused, per leg ----------------------
def _after(api: Api, call_id: str, n: int) -> list[dict[str, Any]]:
    return api.hooks(call_id)[n:]


def _names(hooks: list[dict[str, Any]]) -> list[str]:
    return [h["event"] for h in hooks]


def _wait_last(api: Api, call_id: str, n: int, last: str) -> list[dict[str, Any]]:
    return wait_for(lambda: (h := _after(api, call_id, n)) and h[-1]["event"] == last and h)


def _with_marker(api: Api, call_id: str, command: str, **body: Any) -> list[dict[str, Any]]:
    """Run a command said to send nothing, then a speak: only the speak's webhooks follow."""
    n = len(api.hooks(call_id))
    api.ok(call_id, command, **body)
    api.ok(call_id, "speak", **SPEAK)
    hooks = _wait_last(api, call_id, n, "call.speak.ended")
    assert _names(hooks[-2:]) == ["call.speak.started", "call.speak.ended"]
    return hooks[:-2]


def scenario(api: Api, app: dict[str, Any], command: str) -> dict[str, list[dict[str, Any]]]:
    cid = app["id"]
    if command == "dial":
        r = api.dial(cid)
        assert r.status_code == 200, r.text
        call = r.json()["data"]
        assert call["record_type"] == "call" and call["is_alive"] is False
        return {"self": _wait_last(api, call["call_control_id"], 0, "call.answered")}
    if command == "answer":
        call_id = api.inbound(cid)["call_control_id"]
        n = len(api.hooks(call_id))
        api.ok(call_id, "answer")
        return {"self": _wait_last(api, call_id, n, "call.answered")}
    if command == "bridge":
        a, b = api.answered_call(cid), api.answered_call(cid)
        na, nb = len(api.wait_events(a, 2)), len(api.wait_events(b, 2))
        api.ok(a, "bridge", call_control_id=b)
        self_hooks = _wait_last(api, a, na, "call.bridged")
        other_hooks = _wait_last(api, b, nb, "call.bridged")
        assert self_hooks[0]["seq"] < other_hooks[0]["seq"], "leg A's webhook comes first"
        return {"self": self_hooks, "other": other_hooks}
    if command in ("fork_start", "record_start", "send_dtmf"):
        call_id = api.answered_call(cid)
        api.wait_events(call_id, 2)
        body = {
            "fork_start": {"target": "udp:192.0.2.1:9000"},
            "record_start": {"format": "mp3", "channels": "single"},
            "send_dtmf": {"digits": "12w3"},
        }[command]
        return {"self": _with_marker(api, call_id, command, **body)}
    if command == "fork_stop":
        call_id = api.answered_call(cid)
        api.ok(call_id, "fork_start", rx="udp:192.0.2.1:9000", tx="udp:192.0.2.1:9001")
        api.wait_events(call_id, 2)
        return {"self": _with_marker(api, call_id, "fork_stop")}
    if command in ("gather_using_audio", "gather_using_speak"):
        call_id = api.answered_call(cid)
        n = len(api.wait_events(call_id, 2))
        body = {"audio_url": AUDIO} if command == "gather_using_audio" else dict(SPEAK)
        api.ok(call_id, command, maximum_digits=3, **body)
        r = api.sim("POST", f"/calls/{call_id}/dtmf", json={"digits": "123"})
        assert r.status_code == 200, r.text
        hooks = _wait_last(api, call_id, n, "call.gather.ended")
        return {"self": hooks}
    if command == "hangup":
        call_id = api.answered_call(cid)
        api.ok(call_id, "record_start", format="wav", channels="dual")
        n = len(api.wait_events(call_id, 2))
        api.ok(call_id, "hangup")
        return {"self": _wait_last(api, call_id, n, "call.recording.saved")}
    if command == "playback_start":
        call_id = api.answered_call(cid)
        n = len(api.wait_events(call_id, 2))
        api.ok(call_id, "playback_start", audio_url=AUDIO, loop=2)
        return {"self": _wait_last(api, call_id, n, "call.playback.ended")}
    if command == "playback_stop":
        call_id = api.answered_call(cid)
        api.ok(call_id, "playback_start", audio_url=AUDIO, loop="infinity")
        n = len(api.wait_events(call_id, 3))
        api.ok(call_id, "playback_stop")
        return {"self": _wait_last(api, call_id, n, "call.playback.ended")}
    if command == "record_stop":
        call_id = api.answered_call(cid)
        api.ok(call_id, "record_start", format="mp3", channels="single")
        n = len(api.wait_events(call_id, 2))
        api.ok(call_id, "record_stop")
        return {"self": _wait_last(api, call_id, n, "call.recording.saved")}
    if command == "reject":
        call_id = api.inbound(cid)["call_control_id"]
        n = len(api.wait_events(call_id, 1))
        api.ok(call_id, "reject", cause="USER_BUSY")
        hooks = _wait_last(api, call_id, n, "call.hangup")
        assert hooks[-1]["body"] and _payload(hooks[-1])["hangup_cause"] == "user_busy"
        return {"self": hooks}
    if command == "speak":
        call_id = api.answered_call(cid)
        n = len(api.wait_events(call_id, 2))
        api.ok(call_id, "speak", **SPEAK)
        return {"self": _wait_last(api, call_id, n, "call.speak.ended")}
    if command == "transfer":
        call_id = api.answered_call(cid)
        n = len(api.wait_events(call_id, 2))
        api.ok(call_id, "transfer", to="+18005550177")
        leg = api.wait_state(call_id, "bridged")["bridged_with"]
        assert len(api.hooks(call_id)) == n, "the transferred leg itself gets no webhook"
        return {"new": _wait_last(api, leg, 0, "call.answered")}
    raise AssertionError(command)


def _payload(hook: dict[str, Any]) -> dict[str, Any]:
    body = hook["body"]
    return body.get("data", body)["payload"]


# ---- the tests -------------------------------------------------------------------------
@pytest.mark.parametrize("command", COMMANDS)
def test_command_webhooks_follow_x_webhooks_in_order(
    api: Api,
    app: dict[str, Any],
    receiver: Receiver,
    hook_path: str,
    envelope: str,
    webhook_schemas: dict[tuple[str, str], Any],
    command: str,
) -> None:
    legs = scenario(api, app, command)
    key = api.public_key()
    roles = {h["call_leg_id"]: leg for leg, hooks in legs.items() for h in hooks}
    every = [h for hooks in legs.values() for h in hooks]
    recording = command == "hangup"  # the hangup scenario hangs up a recorded call
    names = [(h["event"], roles[h["call_leg_id"]]) for h in sorted(every, key=lambda h: h["seq"])]
    assert matches_steps(operation_of(command), every, roles, recording=recording), f"{command}: {names}"
    for hooks in legs.values():
        for hook in hooks:
            assert hook["envelope"] == envelope
            pointer, event, _ = webhook_schemas[(hook["event_type"], envelope)]
            assert event == hook["event"]
        # delivered to the receiver: signed, valid against the spec, in creation order
        leg_id = hooks[0]["call_leg_id"] if hooks else None
        if leg_id is None:
            continue
        wanted = {h["id"] for h in hooks}
        got = wait_for(
            lambda leg_id=leg_id, wanted=wanted: (
                (r := [x for x in receiver.for_leg(hook_path, leg_id) if x.event["id"] in wanted])
                and len(r) == len(wanted)
                and r
            )
        )
        assert [x.event["id"] for x in got] == [h["id"] for h in hooks], "delivery order"
        for received in got:
            assert verify(key, received), "signature verifies with /_sim/public_key"
            entry = default_spec().webhook_for_body(received.json)  # by its x-event-type-pointer
            assert entry is not None and entry.envelope == envelope, received.json
            pointer, event, validator = webhook_schemas[(entry.event_type, envelope)]
            errors = sorted(validator.iter_errors(received.json), key=str)
            assert not errors, f"{entry.event_type}: {errors[0].message}"
            if envelope == "2":
                assert received.json["meta"]["delivered_to"].endswith(hook_path)
                assert pointer == "/data/event_type"
            else:
                assert "meta" not in received.json and pointer == "/event_type"


def test_recording_urls_are_served(api: Api, app: dict[str, Any]) -> None:
    call_id = api.answered_call(app["id"])
    api.ok(call_id, "record_start", format="mp3", channels="single")
    api.ok(call_id, "record_stop")
    hook = api.wait_events(call_id, 3)[-1]
    assert hook["event"] == "call.recording.saved"
    payload = _payload(hook)
    assert "call_control_id" not in payload
    assert payload["recording_urls"]["wav"] is None
    r = httpx.get(payload["recording_urls"]["mp3"], trust_env=False)
    assert r.status_code == 200 and r.headers["content-type"] == "audio/mpeg"
    assert r.content[:2] == b"\xff\xfb" and len(r.content) > 100
    wav_url = payload["recording_urls"]["mp3"].replace(".mp3", ".wav")
    assert httpx.get(wav_url, trust_env=False).status_code == 404


def test_hangup_of_a_recorded_call_sends_hangup_then_recording_saved(api: Api, app: dict[str, Any]) -> None:
    call_id = api.answered_call(app["id"])
    api.ok(call_id, "record_start", format="wav", channels="single")
    r = api.sim("POST", f"/calls/{call_id}/hangup")  # the caller hangs up
    assert r.status_code == 200
    hooks = api.wait_events(call_id, 4)
    assert _names(hooks)[-2:] == ["call.hangup", "call.recording.saved"]
    assert _payload(hooks[-2])["hangup_cause"] == "normal_clearing"
    assert _payload(hooks[-1])["recording_urls"]["wav"].endswith(".wav")


def test_commands_after_hangup_answer_422_90018(api: Api, app: dict[str, Any]) -> None:
    call_id = api.answered_call(app["id"])
    api.ok(call_id, "hangup")
    for command, body in [("speak", SPEAK), ("hangup", {}), ("answer", {})]:
        r = api.cmd(call_id, command, **body)
        assert r.status_code == 422, r.text
        err = r.json()["errors"][0]
        assert err["code"] == "90018" and err["source"]["pointer"] == "/call_control_id"
    assert api.call(call_id)["state"] == "hangup"


def test_unknown_call_is_404_and_wrong_state_is_422(api: Api, app: dict[str, Any]) -> None:
    r = api.cmd("v1:does-not-exist", "answer")
    assert r.status_code == 404 and r.json()["errors"][0]["code"] == "10005"
    parked = api.inbound(app["id"])["call_control_id"]
    r = api.cmd(parked, "speak", **SPEAK)  # speak needs an answered call
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "90034"
    api.ok(parked, "answer")
    r = api.cmd(parked, "answer")  # answer only in parked
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "90035"
    r = api.cmd(parked, "record_stop")
    assert r.status_code == 422
    r = api.cmd(parked, "fork_stop")
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "90031"


def test_repeated_command_id_is_200_and_ignored(api: Api, app: dict[str, Any]) -> None:
    call_id = api.inbound(app["id"])["call_control_id"]
    api.ok(call_id, "answer", command_id="cmd-1")
    api.ok(call_id, "answer", command_id="cmd-1")  # would be 422 in state answered
    api.ok(call_id, "speak", command_id="cmd-2", **SPEAK)
    api.ok(call_id, "speak", command_id="cmd-2", **SPEAK)
    hooks = wait_for(lambda: (h := api.hooks(call_id))[-1]["event"] == "call.speak.ended" and h)
    api.ok(call_id, "hangup", command_id="cmd-3")
    api.ok(call_id, "hangup", command_id="cmd-3")  # a retried hangup is not a 90018
    hooks = api.wait_events(call_id, len(hooks) + 1)
    assert _names(hooks) == [
        "call.initiated",
        "call.answered",
        "call.speak.started",
        "call.speak.ended",
        "call.hangup",
    ]
    # a dial retried with its command_id gives the same call
    first = api.dial(app["id"], command_id="dial-1").json()["data"]
    again = api.dial(app["id"], command_id="dial-1").json()["data"]
    assert first["call_control_id"] == again["call_control_id"]


def test_client_state_is_echoed_in_later_webhooks(api: Api, app: dict[str, Any]) -> None:
    call_id = api.inbound(app["id"])["call_control_id"]
    api.ok(call_id, "answer", client_state="c3RhdGUx")
    api.ok(call_id, "speak", **SPEAK)
    hooks = wait_for(lambda: (h := api.hooks(call_id))[-1]["event"] == "call.speak.ended" and h)
    assert _payload(hooks[0])["client_state"] is None
    assert [_payload(h)["client_state"] for h in hooks[1:]] == ["c3RhdGUx"] * 3
    r = api.cmd(call_id, "speak", client_state="not base64!", **SPEAK)
    assert r.status_code == 422 and r.json()["errors"][0]["source"]["pointer"] == "/client_state"


def test_dial_far_end_scripts(api: Api, app: dict[str, Any]) -> None:
    outcomes = {
        "+18005550301": ("busy", "user_busy"),
        "+18005550302": ("rejected", "call_rejected"),
        "+18005550303": ("no_answer", "timeout"),
    }
    for to, (outcome, _) in outcomes.items():
        r = api.sim("POST", "/scripts", json={"to": to, "outcome": outcome, "times": 1})
        assert r.status_code == 201, r.text
    for to, (_, cause) in outcomes.items():
        call_id = api.dial(app["id"], to=to, timeout_secs=5).json()["data"]["call_control_id"]
        hooks = wait_for(lambda c=call_id: (h := api.hooks(c)) and h[-1]["event"] == "call.hangup" and h)
        assert _names(hooks) == ["call.initiated", "call.hangup"]
        assert _payload(hooks[-1])["hangup_cause"] == cause
    # early hangup: answered, then the far end hangs up
    api.sim("POST", "/scripts", json={"to": "+18005550304", "outcome": "early_hangup"})
    call_id = api.dial(app["id"], to="+18005550304").json()["data"]["call_control_id"]
    hooks = wait_for(lambda: (h := api.hooks(call_id)) and h[-1]["event"] == "call.hangup" and h)
    assert _names(hooks) == ["call.initiated", "call.answered", "call.hangup"]
    # manual: the simulator answers
    api.sim("POST", "/scripts", json={"to": "+18005550305", "outcome": "manual"})
    call_id = api.dial(app["id"], to="+18005550305").json()["data"]["call_control_id"]
    assert api.call(call_id)["ringing"] is True
    assert api.sim("POST", f"/calls/{call_id}/answer").status_code == 200
    assert api.call(call_id)["state"] == "answered"
    assert api.sim("POST", f"/calls/{call_id}/answer").status_code == 422
    assert api.sim("DELETE", "/scripts").json() == {"data": []}


def _gather(api: Api, app: dict[str, Any], digits: str | None, **params: Any) -> dict[str, Any]:
    call_id = api.answered_call(app["id"])
    api.ok(call_id, "gather_using_speak", **SPEAK, **params)
    if digits:
        api.sim("POST", f"/calls/{call_id}/dtmf", json={"digits": digits})
    hooks = wait_for(lambda: (h := api.hooks(call_id)) and "call.gather.ended" in _names(h) and h)
    end = _names(hooks).index("call.gather.ended")
    pressed = [_payload(h)["digit"] for h in hooks[:end] if h["event"] == "call.dtmf.received"]
    return _payload(hooks[end]) | {"dtmf": pressed}


def test_gather_honours_digits_limits_and_tries(api: Api, app: dict[str, Any]) -> None:
    ended = _gather(api, app, "12#", minimum_digits=2)
    assert (ended["status"], ended["digits"], ended["dtmf"]) == ("valid", "12", ["1", "2", "#"])
    ended = _gather(api, app, "1234", maximum_digits=3)
    assert (ended["status"], ended["digits"]) == ("valid", "123")
    ended = _gather(api, app, "19*", valid_digits="123", terminating_digit="*", maximum_tries=1)
    assert (ended["status"], ended["digits"]) == ("invalid", "19")
    ended = _gather(api, app, "1#", minimum_digits=2, maximum_tries=1)
    assert (ended["status"], ended["digits"]) == ("invalid", "1")
    ended = _gather(api, app, "5", inter_digit_timeout_millis=1000)  # ends by inter-digit timeout
    assert (ended["status"], ended["digits"]) == ("valid", "5")
    ended = _gather(api, app, None, timeout_millis=1000, maximum_tries=2)  # no input at all
    assert (ended["status"], ended["digits"], ended["dtmf"]) == ("invalid", "", [])


def test_first_command_timeout_hangs_up_unattended_inbound_call(api: Api, receiver: Receiver) -> None:
    app = api.create_app(
        webhook_event_url=receiver.url + "/ok/fct",
        first_command_timeout=True,
        first_command_timeout_secs=10,
    )
    idle = api.inbound(app["id"])["call_control_id"]
    attended = api.inbound(app["id"])["call_control_id"]
    api.ok(attended, "answer")
    hooks = wait_for(lambda: (h := api.hooks(idle))[-1]["event"] == "call.hangup" and h)
    assert _payload(hooks[-1])["hangup_cause"] == "timeout"
    assert api.call(attended)["state"] == "answered"


def test_channel_limits_and_inactive_application(api: Api, receiver: Receiver) -> None:
    app = api.create_app(
        webhook_event_url=receiver.url + "/ok/limits",
        inbound={"channel_limit": 1},
        outbound={"channel_limit": 1},
    )
    api.sim("POST", "/scripts", json={"to": "+18005550400", "outcome": "manual"})
    first_in = api.inbound(app["id"])["call_control_id"]
    r = api.sim("POST", "/inbound_calls", json={"connection_id": app["id"], "from": "+1", "to": "+2"})
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "90040"
    first_out = api.dial(app["id"], to="+18005550400")
    assert first_out.status_code == 200
    r = api.dial(app["id"], to="+18005550400")
    assert r.status_code == 422 and r.json()["errors"][0]["source"]["pointer"] == "/connection_id"
    api.ok(first_in, "hangup")
    api.inbound(app["id"])  # room again
    inactive = api.create_app(webhook_event_url=receiver.url + "/ok/inactive", active=False)
    r = api.dial(inactive["id"])
    assert r.status_code == 422 and r.json()["errors"][0]["source"]["pointer"] == "/connection_id"
    r = api.sim("POST", "/inbound_calls", json={"connection_id": inactive["id"], "from": "+1", "to": "+2"})
    assert r.status_code == 422
    api.sim("DELETE", "/scripts")


def test_bridge_then_hangup_ends_both_legs_unless_parked(api: Api, app: dict[str, Any]) -> None:
    a, b = api.answered_call(app["id"]), api.answered_call(app["id"])
    api.ok(a, "bridge", call_control_id=b)
    api.ok(b, "hangup")
    api.wait_state(a, "hangup")
    c, d = api.answered_call(app["id"]), api.answered_call(app["id"])
    api.ok(c, "bridge", call_control_id=d, park_after_unbridge="self")
    assert api.call(c)["state"] == "bridged"
    api.ok(d, "hangup")
    assert api.wait_state(c, "answered")["bridged_with"] is None
    r = api.cmd(c, "bridge", call_control_id=d)
    assert r.status_code == 422 and r.json()["errors"][0]["code"] == "90018"
