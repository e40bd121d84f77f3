"""The V2 call commands (spec/call-control-v2.yaml) against a real server: a whole call, each
command's webhooks in its `x-webhooks` order, signed and valid, always in envelope 2; calls
controlled through V1 and V2 alike; the behaviours V2 adds; call-state errors.

The application is created with `webhook_api_version: "1"` on purpose: V2 commands send the
V2 envelope whatever it says. Requests are raw HTTP with the V2 Bearer key (the generated
client's V2 calls are another engineer's work in progress).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from specmodel import SPEC_DIR, Operation, default_spec, matches, slots_for
from tests.server.harness import API_KEY, Api, Receiver, RefServerProcess, verify, wait_for

VOICE = "AWS.Polly.Joanna"  # free-form in V2; `language` is optional


class V2:
    """The V2 call API over raw HTTP, with the simulator's views of calls and webhooks."""

    def __init__(self, api: Api) -> None:
        self.api = api
        self.http = api.http
        self.auth = {"Authorization": f"Bearer {API_KEY}"}

    def dial(self, connection_id: str, to: str = "+18005550100", **fields: Any) -> dict[str, Any]:
        body = {"to": to, "from": "+18005550101", "connection_id": connection_id, **fields}
        r = self.http.post("/v2/calls", json=body, headers=self.auth)
        assert r.status_code == 200, r.text
        return r.json()["data"]

    def raw(self, call_id: str, command: str, body: dict[str, Any] | None = None) -> httpx.Response:
        method = "PUT" if command == "client_state_update" else "POST"
        path = f"/v2/calls/{call_id}/actions/{command}"
        return self.http.request(method, path, json=body if body is not None else {}, headers=self.auth)

    def ok(self, call_id: str, command: str, **body: Any) -> dict[str, Any]:
        r = self.raw(call_id, command, body)
        assert r.status_code == 200, f"{command}: {r.text}"
        data = r.json()["data"]
        assert data["result"] == "ok"
        return data

    def error(self, call_id: str, command: str, status: int, **body: Any) -> dict[str, Any]:
        r = self.raw(call_id, command, body)
        assert r.status_code == status, f"{command}: {r.status_code} {r.text}"
        return r.json()["errors"][0]

    def status(self, call_id: str) -> httpx.Response:
        return self.http.get(f"/v2/calls/{call_id}", headers=self.auth)

    def answered_inbound(self, connection_id: str) -> str:
        call_id = self.api.inbound(connection_id)["call_control_id"]
        self.ok(call_id, "answer")
        return call_id


def op(command: str) -> Operation:
    path = "/v2/calls" if command == "dial" else f"/v2/calls/{{call_control_id}}/actions/{command}"
    return default_spec().find_operation("put" if command == "client_state_update" else "post", path)


def names(hooks: list[dict[str, Any]]) -> list[str]:
    return [h["event"] for h in hooks]


def since(api: Api, call_id: str, n: int) -> list[dict[str, Any]]:
    return api.hooks(call_id)[n:]


def until(api: Api, call_id: str, n: int, last: str) -> list[dict[str, Any]]:
    """The call's webhooks after the first n, once the last one is `last`."""
    return wait_for(lambda: (h := since(api, call_id, n)) and h[-1]["event"] == last and h)


def follows_steps(
    command: str, legs: dict[str, list[dict[str, Any]]], prefix: bool = False, **conditions: bool
) -> bool:
    """Whether the webhooks of the legs, in creation order, are what the command's steps allow
    (with `prefix`: the start of it, the rest being another command's)."""
    every = sorted(
        ((h["seq"], h["event"], leg) for leg, hooks in legs.items() for h in hooks), key=lambda item: item[0]
    )
    steps = op(command).webhooks
    assert steps is not None
    return matches(slots_for(steps, conditions), [(event, leg) for _, event, leg in every], prefix=prefix)


