"""Soak: about a minute of mixed load with hostile inputs in between, on a real server.

Calls are dialled, commanded and hung up (V1), called in through the simulator and answered,
applications created, listed and deleted (V2); every tenth round a batch of hostile inputs goes
in between (lone surrogates, numbers past a double, deep nesting, a 2 MB body, a non-ASCII page
number, a CR in a header, a 10^400 gather timeout). Every call carries a 4 KB client_state, so
that ended calls kept in memory would show. Afterwards: no answer was a 5xx, the server's RSS
after warm-up stayed flat, and the channel limits still admit exactly their number of calls.
"""

from __future__ import annotations

import base64
import socket
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.harness import Api, Receiver, RefServerProcess

pytestmark = pytest.mark.timeout(240)
APPS = "/v2/call_control_applications"
LOAD_SECS = 45.0  # the load phase (the soak test as a whole takes about a minute)
WARM_UP_SECS = 12.0
LIMIT = 5  # outbound and inbound channel_limit of the soak application
# Measured: +0.05 MB over ~700 rounds after warm-up; with ended calls kept in memory (no
# eviction), +5 MB over ~460 rounds (about 11 KB a round). 200 rounds at least are checked.
RSS_GROWTH_MAX = 2 * 1024 * 1024
STATE = base64.b64encode(b"s" * 3072).decode()  # 4096 characters: the largest client_state


def rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError("no VmRSS")


@pytest.fixture(scope="module")
def soak_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RefServerProcess]:
    if not Path("/proc/self/status").exists():
        pytest.skip("RSS is read from /proc/<pid>/status, which this system does not have")
    db = tmp_path_factory.mktemp("soak") / "state.sqlite3"
    proc = RefServerProcess(state_db=str(db), env={"TIME_SCALE": "0.01", "WEBHOOK_RETRY_SCHEDULE": "0.05"})
    try:
        yield proc.start()
    finally:
        proc.stop()
        proc.kill()


def hostile_batch(api: Api, app_id: str, call_id: str | None, port: int) -> list[int]:
    statuses = []
    raw = [
        b'{"application_name": "\\ud800", "webhook_event_url": "https://e.com"}',
        b'{"application_name": "x", "webhook_event_url": "https://e.com", "inbound": {"channel_limit": 1e400}}',
        b'{"application_name": "x", "webhook_event_url": "https://e.com", "inbound": {"x": '
        + b"[" * 500
        + b"]" * 500
        + b"}}",
        b'{"application_name": "' + b"x" * 2_000_000 + b'"}',
    ]
    for body in raw:
        statuses.append(api.http.post(APPS, content=body, headers=api.v2).status_code)
    statuses.append(api.http.get(f"{APPS}?page[number]=\u0661", headers=api.v2).status_code)
    if call_id is not None:
        body = b'{"audio_url": "https://e.com/a.mp3", "timeout_millis": 1' + b"0" * 400 + b"}"
        r = api.http.post(f"/calls/{call_id}/actions/gather_using_audio", content=body, headers=api.v1)
        statuses.append(r.status_code)
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(b"GET /v2/call_control_applications HTTP/1.1\r\nhost: x\r\nx-a: b\rc\r\n\r\n")
        statuses.append(int(sock.recv(4096).split(b" ", 2)[1]))
    return statuses


def test_soak_mixed_load_with_hostile_inputs(soak_server: RefServerProcess, receiver: Receiver) -> None:
    api = Api(soak_server.url)
    assert soak_server.proc is not None
    pid, port = soak_server.proc.pid, int(soak_server.url.rsplit(":", 1)[1])
    statuses: Counter[int] = Counter()
    hostile: Counter[int] = Counter()
    try:
        app = api.create_app(
            webhook_event_url=receiver.url + "/ok/soak",
            inbound={"channel_limit": LIMIT},
            outbound={"channel_limit": LIMIT},
        )
        started = time.monotonic()
        warm_rss: int | None = None
        samples: list[int] = []
        rounds = 0
        while time.monotonic() - started < LOAD_SECS:
            rounds += 1
            r = api.dial(app["id"], client_state=STATE)
            statuses[r.status_code] += 1
            call_id = r.json()["data"]["call_control_id"] if r.status_code == 200 else None
            inbound = api.sim("POST", "/inbound_calls", json={"connection_id": app["id"], "from": "+1", "to": "+2"})
            statuses[inbound.status_code] += 1
            if inbound.status_code == 201:
                in_id = inbound.json()["data"]["call_control_id"]
                for command, body in (("answer", {"client_state": STATE}), ("speak", {}), ("hangup", {})):
                    if command == "speak":
                        body = {"payload": "hello", "voice": "female", "language": "en-US"}
                    statuses[api.raw_cmd(in_id, command, **body).status_code] += 1
            if rounds % 10 == 0:
                for status in hostile_batch(api, app["id"], call_id, port):
                    hostile[status] += 1
            if rounds % 25 == 0:
                other = api.http.post(
                    APPS,
                    json={"application_name": f"soak-{rounds}", "webhook_event_url": "https://e.com"},
                    headers=api.v2,
                )
                statuses[other.status_code] += 1
                statuses[api.http.get(APPS, headers=api.v2).status_code] += 1
                statuses[api.http.delete(f"{APPS}/{other.json()['data']['id']}", headers=api.v2).status_code] += 1
            if call_id is not None:
                statuses[api.raw_cmd(call_id, "hangup").status_code] += 1
            elapsed = time.monotonic() - started
            if elapsed >= WARM_UP_SECS:
                if warm_rss is None:
                    warm_rss = rss(pid)
                elif rounds % 20 == 0:
                    samples.append(rss(pid))
        final_rss = rss(pid)

        # no 5xx, in the load or in the hostile inputs (all refused with a 4xx)
        assert not [s for s in statuses if s >= 500], statuses
        assert hostile and all(400 <= s < 500 for s in hostile), hostile
        assert statuses[200] > 100 and rounds > 50, (rounds, statuses)
        # RSS flat after warm-up
        assert warm_rss is not None and len(samples) >= 10, (rounds, len(samples))  # 200 rounds after warm-up
        growth = max([*samples, final_rss]) - warm_rss
        requests = sum(statuses.values())
        print(f"soak: {rounds} rounds, {requests} requests, RSS {warm_rss / 1e6:.1f} MB, then +{growth / 1e6:.2f} MB")
        assert growth < RSS_GROWTH_MAX, f"RSS grew {growth / 1e6:.1f} MB after warm-up ({warm_rss / 1e6:.1f} MB)"
        # capacity intact: every call has ended; the limits admit LIMIT calls each, and no more
        dialled = []
        for _ in range(LIMIT):
            r = api.dial(app["id"])
            assert r.status_code == 200, r.text
            dialled.append(r.json()["data"]["call_control_id"])
        assert api.dial(app["id"]).json()["errors"][0]["code"] == "90040"
        for _ in range(LIMIT):
            api.inbound(app["id"])
        r = api.sim("POST", "/inbound_calls", json={"connection_id": app["id"], "from": "+1", "to": "+2"})
        assert r.status_code == 422 and r.json()["errors"][0]["code"] == "90040"
    finally:
        api.close()
