"""What the ``telnyx`` fixture hands a test: the server, both clients, the receiver, and call helpers."""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from typing import Any

from .apps import ServedApp
from .receiver import ReceivedWebhook, WebhookReceiver
from .server import Credentials, RefServer


class Testbed:
    """A reference server, the typed clients for it and a webhook receiver, wired together.

    ``client`` is ``telnyx_call_control.Client`` (the API), ``sim`` is ``telnyx_sim.Client``
    (the caller's side, generated from spec/simulator.yaml), ``receiver`` gets every webhook of
    the applications made by :meth:`create_application` and, after :meth:`serve_app`, forwards
    them to the application under test.
    """

    __test__ = False  # not a test class, whatever pytest's python_classes say

    def __init__(self, server: RefServer, receiver: WebhookReceiver) -> None:
        self.server = server
        self.receiver = receiver
        self.client = server.client()
        self.sim = server.sim()
        self.apps: list[ServedApp] = []

    @property
    def credentials(self) -> Credentials:
        return self.server.credentials

    def close(self) -> None:
        for app in self.apps:
            app.stop()
        self.client.close()
        self.sim.close()

    # -- set-up ----------------------------------------------------------------------------------

    def create_application(self, *, envelope: str = "2", webhook_url: str | None = None, **fields: Any) -> str:
        """A Call Control application (V2 API) whose webhooks go to the receiver; its id (``connection_id``)."""
        created = self.client.call_control_applications.create(
            application_name=fields.pop("application_name", f"test-{secrets.token_hex(4)}"),
            webhook_event_url=webhook_url or self.receiver.url,
            webhook_api_version=envelope,
            **fields,
        )
        return str(created.data.id)

    def serve_app(self, app: Any, *, path: str = "/webhooks") -> str:
        """Serve an ASGI application under test and forward every verified webhook to it; its URL."""
        served = ServedApp(app, path=path)
        self.apps.append(served)
        self.receiver.forward_to = served.url
        return served.url

    # -- the caller's side -----------------------------------------------------------------------

    def start_inbound_call(self, connection_id: str, *, from_: str = "+18005550101", to: str = "+18005550100") -> str:
        """A caller calls the application; the new call's ``call_control_id``."""
        call = self.sim.simulator.sim_start_inbound_call(connection_id=connection_id, from_=from_, to=to)
        return str(call.data.call_control_id)

    def call(self, call_control_id: str) -> Any:
        """The call as the server sees it (``SimCall``: state, gathering, bridged_with, ...)."""
        return self.sim.simulator.sim_get_call(call_control_id).data

    def wait_until(
        self, call_control_id: str, condition: Callable[[Any], bool], *, timeout: float = 10.0, what: str = ""
    ) -> Any:
        """Polls the call until ``condition(call)``; the call. TimeoutError naming ``what`` otherwise."""
        deadline = time.monotonic() + timeout
        while True:
            call = self.call(call_control_id)
            if condition(call):
                return call
            if time.monotonic() > deadline:
                raise TimeoutError(f"call {call_control_id}: not {what or 'as expected'} within {timeout:g} s: {call}")
            time.sleep(0.02)

    def press(self, call_control_id: str, digits: str, *, timeout: float = 10.0) -> None:
        """The caller presses ``digits`` once the application is gathering (``gathering`` in ``/_sim``)."""
        self.wait_until(call_control_id, lambda c: bool(c.gathering), timeout=timeout, what="gathering")
        self.sim.simulator.sim_send_dtmf(call_control_id, digits=digits)

    def hang_up(self, call_control_id: str) -> None:
        """The caller hangs up."""
        self.sim.simulator.sim_far_end_hangup(call_control_id)

    def wait_for(self, event: str, *, call_control_id: str | None = None, timeout: float = 10.0) -> ReceivedWebhook:
        """``receiver.wait_for``: the first webhook of ``event`` (either envelope) on that call."""
        return self.receiver.wait_for(event, call_control_id=call_control_id, timeout=timeout)
