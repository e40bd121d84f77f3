"""The server's step interpreter (refserver/calls/runs.py) on its own: what a run of
`x-webhooks` steps sends, holds back or drops, for the occurrences a command reports."""

from __future__ import annotations

from typing import Any

import pytest

from refserver.calls.call import Call
from refserver.calls.runs import Run, deliver
from refserver.spec import SpecIndex
from specmodel import WebhookStep, slots_for


@pytest.fixture(scope="module")
def op() -> Any:
    return SpecIndex.load().by_id["callSpeak"]  # any operation: the run reads only its call states


def _call(name: str) -> Call:
    return Call(
        id=name, account="a", connection_id="c", leg_id=name, session_id="s", direction="incoming", from_="1", to="2"
    )


class Sent(list[tuple[str, str]]):
    def __call__(self, call: Call, event: str, fields: dict[str, Any]) -> None:
        self.append((call.id, event))


def _run(op: Any, steps: list[WebhookStep], sent: Sent, conditions: dict[str, bool] | None = None, **legs: Call) -> Run:
    return Run(op, slots_for(steps, conditions or {}), sent, legs)


def test_in_order_is_sent_at_once_and_out_of_order_is_held_until_its_turn(op: Any) -> None:
    a, b, sent = _call("a"), _call("b"), Sent()
    run = _run(op, [WebhookStep(("x",), leg="other"), WebhookStep(("x",))], sent, self=a, other=b)
    assert run.offer(a, "x", {}) and sent == []  # self's step comes second: held
    assert run.offer(b, "x", {})
    assert sent == [("b", "x"), ("a", "x")]


def test_an_event_no_remaining_step_lists_is_not_sent(op: Any) -> None:
    a, sent = _call("a"), Sent()
    run = _run(op, [WebhookStep(("x",)), WebhookStep(("y",))], sent, self=a)
    assert not run.offer(a, "z", {})
    assert run.offer(a, "x", {}) and not run.offer(a, "x", {})  # x only once
    assert sent == [("a", "x")]


def test_one_of_repeat_and_optional_when(op: Any) -> None:
    a, sent = _call("a"), Sent()
    steps = [
        WebhookStep(("d",), repeat=True),
        WebhookStep(("p", "q"), one_of=True),
        WebhookStep(("r",), optional=True, when="recording"),
    ]
    run = _run(op, steps, sent, {"recording": False}, self=a)
    for event in ("d", "d", "q"):
        assert run.offer(a, event, {})
    assert not run.offer(a, "p", {})  # one of them, once
    assert not run.offer(a, "r", {})  # the condition does not hold
    run = _run(op, steps, Sent(), {"recording": True}, self=a)
    assert run.offer(a, "r", {}) and run.held  # required now: held behind the one_of
    assert run.offer(a, "p", {}) and not run.held


def test_release_all_sends_what_is_held_in_step_order(op: Any) -> None:
    a, sent = _call("a"), Sent()
    run = _run(op, [WebhookStep(("never",)), WebhookStep(("x",)), WebhookStep(("y",))], sent, self=a)
    run.offer(a, "y", {})
    run.offer(a, "x", {})
    assert sent == []
    run.release_all()
    assert sent == [("a", "x"), ("a", "y")]


def test_deliver_precedence(op: Any) -> None:
    a, b, sent = _call("a"), _call("b"), Sent()
    deliver((None, None), a, "anything", {}, sent)  # no run: sent as it is
    owner = _run(op, [WebhookStep(("start",)), WebhookStep(("end",))], sent, self=a)
    owner.offer(a, "start", {})
    cause = _run(op, [WebhookStep(("other",)), WebhookStep(("end",))], sent, self=a)
    deliver((cause, owner), a, "end", {}, sent)  # the cause cannot send it now: the owner does
    assert owner.at == 1 and cause.at == 0
    deliver((cause, None), b, "b-event", {}, sent)  # b is no leg of the run: sent as it is
    deliver((None, owner), a, "unlisted", {}, sent)  # the owner does not list it: dropped
    assert sent == [("a", "anything"), ("a", "start"), ("a", "end"), ("b", "b-event")]
