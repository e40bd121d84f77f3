"""Sequential media types (OpenAPI 3.2 ``itemSchema``): answers read item by item as they arrive.

``text/event-stream`` (server-sent events: each event's ``data``), ``application/jsonl`` (one
JSON value per line) and ``application/json-seq`` (RFC 7464: an ASCII RS, a JSON text, a line
feed; read line by line). Each
item is parsed into the item's type when it arrives, leniently unless the client is strict.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any, Generic, Literal, TypeVar

import httpx

from ._models import validator

__all__ = ["AsyncStream", "Stream", "StreamFormat"]

_T = TypeVar("_T")
StreamFormat = Literal["sse", "jsonl", "json-seq"]


class _Decoder:
    """Splits the lines of an answer into the JSON texts of its items."""

    def __init__(self, kind: StreamFormat) -> None:
        self.kind = kind
        self._data: list[str] = []

    def line(self, line: str) -> str | None:
        """The text of a complete item, if ``line`` completes one."""
        if self.kind == "sse":
            if not line:  # a blank line dispatches the event
                return self.flush()
            if line.startswith(":"):
                return None
            field, _, value = line.partition(":")
            if field == "data":
                self._data.append(value.removeprefix(" "))
            return None
        text = line.lstrip("\x1e").strip() if self.kind == "json-seq" else line.strip()
        return text or None

    def flush(self) -> str | None:
        data, self._data = self._data, []
        return "\n".join(data) if data else None


class Stream(Generic[_T]):
    """The items of a streamed answer, each parsed as it arrives (iterate once; then closed)."""

    def __init__(
        self, response: httpx.Response, cast_to: Any, kind: StreamFormat, strict: bool = False
    ) -> None:
        self.response = response
        self._validator = validator(cast_to, strict=strict)
        self._kind = kind

    def __iter__(self) -> Iterator[_T]:
        decoder = _Decoder(self._kind)
        try:
            for line in self.response.iter_lines():
                text = decoder.line(line)
                if text is not None:
                    yield self._validator.validate_json(text)
            text = decoder.flush()
            if text is not None:
                yield self._validator.validate_json(text)
        finally:
            self.response.close()

    def close(self) -> None:
        self.response.close()

    def __enter__(self) -> Stream[_T]:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()


class AsyncStream(Generic[_T]):
    """:class:`Stream` for the async client: ``async for item in stream``."""

    def __init__(
        self, response: httpx.Response, cast_to: Any, kind: StreamFormat, strict: bool = False
    ) -> None:
        self.response = response
        self._validator = validator(cast_to, strict=strict)
        self._kind = kind

    async def __aiter__(self) -> AsyncIterator[_T]:
        decoder = _Decoder(self._kind)
        try:
            async for line in self.response.aiter_lines():
                text = decoder.line(line)
                if text is not None:
                    yield self._validator.validate_json(text)
            text = decoder.flush()
            if text is not None:
                yield self._validator.validate_json(text)
        finally:
            await self.response.aclose()

    async def aclose(self) -> None:
        await self.response.aclose()

    async def __aenter__(self) -> AsyncStream[_T]:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.aclose()
