"""The server does what the spec says: run on a MODIFIED COPY of spec/ (SPEC_DIR), it follows.

Each test makes the same calls on the server of the repository's spec/ and on one started
with a copy whose YAML was changed, and shows the difference the change makes: a
command's webhook order (and which webhooks it sends), the signature headers and signed
message, and a command's accepted call states. No code knows of the changes. A spec the
server cannot load stops it at start with one line naming file and pointer.
"""

from __future__ import annotations

import base64
import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from nacl.exceptions import BadSignatureError

from tests.server.harness import ROOT, Api, Receiver, RefServerProcess, wait_for

V1 = "call-control-v1.yaml"
SPEAK = {"payload": "Hello there", "voice": "female", "language": "en-US"}
SIGNATURE_HEADER = "x-toolkit-signature"
TIMESTAMP_HEADER = "x-toolkit-time"


def _operation(doc: dict[str, Any], operation_id: str) -> dict[str, Any]:
    for item in doc["paths"].values():
        for op in item.values():
            if isinstance(op, dict) and op.get("operationId") == operation_id:
                return op
    raise KeyError(operation_id)


def spec_copy(tmp: Path, change: Callable[[dict[str, Any]], None]) -> Path:
    """spec/ copied to `tmp`, with `change` applied to the V1 document."""
    target = tmp / "spec"
    shutil.copytree(ROOT / "spec", target)
    path = target / V1
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return target


def modify(doc: dict[str, Any]) -> None:
    # webhook order: the other leg's call.bridged before the commanded leg's
    _operation(doc, "callBridge")["x-webhooks"] = [
        {"event": "call.bridged", "leg": "other"},
        {"event": "call.bridged", "leg": "self"},
    ]
    # which webhooks: speak sends only its end
    _operation(doc, "callSpeak")["x-webhooks"] = [{"event": "call.speak.ended"}]
    # accepted call states: speak on a parked call too, hangup no longer on a parked call
    _operation(doc, "callSpeak")["x-call-states"] = ["parked", "answered", "bridged"]
    _operation(doc, "callHangup")["x-call-states"] = ["answered", "bridged"]
    # a step record_stop never reports, before the one it does
    steps = [{"event": "call.speak.started"}, {"event": "call.recording.saved"}]
    _operation(doc, "callRecordStop")["x-webhooks"] = steps
    # signature: other headers, another message template
    doc["x-webhook-signature"].update(
        {"signature-header": SIGNATURE_HEADER, "timestamp-header": TIMESTAMP_HEADER, "message": "{timestamp}.{body}"}
    )


