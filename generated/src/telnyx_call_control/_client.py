"""The clients: credentials, the base URL, and one attribute per resource."""

from __future__ import annotations

import os
from functools import cached_property
from typing import TYPE_CHECKING, Final

import httpx

from ._base_client import (
    DEFAULT_INITIAL_RETRY_DELAY,
    DEFAULT_MAX_RETRIES,
    DEFAULT_MAX_RETRY_AFTER,
    DEFAULT_MAX_RETRY_DELAY,
    DEFAULT_TIMEOUT,
    AsyncAPIClient,
    AsyncAPIResource,
    SecurityScheme,
    SyncAPIClient,
    SyncAPIResource,
)

if TYPE_CHECKING:
    from ._webhooks import Webhooks
    from .resources.call_control_applications import (
        AsyncCallControlApplications,
        CallControlApplications,
    )
    from .resources.calls import AsyncCalls, Calls
    from .resources.v2_calls import AsyncV2Calls, V2Calls
    from .webhook_events import UnwrapWebhookEvent

__all__ = ["AsyncClient", "Client"]


class V2Namespace(SyncAPIResource):
    """``client.v2``: the resources of Telnyx Call Control (V2)."""

    @property
    def calls(self) -> V2Calls:
        """Dial calls and read their status."""
        from .resources.v2_calls import V2Calls

        return self._client._resource(V2Calls)


class AsyncV2Namespace(AsyncAPIResource):
    """``client.v2``: the resources of Telnyx Call Control (V2)."""

    @property
    def calls(self) -> AsyncV2Calls:
        """Dial calls and read their status."""
        from .resources.v2_calls import AsyncV2Calls

        return self._client._resource(AsyncV2Calls)


DEFAULT_BASE_URL: Final = "https://api.telnyx.com"

SECURITY_SCHEMES: Final[dict[str, SecurityScheme]] = {
    "basic_auth": SecurityScheme(
        kind="basic",
        location="header",
        name="Authorization",
        credentials=(
            "v1_key",
            "v1_secret",
        ),
    ),
    "bearer_auth": SecurityScheme(
        kind="bearer",
        location="header",
        name="Authorization",
        credentials=("api_key",),
    ),
}

CREDENTIAL_ENV: Final[dict[str, str]] = {
    "v1_key": "TELNYX_V1_KEY",
    "v1_secret": "TELNYX_V1_SECRET",
    "api_key": "TELNYX_API_KEY",
}