def payload(hook: dict[str, Any]) -> dict[str, Any]:
    return hook["body"]["data"]["payload"]


# ---- fixtures --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def v2(api: Api) -> V2:
    return V2(api)


@pytest.fixture(scope="module")
def hook_path() -> str:
    return f"/ok/v2-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="module")
def app(api: Api, receiver: Receiver, hook_path: str) -> dict[str, Any]:
    return api.create_app(webhook_event_url=receiver.url + hook_path, webhook_api_version="1")


@pytest.fixture(scope="module")
def delivered(api: Api, receiver: Receiver, hook_path: str) -> Iterator[Any]:
    """check(hooks): each webhook reached the receiver in envelope 2, signed, valid against its
    spec entry, in creation order per leg."""
    key = api.public_key()
    spec = default_spec()

    def check(hooks: list[dict[str, Any]]) -> None:
        for leg_id in dict.fromkeys(h["call_leg_id"] for h in hooks):
            wanted = [h["id"] for h in hooks if h["call_leg_id"] == leg_id]
            got = wait_for(
                lambda leg_id=leg_id, wanted=wanted: (
                    (r := [x for x in receiver.for_leg(hook_path, leg_id) if x.event["id"] in wanted])
                    and len(r) == len(wanted)
                    and r
                )
            )
            assert [x.event["id"] for x in got] == wanted, "delivered in creation order"
            for received in got:
                assert verify(key, received), "signed with the key of /_sim/public_key"
                entry = spec.webhook_for_body(received.json)
                assert entry is not None and entry.envelope == "2", received.json
                assert entry.body_schema is not None
                errors = sorted(spec.validator(entry.body_schema).iter_errors(received.json), key=str)
                assert not errors, f"{entry.event}: {errors[0].message}"
                assert received.json["meta"]["delivered_to"].endswith(hook_path)

    yield check


# ---- a whole call ------------------------------------------------------------------------------
def test_a_whole_v2_call(api: Api, v2: V2, app: dict[str, Any], delivered: Any) -> None:
    call = v2.dial(app["id"], client_state="aGVsbG8=")
    assert call["is_alive"] is False and call["client_state"] == "aGVsbG8="
    cid = call["call_control_id"]
    dialled = until(api, cid, 0, "call.answered")
    assert follows_steps("dial", {"self": dialled}, machine_detection=False, streaming=False)
    status = v2.status(cid).json()["data"]
    assert status["is_alive"] is True and "end_time" not in status

    n = len(api.hooks(cid))
    v2.ok(cid, "speak", payload="Welcome to the toolkit", voice=VOICE)
    spoke = until(api, cid, n, "call.speak.ended")
    assert follows_steps("speak", {"self": spoke}) and names(spoke) == ["call.speak.started", "call.speak.ended"]

    n = len(api.hooks(cid))
    v2.ok(cid, "gather_using_speak", payload="Your PIN, then pound", voice=VOICE, maximum_digits=4)
    assert api.sim("POST", f"/calls/{cid}/dtmf", json={"digits": "12#"}).status_code == 200
    gathered = until(api, cid, n, "call.gather.ended")
    assert follows_steps("gather_using_speak", {"self": gathered})
    assert [payload(h).get("digit") for h in gathered[:-1]] == ["1", "2", "#"]
    assert payload(gathered[-1])["digits"] == "12" and payload(gathered[-1])["status"] == "valid"

    n = len(api.hooks(cid))
    v2.ok(cid, "transfer", to="+18005550177", target_leg_client_state="bmV3IGxlZw==")
    leg = api.wait_state(cid, "bridged")["bridged_with"]
    new = until(api, leg, 0, "call.answered")
    assert follows_steps("transfer", {"new": new}, machine_detection=False)
    assert len(api.hooks(cid)) == n, "the transferred leg itself gets no webhook"
    assert payload(new[0])["client_state"] == "bmV3IGxlZw=="

    n = len(api.hooks(cid))
    v2.ok(cid, "record_start", format="mp3", channels="single")
    v2.ok(cid, "record_stop")
    recorded = until(api, cid, n, "call.recording.saved")
    assert follows_steps("record_start", {"self": []})
    assert follows_steps("record_stop", {"self": recorded})
    assert recorded[0]["body"]["data"]["payload"]["recording_urls"]["mp3"].endswith(".mp3")

    n = len(api.hooks(cid))
    v2.ok(cid, "hangup")
    hung = until(api, cid, n, "call.hangup")
    assert follows_steps("hangup", {"self": hung}, recording=False)
    peer = until(api, leg, len(new), "call.hangup")  # the bridged leg follows
    assert payload(peer[-1])["hangup_cause"] == "normal_clearing"
    status = v2.status(cid).json()["data"]
    assert status["is_alive"] is False and status["end_time"] >= status["start_time"]

    every = api.hooks(cid) + api.hooks(leg)
    assert {h["envelope"] for h in every} == {"2"}, "V2 commands send envelope 2 whatever the application says"
    delivered(every)


