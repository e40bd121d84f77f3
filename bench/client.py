"""Rows: import time, first call, and per-request overhead of the generated client.

Every row is measured next to its baseline in the same run: `import httpx, pydantic` (the
floor of any httpx + pydantic client), raw httpx sending the same requests, and the official
`telnyx` SDK pointed at the same local server.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from bench.measure import PYTHON, ROOT, free_port, python_seconds_each, wait_for_port
from bench.report import Row

PACKAGE = "telnyx_call_control"
API_KEY, V1_KEY, V1_SECRET = "bench-api-key", "bench-key", "bench-secret"
ANSWER_COMMAND = {"client_state": "YmVuY2g=", "command_id": "bench-command"}


@dataclass(frozen=True)
class Server:
    base_url: str
    application_id: str

    def answered_call(self) -> str:
        """A new inbound call, answered once with ANSWER_COMMAND: repeating that command takes the
        server's cheap duplicate path (200, ignored) for the next 60 seconds."""
        import httpx

        with httpx.Client(base_url=self.base_url) as http:
            call = http.post(
                "/_sim/inbound_calls",
                json={"connection_id": self.application_id, "from": "+18005550101", "to": "+18005550100"},
            )
            call.raise_for_status()
            call_id = str(call.json()["data"]["call_control_id"])
            answer = http.post(f"/calls/{call_id}/actions/answer", auth=(V1_KEY, V1_SECRET), json=ANSWER_COMMAND)
            answer.raise_for_status()
        return call_id


