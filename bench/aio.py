"""The event loop of the bench's own load-side processes: uvloop when it imports, else asyncio."""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine
from typing import Any


def loop_name() -> str:
    try:
        import uvloop  # noqa: F401
    except ImportError:
        return "asyncio"
    return "uvloop"


def run(main: Coroutine[Any, Any, Any]) -> Any:
    if loop_name() == "uvloop":
        import uvloop

        return uvloop.run(main)
    return asyncio.run(main)
