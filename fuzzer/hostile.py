"""The hostile-input phase: inputs that break servers, in every field of every operation of a spec.

For every string, number, array and object of every operation's body, query and path (found in
the spec's schemas; nothing here knows one API from another) it sends:

- strings: a lone UTF-16 surrogate (`"\\ud800"` escaped in JSON), NUL, overlong UTF-8 bytes, and
  a 1 MB string (8 KB in a query or a path: a URL that long is a protocol error, not a value);
- numbers: integers far past any bound (10^400, -10^400, 2^64), `1e400`, `-0`, and NaN-like
  strings (`"NaN"`, `"Infinity"`);
- arrays and objects: nesting 500, 950 and 1,000 deep (an extra key of an object), and
  duplicate keys;
- numeric query parameters: non-ASCII digits (ARABIC-INDIC DIGIT ONE), `1_0`, ` 1`, `1e400`,
  `0x10`, `NaN`.

Each answer is judged by fuzzer.checks: no 5xx (`hostile_no_server_error`), a status the
operation documents (`hostile_documented_status`), and a 4xx for what no server may accept
(`hostile_input_rejected`: unencodable text, invalid UTF-8, a number past any bound, a value the
schema forbids). After the inputs of each field, the operation's valid request (the spec's
example, or a value built from the schema) is sent again: it must be answered as before the
hostile inputs (`hostile_server_still_works`; a 4xx where it was 2xx is
`hostile_capacity_released`: failed requests left something behind).

The values a valid request needs that a spec cannot give (an existing resource's id, an
application to dial through) come from the `Context`: named values, and how to release what a
request created. Without one, a path parameter is filled by the spec's create operation
(`POST /things` for `/things/{id}`) and released by its `DELETE`.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

from fuzzer import checks
from fuzzer.checks import Failure
from fuzzer.progress import Progress
from fuzzer.spec import Node, Operation, SpecIndex
from specmodel import Parameter

MB = 1_000_000
URL_STRING = 8_192
DEPTHS = (500, 950, 1000)
FAR = 10**400
_MARK = "\x00hostile-raw\x00"
ITEM = "[]"  # a body pointer's token for an array's first item


@dataclass(frozen=True)
class Hostile:
    """One hostile input: a JSON value, or raw JSON text / URL text where JSON cannot say it."""

    name: str
    value: Any = None
    raw: bytes | None = None  # raw JSON text (body) spliced in place of the value
    url: str | None = None  # percent-encoded text (query, path)
    must_reject: str | None = None  # why no server may accept it (None: the schema decides)
    stand_in: Any = None  # a small value of the same shape, to ask the schema about a raw one


def _nested(kind: str, depth: int) -> bytes:
    return (b"[" * depth + b"]" * depth) if kind == "array" else (b'{"a":' * depth + b"1" + b"}" * depth)


def string_inputs(in_url: bool) -> list[Hostile]:
    size = URL_STRING if in_url else MB
    if in_url:
        return [
            Hostile("lone surrogate", url="%ED%A0%80", must_reject="a lone surrogate is not Unicode text"),
            Hostile("NUL", url="a%00b", stand_in="a\x00b"),
            Hostile("overlong UTF-8", url="%C0%AF", must_reject="overlong UTF-8 is not UTF-8"),
            Hostile(f"{size // 1024} KB string", url="a" * size, stand_in="a" * size),
        ]
    return [
        Hostile("lone surrogate", "\ud800", must_reject="a lone surrogate is not Unicode text"),
        Hostile("NUL", "a\x00b"),
        Hostile("overlong UTF-8", raw=b'"\xc0\xaf"', must_reject="overlong UTF-8 is not UTF-8"),
        Hostile("1 MB string", "a" * size),
    ]


def number_inputs(integer: bool) -> list[Hostile]:
    far = "a number far past any bound"
    items = [
        Hostile("10^400", FAR, must_reject=far),
        Hostile("-10^400", -FAR, must_reject=far),
        Hostile("2^64", 2**64),
        Hostile("1e400", raw=b"1e400", must_reject=far + " (not finite as a double)", stand_in=FAR),
        Hostile("-0", raw=b"-0", stand_in=0),
        Hostile("NaN string", "NaN"),
        Hostile("Infinity string", "Infinity"),
    ]
    if not integer:
        items.append(Hostile("1e-400", raw=b"1e-400", stand_in=0.0))
    return items


def query_number_inputs() -> list[Hostile]:
    digits = "not an ASCII decimal number"
    return [
        Hostile("non-ASCII digit", url=quote("\u0661"), must_reject=digits),
        Hostile("1_0", url="1_0", must_reject=digits),
        Hostile("leading space", url="%201", must_reject=digits),
        Hostile("0x10", url="0x10", must_reject=digits),
        Hostile("1e400", url="1e400", must_reject=digits),
        Hostile("NaN", url="NaN", must_reject=digits),
        Hostile("10^400", url="1" + "0" * 400, must_reject="a number far past any bound"),
        Hostile("-0", url="-0", stand_in=0),
    ]


def container_inputs(kind: str) -> list[Hostile]:
    items = []
    for depth in DEPTHS:
        stand_in: Any = [[]] if kind == "array" else {"a": {"a": 1}}
        items.append(Hostile(f"nesting {depth}", raw=_nested(kind, depth), stand_in=stand_in))
    return items


# ---------------------------------------------------------------------------------------------
# Targets: where in a request an input goes


@dataclass(frozen=True)
class Target:
    location: str  # body, query, path
    pointer: tuple[str, ...]  # body: the property path; query/path: (name,)
    kind: str  # string, integer, number, array, object
    schema: Node

    def describe(self) -> str:
        if self.location == "body":
            return "body /" + "/".join(self.pointer)
        return f"{self.location} {self.pointer[0]}"


def _kind(schema: Any) -> str | None:
    if not isinstance(schema, dict):
        return None
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), None)
    if kind is None and "properties" in schema:
        kind = "object"
    return kind if kind in ("string", "integer", "number", "array", "object", "boolean") else None


def _parts(node: Node, key: str) -> list[Node]:
    holder = node.get(key)
    return [holder.child(i) for i in range(len(holder.value))] if holder and isinstance(holder.value, list) else []


def body_targets(index: SpecIndex, schema: Node, depth: int = 0) -> Iterator[Target]:
    schema = index.spec.resolve(schema)
    if not isinstance(schema.value, dict):
        return
    for key in ("allOf", "anyOf", "oneOf"):
        for part in _parts(schema, key):
            yield from body_targets(index, part, depth)
    kind = _kind(schema.value)
    if kind and kind != "boolean":
        yield Target("body", (), kind, schema)
    if depth >= 3:
        return
    properties = schema.get("properties")
    for name, sub in properties.items() if properties is not None else ():
        for target in body_targets(index, sub, depth + 1):
            yield Target("body", (name, *target.pointer), target.kind, target.schema)
    items = schema.get("items")
    if kind == "array" and items is not None:
        for target in body_targets(index, items, depth + 1):
            yield Target("body", (ITEM, *target.pointer), target.kind, target.schema)


def targets(index: SpecIndex, op: Operation) -> list[Target]:
    found: dict[tuple[str, tuple[str, ...]], Target] = {}
    if op.body_schema is not None:
        for target in body_targets(index, op.body_schema):
            found.setdefault((target.location, target.pointer), target)
    for param in op.parameters:
        if param.location in ("query", "path") and param.schema is not None:
            schema = index.spec.resolve(param.schema)
            kind = _kind(schema.value) or "string"
            if kind in ("string", "integer", "number"):
                found.setdefault((param.location, (param.name,)), Target(param.location, (param.name,), kind, schema))
    return list(found.values())


def inputs_for(target: Target) -> list[Hostile]:
    if target.location == "body":
        if target.kind == "string":
            return string_inputs(False)
        if target.kind in ("integer", "number"):
            return number_inputs(target.kind == "integer")
        if target.kind == "object":
            return [*container_inputs("object"), Hostile("duplicate keys")]
        return container_inputs("array")
    if target.kind in ("integer", "number"):
        return query_number_inputs() if target.location == "query" else string_inputs(True)[:3]
    return string_inputs(True)


# ---------------------------------------------------------------------------------------------
# Valid requests, built from the spec's examples and schemas


def example_of(index: SpecIndex, node: Node | None, depth: int = 0) -> Any:
    """A valid value from the schema: its example, default, first enum value, or built from required fields."""
    if node is None or depth > 8:
        return None
    node = index.spec.resolve(node)
    schema = node.value
    if not isinstance(schema, dict):
        return None
    for key in ("example", "default", "const"):
        if key in schema and schema[key] is not None:
            return copy.deepcopy(schema[key])
    if schema.get("examples"):
        return copy.deepcopy(schema["examples"][0])
    if schema.get("enum"):
        return schema["enum"][0]
    for key in ("allOf", "oneOf", "anyOf"):
        if schema.get(key):
            merged: dict[str, Any] = {}
            parts = _parts(node, key)
            for part in parts if key == "allOf" else parts[:1]:
                value = example_of(index, part, depth + 1)
                if isinstance(value, dict):
                    merged.update(value)
                elif value is not None:
                    return value
            return merged
    kind = _kind(schema)
    if kind == "object":
        props = index.spec.properties(node)
        return {name: example_of(index, props[name], depth + 1) for name in index.spec.required(node) if name in props}
    if kind == "array":
        return [example_of(index, node.get("items"), depth + 1)] * int(schema.get("minItems") or 0)
    if kind in ("integer", "number"):
        return schema.get("minimum", 1)
    if kind == "string":
        return "a" * int(schema.get("minLength") or 1)
    if kind == "boolean":
        return True
    return None


# ---------------------------------------------------------------------------------------------
# The phase


@dataclass
class Context:
    """What a valid request needs beyond the spec: named values (fresh per request) and releasing."""

    headers_for: Callable[[Operation], dict[str, str]] = lambda op: {}
    values: dict[str, Callable[[], Any]] = field(default_factory=dict)
    # releases what a 2xx created; False: not handled (the spec's DELETE is used)
    release: Callable[[Operation, httpx.Response], bool] = lambda op, response: False
    after_request: Callable[[], None] = lambda: None  # e.g. release what `values` made
    timeout: float = 10.0


@dataclass
class Sent:
    status: int | None
    text: str
    response: httpx.Response | None = None


@dataclass
class HostilePhase:
    index: SpecIndex
    base_url: str
    context: Context = field(default_factory=Context)
    operations: list[Operation] | None = None
    progress: Progress | None = None
    failures: list[Failure] = field(default_factory=list)
    cases: dict[str, int] = field(default_factory=dict)  # check -> cases judged

    def __post_init__(self) -> None:
        self.client = httpx.Client(base_url=self.base_url.rstrip("/"), timeout=self.context.timeout)

    # -- requests -------------------------------------------------------------------------------

    def send(self, op: Operation, path: str, query: str, body: bytes | None) -> Sent:
        headers = {**self.context.headers_for(op)}
        if body is not None:
            headers["content-type"] = "application/json"
        url = path + (f"?{query}" if query else "")
        for attempt in (1, 2):
            try:
                response = self.client.request(op.method.upper(), url, content=body, headers=headers)
            except httpx.TimeoutException:
                return Sent(None, f"no answer within {self.context.timeout:g} s")
            except (httpx.RemoteProtocolError, httpx.ReadError, httpx.WriteError) as exc:
                if attempt == 1:  # a kept-alive connection the server had closed: once more, on a new one
                    continue
                return Sent(None, f"{type(exc).__name__}: {exc}")
            except httpx.HTTPError as exc:
                return Sent(None, f"{type(exc).__name__}: {exc}")
            return Sent(response.status_code, response.text[:400], response)
        raise AssertionError("unreachable")

    def _path_value(self, op: Operation, param: Parameter, made: list[tuple[Operation, httpx.Response]]) -> Any:
        if param.name in self.context.values:
            return self.context.values[param.name]()
        creator = self._creator(op, param)
        if creator is not None:
            sent = self.send(creator, creator.full_path, "", self._body_bytes(creator, self._valid_body(creator)))
            if sent.response is not None and sent.status is not None and 200 <= sent.status < 300:
                made.append((creator, sent.response))
                found = _id_in(sent.response, param.name)
                if found is not None:
                    return found
        return example_of(self.index, param.schema) or "1"

    def _creator(self, op: Operation, param: Parameter) -> Operation | None:
        head = op.path.split("/{" + param.name + "}")[0]
        return next(
            (o for o in self._ops() if o.method == "post" and o.path == head and o.spec == op.spec and o is not op),
            None,
        )

    def _deleter(self, creator: Operation) -> Operation | None:
        return next(
            (
                o
                for o in self._ops()
                if o.method == "delete" and o.spec == creator.spec and o.path.startswith(creator.path + "/{")
            ),
            None,
        )

    def _release(self, op: Operation, response: httpx.Response) -> None:
        if self.context.release(op, response):
            return
        deleter = self._deleter(op)
        if deleter is None or not deleter.parameters:
            return
        name = next(p.name for p in deleter.parameters if p.location == "path")
        found = _id_in(response, name)
        if found is not None:
            path = deleter.full_path.replace("{" + name + "}", quote(str(found), safe=""))
            self.send(deleter, path, "", None)

    def _valid_body(self, op: Operation) -> Any:
        if op.body_schema is None:
            return None
        body = copy.deepcopy(self.index.body_example(op))
        if body is None:
            body = example_of(self.index, op.body_schema)
        if isinstance(body, dict):
            for name in list(body) + [n for n in self.context.values if n not in body]:
                if name in self.context.values and (name in body or name in _properties(self.index, op)):
                    body[name] = self.context.values[name]()
        return body

    @staticmethod
    def _body_bytes(op: Operation, body: Any) -> bytes | None:
        return None if body is None and not op.body_required else json.dumps(body if body is not None else {}).encode()

    def _ops(self) -> list[Operation]:
        return self.operations if self.operations is not None else self.index.all_operations

    # -- one request ----------------------------------------------------------------------------

    def request(self, op: Operation, target: Target | None, hostile: Hostile | None) -> Sent:
        """The valid request, with the hostile input at the target (if any); what it made is released."""
        made: list[tuple[Operation, httpx.Response]] = []
        path = op.full_path
        query_parts = []
        for param in op.parameters:
            planted = target is not None and target.location == param.location and target.pointer == (param.name,)
            if param.location == "path":
                if planted and hostile is not None:
                    text = hostile.url if hostile.url is not None else quote(str(hostile.value), safe="")
                else:
                    text = quote(str(self._path_value(op, param, made)), safe="")
                path = path.replace("{" + param.name + "}", text)
            elif param.location == "query" and planted and hostile is not None:
                query_parts.append(f"{quote(param.name, safe='')}={hostile.url}")
            elif param.location == "query" and param.required:
                value = example_of(self.index, param.schema)
                query_parts.append(f"{quote(param.name, safe='')}={quote(str(value), safe='')}")
        body = self._valid_body(op)
        raw = self._body_bytes(op, body)
        if target is not None and target.location == "body" and hostile is not None:
            raw = plant(body if body is not None else {}, target, hostile)
        sent = self.send(op, path, "&".join(query_parts), raw)
        if sent.response is not None and sent.status is not None and 200 <= sent.status < 300:
            made.append((op, sent.response))
        for creator, response in reversed(made):
            self._release(creator, response)
        self.context.after_request()
        return sent

    # -- the phase ------------------------------------------------------------------------------

    def must_reject(self, op: Operation, target: Target, hostile: Hostile) -> str | None:
        if hostile.must_reject:
            return hostile.must_reject
        if hostile.name == "duplicate keys":
            return None
        value = hostile.stand_in if hostile.raw is not None or hostile.url is not None else hostile.value
        if value is None:
            return None
        if target.location == "body" and target.kind == "object" and hostile.name.startswith("nesting"):
            if isinstance(target.schema.value, dict) and target.schema.value.get("additionalProperties") is False:
                return "the schema allows no extra key here"
            return None
        try:
            errors = list(self.index.spec.validator(target.schema).iter_errors(value))
        except Exception:
            return None
        return f"the schema forbids it: {errors[0].message[:120]}" if errors else None

    def judge(self, op: Operation, target: Target, hostile: Hostile, sent: Sent) -> None:
        found = checks.check_hostile_response(
            self.index.name_of(op),
            target.describe(),
            hostile.name,
            sent.status,
            sent.text,
            sorted(op.statuses),
            self.must_reject(op, target, hostile),
        )
        for name in ("hostile_no_server_error", "hostile_documented_status", "hostile_input_rejected"):
            self.cases[name] = self.cases.get(name, 0) + 1
        self.failures += found
        if self.progress is not None:
            self.progress.update(cases=1, failures=len(found))

    def run_operation(self, op: Operation) -> None:
        before = self.request(op, None, None)
        if before.status is None or before.status >= 500:
            self.failures.append(
                checks.ServerBrokenFailure(
                    self.index.name_of(op), "nothing hostile yet", 200, before.status, before.text
                )
            )
            return
        for target in targets(self.index, op):
            sent_names = []
            for hostile in inputs_for(target):
                if target.location == "body" and op.body_schema is None:
                    continue
                sent = self.request(op, target, hostile)
                self.judge(op, target, hostile, sent)
                sent_names.append(hostile.name)
            if not sent_names:
                continue
            after = self.request(op, None, None)
            self.cases["hostile_server_still_works"] = self.cases.get("hostile_server_still_works", 0) + 1
            self.cases["hostile_capacity_released"] = self.cases.get("hostile_capacity_released", 0) + 1
            failure = checks.check_follow_up(
                self.index.name_of(op),
                f"{', '.join(sent_names)} in {target.describe()}",
                before.status,
                after.status,
                after.text,
            )
            if failure is not None:
                self.failures.append(failure)
                if self.progress is not None:
                    self.progress.update(failures=1)
                return  # the operation is broken: more inputs would only repeat it

    def run(self) -> list[Failure]:
        operations = [op for op in self._ops() if op.method in ("get", "post", "put", "patch", "delete")]
        if self.progress is not None:
            self.progress.operations = len(operations)
        for done, op in enumerate(operations, 1):
            self.run_operation(op)
            if self.progress is not None:
                self.progress.update(operations=done, force=done == len(operations))
        return self.failures

    def close(self) -> None:
        self.client.close()


def plant(body: Any, target: Target, hostile: Hostile) -> bytes:
    """The body as JSON bytes with the hostile input at the target."""
    mark = json.dumps(_MARK).encode()
    if target.kind == "object" and (hostile.name == "duplicate keys" or hostile.raw is not None):
        found = _get(body, target.pointer)
        holder = dict(found) if isinstance(found, dict) else {}
        if hostile.name == "duplicate keys":  # the first key again, its second value a surrogate string
            properties = target.schema.value.get("properties") if isinstance(target.schema.value, dict) else None
            key = next(iter(holder), None) or next(iter(properties or {"hostile": 0}))
            holder.setdefault(key, 1)
            holder["__dup__"] = _MARK
            raw = json.dumps(_set(body, target.pointer, holder)).encode()
            return raw.replace(b'"__dup__": ' + mark, json.dumps(key).encode() + b': "\\ud800"')
        holder["hostile_nesting"] = _MARK  # an extra key holding the nesting
        assert hostile.raw is not None
        return json.dumps(_set(body, target.pointer, holder)).encode().replace(mark, hostile.raw)
    value = _MARK if hostile.raw is not None else hostile.value
    raw = json.dumps(_set(body, target.pointer, value)).encode()
    return raw.replace(mark, hostile.raw) if hostile.raw is not None else raw


def _get(node: Any, pointer: tuple[str, ...]) -> Any:
    for token in pointer:
        if token == ITEM:
            node = node[0] if isinstance(node, list) and node else None
        else:
            node = node.get(token) if isinstance(node, dict) else None
    return node


def _set(node: Any, pointer: tuple[str, ...], value: Any) -> Any:
    """A copy of `node` with `value` at `pointer`, the objects and arrays on the way made to exist."""
    if not pointer:
        return value
    token, rest = pointer[0], pointer[1:]
    if token == ITEM:
        items = list(node) if isinstance(node, list) else []
        return [_set(items[0] if items else None, rest, value), *items[1:]]
    holder = dict(node) if isinstance(node, dict) else {}
    holder[token] = _set(holder.get(token), rest, value)
    return holder


def _properties(index: SpecIndex, op: Operation) -> set[str]:
    return set(index.spec.properties(op.body_schema)) if op.body_schema is not None else set()


def _id_in(response: httpx.Response, name: str) -> Any:
    try:
        document = response.json()
    except ValueError:
        return None
    for node in (document.get("data") if isinstance(document, dict) else None, document):
        if isinstance(node, dict):
            for key in (name, "id"):
                if node.get(key) is not None:
                    return node[key]
    return None
