"""What the package's ``__init__`` re-exports (lazily) from its modules."""

from __future__ import annotations

from .. import ir

# The runtime's public names (see codegen/runtime), by module.
RUNTIME_EXPORTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("._client", ("AsyncClient", "Client")),
    (
        "._exceptions",
        (
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
        ),
    ),
    ("._pagination", ("AsyncPage", "AsyncPaginator", "SyncPage")),
    ("._response", ("APIResponse",)),
    ("._types", ("NOT_GIVEN", "NotGiven", "WebhookStep")),
)
WEBHOOK_EXPORTS = ("UnknownWebhookEvent", "WebhookError", "WebhookPayloadError")
SIGNED_WEBHOOK_EXPORTS = ("WebhookVerificationError",)
# Module attributes listed in ``__all__`` after the re-exported names.
MODULE_NAMES = ("__version__", "models")


def exports(has_webhooks: bool, signed: bool) -> tuple[tuple[ir.Export, ...], tuple[str, ...]]:
    """The names ``__init__`` imports lazily, sorted (ignoring case), and its ``__all__`` (constants first)."""
    table = [ir.Export(name, module) for module, names in RUNTIME_EXPORTS for name in names]
    if has_webhooks:
        names = WEBHOOK_EXPORTS + (SIGNED_WEBHOOK_EXPORTS if signed else ())
        table += [ir.Export(name, "._webhooks") for name in names]
    table.sort(key=lambda e: e.name.lower())
    names = [e.name for e in table]
    public = [n for n in names if n.isupper()] + [n for n in names if not n.isupper()]
    return tuple(table), (*public, *MODULE_NAMES)
