"""Large model sets rendered in parts, in parallel, and merged into one module.

datamodel-code-generator works on one document in one process; on a large real-world spec
(about 3,000 schemas) it is most of a generation's time. Schemas that never refer to each
other, directly or not, can be rendered apart: :func:`split` groups the schemas into the
connected parts of their ``$ref`` graph and deals those groups out to a few documents of about
equal size; each is rendered on its own (by :class:`codegen.render.ModelsProcess`, one process
each); :func:`merge` joins the modules into one.

How many parts a document gets depends on the document only (its number of schemas), never on
the machine, so that regenerating is byte-identical everywhere. The classes datamodel-code-generator
invents (for inline objects, enums) may take the same name in two parts: the later part's class is
renamed (``Data`` -> ``Data1``) in its code, token by token, never inside a string or docstring,
and the class names reported for its schemas follow the rename.
"""

from __future__ import annotations

import ast
import io
import json
import os
import pickle
import re
import signal
import tokenize
from collections.abc import Callable, Iterable
from typing import Any

from .errors import SpecError

REF_PREFIX = "#/components/schemas/"

# Schemas per part: below twice this a document is rendered whole (as every spec of this
# repository and of the public corpus is); at most MAX_PARTS parts.
PART_SIZE = 1000
MAX_PARTS = 4


