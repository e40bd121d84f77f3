"""Credentials, compared in constant time, mapped to the account they belong to.

V2 (Bearer): missing or wrong key -> 401, code 10009.
V1 (Basic): missing or unreadable header -> 401 (10009); a well-formed key:secret that
matches no account -> 403 (10010), as the spec's basicAuth scheme says.
"""

from __future__ import annotations

import base64
import binascii
import hmac

from .config import Account
from .errors import TelnyxError, error

_AUTH_FAILED = "The required authentication headers were either invalid or not included in the request."


def _unauthorized(detail: str = _AUTH_FAILED) -> TelnyxError:
    return TelnyxError(401, error("10009", detail))


def _eq(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class Authenticator:
    def __init__(self, accounts: tuple[Account, ...]) -> None:
        self.accounts = accounts

    def bearer(self, header: str | None) -> Account:
        if not header:
            raise _unauthorized()
        scheme, _, token = header.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise _unauthorized()
        found = None
        for account in self.accounts:  # no early exit: every key is compared
            if _eq(token, account.api_key):
                found = account
        if found is None:
            raise _unauthorized()
        return found

    def basic(self, header: str | None) -> Account:
        if not header:
            raise _unauthorized()
        scheme, _, encoded = header.partition(" ")
        if scheme.lower() != "basic":
            raise _unauthorized()
        try:
            decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
        except (binascii.Error, ValueError):
            raise _unauthorized() from None
        key, sep, secret = decoded.partition(":")
        if not sep:
            raise _unauthorized()
        found = None
        for account in self.accounts:
            key_ok = _eq(key, account.v1_key)
            secret_ok = _eq(secret, account.v1_secret)
            if key_ok and secret_ok:
                found = account
        if found is None:
            raise TelnyxError(
                403,
                error(
                    "10010",
                    "You do not have permission to perform the requested action "
                    "on the specified resource or resources.",
                ),
            )
        return found
