"""How users call the client; `mypy --strict` must accept it with these exact types (test_typing.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal, assert_type

from telnyx_call_control import APIResponse, AsyncClient, AsyncPage, Client, SyncPage
from telnyx_call_control.models import CallAnsweredEventV2, CallControlApplication, CommandResult

if TYPE_CHECKING:
    from telnyx_call_control.webhook_events import UnwrapWebhookEvent


def sync_usage(client: Client) -> None:
    page = client.call_control_applications.list(page_size=2, timeout=2.5)
    assert_type(page, SyncPage[CallControlApplication])
    for app in page:
        assert_type(app, CallControlApplication)
    assert_type(client.calls.answer("id", client_state="c", timeout=None), CommandResult)
    raw = client.calls.with_raw_response.answer("id")
    assert_type(raw, APIResponse[CommandResult])
    event = client.webhooks.unwrap(b"{}", {"telnyx-timestamp": "1"})
    assert_type(event, UnwrapWebhookEvent)
    if isinstance(event, CallAnsweredEventV2):
        assert_type(event.data.event_type, Literal["call.answered"])


async def async_usage(client: AsyncClient) -> None:
    page = await client.call_control_applications.list(timeout=3)
    assert_type(page, AsyncPage[CallControlApplication])
    async for app in client.call_control_applications.list():
        assert_type(app, CallControlApplication)
    assert_type(await client.calls.answer("id", timeout=1), CommandResult)
    raw = await client.call_control_applications.with_raw_response.list()
    assert_type(raw, APIResponse[AsyncPage[CallControlApplication]])
