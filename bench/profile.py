"""Profiles of the server rows that miss their target: py-spy attached to the running server.

py-spy (the bench group pins it) samples the server process from outside, so the server runs
unmodified; the sampled stacks are folded into inclusive and self shares per function and
written to reports/profile-<row>.txt, with the top functions in the row's details.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

_LINE = re.compile(r":\d+\)")


def py_spy() -> str | None:
    here = Path(sys.executable).parent / "py-spy"
    return str(here) if here.exists() else shutil.which("py-spy")


def fold(raw: str) -> tuple[int, Counter[str], Counter[str]]:
    """py-spy's raw (collapsed) output: total samples, inclusive and self samples per function."""
    inclusive: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for line in raw.splitlines():
        stack, _, count = line.strip().rpartition(" ")
        if not stack or not count.isdigit():
            continue
        n = int(count)
        frames = [_LINE.sub(")", f) for f in stack.split(";")]
        total += n
        for frame in set(frames):
            inclusive[frame] += n
        own[frames[-1]] += n
    return total, inclusive, own


# The frame every request passes through (the event loop, uvicorn, Starlette's middleware chain
# and router): left out of the inclusive list, where it would only say "everything".
FRAME = (
    "(<frozen runpy>)",
    "(asyncio/",
    "(uvicorn/server.py)",
    "(uvicorn/_compat.py)",
    "(uvicorn/middleware/",
    "(uvicorn/protocols/http/httptools_impl.py)",
    "(uvicorn/protocols/http/h11_impl.py)",
    "(starlette/applications.py)",
    "(starlette/middleware/",
    "(starlette/_exception_handler.py)",
    "request_response.<locals>.app",
    "Route.handle (starlette/routing.py)",
    "Router.__call__ (starlette/routing.py)",
    "Router.app (starlette/routing.py)",
    "(refserver/__main__.py)",
)


def summarize(raw: str, top: int = 15) -> dict[str, Any]:
    """The functions with the largest shares of the samples: inclusive (the function and what it
    calls; the request-handling frame left out, see FRAME) and self."""
    total, inclusive, own = fold(raw)
    if not total:
        return {"samples": 0, "inclusive": [], "self": []}
    kept = [(f, n) for f, n in inclusive.most_common() if not any(part in f for part in FRAME)]
    return {
        "samples": total,
        "inclusive": [(f, round(n / total, 3)) for f, n in kept[:top]],
        "self": [(f, round(n / total, 3)) for f, n in own.most_common(top)],
    }


def render(title: str, summary: dict[str, Any]) -> str:
    lines = [f"{title}: {summary['samples']} samples", "", "inclusive (share of samples in the function or below):"]
    lines += [f"  {share * 100:5.1f}%  {frame}" for frame, share in summary["inclusive"]]
    lines += ["", "self (share of samples in the function itself):"]
    lines += [f"  {share * 100:5.1f}%  {frame}" for frame, share in summary["self"]]
    return "\n".join(lines) + "\n"


def profile(pid: int, load: Callable[[], Any], seconds: float, out: Path, title: str) -> dict[str, Any]:
    """Run `load()` (which drives the server for about `seconds`) while py-spy samples `pid`."""
    spy = py_spy()
    if spy is None:
        return {"error": "py-spy is not installed (it is in the lock's bench group)"}
    raw = out.with_suffix(".raw")
    argv = [spy, "record", "--pid", str(pid), "--duration", str(max(1, round(seconds)))]
    argv += ["--rate", "200", "--format", "raw", "--nonblocking", "--output", str(raw)]
    proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    time.sleep(0.5)  # py-spy attaches
    load()
    output, _ = proc.communicate(timeout=seconds + 60)
    if proc.returncode != 0 or not raw.exists():
        return {"error": f"py-spy failed ({proc.returncode}): {output.strip()[-300:]}"}
    summary = summarize(raw.read_text())
    out.write_text(render(title, summary))
    raw.unlink()
    return {"file": str(out), **summary}
