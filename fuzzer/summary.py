"""Read schemathesis NDJSON reports (and the call-flow tally) into a per-check table."""

from __future__ import annotations

import base64
import json
import shlex
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class CheckStats:
    run: int = 0
    passed: int = 0
    failed: int = 0


@dataclass
class FailureRecord:
    source: str  # "v1", "v2" or "callflows"
    check: str
    operation: str
    title: str
    message: str
    reproduce: str


@dataclass
class Summary:
    checks: dict[str, CheckStats] = field(default_factory=dict)
    failures: list[FailureRecord] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    accepted: dict[str, set[str]] = field(default_factory=dict)  # source -> operations answered 2xx
    source: str = ""  # the part this summary is of (v1, calls-v2, callflows, ...), for `sources`
    sources: dict[str, dict[str, CheckStats]] = field(default_factory=dict)  # source -> check -> stats

    def accept(self, source: str, operation: str) -> None:
        self.accepted.setdefault(source, set()).add(operation)

    def add(self, check: str, ok: bool) -> None:
        for stats in (
            self.checks.setdefault(check, CheckStats()),
            self.sources.setdefault(self.source, {}).setdefault(check, CheckStats()),
        ):
            stats.run += 1
            if ok:
                stats.passed += 1
            else:
                stats.failed += 1

    def merge(self, other: Summary) -> None:
        for name, stats in other.checks.items():
            mine = self.checks.setdefault(name, CheckStats())
            mine.run += stats.run
            mine.passed += stats.passed
            mine.failed += stats.failed
        self.failures.extend(other.failures)
        self.errors.extend(other.errors)
        for source, operations in other.accepted.items():
            self.accepted.setdefault(source, set()).update(operations)
        for source, checks in other.sources.items():
            for name, stats in checks.items():
                mine = self.sources.setdefault(source, {}).setdefault(name, CheckStats())
                mine.run += stats.run
                mine.passed += stats.passed
                mine.failed += stats.failed

    @property
    def failed_checks(self) -> set[str]:
        return {name for name, stats in self.checks.items() if stats.failed} | {f.check for f in self.failures}

    def render(self) -> str:
        lines = ["", "Per-check summary (cases checked):", ""]
        width = max([len(n) for n in self.checks] + [5])
        lines.append(f"  {'check':<{width}}  {'run':>6}  {'passed':>6}  {'failed':>6}")
        for name in sorted(self.checks):
            s = self.checks[name]
            mark = "FAIL" if s.failed else "ok"
            lines.append(f"  {name:<{width}}  {s.run:>6}  {s.passed:>6}  {s.failed:>6}  {mark}")
        if self.failures:
            lines += ["", f"Failures ({len(self.failures)} unique):"]
            for i, f in enumerate(self.failures, 1):
                lines.append(f"  {i}. [{f.source}] {f.check} on {f.operation}: {f.title}")
                for text in f.message.strip().splitlines()[:8]:
                    lines.append(f"       {text}")
                if f.reproduce:
                    lines.append(f"     reproduce: {f.reproduce}")
        if self.errors:
            lines += ["", "Errors:"] + [f"  - {e}" for e in self.errors]
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        return {
            "checks": {k: vars(v) for k, v in sorted(self.checks.items())},
            "failures": [vars(f) for f in self.failures],
            "errors": self.errors,
            "accepted": {source: sorted(ops) for source, ops in sorted(self.accepted.items())},
            "sources": {
                source: {k: vars(v) for k, v in sorted(checks.items())}
                for source, checks in sorted(self.sources.items())
                if source
            },
        }


def _decode_body(body: Any) -> str | None:
    if body is None:
        return None
    if isinstance(body, dict) and "$base64" in body:
        raw = base64.b64decode(body["$base64"])
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return None
    if isinstance(body, str):
        return body
    return json.dumps(body)


def curl_for(request: dict[str, Any], source: str) -> str:
    """A curl command for a recorded request; filtered credentials become env-var references."""
    parts = ["curl", "-X", request.get("method", "GET")]
    for name, values in (request.get("headers") or {}).items():
        for value in values if isinstance(values, list) else [values]:
            if name.lower() == "authorization" and value == "[Filtered]":
                if source == "v1":
                    parts.append('-u "$TELNYX_V1_KEY:$TELNYX_V1_SECRET"')
                else:
                    parts.append('-H "Authorization: Bearer $TELNYX_API_KEY"')
                continue
            parts += ["-H", shlex.quote(f"{name}: {value}")]
    body = _decode_body(request.get("body"))
    if body is not None:
        parts += ["-d", shlex.quote(body)]
    parts.append(shlex.quote(request.get("uri", "")))
    return " ".join(parts)


def read_ndjson(path: Path, source: str) -> Summary:
    summary = Summary(source=source)
    if not path.exists():
        summary.errors.append(f"{source}: no NDJSON report at {path}")
        return summary
    seen_checks: set[tuple[str, str, str, str]] = set()
    seen_failures: set[tuple[str, str, str, str]] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            event = json.loads(line)
        except ValueError:
            continue
        if "NonFatalError" in event:
            err = event["NonFatalError"]
            summary.errors.append(f"{source}: {err.get('label', '')}: {json.dumps(err.get('value'))[:300]}")
        if "FatalError" in event:
            summary.errors.append(f"{source}: fatal: {json.dumps(event['FatalError'])[:300]}")
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished.get("recorder") or {}
        label = recorder.get("label", "")
        for interaction in (recorder.get("interactions") or {}).values():
            status = ((interaction or {}).get("response") or {}).get("status_code")
            if isinstance(status, int) and 200 <= status < 300:
                summary.accept(source, label)
        for case_id, results in (recorder.get("checks") or {}).items():
            for result in results:
                name, status = result.get("name", "?"), result.get("status")
                key = (finished.get("id", ""), case_id, name, status or "")
                if key in seen_checks or status not in ("success", "failure"):
                    continue
                seen_checks.add(key)
                summary.add(name, status == "success")
                if status != "failure":
                    continue
                failure = (result.get("failure_info") or {}).get("failure") or {}
                operation = failure.get("operation") or label
                title = failure.get("title", "")
                message = failure.get("message", "")
                fkey = (name, operation, title, message.splitlines()[0] if message else "")
                if fkey in seen_failures:
                    continue
                seen_failures.add(fkey)
                interaction = (recorder.get("interactions") or {}).get(case_id) or {}
                request = interaction.get("request")
                reproduce = curl_for(request, source) if request else ""
                summary.failures.append(FailureRecord(source, name, operation, title, message, reproduce))
    return summary


def combine(parts: Iterable[Summary]) -> Summary:
    total = Summary()
    for part in parts:
        total.merge(part)
    return total
