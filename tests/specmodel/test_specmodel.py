"""The spec package: loading, typed views, and one clear error per malformed extension."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from specmodel import (
    HTTP_METHODS,
    SpecError,
    default_spec,
    load_spec,
    matches,
    slots_for,
)
from specmodel.extensions import WebhookStep

BASE = {
    "openapi": "3.1.0",
    "info": {"title": "t", "version": "1"},
    "servers": [{"url": "https://api.example.com/v9"}],
}


def write(tmp_path: Path, name: str, doc: dict) -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def op_doc(**extensions: object) -> dict:
    return {
        **BASE,
        "paths": {
            "/things/{id}/actions/go": {
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}],
                "post": {
                    "operationId": "go",
                    "responses": {"200": {"description": "ok"}},
                    **extensions,
                },
            }
        },
    }


# -- the project's own specs ------------------------------------------------------------------


def test_project_specs_load_with_every_operation_and_webhook() -> None:
    spec = default_spec()
    ids = {op.operation_id for op in spec.operations}
    assert {"callDial", "listCallControlApplications"} <= ids
    dial = spec.operation("callDial")
    assert dial.full_path == "/calls" and dial.method == "post"
    assert dial.idempotency_field == "command_id"
    assert dial.webhooks is not None and dial.webhooks[0].events == ("call.initiated",)
    assert dial.webhooks[1].one_of and set(dial.webhooks[1].events) == {"call.answered", "call.hangup"}
    listing = spec.operation("listCallControlApplications")
    assert listing.full_path == "/v2/call_control_applications"
    assert listing.pagination is not None and listing.pagination.page_parameter == "page[number]"
    assert listing.security[0][0].scheme == "bearer"
    assert dial.security[0][0].credential_names == ("v1_key", "v1_secret")


def test_webhook_entries_are_found_through_their_event_type_pointers() -> None:
    spec = default_spec()
    v1 = spec.webhook("call.answered", "1")
    v2 = spec.webhook("call.answered", "2")
    assert spec.webhook_for_body({"event_type": v1.event_type, "payload": {}}) is v1
    assert spec.webhook_for_body({"data": {"event_type": v2.event_type}}) is v2
    assert spec.webhook_for_body({"data": {"event_type": "no.such.event"}}) is None
    assert spec.webhook_for_body(["not", "an", "object"]) is None


def test_the_signature_message_follows_the_template() -> None:
    signature = default_spec().signature
    assert signature is not None
    assert signature.message_for("1700000000", b'{"a":1}') == b'1700000000|{"a":1}'


def test_validators_resolve_refs_across_files() -> None:
    spec = default_spec()
    entry = spec.webhook("call.answered", "2")
    assert entry.body_schema is not None
    validator = spec.validator(entry.body_schema)
    assert list(validator.iter_errors({"data": {}}))  # common.yaml pieces are reachable
    assert any("'data' is a required property" in e.message for e in validator.iter_errors({}))


# -- generic documents ------------------------------------------------------------------------


def test_every_http_method_is_an_operation(tmp_path: Path) -> None:
    paths = {"/x": {m: {"operationId": m, "responses": {"200": {"description": "ok"}}} for m in HTTP_METHODS}}
    spec = load_spec(write(tmp_path, "a.yaml", {**BASE, "paths": paths}))
    assert sorted(op.method for op in spec.operations) == sorted(HTTP_METHODS)
    assert {"head", "options", "trace"} <= {op.method for op in spec.operations}


def test_operation_servers_override_the_documents(tmp_path: Path) -> None:
    doc = op_doc(servers=[{"url": "https://other.example.com/oauth"}])
    op = load_spec(write(tmp_path, "a.yaml", doc)).operations[0]
    assert op.full_path == "/oauth/things/{id}/actions/go"
    assert op.server_url == "https://other.example.com/oauth" and not op.websocket
    op = load_spec(write(tmp_path, "b.yaml", op_doc())).operations[0]
    assert op.full_path == "/v9/things/{id}/actions/go"


def test_an_operation_on_a_websocket_server_says_so(tmp_path: Path) -> None:
    doc = op_doc(servers=[{"url": "wss://{host}/stream", "variables": {"host": {"default": "rt.example.com"}}}])
    op = load_spec(write(tmp_path, "a.yaml", doc)).operations[0]
    assert op.websocket and op.server_url == "wss://rt.example.com/stream"
    assert op.full_path == "/stream/things/{id}/actions/go"


def test_multi_file_refs_are_followed(tmp_path: Path) -> None:
    write(tmp_path, "parts.yaml", {"Thing": {"type": "object", "properties": {"n": {"type": "integer", "default": 3}}}})
    doc = op_doc()
    doc["paths"]["/things/{id}/actions/go"]["post"]["requestBody"] = {
        "content": {"application/json": {"schema": {"$ref": "parts.yaml#/Thing"}}}
    }
    spec = load_spec(write(tmp_path, "a.yaml", doc))
    body = spec.operations[0].request_body
    assert body is not None and body.json is not None and body.json.schema is not None
    assert spec.defaults(body.json.schema) == {"n": 3}
    assert list(spec.validator(body.json.schema).iter_errors({"n": "x"}))


def test_extensions_parse_into_typed_values(tmp_path: Path) -> None:
    doc = op_doc(
        **{
            "x-webhooks": [
                {"event": "a.started"},
                {"event": "a.tick", "repeat": True},
                {"event": "a.saved", "optional": True, "when": "recording"},
                {"one_of": ["a.ok", "a.failed"], "leg": "other"},
            ],
            "x-call-states": ["up"],
            "x-idempotency-field": "command_id",
        }
    )
    op = load_spec(write(tmp_path, "a.yaml", doc)).operations[0]
    assert op.call_states == ("up",)
    assert op.idempotency_field == "command_id" and op.idempotent is False
    assert op.webhooks == (
        WebhookStep(("a.started",)),
        WebhookStep(("a.tick",), repeat=True),
        WebhookStep(("a.saved",), optional=True, when="recording"),
        WebhookStep(("a.ok", "a.failed"), one_of=True, leg="other"),
    )


@pytest.mark.parametrize(
    ("extensions", "pointer", "words"),
    [
        ({"x-webhooks": {"event": "a"}}, "/x-webhooks", "must be a list"),
        ({"x-webhooks": [{"event": "a", "leg": "sideways"}]}, "/x-webhooks/0/leg", "leg must be one of"),
        ({"x-webhooks": [{"events": "a"}]}, "/x-webhooks/0", "unknown x-webhooks step key"),
        ({"x-webhooks": [{"event": "a", "one_of": ["b", "c"]}]}, "/x-webhooks/0", "exactly one of"),
        ({"x-webhooks": [{"event": "a", "repeat": "yes"}]}, "/x-webhooks/0/repeat", "true or false"),
        ({"x-call-states": "up"}, "/x-call-states", "list of non-empty strings"),
        ({"x-idempotency-field": 3}, "/x-idempotency-field", "non-empty string"),
        ({"x-idempotent": "yes"}, "/x-idempotent", "true or false"),
        ({"x-pagination": {"items": "/data"}}, "/x-pagination", "needs page-parameter"),
        ({"x-pagination": {"page-parameter": "p", "items": "data"}}, "/x-pagination/items", "JSON pointer"),
    ],
)
def test_a_malformed_extension_names_file_and_pointer(
    tmp_path: Path, extensions: dict, pointer: str, words: str
) -> None:
    path = write(tmp_path, "bad.yaml", op_doc(**extensions))
    with pytest.raises(SpecError) as caught:
        load_spec(path, validate=False)
    error = caught.value
    assert error.file == str(path)
    assert error.pointer == "/paths/~1things~1{id}~1actions~1go/post" + pointer
    assert words in error.message
    assert "\n" not in str(error)


@pytest.mark.parametrize(
    ("signature", "pointer", "words"),
    [
        ({"algorithm": "rsa"}, "/x-webhook-signature", "unsupported webhook signature algorithm"),
        ({"algorithm": "ed25519", "message": "{body}"}, "/x-webhook-signature", "needs signature-header"),
        (
            {"algorithm": "ed25519", "signature-header": "s", "timestamp-header": "t", "message": "{ts}|{body}"},
            "/x-webhook-signature/message",
            "no placeholder but {timestamp}",
        ),
        (
            {"algorithm": "ed25519", "signature-header": "s", "timestamp-header": "t", "message": "{body}",
             "tolerance": -1},
            "/x-webhook-signature/tolerance",
            "integer >= 0",
        ),
    ],
)  # fmt: skip
def test_a_malformed_signature_scheme_names_its_pointer(
    tmp_path: Path, signature: dict, pointer: str, words: str
) -> None:
    path = write(tmp_path, "bad.yaml", {**op_doc(), "x-webhook-signature": signature})
    with pytest.raises(SpecError) as caught:
        load_spec(path, validate=False)
    assert caught.value.pointer == pointer
    assert words in caught.value.message


def test_webhook_entry_extensions_and_bad_pointer(tmp_path: Path) -> None:
    hook = {
        "post": {
            "x-event": "a.done",
            "x-envelope": 2,
            "x-event-type": "a.done",
            "x-event-type-pointer": "/data/kind",
            "requestBody": {"content": {"application/json": {"schema": {"type": "object"}}}},
            "responses": {"200": {"description": "ok"}},
        }
    }
    spec = load_spec(write(tmp_path, "a.yaml", {**BASE, "webhooks": {"done": hook}}))
    entry = spec.webhooks[0]
    assert (entry.event, entry.envelope, entry.pointer_tokens) == ("a.done", "2", ("data", "kind"))
    assert spec.webhook_for_body({"data": {"kind": "a.done"}}) is entry
    hook["post"]["x-event-type-pointer"] = "data/kind"
    with pytest.raises(SpecError) as caught:
        load_spec(write(tmp_path, "b.yaml", {**BASE, "webhooks": {"done": hook}}), validate=False)
    assert caught.value.pointer == "/webhooks/done/post/x-event-type-pointer"


def test_a_yaml_error_is_one_line_with_the_line_number(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text(textwrap.dedent("openapi: 3.1.0\ninfo: [unclosed\n"), encoding="utf-8")
    with pytest.raises(SpecError) as caught:
        load_spec(path)
    assert caught.value.line is not None and str(caught.value).startswith(f"{path}:")


# -- the semantics of steps -------------------------------------------------------------------

STEPS = (
    WebhookStep(("speak.started",)),
    WebhookStep(("dtmf",), repeat=True),
    WebhookStep(("saved",), optional=True, when="recording"),
    WebhookStep(("ok", "failed"), one_of=True),
)


@pytest.mark.parametrize(
    ("seq", "conditions", "whole", "prefix"),
    [
        (["speak.started", "ok"], {"recording": False}, True, True),
        (["speak.started", "dtmf", "dtmf", "failed"], {"recording": False}, True, True),
        (["speak.started", "ok"], {"recording": True}, False, False),
        (["speak.started", "saved", "ok"], {"recording": True}, True, True),
        (["speak.started", "saved", "ok"], {"recording": False}, False, False),
        (["speak.started", "saved", "ok"], {}, True, True),
        (["speak.started", "ok"], {}, True, True),
        (["speak.started"], {}, False, True),
        (["ok", "speak.started"], {}, False, False),
        (["speak.started", "ok", "failed"], {}, False, False),
    ],
)
def test_steps_allow_exactly_their_sequences(
    seq: list[str], conditions: dict[str, bool], whole: bool, prefix: bool
) -> None:
    slots = slots_for(STEPS, conditions)
    items = [(event, "self") for event in seq]
    assert matches(slots, items) is whole
    assert matches(slots, items, prefix=True) is prefix


def test_legs_are_part_of_a_match() -> None:
    slots = slots_for((WebhookStep(("bridged",)), WebhookStep(("bridged",), leg="other")), {})
    assert matches(slots, [("bridged", "self"), ("bridged", "other")])
    assert not matches(slots, [("bridged", "self"), ("bridged", "self")])


def test_a_webhook_shared_by_ref_between_documents_is_one_entry(tmp_path: Path) -> None:
    hook = {
        "post": {
            "x-event": "a.done",
            "x-envelope": "2",
            "x-event-type": "a.done",
            "x-event-type-pointer": "/data/kind",
            "responses": {"200": {"description": "ok"}},
        }
    }
    first = write(tmp_path, "first.yaml", {**BASE, "webhooks": {"done": hook}})
    second = write(tmp_path, "second.yaml", {**BASE, "webhooks": {"done": {"$ref": "first.yaml#/webhooks/done"}}})
    spec = load_spec(first, second)
    assert [(e.event, e.document.path.name) for e in spec.webhooks] == [("a.done", "first.yaml")]


# -- openapi-spec-validator findings carry the pointer of the node they are about --------------


def findings(path: Path) -> list[str]:
    from specmodel import load

    _, finish = load([path], lenient=True)
    return finish()


def test_validator_findings_point_at_the_offending_node(tmp_path: Path) -> None:
    doc = op_doc()
    post = doc["paths"]["/things/{id}/actions/go"]["post"]
    post["parameters"] = [{"name": "q", "in": "query", "schema": {"type": "integer", "minimum": "zero"}}]
    post["responses"]["200"]["content"] = {
        "application/json": {"schema": {"type": "object", "properties": {"a": {"type": "string", "default": 3}}}}
    }
    doc["components"] = {"schemas": {"Bad": {"type": "object", "required": "yes"}}}
    path = write(tmp_path, "a.yaml", doc)
    op = "/paths/~1things~1{id}~1actions~1go/post"
    assert sorted(findings(path)) == sorted(
        [
            f'{path}#{op}/parameters/0/schema/minimum: "zero" is not of type "number"',
            f"{path}#{op}/responses/200/content/application~1json/schema/properties/a/default: "
            "3 is not of type 'string'",
            f'{path}#/components/schemas/Bad/required: "yes" is not of type "array"',
        ]
    )


def test_locate_follows_refs_to_the_real_location(tmp_path: Path) -> None:
    from specmodel import Workspace

    write(tmp_path, "parts.yaml", {"Thing": {"type": "object", "properties": {"n": {"type": "integer"}}}})
    doc = {**BASE, "components": {"schemas": {"T": {"$ref": "parts.yaml#/Thing"}}}}
    ws = Workspace()
    root = ws.read(write(tmp_path, "a.yaml", doc), "a.yaml")
    node = ws.locate(root, ("components", "schemas", "T", "properties", "n", "type"))
    assert node is not None
    assert (node.doc.path.name, node.pointer, node.value) == ("parts.yaml", "/Thing/properties/n/type", "integer")
    assert ws.locate(root, ("components", "schemas", "T", "nothing")) is None


def test_a_document_the_validator_cannot_walk_gives_located_one_line_errors(tmp_path: Path) -> None:
    doc = {**BASE, "paths": {"/x": {"get": {"responses": {"200": "ok"}}}}, "components": {"schemas": "nope"}}
    found = findings(write(tmp_path, "c.yaml", doc))
    assert found, "the broken document passed"
    assert all("\n" not in f and "has no attribute" not in f for f in found)
    assert any(f.endswith('#/paths/~1x/get/responses/200: "ok" is not of type "object"') for f in found)
    assert any(f.endswith('#/components/schemas: "nope" is not of type "object"') for f in found)
    assert len(found) == len(set(found))


def test_extensions_are_opaque_and_operations_may_be_refs_to_other_files(tmp_path: Path) -> None:
    write(tmp_path, "ops.yaml", {"getThing": {"operationId": "getThing", "responses": {"200": {"description": "ok"}}}})
    doc = {
        **BASE,
        "x-tooling": {"$ref": "absent.yaml#/nothing"},  # not ours to follow
        "paths": {
            "/things": {"get": {"$ref": "ops.yaml#/getThing"}},
            "/x-things": {"get": {"operationId": "xThings", "responses": {"200": {"description": "ok"}}}},
        },
        "components": {
            "schemas": {
                "T": {"type": "object", "properties": {"x-rate": {"$ref": "#/components/schemas/R"}}},
                "R": {"type": "integer"},
            }
        },
    }
    spec = load_spec(write(tmp_path, "a.yaml", doc), validate=False)
    assert [(op.operation_id, op.full_path) for op in spec.operations] == [
        ("getThing", "/v9/things"),
        ("xThings", "/v9/x-things"),
    ]
    assert spec.operations[0].node.doc.path.name == "ops.yaml"
    broken = {**doc, "components": {"schemas": {"T": {"properties": {"x-rate": {"$ref": "#/components/schemas/Q"}}}}}}
    with pytest.raises(SpecError, match="points to nothing"):
        load_spec(write(tmp_path, "b.yaml", broken), validate=False)  # a property named x-... is a schema


def test_openapi_32_query_additional_operations_and_self(tmp_path: Path) -> None:
    write(tmp_path, "schemas.yaml", {"Thing": {"type": "object", "properties": {"n": {"type": "integer"}}}})
    ok = {"200": {"description": "ok"}}
    own_ok = "https://example.com/api/openapi.yaml#/components/responses/Ok"
    body = {"content": {"application/json": {"schema": {"$ref": "https://example.com/api/schemas.yaml#/Thing"}}}}
    doc = {
        "openapi": "3.2.0",
        "$self": "https://example.com/api/openapi.yaml",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/things": {
                "query": {"operationId": "searchThings", "requestBody": body, "responses": ok},
                "additionalOperations": {"COPY": {"operationId": "copyThings", "responses": ok}},
            },
            "/self": {"get": {"operationId": "own", "responses": {"200": {"$ref": own_ok}}}},
        },
        "components": {"responses": {"Ok": {"description": "ok"}}},
    }
    spec = load_spec(write(tmp_path, "openapi.yaml", doc))
    assert [(op.method, op.operation_id) for op in spec.operations] == [
        ("query", "searchThings"),
        ("copy", "copyThings"),
        ("get", "own"),
    ]
    schema = spec.operations[0].request_body.json.schema  # type: ignore[union-attr]
    assert spec.resolve(schema).doc.path.name == "schemas.yaml"
    assert set(spec.operation("own").responses) == {"200"}


def test_a_default_beside_a_ref_is_a_default(tmp_path: Path) -> None:
    doc = {
        **BASE,
        "components": {
            "schemas": {
                "Which": {"type": "string", "enum": ["all", "current"]},
                "Stop": {
                    "type": "object",
                    "properties": {"stop": {"$ref": "#/components/schemas/Which", "default": "all"}},
                },
            }
        },
    }
    spec = load_spec(write(tmp_path, "a.yaml", doc))
    stop = spec.at(spec.documents[0], "/components/schemas/Stop")
    assert spec.defaults(stop) == {"stop": "all"}
    prop = spec.property(stop, "stop")
    assert prop is not None and prop.value["enum"] == ["all", "current"] and prop.value["default"] == "all"


# -- tags: parent (3.2) and x-parent; x-webhook-fields -----------------------------------------


def test_tag_parents_come_from_x_parent_and_the_32_parent_field(tmp_path: Path) -> None:
    tags = [{"name": "Calls"}, {"name": "Call Actions", "description": "d", "x-parent": "Calls"}]
    spec = load_spec(write(tmp_path, "a.yaml", {**op_doc(), "tags": tags}))
    assert [(t.name, t.parent, t.description) for t in spec.tags] == [
        ("Calls", None, ""),
        ("Call Actions", "Calls", "d"),
    ]
    doc32 = {**op_doc(), "openapi": "3.2.0", "tags": [{"name": "A"}, {"name": "B", "parent": "A"}]}
    assert [t.parent for t in load_spec(write(tmp_path, "b.yaml", doc32), validate=False).tags] == [None, "A"]
    # The project's V2 call document nests its actions under its calls.
    assert ("Call Actions", "Calls") in [(t.name, t.parent) for t in default_spec().tags]


@pytest.mark.parametrize(
    ("tags", "pointer", "words"),
    [
        ([{"name": "A", "x-parent": "Nope"}], "/tags/0", "its parent 'Nope' is not a tag"),
        ([{"name": "A", "x-parent": "B"}, {"name": "B", "x-parent": "A"}], "/tags/0", "loop"),
        ([{"name": "A", "x-parent": ""}], "/tags/0/x-parent", "non-empty string"),
    ],
)
def test_a_bad_tag_parent_names_file_and_pointer(tmp_path: Path, tags: list, pointer: str, words: str) -> None:
    path = write(tmp_path, "bad.yaml", {**op_doc(), "tags": tags})
    with pytest.raises(SpecError) as caught:
        load_spec(path, validate=False)
    assert (caught.value.file, caught.value.pointer) == (str(path), pointer)
    assert words in caught.value.message


def test_webhook_fields_parse_into_pointer_lists(tmp_path: Path) -> None:
    fields = {"payload": "/payload", "occurred_at": ["/occurred_at", "/created_at"]}
    path = write(tmp_path, "a.yaml", {**op_doc(), "x-webhook-fields": fields})
    assert load_spec(path).webhook_fields[str(path)] == {
        "payload": ("/payload",),
        "occurred_at": ("/occurred_at", "/created_at"),
    }
    for bad, pointer in (({"payload": "payload"}, "/x-webhook-fields/payload"), ({"1x": "/a"}, "/x-webhook-fields/1x")):
        bad_path = write(tmp_path, "bad.yaml", {**op_doc(), "x-webhook-fields": bad})
        with pytest.raises(SpecError) as caught:
            load_spec(bad_path, validate=False)
        assert caught.value.pointer == pointer


def test_bundle_makes_references_to_other_files_local(tmp_path: Path) -> None:
    from specmodel import Workspace, bundle

    write(
        tmp_path,
        "common.yaml",
        {
            "components": {
                "schemas": {
                    "Errors": {"type": "object", "properties": {"e": {"$ref": "#/components/schemas/E"}}},
                    "E": {"type": "string"},
                }
            }
        },
    )
    doc = op_doc()
    doc["paths"]["/things/{id}/actions/go"]["post"]["responses"]["400"] = {
        "description": "bad",
        "content": {"application/json": {"schema": {"$ref": "common.yaml#/components/schemas/Errors"}}},
    }
    ws = Workspace()
    root = ws.read(write(tmp_path, "a.yaml", doc), "a.yaml")
    out = bundle(root)
    bundled = write(tmp_path, "bundled.yaml", out)
    assert "common.yaml" not in bundled.read_text(encoding="utf-8")
    spec = load_spec(bundled)
    schema = spec.operations[0].responses["400"].json.schema  # type: ignore[union-attr]
    errors = spec.resolve(schema)
    assert errors.pointer == "/components/schemas/Errors" and errors.doc.path.name == "bundled.yaml"
    assert spec.property(errors, "e").value == {"type": "string"}  # type: ignore[union-attr]


def test_validators_inline_schemas_and_keep_ref_siblings(tmp_path: Path) -> None:
    doc = {
        **BASE,
        "components": {
            "schemas": {
                "Which": {"type": "string", "enum": ["all", "current"]},
                "Stop": {
                    "type": "object",
                    "properties": {"stop": {"$ref": "#/components/schemas/Which", "maxLength": 3}},
                },
                "Tree": {"type": "object", "properties": {"child": {"$ref": "#/components/schemas/Tree"}}},
            }
        },
    }
    spec = load_spec(write(tmp_path, "a.yaml", doc))
    stop = spec.at(spec.documents[0], "/components/schemas/Stop")
    inlined = spec.inline(stop)
    assert inlined == {
        "type": "object",
        "properties": {"stop": {"allOf": [{"type": "string", "enum": ["all", "current"]}], "maxLength": 3}},
    }
    validator = spec.validator(stop)
    assert validator.schema == inlined  # no registry lookups per value
    assert [e.message for e in validator.iter_errors({"stop": "current"})] == ["'current' is too long"]
    assert list(validator.iter_errors({"stop": "none"}))
    tree = spec.at(spec.documents[0], "/components/schemas/Tree")
    assert spec.inline(tree) is None  # recursive: validated through the registry instead
    assert list(spec.validator(tree).iter_errors({"child": {"child": 3}}))
