"""Each fact of the seed documents is in the specs: one test per fact.

The table is `seed_facts.py`. A fact removed from a spec (a command, a field, a default,
an enum value, a limit, a status code, an example) makes its test fail.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from tests import specdoc as sd
from tests.spec import seed_facts as seed


@dataclass(frozen=True)
class Fact:
    id: str
    check: Callable[[], None]


FACTS: list[Fact] = []


def fact(fact_id: str) -> Callable[[Callable[[], None]], Callable[[], None]]:
    def register(check: Callable[[], None]) -> Callable[[], None]:
        FACTS.append(Fact(fact_id, check))
        return check

    return register


def example_of(schema: dict[str, Any]) -> Any:
    if "example" in schema:
        return schema["example"]
    return (schema.get("examples") or [None])[0]


def check_attribute(schema: dict[str, Any], key: str, expected: Any, *, required: bool | None = None) -> None:
    """Compare one seed attribute (type, format, default, enum, limit, ...) with a schema."""
    if key == "type":
        assert expected in sd.types_of(schema), f"type {schema.get('type')!r}, seed says {expected!r}"
    elif key == "format":
        assert schema.get("format") == expected or (
            expected == "int64" and "pattern" in schema and "[0-9]" in schema["pattern"]
        ), f"format {schema.get('format')!r}, seed says {expected!r}"
    elif key == "enum":
        missing = [v for v in expected if v not in schema.get("enum", [])]
        assert not missing, f"enum lacks the seed's {missing}"
    elif key == "example":
        assert example_of(schema) == expected, f"example {example_of(schema)!r}, seed says {expected!r}"
    elif key == "default":
        assert "default" in schema, "no default"
        assert schema["default"] == expected and type(schema["default"]) is type(expected)
    elif key == "description":
        assert sd.normalize(str(expected)) in sd.normalize(schema.get("description")), "description differs"
    elif key == "also_describes":
        for text in expected:
            assert sd.normalize(text) in sd.normalize(schema.get("description")), f"does not say {text!r}"
    elif key in ("minimum", "maximum", "minLength"):
        assert schema.get(key) == expected, f"{key} {schema.get(key)!r}, seed says {expected!r}"
    elif key == "required":
        assert required == expected, f"required is {required}, seed says {expected}"
    else:  # pragma: no cover - a typo in the table
        raise AssertionError(f"unknown attribute {key!r}")


# --- V1 -------------------------------------------------------------------------------


@fact("v1/server")
def _() -> None:
    assert [s["url"] for s in sd.SPECS.load(sd.V1)["servers"]] == [seed.V1_SERVER]


@fact("v1/auth is HTTP Basic key:secret on every operation")
def _() -> None:
    doc = sd.SPECS.load(sd.V1)
    [(name, _scopes)] = doc["security"][0].items()
    scheme = doc["components"]["securitySchemes"][name]
    assert (scheme["type"], scheme["scheme"]) == ("http", seed.V1_AUTH)
    for op in sd.operations(sd.V1):
        assert "security" not in op.node, f"{op.operation_id} overrides the Basic auth"


for _name, (_method, _path) in seed.V1_COMMANDS.items():

    @fact(f"v1/{_name}/operation")
    def _(name: str = _name, method: str = _method, path: str = _path) -> None:
        op = sd.operation(sd.V1, method, path)
        assert sd.normalize(op.node["summary"]).lower() == name.lower()

    @fact(f"v1/{_name}/expected webhooks")
    def _(name: str = _name, method: str = _method, path: str = _path) -> None:
        op = sd.operation(sd.V1, method, path)
        assert "x-webhooks" in op.node, "no x-webhooks: a command must say which webhooks it produces"
        steps = [{"leg": "self", **s} if "leg" in s else dict(s) for s in op.node["x-webhooks"]]
        expected = [{"leg": "self", **s} if "leg" in s else dict(s) for s in seed.V1_EXPECTED_WEBHOOKS[name]]
        assert steps == expected

    if _path != "/calls":

        @fact(f"v1/{_name}/call_control_id path parameter")
        def _(method: str = _method, path: str = _path) -> None:
            param = sd.parameter(sd.operation(sd.V1, method, path), "call_control_id")
            assert param["in"] == "path" and param["required"] is True
            assert sd.types_of(dict(sd.resolved(param["schema"], sd.V1))) == {"string"}

    for _status, (_message, _description) in seed.V1_STATUSES.items():

        @fact(f"v1/{_name}/{_status} {_message}")
        def _(
            method: str = _method,
            path: str = _path,
            status: str = _status,
            message: str = _message,
            description: str = _description,
        ) -> None:
            op = sd.operation(sd.V1, method, path)
            assert status in op.node["responses"], f"{status} is not a documented response"
            text = sd.normalize(sd.response(op, status)["description"])
            assert text.startswith(f"{message}: "), f"{status} is not described as {message!r}: {text!r}"
            assert sd.normalize(description) in text


@fact("v1/exactly the seed's 16 commands")
def _() -> None:
    ops = {(op.method, op.path) for op in sd.operations(sd.V1)}
    assert ops == set(seed.V1_COMMANDS.values())


@fact("v1/the curl example's call_control_id is a valid path parameter")
def _() -> None:
    op = sd.operation(sd.V1, "post", "/calls/{call_control_id}/actions/answer")
    schema_pointer = None
    for i, raw in enumerate(op.path_item.get("parameters", [])):
        if sd.resolved(raw, sd.V1)["name"] == "call_control_id":
            schema_pointer = f"/paths/{sd.escape(op.path)}/parameters/{i}"
    assert schema_pointer is not None
    param = sd.parameter(op, "call_control_id")
    schema = dict(sd.resolved(param["schema"], sd.V1))
    import jsonschema

    jsonschema.validate(seed.V1_EXAMPLE_CALL_CONTROL_ID, schema)


for _seed_name, _event in seed.V1_SEED_WEBHOOK_NAMES.items():

    @fact(f"v1/webhook {_seed_name} in both envelopes")
    def _(event: str = _event) -> None:
        envelopes = {
            op.node["x-envelope"] for op in sd.operations(sd.V1, "webhooks") if op.node.get("x-event") == event
        }
        assert envelopes == {"1", "2"}


# --- V2 -------------------------------------------------------------------------------


@fact("v2/server")
def _() -> None:
    assert [s["url"] for s in sd.SPECS.load(sd.V2)["servers"]] == [seed.V2_SERVER]


@fact("v2/auth is Bearer on every operation")
def _() -> None:
    doc = sd.SPECS.load(sd.V2)
    [(name, _scopes)] = doc["security"][0].items()
    scheme = doc["components"]["securitySchemes"][name]
    assert (scheme["type"], scheme["scheme"]) == ("http", seed.V2_AUTH)
    for op in sd.operations(sd.V2):
        assert "security" not in op.node


for _op_id, (_method, _path, _summary, _description, _statuses) in seed.V2_OPERATIONS.items():

    @fact(f"v2/{_op_id}/operation")
    def _(
        op_id: str = _op_id,
        method: str = _method,
        path: str = _path,
        summary: str = _summary,
        description: str = _description,
    ) -> None:
        op = sd.operation(sd.V2, method, path)
        assert op.operation_id == op_id
        assert op.node["summary"] == summary
        assert sd.normalize(description) in sd.normalize(op.node["description"])

    for _status, _text in _statuses.items():

        @fact(f"v2/{_op_id}/{_status}")
        def _(method: str = _method, path: str = _path, status: str = _status, text: str = _text) -> None:
            op = sd.operation(sd.V2, method, path)
            assert status in op.node["responses"], f"{status} is not a documented response"
            assert sd.normalize(sd.response(op, status)["description"]).startswith(text)

    if _path == seed.V2_ITEM_PATH:
        for _key, _value in seed.V2_ID_PARAMETER.items():

            @fact(f"v2/{_op_id}/id/{_key}")
            def _(method: str = _method, path: str = _path, key: str = _key, value: Any = _value) -> None:
                param = sd.parameter(sd.operation(sd.V2, method, path), "id")
                assert param["in"] == "path"
                schema = dict(sd.resolved(param["schema"], sd.V2))
                if key == "required":
                    assert param["required"] is value
                elif key in ("description", "example"):
                    check_attribute(param, key, value)
                else:
                    check_attribute(schema, key, value)

    # The success response example of every operation is the seed's.
    _success = next(s for s in _statuses if s.startswith("2"))

    @fact(f"v2/{_op_id}/{_success} example")
    def _(method: str = _method, path: str = _path, status: str = _success) -> None:
        op = sd.operation(sd.V2, method, path)
        [example] = sd.media_examples(sd.response(op, status)["content"]["application/json"], sd.V2)
        if method == "get" and path == seed.V2_PATH:
            assert example == {"data": [seed.V2_APPLICATION_EXAMPLE], "meta": seed.V2_LIST_META_EXAMPLE}
        else:
            assert example == {"data": seed.V2_APPLICATION_EXAMPLE}

    # Every key of the success response object is a property of the response schema.
    for _field, _value in seed.V2_APPLICATION_EXAMPLE.items():

        @fact(f"v2/{_op_id}/response field {_field}")
        def _(
            method: str = _method, path: str = _path, status: str = _success, field: str = _field, value: Any = _value
        ) -> None:
            op = sd.operation(sd.V2, method, path)
            data = sd.prop(sd.response_schema(op, status), "data", sd.V2)
            item = dict(sd.resolved(data["items"], sd.V2)) if "items" in data else data
            schema = sd.prop(item, field, sd.V2)
            if isinstance(value, dict):
                assert set(value) <= set(schema["properties"]), "nested fields missing"


for _param, _attrs in seed.V2_LIST_PARAMETERS.items():
    for _key, _value in _attrs.items():

        @fact(f"v2/list/{_param}/{_key}")
        def _(param_name: str = _param, key: str = _key, value: Any = _value) -> None:
            param = sd.parameter(sd.operation(sd.V2, "get", seed.V2_PATH), param_name)
            assert param["in"] == "query" and not param.get("required", False)
            schema = dict(sd.resolved(param["schema"], sd.V2))
            target = param if key in ("description", "also_describes", "example") else schema
            if key == "example" and "example" not in param:
                target = schema
            check_attribute(target, key, value)


@fact("v2/list/meta fields")
def _() -> None:
    op = sd.operation(sd.V2, "get", seed.V2_PATH)
    meta = sd.prop(sd.response_schema(op, "200"), "meta", sd.V2)
    assert set(seed.V2_LIST_META_EXAMPLE) <= set(meta.get("required", []))
    for name in seed.V2_LIST_META_EXAMPLE:
        assert sd.types_of(sd.prop(meta, name, sd.V2)) == {"integer"}


for _op_id, _method, _path in (
    ("create", "post", seed.V2_PATH),
    ("update", "patch", seed.V2_ITEM_PATH),
):

    @fact(f"v2/{_op_id}/request example")
    def _(method: str = _method, path: str = _path) -> None:
        op = sd.operation(sd.V2, method, path)
        body = sd.resolved(op.node["requestBody"], sd.V2)
        assert body["required"] is True
        assert sd.media_examples(body["content"]["application/json"], sd.V2) == [seed.V2_REQUEST_EXAMPLE]

    for _field, _attrs in seed.V2_BODY_FIELDS.items():
        for _key, _value in _attrs.items():

            @fact(f"v2/{_op_id}/body {_field}/{_key}")
            def _(
                method: str = _method, path: str = _path, field: str = _field, key: str = _key, value: Any = _value
            ) -> None:
                schema = sd.request_schema(sd.operation(sd.V2, method, path))
                prop = sd.prop(schema, field, sd.V2)
                check_attribute(prop, key, value, required=field in schema.get("required", []))


@pytest.mark.parametrize("seed_fact", FACTS, ids=[f.id for f in FACTS])
def test_seed_fact(seed_fact: Fact) -> None:
    seed_fact.check()


def test_the_table_covers_both_seeds() -> None:
    """Guards against a table that silently shrinks: the counts are the seeds' own."""
    assert len(seed.V1_COMMANDS) == 16
    assert len(seed.V1_SEED_WEBHOOK_NAMES) == 11
    assert sum(len(v[4]) for v in seed.V2_OPERATIONS.values()) == 18
    assert len(seed.V2_BODY_FIELDS) == 12
    assert len(seed.V2_LIST_PARAMETERS) == 5
    assert len(FACTS) > 300


