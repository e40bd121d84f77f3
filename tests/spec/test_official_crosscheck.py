"""Our V2 call schemas accept what the platform sends: a cross-check against Telnyx's official spec.

For every webhook event the V2 call-command document serves (its own entries and the V1 entries it
shares by `$ref`) and for every V2 call operation's success answer:

- every example the official document gives for it (whole body, `data`, payload, and every property
  example, nested objects included) validates against OUR schema;
- every value of an official enum is in ours, where ours has an enum;
- every field our schema marks `required` is required by the official schema or present in every
  official example of that object, so a body the platform really sends is never refused for a
  missing field.

The official document (4 MB, read-only, never committed) is read from ../shared/bench at test time;
without it these tests skip and say so.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from specmodel import Node
from tests import specdoc as sd
from tests.spec.official import CALLS_V2, off_merged, off_resolve, official_operation, our_merged, own_examples


@dataclass
class Findings:
    """What a cross-check of one of our schemas against the official one found."""

    checked_examples: int = 0
    problems: list[str] = field(default_factory=list)


def crosscheck(
    official: dict[str, Any], off_schema: Any, ours: Node, examples: list[Any], where: str, findings: Findings
) -> None:
    """Validate the examples against our schema `ours`, check its `required`, recurse into properties."""
    off = off_merged(official, off_schema)
    examples = [*examples, *own_examples(off)]
    ours = sd.SPECS.workspace.resolve(ours)
    validator = sd.SPECS.validator(ours.doc.path, ours.pointer)
    for i, example in enumerate(examples):
        findings.checked_examples += 1
        for error in sorted(validator.iter_errors(example), key=str)[:3]:
            at = "/".join(str(p) for p in error.absolute_path)
            findings.problems.append(f"{where}: official example {i} at /{at}: {error.message}")
    parts, properties, required = our_merged(ours)
    our_enum = next((p.value["enum"] for p in parts if isinstance(p.value, dict) and "enum" in p.value), None)
    missing = [v for v in off.get("enum") or [] if our_enum is not None and v not in our_enum]
    if missing:
        findings.problems.append(f"{where}: the official enum has {missing}, ours does not")
    objects = [e for e in examples if isinstance(e, dict)]
    for name in required:
        always = bool(objects) and all(name in e for e in objects)
        if name not in off["required"] and not always:
            findings.problems.append(
                f"{where}: ours requires {name!r}; the official schema does not, and "
                f"{'not every official example carries it' if objects else 'gives no example'}"
            )
    for name, off_prop in (off.get("properties") or {}).items():
        if name not in properties:
            continue  # a field we do not describe: our models keep it (open objects)
        sub_examples = [e[name] for e in objects if name in e]
        our_prop = sd.SPECS.workspace.resolve(properties[name])
        off_prop_schema = off_resolve(official, off_prop)
        our_items = our_prop.get("items")
        if isinstance(off_prop_schema, dict) and off_prop_schema.get("items") is not None and our_items is not None:
            flat = [x for e in sub_examples if isinstance(e, list) for x in e]
            crosscheck(official, off_prop_schema["items"], our_items, flat, f"{where}.{name}[]", findings)
        crosscheck(official, off_prop, our_prop, sub_examples, f"{where}.{name}", findings)


# -- what we serve ---------------------------------------------------------------------------------


def served_webhooks() -> list[tuple[str, sd.Operation]]:
    """(event type, entry) of every webhook entry of the V2 call document, shared ones included."""
    return [(hook.node["x-event-type"], hook) for hook in sd.operations(CALLS_V2, "webhooks")]


def served_operations() -> list[sd.Operation]:
    return list(sd.operations(CALLS_V2))


def official_webhook(official: dict[str, Any], event_type: str) -> tuple[str, dict[str, Any]]:
    for name, item in (official.get("webhooks") or {}).items():
        op = item.get("post") or {}
        media = ((op.get("requestBody") or {}).get("content") or {}).get("application/json") or {}
        schema = off_merged(official, media.get("schema"))
        data = off_merged(official, (schema.get("properties") or {}).get("data"))
        enum = off_resolve(official, (data.get("properties") or {}).get("event_type") or {}).get("enum") or []
        if event_type in enum:
            return name, media
    raise LookupError(f"the official document has no webhook whose data.event_type is {event_type!r}")


def body_schema(hook: sd.Operation) -> Node:
    body = sd.SPECS.workspace.resolve(sd.SPECS.node(hook.file, _own_pointer(hook)))
    return body.child("requestBody", "content", "application/json", "schema")


def _own_pointer(op: sd.Operation) -> str:
    """The operation's pointer in the file it lives in (a shared entry lives in another file)."""
    return f"/{'webhooks' if 'x-event' in op.node else 'paths'}/{sd.escape(op.path)}/{op.method}"


