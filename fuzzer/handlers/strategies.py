"""Hypothesis strategies for webhook bodies, built from the JSON Schemas of the spec's ``webhooks`` section.

Two steps, so that the same strategies can later be generated into a client package:

* :func:`inline_schema` (needs the spec) turns a schema ``Node`` into one plain JSON Schema
  with every ``$ref`` (across files) inlined; it is data that a generator can write out.
* :func:`from_schema` (needs only hypothesis) turns such a plain schema into a strategy.

The keywords the webhook schemas use are covered (``type`` incl. lists, ``enum``, ``const``,
``properties``, ``required``, ``additionalProperties``, ``items``, ``allOf``, ``oneOf``,
``anyOf``, string lengths, ``pattern``, ``format`` uuid / date-time / date / uri / email,
numeric bounds, array lengths). What is drawn is also validated against the spec's own
validator by the caller (:func:`webhook_bodies`), so a keyword this module does not know
can only make generation fail loudly, never produce an invalid "valid" case.
"""

from __future__ import annotations

import string
from datetime import datetime
from typing import Any

from hypothesis import strategies as st

from specmodel import Node, Spec, WebhookEntry

JSON = Any
_TYPES = ("object", "array", "string", "integer", "number", "boolean", "null")


def inline_schema(spec: Spec, node: Node) -> JSON:
    """The schema at ``node`` with every ``$ref`` replaced by what it points at (specmodel's
    inlining; a recursive schema is an error: a strategy needs a finite schema)."""
    inlined = spec.inline(node)
    if inlined is None:
        raise node.error("a recursive schema cannot be inlined for generation")
    return inlined


def _merge_all_of(schema: dict[str, Any]) -> dict[str, Any]:
    """allOf of object schemas folded into one (properties and required joined, other keywords kept)."""
    parts = [_merge_all_of(p) if isinstance(p, dict) else p for p in schema.get("allOf", [])]
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    for part in parts:
        for key, value in part.items():
            if key == "properties":
                merged.setdefault("properties", {}).update(value)
            elif key == "required":
                merged["required"] = sorted(set(merged.get("required", [])) | set(value))
            else:
                merged.setdefault(key, value)
    return merged


_EARLIEST, _LATEST = datetime(1970, 1, 1), datetime(2999, 12, 31)
_FORMATS: dict[str, st.SearchStrategy[str]] = {
    "uuid": st.uuids().map(str),
    "date-time": st.datetimes(min_value=_EARLIEST, max_value=_LATEST).map(
        lambda d: d.strftime("%Y-%m-%dT%H:%M:%S.%fZ")  # four-digit years: RFC 3339
    ),
    "date": st.dates(min_value=_EARLIEST.date(), max_value=_LATEST.date()).map(lambda d: d.isoformat()),
    "uri": st.from_regex(r"\Ahttps://[a-z]{1,12}\.example\.com/[a-z0-9]{0,12}\Z"),
    "email": st.from_regex(r"\A[a-z]{1,10}@example\.com\Z"),
}


def from_schema(schema: JSON, *, extra_fields: bool = False) -> st.SearchStrategy[JSON]:
    """A strategy for instances of a plain (``$ref``-free) JSON Schema.

    ``extra_fields`` adds unknown properties to objects that allow them: the forward
    compatibility a handler must have (the platform adds fields without notice).
    """
    if schema is True or schema == {}:
        return st.none() | st.booleans() | st.integers() | st.text(max_size=8)
    if schema is False:
        raise ValueError("a schema that allows nothing")
    assert isinstance(schema, dict)
    if "allOf" in schema:
        return from_schema(_merge_all_of(schema), extra_fields=extra_fields)
    if "const" in schema:
        return st.just(schema["const"])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    for key in ("oneOf", "anyOf"):
        if key in schema:
            base = {k: v for k, v in schema.items() if k != key}
            options = [_merge_all_of({"allOf": [base, option]}) for option in schema[key]]
            return st.one_of([from_schema(option, extra_fields=extra_fields) for option in options])
    types = schema.get("type")
    if isinstance(types, list):
        return st.one_of([from_schema({**schema, "type": t}, extra_fields=extra_fields) for t in types])
    if types is None:
        types = "object" if "properties" in schema else "string" if "pattern" in schema else None
    if types is None:
        return from_schema(True)
    if types not in _TYPES:
        raise ValueError(f"unknown type {types!r}")
    return _TYPE_BUILDERS[types](schema, extra_fields)


