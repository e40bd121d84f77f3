"""Tenant isolation across three reference server processes on one PostgreSQL database: account
B cannot read, list or command account A's call through any process, though every process
reads the calls from the shared database; A's call goes on as if B had never tried."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.server.harness import API_KEY, V1_KEY, V1_SECRET, Receiver, wait_for
from tests.storage.test_processes import Cluster

B_V2 = {"Authorization": "Bearer KEY-bob"}
B_V1 = {"Authorization": "Basic " + base64.b64encode(b"key-bob:secret-bob").decode()}


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    yield r
    r.stop()


@pytest.fixture
def tenants(pg_url: str, tmp_path: Path) -> Iterator[Cluster]:
    path = tmp_path / "accounts.json"
    accounts = [
        {"name": "alice", "api_key": API_KEY, "v1_key": V1_KEY, "v1_secret": V1_SECRET},
        {"name": "bob", "api_key": "KEY-bob", "v1_key": "key-bob", "v1_secret": "secret-bob"},
    ]
    path.write_text(json.dumps({"accounts": accounts}))
    cluster = Cluster(pg_url, env={"REFSERVER_ACCOUNTS": str(path)})
    yield cluster
    cluster.stop()


def not_found(r: httpx.Response) -> bool:
    return r.status_code == 404 and bool(r.json()["errors"])


def test_another_account_cannot_read_or_command_a_call_through_any_process(
    tenants: Cluster, receiver: Receiver
) -> None:
    alice = tenants[0]
    app = alice.create_app(f"{receiver.url}/ok/tenant")
    call_id = alice.inbound(app)
    alice.ok(call_id, "answer")  # A's call, live: every process can read it from the database
    for node in tenants.nodes:
        http = node.http
        assert tenants[2].call(call_id)["state"] == "answered"  # A sees it through any process
        assert not_found(http.get(f"/v2/calls/{call_id}", headers=B_V2))
        assert not_found(http.post(f"/v2/calls/{call_id}/actions/hangup", json={}, headers=B_V2))
        assert not_found(http.post(f"/calls/{call_id}/actions/hangup", json={}, headers=B_V1))
        assert not_found(
            http.post(
                f"/calls/{call_id}/actions/speak",
                json={"payload": "x", "voice": "female", "language": "en-US"},
                headers=B_V1,
            )
        )
        assert not_found(http.get(f"/_sim/calls/{call_id}", headers=B_V2))
        assert not_found(http.get(f"/_sim/calls/{call_id}/webhooks", headers=B_V2))
        assert not_found(http.post(f"/_sim/calls/{call_id}/hangup", headers=B_V2))
        body = {"connection_id": app, "from": "+18005550111", "to": "+18005550122"}
        assert not_found(http.post("/_sim/inbound_calls", json=body, headers=B_V2))  # nor call into A's app
        listed = http.get("/_sim/webhooks", params={"limit": 1000}, headers=B_V2).json()["data"]
        assert all(h["call_control_id"] != call_id for h in listed)
        dial = {"connection_id": app, "to": "+18005550100", "from": "+18005550101"}
        assert http.post("/v2/calls", json=dial, headers=B_V2).json()["errors"][0]["code"] == "10015"
    # A's call went on untouched: still answered, and no webhook of B's attempts
    assert tenants[1].call(call_id)["state"] == "answered"
    events = wait_for(lambda: [h["event"] for h in tenants[2].hooks(call_id)])
    assert events == ["call.initiated", "call.answered"]
    tenants[1].ok(call_id, "hangup")  # A can still command it through another process
    assert tenants[0].call(call_id)["state"] == "hangup"
