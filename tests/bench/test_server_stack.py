"""REFSERVER_LOOP / REFSERVER_HTTP: the compiled stack when it imports, the pure-Python one on request."""

from __future__ import annotations

import importlib.util

import pytest

from refserver import config
from refserver.config import Config, ConfigError


def test_auto_picks_the_compiled_stack_when_it_imports() -> None:
    cfg = Config.from_env({})
    assert cfg.loop == ("uvloop" if importlib.util.find_spec("uvloop") else "asyncio")
    assert cfg.http == ("httptools" if importlib.util.find_spec("httptools") else "h11")


def test_the_pure_python_stack_can_be_chosen() -> None:
    cfg = Config.from_env({"REFSERVER_LOOP": "asyncio", "REFSERVER_HTTP": "h11"})
    assert (cfg.loop, cfg.http) == ("asyncio", "h11")


def test_auto_falls_back_when_the_compiled_package_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(config, "LOOPS", {"uvloop": "no_such_module_for_the_bench_test", "asyncio": None})
    monkeypatch.setattr(config, "HTTP_PARSERS", {"httptools": "no_such_module_for_the_bench_test", "h11": "h11"})
    cfg = Config.from_env({})
    assert (cfg.loop, cfg.http) == ("asyncio", "h11")
    with pytest.raises(ConfigError, match="REFSERVER_HTTP=httptools: the no_such_module_for_the_bench_test package"):
        Config.from_env({"REFSERVER_HTTP": "httptools"})


def test_an_unknown_choice_is_a_configuration_error() -> None:
    with pytest.raises(ConfigError, match="REFSERVER_LOOP must be auto or one of uvloop, asyncio, not 'trio'"):
        Config.from_env({"REFSERVER_LOOP": "trio"})
