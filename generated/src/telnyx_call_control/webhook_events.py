"""The webhooks the API sends, and how to tell them apart and verify them.

Each entry names the model of the webhook's body. An entry with an ``event_type_pointer``
can be recognised by the value at that JSON pointer in the body, which equals its
``event_type``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final, TypeAlias

from ._events import EventView, EventViewer
from ._types import WebhookEvent, WebhookSignature

if TYPE_CHECKING:
    from ._webhooks import UnknownWebhookEvent
    from .models import (
        CallAnsweredEventV1,
        CallAnsweredEventV2,
        CallBridgedEventV1,
        CallBridgedEventV2,
        CallDequeuedEvent,
        CallDtmfReceivedEventV1,
        CallDtmfReceivedEventV2,
        CallEnqueuedEvent,
        CallForkStartedEvent,
        CallForkStoppedEvent,
        CallGatherEndedEventV1,
        CallGatherEndedEventV2,
        CallHangupEventV1,
        CallHangupEventV2,
        CallInitiatedEventV1,
        CallInitiatedEventV2,
        CallMachineDetectionEndedEvent,
        CallMachineGreetingEndedEvent,
        CallPlaybackEndedEventV1,
        CallPlaybackEndedEventV2,
        CallPlaybackStartedEventV1,
        CallPlaybackStartedEventV2,
        CallRecordingSavedEventV1,
        CallRecordingSavedEventV2,
        CallReferCompletedEvent,
        CallReferFailedEvent,
        CallReferStartedEvent,
        CallSpeakEndedEventV1,
        CallSpeakEndedEventV2,
        CallSpeakStartedEventV1,
        CallSpeakStartedEventV2,
        CallTranscriptionEvent,
        StreamingFailedEvent,
        StreamingStartedEvent,
        StreamingStoppedEvent,
    )

__all__ = [
    "WEBHOOK_EVENTS",
    "WEBHOOK_FIELDS",
    "WEBHOOK_SIGNATURE",
    "UnwrapWebhookEvent",
    "WebhookEvent",
    "WebhookEventView",
    "event_view",
]

WEBHOOK_EVENTS: Final[tuple[WebhookEvent, ...]] = (
    WebhookEvent(
        key="call_initiated",
        model="CallInitiatedEventV1",
        event="call.initiated",
        envelope="1",
        event_type="call_initiated",
        event_type_pointer="/event_type",
    ),
    WebhookEvent(
        key="call.initiated",
        model="CallInitiatedEventV2",
        event="call.initiated",
        envelope="2",
        event_type="call.initiated",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call_answered",
        model="CallAnsweredEventV1",
        event="call.answered",
        envelope="1",
        event_type="call_answered",
        event_type_pointer="/event_type",
    ),
    WebhookEvent(
        key="call.answered",
        model="CallAnsweredEventV2",
        event="call.answered",
        envelope="2",
        event_type="call.answered",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call_bridged",
        model="CallBridgedEventV1",
        event="call.bridged",
        envelope="1",
        event_type="call_bridged",
        event_type_pointer="/event_type",
    ),
    WebhookEvent(
        key="call.bridged",
        model="CallBridgedEventV2",
        event="call.bridged",
        envelope="2",
        event_type="call.bridged",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call_hangup",
        model="CallHangupEventV1",
        event="call.hangup",
        envelope="1",
        event_type="call_hangup",
        event_type_pointer="/event_type",
    ),
    WebhookEvent(
        key="call.hangup",
        model="CallHangupEventV2",
        event="call.hangup",
        envelope="2",
        event_type="call.hangup",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="playback_started",
        model="CallPlaybackStartedEventV1",
        event="call.playback.started",
        envelope="1",
        event_type="playback_started",
        event_type_pointer="/event_type",
    ),
    WebhookEvent(
        key="call.playback.started",
        model="CallPlaybackStartedEventV2",
        event="call.playback.started",
        envelope="2",
        event_type="call.playback.started",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="playback_ended",
        model="CallPlaybackEndedEventV1",
        event="call.playback.ended",
        envelope="1",
        event_type="playback_ended",
        event_type_pointer="/event_type",
    ),
    WebhookEvent(
        key="call.playback.ended",
        model="CallPlaybackEndedEventV2",
        event="call.playback.ended",
        envelope="2",
        event_type="call.playback.ended",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="speak_started",
        model="CallSpeakStartedEventV1",
        event="call.speak.started",
        envelope="1",
        event_type="speak_started",
        event_type_pointer="/event_type",
    ),
    WebhookEvent(
        key="call.speak.started",
        model="CallSpeakStartedEventV2",
        event="call.speak.started",
        envelope="2",
        event_type="call.speak.started",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="speak_ended",
        model="CallSpeakEndedEventV1",
        event="call.speak.ended",
        envelope="1",
        event_type="speak_ended",
        event_type_pointer="/event_type",
    ),
    WebhookEvent(
        key="call.speak.ended",
        model="CallSpeakEndedEventV2",
        event="call.speak.ended",
        envelope="2",
        event_type="call.speak.ended",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="dtmf",
        model="CallDtmfReceivedEventV1",
        event="call.dtmf.received",
        envelope="1",
        event_type="dtmf",
        event_type_pointer="/event_type",
    ),
    WebhookEvent(
        key="call.dtmf.received",
        model="CallDtmfReceivedEventV2",
        event="call.dtmf.received",
        envelope="2",
        event_type="call.dtmf.received",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="gather_ended",
        model="CallGatherEndedEventV1",
        event="call.gather.ended",
        envelope="1",
        event_type="gather_ended",
        event_type_pointer="/event_type",
    ),
    WebhookEvent(
        key="call.gather.ended",
        model="CallGatherEndedEventV2",
        event="call.gather.ended",
        envelope="2",
        event_type="call.gather.ended",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="recording_saved",
        model="CallRecordingSavedEventV1",
        event="call.recording.saved",
        envelope="1",
        event_type="recording_saved",
        event_type_pointer="/event_type",
    ),
    WebhookEvent(
        key="call.recording.saved",
        model="CallRecordingSavedEventV2",
        event="call.recording.saved",
        envelope="2",
        event_type="call.recording.saved",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.initiated",
        model="CallInitiatedEventV2",
        event="call.initiated",
        envelope="2",
        event_type="call.initiated",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.answered",
        model="CallAnsweredEventV2",
        event="call.answered",
        envelope="2",
        event_type="call.answered",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.bridged",
        model="CallBridgedEventV2",
        event="call.bridged",
        envelope="2",
        event_type="call.bridged",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.hangup",
        model="CallHangupEventV2",
        event="call.hangup",
        envelope="2",
        event_type="call.hangup",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.playback.started",
        model="CallPlaybackStartedEventV2",
        event="call.playback.started",
        envelope="2",
        event_type="call.playback.started",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.playback.ended",
        model="CallPlaybackEndedEventV2",
        event="call.playback.ended",
        envelope="2",
        event_type="call.playback.ended",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.speak.started",
        model="CallSpeakStartedEventV2",
        event="call.speak.started",
        envelope="2",
        event_type="call.speak.started",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.speak.ended",
        model="CallSpeakEndedEventV2",
        event="call.speak.ended",
        envelope="2",
        event_type="call.speak.ended",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.dtmf.received",
        model="CallDtmfReceivedEventV2",
        event="call.dtmf.received",
        envelope="2",
        event_type="call.dtmf.received",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.gather.ended",
        model="CallGatherEndedEventV2",
        event="call.gather.ended",
        envelope="2",
        event_type="call.gather.ended",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.recording.saved",
        model="CallRecordingSavedEventV2",
        event="call.recording.saved",
        envelope="2",
        event_type="call.recording.saved",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.enqueued",
        model="CallEnqueuedEvent",
        event="call.enqueued",
        envelope="2",
        event_type="call.enqueued",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.dequeued",
        model="CallDequeuedEvent",
        event="call.dequeued",
        envelope="2",
        event_type="call.dequeued",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.fork.started",
        model="CallForkStartedEvent",
        event="call.fork.started",
        envelope="2",
        event_type="call.fork.started",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.fork.stopped",
        model="CallForkStoppedEvent",
        event="call.fork.stopped",
        envelope="2",
        event_type="call.fork.stopped",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.refer.started",
        model="CallReferStartedEvent",
        event="call.refer.started",
        envelope="2",
        event_type="call.refer.started",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.refer.completed",
        model="CallReferCompletedEvent",
        event="call.refer.completed",
        envelope="2",
        event_type="call.refer.completed",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.refer.failed",
        model="CallReferFailedEvent",
        event="call.refer.failed",
        envelope="2",
        event_type="call.refer.failed",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="streaming.started",
        model="StreamingStartedEvent",
        event="streaming.started",
        envelope="2",
        event_type="streaming.started",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="streaming.stopped",
        model="StreamingStoppedEvent",
        event="streaming.stopped",
        envelope="2",
        event_type="streaming.stopped",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="streaming.failed",
        model="StreamingFailedEvent",
        event="streaming.failed",
        envelope="2",
        event_type="streaming.failed",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.transcription",
        model="CallTranscriptionEvent",
        event="call.transcription",
        envelope="2",
        event_type="call.transcription",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.machine.detection.ended",
        model="CallMachineDetectionEndedEvent",
        event="call.machine.detection.ended",
        envelope="2",
        event_type="call.machine.detection.ended",
        event_type_pointer="/data/event_type",
    ),
    WebhookEvent(
        key="call.machine.greeting.ended",
        model="CallMachineGreetingEndedEvent",
        event="call.machine.greeting.ended",
        envelope="2",
        event_type="call.machine.greeting.ended",
        event_type_pointer="/data/event_type",
    ),
)

WEBHOOK_FIELDS: Final[dict[str, tuple[str, ...]]] = {
    "id": ("/id",),
    "occurred_at": (
        "/occurred_at",
        "/created_at",
    ),
    "payload": ("/payload",),
    "call_control_id": ("/payload/call_control_id",),
    "call_leg_id": ("/payload/call_leg_id",),
    "client_state": ("/payload/client_state",),
}
"""Field -> JSON pointers (relative to the object holding the event type) every view offers."""


class WebhookEventView(EventView):
    """A parsed webhook, seen the same way whatever its envelope: ``name`` (the event),
    ``envelope``, ``event_type`` (as on the wire), ``event`` (the parsed model), ``id``, ``occurred_at``, ``payload``, ``call_control_id``, ``call_leg_id``, ``client_state``.
    """

    __slots__ = ()

    @property
    def id(self) -> Any:
        """The value at /id (relative to the object holding the event type)."""
        return self.field("id")

    @property
    def occurred_at(self) -> Any:
        """The value at /occurred_at, else /created_at (relative to the object holding the event type)."""
        return self.field("occurred_at")

    @property
    def payload(self) -> Any:
        """The value at /payload (relative to the object holding the event type)."""
        return self.field("payload")

    @property
    def call_control_id(self) -> Any:
        """The value at /payload/call_control_id (relative to the object holding the event type)."""
        return self.field("call_control_id")

    @property
    def call_leg_id(self) -> Any:
        """The value at /payload/call_leg_id (relative to the object holding the event type)."""
        return self.field("call_leg_id")

    @property
    def client_state(self) -> Any:
        """The value at /payload/client_state (relative to the object holding the event type)."""
        return self.field("client_state")


event_view: Final = EventViewer(WEBHOOK_EVENTS, WEBHOOK_FIELDS, WebhookEventView)
"""The view of a parsed webhook: ``event_view(client.webhooks.unwrap(body, headers))``."""

WEBHOOK_SIGNATURE: Final = WebhookSignature(
    algorithm="ed25519",
    signature_header="telnyx-signature-ed25519",
    timestamp_header="telnyx-timestamp",
    message_prefix="{timestamp}|",
    message_suffix="",
    tolerance=300,
    public_key_name="public_key",
    public_key_env="TELNYX_PUBLIC_KEY",
)
"""How the API signs its webhooks."""

if TYPE_CHECKING:
    UnwrapWebhookEvent: TypeAlias = (
        CallAnsweredEventV1
        | CallAnsweredEventV2
        | CallBridgedEventV1
        | CallBridgedEventV2
        | CallDequeuedEvent
        | CallDtmfReceivedEventV1
        | CallDtmfReceivedEventV2
        | CallEnqueuedEvent
        | CallForkStartedEvent
        | CallForkStoppedEvent
        | CallGatherEndedEventV1
        | CallGatherEndedEventV2
        | CallHangupEventV1
        | CallHangupEventV2
        | CallInitiatedEventV1
        | CallInitiatedEventV2
        | CallMachineDetectionEndedEvent
        | CallMachineGreetingEndedEvent
        | CallPlaybackEndedEventV1
        | CallPlaybackEndedEventV2
        | CallPlaybackStartedEventV1
        | CallPlaybackStartedEventV2
        | CallRecordingSavedEventV1
        | CallRecordingSavedEventV2
        | CallReferCompletedEvent
        | CallReferFailedEvent
        | CallReferStartedEvent
        | CallSpeakEndedEventV1
        | CallSpeakEndedEventV2
        | CallSpeakStartedEventV1
        | CallSpeakStartedEventV2
        | CallTranscriptionEvent
        | StreamingFailedEvent
        | StreamingStartedEvent
        | StreamingStoppedEvent
        | UnknownWebhookEvent
    )
    """Any webhook body, parsed: the model of its event, or :class:`UnknownWebhookEvent`."""
