"""Reading YAML: ryaml first (fast), PyYAML wherever the two could disagree; the result is PyYAML's."""

from __future__ import annotations

from pathlib import Path

import pytest
import ryaml
import yaml

from specmodel import documents

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"


def pyyaml(text: str) -> object:
    return yaml.load(text, Loader=documents._Loader)


def spec_files() -> list[Path]:
    files = sorted((ROOT / "spec").glob("*.yaml")) + sorted((ROOT / "tests").rglob("*.yaml"))
    files += sorted((SHARED / "corpus").glob("*.yaml")) + sorted((SHARED / "bench").glob("*.yml"))
    return [f for f in files if f.read_text(encoding="utf-8").strip()]


@pytest.mark.parametrize("path", spec_files(), ids=lambda p: str(p.relative_to(p.parents[1])))
def test_every_spec_reads_as_pyyaml_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        expected = pyyaml(text)
    except yaml.YAMLError:
        with pytest.raises(yaml.YAMLError):
            documents.load_yaml_text(text)
        return
    assert documents.load_yaml_text(text) == expected


def test_the_official_spec_takes_the_fast_reader() -> None:
    official = sorted((SHARED / "bench").glob("*.yml"))
    if not official:
        pytest.skip(f"the official Telnyx spec is not in {SHARED / 'bench'}")
    text = official[-1].read_text(encoding="utf-8")
    # its quoted 'no', "01", 'Yes' and its nb-NO, 12:01:00 are no reason to fall back to PyYAML
    assert documents._suspects(ryaml.loads(text))
    assert not documents._yaml11_differs(text, ryaml.loads(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a: on\nb: off\n", {"a": True, "b": False}),
        ("- yes\n- No\n", [True, False]),
        ("on: 1\n", {True: 1}),
        ("a: [yes, off]\n", {"a": [True, False]}),
        ("a: {x: no}\n", {"a": {"x": False}}),
        ("a: 0777\n", {"a": 511}),
        ("a: 1_000\n", {"a": 1000}),
        ("a: 1:30\n", {"a": 90}),
        ("a: 0b101\n", {"a": 5}),
        ("x: &b {p: 1}\ny:\n  <<: *b\n  q: 2\n", {"x": {"p": 1}, "y": {"p": 1, "q": 2}}),
        ("a: 1\na: 2\n", {"a": 2}),  # ryaml refuses duplicate keys; PyYAML keeps the last
        ("a: 123456789012345678901234567890\n", {"a": 123456789012345678901234567890}),
        ("a: 2024-01-02T03:04:05Z\n", {"a": "2024-01-02T03:04:05Z"}),  # timestamps stay strings
    ],
)
def test_yaml_11_readings_are_pyyamls(text: str, expected: object) -> None:
    assert documents.load_yaml_text(text) == expected == pyyaml(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 'on'\nb: \"0777\"\n",
        "langs:\n  - nb-NO\n  - en-US\n",
        "at: '12:01:00'\nnote: it is no use\n",
        "example: '2026-05-28T12:01:00Z'\n",
    ],
)
def test_quoted_and_embedded_lookalikes_take_the_fast_reader(text: str) -> None:
    data = ryaml.loads(text)
    assert not documents._yaml11_differs(text, data)
    assert documents.load_yaml_text(text) == pyyaml(text)


def test_yaml_12_numbers_are_the_one_difference() -> None:
    """Toolkit choice: a plain `1e3` is the number YAML 1.2 (which OpenAPI recommends) reads."""
    assert documents.load_yaml_text("a: 1e3\n") == {"a": 1000.0}
    assert pyyaml("a: 1e3\n") == {"a": "1e3"}


def test_a_syntax_error_is_pyyamls_with_its_line() -> None:
    with pytest.raises(yaml.MarkedYAMLError) as caught:
        documents.load_yaml_text("a: [1, 2\nb: 3\n")
    assert caught.value.problem_mark is not None
