"""The schema -> hypothesis strategy builder: what it draws is valid against the schema it was built from."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from jsonschema import Draft202012Validator, FormatChecker

from fuzzer.handlers.strategies import from_schema, inline_schema
from specmodel import default_spec

SCHEMAS: dict[str, Any] = {
    "object": {
        "type": "object",
        "required": ["id", "kind"],
        "properties": {
            "id": {"type": "string", "format": "uuid"},
            "kind": {"const": "event"},
            "at": {"type": "string", "format": "date-time"},
            "n": {"type": "integer", "minimum": 1, "maximum": 5},
            "ratio": {"type": "number", "exclusiveMinimum": 0, "maximum": 1},
            "tags": {"type": "array", "items": {"enum": ["a", "b"]}, "minItems": 1, "maxItems": 2},
            "state": {"type": ["string", "null"], "minLength": 2, "maxLength": 4},
            "digits": {"type": "string", "pattern": "^[0-9#*]{1,3}$"},
        },
        "additionalProperties": False,
    },
    "all_of": {
        "allOf": [
            {"type": "object", "required": ["a"], "properties": {"a": {"type": "boolean"}}},
            {"type": "object", "required": ["b"], "properties": {"b": {"type": "string", "format": "uri"}}},
        ]
    },
    "one_of": {"oneOf": [{"type": "integer", "minimum": 10}, {"type": "string", "maxLength": 0}]},
}


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_drawn_instances_are_valid(name: str) -> None:
    schema = SCHEMAS[name]
    validator = Draft202012Validator(schema, format_checker=FormatChecker())

    @settings(max_examples=30, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def check(data: st.DataObject) -> None:
        instance = data.draw(from_schema(schema))
        assert not list(validator.iter_errors(instance)), instance

    check()


def test_extra_fields_only_where_the_schema_allows_them() -> None:
    closed = SCHEMAS["object"]
    open_ = {**closed, "additionalProperties": True}

    @settings(max_examples=10, database=None, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.data())
    def check(data: st.DataObject) -> None:
        assert not [k for k in data.draw(from_schema(closed, extra_fields=True)) if k.startswith("x_new_")]
        assert [k for k in data.draw(from_schema(open_, extra_fields=True)) if k.startswith("x_new_")]

    check()


def test_inline_schema_leaves_no_ref() -> None:
    spec = default_spec()
    for entry in spec.webhooks:
        assert entry.body_schema is not None
        assert "$ref" not in repr(inline_schema(spec, entry.body_schema)), entry.name