# ---- one call, both APIs ---------------------------------------------------------------------------
def test_a_v1_call_is_controlled_through_v2_and_the_other_way_round(
    api: Api, v2: V2, app: dict[str, Any], delivered: Any
) -> None:
    r = api.dial(app["id"])
    assert r.status_code == 200, r.text
    cid = r.json()["data"]["call_control_id"]
    until(api, cid, 0, "call.answered")
    assert {h["envelope"] for h in api.hooks(cid)} == {"1"}, "V1 dial: the application's envelope"
    assert v2.status(cid).json()["data"]["call_control_id"] == cid
    n = len(api.hooks(cid))
    v2.ok(cid, "speak", payload="From V2", voice=VOICE)
    spoke = until(api, cid, n, "call.speak.ended")
    assert [h["envelope"] for h in spoke] == ["2", "2"]
    delivered(spoke)
    n = len(api.hooks(cid))
    api.ok(cid, "speak", payload="From V1", voice="female", language="en-US")  # V1's answer shape
    assert [h["envelope"] for h in until(api, cid, n, "call.speak.ended")] == ["1", "1"]

    call = v2.dial(app["id"])
    other = call["call_control_id"]
    until(api, other, 0, "call.answered")
    n = len(api.hooks(other))
    r = api.raw_cmd(other, "hangup")
    assert r.status_code == 200 and r.json() == {"result": "ok"}
    hung = until(api, other, n, "call.hangup")
    assert [h["envelope"] for h in hung] == ["1"], "a V1 command: the application's envelope"
    assert v2.status(other).json()["data"]["is_alive"] is False


def test_a_dial_command_id_is_shared_by_v1_and_v2(api: Api, v2: V2, app: dict[str, Any]) -> None:
    command_id = str(uuid.uuid4())
    first = v2.dial(app["id"], command_id=command_id)
    again = v2.dial(app["id"], command_id=command_id)
    assert again["call_control_id"] == first["call_control_id"]
    n = len(api.wait_events(first["call_control_id"], 2))
    speak = {"payload": "Once", "voice": VOICE, "command_id": "same"}
    v2.ok(first["call_control_id"], "speak", **speak)
    v2.ok(first["call_control_id"], "speak", **speak)
    hooks = until(api, first["call_control_id"], n, "call.speak.ended")
    assert names(hooks) == ["call.speak.started", "call.speak.ended"], "a repeated command_id does nothing"


# ---- what V2 adds ------------------------------------------------------------------------------------
def quiet(api: Api, v2: V2, cid: str, command: str, idle: bool = False, **body: Any) -> list[dict[str, Any]]:
    """Run a command its steps say sends nothing (or, `idle`, one with nothing to act on), then a
    speak: only the speak's webhooks follow."""
    n = len(api.hooks(cid))
    v2.ok(cid, command, **body)
    v2.ok(cid, "speak", payload="marker", voice=VOICE)
    hooks = until(api, cid, n, "call.speak.ended")
    assert names(hooks[-2:]) == ["call.speak.started", "call.speak.ended"]
    assert idle or follows_steps(command, {"self": hooks[:-2]})
    return hooks[:-2]


