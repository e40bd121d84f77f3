"""Run `st run` (schemathesis 4.x CLI) once per spec in a subprocess, with fuzzer.hooks loaded."""

from __future__ import annotations

import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from fuzzer.spec import V1_SPEC, V2_SPEC
from fuzzer.target import ROOT, Credentials

ALL_PHASES = "examples,coverage,fuzzing,stateful"


@dataclass
class StRun:
    name: str  # "v1" or "v2"
    spec: Path
    url: str
    auth_args: list[str]
    report_dir: Path
    seed: int
    max_examples: int
    max_time: float | None = None
    phases: str = ALL_PHASES
    checks: str = "all"
    include: list[str] = field(default_factory=list)  # extra filter args, e.g. --include-operation-id X
    env: dict[str, str] = field(default_factory=dict)
    returncode: int | None = None

    @property
    def ndjson(self) -> Path:
        return self.report_dir / f"{self.name}.ndjson"

    @property
    def junit(self) -> Path:
        return self.report_dir / f"junit-{self.name}.xml"

    @property
    def log(self) -> Path:
        return self.report_dir / f"{self.name}.log"

    def command(self) -> list[str]:
        args = [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "run",
            str(self.spec),
            "--url",
            self.url,
            "--checks",
            self.checks,
            "--mode",
            "all",
            "--phases",
            self.phases,
            "--seed",
            str(self.seed),
            "--max-examples",
            str(self.max_examples),
            "--workers",
            "1",
            "--generation-database",
            "none",
            "--report",
            "junit,ndjson",
            "--report-dir",
            str(self.report_dir),
            "--report-junit-path",
            str(self.junit),
            "--report-ndjson-path",
            str(self.ndjson),
            "--no-color",
            *self.auth_args,
            *self.include,
        ]
        if self.max_time:
            args += ["--max-time", str(int(max(1, self.max_time)))]
        return args

    def run(self, echo: bool = True) -> int:
        self.report_dir.mkdir(parents=True, exist_ok=True)
        env = {**os.environ, **self.env, "SCHEMATHESIS_HOOKS": "fuzzer.hooks"}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        with open(self.log, "w", encoding="utf-8") as log:
            process = subprocess.Popen(
                self.command(),
                cwd=ROOT,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.STDOUT,
                text=True,
                bufsize=1,
            )
            assert process.stdout is not None
            try:
                for line in process.stdout:
                    log.write(line)
                    if echo:
                        sys.stdout.write(line)
                        sys.stdout.flush()
                self.returncode = process.wait()
            finally:
                if process.poll() is None:  # interrupted: never leave schemathesis running
                    process.terminate()
                    try:
                        process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait()
        return self.returncode


def st_runs(
    base_url: str,
    credentials: Credentials,
    report_dir: Path,
    seed: int,
    max_examples: int,
    max_time: float | None,
    env: dict[str, str],
    specs: tuple[str, ...] = ("v1", "v2"),
    phases: str = ALL_PHASES,
    include: dict[str, list[str]] | None = None,
) -> list[StRun]:
    base_url = base_url.rstrip("/")
    runs = []
    for name in specs:
        if name == "v1":
            spec, url, auth = V1_SPEC, base_url, ["--auth", f"{credentials.v1_key}:{credentials.v1_secret}"]
        else:
            spec, url, auth = V2_SPEC, base_url + "/v2", ["-H", f"Authorization: Bearer {credentials.api_key}"]
        runs.append(
            StRun(
                name=name,
                spec=spec,
                url=url,
                auth_args=auth,
                report_dir=report_dir,
                seed=seed,
                max_examples=max_examples,
                max_time=max_time,
                phases=phases,
                include=(include or {}).get(name, []),
                env=env,
            )
        )
    return runs
