"""Fixtures: the webhook receiver of the server tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.harness import Receiver


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    r = Receiver().start()
    yield r
    r.stop()