class Client(SyncAPIClient):
    """Client for the Telnyx Call Control (V1).

    Args:
        v1_key: The HTTP Basic user name. The Auth v1 key and secret: `Authorization: Basic
            base64("<key>:<secret>")`.

            Toolkit choice: a missing or unreadable Authorization header is answered 401
            (code 10009); a well-formed key:secret that matches no account is answered
            403 (code 10010), the seed's "the user is not authorized to perform this
            action".
            Defaults to the environment variable ``TELNYX_V1_KEY``.
        v1_secret: The HTTP Basic password. The Auth v1 key and secret: `Authorization: Basic
            base64("<key>:<secret>")`.

            Toolkit choice: a missing or unreadable Authorization header is answered 401
            (code 10009); a well-formed key:secret that matches no account is answered
            403 (code 10010), the seed's "the user is not authorized to perform this
            action".
            Defaults to the environment variable ``TELNYX_V1_SECRET``.
        api_key: A V2 API key, sent as `Authorization: Bearer <API key>`.
            Defaults to the environment variable ``TELNYX_API_KEY``.
        base_url: Where the API is served; a path in it (a proxy's prefix) comes before each
            operation's path. Defaults to the environment variable ``TELNYX_BASE_URL``,
            then to ``https://api.telnyx.com``.
        public_key: The public key webhooks are verified with. Defaults to the
            environment variable ``TELNYX_PUBLIC_KEY``.
        webhook_tolerance: Seconds a webhook's timestamp may be off, in the past or the future.
        timeout: The request timeout, in seconds or as an :class:`httpx.Timeout`.
        max_retries: How many times a request that may safely be repeated is retried.
        initial_retry_delay: The first wait before a retry, in seconds; it doubles each time.
        max_retry_delay: The longest wait between retries, in seconds.
        max_retry_after: The longest wait a ``Retry-After`` header may ask for, in seconds.
        http_client: An :class:`httpx.Client` to send requests with (the
            client then leaves closing it to you).
        default_headers: Headers sent with every request.
        strict: Check answers and webhooks against every documented constraint (pattern,
            length, range); by default only types are checked, so that a value outside what
            the description promises is kept rather than rejected.
    """

    def __init__(
        self,
        *,
        v1_key: str | None = None,
        v1_secret: str | None = None,
        api_key: str | None = None,
        public_key: str | None = None,
        webhook_tolerance: float = 300,
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
        self.v1_key = v1_key if v1_key is not None else os.environ.get("TELNYX_V1_KEY")
        self.v1_secret = v1_secret if v1_secret is not None else os.environ.get("TELNYX_V1_SECRET")
        self.api_key = api_key if api_key is not None else os.environ.get("TELNYX_API_KEY")
        self.public_key = (
            public_key if public_key is not None else os.environ.get("TELNYX_PUBLIC_KEY")
        )
        self.webhook_tolerance = webhook_tolerance
        if base_url is None:
            base_url = os.environ.get("TELNYX_BASE_URL") or DEFAULT_BASE_URL
        super().__init__(
            base_url=base_url,
            credentials={
                "v1_key": self.v1_key,
                "v1_secret": self.v1_secret,
                "api_key": self.api_key,
            },
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
    def call_control_applications(self) -> CallControlApplications:
        """Call Control Applications"""
        from .resources.call_control_applications import CallControlApplications

        return self._resource(CallControlApplications)

    @property
    def calls(self) -> Calls:
        """Dial calls and send commands to them."""
        from .resources.calls import Calls

        return self._resource(Calls)

    @property
    def v2(self) -> V2Namespace:
        """The resources of Telnyx Call Control (V2)."""
        return self._resource(V2Namespace)

    @cached_property
    def webhooks(self) -> Webhooks[UnwrapWebhookEvent]:
        """Verify and parse the webhooks the API sends."""
        from ._webhooks import Webhooks
        from .webhook_events import WEBHOOK_EVENTS, WEBHOOK_SIGNATURE

        return Webhooks(
            WEBHOOK_EVENTS,
            WEBHOOK_SIGNATURE,
            public_key=self.public_key,
            tolerance=self.webhook_tolerance,
            strict=self.strict,
        )


class AsyncClient(AsyncAPIClient):
    """Asynchronous client for the Telnyx Call Control (V1).

    Args:
        v1_key: The HTTP Basic user name. The Auth v1 key and secret: `Authorization: Basic
            base64("<key>:<secret>")`.

            Toolkit choice: a missing or unreadable Authorization header is answered 401
            (code 10009); a well-formed key:secret that matches no account is answered
            403 (code 10010), the seed's "the user is not authorized to perform this
            action".
            Defaults to the environment variable ``TELNYX_V1_KEY``.
        v1_secret: The HTTP Basic password. The Auth v1 key and secret: `Authorization: Basic
            base64("<key>:<secret>")`.

            Toolkit choice: a missing or unreadable Authorization header is answered 401
            (code 10009); a well-formed key:secret that matches no account is answered
            403 (code 10010), the seed's "the user is not authorized to perform this
            action".
            Defaults to the environment variable ``TELNYX_V1_SECRET``.
        api_key: A V2 API key, sent as `Authorization: Bearer <API key>`.
            Defaults to the environment variable ``TELNYX_API_KEY``.
        base_url: Where the API is served; a path in it (a proxy's prefix) comes before each
            operation's path. Defaults to the environment variable ``TELNYX_BASE_URL``,
            then to ``https://api.telnyx.com``.
        public_key: The public key webhooks are verified with. Defaults to the
            environment variable ``TELNYX_PUBLIC_KEY``.
        webhook_tolerance: Seconds a webhook's timestamp may be off, in the past or the future.
        timeout: The request timeout, in seconds or as an :class:`httpx.Timeout`.
        max_retries: How many times a request that may safely be repeated is retried.
        initial_retry_delay: The first wait before a retry, in seconds; it doubles each time.
        max_retry_delay: The longest wait between retries, in seconds.
        max_retry_after: The longest wait a ``Retry-After`` header may ask for, in seconds.
        http_client: An :class:`httpx.AsyncClient` to send requests with (the
            client then leaves closing it to you).
        default_headers: Headers sent with every request.
        strict: Check answers and webhooks against every documented constraint (pattern,
            length, range); by default only types are checked, so that a value outside what
            the description promises is kept rather than rejected.
    """

    def __init__(
        self,
        *,
        v1_key: str | None = None,
        v1_secret: str | None = None,
        api_key: str | None = None,
        public_key: str | None = None,
        webhook_tolerance: float = 300,
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
        self.v1_key = v1_key if v1_key is not None else os.environ.get("TELNYX_V1_KEY")
        self.v1_secret = v1_secret if v1_secret is not None else os.environ.get("TELNYX_V1_SECRET")
        self.api_key = api_key if api_key is not None else os.environ.get("TELNYX_API_KEY")
        self.public_key = (
            public_key if public_key is not None else os.environ.get("TELNYX_PUBLIC_KEY")
        )
        self.webhook_tolerance = webhook_tolerance
        if base_url is None:
            base_url = os.environ.get("TELNYX_BASE_URL") or DEFAULT_BASE_URL
        super().__init__(
            base_url=base_url,
            credentials={
                "v1_key": self.v1_key,
                "v1_secret": self.v1_secret,
                "api_key": self.api_key,
            },
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
    def call_control_applications(self) -> AsyncCallControlApplications:
        """Call Control Applications"""
        from .resources.call_control_applications import AsyncCallControlApplications

        return self._resource(AsyncCallControlApplications)

    @property
    def calls(self) -> AsyncCalls:
        """Dial calls and send commands to them."""
        from .resources.calls import AsyncCalls

        return self._resource(AsyncCalls)

    @property
    def v2(self) -> AsyncV2Namespace:
        """The resources of Telnyx Call Control (V2)."""
        return self._resource(AsyncV2Namespace)

    @cached_property
    def webhooks(self) -> Webhooks[UnwrapWebhookEvent]:
        """Verify and parse the webhooks the API sends."""
        from ._webhooks import Webhooks
        from .webhook_events import WEBHOOK_EVENTS, WEBHOOK_SIGNATURE

        return Webhooks(
            WEBHOOK_EVENTS,
            WEBHOOK_SIGNATURE,
            public_key=self.public_key,
            tolerance=self.webhook_tolerance,
            strict=self.strict,
        )
