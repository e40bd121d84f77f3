"""Dial calls and read their status."""

from __future__ import annotations

from functools import cached_property
from typing import Final, Literal

import httpx

from .._base_client import AsyncAPIResource, SyncAPIResource, path_param
from .._response import async_raw_response_wrapper, raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven, WebhookStep, sends_webhooks
from ..models import CallStatusResponse, CustomSipHeader, DialResponse2, SipHeader
from .v2_call_actions import AsyncV2CallActions, V2CallActions

__all__ = [
    "AsyncV2Calls",
    "AsyncV2CallsWithRawResponse",
    "V2Calls",
    "V2CallsWithRawResponse",
]

DIAL_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.initiated",),
    ),
    WebhookStep(
        events=(
            "call.answered",
            "call.hangup",
        ),
    ),
    WebhookStep(
        events=("call.machine.detection.ended",),
        optional=True,
        when="machine_detection",
    ),
    WebhookStep(
        events=("call.machine.greeting.ended",),
        optional=True,
        when="machine_greeting",
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
"""The webhooks ``dial`` makes the platform send, in order."""


class V2Calls(SyncAPIResource):
    """Dial calls and read their status."""

    @cached_property
    def with_raw_response(self) -> V2CallsWithRawResponse:
        """The same methods, answering with the HTTP response (:class:`APIResponse`)."""
        return V2CallsWithRawResponse(V2Calls(self._client._with_raw_response()))

    @property
    def actions(self) -> V2CallActions:
        """Send commands to a call."""
        return self._client._resource(V2CallActions)

    @sends_webhooks(DIAL_WEBHOOKS)
    def dial(
        self,
        *,
        to: str,
        from_: str,
        connection_id: str,
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
        link_to: str | NotGiven = NOT_GIVEN,
        park_after_unbridge: Literal["self"] | NotGiven = NOT_GIVEN,
        sip_auth_username: str | NotGiven = NOT_GIVEN,
        sip_auth_password: str | NotGiven = NOT_GIVEN,
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
        stream_auth_token: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> DialResponse2:
        """Dial

        Dial a number or SIP URI from a Call Control Application (`connection_id`). The answer
        carries the new call's `call_control_id`, used to send it commands, and its
        `call_leg_id`, which correlates it with the webhooks that follow. `is_alive` is always
        false here: dialling is asynchronous.

        With `answering_machine_detection`, the answered call also receives
        `call.machine.detection.ended` and, for `detect_beep` and `greeting_end`,
        `call.machine.greeting.ended`. With `stream_url`, media streaming starts on answer. With
        `record: record-from-answer`, recording starts on answer and the answer carries its
        `recording_id`.

        Toolkit choice: of the webhooks the official page lists, `call.hold` and `call.unhold`
        (the hold commands), `call.machine.premium.detection.ended` and
        `call.machine.premium.greeting.ended` (premium detection),
        `call.deepfake_detection.result` and `call.deepfake_detection.error` (deepfake
        detection) are not served; a stream starts (`streaming.started`) or fails
        (`streaming.failed`), and `streaming.stopped` is sent by `streaming_stop`.

        Args:
            to: The DID (+E.164) or SIP URI to dial. Toolkit choice: one destination; the
                platform also accepts an array of destinations to ring at once, which is not
                served.
            from_: The caller id presented to the destination, a +E.164 number.
            from_display_name: The caller id name (SIP From Display Name) presented to the
                destination: at most 128 characters.
            connection_id: The id of the Call Control Application the call belongs to: its
                webhooks go to that application's URL. Unknown: 422 (code 10015). Toolkit
                choice: at most 256 characters.
            audio_url: A WAV or MP3 file played to the callee when the call is answered.
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
            link_to: Another call's `call_control_id`: the new call shares its
                `call_session_id`. Unknown: 422 (code 90015). Toolkit choice: at most 256
                characters.
            park_after_unbridge: What happens to this leg when the bridge ends (the other leg
                hangs up or is transferred): `self` parks it. When absent, the leg hangs up.
                Toolkit choice: the platform declares a free string and documents only `self`.
            sip_auth_username: SIP Authentication username used for SIP challenges.
            sip_auth_password: SIP Authentication password used for SIP challenges.
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
            1. call.initiated
            2. one of call.answered, call.hangup
            3. call.machine.detection.ended (optional, when machine_detection)
            4. call.machine.greeting.ended (optional, when machine_greeting)
            5. one of streaming.started, streaming.failed (optional, when streaming)
        """
        return self._client.request(
            "POST",
            "/v2/calls",
            body={
                "to": to,
                "from": from_,
                "from_display_name": from_display_name,
                "connection_id": connection_id,
                "audio_url": audio_url,
                "timeout_secs": timeout_secs,
                "time_limit_secs": time_limit_secs,
                "answering_machine_detection": answering_machine_detection,
                "custom_headers": custom_headers,
                "sip_headers": sip_headers,
                "link_to": link_to,
                "park_after_unbridge": park_after_unbridge,
                "sip_auth_username": sip_auth_username,
                "sip_auth_password": sip_auth_password,
                "record": record,
                "record_channels": record_channels,
                "record_format": record_format,
                "record_max_length": record_max_length,
                "record_track": record_track,
                "record_custom_file_name": record_custom_file_name,
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
            cast_to=DialResponse2,
        )

    def retrieve_status(
        self,
        call_control_id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CallStatusResponse:
        """Retrieve a call status

        The status of a call: whether it is alive, when it started and ended, how long it
        lasted. A call that has ended can be read for 10 minutes; after that it answers 404.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "GET",
            f"/v2/calls/{path_param(call_control_id)}",
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=CallStatusResponse,
        )


class AsyncV2Calls(AsyncAPIResource):
    """Dial calls and read their status."""

    @cached_property
    def with_raw_response(self) -> AsyncV2CallsWithRawResponse:
        """The same methods, answering with the HTTP response (:class:`APIResponse`)."""
        return AsyncV2CallsWithRawResponse(AsyncV2Calls(self._client._with_raw_response()))

    @property
    def actions(self) -> AsyncV2CallActions:
        """Send commands to a call."""
        return self._client._resource(AsyncV2CallActions)

    @sends_webhooks(DIAL_WEBHOOKS)
    async def dial(
        self,
        *,
        to: str,
        from_: str,
        connection_id: str,
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
        link_to: str | NotGiven = NOT_GIVEN,
        park_after_unbridge: Literal["self"] | NotGiven = NOT_GIVEN,
        sip_auth_username: str | NotGiven = NOT_GIVEN,
        sip_auth_password: str | NotGiven = NOT_GIVEN,
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
        stream_auth_token: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> DialResponse2:
        """Dial

        Dial a number or SIP URI from a Call Control Application (`connection_id`). The answer
        carries the new call's `call_control_id`, used to send it commands, and its
        `call_leg_id`, which correlates it with the webhooks that follow. `is_alive` is always
        false here: dialling is asynchronous.

        With `answering_machine_detection`, the answered call also receives
        `call.machine.detection.ended` and, for `detect_beep` and `greeting_end`,
        `call.machine.greeting.ended`. With `stream_url`, media streaming starts on answer. With
        `record: record-from-answer`, recording starts on answer and the answer carries its
        `recording_id`.

        Toolkit choice: of the webhooks the official page lists, `call.hold` and `call.unhold`
        (the hold commands), `call.machine.premium.detection.ended` and
        `call.machine.premium.greeting.ended` (premium detection),
        `call.deepfake_detection.result` and `call.deepfake_detection.error` (deepfake
        detection) are not served; a stream starts (`streaming.started`) or fails
        (`streaming.failed`), and `streaming.stopped` is sent by `streaming_stop`.

        Args:
            to: The DID (+E.164) or SIP URI to dial. Toolkit choice: one destination; the
                platform also accepts an array of destinations to ring at once, which is not
                served.
            from_: The caller id presented to the destination, a +E.164 number.
            from_display_name: The caller id name (SIP From Display Name) presented to the
                destination: at most 128 characters.
            connection_id: The id of the Call Control Application the call belongs to: its
                webhooks go to that application's URL. Unknown: 422 (code 10015). Toolkit
                choice: at most 256 characters.
            audio_url: A WAV or MP3 file played to the callee when the call is answered.
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
            link_to: Another call's `call_control_id`: the new call shares its
                `call_session_id`. Unknown: 422 (code 90015). Toolkit choice: at most 256
                characters.
            park_after_unbridge: What happens to this leg when the bridge ends (the other leg
                hangs up or is transferred): `self` parks it. When absent, the leg hangs up.
                Toolkit choice: the platform declares a free string and documents only `self`.
            sip_auth_username: SIP Authentication username used for SIP challenges.
            sip_auth_password: SIP Authentication password used for SIP challenges.
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
            1. call.initiated
            2. one of call.answered, call.hangup
            3. call.machine.detection.ended (optional, when machine_detection)
            4. call.machine.greeting.ended (optional, when machine_greeting)
            5. one of streaming.started, streaming.failed (optional, when streaming)
        """
        return await self._client.request(
            "POST",
            "/v2/calls",
            body={
                "to": to,
                "from": from_,
                "from_display_name": from_display_name,
                "connection_id": connection_id,
                "audio_url": audio_url,
                "timeout_secs": timeout_secs,
                "time_limit_secs": time_limit_secs,
                "answering_machine_detection": answering_machine_detection,
                "custom_headers": custom_headers,
                "sip_headers": sip_headers,
                "link_to": link_to,
                "park_after_unbridge": park_after_unbridge,
                "sip_auth_username": sip_auth_username,
                "sip_auth_password": sip_auth_password,
                "record": record,
                "record_channels": record_channels,
                "record_format": record_format,
                "record_max_length": record_max_length,
                "record_track": record_track,
                "record_custom_file_name": record_custom_file_name,
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
            cast_to=DialResponse2,
        )

    async def retrieve_status(
        self,
        call_control_id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CallStatusResponse:
        """Retrieve a call status

        The status of a call: whether it is alive, when it started and ended, how long it
        lasted. A call that has ended can be read for 10 minutes; after that it answers 404.

        Args:
            call_control_id: Unique identifier and token for controlling the call, as given by
                dial, by the call's webhooks, or by the V1 API (the same call can be controlled
                through both). An opaque string.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "GET",
            f"/v2/calls/{path_param(call_control_id)}",
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=CallStatusResponse,
        )


class V2CallsWithRawResponse:
    """The methods of :class:`V2Calls`, answering with the HTTP response instead."""

    def __init__(self, resource: V2Calls) -> None:
        self.dial = raw_response_wrapper(resource.dial)
        self.retrieve_status = raw_response_wrapper(resource.retrieve_status)


class AsyncV2CallsWithRawResponse:
    """The methods of :class:`AsyncV2Calls`, answering with the HTTP response instead."""

    def __init__(self, resource: AsyncV2Calls) -> None:
        self.dial = async_raw_response_wrapper(resource.dial)
        self.retrieve_status = async_raw_response_wrapper(resource.retrieve_status)
