"""Signature blocks: place and date, name, title, organisation (issue: parties)."""

from __future__ import annotations

from lint.analyze.context import AnalysisContext
from lint.model import Party, Signature


def extract_signatures(ctx: AnalysisContext, parties: tuple[Party, ...]) -> tuple[Signature, ...]:
    return ()
