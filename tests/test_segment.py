from __future__ import annotations

import json

import pytest

from lint.model import Line, LineStyle, SourceText
from lint.pack import Pack, load_pack
from lint.segment import match_template, segment
from tests.conftest import LOCAL_AGREEMENTS, run_cli


def headings(path: str) -> list[tuple[str, str | None, int]]:
    code, out, _ = run_cli("extract", path)
    assert code == 0
    return [(s["title"], s["template_key"], s["level"]) for s in json.loads(out)["sections"]]


@pytest.mark.parametrize("text", LOCAL_AGREEMENTS, ids=lambda p: p.stem)
def test_same_headings_for_text_pdf_and_docx(text) -> None:
    expected = headings(str(text))
    assert len(expected) >= 11
    assert headings(str(text.with_suffix(".pdf"))) == expected
    assert headings(str(text.with_suffix(".docx"))) == expected


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Lokal arbetsgrupp", "working_groups"),
        ("Lokala arbetsgrupper", "working_groups"),
        ("Styrgruppen", "steering_group"),
        ("Uppdateringar, ändringar och tillägg", "updates"),
        ("Bilagor", "annexes"),
    ],
)
def test_headings_match_the_template_fuzzily(pack: Pack, title: str, key: str) -> None:
    matched, score = match_template(title, pack.template)
    assert matched is not None and matched.key == key, (title, score)


def test_unrelated_heading_matches_nothing(pack: Pack) -> None:
    matched, _ = match_template("Ekonomisk redovisning", pack.template)
    assert matched is None


def _source(lines: list[str]) -> SourceText:
    text = "\n".join(lines)
    built, offset = [], 0
    for number, line in enumerate(lines, start=1):
        built.append(Line(number, offset, offset + len(line), None, LineStyle()))
        offset += len(line) + 1
    return SourceText("x.txt", "text", text, tuple(built))


def test_plain_text_headings_from_shape(pack: Pack) -> None:
    prose = "Detta är en lång mening som beskriver hur samverkan ska gå till i stadsdelen."
    source = _source(["Överenskommelse", "", "Bakgrund", "", prose, "", "Giltighetstid", "", prose])
    sections = segment(source, pack.template)
    assert [s.template_key for s in sections] == [None, "background", "term"]
    assert source.slice(sections[1].body).strip() == prose


def test_numbered_headings_that_carry_on_the_outline(pack: Pack) -> None:
    """ "1.3 Underlag" after "1.2 Parter" and "12. Information" after "11. Bilagor" are
    headings although the template does not name them; a numbered list is not."""
    prose = "Detta är en lång mening som beskriver hur samverkan ska gå till i kommunen."
    lines = ["Överenskommelse", "", "1.2 Parter", "", prose, "", "1.3 Underlag", "", prose]
    lines += ["", "11. Bilagor", "", "Bilaga 1: Lägesbild", "", "12. Information om ändringar"]
    lines += ["", prose, "", "13. Tid", "", "1. Första punkten", "2. Andra punkten"]
    source = _source(lines)
    titles = [s.title for s in segment(source, pack.template)]
    assert titles == [
        "Överenskommelse",
        "1.2 Parter",
        "1.3 Underlag",
        "11. Bilagor",
        "12. Information om ändringar",
        "13. Tid",
    ]


def test_a_line_in_capitals_is_a_heading_after_a_title_without_a_full_stop(pack: Pack) -> None:
    """Word paragraphs have no blank lines: "AVTALETS PARTER" right under a subtitle."""
    prose = "Detta är en lång mening som beskriver hur samverkan ska gå till i kommunen."
    subtitle = "Borås Stad och Polismyndigheten 2024–2027"
    source = _source(
        ["SAMVERKANSAVTAL", subtitle, "AVTALETS PARTER", prose, "UTGÅNGSPUNKTER", prose]
    )
    titles = [s.title for s in segment(source, pack.template)]
    assert titles == ["SAMVERKANSAVTAL", "AVTALETS PARTER", "UTGÅNGSPUNKTER"]


