"""Call Control Applications (V2): create, list, retrieve, update, delete, per account.

Defaults come from the create schema. Update takes the full object (the required fields
again); optional fields left out keep their current value, nested `inbound`/`outbound`
keys included. Delete answers the deleted application; afterwards its id is a 404.
"""

from __future__ import annotations

import copy
import math
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from .errors import not_found
from .faults import Faults, InjectedCrash
from .spec import SpecIndex
from .store import Store

ISO = "%Y-%m-%dT%H:%M:%S.%f"


def _iso(dt: datetime) -> str:
    return dt.strftime(ISO)[:-3] + "Z"


def _merge(base: dict[str, Any], update: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in update.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


class Applications:
    def __init__(self, spec: SpecIndex, store: Store, faults: Faults) -> None:
        self.store = store
        self.faults = faults
        op = spec.by_id["createCallControlApplication"]
        self.defaults = op.body_defaults
        self.fields = op.body_fields
        list_op = spec.by_id["listCallControlApplications"]
        self.page_defaults = {p.name: p.schema.get("default") for p in list_op.params if p.name.startswith("page[")}
        last = store.last_created_at()
        self._last = datetime.strptime(last[:-1] + "000", ISO).replace(tzinfo=UTC) if last else None

    def _created_at(self) -> str:
        """Strictly increasing timestamps, so that newest-first is creation order."""
        now = datetime.now(UTC).replace(microsecond=datetime.now(UTC).microsecond // 1000 * 1000)
        if self._last is not None and now <= self._last:
            now = self._last + timedelta(milliseconds=1)
        self._last = now
        return _iso(now)

    def _known(self, body: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in body.items() if k in self.fields}

    def _crash_check(self, body: dict[str, Any]) -> None:
        if self.faults.crash and "boom" in str(body.get("application_name", "")):
            raise InjectedCrash("injected fault: crash")

    def create(self, account: str, body: dict[str, Any]) -> dict[str, Any]:
        self._crash_check(body)
        app = _merge(self.defaults, self._known(body))
        app_id = str(10**18 + secrets.randbelow(8 * 10**18))
        created = self._created_at()
        app.update(id=app_id, record_type="call_control_application", created_at=created, updated_at=created)
        app = dict(sorted(app.items()))
        self.store.put_application(account, app)
        return app

    def get(self, account: str, app_id: str) -> dict[str, Any]:
        app = self.store.get_application(app_id, account, include_deleted=self.faults.zombie_delete)
        if app is None:
            raise not_found("Call control application not found.")
        return app

    def update(self, account: str, app_id: str, body: dict[str, Any]) -> dict[str, Any]:
        self._crash_check(body)
        app = self.get(account, app_id)
        app = _merge(app, self._known(body))
        app["updated_at"] = _iso(datetime.now(UTC))
        self.store.put_application(account, app)
        return app

    def delete(self, account: str, app_id: str) -> dict[str, Any]:
        app = self.get(account, app_id)
        self.store.put_application(account, app, deleted=True)
        return app

    def list(self, account: str, params: dict[str, Any]) -> dict[str, Any]:
        number = params.get("page[number]") or self.page_defaults.get("page[number]") or 1
        size = params.get("page[size]") or self.page_defaults.get("page[size]") or 20
        # Without `sort`, newest first: the spec's prose wins over its schema default.
        sort = params.get("sort") or "-created_at"
        descending = sort.startswith("-")
        contains = params.get("filter[application_name][contains]")
        vps = [
            params[name]
            for name in ("filter[outbound_voice_profile_id]", "filter[outbound.outbound_voice_profile_id]")
            if params.get(name) is not None
        ]
        data, total = self.store.list_applications(
            account,
            name_contains=contains,
            voice_profile_ids=vps,
            order_by=sort.lstrip("-"),
            descending=descending,
            limit=size,
            offset=min((number - 1) * size, 2**62),
        )
        return {
            "data": data,
            "meta": {
                "page_number": number,
                "page_size": size,
                "total_pages": math.ceil(total / size),
                "total_results": total,
            },
        }
