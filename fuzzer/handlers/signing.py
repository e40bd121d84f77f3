"""Signing webhooks as the spec's ``x-webhook-signature`` says, with the reference server's key variable."""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Mapping

from nacl.signing import SigningKey

from specmodel import WebhookSignature

KEY_VARIABLE = "TELNYX_SIGNING_KEY"  # what refserver/config.py reads: Base64 of a 32-byte Ed25519 seed


class KeyError_(ValueError):
    """TELNYX_SIGNING_KEY is not Base64 of 32 bytes."""


class Signer:
    """Ed25519 signatures over the spec's message template (``{timestamp}|{body}`` in spec/)."""

    def __init__(self, scheme: WebhookSignature, seed: bytes, source: str) -> None:
        if scheme.algorithm != "ed25519":
            raise ValueError(f"x-webhook-signature: cannot sign with {scheme.algorithm!r}")
        self.scheme = scheme
        self.key = SigningKey(seed)
        self.source = source
        self.public_key = base64.b64encode(bytes(self.key.verify_key)).decode("ascii")

    @classmethod
    def from_env(cls, scheme: WebhookSignature, env: Mapping[str, str] = os.environ) -> Signer:
        """The key in TELNYX_SIGNING_KEY, else a fresh key pair (``source`` says which)."""
        raw = env.get(KEY_VARIABLE)
        if not raw:
            return cls(scheme, os.urandom(32), "generated")
        return cls(scheme, parse_seed(raw), KEY_VARIABLE)

    @classmethod
    def fresh(cls, scheme: WebhookSignature) -> Signer:
        return cls(scheme, os.urandom(32), "generated")

    def signature(self, timestamp: str, body: bytes) -> str:
        signed = self.key.sign(self.scheme.message_for(timestamp, body)).signature
        return base64.b64encode(signed).decode("ascii")

    def headers(self, timestamp: int, body: bytes) -> dict[str, str]:
        stamp = str(timestamp)
        return {
            "content-type": "application/json",
            self.scheme.signature_header: self.signature(stamp, body),
            self.scheme.timestamp_header: stamp,
        }


def parse_seed(raw: str) -> bytes:
    try:
        seed = base64.b64decode(raw.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise KeyError_(f"{KEY_VARIABLE} must be Base64") from None
    if len(seed) != 32:
        raise KeyError_(f"{KEY_VARIABLE} must be Base64 of a 32-byte Ed25519 seed")
    return seed
