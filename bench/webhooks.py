"""Row: webhook verify + parse per event, against a bare PyNaCl verify of the same bytes.

The events are a mix of types in both envelopes, signed like the platform signs them
(Ed25519 over ``{timestamp}|{body}``). Ours is ``client.webhooks.unwrap`` (verify, then parse
into the event's model, validated); the floor is ``VerifyKey.verify`` alone on the same
message. The official ``telnyx`` SDK's ``unwrap`` (verify, then build models without
validation) is measured on the V2 events, the envelope it knows.
"""

from __future__ import annotations

import base64
import json
import statistics
import sys
import time
from collections.abc import Callable
from typing import Any

from bench.measure import ROOT
from bench.report import Row

PACKAGE = "telnyx_call_control"
TARGET = 1.3


def _events() -> list[dict[str, Any]]:
    sys.path.insert(0, str(ROOT))
    from tests.client.webhook_bodies import EVENTS, v1, v2

    return [envelope(event) for event in sorted(EVENTS) for envelope in (v1, v2)]


def _per_event(fns: dict[str, Callable[[int], object]], count: int, n: int, rounds: int) -> dict[str, float]:
    """Median over ``rounds`` of the mean seconds per event of each of ``fns``, cycling through
    ``count`` events. The functions take turns within each round, so that a burst of load on the
    machine falls on all of them rather than on whichever was measured then."""
    for fn in fns.values():
        for i in range(count * 3):  # warm up: caches, lazy imports, adapters
            fn(i % count)
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(rounds):
        for name, fn in fns.items():
            start = time.perf_counter()
            for i in range(n):
                fn(i % count)
            samples[name].append((time.perf_counter() - start) / n)
    return {name: statistics.median(values) for name, values in samples.items()}


def row_webhooks(n: int, rounds: int) -> Row:
    from nacl.signing import SigningKey

    sys.path.insert(0, str(ROOT / "generated" / "src"))
    package = __import__(PACKAGE)
    key = SigningKey.generate()
    public_key = base64.b64encode(bytes(key.verify_key)).decode()
    timestamp = str(int(time.time()))
    signed = []
    for event in _events():
        body = json.dumps(event).encode()
        signature = key.sign(timestamp.encode() + b"|" + body).signature
        headers = {"telnyx-signature-ed25519": base64.b64encode(signature).decode(), "telnyx-timestamp": timestamp}
        signed.append((body, headers, timestamp.encode() + b"|" + body, signature, "data" in event))

    client = package.Client(public_key=public_key)
    verify_key = key.verify_key
    measured = _per_event(
        {
            "ours": lambda i: client.webhooks.unwrap(signed[i][0], signed[i][1]),
            "floor": lambda i: verify_key.verify(signed[i][2], signed[i][3]),
        },
        len(signed),
        n,
        rounds,
    )
    ours, floor = measured["ours"], measured["floor"]
    details: dict[str, Any] = {"ours_s": ours, "floor_s": floor, "events": len(signed), "n": n, "rounds": rounds}
    baseline = f"bare PyNaCl verify {floor * 1e6:.0f} us"
    try:
        import telnyx

        official = telnyx.Telnyx(api_key="unused", public_key=public_key).webhooks
        v2_events = [s for s in signed if s[4]]
        v2 = _per_event(
            {
                "official": lambda i: official.unwrap(v2_events[i][0].decode(), headers=v2_events[i][1]),
                "ours": lambda i: client.webhooks.unwrap(v2_events[i][0], v2_events[i][1]),
            },
            len(v2_events),
            n,
            rounds,
        )
        details["official_v2_s"], details["ours_v2_s"] = v2["official"], v2["ours"]
        baseline += (
            f"; official SDK (V2 only) {details['official_v2_s'] * 1e6:.0f} us"
            f" vs ours V2 {details['ours_v2_s'] * 1e6:.0f} us"
        )
    except Exception as exc:  # the bench group may be missing: the row stands without it
        details["official_error"] = f"{type(exc).__name__}: {exc}"[:200]
    ratio = ours / floor
    return Row(
        "webhook verify+parse",
        f"{ours * 1e6:.0f} us/event ({len(signed)} events, both envelopes)",
        baseline,
        ratio,
        f"<= {TARGET}x",
        ratio <= TARGET,
        details,
    )
