"""Fixtures of the spec tests."""

from __future__ import annotations

from typing import Any

import pytest

from tests.spec.official import MISSING, official_document


@pytest.fixture(scope="session")
def official() -> dict[str, Any]:
    """Telnyx's official OpenAPI document, parsed once; the test skips when it is absent."""
    doc = official_document()
    if doc is None:
        pytest.skip(MISSING)
    return doc
