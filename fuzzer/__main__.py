"""python -m fuzzer: fuzz a Telnyx Call Control server against the specs, webhooks included.

See fuzzer/README.md. Exit status 0 only when no check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import time
from pathlib import Path

import httpx

from fuzzer.callflows import FlowContext, run_callflows
from fuzzer.live import App, Live
from fuzzer.receiver import Receiver
from fuzzer.runner import ALL_PHASES, st_runs
from fuzzer.spec import load_index
from fuzzer.summary import Summary, combine, read_ndjson
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
    p.add_argument("--parts", default="callflows,v1,v2", help="what to run: callflows,v1,v2 (default all)")
    p.add_argument("--phases", default=ALL_PHASES, help=f"schemathesis phases (default {ALL_PHASES})")
    p.add_argument("--v1-arg", action="append", default=[], help="extra `st run` argument for the V1 run")
    p.add_argument("--v2-arg", action="append", default=[], help="extra `st run` argument for the V2 run")
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


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    started = time.monotonic()
    credentials = Credentials.from_env()
    parts = {p.strip() for p in args.parts.split(",") if p.strip()}
    report_dir: Path = args.report_dir.resolve()
    report_dir.mkdir(parents=True, exist_ok=True)
    for old in report_dir.glob("*"):
        if old.is_file() and old.suffix in (".ndjson", ".xml", ".log", ".json"):
            old.unlink()
    server: RefServer | None = None
    receiver = Receiver(args.receiver_host, args.receiver_port).start()
    try:
        if args.base_url:
            base_url = args.base_url.rstrip("/")
            sim_url = args.sim_url or _probe_sim(base_url)
            public_key = args.public_key or _public_key(sim_url)
        else:
            faults = tuple(f for f in args.server_faults.split(",") if f)
            server = RefServer(
                credentials, time_scale=args.time_scale, faults=faults, log_path=report_dir / "refserver.log"
            ).start()
            base_url = server.base_url
            sim_url = base_url + "/_sim"
            public_key = args.public_key or server.public_key
            print(f"fuzzer: reference server on {base_url}" + (f" (faults: {','.join(faults)})" if faults else ""))
        webhook_url = args.receiver_public_url or receiver.webhook_url
        print(f"fuzzer: webhook receiver listening; point your application's webhook_event_url at {webhook_url}")
        print(
            f"fuzzer: target {base_url}; simulator {sim_url or 'none'}; "
            f"signature verification {'on' if public_key else 'off (no public key)'}"
        )
        index = load_index()
        log = WebhookLog(receiver, index, public_key)
        live = Live(base_url, credentials, log, sim_url=sim_url, timeout=args.webhook_timeout)
        summary_parts: list[Summary] = []
        if args.connection_id:
            for item in args.connection_id:
                app_id, _, envelope = item.partition(":")
                live.apps.append(App(app_id, envelope or "2"))
        else:
            try:
                live.create_app(webhook_url, "2")
                live.create_app(webhook_url, "1")
            except (RuntimeError, httpx.HTTPError) as exc:
                print(
                    f"fuzzer: could not create the fuzzer's applications ({exc}); webhook checks are off. "
                    "Create one pointing at the receiver and pass --connection-id.",
                    file=sys.stderr,
                )
        if live.apps:
            print("fuzzer: applications " + ", ".join(f"{a.id} (webhook_api_version {a.envelope})" for a in live.apps))
        if "callflows" in parts:
            if live.apps and live.sim is not None:
                print(
                    f"\n=== call flows: {args.callflow_examples} runs x {args.callflow_steps} steps, seed {args.seed}"
                )
                flows = Summary()
                t0 = time.monotonic()
                run_callflows(
                    FlowContext(live, index, args.webhook_timeout, flows),
                    args.seed,
                    args.callflow_examples,
                    args.callflow_steps,
                )
                print(
                    f"call flows done in {time.monotonic() - t0:.1f} s: "
                    + ", ".join(f"{k} {v.run} run / {v.failed} failed" for k, v in sorted(flows.checks.items()))
                )
                summary_parts.append(flows)
            else:
                print("fuzzer: call flows skipped (they need the simulator API and an application)")
        env = {
            "FUZZER_RECEIVER_URL": receiver.url,
            "FUZZER_BASE_URL": base_url,
            "FUZZER_SIM_URL": sim_url or "",
            "FUZZER_PUBLIC_KEY": public_key or "",
            "FUZZER_WEBHOOK_TIMEOUT": str(args.webhook_timeout),
            "FUZZER_SEED": str(args.seed),
            "FUZZER_STEER": str(args.steer),
            "FUZZER_DICTIONARY": args.dictionary,
            "FUZZER_APPS": ",".join(f"{a.id}:{a.envelope}" for a in live.apps),
            "TELNYX_API_KEY": credentials.api_key,
            "TELNYX_V1_KEY": credentials.v1_key,
            "TELNYX_V1_SECRET": credentials.v1_secret,
        }
        specs = tuple(s for s in ("v1", "v2") if s in parts)
        runs = st_runs(
            base_url,
            credentials,
            report_dir,
            args.seed,
            args.max_examples,
            args.max_time,
            env,
            specs=specs,
            phases=args.phases,
            include={"v1": args.v1_arg, "v2": args.v2_arg},
        )
        for run in runs:
            print(f"\n=== schemathesis {run.name}: {run.spec.name} against {run.url}")
            run.run(echo=not args.quiet)
            part = read_ndjson(run.ndjson, run.name)
            if run.returncode not in (0, 1):
                part.errors.append(f"st run {run.name} exited with {run.returncode} (see {run.log})")
            summary_parts.append(part)
        live.close()
    finally:
        receiver.stop()
        if server is not None:
            server.stop()
    summary = combine(summary_parts)
    elapsed = time.monotonic() - started
    print(summary.render())
    (report_dir / "summary.json").write_text(json.dumps({**summary.to_json(), "seconds": round(elapsed, 1)}, indent=2))
    failed = bool(summary.failed_checks or summary.errors or any(r.returncode not in (0, None) for r in runs))
    print(f"\nReports: {report_dir} (junit-*.xml, *.ndjson, *.log, summary.json)")
    print(f"fuzz {'FAILED' if failed else 'passed'} in {elapsed:.1f} s (seed {args.seed})")
    return 1 if failed else 0


def _exit_on_sigterm(signum: int, frame: object) -> None:
    # A `kill` (or CI's timeout) unwinds like Ctrl-C, so the servers and schemathesis are stopped.
    raise SystemExit(128 + signum)


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, _exit_on_sigterm)
    sys.exit(main())
