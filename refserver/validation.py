"""Requests checked against the spec, answered with Telnyx errors that point at the field.

Bodies: JSON that does not parse, is not an object, or nests deeper than MAX_DEPTH is 400
(code 10015). Text that is not Unicode (a lone surrogate) and a number too large for a
double (10^400, 1e400; RFC 8259 section 6) are 422 whatever the schema says (10002, 10033),
and so is a body that breaks its schema: one error per problem, `source.pointer`
naming the field. Parameters: the status the operation documents for them
(`Operation.status_for_param_error`), `source.parameter` naming the parameter; a query
string that is not UTF-8 is refused, and a number is read only from ASCII decimal digits.
"""

from __future__ import annotations

import json
import math
import re
import sys
from typing import Any
from urllib.parse import unquote_to_bytes

from jsonschema import Draft202012Validator, ValidationError

from specmodel import join_pointer

from .errors import TelnyxError, error, fail
from .spec import Operation

RANGE_KEYWORDS = frozenset(
    {
        "minimum",
        "maximum",
        "exclusiveMinimum",
        "exclusiveMaximum",
        "minLength",
        "maxLength",
        "minItems",
        "maxItems",
    }
)
LIMIT_KEYWORDS = frozenset({"maximum", "maxLength"})  # dropped by the `no_limit` fault
MAX_DEPTH = 64  # arrays and objects nested deeper are refused before anything reads them
# RFC 8259 section 6: a number is interoperable when a double holds it; past that, no field may take it
LARGEST = int(sys.float_info.max)
INTEGER = re.compile(r"-?[0-9]+")
NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def parse_json_body(raw: bytes) -> dict[str, Any]:
    """The body as a JSON object; an empty body is `{}` (curl sends none for answer)."""
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw, parse_constant=_reject_constant)
    except (ValueError, RecursionError, UnicodeDecodeError) as exc:
        raise fail(400, "10015", f"The request body is not valid JSON: {exc}") from None
    if not isinstance(body, dict):
        raise fail(400, "10015", "The request body must be a JSON object.")
    errors = _unusable_values(body)
    if errors:
        raise TelnyxError(422, errors)
    return body


def _unusable_values(body: Any) -> list[dict[str, Any]]:
    """Errors for what no field may hold (found without recursion: the depth is checked first)."""
    errors: list[dict[str, Any]] = []
    stack: list[tuple[Any, str, int]] = [(body, "", 0)]
    while stack:
        value, pointer, depth = stack.pop()
        if isinstance(value, dict | list):
            if depth >= MAX_DEPTH:
                raise fail(400, "10015", f"The request body nests arrays and objects more than {MAX_DEPTH} deep.")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if isinstance(key, str) and not _is_text(key):
                    errors.append(error("10002", "a key is not Unicode text (a lone surrogate)", pointer=pointer))
                    continue
                stack.append((item, join_pointer(pointer, key), depth + 1))
        elif isinstance(value, str) and not _is_text(value):
            errors.append(error("10002", "not Unicode text (a lone surrogate)", pointer=pointer))
        elif _too_large(value):
            errors.append(error("10033", "a number too large for a double", pointer=pointer))
    return sorted(errors, key=lambda e: e["source"]["pointer"])


def _too_large(value: Any) -> bool:
    if isinstance(value, float):
        return not math.isfinite(value)
    return isinstance(value, int) and not isinstance(value, bool) and abs(value) > LARGEST


