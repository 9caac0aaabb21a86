"""Coded errors for inputs that cannot be read. Messages live in `lint.messages`."""

from __future__ import annotations

from typing import Any


class ReadError(Exception):
    """A file could not be read; `code` is the report's error code.

    `limit` and `value` name the limit a file exceeded (`"pages"`, 500) so that the
    message can tell the reader which setting to raise; `detail` is for developers.
    """

    def __init__(
        self, code: str, detail: str = "", *, limit: str | None = None, value: float | None = None
    ) -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail
        self.limit = limit
        self.value = value

    def message(self, lang: str) -> str:
        from lint.messages import error_message

        return error_message(self.code, lang, limit=self.limit, value=self.value)

    def __reduce__(self) -> tuple[Any, ...]:
        # Keyword arguments do not survive the default exception pickling (worker processes).
        return (_rebuild_read_error, (self.code, self.detail, self.limit, self.value))


def _rebuild_read_error(
    code: str, detail: str, limit: str | None, value: float | None
) -> ReadError:
    return ReadError(code, detail, limit=limit, value=value)


class UsageError(Exception):
    """A usage or configuration error: exit status 2 with a clear message."""
