"""What every analyzer gets: the text, its sections and sentences, and the pack's vocabularies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lint.model import Kind, Section, Sentence, SourceText, Span
from lint.pack import TemplateHeading


@dataclass(frozen=True)
class AnalysisContext:
    source: SourceText
    sections: tuple[Section, ...]
    sentences: tuple[Sentence, ...]
    kind: Kind
    vocab: dict[str, Any]
    template: tuple[TemplateHeading, ...]

    @property
    def text(self) -> str:
        return self.source.text

    def section(self, template_key: str) -> Section | None:
        return next((s for s in self.sections if s.template_key == template_key), None)

    def section_for(self, role: str) -> Section | None:
        """The first section that plays `role` (the pack's `section_roles`)."""
        return next((s for s in self.sections if role in s.roles), None)

    def section_text(self, section: Section) -> str:
        return self.source.slice(section.body)

    def sentences_in(self, span: Span) -> list[Sentence]:
        return [s for s in self.sentences if span.start <= s.span.start < span.end]
