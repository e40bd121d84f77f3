"""The webhook HTTP client (refserver/httpclient.py) against a real socket server.

The server answers by path with the framings a receiver may use (Content-Length, chunked,
close-delimited, `connection: close`, 1xx first, 204, and answers no client should accept)
and can drop a kept-alive connection while it is idle or as the next request arrives,
which a client must survive (the keep-alive race).
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from refserver.httpclient import MAX_HEADER_BYTES, Client, HTTPError, ProtocolError

ANSWERS = {
    "/length": b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok",
    "/chunked": (
        b"HTTP/1.1 202 Accepted\r\ntransfer-encoding: chunked\r\n\r\n2;x=1\r\nok\r\n3\r\n!!!\r\n0\r\nx-t: 1\r\n\r\n"
    ),
    "/close": b"HTTP/1.1 200 OK\r\nconnection: close\r\ncontent-length: 0\r\n\r\n",
    "/eof": b"HTTP/1.0 200 OK\r\n\r\nuntil the end",
    "/continue": b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 201 Created\r\ncontent-length: 0\r\n\r\n",
    "/hints": (
        b"HTTP/1.1 103 Early Hints\r\nlink: </a>\r\n\r\nHTTP/1.1 100 Continue\r\n\r\n"
        b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n"
    ),
    "/empty": b"HTTP/1.1 204 No Content\r\n\r\n",
    "/error": b"HTTP/1.1 500 Internal Server Error\r\ncontent-length: 4\r\n\r\nboom",
    "/garbage": b"SMTP ready\r\n\r\n",
    "/switch": b"HTTP/1.1 101 Switching Protocols\r\nupgrade: websocket\r\nconnection: upgrade\r\n\r\n",
    "/truncated": b"HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nok",
    "/bad-chunk": b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\nzz\r\nok\r\n0\r\n\r\n",
    "/two-lengths": b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\ncontent-length: 3\r\n\r\nok!",
    "/huge-head": b"HTTP/1.1 200 OK\r\nx-big: " + b"a" * 4 * MAX_HEADER_BYTES + b"\r\ncontent-length: 0\r\n\r\n",
    "/nothing": b"",
    "/idle-drop": b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n",
    "/then-drop": b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n",
    "/too-long": b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nokHTTP/1.1 500 Stray\r\ncontent-length: 0\r\n\r\n",
}

CLOSE_AFTER = {"/close", "/eof", "/idle-drop", "/truncated", "/nothing", "/switch", "/bad-chunk", "/two-lengths"}


class Server:
    """An asyncio server on 127.0.0.1 that answers each request from ANSWERS."""

    def __init__(self) -> None:
        self.connections = 0
        self.requests: list[tuple[str, dict[str, str], bytes]] = []
        self.server: asyncio.Server | None = None

    async def __aenter__(self) -> Server:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self

    async def __aexit__(self, *exc: Any) -> None:
        assert self.server is not None
        self.server.close()
        await self.server.wait_closed()

    @property
    def url(self) -> str:
        assert self.server is not None
        return f"http://127.0.0.1:{self.server.sockets[0].getsockname()[1]}"

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        drop_next = False
        try:
            while True:
                try:
                    head = await reader.readuntil(b"\r\n\r\n")
                except asyncio.IncompleteReadError:
                    return
                line, *fields = head.decode("latin-1").split("\r\n")[:-2]
                headers = {k.strip().lower(): v.strip() for k, _, v in (f.partition(":") for f in fields)}
                body = await reader.readexactly(int(headers.get("content-length", "0")))
                path = line.split()[1]
                self.requests.append((path, headers, body))
                if drop_next:  # the next request finds it closed, with no answer
                    return
                drop_next = path == "/then-drop"
                writer.write(ANSWERS[path])
                await writer.drain()
                if path in CLOSE_AFTER:
                    if path == "/idle-drop":
                        await asyncio.sleep(0.05)  # closed while the client holds it idle
                    return
        except ConnectionError:  # the client gave up on a bad answer
            pass
        finally:
            writer.close()


def run(test: Callable[[Server, Client], Awaitable[None]]) -> None:
    async def main() -> None:
        client = Client("test-agent/1")
        try:
            async with Server() as server:
                await asyncio.wait_for(test(server, client), 10)
        finally:
            await client.aclose()

    asyncio.run(main())


def test_framings_and_status_codes() -> None:
    async def test(server: Server, client: Client) -> None:
        for path, status in [
            ("/length", 200),  # content-length
            ("/chunked", 202),  # chunked, with a chunk extension and trailers
            ("/close", 200),  # connection: close
            ("/eof", 200),  # HTTP/1.0, read until close
            ("/continue", 201),  # 100 Continue, then the answer
            ("/hints", 200),  # 103 Early Hints and 100 Continue, then the answer
            ("/empty", 204),
            ("/error", 500),
            ("/length", 200),
        ]:
            assert await client.post(server.url + path, b'{"a":1}', {"x-sig": "abc"}) == status, path
        path, headers, body = server.requests[0]
        assert body == b'{"a":1}'
        assert headers["content-length"] == "7" and headers["x-sig"] == "abc"
        assert headers["user-agent"] == "test-agent/1"
        assert headers["host"] == server.url.removeprefix("http://")
        assert "authorization" not in headers

    run(test)


def test_user_info_is_sent_as_basic_credentials() -> None:
    async def test(server: Server, client: Client) -> None:
        url = server.url.replace("http://", "http://al%40ice:s%3Ae@") + "/length?q=a b"
        assert await client.post(url, b"{}", {}) == 200
        path, headers, _ = server.requests[0]
        assert path == "/length?q=a%20b"
        assert headers["authorization"] == "Basic YWxAaWNlOnM6ZQ=="  # al@ice:s:e
        assert headers["host"] == server.url.removeprefix("http://")

    ANSWERS["/length?q=a%20b"] = ANSWERS["/length"]
    try:
        run(test)
    finally:
        del ANSWERS["/length?q=a%20b"]


def test_keep_alive_reuses_one_connection() -> None:
    async def test(server: Server, client: Client) -> None:
        for path in ["/length", "/chunked", "/continue", "/hints", "/empty", "/error"] * 3:
            await client.post(server.url + path, b"{}", {})
        assert server.connections == 1
        await client.post(server.url + "/close", b"{}", {})  # the server says close: not reused
        await client.post(server.url + "/length", b"{}", {})
        assert server.connections == 2
        await client.post(server.url + "/eof", b"{}", {})  # the same connection, closed at the end
        await client.post(server.url + "/length", b"{}", {})
        assert server.connections == 3

    run(test)


def test_a_connection_with_bytes_past_the_answer_is_not_reused() -> None:
    async def test(server: Server, client: Client) -> None:
        assert await client.post(server.url + "/too-long", b"{}", {}) == 200
        await asyncio.sleep(0.05)
        assert await client.post(server.url + "/length", b"{}", {}) == 200  # not the stray 500
        assert server.connections == 2

    run(test)


def test_a_connection_the_server_dropped_while_idle_is_replaced() -> None:
    async def test(server: Server, client: Client) -> None:
        assert await client.post(server.url + "/idle-drop", b"{}", {}) == 200
        await asyncio.sleep(0.2)  # the server has closed it; the client still has it
        assert await client.post(server.url + "/length", b"{}", {}) == 200
        assert server.connections == 2

    run(test)


def test_a_connection_closed_as_the_request_arrives_is_retried_once() -> None:
    async def test(server: Server, client: Client) -> None:
        assert await client.post(server.url + "/then-drop", b"{}", {}) == 200
        assert await client.post(server.url + "/length", b"{}", {}) == 200
        assert [p for p, _, _ in server.requests] == ["/then-drop", "/length", "/length"]
        assert server.connections == 2

    run(test)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/garbage", "illegal status line"),
        ("/switch", ""),  # a 101 nobody asked for
        ("/truncated", "peer closed connection without sending complete message body"),
        ("/bad-chunk", ""),
        ("/two-lengths", ""),
        ("/huge-head", "Receive buffer too long"),
        ("/nothing", "closed the connection without an answer"),  # on a new connection: no retry
    ],
)
def test_malformed_answers_raise_protocol_error(path: str, message: str) -> None:
    async def test(server: Server, client: Client) -> None:
        with pytest.raises(ProtocolError, match=f"^RemoteProtocolError: .*{message}"):
            await client.post(server.url + path, b"{}", {})
        assert await client.post(server.url + "/length", b"{}", {}) == 200  # on a new connection
        assert server.connections == 2

    run(test)


def test_unusable_requests_and_urls_raise() -> None:
    async def test(server: Server, client: Client) -> None:
        with pytest.raises(HTTPError, match="InvalidHeader"):
            await client.post(server.url + "/length", b"{}", {"x-sig": "a\r\nx-evil: 1"})
        with pytest.raises(HTTPError, match="UnsupportedProtocol"):
            await client.post("ftp://127.0.0.1/x", b"{}", {})
        with pytest.raises(HTTPError, match="InvalidURL"):
            await client.post("http:///x", b"{}", {})
        with pytest.raises(HTTPError, match="ConnectError"):
            await client.post("http://127.0.0.1:9/closed", b"{}", {})
        assert server.requests == []

    run(test)
