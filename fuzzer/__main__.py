"""python -m fuzzer: fuzz a Telnyx Call Control server against the specs, webhooks included.

See fuzzer/README.md. Exit status 0 only when no check failed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from fuzzer.callflows import FlowContext, run_callflows
from fuzzer.checks import NoWebhooksFailure
from fuzzer.hostile import Context, HostilePhase
from fuzzer.live import App, Live, telnyx_context
from fuzzer.progress import Progress
from fuzzer.receiver import Receiver
from fuzzer.runner import ALL_PHASES, StRun, authorization_for, st_run_for
from fuzzer.spec import DOCUMENTS, SpecIndex, load_index
from fuzzer.summary import CheckStats, FailureRecord, Summary, combine, read_ndjson
from fuzzer.target import ROOT, Credentials, RefServer
from fuzzer.webhooks import WebhookLog


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    env = os.environ
    p = argparse.ArgumentParser(prog="python -m fuzzer", description=__doc__)
    p.add_argument(
        "--base-url",
        default=env.get("BASE_URL") or None,
        help="server to fuzz (env BASE_URL); default: start the reference server",
    )
    p.add_argument("--seed", type=int, default=int(env.get("FUZZ_SEED", "1")), help="seed (default 1)")
    p.add_argument(
        "--max-examples",
        type=int,
        default=int(env.get("FUZZ_MAX_EXAMPLES", "5")),
        help="schemathesis examples per operation and phase (default 5)",
    )
    p.add_argument(
        "--max-time",
        type=float,
        default=float(env.get("FUZZ_MAX_TIME", "0")) or None,
        help="time budget in seconds for each schemathesis run (default: none, examples bound it)",
    )
    p.add_argument(
        "--webhook-timeout",
        type=float,
        default=float(env.get("FUZZ_WEBHOOK_TIMEOUT", "5")),
        help="seconds to wait for a command's webhooks (default 5)",
    )
    p.add_argument(
        "--public-key",
        default=env.get("TELNYX_PUBLIC_KEY") or None,
        help="Base64 Ed25519 public key to verify webhooks (default: the simulator's, if any)",
    )
    p.add_argument(
        "--sim-url",
        default=env.get("FUZZ_SIM_URL") or None,
        help="simulator API URL (default: BASE_URL/_sim when it answers)",
    )
    p.add_argument(
        "--connection-id",
        action="append",
        default=[],
        help="ID[:ENVELOPE] of an application whose webhook_event_url is the receiver (foreign servers); "
        "default: the fuzzer creates its own through the V2 API",
    )
    p.add_argument("--receiver-host", default="127.0.0.1", help="receiver bind address (default 127.0.0.1)")
    p.add_argument(
        "--receiver-port",
        type=int,
        default=int(env.get("FUZZ_RECEIVER_PORT", "0")),
        help="receiver port (default: a free one)",
    )
    p.add_argument(
        "--receiver-public-url",
        default=None,
        help="URL the server must post webhooks to, when not the receiver's own (NAT, tunnels)",
    )
    p.add_argument("--report-dir", type=Path, default=Path(env.get("FUZZ_REPORT_DIR", ROOT / "reports" / "fuzz")))
    p.add_argument(
        "--spec",
        action="append",
        type=Path,
        default=[],
        help="fuzz this OpenAPI document instead of the project's specs (repeatable); its operations are at "
        "BASE_URL + the path of its server URL",
    )
    p.add_argument(
        "--parts",
        default=None,
        help="what to run, comma-separated: callflows, v1, calls-v2, apps-v2 (`v2` is an old name of apps-v2; "
        "with --spec: a file's stem; `st`: every schemathesis run), hostile (default: all; with --spec: st,hostile)",
    )
    p.add_argument(
        "--hostile-timeout",
        type=float,
        default=float(env.get("FUZZ_HOSTILE_TIMEOUT", "10")),
        help="seconds a hostile-input request may take before it counts as unanswered (default 10)",
    )
    p.add_argument(
        "--progress-interval",
        type=float,
        default=float(env.get("FUZZ_PROGRESS_INTERVAL", "5")),
        help="seconds between progress lines (default 5)",
    )
    p.add_argument("--phases", default=ALL_PHASES, help=f"schemathesis phases (default {ALL_PHASES})")
    p.add_argument("--v1-arg", action="append", default=[], help="extra `st run` argument for the V1 calls run")
    p.add_argument("--calls-v2-arg", action="append", default=[], help="extra `st run` argument for the V2 calls run")
    p.add_argument(
        "--apps-v2-arg",
        "--v2-arg",
        dest="apps_v2_arg",
        action="append",
        default=[],
        help="extra `st run` argument for the V2 applications run (--v2-arg: its old name)",
    )
    p.add_argument("--callflow-examples", type=int, default=4, help="call-flow state machine runs (default 4)")
    p.add_argument("--callflow-steps", type=int, default=25, help="steps per call-flow run (default 25)")
    p.add_argument(
        "--steer",
        type=float,
        default=0.5,
        help="share of generated commands sent to a live call of the fuzzer (default 0.5)",
    )
    p.add_argument(
        "--dictionary",
        default=env.get("FUZZ_DICTIONARY", ""),
        help="comma-separated words planted into generated string fields (known-bad inputs)",
    )
    p.add_argument("--time-scale", type=float, default=0.01, help="reference server TIME_SCALE (default 0.01)")
    p.add_argument("--server-faults", default=env.get("FUZZ_SERVER_FAULTS", ""), help=argparse.SUPPRESS)
    p.add_argument("--quiet", action="store_true", help="do not echo schemathesis output")
    return p.parse_args(argv)


class Interrupted(BaseException):
    """SIGINT or SIGTERM: stop what runs, then print the summary of what ran."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _probe_sim(base_url: str) -> str | None:
    try:
        response = httpx.get(base_url.rstrip("/") + "/_sim/public_key", timeout=5)
        if response.status_code == 200:
            return base_url.rstrip("/") + "/_sim"
    except httpx.HTTPError:
        pass
    return None


