"""A property test of a webhook handler with the generated strategies, in-process (no server, no
socket): the example handler passes, and each injected fault of tests/handlerfuzz is found by
the same check as ``make fuzz-webhooks`` names (tests/handlerfuzz/test_handler_fuzz.py: EXPECTED).

Each drawn webhook is sent to the handler as: the signed original, a duplicate of it, the same
body with another key's signature, signed too long ago, and with an event type nobody knows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from telnyx_call_control import testing as t

from tests.handlerfuzz.handlers import FakeClock, handler_app
from tests.handlerfuzz.test_handler_fuzz import EXPECTED

TIMEOUT = 2.0  # the application's webhook timeout (seconds on the handler's clock)
TOLERANCE = 300
Handle = Callable[[bytes, dict[str, str]], tuple[int, Any]]


class Fault(AssertionError):
    def __init__(self, checks: set[str]) -> None:
        super().__init__(", ".join(sorted(checks)))
        self.checks = frozenset(checks)


def checks_failed(handle: Handle, clock: FakeClock, signer: t.Signer, hook: t.Webhook) -> set[str]:
    """The fuzzer's checks this one webhook (and what derives from it) fails, by name."""
    failed: set[str] = set()
    answers: list[int] = []

    def send(case: t.Webhook) -> tuple[int, Any]:
        before = clock()
        answer = handle(case.body, case.headers)
        if clock() - before > TIMEOUT:
            failed.add("answers_within_timeout")
        answers.append(answer[0])
        return answer

    first = send(hook)
    if not 200 <= first[0] < 300:
        failed.add("valid_event_accepted")
    if send(hook) != first:
        failed.add("duplicate_same_answer")
    if 200 <= send(t.forged(hook))[0] < 300:
        failed.add("rejects_forged_signature")
    if 200 <= send(t.resigned(hook, signer, clock() - TOLERANCE - 60))[0] < 300:
        failed.add("rejects_stale_timestamp")
    unknown = t.with_event_type(hook, f"x.unknown.{hook.event}", signer)
    if not 200 <= send(unknown)[0] < 300:
        failed.add("unknown_event_accepted")
    if any(status >= 500 for status in answers):
        failed.add("no_server_error")
    return failed


def property_of(fault: str | None) -> Callable[[], None]:
    """The property, over a fresh handler per example (what one example sends is all it has seen)."""
    signer = t.Signer()
    clock = FakeClock()

    @settings(
        max_examples=25,
        database=None,
        deadline=None,
        derandomize=True,
        report_multiple_bugs=False,
        phases=[Phase.generate],  # a fault found is reported as drawn: shrinking would only cost time
        suppress_health_check=list(HealthCheck),
    )
    @given(hook=t.webhooks(signer=signer, timestamp=clock, extra_fields=True))
    def handler_is_sound(hook: t.Webhook) -> None:
        ivr = handler_app(signer.public_key, clock, fault=fault, timeout=TIMEOUT).state.ivr
        try:
            failed = checks_failed(ivr.handle, clock, signer, hook)
        finally:
            ivr.jobs.put(None)  # stop its command worker (commands go to a closed port anyway)
        if failed:
            raise Fault(failed)

    return handler_is_sound


def test_the_example_handler_passes_the_property() -> None:
    property_of(None)()


@pytest.mark.parametrize("fault", sorted(EXPECTED))
def test_each_injected_fault_is_found_by_its_check(fault: str) -> None:
    with pytest.raises(Fault) as caught:
        property_of(fault)()
    assert caught.value.checks == EXPECTED[fault]
