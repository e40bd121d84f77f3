"""JSON Schemas -> named models and Python annotations (part of stage 2).

:class:`ModelRegistry` copies every schema the API uses into one flat namespace of class
names (the document datamodel-code-generator renders), rewriting ``$ref``s across files to
those names and normalising OpenAPI 3.0 schemas to 3.1 (``nullable``, boolean
``exclusiveMinimum``). :meth:`ModelRegistry.annotation` turns a schema into the Python type a
method argument or return value uses; an inline object found there is hoisted into a named
model so that the method and the models agree on its name.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

from .load import Node, Workspace
from .naming import NameSet, pascal

REF_PREFIX = "#/components/schemas/"

# Names the models module imports or defines itself: a schema may not take them.
RESERVED_MODEL_NAMES = frozenset(
    {
        "Any", "Annotated", "AnyUrl", "AwareDatetime", "BaseModel", "ConfigDict", "Decimal",
        "Dict", "Enum", "Field", "List", "Literal", "NaiveDatetime", "None", "NotGiven",
        "Optional", "RootModel", "Self", "Type", "TypeAlias", "UUID", "Union", "PastDatetime",
        "FutureDatetime", "PastDate", "FutureDate", "EmailStr", "SecretStr", "Json",
        "StrictStr", "StrictInt", "StrictBool", "StrictFloat", "IPv4Address", "IPv6Address",
        "Base64Str", "Base64Bytes", "Discriminator", "Tag", "TypeAdapter", "ClassVar", "Model",
        "Extra", "Final", "Mapping", "Sequence", "NOT_GIVEN", "WebhookStep",
    }
)  # fmt: skip

_SCHEMA_KEYS: tuple[str, ...] = ("items", "additionalProperties", "not", "contains", "propertyNames", "if", "then")
_SCHEMA_KEYS += ("else", "unevaluatedItems", "unevaluatedProperties", "additionalItems")
_SCHEMA_LIST_KEYS = ("allOf", "anyOf", "oneOf", "prefixItems")
_SCHEMA_MAP_KEYS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")
_PRIMITIVES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool"}


class ModelRegistry:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._names = NameSet(RESERVED_MODEL_NAMES, sep="")
        self._by_origin: dict[tuple[Path, str], str] = {}
        self.schemas: dict[str, Any] = {}
        # class name -> (file, JSON pointer) of the schema it was copied from, for error messages
        self.origins: dict[str, tuple[str, str]] = {}
        self._copied_from: dict[int, tuple[Any, tuple[str, str]]] = {}  # id(copy) -> (copy, its origin)
        self._annotating: set[str] = set()

    # -- registration -------------------------------------------------------------------

    def register(self, node: Node, hint: str | None = None, version: str = "3.1") -> str:
        """The class name of the schema at ``node`` (a resolved schema), registering it."""
        key = (node.doc.path, node.pointer)
        if key in self._by_origin:
            return self._by_origin[key]
        name = self._names.claim(pascal(hint or _hint_from_node(node)))
        self._by_origin[key] = name
        self.origins[name] = (node.doc.name, node.pointer)
        self.schemas[name] = {}
        version = node.doc.version or version
        self.schemas[name] = self._copy(node, version, name)
        return name

    def register_inline(self, schema: dict[str, Any], hint: str, like: Any = None) -> str:
        """Register an already-copied schema under a new name (``like``: the copy it was made from, if not itself)."""
        name = self._names.claim(pascal(hint))
        self.schemas[name] = schema
        origin = self.origin_of(schema if like is None else like)
        if origin is not None:
            self.origins[name] = origin
        return name

    def origin_of(self, copy: Any) -> tuple[str, str] | None:
        """(file, JSON pointer) of the schema ``copy`` was copied from, if it is one of this registry's copies."""
        found = self._copied_from.get(id(copy))
        return found[1] if found is not None and found[0] is copy else None

    def copy(self, node: Node, version: str, hint: str | None = None) -> Any:
        """A copy of the schema at ``node`` in the registry's namespace (not registered).

        ``hint``: what a model it has to name (an inline variant of a discriminator) is named after.
        """
        return self._copy(node, node.doc.version or version, hint or _hint_from_node(node))

    def _ref_to(self, ref_node: Node, version: str) -> str:
        # One step, then through pure ``{$ref: ...}`` aliases: a $ref with siblings is a
        # schema of its own (OpenAPI 3.1). The loader has already rejected $ref loops.
        target = self.ws.lookup(ref_node.child("$ref"))
        while isinstance(target.value, dict) and set(target.value) == {"$ref"}:
            target = self.ws.lookup(target.child("$ref"))
        return self.register(target, version=version)

    def _copy(self, node: Node, version: str, hint: str) -> Any:
        value = node.value
        if not isinstance(value, dict):
            return value
        out: dict[str, Any] = {}
        for key, item in value.items():
            if key == "$ref" and isinstance(item, str):
                out["$ref"] = REF_PREFIX + self._ref_to(node, version)
            elif key in _SCHEMA_KEYS and isinstance(item, dict):
                out[key] = self._copy(node.child(key), version, hint + (" Item" if key == "items" else ""))
            elif key in (*_SCHEMA_LIST_KEYS, "items") and isinstance(item, list):
                out[key] = [self._copy(node.child(key, i), version, hint) for i in range(len(item))]
            elif key in _SCHEMA_MAP_KEYS and isinstance(item, dict):
                out[key] = {k: self._copy(node.child(key, k), version, f"{hint} {k}") for k in item}
            elif key == "discriminator" and isinstance(item, dict):
                out[key] = self._copy_discriminator(node.child(key), version)
            else:
                out[key] = item
        if isinstance(out.get("discriminator"), dict) and "mapping" not in out["discriminator"]:
            self._name_inline_variants(out, hint)
            mapping = self._implicit_mapping(out)
            if mapping:
                out["discriminator"] = {**out["discriminator"], "mapping": mapping}
        if version.startswith("3.0"):
            out = _normalise_30(out)
        if "default" in out and not _default_fits(out):
            # Only under --lenient (else the loader refused it): a model cannot have it as default.
            del out["default"]
        self._copied_from[id(out)] = (out, (node.doc.name, node.pointer))
        return out

    def _copy_discriminator(self, node: Node, version: str) -> dict[str, Any]:
        out = dict(node.value)
        mapping = node.value.get("mapping")
        if isinstance(mapping, dict):
            new: dict[str, str] = {}
            for tag, target in mapping.items():
                ref = target if ("#" in target or "/" in target) else REF_PREFIX + target
                ref_node = Node(node.doc, node.pointer, {"$ref": ref})
                new[tag] = REF_PREFIX + self._ref_to(ref_node, version)
            out["mapping"] = new
        return out

    def _name_inline_variants(self, schema: dict[str, Any], hint: str) -> None:
        """Each inline variant of a discriminated ``oneOf``/``anyOf`` registered as a model of its own.

        A discriminator's mapping names schemas: an inline variant has no name, and
        datamodel-code-generator would put its internal path in the tag
        (``Literal["0#-datamodel-code-generator-#-allOf-#-special-#"]``). Named, the variant's
        tag comes from the wire as any other's (:meth:`_implicit_mapping`).
        """
        for key in ("oneOf", "anyOf"):
            variants = schema.get(key)
            if not isinstance(variants, list):
                continue
            for i, variant in enumerate(variants):
                if isinstance(variant, dict) and not isinstance(variant.get("$ref"), str):
                    variants[i] = {"$ref": REF_PREFIX + self.register_inline(variant, f"{hint} Variant {i + 1}")}

    def _implicit_mapping(self, schema: dict[str, Any]) -> dict[str, str] | None:
        """A discriminator's mapping from the wire: each variant's one value of the property.

        Without ``mapping``, datamodel-code-generator would put the schema names in the tag
        (``Literal["MessageDetailRecord"]``) where the wire says ``message_detail_record``. A
        variant whose property has no single value (``const``, one-value ``enum``) keeps the
        schema name, as OpenAPI says.
        """
        prop = schema["discriminator"].get("propertyName")
        variants = schema.get("oneOf") or schema.get("anyOf") or []
        mapping: dict[str, str] = {}
        for variant in variants:
            name = self.ref_name(variant)
            if name is None:
                return None
            fields = self.object_fields(variant)
            prop_schema = self.target(fields[0].get(prop)) if fields else None
            values = _single_values(prop_schema)
            if len(values) != 1:
                values = [name]
            mapping[str(values[0])] = REF_PREFIX + name
        return mapping if len(mapping) == len(variants) else None

    # -- queries ------------------------------------------------------------------------

    def target(self, schema: Any) -> Any:
        """Follow ``$ref``s within the registry."""
        seen: set[str] = set()
        while isinstance(schema, dict) and "$ref" in schema:
            name = schema["$ref"][len(REF_PREFIX) :]
            if name in seen:
                return {}
            seen.add(name)
            schema = self.schemas[name]
        return schema

    def ref_name(self, schema: Any) -> str | None:
        if isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            return str(schema["$ref"][len(REF_PREFIX) :])
        return None

    @staticmethod
    def is_model(schema: Any) -> bool:
        """Whether the schema becomes a class of its own (rather than an inline type)."""
        if not isinstance(schema, dict):
            return False
        if "properties" in schema:
            return True
        all_of = schema.get("allOf")
        return isinstance(all_of, list) and len(all_of) > 1

    def object_fields(self, schema: Any) -> tuple[dict[str, Any], list[str]] | None:
        """The properties (in order) and required names of an object schema, or None."""
        schema = self.target(schema)
        if not isinstance(schema, dict):
            return None
        props: dict[str, Any] = {}
        required: list[str] = []
        found = False
        for part in schema.get("allOf", []):
            sub = self.object_fields(part)
            if sub is None:
                return None
            found = True
            props.update(sub[0])
            required += [r for r in sub[1] if r not in required]
        if isinstance(schema.get("properties"), dict):
            found = True
            props.update(schema["properties"])
        if found or schema.get("type") == "object":
            required += [r for r in schema.get("required", []) if r not in required]
            return props, required
        return None

    # -- annotations ----------------------------------------------------------------------

    def annotation(self, schema: Any, hint: str) -> str:
        """The Python type for ``schema``; hoists an inline object model in place."""
        if not isinstance(schema, dict):
            return "Any"
        ref = self.ref_name(schema)
        if ref is not None:
            target = self.schemas[ref]
            if self.is_model(target):
                base = ref
            elif ref in self._annotating:
                base = "Any"
            else:
                self._annotating.add(ref)
                base = self.annotation(target, ref)
                self._annotating.discard(ref)
            return _union([base, "None"] if _allows_null(schema) else [base])
        if self.is_model(schema):
            hoisted = dict(schema)
            name = self.register_inline(hoisted, hint, like=schema)
            schema.clear()
            schema["$ref"] = REF_PREFIX + name
            if "description" in hoisted:
                schema["description"] = hoisted["description"]
            return name
        nullable = _allows_null(schema)
        if "const" in schema:
            return _union([_literal([schema["const"]]), *(["None"] if nullable else [])])
        if isinstance(schema.get("enum"), list):
            values = [v for v in schema["enum"] if v is not None]
            literal = _literal(values) if values else "None"
            none = nullable or None in schema["enum"]
            return _union([literal, "None"] if none else [literal])
        for key in ("oneOf", "anyOf"):
            if isinstance(schema.get(key), list):
                members = [self.annotation(member, f"{hint}Variant{i + 1}") for i, member in enumerate(schema[key])]
                return _union([*members, *(["None"] if nullable else [])])
        all_of = schema.get("allOf")
        if isinstance(all_of, list) and len(all_of) == 1:
            return _union([self.annotation(all_of[0], hint), *(["None"] if nullable else [])])
        types = schema.get("type")
        listed = types if isinstance(types, list) else [types] if types else []
        out = [self._annotate_type(schema, kind, hint) for kind in listed]
        return _union(out) if out else "Any"

    def _annotate_type(self, schema: dict[str, Any], kind: str, hint: str) -> str:
        if kind == "null":
            return "None"
        if kind == "string" and schema.get("format") == "binary":
            return "bytes"
        if kind in _PRIMITIVES:
            return _PRIMITIVES[kind]
        if kind == "array":
            items = schema.get("items")
            inner = self.annotation(items, f"{hint}Item") if isinstance(items, dict) else "Any"
            return f"list[{inner}]"
        extra = schema.get("additionalProperties")
        value = self.annotation(extra, f"{hint}Value") if isinstance(extra, dict) else "Any"
        return f"dict[str, {value}]"


