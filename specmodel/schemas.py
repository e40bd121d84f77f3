"""JSON Schema validation of values against schemas in the documents, ``$ref``s across files.

Every document of a :class:`~specmodel.documents.Workspace` is a resource of one
``referencing`` registry, keyed by its file URI, so that a schema anywhere in them can be
used by its location.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .documents import Node, Workspace

# Keywords that make a schema's meaning depend on where it sits: such a schema is not inlined.
_LOCATION_BOUND = frozenset({"$id", "$anchor", "$dynamicRef", "$dynamicAnchor", "$recursiveRef"})


class _Recursive(Exception):
    """The schema refers to itself: it cannot be written out without references."""


def inline(ws: Workspace, node: Node, *, limit: int = 64) -> Any | None:
    """The schema at ``node`` with every ``$ref`` replaced by what it names, or None when that
    cannot be done (a recursive schema, or keywords bound to a location such as ``$id``).

    A ``$ref`` with sibling keywords becomes ``allOf`` of the target and the siblings (their
    meaning in JSON Schema 2020-12). The result needs no registry: a validator built on it
    resolves nothing per value.
    """

    def walk(current: Node, active: tuple[tuple[str, str], ...]) -> Any:
        value = current.value
        if isinstance(value, dict):
            if _LOCATION_BOUND & value.keys():
                raise _Recursive
            ref = value.get("$ref")
            if isinstance(ref, str):
                target = ws.lookup(current.child("$ref"))
                key = (str(target.doc.path), target.pointer)
                if key in active or len(active) >= limit:
                    raise _Recursive
                inlined = walk(target, (*active, key))
                rest = {k: walk(current.child(k), active) for k in value if k != "$ref"}
                return {"allOf": [inlined], **rest} if rest else inlined
            return {k: walk(current.child(k), active) for k in value}
        if isinstance(value, list):
            return [walk(current.child(i), active) for i in range(len(value))]
        return value

    try:
        return walk(node, ())
    except _Recursive:
        return None


def registry_for(ws: Workspace) -> Registry[Any]:
    """A registry holding every document read so far."""
    resources = [
        (doc.uri, Resource.from_contents(doc.data, default_specification=DRAFT202012)) for doc in ws.docs.values()
    ]
    return Registry().with_resources(resources)


def validator_for(
    registry: Registry[Any], node: Node, *, formats: bool = True, inlined: Any | None = None
) -> Draft202012Validator:
    """A Draft 2020-12 validator for the schema at ``node``, with format checks by default.

    Given the schema already ``inlined``, the validator is built on it and needs no lookups;
    otherwise it refers to the schema's location in the registry.
    """
    schema = inlined if inlined is not None else {"$ref": f"{node.doc.uri}#{quote(node.pointer, safe='/~')}"}
    checker = Draft202012Validator.FORMAT_CHECKER if formats else None
    return Draft202012Validator(schema, registry=registry, format_checker=checker)