def test_headings_asked_as_questions() -> None:
    national = load_pack("national")
    prose = "Detta är en lång mening som beskriver hur samverkan ska gå till i kommunen."
    lines = ["Överenskommelse", "", "Vilka problem fokuserar vi på?", "", prose, ""]
    lines += ["Vilka dokument hör till överenskommelsen?", "", "• Bilaga 1. Lägesbild", ""]
    lines += ["Varför?", "", prose]
    sections = segment(_source(lines), national.template)
    assert [(s.title, s.template_key) for s in sections] == [
        ("Överenskommelse", None),
        ("Vilka problem fokuserar vi på?", None),
        ("Vilka dokument hör till överenskommelsen?", "annexes"),
        ("Varför?", None),
    ]


@pytest.mark.parametrize(
    ("title", "key"),
    [
        ("Hur organiseras arbetet?", "organisation"),
        ("Så här är samverkan organiserad", "organisation"),
        ("När uppdateras överenskommelsen?", "updates"),
        ("Så informeras parterna", "information"),
        ("Hur länge är avtalet giltigt?", "term"),
        ("Vilken gemensam lägesbild utgår arbetet från under perioden?", "situation_picture"),
        ("Varför har vi en lokal överenskommelse?", "background"),
    ],
)
def test_headings_worded_as_questions_or_phrases_with_verbs(
    pack: Pack, title: str, key: str
) -> None:
    heading, _ = match_template(title, pack.template)
    assert heading is not None and heading.key == key


def test_a_dated_version_note_names_no_section_by_its_verb(pack: Pack) -> None:
    assert match_template("Reviderad version, mars 2022", pack.template)[0] is None
    assert match_template("Uppdaterad 2023-05-01", pack.template)[0] is None


def test_short_paragraphs_under_a_lead_in_are_no_headings(pack: Pack) -> None:
    """Word's plain text of Normal paragraphs: one member a paragraph under "består av:"."""
    prose = "Gruppen träffas fyra gånger per år och därutöver när någon av parterna begär det."
    lines = ["Överenskommelse", "", "Lokal styrgrupp", "", "Styrgruppen består av:", ""]
    lines += ["Anna Berg (stadsdelsdirektör), stadsdelsförvaltningen", ""]
    lines += ["Per Ek (lokalpolisområdeschef), lokalpolisområdet", "", prose]
    sections = segment(_source(lines), pack.template)
    assert [s.title for s in sections] == ["Överenskommelse", "Lokal styrgrupp"]


def test_first_headings_right_under_a_long_title_or_a_reference_line(pack: Pack) -> None:
    """Text without blank lines: "Parter" under a title too long for a heading, and
    "§ 1 Parter" under a case number that ends without a full stop."""
    national = load_pack("national")
    prose = "Detta är en lång mening som beskriver hur samverkan ska gå till i kommunen."
    title = "Samverkansöverenskommelse mellan Kiruna kommun och Polismyndigheten, "
    title += "lokalpolisområde Kiruna"
    sections = segment(_source([title, "Parter", prose]), national.template)
    assert [s.template_key for s in sections][-1] == "parties"
    lines = ["Samverkansöverenskommelse", "Dnr A 611.402/2024", "§ 1 Parter", prose]
    sections = segment(_source(lines), national.template)
    assert [s.title for s in sections] == ["Samverkansöverenskommelse", "§ 1 Parter"]


def test_a_decimal_number_gives_the_level(pack: Pack) -> None:
    """ "5.1.2 Sammansättning" lies inside "5.1 Lokal styrgrupp", which lies inside "5 Lokal
    samverkansorganisation": a sub-section is part of its parent's body."""
    prose = "Detta är en lång mening som beskriver hur samverkan ska gå till i stadsdelen."
    lines = ["Överenskommelse", "", "5 Lokal samverkansorganisation", "", prose]
    lines += ["", "5.1 Lokal styrgrupp", "", "5.1.1 Uppdrag", "", prose]
    lines += ["", "5.1.2 Sammansättning", "", prose, "", "6 Information", "", prose]
    source = _source(lines)
    sections = {s.title: s for s in segment(source, pack.template)}
    assert [s.level for s in sections.values()][1:] == [1, 2, 3, 3, 1]
    steering = sections["5.1 Lokal styrgrupp"]
    assert steering.body.end == sections["6 Information"].heading.start
    assert "5.1.2 Sammansättning" in source.slice(steering.body)


