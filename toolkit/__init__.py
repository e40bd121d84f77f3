"""Test tools for Telnyx Call Control applications: the reference server as a fixture, a webhook receiver
that verifies signatures, the pytest plugin (``pytest11`` entry point ``telnyx_cc``) and the console commands."""

from __future__ import annotations

from .receiver import ReceivedWebhook, WebhookReceiver
from .server import Credentials, RefServer, ServerError

__all__ = ["Credentials", "ReceivedWebhook", "RefServer", "ServerError", "WebhookReceiver"]
