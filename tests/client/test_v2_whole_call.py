"""Issue 13's Done-when, with our generated client: a whole V2 call against the reference server.

Dial, speak, gather_using_speak with digits pressed through the simulator (the generated
``telnyx_sim`` client), transfer, record, hangup, all through ``client.v2.calls...``. Every
webhook reaches a real receiver signed, in the order the spec's ``x-webhooks`` allow, and
``client.webhooks.unwrap`` verifies each and parses it to its typed model; the envelope-
independent view (``webhook_events.event_view``) names each event as the spec does.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
import telnyx_sim
from telnyx_call_control import Client
from telnyx_call_control.webhook_events import WEBHOOK_EVENTS, WebhookEventView, event_view

from specmodel import default_spec, matches, slots_for
from tests.server.harness import (
    API_KEY,
    V1_KEY,
    V1_SECRET,
    Received,
    Receiver,
    RefServerProcess,
    started_receiver,
    started_server,
    wait_for,
)

VOICE = "AWS.Polly.Joanna"


@pytest.fixture(scope="module")
def refserver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RefServerProcess]:
    with started_server(tmp_path_factory.mktemp("state")) as proc:
        yield proc


@pytest.fixture(scope="module")
def hooks() -> Iterator[Receiver]:
    with started_receiver() as receiver:
        yield receiver


@pytest.fixture(scope="module")
def sim(refserver: RefServerProcess) -> Iterator[telnyx_sim.Client]:
    with telnyx_sim.Client(
        base_url=f"{refserver.url}/_sim", max_retries=0, default_headers={"Authorization": f"Bearer {API_KEY}"}
    ) as client:
        yield client


@pytest.fixture(scope="module")
def client(refserver: RefServerProcess, sim: telnyx_sim.Client) -> Iterator[Client]:
    public_key = sim.simulator.sim_get_public_key().data.public_key
    with Client(
        base_url=refserver.url,
        api_key=API_KEY,
        v1_key=V1_KEY,
        v1_secret=V1_SECRET,
        public_key=public_key,
        max_retries=0,
        strict=True,  # our own server is held to every documented constraint
    ) as c:
        yield c


class Calls:
    """The webhooks the receiver got, per call, verified and parsed by the generated client."""

    def __init__(self, client: Client, receiver: Receiver, path: str) -> None:
        self.client, self.receiver, self.path = client, receiver, path

    def of(self, call_leg_id: str) -> list[tuple[Received, WebhookEventView]]:
        """The call leg's webhooks, in arrival order (``call.recording.saved`` has no call_control_id)."""
        found = []
        for received in self.receiver.at(self.path):
            view = event_view(self.client.webhooks.unwrap(received.body, received.headers))
            if view.call_leg_id == call_leg_id:
                found.append((received, view))
        return found

    def until(self, call_leg_id: str, n: int, last: str) -> list[WebhookEventView]:
        """The leg's webhooks after the first n, once the last one is ``last``."""
        return wait_for(lambda: (got := [v for _, v in self.of(call_leg_id)[n:]]) and got[-1].name == last and got)


def follows(operation_id: str, views: list[WebhookEventView], leg: str = "self", **conditions: bool) -> bool:
    steps = default_spec().operation(operation_id).webhooks
    assert steps is not None
    return matches(slots_for(steps, conditions), [(v.name, leg) for v in views])


def test_a_whole_v2_call_with_the_generated_client(
    client: Client, sim: telnyx_sim.Client, hooks: Receiver, refserver: RefServerProcess
) -> None:
    path = f"/ok/client-v2-{uuid.uuid4().hex[:8]}"
    # webhook_api_version "1" on purpose: V2 commands send the V2 envelope whatever it says.
    app = client.call_control_applications.create(
        application_name="v2-client", webhook_event_url=hooks.url + path, webhook_api_version="1"
    ).data
    calls = Calls(client, hooks, path)

    dialled = client.v2.calls.dial(connection_id=app.id, to="+18005550100", from_="+18005550101", client_state="aGk=")
    cid, lid = dialled.data.call_control_id, dialled.data.call_leg_id
    first = calls.until(lid, 0, "call.answered")
    assert follows("dialCall", first, machine_detection=False, streaming=False)
    assert client.v2.calls.retrieve_status(cid).data.is_alive is True

    n = len(calls.of(lid))
    assert client.v2.calls.actions.speak(cid, payload="Welcome", voice=VOICE).data.result == "ok"
    spoke = calls.until(lid, n, "call.speak.ended")
    assert follows("speakCall", spoke) and [v.name for v in spoke] == ["call.speak.started", "call.speak.ended"]

    n = len(calls.of(lid))
    client.v2.calls.actions.gather_using_speak(cid, payload="Your PIN, then pound", voice=VOICE, maximum_digits=4)
    sim.simulator.sim_send_dtmf(cid, digits="12#")
    gathered = calls.until(lid, n, "call.gather.ended")
    assert follows("gatherUsingSpeak", gathered)
    assert [v.payload.digit for v in gathered[:-1]] == ["1", "2", "#"]
    assert gathered[-1].payload.digits == "12"

    n = len(calls.of(lid))
    client.v2.calls.actions.transfer(cid, to="+18005550177", target_leg_client_state="bmV3IGxlZw==")
    leg = wait_for(lambda: sim.simulator.sim_get_call(cid).data.bridged_with)
    leg_id = str(sim.simulator.sim_get_call(leg).data.call_leg_id)  # the simulator types it as a UUID
    new = calls.until(leg_id, 0, "call.answered")
    assert follows("transferCall", new, leg="new", machine_detection=False)
    assert new[0].client_state == "bmV3IGxlZw==" and new[0].call_control_id == leg
    assert len(calls.of(lid)) == n, "the transferred leg itself gets no webhook"

    n = len(calls.of(lid))
    client.v2.calls.actions.start_recording(cid, format="mp3", channels="single")
    client.v2.calls.actions.stop_recording(cid)
    recorded = calls.until(lid, n, "call.recording.saved")
    assert follows("stopCallRecording", recorded)
    assert str(recorded[0].payload.recording_urls.mp3).endswith(".mp3")

    n = len(calls.of(lid))
    client.v2.calls.actions.hangup(cid)
    hung = calls.until(lid, n, "call.hangup")
    assert follows("hangupCall", hung, recording=False)
    calls.until(leg_id, len(new), "call.hangup")  # the bridged leg follows
    status = client.v2.calls.retrieve_status(cid).data
    assert status.is_alive is False

    every = calls.of(lid) + calls.of(leg_id)
    for received, view in every:
        # Signed (unwrap verified it), envelope 2, parsed to the model of its spec entry.
        entry = default_spec().webhook_for_body(received.json)
        assert entry is not None and entry.envelope == view.envelope == "2" and entry.event == view.name
        models = {w.model for w in WEBHOOK_EVENTS if (w.event, w.envelope) == (entry.event, "2")}
        assert type(view.event).__name__ in models, (entry.event, type(view.event))
        assert view.occurred_at is not None and view.id is not None
