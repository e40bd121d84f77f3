"""The IR with the class names datamodel-code-generator wrote, where it renamed a model.

The IR names each model as :class:`~codegen.schemas.ModelRegistry` asked for it (the
``components/schemas`` keys of the document the models are generated from). The tool may write
another name: it names an inline object after its property (``customer`` -> ``Customer``), and
numbers or suffixes a later model whose name is taken (``Customer1``, ``IPv4NetworkModel``).
:func:`apply_model_names` puts the names it reports (``render.ModelsOutput.class_names``) in
every place the IR prints a model: annotations, the resources' imports, webhook models, the
webhook schemas' keys. Whole identifiers only, never the text of a string literal.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import replace

from .. import ir
from ..errors import SpecError
from ..naming import RESERVED_CLASS_NAMES

MODELS_IMPORT = "from ..models import "
# A string literal (kept as it is) or an identifier (renamed when it names a model).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|(?<![\w.])([A-Za-z_]\w*)')


def apply_model_names(api: ir.Api, class_names: Mapping[str, str]) -> ir.Api:
    """``api`` with each model named as ``class_names`` says (asked -> written); ``api`` itself when none differs.

    Raises :class:`SpecError` when a model the client uses has no class at all.
    """
    used = {w.model for w in api.webhooks if w.model}
    used |= {n for r in api.resources for line in r.imports if line.startswith(MODELS_IMPORT) for n in _names(line)}
    if missing := sorted(used - set(class_names)):
        raise SpecError("<models>", f"datamodel-code-generator wrote no class for the schema(s) {', '.join(missing)}")
    renames = {asked: written for asked, written in class_names.items() if asked != written}
    if not renames:
        return api

    def name(annotation: str) -> str:
        return _TOKEN.sub(lambda m: renames.get(m.group(1), m.group(0)) if m.group(1) else m.group(0), annotation)

    written = {renames.get(n, n) for n in api.model_schemas} | set(class_names.values())
    classes = {r.module_name: _free_class_name(r.class_name, written) for r in api.resources}

    def link(res: ir.ResourceLink) -> ir.ResourceLink:
        return replace(res, class_name=classes.get(res.module, res.class_name))

    resources = tuple(
        replace(
            r,
            class_name=classes[r.module_name],
            operations=tuple(_rename_operation(op, name) for op in r.operations),
            imports=tuple(_rename_import(line, renames) for line in r.imports),
            children=tuple(map(link, r.children)),
        )
        for r in api.resources
    )
    return replace(
        api,
        resources=resources,
        client_resources=tuple(map(link, api.client_resources)),
        namespaces=tuple(replace(ns, resources=tuple(map(link, ns.resources))) for ns in api.namespaces),
        webhooks=tuple(replace(w, model=renames.get(w.model, w.model) if w.model else w.model) for w in api.webhooks),
        webhook_schemas={renames.get(k, k): v for k, v in api.webhook_schemas.items()},
    )


def _rename_operation(op: ir.Operation, name: Callable[[str], str]) -> ir.Operation:
    def param(p: ir.Parameter) -> ir.Parameter:
        return replace(p, annotation=name(p.annotation))

    body = replace(op.body, fields=tuple(map(param, op.body.fields))) if op.body else None
    pagination = op.pagination
    if pagination is not None:
        pagination = replace(pagination, item_annotation=name(pagination.item_annotation))
    return replace(
        op,
        parameters=tuple(map(param, op.parameters)),
        body=body,
        response=replace(op.response, annotation=name(op.response.annotation)),
        pagination=pagination,
    )


def _rename_import(line: str, renames: Mapping[str, str]) -> str:
    if not line.startswith(MODELS_IMPORT):
        return line
    return MODELS_IMPORT + ", ".join(sorted(renames.get(n, n) for n in _names(line)))


def _names(line: str) -> list[str]:
    return line[len(MODELS_IMPORT) :].split(", ")


def _free_class_name(name: str, models: set[str]) -> str:
    """A resource class name no model takes (as :func:`codegen.naming.resource_class_name` chose it)."""
    while name in models or name in RESERVED_CLASS_NAMES or f"Async{name}" in models:
        name += "Resource"
    return name
