"""The Voice API V2 call-command document: its scope, its limits, and its request bodies against the official spec.

The request-body checks read Telnyx's official OpenAPI document from ../shared/bench at test time and
skip, saying so, when it is absent.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from specmodel import Node
from tests import specdoc as sd
from tests import speclint
from tests.spec.official import CALLS_V2, off_merged, off_resolve, official_operation, our_merged, own_examples

ALL_API_SPECS = [sd.V1, sd.V2, CALLS_V2]
OPERATIONS = list(sd.operations(CALLS_V2))
LIMITS = ("minimum", "maximum", "minLength", "maxLength")
ACTIONS = {
    "answer", "bridge", "client_state_update", "enqueue", "leave_queue", "fork_start", "fork_stop", "gather",
    "gather_stop", "gather_using_audio", "gather_using_speak", "hangup", "playback_start", "playback_stop",
    "record_pause", "record_resume", "record_start", "record_stop", "refer", "reject", "send_dtmf", "send_sip_info",
    "speak", "streaming_start", "streaming_stop", "suppression_start", "suppression_stop", "transcription_start",
    "transcription_stop", "transfer",
}  # fmt: skip


def test_the_document_serves_dial_status_and_every_non_ai_action() -> None:
    paths = {(op.method, op.path) for op in OPERATIONS}
    assert ("post", "/calls") in paths
    assert ("get", "/calls/{call_control_id}") in paths
    actions = {p.rsplit("/", 1)[-1] for _, p in paths if "/actions/" in p}
    assert actions == ACTIONS
    doc = sd.SPECS.load(CALLS_V2)
    assert doc["servers"][0]["url"] == "https://api.telnyx.com/v2"
    for left_out in ("ai_assistant", "gather_using_ai", "siprec", "conversation_relay"):
        assert left_out in doc["info"]["description"], f"the description does not say {left_out} is out"


def test_every_command_answers_the_v2_shape_and_errors_body() -> None:
    for op in OPERATIONS:
        if "/actions/" not in op.path:
            continue
        schema = sd.response_schema(op, "200")
        data = sd.prop(schema, "data", op.file)
        assert "data" in schema["required"] and "result" in data["required"], op.operation_id
        assert {"401", "404", "422"} <= set(op.node["responses"]), op.operation_id
        assert op.node["tags"] == ["Call Actions"], op.operation_id
        assert op.node.get("x-idempotency-field") == ("command_id" if op.method == "post" else None)


def test_speclint_passes_on_every_api_document() -> None:
    assert speclint.lint(ALL_API_SPECS) == []


def integers(node: Any, pointer: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    if isinstance(node, dict):
        types = node.get("type")
        if types == "integer" or (isinstance(types, list) and "integer" in types):
            yield pointer, node
        for key, value in node.items():
            yield from integers(value, f"{pointer}/{sd.escape(str(key))}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from integers(value, f"{pointer}/{i}")


def test_every_integer_has_a_maximum() -> None:
    found = list(integers(sd.SPECS.load(CALLS_V2)))
    assert len(found) > 15
    unbounded = [p for p, schema in found if "maximum" not in schema and "enum" not in schema]
    assert not unbounded, f"integers without a maximum: {unbounded}"


def test_client_state_is_capped() -> None:
    schema = sd.SPECS.pointer(CALLS_V2, "/components/schemas/ClientState")
    assert schema["maxLength"] == 4096 and "Toolkit choice" in schema["description"]


# -- request bodies against the official document ------------------------------------------------


def request_properties(op: sd.Operation) -> tuple[dict[str, Node], list[str]]:
    own = f"/paths/{sd.escape(op.path)}/{op.method}/requestBody/content/application~1json/schema"
    _parts, properties, required = our_merged(sd.SPECS.node(op.file, own))
    return properties, required


def describe(node: Node) -> str:
    """Every description on the way from a property to its schema (siblings of `$ref`s included)."""
    texts = []
    while True:
        if isinstance(node.value, dict):
            texts.append(" ".join(str(node.value.get("description", "")).split()))
        if not (isinstance(node.value, dict) and "$ref" in node.value):
            return "\n".join(texts)
        node = sd.SPECS.workspace.lookup(node.child("$ref"))


def request_findings(official: dict[str, Any], op: sd.Operation) -> list[str]:
    off_op = official_operation(official, op.method, op.path)
    body = off_resolve(official, off_op["requestBody"])
    off = off_merged(official, body["content"]["application/json"]["schema"])
    properties, required = request_properties(op)
    problems = [f"official requires {n!r}, ours does not" for n in off["required"] if n not in required]
    for name, node in properties.items():
        if name not in off["properties"]:
            problems.append(f"{name}: not a field of the official request")
            continue
        theirs = off_resolve(official, off["properties"][name])
        theirs = {**theirs, **(theirs.get("oneOf") or [{}])[0]} if "type" not in theirs else theirs
        merged = sd.SPECS.workspace.resolve_merged(node).value
        text = describe(node)
        if "enum" in merged and "enum" in theirs:
            extra = [v for v in merged["enum"] if v not in theirs["enum"]]
            if extra:
                problems.append(f"{name}: enum values {extra} are not the platform's")
        if "default" in theirs and merged.get("default") != theirs["default"]:
            problems.append(f"{name}: default {merged.get('default')!r}, the platform's is {theirs['default']!r}")
        for limit in LIMITS:
            if limit in theirs and merged.get(limit) != theirs[limit]:
                problems.append(f"{name}: {limit} {merged.get(limit)!r}, the platform's is {theirs[limit]!r}")
            elif limit in merged and limit not in theirs:
                number = re.escape(str(merged[limit]))
                stated = re.search(rf"(?<![0-9,.]){number}(?![0-9])", theirs.get("description", "").replace(",", ""))
                if not stated and "Toolkit choice" not in text:
                    problems.append(f"{name}: {limit} {merged[limit]} is neither the platform's nor a toolkit choice")
        if "default" in merged and "default" not in theirs and "Toolkit choice" not in text:
            problems.append(f"{name}: default {merged['default']!r} is neither the platform's nor a toolkit choice")
    return problems


WITH_BODY = [op for op in OPERATIONS if "requestBody" in op.node]


def official_request_examples(official: dict[str, Any], op: sd.Operation) -> list[Any]:
    off_op = official_operation(official, op.method, op.path)
    media = off_resolve(official, off_op["requestBody"])["content"]["application/json"]
    values = [media["example"]] if "example" in media else []
    values += [off_resolve(official, ex).get("value") for ex in (media.get("examples") or {}).values()]
    values += own_examples(off_merged(official, media["schema"]))
    return values


@pytest.mark.parametrize("op", WITH_BODY, ids=[o.operation_id for o in WITH_BODY])
def test_every_official_request_example_is_accepted(official: dict[str, Any], op: sd.Operation) -> None:
    """A request written from the platform's documentation passes our schema (unserved fields are ignored)."""
    own = f"/paths/{sd.escape(op.path)}/{op.method}/requestBody/content/application~1json/schema"
    schema = sd.SPECS.workspace.resolve(sd.SPECS.node(op.file, own))
    validator = sd.SPECS.validator(schema.doc.path, schema.pointer)
    for i, example in enumerate(official_request_examples(official, op)):
        errors = sorted((e for e in validator.iter_errors(example) if e.instance not in PLACEHOLDERS), key=str)
        assert not errors, f"{op.operation_id} official example {i}: {errors[0].message}"


