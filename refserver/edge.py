"""Limits at the edge: request head, body and read time; protocol errors as Telnyx `errors` bodies.

uvicorn answers a request it cannot parse (CR or NUL in a header, `Content-Length: -1`, a
malformed request line) with a `text/plain` 400, and puts no bound on the time a client may
take to send a request, nor (with httptools) on the size of its head. The protocol classes
here are uvicorn's two HTTP/1.1 implementations with three changes, the same for both:

* a protocol error is answered `400` with a Telnyx `errors` body (code 10015), then the
  connection is closed (it cannot be read further: the framing is lost);
* a request head (request line and headers) larger than MAX_HEAD_BYTES is answered `431`
  with an `errors` body, then closed;
* a connection that has not delivered a complete request READ_TIMEOUT seconds after it
  opened, or after the first byte of a request, is answered `408` with an `errors` body
  (when no answer has started on it) and closed. Idle keep-alive connections between
  requests are closed after uvicorn's `timeout_keep_alive`.

The body is bounded in the application (`BodyLimit`): a `Content-Length` over MAX_BODY_BYTES
is refused at once, a chunked body as soon as it passes the limit: `413` with an `errors`
body. What is not possible: a peer that never reads our answer, or that resets the
connection, gets nothing; a request whose answer has started is cut short, not answered twice.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from .errors import TelnyxError, error

MAX_BODY_BYTES = 1024 * 1024  # 1 MiB: a 1 MB string field fits, with its JSON around it
MAX_HEAD_BYTES = 64 * 1024  # request line and headers together
READ_TIMEOUT = 10.0  # seconds to receive a whole request once it began (or once the connection opened)

REASONS = {
    400: b"Bad Request",
    408: b"Request Timeout",
    413: b"Content Too Large",
    431: b"Request Header Fields Too Large",
}


def error_response(status: int, code: str, detail: str) -> bytes:
    """A whole HTTP/1.1 answer with a Telnyx `errors` body, closing the connection."""
    body = json.dumps({"errors": [error(code, detail)]}).encode("utf-8")
    head = b"HTTP/1.1 %d %s\r\ncontent-type: application/json\r\ncontent-length: %d\r\nconnection: close\r\n\r\n" % (
        status,
        REASONS[status],
        len(body),
    )
    return head + body


class _Edge:
    """What both protocol classes add (mixed in before uvicorn's class)."""

    transport: asyncio.Transport
    cycle: Any
    loop: asyncio.AbstractEventLoop
    read_timeout: float = READ_TIMEOUT
    _read_timer: asyncio.TimerHandle | None = None
    _answered = False

    def _arm(self) -> None:
        if self._read_timer is None:
            self._read_timer = self.loop.call_later(self.read_timeout, self._read_timed_out)

    def _disarm(self) -> None:
        if self._read_timer is not None:
            self._read_timer.cancel()
            self._read_timer = None

    def _receiving(self) -> bool:  # pragma: no cover - each protocol says
        raise NotImplementedError

    def _read_timed_out(self) -> None:
        self._read_timer = None
        if self.transport.is_closing() or not self._receiving():
            return  # the request is in: the application is working on it
        cycle = self.cycle
        if cycle is None or (cycle.response_complete or not cycle.response_started):
            detail = f"The request was not received within {self.read_timeout:g} s."
            self._refuse(408, "10015", detail)
        else:
            self.transport.close()

    def _refuse(self, status: int, code: str, detail: str) -> None:
        self._disarm()
        if self._answered or self.transport.is_closing():
            return
        self._answered = True
        if self.cycle is not None and not self.cycle.response_complete:
            self.cycle.response_complete = True  # nothing more may be written on this connection
            self.cycle.disconnected = True
            self.cycle.message_event.set()
        self.transport.write(error_response(status, code, detail))
        self.transport.close()

    def send_400_response(self, msg: str) -> None:
        self._refuse(400, "10015", "The request is not valid HTTP/1.1 (a malformed request line or header).")


class TelnyxH11Protocol(_Edge, H11Protocol):
    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._arm()

    def connection_lost(self, exc: Exception | None) -> None:
        self._disarm()
        super().connection_lost(exc)

    def _receiving(self) -> bool:
        return self.conn.their_state in (h11.IDLE, h11.SEND_BODY)

    def data_received(self, data: bytes) -> None:
        if self._answered:
            return
        if self.conn.their_state is h11.IDLE:
            self._arm()
        super().data_received(data)
        if self.conn.their_state not in (h11.IDLE, h11.SEND_BODY):
            self._disarm()  # the whole request is in

    def send_400_response(self, msg: str) -> None:
        # h11 refuses a head over `h11_max_incomplete_event_size` (set to MAX_HEAD_BYTES) with the
        # same error as a malformed one: what it holds tells them apart.
        if len(self.conn.trailing_data[0]) > MAX_HEAD_BYTES:
            self._refuse(431, "10015", f"The request line and headers are over {MAX_HEAD_BYTES} bytes.")
        else:
            super().send_400_response(msg)

    def on_response_complete(self) -> None:
        self._disarm()
        super().on_response_complete()


def _httptools_protocol() -> type | None:
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
    except ImportError:  # httptools is not installed: only h11 is served
        return None

    class TelnyxHttpToolsProtocol(_Edge, HttpToolsProtocol):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._head_bytes = 0
            self._in_message = False
            self._head_done = True

        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._arm()

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def _receiving(self) -> bool:
            return self._in_message or self.cycle is None or self.cycle.response_complete

        def data_received(self, data: bytes) -> None:
            if self._answered:
                return
            if not self._in_message:
                self._arm()
            super().data_received(data)

        def _count(self, n: int) -> None:
            self._head_bytes += n
            if self._head_bytes > MAX_HEAD_BYTES:
                self._refuse(431, "10015", f"The request line and headers are over {MAX_HEAD_BYTES} bytes.")
                raise ValueError("request head too large")  # stops the parser

        def on_message_begin(self) -> None:
            self._in_message = True
            self._head_bytes = 0
            self._arm()
            super().on_message_begin()

        def on_url(self, url: bytes) -> None:
            self._count(len(url))
            super().on_url(url)

        def on_header(self, name: bytes, value: bytes) -> None:
            self._count(len(name) + len(value) + 4)
            super().on_header(name, value)

        def on_message_complete(self) -> None:
            self._in_message = False
            self._disarm()
            super().on_message_complete()

    return TelnyxHttpToolsProtocol


TelnyxHttpToolsProtocol = _httptools_protocol()


def protocol_class(http: str, read_timeout: float = READ_TIMEOUT) -> type:
    """The protocol class for uvicorn's `http` setting (`h11` or `httptools`), with this read timeout."""
    base: type = TelnyxH11Protocol
    if http == "httptools" and TelnyxHttpToolsProtocol is not None:
        base = TelnyxHttpToolsProtocol
    return type(base.__name__, (base,), {"read_timeout": read_timeout})


# ---- the body, in the application -----------------------------------------------------------
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
ASGIApp = Callable[[Scope, Callable[[], Awaitable[Message]], Callable[[Message], Awaitable[None]]], Awaitable[None]]


def too_large(limit: int = MAX_BODY_BYTES) -> TelnyxError:
    return TelnyxError(
        413, error("10015", f"The request body is larger than {limit} bytes.", title="Content Too Large")
    )


class BodyLimit:
    """ASGI middleware: a body over `limit` bytes is refused 413 with an `errors` body.

    A declared `Content-Length` over the limit (or not a number) is refused before any byte is
    read; a body without one raises `too_large()` from `receive` once it passes the limit,
    which the endpoint answers like any other refusal."""

    def __init__(self, app: ASGIApp, limit: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.limit = limit

    async def __call__(
        self, scope: Scope, receive: Callable[[], Awaitable[Message]], send: Callable[[Message], Awaitable[None]]
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = next((v for k, v in scope["headers"] if k == b"content-length"), None)
        if declared is not None and (not declared.strip().isdigit() or int(declared) > self.limit):
            exc = too_large(self.limit) if declared.strip().isdigit() else None
            status = 413 if exc else 400
            body = exc.body() if exc else {"errors": [error("10015", "Content-Length is not a number.")]}
            await _send_json(send, status, body)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise too_large(self.limit)
            return message

        async def closing(message: Message) -> None:
            if message["type"] == "http.response.start" and received > self.limit:  # the rest is not read
                message = {**message, "headers": [*message.get("headers", []), (b"connection", b"close")]}
            await send(message)

        await self.app(scope, limited, closing)


async def _send_json(send: Callable[[Message], Awaitable[None]], status: int, body: Any) -> None:
    data = json.dumps(body).encode("utf-8")
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(data)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": data})