def _public_key(sim_url: str | None) -> str | None:
    if not sim_url:
        return None
    try:
        return str(httpx.get(sim_url + "/public_key", timeout=5).json()["data"]["public_key"])
    except (httpx.HTTPError, ValueError, KeyError, TypeError):
        return None


@dataclass
class Session:
    """What a run collected so far: printed at the end, or when it is interrupted."""

    parts: list[Summary] = field(default_factory=list)
    runs: list[StRun] = field(default_factory=list)
    pending: list[StRun] = field(default_factory=list)  # started, not yet read

    def summary(self) -> Summary:
        for run in self.pending:
            part = read_ndjson(run.ndjson, run.name)
            if run.returncode not in (0, 1):
                part.errors.append(f"st run {run.name} exited with {run.returncode} (see {run.log})")
            self.parts.append(part)
        self.pending.clear()
        return combine(self.parts)


def _documents(args: argparse.Namespace) -> list[tuple[str, Path]]:
    if args.spec:
        return [(path.stem, path.resolve()) for path in args.spec]
    return list(DOCUMENTS)


ALIASES = {"v2": "apps-v2"}  # the V2 applications run's name before V2 calls had theirs


def _parts(args: argparse.Namespace, names: list[str]) -> set[str]:
    default = "st,hostile" if args.spec else "callflows,st,hostile"
    aliases = {} if args.spec else ALIASES
    parts = {aliases.get(p.strip(), p.strip()) for p in (args.parts or default).split(",") if p.strip()}
    if "st" in parts:
        parts |= set(names)
    unknown = parts - {"callflows", "hostile", "st", *names}
    if unknown:
        raise SystemExit(
            f"python -m fuzzer: unknown part(s) {', '.join(sorted(unknown))}; known: "
            f"callflows, hostile, st, {', '.join(names)}"
        )
    return parts


def _probe_webhooks(live: Live, log: WebhookLog, timeout: float) -> bool | None:
    """Whether webhooks arrive at all: one dial through the fuzzer's application (None: could not dial)."""
    try:
        call, _ = live.dial(live.apps[0])
    except (RuntimeError, httpx.HTTPError, KeyError, ValueError, TypeError):
        return None
    deadline = time.monotonic() + timeout
    log.refresh()
    while not log.hooks and time.monotonic() < deadline:
        time.sleep(0.05)
        log.refresh()
    with contextlib.suppress(httpx.HTTPError):
        live.hangup(call.call_control_id)
    return bool(log.hooks)