def _hint_from_node(node: Node) -> str:
    """A schema's name from where it is: a whole file is named by its title, else by the file's name."""
    if node.pointer in ("", "/"):
        title = node.value.get("title") if isinstance(node.value, dict) else None
        return str(title) if isinstance(title, str) and title.strip() else Path(str(node.doc.path)).stem
    return _hint_from_pointer(node.pointer)


def _hint_from_pointer(pointer: str) -> str:
    parts = [p for p in pointer.split("/") if p]
    if len(parts) >= 3 and parts[0] == "components" and parts[1] == "schemas":
        return parts[2] if len(parts) == 3 else " ".join(parts[2:])
    return " ".join(p for p in parts if p not in {"components", "schemas", "content", "definitions", "$defs"})


_JSON_TYPES: dict[str, tuple[type, ...]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list,),
    "object": (dict,),
    "null": (type(None),),
}


def _default_fits(schema: dict[str, Any]) -> bool:
    """Whether ``default`` has one of the schema's ``type``s (and is in its ``enum``, if any)."""
    value = schema["default"]
    kinds = schema.get("type")
    listed = kinds if isinstance(kinds, list) else [kinds] if isinstance(kinds, str) else []
    if not listed:  # the type its keywords imply (what the model's annotation says)
        listed = ["array"] if "items" in schema else ["object"] if "properties" in schema else []
    if listed:
        allowed = tuple(t for k in listed for t in _JSON_TYPES.get(k, (object,)))
        is_bool = isinstance(value, bool)
        if not isinstance(value, allowed) or (is_bool and "boolean" not in listed):
            return False
    enum = schema.get("enum")
    return not isinstance(enum, list) or value in enum


