"""specmodel: the one reader of OpenAPI specs and of the ``x-`` extensions of spec/README.md.

The generator, the reference server, the fuzzer and the tests all read specs through this
package: it loads YAML/JSON documents (multi-file ones included), resolves ``$ref``s,
validates with openapi-spec-validator, and gives typed views. Nothing in it is specific to
one API; it imports nothing from the rest of the project.
"""

from __future__ import annotations

from .bundle import bundle
from .checks import load
from .documents import HTTP_METHODS, HTTP_METHODS_32, Document, Node, Workspace, iter_operations, iter_subschemas
from .errors import SpecError, join_pointer, split_pointer
from .extensions import EventExtensions, Pagination, WebhookSignature, WebhookStep
from .model import (
    SPEC_DIR,
    MediaType,
    Operation,
    Parameter,
    RequestBody,
    Response,
    SecurityScheme,
    Spec,
    Tag,
    WebhookEntry,
    api_documents,
    build_spec,
    default_spec,
    document_tags,
    load_dir,
    load_spec,
)
from .steps import Slot, matches, occurs, slots_for

__all__ = [
    "HTTP_METHODS",
    "HTTP_METHODS_32",
    "SPEC_DIR",
    "Document",
    "EventExtensions",
    "MediaType",
    "Node",
    "Operation",
    "Pagination",
    "Parameter",
    "RequestBody",
    "Response",
    "SecurityScheme",
    "Slot",
    "Spec",
    "SpecError",
    "Tag",
    "WebhookEntry",
    "WebhookSignature",
    "WebhookStep",
    "Workspace",
    "api_documents",
    "build_spec",
    "bundle",
    "default_spec",
    "document_tags",
    "iter_operations",
    "iter_subschemas",
    "join_pointer",
    "load",
    "load_dir",
    "load_spec",
    "matches",
    "occurs",
    "slots_for",
    "split_pointer",
]
