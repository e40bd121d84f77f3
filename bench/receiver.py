"""A webhook receiver for the latency row: records when each webhook arrived, by client_state.

Run as `python -m bench.receiver PORT`; `GET /arrivals` returns
{client_state: [[arrived, occurred_at], ...]} in Unix seconds, `occurred_at` being the time the
server stamped on the event (millisecond precision; null when absent).
"""

from __future__ import annotations

import json
import sys
import time
from collections import defaultdict
from datetime import datetime

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

ARRIVALS: dict[str, list[tuple[float, float | None]]] = defaultdict(list)


async def webhook(request: Request) -> Response:
    arrived = time.time()
    body = json.loads(await request.body())
    event = body.get("data") or body
    payload = event.get("payload") or {}
    stamp = event.get("occurred_at") or payload.get("occurred_at")
    occurred = datetime.fromisoformat(stamp).timestamp() if isinstance(stamp, str) else None
    ARRIVALS[str(payload.get("client_state"))].append((arrived, occurred))
    return Response(status_code=200)


async def arrivals(request: Request) -> JSONResponse:
    return JSONResponse(ARRIVALS)


app = Starlette(routes=[Route("/webhooks", webhook, methods=["POST"]), Route("/arrivals", arrivals)])

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", access_log=False)
