"""The calls the engine keeps in memory: every live call, and a bounded cache of ended ones.

A call that has ended is kept only in the state database (it was saved when it ended); the
last ENDED_CACHE of them stay in memory too, least recently used first out, and any other is
loaded again on demand (`Engine.find`). Live calls stay here, as a cache of their records:
their running activities (media, a gather, runs) are part of the record and their waits
timer rows, so nothing lives only here (on PostgreSQL each transaction reads the record
again). Memory therefore grows with the calls in progress, not with the calls ever made.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterator

from .call import Call

ENDED_CACHE = 256


class CallTable:
    """A dict-like view of the calls: `table[id] = call`, `table.get(id)`, `values()` (live ones)."""

    def __init__(self, ended_cache: int = ENDED_CACHE) -> None:
        self.live: dict[str, Call] = {}
        self.ended: OrderedDict[str, Call] = OrderedDict()
        self.ended_cache = ended_cache

    def _retire(self, call: Call) -> None:
        self.live.pop(call.id, None)
        self.ended[call.id] = call
        self.ended.move_to_end(call.id)
        while len(self.ended) > self.ended_cache:
            self.ended.popitem(last=False)

    def sweep(self) -> None:
        """Move the calls that ended from the live table to the bounded cache."""
        for call in [c for c in self.live.values() if not c.alive]:
            self._retire(call)

    def get(self, call_id: str) -> Call | None:
        call = self.live.get(call_id)
        if call is not None:
            if not call.alive:
                self._retire(call)
            return call
        call = self.ended.get(call_id)
        if call is not None:
            self.ended.move_to_end(call_id)
        return call

    def __setitem__(self, call_id: str, call: Call) -> None:
        if call.alive:
            self.live[call_id] = call
        else:
            self._retire(call)

    def pop(self, call_id: str, default: Call | None = None) -> Call | None:
        return self.live.pop(call_id, None) or self.ended.pop(call_id, None) or default

    def __contains__(self, call_id: object) -> bool:
        return call_id in self.live or call_id in self.ended

    def __len__(self) -> int:
        return len(self.live) + len(self.ended)

    def __iter__(self) -> Iterator[str]:
        self.sweep()
        return iter(list(self.live))

    def values(self) -> list[Call]:
        """The live calls (ended ones found among them are moved to the cache first)."""
        self.sweep()
        return list(self.live.values())
