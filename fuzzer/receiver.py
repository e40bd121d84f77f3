"""A local webhook receiver: records every request it gets, raw body and headers.

It runs uvicorn in a thread on 127.0.0.1 (a free port unless one is given) and answers every
POST with 200. What it recorded is readable in-process (`Receiver.fetch`) and over HTTP
(`GET /__fuzzer__/received?after=N`, read by `ReceiverClient`), so that the schemathesis
subprocess (fuzzer.hooks) sees the same webhooks as the fuzzer process that started it.
"""

from __future__ import annotations

import base64
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

QUERY_PATH = "/__fuzzer__/received"


@dataclass(frozen=True)
class Received:
    """One request the receiver got."""

    seq: int
    at: float
    path: str
    headers: dict[str, str]  # lower-cased names
    body: bytes

    def to_json(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "at": self.at,
            "path": self.path,
            "headers": self.headers,
            "body": base64.b64encode(self.body).decode("ascii"),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Received:
        return cls(
            seq=data["seq"],
            at=data["at"],
            path=data["path"],
            headers=dict(data["headers"]),
            body=base64.b64decode(data["body"]),
        )


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Receiver:
    """Records webhooks; use as a context manager, or start()/stop()."""

    def __init__(self, host: str = "127.0.0.1", port: int = 0) -> None:
        self.host = host
        self.port = port or free_port()
        self._items: list[Received] = []
        self._lock = threading.Lock()
        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def webhook_url(self) -> str:
        """The URL to give an application as its `webhook_event_url`."""
        return f"{self.url}/webhooks"

    def fetch(self, after: int = 0) -> list[Received]:
        with self._lock:
            return [item for item in self._items if item.seq > after]

    @property
    def last_seq(self) -> int:
        with self._lock:
            return self._items[-1].seq if self._items else 0

    async def _record(self, request: Request) -> Response:
        body = await request.body()
        headers = {k.lower(): v for k, v in request.headers.items()}
        with self._lock:
            item = Received(len(self._items) + 1, time.time(), request.url.path, headers, body)
            self._items.append(item)
        return Response(status_code=200)

    async def _query(self, request: Request) -> Response:
        after = int(request.query_params.get("after", "0"))
        return JSONResponse([item.to_json() for item in self.fetch(after)])

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route(QUERY_PATH, self._query, methods=["GET"]),
                Route("/{rest:path}", self._record, methods=["POST", "PUT"]),
            ]
        )

    def start(self) -> Receiver:
        config = uvicorn.Config(self.app(), host=self.host, port=self.port, log_level="warning", lifespan="off")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, name="webhook-receiver", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline or not self._thread.is_alive():
                raise RuntimeError(f"webhook receiver did not start on {self.url}")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self._server = None
        self._thread = None

    def __enter__(self) -> Receiver:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ReceiverClient:
    """Reads what a Receiver (in another process) recorded, over its query API."""

    def __init__(self, url: str) -> None:
        self.url = url.rstrip("/")
        self._client = httpx.Client(timeout=10)
        self._cache: list[Received] = []

    def fetch(self, after: int = 0) -> list[Received]:
        last = self._cache[-1].seq if self._cache else 0
        response = self._client.get(self.url + QUERY_PATH, params={"after": last})
        response.raise_for_status()
        self._cache.extend(Received.from_json(item) for item in response.json())
        return [item for item in self._cache if item.seq > after]

    @property
    def last_seq(self) -> int:
        items = self.fetch(0)
        return items[-1].seq if items else 0
