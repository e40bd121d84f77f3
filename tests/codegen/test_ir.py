"""The IR holds what the renderer prints, nothing else: every field is read while rendering."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from codegen import build_ir, ir, load, render

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
SPEC_SETS = [
    ["spec/call-control-v1.yaml", "spec/call-control-applications-v2.yaml", "spec/call-control-v2.yaml"],
    ["tests/codegen/specs/events-31.yaml"],
    ["tests/codegen/specs/petstore-ish.yaml"],
]
IR_CLASSES = [
    cls
    for cls in vars(ir).values()
    if isinstance(cls, type) and dataclasses.is_dataclass(cls) and cls.__module__ == ir.__name__
]


class Reads:
    """Wraps IR objects so that every field read through them is recorded."""

    def __init__(self) -> None:
        self.fields: set[tuple[str, str]] = set()

    def wrap(self, value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return _Watched(value, self)
        if isinstance(value, tuple):
            return tuple(self.wrap(v) for v in value)
        return value


class _Watched:
    def __init__(self, target: Any, reads: Reads) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_reads", reads)

    def __getattr__(self, name: str) -> Any:
        target = object.__getattribute__(self, "_target")
        reads: Reads = object.__getattribute__(self, "_reads")
        attr = getattr(type(target), name, None)
        if isinstance(attr, property):  # computed from fields: read them through the wrapper
            return attr.fget(self)  # type: ignore[misc]
        if callable(attr):
            return attr.__get__(self)
        if name in {f.name for f in dataclasses.fields(target)}:
            reads.fields.add((type(target).__name__, name))
            return reads.wrap(getattr(target, name))
        return getattr(target, name)


def test_the_watcher_records_reads() -> None:
    reads = Reads()
    response = reads.wrap(ir.Response(annotation="Literal['a'] | str"))
    assert response.cast_expr == "cast(\"type[Literal['a'] | str]\", Literal['a'] | str)"
    assert reads.fields == {("Response", "annotation")}


@pytest.mark.timeout(240)
def test_every_ir_field_is_read_when_rendering() -> None:
    reads = Reads()
    for specs in SPEC_SETS:
        workspace, _ = load.load([ROOT / s for s in specs], lenient=False)
        # The V2 call document under a namespace, with a nested resource (x-parent).
        namespaces = {str(ROOT / s): "v2" for s in specs if s.endswith("call-control-v2.yaml")}
        api = build_ir.build(workspace, build_ir.Options(package_name="pkg", env_prefix="PKG", namespaces=namespaces))
        render.render(reads.wrap(api))
    unread = [
        f"{cls.__name__}.{f.name}"
        for cls in IR_CLASSES
        for f in dataclasses.fields(cls)
        if (cls.__name__, f.name) not in reads.fields
    ]
    assert unread == [], "IR fields no template or renderer reads: use them or remove them"
    assert {cls.__name__ for cls in IR_CLASSES} >= {"Api", "Operation", "Parameter", "WebhookSignature"}
