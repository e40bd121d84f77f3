"""Rows: the reference server next to its peers, measured with wrk; latency under a fixed load.

Every server under test runs pinned to one core (see bench/loadgen.py) with the same
uvicorn stack; the load side runs on the other. The rows, in the order they run:

* calibration: wrk alone against a fixed-response responder (bench/responder.py), and the
  open-loop driver against the same responder at the highest rate the latency rows use;
* peers, phase A, in rounds that take turns: the bare Starlette ceiling, then the reference
  server's retrieve and list, each followed by the same request to Prism;
* phase B, in rounds: the ceiling again, create, command+webhooks (`speak` on live calls; each
  answer waits for the webhooks of the round to reach the receiver before the next run);
* open-loop latency at 25/50/75 % of the command+webhooks rate: request latency, command to
  first webhook at the receiver, and the server's own share (the event's occurred_at to arrival);
* the server's RSS after warm-up and after everything;
* the server stack: the ceiling, retrieve and command+webhooks under each uvicorn loop/parser pair.
"""

from __future__ import annotations

import base64
import importlib.metadata
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx

from bench import openloop, profile
from bench.client import API_KEY, V1_KEY, V1_SECRET
from bench.loadgen import (
    WRK_HINT,
    Layout,
    Proc,
    WrkRun,
    run_wrk,
    started,
    wait_until,
    wrk_path,
    wrk_version,
)
from bench.measure import PYTHON, ROOT, free_port, percentile
from bench.report import RUN_META, Row

CONNECTIONS = 16
LIST_APPS = 20  # one full default page for the list row
CALLS = 64  # live calls the command rows rotate over (webhooks of one call leg are delivered in order)
V2_SPEC = ROOT / "spec" / "call-control-applications-v2.yaml"
PRISM_DIR = ROOT / "bench" / "prism"
PRISM_BIN = PRISM_DIR / "node_modules" / ".bin" / "prism"
PRISM_EXAMPLE_ID = "1293384261075731499"  # the id of the spec's example (Prism answers examples)
PRISM_HINT = "Prism is not installed: `make bench` runs `npm ci` in bench/prism (it needs node and npm)"
STACKS = (("uvloop", "httptools"), ("asyncio", "httptools"), ("uvloop", "h11"), ("asyncio", "h11"))

BEARER = {"Authorization": f"Bearer {API_KEY}"}
BASIC = {"Authorization": "Basic " + base64.b64encode(f"{V1_KEY}:{V1_SECRET}".encode()).decode()}
JSON_CT = {"Content-Type": "application/json"}
SPEAK = {"payload": "Hi.", "voice": "female", "language": "en-US", "client_state": "YmVuY2g="}

TARGETS = {
    "retrieve_ceiling": 0.6,
    "retrieve_prism": 2.0,
    "command_ceiling": 0.3,
    "webhook_p99_ms_at_50": 20.0,
    "rss_growth": 1.2,
    "calibration": 5.0,
}


@dataclass(frozen=True)
class Timing:
    seconds: float  # one wrk run
    rounds: int
    warmup: float
    openloop_seconds: float

    @classmethod
    def of(cls, quick: bool) -> Timing:
        return cls(2, 1, 1, 3) if quick else cls(3, 3, 2, 10)


# -- the processes -------------------------------------------------------------------------------


def default_stack() -> tuple[str, str]:
    """The pair `python -m refserver` picks by default (REFSERVER_LOOP/HTTP=auto)."""
    from refserver.config import Config

    cfg = Config.from_env({})
    return cfg.loop, cfg.http


def available(stack: tuple[str, str]) -> bool:
    from refserver.config import HTTP_PARSERS, LOOPS

    loop, http = stack
    modules = [LOOPS[loop], HTTP_PARSERS[http]]
    return all(m is None or importlib.util.find_spec(m) is not None for m in modules)


def hello_argv(port: int | str, stack: tuple[str, str]) -> list[str]:
    loop, http = stack
    return [
        PYTHON,
        "-m",
        "uvicorn",
        "bench.hello_app:app",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--log-level",
        "warning",
        "--no-access-log",
        "--loop",
        loop,
        "--http",
        http,
    ]


def refserver_env(port: int, state_dir: Path, stack: tuple[str, str]) -> dict[str, str]:
    return {
        "PORT": str(port),
        # A file, as users run it (WAL, synchronous=NORMAL): the rows' data then stays in SQLite's
        # bounded page cache instead of growing the process, which the RSS row would count.
        "STATE_DB": str(state_dir / "refserver.sqlite3"),
        "TIME_SCALE": "0",
        "TELNYX_API_KEY": API_KEY,
        "TELNYX_V1_KEY": V1_KEY,
        "TELNYX_V1_SECRET": V1_SECRET,
        "REFSERVER_LOOP": stack[0],
        "REFSERVER_HTTP": stack[1],
        "REFSERVER_ACCESS_LOG": "0",
    }


