"""Dates in every common Swedish form and the validity clauses (issue: dates)."""

from __future__ import annotations

from lint.analyze.context import AnalysisContext
from lint.model import DateMention, Validity


def extract_dates(ctx: AnalysisContext) -> tuple[tuple[DateMention, ...], tuple[Validity, ...]]:
    return (), ()
