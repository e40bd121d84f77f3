"""Send the cases to a webhook handler and judge its answers.

Checks (each case names the ones that judge it):

* ``valid_event_accepted``: a valid, signed event of a known type (also with unknown extra
  fields, duplicates' originals, a call's events out of order) gets a 2xx.
* ``unknown_event_accepted``: a valid, signed event of an unknown type gets a 2xx.
* ``answers_within_timeout``: those answers come within the application's webhook timeout.
* ``rejects_forged_signature``: a forged signature, one made with another key, or a body
  changed after signing never gets a 2xx.
* ``rejects_unsigned``: a webhook missing the signature or timestamp header never gets a 2xx.
* ``rejects_stale_timestamp``: a correctly signed webhook whose timestamp is past the
  tolerance (old or in the future) never gets a 2xx.
* ``duplicate_same_answer``: an exact duplicate (same event id) gets the status of its original.
* ``no_server_error``: no case gets a 5xx (malformed JSON and a 1 MiB body included).
"""

from __future__ import annotations

import os
import shlex
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from specmodel import Spec, default_spec

from . import cases as c
from .report import write_reports
from .signing import Signer


@dataclass
class Result:
    case: c.Case
    status: int | None
    elapsed: float
    error: str | None = None
    answer: str = ""


@dataclass
class Finding:
    check: str
    case: str
    message: str
    status: int | None
    curl: str


@dataclass
class Report:
    target: str
    public_key: str
    key_source: str
    results: list[Result] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    tally: dict[str, list[int]] = field(default_factory=dict)  # check -> [run, failed]

    @property
    def ok(self) -> bool:
        return not self.findings

    @property
    def failed_checks(self) -> set[str]:
        return {finding.check for finding in self.findings}

    def assert_ok(self) -> None:
        """For a pytest test of a handler: fails listing every finding and its curl reproduction."""
        if self.findings:
            lines = [f"{f.check}: {f.case}: {f.message}\n  {f.curl}" for f in self.findings]
            raise AssertionError("webhook handler fuzzing found problems:\n" + "\n".join(lines))


def curl(url: str, case: c.Case, body_file: Path | None) -> str:
    parts = ["curl", "-sS", "-X", "POST", shlex.quote(url)]
    for name, value in case.headers.items():
        parts += ["-H", shlex.quote(f"{name}: {value}")]
    if body_file is not None:
        parts += ["--data-binary", shlex.quote(f"@{body_file}")]
    else:
        parts += ["--data-binary", shlex.quote(case.body.decode("utf-8", "replace"))]
    return " ".join(parts)


def judge(result: Result, answers: dict[str, Result], timeout: float) -> list[tuple[str, str]]:
    """(check, message) for every check of the case that the answer fails."""
    case, status = result.case, result.status
    got = f"answered {status}" if status is not None else f"no answer ({result.error})"
    ok2xx = status is not None and 200 <= status < 300
    failed = []
    for check in case.checks:
        if check in (c.VALID_EVENT_ACCEPTED, c.UNKNOWN_EVENT_ACCEPTED) and not ok2xx:
            failed.append((check, f"expected a 2xx, {got}"))
        elif check == c.ANSWERS_WITHIN_TIMEOUT and (status is None or result.elapsed > timeout):
            failed.append((check, f"took {result.elapsed:.3f} s, the timeout is {timeout:g} s; {got}"))
        elif check in (c.REJECTS_FORGED_SIGNATURE, c.REJECTS_UNSIGNED, c.REJECTS_STALE_TIMESTAMP) and ok2xx:
            failed.append((check, f"accepted ({status}) a webhook it must refuse: {case.kind}"))
        elif check == c.DUPLICATE_SAME_ANSWER:
            original = answers.get(case.duplicate_of or "")
            if original is None or original.status != status:
                first = original.status if original else None
                failed.append((check, f"the original got {first}, the duplicate {got}"))
        elif check == c.NO_SERVER_ERROR and status is not None and status >= 500:
            failed.append((check, f"server error: {got}: {result.answer[:200]}"))
    return failed


def run(
    target: str,
    *,
    signing_key: str | None = None,
    seed: int = 1,
    examples: int = 2,
    timeout: float = 2.0,
    report_dir: Path | str | None = None,
    clock: Callable[[], float] = time.time,
    spec: Spec | None = None,
    say: Callable[[str], None] | None = None,
    http_client: httpx.Client | None = None,
) -> Report:
    """Fuzz the webhook handler at ``target``; the report (also written to ``report_dir`` when given).

    ``signing_key`` is Base64 of the Ed25519 seed (default: ``TELNYX_SIGNING_KEY``, else a fresh
    key, whose public key is in the report). ``timeout`` is the application's webhook timeout.
    ``clock`` gives the timestamps and measures the answers (tests inject a fake one).
    """
    spec = spec or default_spec()
    scheme = spec.signature
    if scheme is None:
        raise ValueError("the spec has no x-webhook-signature: nothing to sign with")
    env = dict(os.environ)
    if signing_key is not None:
        env["TELNYX_SIGNING_KEY"] = signing_key
    signer = Signer.from_env(scheme, env)
    report = Report(target=target, public_key=signer.public_key, key_source=signer.source)
    if say:
        say(f"signing with {signer.source} key; public key {signer.public_key}")
    all_cases = c.build_cases(spec, signer, examples=examples, seed_value=seed)
    client = http_client or httpx.Client(trust_env=False, follow_redirects=False)
    answers: dict[str, Result] = {}
    try:
        for case in all_cases:
            now = int(clock())
            original = answers.get(case.reuse_headers_of or "")
            case.headers = dict(original.case.headers) if original else case.sign(now)
            start = clock()
            try:
                response = client.post(target, content=case.body, headers=case.headers, timeout=timeout + 5)
                result = Result(case, response.status_code, clock() - start, answer=response.text)
            except httpx.HTTPError as exc:
                result = Result(case, None, clock() - start, error=f"{type(exc).__name__}: {exc}")
            report.results.append(result)
            answers[case.name] = result
            failed = dict(judge(result, answers, timeout))
            for check in case.checks:
                tally = report.tally.setdefault(check, [0, 0])
                tally[0] += 1
                if check in failed:
                    tally[1] += 1
                    report.findings.append(Finding(check, case.name, failed[check], result.status, ""))
    finally:
        if http_client is None:
            client.close()
    write_reports(report, Path(report_dir) if report_dir else None)
    return report
