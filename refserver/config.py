"""Configuration from the environment, and accounts from the environment or a file.

See refserver/README.md ("Reference server") for every variable.
"""

from __future__ import annotations

import base64
import binascii
import importlib.util
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DEFAULT_PORT = 8765
DEFAULT_STATE_DB = ".state/refserver.sqlite3"
DEFAULT_API_KEY = "KEYrefserver-dev-api-key"
DEFAULT_V1_KEY = "refserver-dev-v1-key"
DEFAULT_V1_SECRET = "refserver-dev-v1-secret"
DEFAULT_RETRY_SCHEDULE = (1.0, 5.0, 30.0, 120.0, 600.0)
KNOWN_FAULTS = frozenset(
    {
        "no_auth",
        "no_limit",
        "crash",
        "zombie_delete",
        "command_after_hangup",
        "webhook_missing",
        "webhook_order",
        "webhook_bad_signature",
        "surrogate_500",
        "phantom_call",
        "timer_overflow",
        "deep_nesting",
    }
)


# The uvicorn stack: the compiled event loop and HTTP parser when they are installed (the default
# dependencies pin them where they build), else the pure-Python ones. See bench/README.md for the figures.
LOOPS = {"uvloop": "uvloop", "asyncio": None}  # name -> module that must import (None: always there)
HTTP_PARSERS = {"httptools": "httptools", "h11": "h11"}


class ConfigError(ValueError):
    pass


@dataclass(frozen=True)
class Account:
    name: str
    api_key: str
    v1_key: str
    v1_secret: str


@dataclass
class Config:
    port: int = DEFAULT_PORT
    host: str = "127.0.0.1"
    state_db: str = DEFAULT_STATE_DB
    accounts: tuple[Account, ...] = ()
    defaulted_credentials: tuple[str, ...] = ()
    signing_seed: bytes | None = None
    time_scale: float = 1.0
    retry_schedule: tuple[float, ...] = DEFAULT_RETRY_SCHEDULE
    faults: frozenset[str] = frozenset()
    synchronous: str = "NORMAL"
    access_log: bool = False
    spec_dir: Path | None = None  # SPEC_DIR: the directory of the specs (None: the repository's spec/)
    loop: str = "asyncio"  # uvicorn --loop: resolved from REFSERVER_LOOP (auto picks uvloop when it imports)
    http: str = "h11"  # uvicorn --http: resolved from REFSERVER_HTTP (auto picks httptools when it imports)
    public_url: str = ""  # set once the socket is bound
    # /_sim without credentials (REFSERVER_SIM_OPEN): True sees every account's calls; False
    # refuses it (401); None (unset) means open when the server has a single account.
    sim_open: bool | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def in_memory(self) -> bool:
        return self.state_db == ":memory:"

    @property
    def shared(self) -> bool:
        """STATE_DB names a PostgreSQL database, which several server processes may share."""
        return self.state_db.startswith(("postgresql://", "postgres://"))

    @property
    def state_dir(self) -> Path | None:
        return None if self.in_memory or self.shared else Path(self.state_db).resolve().parent

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Config:
        env = os.environ if env is None else env
        cfg = cls()
        cfg.port = _int(env, "PORT", DEFAULT_PORT)
        if not 0 <= cfg.port <= 65535:
            raise ConfigError(f"PORT must be 0-65535, not {cfg.port}")
        cfg.state_db = env.get("STATE_DB") or DEFAULT_STATE_DB
        cfg.time_scale = _float(env, "TIME_SCALE", 1.0)
        if cfg.time_scale < 0:
            raise ConfigError("TIME_SCALE must be >= 0")
        schedule = env.get("WEBHOOK_RETRY_SCHEDULE")
        if schedule:
            try:
                cfg.retry_schedule = tuple(float(s) for s in schedule.split(",") if s.strip())
            except ValueError:
                raise ConfigError(f"WEBHOOK_RETRY_SCHEDULE: not numbers: {schedule!r}") from None
            if any(s < 0 for s in cfg.retry_schedule):
                raise ConfigError("WEBHOOK_RETRY_SCHEDULE: delays must be >= 0")
        sync = (env.get("STATE_SYNCHRONOUS") or "NORMAL").upper()
        if sync not in ("NORMAL", "FULL"):
            raise ConfigError("STATE_SYNCHRONOUS must be NORMAL or FULL")
        cfg.synchronous = sync
        cfg.access_log = env.get("REFSERVER_ACCESS_LOG", "") in ("1", "true", "yes")
        cfg.spec_dir = Path(env["SPEC_DIR"]) if env.get("SPEC_DIR") else None
        cfg.loop = _stack_choice(env, "REFSERVER_LOOP", LOOPS)
        cfg.http = _stack_choice(env, "REFSERVER_HTTP", HTTP_PARSERS)
        cfg.signing_seed = _signing_seed(env.get("TELNYX_SIGNING_KEY"))
        cfg.accounts, cfg.defaulted_credentials = _accounts(env)
        cfg.faults = _faults(env)
        sim_open = (env.get("REFSERVER_SIM_OPEN") or "").strip().lower()
        if sim_open not in ("", "0", "1"):
            raise ConfigError(f"REFSERVER_SIM_OPEN must be 0 or 1, not {sim_open!r}")
        cfg.sim_open = None if not sim_open else sim_open == "1"
        return cfg

    @property
    def simulator_open(self) -> bool:
        """Whether /_sim answers requests without credentials (every account's calls)."""
        return self.sim_open if self.sim_open is not None else len(self.accounts) == 1


