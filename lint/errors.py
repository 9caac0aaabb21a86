"""Coded errors for inputs that cannot be read. Messages live in `lint.messages`."""

from __future__ import annotations


class ReadError(Exception):
    """A file could not be read; `code` is the report's error code."""

    def __init__(self, code: str, detail: str = "") -> None:
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
        self.detail = detail


class UsageError(Exception):
    """A usage or configuration error: exit status 2 with a clear message."""