def test_queues(api: Api, v2: V2, app: dict[str, Any], delivered: Any) -> None:
    a, b = v2.answered_inbound(app["id"]), v2.answered_inbound(app["id"])
    queue = f"q-{uuid.uuid4().hex[:6]}"
    na, nb = len(api.wait_events(a, 2)), len(api.wait_events(b, 2))
    v2.ok(a, "enqueue", queue_name=queue, max_size=2)
    v2.ok(b, "enqueue", queue_name=queue, max_size=2)
    joined_a, joined_b = until(api, a, na, "call.enqueued"), until(api, b, nb, "call.enqueued")
    assert follows_steps("enqueue", {"self": joined_a}) and follows_steps("enqueue", {"self": joined_b})
    assert [payload(joined_a[0])["current_position"], payload(joined_b[0])["current_position"]] == [1, 2]
    assert v2.error(b, "enqueue", 422, queue_name=queue)["code"] == "90038"
    c = v2.answered_inbound(app["id"])
    assert v2.error(c, "enqueue", 422, queue_name=queue, max_size=2)["code"] == "90036"
    v2.ok(c, "enqueue", queue_name=queue + "-wait", max_wait_time_secs=1)  # TIME_SCALE 0.01
    timed_out = wait_for(lambda: (h := api.hooks(c)) and h[-1]["event"] == "call.dequeued" and h)
    assert payload(timed_out[-1])["reason"] == "timeout"

    nb = len(api.hooks(b))
    v2.ok(a, "leave_queue")
    left = until(api, a, na + 1, "call.dequeued")
    assert follows_steps("leave_queue", {"self": left})
    assert payload(left[0])["reason"] == "leave" and payload(left[0])["queue_position"] == 1
    assert len(api.hooks(b)) == nb, "the others in the queue get no webhook"
    assert v2.error(a, "leave_queue", 422)["code"] == "90035"
    v2.ok(b, "bridge", call_control_id=a, park_after_unbridge="self")  # b leaves its queue: silently
    bridged = until(api, b, nb, "call.bridged")
    assert names(bridged) == ["call.bridged"], "the bridge's steps list no call.dequeued"
    v2.ok(a, "hangup")
    api.wait_state(b, "answered")
    assert v2.error(b, "leave_queue", 422)["code"] == "90035"
    v2.ok(b, "hangup")
    delivered(api.hooks(a)[na:] + api.hooks(b)[nb:] + api.hooks(c)[2:])


def test_recording_pause_and_resume(api: Api, v2: V2, app: dict[str, Any]) -> None:
    cid = v2.answered_inbound(app["id"])
    assert v2.error(cid, "record_pause", 422)["code"] == "90036"
    v2.ok(cid, "record_start", format="wav", channels="dual")
    assert v2.error(cid, "record_start", 422, format="wav", channels="dual")["code"] == "90035"
    assert quiet(api, v2, cid, "record_pause") == []
    assert quiet(api, v2, cid, "record_resume") == []
    v2.ok(cid, "record_resume")  # not paused: accepted, nothing happens
    n = len(api.hooks(cid))
    v2.ok(cid, "hangup")
    hooks = until(api, cid, n, "call.recording.saved")
    assert follows_steps("hangup", {"self": hooks}, recording=True)


