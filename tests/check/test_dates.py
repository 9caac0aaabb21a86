"""DAT001-DAT003 on hand-built documents and on the seeds."""

from __future__ import annotations

from dataclasses import replace

from lint.check.dates import dates_consistent, validity_current, validity_present
from lint.model import DateMention, Document, Kind, Sentence, Signature, Span, Validity
from lint.read.limits import ReadLimits
from lint.read.text import read_text_bytes
from tests.conftest import NORRMALM_MEMO, OSTERMALM, SKARPNACK, check_json

PARAMS = {"_as_of": "2026-11-22", "min_similarity": 80}


def document(text: str, **fields) -> Document:  # type: ignore[no-untyped-def]
    source = read_text_bytes(text.encode(), "t.txt", ReadLimits())
    return Document(source=source, kind=Kind.LOCAL_AGREEMENT, **fields)


def day(iso: str, start: int = 0) -> DateMention:
    return DateMention(iso, "day", Span(start, start + 10))


def validity(start: str | None, end: str | None) -> Validity:
    return Validity(Span(0, 5), day(start) if start else None, day(end) if end else None)


# --- DAT001 / DAT002 ------------------------------------------------------------------------


def test_validity_missing_only_without_any_clause() -> None:
    assert len(list(validity_present(document("Tid\n"), PARAMS))) == 1
    doc = document("Tid\n", validity=(Validity(Span(0, 3), until_further_notice=True),))
    assert list(validity_present(doc, PARAMS)) == []


def test_expired_names_end_date_once_for_repeated_clause() -> None:
    doc = document("x" * 20, validity=(validity("2019-02-01", "2019-05-19"),) * 2)
    (found,) = validity_current(doc, PARAMS)
    assert found.key == "default" and found.args["end"] == "2019-05-19"


def test_running_and_open_ended_periods_pass() -> None:
    doc = document(
        "x" * 20,
        validity=(validity("2021-02-11", "2027-02-10"), validity("2021-02-11", None)),
    )
    assert list(validity_current(doc, PARAMS)) == []


def test_end_before_start_is_reversed() -> None:
    doc = document("x" * 20, validity=(validity("2021-02-11", "2020-02-10"),))
    (found,) = validity_current(doc, PARAMS)
    assert found.key == "reversed" and found.args["start"] == "2021-02-11"


def test_validity_findings_point_at_the_dates_not_the_sentence() -> None:
    text = "Överenskommelsen gäller från 2019-02-01 till och med 2019-05-19.\n"
    start, end = (
        DateMention("2019-02-01", "day", Span(29, 39)),
        DateMention("2019-05-19", "day", Span(53, 63)),
    )
    sentence = Span(0, len(text) - 1)
    (expired,) = validity_current(
        document(text, validity=(Validity(sentence, start, end),)), PARAMS
    )
    assert expired.span == end.span
    early = DateMention("2018-05-19", "day", end.span)
    (reversed_,) = validity_current(
        document(text, validity=(Validity(sentence, start, early),)), PARAMS
    )
    assert reversed_.span == Span(29, 63)  # from the start date to the end date
    words = Span(17, 26)
    lasting = Validity(
        sentence, start, duration_months=24, duration_span=words
    )  # "gäller i två år från 2019-02-01"
    (ended,) = validity_current(document(text, validity=(lasting,)), PARAMS)
    assert ended.span == words


def test_month_precision_end_counts_to_the_last_day() -> None:
    end = DateMention("2026-11", "month", Span(0, 5))
    doc = document("x" * 20, validity=(Validity(Span(0, 5), None, end),))
    assert list(validity_current(doc, PARAMS)) == []  # as of 2026-11-22: still November
    (found,) = validity_current(doc, {**PARAMS, "_as_of": "2026-12-01"})
    assert found.args["end"] == "2026-11-30"


