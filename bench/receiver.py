"""The webhook receiver of the server rows: it answers every POST at once, then notes when it came.

`python -m bench.receiver PORT`. A raw asyncio protocol (uvloop when installed), not a web
framework, so that what the latency rows measure is the server's delivery, not the receiver:
the 200 is written as soon as a request's last byte is read, before anything else is done
with it; the body is kept as bytes and only parsed when the harness asks.

  POST <any path>  -> 200, empty body; the arrival time (Unix seconds) and the body are kept
  GET /count       -> {"count": n}
  GET /arrivals    -> {"count": n, "arrivals": {client_state: [[arrived, occurred_at or null], ...]}}
                      `occurred_at` is the time the server stamped on the event (V2 `data.occurred_at`,
                      V1 `payload.occurred_at`), in Unix seconds
  POST /reset      -> forgets every arrival (answers 200 like any POST, and is not kept)

HTTP/1.1 with keep-alive and Content-Length bodies (what the reference server's webhook
client sends); anything else closes the connection.
"""

from __future__ import annotations

import asyncio
import json
import signal
import sys
import time
from datetime import datetime
from typing import Any, cast

from bench import aio

OK = b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n"
MAX_HEAD = 64 * 1024


class Store:
    def __init__(self) -> None:
        self.raw: list[tuple[float, bytes]] = []

    def arrivals(self) -> dict[str, list[tuple[float, float | None]]]:
        out: dict[str, list[tuple[float, float | None]]] = {}
        for arrived, body in self.raw:
            state, occurred = parse_event(body)
            out.setdefault(state, []).append((arrived, occurred))
        return out


def parse_event(body: bytes) -> tuple[str, float | None]:
    """(client_state, occurred_at in Unix seconds or None) of a V1 or V2 webhook body."""
    try:
        doc = json.loads(body)
    except ValueError:
        return "<not json>", None
    event = (doc.get("data") or doc) if isinstance(doc, dict) else {}
    payload = (event.get("payload") or {}) if isinstance(event, dict) else {}
    stamp = event.get("occurred_at") or payload.get("occurred_at")
    occurred = datetime.fromisoformat(stamp).timestamp() if isinstance(stamp, str) else None
    return str(payload.get("client_state")), occurred


def response(status: str, body: bytes, content_type: str = "application/json") -> bytes:
    head = f"HTTP/1.1 {status}\r\ncontent-type: {content_type}\r\ncontent-length: {len(body)}\r\n\r\n"
    return head.encode() + body


class Receiver(asyncio.Protocol):
    def __init__(self, store: Store) -> None:
        self.store = store
        self.buffer = b""
        self.head: tuple[bytes, bytes] | None = None  # (method, target) of the request being read
        self.need = 0

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's transports are not asyncio.Transport subclasses

    def data_received(self, data: bytes) -> None:
        arrived = time.time()
        self.buffer += data
        while True:
            if self.head is None:
                end = self.buffer.find(b"\r\n\r\n")
                if end < 0:
                    if len(self.buffer) > MAX_HEAD:
                        self.transport.close()
                    return
                lines = self.buffer[:end].split(b"\r\n")
                self.buffer = self.buffer[end + 4 :]
                parts = lines[0].split(b" ")
                if len(parts) != 3:
                    self.transport.close()
                    return
                self.need = 0
                for line in lines[1:]:
                    name, _, value = line.partition(b":")
                    name = name.strip().lower()
                    if name == b"content-length":
                        self.need = int(value)
                    elif name == b"transfer-encoding":
                        self.transport.close()  # chunked bodies: not what the server sends
                        return
                self.head = (parts[0], parts[1])
            if len(self.buffer) < self.need:
                return
            body, self.buffer = self.buffer[: self.need], self.buffer[self.need :]
            method, target = self.head
            self.head = None
            self.handle(method, target, body, arrived)

    def handle(self, method: bytes, target: bytes, body: bytes, arrived: float) -> None:
        if method == b"POST":
            self.transport.write(OK)  # at once: the webhook is received
            if target == b"/reset":
                self.store.raw.clear()
            else:
                self.store.raw.append((arrived, body))
        elif target == b"/count":
            self.transport.write(response("200 OK", json.dumps({"count": len(self.store.raw)}).encode()))
        elif target == b"/arrivals":
            data: dict[str, Any] = {"count": len(self.store.raw), "arrivals": self.store.arrivals()}
            self.transport.write(response("200 OK", json.dumps(data).encode()))
        else:
            self.transport.write(response("404 Not Found", b"{}"))


async def serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    store = Store()
    server = await loop.create_server(lambda: Receiver(store), "127.0.0.1", port, backlog=2048)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    aio.run(serve(int(sys.argv[1])))