def _is_text(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def query_params(raw: bytes, op: Operation) -> dict[str, str]:
    """The query string's parameters (the last of a repeated name), decoded as strict UTF-8."""
    out: dict[str, str] = {}
    for pair in raw.split(b"&"):
        if not pair:
            continue
        name_bytes, _, value_bytes = pair.partition(b"=")
        try:
            name = _unquote(name_bytes)
        except UnicodeDecodeError:
            raise fail(op.status_for_param_error("query"), "10015", "A query parameter name is not UTF-8.") from None
        try:
            out[name] = _unquote(value_bytes)
        except UnicodeDecodeError:
            status = op.status_for_param_error("query")
            raise fail(status, "10002", "The value is not UTF-8 text.", parameter=name) from None
    return out


def _unquote(raw: bytes) -> str:
    return unquote_to_bytes(raw.replace(b"+", b" ")).decode("utf-8")


def _pointer(path: Any) -> str:
    return join_pointer("", *(str(p) for p in path))


def _is_phone_pattern(schema: Any) -> bool:
    return isinstance(schema, dict) and "\\+[1-9]" in str(schema.get("pattern", ""))


def _describe(err: ValidationError) -> tuple[str, str]:
    """(code, detail) for one jsonschema error."""
    keyword = err.validator
    if keyword in ("enum", "const"):
        allowed = err.validator_value if keyword == "enum" else [err.validator_value]
        return "10032", f"must be one of {', '.join(map(json.dumps, allowed))}"
    if keyword in RANGE_KEYWORDS:
        return "10033", err.message
    if keyword == "pattern" and _is_phone_pattern(err.schema):
        return "10016", err.message
    return "10002", err.message


def schema_errors(
    validator: Draft202012Validator,
    instance: Any,
    *,
    parameter: str | None = None,
    drop_limits: bool = False,
) -> list[dict[str, Any]]:
    """Telnyx errors for `instance`; empty when it is valid."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for err in validator.iter_errors(instance):
        if drop_limits and err.validator in LIMIT_KEYWORDS:
            continue
        base = _pointer(err.absolute_path)
        if err.validator == "required":
            items = [
                (join_pointer(base, name), "10004", f"{name!r} is required")
                for name in err.validator_value
                if isinstance(err.instance, dict) and name not in err.instance
            ]
        else:
            code, detail = _describe(err)
            items = [(base, code, detail)]
        for pointer, code, detail in items:
            if (pointer, code) in seen:
                continue
            seen.add((pointer, code))
            if parameter is not None:
                out.append(error(code, f"{parameter}: {detail}", parameter=parameter))
            else:
                out.append(error(code, detail, pointer=pointer or "/"))
    out.sort(key=lambda e: (e.get("source", {}).get("pointer", ""), e["code"]))
    return out


def validate_body(op: Operation, body: dict[str, Any], *, drop_limits: bool = False) -> None:
    if op.body_validator is None:
        return
    errors = schema_errors(op.body_validator, body, drop_limits=drop_limits)
    if errors:
        raise TelnyxError(422, errors)


def _coerce(value: str, schema: dict[str, Any]) -> Any:
    """A query/path string as the type its schema declares (when it can be read so)."""
    types = schema.get("type")
    types = types if isinstance(types, list) else [types]
    if "integer" in types and INTEGER.fullmatch(value):
        return int(value, 10)
    if "number" in types and NUMBER.fullmatch(value):
        number = float(value)
        if math.isfinite(number):
            return number
    if "boolean" in types and value in ("true", "false"):
        return value == "true"
    return value


def validate_params(op: Operation, path_params: dict[str, str], query: Any) -> dict[str, Any]:
    """The parameters given, coerced and checked (defaults are the handler's business)."""
    values: dict[str, Any] = {}
    for param in op.params:
        if param.location == "path":
            raw = path_params.get(param.name)
        elif param.location == "query":
            raw = query.get(param.name)
        else:
            continue
        if raw is None:
            if param.required:
                raise TelnyxError(
                    op.status_for_param_error(param.location),
                    error("10004", f"{param.name} is required", parameter=param.name),
                )
            continue
        value = _coerce(raw, param.schema)
        if _too_large(value):
            status = op.status_for_param_error(param.location)
            raise fail(status, "10033", "a number too large for a double", parameter=param.name)
        errors = schema_errors(param.validator, value, parameter=param.name)
        if errors:
            raise TelnyxError(op.status_for_param_error(param.location), errors)
        values[param.name] = value
    return values
