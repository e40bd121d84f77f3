"""The spec documents are valid OpenAPI, every reference resolves, every example fits."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate
from openapi_spec_validator.readers import read_from_filename

from tests import specdoc as sd
from tests import speclint

ALL_SPECS = sorted(sd.SPEC_DIR.glob("*.yaml"))


@pytest.mark.parametrize("spec", ALL_SPECS, ids=[p.name for p in ALL_SPECS])
def test_document_is_valid_openapi_3_1(spec: Path) -> None:
    doc, base_uri = read_from_filename(str(spec))
    assert doc["openapi"].startswith("3.1")
    validate(doc, base_uri=base_uri)


def walk(node: Any, pointer: str = "") -> Iterator[tuple[str, Any]]:
    yield pointer, node
    if isinstance(node, dict):
        for key, value in node.items():
            yield from walk(value, f"{pointer}/{sd.escape(str(key))}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{pointer}/{i}")


@pytest.mark.parametrize("spec", ALL_SPECS, ids=[p.name for p in ALL_SPECS])
def test_every_ref_resolves(spec: Path) -> None:
    refs = [(p, n) for p, n in walk(sd.SPECS.load(spec)) if isinstance(n, dict) and "$ref" in n]
    for pointer, node in refs:
        target, _ = sd.SPECS.follow(node, spec)  # raises on a dangling ref or a loop
        assert target is not None, f"{spec.name}#{pointer}: {node['$ref']} resolves to nothing"


def examples_with_schemas(spec: Path) -> Iterator[tuple[str, Any, str]]:
    """(where, example value, JSON pointer of the schema it must fit), for every example."""
    doc = sd.SPECS.load(spec)
    for pointer, node in walk(doc):
        if not isinstance(node, dict) or pointer.endswith("/properties"):
            continue
        parent = pointer.rsplit("/", 1)[-1]
        is_media = "schema" in node and ("example" in node or "examples" in node)
        if is_media:  # a media type or a parameter: its examples fit its schema
            schema_pointer = f"{pointer}/schema"
            values = sd.media_examples(node, spec)
            for i, value in enumerate(values):
                yield f"{pointer} example {i}", value, schema_pointer
        elif "example" in node and ("type" in node or "$ref" in node or "anyOf" in node) and parent != "examples":
            yield f"{pointer}/example", node["example"], pointer
        if "default" in node and ("type" in node or "$ref" in node or "anyOf" in node) and node["default"] is not None:
            yield f"{pointer}/default", node["default"], pointer


CASES = [(spec, *case) for spec in ALL_SPECS for case in examples_with_schemas(spec)]


@pytest.mark.parametrize(("spec", "where", "value", "schema_pointer"), CASES, ids=[f"{c[0].stem}{c[1]}" for c in CASES])
def test_every_example_and_default_fits_its_schema(spec: Path, where: str, value: Any, schema_pointer: str) -> None:
    errors = sorted(sd.SPECS.validator(spec, schema_pointer).iter_errors(value), key=str)
    assert not errors, f"{spec.name}#{where}: {errors[0].message}"


def test_examples_are_found_in_every_document() -> None:
    per_file = {spec.name: sum(1 for c in CASES if c[0] == spec) for spec in ALL_SPECS}
    assert per_file["call-control-v1.yaml"] > 100
    assert per_file["call-control-applications-v2.yaml"] > 30


def test_a_wrong_example_is_caught() -> None:
    """The example check really validates: the seed's list example with a bad meta fails."""
    doc = sd.SPECS.load(sd.V2)
    bad = copy.deepcopy(doc["components"]["examples"]["ApplicationList"]["value"])
    bad["meta"]["total_pages"] = "three"
    validator = sd.SPECS.validator(sd.V2, "/components/schemas/ListCallControlApplicationsResponse")
    assert list(validator.iter_errors(bad))


def test_speclint_passes_on_the_specs() -> None:
    assert speclint.lint(list(sd.MAIN_SPECS)) == []


@pytest.mark.parametrize(
    ("spec", "pointer", "value", "message"),
    [
        (sd.V1, "/webhooks/call.hangup/post/x-event-type-pointer", "/data/state", "no const"),
        (
            sd.V1,
            "/paths/~1calls~1{call_control_id}~1actions~1speak/post/x-webhooks/0/event",
            "call.spoken",
            "unknown event",
        ),
        (
            sd.V1,
            "/paths/~1calls~1{call_control_id}~1actions~1answer/post/x-idempotency-field",
            "cmd",
            "not a body property",
        ),
        (sd.V1, "/paths/~1calls~1{call_control_id}~1actions~1answer/post/x-call-states", ["ringing"], "unknown states"),
        (sd.V2, "/paths/~1call_control_applications/get/operationId", "createCallControlApplication", "used 2 times"),
    ],
)
def test_speclint_catches(spec: Path, pointer: str, value: Any, message: str, monkeypatch: pytest.MonkeyPatch) -> None:
    mutated = sd.SpecSet()
    for path in (*sd.MAIN_SPECS, sd.COMMON):
        mutated.docs[path.resolve()] = copy.deepcopy(sd.SPECS.load(path))
    *parents, last = [sd.unescape(t) for t in pointer.strip("/").split("/")]
    node = mutated.docs[spec.resolve()]
    for token in parents:
        node = node[int(token)] if isinstance(node, list) else node[token]
    node[int(last) if isinstance(node, list) else last] = value
    monkeypatch.setattr(sd, "SPECS", mutated)
    problems = speclint.lint(list(sd.MAIN_SPECS))
    assert any(message in p for p in problems), problems
