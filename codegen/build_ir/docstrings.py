"""What each generated method's docstring says."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from .. import ir
from ..text import reflow
from .common import clean

DOC_WIDTH = 88
# How every method documents its ``timeout`` argument.
TIMEOUT_DOC = (
    "Seconds (or an `httpx.Timeout`) this request may take, instead of the client's `timeout`; None waits forever."
)


def describe_step(step: ir.WebhookStep) -> str:
    text = step.events[0] if len(step.events) == 1 else "one of " + ", ".join(step.events)
    notes = []
    if step.repeat:
        notes.append("zero or more times")
    if step.optional:
        notes.append("optional")
    if step.when:
        notes.append(f"when {step.when}")
    if step.leg != "self":
        notes.append(f"on the {step.leg} leg")
    return text + (f" ({', '.join(notes)})" if notes else "")


def deprecation(resource: str, method: str) -> str:
    """The message of a deprecated method's warning (and of type checkers)."""
    return f"{resource}.{method} is deprecated by the API description."


def docstring(
    op: dict[str, Any],
    arguments: Sequence[tuple[str, str]],
    webhooks: tuple[ir.WebhookStep, ...] | None,
) -> str:
    """A method's docstring: summary, description, its arguments (name, description), webhooks."""
    summary = clean(op.get("summary", ""))
    description = clean(op.get("description", ""))
    parts = [summary] if summary else []
    if description and description != summary:
        parts.append(reflow(description, DOC_WIDTH))
    if not parts:
        parts.append(f"{op.get('operationId', 'Send the request')}.")
    lines = ["Args:"]
    for name, description in arguments:
        text = description or "See the API reference."
        lines.append(reflow(text, DOC_WIDTH, f"    {name}: ", " " * 8))
    lines.append(reflow(TIMEOUT_DOC, DOC_WIDTH, "    timeout: ", " " * 8))
    parts.append("\n".join(lines))
    if webhooks is not None:
        if webhooks:
            steps = [f"    {i}. {describe_step(s)}" for i, s in enumerate(webhooks, 1)]
            parts.append("Webhooks sent, in order:\n" + "\n".join(steps))
        else:
            parts.append("Webhooks sent: none.")
    if op.get("deprecated"):
        parts.append("Deprecated.")
    return "\n\n".join(parts)
