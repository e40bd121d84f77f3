"""Pages: iterate across all of them, sync and async, following page[number] and total_pages."""

from __future__ import annotations

import asyncio

import pytest
from telnyx_call_control import AsyncClient, AsyncPage, Client, SyncPage
from telnyx_call_control.models import CallControlApplication

from .conftest import SECRETS
from .fixtures import page
from .server import Reply, ScriptedServer

APPS = "/v2/call_control_applications"


class PagedServer:
    """Answers page[number]=n with page n of 3."""

    def __init__(self, server: ScriptedServer) -> None:
        server.route("GET", APPS, lambda seen: Reply(200, page(int(seen.query.get("page[number]", 1)), 3)))


def test_iterating_a_page_walks_all_three(client: Client, server: ScriptedServer) -> None:
    PagedServer(server)
    first = client.call_control_applications.list(page_size=2, filter_application_name_contains="app")
    assert isinstance(first, SyncPage)
    assert [a.application_name for a in first.data] == ["app-0", "app-1"]
    assert first.meta.total_pages == 3 and first.page_number == 1 and first.has_next_page()
    names = [app.application_name for app in first]
    assert names == [f"app-{i}" for i in range(6)]
    assert all(isinstance(app, CallControlApplication) for app in first)
    seen = server.seen("GET", APPS)
    assert [r.query.get("page[number]") for r in seen[:3]] == [None, "2", "3"]
    assert all(r.query["page[size]"] == "2" and r.query["filter[application_name][contains]"] == "app" for r in seen)


def test_next_page_and_iter_pages(client: Client, server: ScriptedServer) -> None:
    PagedServer(server)
    first = client.call_control_applications.list()
    second = first.next_page()
    assert second.page_number == 2 and second.data[0].application_name == "app-2"
    server.reset()
    PagedServer(server)
    pages = list(client.call_control_applications.list().iter_pages())
    assert [p.page_number for p in pages] == [1, 2, 3]
    assert not pages[-1].has_next_page()
    with pytest.raises(IndexError):
        pages[-1].next_page()


def test_async_pages(server: ScriptedServer) -> None:
    PagedServer(server)

    async def main() -> tuple[list[str], list[int | None]]:
        async with AsyncClient(base_url=server.base_url, **SECRETS) as client:
            first = await client.call_control_applications.list()
            assert isinstance(first, AsyncPage)
            names = [app.application_name async for app in first]
            numbers = [p.page_number async for p in first.iter_pages()]
            assert (await first.next_page()).page_number == 2
            return names, numbers

    names, numbers = asyncio.run(main())
    assert names == [f"app-{i}" for i in range(6)]
    assert numbers == [1, 2, 3]


def test_async_for_directly_on_list(server: ScriptedServer) -> None:
    PagedServer(server)

    async def main() -> list[str]:
        async with AsyncClient(base_url=server.base_url, **SECRETS) as client:
            paginator = client.call_control_applications.list(page_size=2)
            assert server.seen("GET", APPS) == []  # nothing is sent before it is used
            return [app.application_name async for app in paginator]

    assert asyncio.run(main()) == [f"app-{i}" for i in range(6)]
    seen = server.seen("GET", APPS)
    assert [r.query.get("page[number]") for r in seen] == [None, "2", "3"]
    assert all(r.query["page[size]"] == "2" for r in seen)


def test_raw_response_of_a_page(client: Client, server: ScriptedServer) -> None:
    server.on("GET", APPS, Reply(200, page(1, 1), headers={"x-request-id": "p"}))
    raw = client.call_control_applications.with_raw_response.list()
    assert raw.headers["x-request-id"] == "p"
    assert [a.id for a in raw.parse()] == ["1000", "1001"]


def test_async_raw_response_of_a_page(server: ScriptedServer) -> None:
    server.on("GET", APPS, Reply(200, page(1, 1), headers={"x-request-id": "p"}))

    async def main() -> list[str]:
        async with AsyncClient(base_url=server.base_url, **SECRETS) as client:
            raw = await client.call_control_applications.with_raw_response.list()
            assert raw.headers["x-request-id"] == "p"
            first = raw.parse()
            assert isinstance(first, AsyncPage)
            return [a.id async for a in first]

    assert asyncio.run(main()) == ["1000", "1001"]