def _object(schema: dict[str, Any], extra_fields: bool) -> st.SearchStrategy[JSON]:
    props: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    fixed = {name: from_schema(sub, extra_fields=extra_fields) for name, sub in props.items() if name in required}
    optional = {
        name: from_schema(sub, extra_fields=extra_fields) for name, sub in props.items() if name not in required
    }
    base = st.fixed_dictionaries(fixed, optional=optional)
    if extra_fields and schema.get("additionalProperties", True) is not False:
        extra = st.dictionaries(
            st.text(string.ascii_lowercase, min_size=3, max_size=10).map(lambda k: f"x_new_{k}"),
            st.none() | st.integers() | st.text(max_size=10) | st.lists(st.integers(), max_size=2),
            min_size=1,
            max_size=2,
        )
        return st.tuples(base, extra).map(lambda pair: {**pair[1], **pair[0]})
    return base


def _array(schema: dict[str, Any], extra_fields: bool) -> st.SearchStrategy[JSON]:
    items = schema.get("items", True)
    low = schema.get("minItems", 0)
    high = min(schema.get("maxItems", low + 3), low + 3)
    return st.lists(from_schema(items, extra_fields=extra_fields), min_size=low, max_size=high)


def _string(schema: dict[str, Any], extra_fields: bool) -> st.SearchStrategy[JSON]:
    low = schema.get("minLength", 0)
    high = schema.get("maxLength")
    fmt = schema.get("format")
    if "pattern" in schema:
        strategy: st.SearchStrategy[str] = st.from_regex(schema["pattern"], fullmatch=True)
    elif fmt in _FORMATS:
        strategy = _FORMATS[fmt]
    else:
        alphabet = st.characters(codec="utf-8", exclude_categories=("Cs",))
        strategy = st.text(alphabet, min_size=low, max_size=min(high if high is not None else low + 24, low + 24))
    return strategy.filter(lambda s: len(s) >= low and (high is None or len(s) <= high))


def _number(schema: dict[str, Any], integer: bool) -> st.SearchStrategy[JSON]:
    low = schema.get("minimum")
    high = schema.get("maximum")
    if "exclusiveMinimum" in schema:
        low = schema["exclusiveMinimum"] + (1 if integer else 1e-9)
    if "exclusiveMaximum" in schema:
        high = schema["exclusiveMaximum"] - (1 if integer else 1e-9)
    if integer:
        return st.integers(min_value=low, max_value=high)
    return st.floats(min_value=low, max_value=high, allow_nan=False, allow_infinity=False)


_TYPE_BUILDERS: dict[str, Any] = {
    "object": _object,
    "array": _array,
    "string": _string,
    "integer": lambda schema, _: _number(schema, True),
    "number": lambda schema, _: _number(schema, False),
    "boolean": lambda schema, _: st.booleans(),
    "null": lambda schema, _: st.none(),
}


def webhook_bodies(spec: Spec, entry: WebhookEntry, *, extra_fields: bool = False) -> st.SearchStrategy[JSON]:
    """Bodies of one webhook entry (its event and envelope), valid against the entry's schema."""
    if entry.body_schema is None:
        raise ValueError(f"webhook {entry.name} has no JSON body schema")
    schema = inline_schema(spec, entry.body_schema)
    validator = spec.validator(entry.body_schema)
    return from_schema(schema, extra_fields=extra_fields).filter(validator.is_valid)
