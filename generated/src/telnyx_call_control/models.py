# Generated from the OpenAPI description by codegen: do not edit.
"""The API's data: request bodies, responses, webhooks."""

from __future__ import annotations

from typing import Any, Literal
from uuid import UUID

from pydantic import AwareDatetime, Field, RootModel

from telnyx_call_control._models import BaseModel


class AnswerRequest(BaseModel):
    """
    Answer an incoming call.
    """

    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class AnswerRequest2(BaseModel):
    """
    Answer an incoming call.
    """

    custom_headers: list[CustomSipHeader] | None = Field(
        default=None, examples=[[{"name": "head_1", "value": "val_1"}]]
    )
    """
    Custom headers to be added to the SIP INVITE.
    """
    sip_headers: list[SipHeader] | None = Field(default=None, max_length=10)
    """
    SIP headers to add. Only `User-to-User` is supported.
    """
    record: Literal["record-from-answer"] | str | None = Field(
        default=None, examples=["record-from-answer"]
    )
    """
    Start recording automatically when the call is answered.
    """
    record_channels: Literal["single", "dual"] | str | None = Field(
        default="dual", examples=["single"]
    )
    """
    `single` or `dual` channel recording, when `record` is given.
    """
    record_format: Literal["wav", "mp3"] | str | None = Field(default="mp3", examples=["wav"])
    """
    The recording's file format, when `record` is given.
    """
    record_max_length: int | None = Field(default=0, examples=[1000], ge=0, le=43200)
    """
    The maximum length of the recording in seconds, 0 to 43200; 0 means no limit.
    """
    record_track: Literal["both", "inbound", "outbound"] | str | None = Field(
        default="both", examples=["both"]
    )
    """
    The audio track to record. With a single track (`inbound` or `outbound`) the channels
    setting is ignored and the recording is mono.

    """
    record_custom_file_name: str | None = Field(
        default=None, examples=["my_recording_file_name"], max_length=40, min_length=1
    )
    """
    The recording's file name instead of the default (the `call_leg_id`). A Unix timestamp
    suffix is added.

    """
    stream_url: str | None = Field(
        default=None,
        examples=["wss://www.example.com/websocket"],
        max_length=2048,
        pattern="^wss?://[^ \\t\\n\\r\\f\\v]+$",
    )
    """
    The WebSocket address the media stream is delivered to. Toolkit choice: a `ws://` or
    `wss://` URL of at most 2048 characters (the platform documents a string).

    """
    stream_track: Literal["inbound_track", "outbound_track", "both_tracks"] | str | None = Field(
        default="inbound_track", examples=["both_tracks"]
    )
    """
    Which track is streamed.
    """
    stream_codec: (
        Literal["PCMU", "PCMA", "G722", "OPUS", "AMR-WB", "L16", "default"] | str | None
    ) = Field(default="default", examples=["PCMA"])
    """
    The codec of the streamed audio. `default`, or a codec the call cannot be transcoded
    to, streams the call's own codec.

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class AudioUrl2(RootModel[str]):
    root: str = Field(
        ..., examples=["https://example.com/audio.wav"], pattern="^https?://[^ \\t\\n\\r\\f\\v]+$"
    )
    """
    The URL of a WAV or MP3 file. Toolkit choice: whitespace is spelled out as the ASCII
    class ` \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning differs between regex dialects
    (ECMA-262, Python, Rust).

    """


class BridgeRequest(BaseModel):
    """
    Bridge two call legs.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"], min_length=1
    )
    """
    The Call Control ID of the call you want to bridge with (leg B).
    """
    park_after_unbridge: Literal["self"] | str | None = Field(default=None, examples=["self"])
    """
    Specifies behavior after the bridge ends (i.e. the opposite leg either hangs up
    or is transferred). If supplied with the value `self`, the current leg will be
    parked after unbridge. If not set, the default behavior is to hang up the leg.

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class BridgeRequest2(BaseModel):
    """
    Bridge two call legs.
    """

    call_control_id: str = Field(
        ...,
        examples=["v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"],
        max_length=256,
        min_length=1,
    )
    """
    The `call_control_id` of the leg to bridge with (leg B). Unknown: 422 (code 90015).
    Toolkit choice: at most 256 characters.

    """
    park_after_unbridge: Literal["self"] | str | None = Field(default=None, examples=["self"])
    """
    What happens to this leg when the bridge ends (the other leg hangs up or is
    transferred): `self` parks it. When absent, the leg hangs up. Toolkit choice: the
    platform declares a free string and documents only `self`.

    """
    prevent_double_bridge: bool | None = Field(default=False, examples=[True])
    """
    Refuse to bridge (422) when leg B is already bridged to another call.
    """
    mute_dtmf: Literal["none", "both", "self", "opposite"] | str | None = Field(
        default="none", examples=["opposite"]
    )
    """
    Which participants do not hear DTMF tones. The `call.dtmf.received` webhooks are sent
    anyway.

    """
    play_ringtone: bool | None = Field(default=False, examples=[False])
    """
    Play a ringtone while leg B has not answered yet.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class Call(BaseModel):
    """
    A call leg.
    """

    record_type: Literal["call"] | str
    """
    Identifies the type of the resource.
    """
    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    is_alive: bool = Field(..., examples=[False])
    """
    Indicates whether the call is alive or not. A call that was just dialled is not alive until it is answered.
    """


class Call2(BaseModel):
    """
    A call leg and its status.
    """

    record_type: Literal["call"] | str = Field(..., examples=["call"])
    """
    Identifies the type of the resource.
    """
    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    is_alive: bool = Field(..., examples=[True])
    """
    Whether the call is up. A call that was just dialled is not alive until it is answered.
    """
    client_state: str | None = Field(default=None, examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    start_time: AwareDatetime | None = Field(default=None, examples=["2019-01-23T18:10:02.574Z"])
    """
    When the call started (ISO 8601).
    """
    end_time: AwareDatetime | None = Field(default=None, examples=["2019-01-23T18:11:52.574Z"])
    """
    When the call ended (ISO 8601); present only once it is not alive.
    """
    call_duration: int | None = Field(default=None, examples=[50], ge=0, le=86400)
    """
    How long the call has lasted, in seconds. Toolkit choice: at most 86400; a call lasts at
    most 14400 seconds.

    """


class CallAnsweredEventV1(BaseModel):
    """
    Call answered, webhook API v1 envelope.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call_answered"]
    """
    The type of event.
    """
    created_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallAnsweredPayload


class CallAnsweredEventV2(BaseModel):
    """
    Call answered, webhook API v2 envelope.
    """

    data: CallAnsweredEventV2Data
    meta: WebhookMeta | None = None


class CallAnsweredEventV2Data(BaseModel):
    """
    The event of a call answered webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.answered"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallAnsweredPayload


class CallAnsweredPayload(BaseModel):
    """
    The payload of a call answered webhook.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    from_: str = Field(..., alias="from", examples=["+18005550101"])
    """
    Number or SIP URI placing the call.
    """
    to: str = Field(..., examples=["+18005550100"])
    """
    Destination number or SIP URI of the call.
    """
    state: Literal["answered"] | str = Field(..., examples=["answered"])
    """
    State received from a command.
    """
    occurred_at: AwareDatetime | None = Field(default=None, examples=["2018-02-02T22:25:27.521Z"])
    """
    ISO 8601 datetime of when the call was answered (V1 payloads carry it).
    """
    start_time: AwareDatetime | None = Field(default=None, examples=["2018-02-02T22:20:27.521Z"])
    """
    ISO 8601 datetime of when the call started (V2 events).
    """
    custom_headers: list[CustomSipHeader] | None = Field(
        default=None, examples=[[{"name": "head_1", "value": "val_1"}]]
    )
    """
    Custom headers set by the answer command (V2 events).
    """
    tags: list[str] | None = Field(default=None, examples=[["tag-01", "tag-02"]])
    """
    Tags of the number the call uses (V2 events).
    """


class CallBridgedEventV1(BaseModel):
    """
    Call bridged, webhook API v1 envelope.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call_bridged"]
    """
    The type of event.
    """
    created_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallBridgedPayload


class CallBridgedEventV2(BaseModel):
    """
    Call bridged, webhook API v2 envelope.
    """

    data: CallBridgedEventV2Data
    meta: WebhookMeta | None = None


class CallBridgedEventV2Data(BaseModel):
    """
    The event of a call bridged webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.bridged"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallBridgedPayload


class CallBridgedPayload(BaseModel):
    """
    The payload of a call bridged webhook. `state` is not required: the platform's V2
    `call.bridged` events leave it out (its current schema has no such field).

    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    from_: str = Field(..., alias="from", examples=["+18005550101"])
    """
    Number or SIP URI placing the call.
    """
    to: str = Field(..., examples=["+18005550100"])
    """
    Destination number or SIP URI of the call.
    """
    state: Literal["bridged"] | str | None = Field(default=None, examples=["bridged"])
    """
    State received from a command.
    """
    occurred_at: AwareDatetime | None = Field(default=None, examples=["2018-02-02T22:25:27.521Z"])
    """
    ISO 8601 datetime of when the call was bridged (V1 payloads carry it).
    """


class CallControlApplication(BaseModel):
    """
    A call control application.
    """

    active: bool
    """
    Specifies whether the connection can be used.
    """
    anchorsite_override: (
        Literal[
            '"Latency"',
            '"Chicago, IL"',
            '"Ashburn, VA"',
            '"San Jose, CA"',
            '"London, UK"',
            '"Chennai, IN"',
            '"Amsterdam, Netherlands"',
            '"Toronto, Canada"',
            '"Sydney, Australia"',
            "Latency",
            "Chicago, IL",
            "Ashburn, VA",
            "San Jose, CA",
            "London, UK",
            "Chennai, IN",
            "Amsterdam, Netherlands",
            "Toronto, Canada",
            "Sydney, Australia",
        ]
        | str
    ) = Field(..., examples=['"Amsterdam, Netherlands"'])
    """
    Latency directs Telnyx to route media through the site with the lowest round-trip
    time to the user's connection. Telnyx calculates this time using ICMP ping
    messages. This can be disabled by specifying a site to handle all media.

    Toolkit choice: the seed's four values literally contain quote characters
    (`"Latency"`, with the quotes); they are kept as they are and are what the default
    is. The seed's own example, `"Amsterdam, Netherlands"`, is not among its four
    values: the enum therefore also holds the five sites Telnyx added later, quoted
    the same way, and every site once more without the quotes, as the API spells them
    today. A value is stored and returned exactly as it was sent.

    """
    application_name: str = Field(..., examples=["call-router"], min_length=1)
    """
    A user-assigned name to help manage the application. Toolkit choice: the seed sets
    no limit; an empty name is refused.

    """
    created_at: str = Field(..., examples=["2018-02-02T22:25:27.521Z"])
    """
    ISO 8601 formatted date indicating when the resource was created.
    """
    dtmf_type: Literal["RFC 2833", "Inband", "SIP INFO"] | str = Field(..., examples=["Inband"])
    """
    Sets the type of DTMF digits sent from Telnyx to this Connection. Note that DTMF
    digits sent to Telnyx will be accepted in all formats.

    """
    first_command_timeout: bool = Field(..., examples=[True])
    """
    Specifies whether calls to phone numbers associated with this connection should
    hangup after timing out.

    """
    first_command_timeout_secs: int = Field(..., examples=[10], ge=1, le=14400)
    """
    Specifies how many seconds to wait before timing out a dial command. Toolkit
    choice: when `first_command_timeout` is true, an inbound call that has received no
    command within this many seconds is hung up (`hangup_cause` `timeout`). Toolkit
    choice: 1 to 14400 (the longest call, `time_limit_secs`); the platform documents no
    range.

    """
    id: str = Field(..., examples=["1293384261075731499"], pattern="^[0-9]{1,19}$")
    """
    An identifier, a string holding a 64-bit integer.
    """
    inbound: CallControlApplicationInbound
    outbound: CallControlApplicationOutbound
    record_type: Literal["call_control_application"] | str = Field(
        ..., examples=["call_control_application"]
    )
    """
    Identifies the type of the resource.
    """
    updated_at: str = Field(..., examples=["2018-02-02T22:25:27.521Z"])
    """
    ISO 8601 formatted date indicating when the resource was updated.
    """
    webhook_api_version: Literal["1", "2"] | str = Field(..., examples=["1"])
    """
    Determines which webhook format will be used, Telnyx API v1 or v2. "1": a flat
    body with snake_case event names (`call_answered`); "2": a `data`/`meta` body with
    dot.case event names (`call.answered`).

    """
    webhook_event_failover_url: str | None = Field(
        ..., examples=["https://failover.example.com"], pattern="^(https?://[^ \\t\\n\\r\\f\\v]+)?$"
    )
    """
    The failover URL where webhooks related to this connection will be sent if sending
    to the primary URL fails. Must include a scheme, such as 'https'. The empty string
    (the default) and null both mean "no failover URL". Toolkit choice: whitespace is
    spelled out as the ASCII class ` \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning differs
    between regex dialects (ECMA-262, Python, Rust).

    """
    webhook_event_url: str = Field(
        ..., examples=["https://example.com"], pattern="^https?://[^ \\t\\n\\r\\f\\v]+$"
    )
    """
    The URL where webhooks related to this connection will be sent. Must include a
    scheme, such as 'https'. Toolkit choice: webhooks are delivered over HTTP, so the
    scheme must be `http` or `https`. Toolkit choice: whitespace is spelled out as the ASCII
    class ` \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning differs between regex dialects
    (ECMA-262, Python, Rust).

    """
    webhook_timeout_secs: int | None = Field(..., examples=[25], ge=0, le=30)
    """
    Specifies how many seconds to wait before timing out a webhook. Toolkit choice:
    null (the default) and 0 both mean the platform default of 2 seconds.

    """


class CallControlApplicationInbound(BaseModel):
    """
    Settings for calls coming into the application.
    """

    channel_limit: int | None = Field(default=None, examples=[10], ge=0, le=100000)
    """
    When set, this will limit the total number of inbound calls to phone numbers
    associated with this connection. Null means no limit. Toolkit choice: 0 to
    100000; the platform documents no range.

    """
    sip_subdomain: str | None = Field(default=None, examples=["example"])
    """
    Specifies a subdomain that can be used to receive Inbound calls to a
    Connection, in the same way a phone number is used, from a SIP endpoint. The
    subdomain is used as `sip:<anything>@<sip_subdomain>.sip.telnyx.com`. TLS is
    not allowed for these calls.

    """
    sip_subdomain_receive_settings: Literal["only_my_connections", "from_anyone"] | str | None = (
        Field(default="from_anyone", examples=["only_my_connections"])
    )
    """
    This option can be enabled to receive calls from: "Anyone" (any SIP endpoint in
    the public Internet) or "Only my connections" (any connection assigned to the
    same Telnyx user).

    """


class CallControlApplicationOutbound(BaseModel):
    """
    Settings for calls made from the application.
    """

    channel_limit: int | None = Field(default=None, examples=[10], ge=0, le=100000)
    """
    When set, this will limit the total number of outbound calls to phone numbers
    associated with this connection. Null means no limit. Toolkit choice: 0 to
    100000; the platform documents no range.

    """
    outbound_voice_profile_id: str | None = Field(
        default=None, examples=["1293384261075731499"], pattern="^[0-9]{1,19}$"
    )
    """
    Identifies the associated outbound voice profile.
    """


class CallControlApplicationResponse(BaseModel):
    """
    One call control application.
    """

    data: CallControlApplication


class CallDequeuedEvent(BaseModel):
    """
    Call dequeued, webhook API v2 envelope.
    """

    data: CallDequeuedEventData
    meta: WebhookMeta | None = None


class CallDequeuedEventData(BaseModel):
    """
    The event of a call dequeued webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.dequeued"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallDequeuedPayload


class CallDequeuedPayload(BaseModel):
    """
    The payload of a call dequeued webhook.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    queue: str = Field(..., examples=["support"])
    """
    The name of the queue.
    """
    queue_position: int = Field(..., examples=[3], ge=1, le=5000)
    """
    The call's last position in the queue. Toolkit choice: at most 5000, the largest `max_size`.
    """
    reason: Literal["bridged", "bridging-in-process", "hangup", "leave", "timeout"] | str = Field(
        ..., examples=["leave"]
    )
    """
    Why the call left the queue.
    """
    wait_time_secs: int | None = Field(default=None, examples=[60], ge=0, le=86400)
    """
    How long the call was in the queue, in seconds. Toolkit choice: at most 86400.
    """


class CallDtmfReceivedEventV1(BaseModel):
    """
    DTMF received, webhook API v1 envelope.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["dtmf"]
    """
    The type of event.
    """
    created_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallDtmfReceivedPayload


class CallDtmfReceivedEventV2(BaseModel):
    """
    DTMF received, webhook API v2 envelope.
    """

    data: CallDtmfReceivedEventV2Data
    meta: WebhookMeta | None = None


class CallDtmfReceivedEventV2Data(BaseModel):
    """
    The event of a dtmf received webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.dtmf.received"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallDtmfReceivedPayload


class CallDtmfReceivedPayload(BaseModel):
    """
    The payload of a DTMF webhook.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    from_: str = Field(..., alias="from", examples=["+18005550101"])
    """
    Number or SIP URI placing the call.
    """
    to: str = Field(..., examples=["+18005550100"])
    """
    Destination number or SIP URI of the call.
    """
    digit: str = Field(..., examples=["#"], pattern="^[0-9A-D*#]$")
    """
    The received DTMF digit or symbol.
    """


class CallEnqueuedEvent(BaseModel):
    """
    Call enqueued, webhook API v2 envelope.
    """

    data: CallEnqueuedEventData
    meta: WebhookMeta | None = None


class CallEnqueuedEventData(BaseModel):
    """
    The event of a call enqueued webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.enqueued"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallEnqueuedPayload


class CallEnqueuedPayload(BaseModel):
    """
    The payload of a call enqueued webhook.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    queue: str = Field(..., examples=["support"])
    """
    The name of the queue.
    """
    current_position: int = Field(..., examples=[5], ge=1, le=5000)
    """
    The call's position in the queue, from 1. Toolkit choice: at most 5000, the largest `max_size`.
    """
    queue_avg_wait_time_secs: int | None = Field(default=None, examples=[60], ge=0, le=86400)
    """
    The average time calls spend in the queue, in seconds. Toolkit choice: at most 86400.
    """


class CallForkPayload(BaseModel):
    """
    The payload of the call fork started and stopped webhooks.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    stream_type: Literal["raw", "decrypted"] | str = Field(..., examples=["decrypted"])
    """
    The media forked. Toolkit choice: the platform's schema lists only `decrypted` and its
    text says `raw` or `decrypted`; both are listed.

    """


class CallForkStartedEvent(BaseModel):
    """
    Call fork started, webhook API v2 envelope.
    """

    data: CallForkStartedEventData
    meta: WebhookMeta | None = None


class CallForkStartedEventData(BaseModel):
    """
    The event of a call fork started webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.fork.started"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallForkPayload


class CallForkStoppedEvent(BaseModel):
    """
    Call fork stopped, webhook API v2 envelope.
    """

    data: CallForkStoppedEventData
    meta: WebhookMeta | None = None


class CallForkStoppedEventData(BaseModel):
    """
    The event of a call fork stopped webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.fork.stopped"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallForkPayload


class CallGatherEndedEventV1(BaseModel):
    """
    Gather ended, webhook API v1 envelope.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["gather_ended"]
    """
    The type of event.
    """
    created_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallGatherEndedPayload


class CallGatherEndedEventV2(BaseModel):
    """
    Gather ended, webhook API v2 envelope.
    """

    data: CallGatherEndedEventV2Data
    meta: WebhookMeta | None = None


class CallGatherEndedEventV2Data(BaseModel):
    """
    The event of a gather ended webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.gather.ended"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallGatherEndedPayload


class CallGatherEndedPayload(BaseModel):
    """
    The payload of a gather ended webhook.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    from_: str = Field(..., alias="from", examples=["+18005550101"])
    """
    Number or SIP URI placing the call.
    """
    to: str = Field(..., examples=["+18005550100"])
    """
    Destination number or SIP URI of the call.
    """
    digits: str = Field(..., examples=["123"])
    """
    The received DTMF digit or symbol.
    """
    status: (
        Literal["valid", "invalid", "call_hangup", "cancelled", "cancelled_amd", "timeout"] | str
    ) = Field(..., examples=["valid"])
    """
    Reflects how command ended. Toolkit choice: `invalid` also covers a gather that
    ran out of tries with no input. The later platform values `cancelled` (V2
    `gather_stop`), `cancelled_amd` and `timeout` are listed so that a receiver accepts
    them; the V1 commands do not produce them.

    """


class CallHangupEventV1(BaseModel):
    """
    Call hangup, webhook API v1 envelope.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call_hangup"]
    """
    The type of event.
    """
    created_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallHangupPayload


class CallHangupEventV2(BaseModel):
    """
    Call hangup, webhook API v2 envelope.
    """

    data: CallHangupEventV2Data
    meta: WebhookMeta | None = None


class CallHangupEventV2Data(BaseModel):
    """
    The event of a call hangup webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.hangup"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallHangupPayload


class CallHangupPayload(BaseModel):
    """
    The payload of a call hangup webhook.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    from_: str = Field(..., alias="from", examples=["+18005550101"])
    """
    Number or SIP URI placing the call.
    """
    to: str = Field(..., examples=["+18005550100"])
    """
    Destination number or SIP URI of the call.
    """
    state: Literal["hangup"] | str = Field(..., examples=["hangup"])
    """
    State received from a command.
    """
    hangup_cause: (
        Literal[
            "call_rejected",
            "normal_clearing",
            "originator_cancel",
            "timeout",
            "time_limit",
            "user_busy",
            "not_found",
            "no_answer",
            "unspecified",
        ]
        | str
    ) = Field(..., examples=["normal_clearing"])
    """
    The reason the call was ended. `no_answer` is a later platform value that this toolkit's
    server does not send; it is listed so that a receiver accepts it.

    """
    sip_hangup_cause: str = Field(..., examples=["480"])
    """
    The reason the call was ended (SIP response code). If the SIP response is unavailable (in inbound calls for example) this is set to `unspecified`.
    """
    hangup_source: Literal["caller", "callee", "unknown"] | str | None = Field(
        default=None, examples=["caller"]
    )
    """
    Which party ended the call (V2 events).
    """
    start_time: AwareDatetime | None = Field(default=None, examples=["2018-02-02T22:20:27.521Z"])
    """
    ISO 8601 datetime of when the call started (V2 events).
    """
    custom_headers: list[CustomSipHeader] | None = Field(
        default=None, examples=[[{"name": "head_1", "value": "val_1"}]]
    )
    """
    Custom headers of the call (V2 events).
    """
    tags: list[str] | None = Field(default=None, examples=[["tag-01", "tag-02"]])
    """
    Tags of the number the call uses (V2 events).
    """


class CallInitiatedEventV1(BaseModel):
    """
    Call initiated, webhook API v1 envelope.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call_initiated"]
    """
    The type of event.
    """
    created_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallInitiatedPayload


class CallInitiatedEventV2(BaseModel):
    """
    Call initiated, webhook API v2 envelope.
    """

    data: CallInitiatedEventV2Data
    meta: WebhookMeta | None = None


class CallInitiatedEventV2Data(BaseModel):
    """
    The event of a call initiated webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.initiated"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallInitiatedPayload


class CallInitiatedPayload(BaseModel):
    """
    The payload of a call initiated webhook.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    from_: str = Field(..., alias="from", examples=["+18005550101"])
    """
    Number or SIP URI placing the call.
    """
    to: str = Field(..., examples=["+18005550100"])
    """
    Destination number or SIP URI of the call.
    """
    direction: Literal["incoming", "outgoing"] | str = Field(..., examples=["incoming"])
    """
    Whether the call is coming into or going out of the platform.
    """
    state: Literal["parked", "bridging"] | str = Field(..., examples=["parked"])
    """
    State received from a command. `bridging` is a later platform value (a leg dialled to
    be bridged) that this toolkit's server does not send; it is listed so that a receiver
    accepts it.

    """
    start_time: AwareDatetime | None = Field(default=None, examples=["2018-02-02T22:25:27.521Z"])
    """
    ISO 8601 datetime of when the call started.
    """
    caller_id_name: str | None = Field(default=None, examples=["+35319605860"])
    """
    The caller id name (V2 events).
    """
    shaken_stir_attestation: str | None = Field(default=None, examples=["A"])
    """
    The SHAKEN/STIR attestation level of the call, for example `A` (V2 events).
    """
    shaken_stir_validated: bool | None = Field(default=None, examples=[True])
    """
    Whether the attestation was validated (V2 events).
    """
    custom_headers: list[CustomSipHeader] | None = Field(
        default=None, examples=[[{"name": "head_1", "value": "val_1"}]]
    )
    """
    Custom headers of the SIP INVITE (V2 events).
    """
    tags: list[str] | None = Field(default=None, examples=[["tag-01", "tag-02"]])
    """
    Tags of the number the call uses (V2 events).
    """


class CallMachineDetectionEndedEvent(BaseModel):
    """
    Machine detection ended, webhook API v2 envelope.
    """

    data: CallMachineDetectionEndedEventData
    meta: WebhookMeta | None = None


class CallMachineDetectionEndedEventData(BaseModel):
    """
    The event of a machine detection ended webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.machine.detection.ended"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallMachineDetectionEndedPayload


class CallMachineDetectionEndedPayload(BaseModel):
    """
    The payload of a machine detection ended webhook. The platform's example leaves out
    `call_control_id`, so it is optional here.

    """

    call_control_id: str | None = Field(
        default=None, examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    from_: str = Field(..., alias="from", examples=["+35319605860"])
    """
    Number or SIP URI placing the call.
    """
    to: str = Field(..., examples=["+13129457420"])
    """
    Destination number or SIP URI of the call.
    """
    result: Literal["human", "machine", "not_sure"] | str = Field(..., examples=["machine"])
    """
    Who answered.
    """


class CallMachineGreetingEndedEvent(BaseModel):
    """
    Machine greeting ended, webhook API v2 envelope.
    """

    data: CallMachineGreetingEndedEventData
    meta: WebhookMeta | None = None


class CallMachineGreetingEndedEventData(BaseModel):
    """
    The event of a machine greeting ended webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.machine.greeting.ended"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallMachineGreetingEndedPayload


class CallMachineGreetingEndedPayload(BaseModel):
    """
    The payload of a machine greeting ended webhook. The platform's example leaves out
    `call_control_id`, so it is optional here.

    """

    call_control_id: str | None = Field(
        default=None, examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    from_: str = Field(..., alias="from", examples=["+35319605860"])
    """
    Number or SIP URI placing the call.
    """
    to: str = Field(..., examples=["+13129457420"])
    """
    Destination number or SIP URI of the call.
    """
    result: Literal["beep_detected", "ended", "not_sure"] | str = Field(..., examples=["ended"])
    """
    How the greeting ended.
    """


class CallPlaybackEndedEventV1(BaseModel):
    """
    Playback ended, webhook API v1 envelope.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["playback_ended"]
    """
    The type of event.
    """
    created_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallPlaybackEndedPayload


class CallPlaybackEndedEventV2(BaseModel):
    """
    Playback ended, webhook API v2 envelope.
    """

    data: CallPlaybackEndedEventV2Data
    meta: WebhookMeta | None = None


class CallPlaybackEndedEventV2Data(BaseModel):
    """
    The event of a playback ended webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.playback.ended"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallPlaybackEndedPayload


class CallPlaybackEndedPayload(BaseModel):
    """
    The payload of a playback ended webhook. `media_url` is not required: the platform leaves
    it out of the events of audio not given by URL (`media_name`, `playback_content`).

    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    media_url: str | None = Field(default=None, examples=["http://example.com/audio.wav"])
    """
    The audio URL being played back.
    """
    media_name: str | None = Field(
        default=None, examples=["my_media_uploaded_to_media_storage_api"]
    )
    """
    The name of the stored media being played, when the playback named one (V2 events).
    """
    status_detail: str | None = Field(
        default=None,
        examples=[
            "Received curl error 22 HTTP error code 404 trying to fetch http://mediaurl.com."
        ],
    )
    """
    Details of a failure (V2 events).
    """
    overlay: bool = Field(..., examples=[False])
    """
    Whether the audio is going to be played in overlay mode or not.
    """
    status: (
        Literal[
            "completed",
            "cancelled",
            "call_hangup",
            "file_not_found",
            "failed",
            "unknown",
            "cancelled_amd",
        ]
        | str
    ) = Field(..., examples=["completed"])
    """
    Reflects how command ended. Toolkit choice: the earliest spec's enum (`valid`,
    `invalid`, `call_hangup`) was copied from gather; this is Telnyx's later list:
    `completed` (played to the end), `cancelled` (stopped by playback_stop or a new
    playback), `call_hangup`, `file_not_found`, `failed`, `unknown`, and
    `cancelled_amd` (stopped by answering machine detection), which this toolkit's
    server does not send.

    """


class CallPlaybackStartedEventV1(BaseModel):
    """
    Playback started, webhook API v1 envelope.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["playback_started"]
    """
    The type of event.
    """
    created_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallPlaybackStartedPayload


class CallPlaybackStartedEventV2(BaseModel):
    """
    Playback started, webhook API v2 envelope.
    """

    data: CallPlaybackStartedEventV2Data
    meta: WebhookMeta | None = None


class CallPlaybackStartedEventV2Data(BaseModel):
    """
    The event of a playback started webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.playback.started"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallPlaybackStartedPayload


class CallPlaybackStartedPayload(BaseModel):
    """
    The payload of a playback started webhook.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    media_url: str = Field(..., examples=["http://example.com/audio.wav"])
    """
    The audio URL being played back.
    """
    media_name: str | None = Field(
        default=None, examples=["my_media_uploaded_to_media_storage_api"]
    )
    """
    The name of the stored media being played, when the playback named one (V2 events).
    """
    overlay: bool = Field(..., examples=[False])
    """
    Whether the audio is going to be played in overlay mode or not.
    """


class CallRecordingSavedEventV1(BaseModel):
    """
    Recording saved, webhook API v1 envelope.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["recording_saved"]
    """
    The type of event.
    """
    created_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallRecordingSavedPayload


class CallRecordingSavedEventV2(BaseModel):
    """
    Recording saved, webhook API v2 envelope.
    """

    data: CallRecordingSavedEventV2Data
    meta: WebhookMeta | None = None


class CallRecordingSavedEventV2Data(BaseModel):
    """
    The event of a recording saved webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.recording.saved"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallRecordingSavedPayload


class CallRecordingSavedPayload(BaseModel):
    """
    The payload of a recording saved webhook. As in every Telnyx spec, it has no
    `call_control_id`: correlate it by `call_leg_id`.

    """

    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    recording_started_at: AwareDatetime = Field(..., examples=["2018-02-02T22:20:27.521Z"])
    """
    ISO 8601 datetime of when recording started.
    """
    recording_ended_at: AwareDatetime = Field(..., examples=["2018-02-02T22:20:27.521Z"])
    """
    ISO 8601 datetime of when recording ended.
    """
    channels: Literal["single", "dual"] | str = Field(..., examples=["single"])
    """
    Whether recording was recorded in `single` or `dual` channel.
    """
    recording_urls: RecordingUrls
    public_recording_urls: RecordingUrls


class CallReferCompletedEvent(BaseModel):
    """
    Call refer completed, webhook API v2 envelope.
    """

    data: CallReferCompletedEventData
    meta: WebhookMeta | None = None


class CallReferCompletedEventData(BaseModel):
    """
    The event of a call refer completed webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.refer.completed"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallReferPayload


class CallReferFailedEvent(BaseModel):
    """
    Call refer failed, webhook API v2 envelope.
    """

    data: CallReferFailedEventData
    meta: WebhookMeta | None = None


class CallReferFailedEventData(BaseModel):
    """
    The event of a call refer failed webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.refer.failed"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallReferPayload


class CallReferPayload(BaseModel):
    """
    The payload of the call refer started, completed and failed webhooks.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    from_: str = Field(..., alias="from", examples=["+35319605860"])
    """
    Number or SIP URI placing the call.
    """
    to: str = Field(..., examples=["+13129457420"])
    """
    Destination number or SIP URI of the call.
    """
    sip_notify_response: int = Field(..., examples=[200], ge=100, le=699)
    """
    The SIP status of the NOTIFY that reported the REFER's progress (for example 100, 200, 603).
    """


class CallReferStartedEvent(BaseModel):
    """
    Call refer started, webhook API v2 envelope.
    """

    data: CallReferStartedEventData
    meta: WebhookMeta | None = None


class CallReferStartedEventData(BaseModel):
    """
    The event of a call refer started webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.refer.started"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallReferPayload


class CallSpeakEndedEventV1(BaseModel):
    """
    Speak ended, webhook API v1 envelope.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["speak_ended"]
    """
    The type of event.
    """
    created_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallSpeakEndedPayload


class CallSpeakEndedEventV2(BaseModel):
    """
    Speak ended, webhook API v2 envelope.
    """

    data: CallSpeakEndedEventV2Data
    meta: WebhookMeta | None = None


class CallSpeakEndedEventV2Data(BaseModel):
    """
    The event of a speak ended webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.speak.ended"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallSpeakEndedPayload


class CallSpeakEndedPayload(BaseModel):
    """
    The payload of a speak ended webhook.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    status: Literal["completed", "cancelled", "call_hangup", "cancelled_amd"] | str = Field(
        ..., examples=["completed"]
    )
    """
    Reflects how the command ended. Toolkit choice: `cancelled` (speech stopped by
    playback_stop) is added to the documented `completed`, `call_hangup` and
    `cancelled_amd` (stopped by answering machine detection; not sent by this toolkit's
    server).

    """


class CallSpeakStartedEventV1(BaseModel):
    """
    Speak started, webhook API v1 envelope.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["speak_started"]
    """
    The type of event.
    """
    created_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallSpeakStartedPayload


class CallSpeakStartedEventV2(BaseModel):
    """
    Speak started, webhook API v2 envelope.
    """

    data: CallSpeakStartedEventV2Data
    meta: WebhookMeta | None = None


class CallSpeakStartedEventV2Data(BaseModel):
    """
    The event of a speak started webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.speak.started"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallSpeakStartedPayload


class CallSpeakStartedPayload(BaseModel):
    """
    The payload of a speak started webhook.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """


class CallStatusResponse(BaseModel):
    """
    A call's status.
    """

    data: Call2


class CallTranscriptionEvent(BaseModel):
    """
    Call transcription, webhook API v2 envelope.
    """

    data: CallTranscriptionEventData
    meta: WebhookMeta | None = None


class CallTranscriptionEventData(BaseModel):
    """
    The event of a call transcription webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["call.transcription"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: CallTranscriptionPayload


class CallTranscriptionPayload(BaseModel):
    """
    The payload of a call transcription webhook. The platform's example leaves out
    `client_state`, so it is optional here.

    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(default=None, examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    transcription_data: TranscriptionData


class CallWithRecordingId(Call2):
    """
    A dialled call; `recording_id` names the recording `record` started, if any.
    """

    recording_id: UUID | None = Field(
        default=None, examples=["d7e9c1d4-8b2a-4b8f-b3a7-9a671c9e9b0a"]
    )
    """
    The recording started by `record: record-from-answer`; absent otherwise.
    """


class ClientStateUpdateRequest(BaseModel):
    """
    The call's new client state.
    """

    client_state: str = Field(
        ...,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """


class CommandResponse(BaseModel):
    """
    The answer to a command that was accepted.
    """

    data: CommandResult2


class CommandResponseWithRecordingId(BaseModel):
    """
    The answer to a command that may have started a recording.
    """

    data: CommandResultWithRecordingId


class CommandResult(BaseModel):
    """
    The answer to a command that was accepted. Toolkit choice: the V1 reference shows
    `{"result": "ok"}` with no `data` wrapper (V2 wraps it in `data`).

    """

    result: str = Field(..., examples=["ok"])
    """
    `ok` when the command was accepted.
    """


class CommandResult2(BaseModel):
    """
    The result of a command that was accepted.
    """

    result: str = Field(..., examples=["ok"])
    """
    `ok` when the command was accepted.
    """


class CommandResultWithRecordingId(BaseModel):
    """
    The result of a command that was accepted and may have started a recording.
    """

    result: str = Field(..., examples=["ok"])
    """
    `ok` when the command was accepted.
    """
    recording_id: UUID | None = Field(
        default=None, examples=["d7e9c1d4-8b2a-4b8f-b3a7-9a671c9e9b0a"]
    )
    """
    The recording started by `record: record-from-answer`; absent otherwise.
    """


class CreateCallControlApplicationRequest(BaseModel):
    """
    The settings of a new call control application.
    """

    application_name: str = Field(..., examples=["call-router"], min_length=1)
    """
    A user-assigned name to help manage the application. Toolkit choice: the seed sets
    no limit; an empty name is refused.

    """
    webhook_event_url: str = Field(
        ..., examples=["https://example.com"], pattern="^https?://[^ \\t\\n\\r\\f\\v]+$"
    )
    """
    The URL where webhooks related to this connection will be sent. Must include a
    scheme, such as 'https'. Toolkit choice: webhooks are delivered over HTTP, so the
    scheme must be `http` or `https`. Toolkit choice: whitespace is spelled out as the ASCII
    class ` \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning differs between regex dialects
    (ECMA-262, Python, Rust).

    """
    active: bool | None = True
    """
    Specifies whether the connection can be used.
    """
    anchorsite_override: (
        Literal[
            '"Latency"',
            '"Chicago, IL"',
            '"Ashburn, VA"',
            '"San Jose, CA"',
            '"London, UK"',
            '"Chennai, IN"',
            '"Amsterdam, Netherlands"',
            '"Toronto, Canada"',
            '"Sydney, Australia"',
            "Latency",
            "Chicago, IL",
            "Ashburn, VA",
            "San Jose, CA",
            "London, UK",
            "Chennai, IN",
            "Amsterdam, Netherlands",
            "Toronto, Canada",
            "Sydney, Australia",
        ]
        | str
        | None
    ) = Field(default='"Latency"', examples=['"Amsterdam, Netherlands"'])
    """
    Latency directs Telnyx to route media through the site with the lowest round-trip
    time to the user's connection. Telnyx calculates this time using ICMP ping
    messages. This can be disabled by specifying a site to handle all media.

    Toolkit choice: the seed's four values literally contain quote characters
    (`"Latency"`, with the quotes); they are kept as they are and are what the default
    is. The seed's own example, `"Amsterdam, Netherlands"`, is not among its four
    values: the enum therefore also holds the five sites Telnyx added later, quoted
    the same way, and every site once more without the quotes, as the API spells them
    today. A value is stored and returned exactly as it was sent.

    """
    dtmf_type: Literal["RFC 2833", "Inband", "SIP INFO"] | str | None = Field(
        default="RFC 2833", examples=["Inband"]
    )
    """
    Sets the type of DTMF digits sent from Telnyx to this Connection. Note that DTMF
    digits sent to Telnyx will be accepted in all formats.

    """
    first_command_timeout: bool | None = Field(default=False, examples=[True])
    """
    Specifies whether calls to phone numbers associated with this connection should
    hangup after timing out.

    """
    first_command_timeout_secs: int | None = Field(default=30, examples=[10], ge=1, le=14400)
    """
    Specifies how many seconds to wait before timing out a dial command. Toolkit
    choice: when `first_command_timeout` is true, an inbound call that has received no
    command within this many seconds is hung up (`hangup_cause` `timeout`). Toolkit
    choice: 1 to 14400 (the longest call, `time_limit_secs`); the platform documents no
    range.

    """
    inbound: CallControlApplicationInbound | None = None
    outbound: CallControlApplicationOutbound | None = None
    webhook_api_version: Literal["1", "2"] | str | None = Field(default="1", examples=["1"])
    """
    Determines which webhook format will be used, Telnyx API v1 or v2. "1": a flat
    body with snake_case event names (`call_answered`); "2": a `data`/`meta` body with
    dot.case event names (`call.answered`).

    """
    webhook_event_failover_url: str | None = Field(
        default="",
        examples=["https://failover.example.com"],
        pattern="^(https?://[^ \\t\\n\\r\\f\\v]+)?$",
    )
    """
    The failover URL where webhooks related to this connection will be sent if sending
    to the primary URL fails. Must include a scheme, such as 'https'. The empty string
    (the default) and null both mean "no failover URL". Toolkit choice: whitespace is
    spelled out as the ASCII class ` \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning differs
    between regex dialects (ECMA-262, Python, Rust).

    """
    webhook_timeout_secs: int | None = Field(default=None, examples=[25], ge=0, le=30)
    """
    Specifies how many seconds to wait before timing out a webhook. Toolkit choice:
    null (the default) and 0 both mean the platform default of 2 seconds.

    """


class CustomSipHeader(BaseModel):
    """
    A custom SIP header.
    """

    name: str = Field(..., examples=["head_1"], min_length=1)
    """
    The name of the header to add.
    """
    value: str = Field(..., examples=["val_1"])
    """
    The value of the header.
    """


class CustomHeaders2(RootModel[list[CustomSipHeader]]):
    root: list[CustomSipHeader] = Field(..., examples=[[{"name": "head_1", "value": "val_1"}]])
    """
    Custom headers to be added to the SIP INVITE.
    """


class Destination2(RootModel[str]):
    root: str = Field(
        ...,
        examples=["+18005550100"],
        pattern="^(\\+[1-9][0-9]{1,14}|sips?:[^ \\t\\n\\r\\f\\v@]+@[^ \\t\\n\\r\\f\\v@]+)$",
    )
    """
    A DID in +E.164 format or a SIP URI (`sip:user@host`). Toolkit choice: whitespace is
    spelled out as the ASCII class ` \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning differs
    between regex dialects (ECMA-262, Python, Rust).

    """


class DialRequest(BaseModel):
    """
    Dial a new outbound call.
    """

    to: str = Field(
        ...,
        examples=["+18005550100"],
        pattern="^(\\+[1-9][0-9]{1,14}|sips?:[^ \\t\\n\\r\\f\\v@]+@[^ \\t\\n\\r\\f\\v@]+)$",
    )
    """
    The DID or SIP URI to dial out and bridge to the given call.
    """
    from_: str = Field(
        ..., alias="from", examples=["+18005550101"], pattern="^\\+[1-9][0-9]{1,14}$"
    )
    """
    The `from` number to be used as the caller id presented to the destination (`to` number). The number should be in +E164 format.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"], min_length=1)
    """
    The ID of the Call Control App (formerly ID of the connection) to be used when dialing the destination.
    """
    audio_url: str | None = Field(
        default=None,
        examples=["https://example.com/audio.wav"],
        pattern="^https?://[^ \\t\\n\\r\\f\\v]+$",
    )
    """
    The URL of a file to be played back to the callee when the call is answered. The URL can point to either a WAV or MP3 file.
    """
    timeout_secs: int | None = Field(default=30, examples=[60], ge=5, le=120)
    """
    The number of seconds that Telnyx will wait for the call to be answered by the
    destination to which it is being called. If the timeout is reached before an answer
    is received, the call will hangup and a `call.hangup` webhook with a `hangup_cause`
    of `timeout` will be sent. Minimum value is 5 seconds. Maximum value is 120 seconds.

    """
    time_limit_secs: int | None = Field(default=14400, examples=[600], ge=30, le=14400)
    """
    Sets the maximum duration of a Call Control Leg in seconds. If the time limit is
    reached, the call will hangup and a `call.hangup` webhook with a `hangup_cause` of
    `time_limit` will be sent. The default and maximum are 14400 seconds (4 hours).
    Toolkit choice: the minimum of 30 seconds is the one Telnyx's later schema sets.

    """
    answering_machine_detection: bool | None = False
    """
    Enables answering machine detection. Toolkit choice: the V1-era boolean; later
    versions made it a string enum (`detect`, `disabled`, ...). Machine-detection
    webhooks are outside the seed and are not described here.

    """
    custom_headers: list[CustomSipHeader] | None = Field(
        default=None, examples=[[{"name": "head_1", "value": "val_1"}]]
    )
    """
    Custom headers to be added to the SIP INVITE.
    """
    link_to: str | None = Field(
        default=None,
        examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"],
        min_length=1,
    )
    """
    Use another call's control id for sharing the same call session id.
    """
    sip_auth_username: str | None = None
    """
    SIP Authentication username used for SIP challenges.
    """
    sip_auth_password: str | None = None
    """
    SIP Authentication password used for SIP challenges.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class DialRequest2(BaseModel):
    """
    Dial a new outbound call.
    """

    to: str = Field(
        ...,
        examples=["+18005550100"],
        pattern="^(\\+[1-9][0-9]{1,14}|sips?:[^ \\t\\n\\r\\f\\v@]+@[^ \\t\\n\\r\\f\\v@]+)$",
    )
    """
    The DID (+E.164) or SIP URI to dial. Toolkit choice: one destination; the platform
    also accepts an array of destinations to ring at once, which is not served.

    """
    from_: str = Field(
        ..., alias="from", examples=["+18005550101"], pattern="^\\+[1-9][0-9]{1,14}$"
    )
    """
    The caller id presented to the destination, a +E.164 number.
    """
    from_display_name: str | None = Field(default=None, examples=["Company Name"], max_length=128)
    """
    The caller id name (SIP From Display Name) presented to the destination: at most 128
    characters.

    """
    connection_id: str = Field(..., examples=["1293384261075731499"], max_length=256, min_length=1)
    """
    The id of the Call Control Application the call belongs to: its webhooks go to that
    application's URL. Unknown: 422 (code 10015). Toolkit choice: at most 256 characters.

    """
    audio_url: str | None = Field(
        default=None,
        examples=["https://example.com/audio.wav"],
        pattern="^https?://[^ \\t\\n\\r\\f\\v]+$",
    )
    """
    A WAV or MP3 file played to the callee when the call is answered.
    """
    timeout_secs: int | None = Field(default=30, examples=[60], ge=5, le=600)
    """
    The number of seconds to wait for the destination to answer. When it passes, the call
    hangs up with a `call.hangup` of `hangup_cause` `timeout`. From 5 to 600 seconds.

    """
    time_limit_secs: int | None = Field(default=14400, examples=[600], ge=30, le=14400)
    """
    The maximum duration of the call leg in seconds. When it is reached, the call hangs up
    with a `call.hangup` of `hangup_cause` `time_limit`. From 30 seconds to 4 hours.

    """
    answering_machine_detection: (
        Literal["detect", "detect_beep", "detect_words", "greeting_end", "disabled"] | str | None
    ) = Field(default="disabled", examples=["detect"])
    """
    Answering machine detection. When the call is answered, `call.machine.detection.ended`
    says whether a human or a machine answered; `detect_beep` and `greeting_end` also send
    `call.machine.greeting.ended` when the machine's greeting ends.

    Toolkit choice: `premium` detection (and its `call.machine.premium.*` events) is not
    served.

    """
    custom_headers: list[CustomSipHeader] | None = Field(
        default=None, examples=[[{"name": "head_1", "value": "val_1"}]]
    )
    """
    Custom headers to be added to the SIP INVITE.
    """
    sip_headers: list[SipHeader] | None = Field(default=None, max_length=10)
    """
    SIP headers to add. Only `User-to-User` is supported.
    """
    link_to: str | None = Field(
        default=None,
        examples=["v3:MdI91X4lWFEs7IgbBEOT9M4AigoY08M0WWZFISt1Yw2axZ_IiE4pqg"],
        max_length=256,
        min_length=1,
    )
    """
    Another call's `call_control_id`: the new call shares its `call_session_id`. Unknown:
    422 (code 90015). Toolkit choice: at most 256 characters.

    """
    park_after_unbridge: Literal["self"] | str | None = Field(default=None, examples=["self"])
    """
    What happens to this leg when the bridge ends (the other leg hangs up or is
    transferred): `self` parks it. When absent, the leg hangs up. Toolkit choice: the
    platform declares a free string and documents only `self`.

    """
    sip_auth_username: str | None = None
    """
    SIP Authentication username used for SIP challenges.
    """
    sip_auth_password: str | None = None
    """
    SIP Authentication password used for SIP challenges.
    """
    record: Literal["record-from-answer"] | str | None = Field(
        default=None, examples=["record-from-answer"]
    )
    """
    Start recording automatically when the call is answered.
    """
    record_channels: Literal["single", "dual"] | str | None = Field(
        default="dual", examples=["single"]
    )
    """
    `single` or `dual` channel recording, when `record` is given.
    """
    record_format: Literal["wav", "mp3"] | str | None = Field(default="mp3", examples=["wav"])
    """
    The recording's file format, when `record` is given.
    """
    record_max_length: int | None = Field(default=0, examples=[1000], ge=0, le=43200)
    """
    The maximum length of the recording in seconds, 0 to 43200; 0 means no limit.
    """
    record_track: Literal["both", "inbound", "outbound"] | str | None = Field(
        default="both", examples=["both"]
    )
    """
    The audio track to record. With a single track (`inbound` or `outbound`) the channels
    setting is ignored and the recording is mono.

    """
    record_custom_file_name: str | None = Field(
        default=None, examples=["my_recording_file_name"], max_length=40, min_length=1
    )
    """
    The recording's file name instead of the default (the `call_leg_id`). A Unix timestamp
    suffix is added.

    """
    stream_url: str | None = Field(
        default=None,
        examples=["wss://www.example.com/websocket"],
        max_length=2048,
        pattern="^wss?://[^ \\t\\n\\r\\f\\v]+$",
    )
    """
    The WebSocket address the media stream is delivered to. Toolkit choice: a `ws://` or
    `wss://` URL of at most 2048 characters (the platform documents a string).

    """
    stream_track: Literal["inbound_track", "outbound_track", "both_tracks"] | str | None = Field(
        default="inbound_track", examples=["both_tracks"]
    )
    """
    Which track is streamed.
    """
    stream_codec: (
        Literal["PCMU", "PCMA", "G722", "OPUS", "AMR-WB", "L16", "default"] | str | None
    ) = Field(default="default", examples=["PCMA"])
    """
    The codec of the streamed audio. `default`, or a codec the call cannot be transcoded
    to, streams the call's own codec.

    """
    stream_auth_token: str | None = Field(
        default=None, examples=["your-auth-token"], max_length=4000
    )
    """
    A token sent when the WebSocket connection is made, at most 4000 characters.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class DialResponse(BaseModel):
    """
    The dialled call. Toolkit choice: the V1 dial answer keeps the `data` wrapper of
    Telnyx's earliest spec; only the command answers drop it.

    """

    data: Call


