"""The API's resources, one module each (imported on first use)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .call_control_applications import (
        AsyncCallControlApplications as AsyncCallControlApplications,
    )
    from .call_control_applications import CallControlApplications as CallControlApplications
    from .calls import AsyncCalls as AsyncCalls
    from .calls import Calls as Calls

_LAZY = {
    "CallControlApplications": ".call_control_applications",
    "AsyncCallControlApplications": ".call_control_applications",
    "Calls": ".calls",
    "AsyncCalls": ".calls",
}

__all__ = [
    "AsyncCallControlApplications",
    "AsyncCalls",
    "CallControlApplications",
    "Calls",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return list(__all__)
