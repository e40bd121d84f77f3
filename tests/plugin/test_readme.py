"""The README works as written: the client snippet against a reference server, and the three-terminal quickstart."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.shell import user_shell_env

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text()


def block_after(marker: str, language: str) -> str:
    start = README.index(marker)
    match = re.compile(rf"```{language}\n(.*?)```", re.S).search(README, start)
    assert match, f"no {language} block after {marker!r}"
    return match.group(1)


def quickstart_blocks() -> list[str]:
    section = README[README.index("## Quickstart") : README.index("## Testing your app")]
    return re.findall(r"```sh\n(.*?)```", section, re.S)


def test_first_screen_keeps_the_two_commands() -> None:
    first = README.split("## ", 1)[0]
    assert "make generate" in first and "make test" in first


def test_client_snippet_works_as_written(telnyx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    snippet = block_after("**The client**", "python")
    line = 'WEBHOOK_URL = "https://example.com/webhooks"'
    assert line in snippet
    for name, value in telnyx.credentials.env().items():
        monkeypatch.setenv(name, value)
    namespace: dict[str, Any] = {}
    handled: list[str] = []

    async def webhook(request: Request) -> Response:
        namespace["on_webhook"](await request.body(), dict(request.headers))
        handled.append(request.headers.get("telnyx-timestamp", ""))
        return Response(status_code=200)

    url = telnyx.serve_app(Starlette(routes=[Route("/webhooks", webhook, methods=["POST"])]))
    exec(compile(snippet.replace(line, f"WEBHOOK_URL = {telnyx.receiver.url!r}"), "README.md", "exec"), namespace)
    assert url and namespace["app"].data.webhook_event_url == telnyx.receiver.url
    call = namespace["call"].data.call_control_id
    hangup = telnyx.wait_for("call.hangup", call_control_id=call)
    assert hangup.payload["hangup_cause"] == "normal_clearing"
    events = [hook.event for hook in telnyx.receiver.events(call_control_id=call)]
    assert events.index("call.answered") < events.index("call.speak.started") < events.index("call.speak.ended")
    assert all(hook.status == 200 for hook in telnyx.receiver.events())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def wait_for_port(port: int, proc: subprocess.Popen[str], what: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assert proc.poll() is None, f"{what} exited: {proc.communicate()[0][-3000:]}"
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    pytest.fail(f"{what} did not listen on {port}")


@pytest.fixture
def background() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def test_quickstart_works_as_written(background: list[subprocess.Popen[str]]) -> None:
    """The three blocks, each in its own shell as in its own terminal; only the two ports are made free ones."""
    for tool in ("curl", "make"):
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed; the quickstart uses it")
    blocks = quickstart_blocks()
    assert len(blocks) == 3
    assert "STATE_DB=:memory: make serve" in blocks[0]
    server_port, app_port = free_port(), free_port()

    def ported(text: str) -> str:
        return (
            text.replace("127.0.0.1:8765", f"127.0.0.1:{server_port}")
            .replace("APP_PORT=8000", f"APP_PORT={app_port}")
            .replace("127.0.0.1:8000", f"127.0.0.1:{app_port}")
        )

    env = user_shell_env("TELNYX_", "STATE_DB", "TIME_SCALE")  # as in the user's terminal
    env["PORT"] = str(server_port)  # `make serve` listens on PORT (8765 when unset)

    def start(script: str, what: str, port: int) -> None:
        proc = subprocess.Popen(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            start_new_session=True,
        )
        background.append(proc)
        wait_for_port(port, proc, what)

    start(ported(blocks[0]), "make serve", server_port)
    start(ported(blocks[1]), "the example IVR", app_port)
    result = subprocess.run(
        ["bash", "-euo", "pipefail", "-c", ported(blocks[2])],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for line in ("webhook call.initiated", "webhook call.answered", "caller pressed 1", "call bridged with"):
        assert line in result.stdout, result.stdout
    assert (
        httpx.get(f"http://127.0.0.1:{server_port}/_sim/webhooks?status=failed", trust_env=False).json()["data"] == []
    )
