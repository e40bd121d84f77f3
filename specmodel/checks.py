"""Loading root documents and checking them: the structural checks, then openapi-spec-validator.

:func:`load` reads the root documents and everything their ``$ref``s reach into a
:class:`~specmodel.documents.Workspace`, and raises :class:`~specmodel.errors.SpecError` (file
and JSON pointer, or file and line) for anything that cannot be accepted.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

from .documents import Document, Node, Workspace, iter_operations, iter_refs, iter_subschemas
from .errors import SpecError, join_pointer

SCHEMA_TYPES = frozenset({"string", "number", "integer", "boolean", "array", "object", "null"})


def load(paths: list[Path], *, lenient: bool = False) -> tuple[Workspace, Callable[[], list[str]]]:
    """Read and check the root documents.

    The checks of the generator's own run here and raise the first problem. The
    openapi-spec-validator pass, the slowest, runs when the returned ``finish`` is called
    (the command line runs it while another process renders the models): it returns the
    warnings, or raises the first finding.
    """
    ws = Workspace()
    for path in paths:
        doc = ws.read(path, str(path))
        _check_header(doc)
        ws.roots.append(doc)
    for doc in ws.roots:
        _check_refs(ws, doc)
    for doc in ws.roots:
        _check_schema_types(ws, doc)
        _check_operations(ws, doc)
    problems = _check_duplicate_operation_ids(ws)

    def finish() -> list[str]:
        found = problems + [e for doc in ws.roots for e in _validate(ws, doc)]
        if found and not lenient:
            first = found[0]
            if first.lenient_ok:
                first.message += " (--lenient generates anyway)"
            raise first
        return [str(p) for p in found]

    return ws, finish


def _check_header(doc: Document) -> None:
    data = doc.data
    if not isinstance(data, dict):
        kind = "null" if data is None else type(data).__name__
        raise SpecError(doc.name, f"an OpenAPI document must be a mapping, found {kind}", pointer="")
    if "swagger" in data:
        raise SpecError(
            doc.name,
            "Swagger 2.0 is not supported: convert the document to OpenAPI 3.0 or 3.1",
            pointer="/swagger",
        )
    if "openapi" not in data:
        raise SpecError(doc.name, "missing required field 'openapi'", pointer="")
    version = str(data["openapi"])
    if not re.fullmatch(r"3\.[012]\.\d+(-.+)?", version):
        known = "3.0.x, 3.1.x or 3.2.x"
        raise SpecError(doc.name, f"unsupported OpenAPI version {version!r} ({known})", pointer="/openapi")


def _check_refs(ws: Workspace, root: Document) -> None:
    """Resolve every ``$ref`` in ``root`` and in every file it reaches."""
    pending = [root]
    done: set[Path] = set()
    while pending:
        doc = pending.pop()
        if doc.path in done:
            continue
        done.add(doc.path)
        # Examples are free-form: a "$ref" key inside an example value is data.
        for node in iter_refs(doc.root()):
            if "/example" in node.pointer and _inside_example(node.pointer):
                continue
            if _inside_extension(node.pointer):
                continue  # an x- extension is opaque: what it holds is not followed
            target = ws.resolve(node)
            if target.doc.path not in done:
                pending.append(target.doc)


# Mappings whose keys are names chosen by the author, where `x-...` is a name, not an extension.
_NAMED = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "schemas", "parameters", "responses", "headers"}
    | {"examples", "requestBodies", "securitySchemes", "links", "callbacks", "pathItems", "webhooks", "paths"}
    | {"content", "encoding", "variables", "mapping", "scopes", "dependentSchemas", "mediaTypes"}
)


def _inside_extension(pointer: str) -> bool:
    tokens = pointer.split("/")[1:]
    return any(t.startswith("x-") and (i == 0 or tokens[i - 1] not in _NAMED) for i, t in enumerate(tokens))


def _inside_example(pointer: str) -> bool:
    parts = pointer.split("/")
    return any(
        p == "example" or (p == "examples" and i + 2 < len(parts) and parts[i + 2] == "value")
        for i, p in enumerate(parts)
    )


def _schema_roots(ws: Workspace, doc: Document) -> Iterator[Node]:
    root = Node(doc, "", doc.data)
    components = root.get("components")
    schemas = components.get("schemas") if components else None
    if schemas and isinstance(schemas.value, dict):
        for name in schemas.value:
            yield schemas.child(name)
    for _, _, path_item, operation in iter_operations(doc):
        for holder in (path_item, operation):
            params = holder.get("parameters")
            if params and isinstance(params.value, list):
                for index in range(len(params.value)):
                    param = ws.resolve(params.child(index))
                    schema = param.get("schema")
                    if schema:
                        yield schema
        body = operation.get("requestBody")
        bodies = [ws.resolve(body)] if body else []
        responses = operation.get("responses")
        if responses and isinstance(responses.value, dict):
            bodies += [ws.resolve(responses.child(code)) for code in responses.value]
        for holder in bodies:
            content = holder.get("content")
            if content and isinstance(content.value, dict):
                for media in content.value:
                    schema = content.child(media).get("schema")
                    if schema:
                        yield schema


def _check_schema_types(ws: Workspace, doc: Document) -> None:
    seen: set[tuple[Path, str]] = set()
    stack = list(_schema_roots(ws, doc))
    while stack:
        node = stack.pop()
        if not isinstance(node.value, dict):
            continue
        if "$ref" in node.value:
            node = ws.resolve(node)
        key = (node.doc.path, node.pointer)
        if key in seen or not isinstance(node.value, dict):
            continue
        seen.add(key)
        types = node.value.get("type")
        listed = types if isinstance(types, list) else [types] if types is not None else []
        for kind in listed:
            if kind not in SCHEMA_TYPES or (kind == "null" and doc.version.startswith("3.0")):
                raise node.child("type").error(f"invalid schema type {kind!r}")
        if isinstance(types, list) and doc.version.startswith("3.0"):
            raise node.child("type").error("a list of types needs OpenAPI 3.1")
        stack.extend(iter_subschemas(node))


def _check_operations(ws: Workspace, doc: Document) -> None:
    for path, _method, path_item, operation in iter_operations(doc):
        declared: set[str] = set()
        for holder in (path_item, operation):
            params = holder.get("parameters")
            if params and isinstance(params.value, list):
                for index in range(len(params.value)):
                    param = ws.resolve(params.child(index)).value
                    if isinstance(param, dict) and param.get("in") == "path":
                        declared.add(str(param.get("name")))
        for name in re.findall(r"{([^{}]+)}", path):
            if name not in declared:
                raise operation.error(f"path parameter {name!r} is not declared")


def _check_duplicate_operation_ids(ws: Workspace) -> list[SpecError]:
    first: dict[str, Node] = {}
    problems: list[SpecError] = []
    for doc in ws.roots:
        for _, _, _, operation in iter_operations(doc):
            op_id = operation.get("operationId")
            if op_id is None:
                continue
            if op_id.value in first:
                where = first[op_id.value]
                other = f"{where.doc.name}#{where.pointer}" if where.doc is not doc else where.pointer
                message = f"duplicate operationId {op_id.value!r} (also at {other})"
                problems.append(SpecError(doc.name, message, pointer=op_id.pointer, lenient_ok=True))
            else:
                first[op_id.value] = op_id
    return problems


def _validate(ws: Workspace, doc: Document) -> list[SpecError]:
    """Run openapi-spec-validator; each finding is placed at the node it is about."""
    handlers = {"file": _local(ws, doc), "http": _local(ws, doc), "https": _local(ws, doc)}
    cls = type("Validator", (_validator_class(doc.version),), {"resolver_handlers": handlers})
    validator = cls(doc.data, base_uri=doc.path.as_uri())
    problems: list[SpecError] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        errors = validator.iter_errors()
        while True:
            try:
                error = next(errors)
            except StopIteration:
                break
            except Exception as exc:  # the validator itself gave up on this document
                problems += _after_crash(ws, doc, exc)
                break
            problems.append(_finding(ws, doc, error))
    unique = {(p.file, p.pointer, p.message): p for p in problems}
    return list(unique.values())


def _local(ws: Workspace, doc: Document) -> Callable[[str], Any]:
    """How the validator reads a referenced document: through the workspace, never the network
    (a URI under the document's ``$self`` is the file beside it)."""

    def read(uri: str) -> Any:
        address = uri.partition("#")[0]
        if address.startswith("file:"):
            path = Path(url2pathname(urlsplit(address).path))
            return ws.read(path, str(path)).data
        return ws.lookup(Node(doc, "", {"$ref": address}).child("$ref")).doc.data

    return read


def _finding(ws: Workspace, doc: Document, error: Any) -> SpecError:
    from jsonschema.exceptions import best_match  # type: ignore[import-untyped]

    inner = best_match(error.context) if getattr(error, "context", None) else None
    if inner is not None:  # "not valid under any of the schemas": say which part is wrong
        inner.spec_parts = (*_tokens(error), *inner.absolute_path)
        error = inner
    message = " ".join(str(error.message).split()).split(" Failed validating ")[0]
    if len(message) > 200:
        message = message[:197] + "..."
    tokens = _tokens(error)
    node = ws.locate(doc, tokens)
    default = getattr(error, "spec_default", False)
    lenient_ok = default or type(error).__name__ == "DuplicateOperationIDError"
    if node is None:
        return SpecError(doc.name, message, pointer=join_pointer("", *tokens), lenient_ok=lenient_ok)
    return SpecError(node.doc.name, message, pointer=node.pointer, lenient_ok=lenient_ok)


def _tokens(error: Any) -> tuple[str | int, ...]:
    parts = getattr(error, "spec_parts", None)
    return tuple(parts) if parts is not None else tuple(error.absolute_path)


def _after_crash(ws: Workspace, doc: Document, exc: Exception) -> list[SpecError]:
    """The validator raised instead of reporting: find what it tripped on with the plain
    JSON Schema check of the document, which does not crash, else say it could not check it."""
    from openapi_spec_validator.schemas import (
        openapi_v30_schema_validator,
        openapi_v31_schema_validator,
        openapi_v32_schema_validator,
    )

    schema_validator = {"3.0": openapi_v30_schema_validator, "3.2": openapi_v32_schema_validator}.get(
        doc.version[:3], openapi_v31_schema_validator
    )
    found = [_finding(ws, doc, error) for error in schema_validator.iter_errors(doc.data)]
    if found:
        return found
    reason = f"{type(exc).__name__}: {' '.join(str(exc).split())}"[:160]
    return [SpecError(doc.name, f"openapi-spec-validator could not check this document ({reason})", pointer="")]


def _validator_class(version: str) -> Any:
    """openapi-spec-validator's validator for the version, each of whose keyword checks tags
    the findings it makes with where they are (it reports them without a location)."""
    from jsonschema_path import SchemaPath
    from openapi_spec_validator.validation import OpenAPIV30SpecValidator, OpenAPIV32SpecValidator, keywords
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    base: Any
    if version.startswith("3.0"):
        base = OpenAPIV30SpecValidator
    elif version.startswith("3.2"):
        base = OpenAPIV32SpecValidator
    else:
        base = _fast_v31_validator()

    def locating(cls: Any) -> Any:
        is_value = issubclass(cls, keywords.ValueValidator)

        def __call__(self: Any, *args: Any, **kwargs: Any) -> Any:
            paths = [a for a in args if isinstance(a, SchemaPath)]
            where = tuple(paths[-1].parts) if paths else None
            for found in cls.__call__(self, *args, **kwargs):
                # the validator re-creates other error types on the way out, losing the tags
                error = (
                    found if isinstance(found, OpenAPIValidationError) else OpenAPIValidationError.create_from(found)
                )
                if where is not None and getattr(error, "spec_parts", None) is None:
                    inner = tuple(getattr(error, "absolute_path", ()))
                    error.spec_parts = (*where, *(("default",) if is_value else ()), *inner)
                    error.spec_default = is_value
                yield error

        members: dict[str, Any] = {"__call__": __call__}
        if issubclass(cls, keywords.SchemaValidator):

            def __init__(self: Any, registry: Any) -> None:
                cls.__init__(self, registry)
                # its "seen" registries are lists, searched once per schema: quadratic in the schemas
                self.visited_schema_ids = _IdSet()
                self.meta_checked_schema_ids = _IdSet()

            members["__init__"] = __init__
        return type(cls.__name__, (cls,), members)

    validators = {name: locating(cls) for name, cls in base.keyword_validators.items() if name != "__root__"}
    return type("LocatingValidator", (base,), {"keyword_validators": {**base.keyword_validators, **validators}})


class _IdSet(set[int]):
    """A set with a list's ``append``: what openapi-spec-validator keeps its seen schema ids in."""

    def append(self, item: int) -> None:
        self.add(item)


def _fast_v31_validator() -> Any:
    """OpenAPI 3.1 validation with each schema's meta-check done by jsonschema-rs.

    openapi-spec-validator checks every schema against the JSON Schema 2020-12 meta-schema
    with the pure-Python ``jsonschema``, once per schema and again for each nested schema:
    most of its time on large documents. The same meta-schema check in Rust is much faster.
    """
    import jsonschema_rs
    from openapi_spec_validator.validation import OpenAPIV31SpecValidator, keywords
    from openapi_spec_validator.validation.exceptions import OpenAPIValidationError

    class SchemaValidator(keywords.OpenAPIV31SchemaValidator):
        def _validate_schema_meta(self, schema: Any, schema_value: Any) -> Any:
            try:
                jsonschema_rs.meta.validate(schema_value)
            except jsonschema_rs.ValidationError as exc:
                return OpenAPIValidationError(str(exc).splitlines()[0], path=list(exc.instance_path))
            return None

    class Validator(OpenAPIV31SpecValidator):
        keyword_validators = {  # noqa: RUF012 (a class attribute of the base, replaced whole)
            **OpenAPIV31SpecValidator.keyword_validators,
            "schema": SchemaValidator,
        }

    return Validator
