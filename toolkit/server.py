"""The reference server in a child process: free port, in-memory state, fresh credentials, always stopped."""

from __future__ import annotations

import base64
import os
import secrets
import signal
import subprocess
import sys
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from types import TracebackType
from typing import Any

from nacl.signing import SigningKey


class ServerError(RuntimeError):
    """The reference server did not start (its output says why)."""


@dataclass(frozen=True)
class Credentials:
    """What an application needs to talk to one server, and to trust its webhooks."""

    base_url: str
    api_key: str  # V2 Bearer
    v1_key: str  # V1 Basic user
    v1_secret: str  # V1 Basic password
    signing_key: str  # Base64 Ed25519 seed (TELNYX_SIGNING_KEY)
    public_key: str  # Base64 Ed25519 public key (TELNYX_PUBLIC_KEY)

    @classmethod
    def fresh(cls, base_url: str = "", signing_key: str | None = None) -> Credentials:
        seed = base64.b64decode(signing_key) if signing_key else secrets.token_bytes(32)
        public = base64.b64encode(bytes(SigningKey(seed).verify_key)).decode("ascii")
        return cls(
            base_url=base_url,
            api_key="KEY" + secrets.token_hex(16),
            v1_key="v1key-" + secrets.token_hex(8),
            v1_secret="v1secret-" + secrets.token_hex(16),
            signing_key=base64.b64encode(seed).decode("ascii"),
            public_key=public,
        )

    def env(self) -> dict[str, str]:
        """The environment variables the generated client (and the fuzzers) read."""
        return {
            "TELNYX_BASE_URL": self.base_url,
            "TELNYX_API_KEY": self.api_key,
            "TELNYX_V1_KEY": self.v1_key,
            "TELNYX_V1_SECRET": self.v1_secret,
            "TELNYX_PUBLIC_KEY": self.public_key,
            "TELNYX_SIM_BASE_URL": f"{self.base_url}/_sim",
        }

    def client_kwargs(self) -> dict[str, str]:
        """Keyword arguments of ``telnyx_call_control.Client`` for this server."""
        return {
            "base_url": self.base_url,
            "api_key": self.api_key,
            "v1_key": self.v1_key,
            "v1_secret": self.v1_secret,
            "public_key": self.public_key,
        }


class RefServer:
    """``python -m refserver`` on 127.0.0.1, a free port, ``STATE_DB=:memory:``.

    ``time_scale`` is its ``TIME_SCALE``; ``env`` adds or overrides variables (``SPEC_DIR``,
    ``WEBHOOK_RETRY_SCHEDULE``, ...). Use as a context manager, or ``start()`` / ``stop()``.
    """

    def __init__(
        self,
        *,
        time_scale: float = 0.01,
        env: Mapping[str, str] | None = None,
        start_timeout: float = 60.0,
        log: Path | None = None,
    ) -> None:
        self.time_scale = time_scale
        self.extra_env = dict(env or {})
        self.start_timeout = start_timeout
        self.log_path = log
        self.output: list[str] = []
        self.process: subprocess.Popen[str] | None = None
        self.credentials = Credentials.fresh(signing_key=self.extra_env.get("TELNYX_SIGNING_KEY"))
        self._listening = threading.Event()
        self._reader: threading.Thread | None = None

    @property
    def url(self) -> str:
        return self.credentials.base_url

    @property
    def public_key(self) -> str:
        return self.credentials.public_key

    def command_env(self) -> dict[str, str]:
        creds = self.credentials
        env = {k: v for k, v in os.environ.items() if k not in ("REFSERVER_ACCOUNTS", "REFSERVER_FAULTS")}
        env.update(
            PORT="0",
            STATE_DB=":memory:",
            TIME_SCALE=f"{self.time_scale:g}",
            TELNYX_API_KEY=creds.api_key,
            TELNYX_V1_KEY=creds.v1_key,
            TELNYX_V1_SECRET=creds.v1_secret,
            TELNYX_SIGNING_KEY=creds.signing_key,
            PYTHONUNBUFFERED="1",
        )
        env.update(self.extra_env)
        return env

    def start(self) -> RefServer:
        if self.process is not None:
            raise ServerError("already started")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "refserver"],
            env=self.command_env(),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            bufsize=1,
        )
        self._reader = threading.Thread(target=self._read, name="refserver-output", daemon=True)
        self._reader.start()
        self._listening.wait(self.start_timeout)
        if not self.url or self.process.poll() is not None:
            self.stop()
            raise ServerError("the reference server did not start:\n" + "".join(self.output[-30:]))
        return self

    def _read(self) -> None:
        assert self.process is not None and self.process.stdout is not None
        prefix = "refserver: listening on "
        sink = self.log_path.open("a", encoding="utf-8") if self.log_path else None
        try:
            for line in self.process.stdout:
                self.output.append(line)
                if sink:
                    sink.write(line)
                    sink.flush()
                if line.startswith(prefix) and not self._listening.is_set():
                    url = line[len(prefix) :].strip()
                    self.credentials = replace(self.credentials, base_url=url)
                    self._listening.set()
        finally:
            if sink:
                sink.close()
            self._listening.set()

    def stop(self, timeout: float = 10.0) -> int | None:
        """SIGTERM, then SIGKILL if it has not stopped within ``timeout``; the exit status."""
        proc = self.process
        if proc is None:
            return None
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        if self._reader is not None:
            self._reader.join(5)
        return proc.returncode

    def __enter__(self) -> RefServer:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    # -- clients ---------------------------------------------------------------------------------

    def client(self, **kwargs: Any) -> Any:
        """A ``telnyx_call_control.Client`` with this server's credentials."""
        from telnyx_call_control import Client

        return Client(**{**self.credentials.client_kwargs(), "max_retries": 0, **kwargs})

    def sim(self, **kwargs: Any) -> Any:
        """The typed simulator client (``telnyx_sim.Client``, generated from spec/simulator.yaml)."""
        from telnyx_sim import Client

        # /_sim is scoped to the account whose credentials a request carries (open without them only while the
        # server has a single account): the sim client sends this server's V2 key.
        headers = {"Authorization": f"Bearer {self.credentials.api_key}", **kwargs.pop("default_headers", {})}
        return Client(**{"base_url": f"{self.url}/_sim", "max_retries": 0, "default_headers": headers, **kwargs})
