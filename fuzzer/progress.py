"""Progress lines while a phase runs: operations done, cases, failures so far (at most one line per interval)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TextIO


@dataclass
class Progress:
    phase: str
    operations: int = 0  # total, when known (0: unknown)
    interval: float = 5.0
    out: TextIO = field(default_factory=lambda: sys.stdout)
    clock: Callable[[], float] = time.monotonic
    done_operations: int = 0
    cases: int = 0
    failures: int = 0
    stage: str = ""  # e.g. schemathesis' phase: operations are counted per stage
    _last: float = field(default=float("-inf"))

    def line(self) -> str:
        ops = f"{self.done_operations}/{self.operations}" if self.operations else str(self.done_operations)
        stage = f" ({self.stage})" if self.stage else ""
        return f"{self.phase}: {ops} operations{stage}, {self.cases} cases, {self.failures} failures so far"

    def update(self, *, operations: int | None = None, cases: int = 0, failures: int = 0, force: bool = False) -> None:
        if operations is not None:
            self.done_operations = operations
        self.cases += cases
        self.failures += failures
        now = self.clock()
        if force or now - self._last >= self.interval:
            self._last = now
            print(f"[progress] {self.line()}", file=self.out, flush=True)
