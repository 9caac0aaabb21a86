"""SIG001-SIG002 on hand-built documents and on the seeds."""

from __future__ import annotations

from lint.check.signatures import parties_signed, signature_dates
from lint.model import DateMention, Document, Kind, Party, Signature, Span, Validity
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes
from tests.conftest import OSTERMALM, SKARPNACK, check_json

PARAMS = {"_as_of": "2026-11-22"}
PARTIES = (
    Party("Skarpnäcks stadsdelsförvaltning", "district_administration", Span(0, 3)),
    Party("Lokalpolisområde Globen", "police_area", Span(4, 7)),
    Party("Utbildningsförvaltningen", "education_administration", Span(8, 11)),
)


def document(**fields) -> Document:  # type: ignore[no-untyped-def]
    source = read_text_bytes(("text line\n" * 5).encode(), "t.txt", ReadLimits())
    return Document(source=source, kind=Kind.LOCAL_AGREEMENT, **fields)


def signed(party_index: int | None, iso: str | None = "2020-03-19") -> Signature:
    date = DateMention(iso, "day", Span(0, 10)) if iso else None
    return Signature(Span(20, 30), date=date, party_index=party_index)


def test_no_signatures_reported_once() -> None:
    for parties in ((), PARTIES):
        (found,) = parties_signed(document(parties=parties), PARAMS)
        assert found.key == "none"


def test_each_unsigned_party_is_named() -> None:
    doc = document(parties=PARTIES, signatures=(signed(0), signed(2)))
    (found,) = parties_signed(doc, PARAMS)
    assert found.args["party"] == "Lokalpolisområde Globen" and found.span == PARTIES[1].span


def test_unmatched_blocks_cover_the_remaining_parties() -> None:
    doc = document(parties=PARTIES, signatures=(signed(0), signed(None), signed(2)))
    assert list(parties_signed(doc, PARAMS)) == []


def test_all_parties_signed() -> None:
    doc = document(parties=PARTIES, signatures=(signed(0), signed(1), signed(2)))
    assert list(parties_signed(doc, PARAMS)) == []


def test_undated_signature() -> None:
    (found,) = signature_dates(document(signatures=(signed(0), signed(1, None))), PARAMS)
    assert found.key == "default"


def test_signed_after_the_stated_start() -> None:
    start = DateMention("2021-02-11", "day", Span(0, 10))
    validity = (Validity(Span(0, 5), start=start, until_further_notice=True),)
    late = document(validity=validity, signatures=(signed(0, "2021-03-03"),))
    (found,) = signature_dates(late, PARAMS)
    assert found.key == "after_start" and found.args == {
        "date": "2021-03-03",
        "start": "2021-02-11",
    }
    early = document(
        validity=validity, signatures=(signed(0, "2021-02-11"), signed(1, "2021-02-01"))
    )
    assert list(signature_dates(early, PARAMS)) == []


def test_month_precision_start_allows_any_day_of_that_month() -> None:
    start = DateMention("2021-02", "month", Span(0, 7))
    doc = document(
        validity=(Validity(Span(0, 5), start=start),), signatures=(signed(0, "2021-02-20"),)
    )
    assert list(signature_dates(doc, PARAMS)) == []


def test_year_precision_start_allows_any_day_of_that_year() -> None:
    """ "Överenskommelsen avser perioden 2024–2026", signed in March 2024."""
    start = DateMention("2024", "year", Span(0, 4))
    validity = (Validity(Span(0, 5), start=start),)
    march = document(validity=validity, signatures=(signed(0, "2024-03-05"),))
    assert list(signature_dates(march, PARAMS)) == []
    later = document(validity=validity, signatures=(signed(0, "2025-01-02"),))
    assert [f.key for f in signature_dates(later, PARAMS)] == ["after_start"]


def test_validity_from_signing_never_contradicts() -> None:
    validity = (Validity(Span(0, 5), from_signing=True, until_further_notice=True),)
    doc = document(validity=validity, signatures=(signed(0, "2020-03-19"), signed(1, "2020-04-02")))
    assert list(signature_dates(doc, PARAMS)) == []


def test_seeds_signed_and_draft() -> None:
    report = check_json(SKARPNACK, OSTERMALM, extra=("--select", "SIG"))
    skarpnack, ostermalm = (f["findings"] for f in report["files"])
    assert skarpnack == []
    assert [(f["rule"], f["severity"]) for f in ostermalm] == [("SIG001", "error")]
    draft = check_json(OSTERMALM, extra=("--select", "SIG", "--stage", "draft"))
    assert [(f["rule"], f["severity"]) for f in draft["files"][0]["findings"]] == [
        ("SIG001", "info")
    ]


def test_one_date_line_below_undated_blocks_may_date_them_all() -> None:
    """ "Hyltebruk den 5 mars 2024" under a table of two signatures is read as the last
    block's date: the first block is "could not be verified", not undated."""
    text = "Anna Berg\tPer Ek\nHyltebruk den 5 mars 2024\n"
    source = read_text_bytes(text.encode(), "t.txt", ReadLimits())
    below = DateMention("2024-03-05", "day", Span(31, 42))
    first = Signature(Span(0, 9), party_index=0)
    last = Signature(Span(10, 42), date=below, party_index=1)
    doc = Document(source=source, kind=Kind.LOCAL_AGREEMENT, signatures=(first, last))
    (found,) = signature_dates(doc, PARAMS)
    assert (found.key, found.unverified, found.span) == ("unverified", True, first.span)
    opening = Signature(Span(10, 42), date=DateMention("2024-03-05", "day", Span(10, 20)))
    doc = Document(source=source, kind=Kind.LOCAL_AGREEMENT, signatures=(first, opening))
    assert [(f.key, f.unverified) for f in signature_dates(doc, PARAMS)] == [("default", False)]


def test_no_signature_is_late_for_a_period_that_ends_before_it_starts() -> None:
    """ "från 1 mars 2026 till 28 februari 2025": DAT002 reports the period; a signature of
    February 2026 is not also late for its impossible end, but is for a real one."""
    start = DateMention("2026-03-01", "day", Span(0, 10))
    end = DateMention("2025-02-28", "day", Span(20, 30))
    signed = (Signature(Span(40, 50), date=DateMention("2026-02-16", "day", Span(40, 50))),)
    source = read_text_bytes(b"x" * 60, "t.txt", ReadLimits())

    def late(validity: Validity) -> list[str]:
        doc = Document(source, Kind.LOCAL_AGREEMENT, validity=(validity,), signatures=signed)
        return [f.key for f in signature_dates(doc, PARAMS)]

    assert late(Validity(Span(0, 30), start, end)) == []
    assert late(Validity(Span(0, 30), end=end)) == ["after_end"]
