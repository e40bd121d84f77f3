"""The one error type the generator reports to its user: :class:`specmodel.SpecError`."""

from __future__ import annotations

from specmodel import SpecError, join_pointer

__all__ = ["SpecError", "join_pointer"]