def _single_values(schema: Any) -> list[Any]:
    """The values a schema allows when it lists them (``const``, ``enum``), else []."""
    if not isinstance(schema, dict):
        return []
    if "const" in schema:
        return [schema["const"]]
    if isinstance(schema.get("enum"), list):
        return [v for v in schema["enum"] if v is not None]
    return []


def _allows_null(schema: dict[str, Any]) -> bool:
    types = schema.get("type")
    return types == "null" or (isinstance(types, list) and "null" in types)


def widen_literals(annotation: str) -> str:
    """``annotation`` with each top-level ``Literal[...]`` replaced by the types of its values.

    What an answer is parsed as: an enum the API extends later must still parse (and be kept),
    and a type checker cannot take ``type[Literal[...]]`` as ``cast_to``.
    """
    parts = []
    for part in _split_union(annotation):
        if part.startswith("Literal[") and part.endswith("]"):
            values = [_eval_literal(v) for v in _split_top(part[len("Literal[") : -1])]
            parts += sorted({_python_kind(v) for v in values})
        else:
            parts.append(part)
    return _union(parts)


def _eval_literal(text: str) -> Any:
    import ast

    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def _literal(values: list[Any]) -> str:
    if not all(isinstance(v, (str, int, bool)) and not isinstance(v, float) for v in values):
        kinds = sorted({_python_kind(v) for v in values})
        return _union(kinds)
    return "Literal[" + ", ".join(_repr(v) for v in values) + "]"


