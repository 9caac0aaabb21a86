"""Parties, defined terms and the copies clause (issue: parties)."""

from __future__ import annotations

from dataclasses import dataclass

from lint.analyze.context import AnalysisContext
from lint.model import CopiesClause, DefinedTerm, Party


@dataclass(frozen=True)
class PartiesResult:
    parties: tuple[Party, ...] = ()
    defined_terms: tuple[DefinedTerm, ...] = ()
    copies: tuple[CopiesClause, ...] = ()


def extract_parties(ctx: AnalysisContext) -> PartiesResult:
    return PartiesResult()
