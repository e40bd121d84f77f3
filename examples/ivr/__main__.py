"""``python -m examples.ivr``: serve the IVR on 127.0.0.1:$APP_PORT (default 8000) at /webhooks."""

from __future__ import annotations

import os

import uvicorn
from telnyx_call_control import Client

from .app import create_app


def main() -> None:
    client = Client()  # TELNYX_BASE_URL, TELNYX_V1_KEY, TELNYX_V1_SECRET, TELNYX_API_KEY, TELNYX_PUBLIC_KEY
    app = create_app(
        client,
        transfer_to=os.environ.get("TRANSFER_TO", "+18005550199"),
        commands=os.environ.get("IVR_COMMANDS", "v1"),
    )
    uvicorn.run(app, host="127.0.0.1", port=int(os.environ.get("APP_PORT", "8000")), log_level="warning")


if __name__ == "__main__":
    main()
