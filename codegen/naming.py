"""Turn names found in a spec into Python names.

Every function here is pure and deterministic; the IR builder decides *which* names to ask for
and resolves collisions with :class:`NameSet`.
"""

from __future__ import annotations

import keyword
import re

_WORD_RE = re.compile(r"[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+[0-9]*|[A-Z]+[0-9]*|[0-9]+[a-z]*")
_SOFT_KEYWORDS = {"match", "case", "type", "_"}


def words(text: str) -> list[str]:
    """Split any identifier-ish text into lower-case words.

    ``petSendHTTP`` -> ``pet send http``; ``page[number]`` -> ``page number``;
    ``Store Orders`` -> ``store orders``.
    """
    out: list[str] = []
    for chunk in re.split(r"[^A-Za-z0-9]+", text):
        out.extend(m.group(0).lower() for m in _WORD_RE.finditer(chunk))
    return out


def snake(text: str) -> str:
    """``petSendHttp`` -> ``pet_send_http``; never returns an invalid identifier."""
    return safe_identifier("_".join(words(text)))


def pascal(text: str) -> str:
    """``pet.adopted`` -> ``PetAdopted``; never returns an invalid identifier."""
    name = "".join(w[:1].upper() + w[1:] for w in words(text))
    if not name:
        return "Model"
    if name[0].isdigit():
        name = "N" + name
    return name


def safe_identifier(name: str) -> str:
    """Make ``name`` a valid, non-keyword Python identifier (``from`` -> ``from_``)."""
    name = re.sub(r"\W", "_", name)
    if not name:
        return "_"
    if name[0].isdigit():
        name = "_" + name
    if keyword.iskeyword(name) or name in _SOFT_KEYWORDS:
        name += "_"
    return name


def upper_snake(text: str) -> str:
    """``call_control`` -> ``CALL_CONTROL``."""
    return snake(text).upper().strip("_")


def singular_words(ws: list[str]) -> list[str]:
    """Singularise the last word of a word run (``categories`` -> ``category``)."""
    if not ws:
        return ws
    last = ws[-1]
    if last.endswith("ies") and len(last) > 4:
        last = last[:-3] + "y"
    elif last.endswith(("sses", "xes", "ches", "shes")):
        last = last[:-2]
    elif last.endswith("s") and not last.endswith("ss") and len(last) > 3:
        last = last[:-1]
    return [*ws[:-1], last]


def strip_resource_words(op_words: list[str], resource_words: list[str]) -> list[str]:
    """Remove the resource's name from an operation's words.

    The longest leading or trailing run of ``op_words`` that names the resource (singular or
    plural, or a leading/trailing part of its name) is removed, provided a word remains:
    ``pet feed`` in ``pets`` -> ``feed``;
    ``list store orders`` in ``store orders`` -> ``list``.
    """
    forms = [resource_words, singular_words(resource_words)]
    best: list[str] = op_words
    for form in forms:
        # Trailing run: a suffix of the op words equal to a suffix of the resource name.
        for n in range(min(len(form), len(op_words) - 1), 0, -1):
            if op_words[-n:] == form[-n:]:
                if len(op_words) - n < len(best):
                    best = op_words[:-n]
                break
        # Leading run: a prefix of the op words equal to a prefix of the resource name.
        for n in range(min(len(form), len(op_words) - 1), 0, -1):
            if op_words[:n] == form[:n]:
                if len(op_words) - n < len(best):
                    best = op_words[n:]
                break
    return best


class NameSet:
    """Hands out unique names in one namespace, deterministically.

    ``claim("id")`` returns ``id``; a second ``claim("id")`` returns ``id_2``.
    """

    def __init__(self, reserved: set[str] | frozenset[str] = frozenset(), sep: str = "_") -> None:
        self._taken: set[str] = set(reserved)
        self._sep = sep

    def __contains__(self, name: str) -> bool:
        return name in self._taken

    def claim(self, name: str) -> str:
        candidate = name
        n = 2
        while candidate in self._taken:
            candidate = f"{name}{self._sep}{n}"
            n += 1
        self._taken.add(candidate)
        return candidate


# Names a resource module or the client module imports besides its models: a resource class may not take them.
RESERVED_CLASS_NAMES = frozenset(
    {"Client", "AsyncClient", "Webhooks", "WebhookParser", "WebhookStep", "NotGiven", "SecurityScheme"}
    | {"SyncAPIResource", "AsyncAPIResource", "SyncAPIClient", "AsyncAPIClient", "SyncPage", "AsyncPage"}
    | {"AsyncPaginator", "PageInfo", "APIResponse", "UnwrapWebhookEvent", "Any", "Literal", "Final"}
)


def resource_class_name(module: str, models: set[str] | frozenset[str] | dict[str, object]) -> str:
    """The class of a resource: PascalCase of its module, ``...Resource`` when a model or an
    imported name already has that name (tag ``Batch`` beside schema ``Batch``; tag ``Webhooks``)."""
    name = pascal(module)
    while name in models or name in RESERVED_CLASS_NAMES or f"Async{name}" in models:
        name += "Resource"
    return name
