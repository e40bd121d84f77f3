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

from jsonschema import Draft202012Validator, ValidationError  # type: ignore[import-untyped]

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


def parse_json_body(raw: bytes, *, text: bool = True, numbers: bool = True, depth: bool = True) -> dict[str, Any]:
    """The body as a JSON object; an empty body is `{}` (curl sends none for answer).

    `text`, `numbers`, `depth`: check for lone surrogates, numbers past a double, nesting
    past MAX_DEPTH (each False only under a fault of refserver/faults.py)."""
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw, parse_constant=_reject_constant)
    except RecursionError:
        raise fail(400, "10015", f"The request body nests arrays and objects more than {MAX_DEPTH} deep.") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise fail(400, "10015", f"The request body is not valid JSON: {clip(str(exc), 200)}") from None
    if not isinstance(body, dict):
        raise fail(400, "10015", "The request body must be a JSON object.")
    errors = _unusable_values(body, text=text, numbers=numbers, depth=depth)
    if errors:
        raise TelnyxError(422, errors)
    return body


def _unusable_values(body: Any, *, text: bool = True, numbers: bool = True, depth: bool = True) -> list[dict[str, Any]]:
    """Errors for what no field may hold (found without recursion: the depth is checked first)."""
    errors: list[dict[str, Any]] = []
    stack: list[tuple[Any, str, int, tuple[Any, ...]]] = [(body, "", 0, ())]
    while stack:
        value, pointer, level, path = stack.pop()
        if isinstance(value, dict | list):
            if level >= MAX_DEPTH and depth:
                raise fail(400, "10015", f"The request body nests arrays and objects more than {MAX_DEPTH} deep.")
            items = value.items() if isinstance(value, dict) else enumerate(value)
            for key, item in items:
                if text and isinstance(key, str) and not _is_text(key):
                    detail = f"{_field(path)} has a key that is not Unicode text (a lone surrogate)"
                    errors.append(error("10002", detail, pointer=pointer))
                    continue
                stack.append((item, join_pointer(pointer, key), level + 1, (*path, key)))
        elif text and isinstance(value, str) and not _is_text(value):
            detail = f"{_field(path)} must be Unicode text (it has a lone surrogate)"
            errors.append(error("10002", detail, pointer=pointer))
        elif numbers and _too_large(value):
            detail = f"{_field(path)} must be a number a double can hold (at most about 1.8e308)"
            errors.append(error("10033", detail, pointer=pointer))
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


BASE64_PATTERN = "^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
ECHO_LIMIT = 64  # characters of a value or pattern an error message may quote
TYPE_WORDS = {
    "string": "text",
    "integer": "an integer",
    "number": "a number",
    "boolean": "true or false",
    "object": "an object",
    "array": "an array",
    "null": "null",
}
FORMAT_WORDS = {"uri": "an absolute URI", "uuid": "a UUID", "date-time": "an RFC 3339 date-time", "email": "an e-mail"}


def clip(value: Any, limit: int = ECHO_LIMIT) -> str:
    """A value for an error message: JSON, cut to `limit` characters (a 10 MB value is not echoed)."""
    try:
        text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    except (TypeError, ValueError):
        text = type(value).__name__
    if len(text) > limit:
        return text[:limit] + f"... ({len(text)} characters)"
    return text


def _field(path: Any, parameter: str | None = None) -> str:
    """How a message names the field: the parameter, or the body path (`inbound.channel_limit`, `items[0]`)."""
    if parameter is not None:
        return parameter
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + clip(str(part))
    return out or "the body"


def _kinds(schema_types: Any) -> str:
    types = schema_types if isinstance(schema_types, list) else [schema_types]
    return " or ".join(TYPE_WORDS.get(str(t), str(t)) for t in types)


