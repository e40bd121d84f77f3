"""Namespaces (``--namespace DOC=NAME``) and nested resources (tag ``parent`` / ``x-parent``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from codegen import build_ir, load

from .test_codegen import check_quality, codegen, python

OK = {"200": {"description": "ok", "content": {"application/json": {"schema": {"type": "object"}}}}}


def _doc(version: str, tags: list[dict], paths: dict) -> dict:
    return {
        "openapi": version,
        "info": {"title": f"Pets {version}", "version": "1.0.0"},
        "servers": [{"url": "https://api.example.com/v1"}],
        "tags": tags,
        "paths": paths,
    }


def _op(op_id: str, tag: str, **extra: object) -> dict:
    return {"operationId": op_id, "tags": [tag], "responses": OK, **extra}


ID = [{"name": "pet_id", "in": "path", "required": True, "schema": {"type": "string"}}]
V1 = _doc(
    "3.0.3",
    [{"name": "Pets"}, {"name": "Pet Toys", "x-parent": "Pets", "description": "A pet's toys."}],
    {
        "/pets": {"get": _op("listPets", "Pets")},
        "/pets/{pet_id}/toys": {"parameters": ID, "get": _op("listPetToys", "Pet Toys", **{"x-method-name": "list"})},
    },
)
V2 = _doc(
    "3.1.0",
    [{"name": "Pets"}, {"name": "Pet Actions", "x-parent": "Pets"}],
    {
        "/pets": {"get": _op("listPetsV2", "Pets", **{"x-method-name": "list"})},
        "/pets/{pet_id}/actions/feed": {
            "parameters": ID,
            "post": _op("feedPet", "Pet Actions", **{"x-method-name": "feed"}),
        },
    },
)


def write(tmp: Path, name: str, doc: dict) -> Path:
    path = tmp / name
    path.write_text(yaml.safe_dump(doc, sort_keys=False), encoding="utf-8")
    return path


def test_a_namespace_and_nested_resources_side_by_side(tmp_path: Path) -> None:
    one, two = write(tmp_path, "one.yaml", V1), write(tmp_path, "two.yaml", V2)
    out = tmp_path / "out"
    result = codegen(one, two, "-o", out, "--package-name", "pets", "--namespace", f"{two}=v2")
    assert result.returncode == 0, result.stderr
    check_quality(out, tmp_path)
    run = python(
        """
        import asyncio
        import pets
        from pets.resources import Pets, PetToys, V2PetActions, V2Pets

        c = pets.Client(base_url="http://127.0.0.1:9")
        assert isinstance(c.pets, Pets) and isinstance(c.pets.toys, PetToys)
        assert isinstance(c.v2.pets, V2Pets) and isinstance(c.v2.pets.actions, V2PetActions)
        assert c.v2.pets.actions is c.v2.pets.actions
        assert callable(c.pets.list) and callable(c.pets.toys.list) and callable(c.v2.pets.actions.feed)
        assert callable(c.v2.pets.actions.with_raw_response.feed)
        assert not hasattr(c, "actions") and not hasattr(c.pets, "actions") and not hasattr(c.v2, "toys")
        # A copy with other options gets its own resources, bound to itself.
        copy = c.with_options(timeout=1)
        assert copy.v2.pets.actions._client is copy
        a = pets.AsyncClient(base_url="http://127.0.0.1:9")
        assert type(a.v2.pets.actions).__name__ == "AsyncV2PetActions"
        assert asyncio.iscoroutinefunction(a.v2.pets.actions.feed)
        print("ok")
        """,
        out / "src",
    )
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr
    readme = (out / "README.md").read_text()
    assert "| `client.pets.toys` | `list` |" in readme
    # The mapping from the un-namespaced names (a search-and-replace away).
    assert "| `client.pets.actions.feed` | `client.v2.pets.actions.feed` |" in readme
    assert "`client.pets.` -> `client.v2.pets.`" in readme


def test_openapi_32_tag_parent_nests_too(tmp_path: Path) -> None:
    doc = {**V2, "openapi": "3.2.0", "tags": [{"name": "Pets"}, {"name": "Pet Actions", "parent": "Pets"}]}
    ws, _ = load.load([write(tmp_path, "a.yaml", doc)], lenient=False)
    api = build_ir.build(ws, build_ir.Options(package_name="pets"))
    assert {r.path: r.class_name for r in api.resources} == {"pets": "Pets", "pets.actions": "PetActions"}
    assert [c.name for r in api.resources for c in r.children] == ["actions"]


@pytest.mark.parametrize(
    ("tags", "args", "words"),
    [
        ([{"name": "Pets", "x-parent": "Nope"}], [], "#/tags/0: tag 'Pets': its parent 'Nope' is not a tag"),
        ([{"name": "Pets"}], ["--namespace", "missing.yaml=v2"], "is not one of the inputs"),
    ],
)
def test_bad_nesting_is_one_line_and_exit_2(tmp_path: Path, tags: list, args: list[str], words: str) -> None:
    spec = write(tmp_path, "a.yaml", {**V2, "tags": tags, "paths": {"/pets": {"get": _op("listPets", "Pets")}}})
    result = codegen(spec, "-o", tmp_path / "out", *args)
    assert result.returncode == 2
    assert words in result.stderr and len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert not (tmp_path / "out").exists()
