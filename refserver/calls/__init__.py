"""Calls: the state machine, the simulated far end, media and DTMF, in simulated time.

`Engine` (engine.py) holds the live calls; each job is its own module: `call` (a leg and
its states, its running activities included: `activities`), `tables` (states, causes,
durations, codes), `timers`, `media` (playback, speak), `gather`, `recording`, `farend`
(the far end and its scripts), `commands` (dial and the command dispatch) and `simulator`
(the `/_sim` operations).
"""

from .call import Call
from .engine import Engine

__all__ = ["Call", "Engine"]
