"""Reflowing prose from a spec into docstrings and comments."""

from __future__ import annotations

import re
import textwrap

_ITEM = re.compile(r"\s*([-*+]|\d+[.)])\s+")


def reflow(text: str, width: int, first_prefix: str = "", prefix: str = "") -> str:
    """Re-wrap ``text`` to ``width`` columns.

    Paragraphs (separated by blank lines) are joined and wrapped; list items start a new
    line and their continuation lines hang under the item's text; fenced code blocks,
    tables and indented blocks are kept as they are. ``first_prefix`` starts the first
    line, ``prefix`` every other line.
    """
    out: list[str] = []
    for kind, lines in _blocks(text.strip("\n")):
        start = first_prefix if not out else prefix
        if kind == "verbatim":
            out.extend((start if n == 0 else prefix) + line.rstrip() for n, line in enumerate(lines))
        elif kind == "blank":
            out.append("")
        else:
            head = lines[0]
            indent = head[: len(head) - len(head.lstrip())]
            item = _ITEM.match(head)
            hang = " " * len(item.group(0)) if item else indent
            joined = " ".join(line.strip() for line in lines)
            out.extend(
                textwrap.wrap(
                    joined, max(width, len(start) + 20), initial_indent=start + indent,
                    subsequent_indent=prefix + hang, break_long_words=False,
                    break_on_hyphens=False,
                )
            )  # fmt: skip
    if not out:
        out.append(first_prefix.rstrip())
    return "\n".join(line.rstrip() for line in out)


def _blocks(text: str) -> list[tuple[str, list[str]]]:
    blocks: list[tuple[str, list[str]]] = []
    fenced = False
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("```"):
            fenced = not fenced
            _add(blocks, "verbatim", line, new=True)
            continue
        if fenced:
            _add(blocks, "verbatim", line)
        elif not stripped:
            blocks.append(("blank", [""]))
        elif stripped.startswith("|") or (line.startswith("    ") and not _continues(blocks, line)):
            _add(blocks, "verbatim", line, new=not (blocks and blocks[-1][0] == "verbatim"))
        elif _ITEM.match(line) or not blocks or blocks[-1][0] != "prose":
            blocks.append(("prose", [line]))
        else:
            blocks[-1][1].append(line)
    return blocks


def _continues(blocks: list[tuple[str, list[str]]], line: str) -> bool:
    """An indented line that continues a list item's text."""
    if not blocks or blocks[-1][0] != "prose":
        return False
    item = _ITEM.match(blocks[-1][1][0])
    return item is not None and line.startswith(" " * len(item.group(0)))


def _add(blocks: list[tuple[str, list[str]]], kind: str, line: str, new: bool = False) -> None:
    if new or not blocks or blocks[-1][0] != kind:
        blocks.append((kind, [line]))
    else:
        blocks[-1][1].append(line)