def test_transcription_hears_the_speech_on_the_call(api: Api, v2: V2, app: dict[str, Any], delivered: Any) -> None:
    a, b = v2.answered_inbound(app["id"]), v2.answered_inbound(app["id"])
    v2.ok(a, "bridge", call_control_id=b)
    assert v2.error(a, "transcription_stop", 422)["code"] == "90035"
    na, nb = len(api.wait_events(a, 3)), len(api.wait_events(b, 3))
    v2.ok(a, "transcription_start", transcription_tracks="both")
    v2.ok(b, "transcription_start")  # inbound: what the other leg says
    assert v2.error(a, "transcription_start", 422)["code"] == "90054"
    v2.ok(a, "speak", payload="hello this is a test", voice=VOICE)
    heard_a = until(api, a, na, "call.transcription")
    heard_b = until(api, b, nb, "call.transcription")
    assert follows_steps("transcription_start", {"self": [h for h in heard_a if h["event"] == "call.transcription"]})
    data = payload(heard_a[-1])["transcription_data"]
    assert data == {
        "transcript": "hello this is a test",
        "is_final": True,
        "confidence": 1.0,
        "transcription_track": "outbound",
    }
    assert payload(heard_b[-1])["transcription_data"]["transcription_track"] == "inbound"
    assert quiet(api, v2, a, "transcription_stop") == []
    assert names(since(api, a, len(heard_a) + na)) == ["call.speak.started", "call.speak.ended"], (
        "stopped: nothing heard"
    )
    delivered(heard_a + heard_b)


def test_streaming(api: Api, v2: V2, app: dict[str, Any], delivered: Any) -> None:
    cid = v2.answered_inbound(app["id"])
    assert v2.error(cid, "streaming_stop", 422)["code"] == "90035"
    n = len(api.wait_events(cid, 2))
    v2.ok(cid, "streaming_start", stream_url="wss://media.example.com/s")
    started = until(api, cid, n, "streaming.started")
    assert follows_steps("streaming_start", {"self": started})
    assert payload(started[0])["stream_url"] == "wss://media.example.com/s"
    assert v2.error(cid, "streaming_start", 422, stream_url="wss://media.example.com/t")["code"] == "90035"
    assert v2.error(cid, "streaming_stop", 422, stream_id=str(uuid.uuid4()))["source"]["pointer"] == "/stream_id"
    v2.ok(cid, "streaming_stop")
    stopped = until(api, cid, n + 1, "streaming.stopped")
    assert follows_steps("streaming_stop", {"self": stopped})
    v2.ok(cid, "streaming_start", stream_url="wss://nowhere.invalid/s")
    failed = until(api, cid, n + 2, "streaming.failed")
    assert follows_steps("streaming_start", {"self": failed})
    assert payload(failed[0])["stream_params"]["stream_url"] == "wss://nowhere.invalid/s"
    r = v2.raw(cid, "streaming_start", {"stream_url": "wss://[not-ipv6/s"})  # no host: never a 500
    assert r.status_code in (200, 422), r.text
    if r.status_code == 200:
        assert until(api, cid, n + 3, "streaming.failed")
    delivered(started + stopped + failed)


def test_dial_and_answer_start_what_they_are_asked_to(api: Api, v2: V2, app: dict[str, Any], delivered: Any) -> None:
    call = v2.dial(
        app["id"],
        answering_machine_detection="detect",
        stream_url="wss://media.example.com/d",
        record="record-from-answer",
    )
    cid = call["call_control_id"]
    assert call["recording_id"]
    hooks = until(api, cid, 0, "streaming.started")
    assert follows_steps("dial", {"self": hooks}, machine_detection=True, machine_greeting=False, streaming=True)
    assert payload(hooks[2])["result"] == "human"
    assert api.call(cid)["recording"] is True
    inbound = api.inbound(app["id"])["call_control_id"]
    n = len(api.wait_events(inbound, 1))
    answered = v2.ok(inbound, "answer", stream_url="wss://media.example.com/a", record="record-from-answer")
    assert answered["recording_id"]
    hooks2 = until(api, inbound, n, "streaming.started")
    assert follows_steps("answer", {"self": hooks2}, streaming=True)
    v2.ok(inbound, "transfer", to="+18005550178", answering_machine_detection="detect_beep")
    leg = api.wait_state(inbound, "bridged")["bridged_with"]
    new = until(api, leg, 0, "call.machine.detection.ended")
    assert follows_steps("transfer", {"new": new}, machine_detection=True, machine_greeting=False)
    delivered(hooks + hooks2 + new)


