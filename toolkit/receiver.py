"""A webhook receiver for tests: verifies each webhook as the spec's ``x-webhook-signature`` says, records it,
optionally forwards it to the application under test, and lets a test wait for an event."""

from __future__ import annotations

import base64
import binascii
import json
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

import httpx
from nacl.exceptions import BadSignatureError
from nacl.signing import VerifyKey

from specmodel import Spec, WebhookSignature, default_spec


@dataclass
class ReceivedWebhook:
    """One webhook as it arrived."""

    raw: bytes
    headers: dict[str, str]  # lower-case names
    body: Any  # parsed JSON, None when it did not parse
    event: str | None  # the envelope-independent name (x-event), None for an unknown event type
    event_type: str | None  # the name on the wire
    envelope: str | None  # x-envelope: "1" or "2"
    call_control_id: str | None
    verified: bool
    error: str | None = None  # why it was refused
    status: int = 200  # what the receiver answered
    forwarded: dict[str, Any] = field(default_factory=dict)  # the application's answer when forwarding

    @property
    def payload(self) -> dict[str, Any]:
        """The event's payload object (``data.payload`` in envelope 2, ``payload`` in envelope 1)."""
        body = self.body if isinstance(self.body, dict) else {}
        data = body.get("data")
        if isinstance(data, dict) and isinstance(data.get("payload"), dict):
            return data["payload"]
        return body.get("payload") if isinstance(body.get("payload"), dict) else {}


def find_key(value: Any, key: str) -> Any:
    """The value of the shallowest ``key`` in nested objects (breadth first)."""
    queue = [value]
    while queue:
        item = queue.pop(0)
        if isinstance(item, dict):
            if key in item and isinstance(item[key], str):
                return item[key]
            queue.extend(item.values())
        elif isinstance(item, list):
            queue.extend(item)
    return None


def verify_signature(
    scheme: WebhookSignature, public_key: str, raw: bytes, headers: Mapping[str, str], now: float
) -> str | None:
    """None when the headers sign ``raw`` with ``public_key`` within the tolerance; else why not."""
    signature = headers.get(scheme.signature_header)
    timestamp = headers.get(scheme.timestamp_header)
    if not signature or not timestamp:
        return f"missing {scheme.signature_header if not signature else scheme.timestamp_header}"
    try:
        skew = now - int(timestamp)
    except ValueError:
        return f"{scheme.timestamp_header} is not a Unix time"
    if abs(skew) > scheme.tolerance:
        when = f"{skew:.0f} s old" if skew > 0 else f"{-skew:.0f} s in the future"
        return f"timestamp {when}, past the {scheme.tolerance} s tolerance"
    try:
        VerifyKey(base64.b64decode(public_key)).verify(
            scheme.message_for(timestamp, raw), base64.b64decode(signature, validate=True)
        )
    except (BadSignatureError, binascii.Error, ValueError):
        return "the signature does not verify"
    return None


class WebhookReceiver:
    """An HTTP server on 127.0.0.1 (a free port) that receives webhooks at any path.

    Each webhook is checked against ``public_key`` (None: not checked); one that fails is
    answered 401 and kept in ``rejected``. With ``forward_to``, a verified webhook is then
    posted, byte for byte with its signature headers, to the application, and the
    application's status is the answer.
    """

    def __init__(
        self,
        public_key: str | None,
        *,
        spec: Spec | None = None,
        forward_to: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.public_key = public_key
        self.spec = spec or default_spec()
        self.scheme = self.spec.signature
        self.forward_to = forward_to
        self.clock = clock
        self.received: list[ReceivedWebhook] = []
        self.rejected: list[ReceivedWebhook] = []
        self._cond = threading.Condition()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self._http = httpx.Client(timeout=30, trust_env=False)

    @property
    def url(self) -> str:
        assert self._server is not None, "start() the receiver first"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/webhooks"

    def start(self) -> WebhookReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                length = int(self.headers.get("content-length") or 0)
                raw = self.rfile.read(length)
                status, body = receiver._handle(raw, {k.lower(): v for k, v in self.headers.items()})
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="webhook-receiver", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        self._http.close()

    def __enter__(self) -> WebhookReceiver:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- receiving -------------------------------------------------------------------------------

    def _handle(self, raw: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        entry = self.spec.webhook_for_body(body)
        wire = self.spec.event_type_of(body)
        error = None
        if self.public_key is not None and self.scheme is not None:
            error = verify_signature(self.scheme, self.public_key, raw, headers, self.clock())
        hook = ReceivedWebhook(
            raw=raw,
            headers=headers,
            body=body,
            event=entry.event if entry else None,
            event_type=wire[1] if wire else None,
            envelope=entry.envelope if entry else None,
            call_control_id=find_key(body, "call_control_id"),
            verified=error is None and self.public_key is not None,
            error=error,
        )
        answer = b"{}"
        if error is not None:
            hook.status = 401
            answer = json.dumps({"error": error}).encode()
        elif self.forward_to:
            forward = {k: v for k, v in headers.items() if k.startswith("telnyx-") or k == "content-type"}
            try:
                response = self._http.post(self.forward_to, content=raw, headers=forward)
                hook.status, answer = response.status_code, response.content
                hook.forwarded = {"status": response.status_code, "body": response.text[:2000]}
            except httpx.HTTPError as exc:
                hook.status, hook.forwarded = 502, {"error": f"{type(exc).__name__}: {exc}"}
                answer = json.dumps(hook.forwarded).encode()
        with self._cond:
            (self.rejected if error is not None else self.received).append(hook)
            self._cond.notify_all()
        return hook.status, answer

    # -- waiting ---------------------------------------------------------------------------------

    def events(self, event: str | None = None, *, call_control_id: str | None = None) -> list[ReceivedWebhook]:
        """The verified webhooks received so far, oldest first, optionally of one event and call leg."""
        with self._cond:
            return [h for h in self.received if _matches(h, event, call_control_id, None)]

    def wait_for(
        self,
        event: str,
        *,
        call_control_id: str | None = None,
        timeout: float = 10.0,
        where: Callable[[ReceivedWebhook], bool] | None = None,
    ) -> ReceivedWebhook:
        """The first received webhook of ``event`` (``x-event``, e.g. ``call.answered``, in either envelope),
        on ``call_control_id`` when given, that satisfies ``where``; waits up to ``timeout`` seconds.

        Raises ``TimeoutError`` listing what did arrive; ``AssertionError`` when a webhook failed
        verification meanwhile (a test should not pass while its server sends what its app refuses).
        """
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                if self.rejected:
                    raise AssertionError(f"a webhook failed verification: {self.rejected[0].error}")
                found = next((h for h in self.received if _matches(h, event, call_control_id, where)), None)
                if found is not None:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    seen = ", ".join(f"{h.event or h.event_type}@{h.call_control_id}" for h in self.received)
                    raise TimeoutError(
                        f"no {event}"
                        + (f" on {call_control_id}" if call_control_id else "")
                        + f" within {timeout:g} s; received: {seen or 'nothing'}"
                    )
                self._cond.wait(left)

    def __iter__(self) -> Iterator[ReceivedWebhook]:
        return iter(self.events())


def _matches(
    hook: ReceivedWebhook, event: str | None, ccid: str | None, where: Callable[[ReceivedWebhook], bool] | None
) -> bool:
    if event is not None and event not in (hook.event, hook.event_type):
        return False
    if ccid is not None and hook.call_control_id != ccid:
        return False
    return where is None or where(hook)
