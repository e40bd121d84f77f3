"""The exceptions the client raises.

Every one is an :class:`APIError`. An answer outside 2xx raises the subclass of
:class:`APIStatusError` for its status, carrying the parsed ``errors`` of the body. No
message includes a credential: requests are named by method and path only.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "ConflictError",
    "ErrorObject",
    "InternalServerError",
    "MissingCredentialsError",
    "NotFoundError",
    "PermissionDeniedError",
    "RateLimitError",
    "UnprocessableEntityError",
]


class APIError(Exception):
    """Anything the client raises about a request."""

    def __init__(self, message: str, request: httpx.Request | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request = request


class MissingCredentialsError(APIError):
    """The request needs credentials the client was not given; nothing was sent."""


class APIConnectionError(APIError):
    """The request did not get an answer: the connection failed or broke."""

    def __init__(self, request: httpx.Request, message: str | None = None) -> None:
        super().__init__(message or f"{_describe(request)}: connection error", request)


class APITimeoutError(APIConnectionError):
    """The request timed out."""

    def __init__(self, request: httpx.Request) -> None:
        super().__init__(request, f"{_describe(request)}: timed out")


@dataclass(frozen=True)
class ErrorObject:
    """One entry of an error body's ``errors`` list."""

    code: str | None = None
    title: str | None = None
    detail: str | None = None
    pointer: str | None = None
    """The JSON pointer into the request body that caused the error (``source.pointer``)."""
    parameter: str | None = None
    """The query, path or header parameter that caused the error (``source.parameter``)."""
    meta: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_json(cls, value: object) -> ErrorObject:
        """Read one entry, keeping what has the expected shape and ignoring the rest."""
        if not isinstance(value, Mapping):
            return cls(detail=str(value))
        source = value.get("source")
        source = source if isinstance(source, Mapping) else {}
        meta = value.get("meta")
        return cls(
            code=_text(value.get("code")),
            title=_text(value.get("title")),
            detail=_text(value.get("detail")),
            pointer=_text(source.get("pointer")),
            parameter=_text(source.get("parameter")),
            meta=meta if isinstance(meta, Mapping) else {},
        )

    def __str__(self) -> str:
        text = ": ".join(t for t in (self.title, self.detail) if t) or "error"
        return f"{text} (code {self.code})" if self.code else text


class APIStatusError(APIError):
    """The API answered with a status code outside 2xx.

    ``body`` is the parsed JSON body (or the text, when it is not JSON), ``errors`` its
    ``errors`` list.
    """

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.status_code = response.status_code
        try:
            self.body: object = response.json()
        except ValueError:
            self.body = response.text
        entries = self.body.get("errors") if isinstance(self.body, Mapping) else None
        self.errors: tuple[ErrorObject, ...] = tuple(
            ErrorObject.from_json(e) for e in (entries if isinstance(entries, list) else [])
        )
        message = f"{_describe(response.request)}: {response.status_code} {response.reason_phrase}"
        if self.errors:
            message += " - " + "; ".join(map(str, self.errors))
        super().__init__(message, response.request)


class BadRequestError(APIStatusError):
    """400: the request is malformed."""


class AuthenticationError(APIStatusError):
    """401: the credentials are missing or wrong."""


class PermissionDeniedError(APIStatusError):
    """403: the credentials do not allow this request."""


class NotFoundError(APIStatusError):
    """404: what the request names does not exist."""


class ConflictError(APIStatusError):
    """409: the request conflicts with the current state."""


class UnprocessableEntityError(APIStatusError):
    """422: the request is well-formed but its content is not acceptable."""


class RateLimitError(APIStatusError):
    """429: too many requests."""


class InternalServerError(APIStatusError):
    """5xx: the server failed."""


_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    409: ConflictError,
    422: UnprocessableEntityError,
    429: RateLimitError,
}


def status_error(response: httpx.Response) -> APIStatusError:
    """The exception for an answer outside 2xx, of the class its status asks for."""
    if response.status_code >= 500:
        return InternalServerError(response)
    return _BY_STATUS.get(response.status_code, APIStatusError)(response)


class APIResponseValidationError(APIError):
    """A 2xx answer whose body is not what the API description promises.

    Fields and enum values the description does not know are accepted; this is raised for
    what matters: a body that is not JSON, a required field missing, a value of the wrong
    type.
    """

    def __init__(self, response: httpx.Response, reason: str) -> None:
        super().__init__(
            f"{_describe(response.request)}: invalid response: {reason}", response.request
        )
        self.response = response
        self.status_code = response.status_code


def _describe(request: httpx.Request) -> str:
    # The path only: a query string may carry a credential.
    return f"{request.method} {request.url.path}"


def _text(value: object) -> str | None:
    return None if value is None else str(value)
