"""The server rows' verdicts from given figures: which ratios each target reads, and how."""

from __future__ import annotations

from bench.loadgen import WrkRun
from bench.server import Figures, Measured, Series, build_rows

LATENCY = {"p50": 1000.0, "p90": 2000.0, "p99": 5000.0, "p999": 9000.0, "max": 9000.0, "mean": 1200.0}


def run(rps: float, *, seconds: float = 3.0, cpu_us: float = 100.0, drain: float | None = 0.0) -> Measured:
    requests = round(rps * seconds)
    wrk = WrkRun(requests, seconds, {"status": 0}, LATENCY, cpu_seconds=requests * 10e-6)
    return Measured(wrk, server_cpu_s=requests * cpu_us * 1e-6, server_wait_s=0.1, wall_s=seconds, drain_s=drain)


def series(*runs: Measured) -> Series:
    return Series(list(runs))


def pcts(p99: float) -> dict[str, float]:
    return {"p50": 2.0, "p99": p99, "p99.9": p99 + 1, "n": 1000}


def latency(p99: float) -> dict[str, object]:
    driver = {"send_lag_ms": pcts(1.0), "cpu_share_of_core": 0.05}
    return {
        "rate": 100.0,
        "seconds": 10,
        "requests": 1000,
        "failed": 0,
        "statuses": [200],
        "request_ms": pcts(5.0),
        "command_to_webhook_ms": pcts(p99),
        "server_share_ms": pcts(p99 / 2),
        "webhooks_missing": 0,
        "drain_s": 0.1,
        "server_cpu_share_of_core": 0.5,
        "server_cpu_wait_share": 0.1,
        "driver": driver,
    }


def figures(*, retrieve: float, prism: float, command_drain: float | None = 0.0, p99_50: float = 10.0) -> Figures:
    fig = Figures(stack=("uvloop", "httptools"), per_command=2)
    fig.calibration = series(run(60000), run(50000))
    fig.ceiling_a = series(run(10000))
    fig.ceiling_b = series(run(10000))
    fig.ours = {
        "retrieve": series(run(retrieve)),
        "list": series(run(2000)),
        "create": series(run(1000)),
        "command": series(run(3000, drain=command_drain)),
    }
    fig.prism = {"retrieve": series(run(prism)), "list": series(run(prism)), "create": series()}
    fig.latency = {25: latency(5.0), 50: latency(p99_50), 75: latency(50.0)}
    samples = [[i, 0.0, 0.0001, 0.0002, 200] for i in range(100)]
    fig.driver_alone = {
        "samples": samples,
        "requests": 100,
        "schedule_seconds": 1.0,
        "cpu_seconds": 0.01,
        "wall_seconds": 1.0,
        "connections": 2,
        "unanswered": 0,
        "loop": "uvloop",
    }
    fig.rss = (50.0, 55.0, 56.0)
    return fig


def verdicts(fig: Figures) -> dict[str, str]:
    return {row.name: row.verdict for row in build_rows(fig)}


def test_retrieve_needs_both_the_ceiling_and_the_prism_ratio() -> None:
    assert verdicts(figures(retrieve=6000, prism=3000))["server: retrieve"] == "met"
    assert verdicts(figures(retrieve=5900, prism=1000))["server: retrieve"] == "MISSED"  # 0.59x the ceiling
    assert verdicts(figures(retrieve=6000, prism=3100))["server: retrieve"] == "MISSED"  # 1.94x Prism


def test_calibration_compares_best_runs_and_other_targets() -> None:
    v = verdicts(figures(retrieve=6000, prism=3000))
    assert v["calibration: wrk"] == "met"  # 60,000 best against 10,000
    assert v["server: command+webhooks"] == "met"  # 3,000 sustained against 10,000
    assert v["latency at 50% load"] == "met" and v["latency at 25% load"] == "recorded"
    assert v["server RSS"] == "met"  # 1.1x
    assert verdicts(figures(retrieve=6000, prism=3000, p99_50=20.0))["latency at 50% load"] == "MISSED"


def test_a_command_run_whose_webhooks_lag_counts_them_in_its_rate() -> None:
    lagging = run(3000, drain=3.0)  # every webhook in, 3 s after a 3 s run: half the rate
    assert lagging.rps == 1500
    assert verdicts(figures(retrieve=6000, prism=3000, command_drain=8.0))["server: command+webhooks"] == "MISSED"
    missing = figures(retrieve=6000, prism=3000, command_drain=None)
    rows = {row.name: row for row in build_rows(missing)}
    assert rows["server: command+webhooks"].verdict == "MISSED"
    assert "SOME WEBHOOKS NEVER ARRIVED" in rows["server: command+webhooks"].ours
