"""The API's resources, one module each (imported on first use)."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .simulator import AsyncSimulator as AsyncSimulator
    from .simulator import Simulator as Simulator

_LAZY: dict[str, str] = {
    "Simulator": ".simulator",
    "AsyncSimulator": ".simulator",
}

__all__ = [
    "AsyncSimulator",
    "Simulator",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return list(__all__)
