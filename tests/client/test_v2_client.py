"""The V2 call commands in the generated client, under ``client.v2`` beside V1's ``client.calls``.

Against the scripted server: the paths and bodies sent, the V2 answer shape, ``command_id``
filled once and reused on retries (``x-idempotency-field``), sync and async, raw responses.
"""

from __future__ import annotations

import asyncio

from telnyx_call_control import AsyncClient, Client
from telnyx_call_control.resources import V2CallActions, V2Calls

from .conftest import FAST, SECRETS
from .server import Reply, ScriptedServer
from .waits import Sleeps

ANSWER = "/v2/calls/abc/actions/answer"
OK = {"data": {"result": "ok"}}


def test_v1_and_v2_live_side_by_side(client: Client, server: ScriptedServer) -> None:
    assert isinstance(client.v2.calls, V2Calls) and isinstance(client.v2.calls.actions, V2CallActions)
    server.on("POST", "/calls/abc/actions/answer", Reply(200, {"result": "ok"}))
    server.on("POST", ANSWER, Reply(200, OK))
    assert client.calls.answer("abc").result == "ok"  # V1, unchanged: /calls/..., Basic auth
    assert client.v2.calls.actions.answer("abc").data.result == "ok"  # V2: /v2/calls/..., Bearer
    assert server.seen("POST", "/calls/abc/actions/answer")[0].headers["authorization"].startswith("Basic ")
    assert server.seen("POST", ANSWER)[0].headers["authorization"] == f"Bearer {SECRETS['api_key']}"


def test_dial_status_and_actions_send_what_the_spec_says(client: Client, server: ScriptedServer) -> None:
    call = {"call_control_id": "v3:x", "call_leg_id": "l", "call_session_id": "s", "is_alive": False}
    server.on("POST", "/v2/calls", Reply(200, {"data": {**call, "record_type": "call"}}))
    server.on("GET", "/v2/calls/v3:x", Reply(200, {"data": {**call, "record_type": "call", "is_alive": True}}))
    server.on("POST", "/v2/calls/v3:x/actions/speak", Reply(200, OK))
    server.on("PUT", "/v2/calls/v3:x/actions/client_state_update", Reply(200, OK))
    dialled = client.v2.calls.dial(connection_id="app", to="+18005550100", from_="+18005550101")
    assert dialled.data.call_control_id == "v3:x"
    assert client.v2.calls.retrieve_status("v3:x").data.is_alive is True
    client.v2.calls.actions.speak("v3:x", payload="Hello", voice="AWS.Polly.Joanna")
    client.v2.calls.actions.update_client_state("v3:x", client_state="aGk=")
    assert server.seen("POST", "/v2/calls")[0].json()["from"] == "+18005550101"
    spoken = server.seen("POST", "/v2/calls/v3:x/actions/speak")[0].json()
    assert spoken["payload"] == "Hello" and spoken["voice"] == "AWS.Polly.Joanna" and spoken["command_id"]
    # PUT carries no x-idempotency-field: nothing is added to the body.
    assert server.seen("PUT", "/v2/calls/v3:x/actions/client_state_update")[0].json() == {"client_state": "aGk="}
    # The methods carry the spec's x-webhooks.
    assert [s.events for s in client.v2.calls.actions.speak.webhooks] == [
        ("call.speak.started",),
        ("call.speak.ended",),
    ]


def test_command_id_is_filled_once_and_reused_on_retries(server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(503, {}), Reply(500, {}), Reply(200, OK))
    client = Client(base_url=server.base_url, **SECRETS, **FAST)
    client.sleep = Sleeps()
    raw = client.v2.calls.actions.with_raw_response.answer("abc")
    assert raw.retries_taken == 2 and raw.parse().data.result == "ok"
    ids = [r.json()["command_id"] for r in server.seen("POST", ANSWER)]
    assert len(ids) == 3 and len(set(ids)) == 1 and len(ids[0]) == 36
    server.reset()
    server.on("POST", ANSWER, Reply(500, {}), Reply(200, OK))
    client.v2.calls.actions.answer("abc", command_id="mine-2")
    assert [r.json()["command_id"] for r in server.seen("POST", ANSWER)] == ["mine-2", "mine-2"]


def test_async_v2_commands_reuse_command_id(server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(503, {}), Reply(200, OK))
    sleeps = Sleeps()

    async def main() -> str:
        async with AsyncClient(base_url=server.base_url, **SECRETS, **FAST) as client:
            client.sleep = sleeps.wait
            assert type(client.v2.calls.actions).__name__ == "AsyncV2CallActions"
            return (await client.v2.calls.actions.answer("abc")).data.result

    assert asyncio.run(main()) == "ok"
    assert len({r.json()["command_id"] for r in server.seen("POST", ANSWER)}) == 1
    assert len(sleeps.waits) == 1
