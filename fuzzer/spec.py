"""The fuzzer's view of the specs: a thin adapter over `specmodel`, the project's one spec reader.

It only indexes what specmodel parsed (the fuzzer reads no YAML, follows no `$ref` and walks
no pointer itself): operations by schemathesis' label (`POST /calls`, the path as written),
by operationId and by command name; webhook entries by event and envelope.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import specmodel
from specmodel import Node, Spec, WebhookEntry, WebhookSignature, WebhookStep, load_spec
from specmodel import Operation as ModelOperation

SPEC_DIR = specmodel.SPEC_DIR  # the repository's spec/, or the installed wheel's copy
V1_SPEC = SPEC_DIR / "call-control-v1.yaml"
V2_SPEC = SPEC_DIR / "call-control-applications-v2.yaml"

Step = WebhookStep
Signature = WebhookSignature
__all__ = ["Node", "Operation", "Signature", "SpecIndex", "Step", "WebhookEntry", "load_index"]


@dataclass(frozen=True)
class Operation:
    """A specmodel operation, with the names the fuzzer looks it up by."""

    model: ModelOperation

    def __getattr__(self, name: str) -> Any:
        return getattr(self.model, name)

    @property
    def label(self) -> str:
        """`METHOD path` as schemathesis labels it (the path as written, without the server's)."""
        return f"{self.model.method.upper()} {self.model.path}"

    @property
    def spec(self) -> str:
        return self.model.document.name

    @property
    def command(self) -> str | None:
        """`answer` for `/calls/{call_control_id}/actions/answer`, `dial` for `POST /calls`."""
        if self.model.path == "/calls" and self.model.method == "post":
            return "dial"
        if "/actions/" in self.model.path:
            return self.model.path.rsplit("/", 1)[1]
        return None

    @property
    def statuses(self) -> tuple[str, ...]:
        return tuple(self.model.responses)

    @property
    def body_schema(self) -> Node | None:
        media = self.model.request_body.json if self.model.request_body else None
        return media.schema if media else None

    @property
    def body_required(self) -> bool:
        return bool(self.model.request_body and self.model.request_body.required)

    def security_kinds(self) -> tuple[str, ...]:
        """The first security alternative's schemes, as `basic`, `bearer`, `apiKey`, ..."""
        first = self.model.security[0] if self.model.security else ()
        return tuple(s.scheme or s.type for s in first)


@dataclass
class SpecIndex:
    spec: Spec
    operations: dict[str, Operation] = field(default_factory=dict)  # by label (one per spec file)
    by_id: dict[str, Operation] = field(default_factory=dict)
    by_command: dict[str, Operation] = field(default_factory=dict)
    webhooks: dict[tuple[str, str], WebhookEntry] = field(default_factory=dict)  # (event, envelope)
    all_operations: list[Operation] = field(default_factory=list)

    @property
    def signature(self) -> WebhookSignature | None:
        return self.spec.signature

    def entry_for_body(self, body: Any) -> WebhookEntry | None:
        """The webhook entry a body renders: its `x-event-type` at its `x-event-type-pointer`."""
        return self.spec.webhook_for_body(body)

    def validator(self, entry: WebhookEntry) -> Any:
        assert entry.body_schema is not None
        return self.spec.validator(entry.body_schema)

    def body_example(self, op: Operation) -> Any:
        media = op.model.request_body.json if op.model.request_body else None
        examples = media.examples(self.spec) if media else []
        return examples[0] if examples else None


@cache
def load_index(*paths: Path) -> SpecIndex:
    """The fuzzer's index of the given spec files (default: the repository's V1 and V2 specs)."""
    spec = load_spec(*(paths or (V1_SPEC, V2_SPEC)), validate=False)
    index = SpecIndex(spec)
    first = spec.documents[0] if spec.documents else None
    for model in spec.operations:
        op = Operation(model)
        index.all_operations.append(op)
        index.operations.setdefault(op.label, op)
        if model.operation_id:
            index.by_id[model.operation_id] = op
        if model.document is first and op.command:
            index.by_command[op.command] = op
    for entry in spec.webhooks:
        if entry.event and entry.envelope:
            index.webhooks[(entry.event, entry.envelope)] = entry
    return index
