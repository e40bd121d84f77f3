"""Run `st run` (schemathesis 4.x CLI) once per spec in a subprocess, with fuzzer.hooks loaded.

Credentials never appear on its command line (which `ps` shows): each run gets a
schemathesis config file whose Authorization header is a `${VARIABLE}` placeholder, and the
value travels in the subprocess' environment. While it runs, its NDJSON report is read every
few seconds for a progress line (operations done, cases, failures so far).
"""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from pathlib import Path

from fuzzer.progress import Progress
from fuzzer.target import ROOT, Credentials

ALL_PHASES = "examples,coverage,fuzzing,stateful"
AUTH_VARIABLE = "FUZZER_ST_AUTHORIZATION"


@dataclass
class StRun:
    name: str  # "v1", "v2", or a spec file's stem
    spec: Path
    url: str
    authorization: str  # the Authorization header's value ("" for none); sent through the environment
    report_dir: Path
    seed: int
    max_examples: int
    operations: int = 0  # in the spec, for the progress line
    max_time: float | None = None
    phases: str = ALL_PHASES
    checks: str = "all"
    include: list[str] = field(default_factory=list)  # extra filter args, e.g. --include-operation-id X
    env: dict[str, str] = field(default_factory=dict)
    returncode: int | None = None
    progress_interval: float = 5.0

    @property
    def ndjson(self) -> Path:
        return self.report_dir / f"{self.name}.ndjson"

    @property
    def junit(self) -> Path:
        return self.report_dir / f"junit-{self.name}.xml"

    @property
    def log(self) -> Path:
        return self.report_dir / f"{self.name}.log"

    @property
    def config(self) -> Path:
        return self.report_dir / f"{self.name}.schemathesis.toml"

    def write_config(self) -> None:
        """The config file: the Authorization header as a placeholder, resolved from the environment."""
        lines = ["# written by python -m fuzzer; the credential itself is in the environment, never here"]
        if self.authorization:
            lines.append(f'headers = {{ Authorization = "${{{AUTH_VARIABLE}}}" }}')
        self.config.write_text("\n".join(lines) + "\n", encoding="utf-8")

    def command(self) -> list[str]:
        args = [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "--config-file",
            str(self.config),
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
            *self.include,
        ]
        if self.max_time:
            args += ["--max-time", str(int(max(1, self.max_time)))]
        return args

    def run(self, echo: bool = True) -> int:
        self.report_dir.mkdir(parents=True, exist_ok=True)
        self.write_config()
        env = {**os.environ, **self.env, "SCHEMATHESIS_HOOKS": "fuzzer.hooks", AUTH_VARIABLE: self.authorization}
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
        stop = threading.Event()
        progress = Progress(f"schemathesis {self.name}", self.operations, self.progress_interval)
        watcher = threading.Thread(target=self._watch, args=(progress, stop), daemon=True)
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
            watcher.start()
            try:
                for line in process.stdout:
                    log.write(line)
                    if echo:
                        sys.stdout.write(line)
                        sys.stdout.flush()
                self.returncode = process.wait()
            finally:
                stop.set()
                if process.poll() is None:  # interrupted: never leave schemathesis running
                    process.terminate()
                    try:
                        process.wait(timeout=10)
                    except subprocess.TimeoutExpired:
                        process.kill()
                        process.wait()
        watcher.join(timeout=5)
        self._count(progress)
        progress.update(force=True)
        return self.returncode if self.returncode is not None else -1

    def _count(self, progress: Progress) -> None:
        labels: dict[str, set[str]] = {}  # per schemathesis phase
        stage = ""
        cases = failures = 0
        try:
            lines = self.ndjson.read_text(encoding="utf-8").splitlines()
        except OSError:
            return
        for line in lines:
            try:
                event = json.loads(line)
            except ValueError:
                continue  # a line being written
            finished = event.get("ScenarioFinished") if isinstance(event, dict) else None
            if not finished:
                continue
            recorder = finished.get("recorder") or {}
            stage = str(finished.get("phase") or "")
            labels.setdefault(stage, set()).add(recorder.get("label", ""))
            cases += len(recorder.get("cases") or {}) or 1
            for results in (recorder.get("checks") or {}).values():
                failures += sum(1 for r in results if r.get("status") == "failure")
        progress.done_operations = len(labels.get(stage, ()))
        progress.stage = stage
        progress.cases = cases
        progress.failures = failures

    def _watch(self, progress: Progress, stop: threading.Event) -> None:
        while not stop.wait(progress.interval):
            self._count(progress)
            progress.update(force=True)


def basic_authorization(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def authorization_for(kinds: tuple[str, ...], credentials: Credentials) -> str:
    """The Authorization header for an operation's security schemes (HTTP Basic or Bearer)."""
    if "basic" in kinds:
        return basic_authorization(credentials.v1_key, credentials.v1_secret)
    if "bearer" in kinds:
        return f"Bearer {credentials.api_key}"
    return ""


def st_run_for(
    name: str,
    spec: Path,
    url: str,
    authorization: str,
    report_dir: Path,
    seed: int,
    max_examples: int,
    max_time: float | None,
    env: dict[str, str],
    *,
    operations: int = 0,
    phases: str = ALL_PHASES,
    include: list[str] | None = None,
    progress_interval: float = 5.0,
) -> StRun:
    return StRun(
        name=name,
        spec=spec,
        url=url.rstrip("/"),
        authorization=authorization,
        report_dir=report_dir,
        seed=seed,
        max_examples=max_examples,
        operations=operations,
        max_time=max_time,
        phases=phases,
        include=include or [],
        env=env,
        progress_interval=progress_interval,
    )