@pytest.fixture(scope="module")
def modified(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    spec_dir = spec_copy(tmp_path_factory.mktemp("modified"), modify)
    proc = RefServerProcess(env={"SPEC_DIR": str(spec_dir)})
    api = None
    try:
        proc.start()
        api = Api(proc.url)
        yield api
    finally:
        if api is not None:
            api.close()
        proc.stop()
        proc.kill()


@pytest.fixture(params=["original", "modified"])
def both(request: pytest.FixtureRequest, api: Api, modified: Api) -> tuple[str, Api]:
    return request.param, api if request.param == "original" else modified


def _app(api: Api, receiver: Receiver, envelope: str = "2") -> tuple[dict[str, Any], str]:
    path = f"/ok/follows-{uuid.uuid4().hex[:8]}"
    return api.create_app(webhook_event_url=receiver.url + path, webhook_api_version=envelope), path


def test_bridge_webhook_order_follows_the_spec(both: tuple[str, Api], receiver: Receiver) -> None:
    which, api = both
    app, _ = _app(api, receiver)
    a, b = api.answered_call(app["id"]), api.answered_call(app["id"])
    api.ok(a, "bridge", call_control_id=b)
    seq_a = wait_for(lambda: [h["seq"] for h in api.hooks(a) if h["event"] == "call.bridged"])
    seq_b = wait_for(lambda: [h["seq"] for h in api.hooks(b) if h["event"] == "call.bridged"])
    assert len(seq_a) == len(seq_b) == 1
    if which == "original":  # self, then other
        assert seq_a[0] < seq_b[0]
    else:  # the copy lists the other leg first
        assert seq_b[0] < seq_a[0]


def test_speak_sends_the_webhooks_the_spec_lists(both: tuple[str, Api], receiver: Receiver) -> None:
    which, api = both
    app, _ = _app(api, receiver)
    call_id = api.answered_call(app["id"])
    api.ok(call_id, "speak", **SPEAK)
    hooks = wait_for(lambda: (h := api.hooks(call_id)) and h[-1]["event"] == "call.speak.ended" and h)
    names = [h["event"] for h in hooks]
    expected = ["call.initiated", "call.answered"]
    expected += ["call.speak.started", "call.speak.ended"] if which == "original" else ["call.speak.ended"]
    assert names == expected


def test_accepted_call_states_follow_the_spec(both: tuple[str, Api], receiver: Receiver) -> None:
    which, api = both
    app, _ = _app(api, receiver)
    parked = api.inbound(app["id"])["call_control_id"]
    speak = api.cmd(parked, "speak", **SPEAK)
    hangup = api.cmd(parked, "hangup")
    if which == "original":
        assert speak.status_code == 422 and speak.json()["errors"][0]["code"] == "90034"
        assert hangup.status_code == 200, hangup.text
    else:
        assert speak.status_code == 200, speak.text
        assert hangup.status_code == 422 and hangup.json()["errors"][0]["code"] == "90034"
        assert api.call(parked)["state"] == "parked"


def test_signature_follows_the_spec(both: tuple[str, Api], receiver: Receiver) -> None:
    which, api = both
    app, path = _app(api, receiver, envelope="1")
    call_id = api.inbound(app["id"])["call_control_id"]
    (received,) = wait_for(lambda: receiver.at(path))
    assert received.event["payload"]["call_control_id"] == call_id
    key = api.public_key()
    if which == "original":
        sig_header, ts_header, separator = "telnyx-signature-ed25519", "telnyx-timestamp", b"|"
    else:
        sig_header, ts_header, separator = SIGNATURE_HEADER, TIMESTAMP_HEADER, b"."
        assert "telnyx-signature-ed25519" not in received.headers
        assert "telnyx-timestamp" not in received.headers
    signature = base64.b64decode(received.headers[sig_header])
    timestamp = received.headers[ts_header].encode()
    key.verify(timestamp + separator + received.body, signature)  # raises when it does not verify
    other = b"|" if separator == b"." else b"."
    with pytest.raises(BadSignatureError):
        key.verify(timestamp + other + received.body, signature)


def test_a_webhook_held_behind_a_step_that_never_comes_is_sent_when_the_call_ends(
    modified: Api, receiver: Receiver
) -> None:
    app, _ = _app(modified, receiver)
    call_id = modified.answered_call(app["id"])
    modified.ok(call_id, "record_start", format="mp3", channels="single")
    modified.ok(call_id, "record_stop")
    names = [h["event"] for h in modified.hooks(call_id)]  # the outbox is committed with the command
    assert names == ["call.initiated", "call.answered"], "call.recording.saved waits for call.speak.started"
    modified.ok(call_id, "hangup")
    names = [h["event"] for h in modified.hooks(call_id)]
    assert names == ["call.initiated", "call.answered", "call.hangup", "call.recording.saved"]


def test_a_spec_the_server_cannot_load_stops_it_with_one_line(tmp_path: Path) -> None:
    def break_it(doc: dict[str, Any]) -> None:
        _operation(doc, "callSpeak")["x-webhooks"] = [{"event": "call.speak.ended", "leg": "elsewhere"}]

    spec_dir = spec_copy(tmp_path, break_it)
    env = {**os.environ, "PORT": "0", "STATE_DB": ":memory:", "SPEC_DIR": str(spec_dir)}
    proc = subprocess.run(
        [sys.executable, "-m", "refserver"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert V1 in lines[0] and "/x-webhooks/0/leg" in lines[0], lines[0]
