"""Steering, preparatory and working groups with members and meetings (issue: organisation)."""

from __future__ import annotations

from lint.analyze.context import AnalysisContext
from lint.model import Group


def extract_groups(ctx: AnalysisContext) -> tuple[Group, ...]:
    return ()
