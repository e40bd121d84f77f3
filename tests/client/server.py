"""A small real HTTP server for the client tests: uvicorn on 127.0.0.1, scripted per test.

Each test says what the next answers to a method and path are (``server.on(...)``); the
last answer given repeats. Every request is recorded with the time it arrived.
"""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


@dataclass
class Reply:
    """One scripted answer."""

    status: int = 200
    json: Any = None
    body: bytes | None = None  # raw body, instead of ``json``
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering

    def response(self) -> Response:
        content = self.body if self.body is not None else json.dumps(self.json).encode()
        media = "application/json" if self.json is not None or self.body is not None else None
        return Response(content if content != b"null" else b"", self.status, self.headers, media_type=media)


@dataclass
class Seen:
    """One request the server received."""

    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    at: float  # time.monotonic() on arrival

    def json(self) -> Any:
        return json.loads(self.body)


class ScriptedServer:
    def __init__(self) -> None:
        self.requests: list[Seen] = []
        self._script: dict[tuple[str, str], list[Reply]] = {}
        self._routes: dict[tuple[str, str], Callable[[Seen], Reply]] = {}
        self._lock = threading.Lock()
        self.app = Starlette(
            routes=[Route("/{path:path}", self._handle, methods=["GET", "POST", "PATCH", "PUT", "DELETE"])]
        )
        self.base_url = ""

    def on(self, method: str, path: str, *replies: Reply) -> None:
        """Answer the next requests to ``method path`` with ``replies``, the last one repeating."""
        with self._lock:
            self._script[(method.upper(), path)] = list(replies)

    def route(self, method: str, path: str, answer: Callable[[Seen], Reply]) -> None:
        """Answer every request to ``method path`` with ``answer(request)``."""
        with self._lock:
            self._routes[(method.upper(), path)] = answer

    def reset(self) -> None:
        with self._lock:
            self._script.clear()
            self._routes.clear()
            self.requests.clear()

    def seen(self, method: str, path: str) -> list[Seen]:
        return [r for r in self.requests if (r.method, r.path) == (method.upper(), path)]

    async def _handle(self, request: Request) -> Response:
        body = await request.body()
        seen = Seen(
            request.method,
            request.url.path,
            dict(request.query_params),
            dict(request.headers),
            body,
            time.monotonic(),
        )
        with self._lock:
            self.requests.append(seen)
            queue = self._script.get((request.method, request.url.path))
            route = self._routes.get((request.method, request.url.path))
            if route is not None:
                reply = route(seen)
            elif not queue:
                reply = Reply(404, {"errors": [{"code": "404", "title": "Not scripted"}]})
            else:
                reply = queue.pop(0) if len(queue) > 1 else queue[0]
        if reply.delay:
            await asyncio.sleep(reply.delay)
        return reply.response()


def free_socket() -> socket.socket:
    sock = socket.socket(
        socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP
    )  # TCP_NODELAY, see refserver/__main__.py
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    return sock


def serve() -> Iterator[ScriptedServer]:
    """Run a :class:`ScriptedServer` in a background thread until the generator is closed."""
    scripted = ScriptedServer()
    sock = free_socket()
    port = sock.getsockname()[1]
    config = uvicorn.Config(scripted.app, log_level="warning", lifespan="off", timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.01)
    scripted.base_url = f"http://127.0.0.1:{port}"
    try:
        yield scripted
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()
