"""Every fact of the two seed documents (`../shared/seeds/`), as data.

Each entry is transcribed from the seed pages as they read; `test_seed_facts.py` checks
them one by one against spec/. Nothing here is read from the specs themselves.
"""

from __future__ import annotations

# --- Seed 000: Call Control V1, sending commands --------------------------------------

V1_SERVER = "https://api.telnyx.com"
V1_AUTH = "basic"  # Authorization: Basic base64("<key>:<secret>")
V1_EXAMPLE_CALL_CONTROL_ID = "428c31b6-7af4-4bcb-b7f5-5013ef9657c1"  # from the curl example

# Seed command name -> (method, path). Dial has no /actions path.
V1_COMMANDS: dict[str, tuple[str, str]] = {
    "Answer call": ("post", "/calls/{call_control_id}/actions/answer"),
    "Bridge call": ("post", "/calls/{call_control_id}/actions/bridge"),
    "Dial": ("post", "/calls"),
    "Forking start": ("post", "/calls/{call_control_id}/actions/fork_start"),
    "Forking stop": ("post", "/calls/{call_control_id}/actions/fork_stop"),
    "Gather using audio": ("post", "/calls/{call_control_id}/actions/gather_using_audio"),
    "Gather using speak": ("post", "/calls/{call_control_id}/actions/gather_using_speak"),
    "Hangup": ("post", "/calls/{call_control_id}/actions/hangup"),
    "Play audio url": ("post", "/calls/{call_control_id}/actions/playback_start"),
    "Playback stop command": ("post", "/calls/{call_control_id}/actions/playback_stop"),
    "Recording start": ("post", "/calls/{call_control_id}/actions/record_start"),
    "Recording stop": ("post", "/calls/{call_control_id}/actions/record_stop"),
    "Reject call": ("post", "/calls/{call_control_id}/actions/reject"),
    "Send DTMF": ("post", "/calls/{call_control_id}/actions/send_dtmf"),
    "Speak text": ("post", "/calls/{call_control_id}/actions/speak"),
    "Transfer call": ("post", "/calls/{call_control_id}/actions/transfer"),
}

# The seed's "Expected Webhooks" column, as steps of the x-webhooks grammar
# (event names in their envelope-independent form; see spec/README.md).
V1_EXPECTED_WEBHOOKS: dict[str, list[dict[str, object]]] = {
    "Answer call": [{"event": "call.answered"}],
    "Bridge call": [
        {"event": "call.bridged", "leg": "self"},  # Call_bridged for Leg A
        {"event": "call.bridged", "leg": "other"},  # Call_bridged for Leg B
    ],
    "Dial": [
        {"event": "call.initiated"},
        {"one_of": ["call.answered", "call.hangup"]},  # either Call_answered or Call_hangup
    ],
    "Forking start": [],  # There are no webhooks associated with this command.
    "Forking stop": [],
    "Gather using audio": [
        {"event": "call.playback.started"},
        {"event": "call.playback.ended"},
        {"event": "call.dtmf.received", "repeat": True},  # you may receive many of these
        {"event": "call.gather.ended"},
    ],
    "Gather using speak": [
        {"event": "call.dtmf.received", "repeat": True},
        {"event": "call.gather.ended"},
    ],
    "Hangup": [
        {"event": "call.hangup"},
        # Recording saved (Only applies if the call is being recorded)
        {"event": "call.recording.saved", "optional": True, "when": "recording"},
    ],
    "Play audio url": [{"event": "call.playback.started"}, {"event": "call.playback.ended"}],
    # You will either receive a Playback_ended webhook or a Speak ended webhook
    "Playback stop command": [{"one_of": ["call.playback.ended", "call.speak.ended"]}],
    "Recording start": [],
    "Recording stop": [{"event": "call.recording.saved"}],
    "Reject call": [{"event": "call.hangup"}],
    "Send DTMF": [],
    "Speak text": [{"event": "call.speak.started"}, {"event": "call.speak.ended"}],
    "Transfer call": [
        {"event": "call.initiated", "leg": "new"},
        {"event": "call.bridged", "leg": "new"},  # Call_bridged for Leg B
        {"one_of": ["call.answered", "call.hangup"], "leg": "new"},
    ],
}

