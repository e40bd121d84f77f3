"""Pages of page-numbered lists: iterate one, and you get every item of every page."""

from __future__ import annotations

from collections.abc import (
    AsyncIterator,
    Awaitable,
    Callable,
    Coroutine,
    Generator,
    Iterator,
    Mapping,
)
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

import pydantic

__all__ = ["AsyncPage", "AsyncPaginator", "PageInfo", "SyncPage"]

_T = TypeVar("_T")


@dataclass(frozen=True)
class PageInfo:
    """Where a paginated operation keeps its page number, items and page count."""

    parameter: str
    """The query parameter that selects the page (1-based)."""
    items: str
    """JSON pointer to the list of items in the body."""
    page_number: str
    """JSON pointer to the current page's number in the body."""
    total_pages: str
    """JSON pointer to the number of pages in the body."""


def json_pointer(value: object, pointer: str) -> object:
    """The value at a JSON pointer into a parsed body (models are read by wire name)."""
    for token in pointer.split("/")[1:]:
        token = token.replace("~1", "/").replace("~0", "~")
        if isinstance(value, pydantic.BaseModel):
            fields = type(value).model_fields
            name = next((n for n, f in fields.items() if (f.alias or n) == token), None)
            value = getattr(value, name) if name else (value.model_extra or {}).get(token)
        elif isinstance(value, Mapping):
            value = value.get(token)
        elif isinstance(value, list) and token.isdigit() and int(token) < len(value):
            value = value[int(token)]
        else:
            return None
    return value


class _BasePage(Generic[_T]):
    def __init__(self, body: object, info: PageInfo, query: Mapping[str, object]) -> None:
        self.body = body
        """The whole parsed body of this page."""
        self._info = info
        self._query = query
        items = json_pointer(body, info.items)
        self.data: list[_T] = cast("list[_T]", items if isinstance(items, list) else [])
        """The items of this page."""

    @property
    def page_number(self) -> int | None:
        number = json_pointer(self.body, self._info.page_number)
        return number if isinstance(number, int) else None

    @property
    def total_pages(self) -> int | None:
        total = json_pointer(self.body, self._info.total_pages)
        return total if isinstance(total, int) else None

    def has_next_page(self) -> bool:
        """Whether another page follows this one."""
        number, total = self.page_number, self.total_pages
        return bool(self.data) and number is not None and total is not None and number < total

    def _next_query(self) -> dict[str, object]:
        if not self.has_next_page():
            raise IndexError("this is the last page")
        return {**self._query, self._info.parameter: cast(int, self.page_number) + 1}

    def __getattr__(self, name: str) -> Any:
        # The body's other fields (``meta``, ...) are reachable on the page itself.
        if name.startswith("_") or name in {"body", "data"}:
            raise AttributeError(name)
        return getattr(self.body, name)

    def __repr__(self) -> str:
        return (
            f"<{type(self).__name__} {self.page_number}/{self.total_pages}: {len(self.data)} items>"
        )


class SyncPage(_BasePage[_T]):
    """One page of a list; iterating it yields the items of this page and every next one."""

    def __init__(
        self,
        body: object,
        info: PageInfo,
        query: Mapping[str, object],
        fetch: Callable[[Mapping[str, object]], SyncPage[_T]],
    ) -> None:
        super().__init__(body, info, query)
        self._fetch = fetch

    def next_page(self) -> SyncPage[_T]:
        """Request the next page (raises :class:`IndexError` on the last one)."""
        return self._fetch(self._next_query())

    def iter_pages(self) -> Iterator[SyncPage[_T]]:
        """This page, then every next one."""
        page = self
        yield page
        while page.has_next_page():
            page = page.next_page()
            yield page

    def __iter__(self) -> Iterator[_T]:
        for page in self.iter_pages():
            yield from page.data


class AsyncPage(_BasePage[_T]):
    """One page of a list; ``async for`` yields the items of this page and every next one."""

    def __init__(
        self,
        body: object,
        info: PageInfo,
        query: Mapping[str, object],
        fetch: Callable[[Mapping[str, object]], Awaitable[AsyncPage[_T]]],
    ) -> None:
        super().__init__(body, info, query)
        self._fetch = fetch

    async def next_page(self) -> AsyncPage[_T]:
        """Request the next page (raises :class:`IndexError` on the last one)."""
        return await self._fetch(self._next_query())

    async def iter_pages(self) -> AsyncIterator[AsyncPage[_T]]:
        """This page, then every next one."""
        page = self
        yield page
        while page.has_next_page():
            page = await page.next_page()
            yield page

    async def __aiter__(self) -> AsyncIterator[_T]:
        async for page in self.iter_pages():
            for item in page.data:
                yield item


class AsyncPaginator(Generic[_T]):
    """What an async list method returns; no request is sent until it is used.

    ``await`` it for the first page (an :class:`AsyncPage`), or ``async for`` over it for
    every item of every page: ``async for item in client.RESOURCE.list(): ...``.
    """

    def __init__(self, first_page: Callable[[], Coroutine[Any, Any, AsyncPage[_T]]]) -> None:
        self._first_page = first_page

    def __await__(self) -> Generator[Any, None, AsyncPage[_T]]:
        return self._first_page().__await__()

    async def __aiter__(self) -> AsyncIterator[_T]:
        page = await self._first_page()
        async for item in page:
            yield item