def test_year_precision_end_counts_to_the_last_day_of_the_year() -> None:
    end = DateMention("2026", "year", Span(0, 4))
    doc = document("x" * 20, validity=(Validity(Span(0, 5), None, end),))
    assert list(validity_current(doc, PARAMS)) == []
    (found,) = validity_current(doc, {**PARAMS, "_as_of": "2027-01-01"})
    assert found.args["end"] == "2026-12-31"


def test_duration_from_signing_ends_after_the_last_signature() -> None:
    clause = Validity(Span(0, 5), from_signing=True, duration_months=24)
    signatures = (
        Signature(Span(6, 10), date=day("2020-03-17")),
        Signature(Span(11, 15), date=day("2020-03-19")),
    )
    doc = document("x" * 20, validity=(clause,), signatures=signatures)
    (found,) = validity_current(doc, PARAMS)
    assert found.args["end"] == "2022-03-18"
    assert list(validity_current(doc, {**PARAMS, "_as_of": "2022-03-18"})) == []


def test_duration_from_a_stated_start_and_without_any_start() -> None:
    running = Validity(Span(0, 5), start=day("2025-01-01"), duration_months=36)
    unknown = Validity(Span(0, 5), from_signing=True, duration_months=12)  # no signature dates
    doc = document("x" * 20, validity=(running, unknown))
    assert list(validity_current(doc, PARAMS)) == []


# --- DAT003 -----------------------------------------------------------------------------------


def _dated_doc(text: str, signatures: tuple[Signature, ...] = ()) -> Document:
    from lint.analyze.dates import find_dates

    sentences = []
    position = 0
    for part in text.split("\n\n"):
        start = text.index(part, position)
        sentences.append(Sentence(Span(start, start + len(part)), part))
        position = start + len(part)
    return document(
        text, sentences=tuple(sentences), dates=tuple(find_dates(text)), signatures=signatures
    )


def test_same_statement_with_two_dates() -> None:
    text = (
        "Stockholms stad ingick i maj 2015 ett samverkansavtal med Polismyndigheten region "
        "Stockholm i syfte att utveckla samverkan.\n\n"
        "Stockholms stad ingick i juni 2015 ett samverkansavtal med Polismyndigheten region "
        "Stockholm (Polisen)."
    )
    (found,) = dates_consistent(_dated_doc(text), PARAMS)
    assert (found.args["first"], found.args["second"]) == ("maj 2015", "juni 2015")


def test_same_dates_and_different_statements_pass() -> None:
    text = (
        "Stockholms stad ingick i juni 2015 ett samverkansavtal med Polismyndigheten.\n\n"
        "Stockholms stad ingick i juni 2015 ett samverkansavtal med Polismyndigheten.\n\n"
        "Lokalpolisområde Norrmalm tecknade i juni 2016 sin första lokala överenskommelse.\n\n"
        "Två år senare, i juni 2018 ingicks en ny samverkansöverenskommelse.\n\n"
        "Överenskommelsen gäller från och med 2019-02-01.\n\n"
        "Överenskommelsen gäller till och med 2019-05-19."
    )
    assert list(dates_consistent(_dated_doc(text), PARAMS)) == []


def test_the_same_statement_in_another_word_order() -> None:
    """The date ends one sentence and closes a relative clause in the other: the words of
    that clause all occur in the first sentence."""
    text = (
        "Stadsdelsnämnden fastställde trygghetsprogrammet för Skarpnäck den 12 maj 2021.\n\n"
        "Arbetet utgår från trygghetsprogrammet, som stadsdelsnämnden fastställde 2021-06-09, "
        "och följs upp varje år."
    )
    (found,) = dates_consistent(_dated_doc(text), PARAMS)
    assert (found.args["first"], found.args["second"]) == ("12 maj 2021", "2021-06-09")


