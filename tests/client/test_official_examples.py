"""Every official example of every webhook event we serve, and of every V2 call answer, parses
with our generated client in its default (lenient) mode.

The client is generated from spec/call-control-v2.yaml into a temporary directory; webhook
examples go through ``client.webhooks.unsafe_unwrap`` (recognised by their event type, parsed
into the event's model), answers through the validator the client parses each answer with,
for the type the operation's method returns. The official document (4 MB, never committed) is
read from ../shared/bench at test time; without it these tests skip and say so.
"""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests import specdoc as sd
from tests.spec.official import CALLS_V2, MISSING, off_merged, off_resolve, official_document, own_examples
from tests.spec.official import official_operation as off_operation
from tests.spec.test_official_crosscheck import official_webhook, served_operations, served_webhooks

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = "official_examples_v2"


@pytest.fixture(scope="module")
def official() -> dict[str, Any]:
    doc = official_document()
    if doc is None:
        pytest.skip(MISSING)
    return doc


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    out = tmp_path_factory.mktemp("gen") / "client"
    subprocess.run(
        [sys.executable, "-m", "codegen", str(CALLS_V2), "-o", str(out), "--package-name", PACKAGE],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    sys.path.insert(0, str(out / "src"))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(out / "src"))
        for name in [m for m in sys.modules if m == PACKAGE or m.startswith(PACKAGE + ".")]:
            del sys.modules[name]


def _examples(official: dict[str, Any], media: dict[str, Any]) -> list[Any]:
    schema = off_merged(official, media["schema"])
    data = own_examples(off_merged(official, (schema.get("properties") or {}).get("data")))
    out = [{"data": e} for e in data]
    out += [off_resolve(official, ex).get("value") for ex in (media.get("examples") or {}).values()]
    out += [media["example"]] if "example" in media else []
    return out


WEBHOOKS = served_webhooks()
OPERATIONS = served_operations()


@pytest.mark.parametrize(("event_type", "hook"), WEBHOOKS, ids=[e for e, _ in WEBHOOKS])
def test_official_webhook_examples_parse_in_the_default_mode(
    official: dict[str, Any], package: ModuleType, event_type: str, hook: sd.Operation
) -> None:
    _name, media = official_webhook(official, event_type)
    examples = _examples(official, media)
    assert examples, f"{event_type}: the official document gives no example"
    client = package.Client()
    for example in examples:
        event = client.webhooks.unsafe_unwrap(json.dumps(example))
        assert type(event).__module__ == f"{PACKAGE}.models", f"{event_type}: not recognised ({event!r:.200})"
        assert event.data.event_type == event_type


def _answer_type(package: ModuleType, op: sd.Operation) -> Any:
    """What the method of ``op`` returns (the type its answer is parsed as), read from its resource module."""
    resources = Path(package.__file__).parent / "resources"
    wire = re.sub(r"{[^{}]+}", "{}", op.path)
    for module in sorted(resources.glob("*.py")):
        text = module.read_text()
        for match in re.finditer(r'request(?:_page)?\(\s*"(\w+)",\s*f?"([^"]+)",.*?cast_to=(\w+)', text, re.S):
            method, path, cast_to = match.groups()
            if method == op.method.upper() and re.sub(r"{[^{}]+}", "{}", path).endswith(wire):
                return getattr(importlib.import_module(f"{PACKAGE}.models"), cast_to)
    raise LookupError(f"no generated method sends {op.method.upper()} {op.path}")


@pytest.mark.parametrize("op", OPERATIONS, ids=[o.operation_id for o in OPERATIONS])
def test_official_answer_examples_parse_in_the_default_mode(
    official: dict[str, Any], package: ModuleType, op: sd.Operation
) -> None:
    off_op = off_operation(official, op.method, op.path)
    media = off_resolve(official, off_op["responses"]["200"])["content"]["application/json"]
    examples = _examples(official, media)
    assert examples, f"{op.operation_id}: the official document gives no example"
    answer_type = _answer_type(package, op)
    validator = importlib.import_module(f"{PACKAGE}._models").validator(answer_type)
    for example in examples:
        parsed = validator.validate_json(json.dumps(example))
        assert type(parsed) is answer_type
