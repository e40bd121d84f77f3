"""Bodies the scripted server answers with, valid against the specs."""

from __future__ import annotations

from typing import Any

ERROR_BODY = {
    "errors": [
        {
            "code": "90018",
            "title": "Call has already ended",
            "detail": "This call is no longer active and can't receive commands.",
            "source": {"pointer": "/call_control_id"},
            "meta": {"url": "https://developers.telnyx.com/docs/overview/errors/90018"},
        }
    ]
}


def application(n: int, **extra: Any) -> dict[str, Any]:
    return {
        "id": str(1000 + n),
        "record_type": "call_control_application",
        "application_name": f"app-{n}",
        "active": True,
        "anchorsite_override": "Latency",
        "dtmf_type": "RFC 2833",
        "first_command_timeout": False,
        "first_command_timeout_secs": 10,
        "inbound": {},
        "outbound": {},
        "webhook_api_version": "2",
        "webhook_event_url": "https://example.com/hooks",
        "webhook_event_failover_url": None,
        "webhook_timeout_secs": None,
        "created_at": "2024-01-01T00:00:00Z",
        "updated_at": "2024-01-01T00:00:00Z",
        **extra,
    }


def page(number: int, total: int, per_page: int = 2) -> dict[str, Any]:
    first = (number - 1) * per_page
    return {
        "data": [application(first + i) for i in range(per_page)],
        "meta": {"page_number": number, "page_size": per_page, "total_pages": total, "total_results": total * per_page},
    }
