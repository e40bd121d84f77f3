"""Telnyx Call Control (V1): a typed Python client.

Control call legs with Call Control V1: dial a call, then send commands to it with its
`call_control_id`. The call_control_id allows a user to communicate to Telnyx the call
leg the user wants to control. It also helps Telnyx route the call to the location where
the call is being managed, resulting in the lowest possible latency for Call Control
interactions.

Authentication: send the Authorization header with a key:secret pair, `Authorization:
Basic base64("<key>:<secret>")`. A key and secret can be retrieved from Auth in the
Mission Control Portal under the tab Auth v1, or via the Telnyx API.

Each command makes the platform send webhooks to the application's `webhook_event_url`;
the `x-webhooks` list of each operation says which, in the order they are expected ("you
can expect to often, though not always, receive webhooks in the order provided"). The
webhooks themselves are in the `webhooks` section, once per envelope
(`webhook_api_version` "1" and "2").

The request bodies are those of the V1 era. No V1 OpenAPI document was ever published;
the bodies follow Telnyx's earliest published spec (October 2019), the nearest to V1.
Choices this document makes where the sources are silent or disagree are written into
the description of the element they concern, each starting with "Toolkit choice:".

Importing the package is cheap: the clients, resources and models are imported on first
use.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from . import models as models
    from ._client import AsyncClient as AsyncClient
    from ._client import Client as Client
    from ._exceptions import APIConnectionError as APIConnectionError
    from ._exceptions import APIError as APIError
    from ._exceptions import APIResponseValidationError as APIResponseValidationError
    from ._exceptions import APIStatusError as APIStatusError
    from ._exceptions import APITimeoutError as APITimeoutError
    from ._exceptions import AuthenticationError as AuthenticationError
    from ._exceptions import BadRequestError as BadRequestError
    from ._exceptions import ConflictError as ConflictError
    from ._exceptions import ErrorObject as ErrorObject
    from ._exceptions import InternalServerError as InternalServerError
    from ._exceptions import MissingCredentialsError as MissingCredentialsError
    from ._exceptions import NotFoundError as NotFoundError
    from ._exceptions import PermissionDeniedError as PermissionDeniedError
    from ._exceptions import RateLimitError as RateLimitError
    from ._exceptions import UnprocessableEntityError as UnprocessableEntityError
    from ._pagination import AsyncPage as AsyncPage
    from ._pagination import AsyncPaginator as AsyncPaginator
    from ._pagination import SyncPage as SyncPage
    from ._response import APIResponse as APIResponse
    from ._types import NOT_GIVEN as NOT_GIVEN
    from ._types import NotGiven as NotGiven
    from ._types import WebhookStep as WebhookStep
    from ._webhooks import UnknownWebhookEvent as UnknownWebhookEvent
    from ._webhooks import WebhookError as WebhookError
    from ._webhooks import WebhookPayloadError as WebhookPayloadError
    from ._webhooks import WebhookVerificationError as WebhookVerificationError

__version__ = "0.1.0"

__all__ = [
    "NOT_GIVEN",
    "APIConnectionError",
    "APIError",
    "APIResponse",
    "APIResponseValidationError",
    "APIStatusError",
    "APITimeoutError",
    "AsyncClient",
    "AsyncPage",
    "AsyncPaginator",
    "AuthenticationError",
    "BadRequestError",
    "Client",
    "ConflictError",
    "ErrorObject",
    "InternalServerError",
    "MissingCredentialsError",
    "NotFoundError",
    "NotGiven",
    "PermissionDeniedError",
    "RateLimitError",
    "SyncPage",
    "UnknownWebhookEvent",
    "UnprocessableEntityError",
    "WebhookError",
    "WebhookPayloadError",
    "WebhookStep",
    "WebhookVerificationError",
    "__version__",
    "models",
]

_LAZY = {
    "APIConnectionError": "._exceptions",
    "APIError": "._exceptions",
    "APIResponse": "._response",
    "APIResponseValidationError": "._exceptions",
    "APIStatusError": "._exceptions",
    "APITimeoutError": "._exceptions",
    "AsyncClient": "._client",
    "AsyncPage": "._pagination",
    "AsyncPaginator": "._pagination",
    "AuthenticationError": "._exceptions",
    "BadRequestError": "._exceptions",
    "Client": "._client",
    "ConflictError": "._exceptions",
    "ErrorObject": "._exceptions",
    "InternalServerError": "._exceptions",
    "MissingCredentialsError": "._exceptions",
    "NOT_GIVEN": "._types",
    "NotFoundError": "._exceptions",
    "NotGiven": "._types",
    "PermissionDeniedError": "._exceptions",
    "RateLimitError": "._exceptions",
    "SyncPage": "._pagination",
    "UnknownWebhookEvent": "._webhooks",
    "UnprocessableEntityError": "._exceptions",
    "WebhookError": "._webhooks",
    "WebhookPayloadError": "._webhooks",
    "WebhookStep": "._types",
    "WebhookVerificationError": "._webhooks",
}


def __getattr__(name: str) -> Any:
    if name == "models":
        return import_module(".models", __name__)
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
