"""Forward compatibility: unknown fields and enum values are kept; a missing required field is not."""

from __future__ import annotations

import pytest
from telnyx_call_control import APIResponseValidationError, Client

from .fixtures import application
from .server import Reply, ScriptedServer

APPS = "/v2/call_control_applications"


def test_unknown_fields_and_enum_values_are_kept(client: Client, server: ScriptedServer) -> None:
    body = application(1, dtmf_type="Quantum DTMF", brand_new_field={"nested": [1, 2]})
    body["inbound"] = {"channel_limit": 5, "future_inbound_option": True}
    server.on("GET", f"{APPS}/1", Reply(200, {"data": body, "next_version_meta": "x"}))
    result = client.call_control_applications.retrieve("1")
    app = result.data
    assert app.dtmf_type == "Quantum DTMF"
    assert app.brand_new_field == {"nested": [1, 2]}  # type: ignore[attr-defined]
    assert app.inbound.future_inbound_option is True  # type: ignore[attr-defined]
    assert result.next_version_meta == "x"  # type: ignore[attr-defined]
    dumped = app.model_dump(by_alias=True)
    assert dumped["brand_new_field"] == {"nested": [1, 2]} and dumped["dtmf_type"] == "Quantum DTMF"


def test_known_enum_values_still_parse(client: Client, server: ScriptedServer) -> None:
    server.on("GET", f"{APPS}/1", Reply(200, {"data": application(1, webhook_api_version="1")}))
    assert client.call_control_applications.retrieve("1").data.webhook_api_version == "1"


def test_missing_required_field_is_a_validation_error(client: Client, server: ScriptedServer) -> None:
    body = application(1)
    del body["application_name"]
    server.on("GET", f"{APPS}/1", Reply(200, {"data": body}))
    with pytest.raises(APIResponseValidationError, match="data/application_name: Field required") as info:
        client.call_control_applications.retrieve("1")
    assert info.value.status_code == 200
    assert "GET /v2/call_control_applications/1" in str(info.value)


def test_wrong_type_is_a_validation_error(client: Client, server: ScriptedServer) -> None:
    server.on("POST", "/calls/abc/actions/answer", Reply(200, {"result": ["not", "a", "string"]}))
    with pytest.raises(APIResponseValidationError, match="result"):
        client.calls.answer("abc")
