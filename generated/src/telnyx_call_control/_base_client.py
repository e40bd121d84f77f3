"""Transport and authentication, shared by every resource.

Resources describe a request (method, path, parameters, body, security, result type) and
hand it to :meth:`SyncAPIClient.request` or :meth:`AsyncAPIClient.request`; everything about
HTTP lives here.
"""

from __future__ import annotations

import base64
import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal, Self, TypeVar, cast
from urllib.parse import quote

import httpx
import pydantic

from ._types import NOT_GIVEN, NotGiven

__all__ = [
    "APIStatusError",
    "AsyncAPIClient",
    "AsyncAPIResource",
    "MissingCredentialsError",
    "SecurityScheme",
    "SyncAPIClient",
    "SyncAPIResource",
    "path_param",
]

_T = TypeVar("_T")
_Params = list[tuple[str, str | int | float | bool | None]]

DEFAULT_TIMEOUT = httpx.Timeout(60.0, connect=10.0)

BodyEncoding = Literal["json", "form", "multipart", "binary", "text"]


class MissingCredentialsError(Exception):
    """The request needs credentials the client was not given."""


class APIStatusError(Exception):
    """The API answered with a status code outside 2xx."""

    def __init__(self, response: httpx.Response) -> None:
        self.response = response
        self.status_code = response.status_code
        try:
            self.body: object = response.json()
        except ValueError:
            self.body = response.text
        super().__init__(
            f"{response.request.method} {response.request.url}: {response.status_code}"
        )


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


_ADAPTERS: dict[object, pydantic.TypeAdapter[Any]] = {}


def _adapter(cast_to: Any) -> pydantic.TypeAdapter[Any]:
    """A cached :class:`pydantic.TypeAdapter` for a result type."""
    adapter = _ADAPTERS.get(cast_to)
    if adapter is None:
        adapter = _ADAPTERS[cast_to] = pydantic.TypeAdapter(cast_to)
    return adapter


class _BaseClient:
    """What the sync and async clients share: building requests and reading responses."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        credentials: Mapping[str, str | None],
        credential_env: Mapping[str, str],
        security_schemes: Mapping[str, SecurityScheme],
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        self.base_url = httpx.URL(str(base_url))
        self._credentials = dict(credentials)
        self._credential_env = dict(credential_env)
        self._security_schemes = dict(security_schemes)
        self._default_headers = dict(default_headers or {})

    def _build_request(
        self,
        http: httpx.Client | httpx.AsyncClient,
        method: str,
        path: str,
        *,
        query: Mapping[str, object] | None,
        query_styles: Mapping[str, str] | None,
        headers: Mapping[str, object] | None,
        cookies: Mapping[str, object] | None,
        body: object,
        body_encoding: BodyEncoding,
        content_type: str | None,
        security: Sequence[Sequence[str]],
        idempotency_field: str | None,
    ) -> httpx.Request:
        params: _Params = []
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
        return http.build_request(
            method,
            self.base_url.join(path) if path.startswith("/") else httpx.URL(path),
            params=params,
            headers=request_headers,
            cookies=request_cookies,
            **kwargs,
        )

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

    def _parse(self, response: httpx.Response, cast_to: type[_T]) -> _T:
        if not response.is_success:
            raise APIStatusError(response)
        if cast_to is type(None) or cast_to is bytes or cast_to is str:
            value: object = (
                None
                if cast_to is type(None)
                else response.content
                if cast_to is bytes
                else response.text
            )
            return cast(_T, value)
        result: _T = _adapter(cast_to).validate_json(response.content)
        return result


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


class SyncAPIClient(_BaseClient):
    """Sends requests with an :class:`httpx.Client`."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        credentials: Mapping[str, str | None],
        credential_env: Mapping[str, str],
        security_schemes: Mapping[str, SecurityScheme],
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        http_client: httpx.Client | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            credentials=credentials,
            credential_env=credential_env,
            security_schemes=security_schemes,
            default_headers=default_headers,
        )
        self._http = http_client or httpx.Client(timeout=timeout)

    def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        query: Mapping[str, object] | None = None,
        query_styles: Mapping[str, str] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        body_encoding: BodyEncoding = "json",
        content_type: str | None = None,
        security: Sequence[Sequence[str]] = (),
        idempotent: bool = False,
        idempotency_field: str | None = None,
    ) -> _T:
        """Send one request and parse its answer as ``cast_to``.

        ``idempotent`` says whether the request may be repeated safely (used for retries).
        """
        request = self._build_request(
            self._http,
            method,
            path,
            query=query,
            query_styles=query_styles,
            headers=headers,
            cookies=cookies,
            body=body,
            body_encoding=body_encoding,
            content_type=content_type,
            security=security,
            idempotency_field=idempotency_field,
        )
        return self._parse(self._http.send(request), cast_to)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *args: object) -> None:
        self.close()


class AsyncAPIClient(_BaseClient):
    """Sends requests with an :class:`httpx.AsyncClient`."""

    def __init__(
        self,
        *,
        base_url: str | httpx.URL,
        credentials: Mapping[str, str | None],
        credential_env: Mapping[str, str],
        security_schemes: Mapping[str, SecurityScheme],
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        http_client: httpx.AsyncClient | None = None,
        default_headers: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(
            base_url=base_url,
            credentials=credentials,
            credential_env=credential_env,
            security_schemes=security_schemes,
            default_headers=default_headers,
        )
        self._http = http_client or httpx.AsyncClient(timeout=timeout)

    async def request(
        self,
        method: str,
        path: str,
        *,
        cast_to: type[_T],
        query: Mapping[str, object] | None = None,
        query_styles: Mapping[str, str] | None = None,
        headers: Mapping[str, object] | None = None,
        cookies: Mapping[str, object] | None = None,
        body: object = NOT_GIVEN,
        body_encoding: BodyEncoding = "json",
        content_type: str | None = None,
        security: Sequence[Sequence[str]] = (),
        idempotent: bool = False,
        idempotency_field: str | None = None,
    ) -> _T:
        """Send one request and parse its answer as ``cast_to``.

        ``idempotent`` says whether the request may be repeated safely (used for retries).
        """
        request = self._build_request(
            self._http,
            method,
            path,
            query=query,
            query_styles=query_styles,
            headers=headers,
            cookies=cookies,
            body=body,
            body_encoding=body_encoding,
            content_type=content_type,
            security=security,
            idempotency_field=idempotency_field,
        )
        return self._parse(await self._http.send(request), cast_to)

    async def aclose(self) -> None:
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