def part_count(document: dict[str, Any]) -> int:
    schemas = document.get("components", {}).get("schemas", {})
    return max(1, min(MAX_PARTS, len(schemas) // PART_SIZE))


def split(document: dict[str, Any]) -> list[dict[str, Any]]:
    """``document`` (an OpenAPI document of ``components/schemas`` only) as documents that
    share no ``$ref``: the whole of it when it is small (see :func:`part_count`)."""
    count = part_count(document)
    schemas: dict[str, Any] = document["components"]["schemas"]
    if count == 1:
        return [document]
    groups = _connected(schemas)
    weights = [0] * count
    members: list[set[str]] = [set() for _ in range(count)]
    sized = [(sum(len(json.dumps(schemas[n], sort_keys=True)) for n in g), g) for g in groups]
    for weight, group in sorted(sized, key=lambda item: (-item[0], item[1][0])):
        lightest = weights.index(min(weights))
        weights[lightest] += weight
        members[lightest].update(group)
    parts = []
    for names in members:
        part = dict(document)
        part["components"] = {"schemas": {n: s for n, s in schemas.items() if n in names}}
        parts.append(part)
    return parts


def _connected(schemas: dict[str, Any]) -> list[list[str]]:
    """The schema names, grouped by the connected parts of the ``$ref`` graph (in schema order)."""
    root = {name: name for name in schemas}

    def find(name: str) -> str:
        while root[name] != name:
            root[name] = root[root[name]]
            name = root[name]
        return name

    for name, schema in schemas.items():
        for target in _refs(schema):
            if target in root:
                root[find(name)] = find(target)
    groups: dict[str, list[str]] = {}
    for name in schemas:
        groups.setdefault(find(name), []).append(name)
    return list(groups.values())


def _refs(value: Any) -> Iterable[str]:
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, sub in item.items():
                if key == "$ref" and isinstance(sub, str) and sub.startswith(REF_PREFIX):
                    yield sub[len(REF_PREFIX) :]
                elif isinstance(sub, (dict, list)):
                    stack.append(sub)
        elif isinstance(item, list):
            stack.extend(sub for sub in item if isinstance(sub, (dict, list)))


Output = tuple[str, dict[str, str]]  # a module's code, and {schema name: class name}


def render(document: dict[str, Any], render_one: Callable[[dict[str, Any]], Output]) -> Output:
    """``render_one(document)``, for a large document in parts: the first in this process, each
    other in a forked one (which has what this one imported), then merged. Where there is no
    fork the parts are rendered one after the other, to the same module. A part's
    :class:`SpecError` is raised here; a part whose process failed otherwise is rendered again
    here (so that the real error is raised here); the other parts' processes are stopped."""
    parts = split(document)
    if len(parts) == 1:
        return render_one(document)
    if not hasattr(os, "fork"):
        return merge([render_one(part) for part in parts])
    children: list[tuple[int, int, dict[str, Any]]] = []
    try:
        for part in parts[1:]:
            children.append((*_fork(part, render_one), part))
        outputs = [render_one(parts[0])]
        while children:
            pid, fd, part = children.pop(0)
            outputs.append(_collect(pid, fd, part, render_one))
    finally:
        for pid, fd, _ in children:
            os.close(fd)
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
    return merge(outputs)


def _fork(part: dict[str, Any], render_one: Callable[[dict[str, Any]], Output]) -> tuple[int, int]:
    read_fd, write_fd = os.pipe()
    pid = os.fork()
    if pid == 0:  # the part's process: its output or its exception, pickled, then gone
        os.close(read_fd)
        try:
            result: tuple[str, Any] = ("ok", render_one(part))
        except SpecError as exc:  # its keyword-only fields do not unpickle: plain data
            result = ("spec_error", exc.as_tuple())
        except Exception:  # the parent renders the part again, and raises the real error
            result = ("failed", None)
        with os.fdopen(write_fd, "wb") as pipe:
            pickle.dump(result, pipe)
        os._exit(0)
    os.close(write_fd)
    return pid, read_fd


def _collect(pid: int, fd: int, part: dict[str, Any], render_one: Callable[[dict[str, Any]], Output]) -> Output:
    with os.fdopen(fd, "rb") as pipe:
        try:
            status, payload = pickle.load(pipe)
        except EOFError:  # the process died before answering
            status, payload = "failed", None
    os.waitpid(pid, 0)
    if status == "ok":
        return payload  # type: ignore[no-any-return]
    if status == "spec_error":
        raise SpecError.from_tuple(payload)
    return render_one(part)


_REBUILD = re.compile(r"^[A-Za-z_]\w*\.model_rebuild\(\)\n?", re.M)


def merge(parts: list[tuple[str, dict[str, str]]]) -> tuple[str, dict[str, str]]:
    """One module of the parts' modules ``(code, {schema name: class name})``: the first part's
    header, every part's imports, every part's classes (a later part's class renamed where an
    earlier part took its name), then every part's ``model_rebuild()`` statements. Imports are left
    for ruff to sort and join, as for any rendered module."""
    if len(parts) == 1:
        return parts[0]
    taken: set[str] = set()
    header = ""
    imports: list[str] = []
    bodies: list[str] = []
    rebuilds: list[str] = []
    class_names: dict[str, str] = {}
    for index, (code, names) in enumerate(parts):
        head, part_imports, imported, body = _sections(code)
        if index == 0:
            header = head
        defined = _top_level_names(body)
        renames = {}
        for name in defined:
            if name in taken:
                renames[name] = _unique(name, taken | set(defined) | imported)
                taken.add(renames[name])
        taken.update(n for n in defined if n not in renames)
        taken.update(imported)
        if renames:
            body = _rename(body, renames)
        rebuilds += [line.rstrip("\n") for line in _REBUILD.findall(body)]
        bodies.append(_REBUILD.sub("", body).strip("\n"))
        imports += [i for i in part_imports if i not in imports]
        class_names.update({schema: renames.get(cls, cls) for schema, cls in names.items()})
    code = header.rstrip("\n") + "\n\n" + "\n".join(imports) + "\n\n\n" + "\n\n\n".join(bodies) + "\n"
    if rebuilds:
        code += "\n\n" + "\n".join(rebuilds) + "\n"
    return code, class_names


def _sections(code: str) -> tuple[str, list[str], set[str], str]:
    """(the header: comments, docstring, ``from __future__``; the import statements; the names
    they import; the rest)."""
    lines = code.splitlines(keepends=True)
    last_import = 0
    header_end = 0
    # only the module's top is parsed: every statement before the first class or assignment
    tree = ast.parse("".join(lines[: _top_end(lines)]))
    statements: list[str] = []
    imported: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == "__future__":
            header_end = node.end_lineno or node.lineno
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            statements.append("".join(lines[node.lineno - 1 : node.end_lineno]).rstrip("\n"))
            imported.update((alias.asname or alias.name).split(".")[0] for alias in node.names)
            last_import = node.end_lineno or node.lineno
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            header_end = max(header_end, node.end_lineno or node.lineno)
    start = max(last_import, header_end)
    return "".join(lines[:header_end]), statements, imported, "".join(lines[start:])


def _top_end(lines: list[str]) -> int:
    for i, line in enumerate(lines):
        if line.startswith(("class ", "@")) or re.match(r"[A-Za-z_]\w*\s*[:=]", line):
            return i
    return len(lines)


_DEFINED = re.compile(r"^class ([A-Za-z_]\w*)\b|^([A-Za-z_]\w*)\s*(?::[^=\n]*)?=", re.M)


def _top_level_names(body: str) -> list[str]:
    """The classes and module-level names a module's body defines, in their order (so that the
    renames, and the module, are the same on every run)."""
    return list(dict.fromkeys(m.group(1) or m.group(2) for m in _DEFINED.finditer(body)))


def _unique(name: str, taken: set[str]) -> str:
    i = 1
    while f"{name}{i}" in taken:
        i += 1
    return f"{name}{i}"


_SKIP = {tokenize.NL, tokenize.NEWLINE, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT}


def _rename(code: str, renames: dict[str, str]) -> str:
    """``code`` with each name in ``renames`` replaced where it names the class: not an
    attribute (``x.Name``), a field (``    Name: int``), a keyword argument or text in a string."""
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(code).readline) if t.type not in _SKIP]
    edits: dict[int, list[tuple[int, int, str]]] = {}
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.type == tokenize.OP:
            depth += tok.string in "([{"
            depth -= tok.string in ")]}"
            continue
        if tok.type != tokenize.NAME or tok.string not in renames:
            continue
        before = tokens[i - 1] if i else None
        after = tokens[i + 1].string if i + 1 < len(tokens) else ""
        if before is not None and before.string == ".":
            continue
        at_line_start = before is None or before.end[0] < tok.start[0]
        if at_line_start and tok.start[1] > 0 and after in (":", "="):
            continue  # a field of a class
        if depth and after == "=":
            continue  # a keyword argument
        edits.setdefault(tok.start[0], []).append((tok.start[1], tok.end[1], renames[tok.string]))
    lines = code.splitlines(keepends=True)
    for row, changes in edits.items():
        line = lines[row - 1]
        for start, end, new in sorted(changes, reverse=True):
            line = line[:start] + new + line[end:]
        lines[row - 1] = line
    return "".join(lines)
