"""Reference server simulator API: a typed Python client.

The control plane of the toolkit's reference server (`python -m refserver`), served next
to the Telnyx APIs under the `/_sim` prefix. It plays the parts of a call that are not
the application: the caller of an inbound call, the far end of an outbound call, the
person pressing keys. It also shows what the server did: a call's state, the webhooks it
sent for a call, and the public key that verifies their signatures.

It is a local test tool. An inbound call started here belongs to the account that owns
the application named by `connection_id`.

Toolkit choice: the operations on calls, webhooks and far-end scripts are scoped to the
account whose credentials a request carries, if any (the V2 Bearer API key, or the V1
Basic key:secret; the same headers as the Telnyx APIs). Without credentials they see
every account, which the server allows only when it serves a single account or runs with
`REFSERVER_SIM_OPEN=1` (it says which at start); otherwise they answer 401. The public
key and the recordings take no credentials. This document declares no security scheme,
so that the generated simulator client works unchanged against an open server; pass
credentials as default headers (`refserver/README.md`, "The simulator API").

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
    "UnprocessableEntityError",
    "WebhookStep",
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
    "UnprocessableEntityError": "._exceptions",
    "WebhookStep": "._types",
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
