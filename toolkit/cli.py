"""The console commands of the toolkit wheel (``[project.scripts]`` in pyproject.toml); the Make targets call them.

* ``telnyx-cc-generate``: the client generator (``python -m codegen``).
* ``telnyx-cc-serve``: the reference server (``python -m refserver``), configured by options or the environment.
* ``telnyx-cc-fuzz``: the API fuzzer (``python -m fuzzer``).
* ``telnyx-cc-fuzz-webhooks``: the webhook-handler fuzzer (``python -m fuzzer.handlers``).
* ``telnyx-cc-spec-dir``: prints the directory of the specs the toolkit serves and fuzzes with.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def generate(argv: list[str] | None = None) -> int:
    from codegen.__main__ import main

    args = list(sys.argv[1:] if argv is None else argv)
    sys.argv[0] = "telnyx-cc-generate"
    return main(args)


def serve(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="telnyx-cc-serve",
        description=(
            "Run the Telnyx Call Control reference server in the foreground on 127.0.0.1. Every option "
            "overrides its environment variable; the others (TELNYX_API_KEY, TELNYX_V1_KEY, "
            "TELNYX_V1_SECRET, TELNYX_SIGNING_KEY, WEBHOOK_RETRY_SCHEDULE, ...) are read as documented "
            "in refserver/README.md. SIGTERM or SIGINT stops it (exit status 0)."
        ),
    )
    parser.add_argument("--port", help="port (env PORT, default 8765; 0 picks a free one)")
    parser.add_argument("--state-db", help="SQLite file (env STATE_DB; ':memory:' for a throwaway run)")
    parser.add_argument("--time-scale", help="multiplies simulated durations and timeouts (env TIME_SCALE)")
    parser.add_argument("--spec-dir", help="the directory of the specs served (env SPEC_DIR)")
    args = parser.parse_args(argv)
    for option, variable in (
        ("port", "PORT"),
        ("state_db", "STATE_DB"),
        ("time_scale", "TIME_SCALE"),
        ("spec_dir", "SPEC_DIR"),
    ):
        value = getattr(args, option)
        if value is not None:
            os.environ[variable] = value
    from refserver.__main__ import main

    return main()


def fuzz(argv: list[str] | None = None) -> int:
    from fuzzer.target import ROOT

    if not (ROOT / "pyproject.toml").is_file():  # installed: reports go under the working directory, not site-packages
        os.environ.setdefault("FUZZ_REPORT_DIR", str(Path.cwd() / "reports" / "fuzz"))
    from fuzzer.__main__ import main

    sys.argv[0] = "telnyx-cc-fuzz"
    return main(argv)


def fuzz_webhooks(argv: list[str] | None = None) -> int:
    from fuzzer.handlers.__main__ import main

    return main(argv)


def spec_dir(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(
        prog="telnyx-cc-spec-dir", description="Print the directory of the specs the toolkit uses."
    ).parse_args(argv)
    from specmodel import SPEC_DIR

    print(SPEC_DIR)
    return 0
