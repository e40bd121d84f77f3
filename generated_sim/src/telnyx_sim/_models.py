"""The base class of every model in the package's ``models`` module, and how bodies are validated.

Bodies the API sends (responses, webhooks) are validated *leniently* by default: every value
must have its type (a string is a string, an object has its required fields), but the
documented constraints (pattern, length, range, multiple-of) are not enforced, so that a
value the platform sends outside what its description promises is kept instead of
rejected. ``strict=True`` (a client option) validates against the models as generated,
constraints included.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, Protocol

import pydantic
import pydantic_core

__all__ = ["BaseModel", "Validator", "validator"]


class BaseModel(pydantic.BaseModel):
    """A pydantic model that keeps fields it does not know (the API may add some).

    Fields are filled by their Python names or by their names on the wire.
    """

    model_config = pydantic.ConfigDict(
        populate_by_name=True, extra="allow", protected_namespaces=()
    )


class Validator(Protocol):
    """What validates a body: a :class:`pydantic.TypeAdapter` or a lenient validator."""

    def validate_json(self, data: str | bytes, /) -> Any: ...

    def validate_python(self, data: Any, /) -> Any: ...


# Keys of a pydantic-core schema that constrain a value without changing its type.
_CONSTRAINTS = frozenset(
    {
        "pattern",
        "min_length",
        "max_length",
        "gt",
        "ge",
        "lt",
        "le",
        "multiple_of",
        "max_digits",
        "decimal_places",
    }
)
_FIELD_KINDS = frozenset({"model-field", "typed-dict-field", "dataclass-field", "arguments-field"})


def _build(cls: type[pydantic.BaseModel], root: bool) -> Callable[[Any], Any]:
    """An instance of ``cls`` from what its fields' validator produced (no second check)."""

    def build(value: Any) -> Any:
        obj = cls.__new__(cls)
        if root:
            fields, extra, fields_set = {"root": value}, None, {"root"}
        else:
            fields, extra, fields_set = value
        object.__setattr__(obj, "__dict__", fields)
        object.__setattr__(obj, "__pydantic_extra__", extra)
        object.__setattr__(obj, "__pydantic_fields_set__", fields_set)
        object.__setattr__(obj, "__pydantic_private__", None)
        return obj

    return build


def _relax(schema: Any) -> Any:
    """A copy of a pydantic-core schema without its constraints (types kept)."""
    if isinstance(schema, list):
        return [_relax(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    kind = schema.get("type")
    if not isinstance(kind, str):  # a mapping of names (fields, choices): every value is a schema
        return {key: _relax(value) for key, value in schema.items()}
    if kind == "function-after":
        function = schema.get("function", {}).get("function")
        # A constraint pydantic could not put in the schema itself (on a union, say).
        if getattr(function, "__module__", "") == "pydantic._internal._validators":
            return _relax(schema["schema"])
    out = {
        key: _relax(value)
        for key, value in schema.items()
        if key not in _CONSTRAINTS or kind in _FIELD_KINDS
    }
    if kind == "model":
        # pydantic-core reuses a complete model's own (strict) validator: build the instance
        # from the relaxed fields instead.
        inner = dict(out["schema"])
        config = schema.get("config") or {}
        root = bool(schema.get("root_model"))
        if not root and "extra_fields_behavior" in config:
            inner.setdefault("extra_behavior", config["extra_fields_behavior"])
        new: dict[str, Any] = {
            "type": "function-after",
            "function": {"type": "no-info", "function": _build(schema["cls"], root)},
            "schema": inner,
        }
        if "ref" in schema:
            new["ref"] = schema["ref"]
        return new
    return out


@cache
def _strict(cast_to: Any) -> Validator:
    return pydantic.TypeAdapter(cast_to)


@cache
def _lenient(cast_to: Any) -> Validator:
    relaxed = _relax(pydantic.TypeAdapter(cast_to).core_schema)
    return pydantic_core.SchemaValidator(relaxed)


def validator(cast_to: Any, *, strict: bool = False) -> Validator:
    """The validator of a body of type ``cast_to`` (cached): lenient unless ``strict``."""
    return _strict(cast_to) if strict else _lenient(cast_to)
