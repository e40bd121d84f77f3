"""Where each resource lives: under a namespace (``--namespace DOC=NAME``), nested in its tag's parent.

A document given a namespace puts its resources under one client attribute (``client.v2.pets``),
so that two documents with the same tags sit side by side without ambiguity. A tag with a parent
(OpenAPI 3.2's ``parent``, or ``x-parent``, read by :mod:`specmodel`) makes its resource an
attribute of the parent tag's resource, named by the tag without the parent's words
(``Pet Toys`` under ``Pets`` -> ``client.pets.toys``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from specmodel import Tag, document_tags

from .. import ir
from ..errors import SpecError
from ..load import Document
from ..naming import pascal, resource_class_name, snake, strip_resource_words, words
from .common import Context
from .operations import Operations


@dataclass
class _Place:
    words_name: str  # the resource's own name (its tag in snake_case): methods drop its words
    namespace: str | None
    parent: str | None  # the parent resource's module
    description: str


class Nesting:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.places: dict[str, _Place] = {}  # module -> where it lives
        self._tags: dict[str, dict[str, Tag]] = {}
        self._namespaces = {str(Path(k).resolve()): v for k, v in ctx.options.namespaces.items()}
        for key in self._namespaces:
            if not any(str(Path(d.path).resolve()) == key for d in ctx.ws.roots):
                raise SpecError(key, "--namespace names a document that is not one of the inputs")

    def namespace(self, doc: Document) -> str | None:
        return self._namespaces.get(str(Path(doc.path).resolve()))

    def tags(self, doc: Document) -> dict[str, Tag]:
        if doc.name not in self._tags:
            self._tags[doc.name] = {t.name: t for t in document_tags(doc)}
        return self._tags[doc.name]

    def module(self, doc: Document, resource: str, tag: str | None) -> str:
        """The module of an operation's resource (its tag's, or its path's when untagged)."""
        ns = self.namespace(doc)
        module = f"{snake(ns)}_{resource}" if ns else resource
        if module not in self.places:
            found = self.tags(doc).get(tag) if tag is not None else None
            parent = None
            if found is not None and found.parent is not None:
                parent = self.module(doc, snake(found.parent), found.parent)
            description = (found.description or found.name) if found is not None else ""
            self.places[module] = _Place(resource, ns, parent, description)
        return module

    def arrange(
        self, operations: Operations, grouped: dict[str, list[tuple[str, dict[str, Any]]]], descriptions: dict[str, str]
    ) -> tuple[tuple[ir.Resource, ...], tuple[ir.ResourceLink, ...], tuple[ir.Namespace, ...]]:
        """The resources (sorted by module), the client's own resource attributes, the namespaces."""
        built = {
            module: operations.resource(
                place.words_name,
                descriptions.get(module) or place.description,
                [e for _, e in grouped.get(module, [])],
            )
            for module, place in sorted(self.places.items())
        }
        names = {module: self._attribute(module, built) for module in built}
        class_names = {module: resource_class_name(module, self.ctx.registry.schemas) for module in built}

        def link(module: str) -> ir.ResourceLink:
            return ir.ResourceLink(names[module], module, class_names[module], built[module].description)

        def holder(module: str) -> str:
            place = self.places[module]
            if place.parent is not None:
                above = holder(place.parent)
                return f"{above}.{names[place.parent]}" if above else names[place.parent]
            return place.namespace or ""

        resources = tuple(
            replace(
                res,
                name=names[module],
                class_name=class_names[module],
                module=module,
                holder=holder(module),
                children=tuple(link(m) for m in built if self.places[m].parent == module),
            )
            for module, res in built.items()
        )
        top = [m for m in built if self.places[m].parent is None]
        client_resources = tuple(link(m) for m in top if self.places[m].namespace is None)
        namespaces = []
        for ns in dict.fromkeys(v for v in self._namespaces.values()):
            if ns in {r.name for r in client_resources}:
                raise SpecError("--namespace", f"namespace {ns!r} has the name of a resource")
            members = tuple(link(m) for m in top if self.places[m].namespace == ns)
            docs = [d for d in self.ctx.ws.roots if self.namespace(d) == ns]
            titles = [str(d.data.get("info", {}).get("title", "")) for d in docs]
            namespaces.append(ir.Namespace(ns, pascal(ns) + "Namespace", "; ".join(t for t in titles if t), members))
        return resources, client_resources, tuple(namespaces)

    def _attribute(self, module: str, built: dict[str, ir.Resource]) -> str:
        """The attribute on what holds it: a nested resource drops its parent's words."""
        place = self.places[module]
        if place.parent is None:
            return place.words_name
        parent = self.places[place.parent]
        name = "_".join(strip_resource_words(words(place.words_name), words(parent.words_name)))
        taken = {op.method_name for op in built[place.parent].operations} | {"with_raw_response"}
        return place.words_name if name in taken else name
