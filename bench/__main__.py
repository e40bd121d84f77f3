"""`python -m bench`: every row of bench/README.md, one table, and reports/bench.json.

Each row is measured next to its baseline in the same run; missing a target is reported,
never a failure (the exit code is 0 unless the harness itself breaks).
"""

from __future__ import annotations

import argparse
import platform
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from bench import client, corpus_generation, fuzz, generation, postgres, server, webhooks
from bench.measure import ROOT
from bench.report import Row, print_table, write_json


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (for a smoke run)")
    parser.add_argument("--only", action="append", default=[], help="run only rows whose name contains this")
    parser.add_argument(
        "--shared",
        type=Path,
        default=ROOT.parent / "shared" / "bench",
        help="where the full official spec is (default: ../shared/bench)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "reports" / "bench.json")
    args = parser.parse_args(argv)
    repeat = 3 if args.quick else 15

    plan: list[tuple[str, Callable[[], list[Row]]]] = [
        ("generation, our specs", lambda: [generation.row_our_specs(repeat=1 if args.quick else 3)]),
        ("generation, scale", lambda: [generation.row_scale(args.shared)]),
        ("generation, corpus", lambda: [corpus_generation.row_corpus(args.shared.parent)]),
        ("import", lambda: [client.row_import(repeat=repeat)]),
        ("first call", lambda: [client.row_first_call(repeat=3 if args.quick else 7)]),
        (
            "request overhead",
            lambda: [client.row_request_overhead(n=100 if args.quick else 400, rounds=3 if args.quick else 7)],
        ),
        ("webhooks", lambda: [webhooks.row_webhooks(n=500 if args.quick else 3000, rounds=3 if args.quick else 7)]),
        ("server", lambda: server.rows(quick=args.quick, reports=args.out.parent)),
        ("server stack", lambda: server.stack_rows(quick=args.quick)),
        ("shared state", lambda: postgres.rows(quick=args.quick)),
        ("fuzz", lambda: [fuzz.row_fuzz(quick=args.quick)]),
    ]
    rows: list[Row] = []
    for name, run in plan:
        if args.only and not any(o in name for o in args.only):
            continue
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        start = time.perf_counter()
        try:
            rows.extend(run())
        except Exception as exc:  # a broken row is reported in the table, the others still run
            traceback.print_exc()
            rows.append(Row(name, "", "", None, "", None, error=f"{type(exc).__name__}: {exc}"[:200]))
        print(f"bench: {name} took {time.perf_counter() - start:.1f} s", file=sys.stderr, flush=True)

    print()
    print_table(rows)
    meta = {
        "python": sys.version.split()[0],
        "machine": platform.machine(),
        "cpus": __import__("os").cpu_count(),
        "quick": args.quick,
        "when": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }
    write_json(rows, args.out, meta)
    print(f"\nwritten: {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
