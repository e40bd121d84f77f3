"""The Starlette application: routes built from the specs, one handler per operationId.

Every route comes from an operation of spec/ (V1 at `/`, V2 at `/v2`, the simulator at
`/_sim`, each document's server path). A request goes: route (404/405) -> credentials
(the operation's security scheme) -> parameters -> body (parse: 400, schema: 422) ->
handler. Every refusal is a Telnyx `errors` body; an unexpected exception is a 500 with
one too (the `crash` fault is the only way to get one on purpose).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from . import audio
from .apps import Applications
from .auth import Authenticator
from .calls import Engine
from .calls.features import call_view, status_expired
from .config import Config
from .edge import BodyLimit
from .errors import TelnyxError, error, not_found
from .faults import Faults
from .signing import Signer
from .spec import Operation, SpecIndex, Unsupported
from .storage import open_storage
from .validation import parse_json_body, query_params, validate_body, validate_params
from .webhooks import Outbox

log = logging.getLogger("refserver")

# The simulator's operations that act on an account's calls, webhooks or scripts: scoped to the
# account whose credentials they carry (the public key and the recordings are not).
# A request the database aborted over another process's transaction (PostgreSQL: a deadlock
# between two commands locking the same two calls in opposite order) is run again this many
# times before its error is answered: nothing of it was kept.
CONFLICT_RETRIES = 3

SIM_SCOPED = frozenset(
    {
        "simStartInboundCall",
        "simGetCall",
        "simListCallWebhooks",
        "simFarEndAnswer",
        "simFarEndReject",
        "simFarEndHangup",
        "simSendDtmf",
        "simAddScript",
        "simClearScripts",
        "simListWebhooks",
    }
)


@dataclass
class Ctx:
    account: str | None
    params: dict[str, Any]
    body: dict[str, Any]
    request: Request
    op: Operation


Handler = Callable[[Ctx], Response]


class RefServer:
    """The server's parts, wired together."""

    def __init__(self, cfg: Config, spec: SpecIndex | None = None) -> None:
        self.cfg = cfg
        self.spec = spec or SpecIndex.load(cfg.spec_dir)
        self.faults = Faults(cfg.faults)
        self.store = open_storage(cfg.state_db, cfg.synchronous)  # SQLite, or PostgreSQL shared by processes
        self.signer = Signer.from_config(cfg, self.spec.signature, self.store)
        self.outbox = Outbox(self.spec, self.store, self.signer, cfg, self.faults)
        self.engine = Engine(self.spec, self.store, self.outbox, cfg, self.faults)
        self.apps = Applications(self.spec, self.store, self.faults)
        self.auth = Authenticator(cfg.accounts)
        self.handlers: dict[str, Handler] = {
            "callDial": self.dial,
            "dialCall": self.dial_v2,
            "retrieveCallStatus": self.call_status,
            "listCallControlApplications": self.app_list,
            "createCallControlApplication": self.app_create,
            "retrieveCallControlApplication": self.app_get,
            "updateCallControlApplication": self.app_update,
            "deleteCallControlApplication": self.app_delete,
            "simGetPublicKey": self.sim_public_key,
            "simStartInboundCall": self.sim_inbound,
            "simGetCall": self.sim_get_call,
            "simListCallWebhooks": self.sim_call_webhooks,
            "simFarEndAnswer": self.sim_answer,
            "simFarEndReject": self.sim_reject,
            "simFarEndHangup": self.sim_hangup,
            "simSendDtmf": self.sim_dtmf,
            "simAddScript": self.sim_add_script,
            "simClearScripts": self.sim_clear_scripts,
            "simListWebhooks": self.sim_webhooks,
            "simGetRecording": self.sim_recording,
        }
        for op in self.spec.operations:
            if op.command:
                self.handlers[op.operation_id] = self.command
        missing = {op.operation_id for op in self.spec.operations} - set(self.handlers)
        if missing:
            raise Unsupported(f"operations without a handler: {sorted(missing)}")
        self.script_defaults = self.spec.by_id["simAddScript"].body_defaults

    # ---- the request pipeline ----------------------------------------------------
    def _account(self, op: Operation, request: Request) -> str | None:
        if op.operation_id in SIM_SCOPED:
            return self._sim_account(request)
        if op.security is None:
            return None
        if self.faults.no_auth:
            return self.cfg.accounts[0].name
        header = request.headers.get("authorization")
        if op.security == "basic":
            return self.auth.basic(header).name
        return self.auth.bearer(header).name

    def _sim_account(self, request: Request) -> str | None:
        """The account a simulator request acts for: its credentials (the V2 Bearer key or the
        V1 Basic key:secret); none: every account, when the simulator is open, else 401."""
        header = request.headers.get("authorization")
        if not header:
            if self.cfg.simulator_open:
                return None
            raise TelnyxError(
                401,
                error("10009", "The simulator takes an account's credentials (Bearer API key or V1 Basic)."),
            )
        if header.partition(" ")[0].lower() == "basic":
            return self.auth.basic(header).name
        return self.auth.bearer(header).name

    def endpoint(self, op: Operation) -> Callable[[Request], Awaitable[Response]]:
        handler = self.handlers[op.operation_id]
        has_params = bool(op.params)
        has_body = op.body_validator is not None
        drop_limits = self.faults.no_limit
        faults = self.faults
        checks = {
            "text": not faults.surrogate_500,
            "numbers": not faults.timer_overflow,
            "depth": not faults.deep_nesting,
        }

        async def run(request: Request) -> Response:
            try:
                account = self._account(op, request)
                params = {}
                if has_params:
                    query = query_params(request.scope["query_string"], op)
                    params = validate_params(op, request.path_params, query)
                body: dict[str, Any] = {}
                if has_body:
                    body = parse_json_body(await request.body(), **checks)
                    validate_body(op, body, drop_limits=drop_limits, drop_maximum=faults.timer_overflow)
                ctx = Ctx(account, params, body, request, op)
                for _ in range(CONFLICT_RETRIES):
                    try:
                        return handler(ctx)
                    except Exception as exc:  # the database aborted it for another process's: again
                        if not self.store.conflicted(exc):
                            raise
                return handler(ctx)
            except TelnyxError as exc:
                return JSONResponse(exc.body(), exc.status, headers=exc.headers)
            except Exception as exc:  # a bug (or the `crash` fault): a 500 with a body
                return await _server_error(request, exc)

        return run

    def routes(self) -> list[Route]:
        by_path: dict[str, dict[str, Callable[[Request], Awaitable[Response]]]] = {}
        for op in self.spec.operations:
            by_path.setdefault(op.path, {})[op.method] = self.endpoint(op)
        routes = []
        for path, methods in by_path.items():
            dispatch = _dispatcher(methods)
            allowed = sorted(methods)
            routes.append(Route(path, dispatch, methods=allowed))
            routes.append(Route(path + "/", dispatch, methods=allowed, include_in_schema=False))
        return routes

    # ---- V1 ----------------------------------------------------------------------
    def dial(self, ctx: Ctx) -> Response:
        assert ctx.account is not None
        call = self.engine.commands.dial(ctx.account, ctx.body)
        view = call.view()
        data = {k: view[k] for k in ("call_control_id", "call_leg_id", "call_session_id")}
        data = {"record_type": "call", **data, "is_alive": call.alive and not call.ringing}
        return JSONResponse({"data": data})

    def command(self, ctx: Ctx) -> Response:
        assert ctx.account is not None
        extra = self.engine.commands.command(ctx.account, ctx.op, ctx.params["call_control_id"], ctx.body)
        result = {"result": "ok", **extra}
        return JSONResponse({"data": result} if ctx.op.data_wrapped else result)

    # ---- V2 calls (the same engine; refserver/calls/features.py) -------------------
    def dial_v2(self, ctx: Ctx) -> Response:
        assert ctx.account is not None
        call = self.engine.commands.dial(ctx.account, ctx.body, ctx.op)
        data = call_view(call)
        data = {k: data[k] for k in ("record_type", "call_control_id", "call_leg_id", "call_session_id", "is_alive")}
        if call.client_state is not None:
            data["client_state"] = call.client_state
        record = call.features.get("on_answer", {}).get("record")
        if record:
            data["recording_id"] = record["id"]
        return JSONResponse({"data": data})

    def call_status(self, ctx: Ctx) -> Response:
        assert ctx.account is not None
        call = self.engine.get(ctx.params["call_control_id"], ctx.account)
        if status_expired(call):
            raise not_found("Call not found.")
        return JSONResponse({"data": call_view(call)})

    # ---- V2 ----------------------------------------------------------------------
    def app_list(self, ctx: Ctx) -> Response:
        assert ctx.account is not None
        return JSONResponse(self.apps.list(ctx.account, ctx.params))

    def app_create(self, ctx: Ctx) -> Response:
        assert ctx.account is not None
        return JSONResponse({"data": self.apps.create(ctx.account, ctx.body)}, 201)

    def app_get(self, ctx: Ctx) -> Response:
        assert ctx.account is not None
        return JSONResponse({"data": self.apps.get(ctx.account, ctx.params["id"])})

    def app_update(self, ctx: Ctx) -> Response:
        assert ctx.account is not None
        return JSONResponse({"data": self.apps.update(ctx.account, ctx.params["id"], ctx.body)})

    def app_delete(self, ctx: Ctx) -> Response:
        assert ctx.account is not None
        return JSONResponse({"data": self.apps.delete(ctx.account, ctx.params["id"])})

    # ---- the simulator -----------------------------------------------------------
    def sim_public_key(self, ctx: Ctx) -> Response:
        return JSONResponse({"data": {"public_key": self.signer.public_key, "algorithm": self.signer.algorithm}})

    def sim_inbound(self, ctx: Ctx) -> Response:
        if ctx.account is not None and self.store.application_account(ctx.body["connection_id"]) != ctx.account:
            raise not_found("No application has this connection_id.")
        return JSONResponse({"data": self.engine.sim.inbound(ctx.body).view()}, 201)

    def _sim_call(self, ctx: Ctx) -> str:
        """The path's call, when the simulator's account may see it (else 404, as for none)."""
        return self.engine.get(ctx.params["call_control_id"], ctx.account).id

    def sim_get_call(self, ctx: Ctx) -> Response:
        return JSONResponse({"data": self.engine.get(ctx.params["call_control_id"], ctx.account).view()})

    def sim_call_webhooks(self, ctx: Ctx) -> Response:
        call = self.engine.get(ctx.params["call_control_id"], ctx.account)
        rows = self.store.outbox_for_key(call.leg_id)
        return JSONResponse({"data": self.outbox.records(rows)})

    def sim_answer(self, ctx: Ctx) -> Response:
        return JSONResponse({"data": self.engine.sim.answer(self._sim_call(ctx)).view()})

    def sim_reject(self, ctx: Ctx) -> Response:
        cause = ctx.body.get("cause", "rejected")
        call = self.engine.sim.reject(self._sim_call(ctx), cause)
        return JSONResponse({"data": call.view()})

    def sim_hangup(self, ctx: Ctx) -> Response:
        return JSONResponse({"data": self.engine.sim.hangup(self._sim_call(ctx)).view()})

    def sim_dtmf(self, ctx: Ctx) -> Response:
        interval = ctx.body.get("digit_interval_millis", 100)
        call = self.engine.sim.dtmf(self._sim_call(ctx), ctx.body["digits"], interval)
        return JSONResponse({"data": call.view()})

    def sim_add_script(self, ctx: Ctx) -> Response:
        script = {**self.script_defaults, **ctx.body}
        self.engine.far_end.add_script({**script, "account": ctx.account})  # None: every account's calls
        return JSONResponse({"data": script}, 201)

    def sim_clear_scripts(self, ctx: Ctx) -> Response:
        self.engine.far_end.clear_scripts(ctx.account)
        return JSONResponse({"data": []})

    def sim_webhooks(self, ctx: Ctx) -> Response:
        rows = self.store.outbox_recent(ctx.params.get("status"), ctx.params.get("limit", 100), ctx.account)
        return JSONResponse({"data": self.outbox.records(rows)})

    def sim_recording(self, ctx: Ctx) -> Response:
        rec_id, _, fmt = ctx.params["file_name"].rpartition(".")
        rec = self.store.get_recording(rec_id)
        if rec is None or rec["format"] != fmt:
            raise not_found("Recording not found.")
        if fmt == "mp3":
            return Response(audio.mp3(rec["duration"]), media_type="audio/mpeg")
        return Response(audio.wav(rec["duration"]), media_type="audio/wav")

    # ---- lifecycle ---------------------------------------------------------------
    @contextlib.asynccontextmanager
    async def lifespan(self, app: Starlette) -> AsyncIterator[None]:
        self.engine.restore()
        await self.outbox.start()
        await self.engine.start_timers()
        try:
            yield
        finally:
            self.engine.shutdown()
            await self.engine.stop_timers()
            await self.outbox.stop()
            self.store.close()


