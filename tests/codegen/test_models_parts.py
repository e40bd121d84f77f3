"""Large model sets are rendered in parts (codegen/models_parts.py) and merged into one module."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from codegen import models_parts
from codegen.errors import SpecError
from codegen.render import generate_models

from .test_codegen import ROOT, codegen, python, tool


def schemas_document(schemas: dict[str, Any]) -> dict[str, Any]:
    return {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}, "components": {"schemas": schemas}}


def many(count: int) -> dict[str, Any]:
    """``count`` schemas in chains of three (a -> b -> c), each with an inline object ``data``."""
    schemas: dict[str, Any] = {}
    for i in range(count):
        props: dict[str, Any] = {"data": {"type": "object", "properties": {f"v{i}": {"type": "integer"}}}}
        if i % 3 != 2:
            props["next"] = {"$ref": f"#/components/schemas/S{i + 1}"}
        schemas[f"S{i}"] = {"type": "object", "properties": props}
    return schemas_document(schemas)


def render_one(document: dict[str, Any]) -> models_parts.Output:
    output = generate_models(document, "pkg")
    return output.code, output.class_names


def refs_of(schema: Any) -> set[str]:
    return set(models_parts._refs(schema))


def test_small_documents_are_one_part() -> None:
    document = many(30)
    assert models_parts.split(document) == [document]


def test_parts_share_no_reference_and_the_split_is_the_same_every_time() -> None:
    document = many(2 * models_parts.PART_SIZE + 1)
    parts = models_parts.split(document)
    assert len(parts) == 2
    names = [set(p["components"]["schemas"]) for p in parts]
    assert not names[0] & names[1]
    assert names[0] | names[1] == set(document["components"]["schemas"])
    for part, own in zip(parts, names, strict=True):
        for schema in part["components"]["schemas"].values():
            assert refs_of(schema) <= own  # a chain is never cut
    assert abs(len(names[0]) - len(names[1])) <= 3
    assert json.dumps(models_parts.split(document)) == json.dumps(parts)


def test_a_class_two_parts_invent_is_renamed_in_the_later_one_only_where_it_names_the_class() -> None:
    first = generate_models(schemas_document({"A": many(1)["components"]["schemas"]["S0"]}), "pkg")
    second_schema = {
        "type": "object",
        "description": "Data about Data.",
        "properties": {
            "data": {"type": "object", "properties": {"w": {"type": "string"}}},
            "Data": {"type": "string", "enum": ["Data"]},
        },
    }
    second = generate_models(schemas_document({"B": second_schema}), "pkg")
    assert "class Data(" in first.code and "class Data(" in second.code
    code, class_names = models_parts.merge([(first.code, first.class_names), (second.code, second.class_names)])
    assert code.count("class Data(") == 1 and "class Data1(" in code
    assert class_names == {"A": "A", "B": "B"}
    compile(code, "models.py", "exec")
    b_class = code[code.index("class B(") :]
    assert "data: Data1 | None" in b_class  # the annotation follows the rename
    assert "Data_1: Literal['Data']" in b_class and "alias='Data'" in b_class  # the strings do not
    assert "Data about Data." in b_class
    assert code.index("from __future__ import annotations") < code.index("class ")


def test_a_spec_past_the_part_size_generates_a_client_that_imports_and_validates(tmp_path: Path) -> None:
    count = 2 * models_parts.PART_SIZE + 4  # chains of three, whole
    spec = schemas_document(many(count)["components"]["schemas"])
    spec["paths"] = {
        "/s": {"get": {"operationId": "getS", "responses": {"200": {"description": "ok", "content": {
            "application/json": {"schema": {"$ref": f"#/components/schemas/S{count - 3}"}}}}}}}
    }  # fmt: skip
    path = tmp_path / "many.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    out = tmp_path / "out"
    result = codegen(path, "-o", out, "--package-name", "many_client")
    assert result.returncode == 0, result.stderr
    result = tool("ruff", "check", "--no-cache", ".", cwd=out)
    assert result.returncode == 0, result.stdout
    models = (out / "src" / "many_client" / "models.py").read_text()
    assert models.count("\nclass S") == count
    # rendered in two parts, merged: each part's classes together, the first part's first
    parts = models_parts.split(json.loads(path.read_text(encoding="utf-8")))
    first, second = (set(p["components"]["schemas"]) for p in parts)
    order = [name for name in re.findall(r"^class (S\d+)\(", models, re.M)]
    assert set(order[: len(first)]) == first and set(order[len(first) :]) == second
    result = python(
        f"""
        from many_client import models
        first = models.S0.model_validate({{"data": {{"v0": 1}}, "next": {{"data": {{"v1": 2}}}}}})
        assert first.next.data.v1 == 2, first
        last = models.S{count - 1}.model_validate({{"data": {{"v{count - 1}": 3}}}})
        assert last.data.v{count - 1} == 3, last
        print(len({{type(getattr(models, f"S{{i}}")(data=None).data) for i in range(3)}}))
        """,
        out / "src",
    )
    assert result.returncode == 0, result.stderr


def test_parts_rendered_in_processes_give_the_module_rendered_one_after_the_other() -> None:
    document = many(2 * models_parts.PART_SIZE + 4)
    in_processes = models_parts.render(document, render_one)
    in_turn = models_parts.merge([render_one(part) for part in models_parts.split(document)])
    assert in_processes == in_turn
    assert len(in_processes[1]) == 2 * models_parts.PART_SIZE + 4


def test_a_failing_part_raises_its_error_here_and_leaves_no_process_behind() -> None:
    document = many(2 * models_parts.PART_SIZE + 4)
    document["components"]["schemas"]["Broken"] = {"$ref": "missing-file.yaml#/A"}  # a part of its own
    with pytest.raises(SpecError, match=r"^<models>: datamodel-code-generator failed: "):
        models_parts.render(document, render_one)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


MERGE_SCRIPT = """
import json
from codegen import models_parts

def part(key, names):
    body = "".join(f"class {n}(BaseModel):\\n    x: int | None = None\\n\\n\\n" for n in names)
    head = '\"\"\"Models.\"\"\"\\n\\nfrom __future__ import annotations\\n\\n'
    code = head + 'from pydantic import BaseModel\\n\\n\\n' + body
    return code, {f"{key}_{n}": n for n in names}

parts = [part("a", ["Data", "Meta", "Data1"]), part("b", ["Meta", "Data", "Data1", "Meta1", "Item"])]
parts.append(part("c", ["Data2", "Data"]))
print(json.dumps(models_parts.merge(parts)))
"""


def test_the_merge_is_the_same_whatever_the_hash_seed() -> None:
    outputs = set()
    for seed in ("1", "2", "3", "4"):
        result = subprocess.run(
            [sys.executable, "-c", MERGE_SCRIPT],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONPATH": str(ROOT), "PYTHONHASHSEED": seed},
        )
        outputs.add(result.stdout)
    assert len(outputs) == 1
    code, class_names = json.loads(outputs.pop())
    assert class_names["b_Item"] == "Item" and class_names["a_Data"] == "Data"
    assert len(set(class_names.values())) == len(class_names) == 10  # every class its own name
    compile(code, "models.py", "exec")
