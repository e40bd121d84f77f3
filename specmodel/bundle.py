"""One self-contained document from a multi-file one, for tools that do not follow references
to other files (openapi-python-client, Prism, ...).

A ``$ref`` to ``other.yaml#/components/<section>/<name>`` becomes ``#/components/<section>/<name>``
and the other file's components are merged into the document's own; a name the document
already uses keeps the document's definition.
"""

from __future__ import annotations

import copy
from typing import Any

from .documents import Document, Node, iter_refs


def bundle(doc: Document) -> dict[str, Any]:
    """``doc``'s data with every reference to another file made local (``doc`` was read
    through a workspace, which reads the other files)."""
    ws = doc.workspace
    if ws is None:
        raise ValueError("bundle needs a document read through a Workspace")
    out: dict[str, Any] = copy.deepcopy(doc.data)
    pending = [doc]
    merged: set[str] = {doc.name}
    while pending:
        current = pending.pop()
        for holder in iter_refs(current.root()):
            ref = holder.value["$ref"]
            file_part, _, _ = ref.partition("#")
            if not file_part:
                continue
            target = ws.lookup(holder.child("$ref"))
            if target.doc.name not in merged:
                merged.add(target.doc.name)
                pending.append(target.doc)
                components = target.doc.data.get("components", {}) if isinstance(target.doc.data, dict) else {}
                for section, items in components.items():
                    mine = out.setdefault("components", {}).setdefault(section, {})
                    for name, value in items.items():
                        mine.setdefault(name, _localised(Node(target.doc, "", value)))
    bundled: dict[str, Any] = _localised(Node(doc, "", out))
    return bundled


def _localised(node: Node) -> Any:
    """A copy of a value with every reference made a fragment of the same document."""

    def walk(value: Any) -> Any:
        if isinstance(value, dict):
            ref = value.get("$ref")
            if isinstance(ref, str) and not ref.startswith("#") and "#" in ref:
                value = {**value, "$ref": "#" + ref.partition("#")[2]}
            return {k: walk(v) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v) for v in value]
        return value

    return walk(node.value)
