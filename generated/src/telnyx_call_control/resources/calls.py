"""Dial calls and send commands to them."""

from __future__ import annotations

from functools import cached_property
from typing import Final, Literal

import httpx

from .._base_client import AsyncAPIResource, SyncAPIResource, path_param
from .._response import async_raw_response_wrapper, raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven, WebhookStep, sends_webhooks
from ..models import CommandResult, CustomSipHeader, DialResponse

__all__ = [
    "AsyncCalls",
    "AsyncCallsWithRawResponse",
    "Calls",
    "CallsWithRawResponse",
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
)
"""The webhooks ``dial`` makes the platform send, in order."""
ANSWER_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.answered",),
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
FORK_START_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``fork_start`` makes the platform send, in order."""
FORK_STOP_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``fork_stop`` makes the platform send, in order."""
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
PLAYBACK_START_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.playback.started",),
    ),
    WebhookStep(
        events=("call.playback.ended",),
    ),
)
"""The webhooks ``playback_start`` makes the platform send, in order."""
PLAYBACK_STOP_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=(
            "call.playback.ended",
            "call.speak.ended",
        ),
    ),
)
"""The webhooks ``playback_stop`` makes the platform send, in order."""
RECORD_START_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``record_start`` makes the platform send, in order."""
RECORD_STOP_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.recording.saved",),
    ),
)
"""The webhooks ``record_stop`` makes the platform send, in order."""
REJECT_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.hangup",),
    ),
)
"""The webhooks ``reject`` makes the platform send, in order."""
SEND_DTMF_WEBHOOKS: Final[tuple[WebhookStep, ...]] = ()
"""The webhooks ``send_dtmf`` makes the platform send, in order."""
SPEAK_WEBHOOKS: Final[tuple[WebhookStep, ...]] = (
    WebhookStep(
        events=("call.speak.started",),
    ),
    WebhookStep(
        events=("call.speak.ended",),
    ),
)
"""The webhooks ``speak`` makes the platform send, in order."""
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
)
"""The webhooks ``transfer`` makes the platform send, in order."""


class Calls(SyncAPIResource):
    """Dial calls and send commands to them."""

    @cached_property
    def with_raw_response(self) -> CallsWithRawResponse:
        """The same methods, answering with the HTTP response (:class:`APIResponse`)."""
        return CallsWithRawResponse(Calls(self._client._with_raw_response()))

    @sends_webhooks(DIAL_WEBHOOKS)
    def dial(
        self,
        *,
        to: str,
        from_: str,
        connection_id: str,
        audio_url: str | NotGiven = NOT_GIVEN,
        timeout_secs: int | NotGiven = NOT_GIVEN,
        time_limit_secs: int | NotGiven = NOT_GIVEN,
        answering_machine_detection: bool | NotGiven = NOT_GIVEN,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        link_to: str | NotGiven = NOT_GIVEN,
        sip_auth_username: str | NotGiven = NOT_GIVEN,
        sip_auth_password: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> DialResponse:
        """Dial

        Dial a number or SIP URI from a given connection. A successful response includes a
        `call_control_id`, which is used to send commands to the new call.

        Expected webhooks (seed): Call_initiated. You will receive either a Call_answered
        webhook or a Call_hangup webhook.

        Args:
            to: The DID or SIP URI to dial out and bridge to the given call.
            from_: The `from` number to be used as the caller id presented to the destination
                (`to` number). The number should be in +E164 format.
            connection_id: The ID of the Call Control App (formerly ID of the connection) to be
                used when dialing the destination.
            audio_url: The URL of a file to be played back to the callee when the call is
                answered. The URL can point to either a WAV or MP3 file.
            timeout_secs: The number of seconds that Telnyx will wait for the call to be
                answered by the destination to which it is being called. If the timeout is
                reached before an answer is received, the call will hangup and a `call.hangup`
                webhook with a `hangup_cause` of `timeout` will be sent. Minimum value is 5
                seconds. Maximum value is 120 seconds.
            time_limit_secs: Sets the maximum duration of a Call Control Leg in seconds. If the
                time limit is reached, the call will hangup and a `call.hangup` webhook with a
                `hangup_cause` of `time_limit` will be sent. The default and maximum are 14400
                seconds (4 hours). Toolkit choice: the minimum of 30 seconds is the one Telnyx's
                later schema sets.
            answering_machine_detection: Enables answering machine detection. Toolkit choice:
                the V1-era boolean; later versions made it a string enum (`detect`, `disabled`,
                ...). Machine-detection webhooks are outside the seed and are not described
                here.
            custom_headers: Custom headers to be added to the SIP INVITE.
            link_to: Use another call's control id for sharing the same call session id.
            sip_auth_username: SIP Authentication username used for SIP challenges.
            sip_auth_password: SIP Authentication password used for SIP challenges.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.initiated
            2. one of call.answered, call.hangup
        """
        return self._client.request(
            "POST",
            "/calls",
            body={
                "to": to,
                "from": from_,
                "connection_id": connection_id,
                "audio_url": audio_url,
                "timeout_secs": timeout_secs,
                "time_limit_secs": time_limit_secs,
                "answering_machine_detection": answering_machine_detection,
                "custom_headers": custom_headers,
                "link_to": link_to,
                "sip_auth_username": sip_auth_username,
                "sip_auth_password": sip_auth_password,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=DialResponse,
        )

    @sends_webhooks(ANSWER_WEBHOOKS)
    def answer(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Answer call

        Answer an incoming call. Only a call that has not been answered yet (state `parked`) can
        be answered.

        Expected webhooks (seed): Call_answered

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.answered
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/answer",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(BRIDGE_WEBHOOKS)
    def bridge(
        self,
        call_control_id: str,
        *,
        body_call_control_id: str,
        park_after_unbridge: Literal["self"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Bridge call

        Bridge two answered call legs: the leg in the path (leg A) and the leg named by the
        body's `call_control_id` (leg B).

        Expected webhooks (seed): Call_bridged for Leg A, Call_bridged for Leg B

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            body_call_control_id: The Call Control ID of the call you want to bridge with (leg
                B).
            park_after_unbridge: Specifies behavior after the bridge ends (i.e. the opposite leg
                either hangs up or is transferred). If supplied with the value `self`, the
                current leg will be parked after unbridge. If not set, the default behavior is
                to hang up the leg.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.bridged
            2. call.bridged (on the other leg)
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/bridge",
            body={
                "call_control_id": body_call_control_id,
                "park_after_unbridge": park_after_unbridge,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(FORK_START_WEBHOOKS)
    def fork_start(
        self,
        call_control_id: str,
        *,
        target: str | NotGiven = NOT_GIVEN,
        rx: str | NotGiven = NOT_GIVEN,
        tx: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Forking start

        Stream the call's media (RTP) to the given UDP targets.

        Toolkit choice: the V1 seed says forking produces no webhooks; the V2 API later added
        `call.fork.started` and `call.fork.stopped`. This document follows the seed.

        Expected webhooks (seed): There are no webhooks associated with this command.

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            target: The network target, `udp:ip_address:port`, where the call's RTP media
                packets should be forwarded. Both incoming and outgoing media packets will be
                delivered to the specified target, and information about the stream will be
                included in the encapsulation protocol header, including the direction (0 =
                inbound; 1 = outbound), leg (0 = A-leg; 1 = B-leg), and call_leg_id.
            rx: The network target, `udp:ip_address:port`, where the call's incoming RTP media
                packets should be forwarded.
            tx: The network target, `udp:ip_address:port`, where the call's outgoing RTP media
                packets should be forwarded.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/fork_start",
            body={
                "target": target,
                "rx": rx,
                "tx": tx,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(FORK_STOP_WEBHOOKS)
    def fork_stop(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Forking stop

        Stop forking the call's media. A call that is not being forked answers 422 (code 90031).

        Expected webhooks (seed): There are no webhooks associated with this command.

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/fork_stop",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
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
    ) -> CommandResult:
        """Gather using audio

        Play an audio file on the call until the required DTMF signals are gathered to build
        interactive menus.

        Expected webhooks (seed): Playback_started, Playback_ended, DTMF (you may receive many
        of these webhooks), Gather ended

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            audio_url: The URL of a file to be played back at the beginning of each prompt. The
                URL can point to either a WAV or MP3 file.
            invalid_audio_url: The URL of a file to play when digits don't match the
                `valid_digits` parameter or the number of digits is not between `minimum_digits`
                and `maximum_digits`. The URL can point to either a WAV or MP3 file.
            minimum_digits: The minimum number of digits to fetch. This parameter has a minimum
                value of 1.
            maximum_digits: The maximum number of digits to fetch. This parameter has a maximum
                value of 128.
            maximum_tries: The maximum number of times the file should be played if there is no
                input from the user on the call. At most 2147483647 (the platform's int32).
            timeout_millis: The number of milliseconds to wait for a DTMF response after file
                playback ends before a replaying the sound file. At most 2147483647 (the
                platform's int32).
            terminating_digit: The digit used to terminate input if fewer than `maximum_digits`
                digits have been gathered.
            valid_digits: A list of all digits accepted as valid.
            inter_digit_timeout_millis: The number of milliseconds to wait for input between
                digits. At most 2147483647 (the platform's int32).
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
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
            f"/calls/{path_param(call_control_id)}/actions/gather_using_audio",
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
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(GATHER_USING_SPEAK_WEBHOOKS)
    def gather_using_speak(
        self,
        call_control_id: str,
        *,
        payload: str,
        voice: Literal["male", "female"],
        language: Literal[
            "de-DE",
            "en-AU",
            "en-GB",
            "en-US",
            "es-ES",
            "fr-CA",
            "fr-FR",
            "it-IT",
            "ja-JP",
            "ko-KR",
            "nl-NL",
            "pt-BR",
            "sv-SE",
            "tr-TR",
        ],
        invalid_payload: str | NotGiven = NOT_GIVEN,
        payload_type: Literal["text", "ssml"] | NotGiven = NOT_GIVEN,
        service_level: Literal["basic", "premium"] | NotGiven = NOT_GIVEN,
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
    ) -> CommandResult:
        """Gather using speak

        Convert text to speech and play it on the call until the required DTMF signals are
        gathered to build interactive menus.

        Expected webhooks (seed): DTMF (you may receive many of these webhooks), Gather ended

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            payload: The text or SSML to be converted into speech. There is a 5,000 character
                limit.
            invalid_payload: The text or SSML to be converted into speech when digits don't
                match the `valid_digits` parameter or the number of digits is not between
                `minimum_digits` and `maximum_digits`. There is a 5,000 character limit.
            payload_type: The type of the provided payload. The payload can either be plain
                text, or Speech Synthesis Markup Language (SSML).
            service_level: This parameter impacts speech quality, language options and payload
                types. When using `basic`, only the `en-US` language and payload type `text` are
                allowed.
            voice: The gender of the voice used to speak back the text.
            language: The language you want spoken.
            minimum_digits: The minimum number of digits to fetch. This parameter has a minimum
                value of 1.
            maximum_digits: The maximum number of digits to fetch. This parameter has a maximum
                value of 128.
            maximum_tries: The maximum number of times the file should be played if there is no
                input from the user on the call. At most 2147483647 (the platform's int32).
            timeout_millis: The number of milliseconds to wait for a DTMF response after file
                playback ends before a replaying the sound file. At most 2147483647 (the
                platform's int32).
            terminating_digit: The digit used to terminate input if fewer than `maximum_digits`
                digits have been gathered.
            valid_digits: A list of all digits accepted as valid.
            inter_digit_timeout_millis: The number of milliseconds to wait for input between
                digits. At most 2147483647 (the platform's int32).
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.dtmf.received (zero or more times)
            2. call.gather.ended
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/gather_using_speak",
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
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(HANGUP_WEBHOOKS)
    def hangup(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Hangup

        Hang up the call.

        Expected webhooks (seed): Call hangup, Recording saved (Only applies if the call is
        being recorded)

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.hangup
            2. call.recording.saved (optional, when recording)
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/hangup",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(PLAYBACK_START_WEBHOOKS)
    def playback_start(
        self,
        call_control_id: str,
        *,
        audio_url: str,
        loop: int | str | NotGiven = NOT_GIVEN,
        overlay: bool | NotGiven = NOT_GIVEN,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        target_legs: Literal["self", "opposite", "both"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Play audio url

        Play an audio file (WAV or MP3) on the call.

        Expected webhooks (seed): Playback_started, Playback_ended

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            audio_url: The URL of the file to be played back on the call. The URL can point to
                either a WAV or MP3 file.
            loop: The number of times the audio file should be played, 1 to 100, or `infinity`
                to play it until stopped.

                Toolkit choice: the V1-era schema declared a string with the integer default 1;
                both an integer 1-100 and the strings "1".."100" and "infinity" are accepted.
            overlay: When enabled, audio will be mixed on top of any other audio that is
                actively being played back. Note that `overlay: true` will only work if there is
                another audio file already being played on the call. Toolkit choice: a boolean
                (the V1-era schema gave its default and example as the strings "false" and
                "true").
            stop: When specified, it stops the current audio being played. Specify `current` to
                stop the current audio being played, and to play the next file in the queue.
                Specify `all` to stop the current audio file being played and to also clear all
                audio files from the queue. Default: none (nothing is stopped).
            target_legs: Specifies the leg or legs on which audio will be played.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.playback.started
            2. call.playback.ended
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/playback_start",
            body={
                "audio_url": audio_url,
                "loop": loop,
                "overlay": overlay,
                "stop": stop,
                "target_legs": target_legs,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(PLAYBACK_STOP_WEBHOOKS)
    def playback_stop(
        self,
        call_control_id: str,
        *,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Playback stop command

        Stop the audio (or speech) being played on the call.

        Toolkit choice: when nothing is being played, the command is answered 200 and produces
        no webhook.

        Expected webhooks (seed): You will either receive a Playback_ended webhook or a Speak
        ended webhook

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            stop: Use `current` to stop only the current audio or `all` to stop all audios in
                the queue.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. one of call.playback.ended, call.speak.ended
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/playback_stop",
            body={
                "stop": stop,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(RECORD_START_WEBHOOKS)
    def record_start(
        self,
        call_control_id: str,
        *,
        format: Literal["wav", "mp3"],
        channels: Literal["single", "dual"],
        play_beep: bool | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Recording start

        Start recording the call. The recording is delivered by `call.recording.saved` after
        `record_stop`, or after the call hangs up.

        Expected webhooks (seed): There are no webhooks associated with this command.

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            format: The audio file format used when storing the call recording. Can be either
                `mp3` or `wav`.
            channels: When `dual`, final audio file will be stereo recorded with the first leg
                on channel A, and the rest on channel B.
            play_beep: If enabled, a beep sound will be played at the start of a recording.
                Toolkit choice: the sources give no default; false.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/record_start",
            body={
                "format": format,
                "channels": channels,
                "play_beep": play_beep,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(RECORD_STOP_WEBHOOKS)
    def record_stop(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Recording stop

        Stop recording the call. A call that is not being recorded answers 422.

        Expected webhooks (seed): Recording saved

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.recording.saved
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/record_stop",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(REJECT_WEBHOOKS)
    def reject(
        self,
        call_control_id: str,
        *,
        cause: Literal["CALL_REJECTED", "USER_BUSY"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Reject call

        Reject an incoming call that has not been answered.

        Expected webhooks (seed): Call hangup

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            cause: Cause for call rejection.

                Toolkit choice: whether V1 `reject` took `cause` is unconfirmed (the October
                2019 spec has none; Telnyx added it in February 2020 with a default, "none",
                that is outside its own enum, and later made it required). Here it is optional
                with default `CALL_REJECTED`. The call's `call.hangup` carries `hangup_cause`
                `call_rejected` or `user_busy` accordingly.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.hangup
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/reject",
            body={
                "cause": cause,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
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
    ) -> CommandResult:
        """Send DTMF

        Send DTMF tones from this leg to the other party.

        Expected webhooks (seed): There are no webhooks associated with this command.

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            digits: DTMF digits to send. Valid digits are 0-9, A-D, *, and #. Pauses can be
                added using w (0.5s) and W (1s).
            duration_millis: Specifies for how many milliseconds each digit will be played in
                the audio stream. Ranges from 100 to 500ms.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/send_dtmf",
            body={
                "digits": digits,
                "duration_millis": duration_millis,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(SPEAK_WEBHOOKS)
    def speak(
        self,
        call_control_id: str,
        *,
        payload: str,
        voice: Literal["male", "female"],
        language: Literal[
            "de-DE",
            "en-AU",
            "en-GB",
            "en-US",
            "es-ES",
            "fr-CA",
            "fr-FR",
            "it-IT",
            "ja-JP",
            "ko-KR",
            "nl-NL",
            "pt-BR",
            "sv-SE",
            "tr-TR",
        ],
        payload_type: Literal["text", "ssml"] | NotGiven = NOT_GIVEN,
        service_level: Literal["basic", "premium"] | NotGiven = NOT_GIVEN,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Speak text

        Convert text to speech and play it on the call.

        Expected webhooks (seed): Speak started, Speak ended

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            payload: The text or SSML to be converted into speech. There is a 5,000 character
                limit.
            payload_type: The type of the provided payload. The payload can either be plain
                text, or Speech Synthesis Markup Language (SSML).
            service_level: This parameter impacts speech quality, language options and payload
                types. When using `basic`, only the `en-US` language and payload type `text` are
                allowed.
            stop: When specified, it stops the current audio being played. Specify `current` to
                stop the current audio being played, and to play the next file in the queue.
                Specify `all` to stop the current audio file being played and to also clear all
                audio files from the queue.
            voice: The gender of the voice used to speak back the text.
            language: The language you want spoken.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.speak.started
            2. call.speak.ended
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/speak",
            body={
                "payload": payload,
                "payload_type": payload_type,
                "service_level": service_level,
                "stop": stop,
                "voice": voice,
                "language": language,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(TRANSFER_WEBHOOKS)
    def transfer(
        self,
        call_control_id: str,
        *,
        to: str,
        from_: str | NotGiven = NOT_GIVEN,
        audio_url: str | NotGiven = NOT_GIVEN,
        timeout_secs: int | NotGiven = NOT_GIVEN,
        time_limit_secs: int | NotGiven = NOT_GIVEN,
        answering_machine_detection: bool | NotGiven = NOT_GIVEN,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        sip_auth_username: str | NotGiven = NOT_GIVEN,
        sip_auth_password: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Transfer call

        Transfer the call to a new destination. A new leg (leg B) is dialled; if it answers it
        replaces this leg's far end.

        Expected webhooks (seed): Call initiated, Call_bridged for Leg B, You will receive
        either a Call_answered webhook or a Call_hangup webhook.

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            to: The DID or SIP URI to dial out and bridge to the given call.
            from_: The `from` number to be used as the caller id presented to the destination
                (`to` number). The number should be in +E164 format. This attribute will default
                to the `from` number of the original call if omitted. Toolkit choice: the V1-era
                rule (the original call's `from`); since 2023 Telnyx documents the original
                call's `to` instead.
            audio_url: The URL of a file to be played back when the transfer destination answers
                before bridging the call. The URL can point to either a WAV or MP3 file.
            timeout_secs: The number of seconds that Telnyx will wait for the call to be
                answered by the destination to which it is being called. If the timeout is
                reached before an answer is received, the call will hangup and a `call.hangup`
                webhook with a `hangup_cause` of `timeout` will be sent. Minimum value is 5
                seconds. Maximum value is 120 seconds.
            time_limit_secs: Sets the maximum duration of a Call Control Leg in seconds. If the
                time limit is reached, the call will hangup and a `call.hangup` webhook with a
                `hangup_cause` of `time_limit` will be sent. The default and maximum are 14400
                seconds (4 hours). Toolkit choice: the minimum of 30 seconds is the one Telnyx's
                later schema sets.
            answering_machine_detection: Enables answering machine detection. Toolkit choice:
                the V1-era boolean; later versions made it a string enum (`detect`, `disabled`,
                ...). Machine-detection webhooks are outside the seed and are not described
                here.
            custom_headers: Custom headers to be added to the SIP INVITE.
            sip_auth_username: SIP Authentication username used for SIP challenges.
            sip_auth_password: SIP Authentication password used for SIP challenges.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.initiated (on the new leg)
            2. call.bridged (on the new leg)
            3. one of call.answered, call.hangup (on the new leg)
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/transfer",
            body={
                "to": to,
                "from": from_,
                "audio_url": audio_url,
                "timeout_secs": timeout_secs,
                "time_limit_secs": time_limit_secs,
                "answering_machine_detection": answering_machine_detection,
                "custom_headers": custom_headers,
                "sip_auth_username": sip_auth_username,
                "sip_auth_password": sip_auth_password,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )


class AsyncCalls(AsyncAPIResource):
    """Dial calls and send commands to them."""

    @cached_property
    def with_raw_response(self) -> AsyncCallsWithRawResponse:
        """The same methods, answering with the HTTP response (:class:`APIResponse`)."""
        return AsyncCallsWithRawResponse(AsyncCalls(self._client._with_raw_response()))

    @sends_webhooks(DIAL_WEBHOOKS)
    async def dial(
        self,
        *,
        to: str,
        from_: str,
        connection_id: str,
        audio_url: str | NotGiven = NOT_GIVEN,
        timeout_secs: int | NotGiven = NOT_GIVEN,
        time_limit_secs: int | NotGiven = NOT_GIVEN,
        answering_machine_detection: bool | NotGiven = NOT_GIVEN,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        link_to: str | NotGiven = NOT_GIVEN,
        sip_auth_username: str | NotGiven = NOT_GIVEN,
        sip_auth_password: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> DialResponse:
        """Dial

        Dial a number or SIP URI from a given connection. A successful response includes a
        `call_control_id`, which is used to send commands to the new call.

        Expected webhooks (seed): Call_initiated. You will receive either a Call_answered
        webhook or a Call_hangup webhook.

        Args:
            to: The DID or SIP URI to dial out and bridge to the given call.
            from_: The `from` number to be used as the caller id presented to the destination
                (`to` number). The number should be in +E164 format.
            connection_id: The ID of the Call Control App (formerly ID of the connection) to be
                used when dialing the destination.
            audio_url: The URL of a file to be played back to the callee when the call is
                answered. The URL can point to either a WAV or MP3 file.
            timeout_secs: The number of seconds that Telnyx will wait for the call to be
                answered by the destination to which it is being called. If the timeout is
                reached before an answer is received, the call will hangup and a `call.hangup`
                webhook with a `hangup_cause` of `timeout` will be sent. Minimum value is 5
                seconds. Maximum value is 120 seconds.
            time_limit_secs: Sets the maximum duration of a Call Control Leg in seconds. If the
                time limit is reached, the call will hangup and a `call.hangup` webhook with a
                `hangup_cause` of `time_limit` will be sent. The default and maximum are 14400
                seconds (4 hours). Toolkit choice: the minimum of 30 seconds is the one Telnyx's
                later schema sets.
            answering_machine_detection: Enables answering machine detection. Toolkit choice:
                the V1-era boolean; later versions made it a string enum (`detect`, `disabled`,
                ...). Machine-detection webhooks are outside the seed and are not described
                here.
            custom_headers: Custom headers to be added to the SIP INVITE.
            link_to: Use another call's control id for sharing the same call session id.
            sip_auth_username: SIP Authentication username used for SIP challenges.
            sip_auth_password: SIP Authentication password used for SIP challenges.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.initiated
            2. one of call.answered, call.hangup
        """
        return await self._client.request(
            "POST",
            "/calls",
            body={
                "to": to,
                "from": from_,
                "connection_id": connection_id,
                "audio_url": audio_url,
                "timeout_secs": timeout_secs,
                "time_limit_secs": time_limit_secs,
                "answering_machine_detection": answering_machine_detection,
                "custom_headers": custom_headers,
                "link_to": link_to,
                "sip_auth_username": sip_auth_username,
                "sip_auth_password": sip_auth_password,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=DialResponse,
        )

    @sends_webhooks(ANSWER_WEBHOOKS)
    async def answer(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Answer call

        Answer an incoming call. Only a call that has not been answered yet (state `parked`) can
        be answered.

        Expected webhooks (seed): Call_answered

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.answered
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/answer",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(BRIDGE_WEBHOOKS)
    async def bridge(
        self,
        call_control_id: str,
        *,
        body_call_control_id: str,
        park_after_unbridge: Literal["self"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Bridge call

        Bridge two answered call legs: the leg in the path (leg A) and the leg named by the
        body's `call_control_id` (leg B).

        Expected webhooks (seed): Call_bridged for Leg A, Call_bridged for Leg B

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            body_call_control_id: The Call Control ID of the call you want to bridge with (leg
                B).
            park_after_unbridge: Specifies behavior after the bridge ends (i.e. the opposite leg
                either hangs up or is transferred). If supplied with the value `self`, the
                current leg will be parked after unbridge. If not set, the default behavior is
                to hang up the leg.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.bridged
            2. call.bridged (on the other leg)
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/bridge",
            body={
                "call_control_id": body_call_control_id,
                "park_after_unbridge": park_after_unbridge,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(FORK_START_WEBHOOKS)
    async def fork_start(
        self,
        call_control_id: str,
        *,
        target: str | NotGiven = NOT_GIVEN,
        rx: str | NotGiven = NOT_GIVEN,
        tx: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Forking start

        Stream the call's media (RTP) to the given UDP targets.

        Toolkit choice: the V1 seed says forking produces no webhooks; the V2 API later added
        `call.fork.started` and `call.fork.stopped`. This document follows the seed.

        Expected webhooks (seed): There are no webhooks associated with this command.

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            target: The network target, `udp:ip_address:port`, where the call's RTP media
                packets should be forwarded. Both incoming and outgoing media packets will be
                delivered to the specified target, and information about the stream will be
                included in the encapsulation protocol header, including the direction (0 =
                inbound; 1 = outbound), leg (0 = A-leg; 1 = B-leg), and call_leg_id.
            rx: The network target, `udp:ip_address:port`, where the call's incoming RTP media
                packets should be forwarded.
            tx: The network target, `udp:ip_address:port`, where the call's outgoing RTP media
                packets should be forwarded.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/fork_start",
            body={
                "target": target,
                "rx": rx,
                "tx": tx,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(FORK_STOP_WEBHOOKS)
    async def fork_stop(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Forking stop

        Stop forking the call's media. A call that is not being forked answers 422 (code 90031).

        Expected webhooks (seed): There are no webhooks associated with this command.

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/fork_stop",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
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
    ) -> CommandResult:
        """Gather using audio

        Play an audio file on the call until the required DTMF signals are gathered to build
        interactive menus.

        Expected webhooks (seed): Playback_started, Playback_ended, DTMF (you may receive many
        of these webhooks), Gather ended

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            audio_url: The URL of a file to be played back at the beginning of each prompt. The
                URL can point to either a WAV or MP3 file.
            invalid_audio_url: The URL of a file to play when digits don't match the
                `valid_digits` parameter or the number of digits is not between `minimum_digits`
                and `maximum_digits`. The URL can point to either a WAV or MP3 file.
            minimum_digits: The minimum number of digits to fetch. This parameter has a minimum
                value of 1.
            maximum_digits: The maximum number of digits to fetch. This parameter has a maximum
                value of 128.
            maximum_tries: The maximum number of times the file should be played if there is no
                input from the user on the call. At most 2147483647 (the platform's int32).
            timeout_millis: The number of milliseconds to wait for a DTMF response after file
                playback ends before a replaying the sound file. At most 2147483647 (the
                platform's int32).
            terminating_digit: The digit used to terminate input if fewer than `maximum_digits`
                digits have been gathered.
            valid_digits: A list of all digits accepted as valid.
            inter_digit_timeout_millis: The number of milliseconds to wait for input between
                digits. At most 2147483647 (the platform's int32).
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
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
            f"/calls/{path_param(call_control_id)}/actions/gather_using_audio",
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
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(GATHER_USING_SPEAK_WEBHOOKS)
    async def gather_using_speak(
        self,
        call_control_id: str,
        *,
        payload: str,
        voice: Literal["male", "female"],
        language: Literal[
            "de-DE",
            "en-AU",
            "en-GB",
            "en-US",
            "es-ES",
            "fr-CA",
            "fr-FR",
            "it-IT",
            "ja-JP",
            "ko-KR",
            "nl-NL",
            "pt-BR",
            "sv-SE",
            "tr-TR",
        ],
        invalid_payload: str | NotGiven = NOT_GIVEN,
        payload_type: Literal["text", "ssml"] | NotGiven = NOT_GIVEN,
        service_level: Literal["basic", "premium"] | NotGiven = NOT_GIVEN,
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
    ) -> CommandResult:
        """Gather using speak

        Convert text to speech and play it on the call until the required DTMF signals are
        gathered to build interactive menus.

        Expected webhooks (seed): DTMF (you may receive many of these webhooks), Gather ended

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            payload: The text or SSML to be converted into speech. There is a 5,000 character
                limit.
            invalid_payload: The text or SSML to be converted into speech when digits don't
                match the `valid_digits` parameter or the number of digits is not between
                `minimum_digits` and `maximum_digits`. There is a 5,000 character limit.
            payload_type: The type of the provided payload. The payload can either be plain
                text, or Speech Synthesis Markup Language (SSML).
            service_level: This parameter impacts speech quality, language options and payload
                types. When using `basic`, only the `en-US` language and payload type `text` are
                allowed.
            voice: The gender of the voice used to speak back the text.
            language: The language you want spoken.
            minimum_digits: The minimum number of digits to fetch. This parameter has a minimum
                value of 1.
            maximum_digits: The maximum number of digits to fetch. This parameter has a maximum
                value of 128.
            maximum_tries: The maximum number of times the file should be played if there is no
                input from the user on the call. At most 2147483647 (the platform's int32).
            timeout_millis: The number of milliseconds to wait for a DTMF response after file
                playback ends before a replaying the sound file. At most 2147483647 (the
                platform's int32).
            terminating_digit: The digit used to terminate input if fewer than `maximum_digits`
                digits have been gathered.
            valid_digits: A list of all digits accepted as valid.
            inter_digit_timeout_millis: The number of milliseconds to wait for input between
                digits. At most 2147483647 (the platform's int32).
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.dtmf.received (zero or more times)
            2. call.gather.ended
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/gather_using_speak",
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
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(HANGUP_WEBHOOKS)
    async def hangup(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Hangup

        Hang up the call.

        Expected webhooks (seed): Call hangup, Recording saved (Only applies if the call is
        being recorded)

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.hangup
            2. call.recording.saved (optional, when recording)
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/hangup",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(PLAYBACK_START_WEBHOOKS)
    async def playback_start(
        self,
        call_control_id: str,
        *,
        audio_url: str,
        loop: int | str | NotGiven = NOT_GIVEN,
        overlay: bool | NotGiven = NOT_GIVEN,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        target_legs: Literal["self", "opposite", "both"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Play audio url

        Play an audio file (WAV or MP3) on the call.

        Expected webhooks (seed): Playback_started, Playback_ended

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            audio_url: The URL of the file to be played back on the call. The URL can point to
                either a WAV or MP3 file.
            loop: The number of times the audio file should be played, 1 to 100, or `infinity`
                to play it until stopped.

                Toolkit choice: the V1-era schema declared a string with the integer default 1;
                both an integer 1-100 and the strings "1".."100" and "infinity" are accepted.
            overlay: When enabled, audio will be mixed on top of any other audio that is
                actively being played back. Note that `overlay: true` will only work if there is
                another audio file already being played on the call. Toolkit choice: a boolean
                (the V1-era schema gave its default and example as the strings "false" and
                "true").
            stop: When specified, it stops the current audio being played. Specify `current` to
                stop the current audio being played, and to play the next file in the queue.
                Specify `all` to stop the current audio file being played and to also clear all
                audio files from the queue. Default: none (nothing is stopped).
            target_legs: Specifies the leg or legs on which audio will be played.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.playback.started
            2. call.playback.ended
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/playback_start",
            body={
                "audio_url": audio_url,
                "loop": loop,
                "overlay": overlay,
                "stop": stop,
                "target_legs": target_legs,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(PLAYBACK_STOP_WEBHOOKS)
    async def playback_stop(
        self,
        call_control_id: str,
        *,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Playback stop command

        Stop the audio (or speech) being played on the call.

        Toolkit choice: when nothing is being played, the command is answered 200 and produces
        no webhook.

        Expected webhooks (seed): You will either receive a Playback_ended webhook or a Speak
        ended webhook

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            stop: Use `current` to stop only the current audio or `all` to stop all audios in
                the queue.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. one of call.playback.ended, call.speak.ended
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/playback_stop",
            body={
                "stop": stop,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(RECORD_START_WEBHOOKS)
    async def record_start(
        self,
        call_control_id: str,
        *,
        format: Literal["wav", "mp3"],
        channels: Literal["single", "dual"],
        play_beep: bool | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Recording start

        Start recording the call. The recording is delivered by `call.recording.saved` after
        `record_stop`, or after the call hangs up.

        Expected webhooks (seed): There are no webhooks associated with this command.

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            format: The audio file format used when storing the call recording. Can be either
                `mp3` or `wav`.
            channels: When `dual`, final audio file will be stereo recorded with the first leg
                on channel A, and the rest on channel B.
            play_beep: If enabled, a beep sound will be played at the start of a recording.
                Toolkit choice: the sources give no default; false.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/record_start",
            body={
                "format": format,
                "channels": channels,
                "play_beep": play_beep,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(RECORD_STOP_WEBHOOKS)
    async def record_stop(
        self,
        call_control_id: str,
        *,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Recording stop

        Stop recording the call. A call that is not being recorded answers 422.

        Expected webhooks (seed): Recording saved

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.recording.saved
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/record_stop",
            body={
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(REJECT_WEBHOOKS)
    async def reject(
        self,
        call_control_id: str,
        *,
        cause: Literal["CALL_REJECTED", "USER_BUSY"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Reject call

        Reject an incoming call that has not been answered.

        Expected webhooks (seed): Call hangup

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            cause: Cause for call rejection.

                Toolkit choice: whether V1 `reject` took `cause` is unconfirmed (the October
                2019 spec has none; Telnyx added it in February 2020 with a default, "none",
                that is outside its own enum, and later made it required). Here it is optional
                with default `CALL_REJECTED`. The call's `call.hangup` carries `hangup_cause`
                `call_rejected` or `user_busy` accordingly.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.hangup
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/reject",
            body={
                "cause": cause,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
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
    ) -> CommandResult:
        """Send DTMF

        Send DTMF tones from this leg to the other party.

        Expected webhooks (seed): There are no webhooks associated with this command.

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            digits: DTMF digits to send. Valid digits are 0-9, A-D, *, and #. Pauses can be
                added using w (0.5s) and W (1s).
            duration_millis: Specifies for how many milliseconds each digit will be played in
                the audio stream. Ranges from 100 to 500ms.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent: none.
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/send_dtmf",
            body={
                "digits": digits,
                "duration_millis": duration_millis,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(SPEAK_WEBHOOKS)
    async def speak(
        self,
        call_control_id: str,
        *,
        payload: str,
        voice: Literal["male", "female"],
        language: Literal[
            "de-DE",
            "en-AU",
            "en-GB",
            "en-US",
            "es-ES",
            "fr-CA",
            "fr-FR",
            "it-IT",
            "ja-JP",
            "ko-KR",
            "nl-NL",
            "pt-BR",
            "sv-SE",
            "tr-TR",
        ],
        payload_type: Literal["text", "ssml"] | NotGiven = NOT_GIVEN,
        service_level: Literal["basic", "premium"] | NotGiven = NOT_GIVEN,
        stop: Literal["current", "all"] | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Speak text

        Convert text to speech and play it on the call.

        Expected webhooks (seed): Speak started, Speak ended

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            payload: The text or SSML to be converted into speech. There is a 5,000 character
                limit.
            payload_type: The type of the provided payload. The payload can either be plain
                text, or Speech Synthesis Markup Language (SSML).
            service_level: This parameter impacts speech quality, language options and payload
                types. When using `basic`, only the `en-US` language and payload type `text` are
                allowed.
            stop: When specified, it stops the current audio being played. Specify `current` to
                stop the current audio being played, and to play the next file in the queue.
                Specify `all` to stop the current audio file being played and to also clear all
                audio files from the queue.
            voice: The gender of the voice used to speak back the text.
            language: The language you want spoken.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.speak.started
            2. call.speak.ended
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/speak",
            body={
                "payload": payload,
                "payload_type": payload_type,
                "service_level": service_level,
                "stop": stop,
                "voice": voice,
                "language": language,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )

    @sends_webhooks(TRANSFER_WEBHOOKS)
    async def transfer(
        self,
        call_control_id: str,
        *,
        to: str,
        from_: str | NotGiven = NOT_GIVEN,
        audio_url: str | NotGiven = NOT_GIVEN,
        timeout_secs: int | NotGiven = NOT_GIVEN,
        time_limit_secs: int | NotGiven = NOT_GIVEN,
        answering_machine_detection: bool | NotGiven = NOT_GIVEN,
        custom_headers: list[CustomSipHeader] | NotGiven = NOT_GIVEN,
        sip_auth_username: str | NotGiven = NOT_GIVEN,
        sip_auth_password: str | NotGiven = NOT_GIVEN,
        client_state: str | NotGiven = NOT_GIVEN,
        command_id: str | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CommandResult:
        """Transfer call

        Transfer the call to a new destination. A new leg (leg B) is dialled; if it answers it
        replaces this leg's far end.

        Expected webhooks (seed): Call initiated, Call_bridged for Leg B, You will receive
        either a Call_answered webhook or a Call_hangup webhook.

        Args:
            call_control_id: Unique identifier and token for controlling the call. An opaque
                string: V1 ids look like Base64, V2 ids carry a `v2:` or `v3:` prefix.
            to: The DID or SIP URI to dial out and bridge to the given call.
            from_: The `from` number to be used as the caller id presented to the destination
                (`to` number). The number should be in +E164 format. This attribute will default
                to the `from` number of the original call if omitted. Toolkit choice: the V1-era
                rule (the original call's `from`); since 2023 Telnyx documents the original
                call's `to` instead.
            audio_url: The URL of a file to be played back when the transfer destination answers
                before bridging the call. The URL can point to either a WAV or MP3 file.
            timeout_secs: The number of seconds that Telnyx will wait for the call to be
                answered by the destination to which it is being called. If the timeout is
                reached before an answer is received, the call will hangup and a `call.hangup`
                webhook with a `hangup_cause` of `timeout` will be sent. Minimum value is 5
                seconds. Maximum value is 120 seconds.
            time_limit_secs: Sets the maximum duration of a Call Control Leg in seconds. If the
                time limit is reached, the call will hangup and a `call.hangup` webhook with a
                `hangup_cause` of `time_limit` will be sent. The default and maximum are 14400
                seconds (4 hours). Toolkit choice: the minimum of 30 seconds is the one Telnyx's
                later schema sets.
            answering_machine_detection: Enables answering machine detection. Toolkit choice:
                the V1-era boolean; later versions made it a string enum (`detect`, `disabled`,
                ...). Machine-detection webhooks are outside the seed and are not described
                here.
            custom_headers: Custom headers to be added to the SIP INVITE.
            sip_auth_username: SIP Authentication username used for SIP challenges.
            sip_auth_password: SIP Authentication password used for SIP challenges.
            client_state: Use this field to add state to every subsequent webhook. It must be a
                valid Base64 string. It is echoed, as given, in the webhooks that follow the
                command. Toolkit choice: at most 4096 characters; the platform documents no
                limit.
            command_id: Use this field to avoid duplicate commands. Telnyx will ignore any
                command with the same `command_id` for the same `call_control_id` within 60
                seconds: it is answered 200 and does nothing (no second set of webhooks).
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.

        Webhooks sent, in order:
            1. call.initiated (on the new leg)
            2. call.bridged (on the new leg)
            3. one of call.answered, call.hangup (on the new leg)
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/actions/transfer",
            body={
                "to": to,
                "from": from_,
                "audio_url": audio_url,
                "timeout_secs": timeout_secs,
                "time_limit_secs": time_limit_secs,
                "answering_machine_detection": answering_machine_detection,
                "custom_headers": custom_headers,
                "sip_auth_username": sip_auth_username,
                "sip_auth_password": sip_auth_password,
                "client_state": client_state,
                "command_id": command_id,
            },
            security=(("basic_auth",),),
            idempotent=True,
            idempotency_field="command_id",
            timeout=timeout,
            cast_to=CommandResult,
        )


class CallsWithRawResponse:
    """The methods of :class:`Calls`, answering with the HTTP response instead."""

    def __init__(self, resource: Calls) -> None:
        self.dial = raw_response_wrapper(resource.dial)
        self.answer = raw_response_wrapper(resource.answer)
        self.bridge = raw_response_wrapper(resource.bridge)
        self.fork_start = raw_response_wrapper(resource.fork_start)
        self.fork_stop = raw_response_wrapper(resource.fork_stop)
        self.gather_using_audio = raw_response_wrapper(resource.gather_using_audio)
        self.gather_using_speak = raw_response_wrapper(resource.gather_using_speak)
        self.hangup = raw_response_wrapper(resource.hangup)
        self.playback_start = raw_response_wrapper(resource.playback_start)
        self.playback_stop = raw_response_wrapper(resource.playback_stop)
        self.record_start = raw_response_wrapper(resource.record_start)
        self.record_stop = raw_response_wrapper(resource.record_stop)
        self.reject = raw_response_wrapper(resource.reject)
        self.send_dtmf = raw_response_wrapper(resource.send_dtmf)
        self.speak = raw_response_wrapper(resource.speak)
        self.transfer = raw_response_wrapper(resource.transfer)


class AsyncCallsWithRawResponse:
    """The methods of :class:`AsyncCalls`, answering with the HTTP response instead."""

    def __init__(self, resource: AsyncCalls) -> None:
        self.dial = async_raw_response_wrapper(resource.dial)
        self.answer = async_raw_response_wrapper(resource.answer)
        self.bridge = async_raw_response_wrapper(resource.bridge)
        self.fork_start = async_raw_response_wrapper(resource.fork_start)
        self.fork_stop = async_raw_response_wrapper(resource.fork_stop)
        self.gather_using_audio = async_raw_response_wrapper(resource.gather_using_audio)
        self.gather_using_speak = async_raw_response_wrapper(resource.gather_using_speak)
        self.hangup = async_raw_response_wrapper(resource.hangup)
        self.playback_start = async_raw_response_wrapper(resource.playback_start)
        self.playback_stop = async_raw_response_wrapper(resource.playback_stop)
        self.record_start = async_raw_response_wrapper(resource.record_start)
        self.record_stop = async_raw_response_wrapper(resource.record_stop)
        self.reject = async_raw_response_wrapper(resource.reject)
        self.send_dtmf = async_raw_response_wrapper(resource.send_dtmf)
        self.speak = async_raw_response_wrapper(resource.speak)
        self.transfer = async_raw_response_wrapper(resource.transfer)
