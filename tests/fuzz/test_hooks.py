"""The fuzzer's own bookkeeping must survive the negative data schemathesis sends."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from fuzzer import hooks


@pytest.mark.parametrize("command_id", [{"a": 1}, ["x"], 7, None, True])
def test_a_command_id_of_the_wrong_type_is_never_a_repeat(command_id: object) -> None:
    st = hooks._State()
    answer = hooks.DOCUMENT.commands["answer"]
    sent = SimpleNamespace(id="x", body={"command_id": command_id}, path_parameters={"call_control_id": "c-1"})
    assert hooks._repeated(st, answer, sent) is False


def _send(st: hooks._State, case: SimpleNamespace, at: float) -> bool | None:
    """What after_call records for an accepted send of the case at `at`."""
    key = (hooks._scope(hooks.DOCUMENT.commands["answer"], case), case.body["command_id"])
    st.repeat_of[case.id] = hooks.classify_send(st.refs, key, at)
    return hooks._repeated(st, hooks.DOCUMENT.commands["answer"], case)


def case(control: str, command_id: str, case_id: str) -> SimpleNamespace:
    return SimpleNamespace(id=case_id, body={"command_id": command_id}, path_parameters={"call_control_id": control})


def test_a_command_id_sent_twice_is_a_repeat() -> None:
    st = hooks._State()
    assert _send(st, case("c-1", "same", "a"), 1000.0) is False
    assert _send(st, case("c-2", "same", "b"), 1001.0) is False  # another call
    assert _send(st, case("c-1", "same", "c"), 1002.0) is True


def test_a_percent_encoded_call_control_id_is_the_same_call() -> None:
    # schemathesis may send `v1:x` as `v1%3Ax`; the server decodes it: the same call, the same command_id
    st = hooks._State()
    assert _send(st, case("v1:c-1", "same", "a"), 1000.0) is False
    assert _send(st, case("v1%3Ac-1", "same", "b"), 1001.0) is True


def test_a_repeat_near_the_end_of_the_window_is_not_judged_and_may_restart_it() -> None:
    st = hooks._State()
    window, margin = hooks.REPEAT_WINDOW, hooks.REPEAT_MARGIN
    assert _send(st, case("c-1", "same", "a"), 0.0) is False
    assert _send(st, case("c-1", "same", "b"), window - margin + 5) is None  # the server may say either
    # the server may have taken that one as new and counts from it: still within its window
    assert _send(st, case("c-1", "same", "c"), window + margin + 1) is None
    assert _send(st, case("c-1", "same", "d"), 3 * window) is False  # past every possible window
    assert _send(st, case("c-1", "same", "e"), 3 * window + 1) is True
