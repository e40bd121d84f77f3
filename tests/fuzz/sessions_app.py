"""A small server that is not Telnyx's (tests/fuzz/sessions_api.yaml), healthy or with one fault.

It shows that the fuzzer's hostile-input phase finds a class of bug in any server, from the
spec alone. Faults (each the shape of a bug the reference server had, issue 15):

  surrogate_500   strings are stored in SQLite before any check: a lone surrogate is a 500
  phantom         a session takes its capacity slot before validation, and a refused request
                  keeps it (a phantom: capacity consumed until restart)
  timer_overflow  a timer's delay is scheduled after the 200 with loop.call_later(delay / 1000):
                  10^400 overflows in the background, holding the timer lock; every later timer
                  request then waits forever
  recursion       `meta` is deep-copied: nesting a few hundred deep is a RecursionError (a 500)
  lenient_numbers `page` is read with int(): non-ASCII digits, `1_0` and ` 1` are accepted
  bad_url         a session's `self` link is an unparseable URL (`http://[...`)

Healthy, it answers every bad input with 400 (not JSON, not UTF-8, too deep to parse) or 422,
and bounds what it schedules. Run it in a thread with `serve(faults)`.
"""

from __future__ import annotations

import asyncio
import copy
import json
import re
import sqlite3
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fuzzer.receiver import free_port

TOKEN = "sessions-token"
CAPACITY = 3
MAX_DELAY_MS = 86_400_000
MAX_DEPTH = 16


def error(status: int, detail: str, pointer: str = "") -> JSONResponse:
    return JSONResponse({"errors": [{"code": str(status), "detail": detail, "source": {"pointer": pointer}}]}, status)


class Invalid(Exception):
    def __init__(self, status: int, detail: str, pointer: str = "") -> None:
        super().__init__(detail)
        self.response = error(status, detail, pointer)


def _depth(value: Any, limit: int) -> int:
    depth, level = 0, [value]
    while level and depth <= limit:
        depth += 1
        level = [c for v in level for c in (v.values() if isinstance(v, dict) else v if isinstance(v, list) else ())]
    return depth


def _strings(value: Any, pointer: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(value, str):
        yield pointer, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key, pointer)
            yield from _strings(item, f"{pointer}/{key}")
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, f"{pointer}/{i}")


