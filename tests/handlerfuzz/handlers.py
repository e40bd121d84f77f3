"""The example IVR's webhook handler, and copies of it with exactly one fault each (for the fuzzer's own tests)."""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Callable
from typing import Any

from telnyx_call_control import Client, WebhookVerificationError

from examples.ivr import create_app

FAULTS = ("accepts_forged_signature", "accepts_stale_timestamp", "500_on_unknown_type", "500_on_duplicate", "slow")


class FakeClock:
    """Unix time that moves only when told: the fuzzer's timestamps and timing, and the handler's check."""

    def __init__(self) -> None:
        self.now = float(int(time.time()))

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def closed_port_url() -> str:
    """A URL nothing listens on: the IVR's commands fail at once (the fuzzer's calls do not exist)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


def handler_app(public_key: str, clock: Callable[[], float], *, fault: str | None = None, timeout: float = 2.0) -> Any:
    """The example IVR (verifying with ``public_key``), with ``fault`` injected into its webhook handler."""
    client = Client(
        base_url=closed_port_url(), v1_key="k", v1_secret="s", api_key="KEYx", public_key=public_key, max_retries=0
    )
    app = create_app(client, transfer_to="+18005550199", clock=clock)
    ivr = app.state.ivr
    handle = ivr.handle
    if fault is None:
        return app
    if fault == "accepts_forged_signature":  # checks the headers and the timestamp, never the signature
        hooks = ivr.webhooks
        scheme = hooks.signature

        def unwrap(payload: bytes, headers: dict[str, str], *, key: str | None = None) -> Any:
            stamp = headers.get(scheme.timestamp_header)
            if not headers.get(scheme.signature_header) or not stamp:
                raise WebhookVerificationError("missing header")
            if abs(clock() - int(stamp)) > hooks.tolerance:
                raise WebhookVerificationError("stale")
            return hooks.unsafe_unwrap(payload)

        ivr.webhooks = type("Forgiving", (), {"unwrap": staticmethod(unwrap)})()
    elif fault == "accepts_stale_timestamp":  # verifies the signature but not how old it is
        ivr.webhooks.tolerance = float("inf")
    elif fault == "500_on_unknown_type":

        def unknown_fails(raw: bytes, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
            status, body = handle(raw, headers)
            return (500, {"error": "unknown event"}) if "ignored" in body else (status, body)

        ivr.handle = unknown_fails
    elif fault == "500_on_duplicate":
        seen: set[str] = set()

        def duplicate_fails(raw: bytes, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
            status, body = handle(raw, headers)
            if 200 <= status < 300 and "accepted" in body:
                parsed = json.loads(raw)
                event_id = str((parsed.get("data") or {}).get("id") or parsed.get("id"))
                if event_id in seen:
                    return 500, {"error": "duplicate key value violates unique constraint"}
                seen.add(event_id)
            return status, body

        ivr.handle = duplicate_fails
    elif fault == "slow":  # does its work before answering: twice the webhook timeout, on the injected clock
        assert isinstance(clock, FakeClock), "the slow handler takes its time on a FakeClock"

        def slow(raw: bytes, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
            answer = handle(raw, headers)
            if 200 <= answer[0] < 300:
                clock.advance(timeout * 2)
            return answer

        ivr.handle = slow
    else:
        raise ValueError(fault)
    return app
