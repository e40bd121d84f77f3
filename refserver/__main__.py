"""`python -m refserver`: run the reference server in the foreground.

Binds 127.0.0.1:$PORT (PORT=0 picks a free port), prints where it listens, the
credentials and the webhook public key, and serves until SIGTERM or SIGINT, on which it
stops accepting, finishes the requests in flight, and closes the database.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import sys
from collections.abc import Iterator

import uvicorn

from .app import create_app
from .config import Config, ConfigError
from .edge import MAX_HEAD_BYTES, READ_TIMEOUT, protocol_class
from .spec import SpecError, Unsupported


class _Server(uvicorn.Server):
    """uvicorn's server, but SIGTERM/SIGINT end `run()` normally (exit status 0).

    uvicorn re-raises the captured signal after its graceful shutdown, which makes the
    process die of it; a clean stop should exit 0.
    """

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        def stop(sig: int, frame: object) -> None:
            if self.should_exit:
                self.force_exit = True
            self.should_exit = True

        previous = {s: signal.signal(s, stop) for s in (signal.SIGTERM, signal.SIGINT)}
        try:
            yield
        finally:
            for s, handler in previous.items():
                signal.signal(s, handler)


def _bind(host: str, port: int) -> socket.socket:
    # IPPROTO_TCP explicitly: asyncio sets TCP_NODELAY only on accepted sockets whose proto says
    # TCP, and with proto 0 every response waits ~40 ms for a delayed ACK (Nagle).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(2048)
    sock.set_inheritable(True)
    return sock


def main() -> int:
    try:
        cfg = Config.from_env()
    except ConfigError as exc:
        print(f"refserver: configuration error: {exc}", file=sys.stderr)
        return 2
    try:
        sock = _bind(cfg.host, cfg.port)
    except OSError as exc:
        print(f"refserver: cannot listen on {cfg.host}:{cfg.port}: {exc}", file=sys.stderr)
        return 1
    port = sock.getsockname()[1]
    cfg.public_url = f"http://{cfg.host}:{port}"
    try:
        app = create_app(cfg)
    except (SpecError, Unsupported) as exc:  # one line naming the file and pointer, no traceback
        print(f"refserver: {exc}", file=sys.stderr)
        sock.close()
        return 2
    server = app.state.refserver
    try:
        read_timeout = float(os.environ.get("REFSERVER_READ_TIMEOUT") or READ_TIMEOUT)
    except ValueError:
        read_timeout = -1.0
    if not 0 < read_timeout <= 3600:
        print("refserver: configuration error: REFSERVER_READ_TIMEOUT must be seconds in (0, 3600]", file=sys.stderr)
        sock.close()
        return 2
    say = lambda line: print(f"refserver: {line}", flush=True)  # noqa: E731
    say(f"state: {cfg.state_db}")
    for account in cfg.accounts:
        say(
            f"account {account.name}: TELNYX_API_KEY={account.api_key} "
            f"TELNYX_V1_KEY={account.v1_key} TELNYX_V1_SECRET={account.v1_secret}"
        )
    if cfg.defaulted_credentials:
        say(f"development defaults used for: {', '.join(cfg.defaulted_credentials)}")
    say(f"webhook signing public key: {server.signer.public_key} ({server.signer.source})")
    say(f"TIME_SCALE={cfg.time_scale:g} WEBHOOK_RETRY_SCHEDULE=" + ",".join(f"{s:g}" for s in cfg.retry_schedule))
    if cfg.faults:
        say(f"FAULTS ENABLED: {', '.join(sorted(cfg.faults))}")
    if cfg.simulator_open:
        say("simulator /_sim: OPEN: without credentials it sees and changes every account's calls (single-user run)")
    else:
        say("simulator /_sim: scoped: each request takes an account's credentials and sees only that account")
    say(f"server stack: uvicorn {uvicorn.__version__}, loop {cfg.loop}, http {cfg.http}")
    say(f"listening on {cfg.public_url}")
    config = uvicorn.Config(
        app,
        loop=cfg.loop,
        http=protocol_class(cfg.http, read_timeout),  # limits and `errors` bodies: refserver/edge.py
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        timeout_keep_alive=5,
        log_level="warning",
        access_log=cfg.access_log,
        lifespan="on",
        timeout_graceful_shutdown=5,
    )
    _Server(config).run(sockets=[sock])
    say("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