def test_fork_refer_sip_info_suppression_and_client_state(
    api: Api, v2: V2, app: dict[str, Any], delivered: Any
) -> None:
    cid = v2.answered_inbound(app["id"])
    n = len(api.wait_events(cid, 2))
    assert v2.error(cid, "fork_stop", 422)["code"] == "90031"
    v2.ok(cid, "fork_start", rx="udp:192.0.2.1:9000", tx="udp:192.0.2.1:9001", stream_type="decrypted")
    forked = until(api, cid, n, "call.fork.started")
    assert follows_steps("fork_start", {"self": forked}) and payload(forked[0])["stream_type"] == "decrypted"
    v2.ok(cid, "fork_stop")
    stopped = until(api, cid, n + 1, "call.fork.stopped")
    assert follows_steps("fork_stop", {"self": stopped})
    assert payload(stopped[0])["stream_type"] == "decrypted", "the stream_type fork_start used"

    v2.ok(cid, "refer", sip_address="sip:agent@sip.example.com")
    referred = until(api, cid, n + 2, "call.refer.completed")
    assert follows_steps("refer", {"self": referred}) and payload(referred[-1])["sip_notify_response"] == 200
    v2.ok(cid, "refer", sip_address="sip:agent@nowhere.invalid")
    refused = until(api, cid, n + 4, "call.refer.failed")
    assert follows_steps("refer", {"self": refused})

    assert quiet(api, v2, cid, "send_sip_info", content_type="application/json", body='{"a": 1}') == []
    assert quiet(api, v2, cid, "suppression_start", direction="both") == []
    assert v2.error(cid, "suppression_start", 422)["code"] == "90035"
    assert quiet(api, v2, cid, "suppression_stop") == []
    assert v2.error(cid, "suppression_stop", 422)["code"] == "90035"

    r = v2.raw(cid, "client_state_update", {"client_state": "dXBkYXRlZA=="})
    assert r.status_code == 200 and r.json() == {"data": {"result": "ok"}}
    marker = quiet(api, v2, cid, "client_state_update", client_state="dXBkYXRlZA==")
    assert marker == []
    assert payload(api.hooks(cid)[-1])["client_state"] == "dXBkYXRlZA==", "later webhooks carry the new state"
    assert v2.raw(cid, "client_state_update", {}).status_code == 422
    delivered(forked + stopped + referred + refused)


def test_gather_and_gather_stop(api: Api, v2: V2, app: dict[str, Any], delivered: Any) -> None:
    cid = v2.answered_inbound(app["id"])
    n = len(api.wait_events(cid, 2))
    v2.ok(cid, "gather", maximum_digits=3, gather_id="menu")
    assert api.sim("POST", f"/calls/{cid}/dtmf", json={"digits": "4"}).status_code == 200
    wait_for(lambda: names(since(api, cid, n)) == ["call.dtmf.received"])
    v2.ok(cid, "gather_stop")
    hooks = until(api, cid, n, "call.gather.ended")
    assert names(hooks) == ["call.dtmf.received", "call.gather.ended"]
    assert follows_steps("gather", {"self": hooks[:1]}, prefix=True) and follows_steps(
        "gather_stop", {"self": hooks[1:]}
    )
    assert payload(hooks[-1])["status"] == "cancelled" and payload(hooks[-1])["digits"] == "4"
    assert quiet(api, v2, cid, "gather_stop", idle=True) == [], "nothing running: nothing sent"
    delivered(hooks)