def check_webhook(official: dict[str, Any], event_type: str, hook: sd.Operation) -> Findings:
    _name, media = official_webhook(official, event_type)
    findings = Findings()
    off_event = off_merged(official, media["schema"])
    data_examples = own_examples(off_merged(official, off_event["properties"]["data"]))
    examples = [{"data": e} for e in data_examples] + [
        off_resolve(official, ex).get("value") for ex in (media.get("examples") or {}).values()
    ]
    if "example" in media:
        examples.append(media["example"])
    crosscheck(official, media["schema"], body_schema(hook), examples, event_type, findings)
    return findings


def check_success_answer(official: dict[str, Any], op: sd.Operation) -> Findings:
    off_op = official_operation(official, op.method, op.path)
    off_media = off_resolve(official, off_op["responses"]["200"])["content"]["application/json"]
    off_schema = off_merged(official, off_media["schema"])
    data_examples = own_examples(off_merged(official, (off_schema.get("properties") or {}).get("data")))
    examples = [{"data": e} for e in data_examples] + [
        off_resolve(official, ex).get("value") for ex in (off_media.get("examples") or {}).values()
    ]
    if "example" in off_media:
        examples.append(off_media["example"])
    response = sd.SPECS.workspace.resolve(sd.SPECS.node(op.file, _own_pointer(op)).child("responses", "200"))
    ours = response.child("content", "application/json", "schema")
    findings = Findings()
    crosscheck(official, off_media["schema"], ours, examples, f"{op.method.upper()} {op.path} 200", findings)
    return findings


def official_error_examples(official: dict[str, Any], op: sd.Operation) -> Iterator[tuple[str, Any]]:
    off_op = official_operation(official, op.method, op.path)
    for status, raw in off_op["responses"].items():
        if str(status).startswith("2"):
            continue
        media = (off_resolve(official, raw).get("content") or {}).get("application/json") or {}
        for name, ex in (media.get("examples") or {}).items():
            yield f"{status} {name}", off_resolve(official, ex).get("value")


# -- the tests -------------------------------------------------------------------------------------

WEBHOOKS = served_webhooks()
OPERATIONS = served_operations()


def test_the_v2_document_serves_the_expected_events_and_operations() -> None:
    """The lists the cross-checks run over are not empty by accident."""
    events = {event for event, _ in WEBHOOKS}
    assert {"call.bridged", "call.playback.ended", "call.enqueued", "call.transcription", "streaming.failed"} <= events
    assert len(OPERATIONS) == 32  # dial, status and 30 actions


@pytest.mark.parametrize(("event_type", "hook"), WEBHOOKS, ids=[e for e, _ in WEBHOOKS])
def test_every_official_example_of_a_served_webhook_fits_ours(
    official: dict[str, Any], event_type: str, hook: sd.Operation
) -> None:
    findings = check_webhook(official, event_type, hook)
    assert findings.checked_examples >= 3, f"{event_type}: too few official examples to cross-check"
    assert not findings.problems, "\n".join(findings.problems)


@pytest.mark.parametrize("op", OPERATIONS, ids=[o.operation_id for o in OPERATIONS])
def test_every_official_example_of_a_v2_call_answer_fits_ours(official: dict[str, Any], op: sd.Operation) -> None:
    findings = check_success_answer(official, op)
    assert findings.checked_examples >= 2, f"{op.operation_id}: too few official examples to cross-check"
    assert not findings.problems, "\n".join(findings.problems)


@pytest.mark.parametrize("op", OPERATIONS, ids=[o.operation_id for o in OPERATIONS])
def test_every_official_error_example_fits_the_errors_body(official: dict[str, Any], op: sd.Operation) -> None:
    validator = sd.SPECS.validator(sd.COMMON, "/components/schemas/Errors")
    examples = list(official_error_examples(official, op))
    for where, value in examples:
        errors = list(validator.iter_errors(value))
        assert not errors, f"{op.operation_id} {where}: {errors[0].message}"


@pytest.mark.parametrize(
    ("event", "pointer", "mutate", "message"),
    [
        # requiring a field the official bridged event leaves out is caught
        ("call.bridged", "/components/schemas/CallBridgedPayload/required", lambda r: [*r, "state"], "'state'"),
        # an enum narrower than the official example is caught
        ("call.initiated", "/components/schemas/CallDirection/enum", lambda e: ["outgoing"], "is not one of"),
        # an enum that lacks a value the official one has is caught
        ("call.hangup", "/components/schemas/HangupCause/enum", lambda e: e[:-2], "['no_answer', 'unspecified']"),
    ],
)
def test_the_crosscheck_catches(
    official: dict[str, Any], event: str, pointer: str, mutate: Any, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    mutated = sd.SpecSet()
    for path in sorted(sd.SPEC_DIR.glob("*.yaml")):
        mutated.docs[path.resolve()] = copy.deepcopy(sd.SPECS.load(path))
    *parents, last = [sd.unescape(t) for t in pointer.strip("/").split("/")]
    node = mutated.docs[sd.V1.resolve()]
    for token in parents:
        node = node[token]
    node[last] = mutate(node[last])
    monkeypatch.setattr(sd, "SPECS", mutated)
    hook = next(h for e, h in served_webhooks() if e == event)
    findings = check_webhook(official, event, hook)
    assert any(message in p for p in findings.problems), findings.problems
