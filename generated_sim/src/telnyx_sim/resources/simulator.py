"""Drive and observe the simulated telephone network."""

from __future__ import annotations

from functools import cached_property
from typing import Literal

import httpx

from .._base_client import AsyncAPIResource, SyncAPIResource, path_param
from .._response import async_raw_response_wrapper, raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven
from ..models import (
    PublicKeyResponse,
    ScriptListResponse,
    ScriptResponse,
    SimCallResponse,
    WebhookListResponse,
)

__all__ = [
    "AsyncSimulator",
    "AsyncSimulatorWithRawResponse",
    "Simulator",
    "SimulatorWithRawResponse",
]


class Simulator(SyncAPIResource):
    """Drive and observe the simulated telephone network."""

    @cached_property
    def with_raw_response(self) -> SimulatorWithRawResponse:
        """The same methods, answering with the HTTP response (:class:`APIResponse`)."""
        return SimulatorWithRawResponse(Simulator(self._client._with_raw_response()))

    def sim_get_public_key(
        self,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PublicKeyResponse:
        """The webhook signing public key

        The Ed25519 public key (Base64 of 32 bytes) that verifies the `telnyx-signature-ed25519`
        header of every webhook this server sends.

        Args:
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "GET",
            "/public_key",
            timeout=timeout,
            cast_to=PublicKeyResponse,
        )

    def sim_start_inbound_call(
        self,
        *,
        connection_id: str,
        from_: str,
        to: str,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """Start an inbound call

        A caller dials a number that routes to the application `connection_id`. The server
        creates the call (direction `incoming`, state `parked`) and sends `call.initiated` to
        the application. An inactive application, or one whose `inbound.channel_limit` is
        reached, takes no call: the answer is 422 and nothing is sent.

        Args:
            connection_id: The application (its `id`) the called number belongs to.
            from_: The caller's number or SIP URI.
            to: The called number or SIP URI.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "POST",
            "/inbound_calls",
            body={
                "connection_id": connection_id,
                "from": from_,
                "to": to,
            },
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    def sim_get_call(
        self,
        call_control_id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """A call's state

        The call as the server sees it, alive or ended.

        Args:
            call_control_id: The call's `call_control_id`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "GET",
            f"/calls/{path_param(call_control_id)}",
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    def sim_list_call_webhooks(
        self,
        call_control_id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> WebhookListResponse:
        """The webhooks of a call

        Every webhook the server created for this call leg, in the order they were created, with
        their delivery state and attempts. `call.recording.saved`, which has no
        `call_control_id`, is listed with the leg it belongs to.

        Args:
            call_control_id: The call's `call_control_id`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "GET",
            f"/calls/{path_param(call_control_id)}/webhooks",
            timeout=timeout,
            cast_to=WebhookListResponse,
        )

    def sim_far_end_answer(
        self,
        call_control_id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """The far end answers

        The called party of an outbound call (dial or transfer) that is still ringing picks up:
        the call is answered and `call.answered` is sent. Any other call answers 422.

        Args:
            call_control_id: The call's `call_control_id`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/answer",
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    def sim_far_end_reject(
        self,
        call_control_id: str,
        *,
        cause: Literal["busy", "rejected"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """The far end rejects

        The called party of a ringing outbound call declines it: the call ends with
        `hangup_cause` `user_busy` (cause `busy`) or `call_rejected` (cause `rejected`).

        Args:
            call_control_id: The call's `call_control_id`.
            cause: `busy` ends the call with `user_busy`, `rejected` with `call_rejected`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/reject",
            body={
                "cause": cause,
            },
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    def sim_far_end_hangup(
        self,
        call_control_id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """The far end hangs up

        The other party (the caller of an inbound call, the called party of an outbound one)
        hangs up. A ringing outbound call ends with `originator_cancel`, any other with
        `normal_clearing`. A call that has ended answers 422.

        Args:
            call_control_id: The call's `call_control_id`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/hangup",
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    def sim_send_dtmf(
        self,
        call_control_id: str,
        *,
        digits: str,
        digit_interval_millis: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """The caller presses keys

        The other party presses keys on an answered call, one digit after the other, each
        `digit_interval_millis` (simulated time) apart. Each digit is sent as
        `call.dtmf.received` and is fed to a running gather.

        Args:
            call_control_id: The call's `call_control_id`.
            digits: The keys, in order.
            digit_interval_millis: Simulated time between two keys.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/dtmf",
            body={
                "digits": digits,
                "digit_interval_millis": digit_interval_millis,
            },
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    def sim_add_script(
        self,
        *,
        to: str,
        outcome: Literal["answer", "busy", "no_answer", "rejected", "early_hangup", "manual"],
        ring_secs: float | NotGiven = NOT_GIVEN,
        hangup_after_secs: float | NotGiven = NOT_GIVEN,
        times: int | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ScriptResponse:
        """Script the far end of outbound calls

        Decide what the called party does when a call (dial or transfer) is placed to `to`.
        Without a script, the far end answers after `ring_secs` (1 simulated second). The newest
        script for a number wins; with `times`, it applies to that many calls and is then
        forgotten.

        Args:
            to: The called number or SIP URI the script applies to.
            outcome: What the called party does: `answer` (after `ring_secs`), `busy` (486,
                `user_busy`), `rejected` (603, `call_rejected`), `no_answer` (rings until the
                call's `timeout_secs`, then `timeout`), `early_hangup` (answers, then hangs up
                `hangup_after_secs` later with `normal_clearing`), `manual` (rings until
                `/calls/{id}/answer`, `/reject` or `/hangup`, or until `timeout_secs`).
            ring_secs: Simulated seconds of ringing before the outcome.
            hangup_after_secs: For `early_hangup`, simulated seconds between answer and hangup.
            times: How many calls the script applies to; null for every call. At most 1000000.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "POST",
            "/scripts",
            body={
                "to": to,
                "outcome": outcome,
                "ring_secs": ring_secs,
                "hangup_after_secs": hangup_after_secs,
                "times": times,
            },
            timeout=timeout,
            cast_to=ScriptResponse,
        )

    def sim_clear_scripts(
        self,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ScriptListResponse:
        """Forget every script

        Every outbound call is answered again after the default ring time.

        Args:
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "DELETE",
            "/scripts",
            timeout=timeout,
            cast_to=ScriptListResponse,
        )

    def sim_list_webhooks(
        self,
        *,
        status: Literal["pending", "delivered", "failed"] | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> WebhookListResponse:
        """Every webhook in the outbox

        The most recent webhooks of every call and account, newest last.

        Args:
            status: Only webhooks in this delivery state.
            limit: The most webhooks to return.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "GET",
            "/webhooks",
            query={
                "status": status,
                "limit": limit,
            },
            timeout=timeout,
            cast_to=WebhookListResponse,
        )

    def sim_get_recording(
        self,
        file_name: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """A recording file

        The audio of a recording, the URL `call.recording.saved` carries in `recording_urls` and
        `public_recording_urls`: `{recording id}.mp3` or `{recording id}.wav`. The audio is
        generated silence of the recording's (simulated) length, at most a few seconds.

        Args:
            file_name: The recording id and the format's extension.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "GET",
            f"/recordings/{path_param(file_name)}",
            timeout=timeout,
            cast_to=bytes,
        )


class AsyncSimulator(AsyncAPIResource):
    """Drive and observe the simulated telephone network."""

    @cached_property
    def with_raw_response(self) -> AsyncSimulatorWithRawResponse:
        """The same methods, answering with the HTTP response (:class:`APIResponse`)."""
        return AsyncSimulatorWithRawResponse(AsyncSimulator(self._client._with_raw_response()))

    async def sim_get_public_key(
        self,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> PublicKeyResponse:
        """The webhook signing public key

        The Ed25519 public key (Base64 of 32 bytes) that verifies the `telnyx-signature-ed25519`
        header of every webhook this server sends.

        Args:
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "GET",
            "/public_key",
            timeout=timeout,
            cast_to=PublicKeyResponse,
        )

    async def sim_start_inbound_call(
        self,
        *,
        connection_id: str,
        from_: str,
        to: str,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """Start an inbound call

        A caller dials a number that routes to the application `connection_id`. The server
        creates the call (direction `incoming`, state `parked`) and sends `call.initiated` to
        the application. An inactive application, or one whose `inbound.channel_limit` is
        reached, takes no call: the answer is 422 and nothing is sent.

        Args:
            connection_id: The application (its `id`) the called number belongs to.
            from_: The caller's number or SIP URI.
            to: The called number or SIP URI.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "POST",
            "/inbound_calls",
            body={
                "connection_id": connection_id,
                "from": from_,
                "to": to,
            },
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    async def sim_get_call(
        self,
        call_control_id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """A call's state

        The call as the server sees it, alive or ended.

        Args:
            call_control_id: The call's `call_control_id`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "GET",
            f"/calls/{path_param(call_control_id)}",
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    async def sim_list_call_webhooks(
        self,
        call_control_id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> WebhookListResponse:
        """The webhooks of a call

        Every webhook the server created for this call leg, in the order they were created, with
        their delivery state and attempts. `call.recording.saved`, which has no
        `call_control_id`, is listed with the leg it belongs to.

        Args:
            call_control_id: The call's `call_control_id`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "GET",
            f"/calls/{path_param(call_control_id)}/webhooks",
            timeout=timeout,
            cast_to=WebhookListResponse,
        )

    async def sim_far_end_answer(
        self,
        call_control_id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """The far end answers

        The called party of an outbound call (dial or transfer) that is still ringing picks up:
        the call is answered and `call.answered` is sent. Any other call answers 422.

        Args:
            call_control_id: The call's `call_control_id`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/answer",
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    async def sim_far_end_reject(
        self,
        call_control_id: str,
        *,
        cause: Literal["busy", "rejected"] | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """The far end rejects

        The called party of a ringing outbound call declines it: the call ends with
        `hangup_cause` `user_busy` (cause `busy`) or `call_rejected` (cause `rejected`).

        Args:
            call_control_id: The call's `call_control_id`.
            cause: `busy` ends the call with `user_busy`, `rejected` with `call_rejected`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/reject",
            body={
                "cause": cause,
            },
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    async def sim_far_end_hangup(
        self,
        call_control_id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """The far end hangs up

        The other party (the caller of an inbound call, the called party of an outbound one)
        hangs up. A ringing outbound call ends with `originator_cancel`, any other with
        `normal_clearing`. A call that has ended answers 422.

        Args:
            call_control_id: The call's `call_control_id`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/hangup",
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    async def sim_send_dtmf(
        self,
        call_control_id: str,
        *,
        digits: str,
        digit_interval_millis: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SimCallResponse:
        """The caller presses keys

        The other party presses keys on an answered call, one digit after the other, each
        `digit_interval_millis` (simulated time) apart. Each digit is sent as
        `call.dtmf.received` and is fed to a running gather.

        Args:
            call_control_id: The call's `call_control_id`.
            digits: The keys, in order.
            digit_interval_millis: Simulated time between two keys.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "POST",
            f"/calls/{path_param(call_control_id)}/dtmf",
            body={
                "digits": digits,
                "digit_interval_millis": digit_interval_millis,
            },
            timeout=timeout,
            cast_to=SimCallResponse,
        )

    async def sim_add_script(
        self,
        *,
        to: str,
        outcome: Literal["answer", "busy", "no_answer", "rejected", "early_hangup", "manual"],
        ring_secs: float | NotGiven = NOT_GIVEN,
        hangup_after_secs: float | NotGiven = NOT_GIVEN,
        times: int | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ScriptResponse:
        """Script the far end of outbound calls

        Decide what the called party does when a call (dial or transfer) is placed to `to`.
        Without a script, the far end answers after `ring_secs` (1 simulated second). The newest
        script for a number wins; with `times`, it applies to that many calls and is then
        forgotten.

        Args:
            to: The called number or SIP URI the script applies to.
            outcome: What the called party does: `answer` (after `ring_secs`), `busy` (486,
                `user_busy`), `rejected` (603, `call_rejected`), `no_answer` (rings until the
                call's `timeout_secs`, then `timeout`), `early_hangup` (answers, then hangs up
                `hangup_after_secs` later with `normal_clearing`), `manual` (rings until
                `/calls/{id}/answer`, `/reject` or `/hangup`, or until `timeout_secs`).
            ring_secs: Simulated seconds of ringing before the outcome.
            hangup_after_secs: For `early_hangup`, simulated seconds between answer and hangup.
            times: How many calls the script applies to; null for every call. At most 1000000.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "POST",
            "/scripts",
            body={
                "to": to,
                "outcome": outcome,
                "ring_secs": ring_secs,
                "hangup_after_secs": hangup_after_secs,
                "times": times,
            },
            timeout=timeout,
            cast_to=ScriptResponse,
        )

    async def sim_clear_scripts(
        self,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> ScriptListResponse:
        """Forget every script

        Every outbound call is answered again after the default ring time.

        Args:
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "DELETE",
            "/scripts",
            timeout=timeout,
            cast_to=ScriptListResponse,
        )

    async def sim_list_webhooks(
        self,
        *,
        status: Literal["pending", "delivered", "failed"] | NotGiven = NOT_GIVEN,
        limit: int | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> WebhookListResponse:
        """Every webhook in the outbox

        The most recent webhooks of every call and account, newest last.

        Args:
            status: Only webhooks in this delivery state.
            limit: The most webhooks to return.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "GET",
            "/webhooks",
            query={
                "status": status,
                "limit": limit,
            },
            timeout=timeout,
            cast_to=WebhookListResponse,
        )

    async def sim_get_recording(
        self,
        file_name: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> bytes:
        """A recording file

        The audio of a recording, the URL `call.recording.saved` carries in `recording_urls` and
        `public_recording_urls`: `{recording id}.mp3` or `{recording id}.wav`. The audio is
        generated silence of the recording's (simulated) length, at most a few seconds.

        Args:
            file_name: The recording id and the format's extension.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "GET",
            f"/recordings/{path_param(file_name)}",
            timeout=timeout,
            cast_to=bytes,
        )


class SimulatorWithRawResponse:
    """The methods of :class:`Simulator`, answering with the HTTP response instead."""

    def __init__(self, resource: Simulator) -> None:
        self.sim_get_public_key = raw_response_wrapper(resource.sim_get_public_key)
        self.sim_start_inbound_call = raw_response_wrapper(resource.sim_start_inbound_call)
        self.sim_get_call = raw_response_wrapper(resource.sim_get_call)
        self.sim_list_call_webhooks = raw_response_wrapper(resource.sim_list_call_webhooks)
        self.sim_far_end_answer = raw_response_wrapper(resource.sim_far_end_answer)
        self.sim_far_end_reject = raw_response_wrapper(resource.sim_far_end_reject)
        self.sim_far_end_hangup = raw_response_wrapper(resource.sim_far_end_hangup)
        self.sim_send_dtmf = raw_response_wrapper(resource.sim_send_dtmf)
        self.sim_add_script = raw_response_wrapper(resource.sim_add_script)
        self.sim_clear_scripts = raw_response_wrapper(resource.sim_clear_scripts)
        self.sim_list_webhooks = raw_response_wrapper(resource.sim_list_webhooks)
        self.sim_get_recording = raw_response_wrapper(resource.sim_get_recording)


class AsyncSimulatorWithRawResponse:
    """The methods of :class:`AsyncSimulator`, answering with the HTTP response instead."""

    def __init__(self, resource: AsyncSimulator) -> None:
        self.sim_get_public_key = async_raw_response_wrapper(resource.sim_get_public_key)
        self.sim_start_inbound_call = async_raw_response_wrapper(resource.sim_start_inbound_call)
        self.sim_get_call = async_raw_response_wrapper(resource.sim_get_call)
        self.sim_list_call_webhooks = async_raw_response_wrapper(resource.sim_list_call_webhooks)
        self.sim_far_end_answer = async_raw_response_wrapper(resource.sim_far_end_answer)
        self.sim_far_end_reject = async_raw_response_wrapper(resource.sim_far_end_reject)
        self.sim_far_end_hangup = async_raw_response_wrapper(resource.sim_far_end_hangup)
        self.sim_send_dtmf = async_raw_response_wrapper(resource.sim_send_dtmf)
        self.sim_add_script = async_raw_response_wrapper(resource.sim_add_script)
        self.sim_clear_scripts = async_raw_response_wrapper(resource.sim_clear_scripts)
        self.sim_list_webhooks = async_raw_response_wrapper(resource.sim_list_webhooks)
        self.sim_get_recording = async_raw_response_wrapper(resource.sim_get_recording)