# The seed's webhook names (its capitalisation varies) and the events they are.
V1_SEED_WEBHOOK_NAMES: dict[str, str] = {
    "Call_initiated": "call.initiated",
    "Call_answered": "call.answered",
    "Call_bridged": "call.bridged",
    "Call hangup": "call.hangup",
    "Playback_started": "call.playback.started",
    "Playback_ended": "call.playback.ended",
    "Speak started": "call.speak.started",
    "Speak ended": "call.speak.ended",
    "DTMF": "call.dtmf.received",
    "Gather ended": "call.gather.ended",
    "Recording saved": "call.recording.saved",
}

# "Response when Sending Commands": status, message, description.
V1_STATUSES: dict[str, tuple[str, str]] = {
    "200": ("OK", "The request succeeded."),
    "403": ("Forbidden", "The request was valid, however the user is not authorized to perform this action."),
    "404": ("Not Found", "The requested resource could not be found."),
    "422": ("Invalid Parameters", "The request has invalid parameters or the call is no longer active."),
}

# --- Seed 004: Call Control Applications V2 -------------------------------------------

V2_SERVER = "https://api.telnyx.com/v2"
V2_AUTH = "bearer"
V2_PATH = "/call_control_applications"
V2_ITEM_PATH = "/call_control_applications/{id}"

# operationId -> (method, path, summary, description, {status: description})
V2_OPERATIONS: dict[str, tuple[str, str, str, str, dict[str, str]]] = {
    "listCallControlApplications": (
        "get",
        V2_PATH,
        "List call control applications",
        "Return a list of call control applications.",
        {
            "200": "Successful response with a list of call control applications.",
            "400": "Bad request",
            "401": "Unauthorized",
            "404": "Resource not found",
        },
    ),
    "createCallControlApplication": (
        "post",
        V2_PATH,
        "Create a call control application",
        "Create a call control application.",
        {
            "201": "Successful response with details about a call control application.",
            "422": "Bad Request",
        },
    ),
    "retrieveCallControlApplication": (
        "get",
        V2_ITEM_PATH,
        "Retrieve a call control application",
        "Retrieves the details of an existing call control application.",
        {
            "200": "Successful response with details about a call control application.",
            "401": "Unauthorized",
            "404": "Resource not found",
            "422": "Bad request",
        },
    ),
    "updateCallControlApplication": (
        "patch",
        V2_ITEM_PATH,
        "Update a call control application",
        "Updates settings of an existing call control application.",
        {
            "200": "Successful response with details about a call control application.",
            "401": "Unauthorized",
            "404": "Resource not found",
            "422": "Bad request",
        },
    ),
    "deleteCallControlApplication": (
        "delete",
        V2_ITEM_PATH,
        "Delete a call control application",
        "Deletes a call control application.",
        {
            "200": "Successful response with details about a call control application.",
            "401": "Unauthorized",
            "404": "Resource not found",
            "422": "Bad request",
        },
    ),
}

# Path parameter `id` of retrieve, update and delete: "string (int64) required".
V2_ID_PARAMETER = {
    "type": "string",
    "format": "int64",
    "required": True,
    "description": "Identifies the resource.",
    "example": "1293384261075731499",
}

# Query parameters of list. `None` for a key the seed does not give.
V2_LIST_PARAMETERS: dict[str, dict[str, object]] = {
    "page[number]": {"type": "integer", "minimum": 1, "default": 1, "description": "The page number to load"},
    "page[size]": {
        "type": "integer",
        "minimum": 1,
        "maximum": 250,
        "default": 20,
        "description": "The size of the page",
    },
    "filter[application_name][contains]": {
        "type": "string",
        "default": "null",
        "minLength": 3,  # "Requires at least three characters."
        "description": (
            "If present, applications with application_name containing the given value will be returned. "
            "Matching is not case-sensitive. Requires at least three characters."
        ),
    },
    "filter[outbound_voice_profile_id]": {
        "type": "string",
        "format": "int64",
        "example": "1293384261075731499",
        "description": "Identifies the associated outbound voice profile.",
    },
    "sort": {
        "type": "string",
        "default": "created_at",
        "example": "connection_name",
        "enum": ["created_at", "connection_name", "active"],
        "description": (
            "Specifies the sort order for results. By default sorting direction is ascending. "
            "To have the results sorted in descending order add the - prefix."
        ),
        "also_describes": [
            "connection_name: sorts the result by the connection_name field in ascending order.",
            "-connection_name: sorts the result by the connection_name field in descending order.",
            "If not given, results are sorted by created_at in descending order.",
        ],
    },
}

