"""The Ed25519 key webhooks are signed with.

TELNYX_SIGNING_KEY (Base64 of a 32-byte seed) wins. Otherwise the key is generated once
and kept in the state directory (`signing_key` next to STATE_DB, mode 0600), so that a
restarted server keeps signing with the key its receivers already trust. With
STATE_DB=:memory: a fresh key is made for the run.

How webhooks are signed is the spec's `x-webhook-signature`: the algorithm (Ed25519 is the
one known), the header of the signature and of the timestamp, and the message template
(`{timestamp}|{body}` in spec/). A spec without it: webhooks go out unsigned.
"""

from __future__ import annotations

import base64
import os
import time
from pathlib import Path
from typing import Any

from nacl.signing import SigningKey

from specmodel import WebhookSignature

from .config import Config

KEY_FILE = "signing_key"
KEY_SETTING = "signing_key"


ALGORITHMS = ("ed25519",)  # what this server can sign with


class Signer:
    def __init__(self, seed: bytes, source: str, scheme: WebhookSignature | None) -> None:
        if scheme is not None and scheme.algorithm not in ALGORITHMS:
            raise ValueError(f"x-webhook-signature: cannot sign with {scheme.algorithm!r}")
        self.key = SigningKey(seed)
        self.source = source
        self.scheme = scheme
        self.public_key = base64.b64encode(bytes(self.key.verify_key)).decode("ascii")

    @property
    def algorithm(self) -> str:
        return self.scheme.algorithm if self.scheme is not None else ALGORITHMS[0]

    @property
    def signature_header(self) -> str | None:
        return self.scheme.signature_header if self.scheme is not None else None

    @classmethod
    def from_config(cls, cfg: Config, scheme: WebhookSignature | None, store: Any = None) -> Signer:
        if cfg.signing_seed is not None:
            return cls(cfg.signing_seed, "TELNYX_SIGNING_KEY", scheme)
        if cfg.shared and store is not None:  # one key for every process sharing the database
            text = store.add_setting(KEY_SETTING, base64.b64encode(os.urandom(32)).decode("ascii"))
            return cls(base64.b64decode(text), "kept in the database (settings.signing_key)", scheme)
        if cfg.state_dir is None:
            return cls(os.urandom(32), "generated for this run (STATE_DB=:memory:)", scheme)
        path = cfg.state_dir / KEY_FILE
        if path.exists():
            seed = base64.b64decode(path.read_text(encoding="ascii").strip())
            return cls(seed, str(path), scheme)
        seed = os.urandom(32)
        _write_private(path, base64.b64encode(seed).decode("ascii") + "\n")
        return cls(seed, f"generated into {path}", scheme)

    def sign(self, body: bytes, timestamp: int | None = None) -> dict[str, str]:
        """The headers of one delivery of `body` (none when the spec declares no signature)."""
        if self.scheme is None:
            return {}
        ts = str(int(time.time()) if timestamp is None else timestamp)
        signature = self.key.sign(self.scheme.message_for(ts, body)).signature
        return {
            self.scheme.signature_header: base64.b64encode(signature).decode("ascii"),
            self.scheme.timestamp_header: ts,
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