def test_words_after_the_date_that_only_name_the_object_are_no_same_statement() -> None:
    text = (
        "Tjänsteutlåtande Till stadsdelsnämnden 2025-04-24 Anmälan om reviderad lokal "
        "samverkansöverenskommelse mellan förvaltningen och polisen\n\n"
        "Parterna undertecknade den 12 mars 2025 en reviderad lokal samverkansöverenskommelse."
    )
    assert list(dates_consistent(_dated_doc(text), PARAMS)) == []


EVENT_WORDS = {**PARAMS, "event_words": ["lägesbild", "åtgärdsplan", "styrelse", "polis"]}


def test_alike_statements_about_two_events_pass_with_event_words() -> None:
    """Each party's decision and each yearly document is an event of its own."""
    text = (
        "Kommunstyrelsen godkände överenskommelsen den 5 mars 2024.\n\n"
        "Polisområdets ledning godkände överenskommelsen den 12 mars 2024.\n\n"
        "Lägesbilden togs fram i oktober 2023 av kommunpolisen.\n\n"
        "Åtgärdsplanen togs fram i december 2023 av kommunpolisen."
    )
    assert len(list(dates_consistent(_dated_doc(text), PARAMS))) == 2
    assert list(dates_consistent(_dated_doc(text), EVENT_WORDS)) == []


def test_one_event_dated_twice_is_still_found_with_event_words() -> None:
    text = (
        "Den lokala lägesbilden fastställdes av styrgruppen i oktober 2020.\n\n"
        "Den lokala lägesbilden, som fastställdes av styrgruppen i november 2020, revideras."
    )
    (found,) = dates_consistent(_dated_doc(text), EVENT_WORDS)
    assert found.args["second"] == "november 2020"


def test_day_and_month_precision_compare_at_the_month() -> None:
    text = (
        "Kommunfullmäktige beslutade den 4 november 2019 om den övergripande överenskommelsen.\n\n"
        "Kommunfullmäktige beslutade i november 2019 om den övergripande överenskommelsen."
    )
    assert list(dates_consistent(_dated_doc(text), PARAMS)) == []


def test_signature_dates_may_differ() -> None:
    text = "Stockholm den 19 mars 2020 Maria Mathiasson Laxvik Stadsdelsdirektör Skarpnäcks\n\n" * 2
    text = text.replace("19 mars", "23 mars", 1)
    doc = _dated_doc(text.strip())
    signed = tuple(Signature(Span(0, 1), date=d) for d in doc.dates)
    assert len(list(dates_consistent(doc, PARAMS))) == 1
    assert list(dates_consistent(replace(doc, signatures=signed), PARAMS)) == []


# --- the seeds -------------------------------------------------------------------------------


def test_seeds() -> None:
    report = check_json(NORRMALM_MEMO, SKARPNACK, OSTERMALM, extra=("--select", "DAT"))
    memo, skarpnack, ostermalm = (f["findings"] for f in report["files"])
    assert {f["rule"] for f in memo} == {"DAT002", "DAT003"}
    dat002 = next(f for f in memo if f["rule"] == "DAT002")
    assert "2019-05-19" in dat002["message"]
    assert skarpnack == [] and ostermalm == []


def test_numbered_statements_are_different_events() -> None:
    text = (
        "Styrgruppens möte nummer 3 om lägesbilden hölls den 12 mars 2020 i stadsdelshuset.\n\n"
        "Styrgruppens möte nummer 4 om lägesbilden hölls den 15 oktober 2020 i stadsdelshuset."
    )
    assert list(dates_consistent(_dated_doc(text), PARAMS)) == []


def test_a_validity_that_gives_a_date_that_does_not_exist() -> None:
    text = "Överenskommelsen gäller från och med den 31 april 2025 och tills vidare.\n"
    span = Span(text.index("31 april"), text.index(" och tills"))
    doc = document(
        text, validity=(Validity(Span(0, 70), until_further_notice=True, impossible=(span,)),)
    )
    (found,) = validity_current(doc, PARAMS)
    assert (found.key, found.args["date"], found.span) == ("impossible", "31 april 2025", span)
