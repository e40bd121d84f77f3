"""One exception class per status, the parsed errors list, bodies that are not JSON."""

from __future__ import annotations

import asyncio

import pytest
from telnyx_call_control import (
    APIError,
    APIResponseValidationError,
    APIStatusError,
    AsyncClient,
    AuthenticationError,
    BadRequestError,
    Client,
    ConflictError,
    ErrorObject,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    UnprocessableEntityError,
)

from .conftest import SECRETS
from .fixtures import ERROR_BODY
from .server import Reply, ScriptedServer

ANSWER = "/calls/abc/actions/answer"
CLASSES = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
    500: InternalServerError,
    503: InternalServerError,
    418: APIStatusError,
}


@pytest.mark.parametrize("status", sorted(CLASSES))
def test_each_status_has_its_class(client: Client, server: ScriptedServer, status: int) -> None:
    server.on("POST", ANSWER, Reply(status, ERROR_BODY))
    with pytest.raises(APIStatusError) as info:
        client.with_options(max_retries=0).calls.answer("abc")
    error = info.value
    assert type(error) is CLASSES[status]
    assert isinstance(error, APIError)
    assert error.status_code == status
    assert error.errors == (
        ErrorObject(
            code="90018",
            title="Call has already ended",
            detail="This call is no longer active and can't receive commands.",
            pointer="/call_control_id",
            meta={"url": "https://developers.telnyx.com/docs/overview/errors/90018"},
        ),
    )
    assert error.body == ERROR_BODY
    assert f"POST {ANSWER}: {status}" in str(error)
    assert "Call has already ended" in str(error) and "(code 90018)" in str(error)


def test_async_raises_the_same_classes(server: ScriptedServer) -> None:
    server.on("GET", "/v2/call_control_applications/1", Reply(404, {"errors": [{"code": "10005", "title": "Nope"}]}))

    async def main() -> NotFoundError:
        client = AsyncClient(base_url=server.base_url, **SECRETS)
        try:
            await client.call_control_applications.retrieve("1")
        except NotFoundError as exc:
            return exc
        finally:
            await client.aclose()
        raise AssertionError("no error")

    error = asyncio.run(main())
    assert error.errors[0].code == "10005" and error.errors[0].pointer is None


def test_error_body_that_is_not_json(client: Client, server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(502, body=b"<html>Bad gateway</html>", headers={"content-type": "text/html"}))
    with pytest.raises(InternalServerError) as info:
        client.with_options(max_retries=0).calls.answer("abc")
    assert info.value.body == "<html>Bad gateway</html>" and info.value.errors == ()


def test_error_body_with_unexpected_shape(client: Client, server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(422, {"errors": ["plain text", {"code": 7, "source": "x"}]}))
    with pytest.raises(UnprocessableEntityError) as info:
        client.calls.answer("abc")
    assert info.value.errors == (ErrorObject(detail="plain text"), ErrorObject(code="7"))


def test_success_body_that_is_not_json(client: Client, server: ScriptedServer) -> None:
    server.on("POST", ANSWER, Reply(200, body=b"{not json"))
    with pytest.raises(APIResponseValidationError, match="not valid JSON") as info:
        client.calls.answer("abc")
    assert info.value.status_code == 200