def test_template_headings_with_a_colon_and_numbers_before_a_section_sign(pack: Pack) -> None:
    """ "Tid:" and "1 § Bakgrund" are headings; a lead-in with a colon that only resembles a
    template heading ("Parterna prioriterar under perioden:") is not."""
    prose = "Detta är en lång mening som beskriver hur samverkan ska gå till i stadsdelen."
    lines = ["Överenskommelse", "1 § Bakgrund", prose, "Tid:", prose]
    lines += ["Parterna prioriterar under perioden:", "• Unga i risk", "2 § Information", prose]
    sections = segment(_source(lines), pack.template)
    assert [(s.title, s.template_key) for s in sections[1:]] == [
        ("1 § Bakgrund", "background"),
        ("Tid:", "term"),
        ("2 § Information", "information"),
    ]


def test_a_heading_right_under_an_annex_list_without_separators(pack: Pack) -> None:
    """ "Bilaga 6 Övergripande …" (number and title, no colon or dash, too long for a
    heading) ends the annex list; "D. Tid" under it is the next section, and no entry of
    the list is a heading of its own."""
    prose = "Överenskommelsen gäller från och med den 1 september 2022 och tills vidare."
    lines = [
        "Lokal samverkansöverenskommelse",
        "C. Bilagor",
        "Bilaga 1 Gemensam lokal lägesbild Enskede-Årsta-Vantör 2022",
        "Bilaga 2 Åtgärdsplan 2022–2023",
        "Bilaga 6 Övergripande samverkansöverenskommelse mellan Stockholms stad och Polisregion "
        "Stockholm",
        "D. Tid",
        prose,
    ]
    sections = segment(_source(lines), pack.template)
    assert [s.title for s in sections][1:] == ["C. Bilagor", "D. Tid"]
    assert sections[-1].template_key == "term"


def test_a_first_section_right_under_a_numbered_annex_list(pack: Pack) -> None:
    """No blank lines: the annex list, numbered 1-3 under "Bilagor", and the document's
    "1. Syfte" right below it; one does not continue the list's three."""
    lines = [
        "Överenskommelse om lokal samverkan",
        "Bilagor",
        "1. Lägesbild för området",
        "2. Åtgärdsplan",
        "3. Den övergripande överenskommelsen",
        "1. Syfte",
        "Syftet är att förebygga brott och öka tryggheten i stadsdelen.",
        "2. Tid",
        "Överenskommelsen gäller tills vidare.",
    ]
    sections = segment(_source(lines), pack.template)
    assert [s.title for s in sections][1:] == ["Bilagor", "1. Syfte", "2. Tid"]
    assert sections[2].template_key is not None


def test_a_numbered_list_that_restarts_under_a_list_is_no_heading(pack: Pack) -> None:
    """ "1." after a list's "2." that names no template section stays a list item."""
    lines = [
        "Överenskommelse om lokal samverkan",
        "Bilagor",
        "1. Lägesbild för området",
        "2. Åtgärdsplan",
        "1. Kontaktlista för gruppen",
        "Tid",
        "Överenskommelsen gäller tills vidare.",
    ]
    sections = segment(_source(lines), pack.template)
    assert [s.title for s in sections][1:] == ["Bilagor", "Tid"]


def test_a_list_number_does_not_carry_on_roman_section_numbers(pack: Pack) -> None:
    """ "4. Samverkansstruktur" in the annex list under "III. Bilagor" names a template
    keyword and its number follows three, but the sections are numbered in roman: "IV. Tid"
    is the next section, and letters go on after "H." with "I."."""
    prose = "Överenskommelsen gäller från och med den 1 maj 2024 och tills vidare."
    lines = ["Överenskommelse", "", "I. Bakgrund", "", prose, "", "II. Parter", "", prose, ""]
    lines += ["III. Bilagor", "", "1. Lägesbild", "2. Åtgärdsplan", "3. Kommunikationsplan"]
    lines += ["4. Samverkansstruktur och kontakter", "", "IV. Tid", "", prose]
    sections = segment(_source(lines), pack.template)
    assert [s.title for s in sections][1:] == [
        "I. Bakgrund",
        "II. Parter",
        "III. Bilagor",
        "IV. Tid",
    ]
    lettered = ["Överenskommelse", "", "G. Information", "", prose, "", "H. Bilagor", "", prose]
    lettered += ["", "I. Underskrifter", "", prose]
    sections = segment(_source(lettered), pack.template)
    assert [s.title for s in sections][-1] == "I. Underskrifter"


