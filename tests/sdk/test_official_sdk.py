"""The outside check: Telnyx's OFFICIAL Python SDK (`telnyx`, the version pinned in the lock),
unmodified, pointed at the reference server (`base_url` = server + `/v2`, the server's API key),
runs a whole call and the applications CRUD. Every webhook arrives signed, in the order of
the command's `x-webhooks` steps (spec/call-control-v2.yaml), and the SDK's own
`client.webhooks.unwrap` (signature check with the server's public key) parses each one to
the SDK type of its event.
"""

from __future__ import annotations

import base64
import typing
import uuid
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from specmodel import default_spec, matches, slots_for
from tests.server.harness import API_KEY, Receiver, RefServerProcess, started_receiver, started_server, wait_for

SDK_VERSION = "4.189.0"  # the version pinned in pyproject.toml's dev and bench groups

telnyx = pytest.importorskip(
    "telnyx", reason=f"the official Telnyx SDK (telnyx=={SDK_VERSION}, dev group of uv.lock) is not installed"
)
if telnyx.__version__ != SDK_VERSION:
    pytest.skip(
        f"telnyx {telnyx.__version__} is installed; this check is written for {SDK_VERSION}", allow_module_level=True
    )

from telnyx.types import UnwrapWebhookEvent  # noqa: E402  (after the skip above)

VOICE = "AWS.Polly.Joanna"


def sdk_event_types() -> dict[str, type]:
    """Event name -> the SDK's model for it, read from the SDK's own union of webhook events
    (each model's `data.event_type` is a Literal of its event name)."""
    found: dict[str, type] = {}
    for model in typing.get_args(UnwrapWebhookEvent):
        data = model.model_fields.get("data")
        if data is None:
            continue
        for data_type in typing.get_args(data.annotation) or (data.annotation,):
            field = getattr(data_type, "model_fields", {}).get("event_type")
            if field is None:
                continue
            for literal in typing.get_args(field.annotation) or (field.annotation,):
                for name in typing.get_args(literal):
                    found.setdefault(name, model)
    return found


# ---- fixtures --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RefServerProcess]:
    with started_server(tmp_path_factory.mktemp("sdk")) as proc:
        yield proc


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    with started_receiver() as r:
        yield r


@pytest.fixture(scope="module")
def sim(server: RefServerProcess) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server.url + "/_sim", timeout=10, trust_env=False) as client:
        yield client


@pytest.fixture(scope="module")
def client(server: RefServerProcess, sim: httpx.Client) -> Iterator[Any]:
    public_key = sim.get("/public_key").json()["data"]["public_key"]
    http = httpx.Client(timeout=10, trust_env=False)
    sdk = telnyx.Telnyx(
        api_key=API_KEY, public_key=public_key, base_url=server.url + "/v2", max_retries=0, http_client=http
    )
    yield sdk
    sdk.close()
    http.close()


# ---- applications ------------------------------------------------------------------------------
def test_applications_crud_through_the_official_sdk(client: Any, receiver: Receiver) -> None:
    name = f"sdk-{uuid.uuid4().hex[:8]}"
    created = client.call_control_applications.create(
        application_name=name, webhook_event_url=receiver.url + "/ok/sdk-crud"
    ).data
    assert created.application_name == name and created.id
    assert client.call_control_applications.retrieve(created.id).data.webhook_event_url.endswith("/ok/sdk-crud")
    updated = client.call_control_applications.update(
        created.id, application_name=name + "-2", webhook_event_url=receiver.url + "/ok/sdk-crud2"
    ).data
    assert updated.application_name == name + "-2"
    page = client.call_control_applications.list(filter={"application_name": {"contains": name}})
    assert [app.id for app in page.data] == [created.id]
    deleted = client.call_control_applications.delete(created.id).data
    assert deleted.id == created.id
    with pytest.raises(telnyx.NotFoundError):
        client.call_control_applications.retrieve(created.id)


