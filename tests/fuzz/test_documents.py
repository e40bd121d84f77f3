"""The fuzzer's index of the project's documents: V1 and V2 commands of the same name stay apart.

No server: what the index, the call flows' bodies and the hostile phase's targets make of the
real spec files.
"""

from __future__ import annotations

from typing import Any

import pytest

from fuzzer.callflows import COMMANDS, body_for
from fuzzer.hostile import targets
from fuzzer.spec import APPS_V2_SPEC, CALLS_V2_SPEC, DOCUMENTS, V1_SPEC, load_index

INDEX = load_index()


def test_every_document_is_indexed_on_its_own() -> None:
    assert [path for _, path in DOCUMENTS] == [doc.path.resolve() for doc in INDEX.documents.values()]
    v1, v2 = INDEX.command("answer", V1_SPEC), INDEX.command("answer", CALLS_V2_SPEC)
    assert v1.label == v2.label == "POST /calls/{call_control_id}/actions/answer"  # same label ...
    assert v1 is not v2 and (v1.full_path, v2.full_path) == (  # ... two operations
        "/calls/{call_control_id}/actions/answer",
        "/v2/calls/{call_control_id}/actions/answer",
    )
    assert INDEX.command("answer") is v1  # no document named: the first
    assert INDEX.commands("answer") == [v1, v2]
    assert [op.model.document.path.name for op in INDEX.commands("enqueue")] == ["call-control-v2.yaml"]
    assert INDEX.document(APPS_V2_SPEC).commands == {}
    assert len(INDEX.document(CALLS_V2_SPEC).operations) == 32


def test_the_envelope_of_a_document_comes_from_its_webhooks_section() -> None:
    # V2's webhooks (its own and V1's shared ones) are all envelope "2"; V1 describes both
    assert INDEX.document(CALLS_V2_SPEC).envelope == "2"
    assert INDEX.command("speak", CALLS_V2_SPEC).envelope == "2"
    assert INDEX.document(V1_SPEC).envelope is None
    assert INDEX.command("speak", V1_SPEC).envelope is None


def test_reports_name_colliding_operations_by_route() -> None:
    assert INDEX.name_of(INDEX.command("dial", CALLS_V2_SPEC)) == "POST /v2/calls"
    assert INDEX.name_of(INDEX.command("dial", V1_SPEC)) == "POST /calls"
    # a V2-only command is still named as V2's
    assert INDEX.name_of(INDEX.command("enqueue", CALLS_V2_SPEC)) == "POST /v2/calls/{call_control_id}/actions/enqueue"
    apps = INDEX.document(APPS_V2_SPEC).operations["GET /call_control_applications"]
    assert INDEX.name_of(apps) == "GET /call_control_applications"


class _First:
    def __call__(self, strategy: Any) -> Any:
        return strategy.elements[0]


@pytest.mark.parametrize("command", sorted(set(COMMANDS)))
def test_call_flow_bodies_are_valid_for_every_document(command: str) -> None:
    ops = INDEX.commands(command)
    assert ops, f"{command}: in no document"
    for op in ops:
        body = body_for(INDEX, op, _First())
        if op.body_schema is None:
            assert body == {}
            continue
        errors = [e.message for e in INDEX.spec.validator(op.body_schema).iter_errors(body)]
        assert not errors, (INDEX.name_of(op), body, errors)


def test_call_flow_bodies_keep_media_short() -> None:
    v2_playback = body_for(INDEX, INDEX.command("playback_start", CALLS_V2_SPEC), _First())
    assert v2_playback["loop"] == 1  # the spec's example loops forever
    v2_fork = body_for(INDEX, INDEX.command("fork_start", CALLS_V2_SPEC), _First())
    assert {"rx", "tx"} <= set(v2_fork) and "target" not in v2_fork  # V1's field is not V2's
    gather = body_for(INDEX, INDEX.command("gather", CALLS_V2_SPEC), _First())
    assert gather["timeout_millis"] <= 1000 and gather["initial_timeout_millis"] <= 1000


def test_the_hostile_phase_covers_the_v2_call_document() -> None:
    v2_ops = [op for op in INDEX.all_operations if op.model.document.path == CALLS_V2_SPEC]
    assert len(v2_ops) == 32
    found = {(INDEX.name_of(op), t.describe()) for op in v2_ops for t in targets(INDEX, op)}
    assert ("POST /v2/calls/{call_control_id}/actions/enqueue", "body /queue_name") in found
    assert ("POST /v2/calls", "body /to") in found
    assert ("GET /v2/calls/{call_control_id}", "path call_control_id") in found
