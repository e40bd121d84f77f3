"""An open-loop load driver: requests at a fixed rate, whatever the server's answers do.

wrk has no rate mode (wrk2 is not packaged), so the latency rows use this small driver:
`python -m bench.openloop CONFIG_JSON` prints one JSON object. Request `i` is due at
`start + i / rate`; it is written on an idle keep-alive connection, or on a new one when every
open connection still waits for its answer (no request ever waits for another's answer, which
is what makes it open-loop; at most `max_connections`, after which requests queue and the
queueing shows as send lag). Written with a raw asyncio protocol (uvloop when installed), not
an HTTP library: the driver's own cost per request is a few tens of microseconds.

Config: {"port", "rate", "seconds", "method", "paths": [...], "headers": {...},
         "body": "... {state} ...", "tag", "connections", "max_connections"}
`{state}` in the body becomes a client_state no other request uses: `state_of(tag, i)`.

Output: {"requests", "start_epoch", "samples": [[i, send_epoch, send_lag_s, latency_s, status], ...],
         "cpu_seconds", "wall_seconds", "connections", "unanswered"}
`latency_s` runs from the request's first byte written to its answer's last byte read (both on
this process's monotonic clock); `send_lag_s` is how late the request was written against its
due time, which shows whether the driver kept the schedule. `send_epoch` is the write time as
Unix time, to compare with the webhook receiver's arrival times.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import resource
import sys
import time
from collections import deque
from typing import Any, cast

from bench import aio


def state_of(tag: str, i: int) -> str:
    return base64.b64encode(f"{tag}:{i}".encode()).decode()


class Connection(asyncio.Protocol):
    def __init__(self, driver: Driver) -> None:
        self.driver = driver
        self.transport: asyncio.Transport | None = None
        self.buffer = b""
        self.current: tuple[int, float] | None = None  # (i, sent on the monotonic clock)

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = cast(asyncio.Transport, transport)  # uvloop's transports are not asyncio.Transport subclasses

    def connection_lost(self, exc: Exception | None) -> None:
        self.driver.lost(self)

    def send(self, i: int, data: bytes) -> None:
        assert self.transport is not None
        self.current = (i, time.perf_counter())
        self.transport.write(data)

    def data_received(self, data: bytes) -> None:
        now = time.perf_counter()
        self.buffer += data
        end = self.buffer.find(b"\r\n\r\n")
        if end < 0:
            return
        head = self.buffer[:end]
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        if len(self.buffer) < end + 4 + length:
            return
        status = int(head[9:12])
        self.buffer = self.buffer[end + 4 + length :]
        assert self.current is not None, "an answer nobody asked for"
        i, sent = self.current
        self.current = None
        self.driver.answered(self, i, sent, now, status)


class Driver:
    def __init__(self, config: dict[str, Any]) -> None:
        self.config = config
        self.loop = asyncio.get_running_loop()
        self.idle: deque[Connection] = deque()
        self.all: set[Connection] = set()
        self.opening = 0
        self.queue: deque[int] = deque()  # due requests with no connection to go on
        self.samples: list[list[Any]] = []
        self.outstanding = 0
        self.done = asyncio.Event()
        self.scheduling = True
        self.start = 0.0
        headers = "".join(f"{k}: {v}\r\n" for k, v in config.get("headers", {}).items())
        self.head = (config.get("method", "GET"), headers)
        self.paths = config["paths"]
        self.body = config.get("body", "")
        self.tag = config.get("tag", "ol")
        self.rate = float(config["rate"])
        self.max_connections = int(config.get("max_connections", 512))
        self.sent_at: dict[int, float] = {}

    def request(self, i: int) -> bytes:
        method, headers = self.head
        path = self.paths[i % len(self.paths)]
        body = self.body.replace("{state}", state_of(self.tag, i)).encode() if self.body else b""
        length = f"content-length: {len(body)}\r\n" if body or method in ("POST", "PUT", "PATCH") else ""
        return f"{method} {path} HTTP/1.1\r\nhost: 127.0.0.1\r\n{headers}{length}\r\n".encode() + body

    async def open(self) -> None:
        self.opening += 1
        try:
            _, conn = await self.loop.create_connection(lambda: Connection(self), "127.0.0.1", self.config["port"])
        finally:
            self.opening -= 1
        self.all.add(conn)
        self.ready(conn)

    def ready(self, conn: Connection) -> None:
        if self.queue:
            self.send(conn, self.queue.popleft())
        else:
            self.idle.append(conn)

    def send(self, conn: Connection, i: int) -> None:
        due = self.start + i / self.rate
        self.sent_at[i] = time.perf_counter() - due
        conn.send(i, self.request(i))

    def dispatch(self, i: int) -> None:
        self.outstanding += 1
        if self.idle:
            self.send(self.idle.popleft(), i)
            return
        self.queue.append(i)
        if len(self.all) + self.opening < self.max_connections:
            self.loop.create_task(self.open())

    def answered(self, conn: Connection, i: int, sent: float, now: float, status: int) -> None:
        self.samples.append([i, self.start_epoch + (sent - self.start), self.sent_at.pop(i), now - sent, status])
        self.outstanding -= 1
        self.ready(conn)
        if not self.scheduling and self.outstanding == 0:
            self.done.set()

    def lost(self, conn: Connection) -> None:
        self.all.discard(conn)
        if conn in self.idle:
            self.idle.remove(conn)
        if conn.current is not None:  # its request gets no answer
            i, sent = conn.current
            self.samples.append([i, self.start_epoch + (sent - self.start), self.sent_at.pop(i, 0.0), None, 0])
            self.outstanding -= 1
            if not self.scheduling and self.outstanding == 0:
                self.done.set()

    async def run(self) -> dict[str, Any]:
        for _ in range(int(self.config.get("connections", 32))):
            await self.open()
        total = round(self.rate * float(self.config["seconds"]))
        cpu0 = resource.getrusage(resource.RUSAGE_SELF)
        # Every time is time.perf_counter(): the loop's own clock has millisecond resolution under uvloop.
        self.start = time.perf_counter() + 0.05
        self.start_epoch = time.time() + (self.start - time.perf_counter())
        i = 0
        while i < total:
            now = time.perf_counter()
            # Everything due by now goes out; then sleep until the next one is due.
            while i < total and self.start + i / self.rate <= now:
                self.dispatch(i)
                i += 1
            if i < total:
                # The loops' timers have millisecond resolution: a shorter sleep would spin. So the
                # driver wakes at most every millisecond and sends what is due (send lag <= ~1 ms).
                await asyncio.sleep(max(0.001, self.start + i / self.rate - time.perf_counter()))
        self.scheduling = False
        wall_end = time.perf_counter()
        if self.outstanding:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.done.wait(), timeout=30)
        cpu1 = resource.getrusage(resource.RUSAGE_SELF)
        for conn in list(self.all):
            if conn.transport is not None:
                conn.transport.close()
        return {
            "requests": total,
            "start_epoch": self.start_epoch,
            "samples": self.samples,
            "cpu_seconds": (cpu1.ru_utime + cpu1.ru_stime) - (cpu0.ru_utime + cpu0.ru_stime),
            "wall_seconds": time.perf_counter() - self.start,
            "schedule_seconds": wall_end - self.start,
            "connections": len(self.all),
            "unanswered": self.outstanding,
            "loop": aio.loop_name(),
        }


async def main(config: dict[str, Any]) -> dict[str, Any]:
    return await Driver(config).run()


if __name__ == "__main__":
    result = aio.run(main(json.loads(sys.argv[1])))
    json.dump(result, sys.stdout)