def test_a_heading_over_a_lettered_list_of_parties() -> None:
    """Paragraphs with no blank lines between (a DOCX): "a) Helsingborgs stad, …" under a
    heading is a list item, not the lower-case rest of a wrapped line."""
    national = load_pack("national")
    lines = [
        "Samverkansöverenskommelse för ett tryggare Helsingborg",
        "Helsingborgs stad, Helsingborgshem, Räddningstjänsten Skåne Nordväst och "
        "Polismyndigheten, lokalpolisområde Helsingborg",
        "Giltig 2025–2028",
        "Kapitel 1 – Överenskommelsens parter",
        "a) Helsingborgs stad, genom kommunstyrelsen, organisationsnummer 212000-1082,",
        "b) AB Helsingborgshem, organisationsnummer 556047-3984.",
        "Kapitel 2 – Handlingar som hör till överenskommelsen",
        "Överenskommelsen kompletteras av följande handlingar:",
    ]
    sections = segment(_source(lines), national.template)
    assert [s.template_key for s in sections][1:] == ["parties", "annexes"]


def test_annex_entries_with_nr_colon_numbers_and_a_wrapped_entry_title(pack: Pack) -> None:
    """ "Bilaga nr 2: Åtgärdsplan" is an entry, not a heading; "5:1" numbers a sub-section;
    a title wrapped after "…; Bilaga 3" is no heading either."""
    prose = "Detta är en lång mening som beskriver hur samverkan ska gå till i stadsdelen."
    lines = ["Överenskommelse", "", "3. Bilagor", "", "Bilaga nr 1: Gemensam lokal lägesbild"]
    lines += ["", "Bilaga nr 2: Åtgärdsplan", "", "Bilaga 3 Lägesbild; Bilaga 4"]
    lines += ["Medborgarlöften 2025", "", "5 Lokal samverkansorganisation", "", prose]
    lines += ["", "5:1 Lokal styrgrupp", "", prose]
    sections = segment(_source(lines), pack.template)
    assert [(s.title, s.level) for s in sections[1:]] == [
        ("3. Bilagor", 1),
        ("5 Lokal samverkansorganisation", 1),
        ("5:1 Lokal styrgrupp", 2),
    ]


def test_lettered_sub_headings_that_name_template_sections(pack: Pack) -> None:
    """ "b. Beredningsgrupp" on a line of its own with prose after it is a sub-heading; a run
    of lettered lines naming the groups is a list."""
    prose = "Gruppen möts regelbundet och rapporterar till den som leder samverkan i området."
    lines = [
        "Överenskommelse",
        "",
        "3. Samverkansorganisation",
        "",
        "Organisationen har tre delar:",
        "",
        "a. Styrgrupp",
        "b. Beredningsgrupp",
        "c. Arbetsgrupper",
        "",
        prose,
        "",
        "a. Styrgrupp",
        "",
        prose,
        "",
        "b. Beredningsgrupp",
        "",
        prose,
        "",
        "c. Arbetsgrupper",
        "",
        prose,
    ]
    sections = segment(_source(lines), pack.template)
    found = [(s.template_key, s.level, s.heading.start) for s in sections]
    assert [key for key, _, _ in found] == [
        None,
        "organisation",
        "steering_group",
        "preparatory_group",
        "working_groups",
    ]
    assert [level for _, level, _ in found][2:] == [2, 2, 2]
    first_list_item = sum(len(line) + 1 for line in lines[:6])
    assert all(start > first_list_item for _, _, start in found[2:])


def test_a_label_right_under_its_sections_heading_is_no_section(pack: Pack) -> None:
    """ "Parter:" under "II. Parter och omfattning" opens the section's list."""
    lines = ["Överenskommelse", "", "I. Bakgrund", "", "Parterna samverkar i stadsdelen.", ""]
    lines += ["II. Parter och omfattning", "Parter:", "1. Stadsdelsförvaltningen", ""]
    lines += ["III. Bilagor", "", "Bilaga 1: Lägesbild"]
    sections = segment(_source(lines), pack.template)
    assert [s.title for s in sections] == [
        "Överenskommelse",
        "I. Bakgrund",
        "II. Parter och omfattning",
        "III. Bilagor",
    ]


