"""The Telnyx `errors` body, and the one exception every refusal travels in.

Error codes are those of the reference (section 4) and of the spec's descriptions.
Codes the sources do not give are marked "toolkit" and listed in refserver/README.md.
"""

from __future__ import annotations

from typing import Any

DOCS_URL = "https://developers.telnyx.com/docs/overview/errors/"

# code: title
TITLES = {
    "10002": "Invalid value",
    "10004": "Missing required parameter",
    "10005": "Resource not found",
    "10006": "Invalid ID",
    "10007": "Unexpected error",
    "10009": "Authentication failed",
    "10010": "Authorization failed",
    "10015": "Bad Request",
    "10016": "Phone number must be in +E.164 format",
    "10032": "Invalid enumerated value",
    "10033": "Value out of range",
    "90015": "Invalid call_control_id",
    "90018": "Call has already ended",
    "90031": "Call not forked",
    "90034": "Call not answered yet",
    "90035": "Invalid call state",  # toolkit
    "90036": "Call is not being recorded",  # toolkit
    "90040": "Channel limit exceeded",  # toolkit
    "90041": "Application is not active",  # toolkit
    "90042": "Gather already in progress",  # toolkit
}


def error(
    code: str,
    detail: str | None = None,
    *,
    pointer: str | None = None,
    parameter: str | None = None,
    title: str | None = None,
) -> dict[str, Any]:
    item: dict[str, Any] = {"code": code, "title": title or TITLES.get(code, "Error")}
    if detail:
        item["detail"] = detail
    if pointer is not None or parameter is not None:
        source: dict[str, str] = {}
        if pointer is not None:
            source["pointer"] = pointer
        if parameter is not None:
            source["parameter"] = parameter
        item["source"] = source
    item["meta"] = {"url": DOCS_URL + code}
    return item


class TelnyxError(Exception):
    """A refusal: an HTTP status and one or more Telnyx errors."""

    def __init__(
        self,
        status: int,
        errors: list[dict[str, Any]] | dict[str, Any],
        headers: dict[str, str] | None = None,
    ) -> None:
        self.status = status
        self.errors = errors if isinstance(errors, list) else [errors]
        self.headers = headers
        super().__init__(f"{status} {self.errors[0]['code']}")

    def body(self) -> dict[str, Any]:
        return {"errors": self.errors}


def fail(status: int, code: str, detail: str | None = None, **kw: Any) -> TelnyxError:
    return TelnyxError(status, error(code, detail, **kw))


def not_found(detail: str = "The requested resource or URL could not be found.") -> TelnyxError:
    return fail(404, "10005", detail)
