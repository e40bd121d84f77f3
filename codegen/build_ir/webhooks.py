"""Webhooks: the documents' ``webhooks`` entries, operations' ``x-webhooks`` steps, the signature scheme."""

from __future__ import annotations

from collections.abc import Iterable

from specmodel import extensions
from specmodel.schemas import inline

from .. import ir
from ..load import HTTP_METHODS, Document, Node, iter_operations
from ..naming import pascal, safe_identifier
from .common import Context, pick_media


def events(ctx: Context, doc: Document) -> Iterable[ir.WebhookEvent]:
    """The document's ``webhooks`` entries, then its operations' ``callbacks``, each with the model of its body.

    A callback is listed under its name (``onData``), or ``operationId.name`` when another
    webhook or callback already has that name.
    """
    root = Node(doc, "", doc.data)
    hooks = doc.data.get("webhooks")
    taken: set[str] = set()
    for key in hooks if isinstance(hooks, dict) else ():
        item = ctx.ws.resolve(root.child("webhooks", key))
        event = _event(ctx, doc, item, str(key), pascal(key) + "Webhook")
        if event is not None:
            taken.add(event.key)
            yield event
    for path, method, _item, op in iter_operations(doc):
        callbacks = op.get("callbacks")
        for name in callbacks.value if callbacks is not None and isinstance(callbacks.value, dict) else ():
            assert callbacks is not None
            holder = ctx.ws.resolve(callbacks.child(name))
            for expression in holder.value if isinstance(holder.value, dict) else ():
                item = ctx.ws.resolve(holder.child(expression))
                key = str(name)
                if key in taken:
                    key = f"{op.value.get('operationId') or f'{method} {path}'}.{name}"
                event = _event(ctx, doc, item, key, pascal(key) + "Callback")
                if event is not None:
                    taken.add(event.key)
                    yield event


def _event(ctx: Context, doc: Document, item: Node, key: str, hint: str) -> ir.WebhookEvent | None:
    """One webhook or callback: a path item whose (first) operation's body is the event."""
    if not isinstance(item.value, dict):
        return None
    method = next((m for m in HTTP_METHODS if isinstance(item.value.get(m), dict)), None)
    if method is None:
        return None
    op = item.child(method)
    model = None
    body_ref = op.get("requestBody")
    if body_ref is not None:
        body = ctx.ws.resolve(body_ref)
        content = body.get("content")
        if content is not None and content.value:
            schema_node = content.child(pick_media(list(content.value))).get("schema")
            if schema_node is not None:
                schema = ctx.registry.copy(schema_node, doc.version, hint)
                model = ctx.registry.ref_name(schema)
                if model is None:
                    model = ctx.registry.register_inline(schema, hint)
                if model not in ctx.webhook_schemas and (plain := inline(ctx.ws, schema_node)) is not None:
                    ctx.webhook_schemas[model] = plain  # data for the package's testing strategies
    ext = extensions.event_extensions(item, op)
    return ir.WebhookEvent(
        key=key,
        model=model,
        event=ext.event,
        envelope=ext.envelope,
        event_type=ext.event_type,
        event_type_pointer=ext.event_type_pointer,
    )


def signature(ctx: Context, taken: set[str]) -> ir.WebhookSignature | None:
    """The documents' ``x-webhook-signature``: how webhooks are signed (the first one found).

    ``taken``: the credentials' names, which the public key's name must not repeat.
    """
    for doc in ctx.ws.roots:
        root = Node(doc, "", doc.data)
        value = extensions.webhook_signature(root)
        if value is not None:
            break
    else:
        return None
    if value.algorithm != "ed25519":  # what the generated verifier implements
        raise root.child("x-webhook-signature").error(f"unsupported webhook signature algorithm {value.algorithm!r}")
    name = safe_identifier(value.public_key_name)
    if name in taken:
        raise root.child("x-webhook-signature").error(f"public-key-name {name!r} is already a credential's name")
    key = ir.Credential(name, f"{ctx.env_prefix}_{name.upper()}", "The public key webhooks are verified with.")
    return ir.WebhookSignature(
        algorithm="ed25519",
        signature_header=value.signature_header,
        timestamp_header=value.timestamp_header,
        message_prefix=value.message_prefix,
        message_suffix=value.message_suffix,
        tolerance=value.tolerance,
        public_key=key,
    )


def steps(op: Node) -> tuple[ir.WebhookStep, ...] | None:
    """An operation's ``x-webhooks``; None without it, () for ``[]`` (none sent)."""
    parsed = extensions.webhook_steps(op)
    if parsed is None:
        return None
    return tuple(
        ir.WebhookStep(events=s.events, repeat=s.repeat, optional=s.optional, when=s.when, leg=s.leg) for s in parsed
    )


# What every view of a parsed webhook has besides the fields (runtime ``_events.EventView``).
VIEW_ATTRIBUTES = frozenset({"event", "name", "envelope", "event_type", "field"})


def fields(ctx: Context) -> tuple[ir.WebhookField, ...]:
    """The documents' ``x-webhook-fields``, merged in document order (a name's pointers are appended)."""
    merged: dict[str, list[str]] = {}
    for doc in ctx.ws.roots:
        root = Node(doc, "", doc.data)
        for name, pointers in (extensions.webhook_fields(root) or {}).items():
            if name in VIEW_ATTRIBUTES:
                raise root.child("x-webhook-fields", name).error(f"{name!r} is taken by every webhook view")
            merged.setdefault(name, [])
            merged[name] += [p for p in pointers if p not in merged[name]]
    return tuple(ir.WebhookField(name, tuple(pointers)) for name, pointers in merged.items())
