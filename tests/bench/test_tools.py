"""The bench's own tools over real sockets: the webhook receiver, the fixed responder, the
open-loop driver and wrk's script. Counts and contents only: no timing is asserted."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from bench import openloop, profile
from bench.loadgen import Layout, WrkError, run_wrk, wrk_path
from bench.measure import free_port, wait_for_port
from bench.report import Row

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def serving(module: str) -> Iterator[int]:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", module, str(port)], cwd=ROOT)
    try:
        wait_for_port(port, alive=proc.poll)
        yield port
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_receiver_answers_and_records_v1_and_v2_events() -> None:
    state = base64.b64encode(b"abc").decode()
    v2 = {
        "data": {
            "event_type": "call.speak.started",
            "occurred_at": "2026-01-02T03:04:05.678Z",
            "payload": {"client_state": state},
        }
    }
    v1 = {"event_type": "speak_ended", "payload": {"client_state": state, "occurred_at": "2026-01-02T03:04:06.000Z"}}
    with serving("bench.receiver") as port, httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
        for body in (v2, v1):
            response = http.post("/webhooks", content=json.dumps(body))
            assert response.status_code == 200 and response.content == b""
        assert http.get("/count").json() == {"count": 2}
        arrivals = http.get("/arrivals").json()["arrivals"]
        assert list(arrivals) == [state]
        occurred = [a[1] for a in arrivals[state]]
        assert occurred == [1767323045.678, 1767323046.0]
        assert all(a[0] > 1767323046 for a in arrivals[state])  # arrival is the receiver's clock, not the event's
        http.post("/reset")
        assert http.get("/count").json() == {"count": 0}
        assert http.get("/elsewhere").status_code == 404


def test_responder_answers_every_request_on_one_connection() -> None:
    with serving("bench.responder") as port, httpx.Client(base_url=f"http://127.0.0.1:{port}") as http:
        answers = [http.get(f"/any/{i}") for i in range(5)]
    assert [a.status_code for a in answers] == [200] * 5
    assert answers[0].json() == {"data": {"result": "ok"}}


def test_open_loop_driver_sends_every_scheduled_request_with_its_own_state() -> None:
    with serving("bench.receiver") as port:
        config = {
            "port": port,
            "rate": 200,
            "seconds": 0.5,
            "method": "POST",
            "paths": ["/a", "/b"],
            "body": '{"data": {"payload": {"client_state": "{state}"}}}',
            "tag": "t",
            "connections": 2,
        }
        out = subprocess.run(
            [sys.executable, "-m", "bench.openloop", json.dumps(config)],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        result = json.loads(out.stdout)
        arrivals = httpx.get(f"http://127.0.0.1:{port}/arrivals").json()["arrivals"]
    assert result["requests"] == 100 and result["unanswered"] == 0
    assert sorted(s[0] for s in result["samples"]) == list(range(100))
    assert {s[4] for s in result["samples"]} == {200}
    assert all(s[3] > 0 for s in result["samples"])
    # Each request carried a client_state no other one had, which the receiver saw.
    assert sorted(arrivals) == sorted(openloop.state_of("t", i) for i in range(100))


@pytest.mark.skipif(wrk_path() is None, reason="wrk is not installed (make bench-tools installs it)")
def test_wrk_script_counts_requests_and_reports_failures() -> None:
    layout = Layout(frozenset(), frozenset())
    with serving("bench.receiver") as port:
        url = f"http://127.0.0.1:{port}"
        run = run_wrk(url, seconds=1, layout=layout, method="POST", paths=["/w"], body='{"n": "{n}"}', connections=2)
        assert run.requests > 0 and run.ok == run.requests
        assert httpx.get(f"{url}/count").json()["count"] >= run.requests
        assert run.latency_us["p50"] > 0 and run.cpu_seconds >= 0
        with pytest.raises(WrkError, match="status"):
            run_wrk(url, seconds=1, layout=layout, method="GET", paths=["/nowhere"], connections=1)


def test_layout_pins_only_with_two_cpus() -> None:
    code = "import os; os.sched_setaffinity(0, {min(os.sched_getaffinity(0))}); from bench.loadgen import Layout; "
    code += "print(Layout.detect().describe()['pinned'])"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
    layout = Layout.detect()
    if len(os.sched_getaffinity(0)) >= 2:
        assert layout.pinned and not (layout.server & layout.load)


def test_profile_folds_py_spy_stacks() -> None:
    raw = "main (a.py:1);handle (b.py:2);validate (c.py:3) 6\nmain (a.py:1);handle (b.py:9) 3\nmain (a.py:1) 1\n"
    total, inclusive, own = profile.fold(raw)
    assert total == 10
    assert inclusive["handle (b.py)"] == 9 and inclusive["main (a.py)"] == 10
    assert own["validate (c.py)"] == 6 and own["handle (b.py)"] == 3
    summary = profile.summarize(raw)
    assert summary["inclusive"][:2] == [("main (a.py)", 1.0), ("handle (b.py)", 0.9)]
    frame = "main (a.py:1);Router.app (starlette/routing.py:5);handle (b.py:2) 4\n"
    assert sorted(f for f, _ in profile.summarize(frame)["inclusive"]) == ["handle (b.py)", "main (a.py)"]


def test_a_skipped_row_says_why() -> None:
    row = Row("server: retrieve", "", "", None, "", None, skipped="wrk is not installed")
    assert row.verdict == "skipped"


def test_without_wrk_the_server_rows_are_skipped_and_say_how_to_get_it(tmp_path: Path) -> None:
    code = (
        "from pathlib import Path; from bench import server; "
        f"rows = server.rows(quick=True, reports=Path({str(tmp_path)!r})) + server.stack_rows(quick=True); "
        "print('|'.join(sorted({r.verdict for r in rows}))); print(rows[0].skipped); print(len(rows))"
    )
    env = {**os.environ, "PATH": str(tmp_path)}  # no wrk on it
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    verdicts, why, count = out.stdout.strip().splitlines()[-3:]
    assert verdicts == "skipped"
    assert "apt-get install wrk" in why
    assert int(count) == 11
