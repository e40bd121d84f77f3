"""Lint rules of this project's specs, beyond what openapi-spec-validator checks.

Run as `python -m tests.speclint spec/*.yaml`: prints one line per problem
(`file#/json/pointer: message`) and exits 1 if there is any.

The documents are read through specmodel, which already refuses a malformed `x-` extension
(an `x-webhooks` step with unknown keys, a bad leg, ...); those refusals are reported here as
problems too. Rules on top:
- every operation has an operationId (unique across the files), a summary, a
  description and a tag; every non-2xx answer of an operation carries the `errors` body;
- every call command (an operation with `x-call-states` or `x-webhooks`) declares `x-webhooks`; one sent
  with a method that is not idempotent (POST) declares an `x-idempotency-field`, and any declared
  `x-idempotency-field` is a property of its request body;
- `x-webhooks` steps use only the documented conditions, and name events that exist in the
  `webhooks` section of the same document; `x-call-states` uses only known states;
- every event of a document is described in each envelope that document sends (V1: "1" and "2";
  V2 call commands: "2" only), and the `const` at each entry's `x-event-type-pointer` equals its
  `x-event-type`;
- a webhook entry shared by `$ref` with another document counts once (its operationId is not a
  duplicate).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from specmodel import Node, Operation, Spec, SpecError, WebhookEntry
from tests import specdoc as sd

CONDITIONS = {"recording", "machine_detection", "machine_greeting", "streaming"}
CALL_STATES = {"parked", "answered", "bridged"}
IDEMPOTENT_METHODS = {"get", "put", "delete", "head", "options"}
CALLS_V2 = sd.SPEC_DIR / "call-control-v2.yaml"
EVENT_EXTENSIONS = ("x-event", "x-envelope", "x-event-type", "x-event-type-pointer")


def _where(node: Node, *tokens: str) -> str:
    return f"{node.doc.path.name}#{node.pointer}" + "".join(f"/{t}" for t in tokens)


def _lint_operation(spec: Spec, op: Operation, problem: list[str]) -> None:
    here = _where(op.node)
    for key, value in (("operationId", op.operation_id), ("summary", op.summary), ("description", op.description)):
        if not value:
            problem.append(f"{here}: missing {key}")
    if not op.tags:
        problem.append(f"{here}: missing tags")
    for status, response in op.responses.items():
        media = response.json
        ref = media.schema.value.get("$ref", "") if media and media.schema else ""
        if not status.startswith("2") and not str(ref).endswith("/Errors"):
            problem.append(f"{here}/responses/{status}: error answer without the errors body")
    if op.call_states is not None and set(op.call_states) - CALL_STATES:
        problem.append(f"{here}/x-call-states: unknown states {sorted(set(op.call_states) - CALL_STATES)}")
    if op.call_states is None and op.webhooks is None:
        return
    if op.webhooks is None:
        problem.append(f"{here}: a call command must declare x-webhooks ([] for none)")
    field = op.idempotency_field
    if field is not None or op.method not in IDEMPOTENT_METHODS:
        media = op.request_body.json if op.request_body else None
        fields = spec.properties(media.schema) if media and media.schema else {}
        if not field or field not in fields:
            problem.append(f"{here}/x-idempotency-field: {field!r} is not a body property")


def _lint_entry(spec: Spec, entry: WebhookEntry, problem: list[str]) -> bool:
    here = _where(entry.node)
    missing = [k for k in EVENT_EXTENSIONS if k not in entry.node.value]
    if missing:
        problem.append(f"{here}: missing {missing}")
        return False
    if entry.event_type != entry.name:
        problem.append(f"{here}: the entry's key is not its x-event-type")
    schema = entry.body_schema
    for token in entry.pointer_tokens:
        schema = spec.property(schema, token) if schema is not None else None
    const = schema.value.get("const") if schema is not None and isinstance(schema.value, dict) else None
    if const != entry.event_type:
        problem.append(f"{here}/x-event-type-pointer: no const {entry.event_type!r} there")
    return True


def lint(paths: list[Path]) -> list[str]:
    problems: list[str] = []
    operation_ids: Counter[str] = Counter()
    counted: set[tuple[Path, str]] = set()  # where each operation or entry lives: a shared one counts once

    def count(node: Node, op_id: object) -> None:
        if (node.doc.path, node.pointer) not in counted:
            counted.add((node.doc.path, node.pointer))
            operation_ids[str(op_id or "")] += 1

    for path in paths:
        try:
            spec = sd.SPECS.spec([path])
        except SpecError as exc:
            problems.append(f"{Path(exc.file).name}#{exc.pointer or ''}: {exc.message}")
            continue
        events: dict[str, set[str]] = {}  # this document's events -> envelopes
        for entry in spec.webhooks:
            if _lint_entry(spec, entry, problems):
                count(entry.node, entry.node.value.get("operationId"))
                events.setdefault(str(entry.event), set()).add(str(entry.envelope))
        for op in spec.operations:
            count(op.node, op.operation_id)
            _lint_operation(spec, op, problems)
            for index, step in enumerate(op.webhooks or ()):
                where = _where(op.node, "x-webhooks", str(index))
                if step.when is not None and step.when not in CONDITIONS:
                    problems.append(f"{where}: unknown condition {step.when!r}")
                problems += [f"{where}: unknown event {event!r}" for event in step.events if event not in events]
        sent = set().union(*events.values()) if events else set()
        for event, envelopes in sorted(events.items()):
            if envelopes != sent:
                problems.append(
                    f"{path.name}#/webhooks: {event} is described in envelopes {sorted(envelopes)}, "
                    f"not in every envelope the document sends {sorted(sent)}"
                )
    for op_id, n in sorted(operation_ids.items()):
        if n > 1:
            problems.append(f"operationId {op_id!r} is used {n} times")
    return problems


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv if Path(a).name != "common.yaml"] or [*sd.MAIN_SPECS, CALLS_V2]
    problems = lint(paths)
    for line in problems:
        print(line)
    if not problems:
        print(f"speclint: {len(paths)} files clean")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
