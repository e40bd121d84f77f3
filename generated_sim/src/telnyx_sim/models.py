# Generated from the OpenAPI description by codegen: do not edit.
"""The API's data: request bodies, responses, webhooks."""

from __future__ import annotations

from typing import Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, Field

from telnyx_sim._models import BaseModel


class Data(BaseModel):
    """
    The key and its algorithm.
    """

    public_key: str = Field(
        ...,
        examples=["3yH5MkgyjGc4h2E1bFTpt8o0Ei0JxTbVQvZZ9a+u0qI="],
        pattern="^[A-Za-z0-9+/]{43}=$",
    )
    """
    Base64 of the 32-byte Ed25519 public key.
    """
    algorithm: Literal["ed25519"] | str
    """
    The signature algorithm.
    """


class Delivery(BaseModel):
    """
    One HTTP attempt to deliver a webhook.
    """

    attempt: int = Field(..., ge=1)
    """
    The attempt number; the primary and the failover URL share one.
    """
    url: str
    """
    The URL posted to.
    """
    status_code: int | None = None
    """
    The HTTP status answered, null when there was no answer.
    """
    error: str | None = None
    """
    Why the attempt failed without an answer (timeout, refused).
    """
    at: AwareDatetime
    """
    When the attempt started.
    """


class Error(BaseModel):
    """
    One error. `code` is a string of digits, not a number.
    """

    code: str = Field(..., examples=["90018"], pattern="^[0-9]+$")
    """
    The Telnyx error code, a string of digits (for example "10009").
    """
    title: str = Field(..., examples=["Call has already ended"])
    """
    A short, human-readable summary of the problem.
    """
    detail: str | None = None
    """
    A human-readable explanation of this occurrence of the problem.
    """
    source: ErrorSource | None = None
    meta: dict[str, Any] | None = None
    """
    Free-form metadata; `url` points to the error's documentation page.
    """


class ErrorSource(BaseModel):
    """
    Which part of the request caused the error.
    """

    pointer: str | None = Field(default=None, examples=["/call_control_id"])
    """
    An RFC 6901 JSON pointer into the request body (for example `/to`).
    """
    parameter: str | None = Field(default=None, examples=["page[size]"])
    """
    The name of the query, path or header parameter that caused the error.
    """


class Errors(BaseModel):
    """
    The Telnyx error body. Every non-2xx answer carries it, with at least one error.
    The V1 error body is not documented anywhere (UNCONFIRMED); this toolkit uses the
    V2 body for V1 too.

    """

    errors: list[Error] = Field(..., min_length=1)


class FarEndRejectRequest(BaseModel):
    """
    How the far end declines the call.
    """

    cause: Literal["busy", "rejected"] | str | None = "rejected"
    """
    `busy` ends the call with `user_busy`, `rejected` with `call_rejected`.
    """


class InboundCallRequest(BaseModel):
    """
    An inbound call to start.
    """

    connection_id: str = Field(..., examples=["1293384261075731499"], pattern="^[0-9]{1,19}$")
    """
    The application (its `id`) the called number belongs to.
    """
    from_: str = Field(..., alias="from", examples=["+18005550101"], max_length=256, min_length=1)
    """
    The caller's number or SIP URI.
    """
    to: str = Field(..., examples=["+18005550100"], max_length=256, min_length=1)
    """
    The called number or SIP URI.
    """


class PublicKeyResponse(BaseModel):
    """
    The webhook signing public key.
    """

    data: Data
    """
    The key and its algorithm.
    """


class Script(BaseModel):
    """
    A far-end behaviour for calls to one number.
    """

    to: str = Field(..., examples=["+18005550100"], max_length=256, min_length=1)
    """
    The called number or SIP URI the script applies to.
    """
    outcome: Literal["answer", "busy", "no_answer", "rejected", "early_hangup", "manual"] | str
    """
    What the called party does: `answer` (after `ring_secs`), `busy` (486,
    `user_busy`), `rejected` (603, `call_rejected`), `no_answer` (rings until the
    call's `timeout_secs`, then `timeout`), `early_hangup` (answers, then hangs up
    `hangup_after_secs` later with `normal_clearing`), `manual` (rings until
    `/calls/{id}/answer`, `/reject` or `/hangup`, or until `timeout_secs`).

    """
    ring_secs: float | None = Field(default=1, ge=0.0, le=600.0)
    """
    Simulated seconds of ringing before the outcome.
    """
    hangup_after_secs: float | None = Field(default=1, ge=0.0, le=14400.0)
    """
    For `early_hangup`, simulated seconds between answer and hangup.
    """
    times: int | None = Field(default=None, ge=1, le=1000000)
    """
    How many calls the script applies to; null for every call. At most 1000000.
    """


