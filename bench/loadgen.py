"""The load side of the server rows: wrk, CPU pinning, and the server processes it drives.

wrk (Debian's `wrk` package; `make bench` installs it with apt when it can) is a C load
generator: one thread on its own core sends about ten times more requests per second than
the fastest server here answers (the calibration row proves it on every run). The servers
are pinned to one core and every load-side process (wrk, the open-loop driver, the webhook
receiver, this harness while it waits) to another, when the machine has two or more.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.measure import ROOT, wait_for_port

LUA = ROOT / "bench" / "lua" / "request.lua"
WRK_HINT = (
    "wrk is not installed: `apt-get install wrk` (Debian/Ubuntu; `make bench` does this itself when run as root), "
    "`brew install wrk` (macOS), or build it from its source; the server rows need it"
)


@dataclass(frozen=True)
class Layout:
    """Which CPUs the servers get and which the load side gets (empty sets: not pinned)."""

    server: frozenset[int]
    load: frozenset[int]

    @classmethod
    def detect(cls) -> Layout:
        cpus = sorted(os.sched_getaffinity(0))
        if len(cpus) < 2:
            return cls(frozenset(), frozenset())
        # The last CPU for the server under test, the first for the load side.
        return cls(frozenset({cpus[-1]}), frozenset({cpus[0]}))

    @property
    def pinned(self) -> bool:
        return bool(self.server)

    def describe(self) -> dict[str, Any]:
        if not self.pinned:
            return {
                "pinned": False,
                "why": f"{len(os.sched_getaffinity(0))} CPU available: server and load share it",
            }
        return {
            "pinned": True,
            "server_cpus": sorted(self.server),
            "load_cpus": sorted(self.load),
            "how": "os.sched_setaffinity in each child before exec (threads and children inherit it); "
            "the server under test on server_cpus; wrk, the open-loop driver, the webhook receiver and "
            "this harness on load_cpus",
        }


def _pin(cpus: frozenset[int]) -> Any:
    if not cpus:
        return None
    return lambda: os.sched_setaffinity(0, cpus)


def wrk_path() -> str | None:
    return shutil.which("wrk")


def wrk_version() -> str:
    path = wrk_path()
    if path is None:
        return "missing"
    out = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
    match = re.search(r"wrk\s+(\S+)", out)
    return match.group(1) if match else out.strip()[:60]


@dataclass(frozen=True)
class WrkRun:
    requests: int
    seconds: float
    errors: dict[str, int]
    latency_us: dict[str, float]
    cpu_seconds: float  # wrk's own user + system time

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def ok(self) -> int:
        return self.requests - self.errors.get("status", 0)

    @property
    def cpu_us_per_request(self) -> float:
        return self.cpu_seconds / self.requests * 1e6 if self.requests else float("nan")

    def summary(self) -> str:
        lat = self.latency_us
        return f"{self.rps:,.0f} req/s, p50 {lat['p50'] / 1000:.1f} ms, p99 {lat['p99'] / 1000:.1f} ms"


class WrkError(RuntimeError):
    pass


def run_wrk(
    url: str,
    *,
    seconds: float,
    layout: Layout,
    method: str = "GET",
    paths: Sequence[str] = ("/",),
    body: str = "",
    headers: dict[str, str] | None = None,
    tag: str = "w",
    connections: int = 16,
    threads: int = 1,
) -> WrkRun:
    """One closed-loop wrk run: `connections` keep-alive connections, each sending its next request
    as soon as the previous answer is in. Raises WrkError when wrk fails or any request does."""
    path = wrk_path()
    if path is None:
        raise WrkError(WRK_HINT)
    argv = [path, f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s", "--timeout", "10s"]
    argv += ["--latency", "-s", str(LUA)]
    for name, value in (headers or {}).items():
        argv += ["-H", f"{name}: {value}"]
    argv += [url, "--", method, tag, body, *paths]
    proc = subprocess.Popen(
        argv,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        preexec_fn=_pin(layout.load),
    )
    assert proc.stdout is not None
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    line = next((ln for ln in output.splitlines() if ln.startswith("WRKJSON ")), None)
    if proc.returncode != 0 or line is None:
        raise WrkError(f"wrk exited {proc.returncode}: {output.strip()[-500:]}")
    data = json.loads(line.removeprefix("WRKJSON "))
    run = WrkRun(
        requests=data["requests"],
        seconds=data["duration_us"] / 1e6,
        errors=data["errors"],
        latency_us=data["latency_us"],
        cpu_seconds=usage.ru_utime + usage.ru_stime,
    )
    failed = {k: v for k, v in run.errors.items() if v}
    if failed or run.requests == 0:
        raise WrkError(f"{method} {url}{paths[0]}: {run.requests} requests, errors {failed}")
    return run


@dataclass
class Proc:
    """A started server (or helper) process."""

    name: str
    popen: subprocess.Popen[bytes]
    port: int
    log: Path
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def pid(self) -> int:
        return self.popen.pid

    def rss_mb(self) -> float:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
        raise RuntimeError(f"no VmRSS for {self.name} (pid {self.pid})")

    def cpu_seconds(self) -> float:
        """CPU time of the process so far, every thread."""
        return self.sched()[0]

    def sched(self) -> tuple[float, float]:
        """(seconds on a CPU, seconds runnable but waiting for a CPU) so far, summed over the
        process's threads, from /proc/PID/task/*/schedstat (nanoseconds). The wait is what the
        other tenants of a shared machine cost the process. Without schedstat: user + system
        time from /proc/PID/stat (10 ms ticks) and no wait (NaN)."""
        on_cpu = waiting = 0
        try:
            for task in Path(f"/proc/{self.pid}/task").iterdir():
                fields = (task / "schedstat").read_text().split()
                on_cpu += int(fields[0])
                waiting += int(fields[1])
        except (OSError, IndexError, ValueError):
            fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK"), float("nan")
        return on_cpu / 1e9, waiting / 1e9

    def peak_rss_mb(self) -> float | None:
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return None

    def affinity(self) -> list[int]:
        return sorted(os.sched_getaffinity(self.pid))

    def tail(self, chars: int = 800) -> str:
        try:
            return self.log.read_text(errors="replace")[-chars:]
        except OSError:
            return ""


@contextmanager
def started(
    name: str,
    argv: Sequence[str],
    port: int,
    *,
    cpus: frozenset[int],
    logdir: Path,
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
) -> Iterator[Proc]:
    """Start `argv` pinned to `cpus`, wait until it listens on `port`, and always stop it."""
    log = logdir / f"{name}.log"
    with log.open("wb") as out:
        popen = subprocess.Popen(
            list(argv),
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            preexec_fn=_pin(cpus),
            start_new_session=True,
        )
    proc = Proc(name, popen, port, log)
    try:
        try:
            wait_for_port(port, timeout=timeout, alive=popen.poll)
        except TimeoutError as exc:
            raise RuntimeError(f"{name} did not start: {exc}; its output: {proc.tail()}") from None
        yield proc
    finally:
        stop(popen)


def stop(popen: subprocess.Popen[bytes]) -> None:
    """SIGTERM the process group it leads (Prism's node runs under a shell wrapper), then SIGKILL."""
    if popen.poll() is not None:
        return
    try:
        os.killpg(popen.pid, 15)
    except ProcessLookupError:
        return
    try:
        popen.wait(timeout=10)
    except subprocess.TimeoutExpired:
        with suppress(ProcessLookupError):
            os.killpg(popen.pid, 9)
        popen.wait(timeout=10)


def wait_until(predicate: Any, timeout: float, interval: float = 0.05) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())
