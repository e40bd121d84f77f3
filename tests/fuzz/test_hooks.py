"""The fuzzer's own bookkeeping must survive the negative data schemathesis sends."""

from __future__ import annotations

import time
from types import SimpleNamespace

import pytest

from fuzzer import hooks


@pytest.mark.parametrize("command_id", [{"a": 1}, ["x"], 7, None, True])
def test_a_command_id_of_the_wrong_type_is_never_a_repeat(command_id: object) -> None:
    st = hooks._State()
    answer = hooks.DOCUMENT.commands["answer"]
    case = SimpleNamespace(body={"command_id": command_id}, path_parameters={"call_control_id": "c-1"})
    assert hooks._repeated(st, answer, case) is False


def test_a_command_id_sent_twice_is_a_repeat() -> None:
    st = hooks._State()
    answer = hooks.DOCUMENT.commands["answer"]
    case = SimpleNamespace(body={"command_id": "same"}, path_parameters={"call_control_id": "c-1"})
    st.sends[("c-1", "same")] = 2
    assert hooks._repeated(st, answer, case) is True
    other_call = SimpleNamespace(body={"command_id": "same"}, path_parameters={"call_control_id": "c-2"})
    assert hooks._repeated(st, answer, other_call) is False


def test_a_percent_encoded_call_control_id_is_the_same_call() -> None:
    # schemathesis may send `v1:x` as `v1%3Ax`; the server decodes it: the same call, the same command_id
    st = hooks._State()
    answer = hooks.DOCUMENT.commands["answer"]
    st.sends[("v1:c-1", "same")] = 2
    st.command_ids[("v1:c-1", "same")] = time.time()
    encoded = SimpleNamespace(body={"command_id": "same"}, path_parameters={"call_control_id": "v1%3Ac-1"})
    assert hooks._repeated(st, answer, encoded) is True


def test_a_repeat_near_the_end_of_the_window_is_not_judged() -> None:
    st = hooks._State()
    answer = hooks.DOCUMENT.commands["answer"]
    case = SimpleNamespace(body={"command_id": "same"}, path_parameters={"call_control_id": "c-1"})
    st.sends[("c-1", "same")] = 2
    st.command_ids[("c-1", "same")] = time.time() - hooks.REPEAT_WINDOW + 1  # the server may say either
    assert hooks._repeated(st, answer, case) is None
    st.command_ids[("c-1", "same")] = time.time() - hooks.REPEAT_WINDOW + hooks.REPEAT_MARGIN + 5
    assert hooks._repeated(st, answer, case) is True