def _python_kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, (int, float)):
        return "float" if isinstance(value, float) else "int"
    if isinstance(value, str):
        return "str"
    return "Any"


def _repr(value: Any) -> str:
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


def _union(members: list[str]) -> str:
    """``A | B | ...`` without repeats, ``None`` last, every ``Literal[...]`` merged into one (PYI030)."""
    seen: list[str] = []
    literals: list[str] = []
    for member in members:
        for part in _split_union(member):
            if part.startswith("Literal[") and part.endswith("]"):
                if not literals:
                    seen.append("Literal[]")  # the merged literal's place
                literals += [v for v in _split_top(part[len("Literal[") : -1]) if v not in literals]
            elif part not in seen:
                seen.append(part)
    if literals:
        seen[seen.index("Literal[]")] = "Literal[" + ", ".join(literals) + "]"
    if "Any" in seen:
        return "Any"
    if "None" in seen:
        seen.remove("None")
        seen.append("None")
    return " | ".join(seen) if seen else "Any"


def _split_union(annotation: str) -> list[str]:
    """Split a top-level ``A | B`` annotation (not inside brackets or strings)."""
    return _split_top(annotation, "|")


def _split_top(annotation: str, sep: str = ",") -> list[str]:
    """Split at ``sep`` outside brackets and strings."""
    parts: list[str] = []
    depth = 0
    current = ""
    in_string = False
    escaped = False
    for char in annotation:
        if in_string:
            current += char
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            continue
        if char == '"':
            in_string = True
        elif char == "[":
            depth += 1
        elif char == "]":
            depth -= 1
        elif char == sep and depth == 0:
            parts.append(current.strip())
            current = ""
            continue
        current += char
    parts.append(current.strip())
    return [p for p in parts if p]


