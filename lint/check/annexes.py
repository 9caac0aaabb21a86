"""Annex list and reference checks: ANX001-ANX005.

The analysis (lint/analyze/annexes.py) found the list, the references and what each
title and each referring clause is about; these checks only compare them. Subject names
for messages come from the rule's `subject_names` parameter, the list's section from the
pack's `section_roles` (role `annexes`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from lint.check.engine import Param, Violation, register
from lint.localize import Phrase, Text
from lint.model import Annex, AnnexReference, Document, NumberStyle, Span
from lint.numerals import format_label, suffix_letters

_LABEL_HEAD = re.compile(r"^\s*(?:\d+|[IVX]+)\s*")
_DEFAULT_MIN_FIT = 80.0
_DEFAULT_MIN_MARGIN = 15.0


# --- ANX001 ------------------------------------------------------------------------------

# A line that opens like an annex entry: "Bilaga A – …", "• Bil. 1".
_UNREAD_ENTRY = re.compile(r"(?im)^\W*(?:bilaga|bil\.)\s+\S")


@register(
    "annex_reference_unresolved",
    params={"min_fit": Param("number", _DEFAULT_MIN_FIT)},
    messages={"default": {"label"}},
)
def annex_reference_unresolved(
    document: Document, params: Mapping[str, Any]
) -> Iterator[Violation]:
    if not document.annexes:
        return  # no list at all is ANX005's finding, not one per reference
    for reference in document.annex_references:
        if resolve(reference, document.annexes) is None:
            better = best_annex(reference.subject, document.annexes, _min_fit(params))
            yield Violation(
                span=reference.span,
                args={"label": reference.label},
                suggestion=f"bilaga {better.label}" if better else None,
            )


# --- ANX002 ------------------------------------------------------------------------------


@register(
    "annex_reference_mismatch",
    params={
        "min_fit": Param("number", _DEFAULT_MIN_FIT),
        "min_margin": Param("number", _DEFAULT_MIN_MARGIN),
        "subject_names": Param("mapping", {}),
    },
    messages={"default": {"label", "title", "expected", "subject"}},
    translated={"subject"},
)
def annex_reference_mismatch(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    min_fit = _min_fit(params)
    min_margin = float(params.get("min_margin", _DEFAULT_MIN_MARGIN))
    for reference in document.annex_references:
        target = resolve(reference, document.annexes)
        if target is None or reference.subject is None:
            continue
        if _about_any(target, reference.context_subjects, min_fit):
            continue  # the clause also names what the referenced annex holds
        better = best_annex(reference.subject, document.annexes, min_fit)
        if better is None or better is target:
            continue
        if fit(better, reference.subject) - fit(target, reference.subject) < min_margin:
            continue
        yield Violation(
            span=reference.span,
            args={
                "label": reference.label,
                "title": target.title,
                "expected": better.label,
                "subject": _subject_name(params, reference.subject),
            },
            suggestion=f"bilaga {better.label}",
        )


# --- ANX003 ------------------------------------------------------------------------------


@register("annex_list_numbering", messages={"default": {"problem"}}, translated={"problem"})
def annex_list_numbering(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    annexes = document.annexes
    if not annexes:
        return
    style = list_style(annexes)
    seen: set[tuple[int, str]] = set()
    highest = 0
    for annex in annexes:
        # Numbered as written: "3. Åtgärdsplan (3a-c)" and "3. Kommunikationsplan" are both 3.
        key = (annex.number, _LABEL_HEAD.sub("", annex.label))
        if key in seen:
            yield _numbering(annex.span, "duplicate", _label(annex.number, style), "")
        elif annex.number < highest:
            yield _numbering(
                annex.span, "order", _label(annex.number, style), _label(highest, style)
            )
        seen.add(key)
        highest = max(highest, annex.number)
    numbers = {a.number for a in annexes}
    missing = [n for n in range(1, highest) if n not in numbers]
    if missing:
        after_gap = next(a for a in annexes if a.number > missing[0])
        labels = ", ".join(_label(n, style) for n in missing)
        yield _numbering(after_gap.span, "gap", labels, "")


def _numbering(span: Span, problem: str, first: str, second: str) -> Violation:
    fields = (("first", first), ("second", second))
    return Violation(span=span, args={"problem": Phrase(f"annex_{problem}", fields)})


# --- ANX004 ------------------------------------------------------------------------------


@register(
    "annex_numbering_style",
    messages={"default": {"label", "style", "list_style"}, "mixed_list": {"label"}},
    translated={"style", "list_style"},
)
def annex_numbering_style(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    annexes = document.annexes
    if not annexes:
        return
    style = list_style(annexes)
    odd = [a for a in annexes if a.style is not style]
    if odd:
        yield Violation(span=odd[0].span, key="mixed_list", args={"label": odd[0].label})
    for reference in document.annex_references:
        if reference.style is style:
            continue
        yield Violation(
            span=reference.span,
            args={
                "label": reference.label,
                "style": Phrase(f"numerals_{reference.style.value}"),
                "list_style": Phrase(f"numerals_{style.value}"),
            },
            suggestion=f"bilaga {_label(reference.number, style)}{reference.suffix}",
        )


# --- ANX005 ------------------------------------------------------------------------------


@register(
    "required_annexes",
    params={
        "required": Param("strings", required=True),
        "min_fit": Param("number", _DEFAULT_MIN_FIT),
        "subject_names": Param("mapping", {}),
    },
    messages={"default": {"subject"}, "no_list": set(), "unread": set()},
    translated={"subject"},
)
def required_annexes(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    required: Sequence[str] = params.get("required", ())
    annexes_section = document.section_for("annexes")
    if not document.annexes:
        span = annexes_section.heading if annexes_section else Span(0, 0)
        if annexes_section is not None and _UNREAD_ENTRY.search(
            document.source.slice(annexes_section.body)
        ):
            # Lines that look like entries ("Bilaga A – Lägesbild") that could not be read
            # are no evidence that the list is missing.
            yield Violation(span=span, key="unread", unverified=True)
        else:
            yield Violation(span=span, key="no_list")
        return
    anchor = annexes_section.heading if annexes_section else document.annexes[0].span
    min_fit = _min_fit(params)
    for subject in required:
        if any(fit(annex, subject) >= min_fit for annex in document.annexes):
            continue
        yield Violation(span=anchor, args={"subject": _subject_name(params, subject)})


# --- shared ------------------------------------------------------------------------------


def resolve(reference: AnnexReference, annexes: Sequence[Annex]) -> Annex | None:
    """The listed annex a reference points to; roman and arabic compare by value.

    "bilaga 3a" resolves to "3a", to a range "3 (3a-c)" or to a plain "3"; "bilaga 3"
    resolves to "3" or, without a plain 3 in the list, to its first sub-annex.
    """
    same_number = [a for a in annexes if a.number == reference.number]
    if not reference.suffix:
        return next(
            (a for a in same_number if not a.suffix), same_number[0] if same_number else None
        )
    wanted = suffix_letters(reference.suffix)
    exact = [a for a in same_number if wanted <= suffix_letters(a.suffix)]
    if exact:
        return exact[0]
    return next((a for a in same_number if not a.suffix), None)


def fit(annex: Annex, subject: str) -> float:
    return dict(annex.subject_scores).get(subject, 0.0)


def best_annex(subject: str | None, annexes: Sequence[Annex], min_fit: float) -> Annex | None:
    """The annex whose title names `subject` best, if one does well enough."""
    if subject is None:
        return None
    scored = [(fit(annex, subject), annex) for annex in annexes]
    scored = [(score, annex) for score, annex in scored if score >= min_fit]
    return max(scored, key=lambda item: item[0])[1] if scored else None


def list_style(annexes: Sequence[Annex]) -> NumberStyle:
    """The list's numbering style: the majority, the first entry's on a tie."""
    counts = Counter(a.style for a in annexes)
    first = annexes[0].style
    return max(counts, key=lambda style: (counts[style], style is first))


def _about_any(annex: Annex, subjects: Sequence[str], min_fit: float) -> bool:
    return any(fit(annex, subject) >= min_fit for subject in subjects)


def _label(number: int, style: NumberStyle) -> str:
    return format_label(number, "", style)


def _min_fit(params: Mapping[str, Any]) -> float:
    return float(params.get("min_fit", _DEFAULT_MIN_FIT))


def _subject_name(params: Mapping[str, Any], subject: str) -> Text:
    names = (params.get("subject_names") or {}).get(subject)
    return Text.of(names, subject.replace("_", " "))