def prism_version() -> str | None:
    try:
        data = json.loads((PRISM_DIR / "node_modules" / "@stoplight" / "prism-cli" / "package.json").read_text())
    except (OSError, ValueError):
        return None
    return str(data.get("version"))


def prism_missing() -> str | None:
    """Why Prism cannot run here, or None."""
    if not PRISM_BIN.exists():
        return PRISM_HINT
    try:
        subprocess.run(["node", "--version"], capture_output=True, check=True)
    except (OSError, subprocess.CalledProcessError):
        return "Prism is installed but `node` does not run"
    return None


def versions() -> dict[str, str]:
    out = {}
    for dist in ("starlette", "uvicorn", "uvloop", "httptools", "h11"):
        try:
            out[dist] = importlib.metadata.version(dist)
        except importlib.metadata.PackageNotFoundError:
            out[dist] = "missing"
    out["prism"] = prism_version() or "missing"
    try:
        out["node"] = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        out["node"] = "missing"
    out["wrk"] = wrk_version()
    return out


@contextmanager
def load_side(layout: Layout) -> Iterator[None]:
    """This harness too runs on the load CPUs while it waits for wrk and polls the receiver."""
    before = os.sched_getaffinity(0)
    if layout.pinned:
        os.sched_setaffinity(0, layout.load)
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


# -- the reference server with an application, calls and a receiver ----------------------------


@dataclass
class Subject:
    """A running reference server, its application (webhooks to the receiver) and live calls."""

    proc: Proc
    receiver: Proc
    app_id: str
    calls: list[str]
    per_command: int = 0  # webhooks one speak sends (measured at setup)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.proc.port}"

    def request(self, name: str) -> dict[str, Any]:
        """wrk arguments of one row's request."""
        if name == "retrieve":
            return {"method": "GET", "paths": [f"/v2/call_control_applications/{self.app_id}"], "headers": BEARER}
        if name == "list":
            return {"method": "GET", "paths": ["/v2/call_control_applications"], "headers": BEARER}
        if name == "create":
            body = {"application_name": "load {n}", "webhook_event_url": "https://example.com/webhooks"}
            return {
                "method": "POST",
                "paths": ["/v2/call_control_applications"],
                "headers": {**BEARER, **JSON_CT},
                "body": json.dumps(body),
            }
        if name == "command":
            return {
                "method": "POST",
                "paths": [f"/calls/{c}/actions/speak" for c in self.calls],
                "headers": {**BASIC, **JSON_CT},
                "body": json.dumps(SPEAK),
            }
        raise KeyError(name)

    def count(self) -> int:
        return int(httpx.get(f"http://127.0.0.1:{self.receiver.port}/count").json()["count"])

    def reset(self) -> None:
        httpx.post(f"http://127.0.0.1:{self.receiver.port}/reset")

    def arrivals(self) -> dict[str, list[tuple[float, float | None]]]:
        data = httpx.get(f"http://127.0.0.1:{self.receiver.port}/arrivals", timeout=60).json()
        return {k: [tuple(a) for a in v] for k, v in data["arrivals"].items()}  # type: ignore[misc]

    def drain(self, expected: int, timeout: float = 60.0) -> float | None:
        """Seconds until the receiver has `expected` webhooks (None: it did not, in `timeout`)."""
        start = time.perf_counter()
        if wait_until(lambda: self.count() >= expected, timeout, interval=0.02):
            return time.perf_counter() - start
        return None


def prepare(proc: Proc, receiver: Proc) -> Subject:
    with httpx.Client(base_url=f"http://127.0.0.1:{proc.port}", timeout=30) as http:

        def post(path: str, headers: dict[str, str], body: dict[str, Any]) -> dict[str, Any]:
            response = http.post(path, headers=headers, json=body)
            if response.status_code >= 300:
                raise RuntimeError(f"setup: POST {path}: {response.status_code} {response.text[:300]}")
            return dict(response.json().get("data") or {})

        app = post(
            "/v2/call_control_applications",
            BEARER,
            {
                "application_name": "bench",
                "webhook_api_version": "2",
                "webhook_event_url": f"http://127.0.0.1:{receiver.port}/webhooks",
            },
        )
        for i in range(LIST_APPS - 1):
            post(
                "/v2/call_control_applications",
                BEARER,
                {"application_name": f"listed {i}", "webhook_event_url": "https://example.com/webhooks"},
            )
        calls = [
            post("/calls", BASIC, {"to": "+18005550100", "from": "+18005550101", "connection_id": app["id"]})[
                "call_control_id"
            ]
            for _ in range(CALLS)
        ]
    subject = Subject(proc, receiver, str(app["id"]), [str(c) for c in calls])
    # The dial webhooks settle, then one speak shows how many webhooks a command sends.
    settle(subject)
    subject.reset()
    state = base64.b64encode(b"probe").decode()
    response = httpx.post(
        f"{subject.base}/calls/{subject.calls[0]}/actions/speak",
        headers=BASIC,
        json={**SPEAK, "client_state": state},
    )
    if response.status_code >= 300:
        raise RuntimeError(f"setup: speak: {response.status_code} {response.text[:300]}")
    settle(subject)
    subject.per_command = subject.count()
    if subject.per_command < 1:
        raise RuntimeError("setup: a speak sent no webhook to the receiver")
    subject.reset()
    return subject