class DialResponse2(BaseModel):
    """
    The dialled call.
    """

    data: CallWithRecordingId


class E164Number2(RootModel[str]):
    root: str = Field(..., examples=["+18005550101"], pattern="^\\+[1-9][0-9]{1,14}$")
    """
    A phone number in +E.164 format.
    """


class EnqueueRequest(BaseModel):
    """
    Put the call in a queue.
    """

    queue_name: str = Field(..., examples=["support"], max_length=255, min_length=1)
    """
    The queue to put the call in, created if it does not exist. Toolkit choice: 1 to 255
    characters.

    """
    max_size: int | None = Field(default=100, examples=[200], ge=1, le=5000)
    """
    The most calls the queue holds at once; set when the queue is created and not changed
    afterwards. Toolkit choice: 1 to 5000 (the platform documents only the default).

    """
    max_wait_time_secs: int | None = Field(default=None, examples=[600], ge=1, le=14400)
    """
    Seconds after which the call leaves the queue (`call.dequeued`, reason `timeout`).
    When absent, it waits until it leaves otherwise. Toolkit choice: 1 to 14400, the
    longest a call can last.

    """
    keep_after_hangup: bool | None = Field(default=False, examples=[True])
    """
    Keep the call in the queue after it hangs up.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

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


class ForkStartRequest(BaseModel):
    """
    Start forking the call's media. Send either `target` (both directions to one
    address) or `rx` and `tx`.

    """

    target: str | None = Field(
        default=None,
        examples=["udp:192.0.2.1:9000"],
        pattern="^udp:[^ \\t\\n\\r\\f\\v:]+:[0-9]{1,5}$",
    )
    """
    The network target, `udp:ip_address:port`, where the call's RTP media packets
    should be forwarded. Both incoming and outgoing media packets will be delivered
    to the specified target, and information about the stream will be included in
    the encapsulation protocol header, including the direction (0 = inbound; 1 =
    outbound), leg (0 = A-leg; 1 = B-leg), and call_leg_id.

    """
    rx: str | None = Field(
        default=None,
        examples=["udp:192.0.2.1:9000"],
        pattern="^udp:[^ \\t\\n\\r\\f\\v:]+:[0-9]{1,5}$",
    )
    """
    The network target, `udp:ip_address:port`, where the call's incoming RTP media packets should be forwarded.
    """
    tx: str | None = Field(
        default=None,
        examples=["udp:192.0.2.1:9000"],
        pattern="^udp:[^ \\t\\n\\r\\f\\v:]+:[0-9]{1,5}$",
    )
    """
    The network target, `udp:ip_address:port`, where the call's outgoing RTP media packets should be forwarded.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class ForkStartRequest2(BaseModel):
    """
    Start forking the call's media.
    """

    rx: str = Field(
        ..., examples=["udp:192.0.2.1:9000"], pattern="^udp:[^ \\t\\n\\r\\f\\v:]+:[0-9]{1,5}$"
    )
    """
    Where the call's incoming RTP is sent, `udp:<ip>:<port>`.
    """
    tx: str = Field(
        ..., examples=["udp:192.0.2.1:9000"], pattern="^udp:[^ \\t\\n\\r\\f\\v:]+:[0-9]{1,5}$"
    )
    """
    Where the call's outgoing RTP is sent, `udp:<ip>:<port>`.
    """
    stream_type: Literal["decrypted"] | str | None = Field(
        default="decrypted", examples=["decrypted"]
    )
    """
    The media forked: `decrypted` decrypts SRTP before forking. Toolkit choice: `rx` and
    `tx` are required, as the platform requires them for `decrypted`, its only value.

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class ForkStopRequest(BaseModel):
    """
    Stop forking the call's media.
    """

    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class ForkStopRequest2(BaseModel):
    """
    Stop forking the call's media.
    """

    stream_type: Literal["raw", "decrypted"] | str | None = Field(
        default="raw", examples=["decrypted"]
    )
    """
    The `stream_type` that `fork_start` used.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class ForkTarget2(RootModel[str]):
    root: str = Field(
        ..., examples=["udp:192.0.2.1:9000"], pattern="^udp:[^ \\t\\n\\r\\f\\v:]+:[0-9]{1,5}$"
    )
    """
    An RTP target, `udp:<ip>:<port>`. Toolkit choice: whitespace is spelled out as the ASCII
    class ` \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning differs between regex dialects
    (ECMA-262, Python, Rust).

    """


