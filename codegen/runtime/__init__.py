"""The runtime of the generated packages: plain modules, copied verbatim into every package.

Nothing here depends on the API: what does (the clients, resources, models, the table of
webhooks) is rendered from templates next to these modules. The modules are linted,
type-checked and tested here, as source (this file is not copied).
"""

MODULES = (
    "_base_client.py",
    "_events.py",
    "_exceptions.py",
    "_models.py",
    "_pagination.py",
    "_response.py",
    "_streaming.py",
    "_types.py",
    "_webhooks.py",
    "testing.py",
)
"""The files copied into each package (``WEBHOOK_MODULES`` only when the API has webhooks)."""
WEBHOOK_MODULES = ("_events.py", "_webhooks.py", "testing.py")
