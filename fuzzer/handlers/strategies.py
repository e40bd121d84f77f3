"""Hypothesis strategies for webhook bodies, built from the JSON Schemas of the spec's ``webhooks`` section.

Two steps:

* :func:`inline_schema` (needs the spec) turns a schema ``Node`` into one plain JSON Schema
  with every ``$ref`` (across files) inlined; it is data that a generator can write out.
* :func:`from_schema` (needs only hypothesis) turns such a plain schema into a strategy: the
  generated package's own (``telnyx_call_control.testing``), whose runtime the generator writes.

The keywords the webhook schemas use are covered (``type`` incl. lists, ``enum``, ``const``,
``properties``, ``required``, ``additionalProperties``, ``items``, ``allOf``, ``oneOf``,
``anyOf``, string lengths, ``pattern``, ``format`` uuid / date-time / date / uri / email,
numeric bounds, array lengths). What is drawn is also validated against the spec's own
validator by the caller (:func:`webhook_bodies`), so a keyword this module does not know
can only make generation fail loudly, never produce an invalid "valid" case.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

# The JSON Schema -> strategy translation is the generated package's testing runtime
# (codegen/runtime/testing.py, copied verbatim into every generated package): one implementation
# for the users' property tests and for this fuzzer. Only codegen imports codegen/ itself.
from telnyx_call_control.testing import from_schema

from specmodel import Node, Spec, WebhookEntry

__all__ = ["from_schema", "inline_schema", "webhook_bodies"]

JSON = Any


def inline_schema(spec: Spec, node: Node) -> JSON:
    """The schema at ``node`` with every ``$ref`` replaced by what it points at (specmodel's
    inlining; a recursive schema is an error: a strategy needs a finite schema)."""
    inlined = spec.inline(node)
    if inlined is None:
        raise node.error("a recursive schema cannot be inlined for generation")
    return inlined


def webhook_bodies(spec: Spec, entry: WebhookEntry, *, extra_fields: bool = False) -> st.SearchStrategy[JSON]:
    """Bodies of one webhook entry (its event and envelope), valid against the entry's schema."""
    if entry.body_schema is None:
        raise ValueError(f"webhook {entry.name} has no JSON body schema")
    schema = inline_schema(spec, entry.body_schema)
    validator = spec.validator(entry.body_schema)
    return from_schema(schema, extra_fields=extra_fields).filter(validator.is_valid)
