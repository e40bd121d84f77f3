"""A small IVR built on the generated client ``telnyx_call_control``.

* ``call.initiated`` of an incoming call: answer it.
* ``call.answered`` of that call: read the menu and gather one digit.
* ``call.gather.ended`` with ``1``: transfer the caller to ``TRANSFER_TO``; anything else: hang up.

The webhook handler does what the platform asks of every handler: it verifies the signature
(and its timestamp) with the client's public key, answers at once (commands are sent by a
worker thread, never inside the request), answers a duplicate (same event id) as it answered
the original, and ignores event types it does not know. ``commands="v1"`` uses the V1 commands
(``client.calls.answer``), ``commands="v2"`` the V2 call actions (``client.v2.calls.actions.answer``).
It is written once for both webhook envelopes: ``event_view`` gives every parsed event the same
name, id and payload.

Run it against the reference server::

    TELNYX_BASE_URL=http://127.0.0.1:8765 TELNYX_V1_KEY=... TELNYX_V1_SECRET=... TELNYX_API_KEY=... \\
    TELNYX_PUBLIC_KEY=... TRANSFER_TO=+18005550199 python -m examples.ivr   # listens on 127.0.0.1:$APP_PORT
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from telnyx_call_control import Client, UnknownWebhookEvent, WebhookPayloadError, WebhookVerificationError
from telnyx_call_control.webhook_events import event_view

MENU = "Press 1 to talk to sales. Press 2 to hang up."


class IVR:
    """The application: a webhook handler plus a worker thread that sends the commands."""

    def __init__(
        self,
        client: Client,
        *,
        transfer_to: str,
        commands: str = "v1",
        clock: Callable[[], float] = time.time,
    ) -> None:
        if commands not in ("v1", "v2"):
            raise ValueError("commands must be 'v1' or 'v2'")
        self.client = client
        self.transfer_to = transfer_to
        self.commands = commands
        self.webhooks = client.webhooks
        self.webhooks.clock = clock
        self.answers: dict[str, tuple[int, dict[str, Any]]] = {}  # event id -> the answer given
        self.errors: list[str] = []  # commands that failed (the tests look at them)
        self.jobs: queue.Queue[tuple[str, Any] | None] = queue.Queue()
        self.lock = threading.Lock()
        self.incoming: set[str] = set()  # call_control_ids of the calls this IVR answers
        self.worker = threading.Thread(target=self._work, name="ivr-commands", daemon=True)
        self.worker.start()

    # -- the webhook handler -------------------------------------------------------------------

    def handle(self, raw: bytes, headers: dict[str, str]) -> tuple[int, dict[str, Any]]:
        try:
            event = self.webhooks.unwrap(raw, headers)
        except WebhookVerificationError as exc:
            return 401, {"error": str(exc)}
        except WebhookPayloadError as exc:
            return 400, {"error": str(exc)}
        if isinstance(event, UnknownWebhookEvent):
            return 200, {"ignored": event.event_type}
        view = event_view(event)  # the same accessors whatever the envelope
        name, event_id, payload = view.name, str(view.id) if view.id else None, view.payload
        with self.lock:
            if event_id and event_id in self.answers:
                return self.answers[event_id]  # a duplicate: the same answer, nothing done twice
            answer = (200, {"accepted": name})
            if event_id:
                self.answers[event_id] = answer
        if name is not None:
            self.jobs.put((name, payload))
        return answer

    # -- the call flow -------------------------------------------------------------------------

    def _actions(self) -> Any:
        return self.client.v2.calls.actions if self.commands == "v2" else self.client.calls

    def on_event(self, name: str, payload: Any) -> None:
        ccid = getattr(payload, "call_control_id", None)
        if not ccid:
            return
        calls = self._actions()
        if name == "call.initiated" and getattr(payload, "direction", None) == "incoming":
            calls.answer(ccid)
        elif name == "call.answered" and ccid in self.incoming:
            if self.commands == "v2":
                calls.gather_using_speak(ccid, payload=MENU, voice="AWS.Polly.Joanna-Neural", maximum_digits=1)
            else:
                calls.gather_using_speak(ccid, payload=MENU, voice="female", language="en-US", maximum_digits=1)
        elif name == "call.gather.ended" and getattr(payload, "status", None) == "valid":
            if getattr(payload, "digits", None) == "1":
                calls.transfer(ccid, to=self.transfer_to)
            else:
                calls.hangup(ccid)

    def _work(self) -> None:
        while True:
            job = self.jobs.get()
            if job is None:
                return
            name, payload = job
            if name == "call.initiated" and getattr(payload, "direction", None) == "incoming":
                self.incoming.add(payload.call_control_id)
            try:
                self.on_event(name, payload)
            except Exception as exc:  # a failed command must not stop the worker; the tests read errors
                self.errors.append(f"{name}: {type(exc).__name__}: {exc}")

    def close(self) -> None:
        self.jobs.put(None)
        self.worker.join(5)


def create_app(
    client: Client, *, transfer_to: str, commands: str = "v1", clock: Callable[[], float] = time.time
) -> Any:
    """The IVR as an ASGI app: ``POST /webhooks``. ``app.state.ivr`` is the :class:`IVR`."""
    ivr = IVR(client, transfer_to=transfer_to, commands=commands, clock=clock)

    async def webhooks(request: Request) -> JSONResponse:
        status, body = ivr.handle(await request.body(), dict(request.headers))
        return JSONResponse(body, status_code=status)

    app = Starlette(routes=[Route("/webhooks", webhooks, methods=["POST"])])
    app.state.ivr = ivr
    return app