# Body fields of create and update ("In body (application/json)"), the same on both.
V2_BODY_FIELDS: dict[str, dict[str, object]] = {
    "application_name": {
        "type": "string",
        "required": True,
        "example": "call-router",
        "description": "A user-assigned name to help manage the application.",
    },
    "webhook_event_url": {
        "type": "string",
        "format": "url",
        "required": True,
        "example": "https://example.com",
        "description": (
            "The URL where webhooks related to this connection will be sent. Must include a scheme, such as 'https'."
        ),
    },
    "active": {
        "type": "boolean",
        "required": False,
        "default": True,
        "description": "Specifies whether the connection can be used.",
    },
    "anchorsite_override": {
        "type": "string",
        "required": False,
        "default": '"Latency"',
        "example": '"Amsterdam, Netherlands"',
        "enum": ['"Latency"', '"Chicago, IL"', '"Ashburn, VA"', '"San Jose, CA"'],
        "description": (
            "Latency directs Telnyx to route media through the site with the lowest round-trip time to the "
            "user's connection. Telnyx calculates this time using ICMP ping messages. This can be disabled by "
            "specifying a site to handle all media."
        ),
    },
    "dtmf_type": {
        "type": "string",
        "required": False,
        "default": "RFC 2833",
        "example": "Inband",
        "enum": ["RFC 2833", "Inband", "SIP INFO"],
        "description": (
            "Sets the type of DTMF digits sent from Telnyx to this Connection. Note that DTMF digits sent to "
            "Telnyx will be accepted in all formats."
        ),
    },
    "first_command_timeout": {
        "type": "boolean",
        "required": False,
        "default": False,
        "example": True,
        "description": (
            "Specifies whether calls to phone numbers associated with this connection should hangup after timing out."
        ),
    },
    "first_command_timeout_secs": {
        "type": "integer",
        "required": False,
        "default": 30,
        "example": 10,
        "description": "Specifies how many seconds to wait before timing out a dial command.",
    },
    "inbound": {"type": "object", "required": False},
    "outbound": {"type": "object", "required": False},
    "webhook_api_version": {
        "type": "string",
        "required": False,
        "default": "1",
        "example": "1",
        "enum": ["1", "2"],
        "description": "Determines which webhook format will be used, Telnyx API v1 or v2.",
    },
    "webhook_event_failover_url": {
        "type": "string",
        "format": "url",
        "required": False,
        "default": "",
        "example": "https://failover.example.com",
        "description": (
            "The failover URL where webhooks related to this connection will be sent if sending to the "
            "primary URL fails. Must include a scheme, such as 'https'."
        ),
    },
    "webhook_timeout_secs": {
        "type": "integer",
        "required": False,
        "minimum": 0,
        "maximum": 30,
        "default": None,
        "example": 25,
        "description": "Specifies how many seconds to wait before timing out a webhook.",
    },
}

# The request body of the create and update curl examples.
V2_REQUEST_EXAMPLE = {"application_name": "call-router", "webhook_event_url": "https://example.com"}

# The "Success Response" object, identical in the five operations.
V2_APPLICATION_EXAMPLE = {
    "active": False,
    "anchorsite_override": '"Latency"',
    "application_name": "call-router",
    "created_at": "2018-02-02T22:25:27.521Z",
    "dtmf_type": "Inband",
    "first_command_timeout": True,
    "first_command_timeout_secs": 10,
    "id": "1293384261075731499",
    "inbound": {
        "channel_limit": 10,
        "sip_subdomain": "example",
        "sip_subdomain_receive_settings": "only_my_connections",
    },
    "outbound": {"channel_limit": 10, "outbound_voice_profile_id": "1293384261075731499"},
    "record_type": "call_control_application",
    "updated_at": "2018-02-02T22:25:27.521Z",
    "webhook_api_version": "1",
    "webhook_event_failover_url": "https://failover.example.com",
    "webhook_event_url": "https://example.com",
    "webhook_timeout_secs": 25,
}
V2_LIST_META_EXAMPLE = {"page_number": 2, "page_size": 25, "total_pages": 3, "total_results": 55}