def settle(subject: Subject, quiet: float = 0.3, timeout: float = 20.0) -> None:
    """Wait until no webhook has arrived for `quiet` seconds."""
    deadline = time.monotonic() + timeout
    last, since = subject.count(), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        now = subject.count()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


@contextmanager
def reference_server(
    name: str, stack: tuple[str, str], layout: Layout, logdir: Path, receiver: Proc
) -> Iterator[Subject]:
    port = free_port()
    state_dir = Path(tempfile.mkdtemp(prefix=f"{name}-", dir=logdir))
    with started(
        name,
        [PYTHON, "-m", "refserver"],
        port,
        cpus=layout.server,
        logdir=logdir,
        env=refserver_env(port, state_dir, stack),
    ) as proc:
        yield prepare(proc, receiver)


@dataclass(frozen=True)
class Measured:
    """One wrk run against one server, with that server's own CPU time over it."""

    run: WrkRun
    server_cpu_s: float  # the server process, every thread, over the run (and the webhook drain)
    server_wait_s: float  # the server runnable but waiting for a CPU (other processes had it)
    wall_s: float  # the run and the drain
    drain_s: float | None = 0.0  # command rows: seconds after the run until its webhooks had all arrived

    @property
    def wait_share(self) -> float:
        """Of the time the server wanted a CPU, the share it spent waiting for one."""
        wanted = self.server_cpu_s + self.server_wait_s
        return self.server_wait_s / wanted if wanted else 0.0

    @property
    def rps(self) -> float:
        """Answers per second; for commands, those whose webhooks have all arrived, over the run and
        the drain after it (commands accepted faster than their webhooks go out are not counted ahead)."""
        if self.drain_s is None:
            return 0.0
        return self.run.ok / (self.run.seconds + self.drain_s)

    @property
    def server_cpu_us(self) -> float:
        """The server's CPU per request (for commands: the command and its webhooks)."""
        return self.server_cpu_s / self.run.requests * 1e6


def measure(
    proc: Proc, url: str, request: dict[str, Any], seconds: float, layout: Layout, subject: Subject | None = None
) -> Measured:
    """wrk on one request; with `subject` (a command row), then the wait for its webhooks."""
    if subject is not None:
        subject.reset()
    (cpu, wait), start = proc.sched(), time.perf_counter()
    run = run_wrk(url, seconds=seconds, layout=layout, connections=CONNECTIONS, **request)
    drain = subject.drain(subject.per_command * run.ok) if subject is not None else 0.0
    (cpu1, wait1), end = proc.sched(), time.perf_counter()
    return Measured(run, cpu1 - cpu, wait1 - wait, end - start, drain)


# -- figures ---------------------------------------------------------------------------------------


