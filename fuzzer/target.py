"""Start the reference server as a subprocess on a free port with a fresh state, and stop it."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from nacl.signing import SigningKey

from fuzzer.receiver import free_port

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_API_KEY = "KEYfuzzer-api-key"
DEFAULT_V1_KEY = "fuzzer-v1-key"
DEFAULT_V1_SECRET = "fuzzer-v1-secret"


@dataclass(frozen=True)
class Credentials:
    api_key: str
    v1_key: str
    v1_secret: str

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Credentials:
        env = dict(os.environ) if env is None else env
        return cls(
            api_key=env.get("TELNYX_API_KEY") or DEFAULT_API_KEY,
            v1_key=env.get("TELNYX_V1_KEY") or DEFAULT_V1_KEY,
            v1_secret=env.get("TELNYX_V1_SECRET") or DEFAULT_V1_SECRET,
        )


@dataclass
class RefServer:
    """`python -m refserver` on 127.0.0.1, STATE_DB=:memory:, a fresh signing key."""

    credentials: Credentials
    time_scale: float = 0.02
    faults: tuple[str, ...] = ()
    log_path: Path | None = None
    extra_env: dict[str, str] = field(default_factory=dict)
    port: int = 0
    public_key: str = ""
    process: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> RefServer:
        seed = os.urandom(32)
        self.public_key = base64.b64encode(bytes(SigningKey(seed).verify_key)).decode()
        self.port = free_port()
        env = {k: v for k, v in os.environ.items() if not k.startswith("REFSERVER_")}
        env.update(
            PORT=str(self.port),
            STATE_DB=":memory:",
            TIME_SCALE=str(self.time_scale),
            TELNYX_API_KEY=self.credentials.api_key,
            TELNYX_V1_KEY=self.credentials.v1_key,
            TELNYX_V1_SECRET=self.credentials.v1_secret,
            TELNYX_SIGNING_KEY=base64.b64encode(seed).decode(),
            PYTHONUNBUFFERED="1",
        )
        if self.faults:
            env.update(REFSERVER_ENABLE_FAULTS="1", REFSERVER_FAULTS=",".join(self.faults))
        env.update(self.extra_env)
        out = open(self.log_path, "wb") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        try:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "refserver"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
            )
        finally:
            if out is not subprocess.DEVNULL:
                out.close()
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"the reference server exited with {self.process.returncode} (log: {self.log_path})")
            try:
                if httpx.get(self.base_url + "/_sim/public_key", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the reference server did not answer on {self.base_url} within {timeout} s")
            time.sleep(0.1)

    def stop(self) -> None:
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self.process = None

    def __enter__(self) -> RefServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