def _int(env: Mapping[str, str], name: str, default: int) -> int:
    raw = env.get(name)
    if not raw:
        return default
    try:
        return int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be an integer, not {raw!r}") from None


def _float(env: Mapping[str, str], name: str, default: float) -> float:
    raw = env.get(name)
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a number, not {raw!r}") from None


def _importable(module: str | None) -> bool:
    return module is None or importlib.util.find_spec(module) is not None


def _stack_choice(env: Mapping[str, str], name: str, choices: Mapping[str, str | None]) -> str:
    """`auto` (the default): the first of `choices` that imports; else the one named, which must import."""
    raw = (env.get(name) or "auto").strip().lower()
    if raw == "auto":
        return next(choice for choice, module in choices.items() if _importable(module))
    if raw not in choices:
        raise ConfigError(f"{name} must be auto or one of {', '.join(choices)}, not {raw!r}")
    if not _importable(choices[raw]):
        raise ConfigError(f"{name}={raw}: the {choices[raw]} package is not installed")
    return raw


def _signing_seed(raw: str | None) -> bytes | None:
    if not raw:
        return None
    try:
        seed = base64.b64decode(raw, validate=True)
    except (binascii.Error, ValueError):
        raise ConfigError("TELNYX_SIGNING_KEY must be Base64") from None
    if len(seed) != 32:
        raise ConfigError("TELNYX_SIGNING_KEY must be Base64 of a 32-byte Ed25519 seed")
    return seed


def _accounts(env: Mapping[str, str]) -> tuple[tuple[Account, ...], tuple[str, ...]]:
    path = env.get("REFSERVER_ACCOUNTS")
    if path:
        return _accounts_file(Path(path)), ()
    defaulted = []
    values = {}
    for name, default in (
        ("TELNYX_API_KEY", DEFAULT_API_KEY),
        ("TELNYX_V1_KEY", DEFAULT_V1_KEY),
        ("TELNYX_V1_SECRET", DEFAULT_V1_SECRET),
    ):
        values[name] = env.get(name) or default
        if not env.get(name):
            defaulted.append(name)
    account = Account(
        name="default",
        api_key=values["TELNYX_API_KEY"],
        v1_key=values["TELNYX_V1_KEY"],
        v1_secret=values["TELNYX_V1_SECRET"],
    )
    return (account,), tuple(defaulted)


def _accounts_file(path: Path) -> tuple[Account, ...]:
    try:
        text = path.read_text(encoding="utf-8")
        data = json.loads(text) if path.suffix == ".json" else yaml.safe_load(text)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise ConfigError(f"REFSERVER_ACCOUNTS: cannot read {path}: {exc}") from None
    items = data.get("accounts") if isinstance(data, dict) else data
    if not isinstance(items, list) or not items:
        raise ConfigError(f"{path}: expected a non-empty list under `accounts`")
    accounts = []
    for i, item in enumerate(items):
        try:
            account = Account(
                name=str(item.get("name") or f"account{i + 1}"),
                api_key=str(item["api_key"]),
                v1_key=str(item["v1_key"]),
                v1_secret=str(item["v1_secret"]),
            )
        except (KeyError, AttributeError, TypeError):
            raise ConfigError(f"{path}: account {i + 1} needs api_key, v1_key and v1_secret") from None
        accounts.append(account)
    for attr in ("name", "api_key", "v1_key"):
        values = [getattr(a, attr) for a in accounts]
        if len(set(values)) != len(values):
            raise ConfigError(f"{path}: two accounts share a {attr}")
    return tuple(accounts)


def _faults(env: Mapping[str, str]) -> frozenset[str]:
    if env.get("REFSERVER_ENABLE_FAULTS") != "1":
        return frozenset()
    names = frozenset(f.strip() for f in env.get("REFSERVER_FAULTS", "").split(",") if f.strip())
    unknown = names - KNOWN_FAULTS
    if unknown:
        raise ConfigError(f"REFSERVER_FAULTS: unknown faults {sorted(unknown)}")
    return names
