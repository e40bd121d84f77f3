"""What every part of the IR builder shares: the context and small helpers."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from typing import Any

from .. import ir
from ..load import Workspace
from ..schemas import ModelRegistry


@dataclass
class Options:
    package_name: str | None = None
    env_prefix: str | None = None
    credential_names: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # input document (its path) -> the client attribute its resources live under (``v2``)
    namespaces: dict[str, str] = field(default_factory=dict)


@dataclass
class Context:
    """The documents, the caller's options and the models found so far."""

    ws: Workspace
    options: Options
    registry: ModelRegistry
    package_name: str
    env_prefix: str
    # webhook body model -> its JSON Schema with every $ref inlined (for the package's testing strategies)
    webhook_schemas: dict[str, Any] = field(default_factory=dict)


def clean(text: Any) -> str:
    return textwrap.dedent(str(text or "")).strip()


def pick_media(types: list[str]) -> str:
    def rank(media: str) -> int:
        base = media.split(";")[0].strip().lower()
        if base == "application/json" or base.endswith("+json"):
            return 0
        if base == "application/x-www-form-urlencoded":
            return 1
        if base == "multipart/form-data":
            return 2
        return 3

    return sorted(types, key=rank)[0]


def media_encoding(media: str) -> ir.BodyEncoding:
    base = media.split(";")[0].strip().lower()
    if base == "application/json" or base.endswith("+json") or base == "*/*":
        return "json"
    if base == "application/x-www-form-urlencoded":
        return "form"
    if base == "multipart/form-data":
        return "multipart"
    if base.startswith("text/"):
        return "text"
    return "binary"