def _dispatcher(
    methods: dict[str, Callable[[Request], Awaitable[Response]]],
) -> Callable[[Request], Awaitable[Response]]:
    if len(methods) == 1:
        return next(iter(methods.values()))

    async def dispatch(request: Request) -> Response:
        method = "GET" if request.method == "HEAD" else request.method
        return await methods[method](request)

    return dispatch


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    if exc.status_code == 404:
        item = error("10005", f"No route matches {request.url.path}.")
    elif exc.status_code == 405:
        item = error("10015", f"Method {request.method} is not allowed on {request.url.path}.")
    else:
        item = error("10015", str(exc.detail))
    return JSONResponse({"errors": [item]}, exc.status_code, headers=exc.headers)


async def _telnyx_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, TelnyxError)
    return JSONResponse(exc.body(), exc.status, headers=exc.headers)


async def _server_error(request: Request, exc: Exception) -> Response:
    log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse({"errors": [error("10007", "An unexpected error occurred.")]}, 500)


def create_app(cfg: Config, spec: SpecIndex | None = None) -> Starlette:
    server = RefServer(cfg, spec)
    app = Starlette(
        routes=server.routes(),
        exception_handlers={
            HTTPException: _http_error,
            TelnyxError: _telnyx_error,
            Exception: _server_error,
        },
        lifespan=server.lifespan,
        middleware=[Middleware(BodyLimit)],
    )
    app.router.redirect_slashes = False
    app.state.refserver = server
    return app
