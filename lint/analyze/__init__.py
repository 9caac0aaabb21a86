"""Analyze: from a `SourceText` to the located `Document` model."""

from __future__ import annotations

from lint.analyze.annexes import extract_annexes
from lint.analyze.context import AnalysisContext
from lint.analyze.dates import extract_dates
from lint.analyze.groups import extract_groups
from lint.analyze.kind import detect_kind
from lint.analyze.parties import extract_parties
from lint.analyze.priorities import extract_priority_areas
from lint.analyze.revisions import extract_revisions
from lint.analyze.sentences import split_sentences
from lint.analyze.signatures import extract_signatures
from lint.model import Document, SourceText
from lint.pack import Pack
from lint.segment import segment


def analyze(source: SourceText, pack: Pack) -> Document:
    sections = segment(source, pack.template)
    sentences = split_sentences(source, sections)
    kind = detect_kind(source, sections, pack.vocab)
    ctx = AnalysisContext(source, sections, sentences, kind, pack.vocab, pack.template)
    parties = extract_parties(ctx)
    annexes, references = extract_annexes(ctx)
    dates, validity = extract_dates(ctx)
    return Document(
        source=source,
        kind=kind,
        sections=sections,
        sentences=sentences,
        parties=parties.parties,
        defined_terms=parties.defined_terms,
        copies=parties.copies,
        org_numbers=parties.org_numbers,
        annexes=annexes,
        annex_references=references,
        groups=extract_groups(ctx, parties.parties),
        revisions=extract_revisions(ctx),
        validity=validity,
        dates=dates,
        signatures=extract_signatures(ctx, parties.parties),
        priority_areas=extract_priority_areas(ctx),
    )