def _normalise_30(schema: dict[str, Any]) -> dict[str, Any]:
    """OpenAPI 3.0 schema idioms in their 3.1 (JSON Schema 2020-12) spelling."""
    for bound, limit in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(schema.get(bound), bool) and schema.pop(bound) and limit in schema:
            schema[bound] = schema.pop(limit)
    if schema.pop("nullable", False) is True:
        kind = schema.get("type")
        if isinstance(kind, str):
            schema["type"] = [kind, "null"]
            if isinstance(schema.get("enum"), list) and None not in schema["enum"]:
                schema["enum"] = [*schema["enum"], None]
        elif kind is None:
            rest = {k: v for k, v in schema.items() if k not in {"description", "default", "title"}}
            keep = {k: v for k, v in schema.items() if k in {"description", "default", "title"}}
            return {**keep, "anyOf": [rest, {"type": "null"}]}
    return schema


def model_names_in(annotation: str, known: Collection[str]) -> set[str]:
    """The model classes an annotation mentions (ignoring the text of string literals)."""
    bare = re.sub(r'"(?:[^"\\]|\\.)*"', "", annotation)
    return {name for name in re.findall(r"\b[A-Z]\w*\b", bare) if name in known}


# Keywords that describe a value without constraining it: an ``allOf`` part made only of these
# annotates the other part rather than adding a type.
_ANNOTATIONS = frozenset(
    {"description", "title", "default", "example", "examples", "deprecated", "readOnly", "writeOnly", "$comment"}
)


