"""Security schemes -> credentials, and which of them each operation needs."""

from __future__ import annotations

from typing import Any

from specmodel import extensions

from .. import ir
from ..errors import SpecError
from ..load import Document, Node
from ..naming import NameSet, safe_identifier, snake
from .common import Context, clean


class Security:
    """The security schemes of every document, merged when they put the same thing on the wire."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.keys: dict[tuple[str, str], str] = {}  # (doc name, scheme name) -> key
        self.schemes: list[ir.SecurityScheme] = []

    @property
    def credential_names(self) -> set[str]:
        return {c.py_name for s in self.schemes for c in s.credentials}

    def add_document(self, doc: Document) -> None:
        schemes = doc.data.get("components", {}).get("securitySchemes", {}) or {}
        root = Node(doc, "", doc.data)
        for spec_name in schemes:
            node = self.ctx.ws.resolve(root.child("components", "securitySchemes", spec_name))
            value = node.value
            kind, location, param = _scheme_transport(value)
            if kind is None:
                raise node.error(f"unsupported security scheme type {value.get('type')!r}")
            existing = next(
                (s for s in self.schemes if (s.kind, s.location, s.param_name) == (kind, location, param)),
                None,
            )  # fmt: skip
            if existing is not None:  # the same thing on the wire: one scheme, one credential
                self.keys[(doc.name, spec_name)] = existing.key
                continue
            key = NameSet({s.key for s in self.schemes}).claim(snake(spec_name))
            names = self._credential_names(spec_name, node, kind, key)
            description = clean(value.get("description", ""))
            credentials = tuple(
                ir.Credential(n, f"{self.ctx.env_prefix}_{n.upper()}", _credential_doc(kind, i, description))
                for i, n in enumerate(names)
            )  # fmt: skip
            self.schemes.append(ir.SecurityScheme(key, kind, location, param, credentials))
            self.keys[(doc.name, spec_name)] = key

    def _credential_names(self, spec_name: str, scheme: Node, kind: str, key: str) -> tuple[str, ...]:
        """``--credential-names``, else the scheme's ``x-credential-names``, else the defaults."""
        wanted = 2 if kind == "basic" else 1
        problem = f"security scheme {spec_name!r} takes {wanted} credential name(s)"
        given = self.ctx.options.credential_names.get(spec_name)
        if given:
            if len(given) != wanted:
                raise SpecError("--credential-names", problem)
            return tuple(safe_identifier(str(n)) for n in given)
        declared = extensions.credential_names(scheme)
        if declared:
            if len(declared) != wanted:
                raise scheme.child("x-credential-names").error(problem)
            return tuple(safe_identifier(n) for n in declared)
        default: tuple[str, ...] = ("username", "password") if kind == "basic" else ("api_key",)
        if any(n in self.credential_names for n in default):
            default = tuple(f"{key}_{n}" for n in default)
        return default

    def requirements(self, doc: Document, op: Node) -> tuple[tuple[str, ...], ...]:
        """The operation's (else the document's) ``security``: alternatives of scheme keys."""
        holder = op if "security" in op.value else Node(doc, "", doc.data)
        requirements = holder.get("security")
        if requirements is None or not isinstance(requirements.value, list):
            return ()
        out: list[tuple[str, ...]] = []
        for index, requirement in enumerate(requirements.value):
            keys: list[str] = []
            for name in requirement or {}:
                if (doc.name, name) not in self.keys:
                    raise requirements.child(index).error(f"unknown security scheme {name!r}")
                keys.append(self.keys[(doc.name, name)])
            out.append(tuple(keys))
        return tuple(out)


def _scheme_transport(value: Any) -> tuple[Any, Any, str]:
    kind = value.get("type")
    if kind == "http":
        scheme = str(value.get("scheme", "")).lower()
        return ("basic" if scheme == "basic" else "bearer"), "header", "Authorization"
    if kind in {"oauth2", "openIdConnect"}:
        return "bearer", "header", "Authorization"
    if kind == "apiKey" and value.get("in") in {"header", "query", "cookie"}:
        return "api_key", value["in"], str(value.get("name", ""))
    return None, None, ""


def _credential_doc(kind: str, index: int, description: str) -> str:
    if kind == "basic":
        what = "user name" if index == 0 else "password"
        return f"The HTTP Basic {what}. {description}".strip()
    return description or ("The bearer token." if kind == "bearer" else "The API key.")
