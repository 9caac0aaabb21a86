"""Revision intervals of the agreement and of the situation picture (issue: organisation)."""

from __future__ import annotations

from lint.analyze.context import AnalysisContext
from lint.model import Revision


def extract_revisions(ctx: AnalysisContext) -> tuple[Revision, ...]:
    return ()
