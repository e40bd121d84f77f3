"""The ceiling of the server rows: a bare Starlette hello-world on the same stack."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


async def hello(request: Request) -> JSONResponse:
    return JSONResponse({"data": {"result": "ok"}})


app = Starlette(routes=[Route("/hello", hello, methods=["GET", "POST"])])
