"""The pytest plugin's fixtures, on real servers and sockets (the plugin comes from the pytest11 entry point)."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path
from typing import Any

import httpx
import pytest
from nacl.signing import SigningKey

from specmodel import default_spec
from toolkit import RefServer, WebhookReceiver

ROOT = Path(__file__).resolve().parents[2]


def sign(seed: bytes, body: bytes, timestamp: int) -> dict[str, str]:
    scheme = default_spec().signature
    assert scheme is not None
    signature = SigningKey(seed).sign(scheme.message_for(str(timestamp), body)).signature
    return {
        "content-type": "application/json",
        scheme.signature_header: base64.b64encode(signature).decode(),
        scheme.timestamp_header: str(timestamp),
    }


def run_pytest(tmp_path: Path, source: str, *args: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "test_user.py").write_text(textwrap.dedent(source))
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args, "test_user.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={k: v for k, v in os.environ.items() if k != "PYTEST_ADDOPTS"},
    )


def test_the_plugin_is_registered_by_its_entry_point() -> None:
    from importlib.metadata import entry_points

    (plugin,) = [ep for ep in entry_points(group="pytest11") if ep.name == "telnyx_cc"]
    assert plugin.value == "toolkit.pytest_plugin"


def test_session_server_runs_in_memory_with_fresh_credentials(telnyx_server: RefServer) -> None:
    output = "".join(telnyx_server.output)
    assert "refserver: state: :memory:" in output
    assert "TIME_SCALE=0.01" in output
    creds = telnyx_server.credentials
    assert f"TELNYX_API_KEY={creds.api_key}" in output and creds.api_key != "KEYrefserver-dev-api-key"
    assert f"webhook signing public key: {creds.public_key}" in output
    assert creds.base_url.startswith("http://127.0.0.1:") and not creds.base_url.endswith(":8765")


def test_clients_and_receiver_are_wired_to_the_server(telnyx: Any) -> None:
    assert telnyx.sim.simulator.sim_get_public_key().data.public_key == telnyx.credentials.public_key
    assert telnyx.receiver.public_key == telnyx.credentials.public_key
    connection_id = telnyx.create_application(envelope="2")
    call = telnyx.start_inbound_call(connection_id)
    hook = telnyx.wait_for("call.initiated", call_control_id=call)
    assert hook.verified and hook.envelope == "2" and hook.payload["direction"] == "incoming"
    assert telnyx.call(call).state == "parked"


def test_receiver_refuses_forged_webhooks_and_wait_for_says_so(webhook_receiver: WebhookReceiver) -> None:
    body = b'{"data": {"event_type": "call.answered", "payload": {"call_control_id": "x"}}}'
    forged = sign(bytes(32), body, int(time.time()))  # not the server's key
    answer = httpx.post(webhook_receiver.url, content=body, headers=forged, trust_env=False)
    assert answer.status_code == 401
    assert webhook_receiver.events() == [] and len(webhook_receiver.rejected) == 1
    with pytest.raises(AssertionError, match="failed verification: the signature does not verify"):
        webhook_receiver.wait_for("call.answered", timeout=0)


def test_receiver_verifies_with_the_key_and_tolerance_of_the_spec(tmp_path: Path) -> None:
    seed = bytes(range(32))
    public = base64.b64encode(bytes(SigningKey(seed).verify_key)).decode()
    now = 1_700_000_000
    body = b'{"event_type": "call_answered", "payload": {"call_control_id": "abc"}}'
    with WebhookReceiver(public, clock=lambda: now) as receiver:
        assert httpx.post(receiver.url, content=body, headers=sign(seed, body, now), trust_env=False).status_code == 200
        hook = receiver.wait_for("call.answered", call_control_id="abc", timeout=0)
        assert hook.envelope == "1" and hook.event_type == "call_answered" and hook.verified
        with pytest.raises(TimeoutError, match=r"no call\.hangup on abc within 0 s; received: call\.answered@abc"):
            receiver.wait_for("call.hangup", call_control_id="abc", timeout=0)
        for shift, why in ((-301, "301 s old"), (301, "301 s in the future")):
            late = sign(seed, body, now + shift)
            assert httpx.post(receiver.url, content=body, headers=late, trust_env=False).status_code == 401
            assert receiver.rejected[-1].error == f"timestamp {why}, past the 300 s tolerance"


def test_per_test_server_is_stopped_and_time_scale_is_an_option(tmp_path: Path) -> None:
    result = run_pytest(
        tmp_path,
        """
        import os

        def test_fresh(telnyx_fresh_server, telnyx_server_factory):
            assert telnyx_fresh_server.time_scale == 0
            other = telnyx_server_factory(time_scale=0.5, env={"WEBHOOK_RETRY_SCHEDULE": "0"})
            assert "TIME_SCALE=0.5 WEBHOOK_RETRY_SCHEDULE=0" in "".join(other.output)
            with open("pids", "w") as f:
                f.write(f"{telnyx_fresh_server.process.pid} {other.process.pid}")
        """,
        "--telnyx-time-scale",
        "0",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for pid in (tmp_path / "pids").read_text().split():
        assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text().lower()


def test_a_server_that_cannot_start_fails_with_its_output() -> None:
    server = RefServer(env={"TIME_SCALE": "-1"})
    with pytest.raises(Exception, match="TIME_SCALE must be >= 0"):
        server.start()
    assert server.process is not None and server.process.poll() is not None


def test_fuzz_webhooks_fixture_checks_an_app_served_by_the_testbed(telnyx: Any, fuzz_webhooks: Any) -> None:
    """The pytest helper: the example IVR trusts the server's key, and the fuzzer signs with the server's seed."""
    from examples.ivr import create_app

    url = telnyx.serve_app(create_app(telnyx.server.client(), transfer_to="+18005550199"))
    report = fuzz_webhooks(url, signing_key=telnyx.credentials.signing_key, examples=1)
    report.assert_ok()
    assert report.public_key == telnyx.credentials.public_key and report.key_source == "TELNYX_SIGNING_KEY"


def test_sim_client_carries_the_servers_credentials_when_the_simulator_is_scoped(telnyx_server_factory: Any) -> None:
    server = telnyx_server_factory(env={"REFSERVER_SIM_OPEN": "0"})
    assert httpx.get(f"{server.url}/_sim/webhooks", trust_env=False).status_code == 401
    from toolkit.testbed import Testbed

    with WebhookReceiver(server.public_key) as receiver:
        bed = Testbed(server, receiver)
        try:
            call = bed.start_inbound_call(bed.create_application(envelope="1"))
            assert bed.wait_for("call.initiated", call_control_id=call).envelope == "1"
        finally:
            bed.close()
