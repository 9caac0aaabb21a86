"""Prioritized collaboration areas named in the agreement (issue: dates/template/areas)."""

from __future__ import annotations

from lint.analyze.context import AnalysisContext
from lint.model import PriorityArea


def extract_priority_areas(ctx: AnalysisContext) -> tuple[PriorityArea, ...]:
    return ()