@contextmanager
def reference_server() -> Iterator[Server]:
    """The reference server on a free port, in memory, media instantaneous, with one application."""
    import httpx

    port = free_port()
    env = {
        **os.environ,
        "PORT": str(port),
        "STATE_DB": ":memory:",
        "TIME_SCALE": "0",
        "TELNYX_API_KEY": API_KEY,
        "TELNYX_V1_KEY": V1_KEY,
        "TELNYX_V1_SECRET": V1_SECRET,
    }
    proc = subprocess.Popen(
        [PYTHON, "-m", "refserver"], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_port(port)
        base = f"http://127.0.0.1:{port}"
        with httpx.Client(base_url=base) as http:
            receiver = "http://127.0.0.1:9/unused"  # webhooks fail fast; delivery is off the request path
            app = http.post(
                "/v2/call_control_applications",
                headers={"Authorization": f"Bearer {API_KEY}"},
                json={"application_name": "bench", "webhook_event_url": receiver},
            )
            app.raise_for_status()
            app_id = app.json()["data"]["id"]
            yield Server(base, app_id)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def compile_package() -> None:
    """Byte-compile the generated package, as installing its wheel does.

    The venv holds it as an editable install, which `uv sync --compile-bytecode` leaves alone,
    and with PYTHONDONTWRITEBYTECODE set (as on these machines) every fresh process would
    compile its sources again, which no installed copy does; the peers are compiled.
    """
    import compileall

    compileall.compile_dir(ROOT / "generated" / "src", quiet=1)


def row_import(repeat: int) -> Row:
    compile_package()
    times = python_seconds_each(
        {
            "floor": "import httpx, pydantic",
            "ours": f"import {PACKAGE}; {PACKAGE}.Client",
            "official": "import telnyx; telnyx.Telnyx",
        },
        repeat=repeat,
    )
    floor, ours, official = times["floor"], times["ours"], times["official"]
    ratio = ours / floor
    return Row(
        "import",
        f"{ours * 1000:.0f} ms",
        f"import httpx, pydantic {floor * 1000:.0f} ms; import telnyx {official * 1000:.0f} ms",
        ratio,
        "<= 1.2x the floor",
        ratio <= 1.2,
        {"ours_s": ours, "floor_s": floor, "official_s": official, "repeat": repeat},
    )


FIRST_CALL_OURS = """
import {package}
c = {package}.Client(api_key={key!r}, base_url={base!r})
c.call_control_applications.retrieve({app!r})
"""
FIRST_CALL_OFFICIAL = """
import telnyx
c = telnyx.Telnyx(api_key={key!r}, base_url={base!r} + "/v2", max_retries=0)
c.call_control_applications.retrieve({app!r})
"""


def row_first_call(repeat: int) -> Row:
    compile_package()
    with reference_server() as server:
        fill = {"package": PACKAGE, "key": API_KEY, "base": server.base_url, "app": server.application_id}
        times = python_seconds_each(
            {"ours": FIRST_CALL_OURS.format(**fill), "official": FIRST_CALL_OFFICIAL.format(**fill)}, repeat=repeat
        )
        ours, official = times["ours"], times["official"]
    ratio = ours / official
    return Row(
        "first call",
        f"{ours * 1000:.0f} ms",
        f"official SDK {official * 1000:.0f} ms",
        ratio,
        "<= 0.5x",
        ratio <= 0.5,
        {"ours_s": ours, "official_s": official, "repeat": repeat},
    )


def _per_call(fns: dict[str, Callable[[], object]], n: int, rounds: int) -> dict[str, float]:
    """Median over `rounds` of the mean seconds per call of `n` calls, for each of `fns`. The
    functions take turns within each round, so that load on the machine falls on all alike."""
    for fn in fns.values():
        for _ in range(max(5, n // 10)):  # warm up connections and caches
            fn()
    samples: dict[str, list[float]] = {who: [] for who in fns}
    for _ in range(rounds):
        for who, fn in fns.items():
            start = time.perf_counter()
            for _ in range(n):
                fn()
            samples[who].append((time.perf_counter() - start) / n)
    return {who: statistics.median(values) for who, values in samples.items()}


def row_request_overhead(n: int, rounds: int) -> Row:
    import httpx
    import telnyx

    sys.path.insert(0, str(ROOT / "generated" / "src"))
    client_module = __import__(PACKAGE)
    with reference_server() as server:
        ours = client_module.Client(api_key=API_KEY, v1_key=V1_KEY, v1_secret=V1_SECRET, base_url=server.base_url)
        raw = httpx.Client(base_url=server.base_url)
        official_v2 = telnyx.Telnyx(api_key=API_KEY, base_url=server.base_url + "/v2", max_retries=0)
        basic = httpx.BasicAuth(V1_KEY, V1_SECRET)._auth_header  # the same header the others send
        official_v1 = telnyx.Telnyx(
            api_key="unused", base_url=server.base_url, max_retries=0, default_headers={"Authorization": basic}
        )
        app_id = server.application_id
        bearer = {"Authorization": f"Bearer {API_KEY}"}
        command = ANSWER_COMMAND
        calls: dict[str, str] = {}  # each client's own call, answered just before its loop (see answered_call)
        measures = {
            "retrieve": {
                "ours": lambda: ours.call_control_applications.retrieve(app_id),
                "raw": lambda: raw.get(f"/v2/call_control_applications/{app_id}", headers=bearer).json(),
                "official": lambda: official_v2.call_control_applications.retrieve(app_id),
            },
            "answer": {
                "ours": lambda: ours.calls.answer(calls["ours"], **command),
                "raw": lambda: raw.post(
                    f"/calls/{calls['raw']}/actions/answer", json=command, auth=(V1_KEY, V1_SECRET)
                ).json(),
                "official": lambda: official_v1.calls.actions.answer(calls["official"], **command),
            },
        }
        results: dict[str, dict[str, float]] = {}
        for op, fns in measures.items():
            if op == "answer":
                for who in fns:
                    calls[who] = server.answered_call()  # a fresh 60-second duplicate window
            results[op] = _per_call(fns, n, rounds)
    ratio = max(r["ours"] / r["raw"] for r in results.values())
    return Row(
        "request overhead",
        ", ".join(f"{op} {r['ours'] * 1e6:.0f} us" for op, r in results.items()),
        "raw httpx "
        + ", ".join(f"{op} {r['raw'] * 1e6:.0f} us" for op, r in results.items())
        + "; official "
        + ", ".join(f"{op} {r['official'] * 1e6:.0f} us" for op, r in results.items()),
        ratio,
        "<= 1.15x raw httpx",
        ratio <= 1.15,
        {op: {k: v for k, v in r.items()} for op, r in results.items()} | {"n": n, "rounds": rounds},
    )
