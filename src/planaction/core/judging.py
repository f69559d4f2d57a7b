"""Each action judged once while one document is built from a plan (``judged_once``).

A document of several faces asks each action's RAG more than once: the workbook's action table,
its dashboard and its streams sheet, four times in all. Within ``judged_once`` the first answer for
an action, a day and a horizon is kept. The memo ends with the block and nothing outlives it; it is
for a plan that does not change meanwhile (its models are frozen).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, TypeVar

T = TypeVar("T")

#: What was judged, by (the subject's id, the key), while ``judged_once`` is in force (None outside it).
_MEMO: ContextVar[dict[tuple[Any, ...], tuple[object, Any]] | None] = ContextVar("judged", default=None)


@contextmanager
def judged_once() -> Iterator[None]:
    token = _MEMO.set({})
    try:
        yield
    finally:
        _MEMO.reset(token)


def remembered(subject: object, key: tuple[Any, ...], judge: Callable[..., T], *args: Any) -> T:
    """``judge(*args)``, or what it said of ``subject`` for ``key`` earlier in the block."""
    memo = _MEMO.get()
    if memo is None:
        return judge(*args)
    entry = (id(subject), *key)
    found = memo.get(entry)
    if found is not None and found[0] is subject:
        return found[1]
    said = judge(*args)
    memo[entry] = (subject, said)  # the subject kept with it: its id cannot be reused meanwhile
    return said
