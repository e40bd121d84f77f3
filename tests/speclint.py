"""Lint rules of this project's specs, beyond what openapi-spec-validator checks.

Run as `python -m tests.speclint spec/*.yaml`: prints one line per problem
(`file#/json/pointer: message`) and exits 1 if there is any.

Rules:
- every operation has an operationId (unique across the files), a summary, a
  description and a tag; every non-2xx answer of an operation carries the `errors` body;
- every call command (an operation with `x-call-states` or `x-webhooks`) declares `x-webhooks`; one sent
  with a method that is not idempotent (POST) declares an `x-idempotency-field`, and any declared
  `x-idempotency-field` is a property of its request body;
- `x-webhooks` steps use only the documented keys and conditions, and name events that exist in
  the `webhooks` section of the same document; `x-call-states` uses only known states;
- every event of a document is described in each envelope that document sends (V1: "1" and "2";
  V2 call commands: "2" only), and the `const` at each entry's `x-event-type-pointer` equals its
  `x-event-type`;
- a webhook entry shared by `$ref` with another document counts once (its operationId is not a
  duplicate);
- every `description` that makes a toolkit choice says so with "Toolkit choice:".
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from tests import specdoc as sd

STEP_KEYS = {"event", "one_of", "repeat", "optional", "when", "leg"}
LEGS = {"self", "other", "new"}
CONDITIONS = {"recording", "machine_detection", "machine_greeting", "streaming"}
CALL_STATES = {"parked", "answered", "bridged"}
IDEMPOTENT_METHODS = {"get", "put", "delete", "head", "options"}
CALLS_V2 = sd.SPEC_DIR / "call-control-v2.yaml"


def _schema_at(schema: dict[str, Any], pointer: str, base: Path) -> dict[str, Any]:
    for token in filter(None, pointer.split("/")):
        schema = sd.prop(schema, token, base)
    return schema


def lint(paths: list[Path]) -> list[str]:
    problems: list[str] = []

    def problem(path: Path, pointer: str, message: str) -> None:
        problems.append(f"{path.name}#{pointer}: {message}")

    operation_ids: Counter[str] = Counter()
    counted: set[tuple[Path, str, str]] = set()  # (file, key, method) of entries already counted

    def count(op: sd.Operation) -> None:
        key = (op.file.resolve(), op.path, op.method)
        if key not in counted:
            counted.add(key)
            operation_ids[op.node.get("operationId", "")] += 1

    for path in paths:
        events: dict[str, set[str]] = {}  # this document's events -> envelopes
        steps_to_check: list[tuple[str, str]] = []
        for op in sd.operations(path):
            node = op.node
            count(op)
            for key in ("operationId", "summary", "description", "tags"):
                if not node.get(key):
                    problem(path, op.pointer, f"missing {key}")
            for status in node.get("responses", {}):
                if status.startswith("2"):
                    continue
                resp = sd.resolved(node["responses"][status], op.file)
                schema = (resp.get("content", {}).get("application/json") or {}).get("schema")
                if not schema or not str(schema.get("$ref", "")).endswith("/Errors"):
                    problem(path, f"{op.pointer}/responses/{status}", "error answer without the errors body")
            if "x-call-states" in node:
                unknown = set(node["x-call-states"]) - CALL_STATES
                if unknown:
                    problem(path, f"{op.pointer}/x-call-states", f"unknown states {sorted(unknown)}")
            if "x-call-states" in node or "x-webhooks" in node:
                if "x-webhooks" not in node:
                    problem(path, op.pointer, "a call command must declare x-webhooks ([] for none)")
                field = node.get("x-idempotency-field")
                needed = field is not None or op.method not in IDEMPOTENT_METHODS
                if needed and (not field or field not in sd.request_schema(op).get("properties", {})):
                    problem(path, f"{op.pointer}/x-idempotency-field", f"{field!r} is not a body property")
            for i, step in enumerate(node.get("x-webhooks", [])):
                where = f"{op.pointer}/x-webhooks/{i}"
                if set(step) - STEP_KEYS:
                    problem(path, where, f"unknown keys {sorted(set(step) - STEP_KEYS)}")
                if ("event" in step) == ("one_of" in step):
                    problem(path, where, "a step has exactly one of `event` and `one_of`")
                if step.get("leg", "self") not in LEGS:
                    problem(path, where, f"unknown leg {step['leg']!r}")
                if "when" in step and step["when"] not in CONDITIONS:
                    problem(path, where, f"unknown condition {step['when']!r}")
                for event in [step["event"]] if "event" in step else step.get("one_of", []):
                    steps_to_check.append((where, event))

        for hook in sd.operations(path, "webhooks"):
            node = hook.node
            missing = [k for k in ("x-event", "x-envelope", "x-event-type", "x-event-type-pointer") if k not in node]
            if missing:
                problem(path, hook.pointer, f"missing {missing}")
                continue
            count(hook)
            events.setdefault(node["x-event"], set()).add(node["x-envelope"])
            if node["x-event-type"] != hook.path:
                problem(path, hook.pointer, "the entry's key is not its x-event-type")
            body = sd.resolved(node["requestBody"], hook.file)
            schema = dict(sd.resolved(body["content"]["application/json"]["schema"], hook.file))
            try:
                const = _schema_at(schema, node["x-event-type-pointer"], hook.file).get("const")
            except KeyError:
                const = None
            if const != node["x-event-type"]:
                problem(path, f"{hook.pointer}/x-event-type-pointer", f"no const {node['x-event-type']!r} there")

        sent = set().union(*events.values()) if events else set()
        for event, envelopes in sorted(events.items()):
            if envelopes != sent:
                problems.append(
                    f"{path.name}#/webhooks: {event} is described in envelopes {sorted(envelopes)}, "
                    f"not in every envelope the document sends {sorted(sent)}"
                )
        for where, event in steps_to_check:
            if event not in events:
                problem(path, where, f"unknown event {event!r}")
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
