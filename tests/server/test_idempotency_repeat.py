"""A fuzzer finding: V2 `answer` with `record: record-from-answer` and a `stream_url` on a parked
call answered 200, and the byte-identical repeat (same `command_id`) was refused 422 / 90035
("the call is answered") as if the command id had not been remembered. The repeat within the
window must answer as the first did and do nothing again."""

from __future__ import annotations

import json
import uuid

import pytest

from tests.server.harness import Api, Receiver


@pytest.mark.parametrize(
    "extra",
    [
        {},
        {"record": "record-from-answer"},
        {"stream_url": "wss://stream.example.com/a"},
        {"record": "record-from-answer", "stream_url": "wss://stream.example.com/a"},
        {"record": "record-from-answer", "stream_url": "wss://stream.invalid/a"},  # the stream fails
    ],
)
def test_a_repeated_v2_answer_with_the_same_command_id_is_answered_as_the_first(
    api: Api, receiver: Receiver, extra: dict[str, str]
) -> None:
    app = api.create_app(webhook_event_url=f"{receiver.url}/ok/repeat-answer")
    call_id = api.inbound(app["id"])["call_control_id"]
    body = json.dumps({"command_id": str(uuid.uuid4()), **extra}).encode()
    url = f"/v2/calls/{call_id}/actions/answer"
    headers = {**api.v2, "Content-Type": "application/json"}
    first = api.http.post(url, content=body, headers=headers)
    assert first.status_code == 200, first.text
    again = api.http.post(url, content=body, headers=headers)
    assert again.status_code == 200, again.text
    events = api.events(call_id)
    assert events.count("call.answered") == 1  # done once


def test_expired_command_ids_are_pruned_as_commands_come(api: Api, server: object, receiver: Receiver) -> None:
    """The idempotency table holds about one window's worth: ids older than the window are
    forgotten every PRUNE_EVERY commands (it used to grow without bound)."""
    import sqlite3
    import time

    from refserver.calls.tables import IDEMPOTENCY_WINDOW, PRUNE_EVERY

    db = sqlite3.connect(server.env["STATE_DB"], timeout=10)  # type: ignore[attr-defined]
    stale = time.time() - IDEMPOTENCY_WINDOW - 3600
    with db:
        db.executemany(
            "INSERT INTO idempotency (scope, command_id, at, result) VALUES (?, ?, ?, NULL)",
            [("old-call", f"stale-{i}", stale) for i in range(500)],
        )
    app = api.create_app(webhook_event_url=f"{receiver.url}/ok/prune")
    call_id = api.inbound(app["id"])["call_control_id"]
    api.ok(call_id, "answer", command_id=str(uuid.uuid4()))
    for _ in range(PRUNE_EVERY):
        r = api.raw_cmd(call_id, "send_dtmf", digits="1", command_id=str(uuid.uuid4()))
        assert r.status_code == 200, r.text
    left = db.execute("SELECT count(*) FROM idempotency WHERE scope = 'old-call'").fetchone()[0]
    fresh = db.execute("SELECT count(*) FROM idempotency WHERE scope != 'old-call'").fetchone()[0]
    db.close()
    assert left == 0
    assert fresh >= PRUNE_EVERY  # ids within the window are kept
