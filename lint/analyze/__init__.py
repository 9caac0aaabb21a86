"""Analyze: from a `SourceText` to the located `Document` model."""

from __future__ import annotations

from dataclasses import replace

from lint.analyze.annexes import extract_annexes
from lint.analyze.context import AnalysisContext
from lint.analyze.dates import extract_dates
from lint.analyze.groups import extract_groups
from lint.analyze.kind import decide_from_cues, detect_kind, kind_cues
from lint.analyze.parties import extract_parties
from lint.analyze.priorities import extract_priority_areas
from lint.analyze.revisions import extract_revisions
from lint.analyze.sectionkinds import sections_by_content
from lint.analyze.sentences import split_sentences
from lint.analyze.signatures import extract_signatures
from lint.layout import lay_out, remap_spans
from lint.model import Document, Kind, Section, Sentence, SourceText
from lint.pack import Pack
from lint.segment import segment


def analyze(raw: SourceText, pack: Pack, kind: Kind | None = None) -> Document:
    """The located model of a reader's text; `kind` forces a kind instead of deciding it."""
    layout = lay_out(raw)
    document = _analyze_view(layout.view, pack, kind)
    if layout.mapping.identity:
        return replace(document, source=raw)
    return replace(
        remap_spans(document, layout.mapping),
        source=raw,
        reading=layout.view,
        reading_map=layout.mapping,
    )


def _analyze_view(source: SourceText, pack: Pack, forced: Kind | None) -> Document:
    sections = segment(source, pack.template)
    sentences = split_sentences(source, sections)
    kind = forced or detect_kind(source, sections, pack.vocab)
    document = _extract(source, sections, sentences, kind, pack)
    known = sections_by_content(document, pack.template)
    if known != sections:  # read again with the sections their content named
        sections = known
        document = _extract(source, sections, sentences, kind, pack)
    cues = kind_cues(document, pack.vocab)
    if forced is None and kind is Kind.UNKNOWN:
        decided = decide_from_cues(cues, pack.vocab)
        if decided is not Kind.UNKNOWN:
            document = _extract(source, sections, sentences, decided, pack)
    return replace(document, kind_cues=cues, kind_forced=forced is not None)


def _extract(
    source: SourceText,
    sections: tuple[Section, ...],
    sentences: tuple[Sentence, ...],
    kind: Kind,
    pack: Pack,
) -> Document:
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
