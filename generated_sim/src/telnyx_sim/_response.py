"""Raw responses: what ``resource.with_raw_response.method(...)`` answers with."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, ParamSpec, TypeVar, cast

import httpx

__all__ = ["APIResponse", "async_raw_response_wrapper", "raw_response_wrapper"]

_T = TypeVar("_T")
_P = ParamSpec("_P")


class APIResponse(Generic[_T]):
    """The HTTP response of a successful request, parsed only on demand.

    Attributes:
        http_response: The :class:`httpx.Response`.
        retries_taken: How many times the request was retried before this answer.
    """

    def __init__(
        self, http_response: httpx.Response, retries_taken: int, parse: Callable[[], _T]
    ) -> None:
        self.http_response = http_response
        self.retries_taken = retries_taken
        self._parse = parse

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    def parse(self) -> _T:
        """The body, parsed as the method would have returned it."""
        return self._parse()

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<APIResponse [{self.status_code}] {request.method} {request.url.path}>"


def raw_response_wrapper(method: Callable[_P, _T]) -> Callable[_P, APIResponse[_T]]:
    """The type of a method bound to a client that answers with :class:`APIResponse`."""
    return cast("Callable[_P, APIResponse[_T]]", method)


def async_raw_response_wrapper(
    method: Callable[_P, Awaitable[_T]],
) -> Callable[_P, Awaitable[APIResponse[_T]]]:
    """The type of an async method bound to a client that answers with :class:`APIResponse`."""
    return cast("Callable[_P, Awaitable[APIResponse[_T]]]", method)
