from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadLimits:
    """Bounds that keep a hostile file from exhausting the machine."""

    max_bytes: int = 50 * 1024 * 1024
    max_pages: int = 500
    max_chars: int = 5_000_000
    max_seconds: float = 120.0
    max_docx_uncompressed: int = 200 * 1024 * 1024
