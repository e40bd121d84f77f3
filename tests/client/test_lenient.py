"""Lenient parsing by default (types checked, documented constraints not), ``strict=True`` for all of it.

The platform sends values its description does not promise (an id outside the documented
pattern, a number outside the range): the default client keeps them; a strict client (what
the tests against our own reference server use) rejects them. A value of the wrong type is an
error in both modes, naming the field.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pydantic
import pytest
from telnyx_call_control import APIResponseValidationError, AsyncClient, Client

from codegen.runtime import _models as rm
from codegen.runtime import _types as ty
from codegen.runtime import _webhooks as wh

from .conftest import SECRETS
from .fixtures import application
from .server import Reply, ScriptedServer

APPS = "/v2/call_control_applications"
# Outside the documented pattern (^[0-9]{1,19}$) and range (1..14400) of the application's fields.
OFF_SPEC = {"id": "app_01J9ZX", "first_command_timeout_secs": 99999}


def test_default_client_keeps_values_outside_documented_constraints(server: ScriptedServer) -> None:
    server.on("GET", f"{APPS}/1", Reply(200, {"data": application(1, **OFF_SPEC)}))
    with Client(base_url=server.base_url, **SECRETS) as client:
        app = client.call_control_applications.retrieve("1").data
    assert app.id == "app_01J9ZX"
    assert app.first_command_timeout_secs == 99999
    assert type(app).__name__ == "CallControlApplication"
    assert app.model_dump(by_alias=True)["id"] == "app_01J9ZX"


def test_strict_client_enforces_documented_constraints(server: ScriptedServer) -> None:
    server.on("GET", f"{APPS}/1", Reply(200, {"data": application(1, **OFF_SPEC)}))
    with Client(base_url=server.base_url, strict=True, **SECRETS) as client:
        with pytest.raises(APIResponseValidationError, match="data/id: String should match pattern"):
            client.call_control_applications.retrieve("1")
        lenient = client.with_options(strict=False)
        assert lenient.call_control_applications.retrieve("1").data.id == "app_01J9ZX"


def test_async_client_is_lenient_too(server: ScriptedServer) -> None:
    server.on("GET", f"{APPS}/1", Reply(200, {"data": application(1, **OFF_SPEC)}))

    async def main() -> None:
        async with AsyncClient(base_url=server.base_url, **SECRETS) as client:
            assert (await client.call_control_applications.retrieve("1")).data.first_command_timeout_secs == 99999
        async with AsyncClient(base_url=server.base_url, strict=True, **SECRETS) as client:
            with pytest.raises(APIResponseValidationError, match="first_command_timeout_secs"):
                await client.call_control_applications.retrieve("1")

    asyncio.run(main())


def test_wrong_types_fail_in_the_default_mode_naming_the_field(server: ScriptedServer) -> None:
    server.on("GET", f"{APPS}/1", Reply(200, {"data": application(1, first_command_timeout_secs="ten")}))
    problem = "data/first_command_timeout_secs: Input should be a valid"
    with (
        Client(base_url=server.base_url, **SECRETS) as client,
        pytest.raises(APIResponseValidationError, match=problem),
    ):
        client.call_control_applications.retrieve("1")


# -- the runtime as source: nested models, lists, root models, webhooks ------------------------


class Leg(rm.BaseModel):
    id: str = pydantic.Field(..., pattern="^v3:", max_length=8)
    attempt: int | None = pydantic.Field(None, ge=1, le=3)


class Legs(pydantic.RootModel[list[Leg]]):
    root: list[Leg] = pydantic.Field(..., max_length=1)


class Event(rm.BaseModel):
    event_type: str
    legs: Legs
    first: Leg | None = None
    tags: list[str] | None = pydantic.Field(None, min_length=2)


EVENT = {
    "event_type": "leg.seen",
    "legs": [{"id": "call-1234567890", "attempt": 9}, {"id": "v3:x", "extra": True}],
    "first": {"id": "nope", "attempt": 0, "future": [1]},
    "tags": ["a"],
}


def test_lenient_validator_builds_the_same_models_without_constraints() -> None:
    event = rm.validator(Event).validate_python(EVENT)
    assert type(event) is Event and type(event.legs) is Legs and type(event.first) is Leg
    assert event.legs.root[0].attempt == 9
    assert event.legs.root[1].extra is True  # type: ignore[attr-defined]  # unknown fields kept
    assert event.first is not None and event.first.future == [1]  # type: ignore[attr-defined]
    assert event.model_dump() == Event.model_construct(**event.__dict__).model_dump()
    assert json.loads(event.model_dump_json())["legs"][0]["id"] == "call-1234567890"
    with pytest.raises(pydantic.ValidationError) as info:
        rm.validator(Event, strict=True).validate_python(EVENT)
    kinds = {e["type"] for e in info.value.errors()}
    assert {"string_pattern_mismatch", "greater_than_equal", "too_long", "too_short"} <= kinds


def test_lenient_validator_still_checks_types() -> None:
    bad: dict[str, Any] = {**EVENT, "first": {"id": 7}}
    with pytest.raises(pydantic.ValidationError) as info:
        rm.validator(Event).validate_python(bad)
    assert [e["loc"] for e in info.value.errors()] == [("first", "id")]


def test_webhook_parser_is_lenient_unless_strict() -> None:
    events = [ty.WebhookEvent("leg.seen", "Event", "leg.seen", "1", "leg.seen", "/event_type")]
    body = json.dumps(EVENT)
    parsed = wh.WebhookParser(events, models=lambda name: Event).unsafe_unwrap(body)
    assert isinstance(parsed, Event) and parsed.tags == ["a"]
    strict = wh.WebhookParser(events, models=lambda name: Event, strict=True)
    with pytest.raises(
        wh.WebhookPayloadError,
        match=r"leg\.seen webhook: legs: List should have at most 1 item.*first/id: String should match",
    ):
        strict.unsafe_unwrap(body)
    broken = json.dumps({**EVENT, "legs": [{"attempt": 1}]})
    with pytest.raises(wh.WebhookPayloadError, match=r"^leg\.seen webhook: legs/0/id: Field required$"):
        wh.WebhookParser(events, models=lambda name: Event).unsafe_unwrap(broken)