# ---- refusals --------------------------------------------------------------------------------------
def test_call_state_errors_and_auth(api: Api, v2: V2, app: dict[str, Any]) -> None:
    parked = api.inbound(app["id"])["call_control_id"]
    err = v2.error(parked, "speak", 422, payload="x", voice=VOICE)
    assert err["code"] == "90034"
    assert v2.error(parked, "enqueue", 422, queue_name="q")["code"] == "90034"
    v2.ok(parked, "answer")
    assert v2.error(parked, "answer", 422)["code"] == "90035"
    assert v2.error(parked, "reject", 422, cause="USER_BUSY")["code"] == "90035"
    v2.ok(parked, "hangup")
    assert v2.error(parked, "speak", 422, payload="x", voice=VOICE)["code"] == "90018"
    assert v2.error(parked, "hangup", 422)["code"] == "90018"
    assert v2.error("v1:no-such-call", "hangup", 404)["code"] == "10005"
    assert v2.status("v1:no-such-call").status_code == 404
    assert v2.error(parked, "speak", 422, payload="x")["source"]["pointer"] == "/voice"
    r = api.http.post(f"/v2/calls/{parked}/actions/hangup", json={})
    assert r.status_code == 401 and r.json()["errors"][0]["code"] == "10009"
    r = api.http.post(f"/v2/calls/{parked}/actions/hangup", json={}, headers=api.v1)
    assert r.status_code == 401, "V1 credentials do not open V2"
    r = api.http.post(f"/calls/{parked}/actions/hangup", json={}, headers=v2.auth)
    assert r.status_code == 401, "nor V2 credentials V1"


def test_another_accounts_call_is_not_found(tmp_path: Any, receiver: Receiver) -> None:
    accounts = tmp_path / "accounts.json"
    accounts.write_text(
        '{"accounts": [{"name": "a", "api_key": "KEYa", "v1_key": "a1", "v1_secret": "s1"},'
        ' {"name": "b", "api_key": "KEYb", "v1_key": "b1", "v1_secret": "s2"}]}'
    )
    server = RefServerProcess(env={"REFSERVER_ACCOUNTS": str(accounts)})
    try:
        server.start()
        a = httpx.Client(base_url=server.url, headers={"Authorization": "Bearer KEYa"}, trust_env=False)
        b = httpx.Client(base_url=server.url, headers={"Authorization": "Bearer KEYb"}, trust_env=False)
        app = a.post(
            "/v2/call_control_applications",
            json={"application_name": "a", "webhook_event_url": receiver.url + "/ok/acc"},
        )
        body = {"to": "+18005550100", "from": "+18005550101", "connection_id": app.json()["data"]["id"]}
        cid = a.post("/v2/calls", json=body).json()["data"]["call_control_id"]
        assert a.get(f"/v2/calls/{cid}").status_code == 200
        assert b.get(f"/v2/calls/{cid}").status_code == 404
        assert b.post(f"/v2/calls/{cid}/actions/hangup", json={}).status_code == 404
        assert b.post("/v2/calls", json=body).json()["errors"][0]["code"] == "10015"
        a.close()
        b.close()
    finally:
        server.stop()
        server.kill()


def test_the_server_serves_the_documents_of_its_spec_directory(tmp_path: Any) -> None:
    """Which APIs are served comes from SPEC_DIR alone: without the V2 call document there is
    no /v2/calls, and V1 calls go on as before."""
    spec_dir = tmp_path / "spec"
    shutil.copytree(SPEC_DIR, spec_dir)
    (spec_dir / "call-control-v2.yaml").unlink()
    server = RefServerProcess(env={"SPEC_DIR": str(spec_dir)})
    try:
        server.start()
        api = Api(server.url)
        r = api.http.post("/v2/calls", json={}, headers={"Authorization": f"Bearer {API_KEY}"})
        assert r.status_code == 404 and r.json()["errors"][0]["code"] == "10005"
        app = api.create_app(webhook_event_url="http://127.0.0.1:9/ok")
        assert api.dial(app["id"]).status_code == 200
        api.close()
    finally:
        server.stop()
        server.kill()