def run(args: argparse.Namespace, session: Session) -> None:
    credentials = Credentials.from_env()
    documents = _documents(args)
    parts = _parts(args, [name for name, _ in documents])
    report_dir: Path = args.report_dir.resolve()
    report_dir.mkdir(parents=True, exist_ok=True)
    for old in report_dir.glob("*"):
        if old.is_file() and old.suffix in (".ndjson", ".xml", ".log", ".json", ".toml"):
            old.unlink()
    telnyx = not args.spec
    server: RefServer | None = None
    receiver = Receiver(args.receiver_host, args.receiver_port).start()
    live: Live | None = None
    try:
        if args.base_url:
            base_url = args.base_url.rstrip("/")
            sim_url = (args.sim_url or _probe_sim(base_url)) if telnyx else None
            public_key = args.public_key or _public_key(sim_url)
        else:
            if not telnyx:
                raise SystemExit(
                    "python -m fuzzer: --spec needs --base-url (the reference server serves its own specs)"
                )
            faults = tuple(f for f in args.server_faults.split(",") if f)
            try:
                server = RefServer(
                    credentials, time_scale=args.time_scale, faults=faults, log_path=report_dir / "refserver.log"
                ).start()
            except RuntimeError as exc:
                log_tail = (report_dir / "refserver.log").read_text(errors="replace").strip().splitlines()[-1:]
                print(f"python -m fuzzer: {exc}" + (f": {log_tail[0]}" if log_tail else ""), file=sys.stderr)
                raise SystemExit(2) from None
            base_url = server.base_url
            sim_url = base_url + "/_sim"
            public_key = args.public_key or server.public_key
            print(f"fuzzer: reference server on {base_url}" + (f" (faults: {','.join(faults)})" if faults else ""))
        index = load_index(*(path for _, path in documents))
        webhook_url = args.receiver_public_url or receiver.webhook_url
        print(f"fuzzer: target {base_url}; parts {', '.join(sorted(parts - {'st'}))}")
        env = {
            "FUZZER_SPECS": os.pathsep.join(str(path) for _, path in documents),
            "FUZZER_SEED": str(args.seed),
            "FUZZER_DICTIONARY": args.dictionary,
        }
        if telnyx:
            print(f"fuzzer: webhook receiver listening; point your application's webhook_event_url at {webhook_url}")
            print(
                f"fuzzer: simulator {sim_url or 'none'}; "
                f"signature verification {'on' if public_key else 'off (no public key)'}"
            )
            log = WebhookLog(receiver, index, public_key, receiver=webhook_url)
            live = Live(base_url, credentials, log, sim_url=sim_url, timeout=args.webhook_timeout)
            _applications(args, live, webhook_url)
            if live.apps and parts & {"callflows", *(name for name, _ in documents)}:
                arrived = _probe_webhooks(live, log, args.webhook_timeout)
                if arrived is False:
                    failure = NoWebhooksFailure("POST /calls", webhook_url, 1, args.webhook_timeout)
                    print(f"fuzzer: {failure.message}")
                    probe = Summary()
                    probe.add(failure.check, False)
                    probe.failures.append(
                        FailureRecord("probe", failure.check, failure.operation, failure.title, failure.message, "")
                    )
                    session.parts.append(probe)
                    log.silent = log.reported = True
                    env["FUZZER_NO_WEBHOOKS"] = "1"
            if "callflows" in parts:
                _callflows(args, live, index, session)
            env.update(
                {
                    "FUZZER_RECEIVER_URL": receiver.url,
                    "FUZZER_BASE_URL": base_url,
                    "FUZZER_SIM_URL": sim_url or "",
                    "FUZZER_PUBLIC_KEY": public_key or "",
                    "FUZZER_WEBHOOK_TIMEOUT": str(args.webhook_timeout),
                    "FUZZER_STEER": str(args.steer),
                    "FUZZER_APPS": ",".join(f"{a.id}:{a.envelope}" for a in live.apps),
                    "TELNYX_API_KEY": credentials.api_key,
                    "TELNYX_V1_KEY": credentials.v1_key,
                    "TELNYX_V1_SECRET": credentials.v1_secret,
                }
            )
        extra = {"v1": args.v1_arg, "calls-v2": args.calls_v2_arg, "apps-v2": args.apps_v2_arg}
        for name, path in documents:
            if name not in parts:
                continue
            ops = [op for op in index.all_operations if op.model.document.path == path]
            prefix = ops[0].full_path[: len(ops[0].full_path) - len(ops[0].path)] if ops else ""
            st = st_run_for(
                name,
                path,
                base_url + prefix,
                authorization_for(ops[0].security_kinds() if ops else (), credentials),
                report_dir,
                args.seed,
                args.max_examples,
                args.max_time,
                {**env, "FUZZER_DOCUMENT": str(path)},
                operations=len(ops),
                phases=args.phases,
                include=extra.get(name, []),
                progress_interval=args.progress_interval,
            )
            print(f"\n=== schemathesis {name}: {path.name} against {st.url}")
            session.runs.append(st)
            session.pending.append(st)
            st.run(echo=not args.quiet)
        if "hostile" in parts:
            _hostile(args, index, base_url, credentials, live, webhook_url, session)
    finally:
        if live is not None:
            live.close()
        receiver.stop()
        if server is not None:
            server.stop()