class SessionsApp:
    def __init__(self, faults: frozenset[str] = frozenset(), base_url: str = "") -> None:
        self.faults = faults
        self.base_url = base_url
        self.sessions: dict[str, dict[str, Any]] = {}
        self.slots = 0
        self.db = sqlite3.connect(":memory:", check_same_thread=False)
        self.db.execute("create table sessions (id text primary key, name text)")
        self.timer_lock: asyncio.Lock | None = None

    # -- reading requests ---------------------------------------------------------------------------

    @staticmethod
    def authorized(request: Request) -> bool:
        return request.headers.get("authorization") == f"Bearer {TOKEN}"

    async def body(self, request: Request) -> dict[str, Any]:
        raw = await request.body()
        try:
            body = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise Invalid(400, "The body is not JSON in UTF-8.") from None
        if not isinstance(body, dict):
            raise Invalid(422, "The body must be an object.")
        if "recursion" not in self.faults and _depth(body, MAX_DEPTH) > MAX_DEPTH:
            raise Invalid(422, f"The body is nested deeper than {MAX_DEPTH}.")
        if "surrogate_500" not in self.faults:
            for pointer, text in _strings(body):
                try:
                    text.encode("utf-8")
                except UnicodeEncodeError:
                    raise Invalid(422, "Text must be valid Unicode (no lone surrogates).", pointer) from None
        return body

    def validate_session(self, body: dict[str, Any]) -> None:
        name = body.get("name")
        if not isinstance(name, str) or not 1 <= len(name) <= 64:
            raise Invalid(422, "name must be a string of 1 to 64 characters.", "/name")
        tags = body.get("tags", [])
        if not isinstance(tags, list) or len(tags) > 10 or not all(isinstance(t, str) and len(t) <= 32 for t in tags):
            raise Invalid(422, "tags must be at most 10 strings of at most 32 characters.", "/tags")
        if "meta" in body and not isinstance(body["meta"], dict):
            raise Invalid(422, "meta must be an object.", "/meta")
        echo = body.get("echo_url")
        if echo is not None and (not isinstance(echo, str) or len(echo) > 2048):
            raise Invalid(422, "echo_url must be a string of at most 2048 characters.", "/echo_url")

    def view(self, session: dict[str, Any]) -> dict[str, Any]:
        data = {k: session[k] for k in ("id", "name", "echo_url", "timer_pending")}
        if "bad_url" in self.faults:
            data["self"] = f"http://[{session['id']}/api/sessions/{session['id']}"
        return data

    # -- endpoints ------------------------------------------------------------------------------------

    async def list_sessions(self, request: Request) -> Response:
        if not self.authorized(request):
            return error(401, "Authentication failed.")
        page = request.query_params.get("page", "1")
        if "lenient_numbers" in self.faults:
            try:
                number = int(page)
            except ValueError:
                return error(422, "page must be an integer.", "page")
        else:
            if not re.fullmatch(r"[0-9]{1,4}", page):
                return error(422, "page must be an integer from 1 to 1000.", "page")
            number = int(page)
        if not 1 <= number <= 1000:
            return error(422, "page must be an integer from 1 to 1000.", "page")
        return JSONResponse({"data": [self.view(s) for s in self.sessions.values()]})

    async def create_session(self, request: Request) -> Response:
        if not self.authorized(request):
            return error(401, "Authentication failed.")
        reserved = False
        try:
            if "phantom" in self.faults:
                if self.slots >= CAPACITY:
                    return error(409, f"At most {CAPACITY} sessions.")
                self.slots += 1  # taken before the request is read, and kept when it fails
                reserved = True
            body = await self.body(request)
            self.validate_session(body)
            if not reserved:
                if self.slots >= CAPACITY:
                    return error(409, f"At most {CAPACITY} sessions.")
                self.slots += 1
            session_id = uuid.uuid4().hex
            self.db.execute("insert into sessions values (?, ?)", (session_id, body["name"]))
            if "recursion" in self.faults:
                copy.deepcopy(body.get("meta", {}))  # a RecursionError a few hundred levels deep
            session = {"id": session_id, "name": body["name"], "echo_url": body.get("echo_url"), "timer_pending": False}
            self.sessions[session_id] = session
            return JSONResponse({"data": self.view(session)}, 201)
        except Invalid as exc:
            return exc.response

    async def get_session(self, request: Request) -> Response:
        if not self.authorized(request):
            return error(401, "Authentication failed.")
        session = self.sessions.get(request.path_params["session_id"])
        if session is None:
            return error(404, "No such session.")
        return JSONResponse({"data": self.view(session)})

    async def delete_session(self, request: Request) -> Response:
        if not self.authorized(request):
            return error(401, "Authentication failed.")
        session = self.sessions.pop(request.path_params["session_id"], None)
        if session is None:
            return error(404, "No such session.")
        self.slots -= 1
        return Response(status_code=204)

    async def start_timer(self, request: Request) -> Response:
        if not self.authorized(request):
            return error(401, "Authentication failed.")
        session = self.sessions.get(request.path_params["session_id"])
        if session is None:
            return error(404, "No such session.")
        try:
            body = await self.body(request)
        except Invalid as exc:
            return exc.response
        delay = body.get("delay_ms")
        if not isinstance(delay, int) or isinstance(delay, bool) or delay < 0:
            return error(422, "delay_ms must be a non-negative integer.", "/delay_ms")
        if delay > MAX_DELAY_MS and "timer_overflow" not in self.faults:
            return error(422, f"delay_ms must be at most {MAX_DELAY_MS}.", "/delay_ms")
        if session["timer_pending"]:
            return error(409, "A timer is pending.")
        if self.timer_lock is None:
            self.timer_lock = asyncio.Lock()
        async with self.timer_lock:  # the scheduler is free
            session["timer_pending"] = True
        asyncio.get_running_loop().create_task(self.arm(session, delay))
        return JSONResponse({"data": self.view(session)})

    async def arm(self, session: dict[str, Any], delay_ms: int) -> None:
        assert self.timer_lock is not None
        await self.timer_lock.acquire()
        loop = asyncio.get_running_loop()
        loop.call_later(delay_ms / 1000, session.update, {"timer_pending": False})  # OverflowError past 1e308
        self.timer_lock.release()

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/api/sessions", self.list_sessions, methods=["GET"]),
                Route("/api/sessions", self.create_session, methods=["POST"]),
                Route("/api/sessions/{session_id}", self.get_session, methods=["GET"]),
                Route("/api/sessions/{session_id}", self.delete_session, methods=["DELETE"]),
                Route("/api/sessions/{session_id}/timers", self.start_timer, methods=["POST"]),
            ]
        )


class Served:
    def __init__(self, app: Any) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(
            app, host="127.0.0.1", port=self.port, log_level="critical", lifespan="off", timeout_graceful_shutdown=1
        )
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def start(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError(f"test server did not start on {self.url}")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@contextmanager
def serve(app: Any) -> Iterator[Served]:
    served = Served(app).start()
    try:
        yield served
    finally:
        served.stop()
