"""Transport, authentication and retries, shared by every resource.

Resources describe a request (method, path, parameters, body, security, result type) and
hand it to :meth:`SyncAPIClient.request` or :meth:`AsyncAPIClient.request`; everything about
HTTP lives here.

Retries: a request is sent again after a connection error, a timeout, or an answer 408, 409,
429 or 5xx, at most ``max_retries`` times, but only when repeating it is safe: its method is
idempotent by HTTP rules (GET, PUT, DELETE, ...), or the API description says the operation
is (``idempotent``), or it carries an idempotency field that was filled once, before the first
attempt, and is sent unchanged every time. The wait doubles from ``initial_retry_delay`` up to
``max_retry_delay``, less up to a quarter of random jitter; a ``Retry-After`` (seconds or an
HTTP date) or ``retry-after-ms`` header sets it instead, up to ``max_retry_after``.

Waiting: a client waits before a retry with its ``sleep`` attribute (``time.sleep``, or
``asyncio.sleep`` for an async client) and reads a ``Retry-After`` date against its ``clock``
attribute (``time.time``). Replace them to observe or skip the waits, in tests for example.

Logging: every attempt is logged at DEBUG on the package's logger (named after the package)
with the method, path, status, retry count and elapsed time; credentials in headers are
redacted.
"""

from __future__ import annotations

import base64
import copy
import email.utils
import logging
import random
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, Literal, Self, TypeVar, cast
from urllib.parse import parse_qsl, quote

import httpx
import pydantic

from ._exceptions import (
    APIConnectionError,
    APIResponseValidationError,
    APITimeoutError,
    MissingCredentialsError,
    status_error,
)
from ._models import validator
from ._pagination import AsyncPage, AsyncPaginator, PageInfo, SyncPage
from ._response import APIResponse
from ._streaming import AsyncStream, Stream, StreamFormat
from ._types import NOT_GIVEN, NotGiven

__all__ = [
    "AsyncAPIClient",
    "AsyncAPIResource",
    "MissingCredentialsError",
    "SecurityScheme",
    "SyncAPIClient",
    "SyncAPIResource",
    "path_param",
]

_T = TypeVar("_T")
_HttpT = TypeVar("_HttpT", httpx.Client, httpx.AsyncClient)
_SyncResourceT = TypeVar("_SyncResourceT", bound="SyncAPIResource")
_AsyncResourceT = TypeVar("_AsyncResourceT", bound="AsyncAPIResource")
_Params = list[tuple[str, str | int | float | bool | None]]

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)
DEFAULT_MAX_RETRIES = 2
DEFAULT_INITIAL_RETRY_DELAY = 0.5
DEFAULT_MAX_RETRY_DELAY = 8.0
DEFAULT_MAX_RETRY_AFTER = 60.0

BodyEncoding = Literal["json", "form", "multipart", "binary", "text"]

# This module is copied into each generated package: the logger is named after that package.
log = logging.getLogger(__name__.rpartition(".")[0])

_IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE"})
_RETRY_STATUSES = frozenset({408, 409, 429})
_SECRET_HEADERS = frozenset({"authorization", "proxy-authorization", "cookie"})


@dataclass(frozen=True)
class SecurityScheme:
    """How one security scheme of the API puts credentials on a request."""

    kind: Literal["bearer", "basic", "api_key"]
    location: Literal["header", "query", "cookie"]
    name: str
    credentials: tuple[str, ...]


def path_param(value: object) -> str:
    """A path parameter, percent-encoded so that it stays one path segment."""
    if isinstance(value, bool):
        value = "true" if value else "false"
    return quote(str(value), safe="")


