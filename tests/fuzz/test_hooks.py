"""The fuzzer's own bookkeeping must survive the negative data schemathesis sends."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from fuzzer import hooks


@pytest.mark.parametrize("command_id", [{"a": 1}, ["x"], 7, None, True])
def test_a_command_id_of_the_wrong_type_is_never_a_repeat(command_id: object) -> None:
    st = hooks._State()
    answer = hooks.INDEX.by_command["answer"]
    case = SimpleNamespace(body={"command_id": command_id}, path_parameters={"call_control_id": "c-1"})
    assert hooks._repeated(st, answer, case) is False


def test_a_command_id_sent_twice_is_a_repeat() -> None:
    st = hooks._State()
    answer = hooks.INDEX.by_command["answer"]
    case = SimpleNamespace(body={"command_id": "same"}, path_parameters={"call_control_id": "c-1"})
    st.sends[("c-1", "same")] = 2
    assert hooks._repeated(st, answer, case) is True
    other_call = SimpleNamespace(body={"command_id": "same"}, path_parameters={"call_control_id": "c-2"})
    assert hooks._repeated(st, answer, other_call) is False