def test_a_table_of_contents_opens_no_sections(pack: Pack) -> None:
    prose = "Detta är en lång mening som beskriver hur samverkan ska gå till i stadsdelen."
    lines = ["Överenskommelse", "", "Innehåll", "", "I. Bakgrund", "", "II. Parter", ""]
    lines += ["III. Bilagor", "", "I. Bakgrund", "", prose, "", "II. Parter", "", prose]
    lines += ["", "III. Bilagor", "", prose]
    sections = segment(_source(lines), pack.template)
    assert [(s.title, s.heading.start > 40) for s in sections[1:]] == [
        ("I. Bakgrund", True),
        ("II. Parter", True),
        ("III. Bilagor", True),
    ]
    assert all(prose in _source(lines).slice(s.body) for s in sections[1:])


def test_a_run_of_numbered_lines_over_prose_are_headings_whatever_their_words(
    pack: Pack,
) -> None:
    prose = "Här beskriver vi i löpande text vad avsnittet handlar om och varför det behövs."
    source = _source(
        ["Överenskommelse", "", "1. Om oss och vårt område", "", prose, "",
         "2. Vem är med", "", prose, "", "3. Tid", "", prose]
    )  # fmt: skip
    titles = [s.title for s in segment(source, pack.template)[1:]]
    assert titles == ["1. Om oss och vårt område", "2. Vem är med", "3. Tid"]


def test_a_loose_numbered_list_is_no_run_of_headings(pack: Pack) -> None:
    prose = "Här beskriver vi i löpande text vad avsnittet handlar om och varför det behövs."
    source = _source(
        ["Överenskommelse", "", "Bakgrund", "", prose, "", "1. Unga", "", "2. Platser", "",
         "3. Brottsoffer", "", prose]
    )  # fmt: skip
    assert [s.template_key for s in segment(source, pack.template)] == [None, "background"]


def test_a_colon_heading_worded_near_the_template_over_prose(pack: Pack) -> None:
    source = _source(
        ["Överenskommelse", "", "Parter och överenskommelsens omfattning:", "",
         "Överenskommelsen ingås mellan stadsdelsförvaltningen och lokalpolisområdet.", "",
         "Prioriterade samverkansområden 2025–2026:", "", "Område\tFokus"]
    )  # fmt: skip
    assert [s.template_key for s in segment(source, pack.template)] == [None, "parties"]


def test_a_phrase_heading_may_end_in_a_pronoun(pack: Pack) -> None:
    prose = "Överenskommelsen gäller från och med den 1 mars 2025 och tills vidare i stadsdelen."
    source = _source(["Överenskommelse", "", "Hur länge gäller den", "", prose])
    assert [s.template_key for s in segment(source, pack.template)] == [None, "term"]


def _docx(lines: list[str]) -> SourceText:
    from lint.read.limits import ReadLimits
    from lint.read.lines import RawLine, build_source

    return build_source([RawLine(t) for t in lines], "t.docx", "docx", ReadLimits())


def test_word_paragraphs_in_body_style_are_headings_by_their_shape(pack: Pack) -> None:
    prose = "Här beskriver vi i löpande text vad avsnittet handlar om och varför det behövs."
    source = _docx(
        ["Överenskommelse", "Om oss och vårt område", prose, "Hur länge gäller den", prose,
         "Parter och överenskommelsens omfattning:", "Överenskommelsen ingås mellan",
         "• Farsta stadsdelsförvaltning", "• Lokalpolisområde Farsta", "5. Tid:", prose]
    )  # fmt: skip
    titles = [(s.title, s.template_key) for s in segment(source, pack.template)[1:]]
    assert titles == [
        ("Om oss och vårt område", None),
        ("Hur länge gäller den", "term"),
        ("Parter och överenskommelsens omfattning:", "parties"),
        ("5. Tid:", "term"),
    ]


def test_a_phrase_heading_of_eight_words_is_named_by_its_keyword(pack: Pack) -> None:
    prose = "Här beskriver vi i löpande text vad avsnittet handlar om och varför det behövs."
    source = _source(
        ["Överenskommelse", "", "Läget i Farsta och det här prioriterar vi", "", prose]
    )
    assert [s.template_key for s in segment(source, pack.template)] == [
        None,
        "situation_picture",
    ]