def _jsonable(value: object) -> object:
    if isinstance(value, pydantic.BaseModel):
        return value.model_dump(mode="json", by_alias=True, exclude_unset=True)
    if isinstance(value, Mapping):
        return {str(k): _jsonable(v) for k, v in value.items() if not isinstance(v, NotGiven)}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    return value


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _query_items(name: str, value: object, style: str) -> list[tuple[str, str]]:
    value = _jsonable(value)
    if value is None:
        return []
    if style == "querystring" and isinstance(value, str):  # the whole query string, as written
        return parse_qsl(value.removeprefix("?"), keep_blank_values=True)
    if isinstance(value, Mapping):
        if style == "deepObject":
            items: list[tuple[str, str]] = []
            for key, inner in value.items():
                items += _query_items(f"{name}[{key}]", inner, style)
            return items
        if style == "form-no-explode":
            return [(name, ",".join(f"{k},{_scalar(v)}" for k, v in value.items()))]
        return [(str(k), _scalar(v)) for k, v in value.items()]
    if isinstance(value, list):
        if style == "form-no-explode":
            return [(name, ",".join(_scalar(v) for v in value))]
        if style == "spaceDelimited":
            return [(name, " ".join(_scalar(v) for v in value))]
        if style == "pipeDelimited":
            return [(name, "|".join(_scalar(v) for v in value))]
        return [(name, _scalar(v)) for v in value]
    return [(name, _scalar(value))]


def _multipart(body: object) -> tuple[dict[str, object], dict[str, object]]:
    data: dict[str, object] = {}
    files: dict[str, object] = {}
    for key, value in cast(Mapping[str, object], body).items():
        if isinstance(value, NotGiven):
            continue
        if isinstance(value, (bytes, bytearray)) or hasattr(value, "read"):
            files[key] = value
        else:
            plain = _jsonable(value)
            data[key] = plain if isinstance(plain, str) else _scalar(plain)
    return data, files


def _parse(response: httpx.Response, cast_to: type[_T], strict: bool = False) -> _T:
    """The body of a 2xx answer as ``cast_to`` (constraints checked only if ``strict``).

    ``str`` is the text of a text answer, or the string a JSON answer holds.
    """
    media = response.headers.get("content-type", "").split(";")[0].strip().lower()
    json_string = cast_to is str and (media == "application/json" or media.endswith("+json"))
    if cast_to is type(None) or cast_to is bytes or (cast_to is str and not json_string):
        value: object = (
            None
            if cast_to is type(None)
            else response.content
            if cast_to is bytes
            else response.text
        )
        return cast(_T, value)
    try:
        result: _T = validator(cast_to, strict=strict).validate_json(response.content)
    except pydantic.ValidationError as exc:
        if exc.errors()[0]["type"] == "json_invalid":
            raise APIResponseValidationError(response, "the body is not valid JSON") from exc
        problems = "; ".join(
            f"{'/'.join(map(str, e['loc'])) or 'body'}: {e['msg']}"
            for e in exc.errors(include_input=False)
        )
        raise APIResponseValidationError(response, problems) from exc
    return result


def _should_retry(response: httpx.Response) -> bool:
    return response.status_code in _RETRY_STATUSES or response.status_code >= 500


def _retry_after(headers: httpx.Headers, now: float) -> float | None:
    """The wait a ``retry-after-ms`` or ``Retry-After`` header asks for, in seconds.

    ``now``: the current Unix time, which an HTTP date is counted from.
    """
    millis = headers.get("retry-after-ms")
    if millis is not None:
        try:
            return max(float(millis) / 1000, 0.0)
        except ValueError:
            pass
    value = headers.get("retry-after")
    if value is None:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(when.timestamp() - now, 0.0)


def _connection_error(request: httpx.Request, exc: httpx.TransportError) -> APIConnectionError:
    if isinstance(exc, httpx.TimeoutException):
        return APITimeoutError(request)
    return APIConnectionError(request)