class GatherRequest(BaseModel):
    """
    Gather DTMF digits.
    """

    minimum_digits: int | None = Field(default=1, examples=[1], ge=1, le=128)
    """
    The fewest digits to gather, at least 1. Toolkit choice: at most 128, the platform's
    maximum for `maximum_digits`.

    """
    maximum_digits: int | None = Field(default=128, examples=[10], ge=1, le=128)
    """
    The most digits to gather, at most 128. Toolkit choice: at least 1, the platform's
    minimum for `minimum_digits`.

    """
    timeout_millis: int | None = Field(default=60000, examples=[60000], ge=1, le=600000)
    """
    Milliseconds to wait for digits after the prompt ends before playing it again (for
    `gather`: to complete the request). Toolkit choice: 1 to 600000 (10 minutes); the
    platform documents only the default.

    """
    initial_timeout_millis: int | None = Field(default=5000, examples=[10000], ge=1, le=120000)
    """
    Milliseconds to wait for the first digit. Toolkit choice: 1 to 120000 (2 minutes);
    the platform documents only the default.

    """
    inter_digit_timeout_millis: int | None = Field(default=5000, examples=[10000], ge=1, le=120000)
    """
    Milliseconds to wait for each digit after the first. Toolkit choice: 1 to 120000 (2
    minutes); the platform documents only the default.

    """
    terminating_digit: str | None = Field(default="#", examples=["#"], pattern="^[0-9A-D*#]$")
    """
    The digit used to terminate input if fewer than `maximum_digits` digits have been gathered.
    """
    valid_digits: str | None = Field(
        default="0123456789#*", examples=["123"], pattern="^[0-9A-D*#]+$"
    )
    """
    A list of all digits accepted as valid.
    """
    gather_id: str | None = Field(
        default=None, examples=["my_gather_id"], max_length=40, min_length=1
    )
    """
    An id sent back in the `call.gather.ended` webhook; random when absent.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class GatherStopRequest(BaseModel):
    """
    Stop the current gather.
    """

    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class GatherUsingAudioRequest(BaseModel):
    """
    Play audio and gather DTMF digits.
    """

    audio_url: str = Field(
        ..., examples=["https://example.com/audio.wav"], pattern="^https?://[^ \\t\\n\\r\\f\\v]+$"
    )
    """
    The URL of a file to be played back at the beginning of each prompt. The URL can point to either a WAV or MP3 file.
    """
    invalid_audio_url: str | None = Field(
        default=None,
        examples=["https://example.com/audio.wav"],
        pattern="^https?://[^ \\t\\n\\r\\f\\v]+$",
    )
    """
    The URL of a file to play when digits don't match the `valid_digits` parameter or the number of digits is not between `minimum_digits` and `maximum_digits`. The URL can point to either a WAV or MP3 file.
    """
    minimum_digits: int | None = Field(default=1, examples=[1], ge=1, le=128)
    """
    The minimum number of digits to fetch. This parameter has a minimum value of 1.
    """
    maximum_digits: int | None = Field(default=128, examples=[10], ge=1, le=128)
    """
    The maximum number of digits to fetch. This parameter has a maximum value of 128.
    """
    maximum_tries: int | None = Field(default=3, examples=[3], ge=1, le=2147483647)
    """
    The maximum number of times the file should be played if there is no input from
    the user on the call. At most 2147483647 (the platform's int32).

    """
    timeout_millis: int | None = Field(default=60000, examples=[60000], ge=1, le=2147483647)
    """
    The number of milliseconds to wait for a DTMF response after file playback ends before a replaying the sound file. At most 2147483647 (the platform's int32).
    """
    terminating_digit: str | None = Field(default="#", examples=["#"], pattern="^[0-9A-D*#]$")
    """
    The digit used to terminate input if fewer than `maximum_digits` digits have been gathered.
    """
    valid_digits: str | None = Field(
        default="0123456789#*", examples=["123"], pattern="^[0-9A-D*#]+$"
    )
    """
    A list of all digits accepted as valid.
    """
    inter_digit_timeout_millis: int | None = Field(
        default=5000, examples=[10000], ge=1, le=2147483647
    )
    """
    The number of milliseconds to wait for input between digits. At most 2147483647 (the platform's int32).
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class GatherUsingAudioRequest2(BaseModel):
    """
    Play audio and gather DTMF digits.
    """

    audio_url: str = Field(
        ..., examples=["https://example.com/audio.wav"], pattern="^https?://[^ \\t\\n\\r\\f\\v]+$"
    )
    """
    A WAV or MP3 file played at the start of each prompt. Toolkit choice: required, since
    its alternative `media_name` (a file stored on the platform) is not served.

    """
    invalid_audio_url: str | None = Field(
        default=None,
        examples=["https://example.com/audio.wav"],
        pattern="^https?://[^ \\t\\n\\r\\f\\v]+$",
    )
    """
    A WAV or MP3 file played when the digits do not match `valid_digits` or their number
    is not between `minimum_digits` and `maximum_digits`.

    """
    minimum_digits: int | None = Field(default=1, examples=[1], ge=1, le=128)
    """
    The fewest digits to gather, at least 1. Toolkit choice: at most 128, the platform's
    maximum for `maximum_digits`.

    """
    maximum_digits: int | None = Field(default=128, examples=[10], ge=1, le=128)
    """
    The most digits to gather, at most 128. Toolkit choice: at least 1, the platform's
    minimum for `minimum_digits`.

    """
    maximum_tries: int | None = Field(default=3, examples=[3], ge=1, le=10)
    """
    How many times the prompt is played when there is no input. Toolkit choice: 1 to 10; the
    platform documents only the default.

    """
    timeout_millis: int | None = Field(default=60000, examples=[60000], ge=1, le=600000)
    """
    Milliseconds to wait for digits after the prompt ends before playing it again (for
    `gather`: to complete the request). Toolkit choice: 1 to 600000 (10 minutes); the
    platform documents only the default.

    """
    terminating_digit: str | None = Field(default="#", examples=["#"], pattern="^[0-9A-D*#]$")
    """
    The digit used to terminate input if fewer than `maximum_digits` digits have been gathered.
    """
    valid_digits: str | None = Field(
        default="0123456789#*", examples=["123"], pattern="^[0-9A-D*#]+$"
    )
    """
    A list of all digits accepted as valid.
    """
    inter_digit_timeout_millis: int | None = Field(default=5000, examples=[10000], ge=1, le=120000)
    """
    Milliseconds to wait for each digit after the first. Toolkit choice: 1 to 120000 (2
    minutes); the platform documents only the default.

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class GatherUsingSpeakRequest(BaseModel):
    """
    Speak text and gather DTMF digits.
    """

    payload: str = Field(..., examples=["Say this on the call"], max_length=5000, min_length=1)
    """
    The text or SSML to be converted into speech. There is a 5,000 character limit.
    """
    invalid_payload: str | None = Field(
        default=None, examples=["Say this on the call"], max_length=5000, min_length=1
    )
    """
    The text or SSML to be converted into speech when digits don't match the `valid_digits` parameter or the number of digits is not between `minimum_digits` and `maximum_digits`. There is a 5,000 character limit.
    """
    payload_type: Literal["text", "ssml"] | str | None = Field(default="text", examples=["ssml"])
    """
    The type of the provided payload. The payload can either be plain text, or Speech Synthesis Markup Language (SSML).
    """
    service_level: Literal["basic", "premium"] | str | None = Field(
        default="premium", examples=["premium"]
    )
    """
    This parameter impacts speech quality, language options and payload types. When
    using `basic`, only the `en-US` language and payload type `text` are allowed.

    """
    voice: Literal["male", "female"] | str = Field(..., examples=["female"])
    """
    The gender of the voice used to speak back the text.
    """
    language: (
        Literal[
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
        ]
        | str
    ) = Field(..., examples=["en-US"])
    """
    The language you want spoken.
    """
    minimum_digits: int | None = Field(default=1, examples=[1], ge=1, le=128)
    """
    The minimum number of digits to fetch. This parameter has a minimum value of 1.
    """
    maximum_digits: int | None = Field(default=128, examples=[10], ge=1, le=128)
    """
    The maximum number of digits to fetch. This parameter has a maximum value of 128.
    """
    maximum_tries: int | None = Field(default=3, examples=[3], ge=1, le=2147483647)
    """
    The maximum number of times the file should be played if there is no input from
    the user on the call. At most 2147483647 (the platform's int32).

    """
    timeout_millis: int | None = Field(default=60000, examples=[60000], ge=1, le=2147483647)
    """
    The number of milliseconds to wait for a DTMF response after file playback ends before a replaying the sound file. At most 2147483647 (the platform's int32).
    """
    terminating_digit: str | None = Field(default="#", examples=["#"], pattern="^[0-9A-D*#]$")
    """
    The digit used to terminate input if fewer than `maximum_digits` digits have been gathered.
    """
    valid_digits: str | None = Field(
        default="0123456789#*", examples=["123"], pattern="^[0-9A-D*#]+$"
    )
    """
    A list of all digits accepted as valid.
    """
    inter_digit_timeout_millis: int | None = Field(
        default=5000, examples=[10000], ge=1, le=2147483647
    )
    """
    The number of milliseconds to wait for input between digits. At most 2147483647 (the platform's int32).
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class GatherUsingSpeakRequest2(BaseModel):
    """
    Speak text and gather DTMF digits.
    """

    payload: str = Field(..., examples=["Say this on the call"], max_length=3000, min_length=1)
    """
    The text or SSML to speak, at most 3,000 characters. Toolkit choice: at least one
    character (the platform documents no minimum).

    """
    invalid_payload: str | None = Field(
        default=None, examples=["Say this on the call"], max_length=3000, min_length=1
    )
    """
    The text or SSML spoken when the digits do not match `valid_digits` or their number is
    not between `minimum_digits` and `maximum_digits`, at most 3,000 characters.

    """
    payload_type: Literal["text", "ssml"] | str | None = Field(default="text", examples=["ssml"])
    """
    The type of the provided payload. The payload can either be plain text, or Speech Synthesis Markup Language (SSML).
    """
    service_level: Literal["basic", "premium"] | str | None = Field(
        default="premium", examples=["premium"]
    )
    """
    This parameter impacts speech quality, language options and payload types. When
    using `basic`, only the `en-US` language and payload type `text` are allowed.

    """
    voice: str = Field(..., examples=["AWS.Polly.Joanna-Neural"], max_length=256, min_length=1)
    """
    The voice used in speech synthesis, written `<Provider>.<Model>.<VoiceId>` (for example
    `AWS.Polly.Joanna`, `Azure.en-US-AvaMultilingualNeural`, `Telnyx.KokoroTTS.af`);
    a provider alone picks its default model and voice. `male` and `female` remain
    accepted with `service_level` `basic`. Toolkit choice: any string of 1 to 256
    characters is accepted and spoken with one simulated voice.

    """
    language: (
        Literal[
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
        | str
        | None
    ) = Field(default=None, examples=["en-US"])
    """
    The language spoken. Optional; it is ignored for voices that carry their own language
    (`AWS.Polly.*` and the other `<Provider>.<Model>.<VoiceId>` voices).

    """
    minimum_digits: int | None = Field(default=1, examples=[1], ge=1, le=128)
    """
    The fewest digits to gather, at least 1. Toolkit choice: at most 128, the platform's
    maximum for `maximum_digits`.

    """
    maximum_digits: int | None = Field(default=128, examples=[10], ge=1, le=128)
    """
    The most digits to gather, at most 128. Toolkit choice: at least 1, the platform's
    minimum for `minimum_digits`.

    """
    maximum_tries: int | None = Field(default=3, examples=[3], ge=1, le=10)
    """
    How many times the prompt is played when there is no input. Toolkit choice: 1 to 10; the
    platform documents only the default.

    """
    timeout_millis: int | None = Field(default=60000, examples=[60000], ge=1, le=600000)
    """
    Milliseconds to wait for digits after the prompt ends before playing it again (for
    `gather`: to complete the request). Toolkit choice: 1 to 600000 (10 minutes); the
    platform documents only the default.

    """
    terminating_digit: str | None = Field(default="#", examples=["#"], pattern="^[0-9A-D*#]$")
    """
    The digit used to terminate input if fewer than `maximum_digits` digits have been gathered.
    """
    valid_digits: str | None = Field(
        default="0123456789#*", examples=["123"], pattern="^[0-9A-D*#]+$"
    )
    """
    A list of all digits accepted as valid.
    """
    inter_digit_timeout_millis: int | None = Field(default=5000, examples=[10000], ge=1, le=120000)
    """
    Milliseconds to wait for each digit after the first. Toolkit choice: 1 to 120000 (2
    minutes); the platform documents only the default.

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class HangupRequest(BaseModel):
    """
    Hang up the call.
    """

    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class HangupRequest2(BaseModel):
    """
    Hang up the call.
    """

    custom_headers: list[CustomSipHeader] | None = Field(
        default=None, examples=[[{"name": "head_1", "value": "val_1"}]]
    )
    """
    Custom headers added to the SIP BYE.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class LeaveQueueRequest(BaseModel):
    """
    Remove the call from its queue.
    """

    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class ListCallControlApplicationsResponse(BaseModel):
    """
    A page of call control applications.
    """

    data: list[CallControlApplication]
    meta: PaginationMeta


class Loop(RootModel[int]):
    root: int = Field(..., examples=["infinity"], ge=1, le=100)
    """
    The number of times the audio file should be played, 1 to 100, or `infinity`
    to play it until stopped.

    Toolkit choice: the V1-era schema declared a string with the integer default 1;
    both an integer 1-100 and the strings "1".."100" and "infinity" are accepted.

    """


class Loop1(RootModel[str]):
    root: str = Field(..., examples=["infinity"], pattern="^(infinity|[1-9][0-9]?|100)$")
    """
    The number of times the audio file should be played, 1 to 100, or `infinity`
    to play it until stopped.

    Toolkit choice: the V1-era schema declared a string with the integer default 1;
    both an integer 1-100 and the strings "1".."100" and "infinity" are accepted.

    """


class Loop3(RootModel[int]):
    root: int = Field(..., examples=["infinity"], ge=1, le=100)
    """
    How many times the audio is played, 1 to 100, or `infinity` to play it until stopped.
    Toolkit choice: the platform declares "string or integer"; the values are those of its
    text (1 to 100, or `infinity`), given as an integer or a string.

    """


class Loop4(RootModel[str]):
    root: str = Field(..., examples=["infinity"], pattern="^(infinity|[1-9][0-9]?|100)$")
    """
    How many times the audio is played, 1 to 100, or `infinity` to play it until stopped.
    Toolkit choice: the platform declares "string or integer"; the values are those of its
    text (1 to 100, or `infinity`), given as an integer or a string.

    """


class PaginationMeta(BaseModel):
    """
    Where a page sits in the whole list.
    """

    page_number: int = Field(..., examples=[2])
    """
    The number of this page, from 1.
    """
    page_size: int = Field(..., examples=[25])
    """
    The most items a page holds.
    """
    total_pages: int = Field(..., examples=[3])
    """
    How many pages the list has.
    """
    total_results: int = Field(..., examples=[55])
    """
    How many items the list has across all pages.
    """


class PayloadType2(RootModel[Literal["text", "ssml"] | str]):
    root: Literal["text", "ssml"] | str = Field(..., examples=["ssml"])
    """
    The type of the provided payload. The payload can either be plain text, or Speech Synthesis Markup Language (SSML).
    """


class PlaybackStartRequest(BaseModel):
    """
    Play an audio file on the call.
    """

    audio_url: str = Field(
        ..., examples=["https://example.com/audio.wav"], pattern="^https?://[^ \\t\\n\\r\\f\\v]+$"
    )
    """
    The URL of the file to be played back on the call. The URL can point to either a WAV or MP3 file.
    """
    loop: Loop | Loop1 | None = Field(default=1, examples=["infinity"], validate_default=True)
    """
    The number of times the audio file should be played, 1 to 100, or `infinity`
    to play it until stopped.

    Toolkit choice: the V1-era schema declared a string with the integer default 1;
    both an integer 1-100 and the strings "1".."100" and "infinity" are accepted.

    """
    overlay: bool | None = Field(default=False, examples=[True])
    """
    When enabled, audio will be mixed on top of any other audio that is actively
    being played back. Note that `overlay: true` will only work if there is another
    audio file already being played on the call. Toolkit choice: a boolean (the
    V1-era schema gave its default and example as the strings "false" and "true").

    """
    stop: Literal["current", "all"] | str | None = Field(default=None, examples=["current"])
    """
    When specified, it stops the current audio being played. Specify `current` to
    stop the current audio being played, and to play the next file in the queue.
    Specify `all` to stop the current audio file being played and to also clear all
    audio files from the queue. Default: none (nothing is stopped).

    """
    target_legs: Literal["self", "opposite", "both"] | str | None = Field(
        default="self", examples=["self"]
    )
    """
    Specifies the leg or legs on which audio will be played.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class PlaybackStartRequest2(BaseModel):
    """
    Play an audio file on the call.
    """

    audio_url: str = Field(
        ..., examples=["https://example.com/audio.wav"], pattern="^https?://[^ \\t\\n\\r\\f\\v]+$"
    )
    """
    The WAV or MP3 file to play. Toolkit choice: required, since its alternatives
    `media_name` and `playback_content` are not served.

    """
    audio_type: Literal["mp3", "wav"] | str | None = Field(default="mp3", examples=["wav"])
    """
    The type of the audio.
    """
    loop: Loop3 | Loop4 | None = Field(default=1, examples=["infinity"], validate_default=True)
    """
    How many times the audio is played, 1 to 100, or `infinity` to play it until stopped.
    Toolkit choice: the platform declares "string or integer"; the values are those of its
    text (1 to 100, or `infinity`), given as an integer or a string.

    """
    overlay: bool | None = Field(default=False, examples=[True])
    """
    Mix this audio on top of the audio being played (without `overlay`). Only with
    `target_legs` `self`.

    """
    stop: Literal["current", "all"] | str | None = Field(default=None, examples=["current"])
    """
    Stop the audio being played first: `current` stops it and plays the next queued file,
    `all` also clears the queue. When absent, nothing is stopped.

    """
    target_legs: Literal["self", "opposite", "both"] | str | None = Field(
        default="self", examples=["self"]
    )
    """
    The leg or legs that hear the audio.
    """
    cache_audio: bool | None = Field(default=True, examples=[True])
    """
    Cache the file, for audio played several times on the call.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class PlaybackStopRequest(BaseModel):
    """
    Stop audio being played on the call.
    """

    stop: Literal["current", "all"] | str | None = Field(default="all", examples=["current"])
    """
    Use `current` to stop only the current audio or `all` to stop all audios in the queue.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class PlaybackStopRequest2(BaseModel):
    """
    Stop audio being played on the call.
    """

    stop: Literal["current", "all"] | str | None = Field(default="all", examples=["current"])
    """
    `current` stops the audio being played, `all` also clears the queue.
    """
    overlay: bool | None = Field(default=False, examples=[False])
    """
    Stop the audio of the overlay queue instead.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class RecordPauseRequest(BaseModel):
    """
    Pause the call's recording.
    """

    recording_id: UUID | None = Field(
        default=None, examples=["6e00ab49-9487-4364-8ad6-23965965afb2"]
    )
    """
    The recording to act on. Toolkit choice: when absent, the call's current recording (a
    call has at most one recording at a time here).

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class RecordResumeRequest(BaseModel):
    """
    Resume the call's recording.
    """

    recording_id: UUID | None = Field(
        default=None, examples=["6e00ab49-9487-4364-8ad6-23965965afb2"]
    )
    """
    The recording to act on. Toolkit choice: when absent, the call's current recording (a
    call has at most one recording at a time here).

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class RecordStartRequest(BaseModel):
    """
    Start recording the call.
    """

    format: Literal["wav", "mp3"] | str = Field(..., examples=["mp3"])
    """
    The audio file format used when storing the call recording. Can be either `mp3` or `wav`.
    """
    channels: Literal["single", "dual"] | str = Field(..., examples=["single"])
    """
    When `dual`, final audio file will be stereo recorded with the first leg on
    channel A, and the rest on channel B.

    """
    play_beep: bool | None = Field(default=False, examples=[True])
    """
    If enabled, a beep sound will be played at the start of a recording. Toolkit
    choice: the sources give no default; false.

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class RecordStartRequest2(BaseModel):
    """
    Start recording the call.
    """

    format: Literal["wav", "mp3"] | str = Field(..., examples=["mp3"])
    """
    The recording's file format.
    """
    channels: Literal["single", "dual"] | str = Field(..., examples=["single"])
    """
    `dual` records a stereo file, the first leg on channel A and the rest on channel B.

    """
    play_beep: bool | None = Field(default=False, examples=[True])
    """
    Play a beep when the recording starts. Toolkit choice: the platform gives no default; false.
    """
    max_length: int | None = Field(default=0, examples=[100], ge=0, le=14400)
    """
    The maximum length of the recording in seconds, 0 to 14400; 0 means no limit.
    """
    timeout_secs: int | None = Field(default=0, examples=[100], ge=0, le=14400)
    """
    Seconds of silence after which the recording stops; 0 means never. Toolkit choice: at
    most 14400 (the longest a call lasts); the platform documents only the minimum.

    """
    recording_track: Literal["both", "inbound", "outbound"] | str | None = Field(
        default="both", examples=["both"]
    )
    """
    The audio track to record. With a single track (`inbound` or `outbound`) the channels
    setting is ignored and the recording is mono.

    """
    custom_file_name: str | None = Field(
        default=None, examples=["my_recording_file_name"], max_length=40, min_length=1
    )
    """
    The recording's file name instead of the default (the `call_leg_id`). A Unix timestamp
    suffix is added.

    """
    trim: Literal["trim-silence"] | str | None = Field(default=None, examples=["trim-silence"])
    """
    `trim-silence` removes silence from the beginning and end of the recording.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class RecordStopRequest(BaseModel):
    """
    Stop recording the call.
    """

    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class RecordStopRequest2(BaseModel):
    """
    Stop recording the call.
    """

    recording_id: UUID | None = Field(
        default=None, examples=["6e00ab49-9487-4364-8ad6-23965965afb2"]
    )
    """
    The recording to act on. Toolkit choice: when absent, the call's current recording (a
    call has at most one recording at a time here).

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class RecordingUrls(BaseModel):
    """
    Recording URLs in requested format. The URL is valid for as long as the file exists; public URLs expire after 10 minutes.
    """

    mp3: str | None = Field(default=None, examples=["http://example.com/recording.mp3"])
    """
    Recording URL in mp3 format, null when the recording is in wav.
    """
    wav: str | None = Field(default=None, examples=["http://example.com/recording.wav"])
    """
    Recording URL in wav format, null when the recording is in mp3.
    """


class ReferRequest(BaseModel):
    """
    Send a SIP REFER.
    """

    sip_address: str = Field(
        ...,
        examples=["sip:username@sip.non-telnyx-address.com"],
        max_length=2048,
        pattern="^sips?:[^ \\t\\n\\r\\f\\v@]+@[^ \\t\\n\\r\\f\\v@]+$",
    )
    """
    The SIP URI the call is referred to. Toolkit choice: a `sip:` or `sips:` URI of at
    most 2048 characters (the platform documents a string).

    """
    custom_headers: list[CustomSipHeader] | None = Field(
        default=None, examples=[[{"name": "head_1", "value": "val_1"}]]
    )
    """
    Custom headers to be added to the SIP INVITE.
    """
    sip_headers: list[SipHeader] | None = Field(default=None, max_length=10)
    """
    SIP headers to add. Only `User-to-User` is supported.
    """
    sip_auth_username: str | None = None
    """
    SIP Authentication username used for SIP challenges.
    """
    sip_auth_password: str | None = None
    """
    SIP Authentication password used for SIP challenges.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class RejectRequest(BaseModel):
    """
    Reject an incoming call.
    """

    cause: Literal["CALL_REJECTED", "USER_BUSY"] | str | None = Field(
        default="CALL_REJECTED", examples=["USER_BUSY"]
    )
    """
    Cause for call rejection.

    Toolkit choice: whether V1 `reject` took `cause` is unconfirmed (the October
    2019 spec has none; Telnyx added it in February 2020 with a default, "none",
    that is outside its own enum, and later made it required). Here it is optional
    with default `CALL_REJECTED`. The call's `call.hangup` carries `hangup_cause`
    `call_rejected` or `user_busy` accordingly.

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class RejectRequest2(BaseModel):
    """
    Reject an incoming call.
    """

    cause: Literal["CALL_REJECTED", "USER_BUSY"] | str = Field(..., examples=["USER_BUSY"])
    """
    Why the call is rejected.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class SendDtmfRequest(BaseModel):
    """
    Send DTMF tones.
    """

    digits: str = Field(..., examples=["1www2WABCDw9"], pattern="^[0-9A-D*#wW]+$")
    """
    DTMF digits to send. Valid digits are 0-9, A-D, *, and #. Pauses can be added
    using w (0.5s) and W (1s).

    """
    duration_millis: int | None = Field(default=250, examples=[500], ge=100, le=500)
    """
    Specifies for how many milliseconds each digit will be played in the audio stream. Ranges from 100 to 500ms.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class SendDtmfRequest2(BaseModel):
    """
    Send DTMF tones.
    """

    digits: str = Field(..., examples=["1www2WABCDw9"], max_length=128, pattern="^[0-9A-D*#wW]+$")
    """
    The digits to send: 0-9, A-D, `*` and `#`; `w` pauses 0.5 s and `W` 1 s. Toolkit
    choice: at most 128 characters.

    """
    duration_millis: int | None = Field(default=250, examples=[500], ge=100, le=500)
    """
    How long each digit is played, 100 to 500 ms.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class SendSipInfoRequest(BaseModel):
    """
    Send a SIP INFO message.
    """

    content_type: str = Field(
        ...,
        examples=["application/json"],
        max_length=255,
        pattern="^[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+(;.*)?$",
    )
    """
    The MIME type of the body. Toolkit choice: a `type/subtype` MIME type of at most 255
    characters.

    """
    body: str = Field(..., examples=['{"key": "value", "numValue": 100}'], max_length=1400)
    """
    The body of the SIP INFO. Toolkit choice: at most 1400 characters; the platform states
    a 1,400-byte limit in the description of `content_type`.

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class ServiceLevel2(RootModel[Literal["basic", "premium"] | str]):
    root: Literal["basic", "premium"] | str = Field(..., examples=["premium"])
    """
    This parameter impacts speech quality, language options and payload types. When
    using `basic`, only the `en-US` language and payload type `text` are allowed.

    """


class SipHeader(BaseModel):
    """
    A SIP header of the INVITE (or of its answer). Only `User-to-User` is supported.
    """

    name: Literal["User-to-User"] | str = Field(..., examples=["User-to-User"])
    """
    The name of the header.
    """
    value: str = Field(..., examples=["1234"], max_length=1024)
    """
    The value of the header. Toolkit choice: at most 1024 characters.
    """


class SpeakRequest(BaseModel):
    """
    Speak text on the call.
    """

    payload: str = Field(..., examples=["Say this on the call"], max_length=5000, min_length=1)
    """
    The text or SSML to be converted into speech. There is a 5,000 character limit.
    """
    payload_type: Literal["text", "ssml"] | str | None = Field(default="text", examples=["ssml"])
    """
    The type of the provided payload. The payload can either be plain text, or Speech Synthesis Markup Language (SSML).
    """
    service_level: Literal["basic", "premium"] | str | None = Field(
        default="premium", examples=["premium"]
    )
    """
    This parameter impacts speech quality, language options and payload types. When
    using `basic`, only the `en-US` language and payload type `text` are allowed.

    """
    stop: Literal["current", "all"] | str | None = Field(default=None, examples=["current"])
    """
    When specified, it stops the current audio being played. Specify `current` to stop
    the current audio being played, and to play the next file in the queue. Specify
    `all` to stop the current audio file being played and to also clear all audio
    files from the queue.

    """
    voice: Literal["male", "female"] | str = Field(..., examples=["female"])
    """
    The gender of the voice used to speak back the text.
    """
    language: (
        Literal[
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
        ]
        | str
    ) = Field(..., examples=["en-US"])
    """
    The language you want spoken.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class SpeakRequest2(BaseModel):
    """
    Speak text on the call.
    """

    payload: str = Field(..., examples=["Say this on the call"], max_length=3000, min_length=1)
    """
    The text or SSML to speak, at most 3,000 characters. Toolkit choice: at least one
    character (the platform documents no minimum).

    """
    payload_type: Literal["text", "ssml"] | str | None = Field(default="text", examples=["ssml"])
    """
    The type of the provided payload. The payload can either be plain text, or Speech Synthesis Markup Language (SSML).
    """
    service_level: Literal["basic", "premium"] | str | None = Field(
        default="premium", examples=["premium"]
    )
    """
    This parameter impacts speech quality, language options and payload types. When
    using `basic`, only the `en-US` language and payload type `text` are allowed.

    """
    voice: str = Field(..., examples=["AWS.Polly.Joanna-Neural"], max_length=256, min_length=1)
    """
    The voice used in speech synthesis, written `<Provider>.<Model>.<VoiceId>` (for example
    `AWS.Polly.Joanna`, `Azure.en-US-AvaMultilingualNeural`, `Telnyx.KokoroTTS.af`);
    a provider alone picks its default model and voice. `male` and `female` remain
    accepted with `service_level` `basic`. Toolkit choice: any string of 1 to 256
    characters is accepted and spoken with one simulated voice.

    """
    language: (
        Literal[
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
        | str
        | None
    ) = Field(default=None, examples=["en-US"])
    """
    The language spoken. Optional; it is ignored for voices that carry their own language
    (`AWS.Polly.*` and the other `<Provider>.<Model>.<VoiceId>` voices).

    """
    stop: Literal["current", "all"] | str | None = Field(default=None, examples=["current"])
    """
    Stop the audio being played first: `current` stops it and plays the next in the
    queue, `all` also clears the queue. When absent, nothing is stopped.

    """
    loop: Loop3 | Loop4 | None = Field(default=1, examples=["infinity"], validate_default=True)
    """
    How many times the audio is played, 1 to 100, or `infinity` to play it until stopped.
    Toolkit choice: the platform declares "string or integer"; the values are those of its
    text (1 to 100, or `infinity`), given as an integer or a string.

    """
    target_legs: Literal["self", "opposite", "both"] | str | None = Field(
        default="self", examples=["self"]
    )
    """
    The leg or legs that hear the audio.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class StopAudio2(RootModel[Literal["current", "all"] | str]):
    root: Literal["current", "all"] | str = Field(..., examples=["current"])
    """
    When specified, it stops the current audio being played. Specify `current` to stop
    the current audio being played, and to play the next file in the queue. Specify
    `all` to stop the current audio file being played and to also clear all audio
    files from the queue.

    """


class StreamParams(BaseModel):
    """
    The stream's parameters, as the command gave them.
    """

    stream_url: str | None = Field(default=None, examples=["wss://www.example.com/websocket"])
    """
    The WebSocket the media was to be streamed to.
    """
    track: Literal["inbound_track", "outbound_track", "both_tracks"] | str | None = Field(
        default=None, examples=["inbound_track"]
    )
    """
    The track that was to be streamed.
    """


class StreamingFailedEvent(BaseModel):
    """
    Streaming failed, webhook API v2 envelope.
    """

    data: StreamingFailedEventData
    meta: WebhookMeta | None = None


class StreamingFailedEventData(BaseModel):
    """
    The event of a streaming failed webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["streaming.failed"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: StreamingFailedPayload


class StreamingFailedPayload(BaseModel):
    """
    The payload of a streaming failed webhook.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    failure_reason: str = Field(..., examples=["connection_failed"])
    """
    Why the stream failed, in short.
    """
    stream_id: UUID = Field(..., examples=["1edb94f9-7ef0-4150-b502-e0ebadfd9491"])
    """
    The stream that failed.
    """
    stream_type: Literal["websocket", "dialogflow"] | str = Field(..., examples=["websocket"])
    """
    The kind of stream.
    """
    stream_params: StreamParams | None = None
    """
    The stream's parameters, as the command gave them.
    """


class StreamingPayload(BaseModel):
    """
    The payload of the streaming started and stopped webhooks.
    """

    call_control_id: str = Field(
        ..., examples=["v1:T02llQxIyaRkhfRKxgAP8nY511EhFLizdvdUKJiSw8d6A9BborherQ"]
    )
    """
    Call ID used to issue commands via Call Control API.
    """
    call_leg_id: str = Field(..., examples=["2dc6fc34-f9e0-11ea-b68e-02420a0f7768"])
    """
    ID that is unique to the call and can be used to correlate webhook events.
    """
    call_session_id: str = Field(..., examples=["2dc1b3c8-f9e0-11ea-bc5a-02420a0f7768"])
    """
    ID that is unique to the call session and can be used to correlate webhook events. A call session is a group of related call legs that logically belong to the same phone call, e.g. an inbound and outbound leg of a transferred call.
    """
    client_state: str | None = Field(..., examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"])
    """
    State received from a command, as it was given; null when no command has set one.
    """
    connection_id: str = Field(..., examples=["1293384261075731499"])
    """
    Call Control App ID (formerly Telnyx connection ID) used in the call.
    """
    stream_url: str = Field(..., examples=["wss://www.example.com/websocket"])
    """
    The WebSocket the media is streamed to.
    """


class StreamingStartRequest(BaseModel):
    """
    Start streaming the call's media.
    """

    stream_url: str = Field(
        ...,
        examples=["wss://www.example.com/websocket"],
        max_length=2048,
        pattern="^wss?://[^ \\t\\n\\r\\f\\v]+$",
    )
    """
    The WebSocket the media is streamed to. Toolkit choice: required, since the
    alternative (Dialogflow) is not served.

    """
    stream_track: Literal["inbound_track", "outbound_track", "both_tracks"] | str | None = Field(
        default="inbound_track", examples=["both_tracks"]
    )
    """
    Which track is streamed.
    """
    stream_codec: (
        Literal["PCMU", "PCMA", "G722", "OPUS", "AMR-WB", "L16", "default"] | str | None
    ) = Field(default="default", examples=["PCMA"])
    """
    The codec of the streamed audio. `default`, or a codec the call cannot be transcoded
    to, streams the call's own codec.

    """
    stream_auth_token: str | None = Field(
        default=None, examples=["your-auth-token"], max_length=4000
    )
    """
    A token sent when the WebSocket connection is made, at most 4000 characters.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class StreamingStartedEvent(BaseModel):
    """
    Streaming started, webhook API v2 envelope.
    """

    data: StreamingStartedEventData
    meta: WebhookMeta | None = None


class StreamingStartedEventData(BaseModel):
    """
    The event of a streaming started webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["streaming.started"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: StreamingPayload


class StreamingStopRequest(BaseModel):
    """
    Stop streaming the call's media.
    """

    stream_id: UUID | None = Field(default=None, examples=["1edb94f9-7ef0-4150-b502-e0ebadfd9491"])
    """
    The stream to stop; when absent, every stream of the call.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class StreamingStoppedEvent(BaseModel):
    """
    Streaming stopped, webhook API v2 envelope.
    """

    data: StreamingStoppedEventData
    meta: WebhookMeta | None = None


class StreamingStoppedEventData(BaseModel):
    """
    The event of a streaming stopped webhook, API v2.
    """

    record_type: Literal["event"] | str = Field(..., examples=["event"])
    """
    Identifies the type of the resource.
    """
    id: UUID = Field(..., examples=["0ccc7b54-4df3-4bca-a65a-3da1ecc777f0"])
    """
    Identifies the webhook. A redelivery of the same event carries the same `id`, so
    receivers can drop duplicates.

    """
    event_type: Literal["streaming.stopped"]
    """
    The type of event.
    """
    occurred_at: AwareDatetime
    """
    ISO 8601 time at which the event occurred.
    """
    payload: StreamingPayload


class SuppressionStartRequest(BaseModel):
    """
    Start noise suppression.
    """

    direction: Literal["inbound", "outbound", "both"] | str | None = Field(
        default="inbound", examples=["both"]
    )
    """
    The direction of audio that is noise suppressed.
    """
    noise_suppression_engine: (
        Literal["Denoiser", "DeepFilterNet", "Krisp", "AiCoustics"] | str | None
    ) = Field(default="Denoiser", examples=["Denoiser"])
    """
    The noise suppression engine. Toolkit choice: the four named engines; the platform's
    model-specific values and its deprecated letters A-D are not served.

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class SuppressionStopRequest(BaseModel):
    """
    Stop noise suppression.
    """

    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class TerminatingDigit2(RootModel[str]):
    root: str = Field(..., examples=["#"], pattern="^[0-9A-D*#]$")
    """
    The digit used to terminate input if fewer than `maximum_digits` digits have been gathered.
    """


class TranscriptionData(BaseModel):
    """
    One recognised utterance.
    """

    transcript: str = Field(..., examples=["hello this is a test speech"])
    """
    The recognised text.
    """
    is_final: bool = Field(..., examples=[True])
    """
    False for an interim result, true for the final one.
    """
    confidence: float = Field(..., examples=[0.977219], ge=0.0, le=1.0)
    """
    How confident the recognition is, from 0 to 1.
    """
    transcription_track: Literal["inbound", "outbound"] | str | None = Field(
        default=None, examples=["inbound"]
    )
    """
    The leg that was transcribed.
    """


class TranscriptionStartRequest(BaseModel):
    """
    Start real-time transcription.
    """

    transcription_engine: (
        Literal[
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
        | str
        | None
    ) = Field(default="Google", examples=["Telnyx"])
    """
    The speech recognition engine; `A` (Google) and `B` (Telnyx) are legacy names.
    Toolkit choice: every engine is simulated alike; the engine-specific
    `transcription_engine_config` is accepted and ignored.

    """
    transcription_tracks: Literal["inbound", "outbound", "both"] | str | None = Field(
        default="inbound", examples=["both"]
    )
    """
    Which leg is transcribed: `inbound` the leg that asked, `outbound` the other leg,
    `both` both. Toolkit choice: the platform declares a free string and lists these
    three values in its text.

    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class TranscriptionStopRequest(BaseModel):
    """
    Stop real-time transcription.
    """

    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class TransferRequest(BaseModel):
    """
    Transfer the call.
    """

    to: str = Field(
        ...,
        examples=["+18005550100"],
        pattern="^(\\+[1-9][0-9]{1,14}|sips?:[^ \\t\\n\\r\\f\\v@]+@[^ \\t\\n\\r\\f\\v@]+)$",
    )
    """
    The DID or SIP URI to dial out and bridge to the given call.
    """
    from_: str | None = Field(
        default=None, alias="from", examples=["+18005550101"], pattern="^\\+[1-9][0-9]{1,14}$"
    )
    """
    The `from` number to be used as the caller id presented to the destination (`to`
    number). The number should be in +E164 format. This attribute will default to
    the `from` number of the original call if omitted. Toolkit choice: the V1-era
    rule (the original call's `from`); since 2023 Telnyx documents the original
    call's `to` instead.

    """
    audio_url: str | None = Field(
        default=None,
        examples=["https://example.com/audio.wav"],
        pattern="^https?://[^ \\t\\n\\r\\f\\v]+$",
    )
    """
    The URL of a file to be played back when the transfer destination answers before bridging the call. The URL can point to either a WAV or MP3 file.
    """
    timeout_secs: int | None = Field(default=30, examples=[60], ge=5, le=120)
    """
    The number of seconds that Telnyx will wait for the call to be answered by the
    destination to which it is being called. If the timeout is reached before an answer
    is received, the call will hangup and a `call.hangup` webhook with a `hangup_cause`
    of `timeout` will be sent. Minimum value is 5 seconds. Maximum value is 120 seconds.

    """
    time_limit_secs: int | None = Field(default=14400, examples=[600], ge=30, le=14400)
    """
    Sets the maximum duration of a Call Control Leg in seconds. If the time limit is
    reached, the call will hangup and a `call.hangup` webhook with a `hangup_cause` of
    `time_limit` will be sent. The default and maximum are 14400 seconds (4 hours).
    Toolkit choice: the minimum of 30 seconds is the one Telnyx's later schema sets.

    """
    answering_machine_detection: bool | None = False
    """
    Enables answering machine detection. Toolkit choice: the V1-era boolean; later
    versions made it a string enum (`detect`, `disabled`, ...). Machine-detection
    webhooks are outside the seed and are not described here.

    """
    custom_headers: list[CustomSipHeader] | None = Field(
        default=None, examples=[[{"name": "head_1", "value": "val_1"}]]
    )
    """
    Custom headers to be added to the SIP INVITE.
    """
    sip_auth_username: str | None = None
    """
    SIP Authentication username used for SIP challenges.
    """
    sip_auth_password: str | None = None
    """
    SIP Authentication password used for SIP challenges.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    Use this field to add state to every subsequent webhook. It must be a valid Base64
    string. It is echoed, as given, in the webhooks that follow the command.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(default=None, examples=["891510ac-f3e4-11e8-af5b-de00688a4901"])
    """
    Use this field to avoid duplicate commands. Telnyx will ignore any command with the
    same `command_id` for the same `call_control_id` within 60 seconds: it is answered
    200 and does nothing (no second set of webhooks).

    """


class TransferRequest2(BaseModel):
    """
    Transfer the call.
    """

    to: str = Field(
        ...,
        examples=["+18005550100"],
        pattern="^(\\+[1-9][0-9]{1,14}|sips?:[^ \\t\\n\\r\\f\\v@]+@[^ \\t\\n\\r\\f\\v@]+)$",
    )
    """
    The DID (+E.164) or SIP URI to transfer the call to.
    """
    from_: str | None = Field(
        default=None, alias="from", examples=["+18005550101"], pattern="^\\+[1-9][0-9]{1,14}$"
    )
    """
    The caller id presented to the destination, a +E.164 number. When absent, the
    original call's `to` number.

    """
    from_display_name: str | None = Field(default=None, examples=["Company Name"], max_length=128)
    """
    The caller id name (SIP From Display Name) presented to the destination: at most 128
    characters.

    """
    audio_url: str | None = Field(
        default=None,
        examples=["https://example.com/audio.wav"],
        pattern="^https?://[^ \\t\\n\\r\\f\\v]+$",
    )
    """
    A WAV or MP3 file played to the destination when it answers, before bridging.
    """
    timeout_secs: int | None = Field(default=30, examples=[60], ge=5, le=600)
    """
    The number of seconds to wait for the destination to answer. When it passes, the call
    hangs up with a `call.hangup` of `hangup_cause` `timeout`. From 5 to 600 seconds.

    """
    time_limit_secs: int | None = Field(default=14400, examples=[600], ge=30, le=14400)
    """
    The maximum duration of the call leg in seconds. When it is reached, the call hangs up
    with a `call.hangup` of `hangup_cause` `time_limit`. From 30 seconds to 4 hours.

    """
    answering_machine_detection: (
        Literal["detect", "detect_beep", "detect_words", "greeting_end", "disabled"] | str | None
    ) = Field(default="disabled", examples=["detect"])
    """
    Answering machine detection. When the call is answered, `call.machine.detection.ended`
    says whether a human or a machine answered; `detect_beep` and `greeting_end` also send
    `call.machine.greeting.ended` when the machine's greeting ends.

    Toolkit choice: `premium` detection (and its `call.machine.premium.*` events) is not
    served.

    """
    custom_headers: list[CustomSipHeader] | None = Field(
        default=None, examples=[[{"name": "head_1", "value": "val_1"}]]
    )
    """
    Custom headers to be added to the SIP INVITE.
    """
    sip_headers: list[SipHeader] | None = Field(default=None, max_length=10)
    """
    SIP headers to add. Only `User-to-User` is supported.
    """
    sip_auth_username: str | None = None
    """
    SIP Authentication username used for SIP challenges.
    """
    sip_auth_password: str | None = None
    """
    SIP Authentication password used for SIP challenges.
    """
    early_media: bool | None = Field(default=True, examples=[False])
    """
    Pass the destination's early media to the originating leg.
    """
    park_after_unbridge: Literal["self"] | str | None = Field(default=None, examples=["self"])
    """
    What happens to this leg when the bridge ends (the other leg hangs up or is
    transferred): `self` parks it. When absent, the leg hangs up. Toolkit choice: the
    platform declares a free string and documents only `self`.

    """
    mute_dtmf: Literal["none", "both", "self", "opposite"] | str | None = Field(
        default="none", examples=["opposite"]
    )
    """
    Which participants do not hear DTMF tones. The `call.dtmf.received` webhooks are sent
    anyway.

    """
    target_leg_client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    The `client_state` of the new leg's webhooks.
    """
    client_state: str | None = Field(
        default=None,
        examples=["aGF2ZSBhIG5pY2UgZGF5ID1d"],
        max_length=4096,
        pattern="^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$",
    )
    """
    State to add to every later webhook of the call, as given. It must be valid Base64.
    Toolkit choice: at most 4096 characters; the platform documents no limit.

    """
    command_id: str | None = Field(
        default=None,
        examples=["891510ac-f3e4-11e8-af5b-de00688a4901"],
        max_length=256,
        min_length=1,
    )
    """
    Use this field to avoid duplicate commands. A command with the same `command_id` for the
    same `call_control_id` within 60 seconds is answered 200 and does nothing (no second set
    of webhooks). Toolkit choice: 1 to 256 characters; the platform documents no limit.

    """


class UpdateCallControlApplicationRequest(RootModel[CreateCallControlApplicationRequest]):
    root: CreateCallControlApplicationRequest
    """
    The new settings of a call control application; the same fields as on create.
    """


class ValidDigits2(RootModel[str]):
    root: str = Field(..., examples=["123"], pattern="^[0-9A-D*#]+$")
    """
    A list of all digits accepted as valid.
    """


class WebhookMeta(BaseModel):
    """
    Delivery metadata of a webhook API v2 body. Toolkit choice: Telnyx documents `meta`
    in prose but not in its call webhook schemas, so it is optional here; the
    reference server always sends it.

    """

    attempt: int | None = Field(default=None, examples=[1], ge=1)
    """
    The delivery attempt, from 1.
    """
    delivered_to: str | None = Field(default=None, examples=["https://example.com/webhooks"])
    """
    The URL the webhook was delivered to.
    """