# Official example values that are prose, not values: each alternative they name is checked instead.
PLACEHOLDERS = {
    "+18005550100 or sip:username@sip.telnyx.com;secure=srtp": [
        "+18005550100",
        "sip:username@sip.telnyx.com;secure=srtp",
    ]
}


def test_each_alternative_of_a_placeholder_example_is_accepted() -> None:
    validator = sd.SPECS.validator(CALLS_V2, "/components/schemas/Destination")
    for placeholder, values in PLACEHOLDERS.items():
        assert list(validator.iter_errors(placeholder)), "the placeholder itself is not a destination"
        for value in values:
            assert not list(validator.iter_errors(value)), value


@pytest.mark.parametrize("op", WITH_BODY, ids=[o.operation_id for o in WITH_BODY])
def test_request_fields_enums_defaults_and_limits_follow_the_platform(
    official: dict[str, Any], op: sd.Operation
) -> None:
    problems = request_findings(official, op)
    assert not problems, f"{op.operation_id}:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("pointer", "value", "message"),
    [
        ("/components/schemas/TimeoutSecs/maximum", 120, "timeout_secs: maximum 120 is neither"),
        ("/components/schemas/RejectRequest/required", [], "official requires 'cause'"),
        ("/components/schemas/StreamTrack/default", "both_tracks", "default 'both_tracks'"),
        ("/components/schemas/TargetLegs/enum", ["self", "nobody"], "['nobody'] are not the platform's"),
        ("/components/schemas/MaximumTries/description", "No choice said.", "neither the platform's nor a toolkit"),
    ],
)
def test_the_request_check_catches(
    official: dict[str, Any],
    pointer: str,
    value: Any,
    message: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mutated = sd.SpecSet()
    for path in sorted(sd.SPEC_DIR.glob("*.yaml")):
        mutated.docs[path.resolve()] = copy.deepcopy(sd.SPECS.load(path))
    *parents, last = pointer.strip("/").split("/")
    node = mutated.docs[CALLS_V2.resolve()]
    for token in parents:
        node = node[token]
    node[last] = value
    monkeypatch.setattr(sd, "SPECS", mutated)
    problems = [p for op in WITH_BODY for p in request_findings(official, op)]
    assert any(message in p for p in problems), problems


# -- speclint's document-level rules ----------------------------------------------------------------


def mutated_lint(monkeypatch: pytest.MonkeyPatch, spec: Path, pointer: str, value: Any) -> list[str]:
    mutated = sd.SpecSet()
    for path in sorted(sd.SPEC_DIR.glob("*.yaml")):
        mutated.docs[path.resolve()] = copy.deepcopy(sd.SPECS.load(path))
    *parents, last = [sd.unescape(t) for t in pointer.strip("/").split("/")]
    node = mutated.docs[spec.resolve()]
    for token in parents:
        node = node[int(token)] if isinstance(node, list) else node[token]
    if value is None:
        del node[last]
    else:
        node[int(last) if isinstance(node, list) else last] = value
    monkeypatch.setattr(sd, "SPECS", mutated)
    return speclint.lint(ALL_API_SPECS)


@pytest.mark.parametrize(
    ("spec", "pointer", "value", "message"),
    [
        # a V1 event must stay in both envelopes
        (sd.V1, "/webhooks/call_bridged", None, "not in every envelope"),
        # a POST command needs its idempotency field ...
        (CALLS_V2, "/paths/~1calls~1{call_control_id}~1actions~1speak/post/x-idempotency-field", None, "None"),
        # ... and x-webhooks
        (CALLS_V2, "/paths/~1calls~1{call_control_id}~1actions~1enqueue/post/x-webhooks", None, "must declare"),
        # a step may only name an event of its own document (call.enqueued is V2's)
        (
            sd.V1,
            "/paths/~1calls~1{call_control_id}~1actions~1answer/post/x-webhooks/0/event",
            "call.enqueued",
            "unknown",
        ),
        (CALLS_V2, "/paths/~1calls/post/x-webhooks/2/when", "sunny", "unknown condition"),
        # an own webhook entry with a V1 operationId is a duplicate; a shared ($ref) one is not
        (CALLS_V2, "/webhooks/call.enqueued/post/operationId", "callAnsweredWebhookV2", "used 2 times"),
    ],
)
def test_speclint_catches(spec: Path, pointer: str, value: Any, message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    problems = mutated_lint(monkeypatch, spec, pointer, value)
    assert any(message in p for p in problems), problems


def test_speclint_accepts_a_put_command_without_idempotency_field() -> None:
    op = next(o for o in OPERATIONS if o.path.endswith("client_state_update"))
    assert op.method == "put" and "x-idempotency-field" not in op.node
    assert not [p for p in speclint.lint(ALL_API_SPECS) if "client_state_update" in p]


# -- x-webhooks against the official "Expected Webhooks" -------------------------------------------

EVENT_NAME = re.compile(r"`((?:call|streaming|siprec)\.[a-z_.]+[a-z])`")


def step_events(op: sd.Operation) -> set[str]:
    return {e for step in op.node["x-webhooks"] for e in ([step["event"]] if "event" in step else step["one_of"])}


def webhook_findings(official: dict[str, Any], op: sd.Operation) -> list[str]:
    """Our steps name the events the official page lists; a difference is a stated toolkit choice."""
    listed = set(EVENT_NAME.findall(official_operation(official, op.method, op.path).get("description", "")))
    ours = step_events(op)
    text = op.node["description"]
    choice = text[text.find("Toolkit choice") :] if "Toolkit choice" in text else ""
    explained = set(EVENT_NAME.findall(choice))
    problems = [f"{e}: sent here, not listed by the official page nor explained" for e in ours - listed - explained]
    problems += [f"{e}: listed by the official page, neither sent nor explained" for e in listed - ours - explained]
    return problems


WITH_STEPS = [op for op in OPERATIONS if "x-webhooks" in op.node]


@pytest.mark.parametrize("op", WITH_STEPS, ids=[o.operation_id for o in WITH_STEPS])
def test_x_webhooks_follow_the_official_expected_webhooks(official: dict[str, Any], op: sd.Operation) -> None:
    problems = webhook_findings(official, op)
    assert not problems, f"{op.operation_id}:\n" + "\n".join(problems)


@pytest.mark.parametrize(
    ("action", "steps", "message"),
    [
        ("gather", [{"event": "call.dtmf.received", "repeat": True}], "call.gather.ended: listed by the official"),
        (
            "speak",
            [{"event": "call.speak.started"}, {"event": "call.speak.ended"}, {"event": "call.enqueued"}],
            "call.enqueued: sent here",
        ),
    ],
)
def test_the_x_webhooks_check_catches(official: dict[str, Any], action: str, steps: list[Any], message: str) -> None:
    op = next(o for o in WITH_STEPS if o.path.endswith(f"/{action}"))
    changed = sd.Operation(op.path, op.method, {**op.node, "x-webhooks": steps}, op.path_item, op.pointer, op.file)
    assert any(message in p for p in webhook_findings(official, changed))