class ScriptListResponse(BaseModel):
    """
    The scripts that remain (none after a clear).
    """

    data: list[Script]


class ScriptResponse(BaseModel):
    """
    The stored script.
    """

    data: Script


class SimCall(BaseModel):
    """
    A call leg as the server sees it.
    """

    record_type: Literal["call"] | str
    """
    Identifies the type of the resource.
    """
    call_control_id: str
    """
    The id used to send commands to the call.
    """
    call_leg_id: UUID
    """
    The leg's id.
    """
    call_session_id: UUID
    """
    The session's id.
    """
    connection_id: str
    """
    The application the call belongs to.
    """
    direction: Literal["incoming", "outgoing"] | str
    """
    Whether the call came in or was placed.
    """
    from_: str = Field(..., alias="from")
    """
    The calling number or SIP URI.
    """
    to: str
    """
    The called number or SIP URI.
    """
    state: Literal["parked", "answered", "bridged", "hangup"] | str
    """
    The call state, as `x-call-states` names it.
    """
    is_alive: bool
    """
    False once the call has ended.
    """
    client_state: str | None
    """
    The client_state the next webhook will carry.
    """
    bridged_with: str | None = None
    """
    The call_control_id of the leg this one is bridged to.
    """
    recording: bool | None = None
    """
    Whether the call is being recorded.
    """
    forking: bool | None = None
    """
    Whether the call's media is being forked.
    """
    gathering: bool | None = None
    """
    Whether a gather is running.
    """
    ringing: bool | None = None
    """
    Whether the call is an outbound call whose far end has not answered yet.
    """
    hangup_cause: str | None = None
    """
    Why the call ended, null while it is alive.
    """


class SimCallResponse(BaseModel):
    """
    One call.
    """

    data: SimCall


class SimDtmfRequest(BaseModel):
    """
    Keys pressed by the other party.
    """

    digits: str = Field(..., examples=["1234#"], pattern="^[0-9A-D*#]{1,128}$")
    """
    The keys, in order.
    """
    digit_interval_millis: int | None = Field(default=100, ge=0, le=60000)
    """
    Simulated time between two keys.
    """


class WebhookListResponse(BaseModel):
    """
    Webhooks, oldest first.
    """

    data: list[WebhookRecord]


class WebhookRecord(BaseModel):
    """
    A webhook in the outbox.
    """

    id: UUID
    """
    The event id, the same on every delivery attempt.
    """
    seq: int
    """
    The outbox sequence number; creation order across all calls.
    """
    event: str
    """
    The envelope-independent event name (`x-event`), e.g. `call.answered`.
    """
    event_type: str
    """
    The event name on the wire (`x-event-type`).
    """
    envelope: Literal["1", "2"] | str
    """
    The application's `webhook_api_version` at the time.
    """
    call_control_id: str | None = None
    """
    The call leg the webhook is about.
    """
    call_leg_id: str | None = None
    """
    The call leg the webhook is about.
    """
    status: Literal["pending", "delivered", "failed"] | str
    """
    `pending`: not delivered yet (waiting for its turn or for a retry); `delivered`:
    a URL answered 2xx; `failed`: every attempt of the retry schedule failed.

    """
    attempts: int = Field(..., ge=0)
    """
    How many attempts were made.
    """
    delivered_to: str | None = None
    """
    The URL that acknowledged it.
    """
    body: dict[str, Any]
    """
    The webhook body (for envelope 2, without its per-attempt `meta`).
    """
    deliveries: list[Delivery]
    """
    The attempts, oldest first.
    """
