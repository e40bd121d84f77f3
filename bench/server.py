"""Rows: reference server throughput next to a bare Starlette app, and webhook latency."""

from __future__ import annotations

import asyncio
import base64
import os
import subprocess
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import httpx

from bench.client import API_KEY, V1_KEY, V1_SECRET
from bench.measure import PYTHON, ROOT, free_port, percentile, wait_for_port
from bench.report import Row

UVICORN_SETTINGS = ["--log-level", "warning", "--no-access-log", "--loop", "asyncio", "--http", "h11"]


@dataclass(frozen=True)
class Load:
    requests: int
    seconds: float
    latencies: list[float]

    @property
    def rps(self) -> float:
        return self.requests / self.seconds

    def summary(self) -> str:
        return (
            f"{self.rps:.0f} req/s, p50 {percentile(self.latencies, 50) * 1000:.1f} ms, "
            f"p99 {percentile(self.latencies, 99) * 1000:.1f} ms"
        )


@contextmanager
def process(argv: list[str], port: int, env: dict[str, str] | None = None) -> Iterator[None]:
    proc = subprocess.Popen(
        argv, cwd=ROOT, env={**os.environ, **(env or {})}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port(port)
        yield
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


async def drive(
    base_url: str,
    concurrency: int,
    per_worker: int,
    request: Callable[[httpx.AsyncClient, int, int], Awaitable[httpx.Response]],
    measuring: Callable[[], None] = lambda: None,
) -> Load:
    """`concurrency` workers, each sending `per_worker` requests in a row over its own connection."""
    latencies: list[float] = []
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=base_url, limits=limits, timeout=30) as client:

        async def worker(w: int) -> None:
            for i in range(per_worker):
                start = time.perf_counter()
                response = await request(client, w, i)
                latencies.append(time.perf_counter() - start)
                if response.status_code >= 300:
                    raise RuntimeError(f"{response.request.url}: {response.status_code} {response.text[:200]}")

        await asyncio.gather(*(worker(w) for w in range(concurrency)))  # warm-up round is the first call
        measuring()
        start = time.perf_counter()
        latencies.clear()
        await asyncio.gather(*(worker(w) for w in range(concurrency)))
        return Load(concurrency * per_worker, time.perf_counter() - start, list(latencies))


def client_state(w: int, i: int) -> str:
    """A client_state no other request of the run uses (the warm-up round sends the same w, i)."""
    return base64.b64encode(f"{w}:{i}:{uuid.uuid4().hex[:12]}".encode()).decode()


def rows(concurrency: int, per_worker: int) -> list[Row]:
    bearer = {"Authorization": f"Bearer {API_KEY}"}
    auth = (V1_KEY, V1_SECRET)
    hello_port, server_port, receiver_port = free_port(), free_port(), free_port()
    server_env = {
        "PORT": str(server_port),
        "STATE_DB": ":memory:",
        "TIME_SCALE": "0",
        "TELNYX_API_KEY": API_KEY,
        "TELNYX_V1_KEY": V1_KEY,
        "TELNYX_V1_SECRET": V1_SECRET,
    }
    hello_cmd = [PYTHON, "-m", "uvicorn", "bench.hello_app:app", "--port", str(hello_port), *UVICORN_SETTINGS]

    with process(hello_cmd, hello_port):
        ceiling = asyncio.run(
            drive(f"http://127.0.0.1:{hello_port}", concurrency, per_worker, lambda c, w, i: c.get("/hello"))
        )

    accepted: dict[str, float] = {}
    with (
        process([PYTHON, "-m", "bench.receiver", str(receiver_port)], receiver_port),
        process([PYTHON, "-m", "refserver"], server_port, server_env),
    ):
        base = f"http://127.0.0.1:{server_port}"
        with httpx.Client(base_url=base) as http:
            app = http.post(
                "/v2/call_control_applications",
                headers=bearer,
                json={
                    "application_name": "bench",
                    "webhook_api_version": "2",
                    "webhook_event_url": f"http://127.0.0.1:{receiver_port}/webhooks",
                },
            ).json()["data"]
            calls = [
                http.post(
                    "/calls", auth=auth, json={"to": "+18005550100", "from": "+18005550101", "connection_id": app["id"]}
                ).json()["data"]
                for _ in range(concurrency)
            ]
        retrieve = asyncio.run(
            drive(
                base,
                concurrency,
                per_worker,
                lambda c, w, i: c.get(f"/v2/call_control_applications/{app['id']}", headers=bearer),
            )
        )
        create = asyncio.run(
            drive(
                base,
                concurrency,
                per_worker,
                lambda c, w, i: c.post(
                    "/v2/call_control_applications",
                    headers=bearer,
                    json={"application_name": f"load-{w}-{i}", "webhook_event_url": "https://example.com"},
                ),
            )
        )

        async def speak(c: httpx.AsyncClient, w: int, i: int) -> httpx.Response:
            state = client_state(w, i)
            accepted[state] = time.time()  # sent: the latency is an upper bound, request processing included
            response = await c.post(
                f"/calls/{calls[w]['call_control_id']}/actions/speak",
                auth=auth,
                json={"payload": "Hi.", "voice": "female", "language": "en-US", "client_state": state},
            )
            return response

        commands = asyncio.run(drive(base, concurrency, per_worker, speak, measuring=accepted.clear))
        deadline = time.monotonic() + 30
        arrivals: dict[str, list[tuple[float, float | None]]] = {}
        while time.monotonic() < deadline:
            arrivals = httpx.get(f"http://127.0.0.1:{receiver_port}/arrivals").json()
            if all(s in arrivals for s in accepted):
                break
            time.sleep(0.2)
    firsts = {s: min(arrivals[s]) for s in accepted if s in arrivals}
    latencies = [firsts[s][0] - t for s, t in accepted.items() if s in firsts]
    # The server's own share: from the event's occurred_at (stamped when it emitted it) to arrival.
    delivery = [arrived - occurred for arrived, occurred in firsts.values() if occurred is not None]
    missing = sum(1 for s in accepted if s not in arrivals)

    out = []
    for name, load, target in (
        ("retrieve", retrieve, 0.5),
        ("create", create, None),
        ("command+webhooks", commands, 0.3),
    ):
        ratio = load.rps / ceiling.rps
        out.append(
            Row(
                f"server throughput: {name}",
                load.summary(),
                f"bare Starlette {ceiling.summary()}",
                ratio,
                f">= {target}x the ceiling" if target else "recorded",
                ratio >= target if target else None,
                {"rps": load.rps, "ceiling_rps": ceiling.rps, "concurrency": concurrency, "requests": load.requests},
            )
        )
    p50, p99 = (percentile(latencies, p) * 1000 for p in (50, 99)) if latencies else (float("nan"),) * 2
    d50, d99 = (percentile(delivery, p) * 1000 for p in (50, 99)) if delivery else (float("nan"),) * 2
    out.append(
        Row(
            "webhook latency",
            f"p50 {p50:.1f} ms, p99 {p99:.1f} ms ({len(latencies)} webhooks, {missing} missing);"
            f" emitted to received p50 {d50:.1f} ms, p99 {d99:.1f} ms",
            "none (absolute)",
            None,
            "p99 < 50 ms at TIME_SCALE=0",
            p99 < 50 and missing == 0,
            {
                "p50_ms": p50,
                "p99_ms": p99,
                "emitted_to_received_p50_ms": d50,
                "emitted_to_received_p99_ms": d99,
                "samples": len(latencies),
                "missing": missing,
            },
        )
    )
    return out
