"""Benchmark rows, the table printed at the end and reports/bench.json."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class Row:
    """One line of the table: our figure, what it is measured against, and the target."""

    name: str
    ours: str
    baseline: str
    ratio: float | None
    target: str
    met: bool | None  # None: recorded only, no target
    details: dict[str, Any] = field(default_factory=dict)
    error: str | None = None
    skipped: str | None = None  # why the row could not be measured here (a tool is missing)
    ratio_text: str | None = None  # shown instead of `ratio` when a row has more than one ratio

    @property
    def verdict(self) -> str:
        if self.error:
            return "ERROR"
        if self.skipped:
            return "skipped"
        return {True: "met", False: "MISSED", None: "recorded"}[self.met]


# Facts about the run that rows add as they go (the driver, the pinning, each peer's version);
# written into reports/bench.json's "meta".
RUN_META: dict[str, Any] = {}


def print_table(rows: list[Row]) -> None:
    headers = ("row", "ours", "measured against (same run)", "ratio", "target", "verdict")
    lines = [
        (
            r.name,
            r.error or r.skipped or r.ours,
            r.baseline,
            r.ratio_text or (f"{r.ratio:.2f}x" if r.ratio is not None else "-"),
            r.target,
            r.verdict,
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    fmt = " | ".join(f"{{:<{w}}}" for w in widths)
    print(fmt.format(*headers))
    print("-+-".join("-" * w for w in widths))
    for line in lines:
        print(fmt.format(*line))


def write_json(rows: list[Row], path: Path, meta: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"meta": {**meta, **RUN_META}, "rows": [{**asdict(r), "verdict": r.verdict} for r in rows]}
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
