"""Stage 1: the generator reads specs through :mod:`specmodel`, the project's one spec reader.

Kept as the generator's import point for the loader's names, so that its stages say
``from .load import ...``; nothing here reads a document itself.
"""

from __future__ import annotations

from specmodel import HTTP_METHODS, Document, Node, Workspace, iter_operations, iter_subschemas, load

__all__ = ["HTTP_METHODS", "Document", "Node", "Workspace", "iter_operations", "iter_subschemas", "load"]
