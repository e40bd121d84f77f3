"""Measuring tools shared by the benchmark rows: child processes with peak RSS, medians."""

from __future__ import annotations

import os
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


@dataclass(frozen=True)
class ProcessRun:
    seconds: float
    peak_rss_mb: float
    returncode: int
    output: str


def run_process(
    argv: Sequence[str],
    *,
    cwd: Path = ROOT,
    env: dict[str, str] | None = None,
    unset: Sequence[str] = (),
) -> ProcessRun:
    """Run a command to completion; wall time and the child's own peak RSS (from wait4).

    ``env`` is added to this process's environment, from which the names in ``unset`` are removed.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(argv),
        cwd=cwd,
        env={**{k: v for k, v in os.environ.items() if k not in unset}, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return ProcessRun(seconds, usage.ru_maxrss / 1024, proc.returncode, output)


def median_of(fn: Callable[[], float], repeat: int) -> float:
    return statistics.median(fn() for _ in range(repeat))


def python_seconds(code: str, *, repeat: int, env: dict[str, str] | None = None) -> float:
    """Median wall time of `python -c code` in fresh processes (imports included)."""

    def once() -> float:
        run = run_process([PYTHON, "-c", code], env=env)
        if run.returncode != 0:
            raise RuntimeError(f"python -c {code!r} failed:\n{run.output[-2000:]}")
        return run.seconds

    return median_of(once, repeat)


def python_seconds_each(codes: dict[str, str], *, repeat: int) -> dict[str, float]:
    """Median wall time of each `python -c code`, in fresh processes that take turns, one of
    each per round, so that a burst of load on the machine falls on all of them alike."""
    samples: dict[str, list[float]] = {name: [] for name in codes}
    for _ in range(repeat):
        for name, code in codes.items():
            samples[name].append(python_seconds(code, repeat=1))
    return {name: statistics.median(values) for name, values in samples.items()}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int, timeout: float = 20.0, alive: Callable[[], int | None] | None = None) -> None:
    """Wait until something accepts on 127.0.0.1:port; `alive` (a Popen.poll) stops the wait when
    the process that should listen there has exited."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if alive is not None and alive() is not None:
            raise TimeoutError(f"the process exited ({alive()}) before listening on 127.0.0.1:{port}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout}s")


def percentile(samples: Sequence[float], pct: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(pct / 100 * (len(ordered) - 1))))
    return ordered[index]
