"""Webhooks: the documents' ``webhooks`` entries, operations' ``x-webhooks`` steps, the signature scheme."""

from __future__ import annotations

import re
from collections.abc import Iterable

from .. import ir
from ..load import Document, Node
from ..naming import pascal, safe_identifier
from .common import Context, opt_str, pick_media


def events(ctx: Context, doc: Document) -> Iterable[ir.WebhookEvent]:
    """The document's ``webhooks`` entries, each with the model of its body."""
    hooks = doc.data.get("webhooks")
    if not isinstance(hooks, dict):
        return
    root = Node(doc, "", doc.data)
    for key in hooks:
        item = ctx.ws.resolve(root.child("webhooks", key))
        op_value = next((item.value[m] for m in ("post", "put") if m in item.value), None)
        if not isinstance(op_value, dict):
            continue
        method = "post" if "post" in item.value else "put"
        op = item.child(method)
        model = None
        body_ref = op.get("requestBody")
        if body_ref is not None:
            body = ctx.ws.resolve(body_ref)
            content = body.get("content")
            if content is not None and content.value:
                schema_node = content.child(pick_media(list(content.value))).get("schema")
                if schema_node is not None:
                    schema = ctx.registry.copy(schema_node, doc.version)
                    model = ctx.registry.ref_name(schema)
                    if model is None:
                        model = ctx.registry.register_inline(schema, pascal(key) + "Webhook")
        ext = {**item.value, **op_value}
        yield ir.WebhookEvent(
            key=str(key),
            model=model,
            event=opt_str(ext.get("x-event")),
            envelope=opt_str(ext.get("x-envelope")),
            event_type=opt_str(ext.get("x-event-type")),
            event_type_pointer=opt_str(ext.get("x-event-type-pointer")),
        )


def signature(ctx: Context, taken: set[str]) -> ir.WebhookSignature | None:
    """The documents' ``x-webhook-signature``: how webhooks are signed (the first one found).

    ``taken``: the credentials' names, which the public key's name must not repeat.
    """
    doc = next((d for d in ctx.ws.roots if "x-webhook-signature" in d.data), None)
    if doc is None:
        return None
    node = Node(doc, "", doc.data).child("x-webhook-signature")
    value = node.value
    if not isinstance(value, dict):
        raise node.error("x-webhook-signature must be a mapping")
    if value.get("algorithm") != "ed25519":
        raise node.error(f"unsupported webhook signature algorithm {value.get('algorithm')!r} (known: ed25519)")
    missing = [k for k in ("signature-header", "timestamp-header", "message") if not value.get(k)]
    if missing:
        raise node.error(f"x-webhook-signature needs {', '.join(missing)}")
    message = str(value["message"])
    placeholders = re.findall(r"{([^{}]*)}", message)
    if placeholders.count("body") != 1 or set(placeholders) - {"body", "timestamp"}:
        raise node.error("message must contain {body} once and no placeholder but {timestamp}")
    prefix, _, suffix = message.partition("{body}")
    name = safe_identifier(str(value.get("public-key-name", "public_key")))
    if name in taken:
        raise node.error(f"public-key-name {name!r} is already a credential's name")
    key = ir.Credential(name, f"{ctx.env_prefix}_{name.upper()}", "The public key webhooks are verified with.")
    return ir.WebhookSignature(
        algorithm="ed25519",
        signature_header=str(value["signature-header"]).lower(),
        timestamp_header=str(value["timestamp-header"]).lower(),
        message_prefix=prefix,
        message_suffix=suffix,
        tolerance=int(value.get("tolerance", 300)),
        public_key=key,
    )


def steps(op: Node) -> tuple[ir.WebhookStep, ...] | None:
    """An operation's ``x-webhooks``; None without it, () for ``[]`` (none sent)."""
    value = op.value.get("x-webhooks")
    if value is None:
        return None
    if not isinstance(value, list):
        raise op.child("x-webhooks").error("x-webhooks must be a list of steps")
    out = []
    for index, step in enumerate(value):
        if not isinstance(step, dict) or not ("event" in step or "one_of" in step):
            raise op.child("x-webhooks", index).error("a step needs 'event' or 'one_of'")
        names = (str(step["event"]),) if "event" in step else tuple(map(str, step["one_of"]))
        out.append(
            ir.WebhookStep(
                events=names,
                repeat=bool(step.get("repeat")),
                optional=bool(step.get("optional")),
                when=opt_str(step.get("when")),
                leg=str(step.get("leg", "self")),
            )
        )
    return tuple(out)
