"""Stands in for a client's ``sleep``: the tests see each wait, and nothing waits."""

from __future__ import annotations


class Sleeps:
    """Records each wait; ``sleeps`` for a sync client, ``sleeps.wait`` for an async one."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)

    async def wait(self, seconds: float) -> None:
        self.waits.append(seconds)
