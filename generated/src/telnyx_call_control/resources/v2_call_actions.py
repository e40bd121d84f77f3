"""Send commands to a call."""

from __future__ import annotations

from functools import cached_property
from typing import Final, Literal

import httpx

from .._base_client import AsyncAPIResource, SyncAPIResource, path_param
from .._response import async_raw_response_wrapper, raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven, WebhookStep, sends_webhooks
from ..models import CommandResponse, CommandResponseWithRecordingId, CustomSipHeader, SipHeader

__all__ = [
    "AsyncV2CallActions",
    "AsyncV2CallActionsWithRawResponse",
    "V2CallActions",
    "V2CallActionsWithRawResponse",
]

UPDATE_CLIENT_STATE_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``update_client_state`` makes the platform send, in order."""
ANSWER_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.answered",),
    ),
    WebhookStep(
        events=(
            "streaming.started",
            "streaming.failed",
        ),
        optional=True,
        when="streaming",
    ),
)
"""The webhooks ``answer`` makes the platform send, in order."""
BRIDGE_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.bridged",),
    ),
    WebhookStep(
        events=("call.bridged",),
        leg="other",
    ),
)
"""The webhooks ``bridge`` makes the platform send, in order."""
ENQUEUE_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.enqueued",),
    ),
)
"""The webhooks ``enqueue`` makes the platform send, in order."""
START_FORKING_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.fork.started",),
    ),
)
"""The webhooks ``start_forking`` makes the platform send, in order."""
STOP_FORKING_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.fork.stopped",),
    ),
)
"""The webhooks ``stop_forking`` makes the platform send, in order."""
GATHER_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.dtmf.received",),
        repeat=True,
    ),
    WebhookStep(
        events=("call.gather.ended",),
    ),
)
"""The webhooks ``gather`` makes the platform send, in order."""
STOP_GATHER_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.gather.ended",),
    ),
)
"""The webhooks ``stop_gather`` makes the platform send, in order."""
GATHER_USING_AUDIO_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.playback.started",),
    ),
    WebhookStep(
        events=("call.playback.ended",),
    ),
    WebhookStep(
        events=("call.dtmf.received",),
        repeat=True,
    ),
    WebhookStep(
        events=("call.gather.ended",),
    ),
)
"""The webhooks ``gather_using_audio`` makes the platform send, in order."""
GATHER_USING_SPEAK_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.dtmf.received",),
        repeat=True,
    ),
    WebhookStep(
        events=("call.gather.ended",),
    ),
)
"""The webhooks ``gather_using_speak`` makes the platform send, in order."""
HANGUP_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.hangup",),
    ),
    WebhookStep(
        events=("call.recording.saved",),
        optional=True,
        when="recording",
    ),
)
"""The webhooks ``hangup`` makes the platform send, in order."""
LEAVE_QUEUE_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.dequeued",),
    ),
)
"""The webhooks ``leave_queue`` makes the platform send, in order."""
START_PLAYBACK_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.playback.started",),
    ),
    WebhookStep(
        events=("call.playback.ended",),
    ),
)
"""The webhooks ``start_playback`` makes the platform send, in order."""
STOP_PLAYBACK_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=(
            "call.playback.ended",
            "call.speak.ended",
        ),
    ),
)
"""The webhooks ``stop_playback`` makes the platform send, in order."""
PAUSE_RECORDING_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``pause_recording`` makes the platform send, in order."""
RESUME_RECORDING_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``resume_recording`` makes the platform send, in order."""
START_RECORDING_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``start_recording`` makes the platform send, in order."""
STOP_RECORDING_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.recording.saved",),
    ),
)
"""The webhooks ``stop_recording`` makes the platform send, in order."""
REFER_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.refer.started",),
    ),
    WebhookStep(
        events=(
            "call.refer.completed",
            "call.refer.failed",
        ),
    ),
)
"""The webhooks ``refer`` makes the platform send, in order."""
REJECT_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.hangup",),
    ),
)
"""The webhooks ``reject`` makes the platform send, in order."""
SEND_DTMF_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``send_dtmf`` makes the platform send, in order."""
SEND_SIP_INFO_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``send_sip_info`` makes the platform send, in order."""
SPEAK_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.speak.started",),
    ),
    WebhookStep(
        events=("call.speak.ended",),
    ),
)
"""The webhooks ``speak`` makes the platform send, in order."""
START_STREAMING_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=(
            "streaming.started",
            "streaming.failed",
        ),
    ),
)
"""The webhooks ``start_streaming`` makes the platform send, in order."""
STOP_STREAMING_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("streaming.stopped",),
    ),
)
"""The webhooks ``stop_streaming`` makes the platform send, in order."""
START_NOISE_SUPPRESSION_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``start_noise_suppression`` makes the platform send, in order."""
STOP_NOISE_SUPPRESSION_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``stop_noise_suppression`` makes the platform send, in order."""
START_TRANSCRIPTION_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.transcription",),
        repeat=True,
    ),
)
"""The webhooks ``start_transcription`` makes the platform send, in order."""
STOP_TRANSCRIPTION_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``stop_transcription`` makes the platform send, in order."""
TRANSFER_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.initiated",),
        leg="new",
    ),
    WebhookStep(
        events=("call.bridged",),
        leg="new",
    ),
    WebhookStep(
        events=(
            "call.answered",
            "call.hangup",
        ),
        leg="new",
    ),
    WebhookStep(
        events=("call.machine.detection.ended",),
        optional=True,
        when="machine_detection",
        leg="new",
    ),
    WebhookStep(
        events=("call.machine.greeting.ended",),
        optional=True,
        when="machine_greeting",
        leg="new",
    ),
)
"""The webhooks ``transfer`` makes the platform send, in order."""


class V2CallActions(SyncAPIResource):
    """Send commands to a call."""

    @cached_property
    def with_raw_response(self) -> V2CallActionsWithRawResponse:
        """The same methods, answering with the HTTP response (:class:`APIResponse`)."""
        return V2CallActionsWithRawResponse(V2CallActions(self._client._with_raw_response()))

    @sends_webhooks(UPDATE_CLIENT_STATE_WEBHOOKS)
    def update_client_state(
        self,
        call_control_id: str,
        *,
        client_state: str,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Update client state

        Replace the call's `client_state`: every later webhook of the call carries the new
        value. The platform serves this command with PUT, unlike the others; PUT is idempotent,
        so it has no `command_id`.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "PUT",
            f"/v2/calls/{path_param(call_control_id)}/actions/client_state_update",
            body={
                "client_state": client_state,
            },
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(ANSWER_WEBHOOKS)
    def answer(
        self,
        call_control_id: str,
        *,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        sip_headers: list[SipHeader] | NotGiven = NOT_GIVEN,
        record: Literal["record-from-answer"] | NotGiven = NOT_GIVEN,
        record_channels: Literal["single", "dual"] | NotGiven = NOT_GIVEN,
        record_format: Literal["wav", "mp3"] | NotGiven = NOT_GIVEN,
        record_max_length: int | NotGiven = NOT_GIVEN,
        record_track: Literal["both", "inbound", "outbound"] | NotGiven = NOT_GIVEN,
        record_custom_file_name: str | NotGiven = NOT_GIVEN,
        stream_url: str | NotGiven = NOT_GIVEN,
        stream_track: Literal["inbound_track", "outbound_track", "both_tracks"]
        | NotGiven = NOT_GIVEN,
        stream_codec: Literal["PCMU", "PCMA", "G722", "OPUS", "AMR-WB", "L16", "default"]
        | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponseWithRecordingId:
        """Answer call

        Answer an incoming call. Only a call that has not been answered yet (state `parked`) can
        be answered. With `stream_url`, media streaming starts once the call is answered. With
        `record: record-from-answer`, recording starts on answer and the answer carries its
        `recording_id`.

        Toolkit choice: of the webhooks the official page lists, `call.hold` and `call.unhold`
        (the hold commands), `call.deepfake_detection.result` and
        `call.deepfake_detection.error` (deepfake detection) are not served; `streaming.stopped`
        is sent by `streaming_stop`.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            custom_headers: Custom headers to be added to the SIP INVITE.
            sip_headers: SIP headers to add. Only `User-to-User` is supported.
            record: Start recording automatically when the call is answered.
            record_channels: `single` or `dual` channel recording, when `record` is given.
            record_format: The recording's file format, when `record` is given.
            record_max_length: The maximum length of the recording in seconds, 0 to 43200; 0
                means no limit.
            record_track: The audio track to record. With a single track (`inbound` or
                `outbound`) the channels setting is ignored and the recording is mono.
            record_custom_file_name: The recording's file name instead of the default (the
                `call_leg_id`). A Unix timestamp suffix is added.
            stream_url: The WebSocket address the media stream is delivered to. Toolkit choice:
                a `ws://` or `wss://` URL of at most 2048 characters (the platform documents a
                string).
            stream_track: Which track is streamed.
            stream_codec: The codec of the streamed audio. `default`, or a codec the call cannot
                be transcoded to, streams the call's own codec.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.answered
            2. one of streaming.started, streaming.failed (optional, when streaming)
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/answer",
            body={
                "custom_headers": custom_headers,
                "sip_headers": sip_headers,
                "record": record,
                "record_channels": record_channels,
                "record_format": record_format,
                "record_max_length": record_max_length,
                "record_track": record_track,
                "record_custom_file_name": record_custom_file_name,
                "stream_url": stream_url,
                "stream_track": stream_track,
                "stream_codec": stream_codec,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponseWithRecordingId,
        )

    @sends_webhooks(BRIDGE_WEBHOOKS)
    def bridge(
        self,
        call_control_id: str,
        *,
        body_call_control_id: str,
        park_after_unbridge: Literal["self"] | NotGiven = NOT_GIVEN,
        prevent_double_bridge: bool | NotGiven = NOT_GIVEN,
        mute_dtmf: Literal["none", "both", "self", "opposite"] | NotGiven = NOT_GIVEN,
        play_ringtone: bool | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Bridge calls

        Bridge two answered call legs: the leg in the path (leg A) and the leg named by the
        body's `call_control_id` (leg B). Each leg receives a `call.bridged` webhook.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            body_call_control_id: The `call_control_id` of the leg to bridge with (leg B).
                Unknown: 422 (code 90015). Toolkit choice: at most 256 characters.
            park_after_unbridge: What happens to this leg when the bridge ends (the other leg
                hangs up or is transferred): `self` parks it. When absent, the leg hangs up.
                Toolkit choice: the platform declares a free string and documents only `self`.
            prevent_double_bridge: Refuse to bridge (422) when leg B is already bridged to
                another call.
            mute_dtmf: Which participants do not hear DTMF tones. The `call.dtmf.received`
                webhooks are sent anyway.
            play_ringtone: Play a ringtone while leg B has not answered yet.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.bridged
            2. call.bridged (on the other leg)
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/bridge",
            body={
                "call_control_id": body_call_control_id,
                "park_after_unbridge": park_after_unbridge,
                "prevent_double_bridge": prevent_double_bridge,
                "mute_dtmf": mute_dtmf,
                "play_ringtone": play_ringtone,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(ENQUEUE_WEBHOOKS)
    def enqueue(
        self,
        call_control_id: str,
        *,
        queue_name: str,
        max_size: int | NotGiven = NOT_GIVEN,
        max_wait_time_secs: int | NotGiven = NOT_GIVEN,
        keep_after_hangup: bool | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Enqueue call

        Put the call in a queue, creating the queue if no queue of this name exists. The call
        stays in the queue until it leaves it (`leave_queue`), is bridged with the queue, waits
        longer than `max_wait_time_secs` or hangs up; it then receives `call.dequeued`.

        Toolkit choice: the official page lists no expected webhooks; `call.enqueued` is sent
        when the call joins the queue. A call already in a queue answers 422 (code 90038), a
        full queue 422 (code 90036).

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            queue_name: The queue to put the call in, created if it does not exist. Toolkit
                choice: 1 to 255 characters.
            max_size: The most calls the queue holds at once; set when the queue is created and
                not changed afterwards. Toolkit choice: 1 to 5000 (the platform documents only
                the default).
            max_wait_time_secs: Seconds after which the call leaves the queue (`call.dequeued`,
                reason `timeout`). When absent, it waits until it leaves otherwise. Toolkit
                choice: 1 to 14400, the longest a call can last.
            keep_after_hangup: Keep the call in the queue after it hangs up.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.enqueued
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/enqueue",
            body={
                "queue_name": queue_name,
                "max_size": max_size,
                "max_wait_time_secs": max_wait_time_secs,
                "keep_after_hangup": keep_after_hangup,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_FORKING_WEBHOOKS)
    def start_forking(
        self,
        call_control_id: str,
        *,
        rx: str,
        tx: str,
        stream_type: Literal["decrypted"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Forking start

        Stream the call's media (RTP) to UDP targets in real time: incoming media to `rx`,
        outgoing media to `tx`. `call.fork.stopped` follows when forking stops (`fork_stop`).

        Toolkit choice: the official page lists `call.fork.started` and `call.fork.stopped` for
        this command; the second is sent by `fork_stop`, so only the first is this command's.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            rx: Where the call's incoming RTP is sent, `udp:<ip>:<port>`.
            tx: Where the call's outgoing RTP is sent, `udp:<ip>:<port>`.
            stream_type: The media forked: `decrypted` decrypts SRTP before forking. Toolkit
                choice: `rx` and `tx` are required, as the platform requires them for
                `decrypted`, its only value.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.fork.started
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/fork_start",
            body={
                "rx": rx,
                "tx": tx,
                "stream_type": stream_type,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_FORKING_WEBHOOKS)
    def stop_forking(
        self,
        call_control_id: str,
        *,
        stream_type: Literal["raw", "decrypted"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Forking stop

        Stop forking the call's media. A call that is not being forked answers 422 (code 90031).

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            stream_type: The `stream_type` that `fork_start` used.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.fork.stopped
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/fork_stop",
            body={
                "stream_type": stream_type,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(GATHER_WEBHOOKS)
    def gather(
        self,
        call_control_id: str,
        *,
        minimum_digits: int | NotGiven = NOT_GIVEN,
        maximum_digits: int | NotGiven = NOT_GIVEN,
        timeout_millis: int | NotGiven = NOT_GIVEN,
        initial_timeout_millis: int | NotGiven = NOT_GIVEN,
        inter_digit_timeout_millis: int | NotGiven = NOT_GIVEN,
        terminating_digit: str | NotGiven = NOT_GIVEN,
        valid_digits: str | NotGiven = NOT_GIVEN,
        gather_id: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Gather DTMF

        Gather DTMF digits without playing a prompt, to build interactive menus.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            minimum_digits: The fewest digits to gather, at least 1. Toolkit choice: at most
                128, the platform's maximum for `maximum_digits`.
            maximum_digits: The most digits to gather, at most 128. Toolkit choice: at least 1,
                the platform's minimum for `minimum_digits`.
            timeout_millis: Milliseconds to wait for digits after the prompt ends before playing
                it again (for `gather`: to complete the request). Toolkit choice: 1 to 600000
                (10 minutes); the platform documents only the default.
            initial_timeout_millis: Milliseconds to wait for the first digit. Toolkit choice: 1
                to 120000 (2 minutes); the platform documents only the default.
            inter_digit_timeout_millis: Milliseconds to wait for each digit after the first.
                Toolkit choice: 1 to 120000 (2 minutes); the platform documents only the
                default.
            terminating_digit: The digit used to terminate input if fewer than `maximum_digits`
                digits have been gathered.
            valid_digits: A list of all digits accepted as valid.
            gather_id: An id sent back in the `call.gather.ended` webhook; random when absent.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.dtmf.received (zero or more times)
            2. call.gather.ended
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/gather",
            body={
                "minimum_digits": minimum_digits,
                "maximum_digits": maximum_digits,
                "timeout_millis": timeout_millis,
                "initial_timeout_millis": initial_timeout_millis,
                "inter_digit_timeout_millis": inter_digit_timeout_millis,
                "terminating_digit": terminating_digit,
                "valid_digits": valid_digits,
                "gather_id": gather_id,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_GATHER_WEBHOOKS)
    def stop_gather(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Gather stop

        Stop the current gather; its `call.gather.ended` carries the digits gathered so far and
        status `cancelled`.

        Toolkit choice: with no gather running the command answers 200 and sends nothing.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.gather.ended
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/gather_stop",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(GATHER_USING_AUDIO_WEBHOOKS)
    def gather_using_audio(
        self,
        call_control_id: str,
        *,
        audio_url: str,
        invalid_audio_url: str | NotGiven = NOT_GIVEN,
        minimum_digits: int | NotGiven = NOT_GIVEN,
        maximum_digits: int | NotGiven = NOT_GIVEN,
        maximum_tries: int | NotGiven = NOT_GIVEN,
        timeout_millis: int | NotGiven = NOT_GIVEN,
        terminating_digit: str | NotGiven = NOT_GIVEN,
        valid_digits: str | NotGiven = NOT_GIVEN,
        inter_digit_timeout_millis: int | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Gather using audio

        Play an audio file on the call until the required DTMF digits are gathered. The playback
        is interrupted by the first digit.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            audio_url: A WAV or MP3 file played at the start of each prompt. Toolkit choice:
                required, since its alternative `media_name` (a file stored on the platform) is
                not served.
            invalid_audio_url: A WAV or MP3 file played when the digits do not match
                `valid_digits` or their number is not between `minimum_digits` and
                `maximum_digits`.
            minimum_digits: The fewest digits to gather, at least 1. Toolkit choice: at most
                128, the platform's maximum for `maximum_digits`.
            maximum_digits: The most digits to gather, at most 128. Toolkit choice: at least 1,
                the platform's minimum for `minimum_digits`.
            maximum_tries: How many times the prompt is played when there is no input. Toolkit
                choice: 1 to 10; the platform documents only the default.
            timeout_millis: Milliseconds to wait for digits after the prompt ends before playing
                it again (for `gather`: to complete the request). Toolkit choice: 1 to 600000
                (10 minutes); the platform documents only the default.
            terminating_digit: The digit used to terminate input if fewer than `maximum_digits`
                digits have been gathered.
            valid_digits: A list of all digits accepted as valid.
            inter_digit_timeout_millis: Milliseconds to wait for each digit after the first.
                Toolkit choice: 1 to 120000 (2 minutes); the platform documents only the
                default.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.playback.started
            2. call.playback.ended
            3. call.dtmf.received (zero or more times)
            4. call.gather.ended
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/gather_using_audio",
            body={
                "audio_url": audio_url,
                "invalid_audio_url": invalid_audio_url,
                "minimum_digits": minimum_digits,
                "maximum_digits": maximum_digits,
                "maximum_tries": maximum_tries,
                "timeout_millis": timeout_millis,
                "terminating_digit": terminating_digit,
                "valid_digits": valid_digits,
                "inter_digit_timeout_millis": inter_digit_timeout_millis,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(GATHER_USING_SPEAK_WEBHOOKS)
    def gather_using_speak(
        self,
        call_control_id: str,
        *,
        payload: str,
        voice: str,
        invalid_payload: str | NotGiven = NOT_GIVEN,
        payload_type: Literal["text", "ssml"] | NotGiven = NOT_GIVEN,
        service_level: Literal["basic", "premium"] | NotGiven = NOT_GIVEN,
        language: Literal[
            "arb",
            "cmn-CN",
            "cy-GB",
            "da-DK",
            "de-DE",
            "en-AU",
            "en-GB",
            "en-GB-WLS",
            "en-IN",
            "en-US",
            "es-ES",
            "es-MX",
            "es-US",
            "fr-CA",
            "fr-FR",
            "hi-IN",
            "is-IS",
            "it-IT",
            "ja-JP",
            "ko-KR",
            "nb-NO",
            "nl-NL",
            "pl-PL",
            "pt-BR",
            "pt-PT",
            "ro-RO",
            "ru-RU",
            "sv-SE",
            "tr-TR",
        ]
        | NotGiven = NOT_GIVEN,
        minimum_digits: int | NotGiven = NOT_GIVEN,
        maximum_digits: int | NotGiven = NOT_GIVEN,
        maximum_tries: int | NotGiven = NOT_GIVEN,
        timeout_millis: int | NotGiven = NOT_GIVEN,
        terminating_digit: str | NotGiven = NOT_GIVEN,
        valid_digits: str | NotGiven = NOT_GIVEN,
        inter_digit_timeout_millis: int | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Gather using speak

        Speak text on the call until the required DTMF digits are gathered. The speech is
        interrupted by the first digit.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            payload: The text or SSML to speak, at most 3,000 characters. Toolkit choice: at
                least one character (the platform documents no minimum).
            invalid_payload: The text or SSML spoken when the digits do not match `valid_digits`
                or their number is not between `minimum_digits` and `maximum_digits`, at most
                3,000 characters.
            payload_type: The type of the provided payload. The payload can either be plain
                text, or Speech Synthesis Markup Language (SSML).
            service_level: This parameter impacts speech quality, language options and payload
                types. When using `basic`, only the `en-US` language and payload type `text` are
                allowed.
            voice: The voice used in speech synthesis, written `<Provider>.<Model>.<VoiceId>`
                (for example `AWS.Polly.Joanna`, `Azure.en-US-AvaMultilingualNeural`,
                `Telnyx.KokoroTTS.af`); a provider alone picks its default model and voice.
                `male` and `female` remain accepted with `service_level` `basic`. Toolkit
                choice: any string of 1 to 256 characters is accepted and spoken with one
                simulated voice.
            language: The language spoken. Optional; it is ignored for voices that carry their
                own language (`AWS.Polly.*` and the other `<Provider>.<Model>.<VoiceId>`
                voices).
            minimum_digits: The fewest digits to gather, at least 1. Toolkit choice: at most
                128, the platform's maximum for `maximum_digits`.
            maximum_digits: The most digits to gather, at most 128. Toolkit choice: at least 1,
                the platform's minimum for `minimum_digits`.
            maximum_tries: How many times the prompt is played when there is no input. Toolkit
                choice: 1 to 10; the platform documents only the default.
            timeout_millis: Milliseconds to wait for digits after the prompt ends before playing
                it again (for `gather`: to complete the request). Toolkit choice: 1 to 600000
                (10 minutes); the platform documents only the default.
            terminating_digit: The digit used to terminate input if fewer than `maximum_digits`
                digits have been gathered.
            valid_digits: A list of all digits accepted as valid.
            inter_digit_timeout_millis: Milliseconds to wait for each digit after the first.
                Toolkit choice: 1 to 120000 (2 minutes); the platform documents only the
                default.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.dtmf.received (zero or more times)
            2. call.gather.ended
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/gather_using_speak",
            body={
                "payload": payload,
                "invalid_payload": invalid_payload,
                "payload_type": payload_type,
                "service_level": service_level,
                "voice": voice,
                "language": language,
                "minimum_digits": minimum_digits,
                "maximum_digits": maximum_digits,
                "maximum_tries": maximum_tries,
                "timeout_millis": timeout_millis,
                "terminating_digit": terminating_digit,
                "valid_digits": valid_digits,
                "inter_digit_timeout_millis": inter_digit_timeout_millis,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(HANGUP_WEBHOOKS)
    def hangup(
        self,
        call_control_id: str,
        *,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Hangup call

        Hang up the call.

        Toolkit choice: the official page lists `call.recording.saved` unconditionally; it is
        sent only when the call was being recorded. A queue, stream, fork or transcription the
        call had ends with it, without a webhook of its own.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            custom_headers: Custom headers added to the SIP BYE.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.hangup
            2. call.recording.saved (optional, when recording)
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/hangup",
            body={
                "custom_headers": custom_headers,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(LEAVE_QUEUE_WEBHOOKS)
    def leave_queue(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Remove call from a queue

        Remove the call from the queue it is in.

        Toolkit choice: the official page lists no expected webhooks; `call.dequeued` (reason
        `leave`) is sent. A call that is in no queue answers 422.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.dequeued
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/leave_queue",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_PLAYBACK_WEBHOOKS)
    def start_playback(
        self,
        call_control_id: str,
        *,
        audio_url: str,
        audio_type: Literal["mp3", "wav"] | NotGiven = NOT_GIVEN,
        loop: int | str | NotGiven = NOT_GIVEN,
        overlay: bool | NotGiven = NOT_GIVEN,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        target_legs: Literal["self", "opposite", "both"] | NotGiven = NOT_GIVEN,
        cache_audio: bool | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Play audio URL

        Play an audio file (WAV or MP3) on the call. Files sent while one is playing are queued.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            audio_url: The WAV or MP3 file to play. Toolkit choice: required, since its
                alternatives `media_name` and `playback_content` are not served.
            audio_type: The type of the audio.
            loop: How many times the audio is played, 1 to 100, or `infinity` to play it until
                stopped. Toolkit choice: the platform declares "string or integer"; the values
                are those of its text (1 to 100, or `infinity`), given as an integer or a
                string.
            overlay: Mix this audio on top of the audio being played (without `overlay`). Only
                with `target_legs` `self`.
            stop: Stop the audio being played first: `current` stops it and plays the next
                queued file, `all` also clears the queue. When absent, nothing is stopped.
            target_legs: The leg or legs that hear the audio.
            cache_audio: Cache the file, for audio played several times on the call.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.playback.started
            2. call.playback.ended
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/playback_start",
            body={
                "audio_url": audio_url,
                "audio_type": audio_type,
                "loop": loop,
                "overlay": overlay,
                "stop": stop,
                "target_legs": target_legs,
                "cache_audio": cache_audio,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_PLAYBACK_WEBHOOKS)
    def stop_playback(
        self,
        call_control_id: str,
        *,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        overlay: bool | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Stop audio playback

        Stop the audio (or speech) being played on the call.

        Toolkit choice: when nothing is being played, the command answers 200 and sends no
        webhook.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            stop: `current` stops the audio being played, `all` also clears the queue.
            overlay: Stop the audio of the overlay queue instead.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. one of call.playback.ended, call.speak.ended
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/playback_stop",
            body={
                "stop": stop,
                "overlay": overlay,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(PAUSE_RECORDING_WEBHOOKS)
    def pause_recording(
        self,
        call_control_id: str,
        *,
        recording_id: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Record pause

        Pause the call's recording; `record_resume` resumes it. The saved file leaves out the
        paused time. A call that is not being recorded answers 422.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            recording_id: The recording to act on. Toolkit choice: when absent, the call's
                current recording (a call has at most one recording at a time here).
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/record_pause",
            body={
                "recording_id": recording_id,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(RESUME_RECORDING_WEBHOOKS)
    def resume_recording(
        self,
        call_control_id: str,
        *,
        recording_id: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Record resume

        Resume the call's paused recording. A call that is not being recorded answers 422.

        Toolkit choice: resuming a recording that is not paused answers 200 and does nothing.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            recording_id: The recording to act on. Toolkit choice: when absent, the call's
                current recording (a call has at most one recording at a time here).
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/record_resume",
            body={
                "recording_id": recording_id,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_RECORDING_WEBHOOKS)
    def start_recording(
        self,
        call_control_id: str,
        *,
        format: Literal["wav", "mp3"],
        channels: Literal["single", "dual"],
        play_beep: bool | NotGiven = NOT_GIVEN,
        max_length: int | NotGiven = NOT_GIVEN,
        timeout_secs: int | NotGiven = NOT_GIVEN,
        recording_track: Literal["both", "inbound", "outbound"] | NotGiven = NOT_GIVEN,
        custom_file_name: str | NotGiven = NOT_GIVEN,
        trim: Literal["trim-silence"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Recording start

        Start recording the call. The recording is delivered by `call.recording.saved` after
        `record_stop`, or when the call hangs up. A call that is already being recorded answers
        422.

        Toolkit choice: the official page lists `call.recording.saved` (and the transcription
        and error events) under this command; `call.recording.saved` is sent when the recording
        stops, so it is listed under `record_stop` and `hangup`. Post-recording transcription
        (`call.recording.transcription.saved`) is not served, and recordings do not fail here
        (`call.recording.error`).

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            format: The recording's file format.
            channels: `dual` records a stereo file, the first leg on channel A and the rest on
                channel B.
            play_beep: Play a beep when the recording starts. Toolkit choice: the platform gives
                no default; false.
            max_length: The maximum length of the recording in seconds, 0 to 14400; 0 means no
                limit.
            timeout_secs: Seconds of silence after which the recording stops; 0 means never.
                Toolkit choice: at most 14400 (the longest a call lasts); the platform documents
                only the minimum.
            recording_track: The audio track to record. With a single track (`inbound` or
                `outbound`) the channels setting is ignored and the recording is mono.
            custom_file_name: The recording's file name instead of the default (the
                `call_leg_id`). A Unix timestamp suffix is added.
            trim: `trim-silence` removes silence from the beginning and end of the recording.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/record_start",
            body={
                "format": format,
                "channels": channels,
                "play_beep": play_beep,
                "max_length": max_length,
                "timeout_secs": timeout_secs,
                "recording_track": recording_track,
                "custom_file_name": custom_file_name,
                "trim": trim,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_RECORDING_WEBHOOKS)
    def stop_recording(
        self,
        call_control_id: str,
        *,
        recording_id: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Recording stop

        Stop recording the call. A call that is not being recorded answers 422.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            recording_id: The recording to act on. Toolkit choice: when absent, the call's
                current recording (a call has at most one recording at a time here).
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.recording.saved
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/record_stop",
            body={
                "recording_id": recording_id,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(REFER_WEBHOOKS)
    def refer(
        self,
        call_control_id: str,
        *,
        sip_address: str,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        sip_headers: list[SipHeader] | NotGiven = NOT_GIVEN,
        sip_auth_username: str | NotGiven = NOT_GIVEN,
        sip_auth_password: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """SIP Refer a call

        Send a SIP REFER on the call, asking the far end to call `sip_address` instead. The far
        end reports progress: `call.refer.started`, then `call.refer.completed` or
        `call.refer.failed`.

        Toolkit choice: the official page lists the three events; a refer ends in exactly one of
        `call.refer.completed` and `call.refer.failed`.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            sip_address: The SIP URI the call is referred to. Toolkit choice: a `sip:` or
                `sips:` URI of at most 2048 characters (the platform documents a string).
            custom_headers: Custom headers to be added to the SIP INVITE.
            sip_headers: SIP headers to add. Only `User-to-User` is supported.
            sip_auth_username: SIP Authentication username used for SIP challenges.
            sip_auth_password: SIP Authentication password used for SIP challenges.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.refer.started
            2. one of call.refer.completed, call.refer.failed
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/refer",
            body={
                "sip_address": sip_address,
                "custom_headers": custom_headers,
                "sip_headers": sip_headers,
                "sip_auth_username": sip_auth_username,
                "sip_auth_password": sip_auth_password,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(REJECT_WEBHOOKS)
    def reject(
        self,
        call_control_id: str,
        *,
        cause: Literal["CALL_REJECTED", "USER_BUSY"],
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Reject a call

        Reject an incoming call that has not been answered. Its `call.hangup` carries
        `hangup_cause` `call_rejected` or `user_busy`, after `cause`.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            cause: Why the call is rejected.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.hangup
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/reject",
            body={
                "cause": cause,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(SEND_DTMF_WEBHOOKS)
    def send_dtmf(
        self,
        call_control_id: str,
        *,
        digits: str,
        duration_millis: int | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Send DTMF

        Send DTMF tones from this leg; the other end of the call hears them.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            digits: The digits to send: 0-9, A-D, `*` and `#`; `w` pauses 0.5 s and `W` 1 s.
                Toolkit choice: at most 128 characters.
            duration_millis: How long each digit is played, 100 to 500 ms.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/send_dtmf",
            body={
                "digits": digits,
                "duration_millis": duration_millis,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(SEND_SIP_INFO_WEBHOOKS)
    def send_sip_info(
        self,
        call_control_id: str,
        *,
        content_type: str,
        body: str,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Send SIP info

        Send a SIP INFO message from this leg to the far end.

        Toolkit choice: the official page says the far end receives `call.sip_info.received`,
        but documents no payload for it, and the far end is not a leg this application controls;
        this command sends no webhook to the application.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            content_type: The MIME type of the body. Toolkit choice: a `type/subtype` MIME type
                of at most 255 characters.
            body: The body of the SIP INFO. Toolkit choice: at most 1400 characters; the
                platform states a 1,400-byte limit in the description of `content_type`.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/send_sip_info",
            body={
                "content_type": content_type,
                "body": body,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(SPEAK_WEBHOOKS)
    def speak(
        self,
        call_control_id: str,
        *,
        payload: str,
        voice: str,
        payload_type: Literal["text", "ssml"] | NotGiven = NOT_GIVEN,
        service_level: Literal["basic", "premium"] | NotGiven = NOT_GIVEN,
        language: Literal[
            "arb",
            "cmn-CN",
            "cy-GB",
            "da-DK",
            "de-DE",
            "en-AU",
            "en-GB",
            "en-GB-WLS",
            "en-IN",
            "en-US",
            "es-ES",
            "es-MX",
            "es-US",
            "fr-CA",
            "fr-FR",
            "hi-IN",
            "is-IS",
            "it-IT",
            "ja-JP",
            "ko-KR",
            "nb-NO",
            "nl-NL",
            "pl-PL",
            "pt-BR",
            "pt-PT",
            "ro-RO",
            "ru-RU",
            "sv-SE",
            "tr-TR",
        ]
        | NotGiven = NOT_GIVEN,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        loop: int | str | NotGiven = NOT_GIVEN,
        target_legs: Literal["self", "opposite", "both"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Speak text

        Convert text to speech and play it on the call. Speech sent while audio is playing is
        queued.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            payload: The text or SSML to speak, at most 3,000 characters. Toolkit choice: at
                least one character (the platform documents no minimum).
            payload_type: The type of the provided payload. The payload can either be plain
                text, or Speech Synthesis Markup Language (SSML).
            service_level: This parameter impacts speech quality, language options and payload
                types. When using `basic`, only the `en-US` language and payload type `text` are
                allowed.
            voice: The voice used in speech synthesis, written `<Provider>.<Model>.<VoiceId>`
                (for example `AWS.Polly.Joanna`, `Azure.en-US-AvaMultilingualNeural`,
                `Telnyx.KokoroTTS.af`); a provider alone picks its default model and voice.
                `male` and `female` remain accepted with `service_level` `basic`. Toolkit
                choice: any string of 1 to 256 characters is accepted and spoken with one
                simulated voice.
            language: The language spoken. Optional; it is ignored for voices that carry their
                own language (`AWS.Polly.*` and the other `<Provider>.<Model>.<VoiceId>`
                voices).
            stop: Stop the audio being played first: `current` stops it and plays the next in
                the queue, `all` also clears the queue. When absent, nothing is stopped.
            loop: How many times the audio is played, 1 to 100, or `infinity` to play it until
                stopped. Toolkit choice: the platform declares "string or integer"; the values
                are those of its text (1 to 100, or `infinity`), given as an integer or a
                string.
            target_legs: The leg or legs that hear the audio.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.speak.started
            2. call.speak.ended
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/speak",
            body={
                "payload": payload,
                "payload_type": payload_type,
                "service_level": service_level,
                "voice": voice,
                "language": language,
                "stop": stop,
                "loop": loop,
                "target_legs": target_legs,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_STREAMING_WEBHOOKS)
    def start_streaming(
        self,
        call_control_id: str,
        *,
        stream_url: str,
        stream_track: Literal["inbound_track", "outbound_track", "both_tracks"]
        | NotGiven = NOT_GIVEN,
        stream_codec: Literal["PCMU", "PCMA", "G722", "OPUS", "AMR-WB", "L16", "default"]
        | NotGiven = NOT_GIVEN,
        stream_auth_token: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Streaming start

        Stream the call's media to a WebSocket (`stream_url`) in near real time, as Base64 RTP
        payloads wrapped in JSON messages.

        Toolkit choice: the official page lists no webhooks for this command; the dial and
        answer pages list `streaming.started`, `streaming.stopped` or `streaming.failed` for
        their `stream_url`. The stream starts with `streaming.started`, or fails with
        `streaming.failed`; `streaming.stopped` is sent by `streaming_stop`.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            stream_url: The WebSocket the media is streamed to. Toolkit choice: required, since
                the alternative (Dialogflow) is not served.
            stream_track: Which track is streamed.
            stream_codec: The codec of the streamed audio. `default`, or a codec the call cannot
                be transcoded to, streams the call's own codec.
            stream_auth_token: A token sent when the WebSocket connection is made, at most 4000
                characters.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. one of streaming.started, streaming.failed
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/streaming_start",
            body={
                "stream_url": stream_url,
                "stream_track": stream_track,
                "stream_codec": stream_codec,
                "stream_auth_token": stream_auth_token,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_STREAMING_WEBHOOKS)
    def stop_streaming(
        self,
        call_control_id: str,
        *,
        stream_id: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Streaming stop

        Stop streaming the call's media: the stream named by `stream_id`, or every stream of the
        call. A call with no stream answers 422.

        Toolkit choice: one `streaming.stopped` is listed; a call with several streams and no
        `stream_id` receives one per stream.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            stream_id: The stream to stop; when absent, every stream of the call.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. streaming.stopped
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/streaming_stop",
            body={
                "stream_id": stream_id,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_NOISE_SUPPRESSION_WEBHOOKS)
    def start_noise_suppression(
        self,
        call_control_id: str,
        *,
        direction: Literal["inbound", "outbound", "both"] | NotGiven = NOT_GIVEN,
        noise_suppression_engine: Literal["Denoiser", "DeepFilterNet", "Krisp", "AiCoustics"]
        | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Noise suppression start

        Start noise suppression on the call's audio.

        Toolkit choice: the official page documents no webhooks and no error for this command;
        it sends none, and starting it twice answers 422.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            direction: The direction of audio that is noise suppressed.
            noise_suppression_engine: The noise suppression engine. Toolkit choice: the four
                named engines; the platform's model-specific values and its deprecated letters
                A-D are not served.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/suppression_start",
            body={
                "direction": direction,
                "noise_suppression_engine": noise_suppression_engine,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_NOISE_SUPPRESSION_WEBHOOKS)
    def stop_noise_suppression(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Noise suppression stop

        Stop noise suppression on the call. A call without noise suppression answers 422.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/suppression_stop",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_TRANSCRIPTION_WEBHOOKS)
    def start_transcription(
        self,
        call_control_id: str,
        *,
        transcription_engine: Literal[
            "Google",
            "Telnyx",
            "Deepgram",
            "Azure",
            "xAI",
            "AssemblyAI",
            "Speechmatics",
            "Soniox",
            "Parakeet",
            "A",
            "B",
        ]
        | NotGiven = NOT_GIVEN,
        transcription_tracks: Literal["inbound", "outbound", "both"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Transcription start

        Start real-time transcription of the call. Each recognised utterance is sent as a
        `call.transcription` webhook. Transcription stops with `transcription_stop` or when the
        call hangs up. A call already being transcribed answers 422 (code 90054).

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            transcription_engine: The speech recognition engine; `A` (Google) and `B` (Telnyx)
                are legacy names. Toolkit choice: every engine is simulated alike; the
                engine-specific `transcription_engine_config` is accepted and ignored.
            transcription_tracks: Which leg is transcribed: `inbound` the leg that asked,
                `outbound` the other leg, `both` both. Toolkit choice: the platform declares a
                free string and lists these three values in its text.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.transcription (zero or more times)
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/transcription_start",
            body={
                "transcription_engine": transcription_engine,
                "transcription_tracks": transcription_tracks,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_TRANSCRIPTION_WEBHOOKS)
    def stop_transcription(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Transcription stop

        Stop real-time transcription. A call not being transcribed answers 422.

        Toolkit choice: the official page lists no webhooks; none is sent.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/transcription_stop",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(TRANSFER_WEBHOOKS)
    def transfer(
        self,
        call_control_id: str,
        *,
        to: str,
        from_: str | NotGiven = NOT_GIVEN,
        from_display_name: str | NotGiven = NOT_GIVEN,
        audio_url: str | NotGiven = NOT_GIVEN,
        timeout_secs: int | NotGiven = NOT_GIVEN,
        time_limit_secs: int | NotGiven = NOT_GIVEN,
        answering_machine_detection: Literal[
            "detect", "detect_beep", "detect_words", "greeting_end", "disabled"
        ]
        | NotGiven = NOT_GIVEN,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        sip_headers: list[SipHeader] | NotGiven = NOT_GIVEN,
        sip_auth_username: str | NotGiven = NOT_GIVEN,
        sip_auth_password: str | NotGiven = NOT_GIVEN,
        early_media: bool | NotGiven = NOT_GIVEN,
        park_after_unbridge: Literal["self"] | NotGiven = NOT_GIVEN,
        mute_dtmf: Literal["none", "both", "self", "opposite"] | NotGiven = NOT_GIVEN,
        target_leg_client_state: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Transfer call

        Transfer the call to a new destination. A new leg (leg B) is dialled; if it answers it
        replaces this leg's far end. If it does not, leg B's `call.hangup` says so and this call
        stays up and can take other commands.

        Toolkit choice: premium machine detection (`call.machine.premium.detection.ended`,
        `call.machine.premium.greeting.ended`) is not served.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            to: The DID (+E.164) or SIP URI to transfer the call to.
            from_: The caller id presented to the destination, a +E.164 number. When absent, the
                original call's `to` number.
            from_display_name: The caller id name (SIP From Display Name) presented to the
                destination: at most 128 characters.
            audio_url: A WAV or MP3 file played to the destination when it answers, before
                bridging.
            timeout_secs: The number of seconds to wait for the destination to answer. When it
                passes, the call hangs up with a `call.hangup` of `hangup_cause` `timeout`. From
                5 to 600 seconds.
            time_limit_secs: The maximum duration of the call leg in seconds. When it is
                reached, the call hangs up with a `call.hangup` of `hangup_cause` `time_limit`.
                From 30 seconds to 4 hours.
            answering_machine_detection: Answering machine detection. When the call is answered,
                `call.machine.detection.ended` says whether a human or a machine answered;
                `detect_beep` and `greeting_end` also send `call.machine.greeting.ended` when
                the machine's greeting ends.

                Toolkit choice: `premium` detection (and its `call.machine.premium.*` events) is
                not served.
            custom_headers: Custom headers to be added to the SIP INVITE.
            sip_headers: SIP headers to add. Only `User-to-User` is supported.
            sip_auth_username: SIP Authentication username used for SIP challenges.
            sip_auth_password: SIP Authentication password used for SIP challenges.
            early_media: Pass the destination's early media to the originating leg.
            park_after_unbridge: What happens to this leg when the bridge ends (the other leg
                hangs up or is transferred): `self` parks it. When absent, the leg hangs up.
                Toolkit choice: the platform declares a free string and documents only `self`.
            mute_dtmf: Which participants do not hear DTMF tones. The `call.dtmf.received`
                webhooks are sent anyway.
            target_leg_client_state: The `client_state` of the new leg's webhooks.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.initiated (on the new leg)
            2. call.bridged (on the new leg)
            3. one of call.answered, call.hangup (on the new leg)
            4. call.machine.detection.ended (optional, when machine_detection, on the new leg)
            5. call.machine.greeting.ended (optional, when machine_greeting, on the new leg)
        """
        return self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/transfer",
            body={
                "to": to,
                "from": from_,
                "from_display_name": from_display_name,
                "audio_url": audio_url,
                "timeout_secs": timeout_secs,
                "time_limit_secs": time_limit_secs,
                "answering_machine_detection": answering_machine_detection,
                "custom_headers": custom_headers,
                "sip_headers": sip_headers,
                "sip_auth_username": sip_auth_username,
                "sip_auth_password": sip_auth_password,
                "early_media": early_media,
                "park_after_unbridge": park_after_unbridge,
                "mute_dtmf": mute_dtmf,
                "target_leg_client_state": target_leg_client_state,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )


class AsyncV2CallActions(AsyncAPIResource):
    """Send commands to a call."""

    @cached_property
    def with_raw_response(self) -> AsyncV2CallActionsWithRawResponse:
        """The same methods, answering with the HTTP response (:class:`APIResponse`)."""
        return AsyncV2CallActionsWithRawResponse(
            AsyncV2CallActions(self._client._with_raw_response())
        )

    @sends_webhooks(UPDATE_CLIENT_STATE_WEBHOOKS)
    async def update_client_state(
        self,
        call_control_id: str,
        *,
        client_state: str,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Update client state

        Replace the call's `client_state`: every later webhook of the call carries the new
        value. The platform serves this command with PUT, unlike the others; PUT is idempotent,
        so it has no `command_id`.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "PUT",
            f"/v2/calls/{path_param(call_control_id)}/actions/client_state_update",
            body={
                "client_state": client_state,
            },
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(ANSWER_WEBHOOKS)
    async def answer(
        self,
        call_control_id: str,
        *,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        sip_headers: list[SipHeader] | NotGiven = NOT_GIVEN,
        record: Literal["record-from-answer"] | NotGiven = NOT_GIVEN,
        record_channels: Literal["single", "dual"] | NotGiven = NOT_GIVEN,
        record_format: Literal["wav", "mp3"] | NotGiven = NOT_GIVEN,
        record_max_length: int | NotGiven = NOT_GIVEN,
        record_track: Literal["both", "inbound", "outbound"] | NotGiven = NOT_GIVEN,
        record_custom_file_name: str | NotGiven = NOT_GIVEN,
        stream_url: str | NotGiven = NOT_GIVEN,
        stream_track: Literal["inbound_track", "outbound_track", "both_tracks"]
        | NotGiven = NOT_GIVEN,
        stream_codec: Literal["PCMU", "PCMA", "G722", "OPUS", "AMR-WB", "L16", "default"]
        | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponseWithRecordingId:
        """Answer call

        Answer an incoming call. Only a call that has not been answered yet (state `parked`) can
        be answered. With `stream_url`, media streaming starts once the call is answered. With
        `record: record-from-answer`, recording starts on answer and the answer carries its
        `recording_id`.

        Toolkit choice: of the webhooks the official page lists, `call.hold` and `call.unhold`
        (the hold commands), `call.deepfake_detection.result` and
        `call.deepfake_detection.error` (deepfake detection) are not served; `streaming.stopped`
        is sent by `streaming_stop`.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            custom_headers: Custom headers to be added to the SIP INVITE.
            sip_headers: SIP headers to add. Only `User-to-User` is supported.
            record: Start recording automatically when the call is answered.
            record_channels: `single` or `dual` channel recording, when `record` is given.
            record_format: The recording's file format, when `record` is given.
            record_max_length: The maximum length of the recording in seconds, 0 to 43200; 0
                means no limit.
            record_track: The audio track to record. With a single track (`inbound` or
                `outbound`) the channels setting is ignored and the recording is mono.
            record_custom_file_name: The recording's file name instead of the default (the
                `call_leg_id`). A Unix timestamp suffix is added.
            stream_url: The WebSocket address the media stream is delivered to. Toolkit choice:
                a `ws://` or `wss://` URL of at most 2048 characters (the platform documents a
                string).
            stream_track: Which track is streamed.
            stream_codec: The codec of the streamed audio. `default`, or a codec the call cannot
                be transcoded to, streams the call's own codec.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.answered
            2. one of streaming.started, streaming.failed (optional, when streaming)
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/answer",
            body={
                "custom_headers": custom_headers,
                "sip_headers": sip_headers,
                "record": record,
                "record_channels": record_channels,
                "record_format": record_format,
                "record_max_length": record_max_length,
                "record_track": record_track,
                "record_custom_file_name": record_custom_file_name,
                "stream_url": stream_url,
                "stream_track": stream_track,
                "stream_codec": stream_codec,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponseWithRecordingId,
        )

    @sends_webhooks(BRIDGE_WEBHOOKS)
    async def bridge(
        self,
        call_control_id: str,
        *,
        body_call_control_id: str,
        park_after_unbridge: Literal["self"] | NotGiven = NOT_GIVEN,
        prevent_double_bridge: bool | NotGiven = NOT_GIVEN,
        mute_dtmf: Literal["none", "both", "self", "opposite"] | NotGiven = NOT_GIVEN,
        play_ringtone: bool | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Bridge calls

        Bridge two answered call legs: the leg in the path (leg A) and the leg named by the
        body's `call_control_id` (leg B). Each leg receives a `call.bridged` webhook.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            body_call_control_id: The `call_control_id` of the leg to bridge with (leg B).
                Unknown: 422 (code 90015). Toolkit choice: at most 256 characters.
            park_after_unbridge: What happens to this leg when the bridge ends (the other leg
                hangs up or is transferred): `self` parks it. When absent, the leg hangs up.
                Toolkit choice: the platform declares a free string and documents only `self`.
            prevent_double_bridge: Refuse to bridge (422) when leg B is already bridged to
                another call.
            mute_dtmf: Which participants do not hear DTMF tones. The `call.dtmf.received`
                webhooks are sent anyway.
            play_ringtone: Play a ringtone while leg B has not answered yet.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.bridged
            2. call.bridged (on the other leg)
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/bridge",
            body={
                "call_control_id": body_call_control_id,
                "park_after_unbridge": park_after_unbridge,
                "prevent_double_bridge": prevent_double_bridge,
                "mute_dtmf": mute_dtmf,
                "play_ringtone": play_ringtone,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(ENQUEUE_WEBHOOKS)
    async def enqueue(
        self,
        call_control_id: str,
        *,
        queue_name: str,
        max_size: int | NotGiven = NOT_GIVEN,
        max_wait_time_secs: int | NotGiven = NOT_GIVEN,
        keep_after_hangup: bool | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Enqueue call

        Put the call in a queue, creating the queue if no queue of this name exists. The call
        stays in the queue until it leaves it (`leave_queue`), is bridged with the queue, waits
        longer than `max_wait_time_secs` or hangs up; it then receives `call.dequeued`.

        Toolkit choice: the official page lists no expected webhooks; `call.enqueued` is sent
        when the call joins the queue. A call already in a queue answers 422 (code 90038), a
        full queue 422 (code 90036).

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            queue_name: The queue to put the call in, created if it does not exist. Toolkit
                choice: 1 to 255 characters.
            max_size: The most calls the queue holds at once; set when the queue is created and
                not changed afterwards. Toolkit choice: 1 to 5000 (the platform documents only
                the default).
            max_wait_time_secs: Seconds after which the call leaves the queue (`call.dequeued`,
                reason `timeout`). When absent, it waits until it leaves otherwise. Toolkit
                choice: 1 to 14400, the longest a call can last.
            keep_after_hangup: Keep the call in the queue after it hangs up.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.enqueued
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/enqueue",
            body={
                "queue_name": queue_name,
                "max_size": max_size,
                "max_wait_time_secs": max_wait_time_secs,
                "keep_after_hangup": keep_after_hangup,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_FORKING_WEBHOOKS)
    async def start_forking(
        self,
        call_control_id: str,
        *,
        rx: str,
        tx: str,
        stream_type: Literal["decrypted"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Forking start

        Stream the call's media (RTP) to UDP targets in real time: incoming media to `rx`,
        outgoing media to `tx`. `call.fork.stopped` follows when forking stops (`fork_stop`).

        Toolkit choice: the official page lists `call.fork.started` and `call.fork.stopped` for
        this command; the second is sent by `fork_stop`, so only the first is this command's.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            rx: Where the call's incoming RTP is sent, `udp:<ip>:<port>`.
            tx: Where the call's outgoing RTP is sent, `udp:<ip>:<port>`.
            stream_type: The media forked: `decrypted` decrypts SRTP before forking. Toolkit
                choice: `rx` and `tx` are required, as the platform requires them for
                `decrypted`, its only value.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.fork.started
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/fork_start",
            body={
                "rx": rx,
                "tx": tx,
                "stream_type": stream_type,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_FORKING_WEBHOOKS)
    async def stop_forking(
        self,
        call_control_id: str,
        *,
        stream_type: Literal["raw", "decrypted"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Forking stop

        Stop forking the call's media. A call that is not being forked answers 422 (code 90031).

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            stream_type: The `stream_type` that `fork_start` used.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.fork.stopped
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/fork_stop",
            body={
                "stream_type": stream_type,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(GATHER_WEBHOOKS)
    async def gather(
        self,
        call_control_id: str,
        *,
        minimum_digits: int | NotGiven = NOT_GIVEN,
        maximum_digits: int | NotGiven = NOT_GIVEN,
        timeout_millis: int | NotGiven = NOT_GIVEN,
        initial_timeout_millis: int | NotGiven = NOT_GIVEN,
        inter_digit_timeout_millis: int | NotGiven = NOT_GIVEN,
        terminating_digit: str | NotGiven = NOT_GIVEN,
        valid_digits: str | NotGiven = NOT_GIVEN,
        gather_id: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Gather DTMF

        Gather DTMF digits without playing a prompt, to build interactive menus.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            minimum_digits: The fewest digits to gather, at least 1. Toolkit choice: at most
                128, the platform's maximum for `maximum_digits`.
            maximum_digits: The most digits to gather, at most 128. Toolkit choice: at least 1,
                the platform's minimum for `minimum_digits`.
            timeout_millis: Milliseconds to wait for digits after the prompt ends before playing
                it again (for `gather`: to complete the request). Toolkit choice: 1 to 600000
                (10 minutes); the platform documents only the default.
            initial_timeout_millis: Milliseconds to wait for the first digit. Toolkit choice: 1
                to 120000 (2 minutes); the platform documents only the default.
            inter_digit_timeout_millis: Milliseconds to wait for each digit after the first.
                Toolkit choice: 1 to 120000 (2 minutes); the platform documents only the
                default.
            terminating_digit: The digit used to terminate input if fewer than `maximum_digits`
                digits have been gathered.
            valid_digits: A list of all digits accepted as valid.
            gather_id: An id sent back in the `call.gather.ended` webhook; random when absent.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.dtmf.received (zero or more times)
            2. call.gather.ended
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/gather",
            body={
                "minimum_digits": minimum_digits,
                "maximum_digits": maximum_digits,
                "timeout_millis": timeout_millis,
                "initial_timeout_millis": initial_timeout_millis,
                "inter_digit_timeout_millis": inter_digit_timeout_millis,
                "terminating_digit": terminating_digit,
                "valid_digits": valid_digits,
                "gather_id": gather_id,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_GATHER_WEBHOOKS)
    async def stop_gather(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Gather stop

        Stop the current gather; its `call.gather.ended` carries the digits gathered so far and
        status `cancelled`.

        Toolkit choice: with no gather running the command answers 200 and sends nothing.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.gather.ended
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/gather_stop",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(GATHER_USING_AUDIO_WEBHOOKS)
    async def gather_using_audio(
        self,
        call_control_id: str,
        *,
        audio_url: str,
        invalid_audio_url: str | NotGiven = NOT_GIVEN,
        minimum_digits: int | NotGiven = NOT_GIVEN,
        maximum_digits: int | NotGiven = NOT_GIVEN,
        maximum_tries: int | NotGiven = NOT_GIVEN,
        timeout_millis: int | NotGiven = NOT_GIVEN,
        terminating_digit: str | NotGiven = NOT_GIVEN,
        valid_digits: str | NotGiven = NOT_GIVEN,
        inter_digit_timeout_millis: int | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Gather using audio

        Play an audio file on the call until the required DTMF digits are gathered. The playback
        is interrupted by the first digit.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            audio_url: A WAV or MP3 file played at the start of each prompt. Toolkit choice:
                required, since its alternative `media_name` (a file stored on the platform) is
                not served.
            invalid_audio_url: A WAV or MP3 file played when the digits do not match
                `valid_digits` or their number is not between `minimum_digits` and
                `maximum_digits`.
            minimum_digits: The fewest digits to gather, at least 1. Toolkit choice: at most
                128, the platform's maximum for `maximum_digits`.
            maximum_digits: The most digits to gather, at most 128. Toolkit choice: at least 1,
                the platform's minimum for `minimum_digits`.
            maximum_tries: How many times the prompt is played when there is no input. Toolkit
                choice: 1 to 10; the platform documents only the default.
            timeout_millis: Milliseconds to wait for digits after the prompt ends before playing
                it again (for `gather`: to complete the request). Toolkit choice: 1 to 600000
                (10 minutes); the platform documents only the default.
            terminating_digit: The digit used to terminate input if fewer than `maximum_digits`
                digits have been gathered.
            valid_digits: A list of all digits accepted as valid.
            inter_digit_timeout_millis: Milliseconds to wait for each digit after the first.
                Toolkit choice: 1 to 120000 (2 minutes); the platform documents only the
                default.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.playback.started
            2. call.playback.ended
            3. call.dtmf.received (zero or more times)
            4. call.gather.ended
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/gather_using_audio",
            body={
                "audio_url": audio_url,
                "invalid_audio_url": invalid_audio_url,
                "minimum_digits": minimum_digits,
                "maximum_digits": maximum_digits,
                "maximum_tries": maximum_tries,
                "timeout_millis": timeout_millis,
                "terminating_digit": terminating_digit,
                "valid_digits": valid_digits,
                "inter_digit_timeout_millis": inter_digit_timeout_millis,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(GATHER_USING_SPEAK_WEBHOOKS)
    async def gather_using_speak(
        self,
        call_control_id: str,
        *,
        payload: str,
        voice: str,
        invalid_payload: str | NotGiven = NOT_GIVEN,
        payload_type: Literal["text", "ssml"] | NotGiven = NOT_GIVEN,
        service_level: Literal["basic", "premium"] | NotGiven = NOT_GIVEN,
        language: Literal[
            "arb",
            "cmn-CN",
            "cy-GB",
            "da-DK",
            "de-DE",
            "en-AU",
            "en-GB",
            "en-GB-WLS",
            "en-IN",
            "en-US",
            "es-ES",
            "es-MX",
            "es-US",
            "fr-CA",
            "fr-FR",
            "hi-IN",
            "is-IS",
            "it-IT",
            "ja-JP",
            "ko-KR",
            "nb-NO",
            "nl-NL",
            "pl-PL",
            "pt-BR",
            "pt-PT",
            "ro-RO",
            "ru-RU",
            "sv-SE",
            "tr-TR",
        ]
        | NotGiven = NOT_GIVEN,
        minimum_digits: int | NotGiven = NOT_GIVEN,
        maximum_digits: int | NotGiven = NOT_GIVEN,
        maximum_tries: int | NotGiven = NOT_GIVEN,
        timeout_millis: int | NotGiven = NOT_GIVEN,
        terminating_digit: str | NotGiven = NOT_GIVEN,
        valid_digits: str | NotGiven = NOT_GIVEN,
        inter_digit_timeout_millis: int | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Gather using speak

        Speak text on the call until the required DTMF digits are gathered. The speech is
        interrupted by the first digit.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            payload: The text or SSML to speak, at most 3,000 characters. Toolkit choice: at
                least one character (the platform documents no minimum).
            invalid_payload: The text or SSML spoken when the digits do not match `valid_digits`
                or their number is not between `minimum_digits` and `maximum_digits`, at most
                3,000 characters.
            payload_type: The type of the provided payload. The payload can either be plain
                text, or Speech Synthesis Markup Language (SSML).
            service_level: This parameter impacts speech quality, language options and payload
                types. When using `basic`, only the `en-US` language and payload type `text` are
                allowed.
            voice: The voice used in speech synthesis, written `<Provider>.<Model>.<VoiceId>`
                (for example `AWS.Polly.Joanna`, `Azure.en-US-AvaMultilingualNeural`,
                `Telnyx.KokoroTTS.af`); a provider alone picks its default model and voice.
                `male` and `female` remain accepted with `service_level` `basic`. Toolkit
                choice: any string of 1 to 256 characters is accepted and spoken with one
                simulated voice.
            language: The language spoken. Optional; it is ignored for voices that carry their
                own language (`AWS.Polly.*` and the other `<Provider>.<Model>.<VoiceId>`
                voices).
            minimum_digits: The fewest digits to gather, at least 1. Toolkit choice: at most
                128, the platform's maximum for `maximum_digits`.
            maximum_digits: The most digits to gather, at most 128. Toolkit choice: at least 1,
                the platform's minimum for `minimum_digits`.
            maximum_tries: How many times the prompt is played when there is no input. Toolkit
                choice: 1 to 10; the platform documents only the default.
            timeout_millis: Milliseconds to wait for digits after the prompt ends before playing
                it again (for `gather`: to complete the request). Toolkit choice: 1 to 600000
                (10 minutes); the platform documents only the default.
            terminating_digit: The digit used to terminate input if fewer than `maximum_digits`
                digits have been gathered.
            valid_digits: A list of all digits accepted as valid.
            inter_digit_timeout_millis: Milliseconds to wait for each digit after the first.
                Toolkit choice: 1 to 120000 (2 minutes); the platform documents only the
                default.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.dtmf.received (zero or more times)
            2. call.gather.ended
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/gather_using_speak",
            body={
                "payload": payload,
                "invalid_payload": invalid_payload,
                "payload_type": payload_type,
                "service_level": service_level,
                "voice": voice,
                "language": language,
                "minimum_digits": minimum_digits,
                "maximum_digits": maximum_digits,
                "maximum_tries": maximum_tries,
                "timeout_millis": timeout_millis,
                "terminating_digit": terminating_digit,
                "valid_digits": valid_digits,
                "inter_digit_timeout_millis": inter_digit_timeout_millis,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(HANGUP_WEBHOOKS)
    async def hangup(
        self,
        call_control_id: str,
        *,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Hangup call

        Hang up the call.

        Toolkit choice: the official page lists `call.recording.saved` unconditionally; it is
        sent only when the call was being recorded. A queue, stream, fork or transcription the
        call had ends with it, without a webhook of its own.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            custom_headers: Custom headers added to the SIP BYE.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.hangup
            2. call.recording.saved (optional, when recording)
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/hangup",
            body={
                "custom_headers": custom_headers,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(LEAVE_QUEUE_WEBHOOKS)
    async def leave_queue(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Remove call from a queue

        Remove the call from the queue it is in.

        Toolkit choice: the official page lists no expected webhooks; `call.dequeued` (reason
        `leave`) is sent. A call that is in no queue answers 422.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.dequeued
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/leave_queue",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_PLAYBACK_WEBHOOKS)
    async def start_playback(
        self,
        call_control_id: str,
        *,
        audio_url: str,
        audio_type: Literal["mp3", "wav"] | NotGiven = NOT_GIVEN,
        loop: int | str | NotGiven = NOT_GIVEN,
        overlay: bool | NotGiven = NOT_GIVEN,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        target_legs: Literal["self", "opposite", "both"] | NotGiven = NOT_GIVEN,
        cache_audio: bool | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Play audio URL

        Play an audio file (WAV or MP3) on the call. Files sent while one is playing are queued.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            audio_url: The WAV or MP3 file to play. Toolkit choice: required, since its
                alternatives `media_name` and `playback_content` are not served.
            audio_type: The type of the audio.
            loop: How many times the audio is played, 1 to 100, or `infinity` to play it until
                stopped. Toolkit choice: the platform declares "string or integer"; the values
                are those of its text (1 to 100, or `infinity`), given as an integer or a
                string.
            overlay: Mix this audio on top of the audio being played (without `overlay`). Only
                with `target_legs` `self`.
            stop: Stop the audio being played first: `current` stops it and plays the next
                queued file, `all` also clears the queue. When absent, nothing is stopped.
            target_legs: The leg or legs that hear the audio.
            cache_audio: Cache the file, for audio played several times on the call.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.playback.started
            2. call.playback.ended
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/playback_start",
            body={
                "audio_url": audio_url,
                "audio_type": audio_type,
                "loop": loop,
                "overlay": overlay,
                "stop": stop,
                "target_legs": target_legs,
                "cache_audio": cache_audio,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_PLAYBACK_WEBHOOKS)
    async def stop_playback(
        self,
        call_control_id: str,
        *,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        overlay: bool | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Stop audio playback

        Stop the audio (or speech) being played on the call.

        Toolkit choice: when nothing is being played, the command answers 200 and sends no
        webhook.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            stop: `current` stops the audio being played, `all` also clears the queue.
            overlay: Stop the audio of the overlay queue instead.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. one of call.playback.ended, call.speak.ended
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/playback_stop",
            body={
                "stop": stop,
                "overlay": overlay,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(PAUSE_RECORDING_WEBHOOKS)
    async def pause_recording(
        self,
        call_control_id: str,
        *,
        recording_id: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Record pause

        Pause the call's recording; `record_resume` resumes it. The saved file leaves out the
        paused time. A call that is not being recorded answers 422.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            recording_id: The recording to act on. Toolkit choice: when absent, the call's
                current recording (a call has at most one recording at a time here).
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/record_pause",
            body={
                "recording_id": recording_id,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(RESUME_RECORDING_WEBHOOKS)
    async def resume_recording(
        self,
        call_control_id: str,
        *,
        recording_id: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Record resume

        Resume the call's paused recording. A call that is not being recorded answers 422.

        Toolkit choice: resuming a recording that is not paused answers 200 and does nothing.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            recording_id: The recording to act on. Toolkit choice: when absent, the call's
                current recording (a call has at most one recording at a time here).
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/record_resume",
            body={
                "recording_id": recording_id,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_RECORDING_WEBHOOKS)
    async def start_recording(
        self,
        call_control_id: str,
        *,
        format: Literal["wav", "mp3"],
        channels: Literal["single", "dual"],
        play_beep: bool | NotGiven = NOT_GIVEN,
        max_length: int | NotGiven = NOT_GIVEN,
        timeout_secs: int | NotGiven = NOT_GIVEN,
        recording_track: Literal["both", "inbound", "outbound"] | NotGiven = NOT_GIVEN,
        custom_file_name: str | NotGiven = NOT_GIVEN,
        trim: Literal["trim-silence"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Recording start

        Start recording the call. The recording is delivered by `call.recording.saved` after
        `record_stop`, or when the call hangs up. A call that is already being recorded answers
        422.

        Toolkit choice: the official page lists `call.recording.saved` (and the transcription
        and error events) under this command; `call.recording.saved` is sent when the recording
        stops, so it is listed under `record_stop` and `hangup`. Post-recording transcription
        (`call.recording.transcription.saved`) is not served, and recordings do not fail here
        (`call.recording.error`).

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            format: The recording's file format.
            channels: `dual` records a stereo file, the first leg on channel A and the rest on
                channel B.
            play_beep: Play a beep when the recording starts. Toolkit choice: the platform gives
                no default; false.
            max_length: The maximum length of the recording in seconds, 0 to 14400; 0 means no
                limit.
            timeout_secs: Seconds of silence after which the recording stops; 0 means never.
                Toolkit choice: at most 14400 (the longest a call lasts); the platform documents
                only the minimum.
            recording_track: The audio track to record. With a single track (`inbound` or
                `outbound`) the channels setting is ignored and the recording is mono.
            custom_file_name: The recording's file name instead of the default (the
                `call_leg_id`). A Unix timestamp suffix is added.
            trim: `trim-silence` removes silence from the beginning and end of the recording.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/record_start",
            body={
                "format": format,
                "channels": channels,
                "play_beep": play_beep,
                "max_length": max_length,
                "timeout_secs": timeout_secs,
                "recording_track": recording_track,
                "custom_file_name": custom_file_name,
                "trim": trim,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_RECORDING_WEBHOOKS)
    async def stop_recording(
        self,
        call_control_id: str,
        *,
        recording_id: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Recording stop

        Stop recording the call. A call that is not being recorded answers 422.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            recording_id: The recording to act on. Toolkit choice: when absent, the call's
                current recording (a call has at most one recording at a time here).
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.recording.saved
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/record_stop",
            body={
                "recording_id": recording_id,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(REFER_WEBHOOKS)
    async def refer(
        self,
        call_control_id: str,
        *,
        sip_address: str,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        sip_headers: list[SipHeader] | NotGiven = NOT_GIVEN,
        sip_auth_username: str | NotGiven = NOT_GIVEN,
        sip_auth_password: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """SIP Refer a call

        Send a SIP REFER on the call, asking the far end to call `sip_address` instead. The far
        end reports progress: `call.refer.started`, then `call.refer.completed` or
        `call.refer.failed`.

        Toolkit choice: the official page lists the three events; a refer ends in exactly one of
        `call.refer.completed` and `call.refer.failed`.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            sip_address: The SIP URI the call is referred to. Toolkit choice: a `sip:` or
                `sips:` URI of at most 2048 characters (the platform documents a string).
            custom_headers: Custom headers to be added to the SIP INVITE.
            sip_headers: SIP headers to add. Only `User-to-User` is supported.
            sip_auth_username: SIP Authentication username used for SIP challenges.
            sip_auth_password: SIP Authentication password used for SIP challenges.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.refer.started
            2. one of call.refer.completed, call.refer.failed
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/refer",
            body={
                "sip_address": sip_address,
                "custom_headers": custom_headers,
                "sip_headers": sip_headers,
                "sip_auth_username": sip_auth_username,
                "sip_auth_password": sip_auth_password,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(REJECT_WEBHOOKS)
    async def reject(
        self,
        call_control_id: str,
        *,
        cause: Literal["CALL_REJECTED", "USER_BUSY"],
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Reject a call

        Reject an incoming call that has not been answered. Its `call.hangup` carries
        `hangup_cause` `call_rejected` or `user_busy`, after `cause`.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            cause: Why the call is rejected.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.hangup
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/reject",
            body={
                "cause": cause,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(SEND_DTMF_WEBHOOKS)
    async def send_dtmf(
        self,
        call_control_id: str,
        *,
        digits: str,
        duration_millis: int | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Send DTMF

        Send DTMF tones from this leg; the other end of the call hears them.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            digits: The digits to send: 0-9, A-D, `*` and `#`; `w` pauses 0.5 s and `W` 1 s.
                Toolkit choice: at most 128 characters.
            duration_millis: How long each digit is played, 100 to 500 ms.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/send_dtmf",
            body={
                "digits": digits,
                "duration_millis": duration_millis,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(SEND_SIP_INFO_WEBHOOKS)
    async def send_sip_info(
        self,
        call_control_id: str,
        *,
        content_type: str,
        body: str,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Send SIP info

        Send a SIP INFO message from this leg to the far end.

        Toolkit choice: the official page says the far end receives `call.sip_info.received`,
        but documents no payload for it, and the far end is not a leg this application controls;
        this command sends no webhook to the application.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            content_type: The MIME type of the body. Toolkit choice: a `type/subtype` MIME type
                of at most 255 characters.
            body: The body of the SIP INFO. Toolkit choice: at most 1400 characters; the
                platform states a 1,400-byte limit in the description of `content_type`.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/send_sip_info",
            body={
                "content_type": content_type,
                "body": body,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(SPEAK_WEBHOOKS)
    async def speak(
        self,
        call_control_id: str,
        *,
        payload: str,
        voice: str,
        payload_type: Literal["text", "ssml"] | NotGiven = NOT_GIVEN,
        service_level: Literal["basic", "premium"] | NotGiven = NOT_GIVEN,
        language: Literal[
            "arb",
            "cmn-CN",
            "cy-GB",
            "da-DK",
            "de-DE",
            "en-AU",
            "en-GB",
            "en-GB-WLS",
            "en-IN",
            "en-US",
            "es-ES",
            "es-MX",
            "es-US",
            "fr-CA",
            "fr-FR",
            "hi-IN",
            "is-IS",
            "it-IT",
            "ja-JP",
            "ko-KR",
            "nb-NO",
            "nl-NL",
            "pl-PL",
            "pt-BR",
            "pt-PT",
            "ro-RO",
            "ru-RU",
            "sv-SE",
            "tr-TR",
        ]
        | NotGiven = NOT_GIVEN,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        loop: int | str | NotGiven = NOT_GIVEN,
        target_legs: Literal["self", "opposite", "both"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Speak text

        Convert text to speech and play it on the call. Speech sent while audio is playing is
        queued.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            payload: The text or SSML to speak, at most 3,000 characters. Toolkit choice: at
                least one character (the platform documents no minimum).
            payload_type: The type of the provided payload. The payload can either be plain
                text, or Speech Synthesis Markup Language (SSML).
            service_level: This parameter impacts speech quality, language options and payload
                types. When using `basic`, only the `en-US` language and payload type `text` are
                allowed.
            voice: The voice used in speech synthesis, written `<Provider>.<Model>.<VoiceId>`
                (for example `AWS.Polly.Joanna`, `Azure.en-US-AvaMultilingualNeural`,
                `Telnyx.KokoroTTS.af`); a provider alone picks its default model and voice.
                `male` and `female` remain accepted with `service_level` `basic`. Toolkit
                choice: any string of 1 to 256 characters is accepted and spoken with one
                simulated voice.
            language: The language spoken. Optional; it is ignored for voices that carry their
                own language (`AWS.Polly.*` and the other `<Provider>.<Model>.<VoiceId>`
                voices).
            stop: Stop the audio being played first: `current` stops it and plays the next in
                the queue, `all` also clears the queue. When absent, nothing is stopped.
            loop: How many times the audio is played, 1 to 100, or `infinity` to play it until
                stopped. Toolkit choice: the platform declares "string or integer"; the values
                are those of its text (1 to 100, or `infinity`), given as an integer or a
                string.
            target_legs: The leg or legs that hear the audio.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.speak.started
            2. call.speak.ended
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/speak",
            body={
                "payload": payload,
                "payload_type": payload_type,
                "service_level": service_level,
                "voice": voice,
                "language": language,
                "stop": stop,
                "loop": loop,
                "target_legs": target_legs,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_STREAMING_WEBHOOKS)
    async def start_streaming(
        self,
        call_control_id: str,
        *,
        stream_url: str,
        stream_track: Literal["inbound_track", "outbound_track", "both_tracks"]
        | NotGiven = NOT_GIVEN,
        stream_codec: Literal["PCMU", "PCMA", "G722", "OPUS", "AMR-WB", "L16", "default"]
        | NotGiven = NOT_GIVEN,
        stream_auth_token: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Streaming start

        Stream the call's media to a WebSocket (`stream_url`) in near real time, as Base64 RTP
        payloads wrapped in JSON messages.

        Toolkit choice: the official page lists no webhooks for this command; the dial and
        answer pages list `streaming.started`, `streaming.stopped` or `streaming.failed` for
        their `stream_url`. The stream starts with `streaming.started`, or fails with
        `streaming.failed`; `streaming.stopped` is sent by `streaming_stop`.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            stream_url: The WebSocket the media is streamed to. Toolkit choice: required, since
                the alternative (Dialogflow) is not served.
            stream_track: Which track is streamed.
            stream_codec: The codec of the streamed audio. `default`, or a codec the call cannot
                be transcoded to, streams the call's own codec.
            stream_auth_token: A token sent when the WebSocket connection is made, at most 4000
                characters.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. one of streaming.started, streaming.failed
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/streaming_start",
            body={
                "stream_url": stream_url,
                "stream_track": stream_track,
                "stream_codec": stream_codec,
                "stream_auth_token": stream_auth_token,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_STREAMING_WEBHOOKS)
    async def stop_streaming(
        self,
        call_control_id: str,
        *,
        stream_id: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Streaming stop

        Stop streaming the call's media: the stream named by `stream_id`, or every stream of the
        call. A call with no stream answers 422.

        Toolkit choice: one `streaming.stopped` is listed; a call with several streams and no
        `stream_id` receives one per stream.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            stream_id: The stream to stop; when absent, every stream of the call.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. streaming.stopped
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/streaming_stop",
            body={
                "stream_id": stream_id,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_NOISE_SUPPRESSION_WEBHOOKS)
    async def start_noise_suppression(
        self,
        call_control_id: str,
        *,
        direction: Literal["inbound", "outbound", "both"] | NotGiven = NOT_GIVEN,
        noise_suppression_engine: Literal["Denoiser", "DeepFilterNet", "Krisp", "AiCoustics"]
        | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Noise suppression start

        Start noise suppression on the call's audio.

        Toolkit choice: the official page documents no webhooks and no error for this command;
        it sends none, and starting it twice answers 422.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            direction: The direction of audio that is noise suppressed.
            noise_suppression_engine: The noise suppression engine. Toolkit choice: the four
                named engines; the platform's model-specific values and its deprecated letters
                A-D are not served.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/suppression_start",
            body={
                "direction": direction,
                "noise_suppression_engine": noise_suppression_engine,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_NOISE_SUPPRESSION_WEBHOOKS)
    async def stop_noise_suppression(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Noise suppression stop

        Stop noise suppression on the call. A call without noise suppression answers 422.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/suppression_stop",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(START_TRANSCRIPTION_WEBHOOKS)
    async def start_transcription(
        self,
        call_control_id: str,
        *,
        transcription_engine: Literal[
            "Google",
            "Telnyx",
            "Deepgram",
            "Azure",
            "xAI",
            "AssemblyAI",
            "Speechmatics",
            "Soniox",
            "Parakeet",
            "A",
            "B",
        ]
        | NotGiven = NOT_GIVEN,
        transcription_tracks: Literal["inbound", "outbound", "both"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Transcription start

        Start real-time transcription of the call. Each recognised utterance is sent as a
        `call.transcription` webhook. Transcription stops with `transcription_stop` or when the
        call hangs up. A call already being transcribed answers 422 (code 90054).

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            transcription_engine: The speech recognition engine; `A` (Google) and `B` (Telnyx)
                are legacy names. Toolkit choice: every engine is simulated alike; the
                engine-specific `transcription_engine_config` is accepted and ignored.
            transcription_tracks: Which leg is transcribed: `inbound` the leg that asked,
                `outbound` the other leg, `both` both. Toolkit choice: the platform declares a
                free string and lists these three values in its text.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.transcription (zero or more times)
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/transcription_start",
            body={
                "transcription_engine": transcription_engine,
                "transcription_tracks": transcription_tracks,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(STOP_TRANSCRIPTION_WEBHOOKS)
    async def stop_transcription(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Transcription stop

        Stop real-time transcription. A call not being transcribed answers 422.

        Toolkit choice: the official page lists no webhooks; none is sent.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/transcription_stop",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )

    @sends_webhooks(TRANSFER_WEBHOOKS)
    async def transfer(
        self,
        call_control_id: str,
        *,
        to: str,
        from_: str | NotGiven = NOT_GIVEN,
        from_display_name: str | NotGiven = NOT_GIVEN,
        audio_url: str | NotGiven = NOT_GIVEN,
        timeout_secs: int | NotGiven = NOT_GIVEN,
        time_limit_secs: int | NotGiven = NOT_GIVEN,
        answering_machine_detection: Literal[
            "detect", "detect_beep", "detect_words", "greeting_end", "disabled"
        ]
        | NotGiven = NOT_GIVEN,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        sip_headers: list[SipHeader] | NotGiven = NOT_GIVEN,
        sip_auth_username: str | NotGiven = NOT_GIVEN,
        sip_auth_password: str | NotGiven = NOT_GIVEN,
        early_media: bool | NotGiven = NOT_GIVEN,
        park_after_unbridge: Literal["self"] | NotGiven = NOT_GIVEN,
        mute_dtmf: Literal["none", "both", "self", "opposite"] | NotGiven = NOT_GIVEN,
        target_leg_client_state: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResponse:
        """Transfer call

        Transfer the call to a new destination. A new leg (leg B) is dialled; if it answers it
        replaces this leg's far end. If it does not, leg B's `call.hangup` says so and this call
        stays up and can take other commands.

        Toolkit choice: premium machine detection (`call.machine.premium.detection.ended`,
        `call.machine.premium.greeting.ended`) is not served.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            to: The DID (+E.164) or SIP URI to transfer the call to.
            from_: The caller id presented to the destination, a +E.164 number. When absent, the
                original call's `to` number.
            from_display_name: The caller id name (SIP From Display Name) presented to the
                destination: at most 128 characters.
            audio_url: A WAV or MP3 file played to the destination when it answers, before
                bridging.
            timeout_secs: The number of seconds to wait for the destination to answer. When it
                passes, the call hangs up with a `call.hangup` of `hangup_cause` `timeout`. From
                5 to 600 seconds.
            time_limit_secs: The maximum duration of the call leg in seconds. When it is
                reached, the call hangs up with a `call.hangup` of `hangup_cause` `time_limit`.
                From 30 seconds to 4 hours.
            answering_machine_detection: Answering machine detection. When the call is answered,
                `call.machine.detection.ended` says whether a human or a machine answered;
                `detect_beep` and `greeting_end` also send `call.machine.greeting.ended` when
                the machine's greeting ends.

                Toolkit choice: `premium` detection (and its `call.machine.premium.*` events) is
                not served.
            custom_headers: Custom headers to be added to the SIP INVITE.
            sip_headers: SIP headers to add. Only `User-to-User` is supported.
            sip_auth_username: SIP Authentication username used for SIP challenges.
            sip_auth_password: SIP Authentication password used for SIP challenges.
            early_media: Pass the destination's early media to the originating leg.
            park_after_unbridge: What happens to this leg when the bridge ends (the other leg
                hangs up or is transferred): `self` parks it. When absent, the leg hangs up.
                Toolkit choice: the platform declares a free string and documents only `self`.
            mute_dtmf: Which participants do not hear DTMF tones. The `call.dtmf.received`
                webhooks are sent anyway.
            target_leg_client_state: The `client_state` of the new leg's webhooks.
            client_state: State to add to every later webhook of the call, as given. It must be
                valid Base64. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. A command with the same
                `command_id` for the same `call_control_id` within 60 seconds is answered 200
                and does nothing (no second set of webhooks). Toolkit choice: 1 to 256
                characters; the platform documents no limit.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.initiated (on the new leg)
            2. call.bridged (on the new leg)
            3. one of call.answered, call.hangup (on the new leg)
            4. call.machine.detection.ended (optional, when machine_detection, on the new leg)
            5. call.machine.greeting.ended (optional, when machine_greeting, on the new leg)
        """
        return await self._client.request(
            "POST",
            f"/v2/calls/{path_param(call_control_id)}/actions/transfer",
            body={
                "to": to,
                "from": from_,
                "from_display_name": from_display_name,
                "audio_url": audio_url,
                "timeout_secs": timeout_secs,
                "time_limit_secs": time_limit_secs,
                "answering_machine_detection": answering_machine_detection,
                "custom_headers": custom_headers,
                "sip_headers": sip_headers,
                "sip_auth_username": sip_auth_username,
                "sip_auth_password": sip_auth_password,
                "early_media": early_media,
                "park_after_unbridge": park_after_unbridge,
                "mute_dtmf": mute_dtmf,
                "target_leg_client_state": target_leg_client_state,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResponse,
        )


class V2CallActionsWithRawResponse:
    """The methods of :class:`V2CallActions`, answering with the HTTP response instead."""

    def __init__(self, resource: V2CallActions) -> None:
        self.update_client_state = raw_response_wrapper(resource.update_client_state)
        self.answer = raw_response_wrapper(resource.answer)
        self.bridge = raw_response_wrapper(resource.bridge)
        self.enqueue = raw_response_wrapper(resource.enqueue)
        self.start_forking = raw_response_wrapper(resource.start_forking)
        self.stop_forking = raw_response_wrapper(resource.stop_forking)
        self.gather = raw_response_wrapper(resource.gather)
        self.stop_gather = raw_response_wrapper(resource.stop_gather)
        self.gather_using_audio = raw_response_wrapper(resource.gather_using_audio)
        self.gather_using_speak = raw_response_wrapper(resource.gather_using_speak)
        self.hangup = raw_response_wrapper(resource.hangup)
        self.leave_queue = raw_response_wrapper(resource.leave_queue)
        self.start_playback = raw_response_wrapper(resource.start_playback)
        self.stop_playback = raw_response_wrapper(resource.stop_playback)
        self.pause_recording = raw_response_wrapper(resource.pause_recording)
        self.resume_recording = raw_response_wrapper(resource.resume_recording)
        self.start_recording = raw_response_wrapper(resource.start_recording)
        self.stop_recording = raw_response_wrapper(resource.stop_recording)
        self.refer = raw_response_wrapper(resource.refer)
        self.reject = raw_response_wrapper(resource.reject)
        self.send_dtmf = raw_response_wrapper(resource.send_dtmf)
        self.send_sip_info = raw_response_wrapper(resource.send_sip_info)
        self.speak = raw_response_wrapper(resource.speak)
        self.start_streaming = raw_response_wrapper(resource.start_streaming)
        self.stop_streaming = raw_response_wrapper(resource.stop_streaming)
        self.start_noise_suppression = raw_response_wrapper(resource.start_noise_suppression)
        self.stop_noise_suppression = raw_response_wrapper(resource.stop_noise_suppression)
        self.start_transcription = raw_response_wrapper(resource.start_transcription)
        self.stop_transcription = raw_response_wrapper(resource.stop_transcription)
        self.transfer = raw_response_wrapper(resource.transfer)


class AsyncV2CallActionsWithRawResponse:
    """The methods of :class:`AsyncV2CallActions`, answering with the HTTP response instead."""

    def __init__(self, resource: AsyncV2CallActions) -> None:
        self.update_client_state = async_raw_response_wrapper(resource.update_client_state)
        self.answer = async_raw_response_wrapper(resource.answer)
        self.bridge = async_raw_response_wrapper(resource.bridge)
        self.enqueue = async_raw_response_wrapper(resource.enqueue)
        self.start_forking = async_raw_response_wrapper(resource.start_forking)
        self.stop_forking = async_raw_response_wrapper(resource.stop_forking)
        self.gather = async_raw_response_wrapper(resource.gather)
        self.stop_gather = async_raw_response_wrapper(resource.stop_gather)
        self.gather_using_audio = async_raw_response_wrapper(resource.gather_using_audio)
        self.gather_using_speak = async_raw_response_wrapper(resource.gather_using_speak)
        self.hangup = async_raw_response_wrapper(resource.hangup)
        self.leave_queue = async_raw_response_wrapper(resource.leave_queue)
        self.start_playback = async_raw_response_wrapper(resource.start_playback)
        self.stop_playback = async_raw_response_wrapper(resource.stop_playback)
        self.pause_recording = async_raw_response_wrapper(resource.pause_recording)
        self.resume_recording = async_raw_response_wrapper(resource.resume_recording)
        self.start_recording = async_raw_response_wrapper(resource.start_recording)
        self.stop_recording = async_raw_response_wrapper(resource.stop_recording)
        self.refer = async_raw_response_wrapper(resource.refer)
        self.reject = async_raw_response_wrapper(resource.reject)
        self.send_dtmf = async_raw_response_wrapper(resource.send_dtmf)
        self.send_sip_info = async_raw_response_wrapper(resource.send_sip_info)
        self.speak = async_raw_response_wrapper(resource.speak)
        self.start_streaming = async_raw_response_wrapper(resource.start_streaming)
        self.stop_streaming = async_raw_response_wrapper(resource.stop_streaming)
        self.start_noise_suppression = async_raw_response_wrapper(resource.start_noise_suppression)
        self.stop_noise_suppression = async_raw_response_wrapper(resource.stop_noise_suppression)
        self.start_transcription = async_raw_response_wrapper(resource.start_transcription)
        self.stop_transcription = async_raw_response_wrapper(resource.stop_transcription)
        self.transfer = async_raw_response_wrapper(resource.transfer)