@dataclass
class Series:
    """Repeated runs of one request against one server: the median run's figures are reported."""

    runs: list[Measured] = field(default_factory=list)

    def add(self, m: Measured) -> Measured:
        self.runs.append(m)
        return m

    @property
    def rps(self) -> float:
        return statistics.median(m.rps for m in self.runs)

    @property
    def cpu_us(self) -> float:
        return statistics.median(m.server_cpu_us for m in self.runs)

    @property
    def best(self) -> float:
        return max(m.rps for m in self.runs)

    def median_run(self) -> Measured:
        ordered = sorted(self.runs, key=lambda m: m.rps)
        return ordered[(len(ordered) - 1) // 2]

    def summary(self) -> str:
        lat = self.median_run().run.latency_us
        text = f"{self.rps:,.0f} req/s (p50 {lat['p50'] / 1000:.1f} ms, p99 {lat['p99'] / 1000:.1f} ms)"
        return text + f", {self.cpu_us:,.0f} us CPU/req, waited for its CPU {self.wait_share * 100:.0f}%"

    @property
    def wait_share(self) -> float:
        return statistics.median(m.wait_share for m in self.runs)

    def details(self) -> dict[str, Any]:
        return {
            "rps_median": self.rps,
            "rps_runs": [round(m.rps, 1) for m in self.runs],
            "server_cpu_us_per_request_median": self.cpu_us,
            "server_cpu_us_per_request_runs": [round(m.server_cpu_us, 1) for m in self.runs],
            "latency_us_median_run": self.median_run().run.latency_us,
            "requests": sum(m.run.requests for m in self.runs),
            "wrk_cpu_us_per_request": statistics.median(m.run.cpu_us_per_request for m in self.runs),
            "drain_s": [m.drain_s for m in self.runs],
            "server_cpu_wait_share_runs": [round(m.wait_share, 3) for m in self.runs],
        }


def pcts(samples: list[float], scale: float = 1000.0) -> dict[str, float]:
    if not samples:
        return {"p50": float("nan"), "p99": float("nan"), "p99.9": float("nan"), "n": 0}
    return {
        "p50": percentile(samples, 50) * scale,
        "p99": percentile(samples, 99) * scale,
        "p99.9": percentile(samples, 99.9) * scale,
        "n": len(samples),
    }


def fmt_pcts(p: dict[str, float]) -> str:
    return f"p50 {p['p50']:.1f} / p99 {p['p99']:.1f} / p99.9 {p['p99.9']:.1f} ms"


def run_openloop(port: int, rate: float, seconds: float, layout: Layout, **request: Any) -> dict[str, Any]:
    config = {"port": port, "rate": rate, "seconds": seconds, "connections": 32, **request}
    proc = subprocess.run(
        [PYTHON, "-m", "bench.openloop", json.dumps(config)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        preexec_fn=(lambda: os.sched_setaffinity(0, layout.load)) if layout.pinned else None,
        timeout=seconds + 120,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"open-loop driver failed: {proc.stderr[-800:]}")
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def driver_figures(result: dict[str, Any]) -> dict[str, Any]:
    samples = result["samples"]
    return {
        "offered_rps": result["requests"] / result["schedule_seconds"],
        "send_lag_ms": pcts([s[2] for s in samples]),
        "cpu_share_of_core": result["cpu_seconds"] / result["wall_seconds"],
        "cpu_us_per_request": result["cpu_seconds"] / max(1, len(samples)) * 1e6,
        "connections": result["connections"],
        "unanswered": result["unanswered"],
        "loop": result["loop"],
    }


def latency_at(subject: Subject, rate: float, seconds: float, layout: Layout, tag: str) -> dict[str, Any]:
    """Open-loop speak commands at `rate`/s; the webhooks of each matched by its client_state."""
    subject.reset()
    request = subject.request("command")
    body = json.dumps({**SPEAK, "client_state": "{state}"})
    cpu, wait = subject.proc.sched()
    result = run_openloop(
        subject.proc.port,
        rate,
        seconds,
        layout,
        method="POST",
        paths=request["paths"],
        headers=request["headers"],
        body=body,
        tag=tag,
    )
    samples = result["samples"]
    ok = [s for s in samples if s[3] is not None and 200 <= s[4] < 300]
    drained = subject.drain(subject.per_command * len(ok))
    cpu1, wait1 = subject.proc.sched()
    server_cpu, server_wait = cpu1 - cpu, wait1 - wait
    arrivals = subject.arrivals()
    to_webhook, server_share, missing = [], [], 0
    for i, send_epoch, _lag, _latency, _status in ok:
        got = arrivals.get(openloop.state_of(tag, i))
        if not got:
            missing += 1
            continue
        arrived, occurred = min(got)
        to_webhook.append(arrived - send_epoch)
        if occurred is not None:
            server_share.append(arrived - occurred)
    return {
        "rate": rate,
        "seconds": seconds,
        "requests": len(samples),
        "failed": len(samples) - len(ok),
        "statuses": sorted({s[4] for s in samples}),
        "request_ms": pcts([s[3] for s in ok]),
        "command_to_webhook_ms": pcts(to_webhook),
        "server_share_ms": pcts(server_share),
        "webhooks_missing": missing,
        "drain_s": drained,
        "server_cpu_share_of_core": server_cpu / (result["wall_seconds"] + (drained or 0)),
        "server_cpu_wait_share": server_wait / (server_cpu + server_wait) if server_cpu + server_wait else 0.0,
        "driver": driver_figures(result),
    }


# -- the rows --------------------------------------------------------------------------------------

ROW_NAMES = (
    "calibration: wrk",
    "calibration: open-loop driver",
    "server: retrieve",
    "server: list",
    "server: create",
    "server: command+webhooks",
    "latency at 25% load",
    "latency at 50% load",
    "latency at 75% load",
    "server RSS",
)


def skipped_rows(names: tuple[str, ...], why: str) -> list[Row]:
    return [Row(n, "", "", None, "", None, skipped=why) for n in names]


@dataclass
class Figures:
    """Everything the server rows are built from."""

    stack: tuple[str, str]
    per_command: int
    calibration: Series = field(default_factory=Series)
    ceiling_a: Series = field(default_factory=Series)
    ceiling_b: Series = field(default_factory=Series)
    ours: dict[str, Series] = field(
        default_factory=lambda: {n: Series() for n in ("retrieve", "list", "create", "command")}
    )
    prism: dict[str, Series] = field(default_factory=lambda: {n: Series() for n in ("retrieve", "list", "create")})
    prism_why: str | None = None
    latency: dict[int, dict[str, Any]] = field(default_factory=dict)
    driver_alone: dict[str, Any] = field(default_factory=dict)
    rss: tuple[float, float, float | None] = (0.0, 0.0, None)


def rows(quick: bool, reports: Path) -> list[Row]:
    if wrk_path() is None:
        print(f"bench: {WRK_HINT}; skipping the server rows", flush=True)
        return skipped_rows(ROW_NAMES, WRK_HINT)
    timing = Timing.of(quick)
    layout = Layout.detect()
    stack = default_stack()
    RUN_META["driver"] = {
        "closed_loop": {"tool": "wrk", "version": wrk_version(), "threads": 1, "connections": CONNECTIONS},
        "open_loop": "bench/openloop.py (raw asyncio protocol, one request per connection at a time)",
        "run_seconds": timing.seconds,
        "rounds": timing.rounds,
    }
    RUN_META["pinning"] = layout.describe()
    RUN_META["peers"] = versions()
    RUN_META["server_stack"] = {"loop": stack[0], "http": stack[1]}
    prism_why = prism_missing()
    if prism_why:
        print(f"bench: {prism_why}; the Prism columns say so", flush=True)
    for stale in reports.glob("profile-*.txt"):  # a profile belongs to the run whose row missed
        stale.unlink()

    with tempfile.TemporaryDirectory(prefix="bench-server-") as tmp, ExitStack() as ctx, load_side(layout):
        logdir = Path(tmp)

        def start(name: str, argv: list[str], cpus: frozenset[int], **kw: Any) -> Proc:
            port = free_port()
            argv = [a.replace("{port}", str(port)) for a in argv]
            return ctx.enter_context(started(name, argv, port, cpus=cpus, logdir=logdir, **kw))

        responder = start("responder", [PYTHON, "-m", "bench.responder", "{port}"], layout.server)
        hello = start("starlette", hello_argv("{port}", stack), layout.server)
        prism = None
        if prism_why is None:
            prism = start(
                "prism",
                [str(PRISM_BIN), "mock", "-h", "127.0.0.1", "-p", "{port}", str(V2_SPEC)],
                layout.server,
                env={"SCARF_ANALYTICS": "false"},
                timeout=120,
            )
        receiver = start("receiver", [PYTHON, "-m", "bench.receiver", "{port}"], layout.load)
        subject = ctx.enter_context(reference_server("refserver", stack, layout, logdir, receiver))
        observed = {
            p.name: p.affinity() for p in (responder, hello, receiver, subject.proc, *([prism] if prism else []))
        }
        RUN_META["pinning"]["observed"] = observed
        fig = Figures(stack=stack, per_command=subject.per_command, prism_why=prism_why)

        def url(p: Proc) -> str:
            return f"http://127.0.0.1:{p.port}"

        hello_req = {"method": "GET", "paths": ["/hello"]}
        responder_req = {"method": "GET", "paths": ["/"]}
        prism_reqs = {
            "retrieve": {
                "method": "GET",
                "paths": [f"/call_control_applications/{PRISM_EXAMPLE_ID}"],
                "headers": BEARER,
            },
            "list": {"method": "GET", "paths": ["/call_control_applications"], "headers": BEARER},
            "create": {**subject.request("create"), "paths": ["/call_control_applications"]},
        }

        def ours(name: str, seconds: float) -> Measured:
            command = subject if name == "command" else None
            return measure(subject.proc, subject.base, subject.request(name), seconds, layout, command)

        # Warm-up: every request for timing.warmup seconds; the server's RSS after it is the baseline.
        for name in ("retrieve", "list", "create", "command"):
            ours(name, timing.warmup)
        measure(hello, url(hello), hello_req, timing.warmup, layout)
        measure(responder, url(responder), responder_req, timing.warmup, layout)
        if prism:
            for name in ("retrieve", "list", "create"):
                measure(prism, url(prism), prism_reqs[name], timing.warmup, layout)
        settle(subject)
        rss_warm = subject.proc.rss_mb()

        # Phase A, in rounds: wrk alone (the responder), the ceiling, retrieve and list, each next to Prism.
        for _ in range(timing.rounds):
            fig.calibration.add(measure(responder, url(responder), responder_req, timing.seconds, layout))
            fig.ceiling_a.add(measure(hello, url(hello), hello_req, timing.seconds, layout))
            for name in ("retrieve", "list"):
                fig.ours[name].add(ours(name, timing.seconds))
                if prism:
                    fig.prism[name].add(measure(prism, url(prism), prism_reqs[name], timing.seconds, layout))
        # Phase B, in rounds: wrk alone, the ceiling, create, command+webhooks (after A: creates grow the list).
        for _ in range(timing.rounds):
            fig.calibration.add(measure(responder, url(responder), responder_req, timing.seconds, layout))
            fig.ceiling_b.add(measure(hello, url(hello), hello_req, timing.seconds, layout))
            fig.ours["create"].add(ours("create", timing.seconds))
            if prism:
                fig.prism["create"].add(measure(prism, url(prism), prism_reqs["create"], timing.seconds, layout))
            fig.ours["command"].add(ours("command", timing.seconds))

        # Open-loop latency at fractions of the command+webhooks rate.
        max_rate = fig.ours["command"].rps
        for pct in (25, 50, 75):
            fig.latency[pct] = latency_at(subject, max_rate * pct / 100, timing.openloop_seconds, layout, f"ol{pct}")
            settle(subject)
        # The open-loop driver alone, at the highest of those rates, against the responder.
        fig.driver_alone = run_openloop(
            responder.port, max_rate * 0.75, min(timing.openloop_seconds, 5), layout, method="GET", paths=["/"]
        )
        settle(subject)
        fig.rss = (rss_warm, subject.proc.rss_mb(), subject.proc.peak_rss_mb())
        out = build_rows(fig)

        # Every missed server row: py-spy on the server while wrk sends that row's request again.
        profiles: dict[str, dict[str, Any]] = {}
        for row in out:
            request = PROFILED.get(row.name)
            if row.met is not False or request is None:
                continue
            if request not in profiles:
                reports.mkdir(parents=True, exist_ok=True)
                seconds = 2 * timing.seconds
                print(f"bench: profiling the server on {request} (missed: {row.name})", file=sys.stderr, flush=True)
                profiles[request] = profile.profile(
                    subject.proc.pid,
                    lambda r=request, t=seconds: ours(r, t),  # type: ignore[misc]
                    seconds,
                    reports / f"profile-{request}.txt",
                    f"reference server, {request} under wrk ({'+'.join(stack)})",
                )
            row.details["profile"] = profiles[request]
    return out


# The request to profile the server on when a row misses its target.
PROFILED = {
    "server: retrieve": "retrieve",
    "server: command+webhooks": "command",
    "latency at 50% load": "command",
}


def build_rows(fig: Figures) -> list[Row]:
    out: list[Row] = []

    # Calibration: the best wrk run against the responder, next to the best run of any server, in
    # the same rounds (a rate one run reached is a rate the driver can reach; the other tenants of
    # the machine only ever lower a run).
    candidates = [("bare Starlette", fig.ceiling_a), ("bare Starlette", fig.ceiling_b)]
    candidates += [(f"refserver {n}", s) for n, s in fig.ours.items()]
    candidates += [(f"Prism {n}", s) for n, s in fig.prism.items() if s.runs]
    fastest_name, fastest = max(((n, s.best) for n, s in candidates), key=lambda item: item[1])
    headroom = fig.calibration.best / fastest
    wrk_cpu = statistics.median(m.run.cpu_us_per_request for m in fig.calibration.runs)
    out.append(
        Row(
            "calibration: wrk",
            f"best {fig.calibration.best:,.0f} req/s (median {fig.calibration.rps:,.0f}) against a fixed-response"
            f" responder on the server core; wrk's own CPU {wrk_cpu:.1f} us/request"
            f" (about {1e6 / wrk_cpu:,.0f} req/s on a core of its own)",
            f"fastest server, best run: {fastest_name} {fastest:,.0f} req/s",
            headroom,
            f">= {TARGETS['calibration']:.0f}x the fastest server",
            headroom >= TARGETS["calibration"],
            {
                "responder": fig.calibration.details(),
                "responder_best_rps": fig.calibration.best,
                "fastest": fastest_name,
                "fastest_best_rps": fastest,
                "wrk_cpu_us_per_request": wrk_cpu,
                "wrk_capacity_rps_per_core": 1e6 / wrk_cpu,
            },
        )
    )
    top = driver_figures(fig.driver_alone)
    top_req = pcts([s[3] for s in fig.driver_alone["samples"] if s[3] is not None])
    lag99 = top["send_lag_ms"]["p99"]
    out.append(
        Row(
            "calibration: open-loop driver",
            f"{top['offered_rps']:,.0f} req/s to the responder: request {fmt_pcts(top_req)};"
            f" send lag p50 {top['send_lag_ms']['p50']:.2f} / p99 {lag99:.2f} ms;"
            f" {top['cpu_share_of_core'] * 100:.0f}% of a core",
            "the rate of the 75% latency row",
            None,
            "keeps the schedule: p99 send lag <= 5 ms, <= 50% of its core",
            lag99 <= 5 and top["cpu_share_of_core"] <= 0.5 and not fig.driver_alone["unanswered"],
            {"request_ms": top_req, **top},
        )
    )

    def server_row(
        name: str, series: Series, ceiling: Series, prism: Series | None, targets: tuple[float, float] | None
    ) -> Row:
        ratio = series.rps / ceiling.rps
        cpu_ratio = ceiling.cpu_us / series.cpu_us
        base = f"bare Starlette {ceiling.summary()}"
        ratio_text = f"{ratio:.2f}x ceiling (CPU {cpu_ratio:.2f}x)"
        details: dict[str, Any] = {
            "ours": series.details(),
            "ceiling": ceiling.details(),
            "ratio_ceiling": ratio,
            "cpu_ratio_ceiling": cpu_ratio,
        }
        prism_ratio = None
        if prism is not None:
            if prism.runs:
                prism_ratio = series.rps / prism.rps
                prism_cpu = prism.cpu_us / series.cpu_us
                base += f"; Prism {prism.summary()}"
                ratio_text += f", {prism_ratio:.2f}x Prism (CPU {prism_cpu:.2f}x)"
                details |= {"prism": prism.details(), "ratio_prism": prism_ratio, "cpu_ratio_prism": prism_cpu}
            else:
                base += f"; Prism: {fig.prism_why}"
                ratio_text += ", Prism -"
        met: bool | None = None
        target = "recorded"
        if targets:
            want_ceiling, want_prism = targets
            target = f">= {want_ceiling:g}x ceiling" + (f", >= {want_prism:g}x Prism" if want_prism else "")
            met = ratio >= want_ceiling
            if want_prism:
                met = met and prism_ratio is not None and prism_ratio >= want_prism
        return Row(f"server: {name}", series.summary(), base, ratio, target, met, details, ratio_text=ratio_text)

    targets = (TARGETS["retrieve_ceiling"], TARGETS["retrieve_prism"])
    out.append(server_row("retrieve", fig.ours["retrieve"], fig.ceiling_a, fig.prism["retrieve"], targets))
    out.append(server_row("list", fig.ours["list"], fig.ceiling_a, fig.prism["list"], None))
    out.append(server_row("create", fig.ours["create"], fig.ceiling_b, fig.prism["create"], None))
    command = server_row("command+webhooks", fig.ours["command"], fig.ceiling_b, None, (TARGETS["command_ceiling"], 0))
    drains = [m.drain_s for m in fig.ours["command"].runs]
    if any(d is None for d in drains):
        command.ours += "; SOME WEBHOOKS NEVER ARRIVED"
        command.met = False
    else:
        command.ours += f"; {fig.per_command} webhooks each, the last {max(d or 0 for d in drains):.2f} s after the run"
    command.baseline += "; Prism: none (it serves the V2 applications spec here, and a mock sends no webhooks)"
    command.details["webhooks_per_command"] = fig.per_command
    out.append(command)

    for pct, lat in fig.latency.items():
        p99 = lat["command_to_webhook_ms"]["p99"]
        target = f"command->webhook p99 < {TARGETS['webhook_p99_ms_at_50']:g} ms" if pct == 50 else "recorded"
        met = (p99 < TARGETS["webhook_p99_ms_at_50"] and not lat["webhooks_missing"]) if pct == 50 else None
        drv = lat["driver"]
        out.append(
            Row(
                f"latency at {pct}% load",
                f"{lat['rate']:,.0f} commands/s for {lat['seconds']:g} s: request {fmt_pcts(lat['request_ms'])};"
                f" command->webhook {fmt_pcts(lat['command_to_webhook_ms'])};"
                f" server share (occurred_at->received) {fmt_pcts(lat['server_share_ms'])};"
                f" {lat['failed']} failed, {lat['webhooks_missing']} webhooks missing;"
                f" server busy {lat['server_cpu_share_of_core'] * 100:.0f}% of its core and waited for it"
                f" {lat['server_cpu_wait_share'] * 100:.0f}% of the time it was runnable",
                f"driver: send lag p99 {drv['send_lag_ms']['p99']:.1f} ms,"
                f" {drv['cpu_share_of_core'] * 100:.0f}% of a core",
                None,
                target,
                met,
                lat,
            )
        )

    warm, end, peak = fig.rss
    growth = end / warm
    out.append(
        Row(
            "server RSS",
            f"{end:.0f} MB after the run" + (f" (peak {peak:.0f} MB)" if peak else ""),
            f"{warm:.0f} MB after warm-up",
            growth,
            f"<= {TARGETS['rss_growth']}x after warm-up",
            growth <= TARGETS["rss_growth"],
            {"warm_mb": warm, "end_mb": end, "peak_mb": peak, "stack": "+".join(fig.stack)},
        )
    )
    return out


# -- the server stack ------------------------------------------------------------------------------


def stack_rows(quick: bool) -> list[Row]:
    """The ceiling, retrieve and command+webhooks under each uvicorn loop/parser pair, in rounds."""
    if wrk_path() is None:
        return skipped_rows(("server stack",), WRK_HINT)
    timing = Timing.of(quick)
    layout = Layout.detect()
    chosen = default_stack()
    pairs = [s for s in STACKS if available(s)]
    missing = [s for s in STACKS if not available(s)]
    figures: dict[tuple[str, str], dict[str, Series]] = {}
    hello_req = {"method": "GET", "paths": ["/hello"]}
    with tempfile.TemporaryDirectory(prefix="bench-stack-") as tmp, ExitStack() as ctx, load_side(layout):
        logdir = Path(tmp)
        receiver_port = free_port()
        receiver = ctx.enter_context(
            started(
                "receiver",
                [PYTHON, "-m", "bench.receiver", str(receiver_port)],
                receiver_port,
                cpus=layout.load,
                logdir=logdir,
            )
        )
        servers = {}
        for pair in pairs:
            port = free_port()
            name = "-".join(pair)
            hello = ctx.enter_context(
                started(f"starlette-{name}", hello_argv(port, pair), port, cpus=layout.server, logdir=logdir)
            )
            subject = ctx.enter_context(reference_server(f"refserver-{name}", pair, layout, logdir, receiver))
            servers[pair] = (hello, subject)
            figures[pair] = {"ceiling": Series(), "retrieve": Series(), "command": Series()}
            measure(hello, f"http://127.0.0.1:{hello.port}", hello_req, 1, layout)
            measure(subject.proc, subject.base, subject.request("retrieve"), 1, layout)
            measure(subject.proc, subject.base, subject.request("command"), 1, layout, subject)
        seconds = min(timing.seconds, 2)  # eight servers: shorter runs, as many rounds as the other rows
        for _ in range(timing.rounds):
            for pair, (hello, subject) in servers.items():
                fig = figures[pair]
                fig["ceiling"].add(measure(hello, f"http://127.0.0.1:{hello.port}", hello_req, seconds, layout))
                fig["retrieve"].add(measure(subject.proc, subject.base, subject.request("retrieve"), seconds, layout))
                fig["command"].add(
                    measure(subject.proc, subject.base, subject.request("command"), seconds, layout, subject)
                )
    base = figures.get(("asyncio", "h11"))
    # The cheapest pair by the server's CPU per request (steadier than requests/s on a shared machine).
    cheapest = min(pairs, key=lambda p: figures[p]["retrieve"].cpu_us + figures[p]["command"].cpu_us)
    out = []
    for pair in pairs:
        fig = figures[pair]
        text = "; ".join(
            f"{n} {fig[n].rps:,.0f} req/s, {fig[n].cpu_us:,.0f} us CPU/req" for n in ("ceiling", "retrieve", "command")
        )
        ratio_text = None
        if base:
            ratio_text = ", ".join(
                f"{n} {fig[n].rps / base[n].rps:.2f}x (CPU {base[n].cpu_us / fig[n].cpu_us:.2f}x)"
                for n in ("retrieve", "command")
            )
        out.append(
            Row(
                f"server stack: {pair[0]} + {pair[1]}" + (" (default)" if pair == chosen else ""),
                text,
                "asyncio + h11, same rounds" if base else "asyncio + h11 not measured",
                fig["retrieve"].rps / base["retrieve"].rps if base else None,
                f"recorded; cheapest here (CPU per retrieve + command): {cheapest[0]} + {cheapest[1]}",
                None,
                {n: s.details() for n, s in fig.items()},
                ratio_text=ratio_text,
            )
        )
    RUN_META["server_stack_measured"] = {
        "pairs": ["+".join(p) for p in pairs],
        "not_installed": ["+".join(p) for p in missing],
        "cheapest_here": "+".join(cheapest),
        "default": "+".join(chosen),
    }
    return out