class _BaseClient(Generic[_HttpT]):
    """What the sync and async clients share: settings, building requests, retry timing."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        credentials: Mapping[str, str | None],
        credential_env: Mapping[str, str],
        security_schemes: Mapping[str, SecurityScheme],
        http_client: _HttpT,
        owns_http_client: bool,
        timeout: float | httpx.Timeout | None,
        max_retries: int,
        initial_retry_delay: float,
        max_retry_delay: float,
        max_retry_after: float,
        default_headers: Mapping[str, str] | None,
        strict: bool = False,
    ) -> None:
        self.base_url = base_url
        self.strict = strict
        """Whether answers are checked against every documented constraint (not only types)."""
        self.timeout = timeout
        self.max_retries = max_retries
        self.initial_retry_delay = initial_retry_delay
        self.max_retry_delay = max_retry_delay
        self.max_retry_after = max_retry_after
        self._credentials = dict(credentials)
        self._credential_env = dict(credential_env)
        self._security_schemes = dict(security_schemes)
        self._default_headers = dict(default_headers or {})
        self._http: _HttpT = http_client
        self._owns_http = owns_http_client
        self._raw_response = False
        self._resources: dict[type, object] = {}
        self.clock: Callable[[], float] = time.time
        """The wall clock (Unix seconds) a ``Retry-After`` date is read against."""
        self._secret_headers = _SECRET_HEADERS | {
            s.name.lower() for s in self._security_schemes.values() if s.location == "header"
        }

    @property
    def base_url(self) -> httpx.URL:
        """Where the API is served; an operation's path is appended to it, path prefix included."""
        return self._base_url

    @base_url.setter
    def base_url(self, value: str | httpx.URL) -> None:
        self._base_url = httpx.URL(str(value))
        self._url_prefix = str(self._base_url).rstrip("/")

    def with_options(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
        max_retries: int | None = None,
        initial_retry_delay: float | None = None,
        max_retry_delay: float | None = None,
        max_retry_after: float | None = None,
        default_headers: Mapping[str, str] | None = None,
        http_client: _HttpT | None = None,
        strict: bool | None = None,
    ) -> Self:
        """A copy of the client with some settings changed (``default_headers`` are added).

        The copy shares the connection pool (unless given ``http_client``) and leaves closing
        it to the original: ``client.with_options(timeout=5)`` changes the settings of one request.
        """
        new = copy.copy(self)
        new._credentials = dict(self._credentials)
        new._default_headers = {**self._default_headers, **(default_headers or {})}
        new._resources = {}
        new._owns_http = False
        if base_url is not None:
            new.base_url = base_url
        if not isinstance(timeout, NotGiven):
            new.timeout = timeout
        if max_retries is not None:
            new.max_retries = max_retries
        if initial_retry_delay is not None:
            new.initial_retry_delay = initial_retry_delay
        if max_retry_delay is not None:
            new.max_retry_delay = max_retry_delay
        if max_retry_after is not None:
            new.max_retry_after = max_retry_after
        if http_client is not None:
            new._http = http_client
        if strict is not None:
            new.strict = strict
        return new

    def _with_raw_response(self) -> Self:
        """A copy whose requests answer with :class:`APIResponse` instead of the parsed body."""
        new = self.with_options()
        new._raw_response = True
        return new

    def __repr__(self) -> str:
        return f"{type(self).__name__}(base_url={str(self.base_url)!r})"

    def _build_request(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, object] | None = None,
        query_styles: Mapping[str, str] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        body_encoding: BodyEncoding = "json",
        content_type: str | None = None,
        security: Sequence[Sequence[str]] = (),
        idempotency_field: str | None = None,
        timeout: float | httpx.Timeout | NotGiven | None = NOT_GIVEN,
    ) -> httpx.Request:
        params: _Params = []
        path, _, fixed_query = path.partition("?")
        # A query written into the operation's path (`/responses/{id}?beta=true`) is always sent.
        params += parse_qsl(fixed_query, keep_blank_values=True)
        styles = query_styles or {}
        for name, value in (query or {}).items():
            if not isinstance(value, NotGiven):
                params += _query_items(name, value, styles.get(name, "form"))
        request_headers = dict(self._default_headers)
        request_headers.update(
            {
                k: _scalar(v)
                for k, v in (headers or {}).items()
                if not isinstance(v, (NotGiven, type(None)))
            }
        )
        request_cookies = {
            k: _scalar(v)
            for k, v in (cookies or {}).items()
            if not isinstance(v, (NotGiven, type(None)))
        }
        self._authenticate(security, params, request_headers, request_cookies)
        kwargs: dict[str, Any] = {}
        if (
            isinstance(body, Mapping)
            and idempotency_field
            and isinstance(body.get(idempotency_field, None), (NotGiven, type(None)))
        ):
            # Filled once, here: every retry sends this same request, so the same value.
            body = {**body, idempotency_field: str(uuid.uuid4())}
        if not isinstance(body, NotGiven):
            if body_encoding == "json":
                kwargs["json"] = _jsonable(body)
            elif body_encoding == "form":
                kwargs["data"] = _jsonable(body)
            elif body_encoding == "multipart":
                data, files = _multipart(body)
                kwargs["data"], kwargs["files"] = data, files
            else:
                kwargs["content"] = body
        if content_type is not None:
            request_headers["Content-Type"] = content_type
        request: httpx.Request = self._http.build_request(
            method,
            self._url_prefix + path if path.startswith("/") else path,
            params=params,
            headers=request_headers,
            cookies=request_cookies,
            timeout=self.timeout if isinstance(timeout, NotGiven) else timeout,
            **kwargs,
        )
        return request

    def _authenticate(
        self,
        security: Sequence[Sequence[str]],
        params: _Params,
        headers: dict[str, str],
        cookies: dict[str, str],
    ) -> None:
        if not security:
            return
        for requirement in security:
            schemes = [self._security_schemes[key] for key in requirement]
            if all(self._credentials.get(c) for s in schemes for c in s.credentials):
                for scheme in schemes:
                    values = [cast(str, self._credentials[c]) for c in scheme.credentials]
                    if scheme.kind == "bearer":
                        headers[scheme.name] = f"Bearer {values[0]}"
                    elif scheme.kind == "basic":
                        token = base64.b64encode(":".join(values).encode()).decode()
                        headers[scheme.name] = f"Basic {token}"
                    elif scheme.location == "header":
                        headers[scheme.name] = values[0]
                    elif scheme.location == "query":
                        params.append((scheme.name, values[0]))
                    else:
                        cookies[scheme.name] = values[0]
                return
        needed = " or ".join(
            " and ".join(
                f"{c} (or ${self._credential_env[c]})"
                for key in requirement
                for c in self._security_schemes[key].credentials
            )
            for requirement in security
        )
        raise MissingCredentialsError(f"this request needs {needed}")

    def _retry_delay(self, retries: int, response: httpx.Response | None) -> float:
        """How long to wait before retry number ``retries + 1``."""
        if response is not None:
            asked = _retry_after(response.headers, self.clock())
            if asked is not None:
                return min(asked, self.max_retry_after)
        backoff = min(self.initial_retry_delay * 2.0**retries, self.max_retry_delay)
        return backoff * (1 - 0.25 * random.random())

    def _log(
        self,
        request: httpx.Request,
        outcome: httpx.Response | Exception,
        retries: int,
        started: float,
    ) -> None:
        if not log.isEnabledFor(logging.DEBUG):
            return
        status = (
            outcome.status_code if isinstance(outcome, httpx.Response) else type(outcome).__name__
        )
        elapsed_ms = (time.perf_counter() - started) * 1000
        headers = {
            k: "<redacted>" if k.lower() in self._secret_headers else v
            for k, v in request.headers.items()
        }
        log.debug(
            "%s %s -> %s (retry %d, %.1f ms) headers=%s",
            request.method,
            request.url.path,
            status,
            retries,
            elapsed_ms,
            headers,
            extra={
                "http_method": request.method,
                "http_path": request.url.path,
                "http_status": status,
                "retries": retries,
                "elapsed_ms": elapsed_ms,
            },
        )

    def _result(self, response: httpx.Response, retries: int, build: Callable[[], _T]) -> _T:
        """What a method returns: the parsed body, or the raw response on a raw client."""
        if self._raw_response:
            return cast(_T, APIResponse(response, retries, build))
        return build()


