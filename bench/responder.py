"""The calibration row's server: a raw asyncio protocol that answers every request with one fixed
200 response, doing nothing else (no routing, no ASGI, no parsing beyond finding where a request ends).

`python -m bench.responder PORT`. It stands in for "the fastest server this machine could run":
wrk's rate against it, on the same core as the real servers, is a lower bound of what wrk can
send, and the calibration row compares it with the fastest server measured.
Requests must not have bodies (the calibration sends GETs).
"""

from __future__ import annotations

import asyncio
import signal
import sys
from typing import cast

from bench import aio

BODY = b'{"data":{"result":"ok"}}'
RESPONSE = (
    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: " + str(len(BODY)).encode() + b"\r\n\r\n"
) + BODY


class Responder(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's transports are not asyncio.Transport subclasses
        self.pending = b""

    def data_received(self, data: bytes) -> None:
        data = self.pending + data
        count = data.count(b"\r\n\r\n")
        if count:
            self.transport.write(RESPONSE * count)
            data = data[data.rfind(b"\r\n\r\n") + 4 :]
        self.pending = data[-65536:]


async def serve(port: int) -> None:
    loop = asyncio.get_running_loop()
    server = await loop.create_server(Responder, "127.0.0.1", port, backlog=2048)
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()


if __name__ == "__main__":
    aio.run(serve(int(sys.argv[1])))
