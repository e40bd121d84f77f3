"""The engine's tables, each defined once: call states, hangup causes, durations, error codes.

The state names are those of the spec's `x-call-states`; which command is accepted in which
state comes from the spec, not from here.
"""

from __future__ import annotations

from typing import NamedTuple

# ---- call states (the values `x-call-states` lists) -----------------------------------
PARKED = "parked"
ANSWERED = "answered"
BRIDGED = "bridged"
HANGUP = "hangup"


# ---- the events the engine reports (`x-event` names; the spec must define each) ----------------
INITIATED = "call.initiated"
ANSWERED_EVENT = "call.answered"
BRIDGED_EVENT = "call.bridged"
HANGUP_EVENT = "call.hangup"
PLAYBACK_STARTED = "call.playback.started"
PLAYBACK_ENDED = "call.playback.ended"
SPEAK_STARTED = "call.speak.started"
SPEAK_ENDED = "call.speak.ended"
DTMF_RECEIVED = "call.dtmf.received"
GATHER_ENDED = "call.gather.ended"
RECORDING_SAVED = "call.recording.saved"
EVENTS = frozenset(
    {
        INITIATED,
        ANSWERED_EVENT,
        BRIDGED_EVENT,
        HANGUP_EVENT,
        PLAYBACK_STARTED,
        PLAYBACK_ENDED,
        SPEAK_STARTED,
        SPEAK_ENDED,
        DTMF_RECEIVED,
        GATHER_ENDED,
        RECORDING_SAVED,
    }
)


# ---- hangup causes: (hangup_cause, sip_hangup_cause) ---------------------------------------
class Cause(NamedTuple):
    hangup_cause: str
    sip: str


NORMAL_CLEARING = Cause("normal_clearing", "unspecified")
ORIGINATOR_CANCEL = Cause("originator_cancel", "487")  # the far end hung up a ringing call
RING_TIMEOUT = Cause("timeout", "480")  # nobody answered within timeout_secs
FIRST_COMMAND_TIMEOUT = Cause("timeout", "unspecified")  # first_command_timeout_secs passed
TIME_LIMIT = Cause("time_limit", "unspecified")  # time_limit_secs passed
USER_BUSY = Cause("user_busy", "486")
CALL_REJECTED = Cause("call_rejected", "603")

# the `cause` of the reject command
REJECT_CAUSES = {"CALL_REJECTED": CALL_REJECTED, "USER_BUSY": USER_BUSY}
# the `cause` of the simulator's far-end reject
SIM_REJECT_CAUSES = {"busy": USER_BUSY, "rejected": CALL_REJECTED}
# far-end script outcomes that end a ringing call, and how
SCRIPT_ENDINGS = {"busy": USER_BUSY, "rejected": CALL_REJECTED}

# ---- durations (simulated seconds, multiplied by TIME_SCALE) -------------------------------
RING_SECS = 1.0  # default ring time before the far end answers
EARLY_HANGUP_SECS = 1.0  # default time an `early_hangup` far end stays after answering
PLAYBACK_SECS = 3.0  # length of one play of an audio file
SPEAK_CHARS_PER_SEC = 15.0  # speech rate
SPEAK_MIN_SECS = 0.5
FIRST_COMMAND_TIMEOUT_SECS = 30.0  # when first_command_timeout_secs is unset
DEFAULT_TIME_LIMIT_SECS = 14400.0  # when the dial schema gives no default
IDEMPOTENCY_WINDOW = 60.0  # real seconds a command_id is remembered
PRUNE_EVERY = 256  # command ids remembered between two prunes of the expired ones


def speak_secs(text: str) -> float:
    return max(len(text) / SPEAK_CHARS_PER_SEC, SPEAK_MIN_SECS)


# ---- error codes the engine answers ----------------------------------------------------
CALL_ENDED = "90018"
CALL_NOT_ANSWERED = "90034"  # a command on a parked call that its x-call-states excludes
INVALID_CALL_STATE = "90035"  # a command in any other state its x-call-states excludes
INVALID_CALL_ID = "90015"
NOT_FORKED = "90031"
NOT_RECORDING = "90036"
CHANNEL_LIMIT = "90040"
APP_INACTIVE = "90041"
GATHER_RUNNING = "90042"
INVALID_CONNECTION = "10015"


def state_error_code(state: str) -> str:
    """The code of a refusal because a call is in `state`."""
    return CALL_NOT_ANSWERED if state == PARKED else INVALID_CALL_STATE
