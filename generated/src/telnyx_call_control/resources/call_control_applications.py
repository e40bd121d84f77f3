"""Call Control Applications"""

from __future__ import annotations

from functools import cached_property
from typing import Literal

import httpx

from .._base_client import AsyncAPIResource, SyncAPIResource, path_param
from .._pagination import AsyncPaginator, PageInfo, SyncPage
from .._response import async_raw_response_wrapper, raw_response_wrapper
from .._types import NOT_GIVEN, NotGiven
from ..models import (
    CallControlApplication,
    CallControlApplicationInbound,
    CallControlApplicationOutbound,
    CallControlApplicationResponse,
    ListCallControlApplicationsResponse,
)

__all__ = [
    "AsyncCallControlApplications",
    "AsyncCallControlApplicationsWithRawResponse",
    "CallControlApplications",
    "CallControlApplicationsWithRawResponse",
]


class CallControlApplications(SyncAPIResource):
    """Call Control Applications"""

    @cached_property
    def with_raw_response(self) -> CallControlApplicationsWithRawResponse:
        """The same methods, answering with the HTTP response (:class:`APIResponse`)."""
        return CallControlApplicationsWithRawResponse(
            CallControlApplications(self._client._with_raw_response())
        )

    def list(
        self,
        *,
        page_number: int | NotGiven = NOT_GIVEN,
        page_size: int | NotGiven = NOT_GIVEN,
        filter_application_name_contains: str | NotGiven = NOT_GIVEN,
        filter_outbound_voice_profile_id: str | NotGiven = NOT_GIVEN,
        filter_outbound_outbound_voice_profile_id: str | NotGiven = NOT_GIVEN,
        sort: Literal[
            "created_at", "connection_name", "active", "-created_at", "-connection_name", "-active"
        ]
        | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> SyncPage[CallControlApplication]:
        """List call control applications

        Return a list of call control applications.

        Args:
            page_number: The page number to load. Toolkit choice: at most 1000000; the platform
                documents no maximum.
            page_size: The size of the page
            filter_application_name_contains: If present, applications with application_name
                containing the given value will be returned. Matching is not case-sensitive.
                Requires at least three characters.

                The seed gives this parameter's default as the string "null", kept here as it
                is; it means "no filter", not a filter on the text `null`.
            filter_outbound_voice_profile_id: Identifies the associated outbound voice profile.

                Toolkit choice: Telnyx's specs have spelled this filter both as
                `filter[outbound_voice_profile_id]` (the seed) and as
                `filter[outbound.outbound_voice_profile_id]` (the official SDKs). Both are
                accepted and mean the same; when both are given they must both match.
            filter_outbound_outbound_voice_profile_id: Identifies the associated outbound voice
                profile. The spelling the official SDKs send; the same filter as
                `filter[outbound_voice_profile_id]`.
            sort: Specifies the sort order for results. By default sorting direction is
                ascending. To have the results sorted in descending order add the - prefix.

                That is:
                  * connection_name: sorts the result by the connection_name field in ascending
                    order.
                  * -connection_name: sorts the result by the connection_name field in
                    descending order.

                If not given, results are sorted by created_at in descending order.

                Toolkit choices: the `-` forms are part of the enum, so that a strict validator
                accepts them. `connection_name` is the application's former name for
                `application_name` and sorts by it. The seed gives `created_at` as the schema
                default but says in prose that results without `sort` come newest first; the
                prose wins: without `sort`, the order is `-created_at`. Ties are broken by `id`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request_page(
            "GET",
            "/v2/call_control_applications",
            query={
                "page[number]": page_number,
                "page[size]": page_size,
                "filter[application_name][contains]": filter_application_name_contains,
                "filter[outbound_voice_profile_id]": filter_outbound_voice_profile_id,
                "filter[outbound.outbound_voice_profile_id]": filter_outbound_outbound_voice_profile_id,
                "sort": sort,
            },
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=ListCallControlApplicationsResponse,
            item=CallControlApplication,
            page=PageInfo(
                parameter="page[number]",
                items="/data",
                page_number="/meta/page_number",
                total_pages="/meta/total_pages",
            ),
        )

    def create(
        self,
        *,
        application_name: str,
        webhook_event_url: str,
        active: bool | NotGiven = NOT_GIVEN,
        anchorsite_override: Literal[
            '"Latency"',
            '"Chicago, IL"',
            '"Ashburn, VA"',
            '"San Jose, CA"',
            '"London, UK"',
            '"Chennai, IN"',
            '"Amsterdam, Netherlands"',
            '"Toronto, Canada"',
            '"Sydney, Australia"',
            "Latency",
            "Chicago, IL",
            "Ashburn, VA",
            "San Jose, CA",
            "London, UK",
            "Chennai, IN",
            "Amsterdam, Netherlands",
            "Toronto, Canada",
            "Sydney, Australia",
        ]
        | NotGiven = NOT_GIVEN,
        dtmf_type: Literal["RFC 2833", "Inband", "SIP INFO"] | NotGiven = NOT_GIVEN,
        first_command_timeout: bool | NotGiven = NOT_GIVEN,
        first_command_timeout_secs: int | NotGiven = NOT_GIVEN,
        inbound: CallControlApplicationInbound | NotGiven = NOT_GIVEN,
        outbound: CallControlApplicationOutbound | NotGiven = NOT_GIVEN,
        webhook_api_version: Literal["1", "2"] | NotGiven = NOT_GIVEN,
        webhook_event_failover_url: str | None | NotGiven = NOT_GIVEN,
        webhook_timeout_secs: int | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CallControlApplicationResponse:
        """Create a call control application

        Create a call control application.

        Args:
            application_name: A user-assigned name to help manage the application. Toolkit
                choice: the seed sets no limit; an empty name is refused.
            webhook_event_url: The URL where webhooks related to this connection will be sent.
                Must include a scheme, such as 'https'. Toolkit choice: webhooks are delivered
                over HTTP, so the scheme must be `http` or `https`. Toolkit choice: whitespace
                is spelled out as the ASCII class ` \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning
                differs between regex dialects (ECMA-262, Python, Rust).
            active: Specifies whether the connection can be used.
            anchorsite_override: Latency directs Telnyx to route media through the site with the
                lowest round-trip time to the user's connection. Telnyx calculates this time
                using ICMP ping messages. This can be disabled by specifying a site to handle
                all media.

                Toolkit choice: the seed's four values literally contain quote characters
                (`"Latency"`, with the quotes); they are kept as they are and are what the
                default is. The seed's own example, `"Amsterdam, Netherlands"`, is not among its
                four values: the enum therefore also holds the five sites Telnyx added later,
                quoted the same way, and every site once more without the quotes, as the API
                spells them today. A value is stored and returned exactly as it was sent.
            dtmf_type: Sets the type of DTMF digits sent from Telnyx to this Connection. Note
                that DTMF digits sent to Telnyx will be accepted in all formats.
            first_command_timeout: Specifies whether calls to phone numbers associated with this
                connection should hangup after timing out.
            first_command_timeout_secs: Specifies how many seconds to wait before timing out a
                dial command. Toolkit choice: when `first_command_timeout` is true, an inbound
                call that has received no command within this many seconds is hung up
                (`hangup_cause` `timeout`). Toolkit choice: 1 to 14400 (the longest call,
                `time_limit_secs`); the platform documents no range.
            inbound: Settings for calls coming into the application.
            outbound: Settings for calls made from the application.
            webhook_api_version: Determines which webhook format will be used, Telnyx API v1 or
                v2. "1": a flat body with snake_case event names (`call_answered`); "2": a
                `data`/`meta` body with dot.case event names (`call.answered`).
            webhook_event_failover_url: The failover URL where webhooks related to this
                connection will be sent if sending to the primary URL fails. Must include a
                scheme, such as 'https'. The empty string (the default) and null both mean "no
                failover URL". Toolkit choice: whitespace is spelled out as the ASCII class `
                \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning differs between regex dialects
                (ECMA-262, Python, Rust).
            webhook_timeout_secs: Specifies how many seconds to wait before timing out a
                webhook. Toolkit choice: null (the default) and 0 both mean the platform default
                of 2 seconds.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "POST",
            "/v2/call_control_applications",
            body={
                "application_name": application_name,
                "webhook_event_url": webhook_event_url,
                "active": active,
                "anchorsite_override": anchorsite_override,
                "dtmf_type": dtmf_type,
                "first_command_timeout": first_command_timeout,
                "first_command_timeout_secs": first_command_timeout_secs,
                "inbound": inbound,
                "outbound": outbound,
                "webhook_api_version": webhook_api_version,
                "webhook_event_failover_url": webhook_event_failover_url,
                "webhook_timeout_secs": webhook_timeout_secs,
            },
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=CallControlApplicationResponse,
        )

    def retrieve(
        self,
        id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CallControlApplicationResponse:
        """Retrieve a call control application

        Retrieves the details of an existing call control application.

        Args:
            id: Identifies the resource.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "GET",
            f"/v2/call_control_applications/{path_param(id)}",
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=CallControlApplicationResponse,
        )

    def update(
        self,
        id: str,
        *,
        application_name: str,
        webhook_event_url: str,
        active: bool | NotGiven = NOT_GIVEN,
        anchorsite_override: Literal[
            '"Latency"',
            '"Chicago, IL"',
            '"Ashburn, VA"',
            '"San Jose, CA"',
            '"London, UK"',
            '"Chennai, IN"',
            '"Amsterdam, Netherlands"',
            '"Toronto, Canada"',
            '"Sydney, Australia"',
            "Latency",
            "Chicago, IL",
            "Ashburn, VA",
            "San Jose, CA",
            "London, UK",
            "Chennai, IN",
            "Amsterdam, Netherlands",
            "Toronto, Canada",
            "Sydney, Australia",
        ]
        | NotGiven = NOT_GIVEN,
        dtmf_type: Literal["RFC 2833", "Inband", "SIP INFO"] | NotGiven = NOT_GIVEN,
        first_command_timeout: bool | NotGiven = NOT_GIVEN,
        first_command_timeout_secs: int | NotGiven = NOT_GIVEN,
        inbound: CallControlApplicationInbound | NotGiven = NOT_GIVEN,
        outbound: CallControlApplicationOutbound | NotGiven = NOT_GIVEN,
        webhook_api_version: Literal["1", "2"] | NotGiven = NOT_GIVEN,
        webhook_event_failover_url: str | None | NotGiven = NOT_GIVEN,
        webhook_timeout_secs: int | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CallControlApplicationResponse:
        """Update a call control application

        Updates settings of an existing call control application.

        Toolkit choice: as in the seed, `application_name` and `webhook_event_url` are required
        on update too. Optional fields that are left out keep their current value (they are not
        reset to their defaults). Because the body names the whole new state, repeating the same
        update is safe, so clients may retry it (`x-idempotent`).

        Args:
            id: Identifies the resource.
            application_name: A user-assigned name to help manage the application. Toolkit
                choice: the seed sets no limit; an empty name is refused.
            webhook_event_url: The URL where webhooks related to this connection will be sent.
                Must include a scheme, such as 'https'. Toolkit choice: webhooks are delivered
                over HTTP, so the scheme must be `http` or `https`. Toolkit choice: whitespace
                is spelled out as the ASCII class ` \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning
                differs between regex dialects (ECMA-262, Python, Rust).
            active: Specifies whether the connection can be used.
            anchorsite_override: Latency directs Telnyx to route media through the site with the
                lowest round-trip time to the user's connection. Telnyx calculates this time
                using ICMP ping messages. This can be disabled by specifying a site to handle
                all media.

                Toolkit choice: the seed's four values literally contain quote characters
                (`"Latency"`, with the quotes); they are kept as they are and are what the
                default is. The seed's own example, `"Amsterdam, Netherlands"`, is not among its
                four values: the enum therefore also holds the five sites Telnyx added later,
                quoted the same way, and every site once more without the quotes, as the API
                spells them today. A value is stored and returned exactly as it was sent.
            dtmf_type: Sets the type of DTMF digits sent from Telnyx to this Connection. Note
                that DTMF digits sent to Telnyx will be accepted in all formats.
            first_command_timeout: Specifies whether calls to phone numbers associated with this
                connection should hangup after timing out.
            first_command_timeout_secs: Specifies how many seconds to wait before timing out a
                dial command. Toolkit choice: when `first_command_timeout` is true, an inbound
                call that has received no command within this many seconds is hung up
                (`hangup_cause` `timeout`). Toolkit choice: 1 to 14400 (the longest call,
                `time_limit_secs`); the platform documents no range.
            inbound: Settings for calls coming into the application.
            outbound: Settings for calls made from the application.
            webhook_api_version: Determines which webhook format will be used, Telnyx API v1 or
                v2. "1": a flat body with snake_case event names (`call_answered`); "2": a
                `data`/`meta` body with dot.case event names (`call.answered`).
            webhook_event_failover_url: The failover URL where webhooks related to this
                connection will be sent if sending to the primary URL fails. Must include a
                scheme, such as 'https'. The empty string (the default) and null both mean "no
                failover URL". Toolkit choice: whitespace is spelled out as the ASCII class `
                \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning differs between regex dialects
                (ECMA-262, Python, Rust).
            webhook_timeout_secs: Specifies how many seconds to wait before timing out a
                webhook. Toolkit choice: null (the default) and 0 both mean the platform default
                of 2 seconds.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "PATCH",
            f"/v2/call_control_applications/{path_param(id)}",
            body={
                "application_name": application_name,
                "webhook_event_url": webhook_event_url,
                "active": active,
                "anchorsite_override": anchorsite_override,
                "dtmf_type": dtmf_type,
                "first_command_timeout": first_command_timeout,
                "first_command_timeout_secs": first_command_timeout_secs,
                "inbound": inbound,
                "outbound": outbound,
                "webhook_api_version": webhook_api_version,
                "webhook_event_failover_url": webhook_event_failover_url,
                "webhook_timeout_secs": webhook_timeout_secs,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            timeout=timeout,
            cast_to=CallControlApplicationResponse,
        )

    def delete(
        self,
        id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CallControlApplicationResponse:
        """Delete a call control application

        Deletes a call control application. The answer is the deleted application. Once deleted,
        the application's `id` answers 404 everywhere, and calls can no longer be made or
        received on it.

        Args:
            id: Identifies the resource.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request(
            "DELETE",
            f"/v2/call_control_applications/{path_param(id)}",
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=CallControlApplicationResponse,
        )


class AsyncCallControlApplications(AsyncAPIResource):
    """Call Control Applications"""

    @cached_property
    def with_raw_response(self) -> AsyncCallControlApplicationsWithRawResponse:
        """The same methods, answering with the HTTP response (:class:`APIResponse`)."""
        return AsyncCallControlApplicationsWithRawResponse(
            AsyncCallControlApplications(self._client._with_raw_response())
        )

    def list(
        self,
        *,
        page_number: int | NotGiven = NOT_GIVEN,
        page_size: int | NotGiven = NOT_GIVEN,
        filter_application_name_contains: str | NotGiven = NOT_GIVEN,
        filter_outbound_voice_profile_id: str | NotGiven = NOT_GIVEN,
        filter_outbound_outbound_voice_profile_id: str | NotGiven = NOT_GIVEN,
        sort: Literal[
            "created_at", "connection_name", "active", "-created_at", "-connection_name", "-active"
        ]
        | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> AsyncPaginator[CallControlApplication]:
        """List call control applications

        Return a list of call control applications.

        Args:
            page_number: The page number to load. Toolkit choice: at most 1000000; the platform
                documents no maximum.
            page_size: The size of the page
            filter_application_name_contains: If present, applications with application_name
                containing the given value will be returned. Matching is not case-sensitive.
                Requires at least three characters.

                The seed gives this parameter's default as the string "null", kept here as it
                is; it means "no filter", not a filter on the text `null`.
            filter_outbound_voice_profile_id: Identifies the associated outbound voice profile.

                Toolkit choice: Telnyx's specs have spelled this filter both as
                `filter[outbound_voice_profile_id]` (the seed) and as
                `filter[outbound.outbound_voice_profile_id]` (the official SDKs). Both are
                accepted and mean the same; when both are given they must both match.
            filter_outbound_outbound_voice_profile_id: Identifies the associated outbound voice
                profile. The spelling the official SDKs send; the same filter as
                `filter[outbound_voice_profile_id]`.
            sort: Specifies the sort order for results. By default sorting direction is
                ascending. To have the results sorted in descending order add the - prefix.

                That is:
                  * connection_name: sorts the result by the connection_name field in ascending
                    order.
                  * -connection_name: sorts the result by the connection_name field in
                    descending order.

                If not given, results are sorted by created_at in descending order.

                Toolkit choices: the `-` forms are part of the enum, so that a strict validator
                accepts them. `connection_name` is the application's former name for
                `application_name` and sorts by it. The seed gives `created_at` as the schema
                default but says in prose that results without `sort` come newest first; the
                prose wins: without `sort`, the order is `-created_at`. Ties are broken by `id`.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return self._client.request_page(
            "GET",
            "/v2/call_control_applications",
            query={
                "page[number]": page_number,
                "page[size]": page_size,
                "filter[application_name][contains]": filter_application_name_contains,
                "filter[outbound_voice_profile_id]": filter_outbound_voice_profile_id,
                "filter[outbound.outbound_voice_profile_id]": filter_outbound_outbound_voice_profile_id,
                "sort": sort,
            },
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=ListCallControlApplicationsResponse,
            item=CallControlApplication,
            page=PageInfo(
                parameter="page[number]",
                items="/data",
                page_number="/meta/page_number",
                total_pages="/meta/total_pages",
            ),
        )

    async def create(
        self,
        *,
        application_name: str,
        webhook_event_url: str,
        active: bool | NotGiven = NOT_GIVEN,
        anchorsite_override: Literal[
            '"Latency"',
            '"Chicago, IL"',
            '"Ashburn, VA"',
            '"San Jose, CA"',
            '"London, UK"',
            '"Chennai, IN"',
            '"Amsterdam, Netherlands"',
            '"Toronto, Canada"',
            '"Sydney, Australia"',
            "Latency",
            "Chicago, IL",
            "Ashburn, VA",
            "San Jose, CA",
            "London, UK",
            "Chennai, IN",
            "Amsterdam, Netherlands",
            "Toronto, Canada",
            "Sydney, Australia",
        ]
        | NotGiven = NOT_GIVEN,
        dtmf_type: Literal["RFC 2833", "Inband", "SIP INFO"] | NotGiven = NOT_GIVEN,
        first_command_timeout: bool | NotGiven = NOT_GIVEN,
        first_command_timeout_secs: int | NotGiven = NOT_GIVEN,
        inbound: CallControlApplicationInbound | NotGiven = NOT_GIVEN,
        outbound: CallControlApplicationOutbound | NotGiven = NOT_GIVEN,
        webhook_api_version: Literal["1", "2"] | NotGiven = NOT_GIVEN,
        webhook_event_failover_url: str | None | NotGiven = NOT_GIVEN,
        webhook_timeout_secs: int | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CallControlApplicationResponse:
        """Create a call control application

        Create a call control application.

        Args:
            application_name: A user-assigned name to help manage the application. Toolkit
                choice: the seed sets no limit; an empty name is refused.
            webhook_event_url: The URL where webhooks related to this connection will be sent.
                Must include a scheme, such as 'https'. Toolkit choice: webhooks are delivered
                over HTTP, so the scheme must be `http` or `https`. Toolkit choice: whitespace
                is spelled out as the ASCII class ` \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning
                differs between regex dialects (ECMA-262, Python, Rust).
            active: Specifies whether the connection can be used.
            anchorsite_override: Latency directs Telnyx to route media through the site with the
                lowest round-trip time to the user's connection. Telnyx calculates this time
                using ICMP ping messages. This can be disabled by specifying a site to handle
                all media.

                Toolkit choice: the seed's four values literally contain quote characters
                (`"Latency"`, with the quotes); they are kept as they are and are what the
                default is. The seed's own example, `"Amsterdam, Netherlands"`, is not among its
                four values: the enum therefore also holds the five sites Telnyx added later,
                quoted the same way, and every site once more without the quotes, as the API
                spells them today. A value is stored and returned exactly as it was sent.
            dtmf_type: Sets the type of DTMF digits sent from Telnyx to this Connection. Note
                that DTMF digits sent to Telnyx will be accepted in all formats.
            first_command_timeout: Specifies whether calls to phone numbers associated with this
                connection should hangup after timing out.
            first_command_timeout_secs: Specifies how many seconds to wait before timing out a
                dial command. Toolkit choice: when `first_command_timeout` is true, an inbound
                call that has received no command within this many seconds is hung up
                (`hangup_cause` `timeout`). Toolkit choice: 1 to 14400 (the longest call,
                `time_limit_secs`); the platform documents no range.
            inbound: Settings for calls coming into the application.
            outbound: Settings for calls made from the application.
            webhook_api_version: Determines which webhook format will be used, Telnyx API v1 or
                v2. "1": a flat body with snake_case event names (`call_answered`); "2": a
                `data`/`meta` body with dot.case event names (`call.answered`).
            webhook_event_failover_url: The failover URL where webhooks related to this
                connection will be sent if sending to the primary URL fails. Must include a
                scheme, such as 'https'. The empty string (the default) and null both mean "no
                failover URL". Toolkit choice: whitespace is spelled out as the ASCII class `
                \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning differs between regex dialects
                (ECMA-262, Python, Rust).
            webhook_timeout_secs: Specifies how many seconds to wait before timing out a
                webhook. Toolkit choice: null (the default) and 0 both mean the platform default
                of 2 seconds.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "POST",
            "/v2/call_control_applications",
            body={
                "application_name": application_name,
                "webhook_event_url": webhook_event_url,
                "active": active,
                "anchorsite_override": anchorsite_override,
                "dtmf_type": dtmf_type,
                "first_command_timeout": first_command_timeout,
                "first_command_timeout_secs": first_command_timeout_secs,
                "inbound": inbound,
                "outbound": outbound,
                "webhook_api_version": webhook_api_version,
                "webhook_event_failover_url": webhook_event_failover_url,
                "webhook_timeout_secs": webhook_timeout_secs,
            },
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=CallControlApplicationResponse,
        )

    async def retrieve(
        self,
        id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CallControlApplicationResponse:
        """Retrieve a call control application

        Retrieves the details of an existing call control application.

        Args:
            id: Identifies the resource.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "GET",
            f"/v2/call_control_applications/{path_param(id)}",
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=CallControlApplicationResponse,
        )

    async def update(
        self,
        id: str,
        *,
        application_name: str,
        webhook_event_url: str,
        active: bool | NotGiven = NOT_GIVEN,
        anchorsite_override: Literal[
            '"Latency"',
            '"Chicago, IL"',
            '"Ashburn, VA"',
            '"San Jose, CA"',
            '"London, UK"',
            '"Chennai, IN"',
            '"Amsterdam, Netherlands"',
            '"Toronto, Canada"',
            '"Sydney, Australia"',
            "Latency",
            "Chicago, IL",
            "Ashburn, VA",
            "San Jose, CA",
            "London, UK",
            "Chennai, IN",
            "Amsterdam, Netherlands",
            "Toronto, Canada",
            "Sydney, Australia",
        ]
        | NotGiven = NOT_GIVEN,
        dtmf_type: Literal["RFC 2833", "Inband", "SIP INFO"] | NotGiven = NOT_GIVEN,
        first_command_timeout: bool | NotGiven = NOT_GIVEN,
        first_command_timeout_secs: int | NotGiven = NOT_GIVEN,
        inbound: CallControlApplicationInbound | NotGiven = NOT_GIVEN,
        outbound: CallControlApplicationOutbound | NotGiven = NOT_GIVEN,
        webhook_api_version: Literal["1", "2"] | NotGiven = NOT_GIVEN,
        webhook_event_failover_url: str | None | NotGiven = NOT_GIVEN,
        webhook_timeout_secs: int | None | NotGiven = NOT_GIVEN,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CallControlApplicationResponse:
        """Update a call control application

        Updates settings of an existing call control application.

        Toolkit choice: as in the seed, `application_name` and `webhook_event_url` are required
        on update too. Optional fields that are left out keep their current value (they are not
        reset to their defaults). Because the body names the whole new state, repeating the same
        update is safe, so clients may retry it (`x-idempotent`).

        Args:
            id: Identifies the resource.
            application_name: A user-assigned name to help manage the application. Toolkit
                choice: the seed sets no limit; an empty name is refused.
            webhook_event_url: The URL where webhooks related to this connection will be sent.
                Must include a scheme, such as 'https'. Toolkit choice: webhooks are delivered
                over HTTP, so the scheme must be `http` or `https`. Toolkit choice: whitespace
                is spelled out as the ASCII class ` \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning
                differs between regex dialects (ECMA-262, Python, Rust).
            active: Specifies whether the connection can be used.
            anchorsite_override: Latency directs Telnyx to route media through the site with the
                lowest round-trip time to the user's connection. Telnyx calculates this time
                using ICMP ping messages. This can be disabled by specifying a site to handle
                all media.

                Toolkit choice: the seed's four values literally contain quote characters
                (`"Latency"`, with the quotes); they are kept as they are and are what the
                default is. The seed's own example, `"Amsterdam, Netherlands"`, is not among its
                four values: the enum therefore also holds the five sites Telnyx added later,
                quoted the same way, and every site once more without the quotes, as the API
                spells them today. A value is stored and returned exactly as it was sent.
            dtmf_type: Sets the type of DTMF digits sent from Telnyx to this Connection. Note
                that DTMF digits sent to Telnyx will be accepted in all formats.
            first_command_timeout: Specifies whether calls to phone numbers associated with this
                connection should hangup after timing out.
            first_command_timeout_secs: Specifies how many seconds to wait before timing out a
                dial command. Toolkit choice: when `first_command_timeout` is true, an inbound
                call that has received no command within this many seconds is hung up
                (`hangup_cause` `timeout`). Toolkit choice: 1 to 14400 (the longest call,
                `time_limit_secs`); the platform documents no range.
            inbound: Settings for calls coming into the application.
            outbound: Settings for calls made from the application.
            webhook_api_version: Determines which webhook format will be used, Telnyx API v1 or
                v2. "1": a flat body with snake_case event names (`call_answered`); "2": a
                `data`/`meta` body with dot.case event names (`call.answered`).
            webhook_event_failover_url: The failover URL where webhooks related to this
                connection will be sent if sending to the primary URL fails. Must include a
                scheme, such as 'https'. The empty string (the default) and null both mean "no
                failover URL". Toolkit choice: whitespace is spelled out as the ASCII class `
                \\t\\n\\r\\f\\v` rather than `\\s`, whose meaning differs between regex dialects
                (ECMA-262, Python, Rust).
            webhook_timeout_secs: Specifies how many seconds to wait before timing out a
                webhook. Toolkit choice: null (the default) and 0 both mean the platform default
                of 2 seconds.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "PATCH",
            f"/v2/call_control_applications/{path_param(id)}",
            body={
                "application_name": application_name,
                "webhook_event_url": webhook_event_url,
                "active": active,
                "anchorsite_override": anchorsite_override,
                "dtmf_type": dtmf_type,
                "first_command_timeout": first_command_timeout,
                "first_command_timeout_secs": first_command_timeout_secs,
                "inbound": inbound,
                "outbound": outbound,
                "webhook_api_version": webhook_api_version,
                "webhook_event_failover_url": webhook_event_failover_url,
                "webhook_timeout_secs": webhook_timeout_secs,
            },
            security=(("bearer_auth",),),
            idempotent=True,
            timeout=timeout,
            cast_to=CallControlApplicationResponse,
        )

    async def delete(
        self,
        id: str,
        *,
        timeout: float | httpx.Timeout | None | NotGiven = NOT_GIVEN,
    ) -> CallControlApplicationResponse:
        """Delete a call control application

        Deletes a call control application. The answer is the deleted application. Once deleted,
        the application's `id` answers 404 everywhere, and calls can no longer be made or
        received on it.

        Args:
            id: Identifies the resource.
            timeout: Seconds (or an `httpx.Timeout`) this request may take, instead of the
                client's `timeout`; None waits forever.
        """
        return await self._client.request(
            "DELETE",
            f"/v2/call_control_applications/{path_param(id)}",
            security=(("bearer_auth",),),
            timeout=timeout,
            cast_to=CallControlApplicationResponse,
        )


class CallControlApplicationsWithRawResponse:
    """The methods of :class:`CallControlApplications`, answering with the HTTP response instead."""

    def __init__(self, resource: CallControlApplications) -> None:
        self.list = raw_response_wrapper(resource.list)
        self.create = raw_response_wrapper(resource.create)
        self.retrieve = raw_response_wrapper(resource.retrieve)
        self.update = raw_response_wrapper(resource.update)
        self.delete = raw_response_wrapper(resource.delete)


class AsyncCallControlApplicationsWithRawResponse:
    """The methods of :class:`AsyncCallControlApplications`, answering with the HTTP response instead."""

    def __init__(self, resource: AsyncCallControlApplications) -> None:
        self.list = async_raw_response_wrapper(resource.list)
        self.create = async_raw_response_wrapper(resource.create)
        self.retrieve = async_raw_response_wrapper(resource.retrieve)
        self.update = async_raw_response_wrapper(resource.update)
        self.delete = async_raw_response_wrapper(resource.delete)