def annotated_enum_refs(schema: Any, schemas: dict[str, Any]) -> Any:
    """A copy of ``schema`` in which ``allOf: [{$ref: <a string enum>}, {description, default, ...}]``
    is the ``$ref`` with those annotations beside it (as OpenAPI 3.1 allows).

    The enum becomes an open union (:func:`open_enums`), a root model; an ``allOf`` of a root
    model is a model without fields, which every value fails. Written as an annotated ``$ref``,
    the field is the enum's type, with its description and default.
    """
    if isinstance(schema, list):
        return [annotated_enum_refs(item, schemas) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {
        key: (
            {name: annotated_enum_refs(sub, schemas) for name, sub in value.items()}
            if key in _SCHEMA_MAP_KEYS and isinstance(value, dict)
            else annotated_enum_refs(value, schemas)
            if key in _SCHEMA_KEYS or key in _SCHEMA_LIST_KEYS
            else value
        )
        for key, value in schema.items()
    }
    parts = out.get("allOf")
    if not isinstance(parts, list) or not set(out) <= {"allOf", *_ANNOTATIONS} or any(k.startswith("x-") for k in out):
        return out
    refs = [p for p in parts if isinstance(p, dict) and set(p) == {"$ref"}]
    notes = [p for p in parts if isinstance(p, dict) and p and set(p) <= _ANNOTATIONS]
    if len(refs) != 1 or len(refs) + len(notes) != len(parts) or not _is_string_enum(refs[0]["$ref"], schemas):
        return out
    merged: dict[str, Any] = {"$ref": refs[0]["$ref"]}
    for note in notes:
        merged.update(note)
    merged.update({k: v for k, v in out.items() if k != "allOf"})
    return merged


def _is_string_enum(ref: Any, schemas: dict[str, Any]) -> bool:
    target = schemas.get(ref[len(REF_PREFIX) :]) if isinstance(ref, str) and ref.startswith(REF_PREFIX) else None
    values = target.get("enum") if isinstance(target, dict) else None
    return isinstance(values, list) and bool(values) and all(isinstance(v, str) for v in values if v is not None)


def open_enums(schema: Any) -> Any:
    """A copy of ``schema`` in which every string ``enum`` also admits any other string.

    APIs add enum values over time: a client generated today must still read a response that
    carries a value added tomorrow, and keep it. Models render such a field as
    ``Literal["a", "b"] | str``: type checkers still see the known values, and validation never
    rejects a new one. ``const`` stays strict: it identifies a variant (an event type).
    """
    if isinstance(schema, list):
        return [open_enums(item) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out = {
        key: (
            {name: open_enums(sub) for name, sub in value.items()}
            if key in _SCHEMA_MAP_KEYS and isinstance(value, dict)
            else open_enums(value)
            if key in _SCHEMA_KEYS or key in _SCHEMA_LIST_KEYS
            else value
        )
        for key, value in schema.items()
    }
    values = out.get("enum")
    if isinstance(values, list) and values and all(isinstance(v, str) for v in values if v is not None):
        kinds = out.pop("type", "string")
        out.pop("enum")
        nullable = None in values or (isinstance(kinds, list) and "null" in kinds)
        strings = [v for v in values if v is not None]
        null: list[dict[str, Any]] = [{"type": "null"}] if nullable else []
        out["anyOf"] = [{"type": "string", "enum": strings}, {"type": "string"}, *null]
    return out


def flatten_conflicting_all_ofs(schemas: dict[str, Any]) -> dict[str, Any]:
    """``schemas`` with every ``allOf`` whose parts give one property different schemas merged into one object.

    A model rendered from such an ``allOf`` would subclass its parts and redefine (narrow) the
    field, which type checkers refuse (a base's field is invariant, and two bases may disagree).
    Merged, the model has each property once: the last part's schema, the model's own last.
    """
    out = dict(schemas)
    registry = _Lookup(out)
    changed = True
    while changed:
        changed = False
        for name, schema in out.items():
            merged = _merged_if_conflicting(registry, schema)
            if merged is not None:
                out[name] = merged
                changed = True
    return out


class _Lookup(ModelRegistry):
    """Just enough of a registry to follow ``$ref``s among ``schemas``."""

    def __init__(self, schemas: dict[str, Any]) -> None:  # no workspace needed
        self.schemas = schemas


def _merged_if_conflicting(registry: ModelRegistry, schema: Any) -> dict[str, Any] | None:
    if not isinstance(schema, dict) or not isinstance(schema.get("allOf"), list) or len(schema["allOf"]) < 2:
        return None
    parts = [*schema["allOf"], {k: v for k, v in schema.items() if k != "allOf"}]
    seen: dict[str, Any] = {}
    conflict = False
    properties: dict[str, Any] = {}
    required: list[str] = []
    for part in parts:
        fields = registry.object_fields(part)
        if fields is None:
            if registry.target(part) in ({}, None) or not _constrains_shape(registry.target(part)):
                continue
            return None  # a part that is not an object (oneOf, ...): left to datamodel-code-generator
        props, names = fields
        for prop, prop_schema in props.items():
            if prop in seen and seen[prop] != prop_schema:
                conflict = True
            seen[prop] = prop_schema
            properties[prop] = prop_schema
        required += [r for r in names if r not in required]
    if not conflict:
        return None
    keep = {k: v for k, v in schema.items() if k in {"title", "description", "example", "examples", "deprecated"}}
    return {**keep, "type": "object", "properties": properties, **({"required": required} if required else {})}


def _constrains_shape(schema: Any) -> bool:
    return isinstance(schema, dict) and any(k in schema for k in ("oneOf", "anyOf", "items", "enum", "const"))
