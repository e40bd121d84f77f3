"""The fuzzer's view of the specs: a thin adapter over `specmodel`, the project's one spec reader.

It only indexes what specmodel parsed (the fuzzer reads no YAML and walks no pointer itself):
per document, operations by schemathesis' label (`POST /calls`, the path as written) and by
command name (V1's and V2's `answer` are two operations of two documents, each found in its
own); operationIds; webhook entries by event and envelope; and per document the one envelope
its `webhooks` section describes, if it describes only one (V2 commands always send it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import specmodel
from specmodel import Document, Node, Spec, WebhookEntry, WebhookSignature, WebhookStep, load_spec
from specmodel import Operation as ModelOperation

SPEC_DIR = specmodel.SPEC_DIR  # the repository's spec/, or the installed wheel's copy
V1_SPEC = SPEC_DIR / "call-control-v1.yaml"
CALLS_V2_SPEC = SPEC_DIR / "call-control-v2.yaml"
APPS_V2_SPEC = SPEC_DIR / "call-control-applications-v2.yaml"
# The project's API documents and the name of each one's schemathesis run (`--parts`).
DOCUMENTS: tuple[tuple[str, Path], ...] = (("v1", V1_SPEC), ("calls-v2", CALLS_V2_SPEC), ("apps-v2", APPS_V2_SPEC))

Step = WebhookStep
Signature = WebhookSignature
__all__ = ["DocumentIndex", "Node", "Operation", "Signature", "SpecIndex", "Step", "WebhookEntry", "load_index"]


@dataclass(frozen=True)
class Operation:
    """A specmodel operation, with the names the fuzzer looks it up by."""

    model: ModelOperation
    envelope: str | None = None  # the one envelope its document's webhooks are in (None: the application's)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.model, name)

    @property
    def label(self) -> str:
        """`METHOD path` as schemathesis labels it (the path as written, without the server's)."""
        return f"{self.model.method.upper()} {self.model.path}"

    @property
    def route(self) -> str:
        """`METHOD full path` (the server URL's path included): unique across documents."""
        return f"{self.model.method.upper()} {self.model.full_path}"

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
class DocumentIndex:
    """One document's operations: by schemathesis label and by command name."""

    document: Document
    envelope: str | None = None
    operations: dict[str, Operation] = field(default_factory=dict)
    commands: dict[str, Operation] = field(default_factory=dict)

    @property
    def path(self) -> Path:
        return self.document.path


@dataclass
class SpecIndex:
    spec: Spec
    documents: dict[Path, DocumentIndex] = field(default_factory=dict)  # by resolved path, in load order
    by_id: dict[str, Operation] = field(default_factory=dict)
    webhooks: dict[tuple[str, str], WebhookEntry] = field(default_factory=dict)  # (event, envelope)
    all_operations: list[Operation] = field(default_factory=list)

    @property
    def signature(self) -> WebhookSignature | None:
        return self.spec.signature

    def document(self, path: Path | str | None = None) -> DocumentIndex:
        """A document's index by its path (None: the first document)."""
        if path is None or str(path) == "":
            return next(iter(self.documents.values()))
        return self.documents[Path(path).resolve()]

    def command(self, name: str, path: Path | str | None = None) -> Operation:
        """The operation of command `name` (`dial`, `answer`, ...) in a document (None: the first)."""
        return self.document(path).commands[name]

    def commands(self, name: str) -> list[Operation]:
        """The operations of command `name` in every document that has one (V1 and V2 `answer`)."""
        return [doc.commands[name] for doc in self.documents.values() if name in doc.commands]

    def name_of(self, op: Operation) -> str:
        """How reports name an operation: its label, or its route (`POST /v2/calls`) when its document
        shares a label with another one (V1's and V2's call commands)."""
        own = self.documents[op.model.document.path.resolve()]
        shared = any(
            label in doc.operations for doc in self.documents.values() if doc is not own for label in own.operations
        )
        return op.route if shared else op.label

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


def _document_envelopes(spec: Spec) -> dict[Path, str]:
    """Per document, the one envelope of the entries of its `webhooks` section (those it shares
    with another document by `$ref` included), when they all have the same one."""
    entries = {(e.node.doc.path, e.node.pointer): e for e in spec.webhooks}
    found: dict[Path, set[str]] = {}
    for doc in spec.documents:
        hooks = doc.root().get("webhooks")
        for name in hooks.value if hooks is not None and isinstance(hooks.value, dict) else ():
            item = spec.resolve(hooks.child(name))
            for (path, pointer), entry in entries.items():
                if path == item.doc.path and pointer.startswith(item.pointer + "/") and entry.envelope:
                    found.setdefault(doc.path, set()).add(entry.envelope)
    return {path: next(iter(envs)) for path, envs in found.items() if len(envs) == 1}


@cache
def load_index(*paths: Path) -> SpecIndex:
    """The fuzzer's index of the given spec files (default: the project's documents, DOCUMENTS)."""
    spec = load_spec(*(paths or tuple(path for _, path in DOCUMENTS)), validate=False)
    index = SpecIndex(spec)
    envelopes = _document_envelopes(spec)
    for doc in spec.documents:
        index.documents[doc.path.resolve()] = DocumentIndex(doc, envelopes.get(doc.path))
    for model in spec.operations:
        holder = index.documents[model.document.path.resolve()]
        op = Operation(model, holder.envelope)
        index.all_operations.append(op)
        holder.operations.setdefault(op.label, op)
        if model.operation_id:
            index.by_id.setdefault(model.operation_id, op)
        if op.command:
            holder.commands.setdefault(op.command, op)
    for entry in spec.webhooks:
        if entry.event and entry.envelope:
            index.webhooks[(entry.event, entry.envelope)] = entry
    return index
