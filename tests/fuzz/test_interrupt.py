"""SIGTERM to `python -m fuzzer` (CI timeouts, `kill`) stops what it started, then prints the summary."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def children(pid: int) -> set[int]:
    """The live descendants of ``pid`` (from /proc)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        parent = todo.pop()
        for task in Path(f"/proc/{parent}/task").glob("*"):
            try:
                kids = {int(c) for c in (task / "children").read_text().split()}
            except OSError:
                continue
            todo += kids - found
            found |= kids
    return found


def alive(pid: int) -> bool:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def test_sigterm_stops_the_reference_server_and_schemathesis(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "fuzzer", "--report-dir", str(tmp_path), "--parts", "apps-v2", "--max-examples", "50"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    started: set[int] = set()
    try:
        assert process.stdout is not None
        for line in process.stdout:
            if line.startswith("=== schemathesis"):
                break
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and len(started) < 2:  # the server and `st run`
            started = children(process.pid)
            time.sleep(0.2)
        assert len(started) >= 2, started
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)
        assert process.returncode == 128 + signal.SIGTERM
        assert "Per-check summary" in output and "fuzz INTERRUPTED by SIGTERM" in output  # the summary of what ran
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and any(alive(p) for p in started):
            time.sleep(0.2)
        assert not [p for p in started if alive(p)]
    finally:
        for pid in [*started, process.pid]:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
        process.wait()