def _applications(args: argparse.Namespace, live: Live, webhook_url: str) -> None:
    if args.connection_id:
        for item in args.connection_id:
            app_id, _, envelope = item.partition(":")
            live.apps.append(App(app_id, envelope or "2"))
    else:
        try:
            live.create_app(webhook_url, "2")
            live.create_app(webhook_url, "1")
        except (RuntimeError, httpx.HTTPError, KeyError, ValueError, TypeError) as exc:
            print(
                f"fuzzer: could not create the fuzzer's applications ({exc}); webhook checks are off. "
                "Create one pointing at the receiver and pass --connection-id.",
                file=sys.stderr,
            )
    if live.apps:
        print("fuzzer: applications " + ", ".join(f"{a.id} (webhook_api_version {a.envelope})" for a in live.apps))


def _callflows(args: argparse.Namespace, live: Live, index: SpecIndex, session: Session) -> None:
    if not live.apps or live.sim is None or live.log.silent:
        why = "no webhooks arrive" if live.log.silent else "they need the simulator API and an application"
        print(f"fuzzer: call flows skipped ({why})")
        return
    print(f"\n=== call flows: {args.callflow_examples} runs x {args.callflow_steps} steps, seed {args.seed}")
    flows = Summary(source="callflows")
    session.parts.append(flows)  # an interrupted run still reports what the flows found
    progress = Progress("call flows", 0, args.progress_interval)
    t0 = time.monotonic()
    run_callflows(
        FlowContext(live, index, args.webhook_timeout, flows, progress),
        args.seed,
        args.callflow_examples,
        args.callflow_steps,
    )
    print(
        f"call flows done in {time.monotonic() - t0:.1f} s: "
        + ", ".join(f"{k} {v.run} run / {v.failed} failed" for k, v in sorted(flows.checks.items()))
    )


def _hostile(
    args: argparse.Namespace,
    index: SpecIndex,
    base_url: str,
    credentials: Credentials,
    live: Live | None,
    webhook_url: str,
    session: Session,
) -> None:
    print(f"\n=== hostile input: {len(index.all_operations)} operations against {base_url}")
    progress = Progress("hostile input", 0, args.progress_interval)
    context = Context(
        headers_for=lambda op: (
            {"authorization": value} if (value := authorization_for(op.security_kinds(), credentials)) else {}
        ),
        timeout=args.hostile_timeout,
    )
    if live is not None:
        telnyx_context(context, live, webhook_url)
    phase = HostilePhase(index, base_url, context, progress=progress)
    result = Summary(source="hostile")
    session.parts.append(result)
    t0 = time.monotonic()
    try:
        phase.run()
    finally:
        phase.close()
        for check, cases in phase.cases.items():
            stats = result.checks.setdefault(check, CheckStats())
            failed = sum(1 for f in phase.failures if f.check == check)
            stats.run, stats.failed, stats.passed = cases, failed, max(0, cases - failed)
        result.sources["hostile"] = dict(result.checks)
        seen: set[tuple[str, str, str, str]] = set()
        for f in phase.failures:
            key = (f.check, f.operation, getattr(f, "target", ""), getattr(f, "input", ""))
            if key not in seen:
                seen.add(key)
                result.failures.append(FailureRecord("hostile", f.check, f.operation, f.title, f.message, ""))
    print(
        f"hostile input done in {time.monotonic() - t0:.1f} s: {sum(phase.cases.values())} judgements, "
        f"{len(phase.failures)} failures"
    )


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    session = Session()
    interrupted: int | None = None
    try:
        run(args, session)
    except KeyboardInterrupt:
        interrupted = signal.SIGINT
    except Interrupted as exc:
        interrupted = exc.signum
    summary = session.summary()
    elapsed = time.monotonic() - started
    report_dir: Path = args.report_dir.resolve()
    print(summary.render())
    (report_dir / "summary.json").write_text(
        json.dumps({**summary.to_json(), "seconds": round(elapsed, 1), "interrupted": bool(interrupted)}, indent=2)
    )
    print(f"\nReports: {report_dir} (junit-*.xml, *.ndjson, *.log, summary.json)")
    if interrupted is not None:
        name = signal.Signals(interrupted).name
        print(f"fuzz INTERRUPTED by {name} after {elapsed:.1f} s (seed {args.seed}); the summary covers what ran")
        return 128 + int(interrupted)
    failed = bool(summary.failed_checks or summary.errors or any(r.returncode not in (0, None) for r in session.runs))
    print(f"fuzz {'FAILED' if failed else 'passed'} in {elapsed:.1f} s (seed {args.seed})")
    return 1 if failed else 0


def _interrupt(signum: int, frame: object) -> None:
    # A `kill` (or CI's timeout) unwinds like Ctrl-C: the servers and schemathesis are stopped, the summary printed.
    raise Interrupted(signum)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _interrupt)
    sys.exit(main())
