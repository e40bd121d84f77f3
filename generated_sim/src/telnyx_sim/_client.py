"""The clients: credentials, the base URL, and one attribute per resource."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Final

import httpx

from ._base_client import (
    DEFAULT_INITIAL_RETRY_DELAY,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_AFTER,
    DEFAULT_MAX_RETRY_DELAY,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    SecurityScheme,
    SyncAPIClient,
)

if TYPE_CHECKING:
    from .resources.simulator import AsyncSimulator, Simulator

__all__ = ["AsyncClient", "Client"]

DEFAULT_BASE_URL: Final = "http://127.0.0.1:8765/_sim"

SECURITY_SCHEMES: Final[dict[str, SecurityScheme]] = {}

CREDENTIAL_ENV: Final[dict[str, str]] = {}


class Client(SyncAPIClient):
    """Client for the Reference server simulator API.

    Args:
        base_url: Where the API is served; a path in it (a proxy's prefix) comes before each
            operation's path. Defaults to the environment variable ``TELNYX_SIM_BASE_URL``,
            then to ``http://127.0.0.1:8765/_sim``.
        timeout: The request timeout, in seconds or as an :class:`httpx.Timeout`.
        max_retries: How many times a request that may safely be repeated is retried.
        initial_retry_delay: The first wait before a retry, in seconds; it doubles each time.
        max_retry_delay: The longest wait between retries, in seconds.
        max_retry_after: The longest wait a ``Retry-After`` header may ask for, in seconds.
        http_client: An :class:`httpx.Client` to send requests with (the
            client then leaves closing it to you).
        default_headers: Headers sent with every request.
        strict: Check answers against every documented constraint (pattern,
            length, range); by default only types are checked, so that a value outside what
            the description promises is kept rather than rejected.
    """

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        initial_retry_delay: float = DEFAULT_INITIAL_RETRY_DELAY,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        http_client: httpx.Client | None = None,
        default_headers: dict[str, str] | None = None,
        strict: bool = False,
    ) -> None:
        if base_url is None:
            base_url = os.environ.get("TELNYX_SIM_BASE_URL") or DEFAULT_BASE_URL
        super().__init__(
            base_url=base_url,
            credentials={},
            credential_env=CREDENTIAL_ENV,
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            initial_retry_delay=initial_retry_delay,
            max_retry_delay=max_retry_delay,
            max_retry_after=max_retry_after,
            http_client=http_client,
            default_headers=default_headers,
            strict=strict,
        )

    @property
    def simulator(self) -> Simulator:
        """Drive and observe the simulated telephone network."""
        from .resources.simulator import Simulator

        return self._resource(Simulator)


class AsyncClient(AsyncAPIClient):
    """Asynchronous client for the Reference server simulator API.

    Args:
        base_url: Where the API is served; a path in it (a proxy's prefix) comes before each
            operation's path. Defaults to the environment variable ``TELNYX_SIM_BASE_URL``,
            then to ``http://127.0.0.1:8765/_sim``.
        timeout: The request timeout, in seconds or as an :class:`httpx.Timeout`.
        max_retries: How many times a request that may safely be repeated is retried.
        initial_retry_delay: The first wait before a retry, in seconds; it doubles each time.
        max_retry_delay: The longest wait between retries, in seconds.
        max_retry_after: The longest wait a ``Retry-After`` header may ask for, in seconds.
        http_client: An :class:`httpx.AsyncClient` to send requests with (the
            client then leaves closing it to you).
        default_headers: Headers sent with every request.
        strict: Check answers against every documented constraint (pattern,
            length, range); by default only types are checked, so that a value outside what
            the description promises is kept rather than rejected.
    """

    def __init__(
        self,
        *,
        base_url: str | httpx.URL | None = None,
        timeout: float | httpx.Timeout | None = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        initial_retry_delay: float = DEFAULT_INITIAL_RETRY_DELAY,
        max_retry_delay: float = DEFAULT_MAX_RETRY_DELAY,
        max_retry_after: float = DEFAULT_MAX_RETRY_AFTER,
        http_client: httpx.AsyncClient | None = None,
        default_headers: dict[str, str] | None = None,
        strict: bool = False,
    ) -> None:
        if base_url is None:
            base_url = os.environ.get("TELNYX_SIM_BASE_URL") or DEFAULT_BASE_URL
        super().__init__(
            base_url=base_url,
            credentials={},
            credential_env=CREDENTIAL_ENV,
            security_schemes=SECURITY_SCHEMES,
            timeout=timeout,
            max_retries=max_retries,
            initial_retry_delay=initial_retry_delay,
            max_retry_delay=max_retry_delay,
            max_retry_after=max_retry_after,
            http_client=http_client,
            default_headers=default_headers,
            strict=strict,
        )

    @property
    def simulator(self) -> AsyncSimulator:
        """Drive and observe the simulated telephone network."""
        from .resources.simulator import AsyncSimulator

        return self._resource(AsyncSimulator)
