"""The annex list and every annex reference (issue: annexes)."""

from __future__ import annotations

from lint.analyze.context import AnalysisContext
from lint.model import Annex, AnnexReference


def extract_annexes(ctx: AnalysisContext) -> tuple[tuple[Annex, ...], tuple[AnnexReference, ...]]:
    return (), ()
