"""The IVR's tests, through the pytest plugin alone (fixture ``telnyx``): no server started by hand, no raw ``/_sim``.

Each reads like the call: an inbound call comes in, the caller presses a key, the app did the right thing.
Both webhook envelopes (the application's ``webhook_api_version``), V1 commands and V2 call actions.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from examples.ivr import create_app

TRANSFER_TO = "+18005550199"


def v2_commands_missing(telnyx: Any) -> str | None:
    """Why the V2 variant cannot run here, or None."""
    if not hasattr(telnyx.client, "v2"):
        return "the generated client has no client.v2.calls.actions (V2 call commands not generated yet)"
    answer = httpx.post(f"{telnyx.server.url}/v2/calls/unknown/actions/answer", json={}, trust_env=False)
    if answer.status_code == 404 and "route" in answer.text.lower():
        return "the reference server does not route POST /v2/calls/{id}/actions/... yet"
    return None


def assert_envelopes(telnyx: Any, call: str, envelope: str, commands: str) -> None:
    """V1 commands' webhooks come in the application's envelope; V2 commands always send envelope 2
    (spec/README.md), so there only the inbound call's arrival comes in the application's."""
    hooks = telnyx.receiver.events()
    if commands == "v1":
        assert {hook.envelope for hook in hooks} == {envelope}
        return
    arrival = [h for h in hooks if h.event == "call.initiated" and h.call_control_id == call]
    assert [h.envelope for h in arrival] == [envelope]
    assert {h.envelope for h in hooks if h not in arrival} == {"2"}


@pytest.fixture(params=["v1", "v2"])
def commands(request: pytest.FixtureRequest, telnyx: Any) -> str:
    if request.param == "v2":
        missing = v2_commands_missing(telnyx)
        if missing:
            pytest.skip(missing)
    return str(request.param)


@pytest.mark.parametrize("envelope", ["1", "2"])
def test_pressing_1_transfers_the_caller(telnyx: Any, envelope: str, commands: str) -> None:
    app = create_app(telnyx.client, transfer_to=TRANSFER_TO, commands=commands)
    telnyx.serve_app(app)
    connection_id = telnyx.create_application(envelope=envelope)

    call = telnyx.start_inbound_call(connection_id)
    telnyx.wait_for("call.answered", call_control_id=call)
    telnyx.press(call, "1")

    new_leg = telnyx.receiver.wait_for("call.initiated", where=lambda hook: hook.payload.get("to") == TRANSFER_TO)
    telnyx.wait_for("call.answered", call_control_id=new_leg.call_control_id)
    assert telnyx.wait_until(call, lambda c: c.state == "bridged", what="bridged").bridged_with == (
        new_leg.call_control_id
    )
    assert_envelopes(telnyx, call, envelope, commands)
    assert app.state.ivr.errors == []


@pytest.mark.parametrize("envelope", ["1", "2"])
def test_pressing_2_hangs_up(telnyx: Any, envelope: str, commands: str) -> None:
    app = create_app(telnyx.client, transfer_to=TRANSFER_TO, commands=commands)
    telnyx.serve_app(app)
    call = telnyx.start_inbound_call(telnyx.create_application(envelope=envelope))
    telnyx.press(call, "2")

    hangup = telnyx.wait_for("call.hangup", call_control_id=call)
    assert hangup.payload["hangup_cause"] == "normal_clearing"
    assert not [hook for hook in telnyx.receiver.events("call.initiated") if hook.payload.get("to") == TRANSFER_TO]
    assert app.state.ivr.errors == []