def _describe(err: ValidationError, name: str) -> tuple[str, str]:
    """(code, detail) for one jsonschema error: the field named, what was expected in words."""
    keyword, expected, schema = err.validator, err.validator_value, err.schema
    if keyword in ("enum", "const"):
        allowed = expected if keyword == "enum" else [expected]
        return "10032", f"{name} must be one of {', '.join(clip(json.dumps(a)) for a in allowed)}"
    if keyword == "maximum":
        return "10033", f"{name} must be at most {expected}"
    if keyword == "minimum":
        return "10033", f"{name} must be at least {expected}"
    if keyword == "exclusiveMaximum":
        return "10033", f"{name} must be less than {expected}"
    if keyword == "exclusiveMinimum":
        return "10033", f"{name} must be greater than {expected}"
    if keyword == "maxLength":
        return "10033", f"{name} must be at most {expected} characters long"
    if keyword == "minLength":
        return "10033", f"{name} must be at least {expected} characters long" if expected > 1 else f"{name} is empty"
    if keyword == "maxItems":
        return "10033", f"{name} must have at most {expected} items"
    if keyword == "minItems":
        return "10033", f"{name} must have at least {expected} items"
    if keyword == "pattern":
        if _is_phone_pattern(schema):
            return "10016", f"{name} must be a phone number in +E.164 format (+ then up to 15 digits)"
        if expected == BASE64_PATTERN:
            return "10002", f"{name} must be Base64"
        return "10002", f"{name} must match the pattern {clip(expected)}"
    if keyword == "type":
        return "10002", f"{name} must be {_kinds(expected)}, not {_kinds(_json_type(err.instance))}"
    if keyword == "format":
        return "10002", f"{name} must be {FORMAT_WORDS.get(str(expected), str(expected))}"
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        return "10002", f"{name} has a field it does not take"
    if keyword in ("oneOf", "anyOf"):
        return "10002", f"{name} is none of the accepted forms"
    return "10002", f"{name}: {clip(err.message, 200)}"


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def schema_errors(
    validator: Draft202012Validator,
    instance: Any,
    *,
    parameter: str | None = None,
    drop_limits: bool = False,
    drop_maximum: bool = False,
) -> list[dict[str, Any]]:
    """Telnyx errors for `instance`; empty when it is valid."""
    out: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for err in validator.iter_errors(instance):
        if drop_limits and err.validator in LIMIT_KEYWORDS:
            continue
        if drop_maximum and err.validator == "maximum":
            continue
        base = _pointer(err.absolute_path)
        if err.validator == "required":
            items = [
                (join_pointer(base, name), "10004", f"{_field([*err.absolute_path, name])} is required")
                for name in err.validator_value
                if isinstance(err.instance, dict) and name not in err.instance
            ]
        else:
            code, detail = _describe(err, _field(err.absolute_path, parameter))
            items = [(base, code, detail)]
        for pointer, code, detail in items:
            if (pointer, code) in seen:
                continue
            seen.add((pointer, code))
            if parameter is not None:
                out.append(error(code, detail, parameter=parameter))
            else:
                out.append(error(code, detail, pointer=pointer or "/"))
    out.sort(key=lambda e: (e.get("source", {}).get("pointer", ""), e["code"]))
    return out


def validate_body(
    op: Operation, body: dict[str, Any], *, drop_limits: bool = False, drop_maximum: bool = False
) -> None:
    if op.body_validator is None:
        return
    errors = schema_errors(op.body_validator, body, drop_limits=drop_limits, drop_maximum=drop_maximum)
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


def _param_status(op: Operation, location: str) -> int:
    """The status of a refused parameter: the one the operation documents; a path value it
    refuses without documenting 400 or 422 names no resource: 404."""
    status = op.status_for_param_error(location)
    if location == "path" and str(status) not in op.statuses and "404" in op.statuses:
        return 404
    return status


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
                    _param_status(op, param.location),
                    error("10004", f"{param.name} is required", parameter=param.name),
                )
            continue
        value = _coerce(raw, param.schema)
        if _too_large(value):
            status = _param_status(op, param.location)
            detail = f"{param.name} must be a number a double can hold (at most about 1.8e308)"
            raise fail(status, "10033", detail, parameter=param.name)
        errors = schema_errors(param.validator, value, parameter=param.name)
        if errors:
            status = _param_status(op, param.location)
            if status == 404:  # no resource has such an id (the detail says why)
                errors = [error("10005", e.get("detail"), parameter=param.name) for e in errors]
            raise TelnyxError(status, errors)
        values[param.name] = value
    return values
