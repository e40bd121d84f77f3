"""A small HTTP/1.1 client for webhook delivery: POST only, keep-alive connections per origin.

Why not httpx: under the benchmark's load httpx cost about 2.5 ms of CPU per webhook on the
bench machine (most of it httpcore's connection-pool bookkeeping, run for every request);
the dispatcher could not keep up with two webhooks per command. The protocol itself is
h11's (the HTTP/1.1 state machine httpcore uses): this module only moves bytes between
asyncio streams and an `h11.Connection`, and keeps the connections. Sequential POSTs to a
local keep-alive receiver, CPU per POST on one machine: httpx 1.3 ms, this 0.26 ms (about
0.12 ms of it h11's), a hand-written parser it replaced 0.11 ms.

What it does: one request per connection at a time; idle connections are kept per origin
(scheme, host, port) for `KEEPALIVE_EXPIRY` seconds, at most `MAX_IDLE_PER_ORIGIN` of them,
when h11 says both sides are done with the exchange and nothing came after the answer.
A reused connection that turns out to be closed by the peer before any byte of the
answer (the usual keep-alive race) is replaced by a new one once. Responses are read in
full (h11's framing: Content-Length, chunked, or until close; 1xx answers skipped) and their
body is discarded. No proxies, no redirects (a 3xx is an answer like any other), no
compression. `https` uses the certifi bundle when it is installed (as httpx does), else the
system's. User info in the URL is sent as Basic credentials. Timeouts are the caller's
(`asyncio.timeout`).
"""

from __future__ import annotations

import asyncio
import base64
import functools
import ssl
import time
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

import h11

KEEPALIVE_EXPIRY = 5.0
MAX_IDLE_PER_ORIGIN = 32
MAX_HEADER_BYTES = 64 * 1024
READ_SIZE = 64 * 1024
_SAFE = "".join(chr(c) for c in range(0x21, 0x7F))  # printable ASCII but space: kept as is


class HTTPError(Exception):
    """A request that got no usable answer; the message says why."""


class ConnectError(HTTPError):
    pass


class ProtocolError(HTTPError):
    pass


class _Stale(Exception):
    """A reused connection was found closed before the answer started."""


@dataclass(frozen=True)
class Target:
    origin: tuple[str, str, int]
    path: bytes
    headers: tuple[tuple[bytes, bytes], ...]  # host, user-agent, accept, authorization