# ---- a whole call ------------------------------------------------------------------------------
def test_a_whole_call_through_the_official_sdk(client: Any, sim: httpx.Client, receiver: Receiver) -> None:
    path = f"/ok/sdk-{uuid.uuid4().hex[:8]}"
    app = client.call_control_applications.create(application_name="sdk-call", webhook_event_url=receiver.url + path)
    spec = default_spec()
    types = sdk_event_types()

    def hooks(call_id: str) -> list[dict[str, Any]]:
        r = sim.get(f"/calls/{call_id}/webhooks")
        assert r.status_code == 200, r.text
        return list(r.json()["data"])

    def until(call_id: str, n: int, last: str) -> list[dict[str, Any]]:
        return wait_for(lambda: (h := hooks(call_id)[n:]) and h[-1]["event"] == last and h)

    def in_order(command: str, seen: list[tuple[str, str]], **conditions: bool) -> bool:
        path_of = "/v2/calls" if command == "dial" else f"/v2/calls/{{call_control_id}}/actions/{command}"
        steps = spec.find_operation("post", path_of).webhooks
        assert steps is not None
        return matches(slots_for(steps, conditions), seen)

    # dial; the far end answers
    call = client.calls.dial(connection_id=app.data.id, from_="+18005550101", to="+18005550100").data
    cid = call.call_control_id
    assert call.is_alive is False
    dialled = until(cid, 0, "call.answered")
    assert in_order("dial", [(h["event"], "self") for h in dialled], machine_detection=False, streaming=False)
    assert client.calls.retrieve_status(cid).data.is_alive is True

    n = len(hooks(cid))
    assert client.calls.actions.speak(cid, payload="Welcome", voice=VOICE).data.result == "ok"
    spoke = until(cid, n, "call.speak.ended")
    assert in_order("speak", [(h["event"], "self") for h in spoke])

    n = len(hooks(cid))
    client.calls.actions.gather_using_speak(cid, payload="Your PIN, then pound", voice=VOICE, maximum_digits=4)
    assert sim.post(f"/calls/{cid}/dtmf", json={"digits": "42#"}).status_code == 200
    gathered = until(cid, n, "call.gather.ended")
    assert in_order("gather_using_speak", [(h["event"], "self") for h in gathered])

    n = len(hooks(cid))
    client.calls.actions.transfer(cid, to="+18005550177")
    leg = wait_for(lambda: (c := sim.get(f"/calls/{cid}").json()["data"])["state"] == "bridged" and c)["bridged_with"]
    new = until(leg, 0, "call.answered")
    assert in_order("transfer", [(h["event"], "new") for h in new], machine_detection=False)

    n = len(hooks(cid))
    client.calls.actions.start_recording(cid, format="mp3", channels="single")
    client.calls.actions.stop_recording(cid)
    recorded = until(cid, n, "call.recording.saved")
    assert in_order("record_stop", [(h["event"], "self") for h in recorded])

    n = len(hooks(cid))
    client.calls.actions.hangup(cid)
    hung = until(cid, n, "call.hangup")
    assert in_order("hangup", [(h["event"], "self") for h in hung], recording=False)
    assert client.calls.retrieve_status(cid).data.is_alive is False
    with pytest.raises(telnyx.UnprocessableEntityError):
        client.calls.actions.speak(cid, payload="too late", voice=VOICE)

    # every webhook reached the receiver, in order per leg, signed; the SDK unwraps it to its type
    for leg_id, expected in ((call.call_leg_id, hooks(cid)), (None, hooks(leg))):
        leg_id = leg_id or expected[0]["call_leg_id"]
        ids = [h["id"] for h in expected]
        got = wait_for(
            lambda leg_id=leg_id, ids=ids: (
                (r := [x for x in receiver.at(path) if x.json["data"]["payload"].get("call_leg_id") == leg_id])
                and len(r) >= len(ids)
                and r
            )
        )
        assert [x.json["data"]["id"] for x in got] == ids, "delivered in creation order"
        for received, hook in zip(got, expected, strict=True):
            event = client.webhooks.unwrap(received.body.decode("utf-8"), headers=received.headers)
            assert type(event) is types[hook["event"]], f"{hook['event']} parsed as {type(event).__name__}"
            assert event.data.event_type == hook["event"]
            assert event.data.id == hook["id"]
            assert event.data.payload.call_leg_id == leg_id
        tampered = dict(got[0].headers)
        tampered["telnyx-signature-ed25519"] = base64.b64encode(bytes(64)).decode()
        with pytest.raises(ValueError, match="Signature verification failed"):
            client.webhooks.unwrap(got[0].body.decode("utf-8"), headers=tampered)


# ---- what V2 adds, through the SDK -------------------------------------------------------------
def test_the_v2_only_commands_through_the_official_sdk(client: Any, sim: httpx.Client, receiver: Receiver) -> None:
    """Queues, forking, REFER, streaming, transcription, noise suppression, recording pause and
    client_state_update, each through the SDK's method of that name; each webhook the SDK
    unwraps to the type of its event, every one carrying the updated client_state at the end."""
    path = f"/ok/sdk-v2-{uuid.uuid4().hex[:8]}"
    app = client.call_control_applications.create(application_name="sdk-v2", webhook_event_url=receiver.url + path)
    types = sdk_event_types()
    call = client.calls.dial(connection_id=app.data.id, from_="+18005550101", to="+18005550100").data
    cid = call.call_control_id
    wait_for(lambda: sim.get(f"/calls/{cid}").json()["data"]["state"] == "answered")
    actions = client.calls.actions
    actions.enqueue(cid, queue_name="support")
    actions.leave_queue(cid)
    actions.start_forking(cid, rx="udp:192.0.2.1:9000", tx="udp:192.0.2.1:9001", stream_type="decrypted")
    actions.stop_forking(cid)
    actions.refer(cid, sip_address="sip:agent@sip.example.com")
    actions.start_streaming(cid, stream_url="wss://media.example.com/s")
    actions.stop_streaming(cid)
    actions.start_transcription(cid, transcription_tracks="both")
    actions.start_noise_suppression(cid, direction="both")
    actions.stop_noise_suppression(cid)
    actions.start_recording(cid, format="wav", channels="dual")
    actions.pause_recording(cid)
    actions.resume_recording(cid)
    assert actions.update_client_state(cid, client_state="dXBkYXRlZA==").data.result == "ok"
    actions.speak(cid, payload="transcribe me", voice=VOICE)
    wanted = [
        "call.enqueued",
        "call.dequeued",
        "call.fork.started",
        "call.fork.stopped",
        "call.refer.started",
        "streaming.started",
        "streaming.stopped",
        "call.refer.completed",
        "call.speak.started",
        "call.speak.ended",
        "call.transcription",
    ]
    got = wait_for(
        lambda: (
            (r := [x for x in receiver.at(path) if x.json["data"]["event_type"] in wanted])
            and {x.json["data"]["event_type"] for x in r} == set(wanted)
            and r
        )
    )
    for received in got:
        event = client.webhooks.unwrap(received.body.decode("utf-8"), headers=received.headers)
        assert type(event) is types[event.data.event_type], type(event).__name__
        assert event.data.payload.call_control_id == cid
    transcription = next(x for x in got if x.json["data"]["event_type"] == "call.transcription")
    event = client.webhooks.unwrap(transcription.body.decode("utf-8"), headers=transcription.headers)
    assert event.data.payload.transcription_data.transcript == "transcribe me"
    assert event.data.payload.client_state == "dXBkYXRlZA=="