class SyncAPIClient(_BaseClient[httpx.Client]):
    """Sends requests with an :class:`httpx.Client`."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        credentials: Mapping[str, str | None],
        credential_env: Mapping[str, str],
        security_schemes: Mapping[str, SecurityScheme],
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        initial_retry_delay: float = DEFAULT_INITIAL_RETRY_DELAY,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
        strict: bool = False,
    ) -> None:
        super().__init__(
            base_url=base_url,
            credentials=credentials,
            credential_env=credential_env,
            security_schemes=security_schemes,
            http_client=http_client or httpx.Client(timeout=timeout),
            owns_http_client=http_client is None,
            timeout=timeout,
            max_retries=max_retries,
            initial_retry_delay=initial_retry_delay,
            max_retry_delay=max_retry_delay,
            max_retry_after=max_retry_after,
            default_headers=default_headers,
            strict=strict,
        )
        self.sleep: Callable[[float], object] = time.sleep
        """Waits the given seconds before a retry."""

    def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        idempotent: bool = False,
        **options: Any,
    ) -> _T:
        """Send one request (retrying it when safe) and parse its answer as ``cast_to``.

        ``idempotent`` says that the operation may be repeated although its method is not
        idempotent by HTTP rules; ``options`` are those of the request itself (query, body,
        security, ...).
        """
        response, retries = self._send(self._build_request(method, path, **options), idempotent)
        return self._result(response, retries, lambda: _parse(response, cast_to, self.strict))

    def request_stream(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        stream_format: StreamFormat,
        idempotent: bool = False,
        **options: Any,
    ) -> Stream[_T]:
        """Like :meth:`request`, for an answer of a sequential media type: its items, each
        parsed as ``cast_to`` when it arrives (on a raw client, the response, whose ``parse()``
        gives them)."""
        request = self._build_request(method, path, **options)
        response, retries = self._send(request, idempotent, stream=True)
        return self._result(
            response, retries, lambda: Stream(response, cast_to, stream_format, self.strict)
        )

    def request_page(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[object],
        item: type[_T],
        page: PageInfo,
        query: Mapping[str, object],
        idempotent: bool = False,
        **options: Any,
    ) -> SyncPage[_T]:
        """Like :meth:`request`, for an operation that answers with one page of ``item``s."""

        def fetch(page_query: Mapping[str, object]) -> tuple[httpx.Response, int]:
            return self._send(
                self._build_request(method, path, query=page_query, **options), idempotent
            )

        def fetch_page(page_query: Mapping[str, object]) -> SyncPage[_T]:
            response, _ = fetch(page_query)
            return SyncPage(_parse(response, cast_to, self.strict), page, page_query, fetch_page)

        response, retries = fetch(query)
        return self._result(
            response,
            retries,
            lambda: SyncPage(_parse(response, cast_to, self.strict), page, query, fetch_page),
        )

    def _send(
        self, request: httpx.Request, idempotent: bool, stream: bool = False
    ) -> tuple[httpx.Response, int]:
        """The 2xx answer to ``request`` and the number of retries it took.

        ``stream``: the body of a 2xx answer is left to be read (an error's body is read).
        """
        retryable = idempotent or request.method in _IDEMPOTENT_METHODS
        retries = 0
        while True:
            started = time.perf_counter()
            try:
                response = self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                self._log(request, exc, retries, started)
                if not retryable or retries >= self.max_retries:
                    raise _connection_error(request, exc) from exc
                delay = self._retry_delay(retries, None)
            else:
                self._log(request, response, retries, started)
                if response.is_success:
                    return response, retries
                if stream:
                    response.read()
                if not retryable or retries >= self.max_retries or not _should_retry(response):
                    raise status_error(response)
                delay = self._retry_delay(retries, response)
                response.close()
            retries += 1
            self.sleep(delay)

    def _resource(self, cls: type[_SyncResourceT]) -> _SyncResourceT:
        """The client's one instance of a resource class."""
        resource = self._resources.get(cls)
        if resource is None:
            resource = self._resources[cls] = cls(self)
        return cast(_SyncResourceT, resource)

    def close(self) -> None:
        """Close the connection pool, if the client opened it."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()


async def _async_sleep(seconds: float) -> None:
    import asyncio  # only async clients need it, and only to wait before a retry

    await asyncio.sleep(seconds)


class AsyncAPIClient(_BaseClient[httpx.AsyncClient]):
    """Sends requests with an :class:`httpx.AsyncClient`."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        credentials: Mapping[str, str | None],
        credential_env: Mapping[str, str],
        security_schemes: Mapping[str, SecurityScheme],
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        initial_retry_delay: float = DEFAULT_INITIAL_RETRY_DELAY,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
        strict: bool = False,
    ) -> None:
        super().__init__(
            base_url=base_url,
            credentials=credentials,
            credential_env=credential_env,
            security_schemes=security_schemes,
            http_client=http_client or httpx.AsyncClient(timeout=timeout),
            owns_http_client=http_client is None,
            timeout=timeout,
            max_retries=max_retries,
            initial_retry_delay=initial_retry_delay,
            max_retry_delay=max_retry_delay,
            max_retry_after=max_retry_after,
            default_headers=default_headers,
            strict=strict,
        )
        self.sleep: Callable[[float], Awaitable[object]] = _async_sleep
        """Waits the given seconds before a retry."""

    async def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        idempotent: bool = False,
        **options: Any,
    ) -> _T:
        """Send one request (retrying it when safe) and parse its answer as ``cast_to``.

        ``idempotent`` says that the operation may be repeated although its method is not
        idempotent by HTTP rules; ``options`` are those of the request itself (query, body,
        security, ...).
        """
        response, retries = await self._send(
            self._build_request(method, path, **options), idempotent
        )
        return self._result(response, retries, lambda: _parse(response, cast_to, self.strict))

    async def request_stream(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        stream_format: StreamFormat,
        idempotent: bool = False,
        **options: Any,
    ) -> AsyncStream[_T]:
        """Like :meth:`request`, for an answer of a sequential media type (``async for``; on a
        raw client, the response, whose ``parse()`` gives the items)."""
        request = self._build_request(method, path, **options)
        response, retries = await self._send(request, idempotent, stream=True)
        return self._result(
            response, retries, lambda: AsyncStream(response, cast_to, stream_format, self.strict)
        )

    def request_page(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[object],
        item: type[_T],
        page: PageInfo,
        query: Mapping[str, object],
        idempotent: bool = False,
        **options: Any,
    ) -> AsyncPaginator[_T]:
        """Like :meth:`request`, for an operation that answers with one page of ``item``s.

        Nothing is sent until the result is awaited (the first page) or iterated (every item).
        """

        async def fetch(page_query: Mapping[str, object]) -> tuple[httpx.Response, int]:
            request = self._build_request(method, path, query=page_query, **options)
            return await self._send(request, idempotent)

        async def fetch_page(page_query: Mapping[str, object]) -> AsyncPage[_T]:
            response, _ = await fetch(page_query)
            return AsyncPage(_parse(response, cast_to, self.strict), page, page_query, fetch_page)

        async def first_page() -> AsyncPage[_T]:
            response, retries = await fetch(query)
            return self._result(
                response,
                retries,
                lambda: AsyncPage(_parse(response, cast_to, self.strict), page, query, fetch_page),
            )

        return AsyncPaginator(first_page)

    async def _send(
        self, request: httpx.Request, idempotent: bool, stream: bool = False
    ) -> tuple[httpx.Response, int]:
        """The 2xx answer to ``request`` and the number of retries it took (see the sync client)."""
        retryable = idempotent or request.method in _IDEMPOTENT_METHODS
        retries = 0
        while True:
            started = time.perf_counter()
            try:
                response = await self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                self._log(request, exc, retries, started)
                if not retryable or retries >= self.max_retries:
                    raise _connection_error(request, exc) from exc
                delay = self._retry_delay(retries, None)
            else:
                self._log(request, response, retries, started)
                if response.is_success:
                    return response, retries
                if stream:
                    await response.aread()
                if not retryable or retries >= self.max_retries or not _should_retry(response):
                    raise status_error(response)
                delay = self._retry_delay(retries, response)
                await response.aclose()
            retries += 1
            await self.sleep(delay)

    def _resource(self, cls: type[_AsyncResourceT]) -> _AsyncResourceT:
        """The client's one instance of a resource class."""
        resource = self._resources.get(cls)
        if resource is None:
            resource = self._resources[cls] = cls(self)
        return cast(_AsyncResourceT, resource)

    async def aclose(self) -> None:
        """Close the connection pool, if the client opened it."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *args: object) -> None:
        await self.aclose()


class SyncAPIResource:
    """A group of operations, sharing the client's transport."""

    def __init__(self, client: SyncAPIClient) -> None:
        self._client = client


class AsyncAPIResource:
    """A group of operations, sharing the async client's transport."""

    def __init__(self, client: AsyncAPIClient) -> None:
        self._client = client
