"""Webhook-handler fuzzing: signed webhooks generated from the spec's ``webhooks`` section, sent to a handler.

``python -m fuzzer.handlers TARGET_URL`` (console command ``telnyx-cc-fuzz-webhooks``, ``make fuzz-webhooks
TARGET=URL``), or :func:`run` from a test (the pytest plugin's ``fuzz_webhooks`` fixture).
"""

from __future__ import annotations

from .cases import CHECKS, Case, build_cases
from .runner import Finding, Report, Result, run
from .signing import Signer

__all__ = ["CHECKS", "Case", "Finding", "Report", "Result", "Signer", "build_cases", "run"]
