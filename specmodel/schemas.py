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


def registry_for(ws: Workspace) -> Registry[Any]:
    """A registry holding every document read so far."""
    resources = [
        (doc.uri, Resource.from_contents(doc.data, default_specification=DRAFT202012)) for doc in ws.docs.values()
    ]
    return Registry().with_resources(resources)


def validator_for(registry: Registry[Any], node: Node, *, formats: bool = True) -> Draft202012Validator:
    """A Draft 2020-12 validator for the schema at ``node``, with format checks by default."""
    schema = {"$ref": f"{node.doc.uri}#{quote(node.pointer, safe='/~')}"}
    checker = Draft202012Validator.FORMAT_CHECKER if formats else None
    return Draft202012Validator(schema, registry=registry, format_checker=checker)