def _delete(doc: Any, pointer: str) -> None:
    *parents, last = [sd.unescape(t) for t in pointer.strip("/").split("/")]
    node = doc
    for token in parents:
        node = node[int(token)] if isinstance(node, list) else node[token]
    if isinstance(node, list):
        node.remove(last) if last in node else node.pop(int(last))
    else:
        del node[last]


MUTATIONS = [
    (sd.V1, "/paths/~1calls~1{call_control_id}~1actions~1send_dtmf"),
    (sd.V1, "/paths/~1calls~1{call_control_id}~1actions~1reject/post/responses/403"),
    (sd.V1, "/paths/~1calls~1{call_control_id}~1actions~1hangup/post/x-webhooks/1"),
    (sd.V1, "/paths/~1calls~1{call_control_id}~1actions~1fork_start/post/x-webhooks"),
    (sd.V1, "/webhooks/recording_saved"),
    (sd.V2, "/components/parameters/PageSize/schema/maximum"),
    (sd.V2, "/components/parameters/FilterApplicationNameContains/schema/default"),
    (sd.V2, "/components/schemas/DtmfType/enum/SIP INFO"),
    (sd.V2, "/components/schemas/AnchorsiteOverride/example"),
    (sd.V2, "/components/schemas/CreateCallControlApplicationRequest/required/webhook_event_url"),
    (sd.V2, "/components/schemas/WebhookTimeoutSecs/maximum"),
    (sd.V2, "/paths/~1call_control_applications~1{id}/delete/responses/422"),
    (sd.V2, "/components/examples/ApplicationList/value/meta/total_results"),
    (sd.V2, "/components/schemas/CallControlApplicationInbound/properties/sip_subdomain_receive_settings"),
]


@pytest.mark.parametrize(("spec", "pointer"), MUTATIONS, ids=[f"{s.stem}{p}" for s, p in MUTATIONS])
def test_a_fact_removed_from_a_spec_fails(spec: Any, pointer: str, monkeypatch: pytest.MonkeyPatch) -> None:
    import copy

    mutated = sd.SpecSet()
    for path in (*sd.MAIN_SPECS, sd.COMMON):
        mutated.docs[path.resolve()] = copy.deepcopy(sd.SPECS.load(path))
    _delete(mutated.docs[spec.resolve()], pointer)
    monkeypatch.setattr(sd, "SPECS", mutated)
    failed = []
    for f in FACTS:
        try:
            f.check()
        except (AssertionError, KeyError, ValueError, StopIteration):
            failed.append(f.id)
    assert failed, f"removing {pointer} from {spec.name} broke no seed fact"
