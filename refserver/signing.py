"""The Ed25519 key webhooks are signed with.

TELNYX_SIGNING_KEY (Base64 of a 32-byte seed) wins. Otherwise the key is generated once
and kept in the state directory (`signing_key` next to STATE_DB, mode 0600), so that a
restarted server keeps signing with the key its receivers already trust. With
STATE_DB=:memory: a fresh key is made for the run.

A signature covers `{telnyx-timestamp}|{raw body}`; both go out as headers.
"""

from __future__ import annotations

import base64
import os
import time
from pathlib import Path

from nacl.signing import SigningKey

from .config import Config

KEY_FILE = "signing_key"


class Signer:
    def __init__(self, seed: bytes, source: str) -> None:
        self.key = SigningKey(seed)
        self.source = source
        self.public_key = base64.b64encode(bytes(self.key.verify_key)).decode("ascii")

    @classmethod
    def from_config(cls, cfg: Config) -> Signer:
        if cfg.signing_seed is not None:
            return cls(cfg.signing_seed, "TELNYX_SIGNING_KEY")
        if cfg.state_dir is None:
            return cls(os.urandom(32), "generated for this run (STATE_DB=:memory:)")
        path = cfg.state_dir / KEY_FILE
        if path.exists():
            seed = base64.b64decode(path.read_text(encoding="ascii").strip())
            return cls(seed, str(path))
        seed = os.urandom(32)
        _write_private(path, base64.b64encode(seed).decode("ascii") + "\n")
        return cls(seed, f"generated into {path}")

    def sign(self, body: bytes, timestamp: int | None = None) -> dict[str, str]:
        ts = str(int(time.time()) if timestamp is None else timestamp)
        signature = self.key.sign(ts.encode("ascii") + b"|" + body).signature
        return {
            "telnyx-signature-ed25519": base64.b64encode(signature).decode("ascii"),
            "telnyx-timestamp": ts,
        }


def _write_private(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as fh:
        fh.write(text)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)