@functools.lru_cache(maxsize=1024)
def target(url: str, user_agent: str) -> Target:
    """Parse a webhook URL once (ValueError or HTTPError when it is not usable)."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise HTTPError(f"UnsupportedProtocol: {scheme or 'no'} scheme in {url!r}")
    host = parts.hostname
    if not host:
        raise HTTPError(f"InvalidURL: no host in {url!r}")
    port = parts.port or (443 if scheme == "https" else 80)
    ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    shown = f"[{ascii_host}]" if ":" in ascii_host else ascii_host
    if port != (443 if scheme == "https" else 80):
        shown += f":{port}"
    path = quote(parts.path or "/", safe=_SAFE)
    if parts.query:
        path += "?" + quote(parts.query, safe=_SAFE)
    headers = [("host", shown), ("user-agent", user_agent), ("accept", "*/*")]
    if parts.username is not None:
        userinfo = f"{unquote(parts.username)}:{unquote(parts.password or '')}".encode()
        headers.append(("authorization", "Basic " + base64.b64encode(userinfo).decode("ascii")))
    encoded = tuple((k.encode("ascii"), v.encode("latin-1")) for k, v in headers)
    return Target((scheme, ascii_host, port), path.encode("ascii"), encoded)


class _Conn:
    __slots__ = ("h11", "idle_since", "reader", "writer")

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.reader = reader
        self.writer = writer
        self.h11 = h11.Connection(h11.CLIENT, max_incomplete_event_size=MAX_HEADER_BYTES)
        self.idle_since = 0.0

    def usable(self, now: float) -> bool:
        """Still open, not expired, and the peer sent nothing since the last answer."""
        return (
            now - self.idle_since < KEEPALIVE_EXPIRY
            and not self.writer.is_closing()
            and not self.reader.at_eof()
            and not _buffered(self.reader)
        )

    def reusable(self) -> bool:
        """Both sides done, nothing past the answer, and h11 ready for the next exchange."""
        h = self.h11
        if h.our_state is not h11.DONE or h.their_state is not h11.DONE:
            return False  # `connection: close`, HTTP/1.0, read until close, an error, ...
        if h.trailing_data[0] or _buffered(self.reader):  # bytes past the answer: framing is off
            return False
        h.start_next_cycle()
        return True

    def close(self) -> None:
        self.writer.close()


class Client:
    def __init__(self, user_agent: str) -> None:
        self.user_agent = user_agent
        self._idle: dict[tuple[str, str, int], list[_Conn]] = {}
        self._ssl: ssl.SSLContext | None = None

    async def post(self, url: str, body: bytes, headers: dict[str, str]) -> int:
        """POST `body` to `url`; the status code of the answer, or HTTPError / OSError."""
        t = target(url, self.user_agent)
        try:
            request = h11.Request(
                method=b"POST",
                target=t.path,
                headers=[
                    *t.headers,
                    *((k.encode("ascii"), v.encode("ascii")) for k, v in headers.items()),  # as h11 would
                    (b"content-length", b"%d" % len(body)),
                ],
            )
        except (h11.LocalProtocolError, UnicodeError) as exc:
            raise HTTPError(f"InvalidHeader: {exc}") from None
        conn, reused = await self._acquire(t.origin)
        try:
            try:
                status = await _exchange(conn, request, body, reused)
            except _Stale:
                conn.close()
                conn, reused = await self._connect(t.origin), False
                status = await _exchange(conn, request, body, reused)
            keep = conn.reusable()
        except BaseException:
            conn.close()
            raise
        if keep:
            self._release(t.origin, conn)
        else:
            conn.close()
        return status

    async def aclose(self) -> None:
        for conns in self._idle.values():
            for conn in conns:
                conn.close()
        self._idle.clear()

    # ---- connections ---------------------------------------------------------------
    async def _acquire(self, origin: tuple[str, str, int]) -> tuple[_Conn, bool]:
        idle = self._idle.get(origin)
        if idle:
            now = time.monotonic()
            while idle:
                conn = idle.pop()
                if conn.usable(now):
                    return conn, True
                conn.close()
        return await self._connect(origin), False

    async def _connect(self, origin: tuple[str, str, int]) -> _Conn:
        scheme, host, port = origin
        tls: ssl.SSLContext | None = None
        if scheme == "https":
            tls = self._ssl = self._ssl or _ssl_context()
        try:
            reader, writer = await asyncio.open_connection(host, port, ssl=tls, server_hostname=host if tls else None)
        except OSError as exc:
            raise ConnectError(f"ConnectError: {exc}") from exc
        return _Conn(reader, writer)

    def _release(self, origin: tuple[str, str, int], conn: _Conn) -> None:
        idle = self._idle.setdefault(origin, [])
        if len(idle) >= MAX_IDLE_PER_ORIGIN:
            conn.close()
            return
        conn.idle_since = time.monotonic()
        idle.append(conn)


async def _exchange(conn: _Conn, request: h11.Request, body: bytes, reused: bool) -> int:
    """Send the request on `conn` and read the whole answer; its status code."""
    h, reader = conn.h11, conn.reader
    answered = False  # any byte of the answer received
    try:
        conn.writer.write(h.send(request) + h.send(h11.Data(data=body)) + h.send(h11.EndOfMessage()))
        await conn.writer.drain()
        status = 0
        while True:
            event = h.next_event()
            if event is h11.NEED_DATA:
                data = await reader.read(READ_SIZE)
                if not data and not answered:
                    if reused:
                        raise _Stale
                    raise ProtocolError("RemoteProtocolError: the server closed the connection without an answer")
                answered = True
                h.receive_data(data)  # b"": the peer closed; h11 ends the body or raises
            elif type(event) is h11.Response:
                status = event.status_code
            elif type(event) is h11.EndOfMessage:
                return status
            # InformationalResponse (100 Continue, 103 Early Hints): the answer follows; a 101
            # we did not ask for is a RemoteProtocolError from h11. Data: discarded.
            elif type(event) not in (h11.InformationalResponse, h11.Data):  # ConnectionClosed, PAUSED
                raise ProtocolError(f"RemoteProtocolError: unexpected {event!r} before the end of the answer")
    except (ConnectionResetError, BrokenPipeError) as exc:
        if reused and not answered:
            raise _Stale from exc
        raise
    except h11.ProtocolError as exc:
        raise ProtocolError(f"{type(exc).__name__}: {exc}") from exc


def _buffered(reader: asyncio.StreamReader) -> bool:
    """Whether bytes are waiting in the reader (StreamReader has no public way to ask)."""
    return bool(getattr(reader, "_buffer", b""))


def _ssl_context() -> ssl.SSLContext:
    try:
        import certifi

        return ssl.create_default_context(cafile=certifi.where())
    except ImportError:  # pragma: no cover - certifi comes with httpx
        return ssl.create_default_context()
