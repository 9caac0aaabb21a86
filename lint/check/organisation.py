"""Groups, meetings, school and revision checks: GRP, SCH, REV.

Every threshold, required role and organisation comes from the rule's params; the groups,
members and revisions were read in lint/analyze (groups.py, revisions.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import replace
from typing import Any

from lint.check.engine import Param, Violation, one_org_type, register
from lint.localize import Interval, Text
from lint.model import Document, Group, Member, Revision, Span


def _required_org_types(require: Any) -> list[tuple[str, str]]:
    """The organisation types `group_members` requirements name."""
    found = []
    for index, requirement in enumerate(require if isinstance(require, list) else ()):
        if not isinstance(requirement, dict):
            continue
        for org in requirement.get("organisations", ()):
            found.append((f"[{index}].organisations", str(org)))
        for number, combination in enumerate(requirement.get("combinations", ())):
            for org in (
                combination.get("organisations", ()) if isinstance(combination, dict) else ()
            ):
                found.append((f"[{index}].combinations[{number}].organisations", str(org)))
    return found


@register(
    "group_members",
    params={
        "group": Param("string", required=True),
        "require": Param("list", required=True, org_types=_required_org_types),
    },
    messages={
        "default": {"requirement", "key"},
        "unverified": {"requirement", "key", "member"},
    },
    translated={"requirement"},
)
def group_members(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    """Each requirement (a role or an organisation) is met by a standing member of the group.
    A member whose organisation is named by an ambiguous term ("vid Förvaltningen", defined
    for two parties) that may meet it makes the requirement unverifiable, not unmet."""
    group = document.group(params["group"])
    if group is None:  # reported by groups_present
        return
    standing = [m for m in group.members if not m.optional]
    for requirement in params.get("require", ()):
        if any(_meets(member, requirement) for member in standing):
            continue
        args = {
            "requirement": Text.of(requirement, requirement["key"]),
            "key": requirement["key"],
        }
        doubtful = next((m for m in standing if _may_meet(m, requirement)), None)
        if doubtful is not None:
            yield Violation(
                span=doubtful.span,
                key="unverified",
                args={**args, "member": doubtful.text},
                unverified=True,
            )
        else:
            yield Violation(span=_members_span(document, group), args=args)


def _may_meet(member: Member, requirement: Mapping[str, Any]) -> bool:
    """One of the organisations an ambiguous term may name meets the requirement."""
    return any(_meets(replace(member, organisation=org), requirement) for org in member.candidates)


def _meets(member: Member, requirement: Mapping[str, Any]) -> bool:
    """One of the roles, or one of the organisations, or a role *and* organisation pair
    listed under `combinations` (a chief from the police area for its head)."""
    org = member.organisation
    if member.role in requirement.get("roles", ()) or org in requirement.get("organisations", ()):
        return True
    return any(
        member.role in combination.get("roles", ()) and org in combination.get("organisations", ())
        for combination in requirement.get("combinations", ())
    )


@register(
    "group_meetings",
    params={"group": Param("string", required=True), "min_per_year": Param("number", 2)},
    messages={"default": {"minimum", "found"}, "missing": {"minimum"}},
)
def group_meetings(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    group = document.group(params["group"])
    if group is None:
        return
    minimum = params.get("min_per_year", 2)
    args = {"minimum": _number(minimum)}
    if group.meetings_per_year is None:
        yield Violation(span=_heading_line(document, group.span), key="missing", args=args)
    elif group.meetings_per_year + 1e-9 < minimum:
        span = group.meetings_span or _heading_line(document, group.span)
        yield Violation(span=span, args={**args, "found": _number(group.meetings_per_year)})


@register(
    "groups_present",
    params={
        "groups": Param("strings", required=True),
        "names": Param("mapping", {}),
        "anchor_sections": Param("strings", []),
    },
    messages={"default": {"group"}},
    translated={"group"},
)
def groups_present(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    names = params.get("names", {})
    for kind in params.get("groups", ()):
        if document.group(kind) is None:
            yield Violation(
                span=_anchor(document, params.get("anchor_sections", ())),
                args={"group": Text.of(names.get(kind), kind)},
            )


@register(
    "revision_interval",
    params={
        "subject": Param("string", required=True),
        "max_months": Param("number", required=True),
        "anchor_sections": Param("strings", []),
    },
    messages={
        "default": {"interval", "months"},
        "missing": set(),
        "contradiction": {"interval", "months", "other", "other_text", "other_line"},
    },
    translated={"interval", "other"},
)
def revision_interval(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    subject = params["subject"]
    maximum = float(params["max_months"])
    revisions = [r for r in document.revisions if r.subject == subject]
    stated = [r for r in revisions if r.months is not None]
    if not stated:
        yield Violation(
            span=_anchor(document, params.get("anchor_sections", ())), key="missing", args={}
        )
        return
    too_long = [r for r in stated if r.months is not None and r.months > maximum + 1e-9]
    other = next((r for r in stated if too_long and r.months != too_long[0].months), None)
    if too_long and other is not None:
        # One sentence says yearly, another every third year: one finding names both.
        yield _contradiction(document, too_long[0], other)
        return
    for revision in too_long:
        assert revision.months is not None
        yield Violation(
            span=revision.interval_span or revision.span,
            args={"interval": Interval(revision.months), "months": _number(revision.months)},
        )


def _contradiction(document: Document, revision: Revision, other: Revision) -> Violation:
    assert revision.months is not None and other.months is not None
    other_span = other.interval_span or other.span
    return Violation(
        span=revision.interval_span or revision.span,
        key="contradiction",
        args={
            "interval": Interval(revision.months),
            "months": _number(revision.months),
            "other": Interval(other.months),
            "other_text": " ".join(document.source.slice(other_span).split()),
            "other_line": document.source.line_at(other_span.start).number,
        },
    )


@register(
    "school_included",
    params={
        "org_type": Param(
            "string", required=True, doc="the school's organisation type", org_types=one_org_type
        ),
        "fallback_party_words": Param("strings", []),
        "anchor_sections": Param("strings", []),
    },
    messages={"default": set(), "unverified": {"member"}},
)
def school_included(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    """The school is a party, or a standing or co-opted member of any group (a school
    co-opted in the steering group takes part, only without a seat). A member named by an
    ambiguous term that may be the school makes it unverifiable."""
    org_type = params["org_type"]
    if _is_party(document, org_type, params) or any(
        _has_member(group, org_type) or _co_opted_member(group, org_type) is not None
        for group in document.groups
    ):
        return
    doubtful = next(
        (m for group in document.groups if (m := _doubtful_member(group, org_type))), None
    )
    if doubtful is not None:
        yield Violation(doubtful.span, "unverified", {"member": doubtful.text}, unverified=True)
    else:
        yield Violation(span=_anchor(document, params.get("anchor_sections", ())))


@register(
    "party_in_group",
    params={
        "org_type": Param("string", required=True, org_types=one_org_type),
        "group": Param("string", required=True),
    },
    messages={"default": set(), "co_opted": {"member"}, "unverified": {"member"}},
)
def party_in_group(document: Document, params: Mapping[str, Any]) -> Iterator[Violation]:
    """A party of the type has a standing member in the group; a standing member named by an
    ambiguous term that may be of that party makes it unverifiable."""
    org_type = params["org_type"]
    group = document.group(params["group"])
    if group is None or not _is_party(document, org_type, params):
        return
    if _has_member(group, org_type):
        return
    doubtful = _doubtful_member(group, org_type, standing=True)
    co_opted = _co_opted_member(group, org_type)
    if doubtful is not None:
        yield Violation(doubtful.span, "unverified", {"member": doubtful.text}, unverified=True)
    elif co_opted is not None:  # takes part, but has no seat: say so
        yield Violation(span=co_opted.span, key="co_opted", args={"member": co_opted.text})
    else:
        yield Violation(span=_members_span(document, group))


def _is_party(document: Document, org_type: str, params: Mapping[str, Any]) -> bool:
    """Among the parties; when no party was read, the party section names it."""
    if document.parties:
        return any(p.org_type == org_type for p in document.parties)
    section = document.section_for("parties")
    if section is None:
        return False
    text = document.source.slice(section.body).lower()
    return any(word in text for word in params.get("fallback_party_words", ()))


def _has_member(group: Group, org_type: str) -> bool:
    return any(not m.optional and m.organisation == org_type for m in group.members)


def _doubtful_member(group: Group, org_type: str, standing: bool = False) -> Member | None:
    """A member (a standing one, with `standing`) whose organisation an ambiguous term names,
    one of whose candidates is of the type."""
    return next(
        (m for m in group.members if org_type in m.candidates and not (standing and m.optional)),
        None,
    )


def _co_opted_member(group: Group, org_type: str) -> Member | None:
    return next(
        (m for m in group.members if m.co_opted and m.organisation == org_type),
        None,
    )


# ---------------------------------------------------------------- locations


def _heading_line(document: Document, span: Span) -> Span:
    line = document.source.line_at(span.start)
    return Span(line.start, line.end)


def _members_span(document: Document, group: Group) -> Span:
    """The member list, or the group's first line when it names no member."""
    members = [m for m in group.members if not m.optional] or list(group.members)
    if not members:
        return _heading_line(document, group.span)
    first = document.source.line_at(min(m.span.start for m in members))
    last = document.source.line_at(max(m.span.end for m in members) - 1)
    return Span(first.start, last.end)


def _anchor(document: Document, section_keys: Iterable[str]) -> Span:
    """The heading of the first of `section_keys` present, else the document's first line."""
    for key in section_keys:
        section = document.section(key)
        if section is not None and section.heading.end > section.heading.start:
            return section.heading
    if not document.source.lines:
        return Span(0, 0)
    first = next(
        (line for line in document.source.lines if document.source.line_text(line).strip()),
        document.source.lines[0],
    )
    return Span(first.start, first.end)


def _number(value: float) -> str:
    return f"{value:g}"
