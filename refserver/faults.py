"""Test-only fault injection: deliberate bugs the fuzzer's tests must be able to find.

Faults are read from REFSERVER_FAULTS (comma-separated names) only when
REFSERVER_ENABLE_FAULTS=1; otherwise the set is empty and every check below is False.
Each fault is consulted at exactly one place, through this object, so that the normal
code paths stay readable.

  no_auth               credentials are not checked (the first account is used)
  no_limit              `maxLength` / `maximum` of request bodies are not enforced
  crash                 a 500 when an application_name contains "boom"
  zombie_delete         a deleted application can still be read
  command_after_hangup  commands on an ended call answer 200 (and do nothing)
  webhook_missing       every second webhook of a call leg is never sent
  webhook_order         a call leg's webhooks are delivered out of order
  webhook_bad_signature webhooks carry a signature that does not verify
  surrogate_500         lone surrogates are not refused: they reach SQLite and the encoders (a 500)
  phantom_call          the channel a call request reserves is given back only when it commits:
                        a request refused after the channel_limit check leaves it taken
  timer_overflow        integers are not range-checked (no double bound, no `maximum`) and
                        timers are not clamped: a huge timeout is accepted, then overflows
  deep_nesting          the nesting depth of bodies is not checked (a RecursionError on deep input)
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Faults:
    enabled: frozenset[str] = frozenset()

    def on(self, name: str) -> bool:
        return name in self.enabled

    @property
    def no_auth(self) -> bool:
        return "no_auth" in self.enabled

    @property
    def no_limit(self) -> bool:
        return "no_limit" in self.enabled

    @property
    def crash(self) -> bool:
        return "crash" in self.enabled

    @property
    def zombie_delete(self) -> bool:
        return "zombie_delete" in self.enabled

    @property
    def command_after_hangup(self) -> bool:
        return "command_after_hangup" in self.enabled

    @property
    def webhook_missing(self) -> bool:
        return "webhook_missing" in self.enabled

    @property
    def webhook_order(self) -> bool:
        return "webhook_order" in self.enabled

    @property
    def webhook_bad_signature(self) -> bool:
        return "webhook_bad_signature" in self.enabled

    @property
    def surrogate_500(self) -> bool:
        return "surrogate_500" in self.enabled

    @property
    def phantom_call(self) -> bool:
        return "phantom_call" in self.enabled

    @property
    def timer_overflow(self) -> bool:
        return "timer_overflow" in self.enabled

    @property
    def deep_nesting(self) -> bool:
        return "deep_nesting" in self.enabled


class InjectedCrash(RuntimeError):
    """Raised by the `crash` fault; becomes a 500."""
