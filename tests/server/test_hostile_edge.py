"""Limits at the edge (refserver/edge.py), on both HTTP stacks uvicorn may use.

Protocol errors, a head too large, a body too large and a request that never finishes are
each answered with a Telnyx `errors` body and the connection closed; the server goes on.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import socket
import time
from collections.abc import Iterator

import pytest

from tests.server.harness import API_KEY, RefServerProcess, v1_auth

STACKS = ["h11", "httptools"]


@pytest.fixture(scope="module", params=STACKS)
def edge_server(request: pytest.FixtureRequest) -> Iterator[RefServerProcess]:
    if request.param == "httptools" and importlib.util.find_spec("httptools") is None:
        pytest.skip("httptools is not installed: only the h11 stack can be checked")
    proc = RefServerProcess(env={"REFSERVER_HTTP": request.param, "REFSERVER_READ_TIMEOUT": "1"})
    try:
        yield proc.start()
    finally:
        proc.stop()
        proc.kill()


def _port(server: RefServerProcess) -> int:
    return int(server.url.rsplit(":", 1)[1])


def exchange(server: RefServerProcess, raw: bytes, *, wait: float = 10.0) -> tuple[int, dict[str, str], bytes]:
    """Send raw bytes, read until the server closes: (status, headers, body)."""
    with socket.create_connection(("127.0.0.1", _port(server)), timeout=wait) as sock:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            sock.sendall(raw)
        data = b""
        while True:
            try:
                chunk = sock.recv(65536)
            except ConnectionResetError:
                break
            if not chunk:
                break
            data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    return status, headers, body


def assert_errors(status: int, headers: dict[str, str], body: bytes, expected: int) -> dict[str, object]:
    assert status == expected, body[:300]
    assert headers["content-type"].startswith("application/json")
    doc = json.loads(body)
    assert doc["errors"][0]["code"] == "10015" and doc["errors"][0]["detail"]
    return doc


def still_works(server: RefServerProcess) -> None:
    raw = b"GET /_sim/public_key HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n"
    status, _, _ = exchange(server, raw)
    assert status == 200


@pytest.mark.parametrize(
    "raw",
    [
        b"GET /v2/call_control_applications HTTP/1.1\r\nhost: x\r\nx-bad: a\rb\r\n\r\n",  # CR in a header
        b"GET /v2/call_control_applications HTTP/1.1\r\nhost: x\r\nx-bad: a\x00b\r\n\r\n",  # NUL
        b"POST /calls HTTP/1.1\r\nhost: x\r\ncontent-length: -1\r\n\r\n{}",  # a negative length
        b"BLAH\x00 / HTTP/1.1\r\n\r\n",  # not a request line
    ],
    ids=["cr-in-header", "nul-in-header", "content-length-minus-1", "bad-request-line"],
)
def test_protocol_errors_get_an_errors_body(edge_server: RefServerProcess, raw: bytes) -> None:
    status, headers, body = exchange(edge_server, raw)
    assert_errors(status, headers, body, 400)
    assert headers.get("connection") == "close"
    still_works(edge_server)


def test_a_1mb_header_is_431_with_an_errors_body(edge_server: RefServerProcess) -> None:
    raw = b"GET /v2/call_control_applications HTTP/1.1\r\nhost: x\r\nx-big: " + b"a" * 1_000_000 + b"\r\n\r\n"
    status, headers, body = exchange(edge_server, raw)
    assert_errors(status, headers, body, 431)
    still_works(edge_server)


def test_a_20mb_body_is_413_with_an_errors_body(edge_server: RefServerProcess) -> None:
    head = (
        b"POST /v2/call_control_applications HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
        b"authorization: Bearer " + API_KEY.encode() + b"\r\ncontent-length: 20000000\r\n\r\n"
    )
    status, headers, body = exchange(edge_server, head + b'{"application_name": "' + b"a" * 100_000)
    assert_errors(status, headers, body, 413)
    still_works(edge_server)


def test_a_chunked_body_past_the_limit_is_413(edge_server: RefServerProcess) -> None:
    chunk = b"a" * 500_000
    payload = b'{"application_name": "' + chunk + chunk + chunk + b'"}'
    head = (
        b"POST /v2/call_control_applications HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\n"
        b"authorization: Bearer " + API_KEY.encode() + b"\r\ntransfer-encoding: chunked\r\n\r\n"
    )
    body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(payload), payload)
    status, headers, answer = exchange(edge_server, head + body)
    assert_errors(status, headers, answer, 413)


def test_a_half_sent_request_is_answered_408_and_closed(edge_server: RefServerProcess) -> None:
    """REFSERVER_READ_TIMEOUT=1: the head never ends; the server answers and closes."""
    started = time.monotonic()
    status, headers, body = exchange(edge_server, b"GET /_sim/public_key HTTP/1.1\r\nhost: x\r\n")
    assert_errors(status, headers, body, 408)
    assert time.monotonic() - started < 8  # closed by the server, not by this test's 10 s socket timeout


def test_a_half_sent_body_is_answered_408(edge_server: RefServerProcess) -> None:
    auth = v1_auth().encode()
    raw = b"POST /calls HTTP/1.1\r\nhost: x\r\nauthorization: " + auth + b"\r\ncontent-length: 100\r\n\r\n{"
    status, headers, body = exchange(edge_server, raw)
    assert_errors(status, headers, body, 408)


def test_an_idle_connection_is_closed(edge_server: RefServerProcess) -> None:
    with socket.create_connection(("127.0.0.1", _port(edge_server)), timeout=10) as sock:
        data = sock.recv(65536)  # nothing sent: the server answers 408 and closes
        rest = sock.recv(65536)
    assert data.startswith(b"HTTP/1.1 408") and rest == b""
