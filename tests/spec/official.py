"""Helpers for the tests that compare our V2 call document with Telnyx's official OpenAPI document.

The official document (4 MB, read-only, never committed) is read from ../shared/bench at test time
(or from the directory in TELNYX_OFFICIAL_SPEC_DIR); the `official` fixture (conftest.py) skips,
saying so, when it is absent.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from specmodel import Node
from tests import specdoc as sd

CALLS_V2 = sd.SPEC_DIR / "call-control-v2.yaml"
BENCH = Path(os.environ.get("TELNYX_OFFICIAL_SPEC_DIR", sd.SPEC_DIR.parent.parent / "shared" / "bench"))
MISSING = f"the official Telnyx OpenAPI document (telnyx-openapi*.yml) is not in {BENCH}"


@cache
def official_document() -> dict[str, Any] | None:
    files = sorted(BENCH.glob("telnyx-openapi*.y*ml")) if BENCH.is_dir() else []
    if not files:
        return None
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with files[-1].open(encoding="utf-8") as fh:
        return yaml.load(fh, Loader=loader)  # a safe loader (C if available)


# -- the official document: local $refs only ------------------------------------------------------


def off_resolve(doc: dict[str, Any], node: Any) -> Any:
    seen: set[str] = set()
    while isinstance(node, dict) and "$ref" in node:
        ref = node["$ref"]
        if ref in seen or not ref.startswith("#/"):
            raise ValueError(f"official document: cannot follow {ref}")
        seen.add(ref)
        target: Any = doc
        for token in ref[2:].split("/"):
            target = target[sd.unescape(token)]
        node = target
    return node


def off_merged(doc: dict[str, Any], node: Any) -> dict[str, Any]:
    """An official object schema with its `allOf` parts merged (properties, required, examples)."""
    node = off_resolve(doc, node)
    if not isinstance(node, dict):
        return {}
    merged: dict[str, Any] = {k: v for k, v in node.items() if k != "allOf"}
    merged["properties"] = dict(node.get("properties") or {})
    merged["required"] = list(node.get("required") or [])
    for part in node.get("allOf") or []:
        sub = off_merged(doc, part)
        merged["properties"].update(sub.get("properties") or {})
        merged["required"] += sub.get("required") or []
    return merged


def own_examples(schema: dict[str, Any]) -> list[Any]:
    values = [schema["example"]] if "example" in schema else []
    values += list(schema.get("examples") or []) if isinstance(schema.get("examples"), list) else []
    return values


def official_operation(official: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    op = (official.get("paths") or {}).get(path, {}).get(method)
    if op is None:
        raise LookupError(f"the official document has no {method.upper()} {path}")
    return op


# -- our documents ---------------------------------------------------------------------------------


def our_node(file: Path, pointer: str) -> Node:
    node = sd.SPECS.node(file, pointer)
    return sd.SPECS.workspace.resolve(node)


def our_merged(node: Node) -> tuple[list[Node], dict[str, Node], list[str]]:
    """Our object schema: the nodes that make it up (`allOf` parts), its properties and `required`."""
    node = sd.SPECS.workspace.resolve(node)
    parts, properties, required = [node], {}, []
    if isinstance(node.value, dict):
        props = node.get("properties")
        for name, child in props.items() if props is not None else ():
            properties[name] = child
        required += list(node.value.get("required") or [])
        all_of = node.get("allOf")
        for _, part in all_of.items() if all_of is not None else ():
            sub_parts, sub_props, sub_required = our_merged(part)
            parts += sub_parts
            properties.update(sub_props)
            required += sub_required
    return parts, properties, required
