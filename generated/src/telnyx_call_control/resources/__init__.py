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
    from .v2_call_actions import AsyncV2CallActions as AsyncV2CallActions
    from .v2_call_actions import V2CallActions as V2CallActions
    from .v2_calls import AsyncV2Calls as AsyncV2Calls
    from .v2_calls import V2Calls as V2Calls

_LAZY: dict[str, str] = {
    "CallControlApplications": ".call_control_applications",
    "AsyncCallControlApplications": ".call_control_applications",
    "Calls": ".calls",
    "AsyncCalls": ".calls",
    "V2CallActions": ".v2_call_actions",
    "AsyncV2CallActions": ".v2_call_actions",
    "V2Calls": ".v2_calls",
    "AsyncV2Calls": ".v2_calls",
}

__all__ = [
    "AsyncCallControlApplications",
    "AsyncCalls",
    "AsyncV2CallActions",
    "AsyncV2Calls",
    "CallControlApplications",
    "Calls",
    "V2CallActions",
    "V2Calls",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return list(__all__)
