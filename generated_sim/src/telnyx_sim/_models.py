"""The base class of every model in the package's ``models`` module."""

from __future__ import annotations

import pydantic


class BaseModel(pydantic.BaseModel):
    """A pydantic model that keeps fields it does not know (the API may add some).

    Fields are filled by their Python names or by their names on the wire.
    """

    model_config = pydantic.ConfigDict(
        populate_by_name=True, extra="allow", protected_namespaces=()
    )
