"""The one error type for a problem in a spec document, and JSON pointer helpers."""

from __future__ import annotations

from urllib.parse import unquote


class SpecError(Exception):
    """A problem with an input document, located by file and JSON pointer (or line)."""

    def __init__(
        self,
        file: str,
        message: str,
        *,
        pointer: str | None = None,
        line: int | None = None,
        lenient_ok: bool = False,
    ) -> None:
        super().__init__(message)
        self.lenient_ok = lenient_ok
        self.file = file
        self.message = message
        self.pointer = pointer
        self.line = line

    def __str__(self) -> str:
        if self.line is not None:
            where = f"{self.file}:{self.line}"
        elif self.pointer is not None:
            where = f"{self.file}#{self.pointer}"
        else:
            where = self.file
        return f"{where}: {self.message}"

    def as_tuple(self) -> tuple[str, str, str | None, int | None, bool]:
        """The error as plain data, to cross a process boundary."""
        return (self.file, self.message, self.pointer, self.line, self.lenient_ok)

    @classmethod
    def from_tuple(cls, data: tuple[str, str, str | None, int | None, bool]) -> SpecError:
        file, message, pointer, line, lenient_ok = data
        return cls(file, message, pointer=pointer, line=line, lenient_ok=lenient_ok)


def escape_pointer_token(token: str | int) -> str:
    """Escape one JSON pointer reference token (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def unescape_pointer_token(token: str) -> str:
    """Unescape one reference token of a JSON pointer taken from a URI fragment."""
    return unquote(token).replace("~1", "/").replace("~0", "~")


def join_pointer(pointer: str, *tokens: str | int) -> str:
    """Append reference tokens to a JSON pointer."""
    return pointer + "".join("/" + escape_pointer_token(t) for t in tokens)


def split_pointer(pointer: str) -> tuple[str, ...]:
    """The reference tokens of a JSON pointer (``""`` is the whole document)."""
    if not pointer:
        return ()
    return tuple(unescape_pointer_token(t) for t in pointer.split("/")[1:])
