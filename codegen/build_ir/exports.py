"""What the package's ``__init__`` re-exports (lazily) from its modules."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from .. import ir

RUNTIME = Path(__file__).resolve().parent.parent / "runtime"

# The runtime's public names (see codegen/runtime), by module; every exception is public.
RUNTIME_EXPORTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("._client", ("AsyncClient", "Client")),
    ("._exceptions", ()),  # its __all__
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
    table = [ir.Export(name, module) for module, names in RUNTIME_EXPORTS for name in names or runtime_all(module)]
    if has_webhooks:
        names = WEBHOOK_EXPORTS + (SIGNED_WEBHOOK_EXPORTS if signed else ())
        table += [ir.Export(name, "._webhooks") for name in names]
    table.sort(key=lambda e: e.name.lower())
    exported = [e.name for e in table]
    public = [n for n in exported if n.isupper()] + [n for n in exported if not n.isupper()]
    return tuple(table), (*public, *MODULE_NAMES)


@cache
def runtime_all(module: str) -> tuple[str, ...]:
    """The ``__all__`` of a runtime module (``"._exceptions"``), read from its source without importing it."""
    tree = ast.parse((RUNTIME / f"{module.lstrip('.')}.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            return tuple(ast.literal_eval(node.value))
    raise LookupError(f"codegen/runtime/{module.lstrip('.')}.py has no __all__")
