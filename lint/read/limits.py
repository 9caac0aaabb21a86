"""Bounds that keep a hostile file from exhausting the machine, configurable per run."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from typing import Any

from lint.errors import UsageError


@dataclass(frozen=True)
class ReadLimits:
    """Bounds that keep a hostile file from exhausting the machine."""

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    max_chars: int = 5_000_000
    max_seconds: float = 120.0  # per file: reading, analysis and checks
    max_docx_uncompressed: int = 200 * 1024 * 1024
    max_docx_parts: int = 5_000
    # Text XML packs about 5-20 times; a part packing far better is a decompression bomb.
    max_docx_ratio: float = 200.0

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None, origin: str = "settings") -> ReadLimits:
        """Limits from a `limits` table (`max-pages = 800`, `max-seconds = 60`, ...)."""
        if not values:
            return cls()
        if not isinstance(values, Mapping):
            raise UsageError(f"{origin}: limits must be a table such as {{max-pages = 800}}")
        known = {f.name.replace("_", "-"): f for f in fields(cls)}
        changes: dict[str, Any] = {}
        for key, value in values.items():
            spec = known.get(key)
            if spec is None:
                raise UsageError(
                    f"{origin}: unknown limit '{key}'; known limits are {', '.join(sorted(known))}"
                )
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise UsageError(f"{origin}: limit {key} must be a positive number")
            is_float = spec.type in (float, "float")
            changes[spec.name] = float(value) if is_float else int(value)
        return replace(cls(), **changes)
