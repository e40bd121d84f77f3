"""``python -m fuzzer.handlers URL``: fuzz a webhook handler (console command ``telnyx-cc-fuzz-webhooks``)."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .cases import CHECKS
from .signing import KEY_VARIABLE, KeyError_


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="telnyx-cc-fuzz-webhooks",
        description=(
            "Send a webhook handler signed webhooks generated from the spec's webhooks section (every event "
            "type in both envelopes, unknown types, duplicates, out-of-order events) and hostile ones (forged, "
            "unsigned, stale, malformed, large), and check its answers. Signs with the Ed25519 seed in "
            f"${KEY_VARIABLE} (the reference server's variable); without it, with a fresh key whose public key "
            "is printed. Exit status 0 when every check passed, 1 when one failed, 2 on bad usage."
        ),
        epilog="Checks: " + ", ".join(CHECKS),
    )
    parser.add_argument("target", nargs="?", default=os.environ.get("TARGET"), help="the handler's URL ($TARGET)")
    parser.add_argument("--seed", type=int, default=int(os.environ.get("FUZZ_SEED", "1")), help="generation seed")
    parser.add_argument("--examples", type=int, default=2, help="valid bodies per event type and envelope (2)")
    parser.add_argument(
        "--timeout", type=float, default=2.0, help="the application's webhook timeout in seconds (2, as the server's)"
    )
    parser.add_argument(
        "--report-dir",
        type=Path,
        default=Path(os.environ.get("FUZZ_REPORT_DIR", "reports/fuzz-webhooks")),
        help="where junit.xml and results.ndjson go (reports/fuzz-webhooks)",
    )
    parser.add_argument("--spec-dir", type=Path, default=None, help="the spec directory (the packaged spec/)")
    args = parser.parse_args(argv)
    if not args.target:
        parser.error("give the handler's URL (or set TARGET)")
    if args.examples < 1:
        parser.error("--examples must be at least 1")

    from specmodel import SpecError, default_spec, load_dir

    from .runner import run

    try:
        spec = load_dir(args.spec_dir) if args.spec_dir else default_spec()
    except SpecError as exc:
        print(f"fuzz-webhooks: {exc}", file=sys.stderr)
        return 2

    def say(line: str) -> None:
        print(f"fuzz-webhooks: {line}", flush=True)

    if not os.environ.get(KEY_VARIABLE):
        say(f"{KEY_VARIABLE} is not set: signing with a generated key (give the handler the public key below)")
    try:
        report = run(
            args.target,
            seed=args.seed,
            examples=args.examples,
            timeout=args.timeout,
            report_dir=args.report_dir,
            spec=spec,
            say=say,
        )
    except KeyError_ as exc:
        print(f"fuzz-webhooks: {exc}", file=sys.stderr)
        return 2
    width = max(len(name) for name in CHECKS)
    say(f"{len(report.results)} webhooks sent to {args.target}")
    print(f"  {'check':<{width}}  cases  failed")
    for check in CHECKS:
        ran, failed = report.tally.get(check, [0, 0])
        print(f"  {check:<{width}}  {ran:5d}  {failed:6d}")
    for finding in report.findings:
        print(f"\nFAILED {finding.check}: {finding.case}: {finding.message}\n  reproduce: {finding.curl}")
    say(f"reports: {args.report_dir}/junit.xml, {args.report_dir}/results.ndjson")
    say("passed" if report.ok else f"failed: {', '.join(sorted(report.failed_checks))}")
    return 0 if report.ok else 1


if __name__ == "__main__":
    sys.exit(main())
