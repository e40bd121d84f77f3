"""A small Telnyx-shaped server that sends no webhooks at all (issue 15: the fuzzer's usability).

It answers the V2 application endpoints (echoing what it was given, webhook_event_url included)
and V1 dial and call commands with 200, and never posts a webhook. Run it with
tests.fuzz.sessions_app.serve(NoWebhookApp().app()).
"""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from fuzzer.target import Credentials

CREDENTIALS = Credentials("KEYnowebhook-api-key", "nowebhook-key", "nowebhook-secret")


def _error(status: int, code: str, detail: str) -> JSONResponse:
    return JSONResponse({"errors": [{"code": code, "title": detail, "detail": detail}]}, status)


class NoWebhookApp:
    def __init__(self) -> None:
        self.apps: dict[str, dict[str, Any]] = {}

    @staticmethod
    def bearer(request: Request) -> bool:
        return request.headers.get("authorization") == f"Bearer {CREDENTIALS.api_key}"

    @staticmethod
    def basic(request: Request) -> bool:
        token = base64.b64encode(f"{CREDENTIALS.v1_key}:{CREDENTIALS.v1_secret}".encode()).decode()
        return request.headers.get("authorization") == f"Basic {token}"

    @staticmethod
    async def json(request: Request) -> Any:
        raw = await request.body()
        try:
            return json.loads(raw or b"{}")
        except (ValueError, RecursionError):
            return None

    async def create_app(self, request: Request) -> Response:
        if not self.bearer(request):
            return _error(401, "10009", "Authentication failed")
        body = await self.json(request)
        if not isinstance(body, dict):
            return _error(400, "10015", "Bad request")
        app = {
            **body,
            "id": str(uuid.uuid4().int % 10**19),
            "record_type": "call_control_application",
            "created_at": "2024-01-01T00:00:00Z",
            "updated_at": "2024-01-01T00:00:00Z",
        }
        self.apps[app["id"]] = app
        return JSONResponse({"data": app}, 201)

    async def list_apps(self, request: Request) -> Response:
        if not self.bearer(request):
            return _error(401, "10009", "Authentication failed")
        items = list(self.apps.values())
        meta = {"page_number": 1, "page_size": 20, "total_pages": 1, "total_results": len(items)}
        return JSONResponse({"data": items, "meta": meta})

    async def one_app(self, request: Request) -> Response:
        if not self.bearer(request):
            return _error(401, "10009", "Authentication failed")
        app = self.apps.get(request.path_params["id"])
        if app is None:
            return _error(404, "10005", "Resource not found")
        if request.method == "DELETE":
            del self.apps[app["id"]]
        elif request.method == "PATCH":
            body = await self.json(request)
            if isinstance(body, dict):
                app.update(body)
        return JSONResponse({"data": app})

    async def dial(self, request: Request) -> Response:
        if not self.basic(request):
            return _error(401, "10009", "Authentication failed")
        leg = str(uuid.uuid4())
        data = {
            "call_control_id": f"v1:{uuid.uuid4().hex}",
            "call_leg_id": leg,
            "call_session_id": str(uuid.uuid4()),
            "is_alive": True,
            "record_type": "call",
        }
        return JSONResponse({"data": data})

    async def command(self, request: Request) -> Response:
        if not self.basic(request):
            return _error(401, "10009", "Authentication failed")
        return JSONResponse({"data": {"result": "ok"}})

    def app(self) -> Starlette:
        return Starlette(
            routes=[
                Route("/v2/call_control_applications", self.create_app, methods=["POST"]),
                Route("/v2/call_control_applications", self.list_apps, methods=["GET"]),
                Route("/v2/call_control_applications/{id}", self.one_app, methods=["GET", "PATCH", "DELETE"]),
                Route("/calls", self.dial, methods=["POST"]),
                Route("/calls/{call_control_id}/actions/{command}", self.command, methods=["POST"]),
            ]
        )
